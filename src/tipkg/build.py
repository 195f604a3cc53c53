"""The build: every document of a folder through ingest -> extract -> graph -> validate, then the store.

Documents are processed independently (in a process pool when there are many), each into its own
named graph. One bad document is reported and skipped unless `strict`; the store is swapped in only
when the whole build succeeds.
"""
from __future__ import annotations

import os
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from tipkg.extract import Extractor
from tipkg.graph import GraphBuilder
from tipkg.ingest import IngestError, document_files, ingest
from tipkg.iris import Iris
from tipkg.reference import gazetteer
from tipkg.store import ONTOLOGY_GRAPH, StoreWriter

ONTOLOGY_DIR = Path(__file__).resolve().parents[2] / "ontology"
DEFAULT_DOCUMENTS = Path("data") / "documents"
STAGES = ("ingest", "extract", "graph", "validate", "load")


class BuildError(RuntimeError):
    """A build that did not produce a store; the previous store is untouched."""


@dataclass
class DocumentResult:
    path: Path
    status: str  # built | skipped
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
    nquads: bytes = b""


@dataclass
class BuildReport:
    store: Path
    data: Path | None
    documents: list[DocumentResult]
    triples: int
    seconds: dict[str, float]

    @property
    def built(self) -> list[DocumentResult]:
        return [d for d in self.documents if d.status == "built"]

    @property
    def skipped(self) -> list[DocumentResult]:
        return [d for d in self.documents if d.status != "built"]


# per process and base IRI: the gazetteer index and graph builder are prepared once
_workers: dict[str | None, tuple[Extractor, GraphBuilder]] = {}


def _init_worker(base_iri: str | None) -> tuple[Extractor, GraphBuilder]:
    if base_iri not in _workers:
        g = gazetteer()
        _workers[base_iri] = (Extractor(g), GraphBuilder(Iris(base_iri), g))
    return _workers[base_iri]


def process_document(path: Path, base_iri: str | None = None) -> DocumentResult:
    """One document through ingest, extract and graph; errors become a skipped result naming the file."""
    extractor, builder = _init_worker(base_iri)
    seconds: dict[str, float] = {}
    t = time.perf_counter()
    try:
        document = ingest(path)
    except IngestError as e:
        return DocumentResult(path, "skipped", reason=e.reason)
    seconds["ingest"] = time.perf_counter() - t
    t = time.perf_counter()
    extraction = extractor(document)
    seconds["extract"] = time.perf_counter() - t
    t = time.perf_counter()
    graph = builder.build(extraction)
    graph_iri = builder.iris.graph(document.id)
    nt = graph.serialize(format="nt", encoding="utf-8")
    suffix = f" <{graph_iri}> .\n".encode()
    nquads = b"".join(line[:-2].rstrip() + suffix for line in nt.splitlines(keepends=True) if line.strip())
    seconds["graph"] = time.perf_counter() - t
    meta = document.metadata
    return DocumentResult(path, "built", document.id, meta.symbol, meta.title, meta.kind,
                          paragraphs=len(document.paragraphs), mentions=len(extraction.mentions),
                          assertions=len(extraction.assertions), triples=len(graph), warnings=document.warnings,
                          seconds=seconds, nquads=nquads)


def build(documents: Path = DEFAULT_DOCUMENTS, store: Path | None = None, *, base_iri: str | None = None,
          strict: bool = False, jobs: int | None = None,
          progress: Callable[[int, int, DocumentResult], None] | None = None) -> BuildReport:
    from tipkg.store import DEFAULT_STORE

    store = Path(store or DEFAULT_STORE)
    documents = Path(documents)
    if not documents.is_dir():
        raise BuildError(f"no documents folder {documents}")
    files = document_files(documents)
    if not files:
        raise BuildError(f"no documents in {documents} (expected .txt, .md or .pdf files)")
    started = time.perf_counter()
    results = _process_all(files, base_iri, jobs, progress)
    seen: dict[str, DocumentResult] = {}
    for r in results:
        if r.status != "built":
            continue
        if r.document_id in seen:
            r.status, r.nquads = "skipped", b""
            r.reason = f"same symbol {r.symbol or r.document_id} as {seen[r.document_id].path.name}"
            continue
        seen[r.document_id] = r
    failed = [r for r in results if r.status != "built"]
    if strict and failed:
        raise BuildError("; ".join(f"{r.path.name}: {r.reason}" for r in failed))
    if not seen:
        raise BuildError("no document could be built: " + "; ".join(f"{r.path.name}: {r.reason}" for r in failed))
    seconds = {stage: sum(r.seconds.get(stage, 0.0) for r in results) for stage in STAGES}
    t = time.perf_counter()
    writer = StoreWriter(store)
    try:
        lines = sorted(line for r in results if r.status == "built" for line in r.nquads.splitlines(keepends=True))
        canonical = b"".join(lines)
        writer.load(canonical)
        writer.load_graph((ONTOLOGY_DIR / "tipkg.ttl").read_bytes(), ONTOLOGY_GRAPH)
        verbs = ONTOLOGY_DIR / "verbs.ttl"
        if verbs.exists():
            writer.load_graph(verbs.read_bytes(), ONTOLOGY_GRAPH)
        writer.write_dumps(canonical)
        data = writer.commit()
    except BaseException:
        writer.discard()
        raise
    seconds["load"] = time.perf_counter() - t
    seconds["total"] = time.perf_counter() - started
    for r in results:
        r.nquads = b""
    return BuildReport(store, data, results, len(lines), seconds)


def _process_all(files: list[Path], base_iri: str | None, jobs: int | None,
                 progress: Callable[[int, int, DocumentResult], None] | None) -> list[DocumentResult]:
    jobs = jobs or min(os.cpu_count() or 1, 8)
    results: list[DocumentResult] = []
    if jobs <= 1 or len(files) < 8:
        for i, path in enumerate(files, 1):
            results.append(process_document(path, base_iri))
            if progress:
                progress(i, len(files), results[-1])
        return results
    with ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(base_iri,)) as pool:
        chunk = max(1, len(files) // (jobs * 8))
        for i, result in enumerate(pool.map(process_document, files, [base_iri] * len(files), chunksize=chunk), 1):
            results.append(result)
            if progress:
                progress(i, len(files), result)
    return results
