"""`tipkg publish`: the graph as a static linked-data site that any web server can serve.

The folder holds, for every resource, the same HTML page `tipkg serve` shows and its Turtle and JSON-LD
(state/JPN.html, .ttl, .jsonld); the ontology's documentation and files; the dataset's VoID/DCAT
description (void.ttl, .well-known/void, dataset.html); the dumps (Turtle, gzipped N-Triples and N-Quads,
JSON-LD); index pages and a sitemap; and server configuration (an nginx file and an Apache .htaccess)
that answers a resource IRI (state/JPN) with a 303 to the file in the format the client asks for.

The site is written into a fresh folder beside the target and swapped in whole, so a failed publish
leaves the previous site as it was.
"""
from __future__ import annotations

import gzip
import os
import shutil
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable
from urllib.parse import quote, urlsplit

import jinja2
import pyoxigraph as ox

from tipkg.iris import Iris
from tipkg.linkeddata.describe import describe
from tipkg.linkeddata.negotiate import HTML, JSON_LD, TURTLE, Format
from tipkg.linkeddata.pages import (DATASET_PATH, ONTOLOGY_PATH, Site, kind_page_count, kind_path, list_pages,
                                    list_path, ontology_terms, render_index, render_kind, render_list,
                                    render_ontology, render_resource)
from tipkg.linkeddata.serialize import CONTEXT_FILE, rdf_bytes
from tipkg.linkeddata.site import index_entries, ontology_triples, resource_paths
from tipkg.linkeddata.void import DISTINCT_TRIPLES, VOID_PREFIXES, Dump, serialize_void, triple_count, void_store, void_triples
from tipkg.linkeddata.timeline import Timelines
from tipkg.store import DERIVED_GRAPHS, current_data, open_store

# what a static site offers per resource; a server with `tipkg serve` offers N-Triples and RDF/XML too
STATIC_FORMATS: tuple[Format, ...] = (HTML, TURTLE, JSON_LD)
MARKER = ".tipkg-site"  # in a folder `tipkg publish` wrote, so that it may replace it
SITEMAP_LIMIT = 50_000  # URLs per sitemap file (sitemaps.org)
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"

_configuration = jinja2.Environment(  # server configuration files are not HTML: nothing to escape
    loader=jinja2.PackageLoader("tipkg.linkeddata", "templates/server"), autoescape=False,
    undefined=jinja2.StrictUndefined, keep_trailing_newline=True)


class PublishError(RuntimeError):
    """A site that could not be written; the previous one, if any, is untouched."""


@dataclass
class PublishReport:
    out: Path
    base: str
    resources: int = 0
    files: int = 0
    dumps: list[Dump] = field(default_factory=list)
    seconds: float = 0.0


def publish(store_dir: Path, out: Path, base_iri: str | None = None, *, sparql_endpoint: str | None = None,
            progress: Callable[[int, int], None] | None = None) -> PublishReport:
    """Writes the static site of the store's graph into `out`. `base_iri` is the base the graph was built
    with (its IRIs are mapped to files under it); `sparql_endpoint`, where one runs, goes into VoID."""
    started = time.perf_counter()
    store = open_store(Path(store_dir))
    iris = Iris(base_iri)
    paths = resource_paths(store, iris.base)
    if not paths:
        raise PublishError(f"the graph holds no IRI under {iris.base}: was it built with another --base-iri?")
    out = Path(out)
    if out.exists() and any(out.iterdir()) and not (out / MARKER).exists():
        raise PublishError(f"{out} is not empty and was not written by `tipkg publish`: choose another folder")
    work = out.parent / f".{out.name}.tmp-{os.getpid()}"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    try:
        # the resolutions' timelines from the listings the build answered (read once), not two queries a page
        timelines = Timelines(store, current_data(Path(store_dir)))
        report = _write_site(store, work, out.resolve(), iris, paths, sparql_endpoint, progress, timelines)
        (work / MARKER).write_text(f"written by tipkg publish for {iris.base}\n")
        _swap(work, out)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    report.out = out
    report.seconds = time.perf_counter() - started
    return report


def _swap(work: Path, out: Path) -> None:
    old = out.parent / f".{out.name}.old-{os.getpid()}"
    if out.exists():
        os.replace(out, old)
    os.replace(work, out)
    shutil.rmtree(old, ignore_errors=True)


def _write_site(store: ox.Store, root: Path, final: Path, iris: Iris, paths: list[str], sparql_endpoint: str | None,
                progress: Callable[[int, int], None] | None, timelines: Timelines) -> PublishReport:
    report = PublishReport(root, iris.base)
    report.dumps = write_dumps(store, root / "dumps")
    void = void_triples(store, iris.base, dumps=tuple(report.dumps), sparql_endpoint=sparql_endpoint,
                        landing_page=str(iris.site("index.html")))
    void_ttl = serialize_void(void)
    for target in (root / "void.ttl", root / ".well-known" / "void", root / "dumps" / "void.ttl"):
        _write(target, void_ttl)

    files = {str(iris.dump(d.filename)) for d in report.dumps} | {str(iris.dump("void.ttl")),
                                                                  str(iris.site("index.html"))}
    if sparql_endpoint and sparql_endpoint.startswith(iris.base):
        files.add(sparql_endpoint)
    site = Site(iris.base, formats=STATIC_FORMATS, ontology_terms=ontology_terms(store), files=frozenset(files))

    # the ontology: its documentation, its files, and the JSON-LD context
    _write(root / f"{ONTOLOGY_PATH}.html", render_ontology(store, site).encode())
    onto = ontology_triples(store)
    for fmt in STATIC_FORMATS[1:]:
        _write(root / f"{ONTOLOGY_PATH}.{fmt.extension}", rdf_bytes(onto, fmt))
    if CONTEXT_FILE.exists():
        _write(root / ONTOLOGY_PATH / "context.jsonld", CONTEXT_FILE.read_bytes())

    # every resource, then the dataset and its subsets (from the VoID description)
    described = void_store(void, str(iris.dataset()))
    subsets = [q.object.value[len(iris.base):] for q in described.quads_for_pattern(
        ox.NamedNode(str(iris.dataset())), ox.NamedNode(VOID_PREFIXES["void"] + "subset"), None)
        if q.object.value.startswith(iris.base)]  # the entities graph is outside another base: no page of its own
    pages = [(p, store) for p in paths] + [(DATASET_PATH, described)] + [(p, described) for p in sorted(subsets)]
    lists_written: list[str] = []
    for i, (path, source) in enumerate(pages, 1):
        description = describe(source, iris.base + path)
        if description is None:
            continue
        timeline = timelines.of(description.iri) if source is store and path.startswith("resolution/") else None
        _write(root / f"{path}.html", render_resource(description, site, path, source, timeline).encode())
        for section, count in list_pages(description, site.base, source).items():
            for number in range(1, count + 1):
                listed = list_path(path, section, number)
                _write(root / f"{listed}.html", render_list(description, site, path, section, number, source).encode())
                lists_written.append(f"{listed}.html")
        for fmt in STATIC_FORMATS[1:]:
            _write(root / f"{path}.{fmt.extension}", rdf_bytes(description.triples, fmt))
        report.resources += 1
        if progress:
            progress(i, len(pages))

    kinds, documents = index_entries(store, iris.base)
    dumps = [(d.filename, f"dumps/{d.filename}") for d in report.dumps] + [("void.ttl", "void.ttl")]
    _write(root / "index.html", render_index(site, [(k, len(v)) for k, v in kinds.items()], documents, dumps,
                                            triple_count(void)).encode())
    kind_pages = [kind_path(kind, n) for kind, nodes in kinds.items() for n in range(1, kind_page_count(nodes) + 1)]
    for kind, nodes in kinds.items():
        for n in range(1, kind_page_count(nodes) + 1):
            _write(root / f"{kind_path(kind, n)}.html", render_kind(site, kind, nodes, n).encode())

    pages_written = ["index.html", f"{ONTOLOGY_PATH}.html"] + [f"{k}.html" for k in kind_pages] + \
        [f"{p}.html" for p, _ in pages] + lists_written
    write_sitemap(root, iris.base, pages_written)
    write_server_configuration(root, iris.base, example=paths[0], served_from=final)
    report.files = sum(1 for p in root.rglob("*") if p.is_file())
    return report


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def write_dumps(store: ox.Store, folder: Path) -> list[Dump]:
    """The whole graph for download: Turtle and gzipped N-Triples of the union of the document graphs,
    gzipped N-Quads and JSON-LD keeping one named graph per document. Gzip headers carry no time, so the
    same graph gives the same bytes."""
    folder.mkdir(parents=True, exist_ok=True)

    def triples(ordered: bool = False):
        query = DISTINCT_TRIPLES + (" ORDER BY ?s ?p ?o" if ordered else "")
        return (ox.Triple(s, p, o) for s, p, o in store.query(query, use_default_graph_as_union=True))

    def quads():
        for graph in sorted(store.named_graphs(), key=lambda g: g.value):
            if graph.value not in DERIVED_GRAPHS:
                yield from store.quads_for_pattern(None, None, None, graph)

    dumps = []
    ox.serialize(triples(ordered=True), str(folder / "tipkg.ttl"), ox.RdfFormat.TURTLE, prefixes=VOID_PREFIXES)
    dumps.append(Dump("tipkg.ttl", "text/turtle"))
    for name, media, fmt, source in (("tipkg.nt.gz", "application/n-triples", ox.RdfFormat.N_TRIPLES, triples),
                                     ("tipkg.nq.gz", "application/n-quads", ox.RdfFormat.N_QUADS, quads)):
        with open(folder / name, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as out:
            ox.serialize(source(), out, fmt)
        dumps.append(Dump(name, media, "application/gzip"))
    ox.serialize(quads(), str(folder / "tipkg.jsonld"), ox.RdfFormat.JSON_LD)
    dumps.append(Dump("tipkg.jsonld", "application/ld+json"))
    return [Dump(d.filename, d.media_type, d.compression, (folder / d.filename).stat().st_size) for d in dumps]


def write_sitemap(root: Path, base: str, pages: list[str]) -> None:
    """sitemap.xml, or a sitemap index over numbered sitemaps when there are more pages than one may list."""
    ET.register_namespace("", SITEMAP_NS)
    chunks = [pages[i:i + SITEMAP_LIMIT] for i in range(0, len(pages), SITEMAP_LIMIT)]

    def urlset(chunk: list[str]) -> ET.ElementTree:
        top = ET.Element(f"{{{SITEMAP_NS}}}urlset")
        for page in chunk:
            ET.SubElement(ET.SubElement(top, f"{{{SITEMAP_NS}}}url"), f"{{{SITEMAP_NS}}}loc").text = \
                base + quote(page, safe="/-._~()")
        return ET.ElementTree(top)

    if len(chunks) == 1:
        urlset(chunks[0]).write(root / "sitemap.xml", encoding="utf-8", xml_declaration=True)
        return
    top = ET.Element(f"{{{SITEMAP_NS}}}sitemapindex")
    for n, chunk in enumerate(chunks, 1):
        urlset(chunk).write(root / f"sitemap-{n}.xml", encoding="utf-8", xml_declaration=True)
        ET.SubElement(ET.SubElement(top, f"{{{SITEMAP_NS}}}sitemap"), f"{{{SITEMAP_NS}}}loc").text = \
            f"{base}sitemap-{n}.xml"
    ET.ElementTree(top).write(root / "sitemap.xml", encoding="utf-8", xml_declaration=True)


def write_server_configuration(root: Path, base: str, example: str, served_from: Path | None = None,
                               port: int = 8080) -> None:
    """An Apache .htaccess and an nginx file (for the site served from `served_from`, by default where it
    is written), both answering a resource IRI with a 303 by Accept."""
    host = urlsplit(base).hostname or "localhost"
    values = {"example": example, "listen": port, "server_name": host, "root": str(served_from or root)}
    (root / ".htaccess").write_text(_configuration.get_template("htaccess").render(**values))
    (root / "nginx.conf").write_text(_configuration.get_template("nginx.conf").render(**values))
