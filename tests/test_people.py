"""Named persons and their roles (tipkg.extract.relations.people): a title before a name, an apposition, a
signature under a letter, the parties of a court case, a list a person noun opens, the authors of a cited work.
Each case is a real, unedited paragraph of a dev document (../shared/dev/S_2025_303.pdf, as ingestion reads the
PDF) or of the corpus (../shared/corpus/unhk), with a paragraph of the same shape that names no person."""
from __future__ import annotations

from pathlib import Path

from italic_paragraphs import of_kind, read
from seed_paragraphs import extractor
from tipkg.model import Document, DocumentMetadata, Paragraph


def people(document: str, number: str, text: str, rule: str | None = None) -> dict[str, str | None]:
    """person -> role, of the role assertions one paragraph gives (of one rule when named)."""
    out = {}
    for a in of_kind(read(document, number, None, text), "role"):
        if rule is None or a.rule == rule:
            out[a.entity("holder").label] = a.values.get("roleLabel")
    return out


def organizations(document: str, number: str, text: str) -> dict[str, list[str]]:
    return {a.entity("holder").label: [e.label for e in a.roles.get("context", [])]
            for a in of_kind(read(document, number, None, text), "role")}


# ../shared/corpus/unhk/A_RES_78_267.txt (preambular paragraph)
FALCONE = ("Commemorating all victims of organized crime, including those who have lost their lives fighting such crime, "
           "in particular law enforcement and judicial personnel, and paying special tribute to all those persons, such "
           "as Judge Giovanni Falcone, whose work and sacrifice paved the way for the adoption of the Convention, and "
           "affirming that their legacy lives on through our global commitment to preventing and combating organized "
           "crime,")
# ../shared/dev/S_2025_303.pdf, footnote 52
NOEM_TRUMP = ("United States Department of Homeland Security, “Secretary Noem rescinds previous administration’s extension "
              "of Haiti’s temporary protected status”, 20 February 2025, available at www.dhs.gov/news/2025/02/20/"
              "secretary-noem-rescinds-extension-haitis-temporary-protected-status. See also, Executive Order 14159, 20 "
              "January 2025; and The White House, “President Donald J. Trump ends taxpayer subsidization of open "
              "borders”, fact sheet, 19 February 2025, available at www.whitehouse.gov/fact-sheets/2025/02/fact-sheet-"
              "president-donald-j-trump-ends-taxpayer-subsidization-of-open-borders/.")
# ../shared/corpus/unhk/S_2024_751.txt: a title word inside the name of a law
JUSTICE_BILL = ("According to the Central Monitoring Department, the Child Rights Bill and the Juvenile Justice Bill will be "
                "finalized and enacted by the end of 2024.")


def test_a_title_before_a_name_and_a_surname_after_an_office_title():
    assert people("A/RES/78/267", "PP10", FALCONE) == {"Giovanni Falcone": "Judge"}
    assert people("S/2025/303", "fn52", NOEM_TRUMP) == {"Noem": "Secretary", "Donald J. Trump": "President"}


def test_a_title_word_in_the_name_of_a_law_is_no_person():
    assert people("S/2024/751", "12", JUSTICE_BILL) == {}


# ../shared/corpus/unhk/S_2025_231.txt, paragraph 6 (its third and last sentences)
KIIR = ("The President of South Sudan, Salva Kiir, assented to those bills on 11 November 2024. However, key tasks for "
        "the implementation of the Revitalized Agreement remain unfulfilled, including the unification of forces and "
        "preparatory work for elections. Moreover, the series of events in March 2025, marked by the arrest of several "
        "prominent opposition commanders and ministers by security forces, culminating in the arrest of the First "
        "Vice-President, Riek Machar, on 26 March 2025, has placed the entire peace process in South Sudan at serious "
        "risk of collapsing.")
# ../shared/dev/S_2025_303.pdf, footnote 43
ALVAREZ = ("See the address by Roberto Álvarez Gil, Minister for Foreign Affairs of the Dominican Republic, at the Security "
           "Council on 22 January 2025 (see S/PV.9844).")
# ../shared/corpus/unhk/S_2024_858.txt, paragraph 5 (first sentence): the Secretary-General is the possessor
BATHILY = ("During the reporting period, the then Special Representative of the Secretary-General for Libya, Abdoulaye "
           "Bathily and Head of UNSMIL, followed by the Deputy Special Representative of the Secretary-General and "
           "Officer-in-Charge of UNSMIL, Stephanie Koury, continued their efforts to facilitate and advance the political "
           "process.")


def test_a_title_and_a_name_side_by_side_with_the_state_the_title_names():
    assert people("S/2025/231", "6", KIIR) == {"Salva Kiir": "President", "Riek Machar": "First Vice-President"}
    assert organizations("S/2025/231", "6", KIIR)["Salva Kiir"] == ["South Sudan"]
    assert people("S/2025/303", "fn43", ALVAREZ) == {"Roberto Álvarez Gil": "Minister for Foreign Affairs"}
    assert organizations("S/2025/303", "fn43", ALVAREZ) == {"Roberto Álvarez Gil": ["Dominican Republic"]}


def test_a_title_after_of_the_inside_another_title_is_not_the_persons():
    found = people("S/2024/858", "5", BATHILY)
    assert found["Abdoulaye Bathily"] == "Special Representative of the Secretary-General"
    assert found["Stephanie Koury"].startswith("Deputy Special Representative")


def read_letter(header: str, signature: str) -> dict[str, str | None]:
    """A letter as ingestion reads it: its heading line as a header paragraph, its signature as a paragraph."""
    text = f"{header}\n\n{signature}"
    paragraphs = [Paragraph("header-1", "header", None, header, 0, len(header), 0),
                  Paragraph("u1", "unnumbered", None, signature, len(header) + 2, len(text), 1)]
    doc = Document("letter", Path("letter.txt"), text, DocumentMetadata(kind="letter"), [], paragraphs, "")
    return {a.entity("holder").label: a.values.get("roleLabel")
            for a in of_kind(extractor()(doc).assertions, "role")}


def test_the_signatory_of_a_letter_in_the_role_its_heading_names():  # ../shared/dev/S_2025_303.pdf
    assert read_letter("Letter of 9 May 2025 from the Secretary-General addressed to the President of the Security "
                       "Council", "(Signed) António Guterres") == {"António Guterres": "Secretary-General"}
    assert read_letter("Letter of 9 May 2025 from the Secretary-General addressed to the President of the Security "
                       "Council", "I have the honour to transmit to the Security Council the seventh quarterly report "
                       "of the United Nations Office on Drugs and Crime") == {}


# ../shared/dev/S_2025_303.pdf, paragraph 33 (first sentence)
PIERRE = ("The third case is United States v. Samuel Pierre, Reginald Louis Chosson, and Joseph Jules Plancher (Southern "
          "District of Florida – Case No. 24-CR-20168).³⁹")
# ../shared/corpus/unhk/A_HRC_RES_57_33.txt: States on both sides of "v."
GEORGIA = ("Taking note of the judgment of 21 January 2021 of the European Court of Human Rights in the case Georgia v. "
           "Russia (II), in which the Court established the responsibility of the Russian Federation for grave human "
           "rights violations during the period of occupation of Abkhazia, Georgia, and the Tskhinvali region/South "
           "Ossetia, Georgia, following the August 2008 war, as the State exercising effective control over those "
           "regions,")


def test_the_persons_named_after_v_in_a_case_are_defendants_and_a_state_is_not():
    assert people("S/2025/303", "33", PIERRE) == {"Samuel Pierre": "defendant", "Reginald Louis Chosson": "defendant",
                                                   "Joseph Jules Plancher": "defendant"}
    assert people("A/HRC/RES/57/33", "PP5", GEORGIA) == {}


# ../shared/dev/S_2025_303.pdf, paragraphs 7 (first sentence), 8 (last sentence) and 4 (first sentence)
LEADERS = ("Meanwhile, leaders of criminal groups, such as Jimmy Chérizier (“Barbecue”) and Wilson Joseph (“Izo”), "
           "demonstrate no willingness to de-escalate, suggesting that the situation could escalate further with more "
           "sophisticated weaponry and coordinated attacks.⁶")
LED_BY = ("The latest offensive is supported by other criminal groups, including those led by Chérizier, Wilson Joseph "
          "and Renel Destina, who are preparing attacks via Canapé Vert and Bourdon.⁸")
AREAS = ("The security situation in Haiti remains dire, as armed criminal groups – in particular those affiliated with the "
         "Viv Ansanm coalition – have intensified their operations throughout the capital and beyond (see map I). The "
         "coalition’s territorial expansion continues, with violent clashes erupting in high-density areas such as "
         "Delmas, Kenscoff and Pétion-Ville.")


def test_a_person_noun_opens_a_list_of_names_and_a_place_noun_does_not():
    assert people("S/2025/303", "7", LEADERS) == {"Jimmy Chérizier": "leader of criminal groups",
                                                  "Wilson Joseph": "leader of criminal groups"}
    assert people("S/2025/303", "8", LED_BY) == {"Wilson Joseph": "leader", "Renel Destina": "leader"}
    assert people("S/2025/303", "4", AREAS) == {}


# ../shared/dev/S_2025_303.pdf, footnotes 25 and 60
ADAMS = ("David C. Adams and Frances Robles, “Haiti doesn’t make guns. So how are gangs awash in them?” New York Times, "
         "30 March 2025, Available at www.nytimes.com/2025/03/30/us/haiti-gangs-guns-smuggling.html.")
NOUVELLISTE = ("See Le Nouvelliste, “Haitian judiciary delivers second corruption conviction in two decades”, 25 November "
               "2024, available at https://lenouvelliste.com/en/article/251624/haitian-judiciary-delivers-second-"
               "corruption-conviction-in-two-decades.")


def test_the_authors_before_a_cited_title_and_not_a_newspapers_name():
    assert people("S/2025/303", "fn25", ADAMS) == {"David C. Adams": "author", "Frances Robles": "author"}
    assert people("S/2025/303", "fn60", NOUVELLISTE) == {}


# ../shared/corpus/unhk/S_2024_711.txt and S_2022_698.txt (one sentence each)
MOISE = ("Nevertheless, in January 2024, the investigative judge handed down the final order regarding the "
         "assassination of the former President, Jovenel Moïse.")
IBRAHIM = ("I was saddened to learn of the tragic deaths of the South-West State Minister of Justice, Sheikh Hassan "
           "Ibrahim, and several other people, as a result of a deadly attack by Al-Shabaab shortly after this meeting.")


def test_a_former_title_stays_former_and_a_form_of_address_is_no_role():
    assert people("S/2024/711", "12", MOISE) == {"Jovenel Moïse": "former President"}
    assert people("S/2022/698", "3", IBRAHIM, "people.titled") == {"Hassan Ibrahim": None}
    assert people("S/2022/698", "3", IBRAHIM, "people.apposition") == {"Hassan Ibrahim": "Minister of Justice"}


# ../shared/corpus/unhk/S_2025_14.txt (first sentence of a paragraph)
SIMAO = ("Over the course of 2024, the Mixed Commission, chaired by my Special Representative for West Africa and the "
         "Sahel and Head of the United Nations Office for West Africa and the Sahel, Leonardo Santos Simão, continued "
         "to make progress towards the implementation of the judgment, including by supporting dialogue and "
         "communication between the two parties.")


def test_the_united_nations_inside_an_offices_name_is_not_the_persons_organization():
    assert people("S/2025/14", "2", SIMAO)["Leonardo Santos Simão"].startswith("Special Representative for West Africa")
    assert organizations("S/2025/14", "2", SIMAO)["Leonardo Santos Simão"] != ["United Nations"]


def test_the_end_of_a_title_and_we_are_no_person():
    """corpus/unga/A_RES_80/173.txt: "... World Summit on the Information Society ... We, the Ministers ..." was read
    as a Minister named "Information Society We" (audit of the GA corpus)."""
    from conftest import CORPUS_TEXTS
    from tipkg.extract import Extractor
    from tipkg.ingest import ingest
    from tipkg.reference import gazetteer

    document = ingest(CORPUS_TEXTS / "A_RES_80_173.txt")
    holders = [e.label for a in Extractor(gazetteer())(document).assertions if a.kind == "role"
               for e in a.roles.get("holder", [])]
    assert not [h for h in holders if "We" in h.split() or "Society" in h.split()]


# ../shared/corpus/unga/A_RES_80_200.txt, PP25 (audit round 2: the State after "of" was left empty)
KING_OF_JORDAN = (
    "Recalling its resolution 72/241, entitled “A world against violence and violent extremism”, adopted by consensus on "
    "20 December 2017, welcoming the leading role of the United Nations Educational, Scientific and Cultural "
    "Organization in promoting intercultural dialogue, the work of the United Nations Alliance of Civilizations, the "
    "work of the Anna Lindh Euro-Mediterranean Foundation for the Dialogue between Cultures in Alexandria, Egypt, and "
    "the work of the King Abdullah Bin Abdulaziz International Centre for Interreligious and Intercultural Dialogue in "
    "Vienna, and recalling also its resolution 65/5 of 20 October 2010 on World Interfaith Harmony Week, proposed by "
    "King Abdullah II of Jordan,")


def test_the_state_after_of_a_titled_name_is_the_persons_organization():
    assert people("A/RES/80/200", "PP25", KING_OF_JORDAN) == {"Abdullah II": "King"}
    assert organizations("A/RES/80/200", "PP25", KING_OF_JORDAN) == {"Abdullah II": ["Jordan"]}
    # a titled name with no "of" after it keeps no organization (FALCONE: "Judge Giovanni Falcone, whose work")
    assert organizations("A/RES/78/267", "PP11", FALCONE) == {"Giovanni Falcone": []}


# ../shared/corpus/unga/A_RES_80_223.txt, PP59 (audit round 2: the role kept its qualifier of time)
SHOIGU = (
    "Noting also the issuance of warrants of arrest by the International Criminal Court for Sergei Shoigu, Minister of "
    "Defence of the Russian Federation at the time of the alleged conduct, and Valery Gerasimov, Chief of the General "
    "Staff of the Armed Forces of the Russian Federation and First Deputy Minister of Defence of the Russian Federation "
    "at the time of the alleged conduct, on the basis that there are reasonable grounds to believe that they are "
    "responsible for the war crime of directing attacks at civilian objects and the war crime of causing excessive "
    "incidental harm to civilians, or damage to civilian objects, and the crime against humanity of other inhumane acts,")


def test_a_title_is_cut_before_its_qualifier_of_time():
    assert people("A/RES/80/223", "PP59", SHOIGU) == {"Sergei Shoigu": "Minister of Defence"}
    assert organizations("A/RES/80/223", "PP59", SHOIGU) == {"Sergei Shoigu": ["Russian Federation"]}


# ../shared/corpus/unga/A_RES_80_77.txt, PP25 (audit round 2: a bare role "leader")
COLONNA = (
    "Recalling the Independent Review of Mechanisms and Procedures to Ensure Adherence by UNRWA to the Humanitarian "
    "Principle of Neutrality, led by Catherine Colonna, and its findings, welcoming the commitment affirmed by the "
    "Secretary-General and the Agency to fully implement its recommendations, and stressing the need to provide the "
    "Agency with the required resources for implementation,")


def test_led_by_after_a_titled_work_names_what_the_person_led():
    assert people("A/RES/80/77", "PP25", COLONNA) == {
        "Catherine Colonna": "leader of the Independent Review of Mechanisms and Procedures to Ensure Adherence by "
                             "UNRWA to the Humanitarian Principle of Neutrality"}


def test_a_group_or_body_with_the_states_it_covers_in_brackets_is_no_person():
    """people.bracketed reads "Mira Sorvino (United States, actress)"; a group or a body followed by the States it
    covers is none ("Contracting Parties (Belarus, EU, Switzerland and Turkey)", "Member States (Cameroon, Chad,
    Niger, and Nigeria)", "Slum Upgrading Branch (Kenya and Philippines)")."""
    from rule_cases import flat, read_by
    assert [flat(a)["holder"] for a in read_by("seeds/001_aaa57c1388cc9d44.txt", "132", "people.bracketed")] == [
        ["Nadia Murad Basee Taha"], ["Mira Sorvino"], ["Ozark Henry"]]
    for path, key in [("corpus/unhk/ECE_TRANS_WP.30_AC.2_125.txt", "annex-I.38"),
                      ("corpus/unhk/HSP_GC_24_5.txt", "u130(c)(ii)"), ("corpus/unhk/S_PRST_2015_14.txt", "u1")]:
        assert read_by(path, key, "people.bracketed") == [], (path, key)


def test_a_signature_with_its_title_on_the_same_line():
    """people.signed: "(Signed) Olof Skoog President of the Security Council" (S/2017/79) and "(Signed) António
    Guterres Secretary-General" (ST/SGB/2024/3) write the title on the signature's line: the name ends before it."""
    from rule_cases import flat, read_by
    assert [(flat(a)["holder"], flat(a).get("roleLabel")) for a in read_by("corpus/unhk/S_2017_79.txt", "u2", "people.signed")] == [
        (["Olof Skoog"], "President of the Security Council")]
    assert [(flat(a)["holder"], flat(a).get("roleLabel")) for a in read_by("corpus/unhk/ST_SGB_2024_3.txt", "u77",
                                                                          "people.signed")] == [
        (["António Guterres"], "Secretary-General")]


def test_military_and_spokesperson_titles():
    # ../shared/corpus/unhk/S_2025_231.txt, paragraph 20 (a report of the Secretary-General): "Chief" was no title,
    # and the officer was not read at all
    from rule_cases import rows
    found = rows("corpus/unhk/S_2025_231.txt", "20", "people.apposition")
    assert [(r["holder"], r["role"]) for r in found] == [(["Gabriel Duop Lam"], [
        "Deputy Chief of the South Sudan People’s Defence Forces and Chief of Staff of SPLM/A-IO"])]
    # but a post in a staffing table is no person: ../shared/corpus/unga/A_RES_79_253.txt, "Establishment Deputy
    # Chief Investment Officer D-1 1" (read as "Investment Officer", Deputy Chief)
    from rule_cases import extraction
    assert not [a for a in extraction("corpus/unga/A_RES_79_253.txt").assertions if a.kind == "role"]
    # ../shared/corpus/unhk/E_FFDF_2021_3.txt: "Lolwah Rashid Al-Khater, Spokesperson for the Ministry of Foreign
    # Affairs" (of Qatar)
    assert (["Lolwah Rashid Al-Khater"], ["Spokesperson for the Ministry of Foreign Affairs"]) in [
        (r["holder"], r["role"]) for r in rows("corpus/unhk/E_FFDF_2021_3.txt", "11-2", "people.apposition")]
