"""A resolution whose only operative paragraph is printed without a number ("Takes note of the report ...",
"Adopts the following declaration:") is operative, not part of the last preambular paragraph; the meeting line
after it stands alone. Each case is a real document of ../shared/corpus, read as it is."""
from __future__ import annotations

import pytest

from conftest import CORPUS_TEXTS, SHARED
from tipkg.ingest import ingest


def _kinds(name: str, folder=CORPUS_TEXTS) -> list[tuple[str, str, str]]:
    return [(p.key, p.kind, p.text) for p in ingest(folder / name).paragraphs if p.kind != "header"]


@pytest.mark.parametrize("name, last_preamble_end, operative", [
    # after "Having considered the report of the Ethics Office,¹" (a footnote mark after the comma)
    ("A_RES_78_246.txt", "Having considered the report of the Ethics Office,¹", "Takes note of the report of the Ethics Office."),
    ("A_RES_79_132.txt", "the recommendation contained therein,", "Approves the report of the Credentials Committee.¹"),
    # a chapeau with lettered items
    ("A_RES_78_329.txt", "the revitalization of the work of the General Assembly,", "Decides:"),
])
def test_the_unnumbered_operative_paragraph_after_the_preamble(name, last_preamble_end, operative):
    paragraphs = _kinds(name)
    preambular = [p for p in paragraphs if p[1] == "preambular"]
    assert preambular[-1][2].endswith(last_preamble_end)
    sole = [p for p in paragraphs if p[1] == "operative"]
    assert sole[0][:2] == ("OP", "operative") and sole[0][2] == operative
    assert not any(p[2].startswith(("Takes note", "Approves", "Decides")) for p in preambular)


def test_an_operative_paragraph_right_after_the_opening_and_the_meeting_line_apart():
    paragraphs = _kinds("A_RES_78_3.txt")  # "The General Assembly" then "Adopts the political declaration ..."
    assert not [p for p in paragraphs if p[1] == "preambular"]
    assert paragraphs[0][:2] == ("OP", "operative") and paragraphs[0][2].startswith("Adopts the political declaration")
    assert paragraphs[1][1:] == ("unnumbered", "16th plenary meeting 5 October 2023")


def test_numbered_resolutions_keep_their_paragraphs():
    paragraphs = _kinds("A_RES_70_179.txt", SHARED / "dev")
    keys = [p[0] for p in paragraphs if p[1] in ("preambular", "operative")]
    assert keys == [f"PP{i}" for i in range(1, 33)] + [f"OP{i}" for i in range(1, 19)]
    # a preambular paragraph that goes on after a colon keeps its items, and no preambular text turns operative
    assert "OP" not in keys
