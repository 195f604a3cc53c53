"""The build: every document of a folder through ingest -> extract -> graph -> validate, then the store.

Documents are processed independently, in a process pool when there are many, each into its own named
graph written as canonical N-Quads to a cache keyed by the document's bytes, its sidecar and the
fingerprint of the code, reference data and shapes that read it: a rebuild reprocesses only what
changed. The cached graphs are concatenated (in graph order) into the dump the store is loaded from, so
memory stays flat whatever the corpus size. One unreadable document is reported and skipped unless
`strict`; a SHACL violation fails the build; the store is swapped in only when everything succeeded.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable

from tipkg.extract import Extractor
from tipkg.graph import GraphBuilder
from tipkg.ingest import IngestError, document_files, ingest
from tipkg.iris import Iris
from tipkg.reference import REFERENCE_DIR, gazetteer
from tipkg.store import DEFAULT_STORE, ONTOLOGY_GRAPH, StoreWriter
from tipkg.validate import ValidationFailure, validate_document, validate_union

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
    violations: list[dict] = field(default_factory=list)


@dataclass
class BuildReport:
    store: Path
    data: Path | None
    documents: list[DocumentResult]
    triples: int
    seconds: dict[str, float]
    warnings: list[dict] = field(default_factory=list)  # SHACL warnings, reported not fatal
    loaded: int = 0  # document graphs (re)loaded into the store; the others were unchanged

    @property
    def built(self) -> list[DocumentResult]:
        return [d for d in self.documents if d.status == "built"]

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
    for suffix in (".yaml", ".yml", ".json"):
        sidecar = path.with_suffix(suffix)
        if sidecar.exists():
            h.update(sidecar.read_bytes())
    h.update(f"{fingerprint()}|{Iris(base_iri).base}".encode())
    return h.hexdigest()[:32]


# per process and base IRI: the gazetteer index and graph builder are prepared once
_workers: dict[str | None, tuple[Extractor, GraphBuilder]] = {}


def _init_worker(base_iri: str | None) -> tuple[Extractor, GraphBuilder]:
    if base_iri not in _workers:
        g = gazetteer()
        _workers[base_iri] = (Extractor(g), GraphBuilder(Iris(base_iri), g))
    return _workers[base_iri]


def process_document(path: Path, cache: Path, base_iri: str | None = None) -> DocumentResult:
    """One document through ingest, extract, graph and validate, unless its graph is in the cache.
    Reading errors become a skipped result naming the file; violations an invalid one."""
    try:
        raw = path.read_bytes()
    except OSError as e:
        return DocumentResult(path, "skipped", reason=f"cannot be read: {e.strerror}")
    key = _cache_key(path, raw, base_iri)
    graph_file, summary_file = cache / f"{key}.nq", cache / f"{key}.json"
    if graph_file.exists() and summary_file.exists() and graph_file.with_suffix(".ttl").exists():
        summary = json.loads(summary_file.read_text())
        return DocumentResult(path, "built", graph_file=graph_file, cached=True, **summary)
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
    outcome = validate_document(graph, document)
    seconds["validate"] = time.perf_counter() - t
    meta = document.metadata
    summary = dict(document_id=document.id, symbol=meta.symbol, title=meta.title, kind=meta.kind,
                   paragraphs=len(document.paragraphs), mentions=len(extraction.mentions),
                   assertions=len(extraction.assertions), triples=len(graph), warnings=document.warnings,
                   violations=outcome.warnings)
    if not outcome.conforms:
        return DocumentResult(path, "invalid", reason=f"{len(outcome.violations)} SHACL violation(s)",
                              seconds=seconds, **{**summary, "violations": outcome.violations + outcome.warnings})
    # written aside then renamed: a killed worker never leaves half a graph in the cache
    for target, data in ((graph_file.with_suffix(".ttl"), graph.turtle()),
                         (graph_file, graph.nquads(builder.iris.graph(document.id)))):
        tmp = target.with_suffix(f".tmp{os.getpid()}")
        tmp.write_bytes(data)
        os.replace(tmp, target)
    summary_file.write_text(json.dumps(summary))
    return DocumentResult(path, "built", seconds=seconds, graph_file=graph_file, **summary)


def build(documents: Path = DEFAULT_DOCUMENTS, store: Path | None = None, *, base_iri: str | None = None,
          strict: bool = False, jobs: int | None = None,
          progress: Callable[[int, int, DocumentResult], None] | None = None) -> BuildReport:
    store = Path(store or DEFAULT_STORE)
    documents = Path(documents)
    if not documents.is_dir():
        raise BuildError(f"no documents folder {documents}")
    files = document_files(documents)
    if not files:
        raise BuildError(f"no documents in {documents} (expected .txt, .md or .pdf files)")
    started = time.perf_counter()
    cache = store / "cache"
    cache.mkdir(parents=True, exist_ok=True)
    results = _process_all(files, cache, base_iri, jobs, progress)
    seen: dict[str, DocumentResult] = {}
    for r in results:
        if r.status != "built":
            continue
        if r.document_id in seen:
            r.status = "skipped"
            r.reason = f"same symbol {r.symbol or r.document_id} as {seen[r.document_id].path.name}"
            continue
        seen[r.document_id] = r
    invalid = [r for r in results if r.status == "invalid"]
    if invalid:
        raise ValidationFailure(invalid, store)
    skipped = [r for r in results if r.status == "skipped"]
    if strict and skipped:
        raise BuildError("; ".join(f"{r.path.name}: {r.reason}" for r in skipped))
    if not seen:
        raise BuildError("no document could be built: " + "; ".join(f"{r.path.name}: {r.reason}" for r in skipped))
    seconds = {stage: sum(r.seconds.get(stage, 0.0) for r in results) for stage in STAGES}
    t = time.perf_counter()
    writer = StoreWriter(store)
    try:
        ordered = sorted(seen.values(), key=lambda r: r.document_id)
        writer.write_dumps([(r.graph_file, r.graph_file.with_suffix(".ttl")) for r in ordered])
        union_warnings = validate_union(writer.data / "dumps" / "tipkg.nq")
        iris = Iris(base_iri)
        loaded = writer.update_graphs({str(iris.graph(r.document_id)): (r.graph_file.stem, r.graph_file) for r in ordered})
        writer.replace_graph(ONTOLOGY_GRAPH, *((ONTOLOGY_DIR / f).read_bytes() for f in ("tipkg.ttl", "verbs.ttl")))
        (writer.data / "reports" / "build.json").write_text(json.dumps(
            {"documents": [_public(r) for r in results], "shacl_warnings": union_warnings}, indent=1, default=str))
        data = writer.commit()
    except BaseException:
        writer.discard()
        raise
    used = {r.graph_file.with_suffix(suffix).name for r in seen.values() for suffix in (".nq", ".ttl", ".json")}
    for stale in cache.iterdir():
        if stale.name not in used:
            stale.unlink(missing_ok=True)
    seconds["load"] = time.perf_counter() - t
    seconds["total"] = time.perf_counter() - started
    triples = sum(r.triples for r in seen.values())
    warnings = union_warnings + [w for r in seen.values() for w in r.violations]
    return BuildReport(store, data, results, triples, seconds, warnings, loaded)


def _public(r: DocumentResult) -> dict:
    d = asdict(r)
    d.pop("graph_file")
    d["path"] = str(r.path)
    return d


def _process_all(files: list[Path], cache: Path, base_iri: str | None, jobs: int | None,
                 progress: Callable[[int, int, DocumentResult], None] | None) -> list[DocumentResult]:
    jobs = jobs or min(os.cpu_count() or 1, 8)
    results: list[DocumentResult] = []
    if jobs <= 1 or len(files) < 8:
        for i, path in enumerate(files, 1):
            results.append(process_document(path, cache, base_iri))
            if progress:
                progress(i, len(files), results[-1])
        return results
    with ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(base_iri,)) as pool:
        chunk = max(1, len(files) // (jobs * 8))
        n = len(files)
        for i, result in enumerate(pool.map(process_document, files, [cache] * n, [base_iri] * n, chunksize=chunk), 1):
            results.append(result)
            if progress:
                progress(i, n, result)
    return results
