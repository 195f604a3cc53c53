"""The network stage: the knowledge graph projected into a networkx graph of who works with whom.

`project(store, selection)` reads the qualified assertions of the store (a handful of SPARQL queries, each
matched inside one named graph) and returns a `networkx.MultiDiGraph`: one node per State, organization,
body, initiative, resolution, event or publication (the kinds are selectable), one edge per relation type
between two nodes, with its weight (how many paragraphs support it), its years and its evidence (each
sentence with its document and paragraph). `analyse(graph)` finds who sits at the centre of the coordination
(degree and betweenness centrality), the communities and the bridges between them, and `annotate` writes
them into the graph as node attributes, so that every export carries them.
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import networkx as nx
import pyoxigraph as ox

from tipkg.graph import paragraph_label
from tipkg.iris import TIP
from tipkg.store import ENTITIES_GRAPH, ONTOLOGY_GRAPH

PREFIXES = """PREFIX tip: <https://w3id.org/tipkg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""


@dataclass(frozen=True)
class Kind:
    """A kind of node: the ontology class whose instances (and those of its subclasses) it gathers."""

    name: str
    roots: tuple[str, ...]  # local names of tip: classes
    label: str
    colour: str  # #rrggbb, the same in every export


# In order of precedence: an entity typed with two roots takes the first (a State is also a tip:Place; a
# resolution is also a tip:Document; a coordination mechanism is a body). Posts such as the Secretary-General
# are counted with the bodies: resolutions address them as they address bodies.
KINDS: tuple[Kind, ...] = (
    Kind("state", ("State",), "State", "#1f77b4"),
    Kind("organization", ("Organization",), "organization", "#ff7f0e"),
    Kind("body", ("Body", "Post"), "body", "#2ca02c"),
    Kind("initiative", ("Initiative",), "initiative", "#9467bd"),
    Kind("resolution", ("Resolution",), "resolution", "#d62728"),
    Kind("event", ("Event",), "event", "#8c564b"),
    Kind("publication", ("Publication",), "publication", "#e377c2"),
    Kind("instrument", ("Instrument",), "instrument", "#7f7f7f"),
    Kind("document", ("Document",), "document", "#bcbd22"),
    Kind("group", ("StakeholderGroup",), "stakeholder group", "#17becf"),
    Kind("person", ("Person",), "person", "#aec7e8"),
    Kind("place", ("Place",), "place", "#98df8a"),
    Kind("sdg", ("SDGTarget", "SDGGoal"), "SDG target", "#ffbb78"),
)
KIND = {k.name: k for k in KINDS}
DEFAULT_KINDS = frozenset(("state", "organization", "body", "initiative", "resolution", "event", "publication"))
PRECEDENCE = {k.name: i for i, k in enumerate(KINDS)}


@dataclass(frozen=True)
class Relation:
    """An edge type read from one class of assertion: from the entity in one role to the entity in another."""

    name: str
    label: str
    assertion: str  # local name of the tip: assertion class
    source: str  # role (tip: property) of the source node
    target: str  # role of the target node
    directed: bool = True


# Roles follow the ontology (tip:holder, tip:context, ...); `includes` is the agents a request's addressee
# covers (tip:addressee/tip:includes). Verbs (tip:verb, tip:linkVerb) qualify the edge rather than make one.
RELATIONS: tuple[Relation, ...] = (
    Relation("chairs", "chairs", "Chairing", "holder", "context"),
    Relation("holdsRoleIn", "holds a role in", "RoleHolding", "holder", "context"),
    Relation("memberOf", "member of", "Membership", "member", "organization"),
    Relation("ratified", "ratified", "Ratification", "state", "instrument"),
    Relation("adopted", "adopted", "Request", "proponent", "resolution"),
    Relation("asks", "asks", "Request", "resolution", "includes"),
    Relation("recalls", "recalls", "ResolutionLink", "source", "target"),
    Relation("partnerOf", "partner of", "Partnership", "partner", "partner", directed=False),
    Relation("partnerIn", "partner in", "Partnership", "partner", "initiative"),
    Relation("ledBy", "led by", "Implementation", "initiative", "lead"),
    Relation("operatesIn", "operates in", "Implementation", "initiative", "country"),
    Relation("organizedBy", "organized by", "Occurrence", "event", "organizer"),
    Relation("heldIn", "held in", "Occurrence", "event", "place"),
    Relation("publishedBy", "published by", "Issuance", "publication", "publisher"),
    Relation("conductedBy", "conducted by", "Outcome", "initiative", "conductedBy"),
    Relation("operatesIn", "operates in", "Outcome", "initiative", "country"),
    Relation("worksOn", "works on", "SDGContribution", "contributor", "sdgTarget"),
)
RELATION_LABELS = {r.name: r.label for r in RELATIONS}
DIRECTED = {r.name: r.directed for r in RELATIONS}
ASSERTION_CLASSES = sorted({r.assertion for r in RELATIONS})
ROLES = sorted({role for r in RELATIONS for role in (r.source, r.target) if role != "includes"})
QUALIFIERS = ("verb", "linkVerb")
YEAR_PROPERTIES = ("year", "since", "date", "startDate", "asAt")


class NetworkError(ValueError):
    """A selection that names an unknown kind, relation, document or entity."""


@dataclass(frozen=True)
class Selection:
    """Which part of the graph to project. Empty means all: every document, every year."""

    kinds: frozenset[str] = DEFAULT_KINDS
    documents: tuple[str, ...] = ()  # symbols, identifiers or file names
    year_from: int | None = None
    year_to: int | None = None
    entity: str | None = None  # a node's label, acronym or IRI: keep its neighbourhood only
    depth: int = 1  # how many steps from the entity
    relations: frozenset[str] | None = None  # relation names; None for all
    min_weight: int = 1  # drop edges supported by fewer paragraphs

    def __post_init__(self):
        unknown = sorted(set(self.kinds) - set(KIND))
        if unknown:
            raise NetworkError(f"unknown kind {', '.join(unknown)} (kinds: {', '.join(KIND)})")
        if self.relations is not None:
            unknown = sorted(set(self.relations) - set(RELATION_LABELS))
            if unknown:
                raise NetworkError(f"unknown relation {', '.join(unknown)} (relations: {', '.join(RELATION_LABELS)})")
        if self.depth < 0:
            raise NetworkError("the depth of a neighbourhood is 0 or more")
        if self.year_from is not None and self.year_to is not None and self.year_from > self.year_to:
            raise NetworkError(f"the year range {self.year_from}-{self.year_to} is empty")

    @classmethod
    def from_options(cls, kinds: str | None = None, documents: list[str] | None = None, years: str | None = None,
                     entity: str | None = None, depth: int = 1, relations: str | None = None,
                     min_weight: int = 1) -> "Selection":
        """A selection from the command line's words: kinds "state,organization" or "all", years "2015-2020",
        "2018", "2015-" or "-2020", relations "partnerOf,memberOf"."""
        chosen = DEFAULT_KINDS
        if kinds:
            words = {w.strip().lower() for w in kinds.split(",") if w.strip()}
            chosen = frozenset(KIND) if "all" in words else frozenset(words)
        year_from = year_to = None
        if years:
            m = re.fullmatch(r"\s*(\d{4})?\s*(-)?\s*(\d{4})?\s*", years)
            if not m or not (m[1] or m[3]):
                raise NetworkError(f"years are YYYY, YYYY-YYYY, YYYY- or -YYYY, not {years!r}")
            year_from = int(m[1]) if m[1] else None
            year_to = int(m[3]) if m[3] else (year_from if not m[2] else None)
        chosen_relations = frozenset(w.strip() for w in relations.split(",") if w.strip()) if relations else None
        return cls(kinds=chosen, documents=tuple(documents or ()), year_from=year_from, year_to=year_to,
                   entity=entity, depth=depth, relations=chosen_relations, min_weight=min_weight)

    def describe(self) -> str:
        parts = [f"kinds: {', '.join(k.name for k in KINDS if k.name in self.kinds)}"]
        if self.documents:
            parts.append(f"documents: {', '.join(self.documents)}")
        if self.year_from is not None or self.year_to is not None:
            parts.append(f"years: {self.year_from or '...'}-{self.year_to or '...'}")
        if self.relations is not None:
            parts.append(f"relations: {', '.join(sorted(self.relations))}")
        if self.entity:
            parts.append(f"neighbourhood of {self.entity} at depth {self.depth}")
        if self.min_weight > 1:
            parts.append(f"edges supported by at least {self.min_weight} paragraphs")
        return "; ".join(parts)


@dataclass(frozen=True)
class Evidence:
    """One paragraph that supports an edge: the sentence and where it is."""

    document: str  # symbol or identifier
    paragraph: str  # "para. 12", "OP3", "footnote 4"
    text: str
    rule: str
    year: int | None
    assertion: str  # IRI of the qualified assertion node

    @property
    def reference(self) -> str:
        return f"{self.document}, {self.paragraph}"


@dataclass
class _Document:
    graph: str
    iri: str
    identifier: str
    file: str
    year: int | None

    def names(self) -> set[str]:
        stem = self.file.rsplit(".", 1)[0]
        local = self.graph.rsplit("/", 1)[-1]
        return {_normal(n) for n in (self.identifier, self.file, stem, local, self.iri.rsplit("/", 1)[-1])}


@dataclass
class _Assertion:
    graph: str
    cls: str
    paragraph: str
    text: str
    rule: str
    year: int | None = None
    roles: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))


def _normal(name: str) -> str:
    """Symbols compare without case and with / and - alike: "A/RES/72/195" matches "a-res-72-195"."""
    return re.sub(r"[^a-z0-9.]+", "-", name.lower()).strip("-")


def _local(iri: str) -> str:
    return re.split(r"[#/]", iri)[-1]


class _LocalNames(dict):
    """Local names of the few IRIs of the vocabulary that come back in every row, each split once."""

    def __call__(self, iri: str) -> str:
        name = self.get(iri)
        if name is None:
            name = self[iri] = _local(iri)
        return name


def _year(value: str | None) -> int | None:
    m = re.match(r"(\d{4})", value or "")
    return int(m[1]) if m else None


def _values(var: str, iris) -> str:
    return f"VALUES ?{var} {{ {' '.join(f'<{i}>' for i in iris)} }}"


class _Reader:
    """The few queries the projection needs, each matching inside one named graph (a document's, or the entities
    graph)."""

    def __init__(self, store: ox.Store):
        self.store = store

    def rows(self, sparql: str):
        return self.store.query(PREFIXES + sparql)

    def kinds_of_classes(self) -> tuple[dict[str, str], dict[str, str], dict[str, int]]:
        """Class IRI -> kind, class IRI -> label and class IRI -> depth under its kind's root, from the ontology."""
        roots = {str(TIP[r]): k.name for k in KINDS for r in k.roots}
        kind_of: dict[str, str] = {}
        depth: Counter = Counter()
        labels: dict[str, str] = {}
        query = f"""SELECT ?cls ?root ?label WHERE {{ GRAPH <{ONTOLOGY_GRAPH}> {{
            {_values('root', roots)}
            ?cls rdfs:subClassOf* ?root . OPTIONAL {{ ?cls rdfs:label ?label }} }} }}"""
        for row in self.rows(query):
            cls, kind = row["cls"].value, roots[row["root"].value]
            if cls not in kind_of or PRECEDENCE[kind] < PRECEDENCE[kind_of[cls]]:
                kind_of[cls] = kind
            if row["label"] is not None:
                labels[cls] = row["label"].value
        for row in self.rows(f"""SELECT ?cls (COUNT(DISTINCT ?up) AS ?n) WHERE {{ GRAPH <{ONTOLOGY_GRAPH}> {{
                {_values('cls', kind_of)} ?cls rdfs:subClassOf* ?up . }} }} GROUP BY ?cls"""):
            depth[row["cls"].value] = int(row["n"].value)
        return kind_of, labels, depth

    def verb_labels(self) -> dict[str, str]:
        return {row["v"].value: row["label"].value for row in self.rows(
            "SELECT DISTINCT ?v ?label WHERE { GRAPH ?g { ?v a tip:Verb ; rdfs:label ?label } }")}

    def documents(self) -> dict[str, _Document]:
        docs: dict[str, _Document] = {}
        for row in self.rows("""SELECT ?g ?doc ?id ?file ?date ?adopted WHERE { GRAPH ?g {
                ?doc tip:sourceFile ?file ; dcterms:identifier ?id .
                OPTIONAL { ?doc tip:distributionDate ?date } OPTIONAL { ?doc tip:adoptionDate ?adopted } } }"""):
            graph = row["g"].value
            year = _year(row["adopted"].value if row["adopted"] else None) or _year(
                row["date"].value if row["date"] else None)
            docs[graph] = _Document(graph, row["doc"].value, row["id"].value, row["file"].value, year)
        return docs

    def assertions(self, graphs: list[str] | None) -> dict[str, _Assertion]:
        """The assertions of the relation classes with their evidence, roles and years. Each query matches one
        pattern inside GRAPH ?g and the joins are made here: on a full corpus that is several times faster
        than joining in SPARQL."""
        restrict = _values("g", graphs) if graphs is not None else ""
        classes = _values("cls", (str(TIP[c]) for c in ASSERTION_CLASSES))
        found: dict[str, _Assertion] = {}
        local = _LocalNames()
        for g, a, cls in self.rows(f"SELECT ?g ?a ?cls WHERE {{ {restrict} GRAPH ?g {{ {classes} ?a a ?cls }} }}"):
            found[a.value] = _Assertion(g.value, local(cls.value), "", "", "")
        for a, key, text, rule in self.rows(f"""SELECT ?a ?key ?text ?rule WHERE {{ {restrict} GRAPH ?g {{
                ?a tip:evidence ?para ; tip:evidenceText ?text ; tip:rule ?rule . ?para tip:paragraphKey ?key }} }}"""):
            assertion = found.get(a.value)
            if assertion is not None:
                assertion.paragraph, assertion.text, assertion.rule = key.value, text.value, local(rule.value)
        properties = _values("p", (str(TIP[p]) for p in ROLES + list(QUALIFIERS) + list(YEAR_PROPERTIES)))
        for a, p, x in self.rows(f"SELECT ?a ?p ?x WHERE {{ {restrict} GRAPH ?g {{ {properties} ?a ?p ?x }} }}"):
            assertion = found.get(a.value)
            if assertion is None:
                continue
            prop, value = local(p.value), x.value
            if prop in YEAR_PROPERTIES:
                year = _year(value)
                if year and (assertion.year is None or year < assertion.year):
                    assertion.year = year
            else:
                assertion.roles[prop].append(value)
        for a, x in self.rows(f"""SELECT ?a ?x WHERE {{ {restrict} GRAPH ?g {{
                ?a tip:addressee/tip:includes ?x }} }}"""):
            assertion = found.get(a.value)
            if assertion is not None:
                assertion.roles["includes"].append(x.value)
        return {iri: a for iri, a in found.items() if a.paragraph}

    def entities(self, classes: list[str]) -> tuple[dict[str, set[str]], dict[str, Counter], dict[str, str]]:
        """Types, labels and acronyms of the entities of the given classes, from the entities graph (each node's
        description once, whichever documents name it; the nodes of a selection's edges are among them)."""
        types: dict[str, set[str]] = defaultdict(set)
        labels: dict[str, Counter] = defaultdict(Counter)
        acronyms: dict[str, str] = {}
        for x, cls, label, acronym in self.rows(f"""SELECT ?x ?type ?label ?acronym WHERE {{ GRAPH <{ENTITIES_GRAPH}> {{
                {_values('type', classes)} ?x a ?type ; rdfs:label ?label .
                OPTIONAL {{ ?x tip:acronym ?acronym }} }} }}"""):
            types[x.value].add(cls.value)
            labels[x.value][label.value] += 1
            if acronym is not None:
                acronyms.setdefault(x.value, acronym.value)
        return types, labels, acronyms

    def governments(self) -> dict[str, str]:
        return {gov.value: state.value for gov, state in self.rows(
            f"SELECT ?gov ?state WHERE {{ GRAPH <{ENTITIES_GRAPH}> {{ ?gov tip:governmentOf ?state }} }}")}


def project(store: ox.Store, selection: Selection = Selection()) -> nx.MultiDiGraph:
    """The network of the selection: a MultiDiGraph whose edges are keyed by relation name.

    Nodes carry label (the acronym where there is one), name, kind, class, iri, first_year, last_year,
    documents; edges carry relation, label, weight (supporting paragraphs), documents, first_year,
    last_year, verbs, directed and `evidence`, a list of `Evidence`."""
    reader = _Reader(store)
    kind_of, class_labels, class_depth = reader.kinds_of_classes()
    docs = reader.documents()
    graphs = _graphs_of(selection.documents, docs) if selection.documents else None
    assertions = reader.assertions(graphs)
    types, labels, acronyms = reader.entities(sorted(kind_of))
    states = reader.governments()  # the Government of Mexico acts as Mexico in the network
    edges, edge_verbs = _edges(assertions, docs, states, reader.verb_labels(), selection)

    def node_kind(iri: str) -> str | None:
        kinds = [kind_of[t] for t in types.get(iri, ())]
        return min(kinds, key=PRECEDENCE.__getitem__) if kinds else None

    g = nx.MultiDiGraph(selection=selection.describe(), generator="tipkg")
    # the dates of the documents read: the time axis of the pictures runs over them and no further
    document_years = [d.year for graph_iri, d in docs.items() if d.year and (graphs is None or graph_iri in graphs)]
    if document_years:
        g.graph.update(first_document_year=min(document_years), last_document_year=max(document_years))
    for (s, t, name), evidence in edges.items():
        ks, kt = node_kind(s), node_kind(t)
        if ks not in selection.kinds or kt not in selection.kinds:
            continue
        unique = sorted(set(evidence), key=lambda e: (e.year or 0, e.document, e.paragraph, e.assertion))
        paragraphs = {(e.document, e.paragraph) for e in unique}
        if len(paragraphs) < selection.min_weight:
            continue
        for node, kind in ((s, ks), (t, kt)):
            if node not in g:
                g.add_node(node, **_node_attributes(node, kind, types[node], labels[node], acronyms.get(node),
                                                    class_labels, class_depth))
        years = [e.year for e in unique if e.year]
        attrs = dict(relation=name, label=RELATION_LABELS[name], weight=len(paragraphs),
                     documents=len({e.document for e in unique}), directed=DIRECTED[name],
                     verbs=", ".join(sorted(edge_verbs[(s, t, name)])), evidence=unique)
        if years:
            attrs.update(first_year=min(years), last_year=max(years))
        g.add_edge(s, t, key=name, **attrs)
    for node in g:
        evidence = [e for _, _, ev in g.edges(node, data="evidence") for e in ev] + [
            e for _, _, ev in g.in_edges(node, data="evidence") for e in ev]
        years = [e.year for e in evidence if e.year]
        if years:
            g.nodes[node].update(first_year=min(years), last_year=max(years))
        g.nodes[node]["documents"] = len({e.document for e in evidence})
    if selection.entity:
        g = neighbourhood(g, selection.entity, selection.depth)
    return g


def _edges(assertions: dict[str, _Assertion], docs: dict[str, _Document], states: dict[str, str],
           verbs: dict[str, str], selection: Selection):
    """(source, target, relation) -> the evidence of every assertion that gives that edge, in the years and for the
    relations of the selection; and the verbs that qualify each edge."""
    edges: dict[tuple[str, str, str], list[Evidence]] = defaultdict(list)
    edge_verbs: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    by_class: dict[str, list[Relation]] = defaultdict(list)
    for relation in RELATIONS:
        if selection.relations is None or relation.name in selection.relations:
            by_class[relation.assertion].append(relation)
    for iri, a in assertions.items():
        relations = by_class.get(a.cls)
        if not relations:
            continue
        doc = docs.get(a.graph)
        year = a.year or (doc.year if doc else None)  # the assertion's own year, else its document's
        if selection.year_from is not None and (year is None or year < selection.year_from):
            continue
        if selection.year_to is not None and (year is None or year > selection.year_to):
            continue
        evidence = Evidence(doc.identifier if doc else _local(a.graph), paragraph_label(a.paragraph), a.text,
                            a.rule, year, iri)
        qualifiers = {verbs.get(v, _local(v)) for q in QUALIFIERS for v in a.roles.get(q, ())}
        for relation in relations:
            for source in a.roles.get(relation.source, ()):
                for target in a.roles.get(relation.target, ()):
                    s, t = states.get(source, source), states.get(target, target)
                    if s == t:
                        continue
                    if not relation.directed and t < s:
                        s, t = t, s
                    key = (s, t, relation.name)
                    edges[key].append(evidence)
                    edge_verbs[key] |= qualifiers
    return edges, edge_verbs


def _node_attributes(iri: str, kind: str, types: set[str], labels: Counter, acronym: str | None,
                     class_labels: dict[str, str], class_depth: dict[str, int]) -> dict:
    name = min(labels, key=lambda label: (-labels[label], len(label), label)) if labels else _local(iri)
    specific = max(types, key=lambda t: (class_depth.get(t, 0), t)) if types else None
    return dict(label=acronym or name, name=name, kind=kind, iri=iri,
                **{"class": class_labels.get(specific, _local(specific)) if specific else kind},
                **({"acronym": acronym} if acronym else {}))


def _graphs_of(selectors: tuple[str, ...], docs: dict[str, _Document]) -> list[str]:
    graphs = []
    for selector in selectors:
        wanted = _normal(selector)
        found = [d.graph for d in docs.values() if wanted in d.names()]
        if not found:
            raise NetworkError(f"no document {selector!r} in the store")
        graphs.extend(found)
    return sorted(set(graphs))


def find_nodes(graph: nx.MultiDiGraph, name: str) -> list[str]:
    """The nodes a user means by a name: its IRI, label, acronym or full name, without regard to case."""
    if name in graph:
        return [name]
    wanted = name.strip().lower()
    return sorted(n for n, d in graph.nodes(data=True)
                  if wanted in {str(d.get(k, "")).lower() for k in ("label", "name", "acronym")})


def neighbourhood(graph: nx.MultiDiGraph, name: str, depth: int = 1) -> nx.MultiDiGraph:
    """The entity and the nodes at most `depth` steps from it (in either direction), with the edges among them."""
    centres = find_nodes(graph, name)
    if not centres:
        raise NetworkError(f"no node named {name!r} in the selected network")
    undirected = graph.to_undirected(as_view=True)
    keep: set[str] = set()
    for centre in centres:
        keep |= set(nx.single_source_shortest_path_length(undirected, centre, cutoff=depth))
    sub = graph.subgraph(keep).copy()
    sub.graph["centre"] = ", ".join(centres)
    return sub


# --- analysis -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Community:
    number: int  # from 1, largest first
    members: tuple[str, ...]  # node ids, most connected first


@dataclass(frozen=True)
class Bridge:
    """Two communities and the links between them."""

    communities: tuple[int, int]
    weight: int  # supporting paragraphs over all links between them
    links: tuple[tuple[str, str], ...]  # node pairs, strongest first
    brokers: tuple[str, ...]  # nodes on those links, most central first


@dataclass
class NetworkReport:
    nodes: int
    edges: int
    components: int
    degree: dict[str, int]  # distinct neighbours
    strength: dict[str, int]  # supporting paragraphs over all the node's edges
    degree_centrality: dict[str, float]
    betweenness: dict[str, float]
    community: dict[str, int]
    communities: list[Community]
    bridges: list[Bridge]
    linked_communities: dict[str, int]  # other communities a node's neighbours belong to
    betweenness_sample: int | None = None  # pivots when betweenness was estimated on a large network

    def central(self, n: int = 10, by: str = "betweenness") -> list[str]:
        score = self.betweenness if by == "betweenness" else self.degree_centrality
        return sorted(score, key=lambda v: (-score[v], -self.strength[v], v))[:n]


# nodes x edges; above it betweenness is estimated from a sample of pivots (Brandes and Pich), which ranks the
# most central nodes as the exact figure does, in a fraction of the time
BETWEENNESS_BUDGET = 2_000_000


def simple_graph(graph: nx.MultiDiGraph) -> nx.Graph:
    """The undirected network behind the analysis: one edge per pair, weighted by supporting paragraphs."""
    h = nx.Graph()
    h.add_nodes_from(graph)
    for u, v, w in graph.edges(data="weight", default=1):
        if h.has_edge(u, v):
            h[u][v]["weight"] += w
        else:
            h.add_edge(u, v, weight=w)
    return h


def analyse(graph: nx.MultiDiGraph, seed: int = 7) -> NetworkReport:
    """Centrality, communities (Louvain, weighted, seeded so runs agree) and the bridges between them."""
    h = simple_graph(graph)
    degree = dict(h.degree())
    strength = dict(h.degree(weight="weight"))
    sample = None
    if h.number_of_nodes() * h.number_of_edges() > BETWEENNESS_BUDGET:
        sample = max(200, BETWEENNESS_BUDGET // max(h.number_of_edges(), 1))
        betweenness = nx.betweenness_centrality(h, k=sample, seed=seed)
    else:
        betweenness = nx.betweenness_centrality(h)
    found = nx.community.louvain_communities(h, weight="weight", seed=seed) if h.number_of_edges() else [
        {n} for n in h]
    ordered = sorted(found, key=lambda c: (-len(c), min(c)))
    communities = [Community(i, tuple(sorted(c, key=lambda n: (-strength[n], n)))) for i, c in enumerate(ordered, 1)]
    community = {n: c.number for c in communities for n in c.members}
    between: dict[tuple[int, int], list[tuple[int, str, str]]] = defaultdict(list)
    linked: dict[str, set[int]] = defaultdict(set)
    for u, v, w in h.edges(data="weight"):
        cu, cv = community[u], community[v]
        if cu != cv:
            between[(min(cu, cv), max(cu, cv))].append((w, u, v))
            linked[u].add(cv)
            linked[v].add(cu)
    bridges = []
    for pair, links in between.items():
        links.sort(key=lambda x: (-x[0], x[1], x[2]))
        brokers = sorted({n for _, u, v in links for n in (u, v)}, key=lambda n: (-betweenness[n], -strength[n], n))
        bridges.append(Bridge(pair, sum(w for w, _, _ in links), tuple((u, v) for _, u, v in links), tuple(brokers)))
    bridges.sort(key=lambda b: (-b.weight, b.communities))
    return NetworkReport(
        nodes=h.number_of_nodes(), edges=graph.number_of_edges(), components=nx.number_connected_components(h)
        if len(h) else 0, degree=degree, strength=strength, degree_centrality=nx.degree_centrality(h) if len(h) > 1
        else {n: 0.0 for n in h}, betweenness=betweenness, community=community, communities=communities,
        bridges=bridges, linked_communities={n: len(linked.get(n, ())) for n in h}, betweenness_sample=sample)


def annotate(graph: nx.MultiDiGraph, report: NetworkReport) -> nx.MultiDiGraph:
    """Writes the analysis into the graph as node attributes (the exports carry them)."""
    for n, data in graph.nodes(data=True):
        data.update(degree=report.degree[n], weighted_degree=report.strength[n],
                    degree_centrality=round(report.degree_centrality[n], 6),
                    betweenness=round(report.betweenness[n], 6), community=report.community[n],
                    linked_communities=report.linked_communities[n])
    return graph


def layout(graph: nx.MultiDiGraph, seed: int = 7) -> dict[str, tuple[float, float]]:
    """Positions for the pictures, in [-1, 1]²: a force-directed layout (Fruchterman-Reingold) of each
    connected part on its own, the parts packed side by side, largest first, so that small islands do not fly
    off. Nodes with a single neighbour (most cited resolutions, most events) are not simulated: they are set
    in a ring around that neighbour, which keeps the layout fast on a full corpus."""
    h = simple_graph(graph)
    parts = sorted(nx.connected_components(h), key=lambda c: (-len(c), min(c)))
    boxes: list[tuple[dict, float]] = []
    for part in parts:
        pos = _part_layout(h.subgraph(part), seed)
        xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
        cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
        span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
        size = math.sqrt(len(part))  # each part gets room in proportion to how many nodes it has
        boxes.append(({n: ((x - cx) / span * size, (y - cy) / span * size) for n, (x, y) in pos.items()}, size))
    # shelf packing: rows of parts, as wide as the largest part or the square root of the total area
    width = max([s for _, s in boxes] + [math.sqrt(sum(s * s for _, s in boxes)) * 1.2]) if boxes else 1
    placed: dict[str, tuple[float, float]] = {}
    x = y = row = 0.0
    for pos, size in boxes:
        cell = size + 0.6
        if x > 0 and x + cell > width:
            x, y, row = 0.0, y + row, 0.0
        for n, (px, py) in pos.items():
            placed[n] = (x + cell / 2 + px, y + cell / 2 + py)
        x += cell
        row = max(row, cell)
    if not placed:
        return {}
    xs, ys = [p[0] for p in placed.values()], [p[1] for p in placed.values()]
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    span = max(max(xs) - min(xs), max(ys) - min(ys)) / 2 or 1.0
    return {n: ((px - cx) / span, (py - cy) / span) for n, (px, py) in placed.items()}


def _part_layout(part: nx.Graph, seed: int) -> dict[str, tuple[float, float]]:
    if len(part) <= 2:
        return {n: (float(i), 0.0) for i, n in enumerate(sorted(part))}
    leaves: dict[str, list[str]] = defaultdict(list)
    for n in sorted(part):
        if part.degree(n) == 1:
            anchor = next(iter(part[n]))
            if part.degree(anchor) > 1:
                leaves[anchor].append(n)
    inner = part.subgraph(n for n in part if not (part.degree(n) == 1 and part.degree(next(iter(part[n]))) > 1))
    pos = _fruchterman_reingold(inner, seed)
    k = 1 / math.sqrt(max(len(inner), 1))
    golden = math.pi * (3 - math.sqrt(5))
    for anchor, ring in leaves.items():
        ax, ay = pos[anchor]
        for i, leaf in enumerate(ring):  # a sunflower around the anchor: evenly filled however many leaves
            radius, angle = k * (0.45 + 0.22 * math.sqrt(i)), i * golden
            pos[leaf] = (ax + radius * math.cos(angle), ay + radius * math.sin(angle))
    return pos


GRAVITY = 3.0


def _fruchterman_reingold(h: nx.Graph, seed: int, iterations: int = 60) -> dict[str, tuple[float, float]]:
    """Fruchterman and Reingold's spring embedder, vectorised with numpy (networkx's own needs scipy above
    500 nodes); repulsion is computed in blocks of rows so memory stays small on large parts."""
    import numpy as np

    nodes = sorted(h)
    n = len(nodes)
    if n <= 2:
        return {v: (float(i), 0.0) for i, v in enumerate(nodes)}
    index = {v: i for i, v in enumerate(nodes)}
    rng = np.random.default_rng(seed)
    x, y = rng.random(n, dtype=np.float32), rng.random(n, dtype=np.float32)
    ends = np.array([(index[u], index[v]) for u, v in h.edges()], dtype=np.int64).reshape(-1, 2)
    strength = np.array([1 + math.log(w) for _, _, w in h.edges(data="weight", default=1)], dtype=np.float32)
    k2 = 1.0 / n
    k = math.sqrt(k2)
    step = 0.1
    cool = step / (iterations + 1)
    block = max(1, 4_000_000 // n)
    gravity = GRAVITY
    for _ in range(iterations):
        sx, sy = np.zeros(n, dtype=np.float32), np.zeros(n, dtype=np.float32)
        for start in range(0, n, block):
            dx = x[start:start + block, None] - x[None, :]
            dy = y[start:start + block, None] - y[None, :]
            push = k2 / np.maximum(dx * dx + dy * dy, 1e-9)
            sx[start:start + block] += (dx * push).sum(axis=1)
            sy[start:start + block] += (dy * push).sum(axis=1)
        dx, dy = x[ends[:, 0]] - x[ends[:, 1]], y[ends[:, 0]] - y[ends[:, 1]]
        pull = np.sqrt(dx * dx + dy * dy) / k * strength
        np.add.at(sx, ends[:, 0], -dx * pull)
        np.add.at(sy, ends[:, 0], -dy * pull)
        np.add.at(sx, ends[:, 1], dx * pull)
        np.add.at(sy, ends[:, 1], dy * pull)
        sx -= gravity * (x - x.mean())  # a little gravity keeps loosely tied nodes from drifting far out
        sy -= gravity * (y - y.mean())
        length = np.maximum(np.sqrt(sx * sx + sy * sy), 1e-9)
        scale = np.minimum(length, step) / length
        x += sx * scale
        y += sy * scale
        step -= cool
    pos = np.column_stack([x, y])
    return {v: (float(pos[i, 0]), float(pos[i, 1])) for i, v in enumerate(nodes)}


def report_tables(graph: nx.MultiDiGraph, report: NetworkReport, top: int = 10) -> str:
    """The analysis as plain-text tables: the centre of the coordination, the communities and the bridges."""
    def name(n: str, width: int = 34) -> str:
        label = str(graph.nodes[n].get("label", n))
        return label if len(label) <= width else label[:width - 1] + "…"

    parts = [f"Network: {report.nodes} nodes, {report.edges} relations, {report.components} connected "
             f"part{'s' if report.components != 1 else ''} ({graph.graph.get('selection', '')})"]
    if report.betweenness_sample:
        parts.append(f"(betweenness estimated from {report.betweenness_sample} sampled sources)")
    parts.append("")
    parts.append(f"Centre of the coordination (top {top} by betweenness)")
    parts.append(f"  {'#':>3}  {'node':34}  {'kind':12}  {'degree':>6}  {'paragraphs':>10}  {'betweenness':>11}  "
                 f"{'degree c.':>9}  {'community':>9}")
    for i, n in enumerate(report.central(top), 1):
        parts.append(f"  {i:>3}  {name(n):34}  {graph.nodes[n]['kind']:12}  {report.degree[n]:>6}  "
                     f"{report.strength[n]:>10}  {report.betweenness[n]:>11.3f}  {report.degree_centrality[n]:>9.3f}  "
                     f"{report.community[n]:>9}")
    parts.append("")
    parts.append(f"Communities ({len(report.communities)}; Louvain, weighted by supporting paragraphs)")
    parts.append(f"  {'#':>3}  {'size':>5}  most connected members")
    for c in report.communities[:top]:
        members = ", ".join(name(n, 28) for n in c.members[:6]) + (", …" if len(c.members) > 6 else "")
        parts.append(f"  {c.number:>3}  {len(c.members):>5}  {members}")
    if len(report.communities) > top:
        parts.append(f"  ... and {len(report.communities) - top} smaller communities")
    parts.append("")
    parts.append(f"Bridges between communities (top {top} by supporting paragraphs)")
    if not report.bridges:
        parts.append("  none: no relation joins two communities")
    else:
        parts.append(f"  {'communities':>11}  {'links':>5}  {'paragraphs':>10}  brokers (most central first)")
        for b in report.bridges[:top]:
            brokers = ", ".join(name(n, 24) for n in b.brokers[:4]) + (", …" if len(b.brokers) > 4 else "")
            pair = f"{b.communities[0]} - {b.communities[1]}"
            parts.append(f"  {pair:>11}  {len(b.links):>5}  {b.weight:>10}  {brokers}")
    return "\n".join(parts) + "\n"


def report_json(graph: nx.MultiDiGraph, report: NetworkReport, top: int = 10) -> dict:
    def node(n: str) -> dict:
        d = graph.nodes[n]
        return {"iri": n, "label": d.get("label"), "name": d.get("name"), "kind": d.get("kind"),
                "degree": report.degree[n], "paragraphs": report.strength[n],
                "betweenness": round(report.betweenness[n], 6),
                "degree_centrality": round(report.degree_centrality[n], 6),
                "community": report.community[n]}

    return {
        "selection": graph.graph.get("selection", ""), "nodes": report.nodes, "edges": report.edges,
        "components": report.components, "betweenness_sample": report.betweenness_sample,
        "centre": [node(n) for n in report.central(top)],
        "communities": [{"community": c.number, "size": len(c.members), "members": [node(n) for n in c.members[:top]]}
                        for c in report.communities],
        "bridges": [{"communities": list(b.communities), "links": len(b.links), "paragraphs": b.weight,
                     "brokers": [graph.nodes[n].get("label") for n in b.brokers[:top]],
                     "strongest": [[graph.nodes[u].get("label"), graph.nodes[v].get("label")]
                                   for u, v in b.links[:top]]}
                    for b in report.bridges[:top]],
    }


__all__ = ["KINDS", "DEFAULT_KINDS", "RELATIONS", "Selection", "Evidence", "NetworkError", "NetworkReport", "project",
           "analyse", "annotate", "layout", "neighbourhood", "find_nodes", "simple_graph", "report_tables",
           "report_json"]
