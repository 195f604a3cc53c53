"""What an extraction rule sees of a paragraph: its text, sentences and mentions, the actor of its section
("2. Office of the United Nations High Commissioner for Human Rights" makes OHCHR the actor of the
paragraphs below it), the document's own actor, and helpers to find a sentence's subject."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from tipkg.extract.symbols import body_of_symbol
from tipkg.extract.text import Sentence, sentences
from tipkg.model import Assertion, Document, Entity, Mention, Paragraph

AGENT_KINDS = {"organization", "government"}
PREPOSITIONS = {"with", "of", "in", "by", "through", "for", "to", "from", "including", "among", "between", "under",
                "on", "at", "as", "into", "towards", "toward", "within", "across", "via", "alongside", "than",
                "like", "about", "over", "against", "and/or", "per", "pursuant", "namely"}
FINITE_VERB = re.compile(r"^\s*(?:,\s*)?(?:also\s+|further\s+|has\s+|have\s+|had\s+|is\s+|are\s+|was\s+|were\s+|"
                         r"continues?\s+|continued\s+)?[a-z]+(?:s|ed)\b")
WORD_BEFORE = re.compile(r"([A-Za-z/]+)\W*$")
ABBREVIATION_MARKS = ("(", "“", "\"")


@dataclass
class ParagraphContext:
    document: Document
    paragraph: Paragraph
    mentions: list[Mention]  # this paragraph's, in text order
    actor: Entity | None = None  # the agent the section is about
    document_actor: Entity | None = None  # the agent the document is about (its title) or by
    section_entities: list[Entity] = field(default_factory=list)  # named in the headings above the paragraph
    _sentences: list[Sentence] | None = field(default=None, repr=False)

    @property
    def text(self) -> str:
        return self.paragraph.text

    @property
    def sentences(self) -> list[Sentence]:
        if self._sentences is None:
            self._sentences = sentences(self.paragraph.text)
        return self._sentences

    def within(self, start: int, end: int, kinds: set[str] | None = None) -> list[Mention]:
        return [m for m in self.mentions if start <= m.start and m.end <= end and (kinds is None or m.entity.kind in kinds)]

    def agents(self, start: int, end: int) -> list[Mention]:
        return [m for m in self.within(start, end, AGENT_KINDS) if not _is_generic(m)]

    def subject(self, sentence: Sentence) -> Mention | None:
        """The agent a sentence is about: the first agent named outside a prepositional phrase, or one
        that a finite verb follows ("..., UN-Women works on")."""
        chain_prepositional = False
        previous_end = None
        for m in self.agents(sentence.start, sentence.end):
            before = self.text[sentence.start:m.start]
            if previous_end is not None:
                gap = self.text[previous_end:m.start]
            else:
                gap = None
            word = WORD_BEFORE.search(re.sub(r"\bthe\s*$", "", before.rstrip()))
            prepositional = bool(word and word.group(1).lower() in PREPOSITIONS)
            if not prepositional and gap is not None and re.fullmatch(r"\s*(?:,|and|or|,\s*and)\s*(?:the\s+)?", gap):
                prepositional = chain_prepositional
            after = self.text[m.end:sentence.end]
            if not prepositional or FINITE_VERB.match(after):
                return m
            chain_prepositional = prepositional
            previous_end = m.end
        return None

    def actor_of(self, sentence: Sentence) -> Entity | None:
        """The sentence's subject, else the section's actor, else the document's."""
        m = self.subject(sentence)
        if m is not None:
            return m.entity
        return self.actor or self.document_actor

    def document_entity(self) -> Entity:
        """The document as an entity: a resolution is the resolution other texts cite."""
        meta = self.document.metadata
        if meta.kind == "resolution" and meta.symbol:
            # the symbol names the adopting organ; the title's subject ("United Nations officials") does not
            body = body_of_symbol(meta.symbol) or (self.document_actor.key if self.document_actor else None)
            details = tuple((k, v) for k, v in (("body", body), ("year", (meta.adoption_date or meta.date or "")[:4]),
                                                ("symbol", meta.symbol)) if v)
            return Entity("resolution", meta.symbol, meta.resolution_number or meta.symbol, ("Resolution",),
                          details=details)
        return Entity("document", self.document.id, meta.symbol or meta.title or self.document.id, ("Document",))

    def assertion(self, kind: str, sentence: Sentence | str, rule: str, roles: dict[str, list[Entity]],
                  values: dict[str, str] | None = None, confidence: float = 1.0) -> Assertion:
        evidence = sentence.text if isinstance(sentence, Sentence) else sentence
        return Assertion(kind, self.document.id, self.paragraph.key, evidence, rule,
                         {r: _unique(es) for r, es in roles.items() if es},
                         {k: v for k, v in (values or {}).items() if v not in (None, "")}, confidence)


def _unique(entities: list[Entity]) -> list[Entity]:
    seen, out = set(), []
    for e in entities:
        if (e.kind, e.key) not in seen:
            seen.add((e.kind, e.key))
            out.append(e)
    return out


def _is_generic(m: Mention) -> bool:
    """The United Nations as a whole is the frame of every document, not a party to its relations."""
    return m.entity.kind == "organization" and m.entity.key == "UN"


def section_actor(heading: str, mentions_in_heading: list[Entity]) -> Entity | None:
    """A section headed by an entity's name ("7. International Criminal Police Organization")."""
    agents = [e for e in mentions_in_heading if e.kind in AGENT_KINDS]
    if len(agents) != 1:
        return None
    name_words = len(re.findall(r"\w+", agents[0].label))
    heading_words = len(re.findall(r"\w+", heading))
    return agents[0] if heading_words <= name_words + 2 else None
