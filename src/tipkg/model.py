"""The small typed values that the stages of the flow hand to each other.

ingest -> Document (with Sections and Paragraphs) -> extract -> Mentions and Assertions -> graph.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Span:
    """A stretch of a paragraph's text, by character offsets relative to the paragraph."""

    start: int
    end: int


@dataclass
class DocumentMetadata:
    """What a document says about itself in its header, completed or overridden by a sidecar file."""

    symbol: str | None = None  # "A/74/290", "CTOC/COP/2022/4", "E/RES/2021/25"
    title: str | None = None
    date: str | None = None  # distribution date, YYYY-MM-DD
    issuing_body: str | None = None  # "General Assembly", "Economic and Social Council", ...
    session: str | None = None  # "Seventy-fourth session", "2021 session"
    agenda_item: str | None = None  # "Item 108 of the preliminary list"
    kind: str = "document"  # report | resolution | draft-resolution | decision | note | letter | document
    resolution_number: str | None = None  # "2021/25" in "2021/25. Implementation of ..."
    adoption_date: str | None = None  # YYYY-MM-DD, for resolutions
    distribution: str | None = None  # General | Limited | Restricted
    language: str = "en"
    source_format: str = "text"  # markdown | pdf-text | pdf
    symbol_source: str | None = None  # where the symbol was read: header | file name | sidecar


@dataclass
class Section:
    """A heading of the document and the stretch of text it governs."""

    key: str  # "III", "III.B", "III.B.1"; unnumbered headings get "h12" by position
    number: str | None  # "III", "B", "1"
    level: int  # 1 = "I.", 2 = "A.", 3 = "1."; unnumbered headings take the level below their parent
    heading: str  # "Activities of the Inter-Agency Coordination Group against Trafficking in Persons"
    parent: str | None
    start: int  # offsets in Document.text
    end: int


@dataclass
class Paragraph:
    """A unit of text that can be cited: numbered paragraph, preambular or operative paragraph,
    sub-item, footnote, or an unnumbered block (summary, header lines)."""

    key: str  # unique in the document: "43", "43(a)", "PP3", "OP1", "OP1(a)", "fn4", "summary", "u7"
    kind: str  # numbered | subitem | preambular | operative | footnote | summary | unnumbered
    number: str | None  # "43", "(a)", "1" (operative), "4" (footnote); None if unnumbered
    text: str  # the clean text, without its number
    start: int  # offsets of `text` in Document.text
    end: int
    position: int  # reading order in the document, from 0
    section: str | None = None  # Section.key
    parent: str | None = None  # the paragraph a sub-item belongs to
    emphasis: list[Span] = field(default_factory=list)  # italic or bold stretches, relative to text

    def emphasized(self) -> list[str]:
        return [self.text[s.start:s.end] for s in self.emphasis]


@dataclass
class Document:
    """One ingested document: its normalized text, metadata and structure."""

    id: str  # stable identifier: "A-74-290" from the symbol, else the file stem
    path: Path
    text: str  # the normalized text; every offset refers to it
    metadata: DocumentMetadata
    sections: list[Section]
    paragraphs: list[Paragraph]
    sha256: str  # of the input bytes; keys the build cache
    warnings: list[str] = field(default_factory=list)

    def paragraph(self, key: str) -> Paragraph:
        for p in self.paragraphs:
            if p.key == key:
                return p
        raise KeyError(key)

    def section(self, key: str | None) -> Section | None:
        for s in self.sections:
            if s.key == key:
                return s
        return None


@dataclass(frozen=True)
class Entity:
    """A thing the graph has one node for: a State, organization, body, instrument, resolution,
    document, initiative, event, publication, person, place, SDG target or stakeholder group."""

    kind: str  # state | organization | body | mechanism | instrument | resolution | document | initiative
    #            | event | publication | person | place | sdg-target | group
    key: str  # the key in its gazetteer ("UNODC", "JPN") or the canonical symbol or slug
    label: str  # the preferred label
    classes: tuple[str, ...] = ()  # ontology class local names, most specific first
    acronym: str | None = None
    # what the naming itself tells, e.g. a resolution's adopting body and year: (("body", "GA"), ("year", "2017"))
    details: tuple[tuple[str, str], ...] = field(default=(), compare=False, hash=False)

    def detail(self, name: str) -> str | None:
        return dict(self.details).get(name)


@dataclass(frozen=True)
class Mention:
    """A stretch of a paragraph that names an entity."""

    entity: Entity
    paragraph: str  # Paragraph.key
    start: int  # relative to the paragraph text
    end: int
    surface: str  # the words as written
    rule: str  # how it was recognised: "gazetteer:name", "gazetteer:acronym", "coref:the-office", ...


@dataclass
class Assertion:
    """A qualified relation read from one paragraph: what it says, the sentence that says it,
    and the rule that read it.

    `kind` names the relation (chairing, membership, ratification, ...); `roles` holds its participants
    (entities) and `values` its literal qualifiers (year, date, verb, figures), both by role name.
    """

    kind: str
    document: str  # Document.id
    paragraph: str  # Paragraph.key
    evidence: str  # the sentence, as written
    rule: str  # the id of the extraction rule
    roles: dict[str, list[Entity]] = field(default_factory=dict)
    values: dict[str, str] = field(default_factory=dict)
    confidence: float = 1.0

    def entity(self, role: str) -> Entity | None:
        found = self.roles.get(role) or []
        return found[0] if found else None


@dataclass
class Extraction:
    """What extraction read from one document."""

    document: Document
    mentions: list[Mention]
    assertions: list[Assertion]
