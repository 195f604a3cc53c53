"""What a built graph holds: documents, paragraphs, entities by class, assertions by kind, triples."""
from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

from tipkg.store import DERIVED_GRAPHS

PREFIX = ("PREFIX tip: <https://w3id.org/tipkg/ontology#>\n"
          "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n")
ENTITY_CLASSES = ("State", "Government", "Organization", "Body", "CoordinationMechanism", "StakeholderGroup",
                  "Instrument", "Resolution", "Initiative", "Event", "Publication", "Person", "Place", "SDGTarget")


@dataclass
class GraphStats:
    documents: int
    paragraphs: int
    triples: int
    entities: dict[str, int]
    assertions: dict[str, int]
    graphs: int


def _count(store: ox.Store, where: str) -> int:
    solutions = store.query(PREFIX + f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}", use_default_graph_as_union=True)
    return int(next(iter(solutions))["n"].value)


def data_triples(store: ox.Store) -> int:
    """The triples of the graph's data, as the build counts them and the dumps hold them: the documents' graphs and
    the entities graph, not the graphs a build derives (the ontology, the series)."""
    derived = sum(1 for g in DERIVED_GRAPHS for _ in store.quads_for_pattern(None, None, None, ox.NamedNode(g)))
    return len(store) - derived


def graph_stats(store: ox.Store) -> GraphStats:
    entities = {}
    for cls in ENTITY_CLASSES:
        n = _count(store, f"SELECT DISTINCT ?x WHERE {{ ?x a ?c . ?c rdfs:subClassOf* tip:{cls} }}")
        if n:
            entities[cls] = n
    assertions = {}
    for row in store.query(PREFIX + """SELECT ?c (COUNT(DISTINCT ?a) AS ?n) WHERE {
            ?a a tip:Assertion, ?c . FILTER(?c != tip:Assertion) } GROUP BY ?c ORDER BY DESC(?n)""",
                           use_default_graph_as_union=True):
        assertions[row["c"].value.rsplit("#", 1)[-1]] = int(row["n"].value)
    return GraphStats(
        documents=_count(store, "SELECT DISTINCT ?d WHERE { ?d a tip:Document ; tip:sourceFile ?f }"),
        paragraphs=_count(store, "SELECT DISTINCT ?p WHERE { ?p a tip:Paragraph }"),
        triples=data_triples(store),
        entities=entities,
        assertions=assertions,
        graphs=sum(1 for _ in store.named_graphs()),
    )
