"""How `tipkg` behaves when the user interrupts it, pipes it into `head`, gives it files it cannot read or names
something that does not exist: a clear line, never a traceback, and nothing lost."""
from __future__ import annotations

import shutil
import signal
import subprocess
import time
from pathlib import Path

from conftest import CORPUS_TEXTS, SEEDS, corpus_files, copy_seeds, query_json, run_tipkg, tipkg_command

GOOD = "004"


def test_a_text_file_named_pdf_and_a_docx_are_named_and_the_rest_is_built(tmp_path):
    documents = copy_seeds(tmp_path / "documents", GOOD)
    (documents / "notes.pdf").write_text("Trafficking in persons: notes of the meeting.\n")
    (documents / "letter.docx").write_bytes(b"PK\x03\x04 a word processor's file")
    result = run_tipkg("build", "--documents", documents, "--store", tmp_path / "store")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert "notes.pdf: is named .pdf but is not a PDF (it does not start with %PDF): if it holds the document's " \
           "text, name it .txt" in result.stdout
    assert "letter.docx: not read: tipkg reads .txt, .md, .text, .pdf files" in result.stdout
    assert "Built 1 document" in result.stdout
    strict = run_tipkg("build", "--documents", documents, "--store", tmp_path / "store2", "--strict")
    assert strict.returncode == 1 and "letter.docx" in strict.stderr


def test_ctrl_c_during_a_build_ends_it_quietly_and_keeps_the_previous_graph(tmp_path):
    documents = copy_seeds(tmp_path / "documents", GOOD)
    store = tmp_path / "store"
    assert run_tipkg("build", "--documents", documents, "--store", store).returncode == 0
    before = (store / "current").resolve()
    rows = query_json(store, "resolution-asks")
    for path in corpus_files()[:300]:  # enough work that the build is still reading when interrupted
        shutil.copy(path, documents)
    process = subprocess.Popen(tipkg_command() + ["build", "--documents", str(documents), "--store", str(store),
                                                  "--jobs", "2"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(4)
    assert process.poll() is None, "the build ended before it could be interrupted"
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=60)
    assert process.returncode == 130
    assert "Traceback" not in err + out and "KeyboardInterrupt" not in err
    assert "tipkg: interrupted; the previous graph, if any, is unchanged." in err
    assert (store / "current").resolve() == before
    assert query_json(store, "resolution-asks") == rows


def test_piped_into_head_the_build_says_nothing_more(tmp_path):
    documents = copy_seeds(tmp_path / "documents", "001", "003", GOOD)
    command = " ".join(f"'{a}'" for a in tipkg_command() + ["build", "--documents", str(documents),
                                                             "--store", str(tmp_path / "store")])
    result = subprocess.run(f"{command} | head -1", shell=True, capture_output=True, text=True, timeout=300)
    assert result.stdout.startswith("Built 3 documents")
    assert result.stderr == "", result.stderr
    assert (tmp_path / "store" / "current").exists()


def test_a_misspelt_query_or_an_unknown_name_is_answered_with_the_closest(seed_store):
    misspelt = run_tipkg("query", "entity-profil", "--store", seed_store)
    assert misspelt.returncode == 1
    assert "no canned query 'entity-profil'; did you mean entity-profile" in misspelt.stderr
    unknown = run_tipkg("query", "entity-profile", "--param", "entity=UNDOC", "--store", seed_store)
    assert unknown.returncode == 1 and unknown.stdout == ""
    assert "nothing in the graph is named 'UNDOC' (entity); did you mean 'unodc'" in unknown.stderr
    known = run_tipkg("query", "entity-profile", "--param", "entity=unodc", "--store", seed_store, "--format", "json")
    assert known.returncode == 0 and '"relation"' in known.stdout
