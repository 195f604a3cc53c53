"""The twenty-three extraction rules that test_rule_cases_1 to _3 leave out (campaigns.described, coordination,
events.adopted-at/held/named-conference/session, implementation.deployment/named-country, lineage.header/revision,
operations.described, partnerships.with, people.apposition/titled, publications.adopted/own-report, replies, requests,
sdg, treaties.joined/ratification) on real paragraphs, as they are in their files: for each, a paragraph where the rule
reads a fact that the text states (checked by reading it), and a paragraph with the rule's cue words where it rightly
reads nothing."""
from __future__ import annotations

from rule_cases import ECOSOC_2021_25, HAITI_2025, REPORT_2019, REPORT_2022, UNODC, extraction, flat, read_by, rows

GA_70_179 = "dev/A_RES_70_179.txt"  # Improving the coordination of efforts against trafficking in persons
HAITI_2024 = "corpus/unhk/S_2024_711.txt"  # Secretary-General, benchmark assessment on Haiti
SOUTH_SUDAN = "corpus/unhk/A_HRC_RES_55_1.txt"  # Human Rights Council resolution 55/1

ICAT = "Inter-Agency Coordination Group against Trafficking in Persons"


# --- campaigns, operations --------------------------------------------------------------------------------------

def test_described_campaign_with_what_it_raised_and_reached():
    # "The social media campaign developed for the 2017 World Day also included a Thunderclap ... creating a record
    # reach of 73 million impressions worldwide. At the same time UNODC ... organized a fundraising campaign for the
    # United Nations Voluntary Trust Fund for Victims of Human Trafficking, which ... raised $50,000."
    assert rows(REPORT_2019, "129", "campaigns.described") == [
        {"initiative": ["fundraising campaign for the United Nations Voluntary Trust Fund for Victims of Human "
                        "Trafficking"], "conductedBy": [UNODC], "figures": "$50,000 raised"},
        {"initiative": ["Thunderclap"], "figures": "reach of 73 million impressions"}]
    # negative: "... called upon Member States ... to take measures to develop targeted awareness-raising campaigns":
    # a campaign asked for, none run
    assert read_by(REPORT_2019, "10", "campaigns.described") == []


def test_described_operation_with_its_agency_and_year():
    # "On 1 March 2025, during an operation in Bas Delmas, the Haitian National Police used drones to strike at an
    # organized criminal groups stronghold ..."
    assert rows(HAITI_2025, "annex-I.40", "operations.described") == [
        {"initiative": ["operation in Bas Delmas"], "conductedBy": ["Haitian National Police"], "year": "2025"}]
    # negative: "the risk of trafficking in persons within business operations and supply chains": no operation
    assert read_by(REPORT_2019, "58", "operations.described") == []


# --- coordination -----------------------------------------------------------------------------------------------

def test_chairs_of_the_group_year_by_year():
    # "During the reporting period, the Group was chaired by UNODC in 2016, OHCHR in 2017, UNICEF in 2018 and jointly
    # by OSCE and UN-Women in 2019."
    chair = {"context": [ICAT], "role": ["ChairRole"]}
    co_chair = {"context": [ICAT], "role": ["CoChairRole"]}
    assert rows(REPORT_2019, "105", "coordination.chairing") == [
        {"holder": [UNODC], **chair, "year": "2016"},
        {"holder": ["Office of the United Nations High Commissioner for Human Rights"], **chair, "year": "2017"},
        {"holder": ["United Nations Children's Fund"], **chair, "year": "2018"},
        {"holder": ["Organization for Security and Co-operation in Europe"], **co_chair, "year": "2019"},
        {"holder": ["United Nations Entity for Gender Equality and the Empowerment of Women"], **co_chair,
         "year": "2019"}]
    # negative: "encouraging further engagement on the part of regional organizations with respect to possibly joining
    # and co-chairing the Coordination Group": a chair that may come, no holder
    assert read_by(ECOSOC_2021_25, "PP13", "coordination.chairing") == []


def test_members_of_the_group_enumerated_after_in_particular():
    # "Recognizing the important role of the Inter-Agency Coordination Group against Trafficking in Persons ..., in
    # particular the United Nations Office on Drugs and Crime, the Office of the United Nations High Commissioner for
    # Human Rights, ... the United Nations Educational, Scientific and Cultural Organization and other
    # intergovernmental organizations, within their existing mandates,"
    members = [a["member"] for a in rows(GA_70_179, "PP15", "coordination.enumeration")]
    assert members == [[m] for m in [
        UNODC, "Office of the United Nations High Commissioner for Human Rights",
        "Office of the United Nations High Commissioner for Refugees", "United Nations Children's Fund",
        "United Nations Entity for Gender Equality and the Empowerment of Women", "International Labour Organization",
        "International Organization for Migration", "United Nations Development Programme",
        "United Nations Population Fund", "United Nations Educational, Scientific and Cultural Organization"]]
    assert {tuple(a["organization"]) for a in rows(GA_70_179, "PP15", "coordination.enumeration")} == {(ICAT,)}
    # negative: "Calls upon all members of the Inter-Agency Coordination Group, especially those that are not members
    # of its working group, ...": members addressed, none named
    assert read_by("dev/E_RES_2017_18.txt", "OP8", "coordination.enumeration") == []


def test_a_body_that_joined_the_group_in_a_year():
    # "In 2017, the Council of Europe joined the Inter-Agency Coordination Group against Trafficking in Persons as a
    # partner ..."
    assert rows(REPORT_2019, "87", "coordination.membership") == [
        {"member": ["Council of Europe"], "organization": [ICAT], "since": "2017"}]
    # negative: "the judicial police arrested a former member of the Haitian parliament": a person, no body's membership
    assert read_by(HAITI_2025, "annex-I.53", "coordination.membership") == []


# --- events -----------------------------------------------------------------------------------------------------

def test_the_conference_at_which_a_declaration_was_adopted():
    # "Taking note of the Khartoum process and its Declaration adopted in Khartoum on 16 October 2014 during the
    # Regional Ministerial Conference on Human Trafficking and Smuggling in the Horn of Africa, ..."
    assert rows(GA_70_179, "PP26", "events.adopted-at") == [
        {"event": ["Regional Ministerial Conference on Human Trafficking and Smuggling in the Horn of Africa"],
         "place": ["Khartoum"], "adopted": ["Declaration of the Khartoum process"], "startDate": "2014-10-16",
         "placeName": "Khartoum"}]
    # negative: "the United Nations Global Plan of Action ..., adopted by the General Assembly in its resolution 64/293
    # of 30 July 2010": adopted by a body in a resolution, at no meeting
    assert read_by(ECOSOC_2021_25, "PP7", "events.adopted-at") == []


def test_a_meeting_held_in_a_city_on_a_day():
    # "UNODC also participated in the fourth meeting of the Security Council on human trafficking in conflict
    # situations, held in New York on 21 November 2017."
    assert rows(REPORT_2019, "38", "events.held") == [
        {"event": ["fourth meeting of the Security Council on human trafficking in conflict situations"],
         "place": ["New York"], "organizer": ["Security Council"], "startDate": "2017-11-21", "placeName": "New York"}]
    # negative: "more than 80 per cent of detainees are currently held in extended pretrial detention": no meeting
    assert read_by(HAITI_2024, "8", "events.held") == []


def test_summits_named_in_capitals():
    # "Reaffirming the commitment made by world leaders at the Millennium Summit, the 2005 World Summit and the
    # high-level plenary meeting of the General Assembly ..., held in 2010, ..."
    assert rows(GA_70_179, "PP5", "events.named-conference") == [
        {"event": ["Millennium Summit"]}, {"event": ["2005 World Summit"], "startDate": "2005"}]
    # negative: "within the framework of the Conference on Disarmament": a standing body, no event
    assert read_by("corpus/unga/A_RES_78_36.txt", "OP1", "events.named-conference") == []


def test_the_session_of_the_body_named_before_its():
    # "The work carried out by UNODC was acknowledged by the Conference at its tenth session with the adoption of
    # resolution 10/3, ..." (in a report to the Conference of the Parties)
    assert rows(REPORT_2022, "4", "events.session") == [
        {"event": ["tenth session of the Conference of the Parties to the United Nations Convention against "
                   "Transnational Organized Crime"]}]
    # negative: "Notes the presentation to the Working Group at its nineteenth session ...": a body named by its short
    # form only, whose session the rule does not guess
    assert read_by("corpus/unga/A_RES_78_203.txt", "OP8", "events.session") == []


# --- implementation ---------------------------------------------------------------------------------------------

def test_a_mission_deployed_in_the_state_its_sentence_names():
    # "... to address the political crisis in Haiti and welcome the initial deployment of the Multinational Security
    # Support Mission, led by Kenya."
    assert rows(HAITI_2024, "35", "implementation.deployment") == [
        {"initiative": ["Multinational Security Support Mission"], "country": ["Haiti"]}]
    # negative: "... training to all peacekeeping personnel to be deployed in UN peace operations in conflict and
    # post-conflict zones ...": no mission, no State
    assert read_by("dev/S_RES_2331_2016.txt", "OP19", "implementation.deployment") == []


def test_a_mission_named_after_the_state_it_works_in():
    # "... calls upon the Government to cooperate fully and constructively with and to give unhindered access to them
    # and to the United Nations Mission in South Sudan ..."
    assert rows(SOUTH_SUDAN, "OP3", "implementation.named-country") == [
        {"initiative": ["United Nations Mission in South Sudan"], "country": ["South Sudan"],
         "lead": ["United Nations Mission in South Sudan"]}]
    # negative: "the UNODC Regional Office for Southern Africa published ...": an office named after a region
    assert read_by(REPORT_2022, "53", "implementation.named-country") == []


# --- lineage ----------------------------------------------------------------------------------------------------

def test_the_committee_report_in_the_header_recommends_the_resolution():
    # "[on the report of the Third Committee (A/70/490)]"
    assert rows(GA_70_179, "header-2", "lineage.header") == [
        {"linkFrom": ["A/70/490"], "linkTo": ["70/179"], "relation": "recommendsAdoptionOf"}]
    # negative: "Agenda item 2 Annual report of the United Nations High Commissioner for Human Rights ...": an agenda
    # item's title, no report that recommends the resolution
    assert read_by(SOUTH_SUDAN, "header-1", "lineage.header") == []


def test_a_document_whose_own_symbol_is_a_revision():
    # corpus/unhk/CD_8_REV.10.txt, the rules of procedure of the Conference on Disarmament: its symbol CD/8/Rev.10
    assert rows("corpus/unhk/CD_8_REV.10.txt", "u1", "lineage.revision") == [
        {"linkFrom": ["CD/8/REV.10"], "linkTo": ["CD/8"], "relation": "revisionOf"}]
    # negative: A/RES/80/1 names the revised draft it was adopted from ("[without reference to a Main Committee
    # (A/80/L.2/Rev.1)]"), but is no revision itself
    read_by("corpus/unga/A_RES_80_1.txt", "header-9", "lineage.revision")
    assert [a for a in extraction("corpus/unga/A_RES_80_1.txt").assertions if a.rule == "lineage.revision"] == []


# --- partnerships, people ---------------------------------------------------------------------------------------

def test_working_with_a_partner_in_the_framework_of_an_initiative():
    # "OHCHR is working closely with the International Labour Organization (ILO) in the framework of Alliance 8.7, ..."
    assert rows(REPORT_2019, "51", "partnerships.with") == [
        {"partner": ["Office of the United Nations High Commissioner for Human Rights",
                     "International Labour Organization"], "initiative": ["Alliance 8.7"]}]
    # negative: "Encourage the Inter-agency Coordination Group ... to work jointly with the Procurement Network ...":
    # a recommendation of the report, no partnership that exists
    assert read_by(REPORT_2019, "139(h)", "partnerships.with") == []


def test_a_name_with_its_office_in_apposition():
    # "... warrants of arrest by the International Criminal Court for Sergei Shoigu, Minister of Defence of the Russian
    # Federation at the time of the alleged conduct, ..."
    assert rows("corpus/unga/A_RES_79_184.txt", "PP54", "people.apposition") == [
        {"holder": ["Sergei Shoigu"], "context": ["Russian Federation"], "role": ["Minister of Defence"],
         "roleLabel": "Minister of Defence"}]
    # negative: "The team met with key stakeholders, including the President of the Transitional Presidential Council,
    # the Prime Minister, the Minister for Foreign Affairs, ...": offices, no names
    assert read_by(HAITI_2024, "2", "people.apposition") == []


def test_a_title_before_a_name():
    # "Nobel laureate Nadia Murad Basee Taha (Iraq, human rights activist, human trafficking survivor), ..."
    assert rows(REPORT_2019, "132", "people.titled") == [
        {"holder": ["Nadia Murad Basee Taha"], "role": ["Nobel laureate"], "roleLabel": "Nobel laureate"}]
    # negative: "Requests the Secretary-General and the President of the General Assembly ...": a title, no name
    assert read_by(GA_70_179, "OP5", "people.titled") == []


# --- publications -----------------------------------------------------------------------------------------------

def test_a_plan_adopted_by_a_body_in_a_year():
    # "Recognizing the significance of the United Nations Global Plan of Action to Combat Trafficking in Persons,
    # adopted by the General Assembly in its resolution 64/293 of 30 July 2010, ..."
    assert rows(ECOSOC_2021_25, "PP7", "publications.adopted") == [
        {"publication": ["United Nations Global Plan of Action to Combat Trafficking in Persons"],
         "publisher": ["General Assembly"], "year": "2010"}]
    # negative: "Between August 2016 and August 2018, one country adopted new trafficking legislation": no named text
    assert read_by(REPORT_2019, "4", "publications.adopted") == []


def test_a_text_is_not_held():
    # "... to discuss the gaps and challenges of middle-income countries in the implementation of the 2030 Agenda,
    # held on 11 May 2023,": the meeting was held in 2023, not the Agenda issued (it made the 2030 Agenda a
    # publication of 2023 in conflict with 2015 in 507 rows of the `conflicts` listing)
    assert rows("corpus/unga/A_RES_78_162.txt", "PP12", "publications.adopted") == [
        {"publication": ["Transforming our world: the 2030 Agenda for Sustainable Development"]}]
    # "... the Follow-up International Conference on Financing for Development to Review the Implementation of the
    # Monterrey Consensus, held in Doha from 29 November to 2 December 2008": the Consensus is of 2002
    assert rows("corpus/unga/A_RES_78_138.txt", "PP3", "publications.adopted") == [
        {"publication": ["Monterrey Consensus"]}]


def test_the_clause_that_adopted_a_resolution_is_not_the_text_in_its_subject():
    # "... and resolution 8/9 of 20 December 2019 on strengthening asset recovery to support the 2030 Agenda for
    # Sustainable Development, adopted by the Conference of the States Parties to the Convention at its eighth session,
    # held in Abu Dhabi from 16 to 20 December 2019,": the Conference adopted resolution 8/9 in 2019, not the Agenda
    # (read so, it put the 2030 Agenda in conflict with 2015 in 1,244 rows of `conflicts` on both corpora)
    assert rows("corpus/unhk/A_RES_75_194.txt", "PP50", "publications.adopted") == [
        {"publication": ["Transforming our world: the 2030 Agenda for Sustainable Development"]}]
    # the same document dates the Agenda where it names its adoption: "Reaffirming its resolution 70/1 of 25 September
    # 2015, entitled “Transforming our world: the 2030 Agenda for Sustainable Development”, ..."
    assert rows("corpus/unhk/A_RES_75_194.txt", "PP6", "publications.adopted") == [
        {"publication": ["Transforming our world: the 2030 Agenda for Sustainable Development"],
         "publisher": ["General Assembly"], "year": "2015"}]


def test_texts_adopted_respectively_take_their_own_dates():
    # "... in particular the Declaration of the Principles of International Cultural Cooperation and the Universal
    # Declaration on Cultural Diversity, adopted by the General Conference of the United Nations Educational,
    # Scientific and Cultural Organization in 1966 and 2001, respectively,": the Declaration on Cultural Diversity is
    # of 2001 (it was given 1966, in conflict with the 2001 other resolutions state); the first text is left undated
    # rather than guessed
    assert rows("corpus/unhk/A_HRC_RES_34_2.txt", "PP4", "publications.adopted") == [
        {"publication": ["Declaration of the Principles of International Cultural Cooperation"]},
        {"publication": ["Universal Declaration on Cultural Diversity"], "year": "2001"}]


def test_a_text_adopted_in_resolutions_takes_the_first_ones_year():
    # "Recalling further the World Programme of Action for Youth, adopted by the General Assembly in its resolutions
    # 50/81 of 14 December 1995 and 62/126 of 18 December 2007, and in this regard welcoming the convening in
    # September 2025 of a high-level plenary meeting ...": adopted in 1995 (it was given the meeting's 2025)
    assert rows("corpus/unga/A_C.3_80_L.6.txt", "PP5", "publications.adopted") == [
        {"publication": ["World Programme of Action for Youth"], "publisher": ["General Assembly"], "year": "1995"}]


def test_the_report_a_letter_transmits():
    # "I have the honour to transmit to the Security Council the seventh quarterly report of the United Nations Office
    # on Drugs and Crime, pursuant to paragraph 9 of Security Council resolution 2692 (2023), ..." (letter of 9 May 2025)
    assert rows(HAITI_2025, "u1", "publications.own-report") == [
        {"publication": ["Report of the United Nations Office on Drugs and Crime pursuant to paragraph 9 of Security "
                         "Council resolution 2692 (2023)"], "publisher": [UNODC], "year": "2025"}]
    # negative: the report's own first paragraph, "The present report is submitted pursuant to paragraph 9 of Security
    # Council resolution 2692 (2023) ...", does not make it a second time
    assert read_by(HAITI_2025, "annex-I.1", "publications.own-report") == []


# --- replies, requests, sdg -------------------------------------------------------------------------------------

def test_states_that_had_replied_as_at_a_date():
    # "As at 15 April 2019, the following Member States had replied to that request: Algeria, Armenia, ..., United
    # States of America and Uruguay."
    found = rows(REPORT_2019, "6", "replies.states-replied")
    assert {a["asAt"] for a in found} == {"2019-04-15"}
    states = [a["state"][0] for a in found]
    assert len(states) == 45
    assert states[:5] == ["Algeria", "Armenia", "Austria", "Belarus", "Bolivia (Plurinational State of)"]
    assert states[-3:] == ["United Kingdom of Great Britain and Northern Ireland", "United States of America",
                           "Uruguay"]
    # negative: "a questionnaire sent to Member States every year, and the replies include officially recorded
    # information ...": replies, no State named
    assert read_by(REPORT_2022, "56", "replies.states-replied") == []


def test_an_operative_paragraph_that_urges_and_invites():
    # "Urges Member States and other stakeholders mentioned in the United Nations Global Plan of Action ..., and
    # invites the Conference of the Parties ... and other relevant subregional, regional and international
    # organizations, within their respective mandates, to continue to contribute to the full and effective use of the
    # Global Plan of Action, ..."
    found = rows(ECOSOC_2021_25, "OP3", "requests.operative")
    assert [(a["verbText"], a["addressee"]) for a in found] == [
        ("Urges", "Member States"),
        ("Urges", "other stakeholders mentioned in the United Nations Global Plan of Action to Combat Trafficking in "
                  "Persons"),
        ("invites", "the Conference of the Parties to the United Nations Convention against Transnational Organized "
                    "Crime"),
        ("invites", "other relevant subregional, regional and international organizations")]
    assert {a["action"] for a in found} == {
        "continue to contribute to the full and effective use of the Global Plan of Action, including by means of "
        "strengthening cooperation and improving coordination among themselves in achieving that goal"}
    assert {(a["resolution"][0], a["proponent"][0], a["paragraphNumber"]) for a in found} == {
        ("2021/25", "Economic and Social Council", "3")}
    # negative: "Given the risks faced by anti-corruption actors, UNODC urges national authorities to implement ...":
    # a report's recommendation, no operative paragraph of a resolution
    assert read_by(HAITI_2025, "annex-I.57", "requests.operative") == []


def test_an_entity_that_contributes_to_a_target():
    # "UNODC continues to contribute to the achievement of target 4.7 of the Sustainable Development Goals through the
    # Education for Justice initiative, ..."
    assert rows(REPORT_2019, "45", "sdg.contribution") == [
        {"sdgTarget": ["Target 4.7"], "contributor": [UNODC]}]
    # negative: "two issue briefs in 2018: ... one on the role of the Sustainable Development Goals in combating
    # trafficking in persons": the topic of a brief, no target
    assert read_by(REPORT_2019, "61", "sdg.contribution") == []


# --- treaties ---------------------------------------------------------------------------------------------------

def test_an_accession_with_its_date():
    # "Welcoming the accession of Vanuatu to the Convention on Cluster Munitions on 5 September 2025, ..."
    assert rows("corpus/unga/A_RES_80_52.txt", "PP15", "treaties.joined") == [
        {"state": ["Vanuatu"], "instrument": ["Convention on Cluster Munitions"], "actionType": "accession",
         "date": "2025-09-05"}]
    # negative: "The Trafficking in Persons Protocol has a total of 178 parties, with no additional States having
    # acceded to the Protocol since the tenth session ...": nobody acceded
    assert read_by(REPORT_2022, "2", "treaties.joined") == []


def test_ratifications_listed_with_their_dates():
    # "During the reporting period, three States ratified the Trafficking in Persons Protocol: Fiji (19 September
    # 2017), Japan (11 July 2017) and Maldives (14 September 2016). The Protocol was also ratified by one non-Member
    # observer State: State of Palestine (29 December 2017)."
    protocol = {"instrument": ["Trafficking in Persons Protocol"]}
    assert rows(REPORT_2019, "3", "treaties.ratification") == [
        {"state": ["Fiji"], **protocol, "date": "2017-09-19", "actionType": "ratification"},
        {"state": ["Japan"], **protocol, "date": "2017-07-11", "actionType": "ratification"},
        {"state": ["Maldives"], **protocol, "date": "2016-09-14", "actionType": "ratification"},
        {"state": ["State of Palestine"], **protocol, "date": "2017-12-29", "actionType": "ratification"}]
    # negative: "UNODC continued to provide technical assistance to Member States, upon request, for the ratification
    # and effective implementation of the Trafficking in Persons Protocol": assistance towards ratification, none done
    assert read_by(REPORT_2019, "39", "treaties.ratification") == []


def test_events_organized():
    # seed 003, paragraph 68: "UNODC organized an inter-regional workshop on combating trafficking in persons by air on
    # 1 and 2 September 2021"
    assert [flat(a) for a in read_by("seeds/003_84e408440e65b4cf.txt", "68", "events.organized")] == [
        {"event": ["inter-regional workshop on combating trafficking in persons by air"],
         "organizer": ["United Nations Office on Drugs and Crime"], "startDate": "2021-09-01", "endDate": "2021-09-02"}]
    # negative, seed 001, paragraph 40: "a legislative drafting workshop organized in view of ...", "a training activity
    # organized in 2018", "UNODC also organized a highly specialized training activity": trainings and an undated
    # workshop, no events
    assert read_by("seeds/001_aaa57c1388cc9d44.txt", "40", "events.organized") == []


def test_a_restated_appeal_or_requests_are_asks():
    # "Reiterates, in this regard, its appeal to Member States, relevant organizations and other potential donors to
    # consider contributing generously to the Trust Fund ..., and invites the Secretary-General to intensify efforts to
    # that end;" (an ECOSOC resolution): the appeal was left out, only the invitation read
    found = rows("corpus/unhk/E_RES_2017_2.txt", "OP10", "requests.operative")
    assert [(r["verb"], r["addressee"]) for r in found] == [
        (["appeal to"], "Member States"), (["appeal to"], "relevant organizations"),
        (["appeal to"], "other potential donors"), (["invite"], "the Secretary-General")]
    # "Reiterates its requests to the Secretary-General to continue his efforts to promote the nationalization of
    # positions, ...": the plural restates requests too
    assert [(r["verb"], r["addressee"]) for r in rows("corpus/unga/A_RES_78_249.txt", "OP12", "requests.operative")] \
        == [(["request"], "the Secretary-General")]


def test_the_sub_items_of_what_a_requested_report_holds_are_no_asks():
    # "19. Requests the Secretary-General to submit a report by May 2010 on the implementation of its resolutions ...,
    # which would include, inter alia: (a) Annexed lists of parties ...; (b) Information on measures undertaken by
    # parties ...": one ask, of the report; its sub-items are what the report holds (they were four asks more)
    assert [(r["addressee"], r["action"][:22]) for r in rows("corpus/unhk/S_RES_1882_2009.txt", "OP19",
                                                              "requests.operative")] == [
        ("the Secretary-General", "submit a report by May")]
    assert read_by("corpus/unhk/S_RES_1882_2009.txt", "OP19(b)", "requests.operative") == []
    # a chapeau that opens the actions asked still gives its ask to its sub-items: "29. Calls upon the entities of the
    # United Nations development system to: (a) Adopt and mainstream a more climate- and environment-responsive
    # approach into their programmes ..."
    assert [(r["verbText"], r["addressee"], r["action"][:22]) for r in rows(
        "corpus/unhk/A_RES_75_233.txt", "OP29(a)", "requests.operative")] == [
        ("Calls upon", "the entities of the United Nations development system", "Adopt and mainstream a")]


def test_who_an_addressee_consults_is_not_asked():
    # "Requests the secretariat of the United Nations Conference on Trade and Development, in consultation with
    # relevant entities of the United Nations system, including the United Nations Office on Drugs and Crime, to
    # inform the General Assembly ...": UNODC is consulted, not asked (it was a second addressee)
    assert [r["addressee"] for r in rows("corpus/unhk/A_RES_75_206.txt", "OP30", "requests.operative")] == [
        "the secretariat of the United Nations Conference on Trade and Development"]
    # "Calls upon States, with the support of relevant stakeholders, including the private sector, civil society,
    # non-governmental organizations ..., to take all measures necessary ...": States alone are called upon
    assert [r["addressee"] for r in rows("corpus/unhk/A_RES_70_138.txt", "OP10", "requests.operative")] == ["States"]


def test_the_asks_of_a_resolution_on_a_page_of_a_volume():
    # E_RES_1981_7.txt begins with the end of resolution 1981/6; its own operative paragraphs were read as a
    # document's numbered paragraphs, and none of its ten asks was found. "8. Requests States parties and the
    # International Narcotics Control Board to study ways ..."
    assert [r["addressee"] for r in rows("corpus/unhk/E_RES_1981_7.txt", "OP8", "requests.operative")] == [
        "States parties", "the International Narcotics Control Board"]
    assert read_by("corpus/unhk/E_RES_1981_7.txt", "OP1", "requests.operative")[0].values["verbText"] == "Appeals to"


def test_an_addressee_named_by_where_it_is_listed():
    # "(b) Calls upon those parties listed in the annexes of the Secretary-General's report on children and armed
    # conflict that commit, in contravention of applicable international law, killing and maiming of children ...,
    # to prepare concrete time-bound action plans ...": the head is "parties", not "listed" (the ask was a statement)
    found = rows("corpus/unhk/S_RES_1882_2009.txt", "OP5(b)", "requests.operative")
    assert [(r["addressee"], r["action"][:30]) for r in found] == [
        ("those parties listed in the annexes of the Secretary-General’s report on children and armed conflict",
         "prepare concrete time-bound ac")]
    # "Calls upon those parties listed ... that commit violations and abuses against children in contravention of
    # applicable international law, including abductions ..., to prepare": the relative clause ends the addressee
    assert [r["addressee"] for r in rows("corpus/unhk/S_RES_2225_2015.txt", "OP4", "requests.operative")] == [
        "those parties listed in the annexes of the Secretary-General’s report on children and armed conflict"]
    # "Encourages States and entities referred to in the Convention and in article 1, paragraph 2 (b), of the Agreement to
    # give due consideration to participation ...": the entities were left out
    assert [r["addressee"] for r in rows("corpus/unga/A_RES_78_68.txt", "OP165", "requests.operative")] == [
        "States", "entities referred to in the Convention"]
    # "Calls on the newly designated Special Envoy for the Great Lakes Region to lead, coordinate ...": a participle
    # before the noun is no tail after it
    assert [r["addressee"] for r in rows("corpus/unhk/S_RES_2098_2013.txt", "OP4", "requests.operative")
            if r["verbText"] == "Calls on"] == ["the newly designated Special Envoy for the Great Lakes Region"]


def test_a_relative_clause_is_no_part_of_the_addressee():
    # "Encourages States that import military assistance or consultancy and security services from private companies
    # to establish national regulatory mechanisms ...": the States are asked, the clause says which (a plural verb
    # after "that" was kept in the addressee, a singular one cut)
    assert [r["addressee"] for r in rows("corpus/unga/A_RES_79_162.txt", "OP6", "requests.operative")] == ["States"]
    # "Encourages ... other stakeholders towards which the commission of inquiry has directed recommendations to take
    # those recommendations forward"
    assert [r["addressee"] for r in rows("corpus/unhk/A_HRC_RES_55_21.txt", "OP31", "requests.operative")][-1] == \
        "other stakeholders"
    # but "that" after a preposition is a determiner: "Also requests the Secretary-General in that regard to ensure"
    assert [r["addressee"] for r in rows("corpus/unhk/A_RES_77_69.txt", "OP8", "requests.operative")] == [
        "the Secretary-General in that regard"]


def test_to_after_related_opens_no_action():
    # "Encourages the major groups identified in Agenda 21 and other stakeholders, such as ..., volunteer groups and
    # other stakeholders active in areas related to sustainable development, to autonomously establish and maintain
    # effective coordination mechanisms ...": the action was "sustainable development, to autonomously ..."
    found = rows("corpus/unhk/A_RES_67_290.txt", "OP16", "requests.operative")
    assert {r["action"][:35] for r in found} == {"autonomously establish and maintain"}
    assert "volunteer groups" in [r["addressee"] for r in found]


def test_a_report_names_the_paragraph_of_the_resolution_it_paraphrases():
    # "In paragraph 5 of resolution 2731 (2024), the Council requested the South Sudanese authorities to report, no
    # later than 15 April 2025, to the Committee on the progress achieved on the key benchmarks, and invited ..." (a
    # report of the Secretary-General): the ask is the resolution's paragraph 5 (the column was empty), and its
    # action ends before ", and invited"
    found = rows("corpus/unhk/S_2025_231.txt", "4", "requests.reported")
    assert [(r["verbText"], r["paragraphNumber"], r["action"][-21:]) for r in found] == [
        ("requested", "5", "on the key benchmarks"), ("invited", "5", "al justice mechanisms")]


def test_a_short_form_that_heads_a_name_the_gazetteer_does_not_know():
    # "1. Welcomes the work of the Committee of Experts on International Cooperation in Tax Matters to implement the
    # mandate given to it ..., and encourages the Committee to continue its efforts in this regard;" (an ECOSOC
    # resolution): both were read as the Second Committee, which the resolution never names
    extracted = extraction("corpus/unhk/E_RES_2017_2.txt")
    assert [m.surface for m in extracted.mentions if m.paragraph == "OP1" and m.entity.key == "SECOND-COMMITTEE"] == []
    assert [r["addressee"] for r in rows("corpus/unhk/E_RES_2017_2.txt", "OP1", "requests.operative")
            if r["verbText"] == "encourages"] == ["Committee of Experts on International Cooperation in Tax Matters"]


def test_the_doha_declaration_after_the_one_on_financing_for_development():
    # A/RES/79/196 PP4 names "the Doha Declaration on Financing for Development: outcome document of the Follow-up
    # International Conference ..." in full; PP9 then says "the Monterrey Consensus, the Doha Declaration and the Addis
    # Ababa Action Agenda": that Doha Declaration, not the crime congress's of 2015, whose short name it also is
    extracted = extraction("corpus/unga/A_RES_79_196.txt")
    assert {m.entity.key for m in extracted.mentions if "Doha Declaration" in m.surface} == {"DOHA-FFD-DECLARATION"}
    # a crime resolution that names only the crime congress's keeps it
    crime = extraction("dev/A_RES_70_179.txt")
    assert {m.entity.key for m in crime.mentions if "Doha Declaration" in m.surface} == {"DOHA-DECLARATION"}


def test_a_report_cited_by_its_symbol_has_its_year():
    # "... the first benchmark assessment report of the Secretary-General (S/2023/677), dated 15 September 2023."
    # (S/2024/711, paragraph 1): the date after the bracket was not read
    assert [(r["publication"], r["year"]) for r in rows("corpus/unhk/S_2024_711.txt", "1",
                                                        "publications.report-symbol")] == [(["S/2023/677"], "2023")]
    # a Council document's number holds the year it was issued: "the reports of the Secretary-General (S/2016/949),
    # as well as S/2015/203 and S/2016/361" (S/RES/2331 (2016), PP2) gave no year
    assert [r["year"] for r in rows("dev/S_RES_2331_2016.txt", "PP2", "publications.report-symbol")] == [
        "2016", "2015", "2016"]


def test_the_administering_power_a_territory_and_a_division_are_asked():
    # "Calls upon the administering Power to participate in and cooperate fully with the work of the Special
    # Committee ...", "encourages the administering Power to facilitate visiting and special missions to the
    # Territory": the decolonization resolutions' asks of the administering Power were statements
    found = rows("corpus/unga/A_RES_79_109.txt", "OP9", "requests.operative")
    assert [(r["verbText"], r["addressee"]) for r in found if r.get("addressee")] == [
        ("Calls upon", "the administering Power"), ("encourages", "the administering Power")]
    # "Calls upon Israel, the occupying Power, to comply strictly with its obligations under international law"
    assert [r["addressee"] for r in rows("corpus/unga/A_C.2_80_L.34.txt", "OP5", "requests.operative")
            if r.get("addressee")] == ["Israel", "the occupying Power"]
    # "... and requests the Division to post the information on capacity-building initiatives ..."
    assert "the Division" in [r.get("addressee") for r in rows("corpus/unhk/A_RES_70_235.txt", "OP35",
                                                               "requests.operative")]


def test_an_aside_between_the_verb_and_the_addressee_is_passed_over():
    # "Requests, in this regard, the Secretary-General to submit to the General Assembly at its eighty-first session
    # an action-oriented report ...": the ask was a statement
    found = rows("corpus/unga/A_C.2_80_L.11.txt", "OP68", "requests.operative")
    assert [(r["addressee"], r["action"][:30]) for r in found] == [
        ("the Secretary-General", "submit to the General Assembly")]
    # "Calls upon, in this regard, States, individually or through regional fisheries management organizations and
    # arrangements, to develop ...": how States act is no second addressee
    assert [r["addressee"] for r in rows("corpus/unga/A_80_L.17.txt", "OP149", "requests.operative")] == ["States"]
    # "Requests the United Nations, jointly with the African Union and FGS, and in consultation with donors, to
    # undertake regular, joint technical assessments ...": those it works with are not asked
    assert [r["addressee"] for r in rows("corpus/unhk/S_RES_2767_2024.txt", "OP45", "requests.operative")
            if r.get("addressee")] == ["the United Nations"]
    # negative: "... encourages that Division to provide continuous necessary support to the Editing Section ...":
    # "that" is a demonstrative, and "Division to provide" no addressee
    assert not any("to provide" in (r.get("addressee") or "")
                   for r in rows("corpus/unga/A_RES_78_108.txt", "OP35", "requests.operative"))


def test_parts_of_the_system_and_the_entities_comprising_a_network_are_asked():
    # "Encourages the entities comprising UN Action Against Sexual Violence in Conflict, as well as other relevant
    # parts of the United Nations system, to support the work of ...": both were a statement
    assert [r["addressee"] for r in rows("corpus/unhk/S_RES_1888_2009.txt", "OP5", "requests.operative")] == [
        "the entities comprising UN Action Against Sexual Violence in Conflict",
        "other relevant parts of the United Nations system"]
    # "Calls upon all parts of the United Nations system to continue to play an active role ..."
    assert [r["addressee"] for r in rows("corpus/unga/A_RES_80_186.txt", "OP33", "requests.operative")
            if r.get("addressee")] == ["all parts of the United Nations system"]


def test_actors_named_by_a_regime_a_post_without_its_hyphen_or_their_part_in_a_meeting_are_asked():
    # "... calls upon, as appropriate, developed countries to continue to devise source-country measures ...": an
    # aside before the addressee
    assert [r["addressee"] for r in rows("corpus/unga/A_RES_79_263.txt", "OP45", "requests.operative")
            if r.get("addressee")] == ["developed countries"]
    # "Requests the Secretary General to continue his efforts ..." (the post without its hyphen)
    assert [r["addressee"] for r in rows("corpus/unga/A_RES_78_292.txt", "OP4", "requests.operative")] == [
        "the Secretary General"]
    # "urges all parties to the conflict, especially the Syrian regime, to immediately cease ..., and urges the Syrian
    # regime to ensure that victims and survivors ...": the regime asked in the second clause
    assert [r["addressee"] for r in rows("corpus/unga/A_RES_78_222.txt", "OP17", "requests.operative")
            if r.get("addressee")] == ["all parties to the conflict", "the Syrian regime"]
    # "Urges participants in the regional preparatory meetings to examine the substantive items ..."; "calls upon all
    # actors engaging in documentation to follow the 'do no harm' principle"
    assert [r["addressee"] for r in rows("corpus/unga/A_RES_78_223.txt", "OP15", "requests.operative")] == [
        "participants in the regional preparatory meetings"]
    assert [r["addressee"] for r in rows("corpus/unga/A_RES_79_182.txt", "OP16", "requests.operative")
            if r.get("addressee")] == ["all actors engaging in documentation"]
