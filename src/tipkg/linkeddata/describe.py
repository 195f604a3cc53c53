"""What the linked-data layer says about one resource of the graph: its label, types and description, every
statement in and out (with the documents whose named graphs state it), the provenance of the assertions
it takes part in (evidence sentence, paragraph, rule), and for a document its text as passages.

Everything is read with SPARQL from the store (union of the named graphs). A description carries both what
a page shows (`Node`s with labels) and the RDF triples the Turtle, JSON-LD, N-Triples and RDF/XML forms
serialize: the statements with the resource as subject or object, the closure of blank nodes below it,
and, for a document, the same for its sections and paragraphs, whose hash IRIs (document/X#para-43) are
answered by the document's own description.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from itertools import islice

import pyoxigraph as ox

from tipkg.iris import DCTERMS, RDF, RDFS, SKOS, TIP

# a page of a resource with more links than this shows the first ones and says so; so does its RDF
MAX_STATEMENTS = 5000

PREFIXES = "\n".join(f"PREFIX {p}: <{ns}>" for p, ns in
                     (("tip", TIP), ("rdf", RDF), ("rdfs", RDFS), ("skos", SKOS), ("dcterms", DCTERMS))) + "\n"
# the first of these a resource has is its label on pages
LABEL_PROPERTIES = (str(SKOS.prefLabel), str(RDFS.label), str(DCTERMS.title), str(TIP.heading))
COMMENT_PROPERTIES = (str(RDFS.comment), str(SKOS.definition), str(DCTERMS.description))
TYPE = ox.NamedNode(str(RDF.type))
LABEL_NODES = tuple(ox.NamedNode(p) for p in LABEL_PROPERTIES)
SOURCE_FILE, IDENTIFIER = ox.NamedNode(str(TIP.sourceFile)), ox.NamedNode(str(DCTERMS.identifier))
ASSERTION, EVIDENCE, EVIDENCE_TEXT, RULE = (ox.NamedNode(str(TIP[n])) for n in ("Assertion", "evidence", "evidenceText", "rule"))
IN_DOCUMENT, INCLUDES, ADDRESSEE = (ox.NamedNode(str(TIP[n])) for n in ("inDocument", "includes", "addressee"))
HAS_PARAGRAPH, HAS_SECTION = ox.NamedNode(str(TIP.hasParagraph)), ox.NamedNode(str(TIP.hasSection))

Term = ox.NamedNode | ox.BlankNode | ox.Literal


@dataclass(frozen=True)
class Node:
    """An IRI, blank node or literal as a page shows it: IRIs with their label when the graph gives one."""
    term: Term
    label: str | None = None

    @property
    def value(self) -> str:
        return self.term.value

    @property
    def is_iri(self) -> bool:
        return isinstance(self.term, ox.NamedNode)

    @property
    def is_literal(self) -> bool:
        return isinstance(self.term, ox.Literal)

    @property
    def is_blank(self) -> bool:
        return isinstance(self.term, ox.BlankNode)

    @property
    def language(self) -> str | None:
        return self.term.language if self.is_literal else None

    @property
    def datatype(self) -> str | None:
        """The datatype IRI of a typed literal; None for plain and language-tagged strings."""
        if not self.is_literal or self.term.language:
            return None
        dt = self.term.datatype.value
        return None if dt == "http://www.w3.org/2001/XMLSchema#string" else dt


@dataclass
class Statement:
    predicate: Node
    node: Node  # the object of an outgoing statement, the subject of an incoming one
    sources: list[Node] = field(default_factory=list)  # the documents whose graphs state it
    nested: list[Statement] = field(default_factory=list)  # what the graph says of a blank node object


@dataclass
class Evidence:
    """Where an assertion the resource takes part in was read: the sentence, its paragraph, the rule."""
    assertion: Node
    kinds: list[Node]
    sentence: str | None
    paragraph: Node
    document: Node | None
    rule: Node | None


@dataclass
class Passage:
    """A heading or paragraph of a document's text; its anchor is the fragment of its IRI."""
    node: Node
    anchor: str
    text: str
    heading: bool
    level: int = 0
    number: str | None = None
    kind: str | None = None
    mentions: list[Node] = field(default_factory=list)
    names: dict[str, list[str]] = field(default_factory=dict)  # mentioned IRI -> its names, to link in the text
    assertions: list[Node] = field(default_factory=list)


@dataclass
class Description:
    iri: str
    label: str | None
    types: list[Node]
    comments: list[str]
    outgoing: list[Statement]
    incoming: list[Statement]
    evidence: list[Evidence]
    passages: list[Passage]
    triples: list[ox.Triple]
    truncated: bool = False

    @property
    def is_document(self) -> bool:
        return bool(self.passages)


def exists(store: ox.Store, iri: str) -> bool:
    """Whether the graph says anything of the IRI, as subject or object."""
    node = ox.NamedNode(iri)
    return next(store.quads_for_pattern(node, None, None), None) is not None or \
        next(store.quads_for_pattern(None, None, node), None) is not None


def describe(store: ox.Store, iri: str, limit: int = MAX_STATEMENTS) -> Description | None:
    """The description of an IRI, or None when the graph says nothing of it."""
    if not exists(store, iri):
        return None
    node = ox.NamedNode(iri)
    documents = _graph_documents(store)
    out_quads = list(islice(store.quads_for_pattern(node, None, None), limit + 1))
    in_quads = list(islice(store.quads_for_pattern(None, None, node), limit + 1))
    truncated = len(out_quads) > limit or len(in_quads) > limit
    out_quads, in_quads = out_quads[:limit], in_quads[:limit]

    triples: dict[ox.Triple, None] = {}
    outgoing = _group([(q.predicate, q.object, q.graph_name) for q in out_quads], documents)
    incoming = _group([(q.predicate, q.subject, q.graph_name) for q in in_quads], documents)
    for q in (*out_quads, *in_quads):
        triples[q.triple] = None
    for st in outgoing:
        if isinstance(st.node.term, ox.BlankNode):
            st.nested = _blank_closure(store, st.node.term, triples, documents)

    passages = _passages(store, iri, triples)
    evidence = _evidence(store, node, {q.subject for q in in_quads}, limit)

    known = labels(store, _iris_of(outgoing, incoming, evidence, passages) | {iri})
    outgoing, incoming = _labelled(outgoing, known), _labelled(incoming, known)
    types = [st.node for st in outgoing if st.predicate.value == TYPE.value]
    comments = [st.node.value for st in outgoing if st.predicate.value in COMMENT_PROPERTIES]
    for e in evidence:
        e.assertion, e.paragraph = _relabel(e.assertion, known), _relabel(e.paragraph, known)
        e.kinds = [_relabel(k, known) for k in e.kinds]
        e.document = _relabel(e.document, known) if e.document else None
        e.rule = _relabel(e.rule, known) if e.rule else None
    for p in passages:
        p.mentions = sorted((_relabel(m, known) for m in p.mentions), key=lambda n: (n.label or n.value).lower())
        p.assertions = [_relabel(a, known) for a in p.assertions]
    return Description(iri, known.get(iri), types, comments, outgoing, incoming, evidence, passages,
                       sorted(triples, key=_triple_key), truncated)


# --- queries ----------------------------------------------------------------------------------------

def _select(store: ox.Store, query: str) -> list[tuple]:
    return [tuple(solution) for solution in store.query(PREFIXES + query, use_default_graph_as_union=True)]


_last_documents: tuple[ox.Store, dict[str, Node]] | None = None  # the last store asked about, with its answer


def _graph_documents(store: ox.Store) -> dict[str, Node]:
    """Named graph -> the document it was read from (its node with a source file), labelled by its symbol or
    identifier, short enough to cite beside every statement; the ontology graph is its own source. Kept for
    the last store asked about (pages read a built store, which does not change): a publish asks once per
    resource."""
    global _last_documents
    last = _last_documents
    if last is not None and last[0] is store:
        return last[1]
    out = _read_graph_documents(store)
    _last_documents = (store, out)
    return out


def _read_graph_documents(store: ox.Store) -> dict[str, Node]:
    out = {}
    for q in store.quads_for_pattern(None, SOURCE_FILE, None):
        if isinstance(q.graph_name, ox.NamedNode):
            ident = next(store.quads_for_pattern(q.subject, IDENTIFIER, None, q.graph_name), None)
            out[q.graph_name.value] = Node(q.subject, ident.object.value if ident else None)
    for q in store.quads_for_pattern(None, TYPE, ox.NamedNode("http://www.w3.org/2002/07/owl#Ontology")):
        if q.graph_name == q.subject:
            out[q.subject.value] = Node(q.subject, "ontology")
    return out


def _group(rows: list[tuple], documents: dict[str, Node]) -> list[Statement]:
    """(predicate, other end, graph) rows -> one statement per (predicate, other end) with its source documents."""
    grouped: dict[tuple, list] = defaultdict(list)
    for p, other, g in rows:
        source = documents.get(g.value) if isinstance(g, ox.NamedNode) else None
        sources = grouped[(p, other)]
        if source is not None and source not in sources:
            sources.append(source)
    return [Statement(Node(p), Node(other), list(sources)) for (p, other), sources in grouped.items()]


def _blank_closure(store: ox.Store, bnode: ox.BlankNode, triples: dict, documents: dict,
                   depth: int = 0) -> list[Statement]:
    """The statements of a blank node (and of the blank nodes below it), as a concise bounded description."""
    rows = [(q.predicate, q.object, q.graph_name) for q in store.quads_for_pattern(bnode, None, None)]
    for p, o, _ in rows:
        triples[ox.Triple(bnode, p, o)] = None
    statements = _group([(p, o, g if isinstance(g, ox.NamedNode) else None) for p, o, g in rows], documents)
    for st in statements:
        if isinstance(st.node.term, ox.BlankNode) and depth < 8:
            st.nested = _blank_closure(store, st.node.term, triples, documents, depth + 1)
    return statements


def _evidence(store: ox.Store, node: ox.NamedNode, referrers: set, limit: int) -> list[Evidence]:
    """The assertions the resource is, takes part in (directly or through a request's addressee) or was read
    from, each with its evidence."""
    candidates = {node, *referrers}
    for q in store.quads_for_pattern(None, INCLUDES, node):
        candidates.update(r.subject for r in store.quads_for_pattern(None, ADDRESSEE, q.subject))
    out = []
    for a in sorted((c for c in candidates if isinstance(c, ox.NamedNode)), key=lambda c: c.value):
        if next(store.quads_for_pattern(a, TYPE, ASSERTION), None) is None:
            continue
        kinds = list(dict.fromkeys(q.object for q in store.quads_for_pattern(a, TYPE, None) if q.object != ASSERTION))
        text = next(store.quads_for_pattern(a, EVIDENCE_TEXT, None), None)
        rule = next(store.quads_for_pattern(a, RULE, None), None)
        for para in dict.fromkeys(q.object for q in store.quads_for_pattern(a, EVIDENCE, None)):
            doc = next(store.quads_for_pattern(para, IN_DOCUMENT, None), None)
            out.append(Evidence(Node(a), [Node(k) for k in kinds], text.object.value if text else None, Node(para),
                                Node(doc.object) if doc else None, Node(rule.object) if rule else None))
        if len(out) >= limit:
            break
    return sorted(out, key=lambda e: (e.document.value if e.document else "", e.paragraph.value, e.assertion.value))


def _passages(store: ox.Store, iri: str, triples: dict) -> list[Passage]:
    """A document's headings and paragraphs in reading order; their statements join the description's RDF."""
    doc = ox.NamedNode(iri)
    if next(store.quads_for_pattern(doc, HAS_PARAGRAPH, None), None) is None and \
            next(store.quads_for_pattern(doc, HAS_SECTION, None), None) is None:
        return []
    rows = _select(store, f"""SELECT DISTINCT ?x ?text ?heading ?level ?number ?kind ?start ?pos WHERE {{
        {{ <{iri}> tip:hasParagraph ?x . ?x tip:text ?text .
           OPTIONAL {{ ?x tip:startOffset ?start }} OPTIONAL {{ ?x tip:position ?pos }}
           OPTIONAL {{ ?x tip:number ?number }} OPTIONAL {{ ?x tip:kind ?kind }} }}
        UNION
        {{ <{iri}> tip:hasSection ?x . ?x tip:heading ?heading .
           OPTIONAL {{ ?x tip:startOffset ?start }} OPTIONAL {{ ?x tip:level ?level }}
           OPTIONAL {{ ?x tip:number ?number }} }}
    }}""")
    if not rows:
        return []
    passages: dict[str, Passage] = {}
    order: dict[str, tuple] = {}
    for x, text, heading, level, number, kind, start, pos in rows:
        if x.value in passages or "#" not in x.value:
            continue
        passages[x.value] = Passage(
            Node(x), x.value.split("#", 1)[1], (heading or text).value, heading is not None,
            int(level.value) if level else 0, number.value if number else None, kind.value if kind else None)
        order[x.value] = (int(start.value) if start else 0, 0 if heading is not None else 1,
                          int(pos.value) if pos else 0)
    children = f"<{iri}> tip:hasParagraph|tip:hasSection ?x ."
    for x, p, o in _select(store, f"SELECT DISTINCT ?x ?p ?o WHERE {{ {children} ?x ?p ?o }}"):
        triples[ox.Triple(x, p, o)] = None
    for s, p, x in _select(store, f"SELECT DISTINCT ?s ?p ?x WHERE {{ {children} ?s ?p ?x }}"):
        triples[ox.Triple(s, p, x)] = None
    mentions: dict[str, list] = defaultdict(list)
    for x, e in _select(store, f"SELECT DISTINCT ?x ?e WHERE {{ <{iri}> tip:hasParagraph ?x . ?x tip:mentions ?e }}"):
        mentions[x.value].append(e)
    names: dict[str, list[str]] = defaultdict(list)
    for e, name in _select(store, f"""SELECT DISTINCT ?e ?name WHERE {{ <{iri}> tip:hasParagraph/tip:mentions ?e .
            ?e rdfs:label|skos:prefLabel|skos:altLabel|tip:acronym ?name }}"""):
        names[e.value].append(name.value)
    for x, a in _select(store, f"""SELECT DISTINCT ?x ?a WHERE {{ <{iri}> tip:hasParagraph ?x .
            ?a tip:evidence ?x ; a tip:Assertion }}"""):
        if x.value in passages:
            passages[x.value].assertions.append(Node(a))
    for key, p in passages.items():
        p.mentions = [Node(e) for e in mentions.get(key, [])]
        p.names = {e.value: names.get(e.value, []) for e in mentions.get(key, [])}
        p.assertions.sort(key=lambda n: n.value)
    return [passages[k] for k in sorted(passages, key=lambda k: order[k])]


def labels(store: ox.Store, iris: set[str]) -> dict[str, str]:
    """The label of each IRI that has one: the first of LABEL_PROPERTIES, English or untagged first."""
    out = {}
    for iri in iris:
        node = ox.NamedNode(iri)
        for prop in LABEL_NODES:
            found = [q.object for q in store.quads_for_pattern(node, prop, None) if isinstance(q.object, ox.Literal)]
            if found:
                out[iri] = min(found, key=lambda l: (l.language not in (None, "en"), l.value)).value
                break
    return out


def _iris_of(outgoing, incoming, evidence, passages) -> set[str]:
    out: set[str] = set()

    def add(node: Node | None) -> None:
        if node is not None and node.is_iri:
            out.add(node.value)

    for st in [*outgoing, *incoming]:
        add(st.predicate)
        add(st.node)
        for nested in st.nested:
            add(nested.predicate)
            add(nested.node)
    for e in evidence:
        for n in (e.assertion, e.paragraph, e.document, e.rule, *e.kinds):
            add(n)
    for p in passages:
        for n in (*p.mentions, *p.assertions):
            add(n)
    return out


def _relabel(node: Node, labels: dict[str, str]) -> Node:
    return Node(node.term, labels.get(node.value)) if node.is_iri else node


def _labelled(statements: list[Statement], labels: dict[str, str]) -> list[Statement]:
    out = [Statement(_relabel(st.predicate, labels), _relabel(st.node, labels), st.sources,
                     _labelled(st.nested, labels)) for st in statements]
    # types and labels first, then by property, then by what they point to
    first = {TYPE.value: 0, **{p: 1 for p in LABEL_PROPERTIES}}
    return sorted(out, key=lambda st: (first.get(st.predicate.value, 2), st.predicate.label or st.predicate.value,
                                       (st.node.label or st.node.value).lower()))


def _triple_key(t: ox.Triple) -> tuple[str, str, str]:
    return str(t.subject), str(t.predicate), str(t.object)


# --- what refers to a resource, counted in the store ------------------------------------------------
# The General Assembly is the object of some 40,000 statements: more than a description holds. Its page counts
# them by kind of referrer and property in the store, and reads one page of a group at a time.

def referrer_kind(iri: str, base: str) -> str:
    """The kind of a resource that refers to another, from its IRI: the first segment of its path, or
    paragraph / section for the anchors of a document (document/X#para-4)."""
    if "#" in iri:
        fragment = iri.split("#", 1)[1]
        if fragment.startswith("para-"):
            return "paragraph"
        if fragment.startswith("sec-"):
            return "section"
    if not iri.startswith(base) or "/" not in iri[len(base):]:
        return "other"
    return iri[len(base):].split("/", 1)[0]


@dataclass
class ReferrerGroup:
    """The resources of one kind that refer to a resource by one property."""
    kind: str
    predicate: Node
    count: int  # distinct referrers
    documents: int  # the documents whose graphs state them
    statements: list[Statement]  # one page of them


def referrer_groups(store: ox.Store, iri: str, base: str, limit: int, offset: int = 0,
                    only: tuple[str, str] | None = None) -> list[ReferrerGroup]:
    """What refers to the IRI, by kind of referrer and property (or only the (kind, property) asked for), each
    group with its counts and `limit` statements from `offset`, ordered by the first document that states
    them, then by IRI; each statement with its documents."""
    documents = _graph_documents(store)
    found: dict[tuple[str, str], dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    pattern = ox.NamedNode(only[1]) if only else None
    for q in store.quads_for_pattern(None, pattern, ox.NamedNode(iri)):
        if not isinstance(q.subject, ox.NamedNode):
            continue
        kind = referrer_kind(q.subject.value, base)
        if only and kind != only[0]:
            continue
        graphs = found[(kind, q.predicate.value)][q.subject.value]
        if isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value in documents:
            graphs.append(q.graph_name.value)
    pages = {key: sorted(subjects, key=lambda x: (min(subjects[x], default=""), x))[offset:offset + limit]
             for key, subjects in found.items()}
    shown = {x for page in pages.values() for x in page}
    cited = {documents[g].value for key, page in pages.items() for x in page for g in found[key][x]}
    known = labels(store, shown | {p for _, p in found} | cited)
    out = []
    for (kind, p), subjects in found.items():
        predicate = _relabel(Node(ox.NamedNode(p)), known)
        statements = [Statement(predicate, _relabel(Node(ox.NamedNode(x)), known),
                                list(dict.fromkeys(_relabel(documents[g], known) for g in sorted(subjects[x]))))
                      for x in pages[(kind, p)]]
        out.append(ReferrerGroup(kind, predicate, len(subjects),
                                 len({documents[g].value for graphs in subjects.values() for g in graphs}), statements))
    return out
