"""Running a tipkg command as a child process and measuring it: wall clock, and the peak memory of its whole
process tree (the build's pool workers and the server's query workers are its children).

Memory is sampled from /proc (Linux) every few tens of milliseconds rather than read from
getrusage(RUSAGE_CHILDREN): ru_maxrss is the peak of the single largest process, not of the tree at one
moment, and it covers grandchildren only once their parent has waited for them. The sum of the resident sets
(RSS) counts the pages that forked workers share with their parent once per process, so it overstates; the
sum of the proportional sets (PSS) splits shared pages between the processes that share them. Both are kept;
the bars use the RSS sum, the conservative one.
"""
from __future__ import annotations

import os
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

PAGE = os.sysconf("SC_PAGE_SIZE")


@dataclass
class Measured:
    """One command, run to its end (or stopped at its time limit)."""
    argv: list[str]
    returncode: int | None  # None: stopped at the time limit
    wall_s: float
    peak_rss_mb: float  # the process tree's resident sets, summed, at the sampled peak
    peak_pss_mb: float  # the same with shared pages split between their sharers
    peak_processes: int  # the most processes seen at once in the tree
    runnable_children: float | None = None  # child processes running or waiting for a core, on average while any ran
    stdout: str = ""
    stderr: str = ""
    timed_out: bool = False

    @property
    def ok(self) -> bool:
        return self.returncode == 0 and not self.timed_out

    def summary(self) -> dict:
        return {"argv": self.argv, "returncode": self.returncode, "wall_s": self.wall_s, "timed_out": self.timed_out,
                "peak_rss_mb": self.peak_rss_mb, "peak_pss_mb": self.peak_pss_mb,
                "peak_processes": self.peak_processes, "runnable_children": self.runnable_children}


def tree(pid: int) -> list[int]:
    """pid and all its descendants, from the kernel's children lists."""
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        found.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    todo += [int(c) for c in f.read().split()]
        except OSError:  # the process ended between two reads
            continue
    return found


def _runnable(pid: int) -> bool:
    """Whether the process is running or waiting for a core (state R), rather than waiting for work or I/O."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] == "R"
    except (OSError, IndexError):
        return False


def _rss_pss(pid: int) -> tuple[int, int]:
    """Resident and proportional set sizes of one process, in bytes (0, 0 once it has ended)."""
    rss = pss = 0
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Rss:"):
                    rss = int(line.split()[1]) * 1024
                elif line.startswith("Pss:"):
                    pss = int(line.split()[1]) * 1024
        return rss, pss
    except OSError:
        pass
    try:  # kernels without smaps_rollup: RSS only
        with open(f"/proc/{pid}/statm") as f:
            rss = int(f.read().split()[1]) * PAGE
        return rss, rss
    except OSError:
        return 0, 0


@dataclass
class TreeSampler:
    """Samples the memory of a process tree in a thread until stopped."""
    pid: int
    interval_s: float = 0.05
    peak_rss: int = 0
    peak_pss: int = 0
    peak_processes: int = 0
    runnable: list[int] = field(default_factory=list)  # per sample with children: how many were runnable
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    def sample(self) -> None:
        pids = tree(self.pid)
        sizes = [_rss_pss(p) for p in pids]
        self.peak_rss = max(self.peak_rss, sum(r for r, _ in sizes))
        self.peak_pss = max(self.peak_pss, sum(p for _, p in sizes))
        self.peak_processes = max(self.peak_processes, sum(1 for r, _ in sizes if r))
        if len(pids) > 1:
            self.runnable.append(sum(_runnable(p) for p in pids[1:]))

    @property
    def runnable_children(self) -> float | None:
        """How many child processes (pool workers) were runnable, on average over the samples where there were
        children: whether the work kept them all busy, whatever share of the cores other load left them."""
        return sum(self.runnable) / len(self.runnable) if self.runnable else None

    def __enter__(self) -> "TreeSampler":
        def loop() -> None:
            while not self._stop.is_set():
                self.sample()
                self._stop.wait(self.interval_s)
        self._thread = threading.Thread(target=loop, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        if self._thread:
            self._thread.join()


def run_measured(argv: list[str], *, timeout_s: float | None = None, env: dict | None = None,
                 cwd: Path | None = None) -> Measured:
    """Runs argv to its end, sampling its process tree; a run past timeout_s is killed (its whole session,
    which this function started) and marked timed out."""
    started = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=cwd,
                            start_new_session=True)
    timed_out = False
    with TreeSampler(proc.pid) as sampler:
        try:
            out, err = proc.communicate(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            timed_out = True
            stop_session(proc)
            out, err = proc.communicate()
    wall = time.perf_counter() - started
    return Measured(argv, None if timed_out else proc.returncode, wall, sampler.peak_rss / 2**20,
                    sampler.peak_pss / 2**20, sampler.peak_processes, sampler.runnable_children, out, err, timed_out)


def stop_session(proc: subprocess.Popen, grace_s: float = 10.0) -> None:
    """Stops a process this harness started in its own session, and everything it started: SIGTERM to the
    session's process group, then SIGKILL after a grace period."""
    import signal

    if proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(grace_s)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    except ProcessLookupError:
        pass
