"""`tipkg build --cluster`: the per-document stages on a real Dask cluster (a `dask scheduler` and two
`dask worker` processes on loopback, started here), through the command. The cluster build must write the same
dumps, byte for byte, as the local build of the same documents, also when a worker is killed mid-build."""
from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from conftest import SEEDS, corpus_sample, needs_corpus, needs_seeds, run_tipkg, tipkg_command

distributed = pytest.importorskip("distributed", reason="pip install 'tipkg[cluster]' (the test extra has it)")

pytestmark = [needs_seeds, needs_corpus]

DASK = [sys.executable, "-m", "dask"]
SRC = Path(__file__).resolve().parents[1] / "src"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _environment() -> dict[str, str]:
    # the workers import the tipkg under test (the same code: the build checks its fingerprint)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(SRC), env.get("PYTHONPATH")]))
    env.pop("TIPKG_CLUSTER", None)
    return env


class LoopbackCluster:
    def __init__(self, workers: int, logs: Path):
        self.port = free_port()
        self.address = f"tcp://127.0.0.1:{self.port}"
        self.processes: list[subprocess.Popen] = []
        self.logs = logs
        self.scheduler = self._start("scheduler", "scheduler", "--host", "127.0.0.1", "--port", str(self.port),
                                     "--no-dashboard")
        self._wait_for_port(30)
        self.workers = [self._start(f"worker{i}", "worker", self.address, "--nworkers", "1", "--nthreads", "1",
                                    "--no-dashboard", "--host", "127.0.0.1") for i in range(workers)]
        with distributed.Client(self.address, timeout=30) as client:
            client.wait_for_workers(workers, timeout=120)

    def _start(self, name: str, *args: str) -> subprocess.Popen:
        log = open(self.logs / f"{name}.log", "wb")
        # a session of its own: the worker's nanny and its worker process are killed together
        process = subprocess.Popen(DASK + list(args), stdout=log, stderr=subprocess.STDOUT, env=_environment(),
                                   start_new_session=True)
        log.close()
        self.processes.append(process)
        return process

    def _wait_for_port(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                assert self.scheduler.poll() is None, (self.logs / "scheduler.log").read_text()
                time.sleep(0.2)
        raise AssertionError(f"the scheduler did not listen on {self.port} within {timeout} s")

    @staticmethod
    def kill(process: subprocess.Popen, sig: int = signal.SIGKILL) -> None:
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            pass

    def close(self) -> None:
        for process in reversed(self.processes):
            self.kill(process, signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.kill(process)
                process.wait(timeout=15)


@pytest.fixture
def cluster(tmp_path):
    started = LoopbackCluster(2, tmp_path)
    yield started
    started.close()


@pytest.fixture(scope="module")
def local_build(tmp_path_factory) -> tuple[Path, Path]:
    """60 documents (the three seeds and 57 GA texts spread over the corpus) built by the local pool."""
    root = tmp_path_factory.mktemp("cluster")
    documents = root / "documents"
    documents.mkdir()
    for path in sorted(SEEDS.glob("*.txt")) + corpus_sample(57)[:57]:
        shutil.copy(path, documents)
    assert len(list(documents.iterdir())) == 60
    result = run_tipkg("build", "--documents", documents, "--store", root / "local")
    assert result.returncode == 0, result.stderr
    return documents, root / "local" / "current"


def documents_of(data: Path) -> list[tuple]:
    report = json.loads((data / "reports" / "build.json").read_text())
    return [(d["path"], d["status"], d["document_id"], d["reason"]) for d in report["documents"]]


def assert_same_build(cluster_data: Path, local_data: Path) -> None:
    for dump in ("tipkg.nq", "tipkg.ttl"):
        assert (cluster_data / "dumps" / dump).read_bytes() == (local_data / "dumps" / dump).read_bytes(), dump
    listed = documents_of(cluster_data)
    assert listed == documents_of(local_data)
    assert len({path for path, *_ in listed}) == len(listed) == 60  # each document once


def test_a_cluster_build_writes_the_dumps_of_a_local_build(cluster, local_build, tmp_path):
    documents, local = local_build
    store, cache = tmp_path / "store", tmp_path / "shared-cache"
    result = run_tipkg("build", "--documents", documents, "--store", store, "--cluster", cluster.address,
                       "--cache", cache)
    assert result.returncode == 0, result.stderr
    assert_same_build(store / "current", local)
    # one graph per document in the cache the workers share (each beside its part of the entities graph)
    graphs = [p for p in cache.glob("*.nq") if not p.name.endswith(".entities.nq")]
    assert len(graphs) == len(list(cache.glob("*.entities.nq"))) == \
        len({d for _, s, d, _ in documents_of(local) if s == "built"})
    # the workers' statistical profiler was stopped (it slows the graph and validate stages down over time)
    with distributed.Client(cluster.address, timeout=30) as client:
        profiling = client.run(lambda dask_worker: "profile" in dask_worker.periodic_callbacks)
    assert len(profiling) == 2 and not any(profiling.values())
    # the workers did the work: the client's own process pool was never started, and a second build finds
    # everything in the cache the workers wrote
    again = run_tipkg("build", "--documents", documents, "--store", store, "--cluster", cluster.address,
                      "--cache", cache)
    assert again.returncode == 0, again.stderr
    assert all(d["cached"] for d in json.loads((store / "current" / "reports" / "build.json").read_text())["documents"]
               if d["status"] == "built")


def test_a_worker_killed_mid_build_loses_and_duplicates_no_document(cluster, local_build, tmp_path):
    documents, local = local_build
    store = tmp_path / "store"
    out = open(tmp_path / "build.out", "wb")
    build = subprocess.Popen(tipkg_command() + ["build", "--documents", str(documents), "--store", str(store),
                                                "--cluster", cluster.address],
                             stdout=out, stderr=subprocess.PIPE, text=True, env=_environment())
    watchdog = threading.Timer(600, build.kill)
    watchdog.start()
    try:
        stderr = []
        for line in build.stderr:  # "[6/60] documents processed": the first results are in, the rest running
            stderr.append(line)
            if "documents processed" in line:
                break
        assert build.poll() is None, "".join(stderr)
        cluster.kill(cluster.workers[0])
        cluster.workers[0].wait(timeout=30)
        stderr += build.stderr.readlines()
        assert build.wait(timeout=600) == 0, "".join(stderr)
    finally:
        watchdog.cancel()
        build.kill()
        out.close()
    assert "Traceback" not in "".join(stderr)
    assert_same_build(store / "current", local)


def test_an_unreachable_scheduler_is_one_clear_line(tmp_path):
    documents = tmp_path / "documents"
    documents.mkdir()
    shutil.copy(sorted(SEEDS.glob("*.txt"))[0], documents)
    env = {**_environment(), "TIPKG_CLUSTER": f"tcp://127.0.0.1:{free_port()}"}  # nothing listens there
    result = subprocess.run(tipkg_command() + ["build", "--documents", str(documents), "--store",
                                               str(tmp_path / "store")],
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 1
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "store" / "current").exists()


def test_a_malformed_address_is_one_clear_line(tmp_path):
    documents = tmp_path / "documents"
    documents.mkdir()
    shutil.copy(sorted(SEEDS.glob("*.txt"))[0], documents)
    result = run_tipkg("build", "--documents", documents, "--store", tmp_path / "store", "--cluster", "scheduler")
    assert result.returncode == 1
    assert "not a Dask scheduler address: scheduler" in result.stderr
    assert "Traceback" not in result.stderr
