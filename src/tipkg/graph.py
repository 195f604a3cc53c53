"""The graph stage: one document's extraction becomes an RDF graph.

The graph holds the document, its sections and paragraphs (number, text, offsets), the entities the
paragraphs mention, the resolutions and documents they cite, and every assertion as a qualified node with its
evidence paragraph, sentence and rule. Shortcut triples (memberOf, partnerOf, operatesIn, ...) sit beside the
qualified nodes for easy navigation.

Its triples are of two parts. The description of every node a document shares with others (an entity, a cited
resolution, the document's own node, a rule): its types, label, lookup keys, acronyms, alternative labels and
the reference data of the gazetteers (codes, parents, same-as links) -- the same whichever document names it, so
the store keeps it once, in the entities graph. Everything else is what the document states -- its paragraphs
and sections, its assertions, the mentions and citations, what it says of a cited resolution (number, symbol,
year, adopting organ: documents may disagree there) -- and is the document's named graph. The whole (both
parts) is what SHACL validates.
"""
from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox
import rdflib
from rdflib import namespace as ns

from tipkg import iris as namespaces
from tipkg.iris import Iris, entity_iri
from tipkg.model import Assertion, Document, Entity, Extraction
from tipkg.reference import Gazetteer


class Vocabulary:
    """The terms of one namespace as pyoxigraph nodes, each made once: TIP.label, TIP["Chairing"]."""

    def __init__(self, namespace: str):
        self._namespace = str(namespace)
        self._terms: dict[str, ox.NamedNode] = {}

    def __getitem__(self, name: str) -> ox.NamedNode:
        term = self._terms.get(name)
        if term is None:
            term = self._terms[name] = ox.NamedNode(self._namespace + name)
        return term

    def __getattr__(self, name: str) -> ox.NamedNode:
        if name.startswith("_"):
            raise AttributeError(name)
        return self[name]


TIP, RDF, RDFS, XSD = (Vocabulary(n) for n in (namespaces.TIP, ns.RDF, ns.RDFS, ns.XSD))
DCTERMS, PROV, SKOS, SDG_UN = (Vocabulary(n) for n in (ns.DCTERMS, ns.PROV, ns.SKOS, namespaces.SDG_UN))


def literal(value, datatype: ox.NamedNode | None = None) -> ox.Literal:
    """A typed literal: integers, decimals and booleans by their Python type, strings as plain strings."""
    if datatype is None and isinstance(value, bool):
        return ox.Literal("true" if value else "false", datatype=XSD.boolean)
    if datatype is None and isinstance(value, int):
        return ox.Literal(str(value), datatype=XSD.integer)
    if datatype is None and isinstance(value, float):
        return ox.Literal(repr(value), datatype=XSD.decimal)
    return ox.Literal(str(value), datatype=datatype) if datatype else ox.Literal(str(value))


def iri_node(iri) -> ox.NamedNode:
    return ox.NamedNode(str(iri))


class Quads:
    """The triples of one document's graph, without duplicates, in the order they were made; those added with
    `describe` are the shared nodes' descriptions (the entities graph's part), the others the document's own."""

    def __init__(self):
        self._triples: dict[tuple, None] = {}
        self._descriptions: set[tuple] = set()

    def add(self, triple: tuple) -> None:
        self._triples[triple] = None

    def describe(self, triple: tuple) -> None:
        self._triples[triple] = None
        self._descriptions.add(triple)

    def own(self) -> list[tuple]:
        """The document's own triples: what its named graph holds."""
        return [t for t in self._triples if t not in self._descriptions]

    def descriptions(self) -> list[tuple]:
        """The shared nodes' descriptions: what the document adds to the entities graph."""
        return [t for t in self._triples if t in self._descriptions]

    def __len__(self) -> int:
        return len(self._triples)

    def __iter__(self):
        return iter(self._triples)

    def quads(self, graph: str, triples=None) -> list[ox.Quad]:
        g = ox.NamedNode(str(graph))
        return [ox.Quad(s, p, o, g) for s, p, o in (self._triples if triples is None else triples)]

    def nquads(self, graph: str, triples=None) -> bytes:
        """Canonical N-Quads of the graph (or of some of its triples): one line per quad, sorted (no blank nodes
        are made)."""
        lines = ox.serialize(self.quads(graph, triples), format=ox.RdfFormat.N_QUADS).splitlines(keepends=True)
        return b"".join(sorted(set(lines)))

    def turtle(self, triples=None) -> bytes:
        prefixes = {prefix: str(namespace) for prefix, namespace in namespaces.PREFIXES.items()}
        return ox.serialize([ox.Triple(s, p, o) for s, p, o in (self._triples if triples is None else triples)],
                            format=ox.RdfFormat.TURTLE, prefixes=prefixes)

    def to_rdflib(self) -> rdflib.Graph:
        g = rdflib.Graph()
        data = ox.serialize([ox.Triple(s, p, o) for s, p, o in self._triples], format=ox.RdfFormat.N_TRIPLES)
        g.parse(data=data, format="nt")
        for prefix, namespace in namespaces.PREFIXES.items():
            g.bind(prefix, namespace)
        return g

DOCUMENT_CLASSES = {
    "report": "Report", "note": "Note", "letter": "Letter", "resolution": "Resolution",
    "draft-resolution": "DraftResolution", "decision": "Decision", "draft-decision": "DraftResolution",
    "amendment": "Amendment",
}
PARAGRAPH_CLASSES = {
    "numbered": "NumberedParagraph", "operative": "OperativeParagraph", "preambular": "PreambularParagraph",
    "subitem": "SubItem", "footnote": "Footnote", "summary": "Summary",
}
DEFAULT_CLASSES = {
    "state": "State", "organization": "Organization", "instrument": "Instrument", "group": "StakeholderGroup",
    "place": "Place", "sdg-target": "SDGTarget", "sdg-goal": "SDGGoal", "government": "Government",
    "resolution": "Resolution", "document": "Document", "initiative": "Initiative", "event": "Event",
    "publication": "Publication", "person": "Person", "role": "Role", "verb": "Verb", "addressee": "Addressee",
}
ASSERTION_CLASSES = {
    "chairing": "Chairing", "membership": "Membership", "ratification": "Ratification", "figure": "KeyFigure",
    "reply": "InformationReply", "request": "Request", "position": "Position", "resolution-link": "ResolutionLink",
    "partnership": "Partnership", "implementation": "Implementation", "occurrence": "Occurrence",
    "issuance": "Issuance", "outcome": "Outcome", "sdg": "SDGContribution", "role": "RoleHolding",
    "lineage": "LineageLink", "mandate": "Mandate",
}
# datatypes of assertion values, by property
DATATYPES = {
    "year": XSD.gYear, "since": XSD.gYear, "count": XSD.integer, "value": XSD.decimal, "reported": XSD.boolean,
    "confidence": XSD.decimal, "due": XSD.gYear,
}
DATE_PROPERTIES = {"date", "startDate", "endDate", "asAt"}
# shortcut triples beside qualified nodes: kind -> (subject role, property, object role)
SHORTCUTS = {
    "chairing": [("holder", "chairOf", "context")],
    "membership": [("member", "memberOf", "organization")],
    "ratification": [("state", "ratified", "instrument")],
    "implementation": [("initiative", "ledBy", "lead"), ("initiative", "operatesIn", "country")],
    "occurrence": [("event", "heldIn", "place"), ("event", "organizedBy", "organizer"), ("adopted", "adoptedAt", "event")],
    "issuance": [("publication", "publishedBy", "publisher")],
    "sdg": [("contributor", "worksOn", "sdgTarget")],
}


def date_literal(value: str) -> Literal:
    """An ISO date of any precision, typed by its precision."""
    if len(value) == 4:
        return literal(value, datatype=XSD.gYear)
    if len(value) == 7:
        return literal(value, datatype=XSD.gYearMonth)
    return literal(value, datatype=XSD.date)


@dataclass
class GraphBuilder:
    iris: Iris
    gazetteer: Gazetteer

    def document_node(self, document: Document) -> ox.NamedNode:
        """A resolution's own text and the resolution other documents cite are one node."""
        meta = document.metadata
        if meta.kind == "resolution" and meta.symbol:
            return iri_node(self.iris.resolution(meta.symbol))
        return iri_node(self.iris.document(document.id))

    def paragraph_node(self, document: Document, key: str) -> ox.NamedNode:
        return iri_node(f"{self.document_node(document).value}#para-{key.replace('(', '-').replace(')', '')}")

    def section_node(self, document: Document, key: str) -> ox.NamedNode:
        return iri_node(f"{self.document_node(document).value}#sec-{key}")

    def entity_node(self, entity: Entity) -> ox.NamedNode:
        if _in_ontology(entity):
            return TIP[entity.key]
        return iri_node(entity_iri(self.iris, entity.kind, entity.key))

    def build(self, extraction: Extraction) -> Quads:
        g = Quads()
        document = extraction.document
        described: set[ox.NamedNode] = set()
        doc = self.document_node(document)
        self._document(g, document, doc, described)
        for mention in extraction.mentions:
            para = self.paragraph_node(document, mention.paragraph)
            node = self.describe(g, mention.entity, described)
            g.add((para, TIP.mentions, node))
            if mention.entity.kind in ("resolution", "document") and node != doc:
                g.add((para, TIP.cites, node))
        written: set[ox.NamedNode] = set()
        for assertion in extraction.assertions:
            node = self.assertion_node(document, assertion)
            if node in written:
                continue  # the same fact read again from another sentence of its paragraph: one node, one sentence
            written.add(node)
            self._assertion(g, document, assertion, described)
        return g

    def _document(self, g: Quads, document: Document, doc: ox.NamedNode, described: set[ox.NamedNode]) -> None:
        meta = document.metadata
        # the document's node is shared (other documents cite it): its types, label and lookup keys are its
        # description, in the entities graph
        g.describe((doc, RDF.type, TIP.Document))
        cls = DOCUMENT_CLASSES.get(meta.kind)
        if cls:
            g.describe((doc, RDF.type, TIP[cls]))
        # a resolution is labelled by its number, as other documents cite it ("72/195")
        label = (meta.resolution_number if meta.kind == "resolution" else None) or meta.symbol or meta.title or document.id
        g.describe((doc, RDFS.label, literal(label)))
        g.add((doc, DCTERMS.identifier, literal(meta.symbol or document.id)))
        if meta.symbol:
            g.add((doc, TIP.symbol, literal(meta.symbol)))
        # the names a user may give for the document, found by one lookup as an entity's are
        for key in sorted({lookup_key(name) for name in (label, meta.symbol, document.id) if name and name.strip()}):
            g.describe((doc, SKOS.hiddenLabel, literal(key)))
        if meta.title:
            g.add((doc, DCTERMS.title, literal(meta.title)))
        if meta.date:
            g.add((doc, TIP.distributionDate, date_literal(meta.date)))
        if meta.adoption_date:
            g.add((doc, TIP.adoptionDate, date_literal(meta.adoption_date)))
        for prop, value in (("session", meta.session), ("agendaItem", meta.agenda_item),
                            ("documentKind", meta.kind), ("distribution", meta.distribution),
                            ("sourceFormat", meta.source_format)):
            if value:
                g.add((doc, TIP[prop], literal(value)))
        if meta.resolution_number:
            g.add((doc, TIP.number, literal(meta.resolution_number)))
        body = self.issuing_body(meta.issuing_body)
        if body is not None:
            node = self.describe(g, body, described)
            g.add((doc, TIP.issuingBody, node))
            if meta.kind == "resolution":
                g.add((doc, TIP.adoptedBy, node))
                year = (meta.adoption_date or meta.date or "")[:4]
                if year:
                    g.add((doc, TIP.year, literal(year, datatype=XSD.gYear)))
        g.add((doc, TIP.sourceFile, literal(document.path.name)))
        for section in document.sections:
            sec = self.section_node(document, section.key)
            g.add((sec, RDF.type, TIP.Section))
            g.add((sec, RDFS.label, literal(section.heading)))
            g.add((sec, TIP.heading, literal(section.heading)))
            g.add((sec, TIP.level, literal(section.level)))
            if section.number:
                g.add((sec, TIP.number, literal(section.number)))
            g.add((sec, TIP.inDocument, doc))
            g.add((doc, TIP.hasSection, sec))
            g.add((sec, TIP.startOffset, literal(section.start)))
            g.add((sec, TIP.endOffset, literal(section.end)))
            if section.parent:
                g.add((sec, TIP.parentSection, self.section_node(document, section.parent)))
        for p in document.paragraphs:
            para = self.paragraph_node(document, p.key)
            g.add((para, RDF.type, TIP.Paragraph))
            if p.kind in PARAGRAPH_CLASSES:
                g.add((para, RDF.type, TIP[PARAGRAPH_CLASSES[p.kind]]))
            g.add((para, RDFS.label, literal(f"{label} {paragraph_label(p.key)}")))
            g.add((para, TIP.paragraphKey, literal(p.key)))
            g.add((para, TIP.kind, literal(p.kind)))
            if p.number:
                g.add((para, TIP.number, literal(p.number)))
            g.add((para, TIP.text, literal(p.text)))
            g.add((para, TIP.startOffset, literal(p.start)))
            g.add((para, TIP.endOffset, literal(p.end)))
            g.add((para, TIP.position, literal(p.position)))
            g.add((para, TIP.inDocument, doc))
            g.add((doc, TIP.hasParagraph, para))
            if p.section:
                g.add((para, TIP.inSection, self.section_node(document, p.section)))
            if p.parent:
                g.add((para, TIP.parentParagraph, self.paragraph_node(document, p.parent)))

    def issuing_body(self, name: str | None) -> Entity | None:
        if not name:
            return None
        for entry in self.gazetteer.of_kind("organization"):
            if name in entry.names:
                return entry.entity
        return None

    def describe(self, g: Quads, entity: Entity, described: set[ox.NamedNode]) -> ox.NamedNode:
        """The node of an entity, with its description written once per graph: its types, labels, lookup keys
        and reference data as descriptions (the entities graph's part); what the document says of a cited
        resolution (symbol, number, adopting organ, year, session) as its own."""
        node = self.entity_node(entity)
        if node in described:
            return node
        described.add(node)
        if _in_ontology(entity):
            return node
        classes = entity.classes or (DEFAULT_CLASSES.get(entity.kind, "Agent"),)
        for cls in classes:
            g.describe((node, RDF.type, TIP[cls]))
        g.describe((node, RDFS.label, literal(entity.label)))
        g.describe((node, SKOS.prefLabel, literal(entity.label)))
        if entity.acronym:
            g.describe((node, TIP.acronym, literal(entity.acronym)))
            g.describe((node, SKOS.altLabel, literal(entity.acronym)))
        for key in lookup_keys(entity):
            g.describe((node, SKOS.hiddenLabel, literal(key)))
        entry = self.gazetteer.get(entity.kind if entity.kind != "government" else "state", entity.key)
        if entity.kind == "state" and entry:
            g.describe((node, TIP.iso3, literal(entity.key)))
            if entry.codes.get("m49"):
                g.describe((node, TIP.m49, literal(entry.codes["m49"])))
        elif entity.kind == "government":
            state = self.gazetteer.entity("state", entity.key)
            if state:
                g.describe((node, TIP.governmentOf, self.describe(g, state, described)))
        elif entity.kind == "resolution":
            if entity.detail("symbol"):  # a citation whose body has no symbol series, or is not told, has none
                g.add((node, TIP.symbol, literal(entity.detail("symbol"))))
            g.add((node, TIP.number, literal(entity.label)))
            body_key, year = entity.detail("body"), entity.detail("year")
            body = self.gazetteer.entity("organization", body_key) if body_key else None
            if body:
                g.add((node, TIP.adoptedBy, self.describe(g, body, described)))
            if year:
                g.add((node, TIP.year, literal(year, datatype=XSD.gYear)))
            if entity.detail("session"):
                g.add((node, TIP.session, literal(entity.detail("session"))))
        elif entity.kind == "document" and "/" in entity.key:  # a symbol, not a file's identifier
            g.add((node, TIP.symbol, literal(entity.key)))
        elif entity.kind == "sdg-target":
            g.describe((node, SKOS.notation, literal(entity.key)))
            g.describe((node, SKOS.exactMatch, SDG_UN[entity.key]))
            goal_key = (entry.codes.get("goal") if entry else None) or entity.key.split(".")[0]
            goal = self.gazetteer.entity("sdg-goal", goal_key)
            if goal:
                g.describe((node, TIP.inGoal, self.describe(g, goal, described)))
            if entry and entry.codes.get("text"):
                g.describe((node, SKOS.definition, literal(entry.codes["text"])))
        elif entity.kind == "place" and entry and entry.codes.get("country"):
            state = self.gazetteer.entity("state", entry.codes["country"])
            if state:
                g.describe((node, TIP.locatedIn, self.describe(g, state, described)))
        if entry and entity.kind == "organization" and entry.codes.get("established"):
            g.describe((node, TIP.established, literal(entry.codes["established"], datatype=XSD.gYear)))
        if entry and entry.parent and entity.kind == "organization":
            parent = self.gazetteer.entity("organization", entry.parent)
            if parent:
                g.describe((node, TIP.subOrganizationOf, self.describe(g, parent, described)))
        return node

    def assertion_node(self, document: Document, a: Assertion) -> ox.NamedNode:
        """An assertion's node: from its kind, paragraph, rule, roles and values (not its sentence)."""
        parts = [a.kind, a.paragraph, a.rule] + [f"{r}={self.entity_node(e)}" for r in sorted(a.roles)
                                                 for e in a.roles[r]] + [f"{k}={v}" for k, v in sorted(a.values.items())]
        return iri_node(self.iris.assertion(document.id, a.kind, *parts))

    def _assertion(self, g: Quads, document: Document, a: Assertion, described: set[ox.NamedNode]) -> ox.NamedNode:
        node = self.assertion_node(document, a)
        g.add((node, RDF.type, TIP.Assertion))
        g.add((node, RDF.type, TIP[ASSERTION_CLASSES[a.kind]]))
        para = self.paragraph_node(document, a.paragraph)
        g.add((node, TIP.evidence, para))
        g.add((node, PROV.wasDerivedFrom, para))
        g.add((node, TIP.evidenceText, literal(a.evidence)))
        rule = iri_node(self.iris.rule(a.rule))
        g.add((node, TIP.rule, rule))
        g.describe((rule, RDF.type, TIP.ExtractionRule))  # a rule is shared by the documents it read
        g.describe((rule, TIP.ruleId, literal(a.rule)))
        g.describe((rule, RDFS.label, literal(a.rule)))
        if a.confidence < 1:
            g.add((node, TIP.confidence, literal(round(a.confidence, 2), datatype=XSD.decimal)))
        nodes: dict[str, list[ox.NamedNode]] = {}
        if a.kind == "request":
            self._addressee(g, node, a, described)
        for role, entities in a.roles.items():
            if a.kind == "request" and role == "includes":
                continue
            for entity in entities:
                target = self.describe(g, entity, described)
                nodes.setdefault(role, []).append(target)
                g.add((node, TIP[role], target))
        for prop, value in a.values.items():
            if value in (None, "") or a.kind == "request" and prop == "addressee" or a.kind == "lineage" and prop == "relation":
                continue
            if prop in DATE_PROPERTIES:
                term = date_literal(value)
            elif prop in DATATYPES:
                term = literal(value, datatype=DATATYPES[prop])
            else:
                term = literal(value)
            g.add((node, TIP[prop], term))
        label = assertion_label(a)
        if label:
            g.add((node, RDFS.label, literal(label)))
        for subject_role, prop, object_role in SHORTCUTS.get(a.kind, []):
            for s in nodes.get(subject_role, []):
                for o in nodes.get(object_role, []):
                    g.add((s, TIP[prop], o))
        if a.kind == "lineage":  # the relation (tip:AdoptedAs) on the link, its property (tip:adoptedAs) as a shortcut
            relation = a.values["relation"]
            g.add((node, TIP.lineageRelation, TIP[relation[:1].upper() + relation[1:]]))
            for s in nodes.get("linkFrom", []):
                for o in nodes.get("linkTo", []):
                    g.add((s, TIP[relation], o))
        if a.kind == "partnership":
            partners = nodes.get("partner", [])
            for s in partners:
                for o in partners:
                    if s != o:
                        g.add((s, TIP.partnerOf, o))
        return node


    def _addressee(self, g: Quads, node: ox.NamedNode, a: Assertion, described: set[ox.NamedNode]) -> None:
        """A request has one receiver (UNDO's Relation): the addressee as written, with the agents it includes."""
        phrase, includes = a.values.get("addressee"), a.roles.get("includes", [])
        if not phrase and not includes:
            return
        addressee = iri_node(f"{node.value}-addressee")
        g.add((node, TIP.addressee, addressee))
        g.add((addressee, RDF.type, TIP.Addressee))
        g.add((addressee, RDFS.label, literal(phrase or ", ".join(e.label for e in includes))))
        for entity in includes:
            g.add((addressee, TIP.includes, self.describe(g, entity, described)))


def lookup_keys(entity: Entity) -> list[str]:
    """The names a user may ask for an entity by (label, acronym, code or symbol), in lower case with single
    spaces, as skos:hiddenLabel: a canned query finds the entity a parameter names with one index lookup of
    LCASE(parameter), where matching any case of every name would scan them all."""
    names = [entity.label, entity.acronym]
    if entity.kind in ("state", "organization", "resolution", "document"):
        names.append(entity.key)  # ISO 3166 code, organization key, symbol
    return sorted({lookup_key(name) for name in names if name and name.strip()})


def lookup_key(name: str) -> str:
    """A name as skos:hiddenLabel holds it, and as a canned query's ?NAME_key binds a parameter."""
    return " ".join(name.split()).lower()


def _in_ontology(entity: Entity) -> bool:
    """Verbs and the roles the ontology names (ChairRole, VerbUrge) are its individuals; roles read from text
    ("goodwill ambassador") are nodes of the data."""
    return entity.kind in ("role", "verb") and entity.key[:1].isupper()


def paragraph_label(key: str) -> str:
    if key.startswith("fn"):
        return f"footnote {key[2:]}"
    if key[:1].isdigit():
        return f"para. {key}"
    return key


def assertion_label(a: Assertion) -> str:
    names = [e.label for role in a.roles.values() for e in role][:3]
    return f"{ASSERTION_CLASSES[a.kind]}: " + ", ".join(names) if names else ASSERTION_CLASSES[a.kind]


def build_graph(extraction: Extraction, iris: Iris, gazetteer: Gazetteer) -> Quads:
    return GraphBuilder(iris, gazetteer).build(extraction)


__all__ = ["build_graph", "GraphBuilder", "date_literal"]
