"""`tipkg query conflicts`: two documents that state different values for one thing are listed with both
sources; agreeing documents and a day observed in different years are not."""
from __future__ import annotations

from conftest import query_json, run_tipkg

REPORT = """United Nations

A/74/{n}

General Assembly

Distr.: General
18 June 2019

Original: English

Seventy-fourth session

Trafficking in persons

Report of the Secretary-General

1. The General Assembly adopted the United Nations Global Plan of Action to Combat Trafficking in Persons in its resolution 64/293 of {date}.
"""


def _build(tmp_path, dates: dict[str, str]):
    documents = tmp_path / "documents"
    documents.mkdir()
    for n, date in dates.items():
        (documents / f"A_74_{n}.txt").write_text(REPORT.format(n=n, date=date))
    store = tmp_path / "store"
    result = run_tipkg("build", "--documents", documents, "--store", store)
    assert result.returncode == 0, result.stderr
    return store


def test_two_documents_giving_a_resolution_different_years_are_a_conflict(tmp_path):
    # both years fit the Assembly's sixty-fourth session (2009-2010); one that did not would be read as a misprint
    store = _build(tmp_path, {"990": "30 July 2010", "991": "30 July 2009", "992": "30 July 2010"})
    rows = query_json(store, "conflicts")
    assert rows == [
        {"subject": "64/293", "property": "year", "value": "2010", "document": "A/74/990",
         "other_value": "2009", "other_document": "A/74/991"},
        {"subject": "64/293", "property": "year", "value": "2009", "document": "A/74/991",
         "other_value": "2010", "other_document": "A/74/992"},
    ]
    assert query_json(store, "conflicts", "subject=a/res/64/293") == rows
    assert query_json(store, "conflicts", "subject=Global Plan of Action") == []


def test_documents_that_agree_give_no_conflict(tmp_path):
    store = _build(tmp_path, {"990": "30 July 2010", "991": "30 July 2010"})
    assert query_json(store, "conflicts") == []


def test_corpus_documents_in_conflict_and_not(tmp_path):
    from conftest import SHARED, build_files
    unga = SHARED / "corpus" / "unga"
    store, _ = build_files(tmp_path, *(unga / f for f in (
        "A_RES_79_81.txt", "A_80_L.16.txt", "A_RES_79_167.txt", "A_C.3_80_L.16.txt")))
    rows = query_json(store, "conflicts")
    # A/RES/79/81 (December 2024) convenes the High-level International Conference ... on the Two-State Solution "in
    # June 2025"; A/80/L.16 (September 2025) says it was held in July: two documents, two months, both shown
    palestine = [r for r in rows if r["subject"].startswith("High-level International Conference for the Peaceful")]
    assert [(r["property"], r["value"], r["document"], r["other_value"], r["other_document"]) for r in palestine] == [
        ("start date", "2025-07", "A/80/L.16", "2025-06", "A/RES/79/81")]
    # "the Fourth World Conference on Women, held in Beijing from 4 to 15 September 1995" beside a document that
    # gives its year only: the year says less, it does not say otherwise
    assert not [r for r in rows if r["subject"] == "Fourth World Conference on Women"]
    assert query_json(store, "conflicts", "subject=fourth world conference on women") == []
