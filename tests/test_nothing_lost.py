"""Nothing lost (issue 9): a build writes its new store aside and swaps it in only when it succeeded, so a build
killed at any point (SIGKILL to its whole process group, workers and all) leaves the previous store readable and
queryable with the same rows; the next build succeeds and clears what the killed one left half-written; and the
same documents always give the same canonical dump, byte for byte, whatever the store, the number of worker
processes or the cache.

The killed builds run about 60 corpus documents, so that there is time to kill them in the middle: once they
report progress (while processing documents), once their new data folder appears (while writing the store).
"""
from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

from conftest import copy_seeds, corpus_sample, needs_corpus, needs_seeds, query_json, run_tipkg, tipkg_command

pytestmark = [needs_seeds, needs_corpus]

PROGRESS = re.compile(r"^\[(\d+)/(\d+)\] documents processed$")


def dump_of(store: Path) -> bytes:
    return (store / "current" / "dumps" / "tipkg.nq").read_bytes()


def store_state(store: Path) -> tuple[Path, bytes]:
    """Where `current` points and the dump it serves."""
    return (store / "current").resolve(), dump_of(store)


@pytest.fixture(scope="module")
def corpus60(tmp_path_factory) -> Path:
    """60 corpus documents spread over the whole corpus (drafts, Committee reports, resolutions)."""
    folder = tmp_path_factory.mktemp("corpus60") / "documents"
    folder.mkdir()
    for path in corpus_sample(60)[:60]:
        shutil.copy(path, folder)
    assert len(list(folder.iterdir())) == 60
    return folder


@pytest.fixture(scope="module")
def reference(corpus60, tmp_path_factory) -> bytes:
    """The dump of a clean build of the 60 documents, in a store of its own, with two worker processes."""
    store = tmp_path_factory.mktemp("reference") / "store"
    result = run_tipkg("build", "--documents", corpus60, "--store", store, "--jobs", "2")
    assert result.returncode == 0, result.stderr
    assert "Built 60 documents" in result.stdout
    return dump_of(store)


@pytest.fixture(scope="module")
def seed_store_template(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("previous")
    store = root / "store"
    result = run_tipkg("build", "--documents", copy_seeds(root / "documents", "004"), "--store", store)
    assert result.returncode == 0, result.stderr
    return store


@pytest.fixture
def previous(seed_store_template, tmp_path) -> tuple[Path, tuple[Path, bytes], list[dict]]:
    """(store, its state, the rows of resolutions-cited) of a store holding a build of seed 004, the previous
    graph the killed builds must not lose."""
    store = tmp_path / "store"
    shutil.copytree(seed_store_template, store, symlinks=True)
    rows = query_json(store, "resolutions-cited")
    assert rows
    return store, store_state(store), rows


def start_build(documents: Path, store: Path, *flags: str) -> subprocess.Popen:
    """`tipkg build` in a session of its own, so that its process group (it and its workers) can be killed."""
    return subprocess.Popen(tipkg_command() + ["build", "--documents", str(documents), "--store", str(store), *flags],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True)


def kill_group(process: subprocess.Popen) -> None:
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    if process.stderr:
        process.stderr.close()


def wait_for_progress(process: subprocess.Popen) -> tuple[int, int]:
    """Reads the build's progress until it reports its first documents processed: (done, total)."""
    for line in process.stderr:
        m = PROGRESS.match(line.strip())
        if m:
            return int(m[1]), int(m[2])
    pytest.fail(f"the build ended (exit {process.wait()}) without reporting progress")


def assert_previous_store_intact(store: Path, state: tuple[Path, bytes], rows: list[dict]) -> None:
    assert store_state(store) == state
    assert query_json(store, "resolutions-cited") == rows
    stats = run_tipkg("stats", "--store", store)
    assert stats.returncode == 0, stats.stderr
    assert re.search(r"^documents\s+1$", stats.stdout, re.M)


def assert_next_build_succeeds_and_leaves_nothing_stale(documents: Path, store: Path, reference: bytes) -> None:
    result = run_tipkg("build", "--documents", documents, "--store", store)
    assert result.returncode == 0, result.stderr
    assert "Built 60 documents" in result.stdout
    assert dump_of(store) == reference
    assert [p.name for p in store.glob("data-*")] == [(store / "current").resolve().name]
    assert not [p.name for p in (store / "cache").iterdir() if ".tmp" in p.name]


def test_build_killed_while_processing_documents_leaves_the_previous_store_queryable(corpus60, reference, previous):
    store, state, rows = previous
    build = start_build(corpus60, store)
    done, total = wait_for_progress(build)
    kill_group(build)
    assert build.returncode == -signal.SIGKILL
    assert done < total == 60
    assert_previous_store_intact(store, state, rows)
    assert_next_build_succeeds_and_leaves_nothing_stale(corpus60, store, reference)


def test_build_killed_while_writing_its_store_leaves_the_previous_store_queryable(corpus60, reference, previous):
    store, state, rows = previous
    current = state[0]
    build = start_build(corpus60, store)
    half_written: list[Path] = []
    while build.poll() is None and not half_written:
        half_written = [d for d in store.glob("data-*") if d != current]
        time.sleep(0.002)
    kill_group(build)
    assert build.returncode == -signal.SIGKILL, "the build finished before it could be killed while writing"
    assert half_written and half_written[0].is_dir()
    assert_previous_store_intact(store, state, rows)
    assert_next_build_succeeds_and_leaves_nothing_stale(corpus60, store, reference)
    assert not half_written[0].exists()


def test_worker_killed_mid_build_fails_the_build_cleanly_and_keeps_the_previous_store(corpus60, previous):
    store, state, rows = previous
    build = start_build(corpus60, store, "--jobs", "2")
    wait_for_progress(build)
    workers = Path(f"/proc/{build.pid}/task/{build.pid}/children").read_text().split()
    if not workers:
        kill_group(build)
        pytest.fail("the build had no worker process left to kill")
    os.kill(int(workers[0]), signal.SIGKILL)  # as the kernel's out-of-memory killer would
    stderr = build.stderr.read()
    build.wait()
    build.stderr.close()
    assert build.returncode == 1
    assert "Traceback" not in stderr
    assert "worker process died" in stderr
    assert_previous_store_intact(store, state, rows)


def test_two_builds_of_the_same_documents_give_byte_identical_dumps_whatever_the_workers_and_cache(
        corpus60, tmp_path):
    documents = tmp_path / "documents"
    documents.mkdir()
    for path in sorted(corpus60.iterdir())[::4]:  # 15 documents: enough for the worker pool (8 or more)
        shutil.copy(path, documents)
    serial, pooled = tmp_path / "serial", tmp_path / "pooled"
    for store, jobs in ((serial, "1"), (pooled, "2")):
        result = run_tipkg("build", "--documents", documents, "--store", store, "--jobs", jobs)
        assert result.returncode == 0, result.stderr
        assert "Built 15 documents" in result.stdout
    assert dump_of(serial) == dump_of(pooled)
    again = run_tipkg("build", "--documents", documents, "--store", serial)
    assert again.returncode == 0, again.stderr
    assert "15 documents unchanged since the last build were taken from the cache" in again.stdout
    assert dump_of(serial) == dump_of(pooled)
