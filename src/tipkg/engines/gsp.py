"""The generic adapter: any SPARQL 1.1 store that speaks the Graph Store Protocol (GSP) with indirect graph
identification (`?graph=IRI`) and takes the union of its named graphs as the default graph of a query
(GraphDB, Neptune, QLever, Fuseki with a union default graph, tipkg's own endpoint for reading).

An engine whose paths, authentication or defaults differ has its own module beside this one, a subclass
that overrides only what differs.
"""
from __future__ import annotations

import httpx

from tipkg.remote import select


class PushError(RuntimeError):
    """The store refused a graph, or cannot be reached, or the adapter lacks what it needs."""


class GraphStore:
    """How tipkg writes to and reads from one SPARQL store."""

    name = "generic"
    # Sent as Turtle, written as N-Triples: a subset of Turtle that every engine's parser reads, with none of
    # the prefixed-name corners where older parsers disagree.
    content_type = "text/turtle"

    def __init__(self, endpoint: str, graph_store: str | None = None, user: str | None = None,
                 password: str | None = None, timeout_s: float = 300.0):
        self.endpoint = endpoint
        self.user = user
        self.password = password
        self.timeout_s = timeout_s
        self._graph_store = graph_store

    # --- reading -----------------------------------------------------------------------------------

    def query_parameters(self) -> dict[str, str]:
        """Protocol parameters that make the store's default graph the union of its named graphs."""
        return {}

    def as_embedded(self, rows: list[dict], sparql: str) -> list[dict]:
        """Rows as the embedded store would give them, where the engine fills a value another way."""
        return rows

    def graphs(self) -> list[str]:
        """The named graphs the store holds."""
        rows = select(self.endpoint, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", self.query_parameters())
        return sorted(row["g"] for row in rows if row.get("g"))

    # --- writing -----------------------------------------------------------------------------------

    @property
    def graph_store(self) -> str:
        if self._graph_store:
            return self._graph_store
        derived = self.derive_graph_store()
        if not derived:
            raise PushError(f"no Graph Store Protocol URL for {self.endpoint}: pass --graph-store URL "
                            "(Fuseki: .../DATASET/data, GraphDB: .../repositories/REPO/rdf-graphs/service, "
                            "Neptune: https://CLUSTER:8182/sparql/gsp/)")
        return derived

    def derive_graph_store(self) -> str | None:
        """The engine's usual GSP URL, from its query endpoint URL."""
        return None

    def auth(self) -> httpx.Auth | None:
        return httpx.BasicAuth(self.user, self.password or "") if self.user else None

    def client(self) -> httpx.Client:
        return httpx.Client(auth=self.auth(), timeout=self.timeout_s, follow_redirects=True)

    def replace_graph(self, client: httpx.Client, graph: str, ntriples: bytes) -> None:
        """PUT: the graph's content becomes exactly this, whatever it held before."""
        response = client.put(self.graph_store, params={"graph": graph}, content=ntriples,
                              headers={"Content-Type": self.content_type})
        self._check(response, f"PUT {graph}")

    def remove_graph(self, client: httpx.Client, graph: str) -> None:
        response = client.delete(self.graph_store, params={"graph": graph})
        if response.status_code != 404:  # already gone is what we wanted
            self._check(response, f"DELETE {graph}")

    @staticmethod
    def _check(response: httpx.Response, action: str) -> None:
        if response.status_code >= 300:
            detail = response.text.strip().replace("\n", " ")[:300]
            raise PushError(f"{action} at {response.request.url.copy_with(query=None)} answered "
                            f"{response.status_code} {response.reason_phrase}" + (f": {detail}" if detail else ""))
