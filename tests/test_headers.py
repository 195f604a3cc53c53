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
