"""The cost per document of `tipkg build` on the local pool against a Dask cluster on loopback (a scheduler and
two one-thread workers on this machine), back to back on the same corpus, each cold (a fresh store and cache;
a fresh cluster for each cluster build, as the pool is fresh for each local build); and the rate at which
Oxigraph loads the build's N-Quads dump. Writes JSON (and checks the bar: the cluster's cost per document at
most 1.3x the local pool's); benchmarks/SCALE.md reads its figures from it.

    python benchmarks/scale.py --sizes 100,all --out benchmarks/scale.json [--scratch DIR] [--rounds N]
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
from corpora import prepare  # noqa: E402

SEEDS = REPO.parent / "shared" / "seeds"
CORPUS = REPO.parent / "shared" / "corpus" / "unga"


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO / "src"), env.get("PYTHONPATH")]))
    env.pop("TIPKG_CLUSTER", None)
    return env


class Cluster:
    """`dask scheduler` and two `dask worker --nthreads 1` on 127.0.0.1, in this process's session: with Linux's
    sched_autogroup, processes of a session of their own would get a CPU share of their own on a loaded machine,
    and the cluster would seem faster than the pool for that alone."""

    def __init__(self, logs: Path, workers: int = 2):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        self.address = f"tcp://127.0.0.1:{port}"
        dask = [sys.executable, "-m", "dask"]
        self.processes = [subprocess.Popen(dask + ["scheduler", "--host", "127.0.0.1", "--port", str(port),
                                                   "--no-dashboard"], stdout=open(logs / "scheduler.log", "wb"),
                                           stderr=subprocess.STDOUT, env=_env())]
        time.sleep(2)
        self.processes += [subprocess.Popen(dask + ["worker", self.address, "--nworkers", "1", "--nthreads", "1",
                                                    "--no-dashboard", "--host", "127.0.0.1"],
                                            stdout=open(logs / f"worker{i}.log", "wb"), stderr=subprocess.STDOUT,
                                            env=_env()) for i in range(workers)]
        from distributed import Client
        with Client(self.address, timeout=60) as client:
            client.wait_for_workers(workers, timeout=180)

    def cpu_seconds(self) -> float:
        """CPU time so far of the scheduler, the workers' nannies and the worker processes they started."""
        return sum(_tree_cpu(p.pid) for p in self.processes)

    def close(self) -> None:
        for p in reversed(self.processes):
            p.terminate()  # a worker's nanny ends its worker process
        for p in self.processes:
            try:
                p.wait(timeout=20)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()


def _tree_cpu(pid: int) -> float:
    """user + system CPU seconds of a process and its descendants (from /proc)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            children.setdefault(int(fields[1]), []).append(int(entry.name))
    total, todo = 0.0, [pid]
    while todo:
        current = todo.pop()
        try:
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except OSError:
            pass
        todo += children.get(current, [])
    return total


def timed_build(documents: Path, store: Path, report: Path, *extra: str) -> dict:
    if store.exists():
        shutil.rmtree(store)
    started = time.perf_counter()
    subprocess.run([sys.executable, str(HERE / "timed_build.py"), str(report), "build", "--documents",
                    str(documents), "--store", str(store), *extra], check=True, env=_env(),
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=7200)
    wall = time.perf_counter() - started
    result = json.loads(report.read_text())
    seconds = result["seconds"]
    processing = seconds["total"] - seconds["load"]  # everything before the store stage: the pool or the cluster
    return {"wall_s": wall, "processing_s": processing, "store_stage_s": seconds["load"],
            "answers_s": seconds.get("answers", 0.0), "documents": result["documents"],
            "processed": result["processed"], "triples": result["triples"],
            "ms_per_document": 1000 * processing / result["processed"],
            "cpu_client_s": result["cpu_main_s"], "cpu_pool_s": result["cpu_workers_s"],
            "stage_cpu_s": {k: seconds[k] for k in ("ingest", "extract", "graph", "validate")}}


def oxigraph_load(nquads: Path, scratch: Path) -> dict:
    """A fresh Oxigraph store bulk-loading the dump: the load alone, without the union validation and answers."""
    import pyoxigraph as ox
    folder = scratch / "load-probe"
    if folder.exists():
        shutil.rmtree(folder)
    store = ox.Store(str(folder))
    started = time.perf_counter()
    store.bulk_load(path=str(nquads), format=ox.RdfFormat.N_QUADS)
    store.flush()
    seconds = time.perf_counter() - started
    quads = len(store)
    del store
    shutil.rmtree(folder)
    return {"quads": quads, "seconds": seconds, "quads_per_s": quads / seconds,
            "bytes": nquads.stat().st_size}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="100")
    ap.add_argument("--rounds", type=int, default=1, help="local/cluster pairs per size (alternating order)")
    ap.add_argument("--out", type=Path, default=HERE / "scale.json")
    ap.add_argument("--scratch", type=Path)
    args = ap.parse_args(argv)
    scratch = args.scratch or Path(tempfile.mkdtemp(prefix="tipkg-scale-"))
    scratch.mkdir(parents=True, exist_ok=True)
    out = {"machine": {"cpus": os.cpu_count(), "loadavg_start": os.getloadavg()}, "sizes": {}}
    for size in args.sizes.split(","):
        corpus = prepare(size, SEEDS, CORPUS, scratch)
        runs = []
        for r in range(args.rounds):
            order = ("local", "cluster") if r % 2 == 0 else ("cluster", "local")
            pair = {}
            for mode in order:
                store, report = scratch / f"store-{size}-{mode}", scratch / f"report-{size}-{mode}.json"
                if mode == "local":
                    pair[mode] = timed_build(corpus.folder, store, report, "--jobs", "2")
                else:
                    cluster = Cluster(scratch)
                    try:
                        before = cluster.cpu_seconds()
                        pair[mode] = timed_build(corpus.folder, store, report, "--cluster", cluster.address)
                        pair[mode]["cpu_cluster_s"] = cluster.cpu_seconds() - before
                    finally:
                        cluster.close()
                # CPU per document: the client's and what worked for it (the pool, or the scheduler and workers);
                # the client's CPU includes the store stage, the same in both
                run = pair[mode]
                run["cpu_ms_per_document"] = 1000 * (run["cpu_client_s"] + run["cpu_pool_s"]
                                                     + run.get("cpu_cluster_s", 0.0)) / run["processed"]
                pair[mode]["loadavg"] = os.getloadavg()
                print(size, mode, json.dumps(pair[mode]), flush=True)
            same = all((scratch / f"store-{size}-local" / "current" / "dumps" / d).read_bytes()
                       == (scratch / f"store-{size}-cluster" / "current" / "dumps" / d).read_bytes()
                       for d in ("tipkg.nq", "tipkg.ttl"))
            pair["ratio_cluster_to_local"] = pair["cluster"]["ms_per_document"] / pair["local"]["ms_per_document"]
            pair["cpu_ratio_cluster_to_local"] = (pair["cluster"]["cpu_ms_per_document"]
                                                  / pair["local"]["cpu_ms_per_document"])
            pair["same_dumps"] = same
            runs.append(pair)
        load = oxigraph_load(scratch / f"store-{size}-local" / "current" / "dumps" / "tipkg.nq", scratch)
        out["sizes"][size] = {"documents": len(corpus.documents), "runs": runs, "oxigraph_bulk_load": load}
        print(size, "load", json.dumps(load), flush=True)
        args.out.write_text(json.dumps(out, indent=1))
    out["machine"]["loadavg_end"] = os.getloadavg()
    # the bar: on the same cores, the cluster's cost per document is at most 1.3x the local pool's
    ratios = [pair["ratio_cluster_to_local"] for size in out["sizes"].values() for pair in size["runs"]]
    out["bar"] = {"target": "cluster cost per document <= 1.3x the local pool's (2 loopback workers vs --jobs 2)",
                  "measured": max(ratios), "passed": max(ratios) <= 1.3}
    print("bar:", json.dumps(out["bar"]))
    args.out.write_text(json.dumps(out, indent=1))
    if not args.scratch:
        shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
