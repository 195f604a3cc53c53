"""Bad documents through `tipkg build` (issue 9): each gets a clear message naming the file (and the line where
there is one), never a Python traceback; one bad document does not stop the others unless --strict, and the
build summary lists what was skipped and why. Every bad input is generated here, in the test's own folder.
"""
from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from conftest import copy_seeds, needs_seeds, query_json, run_tipkg, seed_path, tipkg_command
from tipkg.ingest import ingest

pytestmark = needs_seeds

GOOD = "004"  # ECOSOC resolution 2021/25: small, and has a symbol (E/RES/2021/25)


def assert_no_traceback(result) -> None:
    assert "Traceback" not in result.stderr + result.stdout, result.stderr


def skipped_in(stdout: str) -> dict[str, str]:
    """The "Skipped N:" block of the build summary: file name -> reason."""
    block = re.search(r"^Skipped \d+:\n((?:  .*\n)*)", stdout, re.M)
    if not block:
        return {}
    return dict(line.strip().split(": ", 1) for line in block[1].splitlines())


def warnings_in(stdout: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for m in re.finditer(r"^  warning: (?P<name>[^:]+): (?P<text>.*)$", stdout, re.M):
        out.setdefault(m["name"], []).append(m["text"])
    return out


def graphs_in(store: Path) -> set[str]:
    """The documents' named graphs in the store's dump: one per document built (beside the entities graph)."""
    return {line.rsplit(" ", 2)[-2] for line in (store / "current" / "dumps" / "tipkg.nq").read_text().splitlines()} - \
        {"<https://w3id.org/tipkg/entities>"}


def graph_lines(store: Path, document_id: str) -> str:
    """The lines of the dump in one document's named graph."""
    graph = f"<https://w3id.org/tipkg/graph/{document_id}> .\n"
    return "".join(line for line in (store / "current" / "dumps" / "tipkg.nq").open(encoding="utf-8")
                   if line.endswith(graph))


def build(documents: Path, store: Path, *flags: str):
    result = run_tipkg("build", "--documents", documents, "--store", store, *flags)
    assert_no_traceback(result)
    return result


def with_good_document(tmp_path: Path) -> Path:
    return copy_seeds(tmp_path / "documents", GOOD)


# --- a messy folder: every kind of bad document beside good ones, built once -----------------------------

def _twenty_megabytes() -> bytes:
    """Seed 001 (no symbol of its own, so no clash with GOOD) repeated up to 20 MB."""
    text = seed_path("001").read_bytes()
    return (text * (20 * 1024 * 1024 // len(text) + 1))[:20 * 1024 * 1024]


BAD_DOCUMENTS = {
    # file: (bytes, words the reason must hold, case and all)
    "empty.txt": (b"", "is empty"),
    "whitespace.txt": (b"  \n\n\t\r\n   \n", "is empty"),
    "binary.txt": (bytes(range(256)) * 64, "binary file"),
    "nul-bytes-in-text.md": (b"1. The Assembly\x00\x00\x00 decided\x00 to \x00\x00\x00" * 50, "binary file"),
    "fake.pdf": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\nthis is not really a PDF\n", "not a readable PDF"),
    "text-called-pdf.txt": (b"%PDF-1.4\n1. Trafficking in persons remains a grave concern.\n", "not a readable PDF"),
    "utf16-truncated.txt": (b"\xff\xfe1\x00.\x00 \x00T", "UTF-16"),  # an odd number of bytes
    "twenty-megabytes.txt": (None, "20 MB"),
}

# a paragraph of the 2019 report (A/74/189, para. 27) with the accents of Côte d'Ivoire and São Tomé
ACCENTED = ("27. In 2018, UNODC supported Côte d'Ivoire, São Tomé and Príncipe and Guinea-Bissau in "
            "strengthening their criminal justice response to trafficking in persons.")
ENCODINGS = ["cp1252", "latin-1"]


def legacy(encoding: str) -> bytes:
    """A short report written in a legacy encoding; its first byte that is not UTF-8 is on line 5."""
    lines = [f"Report of the Secretary-General (saved as {encoding})", "",
             "1. Trafficking in persons remains a grave concern.", "", ACCENTED, ""]
    return "\n".join(lines).encode(encoding)

PROSE = ("The present report has been prepared pursuant to General Assembly resolution 72/195.\n\n"
         "It contains a summary of the efforts of Member States against trafficking in persons.\n")

FICTION = """Report of the Secretary-General on the Zemblan initiative

1. The Ministry of Harmony of Zembla cooperated closely with the Blorgian Office on Narcotic Substances and
the Coalition of Narnia in the Grand Duchy of Freedonia.

2. The Zemblan Council urged the Republic of Latveria to ratify the Protocol of Vulcan and requested the
Brobdingnag Agency to report on the implementation of the Lilliput Plan of Action.
"""

SIDECARS = {
    # kind: (suffix, text, words the reason must hold besides the sidecar's name)
    "yaml-syntax": (".yaml", "symbol: A/74/189\ntitle: Report: of the Secretary-General: [\n", "line 2"),
    "yaml-not-a-mapping": (".yaml", "- symbol\n- title\n", "mapping"),
    "yaml-unknown-field": (".yaml", "symbol: A/74/189\ncolour: blue\n", "colour"),
    "yaml-number-as-field": (".yaml", "symbol: A/74/189\n2019: June\n", "2019"),
    "yaml-list-as-title": (".yaml", "title:\n  - one\n  - two\n", "title"),
    "yaml-bad-date": (".yaml", "date: the thirty-first of June\n", "date"),
    "json-syntax": (".json", '{"symbol": "A/74/189",\n "title": }\n', "line 2"),
    "json-not-utf8": (".json", None, "UTF-8"),
}

BUILT = {"E-RES-2021-25", "report-inside", "legacy-cp1252", "legacy-latin-1", "prose", "fiction"}
NOT_READ = ["notes.txt", "gone.txt", "gone-outside.txt", "report-outside.txt"]


@pytest.fixture(scope="module")
def messy(tmp_path_factory):
    """(result, store) of one build of a folder holding seed 004, every bad document above, symbolic links
    in and out of the folder, legacy encodings, prose without numbers, fiction, and documents whose sidecar
    is malformed."""
    root = tmp_path_factory.mktemp("messy")
    documents = copy_seeds(root / "documents", GOOD)
    for name, (content, _) in BAD_DOCUMENTS.items():
        (documents / name).write_bytes(_twenty_megabytes() if content is None else content)
    (documents / "notes.txt").mkdir()
    (documents / "gone.txt").symlink_to(documents / "deleted.txt")
    (documents / "gone-outside.txt").symlink_to(root / "deleted.txt")
    outside = Path(copy_seeds(root / "elsewhere", "003")) / seed_path("003").name
    (documents / "report-outside.txt").symlink_to(outside)
    inside = Path(copy_seeds(documents / "originals", "003")) / seed_path("003").name
    (documents / "report-inside.txt").symlink_to(inside)
    for encoding in ENCODINGS:
        (documents / f"legacy-{encoding}.txt").write_bytes(legacy(encoding))
    (documents / "prose.txt").write_text(PROSE)
    (documents / "fiction.txt").write_text(FICTION)
    for kind, (suffix, text, _) in SIDECARS.items():
        document = documents / f"sidecar-{kind}.txt"
        document.write_text(f"1. Trafficking in persons remains a grave concern ({kind}).\n")
        if text is None:
            document.with_suffix(suffix).write_bytes('{"title": "Côte d’Ivoire"}'.encode("cp1252"))
        else:
            document.with_suffix(suffix).write_text(text)
    store = root / "store"
    return build(documents, store), store


def test_messy_folder_builds_its_good_documents_and_only_them(messy):
    result, store = messy
    assert result.returncode == 0, result.stderr
    assert f"Built {len(BUILT)} documents" in result.stdout
    assert graphs_in(store) == {f"<https://w3id.org/tipkg/graph/{name}>" for name in BUILT}


def test_summary_lists_every_skipped_document_with_its_reason(messy):
    result, _ = messy
    expected = sorted([*BAD_DOCUMENTS, *NOT_READ, *(f"sidecar-{kind}.txt" for kind in SIDECARS)])
    assert f"Skipped {len(expected)}:" in result.stdout
    skipped = skipped_in(result.stdout)
    assert sorted(skipped) == expected
    assert all(skipped.values())


@pytest.mark.parametrize("name", list(BAD_DOCUMENTS))
def test_bad_document_is_skipped_with_its_reason(messy, name):
    result, _ = messy
    assert BAD_DOCUMENTS[name][1] in skipped_in(result.stdout)[name]


def test_folder_named_like_a_document_is_skipped_as_unreadable(messy):
    assert "cannot be read" in skipped_in(messy[0].stdout)["notes.txt"]


def test_dangling_symbolic_link_is_skipped_as_unreadable(messy):
    assert "cannot be read" in skipped_in(messy[0].stdout)["gone.txt"]


@pytest.mark.parametrize("name", ["report-outside.txt", "gone-outside.txt"])
def test_symbolic_link_to_a_file_outside_the_documents_folder_is_not_read(messy, name):
    # its graph is not among the ones built (test_messy_folder_builds_its_good_documents_and_only_them)
    reason = skipped_in(messy[0].stdout)[name]
    assert "symbolic link" in reason and "outside the documents folder" in reason


def test_symbolic_link_within_the_documents_folder_is_read(messy):
    result, _ = messy
    paragraphs = len(ingest(seed_path("003")).paragraphs)
    assert re.search(rf"^  report-inside\s+report\s+{paragraphs} paragraphs", result.stdout, re.M), result.stdout


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_text_in_a_legacy_encoding_is_decoded_with_a_warning_naming_file_line_and_encoding(messy, encoding):
    result, store = messy
    [warning] = warnings_in(result.stdout)[f"legacy-{encoding}.txt"]
    assert "not UTF-8" in warning and "line 5" in warning and "decoded as" in warning
    # the accents came through as the writer meant them
    text = graph_lines(store, f"legacy-{encoding}")
    assert "Côte d'Ivoire, São Tomé and Príncipe" in text


def test_text_without_numbered_paragraphs_is_built_with_a_warning_naming_the_file(messy):
    assert any("no numbered paragraphs" in w for w in warnings_in(messy[0].stdout)["prose.txt"])


@pytest.mark.parametrize("kind", list(SIDECARS))
def test_malformed_sidecar_skips_its_document_naming_the_sidecar(messy, kind):
    suffix, _, reason_words = SIDECARS[kind]
    reason = skipped_in(messy[0].stdout)[f"sidecar-{kind}.txt"]
    assert f"sidecar-{kind}{suffix}" in reason and reason_words in reason


def test_names_no_gazetteer_knows_give_no_mention_and_no_assertion(messy):
    result, store = messy
    # a plan named in capitals is read by its own form ("the Lilliput Plan of Action", as "the Algiers Memorandum
    # on Good Practices" of a real text): that one assertion, and no State, organization or mention
    line = re.compile(r"^  fiction\s+\S+\s+3 paragraphs\s+0 mentions\s+1 assertions$", re.M)
    assert line.search(result.stdout), result.stdout
    fiction = graph_lines(store, "fiction")
    assert "Zembla" in fiction  # the paragraphs are there ...
    # ... and nothing else is read from them
    assert "ontology#mentions>" not in fiction
    assert "Lilliput Plan of Action" in fiction and "ontology#Issuance>" in fiction
    assert not re.search(r"<https://w3id.org/tipkg/(?:state|org|government)/", fiction)


# --- two files, one document -----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def duplicates(tmp_path_factory):
    """(result, documents) of one build of: seed 004 and a byte-for-byte copy; seeds 001 and 003 both given
    the symbol A/74/189 by their sidecars; and a document without a symbol and its copy under another name."""
    root = tmp_path_factory.mktemp("duplicates")
    documents = copy_seeds(root / "documents", GOOD, "001", "003")
    (documents / "E_RES_2021_25 (copy).txt").write_bytes(seed_path(GOOD).read_bytes())
    for number in ("001", "003"):
        (documents / seed_path(number).name).with_suffix(".yaml").write_text("symbol: A/74/189\n")
    (documents / "prose.txt").write_text(PROSE)
    (documents / "prose-again.txt").write_text(PROSE)
    return build(documents, root / "store"), documents


def test_duplicates_leave_one_document_each(duplicates):
    result, _ = duplicates
    assert result.returncode == 0, result.stderr
    assert "Built 3 documents" in result.stdout


def test_second_copy_of_a_document_is_skipped_as_the_same_symbol(duplicates):
    first, second = sorted(["E_RES_2021_25 (copy).txt", seed_path(GOOD).name])
    assert skipped_in(duplicates[0].stdout)[second] == f"same symbol E/RES/2021/25 as {first}"


def test_two_documents_given_one_symbol_by_their_sidecars_keep_the_first(duplicates):
    first, second = sorted([seed_path("001").name, seed_path("003").name])
    assert skipped_in(duplicates[0].stdout)[second] == f"same symbol A/74/189 as {first}"


def test_two_identical_files_without_a_symbol_are_built_once(duplicates):
    assert skipped_in(duplicates[0].stdout)["prose.txt"] == "same content as prose-again.txt"


def test_renamed_document_without_a_symbol_takes_its_new_name(tmp_path):
    documents = copy_seeds(tmp_path / "documents", "001")
    store = tmp_path / "store"
    assert build(documents, store).returncode == 0
    (documents / seed_path("001").name).rename(documents / "sg-report-2019.txt")
    result = build(documents, store)
    assert result.returncode == 0, result.stderr
    assert graphs_in(store) == {"<https://w3id.org/tipkg/graph/sg-report-2019>"}


# --- --strict and the previous store ---------------------------------------------------------------------

def store_state(store: Path) -> tuple[Path, list[str], bytes]:
    """Where `current` points, the data folders beside it and the dump it serves."""
    current = (store / "current").resolve()
    return current, sorted(p.name for p in store.glob("data-*")), (current / "dumps" / "tipkg.nq").read_bytes()


def test_strict_build_with_one_bad_document_fails_and_keeps_the_previous_store(tmp_path):
    documents = with_good_document(tmp_path)
    store = tmp_path / "store"
    assert build(documents, store).returncode == 0
    before, rows = store_state(store), query_json(store, "resolutions-cited")
    assert rows

    copy_seeds(documents, "001")
    (documents / "broken.txt").write_bytes(b"\x00\x01\x02" * 100)
    result = build(documents, store, "--strict")
    assert result.returncode != 0
    assert "broken.txt" in result.stderr and "binary" in result.stderr
    assert store_state(store) == before
    assert query_json(store, "resolutions-cited") == rows
    # the same folder without --strict builds, skipping the bad document
    lenient = build(documents, store)
    assert lenient.returncode == 0 and list(skipped_in(lenient.stdout)) == ["broken.txt"]


def test_strict_build_into_a_new_store_writes_no_graph(tmp_path):
    documents = with_good_document(tmp_path)
    (documents / "empty.txt").write_bytes(b"")
    store = tmp_path / "store"
    result = build(documents, store, "--strict")
    assert result.returncode != 0
    assert "empty.txt" in result.stderr
    assert not (store / "current").exists() and not list(store.glob("data-*"))
    stats = run_tipkg("stats", "--store", store)
    assert stats.returncode != 0 and "tipkg build" in stats.stderr


# --- a fault of tipkg itself on one document ---------------------------------------------------------------

# loaded by the `tipkg` subprocess at start-up: extraction fails on one document, as a bug tripped by an odd
# text would
FAULT = """
import tipkg.extract

_extract = tipkg.extract.Extractor.__call__


def _faulty(self, document):
    if "FAULT-INJECTED" in document.text:
        raise IndexError("injected by the test")
    return _extract(self, document)


tipkg.extract.Extractor.__call__ = _faulty
"""


def build_with_fault(tmp_path: Path, documents: Path, store: Path, *flags: str):
    fault = tmp_path / "fault"
    fault.mkdir(exist_ok=True)
    (fault / "sitecustomize.py").write_text(FAULT)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(fault), os.environ.get("PYTHONPATH")]))}
    result = subprocess.run(tipkg_command() + ["build", "--documents", str(documents), "--store", str(store), *flags],
                            capture_output=True, text=True, env=env, timeout=300)
    assert_no_traceback(result)
    return result


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_fault_in_extraction_of_one_document_skips_it_and_builds_the_others(tmp_path, jobs):
    documents = with_good_document(tmp_path)
    for n in range(8 if jobs == "2" else 1):  # 9 documents or more take the worker pool
        (documents / f"odd-{n}.txt").write_text(f"1. A paragraph that trips a bug: FAULT-INJECTED {n}.\n")
    result = build_with_fault(tmp_path, documents, tmp_path / "store", "--jobs", jobs)
    assert result.returncode == 0, result.stderr
    assert "Built 1 document" in result.stdout
    reason = skipped_in(result.stdout)["odd-0.txt"]
    assert "IndexError: injected by the test" in reason and "fault in tipkg" in reason


def test_fault_in_extraction_fails_a_strict_build_naming_the_document(tmp_path):
    documents = with_good_document(tmp_path)
    (documents / "odd.txt").write_text("1. A paragraph that trips a bug: FAULT-INJECTED.\n")
    result = build_with_fault(tmp_path, documents, tmp_path / "store", "--strict")
    assert result.returncode != 0
    assert "odd.txt" in result.stderr and "IndexError" in result.stderr
    assert not (tmp_path / "store" / "current").exists()


# --- the command itself ----------------------------------------------------------------------------------

def test_folder_of_only_bad_documents_fails_naming_each(tmp_path):
    documents = tmp_path / "documents"
    documents.mkdir()
    (documents / "empty.txt").write_bytes(b"")
    (documents / "binary.txt").write_bytes(bytes(range(256)) * 10)
    result = build(documents, tmp_path / "store")
    assert result.returncode != 0
    assert "empty.txt" in result.stderr and "binary.txt" in result.stderr


def test_missing_documents_folder_fails_naming_it(tmp_path):
    result = build(tmp_path / "no-such-folder", tmp_path / "store")
    assert result.returncode != 0
    assert "no-such-folder" in result.stderr


def test_store_path_that_is_a_file_fails_naming_it(tmp_path):
    documents = with_good_document(tmp_path)
    (tmp_path / "store.txt").write_text("not a folder")
    result = build(documents, tmp_path / "store.txt")
    assert result.returncode != 0
    assert "store.txt" in result.stderr
