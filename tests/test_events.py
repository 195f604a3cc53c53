"""Events (tipkg.extract.relations.events and queries/events.rq): sessions, meetings, conferences, workshops and
observances with their place as written, dates and organizer, read from real paragraphs of the seeds and the
corpus, and answered by the canned query on a build of the three seeds."""
from __future__ import annotations

from conftest import SHARED, needs_seeds, query_json
from italic_paragraphs import of_kind, read
from rule_cases import extraction, paragraph_text

UNODC = "United Nations Office on Drugs and Crime"
UNODC_HEADING = UNODC
CCPCJ = "Commission on Crime Prevention and Criminal Justice"
REPORT_2019 = "seeds/001_aaa57c1388cc9d44.txt"
REPORT_2022 = "seeds/003_84e408440e65b4cf.txt"


def events(document: str, number: str, heading: str | None, text: str) -> list[dict]:
    """Each occurrence read from the paragraph as a flat row."""
    return _rows(of_kind(read(document, number, heading, text), "occurrence"))


def _rows(assertions) -> list[dict]:
    out = []
    for a in assertions:
        out.append({"event": a.entity("event").label, "class": a.entity("event").classes[0],
                    "place": a.values.get("placeName"), "start": a.values.get("startDate"),
                    "end": a.values.get("endDate"), "organizer": [e.label for e in a.roles.get("organizer", [])],
                    "places": [e.label for e in a.roles.get("place", [])], "rule": a.rule})
    return out


def events_in(relative: str, key: str) -> list[dict]:
    """Each occurrence read from paragraph `key` of a real file (under ../shared), the whole document extracted as a
    build does: the paragraph as it is, with its neighbours and headings."""
    paragraph_text(relative, key)
    return _rows([a for a in extraction(relative).assertions if a.paragraph == key and a.kind == "occurrence"])


def one(rows: list[dict], starts: str) -> dict:
    found = [r for r in rows if r["event"].startswith(starts)]
    assert len(found) == 1, f"{starts!r} in {[r['event'] for r in rows]}"
    return found[0]


# --- "held in <place> from <date> to <date>" ----------------------------------------------------------------------

P001_37a = ("001", "37(a)", UNODC_HEADING,
            "The twenty-sixth, twenty-seventh and twenty-eighth sessions of the Commission on Crime Prevention and "
            "Criminal Justice, held in Vienna from 22 to 26 May 2017, 14 to 18 May 2018 and 20 to 24 May 2019, "
            "respectively;")
P001_37c = ("001", "37(c)", UNODC_HEADING,
            "The seventh and eighth meetings of the Working Group on Trafficking in Persons of the Conference of the "
            "Parties to the United Nations Convention against Transnational Organized Crime, held in Vienna from 6 to "
            "8 September 2017 and on 2 and 3 July 2018, respectively.")
P001_46 = ("001", "46", UNODC_HEADING,
           "As guardian of the Trafficking in Persons Protocol and the Protocol against the Smuggling of Migrants by "
           "Land, Sea and Air, UNODC has provided significant input to the preparation and organization of the "
           "Intergovernmental Conference for the adoption of the Global Compact on Safe, Orderly and Regular "
           "Migration, convened in Marrakech, Morocco, on 10 and 11 December 2018, which addressed and reinvigorated "
           "the United Nations response to challenges emerging from large movements of people.")


def test_ordinals_with_respectively_give_one_session_per_date():  # 001:37(a)
    rows = events(*P001_37a)
    assert [(r["event"], r["start"], r["end"]) for r in rows] == [
        (f"twenty-sixth session of the {CCPCJ}", "2017-05-22", "2017-05-26"),
        (f"twenty-seventh session of the {CCPCJ}", "2018-05-14", "2018-05-18"),
        (f"twenty-eighth session of the {CCPCJ}", "2019-05-20", "2019-05-24"),
    ]
    assert {r["place"] for r in rows} == {"Vienna"} and {r["class"] for r in rows} == {"Session"}
    assert all(r["organizer"] == [CCPCJ] for r in rows)


def test_respectively_pairs_a_range_and_two_days():  # 001:37(c)
    rows = events(*P001_37c)
    assert [(r["event"].split(" of ")[0], r["start"], r["end"]) for r in rows] == [
        ("seventh meeting", "2017-09-06", "2017-09-08"), ("eighth meeting", "2018-07-02", "2018-07-03")]
    # the head is the meetings, not the Conference of the Parties named inside the phrase
    assert all(r["event"].endswith("Convention against Transnational Organized Crime") for r in rows)


def test_meeting_of_a_body_held_in_a_city_on_a_day():  # 001:38
    row = one(events_in(REPORT_2019, "38"), "fourth meeting")
    assert row["event"] == "fourth meeting of the Security Council on human trafficking in conflict situations"
    assert (row["place"], row["start"], row["end"]) == ("New York", "2017-11-21", None)
    assert row["organizer"] == ["Security Council"]


def test_place_is_written_as_the_text_writes_it():  # 001:46
    row = one(events(*P001_46), "Intergovernmental Conference")
    assert row["place"] == "Marrakech, Morocco" and row["places"] == ["Marrakech", "Morocco"]
    assert (row["start"], row["end"], row["class"]) == ("2018-12-10", "2018-12-11", "Conference")


def test_round_tables_organized_in_two_states_in_a_month():  # 001:86
    rows = events_in(REPORT_2019, "86")
    assert [(r["event"], r["place"], r["start"]) for r in rows] == [
        ("round tables involving businesses and trade unions", "North Macedonia and Serbia", "2018-05")]


def test_a_name_in_capitals_before_the_head_is_part_of_the_event():  # 001:93
    rows = events_in(REPORT_2019, "93")
    assert [(r["event"], r["place"], r["start"]) for r in rows] == [
        ("Inter-Agency Coordination Group against Trafficking in Persons First Meeting of Principals", "London",
         "2018-05")]


P001_97 = ("001", "97", "Appraisal of the Global Plan of Action to Combat Trafficking in Persons",
           "The Global Plan of Action called for the first appraisal of the progress made in its implementation in "
           "2013. As mandated by resolution 70/179, the following appraisal took place in September 2017, at the "
           "seventy-second session of the Assembly. The General Assembly adopted the Political declaration on the "
           "implementation of the United Nations Global Plan of Action to Combat Trafficking in Persons during a "
           "two-day high-level meeting on human trafficking, held in New York on 27 and 28 September 2017.")


def test_duration_is_left_out_of_the_name():  # 001:97
    row = one(events(*P001_97), "high-level meeting")
    assert (row["event"], row["place"], row["start"]) == ("high-level meeting on human trafficking", "New York",
                                                          "2017-09-27")


def test_an_appraisal_called_for_in_a_year_names_whose_implementation():  # 001:97
    row = one(events(*P001_97), "first appraisal")
    assert row["event"] == "first appraisal of the progress made in its implementation (Global Plan of Action)"
    assert (row["start"], row["place"]) == ("2013", None)


def test_the_following_appraisal_refers_back_and_is_no_event_of_its_own():  # 001:97
    assert not [r for r in events(*P001_97) if "following" in r["event"] or r["start"] == "2017-09"]


def test_briefings_and_side_events_in_two_cities_in_a_year():  # 001:113
    text = ("The Inter-Agency Coordination Group against Trafficking in Persons also continued to engage closely "
            "with Member States, including by providing joint input into intergovernmental processes, including the "
            "Global Compact for Safe, Orderly and Regular Migration. The Group also continued to hold briefings with "
            "Member States in various locations, including five briefings and side events that were held in New York "
            "and Vienna in 2018.")
    rows = events("001", "113", "Activities of the Inter-Agency Coordination Group against Trafficking in Persons",
                  text)
    assert [(r["event"], r["place"], r["start"]) for r in rows] == [
        ("five briefings and side events", "New York and Vienna", "2018")]


def test_a_designated_day_observed_every_year_beginning_in_a_year():  # 001:125
    rows = events_in(REPORT_2019, "125")
    assert [(r["event"], r["class"], r["start"]) for r in rows] == [
        ("World Day against Trafficking in Persons", "Observance", "2014")]


def test_a_publication_soft_launched_in_a_city_is_a_launch_event():  # 001:56
    rows = events_in(REPORT_2019, "56")
    assert [(r["event"], r["class"], r["place"], r["start"]) for r in rows] == [
        ("soft launch of the IOM Handbook: Protection and Assistance for Migrants Vulnerable to Violence, "
         "Exploitation and Abuse", "Launch", "Marrakech", "2018-12")]


# --- what is not an event -------------------------------------------------------------------------------------

def test_trainings_and_undated_workshops_are_no_events():  # 001:40
    assert events_in(REPORT_2019, "40") == []


def test_a_body_holding_its_first_meeting_is_not_read_as_a_new_event():  # 001:104
    assert events_in(REPORT_2019, "104") == []


def test_launching_an_initiative_with_no_place_is_no_event():  # 001:62
    assert events_in(REPORT_2019, "62") == []


def test_in_a_year_at_the_head_of_a_sentence_makes_no_event():  # 001:84
    assert events_in(REPORT_2019, "84") == []


# --- the 2022 report to the Conference of the Parties ----------------------------------------------------------

def test_its_nth_meeting_is_the_meeting_of_the_body_named_before():  # 003:10
    row = one(events_in(REPORT_2022, "10"), "eleventh meeting")
    assert row["event"] == "eleventh meeting of the Working Group on Trafficking in Persons"
    assert (row["place"], row["start"], row["end"]) == ("Vienna", "2021-10-12", "2021-10-13")


def test_a_reconvened_session_keeps_its_first_dates():  # 003:15
    rows = events_in(REPORT_2022, "15")
    assert [(r["event"], r["start"], r["end"]) for r in rows] == [
        (f"thirtieth session of the {CCPCJ}", "2021-05-17", "2021-05-21")]


def test_a_city_and_its_state():  # 003:18
    row = one(events_in(REPORT_2022, "18"), "Fourteenth")
    assert (row["place"], row["start"], row["class"]) == ("Kyoto, Japan", "2021-03-07", "Conference")


def test_an_agent_convened_a_meeting_on_dates_that_open_the_sentence():  # 003:64
    rows = events_in(REPORT_2022, "64")
    assert [(r["event"], r["class"], r["place"], r["start"], r["organizer"]) for r in rows] == [
        ("regional expert group meeting on financial investigations and asset recovery for trafficking in persons",
         "Workshop", "South-Eastern Europe", "2022-03-02", [UNODC])]


def test_the_meeting_was_held_refers_back_to_the_meeting_introduced_before():  # 003:65
    rows = events_in(REPORT_2022, "65")
    assert [(r["event"], r["start"], r["end"]) for r in rows] == [
        ("bilateral meeting of focal points for the application of a protocol for the investigation and "
         "prosecution of trafficking in persons between Ecuador and Peru", "2021-09-30", "2021-10-01")]


def test_a_workshop_entitled_keeps_its_title():  # 003:79
    rows = events_in(REPORT_2022, "79")
    assert [(r["event"], r["place"], r["start"]) for r in rows] == [
        ("workshop “Access to justice and reparations for victims of trafficking in persons in the post-conflict "
         "period”", "Baghdad", "2022-06")]


def test_a_date_that_opens_the_sentence_dates_the_meeting_at_which():  # 003:32
    rows = events_in(REPORT_2022, "32")
    assert [(r["event"], r["start"]) for r in rows] == [
        ("first meeting of the Inter-Agency Coordination Group against Trafficking in Persons at the level of "
         "principals of the relevant United Nations agencies and organizations", "2018-05"),
        ("second principal-level meeting", "2020-12-15")]


# --- resolutions ---------------------------------------------------------------------------------------------

def test_the_holding_of_two_meetings_one_per_date():  # 004:PP18
    text = ("Recalling the holding of the high-level meetings of the General Assembly during its sixty-seventh "
            "session, from 13 to 15 May 2013, and during its seventy-second session, on 27 and 28 September 2017, to "
            "appraise the progress achieved in the implementation of the Global Plan of Action,")
    rows = events("004", "PP18", None, text)
    assert [(r["event"], r["start"]) for r in rows] == [
        ("high-level meeting of the General Assembly", "2013-05-13"),
        ("high-level meeting of the General Assembly", "2017-09-27"),
        # the sessions themselves, undated: the dates are the meetings'
        ("sixty-seventh session of the General Assembly", None),
        ("seventy-second session of the General Assembly", None)]


def test_a_meeting_held_in_a_virtual_format():  # 004:PP15
    text = ("Taking note also of the second meeting of the Coordination Group at the level of principals of the "
            "relevant international and regional organizations and agencies, held in a virtual format on 15 December "
            "2020, which reinforced the inter-agency partnership to tackle trafficking in persons,")
    row = one(events("004", "PP15", None, text), "second meeting")
    assert (row["place"], row["start"]) == ("virtual", "2020-12-15")


def test_the_first_five_sessions_each_with_its_place_respectively():  # A/RES/79/145 PP65 (corpus)
    text = ("Noting the holding of the first five sessions of the intergovernmental negotiating committee to develop "
            "an international legally binding instrument on plastic pollution, including in the marine environment, "
            "in Punta del Este, Uruguay, from 28 November to 2 December 2022, in Paris from 29 May to 2 June 2023, in "
            "Nairobi from 13 to 19 November 2023, in Ottawa from 23 to 29 April 2024, and in Busan, Republic of "
            "Korea, from 25 November to 1 December 2024, respectively,")
    rows = events("A/RES/79/145", "PP65", None, text)
    assert [(r["event"].split(" of ")[0], r["place"], r["start"]) for r in rows] == [
        ("first session", "Punta del Este, Uruguay", "2022-11-28"), ("second session", "Paris", "2023-05-29"),
        ("third session", "Nairobi", "2023-11-13"), ("fourth session", "Ottawa", "2024-04-23"),
        ("fifth session", "Busan, Republic of Korea", "2024-11-25")]


def test_a_capitalised_word_later_in_the_clause_is_no_place():  # A/80/L.5 annex (corpus)
    text = ("We also reaffirm the intergovernmental commitments related to social development, including those in "
            "the political declarations of the Sustainable Development Goals Summits held in 2019 and 2023, 4 as "
            "well as the relevant commitments in the Pact for the Future and its annexes.")
    rows = events("A/80/L.5", "8", None, text)
    assert [(r["event"], r["place"], r["start"]) for r in rows] == [
        ("Sustainable Development Goals Summits", None, "2019")]


# --- the canned query -------------------------------------------------------------------------------------------

@needs_seeds
def test_events_query_answers_the_contract_on_the_three_seeds(seed_store):
    rows = query_json(seed_store, "events")
    assert rows and all(set(r) >= {"event", "place", "start", "end", "organizer", "document"} for r in rows)
    by_event = {(r["event"], r["start"]): r for r in rows}
    marrakech = by_event[("Intergovernmental Conference for the adoption of the Global Compact on Safe, Orderly and "
                          "Regular Migration", "2018-12-10")]
    assert (marrakech["place"], marrakech["end"]) == ("Marrakech, Morocco", "2018-12-11")
    assert is_seed(marrakech["document"], "001", "A/74/290")
    kyoto = by_event[("Fourteenth United Nations Congress on Crime Prevention and Criminal Justice", "2021-03-07")]
    assert kyoto["place"] == "Kyoto, Japan" and is_seed(kyoto["document"], "003", "CTOC/COP/2022/4")
    world_day = [r for r in rows if r["event"] == "World Day against Trafficking in Persons"]
    assert {r["start"] for r in world_day} == {"2014"} and "E/RES/2021/25" in {r["document"] for r in world_day}
    # a meeting, workshop or forum is only read with a date; a numbered session, a named conference or summit and
    # an observance are events even where the text does not date them
    assert all(r["start"] or r["type"] in ("Session", "Conference", "Observance") for r in rows)
    # the seed COP report names its tenth session bare in paragraph 4 and dated (October 2020) in paragraph 1: one row
    tenth = [r for r in rows if r["event"].startswith("tenth session of the Conference of the Parties")]
    assert [(r["start"], r["paragraphs"]) for r in tenth] == [("2020-10", "1")]


def is_seed(identifier: str, number: str, symbol: str) -> bool:
    """The document column is the document's identifier: its symbol where the header states one, else the file's."""
    return identifier == symbol or identifier.startswith(number + "_")


@needs_seeds
def test_events_query_filters_by_year(seed_store):
    rows = query_json(seed_store, "events", "year=2018")
    assert rows and all(r["start"].startswith("2018") for r in rows)


# --- the meetings a resolution names for itself, sessions, observances, named conferences ---------------------

def resolution_events(symbol: str, body: str, paragraphs: list[tuple[str, str, str]]) -> list[dict]:
    """The occurrences read from a whole resolution of (key, kind, text) paragraphs, headers included."""
    from pathlib import Path

    from seed_paragraphs import extractor
    from tipkg.model import Document, DocumentMetadata, Paragraph

    text, built = "", []
    for i, (key, kind, body_text) in enumerate(paragraphs):
        built.append(Paragraph(key, kind, None, body_text, len(text), len(text) + len(body_text), i))
        text += body_text + "\n"
    metadata = DocumentMetadata(symbol=symbol, issuing_body=body, kind="resolution")
    doc = Document(symbol.replace("/", "-"), Path(f"{symbol.replace('/', '_')}.txt"), text, metadata, [], built, "")
    return [{"event": a.entity("event").label, "start": a.values.get("startDate"), "end": a.values.get("endDate"),
             "paragraph": a.paragraph, "rule": a.rule}
            for a in of_kind(extractor()(doc).assertions, "occurrence")]


A_RES_78_10 = [  # /work/shared/corpus/unga/A_RES_78_10.txt: header, PP1, PP4, PP16, OP9 and the closing line
    ("header-5", "header", "Seventy-eighth session"),
    ("header-6", "header", "Agenda item 11"),
    ("opening", "header", "The General Assembly,"),
    ("PP1", "preambular", "Recalling its resolution 76/13 of 2 December 2021, in which it decided to include in the "
     "provisional agenda of its seventy-eighth session the sub-item entitled “Building a peaceful and better world "
     "through sport and the Olympic ideal”, and recalling also its prior decision to consider the sub-item every two "
     "years, in advance of the Summer and Winter Olympic Games,"),
    ("PP4", "preambular", "Recognizing the valuable contribution of sport in promoting education, sustainable "
     "development, peace, cooperation, solidarity, fairness, social inclusion and health at the local, regional and "
     "international levels, and noting that, as declared in the 2005 World Summit Outcome,¹ sports can contribute to "
     "an atmosphere of tolerance and understanding among peoples and nations,"),
    ("PP16", "preambular", "Recalling article 31 of the Convention on the Rights of the Child,⁴ which outlines the "
     "right of the child to engage in play and recreational activities, and the outcome document of the "
     "twenty-seventh special session of the General Assembly on children, entitled “A world fit for children”,⁵ which "
     "stresses the promotion of physical, mental and emotional health through play and sports,"),
    ("u1", "unnumbered", "38th plenary meeting 21 November 2023"),
]


def test_a_resolution_names_the_meeting_that_adopted_it_and_its_sessions():  # A/RES/78/10 (corpus)
    rows = resolution_events("A/RES/78/10", "General Assembly", A_RES_78_10)
    assert [(r["event"], r["start"], r["paragraph"]) for r in rows] == [
        ("seventy-eighth session of the General Assembly", None, "header-5"),
        ("seventy-eighth session of the General Assembly", None, "PP1"),  # "its": the body adopting it
        ("twenty-seventh special session of the General Assembly", None, "PP16"),
        ("38th plenary meeting of the seventy-eighth session of the General Assembly", "2023-11-21", "u1")]
    # "the 2005 World Summit Outcome" is a document, not the summit


def test_the_security_council_adoption_line_broken_before_its_date():  # S/RES/1196 (1998) (corpus, unhk)
    rows = resolution_events("S/RES/1196 (1998)", "Security Council", [
        ("header-2", "header", "RESOLUTION 1196 (1998)"),
        ("header-3", "header", "Adopted by the Security Council at its 3927th meeting,"),
        ("header-4", "header", "on 16 September 1998"),
        ("opening", "header", "The Security Council,"),
        ("PP1", "preambular", "Reaffirming its resolution 1170 (1998) of 28 May 1998,")])
    assert [(r["event"], r["start"], r["paragraph"]) for r in rows] == [
        ("3927th meeting of the Security Council", "1998-09-16", "header-3")]


def test_the_hrc_session_from_the_header_with_its_dates():  # A/HRC/RES/44/4 (dev document)
    rows = resolution_events("A/HRC/RES/44/4", "Human Rights Council", [
        ("header-1", "header", "Human Rights Council"),
        ("header-2", "header", "Forty-fourth session"),
        ("header-3", "header", "30 June–17 July 2020"),
        ("header-4", "header", "Agenda item 3"),
        ("opening", "header", "The Human Rights Council,"),
        ("PP1", "preambular", "Guided by the Charter of the United Nations,"),
        ("u1", "unnumbered", "27th meeting 16 July 2020 [Adopted without a vote.]")])
    assert [(r["event"], r["start"], r["end"]) for r in rows] == [
        ("forty-fourth session of the Human Rights Council", "2020-06-30", "2020-07-17"),
        ("27th meeting of the forty-fourth session of the Human Rights Council", "2020-07-16", None)]


def test_its_session_is_of_the_body_named_last_not_of_the_adopting_body():  # E/RES/2017/18 PP13 (dev document)
    text = ("Taking note of the decision of the General Assembly, in its resolution 68/192 of 18 December 2013, to "
            "appraise the progress achieved in the implementation of the Global Plan of Action on a four-year basis, "
            "starting at its seventy-second session,")
    rows = events("E/RES/2017/18", "PP13", None, text)
    assert [(r["event"], r["start"]) for r in rows] == [("seventy-second session of the General Assembly", None)]


def test_its_after_an_agent_that_holds_no_sessions_reads_no_session():  # A/RES/80/150 (corpus)
    text = ("Looks forward to the final recommendations from the pilot projects under the feasibility study for the "
            "international investment support centre, as part of the report of the Secretary-General for its "
            "consideration at its eighty-first session;")
    rows = events("A/RES/80/150", "OP5", None, text)
    assert not [r for r in rows if "session of the Secretary-General" in r["event"]]
    # the sentence does not say whose session in a way the rule can tell: nothing rather than a guess
    assert not [r for r in rows if r["rule"] == "events.session"]


def test_the_year_an_international_year_is_dated_by():  # E/HLS/2022/1 (corpus, unhk)
    text = ("Recalling that 2022 is the International Year of Artisanal Fisheries and Aquaculture, we recognize the "
            "role of small-scale aquatic food producers in this regard and we encourage support to sustainable "
            "small-scale fisheries, including through the implementation of the Voluntary Guidelines for Securing "
            "Sustainable Small-scale Fisheries in the Context of Food Security and Poverty Eradication and by "
            "increasing access to resources and markets for small-scale artisanal fisheries.")
    rows = events("E/HLS/2022/1", "1", None, text)
    year = [r for r in rows if r["event"] == "International Year of Artisanal Fisheries and Aquaculture"]
    assert [(r["class"], r["start"]) for r in year] == [("Observance", "2022")]


def test_an_observance_named_but_not_dated_is_an_undated_event():  # A/RES/78/10 PP6 (corpus)
    rows = events("A/RES/78/10", "PP6", None,
                  "Welcoming the designation of 6 April as the International Day of Sport for Development and Peace,")
    assert [(r["event"], r["class"], r["start"]) for r in rows] == [
        ("International Day of Sport for Development and Peace", "Observance", None)]
    assert events("A/RES/78/10", "PP6", None, "Welcoming the International Organization for Migration,") == []


def test_summits_named_in_capitals():  # A/RES/70/179 PP5 (dev document)
    text = ("Reaffirming the commitment made by world leaders at the Millennium Summit, the 2005 World Summit and the "
            "high-level plenary meeting of the General Assembly on the Millennium Development Goals, held in 2010, to "
            "devise, enforce and strengthen effective measures to combat and eliminate all forms of trafficking in "
            "persons,")
    rows = {r["event"]: r for r in events("A/RES/70/179", "PP5", None, text)}
    assert (rows["Millennium Summit"]["start"], rows["2005 World Summit"]["start"]) == (None, "2005")


def test_a_conference_dated_by_the_declaration_it_adopted():  # A/RES/70/179 PP26 (dev document)
    text = ("Taking note of the Khartoum process and its Declaration adopted in Khartoum on 16 October 2014 during the "
            "Regional Ministerial Conference on Human Trafficking and Smuggling in the Horn of Africa, coordinated by "
            "the African Union, the Office of the United Nations High Commissioner for Refugees and the International "
            "Organization for Migration,")
    rows = events("A/RES/70/179", "PP26", None, text)
    assert [(r["event"], r["place"], r["start"]) for r in rows] == [
        ("Regional Ministerial Conference on Human Trafficking and Smuggling in the Horn of Africa", "Khartoum",
         "2014-10-16")]


def test_a_named_summit_ends_before_its_dates_and_place():  # A/RES/79/322 PP3; A/C.3/80/L.47 fn11 (corpus)
    text = ("Welcoming the convening of the Summit of the Future on 22–23 September 2024 at the United Nations "
            "Headquarters in New York at which resolution 79/1 entitled “The Pact for the Future” and its annexes were "
            "adopted,")
    # one row: the place past the venue's building ("at the United Nations Headquarters in New York") is read too,
    # and the row without it (events.named-conference) says less than it, so it is not listed beside it
    summit = [r for r in events("A/RES/79/322", "PP3", None, text) if r["event"] == "Summit of the Future"]
    assert [(r["event"], r["place"], r["start"], r["end"]) for r in summit] == [
        ("Summit of the Future", "New York", "2024-09-22", "2024-09-23")]
    note = ("Report of the International Conference on Population and Development, Cairo, 5–13 September 1994 (United "
            "Nations publication, Sales No. E.95.XIII.18), chap. I, resolution 1, annex.")
    assert [(r["event"], r["place"], r["start"]) for r in events("A/C.3/80/L.47", "fn11", None, note)] == [
        ("International Conference on Population and Development", "Cairo", "1994-09-05")]


def test_its_after_an_agent_of_by_is_the_adopting_body_s():  # A/C.6/80/L.23 PP23 (corpus)
    text = ("Recalling also its decision that, bearing in mind its resolutions 62/63 and 63/119, the consideration of "
            "the report of the Group of Legal Experts, in particular its legal aspects, taking into account the views of "
            "Member States and also noting the inputs by the Secretariat, would be continued during its eighty-first "
            "session in the framework of a working group of the Sixth Committee,")
    rows = events("A/C.6/80/L.23", "PP23", None, text)
    assert [r["event"] for r in rows] == ["eighty-first session of the General Assembly"]


def test_standing_conferences_are_bodies_not_events():  # A/RES/78/36 OP1, A/RES/78/316 PP7 (corpus)
    text = ("Stresses that sustained efforts are needed, within the framework of the Conference on Disarmament and under "
            "the umbrella of the United Nations, to make progress on the entire range of disarmament issues;")
    assert events("A/RES/78/36", "OP1", None, text) == []
    text = ("Taking note of decision GC(53)/DEC/13 of 18 September 2009 of the General Conference of the International "
            "Atomic Energy Agency, entitled “Prohibition of armed attack or threat of attack against nuclear "
            "installations, during operation or under construction”, as well as relevant resolutions of the General "
            "Conference of the Agency,")
    assert events("A/RES/78/316", "PP7", None, text) == []


def test_a_session_of_a_short_form_body_is_not_read():  # A/RES/78/203 OP8 (corpus)
    text = ("Notes the presentation to the Working Group at its nineteenth session of the set of standards for the "
            "implementation of the right to development prepared by the Chair-Rapporteur,²¹ which is a useful basis for "
            "further deliberations on the implementation and realization of the right to development;")
    assert events("A/RES/78/203", "OP8", None, text) == []


def test_a_conference_with_its_city_and_state_in_a_note():  # A/RES/78/164 fn4 (corpus)
    text = ("Report of the International Conference on Financing for Development, Monterrey, Mexico, 18– 22 March 2002 "
            "(United Nations publication, Sales No. E.02.II.A.7), chap. I, resolution 1, annex.")
    assert [(r["event"], r["place"], r["start"], r["end"]) for r in events("A/RES/78/164", "fn4", None, text)] == [
        ("International Conference on Financing for Development", "Monterrey, Mexico", "2002-03-18", "2002-03-22")]


def test_an_ordinal_decade_and_its_period():  # A/RES/78/93 PP16 (corpus)
    text = ("Recalling the importance of the conclusions and recommendations adopted by the seminar, which are annexed to "
            "the report of the Special Committee and which outline the findings of the seminar, including, especially, "
            "the way forward for the decolonization process within the context of the proclamation by the General "
            "Assembly of the period 2021–2030 as the Fourth International Decade for the Eradication of Colonialism,⁵")
    rows = [r for r in events("A/RES/78/93", "PP16", None, text) if r["class"] == "Observance"]
    assert [(r["event"], r["start"], r["end"]) for r in rows] == [
        ("Fourth International Decade for the Eradication of Colonialism", "2021", "2030")]


A_C3_80_L7_PP5 = ("Recalling its resolution 76/181 of 16 December 2021, in which it requested the Commission on Crime "
                  "Prevention and Criminal Justice to review the implementation of the Kyoto Declaration¹ under the "
                  "standing item on its agenda entitled “Follow-up to the Fourteenth United Nations Congress on Crime "
                  "Prevention and Criminal Justice and preparations for the Fifteenth United Nations Congress on Crime "
                  "Prevention and Criminal Justice”,")
A_C3_80_L7_PP7 = (
    "Recalling further its resolution 79/186 of 17 December 2024, in which it, inter alia, decided to hold the Fifteenth "
    "Congress in Abu Dhabi from 25 to 30 April 2026, with pre-Congress consultations to be held on 24 April 2026, "
    "decided that the high-level segment of the Fifteenth Congress would be held during the first two days of the "
    "Congress, requested the Secretary-General to prepare a plan for the documentation for the Fifteenth Congress, in "
    "consultation with the extended Bureau of the Commission on Crime Prevention and Criminal Justice, and to appoint a "
    "Secretary-General and an Executive Secretary of the Fifteenth Congress, and to ensure, in collaboration with Member "
    "States, a wide and effective programme of public information relating to the preparations for the Fifteenth "
    "Congress, to the Congress itself and to the follow-up to and implementation of its recommendations, invited "
    "Governments to undertake preparations for the Fifteenth Congress at an early stage by all appropriate means, "
    "including, where appropriate, the establishment of national preparatory committees, and encouraged the relevant "
    "United Nations programmes, specialized agencies of the United Nations system and intergovernmental and "
    "non-governmental organizations, as well as other professional organizations, to cooperate with the United Nations "
    "Office on Drugs and Crime in the preparations for the Fifteenth Congress,")


def test_a_short_name_takes_the_full_name_the_document_gives():  # A/C.3/80/L.7 PP5, PP7 (corpus)
    rows = resolution_events("A/C.3/80/L.7", "General Assembly", [
        ("PP5", "preambular", A_C3_80_L7_PP5), ("PP7", "preambular", A_C3_80_L7_PP7)])
    congress = [r for r in rows if r["paragraph"] == "PP7" and r["start"] == "2026-04-25"]
    assert [r["event"] for r in congress] == [
        "Fifteenth United Nations Congress on Crime Prevention and Criminal Justice"]
    alone = resolution_events("A/C.3/80/L.7", "General Assembly", [("PP7", "preambular", A_C3_80_L7_PP7)])
    assert "Fifteenth Congress" in [r["event"] for r in alone]  # no full name in the document: as written


def test_the_date_of_a_cited_resolution_does_not_date_the_event():  # A/RES/79/322 PP2 (corpus)
    text = ("Reaffirming also its resolution 70/1 of 25 September 2015, entitled “Transforming our world: the 2030 Agenda "
            "for Sustainable Development”, its resolution 69/313 of 27 July 2015 on the Addis Ababa Action Agenda of the "
            "Third International Conference on Financing for Development and the political declaration adopted at the "
            "high-level political forum on sustainable development convened under the auspices of the General Assembly "
            "contained in the annex to its resolution 78/1 of 29 September 2023,")
    assert not [r for r in events("A/RES/79/322", "PP2", None, text) if r["start"] == "2023-09-29"]


def test_proclaim_a_year_and_a_redesignated_body():  # A/RES/78/127 OP1, A/RES/79/17 fn2 (corpus)
    rows = events("A/RES/78/127", "OP1", None,
                  "Decides to proclaim 2026 the International Year of Volunteers for Sustainable Development;")
    assert [(r["event"], r["start"]) for r in rows] == [
        ("International Year of Volunteers for Sustainable Development", "2026")]
    note = "The Committee on Disarmament was redesignated the Conference on Disarmament as from 7 February 1984."
    assert events("A/RES/79/17", "fn2", None, note) == []


# --- audit round 2 (benchmarks/audit/sheet-seed20261207-80efe24.md): places, dates, names and bodies ------------

def test_a_place_after_an_aside_set_off_by_commas():  # ../shared/corpus/unga/A_C.1_80_L.22.txt, PP11
    text = ("Recalling the holding of the high-level meeting on countering nuclear terrorism, with a focus on "
            "strengthening the legal framework, in New York on 28 September 2012,")
    rows = events("A/C.1/80/L.22", "PP11", None, text)
    assert [(r["event"], r["place"], r["start"], r["organizer"]) for r in rows] == [
        ("high-level meeting on countering nuclear terrorism", "New York", "2012-09-28", [])]


def test_by_an_actor_after_an_events_name_is_its_organizer_and_a_supporter_is_not():
    # ../shared/corpus/unga/A_RES_78_232.txt, PP12
    text = ("Looking forward also to the convening of the first Global Supply Chain Forum by the Government of Barbados "
            "with the support of the United Nations Conference on Trade and Development, to be held in Bridgetown from "
            "21 to 24 May 2024,")
    rows = events("A/RES/78/232", "PP12", None, text)
    assert [(r["event"], r["place"], r["start"], r["end"], r["organizer"]) for r in rows] == [
        ("first Global Supply Chain Forum", "Bridgetown", "2024-05-21", "2024-05-24", ["Government of Barbados"])]


def test_an_observances_name_ends_before_a_clause_that_opens_with_a_capital():
    # ../shared/corpus/unga/A_RES_80_106.txt, PP7
    text = ("Recognizing that the eradication of colonialism has been and continues to be one of the priorities of the "
            "United Nations, particularly for the Fourth International Decade for the Eradication of Colonialism, "
            "Solemnly proclaiming the necessity of bringing to a speedy and unconditional end colonialism in all its "
            "forms and manifestations, and reaffirming its determination to implement the Declaration on the Granting "
            "of Independence to Colonial Countries and Peoples and all its subsequent resolutions and decisions, and to "
            "take all necessary steps in this regard,")
    assert [r["event"] for r in events("A/RES/80/106", "PP7", None, text)] == [
        "Fourth International Decade for the Eradication of Colonialism"]
    # a name that goes on past a comma with its own words: ../shared/corpus/unga/A_C.2_80_L.47.txt, PP16
    text = ("Recalling its resolution 78/259 of 9 January 2024 on the International Day of Science, Technology and "
            "Innovation for the South, in which it called upon the international community to foster an open, fair, "
            "inclusive and non-discriminatory environment for scientific and technological development and "
            "cooperation, and to support all countries, particularly those of the global South, in strengthening "
            "their national science, technology and innovation systems,")
    assert [r["event"] for r in events("A/C.2/80/L.47", "PP16", None, text)] == [
        "International Day of Science, Technology and Innovation for the South"]


def test_its_session_is_not_the_body_of_a_cited_resolution():  # ../shared/corpus/unga/A_RES_78_314.txt, OP8
    text = ("Decides, in accordance with Economic and Social Council resolution 1989/84, to review the implementation of "
            "the Decade at its eighty-fourth session, and requests, in this regard, the Secretary-General to report to "
            "the General Assembly at its eighty-fourth session on the status of the implementation of the Decade, "
            "including its contribution to the implementation of the Sustainable Development Goals.")
    assert [r["event"] for r in events("A/RES/78/314", "OP8", None, text)] == [
        "eighty-fourth session of the General Assembly"]


def test_a_session_read_with_its_place_and_dates_is_not_listed_bare_beside_it():
    # ../shared/corpus/unga/A_RES_80_123.txt, OP38: events.session reads the session too, with nothing more
    text = ("Recalls the holding of the sixteenth session of the United Nations Conference on Trade and Development in "
            "Geneva from 20 to 23 October 2025, and the Bridgetown Covenant,¹¹ and encourages the United Nations "
            "Conference on Trade and Development, in cooperation with the World Bank and the International Monetary "
            "Fund, to continue its analytical and policy work and technical assistance on debt issues, including to "
            "promote policies for responsible, sustainable and transparent sovereign borrowing and lending, as "
            "appropriate, and to enhance the efficiency of the global economic system and debt sustainability for the "
            "realization of the 2030 Agenda in developing countries;")
    assert [(r["event"], r["place"], r["start"], r["end"]) for r in events("A/RES/80/123", "OP38", None, text)] == [
        ("sixteenth session of the United Nations Conference on Trade and Development", "Geneva", "2025-10-20",
         "2025-10-23")]
    # two different sessions of one paragraph are both kept (../shared/corpus/unga/A_RES_78_314.txt has one;
    # A/C.6/80/L.23 PP23 above has one too): the filter drops a row only for a fuller row of the same event
    from tipkg.extract.prose import without_subsumed
    from tipkg.model import Assertion, Entity

    def occ(label, **values):
        return Assertion("occurrence", "d", "p", "", "r", {"event": [Entity("event", label, label, ("Session",))]},
                         values)
    kept = without_subsumed([occ("tenth session"), occ("eleventh session", startDate="2024")])
    assert [a.roles["event"][0].label for a in kept] == ["tenth session", "eleventh session"]


def test_a_period_proclaimed_an_observance_dates_it_across_a_line_break():
    # ../shared/corpus/unga/A_C.2_80_L.18.txt, PP14 ("2024– 2034": the PDF's line break after the dash)
    text = ("Recalling its resolution 77/326 of 25 August 2023 proclaiming the period 2024– 2034 the International "
            "Decade on Sciences for Sustainable Development, which highlighted the critical role that sciences play in "
            "the pursuit of sustainable development in its three dimensions as one of the key means of implementation,")
    assert [(r["event"], r["start"], r["end"]) for r in events("A/C.2/80/L.18", "PP14", None, text)] == [
        ("International Decade on Sciences for Sustainable Development", "2024", "2034")]


def test_its_session_after_a_body_the_gazetteer_does_not_know_is_not_the_adopting_bodys():
    # ../shared/corpus/unga/A_RES_80_75.txt, OP11: the Scientific Committee's session, not the General Assembly's
    text = ("Recognizes the intention of the Scientific Committee to postpone to its seventy-third session the decision "
            "on the starting date of the upcoming evaluations on effects of ionizing radiation on the immune system and "
            "on levels of radiation exposure to and effects on wildlife populations and ecosystems, subject to the "
            "availability of resources in the secretariat;")
    assert events("A/RES/80/75", "OP11", None, text) == []
    # no body acting before "its": the adopting body's (../shared/corpus/unga/A_RES_78_68.txt, OP276, cut at its end)
    text = ("Decides to include in the provisional agenda of its seventy-ninth session, under the item entitled “Oceans "
            "and the law of the sea”, the sub-item entitled “Sustainable fisheries, including through the 1995 Agreement "
            "for the Implementation of the Provisions of the United Nations Convention on the Law of the Sea of 10 "
            "December 1982 relating to the Conservation and Management of Straddling Fish Stocks and Highly Migratory "
            "Fish Stocks, and related instruments”, and to consider the possibility of including this sub-item in future "
            "provisional agendas on a biennial basis.")
    assert [r["event"] for r in events("A/RES/78/68", "OP276", None, text)] == [
        "seventy-ninth session of the General Assembly"]


def test_a_named_conference_held_later_in_the_sentence_past_its_hosts():
    # ../shared/corpus/unga/A_RES_79_208.txt, PP33
    text = ("Recalling the convening of the 2023 United Nations Conference on the Midterm Comprehensive Review of the "
            "Implementation of the Objectives of the International Decade for Action, “Water for Sustainable "
            "Development”, 2018–2028, and looking forward to the 2026 United Nations Water Conference to Accelerate the "
            "Implementation of Sustainable Development Goal 6: Ensure availability and sustainable management of water "
            "and sanitation for all, to be co-hosted by Senegal and the United Arab Emirates and held in the United Arab "
            "Emirates from 2 to 4 December 2026,")
    water = one(events("A/RES/79/208", "PP33", None, text), "2026 United Nations Water Conference")
    assert (water["place"], water["start"], water["end"]) == ("United Arab Emirates", "2026-12-02", "2026-12-04")


def test_a_conference_cited_in_a_note_with_two_days_joined_by_and():
    # ../shared/corpus/unga/A_RES_80_3.txt, annex-I.fn2
    text = ("Report of the International Ministerial Conference of Landlocked and Transit Developing Countries and Donor "
            "Countries and International Financial and Development Institutions on Transit Transport Cooperation, "
            "Almaty, Kazakhstan, 28 and 29 August 2003 (A/CONF.202/3), annex I.")
    rows = events("A/RES/80/3", "annex-I.fn2", None, text)
    assert [(r["place"], r["start"], r["end"]) for r in rows] == [("Almaty, Kazakhstan", "2003-08-28", "2003-08-29")]


def test_an_event_organized_by_named_actors_is_named_without_them():
    # ../shared/corpus/unga/A_C.2_80_L.39.txt, OP11
    text = ("Welcomes the convening of the interregional forum organized by the Economic and Social Commission for "
            "Western Asia and the Economic and Social Commission for Asia and the Pacific, held in Beirut on 7 and 8 "
            "October 2025, in collaboration with the United Nations Coalition on Combating Sand and Dust Storms, and "
            "implemented within the framework of activities planned by the Coalition’s Working Group on Regional "
            "Collaboration in support of the United Nations Decade on Combating Sand and Dust Storms (2025–2034), aimed "
            "at fostering regional and interregional dialogue on joint actions and cooperative responses to combat sand "
            "and dust storms;")
    forum = one(events("A/C.2/80/L.39", "OP11", None, text), "interregional forum")
    assert (forum["event"], forum["place"], forum["start"], forum["end"], forum["organizer"]) == (
        "interregional forum", "Beirut", "2025-10-07", "2025-10-08",
        ["Economic and Social Commission for Western Asia", "Economic and Social Commission for Asia and the Pacific"])


# --- which meeting adopted which text (events.adopted-at) ---------------------------------------------------------

def adoptions(document: str, number: str, text: str | None) -> list[tuple[str, str, str | None, str | None]]:
    """(text adopted, meeting, start, place) for each occurrence that says what its meeting adopted, read from the
    document's own file in the corpora (whose paragraph `text` quotes, as it is)."""
    import re

    from rule_cases import paragraph_text, read_by
    name = document.replace("/", "_") + ".txt"
    path = next(f"corpus/{c}/{name}" for c in ("unga", "unhk") if (SHARED / "corpus" / c / name).is_file())
    if text is not None:  # (None: a paragraph too long to quote, read from the file alone)
        assert re.sub(r"\s+", " ", paragraph_text(path, number)) == re.sub(r"\s+", " ", text), f"{path} {number} quoted otherwise"
    return [(t.label, a.entity("event").label, a.values.get("startDate"), a.values.get("placeName"))
            for a in read_by(path, number, "events.adopted-at") for t in a.roles.get("adopted", [])]


A_RES_80_140_PP6 = (  # ../shared/corpus/unga/A_RES_80_140.txt, PP6
    "Reaffirming the New Urban Agenda, adopted at the United Nations Conference on Housing and Sustainable Urban "
    "Development (Habitat III), held in Quito, Ecuador, from 17 to 20 October 2016,¹⁰ and its vision for cities and "
    "human settlements that protect, conserve, restore and promote their ecosystems, water, natural habitats and "
    "biodiversity and minimize their environmental impact, and looking forward to the convening of the thirteenth "
    "session of the World Urban Forum, to be held in Baku, from 17 to 22 May 2026, under the theme “Housing the world: "
    "safe and resilient cities and communities” as an important platform to advance the implementation of the New "
    "Urban Agenda,")


def test_a_text_adopted_at_a_conference_held_in_a_place_on_dates():
    assert adoptions("A/RES/80/140", "PP6", A_RES_80_140_PP6) == [
        ("New Urban Agenda", "United Nations Conference on Housing and Sustainable Urban Development", "2016-10-17",
         "Quito, Ecuador")]
    # the other meeting of the paragraph adopted nothing, and is still listed as an event
    forum = one(events("A/RES/80/140", "PP6", None, A_RES_80_140_PP6), "thirteenth session of the World Urban Forum")
    assert forum["start"] == "2026-05-17"


def test_only_the_text_named_right_before_adopted_at_is_linked():
    # ../shared/corpus/unga/A_RES_79_212.txt, PP15
    text = ("Recalling the Sendai Declaration and the Sendai Framework for Disaster Risk Reduction 2015–2030, adopted at "
            "the Third United Nations World Conference on Disaster Risk Reduction and endorsed by the General Assembly in "
            "its resolution 69/283 of 3 June 2015, and recognizing that one of the priorities for action of the "
            "Framework is an understanding of disaster risk for prevention, mitigation and adaptation and for the "
            "development and implementation of appropriate preparedness and effective response to disasters, which "
            "continue to undermine efforts to achieve sustainable development, recalling also the convening of the "
            "high-level meeting of the General Assembly on the midterm review of the Sendai Framework for Disaster Risk "
            "Reduction 2015–2030, and its political declaration,¹²")
    # the name right before "adopted at" is the Framework's, no text the graph holds as a publication; the
    # Declaration named first may or may not have been adopted there too ("the Declaration on the Elimination of
    # Violence against Women and the Beijing Declaration ..., adopted at the Fourth World Conference on Women": not),
    # so no link is made, and the conference is listed as read
    assert adoptions("A/RES/79/212", "PP15", text) == []
    assert [r["rule"] for r in events("A/RES/79/212", "PP15", None, text)
            if r["event"].startswith("Third United Nations")] == ["events.named-conference"]


def test_a_meeting_named_before_the_day_of_the_adoption_ends_there():  # ../shared/corpus/unga/A_RES_78_240.txt, PP16
    text = ("Noting the humanitarian provisions on victim assistance, environmental remediation, international "
            "cooperation and assistance of the Treaty on the Prohibition of Nuclear Weapons, which entered into force on "
            "21 January 2021, and the references to these humanitarian provisions contained in the Vienna Action Plan, "
            "adopted at the First Meeting of States Parties to the Treaty on the Prohibition of Nuclear Weapons on 22 "
            "June 2022,")
    assert adoptions("A/RES/78/240", "PP16", text) == [
        ("Vienna Action Plan", "First Meeting of States Parties to the Treaty on the Prohibition of Nuclear Weapons",
         None, None)]  # 22 June 2022 is the day of the adoption, not said to be the meeting's first


def test_a_conference_name_ends_at_its_note_mark():  # ../shared/corpus/unga/A_RES_79_290.txt, PP12
    text = ("Recognizing the continued significance of the Beijing Declaration and Platform for Action adopted at the "
            "Fourth World Conference on Women⁴ and Security Council resolution 1325 (2000) of 31 October 2000 on women "
            "and peace and security, which will mark its twenty-fifth anniversary in 2025, as well as Security Council "
            "resolution 2538 (2020) of 28 August 2020 on bolstering women’s full, effective and meaningful participation "
            "in peacekeeping at all levels and in all positions,")
    assert adoptions("A/RES/79/290", "PP12", text) == [
        ("Beijing Declaration and Platform for Action", "Fourth World Conference on Women", None, None)]


def test_a_text_adopted_by_a_body_or_by_people_is_no_meeting():
    # ../shared/corpus/unga/A_RES_79_145.txt, PP19: the General Assembly is the publisher (publications.adopted)
    text = ("Welcoming the outcome document of the United Nations summit for the adoption of the post-2015 development "
            "agenda, held from 25 to 27 September 2015, entitled “Transforming our world: the 2030 Agenda for Sustainable "
            "Development”, as adopted by the General Assembly in its resolution 70/1 of 25 September 2015, and in this "
            "regard reaffirming the commitment to conserve and sustainably use the oceans, seas and marine resources for "
            "sustainable development, as reflected in Goal 14 of the outcome document,")
    assert adoptions("A/RES/79/145", "PP19", text) == []
    # ../shared/corpus/unga/A_RES_78_138.txt, PP2: heads of State on a day, then another text's name
    text = ("Recalling also the United Nations Millennium Declaration adopted by Heads of State and Government on 8 "
            "September 2000,¹ the 2005 World Summit Outcome adopted on 16 September 2005² and its resolution 60/265 of "
            "30 June 2006 on the follow-up to the development outcome of the 2005 World Summit, including the Millennium "
            "Development Goals and the other internationally agreed development goals,")
    assert adoptions("A/RES/78/138", "PP2", text) == []


def test_what_a_meeting_adopted_is_the_resolution_a_texts_name_is_part_of():
    # ../shared/corpus/unga/A_RES_79_190.txt, PP67: resolution 8/9 was adopted at the session, not the 2030 Agenda
    text = ("Noting also the work of other initiatives in the field of asset recovery, such as the Stolen Asset Recovery "
            "Initiative of the United Nations Office on Drugs and Crime and the World Bank, and welcoming their efforts "
            "to enhance cooperation between requesting and requested States and to collect information on international "
            "asset recovery cases in relation to offences established in accordance with the Convention, including on "
            "volumes of assets frozen, seized, confiscated and returned, pursuant to resolution 8/9 of 20 December 2019 "
            "on strengthening asset recovery to support the 2030 Agenda for Sustainable Development, adopted by the "
            "Conference of the States Parties to the Convention at its eighth session,")
    assert adoptions("A/RES/79/190", "PP67", text) == []


def test_the_listings_say_which_meeting_adopted_which_text(tmp_path):
    """Through the CLI, on two corpus resolutions built as they are: the events listing says what the meeting
    adopted, the publications listing where the text was adopted."""
    from conftest import CORPUS_TEXTS, build_files
    store, _ = build_files(tmp_path, CORPUS_TEXTS / "A_RES_80_140.txt", CORPUS_TEXTS / "A_RES_79_290.txt")
    habitat = [r for r in query_json(store, "events", "place=Quito")]
    assert [(r["event"], r["start"], r["document"], r["adopted"]) for r in habitat] == [
        ("United Nations Conference on Housing and Sustainable Urban Development", "2016-10-17", "A/RES/80/140",
         "New Urban Agenda")]
    beijing = [r for r in query_json(store, "publications") if r["title"] == "Beijing Declaration and Platform for Action"]
    assert [(r["document"], r["adopted_at"]) for r in beijing] == [("A/RES/79/290", "Fourth World Conference on Women")]
    assert all(not r["adopted_at"] for r in query_json(store, "publications")
               if r["title"] not in ("Beijing Declaration and Platform for Action", "New Urban Agenda"))


def test_a_text_adopted_at_a_conference_the_events_rules_read_gives_one_row_for_it():
    # ../shared/corpus/unhk/A_RES_77_194.txt, PP6 (the Fourth World Conference on Women, read by events.named-conference)
    text = ("Reaffirming the provisions pertaining to trafficking in women and girls contained in the outcome documents "
            "of relevant international conferences and summits, in particular the strategic objective on the issue of "
            "trafficking in persons contained in the Beijing Declaration and Platform for Action adopted by the Fourth "
            "World Conference on Women and the Programme of Action of the International Conference on Population and "
            "Development,")
    assert adoptions("A/RES/77/194", "PP6", text) == [
        ("Beijing Declaration and Platform for Action", "Fourth World Conference on Women", None, None)]
    # the bare reading of the conference says less and gives way to the one that says what it adopted
    assert [r["rule"] for r in events("A/RES/77/194", "PP6", None, text) if r["event"].startswith("Fourth World")] == [
        "events.adopted-at"]


def test_a_short_name_after_adopted_by_is_the_meeting_named_in_full_before():
    # ../shared/corpus/unga/A_C.3_80_L.55.txt, PP1
    text = ("Recalling all its previous resolutions on the comprehensive follow-up to the World Conference against "
            "Racism, Racial Discrimination, Xenophobia and Related Intolerance and the effective implementation of the "
            "Durban Declaration and Programme of Action adopted by the World Conference,¹ in particular its resolutions "
            "66/144 of 19 December 2011, 67/155 of 20 December 2012, 76/226 of 24 December 2021, 77/205 of 15 December "
            "2022, 78/234 of 22 December 2023 and 79/161 of 17 December 2024, as well as its resolutions 75/314 of 2 "
            "August 2021 and 76/1 of 22 September 2021, and in this regard underlining the imperative need for their "
            "full and effective implementation,")
    assert adoptions("A/C.3/80/L.55", "PP1", text) == [
        ("Durban Declaration and Programme of Action",
         "World Conference against Racism, Racial Discrimination, Xenophobia and Related Intolerance", None, None)]


def test_a_text_adopted_by_a_body_at_its_session_is_not_the_bodys_name():
    # ../shared/corpus/unhk/A_RES_48_162.txt, I.OP2: "... the final documents adopted by the United Nations
    # Conference on Trade and Development at its eighth session, held at Cartagena de Indias, Colombia, from 8 to 25
    # February 1992, ...": the session, which no rule reads here, or nothing; never the standing body. (The same
    # words about the Cartagena Commitment stood in A_RES_47_196.txt, but in the text of resolution 47/197 that its
    # page goes on with, which is no longer read as part of 47/196)
    assert not any(meeting == "United Nations Conference on Trade and Development"
                   for _, meeting, _, _ in adoptions("A/RES/48/162", "I.OP2", None))


def test_a_text_adopted_by_a_standing_organ_outside_a_named_session_has_no_meeting():
    # ../shared/corpus/unhk/A_HRC_RES_49_16.txt, PP4
    text = ("Noting the declarations within the United Nations system on cultural diversity and international cultural "
            "cooperation, in particular the Declaration of the Principles of International Cultural Cooperation and the "
            "Universal Declaration on Cultural Diversity, adopted by the General Conference of the United Nations "
            "Educational, Scientific and Cultural Organization in 1966 and 2001, respectively,")
    assert adoptions("A/HRC/RES/49/16", "PP4", text) == []


def test_the_day_a_conference_adopted_a_text_dates_it_by_its_year_only():
    # ../shared/corpus/unga/A_RES_78_197.txt, PP6: the World Conference on Human Rights sat from 14 to 25 June 1993
    text = ("Reaffirming the importance of ensuring the universality, objectivity and non-selectivity of the "
            "consideration of human rights issues, as affirmed in the Vienna Declaration and Programme of Action adopted "
            "by the World Conference on Human Rights on 25 June 1993,³ and the elimination of double standards,")
    assert adoptions("A/RES/78/197", "PP6", text) == [
        ("Vienna Declaration and Programme of Action", "World Conference on Human Rights", "1993", None)]


def test_an_observances_name_runs_as_far_as_its_capitals():
    """events.observance: "the International Day for the Fight against Illegal, Unreported and Unregulated Fishing"
    (A/RES/80/109 PP24) goes on past its comma; "the International Day of Women and Girls of African Descent and
    recognized the significant contribution ..." (A/RES/79/161 PP34) ends before the clause."""
    from rule_cases import flat, read_by
    assert [flat(a)["event"] for a in read_by("corpus/unga/A_RES_80_109.txt", "PP24", "events.observance")] == [
        ["International Day for the Fight against Illegal, Unreported and Unregulated Fishing"]]
    assert [flat(a)["event"] for a in read_by("corpus/unga/A_RES_79_161.txt", "PP34", "events.observance")] == [
        ["International Day of Women and Girls of African Descent"]]


def test_a_planned_conference_dedicated_to_a_theme_keeps_it_and_its_place():
    # ../shared/corpus/unga/A_RES_78_147.txt, PP7: "to convene an international conference dedicated to glaciers’
    # preservation in Tajikistan in 2025"
    from rule_cases import flat, read_by
    rows = [flat(a) for a in read_by("corpus/unga/A_RES_78_147.txt", "PP7", "events.planned")]
    assert rows[0] == {"event": ["international conference dedicated to glaciers’ preservation"], "place": ["Tajikistan"],
                       "startDate": "2025", "placeName": "Tajikistan"}


def test_an_observances_ordinal_and_period_are_its_own():
    """events.observance: "Decides to designate 2024 as the second International Year of Small Island Developing
    States" (A/RES/78/232 OP29) and "it declared the period 2021–2030 the Fourth International Decade for the
    Eradication of Colonialism" (A/RES/79/114 PP3): the ordinal is part of the name, the year or period dates it."""
    from rule_cases import flat, read_by
    assert [flat(a) for a in read_by("corpus/unga/A_RES_78_232.txt", "OP29", "events.observance")] == [
        {"event": ["second International Year of Small Island Developing States"], "startDate": "2024"}]
    assert [flat(a) for a in read_by("corpus/unga/A_RES_79_114.txt", "PP3", "events.observance")] == [
        {"event": ["Fourth International Decade for the Eradication of Colonialism"], "startDate": "2021", "endDate": "2030"}]
