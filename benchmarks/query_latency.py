"""Latency of every canned query on a built store: evaluated (tipkg.queries.run_on_store on the embedded
Oxigraph store, rows materialised as strings) and answered as `tipkg query` answers (tipkg.queries.answer: the
build's stored rows for a listing); and the same SPARQL evaluated on rdflib's in-memory Dataset
(rdflib_baseline.py, in a child process), as ratios of evaluation to evaluation.
"""
from __future__ import annotations

import json
import math
import os
import select
import statistics
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from processes import run_measured, stop_session
from tipkg.queries import catalogue
from tipkg.store import ONTOLOGY_GRAPH, SERIES_GRAPH, current_data

HERE = Path(__file__).resolve().parent
ONTOLOGY = HERE.parent / "ontology"

# Values for the parameters a query requires: ones the seeds and the corpus have answers for.
PARAMETERS = {
    "evidence": {"subject": "UNODC"},
    "country-profile": {"country": "Iraq"},
    "entity-profile": {"entity": "UNODC"},
}


def parameters(query) -> dict[str, str]:
    given = PARAMETERS.get(query.name, {})
    missing = [p.name for p in query.parameters if p.required and p.name not in given]
    if missing:
        raise SystemExit(f"benchmarks: query {query.name} requires {', '.join(missing)}: add a value to "
                         "PARAMETERS in benchmarks/query_latency.py")
    return given


def bound_queries() -> dict[str, str]:
    """Every canned query's SPARQL with its benchmark parameters bound."""
    return {name: q.bind(parameters(q)) for name, q in catalogue().items()}


def percentile(values: list[float], p: float) -> float:
    """The p-th percentile, by linear interpolation between closest ranks."""
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    k = (len(ordered) - 1) * p / 100
    lo, hi = math.floor(k), math.ceil(k)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


@dataclass
class QueryTiming:
    name: str
    rows: int | None
    times_s: list[float] = field(default_factory=list)          # evaluated on the store
    answer_times_s: list[float] = field(default_factory=list)   # answered as `tipkg query` answers
    stored: bool | None = None  # the answer is the build's stored rows (a listing), not an evaluation
    error: str | None = None
    stopped_after_s: float | None = None  # a run passed this limit and was stopped

    def figures(self) -> dict:
        t, a = self.times_s, self.answer_times_s
        return {"rows": self.rows, "runs": len(t), "error": self.error, "stopped_after_s": self.stopped_after_s,
                "median_ms": statistics.median(t) * 1000 if t else None,
                "p95_ms": percentile(t, 95) * 1000 if t else None,
                "min_ms": min(t) * 1000 if t else None,
                "stored": self.stored,
                "answer_median_ms": statistics.median(a) * 1000 if a else None,
                "answer_p95_ms": percentile(a, 95) * 1000 if a else None}


def store_latency(store: Path, repeat: int, timeout_s: float, budget_s: float = 10.0) -> dict[str, QueryTiming]:
    """Every canned query `repeat` times on the store (fewer, at least 3, for a query whose runs take more than
    budget_s), after one warm-up run, in a child process (store_queries.py); a run that passes timeout_s is
    stopped (with the child), the query is reported as stopped, and a new child goes on with the next query."""
    out = {name: QueryTiming(name, None) for name in catalogue()}
    left = list(out)
    while left:
        proc = subprocess.Popen([sys.executable, str(HERE / "store_queries.py"), str(store), str(repeat), str(budget_s),
                                 *left],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
        lines = _lines(proc.stdout.fileno(), timeout_s)
        try:
            while left:
                line = next(lines)
                timing = out[left[0]]
                if line is None:  # the running query passed its limit
                    timing.stopped_after_s = timeout_s
                elif line == b"":  # the child ended before finishing it
                    proc.wait()
                    timing.error = (proc.stderr.read().decode(errors="replace").strip().splitlines()
                                    or [f"the query process ended with code {proc.returncode}"])[-1][:300]
                else:
                    event = json.loads(line)
                    if "rows" in event:
                        timing.rows, timing.stored = event["rows"], event.get("stored")
                    elif "s" in event:
                        timing.times_s.append(event["s"])
                    elif "answer_s" in event:
                        timing.answer_times_s.append(event["answer_s"])
                    elif "error" in event:
                        timing.error = event["error"]
                    if "done" not in event and "error" not in event:
                        continue
                left.pop(0)
                if line in (None, b""):
                    break  # a new child for the queries left
        finally:
            stop_session(proc)
            proc.stdout.close()
            proc.stderr.close()
    return out


def _lines(fd: int, timeout_s: float):
    """Lines read from fd; None when none comes within timeout_s, b"" at the end."""
    buffer = b""
    while True:
        while b"\n" not in buffer:
            ready, _, _ = select.select([fd], [], [], timeout_s)
            if not ready:
                yield None
                continue
            chunk = os.read(fd, 65536)
            if not chunk:
                yield b""
                return
            buffer += chunk
        line, buffer = buffer.split(b"\n", 1)
        yield line


def rdflib_latency(store: Path, scratch: Path, *, repeat: int, timeout_s: float, budget_s: float,
                   limit_s: float, leave_out: list[str] = ()) -> dict:
    """The same queries on rdflib (see rdflib_baseline.py), but for those in leave_out (the ones the store did
    not answer: there is no ratio to take); limit_s bounds the whole child process."""
    # the documents' graphs and the entities graph from the dump, and the series graph the build derives (not in
    # the dump) from the store
    series = scratch / "series.nq"
    ox.serialize(ox.Store.read_only(str(current_data(store) / "oxigraph")).quads_for_pattern(
        None, None, None, ox.NamedNode(SERIES_GRAPH)), str(series), ox.RdfFormat.N_QUADS)
    job = {"nquads": [str(current_data(store) / "dumps" / "tipkg.nq"), str(series)],
           "ontology": [str(ONTOLOGY / "tipkg.ttl"), str(ONTOLOGY / "verbs.ttl")], "ontology_graph": ONTOLOGY_GRAPH,
           "queries": {name: sparql for name, sparql in bound_queries().items() if name not in leave_out},
           "repeat": repeat, "timeout_s": timeout_s, "budget_s": budget_s}
    job_file, result_file = scratch / "rdflib-job.json", scratch / "rdflib-result.json"
    job_file.write_text(json.dumps(job))
    result_file.unlink(missing_ok=True)
    run = run_measured([sys.executable, str(HERE / "rdflib_baseline.py"), str(job_file), str(result_file)],
                       timeout_s=limit_s)
    result = json.loads(result_file.read_text()) if result_file.exists() else {"queries": {}}
    result["process"] = run.summary()
    result["timeout_s"] = timeout_s
    if not run.ok:
        result["error"] = ("stopped after the limit of %.0f s" % limit_s if run.timed_out
                           else run.stderr.strip().splitlines()[-1:] or ["failed"])
    return result


def compare(store_timings: dict[str, QueryTiming], rdflib_result: dict) -> dict:
    """Per query: the store's median, rdflib's median (or its time limit, a lower bound, when stopped), the
    ratio, and whether both engines returned the same number of rows; and the geometric mean of the ratios."""
    rows, ratios = {}, []
    timeout = rdflib_result.get("timeout_s")
    for name, timing in store_timings.items():
        mine = timing.figures()
        theirs = rdflib_result.get("queries", {}).get(name)
        entry = {"store_median_ms": mine["median_ms"], "store_rows": mine["rows"]}
        if theirs is None or mine["median_ms"] is None:
            entry["note"] = (f"stopped on the store after {timing.stopped_after_s:g} s: not run on rdflib"
                             if timing.stopped_after_s else "failed on the store: not run on rdflib"
                             if timing.error else "not run on rdflib")
            rows[name] = entry
            continue
        if theirs.get("error"):
            entry.update(note=f"rdflib error: {theirs['error']}", rdflib_rows=None)
            rows[name] = entry
            continue
        lower_bound = not theirs["times_s"]
        rdflib_ms = (statistics.median(theirs["times_s"]) if theirs["times_s"] else timeout) * 1000
        ratio = rdflib_ms / mine["median_ms"] if mine["median_ms"] else None
        entry.update(rdflib_median_ms=rdflib_ms, rdflib_lower_bound=lower_bound, rdflib_runs=len(theirs["times_s"]),
                     rdflib_rows=theirs["rows"], ratio=ratio,
                     same_rows=None if lower_bound else theirs["rows"] == mine["rows"])
        if ratio:
            ratios.append(ratio)
        rows[name] = entry
    geomean = math.exp(sum(math.log(r) for r in ratios) / len(ratios)) if ratios else None
    return {"queries": rows, "geomean_ratio": geomean, "compared": len(ratios),
            "lower_bounds": sum(1 for r in rows.values() if r.get("rdflib_lower_bound")),
            "row_mismatches": sorted(n for n, r in rows.items() if r.get("same_rows") is False),
            "rdflib_load_s": rdflib_result.get("load_s"), "rdflib_quads": rdflib_result.get("quads"),
            "rdflib_peak_rss_mb": rdflib_result.get("process", {}).get("peak_rss_mb"),
            "rdflib_timeout_s": timeout, "error": rdflib_result.get("error")}
