"""The benchmark's outputs: results.json (every number) and RESULTS.md (the machine, the bars of the performance
issue with PASS/FAIL, and a table per measure)."""
from __future__ import annotations

import json
import math
from pathlib import Path

SECTIONS = ("Machine and run", "Bars", "Build", "Build stages", "Rebuilds", "Single process vs parallel",
            "Canned queries", "Canned queries against rdflib", "Validation: pySHACL over the whole graph",
            "SPARQL endpoint", "Export and publish", "Notes")


# --- the bars of the performance issue -------------------------------------------------------------------

def _bar(target: str, measured: str, passed: bool | None, note: str = "") -> dict:
    verdict = "not measured" if passed is None else ("PASS" if passed else "FAIL")
    return {"target": target, "measured": measured, "verdict": verdict, "note": note}


def _cold(size: dict | None, kind: str = "cold") -> dict | None:
    if not size:
        return None
    return next((b for b in size.get("builds", []) if b["kind"] == kind and b["ok"]), None)


def bars(results: dict) -> list[dict]:
    sizes = results["sizes"]
    full, hundred, seeds = sizes.get("all"), sizes.get("100"), sizes.get("seeds")
    out = []
    cold = _cold(full)
    out.append(_bar("the whole corpus (1,155 documents + seeds) builds, validated and loaded, in < 120 s",
                    f"{cold['wall_s']:.1f} s" if cold else "-", cold["wall_s"] < 120 if cold else None,
                    "cold build, fresh store, wall clock of the `tipkg build` process"))
    out.append(_bar("peak memory of that build < 2 GB",
                    f"{cold['peak_rss_mb']:.0f} MB RSS ({cold['peak_pss_mb']:.0f} MB PSS)" if cold else "-",
                    cold["peak_rss_mb"] < 2048 if cold else None,
                    "sum over the process tree (build + pool workers) at the sampled peak; RSS counts shared pages "
                    "once per process, PSS splits them"))
    s = _cold(seeds)
    out.append(_bar("the three seeds build in < 5 s", f"{s['wall_s']:.2f} s" if s else "-",
                    s["wall_s"] < 5 if s else None, "cold build, wall clock including the interpreter's start"))
    h = _cold(hundred)
    if cold and h:
        ratio = cold["s_per_document"] / h["s_per_document"]
        out.append(_bar("cost per document flat: full corpus <= 1.3x the per-document time of the 100-document corpus",
                        f"{ratio:.2f}x ({cold['s_per_document'] * 1000:.0f} ms vs {h['s_per_document'] * 1000:.0f} ms "
                        "per document)", ratio <= 1.3))
    else:
        out.append(_bar("cost per document flat: full corpus <= 1.3x the per-document time of the 100-document corpus",
                        "-", None))
    queries = (full or {}).get("queries", {})
    # what a user waits for: the answer (the build's stored rows for a listing, else the evaluation)
    medians = {n: q.get("answer_median_ms", q.get("median_ms")) for n, q in queries.items()}
    medians = {n: m for n, m in medians.items() if m is not None}
    failed = [n for n, q in queries.items() if q.get("error")]
    for n, q in queries.items():
        if q.get("stopped_after_s") and n not in medians:
            medians[n] = q["stopped_after_s"] * 1000  # at least
    stored = sorted(n for n, q in queries.items() if q.get("stored"))
    slow = sorted(n for n, q in queries.items() if (q.get("median_ms") or 0) >= 50)
    how = (f"answered as `tipkg query` answers (`queries.answer`): {len(stored)} listings from the rows the build "
           f"stored, the others evaluated. Evaluated on the store, {len(slow)} take 50 ms or more"
           + (f" ({', '.join(slow)})" if slow else "") + ": see Canned queries")
    if medians:
        slowest = max(medians, key=medians.get)
        over = sorted(n for n, m in medians.items() if m >= 50)
        stopped = " (stopped: at least)" if queries[slowest].get("stopped_after_s") else ""
        out.append(_bar("every canned query answers in < 50 ms median on the full-corpus graph",
                        f"slowest: {slowest} {medians[slowest]:,.1f} ms{stopped}; {len(over)} of {len(queries)} "
                        "over 50 ms",
                        not over and not failed, ("over: " + ", ".join(over) + "; " if over else
                                                  "failed: " + ", ".join(failed) + "; " if failed else "") + how))
    else:
        out.append(_bar("every canned query answers in < 50 ms median on the full-corpus graph", "-", None))
    comparison = (full or {}).get("rdflib", {})
    g = comparison.get("geomean_ratio")
    out.append(_bar("canned queries >= 10x faster than on rdflib's in-memory store (geometric mean, full graph)",
                    f"{g:.1f}x over the {comparison.get('compared')} of {len(comparison.get('queries', {}))} queries "
                    "both engines answered" if g else "-", g >= 10 if g else None,
                    f"{comparison.get('lower_bounds')} rdflib runs stopped at {comparison.get('rdflib_timeout_s')} s "
                    "(counted at the limit: the ratio is a lower bound)"
                    if g and comparison.get("lower_bounds") else ""))
    cores = cold.get("worker_cores") if cold else None
    single = next((b for size in sizes.values() for b in size.get("builds", [])
                   if b["kind"] == "cold-jobs-1" and b["ok"]), None)
    parallel = _cold(sizes.get(single["corpus"])) if single else None
    speedup = f"; --jobs 1 vs parallel on {single['corpus']} documents: {single['wall_s'] / parallel['wall_s']:.2f}x" \
        if single and parallel else ""
    runnable = cold.get("runnable_children") if cold else None
    out.append(_bar("extraction uses both cores (the pool workers' CPU time over the processing wall time >= 1.5)",
                    f"{cores:.2f} cores busy; {_f(runnable, 2)} workers runnable on average{speedup}" if cores else "-",
                    cores >= 1.5 if cores else None,
                    "full-corpus cold build. `runnable`: workers running or waiting for a core (not for work), "
                    "sampled: near 2 when the pool keeps both workers fed and only other load on the machine keeps "
                    "them off the cores"))
    add = _cold(full, "add-one")
    out.append(_bar("a rebuild after adding one document reprocesses only that document",
                    f"{add['processed']} reprocessed, {add['cached']} from the cache, {add['graphs_loaded']} graph(s) "
                    f"loaded, {add['wall_s']:.1f} s" if add else "-",
                    add["processed"] == 1 and add["graphs_loaded"] == 1 if add else None, "full corpus"))
    return out + scale_bars(full) + both_bars(sizes)


def scale_bars(full: dict | None) -> list[dict]:
    """The bars of the scale issue (#20), on the same builds: tighter, and for the rebuilds a user waits on."""
    cold, warm, add = _cold(full), _cold(full, "warm"), _cold(full, "add-one")
    where = "full corpus (1,155 documents + seeds), wall clock of the `tipkg build` process"
    return [
        _bar("(#20) the corpus builds cold in <= 45 s", f"{cold['wall_s']:.1f} s" if cold else "-",
             cold["wall_s"] <= 45 if cold else None, where),
        _bar("(#20) a warm rebuild with nothing changed takes <= 2 s", f"{warm['wall_s']:.2f} s" if warm else "-",
             warm["wall_s"] <= 2 if warm else None, where),
        _bar("(#20) a rebuild with one document changed takes <= 5 s",
             f"{add['wall_s']:.1f} s (one document added back)" if add else "-",
             add["wall_s"] <= 5 if add else None, where + "; a document added back stands for one changed: both "
             "reprocess one document and load its graph"),
    ]


def both_bars(sizes: dict) -> list[dict]:
    """The scale issue's bars on both corpora together (the size `both`): the cold build, its memory, the cost per
    file as the corpus grows, and the canned queries on that graph, answered and evaluated."""
    both = sizes.get("both")
    cold = _cold(both)
    where = "both corpora (the seeds, unga and unhk: 4,200 files), cold, wall clock of the `tipkg build` process"
    out = [_bar("(#20) both corpora build cold in <= 180 s", f"{cold['wall_s']:.1f} s" if cold else "-",
                cold["wall_s"] <= 180 if cold else None, where),
           _bar("(#20) peak memory of that build < 3 GB",
                f"{cold['peak_rss_mb']:.0f} MB RSS ({cold['peak_pss_mb']:.0f} MB PSS)" if cold else "-",
                cold["peak_rss_mb"] < 3072 if cold else None, "sum over the process tree at the sampled peak")]
    # the cost per file read (a file skipped after processing, the same symbol as another, cost as much as one
    # built) of each size, against the 100-document corpus's
    per_file = {n: c["s_per_file"] for n in ("10", "100", "all", "both")
                if (c := _cold(sizes.get(n))) and c.get("s_per_file")}
    if "100" in per_file and len(per_file) > 1:
        worst = max(per_file[n] / per_file["100"] for n in per_file if n != "10")
        out.append(_bar("(#20) cost per document flat as the corpus grows: <= 1.3x the 100-document corpus's",
                        "; ".join(f"{n}: {v * 1000:.0f} ms" for n, v in per_file.items()) + f" per file; worst {worst:.2f}x",
                        worst <= 1.3 if "both" in per_file else None,
                        "wall clock per file read; the 10-document corpus is shown, not judged (the start of the "
                        "interpreter and the pool weighs on 13 files)"))
    else:
        out.append(_bar("(#20) cost per document flat as the corpus grows: <= 1.3x the 100-document corpus's", "-", None))
    queries = (both or {}).get("queries", {})
    answered = {n: q.get("answer_median_ms") or q.get("median_ms") for n, q in queries.items()}
    evaluated = {n: q.get("median_ms") for n, q in queries.items()}
    for what, medians, limit in (("answered", answered, 50), ("evaluated", evaluated, 500)):
        target = f"(#20) every canned query {what} in <= {limit} ms on the both-corpora graph"
        if not queries:
            out.append(_bar(target, "-", None))
            continue
        stopped = sorted(n for n, q in queries.items() if q.get("stopped_after_s") and medians.get(n) is None)
        failed = sorted(n for n, q in queries.items() if q.get("error"))
        timed = {n: m for n, m in medians.items() if m is not None}
        over = sorted(n for n, m in timed.items() if m > limit) + stopped
        slowest = max(timed, key=timed.get) if timed else None
        measured = (f"slowest: {slowest} {timed[slowest]:,.1f} ms; " if slowest else "") + \
            f"{len(over)} of {len(queries)} over {limit} ms"
        out.append(_bar(target, measured, not over and not failed,
                        ("over: " + ", ".join(f"{n} {timed[n]:,.0f} ms" if n in timed else f"{n} (stopped)"
                                               for n in over) if over else "")
                        + ("; failed: " + ", ".join(failed) if failed else "")
                        + ("; answered: a listing read back from the rows the build stored, a query with a parameter "
                           "evaluated" if what == "answered" else "; evaluated: run_on_store, rows as strings")))
    return out


# --- Markdown ----------------------------------------------------------------------------------------------

def _f(x, digits: int = 1, suffix: str = "") -> str:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "–"
    if isinstance(x, bool):
        return "yes" if x else "no"
    if isinstance(x, float):
        return f"{x:,.{digits}f}{suffix}"
    if isinstance(x, int):
        return f"{x:,}{suffix}"
    return str(x)


def table(headers: list[str], rows: list[list]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    lines += ["| " + " | ".join(str(c).replace("|", "\\|") for c in row) + " |" for row in rows]
    return "\n".join(lines)


def markdown(results: dict) -> str:
    m, settings, sizes = results["machine"], results["settings"], results["sizes"]
    names = list(sizes)
    out = ["# tipkg benchmarks", "",
           f"Written by `make bench` (`benchmarks/run.py{' --quick' if settings['quick'] else ''}`) on "
           f"{results['date']}. Every number is also in `results.json` beside this file. Speed is never asserted "
           "in the test suite; the bars below are the performance issue's.", ""]
    out += ["## Machine and run", "", table(["", ""], [
        ["cores", f"{m['cores']} ({m['cpu']})"], ["memory", f"{m['memory_gb']:.1f} GB"],
        ["load average at start (1, 5, 15 min)", ", ".join(f"{x:.2f}" for x in m["load_at_start"])],
        ["load average at end", ", ".join(f"{x:.2f}" for x in m.get("load_at_end", []))],
        ["CPU sharing", "Linux shares the CPU between sessions first (sched_autogroup): a busy process of another "
                        "session holds a core whatever this run does" if m.get("sched_autogroup") else "by process"],
        ["Python", m["python"]], ["libraries", ", ".join(f"{k} {v}" for k, v in m["versions"].items())],
        ["source", m.get("git", "–")], ["run time", _f(results.get("run_seconds"), 0, " s")],
        ["corpora", settings["corpora"]],
        ["settings", f"{settings['query_repeat']} runs per query (after one warm-up); rdflib runs stopped at "
                     f"{settings['rdflib_timeout_s']:g} s; endpoint {settings['endpoint_seconds']:g} s per level"],
    ]), ""]
    if m["load_at_start"][0] > m["cores"] * 0.5:
        out += [f"**The machine was busy** (load {m['load_at_start'][0]:.1f} on {m['cores']} cores at the start): other "
                "processes took CPU time from the builds and queries, so the wall-clock figures below are slower, and "
                "noisier, than on an idle machine.", ""]
    out += ["## Bars", "", table(["target", "measured", "verdict", "how"],
                                 [[b["target"], b["measured"], f"**{b['verdict']}**", b["note"]]
                                  for b in results["bars"]]), ""]

    colds = [(n, _cold(sizes[n])) for n in names]
    out += ["## Build", "", "A cold build (fresh store) as a `tipkg build` child process, wall clock from start to exit "
            "(the interpreter's start included); peak memory is the sum over the process tree (the build and its pool "
            "workers) at the sampled peak.", "",
            table(["corpus", "documents", "input MB", "triples", "wall s", "documents/s", "MB/s", "triples/s",
                   "peak RSS MB", "peak PSS MB", "largest process MB", "CPU s (main + workers)"],
                  [[n, _f(c["built"]), _f(c["input_mb"], 2), _f(c["triples"]), _f(c["wall_s"], 2),
                    _f(c["documents_per_s"], 1), _f(c["mb_per_s"], 3), _f(c["triples_per_s"], 0),
                    _f(c["peak_rss_mb"], 0), _f(c["peak_pss_mb"], 0),
                    _f(max(c["maxrss_main_mb"] or 0, c["maxrss_worker_mb"] or 0), 0),
                    f"{_f(c['cpu_main_s'])} + {_f(c['cpu_workers_s'])}"] for n, c in colds if c]), ""]
    out += ["## Build stages", "", "Per-document stages (ingest, extract, graph, validate) are summed over the "
            "documents from `<store>/current/reports/build.json`: seconds spent in the workers, so over two workers "
            "their sum exceeds the wall time of that phase. `processing` is the wall time from the start of the build "
            "to the end of the last document; `load` (dumps, store, cross-document rules, VoID, swap) is wall time in "
            "the main process; `start` is the interpreter's start and imports. `cores busy`: the pool workers' CPU "
            "time over the processing wall time; `workers runnable`: how many workers were running or waiting for a core, on "
            "average (sampled), which other load on the machine does not lower.", "",
            table(["corpus", "ingest", "extract", "graph", "validate", "sum of stages", "processing (wall)",
                   "load (wall)", "start", "total wall", "cores busy", "workers runnable"],
                  [[n, *(_f(c["stage_sums_s"].get(s), 2) for s in ("ingest", "extract", "graph", "validate")),
                    _f(sum(c["stage_sums_s"].values()), 2), _f(c["processing_wall_s"], 2), _f(c["load_s"], 2),
                    _f(c["startup_s"], 2), _f(c["wall_s"], 2), _f(c["worker_cores"], 2),
                    _f(c.get("runnable_children"), 2)] for n, c in colds if c]), ""]
    rebuilds = [b for n in names for b in sizes[n].get("builds", []) if b["kind"] in ("warm", "remove-one", "add-one")]
    out += ["## Rebuilds", "", "After the cold build: a rebuild with nothing changed, one with the corpus's last "
            "document removed, and one with it added back. `reprocessed` counts the documents that went through "
            "ingest..validate again (the rest came from the cache).", "",
            table(["corpus", "rebuild", "wall s", "reprocessed", "from cache", "graphs loaded", "load s", "peak RSS MB"],
                  [[b["corpus"], b["kind"], _f(b["wall_s"], 2), _f(b["processed"]), _f(b["cached"]),
                    _f(b["graphs_loaded"]), _f(b["load_s"], 2), _f(b["peak_rss_mb"], 0)] for b in rebuilds]), ""]
    singles = [b for n in names for b in sizes[n].get("builds", []) if b["kind"] == "cold-jobs-1"]
    rows = []
    for b in singles:
        p = _cold(sizes[b["corpus"]])
        rows.append([b["corpus"], _f(b["wall_s"], 2), _f(p["wall_s"], 2) if p else "–",
                     _f(b["wall_s"] / p["wall_s"], 2, "x") if p and b["ok"] else "–",
                     _f(b["processing_wall_s"], 2), _f(p["processing_wall_s"], 2) if p else "–",
                     _f(b["processing_wall_s"] / p["processing_wall_s"], 2, "x") if p and b["ok"] else "–"])
    out += ["## Single process vs parallel", "", "The baseline of the process pool: the same cold build with "
            "`--jobs 1`. (A folder of fewer than 8 documents is always built in one process.)", "",
            table(["corpus", "--jobs 1 wall s", "parallel wall s", "speed-up", "--jobs 1 processing s",
                   "parallel processing s", "processing speed-up"], rows) if rows else "Not run.", ""]

    query_names = sorted({q for n in names for q in sizes[n].get("queries", {})})

    def latency_table(median: str, p95: str) -> str:
        rows = []
        for q in query_names:
            row = [q]
            for n in names:
                e = sizes[n].get("queries", {}).get(q)
                row.append("–" if not e else f"error: {e['error'][:60]}" if e.get("error") else
                           f"> {e['stopped_after_s'] * 1000:,.0f} (stopped)" if e.get("stopped_after_s")
                           and e.get(median) is None else
                           f"{_f(e.get(median), 2)} / {_f(e.get(p95), 2)} ({e['rows']})"
                           + (" *" if median.startswith("answer") and e.get("stored") else ""))
            rows.append(row)
        return table(["query"] + [f"{n}: median / p95 ms (rows)" for n in names], rows)

    out += ["## Canned queries", "", f"Every canned query on the embedded store, {settings['query_repeat']} runs "
            "after one warm-up; parameters: " + ", ".join(f"{k} {v}" for k, v in settings["parameters"].items())
            + ". Graph sizes: " + ", ".join(f"{n} = {_f(c['triples'])} triples" for n, c in colds if c) + ".", "",
            "### Answered, as `tipkg query` answers", "",
            "`tipkg.queries.answer` with the store held open: a listing (a query run with no parameter, `*`) is read "
            "back from the rows the build stored in the data folder (`answers/`, named after the SPARQL it ran); a "
            "query with a parameter is evaluated. The bar is read here.", "",
            latency_table("answer_median_ms", "answer_p95_ms"), "",
            "### Evaluated on the store", "",
            "`tipkg.queries.run_on_store`, rows materialised as strings: what the build pays once per listing, and "
            "what every query costs on a remote store or the endpoint. The rdflib ratios below compare these.", "",
            latency_table("median_ms", "p95_ms"), ""]

    out += ["## Canned queries against rdflib", "", "The same SPARQL on rdflib's in-memory "
            "`Dataset(default_union=True)` loaded with the store's `dumps/tipkg.nq` (the documents' graphs and the entities graph), its series graph and the ontology (rdflib's own SPARQL engine), in a child "
            f"process; a run is stopped at {settings['rdflib_timeout_s']:g} s and then counted at that limit (`>`), so "
            "its ratio is a lower bound. `same rows` checks that both engines return as many rows.", ""]
    summary = []
    for n in names:
        c = sizes[n].get("rdflib")
        if not c:
            continue
        summary.append([n, _f(c.get("rdflib_quads")), _f(c.get("rdflib_load_s"), 1), _f(c.get("rdflib_peak_rss_mb"), 0),
                        _f(c.get("geomean_ratio"), 1, "x"), _f(c.get("lower_bounds")),
                        ", ".join(c.get("row_mismatches") or []) or "none", c.get("error") or ""])
    out += [table(["corpus", "quads", "rdflib load s", "rdflib RSS MB", "geometric mean speed-up", "stopped runs",
                   "row count differs", "error"], summary), ""]
    for n in names:
        c = sizes[n].get("rdflib")
        if not c or not c.get("queries"):
            continue
        out += [f"### {n}", "", table(["query", "store median ms", "rdflib median ms", "speed-up",
                                       "rows (store / rdflib)"],
                                      [[q, _f(e.get("store_median_ms"), 2),
                                        (">" if e.get("rdflib_lower_bound") else "") + _f(e.get("rdflib_median_ms"), 1),
                                        (">" if e.get("rdflib_lower_bound") else "") + _f(e.get("ratio"), 1, "x"),
                                        f"{_f(e.get('store_rows'))} / {_f(e.get('rdflib_rows'))}"
                                        + ("" if e.get("same_rows") in (True, None) else " **differs**")
                                        + (f" ({e['note']})" if e.get("note") else "")]
                                       for q, e in c["queries"].items()]), ""]

    rows = []
    for n in names:
        v = sizes[n].get("validation")
        if not v:
            continue
        base = v.get("pyshacl", {})
        proj = v.get("project", {})
        one = proj.get("jobs_1", {})
        par = proj.get("parallel", {})
        whole = base.get("validate_s")
        whole_txt = _f(whole, 2) if whole is not None else (f"> {base.get('limit_s', 0):.0f}" if base.get("timed_out")
                                                            else base.get("error", "–"))
        ratio = (whole or base.get("limit_s")) / one["wall_s"] if one.get("ok") and (whole or base.get("timed_out")) \
            else None
        rows.append([n, _f(base.get("triples")), whole_txt, _f(base.get("parse_s"), 2), _f(base.get("results")),
                     _f(v.get("build_validate_sum_s"), 2), _f(one.get("wall_s"), 2), _f(par.get("wall_s"), 2),
                     ("> " if whole is None and ratio else "") + _f(ratio, 2, "x")])
    out += ["## Validation: pySHACL over the whole graph", "", "The baseline: `pyshacl.validate` in one call over the "
            "union of all document graphs (+ the ontology's subClassOf triples; shacl_graph = ontology/shapes.ttl, "
            "SHACL-SPARQL included; only the call is timed, not the parsing). The project's strategy: each document's "
            "graph on its own (SHACL Core with the engine the build uses, pyshacl-turbo by default or pySHACL with "
            "TIPKG_SHACL=pyshacl; Oxigraph for the SHACL-SPARQL constraints): the sum of the "
            "per-document `validate` seconds of the cold build, and `tipkg validate` (every stored document graph, "
            "then the cross-document rules) in one process and over the cores, wall clock with the interpreter's start. "
            "The ratio is the one-call time over `tipkg validate --jobs 1`.", "",
            table(["corpus", "triples", "pySHACL one call s", "its parse s", "its results",
                   "build: sum of per-document s", "tipkg validate --jobs 1 s", "tipkg validate s", "ratio"], rows) if rows else "Not run.", ""]

    e = results.get("endpoint") or {}
    out += ["## SPARQL endpoint", ""]
    if e.get("skipped") or e.get("error"):
        out += [f"Not measured: {e.get('skipped') or e.get('error')}", ""]
    elif e:
        out += [f"`tipkg serve` on the {e['corpus']} graph, loopback; clients are threads of the benchmark process "
                "(on the same cores as the server), each with a keep-alive connection, posting the canned queries' "
                f"SPARQL round robin to /sparql for {settings['endpoint_seconds']:g} s per level (after a warm-up). "
                + (f"Left out of the mix, as they did not answer within {settings['query_timeout_s']:g} s on the "
                   f"store: {', '.join(e['left_out'])}. " if e.get("left_out") else "") +
                f"Ready after {_f(e.get('ready_s'), 2)} s; server peak RSS (all its processes) "
                f"{_f(e.get('server_peak_rss_mb'), 0)} MB.", "",
                table(["clients", "queries/s", "p50 ms", "p95 ms", "p99 ms", "answered", "errors"],
                      [[x["clients"], _f(x["queries_per_s"], 1), _f(x["p50_ms"], 1), _f(x["p95_ms"], 1),
                        _f(x["p99_ms"], 1), _f(x["answered"]),
                        _f(x["errors"]) + (f" ({'; '.join(x['error_samples'])})" if x["errors"] else "")]
                       for x in e["levels"]]), ""]
    else:
        out += ["Not run.", ""]

    rows = []
    for n in names:
        for what, x in (sizes[n].get("exports") or {}).items():
            if x.get("skipped"):
                rows.append([n, what, "–", "–", "–", x["skipped"]])
            else:
                rows.append([n, what, (">" if x.get("timed_out") else "") + _f(x.get("wall_s"), 2),
                             _f(x.get("peak_rss_mb"), 0), _f(x.get("output_mb"), 2)
                             + (f" ({_f(x['output_files'])} files)" if x.get("output_files") else ""),
                             x.get("error") or x.get("said", "")])
    out += ["## Export and publish", "", "Each a child process, wall clock (interpreter's start included).", "",
            table(["corpus", "command", "wall s", "peak RSS MB", "output MB", "output"], rows) if rows else "Not run.",
            ""]
    out += ["## Notes", ""] + [f"- {note}" for note in results.get("notes", [])] + [""]
    return "\n".join(out)


def write(results: dict, folder: Path) -> tuple[Path, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    results["bars"] = bars(results)
    data = folder / "results.json"
    data.write_text(json.dumps(results, indent=1, default=str) + "\n")
    page = folder / "RESULTS.md"
    page.write_text(markdown(results))
    return page, data
