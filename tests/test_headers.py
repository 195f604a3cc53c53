"""Symbol, organ and date of resolutions that come as typed paragraphs, without the ODS symbol block: read from
the title line ("44/4.", "2017/18.", "Resolution 2331 (2016)") and the adoption line. Each case is a real
document of ../shared, read as it is."""
from __future__ import annotations

import pytest

from conftest import SHARED
from tipkg.ingest import ingest

DEV = SHARED / "dev"
UNHK = SHARED / "corpus" / "unhk"


@pytest.mark.parametrize("path, symbol, body, adopted", [
    (DEV / "A_HRC_RES_44_4.txt", "A/HRC/RES/44/4", "Human Rights Council", "2020-07-16"),
    (DEV / "A_RES_70_179.txt", "A/RES/70/179", "General Assembly", "2015-12-17"),
    (DEV / "E_RES_2017_18.txt", "E/RES/2017/18", "Economic and Social Council", "2017-07-06"),
    (DEV / "S_RES_2331_2016.txt", "S/RES/2331 (2016)", "Security Council", "2016-12-20"),
    (UNHK / "A_RES_78_214.txt", "A/RES/78/214", "General Assembly", "2023-12-19"),
    (UNHK / "E_RES_2023_17.txt", "E/RES/2023/17", "Economic and Social Council", "2023-07-25"),
    (UNHK / "A_HRC_RES_54_15.txt", "A/HRC/RES/54/15", "Human Rights Council", "2023-10-11"),
    # front matter lines not apart, and "21/7." with its title on the next line
    (UNHK / "A_HRC_RES_21_7.txt", "A/HRC/RES/21/7", "Human Rights Council", None),
])
def test_a_resolution_without_symbol_block_is_named_from_its_title_and_adoption_lines(path, symbol, body, adopted):
    meta = ingest(path).metadata
    assert (meta.symbol, meta.issuing_body, meta.adoption_date, meta.kind) == (symbol, body, adopted, "resolution")
    if adopted:
        assert meta.date == adopted  # no distribution date: dated by its adoption


def test_the_council_opening_is_no_title_and_the_committee_line_no_organ():
    council = ingest(DEV / "S_RES_2331_2016.txt").metadata
    assert council.title is None  # Security Council resolutions print no title
    assembly = ingest(DEV / "A_RES_70_179.txt").metadata
    assert assembly.title == "Improving the coordination of efforts against trafficking in persons"
    assert assembly.issuing_body == "General Assembly"  # not "[on the report of the Third Committee ...]"


def test_a_report_with_a_symbol_block_keeps_its_distribution_date():
    meta = ingest(DEV / "S_2025_303.pdf").metadata
    assert (meta.symbol, meta.date, meta.adoption_date) == ("S/2025/303", "2025-05-12", None)


@pytest.mark.parametrize("name, symbol, body", [
    # a presidential statement prints no symbol: its file name, in a series of data/reference/series.csv, gives it
    ("S_PRST_2013_10.txt", "S/PRST/2013/10", "Security Council"),
    # a letter of the Council's President, with no symbol block
    ("S_2021_1070.txt", "S/2021/1070", "Security Council"),
    # an old resolution scanned without its header: the session in Roman numerals, as the UN writes it
    ("E_RES_476_XV.txt", "E/RES/476 (XV)", "Economic and Social Council"),
    # a series of a programme, not of a principal organ
    ("UNEP_EA.3_RES.4.txt", "UNEP/EA.3/RES.4", "United Nations Environment Programme"),
    # a lettered part of an Assembly resolution (its text opens "72/262." without the part): "A/RES/72/262 C"
    ("A_RES_72_262_C.txt", "A/RES/72/262 C", "General Assembly"),
])
def test_a_document_whose_text_names_no_symbol_is_named_by_its_file_in_a_known_series(name, symbol, body):
    meta = ingest(UNHK / name).metadata
    assert (meta.symbol, meta.symbol_source, meta.issuing_body) == (symbol, "file name", body)


def test_a_file_name_outside_the_series_or_a_symbol_in_the_text_is_not_read_as_symbol(tmp_path):
    seed = next((SHARED / "seeds").glob("001_*.txt"))
    assert ingest(seed).metadata.symbol is None  # "001_aaa57c1388cc9d44" is no UN symbol
    renamed = tmp_path / "S_RES_9999_2016.txt"
    renamed.write_bytes((DEV / "S_RES_2331_2016.txt").read_bytes())
    meta = ingest(renamed).metadata  # the title line wins over the file's name
    assert (meta.symbol, meta.symbol_source) == ("S/RES/2331 (2016)", "header")


def test_the_date_of_adoption_on_the_line_after_on_and_organ_lines_in_capitals():
    council = ingest(UNHK / "S_RES_2277_2016.txt").metadata  # "... at its 7659th meeting, on" / "30 March 2016"
    assert (council.symbol, council.adoption_date) == ("S/RES/2277 (2016)", "2016-03-30")
    capitals = ingest(UNHK / "A_HRC_RES_12_2.txt").metadata  # "HUMAN RIGHTS COUNCIL"
    assert capitals.issuing_body == "Human Rights Council"
