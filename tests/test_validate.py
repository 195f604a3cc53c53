"""The SHACL gate: every shape of ontology/shapes.ttl and shapes-union.ttl accepts a conforming graph and
rejects a broken one with its message; findings name the document and paragraph; the seeds' graph conforms.
"""
from __future__ import annotations

import functools
from dataclasses import astuple
import pyoxigraph as ox
import pytest
import rdflib
from rdflib.namespace import RDF, SH

from tipkg.store import ENTITIES_GRAPH, with_descriptions
from tipkg.validate import SHAPES_FILE, UNION_SHAPES_FILE, validate_graph, validate_union
from conftest import CORPUS_TEXTS

PREFIXES = """
@prefix tip: <https://w3id.org/tipkg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix d: <https://w3id.org/tipkg/> .
"""
# a document with one paragraph, the evidence of the assertions below (as the graph stage writes them)
DOCUMENT = """
d:document\\/A-74-189 a tip:Document, tip:Report ; rdfs:label "A/74/189" ; tip:symbol "A/74/189" ;
    tip:distributionDate "2019-06-18"^^xsd:date ; tip:hasParagraph <https://w3id.org/tipkg/document/A-74-189#para-43> .
<https://w3id.org/tipkg/document/A-74-189#para-43> a tip:Paragraph, tip:NumberedParagraph ; rdfs:label "A/74/189 para. 43" ;
    tip:paragraphKey "43" ; tip:text "In 2018, ICAT was chaired by UNODC." ; tip:inDocument d:document\\/A-74-189 ;
    tip:startOffset 100 ; tip:endOffset 140 ; tip:position 42 .
d:rule\\/r a tip:ExtractionRule ; rdfs:label "r" ; tip:ruleId "chairing.year-list" .
"""
AGENTS = """
d:org\\/UNODC a tip:UNOffice ; rdfs:label "United Nations Office on Drugs and Crime" ; tip:acronym "UNODC" .
d:org\\/IOM a tip:RelatedOrganization ; rdfs:label "International Organization for Migration" .
d:org\\/ILO a tip:SpecializedAgency ; rdfs:label "International Labour Organization" .
d:org\\/ICAT a tip:CoordinationMechanism ; rdfs:label "Inter-Agency Coordination Group against Trafficking in Persons" ;
    tip:established "2007"^^xsd:gYear .
d:state\\/JPN a tip:MemberState ; rdfs:label "Japan" ; tip:iso3 "JPN" ; tip:m49 "392" .
d:instrument\\/PROTOCOL a tip:Protocol ; rdfs:label "Trafficking in Persons Protocol" .
"""
EVIDENCE = """tip:evidence <https://w3id.org/tipkg/document/A-74-189#para-43> ; tip:evidenceText "In 2018, ICAT was chaired by UNODC." ;
    tip:rule d:rule\\/r ; rdfs:label "an assertion" """


def turtle_triples(ttl: str):
    """The triples of a document graph written in Turtle."""
    return [(t.subject, t.predicate, t.object) for t in ox.parse(PREFIXES + ttl, format=ox.RdfFormat.TURTLE)]


def findings(ttl: str):
    """The SHACL findings of a document graph written in Turtle."""
    return validate_graph(turtle_triples(ttl), "A_74_189.txt").findings


def messages(ttl: str) -> list[str]:
    return [f.message for f in findings(ttl)]


def assertion(cls: str, body: str) -> str:
    return f"{DOCUMENT}{AGENTS}d:assertion\\/x a tip:Assertion, tip:{cls} ; {EVIDENCE} ; {body} ."


# shape -> (a conforming graph, a broken one, the message the broken one gets)
CASES = {
    "AgentShape": (AGENTS, AGENTS + 'd:org\\/UNODC tip:acronym "ODC" .',
                   "has more than one acronym, or an empty one"),
    "StateShape": (AGENTS, AGENTS.replace('tip:iso3 "JPN"', 'tip:iso3 "jp"'),
                   "a State has exactly one ISO 3166 alpha-3 code (three capital letters)"),
    "GovernmentShape": (AGENTS + 'd:government\\/JPN a tip:Government ; rdfs:label "Government of Japan" ; tip:governmentOf d:state\\/JPN .',
                        AGENTS + 'd:government\\/JPN a tip:Government ; rdfs:label "Government of Japan" .',
                        "a government is the government of exactly one State or territory"),
    "OrganizationShape": (AGENTS, AGENTS + 'd:org\\/ICAT tip:established "2008"^^xsd:gYear .',
                          "an organization has at most one year of establishment, an xsd:gYear"),
    "PersonShape": ('d:person\\/a a tip:Person ; rdfs:label "Nadia Murad" .', 'd:person\\/a a tip:Person .',
                    "must have exactly one non-empty label"),
    "PlaceShape": (AGENTS + 'd:place\\/VIE a tip:City ; rdfs:label "Vienna" .',
                   AGENTS + 'd:place\\/VIE a tip:City ; rdfs:label "Vienna" ; tip:locatedIn d:org\\/UNODC .',
                   "a place lies in at most one other place"),
    "InstrumentShape": (AGENTS, AGENTS + 'd:instrument\\/PROTOCOL rdfs:label "Palermo Protocol" .',
                        "must have exactly one non-empty label"),
    "InitiativeShape": (AGENTS + 'd:initiative\\/glo-act a tip:Programme ; rdfs:label "GLO.ACT" ; tip:ledBy d:org\\/UNODC ; tip:operatesIn d:state\\/JPN .',
                        AGENTS + 'd:initiative\\/glo-act a tip:Programme ; rdfs:label "GLO.ACT" ; tip:operatesIn d:org\\/UNODC .',
                        "an initiative operates in a place (a State, region or city)"),
    "EventShape": (AGENTS + 'd:event\\/e a tip:Meeting ; rdfs:label "meeting" ; tip:organizedBy d:org\\/UNODC .',
                   AGENTS + 'd:event\\/e a tip:Meeting ; rdfs:label "meeting" ; tip:heldIn d:org\\/UNODC .',
                   "an event is held in a place"),
    "PublicationShape": (AGENTS + 'd:publication\\/g a tip:Toolkit ; rdfs:label "toolkit" ; tip:publishedBy d:org\\/UNODC .',
                         AGENTS + 'd:publication\\/g a tip:Toolkit ; rdfs:label "toolkit" ; tip:publishedBy d:instrument\\/PROTOCOL .',
                         "a publication is published by an agent"),
    "SDGTargetShape": ('d:sdg\\/8.7 a tip:SDGTarget ; rdfs:label "Target 8.7" ; skos:notation "8.7" ; tip:inGoal d:sdg\\/8 . d:sdg\\/8 a tip:SDGGoal ; rdfs:label "Goal 8" .',
                       'd:sdg\\/8.7 a tip:SDGTarget ; rdfs:label "Target 8.7" ; skos:notation "eight" ; tip:inGoal d:sdg\\/8 . d:sdg\\/8 a tip:SDGGoal ; rdfs:label "Goal 8" .',
                       "an SDG target has one notation such as 8.7 or 16.a"),
    "DocumentShape": (DOCUMENT, DOCUMENT.replace('tip:symbol "A/74/189"', 'tip:symbol "001_aaa57c1388cc9d44"'),
                      "a document symbol is one UN symbol such as A/74/189 or E/RES/2021/25"),
    "ResolutionShape": (AGENTS + 'd:org\\/GA a tip:PrincipalOrgan ; rdfs:label "General Assembly" . d:resolution\\/A-RES-72-195 a tip:Resolution ; rdfs:label "72/195" ; tip:symbol "A/RES/72/195" ; tip:adoptedBy d:org\\/GA ; tip:year "2017"^^xsd:gYear .',
                        AGENTS + 'd:org\\/GA a tip:PrincipalOrgan ; rdfs:label "General Assembly" . d:resolution\\/A-RES-72-195 a tip:Resolution ; rdfs:label "72/195" ; tip:symbol "A/RES/72/195", "A/RES/72/196" ; tip:adoptedBy d:org\\/GA .',
                        "a resolution has at most one symbol (none when its body has no symbol series or is not told)"),
    "SectionShape": (DOCUMENT + 'd:document\\/A-74-189\\#sec-II a tip:Section ; rdfs:label "II. Activities" ; tip:heading "II. Activities" ; tip:level 1 ; tip:inDocument d:document\\/A-74-189 ; tip:startOffset 5 ; tip:endOffset 90 .',
                     DOCUMENT + 'd:document\\/A-74-189\\#sec-II a tip:Section ; rdfs:label "II. Activities" ; tip:heading "II. Activities" ; tip:level 0 ; tip:inDocument d:document\\/A-74-189 ; tip:startOffset 5 ; tip:endOffset 90 .',
                     "a section has one heading level, a positive integer"),
    "ParagraphShape": (DOCUMENT, DOCUMENT.replace("tip:startOffset 100 ; tip:endOffset 140", "tip:startOffset 150 ; tip:endOffset 140"),
                       "has one start offset, a non-negative integer not after its end offset"),
    "AssertionShape": (assertion("Membership", "tip:member d:org\\/IOM ; tip:organization d:org\\/ICAT"),
                       assertion("Membership", "tip:member d:org\\/IOM ; tip:organization d:org\\/ICAT").replace(
                           'tip:evidenceText "In 2018, ICAT was chaired by UNODC." ;', ""),
                       "an assertion carries exactly one evidence sentence"),
    "ExtractionRuleShape": (DOCUMENT, DOCUMENT.replace('tip:ruleId "chairing.year-list"', 'tip:ruleId "Chairing Rule!"'),
                            "a rule has exactly one id such as chairing.year-list"),
    "ChairingShape": (assertion("Chairing", 'tip:holder d:org\\/UNODC ; tip:context d:org\\/ICAT ; tip:year "2018"^^xsd:gYear ; tip:role tip:ChairRole'),
                      assertion("Chairing", 'tip:holder d:org\\/UNODC ; tip:context d:org\\/ICAT ; tip:year "2018" ; tip:role tip:ChairRole'),
                      "a chairing has exactly one year, an xsd:gYear"),
    "MembershipShape": (assertion("Membership", 'tip:member d:org\\/IOM ; tip:organization d:org\\/ICAT ; tip:since "2009"^^xsd:gYear'),
                        assertion("Membership", 'tip:member d:org\\/IOM ; tip:member d:org\\/ILO ; tip:organization d:org\\/ICAT'),
                        "a membership has exactly one member"),
    "RatificationShape": (assertion("Ratification", 'tip:state d:state\\/JPN ; tip:instrument d:instrument\\/PROTOCOL ; tip:date "2017-07-11"^^xsd:date ; tip:actionType "acceptance"'),
                          assertion("Ratification", 'tip:state d:state\\/JPN ; tip:instrument d:instrument\\/PROTOCOL ; tip:date "11 July"^^xsd:date'),
                          "a ratification has at most one date, an xsd:date (or year-month, year)"),
    "KeyFigureShape": (assertion("KeyFigure", 'tip:subject d:instrument\\/PROTOCOL ; tip:count 176 ; tip:measure "parties" ; tip:asAt "2019-06-01"^^xsd:date'),
                       assertion("KeyFigure", 'tip:subject d:instrument\\/PROTOCOL ; tip:count -3 ; tip:measure "parties"'),
                       "a key figure has exactly one count, a non-negative integer"),
    "InformationReplyShape": (assertion("InformationReply", "tip:state d:state\\/JPN"),
                              assertion("InformationReply", "tip:state d:instrument\\/PROTOCOL"),
                              "a reply is from exactly one State, territory or agent"),
    "RequestShape": (assertion("Request", 'tip:resolution d:document\\/A-74-189 ; tip:verb tip:VerbUrge ; tip:verbText "Urges" ; tip:action "to ratify the Protocol"'),
                     assertion("Request", 'tip:resolution d:document\\/A-74-189 ; tip:verb d:org\\/UNODC ; tip:verbText "Urges" ; tip:action "to ratify the Protocol"'),
                     "a request has exactly one verb of the lexicon (tip:VerbUrge, ...)"),
    "PositionShape": (assertion("Position", 'tip:resolution d:document\\/A-74-189 ; tip:verb tip:VerbRecall ; tip:verbText "Recalls" ; tip:positionText "its resolution 72/195"'),
                      assertion("Position", 'tip:resolution d:document\\/A-74-189 ; tip:verb tip:VerbRecall ; tip:verbText "Recalls" ; tip:addressee d:assertion\\/x-addressee'),
                      "a position asks no one: what has an addressee is a request"),
    "AddresseeShape": (AGENTS + 'd:assertion\\/x-addressee a tip:Addressee ; rdfs:label "Member States" ; tip:includes d:state\\/JPN .',
                       AGENTS + 'd:assertion\\/x-addressee a tip:Addressee ; rdfs:label "the Protocol" ; tip:includes d:instrument\\/PROTOCOL .',
                       "an addressee includes agents (and territories, whose peoples and authorities resolutions address) only"),
    # the report of 2019 answers the mandate of resolution 72/195 (a Resolution is a Document)
    "LineageLinkShape": (assertion("LineageLink", "tip:linkFrom d:document\\/A-74-189 ; tip:linkTo d:resolution\\/A-RES-72-195 ; "
                                   "tip:lineageRelation tip:SubmittedPursuantTo")
                         + 'd:resolution\\/A-RES-72-195 a tip:Resolution, tip:Document ; rdfs:label "72/195" .',
                         assertion("LineageLink", "tip:linkFrom d:document\\/A-74-189 ; tip:linkTo d:resolution\\/A-RES-72-195 ; "
                                   "tip:lineageRelation tip:VerbRecall")
                         + 'd:resolution\\/A-RES-72-195 a tip:Resolution, tip:Document ; rdfs:label "72/195" .',
                         "a lineage link has exactly one relation of tip:LineageRelations"),
    "MandateShape": (assertion("Mandate", 'tip:resolution d:document\\/A-74-189 ; tip:deliverable "report" ; '
                               'tip:ask "to submit a report at its seventy-fifth session" ; tip:addressedTo "the Secretary-General" ; '
                               'tip:due "2020"^^xsd:gYear'),
                     assertion("Mandate", 'tip:resolution d:document\\/A-74-189 ; tip:deliverable "statement" ; '
                               'tip:ask "to submit a report at its seventy-fifth session" ; tip:addressedTo "the Secretary-General"'),
                     "a mandate asks for one deliverable: report, study or meeting"),
    "ResolutionLinkShape": (assertion("ResolutionLink", "tip:source d:document\\/A-74-189 ; tip:target d:document\\/A-74-189 ; tip:linkVerb tip:VerbRecall"),
                            assertion("ResolutionLink", "tip:source d:document\\/A-74-189 ; tip:linkVerb tip:VerbRecall"),
                            "a link has exactly one cited resolution"),
    "PartnershipShape": (assertion("Partnership", "tip:partner d:org\\/UNODC, d:org\\/IOM"),
                         assertion("Partnership", "tip:partner d:instrument\\/PROTOCOL"),
                         "a partnership has partners, each an agent"),
    "ImplementationShape": (assertion("Implementation", 'tip:initiative d:initiative\\/glo-act ; tip:lead d:org\\/UNODC ; tip:country d:state\\/JPN') +
                            'd:initiative\\/glo-act a tip:Programme ; rdfs:label "GLO.ACT" .',
                            assertion("Implementation", 'tip:initiative d:state\\/JPN ; tip:lead d:org\\/UNODC'),
                            "an implementation is of exactly one initiative, coordination mechanism or organization "
                            "(an office or mission that is its own work)"),
    "OccurrenceShape": (assertion("Occurrence", 'tip:event d:event\\/e ; tip:startDate "2019-05-13"^^xsd:date ; tip:endDate "2019-05-17"^^xsd:date') +
                        'd:event\\/e a tip:Session ; rdfs:label "twenty-eighth session" .',
                        assertion("Occurrence", 'tip:event d:event\\/e ; tip:startDate "2019-05-13"^^xsd:date ; tip:startDate "2019-05-14"^^xsd:date') +
                        'd:event\\/e a tip:Session ; rdfs:label "twenty-eighth session" .',
                        "an event starts on at most one date"),
    "IssuanceShape": (assertion("Issuance", 'tip:publication d:publication\\/g ; tip:publisher d:org\\/UNODC ; tip:year "2018"^^xsd:gYear') +
                      'd:publication\\/g a tip:Toolkit ; rdfs:label "toolkit" .',
                      assertion("Issuance", "tip:publisher d:org\\/UNODC"),
                      "an issuance is of exactly one publication"),
    "OutcomeShape": (assertion("Outcome", 'tip:initiative d:initiative\\/op ; tip:conductedBy d:org\\/UNODC ; tip:country d:state\\/JPN ; tip:figures "500 victims rescued"') +
                     'd:initiative\\/op a tip:Operation ; rdfs:label "Operation Liberterra" .',
                     assertion("Outcome", 'tip:initiative d:initiative\\/op ; tip:conductedBy d:instrument\\/PROTOCOL') +
                     'd:initiative\\/op a tip:Operation ; rdfs:label "Operation Liberterra" .',
                     "a campaign or operation is conducted by agents"),
    "SDGContributionShape": (assertion("SDGContribution", "tip:contributor d:org\\/ILO ; tip:sdgTarget d:sdg\\/8.7") +
                             'd:sdg\\/8.7 a tip:SDGTarget ; rdfs:label "Target 8.7" ; skos:notation "8.7" ; tip:inGoal d:sdg\\/8 . d:sdg\\/8 a tip:SDGGoal ; rdfs:label "Goal 8" .',
                             assertion("SDGContribution", "tip:contributor d:org\\/ILO ; tip:sdgTarget d:state\\/JPN"),
                             "a contribution is to exactly one SDG target"),
    "RoleHoldingShape": (assertion("RoleHolding", 'tip:holder d:person\\/a ; tip:role d:role\\/ambassador ; tip:nationality d:state\\/JPN') +
                         'd:person\\/a a tip:Person ; rdfs:label "Mira Sorvino" .',
                         assertion("RoleHolding", 'tip:holder d:person\\/a ; tip:role d:role\\/ambassador ; tip:nationality d:org\\/UNODC') +
                         'd:person\\/a a tip:Person ; rdfs:label "Mira Sorvino" .',
                         "a person has at most one stated nationality, a State"),
}

# SHACL-SPARQL constraints: rules across fields
CITED = ('<https://w3id.org/tipkg/document/A-74-189#para-43> tip:cites d:resolution\\/x . '
         'd:resolution\\/x a tip:Resolution ; rdfs:label "x" ; tip:symbol "{symbol}" .')
SPARQL_CASES = {
    "NotItsOwnLineage": (CASES["LineageLinkShape"][0],
                         assertion("LineageLink", "tip:linkFrom d:document\\/A-74-189 ; tip:linkTo d:document\\/A-74-189 ; "
                                   "tip:lineageRelation tip:TakesNoteOf"),
                         "a lineage link from a document to itself: https://w3id.org/tipkg/document/A-74-189"),
    "SymbolOfItsBody": (CASES["ResolutionShape"][0],
                        CASES["ResolutionShape"][0].replace('tip:symbol "A/RES/72/195"', 'tip:symbol "A/RES/72/2019"'),
                        "symbol A/RES/72/2019 is not a symbol of a resolution of General Assembly"),
    # the report of 2019 (DOCUMENT) cites, in its paragraph 43, a resolution: of a session that had met, or not
    "AssemblySessionBeforeItsCitation": (
        DOCUMENT + CITED.format(symbol="A/RES/72/195"), DOCUMENT + CITED.format(symbol="A/RES/75/1"),
        "General Assembly resolution A/RES/75/1 of session 75 (opened 2020), cited by a document of 2019"),
    "CouncilSessionBeforeItsCitation": (
        DOCUMENT + CITED.format(symbol="A/HRC/RES/38/2"), DOCUMENT + CITED.format(symbol="A/HRC/RES/60/251"),
        "Human Rights Council resolution A/HRC/RES/60/251 of session 60 (not before 2025), cited by a document of 2019"),
    "ChairWithinLifetime": (CASES["ChairingShape"][0],
                            CASES["ChairingShape"][0].replace('"2018"^^xsd:gYear', '"2005"^^xsd:gYear'),
                            "a chair in 2005 of Inter-Agency Coordination Group against Trafficking in Persons, outside its lifetime (2007 to the document's date 2019)"),
    "OneChairPairPerYear": (
        CASES["ChairingShape"][0],
        CASES["ChairingShape"][0] + "".join(
            f' d:assertion\\/c{i} a tip:Assertion, tip:Chairing ; {EVIDENCE} ; tip:holder {h} ; tip:context d:org\\/ICAT ; tip:year "2018"^^xsd:gYear ; tip:role tip:CoChairRole .'
            for i, h in enumerate(["d:org\\/IOM", "d:org\\/ILO"])),
        "Inter-Agency Coordination Group against Trafficking in Persons has 3 chairs in 2018 in this document: at most one chair or a pair of co-chairs"),
    "NotAfterItsReport": (CASES["RatificationShape"][0],
                          CASES["RatificationShape"][0].replace('"2017-07-11"^^xsd:date', '"2019-07-11"^^xsd:date'),
                          "dated 2019-07-11, after the document that reports it (2019-06-18)"),
    "EndsAfterItStarts": (CASES["OccurrenceShape"][0],
                          CASES["OccurrenceShape"][0].replace('tip:endDate "2019-05-17"', 'tip:endDate "2019-05-10"'),
                          "ends on 2019-05-10, before it starts on 2019-05-13"),
}


def test_every_shape_has_a_case():
    shapes = rdflib.Graph().parse(SHAPES_FILE)
    node_shapes = {str(s).split("#")[1] for s in shapes.subjects(RDF.type, SH.NodeShape)} - {"PartialDate"}
    constraints = {str(s).split("#")[1] for s in shapes.subjects(RDF.type, SH.SPARQLConstraint)}
    assert node_shapes == set(CASES)
    assert constraints == set(SPARQL_CASES)


@pytest.mark.parametrize("shape", sorted(CASES))
def test_shape_accepts_a_conforming_graph_and_rejects_a_broken_one(shape):
    good, bad, message = CASES[shape]
    assert [f.line() for f in findings(good) if f.severity == "Violation"] == []
    assert message in messages(bad), f"{shape}: expected {message!r} among {messages(bad)}"


@pytest.mark.parametrize("constraint", sorted(SPARQL_CASES))
def test_sparql_constraint_accepts_a_conforming_graph_and_rejects_a_broken_one(constraint):
    good, bad, message = SPARQL_CASES[constraint]
    assert [f.line() for f in findings(good) if f.severity == "Violation"] == []
    assert message in messages(bad), f"{constraint}: expected {message!r} among {messages(bad)}"


def test_an_event_at_month_precision_does_not_end_before_a_day_of_that_month():
    good = CASES["OccurrenceShape"][0].replace('tip:endDate "2019-05-17"^^xsd:date', 'tip:endDate "2019-05"^^xsd:gYearMonth')
    assert not [f for f in findings(good) if f.severity == "Violation"]


def test_a_finding_names_the_document_the_paragraph_and_the_node():
    bad = SPARQL_CASES["EndsAfterItStarts"][1]
    [finding] = [f for f in findings(bad) if f.message.startswith("ends on")]
    assert (finding.document, finding.paragraph, finding.label) == ("A_74_189.txt", "43", "an assertion")
    assert finding.line().startswith("A_74_189.txt, paragraph 43: Violation: 'an assertion'")


def test_a_low_confidence_is_a_warning_not_a_violation():
    low = assertion("Membership", "tip:member d:org\\/IOM ; tip:organization d:org\\/ICAT ; tip:confidence 0.3")
    [finding] = findings(low)
    assert finding.severity == "Warning"
    assert "confidence below 0.5" in finding.message


def test_the_report_graph_is_shacl():
    outcome = validate_graph(turtle_triples(SPARQL_CASES["EndsAfterItStarts"][1]), "A_74_189.txt")
    report = rdflib.Graph().parse(data=outcome.report, format="turtle")
    assert (None, SH.conforms, rdflib.Literal(False)) in report
    assert len(list(report.subjects(RDF.type, SH.ValidationResult))) == len(outcome.findings)


# --- across documents ---------------------------------------------------------------------------------

DESCRIPTIONS = {"http://www.w3.org/2000/01/rdf-schema#label", "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
                "http://www.w3.org/2004/02/skos/core#prefLabel", "https://w3id.org/tipkg/ontology#acronym"}


def union_store(*graphs: str) -> ox.Store:
    """A store as a build leaves it: document graphs (what each states), the entities graph (the labels and types of
    the nodes they share, once) and the ontology's graph (class hierarchy)."""
    store = ox.Store()
    store.load(path=str(SHAPES_FILE.parent / "tipkg.ttl"), format=ox.RdfFormat.TURTLE,
               to_graph=ox.NamedNode("https://w3id.org/tipkg/ontology"))
    for i, ttl in enumerate(graphs):
        for t in ox.parse(PREFIXES + ttl, format=ox.RdfFormat.TURTLE):
            shared = t.predicate.value in DESCRIPTIONS and "/assertion/" not in t.subject.value
            store.add(ox.Quad(t.subject, t.predicate, t.object,
                              ox.NamedNode(ENTITIES_GRAPH if shared else f"https://w3id.org/tipkg/graph/d{i}")))
    return store


CHAIR = 'd:assertion\\/{n} a tip:Chairing ; tip:holder {h} ; tip:context d:org\\/ICAT ; tip:year "2018"^^xsd:gYear .'
RESOLUTION = 'd:org\\/{b} rdfs:label "{label}" . d:resolution\\/A-RES-72-195 a tip:Resolution ; tip:symbol "A/RES/72/195" ; tip:adoptedBy d:org\\/{b} .'


def test_union_shapes_are_all_tested():
    shapes = rdflib.Graph().parse(UNION_SHAPES_FILE)
    assert {str(s).split("#")[1] for s in shapes.subjects(RDF.type, SH.NodeShape)} == {
        "UnionChairsPerYear", "UnionOneSymbolOneResolution", "UnionOneAdoptingOrgan"}


def test_an_office_is_the_initiative_of_its_own_work_in_the_country_it_is_named_after():
    # "the United Nations Integrated Office in Haiti (BINUH)": one node, the office, not an initiative named like it
    office = 'd:org\\/BINUH a tip:UNEntity ; rdfs:label "United Nations Integrated Office in Haiti" . '
    assert messages(office + assertion("Implementation", "tip:initiative d:org\\/BINUH ; tip:lead d:org\\/BINUH ; "
                                                         "tip:country d:state\\/JPN")) == []


def test_documents_naming_three_chairs_for_one_year_are_flagged():
    good = union_store(AGENTS + CHAIR.format(n="a", h="d:org\\/UNODC"), AGENTS + CHAIR.format(n="b", h="d:org\\/IOM"))
    bad = union_store(AGENTS + CHAIR.format(n="a", h="d:org\\/UNODC"), AGENTS + CHAIR.format(n="b", h="d:org\\/IOM"),
                      AGENTS + CHAIR.format(n="c", h="d:org\\/ILO"))
    assert validate_union(good) == []
    [finding] = validate_union(bad)
    assert finding.severity == "Warning" and finding.message.startswith(
        "documents name 3 chairs of Inter-Agency Coordination Group against Trafficking in Persons in 2018")


def test_two_resolution_nodes_with_one_symbol_are_flagged():
    one = 'd:resolution\\/A-RES-72-195 a tip:Resolution ; tip:symbol "A/RES/72/195" .'
    other = 'd:resolution\\/A-RES-72-195-bis a tip:Resolution ; tip:symbol "A/RES/72/195" .'
    assert validate_union(union_store(one, one)) == []
    [finding] = validate_union(union_store(one, other))
    assert finding.message.startswith("symbol A/RES/72/195 names two resolution nodes")


def test_documents_disagreeing_on_the_adopting_organ_are_flagged():
    ga = RESOLUTION.format(b="GA", label="General Assembly")
    sc = RESOLUTION.format(b="SC", label="Security Council")
    assert validate_union(union_store(ga, ga)) == []
    [finding] = validate_union(union_store(ga, sc))
    assert finding.message == "documents disagree on the organ that adopted A/RES/72/195: General Assembly, Security Council" \
        or finding.message == "documents disagree on the organ that adopted A/RES/72/195: Security Council, General Assembly"


# --- the project's pySHACL strategy gives stock pySHACL's results ---------------------------------------

def stock_pyshacl_results(triples) -> set[tuple]:
    """SHACL Core results of stock pySHACL (each property shape evaluated once per focus node) on the same data
    graph as DocumentValidator: the document's triples beside the ontology's class hierarchy."""
    import pyshacl
    from tipkg.validate import _class_hierarchy, _to_rdflib

    shapes = rdflib.Graph().parse(SHAPES_FILE)
    shapes.remove((None, SH.sparql, None))
    data = rdflib.Graph()
    for triple in triples:
        data.add(tuple(_to_rdflib(t) for t in triple))
    for triple in _class_hierarchy():
        data.add(triple)
    return results(pyshacl.validate(data, shacl_graph=shapes, allow_warnings=True, allow_infos=True)[1])


@functools.lru_cache(maxsize=1)
def core_validator():
    from tipkg.validate import DocumentValidator
    validator = DocumentValidator(engine="pyshacl")
    validator.sparql = ()  # SHACL Core only, as stock_pyshacl_results
    return validator


def core_results(triples) -> set[tuple]:
    return results(core_validator().validate(triples).report_graph)


def results(report: rdflib.Graph) -> set[tuple]:
    return {tuple(str(report.value(r, p)) for p in (SH.focusNode, SH.resultPath, SH.value, SH.resultMessage, SH.resultSeverity))
            for r in report.subjects(RDF.type, SH.ValidationResult)}


@pytest.mark.parametrize("shape", sorted(CASES))
def test_batched_property_shapes_give_stock_pyshacl_results(shape):
    for ttl in CASES[shape][:2]:
        triples = turtle_triples(ttl)
        assert core_results(triples) == stock_pyshacl_results(triples)


def test_batched_property_shapes_give_stock_pyshacl_results_on_a_broken_seed(seed_store):
    """A real document graph with many nodes per shape, broken in several of them at once."""
    store = ox.Store.read_only(str(seed_store / "current" / "oxigraph"))
    graph = next(g for g in store.named_graphs() if "/graph/" in g.value)
    triples = [(t.subject, t.predicate, t.object) for t in with_descriptions(store, graph.value)]
    label = ox.NamedNode(str(rdflib.RDFS.label))
    labelled = [t for t in triples if t[1] == label]
    broken = [t for t in triples if t not in labelled[::7]]  # every seventh node loses its label
    broken += [(s, label, ox.Literal("")) for s, _, _ in labelled[1::11]]  # and others get an empty second one
    assert core_results(broken) == stock_pyshacl_results(broken)
    assert len(core_results(broken)) > 20


# --- pyshacl-turbo (the build's engine) gives pySHACL's findings -----------------------------------------

@functools.lru_cache(maxsize=2)
def engine(name: str):
    from tipkg.validate import DocumentValidator
    return DocumentValidator(engine=name)


def same_findings_on_both_engines(triples) -> list[tuple]:
    """Asserts that pyshacl-turbo and pySHACL find the same things (severity, message, focus, label, path, value,
    shape, paragraph) in a document graph; returns them."""
    turbo, pyshacl = (sorted((astuple(f) for f in engine(name).validate(triples, "d.txt").findings), key=repr)
                      for name in ("turbo", "pyshacl"))
    assert turbo == pyshacl
    return turbo


@pytest.mark.parametrize("case", [(cases, name, i) for cases in ("CASES", "SPARQL_CASES")
                                  for name in sorted(globals()[cases]) for i in (0, 1)])
def test_turbo_gives_pyshacl_findings_on_every_shape_case(case):
    cases, name, i = case
    found = same_findings_on_both_engines(turtle_triples(globals()[cases][name][i]))
    assert globals()[cases][name][2] in [f[1] for f in found] if i else not [f for f in found if f[0] == "Violation"]


def test_a_nested_date_shape_reports_the_same_message_on_both_engines():
    """pySHACL and pyshacl-turbo word the default message of a failing sh:or differently: the date shape has its own."""
    found = same_findings_on_both_engines(turtle_triples(CASES["RatificationShape"][1]))
    assert "a date is an xsd:date, xsd:gYearMonth or xsd:gYear" in [f[1] for f in found]


def seed_graphs(seed_store) -> list[list]:
    store = ox.Store.read_only(str(seed_store / "current" / "oxigraph"))
    # each document's graph as the build validated it: with the descriptions of its nodes (the entities graph)
    return [[(t.subject, t.predicate, t.object) for t in with_descriptions(store, g.value)]
            for g in sorted(store.named_graphs(), key=lambda g: g.value) if "/graph/" in g.value]


def test_turbo_gives_pyshacl_findings_on_the_seeds(seed_store):
    graphs = seed_graphs(seed_store)
    assert len(graphs) == 3
    for triples in graphs:
        same_findings_on_both_engines(triples)
    label = ox.NamedNode(str(rdflib.RDFS.label))  # and a seed broken in many nodes, as above
    labelled = [t for t in graphs[0] if t[1] == label]
    broken = [t for t in graphs[0] if t not in labelled[::7]] + [(s, label, ox.Literal("")) for s, _, _ in labelled[1::11]]
    assert len(same_findings_on_both_engines(broken)) > 20


@pytest.mark.slow
def test_turbo_gives_pyshacl_findings_on_a_hundred_corpus_documents():
    """Every 11th General Assembly text of the corpus (the sample of benchmarks/SHACL.md)."""
    from pathlib import Path
    from tipkg.build import _init_worker
    from tipkg.ingest import ingest, read_document

    corpus = sorted(CORPUS_TEXTS.glob("*.txt"))[::11][:100]
    assert len(corpus) == 100
    extractor, builder = _init_worker(None)
    for path in corpus:
        same_findings_on_both_engines(list(builder.build(extractor(ingest(path, read_document(path))))))


def test_the_engine_is_chosen_by_tipkg_shacl(monkeypatch):
    from tipkg.validate import engine_setting
    monkeypatch.delenv("TIPKG_SHACL", raising=False)
    assert engine_setting() == "turbo"
    monkeypatch.setenv("TIPKG_SHACL", "pyshacl")
    assert engine_setting() == "pyshacl"
    monkeypatch.setenv("TIPKG_SHACL", "jena")
    with pytest.raises(ValueError, match="TIPKG_SHACL"):
        engine_setting()
