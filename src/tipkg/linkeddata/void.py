"""The dataset description of a store, in VoID and DCAT: what the graph holds (triples, entities, class and
property partitions, one subset per document graph with its source document and one for the entities graph),
where to get it (dumps, SPARQL endpoint), and under which licence (from dataset.ttl beside this module).

The same description is written into a build's dumps folder, served at /.well-known/void and as the
dataset's resource, and written by `tipkg publish`. Its figures are counted with SPARQL over the document
graphs and the entities graph (the ontology graph is the vocabulary, the series graph derived: not the data);
blank nodes get ids derived from what they stand for, so the same store gives the same file.
"""
from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass
from importlib import resources
from pathlib import Path

import pyoxigraph as ox
from rdflib.namespace import DCAT, DCTERMS, RDF, RDFS, VOID, XSD

from tipkg.iris import PREFIXES, TIP, Iris
from tipkg.store import DERIVED_GRAPHS, ENTITIES_GRAPH, GraphChanges

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


@dataclass
class VoidStats:
    """The figures of the description: what a build keeps (reports/void-stats.json) so that the next build, when
    few graphs changed, updates them from those graphs alone (`update_void_stats`) instead of walking the store."""
    properties: dict[str, int]  # property -> distinct triples
    classes: dict[str, int]  # class -> distinct subjects
    entities: int  # distinct typed subjects under the base IRI
    subjects: int
    objects: int
    subsets: dict[str, list[str | int]]  # document graph -> [its source document's IRI, its triples]
    described: int  # triples of the entities graph

    def to_json(self) -> str:
        return json.dumps(asdict(self), sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> "VoidStats":
        return cls(**json.loads(text))


def void_stats(store: ox.Store, base_iri: str | None = None) -> VoidStats:
    """The figures counted on the whole store."""
    base = Iris(base_iri).base
    # each count walks the two million quads of a full corpus, so as few walks as give them all: the triples are
    # the sum of the property partitions, subjects and objects are counted in one walk
    properties = {p.value: int(n.value) for p, n in store.query(
        f"SELECT ?p (COUNT(*) AS ?n) WHERE {{ {DISTINCT_TRIPLES} }} GROUP BY ?p", use_default_graph_as_union=True)}
    under_base = f'FILTER(isIRI(?s) && STRSTARTS(STR(?s), "{base}"))'
    entities = _count(store, f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ GRAPH ?g {{ ?s a ?c }} {NOT_DERIVED} "
                             f"{under_base} }}")
    subjects, objects = next(iter(store.query(f"SELECT (COUNT(DISTINCT ?s) AS ?s_n) (COUNT(DISTINCT ?o) AS ?o_n) "
                                              f"WHERE {{ {DATA_GRAPHS} }}", use_default_graph_as_union=True)))
    classes = {c.value: int(n.value) for c, n in store.query(
        f"SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE {{ GRAPH ?g {{ ?s a ?c }} {NOT_DERIVED} }} GROUP BY ?c",
        use_default_graph_as_union=True)}
    return VoidStats(properties, classes, entities, int(subjects.value), int(objects.value),
                     _subsets(store), _described(store))


def _subsets(store: ox.Store, graphs: list[str] | None = None) -> dict[str, list[str | int]]:
    """Each document graph (those given, else all) with its source document and its triples."""
    only = f"VALUES ?g {{ {' '.join(f'<{g}>' for g in graphs)} }}" if graphs is not None else ""
    if graphs is not None and not graphs:
        return {}
    return {g.value: [doc.value, int(n.value)] for g, doc, n in store.query(f"""SELECT ?g ?d (COUNT(*) AS ?n) WHERE {{
        {only} GRAPH ?g {{ ?d <{TIP}sourceFile> ?f }} GRAPH ?g {{ ?s ?p ?o }} }} GROUP BY ?g ?d""")}


def _described(store: ox.Store) -> int:
    return sum(1 for _ in store.quads_for_pattern(None, None, None, _n(ENTITIES_GRAPH)))


def update_void_stats(store: ox.Store, previous: VoidStats, changes: GraphChanges,
                      base_iri: str | None = None) -> VoidStats:
    """The figures of `previous` brought up to date with `changes`, exact: a triple, subject, object or typed
    subject counts if some data graph holds it, so each one the changes touch is looked up in the store as it is
    now (after) and as it was (the graphs that did not change, plus what was removed), and counted in or out."""
    entities = _n(ENTITIES_GRAPH)
    loaded = {_n(g) for g in changes.loaded_graphs}
    derived = {_n(g) for g in DERIVED_GRAPHS}
    added = [q.triple for g in loaded for q in store.quads_for_pattern(None, None, None, g)] + \
        list(changes.entities_added)
    removed = set(changes.removed) | changes.entities_removed

    def old_quad(q: ox.Quad) -> bool:  # a quad of the store now that was there before too
        return q.graph_name not in loaded and q.graph_name not in derived and \
            not (q.graph_name == entities and q.triple in changes.entities_added)

    def data_quad(q: ox.Quad) -> bool:
        return q.graph_name not in derived

    def held(pattern: tuple, test) -> bool:
        # each quad compared with the pattern again: pyoxigraph 0.5 gives other numbers for a number literal
        # ("16127"^^xsd:integer also finds 16163)
        return any(test(q) and all(t is None or t == v for t, v in zip(pattern, (q.subject, q.predicate, q.object)))
                   for q in store.quads_for_pattern(*pattern, None))

    a = _n(RDF.type)
    every = set(added) | removed  # what the changes touch
    properties, classes = dict(previous.properties), dict(previous.classes)
    for t in every:
        before = t in removed or held((t.subject, t.predicate, t.object), old_quad)
        after = held((t.subject, t.predicate, t.object), data_quad)
        if before != after:
            step = 1 if after else -1
            properties[t.predicate.value] = properties.get(t.predicate.value, 0) + step
            if t.predicate == a:
                classes[t.object.value] = classes.get(t.object.value, 0) + step
    properties = {p: n for p, n in properties.items() if n}
    classes = {c: n for c, n in classes.items() if n}

    def delta(terms: set, was_removed: set, pattern) -> int:
        change = 0
        for term in terms:
            before = term in was_removed or held(pattern(term), old_quad)
            after = held(pattern(term), data_quad)
            change += after - before
        return change

    subjects = previous.subjects + delta({t.subject for t in every}, {t.subject for t in removed},
                                         lambda s: (s, None, None))
    objects = previous.objects + delta({t.object for t in every}, {t.object for t in removed},
                                       lambda o: (None, None, o))
    base = Iris(base_iri).base
    typed = {t.subject for t in every if t.predicate == a and isinstance(t.subject, ox.NamedNode)
             and t.subject.value.startswith(base)}
    typed_entities = previous.entities + delta(typed, {t.subject for t in removed if t.predicate == a},
                                               lambda s: (s, a, None))
    subsets = {g: v for g, v in previous.subsets.items() if g not in changes.removed_graphs | changes.loaded_graphs}
    subsets.update(_subsets(store, sorted(changes.loaded_graphs)))
    return VoidStats(properties, classes, typed_entities, subjects, objects, dict(sorted(subsets.items())),
                     _described(store))


def void_triples(store: ox.Store, base_iri: str | None = None, *, dumps: tuple[Dump, ...] = BUILD_DUMPS,
                 sparql_endpoint: str | None = None, landing_page: str | None = None,
                 stats: VoidStats | None = None) -> list[ox.Triple]:
    """The VoID and DCAT description of the store's data, from its figures (`stats`, else counted on the store).
    `sparql_endpoint` defaults to none: only a publisher knows where one runs."""
    iris = Iris(base_iri)
    stats = stats or void_stats(store, base_iri)
    dataset = _n(iris.dataset())
    a = _n(RDF.type)
    out: list[ox.Triple] = [t.triple for t in ox.parse(resources.files(__package__).joinpath("dataset.ttl").read_bytes(),
                                                          format=ox.RdfFormat.TURTLE, base_iri=iris.base)]
    if landing_page:
        out.append(ox.Triple(dataset, _n(DCAT.landingPage), _n(landing_page)))

    def add(s, p, o) -> None:
        out.append(ox.Triple(s, _n(p), o))

    properties = sorted(stats.properties.items())
    classes = sorted(stats.classes.items())
    add(dataset, VOID.uriSpace, ox.Literal(iris.base))
    add(dataset, VOID.triples, _int(sum(n for _, n in properties)))
    add(dataset, VOID.entities, _int(stats.entities))
    add(dataset, VOID.distinctSubjects, _int(stats.subjects))
    add(dataset, VOID.distinctObjects, _int(stats.objects))
    add(dataset, VOID.classes, _int(len(classes)))
    for c, n in classes:
        part = _bnode("class", c)
        add(dataset, VOID.classPartition, part)
        add(part, VOID["class"], _n(c))
        add(part, VOID.entities, _int(n))
    add(dataset, VOID.properties, _int(len(properties)))
    for p, n in properties:
        part = _bnode("property", p)
        add(dataset, VOID.propertyPartition, part)
        add(part, VOID.property, _n(p))
        add(part, VOID.triples, _int(n))
    used = {c for c, _ in classes} | {p for p, _ in properties}
    for namespace in sorted(set(VOID_PREFIXES.values())):
        if namespace != str(TIP) and any(term.startswith(namespace) for term in used):
            add(dataset, VOID.vocabulary, ox.NamedNode(namespace))

    # one subset per document graph, naming the document it was read from: the dataset's sources
    for g, (doc, n) in sorted(stats.subsets.items()):
        add(dataset, VOID.subset, _n(g))
        add(_n(g), a, _n(VOID.Dataset))
        add(_n(g), VOID.triples, _int(n))
        add(_n(g), DCTERMS.source, _n(doc))
        add(dataset, DCTERMS.source, _n(doc))
    # the descriptions of the nodes the documents share (labels, types, lookup keys), once: a subset of its own
    if stats.described:
        add(dataset, VOID.subset, _n(ENTITIES_GRAPH))
        add(_n(ENTITIES_GRAPH), a, _n(VOID.Dataset))
        add(_n(ENTITIES_GRAPH), VOID.triples, _int(stats.described))
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


STATS_FILE = "void-stats.json"  # in a data folder's reports/


def write_build_void(store: ox.Store, data: Path, base_iri: str | None = None, previous: Path | None = None,
                     changes: GraphChanges | None = None) -> str:
    """A build's dumps/void.ttl and the figures behind it (reports/void-stats.json): updated from the previous
    build's figures when it kept them and the changes are known (a rebuild that changed a few documents), else
    counted on the store. Returns which: "updated" or "counted"."""
    stats = None
    if previous is not None and changes is not None:
        try:
            stats = update_void_stats(store, VoidStats.from_json((previous / "reports" / STATS_FILE).read_text()),
                                      changes, base_iri)
        except (OSError, ValueError, TypeError, KeyError):
            stats = None  # no figures kept, or of an older format: counted again
    how = "updated" if stats else "counted"
    stats = stats or void_stats(store, base_iri)
    (data / "reports" / STATS_FILE).write_text(stats.to_json())
    write_void(store, data / "dumps" / "void.ttl", base_iri, stats=stats)
    return how


def stored_stats(data: Path) -> VoidStats | None:
    """The figures a build kept in its data folder, if any."""
    try:
        return VoidStats.from_json((data / "reports" / STATS_FILE).read_text())
    except (OSError, ValueError, TypeError):
        return None
