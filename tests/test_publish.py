"""`tipkg publish`: the static linked-data site. A crawler from its home page finds no broken link or anchor
and no page it cannot reach; the dumps read back to the graph VoID counts; every page has its Turtle and
JSON-LD; the sitemap lists real files; the nginx configuration it writes negotiates in a real nginx; pages
open in Chromium, markup from a document shows as text; a publish refuses what it must."""
from __future__ import annotations

import gzip
import html
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import xml.etree.ElementTree as ET
from collections import deque
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlsplit

import httpx
import pyoxigraph as ox
import pytest
import rdflib

from conftest import ARTIFACTS, needs_seeds, run_tipkg
from test_linkeddata import MARKUP_TITLE, canonical, markup_store  # noqa: F401  (a fixture, used below)
from tipkg.iris import DEFAULT_BASE
from tipkg.linkeddata.pages import LIST_PAGE, PREVIEW_ROWS
from tipkg.store import ENTITIES_GRAPH

pytestmark = needs_seeds
VOID_TRIPLES = rdflib.URIRef("http://rdfs.org/ns/void#triples")
DATASET = rdflib.URIRef(DEFAULT_BASE + "dataset")


@pytest.fixture(scope="module")
def site(seed_store, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("published") / "site"
    result = run_tipkg("publish", "--store", seed_store, "--out", out)
    assert result.returncode == 0, result.stderr
    assert "Published" in result.stdout
    return out


LINK = re.compile(r'<(?:a|link)\b[^>]*?\bhref="([^"]*)"', re.I)
ANCHOR = re.compile(r'\bid="([^"]*)"')


def test_a_crawler_from_the_home_page_finds_no_broken_link_and_no_unreachable_page(site):
    ids: dict[Path, set[str]] = {}

    def anchors(page: Path) -> set[str]:
        if page not in ids:
            ids[page] = {html.unescape(i) for i in ANCHOR.findall(page.read_text())}
        return ids[page]

    start = (site / "index.html").resolve()
    seen, queue, broken, checked = {start}, deque([start]), [], 0
    while queue:
        page = queue.popleft()
        for href in LINK.findall(page.read_text()):
            href = html.unescape(href)
            if urlsplit(href).scheme:  # the rest of the web: not ours to check
                continue
            url, fragment = urldefrag(href)
            target = (page.parent / unquote(url)).resolve() if url else page
            checked += 1
            if target.is_dir():
                target = target / "index.html"
            if not target.is_relative_to(site.resolve()) or not target.is_file():
                broken.append(f"{page.relative_to(site)} -> {href}")
                continue
            if target.suffix == ".html":
                if fragment and unquote(fragment) not in anchors(target):
                    broken.append(f"{page.relative_to(site)} -> {href} (no such anchor)")
                if target not in seen:
                    seen.add(target)
                    queue.append(target)
    assert not broken, f"{len(broken)} broken links, such as: {broken[:10]}"
    pages = {p.resolve() for p in site.rglob("*.html")}
    assert len(pages) > 500 and checked > 10_000
    unreachable = sorted(str(p.relative_to(site.resolve())) for p in pages - seen)
    assert not unreachable, f"pages no link leads to: {unreachable[:10]}"


def test_every_page_has_its_turtle_and_json_ld_and_they_agree(site):
    pages = [p for p in site.rglob("*.html") if not p.name.startswith("index")
             and not LIST_PAGE.fullmatch(p.relative_to(site).as_posix()[:-5])]  # a resource's full lists are pages only
    for page in pages:
        for ext in ("ttl", "jsonld"):
            assert page.with_suffix(f".{ext}").is_file(), f"{page.relative_to(site)} has no .{ext}"
    for name in ("org/UNODC", "state/JPN", "document/001-aaa57c1388cc9d44", "dataset", "ontology"):
        turtle = rdflib.Graph().parse(site / f"{name}.ttl", format="turtle")
        jsonld = rdflib.Graph().parse(site / f"{name}.jsonld", format="json-ld")
        assert len(turtle) > 5 and canonical(turtle) == canonical(jsonld), name


def test_dumps_read_back_to_the_graph_void_describes(site):
    void = rdflib.Graph().parse(site / "void.ttl", format="turtle")
    triples = int(void.value(DATASET, VOID_TRIPLES))
    dumps = site / "dumps"
    turtle = ox.Store()
    turtle.load(path=str(dumps / "tipkg.ttl"), format=ox.RdfFormat.TURTLE)
    assert len(turtle) == triples > 10_000
    with gzip.open(dumps / "tipkg.nt.gz") as f:
        assert len(list(ox.parse(f, format=ox.RdfFormat.N_TRIPLES))) == triples
    with gzip.open(dumps / "tipkg.nq.gz") as f:
        quads = list(ox.parse(f, format=ox.RdfFormat.N_QUADS))
    graphs = {q.graph_name.value for q in quads}
    assert ENTITIES_GRAPH in graphs  # the shared descriptions, and one graph per document
    graphs.remove(ENTITIES_GRAPH)
    assert len(graphs) == 3 and all(g.startswith(DEFAULT_BASE + "graph/") for g in graphs)
    jsonld = list(ox.parse(path=str(dumps / "tipkg.jsonld"), format=ox.RdfFormat.JSON_LD))
    assert set(jsonld) == set(quads)
    for dump in void.objects(DATASET, rdflib.URIRef("http://rdfs.org/ns/void#dataDump")):
        assert (site / str(dump)[len(DEFAULT_BASE):]).is_file(), dump
    assert (site / ".well-known" / "void").read_bytes() == (site / "void.ttl").read_bytes()


def test_the_sitemap_lists_pages_that_exist(site):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locations = [e.text for e in ET.parse(site / "sitemap.xml").getroot().findall("s:url/s:loc", ns)]
    assert len(locations) > 500
    for loc in locations:
        assert loc.startswith(DEFAULT_BASE) and (site / unquote(loc[len(DEFAULT_BASE):])).is_file(), loc


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.skipif(not shutil.which("nginx"), reason="no nginx (Debian package nginx-light) to try the configuration in")
def test_the_nginx_configuration_negotiates_in_a_real_nginx(site, tmp_path):
    port = _free_port()
    snippet = (site / "nginx.conf").read_text()
    assert f"root {site.resolve()};" in snippet
    (tmp_path / "site.conf").write_text(re.sub(r"listen \d+;", f"listen 127.0.0.1:{port};", snippet))
    for folder in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (tmp_path / folder).mkdir()
    (tmp_path / "nginx.conf").write_text(f"""daemon off; master_process off; pid {tmp_path}/nginx.pid;
error_log {tmp_path}/error.log;
events {{ worker_connections 64; }}
http {{
    access_log off;
    client_body_temp_path {tmp_path}/body; proxy_temp_path {tmp_path}/proxy; fastcgi_temp_path {tmp_path}/fastcgi;
    uwsgi_temp_path {tmp_path}/uwsgi; scgi_temp_path {tmp_path}/scgi;
    include {tmp_path}/site.conf;
}}
""")
    nginx = subprocess.Popen(["nginx", "-c", str(tmp_path / "nginx.conf"), "-p", str(tmp_path)],
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        url = f"http://127.0.0.1:{port}"
        _await(url, nginx, tmp_path / "error.log")
        _negotiates(url)
    finally:
        os.killpg(nginx.pid, signal.SIGTERM)
        nginx.wait(timeout=10)


def _negotiates(url: str) -> None:
    """What a web server with the written configuration must do: 303 from a resource IRI to the file in the
    format asked for (Vary: Accept), each file with its media type, 404 for what is not there."""
    with httpx.Client(base_url=url, timeout=10) as http:
        for accept, ext, media in (("text/turtle", "ttl", "text/turtle"),
                                   ("application/ld+json", "jsonld", "application/ld+json"),
                                   ("text/html,application/xhtml+xml,*/*;q=0.8", "html", "text/html")):
            for path in ("/state/JPN", "/document/001-aaa57c1388cc9d44", "/ontology", "/dataset"):
                answer = http.get(path, headers={"Accept": accept})
                assert answer.status_code == 303, (path, accept, answer.status_code)
                assert answer.headers["location"].removeprefix(url) == f"{path}.{ext}"
                assert "Accept" in answer.headers["vary"]
                assert f'.{ext}>; rel="alternate"' in answer.headers.get("link", "")
                document = http.get(answer.headers["location"])
                assert document.status_code == 200
                assert document.headers["content-type"].split(";")[0] == media
        assert http.get("/.well-known/void").headers["content-type"].startswith("text/turtle")
        dump = http.get("/dumps/tipkg.nt.gz")
        assert dump.headers["content-type"] == "application/gzip" and "content-encoding" not in dump.headers
        assert http.get("/state/NOWHERE", headers={"Accept": "text/turtle"}).status_code == 404


def _await(url: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 20
    while True:
        try:
            httpx.get(url + "/index.html", timeout=2)
            return
        except httpx.TransportError:
            if process.poll() is not None or time.monotonic() > deadline:
                output = process.stdout.read().decode(errors="replace") if process.poll() is not None else ""
                pytest.fail(f"the server did not start: {output}{log.read_text() if log.exists() else ''}")
            time.sleep(0.1)


@pytest.mark.skipif(not shutil.which("apache2"), reason="no Apache (Debian package apache2) to try .htaccess in")
def test_the_htaccess_negotiates_in_a_real_apache(site, tmp_path):
    # Apache will not serve as root: its worker user must read the site, so a copy goes where others may read
    public = Path(tempfile.mkdtemp(prefix="tipkg-apache-"))
    try:
        public.chmod(0o755)
        shutil.copytree(site, public / "site")
        port = _free_port()
        user = "User www-data\nGroup www-data\n" if os.geteuid() == 0 else ""
        modules = "".join(f"LoadModule {m}_module /usr/lib/apache2/modules/mod_{m}.so\n"
                          for m in ("mpm_event", "authz_core", "mime", "dir", "rewrite", "headers"))
        (tmp_path / "httpd.conf").write_text(f"""ServerRoot {tmp_path}
Listen 127.0.0.1:{port}
PidFile {tmp_path}/httpd.pid
ErrorLog {tmp_path}/error.log
{modules}{user}ServerName localhost
TypesConfig /etc/mime.types
DocumentRoot {public / "site"}
<Directory {public / "site"}>
    AllowOverride All
    Require all granted
</Directory>
""")
        apache = subprocess.Popen(["apache2", "-X", "-f", str(tmp_path / "httpd.conf")], env={
            **os.environ, "APACHE_RUN_DIR": str(tmp_path)}, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            start_new_session=True)
        try:
            url = f"http://127.0.0.1:{port}"
            _await(url, apache, tmp_path / "error.log")
            _negotiates(url)
        finally:
            os.killpg(apache.pid, signal.SIGTERM)
            apache.wait(timeout=10)
    finally:
        shutil.rmtree(public, ignore_errors=True)


def test_publish_refuses_another_base_and_a_folder_it_did_not_write(seed_store, tmp_path):
    result = run_tipkg("publish", "--store", seed_store, "--out", tmp_path / "a", "--base-iri", "http://example.org/kg/")
    assert result.returncode == 1 and "no IRI under http://example.org/kg/" in result.stderr
    assert not (tmp_path / "a").exists()
    foreign = tmp_path / "mine"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("keep me")
    result = run_tipkg("publish", "--store", seed_store, "--out", foreign)
    assert result.returncode == 1 and "not empty" in result.stderr
    assert (foreign / "notes.txt").read_text() == "keep me"


def test_published_pages_open_in_chromium_and_show_markup_as_text(site, markup_store, tmp_path, browser):
    browser.get((site / "index.html").as_uri())
    assert "tipkg" in browser.title
    browser.find_element("link text", "States").click()  # the kind, titled in words
    browser.find_element("link text", "Japan").click()
    assert browser.current_url.endswith("/state/JPN.html")
    browser.save_screenshot(str(ARTIFACTS / "publish-state.png"))

    out = tmp_path / "markup-site"
    result = run_tipkg("publish", "--store", markup_store, "--out", out)
    assert result.returncode == 0, result.stderr
    browser.get((out / "resolution" / "E-RES-2021-25.html").as_uri())
    assert "pwned" not in browser.title
    main = browser.find_element("css selector", "main")
    assert not main.find_elements("css selector", "script, svg, img")
    shown = main.text
    assert '<svg/onload=document.title="pwned-svg">' in shown
    assert '<script/x>document.title="pwned-script"</script/x>' in shown
    assert "&lt;b&gt;not bold&lt;/b&gt;" in shown
    assert MARKUP_TITLE in shown  # the document's title (dcterms:title), markup and all
    paragraph = next(e for e in main.find_elements("css selector", ".passage") if "pwned-script" in e.text)
    browser.execute_script("arguments[0].scrollIntoView()", paragraph)
    browser.save_screenshot(str(ARTIFACTS / "publish-markup-as-text.png"))


def test_the_pages_of_a_resource_with_many_referrers_are_grouped_and_their_full_lists_written(site):
    """UNODC's page groups what refers to it by kind and property, each group with its count, and links the
    groups longer than the page shows to their full lists, written beside it; kinds are titled in words."""
    page = (site / "org" / "UNODC.html").read_text()
    groups = re.findall(r'<section class="group" id="(in-[a-z-]+)">\s*<h3>([^<]+) · .*?<span class="count">([\d,]+)',
                        page, re.S)
    assert len(groups) >= 5 and ("in-paragraph-mentions", "Paragraphs") in {g[:2] for g in groups}
    long = [(key, int(n.replace(",", ""))) for key, _, n in groups if int(n.replace(",", "")) > PREVIEW_ROWS]
    assert long, "no group of UNODC's referrers is longer than the page shows"
    for key, n in long:
        assert f'href="UNODC.{key}.html"' in page
        listed = (site / "org" / f"UNODC.{key}.html").read_text()
        assert len(re.findall(r"<tr><td>", listed)) == n, key
    assert "<h1>Organizations</h1>" in (site / "index-org.html").read_text()
    assert re.search(r'<a href="index-org.html">Organizations</a>', (site / "index.html").read_text())
