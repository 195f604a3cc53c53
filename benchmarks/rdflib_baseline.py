"""The baseline of the canned queries: rdflib's in-memory Dataset and its own SPARQL engine, run in a child
process of its own (its memory is not the harness's). It holds what the store holds: the document graphs from
the store's dumps/tipkg.nq and the ontology (tipkg.ttl, verbs.ttl) in its named graph; the default graph is
the union of the named graphs (Dataset(default_union=True)), as the store's queries see it
(use_default_graph_as_union).

Each query run is stopped after a time limit (SIGALRM: rdflib evaluates in Python, so the alarm interrupts it);
a query that is stopped is reported as taking more than the limit.

    python benchmarks/rdflib_baseline.py JOB.json RESULT.json
JOB: {"nquads": [paths], "ontology": [paths], "ontology_graph": IRI, "queries": {name: sparql},
      "repeat": n, "timeout_s": t, "budget_s": b}
"""
from __future__ import annotations

import json
import signal
import sys
import time


class Stopped(Exception):
    pass


def _alarm(signum, frame):
    raise Stopped()


def timed(dataset, sparql: str, timeout_s: float) -> tuple[float | None, int]:
    """Seconds of one run, materialised as rows of strings (None when stopped), and its row count."""
    signal.setitimer(signal.ITIMER_REAL, timeout_s)
    started = time.perf_counter()
    try:
        rows = [tuple(None if v is None else str(v) for v in row) for row in dataset.query(sparql)]
        return time.perf_counter() - started, len(rows)
    except Stopped:
        return None, -1
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


def main(job_file: str, result_file: str) -> int:
    import rdflib

    job = json.loads(open(job_file).read())
    signal.signal(signal.SIGALRM, _alarm)
    started = time.perf_counter()
    dataset = rdflib.Dataset(default_union=True)
    for nquads in job["nquads"]:
        dataset.parse(nquads, format="nquads")
    ontology = dataset.graph(rdflib.URIRef(job["ontology_graph"]))
    for path in job["ontology"]:
        ontology.parse(path, format="turtle")
    load_s = time.perf_counter() - started
    result = {"load_s": load_s, "quads": len(dataset), "rdflib": rdflib.__version__, "queries": {}}
    for name, sparql in job["queries"].items():
        entry: dict = {"times_s": [], "rows": None, "timed_out": False, "error": None}
        try:
            first, rows = timed(dataset, sparql, job["timeout_s"])  # a warm-up, as the store's runs have
            if first is None:
                entry["timed_out"] = True
            else:
                entry["rows"] = rows
                if first > job["budget_s"] / 2:  # slow: the warm-up run is the one sample
                    entry["times_s"].append(first)
                spent = first
                while len(entry["times_s"]) < job["repeat"] and (spent < job["budget_s"] or not entry["times_s"]):
                    seconds, _ = timed(dataset, sparql, job["timeout_s"])
                    if seconds is None:
                        entry["timed_out"] = True
                        break
                    entry["times_s"].append(seconds)
                    spent += seconds
        except Exception as e:  # noqa: BLE001 - a query rdflib cannot run is a result to report
            entry["error"] = f"{type(e).__name__}: {e}"[:300]
        result["queries"][name] = entry
        print(f"    rdflib {name}: {entry['times_s'][:1]} rows={entry['rows']} timed_out={entry['timed_out']}",
              file=sys.stderr, flush=True)
    with open(result_file, "w") as f:
        json.dump(result, f, indent=1)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(*sys.argv[1:3]))
