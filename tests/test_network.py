"""The network stage: the projection of the seeds' graph into networkx, its filters, and the analysis
(centrality, communities, bridges) that `tipkg network` prints.

The projection is read from one build of the three seeds (the `seed_store` fixture); expected values come
from the store itself through SPARQL, or from the seeds' text, not from the projection under test.
"""
from __future__ import annotations

import json

import networkx as nx
import pytest

from conftest import needs_seeds, run_tipkg
from tipkg.network import (DEFAULT_KINDS, KIND, NetworkError, Selection, analyse, annotate, find_nodes, project,
                           report_tables)
from tipkg.store import open_store

pytestmark = needs_seeds

UNODC = "https://w3id.org/tipkg/org/UNODC"
ICAT = "https://w3id.org/tipkg/org/ICAT"
PREFIXES = ("PREFIX tip: <https://w3id.org/tipkg/ontology#>\n"
            "PREFIX dcterms: <http://purl.org/dc/terms/>\n")


@pytest.fixture(scope="module")
def store(seed_store):
    return open_store(seed_store)


@pytest.fixture(scope="module")
def network(store) -> nx.MultiDiGraph:
    return project(store, Selection())


def sparql(store, query: str) -> list:
    return list(store.query(PREFIXES + query, use_default_graph_as_union=True))


def undirected_neighbours(graph: nx.MultiDiGraph, node: str) -> set[str]:
    return set(graph.successors(node)) | set(graph.predecessors(node))


# --- the projection ---------------------------------------------------------------------------------

def test_projection_holds_the_default_kinds_and_the_coordination_bodies(network):
    kinds = {kind for _, kind in network.nodes(data="kind")}
    assert kinds <= DEFAULT_KINDS
    assert {"state", "organization", "body", "initiative", "resolution", "event", "publication"} == kinds
    assert network.nodes[UNODC]["label"] == "UNODC"
    assert network.nodes[UNODC]["name"] == "United Nations Office on Drugs and Crime"
    assert network.nodes[UNODC]["kind"] == "organization"
    assert network.nodes[ICAT]["kind"] == "body"


def test_edges_carry_their_type_weight_and_evidence(network):
    for u, v, key, data in network.edges(keys=True, data=True):
        assert data["relation"] == key
        assert data["evidence"], (u, v, key)
        paragraphs = {(e.document, e.paragraph) for e in data["evidence"]}
        assert data["weight"] == len(paragraphs)
        assert all(e.text and e.rule and e.reference for e in data["evidence"])
    membership = network.edges[UNODC, ICAT, "memberOf"]
    assert any("Inter-Agency Coordination Group" in e.text for e in membership["evidence"])


def test_weight_is_the_number_of_paragraphs_the_store_gives_as_evidence(store, network):
    rows = sparql(store, f"""SELECT (COUNT(DISTINCT ?para) AS ?n) WHERE {{
        ?a a tip:Membership ; tip:member <{UNODC}> ; tip:organization <{ICAT}> ; tip:evidence ?para }}""")
    assert network.edges[UNODC, ICAT, "memberOf"]["weight"] == int(rows[0]["n"].value) > 1


def test_every_partnership_in_the_store_is_an_edge_between_its_partners(store, network):
    rows = sparql(store, """SELECT DISTINCT ?p ?q WHERE { ?a a tip:Partnership ; tip:partner ?p, ?q .
        FILTER(STR(?p) < STR(?q)) }""")
    pairs = {(r["p"].value, r["q"].value) for r in rows}
    kept = {(p, q) for p, q in pairs if p in network and q in network}
    assert kept and len(kept) >= len(pairs) // 2  # partners of other kinds (groups, places) are not nodes
    for p, q in kept:
        assert network.has_edge(p, q, "partnerOf") and not network.edges[p, q, "partnerOf"]["directed"]


def test_a_government_acts_as_its_state(network):
    assert not [n for n in network if "/government/" in n]
    assert all(network.nodes[n]["kind"] == "state" for n in network if "/state/" in n)


# --- filters ----------------------------------------------------------------------------------------

def test_kind_filter_leaves_only_those_kinds_and_all_their_relations(store, network):
    chosen = frozenset({"state", "organization"})
    part = project(store, Selection(kinds=chosen))
    assert part.number_of_nodes() > 10
    assert {kind for _, kind in part.nodes(data="kind")} == chosen
    expected = {(u, v, k) for u, v, k in network.edges(keys=True)
                if network.nodes[u]["kind"] in chosen and network.nodes[v]["kind"] in chosen}
    assert set(part.edges(keys=True)) == expected


def test_other_kinds_can_be_chosen(store):
    part = project(store, Selection(kinds=frozenset({"state", "instrument"})))
    assert {kind for _, kind in part.nodes(data="kind")} == {"state", "instrument"}
    ratified = [(u, v) for u, v, k in part.edges(keys=True) if k == "ratified"]
    assert ratified and all((part.nodes[u]["kind"], part.nodes[v]["kind"]) == ("state", "instrument")
                            for u, v in ratified)


def test_neighbourhood_of_unodc_at_depth_1_is_unodc_and_its_direct_neighbours(store, network):
    part = project(store, Selection(entity="UNODC", depth=1))
    assert set(part) == {UNODC} | undirected_neighbours(network, UNODC)
    assert set(part.edges(keys=True)) == set(network.subgraph(part).edges(keys=True))


def test_neighbourhood_at_depth_2_reaches_the_neighbours_of_neighbours(store, network):
    one = set(project(store, Selection(entity="UNODC", depth=1)))
    two = set(project(store, Selection(entity="unodc", depth=2)))
    expected = set(nx.single_source_shortest_path_length(network.to_undirected(as_view=True), UNODC, cutoff=2))
    assert one < two == expected


def test_neighbourhood_of_an_unknown_entity_is_an_error(store):
    with pytest.raises(NetworkError, match="no node named"):
        project(store, Selection(entity="Ministry of Magic"))


def test_year_range_keeps_only_evidence_from_those_years(store, network):
    part = project(store, Selection(year_from=2021, year_to=2022))
    assert part.number_of_edges() > 0
    years = [e.year for _, _, ev in part.edges(data="evidence") for e in ev]
    assert years and all(2021 <= y <= 2022 for y in years)
    # an edge of the whole network with evidence only from before 2021 is gone
    older = [(u, v, k) for u, v, k, ev in network.edges(keys=True, data="evidence")
             if all(e.year and e.year < 2021 for e in ev)]
    assert older and not any(part.has_edge(*edge) for edge in older)


def test_document_filter_keeps_only_what_that_document_says(store):
    rows = sparql(store, """SELECT ?id WHERE { ?d a tip:Resolution ; tip:sourceFile ?f ; dcterms:identifier ?id }""")
    resolution = rows[0]["id"].value  # ECOSOC resolution 2021/25, the seed 004
    part = project(store, Selection(documents=(resolution,)))
    assert part.number_of_edges() > 0
    assert {e.document for _, _, ev in part.edges(data="evidence") for e in ev} == {resolution}
    by_file = project(store, Selection(documents=("004_cd24bcaccb66e80b.txt",)))
    assert set(by_file.edges(keys=True)) == set(part.edges(keys=True))
    with pytest.raises(NetworkError, match="no document"):
        project(store, Selection(documents=("A/99/999",)))


def test_relation_and_weight_filters(store):
    partners = project(store, Selection(relations=frozenset({"partnerOf"})))
    assert partners.number_of_edges() > 0 and {k for _, _, k in partners.edges(keys=True)} == {"partnerOf"}
    strong = project(store, Selection(min_weight=3))
    assert strong.number_of_edges() > 0 and all(w >= 3 for _, _, w in strong.edges(data="weight"))


def test_selection_reads_the_command_line_words():
    s = Selection.from_options(kinds="state, organization", years="2015-2020", relations="partnerOf")
    assert (s.kinds, s.year_from, s.year_to, s.relations) == ({"state", "organization"}, 2015, 2020, {"partnerOf"})
    for words, years in (("2018", (2018, 2018)), ("-2020", (None, 2020)), ("2015-", (2015, None))):
        s = Selection.from_options(years=words)
        assert (s.year_from, s.year_to) == years
    assert Selection.from_options(kinds="all").kinds == set(KIND)
    for bad in ({"years": "last year"}, {"kinds": "planet"}, {"relations": "loves"}, {"years": "2020-2015"}):
        with pytest.raises(NetworkError):
            Selection.from_options(**bad)


# --- analysis ---------------------------------------------------------------------------------------

def test_unodc_sits_at_the_centre_of_the_seeds_coordination(network):
    report = analyse(network)
    assert report.central(1) == [UNODC]
    assert report.degree[UNODC] == len(undirected_neighbours(network, UNODC))
    assert max(report.degree_centrality, key=report.degree_centrality.get) == UNODC


def test_communities_partition_the_network_and_bridges_join_two_of_them(network):
    report = analyse(network)
    members = [n for c in report.communities for n in c.members]
    assert sorted(members) == sorted(network) and len(report.communities) > 1
    assert report.bridges
    for bridge in report.bridges:
        a, b = bridge.communities
        assert a != b
        for u, v in bridge.links:
            assert {report.community[u], report.community[v]} == {a, b}
            assert network.has_edge(u, v) or network.has_edge(v, u)
    assert report.linked_communities[UNODC] >= 3  # UNODC links many communities


def test_analysis_is_the_same_on_every_run(network):
    first, second = analyse(network), analyse(network)
    assert first.community == second.community and first.betweenness == second.betweenness


def test_annotate_writes_the_analysis_into_the_nodes(store):
    graph = project(store, Selection(kinds=frozenset({"organization", "body"})))
    report = analyse(graph)
    annotate(graph, report)
    for n, data in graph.nodes(data=True):
        assert data["degree"] == report.degree[n] and data["community"] == report.community[n]
        assert isinstance(data["betweenness"], float)


def test_find_nodes_by_acronym_name_or_iri(network):
    assert find_nodes(network, "icat") == [ICAT]
    assert find_nodes(network, "United Nations Office on Drugs and Crime") == [UNODC]
    assert find_nodes(network, UNODC) == [UNODC]
    assert find_nodes(network, "nobody") == []


# --- the command ------------------------------------------------------------------------------------

def test_network_command_prints_the_centre_communities_and_bridges(seed_store, network):
    result = run_tipkg("network", "--store", seed_store, "--top", "5")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    for heading in ("Centre of the coordination", "Communities", "Bridges between communities"):
        assert heading in out
    first_row = out.split("Centre of the coordination")[1].splitlines()[2]
    assert first_row.split()[:2] == ["1", "UNODC"]
    assert f"{network.number_of_nodes()} nodes, {network.number_of_edges()} relations" in out
    assert report_tables(network, analyse(network), 5) == out


def test_network_command_json_and_filters(seed_store):
    result = run_tipkg("network", "--store", seed_store, "--format", "json", "--kinds", "organization,body",
                       "--years", "2019")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["centre"][0]["label"] == "UNODC"
    assert {n["kind"] for n in data["centre"]} <= {"organization", "body"}
    assert "years: 2019-2019" in data["selection"]
    bad = run_tipkg("network", "--store", seed_store, "--kinds", "planet")
    assert bad.returncode == 1 and "unknown kind planet" in bad.stderr
