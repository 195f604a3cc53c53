"""The canned queries on a remote SPARQL 1.1 endpoint, through SPARQLWrapper: the same SPARQL text and the
same rows as on the embedded store (tipkg.queries.run_on_store), whichever engine answers. The engine's
adapter (tipkg.engines) adds what makes its default graph the union of the named graphs.
"""
from __future__ import annotations

import re
import urllib.error

from SPARQLWrapper import JSON, POST, SELECT, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

from tipkg.queries import CannedQuery, QueryError

TIMEOUT_S = 300
GROUP_CONCAT = re.compile(r"\bGROUP_CONCAT\s*\(", re.I)
SEPARATOR = re.compile(r"""separator\s*=\s*(["'])(.*?)\1""", re.I)
PROJECTED_AS = re.compile(r"\bAS\s+[?$](\w+)", re.I)


def _closing_parenthesis(text: str, opening: int) -> int:
    """Where the parenthesis opened at `opening` closes, skipping quoted strings."""
    depth, i, quote = 0, opening, ""
    while i < len(text):
        c = text[i]
        if quote:
            if c == "\\":
                i += 1
            elif c == quote:
                quote = ""
        elif c in "\"'":
            quote = c
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return len(text)


def group_concat_columns(sparql: str, bare: bool = False) -> dict[str, str]:
    """The columns a query fills with GROUP_CONCAT, and their separators: engines differ in how they fill
    them (the order of the values; "" or nothing for a group with no value). With `bare`, only the columns
    that are a GROUP_CONCAT and nothing else; otherwise also those where it sits inside another expression."""
    out = {}
    for m in GROUP_CONCAT.finditer(sparql):
        end = _closing_parenthesis(sparql, m.end() - 1)
        separator = SEPARATOR.search(sparql, m.end(), end)
        column = PROJECTED_AS.search(sparql, end + 1)
        if column and (not bare or not sparql[end + 1:column.start()].strip()):
            out[column[1]] = separator[2] if separator else " "
    return out


def _term_value(term: dict | None) -> str | None:
    """A SPARQL JSON term as the embedded store gives it: its lexical value, blank nodes as _:id."""
    if term is None:
        return None
    if term.get("type") == "bnode":
        return f"_:{term['value']}"
    return term["value"]


def select(endpoint: str, sparql: str, parameters: dict[str, str] | None = None) -> list[dict[str, str | None]]:
    """Runs a SELECT query on an endpoint; rows of plain strings by variable name."""
    client = SPARQLWrapper(endpoint)
    client.setMethod(POST)  # canned queries are long; some engines limit the length of a URL
    client.setReturnFormat(JSON)
    client.setTimeout(TIMEOUT_S)
    client.setQuery(sparql)
    # SPARQLWrapper guesses the query form from keywords and takes words of the header comments ("addressee")
    # for updates; the caller knows it is a SELECT.
    client.queryType = SELECT
    for name, value in (parameters or {}).items():
        client.addParameter(name, value)
    try:
        results = client.queryAndConvert()
    except SPARQLWrapperException as e:
        raise QueryError(f"{endpoint} refused the query: {e}") from None
    except (urllib.error.URLError, OSError) as e:
        raise QueryError(f"cannot reach {endpoint}: {e}") from None
    if not isinstance(results, dict) or "results" not in results:
        raise QueryError(f"{endpoint} did not answer with SPARQL JSON results")
    names = results["head"]["vars"]
    return [{name: _term_value(binding.get(name)) for name in names} for binding in results["results"]["bindings"]]


def run_on_endpoint(url: str, query: CannedQuery, params: dict[str, str] | None = None, *,
                    engine: str = "auto") -> list[dict]:
    """A canned query on the endpoint at `url`: rows shaped as run_on_store shapes them (the query's columns
    first, in order, then any other variable)."""
    from tipkg.engines import PushError, adapter_for

    sparql = query.bind(params or {})
    try:
        adapter = adapter_for(url, engine)
    except PushError as e:
        raise QueryError(str(e)) from None
    rows = adapter.as_embedded(select(url, sparql, adapter.query_parameters()), sparql)
    return [{c: row.get(c) for c in query.columns} | {k: v for k, v in row.items() if k not in query.columns}
            for row in rows]
