"""Stores beyond one process: pushing the built graph into another SPARQL 1.1 store, one named graph per
document, through the Graph Store Protocol, and reading it back with the canned queries (tipkg.remote).

Engines differ in where the Graph Store Protocol lives, how writes are authenticated and whether the default
graph of a query is the union of the named graphs; each difference sits in one adapter module per engine
(gsp: the generic protocol, oxigraph, virtuoso). `push` replaces every graph as a whole and removes the
graphs of documents that are no longer in the build, so the remote store holds what the last build holds.
"""
from __future__ import annotations

import functools
import json
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pyoxigraph as ox

from tipkg.engines.gsp import GraphStore, PushError
from tipkg.engines.oxigraph import OxigraphStore
from tipkg.engines.virtuoso import VirtuosoStore
from tipkg.store import current_data

ADAPTERS: dict[str, type[GraphStore]] = {"generic": GraphStore, "oxigraph": OxigraphStore, "virtuoso": VirtuosoStore}
# What an engine calls itself in the Server header of its answers.
SERVER_NAMES = {"oxigraph": "oxigraph", "virtuoso": "virtuoso"}

__all__ = ["ADAPTERS", "GraphStore", "PushError", "PushReport", "adapter_for", "push", "recognise"]


@functools.lru_cache(maxsize=32)
def recognise(endpoint: str) -> str:
    """The engine behind a query endpoint, from the Server header of its answer to the smallest query;
    "generic" when it does not say."""
    try:
        response = httpx.get(endpoint, params={"query": "ASK {}"}, timeout=30, follow_redirects=True,
                             headers={"Accept": "application/sparql-results+json"})
    except httpx.HTTPError as e:
        raise PushError(f"cannot reach {endpoint}: {e}") from None
    server = response.headers.get("server", "").lower()
    return next((engine for engine, name in SERVER_NAMES.items() if name in server), "generic")


def adapter_for(endpoint: str, engine: str = "auto", graph_store: str | None = None, user: str | None = None,
                password: str | None = None) -> GraphStore:
    name = recognise(endpoint) if engine in ("auto", None) else engine
    if name not in ADAPTERS:
        raise PushError(f"no adapter for engine {name!r}: {', '.join(ADAPTERS)}")
    return ADAPTERS[name](endpoint, graph_store=graph_store, user=user, password=password)


@dataclass
class PushReport:
    engine: str
    graph_store: str
    graphs: list[str] = field(default_factory=list)
    triples: int = 0
    removed: list[str] = field(default_factory=list)
    seconds: float = 0.0


def _document_graph_folders(data: Path) -> set[str]:
    """The IRI folders of the build's document graphs (such as https://w3id.org/tipkg/graph/): a graph
    under one of them on the remote store that the build no longer holds is a document that was removed."""
    record = data / "reports" / "graphs.json"
    if not record.exists():
        return set()
    return {iri.rsplit("/", 1)[0] + "/" for iri in json.loads(record.read_text())}


def push(store: Path, endpoint: str, *, engine: str = "auto", graph_store: str | None = None,
         user: str | None = None, password: str | None = None) -> PushReport:
    """Loads every named graph of the built store into the store behind `endpoint`, each replaced as a whole
    (HTTP PUT), then removes the remote graphs of documents that are no longer built."""
    started = time.monotonic()
    data = current_data(store)
    local = ox.Store.read_only(str(data / "oxigraph"))
    adapter = adapter_for(endpoint, engine, graph_store, user, password)
    report = PushReport(adapter.name, adapter.graph_store)
    graphs = sorted(g.value for g in local.named_graphs() if isinstance(g, ox.NamedNode))
    try:
        with adapter.client() as client:
            for graph in graphs:
                ntriples = local.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(graph))
                adapter.replace_graph(client, graph, ntriples)
                report.graphs.append(graph)
                report.triples += ntriples.count(b"\n")
            folders = _document_graph_folders(data)
            if folders:
                kept = set(graphs)
                for graph in adapter.graphs():
                    if graph not in kept and any(graph.startswith(f) for f in folders):
                        adapter.remove_graph(client, graph)
                        report.removed.append(graph)
    except httpx.HTTPError as e:
        raise PushError(f"{adapter.graph_store}: {e}") from None
    report.seconds = time.monotonic() - started
    return report
