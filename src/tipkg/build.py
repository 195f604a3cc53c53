"""The build: every document of a folder through ingest -> extract -> graph -> validate, then the store.

Documents are processed independently, in a process pool when there are many, each into its own named
graph written as canonical N-Quads to a cache keyed by the document's bytes and name, its sidecar and the
fingerprint of the code, reference data and shapes that read it: a rebuild reprocesses only what
changed. The cached graphs are concatenated (in graph order) into the dump the store is loaded from, so
memory stays flat whatever the corpus size. One unreadable document (or a duplicate, or a symbolic link out
of the folder) is reported and skipped unless `strict`. A document whose graph fails SHACL validation is
quarantined: left out of the graph and named with its violations in the build's report (reports/quarantine.json),
while the rest is built; `strict` (or no valid document at all) makes it fail the build instead. The store is
swapped in only when everything that is kept succeeded.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import threading
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable

import pyoxigraph as ox

from tipkg.extract import Extractor
from tipkg.graph import GraphBuilder
from tipkg.ingest import DOCUMENT_SUFFIXES, IngestError, document_files, ingest, read_document, unsupported_files
from tipkg.iris import Iris
from tipkg.queries import ChangedDocuments, Listing, answers_complete, write_answers
from tipkg.reference import REFERENCE_DIR, gazetteer
from tipkg.store import (DCTERMS_IDENTIFIER, DEFAULT_STORE, ENTITIES_GRAPH, FEW_CHANGES, ONTOLOGY_GRAPH, StoreWriter,
                         entities_part)
from tipkg.validate import Finding, ValidationFailure, validate_graph, validate_union, write_reports

PACKAGE_DIR = Path(__file__).resolve().parent
ONTOLOGY_DIR = PACKAGE_DIR.parents[1] / "ontology"
DEFAULT_DOCUMENTS = Path("data") / "documents"
STAGES = ("ingest", "extract", "graph", "validate", "load")


class BuildError(RuntimeError):
    """A build that did not produce a store; the previous store is untouched."""


@dataclass
class DocumentResult:
    path: Path
    status: str  # built | skipped | invalid
    document_id: str | None = None
    symbol: str | None = None
    symbol_source: str | None = None  # header | file name | sidecar; None: not identified (named by its file)
    title: str | None = None
    kind: str | None = None
    paragraphs: int = 0
    mentions: int = 0
    assertions: int = 0
    triples: int = 0
    reason: str | None = None
    warnings: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)
    graph_file: Path | None = None  # the document's canonical N-Quads in the cache
    cached: bool = False
    violations: list[dict] = field(default_factory=list)  # SHACL findings (warnings of a built document)
    report_file: Path | None = None  # the SHACL report graph (Turtle) of a document that failed validation
    sha256: str | None = None  # of the file: two files with the same bytes are one document


@dataclass
class BuildReport:
    store: Path
    data: Path | None
    documents: list[DocumentResult]
    triples: int
    seconds: dict[str, float]
    warnings: list[dict] = field(default_factory=list)  # SHACL warnings, reported not fatal
    loaded: int = 0  # document graphs (re)loaded into the store; the others were unchanged
    listings: list[Listing] = field(default_factory=list)  # the canned listings answered for `tipkg query`
    quarantine: Path | None = None  # the violations of the documents left out of the graph (reports/quarantine.json)
    kept: bool = False  # no graph changed: the data folder, its dumps, VoID and answers were kept as they were

    @property
    def built(self) -> list[DocumentResult]:
        return [d for d in self.documents if d.status == "built"]

    @property
    def quarantined(self) -> list[DocumentResult]:
        """Documents whose graph failed SHACL validation: left out of the graph, named with their violations."""
        return [d for d in self.documents if d.status == "invalid"]

    @property
    def skipped(self) -> list[DocumentResult]:
        return [d for d in self.documents if d.status == "skipped"]


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """What a cached graph depends on besides its document: the code, reference tables, vocabulary and shapes."""
    h = hashlib.sha256()
    sources = sorted(PACKAGE_DIR.rglob("*.py")) + sorted(REFERENCE_DIR.glob("*.csv")) + sorted(ONTOLOGY_DIR.glob("*.ttl"))
    for path in sources:
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def _cache_key(path: Path, raw: bytes, base_iri: str | None) -> str:
    h = hashlib.sha256(raw)
    h.update(path.name.encode())  # a document without a symbol is identified by its file name
    for suffix in (".yaml", ".yml", ".json"):
        sidecar = path.with_suffix(suffix)
        if sidecar.exists():
            h.update(sidecar.read_bytes())
    h.update(f"{fingerprint()}|{Iris(base_iri).base}".encode())
    return h.hexdigest()[:32]


# per process and base IRI: the gazetteer index and graph builder are prepared once
_workers: dict[str | None, tuple[Extractor, GraphBuilder]] = {}


def _init_worker(base_iri: str | None, pooled: bool = False) -> tuple[Extractor, GraphBuilder]:
    if pooled:  # Ctrl-C is the parent's to handle: a worker that took it too would print its own traceback
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    if base_iri not in _workers:
        g = gazetteer()
        _workers[base_iri] = (Extractor(g), GraphBuilder(Iris(base_iri), g))
    return _workers[base_iri]


def process_document(path: Path, cache: Path, base_iri: str | None = None) -> DocumentResult:
    """One document through ingest, extract, graph and validate, unless its graph is in the cache.
    Reading errors become a skipped result naming the file; violations an invalid one."""
    try:
        raw = read_document(path)
    except IngestError as e:
        return DocumentResult(path, "skipped", reason=e.reason)
    digest = hashlib.sha256(raw).hexdigest()
    key = _cache_key(path, raw, base_iri)
    graph_file, summary_file = cache / f"{key}.nq", cache / f"{key}.json"
    if (cached := _from_cache(path, cache, key, digest)) is not None:
        return cached
    extractor, builder = _init_worker(base_iri)
    seconds: dict[str, float] = {}
    t = time.perf_counter()
    try:
        document = ingest(path, raw)
    except IngestError as e:
        return DocumentResult(path, "skipped", reason=e.reason)
    seconds["ingest"] = time.perf_counter() - t
    t = time.perf_counter()
    extraction = extractor(document)
    seconds["extract"] = time.perf_counter() - t
    t = time.perf_counter()
    graph = builder.build(extraction)
    seconds["graph"] = time.perf_counter() - t
    t = time.perf_counter()
    outcome = validate_graph(graph, path.name)
    seconds["validate"] = time.perf_counter() - t
    meta = document.metadata
    summary = dict(document_id=document.id, symbol=meta.symbol, symbol_source=meta.symbol_source,
                   title=meta.title, kind=meta.kind,
                   paragraphs=len(document.paragraphs), mentions=len(extraction.mentions),
                   assertions=len(extraction.assertions), triples=len(graph.own()), warnings=document.warnings,
                   violations=[asdict(f) for f in outcome.warnings])
    if not outcome.conforms:
        report_file = cache / f"{key}.invalid.ttl"
        report_file.write_bytes(outcome.report)
        summary = {**summary, "violations": [asdict(f) for f in outcome.findings],
                   "reason": f"{len(outcome.violations)} SHACL violation(s)"}
        _write_atomically(cache / f"{key}.invalid.json", json.dumps(summary).encode())  # a rebuild need not redo it
        return DocumentResult(path, "invalid", seconds=seconds, report_file=report_file, sha256=digest, **summary)
    # written aside then renamed, the summary last: a killed worker never leaves half an entry in the cache. The
    # document's own triples are its named graph; the descriptions of the nodes it shares, its part of the
    # entities graph (validated above as one graph with them)
    own = graph.own()
    for target, data in ((graph_file.with_suffix(".ttl"), graph.turtle(own)),
                         (entities_part(graph_file), graph.nquads(ENTITIES_GRAPH, graph.descriptions())),
                         (graph_file, graph.nquads(builder.iris.graph(document.id), own)),
                         (summary_file, json.dumps(summary).encode())):
        _write_atomically(target, data)
    return DocumentResult(path, "built", seconds=seconds, graph_file=graph_file, sha256=digest, **summary)


def _write_atomically(target: Path, data: bytes) -> None:
    tmp = target.with_suffix(f".tmp{os.getpid()}")
    tmp.write_bytes(data)
    os.replace(tmp, target)


def _from_cache(path: Path, cache: Path, key: str, digest: str) -> DocumentResult | None:
    """The result of a document processed before with the same bytes, sidecar, code and base IRI, if cached:
    its graph, or its validation failure."""
    graph_file, summary_file = cache / f"{key}.nq", cache / f"{key}.json"
    if graph_file.exists() and summary_file.exists() and graph_file.with_suffix(".ttl").exists() and \
            entities_part(graph_file).exists():
        summary = json.loads(summary_file.read_text())
        return DocumentResult(path, "built", graph_file=graph_file, cached=True, sha256=digest, **summary)
    invalid, report_file = cache / f"{key}.invalid.json", cache / f"{key}.invalid.ttl"
    if invalid.exists() and report_file.exists():
        return DocumentResult(path, "invalid", report_file=report_file, cached=True, sha256=digest,
                              **json.loads(invalid.read_text()))
    return None


def _cached_in_parent(path: Path, cache: Path, base_iri: str | None) -> DocumentResult | None:
    """The cached result of a document, looked up without a worker: a warm build starts no pool at all."""
    try:
        raw = read_document(path)
    except IngestError:
        return None  # the worker reports it
    return _from_cache(path, cache, _cache_key(path, raw, base_iri), hashlib.sha256(raw).hexdigest())


def collect_documents(folders: list[Path]) -> tuple[list[Path], dict[Path, Path], list[Path]]:
    """The documents of several folders, in a stable order; the folder each document was found under (a symbolic
    link out of it is refused); and the files of kinds tipkg does not read. A folder that holds documents is read
    as it is (its subfolders may hold originals or sidecars of its own); one that holds none is a folder of folders,
    one per corpus, read with every folder below it."""
    files: list[Path] = []
    roots: dict[Path, Path] = {}
    unsupported: list[Path] = []
    for root in folders:
        below = [] if document_files(root) else sorted(
            d for d in root.rglob("*") if d.is_dir() and not any(part.startswith(".") for part in d.relative_to(root).parts))
        for folder in [root] + below:
            for path in document_files(folder):
                if path not in roots:
                    files.append(path)
                    roots[path] = root
            unsupported += unsupported_files(folder)
    return files, roots, unsupported


def build(documents: Path | list[Path] = DEFAULT_DOCUMENTS, store: Path | None = None, *, base_iri: str | None = None,
          strict: bool = False, jobs: int | None = None, cluster: str | None = None, cache: Path | None = None,
          progress: Callable[[int, int, DocumentResult], None] | None = None) -> BuildReport:
    store = Path(store or DEFAULT_STORE)
    folders = [Path(d) for d in (documents if isinstance(documents, (list, tuple)) else [documents])]
    for folder in folders:
        if not folder.is_dir():
            raise BuildError(f"no documents folder {folder}")
    files, roots, unsupported = collect_documents(folders)
    if not files:
        raise BuildError(f"no documents in {', '.join(map(str, folders))} (expected .txt, .md or .pdf files)")
    started = time.perf_counter()
    jobs = jobs or min(os.cpu_count() or 1, 8)  # the pool's processes, then the store stage's threads
    cache = Path(cache) if cache else store / "cache"  # with a cluster: on a filesystem the workers share
    cache.mkdir(parents=True, exist_ok=True)
    refused = {p: reason for p in files if (reason := _outside(p, roots[p]))}
    refused.update({p: f"not read: tipkg reads {', '.join(DOCUMENT_SUFFIXES)} files (and .yaml/.json sidecars)"
                    for p in unsupported})
    results = _process_all([p for p in files if p not in refused], cache, base_iri, jobs, progress, cluster)
    results += [DocumentResult(p, "skipped", reason=reason) for p, reason in refused.items()]
    results.sort(key=lambda r: r.path)
    seen: dict[str, DocumentResult] = {}
    contents: dict[str, DocumentResult] = {}
    for r in results:
        if r.status != "built":
            continue
        if r.document_id in seen:
            r.status = "skipped"
            same = f"symbol {r.symbol}" if r.symbol else f"identifier {r.document_id}"
            r.reason = f"same {same} as {seen[r.document_id].path.name}"
            continue
        if r.sha256 in contents:
            r.status, r.reason = "skipped", f"same content as {contents[r.sha256].path.name}"
            continue
        seen[r.document_id] = contents[r.sha256] = r
    invalid = [r for r in results if r.status == "invalid"]
    quarantine = None
    if invalid:
        # reported beside the store; with --strict (or when nothing else is valid) the build stops there and the
        # store stays as it was; otherwise the failing documents are quarantined: left out, named, and the rest built
        findings = [Finding(**v) for r in invalid for v in r.violations]
        quarantine = write_reports(findings, [r.report_file.read_bytes() for r in invalid if r.report_file],
                                   store / "reports", name="quarantine")
        if strict or not seen:
            raise ValidationFailure(findings, write_reports(
                findings, [r.report_file.read_bytes() for r in invalid if r.report_file], store / "reports"))
    skipped = [r for r in results if r.status == "skipped"]
    if strict and skipped:
        raise BuildError("; ".join(f"{r.path.name}: {r.reason}" for r in skipped))
    if not seen:
        raise BuildError("no document could be built: " + "; ".join(f"{r.path.name}: {r.reason}" for r in skipped))
    seconds = {stage: sum(r.seconds.get(stage, 0.0) for r in results) for stage in STAGES}
    t = time.perf_counter()
    ordered = sorted(seen.values(), key=lambda r: r.document_id)
    iris = Iris(base_iri)
    graphs = {str(iris.graph(r.document_id)): (r.graph_file.stem, r.graph_file) for r in ordered}
    if (current := _unchanged(store, graphs)) is not None:
        return _keep_current(store, current, results, seen, quarantine, seconds, started, t)
    # a rebuild that changes most graphs (new code, new gazetteers) loads them into an empty store: removing a
    # thousand graphs one by one from a copy of the current one took longer than loading everything (43 s)
    writer = StoreWriter(store, start_from_current=_mostly_unchanged(store, graphs))
    try:
        loaded = writer.update_graphs(graphs)
        entities = writer.refresh_entities([entities_part(r.graph_file) for r in ordered])
        writer.replace_graph(ONTOLOGY_GRAPH, *((ONTOLOGY_DIR / f).read_bytes() for f in ("tipkg.ttl", "verbs.ttl")))
        writer.refresh_series()
        # the rest only reads the store or copies files, so it runs side by side (pyoxigraph lets go of the GIL
        # while it evaluates a query, file copies too): the dumps, the cross-document rules, the dataset's
        # VoID/DCAT description (counts, partitions, sources, licence) and the listings' answers; a violation of
        # the cross-document rules still fails the build before anything is swapped in
        from tipkg.linkeddata.void import write_build_void
        answering = time.perf_counter()
        with ThreadPoolExecutor(3) as side:
            dumps = side.submit(writer.write_dumps, [(r.graph_file, r.graph_file.with_suffix(".ttl")) for r in ordered],
                                entities)
            validating = side.submit(validate_union, writer.oxigraph)
            void = side.submit(write_build_void, writer.oxigraph, writer.data, base_iri, writer.previous_data,
                               writer.changes)
            listings = write_answers(writer.oxigraph, writer.data, threads=jobs, previous=writer.previous_data,
                                     changed=_changed_documents(writer, graphs))
            union, void_figures = validating.result(), void.result()
            dumps.result()
        seconds["answers"] = time.perf_counter() - answering  # with the dumps, VoID and union rules beside them
        document_findings = [Finding(**v) for r in ordered for v in r.violations]
        write_reports(document_findings + union, [], writer.data / "reports")
        _place_quarantine(store, writer.data / "reports", quarantine)
        if any(f.severity == "Violation" for f in union):
            raise ValidationFailure(union, write_reports(union, [], store / "reports"))
        union_warnings = [asdict(f) for f in union]
        (writer.data / "reports" / "build.json").write_text(json.dumps(
            {"documents": [_public(r) for r in results], "shacl_warnings": union_warnings,
             "listings": [asdict(x) for x in listings], "void_figures": void_figures}, indent=1, default=str))
        data = writer.commit()
    except BaseException:
        writer.discard()
        raise
    # the documents left out as the same as another were processed too: kept, a rebuild need not process them again
    used = {r.graph_file.with_suffix(suffix).name for r in results if r.graph_file
            for suffix in (".nq", ".ttl", ".json", ".entities.nq")}
    used |= {r.report_file.with_suffix(suffix).name for r in invalid if r.report_file for suffix in (".ttl", ".json")}
    for stale in cache.iterdir():
        if stale.name not in used:
            stale.unlink(missing_ok=True)
    seconds["load"] = time.perf_counter() - t
    seconds["total"] = time.perf_counter() - started
    triples = data_triples(data, seen)
    warnings = union_warnings + [w for r in seen.values() for w in r.violations]
    return BuildReport(store, data, results, triples, seconds, warnings, loaded, listings,
                       data / "reports" / "quarantine.json" if quarantine else None)


def data_triples(data: Path, seen: dict[str, DocumentResult]) -> int:
    """The triples of the graph's data, as the dumps hold them: each document's own triples, and the entities
    graph (one line each in its canonical file)."""
    entities = data / "reports" / "entities.nq"
    with entities.open("rb") if entities.exists() else open(os.devnull, "rb") as f:
        described = sum(1 for _ in f)
    return sum(r.triples for r in seen.values()) + described


def _unchanged(store: Path, graphs: dict[str, tuple[str, Path]]) -> Path | None:
    """The current data folder, when it already holds exactly these document graphs (same cache keys: same
    documents, code, gazetteers, ontology, shapes and base IRI) and an answer to every listing: then nothing of
    the store stage would change, and the build keeps it as it is."""
    link = store / "current"
    if not link.exists():
        return None
    data = link.resolve()
    try:
        previous = json.loads((data / "reports" / "graphs.json").read_text())
        json.loads((data / "reports" / "build.json").read_text())
    except (OSError, ValueError):
        return None
    if previous != {iri: key for iri, (key, _) in graphs.items()} or not answers_complete(data):
        return None
    return data


def _changed_documents(writer: StoreWriter, graphs: dict[str, tuple[str, Path]]) -> ChangedDocuments | None:
    """The documents whose rows in a listing of scope document may have changed: those loaded anew, and those
    that name a node whose description (label, type) changed in the entities graph; None when the store was
    loaded afresh or too much changed to answer document by document."""
    changes = writer.changes
    if changes is None:
        return None
    store = writer.oxigraph
    nodes = changes.described_nodes()
    if any(not isinstance(n, ox.NamedNode) for n in nodes) or len(nodes) > 50 * FEW_CHANGES:
        return None
    again = set(changes.loaded_graphs)
    if nodes:
        values = " ".join(f"<{n.value}>" for n in nodes)
        naming = store.query(f"SELECT DISTINCT ?g WHERE {{ VALUES ?n {{ {values} }} "
                             f"{{ GRAPH ?g {{ ?n ?p ?o }} }} UNION {{ GRAPH ?g {{ ?s ?p ?n }} }} }}")
        again |= {row[0].value for row in naming} & set(graphs)
    if len(again) > FEW_CHANGES:
        return None
    identifiers = set(changes.identifiers.values())
    for g in again:
        identifiers |= {q.object.value for q in store.quads_for_pattern(None, ox.NamedNode(DCTERMS_IDENTIFIER), None,
                                                                         ox.NamedNode(g))}
    return ChangedDocuments(frozenset(again), frozenset(identifiers), (ENTITIES_GRAPH, ONTOLOGY_GRAPH))


def _mostly_unchanged(store: Path, graphs: dict[str, tuple[str, Path]]) -> bool:
    """Whether at least half of these document graphs are in the current store as they are."""
    try:
        previous = json.loads((store / "current" / "reports" / "graphs.json").read_text())
    except (OSError, ValueError):
        return False
    return 2 * sum(previous.get(iri) == key for iri, (key, _) in graphs.items()) >= len(graphs)


def _keep_current(store: Path, data: Path, results: list[DocumentResult], seen: dict[str, DocumentResult],
                  quarantine: Path | None, seconds: dict[str, float], started: float, t: float) -> BuildReport:
    """A build in which no graph changed: the data folder stays; only its report of the build is written again
    (the documents skipped or quarantined may differ, e.g. a new unreadable file)."""
    reports = data / "reports"
    previous = json.loads((reports / "build.json").read_text())
    listings = [Listing(**x) for x in previous.get("listings", [])]
    union_warnings = previous.get("shacl_warnings", [])
    _place_quarantine(store, reports, quarantine)
    _write_atomically(reports / "build.json", json.dumps(
        {"documents": [_public(r) for r in results], "shacl_warnings": union_warnings,
         "listings": [asdict(x) for x in listings], "void_figures": previous.get("void_figures")},
        indent=1, default=str).encode())
    seconds["answers"] = 0.0
    seconds["load"] = time.perf_counter() - t
    seconds["total"] = time.perf_counter() - started
    warnings = union_warnings + [w for r in seen.values() for w in r.violations]
    return BuildReport(store, data, results, data_triples(data, seen), seconds, warnings, 0, listings,
                       reports / "quarantine.json" if quarantine else None, kept=True)


def _place_quarantine(store: Path, reports: Path, quarantine: Path | None) -> None:
    """The quarantined documents' violations travel with the graph they were left out of (`reports`); a build
    that quarantines none removes an earlier build's report, there and beside the store."""
    for suffix in (".json", ".ttl"):
        if quarantine is None:
            (reports / f"quarantine{suffix}").unlink(missing_ok=True)
            (store / "reports" / f"quarantine{suffix}").unlink(missing_ok=True)
        elif quarantine.with_suffix(suffix).exists():
            shutil.copy(quarantine.with_suffix(suffix), reports / f"quarantine{suffix}")


def _outside(path: Path, documents: Path) -> str | None:
    """Why a document is not read at all: it is a symbolic link out of the documents folder, which a build
    must not follow (a link to a private file would put its text in a published graph)."""
    if not path.is_symlink():
        return None
    target = path.resolve()
    if target.is_relative_to(documents.resolve()):
        return None
    return f"is a symbolic link to {target}, outside the documents folder: not read"


def _public(r: DocumentResult) -> dict:
    d = asdict(r)
    d.pop("graph_file")
    d["path"] = str(r.path)
    return d


def _process_safely(path: Path, cache: Path, base_iri: str | None = None) -> DocumentResult:
    """process_document, with a fault of tipkg itself on one document (a bug an odd text trips) reported as
    that document skipped, with the error, instead of ending the build of all the others; --strict still fails."""
    try:
        return process_document(path, cache, base_iri)
    except Exception as e:  # noqa: BLE001 - named in the summary, not hidden
        return DocumentResult(path, "skipped", reason=f"could not be processed, a fault in tipkg ({type(e).__name__}: "
                                                      f"{e}): please report it with this document")


def _process_all(files: list[Path], cache: Path, base_iri: str | None, jobs: int,
                 progress: Callable[[int, int, DocumentResult], None] | None,
                 cluster: str | None = None) -> list[DocumentResult]:
    results: list[DocumentResult] = []
    done = 0
    todo = []
    for path in files:
        cached = _cached_in_parent(path, cache, base_iri)
        if cached is None:
            todo.append(path)
            continue
        results.append(cached)
        done += 1
        if progress:
            progress(done, len(files), cached)
    if todo and cluster:  # a Dask scheduler's address: the documents become tasks on its workers
        from tipkg.cluster import process_on_cluster
        results += process_on_cluster(todo, cache, base_iri, cluster, progress, done, len(files))
    elif todo:
        results += _process_uncached(todo, cache, base_iri, jobs, progress, done, len(files))
    return results


def _process_uncached(files: list[Path], cache: Path, base_iri: str | None, jobs: int,
                      progress: Callable[[int, int, DocumentResult], None] | None, done: int,
                      total: int) -> list[DocumentResult]:
    results: list[DocumentResult] = []
    if jobs <= 1 or len(files) < 8:
        for i, path in enumerate(files, done + 1):
            results.append(_process_safely(path, cache, base_iri))
            if progress:
                progress(i, total, results[-1])
        return results
    pool = ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(base_iri, True))
    try:
        chunk = max(1, len(files) // (jobs * 8))
        n = len(files)
        for i, result in enumerate(pool.map(_process_safely, files, [cache] * n, [base_iri] * n, chunksize=chunk),
                                   done + 1):
            results.append(result)
            if progress:
                progress(i, total, result)
    except KeyboardInterrupt:
        # stop at once: the queued documents are dropped and the workers ended (what they cached is complete)
        # the pool's manager thread sees its workers go and would print that: the build is ending, nothing to tell
        threading.excepthook = lambda args: None
        workers = list((getattr(pool, "_processes", None) or {}).values())
        pool.shutdown(wait=False, cancel_futures=True)
        for process in workers:
            process.terminate()
        raise
    pool.shutdown()
    return results
