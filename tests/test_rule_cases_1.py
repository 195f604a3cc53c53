"""Seventeen extraction rules (campaigns, events, figures, treaties, implementation) on real paragraphs, as they are
in their files: for each, a paragraph where the rule reads a fact that the text states (checked by reading it), and a
paragraph with the rule's cue words where it rightly reads nothing.

figures.as-at has no positive case: on the seeds, dev and corpus files it reads only one paragraph
(corpus/unhk/E_2018_64.txt, 108), and there two of its three figures are wrong ("168 parties ... had communicated
their first nationally determined contributions" becomes 168 parties of the Paris Agreement)."""
from __future__ import annotations

from rule_cases import ECOSOC_2021_25, REPORT_2019, REPORT_2022, read_by, rows

SAND_AND_DUST = "corpus/unga/A_RES_78_158.txt"  # Combating sand and dust storms


def test_hashtag_campaign_is_read_with_who_runs_it():
    # "To promote the World Day, UNODC continued with its multi-year social media campaign entitled “#IGiveHope”."
    assert rows(REPORT_2019, "126", "campaigns.hashtag") == [
        {"initiative": ["#IGiveHope"], "conductedBy": ["United Nations Office on Drugs and Crime"]}]
    # negative: "Czechia uses the Regional Action Plan and # Housing 2030 Initiative": a "#" that starts no hashtag,
    # and an initiative, no campaign
    assert read_by("corpus/unhk/ECE_HBP_213.txt", "annex-I.33", "campaigns.hashtag") == []


def test_quoted_campaign_name_is_read_with_who_launched_it():
    # "UNODC launched the "Women Can" campaign under the framework of the Global Action ..."
    assert rows(REPORT_2022, "75", "campaigns.named") == [
        {"initiative": ["Women Can"], "conductedBy": ["United Nations Office on Drugs and Crime"]}]
    # negative: "the launch by the United Nations High Commissioner for Human Rights of an international campaign for
    # the universal ratification of the Convention": a campaign described, not named
    assert read_by("corpus/unga/A_RES_78_207.txt", "PP20", "campaigns.named") == []


def test_observance_campaign_of_a_year_is_read_with_its_theme():
    # "In 2017, ... the theme that UNODC chose for the World Day was “act to protect and assist trafficked persons”"
    assert rows(REPORT_2019, "127", "campaigns.observance") == [
        {"initiative": ["World Day against Trafficking in Persons 2017"],
         "conductedBy": ["United Nations Office on Drugs and Crime"], "year": "2017",
         "figures": "theme: act to protect and assist trafficked persons"}]
    # negative: "annual commemorative meetings ... during the commemoration of the International Day for the
    # Elimination of Racial Discrimination, with the appropriate focus and themes": no year, no theme
    assert read_by("corpus/unga/A_RES_78_234.txt", "OP54", "campaigns.observance") == []


def test_named_operation_is_read_with_its_results_year_and_conductor():
    # sub-item of "The last two operations coordinated by the [INTERPOL trafficking] unit were the following:":
    # "Operation Libertad. A total of 347 potential victims were rescued, and 22 suspected traffickers arrested, ...
    # The operation was carried out in 13 Caribbean countries in April 2018;"
    assert rows(REPORT_2019, "81(a)", "campaigns.operation") == [
        {"initiative": ["Operation Libertad"], "conductedBy": ["International Criminal Police Organization"],
         "year": "2018",
         "figures": "347 potential victims rescued; 22 suspected traffickers arrested; 13 Caribbean countries"}]
    # negative: "the final performance of the United Nations Operation in Côte d’Ivoire": a peacekeeping operation,
    # no law enforcement operation
    assert read_by("corpus/unga/A_RES_78_299.txt", "PP1", "campaigns.operation") == []


def test_closing_line_names_the_meeting_that_adopted_the_resolution():
    # the resolution's closing line: "49th plenary meeting / 19 December 2023"; the Assembly numbers its plenary
    # meetings anew each session, so the session of the header ("Seventy-eighth session") is part of the name
    assert rows(SAND_AND_DUST, "u1", "events.adoption-meeting") == [
        {"event": ["49th plenary meeting of the seventy-eighth session of the General Assembly"],
         "startDate": "2023-12-19"}]
    # negative: "at its 397th meeting, on 7 April 2025, the Disarmament Commission adopted the agenda": another body's
    # meeting, cited in an operative paragraph, adopted no resolution of the document
    assert read_by("corpus/unga/A_C.1_80_L.48.txt", "OP4", "events.adoption-meeting") == []
    # negative: a report's header "Eleventh session" is the session it goes to, not one that adopted it
    assert read_by(REPORT_2022, "header-4", "events.adoption-meeting") == []


def test_a_text_typed_without_its_front_matter_names_its_meetings_session():
    # the Council numbers its meetings anew each session too: "38th meeting / 11 July 2019" closes resolution 41/4 and
    # "38th meeting / 26 September 2019" resolution 42/1; one node for both put them in conflict (95 rows of
    # `conflicts` on both corpora). The session is on the header's first line, joined with the organ and its dates:
    # "Human Rights Council Forty-first session 24 June–12 July 2019 Agenda item 3 Resolution adopted by ..."
    assert rows("corpus/unhk/A_HRC_RES_41_4.txt", "u1", "events.adoption-meeting") == [
        {"event": ["38th meeting of the forty-first session of the Human Rights Council"], "startDate": "2019-07-11"}]
    assert rows("corpus/unhk/A_HRC_RES_41_4.txt", "header-1", "events.adoption-meeting") == [
        {"event": ["forty-first session of the Human Rights Council"], "startDate": "2019-06-24",
         "endDate": "2019-07-12"}]
    assert rows("corpus/unhk/A_HRC_RES_42_1.txt", "u1", "events.adoption-meeting")[0]["event"] == [
        "38th meeting of the forty-second session of the Human Rights Council"]
    # no session line at all ("Resolution adopted by the General Assembly on 13 December 2013" and the title): the
    # session is the one the symbol A/RES/68/99 numbers
    assert rows("corpus/unhk/A_RES_68_99.txt", "u1", "events.adoption-meeting") == [
        {"event": ["67th plenary meeting of the sixty-eighth session of the General Assembly"],
         "startDate": "2013-12-13"}]


def test_sentence_opening_with_a_date_dates_the_meeting_at_which():
    # "On 15 December 2020, at the second principal-level meeting, the first Plan of Action of the Group was
    # unanimously endorsed."
    assert rows(REPORT_2022, "32", "events.dated-at") == [
        {"event": ["second principal-level meeting"], "startDate": "2020-12-15"}]
    # negative: "In June 2022, at its third meeting, the working group reviewed ...": "its" meeting, of a group the
    # phrase does not name
    assert read_by("corpus/unhk/HSP_HA.2_4.txt", "u70", "events.dated-at") == []


def test_ordinal_session_dated_in_apposition():
    # "since the tenth session of the Conference, in October 2020"
    party_conference = ("Conference of the Parties to the United Nations Convention against Transnational "
                        "Organized Crime")
    assert rows(REPORT_2022, "1", "events.dated-session") == [
        {"event": [f"tenth session of the {party_conference}"], "organizer": [party_conference],
         "startDate": "2020-10"}]
    # negative: "a high-level meeting of the General Assembly at its seventy-second session, in October 2017": the
    # date is the meeting's, not the session's (which opened in September 2017)
    assert read_by("dev/A_RES_70_179.txt", "OP4", "events.dated-session") == []


def test_convening_of_a_conference_is_read_with_place_and_dates():
    # "Takes note of the convening of the second International Conference on Combating Sand and Dust Storms, in
    # Tehran on 9 and 10 September 2023;"
    assert rows(SAND_AND_DUST, "OP8", "events.holding-of") == [
        {"event": ["second International Conference on Combating Sand and Dust Storms"], "place": ["Tehran"],
         "startDate": "2023-09-09", "endDate": "2023-09-10", "placeName": "Tehran"}]
    # negative: "welcoming the holding of the co-chairmanship of the Inter-Agency Coordination Group ... in 2021":
    # a chairmanship is held, no event
    assert read_by(ECOSOC_2021_25, "PP10", "events.holding-of") == []


def test_launch_with_a_place_is_an_event():
    # "the IOM Handbook: Protection and Assistance for Migrants Vulnerable to Violence, Exploitation and Abuse, which
    # was soft launched in Marrakech in December 2018"
    assert rows(REPORT_2019, "56", "events.launch") == [
        {"event": ["soft launch of the IOM Handbook: Protection and Assistance for Migrants Vulnerable to Violence, "
                   "Exploitation and Abuse"], "place": ["Marrakech"], "startDate": "2018-12",
         "placeName": "Marrakech"}]
    # negative: "the plan, which was launched in July 2021": a launch with no place is an issuance
    assert read_by(REPORT_2022, "60", "events.launch") == []


def test_designated_day_is_an_observance_from_the_year_it_begins():
    # "to designate 30 July as the World Day against Trafficking in Persons, to be observed every year beginning in
    # 2014"
    assert rows(ECOSOC_2021_25, "PP21", "events.observance") == [
        {"event": ["World Day against Trafficking in Persons"], "startDate": "2014"}]
    # negative: "Decides to consider ... the measures required to proclaim the International Decade for Combating
    # Sand and Dust Storms": not proclaimed (yet)
    assert read_by(SAND_AND_DUST, "OP23", "events.observance") == []


def test_observances_named_in_full_are_read_dated_as_the_text_dates_them():
    # "77/158 ... on the proclamation of the International Year of Glaciers’ Preservation, ... 77/286 ... on the
    # proclamation of World Sustainable Transport Day and ... the International Decade for Action, “Water for
    # Sustainable Development”, 2018–2028,"
    assert rows("corpus/unga/A_RES_78_147.txt", "PP2", "events.observance-named") == [
        {"event": ["International Year of Glaciers’ Preservation"]},
        {"event": ["World Sustainable Transport Day"]},
        {"event": ["International Decade for Action, “Water for Sustainable Development”"],
         "startDate": "2018", "endDate": "2028"}]
    # negative: "to declare 2021 the International Year for the Elimination of Child Labour": a designation, which
    # events.observance reads (once)
    assert read_by(ECOSOC_2021_25, "PP22", "events.observance-named") == []
    assert rows(ECOSOC_2021_25, "PP22", "events.observance") == [
        {"event": ["International Year for the Elimination of Child Labour"], "startDate": "2021"}]


def test_event_offered_to_be_convened_is_read_with_place_and_dates():
    # "welcomes the generous offer of the Government of Kyrgyzstan to convene the second Global Mountain Summit in
    # Bishkek from 21 to 23 October 2027;"
    assert rows("corpus/unga/A_C.2_80_L.40.txt", "OP30", "events.planned") == [
        {"event": ["second Global Mountain Summit"], "place": ["Bishkek"], "startDate": "2027-10-21",
         "endDate": "2027-10-23", "placeName": "Bishkek"}]
    # negative: "Requests the President of the General Assembly to convene, at the seventy-ninth session of the
    # Assembly, a high-level meeting on sand and dust storms": no date
    assert read_by(SAND_AND_DUST, "OP9", "events.planned") == []


def test_as_at_date_with_no_figure_of_an_entity_reads_nothing():
    # negative only (see the module's docstring): "As at 15 April 2019, the following Member States had replied to
    # that request: Algeria, Armenia, ...": a list of States, no figure of an entity
    assert read_by(REPORT_2019, "6", "figures.as-at") == []


def test_number_of_parties_of_an_instrument_is_a_figure_as_at_the_document_date():
    # "The Trafficking in Persons Protocol has a total of 178 parties" (report dated 22 July 2022)
    assert rows(REPORT_2022, "2", "treaties.parties-count") == [
        {"subject": ["Trafficking in Persons Protocol"], "measure": "parties", "count": "178",
         "asAt": "2022-07-22"}]
    # negative: "the ongoing capacity-development programme of the Food and Agriculture Organization ..., which, as of
    # 1 July 2025, delivered activities in over 80 Parties and non‑Parties": where a programme worked, not how many
    # parties the Port State Measures Agreement has
    assert read_by("corpus/unga/A_RES_80_109.txt", "OP115", "treaties.parties-count") == []


def test_initiative_named_with_a_country_operates_there():
    # "Under Global Action against Trafficking in Persons and the Smuggling of Migrants – Bangladesh, UNODC provided
    # support to the seven newly established specialized anti-trafficking in persons tribunals in the country."
    assert rows(REPORT_2022, "61", "implementation.named-component") == [
        {"lead": ["United Nations Office on Drugs and Crime"], "country": ["Bangladesh"],
         "initiative": ["Global Action to Prevent and Address Trafficking in Persons and the Smuggling of Migrants"]}]
    # negative: "the Global Action to Prevent and Address Trafficking in Persons and Smuggling of Migrants – jointly
    # with the European Union, UNODC and ...": the dash opens partners, not a country
    assert read_by(REPORT_2019, "55", "implementation.named-component") == []


def test_initiative_implemented_in_listed_countries_operates_in_each():
    # "UNODC, in partnership with the European Union, launched the new four-year Global Action to Prevent and
    # Address Trafficking in Persons and the Smuggling of Migrants. This initiative is being implemented in
    # partnership with the International Organization for Migration (IOM) in five countries: Afghanistan,
    # Bangladesh, Iran (Islamic Republic of), Iraq and Pakistan."
    assert rows(REPORT_2019, "41", "implementation.places") == [
        {"lead": ["United Nations Office on Drugs and Crime"],
         "country": ["Afghanistan", "Bangladesh", "Iran (Islamic Republic of)", "Iraq", "Pakistan"],
         "initiative": ["Global Action to Prevent and Address Trafficking in Persons and the Smuggling of Migrants"]}]
    # negative: "OSCE conducted its pioneering simulation-based training programme ... in English, Italian and
    # Russian": languages, not places
    assert read_by(REPORT_2019, "90", "implementation.places") == []


def test_states_acting_under_an_initiative_are_where_it_operates():
    # "Under the Transforming Alerts into Criminal Justice Responses ... regional initiative, five countries took
    # action ...: Brazil produced ...; Colombia launched ...; Ecuador continued ...; Peru developed ...; and Aruba
    # established a Humanitarian Organizations Platform."
    assert rows(REPORT_2022, "77", "implementation.states-under") == [
        {"lead": ["United Nations Office on Drugs and Crime"],
         "country": ["Brazil", "Colombia", "Ecuador", "Peru", "Aruba"],
         "initiative": ["Transforming Alerts into Criminal Justice Responses to Combat Trafficking in Persons within "
                        "Migration Flows"]}]
    # negative: "Through its Global Action against Trafficking in Persons and the Smuggling of Migrants, UNODC has
    # trained ... 1,488 criminal justice actors": the subject is UNODC, no State acts
    assert read_by(REPORT_2022, "6", "implementation.states-under") == []
