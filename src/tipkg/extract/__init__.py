"""Extraction: a Document becomes mentions of entities and assertions (qualified relations), each
assertion with the paragraph, sentence and rule it came from.

    extract(document, gazetteer) -> Extraction
"""
from __future__ import annotations

from tipkg.extract.mentions import MentionFinder
from tipkg.model import Document, Extraction
from tipkg.reference import Gazetteer

__all__ = ["extract", "Extractor"]


class Extractor:
    """Holds what is costly to prepare (the name index) across documents."""

    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer
        self.mentions = MentionFinder(gazetteer)

    def __call__(self, document: Document) -> Extraction:
        mentions = self.mentions.find(document)
        return Extraction(document, mentions, [])


def extract(document: Document, gazetteer: Gazetteer) -> Extraction:
    return Extractor(gazetteer)(document)
