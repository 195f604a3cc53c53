"""A resolution's timeline on its linked-data page: where it came from (the resolution of its series before it,
its draft with the draft's revisions and amendments, the committee report that recommended it, the reports it
takes note of and the mandates they answered), what it asks (each mandate in paragraph order, with its due date,
its status and what answered it: the report submitted pursuant to it, the resolution that took note of that
report) and the resolution of its series after it.

The rows are those of the canned queries document-lineage and mandate-followup, the ones `tipkg query` prints:
the build's stored answers (every row, read once and indexed by symbol) when the data folder holds them, else the
two queries with the resolution as their parameter. Documents are linked by their symbol, looked up among the
graph's names.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from tipkg.graph import lookup_key
from tipkg.queries import get_query, run_on_store, stored_answer
from tipkg.store import ENTITIES_GRAPH

SYMBOL = "https://w3id.org/tipkg/ontology#symbol"
HIDDEN_LABEL = "http://www.w3.org/2004/02/skos/core#hiddenLabel"
# the relations of document-lineage, as its rows name them (the ontology's labels)
SERIES, ADOPTED, RECOMMENDS = "continues the series of", "adopted as", "recommends the adoption of"
AMENDS, REVISION, PURSUANT, TAKES_NOTE = "amends", "revision of", "submitted pursuant to", "takes note of"


@dataclass
class Linked:
    """A document named by its symbol, with the IRI of its node where the graph has one."""
    symbol: str
    iri: str | None = None


@dataclass
class Ask:
    """One mandate of the resolution and what came of it."""
    paragraph: str  # the paragraph key (OP7), the anchor of its text on the page
    number: str  # the printed paragraph number (7)
    addressee: str
    ask: str
    deliverable: str
    due: str
    due_session: str
    status: str  # answered, open, overdue, recurring
    answered_by: list[Linked]
    taken_note_by: list[Linked]


@dataclass
class Noted:
    """A report the resolution takes note of, and the resolutions it says the report was submitted pursuant to."""
    report: Linked
    paragraph: str
    pursuant_to: list[Linked]


@dataclass
class Timeline:
    symbol: str
    previous: list[Linked] = field(default_factory=list)  # the resolutions of its series it follows
    drafts: list[Linked] = field(default_factory=list)  # adopted as this resolution
    revised: list[tuple[Linked, Linked]] = field(default_factory=list)  # (revision, original) of its drafts
    amendments: list[tuple[Linked, Linked]] = field(default_factory=list)  # (amendment, draft amended)
    recommended_by: list[Linked] = field(default_factory=list)  # the Main Committee's report
    notes: list[Noted] = field(default_factory=list)
    asks: list[Ask] = field(default_factory=list)
    following: list[Linked] = field(default_factory=list)  # the resolutions of its series that follow it

    def __bool__(self) -> bool:
        return any((self.previous, self.drafts, self.recommended_by, self.notes, self.asks, self.following))


def _split(value: str | None) -> list[str]:
    return [v for v in (value or "").split("; ") if v]


def _paragraph_order(key: str) -> tuple:
    """OP2 before OP10, OP4(b) after OP4: numbers compared as numbers."""
    return tuple(int(part) if part.isdigit() else part for part in re.split(r"(\d+)", key))


class Timelines:
    """The timelines of a graph's resolutions: one reading of the two listings, then a lookup per page."""

    def __init__(self, store: ox.Store, data: Path | None = None):
        self.store = store
        self._lineage = get_query("document-lineage")
        self._mandates = get_query("mandate-followup")
        lineage = stored_answer(data, self._lineage, self._lineage.bind({})) if data else None
        mandates = stored_answer(data, self._mandates, self._mandates.bind({})) if data else None
        self._indexed = lineage is not None and mandates is not None
        self._links: dict[str, list[dict]] = defaultdict(list)
        self._asks: dict[str, list[dict]] = defaultdict(list)
        if self._indexed:
            for row in lineage:
                self._links[row["document"]].append(row)
                if row["target"] != row["document"]:
                    self._links[row["target"]].append(row)
            for row in mandates:
                self._asks[row["symbol"] or row["resolution"]].append(row)
        self._iris: dict[str, str | None] = {}

    def _links_of(self, symbol: str) -> list[dict]:
        if self._indexed:
            return self._links.get(symbol, [])
        return run_on_store(self.store, self._lineage, {"document": symbol})

    def _asks_of(self, symbol: str) -> list[dict]:
        if self._indexed:
            return self._asks.get(symbol, [])
        return run_on_store(self.store, self._mandates, {"resolution": symbol})

    def linked(self, symbol: str) -> Linked:
        if symbol not in self._iris:
            found = self.store.query(
                f"SELECT ?x WHERE {{ GRAPH <{ENTITIES_GRAPH}> {{ ?x <{HIDDEN_LABEL}> {ox.Literal(lookup_key(symbol))} }} }} LIMIT 1")
            self._iris[symbol] = next((row[0].value for row in found), None)
        return Linked(symbol, self._iris[symbol])

    def symbol_of(self, iri: str) -> str | None:
        found = self.store.query(f"SELECT ?s WHERE {{ <{iri}> <{SYMBOL}> ?s }} LIMIT 1", use_default_graph_as_union=True)
        return next((row[0].value for row in found), None)

    def of(self, iri: str) -> Timeline | None:
        """The timeline of the resolution with this IRI; None for anything that is no resolution with a symbol."""
        symbol = self.symbol_of(iri)
        if not symbol or "/RES/" not in symbol:
            return None
        links = self._links_of(symbol)
        t = Timeline(symbol)
        t.previous = self._each(r["target"] for r in links if r["relation"] == SERIES and r["document"] == symbol)
        t.following = self._each(r["document"] for r in links if r["relation"] == SERIES and r["target"] == symbol)
        t.drafts = self._each(r["document"] for r in links if r["relation"] == ADOPTED and r["target"] == symbol)
        t.recommended_by = self._each(r["document"] for r in links
                                      if r["relation"] == RECOMMENDS and r["target"] == symbol)
        drafts = [d.symbol for d in t.drafts]
        for draft in drafts:
            for row in self._links_of(draft):
                if row["relation"] == REVISION and row["document"] == draft:
                    t.revised.append((self.linked(draft), self.linked(row["target"])))
                    drafts.append(row["target"])  # the amendments of the first version too
        for draft in dict.fromkeys(drafts):
            for row in self._links_of(draft):
                if row["relation"] == AMENDS and row["target"] == draft:
                    t.amendments.append((self.linked(row["document"]), self.linked(draft)))
        for row in links:
            if row["relation"] == TAKES_NOTE and row["document"] == symbol:
                report = row["target"]
                pursuant = self._each(r["target"] for r in self._links_of(report)
                                      if r["relation"] == PURSUANT and r["document"] == report)
                t.notes.append(Noted(self.linked(report), row["paragraph"], pursuant))
        t.notes = list({(n.report.symbol): n for n in t.notes}.values())  # one row per report
        for row in sorted(self._asks_of(symbol), key=lambda r: _paragraph_order(r["source_paragraph"] or "")):
            if row["document"] != symbol:
                continue  # what a report told of the resolution's asks is on the report's page
            t.asks.append(Ask(row["source_paragraph"], row["paragraph"] or "", row["addressee"], row["ask"],
                              row["deliverable"], row["due"] or "", row["due_session"] or "", row["status"],
                              self._each(_split(row["answered_by"])), self._each(_split(row["taken_note_by"]))))
        return t if t else None

    def _each(self, symbols) -> list[Linked]:
        return [self.linked(s) for s in dict.fromkeys(symbols) if s]


def explorer_timelines(store: ox.Store, data: Path | None, nodes: dict[str, str]) -> dict[str, dict]:
    """The timelines of the resolutions among `nodes` (node id -> IRI), for the network explorer's details panel:
    the same steps as the linked-data page, each document named by its symbol and, when it is a node of the
    network too, by its node id (so the page can go to it)."""
    timelines = Timelines(store, data)
    by_iri = {iri: node for node, iri in nodes.items()}

    def item(linked: Linked) -> dict:
        node = by_iri.get(linked.iri) if linked.iri else None
        return {"symbol": linked.symbol, **({"node": node} if node else {})}

    out = {}
    for node, iri in nodes.items():
        t = timelines.of(iri)
        if t is None:
            continue
        out[node] = {
            "previous": [item(x) for x in t.previous], "following": [item(x) for x in t.following],
            "drafts": [item(x) for x in t.drafts], "recommended_by": [item(x) for x in t.recommended_by],
            "revised": [[item(a), item(b)] for a, b in t.revised],
            "amendments": [[item(a), item(b)] for a, b in t.amendments],
            "notes": [{"report": item(n.report), "paragraph": n.paragraph,
                       "pursuant_to": [item(x) for x in n.pursuant_to]} for n in t.notes],
            "asks": [{"paragraph": a.paragraph, "addressee": a.addressee, "ask": a.ask, "due": a.due,
                      "due_session": a.due_session, "status": a.status,
                      "answered_by": [item(x) for x in a.answered_by],
                      "taken_note_by": [item(x) for x in a.taken_note_by]} for a in t.asks],
        }
    return out
