"""Ingestion (tipkg.ingest): a file becomes a Document with metadata, sections and numbered paragraphs.

What a user relies on: every paragraph can be cited by the number the document gives it, its text is the
document's text without conversion artefacts, the metadata comes from the header when nothing else gives
it, and a file that cannot be read is named in the error.
"""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from conftest import CORPUS_PDFS, CORPUS_TEXTS, SHARED, corpus_files, corpus_sample, needs_corpus, seed_path
from tipkg.ingest import IngestError, ingest
from tipkg.model import Document


def keys(document: Document, kind: str) -> list[str]:
    """Paragraph keys of one kind, in reading order."""
    ordered = sorted(document.paragraphs, key=lambda p: p.position)
    return [p.key for p in ordered if p.kind == kind]


def operative_numbers_by_part(document: Document) -> dict[str, list[int]]:
    """Operative paragraph numbers in reading order, by part (the key's prefix before "OP": "", "annex-I.").
    An operative paragraph printed without a number ("Takes note of the report ...", key "OP") has none."""
    parts: dict[str, list[int]] = {}
    for p in sorted(document.paragraphs, key=lambda p: p.position):
        if p.kind == "operative" and p.number is not None:
            parts.setdefault(p.key[:p.key.index("OP")], []).append(int(p.number))
    return parts


# --- paragraph numbers ----------------------------------------------------------------------------

def test_report_2019_has_numbered_paragraphs_1_to_139_in_order(report_2019):
    assert keys(report_2019, "numbered") == [str(n) for n in range(1, 140)]


def test_cop_report_2022_has_numbered_paragraphs_1_to_83_in_order(cop_report_2022):
    assert keys(cop_report_2022, "numbered") == [str(n) for n in range(1, 84)]


def test_resolution_2021_25_has_operative_paragraphs_op1_to_op14(ecosoc_2021_25):
    assert keys(ecosoc_2021_25, "operative") == [f"OP{n}" for n in range(1, 15)]


def test_resolution_2021_25_has_27_preambular_paragraphs(ecosoc_2021_25):
    assert keys(ecosoc_2021_25, "preambular") == [f"PP{n}" for n in range(1, 28)]


def test_resolution_2021_25_footnotes_are_fn1_to_fn4_with_their_text(ecosoc_2021_25):
    assert keys(ecosoc_2021_25, "footnote") == ["fn1", "fn2", "fn3", "fn4"]
    # footnote 1, as printed: "¹ General Assembly resolution 64/293."
    assert ecosoc_2021_25.paragraph("fn1").text == "General Assembly resolution 64/293."


def test_positions_follow_reading_order(seeds):
    for document in seeds.values():
        assert [p.position for p in document.paragraphs] == list(range(len(document.paragraphs)))


# --- sections -------------------------------------------------------------------------------------

def test_report_2019_section_ii_is_the_status_of_ratification(report_2019):
    section = report_2019.section("II")
    assert section is not None and section.parent is None
    assert section.heading.startswith("Status of ratification of the Protocol to Prevent, Suppress and Punish")


def test_report_2019_subsection_iii_b_2_is_ohchr_under_iii_b(report_2019):
    section = report_2019.section("III.B.2")
    assert section.heading == "Office of the United Nations High Commissioner for Human Rights"
    assert section.parent == "III.B"
    assert report_2019.section("III.B").parent == "III"


def test_report_2019_unnumbered_heading_becomes_subsection_of_iii_c(report_2019):
    section = report_2019.section("III.C.h1")
    assert section is not None and section.number is None
    assert section.heading.startswith("Appraisal of the Global Plan of Action to Combat Trafficking in Persons")
    assert section.parent == "III.C"


def test_report_2019_paragraph_48_belongs_to_section_iii_b_2(report_2019):
    # 48. The Office of the United Nations High Commissioner for Human Rights (OHCHR) promotes ...
    assert report_2019.paragraph("48").section == "III.B.2"
    assert report_2019.paragraph("47").section == "III.B.1"


def test_paragraph_lies_within_its_section(seeds):
    for document in seeds.values():
        for p in document.paragraphs:
            if p.section is not None:
                s = document.section(p.section)
                assert s.start <= p.start and p.end <= s.end, (document.id, p.key, s.key)


def test_cop_report_2022_has_unnumbered_subsections_under_ii_a_1(cop_report_2022):
    children = [s for s in cop_report_2022.sections if s.parent == "II.A.1"]
    headings = [s.heading for s in children]
    assert headings[0].startswith("Conference of the Parties to the United Nations Convention against")
    assert headings[1] == "Commission on Crime Prevention and Criminal Justice"
    assert "General Assembly" in headings and "Security Council" in headings
    assert all(s.number is None for s in children)
    assert cop_report_2022.section("II.A.1").heading == "Support for intergovernmental bodies"


# --- metadata from the header ---------------------------------------------------------------------

def test_report_2019_metadata_is_read_from_its_header(report_2019):
    meta = report_2019.metadata
    assert meta.issuing_body == "General Assembly"
    assert meta.date == "2019-06-18"
    assert meta.session == "Seventy-fourth session"
    assert meta.agenda_item == "Item 108 of the preliminary list"
    assert meta.kind == "report"
    assert meta.title == "Improving the coordination of efforts against trafficking in persons"


def test_the_session_of_a_header_whose_lines_were_joined_is_its_words_alone():
    # typed paragraphs without blank lines between the front matter's lines: one paragraph holds them all,
    # "Human Rights Council Forty-first session 24 June–12 July 2019 Agenda item 3 Resolution adopted by ..."
    council = ingest(SHARED / "corpus" / "unhk" / "A_HRC_RES_41_4.txt").metadata
    assert (council.issuing_body, council.session) == ("Human Rights Council", "Forty-first session")
    # "Seventy-first session Agenda item 31 Prevention of armed conflict Implementation of ...": not the whole line
    assert ingest(SHARED / "corpus" / "unhk" / "A_71_755.txt").metadata.session == "Seventy-first session"


def test_a_page_of_a_volume_is_read_from_the_files_own_numbered_title():
    # E_RES_1981_7.txt, a page of the Council's volume of 1981: the last lines of the resolution before ("3. Requests
    # the Secretary-General to assess ...", "13th plenary meeting / 4 May 1981"), then "1981/7. Implementation of the
    # 1971 Convention on Psychotropic Substances" and "The Economic and Social Council." (a full stop, as printed)
    document = ingest(SHARED / "corpus" / "unhk" / "E_RES_1981_7.txt")
    meta = document.metadata
    assert (meta.kind, meta.title) == ("resolution", "Implementation of the 1971 Convention on Psychotropic Substances")
    assert [p.key for p in document.paragraphs if p.kind == "operative"] == [f"OP{n}" for n in range(1, 10)]
    assert not any("assess the desirability" in p.text for p in document.paragraphs)  # the other resolution's
    assert any("read from its own title, 1981/7." in w for w in document.warnings)
    # and a page that goes on with the next resolution ends at its own closing line: A_RES_47_196.txt, "...
    # 93rd plenary meeting / 22 December 1992 / 47/197. International cooperation for the eradication of poverty ..."
    page = ingest(SHARED / "corpus" / "unhk" / "A_RES_47_196.txt")
    assert page.paragraphs[-1].text == "93rd plenary meeting 22 December 1992"
    assert not any("Cartagena Commitment" in p.text for p in page.paragraphs)  # resolution 47/197's preamble
    # an old-style number before the title: "920 (XXXIV). Special Committee on co-ordination ..."
    assert ingest(SHARED / "corpus" / "unhk" / "E_RES_920_XXXIV.txt").metadata.title.startswith("Special Committee on")
    # its number as the symbol writes it, one space before the session: the resolution's node has one label (read
    # "1145(XII)" beside "1145 (XII)", two labels failed validation and left the resolution out of the graph)
    old_style = ingest(SHARED / "corpus" / "unhk" / "A_RES_1145_XII.txt").metadata
    assert (old_style.symbol, old_style.resolution_number) == ("A/RES/1145 (XII)", "1145 (XII)")


def test_a_paragraph_a_page_break_cut_goes_on_after_the_notes_at_the_foot_of_the_page():
    # E_RES_1981_7.txt: "3. Calls upon exporting countries to use the utmost care to verify the authenticity of each
    # import authoriza-", then the page's notes "14 United Nations publication, Sales No. E.78.XI.3, p. 7." and
    # "15 E/INCB/52 (...)", then "tion and, in case of doubt, to seek to ensure ...": the notes were pasted into the
    # paragraph and its second half was a paragraph of its own
    document = ingest(SHARED / "corpus" / "unhk" / "E_RES_1981_7.txt")
    op3 = next(p for p in document.paragraphs if p.key == "OP3")
    assert "each import authorization and, in case of doubt, to seek" in op3.text and "Sales No." not in op3.text
    notes = {p.key: p.text for p in document.paragraphs if p.kind == "footnote"}
    assert notes["fn14"] == "United Nations publication, Sales No. E.78.XI.3, p. 7."
    assert not any(p.text.startswith("tion and") for p in document.paragraphs)
    # A_RES_42_169.txt: "... directions of efforts undertaken in" / "<!-- Page 2 -->" / "V. Resolutions adopted on the
    # reports of the Second Committee" (the page's running head) / "the framework of an international decade ...":
    # the marker and the head were pasted into the preambular paragraph
    volume = ingest(SHARED / "corpus" / "unhk" / "A_RES_42_169.txt")
    pp10 = next(p for p in volume.paragraphs if p.key == "PP10")
    assert "efforts undertaken in the framework of an international decade" in pp10.text
    assert not any("<!--" in p.text or "Resolutions adopted on the reports" in p.text for p in volume.paragraphs)
    # and the rule above a page's notes is no paragraph: A_RES_2205_XXI.txt ("_________________________")
    assert not any(set(p.text) <= {"_", "-"} for p in ingest(SHARED / "corpus" / "unhk" / "A_RES_2205_XXI.txt").paragraphs)
    # but the date under a closing line is no note: "723rd plenary meeting," / "26 November 1957."
    closing = ingest(SHARED / "corpus" / "unhk" / "A_RES_1166_XII.txt")
    assert not any(p.kind == "footnote" and "November 1957" in p.text for p in closing.paragraphs)


def test_cop_report_2022_metadata_is_read_from_its_header(cop_report_2022):
    meta = cop_report_2022.metadata
    assert meta.issuing_body == ("Conference of the Parties to the United Nations Convention against "
                                 "Transnational Organized Crime")
    assert meta.date == "2022-07-22"
    assert meta.kind == "report"
    assert meta.title.startswith("Activities of the United Nations Office on Drugs and Crime to promote")


def test_resolution_2021_25_metadata_gives_symbol_number_and_adoption_date(ecosoc_2021_25):
    meta = ecosoc_2021_25.metadata
    assert meta.symbol == "E/RES/2021/25"
    assert meta.kind == "resolution"
    assert meta.resolution_number == "2021/25"
    assert meta.adoption_date == "2021-07-22"
    assert meta.date == "2021-07-29"  # distribution, not adoption
    assert meta.title == "Implementation of the United Nations Global Plan of Action to Combat Trafficking in Persons"
    assert ecosoc_2021_25.id == "E-RES-2021-25"


@needs_corpus
def test_draft_resolution_metadata_is_read_from_pdf_text():
    document = ingest(CORPUS_TEXTS / "A_C.3_80_L.50.txt")
    meta = document.metadata
    assert meta.symbol == "A/C.3/80/L.50"
    assert meta.kind == "draft-resolution"
    assert meta.date == "2025-11-05"
    assert meta.title == "Protection of and assistance to internally displaced persons"
    assert meta.source_format == "pdf-text"


@needs_corpus
def test_body_of_a_short_draft_decision_is_a_paragraph_not_a_header_line():
    # A/C.4/80/L.10, a draft decision in one sentence after its header: "The General Assembly, taking note of
    # the application of Côte d’Ivoire for membership in the Committee ... decides to appoint Côte d’Ivoire ..."
    document = ingest(CORPUS_TEXTS / "A_C.4_80_L.10.txt")
    body = [p for p in document.paragraphs if p.kind not in ("header", "footnote")]
    assert [p.text[:52] for p in body] == ["The General Assembly, taking note of the application"]
    assert document.metadata.title == "Increase in the membership of the Committee on the Peaceful Uses of Outer Space"
    assert document.metadata.kind == "draft-decision"


# --- cleaning of Markdown artefacts ---------------------------------------------------------------

def test_no_link_or_escape_artefacts_remain_in_any_paragraph(seeds):
    for document in seeds.values():
        for p in document.paragraphs:
            assert "](#)" not in p.text and "\\(" not in p.text and "\\)" not in p.text, (document.id, p.key)
            # emphasis markers ("*Urges*", "<i>Page</i>") are gone; a footnote mark ("list*") stays
            assert "<i>" not in p.text and "**" not in p.text, (document.id, p.key)
            assert not re.search(r"(?<![\w*])\*\w", p.text), (document.id, p.key)


def test_escaped_brackets_and_links_keep_their_text(report_2019):
    # 64. ... In its resolution 2388 (2017), the Security Council requested ...
    # (the Markdown reads "resolution [2388 \(2017\)](#)")
    assert "resolution 2388 (2017)" in report_2019.paragraph("64").text
    # 1. In its resolution [72/195](#), entitled ...
    assert report_2019.paragraph("1").text.startswith("In its resolution 72/195, entitled")


def test_operative_verb_is_emphasized(ecosoc_2021_25):
    # 1. *Urges* Member States that have not yet done so to consider ratifying or acceding ...
    op1 = ecosoc_2021_25.paragraph("OP1")
    assert op1.emphasized() == ["Urges"]
    assert op1.text.startswith("Urges Member States")


def test_operation_name_is_emphasized_at_start_of_sub_item(report_2019):
    # 81. (a) *Operation Libertad*. A total of 347 potential victims were rescued ...
    item = report_2019.paragraph("81(a)")
    assert item.text.startswith("Operation Libertad")
    assert item.emphasized()[0] == "Operation Libertad"
    assert item.emphasis[0].start == 0


def test_publication_titles_are_emphasized(report_2019):
    # 42. ... In 2017, UNODC published: the *Human Trafficking Toolkit for Journalists* and the ...
    emphasized = report_2019.paragraph("42").emphasized()
    assert "Human Trafficking Toolkit for Journalists" in emphasized
    assert "Evidential Issues in Trafficking in Persons Cases: Case Digest" in emphasized


# --- offsets --------------------------------------------------------------------------------------

def assert_offsets(document: Document) -> None:
    for p in document.paragraphs:
        assert document.text[p.start:p.end] == p.text, (document.path.name, p.key)
        for span in p.emphasis:
            assert 0 <= span.start < span.end <= len(p.text), (document.path.name, p.key, span)


def test_paragraph_offsets_point_at_their_text_in_every_seed(seeds):
    for document in seeds.values():
        assert_offsets(document)


@needs_corpus
@pytest.mark.parametrize("path", corpus_sample(), ids=lambda p: p.name)
def test_paragraph_offsets_point_at_their_text_in_corpus_sample(path):
    assert_offsets(ingest(path))


# --- paragraphs cut by page breaks ----------------------------------------------------------------

def test_preambular_paragraph_split_by_page_break_is_joined(ecosoc_2021_25):
    # PP6: "Reaffirming the United Nations Convention ... and the Protocol to Prevent, Suppress and Punish
    # Trafficking in Persons," | page break (footnotes) | "Especially Women and Children, supplementing ..."
    pp6 = ecosoc_2021_25.paragraph("PP6")
    assert "Especially Women and Children, supplementing" in pp6.text
    assert pp6.text.startswith("Reaffirming the United Nations Convention against Transnational Organized Crime")
    assert not ecosoc_2021_25.paragraph("PP7").text.startswith("Especially")


def test_numbered_paragraphs_split_by_page_break_are_joined(report_2019):
    assert "called upon Member States to increase" in report_2019.paragraph("10").text
    assert "while five additional countries" in report_2019.paragraph("4").text
    assert not any(p.kind == "unnumbered" for p in report_2019.paragraphs)


# --- sub-items ------------------------------------------------------------------------------------

def test_roman_sub_items_belong_to_their_lettered_item(report_2019):
    romans = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii"]
    for r in romans:
        item = report_2019.paragraph(f"139(d)({r})")
        assert item.parent == "139(d)" and item.kind == "subitem"
    assert report_2019.paragraph("139(d)").parent == "139"


def test_letter_i_after_h_is_a_letter_not_a_roman_numeral(report_2019):
    # 139. ... (h) Encourage the Inter-agency Coordination Group ... (i) Invite Member States to provide ...
    item = report_2019.paragraph("139(i)")
    assert item.parent == "139"
    assert item.text.startswith("Invite Member States to provide adequate voluntary resources")
    with pytest.raises(KeyError):
        report_2019.paragraph("139(h)(i)")


def test_lettered_sub_items_belong_to_their_paragraph(report_2019, ecosoc_2021_25):
    assert [report_2019.paragraph(f"37({c})").parent for c in "abc"] == ["37"] * 3
    assert [ecosoc_2021_25.paragraph(f"PP8({c})").parent for c in "abcdef"] == ["PP8"] * 6
    # PP8(a): "To promote universal ratification of the United Nations Convention ..."
    assert ecosoc_2021_25.paragraph("PP8(a)").text.startswith("To promote universal ratification")


# --- the corpus -----------------------------------------------------------------------------------

def assert_operative_numbering(document: Document) -> None:
    for part, numbers in operative_numbers_by_part(document).items():
        assert numbers == list(range(1, len(numbers) + 1)), (document.path.name, part, numbers)


@needs_corpus
@pytest.mark.parametrize("path", corpus_sample(), ids=lambda p: p.name)
def test_corpus_sample_ingests_with_gapless_operative_numbers(path):
    assert_operative_numbering(ingest(path))


@needs_corpus
def test_corpus_sample_covers_resolutions_with_operative_paragraphs():
    """Guards the test above: the sample must hold resolutions whose numbering it checks."""
    with_operative = [p for p in corpus_sample() if operative_numbers_by_part(ingest(p))]
    assert len(with_operative) >= 20


@pytest.mark.slow
@needs_corpus
@pytest.mark.parametrize("path", corpus_files(), ids=lambda p: p.name)
def test_every_corpus_file_ingests_with_gapless_operative_numbers_and_exact_offsets(path):
    document = ingest(path)
    assert_operative_numbering(document)
    assert_offsets(document)


@pytest.mark.slow
@needs_corpus
def test_whole_corpus_is_present():
    """Guards the test above against a corpus that silently shrank."""
    assert len(corpus_files()) == 1155


@needs_corpus
@pytest.mark.parametrize("pdf", sorted(CORPUS_PDFS.glob("*.pdf")), ids=lambda p: p.name)
def test_pdf_gives_the_same_paragraphs_as_its_text_twin(pdf):
    from_pdf = ingest(pdf)
    from_text = ingest(CORPUS_TEXTS / f"{pdf.stem}.txt")
    assert from_pdf.metadata.source_format == "pdf"
    assert from_pdf.metadata.symbol == from_text.metadata.symbol is not None
    assert [(p.key, p.text) for p in from_pdf.paragraphs] == [(p.key, p.text) for p in from_text.paragraphs]


# --- sidecars -------------------------------------------------------------------------------------

@pytest.fixture
def copied_report(tmp_path) -> Path:
    return Path(shutil.copy(seed_path("001"), tmp_path / "report.txt"))


def test_yaml_sidecar_overrides_symbol_and_title(copied_report):
    copied_report.with_suffix(".yaml").write_text("symbol: TEST/2019/1\ntitle: A title from the sidecar\n")
    document = ingest(copied_report)
    assert document.metadata.symbol == "TEST/2019/1"
    assert document.metadata.title == "A title from the sidecar"
    assert document.id == "TEST-2019-1"
    assert document.metadata.date == "2019-06-18"  # what the sidecar does not give still comes from the header


def test_json_sidecar_overrides_symbol_and_title(copied_report):
    copied_report.with_suffix(".json").write_text(json.dumps({"symbol": "TEST/2019/2", "title": "From JSON"}))
    document = ingest(copied_report)
    assert (document.metadata.symbol, document.metadata.title) == ("TEST/2019/2", "From JSON")


def test_malformed_yaml_sidecar_is_an_error_naming_the_file_and_line(copied_report):
    copied_report.with_suffix(".yaml").write_text("symbol: TEST/2019/1\nkind: report\ntitle: a: b\n")
    with pytest.raises(IngestError) as error:
        ingest(copied_report)
    assert "report.yaml" in str(error.value)
    assert "line 3" in str(error.value)


def test_unknown_sidecar_field_is_an_error_naming_the_field(copied_report):
    copied_report.with_suffix(".yaml").write_text("symbol: TEST/2019/1\ncolour: blue\n")
    with pytest.raises(IngestError) as error:
        ingest(copied_report)
    assert "colour" in str(error.value) and "report.yaml" in str(error.value)


# --- bad input ------------------------------------------------------------------------------------

@pytest.mark.parametrize("content", [b"", b"   \n\n\t \r\n  ", bytes(range(256)) * 40],
                         ids=["empty", "whitespace", "binary"])
def test_unreadable_file_raises_ingest_error_naming_the_file(tmp_path, content):
    path = tmp_path / "unreadable-document.txt"
    path.write_bytes(content)
    with pytest.raises(IngestError) as error:
        ingest(path)
    assert "unreadable-document.txt" in str(error.value)


def test_cp1252_copy_ingests_like_the_original_with_a_warning(tmp_path, report_2019):
    path = tmp_path / "report-cp1252.txt"
    path.write_bytes(seed_path("001").read_text(encoding="utf-8").encode("cp1252"))
    document = ingest(path)
    assert any("cp1252" in w for w in document.warnings)
    assert [(p.key, p.text) for p in document.paragraphs] == [(p.key, p.text) for p in report_2019.paragraphs]


def test_text_without_numbered_paragraphs_ingests_with_a_warning(tmp_path):
    # the summary of seed 001, alone: prose without numbers
    summary = ("The present report has been prepared pursuant to General Assembly resolution 72/195, entitled "
               "“Improving the coordination of efforts against trafficking in persons”, and contains a summary of "
               "the efforts of Member States and entities of the United Nations system towards implementing it.")
    path = tmp_path / "prose.txt"
    path.write_text(summary + "\n")
    document = ingest(path)
    assert any("no numbered paragraphs" in w for w in document.warnings)
    assert [p.text for p in document.paragraphs if p.kind == "unnumbered"] == [summary]


def test_seeds_ingest_without_warnings(seeds):
    assert {n: d.warnings for n, d in seeds.items()} == {"001": [], "003": [], "004": []}


def test_ingest_is_deterministic(report_2019):
    again = ingest(seed_path("001"))
    assert again.text == report_2019.text
    assert again.paragraphs == report_2019.paragraphs and again.sections == report_2019.sections


def test_document_id_is_the_symbol_or_the_file_stem(report_2019, ecosoc_2021_25):
    assert ecosoc_2021_25.id == "E-RES-2021-25"
    assert report_2019.metadata.symbol is None
    assert report_2019.id == re.sub(r"[^A-Za-z0-9._-]+", "-", seed_path("001").stem)


def test_a_page_marker_inside_a_block_is_no_text():
    # S_RES_47_1948.txt opens "<!-- Page 1 --> of the Charter of the United Nations ; (2) to exercise ...": the
    # converter's marker of a printed page was read as words of the text
    document = ingest(SHARED / "corpus" / "unhk" / "S_RES_47_1948.txt")
    assert document.paragraphs[0].text.startswith("of the Charter of the United Nations")
    assert not any("<!--" in p.text for p in document.paragraphs)
