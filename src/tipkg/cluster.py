"""The per-document stages (ingest, extract, graph, validate: `process_document`) as tasks on a Dask cluster.

`tipkg build --cluster tcp://HOST:PORT` connects to a running scheduler; each document not already in the cache
is one task. A worker reads the document and writes its graph into the cache as it does in the local pool, so the
documents folder and the cache must be the same paths on every worker (one machine, or a shared filesystem);
only the small summaries travel back. The store stage stays in the client, as in a local build.

A task lost with its worker (killed, out of memory, its node gone) is run again by the scheduler on another
worker; the cache's entries are written aside then renamed, so a run cut short leaves nothing half written, and
the results are collected once per document whatever the retries.
"""
from __future__ import annotations

import threading
import uuid
from pathlib import Path
from typing import Callable

from tipkg.build import BuildError, DocumentResult, _process_safely, fingerprint
from tipkg.iris import Iris

CONNECT_TIMEOUT = 15  # seconds to reach the scheduler
WORKERS_TIMEOUT = 60  # seconds for a first worker to join it

# A worker process runs one document at a time whatever its --nthreads: the work is pure Python (threads add
# nothing under the GIL) and the per-process Extractor is not made to be shared between threads.
_one_at_a_time = threading.Lock()


def _process_on_worker(path: Path, cache: Path, base_iri: str) -> DocumentResult:
    with _one_at_a_time:  # process_document prepares the gazetteer index once per worker process, on first use
        return _process_safely(path, cache, base_iri)


def _prepare(marker: Path, document: Path, dask_worker=None) -> tuple[str, bool, bool]:
    """Run on each worker before the documents are sent: what it finds at the client's paths (its code, the cache:
    a file the client has just written in it, and a document), and its statistical profiler stopped. The profiler
    samples the running task's stack every 10 ms and keeps an hour of per-second profiles; over the deep stacks
    of rdflib and pySHACL these pile up into millions of objects the garbage collector walks again and again:
    on the full corpus the graph and validate stages ran 4-16x slower than in the local pool (benchmarks/SCALE.md)."""
    if dask_worker is not None:
        for name in ("profile", "profile-cycle"):
            callback = dask_worker.periodic_callbacks.pop(name, None)
            if callback is not None:
                callback.stop()
        dask_worker.profile_history.clear()
        dask_worker.profile_keys.clear()
    return fingerprint(), marker.exists(), document.exists()


def process_on_cluster(files: list[Path], cache: Path, base_iri: str | None, address: str,
                       progress: Callable[[int, int, DocumentResult], None] | None, done: int,
                       total: int) -> list[DocumentResult]:
    try:
        from distributed import Client, as_completed
        from distributed.comm.addressing import parse_address, parse_host_port
        from distributed.scheduler import KilledWorker
    except ImportError:
        raise BuildError("--cluster needs Dask distributed: pip install 'tipkg[cluster]'") from None
    try:
        scheme, location = parse_address(address)
        if scheme in ("tcp", "tls"):  # checked first: a client given a malformed address fails only at exit
            parse_host_port(location)
    except ValueError as e:
        raise BuildError(f"not a Dask scheduler address: {address} ({e}); expected tcp://HOST:PORT") from None
    try:
        client = Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError, ValueError, TypeError) as e:
        raise BuildError(f"cannot reach the Dask scheduler at {address}: {e}") from None
    shared = cache.absolute()
    paths = {path.absolute(): path for path in files}  # the workers get absolute paths; the report keeps the user's
    marker = shared / f".cluster-{uuid.uuid4().hex}"
    try:
        try:
            client.wait_for_workers(1, timeout=WORKERS_TIMEOUT)
        except TimeoutError:
            raise BuildError(f"no Dask worker joined the scheduler at {address} within {WORKERS_TIMEOUT} s") from None
        marker.touch()
        try:
            seen = client.run(_prepare, marker, next(iter(paths)))
        except Exception as e:  # noqa: BLE001 - e.g. tipkg not installed on the workers
            raise BuildError(f"the Dask workers cannot run tipkg ({type(e).__name__}: {e}): install the same "
                             f"tipkg on them") from None
        for worker, (code, sees_cache, sees_document) in sorted(seen.items()):
            if code != fingerprint():
                raise BuildError(f"the Dask worker {worker} runs another version of tipkg (its code, reference "
                                 f"tables or shapes differ): install the same tipkg on every worker")
            if not sees_cache or not sees_document:
                missing = f"the cache {shared}" if not sees_cache else f"the documents ({next(iter(paths)).parent})"
                raise BuildError(f"the Dask worker {worker} does not see {missing}: the documents and the cache "
                                 f"(--cache) must be on a filesystem every worker shares, at the same path")
        base = Iris(base_iri).base  # the client's base IRI, not whatever the workers' environment says
        futures = client.map(_process_on_worker, list(paths), cache=shared, base_iri=base, pure=False)
        documents = {future.key: path for future, path in zip(futures, paths.values())}
        pending = as_completed(futures, loop=client.loop)
        # held by no one once read: the scheduler lets a result go, and a worker lost later owes it no recomputing
        del futures
        results: dict[Path, DocumentResult] = {}
        for i, future in enumerate(pending, done + 1):
            path = documents[future.key]
            try:
                result = future.result()
            except KilledWorker:  # the document killed every worker that ran it (a crash, memory): name it, go on
                result = DocumentResult(path, "skipped", reason="could not be processed: each Dask worker that ran "
                                        "it died (out of memory, or a crash); please report it with this document")
            future.release()
            result.path = path
            for name in ("graph_file", "report_file"):  # as a local build names them
                if (file := getattr(result, name)) is not None:
                    setattr(result, name, cache / file.name)
            results[path] = result
            if progress:
                progress(i, total, result)
        return list(results.values())
    finally:  # closing the client (also on Ctrl-C) lets the scheduler drop the tasks not yet run
        marker.unlink(missing_ok=True)
        client.close()

