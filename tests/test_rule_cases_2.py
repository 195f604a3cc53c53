"""The partnership and people rules on real paragraphs, as they are in their files: for each rule, a paragraph where it
reads a fact that the paragraph states (checked by reading it), and one that has the rule's cue words where it rightly
reads nothing. Paragraph keys are tipkg's own; the files are under ../shared (seeds, dev, corpus)."""
from __future__ import annotations

from rule_cases import HAITI_2025, REPORT_2019, UNODC, read_by, rows

INTERPOL = "International Criminal Police Organization"


# --- partnerships -----------------------------------------------------------------------------------------------

def test_alliance_member_reads_a_key_role_in_an_alliance_not_a_group_of_its_friends():
    # "IOM plays a key role in Alliance 8.7, a global partnership established to assist Member States ..."
    assert rows(REPORT_2019, "62", "partnerships.alliance-member") == [
        {"partner": ["International Organization for Migration"], "initiative": ["Alliance 8.7"]}]
    # negative: "the Black Sea Economic Cooperation Organization is a member of the Group of Friends of the United
    # Nations Alliance of Civilizations": a member of a group that supports the Alliance, not of the Alliance
    assert read_by("corpus/unhk/A_RES_75_12.txt", "OP28", "partnerships.alliance-member") == []


def test_by_agents_reads_a_project_funded_jointly_by_two_offices_not_a_plan_for_its_own_branches():
    # "the “assisting communities together” project ... The project is funded jointly by the Office of the United
    # Nations High Commissioner for Human Rights and the United Nations Development Programme (UNDP)."
    assert rows("corpus/unhk/S_2009_254.txt", "48", "partnerships.by-agents") == [
        {"partner": ["Office of the United Nations High Commissioner for Human Rights",
                     "United Nations Development Programme"],
         "initiative": ["“assisting communities together” project"]}]
    # negative: "This subprogramme will be implemented jointly by the Urban Planning and Design Branch, all the regional
    # offices of UN-Habitat and the Project Office": a plan, carried out by one programme's own branches and offices
    assert read_by("corpus/unhk/HSP_GC_24_5.txt", "u95", "partnerships.by-agents") == []


def test_composition_reads_the_units_a_task_force_is_formed_of_not_a_count_of_member_states():
    # "the Haiti Anti-Corruption Task Force, formed of the Anti-Corruption Unit, the Financial and Economic Affairs
    # Bureau (...), the Central Financial Intelligence Unite (...), the General Inspectorate of Finance (...) and the
    # National Public Procurement Commission (...)" ("Unite" as the report spells it)
    assert rows(HAITI_2025, "annex-I.59", "partnerships.composition") == [
        {"partner": ["Anti-Corruption Unit", "Financial and Economic Affairs Bureau",
                     "Central Financial Intelligence Unite", "General Inspectorate of Finance",
                     "National Public Procurement Commission"],
         "initiative": ["Haiti Anti-Corruption Task Force"]}]
    # negative: "established the Committee on Procedures and Organization, consisting of 15 Member States": a number,
    # no named member
    assert read_by("corpus/unhk/A_520_REV.20.txt", "6", "partnerships.composition") == []


def test_composition_reads_members_the_gazetteer_does_not_hold_after_another_attribute_of_the_body():
    # "the Joint Implementation Committee, responsible for monitoring the implementation of the Joint Action Plan and
    # composed of the South Sudan People’s Defence Forces, SPLM/A-IO and the South Sudan Opposition Alliance": the
    # cue after another attribute joined by "and"; an armed force, a party known by its acronym alone and an alliance
    assert rows("corpus/unhk/S_2025_231.txt", "39", "partnerships.composition") == [
        {"partner": ["South Sudan People’s Defence Forces", "SPLM/A-IO", "South Sudan Opposition Alliance"],
         "initiative": ["Joint Implementation Committee"]}]
    # "within the framework of the Joint Working Group consisting of the Government of the DRC, MONUSCO and the UNCT"
    assert rows("corpus/unhk/S_RES_2765_2024.txt", "OP27", "partnerships.composition") == [
        {"partner": ["Government of Democratic Republic of the Congo",
                     "United Nations Organization Stabilization Mission in the Democratic Republic of the Congo",
                     "UNCT"],
         "initiative": ["Joint Working Group"]}]


def test_a_partner_list_reads_an_alliance_and_an_acronym_but_not_a_working_group_short_form():
    # "the work programme of UN-HABITAT, including work with the Cities Alliance": an alliance of cities is a partner
    assert any("Cities Alliance" in r["partner"] for r in rows("corpus/unhk/HSP_GC_19_4.txt", "u44", "partnerships.with"))
    # "the UNECE secretariat partnered with the Italian Ministry of Infrastructure and Transport, ASTM-SIAS, QN-Il
    # Giorno and leStrade": the acronym after the ministry is a partner
    assert [r["partner"] for r in rows("corpus/unhk/ECE_TRANS_240.txt", "annex-I.48", "partnerships.with")] == [
        ["Economic Commission for Europe", "Italian Ministry of Infrastructure and Transport", "ASTM-SIAS"]]
    # negative: "mandated the Joint Expert Group on Water and Industrial Accidents (JEG), in cooperation with the
    # Working Group and the Bureau": "the Working Group" is a short form of a body named elsewhere, no partner's name
    assert not any("Working Group" in r.get("partner", [])
                   for r in rows("corpus/unhk/ECE_CP.TEIA_44.txt", "31", "partnerships.with"))


def test_joint_subject_reads_three_entities_that_conducted_a_training_not_two_states_that_intend_to_work():
    # "From 6 to 15 May 2024, UNMISS, the Mine Action Service and UNDP conducted weapons and ammunition training for
    # 50 police officers, including 4 female officers, in Juba."
    assert rows("corpus/unhk/S_2025_231.txt", "35", "partnerships.joint-subject") == [
        {"partner": ["United Nations Mission in South Sudan", "United Nations Mine Action Service",
                     "United Nations Development Programme"],
         "initiative": ["weapons and ammunition training for 50 police officers"]}]
    # negative: "The United States and France intend to work within the Military Technical Committee for Lebanon ...":
    # an intention, nothing done yet
    assert read_by("corpus/unhk/S_2024_870.txt", "8", "partnerships.joint-subject") == []


def test_jointly_credits_the_partners_named_before_not_a_sentence_that_names_its_own_agents():
    # "OHCHR and the International Civil Aviation Organization have been cooperating to produce material ... To that
    # end, a set of guidelines for operators and regulators ... were jointly developed in 2018"
    assert rows(REPORT_2019, "50", "partnerships.jointly") == [
        {"partner": ["Office of the United Nations High Commissioner for Human Rights",
                     "International Civil Aviation Organization"],
         "initiative": ["set of guidelines for operators and regulators to train cabin crew on identifying and "
                        "responding to trafficking in persons"]}]
    # negative: "which was jointly organized by the United Nations Educational, Scientific and Cultural Organization
    # and the Special Adviser ...": the sentence names who organized it, nobody before is credited
    assert read_by("corpus/unga/A_RES_79_267.txt", "PP13", "partnerships.jointly") == []


def test_operation_reads_the_agents_of_a_joint_operation_not_patrols_a_mission_will_continue():
    # "A joint operation involving Dominican and Haitian law enforcement, with support from the International Criminal
    # Police Organization (INTERPOL), led to an international arrest warrant, arrests and the release of the victims."
    assert rows(HAITI_2025, "annex-I.44", "partnerships.operation") == [
        {"partner": ["Dominican law enforcement", "Haitian law enforcement", INTERPOL],
         "initiative": ["joint operation"]}]
    # negative: "UNISFA will also continue to conduct joint patrols ...": patrols planned in a budget, no operation done
    assert read_by("corpus/unhk/A_78_737.txt", "44", "partnerships.operation") == []


def test_through_reads_a_platform_outside_the_actor_not_its_own_office():
    # "At the same time UNODC, through the Charidy fundraising platform, organized a fundraising campaign for the
    # United Nations Voluntary Trust Fund for Victims of Human Trafficking"
    assert rows(REPORT_2019, "129", "partnerships.through") == [
        {"partner": [UNODC, "Charidy"],
         "initiative": ["fundraising campaign for the United Nations Voluntary Trust Fund for Victims of Human "
                        "Trafficking"]}]
    # negative: "The United Nations, through UNOAU, supported the African Union ...": the United Nations Office to the
    # African Union is the United Nations' own office, no partner of it
    assert read_by("corpus/unhk/S_2021_763.txt", "47", "partnerships.through") == []


# --- people -----------------------------------------------------------------------------------------------------

def test_bracketed_reads_goodwill_ambassadors_with_their_states_not_a_school_with_its_town():
    # "UNODC works with goodwill ambassadors ... Nobel laureate Nadia Murad Basee Taha (Iraq, human rights activist,
    # human trafficking survivor), Mira Sorvino (United States, actress), and Ozark Henry (Belgium, singer and
    # performing artist) are all regularly involved with UNODC ..."
    ambassador = {"role": ["goodwill ambassador"], "context": [UNODC], "roleLabel": "goodwill ambassador"}
    assert rows(REPORT_2019, "132", "people.bracketed") == [
        {"holder": ["Nadia Murad Basee Taha"], **ambassador, "nationality": ["Iraq"]},
        {"holder": ["Mira Sorvino"], **ambassador, "nationality": ["United States of America"]},
        {"holder": ["Ozark Henry"], **ambassador, "nationality": ["Belgium"]}]
    # negative: "Higher School of Professional Business Studies (Novi Sad, Serbia)": a body attending a session, the
    # bracket gives its town
    assert read_by("corpus/unhk/ECE_TRANS_236.txt", "8", "people.bracketed") == []


def test_case_party_reads_the_defendants_after_v_not_states_sued():
    # "its first ruling, on 31 October 2022, in Special Prosecutor’s Office v. Adoum Issa Sallet alias Bozizé, Ousame
    # Yaouba and Tahir Mahamat, in which the three members of the armed group ... were sentenced"
    defendant = {"role": ["defendant"], "roleLabel": "defendant"}
    assert rows("corpus/unhk/A_HRC_RES_54_31.txt", "OP19", "people.case-party") == [
        {"holder": ["Adoum Issa Sallet"], **defendant},
        {"holder": ["Ousame Yaouba"], **defendant},
        {"holder": ["Tahir Mahamat"], **defendant}]
    # negative: "in the case Mamasakhlisi and Others v. Georgia and Russia": the States after "v." are no persons
    assert read_by("corpus/unhk/A_HRC_RES_52_40.txt", "PP5", "people.case-party") == []


def test_cited_author_reads_the_writers_of_an_article_not_the_newspaper():
    # footnote 25: "David C. Adams and Frances Robles, “Haiti doesn’t make guns. So how are gangs awash in them?” New
    # York Times, 30 March 2025"
    author = {"role": ["author"], "roleLabel": "author"}
    assert rows(HAITI_2025, "annex-I.fn25", "people.cited-author") == [
        {"holder": ["David C. Adams"], **author}, {"holder": ["Frances Robles"], **author}]
    # negative: footnote 60, "See Le Nouvelliste, “Haitian judiciary delivers second corruption conviction in two
    # decades”": a newspaper before the quoted title, no person
    assert read_by(HAITI_2025, "annex-I.fn60", "people.cited-author") == []


def test_member_list_reads_the_named_trustees_not_a_board_composed_of_unnamed_officers():
    # "The board of trustees for the 2017–2020 term is composed of Benita Ferrero-Waldner (Chair), Arnaud Kouassi,
    # Noor Al-Malki Al-Jehani, Alexis Bethancourt Yau and Viktoria Avakova." (section: the Trust Fund)
    fund = ["United Nations Voluntary Trust Fund for Victims of Trafficking in Persons, Especially Women and Children"]
    member = {"role": ["member of the board of trustees"], "context": fund,
              "roleLabel": "member of the board of trustees"}
    assert rows(REPORT_2019, "124", "people.member-list") == [
        {"holder": ["Benita Ferrero-Waldner"], "role": ["Chair of the board of trustees"], "context": fund,
         "roleLabel": "Chair of the board of trustees"},
        {"holder": ["Arnaud Kouassi"], **member},
        {"holder": ["Noor Al-Malki Al-Jehani"], **member},
        {"holder": ["Alexis Bethancourt Yau"], **member},
        {"holder": ["Viktoria Avakova"], **member}]
    # negative: "The Regional Service Centre’s Client Board, composed of directors and chiefs of mission support from
    # client missions, ...": its members by function, no names
    assert read_by("corpus/unhk/A_79_751.txt", "19", "people.member-list") == []


def test_named_list_reads_who_led_a_named_review_not_a_state_that_led_a_process():
    # "Recalling the Independent Review of Mechanisms and Procedures to Ensure Adherence by UNRWA to the Humanitarian
    # Principle of Neutrality, led by Catherine Colonna, and its findings"
    leader = "leader of the Independent Review of Mechanisms and Procedures to Ensure Adherence by UNRWA to the " \
             "Humanitarian Principle of Neutrality"
    assert rows("corpus/unga/A_RES_80_77.txt", "PP25", "people.named-list") == [
        {"holder": ["Catherine Colonna"], "role": [leader], "roleLabel": leader}]
    # negative: "the regional process, led by Chile": a State leads it, no person
    assert read_by("corpus/unga/A_RES_80_187.txt", "OP26", "people.named-list") == []


def test_signed_reads_the_signatory_of_a_letter_not_a_document_signed_in_the_prose():
    # "(Signed) António Guterres" closing "Letter dated 23 January 2017 from the Secretary-General addressed to the
    # President of the Security Council"
    assert rows("corpus/unhk/S_2017_78.txt", "u16", "people.signed") == [
        {"holder": ["António Guterres"], "role": ["Secretary-General"], "roleLabel": "Secretary-General"}]
    # negative: "the document entitled “Human Fraternity for World Peace and Living Together”, which was signed by Pope
    # Francis and the Grand Imam of Al-Azhar, Ahmad al-Tayyib": a signing told in a paragraph, no letter's signature
    assert read_by("corpus/unga/A_RES_78_129.txt", "PP33", "people.signed") == []
