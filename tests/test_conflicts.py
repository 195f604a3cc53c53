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
    store = _build(tmp_path, {"990": "30 July 2010", "991": "30 July 2011", "992": "30 July 2010"})
    rows = query_json(store, "conflicts")
    assert rows == [
        {"subject": "64/293", "property": "year", "value": "2010", "document": "A/74/990",
         "other_value": "2011", "other_document": "A/74/991"},
        {"subject": "64/293", "property": "year", "value": "2011", "document": "A/74/991",
         "other_value": "2010", "other_document": "A/74/992"},
    ]
    assert query_json(store, "conflicts", "subject=a/res/64/293") == rows
    assert query_json(store, "conflicts", "subject=Global Plan of Action") == []


def test_documents_that_agree_give_no_conflict(tmp_path):
    store = _build(tmp_path, {"990": "30 July 2010", "991": "30 July 2010"})
    assert query_json(store, "conflicts") == []
