"""Several corpora into one graph: `--documents` repeated, or a folder of folders."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

from conftest import SHARED, copy_seeds, query_json, run_tipkg


def test_two_folders_and_a_folder_of_folders_build_one_graph(tmp_path):
    seeds = copy_seeds(tmp_path / "seeds", "004")
    dev = tmp_path / "dev"
    dev.mkdir()
    shutil.copy(SHARED / "dev" / "S_RES_2331_2016.txt", dev)
    result = run_tipkg("build", "--documents", seeds, "--documents", dev, "--store", tmp_path / "store")
    assert result.returncode == 0, result.stderr
    assert "Built 2 documents" in result.stdout
    asked = {r["resolution"] for r in query_json(tmp_path / "store", "resolution-asks")}
    assert {"2021/25", "2331 (2016)"} <= asked

    both = tmp_path / "corpora"
    shutil.copytree(seeds, both / "seeds")
    shutil.copytree(dev, both / "dev" / "security-council")  # any depth
    (both / ".hidden").mkdir()
    (both / ".hidden" / "S_RES_2331_2016.txt").write_text("not read: a hidden folder")
    again = run_tipkg("build", "--documents", both, "--store", tmp_path / "store2")
    assert again.returncode == 0, again.stderr
    assert "Built 2 documents" in again.stdout
    assert {r["resolution"] for r in query_json(tmp_path / "store2", "resolution-asks")} == asked


def test_a_document_both_corpora_hold_is_not_processed_again_by_a_rebuild(tmp_path):
    """The second corpus holds another conversion of some General Assembly resolutions (392 on the real corpora):
    left out as the same symbol, each was still processed, and its cached graph was deleted at the end of the
    build, so every rebuild processed them all again."""
    both = tmp_path / "corpora"
    for corpus in ("unga", "unhk"):
        (both / corpus).mkdir(parents=True)
        shutil.copy(SHARED / "corpus" / corpus / "A_RES_78_1.txt", both / corpus)
    result = run_tipkg("build", "--documents", both, "--store", tmp_path / "store")
    assert result.returncode == 0, result.stderr
    assert "Built 1 document" in result.stdout
    again = run_tipkg("build", "--documents", both, "--store", tmp_path / "store")
    assert again.returncode == 0, again.stderr
    assert "No graph changed" in again.stdout
    documents = json.loads((tmp_path / "store" / "current" / "reports" / "build.json").read_text())["documents"]
    assert [(Path(d["path"]).parent.name, d["status"], d["cached"]) for d in documents] == [
        ("unga", "built", True), ("unhk", "skipped", True)]
    assert documents[1]["reason"] == "same symbol A/RES/78/1 as A_RES_78_1.txt"
