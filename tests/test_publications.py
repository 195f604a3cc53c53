"""Publications (tipkg.extract.relations.publications and queries/publications.rq): titles in italics, quoted
titles, titles in capitals as PDF text keeps them, and described publications, with publisher and year, read
from real paragraphs of the seeds and the corpus, and answered by the canned query on a build of the three seeds."""
from __future__ import annotations

from conftest import needs_seeds, query_json
from italic_paragraphs import of_kind, read
from rule_cases import extraction, paragraph_text

UNODC = "United Nations Office on Drugs and Crime"


def publications(document: str, number: str, heading: str | None, text: str) -> list[dict]:
    return _rows(of_kind(read(document, number, heading, text), "issuance"))


def _rows(assertions) -> list[dict]:
    out = []
    for a in assertions:
        out.append({"title": a.entity("publication").label, "class": a.entity("publication").classes[0],
                    "publisher": [e.label for e in a.roles.get("publisher", [])], "year": a.values.get("year")})
    return out


def titles(*args) -> list[str]:
    return [p["title"] for p in publications(*args)]


def publications_in(relative: str, key: str) -> list[dict]:
    """What is read as published in paragraph `key` of a real file (under ../shared), the whole document extracted as
    a build does: the paragraph as it is, with its neighbours and headings."""
    paragraph_text(relative, key)
    return _rows([a for a in extraction(relative).assertions if a.paragraph == key and a.kind == "issuance"])


def titles_in(relative: str, key: str) -> list[str]:
    return [p["title"] for p in publications_in(relative, key)]


REPORT_2019 = "seeds/001_aaa57c1388cc9d44.txt"
REPORT_2022 = "seeds/003_84e408440e65b4cf.txt"
ECOSOC_2021_25 = "seeds/004_cd24bcaccb66e80b.txt"


P001_42 = ("001", "42", UNODC,
           "UNODC further developed practical tools and publications to support Member State efforts to fight "
           "trafficking in persons. In close consultation with Member States, the Office continued its work on a "
           "series of issue papers exploring key concepts contained in the Trafficking in Persons Protocol. In 2017, "
           "UNODC published: the *Human Trafficking Toolkit for Journalists* and the *Evidential Issues in "
           "Trafficking in Persons Cases: Case Digest*. In 2018, the Office produced an issue paper entitled “The "
           "international legal definition of trafficking in persons: consolidation of research findings and "
           "reflection on issues raised”, and a thematic paper entitled *Countering* Trafficking in Persons in "
           "Conflict Situations. The Office is currently working on the revision and update of two key instruments: "
           "the *Model Law against Trafficking in Persons*, and the *Legislative Guide for the Implementation of the "
           "Protocol to Prevent, Suppress and Punish Trafficking in Persons, especially Women and Children, "
           "supplementing the United Nations Convention against Transnational Organized Crime*.")


def test_italic_titles_quoted_titles_and_an_italic_cut_at_a_block_end():  # 001:42
    assert titles(*P001_42) == [
        "Human Trafficking Toolkit for Journalists",
        "Evidential Issues in Trafficking in Persons Cases: Case Digest",
        "The international legal definition of trafficking in persons: consolidation of research findings and "
        "reflection on issues raised",
        "Countering Trafficking in Persons in Conflict Situations",
        "Model Law against Trafficking in Persons",
        "Legislative Guide for the Implementation of the Protocol to Prevent, Suppress and Punish Trafficking in "
        "Persons, especially Women and Children, supplementing the United Nations Convention against Transnational "
        "Organized Crime",
    ]


def test_publisher_and_year_of_what_was_published_and_classes_by_the_words():  # 001:42
    found = {p["title"].split(":")[0]: p for p in publications(*P001_42)}
    assert found["Human Trafficking Toolkit for Journalists"]["year"] == "2017"
    assert found["Human Trafficking Toolkit for Journalists"]["publisher"] == [UNODC]
    assert found["Countering Trafficking in Persons in Conflict Situations"]["year"] == "2018"
    assert found["Evidential Issues in Trafficking in Persons Cases"]["class"] == "CaseDigest"
    assert found["Model Law against Trafficking in Persons"]["class"] == "ModelLaw"
    assert found["Model Law against Trafficking in Persons"]["year"] is None  # being revised, not published here
    assert found["The international legal definition of trafficking in persons"]["class"] == "IssuePaper"


def test_a_series_of_issue_papers_is_no_publication():  # 001:42
    assert not [t for t in titles(*P001_42) if "series" in t or t.startswith("practical tools")]


def test_an_italic_back_reference_of_one_word_is_no_title():  # 001:56
    found = publications_in(REPORT_2019, "56")
    assert [(p["title"], p["class"], p["publisher"], p["year"]) for p in found] == [
        ("IOM Handbook: Protection and Assistance for Migrants Vulnerable to Violence, Exploitation and Abuse",
         "Handbook", ["International Organization for Migration"], "2018")]


def test_a_quoted_title_launched_and_guiding_principles_named_in_capitals():  # 001:59
    found = publications_in(REPORT_2019, "59")
    assert [(p["title"], p["year"]) for p in found] == [
        ("Remediation guidelines for victims of exploitation in extended mineral supply chains", "2018"),
        ("Guiding Principles on Business and Human Rights: Implementing the United Nations “Protect, Respect and "
         "Remedy” Framework", None)]
    assert found[1]["publisher"] == []  # IOM developed the Guidelines, not the Guiding Principles


def test_a_title_in_capitals_published_in_a_year():  # 001:48
    found = publications_in(REPORT_2019, "48")
    assert [(p["title"], p["class"], p["year"]) for p in found] == [
        ("Recommended Principles and Guidelines on Human Rights and Human Trafficking", "Guidelines", "2002")]


def test_two_issue_briefs_listed_one_by_one():  # 001:61
    text = ("IOM continues to take an active role in the Inter-Agency Coordination Group against Trafficking in "
            "Persons, which published two issue briefs in 2018: one on trafficking in children, and one on the role "
            "of the Sustainable Development Goals in combating trafficking in persons.")
    found = publications("001", "61", "International Organization for Migration", text)
    assert [(p["title"], p["class"], p["year"]) for p in found] == [
        ("issue brief on trafficking in children", "IssueBrief", "2018"),
        ("issue brief on the role of the Sustainable Development Goals in combating trafficking in persons",
         "IssueBrief", "2018")]


def test_quoted_policy_papers_listed_after_published_and_an_italic_toolkit():  # 001:110
    found = publications_in(REPORT_2019, "110")
    assert [p["title"].split(":")[0] for p in found] == [
        "Providing effective remedies for victims of trafficking in persons", "Pivoting toward the evidence",
        "Toolkit for Guidance in Designing and Evaluating Counter-Trafficking Programmes"]
    assert [p["year"] for p in found[:2]] == ["2016", "2016"] and found[2]["class"] == "Toolkit"


def test_issues_briefs_described_by_their_topic():  # 001:112(b), 112(d)
    b = ("General Assembly on Trafficking in Persons in the Zero Draft of the Global Compact for Migration, "
         "resilience and the response to crises (including recent issues briefs of the Group that pertained to "
         "trafficking in persons in humanitarian crises);")
    d = "To help the world's most vulnerable (recent issues briefs on the gender dimensions of human trafficking);"
    heading = "Activities of the Inter-Agency Coordination Group against Trafficking in Persons"
    assert titles("001", "112(b)", heading, b) == ["recent issues briefs on trafficking in persons in humanitarian crises"]
    assert titles("001", "112(d)", heading, d) == ["recent issues briefs on the gender dimensions of human trafficking"]


def test_guidelines_described_and_then_said_to_be_published():  # 001:50
    assert titles_in(REPORT_2019, "50") == [
        "guidelines for operators and regulators to train cabin crew on identifying and responding to trafficking in "
        "persons"]


def test_detailed_guidelines_that_nobody_published_are_no_publication():  # 001:17
    assert titles_in(REPORT_2019, "17") == []


def test_a_joint_statement_issued_but_not_a_campaign_name_or_a_theme():  # 001:126
    found = publications_in(REPORT_2019, "126")
    assert [(p["title"], p["class"], p["publisher"]) for p in found] == [
        ("joint statement", "Statement", ["Inter-Agency Coordination Group against Trafficking in Persons"])]


def test_the_title_of_a_resolution_is_no_publication():  # 001:1
    assert titles_in(REPORT_2019, "1") == []


def test_italics_inside_a_campaign_name_and_of_operations_are_no_titles():  # 001:131, 001:81(a)
    assert titles_in(REPORT_2019, "131") == []
    assert titles_in(REPORT_2019, "81(a)") == []


def test_italic_verbs_of_a_resolution_and_record_series_are_no_titles():  # 004:OP6, 004:fn2
    assert titles_in(ECOSOC_2021_25, "OP6") == ["Global Report on Trafficking in Persons"]
    assert titles("004", "fn2", None, "United Nations, *Treaty Series*, vol. 2225, No. 39574.") == []


def test_italics_broken_around_small_words_are_one_title():  # 003:54
    found = publications_in(REPORT_2022, "54")
    assert [(p["title"], p["class"], p["year"]) for p in found] == [
        ("The Effects of the COVID-19 Pandemic on Trafficking in Persons and Responses to the Challenges: a Global "
         "Study of Emerging Evidence", "Study", "2021"),
        ("The Concept of \"Harbouring\" in the Trafficking in Persons Protocol", "IssuePaper", "2021"),
        ("Exploitation and Abuse: the Scale and Scope of Human Trafficking in South-Eastern Europe", "Publication",
         "2022")]


def test_described_publications_of_the_states_that_produced_them():  # 003:77
    found = publications_in(REPORT_2022, "77")
    assert [(p["title"], p["publisher"]) for p in found] == [
        ("booklet on its national trafficking in persons institutional framework", ["Brazil"]),
        ("manual of operating procedures for the identification and referral of cases of human trafficking",
         ["Peru"])]


def test_a_title_in_capitals_in_text_without_italics():  # A/RES/79/145 OP124 style (corpus, PDF text)
    text = ("Takes note with appreciation of the Global Report on Trafficking in Persons 2022 of the United Nations "
            "Office on Drugs and Crime, and of the Voluntary Guidelines for Flag State Performance³⁴ of the Food and "
            "Agriculture Organization of the United Nations;")
    found = publications("A/RES/79/145", "OP124", None, text)
    assert [(p["title"], p["publisher"], p["year"]) for p in found] == [
        ("Global Report on Trafficking in Persons 2022", [UNODC], "2022"),
        ("Voluntary Guidelines for Flag State Performance", ["Food and Agriculture Organization of the United Nations"],
         None)]


def test_a_capitalised_list_and_a_report_of_a_body_are_no_titles():  # corpus
    text = ("Recalling the United Nations Programme of Assistance in the Teaching, Study, Dissemination and Wider "
            "Appreciation of International Law, and the Report of the Secretary-General on its implementation,")
    assert titles("A/RES/80/167", "PP1", None, text) == []


# --- the canned query -------------------------------------------------------------------------------------------

@needs_seeds
def test_publications_query_answers_the_contract_on_the_three_seeds(seed_store):
    rows = query_json(seed_store, "publications")
    assert rows and all(set(r) >= {"title", "publisher", "year", "document"} for r in rows)
    by_title: dict[str, list[dict]] = {}
    for r in rows:
        by_title.setdefault(r["title"], []).append(r)
    assert {r["year"] for r in by_title["Human Trafficking Toolkit for Journalists"]} == {"2017"}
    assert {r["publisher"] for r in by_title["Human Trafficking Toolkit for Journalists"]} == {"UNODC"}
    assert "Typical Issues in Trafficking in Persons Cases: Regional Case Digest – Southern Africa" in by_title
    assert "Global Report on Trafficking in Persons" in by_title  # 004:OP6
    assert not [t for t in by_title if t in ("Handbook", "Urges", "Treaty Series", "contra la trata de personas")]


@needs_seeds
def test_publications_query_filters_by_publisher(seed_store):
    rows = query_json(seed_store, "publications", "publisher=IOM")
    assert rows and {r["publisher"] for r in rows} == {"IOM"}


# --- texts adopted, reports cited by symbol, sources cited in notes, the report a document is ---------------------

def test_a_plan_adopted_by_the_general_assembly_in_a_resolution():  # A/RES/75/158 PP11 (corpus, unhk)
    text = ("Welcoming in particular the efforts of States, United Nations bodies and agencies and intergovernmental "
            "and non-governmental organizations to combat human trafficking, especially trafficking in women and "
            "children, including the implementation of the United Nations Global Plan of Action to Combat "
            "Trafficking in Persons adopted by the General Assembly in its resolution 64/293 of 30 July 2010,")
    assert publications("A/RES/75/158", "PP11", None, text) == [
        {"title": "United Nations Global Plan of Action to Combat Trafficking in Persons", "class": "Publication",
         "publisher": ["General Assembly"], "year": "2010"}]


def test_ilo_recommendations_with_their_year_and_the_organization():  # A/C.2/80/L.31 OP18 (corpus)
    text = ("Encourages the international community to support developing countries in their efforts to eradicate "
            "poverty in all its forms and dimensions, including extreme poverty, and achieve gender equality and the "
            "empowerment of all women and girls, the poor and people in vulnerable situations, with a view to "
            "achieving the internationally agreed development goals, including the Sustainable Development Goals, as "
            "established by the 2030 Agenda, which builds upon the achievement of the Millennium Development Goals "
            "and addresses their unfinished business, improving tax systems and access to financial services, "
            "including affordable microfinance and credit, removing barriers to opportunity, enhancing productive "
            "capacity, entrepreneurship, creativity and innovation, encouraging the formalization and growth of "
            "micro-, small and medium-sized enterprises, developing sustainable agriculture and promoting full and "
            "productive employment and decent work for all, emphasizing the important role of national efforts "
            "aimed at bringing workers from the informal to the formal economy, guided, as appropriate, by the "
            "Transition from the Informal to the Formal Economy Recommendation, 2015 (No. 204), of the International "
            "Labour Organization, complemented by national efforts on effective social policies, including social "
            "protection floors, and in this regard takes note of the Social Protection Floors Recommendation, 2012 "
            "(No. 202), of the International Labour Organization;")
    rows = publications("A/C.2/80/L.31", "OP18", None, text)
    assert [(r["title"], r["publisher"], r["year"]) for r in rows] == [
        ("Transforming our world: the 2030 Agenda for Sustainable Development", [], None),
        ("Transition from the Informal to the Formal Economy Recommendation, 2015 (No. 204)",
         ["International Labour Organization"], "2015"),
        ("Social Protection Floors Recommendation, 2012 (No. 202)", ["International Labour Organization"], "2012")]


def test_a_memorandum_named_in_capitals():  # A/RES/78/210 OP20 (corpus)
    text = ("Strongly condemns terrorist acts and all acts of violence committed by terrorist groups, including "
            "trafficking in persons, kidnapping and hostage-taking with demands for ransom and/or political "
            "concessions, and the continued systematic and widespread abuses of human rights perpetrated by such "
            "groups, and calls upon all Member States to prevent terrorists from benefiting from ransom payment and "
            "political concessions and to secure the safe release of hostages, in accordance with applicable legal "
            "obligations, while noting the initiatives in this regard, including the Algiers Memorandum on Good "
            "Practices on Preventing and Denying the Benefits of Kidnapping for Ransom by Terrorists;")
    assert titles("A/RES/78/210", "OP20", None, text) == [
        "Algiers Memorandum on Good Practices on Preventing and Denying the Benefits of Kidnapping for Ransom by "
        "Terrorists"]


def test_a_declaration_of_a_process_and_the_date_it_was_adopted():  # A/RES/70/179 PP26 (dev document)
    text = ("Taking note of the Khartoum process and its Declaration adopted in Khartoum on 16 October 2014 during the "
            "Regional Ministerial Conference on Human Trafficking and Smuggling in the Horn of Africa, coordinated by "
            "the African Union, the Office of the United Nations High Commissioner for Refugees and the International "
            "Organization for Migration,")
    rows = publications("A/RES/70/179", "PP26", None, text)
    assert [(r["title"], r["year"]) for r in rows] == [("Declaration of the Khartoum process", "2014")]


def test_back_references_and_agenda_items_are_no_titles():  # A/C.1/80/L.7 OP6 (corpus), A/RES/70/179 PP9 (dev)
    assert titles("A/C.1/80/L.7", "OP6", None, "Decides to include in the provisional agenda of its eighty-first "
                  "session, under the item entitled “General and complete disarmament”, the sub-item entitled "
                  "“Regional disarmament”.") == []
    assert titles("A/RES/70/179", "PP9", None, "Reaffirming that the Global Plan of Action was developed:") == [
        "United Nations Global Plan of Action to Combat Trafficking in Persons"]  # the gazetteer's name, in full


def test_reports_cited_by_their_symbols():  # S/PRST/2015/22 (corpus, unhk); S/RES/2331 (2016) PP2 (dev document)
    text = ("“The Security Council notes that the Secretary-General’s report (S/2015/682) identifies a number of areas "
            "where the Security Council could play a key role in strengthening United Nations peace operations and "
            "expresses its intention to continue to consider the relevant recommendations of the Secretary-General’s "
            "report.")
    assert [(r["title"], r["publisher"]) for r in publications("S/PRST/2015/22", "1", None, text)] == [
        ("S/2015/682", ["Secretary-General"])]
    text = "Taking note of the Secretary-General’s reports S/2016/949, as well as S/2015/203 and S/2016/361,"
    assert [(r["title"], r["publisher"]) for r in publications("S/RES/2331 (2016)", "PP2", None, text)] == [
        ("S/2016/949", ["Secretary-General"]), ("S/2015/203", ["Secretary-General"]),
        ("S/2016/361", ["Secretary-General"])]
    # a report of a panel the gazetteer does not know: no publisher to give, no row
    text = ("“The Security Council takes note of the recommendations of his report entitled ‘The Future of United "
            "Nations Peace Operations: Implementation of the Recommendations of the High-Level Independent Panel on "
            "Peace Operations’ (S/2015/682) and of the recommendations of the report of the High-level Independent "
            "Panel on Peace Operations (S/2015/446), including the recommendations with respect to the strategic "
            "partnership with the African Union.")
    assert "S/2015/446" not in titles("S/PRST/2015/22", "2", None, text)


def test_a_source_cited_with_publisher_and_year_in_a_note():  # S/2025/303 fn21 and fn7 (dev document)
    text = ("See S/2025/85; and Robert Muggah, “Haiti’s criminal markets: mapping trends in firearms and drug "
            "trafficking” (UNODC, 2023), available at https://www.unodc.org/documents/data-and-analysis/toc/"
            "Haiti_assessment_UNODC.pdf.")
    assert [(r["title"], r["publisher"], r["year"]) for r in publications("S/2025/303", "fn21", None, text)] == [
        ("Haiti’s criminal markets: mapping trends in firearms and drug trafficking", [UNODC], "2023")]
    news = ("See UN News, “Haiti reaches ‘yet another crisis point’ as gangs tighten their grip”, 28 March 2025, "
            "available at https://news.un.org/en/story/2025/03/1161696.")
    assert publications("S/2025/303", "fn7", None, news) == []


def test_the_report_a_letter_transmits_is_a_publication_of_its_author():  # S/2025/303 annex heading (dev document)
    from pathlib import Path

    from seed_paragraphs import extractor
    from tipkg.model import Document, DocumentMetadata, Paragraph, Section

    heading = ("Report of the United Nations Office on Drugs and Crime pursuant to paragraph 9 of Security Council "
               "resolution 2692 (2023)")
    first = "I have the honour to transmit to the Security Council the seventh quarterly report."
    doc = Document("S-2025-303", Path("S_2025_303.pdf"), first, DocumentMetadata(
        symbol="S/2025/303", date="2025-05-12", issuing_body="Security Council", kind="letter"),
        [Section("annex-I", None, 1, "Annex", None, 0, 0), Section("annex-I.h1", None, 2, heading, "annex-I", 0, 0)],
        [Paragraph("u1", "unnumbered", None, first, 0, len(first), 0)], "")
    rows = [a for a in extractor()(doc).assertions if a.rule == "publications.own-report"]
    assert [(a.entity("publication").label, [e.label for e in a.roles["publisher"]], a.values["year"])
            for a in rows] == [(heading, [UNODC], "2025")]
    doc.sections[1] = Section("annex-I.h1", None, 2, "Introduction", "annex-I", 0, 0)
    assert not [a for a in extractor()(doc).assertions if a.rule == "publications.own-report"]


def test_two_texts_named_together_are_two_and_the_opening_verb_is_no_part():  # A/RES/78/164 PP8, A/RES/80/133 PP31
    text = ("Recalling the Monterrey Consensus of the International Conference on Financing for Development⁴ and the "
            "Doha Declaration on Financing for Development: outcome document of the Follow-up International Conference "
            "on Financing for Development to Review the Implementation of the Monterrey Consensus,⁵")
    # the second by the name the gazetteer gives it (which holds the Monterrey Consensus named again inside the
    # follow-up conference's name; read alone, it was a third title)
    assert titles("A/RES/78/164", "PP8", None, text) == [
        "Monterrey Consensus of the International Conference on Financing for Development",
        "Doha Declaration on Financing for Development: outcome document of the Follow-up International Conference "
        "on Financing for Development to Review the Implementation of the Monterrey Consensus"]
    text = ("Recalling the Sendai Declaration and the Sendai Framework for Disaster Risk Reduction 2015–2030, adopted "
            "at the Third United Nations World Conference on Disaster Risk Reduction,¹⁶")
    assert "Sendai Declaration" in titles("A/RES/80/133", "PP31", None, text)
    assert not [t for t in titles("A/RES/80/133", "PP31", None, text) if t.startswith("Recalling")]


def test_a_back_reference_to_the_agenda_is_no_title():  # A/RES/78/164 PP2 (corpus)
    text = ("Reaffirming its resolution 70/1 of 25 September 2015, entitled “Transforming our world: the 2030 Agenda for "
            "Sustainable Development”, in which it adopted a comprehensive, far-reaching and people-centred set of "
            "universal and transformative Sustainable Development Goals and targets, its commitment to working "
            "tirelessly for the full implementation of the Agenda by 2030, its recognition that eradicating poverty in "
            "all its forms and dimensions, including extreme poverty, is the greatest global challenge and an "
            "indispensable requirement for sustainable development, its commitment to achieving sustainable "
            "development in its three dimensions – economic, social and environmental – in a balanced and integrated "
            "manner, and to building upon the achievements of the Millennium Development Goals and seeking to address "
            "their unfinished business,")
    assert titles("A/RES/78/164", "PP2", None, text) == [
        "Transforming our world: the 2030 Agenda for Sustainable Development"]


def test_a_title_in_capitals_keeps_its_small_words_read_backwards():  # A/C.2/80/L.44 OP5 (corpus)
    text = ("Takes note of the consideration given to financial inclusion in the Financing for Sustainable Development "
            "Report 2024, stresses that, while financial inclusion has improved in recent years, notably owing to the "
            "growth in mobile banking, significant gaps remain within and among developed and developing countries, "
            "and remains concerned that, globally, 1.3 billion people do not have access to formal financial services "
            "and that, despite increased account ownership among women, the financial inclusion gender gap remains;")
    assert titles("A/C.2/80/L.44", "OP5", None, text) == ["Financing for Sustainable Development Report 2024"]


def test_a_declaration_with_or_in_its_name():  # A/HRC/RES/49/7 OP10 (corpus, unhk)
    text = ("Encourages States to adopt a gender-sensitive and inclusive approach to the protection of cultural heritage "
            "and the safeguarding of cultural rights that is respectful of cultural diversity and includes consideration "
            "of the human rights issues of persons belonging to national or ethnic, religious and linguistic minorities, "
            "as set out in the Declaration on the Rights of Persons Belonging to National or Ethnic, Religious and "
            "Linguistic Minorities, and of indigenous peoples, as set out in the United Nations Declaration on the "
            "Rights of Indigenous Peoples;")
    assert titles("A/HRC/RES/49/7", "OP10", None, text) == [
        "Declaration on the Rights of Persons Belonging to National or Ethnic, Religious and Linguistic Minorities",
        "United Nations Declaration on the Rights of Indigenous Peoples"]


def test_a_note_number_run_into_a_name_is_no_part_of_it():  # A/RES/60/142 OP1 (corpus, unhk)
    text = ("Adopts the Programme of Action for the Second International Decade of the World’s Indigenous People3 as a "
            "guideline for action for the Second Decade;")
    assert titles("A/RES/60/142", "OP1", None, text) == [
        "Programme of Action for the Second International Decade of the World’s Indigenous People"]


def test_a_date_after_a_name_is_not_part_of_it():  # A/RES/78/74 PP13, A/RES/80/47 PP6 (corpus)
    text = ("Noting the signing of the Declaration of Principles on Interim Self-Government Arrangements on 13 September "
            "1993 by the Government of Israel and the Palestine Liberation Organization³ and the subsequent "
            "implementation agreements,")
    assert titles("A/RES/78/74", "PP13", None, text) == [
        "Declaration of Principles on Interim Self-Government Arrangements"]
    text = ("Convinced that the establishment of the South-East Asia Nuclear-Weapon-Free Zone, as an essential component "
            "of the Declaration on the Zone of Peace, Freedom and Neutrality, signed in Kuala Lumpur on 27 November "
            "1971, has contributed towards strengthening the security of States within the Zone and towards enhancing "
            "international peace and security as a whole,")
    assert [(r["title"], r["year"]) for r in publications("A/RES/80/47", "PP6", None, text)] == [
        ("Declaration on the Zone of Peace, Freedom and Neutrality", "1971")]


def test_a_report_of_the_secretary_general_dated_before_its_symbol():  # S/RES/1960 (2010) (corpus, unhk)
    text = ("Welcoming the report of the Secretary-General of 24 November 2010 (S/2010/604), but remaining deeply "
            "concerned over the slow progress on the issue of sexual violence in situations of armed conflict in "
            "particular against women and children, and noting as documented in the Secretary-General’s report that "
            "sexual violence occurs in armed conflicts throughout the world,")
    assert [(r["title"], r["publisher"], r["year"]) for r in publications("S/RES/1960 (2010)", "PP5", None, text)] == [
        ("S/2010/604", ["Secretary-General"], "2010")]


def test_a_title_stops_before_another_s_possession():  # A/RES/80/133 PP5 (corpus)
    text = ("Recognizing that sustainable, affordable and context-specific agricultural technology has a beneficial "
            "impact on and an important role in the successful implementation of the goals and targets of the 2030 "
            "Agenda, and in that regard taking note with appreciation of the report of the Secretary-General on "
            "progress towards the Sustainable Development Goals,³ the Global Sustainable Development Report and the "
            "Secretary-General’s strategy on new technologies,")
    assert "Global Sustainable Development Report" in titles("A/RES/80/133", "PP5", None, text)
    assert not [t for t in titles("A/RES/80/133", "PP5", None, text) if "Secretary-General’s" in t]


def test_who_signed_a_protocol_to_a_memorandum_and_when_is_not_the_memorandum_s():  # A/RES/78/222 OP46 (corpus)
    text = ('Expresses deep concern in particular about violence in the north-west, including air strikes, and th'
            'e impact on civilians of that violence, stresses the urgent need for the immediate cessation of mili'
            'tary hostilities in Idlib and the surrounding areas, for the prioritization of the protection of all'
            ' civilians, including those displaced, and for full, timely, immediate, unrestricted and safe humani'
            'tarian access, including cross-border access, recalls the Additional Protocol to the Memorandum on t'
            'he Stabilization of the Situation in the Idlib De-escalation Area, signed by the Russian Federation '
            'and Turkey on 5 March 2020, and stresses the importance of continuing work towards preserving calm o'
            'n the ground and creating the necessary conditions for the safe, dignified and voluntary returns of '
            'displaced people;')
    rows = publications("A/RES/78/222", "OP46", None, text)
    memorandum = [r for r in rows if r["title"].startswith("Memorandum on the Stabilization")]
    assert [(r["publisher"], r["year"]) for r in memorandum] == [([], None)]


# --- audit round 2 (benchmarks/audit/sheet-seed20261207-80efe24.md): publisher and year beside the title ------------

def test_a_text_adopted_by_a_body_in_a_dated_resolution_after_its_quoted_title():
    # ../shared/corpus/unga/A_RES_79_145.txt, PP19: "”, as adopted by the General Assembly in its resolution 70/1 of ..."
    text = ("Welcoming the outcome document of the United Nations summit for the adoption of the post-2015 development "
            "agenda, held from 25 to 27 September 2015, entitled “Transforming our world: the 2030 Agenda for "
            "Sustainable Development”, as adopted by the General Assembly in its resolution 70/1 of 25 September 2015, "
            "and in this regard reaffirming the commitment to conserve and sustainably use the oceans, seas and marine "
            "resources for sustainable development, as reflected in Goal 14 of the outcome document,")
    rows = [p for p in publications("A/RES/79/145", "PP19", None, text) if p["title"].startswith("Transforming")]
    assert [(p["publisher"], p["year"]) for p in rows] == [(["General Assembly"], "2015")]


def test_a_body_that_endorses_a_text_adopted_elsewhere_is_not_its_publisher():
    # ../shared/corpus/unga/A_RES_80_126.txt, PP4: the Sevilla Commitment is the Conference's outcome document
    text = ("Welcoming the convening of the Fourth International Conference on Financing for Development from 30 June to "
            "3 July 2025 in Sevilla, Spain, and reaffirming its outcome document, the Sevilla Commitment, endorsed by "
            "the General Assembly in its resolution 79/323 of 25 August 2025, which sets forth a renewed global "
            "framework for financing for development, building on the 2015 Addis Ababa Action Agenda,¹ to close with "
            "urgency the estimated annual 4 trillion United States dollar financing gap,² and catalyse sustainable "
            "development investments at scale in developing countries and continue the reform of the international "
            "financial architecture through continued and strong commitment to multilateralism, international "
            "cooperation, and global solidarity,")
    rows = {p["title"]: p["publisher"] for p in publications("A/RES/80/126", "PP4", None, text)}
    assert rows["Sevilla Commitment"] == []


def test_the_imprint_of_a_reference_gives_its_publisher_and_year():
    # ../shared/corpus/unga/A_RES_79_199.txt, fn13
    text = "Financing for Sustainable Development Report 2024 (United Nations publication, 2024)."
    assert [(p["title"], p["publisher"], p["year"]) for p in publications("A/RES/79/199", "fn13", None, text)] == [
        ("Financing for Sustainable Development Report 2024", ["United Nations"], "2024")]
    # no imprint, no publisher: ../shared/corpus/unga/A_RES_78_152.txt, PP12 (the reports are only recalled)
    text = ("Recognizing that disaster risk is increasingly complex and systemic and that hazards can trigger each other "
            "with cascading impacts across sectors and geographies, as well as at the local, national, regional and "
            "global levels, and that the interrelation of risks across multiple dimensions and scales and potential "
            "unintended negative consequences should inform development policies and investments, emphasizing that "
            "these policies should be oriented towards building resilience and achieving sustainability and the "
            "Sustainable Development Goals, and recalling in this regard the findings contained in the Sustainable "
            "Development Goals Report 2023: Special Edition, the Global Sustainable Development Report and the 2023 "
            "special report of the Global Assessment Report on Disaster Risk Reduction, and stressing the importance of "
            "an integrated understanding of disaster risk in the implementation of the 2030 Agenda, the Paris "
            "Agreement¹⁰ and the Sendai Framework,")
    rows = {p["title"]: (p["publisher"], p["year"]) for p in publications("A/RES/78/152", "PP12", None, text)}
    # a title ends before "and the" another's ("the 2023 special report of ..."), whose year is that edition's
    assert rows["Global Sustainable Development Report"] == ([], None)
    assert rows["Global Assessment Report on Disaster Risk Reduction"] == ([], "2023")


def test_a_year_after_of_ending_a_texts_name_is_its_year_and_no_part_of_the_name():
    # ../shared/corpus/unga/A_RES_79_231.txt, OP5
    text = ("Also takes note with appreciation of the Lima Declaration of Guidelines on Auditing Precepts of 1977³ and "
            "the Mexico Declaration on Supreme Audit Institutions Independence of 2007,⁴ and encourages Member States to "
            "apply, in a manner consistent with their national institutional structures, the principles set out in "
            "those Declarations;")
    assert [(p["title"], p["year"]) for p in publications("A/RES/79/231", "OP5", None, text)] == [
        ("Lima Declaration of Guidelines on Auditing Precepts", "1977"),
        ("Mexico Declaration on Supreme Audit Institutions Independence", "2007")]


def test_a_range_of_years_broken_at_a_line_end_is_one_range():
    # ../shared/corpus/unga/A_RES_80_151.txt, OP6
    text = ("Recommits to exploring the establishment of regional agricultural research hubs for landlocked developing "
            "countries, with a view to addressing structural impediments, enhancing agricultural productivity, "
            "promoting value addition, supporting capacity-building and facilitating improved agricultural practices, "
            "and recalls the request to the Secretary-General to submit a report to the General Assembly at its "
            "eightieth session and, taking note of the note¹² by the Secretariat on the Awaza Programme of Action for "
            "Landlocked Developing Countries for the Decade 2024– 2034,¹³ requests the Secretary-General to report to "
            "the Assembly at its eighty-first session on the feasibility, effectiveness and administrative modalities "
            "of such network hubs;")
    assert "Awaza Programme of Action for Landlocked Developing Countries for the Decade 2024–2034" in titles(
        "A/RES/80/151", "OP6", None, text)


def test_a_past_year_before_a_name_is_its_year_and_not_the_next_names():
    """../shared/corpus/unga/A_RES_80_109.txt, OP175: "the 2004 Guidelines to Reduce Sea Turtle Mortality in Fishing
    Operations and the International Plan of Action ... of the Food and Agriculture Organization of the United
    Nations" (the two names apart); A_RES_80_126.txt, PP4: "the 2015 Addis Ababa Action Agenda"."""
    from conftest import CORPUS_TEXTS
    from tipkg.extract import Extractor
    from tipkg.ingest import ingest
    from tipkg.reference import gazetteer

    def rows(file, key):
        document = ingest(CORPUS_TEXTS / file)
        return {a.entity("publication").label: a.values.get("year") for a in Extractor(gazetteer())(document).assertions
                if a.kind == "issuance" and a.paragraph == key}
    turtles = rows("A_RES_80_109.txt", "OP175")
    assert turtles["Guidelines to Reduce Sea Turtle Mortality in Fishing Operations"] == "2004"
    assert turtles["International Plan of Action for Reducing Incidental Catch of Seabirds in Longline Fisheries"] is None
    assert rows("A_RES_80_126.txt", "PP4")[
        "Addis Ababa Action Agenda of the Third International Conference on Financing for Development"] == "2015"


def test_a_texts_name_ends_before_and_the_next_name_and_before_its_meetings_place_and_dates():
    # ../shared/corpus/unga/A_RES_78_46.txt, OP10: two texts, not one ("the Programme of Action" alone is a
    # back-reference, no name)
    text = ("Underlines the importance of the full and effective implementation of the Programme of Action and the "
            "International Tracing Instrument for attaining Goal 16 and target 16.4 of the 2030 Agenda for Sustainable "
            "Development;⁹")
    assert "Programme of Action and the International Tracing Instrument" not in titles("A/RES/78/46", "OP10", None, text)
    # a name's own "and the ..." with no head word of a text stays in it: ../shared/corpus/unga/A_RES_78_215.txt, OP24
    text = ("Encourages the Secretary-General to further intensify his efforts regarding the safety of journalists and "
            "media workers, and invites the agencies, organizations, funds and programmes of the United Nations system to "
            "actively exchange information and enhance cooperation, including through the network of focal points and, "
            "at the local level, with United Nations country teams, as well as accelerate gender mainstreaming in the "
            "implementation of the United Nations Plan of Action on the Safety of Journalists and the Issue of Impunity, "
            "in cooperation with Member States and under the overall coordination of the United Nations Educational, "
            "Scientific and Cultural Organization;")
    assert any(t.endswith("Plan of Action on the Safety of Journalists and the Issue of Impunity")
               for t in titles("A/RES/78/215", "OP24", None, text))
    # ../shared/corpus/unga/A_RES_78_46.txt, OP9
    text = ("Decides to convene the fourth United Nations Conference to Review Progress Made in the Implementation of the "
            "Programme of Action to Prevent, Combat and Eradicate the Illicit Trade in Small Arms and Light Weapons in "
            "All Its Aspects in New York from 17 to 28 June 2024, to be preceded by the meeting of the preparatory "
            "committee in New York from 12 to 16 February 2024;")
    assert titles("A/RES/78/46", "OP9", None, text) == [
        "Programme of Action to Prevent, Combat and Eradicate the Illicit Trade in Small Arms and Light Weapons in All "
        "Its Aspects"]


# --- audit round 3 (benchmarks/audit/sheet-seed20261208-f7d7325.md) ----------------------------------------------

def test_a_declaration_known_by_its_other_written_form_and_its_year_after_a_comma():
    # ../shared/corpus/unga/A_C.6_80_L.14.txt, PP4: "Declaration of Principles ..." is the gazetteer's "Declaration on
    # Principles ..." (resolution 2625 (XXV)), not a title cut before "concerning"
    text = ("Recalling the Declaration of Principles of International Law concerning Friendly Relations and Cooperation "
            "among States in accordance with the Charter of the United Nations, of 1970,³")
    assert [(p["title"], p["year"]) for p in publications("A/C.6/80/L.14", "PP4", None, text)] == [
        ("Declaration on Principles of International Law concerning Friendly Relations and Cooperation among States in "
         "accordance with the Charter of the United Nations", "1970")]


def test_the_year_after_a_bracketed_short_name_and_its_note():
    # ../shared/corpus/unga/A_RES_78_317.txt, annex-I.13: "(Barbados Programme of Action)¹ adopted in 1994"; the
    # Mauritius Strategy "² of 2005" is no text these rules read by its head word (no row, no year made up)
    text = ("We reaffirm the continued applicability of the Programme of Action for the Sustainable Development of Small "
            "Island Developing States (Barbados Programme of Action)¹ adopted in 1994, the Mauritius Strategy for the "
            "Further Implementation of the Programme of Action for the Sustainable Development of Small Island "
            "Developing States (Mauritius Strategy)² of 2005 and the SIDS Accelerated Modalities of Action (SAMOA) "
            "Pathway³ of 2014 as blueprints setting out the sustainable development priorities of small island "
            "developing States.")
    rows = {p["title"]: p["year"] for p in publications("A/RES/78/317", "annex-I.13", None, text)}
    assert rows["Barbados Programme of Action"] == "1994"
    assert rows["Programme of Action for the Sustainable Development of Small Island Developing States"] is None


def test_a_name_in_capitals_goes_on_before_its_colon():
    # ../shared/corpus/unga/A_RES_80_39.txt, PP2
    text = ("Recalling also the report of the Secretary-General entitled “Our Common Agenda”,¹ in particular the "
            "reiteration by the Secretary-General of the commitment to achieve a world free of nuclear weapons and other "
            "weapons of mass destruction, and the disarmament recommendations of policy brief 9, entitled “A New Agenda "
            "for Peace”,² presented by the Secretary-General on 20 July 2023, in particular the recognition that the "
            "existential threat that nuclear weapons pose to humanity must motivate us to work towards their total "
            "elimination and the recommendation to States to recommit urgently to the pursuit of a world free of "
            "nuclear weapons and reverse the erosion of international norms against the spread and use of nuclear "
            "weapons, and recalling further the importance of the Secretary-General’s disarmament agenda, Securing Our "
            "Common Future: An Agenda for Disarmament,")
    found = titles("A/RES/80/39", "PP2", None, text)
    assert "Securing Our Common Future: An Agenda for Disarmament" in found
    assert "An Agenda for Disarmament" not in found


def test_a_body_named_like_a_database_is_no_publication():
    # ../shared/corpus/unga/A_RES_79_323.txt, annex-I.u9(r)
    text = ("We commit to further improve the availability, quality and accessibility of risk and impact data to support "
            "additional investments in developing countries, including by working with institutional investors. We "
            "encourage the continued release of quality disaggregated data, including from the Global Emerging Markets "
            "Risk Database Consortium. We encourage the sharing and publishing of financial performance data of blended "
            "finance transactions and private sector mobilization rates in an aggregated and anonymized way;")
    assert titles("A/RES/79/323", "annex-I.u9(r)", None, text) == []


def test_a_described_statement_ends_before_the_clause_that_says_where_it_was_delivered():
    # ../shared/corpus/unga/A_RES_79_37.txt, PP9
    text = ("Recalling the joint statements on the humanitarian consequences of nuclear weapons delivered to the General "
            "Assembly and during the ninth and tenth cycles of the review of the Treaty on the Non-Proliferation of "
            "Nuclear Weapons,³ including most recently at the tenth Review Conference of the Parties to the Treaty on the "
            "Non-Proliferation of Nuclear Weapons,")
    assert titles("A/RES/79/37", "PP9", None, text) == ["joint statements on the humanitarian consequences of nuclear weapons"]


def test_a_plan_named_after_the_body_that_issued_it():
    # ../shared/corpus/unga/A_RES_79_264.txt, OP12; the Khartoum process test above
    # keeps "the <process> and its Declaration" apart
    text = ("Recognizes the adverse effects of climate change, ecological changes and natural disasters on the "
            "achievement of sustainable development in African Member States, including drought, desertification, "
            "biodiversity loss, land degradation, flooding and food insecurity, emphasizes the importance of sustainable "
            "use of natural resources and the need for adequate risk assessment and risk management strategies, "
            "highlights the importance of supporting efforts to strengthen the implementation of initiatives aimed at "
            "enhancing resilience in Africa, in particular the Comprehensive Africa Agriculture Development Programme "
            "and other initiatives launched under the leadership of the African Union Commission such as the Great "
            "Green Wall and the Land Policy Initiative and the African Union Green Recovery Action Plan, as well as "
            "initiatives launched by African countries such as the Adaptation of African Agriculture and the Security, "
            "Stability and Sustainability initiatives, and welcomes the efforts and initiatives of the African Union on "
            "addressing climate change on the continent; and in this regard welcomes the outcomes of the twenty-seventh "
            "session of the Conference of the Parties to the United Nations Framework Convention on Climate Change "
            "(COP27), held in Sharm el-Sheikh, Egypt, in November 2022, noting the launch of the Climate Responses for "
            "Sustaining Peace (CRSP) initiative by Egypt as President of the twenty-seventh session of the Conference of "
            "the Parties and the African Union, as well as the twenty-eighth session of the Conference of the Parties to "
            "the United Nations Framework Convention on Climate Change (COP28), held in Dubai, United Arab Emirates, in "
            "December 2023;")
    rows = {p["title"]: p["publisher"] for p in publications("A/RES/79/264", "OP12", None, text)}
    assert rows.get("African Union Green Recovery Action Plan") == ["African Union"]
    assert "Green Recovery Action Plan" not in rows



def test_and_the_before_a_name_the_gazetteer_knows_ends_a_texts_name():
    # ../shared/corpus/unga/A_C.2_80_L.48.txt, PP5: "the Sevilla Commitment and the Paris Agreement" are two texts
    text = ("Highlighting the synergies between the implementation of the 2030 Agenda, the Addis Ababa Action Agenda, the "
            "Sevilla Commitment and the Paris Agreement, and noting with concern the findings contained in the special "
            "report of the Intergovernmental Panel on Climate Change on the impacts of global warming of 1.5 degrees "
            "Celsius above pre-industrial levels and related global greenhouse gas emission pathways, in the context of "
            "strengthening the global response to the threat of climate change, sustainable development and efforts to "
            "eradicate poverty, and welcoming the convening of the thirtieth session of the Conference of the Parties to "
            "the United Nations Framework Convention on Climate Change, in Belém, Brazil, from 10 to 21 November 2025,")
    found = titles("A/C.2/80/L.48", "PP5", None, text)
    assert "Sevilla Commitment" in found
    assert not any("Paris Agreement" in t for t in found if t.startswith("Sevilla"))


def test_the_resolution_that_adopted_a_text_named_right_before_it_gives_its_publisher_and_year():
    # ../shared/corpus/unga/A_C.3_80_L.16.txt, PP5: one row, with the General Assembly and 2015; the later "the 2030
    # Agenda" of the same paragraph, which says less of the same text, is not listed beside it
    text = ("Recalling also General Assembly resolution 70/1 of 25 September 2015, entitled “Transforming our world: the "
            "2030 Agenda for Sustainable Development”, in which the Assembly recognized the need to ensure access for "
            "all to adequate, safe and affordable housing and basic services, and to implement social protection "
            "systems and measures for all, including floors for all, and affirmed its commitment to the full "
            "implementation of the 2030 Agenda, and its recognition that eradicating poverty in all its forms and "
            "dimensions, is the greatest global challenge and an indispensable requirement for sustainable development,")
    rows = [(p["title"], p["publisher"], p["year"]) for p in publications("A/C.3/80/L.16", "PP5", None, text)]
    assert rows == [("Transforming our world: the 2030 Agenda for Sustainable Development", ["General Assembly"], "2015")]
    # ../shared/corpus/unga/A_RES_78_327.txt, PP2: "its resolution 69/313 ... on the Addis Ababa Action Agenda" is a
    # resolution about the text (adopted by the Conference), not the one that adopted it: no publisher
    text = ("Reaffirming also its resolution 69/313 of 27 July 2015 on the Addis Ababa Action Agenda of the Third "
            "International Conference on Financing for Development, which is an integral part of the 2030 Agenda for "
            "Sustainable Development, supports and complements it, helps to contextualize its means of implementation "
            "targets with concrete policies and actions, and reaffirms the strong political commitment to address the "
            "challenge of financing and creating an enabling environment at all levels for sustainable development in "
            "the spirit of global partnership and solidarity,")
    rows = {p["title"]: p["publisher"] for p in publications("A/RES/78/327", "PP2", None, text)}
    assert rows["Addis Ababa Action Agenda of the Third International Conference on Financing for Development"] == []


def test_as_adopted_in_its_resolution_after_the_name_gives_the_adopting_body():
    # ../shared/corpus/unga/A_RES_80_213.txt, OP7 (the year of resolution 60/288 is not written: none)
    text = ("Reaffirms its commitment to the United Nations Global Counter-Terrorism Strategy and a balanced and "
            "integrated implementation of its four pillars, as adopted in its resolution 60/288, and at its eighth "
            "review, and recognizes the need to redouble efforts for even attention paid to and even implementation of "
            "all the pillars of the strategy;")
    rows = {p["title"]: (p["publisher"], p["year"]) for p in publications("A/RES/80/213", "OP7", None, text)}
    assert rows["United Nations Global Counter-Terrorism Strategy"] == (["General Assembly"], None)


def test_a_year_before_the_body_named_before_a_text():
    # ../shared/corpus/unga/A_80_L.34.txt, annex-I.63: "the 2001 World Trade Organization Doha Declaration on ..."
    text = ("Encourage the promotion of increased access to affordable, safe, effective and quality medicines, including "
            "generics, vaccines, diagnostics and health technologies, reaffirming the World Trade Organization Agreement "
            "on Trade-Related Aspects of Intellectual Property Rights (TRIPS Agreement) as amended, and also reaffirming "
            "the 2001 World Trade Organization Doha Declaration on the TRIPS Agreement and Public Health, which "
            "recognizes that intellectual property rights should be interpreted and implemented in a manner supportive "
            "of the right of Member States to protect public health and, in particular, to promote access to medicines "
            "for all, and noting the need for appropriate incentives in the development of new health products; Target: "
            "at least 80 per cent of primary health care facilities in all countries have availability of World Health "
            "Organization-recommended essential medicines and basic technologies for noncommunicable diseases and mental "
            "health conditions, at affordable prices, by 2030.")
    # read in its document: a year before a name counts only when it is before the document's own (a target is not)
    from conftest import CORPUS_TEXTS
    from tipkg.extract import Extractor
    from tipkg.ingest import ingest
    from tipkg.reference import gazetteer

    document = ingest(CORPUS_TEXTS / "A_80_L.34.txt")
    assert " ".join(text.split()) in " ".join(p.text for p in document.paragraphs if p.key == "annex-I.63")
    rows = {a.entity("publication").label: ([e.label for e in a.roles.get("publisher", [])], a.values.get("year"))
            for a in Extractor(gazetteer())(document).assertions if a.kind == "issuance" and a.paragraph == "annex-I.63"}
    assert rows["Declaration on the TRIPS Agreement and Public Health"] == (["World Trade Organization"], "2001")



def test_the_date_of_the_resolution_before_a_texts_name_is_not_part_of_it():
    # ../shared/corpus/unga/A_80_L.14.txt, PP3 (the same sentence in A/C.2/80/L.7 PP3)
    text = ("Reaffirming also its resolutions 79/323 of 25 August 2025 on the Sevilla Commitment adopted at the Fourth "
            "International Conference on Financing for Development and 69/313 of 27 July 2015 on the Addis Ababa Action "
            "Agenda of the Third International Conference on Financing for Development, which are integral parts of the "
            "2030 Agenda for Sustainable Development, support and complement it, help to contextualize its means of "
            "implementation targets with concrete policies and actions and reaffirm the strong political commitment to "
            "addressing the challenge of financing and creating an enabling environment at all levels for sustainable "
            "development in the spirit of global partnership and solidarity,")
    assert "Sevilla Commitment" in titles("A/80/L.14", "PP3", None, text)
    assert not [t for t in titles("A/80/L.14", "PP3", None, text) if t[:1].isdigit()]


def test_a_title_ends_before_or_the_and_another_name():
    # ../shared/corpus/unhk/ECE_HBP_213.txt, annex-I.u55: "such as the 2015 UN-Habitat International Guidelines on
    # Urban and Territorial Planning or the New European Bauhaus, which relates to the European Green Deal"
    from rule_cases import flat, read_by
    assert [flat(a)["publication"] for a in read_by("corpus/unhk/ECE_HBP_213.txt", "annex-I.u55", "publications.issued")] == [
        ["International Guidelines on Urban and Territorial Planning"]]
