"""A campaign named in a list with others takes its owner and year from its own clause (the audit of the GA corpus
found HeforShe credited to the Secretary-General, whose campaign was named before it, and #IBelong dated by the
meetings of another clause). Real paragraphs of ../shared/corpus/unga, read as they are."""
from __future__ import annotations

import pytest

from conftest import CORPUS_TEXTS
from tipkg.extract import Extractor
from tipkg.ingest import ingest
from tipkg.reference import gazetteer


def _campaigns(name: str, key: str) -> dict[str, tuple[list[str], str | None]]:
    document = ingest(CORPUS_TEXTS / name)
    return {a.roles["initiative"][0].label: ([e.label for e in a.roles.get("conductedBy", [])], a.values.get("year"))
            for a in Extractor(gazetteer())(document).assertions if a.kind == "outcome" and a.paragraph == key}


def test_the_campaign_of_a_named_owner_after_another_owners_campaign():
    found = _campaigns("A_RES_80_186.txt", "OP9")  # "the Secretary-General's ongoing campaign, “UNiTE ...”, ...
    assert found["UNiTE to End Violence against Women"] == (["Secretary-General"], None)  # and the “HeforShe” campaign
    assert found["HeforShe"] == (["United Nations Entity for Gender Equality and the Empowerment of Women"], None)


@pytest.mark.parametrize("name, key", [("A_RES_80_188.txt", "PP23"), ("A_RES_78_185.txt", None)])
def test_a_year_of_meetings_in_another_clause_does_not_date_the_campaign(name, key):
    document = ingest(CORPUS_TEXTS / name)
    key = key or next(p.key for p in document.paragraphs if "#IBelong" in p.text)
    assert _campaigns(name, key)["#IBelong"][1] is None  # "... both held in October 2019": the meetings' year
