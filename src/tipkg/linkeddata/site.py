"""The graph as a site: which resources have pages (every IRI under the base, its fragment cut, whose path
is safe), grouped by kind (the first segment of the path: state, org, document, ...), and the triples of
the ontology graph, which the ontology's own page and files show."""
from __future__ import annotations

from collections import defaultdict

import pyoxigraph as ox

from tipkg.iris import TIP
from tipkg.linkeddata.describe import Node, labels
from tipkg.linkeddata.pages import ONTOLOGY_PATH, page_path_ok
from tipkg.store import ONTOLOGY_GRAPH


def resource_paths(store: ox.Store, base: str) -> list[str]:
    """The page paths of every IRI under the base that the graph holds as subject or object."""
    paths = set()
    for (x,) in store.query(f"""SELECT DISTINCT ?x WHERE {{ {{ ?x ?p ?o }} UNION {{ ?s ?p ?x }}
            FILTER(isIRI(?x) && STRSTARTS(STR(?x), "{base}")) }}""", use_default_graph_as_union=True):
        path = x.value[len(base):].split("#", 1)[0]
        if path != ONTOLOGY_PATH and not x.value.startswith(str(TIP)) and page_path_ok(path):
            paths.add(path)
    return sorted(paths)


def index_entries(store: ox.Store, base: str) -> tuple[dict[str, list[Node]], list[Node]]:
    """The resources by kind, each list sorted by label, and the documents read into the graph."""
    paths = resource_paths(store, base)
    known = labels(store, {base + p for p in paths})
    kinds: dict[str, list[Node]] = defaultdict(list)
    for path in paths:
        if "/" in path:
            kinds[path.split("/", 1)[0]].append(Node(ox.NamedNode(base + path), known.get(base + path)))
    for nodes in kinds.values():
        nodes.sort(key=lambda n: ((n.label or n.value).lower(), n.value))
    documents = sorted({Node(d, known.get(d.value)) for (d,) in store.query(
        f"SELECT DISTINCT ?d WHERE {{ ?d <{TIP}sourceFile> ?f }}", use_default_graph_as_union=True)},
        key=lambda n: n.value)
    return dict(sorted(kinds.items())), documents


def ontology_triples(store: ox.Store) -> list[ox.Triple]:
    """The ontology as built into the store (ontology/tipkg.ttl and verbs.ttl)."""
    return sorted((q.triple for q in store.quads_for_pattern(None, None, None, ox.NamedNode(ONTOLOGY_GRAPH))),
                  key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
