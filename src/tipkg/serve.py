"""The serve stage: the graph on the web, read-only, through the SPARQL 1.1 Protocol.

`create_app` builds a Starlette app over the embedded store: /sparql answers SELECT, ASK, CONSTRUCT and
DESCRIBE (GET, form POST, direct POST) in the format the client negotiates and describes itself (a SPARQL
Service Description) when asked with no query; /queries serves the canned queries by name (a listing from the
answer its build stored, tipkg.queries.stored_results); / is a query page for a browser (YASGUI, vendored in
static/vendor), which reads a canned query's SPARQL with its parameters bound from /queries/NAME.rq and the
graph's prefixes, classes and properties from /vocabulary. Every other path
belongs to the linked-data pages, which read the store through `store_of`. Queries run in worker processes
(tipkg.query_workers) so that each one is bounded in time, memory and size, and the server's own process only
reads requests and relays answers; updates are refused and federated queries (SERVICE) fail in a worker that has
no network, since the endpoint is public and read-only.
"""
from __future__ import annotations

import asyncio
import contextlib
import os
import re
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

import anyio.to_thread
import pyoxigraph as ox
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from tipkg import __version__
from tipkg.iris import PREFIXES, Iris
from tipkg.queries import CannedQuery, QueryError, catalogue, get_query, stored_results
from tipkg.query_workers import Evaluation, QueryTimeout, QueryWorkers, ResultCache, default_memory_cap
from tipkg.sandbox import unsupported
from tipkg.store import DEFAULT_STORE, ONTOLOGY_GRAPH, CurrentGraph, StoreError, current_data

STATIC = Path(__file__).resolve().parent / "static"
SD = "http://www.w3.org/ns/sparql-service-description#"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")

# Media types the endpoint answers in, by query form. The first of each table is the default, for a client
# that states no preference; several media types can name one format (clients disagree on the names).
RESULTS_MEDIA_TYPES = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/xml": ox.QueryResultsFormat.XML,
    "text/xml": ox.QueryResultsFormat.XML,
}
GRAPH_MEDIA_TYPES = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "text/n3": ox.RdfFormat.N3,
    "application/turtle": ox.RdfFormat.TURTLE,
    "application/x-turtle": ox.RdfFormat.TURTLE,
    "application/n3": ox.RdfFormat.N3,
    "text/rdf+n3": ox.RdfFormat.N3,
    "application/json": ox.RdfFormat.JSON_LD,
    "application/xml": ox.RdfFormat.RDF_XML,
}
# The short names of the `format` parameter (those SPARQLWrapper and most endpoints use).
RESULTS_FORMAT_NAMES = {"json": ox.QueryResultsFormat.JSON, "srj": ox.QueryResultsFormat.JSON,
                        "xml": ox.QueryResultsFormat.XML, "srx": ox.QueryResultsFormat.XML,
                        "csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV}
GRAPH_FORMAT_NAMES = {"turtle": ox.RdfFormat.TURTLE, "ttl": ox.RdfFormat.TURTLE,
                      "nt": ox.RdfFormat.N_TRIPLES, "ntriples": ox.RdfFormat.N_TRIPLES,
                      "n-triples": ox.RdfFormat.N_TRIPLES, "n3": ox.RdfFormat.N3,
                      "json-ld": ox.RdfFormat.JSON_LD, "jsonld": ox.RdfFormat.JSON_LD, "json": ox.RdfFormat.JSON_LD,
                      "rdf+xml": ox.RdfFormat.RDF_XML, "rdfxml": ox.RdfFormat.RDF_XML, "rdf": ox.RdfFormat.RDF_XML,
                      "xml": ox.RdfFormat.RDF_XML}
# The IRIs W3C gives formats (https://www.w3.org/ns/formats/), where pyoxigraph's differ.
FORMAT_IRIS = {ox.RdfFormat.JSON_LD.iri: "http://www.w3.org/ns/formats/JSON-LD"}
# Parameters that name a format rather than bind a canned query's variable.
FORMAT_PARAMETERS = ("format", "output", "results")


@dataclass
class ServerConfig:
    """What `tipkg serve` was asked for. Limits apply to every query: its time, the solutions or triples
    of its result, the size of a request body and of a query's text, the memory of the worker that evaluates it."""
    store: Path = DEFAULT_STORE
    host: str = "127.0.0.1"
    port: int = 7878
    timeout_s: float = 30.0
    max_results: int = 100_000
    max_body_bytes: int = 1_000_000
    max_query_bytes: int = 100_000          # checked before anything reads the query
    max_memory_mb: int | None = None        # RSS of a query's worker; None: sized from the store and the host
    per_client: int | None = None           # queries one client address runs at once; None: half the workers
    base_iri: str = field(default_factory=lambda: Iris().base)
    workers: int = field(default_factory=lambda: max(1, min(4, os.cpu_count() or 1)))


def store_of(request: Request) -> ox.Store:
    """The current graph, read-only: what the linked-data pages and the endpoint's own pages read."""
    return request.app.state.graph.store()


# --- content negotiation --------------------------------------------------------------------------

def _media_ranges(accept: str) -> list[tuple[str, float]]:
    ranges = []
    for part in accept.split(","):
        media, *params = [p.strip() for p in part.split(";")]
        if not media:
            continue
        q = 1.0
        for p in params:
            key, _, value = p.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        ranges.append((media.lower(), q))
    return ranges


def negotiate(accept: str | None, offered: list[str]) -> str | None:
    """The offered media type the Accept header prefers: by quality, then by the most specific range that
    matches it, then by the client's order, then by ours. None when the client accepts none of them."""
    if not accept or not accept.strip():
        return offered[0]
    ranges = _media_ranges(accept)
    best, best_key = None, None
    for rank, media in enumerate(offered):
        kind = media.split("/")[0] + "/*"
        matches = [(3 if r == media else 2 if r == kind else 1, q, -i) for i, (r, q) in enumerate(ranges)
                   if r in (media, kind, "*/*")]
        if not matches:
            continue
        specificity, q, client_order = max(matches)
        key = (q, specificity, client_order, -rank)
        if q > 0 and (best_key is None or key > best_key):
            best, best_key = media, key
    return best


@dataclass(frozen=True)
class Formats:
    """The media types chosen for each query form (None: the client accepts none of ours)."""
    results: str | None
    graph: str | None


def choose_formats(accept: str | None, format_values: list[str]) -> Formats:
    """A `format` parameter wins over the Accept header; SPARQLWrapper sends both a short name and a media
    type, so the first value that names a format of each form is taken."""
    values = [v.strip().lower() for v in format_values if v.strip()]
    if values:
        results = next((f for v in values if (f := RESULTS_FORMAT_NAMES.get(v) or RESULTS_MEDIA_TYPES.get(v))), None)
        graph = next((f for v in values if (f := GRAPH_FORMAT_NAMES.get(v) or GRAPH_MEDIA_TYPES.get(v))), None)
        return Formats(results.media_type if results else None, graph.media_type if graph else None)
    results = negotiate(accept, list(RESULTS_MEDIA_TYPES))
    graph = negotiate(accept, list(GRAPH_MEDIA_TYPES))
    return Formats(RESULTS_MEDIA_TYPES[results].media_type if results else None,
                   GRAPH_MEDIA_TYPES[graph].media_type if graph else None)


# --- what the endpoint refuses --------------------------------------------------------------------

class Refusal(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


READ_ONLY = "this endpoint is read-only: SPARQL Update is not accepted (load data with `tipkg build`)"
NO_SERVICE = ("federated queries are not accepted: this endpoint does not send requests to other hosts "
              "(remove the SERVICE clause)")


class RequestBodyLimit:
    """Answers 413 to a request whose body is larger than the limit, whether it says so (Content-Length)
    or streams it (chunked), before any handler reads it."""

    def __init__(self, app: ASGIApp, max_body_bytes: int):
        self.app = app
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        too_large = PlainTextResponse(f"request body larger than {self.max_body_bytes} bytes", 413)
        length = dict(scope["headers"]).get(b"content-length", b"")
        if length.isdigit() and int(length) > self.max_body_bytes:
            await too_large(scope, receive, send)
            return
        received = 0
        started = False

        async def counted_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body_bytes:
                    raise _BodyTooLarge()
            return message

        async def watched_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted_receive, watched_send)
        except _BodyTooLarge:
            if not started:
                await too_large(scope, receive, send)


class _BodyTooLarge(Exception):
    pass


# --- the protocol -----------------------------------------------------------------------------------

@dataclass
class ProtocolRequest:
    """A SPARQL Protocol request, whichever way it came (GET, form POST, direct POST)."""
    query: str | None
    default_graphs: list[str]
    named_graphs: list[str]
    formats: list[str]


async def read_protocol_request(request: Request) -> ProtocolRequest:
    params = list(request.query_params.multi_items())
    if request.method == "POST":
        media = request.headers.get("content-type", "").split(";")[0].strip().lower()
        body = await request.body()
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            raise Refusal(400, "the request body is not UTF-8") from None
        if media == "application/x-www-form-urlencoded":
            params += urllib.parse.parse_qsl(text, keep_blank_values=True)
        elif media == "application/sparql-query":
            params.append(("query", text))
        elif media == "application/sparql-update":
            params.append(("update", text))
        else:
            raise Refusal(415, "POST a query as application/x-www-form-urlencoded (query=...) or as "
                          "application/sparql-query")

    def values(name: str) -> list[str]:
        return [v for k, v in params if k == name]

    queries, updates = values("query"), values("update")
    if updates:
        raise Refusal(403, READ_ONLY)
    if len(queries) > 1:
        raise Refusal(400, "more than one query parameter")
    graphs = {name: values(name) for name in ("default-graph-uri", "named-graph-uri")}
    for iri in graphs["default-graph-uri"] + graphs["named-graph-uri"]:
        try:
            ox.NamedNode(iri)
        except ValueError:
            raise Refusal(400, f"not an IRI: {iri!r}") from None
    return ProtocolRequest(queries[0] if queries else None, graphs["default-graph-uri"],
                           graphs["named-graph-uri"], [v for name in FORMAT_PARAMETERS for v in values(name)])


async def answer_query(request: Request, sparql: str, formats: Formats, default_graphs: list[str] | None = None,
                       named_graphs: list[str] | None = None) -> Response:
    """Evaluates a query in a worker and turns the outcome into a protocol response. Nothing here reads the
    query: its length is all the server's process looks at."""
    config: ServerConfig = request.app.state.config
    size = len(sparql.encode())
    if size > config.max_query_bytes:
        return PlainTextResponse(f"the query is {size} bytes long, more than this endpoint's limit of "
                                 f"{config.max_query_bytes} bytes", 413)
    try:
        data = request.app.state.graph.data()
    except StoreError as e:
        return PlainTextResponse(str(e), 503)
    dataset = default_graphs or named_graphs
    listing = None if dataset else request.app.state.listings.get(sparql)
    if listing is not None:  # the SPARQL of a listing the build answered, sent as it stands: its stored answer
        stored = await anyio.to_thread.run_sync(stored_listing, request, listing, sparql, formats)
        if stored is not None:
            return stored
    # Relative IRIs in the query resolve against the endpoint's own URL.
    base = str(request.url.replace(query="", fragment=""))
    job = Evaluation(sparql, str(data), formats.results, formats.graph, config.max_results,
                     tuple(default_graphs or ()) if dataset else None, tuple(named_graphs or ()) if dataset else None,
                     base)
    cache: ResultCache = request.app.state.cache
    result = cache.get(job)
    if result is None:
        try:
            result = await _shared_evaluation(request, job)
        except QueryTimeout:
            return PlainTextResponse(f"the query did not finish within {config.timeout_s:g} s, the time limit of "
                                     "this endpoint; narrow it or add a LIMIT", 503)
        if result is None:
            return Response(status_code=499)  # nobody reads it; uvicorn drops it
        cache.put(job, result)
    if result.failure == "syntax":
        return PlainTextResponse(f"malformed query: {result.message}", 400)
    if result.failure == "update":
        return PlainTextResponse(READ_ONLY, 403)
    if result.failure == "service":
        return PlainTextResponse(NO_SERVICE, 403)
    if result.failure == "evaluation":
        return PlainTextResponse(f"the query cannot be evaluated: {result.message}", 400)
    if result.failure == "memory":
        return PlainTextResponse(f"the query needed more than {request.app.state.workers.memory_bytes // 2**20} MB "
                                 "of memory, the limit of this endpoint; narrow it (an ORDER BY over a join of "
                                 "everything sorts all of it)", 503)
    if result.failure == "crashed":
        return PlainTextResponse(f"the query engine crashed on this query ({result.message}); it is logged. "
                                 "A query nested thousands deep does this", 500)
    if result.failure == "too-large":
        return _too_large(result.message)
    if result.failure == "not-acceptable":
        return _not_acceptable(result.form)
    if result.failure:
        return PlainTextResponse(result.message, 500)
    return Response(result.body, media_type=result.media_type, headers={"Vary": "Accept"})


async def _shared_evaluation(request: Request, job: Evaluation):
    """The answer of one evaluation of the job, however many clients ask for it while it runs (they all wait
    for the first one's); None when this client hangs up first. The evaluation is cancelled, and its worker
    ended, once no client waits for it any more."""
    running: dict = request.app.state.running  # Evaluation -> [task, clients waiting]
    entry = running.get(job)
    if entry is None:
        config: ServerConfig = request.app.state.config
        task = asyncio.ensure_future(request.app.state.workers.evaluate(
            job, config.timeout_s, request.client.host if request.client else ""))
        entry = running[job] = [task, 0]
        task.add_done_callback(lambda _: running.pop(job, None))
    entry[1] += 1
    try:
        return await _unless_client_leaves(request, asyncio.shield(entry[0]))
    finally:
        entry[1] -= 1
        if not entry[1] and not entry[0].done():
            entry[0].cancel()


async def _unless_client_leaves(request: Request, evaluation):
    """The evaluation's answer, or None when the client hangs up first (then it is cancelled)."""
    async def hang_up() -> None:
        while (await request.receive())["type"] != "http.disconnect":
            pass

    answer, gone = asyncio.ensure_future(evaluation), asyncio.ensure_future(hang_up())
    try:
        await asyncio.wait({answer, gone}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for task in (answer, gone):
            task.cancel()
    if not answer.done() or answer.cancelled():
        with contextlib.suppress(asyncio.CancelledError):
            await answer  # its worker is ended and replaced
        return None
    return answer.result()


def _too_large(message: str) -> Response:
    return PlainTextResponse(f"{message}, the limit of this endpoint; add a LIMIT or narrow the query "
                             "(the whole graph is in the dumps)", 500)


def _not_acceptable(form: str) -> Response:
    offered = RESULTS_MEDIA_TYPES if form in ("solutions", "boolean") else GRAPH_MEDIA_TYPES
    return PlainTextResponse(f"cannot answer this {form} query in the format asked for; available: "
                             f"{', '.join(offered)}", 406)


async def sparql_endpoint(request: Request) -> Response:
    try:
        protocol = await read_protocol_request(request)
    except Refusal as e:
        return PlainTextResponse(e.message, e.status)
    if protocol.query is None:
        if request.method in ("GET", "HEAD"):
            return service_description(request)
        return PlainTextResponse("no query: send query=... (a SPARQL 1.1 query)", 400)
    formats = choose_formats(request.headers.get("accept"), protocol.formats)
    return await answer_query(request, protocol.query, formats, protocol.default_graphs, protocol.named_graphs)


def service_description(request: Request) -> Response:
    """The SPARQL 1.1 Service Description of the endpoint: what it speaks and which graphs it holds."""
    media = negotiate(request.headers.get("accept"), list(GRAPH_MEDIA_TYPES) + ["text/html"])
    if media == "text/html":
        return RedirectResponse(request.url_for("query_page"), 303)  # a person with a browser wants the page
    if media is None:
        return PlainTextResponse(f"available: {', '.join(GRAPH_MEDIA_TYPES)}", 406)
    fmt = GRAPH_MEDIA_TYPES[media]

    def sd(name: str) -> ox.NamedNode:
        return ox.NamedNode(SD + name)

    service, dataset, default = ox.BlankNode(), ox.BlankNode(), ox.BlankNode()
    triples = [
        ox.Triple(service, RDF_TYPE, sd("Service")),
        ox.Triple(service, sd("endpoint"), ox.NamedNode(str(request.url.replace(query="", fragment="")))),
        ox.Triple(service, sd("supportedLanguage"), sd("SPARQL11Query")),
        ox.Triple(service, sd("feature"), sd("UnionDefaultGraph")),
        ox.Triple(service, sd("defaultDataset"), dataset),
        ox.Triple(dataset, RDF_TYPE, sd("Dataset")),
        ox.Triple(dataset, sd("defaultGraph"), default),
        ox.Triple(default, RDF_TYPE, sd("Graph")),
    ]
    triples += [ox.Triple(service, sd("resultFormat"), ox.NamedNode(FORMAT_IRIS.get(f.iri, f.iri)))
                for f in dict.fromkeys([*RESULTS_MEDIA_TYPES.values(), *GRAPH_MEDIA_TYPES.values()])]
    try:
        graphs = sorted(store_of(request).named_graphs(), key=lambda g: g.value)
    except StoreError:
        graphs = []
    for graph in graphs:
        named = ox.BlankNode()
        triples += [ox.Triple(dataset, sd("namedGraph"), named), ox.Triple(named, RDF_TYPE, sd("NamedGraph")),
                    ox.Triple(named, sd("name"), graph)]
    body = ox.serialize(triples, format=fmt, prefixes={"sd": SD})
    return Response(body, media_type=fmt.media_type, headers={"Vary": "Accept"})


# --- canned queries, the page, health -----------------------------------------------------------------

def canned_queries(request: Request) -> Response:
    """The catalogue of canned queries, for the query page and for programs."""
    return JSONResponse([{
        "name": q.name, "title": q.title, "question": q.question, "columns": list(q.columns),
        "parameters": [{"name": p.name, "required": p.required, "help": p.help} for p in q.parameters],
        # as it runs without parameters: a user who edits it on the page runs SPARQL that stands on its own
        "sparql": q.lines_for({}), "url": str(request.url_for("canned_query", name=q.name)),
    } for q in catalogue().values()])


async def canned_query(request: Request) -> Response:
    """A canned query by name, its parameters from the URL, in any results format."""
    try:
        query = get_query(request.path_params["name"])
    except QueryError as e:
        return PlainTextResponse(str(e), 404)
    params = {k: v for k, v in request.query_params.multi_items() if k not in FORMAT_PARAMETERS}
    try:
        sparql = query.bind(params)
    except QueryError as e:
        return PlainTextResponse(str(e).replace("--param ", ""), 400)
    formats = choose_formats(request.headers.get("accept"),
                             [v for k, v in request.query_params.multi_items() if k in FORMAT_PARAMETERS])
    stored = await anyio.to_thread.run_sync(stored_listing, request, query, sparql, formats)
    return stored if stored is not None else await answer_query(request, sparql, formats)


def stored_listing(request: Request, query: CannedQuery, sparql: str, formats: Formats) -> Response | None:
    """A listing the build answered (the same SPARQL run with no parameter): its stored results in the format
    asked for, converted by pyoxigraph, without evaluating it again. None when the build did not answer it."""
    try:
        tsv = stored_results(request.app.state.graph.data(), query, sparql)
    except StoreError:
        return None  # answer_query says why
    if tsv is None:
        return None
    max_results = request.app.state.config.max_results
    if tsv.count(b"\n") - 1 > max_results:  # a line per solution after the header
        return _too_large(f"the result has more than {max_results} solutions")
    if not formats.results:
        return _not_acceptable("solutions")
    fmt = ox.QueryResultsFormat.from_media_type(formats.results)
    body = tsv if fmt == ox.QueryResultsFormat.TSV else \
        ox.parse_query_results(tsv, ox.QueryResultsFormat.TSV).serialize(format=fmt)
    return Response(body, media_type=fmt.media_type, headers={"Vary": "Accept"})


def query_page(request: Request) -> Response:
    return FileResponse(STATIC / "index.html", media_type="text/html")


def canned_query_text(request: Request) -> Response:
    """A canned query's SPARQL with the parameters of the URL bound, as the query page puts it in its editor:
    sent to /sparql as it stands, a listing's text gets the build's stored answer."""
    try:
        query = get_query(request.path_params["name"])
    except QueryError as e:
        return PlainTextResponse(str(e), 404)
    try:
        sparql = query.bind(dict(request.query_params))
    except QueryError as e:
        return PlainTextResponse(str(e).replace("--param ", ""), 400)
    return PlainTextResponse(sparql, media_type="application/sparql-query")


OWL, RDFS, RDF = "http://www.w3.org/2002/07/owl#", "http://www.w3.org/2000/01/rdf-schema#", \
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
CLASS_TYPES = (OWL + "Class", RDFS + "Class")
PROPERTY_TYPES = (OWL + "ObjectProperty", OWL + "DatatypeProperty", OWL + "AnnotationProperty", RDF + "Property")
PREFIXED_NAME = re.compile(r"(?<![\w<:])([a-z][\w-]*):([A-Za-z_][\w-]*)")


def vocabulary(request: Request) -> Response:
    """What the query page's editor completes: the graph's prefixes (declared in a query as they are typed),
    the classes and properties the ontology declares and the terms the canned queries use."""
    prefixes = {name: str(namespace) for name, namespace in PREFIXES.items()}
    classes: set[str] = set()
    properties: set[str] = set()
    try:
        store = store_of(request)
        graph = ox.NamedNode(ONTOLOGY_GRAPH)
        for types, found in ((CLASS_TYPES, classes), (PROPERTY_TYPES, properties)):
            for kind in types:
                found.update(q.subject.value for q in store.quads_for_pattern(None, RDF_TYPE, ox.NamedNode(kind), graph)
                             if isinstance(q.subject, ox.NamedNode))
    except StoreError:
        pass  # no graph yet: the prefixes and the canned queries' terms still help
    for query in catalogue().values():
        for prefix, local in PREFIXED_NAME.findall(query.sparql):
            if prefix in prefixes:  # by RDF's habit, a class is named in upper camel case, a property not
                iri = prefixes[prefix] + local
                (classes if local[0].isupper() and iri not in properties else properties).add(iri)
    return JSONResponse({"prefixes": prefixes, "classes": sorted(classes), "properties": sorted(properties - classes)})


def health(request: Request) -> Response:
    try:
        data = request.app.state.graph.data()
    except StoreError as e:
        return JSONResponse({"status": "no graph", "detail": str(e)}, 503)
    return JSONResponse({"status": "ok", "graph": data.name, "version": __version__})


def routes() -> list[BaseRoute]:
    return [
        Route("/", query_page, name="query_page"),
        Route("/sparql", sparql_endpoint, methods=["GET", "POST"], name="sparql"),
        Route("/queries", canned_queries, name="canned_queries"),
        Route("/queries/{name}.rq", canned_query_text, name="canned_query_text"),
        Route("/queries/{name}", canned_query, name="canned_query"),
        Route("/vocabulary", vocabulary, name="vocabulary"),
        Route("/health", health, name="health"),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]


def create_app(config: ServerConfig) -> Starlette:
    """The endpoint's app; the linked-data pages, when installed, take every path the endpoint does not."""
    all_routes = routes()
    try:
        from tipkg.linkeddata.web import routes as linked_data_routes
    except ImportError:
        pass
    else:
        all_routes += linked_data_routes()

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette):
        workers = QueryWorkers(config.workers, memory_cap(config), config.per_client or max(1, config.workers // 2))
        workers.start()
        app.state.workers = workers
        app.state.cache = ResultCache()
        app.state.running = {}
        app.state.listings = {q.bind({}): q for q in catalogue().values()
                              if not any(p.required for p in q.parameters)}
        try:
            yield
        finally:
            workers.stop()

    middleware = [
        # Browser clients (YASGUI, notebooks) on other origins may query; nothing here needs credentials.
        Middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET", "POST", "OPTIONS"],
                   allow_headers=["*"], max_age=3600),
        Middleware(RequestBodyLimit, max_body_bytes=config.max_body_bytes),
    ]
    app = Starlette(routes=all_routes, middleware=middleware, lifespan=lifespan)
    app.state.config = config
    app.state.graph = CurrentGraph(config.store)
    return app


def memory_cap(config: ServerConfig) -> int:
    """Bytes of RSS a query's worker may reach: as configured, or sized from the store and the host."""
    if config.max_memory_mb:
        return config.max_memory_mb * 2**20
    try:
        folder = current_data(config.store) / "oxigraph"
        store_bytes = sum(f.stat().st_size for f in folder.iterdir() if f.is_file())
    except (StoreError, OSError):
        store_bytes = 0
    return default_memory_cap(store_bytes, config.workers)


def serve(config: ServerConfig) -> None:
    """Runs the endpoint until interrupted."""
    import uvicorn

    current_data(config.store)  # fail now, with the store's message, rather than on the first query
    if reason := unsupported():
        raise StoreError(f"cannot serve queries safely: {reason}")
    uvicorn.run(create_app(config), host=config.host, port=config.port, log_level="info",
                timeout_graceful_shutdown=5)
