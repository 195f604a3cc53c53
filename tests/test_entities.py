"""One description per node: the labels, types and lookup keys of the nodes documents share live once, in the
entities graph; each document's graph holds what the document states. Plain SPARQL over the default graph (the
union of the graphs) gives each answer once, on the embedded store, on `tipkg serve` and on a pushed Oxigraph
server; and a rebuild that removes or changes a document leaves the entities graph exactly as a fresh build
of the same documents makes it.
"""
from __future__ import annotations

import shutil

import pyoxigraph as ox
import pytest
from rdflib.namespace import VOID

from conftest import copy_seeds, needs_seeds, run_tipkg, seed_path
from live_servers import oxigraph_server, tipkg_server
from tipkg.remote import select
from tipkg.store import ENTITIES_GRAPH, current_data, merge_descriptions, open_store

pytestmark = needs_seeds

GENERAL_ASSEMBLY = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?s WHERE { ?s rdfs:label ?l FILTER(STR(?l) = "General Assembly") }"""
UNODC = "https://w3id.org/tipkg/org/UNODC"


def entities(store) -> set[str]:
    """The entities graph's triples, as N-Triples lines."""
    s = open_store(store)
    return {str(q.triple) for q in s.quads_for_pattern(None, None, None, ox.NamedNode(ENTITIES_GRAPH))}


def described(store, iri: str) -> set[str]:
    return {line for line in entities(store) if line.startswith(f"<{iri}> ")}


def build(documents, store) -> None:
    result = run_tipkg("build", "--documents", documents, "--store", store)
    assert result.returncode == 0, result.stderr


def test_the_default_graph_labels_a_node_once(seed_store, tmp_path):
    # the three seeds all name the General Assembly, and each document graph used to label it again (3 rows); the
    # 2022 report also has a section headed "General Assembly", a node of its own
    expected = ["https://w3id.org/tipkg/document/003-84e408440e65b4cf#sec-II.A.1.h4", "https://w3id.org/tipkg/org/GA"]
    rows = list(open_store(seed_store).query(GENERAL_ASSEMBLY, use_default_graph_as_union=True))
    assert sorted(r["s"].value for r in rows) == expected
    with tipkg_server(seed_store, tmp_path / "serve") as base:
        assert sorted(r["s"] for r in select(base + "/sparql", GENERAL_ASSEMBLY)) == expected
    with oxigraph_server(tmp_path / "oxigraph") as endpoint:
        pushed = run_tipkg("push", "--endpoint", endpoint, "--store", seed_store)
        assert pushed.returncode == 0, pushed.stderr
        assert sorted(r["s"] for r in select(endpoint, GENERAL_ASSEMBLY, {"union-default-graph": ""})) == expected


def test_a_document_graph_holds_what_it_states_and_the_entities_graph_the_descriptions(seed_store):
    store = open_store(seed_store)
    label = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
    for graph in (g for g in store.named_graphs() if "/graph/" in g.value):
        # the document's paragraphs and statements keep their labels; no shared node is labelled there
        labelled = {q.subject.value for q in store.quads_for_pattern(None, label, None, graph)}
        assert labelled and all("#para-" in s or "#sec-" in s or "/assertion/" in s for s in labelled), graph
        # what a document states of UNODC (chairOf, memberOf ... shortcuts) stays in its graph, not its description
        said = {q.predicate.value.rsplit("#", 1)[-1] for q in store.quads_for_pattern(ox.NamedNode(UNODC), None, None, graph)}
        assert not said & {"type", "label", "prefLabel", "altLabel", "hiddenLabel", "acronym"}, graph
    assert '<https://w3id.org/tipkg/org/UNODC> <http://www.w3.org/2004/02/skos/core#hiddenLabel> "unodc"' in \
        described(seed_store, UNODC)


def test_removing_or_changing_a_document_leaves_the_entities_graph_a_fresh_build_would_make(tmp_path):
    documents = copy_seeds(tmp_path / "documents", "001", "004")
    store = tmp_path / "store"
    build(documents, store)
    both = entities(store)
    # UNODC is described by both documents, the International Labour Organization by the 2019 report alone
    ilo = "https://w3id.org/tipkg/org/ILO"
    assert described(store, UNODC) and described(store, ilo)

    (documents / seed_path("001").name).unlink()
    build(documents, store)  # a warm build: the resolution's graph is kept, the report's removed
    fresh = tmp_path / "fresh"
    build(documents, fresh)
    after_removal = entities(store)
    assert after_removal == entities(fresh)
    assert described(store, UNODC) and not described(store, ilo)
    assert len(after_removal) < len(both)

    # the resolution changed: it no longer names the Office, so what only it said of UNODC goes too
    resolution = documents / seed_path("004").name
    resolution.write_text(resolution.read_text().replace("United Nations Office on Drugs and Crime", "Office")
                          .replace("UNODC", "Office"))
    build(documents, store)
    shutil.rmtree(fresh)
    build(documents, fresh)
    assert entities(store) == entities(fresh)
    assert not described(store, UNODC)


def test_a_node_spelled_two_ways_keeps_one_label_and_the_other_as_an_alternative(tmp_path):
    node, label, pref, alt = ("<https://w3id.org/tipkg/event/meeting-of-states-2027>",
                              "<http://www.w3.org/2000/01/rdf-schema#label>",
                              "<http://www.w3.org/2004/02/skos/core#prefLabel>",
                              "<http://www.w3.org/2004/02/skos/core#altLabel>")
    graph = f"<{ENTITIES_GRAPH}>"
    parts = []
    for i, spelling in enumerate(["Meeting of States", "meeting of States", "Meeting of States"]):
        part = tmp_path / f"{i}.entities.nq"
        part.write_text(f'{node} {label} "{spelling}" {graph} .\n{node} {pref} "{spelling}" {graph} .\n')
        parts.append(part)
    merged = merge_descriptions(parts).decode().splitlines()
    assert merged == sorted([f'{node} {label} "Meeting of States" {graph} .',
                             f'{node} {pref} "Meeting of States" {graph} .',
                             f'{node} {alt} "meeting of States" {graph} .'])


def test_the_entities_graph_is_in_the_dumps_and_a_subset_of_the_dataset(seed_store):
    data = current_data(seed_store)
    dump = [q for q in ox.parse(path=str(data / "dumps" / "tipkg.nq"), format=ox.RdfFormat.N_QUADS)]
    assert {str(q.triple) for q in dump if q.graph_name.value == ENTITIES_GRAPH} == entities(seed_store)
    void = {(str(t.subject), str(t.predicate), str(t.object))
            for t in ox.parse(path=str(data / "dumps" / "void.ttl"), format=ox.RdfFormat.TURTLE)}
    assert ("<https://w3id.org/tipkg/dataset>", f"<{VOID.subset}>", f"<{ENTITIES_GRAPH}>") in void
    assert (f"<{ENTITIES_GRAPH}>", f"<{VOID.triples}>",
            f'"{len(entities(seed_store))}"^^<http://www.w3.org/2001/XMLSchema#integer>') in void


@pytest.mark.slow
def test_on_the_ga_corpus_the_default_graph_names_the_general_assembly_once(corpus_store, tmp_path):
    """The issue's test: over the default graph of the 1,155-document corpus, through the endpoint a user queries
    (tipkg serve, SPARQLWrapper), the label gives one node (it gave one row per document naming the Assembly)."""
    with tipkg_server(corpus_store, tmp_path / "serve") as base:
        assert [r["s"] for r in select(base + "/sparql", GENERAL_ASSEMBLY)] == ["https://w3id.org/tipkg/org/GA"]
