"""`tipkg audit`, end to end through the command on the seeds' graph: a seeded sample of every listing with the
paragraph each row was read from and the rules that read it, and a judged sheet read back as precision."""
from __future__ import annotations

import re

from conftest import query_json, run_tipkg


def test_the_sheet_draws_each_listing_with_its_paragraphs_and_rules(seed_store, tmp_path):
    sheet = tmp_path / "sheet.md"
    result = run_tipkg("audit", "--store", seed_store, "--rows", "4", "--seed", "7", "--out", sheet)
    assert result.returncode == 0, result.stderr
    text = sheet.read_text()
    assert "- seed: 7" in text and "- rows per listing: 4" in text
    for name in ("icat-chairs", "ratifications", "resolution-asks", "partnerships", "publications", "people"):
        total = len(query_json(seed_store, name))
        assert f"## {name} ({min(4, total)} of {total} rows)" in text
    entries = re.split(r"^### ", text, flags=re.M)[1:]
    assert len(entries) >= 40
    for entry in entries:
        assert "verdict: " in entry and "note: " in entry
        assert "(no paragraph found)" not in entry, entry  # every row leads back to the text it was read from
        if not entry.startswith("resolutions-cited"):  # citations are links of the text, not a rule's assertions
            assert re.search(r"\(rules: [a-z]+\.[a-z-]+", entry), entry
    # a row of the chairs' listing quotes the 2019 report's paragraph that names the chair
    chairs = text.split("\n## icat-chairs (")[1].split("\n## ", 1)[0]
    assert "chair" in chairs.lower() and "> " in chairs


def test_the_same_seed_draws_the_same_rows_and_another_seed_others(seed_store, tmp_path):
    def rows(seed: int) -> list[str]:
        out = tmp_path / f"sheet-{seed}.md"
        assert run_tipkg("audit", "--store", seed_store, "--rows", "3", "--seed", seed, "--out", out).returncode == 0
        return re.findall(r"^row: .*$", out.read_text(), flags=re.M)

    assert rows(1) == rows(1)
    assert rows(1) != rows(2)


def test_a_judged_sheet_gives_precision_per_listing_with_the_notes(seed_store, tmp_path):
    sheet = tmp_path / "sheet.md"
    assert run_tipkg("audit", "--store", seed_store, "--rows", "4", "--out", sheet).returncode == 0
    text = sheet.read_text()
    head, rest = text.split("## resolution-asks (", 1)
    section, tail = rest.split("\n## ", 1)
    for verdict in ("correct", "wrong", "partly", "correct"):
        section = section.replace("verdict: \n", f"verdict: {verdict}\n", 1)
    section = section.replace("verdict: wrong\nnote: ", "verdict: wrong\nnote: a recall listed as an ask", 1)
    sheet.write_text(head + "## resolution-asks (" + section + "\n## " + tail)

    result = run_tipkg("audit", "--score", sheet)
    assert result.returncode == 0, result.stderr
    row = next(line for line in result.stdout.splitlines() if line.startswith("| resolution-asks |"))
    assert row == "| resolution-asks | 4 | 2 | 1 | 1 | 0.62 |"
    assert "resolution-asks: wrong: a recall listed as an ask" in result.stdout
    assert "rows have no verdict yet" in result.stdout  # the other listings were left unjudged


def test_no_sheet_and_no_store_are_clear_messages(tmp_path):
    missing = run_tipkg("audit", "--score", tmp_path / "nothing.md")
    assert missing.returncode == 1 and "no audit sheet" in missing.stderr and "Traceback" not in missing.stderr
    nostore = run_tipkg("audit", "--store", tmp_path / "nostore", "--out", tmp_path / "s.md")
    assert nostore.returncode == 1 and "Traceback" not in nostore.stderr
