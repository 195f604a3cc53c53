"""The dataset description of a store, in VoID and DCAT: what the graph holds (triples, entities, class and
property partitions, one subset per document graph with its source document and one for the entities graph),
where to get it (dumps, SPARQL endpoint), and under which licence (from dataset.ttl beside this module).

The same description is written into a build's dumps folder, served at /.well-known/void and as the
dataset's resource, and written by `tipkg publish`. Its figures are counted with SPARQL over the document
graphs and the entities graph (the ontology graph is the vocabulary, the series graph derived: not the data);
blank nodes get ids derived from what they stand for, so the same store gives the same file.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import pyoxigraph as ox
from rdflib.namespace import DCAT, DCTERMS, RDF, RDFS, VOID, XSD

from tipkg.iris import PREFIXES, TIP, Iris
from tipkg.store import DERIVED_GRAPHS, ENTITIES_GRAPH

SPARQL_PROTOCOL = "https://www.w3.org/TR/sparql11-protocol/"
IANA_MEDIA_TYPES = "https://www.iana.org/assignments/media-types/"
VOID_PREFIXES = {**{p: str(ns) for p, ns in PREFIXES.items()}, "void": str(VOID), "dcat": str(DCAT)}


@dataclass(frozen=True)
class Dump:
    """A download of the graph: its file name under dumps/, its media type and compression."""
    filename: str
    media_type: str
    compression: str | None = None  # media type of the compression, such as application/gzip
    byte_size: int | None = None


# what a build leaves in its dumps folder
BUILD_DUMPS = (Dump("tipkg.nq", "application/n-quads"), Dump("tipkg.ttl", "text/turtle"))


def _n(value: str | ox.NamedNode) -> ox.NamedNode:
    return value if isinstance(value, ox.NamedNode) else ox.NamedNode(str(value))


def _int(n: int) -> ox.Literal:
    return ox.Literal(str(n), datatype=ox.NamedNode(str(XSD.integer)))


def _count(store: ox.Store, query: str) -> int:
    return int(next(iter(store.query(query, use_default_graph_as_union=True)))[0].value)


def _bnode(kind: str, iri: str) -> ox.BlankNode:
    """A blank node id from what it stands for (a class or property partition), stable between runs."""
    return ox.BlankNode(kind + "-" + re.sub(r"[^A-Za-z0-9]+", "-", iri).strip("-"))


NOT_DERIVED = f"FILTER(?g NOT IN ({', '.join(f'<{g}>' for g in DERIVED_GRAPHS)}))"
DATA_GRAPHS = f"GRAPH ?g {{ ?s ?p ?o }} {NOT_DERIVED}"
DISTINCT_TRIPLES = f"SELECT DISTINCT ?s ?p ?o WHERE {{ {DATA_GRAPHS} }}"


def void_triples(store: ox.Store, base_iri: str | None = None, *, dumps: tuple[Dump, ...] = BUILD_DUMPS,
                 sparql_endpoint: str | None = None, landing_page: str | None = None) -> list[ox.Triple]:
    """The VoID and DCAT description of the store's data. `sparql_endpoint` defaults to none: only a
    publisher knows where one runs."""
    iris = Iris(base_iri)
    dataset = _n(iris.dataset())
    a = _n(RDF.type)
    out: list[ox.Triple] = [t.triple for t in ox.parse(resources.files(__package__).joinpath("dataset.ttl").read_bytes(),
                                                          format=ox.RdfFormat.TURTLE, base_iri=iris.base)]
    if landing_page:
        out.append(ox.Triple(dataset, _n(DCAT.landingPage), _n(landing_page)))

    def add(s, p, o) -> None:
        out.append(ox.Triple(s, _n(p), o))

    # each count walks the two million quads of a full corpus, so as few walks as give them all: the triples are
    # the sum of the property partitions (below), subjects and objects are counted in one walk
    properties = list(store.query(f"""SELECT ?p (COUNT(*) AS ?n) WHERE {{ {DISTINCT_TRIPLES} }}
        GROUP BY ?p ORDER BY ?p""", use_default_graph_as_union=True))
    add(dataset, VOID.uriSpace, ox.Literal(iris.base))
    add(dataset, VOID.triples, _int(sum(int(n.value) for _, n in properties)))
    under_base = f'FILTER(isIRI(?s) && STRSTARTS(STR(?s), "{iris.base}"))'
    add(dataset, VOID.entities, _int(_count(store, f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ GRAPH ?g {{ ?s a ?c }} "
                                                   f"{NOT_DERIVED} {under_base} }}")))
    subjects, objects = next(iter(store.query(f"SELECT (COUNT(DISTINCT ?s) AS ?s_n) (COUNT(DISTINCT ?o) AS ?o_n) "
                                              f"WHERE {{ {DATA_GRAPHS} }}", use_default_graph_as_union=True)))
    add(dataset, VOID.distinctSubjects, _int(int(subjects.value)))
    add(dataset, VOID.distinctObjects, _int(int(objects.value)))

    classes = list(store.query(f"""SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE {{ GRAPH ?g {{ ?s a ?c }}
        {NOT_DERIVED} }} GROUP BY ?c ORDER BY ?c""", use_default_graph_as_union=True))
    add(dataset, VOID.classes, _int(len(classes)))
    for c, n in classes:
        part = _bnode("class", c.value)
        add(dataset, VOID.classPartition, part)
        add(part, VOID["class"], c)
        add(part, VOID.entities, _int(int(n.value)))
    add(dataset, VOID.properties, _int(len(properties)))
    for p, n in properties:
        part = _bnode("property", p.value)
        add(dataset, VOID.propertyPartition, part)
        add(part, VOID.property, p)
        add(part, VOID.triples, _int(int(n.value)))
    used = {c.value for c, _ in classes} | {p.value for p, _ in properties}
    for namespace in sorted(set(VOID_PREFIXES.values())):
        if namespace != str(TIP) and any(term.startswith(namespace) for term in used):
            add(dataset, VOID.vocabulary, ox.NamedNode(namespace))

    # one subset per document graph, naming the document it was read from: the dataset's sources
    for g, doc, n in store.query(f"""SELECT ?g ?d (COUNT(*) AS ?n) WHERE {{
            GRAPH ?g {{ ?d <{TIP}sourceFile> ?f }} GRAPH ?g {{ ?s ?p ?o }} }} GROUP BY ?g ?d ORDER BY ?g"""):
        add(dataset, VOID.subset, g)
        add(g, a, _n(VOID.Dataset))
        add(g, VOID.triples, _int(int(n.value)))
        add(g, DCTERMS.source, doc)
        add(dataset, DCTERMS.source, doc)
    # the descriptions of the nodes the documents share (labels, types, lookup keys), once: a subset of its own
    described = sum(1 for _ in store.quads_for_pattern(None, None, None, _n(ENTITIES_GRAPH)))
    if described:
        add(dataset, VOID.subset, _n(ENTITIES_GRAPH))
        add(_n(ENTITIES_GRAPH), a, _n(VOID.Dataset))
        add(_n(ENTITIES_GRAPH), VOID.triples, _int(described))
        add(_n(ENTITIES_GRAPH), DCTERMS.title,
            ox.Literal("the entities: each shared node's description, once", language="en"))
    for example in _examples(store, iris):
        add(dataset, VOID.exampleResource, example)

    for dump in dumps:
        url = _n(iris.dump(dump.filename))
        add(dataset, VOID.dataDump, url)
        dist = _bnode("distribution", dump.filename)
        add(dataset, DCAT.distribution, dist)
        add(dist, a, _n(DCAT.Distribution))
        add(dist, DCAT.downloadURL, url)
        add(dist, DCAT.accessURL, url)
        add(dist, DCAT.mediaType, _n(IANA_MEDIA_TYPES + dump.media_type))
        add(dist, DCTERMS.title, ox.Literal(dump.filename))
        if dump.compression:
            add(dist, DCAT.compressFormat, _n(IANA_MEDIA_TYPES + dump.compression))
        if dump.byte_size is not None:
            add(dist, DCAT.byteSize, _int(dump.byte_size))
    if sparql_endpoint:
        endpoint = _n(sparql_endpoint)
        add(dataset, VOID.sparqlEndpoint, endpoint)
        service = _bnode("service", "sparql")
        add(dataset, DCAT.accessService, service)  # DCAT 3: a dataset served by a data service
        add(service, a, _n(DCAT.DataService))
        add(service, DCAT.endpointURL, endpoint)
        add(service, DCTERMS.conformsTo, _n(SPARQL_PROTOCOL))
        add(service, DCAT.servesDataset, dataset)
        add(service, RDFS.label, ox.Literal("SPARQL endpoint", language="en"))
    return out


def _examples(store: ox.Store, iris: Iris) -> list[ox.NamedNode]:
    """A few resources to start from: the first document, State and organization (the least IRI of the kind:
    MIN rather than ORDER BY ... LIMIT 1, which sorts every one)."""
    out = []
    for cls in ("Document", "State", "Organization"):
        for (x,) in store.query(f"""SELECT (MIN(STR(?x)) AS ?first) WHERE {{ ?c <{RDFS.subClassOf}>* <{TIP}{cls}> .
                ?x a ?c FILTER(isIRI(?x) && STRSTARTS(STR(?x), "{iris.base}"))
                FILTER EXISTS {{ ?x <{TIP}sourceFile>|<{RDFS.label}> ?l }} }}""", use_default_graph_as_union=True):
            if x is not None:
                out.append(ox.NamedNode(x.value))
    return out


def triple_count(triples: list[ox.Triple]) -> int:
    """The void:triples of the dataset in its description."""
    return next(int(t.object.value) for t in triples
                if t.predicate.value == str(VOID.triples) and t.subject.value.endswith("dataset"))


def void_store(triples: list[ox.Triple], graph: str) -> ox.Store:
    """An in-memory store of the description (in one named graph), for the describe and page machinery."""
    store = ox.Store()
    g = ox.NamedNode(graph)
    store.extend(ox.Quad(t.subject, t.predicate, t.object, g) for t in triples)
    return store


def serialize_void(triples: list[ox.Triple], fmt: ox.RdfFormat = ox.RdfFormat.TURTLE) -> bytes:
    return ox.serialize(sorted(triples, key=lambda t: (str(t.subject), str(t.predicate), str(t.object))),
                        format=fmt, prefixes=VOID_PREFIXES)


def write_void(store: ox.Store, path: Path, base_iri: str | None = None, **options) -> Path:
    """The description as Turtle in a file (a build's dumps/void.ttl, a published site's void.ttl)."""
    path = Path(path)
    path.write_bytes(serialize_void(void_triples(store, base_iri, **options)))
    return path
