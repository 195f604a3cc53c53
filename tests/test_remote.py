"""Stores beyond one process, end to end: `tipkg push` loads the seed build into a real Oxigraph server and
a real Virtuoso through the Graph Store Protocol, and every canned query gives the same rows through the
embedded store, `tipkg serve`, the Oxigraph server and Virtuoso (via SPARQLWrapper, tipkg.remote)."""
from __future__ import annotations

import json

import httpx
import pyoxigraph as ox
import pytest

from conftest import copy_seeds, needs_seeds, query_json, run_tipkg
from live_servers import comparable, oxigraph_server, tipkg_server, virtuoso_server
from tipkg.engines import PushError, adapter_for, push
from tipkg.queries import catalogue, get_query, run_on_store
from tipkg.remote import run_on_endpoint
from tipkg.store import current_data, open_store

pytestmark = needs_seeds

CANNED = sorted(catalogue())


def local_graphs(store) -> dict[str, int]:
    """Named graph -> number of triples, in a built store."""
    s = open_store(store)
    return {g.value: len(list(s.quads_for_pattern(None, None, None, g))) for g in s.named_graphs()}


def remote_graphs(endpoint: str, engine: str) -> dict[str, int]:
    adapter = adapter_for(endpoint, engine)
    from tipkg.remote import select

    rows = select(endpoint, "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
                  adapter.query_parameters())
    return {row["g"]: int(row["n"]) for row in rows}


@pytest.fixture(scope="module")
def oxigraph(seed_store, tmp_path_factory):
    """An Oxigraph server holding the seed build, pushed with the `tipkg push` command."""
    with oxigraph_server(tmp_path_factory.mktemp("oxigraph")) as endpoint:
        result = run_tipkg("push", "--endpoint", endpoint, "--store", seed_store)
        assert result.returncode == 0, result.stderr
        assert "Pushed 5 graphs" in result.stdout and "to oxigraph at" in result.stdout, result.stdout
        yield endpoint


@pytest.fixture(scope="module")
def virtuoso(seed_store, tmp_path_factory):
    """A Virtuoso holding the seed build, pushed through its authenticated Graph Store Protocol."""
    with virtuoso_server(tmp_path_factory.mktemp("virtuoso")) as endpoint:
        report = push(seed_store, endpoint, user="dba", password="dba")
        assert report.engine == "virtuoso" and report.graph_store.endswith("/sparql-graph-crud-auth")
        yield endpoint


@pytest.fixture(scope="module")
def tipkg_endpoint(seed_store, tmp_path_factory):
    with tipkg_server(seed_store, tmp_path_factory.mktemp("tipkg-serve"), "--timeout", "120") as base:
        yield base + "/sparql"


@pytest.fixture(scope="module")
def parameters(seed_store) -> dict[str, dict[str, str]]:
    """Values for the queries that need one, taken from the graph itself: an entity that chaired ICAT and a
    country where an initiative operates."""
    store = open_store(seed_store)
    chairs = run_on_store(store, get_query("icat-chairs"))
    entity = sorted(r["chair_acronym"] for r in chairs if r["chair_acronym"])[0]
    countries = run_on_store(store, get_query("initiative-countries"))
    country = sorted(r["country"] for r in countries if r["country"])[0]
    return {"evidence": {"subject": entity}, "entity-profile": {"entity": entity},
            "country-profile": {"country": country}}


def test_the_adapter_is_chosen_from_what_the_engine_calls_itself(oxigraph, virtuoso, tipkg_endpoint):
    assert adapter_for(oxigraph).name == "oxigraph"
    assert adapter_for(virtuoso).name == "virtuoso"
    assert adapter_for(tipkg_endpoint).name == "generic"


def test_push_loads_one_named_graph_per_document_with_all_its_triples(seed_store, oxigraph, virtuoso):
    expected = local_graphs(seed_store)
    assert len(expected) == 5  # three documents, the ontology and the entities graph
    assert remote_graphs(oxigraph, "oxigraph") == expected
    on_virtuoso = remote_graphs(virtuoso, "virtuoso")
    assert {g: n for g, n in on_virtuoso.items() if g in expected} == expected


@pytest.mark.parametrize("name", CANNED)
def test_every_canned_query_gives_the_same_rows_on_every_engine(name, seed_store, parameters, tipkg_endpoint,
                                                                 oxigraph, virtuoso):
    query = get_query(name)
    params = parameters.get(name, {})
    embedded = run_on_store(open_store(seed_store), query, params)
    assert embedded, f"{name} finds nothing in the seeds: the comparison would prove nothing"
    expected = comparable(embedded, query.sparql)
    for endpoint in (tipkg_endpoint, oxigraph, virtuoso):
        rows = run_on_endpoint(endpoint, query, params)
        assert comparable(rows, query.sparql) == expected, f"{name} differs on {endpoint}"
        assert list(rows[0]) == list(embedded[0]), f"{endpoint}: columns in another order"


@pytest.mark.parametrize("name, parameter, column", [
    ("resolution-asks", "resolution", "resolution"),
    ("resolution-lineage", "resolution", "target"),
    ("resolutions-cited", "document", "document"),
])
def test_a_query_starting_from_a_given_parameter_gives_the_same_rows_on_every_engine(
        name, parameter, column, seed_store, tipkg_endpoint, oxigraph, virtuoso):
    """With the parameter, the query keeps a line that looks it up first (`# [if NAME]`)."""
    query = get_query(name)
    value = sorted(r[column] for r in run_on_store(open_store(seed_store), query))[0]
    embedded = run_on_store(open_store(seed_store), query, {parameter: value})
    assert embedded and value in {r[column] for r in embedded}
    for endpoint in (tipkg_endpoint, oxigraph, virtuoso):
        rows = run_on_endpoint(endpoint, query, {parameter: value})
        assert comparable(rows, query.sparql) == comparable(embedded, query.sparql), f"differs on {endpoint}"


def test_query_command_with_endpoint_prints_what_the_embedded_store_prints(seed_store, oxigraph):
    result = run_tipkg("query", "ratifications", "--endpoint", oxigraph, "--format", "json")
    assert result.returncode == 0, result.stderr
    sparql = get_query("ratifications").sparql
    assert comparable(json.loads(result.stdout), sparql) == comparable(query_json(seed_store, "ratifications"), sparql)


def test_push_replaces_each_graph_whole_and_removes_documents_no_longer_built(seed_store, tmp_path):
    smaller = tmp_path / "store"
    result = run_tipkg("build", "--documents", copy_seeds(tmp_path / "documents", "001", "004"), "--store", smaller)
    assert result.returncode == 0, result.stderr
    with oxigraph_server(tmp_path / "oxigraph") as endpoint:
        push(seed_store, endpoint)
        kept = next(g for g in local_graphs(smaller) if g.endswith("E-RES-2021-25"))
        # a stray triple in a document's graph: a push replaces the graph, so it must go
        httpx.post(endpoint.replace("/query", "/store"), params={"graph": kept},
                   content=b"<urn:x:stray> <urn:x:p> <urn:x:o> .", headers={"Content-Type": "application/n-triples"}
                   ).raise_for_status()
        unrelated = "urn:x:someone-elses-graph"
        httpx.put(endpoint.replace("/query", "/store"), params={"graph": unrelated},
                  content=b"<urn:x:s> <urn:x:p> <urn:x:o> .", headers={"Content-Type": "application/n-triples"}
                  ).raise_for_status()
        report = push(smaller, endpoint)
        expected = local_graphs(smaller)
        assert remote_graphs(endpoint, "oxigraph") == expected | {unrelated: 1}
        assert len(report.removed) == 1 and report.removed[0].endswith("003_84e408440e65b4cf")
        assert report.triples == sum(expected.values())


def test_push_to_a_read_only_endpoint_fails_with_the_answer_of_the_store(seed_store, tipkg_endpoint):
    result = run_tipkg("push", "--endpoint", tipkg_endpoint, "--store", seed_store)
    assert result.returncode == 1
    assert "--graph-store" in result.stderr  # a generic engine: where its Graph Store Protocol is must be said
    with pytest.raises(PushError, match=r"answered 4\d\d"):
        push(seed_store, tipkg_endpoint, graph_store=tipkg_endpoint)


def test_pushed_graphs_hold_the_same_triples_as_the_build(seed_store, oxigraph):
    local = ox.Store.read_only(str(current_data(seed_store) / "oxigraph"))
    for graph in local.named_graphs():
        response = httpx.get(oxigraph.replace("/query", "/store"), params={"graph": graph.value},
                             headers={"Accept": "application/n-triples"})
        assert response.status_code == 200
        remote = {q.triple for q in ox.parse(response.content, ox.RdfFormat.N_TRIPLES)}
        assert remote == {q.triple for q in local.quads_for_pattern(None, None, None, graph)}, graph.value
