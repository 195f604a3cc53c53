"""SPARQL evaluation for the endpoint, bounded in time and in size.

The embedded Oxigraph store cannot cancel a running query, so the endpoint never evaluates one in its own
process: each query goes to a worker process that holds its own read-only handle on the store. A query
that outlives its time is ended by killing its worker (a fresh one takes its place), which bounds CPU and
memory as well as the wait. A worker writes the results in a format with one line per solution or triple
(SPARQL TSV, N-Triples), counting lines as they are written, so a result larger than the limit stops as
soon as it passes it; under the limit, the same lines are parsed back and written in the format the client
asked for, by pyoxigraph's serializers.
"""
from __future__ import annotations

import asyncio
import io
import multiprocessing
import multiprocessing.connection
import os
from dataclasses import dataclass, field

import anyio.to_thread
import pyoxigraph as ox

from tipkg.iris import PREFIXES

# Turtle and the other formats with prefixes read better with the project's own.
TURTLE_PREFIXES = {name: str(namespace) for name, namespace in PREFIXES.items()}


@dataclass(frozen=True)
class Evaluation:
    """One query to evaluate, with its dataset and the formats the client accepts for each query form."""
    sparql: str
    data: str                       # the store's data folder (the target of its `current` link)
    results_type: str | None        # media type for SELECT and ASK; None when the client accepts none
    graph_type: str | None          # media type for CONSTRUCT and DESCRIBE
    max_results: int
    default_graphs: tuple[str, ...] | None = None   # the protocol's default-graph-uri, when given
    named_graphs: tuple[str, ...] | None = None     # the protocol's named-graph-uri, when given
    base_iri: str | None = None


@dataclass(frozen=True)
class Answer:
    """Serialized results, or why there are none."""
    media_type: str = ""
    body: bytes = b""
    form: str = ""                  # "solutions", "boolean" or "graph"
    failure: str = ""               # "", "syntax", "too-large", "not-acceptable", "store"
    message: str = ""


class QueryTimeout(Exception):
    """The query did not finish in the endpoint's time."""


class ResultTooLarge(Exception):
    """Raised while writing results that pass the endpoint's limit."""


class _CountedLines(io.RawIOBase):
    """A binary sink that counts lines as they come and refuses to take more than `limit` of them."""

    def __init__(self, limit: int):
        super().__init__()
        self.buffer = bytearray()
        self.lines = 0
        self.limit = limit

    def writable(self) -> bool:
        return True

    def write(self, b) -> int:
        self.buffer += b
        self.lines += bytes(b).count(b"\n")
        if self.lines > self.limit:
            raise ResultTooLarge()
        return len(b)


def evaluate(store: ox.Store, job: Evaluation) -> Answer:
    """Evaluates one query on an open store; runs inside a worker (and in tests, directly)."""
    options: dict = {}
    if job.default_graphs is None and job.named_graphs is None:
        # The graph is one named graph per document: the default graph of a query is their union.
        options["use_default_graph_as_union"] = True
    else:
        options["default_graph"] = [ox.NamedNode(g) for g in job.default_graphs or ()]
        options["named_graphs"] = [ox.NamedNode(g) for g in job.named_graphs or ()]
    try:
        results = store.query(job.sparql, base_iri=job.base_iri, **options)
        if isinstance(results, ox.QueryBoolean):
            if not job.results_type:
                return Answer(failure="not-acceptable", form="boolean")
            fmt = ox.QueryResultsFormat.from_media_type(job.results_type)
            return Answer(fmt.media_type, results.serialize(format=fmt), "boolean")
        if isinstance(results, ox.QuerySolutions):
            if not job.results_type:
                return Answer(failure="not-acceptable", form="solutions")
            lines = _CountedLines(job.max_results + 1)  # the TSV header is a line too
            try:
                results.serialize(lines, format=ox.QueryResultsFormat.TSV)
            except ResultTooLarge:
                return Answer(failure="too-large", message=f"the result has more than {job.max_results} solutions")
            fmt = ox.QueryResultsFormat.from_media_type(job.results_type)
            solutions = ox.parse_query_results(bytes(lines.buffer), ox.QueryResultsFormat.TSV)
            return Answer(fmt.media_type, solutions.serialize(format=fmt), "solutions")
        if not job.graph_type:
            return Answer(failure="not-acceptable", form="graph")
        lines = _CountedLines(job.max_results)
        try:
            results.serialize(lines, format=ox.RdfFormat.N_TRIPLES)
        except ResultTooLarge:
            return Answer(failure="too-large", message=f"the result has more than {job.max_results} triples")
        fmt = ox.RdfFormat.from_media_type(job.graph_type)
        # A graph is a set: the union default graph yields a triple once per document graph that holds it.
        triples = dict.fromkeys(ox.parse(bytes(lines.buffer), ox.RdfFormat.N_TRIPLES))
        return Answer(fmt.media_type, ox.serialize(triples, format=fmt, prefixes=TURTLE_PREFIXES), "graph")
    except SyntaxError as e:
        return Answer(failure="syntax", message=str(e))
    except (OSError, ValueError, TypeError) as e:
        return Answer(failure="store", message=str(e))


def _serve(conn: multiprocessing.connection.Connection) -> None:
    """A worker's life: take a job, answer it, keep the store open between jobs."""
    store: ox.Store | None = None
    opened = ""
    while True:
        try:
            job: Evaluation = conn.recv()
        except (EOFError, OSError):
            return  # the endpoint is gone
        try:
            if job.data != opened:
                store = None  # a rebuild moved `current`: let go of the old data folder first
                store = ox.Store.read_only(os.path.join(job.data, "oxigraph"))
                opened = job.data
            answer = evaluate(store, job)
        except OSError as e:
            answer = Answer(failure="store", message=f"cannot open the store: {e}")
        try:
            conn.send(answer)
        except (EOFError, OSError, BrokenPipeError):
            return


@dataclass
class _Worker:
    process: multiprocessing.process.BaseProcess
    conn: multiprocessing.connection.Connection


@dataclass
class QueryWorkers:
    """A fixed number of worker processes; `evaluate` waits for a free one, and ends it if it overstays."""
    size: int = 2
    _idle: asyncio.Queue | None = None
    _workers: dict[int, _Worker] = field(default_factory=dict)
    # spawn, not fork: the endpoint's process runs threads, and a forked copy of them is unsafe.
    _context: multiprocessing.context.BaseContext = field(default_factory=lambda: multiprocessing.get_context("spawn"))

    def start(self) -> None:
        """Starts the workers; called inside the server's event loop, which the queue belongs to."""
        self._idle = asyncio.Queue()
        for _ in range(self.size):
            self._idle.put_nowait(self._spawn())

    def _spawn(self) -> _Worker:
        ours, theirs = self._context.Pipe()
        process = self._context.Process(target=_serve, args=(theirs,), daemon=True, name="tipkg-query")
        process.start()
        theirs.close()
        worker = _Worker(process, ours)
        self._workers[id(worker)] = worker
        return worker

    def _end(self, worker: _Worker) -> None:
        worker.process.kill()
        worker.process.join(timeout=5)
        worker.conn.close()
        self._workers.pop(id(worker), None)

    async def evaluate(self, job: Evaluation, timeout_s: float) -> Answer:
        assert self._idle is not None, "QueryWorkers.start() was not called"
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout_s
        try:
            worker = await asyncio.wait_for(self._idle.get(), timeout_s)
        except asyncio.TimeoutError:
            raise QueryTimeout() from None
        answered = False
        try:
            remaining = max(0.0, deadline - loop.time())

            def wait() -> Answer | None:
                worker.conn.send(job)
                return worker.conn.recv() if worker.conn.poll(remaining) else None

            try:
                answer = await anyio.to_thread.run_sync(wait)
            except (EOFError, OSError):
                return Answer(failure="store", message="the query's worker process ended before answering")
            if answer is None:
                raise QueryTimeout()
            answered = True
            return answer
        finally:
            if answered:
                self._idle.put_nowait(worker)
            else:
                # Timed out, cancelled or broken: its state is unknown, so it is replaced, never reused.
                self._end(worker)
                self._idle.put_nowait(self._spawn())

    def stop(self) -> None:
        for worker in list(self._workers.values()):
            self._end(worker)
