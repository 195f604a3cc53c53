"""Real paragraphs of the seeds as the Markdown of the seed files writes them, italics included ("*Global Report
on Trafficking in Persons 2018*"), read in a document of their own: the unit fixtures of the event, publication
and campaign rules, which read italic titles and operation names.

The seed files mark italics with asterisks; `read` turns them into the paragraph's emphasis spans as ingestion
does, so a test sees the paragraph the rules see in a build.
"""
from __future__ import annotations

import re
from pathlib import Path

from seed_paragraphs import METADATA, extractor
from tipkg.model import Assertion, Document, DocumentMetadata, Paragraph, Section, Span

ITALIC = re.compile(r"\*([^*]+)\*")


def paragraph_kind(number: str) -> str:
    if number.startswith("OP"):
        return "operative"
    if number.startswith("PP"):
        return "preambular"
    if number.startswith("fn"):
        return "footnote"
    return "subitem" if "(" in number else "numbered"


def read(document: str, number: str, heading: str | None, marked: str) -> list[Assertion]:
    """Every assertion the rules read from one paragraph (text with *italics*), under its section heading."""
    spans, parts, at, out_len = [], [], 0, 0
    for m in ITALIC.finditer(marked):
        parts.append(marked[at:m.start()])
        out_len += m.start() - at
        spans.append(Span(out_len, out_len + len(m.group(1))))
        parts.append(m.group(1))
        out_len += len(m.group(1))
        at = m.end()
    parts.append(marked[at:])
    text = "".join(parts)
    sections = [Section("s1", None, 3, heading, None, 0, len(text))] if heading else []
    paragraph = Paragraph(number, paragraph_kind(number), number, text, 0, len(text), 0,
                          "s1" if heading else None, emphasis=spans)
    metadata = METADATA.get(document) or DocumentMetadata(symbol=document, issuing_body="General Assembly",
                                                          kind="resolution", resolution_number=document[6:])
    doc = Document(f"seed-{document}", Path(f"{document.replace('/', '_')}.txt"), text, metadata, sections,
                   [paragraph], "")
    return extractor()(doc).assertions


def of_kind(assertions: list[Assertion], kind: str) -> list[Assertion]:
    return [a for a in assertions if a.kind == kind]
