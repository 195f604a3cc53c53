"""SHACL as the gate of `tipkg build` and `tipkg validate`, end to end through the command: a broken
extraction fails the build with the document and paragraph named, the report is saved as JSON and Turtle,
and the previous graph stays as it was."""
from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest

from conftest import query_json, run_tipkg
from tipkg import cli

HEADER = """United Nations
A/74/999

General Assembly

Distr.: General
18 June 2019

Original: English

Seventy-fourth session

Item 105 of the preliminary list

Crime prevention and criminal justice

Trafficking in persons

Report of the Secretary-General

I. Ratifications

"""
QATAR = "1. Qatar acceded to the Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children, on 29 May 2019.\n\n"
# a ratification the report dates after its own distribution date: impossible, so the extraction is wrong
JAPAN = "2. In the reporting period, Japan ratified the Protocol on 11 July 2019.\n"


def write_report(folder: Path, *paragraphs: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "A_74_999.txt").write_text(HEADER + "".join(paragraphs))
    return folder


def test_the_seeds_graph_conforms(seed_store):
    result = run_tipkg("validate", "--store", seed_store)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "conforms: 0 violations" in result.stdout


def test_a_violation_fails_a_strict_build_names_document_and_paragraph_and_keeps_the_previous_graph(tmp_path):
    documents, store = write_report(tmp_path / "documents", QATAR), tmp_path / "store"
    assert run_tipkg("build", "--documents", documents, "--store", store).returncode == 0
    before = query_json(store, "ratifications")
    current = (store / "current").resolve()

    write_report(documents, QATAR, JAPAN)
    result = run_tipkg("build", "--documents", documents, "--store", store, "--strict")

    assert result.returncode == 1
    assert "A_74_999.txt, paragraph 2: Violation: 'Ratification: Japan" in result.stderr
    assert "dated 2019-07-11, after the document that reports it (2019-06-18)" in result.stderr
    assert "The previous graph, if any, is unchanged." in result.stderr
    assert "Traceback" not in result.stderr
    assert (store / "current").resolve() == current
    assert query_json(store, "ratifications") == before
    report = json.loads((store / "reports" / "validation.json").read_text())
    assert report["conforms"] is False and report["violations"] == 1
    assert report["results"][0]["paragraph"] == "2"
    assert "sh:ValidationReport" in (store / "reports" / "validation.ttl").read_text()


OTHER = """United Nations

A/74/998

General Assembly

Distr.: General
20 June 2019

Original: English

Seventy-fourth session

Trafficking in persons

Report of the Secretary-General

1. Qatar acceded to the Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children, on 29 May 2019.
"""


def test_a_document_that_fails_validation_is_quarantined_and_the_rest_is_built(tmp_path):
    documents, store = write_report(tmp_path / "documents", QATAR, JAPAN), tmp_path / "store"
    (documents / "A_74_998.txt").write_text(OTHER)

    result = run_tipkg("build", "--documents", documents, "--store", store)

    assert result.returncode == 0, result.stderr
    assert "Built 1 document" in result.stdout
    assert "Quarantined 1 (failed validation, left out of the graph" in result.stdout
    assert "A_74_999.txt: 1 SHACL violation(s), paragraph 2: dated 2019-07-11, after the document" in result.stdout
    assert "Traceback" not in result.stderr
    # the valid document is in the graph, nothing of the quarantined one is
    rows = query_json(store, "ratifications")
    assert {r["document"] for r in rows} == {"A/74/998"}
    report = json.loads((store / "current" / "reports" / "quarantine.json").read_text())
    assert {r["document"] for r in report["results"]} == {"A_74_999.txt"}
    assert report["results"][0]["paragraph"] == "2"
    # tipkg validate names it too: the graph conforms, one document was left out
    checked = run_tipkg("validate", "--store", store)
    assert checked.returncode == 0
    assert "1 document left out of the graph by the build" in checked.stdout
    assert "A_74_999.txt: 1 violation, first: A_74_999.txt, paragraph 2: Violation" in checked.stdout

    # once the document is corrected, the next build takes it in and the quarantine is gone
    write_report(documents, QATAR)
    again = run_tipkg("build", "--documents", documents, "--store", store)
    assert again.returncode == 0 and "Built 2 documents" in again.stdout and "Quarantined" not in again.stdout
    assert not (store / "current" / "reports" / "quarantine.json").exists()
    assert "left out" not in run_tipkg("validate", "--store", store).stdout


@pytest.fixture
def broken(monkeypatch):
    """Breaks the graph the extraction produces, as a faulty rule would: `broken(fn)` applies fn to every assertion."""
    from tipkg.extract import Extractor

    def install(fn):
        original = Extractor.__call__

        def extract(self, document):
            extraction = original(self, document)
            for a in extraction.assertions:
                fn(a)
            return extraction

        monkeypatch.setattr(Extractor, "__call__", extract)
    return install


def test_an_assertion_without_evidence_fails_the_build(tmp_path, capsys, broken):
    broken(lambda a: setattr(a, "evidence", ""))
    documents = write_report(tmp_path / "documents", QATAR)
    assert cli.main(["build", "--documents", str(documents), "--store", str(tmp_path / "store"), "--jobs", "1"]) == 1
    err = capsys.readouterr().err
    assert "A_74_999.txt, paragraph 1: Violation: 'Ratification: Qatar" in err
    assert "an assertion carries exactly one evidence sentence" in err
    assert not (tmp_path / "store" / "current").exists()


def test_a_ratification_date_that_cannot_be_parsed_fails_the_build(tmp_path, capsys, broken):
    broken(lambda a: a.values.update(date="29 Mayy 2019") if a.kind == "ratification" else None)
    documents = write_report(tmp_path / "documents", QATAR)
    assert cli.main(["build", "--documents", str(documents), "--store", str(tmp_path / "store"), "--jobs", "1"]) == 1
    err = capsys.readouterr().err
    assert "paragraph 1" in err and "a ratification has at most one date, an xsd:date" in err


def test_validate_finds_a_violation_written_into_a_store_behind_the_build(tmp_path):
    documents, store = write_report(tmp_path / "documents", QATAR), tmp_path / "store"
    assert run_tipkg("build", "--documents", documents, "--store", store).returncode == 0
    db = ox.Store(str((store / "current").resolve() / "oxigraph"))
    graph = next(g for g in db.named_graphs() if "/graph/" in g.value)
    tip = "https://w3id.org/tipkg/ontology#"
    event = ox.NamedNode("https://w3id.org/tipkg/assertion/x")
    for p, o in ((ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), ox.NamedNode(tip + "Occurrence")),
                 (ox.NamedNode(tip + "startDate"), ox.Literal("2019-05-13", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date"))),
                 (ox.NamedNode(tip + "endDate"), ox.Literal("2019-05-10", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")))):
        db.add(ox.Quad(event, p, o, graph))
    db.flush()
    del db

    result = run_tipkg("validate", "--store", store)
    assert result.returncode == 1
    assert "ends on 2019-05-10, before it starts on 2019-05-13" in result.stdout
    assert "an assertion comes from exactly one source paragraph" in result.stdout
    assert "does not conform" in result.stdout
