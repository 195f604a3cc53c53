"""SPARQL evaluation for the endpoint, bounded in time, memory and size, and off the network.

The embedded Oxigraph store cannot cancel a running query, so the endpoint never parses or evaluates one in
its own process: each query goes to a worker process that holds its own read-only handle on the store, and
that cannot open a network connection (tipkg.sandbox), so no SERVICE clause however spelt reaches another
host. A query that outlives its time, outgrows the memory cap, or whose client has gone is ended by killing
its worker (a fresh one takes its place). A worker writes the results in a format with one line per
solution or triple (SPARQL TSV, N-Triples), counting lines as they are written, so a result larger than the
limit stops as soon as it passes it; under the limit, the same lines are parsed back and written in the
format the client asked for, by pyoxigraph's serializers.
"""
from __future__ import annotations

import asyncio
import collections
import contextlib
import hashlib
import io
import logging
import multiprocessing
import multiprocessing.connection
import os
import resource
import signal
from dataclasses import dataclass, field

import anyio.to_thread
import pyoxigraph as ox

from tipkg.iris import PREFIXES
from tipkg.sandbox import REFUSED_ERRNO, forbid_network

LOG = logging.getLogger("uvicorn.error")  # where `tipkg serve` writes its log

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
    # "", "syntax", "update", "service", "evaluation", "too-large", "not-acceptable", "store", "memory", "crashed"
    failure: str = ""
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
        return Answer(failure="update" if _is_update(job.sparql) else "syntax", message=str(e))
    except OSError as e:
        if e.errno == REFUSED_ERRNO or f"(os error {REFUSED_ERRNO})" in str(e):
            return Answer(failure="service", message=str(e))  # the engine tried the network: SERVICE
        return Answer(failure="store", message=str(e))
    except RuntimeError as e:  # Oxigraph's evaluation errors (an unbound SERVICE name, ...)
        return Answer(failure="evaluation", message=str(e))
    except (ValueError, TypeError) as e:
        return Answer(failure="store", message=str(e))
    except MemoryError:
        return Answer(failure="memory")


def _is_update(sparql: str) -> bool:
    """Whether text that is not a query is a SPARQL Update, so that the client hears "read-only" rather than
    a parser's complaint. Oxigraph itself decides, on an empty store of this worker's own, off the network."""
    try:
        ox.Store().update(sparql)
    except SyntaxError:
        return False
    except Exception:  # it parsed as an update, then failed (a LOAD finds no network): still an update
        return True
    return True


def _serve(conn: multiprocessing.connection.Connection, memory_bytes: int | None) -> None:
    """A worker's life: off the network for good, then take a job, answer it, keep the store open between jobs."""
    try:
        forbid_network()
    except OSError as e:
        refusal = Answer(failure="store", message=f"query workers cannot be kept off the network here: {e}")
    else:
        refusal = None
    if memory_bytes:
        # A backstop for growth faster than the endpoint's watchdog on RSS can see: the worker's writable
        # memory (RLIMIT_DATA: heap and anonymous maps, not the address space malloc reserves per thread, nor
        # the store's files) may pass what it holds at start by twice the cap. Past it, an allocation fails
        # and the engine aborts (SIGABRT).
        limit = _vm_data() + 2 * memory_bytes
        resource.setrlimit(resource.RLIMIT_DATA, (limit, limit))
    store: ox.Store | None = None
    opened = ""
    while True:
        try:
            job: Evaluation = conn.recv()
        except (EOFError, OSError):
            return  # the endpoint is gone
        try:
            if refusal:
                answer = refusal
            else:
                if job.data != opened:
                    store = None  # a rebuild moved `current`: let go of the old data folder first
                    store = ox.Store.read_only(os.path.join(job.data, "oxigraph"))
                    opened = job.data
                answer = evaluate(store, job)
        except OSError as e:
            answer = Answer(failure="store", message=f"cannot open the store: {e}")
        except MemoryError:
            answer = Answer(failure="memory")
        except Exception as e:  # a worker that answers outlives the query's surprises
            answer = Answer(failure="store", message=f"{type(e).__name__}: {e}")
        try:
            conn.send(answer)
        except (EOFError, OSError, BrokenPipeError):
            return


def _vm_data() -> int:
    """Bytes of this process's data segment and private writable maps (VmData)."""
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) * 1024 for line in f if line.startswith("VmData:"))


PAGE = os.sysconf("SC_PAGE_SIZE")
WATCH_S = 0.1  # how often the RSS of a busy worker is read: at 330 MB/s of growth, 33 MB past the cap


def query_hash(sparql: str) -> str:
    """How the log names a query without writing it out (it may be long, or somebody's data)."""
    return hashlib.sha256(sparql.encode()).hexdigest()[:16]


def default_memory_cap(store_bytes: int, workers: int) -> int:
    """Bytes of RSS a worker may reach: four times the store (its data read and a query's intermediate
    results), at least 1 GiB, and never more than its share of 60 % of the host's memory."""
    host = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    return int(min(max(2**30, 4 * store_bytes), 0.6 * host / max(1, workers)))


@dataclass
class _Worker:
    process: multiprocessing.process.BaseProcess
    conn: multiprocessing.connection.Connection


@dataclass
class QueryWorkers:
    """A fixed number of worker processes; `evaluate` waits for a free one, watches its memory while it works,
    and ends it if it overstays, outgrows its cap, or nobody waits for its answer any more. A client (an
    address) holds at most `per_client` workers at a time, so that one client's queries cannot starve the
    others: its further queries wait for its own earlier ones."""
    size: int = 2
    memory_bytes: int | None = None
    per_client: int = 1
    _idle: asyncio.Queue | None = None
    _workers: dict[int, _Worker] = field(default_factory=dict)
    _clients: dict[str, list] = field(default_factory=dict)  # client -> [semaphore, queries holding or waiting]
    # spawn, not fork: the endpoint's process runs threads, and a forked copy of them is unsafe.
    _context: multiprocessing.context.BaseContext = field(default_factory=lambda: multiprocessing.get_context("spawn"))

    def start(self) -> None:
        """Starts the workers; called inside the server's event loop, which the queue belongs to."""
        self._idle = asyncio.Queue()
        for _ in range(self.size):
            self._idle.put_nowait(self._spawn())

    def _spawn(self) -> _Worker:
        ours, theirs = self._context.Pipe()
        process = self._context.Process(target=_serve, args=(theirs, self.memory_bytes), daemon=True,
                                        name="tipkg-query")
        process.start()
        theirs.close()
        worker = _Worker(process, ours)
        self._workers[id(worker)] = worker
        return worker

    def _end(self, worker: _Worker) -> int | None:
        """Ends a worker; its exit code (negative: the signal that ended it)."""
        if worker.process.exitcode is None:
            worker.process.kill()
        worker.process.join(timeout=5)
        worker.conn.close()
        self._workers.pop(id(worker), None)
        return worker.process.exitcode

    @contextlib.asynccontextmanager
    async def _turn_of(self, client: str):
        """Waits for one of the client's `per_client` places."""
        entry = self._clients.setdefault(client, [asyncio.Semaphore(self.per_client), 0])
        entry[1] += 1
        try:
            async with entry[0]:
                yield
        finally:
            entry[1] -= 1
            if not entry[1]:
                del self._clients[client]

    async def evaluate(self, job: Evaluation, timeout_s: float, client: str = "") -> Answer:
        assert self._idle is not None, "QueryWorkers.start() was not called"
        try:
            async with asyncio.timeout(timeout_s):
                async with self._turn_of(client):
                    worker = await self._idle.get()
                    return await self._run(worker, job)
        except TimeoutError:
            raise QueryTimeout() from None

    async def _run(self, worker: _Worker, job: Evaluation) -> Answer:
        answer: Answer | None = None
        try:
            worker.conn.send(job)
            answer = await self._watch(worker)
            if answer is None:  # outgrew its cap
                LOG.warning("query worker past %d MB of RSS on query %s: ended, and a new one takes its place",
                            self.memory_bytes // 2**20, query_hash(job.sparql))
                return Answer(failure="memory")
            return answer
        except (EOFError, OSError):
            return self._died(worker, job)
        finally:
            if answer is not None and answer.failure != "memory":
                self._idle.put_nowait(worker)
            else:
                # Outgrown, timed out, cancelled (its client left) or broken: its state is unknown, so it is
                # replaced, never reused.
                if worker.process.exitcode is None or id(worker) in self._workers:
                    LOG.info("query %s ended (its time is up, or its client has gone)", query_hash(job.sparql))
                    self._end(worker)
                self._idle.put_nowait(self._spawn())

    async def _watch(self, worker: _Worker) -> Answer | None:
        """The worker's answer, or None when its RSS passes the cap first. Raises EOFError if it dies. Waiting
        costs the server's process a callback per WATCH_S and one read of /proc: nothing more while it runs."""
        loop = asyncio.get_running_loop()
        answered: asyncio.Future[bool] = loop.create_future()
        statm = os.open(f"/proc/{worker.process.pid}/statm", os.O_RDONLY) if self.memory_bytes else None
        timer: asyncio.TimerHandle | None = None

        def readable() -> None:
            if not answered.done():
                answered.set_result(True)

        def check() -> None:
            nonlocal timer
            if answered.done():
                return
            try:
                rss = int(os.pread(statm, 128, 0).split()[1]) * PAGE
            except (OSError, IndexError, ValueError):
                rss = 0  # ended meanwhile: its pipe says so
            if rss > self.memory_bytes:
                answered.set_result(False)
            else:
                timer = loop.call_later(WATCH_S, check)

        loop.add_reader(worker.conn.fileno(), readable)
        if statm is not None:
            timer = loop.call_later(WATCH_S, check)
        try:
            if not await answered:
                return None
        finally:
            loop.remove_reader(worker.conn.fileno())
            if timer:
                timer.cancel()
            if statm is not None:
                os.close(statm)
        # The answer is on its way: read it whole off the event loop (it may be megabytes).
        return await anyio.to_thread.run_sync(worker.conn.recv)

    def _died(self, worker: _Worker, job: Evaluation) -> Answer:
        worker.process.join(timeout=1)  # its pipe closed: it is ending, and its exit code says how
        code = self._end(worker)
        what = signal.Signals(-code).name if code is not None and code < 0 else f"exit code {code}"
        if code == -signal.SIGABRT:  # Rust aborts when an allocation fails: the RLIMIT_DATA backstop
            LOG.warning("query worker ended by its memory limit (%s) on query %s; a new one takes its place",
                        what, query_hash(job.sparql))
            return Answer(failure="memory")
        LOG.error("query worker crashed (%s) on query %s; a new one takes its place", what, query_hash(job.sparql))
        return Answer(failure="crashed", message=f"{what}, query {query_hash(job.sparql)}")

    def stop(self) -> None:
        for worker in list(self._workers.values()):
            self._end(worker)


class ResultCache:
    """The answers of the last queries, by everything that decides them (an Evaluation names the graph's
    data folder, so a rebuild starts afresh): a repeated ad-hoc query is not run again. Least recently used
    answers go first, past a number of entries or of bytes."""

    def __init__(self, entries: int = 256, max_bytes: int = 64 * 2**20):
        self.entries, self.max_bytes = entries, max_bytes
        self._answers: collections.OrderedDict[Evaluation, Answer] = collections.OrderedDict()
        self._bytes = 0

    def get(self, job: Evaluation) -> Answer | None:
        answer = self._answers.get(job)
        if answer is not None:
            self._answers.move_to_end(job)
        return answer

    def put(self, job: Evaluation, answer: Answer) -> None:
        if answer.failure not in ("", "too-large", "not-acceptable") or len(answer.body) > self.max_bytes // 4:
            return  # only what the query itself decides, and nothing that would crowd out the rest
        if job in self._answers:
            return
        self._answers[job] = answer
        self._bytes += len(answer.body)
        while len(self._answers) > self.entries or self._bytes > self.max_bytes:
            _, old = self._answers.popitem(last=False)
            self._bytes -= len(old.body)
