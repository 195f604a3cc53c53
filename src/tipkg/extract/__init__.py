"""Extraction: a Document becomes mentions of entities and assertions (qualified relations), each
assertion with the paragraph, sentence and rule it came from.

    extract(document, gazetteer) -> Extraction
"""
from __future__ import annotations

from tipkg.extract import relations  # noqa: F401  (registers the rules)
from tipkg.extract.context import ParagraphContext, section_actor
from tipkg.extract.mentions import MentionFinder
from tipkg.extract.prose import without_subsumed
from tipkg.extract.rules import DOCUMENT_RULES, RULES
from tipkg.model import Document, Entity, Extraction, Mention
from tipkg.reference import Gazetteer

__all__ = ["extract", "Extractor"]

SKIPPED_KINDS = {"header"}


class Extractor:
    """Holds what is costly to prepare (the name index) across documents."""

    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer
        self.mentions = MentionFinder(gazetteer)

    def __call__(self, document: Document) -> Extraction:
        mentions = self.mentions.find(document)
        by_paragraph: dict[str, list[Mention]] = {}
        for m in mentions:
            by_paragraph.setdefault(m.paragraph, []).append(m)
        actors = self._section_actors(document)
        headings = self.mentions.section_entities(document)
        document_actor = self._document_actor(document)
        assertions = []
        for paragraph in document.paragraphs:
            if paragraph.kind in SKIPPED_KINDS:
                continue
            ctx = ParagraphContext(document, paragraph, by_paragraph.get(paragraph.key, []),
                                   actors.get(paragraph.section or ""), document_actor,
                                   headings.get(paragraph.section or "", []))
            found = []
            for r in RULES.values():
                found.extend(r.apply(ctx))
            assertions.extend(without_subsumed(found))
        for r in DOCUMENT_RULES.values():  # header lines, and what the paragraph rules read (lineage, mandates)
            assertions.extend(list(r.apply(document, mentions, list(assertions))))
        return Extraction(document, mentions, assertions)

    def _section_actors(self, document: Document) -> dict[str, Entity]:
        out: dict[str, Entity] = {}
        for section in document.sections:
            actor = section_actor(section.heading, self.mentions.named_in(section.heading))
            inherited = out.get(section.parent) if section.parent else None
            if actor or inherited:
                out[section.key] = actor or inherited
        return out

    def _document_actor(self, document: Document) -> Entity | None:
        """The agent a document is about (in its title), else, for a resolution, the body adopting it."""
        named = [e for e in self.mentions.named_in(document.metadata.title or "") if e.kind in ("organization", "government")]
        if named:
            return named[0]
        if document.metadata.kind == "resolution":
            body = [e for e in self.mentions.named_in(document.metadata.issuing_body or "") if e.kind == "organization"]
            return body[0] if body else None
        return None


def extract(document: Document, gazetteer: Gazetteer) -> Extraction:
    return Extractor(gazetteer)(document)
