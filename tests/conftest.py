"""Shared fixtures of the test suite: where the seeds and the corpus are, the seeds ingested once per
session, the mention finder, the `tipkg` command, and one build of the three seeds that read-only
end-to-end tests share.

The repository sits beside ../shared (seeds, corpus, gold questions); tests that need it skip when it is
absent, except under CI=true, where a missing ../shared stops the run and any skipped test counts as failed.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tipkg.extract.mentions import MentionFinder
from tipkg.ingest import ingest
from tipkg.model import Document, Mention
from tipkg.reference import gazetteer

REPO = Path(__file__).resolve().parents[1]
# The data beside the repository: ../shared by default, or wherever TIPKG_SHARED says (README, "Set-up").
SHARED = Path(os.environ.get("TIPKG_SHARED") or Path(__file__).resolve().parents[1].parent / "shared").resolve()
SEEDS = SHARED / "seeds"
CORPUS = SHARED / "corpus"
CORPUS_TEXTS = CORPUS / "unga"
CORPUS_PDFS = CORPUS / "pdf"
QUERIES = REPO / "queries"

# In CI (CI=true) nothing may be skipped for want of data or tools: a green run must mean every test ran.
IN_CI = os.environ.get("CI", "").lower() in ("true", "1", "yes")


DATA_FOLDERS = ("seeds", "corpus/unga", "corpus/unhk", "dev", "gold")


def missing_data() -> list[str]:
    return [f for f in DATA_FOLDERS if not (SHARED / f).is_dir()]


def pytest_sessionstart(session) -> None:
    if IN_CI and missing_data():
        raise pytest.UsageError(f"CI=true but the data the tests read is missing: {SHARED} has no "
                                f"{', '.join(missing_data())} (clone the repository beside its shared/ folder, or set "
                                "TIPKG_SHARED to the folder that holds them)")


def pytest_report_header(config) -> str:
    missing = missing_data()
    if not missing:
        return f"tipkg data: {SHARED}"
    return (f"tipkg data: {SHARED} lacks {', '.join(missing)}: the tests that read them are skipped (under CI=true "
            "they fail). Put the data there, or set TIPKG_SHARED to the folder that holds seeds/, corpus/, dev/ and gold/.")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Under CI a skipped test is a failure: it would otherwise pass for green without having run."""
    outcome = yield
    report = outcome.get_result()
    if IN_CI and report.skipped and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
        report.outcome = "failed"
        report.longrepr = f"skipped under CI=true, where every test must run: {reason}"


needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason=f"no seeds at {SEEDS}")
needs_corpus = pytest.mark.skipif(not CORPUS_TEXTS.is_dir(), reason=f"no corpus at {CORPUS_TEXTS}")


def seed_path(number: str) -> Path:
    """A seed by its number: "001" (2019 report of the Secretary-General on trafficking), "003" (2022 UNODC
    report to the Conference of the Parties), "004" (ECOSOC resolution 2021/25)."""
    found = sorted(SEEDS.glob(f"{number}_*.txt"))
    if not found:
        pytest.skip(f"no seed {number} in {SEEDS}")
    return found[0]


def corpus_files() -> list[Path]:
    return sorted(CORPUS_TEXTS.glob("*.txt")) if CORPUS_TEXTS.is_dir() else []


def corpus_sample(n: int = 40) -> list[Path]:
    """About n files spread evenly over the sorted corpus: every kind of symbol (A/80/L., A/C.1-6, A/RES/78-80)."""
    files = corpus_files()
    return files[:: max(1, len(files) // n)] if files else []


# --- the seeds, ingested once -------------------------------------------------------------------

@pytest.fixture(scope="session")
def report_2019() -> Document:
    """Seed 001: Improving the coordination of efforts against trafficking in persons, report of the
    Secretary-General, 18 June 2019."""
    return ingest(seed_path("001"))


@pytest.fixture(scope="session")
def cop_report_2022() -> Document:
    """Seed 003: activities of UNODC on the Trafficking in Persons Protocol, report to the Conference of the
    Parties, 22 July 2022."""
    return ingest(seed_path("003"))


@pytest.fixture(scope="session")
def ecosoc_2021_25() -> Document:
    """Seed 004: Economic and Social Council resolution 2021/25."""
    return ingest(seed_path("004"))


@pytest.fixture(scope="session")
def seeds(report_2019, cop_report_2022, ecosoc_2021_25) -> dict[str, Document]:
    return {"001": report_2019, "003": cop_report_2022, "004": ecosoc_2021_25}


# --- mentions -------------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def finder() -> MentionFinder:
    return MentionFinder(gazetteer())


@pytest.fixture(scope="session")
def seed_mentions(finder, seeds) -> dict[str, dict[str, list[Mention]]]:
    """The mentions of each seed, by paragraph key."""
    out: dict[str, dict[str, list[Mention]]] = {}
    for number, document in seeds.items():
        by_paragraph: dict[str, list[Mention]] = {}
        for m in finder.find(document):
            by_paragraph.setdefault(m.paragraph, []).append(m)
        out[number] = by_paragraph
    return out


# --- the command ----------------------------------------------------------------------------------

def tipkg_command() -> list[str]:
    """The installed `tipkg` console script of the interpreter running the tests."""
    script = Path(sys.executable).parent / "tipkg"
    if script.exists():
        return [str(script)]
    found = shutil.which("tipkg")
    return [found] if found else [sys.executable, "-m", "tipkg.cli"]


def run_tipkg(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(tipkg_command() + [str(a) for a in args], capture_output=True, text=True,
                          cwd=cwd or REPO, timeout=300)


def query_json(store: Path, name: str, *params: str) -> list[dict]:
    args = ["query", name, "--store", store, "--format", "json"]
    for p in params:
        args += ["--param", p]
    result = run_tipkg(*args)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def copy_seeds(folder: Path, *numbers: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for number in numbers:
        shutil.copy(seed_path(number), folder)
    return folder


def build_files(folder: Path, *files: Path) -> tuple[Path, subprocess.CompletedProcess]:
    """The files copied into folder/documents and built by `tipkg build` into folder/store, which must succeed:
    the store and the build's output."""
    documents = folder / "documents"
    documents.mkdir(parents=True, exist_ok=True)
    for f in files:
        shutil.copy(f, documents)
    store = folder / "store"
    result = run_tipkg("build", "--documents", documents, "--store", store)
    assert result.returncode == 0, result.stderr
    return store, result


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory) -> Path:
    """One build of the three seeds (no sidecars), shared by the tests that only read the store."""
    root = tmp_path_factory.mktemp("seed-build")
    documents = copy_seeds(root / "documents", "001", "003", "004")
    store = root / "store"
    result = run_tipkg("build", "--documents", documents, "--store", store)
    assert result.returncode == 0, result.stderr
    return store


@pytest.fixture(scope="session")
def corpus_store(tmp_path_factory) -> Path:
    """One build of the whole GA corpus (../shared/corpus/unga, 1,155 documents: a quarter of an hour on two
    busy cores), shared by the slow tests that read it. TIPKG_TEST_CORPUS_STORE names a store already built
    from that corpus to reuse instead."""
    reuse = os.environ.get("TIPKG_TEST_CORPUS_STORE")
    if reuse:
        return Path(reuse)
    if not CORPUS_TEXTS.is_dir():
        pytest.skip(f"no corpus at {CORPUS_TEXTS}")
    store = tmp_path_factory.mktemp("corpus-build") / "store"
    result = subprocess.run(tipkg_command() + ["build", "--documents", str(CORPUS_TEXTS), "--store", str(store)],
                            capture_output=True, text=True, cwd=REPO, timeout=3600)
    assert result.returncode == 0, result.stderr[-3000:]
    return store


# --- a real browser -------------------------------------------------------------------------------

ARTIFACTS = REPO / "test-artifacts"


def start_chromium(*flags: str, capabilities: dict | None = None):
    """Headless Debian Chromium driven by Selenium through Debian's ChromeDriver (installed by `make test`),
    with the flags and capabilities a test adds to the usual ones."""
    webdriver = pytest.importorskip("selenium.webdriver")
    chromium, driver = shutil.which("chromium"), shutil.which("chromedriver")
    if not chromium or not driver:
        pytest.skip("no chromium/chromedriver: `make test` installs them (scripts/install-system-deps)")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                 "--no-first-run", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--window-size=1280,900", *flags):
        options.add_argument(flag)
    for name, value in (capabilities or {}).items():
        options.set_capability(name, value)
    drv = webdriver.Chrome(service=Service(driver), options=options)
    drv.set_page_load_timeout(30)
    ARTIFACTS.mkdir(exist_ok=True)
    return drv


@pytest.fixture(scope="session")
def browser():
    """Chromium for the tests of pages (start_chromium). Screenshots go to test-artifacts/."""
    drv = start_chromium()
    yield drv
    drv.quit()
