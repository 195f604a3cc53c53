"""`tipkg build`, exactly as the command runs it (tipkg.cli.main), that also writes what the benchmark needs and
the command does not print: the BuildReport's seconds (the load stage is timed only there; the per-document
stages are also in <store>/current/reports/build.json, which the harness reads), which
documents were processed and which came from the cache, and the CPU time and peak RSS of the process and of
the pool workers it waited for (getrusage).

    python benchmarks/timed_build.py REPORT.json build --documents DIR --store DIR [--jobs N]
"""
from __future__ import annotations

import json
import resource
import sys
import time


def main(argv: list[str]) -> int:
    out, args = argv[0], argv[1:]
    import tipkg.build
    from tipkg.cli import main as tipkg_main

    captured = {}
    original = tipkg.build.build

    def build(*a, **kw):
        captured["report"] = report = original(*a, **kw)
        return report

    tipkg.build.build = build  # cmd_build imports it when it runs
    started = time.perf_counter()
    code = tipkg_main(args)
    wall = time.perf_counter() - started
    me, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    result = {"returncode": code, "wall_in_process_s": wall,
              "cpu_main_s": me.ru_utime + me.ru_stime, "cpu_workers_s": workers.ru_utime + workers.ru_stime,
              "maxrss_main_mb": me.ru_maxrss / 1024, "maxrss_worker_mb": workers.ru_maxrss / 1024}
    report = captured.get("report")
    if report is not None:
        built = report.built
        processed = [d for d in report.documents if not d.cached and d.seconds]
        result.update(
            seconds=report.seconds, triples=report.triples, loaded=report.loaded,
            documents=len(report.documents), built=len(built), skipped=len(report.skipped),
            cached=sum(d.cached for d in built), processed=len(processed),
            processed_names=[d.path.name for d in processed][:20],
            input_bytes=sum(d.path.stat().st_size for d in report.documents if d.path.exists()))
    with open(out, "w") as f:
        json.dump(result, f, indent=1, default=str)
    return code


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
