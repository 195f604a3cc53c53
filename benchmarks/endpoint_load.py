"""The SPARQL endpoint under load: `tipkg serve` on a free loopback port, then 1, 4 and 16 concurrent clients
(threads, each with its own keep-alive connection) posting the canned queries' SPARQL to /sparql, round robin,
for a fixed time each: throughput (answered queries per second), latency percentiles and errors.

The clients run in this process, on the same two cores as the server: at 16 clients the figure is the
machine's, client included.
"""
from __future__ import annotations

import http.client
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

from processes import TreeSampler, stop_session
from query_latency import bound_queries, percentile

ACCEPT = "application/sparql-results+json"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve_available(tipkg: Path) -> bool:
    return subprocess.run([str(tipkg), "serve", "--help"], capture_output=True).returncode == 0


@dataclass
class ClientTally:
    latencies_s: list[float] = field(default_factory=list)
    errors: int = 0
    error_samples: list[str] = field(default_factory=list)


def _client(port: int, queries: list[str], offset: int, deadline: float, tally: ClientTally) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    i = offset
    while time.perf_counter() < deadline:
        body = urllib.parse.urlencode({"query": queries[i % len(queries)]})
        i += 1
        started = time.perf_counter()
        try:
            connection.request("POST", "/sparql", body, {"Content-Type": "application/x-www-form-urlencoded",
                                                         "Accept": ACCEPT})
            response = connection.getresponse()
            response.read()
            status = response.status
        except (OSError, http.client.HTTPException) as e:
            connection.close()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            status, reason = None, f"{type(e).__name__}: {e}"
        else:
            reason = f"HTTP {status}"
        if status == 200:
            tally.latencies_s.append(time.perf_counter() - started)
        else:
            tally.errors += 1
            if len(tally.error_samples) < 3:
                tally.error_samples.append(reason)
    connection.close()


def load_level(port: int, queries: list[str], clients: int, seconds: float) -> dict:
    tallies = [ClientTally() for _ in range(clients)]
    started = time.perf_counter()
    deadline = started + seconds
    threads = [threading.Thread(target=_client, args=(port, queries, i * 3, deadline, t)) for i, t in enumerate(tallies)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - started
    latencies = [x for t in tallies for x in t.latencies_s]
    return {"clients": clients, "seconds": elapsed, "answered": len(latencies),
            "errors": sum(t.errors for t in tallies),
            "error_samples": sorted({s for t in tallies for s in t.error_samples})[:5],
            "queries_per_s": len(latencies) / elapsed,
            **{f"p{p}_ms": percentile(latencies, p) * 1000 if latencies else None for p in (50, 95, 99)}}


def wait_ready(port: int, proc: subprocess.Popen, limit_s: float = 60) -> None:
    deadline = time.perf_counter() + limit_s
    while time.perf_counter() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"tipkg serve ended with code {proc.returncode}")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/health")
            if connection.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"tipkg serve did not answer /health within {limit_s:.0f} s")


def endpoint_load(tipkg: Path, store: Path, scratch: Path, *, levels: tuple[int, ...], seconds: float,
                  leave_out: list[str] = ()) -> dict:
    """leave_out: queries that did not answer within the time limit on the embedded store (or failed there): one
    of them would hold a client for the whole level, so the mix leaves them out (and says so)."""
    if not serve_available(tipkg):
        return {"skipped": "`tipkg serve` is not available yet"}
    port = free_port()
    log = (scratch / "serve.log").open("w")
    proc = subprocess.Popen([str(tipkg), "serve", "--store", str(store), "--port", str(port)],
                            stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    result: dict = {"port": port, "levels": [], "left_out": list(leave_out)}
    try:
        started = time.perf_counter()
        wait_ready(port, proc)
        result["ready_s"] = time.perf_counter() - started
        queries = [sparql for name, sparql in bound_queries().items() if name not in leave_out]
        result["queries"] = len(queries)
        warm = ClientTally()  # a warm-up round of the queries, not counted
        _client(port, queries, 0, time.perf_counter() + min(3.0, seconds), warm)
        result["warm_up"] = {"answered": len(warm.latencies_s), "errors": warm.errors,
                             "error_samples": warm.error_samples}
        with TreeSampler(proc.pid) as sampler:
            for clients in levels:
                result["levels"].append(load_level(port, queries, clients, seconds))
                print(f"  {clients:2} clients: {result['levels'][-1]['queries_per_s']:.1f} queries/s, "
                      f"p50 {result['levels'][-1]['p50_ms'] or 0:.1f} ms, {result['levels'][-1]['errors']} errors",
                      file=sys.stderr)
        result["server_peak_rss_mb"] = sampler.peak_rss / 2**20
        result["server_processes"] = sampler.peak_processes
    except RuntimeError as e:
        result["error"] = str(e)
    finally:
        stop_session(proc)
        log.close()
    return result


# --- the mix of the public endpoint (issue 17): listings, parameterised queries and ad-hoc SPARQL -------------

def mix_requests() -> list[tuple[str, str, str | None]]:
    """(method, path, form body) of each request of the mix: every stored listing by name, every query that
    takes a parameter by name with the benchmark's values, and every canned query's SPARQL posted as ad-hoc."""
    from query_latency import PARAMETERS
    from tipkg.queries import catalogue

    listings = [("GET", f"/queries/{name}", None) for name, q in catalogue().items()
                if not any(p.required for p in q.parameters)]
    parameterised = [("GET", f"/queries/{name}?{urllib.parse.urlencode(values)}", None)
                     for name, values in PARAMETERS.items()]
    ad_hoc = [("POST", "/sparql", urllib.parse.urlencode({"query": sparql})) for sparql in bound_queries().values()]
    return listings + parameterised + ad_hoc


def _mix_client(port: int, source: str, requests: list, offset: int, deadline: float, tally: ClientTally) -> None:
    def connect() -> http.client.HTTPConnection:
        return http.client.HTTPConnection("127.0.0.1", port, timeout=120, source_address=(source, 0))

    connection = connect()
    i = offset
    while time.perf_counter() < deadline:
        method, path, body = requests[i % len(requests)]
        i += 1
        headers = {"Accept": ACCEPT} | ({"Content-Type": "application/x-www-form-urlencoded"} if body else {})
        started = time.perf_counter()
        try:
            connection.request(method, path, body, headers)
            response = connection.getresponse()
            response.read()
            status, reason = response.status, f"HTTP {response.status}"
        except (OSError, http.client.HTTPException) as e:
            connection.close()
            connection = connect()
            status, reason = None, f"{type(e).__name__}: {e}"
        if status == 200:
            tally.latencies_s.append(time.perf_counter() - started)
        else:
            tally.errors += 1
            if len(tally.error_samples) < 3:
                tally.error_samples.append(reason)
    connection.close()


def mixed_load(tipkg: list[str], store: Path, scratch: Path, clients: int = 50, seconds: float = 20.0) -> dict:
    """`clients` clients, each from its own loopback address (127.0.0.2, .3, ...: distinct clients to the
    server, as on the Internet), each cycling through the mix from its own offset for `seconds`."""
    port = free_port()
    scratch.mkdir(parents=True, exist_ok=True)
    log = (scratch / "serve.log").open("w")
    proc = subprocess.Popen([*tipkg, "serve", "--store", str(store), "--port", str(port)],
                            stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    requests = mix_requests()
    try:
        wait_ready(port, proc)
        tallies = [ClientTally() for _ in range(clients)]
        started = time.perf_counter()
        deadline = started + seconds
        threads = [threading.Thread(target=_mix_client, args=(port, f"127.0.0.{2 + i}", requests, i * 7, deadline, t))
                   for i, t in enumerate(tallies)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.perf_counter() - started
    finally:
        stop_session(proc)
        log.close()
    latencies = [x for t in tallies for x in t.latencies_s]
    return {"clients": clients, "seconds": elapsed, "requests_in_mix": len(requests), "answered": len(latencies),
            "errors": sum(t.errors for t in tallies),
            "error_samples": sorted({s for t in tallies for s in t.error_samples})[:5],
            "requests_per_s": len(latencies) / elapsed,
            **{f"p{p}_ms": percentile(latencies, p) * 1000 if latencies else None for p in (50, 95, 99)}}


if __name__ == "__main__":
    import argparse
    import json

    ap = argparse.ArgumentParser(description="the endpoint's mixed load (listings, parameterised, ad-hoc)")
    ap.add_argument("--store", required=True)
    ap.add_argument("--scratch", default="/tmp/endpoint-load")
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=20.0)
    ap.add_argument("--tipkg", default=str(Path(sys.executable).parent / "tipkg"),
                    help="the tipkg command to serve with")
    args = ap.parse_args()
    print(json.dumps(mixed_load(args.tipkg.split(), Path(args.store), Path(args.scratch), args.clients, args.seconds),
                     indent=2))
