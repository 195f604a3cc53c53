"""The store stage: the embedded Oxigraph store on disk, written aside and swapped in whole.

A store folder holds `current`, a symbolic link to one `data-<stamp>` folder (the Oxigraph database, the
dumps, the validation reports and the canned listings' answers). A build writes a new data folder and only
when it is complete flips the link (an atomic rename), so a failed or killed build leaves the previous graph
readable and queryable.
"""
from __future__ import annotations

import json
import marshal
import os
import shutil
import threading
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from tipkg.iris import PREFIXES

DEFAULT_STORE = Path("build") / "store"
ONTOLOGY_GRAPH = "https://w3id.org/tipkg/ontology"
# The description of every node the documents share (entities, States, cited resolutions, the documents' own
# nodes, rules): its types, label, lookup keys, acronyms and reference data, once. Each document's graph holds
# what the document states; the description of the nodes it uses is its part of this graph (tipkg.graph), so the
# union default graph gives each label once and a canned query joins one row per node for it (entity-profile,
# when the names were a copy beside the repeated labels: 1.1 s -> 0.24 s on the full corpus).
ENTITIES_GRAPH = "https://w3id.org/tipkg/entities"
RDFS_LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
SKOS_PREF_LABEL = "<http://www.w3.org/2004/02/skos/core#prefLabel>"
SKOS_ALT_LABEL = "<http://www.w3.org/2004/02/skos/core#altLabel>"
SKOS_HIDDEN_LABEL = "<http://www.w3.org/2004/02/skos/core#hiddenLabel>"
DCTERMS_IDENTIFIER = "http://purl.org/dc/terms/identifier"
# Each resolution and the latest earlier resolution of its series: the same title (compared without case, dashes,
# quotes or punctuation) adopted in an earlier year. A link across documents, so derived once per build here (1 s on
# the GA corpus), where a canned query would compare every title of the corpus at every call (document-lineage given
# a document: 2.4 s -> 0.2 s on a loaded machine); the lineage links read from one document's text
# (tipkg.extract.relations.lineage) stay in its graph.
SERIES_GRAPH = "https://w3id.org/tipkg/series"
ENTITIES_COUNTS = "entities-counts.marshal"  # in a data folder's reports/: how many documents' parts hold each line
_TITLE_KEY = 'LCASE(REPLACE(REPLACE(?{0}, "[\u2010\u2011\u2012\u2013\u2014-]", "-"), "[\u201c\u201d\\"\'\u2019.,\\\\s]+", " "))'
_SERIES_UPDATE = f"""
PREFIX tip: <https://w3id.org/tipkg/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
INSERT {{ GRAPH <{SERIES_GRAPH}> {{ ?later tip:continuesSeries ?earlier }} }}
WHERE {{
  {{ SELECT ?later ?key (MAX(?earlier_year) AS ?year) WHERE {{
      {{ SELECT ?later ?key ?later_year WHERE {{
          GRAPH ?g1 {{ ?later dcterms:title ?t1 ; tip:year ?later_year }} GRAPH <{ENTITIES_GRAPH}> {{ ?later a tip:Resolution }}
          BIND({_TITLE_KEY.format("t1")} AS ?key) }} }}
      {{ SELECT ?key ?earlier_year WHERE {{
          GRAPH ?g2 {{ ?e dcterms:title ?t2 ; tip:year ?earlier_year }} GRAPH <{ENTITIES_GRAPH}> {{ ?e a tip:Resolution }}
          BIND({_TITLE_KEY.format("t2")} AS ?key) }} }}
      FILTER(?earlier_year < ?later_year)
    }} GROUP BY ?later ?key }}
  {{ SELECT ?earlier ?key ?year WHERE {{
      GRAPH ?g3 {{ ?earlier dcterms:title ?t3 ; tip:year ?year }} GRAPH <{ENTITIES_GRAPH}> {{ ?earlier a tip:Resolution }}
      BIND({_TITLE_KEY.format("t3")} AS ?key) }} }}
}}"""
# The graphs a build derives rather than reads from a document: not data for VoID, the dumps or publishing.
DERIVED_GRAPHS = (ONTOLOGY_GRAPH, SERIES_GRAPH)


def entities_part(graph_file: Path) -> Path:
    """Where a document's cached graph keeps its part of the entities graph: KEY.entities.nq beside KEY.nq."""
    return graph_file.with_suffix(".entities.nq")


def merge_descriptions(parts: list[Path]) -> bytes:
    """The entities graph as canonical N-Quads (sorted lines), from the documents' parts: each description
    triple once, and one rdfs:label and skos:prefLabel per node -- the label most documents give it (then the
    shortest, then the first in order); a node's other labels, spelled otherwise by other documents ("meeting of
    States"), become its skos:altLabel. Rebuilt from every current document's part at each build, so a node
    described only by a removed or changed document loses what that document said of it."""
    return merged_lines(count_lines(parts))


def count_lines(parts: list[Path], counts: Counter | None = None, step: int = 1) -> Counter:
    """How many of the parts hold each line (each part's lines are distinct): added to `counts`, or taken from it
    with step=-1 (a rebuild takes the parts of the documents that went and adds those that came)."""
    counts = Counter() if counts is None else counts
    for part in parts:
        with part.open("rb") as f:
            for line in f:
                counts[line] += step
    return counts


def merged_lines(counts: Counter) -> bytes:
    """merge_descriptions from the lines' counts."""
    lines: set[bytes] = set()
    labels: dict[bytes, Counter] = defaultdict(Counter)
    label, pref = RDFS_LABEL.encode(), SKOS_PREF_LABEL.encode()
    for line, n in counts.items():
        if n <= 0:
            continue
        lines.add(line)
        subject, predicate, rest = line.split(b" ", 2)
        if predicate == label:
            labels[subject][rest] = n
    tail = f" <{ENTITIES_GRAPH}> .\n".encode()
    for subject, by_label in labels.items():
        if len(by_label) < 2:
            continue
        chosen = min(by_label, key=lambda rest: (-by_label[rest], len(rest), rest))
        for rest in by_label:
            if rest != chosen:
                lines.discard(b" ".join((subject, label, rest)))
                lines.discard(b" ".join((subject, pref, rest)))
                alternative = rest[:-len(tail)] if rest.endswith(tail) else rest
                lines.add(b" ".join((subject, SKOS_ALT_LABEL.encode(), alternative)) + tail)
    return b"".join(sorted(lines))


def with_descriptions(store: ox.Store, graph: str) -> list[ox.Triple]:
    """A document's graph as it was validated: its own triples, with the description (entities graph) of every
    node it names, and of the nodes those descriptions name in turn (a government's State, an office's parent)."""
    own = [q.triple for q in store.quads_for_pattern(None, None, None, ox.NamedNode(graph))]
    entities = ox.NamedNode(ENTITIES_GRAPH)
    out = list(own)
    seen: set = set()
    todo = {t.subject for t in own} | {t.object for t in own if isinstance(t.object, ox.NamedNode)}
    while todo:
        node = todo.pop()
        seen.add(node)
        for q in store.quads_for_pattern(node, None, None, entities):
            out.append(q.triple)
            if isinstance(q.object, ox.NamedNode) and q.object not in seen:
                todo.add(q.object)
    return out


@dataclass
class GraphChanges:
    """What a rebuild changed in the store, for the VoID figures (tipkg.linkeddata.void.update_void_stats): the
    triples the changed graphs held before (documents removed or replaced, the entities graph's lines that went),
    the document graphs removed or replaced, those loaded anew, and the entities graph's new lines."""
    removed: list[ox.Triple] = field(default_factory=list)
    removed_graphs: set[str] = field(default_factory=set)
    loaded_graphs: set[str] = field(default_factory=set)
    entities_added: set[ox.Triple] = field(default_factory=set)
    entities_removed: set[ox.Triple] = field(default_factory=set)
    identifiers: dict[str, str] = field(default_factory=dict)  # removed or replaced graph -> its document's identifier

    def described_nodes(self) -> set:
        """The nodes whose description in the entities graph changed, lookup keys aside (no listing reads those)."""
        keys = {SKOS_HIDDEN_LABEL[1:-1]}
        return {t.subject for t in self.entities_added | self.entities_removed if t.predicate.value not in keys}


# beyond this many changed document graphs a rebuild counts the VoID figures again rather than update them
FEW_CHANGES = 64


class StoreError(RuntimeError):
    """A store that does not exist or cannot be opened."""


def current_data(store: Path) -> Path:
    """The data folder the store's `current` link points to."""
    link = Path(store) / "current"
    if not link.exists():
        raise StoreError(f"no graph in {store}: run `tipkg build` first (or pass --store)")
    return link.resolve()


def open_store(store: Path) -> ox.Store:
    """A read-only Oxigraph store of the current graph."""
    return _read_only(current_data(store))


def _read_only(data: Path) -> ox.Store:
    """The Oxigraph database of a data folder, opened read-only."""
    path = data / "oxigraph"
    try:
        return ox.Store.read_only(str(path))
    except OSError as e:
        raise StoreError(f"cannot open the store in {path}: {e}") from None


class CurrentGraph:
    """A store folder's current graph, opened read-only once and again only when a rebuild moves `current`:
    what a process that answers many queries holds (the endpoint, a notebook), since opening costs ~10 ms."""

    def __init__(self, store: Path):
        self.folder = Path(store)
        self._lock = threading.Lock()
        self._data: Path | None = None
        self._store: ox.Store | None = None

    def data(self) -> Path:
        return current_data(self.folder)

    def store(self) -> ox.Store:
        data = self.data()
        with self._lock:
            if data != self._data or self._store is None:
                self._store = _read_only(data)
                self._data = data
            return self._store


class StoreWriter:
    """Writes a new data folder beside the current one; `commit` swaps it in, `discard` removes it.

    The new database starts as a checkpoint of the current one (hard links: instant), so a rebuild only
    replaces the named graphs of the documents that changed."""

    def __init__(self, store: Path, start_from_current: bool = True):
        self.store = Path(store)
        self.store.mkdir(parents=True, exist_ok=True)
        self._clean_stale()
        stamp = time.strftime("%Y%m%dT%H%M%S") + f"-{os.getpid()}-{time.monotonic_ns() % 10**6}"
        self.data = self.store / f"data-{stamp}"
        self.data.mkdir()
        (self.data / "dumps").mkdir()
        (self.data / "reports").mkdir()
        self.previous_graphs: dict[str, str] = {}  # graph IRI -> cache key, of the current store
        current = self.store / "current"
        state = current / "reports" / "graphs.json"
        if start_from_current and current.exists() and state.exists():
            try:
                ox.Store.read_only(str(current.resolve() / "oxigraph")).backup(str(self.data / "oxigraph"))
                self.previous_graphs = json.loads(state.read_text())
            except (OSError, ValueError):
                shutil.rmtree(self.data / "oxigraph", ignore_errors=True)
                self.previous_graphs = {}
        self.oxigraph = ox.Store(str(self.data / "oxigraph"))
        self.incremental = bool(self.previous_graphs)
        self.previous_data = current.resolve() if self.incremental else None
        self.changes: GraphChanges | None = GraphChanges() if self.incremental else None
        self._parts_going: list[Path] | None = None  # the entities parts of the documents that went (update_graphs)
        self._parts_coming: list[Path] = []

    def update_graphs(self, graphs: dict[str, tuple[str, Path]]) -> int:
        """Makes the store hold exactly these document graphs (IRI -> (cache key, N-Quads file)): graphs
        whose key is unchanged stay, others are removed or (re)loaded. Returns how many were loaded."""
        going = [iri for iri, key in self.previous_graphs.items() if graphs.get(iri, (None,))[0] != key]
        coming = [iri for iri, (key, _) in graphs.items() if self.previous_graphs.get(iri) != key]
        if self.changes is not None and len(going) + len(coming) > FEW_CHANGES:
            self.changes = None  # too many to follow one by one: the figures are counted again
        for iri in going:
            if self.changes is not None:  # what the graph held, before it goes
                held = [q.triple for q in self.oxigraph.quads_for_pattern(None, None, None, ox.NamedNode(iri))]
                self.changes.removed += held
                self.changes.removed_graphs.add(iri)
                # a document's graph holds one node with an identifier: the document itself
                self.changes.identifiers.update({iri: t.object.value for t in held if t.predicate.value == DCTERMS_IDENTIFIER})
            self.oxigraph.remove_graph(ox.NamedNode(iri))
        if self.changes is not None:
            self.changes.loaded_graphs.update(coming)
            cache = next(iter(graphs.values()))[1].parent if graphs else None
            self._parts_going = [entities_part(cache / f"{self.previous_graphs[iri]}.nq") for iri in going] if cache else None
            self._parts_coming = [entities_part(graphs[iri][1]) for iri in coming]
        changed = [graphs[iri][1] for iri in sorted(coming)]
        if changed:
            batch = self.data / "reports" / "changed.nq"
            with batch.open("wb") as out:
                for path in changed:
                    with path.open("rb") as f:
                        shutil.copyfileobj(f, out)
            self.load_file(batch)
            batch.unlink()
        (self.data / "reports" / "graphs.json").write_text(json.dumps({iri: key for iri, (key, _) in graphs.items()}))
        return len(changed)

    def refresh_entities(self, parts: list[Path]) -> Path:
        """The entities graph made again from the current documents' parts (merge_descriptions); its canonical
        N-Quads are kept in the data folder for the dumps. Returns that file. A rebuild that changed a few
        documents starts from the previous build's counts of each line (reports/entities-counts.marshal) and
        reads only the parts of the documents that went and came, and changes in the store only the lines that
        differ."""
        counts = self._previous_counts()
        if counts is not None:
            count_lines(self._parts_going, counts, -1)
            count_lines(self._parts_coming, counts)
            counts = +counts  # the lines no document holds any more go
        else:
            counts = count_lines(parts)
        data = merged_lines(counts)
        (self.data / "reports" / ENTITIES_COUNTS).write_bytes(marshal.dumps(dict(counts)))
        canonical = self.data / "reports" / "entities.nq"
        canonical.write_bytes(data)
        if self.changes is not None:
            try:
                before = set((self.previous_data / "reports" / "entities.nq").read_bytes().splitlines(keepends=True))
            except OSError:
                self.changes = None
            else:
                after = set(data.splitlines(keepends=True))
                self.changes.entities_removed = {q.triple for q in ox.parse(b"".join(before - after),
                                                                            format=ox.RdfFormat.N_QUADS)}
                self.changes.entities_added = {q.triple for q in ox.parse(b"".join(after - before),
                                                                          format=ox.RdfFormat.N_QUADS)}
        entities = ox.NamedNode(ENTITIES_GRAPH)
        if self.changes is not None:
            for t in self.changes.entities_removed:
                self.oxigraph.remove(ox.Quad(t.subject, t.predicate, t.object, entities))
            self.oxigraph.extend(ox.Quad(t.subject, t.predicate, t.object, entities) for t in self.changes.entities_added)
            return canonical
        self.oxigraph.remove_graph(entities)
        if data:
            self.oxigraph.bulk_load(input=data, format=ox.RdfFormat.N_QUADS)
        return canonical

    def _previous_counts(self) -> Counter | None:
        """The previous build's counts of the entities graph's lines, when this build follows its changes."""
        if self.changes is None or self._parts_going is None:
            return None
        try:
            counts = Counter(marshal.loads((self.previous_data / "reports" / ENTITIES_COUNTS).read_bytes()))
        except (OSError, ValueError, EOFError, TypeError):
            return None
        if not all(p.exists() for p in self._parts_going + self._parts_coming):
            return None
        return counts

    def refresh_series(self) -> None:
        """The series graph (SERIES_GRAPH) made again from the documents' graphs: derived, like the ontology graph
        not in the dumps (`tipkg push` sends it)."""
        self.oxigraph.remove_graph(ox.NamedNode(SERIES_GRAPH))
        self.oxigraph.update(_SERIES_UPDATE)

    def load_file(self, nquads: Path) -> None:
        self.oxigraph.bulk_load(path=str(nquads), format=ox.RdfFormat.N_QUADS)

    def load_graph(self, data: bytes, graph: str, fmt: ox.RdfFormat = ox.RdfFormat.TURTLE) -> None:
        self.oxigraph.bulk_load(input=data, format=fmt, to_graph=ox.NamedNode(graph))

    def replace_graph(self, graph: str, *sources: bytes) -> None:
        """A graph that is small and always rewritten, such as the ontology."""
        self.oxigraph.remove_graph(ox.NamedNode(graph))
        for data in sources:
            self.load_graph(data, graph)

    def write_dumps(self, parts: list[tuple[Path, Path]], entities: Path) -> None:
        """The canonical N-Quads (each graph sorted, graphs in order: byte-identical for identical inputs) and
        Turtle of the union graph, concatenated from the entities graph's file (refresh_entities) and the
        documents' own files."""
        dumps = self.data / "dumps"
        entities_turtle = self.data / "reports" / "entities.ttl"
        entities_turtle.write_bytes(ox.serialize(
            (q.triple for q in ox.parse(path=str(entities), format=ox.RdfFormat.N_QUADS)), format=ox.RdfFormat.TURTLE,
            prefixes={p: str(n) for p, n in PREFIXES.items()}))
        with (dumps / "tipkg.nq").open("wb") as nq, (dumps / "tipkg.ttl").open("wb") as ttl:
            for nquads, turtle in [(entities, entities_turtle), *parts]:
                with nquads.open("rb") as f:
                    shutil.copyfileobj(f, nq)
                with turtle.open("rb") as f:
                    shutil.copyfileobj(f, ttl)

    def commit(self) -> Path:
        self.oxigraph.flush()
        if not self.incremental:
            self.oxigraph.optimize()
        del self.oxigraph
        link = self.store / "current"
        tmp = self.store / f".current-{os.getpid()}"
        if tmp.is_symlink() or tmp.exists():
            tmp.unlink()
        tmp.symlink_to(self.data.name)
        old = link.resolve() if link.exists() else None
        os.replace(tmp, link)  # the atomic swap
        if old and old != self.data and old.exists():
            shutil.rmtree(old, ignore_errors=True)
        return self.data

    def discard(self) -> None:
        if hasattr(self, "oxigraph"):
            del self.oxigraph
        shutil.rmtree(self.data, ignore_errors=True)

    def _clean_stale(self) -> None:
        """Data folders of builds that died before their swap."""
        live = (self.store / "current").resolve() if (self.store / "current").exists() else None
        for d in self.store.glob("data-*"):
            if d != live and d.is_dir():
                pid = d.name.split("-")[2] if d.name.count("-") >= 3 else ""
                if pid.isdigit() and _running(int(pid)) and int(pid) != os.getpid():
                    continue  # another build is writing it
                shutil.rmtree(d, ignore_errors=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except OSError:
        return False
    return True
