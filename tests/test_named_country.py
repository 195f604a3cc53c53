"""Initiatives named after the State they work in (tipkg.extract.relations.implementation, rule
implementation.named-country): real paragraphs of S/2025/303 (UNODC report on Haiti to the Security Council) and of the
unhk corpus."""
from __future__ import annotations

from pathlib import Path

from seed_paragraphs import extractor
from test_partnerships_reports import P59
from tipkg.model import Document, DocumentMetadata, Paragraph

REPORT = DocumentMetadata(symbol="S/2025/303", issuing_body="Security Council", kind="letter")


def named_countries(number: str, text: str, metadata: DocumentMetadata = REPORT) -> list[tuple[str, str, str | None]]:
    kind = "preambular" if number.startswith("PP") else "numbered"
    paragraph = Paragraph(number, kind, number, text, 0, len(text), 0, None)
    document = Document("doc", Path("doc.txt"), text, metadata, [], [paragraph], "")
    out = []
    for a in extractor()(document).assertions:
        if a.rule == "implementation.named-country":
            lead = a.roles.get("lead") or [None]
            out.append((a.roles["initiative"][0].label, a.roles["country"][0].label,
                        lead[0].acronym if lead[0] is not None else None))
    return out


P1 = (  # S/2025/303, annex, paragraph 1
    'The present report is submitted pursuant to paragraph 9 of Security Council resolution 2692 (2023) '
    'as renewed by paragraph 19 of Security Council resolution 2743 (2024). Specifically, the Security '
    'Council tasked the United Nations Office on Drugs and Crime (UNODC) with reporting to the Council '
    'every three months, concurrently with the reporting cycle of the United Nations Integrated Office in '
    'Haiti (BINUH). UNODC submitted six reports to the Security Council from April 2023 to November 2024. '
    'The present report covers the period from January to March 2025, a period of deepening instability '
    'and intensifying violence in Haiti despite the partial deployment of the Multinational Security '
    'Support Mission authorized by the Security Council.')

P49 = (  # S/2025/303, annex, paragraph 49
    'The United States has also started expelling Haitian nationals under new executive orders. In '
    'February 2025, the United States deported its first group of Haitians under the new rules,⁵² '
    'followed by the removal of 46 individuals a month later. Up to 500,000 Haitians face risk of '
    'deportation after August 2025 when the changes under the Temporary Protected Status for Haiti '
    'programme take effect.⁵³ Many returnees confront extreme dangers upon their return, including the '
    'threat of recruitment by organized criminal groups and trafficking in persons. The lack of '
    'comprehensive reintegration measures for deported individuals remains an urgent challenge requiring '
    'coordinated efforts from both national Governments and international agencies.')

# unhk A_79_761 (UNDOF budget report), paragraph 17: an office for a State named after a post is no initiative there
UNDOF_17 = ("UNDOF will continue to provide administrative support to the Office of the Special Envoy of the "
            "Secretary-General for Syria, in the Force’s capacity as the United Nations house bank for the Syrian Arab "
            "Republic, as well as for procurement services and financial services, on a cost-recovery basis.")
# unhk A/HRC/RES/51/20, a preambular paragraph: a mission the gazetteer may not hold, named after its State
UNAMA = ("Reiterating its support for the work of the United Nations Assistance Mission in Afghanistan and the Special "
         "Representative of the Secretary-General for Afghanistan with a view to facilitating an inclusive peace and "
         "reconciliation process in Afghanistan,")
RESOLUTION = DocumentMetadata(symbol="A/HRC/RES/51/20", issuing_body="Human Rights Council", kind="resolution")


def test_an_office_the_gazetteer_holds_works_in_the_state_of_its_name():
    assert named_countries("1", P1) == [("United Nations Integrated Office in Haiti", "Haiti", "BINUH")]
    # one node for one real thing: the office itself is the initiative, not an initiative named like it
    paragraph = Paragraph("1", "numbered", "1", P1, 0, len(P1), 0, None)
    document = Document("doc", Path("doc.txt"), P1, REPORT, [], [paragraph], "")
    [a] = [a for a in extractor()(document).assertions if a.rule == "implementation.named-country"]
    assert a.roles["initiative"] == a.roles["lead"] and a.roles["initiative"][0].kind == "organization"


def test_a_programme_for_a_state_and_a_task_force_named_after_it():
    assert named_countries("49", P49) == [("Temporary Protected Status for Haiti programme", "Haiti", None)]
    assert named_countries("59", P59) == [("Haiti Anti-Corruption Task Force", "Haiti", None)]


def test_a_mission_in_a_state_read_in_a_resolution():
    assert ("United Nations Assistance Mission in Afghanistan", "Afghanistan") in [
        (i, c) for i, c, _ in named_countries("PP5", UNAMA, RESOLUTION)]


def test_an_office_named_after_a_post_and_a_house_bank_for_a_state_are_no_initiative():
    assert named_countries("17", UNDOF_17) == []


# S/RES/1996 (2011), PP6 and OP15 (corpus unhk): MONUSCO named in full, then its name written without an article
PP6_1996 = ("Underscoring the need for coherent UN activities in the Republic of South Sudan, which requires clarity about "
            "roles, responsibilities, and collaboration between UNMISS and the UN Country Team, and noting the need for "
            "cooperation with other relevant actors in the region, including the African Union-United Nations Hybrid "
            "Mission in Darfur (UNAMID), the UN Interim Security Force for Abyei (UNISFA), and the United Nations "
            "Organization Stabilization Mission in the Democratic Republic of the Congo (MONUSCO),")
OP15_1996 = ("Calls upon UNMISS to coordinate with the Government of the Republic of South Sudan and participate in "
             "regional coordination and information mechanisms to improve protection of civilians and support "
             "disarmament, demobilization and reintegration efforts in light of the attacks by the LRA in the Republic of "
             "South Sudan and requests the Secretary General to include in his UNMISS trimesterly reports a summary of "
             "cooperation and information sharing between UNMISS, the African Union/United Nations Hybrid Operation in "
             "Darfur (UNAMID), the United Nations Organization Stabilization Mission in the Democratic Republic of Congo "
             "(MONUSCO), and regional and international partners in addressing the LRA threats;")


def test_an_office_named_again_in_other_words_is_read_once_in_a_document():
    text = PP6_1996 + "\n" + OP15_1996
    pp = Paragraph("PP6", "preambular", "6", PP6_1996, 0, len(PP6_1996), 0, None)
    op = Paragraph("OP15", "operative", "15", OP15_1996, len(PP6_1996) + 1, len(text), 1, None)
    metadata = DocumentMetadata(symbol="S/RES/1996 (2011)", issuing_body="Security Council", kind="resolution")
    document = Document("doc", Path("doc.txt"), text, metadata, [], [pp, op], "")
    congo = [a.paragraph for a in extractor()(document).assertions if a.rule == "implementation.named-country"
             and a.roles["country"][0].label == "Democratic Republic of the Congo"]
    assert congo == ["PP6"]


def test_the_office_whose_initiative_it_is_leads_it():
    """corpus/unga/A_RES_79_184.txt OP12, read as it is: "the Ukraine Monitoring Initiative of the Office for
    Democratic Institutions and Human Rights of the Organization for Security and Cooperation in Europe" (audit round
    3b: its lead left empty)."""
    from conftest import CORPUS_TEXTS
    from tipkg.extract import Extractor
    from tipkg.ingest import ingest
    from tipkg.reference import gazetteer

    found = [a for a in Extractor(gazetteer())(ingest(CORPUS_TEXTS / "A_RES_79_184.txt")).assertions
             if a.kind == "implementation" and a.entity("initiative").label == "Ukraine Monitoring Initiative"]
    assert [(a.paragraph, a.entity("lead").label if a.entity("lead") else None) for a in found] == [
        ("OP12", "Office for Democratic Institutions and Human Rights")]
