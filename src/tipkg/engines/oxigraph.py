"""The Oxigraph server (`oxigraph serve`, PyPI package `oxigraph`): queries at /query, the Graph Store
Protocol at /store; its default graph is only the unnamed graph unless a query asks for the union."""
from __future__ import annotations

from tipkg.engines.gsp import GraphStore


class OxigraphStore(GraphStore):
    name = "oxigraph"
    content_type = "application/n-triples"

    def query_parameters(self) -> dict[str, str]:
        # Oxigraph's own protocol extension; `--union-default-graph` at start-up does the same for every query.
        return {"union-default-graph": ""}

    def derive_graph_store(self) -> str:
        base = self.endpoint.rstrip("/")
        for path in ("/query", "/sparql"):
            if base.endswith(path):
                base = base[: -len(path)]
        return base + "/store"
