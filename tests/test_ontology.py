"""The ontology (ontology/tipkg.ttl), the verb lexicon (ontology/verbs.ttl) and the JSON-LD context
(ontology/context.jsonld): the vocabulary every other stage writes with.

These tests hold the contract the code relies on: the local names it uses, their kinds, the alignments with
UNDO and the standard vocabularies, and an OWL 2 RL closure that stays consistent and never merges two nodes.
"""
from __future__ import annotations

import json
from pathlib import Path

import owlrl
import pytest
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS

ONTOLOGY_DIR = Path(__file__).resolve().parents[1] / "ontology"
TIP = Namespace("https://w3id.org/tipkg/ontology#")
ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")
UNDO = Namespace("https://w3id.org/un/ontology/undo/")
ALLOT = Namespace("https://w3id.org/akn/ontology/allot/")
TVC = Namespace("http://www.essepuntato.it/2012/04/tvc/")
DOCO = Namespace("http://purl.org/spar/doco/")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")  # a plain Namespace: pytest probes module attributes
ONTOLOGY_IRI = URIRef("https://w3id.org/tipkg/ontology")

STANDARD_PREFIXES = {
    "tip": str(TIP), "rdf": str(RDF), "rdfs": str(RDFS), "xsd": str(XSD), "owl": str(OWL), "skos": str(SKOS),
    "dcterms": str(DCTERMS), "prov": str(PROV), "org": str(ORG), "foaf": str(FOAF), "schema": str(SCHEMA),
    "undo": str(UNDO), "allot": str(ALLOT), "doco": str(DOCO), "oa": "http://www.w3.org/ns/oa#", "tvc": str(TVC),
}

# The local names the code uses: keep them all.
CLASSES = """
Agent Place City Region Territory State MemberState ObserverState Government
Organization UNEntity UNOffice UNProgramme UNFund SpecializedAgency UNDepartment RelatedOrganization
IntergovernmentalOrganization RegionalOrganization RegionalProcess NonGovernmentalOrganization
PrivateSectorEntity AcademicInstitution NationalAuthority Court
Body PrincipalOrgan SubsidiaryBody TreatyBody ConferenceOfParties WorkingGroup Committee FunctionalCommission
SpecialProcedure CoordinationMechanism Post StakeholderGroup
Instrument Convention Protocol PlanOfAction Compact Declaration Agenda Charter Framework
Document Report Note Letter DraftResolution Resolution Decision
Section Paragraph PreambularParagraph OperativeParagraph NumberedParagraph SubItem Summary Footnote
Initiative Programme Project Campaign Fund Operation Network Platform Agreement
Event Session Meeting Conference Forum Workshop Training Observance Launch
Publication ResearchReport Toolkit IssuePaper IssueBrief PolicyPaper CaseDigest Handbook Guidelines Database
ModelLaw LegislativeGuide Statement Study
Person SDGGoal SDGTarget Role Verb ExtractionRule Addressee Quantity
Assertion RoleHolding Chairing Membership Ratification KeyFigure InformationReply Request ResolutionLink
Partnership Implementation Occurrence Issuance Outcome SDGContribution Citation
""".split()

OBJECT_PROPERTIES = """
evidence rule holder role context member organization state instrument resolution proponent verb addressee
includes source target linkVerb initiative partner lead country event place organizer publication publisher
conductedBy quantity contributor sdgTarget subject cites mentions inDocument inSection parentSection
parentParagraph hasSection hasParagraph actor issuingBody adoptedBy governmentOf inGoal locatedIn
subOrganizationOf memberOf partnerOf operatesIn ledBy chairOf ratified worksOn publishedBy organizedBy heldIn
""".split()

DATATYPE_PROPERTIES = {
    "evidenceText": XSD.string, "confidence": XSD.decimal, "ruleId": XSD.string,
    "year": XSD.gYear, "date": XSD.date, "startDate": XSD.date, "endDate": XSD.date, "asAt": XSD.date,
    "since": XSD.gYear, "actionType": XSD.string, "action": XSD.string, "paragraphNumber": XSD.string,
    "reported": XSD.boolean, "verbText": XSD.string, "count": XSD.integer, "measure": XSD.string,
    "value": XSD.decimal, "unit": XSD.string, "figures": XSD.string, "symbol": XSD.string, "number": XSD.string,
    "acronym": XSD.string, "iso3": XSD.string, "m49": XSD.string, "text": XSD.string,
    "startOffset": XSD.integer, "endOffset": XSD.integer, "position": XSD.integer, "level": XSD.integer,
    "heading": XSD.string, "paragraphKey": XSD.string, "session": XSD.string, "agendaItem": XSD.string,
    "documentKind": XSD.string, "distribution": XSD.string, "sourceFormat": XSD.string,
    "distributionDate": XSD.date, "adoptionDate": XSD.date, "roleLabel": XSD.string, "kind": XSD.string,
    "stance": XSD.string,
}

ROLES = "ChairRole CoChairRole CoordinatorRole MemberRole PartnerRole SecretariatRole".split()

VERB_STANCES = {
    "VerbUrge": "request", "VerbInvite": "request", "VerbRequest": "request", "VerbEncourage": "request",
    "VerbCallUpon": "request", "VerbCallFor": "request", "VerbRemind": "request", "VerbAuthorize": "request",
    "VerbDesignate": "request", "VerbDecide": "request",
    "VerbWelcome": "acknowledge", "VerbNote": "acknowledge", "VerbTakeNote": "acknowledge",
    "VerbRecognize": "acknowledge", "VerbAcknowledge": "acknowledge", "VerbCommend": "acknowledge",
    "VerbAppreciate": "acknowledge", "VerbExpress": "acknowledge",
    "VerbRecall": "recall", "VerbReaffirm": "recall", "VerbReiterate": "recall", "VerbPursuantTo": "recall",
    "VerbEmphasize": None, "VerbStress": None, "VerbCondemn": None, "VerbSupport": None,
    "VerbUnderline": None, "VerbAffirm": None, "VerbEndorse": None, "VerbApprove": None, "VerbAdopt": None,
}

ALIGNMENTS = [
    (TIP.Organization, RDFS.subClassOf, ORG.FormalOrganization),
    (TIP.Membership, RDFS.subClassOf, ORG.Membership),
    (TIP.Request, RDFS.subClassOf, UNDO.Relation),
    (TIP.ResolutionLink, RDFS.subClassOf, UNDO.Relation),
    (TIP.RoleHolding, RDFS.subClassOf, UNDO.ValueInTimeAndContext),
    (TIP.Resolution, RDFS.subClassOf, UNDO.Resolution),
    (TIP.Instrument, RDFS.subClassOf, UNDO.LegalSource),
    (TIP.Person, RDFS.subClassOf, FOAF.Person),
    (TIP.SDGTarget, RDFS.subClassOf, SKOS.Concept),
    (TIP.Paragraph, RDFS.subClassOf, DOCO.Paragraph),
    (TIP.Assertion, RDFS.subClassOf, PROV.Entity),
    (TIP.evidence, RDFS.subPropertyOf, PROV.wasDerivedFrom),
    (TIP.cites, RDFS.subPropertyOf, DCTERMS.references),
    (TIP.mentions, RDFS.subPropertyOf, ALLOT.mentions),
    (TIP.proponent, RDFS.subPropertyOf, UNDO.hasProponent),
    (TIP.verb, RDFS.subPropertyOf, UNDO.hasSemantics),
    (TIP.addressee, RDFS.subPropertyOf, UNDO.hasReceiver),
    (TIP.role, RDFS.subPropertyOf, TVC.withValue),
    (TIP.context, RDFS.subPropertyOf, TVC.withinContext),
    (TIP.holder, OWL.inverseOf, TVC.hasValue),
    (TIP.member, RDFS.subPropertyOf, ORG.member),
    (TIP.memberOf, RDFS.subPropertyOf, ORG.memberOf),
    (TIP.inGoal, RDFS.subPropertyOf, SKOS.broader),
]

# A few statements of each kind the graph holds, shaped as the graph stage writes them.
SAMPLE_ABOX = """
@prefix tip: <https://w3id.org/tipkg/ontology#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@base <https://w3id.org/tipkg/> .

<document/A-00-000> a tip:Report ; tip:symbol "A/00/000" ; tip:hasParagraph <document/A-00-000#para-12> .
<document/A-00-000#para-12> a tip:NumberedParagraph ; tip:inDocument <document/A-00-000> ;
    tip:number "12" ; tip:paragraphKey "12" ; tip:position 14 ;
    tip:text "In 2018, ICAT was chaired by UNODC and OSCE, and IOM joined its working group." ;
    tip:mentions <org/UNODC>, <org/OSCE>, <org/IOM>, <mechanism/ICAT> .
<resolution/A-RES-00-1> a tip:Resolution ; tip:symbol "A/RES/00/1" ; tip:adoptedBy <body/GA> ;
    tip:hasParagraph <resolution/A-RES-00-1#op-3> .
<resolution/A-RES-00-1#op-3> a tip:OperativeParagraph ; tip:inDocument <resolution/A-RES-00-1> ; tip:number "3" ;
    tip:text "Urges Member States that have not yet done so to consider ratifying the Protocol." .

<org/UNODC> a tip:UNOffice ; tip:acronym "UNODC" .
<org/OSCE> a tip:RegionalOrganization ; tip:acronym "OSCE" .
<org/IOM> a tip:RelatedOrganization ; tip:acronym "IOM" .
<mechanism/ICAT> a tip:CoordinationMechanism ; tip:acronym "ICAT" .
<body/GA> a tip:PrincipalOrgan .
<group/member-states> a tip:StakeholderGroup .
<rule/chairing-by> a tip:ExtractionRule ; tip:ruleId "chairing-by" .
<rule/request-op> a tip:ExtractionRule ; tip:ruleId "request-op" .

<assertion/chairing-1> a tip:Chairing ;
    tip:holder <org/UNODC> ; tip:role tip:CoChairRole ; tip:context <mechanism/ICAT> ; tip:year "2018"^^xsd:gYear ;
    tip:evidence <document/A-00-000#para-12> ; tip:rule <rule/chairing-by> ; tip:confidence 0.9 ;
    tip:evidenceText "In 2018, ICAT was chaired by UNODC and OSCE" .
<assertion/chairing-2> a tip:Chairing ;
    tip:holder <org/OSCE> ; tip:role tip:CoChairRole ; tip:context <mechanism/ICAT> ; tip:year "2018"^^xsd:gYear ;
    tip:evidence <document/A-00-000#para-12> ; tip:rule <rule/chairing-by> .
<org/UNODC> tip:chairOf <mechanism/ICAT> .

<assertion/membership-1> a tip:Membership ;
    tip:member <org/IOM> ; tip:organization <mechanism/ICAT> ; tip:since "2018"^^xsd:gYear ;
    tip:evidence <document/A-00-000#para-12> .
<org/IOM> tip:memberOf <mechanism/ICAT> .

<assertion/request-1> a tip:Request ;
    tip:resolution <resolution/A-RES-00-1> ; tip:proponent <body/GA> ; tip:verb tip:VerbUrge ;
    tip:verbText "Urges" ; tip:addressee <assertion/request-1-addressee> ; tip:paragraphNumber "3" ;
    tip:action "to consider ratifying the Protocol" ; tip:reported false ;
    tip:evidence <resolution/A-RES-00-1#op-3> ; tip:rule <rule/request-op> .
<assertion/request-1-addressee> a tip:Addressee ; tip:includes <group/member-states> .

<initiative/joint-programme> a tip:Programme .
<assertion/partnership-1> a tip:Partnership ;
    tip:initiative <initiative/joint-programme> ; tip:partner <org/UNODC>, <org/IOM> ;
    tip:evidence <document/A-00-000#para-12> .
<org/UNODC> tip:partnerOf <org/IOM> .
"""

FORBIDDEN = [
    OWL.disjointWith, OWL.AllDisjointClasses, OWL.propertyDisjointWith, OWL.AllDisjointProperties,
    OWL.FunctionalProperty, OWL.InverseFunctionalProperty, OWL.AsymmetricProperty, OWL.IrreflexiveProperty,
    OWL.cardinality, OWL.maxCardinality, OWL.minCardinality, OWL.qualifiedCardinality,
    OWL.maxQualifiedCardinality, OWL.minQualifiedCardinality, OWL.hasKey, OWL.complementOf, OWL.sameAs,
    OWL.differentFrom, OWL.AllDifferent, OWL.disjointUnionOf,
]


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY_DIR / "tipkg.ttl")


@pytest.fixture(scope="module")
def verbs() -> Graph:
    return Graph().parse(ONTOLOGY_DIR / "verbs.ttl")


@pytest.fixture(scope="module")
def context() -> dict:
    return json.loads((ONTOLOGY_DIR / "context.jsonld").read_text(encoding="utf-8"))["@context"]


def tip_terms(graph: Graph) -> set[URIRef]:
    """Every tip: IRI the graph says something about."""
    return {s for s in graph.subjects() if isinstance(s, URIRef) and s.startswith(str(TIP))}


def expand(curie: str) -> str:
    prefix, _, local = curie.partition(":")
    return STANDARD_PREFIXES[prefix] + local if prefix in STANDARD_PREFIXES else curie


# --- files ---

def test_ontology_files_parse(ontology, verbs):
    assert len(ontology) > 500
    assert len(verbs) > 100


def test_context_is_json_with_a_context():
    data = json.loads((ONTOLOGY_DIR / "context.jsonld").read_text(encoding="utf-8"))
    assert isinstance(data.get("@context"), dict)
    assert data["@context"].get("@version") == 1.1


# --- the ontology header ---

def test_exactly_one_ontology_with_version_license_and_creator(ontology, verbs):
    ontologies = set((ontology + verbs).subjects(RDF.type, OWL.Ontology))
    assert ontologies == {ONTOLOGY_IRI}
    assert ontology.value(ONTOLOGY_IRI, OWL.versionInfo) == Literal("0.1.0")
    assert ontology.value(ONTOLOGY_IRI, OWL.versionIRI) == URIRef("https://w3id.org/tipkg/ontology/0.1.0")
    assert ontology.value(ONTOLOGY_IRI, DCTERMS.license) == URIRef("https://creativecommons.org/licenses/by/4.0/")
    assert ontology.value(ONTOLOGY_IRI, DCTERMS.creator) == Literal("tipkg developers")
    for predicate in (DCTERMS.title, DCTERMS.description, DCTERMS.created, DCTERMS.modified):
        assert ontology.value(ONTOLOGY_IRI, predicate) is not None, predicate


# --- every term documented ---

def test_every_tip_term_has_an_english_label_and_comment(ontology):
    for term in tip_terms(ontology):
        for predicate in (RDFS.label, RDFS.comment):
            english = [o for o in ontology.objects(term, predicate) if isinstance(o, Literal) and o.language == "en"]
            assert english, f"{term} has no English {predicate}"


def test_every_tip_term_is_defined_by_the_ontology(ontology, verbs):
    for graph in (ontology, verbs):
        for term in tip_terms(graph):
            assert (term, RDFS.isDefinedBy, ONTOLOGY_IRI) in graph, term


# --- the names the code uses ---

@pytest.mark.parametrize("name", CLASSES)
def test_class_is_defined(ontology, name):
    assert (TIP[name], RDF.type, OWL.Class) in ontology


@pytest.mark.parametrize("name", OBJECT_PROPERTIES)
def test_object_property_is_defined(ontology, name):
    assert (TIP[name], RDF.type, OWL.ObjectProperty) in ontology
    assert (TIP[name], RDF.type, OWL.DatatypeProperty) not in ontology


@pytest.mark.parametrize("name,datatype", sorted(DATATYPE_PROPERTIES.items()), ids=sorted(DATATYPE_PROPERTIES))
def test_datatype_property_is_defined_with_its_xsd_range(ontology, name, datatype):
    assert (TIP[name], RDF.type, OWL.DatatypeProperty) in ontology
    assert (TIP[name], RDF.type, OWL.ObjectProperty) not in ontology
    assert set(ontology.objects(TIP[name], RDFS.range)) == {datatype}


def test_every_tip_property_has_one_kind(ontology):
    kinds = (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, OWL.Class)
    for term in tip_terms(ontology):
        declared = [k for k in kinds if (term, RDF.type, k) in ontology]
        assert len(declared) <= 1, (term, declared)


@pytest.mark.parametrize("name", ROLES)
def test_role_individual_is_defined(ontology, name):
    assert (TIP[name], RDF.type, TIP.Role) in ontology
    assert (TIP[name], SKOS.inScheme, TIP.Roles) in ontology


def test_chair_role_labels(ontology):
    assert ontology.value(TIP.ChairRole, SKOS.prefLabel) == Literal("chair", lang="en")
    assert ontology.value(TIP.CoChairRole, SKOS.prefLabel) == Literal("co-chair", lang="en")


# --- alignments ---

@pytest.mark.parametrize("triple", ALIGNMENTS, ids=lambda t: f"{t[0].split('#')[-1]} {t[1].n3()} {t[2]}")
def test_alignment(ontology, triple):
    assert triple in ontology


def test_external_terms_are_declared_so_the_file_is_self_contained(ontology):
    """Every non-tip class or property the ontology points to is declared with its defining vocabulary."""
    builtin = (str(OWL), str(RDFS), str(RDF), str(XSD))
    pointers = (RDFS.subClassOf, RDFS.subPropertyOf, RDFS.domain, RDFS.range, OWL.inverseOf)
    for predicate in pointers:
        for term in ontology.objects(None, predicate):
            if str(term).startswith((str(TIP), *builtin)):
                continue
            kinds = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty}
            assert kinds & set(ontology.objects(term, RDF.type)), f"{term} is not declared"
            assert ontology.value(term, RDFS.isDefinedBy) is not None, f"{term} has no rdfs:isDefinedBy"


def test_no_axiom_that_would_merge_or_contradict_nodes(ontology, verbs):
    graph = ontology + verbs
    for term in FORBIDDEN:
        assert not any(graph.triples((None, term, None))), term
        assert not any(graph.triples((None, RDF.type, term))), term


# --- the verb lexicon ---

@pytest.mark.parametrize("name,stance", sorted(VERB_STANCES.items()))
def test_verb_is_in_the_lexicon(verbs, name, stance):
    verb = TIP[name]
    assert (verb, RDF.type, TIP.Verb) in verbs
    assert (verb, SKOS.inScheme, TIP.Verbs) in verbs
    assert verbs.value(verb, SKOS.prefLabel).language == "en"
    assert verbs.value(verb, SKOS.definition) is not None
    assert list(verbs.objects(verb, SKOS.altLabel)), f"{name} has no written forms"
    found = verbs.value(verb, TIP.stance)
    assert (str(found) if found is not None else None) == stance


def test_verb_base_forms_and_written_forms(verbs):
    assert verbs.value(TIP.VerbCallUpon, SKOS.prefLabel) == Literal("call upon", lang="en")
    urge_forms = {str(o) for o in verbs.objects(TIP.VerbUrge, SKOS.altLabel)}
    assert {"urges", "urged", "Urges"} <= urge_forms


def test_each_written_form_names_one_verb(verbs):
    owners: dict[str, URIRef] = {}
    for verb in verbs.subjects(RDF.type, TIP.Verb):
        pref = str(verbs.value(verb, SKOS.prefLabel))
        alts = [str(o) for o in verbs.objects(verb, SKOS.altLabel)]
        assert pref not in alts, f"{verb}: prefLabel repeated as altLabel"
        for form in [pref, *alts]:
            assert owners.setdefault(form, verb) == verb, f"{form!r} names {owners[form]} and {verb}"


# --- OWL 2 RL: consistent, and no node merged with another ---

@pytest.fixture(scope="module")
def closure(ontology, verbs) -> Graph:
    graph = Graph()
    graph += ontology
    graph += verbs
    graph.parse(data=SAMPLE_ABOX, format="turtle")
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(graph)
    return graph


def test_owl_rl_closure_has_no_unsatisfiable_individual(closure):
    assert not list(closure.subjects(RDF.type, OWL.Nothing))


def test_owl_rl_closure_reports_no_error(closure):
    errors = Namespace("http://www.daml.org/2002/03/agents/agent-ont#")
    assert not [str(m) for m in closure.objects(None, errors.error)]


def test_owl_rl_closure_merges_no_two_nodes(closure):
    merged = [(s, o) for s, o in closure.subject_objects(OWL.sameAs) if s != o]
    assert not merged


def test_owl_rl_closure_reads_the_sample_in_undo_and_org_terms(closure):
    base = Namespace("https://w3id.org/tipkg/")
    chairing, unodc, iom = base["assertion/chairing-1"], base["org/UNODC"], base["org/IOM"]
    assert (unodc, TVC.hasValue, chairing) in closure  # tip:holder is the inverse of tvc:hasValue
    assert (chairing, RDF.type, UNDO.ValueInTimeAndContext) in closure
    assert (chairing, TVC.withValue, TIP.CoChairRole) in closure
    assert (base["assertion/request-1"], RDF.type, UNDO.Relation) in closure
    assert (base["assertion/request-1"], UNDO.hasSemantics, TIP.VerbUrge) in closure
    assert (base["assertion/membership-1"], ORG.member, iom) in closure
    assert (iom, TIP.partnerOf, unodc) in closure  # symmetric
    assert (base["assertion/partnership-1"], PROV.wasDerivedFrom, base["document/A-00-000#para-12"]) in closure
    assert (unodc, RDF.type, PROV.Agent) in closure
    assert (base["mechanism/ICAT"], RDF.type, ORG.Organization) in closure


# --- the JSON-LD context ---

def test_context_declares_the_standard_prefixes(context):
    for prefix, iri in STANDARD_PREFIXES.items():
        assert context.get(prefix) == iri, prefix


def test_every_context_term_maps_to_a_defined_iri(context, ontology):
    for term, definition in context.items():
        if term.startswith("@") or term in STANDARD_PREFIXES:
            continue
        curie = definition if isinstance(definition, str) else definition["@id"]
        iri = URIRef(expand(curie))
        assert iri != URIRef(curie), f"{term}: {curie} uses an unknown prefix"
        if iri.startswith(str(TIP)):
            assert (iri, RDFS.isDefinedBy, ONTOLOGY_IRI) in ontology, f"{term}: {iri} is not defined in tipkg.ttl"
        else:
            assert any(iri.startswith(ns) for ns in STANDARD_PREFIXES.values()), f"{term}: {iri}"


def test_context_types_follow_the_ontology(context, ontology):
    for term, definition in context.items():
        if not isinstance(definition, dict):
            continue
        iri = URIRef(expand(definition["@id"]))
        if (iri, RDF.type, OWL.ObjectProperty) in ontology:
            assert definition.get("@type") == "@id", term
        elif (iri, RDF.type, OWL.DatatypeProperty) in ontology:
            if ontology.value(iri, RDFS.range) == XSD.string:
                # plain strings: a JSON-LD 1.1 string coerced to xsd:string would not compact back to its term
                assert "@type" not in definition, term
            else:
                assert URIRef(expand(definition["@type"])) == ontology.value(iri, RDFS.range), term


def test_context_covers_every_tip_class_and_property(context, ontology):
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
    for kind in kinds:
        for term in ontology.subjects(RDF.type, kind):
            if term.startswith(str(TIP)):
                local = term[len(str(TIP)):]
                assert local in context, f"{local} is missing from context.jsonld"


def test_context_labels(context):
    assert expand(context["label"]) == str(RDFS.label)
    assert expand(context["prefLabel"]) == str(SKOS.prefLabel)
    assert expand(context["altLabel"]) == str(SKOS.altLabel)


def test_context_reads_json_ld_into_the_ontology_terms(context):
    document = {
        "@context": context,
        "@id": "https://w3id.org/tipkg/assertion/chairing-1",
        "@type": "Chairing",
        "holder": "https://w3id.org/tipkg/org/UNODC",
        "role": "tip:ChairRole",
        "year": "2018",
        "evidenceText": "In 2018, ICAT was chaired by UNODC.",
        "label": "UNODC chairing ICAT, 2018",
    }
    graph = Graph().parse(data=json.dumps(document), format="json-ld")
    node = URIRef("https://w3id.org/tipkg/assertion/chairing-1")
    assert (node, RDF.type, TIP.Chairing) in graph
    assert (node, TIP.holder, URIRef("https://w3id.org/tipkg/org/UNODC")) in graph
    assert (node, TIP.role, TIP.ChairRole) in graph
    assert (node, TIP.year, Literal("2018", datatype=XSD.gYear)) in graph
    assert (node, RDFS.label, Literal("UNODC chairing ICAT, 2018")) in graph
    assert not any(isinstance(o, BNode) for o in graph.objects())


def test_every_tip_term_the_seeds_graph_uses_is_defined(seed_store, ontology, verbs):
    """A property or class the graph stage writes but the ontology lacks would be invisible to users of the
    ontology (docs, JSON-LD, validation): every tip: predicate, type and object of the seeds' graph is defined."""
    import pyoxigraph as ox

    from tipkg.store import open_store

    defined = {str(s) for g in (ontology, verbs) for s in g.subjects() if str(s).startswith(str(TIP))}
    used = set()
    for q in open_store(seed_store).quads_for_pattern(None, None, None, None):
        for term in (q.predicate, q.object):
            if isinstance(term, ox.NamedNode) and term.value.startswith(str(TIP)):
                used.add(term.value)
    assert used, "the seeds' graph uses no tip: term"
    assert sorted(used - defined) == []
