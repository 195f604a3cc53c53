"""The audit: how true are the listings? A seeded random sample of each canned listing's rows, each with the
paragraph it was read from and the rules that read it, written as a Markdown sheet for a person to judge; and
the judged sheet read back as precision per listing.

    write_sheet(store, out, per_listing=25, seed=...) -> Path     # the sheet to fill in
    score_sheet(path) -> list[Verdicts]                          # what the reader decided, per listing

A judged row ends in `verdict: correct`, `verdict: partly` or `verdict: wrong`. Precision counts a row judged
correct as right and a wrong one as wrong; a partly right row (the fact is there, a field is off) counts half,
and is also shown on its own so the strict figure can be read too.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pyoxigraph as ox

from tipkg.graph import lookup_key
from tipkg.queries import CannedQuery, answer, catalogue
from tipkg.store import CurrentGraph

# The listings of the contract (DESIGN.md) whose rows are facts read from a paragraph; profiles, evidence and
# the timeline repeat those facts and are left out.
LISTINGS = ("icat-chairs", "icat-members", "ratifications", "reporting-states", "resolutions-cited",
            "resolution-asks", "positions", "partnerships", "initiative-countries", "events", "publications",
            "operations-campaigns", "sdg-targets", "people", "document-lineage", "mandate-followup")
# where a listing's row names the paragraphs it comes from (the first column of these that the query has)
PARAGRAPH_COLUMNS = ("paragraphs", "source_paragraph", "paragraph")
VERDICTS = ("correct", "partly", "wrong")
VERDICT = re.compile(r"^verdict:\s*(?P<verdict>\w*)", re.I | re.M)
SECTION = re.compile(r"^## (?P<name>[a-z0-9-]+)\b", re.M)

TIP = "https://w3id.org/tipkg/ontology#"
HIDDEN_LABEL = ox.NamedNode("http://www.w3.org/2004/02/skos/core#hiddenLabel")


@dataclass
class Verdicts:
    listing: str
    correct: int = 0
    partly: int = 0
    wrong: int = 0
    unjudged: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def judged(self) -> int:
        return self.correct + self.partly + self.wrong

    @property
    def precision(self) -> float | None:
        return (self.correct + 0.5 * self.partly) / self.judged if self.judged else None


def write_sheet(store: Path, out: Path, per_listing: int = 25, seed: int = 20261207,
                listings: tuple[str, ...] = LISTINGS) -> Path:
    """Draw `per_listing` rows of each listing with random.Random(seed) and write the sheet to `out`."""
    graph = CurrentGraph(store)
    queries = catalogue()
    lines = [
        "# Audit sheet", "",
        f"- store: {graph.data()}", f"- seed: {seed}", f"- rows per listing: {per_listing}",
        f"- drawn on: {date.today().isoformat()}", "",
        "Read each row against its paragraph and write after `verdict:` one of correct (the row states what the",
        "paragraph says), partly (the fact is there, a field is wrong or cut) or wrong (the paragraph does not",
        "state it). Add a short note after `note:` for partly and wrong rows: it names the pattern.",
        "`tipkg audit --score SHEET` reads the verdicts back.", "",
    ]
    db = graph.store()
    for name in listings:
        query = queries.get(name)
        if query is None or any(p.required for p in query.parameters):
            continue
        rows = answer(graph, query)
        sample = _sample(rows, per_listing, f"{seed}:{name}")
        lines += [f"## {name} ({len(sample)} of {len(rows)} rows)", ""]
        for i, row in enumerate(sample, 1):
            lines += _row_entry(db, query, name, i, row)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out


def _sample(rows: list[dict], n: int, seed: str) -> list[dict]:
    """n rows drawn without replacement, in the listing's order so the sheet reads like the listing."""
    if len(rows) <= n:
        return rows
    picked = sorted(random.Random(seed).sample(range(len(rows)), n))
    return [rows[i] for i in picked]


def _row_entry(db: ox.Store, query: CannedQuery, name: str, i: int, row: dict) -> list[str]:
    shown = " · ".join(f"{c}={row[c]}" for c in query.columns if row.get(c) not in (None, "")
                       and c not in PARAGRAPH_COLUMNS)
    # the document whose paragraph states the row: a lineage row names it apart from the document it is about
    document = row.get("evidence_document") or row.get("document") or ""
    column = next((c for c in PARAGRAPH_COLUMNS if c in query.columns and row.get(c)), None)
    keys = [k.strip() for k in (row.get(column) or "").split(",") if k.strip()][:2] if column else []
    out = [f"### {name}-{i:02d}", "", f"row: {shown}", ""]
    for key in keys or [None]:
        text, rules = _paragraph(db, document, key) if key else (None, "")
        out.append(f"paragraph {key or '?'} of {document or '?'}" + (f" (rules: {rules})" if rules else "") + ":")
        out += [f"> {line}" for line in (text or "(no paragraph found)").splitlines()] + [""]
    return out + ["verdict: ", "note: ", ""]


def _paragraph(db: ox.Store, document: str, key: str) -> tuple[str | None, str]:
    """The text of a document's paragraph and the rules of the assertions read from it, by index lookups only (a
    listing names its document by identifier, symbol or number: each is one of the document's lookup keys)."""
    def objects(subject, predicate: str) -> list:
        return [q.object for q in db.quads_for_pattern(subject, ox.NamedNode(TIP + predicate), None, None)]

    documents = {q.subject for q in db.quads_for_pattern(None, HIDDEN_LABEL, ox.Literal(lookup_key(document)), None)}
    for q in db.quads_for_pattern(None, ox.NamedNode(TIP + "paragraphKey"), ox.Literal(key), None):
        para = q.subject
        if not documents.intersection(objects(para, "inDocument")):
            continue
        text = next(iter(objects(para, "text")), None)
        rules = sorted({r.value for a in db.quads_for_pattern(None, ox.NamedNode(TIP + "evidence"), para, None)
                        for rule in objects(a.subject, "rule") for r in objects(rule, "ruleId")})
        return (text.value if text is not None else None), ", ".join(rules)
    return None, ""


def score_sheet(path: Path) -> list[Verdicts]:
    """The verdicts of a judged sheet, per listing, in the sheet's order."""
    text = Path(path).read_text(encoding="utf-8")
    starts = [(m.start(), m["name"]) for m in SECTION.finditer(text)]
    out = []
    for (start, name), end in zip(starts, [s for s, _ in starts[1:]] + [len(text)]):
        v = Verdicts(name)
        for entry in re.split(r"^### ", text[start:end], flags=re.M)[1:]:
            m = VERDICT.search(entry)
            verdict = (m["verdict"].lower() if m else "")
            if verdict in VERDICTS:
                setattr(v, verdict, getattr(v, verdict) + 1)
            else:
                v.unjudged += 1
            note = re.search(r"^note:\s*(?P<note>.+)$", entry, re.M)
            if note and verdict in ("partly", "wrong"):
                v.notes.append(f"{verdict}: {note['note'].strip()}")
        out.append(v)
    return out


def precision_table(verdicts: list[Verdicts]) -> str:
    """The verdicts as a Markdown table, for benchmarks/AUDIT.md."""
    lines = ["| listing | judged | correct | partly | wrong | precision |", "|---|---|---|---|---|---|"]
    for v in verdicts:
        p = f"{v.precision:.2f}" if v.precision is not None else "n/a"
        lines.append(f"| {v.listing} | {v.judged} | {v.correct} | {v.partly} | {v.wrong} | {p} |")
    return "\n".join(lines)
