"""Cleaning of the artefacts that PDF-to-Markdown conversion leaves in UN documents.

`[72/195](#)` -> `72/195`, `\\(2017\\)` -> `(2017)`, `*italics*` and `<i>x</i>` -> their text, with the
emphasized stretches kept as spans (italics carry meaning in UN texts: the verbs of operative paragraphs,
titles of publications, names of operations). Nothing else of the text is lost.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from tipkg.model import Span

OPEN, CLOSE, STAR = "\x02", "\x03", "\ue000"  # sentinels while cleaning; STAR is an escaped "*"

BLANK_LINES = re.compile(r"\n[ \t\u00a0]*(?:\n[ \t\u00a0]*)+")
LINK = re.compile(r"\[([^\]\n]*)\]\([^)\s]*\)")
ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!$<>|~\"'])")
HTML_EMPHASIS_OPEN = re.compile(r"<(?:i|em|b|strong)>", re.I)
HTML_EMPHASIS_CLOSE = re.compile(r"</(?:i|em|b|strong)>", re.I)
HTML_OTHER = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")
EMPHASIS = re.compile(r"(?<![\w*])(\*{1,3})(?=[^\s*])(.+?)(?<=[^\s*])\1(?![\w*])")
DANGLING_OPEN = re.compile(r"(?<![\w*])\*{1,3}(?=[^\s*])")
LIST_MARKER = re.compile(r"(?m)^[ \t]*[-•][ \t]+(?=\()")
TOC_LINE = re.compile(r"\t\s*\d+\s*$", re.M)
SPACES = re.compile(r"[ \t\u00a0]+")
# the marker a conversion leaves where a printed page begins
PAGE_MARKER = re.compile(r"<!--\s*Page\s+\d+\s*-->")


@dataclass
class Block:
    """One blank-line separated unit of a document, cleaned."""

    text: str
    emphasis: list[Span] = field(default_factory=list)
    contents: bool = False  # a table-of-contents block: kept out of the paragraphs


ITEM_LINE = re.compile(r"(?m)^(?=[ \t]*(?:[-•][ \t]+)?\((?:[a-z]{1,2}|[ivxlc]{1,6})\)[ \t])")
# a numbered paragraph that starts on a new line right after a finished sentence starts a new block
PARAGRAPH_LINE = re.compile(r"(?:(?<=[.;:])|(?<=[.;:][\"”’)]))[ \t]*\n(?=\d{1,3}\.[ \t]+\S)")


def split_blocks(text: str) -> list[str]:
    """Blank-line separated blocks; a block that lists several sub-items, one per line, gives one each."""
    blocks = []
    for block in BLANK_LINES.split(text.replace("\r\n", "\n").replace("\r", "\n")):
        if not block.strip():
            continue
        if len(TOC_LINE.findall(block)) >= 2:
            blocks.append(block)
            continue
        parts = PARAGRAPH_LINE.split(block)
        for part in parts:
            if len(ITEM_LINE.findall(part)) >= 2:
                blocks.extend(item for item in ITEM_LINE.split(part) if item.strip())
            elif part.strip():
                blocks.append(part)
    return blocks


def clean_block(raw: str) -> Block:
    if len(TOC_LINE.findall(raw)) >= 2:
        lines = [SPACES.sub(" ", HTML_OTHER.sub("", HTML_EMPHASIS_OPEN.sub("", HTML_EMPHASIS_CLOSE.sub("", ln)))).strip()
                 for ln in raw.splitlines()]
        return Block("\n".join(ln for ln in lines if ln), contents=True)
    text = SPACES.sub(" ", LIST_MARKER.sub("", raw).replace("\n", " "))
    text = ESCAPE.sub(lambda m: STAR if m[1] == "*" else m[1], text)
    text = LINK.sub(r"\1", text)
    text = HTML_EMPHASIS_OPEN.sub(OPEN, text)
    text = HTML_EMPHASIS_CLOSE.sub(CLOSE, text)
    text = HTML_OTHER.sub("", text)
    # "... efforts undertaken in <!-- Page 2 --> the framework of ...": a page turned inside the block; a block that is
    # only the marker is left for the structure to drop
    if not PAGE_MARKER.fullmatch(text.strip()):
        text = PAGE_MARKER.sub(" ", text)
    text = EMPHASIS.sub(lambda m: OPEN + m[2] + CLOSE, text)
    # a conversion that split an italic title across a page break leaves an opener without its closer:
    # the emphasis then runs to the end of the block
    dangling = DANGLING_OPEN.search(text)
    if dangling:
        text = text[:dangling.start()] + OPEN + text[dangling.end():] + CLOSE
    text = SPACES.sub(" ", text).strip()
    return _resolve_sentinels(text.replace(STAR, "*"))


SENTINEL = re.compile(f"([{OPEN}{CLOSE}])")


def _resolve_sentinels(text: str) -> Block:
    out: list[str] = []
    spans: list[Span] = []
    opened: int | None = None
    length = 0
    for piece in SENTINEL.split(text):  # the text between sentinels, and each sentinel
        if piece == OPEN:
            if opened is None:
                opened = length
        elif piece == CLOSE:
            if opened is not None and length > opened:
                spans.append(Span(opened, length))
            opened = None
        else:
            out.append(piece)
            length += len(piece)
    cleaned = "".join(out)
    # spaces left at the edges by sentinels are trimmed from the text and the spans alike
    stripped = cleaned.strip()
    shift = len(cleaned) - len(cleaned.lstrip())
    spans = [Span(max(s.start - shift, 0), min(s.end - shift, len(stripped))) for s in spans]
    spans = [_trim(stripped, s) for s in spans if s.end > s.start]
    return Block(stripped, [s for s in spans if s.end > s.start])


def _trim(text: str, span: Span) -> Span:
    start, end = span.start, span.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)
