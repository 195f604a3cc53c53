"""OpenLink Virtuoso: queries at /sparql, whose default graph is already the union of all graphs; the
Graph Store Protocol at /sparql-graph-crud-auth behind HTTP Digest authentication (a user with the
SPARQL_UPDATE role, such as dba), or at /sparql-graph-crud for anonymous writes when the SPARQL user has
been granted SPARQL_UPDATE."""
from __future__ import annotations

import httpx

from tipkg.engines.gsp import GraphStore
from tipkg.remote import group_concat_columns


class VirtuosoStore(GraphStore):
    name = "virtuoso"

    def as_embedded(self, rows: list[dict], sparql: str) -> list[dict]:
        # A GROUP_CONCAT over a group whose values are all unbound is "" here and unbound in Oxigraph.
        lists = group_concat_columns(sparql, bare=True)
        return [{k: None if k in lists and v == "" else v for k, v in row.items()} for row in rows]

    def auth(self) -> httpx.Auth | None:
        return httpx.DigestAuth(self.user, self.password or "") if self.user else None

    def derive_graph_store(self) -> str:
        base = self.endpoint.rstrip("/")
        if base.endswith("/sparql"):
            base = base[: -len("/sparql")]
        return base + ("/sparql-graph-crud-auth" if self.user else "/sparql-graph-crud")
