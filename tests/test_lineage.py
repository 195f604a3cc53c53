"""Lineage and mandates (tipkg.extract.relations.lineage, queries/document-lineage.rq and mandate-followup.rq).

Each link kind and each status is checked through the command line on one build of real, unedited documents of the
corpora (../shared/corpus/unga and unhk) and the 2019 seed report; the negative cases read the same documents with
the extractor. The evidence strings below are the documents' own header lines and paragraphs, verbatim.
"""
from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import pytest

from conftest import CORPUS, needs_corpus, query_json, run_tipkg, seed_path
from tipkg.extract import Extractor
from tipkg.extract.relations.lineage import deliverable_of, due, ordinal, recurrence
from tipkg.ingest import ingest
from tipkg.reference import gazetteer

UNGA, UNHK = CORPUS / "unga", CORPUS / "unhk"
DOCUMENTS = [
    UNGA / "A_RES_80_1.txt",   # adopted from draft A/80/L.2/Rev.1, without reference to a Main Committee
    UNGA / "A_80_L.2.txt",     # the draft's first version
    UNGA / "A_80_L.19.txt",    # an amendment to draft resolution A/80/L.18
    UNGA / "A_RES_78_31.txt",  # Youth, disarmament and non-proliferation (78th session): asks a report at the 80th
    UNGA / "A_RES_80_55.txt",  # the same series at the 80th session: takes note of that report (A/80/165)
    UNGA / "A_RES_79_45.txt",  # asks a report at the eightieth session, which no document of the build answers
    UNGA / "A_RES_78_83.txt",  # asks the specialized agencies to report annually
    UNHK / "A_RES_70_179.txt",  # Improving the coordination of efforts against trafficking in persons
    UNHK / "A_RES_77_236.txt",  # recalls 73/189 and 75/195 under its own title
    UNHK / "CD_8_REV.10.txt",  # a revision, by its symbol (read from the file name)
]


def rows_of(rows: list[dict], **match) -> list[dict]:
    return [r for r in rows if all(r.get(k) == v for k, v in match.items())]


@pytest.fixture(scope="module")
def lineage_store(tmp_path_factory) -> Path:
    if not UNGA.is_dir() or not UNHK.is_dir():
        pytest.skip(f"no corpora at {CORPUS}")
    root = tmp_path_factory.mktemp("lineage")
    documents = root / "documents"
    documents.mkdir()
    for path in DOCUMENTS + [seed_path("001")]:
        shutil.copy(path, documents)
    store = root / "store"
    result = run_tipkg("build", "--documents", documents, "--store", store)
    assert result.returncode == 0, result.stderr
    return store


@pytest.fixture(scope="module")
def lineage(lineage_store) -> list[dict]:
    return query_json(lineage_store, "document-lineage")


@pytest.fixture(scope="module")
def mandates(lineage_store) -> list[dict]:
    return query_json(lineage_store, "mandate-followup")


# --- document-lineage: one test per link kind ----------------------------------------------------------------------

@needs_corpus
def test_draft_adopted_as_the_resolution_from_its_header(lineage):  # A/RES/80/1 header
    [row] = rows_of(lineage, document="A/80/L.2/Rev.1", relation="adopted as")
    assert row["target"] == "A/RES/80/1"
    assert row["evidence"] == "[without reference to a Main Committee (A/80/L.2/Rev.1)]"
    assert row["evidence_document"] == "A/RES/80/1" and row["rule"] == "lineage.header"
    # the draft's first version is not the text adopted: only the revision is
    assert not rows_of(lineage, document="A/80/L.2", relation="adopted as")


@needs_corpus
def test_committee_report_recommends_the_resolution(lineage):  # A/RES/70/179 header
    [row] = rows_of(lineage, target="A/RES/70/179", relation="recommends the adoption of")
    assert row["document"] == "A/70/490"
    assert row["evidence"] == "[on the report of the Third Committee (A/70/490)]"


@needs_corpus
def test_amendment_amends_the_draft_its_header_names(lineage):  # A/80/L.19 header
    [row] = rows_of(lineage, relation="amends")
    assert (row["document"], row["target"]) == ("A/80/L.19", "A/80/L.18")
    assert row["evidence"] == "Russian Federation:* amendment to draft resolution A/80/L.18"


@needs_corpus
def test_revision_of_the_original_from_the_symbol(lineage):
    # the revised draft named in a resolution's header, and a document whose own symbol is a revision
    assert rows_of(lineage, document="A/80/L.2/Rev.1", relation="revision of", target="A/80/L.2")
    [row] = rows_of(lineage, document="CD/8/REV.10", relation="revision of")
    assert row["target"] == "CD/8" and row["rule"] == "lineage.revision"


@needs_corpus
def test_report_submitted_pursuant_to_the_resolution(lineage):
    # the report says so itself (seed 001, its summary) ...
    [own] = rows_of(lineage, document="001_aaa57c1388cc9d44", relation="submitted pursuant to")
    assert own["target"] == "A/RES/72/195" and own["paragraph"] == "summary"
    assert own["evidence"].startswith("The present report has been prepared pursuant to General Assembly resolution "
                                      "72/195, entitled “Improving the coordination of efforts against trafficking")
    # ... or the resolution taking note of it does (A/RES/80/55, PP, the report's symbol in footnote 2)
    [told] = rows_of(lineage, document="A/80/165", relation="submitted pursuant to")
    assert told["target"] == "A/RES/78/31" and told["evidence_document"] == "A/RES/80/55"


@needs_corpus
def test_resolution_takes_note_of_the_report_in_its_footnote(lineage):  # A/RES/80/55, A/RES/78/31
    [row] = rows_of(lineage, document="A/RES/80/55", relation="takes note of")
    assert row["target"] == "A/80/165"
    assert row["evidence"].startswith("Taking note of the report of the Secretary-General on youth, disarmament and "
                                      "non‑proliferation, submitted pursuant to resolution 78/31,²")
    assert rows_of(lineage, document="A/RES/78/31", relation="takes note of", target="A/78/164")
    # "Taking note of the report of the Secretary-General," with no symbol anywhere (A/RES/70/179 PP30): no link
    assert not rows_of(lineage, document="A/RES/70/179", relation="takes note of")


def test_every_volume_of_an_official_records_footnote_is_a_report_taken_note_of():
    # A/RES/80/147 PP9 "Taking note of the reports of the Commission on Science and Technology for Development on its
    # fourteenth to twenty-eighth sessions,⁸" -- footnote 8: "Official Records of the Economic and Social Council,
    # 2011, Supplement No. 11 (E/2011/31); ibid., 2012, Supplement No. 11 and corrigendum (E/2012/31 and
    # E/2012/31/Corr.1); ... and ibid., 2025, Supplement No. 11 (E/2025/31)." Only the last was read before.
    from rule_cases import flat, read_by
    linked = [flat(a)["linkTo"] for a in read_by("corpus/unga/A_RES_80_147.txt", "PP9", "lineage.takes-note")]
    assert linked == [[f"E/{year}/31"] for year in range(2011, 2026)]  # the corrigenda are no reports
    # negative: PP10 "Taking note also of the report of the Secretary-General,⁹" -- footnote 9: "A/80/221." alone
    assert [flat(a)["linkTo"] for a in read_by("corpus/unga/A_RES_80_147.txt", "PP10", "lineage.takes-note")] == [
        ["A/80/221"]]


@needs_corpus
def test_series_by_the_same_title_across_documents_and_by_title_recalled(lineage):
    [row] = rows_of(lineage, document="A/RES/80/55", relation="continues the series of")
    assert row["target"] == "A/RES/78/31" and row["rule"] == "series.same-title"
    assert row["evidence"] == "80/55. Youth, disarmament and non‑proliferation"
    # A/RES/77/236 PP4: "Recalling its resolutions 59/156 of 20 December 2004, entitled “Preventing, combating and
    # punishing trafficking in human organs”, 73/189 of 17 December 2018, entitled “Strengthening and promoting
    # effective measures ...”": the series is 73/189 and 75/195, not 59/156 (another title)
    recalled = rows_of(lineage, document="A/RES/77/236", relation="continues the series of")
    assert sorted(r["target"] for r in recalled) == ["A/RES/73/189", "A/RES/75/195"]
    assert {r["paragraph"] for r in recalled} == {"PP4"}


@needs_corpus
def test_document_parameter_gives_the_links_from_and_to_it(lineage_store):
    rows = query_json(lineage_store, "document-lineage", "document=a/res/78/31")
    assert {(r["document"], r["relation"], r["target"]) for r in rows} == {
        ("A/78/409", "recommends the adoption of", "A/RES/78/31"),
        ("A/RES/78/31", "takes note of", "A/78/164"),
        ("A/80/165", "submitted pursuant to", "A/RES/78/31"),
        ("A/RES/80/55", "continues the series of", "A/RES/78/31"),
    }
    assert query_json(lineage_store, "document-lineage", "document=80/1")


# --- mandate-followup: one test per status -------------------------------------------------------------------------

@needs_corpus
def test_answered_by_the_report_taken_note_of_by_the_next_resolution(mandates):  # A/RES/78/31 OP6
    [row] = rows_of(mandates, resolution="78/31")
    assert row["paragraph"] == "6" and row["addressee"] == "the Secretary-General"
    assert row["ask"].endswith("and to submit a report thereon to the General Assembly at its eightieth session")
    assert (row["due"], row["due_session"], row["deliverable"]) == ("2025", "eightieth session", "report")
    assert (row["answered_by"], row["taken_note_by"], row["renewed_by"]) == ("A/80/165", "A/RES/80/55", "A/RES/80/55")
    assert row["status"] == "answered"


@needs_corpus
def test_answered_by_a_report_that_tells_its_own_mandate(mandates):  # seed 001 para 2
    [row] = rows_of(mandates, resolution="72/195")
    assert row["ask"] == "submit to it at its seventy-fourth session a report on the implementation of resolution 72/195"
    assert row["due"] == "2019" and row["answered_by"] == "001_aaa57c1388cc9d44" and row["status"] == "answered"
    assert row["document"] == "001_aaa57c1388cc9d44" and row["source_paragraph"] == "2"


@needs_corpus
def test_overdue_when_the_session_has_passed_and_nothing_answers(mandates):  # A/RES/70/179 OP18
    [row] = rows_of(mandates, resolution="70/179")
    assert row["ask"] == ("submit a report on the implementation of the present resolution to the General Assembly "
                          "at its seventy-first session")
    assert (row["due"], row["status"]) == ("2016", "overdue")
    assert not row.get("answered_by")


@needs_corpus
def test_recurring_when_asked_to_report_annually(mandates):  # A/RES/78/83 OP22
    [row] = rows_of(mandates, resolution="78/83", paragraph="22")
    assert row["addressee"] == "the specialized agencies"
    assert row["ask"] == "report annually to the Secretary-General on the implementation of the present resolution"
    assert row["status"] == "recurring"
    # the next paragraph asks once, for a session: not recurring
    [once] = rows_of(mandates, resolution="78/83", paragraph="23")
    assert once["status"] != "recurring" and once["due"] == "2024"


@needs_corpus
def test_open_when_not_yet_due_or_without_a_due_date(mandates):
    [later] = rows_of(mandates, resolution="80/55")  # due at the eighty-second session (2027)
    assert later["due"] == "2027"
    assert later["status"] == ("open" if datetime.date.today().year <= 2027 else "overdue")
    # seed 001 para 64 reports what Security Council resolution 2388 (2017) asked, with no session or year
    [undated] = rows_of(mandates, resolution="2388 (2017)")
    assert not undated.get("due") and undated["status"] == "open"


@needs_corpus
def test_resolution_parameter_gives_its_mandates_only(lineage_store):
    rows = query_json(lineage_store, "mandate-followup", "resolution=A/RES/79/45")
    assert [(r["resolution"], r["paragraph"], r["status"]) for r in rows] == [("79/45", "4", "overdue")]


# --- what is no link and no mandate --------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(gazetteer())


def assertions_of(extractor: Extractor, path: Path, kind: str):
    return [a for a in extractor(ingest(path)).assertions if a.kind == kind]


@needs_corpus
def test_only_asks_for_a_deliverable_are_mandates(extractor):
    found = {a.paragraph for a in assertions_of(extractor, UNGA / "A_RES_78_31.txt", "mandate")}
    # OP4 "Notes the holding of a youth panel discussion in formal plenary session ...": no ask
    assert found == {"OP6"}
    # seed 004 OP6 "Requests the United Nations Office on Drugs and Crime to continue ... to collect ... information
    # ... for use in the Global Report on Trafficking in Persons ...": the Report is a publication, no report is asked
    assert not [a for a in assertions_of(extractor, seed_path("004"), "mandate") if a.paragraph == "OP6"]


def test_deliverable_is_the_verb_of_the_ask():
    # A/RES/73/155 OP42 (unhk): victims' "mechanisms to report on violence" are no report asked of States
    assert deliverable_of("intensify their efforts to protect children deprived of their liberty ... and access to "
                          "safe, confidential and independent mechanisms to report on violence") is None
    # A/RES/74/133 OP39 (unhk): a report borne in mind is no report asked
    assert deliverable_of("consider the issue of children deprived of liberty, bearing in mind the report on "
                          "children deprived of liberty") is None
    # A/HRC/RES/55/21 OP29 (unhk): submissions are no report, the outcome report is another body's
    assert deliverable_of("constructively engage and participate in the fourth cycle of the universal periodic review, "
                          "and to allow independent civil society organizations to operate openly and to provide "
                          "stakeholder submissions, in view of the adoption of the outcome report scheduled at the "
                          "fifty-eighth session of the Human Rights Council") is None
    # A/RES/78/210 OP33 (unhk): the report is the last of the coordinated asks, and it recurs
    asked = ("pay due attention to the negative impact of terrorism on the enjoyment of all human rights and fundamental "
             "freedoms and on alleged violations of human rights and fundamental freedoms while countering terrorism and "
             "violent extremism conducive to terrorism, and to report regularly to the Human Rights Council")
    assert deliverable_of(asked)[0] == "report"
    # E/RES/2022/19 OP17 (unhk): the report comes long after its verb
    asked = ("submit to the Council at its 2023 session, under a sub-item entitled “Review and coordination of the "
             "implementation of the Doha Programme of Action for the Least Developed Countries” of the item entitled "
             "“Implementation of and follow-up to major United Nations conferences and summits”, a progress report")
    assert deliverable_of(asked)[0] == "report"
    assert due(asked, "E/RES/2022/19") == {"due": "2023"}


def test_due_session_of_the_general_assembly_or_of_another_body():
    assert ordinal("seventy-fourth") == 74 and ordinal("eightieth") == 80 and ordinal("special") is None
    assert due("submit a report ... to the General Assembly at its seventy-first session", "A/RES/70/179") == {
        "dueSession": "seventy-first session", "due": "2016"}
    # A/HRC/RES/56/8 OP18 (unhk): the session the panel was held at is past; the report is due at the next one
    assert due("submit a summary report on the panel discussion held at the fifty-ninth session to the Human Rights "
               "Council at its sixty-first session", "A/HRC/RES/56/8") == {
        "dueSession": "sixty-first session of the Human Rights Council"}
    # S/RES/2537 (2020) OP18 (unhk): a date
    assert due("submit by 10 January 2021 a report on his Good Offices", "S/RES/2537 (2020)") == {"due": "2021"}
    # seed 003 para 9: the Conference of the Parties' eleventh session is no year of the General Assembly
    assert due("prepare, and submit to the Conference of the Parties, for consideration at its eleventh session, a "
               "report", "CTOC/COP/RES/10/3") == {"dueSession": "eleventh session of the Conference of the Parties"}


@needs_corpus
def test_a_general_assembly_ask_is_due_at_the_assemblys_session_not_another_bodys(extractor):
    # A/RES/79/161 OP44 (unga): "... to submit a comprehensive report and a road map ... to the Human Rights Council at
    # its sixtieth session and the General Assembly at its eightieth session;": due at the Assembly's session, 2025
    [op44] = [a for a in assertions_of(extractor, UNGA / "A_RES_79_161.txt", "mandate") if a.paragraph == "OP44"]
    assert (op44.values["dueSession"], op44.values["due"]) == ("eightieth session", "2025")
    # A/RES/61/159 OP4(b) (unhk): "To submit a comprehensive and updated report ... to the Human Rights Council at its
    # fourth session and to the General Assembly at its sixty-third session;"
    [op4b] = [a for a in assertions_of(extractor, UNHK / "A_RES_61_159.txt", "mandate") if a.paragraph == "OP4(b)"]
    assert (op4b.values["dueSession"], op4b.values["due"]) == ("sixty-third session", "2008")
    # A/RES/79/186 OP26 (unga): the only session named is the Commission's: named with it, and no year of the Assembly
    assert due("ensure proper follow-up to the present resolution and to report thereon to the General Assembly through "
               "the Commission on Crime Prevention and Criminal Justice at its thirty-fourth session",
               "A/RES/79/186") == {"dueSession": "thirty-fourth session of the Commission on Crime Prevention and "
                                                 "Criminal Justice"}


@needs_corpus
def test_periodically_and_at_its_future_sessions_recur(extractor):
    asks = {a.paragraph: a.values for a in assertions_of(extractor, UNGA / "A_RES_78_219.txt", "mandate")}
    # A/RES/78/219 OP30(c) (unga): "... to promptly and effectively discharge its mandate and to report to Member States
    # periodically, or as warranted by the situation on the ground, ..."
    assert asks["OP30(c)"]["recurrence"] == "periodically"
    # OP30(b), beside it: "... and to submit the report of the Special Envoy ... at its seventy-ninth session": once
    assert "recurrence" not in asks["OP30(b)"] and asks["OP30(b)"]["due"] == "2024"
    # A/RES/79/248 OP113 (unga): "... and to report to the General Assembly at its future sessions on progress made in
    # this regard;"
    [op113] = [a for a in assertions_of(extractor, UNGA / "A_RES_79_248.txt", "mandate") if a.paragraph == "OP113"]
    assert op113.values["recurrence"] == "at its future sessions"
    # UNEP/EA.5/Res.3 (unhk): "Requests the Executive Director to undertake the preparation of the seventh edition of
    # the Global Environment Outlook assessment, to be submitted for endorsement by the Environment Assembly at a
    # future session, no sooner than 2025;": one session, no recurrence
    action = ("undertake the preparation of the seventh edition of the Global Environment Outlook assessment, to be "
              "submitted for endorsement by the Environment Assembly at a future session, no sooner than 2025")
    assert recurrence(action, 0, len(action)) is None


@needs_corpus
def test_the_report_recalled_in_the_next_clause_is_not_taken_note_of(extractor):
    # S/RES/2493 (2019) PP9 (unhk): "Taking note of the report of the Secretary-General of 9 October 2019 and its
    # operational recommendations ... and, recalling the report of the Secretary-General of 17 September 2015
    # (S/2015/716) which submitted the recommendations of the Global Study ...": the report taken note of has no symbol
    links = assertions_of(extractor, UNHK / "S_RES_2493_2019.txt", "lineage")
    assert not [a for a in links if a.values["relation"] == "takesNoteOf"]


def taken_note(extractor: Extractor, path: Path) -> list[tuple[str, str]]:
    return sorted((a.paragraph, a.roles["linkTo"][0].key) for a in assertions_of(extractor, path, "lineage")
                  if a.values["relation"] == "takesNoteOf")


@needs_corpus
def test_having_considered_a_report_is_not_taking_note_of_it(extractor):
    # A/RES/78/303 (unga) PP1 "Having considered the report of the Secretary-General on the final performance of the
    # United Nations Mission in Liberia¹ and the related report of the Advisory Committee ...,²" is no taking note;
    # OP3 "Takes note of the report of the Secretary-General on the final performance of the United Nations Mission in
    # Liberia;" is, of the report PP1's footnote 1 names (A/75/684); the Advisory Committee's report (A/75/823) is
    # only endorsed (OP2): not taken note of
    assert taken_note(extractor, UNGA / "A_RES_78_303.txt") == [("OP3", "A/75/684")]
    # A/RES/80/161 (unga) PP5 "Having considered the report of the Commission,¹"; OP1 "Takes note with appreciation of
    # the report of the United Nations Commission on International Trade Law;": the link's evidence is OP1
    assert taken_note(extractor, UNGA / "A_RES_80_161.txt") == [("OP1", "A/80/17")]
    # A/RES/78/308 (unga) PP1 "Having considered the reports of the Secretary-General on the financing of the African
    # Union-United Nations Hybrid Operation in Darfur¹ ..." (footnote 1: A/77/638 and A/78/702); OP8 "Takes note of
    # the report of the Secretary-General on the budget performance of the Operation ..." and OP11 "... on the final
    # disposition of the assets ..." name neither by the considered reports' name: which symbol is which is not said
    assert taken_note(extractor, UNGA / "A_RES_78_308.txt") == []
    # A/RES/79/258 (unga), an omnibus of parts each with its preamble: PP3 "Having considered the report of the
    # Secretary-General on the progress on the functioning and development of the Umoja system¹ ..." names the report
    # its OP1 "Takes note of the report of the Secretary-General;" takes note of, not the one of part h22's OP1
    noted = taken_note(extractor, UNGA / "A_RES_79_258.txt")
    assert ("OP1", "A/79/391") in noted and ("h22.OP1", "A/79/391") not in noted
    # A/RES/78/84 (unga) PP2 "Having examined the report of the Secretary-General,¹ prepared pursuant to its resolution
    # 845 (IX) of 22 November 1954, ...": not taken note of, but the report answers resolution 845 (IX)
    links = assertions_of(extractor, UNGA / "A_RES_78_84.txt", "lineage")
    assert [(a.paragraph, a.roles["linkFrom"][0].key, a.roles["linkTo"][0].key) for a in links
            if a.values["relation"] == "submittedPursuantTo"] == [("PP2", "A/78/69", "A/RES/845 (IX)")]
    assert "PP2" not in {a.paragraph for a in links if a.values["relation"] == "takesNoteOf"}


@needs_corpus
def test_each_report_answers_the_resolution_its_footnote_follows(extractor):
    # A/RES/80/223 PP21 (unga): "Welcoming also the reports of the Office of the United Nations High Commissioner for
    # Human Rights on the situation of human rights in the temporarily occupied Autonomous Republic of Crimea and the
    # city of Sevastopol, Ukraine, submitted pursuant to resolutions 71/205¹⁹ and 72/190,²⁰ and the reports of the
    # Secretary-General submitted pursuant to resolutions 73/263,²¹ 74/168,²² ..." (footnote 19: A/72/498.)
    links = assertions_of(extractor, UNGA / "A_RES_80_223.txt", "lineage")
    answers = {(a.roles["linkFrom"][0].key, a.roles["linkTo"][0].key) for a in links
               if a.values["relation"] == "submittedPursuantTo"}
    assert {("A/72/498", "A/RES/71/205"), ("A/73/404", "A/RES/72/190"), ("A/74/276", "A/RES/73/263")} <= answers
    assert ("A/73/404", "A/RES/71/205") not in answers  # not every report to the first resolution
    assert len({report for report, _ in answers}) == len(answers)  # each report answers one resolution


def test_due_session_read_where_the_ask_states_it():
    # A/RES/80/234 OP40 (unga): "during the eighty-first session"
    assert due("continue to explore technological and other innovations that advance effectiveness and efficiency in "
               "this regard and to report on these efforts during the eighty-first session", "A/RES/80/234") == {
        "dueSession": "eighty-first session", "due": "2026"}
    # A/RES/79/186 OP26 (unga): the Commission's session, which is no session of the General Assembly
    assert "due" not in due("ensure proper follow-up to the present resolution and to report thereon to the General "
                            "Assembly through the Commission on Crime Prevention and Criminal Justice at its "
                            "thirty-fourth session", "A/RES/79/186")


# --- the timeline on a resolution's linked-data page ---------------------------------------------------------------

@pytest.fixture(scope="module")
def published(lineage_store, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("lineage-site") / "site"
    result = run_tipkg("publish", "--store", lineage_store, "--out", out)
    assert result.returncode == 0, result.stderr
    return out


def timeline_of(page: Path):
    import lxml.html
    [section] = lxml.html.parse(str(page)).getroot().xpath("//section[@id='timeline']")
    return section


def links(element) -> dict[str, str]:
    return {a.text_content(): a.get("href") for a in element.xpath(".//a")}


@needs_corpus
def test_a_resolutions_page_shows_its_asks_and_what_answered_them(published):
    page = published / "resolution" / "A-RES-78-31.html"
    section = timeline_of(page)
    # OP6 asks the Secretary-General for a report at the eightieth session; A/80/165 answers it, and A/RES/80/55,
    # the next resolution of the series, takes note of it
    [row] = section.xpath(".//table[@class='asks']/tbody/tr")
    cells = [td.text_content().strip() for td in row.xpath("td")]
    assert cells[0] == "OP6" and cells[1] == "the Secretary-General"
    assert cells[2].endswith("and to submit a report thereon to the General Assembly at its eightieth session")
    assert cells[3:7] == ["2025 (eightieth session)", "answered", "A/80/165", "A/RES/80/55"]
    # every document is a link to its own page in the site, the paragraph an anchor of this page's text
    hrefs = links(row)
    assert hrefs["OP6"] == "#para-OP6" and (page.parent / hrefs["A/RES/80/55"]).is_file()
    assert (page.parent / hrefs["A/80/165"]).resolve() == published / "document" / "A-80-165.html"
    assert "para-OP6" in page.read_text() and (published / "document" / "A-80-165.html").is_file()
    # where it came from and what followed it
    steps = [li.text_content() for li in section.xpath(".//ol/li")]
    assert "Recommended in A/78/409." in steps
    assert any(s.startswith("Takes note of A/78/164") for s in steps)
    assert section.xpath(".//p[@class='following']")[0].text_content() == "Followed in its series by A/RES/80/55."
    assert links(section)["A/RES/80/55"] == "A-RES-80-55.html"


@needs_corpus
def test_a_resolutions_timeline_shows_its_draft_and_its_revision(published):
    section = timeline_of(published / "resolution" / "A-RES-80-1.html")
    steps = [li.text_content() for li in section.xpath(".//ol/li")]
    assert steps[:2] == ["Draft A/80/L.2, revised as A/80/L.2/Rev.1.", "Adopted from draft A/80/L.2/Rev.1."]
    assert links(section)["A/80/L.2/Rev.1"] == "../document/A-80-L.2-Rev.1.html"
    assert not section.xpath(".//table")  # it asks for no report, study or meeting
    # the next resolution of the series shows the report it takes note of and the resolution that asked for it
    later = timeline_of(published / "resolution" / "A-RES-80-55.html")
    steps = [li.text_content() for li in later.xpath(".//ol/li")]
    assert "Follows A/RES/78/31 in its series." in steps
    assert any(s.startswith("Takes note of A/80/165, submitted pursuant to A/RES/78/31 (PP") for s in steps)


@needs_corpus
def test_the_served_page_shows_the_same_timeline(lineage_store):
    from starlette.testclient import TestClient

    from tipkg.serve import ServerConfig, create_app

    page = TestClient(create_app(ServerConfig(store=lineage_store))).get("/resolution/A-RES-78-31.html")
    assert page.status_code == 200
    assert '<section id="timeline"' in page.text and '<td class="status">answered</td>' in page.text
    # a page that is no resolution (an amendment) has no timeline
    amendment = TestClient(create_app(ServerConfig(store=lineage_store))).get("/document/A-80-L.19.html")
    assert amendment.status_code == 200 and '<section id="timeline"' not in amendment.text


# --- three series followed end to end on the whole GA corpus (the README's chains) ---------------------------------

# resolution -> (its ask's paragraph, due year, the report answering it, the next resolution of the series, which
# takes note of that report in paragraph `noted_in` and asks again in the same words)
CHAINS = {
    "Relationship between disarmament and development": [
        ("78/23", "7", "2024", "A/79/124", "A/RES/79/43", "PP10"),
        ("79/43", "7", "2025", "A/80/125", "A/RES/80/25", "PP10"),
        ("80/25", "7", "2026", None, None, None),
    ],
    "Situation of human rights in the Islamic Republic of Iran": [
        ("78/220", "34", "2024", "A/79/509", "A/RES/79/183", "OP1"),
        ("79/183", "34", "2025", "A/80/484", "A/RES/80/222", "OP1"),
        ("80/222", "36", "2026", None, None, None),
    ],
    "Criminal accountability of United Nations officials and experts on mission": [
        ("78/102", "31", "2024", "A/79/189", "A/RES/79/116", "OP1"),
        ("79/116", "31", "2025", "A/80/270", "A/RES/80/160", "OP1"),
        ("80/160", "31", "2026", None, None, None),
    ],
}


@pytest.mark.slow
@pytest.mark.parametrize("series", sorted(CHAINS))
def test_a_series_is_followed_from_ask_to_answer_to_the_next_ask(corpus_store, series):
    """The README's chains, by the commands it shows: each resolution asks the Secretary-General to report at the
    next session; the report is answered by the next resolution of the series, which takes note of it ("submitted
    pursuant to resolution 78/23") and asks again; the last ask is open until its session has passed."""
    for number, paragraph, due_year, report, following, noted_in in CHAINS[series]:
        asks = [r for r in query_json(corpus_store, "mandate-followup", f"resolution={number}")
                if r["paragraph"] == paragraph]
        [ask] = [r for r in asks if r["ask"].startswith("report to the General Assembly at its ")]
        assert ask["addressee"] == "the Secretary-General" and ask["due"] == due_year, ask
        links = query_json(corpus_store, "document-lineage", f"document={number}")
        if report is None:  # the latest resolution of the corpus: nothing answers it yet
            assert not ask.get("answered_by") and not ask.get("renewed_by")
            assert ask["status"] == ("open" if datetime.date.today().year <= int(due_year) else "overdue")
            continue
        assert (ask["answered_by"], ask["taken_note_by"], ask["renewed_by"], ask["status"]) == (
            report, following, following, "answered")
        symbol = f"A/RES/{number}"
        [answered] = rows_of(links, document=report, relation="submitted pursuant to", target=symbol)
        assert (answered["evidence_document"], answered["paragraph"]) == (following, noted_in)
        assert f"pursuant to paragraphs 31 and 32 of its resolution {number}," in answered["evidence"] \
            or f"submitted pursuant to resolution {number}," in answered["evidence"]
        assert rows_of(links, document=following, relation="continues the series of", target=symbol)
        noted = query_json(corpus_store, "document-lineage", f"document={report}")
        assert rows_of(noted, document=following, relation="takes note of", target=report, paragraph=noted_in)


@pytest.mark.slow
def test_the_largest_timeline_of_the_corpus_lists_every_ask_in_a_small_section(corpus_store):
    """The resolution with the most asks of the GA corpus (some thirty): its page's timeline lists each of them,
    linked to its paragraph on the page, in a section that stays small beside the text it sits on."""
    import collections
    import re

    import lxml.html
    from starlette.testclient import TestClient

    from tipkg.serve import ServerConfig, create_app

    rows = [r for r in query_json(corpus_store, "mandate-followup") if r["document"] == r["symbol"]]
    symbol, count = collections.Counter(r["symbol"] for r in rows).most_common(1)[0]
    assert count >= 20
    page = TestClient(create_app(ServerConfig(store=corpus_store))).get(
        "/resolution/" + symbol.replace("/", "-") + ".html")
    assert page.status_code == 200
    section = re.search(r'<section id="timeline".*?</section>', page.text, re.S).group(0)
    assert len(section.encode()) < 20_000, len(section.encode())
    tree = lxml.html.fromstring(page.text)
    anchors = [a.get("href") for a in tree.xpath("//table[@class='asks']/tbody/tr/td[1]/a")]
    assert len(anchors) == count
    assert all(tree.xpath(f"//*[@id='{href[1:]}']") for href in anchors)


def test_a_report_asked_after_two_updates_is_due_at_its_own_session():
    """lineage.mandate (../shared/corpus/unhk/A_HRC_RES_46_1.txt, OP16): "to present an oral update ... at its
    forty-eighth session, and a written update at its forty-ninth session and a comprehensive report ... at its
    fifty-first session": the report is due at the fifty-first."""
    from rule_cases import flat, read_by
    assert [flat(a)["dueSession"] for a in read_by("corpus/unhk/A_HRC_RES_46_1.txt", "OP16", "lineage.mandate")] == [
        "fifty-first session"]


def test_a_session_the_verb_names_before_the_report_is_its_due_session():
    """lineage.mandate (../shared/corpus/unhk/A_RES_76_215.txt, OP24): "to submit to the General Assembly at its
    seventy-eighth session, within existing resources, an action-oriented report ...": due at the seventy-eighth."""
    from rule_cases import flat, read_by
    assert [(flat(a)["dueSession"], flat(a)["due"]) for a in read_by("corpus/unhk/A_RES_76_215.txt", "OP24",
                                                                        "lineage.mandate")] == [
        ("seventy-eighth session", "2023")]


@needs_corpus
def test_the_explorer_shows_a_resolutions_timeline_and_goes_along_it(lineage_store, browser, tmp_path):
    """`tipkg export --format html`: a resolution's details in the network explorer show its timeline, as its
    linked-data page does; a document of the timeline that is a node of the network is a button that goes to it."""
    from selenium.webdriver.common.by import By
    from test_export import ARTIFACTS, open_explorer, wait_for

    page = tmp_path / "explorer.html"
    result = run_tipkg("export", "--store", lineage_store, "--format", "html", "--out", page)
    assert result.returncode == 0, result.stderr
    open_explorer(browser, page)
    timelines = browser.execute_script("return window.tipkgExplorer.data.timelines")
    nodes = {n["id"]: n for n in browser.execute_script("return window.tipkgExplorer.data.nodes")}
    earlier = next(i for i, t in timelines.items() if any(x["symbol"] == "A/RES/80/55" for x in t["following"]))
    # found the way a person finds it: typed into the search box
    search = browser.find_element(By.ID, "search")
    search.send_keys(nodes[earlier]["label"])
    browser.find_element(By.CSS_SELECTOR, "#search-form button[type=submit]").click()
    assert wait_for(browser, "return !document.getElementById('details').hidden")
    section = browser.find_element(By.CSS_SELECTOR, "#details .timeline")
    # OP6 asks the Secretary-General for a report at the eightieth session: answered by A/80/165, which the next
    # resolution of the series, A/RES/80/55, takes note of
    [ask] = section.find_elements(By.CSS_SELECTOR, ".asks > li")
    assert ask.text.startswith("OP6: the Secretary-General, ") and "eightieth session" in ask.text
    assert ask.find_element(By.CSS_SELECTOR, ".status").text == "answered"
    answers = [a.text for a in ask.find_elements(By.CSS_SELECTOR, ".answer")]
    assert answers == ["Answered by A/80/165.", "Taken note of by A/RES/80/55."]
    steps = [li.text for li in section.find_elements(By.CSS_SELECTOR, ".steps > li")]
    assert "Recommended in A/78/409." in steps and any(s.startswith("Takes note of A/78/164") for s in steps)
    assert section.find_element(By.CSS_SELECTOR, ".following").text == "Followed in its series by A/RES/80/55."
    # the next resolution of the series is a node: its button goes there, and its timeline starts from this one
    section.find_element(By.CSS_SELECTOR, ".following button").click()
    assert wait_for(browser, "return document.querySelector('#details h2') && "
                             "document.querySelector('#details .timeline .previous') !== null")
    later = browser.find_element(By.CSS_SELECTOR, "#details .timeline")
    steps = [li.text for li in later.find_elements(By.CSS_SELECTOR, ".steps > li")]
    assert steps[0] == "Follows A/RES/78/31 in its series."
    assert any(s.startswith("Takes note of A/80/165, submitted pursuant to A/RES/78/31") for s in steps)
    ARTIFACTS.mkdir(exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / "explorer-timeline.png"))
