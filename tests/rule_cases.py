"""Each extraction rule on real paragraphs, as they are in their files: a paragraph where the rule reads a fact
(positive) and one with its cue words where it rightly reads none (negative).

A case names a file beside the repository (under ../shared, or TIPKG_SHARED) and a paragraph key as tipkg's ingest
numbers it; the whole document is ingested and extracted as a build would, so the paragraph is the file's own text,
unedited, in its own document (header, sections, notes)."""
from __future__ import annotations

from functools import lru_cache

from conftest import SHARED
from seed_paragraphs import extractor
from tipkg.ingest import ingest
from tipkg.model import Assertion, Extraction

# the files the cases of more than one module read
REPORT_2019 = "seeds/001_aaa57c1388cc9d44.txt"  # Secretary-General, coordination of efforts against trafficking
REPORT_2022 = "seeds/003_84e408440e65b4cf.txt"  # UNODC activities on the Protocol, to the Conference of the Parties
ECOSOC_2021_25 = "seeds/004_cd24bcaccb66e80b.txt"
HAITI_2025 = "dev/S_2025_303.pdf"  # UNODC report on Haiti transmitted to the Security Council, as its official PDF
UNODC = "United Nations Office on Drugs and Crime"


@lru_cache(maxsize=64)
def extraction(relative: str) -> Extraction:
    path = SHARED / relative
    assert path.is_file(), f"no {path}: the rule cases read real documents beside the repository"
    return extractor()(ingest(path))


def paragraph_text(relative: str, key: str) -> str:
    found = [p.text for p in extraction(relative).document.paragraphs if p.key == key]
    assert found, f"no paragraph {key} in {relative}"
    return found[0]


def read_by(relative: str, key: str, rule_id: str) -> list[Assertion]:
    """What `rule_id` read from paragraph `key` of the file (its paragraph must exist)."""
    paragraph_text(relative, key)
    return [a for a in extraction(relative).assertions if a.paragraph == key and a.rule == rule_id]


def flat(a: Assertion) -> dict:
    """An assertion as plain data: its roles by entity label, its values."""
    return {**{role: [e.label for e in es] for role, es in a.roles.items()}, **a.values}


def rows(relative: str, key: str, rule_id: str) -> list[dict]:
    """What `rule_id` read from paragraph `key` of the file, as plain data (flat)."""
    return [flat(a) for a in read_by(relative, key, rule_id)]
