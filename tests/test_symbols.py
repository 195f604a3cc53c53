"""Resolution citations (tipkg.extract.symbols): the adopting body is read from the words around the number,
"its resolution" is the citing organ's own, old-style numbers are symbols of their own, and a body the text
does not tell is left empty rather than guessed. Paragraphs are copied verbatim from real documents."""
from __future__ import annotations

from tipkg.extract.symbols import NamedBody, find_resolutions, plausible

ASSEMBLY = NamedBody(-1, -1, "GA", ("Assembly",))  # the citing organ of a General Assembly text
COUNCIL = NamedBody(-1, -1, "SC", ("Council",))


def cited(text, own=ASSEMBLY, year=2024, its_is_own=True):
    return {r.written: (r.symbol, r.body) for r in find_resolutions(text, own_body=own, citing_year=year,
                                                                        its_is_own=its_is_own)}


# corpus/unga/A_RES_79_192.txt, PP4
ITS_RESOLUTION_60_251 = ("Recalling its resolution 60/251 of 15 March 2006, in which it established the Human Rights Council "
                         "as a subsidiary organ of the General Assembly, and recognizing the work of the Council,")
# corpus/unga/A_C.3_80_L.5.txt, fn17
COUNCIL_RESOLUTION_60_11 = "See Human Rights Council resolution 60/11."


def test_its_resolution_in_an_assembly_text_is_the_assemblys_even_beside_the_council():
    assert cited(ITS_RESOLUTION_60_251) == {"60/251": ("A/RES/60/251", "GA")}


def test_a_council_named_before_its_number_is_the_council():
    assert cited(COUNCIL_RESOLUTION_60_11, year=2025) == {"60/11": ("A/HRC/RES/60/11", "HRC")}


def test_a_council_session_that_had_not_met_is_not_the_councils():
    # session 60 met in 2025: in a text of 2019 "Human Rights Council resolution 60/11" is a misreading
    assert not plausible("60/11", "HRC", "resolution", 2019)
    assert cited(COUNCIL_RESOLUTION_60_11, year=2019) == {"60/11": (None, None)}


# corpus/unga/A_C.2_80_L.22.txt, OP26
ENVIRONMENT_ASSEMBLY = (
    "Recognizes the important contribution of healthy ecosystems to reducing disaster risk and building community "
    "resilience, encourages all States, United Nations entities and other relevant actors to promote nature-based "
    "solutions, ecosystem-based approaches and other management and conservation approaches, in line with United "
    "Nations Environment Assembly resolution 5/5 of 2 March 2022,²⁴ at all levels and across all phases of disaster "
    "risk reduction and management, and reiterates the importance of the conservation and sustainable use of "
    "biodiversity as well as providing long-term and affordable investments in these approaches to reduce the "
    "impacts and costs of disasters, and ensure synergies between the implementation of the Sendai Framework and "
    "the Kunming-Montreal Global Biodiversity Framework, including by integrating disaster risk reduction into "
    "national biodiversity strategies and action plans, as appropriate;")
# corpus/unga/A_RES_79_214.txt, OP3
HABITAT_ASSEMBLY = (
    "Further welcomes decisions 2/1 and 2/2 of 8 June 2023 of the United Nations Habitat Assembly, to extend the "
    "strategic planning cycle of UN-Habitat for the period 2020–2023 until the year 2025, and to adjourn its second "
    "regular session and to resume the session for a duration of two days, on 29 and 30 May 2025, in order to "
    "achieve the alignment of the planning cycle of UN-Habitat with the quadrennial comprehensive policy review of "
    "operational activities for the development of the United Nations system;")


def test_another_assembly_resolution_is_that_assemblys_not_a_general_assembly_symbol():
    [ref] = find_resolutions(ENVIRONMENT_ASSEMBLY, own_body=ASSEMBLY, citing_year=2025, its_is_own=True)
    assert (ref.written, ref.body, ref.symbol, ref.key) == ("5/5", "UNEA", None, "UNEA resolution 5/5")


def test_a_body_the_gazetteer_does_not_know_is_left_empty_not_guessed():
    assert cited(HABITAT_ASSEMBLY, year=2024) == {"2/1": (None, None), "2/2": (None, None)}


# corpus/unga/A_RES_79_98.txt, PP3
OLD_STYLE = ("Recognizing that all available options for self-determination of the Territories are valid as long as "
             "they are in accordance with the freely expressed wishes of the people concerned and in conformity with "
             "the clearly defined principles contained in General Assembly resolutions 1514 (XV) and 1541 (XV) of 15 "
             "December 1960 and other resolutions of the Assembly,")


def test_old_style_assembly_numbers_are_symbols_with_their_session():
    refs = find_resolutions(OLD_STYLE, own_body=ASSEMBLY, citing_year=2024, its_is_own=True)
    assert [(r.symbol, r.body, r.session) for r in refs] == [("A/RES/1514 (XV)", "GA", "15"), ("A/RES/1541 (XV)", "GA", "15")]
    assert not plausible("15/14", "GA", "resolution")  # session/number symbols start with the 31st session


# dev/A_RES_70_179.txt, PP10
DATED_LIST = ("Recalling its resolutions 61/180 of 20 December 2006, 64/178 of 18 December 2009, 67/190 of 20 December "
              "2012 and 68/192 of 18 December 2013 on improving the coordination of efforts against trafficking in "
              "persons and other relevant General Assembly resolutions on trafficking in persons,")


def test_a_list_with_dates_gives_every_number_and_not_the_years():
    assert cited(DATED_LIST, year=2015) == {n: (f"A/RES/{n}", "GA") for n in ("61/180", "64/178", "67/190", "68/192")}


# dev/S_RES_2331_2016.txt, PP6, OP18 and PP1 (the Security Council's own text)
LIST_TAKEN_UP = (
    "Reiterating the critical importance of all Member States fully implementing relevant Security Council "
    "resolutions, including resolutions 2195 (2014) and 2253 (2015), which express concern that terrorists benefit "
    "from transnational organized crime in some regions, including from the trafficking in persons among others, as "
    "well as 2242 (2015), which expresses concern that acts of sexual and gender-based violence are known to be part "
    "of the strategic objectives and ideology of certain terrorist groups; and recognizing the connection between "
    "trafficking in persons, sexual violence and terrorism and other transnational organized criminal activities, "
    "which can prolong and exacerbate conflict and instability or intensify its impact on civilian populations,")
PLAIN_NUMBERS = ("as well as in seeking concrete and time-bound commitments and implementation plans by all parties to "
                 "conflict to prevent and address such crimes in line with resolutions 1960 and 2106, and encourages a "
                 "more systematic approach and the acceleration of such efforts;")
PRESIDENTIAL_STATEMENT = "Recalling Presidential Statement 2015/25,"


def test_a_list_taken_up_after_a_relative_clause_keeps_its_numbers():
    assert cited(LIST_TAKEN_UP, own=COUNCIL, year=2016) == {
        "2195 (2014)": ("S/RES/2195 (2014)", "SC"), "2253 (2015)": ("S/RES/2253 (2015)", "SC"),
        "2242 (2015)": ("S/RES/2242 (2015)", "SC")}


def test_plain_numbers_are_the_councils_in_its_own_text_and_nobodys_in_an_assembly_text():
    assert cited(PLAIN_NUMBERS, own=COUNCIL, year=2016) == {"1960": ("S/RES/1960", "SC"), "2106": ("S/RES/2106", "SC")}
    assert cited(PLAIN_NUMBERS, own=ASSEMBLY, year=2016) == {}


def test_a_presidential_statement_is_the_councils():
    assert cited(PRESIDENTIAL_STATEMENT, own=COUNCIL, year=2016) == {"2015/25": ("S/PRST/2015/25", "SC")}


# seeds/001 (A/74/189), paragraph 38: "Council" alone, with the Security Council named before it
SHORT_FORM = ("UNODC also participated in the fourth meeting of the Security Council on human trafficking in conflict "
              "situations, held in New York on 21 November 2017. At that meeting, the Council adopted its resolution "
              "2388 (2017), which addresses the subject of trafficking in persons, building on Council resolution "
              "2331 (2016).")
# corpus/unga/A_RES_79_190.txt, PP40: "Conference" alone, with no conference the gazetteer knows named
SHORT_FORM_UNKNOWN = (
    "Recognizing that the success of the Mechanism for the Review of Implementation of the United Nations Convention "
    "against Corruption depends on the full commitment and constructive engagement of all States parties to the "
    "Convention in a progressive and comprehensive process, and recalling in that regard resolution 3/1 of 13 "
    "November 2009 of the Conference of the States Parties to the Convention,¹⁸ including the terms of reference of "
    "the Mechanism contained in the annex to that resolution, Conference decision 5/1 of 29 November 2013,¹⁹ "
    "Conference resolution 6/1 of 6 November 2015,²⁰ Conference resolution 8/2 of 20 December 2019²¹ and Conference "
    "decision 8/1 of 20 December 2019,²²")


def test_a_short_form_is_the_body_named_near_it_or_nobody():
    assert cited(SHORT_FORM, own=None, year=2019, its_is_own=False)["2331 (2016)"] == ("S/RES/2331 (2016)", "SC")
    bodies = {body for _, body in cited(SHORT_FORM_UNKNOWN, year=2024).values()}
    assert bodies == {None}


# corpus/unhk/A_RES_79_62.txt, its first lines and PP1: the header gives no issuing organ, the text does
HEADER_WITHOUT_ORGAN = """Seventy-ninth session
Agenda item 98 (ss)
General and complete disarmament: lethal autonomous weapons systems
Resolution adopted by the General Assembly on 2 December 2024
[on the report of the First Committee (A/79/408, para. 114)]

79/62.	Lethal autonomous weapons systems

The General Assembly,

Recalling its resolution 78/241 of 22 December 2023,
"""


def test_its_resolution_is_the_organ_the_text_says_adopted_it_when_the_header_does_not(tmp_path):
    from tipkg.extract.mentions import MentionFinder
    from tipkg.ingest import ingest
    from tipkg.reference import gazetteer

    path = tmp_path / "A_RES_79_62.txt"
    path.write_text(HEADER_WITHOUT_ORGAN, encoding="utf-8")
    found = {m.entity.key: m.entity.detail("body") for m in MentionFinder(gazetteer()).find(ingest(path))
             if m.entity.kind == "resolution"}
    assert found == {"A/RES/78/241": "GA"}
    # the same paragraph with no organ named anywhere (nor in the file's name, which ingest would read as the
    # symbol A/RES/79/62 of the General Assembly) cites a resolution whose body nobody tells
    path = tmp_path / "clipping.txt"
    path.write_text(HEADER_WITHOUT_ORGAN.replace("The General Assembly,\n", "").replace(
        "Resolution adopted by the General Assembly on 2 December 2024\n", ""), encoding="utf-8")
    found = {m.entity.key: m.entity.detail("body") for m in MentionFinder(gazetteer()).find(ingest(path))
             if m.entity.kind == "resolution"}
    assert found == {"resolution 78/241": None}


# corpus/unga/A_RES_79_123.txt, PP12: "its" is the Security Council's here, and only the Council numbers "n (year)"
ITS_COUNCIL_NUMBER = (
    "Taking note also of the fact that, in paragraphs 8 and 9 of its resolution 1894 (2009) of 11 November 2009 on "
    "the protection of civilians in armed conflict, the Security Council noted the range of existing methods used, "
    "on a case-by-case basis, for gathering information on alleged violations of applicable international law "
    "relating to the protection of civilians, underlined the importance in that regard of receiving information "
    "that is timely, objective, accurate and reliable, and considered the possibility, to that end, of using the "
    "International Humanitarian Fact-Finding Commission established by article 90 of Protocol I,")
# corpus/unga/A_RES_79_310.txt, PP4: a special session's old-style number beside regular ones
SPECIAL_SESSION = ("Reaffirming the general principles underlying the financing of United Nations peacekeeping "
                   "operations, as stated in its resolutions 1874 (S-IV) of 27 June 1963, 3101 (XXVIII) of 11 December "
                   "1973 and 55/235 of 23 December 2000,")


def test_a_number_only_one_body_writes_is_that_bodys_whoever_its_is():
    assert cited(ITS_COUNCIL_NUMBER) == {"1894 (2009)": ("S/RES/1894 (2009)", "SC")}


def test_an_old_style_special_session_number_is_not_read_as_a_plain_council_number():
    assert cited(SPECIAL_SESSION) == {"1874 (S-IV)": ("A/RES/1874 (S-IV)", "GA"), "3101 (XXVIII)": ("A/RES/3101 (XXVIII)", "GA"),
                                      "55/235": ("A/RES/55/235", "GA")}


# corpus/unhk/E_RES_2012_19.txt, OP2 (an Economic and Social Council text): the body named after the number
OF_THE_CONFERENCE = (
    "Recalls resolution 5/5 of 22 October 2010 of the Conference of the Parties to the United Nations Convention "
    "against Transnational Organized Crime, in which the Conference decided to establish an open-ended "
    "intergovernmental working group to consider and explore options for the establishment of a mechanism or "
    "mechanisms to assist the Conference in the review of the implementation of the Convention and the Protocols "
    "thereto, notes with appreciation the progress made by the working group in finalizing its recommendations to "
    "the Conference, and expresses the hope that the Conference, at its sixth session, will complete the task of "
    "establishing the review mechanism and launching it as soon as possible, bearing in mind the urgent need to "
    "improve the implementation of the Convention and the Protocols thereto;")
# corpus/unhk/A_RES_73_148.txt, PP5: "Commission" alone, the Commission on the Status of Women named just before
COMMISSION_RESOLUTION = ("Taking note of the agreed conclusions of the Commission on the Status of Women at its "
                         "sixty-first session and Commission resolution 61/1 of 24 March 2017 on preventing and "
                         "eliminating sexual harassment in the workplace,")


def test_a_conference_or_commission_resolution_is_that_bodys_not_the_citing_organs():
    ecosoc = NamedBody(-1, -1, "ECOSOC", ("Council",))
    assert cited(OF_THE_CONFERENCE, own=ecosoc, year=2012) == {"5/5": ("CTOC/COP/RES/5/5", "COP-UNTOC")}
    assert cited(COMMISSION_RESOLUTION, year=2018) == {"61/1": ("E/CN.6/RES/61/1", "CSW")}


# corpus/unga/A_RES_78_45.txt, PP1 (first items): parts of a resolution lettered past H
LETTERED = ("Recalling its resolutions 54/54 B of 1 December 1999, 55/33 V of 20 November 2000, 56/24 M of 29 November "
            "2001, 57/74 of 22 November 2002,")


def test_a_lettered_part_of_a_resolution_keeps_its_letter():
    assert list(cited(LETTERED)) == ["54/54 B", "55/33 V", "56/24 M", "57/74"]


# corpus/unga/A_RES_78_101.txt, OP8(b): capitalized words before "of resolution" name nobody as its adopter
MEMBER_STATES_OF = ("To continue to examine the implementation by Member States of resolution 1514 (XV) and other "
                    "relevant resolutions on decolonization;")
# corpus/unga/A_RES_80_186.txt, PP17 (adopted December 2025): the Council's 2026 session opened in 2025
NEXT_YEARS_SESSION = ("Taking note of the adoption of Economic and Social Council resolution 2026/2 of 19 September 2025 "
                      "on the revitalization of the Commission on the Status of Women,")


def test_words_before_of_resolution_are_no_adopter():
    assert cited(MEMBER_STATES_OF, year=2023) == {"1514 (XV)": ("A/RES/1514 (XV)", "GA")}


def test_a_council_resolution_numbered_for_the_next_year_is_no_impossible_one():
    assert cited(NEXT_YEARS_SESSION, year=2025) == {"2026/2": ("E/RES/2026/2", "ECOSOC")}
    assert not plausible("2027/2", "ECOSOC", "resolution", 2025)


# data/documents/003_84e408440e65b4cf.txt (a UNODC report to the Conference of the Parties), paragraph 20
ASSEMBLY_ADOPTED = ("20. At its seventy-fifth session, the General Assembly adopted resolution 75/158, on trafficking in "
                    "women and girls, in which it called upon all Governments to criminalize all forms of human "
                    "trafficking,")
# corpus/unhk/E_CN.9_2021_1.txt (a report to the Commission on Population and Development)
COUNCIL_ADOPTED = ("On the basis of the recommendation made by the Commission at its forty-ninth session, the Economic "
                   "and Social Council adopted resolution 2016/25 on the future organization and methods of work of the "
                   "Commission.")


def test_the_body_that_adopted_a_resolution_is_its_body_not_the_organ_the_text_is_for():
    conference = NamedBody(-1, -1, "COP-UNTOC", ("Conference",))
    assert cited(ASSEMBLY_ADOPTED, own=conference, year=2022, its_is_own=False) == {"75/158": ("A/RES/75/158", "GA")}
    commission = NamedBody(-1, -1, "CPD", ("Commission",))
    assert cited(COUNCIL_ADOPTED, own=commission, year=2021, its_is_own=False) == {
        "2016/25": ("E/RES/2016/25", "ECOSOC")}
    # without the verb, the report's own organ remains the reading of a bare number it can have adopted
    assert cited("20. At its seventy-fifth session, resolution 5/5 was considered", own=conference, year=2022,
                 its_is_own=False)["5/5"][1] == "COP-UNTOC"


def _cited_in(relative: str, paragraph: str, number: str) -> dict:
    from rule_cases import extraction
    return next(dict(m.entity.details, key=m.entity.key) for m in extraction(relative).mentions
                if m.entity.kind == "resolution" and m.paragraph == paragraph and m.surface.strip() == number)


def test_a_date_that_does_not_fit_the_assemblys_session_is_not_the_assemblys():
    # "... recalling the resolutions and decisions of the Human Rights Council, the most recent of which being
    # resolutions 53/26 of 14 July 2023, ...": an Assembly resolution 53/26 would be of 1998 or 1999
    assert _cited_in("corpus/unga/A_RES_78_219.txt", "PP3", "53/26") == {"year": "2023", "key": "resolution 53/26"}
    # "Noting the adoption, by the Economic and Social Commission for Asia and the Pacific at its seventy-second
    # session, of resolution 72/7 of 19 May 2016": the Assembly's 72/7 is of 2017 (both were one node, in conflict)
    assert _cited_in("corpus/unga/A_RES_78_158.txt", "PP12", "72/7") == {"year": "2016", "key": "resolution 72/7"}
    # negative: "Recalling its resolutions 72/7 of 17 November 2017, ...": the Assembly's own
    assert _cited_in("corpus/unga/A_RES_79_274.txt", "PP12", "72/7")["key"] == "A/RES/72/7"


def test_a_misprinted_year_keeps_the_body_named_and_loses_the_year():
    # "Recalling its resolutions ..., 71/266 of 23 December 2016, 72/256 of 24 December 2107, ...": the Assembly's,
    # of no year (2107 is a misprint: the year came out as a conflict with the documents that print 2017)
    assert _cited_in("corpus/unga/A_RES_78_248.txt", "PP1", "72/256") == {
        "body": "GA", "session": "72", "symbol": "A/RES/72/256", "key": "A/RES/72/256"}
