"""tipkg's benchmarks (`make bench`): build, query, endpoint, validation, export and publish on corpora of the
seeds plus 10, 100 and all 1,155 General Assembly documents, with the baselines (rdflib's in-memory store,
pySHACL over the whole graph, a single-process build) measured in the same run; then the builds and the canned
queries on both corpora together (`both`: the seeds, the General Assembly corpus and ../shared/corpus/unhk, 4,200
files). Writes RESULTS.md and results.json into --out.

    python benchmarks/run.py [--sizes seeds,10,100,all,both] [--quick] [--out benchmarks/]

Every tipkg command runs as a child process, as a user runs it; the canned queries run in this process on the
embedded store, as `tipkg query` runs them.
"""
from __future__ import annotations

import argparse
import hashlib
import importlib.metadata
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SHARED = REPO.parent / "shared"
sys.path.insert(0, str(HERE))

from builds import build_series  # noqa: E402
from corpora import prepare  # noqa: E402
from endpoint_load import endpoint_load  # noqa: E402
from exports import export_and_publish  # noqa: E402
from query_latency import PARAMETERS, compare, rdflib_latency, store_latency  # noqa: E402
from results import write  # noqa: E402
from shacl_baseline import project_validation, whole_graph_validation  # noqa: E402

LIBRARIES = ("tipkg", "pyoxigraph", "rdflib", "pyshacl", "starlette", "uvicorn", "networkx")


def machine() -> dict:
    meminfo = dict(line.split(":", 1) for line in Path("/proc/meminfo").read_text().splitlines() if ":" in line)
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor() or "?")
    versions = {}
    for name in LIBRARIES:
        try:
            versions[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            versions[name] = "not installed"
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True,
                                check=True).stdout.strip()
        changed = subprocess.run(["git", "status", "--porcelain"], cwd=REPO, capture_output=True, text=True).stdout
        git = commit + (f" with {len(changed.splitlines())} uncommitted changes" if changed.strip() else "")
    except (OSError, subprocess.CalledProcessError):
        git = "not a git checkout"
    autogroup = Path("/proc/sys/kernel/sched_autogroup_enabled")
    return {"cores": os.cpu_count(), "usable_cores": len(os.sched_getaffinity(0)), "cpu": cpu,
            "sched_autogroup": autogroup.read_text().strip() == "1" if autogroup.exists() else None,
            "memory_gb": int(meminfo["MemTotal"].split()[0]) / 2**20, "load_at_start": list(os.getloadavg()),
            "python": platform.python_version(), "platform": platform.platform(), "versions": versions, "git": git}


def sources() -> dict[str, str]:
    """A short digest of each canned query and of the code, ontology and gazetteers, to tell whether they changed
    while the benchmark ran (figures of two sizes would then come from different versions)."""
    def digest(paths) -> str:
        h = hashlib.sha256()
        for path in sorted(paths):
            h.update(path.name.encode())
            h.update(path.read_bytes())
        return h.hexdigest()[:12]

    out = {f"queries/{p.name}": digest([p]) for p in sorted((REPO / "queries").glob("*.rq"))}
    out["src/tipkg, ontology/, data/reference/"] = digest(
        list((REPO / "src" / "tipkg").rglob("*.py")) + list((REPO / "ontology").glob("*"))
        + [p for p in (REPO / "data" / "reference").glob("*") if p.is_file()])
    return out


def changes_during_run(results: dict) -> list[str]:
    """Notes on the queries or code that changed between the start of the first corpus and the end of the last."""
    snapshots = []
    for size, entry in results["sizes"].items():
        snapshots += [(f"while the {size} corpus was measured", entry.get("sources", {})),
                      (f"after the {size} corpus was measured", entry.get("sources_end", {}))]
    notes: dict[str, str] = {}
    for (_, before), (when, after) in zip(snapshots, snapshots[1:]):
        for name, digest in after.items():
            if name in before and before[name] != digest and name not in notes:
                notes[name] = (f"{name} changed {when}: figures measured before and after come from different "
                               "versions of it")
    return list(notes.values())


def contention(results: dict) -> list[str]:
    """What the figures would be if the build's workers had had both cores: a projection, labelled as one."""
    full = results["sizes"].get("all") or {}
    cold = next((b for b in full.get("builds", []) if b["kind"] == "cold" and b["ok"]), None)
    if not cold or not cold.get("worker_cores") or cold["worker_cores"] >= 1.5:
        return []
    cores = results["machine"]["cores"]
    processing = cold["cpu_workers_s"] / cores
    return [f"the full build's pool workers were runnable {cold.get('runnable_children') or 0:.2f} at a time on "
            f"average but got {cold['worker_cores']:.2f} cores: the rest went to other processes (Linux shares the CPU "
            "between sessions first, sched_autogroup, so another session's busy process holds a core however many "
            f"workers the build runs). With all {cores} cores, processing would take about {processing:.0f} s (the "
            f"workers' {cold['cpu_workers_s']:.0f} CPU s / {cores}) and the build about "
            f"{processing + cold['load_s'] + cold['startup_s']:.0f} s: a projection, not a measurement"]


def options(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="seeds,10,100,all,both",
                    help="corpora: seeds (the three seeds alone), a number N (the seeds + N corpus documents), all "
                         "(the seeds + the whole corpus) or both (the seeds + both corpora) (default: %(default)s)")
    ap.add_argument("--quick", action="store_true", help="a smoke run: few repetitions, short limits, no publish of "
                    "large graphs, no single-process build")
    ap.add_argument("--out", default=str(HERE), help="folder for RESULTS.md and results.json (default: benchmarks/)")
    ap.add_argument("--scratch", help="folder for corpora and stores (default: a temporary folder, removed after)")
    seeds = SHARED / "seeds" if (SHARED / "seeds").is_dir() else REPO / "data" / "documents"
    ap.add_argument("--seeds", default=str(seeds), help="the seeds' folder (default: %(default)s)")
    ap.add_argument("--corpus", default=str(SHARED / "corpus" / "unga"), help="the corpus (default: %(default)s)")
    ap.add_argument("--second-corpus", default=str(SHARED / "corpus" / "unhk"),
                    help="the corpus built with it in the size both (default: %(default)s)")
    ap.add_argument("--query-repeat", type=int, help="timed runs of each canned query (default: 20; quick: 2)")
    ap.add_argument("--query-timeout", type=float, help="seconds before a canned query run on the store is stopped "
                    "(default: 20; quick: 2)")
    ap.add_argument("--rdflib-timeout", type=float, help="seconds before an rdflib query run is stopped (default: 10; "
                    "quick: 1)")
    ap.add_argument("--endpoint-seconds", type=float, help="seconds per concurrency level (default: 10; quick: 0.5)")
    ap.add_argument("--validation-limit", type=float, help="seconds before the whole-graph pySHACL run is stopped "
                    "(default: 300; quick: 10)")
    ap.add_argument("--validation-all", action="store_true", help="also run the whole-graph pySHACL baseline on the "
                    "full corpus (slow: it is stopped at --validation-limit)")
    ap.add_argument("--publish-limit", type=float, default=600, help="seconds before a publish or export is stopped")
    ap.add_argument("--render", metavar="RESULTS_JSON", help="only write RESULTS.md again from a results.json")
    args = ap.parse_args(argv)
    args.sizes = [s.strip() for s in args.sizes.split(",") if s.strip()]
    for size in args.sizes:
        if size not in ("seeds", "all", "both") and not size.isdigit():
            ap.error(f"--sizes: {size!r} is not seeds, all, both or a number")
    quick = args.quick
    args.query_repeat = args.query_repeat or (2 if quick else 20)
    args.query_timeout = args.query_timeout or (2.0 if quick else 20.0)
    args.rdflib_timeout = args.rdflib_timeout or (1.0 if quick else 10.0)
    args.endpoint_seconds = args.endpoint_seconds or (0.5 if quick else 10.0)
    args.validation_limit = args.validation_limit or (10.0 if quick else 300.0)
    return args


def baseline_size(sizes: list[str]) -> str:
    """The corpus of the single-process build: 100 documents, or the largest in the run below that."""
    if "100" in sizes:
        return "100"
    numbered = [s for s in sizes if s.isdigit() and int(s) <= 100]
    return max(numbered, key=int) if numbered else sizes[0]


def measure(size: str, args: argparse.Namespace, tipkg: Path, scratch: Path, results: dict) -> None:
    """Every measure on one corpus, into results["sizes"][size]."""
    log = lambda message: print(message, file=sys.stderr)  # noqa: E731
    notes = results["notes"]
    log(f"[{size}] preparing the corpus")
    corpus = prepare(size, Path(args.seeds), Path(args.corpus), scratch, second=Path(args.second_corpus))
    if size not in ("seeds", "all", "both") and corpus.from_corpus < int(size):
        notes.append(f"corpus {size}: only {corpus.from_corpus} corpus documents were found in {args.corpus}")
    entry: dict = {"documents": len(corpus.documents), "from_corpus": corpus.from_corpus,
                   "input_mb": corpus.input_bytes / 2**20, "sources": sources()}
    results["sizes"][size] = entry
    single = not args.quick and size == baseline_size(args.sizes)
    store, runs = build_series(corpus, scratch, single_process=single, timeout_s=1800, log=log)
    entry["builds"] = [r.figures() for r in runs]
    try:
        if not runs[0].ok:
            notes.append(f"corpus {size}: the cold build failed ({runs[0].measured.stderr.strip()[-300:]}); "
                         "nothing else was measured on it")
            return
        log(f"[{size}] canned queries on the store")
        timings = store_latency(store, args.query_repeat, args.query_timeout)
        entry["queries"] = {n: t.figures() for n, t in timings.items()}
        unanswered = sorted(n for n, t in timings.items() if t.stopped_after_s or t.error)
        if size == "both":
            # both corpora: the bars are the build's and the queries' on that graph; the baselines and the exports
            # are measured on the General Assembly corpus (rdflib would hold 6.7 million quads in memory)
            notes.append("both corpora: builds and canned queries only; the rdflib and pySHACL baselines, the "
                         "exports and the endpoint are measured on the General Assembly corpus")
            return
        log(f"[{size}] canned queries on rdflib")
        baseline = rdflib_latency(store, scratch, repeat=args.query_repeat, timeout_s=args.rdflib_timeout,
                                  budget_s=args.rdflib_timeout, limit_s=3600, leave_out=unanswered)
        entry["rdflib"] = compare(timings, baseline)
        if size != "all" or args.validation_all:
            log(f"[{size}] validation: pySHACL over the whole graph vs per document")
            entry["validation"] = {
                "build_validate_sum_s": entry["builds"][0]["stage_sums_s"].get("validate"),
                "project": project_validation(tipkg, store, limit_s=1800),
                "pyshacl": whole_graph_validation(store, scratch, limit_s=args.validation_limit)}
        else:
            notes.append("the whole-graph pySHACL baseline is not run on the full corpus (it grows with the graph "
                         "and would take most of the run); `--validation-all` runs it, stopped at --validation-limit")
        log(f"[{size}] export and publish")
        entry["exports"] = export_and_publish(tipkg, store, scratch, limit_s=args.publish_limit,
                                              publish=not (args.quick and size not in ("seeds", "10")))
        if size == [s for s in args.sizes if s != "both"][-1]:
            log(f"[{size}] SPARQL endpoint under load")
            results["endpoint"] = endpoint_load(tipkg, store, scratch, levels=(1, 4, 16),
                                                seconds=args.endpoint_seconds, leave_out=unanswered) | {"corpus": size}
    finally:
        entry["sources_end"] = sources()
        shutil.rmtree(store, ignore_errors=True)
        shutil.rmtree(corpus.folder, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    args = options(argv)
    if args.render:
        page, _ = write(json.loads(Path(args.render).read_text()), Path(args.out))
        print(f"Wrote {page}", file=sys.stderr)
        return 0
    started = time.perf_counter()
    tipkg = Path(sys.executable).parent / "tipkg"
    if not tipkg.exists():
        raise SystemExit(f"benchmarks: no tipkg command beside {sys.executable}: run `make install` first")
    scratch = Path(args.scratch) if args.scratch else Path(tempfile.mkdtemp(prefix="tipkg-bench-"))
    scratch.mkdir(parents=True, exist_ok=True)
    results: dict = {
        "date": time.strftime("%Y-%m-%d %H:%M:%S %Z"), "machine": machine(), "sizes": {}, "endpoint": None,
        "settings": {"quick": args.quick, "sizes": args.sizes, "query_repeat": args.query_repeat,
                     "query_timeout_s": args.query_timeout, "rdflib_timeout_s": args.rdflib_timeout,
                     "endpoint_seconds": args.endpoint_seconds, "validation_limit_s": args.validation_limit,
                     "publish_limit_s": args.publish_limit, "parameters": PARAMETERS,
                     "corpora": "the seeds + N documents of the General Assembly corpus spread evenly over its sorted "
                                "file names (every i*1155/N-th file); seeds = the three seeds alone; both = the seeds, "
                                "the General Assembly corpus and the second corpus (unhk), each in its own folder"},
        "notes": [],
    }
    print(f"tipkg benchmarks: sizes {', '.join(args.sizes)}; load average {results['machine']['load_at_start'][0]:.2f} "
          f"on {os.cpu_count()} cores; scratch {scratch}", file=sys.stderr)
    try:
        for size in args.sizes:
            measure(size, args, tipkg, scratch, results)
            results["run_seconds"] = time.perf_counter() - started
            results["machine"]["load_at_end"] = list(os.getloadavg())
            write(results, Path(args.out))  # after each corpus: an interrupted run still leaves what it measured
    finally:
        if not args.scratch:
            shutil.rmtree(scratch, ignore_errors=True)
    results["notes"] += changes_during_run(results) + contention(results)
    if args.quick:
        results["notes"].append("a --quick smoke run: few repetitions and short limits, no single-process build; not "
                                "figures to quote")
    results["run_seconds"] = time.perf_counter() - started
    results["machine"]["load_at_end"] = list(os.getloadavg())
    page, data = write(results, Path(args.out))
    print(f"Wrote {page} and {data} in {results['run_seconds']:.0f} s", file=sys.stderr)
    for bar in results["bars"]:
        print(f"  {bar['verdict']:13} {bar['target']}: {bar['measured']}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
