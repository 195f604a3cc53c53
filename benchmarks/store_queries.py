"""Canned queries on the embedded store, timed, in a child process: the harness stops it when a run passes
its time limit (Oxigraph cannot cancel a query), then starts a new one for the queries left. Each query is timed
twice over: evaluated on the store (run_on_store), and answered as `tipkg query` answers it (queries.answer: the
build's stored rows for a listing, else the same evaluation), the store held open by one CurrentGraph.
One JSON line per event on stdout: {"query", "rows", "stored"} after the warm-up run, {"query", "s"} per timed
evaluation, {"query", "answer_s"} per timed answer, {"query", "done"} after the last (REPEAT runs each, or fewer,
at least 3, once the evaluations have taken BUDGET seconds), {"query", "error"}.

    python benchmarks/store_queries.py STORE REPEAT BUDGET NAME [NAME ...]
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def main(store: str, repeat: str, budget: str, *names: str) -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from query_latency import parameters
    from tipkg.queries import answer, catalogue, run_on_store, stored_answer
    from tipkg.store import CurrentGraph

    graph = CurrentGraph(Path(store))
    oxigraph = graph.store()
    queries = catalogue()

    def say(**event) -> None:
        print(json.dumps(event), flush=True)

    for name in names:
        query = queries[name]
        params = parameters(query)
        try:
            stored = stored_answer(graph.data(), query, query.bind(params)) is not None
            say(query=name, rows=len(run_on_store(oxigraph, query, params)), stored=stored)
            spent = 0.0
            for run in range(int(repeat)):
                if run >= 3 and spent >= float(budget):
                    break
                started = time.perf_counter()
                run_on_store(oxigraph, query, params)
                seconds = time.perf_counter() - started
                spent += seconds
                say(query=name, s=seconds)
            answer(graph, query, params)  # warm-up
            for run in range(int(repeat)):
                started = time.perf_counter()
                answer(graph, query, params)
                say(query=name, answer_s=time.perf_counter() - started)
            say(query=name, done=True)
        except Exception as e:  # noqa: BLE001 - reported in the results
            say(query=name, error=f"{type(e).__name__}: {e}"[:300])
    return 0


if __name__ == "__main__":
    raise SystemExit(main(*sys.argv[1:]))
