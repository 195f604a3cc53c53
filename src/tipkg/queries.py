"""The canned queries: one .rq file per question in queries/, each with a header

    # title: ICAT chairs
    # question: Who chaired or co-chaired the Inter-Agency Coordination Group, by year?
    # parameters: country (required): a country name or ISO 3166 alpha-3 code
    # columns: year, chair, chair_acronym, document

A parameter `country` is bound to the variable ?country_param by a VALUES block (UNDEF when not given) placed
at the top of each WHERE group whose own text uses it, the query's or a sub-SELECT's (a sub-SELECT sees no
outer binding), or of the query's group when none does; so the same text runs on the embedded store and on
any SPARQL 1.1 endpoint. The same block binds ?country_key to the value in lower case with single spaces, the
form of the graph's skos:hiddenLabel names: `?c skos:hiddenLabel ?country_key` finds the node a parameter
names by one index lookup (a FILTER over LCASE(...) of every name would scan them all, and stores do not
look up a value computed by BIND). Results come back as rows of plain strings.

A line that ends in `# [if country]` is kept only when the parameter is given, one that ends in
`# [unless country]` only when it is not: so a query can start from the node a given parameter names (one
lookup), where a FILTER would test every row it matched, and still list everything when the parameter is absent.

The graph does not change between builds, so the build answers each listing (a canned query run with no
parameter) once and keeps its rows in the data folder (answers/), named after the SPARQL it ran: `answer`
returns those rows when asked for the same SPARQL, and evaluates on the store otherwise (a parameter given, a
query file edited since the build). Reading 33,185 rows back takes milliseconds; evaluating them takes seconds.
The same answer is kept as SPARQL results (TSV) for the endpoint, which serves a listing in any results format.

A listing whose header says `# scope: document` promises that each of its rows is read from one document's graph
(with the entities graph and the ontology), named in its ?document column, and that its ORDER BY (a list of
variables, ?document among them) breaks every tie: a rebuild then answers it from the previous build's rows and the
documents that changed (`_updated_answer`), evaluated on a dataset of their own graphs and the shared ones, instead
of over the whole store again, and puts the two in the order the query gives.
"""
from __future__ import annotations

import csv
import gc
import hashlib
import io
import json
import marshal
import re
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import Literal

from tipkg.graph import lookup_key
from tipkg.store import CurrentGraph

QUERIES_DIR = Path(__file__).resolve().parents[2] / "queries"
HEADER = re.compile(r"^#\s*(?P<key>title|question|parameters?|columns|scope|notes?)\s*:\s*(?P<value>.*)$", re.I)
PARAMETER = re.compile(r"^(?P<name>[a-z_][a-z0-9_]*)\s*(?:\((?P<flag>required|optional)\))?\s*:?\s*(?P<help>.*)$")
WHERE = re.compile(r"\bWHERE\s*\{", re.I)
CONDITION = re.compile(r"#\s*\[(?P<kind>if|unless)\s+(?P<name>[a-z_][a-z0-9_]*)\]\s*$")
IRI = re.compile(r"<[^\s<>\"{}|^`]*>")
ORDER_BY = re.compile(r"^ORDER\s+BY(?P<keys>(?:\s+\?\w+)+)\s*$", re.M | re.I)
DOCUMENT_SCOPE = "document"


class QueryError(ValueError):
    """An unknown query, a missing or unknown parameter, or a query the store rejects."""


@dataclass(frozen=True)
class Parameter:
    name: str
    required: bool
    help: str


@dataclass(frozen=True)
class CannedQuery:
    name: str
    title: str
    question: str
    parameters: tuple[Parameter, ...]
    columns: tuple[str, ...]
    sparql: str
    path: Path
    # "document": each row is read from one document's graph (with the entities graph and the ontology) and the
    # ORDER BY names ?document and breaks every tie: a rebuild answers the listing again from the documents that
    # changed
    scope: str | None = None

    def bind(self, params: dict[str, str]) -> str:
        """The SPARQL text with the parameters bound."""
        known = {p.name for p in self.parameters}
        unknown = sorted(set(params) - known)
        if unknown:
            raise QueryError(f"query {self.name} has no parameter {', '.join(unknown)}"
                             f" (it takes: {', '.join(sorted(known)) or 'none'})")
        missing = [p.name for p in self.parameters if p.required and not params.get(p.name)]
        if missing:
            raise QueryError(f"query {self.name} needs --param {missing[0]}=... ({self._help(missing[0])})")
        if not self.parameters:
            return self.sparql
        sparql = self.lines_for(params)
        values = " ".join(f"VALUES (?{p.name}_param ?{p.name}_key) {{ ({_n3(params.get(p.name))} {_n3(lookup_key(params.get(p.name) or ''))}) }}"
                          for p in self.parameters)
        groups = where_groups(sparql)
        if not groups:
            raise QueryError(f"{self.path.name}: no WHERE group to bind parameters in")
        names = [f"?{p.name}_{suffix}" for p in self.parameters for suffix in ("param", "key")]
        using = [start for start, own in groups if any(re.search(re.escape(n) + r"\b", own) for n in names)]
        # in each group that uses a parameter (a sub-SELECT sees no outer binding), and only there: Oxigraph plans
        # a query whose outer group holds an unused VALUES block badly
        for start in sorted(using or [groups[0][0]], reverse=True):
            sparql = sparql[:start] + "\n  " + values + "\n" + sparql[start:]
        return sparql

    def lines_for(self, params: dict[str, str]) -> str:
        """The SPARQL without the lines marked `# [if NAME]` whose parameter is not given and those marked
        `# [unless NAME]` whose parameter is; unbound: `lines_for({})` runs as it stands, as the listing."""
        kept = []
        for line in self.sparql.splitlines(keepends=True):
            m = CONDITION.search(line)
            if m is None or bool(params.get(m["name"])) == (m["kind"] == "if"):
                kept.append(line)
        return "".join(kept)

    def _help(self, name: str) -> str:
        return next(p.help for p in self.parameters if p.name == name)


def where_groups(sparql: str) -> list[tuple[int, str]]:
    """(offset just inside its brace, its own text without nested sub-SELECTs' groups) of each WHERE group."""
    closing = _matching_braces(sparql)
    groups = [(m.end(), closing[m.end() - 1]) for m in WHERE.finditer(sparql) if m.end() - 1 in closing]
    out = []
    for start, end in groups:
        own, at = [], start
        for inner_start, inner_end in groups:
            if start < inner_start and inner_end < end and inner_start >= at:
                own.append(sparql[at:inner_start])
                at = inner_end
        own.append(sparql[at:end])
        out.append((start, "".join(own)))
    return out


def _matching_braces(sparql: str) -> dict[int, int]:
    """Offset of each "{" -> offset of its "}", skipping strings, IRIs and comments."""
    pairs, stack, i = {}, [], 0
    while i < len(sparql):
        c = sparql[i]
        if c == "#":
            end = sparql.find("\n", i)
            i = len(sparql) if end < 0 else end
            continue
        if c in "\"'":
            end = i + 1
            while end < len(sparql) and sparql[end] != c:
                end += 2 if sparql[end] == "\\" else 1
            i = end + 1
            continue
        iri = IRI.match(sparql, i) if c == "<" else None
        if iri:
            i = iri.end()
            continue
        if c == "{":
            stack.append(i)
        elif c == "}" and stack:
            pairs[stack.pop()] = i
        i += 1
    return pairs


def _n3(value: str | None) -> str:
    return Literal(value).n3() if value else "UNDEF"


def parse_query_file(path: Path) -> CannedQuery:
    text = path.read_text(encoding="utf-8")
    fields: dict[str, str] = {}
    for line in text.splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        m = HEADER.match(line)
        if m:
            key = m["key"].lower()
            key = {"parameter": "parameters", "column": "columns", "note": "notes"}.get(key, key)
            fields[key] = (fields.get(key, "") + " " + m["value"]).strip()
    missing = [k for k in ("title", "question", "columns") if k not in fields]
    if missing:
        raise QueryError(f"{path.name}: header lacks {', '.join(missing)}")
    parameters = []
    for item in filter(None, (p.strip() for p in re.split(r";", fields.get("parameters", "")))):
        if item.lower() in ("none", "-"):
            continue
        m = PARAMETER.match(item)
        if not m:
            raise QueryError(f"{path.name}: cannot read parameter {item!r}")
        parameters.append(Parameter(m["name"], m["flag"] == "required", m["help"].strip()))
    columns = tuple(c.strip() for c in fields["columns"].split(",") if c.strip())
    known = {p.name for p in parameters}
    for number, line in enumerate(text.splitlines(), 1):
        m = CONDITION.search(line)
        if m and m["name"] not in known:
            raise QueryError(f"{path.name}, line {number}: [{m['kind']} {m['name']}] names no parameter of the query"
                             f" (it takes: {', '.join(sorted(known)) or 'none'})")
    scope = fields.get("scope", "").strip().lower() or None
    if scope not in (None, DOCUMENT_SCOPE):
        raise QueryError(f"{path.name}: scope {scope!r} is not known (the one scope is {DOCUMENT_SCOPE!r})")
    if scope and "document" not in (order_variables(text) or ()):
        raise QueryError(f"{path.name}: a listing of scope document is ordered by variables, ?document among them"
                         " (ORDER BY ?a ?document ...)")
    return CannedQuery(path.stem, fields["title"], fields["question"], tuple(parameters), columns, text, path, scope)


def order_variables(sparql: str) -> list[str] | None:
    """The variables of the query's ORDER BY, when it is a plain list of them (ascending); else None."""
    m = ORDER_BY.search(sparql)
    return re.findall(r"\?(\w+)", m["keys"]) if m else None


def catalogue(folder: Path = QUERIES_DIR) -> dict[str, CannedQuery]:
    return {q.name: q for q in (parse_query_file(p) for p in sorted(Path(folder).glob("*.rq")))}


def get_query(name: str, folder: Path = QUERIES_DIR) -> CannedQuery:
    queries = catalogue(folder)
    if name not in queries:
        import difflib

        close = difflib.get_close_matches(name, list(queries), n=3)
        hint = f"did you mean {' or '.join(close)}? " if close else ""
        raise QueryError(f"no canned query {name!r}; {hint}`tipkg query list` shows them: {', '.join(queries)}")
    return queries[name]


def _term_value(term) -> str | None:
    if term is None:
        return None
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return term.value


def run_on_store(store: ox.Store, query: CannedQuery, params: dict[str, str] | None = None) -> list[dict]:
    return _rows(_evaluate(store, query, query.bind(params or {})), query)


def _evaluate(store: ox.Store, query: CannedQuery, sparql: str) -> ox.QuerySolutions:
    try:
        solutions = store.query(sparql, use_default_graph_as_union=True)
    except SyntaxError as e:
        raise QueryError(f"{query.path.name}: {e}") from None
    if not isinstance(solutions, ox.QuerySolutions):
        raise QueryError(f"{query.path.name}: not a SELECT query: a canned query answers with rows")
    return solutions


def _rows(solutions: ox.QuerySolutions, query: CannedQuery) -> list[dict]:
    names = [v.value for v in solutions.variables]
    # a solution iterates over its values in the order of the variables: faster than one lookup by name each
    rows = [dict(zip(names, map(_term_value, solution))) for solution in solutions]
    return [{c: row.get(c) for c in query.columns} | {k: v for k, v in row.items() if k not in query.columns}
            for row in rows]


ANSWERS = "answers"  # the folder of a data folder that holds the listings' rows and SPARQL results
_ANSWER_FORMAT = 1     # of the rows in an answer file: changes when run_on_store shapes rows differently


@dataclass(frozen=True)
class Listing:
    """A listing the build answered (or could not: `error`), for the build's report."""
    name: str
    rows: int
    seconds: float
    error: str | None = None
    updated: bool = False  # answered from the previous build's rows and the documents that changed


def answer(graph: CurrentGraph | Path, query: CannedQuery, params: dict[str, str] | None = None) -> list[dict]:
    """The rows of a canned query on a store folder's current graph: the build's answer when it ran the same
    SPARQL, else evaluated on the store. Pass a CurrentGraph to keep the store open from one query to the next."""
    graph = graph if isinstance(graph, CurrentGraph) else CurrentGraph(graph)
    rows = stored_answer(graph.data(), query, query.bind(params or {}))
    return rows if rows is not None else run_on_store(graph.store(), query, params)


def stored_answer(data: Path, query: CannedQuery, sparql: str) -> list[dict] | None:
    """The rows the build that wrote the data folder `data` answered for this SPARQL, or None."""
    try:
        content = _answer_file(data / ANSWERS, query.name, sparql).read_bytes()
    except OSError:
        return None
    # 33k rows are 33k dicts that hold no cycle: the collector would walk them several times for nothing
    collecting = gc.isenabled()
    gc.disable()
    try:
        version, rows = marshal.loads(content)
    except (ValueError, EOFError, TypeError):
        return None  # unreadable: evaluated again
    finally:
        if collecting:
            gc.enable()
    return rows if version == _ANSWER_FORMAT else None


def stored_results(data: Path, query: CannedQuery, sparql: str) -> bytes | None:
    """The build's answer to this SPARQL as SPARQL results in TSV (every term with its kind and datatype), for
    the endpoint to serve in any results format; None when the build did not answer it."""
    try:
        return _answer_file(data / ANSWERS, query.name, sparql, ".tsv").read_bytes()
    except OSError:
        return None


@dataclass(frozen=True)
class ChangedDocuments:
    """What a rebuild changed, for the listings of scope document: the document graphs to answer again (loaded
    anew, or naming a node whose description changed) and the identifiers whose rows go (of the documents
    removed, replaced or answered again)."""
    graphs: frozenset[str]
    identifiers: frozenset[str]
    shared: tuple[str, ...]  # the graphs every document's rows may read: the entities graph and the ontology


def write_answers(store: ox.Store, data: Path, folder: Path = QUERIES_DIR, threads: int = 2,
                  previous: Path | None = None, changed: ChangedDocuments | None = None) -> list[Listing]:
    """Each canned query that needs no parameter, answered on `store` once, into `data`/answers/: its rows, and
    its results as SPARQL TSV. A query file that cannot be read or run is reported, not fatal: the graph is good.
    The queries run on `threads` threads: pyoxigraph lets go of the GIL while it evaluates. A listing of scope
    document is answered from the previous data folder's answer and the `changed` documents alone, when both
    are given (the rows a full evaluation would give, in its order: tests/test_warm_build.py compares them)."""
    out = data / ANSWERS
    out.mkdir(parents=True, exist_ok=True)
    with ThreadPoolExecutor(max(1, threads)) as pool:
        listings = pool.map(lambda path: _write_answer(store, out, path, previous, changed),
                            sorted(Path(folder).glob("*.rq")))
        return [x for x in listings if x is not None]


def answers_complete(data: Path, folder: Path = QUERIES_DIR) -> bool:
    """Whether `data` holds an answer to every listing of `folder` as its .rq files read now (a query edited or
    added since the build has none)."""
    for path in sorted(Path(folder).glob("*.rq")):
        try:
            query = parse_query_file(path)
            if any(p.required for p in query.parameters):
                continue
            sparql = query.bind({})
        except QueryError:
            continue  # a broken file has no answer in any build: the build reports it
        if not _answer_file(data / ANSWERS, query.name, sparql).exists():
            return False
    return True


def _write_answer(store: ox.Store, out: Path, path: Path, previous: Path | None = None,
                  changed: ChangedDocuments | None = None) -> Listing | None:
    started = time.perf_counter()
    try:
        query = parse_query_file(path)
        if any(p.required for p in query.parameters):
            return None
        sparql = query.bind({})
        updated = _updated_answer(store, query, sparql, previous, changed) \
            if query.scope == DOCUMENT_SCOPE and previous is not None and changed is not None else None
        if updated is not None:
            tsv, rows = updated
        else:
            # evaluated once: the rows are read from the TSV, as run_on_store reads them from the store
            tsv = _evaluate(store, query, sparql).serialize(format=ox.QueryResultsFormat.TSV)
            rows = _rows(ox.parse_query_results(tsv, ox.QueryResultsFormat.TSV), query)
    except QueryError as e:
        return Listing(path.stem, 0, time.perf_counter() - started, str(e))
    # the same value once in the file: marshal writes a repeated object as a reference, read back faster
    seen: dict = {}
    shared = [{seen.setdefault(k, k): v if v is None else seen.setdefault(v, v) for k, v in row.items()}
              for row in rows]
    _answer_file(out, query.name, sparql, ".tsv").write_bytes(tsv)
    _answer_file(out, query.name, sparql).write_bytes(marshal.dumps((_ANSWER_FORMAT, shared)))
    return Listing(query.name, len(rows), time.perf_counter() - started, updated=updated is not None)


def _updated_answer(store: ox.Store, query: CannedQuery, sparql: str, previous: Path,
                    changed: ChangedDocuments) -> tuple[bytes, list[dict]] | None:
    """A listing of scope document answered again from the previous build's answer: the rows of the documents
    that did not change kept as they were, those of `changed.graphs` evaluated on those graphs alone (with the
    shared ones), and the two merged in the query's order. None when the previous answer is missing, does not
    split by document, or holds a value the merge cannot order as the store does."""
    rows, tsv = stored_answer(previous, query, sparql), stored_results(previous, query, sparql)
    if rows is None or tsv is None:
        return None
    header, lines = _tsv_lines(tsv)
    if len(lines) != len(rows) or any(row.get("document") is None for row in rows):
        return None  # a row over two lines, or one of no document: the listing is evaluated on the whole store
    kept = [(row, line) for row, line in zip(rows, lines) if row["document"] not in changed.identifiers]
    if changed.graphs:
        dataset = [ox.NamedNode(g) for g in sorted(changed.graphs) + list(changed.shared)]
        try:
            solutions = store.query(sparql, default_graph=dataset, named_graphs=dataset)
        except SyntaxError as e:
            raise QueryError(f"{query.path.name}: {e}") from None
        new_tsv = solutions.serialize(format=ox.QueryResultsFormat.TSV)
        new_header, new_lines = _tsv_lines(new_tsv)
        new_rows = _rows(ox.parse_query_results(new_tsv, ox.QueryResultsFormat.TSV), query)
        if new_header != header or len(new_lines) != len(new_rows) or any(r.get("document") is None for r in new_rows) \
                or {r["document"] for r in new_rows} & {row["document"] for row, _ in kept}:
            return None
        kept += list(zip(new_rows, new_lines))
    order = _merge_order(query, header)
    if order is None:
        return None
    try:
        # stable: rows that agree up to ?document are of one document, and keep the order the store gave them
        kept.sort(key=order)
    except _Unordered:
        return None
    body = b"".join(line + b"\n" for _, line in kept)
    return header + b"\n" + body, [row for row, _ in kept]


class _Unordered(Exception):
    """A value the merge does not order as the store would (a number, a date, a language-tagged string)."""


def _merge_order(query: CannedQuery, header: bytes):
    """The sort key of a (row, TSV line) pair: the ORDER BY's values up to ?document, as the store orders them.
    Rows of two documents differ at ?document at the latest, and the rows of one document come from one
    evaluation already in order; so only the values before it are compared, each unbound (first) or a plain
    string (by code point, as the store compares strings). Another kind of value raises _Unordered; None when a
    variable before ?document is not a column of the results (the merge cannot see its values)."""
    variables = order_variables(query.sparql) or []
    keys = variables[:variables.index("document") + 1]
    names = header.split(b"\t")
    if any(b"?" + k.encode() not in names for k in keys):
        return None
    columns = [names.index(b"?" + k.encode()) for k in keys]

    def key(pair: tuple[dict, bytes]) -> tuple:
        row, line = pair
        fields = line.split(b"\t")
        out = []
        for name, column in zip(keys, columns):
            field = fields[column]
            if not field:
                out.append((0, ""))
            elif field[:1] == b'"' and field[-1:] == b'"':
                out.append((1, row[name]))
            else:
                raise _Unordered(name)
        return tuple(out)
    return key


def _tsv_lines(tsv: bytes) -> tuple[bytes, list[bytes]]:
    """SPARQL results in TSV as their header line and one line per solution (TSV escapes line breaks in values)."""
    header, *lines = tsv.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    return header, lines


def _answer_file(folder: Path, name: str, sparql: str, suffix: str = ".marshal") -> Path:
    return folder / f"{name}-{hashlib.sha256(sparql.encode()).hexdigest()[:16]}{suffix}"


def format_rows(rows: list[dict], columns: tuple[str, ...] | list[str], fmt: str) -> str:
    columns = list(columns) + [k for row in rows[:1] for k in row if k not in columns]
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=1)
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.DictWriter(out, columns, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({c: "" if row.get(c) is None else row[c] for c in columns})
        return out.getvalue()
    if fmt == "table":
        return _table(rows, columns)
    raise QueryError(f"unknown format {fmt!r}: table, csv or json")


def _table(rows: list[dict], columns: list[str], width: int = 60) -> str:
    def cell(v) -> str:
        s = "" if v is None else str(v)
        return s if len(s) <= width else s[:width - 1] + "…"

    cells = [[cell(r.get(c)) for c in columns] for r in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    line = "  ".join(c.ljust(w) for c, w in zip(columns, widths))
    out = [line, "  ".join("-" * w for w in widths)]
    out += ["  ".join(v.ljust(w) for v, w in zip(r, widths)) for r in cells]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)
