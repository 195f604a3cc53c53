"""Linked data served by `tipkg serve`: every kind of resource dereferences by content negotiation (303 to
a document per format, with Vary, Content-Type and Link), the JSON-LD reads back to the same triples as the
Turtle, the VoID description and the ontology's documentation are where they should be, path tricks are
refused, and text from documents is escaped. The routes are exercised in the endpoint's own app
(starlette's test client), then end to end through a real `tipkg serve` process, httpx and Chromium."""
from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import time
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest
import rdflib

from conftest import ARTIFACTS, REPO, needs_seeds, run_tipkg, seed_path, tipkg_command
from tipkg.iris import DEFAULT_BASE, TIP
from tipkg.linkeddata.negotiate import FORMATS, HTML, JSON_LD, N_TRIPLES, RDF_XML, TURTLE, choose, split_extension
from tipkg.linkeddata.pages import Site, text_segments
from tipkg.linkeddata.describe import Passage, Node

pytestmark = needs_seeds

# plain namespaces: rdflib's closed ones warn when pytest looks through the module's names
DCAT, DCTERMS, VOID = (rdflib.Namespace(n) for n in ("http://www.w3.org/ns/dcat#", "http://purl.org/dc/terms/",
                                                     "http://rdfs.org/ns/void#"))
RDF = rdflib.RDF
RDFLIB_FORMATS = {"turtle": "turtle", "json-ld": "json-ld", "n-triples": "nt", "rdf-xml": "xml"}


# --- content negotiation, by itself -----------------------------------------------------------------

@pytest.mark.parametrize("accept, expected", [
    (None, HTML),
    ("", HTML),
    ("*/*", HTML),
    ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", HTML),  # a browser
    ("text/turtle", TURTLE),
    ("application/x-turtle", TURTLE),
    ("application/ld+json", JSON_LD),
    ('application/ld+json;profile="http://www.w3.org/ns/json-ld#compacted"', JSON_LD),
    ("application/json", JSON_LD),
    ("application/n-triples", N_TRIPLES),
    ("application/rdf+xml", RDF_XML),
    ("text/html;q=0.5, text/turtle", TURTLE),
    ("text/turtle;q=0.4, application/ld+json;q=0.9, */*;q=0.1", JSON_LD),
    ("application/rdf+xml, text/turtle;q=0.9, */*;q=0.1", RDF_XML),  # rdflib's and Jena's kind of header
    ("text/*", HTML),
    ("text/html;q=0, */*", TURTLE),  # q=0 means "not this one"
    ("TEXT/TURTLE", TURTLE),
    ("text/turtle;q=2, application/ld+json", JSON_LD),  # a malformed q-value drops its range
    ("image/png", None),
    ("text/html;q=0", None),
])
def test_accept_header_chooses_the_format(accept, expected):
    assert choose(accept) is expected


def test_a_known_extension_names_a_format_and_anything_else_is_part_of_the_path():
    assert split_extension("state/JPN.ttl") == ("state/JPN", TURTLE)
    assert split_extension("rule/campaigns.described") == ("rule/campaigns.described", None)
    assert split_extension("document/A-C.3-80-L.50.html") == ("document/A-C.3-80-L.50", HTML)
    assert split_extension(".ttl") == (".ttl", None)


def test_paragraph_text_links_the_names_of_what_it_mentions_and_nothing_else():
    para = Passage(Node(ox.NamedNode(DEFAULT_BASE + "document/X#para-1")), "para-1",
                   "UNODC and the United Nations Office on Drugs and Crime met UNODCX in Niger and Nigeria <b>.",
                   False, names={DEFAULT_BASE + "org/UNODC": ["UNODC", "United Nations Office on Drugs and Crime"],
                                 DEFAULT_BASE + "state/NER": ["Niger"]})
    site = Site()
    segments = text_segments(para, lambda iri: site.href(iri, "document/X"))
    linked = [(text, href) for text, href in segments if href]
    assert linked == [("UNODC", "../org/UNODC.html"), ("United Nations Office on Drugs and Crime", "../org/UNODC.html"),
                      ("Niger", "../state/NER.html")]
    assert "".join(text for text, _ in segments) == para.text


def test_links_between_pages_are_relative_and_unsafe_iris_get_no_page():
    site = Site(ontology_terms=frozenset({"State"}))
    assert site.href(DEFAULT_BASE + "org/UNODC", "state/JPN") == "../org/UNODC.html"
    assert site.href(DEFAULT_BASE + "document/X#para-4", "document/X") == "X.html#para-4"
    assert site.href(str(TIP) + "State", "assertion/doc/chairing-1") == "../../ontology.html#State"
    assert site.href("http://www.w3.org/ns/org#Organization", "state/JPN") == "http://www.w3.org/ns/org#Organization"
    for unsafe in ("state/../../etc/passwd", "state/.hidden", "state//JPN", "state/JPN.ttl", "index.html"):
        assert site.href(DEFAULT_BASE + unsafe, "state/JPN") is None, unsafe


# --- the routes in the endpoint's app ---------------------------------------------------------------

@pytest.fixture(scope="module")
def client(seed_store):
    from starlette.testclient import TestClient

    from tipkg.serve import ServerConfig, create_app

    # no `with`: the query workers of the SPARQL endpoint are not started, and the linked data needs none
    return TestClient(create_app(ServerConfig(store=seed_store)))


@pytest.fixture(scope="module")
def examples(seed_store) -> dict[str, str]:
    """One IRI of each kind of resource in the seed graph, found by its class."""
    from tipkg.store import open_store

    store = open_store(seed_store)
    out = {}
    for kind, cls in (("state", "State"), ("organization", "Organization"), ("body", "Body"),
                      ("resolution", "Resolution"), ("document", "Report"), ("paragraph", "Paragraph"),
                      ("initiative", "Initiative"), ("event", "Event"), ("publication", "Publication"),
                      ("person", "Person"), ("assertion", "Assertion")):
        rows = list(store.query(f"""SELECT ?x WHERE {{ ?x a/<http://www.w3.org/2000/01/rdf-schema#subClassOf>* <{TIP}{cls}>
            FILTER(STRSTARTS(STR(?x), "{DEFAULT_BASE}")) }} ORDER BY ?x LIMIT 1""", use_default_graph_as_union=True))
        assert rows, f"no {cls} in the seed graph"
        out[kind] = rows[0][0].value
    out["ontology term"] = str(TIP) + "State"
    out["dataset"] = DEFAULT_BASE + "dataset"
    return out


def _local(iri: str) -> str:
    """The path that dereferences an IRI: the part after the base, before any '#'."""
    path = iri[len(DEFAULT_BASE):] if iri.startswith(DEFAULT_BASE) else "ontology"
    return "/" + path.split("#", 1)[0]


KINDS = ("state", "organization", "body", "resolution", "document", "paragraph", "initiative", "event",
         "publication", "person", "assertion", "ontology term", "dataset")


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("fmt", FORMATS, ids=[f.name for f in FORMATS])
def test_every_kind_of_resource_dereferences_in_every_format(client, examples, kind, fmt):
    iri = examples[kind]
    path = _local(iri)
    answer = client.get(path, headers={"Accept": fmt.media_type}, follow_redirects=False)
    assert answer.status_code == 303, answer.text
    assert "Accept" in answer.headers["vary"]
    location = answer.headers["location"]
    assert location.endswith(f"{path}.{fmt.extension}")
    links = answer.headers["link"]
    for other in FORMATS:
        assert f'.{other.extension}>; rel="alternate"; type="{other.media_type}"' in links

    document = client.get(location)
    assert document.status_code == 200
    assert document.headers["content-type"].split(";")[0] == fmt.media_type
    assert 'rel="alternate"' in document.headers["link"]
    if fmt is HTML:
        fragment = iri.split("#", 1)[1] if "#" in iri else None
        if fragment:  # a paragraph or an ontology term: an anchor of its document's page
            assert f'id="{fragment}"' in document.text
        else:
            assert f"<code>{iri}</code>" in document.text
        return
    graph = rdflib.Graph().parse(data=document.content, format=RDFLIB_FORMATS[fmt.name])
    assert (rdflib.URIRef(iri), None, None) in graph, f"{iri} has no statement in its own {fmt.name}"


def test_a_resource_the_graph_does_not_hold_is_404_and_a_format_nobody_offers_406(client):
    assert client.get("/state/NOWHERE", follow_redirects=False).status_code == 404
    assert client.get("/state/NOWHERE.ttl").status_code == 404
    answer = client.get("/state/JPN", headers={"Accept": "image/png"}, follow_redirects=False)
    assert answer.status_code == 406
    assert "text/turtle" in answer.text and "Accept" in answer.headers["vary"]


def canonical(graph: rdflib.Graph) -> set[ox.Quad]:
    """A graph's triples with blank nodes relabelled canonically (RDFC-1.0, by pyoxigraph: rdflib's own
    isomorphism test is slow on the VoID description's many blank nodes)."""
    dataset = ox.Dataset(ox.parse(graph.serialize(format="nt").encode(), format=ox.RdfFormat.N_TRIPLES))
    dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    return set(dataset)


@pytest.mark.parametrize("path", ["/org/UNODC", "/document/001-aaa57c1388cc9d44", "/dataset", "/ontology"])
def test_json_ld_reads_back_to_the_same_triples_as_turtle_with_rdflib_and_pyld(client, path):
    from pyld import jsonld

    turtle = rdflib.Graph().parse(data=client.get(f"{path}.ttl").content, format="turtle")
    assert len(turtle) > 10
    expected = canonical(turtle)
    data = client.get(f"{path}.jsonld").content
    assert canonical(rdflib.Graph().parse(data=data, format="json-ld")) == expected, "rdflib"
    nquads = jsonld.to_rdf(json.loads(data), {"format": "application/n-quads"})
    assert canonical(rdflib.Graph().parse(data=nquads, format="nt")) == expected, "pyld"
    for ext, name in (("nt", "nt"), ("rdf", "xml")):
        other = rdflib.Graph().parse(data=client.get(f"{path}.{ext}").content, format=name)
        assert canonical(other) == expected, ext


def test_json_ld_is_compacted_with_the_project_context(client):
    data = json.loads(client.get("/state/JPN.jsonld").content)
    context = data["@context"]
    assert context["tip"] == str(TIP) and "iso3" in context
    assert "Organization" not in context, "the context is cut down to the terms the resource uses"
    node = next(n for n in data.get("@graph", [data]) if n.get("@id") == DEFAULT_BASE + "state/JPN")
    assert node["label"] == "Japan" and node["ratified"] == DEFAULT_BASE + "instrument/TIP-PROTOCOL"
    # the context types string terms as xsd:string, which plain strings do not match in JSON-LD 1.1: they
    # keep their compact IRI
    assert (node.get("iso3") or node.get("tip:iso3")) == "JPN"


def test_a_document_page_shows_its_text_with_anchors_mentions_and_provenance(client):
    page = client.get("/resolution/E-RES-2021-25.html").text
    assert 'id="para-OP3"' in page
    assert re.search(r'<a href="\.\./org/UNODC\.html"[^>]*>United Nations Office on Drugs and Crime</a>', page)
    org = client.get("/org/UNODC.html").text
    assert 'id="provenance"' in org
    evidence = re.search(r'From <a href="(\.\./document/[^"#]+\.html#para-[^"]+)"', org)
    assert evidence, "an evidence sentence links to its paragraph"
    assert "<blockquote>" in org


def _section(page: str, section_id: str) -> str:
    start = page.index(f'<section id="{section_id}"')
    return page[start:page.index("</section>", start)]


def test_an_entity_page_hides_lookup_keys_and_repeated_labels_which_its_data_keeps(client):
    page = client.get("/org/UNODC.html").text
    statements = _section(page, "statements")
    assert "hiddenLabel" not in statements and "united nations office on drugs and crime" not in statements
    assert statements.count(">United Nations Office on Drugs and Crime<") == 1  # prefLabel and rdfs:label: once
    assert statements.count(">UNODC<") == 1  # altLabel and acronym: once
    turtle = client.get("/org/UNODC.ttl").text
    assert "hiddenLabel" in turtle and '"united nations office on drugs and crime"' in turtle


def test_referrers_are_grouped_by_kind_and_property_with_counts_and_full_lists_a_page_at_a_time(client, monkeypatch):
    from tipkg.linkeddata import pages

    page = client.get("/org/UNODC.html").text
    incoming = page[page.index('<section id="incoming">'):page.index('<section id="provenance">')]
    groups = re.findall(r'<section class="group" id="(in-[a-z-]+)">\s*<h3>([^<]+) · .*?<span class="count">([\d,]+)',
                        incoming, re.S)
    assert {"Paragraphs", "Assertions", "Initiatives"} <= {title for _, title, _ in groups}
    counts = {key: int(n.replace(",", "")) for key, _, n in groups}
    assert list(counts.values()) == sorted(counts.values(), reverse=True)  # biggest group first
    key, total = next((k, n) for k, n in counts.items() if n > pages.PREVIEW_ROWS)
    section = incoming[incoming.index(f'id="{key}"'):]
    section = section[:section.index("</section>")]
    assert section.count("<tr><td>") == pages.PREVIEW_ROWS
    # the full list, cut into pages of 5 for the test: every row once, in order, then nothing
    monkeypatch.setattr(pages, "LIST_ROWS", 5)
    rows, number = [], 1
    while True:
        answer = client.get(f"/org/UNODC.{key}" + (f"-{number}" if number > 1 else "") + ".html")
        if number > -(-total // 5):
            assert answer.status_code == 404
            break
        assert answer.status_code == 200, number
        rows += re.findall(r"<tr><td>(.*?)</td>", answer.text)
        assert f"page {number} of {-(-total // 5)}" in answer.text
        if number > 1:
            assert 'rel="prev"' in answer.text
        number += 1
    assert len(rows) == len(set(rows)) == total
    assert client.get("/org/UNODC.in-nothing-at-all.html").status_code == 404
    assert client.get("/state/NOWHERE.in-paragraph-mentions.html").status_code == 404


def test_kinds_are_titled_in_words_and_their_index_paginates(client, monkeypatch):
    from tipkg.linkeddata import pages

    home = client.get("/index.html").text
    assert '<a href="index-org.html">Organizations</a>' in home and '<a href="index-state.html">States</a>' in home
    assert "<h1>Organizations</h1>" in client.get("/index-org.html").text
    monkeypatch.setattr(pages, "KIND_PAGE_ROWS", 50)
    first = client.get("/index-assertion.html").text
    n = int(re.search(r"([\d,]+) resources", first)[1].replace(",", ""))
    last = -(-n // 50)
    assert last > 1 and f"page 1 of {last}" in first and 'href="index-assertion-2.html"' in first
    assert client.get(f"/index-assertion-{last}.html").status_code == 200
    assert client.get(f"/index-assertion-{last + 1}.html").status_code == 404


def test_void_is_at_the_well_known_address_and_describes_the_dataset(client, seed_store):
    answer = client.get("/.well-known/void")
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("text/turtle")
    g = rdflib.Graph().parse(data=answer.content, format="turtle")
    dataset = rdflib.URIRef(DEFAULT_BASE + "dataset")
    assert (dataset, RDF.type, VOID.Dataset) in g and (dataset, RDF.type, DCAT.Dataset) in g
    for prop in (VOID.triples, VOID.entities, VOID.sparqlEndpoint, VOID.dataDump, DCTERMS.license,
                 VOID.classPartition, VOID.propertyPartition, DCAT.distribution):
        assert g.value(dataset, prop) is not None, prop
    documents = {o for o in g.objects(dataset, DCTERMS.source)}
    assert rdflib.URIRef(DEFAULT_BASE + "resolution/E-RES-2021-25") in documents and len(documents) == 3
    # the Member State partition counts what the graph holds, counted here another way
    states = {s for s in rdflib.Graph().parse(data=client.get("/dumps/tipkg.ttl").content, format="turtle")
              .subjects(RDF.type, rdflib.URIRef(str(TIP) + "MemberState"))}
    partition = next(p for p in g.objects(dataset, VOID.classPartition)
                     if g.value(p, VOID["class"]) == rdflib.URIRef(str(TIP) + "MemberState"))
    assert int(g.value(partition, VOID.entities)) == len(states) > 0
    for dump in g.objects(dataset, VOID.dataDump):
        assert client.get(str(dump).replace(DEFAULT_BASE, "/")).status_code == 200, dump
    # and the build left the same kind of description beside its dumps
    built = rdflib.Graph().parse(seed_store / "current" / "dumps" / "void.ttl", format="turtle")
    assert built.value(dataset, VOID.triples) == g.value(dataset, VOID.triples)


def test_the_ontology_is_documented_at_its_iri_with_an_anchor_per_term(client):
    answer = client.get("/ontology", headers={"Accept": "text/html"}, follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"].endswith("/ontology.html")
    page = client.get("/ontology.html").text
    ontology = rdflib.Graph().parse(REPO / "ontology" / "tipkg.ttl")
    terms = {str(s)[len(str(TIP)):] for s in ontology.subjects() if str(s).startswith(str(TIP))}
    assert len(terms) > 100
    missing = [t for t in terms if f'id="{t}"' not in page]
    assert not missing, f"terms with no anchor: {missing[:10]}"
    assert client.get("/ontology/context.jsonld").json()["@context"]["tip"] == str(TIP)


@pytest.mark.parametrize("path", ["/state/%2e%2e/%2e%2e/etc/passwd", "/state%2FJPN", "/org/UNODC%5c..%5c..",
                                  "/state/JPN%00.ttl", "/document/%2E%2E/dataset.ttl"])
def test_linked_data_paths_refuse_encoded_tricks(client, path):
    answer = client.get(path, follow_redirects=False)
    assert answer.status_code == 400, path


def test_dumps_are_served_by_exact_name_only(client):
    assert client.get("/dumps/tipkg.nq").status_code == 200
    assert client.get("/dumps/oxigraph").status_code == 404
    assert client.get("/dumps/..%2Freports%2Fbuild.json").status_code in (400, 404)


# --- text that holds markup ---------------------------------------------------------------------------

MARKUP = ('Noting the work of UNODC in Japan <svg/onload=document.title="pwned-svg">, '
          '<script/x>document.title="pwned-script"</script/x>, <img/src=x/onerror=document.title="pwned-img"> '
          'and &lt;b&gt;not bold&lt;/b&gt;,')
MARKUP_TITLE = "Markup <script/x>document.title='pwned-title'</script/x> in a title"


@pytest.fixture(scope="module")
def markup_store(tmp_path_factory) -> Path:
    """A store of one document whose text and title hold markup that browsers would run (ingest removes
    plain tags such as <script>, but not these)."""
    root = tmp_path_factory.mktemp("markup")
    documents = root / "documents"
    documents.mkdir()
    text = seed_path("004").read_text()
    anchor = "Reaffirming the commitments by Member States to take immediate and effective measures"
    assert anchor in text
    text = text.replace(anchor, MARKUP + "\n\n" + anchor, 1)
    (documents / "markup.txt").write_text(text)
    (documents / "markup.yaml").write_text(json.dumps({"title": MARKUP_TITLE}))
    result = run_tipkg("build", "--documents", documents, "--store", root / "store")
    assert result.returncode == 0, result.stderr
    return root / "store"


def test_markup_in_a_document_is_escaped_on_every_page(markup_store):
    from starlette.testclient import TestClient

    from tipkg.serve import ServerConfig, create_app

    client = TestClient(create_app(ServerConfig(store=markup_store)))
    document = client.get("/resolution/E-RES-2021-25.html")
    assert document.status_code == 200
    assert "default-src 'none'" in document.headers["content-security-policy"]
    for page in (document.text, client.get("/index.html").text, client.get("/index-resolution.html").text):
        body = page.split("<body>", 1)[1]
        assert not re.search(r"<(script|svg|img)\b", body, re.I), "markup from the document reached a page"
    assert "&lt;script/x&gt;document.title=" in document.text
    assert "&lt;svg/onload=document.title=" in document.text
    assert "&amp;lt;b&amp;gt;not bold" in document.text  # an entity in the text is text too


# --- end to end: a real `tipkg serve` -----------------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(seed_store):
    port = _free_port()
    process = subprocess.Popen(tipkg_command() + ["serve", "--store", str(seed_store), "--port", str(port),
                                                  "--workers", "1"],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, cwd=REPO, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                break
        except httpx.TransportError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            pytest.fail(f"tipkg serve did not start: {process.stdout.read().decode(errors='replace')[-2000:]}")
        time.sleep(0.2)
    yield url
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def test_served_iris_negotiate_over_http(server, examples):
    with httpx.Client(base_url=server, timeout=30, follow_redirects=True) as http:
        for kind in ("state", "paragraph", "ontology term", "dataset"):
            path = _local(examples[kind])
            for fmt in FORMATS:
                answer = http.get(path, headers={"Accept": fmt.media_type})
                assert answer.status_code == 200, (kind, fmt.name)
                assert [r.status_code for r in answer.history] == [303]
                assert "Accept" in answer.history[0].headers["vary"]
                assert answer.headers["content-type"].split(";")[0] == fmt.media_type
        void = http.get("/.well-known/void", headers={"Accept": "application/ld+json"})
        assert void.headers["content-type"] == "application/ld+json"
        assert rdflib.Graph().parse(data=void.content, format="json-ld").value(
            rdflib.URIRef(DEFAULT_BASE + "dataset"), VOID.sparqlEndpoint) == rdflib.URIRef(DEFAULT_BASE + "sparql")


@pytest.mark.parametrize("raw_path", ["/state/../../../etc/passwd", "/state/./JPN", "/dumps/../reports/build.json",
                                      "/org/..\\..\\etc"])
def test_served_paths_with_dot_segments_or_backslashes_are_refused(server, raw_path):
    """Sent as written (HTTP clients would remove the dot segments first)."""
    host, port = server.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as s:
        s.sendall(f"GET {raw_path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode())
        status = s.makefile("rb").readline().decode()
    assert status.split()[1] == "400", status


def test_a_long_group_opens_its_full_list_in_chromium(server, browser):
    """On the page of UNODC a person follows the link of the longest group of referrers to its full list,
    where every row of the group is, and comes back."""
    from selenium.webdriver.common.by import By

    browser.get(f"{server}/org/UNODC.html")
    group = browser.find_element(By.CSS_SELECTOR, "section.group")
    count = int(re.match(r"[\d,]+", group.find_element(By.CSS_SELECTOR, "h3 .count").text)[0].replace(",", ""))
    group.find_element(By.CSS_SELECTOR, "p.more a").click()
    assert re.search(r"/org/UNODC\.in-[a-z-]+\.html$", browser.current_url)
    assert len(browser.find_elements(By.CSS_SELECTOR, "table.referrers tbody tr")) == min(count, 300)
    browser.save_screenshot(str(ARTIFACTS / "linkeddata-full-list.png"))
    browser.find_element(By.PARTIAL_LINK_TEXT, "Back to").click()
    assert browser.current_url.endswith("/org/UNODC.html")


def test_pages_open_in_chromium(server, browser, examples):
    browser.get(f"{server}/state/JPN")  # the IRI: the browser follows the 303 to the page
    assert browser.current_url.endswith("/state/JPN.html")
    assert browser.find_element("css selector", "h1").text == "Japan"
    browser.save_screenshot(str(ARTIFACTS / "linkeddata-state.png"))
    paragraph = examples["paragraph"]
    browser.get(f"{server}{_local(paragraph)}#{paragraph.split('#', 1)[1]}")
    target = browser.find_element("id", paragraph.split("#", 1)[1])
    assert target.text.strip()
    browser.save_screenshot(str(ARTIFACTS / "linkeddata-document.png"))
    browser.find_element("css selector", "p.types a, header a[href$='ontology.html']").click()
    assert "ontology.html" in browser.current_url
    browser.get(f"{server}/ontology#State")
    assert browser.find_element("id", "State").is_displayed()
    browser.save_screenshot(str(ARTIFACTS / "linkeddata-ontology.png"))


# --- at corpus scale --------------------------------------------------------------------------------

@pytest.mark.slow
def test_the_largest_entity_page_of_the_corpus_stays_small_and_its_referrers_paginate(corpus_store):
    """The General Assembly, the object of some 40,000 statements in the GA corpus (its page was 5.9 MB with
    4,083 rows): its page, each page of its full lists and the index pages stay under 200 KB, and the pages
    of its longest list hold every referrer the group counts."""
    from starlette.testclient import TestClient

    from tipkg.linkeddata.pages import LIST_ROWS
    from tipkg.serve import ServerConfig, create_app
    from tipkg.store import open_store

    store = open_store(corpus_store)
    (largest, referrers), = store.query("""SELECT ?x (COUNT(*) AS ?n) WHERE { ?s ?p ?x
        FILTER(isIRI(?x) && STRSTARTS(STR(?x), "https://w3id.org/tipkg/org/")) } GROUP BY ?x ORDER BY DESC(?n) LIMIT 1""",
                                        use_default_graph_as_union=True)
    assert largest.value == DEFAULT_BASE + "org/GA" and int(referrers.value) > 10_000
    client = TestClient(create_app(ServerConfig(store=corpus_store)))
    page = client.get("/org/GA.html")
    assert page.status_code == 200 and len(page.content) < 200_000, len(page.content)
    assert "hiddenLabel" not in page.text and "<h1>General Assembly</h1>" in page.text
    groups = re.findall(r'<section class="group" id="(in-[a-z-]+)">\s*<h3>([^<]+) · .*?<span class="count">([\d,]+)',
                        page.text, re.S)
    key, _, count = groups[0]
    total = int(count.replace(",", ""))
    # the referrers of the GA (some 26,000 in the corpus once positions were told from asks) are far more than a page
    assert total > 10 * LIST_ROWS and sum(int(n.replace(",", "")) for *_, n in groups) > 10_000
    last = -(-total // LIST_ROWS)
    for number in (1, 2, last):
        listed = client.get(f"/org/GA.{key}" + (f"-{number}" if number > 1 else "") + ".html")
        assert listed.status_code == 200 and len(listed.content) < 200_000, (number, len(listed.content))
        assert f"page {number} of {last}" in listed.text
        rows = listed.text.count("<tr><td>")
        assert rows == (LIST_ROWS if number < last else total - LIST_ROWS * (last - 1))
    assert client.get(f"/org/GA.{key}-{last + 1}.html").status_code == 404
    for index in ("/index.html", "/index-assertion.html", "/index-org.html"):
        answer = client.get(index)
        assert answer.status_code == 200 and len(answer.content) < 200_000, (index, len(answer.content))
