"""Ratifications and accessions stated as facts (tipkg.extract.relations.treaties, rule treaties.joined): a State
joining an instrument that a resolution welcomes or a report tells, with the instrument the gazetteer holds or the
title the text gives, and the date that follows it. Paragraphs copied verbatim from the corpora."""
from __future__ import annotations

from test_requests import read

# corpus/unga/A_RES_80_52.txt, preambular paragraph (PDF text joined)
VANUATU = ("Welcoming the accession of Vanuatu to the Convention on Cluster Munitions on 5 September 2025, making it "
           "the 112th State Party effective 1 March 2026,")
# corpus/unhk/A_HRC_RES_55_1.txt, PP13 and PP14
SOUTH_SUDAN = ("Welcoming the accession by South Sudan to the International Covenant on Civil and Political Rights, the "
               "International Covenant on Economic, Social and Cultural Rights, the Convention on the Rights of Persons "
               "with Disabilities and the Optional Protocol thereto, and the Protocol to the African Charter on Human "
               "and Peoples’ Rights on the Rights of Women in Africa,")
RATIFICATION_BY = ("Welcoming also the ratification by South Sudan of the Optional Protocol to the Convention on the Rights "
                   "of the Child on the involvement of children in armed conflict, its decision to extend the "
                   "Comprehensive Action Plan to End and Prevent All Grave Violations against Children and its "
                   "endorsement of the call to action to ensure the rights and well-being of children born of sexual "
                   "violence in conflict,")
# corpus/unga/A_C.1_80_L.61.txt, operative paragraph 4 (PDF text joined)
SEVERAL_STATES = ("Calls upon all States concerned to continue to work together in order to facilitate adherence to the "
                  "protocols to nuclear-weapon-free zone treaties by all relevant States that have not yet done so, in "
                  "this regard recalls with appreciation the ratification by China, France, the Russian Federation and "
                  "the United Kingdom of Great Britain and Northern Ireland of the Protocol to the Treaty on a "
                  "Nuclear-Weapon-Free Zone in Central Asia 11 and the steps taken by the United States of America "
                  "towards the ratification of the protocols to the Treaty on a Nuclear-Weapon-Free Zone in Central "
                  "Asia, to the Treaty of Pelindaba and to the Treaty of Rarotonga,")
# corpus/unga/A_RES_79_229.txt, preambular paragraph (PDF text joined)
VAGUE = ("Taking note of the accession by Palestine to several human rights treaties and the core humanitarian law "
         "treaties, as well as to other international treaties,")
# corpus/unga/A_RES_80_52.txt, operative paragraph 5 (States that have not joined: no State named joining)
CALL = ("Invites all States that have not ratified the Convention or acceded to it to provide, on a voluntary basis, "
        "information that could make the clearance and destruction of cluster munition remnants and related "
        "activities more effective;")


def joined(symbol: str, text: str) -> list[tuple[str, str, str | None, str]]:
    return [(a.roles["state"][0].label, a.roles["instrument"][0].label, a.values.get("date"), a.values["actionType"])
            for a in read(symbol, ("PP1", "preambular", None, text, None))
            if a.kind == "ratification" and a.rule == "treaties.joined"]


def test_an_accession_a_resolution_welcomes_with_its_date_and_an_instrument_read_by_its_title():
    assert joined("A/RES/80/52", VANUATU) == [("Vanuatu", "Convention on Cluster Munitions", "2025-09-05", "accession")]


def test_one_accession_to_several_instruments_gives_one_row_each_without_a_date_the_text_does_not_give():
    assert joined("A/HRC/RES/55/1", SOUTH_SUDAN) == [
        ("South Sudan", "International Covenant on Civil and Political Rights", None, "accession"),
        ("South Sudan", "International Covenant on Economic, Social and Cultural Rights", None, "accession"),
        ("South Sudan", "Convention on the Rights of Persons with Disabilities", None, "accession")]


def test_a_ratification_by_a_state_of_an_instrument():
    [(state, instrument, date, action)] = joined("A/HRC/RES/55/1", RATIFICATION_BY)
    assert (state, date, action) == ("South Sudan", None, "ratification")
    assert "involvement of children in armed conflict" in instrument


def test_a_ratification_by_several_states_gives_one_row_each_and_steps_towards_one_give_none():
    rows = joined("A/C.1/80/L.61", SEVERAL_STATES)
    assert [state for state, *_ in rows] == ["China", "France", "Russian Federation",
                                             "United Kingdom of Great Britain and Northern Ireland"]
    assert {instrument for _, instrument, *_ in rows} == {"Protocol to the Treaty on a Nuclear-Weapon-Free Zone in Central Asia"}


def test_a_footnote_mark_the_pdf_text_keeps_after_a_title_is_not_part_of_it():
    # corpus/unga/A_RES_78_50.txt OP4 as ingestion reads the PDF text: "... in Central Asia¹¹ and the steps ..."
    text = SEVERAL_STATES.replace("Central Asia 11 and", "Central Asia¹¹ and")
    assert {instrument for _, instrument, *_ in joined("A/RES/78/50", text)} == {
        "Protocol to the Treaty on a Nuclear-Weapon-Free Zone in Central Asia"}


def test_no_row_for_a_vague_instrument_or_a_call_to_join():
    assert joined("A/RES/79/229", VAGUE) == []
    assert joined("A/RES/80/52", CALL) == []


def test_the_parties_an_instrument_has_not_the_parties_that_did_something():
    """treaties.parties-count: "the Protocol ... has a total of 178 parties" (seed 003, paragraph 2) is its count of
    parties; "112 Parties have successfully completed this voluntary process" (A/RES/80/139 PP12, on the Convention
    to Combat Desertification, which has 197) counts the parties that did something."""
    from rule_cases import flat, read_by
    assert [flat(a) for a in read_by("seeds/003_84e408440e65b4cf.txt", "2", "treaties.parties-count")] == [
        {"subject": ["Trafficking in Persons Protocol"], "measure": "parties", "count": "178", "asAt": "2022-07-22"}]
    assert read_by("corpus/unga/A_RES_80_139.txt", "PP12", "treaties.parties-count") == []


def test_a_figure_as_at_a_date_is_the_subjects_not_a_count_of_those_that_did_something():
    """figures.as-at (../shared/corpus/unhk/E_2018_64.txt, 108): "As at 9 April 2018, the Paris Agreement had been
    ratified by 175 parties, and 168 parties (167 countries and the European Commission) had communicated their first
    nationally determined contributions": 175 parties is a figure of the Agreement; 168 and 167 are not."""
    from rule_cases import flat, read_by
    assert [flat(a) for a in read_by("corpus/unhk/E_2018_64.txt", "108", "figures.as-at")] == [
        {"subject": ["Paris Agreement"], "measure": "parties", "count": "175", "asAt": "2018-04-09"}]
