"""The listings the build answers (tipkg.queries.write_answers / answer): `tipkg query` reads back the rows the
build stored for a canned query run with no parameter, and they are the rows the store evaluates; a parameter, an
edited query, a rebuild or a damaged file never serve rows of another question or another graph."""
from __future__ import annotations

import dataclasses
import json

import pyoxigraph as ox
import pytest

from conftest import copy_seeds, query_json, run_tipkg
from tipkg.queries import (ANSWERS, answer, catalogue, parse_query_file, run_on_store, stored_answer,
                           write_answers)
from tipkg.store import CurrentGraph

LISTINGS = [name for name, q in catalogue().items() if not any(p.required for p in q.parameters)]


def test_most_canned_queries_are_listings_the_build_answers():
    assert {"resolution-asks", "resolutions-cited", "icat-chairs", "events"} <= set(LISTINGS)
    assert "entity-profile" not in LISTINGS  # it needs an entity


@pytest.mark.parametrize("name", LISTINGS)
def test_a_listing_is_read_back_from_the_build_with_the_rows_the_store_evaluates(seed_store, name):
    graph, query = CurrentGraph(seed_store), catalogue()[name]
    stored = stored_answer(graph.data(), query, query.bind({}))
    assert stored is not None, f"the build stored no answer for {name}"
    assert stored == run_on_store(graph.store(), query)
    assert answer(graph, query) == stored


def test_tipkg_query_prints_the_stored_rows(seed_store):
    query = catalogue()["resolution-asks"]
    rows = query_json(seed_store, "resolution-asks")
    assert rows and rows == json.loads(json.dumps(run_on_store(CurrentGraph(seed_store).store(), query)))


def test_a_parameter_is_evaluated_not_answered_with_the_listing(seed_store):
    graph, query = CurrentGraph(seed_store), catalogue()["resolution-asks"]
    listing = answer(graph, query)
    one = answer(graph, query, {"resolution": "2021/25"})
    assert one == run_on_store(graph.store(), query, {"resolution": "2021/25"})
    assert one and len(one) < len(listing)
    assert {r["resolution"] for r in one} < {r["resolution"] for r in listing}


def test_an_empty_parameter_is_the_listing(seed_store):
    graph, query = CurrentGraph(seed_store), catalogue()["resolution-asks"]
    assert answer(graph, query, {"resolution": ""}) == answer(graph, query)


def test_a_query_edited_since_the_build_is_evaluated(seed_store):
    graph, query = CurrentGraph(seed_store), catalogue()["resolution-asks"]
    edited = dataclasses.replace(query, sparql=query.sparql + "\nLIMIT 2\n")
    assert len(answer(graph, query)) > 2
    assert answer(graph, edited) == run_on_store(graph.store(), edited) and len(answer(graph, edited)) == 2


def test_a_damaged_answer_file_is_evaluated_again(tmp_path):
    store = tmp_path / "store"
    result = run_tipkg("build", "--documents", copy_seeds(tmp_path / "documents", "004"), "--store", store)
    assert result.returncode == 0, result.stderr
    graph, query = CurrentGraph(store), catalogue()["resolution-asks"]
    evaluated = run_on_store(graph.store(), query)
    files = list((graph.data() / ANSWERS).glob("resolution-asks-*.marshal"))
    assert len(files) == 1
    files[0].write_bytes(files[0].read_bytes()[:100])  # cut short
    assert stored_answer(graph.data(), query, query.bind({})) is None
    assert query_json(store, "resolution-asks") == json.loads(json.dumps(evaluated)) != []


def test_a_rebuild_answers_from_its_own_graph(tmp_path):
    documents, store = copy_seeds(tmp_path / "documents", "001"), tmp_path / "store"
    first = run_tipkg("build", "--documents", documents, "--store", store)
    assert first.returncode == 0, first.stderr
    assert "canned listings" in first.stdout
    before = query_json(store, "resolution-asks")
    copy_seeds(documents, "004")  # ECOSOC resolution 2021/25, with its operative paragraphs
    second = run_tipkg("build", "--documents", documents, "--store", store)
    assert second.returncode == 0, second.stderr
    after = query_json(store, "resolution-asks")
    graph = CurrentGraph(store)
    assert after == json.loads(json.dumps(run_on_store(graph.store(), catalogue()["resolution-asks"])))
    assert len(after) > len(before)
    assert stored_answer(graph.data(), catalogue()["resolution-asks"], catalogue()["resolution-asks"].bind({}))


GOOD = """# title: Labels
# question: Which labels are there?
# columns: label
SELECT ?label WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label }
"""
NEEDS_A_PARAMETER = """# title: One label
# question: What is the label of a thing?
# parameters: thing (required): an IRI
# columns: label
SELECT ?label WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label FILTER(STR(?s) = ?thing_param) }
"""
BROKEN = """# title: Broken
# question: What does a query with a syntax error answer?
# columns: label
SELECT ?label WHERE { ?s ?p
"""


def test_a_query_file_that_cannot_run_is_reported_and_the_others_are_answered(tmp_path):
    queries = tmp_path / "queries"
    queries.mkdir()
    for name, text in {"good": GOOD, "one-label": NEEDS_A_PARAMETER, "broken": BROKEN,
                       "no-header": "SELECT * WHERE { ?s ?p ?o }\n"}.items():
        (queries / f"{name}.rq").write_text(text)
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("http://example.org/a"), ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"),
                      ox.Literal("A"), ox.NamedNode("http://example.org/g")))
    listings = {x.name: x for x in write_answers(store, tmp_path / "data", queries)}
    assert set(listings) == {"good", "broken", "no-header"}  # a query that needs a parameter is not a listing
    assert listings["good"].error is None and listings["good"].rows == 1
    assert "broken.rq" in listings["broken"].error and "no-header.rq" in listings["no-header"].error
    good = parse_query_file(queries / "good.rq")
    assert stored_answer(tmp_path / "data", good, good.bind({})) == [{"label": "A"}]
    assert {p.name.split("-")[0] for p in (tmp_path / "data" / ANSWERS).iterdir()} == {"good"}
