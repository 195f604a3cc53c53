"""The linked-data routes of `tipkg serve`: every IRI of the graph dereferences, by content negotiation.

A request path maps to an IRI by the configured base: http://HOST/state/JPN is <base>state/JPN. Following
"Cool URIs for the Semantic Web" (section 4.3, 303 URIs forwarding to one generic document per format),
the IRI of a thing answers 303 See Other to the document describing it in the format the client prefers:
state/JPN.html, .ttl, .jsonld, .nt or .rdf, each of which answers 200 in its own format. Hash IRIs
(document/X#para-43, ontology#State) are described by the document of the IRI before the '#': a client
asks for document/X and the page holds anchor para-43. Responses say Vary: Accept, their Content-Type,
and Link the alternates. The dataset's VoID/DCAT description is at /.well-known/void; the dumps a build
leaves at /dumps/NAME; the JSON-LD context at /ontology/context.jsonld.

Paths with dot segments, encoded slashes or backslashes are refused (400) before anything is looked up.
"""
from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from starlette.requests import Request
from starlette.responses import FileResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from tipkg.iris import Iris
from tipkg.linkeddata import describe as describing
from tipkg.linkeddata.negotiate import FORMATS, HTML, RDF_FORMATS, TURTLE, Format, choose, split_extension
from tipkg.linkeddata.pages import (DATASET_PATH, KIND_PAGE, LIST_PAGE, ONTOLOGY_PATH, Site, ontology_terms,
                                    page_path_ok, render_error, render_index, render_kind, render_list,
                                    render_ontology, render_resource)
from tipkg.linkeddata.serialize import CONTEXT_FILE, rdf_bytes
from tipkg.linkeddata.timeline import Timelines
from tipkg.linkeddata.site import index_entries, ontology_triples
from tipkg.linkeddata.void import BUILD_DUMPS, triple_count, void_store, void_triples
from tipkg.store import ONTOLOGY_GRAPH, StoreError, current_data

# what no path of a resource holds, decoded or not: dot segments, backslashes, NUL, encoded / \ . NUL
ENCODED_TRICKS = re.compile(rb"%(?:2f|5c|2e|00)", re.I)
# pages hold no script: a policy that forbids any makes stray markup in a document's text inert twice over
HTML_HEADERS = {"Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; "
                                          "base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
                "X-Content-Type-Options": "nosniff"}


def path_problem(request: Request) -> str | None:
    """Why a request path is refused, or None: linked-data paths are plain segments only."""
    raw = request.scope.get("raw_path") or request.scope["path"].encode()
    if ENCODED_TRICKS.search(raw.split(b"?", 1)[0]):
        return "encoded slashes, backslashes, dots or NUL are not allowed in a resource path"
    path = request.scope["path"]
    if "\\" in path or "\x00" in path or "//" in path:
        return "backslashes, NUL and empty segments are not allowed in a resource path"
    if any(segment in (".", "..") for segment in path.split("/")):
        return "dot segments are not allowed in a resource path"
    return None


@dataclass
class Published:
    """What the routes compute once per graph (data folder) and base IRI: the VoID description, the
    ontology's terms and page, the index of resources."""
    store: ox.Store
    data: Path
    base_iri: str
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _void: list[ox.Triple] | None = None
    _void_store: ox.Store | None = None
    _terms: frozenset[str] | None = None
    _ontology_html: str | None = None
    _index: tuple | None = None
    _timelines: Timelines | None = None

    @property
    def dumps(self) -> list[str]:
        folder = self.data / "dumps"
        return sorted(p.name for p in folder.iterdir() if p.is_file()) if folder.is_dir() else []

    def site(self) -> Site:
        iris = Iris(self.base_iri)
        files = frozenset({str(iris.dump(name)) for name in self.dumps} | {str(iris.site("sparql"))})
        return Site(self.base_iri, ontology_terms=self.terms(), files=files, sparql="sparql")

    def void(self) -> list[ox.Triple]:
        if self._void is None:
            iris = Iris(self.base_iri)
            dumps = tuple(d for d in BUILD_DUMPS if d.filename in self.dumps)
            self._void = void_triples(self.store, self.base_iri, dumps=dumps,
                                      sparql_endpoint=str(iris.site("sparql")),
                                      landing_page=str(iris.site("index.html")))
        return self._void

    def void_store(self) -> ox.Store:
        if self._void_store is None:
            self._void_store = void_store(self.void(), str(Iris(self.base_iri).dataset()))
        return self._void_store

    def timelines(self) -> Timelines:
        with self._lock:
            if self._timelines is None:
                self._timelines = Timelines(self.store, self.data)
            return self._timelines

    def terms(self) -> frozenset[str]:
        if self._terms is None:
            self._terms = ontology_terms(self.store)
        return self._terms

    def ontology_html(self) -> str:
        if self._ontology_html is None:
            self._ontology_html = render_ontology(self.store, self.site())
        return self._ontology_html

    def index(self) -> tuple:
        if self._index is None:
            self._index = index_entries(self.store, Iris(self.base_iri).base)
        return self._index


_published: dict[tuple[str, str], Published] = {}
_published_lock = threading.Lock()


def published(request: Request) -> Published:
    """The per-graph cache of this server, made again when a rebuild swaps the store's data folder."""
    from tipkg.serve import store_of

    config = request.app.state.config
    base = Iris(getattr(config, "base_iri", None)).base
    data = current_data(config.store)
    key = (str(data), base)
    with _published_lock:
        if key not in _published:
            _published.clear()
            _published[key] = Published(store_of(request), data, base)
        return _published[key]


def _links(page_path: str, formats: tuple[Format, ...] = FORMATS) -> str:
    name = page_path.rsplit("/", 1)[-1]
    return ", ".join(f'<{name}.{f.extension}>; rel="alternate"; type="{f.media_type}"' for f in formats)


def _html(body: str, status: int = 200, headers: dict | None = None) -> Response:
    return Response(body, status, media_type=HTML.media_type, headers={**HTML_HEADERS, **(headers or {})})


def _not_found(request: Request, pub: Published | None, path: str, message: str, status: int = 404) -> Response:
    if pub is not None and choose(request.headers.get("accept"), (HTML, TURTLE)) is HTML:
        return _html(render_error(pub.site(), path or "index", status, message), status)
    return PlainTextResponse(message, status)


def linked_data(request: Request) -> Response:
    """Any path the endpoint does not take: a resource IRI (303), one of its documents (200), an index."""
    problem = path_problem(request)
    if problem:
        return PlainTextResponse(problem, 400)
    path = request.path_params["path"]
    try:
        pub = published(request)
    except StoreError as e:
        return PlainTextResponse(str(e), 503)
    site = pub.site()
    if path == "index.html":
        kinds, documents = pub.index()
        dumps = [(name, f"dumps/{name}") for name in pub.dumps]
        return _html(render_index(site, [(k, len(v)) for k, v in kinds.items()], documents, dumps,
                                  triple_count(pub.void())))
    if path.endswith(".html") and (m := KIND_PAGE.fullmatch(path[:-5])):
        kinds = pub.index()[0]
        kind, number = m["kind"], int(m["number"] or 1)
        if kind not in kinds and f"{kind}-{number}" in kinds:  # a kind whose name ends in a number
            kind, number = f"{kind}-{number}", 1
        body = render_kind(site, kind, kinds[kind], number) if kind in kinds else None
        if body is None:
            return _not_found(request, pub, path, f"no page {number} of resources of kind {kind}")
        return _html(body)

    stem, fmt = split_extension(path)
    if fmt is HTML and not (page_path_ok(stem) and _exists(pub, stem)) and (m := LIST_PAGE.fullmatch(stem)):
        return _list_page(request, pub, site, m["stem"], m["section"], int(m["number"] or 1), path)
    if not page_path_ok(stem) or not _exists(pub, stem):
        return _not_found(request, pub, path, f"nothing in the graph has the IRI {site.iri_of(stem)}")
    if fmt is None:
        return _negotiate(request, stem)
    return _representation(pub, site, stem, fmt)


def _list_page(request: Request, pub: Published, site: Site, stem: str, section: str, number: int,
               path: str) -> Response:
    """A page of one of a resource's full lists (org/GA.in-assertion-actor-2.html)."""
    if page_path_ok(stem) and stem not in (ONTOLOGY_PATH, DATASET_PATH) and _exists(pub, stem):
        store = pub.void_store() if stem.startswith("graph/") else pub.store
        description = describing.describe(store, pub.base_iri + stem)
        body = render_list(description, site, stem, section, number, store) if description else None
        if body is not None:
            return _html(body)
    return _not_found(request, pub, path, f"no such list of {site.iri_of(stem)}")


def _exists(pub: Published, path: str) -> bool:
    if path in (ONTOLOGY_PATH, DATASET_PATH):
        return True
    store = pub.void_store() if path.startswith("graph/") else pub.store
    return describing.exists(store, pub.base_iri + path)


def _negotiate(request: Request, path: str) -> Response:
    """The IRI of a thing: 303 to the document in the format the client prefers."""
    fmt = choose(request.headers.get("accept"))
    headers = {"Vary": "Accept", "Link": _links(path)}
    if fmt is None:
        offered = ", ".join(f.media_type for f in FORMATS)
        return PlainTextResponse(f"not available in the formats asked for; available: {offered}", 406, headers=headers)
    location = request.url.replace(path=request.url.path + "." + fmt.extension, query="", fragment="")
    return RedirectResponse(str(location), 303, headers=headers)


def _representation(pub: Published, site: Site, path: str, fmt: Format) -> Response:
    """One document: the description of the resource at `path` in one format."""
    iri = ONTOLOGY_GRAPH if path == ONTOLOGY_PATH else pub.base_iri + path
    headers = {"Link": _links(path) + f', <{iri}>; rel="describes"'}
    if path == ONTOLOGY_PATH:
        if fmt is HTML:
            return _html(pub.ontology_html(), headers=headers)
        return Response(rdf_bytes(ontology_triples(pub.store), fmt), media_type=fmt.content_type, headers=headers)
    store = pub.void_store() if path == DATASET_PATH or path.startswith("graph/") else pub.store
    description = describing.describe(store, iri)
    if description is None:
        return PlainTextResponse(f"nothing in the graph has the IRI {iri}", 404)
    if fmt is HTML:
        timeline = pub.timelines().of(iri) if path.startswith("resolution/") else None
        return _html(render_resource(description, site, path, store, timeline), headers=headers)
    return Response(rdf_bytes(description.triples, fmt), media_type=fmt.content_type, headers=headers)


def well_known_void(request: Request) -> Response:
    """The VoID description of the dataset (RFC 8615 well-known location, VoID §7.2), in an RDF format by
    negotiation; a browser is sent to the dataset's page."""
    try:
        pub = published(request)
    except StoreError as e:
        return PlainTextResponse(str(e), 503)
    fmt = choose(request.headers.get("accept"), (TURTLE, *[f for f in RDF_FORMATS if f is not TURTLE], HTML))
    headers = {"Vary": "Accept", "Link": '</dataset.html>; rel="alternate"; type="text/html"'}
    if fmt is None:
        return PlainTextResponse("available: " + ", ".join(f.media_type for f in RDF_FORMATS), 406, headers=headers)
    if fmt is HTML:
        return RedirectResponse(str(request.url.replace(path="/dataset.html", query="")), 303, headers=headers)
    return Response(rdf_bytes(pub.void(), fmt), media_type=fmt.content_type, headers=headers)


def dump_file(request: Request) -> Response:
    """A file of the build's dumps folder, by its exact name."""
    try:
        pub = published(request)
    except StoreError as e:
        return PlainTextResponse(str(e), 503)
    name = request.path_params["name"]
    if name not in pub.dumps:  # only names listed in the folder: nothing else of the disk is reachable
        return PlainTextResponse(f"no dump {name!r}; available: {', '.join(pub.dumps)}", 404)
    media = {"nq": "application/n-quads", "ttl": "text/turtle", "nt": "application/n-triples",
             "jsonld": "application/ld+json", "gz": "application/gzip"}.get(name.rsplit(".", 1)[-1],
                                                                           "application/octet-stream")
    return FileResponse(pub.data / "dumps" / name, media_type=media)


def jsonld_context_file(request: Request) -> Response:
    if not CONTEXT_FILE.exists():
        return PlainTextResponse("no JSON-LD context installed", 404)
    return FileResponse(CONTEXT_FILE, media_type="application/ld+json")


def routes() -> list[BaseRoute]:
    """The linked-data routes, to be added after the endpoint's own (the last one takes any other path)."""
    return [
        Route("/.well-known/void", well_known_void, name="void"),
        Route("/ontology/context.jsonld", jsonld_context_file, name="jsonld_context"),
        Route("/dumps/{name}", dump_file, name="dump"),
        Route("/{path:path}", linked_data, name="linked_data"),
    ]
