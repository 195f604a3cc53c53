"""ICAT members read from an enumeration the group's name opens (tipkg.extract.relations.coordination,
rule coordination.enumeration), on real, unedited corpus paragraphs."""
from __future__ import annotations

from italic_paragraphs import of_kind, read

ICAT = "Inter-Agency Coordination Group against Trafficking in Persons"


def members(document: str, number: str, text: str) -> list[str]:
    return [a.entity("member").label for a in of_kind(read(document, number, None, text), "membership")
            if a.rule == "coordination.enumeration" and a.entity("organization").label == ICAT]


# ../shared/corpus/unhk/A_RES_70_179.txt, PP15 (verbatim)
A_RES_70_179_PP15 = (
    "Recognizing the important role of the Inter-Agency Coordination Group against Trafficking in Persons in "
    "fostering coordination and cooperation in the global fight against trafficking in persons, in particular the "
    "United Nations Office on Drugs and Crime, the Office of the United Nations High Commissioner for Human Rights, "
    "the Office of the United Nations High Commissioner for Refugees, the United Nations Children’s Fund, the United "
    "Nations Entity for Gender Equality and the Empowerment of Women (UN-Women), the International Labour "
    "Organization, the International Organization for Migration, the United Nations Development Programme, the "
    "United Nations Population Fund, the United Nations Educational, Scientific and Cultural Organization and other "
    "intergovernmental organizations, within their existing mandates,")

# ../shared/corpus/unhk/A_RES_72_1.txt, paragraph 15 (verbatim)
A_RES_72_1_15 = (
    "We reaffirm the important contribution to the global fight against trafficking in persons of the other members "
    "of the Inter-Agency Coordination Group against Trafficking in Persons, in particular the Office of the United "
    "Nations High Commissioner for Human Rights, the Office of the United Nations High Commissioner for Refugees, the "
    "United Nations Children’s Fund, the United Nations Entity for Gender Equality and the Empowerment of Women "
    "(UN-Women), the International Labour Organization, the International Organization for Migration, the "
    "International Criminal Police Organization (INTERPOL), the United Nations Development Programme, the United "
    "Nations Population Fund, the United Nations Educational, Scientific and Cultural Organization and other "
    "intergovernmental organizations, within their respective mandates.")

# ../shared/corpus/unhk/A_RES_77_236.txt, paragraph 18 (verbatim): the list belongs to "other ... organizations"
A_RES_77_236_18 = (
    "Requests the United Nations Office on Drugs and Crime to engage in a dialogue with members of the Inter-Agency "
    "Coordination Group against Trafficking in Persons and other relevant intergovernmental international "
    "organizations, in particular the World Health Organization, in close consultation with Member States, so as to "
    "enable the Office to improve data collection and analysis on instances of trafficking in persons for the purpose "
    "of organ removal and relevant prosecutions, and to promote research among diverse fields, such as the medical "
    "and health management fields, as well as on the part of the anti-trafficking community, while bearing in mind "
    "that data on trafficking in persons for the purpose of organ removal are being gathered for the Global Report "
    "on Trafficking in Persons, in accordance with the provisions set out in General Assembly resolution 70/179 of "
    "17 December 2015;")


def test_every_entity_the_groups_enumeration_lists_is_a_member_and_the_list_ends_at_other_words():
    found = members("A/RES/70/179", "PP15", A_RES_70_179_PP15)
    assert found == [
        "United Nations Office on Drugs and Crime", "Office of the United Nations High Commissioner for Human Rights",
        "Office of the United Nations High Commissioner for Refugees", "United Nations Children's Fund",
        "United Nations Entity for Gender Equality and the Empowerment of Women", "International Labour Organization",
        "International Organization for Migration", "United Nations Development Programme",
        "United Nations Population Fund", "United Nations Educational, Scientific and Cultural Organization"]


def test_the_other_members_in_particular_and_an_acronym_in_brackets_inside_the_list():
    found = members("A/RES/72/1", "15", A_RES_72_1_15)
    assert "International Criminal Police Organization" in found and len(found) == 10
    assert "United Nations Office on Drugs and Crime" not in found


def test_a_list_that_follows_and_other_organizations_is_not_the_groups():
    assert members("A/RES/77/236", "18", A_RES_77_236_18) == []
