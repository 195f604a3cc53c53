"""The query page of `tipkg serve`: YASGUI over the server's own endpoint, from vendored pinned files.

What a user does with it, in headless Chromium: type a free query and run it, see its rows in YASR's table; pick a
canned query, fill its parameter, run it; switch to the pivot and chart views; have the editor highlight, declare
prefixes and complete terms of the graph. And with Chromium's network limited to this machine, the page works
and asks nothing of any other host. The routes the page reads (a canned query's bound SPARQL, the vocabulary)
are checked over HTTP; the vendored files against the versions and digests their README pins."""
from __future__ import annotations

import hashlib
import json
import re
import urllib.parse
from pathlib import Path

import httpx
import pytest

from conftest import ARTIFACTS, start_chromium
from live_servers import tipkg_server
from tipkg.iris import PREFIXES
from tipkg.queries import catalogue, get_query, run_on_store
from tipkg.store import open_store

STATIC = Path(__file__).resolve().parents[1] / "src" / "tipkg" / "static"
VENDOR = STATIC / "vendor"
TIP = "https://w3id.org/tipkg/ontology#"


@pytest.fixture(scope="module")
def server(seed_store, tmp_path_factory):
    with tipkg_server(seed_store, tmp_path_factory.mktemp("query-page"), "--timeout", "60") as base:
        yield base


@pytest.fixture(scope="module")
def store(seed_store):
    return open_store(seed_store)


# --- what the page reads, over HTTP ---------------------------------------------------------------------

def test_a_canned_querys_sparql_comes_with_its_parameters_bound(server):
    evidence = get_query("evidence")
    answer = httpx.get(server + "/queries/evidence.rq", params={"subject": "UNODC"})
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("application/sparql-query")
    assert answer.text == evidence.bind({"subject": "UNODC"})
    # a listing's text as the build answered it, so that the page's run of it gets the stored answer
    assert httpx.get(server + "/queries/icat-chairs.rq").text == get_query("icat-chairs").bind({})
    missing = httpx.get(server + "/queries/evidence.rq")
    assert missing.status_code == 400 and "subject=" in missing.text
    unknown = httpx.get(server + "/queries/evidense.rq")
    assert unknown.status_code == 404 and "did you mean evidence" in unknown.text


def test_the_vocabulary_has_the_graphs_prefixes_classes_and_properties(server):
    vocabulary = httpx.get(server + "/vocabulary").json()
    assert vocabulary["prefixes"] == {name: str(iri) for name, iri in PREFIXES.items()}
    # every prefix a canned query declares, with the same namespace
    for query in catalogue().values():
        for prefix, iri in re.findall(r"^PREFIX\s+(\w+):\s*<([^>]+)>", query.sparql, re.M):
            assert vocabulary["prefixes"][prefix] == iri, (query.name, prefix)
    assert {TIP + "Organization", TIP + "Resolution"} <= set(vocabulary["classes"])
    assert {TIP + "inDocument", "http://www.w3.org/2000/01/rdf-schema#label"} <= set(vocabulary["properties"])
    assert not set(vocabulary["classes"]) & set(vocabulary["properties"])


def test_the_vendored_files_are_the_pinned_builds():
    readme = (VENDOR / "README.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([\w./-]+)` \| `([@\w./-]+)` \| ([\d.]+) \| `[\w./-]+` \| `sha512-[A-Za-z0-9+/=]+` "
                      r"\| `([0-9a-f]{64})` \| MIT, `([\w./-]+)` \|$", readme, re.M)
    assert {r[1] for r in rows} == {"@zazuko/yasgui", "pivottable", "jquery", "jquery-ui", "chart.js"}
    for file, package, version, digest, licence in rows:
        assert hashlib.sha256((VENDOR / file).read_bytes()).hexdigest() == digest, file
        assert "Permission is hereby granted" in (VENDOR / licence).read_text(encoding="utf-8"), licence
        assert f"`{package}@{version}`" in readme
    # nothing else is served from there: every file is pinned or is a licence
    present = {str(p.relative_to(VENDOR)) for p in VENDOR.rglob("*") if p.is_file()}
    assert present == {r[0] for r in rows} | {r[4] for r in rows} | {"README.md"}


def test_the_page_loads_its_scripts_and_styles_from_this_server():
    page = (STATIC / "index.html").read_text(encoding="utf-8")
    sources = re.findall(r"""<(?:script|link)\b[^>]*\b(?:src|href)="([^"]+)\"""", page)
    assert len(sources) == 10 and all(s.startswith("static/") for s in sources), sources
    for own in ("query.js", "yasr-plugins.js", "query.css"):
        assert not re.search(r"https?://", (STATIC / own).read_text(encoding="utf-8")), own


# --- the page in Chromium -------------------------------------------------------------------------------

def by():
    from selenium.webdriver.common.by import By
    return By


def wait(browser, condition, timeout: float = 30):
    from selenium.webdriver.support.ui import WebDriverWait
    return WebDriverWait(browser, timeout).until(condition)


def open_page(browser, base: str) -> None:
    browser.get(base + "/")
    wait(browser, lambda b: b.execute_script("return document.body.dataset.ready === 'true'"))


def editor_text(browser) -> str:
    return browser.execute_script("return document.querySelector('#yasgui .CodeMirror').CodeMirror.getValue()")


def type_query(browser, *keys) -> None:
    """Types into YASQE as a person does: click the editor, select all, type over it."""
    from selenium.webdriver.common.keys import Keys
    browser.find_element(by().CSS_SELECTOR, "#yasgui .CodeMirror").click()
    editor = browser.find_element(by().CSS_SELECTOR, "#yasgui .CodeMirror textarea")
    editor.send_keys(Keys.CONTROL, "a")
    editor.send_keys(Keys.DELETE)
    editor.send_keys(*keys)


def hints_with(browser, expected: str, timeout: float = 30) -> list[str]:
    """The completions the editor offers, once they include the one expected (read in one step: the list is
    drawn anew as completions arrive)."""
    script = "return [...document.querySelectorAll('.CodeMirror-hints li')].map(li => li.textContent)"
    wait(browser, lambda b: expected in b.execute_script(script), timeout)
    return browser.execute_script(script)


def run_and_count(browser, timeout: float = 30) -> int:
    """Runs the editor's query (Ctrl+Enter) and waits for the page to report its rows; their number."""
    from selenium.webdriver.common.keys import Keys
    browser.execute_script("document.getElementById('status').textContent = ''")
    browser.find_element(by().CSS_SELECTOR, "#yasgui .CodeMirror textarea").send_keys(Keys.CONTROL, Keys.ENTER)
    return rows_reported(browser, timeout)


def rows_reported(browser, timeout: float = 30) -> int:
    status = wait(browser, lambda b: re.match(r"(\d+) rows? in|failed", b.find_element(by().ID, "status").text),
                  timeout)
    assert status.group(1), browser.find_element(by().CSS_SELECTOR, "#yasgui .yasr").text
    return int(status.group(1))


def table_cells(browser) -> tuple[list[str], list[list[str]]]:
    """YASR's table: its column headers and the rows of the page shown (the row number column left out)."""
    headers = [h.text for h in browser.find_elements(by().CSS_SELECTOR, "#yasgui .yasr table.dataTable thead th")]
    rows = [[td.text for td in tr.find_elements(by().TAG_NAME, "td")][1:]
            for tr in browser.find_elements(by().CSS_SELECTOR, "#yasgui .yasr table.dataTable tbody tr")]
    return headers[1:], rows


def test_a_typed_query_runs_and_its_rows_fill_yasrs_table(server, store, browser):
    open_page(browser, server)
    assert len(browser.find_elements(by().CSS_SELECTOR, "#queries button")) == len(catalogue())
    type_query(browser, "SELECT ?g WHERE { GRAPH ?g { } } ORDER BY ?g")
    graphs = sorted(g.value for g in store.named_graphs())
    assert run_and_count(browser) == len(graphs)
    headers, rows = table_cells(browser)
    assert headers == ["g"]
    assert [row[0].strip("<>") for row in rows] == graphs
    # the same results as files, from the endpoint
    csv_link = browser.find_element(by().LINK_TEXT, "CSV").get_attribute("href")
    assert httpx.get(csv_link).text.split()[1:] == graphs
    browser.save_screenshot(str(ARTIFACTS / "query-page-typed.png"))

    # ASK and DESCRIBE: YASR's boolean view and its table of triples, and downloads in their own formats
    type_query(browser, "ASK { ?s ?p ?o }")
    browser.execute_script("document.getElementById('status').textContent = ''")
    browser.find_element(by().CSS_SELECTOR, "#yasgui .yasqe_queryButton").click()
    wait(browser, lambda b: b.find_element(by().ID, "status").text.startswith("answered"))
    assert browser.find_element(by().CSS_SELECTOR, "#yasgui .booleanResult").text == "True"
    assert [a.text for a in browser.find_elements(by().CSS_SELECTOR, "#downloads a")] == ["JSON", "XML"]
    unodc = "https://w3id.org/tipkg/org/UNODC"
    type_query(browser, f"DESCRIBE <{unodc}>")
    triples = {str(t) for t in store.query(f"DESCRIBE <{unodc}>", use_default_graph_as_union=True)}
    assert run_and_count(browser) == len(triples) > 0
    headers, rows = table_cells(browser)
    assert headers == ["subject", "predicate", "object"] and {row[0] for row in rows} == {f"<{unodc}>"}
    turtle = browser.find_element(by().LINK_TEXT, "TURTLE").get_attribute("href")
    assert httpx.get(turtle).headers["content-type"].startswith("text/turtle")

    # a malformed query: the parser's message, and a marker on the line in the editor
    type_query(browser, "SELECT ?s WHERE { ?s }")
    wait(browser, lambda b: b.find_elements(by().CSS_SELECTOR, "#yasgui .parseErrorIcon"))
    browser.execute_script("document.getElementById('status').textContent = ''")
    browser.find_element(by().CSS_SELECTOR, "#yasgui .yasqe_queryButton").click()
    error = wait(browser, lambda b: b.find_elements(by().CSS_SELECTOR, "#yasgui .yasr .errorResult"))[0]
    assert "malformed query" in error.text
    assert browser.find_element(by().ID, "status").text == "failed"


def test_a_canned_query_is_chosen_its_parameter_filled_and_run(server, store, browser):
    from selenium.webdriver.common.keys import Keys
    open_page(browser, server)
    browser.find_element(by().CSS_SELECTOR, '#queries button[data-name="icat-chairs"]').click()
    wait(browser, lambda b: editor_text(b) == get_query("icat-chairs").bind({}))
    expected = run_on_store(store, get_query("icat-chairs"))
    assert run_and_count(browser) == len(expected)
    headers, rows = table_cells(browser)
    assert headers[:4] == ["year", "chair", "chair_acronym", "document"]
    assert expected[0]["chair"] in {row[1].strip('"') for row in rows}
    browser.save_screenshot(str(ARTIFACTS / "query-page.png"))

    # evidence needs a subject: until it is given, the form says so; given, it is bound in the query
    browser.find_element(by().CSS_SELECTOR, '#queries button[data-name="evidence"]').click()
    assert browser.find_element(by().ID, "query-title").text == get_query("evidence").title
    wait(browser, lambda b: "subject" in b.find_element(by().ID, "params-note").text)
    field = browser.find_element(by().CSS_SELECTOR, 'input[data-param="subject"]')
    field.send_keys("UNODC")
    wait(browser, lambda b: editor_text(b) == get_query("evidence").bind({"subject": "UNODC"}))
    expected = run_on_store(store, get_query("evidence"), {"subject": "UNODC"})
    assert expected
    browser.execute_script("document.getElementById('status').textContent = ''")
    field.send_keys(Keys.ENTER)  # Enter in the form runs the query
    assert rows_reported(browser) == len(expected)
    headers, rows = table_cells(browser)
    assert headers[:3] == ["subject", "predicate", "object"] and len(rows) == min(len(expected), 50)
    browser.save_screenshot(str(ARTIFACTS / "query-page-parameter.png"))


def test_the_results_switch_to_the_pivot_and_chart_views(server, store, browser):
    open_page(browser, server)
    type_query(browser, "PREFIX tip: <https://w3id.org/tipkg/ontology#>\n"
                        "SELECT ?kind (COUNT(?thing) AS ?things) WHERE { ?thing a ?kind "
                        "FILTER(STRSTARTS(STR(?kind), STR(tip:))) } GROUP BY ?kind ORDER BY DESC(?things)")
    kinds = run_and_count(browser)
    assert kinds > 5

    browser.find_element(by().CSS_SELECTOR, "#yasgui .yasr_btn.select_pivot").click()
    pivot = wait(browser, lambda b: b.find_elements(by().CSS_SELECTOR, "#yasgui .tipkg-pivot table.pvtTable"))[0]
    # one row per kind, plus the totals; the kinds shortened with the graph's prefixes
    row_headers = [th.text for th in pivot.find_elements(by().CSS_SELECTOR, "tbody th.pvtRowLabel")]
    assert len(row_headers) == kinds and all(h.startswith("tip:") for h in row_headers)
    browser.save_screenshot(str(ARTIFACTS / "query-page-pivot.png"))

    browser.find_element(by().CSS_SELECTOR, "#yasgui .yasr_btn.select_chart").click()
    canvas = wait(browser, lambda b: b.find_elements(by().CSS_SELECTOR, "#yasgui .tipkg-chart canvas"))[0]
    drawn = browser.execute_script("""
        const canvas = arguments[0], chart = Chart.getChart(canvas);
        const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        let painted = 0;
        for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) painted++;
        return {type: chart.config.type, labels: chart.data.labels, values: chart.data.datasets[0].data,
                painted, height: canvas.height};""", canvas)
    # a bar per kind, up to a hundred, and a note when there are more
    assert drawn["type"] == "bar" and len(drawn["labels"]) == min(kinds, 100)
    notes = browser.find_elements(by().CSS_SELECTOR, ".tipkg-chart-note")
    assert [n.text for n in notes] == ([f"The first 100 of {kinds} labels are drawn."] if kinds > 100 else [])
    assert drawn["values"] == sorted(drawn["values"], reverse=True) and drawn["values"][0] > 1  # ?things, summed
    assert drawn["painted"] > 1000 and drawn["height"] > 200  # bars and axes, not a blank canvas
    browser.save_screenshot(str(ARTIFACTS / "query-page-chart.png"))

    # another chart of the same rows: a pie of the number of rows per kind
    from selenium.webdriver.support.ui import Select
    Select(browser.find_element(by().CSS_SELECTOR, ".tipkg-chart select[name=values]")).select_by_value("")
    Select(browser.find_element(by().CSS_SELECTOR, ".tipkg-chart select[name=type]")).select_by_value("pie")
    pie = browser.execute_script("const c = Chart.getChart(document.querySelector('.tipkg-chart canvas'));"
                                 "return [c.config.type, c.data.datasets[0].data];")
    assert pie == ["pie", [1] * min(kinds, 100)]


def test_the_editor_highlights_declares_prefixes_and_completes(server, browser):
    open_page(browser, server)
    keyword = browser.find_elements(by().CSS_SELECTOR, "#yasgui .CodeMirror .cm-keyword")
    assert "SELECT" in {k.text for k in keyword}  # the default query, highlighted

    # a prefixed name of the graph: its declaration is added, and the ontology's classes are offered
    type_query(browser, "SELECT ?o WHERE { ?o a tip:Organiz")
    wait(browser, lambda b: editor_text(b).startswith(f"PREFIX tip: <{TIP}>\n"))
    hints = hints_with(browser, "tip:Organization")
    assert all(h.startswith("tip:Organiz") for h in hints)
    from selenium.webdriver.common.keys import Keys
    editor = browser.find_element(by().CSS_SELECTOR, "#yasgui .CodeMirror textarea")
    chosen = hints.index("tip:Organization")
    for _ in range(chosen):
        editor.send_keys(Keys.DOWN)
    editor.send_keys(Keys.ENTER)
    wait(browser, lambda b: editor_text(b).endswith("?o a tip:Organization"))
    editor.send_keys(" }")
    assert run_and_count(browser) > 0

    # a PREFIX declaration completes from the graph's namespaces
    type_query(browser, "PREFIX sk")
    assert hints_with(browser, f"skos: <{PREFIXES['skos']}>") == [f"skos: <{PREFIXES['skos']}>"]
    browser.save_screenshot(str(ARTIFACTS / "query-page-completion.png"))


def switch_views(browser, timeout: float = 30) -> None:
    """The pivot and chart views of the results shown, each drawn."""
    browser.find_element(by().CSS_SELECTOR, "#yasgui .yasr_btn.select_pivot").click()
    wait(browser, lambda b: b.find_elements(by().CSS_SELECTOR, ".tipkg-pivot table.pvtTable tbody tr"), timeout)
    browser.find_element(by().CSS_SELECTOR, "#yasgui .yasr_btn.select_chart").click()
    canvas = wait(browser, lambda b: b.find_elements(by().CSS_SELECTOR, ".tipkg-chart canvas"), timeout)[0]
    assert browser.execute_script("arguments[0].scrollIntoView(); return Chart.getChart(arguments[0]).data.labels.length",
                                  canvas) > 0


@pytest.mark.slow
def test_the_query_page_on_the_corpus(corpus_store, tmp_path_factory, browser):
    """The same use on the 1,155 documents of the GA corpus: a typed query, a canned one with a parameter, the
    views and completion, in the times a person waits."""
    from selenium.webdriver.common.keys import Keys
    with tipkg_server(corpus_store, tmp_path_factory.mktemp("query-page-corpus"), "--timeout", "120") as base:
        open_page(browser, base)
        type_query(browser, 'SELECT ?s WHERE { ?s rdfs:label ?l FILTER(STR(?l) = "General Assembly") }')
        wait(browser, lambda b: editor_text(b).startswith(f"PREFIX rdfs: <{PREFIXES['rdfs']}>\n"))
        assert run_and_count(browser, 120) >= 1
        headers, rows = table_cells(browser)
        assert headers == ["s"] and rows

        browser.find_element(by().CSS_SELECTOR, '#queries button[data-name="events"]').click()
        field = wait(browser, lambda b: b.find_elements(by().CSS_SELECTOR, 'input[data-param="year"]'))[0]
        field.send_keys("2018")
        wait(browser, lambda b: editor_text(b) == get_query("events").bind({"year": "2018"}))
        expected = httpx.get(base + "/queries/events", params={"year": "2018", "format": "json"}, timeout=120).json()
        browser.execute_script("document.getElementById('status').textContent = ''")
        field.send_keys(Keys.ENTER)
        assert rows_reported(browser, 120) == len(expected["results"]["bindings"]) > 0
        switch_views(browser, 60)
        browser.save_screenshot(str(ARTIFACTS / "query-page-corpus-chart.png"))

        type_query(browser, "SELECT ?r WHERE { ?r a tip:Resol")
        hints_with(browser, "tip:Resolution")


# --- no other host --------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def offline_browser():
    """Chromium whose only network is this machine: requests to any other host go to a proxy that is not
    there (a closed port), and its performance log records every request the page makes."""
    drv = start_chromium("--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=127.0.0.1",
                         capabilities={"goog:loggingPrefs": {"performance": "ALL", "browser": "ALL"}})
    yield drv
    drv.quit()


def test_the_page_works_offline_and_asks_no_other_host(server, offline_browser):
    browser = offline_browser
    open_page(browser, server)
    assert run_and_count(browser) > 0  # the default query
    switch_views(browser)
    type_query(browser, "SELECT * WHERE { ?s a tip:Resol")  # the completers and the prefix declaration
    hints_with(browser, "tip:Resolution")
    browser.find_element(by().CSS_SELECTOR, '#queries button[data-name="events"]').click()
    browser.find_element(by().CSS_SELECTOR, 'input[data-param="year"]').send_keys("2018")
    wait(browser, lambda b: '("2018"' in editor_text(b))
    run_and_count(browser)

    requested = set()
    for entry in browser.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            requested.add(message["params"]["request"]["url"])
    hosts = {urllib.parse.urlsplit(url).netloc for url in requested if not url.startswith("data:")}
    assert hosts == {urllib.parse.urlsplit(server).netloc}, requested
    paths = {urllib.parse.urlsplit(url).path for url in requested}
    assert {"/", "/static/vendor/yasgui/yasgui.min.js", "/static/vendor/chart.js/chart.umd.min.js",
            "/vocabulary", "/queries", "/queries/events.rq", "/sparql"} <= paths
    failures = [e["message"] for e in browser.get_log("browser")
                if e["level"] == "SEVERE" and "favicon.ico" not in e["message"]]
    assert not failures
