"""The `tipkg` command end to end (build, stats, query), run as a user runs it: the installed console script
in a subprocess, on copies of the seeds, each test that writes with its own store.

The read-only tests share one build of the three seeds (the `seed_store` fixture of conftest).
"""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pyoxigraph as ox
import pytest

from conftest import QUERIES, copy_seeds, query_json, run_tipkg, seed_path
from tipkg.ingest import ingest
from tipkg.queries import get_query

COLUMNS = ["document", "resolution", "body", "year", "symbol", "paragraphs"]

# a resolution number as a text cites it: "resolution 72/195", "resolutions 1267 (1999), 1989 (2011) and ..."
NUMBER = r"(?:\d{1,4}/\d{1,4}|\d{3,4} \(\d{4}\))"
CITATION = re.compile(rf"\b[Rr]esolutions?\s+({NUMBER}(?:(?:,\s*|,?\s+and\s+){NUMBER})*)")


def cited_in(path: Path) -> set[str]:
    """The resolutions a seed cites, read from its raw Markdown text by the test itself."""
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text).replace("\\(", "(").replace("\\)", ")")
    text = re.sub(r"\s+", " ", text)
    return {n for m in CITATION.finditer(text) for n in re.findall(NUMBER, m[1])}


def document_names(number: str) -> set[str]:
    """How the `document` column may name a seed: its symbol, resolution number, title or identifier."""
    document = ingest(seed_path(number))
    meta = document.metadata
    return {name for name in (meta.symbol, meta.resolution_number, meta.title, document.id) if name}


# --- build and stats ------------------------------------------------------------------------------

@pytest.mark.parametrize("number", ["001", "003", "004"])
def test_build_of_one_seed_dropped_alone_in_a_folder(tmp_path, number):
    documents = copy_seeds(tmp_path / "documents", number)
    store = tmp_path / "store"
    result = run_tipkg("build", "--documents", documents, "--store", store)
    assert result.returncode == 0, result.stderr
    document = ingest(seed_path(number))
    assert "Built 1 document" in result.stdout
    assert document.id in result.stdout

    stats = run_tipkg("stats", "--store", store)
    assert stats.returncode == 0, stats.stderr
    assert re.search(r"^documents\s+1$", stats.stdout, re.M)
    paragraphs = re.search(r"^paragraphs\s+(\d+)$", stats.stdout, re.M)
    assert paragraphs and int(paragraphs[1]) == len(document.paragraphs)


def test_stats_without_a_build_says_to_build_first(tmp_path):
    result = run_tipkg("stats", "--store", tmp_path / "nothing")
    assert result.returncode != 0
    assert "tipkg build" in result.stderr


# --- resolutions-cited ----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def cited_rows(seed_store) -> list[dict]:
    return query_json(seed_store, "resolutions-cited")


def test_citation_regex_of_this_test_reads_the_known_citations_of_the_2019_report():
    """Guards the regex the next test relies on."""
    assert cited_in(seed_path("001")) >= {
        "72/195", "64/293", "70/179", "70/1", "73/15", "61/180", "68/192", "2331 (2016)", "2388 (2017)",
        "2242 (2015)", "2395 (2017)", "1267 (1999)", "1989 (2011)", "2253 (2015)", "2368 (2017)", "2462 (2019)",
        "2006/27"}


@pytest.mark.parametrize("number", ["001", "003", "004"])
def test_resolutions_cited_lists_every_citation_of_each_seed(cited_rows, number):
    names = document_names(number)
    rows = [r for r in cited_rows if r["document"] in names]
    expected = cited_in(seed_path(number))
    assert expected, "the seed cites resolutions"
    assert expected <= {r["resolution"] for r in rows}


def test_security_council_citations_have_their_body_and_year(cited_rows):
    council = [r for r in cited_rows if re.fullmatch(r"\d{3,4} \(\d{4}\)", r["resolution"])]
    assert len(council) >= 10
    for row in council:
        assert row["body"] == "Security Council"
        assert row["year"] == row["resolution"][-5:-1]
        assert row["symbol"] == f"S/RES/{row['resolution']}"


def test_resolutions_cited_json_has_exactly_the_contract_columns(cited_rows):
    assert cited_rows
    for row in cited_rows:
        assert list(row) == COLUMNS


def test_resolutions_cited_csv_has_a_header_row(seed_store, cited_rows):
    result = run_tipkg("query", "resolutions-cited", "--store", seed_store, "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == COLUMNS
    assert len(rows) == len(cited_rows) + 1


def test_resolutions_cited_table_ends_with_the_row_count(seed_store, cited_rows):
    result = run_tipkg("query", "resolutions-cited", "--store", seed_store, "--format", "table")
    assert result.returncode == 0, result.stderr
    assert result.stdout.rstrip().splitlines()[-1] == f"({len(cited_rows)} rows)"
    assert result.stdout.split()[:len(COLUMNS)] == COLUMNS


# --- query list and errors ------------------------------------------------------------------------

def test_query_list_shows_every_canned_query_with_its_question():
    result = run_tipkg("query", "list")
    assert result.returncode == 0, result.stderr
    files = sorted(QUERIES.glob("*.rq"))
    assert files
    for path in files:
        question = next(line.split(":", 1)[1].strip() for line in path.read_text(encoding="utf-8").splitlines()
                        if line.lower().startswith("# question:"))
        line = next((ln for ln in result.stdout.splitlines() if ln.split()[:1] == [path.stem]), None)
        assert line is not None, f"{path.stem} not listed"
        assert question in line


def test_unknown_query_name_fails_and_points_to_the_list(seed_store):
    result = run_tipkg("query", "no-such-query", "--store", seed_store)
    assert result.returncode != 0
    assert "no-such-query" in result.stderr and "tipkg query list" in result.stderr


def test_missing_required_parameter_fails_and_says_which(seed_store):
    result = run_tipkg("query", "evidence", "--store", seed_store)
    assert result.returncode != 0
    assert "--param subject=" in result.stderr


def test_unknown_parameter_fails_and_names_the_known_ones(seed_store):
    result = run_tipkg("query", "resolutions-cited", "--store", seed_store, "--param", "colour=blue")
    assert result.returncode != 0
    assert "colour" in result.stderr and "document" in result.stderr


def test_document_parameter_narrows_resolutions_cited_to_one_document(seed_store, cited_rows):
    rows = query_json(seed_store, "resolutions-cited", "document=E/RES/2021/25")
    assert rows and {r["document"] for r in rows} <= document_names("004")
    assert len(rows) == len([r for r in cited_rows if r["document"] in document_names("004")])


def test_resolution_parameter_narrows_resolution_asks_to_that_resolutions_requests(seed_store):
    """The parameter is looked up first (a line kept only when it is given): the same rows as the listing's."""
    every = query_json(seed_store, "resolution-asks")
    rows = query_json(seed_store, "resolution-asks", "resolution=72/195")
    expected = [r for r in every if "72/195" in (r["resolution"], r["symbol"])]
    assert rows and len(rows) < len(every)
    assert sorted(map(json.dumps, rows)) == sorted(map(json.dumps, expected))


@pytest.mark.parametrize("query, names", [
    ("entity-profile", ("UNODC", "unodc", "United Nations Office on Drugs and Crime", "united  nations office on DRUGS and crime")),
    ("evidence", ("Japan", "JAPAN", "jpn")),
    ("country-profile", ("Nigeria", "nigeria", "NGA")),
    ("resolution-asks", ("72/195", "A/RES/72/195", "a/res/72/195")),
    ("resolution-lineage", ("64/293", "A/RES/64/293", "a/res/64/293")),
    ("resolutions-cited", ("E/RES/2021/25", "e/res/2021/25", "2021/25")),
    # a report without a symbol: its title, in any case, or its identifier
    ("resolutions-cited", ("Improving the coordination of efforts against trafficking in persons",
                           "IMPROVING the coordination of efforts against trafficking in persons",
                           "001_aaa57c1388cc9d44")),
])
def test_a_parameter_names_its_node_by_any_of_its_names_in_any_case(seed_store, query, names):
    parameter = get_query(query).parameters[0].name
    answers = [query_json(seed_store, query, f"{parameter}={name}") for name in names]
    assert answers[0], f"{query} finds nothing for {names[0]} in the seeds"
    assert all(answer == answers[0] for answer in answers[1:])


# --- stable IRIs and safe rebuilds ----------------------------------------------------------------

def dump_of(store: Path) -> bytes:
    return (store / "current" / "dumps" / "tipkg.nq").read_bytes()


def test_two_builds_of_the_same_folder_give_byte_identical_dumps(tmp_path, seed_store):
    documents = copy_seeds(tmp_path / "documents", "001", "003", "004")
    store = tmp_path / "store"
    assert run_tipkg("build", "--documents", documents, "--store", store).returncode == 0
    first = dump_of(store)
    assert first
    assert first == dump_of(seed_store)
    # a rebuild in place, from the cache, gives the same bytes too
    assert run_tipkg("build", "--documents", documents, "--store", store).returncode == 0
    assert dump_of(store) == first


def test_failed_build_leaves_the_previous_graph_queryable(tmp_path):
    store = tmp_path / "store"
    good = copy_seeds(tmp_path / "good", "004")
    assert run_tipkg("build", "--documents", good, "--store", store).returncode == 0
    before = query_json(store, "resolutions-cited")
    assert before

    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty-document.txt").write_bytes(b"")
    failed = run_tipkg("build", "--documents", bad, "--store", store)
    assert failed.returncode != 0
    assert "empty-document.txt" in failed.stderr + failed.stdout

    assert query_json(store, "resolutions-cited") == before


def test_base_iri_prefixes_every_subject_of_the_dump(tmp_path):
    base = "https://example.org/kg/"
    documents = copy_seeds(tmp_path / "documents", "004")
    store = tmp_path / "store"
    result = run_tipkg("build", "--documents", documents, "--store", store, "--base-iri", base)
    assert result.returncode == 0, result.stderr
    quads = list(ox.parse(path=str(store / "current" / "dumps" / "tipkg.nq"), format=ox.RdfFormat.N_QUADS))
    subjects = {q.subject.value for q in quads if isinstance(q.subject, ox.NamedNode)}
    assert len(subjects) > 10
    outside = {s for s in subjects if not s.startswith(base) and not s.startswith("https://w3id.org/tipkg/ontology")}
    assert outside == set()
    # the document's graph under the base; the entities graph (the canned queries name it) under tipkg's own
    assert {q.graph_name.value for q in quads} == {f"{base}graph/E-RES-2021-25", "https://w3id.org/tipkg/entities"}
