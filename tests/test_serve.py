"""`tipkg serve` end to end: the SPARQL 1.1 Protocol as SPARQLWrapper and a plain HTTP client speak it,
the limits and refusals of a public read-only endpoint, the canned queries by name, the store reopened after
a rebuild. The query page in headless Chromium: tests/test_query_page.py."""
from __future__ import annotations

import csv
import io
import socket
import threading
import time
import urllib.parse

import httpx
import pyoxigraph as ox
import pytest
import rdflib
from SPARQLWrapper import ASK as ASK_FORM, CSV, JSON, JSONLD, N3, RDFXML, TSV, TURTLE, XML, SPARQLWrapper

from conftest import copy_seeds, run_tipkg
from live_servers import comparable, tipkg_server
from tipkg.queries import catalogue, get_query, run_on_store
from tipkg.serve import choose_formats, negotiate
from tipkg.store import open_store

SD = "http://www.w3.org/ns/sparql-service-description#"
# Every triple of a document: more than the strict server's limit, far less than the default one.
ALL_TRIPLES = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
ENDLESS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"  # ~10^12 solutions on the seeds


# --- the parts that need no server ------------------------------------------------------------------

@pytest.mark.parametrize("accept, expected", [
    (None, "application/sparql-results+json"),
    ("*/*", "application/sparql-results+json"),
    ("text/csv;q=0.5, application/sparql-results+xml", "application/sparql-results+xml"),
    ("text/*;q=0.9, application/sparql-results+json;q=0.1", "text/csv"),
    ("text/tab-separated-values, */*;q=0.1", "text/tab-separated-values"),
    ("application/sparql-results+json;q=0, text/csv;q=0.2", "text/csv"),
    ("image/png", None),
])
def test_accept_header_chooses_the_results_format(accept, expected):
    assert choose_formats(accept, []).results == (ox.QueryResultsFormat.from_media_type(expected).media_type
                                                   if expected else None)


def test_format_parameter_wins_over_accept_and_names_a_format_per_query_form():
    # what SPARQLWrapper sends for TSV: a short name and a media type
    formats = choose_formats("application/sparql-results+xml", ["tsv", "text/tab-separated-values"])
    assert formats.results == ox.QueryResultsFormat.TSV.media_type
    assert formats.graph is None
    formats = choose_formats(None, ["json"])
    assert (formats.results, formats.graph) == (ox.QueryResultsFormat.JSON.media_type, ox.RdfFormat.JSON_LD.media_type)


def test_the_most_specific_media_range_decides():
    assert negotiate("text/*;q=0.1, text/turtle;q=0.8, */*;q=0.5", ["application/n-triples", "text/turtle"]) == "text/turtle"
    assert negotiate("text/*;q=0.1, */*;q=0.5", ["text/turtle", "application/n-triples"]) == "application/n-triples"


# --- servers ------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def server(seed_store, tmp_path_factory):
    """The seed build served with the default limits."""
    with tipkg_server(seed_store, tmp_path_factory.mktemp("serve"), "--timeout", "60") as base:
        yield base


@pytest.fixture(scope="module")
def strict(seed_store, tmp_path_factory):
    """The seed build served with small limits: 3 s, 100 results, 2000-byte bodies."""
    with tipkg_server(seed_store, tmp_path_factory.mktemp("serve-strict"), "--timeout", "3", "--max-results", "100",
                      "--max-body", "2000", "--workers", "2") as base:
        yield base


@pytest.fixture(scope="module")
def store(seed_store):
    return open_store(seed_store)


def local_rows(store, sparql: str) -> list[dict]:
    solutions = store.query(sparql, use_default_graph_as_union=True)
    names = [v.value for v in solutions.variables]
    return [{n: (s[n].value if s[n] is not None else None) for n in names} for s in solutions]


def local_triples(store, sparql: str) -> set[tuple[str, str, str]]:
    return {(t.subject.value, t.predicate.value, t.object.value) for t in store.query(sparql, use_default_graph_as_union=True)}


def wrapper(endpoint: str, query: str, fmt: str) -> SPARQLWrapper:
    client = SPARQLWrapper(endpoint)
    client.setQuery(query)
    client.setReturnFormat(fmt)
    return client


# --- SPARQLWrapper against the live server ------------------------------------------------------------

def rows_of(converted, fmt: str) -> list[dict]:
    """SELECT results as SPARQLWrapper hands them back in each format, as rows of strings."""
    if fmt == JSON:
        names = converted["head"]["vars"]
        return [{n: b[n]["value"] if n in b else None for n in names} for b in converted["results"]["bindings"]]
    if fmt == XML:
        names = [v.getAttribute("name") for v in converted.getElementsByTagName("variable")]
        rows = []
        for result in converted.getElementsByTagName("result"):
            row = dict.fromkeys(names)
            for binding in result.getElementsByTagName("binding"):
                term = next(n for n in binding.childNodes if n.nodeType == n.ELEMENT_NODE)
                row[binding.getAttribute("name")] = "".join(t.data for t in term.childNodes if t.nodeType == t.TEXT_NODE)
            rows.append(row)
        return rows
    if fmt == CSV:
        text = converted.decode() if isinstance(converted, bytes) else converted
        return [{k: v or None for k, v in row.items()} for row in csv.DictReader(io.StringIO(text))]
    assert fmt == TSV
    data = converted.encode() if isinstance(converted, str) else converted
    solutions = ox.parse_query_results(data, ox.QueryResultsFormat.TSV)
    names = [v.value for v in solutions.variables]
    return [{n: s[n].value if s[n] is not None else None for n in names} for s in solutions]


@pytest.mark.parametrize("fmt, media_type", [(JSON, "application/sparql-results+json"),
                                              (XML, "application/sparql-results+xml"),
                                              (CSV, "text/csv"), (TSV, "text/tab-separated-values")])
def test_sparqlwrapper_select_in_each_results_format(server, store, fmt, media_type):
    query = get_query("icat-chairs")
    sparql = query.bind({})
    results = wrapper(server + "/sparql", sparql, fmt).query()
    assert results.info()["content-type"].startswith(media_type)
    expected = local_rows(store, sparql)
    assert expected
    assert comparable(rows_of(results.convert(), fmt), sparql) == comparable(expected, sparql)


@pytest.mark.parametrize("fmt", [JSON, XML])
def test_sparqlwrapper_ask_true_and_false(server, fmt):
    for query, answer in (("ASK { ?s a ?class }", True), ("ASK { <urn:x:nothing> ?p ?o }", False)):
        client = wrapper(server + "/sparql", query, fmt)
        assert client.queryType == ASK_FORM
        converted = client.queryAndConvert()
        if fmt == JSON:
            assert converted["boolean"] is answer
        else:
            assert converted.getElementsByTagName("boolean")[0].firstChild.data == str(answer).lower()


@pytest.mark.parametrize("fmt, media_type", [(TURTLE, "text/turtle"), (RDFXML, "application/rdf+xml"),
                                              (JSONLD, "application/ld+json"), (N3, "text/n3")])
@pytest.mark.parametrize("form", ["construct", "describe"])
def test_sparqlwrapper_construct_and_describe_in_each_rdf_format(server, store, fmt, media_type, form):
    chair = next(iter(store.query("SELECT ?h WHERE { ?c a <https://w3id.org/tipkg/ontology#Chairing> ; "
                                  "<https://w3id.org/tipkg/ontology#holder> ?h } LIMIT 1",
                                  use_default_graph_as_union=True)))["h"]
    query = (f"CONSTRUCT {{ ?c ?p {chair} }} WHERE {{ ?c ?p {chair} }}" if form == "construct"
             else f"DESCRIBE {chair}")
    results = wrapper(server + "/sparql", query, fmt).query()
    assert results.info()["content-type"].startswith(media_type)
    graph = results.convert()
    if isinstance(graph, bytes):  # SPARQLWrapper hands Turtle and N3 back as text
        graph = rdflib.Graph().parse(data=graph, format="n3" if fmt == N3 else "turtle")
    got = {(str(s), str(p), str(o)) for s, p, o in graph}
    expected = local_triples(store, query)
    assert expected and got == expected


def test_sparqlwrapper_gets_n_triples_by_content_negotiation(server, store):
    client = wrapper(server + "/sparql", ALL_TRIPLES.replace("WHERE {", "WHERE { GRAPH <https://w3id.org/tipkg/ontology>"
                                                                             " {") + " }", N3)
    client.setOnlyConneg(True)
    client.addCustomHttpHeader("Accept", "application/n-triples")
    results = client.query()
    assert results.info()["content-type"].startswith("application/n-triples")
    got = {q.triple for q in ox.parse(results.convert(), ox.RdfFormat.N_TRIPLES)}
    ontology = ox.NamedNode("https://w3id.org/tipkg/ontology")
    assert got == {q.triple for q in store.quads_for_pattern(None, None, None, ontology)}


# --- the protocol, with a plain HTTP client -------------------------------------------------------------

def test_get_form_post_and_direct_post_give_the_same_answer(server):
    sparql = get_query("ratifications").bind({})
    endpoint = server + "/sparql"
    accept = {"Accept": "application/sparql-results+json"}
    answers = [
        httpx.get(endpoint, params={"query": sparql}, headers=accept),
        httpx.post(endpoint, data={"query": sparql}, headers=accept),
        httpx.post(endpoint, content=sparql.encode(), headers=accept | {"Content-Type": "application/sparql-query"}),
    ]
    assert [a.status_code for a in answers] == [200, 200, 200]
    assert answers[0].json() == answers[1].json() == answers[2].json()
    assert answers[0].json()["results"]["bindings"]


@pytest.mark.parametrize("fmt, media_type", [("json", "application/sparql-results+json"),
                                              ("xml", "application/sparql-results+xml"),
                                              ("csv", "text/csv"), ("tsv", "text/tab-separated-values")])
def test_canned_queries_are_served_by_name_in_each_results_format(server, store, fmt, media_type):
    query = get_query("evidence")
    params = {"subject": "UNODC"}
    response = httpx.get(f"{server}/queries/evidence", params=params | {"format": fmt})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(media_type)
    if fmt == "json":
        bindings = response.json()["results"]["bindings"]
        rows = [{c: b[c]["value"] if c in b else None for c in response.json()["head"]["vars"]} for b in bindings]
        expected = run_on_store(store, query, params)
        assert expected and comparable(rows, query.sparql) == comparable(expected, query.sparql)


@pytest.mark.parametrize("fmt", ["json", "xml", "csv", "tsv"])
@pytest.mark.parametrize("name", ["resolution-asks", "timeline", "icat-chairs"])
def test_a_listing_the_build_answered_is_served_as_the_endpoint_evaluates_it(server, name, fmt):
    """The build's stored answer, converted to the format asked for: the same bytes as evaluating its SPARQL."""
    served = httpx.get(f"{server}/queries/{name}", params={"format": fmt}, timeout=60)
    evaluated = httpx.post(server + "/sparql", data={"query": get_query(name).bind({}), "format": fmt}, timeout=60)
    assert served.status_code == evaluated.status_code == 200
    assert served.headers["content-type"] == evaluated.headers["content-type"]
    assert served.content == evaluated.content
    rows = served.text.count("\n") - 1 if fmt == "csv" else \
        len(list(ox.parse_query_results(served.content, ox.QueryResultsFormat.from_media_type(
            served.headers["content-type"].split(";")[0]))))
    assert rows > 3


def test_a_listing_past_the_size_limit_or_in_no_results_format_is_refused(strict):
    too_many = httpx.get(strict + "/queries/timeline", timeout=60)  # 109 rows on the seeds; the limit is 100
    assert too_many.status_code == 500 and "more than 100 solutions" in too_many.text
    turtle = httpx.get(strict + "/queries/icat-chairs", headers={"Accept": "text/turtle"}, timeout=60)
    assert turtle.status_code == 406 and "sparql-results+json" in turtle.text


def test_the_endpoint_serves_a_listing_from_the_builds_answer_and_a_parameter_by_evaluation(tmp_path):
    store = tmp_path / "store"
    assert run_tipkg("build", "--documents", copy_seeds(tmp_path / "documents", "004"), "--store", store).returncode == 0
    stored = next((store / "current" / "answers").glob("resolution-asks-*.tsv"))
    header, first, *rest = stored.read_bytes().splitlines(keepends=True)
    assert rest
    stored.write_bytes(header + first)  # so that rows served from the file are told from evaluated ones
    with tipkg_server(store, tmp_path / "serve") as base:
        listing = httpx.get(base + "/queries/resolution-asks", params={"format": "json"}, timeout=60).json()
        assert len(listing["results"]["bindings"]) == 1
        # its SPARQL posted as it stands is the same query: the same stored answer, not evaluated again
        ad_hoc = httpx.post(base + "/sparql", data={"query": get_query("resolution-asks").bind({}), "format": "json"},
                            timeout=60).json()
        assert ad_hoc == listing
        one = httpx.get(base + "/queries/resolution-asks", params={"format": "json", "resolution": "2021/25"},
                        timeout=60).json()
        assert len(one["results"]["bindings"]) == len(rest) + 1


def test_the_catalogues_sparql_run_as_it_stands_gives_the_canned_answer(server, store):
    """What the query page shows and a user may edit: without the lines kept only for a given parameter."""
    listed = {q["name"]: q for q in httpx.get(server + "/queries").json()}
    query = get_query("resolution-asks")
    assert "# [if resolution]" in query.sparql and "# [if resolution]" not in listed[query.name]["sparql"]
    response = httpx.post(server + "/sparql", data={"query": listed[query.name]["sparql"]},
                          headers={"Accept": "application/sparql-results+json"})
    assert response.status_code == 200
    bindings = response.json()["results"]["bindings"]
    rows = [{c: b[c]["value"] if c in b else None for c in response.json()["head"]["vars"]} for b in bindings]
    expected = run_on_store(store, query)
    assert expected and comparable(rows, query.sparql) == comparable(expected, query.sparql)


def test_the_catalogue_lists_every_canned_query_with_its_parameters(server):
    listed = {q["name"]: q for q in httpx.get(server + "/queries").json()}
    assert set(listed) == set(catalogue())
    assert [p["name"] for p in listed["country-profile"]["parameters"]] == ["country"]
    assert listed["icat-chairs"]["columns"][:4] == ["year", "chair", "chair_acronym", "document"]


@pytest.mark.parametrize("path, status, says", [
    ("/queries/no-such-query", 404, "no canned query"),
    ("/queries/evidence", 400, "subject"),
    ("/queries/icat-chairs?colour=blue", 400, "no parameter colour"),
])
def test_canned_query_mistakes_are_answered_with_what_went_wrong(server, path, status, says):
    response = httpx.get(server + path)
    assert response.status_code == status and says in response.text


def test_malformed_query_gets_400_with_the_parser_message(server):
    bad = "SELECT ?s WHERE { ?s ?p }"
    with pytest.raises(SyntaxError) as parser:
        ox.Store().query(bad)
    response = httpx.get(server + "/sparql", params={"query": bad})
    assert response.status_code == 400
    assert str(parser.value) in response.text


@pytest.mark.parametrize("how", ["update parameter", "update body", "update as query"])
def test_sparql_update_is_refused(server, seed_store, how):
    update = "INSERT DATA { GRAPH <urn:x:g> { <urn:x:s> <urn:x:p> <urn:x:o> } }"
    endpoint = server + "/sparql"
    response = {
        "update parameter": lambda: httpx.post(endpoint, data={"update": update}),
        "update body": lambda: httpx.post(endpoint, content=update, headers={"Content-Type": "application/sparql-update"}),
        "update as query": lambda: httpx.post(endpoint, data={"query": update}),
    }[how]()
    assert response.status_code == 403
    assert "read-only" in response.text
    assert not open_store(seed_store).contains_named_graph(ox.NamedNode("urn:x:g"))


def test_service_clause_is_refused_and_no_request_leaves(server):
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    listener.settimeout(1.5)
    port = listener.getsockname()[1]
    response = httpx.post(server + "/sparql",
                          data={"query": f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}"})
    assert response.status_code == 403 and "SERVICE" in response.text
    with pytest.raises(socket.timeout):
        listener.accept()  # nobody knocked
    listener.close()


def test_dataset_from_default_graph_uri_and_named_graph_uri(server, store):
    ontology = "https://w3id.org/tipkg/ontology"
    in_ontology = len(list(store.quads_for_pattern(None, None, None, ox.NamedNode(ontology))))
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    default = httpx.get(server + "/sparql", params={"query": count, "default-graph-uri": ontology, "format": "json"})
    assert int(default.json()["results"]["bindings"][0]["n"]["value"]) == in_ontology
    graphs = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    named = httpx.get(server + "/sparql", params={"query": graphs, "named-graph-uri": ontology, "format": "json"})
    assert [b["g"]["value"] for b in named.json()["results"]["bindings"]] == [ontology]
    union = httpx.get(server + "/sparql", params={"query": count, "format": "json"})
    assert int(union.json()["results"]["bindings"][0]["n"]["value"]) > in_ontology


def test_service_description_at_the_endpoint(server, store):
    response = httpx.get(server + "/sparql", headers={"Accept": "text/turtle"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/turtle")
    description = ox.Store()
    description.load(response.content, ox.RdfFormat.TURTLE)

    def objects(predicate: str) -> set[str]:
        return {q.object.value for q in description.quads_for_pattern(None, ox.NamedNode(SD + predicate), None)}

    assert objects("endpoint") == {server + "/sparql"}
    assert SD + "SPARQL11Query" in objects("supportedLanguage")
    # the IRIs of https://www.w3.org/ns/formats/, all of them http:
    assert {"http://www.w3.org/ns/formats/" + name for name in (
        "SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV", "Turtle",
        "N-Triples", "JSON-LD", "RDF_XML", "N3")} == objects("resultFormat")
    assert objects("name") == {g.value for g in store.named_graphs()}


def test_a_browser_asking_the_endpoint_for_html_is_sent_to_the_query_page(server):
    response = httpx.get(server + "/sparql", headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert response.status_code == 303 and response.headers["location"].rstrip("/") == server


def test_cors_lets_browser_clients_on_other_origins_query(server):
    origin = {"Origin": "https://yasgui.example.org"}
    preflight = httpx.options(server + "/sparql", headers=origin | {"Access-Control-Request-Method": "POST",
                                                                    "Access-Control-Request-Headers": "content-type"})
    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] == "*"
    assert "POST" in preflight.headers["access-control-allow-methods"]
    answer = httpx.get(server + "/sparql", params={"query": "ASK {}"}, headers=origin)
    assert answer.headers["access-control-allow-origin"] == "*"


@pytest.mark.parametrize("request_kind, status", [("unsupported body type", 415), ("no format we write", 406)])
def test_requests_the_endpoint_cannot_serve(server, request_kind, status):
    if request_kind == "unsupported body type":
        response = httpx.post(server + "/sparql", content=b"ASK {}", headers={"Content-Type": "text/plain"})
    else:
        response = httpx.get(server + "/sparql", params={"query": "ASK {}"}, headers={"Accept": "image/png"})
    assert response.status_code == status and response.text


# --- limits ----------------------------------------------------------------------------------------------

def test_a_query_past_the_time_limit_gets_503_and_the_endpoint_goes_on(strict):
    response = httpx.post(strict + "/sparql", data={"query": ENDLESS}, timeout=60)
    assert response.status_code == 503 and "3 s" in response.text
    after = httpx.get(strict + "/sparql", params={"query": "ASK { ?s ?p ?o }"}, timeout=60)
    assert after.status_code == 200 and after.json()["boolean"] is True


@pytest.mark.parametrize("query", ["SELECT * WHERE { ?s ?p ?o }", ALL_TRIPLES])
def test_a_result_past_the_size_limit_gets_500_saying_so(strict, query):
    response = httpx.post(strict + "/sparql", data={"query": query}, timeout=60)
    assert response.status_code == 500 and "more than 100" in response.text
    under = httpx.post(strict + "/sparql", data={"query": query + " LIMIT 100"}, timeout=60)
    assert under.status_code == 200


def test_an_oversized_request_body_gets_413(strict):
    padding = "#" + "x" * 3000 + "\n"
    declared = httpx.post(strict + "/sparql", data={"query": padding + "ASK {}"})
    assert declared.status_code == 413

    def chunks():  # no Content-Length: the body is counted as it streams
        for _ in range(4):
            yield padding.encode()

    streamed = httpx.post(strict + "/sparql", content=chunks(), headers={"Content-Type": "application/sparql-query"})
    assert streamed.status_code == 413


def raw_request(base: str, target: str) -> socket.socket:
    url = urllib.parse.urlsplit(base)
    connection = socket.create_connection((url.hostname, url.port), timeout=10)
    connection.sendall(f"GET {target} HTTP/1.1\r\nHost: {url.netloc}\r\nAccept: application/n-triples\r\n\r\n".encode())
    return connection


def hang_up(connection: socket.socket) -> None:
    # SO_LINGER 0: close with a reset, as a client that dies does, rather than a polite FIN
    connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
    connection.close()


def test_clients_hanging_up_mid_response_leave_the_server_serving_others(server, strict):
    big = "/sparql?" + urllib.parse.urlencode({"query": ALL_TRIPLES})
    for _ in range(3):
        connection = raw_request(server, big)
        assert connection.recv(1024).startswith(b"HTTP/1.1 200")
        hang_up(connection)
    # and while the query is still running
    connection = raw_request(strict, "/sparql?" + urllib.parse.urlencode({"query": ENDLESS}))
    time.sleep(0.2)
    hang_up(connection)
    others = [httpx.get(base + "/sparql", params={"query": "ASK { ?s ?p ?o }"}, timeout=60) for base in (server, strict)]
    assert [r.status_code for r in others] == [200, 200]
    assert httpx.get(server + "/health").json()["status"] == "ok"


def test_queries_run_side_by_side(server):
    """Several clients at once each get their own answer (the workers take them in turn)."""
    sparql = get_query("icat-chairs").bind({})
    answers: list[httpx.Response] = []

    def ask() -> None:
        answers.append(httpx.post(server + "/sparql", data={"query": sparql}, headers={"Accept": "text/csv"}, timeout=60))

    threads = [threading.Thread(target=ask) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [a.status_code for a in answers] == [200] * 6
    assert len({a.text for a in answers}) == 1


# --- a rebuild while serving -------------------------------------------------------------------------------

def test_the_server_answers_from_the_new_graph_after_a_rebuild(tmp_path):
    documents = copy_seeds(tmp_path / "documents", "004")
    store = tmp_path / "store"
    assert run_tipkg("build", "--documents", documents, "--store", store).returncode == 0
    graphs = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    with tipkg_server(store, tmp_path / "serve") as base:
        def served_graphs() -> set[str]:
            response = httpx.get(base + "/sparql", params={"query": graphs, "format": "json"}, timeout=60)
            return {b["g"]["value"] for b in response.json()["results"]["bindings"]}

        before = served_graphs()
        copy_seeds(documents, "001")
        assert run_tipkg("build", "--documents", documents, "--store", store).returncode == 0
        after = served_graphs()
        assert len(after) == len(before) + 1 and before < after
        # and the listings the new build answered, not the previous build's
        listing = httpx.get(base + "/queries/reporting-states", params={"format": "json"}, timeout=60).json()
        assert {b["document"]["value"] for b in listing["results"]["bindings"]} == {"001_aaa57c1388cc9d44"}
        assert httpx.get(base + "/health").json()["graph"] == (store / "current").resolve().name
