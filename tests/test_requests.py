"""What resolutions ask of whom (tipkg.extract.relations.requests, addressees): asks apart from positions, one
request per actor asked, never a pronoun or a clause as addressee, sub-items asking what their chapeau asks.

Every paragraph below is copied verbatim from a document of the GA corpus (shared/corpus/unga, as ingested) or of
the dev set (shared/dev), named beside it."""
from __future__ import annotations

from pathlib import Path

import pytest

from tipkg.extract import Extractor
from tipkg.model import Document, DocumentMetadata, Paragraph
from tipkg.reference import gazetteer

EXTRACTOR = Extractor(gazetteer())


def read(symbol: str, *paragraphs: tuple[str, str, str | None, str, str | None]) -> list:
    """The assertions read from a resolution made of the given paragraphs (key, kind, number, text, parent)."""
    text, placed, offset = "", [], 0
    for position, (key, kind, number, body, parent) in enumerate(paragraphs):
        placed.append(Paragraph(key, kind, number, body, offset, offset + len(body), position, parent=parent))
        text += body + "\n\n"
        offset = len(text)
    metadata = DocumentMetadata(symbol=symbol, issuing_body="General Assembly", kind="resolution",
                                resolution_number=symbol.split("/RES/")[-1] if "/RES/" in symbol else None)
    document = Document(symbol.replace("/", "-"), Path(symbol.replace("/", "_") + ".txt"), text, metadata, [],
                        placed, "")
    return EXTRACTOR(document).assertions


def asks(assertions) -> list[tuple[str, str, str]]:
    return [(a.values.get("paragraphNumber"), a.values["verbText"], a.values["addressee"])
            for a in assertions if a.kind == "request"]


def positions(assertions) -> list[str]:
    return [a.values["verbText"] for a in assertions if a.kind == "position"]


def op(key: str, text: str) -> tuple:
    return (f"OP{key}", "operative", key, text, None)


# A/RES/78/300 (A_RES_78_300.txt) OP22
DECREASE = ("Further decides that the decrease of 133,100 dollars in the estimated staff assessment income in respect "
            "of the financial period ended 30 June 2023 shall be set off against the credits in the amount of "
            "1,259,112 dollars referred to in paragraphs 20 and 21 above;")
# A/C.5/80/L.7 (A_C.5_80_L.7.txt) OP2
RESOLVES = ("Resolves that the Secretary-General shall report to the Advisory Committee and to the General Assembly at "
            "its eighty-second session all commitments made under the provisions of the present resolution, together "
            "with the circumstances relating thereto, and shall submit supplementary estimates to the Assembly in "
            "respect of such commitments;")


def test_a_that_clause_whose_subject_is_an_actor_is_an_ask():
    assert asks(read("A/C.5/80/L.7", op("2", RESOLVES))) == [("2", "Resolves", "the Secretary-General")]


def test_a_that_clause_whose_subject_is_no_actor_is_a_position_not_an_ask():
    found = read("A/RES/78/300", op("22", DECREASE))
    assert asks(found) == []
    assert positions(found) == ["Further decides"]


# A/C.5/80/L.5 (A_C.5_80_L.5.txt) OP13 of its part h15
SECOND_CLAUSE = ("Recalls paragraph 3 of the report of the Advisory Committee, notes with appreciation the improvements "
                 "to space utilization that have been achieved, also notes the role of the United Nations Office at "
                 "Nairobi in supporting the relocation of staff from other duty stations, and requests the "
                 "Secretary-General to provide information on the relocation of staff from other duty stations in the "
                 "context of the UN80 Initiative in his future reports;")


def test_recalls_and_notes_are_positions_and_the_request_in_the_last_clause_is_the_ask():
    found = read("A/RES/80/1", op("13", SECOND_CLAUSE))
    assert asks(found) == [("13", "requests", "the Secretary-General")]
    assert positions(found) == ["Recalls", "notes", "also notes"]
    request = next(a for a in found if a.kind == "request")
    assert request.values["action"].startswith("provide information on the relocation of staff")


# A/RES/80/207 (A_RES_80_207.txt) OP50
LIST = ("Encourages relevant bodies of the United Nations system, within their respective mandates, including the "
        "specialized agencies, funds and programmes of the United Nations system, relevant international "
        "organizations, including the World Trade Organization, and relevant stakeholders, including civil society "
        "organizations, to give due consideration to the right to development in the implementation of the 2030 "
        "Agenda for Sustainable Development, to contribute further to the work of the Working Group on the Right to "
        "Development and the Special Rapporteur on the right to development and to cooperate with the High "
        "Commissioner in the fulfilment of his mandate with regard to the implementation of the right to development;")


def test_a_list_of_addressees_gives_one_request_per_actor_without_its_asides():
    addressees = [a for _, _, a in asks(read("A/RES/80/207", op("50", LIST)))]
    assert addressees == ["relevant bodies of the United Nations system",
                          "the specialized agencies, funds and programmes of the United Nations system",
                          "relevant international organizations", "the World Trade Organization",
                          "relevant stakeholders", "civil society organizations"]
    assert not any("mandates" in a for a in addressees)


# A/HRC/RES/44/4 (shared/dev/A_HRC_RES_44_4.txt) OP8
ADJECTIVES = ("Urges States, the United Nations and other international, regional and subregional organizations, as "
              "well as civil society, including non-governmental organizations, the private sector and the media, to "
              "implement fully and effectively the relevant provisions of the United Nations Global Plan of Action to "
              "Combat Trafficking in Persons;")


def test_a_run_of_adjectives_qualifies_one_actor_and_is_not_split():
    addressees = [a for _, _, a in asks(read("A/HRC/RES/44/4", op("8", ADJECTIVES)))]
    assert "other international, regional and subregional organizations" in addressees
    assert not {"regional", "other international"} & set(addressees)
    assert len(addressees) == 7


# A/RES/79/226 (A_RES_79_226.txt) OP45 and OP11
THEM = ("Calls upon the United Nations development system entities to further integrate, as appropriate, South-South "
        "and triangular cooperation into their strategic frameworks and planning instruments, and urges them to "
        "allocate sufficient financial resources dedicated to supporting and facilitating South-South and triangular "
        "cooperation;")
THE_SYSTEM = ("Reiterates the call to the United Nations development system to continue to support developing "
              "countries in their efforts to achieve internationally agreed development goals and their development "
              "objectives, and requests the system to address, within existing resources and mandates, the special "
              "challenges facing the most vulnerable countries and, in particular, African countries, least developed "
              "countries, landlocked developing countries and small island developing States, the need for special "
              "attention to countries in conflict and post-conflict situations and countries and peoples under "
              "foreign occupation, as well as the specific challenges facing the middle-income countries, in line "
              "with the Addis Ababa Action Agenda of the Third International Conference on Financing for "
              "Development²¹ and the 2030 Agenda for Sustainable Development;")


def test_them_is_the_actor_asked_before_and_never_an_addressee():
    assert asks(read("A/RES/79/226", op("45", THEM))) == [
        ("45", "Calls upon", "the United Nations development system entities"),
        ("45", "urges", "the United Nations development system entities")]


def test_a_restated_call_is_an_ask_and_the_system_is_the_system_named_before():
    assert asks(read("A/RES/79/226", op("11", THE_SYSTEM))) == [
        ("11", "Reiterates the call", "the United Nations development system"),
        ("11", "requests", "the United Nations development system")]


# A/80/L.41 (A_80_L.41.txt) OP53 and A/80/L.4 (A_80_L.4.txt) annex I, paragraph 24
WE_THEM = ("We commend the work of the regional commissions and other regional organizations to support the "
           "development of positive enabling environments. We call upon them, the Commission on Science and "
           "Technology for Development and action line facilitators, within their respective mandates, to share "
           "experience on the enabling environment and support the development of demand-driven policy guidance, "
           "technical assistance and capacity-building, as appropriate, to realize them.")
WE = ("We request the Secretary-General to ensure the full mobilization and coordination of all relevant parts of the "
      "United Nations system to facilitate coordinated implementation and coherence in the follow-up to and "
      "monitoring of the Awaza Programme of Action at the national, subregional, regional and global levels. We call "
      "upon relevant organizations and bodies of the United Nations system and invite international organizations "
      "and relevant regional and subregional organizations to integrate the Awaza Programme of Action into their "
      "programmes of work, as appropriate, within their respective mandates.")


def test_first_person_asks_of_a_declaration():
    found = read("A/80/L.4", ("annex-I.24", "numbered", "24", WE, None))
    assert asks(found) == [("24", "request", "the Secretary-General"),
                           ("24", "call upon", "relevant organizations and bodies of the United Nations system"),
                           ("24", "invite", "international organizations"),
                           ("24", "invite", "relevant regional and subregional organizations")]


def test_an_unresolved_pronoun_is_left_out_and_the_actors_beside_it_kept():
    found = asks(read("A/80/L.41", op("53", WE_THEM)))
    assert [a for _, _, a in found] == ["the Commission on Science and Technology for Development",
                                        "action line facilitators"]


# A/C.3/80/L.47 (A_C.3_80_L.47.txt) OP5 and its sub-item (k)
CHAPEAU = "Calls upon States:"
SUBITEM_K = ("To protect all women and girls from being physically threatened or assaulted, including from sexual "
             "violence, while collecting household water and when accessing sanitation facilities outside their home "
             "or when practising open defecation and urination, which is exacerbated where the issue of lack of "
             "access to safe drinking water and sanitation requires women and girls to travel longer distances and "
             "wait in long queues, including through promoting safe public spaces and improving the security and "
             "safety of women and girls through gender-responsive rural and urban planning and infrastructure, as "
             "well as through their meaningful participation in planning processes;")


def test_a_sub_item_asks_what_its_chapeau_asks_with_its_own_paragraph_number():
    found = read("A/C.3/80/L.47", op("5", CHAPEAU), ("OP5(k)", "subitem", "(k)", SUBITEM_K, "OP5"))
    assert asks(found) == [("5", "Calls upon", "States"), ("5(k)", "Calls upon", "States")]
    item = [a for a in found if a.kind == "request"][1]
    assert item.values["action"].startswith("protect all women and girls")


def test_a_sub_item_under_a_position_asks_nothing():
    found = read("A/C.3/80/L.47", op("5", "Decides:"), ("OP5(k)", "subitem", "(k)", SUBITEM_K, "OP5"))
    assert asks(found) == []


# S/RES/2331 (2016) (shared/dev/S_RES_2331_2016.txt) OP2 and its sub-item (d)
SUBITEM_D = ("To implement robust victim, and possible victim, identification mechanisms and provide access to "
             "protection and assistance for identified victims without delay, also in relation to trafficking in "
             "persons in armed conflict, including where such victims are refugees and internally displaced persons "
             "(IDPs), and to address comprehensively victims’ needs, including the provision of or access to medical, "
             "psychosocial assistance and legal aid, as well as ensure that victims are treated as victims of crime "
             "and in line with domestic legislation not penalized or stigmatized for their involvement in any "
             "unlawful activities in which they have been compelled to engage; calls in this regard for the "
             "continued support of UNODC and other relevant United Nations entities, including UNHCR, as well as "
             "international and regional bodies, including IOM, in assisting Member States, upon request, with "
             "identification of and assistance to trafficking victims;")


def test_calls_for_the_support_of_actors_asks_those_actors():
    found = asks(read("S/RES/2331 (2016)", op("2", "Calls upon Member States:"),
                      ("OP2(d)", "subitem", "(d)", SUBITEM_D, "OP2")))
    assert [a for n, v, a in found if v == "calls for"] == [
        "UNODC", "other relevant United Nations entities", "UNHCR", "international and regional bodies", "IOM"]
    assert ("2(d)", "Calls upon", "Member States") in found


# A/RES/80/17 (A_RES_80_17.txt) OP6
NOT_TO = ("Also invites those countries, pending the establishment of the zone, not to develop, produce, test or "
          "otherwise acquire nuclear weapons or permit the stationing on their territories, or territories under "
          "their control, of nuclear weapons or nuclear explosive devices;")


@pytest.mark.parametrize("text,action", [(NOT_TO, "not develop, produce, test"),
                                         (THEM, "further integrate, as appropriate")])
def test_the_action_keeps_its_negation(text, action):
    request = next(a for a in read("A/RES/80/17", op("6", text)) if a.kind == "request")
    assert request.values["action"].startswith(action)


# A/RES/79/322 (A_RES_79_322.txt) OP1
IN_A_POSITION = ("Encourages Member States, in particular developed countries and those developing countries in a position "
                 "to do so, with the contribution of the relevant stakeholders, within their respective roles and "
                 "responsibilities, to increase capacity-building cooperation, including policy exchanges, "
                 "knowledge-sharing activities and the transfer of technology on mutually agreed terms, technical "
                 "assistance, lifelong learning, personnel training, skilling of the workforce, international research "
                 "cooperation, voluntary joint international research laboratories and artificial intelligence "
                 "capacity-building centres, with full consideration of developing countries’ national needs, policies "
                 "and priorities, and to hold training courses, seminars and workshops, among others, for sharing "
                 "experiences and best practices;")


def test_the_to_of_a_qualifier_opens_no_action():
    found = read("A/RES/79/322", op("1", IN_A_POSITION))
    assert asks(found) == [("1", "Encourages", "Member States")]
    request = next(a for a in found if a.kind == "request")
    assert request.values["action"].startswith("increase capacity-building cooperation")
    assert not request.values["action"].startswith("do so")


# E/RES/2017/18 (shared/dev/E_RES_2017_18.txt), a preambular paragraph
PREAMBLE = ("Emphasizing the role of the United Nations Office on Drugs and Crime in the implementation of the Global Plan "
            "of Action, including as coordinator of the Inter-Agency Coordination Group against Trafficking in Persons,")


def test_a_preambular_paragraph_is_a_position_and_asks_no_one():
    found = read("E/RES/2017/18", ("PP3", "preambular", "3", PREAMBLE, None))
    assert asks(found) == []
    assert positions(found) == ["Emphasizing"]


# A/C.6/80/L.23 (A_C.6_80_L.23.txt) OP12 and its sub-item (c)
SUBITEM_ASIDE = ("In accordance with their national law, to provide effective protection for victims of, witnesses to and "
                 "others who provide information in relation to crimes of a serious nature alleged to have been "
                 "committed by United Nations officials and experts on mission and to facilitate access of victims to "
                 "victim assistance programmes, without prejudice to the rights of the alleged offender, including "
                 "those relating to due process;")


def test_a_sub_item_action_starts_after_its_opening_aside():
    found = read("A/C.6/80/L.23", op("12", "Encourages all States:"),
                 ("OP12(c)", "subitem", "(c)", SUBITEM_ASIDE, "OP12"))
    item = [a for a in found if a.kind == "request" and a.values["paragraphNumber"] == "12(c)"]
    assert [a.values["addressee"] for a in item] == ["all States"]
    assert item[0].values["action"].startswith("provide effective protection")


# A/RES/78/299 (A_RES_78_299.txt) OP5
CREDITED = ("Decides that Member States that have fulfilled their financial obligations to the Operation shall be "
            "credited with their respective share of the net cash available in the special account for the Operation "
            "in the amount of 6,481,000 dollars as at 30 April 2024, in accordance with the levels updated in its "
            "resolution 70/246 of 23 December 2015, taking into account the scale of assessments for 2017, as set out "
            "in its resolution 70/245 of 23 December 2015;")


def test_actors_a_passive_that_clause_acts_upon_are_not_asked():
    found = read("A/RES/78/299", op("5", CREDITED))
    assert asks(found) == []
    assert positions(found) == ["Decides"]


# A/C.6/80/L.23 (A_C.6_80_L.23.txt) OP23
WHEN_ASIDE = ("Encourages the United Nations, when allegations against United Nations officials or experts on mission "
              "are determined by a United Nations administrative investigation to be unfounded, to take appropriate "
              "measures, in the interests of the Organization, to restore the credibility and the reputation of such "
              "officials and experts on mission;")


def test_the_to_inside_an_aside_opens_no_action():
    request = next(a for a in read("A/C.6/80/L.23", op("23", WHEN_ASIDE)) if a.kind == "request")
    assert request.values["addressee"] == "the United Nations"
    assert request.values["action"].startswith("take appropriate measures")


# E/RES/2012/19 (corpus/unhk/E_RES_2012_19.txt) OP13 and OP6 (its second clause)
NETWORK = ("Invites the United Nations Interregional Crime and Justice Research Institute and other institutes of the "
           "United Nations crime prevention and criminal justice programme network to continue to conduct, in "
           "consultation with Member States and in cooperation with other competent international entities, research "
           "on different forms of transnational organized crime;")
ALSO_AFTER = ("Also invites Member States to consider, where appropriate, applying the relevant provisions of the "
              "Convention to the activities of transnational organized criminal groups, including those involving the "
              "illicit manufacture, production and distribution of falsified and fraudulent products, especially in "
              "relation to money-laundering, corruption and smuggling, as well as seizing and confiscating the related "
              "criminal assets and cooperating by means of extradition and mutual legal assistance as well as "
              "coordinated law enforcement actions, and invites Member States also to consider enhancing their "
              "cross-border cooperation in this area, including with a view to breaking the related criminal "
              "distribution chain;")


def test_a_network_named_in_lower_case_is_one_actor_not_two_pieces_split_at_and():
    addressees = [a for _, _, a in asks(read("E/RES/2012/19", op("13", NETWORK)))]
    assert addressees == ["the United Nations Interregional Crime and Justice Research Institute",
                          "other institutes of the United Nations crime prevention and criminal justice programme network"]


def test_an_adverb_after_the_addressee_is_not_part_of_it():
    assert [(verb, a) for _, verb, a in asks(read("E/RES/2012/19", op("6", ALSO_AFTER)))] == [
        ("Also invites", "Member States"), ("invites", "Member States")]


# S/RES/2482 (2019) (corpus/unhk/S_RES_2482_2019.txt) OP22 and OP15; S/RES/2653 (2022) (S_RES_2653_2022.txt) OP19
PARTICULARLY = ('Requests United Nations entities, particularly the United Nations Office for Counter Terrorism (UNOCT) and '
        'UNODC, as well as other Global Compact entities, to continue to provide technical assistance and capacity-'
        'building to Member States, upon their request, to support them in strengthening their response to linkages '
        'between international terrorism and organized crime, whether domestic or transnational, including by the '
        'development of tools that can help address radicalization to terrorism in prisons and assess the risks of '
        'terrorist recruitment, consistent with international law, and encourages the Counter Terrorism Committee '
        '(CTC), with the support of CTED, to continue working together to facilitate technical assistance and capacity '
        'building and to raise awareness in this area, in particular by strengthening its dialogue with States and '
        'relevant international, regional and subregional organizations and working closely, including by sharing '
        'information, with relevant bilateral and multilateral technical assistance providers;')
INCLUDING_THROUGH = ('Calls upon Member States, including through relevant central and competent authorities, to:')
ESTABLISHES = ('Decides to establish, in accordance with rule 28 of its provisional rules of procedure, a Committee of the '
        'Security Council consisting of all the members of the Council (herein “the Committee”), to undertake the '
        'following tasks:')


def test_entities_named_after_particularly_are_addressees_too():
    assert [a for _, verb, a in asks(read("S/RES/2482 (2019)", op("22", PARTICULARLY))) if verb == "Requests"] == [
        "United Nations entities", "the United Nations Office for Counter Terrorism (UNOCT)", "UNODC",
        "other Global Compact entities"]


def test_the_means_after_including_are_no_addressee():
    assert asks(read("S/RES/2482 (2019)", op("15", INCLUDING_THROUGH))) == [("15", "Calls upon", "Member States")]


def test_a_body_that_decides_to_act_itself_asks_no_one():
    found = read("S/RES/2653 (2022)", op("19", ESTABLISHES))
    assert asks(found) == []
    assert positions(found) == ["Decides"]


# S/RES/2512 (2020) (corpus/unhk/S_RES_2512_2020.txt) OP5; A/RES/79/223 (corpus/unga, PDF text joined) OP52;
# A/RES/80/238 (corpus/unga) OP12
THAT_ASIDE = ('Requests that, in addition to the abovementioned priorities, UNIOGBIS and the Special Representative continue '
        'to assist, coordinate and lead international efforts in the following areas to ensure lasting peace and '
        'stability in Guinea Bissau:')
PARTICULARLY_GROUPS = ('Encourages States to allocate adequate financial and human resources to national women’s machineries, as well '
        'as to, and within, line ministries, establishing and/or strengthening dedicated units for gender equality and '
        'the empowerment of women, providing capacity development for technical staff and developing tools and '
        'guidelines, and calls upon the United Nations system, particularly UN-Women and United Nations country teams, '
        'to support national efforts in this regard;')
THAT_CONDITION = ('Recalls that, in section XII, paragraph 9, of its resolution 78/253 of 22 December 2023 and paragraph 17 of '
        'its resolution 79/254, it requested the collection of comprehensive and reliable data regarding racism and '
        'racial discrimination and their trends, which do not include workforce composition, and the Secretary-General '
        'to report on remedial actions taken, and decides that, should the Secretary-General begin to collect race-'
        'related data from staff members, it shall only be on a voluntary basis and be used only in anonymized and '
        'aggregated form and for the sole purpose of taking remedial actions to reverse patterns of racism and racial '
        'discrimination and their trends and shall not be used to make decisions regarding benchmarks or staff '
        'recruitment, selection, promotion, retention, performance assessment or separation from service for '
        'individuals;')


def test_a_that_clause_after_a_prepositional_aside_asks_its_subject():
    assert asks(read("S/RES/2512 (2020)", op("5", THAT_ASIDE))) == [
        ("5", "Requests", "UNIOGBIS"), ("5", "Requests", "the Special Representative")]


def test_and_after_a_whole_name_separates_two_actors():
    assert asks(read("A/RES/79/223", op("52", PARTICULARLY_GROUPS))) == [
        ("52", "Encourages", "States"), ("52", "calls upon", "the United Nations system"),
        ("52", "calls upon", "UN-Women"), ("52", "calls upon", "United Nations country teams")]


def test_a_condition_before_the_subject_of_that_is_no_ask_of_the_actor_it_names():
    assert not [a for a in asks(read("A/RES/80/238", op("12", THAT_CONDITION))) if "Secretary-General" in a[2]]


# S/RES/2127 (2013) (corpus/unhk/S_RES_2127_2013.txt) OP23 and OP26
PARTIES_TO_ARMED = ('Calls upon all parties to armed conflict in the CAR, including former Seleka elements to issue clear orders '
                    'against sexual violence, and further calls upon Transitional Authorities to make and implement specific '
                    'commitments on timely investigation of alleged abuses in order to hold perpetrators accountable, in line '
                    'with its resolutions 1960 (2010) and 2106 (2013), and to facilitate immediate access for victims of sexual '
                    'violence to available services;')
IN_CONJUNCTION = ("Further requests the Secretary-General in conjunction with the High Commissioner on Human Rights (HCHR) "
                  "to take appropriate steps to increase the number of human rights monitors deployed in the CAR;")


def test_a_participle_after_to_qualifies_the_addressee_and_opens_no_action():
    found = [a for a in read("S/RES/2127 (2013)", op("23", PARTIES_TO_ARMED)) if a.kind == "request"]
    assert [(a.values["addressee"], a.values["action"][:33]) for a in found][0] == (
        "all parties to armed conflict in the CAR", "issue clear orders against sexual")


def test_in_conjunction_with_is_an_aside_of_the_addressee():
    assert asks(read("S/RES/2127 (2013)", op("26", IN_CONJUNCTION))) == [("26", "Further requests", "the Secretary-General")]


# A/RES/78/199 (corpus/unga/A_RES_78_199.txt, PDF text joined) OP14; A/RES/78/230 (corpus/unga) OP5
MECHANISMS_AND_PROCEDURES = ("Invites States and relevant United Nations human rights mechanisms and procedures to "
                             "continue to pay attention to the importance of mutual cooperation, understanding and "
                             "dialogue in ensuring the promotion and protection of all human rights;")
AD_HOC_BUREAU = ("Further decides that the bureau of the ad hoc intergovernmental committee shall be made up of not more "
                 "than 20 members, consisting of a chair, vice-chairs and a rapporteur, elected on the basis of balanced "
                 "geographical representation and taking into account gender balance, with each of the five regional "
                 "groups equally represented;")


def test_procedures_after_mechanisms_share_their_modifiers():
    assert asks(read("A/RES/78/199", op("14", MECHANISMS_AND_PROCEDURES))) == [
        ("14", "Invites", "States"), ("14", "Invites", "relevant United Nations human rights mechanisms and procedures")]


def test_a_that_clause_whose_subject_is_a_body_being_composed_asks_no_one():
    found = read("A/RES/78/230", op("5", AD_HOC_BUREAU))
    assert asks(found) == [] and positions(found) == ["Further decides"]


def test_a_report_is_pursuant_to_a_resolution_only_when_it_says_so_of_itself():
    """requests.resolution-link in a report: "The present report has been prepared pursuant to ..." links the report;
    another body's mandate "in accordance with" or a meeting held "pursuant to" a resolution does not."""
    from rule_cases import flat, read_by
    assert [flat(a)["target"] for a in read_by("seeds/001_aaa57c1388cc9d44.txt", "summary",
                                               "requests.resolution-link")] == [["72/195"]]
    # "UNISFA should continue to implement that mandate in accordance with resolution 2609 (2021)"
    assert read_by("corpus/unhk/A_78_737.txt", "1", "requests.resolution-link") == []
    # "The Group held its first meeting in 2006 pursuant to Economic and Social Council resolution 2006/27"
    assert read_by("seeds/001_aaa57c1388cc9d44.txt", "104", "requests.resolution-link") == []


def test_a_request_a_report_retells_is_made_of_an_actor():
    """requests.reported and requests.reported-passive: the actor after "in which" ("resolution 1/12, in which the
    Executive Director was requested to produce reports"), without a list marker ("requested the Secretary-General:
    (a) to bring ..."); a thing called for is no addressee ("the Commission called for the preparation of annual
    reports")."""
    from rule_cases import flat, read_by

    def asked(path, key, rule):
        return [(r["verbText"], r["addressee"]) for r in map(flat, read_by(path, key, rule))]
    assert asked("corpus/unhk/UNEP_EA.2_RES.18.txt", "u1", "requests.reported-passive") == [
        ("requested", "the Executive Director")]
    assert asked("corpus/unhk/A_79_744.txt", "114", "requests.reported-passive") == [("requested", "the Mission")]
    assert asked("corpus/unhk/E_CN.9_2005_1.txt", "u30", "requests.reported") == [("requested", "the Secretary-General")]
    assert asked("corpus/unhk/E_CN.9_2005_1.txt", "u7", "requests.reported") == []
    assert asked("corpus/unhk/E_CN.9_2006_1.txt", "u20", "requests.reported") == [("requested", "the Bureau")]


def test_a_reported_request_belongs_to_the_resolution_its_paragraph_is_about():
    """requests.reported: "By paragraph 2 of its decision 26/1, the Governing Council ... It requested the Executive
    Director ..." (UNEP/GC/SS.XII/3) is decision 26/1's request, not that of decision 25/4 named in between; a
    presidential statement's own "The Security Council urged States of the Region ..." is nobody's reported request
    2,700 characters after "Recalling its resolution 2017 (2011)" (S/PRST/2012/2, read as one block)."""
    from rule_cases import flat, read_by
    assert [flat(a)["resolution"] for a in read_by("corpus/unhk/UNEP_GC_SS.XII_3.txt", "u3", "requests.reported")] == [
        ["26/1"]]
    assert read_by("corpus/unhk/S_PRST_2012_2.txt", "u1", "requests.reported") == []
