"""The W3C SPARQL 1.1 Protocol tests (tests/w3c/protocol: the 34 entries of the suite's manifest, their
requests and expected responses) against a real `tipkg serve` over HTTP, on a store that holds the suite's
data: the graphs data0.rdf … data3.rdf of kasei.us, as the manifest's ut:graphData names them.

The manifest's requests address an endpoint at /sparql/ on www.example: they go to this server's /sparql.
The endpoint is read-only, so the 7 update tests cannot pass as written (they expect 2xx, then read what the
update wrote): for them the driver checks what a read-only endpoint owes instead, a 4xx refusal that says
read-only, and that every query request that follows finds the data as it was (the ASKs answer false; the
base-IRI test finds no result). The other 27 are checked exactly as the manifest states."""
from __future__ import annotations

import json
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest

from live_servers import tipkg_server

SUITE = Path(__file__).parent / "w3c" / "protocol"
ENTRIES = json.loads((SUITE / "protocol-tests.json").read_text())["entries"]
DATA = "http://kasei.us/2009/09/sparql/data/"
BOOLEAN_TYPES = {"application/sparql-results+xml", "application/sparql-results+json"}
TABULAR_TYPES = BOOLEAN_TYPES | {"text/csv", "text/tab-separated-values"}
RDF_TYPES = {"application/rdf+xml", "text/turtle", "application/n-triples", "application/ld+json", "text/n3"}


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory):
    """`tipkg serve` on a store of the suite's four graphs, each loaded from its N-Triples file."""
    root = tmp_path_factory.mktemp("w3c-protocol")
    data = root / "store" / "data-w3c"
    data.mkdir(parents=True)
    store = ox.Store(str(data / "oxigraph"))
    for n in range(4):
        store.load(path=str(SUITE / f"data{n}.nt"), format=ox.RdfFormat.N_TRIPLES,
                   to_graph=ox.NamedNode(f"{DATA}data{n}.rdf"))
    store.flush()
    del store
    (root / "store" / "current").symlink_to("data-w3c")
    with tipkg_server(root / "store", root / "serve") as base:
        yield base + "/sparql"


def send(endpoint: str, request: dict) -> httpx.Response:
    path = request.get("sentPath", request["absolutePath"])  # sentPath: see the entry's erratum
    assert path.startswith("/sparql/")
    target = endpoint + path[len("/sparql/"):]  # the query string, percent-encoded as the manifest has it
    headers = {"Content-Type": request["content-type"]} if request["content-type"] else {}
    body = request["body"]
    content = None
    if body is not None:
        content = body.encode("utf-16") if request["characterEncoding"] == "UTF-16" else body.encode()
    with httpx.Client(timeout=60, follow_redirects=True) as client:
        # httpx would add a Content-Type of its own to a body without one; the suite's bad requests have none
        built = client.build_request(request["method"], httpx.URL(target), content=content, headers=headers)
        if not request["content-type"]:
            built.headers.pop("Content-Type", None)
        return client.send(built)


def media_type(response: httpx.Response) -> str:
    return response.headers.get("content-type", "").split(";")[0].strip()


def check(response: httpx.Response, expected: dict) -> None:
    classes = {f"{response.status_code // 100}xx"}
    assert classes & set(expected["expectedStatus"]), (response.status_code, response.text[:300])
    fmt = expected["expectedFormat"]
    if fmt == "boolean":
        assert media_type(response) in BOOLEAN_TYPES, media_type(response)
        answer = ox.parse_query_results(response.content, ox.QueryResultsFormat.from_media_type(media_type(response)))
        assert isinstance(answer, ox.QueryBoolean)
        if expected["expectedBoolean"] is not None:
            assert bool(answer) is expected["expectedBoolean"]
    elif fmt == "tabular":
        assert media_type(response) in TABULAR_TYPES, media_type(response)
        ox.parse_query_results(response.content, ox.QueryResultsFormat.from_media_type(media_type(response)))
    elif fmt == "RDF":
        assert media_type(response) in RDF_TYPES, media_type(response)
        list(ox.parse(response.content, ox.RdfFormat.from_media_type(media_type(response))))


@pytest.mark.parametrize("entry", ENTRIES, ids=[e["id"] for e in ENTRIES])
def test_w3c_protocol(endpoint, entry):
    requests = entry["requests"]
    if not entry["id"].startswith("update_"):
        for request in requests:
            check(send(endpoint, request), request)
        return
    # read-only: the update is refused, and what follows it finds the data unchanged
    update, *queries = requests
    refused = send(endpoint, update)
    assert refused.status_code // 100 == 4 and "read-only" in refused.text
    for query in queries:
        response = send(endpoint, query)
        check(response, query | {"expectedBoolean": None})
        answer = ox.parse_query_results(response.content, ox.QueryResultsFormat.from_media_type(media_type(response)))
        assert (not bool(answer)) if isinstance(answer, ox.QueryBoolean) else not list(answer)
    still = httpx.get(endpoint, params={"query": f"ASK {{ GRAPH <{DATA}data1.rdf> {{ <{DATA}data1.rdf> a ?t }} }}"},
                      headers={"Accept": "application/sparql-results+json"}, timeout=60)
    assert still.json()["boolean"] is True


def test_the_suite_is_whole():
    assert len(ENTRIES) == 34
    assert sum(e["id"].startswith("update_") for e in ENTRIES) == 7
