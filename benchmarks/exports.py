"""Export and publish times on a built store: `tipkg export --format graphml|html` (the coordination network for
yEd/Gephi and the offline browser explorer) and `tipkg publish` (the static linked-data site), each a child
process timed end to end, with its peak memory. A command that does not exist yet is skipped with a note.
"""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from processes import run_measured

EXPORT_FORMATS = (("graphml", "network.graphml"), ("html", "network.html"))


def available(tipkg: Path, command: str) -> bool:
    return subprocess.run([str(tipkg), command, "--help"], capture_output=True).returncode == 0


def _outcome(measured, out: Path) -> dict:
    entry = measured.summary()
    entry["ok"] = measured.ok
    first = (measured.stdout.strip().splitlines() or [""])[0]
    entry["said"] = re.sub(r" (to|into) /\S+", "", first)[:200]  # what the command printed, without the paths
    if not measured.ok:
        entry["error"] = ("stopped at the time limit" if measured.timed_out
                          else (measured.stderr.strip().splitlines() or ["failed"])[-1][:300])
    if out.is_file():
        entry["output_mb"] = out.stat().st_size / 2**20
    elif out.is_dir():
        files = [p for p in out.rglob("*") if p.is_file()]
        entry.update(output_files=len(files), output_mb=sum(p.stat().st_size for p in files) / 2**20)
    return entry


def export_and_publish(tipkg: Path, store: Path, scratch: Path, *, limit_s: float, publish: bool = True) -> dict:
    out = scratch / f"exports-{store.name}"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    result: dict = {}
    if available(tipkg, "export"):
        for fmt, name in EXPORT_FORMATS:
            target = out / name
            measured = run_measured([str(tipkg), "export", "--format", fmt, "--out", str(target), "--store", str(store)],
                                    timeout_s=limit_s)
            result[f"export {fmt}"] = _outcome(measured, target)
    else:
        result["export"] = {"skipped": "`tipkg export` is not available yet"}
    if not publish:
        result["publish"] = {"skipped": "not run (--no-publish)"}
    elif available(tipkg, "publish"):
        site = out / "site"
        measured = run_measured([str(tipkg), "publish", "--out", str(site), "--store", str(store)], timeout_s=limit_s)
        result["publish"] = _outcome(measured, site)
    else:
        result["publish"] = {"skipped": "`tipkg publish` is not available yet"}
    shutil.rmtree(out, ignore_errors=True)
    return result
