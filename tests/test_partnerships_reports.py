"""Partnerships in the prose of reports and resolutions (tipkg.extract.relations.partnerships): institutions the
gazetteer does not hold, read by their head noun; the agents of an operation; the members a body is formed of; a
process coordinated by several organizations. Real paragraphs of S/2025/303 (UNODC report on Haiti to the Security
Council) and A/RES/70/179."""
from __future__ import annotations

from pathlib import Path

from seed_paragraphs import extractor
from test_operations import P26, P38, P44
from tipkg.model import Document, DocumentMetadata, Paragraph

REPORT = DocumentMetadata(symbol="S/2025/303", issuing_body="Security Council", kind="letter")
RESOLUTION = DocumentMetadata(symbol="A/RES/70/179", issuing_body="General Assembly", kind="resolution",
                              resolution_number="70/179")


def partnerships(number: str, text: str, metadata: DocumentMetadata = REPORT) -> list[tuple[str | None, list[str]]]:
    kind = "preambular" if number.startswith("PP") else "numbered"
    paragraph = Paragraph(number, kind, number, text, 0, len(text), 0, None)
    document = Document("doc", Path("doc.txt"), text, metadata, [], [paragraph], "")
    out = []
    for a in extractor()(document).assertions:
        if a.kind == "partnership":
            initiative = a.entity("initiative")
            out.append((initiative.label if initiative else None, [e.label for e in a.roles["partner"]]))
    return out


P47 = (  # S/2025/303, annex, paragraph 47
    'Deportations of Haitians from the Dominican Republic have surged. In January 2025, the General '
    'Directorate of Migration arrested seven individuals for attempting to smuggle undocumented people '
    'into the Dominican Republic. The Legal Department of the General Directorate of Migration, working '
    'with the Public Prosecutor’s Office, secured preventive measures against three suspects in Baní, '
    'three in Azua and one in Pedernales for violating immigration laws and the Dominican Penal Code. In '
    'February 2025, the General Directorate of Migration conducted 266 operations and deported 31,204 '
    'Haitians.⁴⁸ A further 255 operations in March resulted in 26,659 deportations – bringing the total '
    'number of expulsions over the past five months to 151,883.49')

P59 = (  # S/2025/303, annex, paragraph 59
    'To improve coordination, UNODC recommends that the Haiti Anti-Corruption Task Force, formed of the '
    'Anti-Corruption Unit, the Financial and Economic Affairs Bureau (Bureau des affaires financières et '
    'économiques – BAFE), the Central Financial Intelligence Unite (Unité centrale de renseignements '
    'financiers – UCREF), the General Inspectorate of Finance (Inspection générale des finances – IGF) '
    'and the National Public Procurement Commission (Commission nationale des marches publics – CNMP), be '
    'closely linked to the judiciary (including to the specialized chambers when created). This should '
    'include, inter alia, formal information-sharing protocols, access to financial and criminal '
    'intelligence databases and legal authority to seize assets and impose sanctions.')

PP26 = (  # A/RES/70/179, PP26
    'Taking note of the Khartoum process and its Declaration adopted in Khartoum on 16\xa0October 2014 '
    'during the Regional Ministerial Conference on Human Trafficking and Smuggling in the Horn of Africa, '
    'coordinated by the African Union, the Office of the United Nations High Commissioner for Refugees '
    'and the International Organization for Migration, which aimed to strengthen national, regional and '
    'international cooperation and build capacities in the African countries to combat trafficking in '
    'persons and migrant smuggling,')
# an initiative coordinated by one organization only: no partnership (A/RES/66/260, corpus unhk)
ONE_COORDINATOR = ("Acknowledging also the launch of the Multilateral Development Banks Road Safety Initiative on 19 "
                   "April 2011, coordinated by the World Bank, and their collective effort to scale up road safety "
                   "management capacity and infrastructure safety and improve safety performance measures, through the "
                   "development of systematic and comprehensive road safety projects and the mobilization of resources "
                   "for road safety in some low- and middle-income countries,")
# a committee composed of staff, not of institutions (A/78/737, paragraph 42, corpus unhk)
STAFF_COMMITTEE = ("These requirements were reviewed by the Mine Action Service Programme Review Committee, composed of "
                   "Headquarters and UNISFA personnel, to ensure that the UNISFA mine action programme is designed to "
                   "support efficient and effective delivery of the mandate.")


def test_the_offices_that_led_an_operation_are_partners_on_it():
    assert partnerships("26", P26) == [("dismantling of a transnational network based in Baní",
                                        ["Attorney General’s Office",
                                         "Specialized Prosecutor’s Office Against Illicit Arms Trafficking"])]


def test_the_agents_of_a_joint_operation_with_support_from_interpol():
    # the agents are the partners; the operation's name leaves them out
    assert partnerships("44", P44) == [("joint operation",
                                        ["Dominican law enforcement", "Haitian law enforcement",
                                         "International Criminal Police Organization"])]


def test_an_institution_as_subject_working_with_another():
    [(initiative, partners)] = partnerships("47", P47)
    assert partners == ["Legal Department of the General Directorate of Migration", "Public Prosecutor’s Office"]
    # the suspects counted place by place ("three suspects in Baní, three in Azua and one in Pedernales"): the
    # measures are against suspects; the split is a figure, not part of what was secured
    assert initiative == "preventive measures against suspects for violating immigration laws and the Dominican Penal Code"


# A/RES/68/265, operative paragraph 7 (corpus unhk): a count distributed over years, the noun written once
MOBILITY = ("Authorizes the Secretary-General to implement the refined mobility framework with a view to commencing "
            "mobility for one job network in 2016 and one in 2017, followed by two job networks each year thereafter;")


def test_a_count_distributed_over_places_or_years_names_its_noun_only():
    from tipkg.extract.initiatives import DISTRIBUTED, describe

    assert describe(MOBILITY[MOBILITY.index("mobility for"):]) == ("mobility for job network, followed by two job "
                                                                  "networks each year thereafter")
    # a count that is not distributed stays: "arrested seven individuals for attempting to smuggle ..." (P47)
    arrested = P47[P47.index("seven individuals"):P47.index(". The Legal")]
    assert describe(arrested) == arrested
    # footnote numbers left in a PDF's text are no counts (A/RES/80/39, PP28, lines 296-297 of corpus unga's text)
    meetings = ("Meetings of States Parties to the Treaty on the Prohibition of Nuclear Weapons, held in 2022 in Vienna, 11 "
                "and in 2023 and 2025 in New York")
    assert DISTRIBUTED.search(meetings) is None


def test_the_members_a_task_force_is_formed_of():
    # a member whose head is misspelt ("the Central Financial Intelligence Unite") is read by its acronym in brackets
    assert partnerships("59", P59) == [("Haiti Anti-Corruption Task Force",
                                        ["Anti-Corruption Unit", "Financial and Economic Affairs Bureau",
                                         "Central Financial Intelligence Unite", "General Inspectorate of Finance",
                                         "National Public Procurement Commission"])]


# S/2025/303, annex, footnotes 13, 18 and 21 (dev document, official PDF)
FN13 = ("All the information in paragraphs 12 to 19 was gathered by UNODC staff on the ground working on "
        "capacity-building with Haitian coast guard and Ports security operators.")
FN18 = "Information received by UNODC from the Haitian coast guard and National Port Authority (Autorité portuaire nationale)."
FN21 = ("See S/2025/85; and Robert Muggah, “Haiti’s criminal markets: mapping trends in firearms and drug trafficking” "
        "(UNODC, 2023), available at https://www.unodc.org/documents/data-and-analysis/toc/Haiti_assessment_UNODC.pdf.")


def footnote(number: str, text: str) -> list[tuple[str | None, list[str]]]:
    paragraph = Paragraph(f"fn{number}", "footnote", number, text, 0, len(text), 0, None)
    document = Document("doc", Path("doc.txt"), text, REPORT, [], [paragraph], "")
    return [((a.entity("initiative").label if a.entity("initiative") else None), [e.label for e in a.roles["partner"]])
            for a in extractor()(document).assertions if a.kind == "partnership"]


def test_a_footnote_in_prose_states_who_works_with_whom():
    # the organization whose staff do the work ("UNODC staff ... working on ... with") is a partner in it
    assert footnote("13", FN13) == [("capacity-building", ["United Nations Office on Drugs and Crime",
                                                           "Haitian coast guard", "Ports security operators"])]


def test_a_footnote_that_cites_a_source_or_reports_information_received_states_no_partnership():
    from tipkg.extract.context import ParagraphContext
    from tipkg.extract.relations.partnerships import factual

    assert footnote("18", FN18) == []
    paragraph = Paragraph("fn21", "footnote", "21", FN21, 0, len(FN21), 0, None)
    document = Document("doc", Path("doc.txt"), FN21, REPORT, [], [paragraph], "")
    assert not factual(ParagraphContext(document, paragraph, []))
    paragraph = Paragraph("fn13", "footnote", "13", FN13, 0, len(FN13), 0, None)
    assert factual(ParagraphContext(Document("doc", Path("doc.txt"), FN13, REPORT, [], [paragraph], ""), paragraph, []))


# S/2025/303, annex, footnote 59 (dev document, official PDF)
FN59 = ("This analysis is informed by ongoing UNODC engagement with justice actors in Port-au-Prince and across the "
        "regions of Haiti, including direct consultations with magistrates, prosecutors and law enforcement officials as "
        "part of efforts to strengthen judicial responses to corruption and financial crimes.")
# S/RES/2395 (2017), operative paragraph 5 (corpus unhk)
CTED = ("Welcomes CTED’s cooperation with ICAO, UNODC, other relevant UN bodies, and INTERPOL, as well as relevant "
        "regional organizations, and urges CTED to continue to ensure that it invites representatives from these bodies "
        "to participate in its assessment work, so that they continue to contribute to the development of prioritized "
        "recommendations to build Member States’ capacity in the most pressing areas;")
# HSP/GC/24/5, an unnumbered paragraph (corpus unhk): engagement to be strengthened is a plan
UN_HABITAT_PLAN = (
    "UN-Habitat will continue to support the presence at the country level of Habitat programme managers located "
    "within the offices of United Nations resident coordinators. They remain actively involved in promoting the "
    "integration of sustainable urbanization into national development policies; promoting the global and normative "
    "mandate, programmes and campaigns of the organization; and supporting the operational activities of UN-Habitat at "
    "the national and local levels. They will continue to strengthen UN-Habitat engagement with national Governments, "
    "United Nations country teams and the United Nations Development Assistance Framework process. To promote policy "
    "integration and programmatic coherence at the country level, and in collaboration with regional offices, they will "
    "contribute to the development of national urban policies, taking into account the priorities highlighted by the "
    "Habitat country programme documents, and will coordinate the establishment of national urban forums with "
    "stakeholders at the country level.")


def test_the_engagement_of_an_organization_with_others_as_part_of_efforts():
    # "UNODC engagement with justice actors": the agent of the noun and those it works with; the efforts their work
    # is part of is what they work on
    assert footnote("59", FN59) == [("efforts to strengthen judicial responses to corruption and financial crimes",
                                     ["United Nations Office on Drugs and Crime", "justice actors"])]


def test_a_welcomed_cooperation_is_a_partnership_on_nothing_the_next_clause_asks():
    [(initiative, partners)] = partnerships("OP5", CTED, RESOLUTION)
    assert partners == ["Counter-Terrorism Committee Executive Directorate", "International Civil Aviation Organization",
                        "United Nations Office on Drugs and Crime"]
    assert initiative is None  # not "ensure that it invites representatives ...", which CTED is urged to do


def test_an_engagement_to_be_strengthened_is_no_partnership():
    assert partnerships("u68", UN_HABITAT_PLAN) == []


# HSP/GC/25/2, an unnumbered paragraph (corpus unhk)
UN_HABITAT_OHCHR = (
    "UN-Habitat continued its collaboration with the Office of the United Nations High Commissioner for Human Rights "
    "(OHCHR), under the auspices of the United Nations Housing Rights Programme. A revised version of the joint "
    "UN-Habitat-OHCHR Fact Sheet on forced evictions (No. 25/Rev.1) was published and widely disseminated, as was the "
    "handbook entitled “Assessing the impact of forced evictions”. UN-Habitat also worked closely with the United "
    "Nations Special Rapporteur on the right to adequate housing as a component of the right to an adequate standard of "
    "living, and on the right to non-discrimination in this context in areas of common concern and commenced research "
    "on two thematic areas: persons with disabilities and homelessness.")
# HSP/GC/21/7, annex IV, paragraph 4 (corpus unhk): the work named before the noun is the Bank's own
WORLD_BANK = (
    "Mr. Larry Hannah, Lead Economist for the Europe and Central Asia region, World Bank, focused on the history of "
    "collaboration between the World Bank and UN-Habitat, the trends affecting the agenda established for the "
    "twenty-first session and how they had influenced the work of the Bank and financing affordable housing and "
    "infrastructure. The World Bank had started work on sustainable urbanization in the early 1970s and had initiated "
    "its collaboration with UN-Habitat – a relationship based on complementarity rather than competition – in the "
    "mid-1980s, including through the Water and Sanitation Trust Fund, the Urban Management Programme, the Housing "
    "Indicators Programme and, perhaps most successfully, their joint sponsorship of the Cities Alliance. The profile "
    "of urban issues had been raised throughout the work of the World Bank. The Bank had started to examine the role of "
    "cities and local authorities in climate change. He described crucial aspects in addressing the financing of "
    "affordable housing – property rights, the financial sector, local government and housing policy – and stressed "
    "the importance of collaboration both within organizations and on the national and international levels.")
# A/78/737, paragraph 30 (corpus unhk): engagement the Mission will continue is a plan
UNISFA_PLAN = (
    "To support a coordinated United Nations response to cross-border conflict, and to avert violent conflict and "
    "tensions between the Ngok Dinka and neighbouring South Sudan communities such as the Twic Dinka and Nuers of Warrap "
    "State in the southern flanks of Abyei, UNISFA will continue its engagement with the United Nations Mission in South "
    "Sudan, the Special Envoy of the Secretary-General for the Horn of Africa and other partners, through regular "
    "coordination and information-sharing meetings on matters of mutual concern, including cross-border security and "
    "transhumance issues. UNISFA will ensure that it works closely with the resident coordinators in the Sudan and South "
    "Sudan and partners from the agencies, funds and programmes, along with humanitarian actors, to ensure access to "
    "the civilian population and, where possible, assist them in fulfilling their mandates to service the needs of the "
    "people of Abyei and of those displaced by the conflict in the Sudan.")


def test_the_subject_continuing_its_own_collaboration_with_another():
    found = partnerships("u62", UN_HABITAT_OHCHR)
    assert ["United Nations Human Settlements Programme",
            "Office of the United Nations High Commissioner for Human Rights"] in [partners for _, partners in found]
    [(initiative, partners)] = [f for f in partnerships("4", WORLD_BANK) if "World Bank" in f[1]]
    assert partners == ["World Bank", "United Nations Human Settlements Programme"]
    assert "sustainable urbanization" not in (initiative or "")  # the Bank's own work, written before the noun


def test_engagement_a_mission_will_continue_is_no_partnership():
    assert partnerships("30", UNISFA_PLAN) == []


def test_a_process_coordinated_by_three_organizations():
    [(initiative, partners)] = partnerships("PP26", PP26, RESOLUTION)
    assert initiative.startswith("Khartoum process")
    assert partners == ["African Union", "Office of the United Nations High Commissioner for Refugees",
                        "International Organization for Migration"]


def test_criminal_networks_a_single_coordinator_and_a_committee_of_staff_are_no_partnership():
    assert partnerships("38", P38) == []
    assert partnerships("PP5", ONE_COORDINATOR, RESOLUTION) == []
    assert partnerships("42", STAFF_COMMITTEE) == []


# S/RES/2331 (2016), operative paragraph 18 (dev document)
OP18_2331 = ("Takes note with appreciation of the efforts undertaken by the Special Representative on Sexual Violence "
             "in Conflict and the Team of Experts on Rule of Law and Sexual Violence in Conflict to strengthen "
             "monitoring and analysis of sexual violence in conflict, including when associated with trafficking in "
             "persons in armed conflict and post-conflict situations, used as a tactic of war and also as a tactic by "
             "certain terrorist groups, as well as in seeking concrete and time-bound commitments and implementation "
             "plans by all parties to conflict to prevent and address such crimes in line with resolutions 1960 and "
             "2106, and encourages a more systematic approach and the acceleration of such efforts; furthermore "
             "requests information, as appropriate, on practical measures undertaken by parties to the conflict "
             "pursuant to the above-mentioned commitments and implementation plans;")
# A/RES/73/228, operative paragraph 22 (corpus unhk)
OP22_73_228 = ("Welcomes the efforts undertaken by the Department of Economic and Social Affairs and the Office of the "
               "High Representative to support the sustainable development agenda of the small island developing "
               "States through the Inter-Agency Consultative Group on Small Island Developing States and to enhance "
               "coherence and effective coordination between United Nations agencies and relevant stakeholders and "
               "improve communication and consultation with Member States;")
# S/RES/2033 (2012), operative paragraph 5 (corpus unhk): organs whose efforts "should be based" on their authorities
OP5_2033 = ("Takes note of the respective strategic visions of the partnership between the African Union and the United "
            "Nations as contained in the reports of the Secretary-General of the United Nations (S/2011/805) and the "
            "Chairperson of the African Union Commission and stresses that common and coordinated efforts undertaken by "
            "the Security Council and the African Union Peace and Security Council in matters of peace and security, "
            "should be based on their respective authorities, competencies and capacities;")
SC = DocumentMetadata(symbol="S/RES/2331 (2016)", issuing_body="Security Council", kind="resolution")


def test_efforts_undertaken_by_two_entities_are_a_partnership_on_their_purpose():
    [(initiative, partners)] = partnerships("OP18", OP18_2331, SC)
    assert initiative == "strengthen monitoring and analysis of sexual violence in conflict"
    assert partners == ["Office of the Special Representative of the Secretary-General on Sexual Violence in Conflict",
                        "Team of Experts on the Rule of Law and Sexual Violence in Conflict"]
    [(initiative, partners)] = partnerships("OP22", OP22_73_228, RESOLUTION)
    assert initiative.startswith("support the sustainable development agenda of the small island developing States")
    assert partners == ["Department of Economic and Social Affairs", "Office of the High Representative"]


def test_efforts_of_organs_that_should_be_based_on_their_authorities_are_none():
    assert partnerships("OP5", OP5_2033, SC) == []


# S/RES/2759 (2024), preambular paragraph 15 (corpus unhk): "the European Union Training Mission" is no European Union
PP15_2759 = ("Welcoming the work carried out by MINUSCA, the European Union Training Mission in the CAR (EUTM-RCA) and "
             "the European Union Advisory Mission in the CAR (EUAM-RCA), and further underlining the support of CAR’s "
             "other international and regional partners, including France, the Russian Federation, the United States, "
             "the People’s Republic of China and the Republic of Rwanda, to train and enhance the capacities of the CAR "
             "defence and security forces, and encouraging coherence, transparency and effective coordination of "
             "international support to the CAR,")


def test_an_organization_inside_a_longer_name_is_no_partner_and_work_alone_no_initiative():
    found = partnerships("PP15", PP15_2759, SC)
    assert not [p for p in found if "European Union" in p[1]]
    assert not [p for p in found if p[0] == "work"]


# S/2009/254, paragraph 48 (corpus unhk): "The project is funded jointly by" two agencies: the project named before
P48_2009_254 = ("The Mission’s Human Rights Office also continued to facilitate the “assisting communities together” "
                "project, which offers grants to local non-governmental organizations for human rights education and "
                "training projects at the grass-roots level. The project is funded jointly by the Office of the United "
                "Nations High Commissioner for Human Rights and the United Nations Development Programme (UNDP).")


def test_the_project_funded_jointly_by_two_agencies_is_the_one_named_before():
    assert ("“assisting communities together” project",
            ["Office of the United Nations High Commissioner for Human Rights", "United Nations Development Programme"]
            ) in partnerships("48", P48_2009_254)
    assert "project is" not in [i for i, _ in partnerships("48", P48_2009_254)]


# S/2009/697 (corpus unhk): the functions an office "will have", listed as sub-items
CHAPEAU_2009_697 = ("As you know, in my report on the relationship between the United Nations and regional "
                    "organizations, I recommended the establishment of regional offices of the Secretariat. Those United "
                    "Nations offices would be mandated to work closely with regional organizations, in particular the "
                    "African Union, in the maintenance of international peace and security (see S/2008/186). In that "
                    "connection, I am pleased to inform the members of the Security Council of my intention to establish "
                    "a Regional Office for Central Africa, having consulted with and received the consent of States "
                    "members of ECCAS. The Office will have the following core functions:")
ITEM_A_2009_697 = ("Cooperating with ECCAS, the Central African Economic and Monetary Community (CAEMC), the International "
                   "Conference on the Great Lakes Region (ICGLR), the Economic Community of the Great Lakes Countries "
                   "(CEPGL) and other key partners and assisting them, as appropriate, in their promotion of peace and "
                   "stability in the broader Central African subregion;")


def _with_chapeau(chapeau: str | None, item: str) -> list[list[str]]:
    text = (chapeau or "") + "\n" + item
    parent = Paragraph("u2", "unnumbered", None, chapeau, 0, len(chapeau), 0, None) if chapeau else None
    sub = Paragraph("u2(a)", "subitem", "(a)", item, len(text) - len(item), len(text), 1, None,
                    parent="u2" if chapeau else None)
    document = Document("doc", Path("doc.txt"), text, DocumentMetadata(symbol="S/2009/697", kind="letter"), [],
                        [p for p in (parent, sub) if p is not None], "")
    return [[e.label for e in a.roles["partner"]] for a in extractor()(document).assertions
            if a.kind == "partnership" and a.paragraph == "u2(a)"]


def test_a_sub_item_under_a_chapeau_that_plans_states_no_partnership():
    assert _with_chapeau(CHAPEAU_2009_697, ITEM_A_2009_697) == []
    # the same item read without its chapeau is read (the acronym in brackets names the second organization)
    assert _with_chapeau(None, ITEM_A_2009_697) == [["Economic Community of Central African States",
                                                      "Central African Economic and Monetary Community"]]


# ECE/TRANS/236 (corpus unhk), paragraph 34: an organization the gazetteer does not hold, with its acronym
ECE_TRANS_236_34 = ('The Committee was informed that the accession of Morocco to the International Convention on the '
                    'Harmonization of Frontier Controls of Goods, 1982 (Harmonization Convention) in 2012 brought the '
                    'number of Contracting Parties to 56. Following the entry into force on 30 November 2011 of the new '
                    'Annex 9 on rail freight border crossing to the Harmonization Convention, the secretariat, the '
                    'Working Party on Customs Questions affecting Transport (WP.30) and SC.2, in cooperation with '
                    'international railway organizations such as the Organization for Cooperation between Railways (OSJD)'
                    ' and the Intergovernmental Organisation for International Carriage by Rail (OTIF), were working '
                    'towards developing a plan of action to speed up the introduction of the provisions of Annex 9 at the'
                    ' national level. The Committee noted that the secretariat and WP.30 continued to monitor the '
                    'implementation of the Convention and had conducted a recurrent survey of Contracting Parties with '
                    'regard to the application at the national level of Annex 8 on road transport, whose outcome would '
                    'shortly be available. WP.30 also had started considerations of how to better incorporate in the '
                    'Harmonization Convention indicators and a mechanism for measuring border crossing performance of '
                    'various control services and benchmarking as well as about the possible introduction a new X-ray '
                    'scanning certificate, with the aim to avoid repetitive scanning at the borders. The secretariat, in '
                    'cooperation with the Organization for Security and Cooperation in Europe (OSCE), the Organization of'
                    ' the Black Sea Cooperation (BSEC) and other partners continues capacity-building activities for the '
                    'application of the Harmonization Convention, in particular on the basis of the recent joint Handbook'
                    ' of Best Practices at Border Crossings, which is now also available in Russian.')
# E/CN.9/1997/3 (corpus unhk), paragraph 72: a programme with its acronym is no institution
E_CN9_1997_3_72 = ('In Latin America, Bolivia reported having held a training course in 1996 to help migration '
                   'authorities improve controls of arrivals and departures, in cooperation with IOM and the Latin '
                   'American Programme of Cooperation in Migration (PLACMI). In Brazil, data-collection efforts on '
                   'stocks and flows of migrants as well as on factors causing migration had been strengthened as a '
                   'result of a UNFPA-supported project that had organized several conferences to consider data '
                   'availability and to debate policy options. Cuba had strengthened its data-collection efforts to '
                   'monitor the flows and stocks of international migrants. In Honduras, the General Directorate of '
                   'Population and Migration Policy had been planning to initiate a programme to ascertain the number of'
                   ' Hondurans who resided abroad and provide an information link between international migrants and '
                   'their families. Mexico had been monitoring international migration by means of a continuous Survey '
                   "on Migration in the North Border. Nicaragua's General Population Census in 1995 (the first census of"
                   ' its kind since 1965) had contained questions concerning international migration. Uruguay reported '
                   'that migration had been included in the activities of the Institute of National Statistics, which '
                   'had been responsible for the national census in 1996. A programme on population at the Faculty of '
                   'Social Sciences at the State university had been monitoring migration trends and conducting border-'
                   'zone surveys.')


def test_an_organization_named_with_its_acronym_joins_a_partner_list_but_a_programme_does_not():
    # (the secretariat, the document's actor, is not known to a document without a title)
    assert ["Organization for Security and Co-operation in Europe", "Organization of the Black Sea Cooperation"] \
        in [p for _, p in partnerships("34", ECE_TRANS_236_34)]
    assert not any("Latin American Programme of Cooperation in Migration" in p
                   for _, p in partnerships("72", E_CN9_1997_3_72))


def test_the_clause_that_speaks_of_the_work_is_no_part_of_its_name():
    """partnerships.by-agents in a body's report: "The Committee was informed about: ... the Security Discussion Forum
    ... that was jointly organized by OSCE and UNECE" names the partners, not "Committee was informed about" as their
    work; "the initiatives and activities of the United Nations network ..., co-led by the Office of the High
    Commissioner and the Department of Global Communications" without "Notes in particular in this regard"; a
    statement others support is no joint work."""
    from rule_cases import flat, read_by
    assert [flat(a) for a in read_by("corpus/unhk/ECE_TRANS_270.txt", "annex-I.45", "partnerships.by-agents")] == [
        {"partner": ["Organization for Security and Co-operation in Europe", "Economic Commission for Europe"]}]
    assert [flat(a)["initiative"] for a in read_by("corpus/unhk/A_HRC_RES_55_15.txt", "OP11", "partnerships.by-agents")] == [
        ["initiatives and activities of the United Nations network on racial discrimination and protection of minorities"]]
    assert read_by("corpus/unhk/ECE_TRANS_254.txt", "110", "partnerships.by-agents") == []
