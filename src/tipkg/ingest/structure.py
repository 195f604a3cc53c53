"""The structure of a UN document, read from its cleaned blocks.

A report: header lines, a summary, headings ("III.", "B.", "1." and unnumbered ones), numbered paragraphs
with sub-items "(a)", footnotes. A resolution: header lines, "The General Assembly," then preambular
paragraphs (PP1, PP2, ...) and numbered operative paragraphs (OP1, ...). The normalized document text is
rebuilt block by block (footnotes last), and every paragraph keeps its offsets in it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from tipkg.dates import MONTH
from tipkg.ingest.markup import Block
from tipkg.extract.lexicon import lexicon
from tipkg.model import Paragraph, Section, Span

SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹"
FROM_SUPERSCRIPT = str.maketrans(SUPERSCRIPT, "0123456789")
FOOTNOTE = re.compile(rf"^(?:(?P<num>[{SUPERSCRIPT}]+)|(?P<star>\*{{1,3}}))\s+(?P<text>\S.*)$", re.S)
ROMAN_HEADING = re.compile(r"^(?P<num>[IVXL]{1,6})\.?\s+(?P<text>\S.*)$", re.S)
LETTER_HEADING = re.compile(r"^(?P<num>[A-Z])\.\s+(?P<text>\S.*)$", re.S)
NUMBERED = re.compile(r"^(?P<num>\d{1,3})\.\s+(?P<text>\S.*)$", re.S)
# an operative paragraph whose number was printed without its period: "25 Condemns ..."
LOOSE_NUMBERED = re.compile(r"^(?P<num>\d{1,3})\s+(?P<text>[A-Z][a-z]+\b.*)$", re.S)
SUBITEM = re.compile(r"^\((?P<num>[a-z]{1,2}|[ivxlc]{1,6})\)\s+(?P<text>\S.*)$", re.S)
SPONSORS = re.compile(r":\*?\s*(?:revised\s+)?(?:draft (?:resolution|decision)|amendments? to)", re.I)
ANNEX = re.compile(r"^Annex(?:es)?(?:\s+(?P<num>[IVXL]+|\d+))?\s*$")
OPENING = re.compile(
    r"^The (?:General Assembly|Security Council|Economic and Social Council|Human Rights Council|"
    r"Conference of the Parties[^,]{0,120}|Commission on [A-Z][^,]{0,80}|[A-Z][A-Za-z ]{3,60}(?:Council|Assembly|"
    r"Conference|Commission|Committee|Board))\s*[,.]?\s*$")  # "The Economic and Social Council." in an old volume's print
# preambular paragraphs open with a participle or adjective phrase: "Recalling", "Deeply concerned", "Mindful"
PREAMBLE_OPENER = re.compile(
    r"^(?:[A-Z][a-z]+ing\b|(?:Deeply|Gravely|Seriously|Strongly|Further|Also|Bearing|Aware|Conscious|Convinced|"
    r"Concerned|Mindful|Guided|Alarmed|Determined|Cognizant|Desirous|Resolved|Fully|Firmly|Profoundly|Keenly|"
    r"Having|Noting|Taking|Recognizing|Reaffirming|Welcoming|Underlining|Stressing|Emphasizing)\b)")
# what a typed volume prints around its pages' text: the rule above the notes ("---"), the marker of a new page, its
# number, its running head ("General Assembly—Twenty-seventh Session", "VI. Resolutions adopted on the reports of the
# Third Committee 93")
PAGE_FURNITURE = re.compile(r"^(?:-{3,}|_{3,}|<!--\s*Page\s+\d+\s*-->|\d{1,4}"
                            r"|(?:\d{1,4}\s+)?(?:General Assembly|Economic and Social Council|Security Council)—"
                            r"[\w -]+ [Ss]ession(?:\s+\d{1,4})?"
                            r"|(?:\d{1,4}\s+)?(?:[IVX]{1,5}\.\s*)?Resolutions adopted "
                            r"(?:on the reports? of|without reference to) (?:the |a )?[\w -]{3,60}?(?:\s+\d{1,4})?)$")
# a note at the foot of a typed page, numbered in plain digits: "14 United Nations publication, Sales No. E.78.XI.3."
PLAIN_NOTE = re.compile(rf"^(?P<num>\d{{1,3}})\s+(?!{MONTH}\b)(?P<text>[A-Z][^\n]{{2,300}}[.)])$")
# the line after a resolution's last paragraph: "80th plenary meeting", "27th meeting", "50th (resumed) plenary meeting"
CLOSING = re.compile(r"^\d{1,4}(?:st|nd|rd|th) (?:\(resumed\) )?(?:plenary )?meeting\b")
TERMINAL = re.compile(r"[.;:!?][\"'”’)\]*¹²³⁴⁵⁶⁷⁸⁹⁰]*$")
ROMAN_NUMERALS = set("ivxlc")


@dataclass
class Element:
    """A block placed in the document: a heading, a paragraph or a header line."""

    role: str  # header | heading | paragraph | footnote | contents
    text: str  # the whole block, number included
    body_start: int  # where the text after the number starts, within `text`
    emphasis: list[Span] = field(default_factory=list)  # relative to `text`
    kind: str = ""  # paragraph kind, or heading level marker
    number: str | None = None
    key: str | None = None
    level: int = 0
    parent: str | None = None


@dataclass
class Structure:
    text: str
    header: list[Paragraph]
    sections: list[Section]
    paragraphs: list[Paragraph]
    is_resolution: bool


def parse_structure(blocks: list[Block]) -> Structure:
    elements = _place(blocks)
    return _assemble(elements)


def _terminal(text: str) -> bool:
    return bool(TERMINAL.search(text.rstrip()))


def _heading_like(text: str, limit: int = 160) -> bool:
    """Short, unpunctuated and capitalised: how UN documents set their headings."""
    return len(text) <= limit and not _terminal(text) and text[:1].isupper() and not text.endswith(",")


class _Placer:
    """Walks the blocks in reading order and decides what each one is."""

    def __init__(self) -> None:
        self.elements: list[Element] = []
        self.footnotes: list[Element] = []
        self.in_header = True
        self.mode = "report"  # report | preamble | operative
        self.expected = 1  # the next paragraph number a report would use
        self.pp = 0
        self.summary_next = False
        self.last_paragraph: Element | None = None  # the paragraph that sub-items and continuations attach to
        self.last_subitem: Element | None = None
        self.part = ""  # "annex-I." inside an annex, "II." in a part that restarts its numbering: keys restart
        self.annex = ""  # the annex prefix alone
        self.heading_since_number = False
        self.last_heading_label: str | None = None
        self.nested: tuple[Element, int] | None = None  # a numbered list quoted inside a paragraph
        self.keys: set[str] = set()
        self.counters: dict[str, int] = {}

    def key(self, base: str) -> str:
        key = self.part + base
        if key in self.keys:
            n = 2
            while f"{key}-{n}" in self.keys:
                n += 1
            key = f"{key}-{n}"
        self.keys.add(key)
        return key

    def count(self, name: str) -> int:
        self.counters[name] = self.counters.get(name, 0) + 1
        return self.counters[name]

    def add(self, element: Element) -> Element:
        self.elements.append(element)
        return element

    def paragraph(self, block: Block, kind: str, number: str | None, base_key: str, body_start: int,
                  parent: str | None = None) -> Element:
        element = self.add(Element("paragraph", block.text, body_start, block.emphasis, kind, number,
                                   self.key(base_key), parent=parent))
        return element

    def place(self, block: Block) -> None:
        text = block.text
        if block.contents:
            self.add(Element("contents", text, 0, [], "contents"))
            return
        m = FOOTNOTE.match(text)
        if m:
            number = m["num"].translate(FROM_SUPERSCRIPT) if m["num"] else "star"
            self.footnotes.append(Element("footnote", text, m.start("text"), block.emphasis, "footnote", number,
                                          self.key(f"fn{number}" if number != "star" else "fn-star")))
            return
        if not self.in_header and PAGE_FURNITURE.match(text):
            return  # the rule above a page's notes, the page's marker, number and running head: no text of the body
        m = PLAIN_NOTE.match(text)
        if m and not self.in_header and self.open_paragraph() and int(m["num"]) != self.expected:
            # "14 United Nations publication, Sales No. E.78.XI.3, p. 7." between "... each import authoriza-" and
            # "tion and, in case of doubt, ...": a note at the foot of a page that cut a paragraph
            self.footnotes.append(Element("footnote", text, m.start("text"), block.emphasis, "footnote", m["num"],
                                          self.key(f"fn{m['num']}")))
            return
        if self.in_header:
            if not self.header_ends(text):
                self.add(Element("header", text, 0, block.emphasis, "header", None, self.key(f"header-{self.count('h')}")))
                return
            self.in_header = False
        self.place_body(block)

    def open_paragraph(self) -> bool:
        """Whether the last element is a paragraph a page break cut (it ends without a full stop or semicolon)."""
        previous = self.elements[-1] if self.elements else None
        return previous is not None and previous.role == "paragraph" and previous.kind != "header" \
            and not _terminal(previous.text)

    def header_ends(self, text: str) -> bool:
        return bool(ROMAN_HEADING.match(text) and _heading_like(ROMAN_HEADING.match(text)["text"], 400)
                    or text in ("Summary", "Contents")
                    or NUMBERED.match(text) and len(text) > 60
                    or OPENING.match(text)
                    or len(text) > 400 and not SPONSORS.search(text))

    def place_body(self, block: Block) -> None:
        text = block.text
        if OPENING.match(text) and self.mode == "report" and not self.elements_have_paragraphs():
            self.mode = "preamble"
            self.add(Element("header", text, 0, block.emphasis, "opening", None, self.key("opening")))
            return
        if text == "Summary":
            self.summary_next = True
            self.add(Element("heading", text, 0, block.emphasis, "summary-heading", None, None, level=1))
            return
        if text == "Contents":
            self.add(Element("contents", text, 0, [], "contents"))
            return
        annex = ANNEX.match(text)
        if annex:
            self.part = self.annex = f"annex-{annex['num'] or 'I'}."
            self.mode = "report" if self.mode == "report" else "annex"
            self.expected = 1
            self.last_paragraph = self.last_subitem = None
            self.add(Element("heading", text, 0, block.emphasis, "annex", annex["num"], None, level=1))
            return
        m = SUBITEM.match(text)
        if m and self.last_paragraph is not None:
            self.place_subitem(block, m)
            return
        m = NUMBERED.match(text)
        if not m and self.mode == "operative":
            loose = LOOSE_NUMBERED.match(text)
            m = loose if loose and int(loose["num"]) == self.expected else None
        if m:
            self.place_numbered(block, m)
            return
        m = ROMAN_HEADING.match(text)
        if m and _heading_like(m["text"], 400) and self.mode != "preamble":
            self.heading(block, m, 1)
            return
        m = LETTER_HEADING.match(text)
        if m and _heading_like(m["text"], 400) and self.mode != "preamble":
            self.heading(block, m, 2)
            return
        self.place_unnumbered(block)

    def elements_have_paragraphs(self) -> bool:
        return any(e.role == "paragraph" for e in self.elements)

    def heading(self, block: Block, m: re.Match, level: int) -> None:
        self.add(Element("heading", block.text, m.start("text"), block.emphasis, "heading", m["num"], None, level=level))
        self.last_paragraph = self.last_subitem = None
        self.mark_heading(m["num"])

    def mark_heading(self, label: str | None) -> None:
        self.heading_since_number = True
        self.last_heading_label = label or f"h{self.count('heading')}"

    def place_numbered(self, block: Block, m: re.Match) -> None:
        number, body = m["num"], m["text"]
        n = int(number)
        resolution = self.mode in ("preamble", "operative")
        if resolution and self.mode == "preamble":
            self.mode = "operative"
        if _heading_like(body) and (len(body) < 100 and n != self.expected if resolution
                                    else not (n == self.expected and len(body) > 100)):
            self.heading(block, m, 3)
            return
        if n < self.expected and not (self.heading_since_number and n == 1) and self.last_paragraph is not None:
            # numbers going back without a new part: a list quoted inside the paragraph ("1. Opening of the Congress")
            self.place_nested(block, m)
            return
        if n == 1 and self.expected > 1 and self.heading_since_number and resolution:
            self.part = f"{self.annex}{self.last_heading_label}."  # a part that restarts its numbering
        self.nested = None
        self.heading_since_number = False
        if resolution:
            element = self.paragraph(block, "operative", number, f"OP{number}", m.start("text"))
        else:
            element = self.paragraph(block, "numbered", number, number, m.start("text"))
        self.expected = n + 1
        self.last_paragraph = element
        self.last_subitem = None

    def place_nested(self, block: Block, m: re.Match) -> None:
        parent = self.nested[0] if self.nested else self.last_paragraph
        base = f"{_strip_part(parent.key, self.part)}.{m['num']}"
        self.nested = (parent, int(m["num"]) + 1)
        self.paragraph(block, "subitem", f"{m['num']}.", base, m.start("text"), parent=parent.key)

    def place_subitem(self, block: Block, m: re.Match) -> None:
        """"(a)" belongs to the last paragraph; "(i)" under a lettered item opens a roman sub-list,
        unless it simply follows "(h)"."""
        label = m["num"]
        letter = self.last_subitem
        follows_letter = letter is not None and len(letter.number) == 3 and label == chr(ord(letter.number[1]) + 1)
        roman = set(label) <= ROMAN_NUMERALS and not follows_letter
        parent = letter if roman and letter is not None else self.last_paragraph
        assert parent is not None
        base = f"{_strip_part(parent.key, self.part)}({label})"
        element = self.paragraph(block, "subitem", f"({label})", base, m.start("text"), parent=parent.key)
        if not roman:
            self.last_subitem = element

    def place_unnumbered(self, block: Block) -> None:
        text = block.text
        previous = self.elements[-1] if self.elements else None
        if previous is not None and previous.role == "paragraph" and self.continues(previous, text):
            self.merge(previous, block)
            return
        if self.summary_next:
            self.summary_next = False
            self.last_paragraph = self.paragraph(block, "summary", None, "summary", 0)
            return
        if self.mode == "preamble" and _opens_operative(text, previous.text if previous else ""):
            # a resolution whose only operative paragraph is not numbered ("Takes note of the report ...")
            self.mode = "operative"
            self.last_paragraph = self.paragraph(block, "operative", None, "OP", 0)
            self.last_subitem = None
            return
        if self.mode == "preamble":
            self.pp += 1
            self.last_paragraph = self.paragraph(block, "preambular", str(self.pp), f"PP{self.pp}", 0)
            self.last_subitem = None
            return
        if _heading_like(text):
            self.add(Element("heading", text, 0, block.emphasis, "unnumbered-heading", None, None, level=0))
            self.last_paragraph = self.last_subitem = None
            self.mark_heading(None)
            return
        self.last_paragraph = self.paragraph(block, "unnumbered", None, f"u{self.count('u')}", 0)
        self.last_subitem = None

    def continues(self, previous: Element, text: str) -> bool:
        """Whether a block is the rest of the previous paragraph, cut by a page break."""
        if CLOSING.match(text):  # "50th (resumed) plenary meeting": the line after the last paragraph
            return False
        if self.mode == "preamble":  # preambular paragraphs end with a comma; a new one opens with a participle
            return (not PREAMBLE_OPENER.match(text) and not previous.text.rstrip().endswith(":")
                    and not _opens_operative(text, previous.text))
        return not _terminal(previous.text)

    def merge(self, previous: Element, block: Block) -> None:
        """A paragraph split by a page break: the block continues the previous paragraph."""
        hyphen = re.search(r"[a-z]-$", previous.text) and block.text[:1].islower()  # "authoriza-" "tion and"
        joint = "" if hyphen else " "
        shift = len(previous.text) + len(joint) - (1 if hyphen else 0)
        previous.text = (previous.text[:-1] if hyphen else previous.text) + joint + block.text
        previous.emphasis = previous.emphasis + [Span(s.start + shift, s.end + shift) for s in block.emphasis]


def _opens_operative(text: str, previous: str) -> bool:
    """A block after a preambular paragraph (which ends in a comma, perhaps with a footnote mark) or right after
    the opening ("The General Assembly,") that opens with
    an operative verb in the third person ("Takes note of", "Decides:", "Approves") and ends its sentence: the
    resolution's operative part, printed without a number when it is its only paragraph."""
    m = lexicon().third_person.match(text)
    if m is None or not text[:1].isupper():
        return False
    after_preamble = previous.rstrip().rstrip(SUPERSCRIPT).endswith(",") or OPENING.match(previous) is not None
    return after_preamble and (_terminal(text) or text.rstrip().endswith(":"))


def _strip_part(key: str, part: str) -> str:
    return key[len(part):] if part and key.startswith(part) else key


def _place(blocks: list[Block]) -> list[Element]:
    placer = _Placer()
    for block in blocks:
        placer.place(block)
    if placer.in_header:
        # no heading, numbered paragraph or opening ended the header (a short draft decision, a text without
        # a UN header): its body starts at its first sentence, so that the body is read, not taken for header lines
        first = next((i for i, b in enumerate(blocks) if _sentence(b.text)), None)
        if first is not None:
            placer = _Placer()
            for i, block in enumerate(blocks):
                if i == first:
                    placer.in_header = False
                placer.place(block)
    placer.elements.extend(placer.footnotes)
    return placer.elements


def _sentence(text: str) -> bool:
    """A block that reads as running text (a header line never ends a sentence or a preambular clause)."""
    return not FOOTNOTE.match(text) and (bool(NUMBERED.match(text))
                                         or len(text) > 20 and (_terminal(text) or text.endswith(",")))


def _assemble(elements: list[Element]) -> Structure:
    pieces: list[str] = []
    offset = 0
    header: list[Paragraph] = []
    paragraphs: list[Paragraph] = []
    sections: list[Section] = []
    open_sections: list[Section] = []  # innermost last
    section_counts: dict[str | None, int] = {}
    is_resolution = any(e.kind == "opening" for e in elements)
    position = 0
    last_numbered_level = 0

    def close_to(level: int, at: int) -> None:
        while open_sections and open_sections[-1].level >= level:
            open_sections.pop().end = at

    for e in elements:
        start = offset
        pieces.append(e.text)
        offset += len(e.text) + 2
        body_start = start + e.body_start
        if e.role == "heading":
            if e.kind == "summary-heading":
                continue
            if e.kind == "unnumbered-heading":
                level = last_numbered_level + 1
            else:
                level = e.level
                last_numbered_level = level
            close_to(level, start - 2 if start else 0)
            parent = open_sections[-1] if open_sections else None
            if e.kind == "unnumbered-heading" or e.kind == "annex":
                n = section_counts[parent.key if parent else None] = section_counts.get(parent.key if parent else None, 0) + 1
                local = f"h{n}" if e.kind != "annex" else f"annex-{e.number or 'I'}"
            else:
                local = e.number or "h"
            key = f"{parent.key}.{local}" if parent else local
            while any(s.key == key for s in sections):
                key += "'"
            section = Section(key, e.number, level, e.text[e.body_start:].strip(), parent.key if parent else None,
                              start, start + len(e.text))
            sections.append(section)
            open_sections.append(section)
            continue
        if e.role == "contents":
            continue
        current = open_sections[-1].key if open_sections and e.role == "paragraph" else None
        body = e.text[e.body_start:]
        emphasis = [Span(s.start - e.body_start, s.end - e.body_start) for s in e.emphasis
                    if s.end > e.body_start]
        emphasis = [Span(max(s.start, 0), s.end) for s in emphasis]
        paragraph = Paragraph(key=e.key or "", kind=e.kind if e.role != "header" else "header", number=e.number,
                              text=body, start=body_start, end=body_start + len(body), position=position,
                              section=current if e.role == "paragraph" else None, parent=e.parent, emphasis=emphasis)
        position += 1
        if e.role == "header":
            header.append(paragraph)
        paragraphs.append(paragraph)
    text = "\n\n".join(pieces)
    close_to(0, len(text))
    for s in sections:
        if s.end < s.start:
            s.end = len(text)
    return Structure(text, header, sections, paragraphs, is_resolution)
