"""`tipkg export`, end to end: each format written by the command from one build of the seeds, read back
with networkx's readers (and pydot, lxml, csv) with the node and edge counts of the projected network;
GraphML and GEXF checked against their schemas (tests/schemas/, see its README); the Cytoscape JSON
against its expected shape and against Cytoscape.js itself; the HTML explorer opened in headless Chromium,
where a click on a node opens its statements and evidence (screenshot in test-artifacts/)."""
from __future__ import annotations

import csv
import hashlib
import json
import re
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest

from conftest import ARTIFACTS, needs_seeds, run_tipkg
from tipkg.export import FORMATS, SUFFIXES, dot_id, export
from tipkg.network import KIND, Evidence, Selection, project
from tipkg.store import open_store

pytestmark = needs_seeds

SCHEMAS = Path(__file__).parent / "schemas"
EXPLORER = Path(__file__).resolve().parents[1] / "src" / "tipkg" / "explorer"
UNODC = "https://w3id.org/tipkg/org/UNODC"
RESOLUTION = "E/RES/2021/25"  # seed 004, ECOSOC resolution 2021/25


@pytest.fixture(scope="module")
def expected(seed_store) -> nx.MultiDiGraph:
    """The network the exports must hold: the projection of the same store with the same (default) selection."""
    return project(open_store(seed_store), Selection())


@pytest.fixture(scope="module")
def exported(seed_store, tmp_path_factory) -> dict[str, list[Path]]:
    """Every format, written by the `tipkg export` command."""
    out = tmp_path_factory.mktemp("export")
    paths = {}
    for fmt in FORMATS:
        target = out / f"network{SUFFIXES[fmt]}"
        result = run_tipkg("export", "--format", fmt, "--store", seed_store, "--out", target)
        assert result.returncode == 0, result.stderr
        assert result.stdout.startswith("Wrote ")
        paths[fmt] = [Path(p) for p in result.stdout.rsplit(" to ", 1)[1].strip().split(", ")]
        assert all(p.exists() and p.stat().st_size > 0 for p in paths[fmt])
    return paths


def counts(graph) -> tuple[int, int]:
    return graph.number_of_nodes(), graph.number_of_edges()


# --- GraphML --------------------------------------------------------------------------------------

def test_graphml_reads_back_with_the_counts_and_typed_attributes(exported, expected):
    g = nx.read_graphml(exported["graphml"][0], force_multigraph=True, edge_key_type=str)
    assert counts(g) == counts(expected)
    assert {d["iri"] for _, d in g.nodes(data=True)} == set(expected)
    unodc = next(d for _, d in g.nodes(data=True) if d["iri"] == UNODC)
    assert unodc["label"] == "UNODC" and unodc["kind"] == "organization"
    assert isinstance(unodc["degree"], int) and isinstance(unodc["betweenness"], float)
    assert isinstance(unodc["community"], int)
    relations = {(g.nodes[u]["iri"], g.nodes[v]["iri"], d["relation"]) for u, v, d in g.edges(data=True)}
    assert relations == set(expected.edges(keys=True))
    edge = next(d for _, _, d in g.edges(data=True) if d["relation"] == "memberOf")
    assert isinstance(edge["weight"], int) and edge["evidence"]
    assert re.fullmatch(r"[^;]+, (para\. \S+|[PO]P\d+|footnote \d+)(; .+)?", edge["references"])


def test_graphml_is_valid_against_the_graphml_schema(exported):
    from lxml import etree

    schema = etree.XMLSchema(etree.parse(str(SCHEMAS / "graphml" / "graphml-trimmed.xsd")))
    document = etree.parse(str(exported["graphml"][0]))
    assert schema.validate(document), schema.error_log.filter_from_errors()[:5]
    # the schema is not a formality: an edge to an undeclared node, or an IRI as a node id, is refused
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    document.find(".//g:edge", ns).set("target", "n-missing")
    assert not schema.validate(document)


# --- GEXF -----------------------------------------------------------------------------------------

def gexf_schema():
    """The official GEXF 1.2 XSD (tests/schemas/gexf-1.2, verbatim) with two corrections made as it is loaded,
    as tests/schemas/README.md explains: the 1.2draft namespace networkx and Gephi write, and the viz elements
    in the viz namespace."""
    from lxml import etree

    folder = SCHEMAS / "gexf-1.2"
    viz = ("color", "position", "size", "thickness")

    def corrected(name: str) -> bytes:
        text = (folder / name).read_text(encoding="utf-8")
        text = text.replace("http://www.gexf.net/1.2/viz", "http://www.gexf.net/1.2draft/viz")
        text = text.replace('http://www.gexf.net/1.2"', 'http://www.gexf.net/1.2draft"')
        if name == "data.xsd":
            for v in viz:
                text = text.replace(f'<xs:element ref="ns1:{v}"/>', f'<xs:element ref="viz:{v}"/>')
                text = re.sub(rf'\s*<xs:element name="{v}" type="viz:{v}-content"/>', "", text)
        if name == "viz.xsd":
            text = text.replace("</xs:schema>", "".join(
                f'  <xs:element name="{v}" type="viz:{v}-content"/>\n' for v in viz) + "</xs:schema>")
        return text.encode()

    class Local(etree.Resolver):
        def resolve(self, url, pubid, context):
            name = url.rsplit("/", 1)[-1]
            if (folder / name).exists():
                return self.resolve_string(corrected(name), context, base_url=str(folder / name))
            raise AssertionError(f"the GEXF schema asked for {url}, which is not vendored")

    parser = etree.XMLParser(no_network=True)
    parser.resolvers.add(Local())
    return etree.XMLSchema(etree.fromstring(corrected("gexf.xsd"), parser, base_url=str(folder / "gexf.xsd")))


def test_gexf_is_valid_against_the_gexf_schema(exported):
    from lxml import etree

    schema = gexf_schema()
    document = etree.parse(str(exported["gexf"][0]))
    assert schema.validate(document), schema.error_log.filter_from_errors()[:5]
    node = document.find(".//{http://www.gexf.net/1.2draft}node")
    etree.SubElement(node, "{http://www.gexf.net/1.2draft}shadow")
    assert not schema.validate(document)


def test_gexf_reads_back_coloured_by_kind(exported, expected):
    g = nx.read_gexf(exported["gexf"][0])
    assert counts(g) == counts(expected)
    assert set(g) == set(expected)
    assert set(g.edges(keys=True)) == set(expected.edges(keys=True))
    for n, data in g.nodes(data=True):
        colour = data["viz"]["color"]
        assert "#%02x%02x%02x" % (colour["r"], colour["g"], colour["b"]) == KIND[data["kind"]].colour
        assert {"x", "y"} <= set(data["viz"]["position"])
    assert g.nodes[UNODC]["label"] == "UNODC" and isinstance(g.nodes[UNODC]["betweenness"], float)


# --- Cytoscape.js JSON ----------------------------------------------------------------------------

def test_cytoscape_json_has_the_expected_shape(exported, expected):
    data = json.loads(exported["cytoscape"][0].read_text(encoding="utf-8"))
    assert {"format_version", "generated_by", "data", "directed", "multigraph", "elements"} <= set(data)
    nodes, edges = data["elements"]["nodes"], data["elements"]["edges"]
    assert (len(nodes), len(edges)) == counts(expected)
    ids = {n["data"]["id"] for n in nodes}
    assert ids == set(expected)
    for n in nodes:
        assert {"id", "label", "name", "kind", "degree", "betweenness", "community"} <= set(n["data"])
        assert isinstance(n["position"]["x"], (int, float)) and isinstance(n["position"]["y"], (int, float))
    assert len({e["data"]["id"] for e in edges}) == len(edges)
    for e in edges:
        d = e["data"]
        assert d["source"] in ids and d["target"] in ids and d["key"] == d["relation"]
        assert isinstance(d["weight"], int) and d["weight"] >= 1
        assert d["evidence"] and all({"document", "paragraph", "text", "rule"} <= set(ev) for ev in d["evidence"])
    g = nx.cytoscape_graph(data)
    assert counts(g) == counts(expected)


# --- DOT ------------------------------------------------------------------------------------------

def test_dot_has_a_statement_per_node_and_edge(exported, expected):
    text = exported["dot"][0].read_text(encoding="utf-8")
    assert text.startswith("digraph tipkg {") and text.rstrip().endswith("}")
    statements = [line.strip() for line in text.splitlines()[4:-1]]
    assert sum(" -> " not in s for s in statements) == expected.number_of_nodes()
    assert sum(" -> " in s for s in statements) == expected.number_of_edges()


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # pydot's parser on a newer pyparsing
def test_dot_reads_back_with_pydot(seed_store, tmp_path):
    pytest.importorskip("pydot")
    out = tmp_path / "resolution.dot"
    result = run_tipkg("export", "--format", "dot", "--store", seed_store, "--document", RESOLUTION, "--out", out)
    assert result.returncode == 0, result.stderr
    g = nx.nx_pydot.read_dot(out)  # pydot is slow on large files: a one-document network
    part = project(open_store(seed_store), Selection(documents=(RESOLUTION,)))
    assert counts(g) == counts(part) and part.number_of_edges() > 5
    assert set(g) == set(part)
    assert {(u, v, k.strip('"')) for u, v, k in g.edges(keys=True)} == set(part.edges(keys=True))


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_dot_quoting_survives_any_label(tmp_path):
    pydot = pytest.importorskip("pydot")
    nasty = ['a "quoted" name', "back\\slash\\", "two\nlines", "brace } and ; semicolon", "Côte d’Ivoire <b>"]
    text = "digraph t {\n" + "".join(f"  {dot_id(i)} [label={dot_id(s)}];\n" for i, s in enumerate(nasty)) + (
        f"  {dot_id(0)} -> {dot_id(1)} [label={dot_id(nasty[0])}];\n}}\n")
    graph = pydot.graph_from_dot_data(text)[0]
    labels = {n.get_name().strip('"'): n.get("label") for n in graph.get_nodes()}

    def unquote(value: str) -> str:
        return re.sub(r'\\(["\\n])', lambda m: {"n": "\n"}.get(m[1], m[1]), value[1:-1])

    assert [unquote(labels[str(i)]) for i in range(len(nasty))] == nasty
    assert len(graph.get_edges()) == 1


# --- CSV ------------------------------------------------------------------------------------------

def test_csv_tables_read_back_with_gephi_columns(exported, expected):
    nodes_path, edges_path = exported["csv"]
    assert nodes_path.name == "network-nodes.csv" and edges_path.name == "network-edges.csv"
    with nodes_path.open(encoding="utf-8", newline="") as f:
        nodes = list(csv.DictReader(f))
    with edges_path.open(encoding="utf-8", newline="") as f:
        edges = list(csv.DictReader(f))
    assert (len(nodes), len(edges)) == counts(expected)
    assert {"Id", "Label", "kind", "degree", "betweenness", "community"} <= set(nodes[0])
    assert {"Source", "Target", "Type", "Weight", "Label", "Relation", "references", "evidence"} <= set(edges[0])
    ids = {n["Id"] for n in nodes}
    assert ids == set(expected)
    g = nx.MultiDiGraph()
    g.add_nodes_from(ids)
    for e in edges:
        assert e["Source"] in ids and e["Target"] in ids and int(e["Weight"]) >= 1 and e["evidence"]
        assert e["Type"] in ("Directed", "Undirected")
        g.add_edge(e["Source"], e["Target"], key=e["Relation"])
    assert set(g.edges(keys=True)) == set(expected.edges(keys=True))


# --- SVG ------------------------------------------------------------------------------------------

def test_svg_picture_draws_every_node_and_a_legend(exported, expected):
    root = ET.parse(exported["svg"][0]).getroot()
    ns = {"s": "http://www.w3.org/2000/svg"}
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    titles = [t.text for t in root.iter("{http://www.w3.org/2000/svg}title")]
    assert titles[0].startswith("tipkg")
    node_circles = [c for c in root.findall(".//s:circle", ns) if c.find("s:title", ns) is not None]
    assert len(node_circles) == expected.number_of_nodes()
    words = {t.text for t in root.iter("{http://www.w3.org/2000/svg}text")}
    assert "UNODC" in words and any(w and w.startswith("organization (") for w in words)


# --- the HTML explorer ----------------------------------------------------------------------------

def test_explorer_is_one_self_contained_file(exported):
    text = exported["html"][0].read_text(encoding="utf-8")
    assert not re.search(r"<script[^>]*\bsrc\s*=", text, re.I)
    assert not re.search(r"<link[^>]*\bhref\s*=", text, re.I)
    assert not re.search(r"""url\(\s*['"]?https?:""", text, re.I)
    assert "Alexis Jacomy" in text and "Guillaume Plique" in text and "tipkg-data" in text  # the licences
    assert "cytoscape" not in text.lower().replace("cytoscape json", "")
    assert not re.search(r"/\*@[A-Z]+@\*/", text)  # every marker of the template was filled


def test_bundled_libraries_are_the_pinned_builds():
    readme = (EXPLORER / "README.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([\w.-]+\.js)` \| `([\w-]+)`.*?\| ([\d.]+) \| `sha512-[^`]+` \| `([0-9a-f]{64})` \| MIT, `([\w.-]+)` \|$",
                      readme, re.M)
    assert {r[0] for r in rows} == {"sigma.min.js", "graphology.umd.min.js", "cytoscape.min.js"}
    for file, package, version, digest, licence in rows:
        assert hashlib.sha256((EXPLORER / "vendor" / file).read_bytes()).hexdigest() == digest, file
        assert "Copyright" in (EXPLORER / "vendor" / licence).read_text(), licence
        assert f"{package}@{version}" in readme


def wait_for(browser, script: str, timeout: float = 20.0):
    deadline = time.monotonic() + timeout
    while True:
        value = browser.execute_script(script)
        if value or time.monotonic() > deadline:
            return value
        time.sleep(0.1)


def open_explorer(browser, page: Path) -> None:
    browser.get(page.resolve().as_uri())
    assert wait_for(browser, "return window.tipkgExplorer && window.tipkgExplorer.ready", 60), browser.get_log("browser")
    time.sleep(0.5)  # the first frames


def click_node(browser, node_id: str) -> None:
    """A real mouse click on the node where the page draws it, after zooming in on it as a person would."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    browser.execute_script("""const x = window.tipkgExplorer, d = x.renderer.getNodeDisplayData(arguments[0]);
        x.renderer.getCamera().setState({x: d.x, y: d.y, ratio: 0.4, angle: 0}); x.renderer.refresh();""", node_id)
    time.sleep(0.3)
    p = browser.execute_script("return window.tipkgExplorer.viewport(arguments[0])", node_id)
    pane = browser.find_element(By.ID, "graph")
    size = pane.size
    ActionChains(browser).move_to_element_with_offset(pane, int(p["x"] - size["width"] / 2),
                                                      int(p["y"] - size["height"] / 2)).click().perform()


LEGIBILITY = """const x = window.tipkgExplorer, boxes = x.labels(), shown = new Set(x.shownNodes());
    let overlaps = 0;
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i], b = boxes[j];
        if (a.x < b.x + b.w && a.x + a.w > b.x && a.y < b.y + b.h && a.y + a.h > b.y) overlaps++;
    }
    const pane = document.getElementById('graph').getBoundingClientRect();
    const inside = boxes.filter(b => b.x >= -1 && b.y >= -1 && b.x + b.w <= pane.width + 1 && b.y + b.h <= pane.height + 1);
    return {labels: boxes.length, overlaps: overlaps, inside: inside.length,
            labelled_shown: boxes.every(b => shown.has(b.node)), shown: shown.size};"""


def assert_legible(browser, most: int = 60) -> dict:
    """A bounded number of names, each over a node shown, none covering another, all inside the picture."""
    seen = browser.execute_script(LEGIBILITY)
    assert 5 <= seen["labels"] <= most, seen
    assert seen["overlaps"] == 0 and seen["labelled_shown"] and seen["inside"] >= seen["labels"] - 2, seen
    return seen


def test_explorer_in_chromium_shows_the_central_nodes_and_a_click_opens_the_evidence(browser, exported, expected):
    from selenium.webdriver.common.by import By

    open_explorer(browser, exported["html"][0])
    data = browser.execute_script("return window.tipkgExplorer.data")
    shown = browser.execute_script("return window.tipkgExplorer.shownNodes()")
    # at first: the most central nodes that are not resolutions, in the order of their rank
    candidates = [n["id"] for n in data["nodes"] if n["kind"] != "resolution"]
    assert [n["rank"] for n in data["nodes"]] == list(range(1, len(data["nodes"]) + 1))
    assert shown == candidates[:data["top"]] and len(shown) == min(150, len(candidates))
    assert browser.execute_script("return window.tipkgExplorer.graph.order") == expected.number_of_nodes()
    assert f"{expected.number_of_nodes()} nodes" in browser.find_element(By.ID, "summary").text
    assert browser.find_element(By.ID, "details").get_attribute("hidden") is not None
    assert_legible(browser)
    ARTIFACTS.mkdir(exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / "network-explorer.png"))

    click_node(browser, UNODC)
    details = browser.find_element(By.ID, "details")
    assert wait_for(browser, "return !document.getElementById('details').hidden")
    assert details.find_element(By.TAG_NAME, "h2").text == "United Nations Office on Drugs and Crime"
    quotes = details.find_elements(By.CSS_SELECTOR, ".evidence blockquote")
    cites = details.find_elements(By.CSS_SELECTOR, ".evidence cite")
    assert quotes and len(quotes) == len(cites)
    sentences = {e.text for _, _, ev in expected.edges(UNODC, data="evidence") for e in ev}
    assert quotes[0].text in sentences | {e.text for _, _, ev in expected.in_edges(UNODC, data="evidence") for e in ev}
    assert re.search(r"(para\.|OP|footnote) ", cites[0].text)

    # long lists come a page at a time: UNODC has more statements than the first page shows
    # with the resolutions left out: UNODC's own relations to other nodes, and the requests of the bodies that
    # adopted those resolutions ("Economic and Social Council asks, in its resolutions, UNODC")
    kind = {n["id"]: n["kind"] for n in data["nodes"]}
    statements = sum(1 for e in data["edges"] if UNODC in (e["source"], e["target"]) and
                     (e.get("folded") or "resolution" not in (kind[e["source"]], kind[e["target"]])))
    folded = [e for e in data["edges"] if e.get("folded") and e["target"] == UNODC]
    assert folded and {kind[e["source"]] for e in folded} <= {"body", "organization"}
    assert len(details.find_elements(By.CSS_SELECTOR, ".statement")) == min(statements, 40) < statements
    details.find_element(By.CSS_SELECTOR, ".statements > .more").click()
    assert len(details.find_elements(By.CSS_SELECTOR, ".statement")) == min(statements, 90)

    # the kind filter hides exactly that kind; resolutions come when asked for
    browser.find_element(By.CSS_SELECTOR, "#kinds input[data-kind=publication]").click()
    kinds = browser.execute_script("const x = window.tipkgExplorer, by = {};"
                                   "x.data.nodes.forEach(n => by[n.id] = n.kind); return x.shownNodes().map(id => by[id]);")
    assert "publication" not in kinds and "resolution" not in kinds and len(kinds) == min(150, len(
        [n for n in data["nodes"] if n["kind"] not in ("resolution", "publication")]))
    browser.find_element(By.CSS_SELECTOR, "#kinds input[data-kind=resolution]").click()
    assert "resolution" in browser.execute_script(
        "const x = window.tipkgExplorer, by = {}; x.data.nodes.forEach(n => by[n.id] = n.kind);"
        "return x.shownNodes().map(id => by[id]);") or len(kinds) == 150

    # search focuses on a node and its neighbours, and opens it
    box = browser.find_element(By.ID, "search")
    box.clear()
    box.send_keys("ICAT")
    browser.find_element(By.CSS_SELECTOR, "#search-form button").click()
    assert wait_for(browser, "return document.querySelector('#details h2').textContent.includes('Inter-Agency')")
    icat = browser.execute_script("return window.tipkgExplorer.search('ICAT')")
    focused = set(browser.execute_script("return window.tipkgExplorer.shownNodes()"))
    neighbours = {icat} | {v for _, v in expected.out_edges(icat)} | {u for u, _ in expected.in_edges(icat)}
    shown_kinds = {n["id"]: n["kind"] for n in data["nodes"]}
    assert focused == {n for n in neighbours if shown_kinds[n] != "publication"}
    assert browser.find_element(By.ID, "focus-status").is_displayed()
    browser.find_element(By.ID, "clear-focus").click()
    assert len(browser.execute_script("return window.tipkgExplorer.shownNodes()")) > len(focused) or len(focused) > 100

    # the Cytoscape JSON export loads in Cytoscape.js itself (vendored for this check)
    browser.execute_script((EXPLORER / "vendor" / "cytoscape.min.js").read_text(encoding="utf-8"))
    cyjs = json.loads(exported["cytoscape"][0].read_text(encoding="utf-8"))
    loaded = browser.execute_script(
        "const cy = cytoscape({headless: true, elements: arguments[0].elements});"
        "return [cy.nodes().length, cy.edges().length];", cyjs)
    assert loaded == list(counts(expected))


def test_explorer_years_run_over_the_documents_dates_and_filter_by_family_and_community(browser, exported,
                                                                                      expected):
    open_explorer(browser, exported["html"][0])
    data = browser.execute_script("return window.tipkgExplorer.data")
    first, last = expected.graph["first_document_year"], expected.graph["last_document_year"]
    assert data["years"] == [first, last]
    assert all(first <= y <= last for e in data["edges"] for y in e["years"])
    # the family of documents: only relations read in them, only nodes they link
    family = data["families"][-1]["name"]
    browser.execute_script("const s = document.getElementById('family'); s.value = arguments[0];"
                           "s.dispatchEvent(new Event('change'));", family)
    shown = set(browser.execute_script("return window.tipkgExplorer.shownNodes()"))
    linked = {x for e in data["edges"] if family in e["families"] for x in (e["source"], e["target"])}
    assert shown and shown <= linked
    # a community: its members only
    browser.execute_script("const s = document.getElementById('family'); s.value = '';"
                           "s.dispatchEvent(new Event('change'));"
                           "const c = document.getElementById('community'); c.value = '2';"
                           "c.dispatchEvent(new Event('change'));")
    shown = browser.execute_script("return window.tipkgExplorer.shownNodes()")
    assert shown and all(n["community"] == 2 for n in data["nodes"] if n["id"] in set(shown))


def test_explorer_shows_document_text_as_text_never_as_markup(browser, tmp_path):
    """Document text may hold anything; the explorer writes it with textContent only."""
    from selenium.webdriver.common.by import By

    hostile = '<img src=x onerror="window.pwned=1">'
    graph = nx.MultiDiGraph(selection="a hostile test")
    graph.add_node("https://example.org/a", label=hostile, name="</script><script>window.pwned=2</script>",
                   kind="organization", iri="javascript:window.pwned=3", **{"class": "<b>class</b>"})
    graph.add_node("https://example.org/b", label="B", name="B & co", kind="state", iri="https://example.org/b",
                   **{"class": "State"})
    evidence = [Evidence("A/<i>1</i>", "para. 1", "<script>window.pwned=4</script> & <b>bold</b>", "rule.x", 2020,
                         "https://example.org/assertion/1")]
    graph.add_edge("https://example.org/a", "https://example.org/b", key="partnerOf", relation="partnerOf",
                   label="partner of", weight=1, documents=1, directed=False, verbs="", evidence=evidence)
    out = tmp_path / "hostile.html"
    export(graph, "html", out)
    open_explorer(browser, out)
    browser.execute_script("window.tipkgExplorer.select(arguments[0])", "https://example.org/a")
    details = browser.find_element(By.ID, "details")
    assert wait_for(browser, "return !document.getElementById('details').hidden")
    assert browser.execute_script("return window.pwned") is None
    assert browser.execute_script("return document.querySelectorAll('#details img, #details b, #details i, "
                                  "#details script, body > img').length") == 0
    text = details.text
    assert "<script>window.pwned=4</script> & <b>bold</b>" in text and "A/<i>1</i>" in text
    assert "</script><script>window.pwned=2</script>" in text
    link = details.find_element(By.CSS_SELECTOR, "a.iri")
    assert link.get_attribute("href") is None  # a javascript: IRI is shown, never linked


def test_the_command_spells_the_formats_kinds_and_relations_of_the_modules():
    """cli.py names them without importing networkx (every command starts faster); they must stay equal."""
    from tipkg import cli
    from tipkg.network import KINDS, RELATIONS

    assert cli.EXPORT_FORMATS == FORMATS
    assert cli.NETWORK_KINDS == tuple(k.name for k in KINDS)
    assert cli.NETWORK_RELATIONS == tuple(dict.fromkeys(r.name for r in RELATIONS))


def test_export_to_an_unknown_format_or_from_a_missing_store_says_so(seed_store, tmp_path):
    result = run_tipkg("export", "--format", "gexf", "--store", tmp_path / "nothing", "--out", tmp_path / "x.gexf")
    assert result.returncode == 1 and "tipkg build" in result.stderr
    result = run_tipkg("export", "--format", "pdf", "--store", seed_store, "--out", tmp_path / "x.pdf")
    assert result.returncode == 2 and "invalid choice" in result.stderr


# --- at corpus scale --------------------------------------------------------------------------------

@pytest.mark.slow
def test_explorer_on_the_corpus_stays_readable(corpus_store, browser, tmp_path):
    """The GA corpus (2,069 resolutions among 2,600 nodes; the page was a 20 MB hairball of all of them with a
    year axis to 2028): the page is half that size, shows the 150 most central entities and no resolution, names
    a bounded number of them with no name over another, its years end with the newest document, and a search
    shows the node and its neighbours, legibly too."""
    from tipkg.store import open_store

    out = tmp_path / "corpus.html"
    result = run_tipkg("export", "--format", "html", "--store", corpus_store, "--out", out)
    assert result.returncode == 0, result.stderr
    # smaller than the 20.7 MB page of every node; it grows with the evidence of the graph (15 MB once this round's
    # extraction added people, events and lineage): legibility, below, is what the page is for
    assert out.stat().st_size < 20_000_000, out.stat().st_size
    newest = max(int(row[0].value[:4]) for row in open_store(corpus_store).query(
        "PREFIX tip: <https://w3id.org/tipkg/ontology#> SELECT ?date WHERE { ?d tip:sourceFile ?f ; "
        "tip:adoptionDate|tip:distributionDate ?date }", use_default_graph_as_union=True))
    open_explorer(browser, out)
    data = browser.execute_script("const d = window.tipkgExplorer.data; return {years: d.years, top: d.top,"
                                  " kinds: d.nodes.map(n => n.kind), nodes: d.nodes.length};")
    assert data["years"][1] == newest <= 2026 and data["years"][0] >= 2000
    assert data["kinds"].count("resolution") > 1000
    shown = browser.execute_script("return window.tipkgExplorer.shownNodes()")
    kind_of = dict(browser.execute_script("return window.tipkgExplorer.data.nodes.map(n => [n.id, n.kind])"))
    assert len(shown) == data["top"] == 150 and not any(kind_of[n] == "resolution" for n in shown)
    seen = assert_legible(browser, most=60)
    ARTIFACTS.mkdir(exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / "network-explorer-corpus.png"))
    # the picture is drawn: the canvases hold coloured pixels (WebGL nodes and the names' canvas)
    drawn = browser.execute_script("""const canvases = document.querySelectorAll('#graph canvas');
        let coloured = 0;
        const copy = document.createElement('canvas'), ctx = copy.getContext('2d');
        copy.width = canvases[0].width; copy.height = canvases[0].height;
        canvases.forEach(c => ctx.drawImage(c, 0, 0));
        const pixels = ctx.getImageData(0, 0, copy.width, copy.height).data;
        for (let i = 0; i < pixels.length; i += 4) if (pixels[i + 3] > 0 && pixels[i] + pixels[i + 1] + pixels[i + 2] < 600) coloured++;
        return coloured;""")
    assert drawn > 2000, drawn

    browser.execute_script("window.tipkgExplorer.search('UNODC')")
    time.sleep(0.8)
    focused = browser.execute_script("return window.tipkgExplorer.shownNodes()")
    assert "https://w3id.org/tipkg/org/UNODC" in focused and 1 < len(focused) < 150
    assert_legible(browser, most=60) if len(focused) >= 5 else None
    browser.save_screenshot(str(ARTIFACTS / "network-explorer-corpus-unodc.png"))
    assert seen["labels"] >= 10
