"""Builds of a corpus, each a real `tipkg build` child process (through timed_build.py): a cold build into a
fresh store, a warm rebuild with nothing changed, a rebuild after removing one document and one after adding
it back (which must reprocess that document only), and a cold single-process build (--jobs 1), the baseline
of the parallel one.
"""
from __future__ import annotations

import json
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

from corpora import Corpus
from processes import Measured, run_measured

HERE = Path(__file__).resolve().parent
STAGES = ("ingest", "extract", "graph", "validate")


@dataclass
class BuildRun:
    """One `tipkg build`: what the child process measured and what the build reported."""
    kind: str  # cold, warm, remove-one, add-one, cold-jobs-1
    corpus: str
    documents: int  # files in the folder
    input_bytes: int
    measured: Measured
    report: dict = field(default_factory=dict)  # written by timed_build.py
    stage_sums_s: dict[str, float] = field(default_factory=dict)  # per-document stage seconds from build.json

    @property
    def ok(self) -> bool:
        return self.measured.ok and self.report.get("returncode") == 0

    def figures(self) -> dict:
        r, m = self.report, self.measured
        seconds = r.get("seconds", {})
        wall = m.wall_s
        triples = r.get("triples", 0)
        built = r.get("built", 0)
        load = seconds.get("load", 0.0)
        processing = max(seconds.get("total", 0.0) - load, 1e-9)
        return {
            "kind": self.kind, "corpus": self.corpus, "ok": self.ok, "documents": self.documents,
            "built": built, "skipped": r.get("skipped"), "cached": r.get("cached"), "processed": r.get("processed"),
            "processed_names": r.get("processed_names", []), "graphs_loaded": r.get("loaded"),
            "input_mb": self.input_bytes / 2**20, "triples": triples,
            "wall_s": wall, "build_total_s": seconds.get("total"), "processing_wall_s": processing,
            "load_s": load, "startup_s": wall - seconds.get("total", wall),
            "stage_sums_s": self.stage_sums_s,
            "documents_per_s": built / wall if wall else None,
            "mb_per_s": self.input_bytes / 2**20 / wall if wall else None,
            "triples_per_s": triples / wall if wall else None,
            "s_per_document": wall / built if built else None,
            # per file read: a file skipped after processing (the same symbol as another) cost as much as one built
            "s_per_file": wall / self.documents if self.documents else None,
            "cpu_main_s": r.get("cpu_main_s"), "cpu_workers_s": r.get("cpu_workers_s"),
            # how many cores the workers kept busy while documents were processed (the pool's share of the build)
            "worker_cores": (r.get("cpu_workers_s") or 0) / processing if r.get("cpu_workers_s") else None,
            "maxrss_main_mb": r.get("maxrss_main_mb"), "maxrss_worker_mb": r.get("maxrss_worker_mb"),
            **self.measured.summary(),
        }


def tipkg_build(corpus: Corpus, store: Path, kind: str, scratch: Path, *, jobs: int | None = None,
                timeout_s: float = 1800) -> BuildRun:
    report_file = scratch / f"build-{corpus.name}-{kind}.json"
    report_file.unlink(missing_ok=True)
    argv = [sys.executable, str(HERE / "timed_build.py"), str(report_file), "build",
            "--documents", str(corpus.folder), "--store", str(store)]
    if jobs:
        argv += ["--jobs", str(jobs)]
    documents = sorted(p for p in corpus.folder.rglob("*") if p.is_file())  # as the folder stands now
    measured = run_measured(argv, timeout_s=timeout_s)
    report = json.loads(report_file.read_text()) if report_file.exists() else {}
    run = BuildRun(kind, corpus.name, len(documents), sum(p.stat().st_size for p in documents), measured, report)
    build_json = store / "current" / "reports" / "build.json"
    if run.ok and build_json.exists():
        entries = json.loads(build_json.read_text())["documents"]
        run.stage_sums_s = {s: sum((e.get("seconds") or {}).get(s, 0.0) for e in entries if not e.get("cached"))
                            for s in STAGES}
    if not run.ok:
        print(f"  build {corpus.name}/{kind} failed: {measured.stderr[-2000:]}", file=sys.stderr)
    return run


def build_series(corpus: Corpus, scratch: Path, *, single_process: bool, timeout_s: float,
                 log=print) -> tuple[Path, list[BuildRun]]:
    """The builds of one corpus; returns the store of the cold build (as it stands after the last rebuild: the
    same documents) and the runs."""
    store = scratch / f"store-{corpus.name}"
    shutil.rmtree(store, ignore_errors=True)
    runs = [tipkg_build(corpus, store, "cold", scratch, timeout_s=timeout_s)]
    log(f"  cold build: {runs[-1].measured.wall_s:.1f} s, {runs[-1].report.get('triples')} triples")
    if not runs[0].ok:
        return store, runs
    runs.append(tipkg_build(corpus, store, "warm", scratch, timeout_s=timeout_s))
    log(f"  warm rebuild: {runs[-1].measured.wall_s:.1f} s, {runs[-1].report.get('processed')} reprocessed")
    held = corpus.held_out
    aside = scratch / f"held-out-{corpus.name}"
    aside.mkdir(exist_ok=True)
    shutil.move(held, aside / held.name)
    try:
        runs.append(tipkg_build(corpus, store, "remove-one", scratch, timeout_s=timeout_s))
    finally:
        shutil.move(aside / held.name, held)
    log(f"  rebuild without {held.name}: {runs[-1].measured.wall_s:.1f} s")
    runs.append(tipkg_build(corpus, store, "add-one", scratch, timeout_s=timeout_s))
    log(f"  rebuild with {held.name} added back: {runs[-1].measured.wall_s:.1f} s, "
        f"{runs[-1].report.get('processed')} reprocessed")
    if single_process:
        single = scratch / f"store-{corpus.name}-jobs-1"
        shutil.rmtree(single, ignore_errors=True)
        runs.append(tipkg_build(corpus, single, "cold-jobs-1", scratch, jobs=1, timeout_s=timeout_s))
        log(f"  cold single-process build: {runs[-1].measured.wall_s:.1f} s")
        shutil.rmtree(single, ignore_errors=True)
    return store, runs
