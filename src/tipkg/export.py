"""The export stage: the projected network (tipkg.network) written for other tools and for people.

One writer per format: GraphML and GEXF (Gephi, yEd; networkx's own writers, typed attributes, GEXF
coloured by kind and placed by the layout), Cytoscape.js JSON, Graphviz DOT, CSV tables of nodes and
edges (Gephi's spreadsheet import reads them as they are), a self-contained HTML explorer that works
offline from a file (the pinned Cytoscape.js bundled in tipkg/explorer/), and an SVG picture for a report.
Every writer first writes the network analysis (centrality, community, bridges) into the node attributes.
"""
from __future__ import annotations

import csv
import html
import json
import math
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path
from xml.sax.saxutils import escape

import networkx as nx
from networkx.readwrite.gexf import GEXFWriter

from tipkg import __version__
from tipkg.network import (KIND, KINDS, RELATION_LABELS, Evidence, NetworkReport, analyse, annotate, layout,
                           simple_graph)

FORMATS = ("graphml", "gexf", "cytoscape", "dot", "csv", "html", "svg")
SUFFIXES = {"graphml": ".graphml", "gexf": ".gexf", "cytoscape": ".cyjs", "dot": ".dot", "csv": ".csv",
            "html": ".html", "svg": ".svg"}
NODE_COLUMNS = ("label", "name", "kind", "class", "iri", "acronym", "first_year", "last_year", "documents", "degree",
                "weighted_degree", "degree_centrality", "betweenness", "community", "linked_communities", "colour")
EDGE_COLUMNS = ("relation", "label", "weight", "directed", "documents", "first_year", "last_year", "verbs",
                "references", "evidence")
TITLE = "tipkg: coordination against trafficking in persons"


class ExportError(ValueError):
    """An unknown format or an output path that cannot be written."""


@dataclass
class Export:
    """What an export wrote."""

    format: str
    paths: list[Path]
    nodes: int
    edges: int
    report: NetworkReport


def export(graph: nx.MultiDiGraph, fmt: str, out: Path, title: str = TITLE) -> Export:
    """Analyses the network, writes the analysis into its nodes and writes it in one format to `out`."""
    if fmt not in WRITERS:
        raise ExportError(f"unknown format {fmt!r} (formats: {', '.join(FORMATS)})")
    out = Path(out)
    if out.parent and not out.parent.exists():
        out.parent.mkdir(parents=True, exist_ok=True)
    report = analyse(graph)
    annotate(graph, report)
    for n, data in graph.nodes(data=True):
        data["colour"] = KIND[data["kind"]].colour
    paths = WRITERS[fmt](graph, out, title)
    return Export(fmt, paths, graph.number_of_nodes(), graph.number_of_edges(), report)


# --- flat attributes: what file formats can hold ---------------------------------------------------

def evidence_text(evidence: list[Evidence]) -> str:
    """Each supporting sentence with its reference, one per line."""
    return "\n".join(f"[{e.reference}] {e.text}" for e in evidence)


def references(evidence: list[Evidence]) -> str:
    return "; ".join(dict.fromkeys(e.reference for e in evidence))


def flat(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose attributes are all scalars (strings, integers, floats, booleans), as GraphML, GEXF, DOT and
    CSV need: the evidence becomes text, references a list of documents and paragraphs."""
    g = nx.MultiDiGraph()
    g.graph.update({k: v for k, v in graph.graph.items() if isinstance(v, (str, int, float, bool))})
    for n in sorted(graph):  # sorted, so that the same graph is written the same way
        g.add_node(n, **{k: v for k, v in graph.nodes[n].items() if isinstance(v, (str, int, float, bool))})
    for u, v, key, data in sorted(graph.edges(keys=True, data=True), key=lambda e: e[:3]):
        attrs = {k: val for k, val in data.items() if isinstance(val, (str, int, float, bool)) and val != ""}
        evidence = data.get("evidence", [])
        attrs.update(references=references(evidence), evidence=evidence_text(evidence))
        g.add_edge(u, v, key=key, **attrs)
    return g


# --- GraphML and GEXF -----------------------------------------------------------------------------

def write_graphml(graph: nx.MultiDiGraph, out: Path, title: str) -> list[Path]:
    """GraphML 1.0 with typed keys (attr.type int, double, boolean, string); Gephi and yEd open it. GraphML
    ids are XML name tokens, which IRIs are not, so nodes are n0, n1, ... with the IRI in their `iri`."""
    g = flat(graph)
    g.graph["title"] = title
    ids = {n: f"n{i}" for i, n in enumerate(g)}
    numbered = nx.MultiDiGraph(**g.graph)
    numbered.add_nodes_from((ids[n], data) for n, data in g.nodes(data=True))
    numbered.add_edges_from((ids[u], ids[v], f"e{i}", data) for i, (u, v, data) in enumerate(g.edges(data=True)))
    nx.write_graphml(numbered, out)
    return [out]


def write_gexf(graph: nx.MultiDiGraph, out: Path, title: str) -> list[Path]:
    """GEXF 1.2 (Gephi's format): typed attributes, each node coloured by kind, sized by degree and placed by the
    layout, so Gephi shows the picture at once."""
    g = flat(graph)
    positions = layout(graph)
    scale = 60 * math.sqrt(max(len(g), 1))
    for n, data in g.nodes(data=True):
        r, gr, b = _rgb(data["colour"])
        x, y = positions.get(n, (0.0, 0.0))
        data["viz"] = {"color": {"r": r, "g": gr, "b": b, "a": 1.0}, "size": _node_size(data.get("degree", 1)),
                       "position": {"x": round(x * scale, 2), "y": round(-y * scale, 2), "z": 0.0}}
    writer = GEXFWriter(version="1.2draft")
    writer.add_graph(g)
    for graph_element in writer.xml.iter("graph"):
        graph_element.attrib.pop("name", None)  # networkx writes <graph name="">, which GEXF 1.2 does not have
    writer.write(out)
    return [out]


# --- Cytoscape.js JSON --------------------------------------------------------------------------

def cytoscape_json(graph: nx.MultiDiGraph, title: str = TITLE) -> dict:
    """The network as Cytoscape.js elements (also Cytoscape desktop's .cyjs): nodes with their data and
    position, edges with source, target, key (the relation) and evidence as a list of objects."""
    positions = layout(graph)
    scale = 60 * math.sqrt(max(len(graph), 1))
    nodes = []
    for n, data in graph.nodes(data=True):
        x, y = positions.get(n, (0.0, 0.0))
        nodes.append({"data": {"id": n, "value": n, **_json_safe(data)},
                      "position": {"x": round(x * scale, 2), "y": round(y * scale, 2)}})
    edges = []
    for i, (u, v, key, data) in enumerate(graph.edges(keys=True, data=True)):
        payload = _json_safe({k: val for k, val in data.items() if k != "evidence"})
        payload["evidence"] = [_evidence_json(e) for e in data.get("evidence", [])]
        edges.append({"data": {"id": f"e{i}", "source": u, "target": v, "key": key, **payload}})
    return {"format_version": "1.0", "generated_by": f"tipkg {__version__}", "target_cytoscapejs_version": "~3.34",
            "data": {"name": title, **_json_safe(graph.graph)}, "directed": True, "multigraph": True,
            "elements": {"nodes": nodes, "edges": edges}}


def write_cytoscape(graph: nx.MultiDiGraph, out: Path, title: str) -> list[Path]:
    out.write_text(json.dumps(cytoscape_json(graph, title), ensure_ascii=False, indent=1), encoding="utf-8")
    return [out]


def _json_safe(data: dict) -> dict:
    return {k: v for k, v in data.items() if isinstance(v, (str, int, float, bool))}


def _evidence_json(e: Evidence) -> dict:
    return {"document": e.document, "paragraph": e.paragraph, "text": e.text, "rule": e.rule, "year": e.year,
            "assertion": e.assertion}


# --- Graphviz DOT ---------------------------------------------------------------------------------

def dot_id(value) -> str:
    """A DOT quoted string: in DOT only \\" is an escape, so backslashes are doubled (Graphviz reads \\\\ as one
    backslash in labels) and line breaks written as \\n."""
    text = str(value).replace("\\", "\\\\").replace('"', '\\"')
    return '"' + text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n") + '"'


# `name` is left out of DOT: DOT tools (pydot) take it for the node's own name; the tooltip holds it
DOT_NODE_ATTRIBUTES = ("kind", "class", "iri", "degree", "betweenness", "community")
DOT_EDGE_ATTRIBUTES = ("relation", "documents", "first_year", "last_year", "verbs")


def write_dot(graph: nx.MultiDiGraph, out: Path, title: str) -> list[Path]:
    """Graphviz DOT: nodes filled by kind with their attributes, edges labelled by relation (`dir=none` for
    partnerships, which have no direction), weighted by supporting paragraphs. `sfdp -Tsvg` draws it."""
    g = flat(graph)
    lines = ["digraph tipkg {",
             f"  graph [label={dot_id(title)}, labelloc=t, overlap=false, splines=true, outputorder=edgesfirst];",
             '  node [shape=ellipse, style=filled, fontname="Helvetica", fontsize=10];',
             '  edge [fontname="Helvetica", fontsize=8, color="#00000066"];']
    for n, data in g.nodes(data=True):
        attrs = {"label": data.get("label", n), "fillcolor": data.get("colour", "#cccccc"),
                 "tooltip": data.get("name", n)}
        attrs.update({k: data[k] for k in DOT_NODE_ATTRIBUTES if k in data})
        lines.append(f"  {dot_id(n)} [{_dot_attrs(attrs)}];")
    for u, v, key, data in g.edges(keys=True, data=True):
        attrs = {"key": key, "label": data.get("label", key), "weight": data.get("weight", 1),
                 "penwidth": round(0.6 + math.log(data.get("weight", 1) + 1), 2),
                 "tooltip": data.get("references", "")}
        if not data.get("directed", True):
            attrs["dir"] = "none"
        attrs.update({k: data[k] for k in DOT_EDGE_ATTRIBUTES if k in data})
        lines.append(f"  {dot_id(u)} -> {dot_id(v)} [{_dot_attrs(attrs)}];")
    lines.append("}")
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [out]


def _dot_attrs(attrs: dict) -> str:
    return ", ".join(f"{k}={dot_id(v)}" for k, v in attrs.items())


# --- CSV ------------------------------------------------------------------------------------------

def csv_paths(out: Path) -> tuple[Path, Path]:
    """`network.csv` -> `network-nodes.csv` and `network-edges.csv`; a folder -> `nodes.csv`, `edges.csv` in it."""
    if out.suffix.lower() == ".csv":
        return out.with_name(out.stem + "-nodes.csv"), out.with_name(out.stem + "-edges.csv")
    out.mkdir(parents=True, exist_ok=True)
    return out / "nodes.csv", out / "edges.csv"


def write_csv(graph: nx.MultiDiGraph, out: Path, title: str) -> list[Path]:
    """Two tables with Gephi's spreadsheet column names: nodes (Id, Label, ...) and edges (Source, Target,
    Type, Weight, ...), one row per relation between two nodes."""
    nodes_path, edges_path = csv_paths(out)
    g = flat(graph)
    with nodes_path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(("Id", "Label") + NODE_COLUMNS[1:])
        for n, data in g.nodes(data=True):
            w.writerow((n, data.get("label", n)) + tuple(_cell(data.get(c)) for c in NODE_COLUMNS[1:]))
    with edges_path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(("Source", "Target", "Type", "Weight", "Label", "Relation") + EDGE_COLUMNS[3:])
        for u, v, data in g.edges(data=True):
            w.writerow((u, v, "Directed" if data.get("directed", True) else "Undirected", data.get("weight", 1),
                        data.get("label", ""), data.get("relation", ""))
                       + tuple(_cell(data.get(c)) for c in EDGE_COLUMNS[3:]))
    return [nodes_path, edges_path]


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


# --- the HTML explorer ----------------------------------------------------------------------------

EXPLORER = "tipkg.explorer"
# the libraries inlined into the page, each after its licence (MIT): see tipkg/explorer/README.md
LIBRARIES = (("vendor/graphology.umd.min.js", "vendor/LICENSE-graphology.txt"),
             ("vendor/sigma.min.js", "vendor/LICENSE-sigma.txt"))
DEFAULT_TOP = 150         # nodes the explorer shows at first: the most central entities and initiatives
FOLDED_KINDS = ("resolution",)  # left out of the first view and of its layout: thousands of them, each with few links
EVIDENCE_PER_EDGE = 6     # sentences a relation carries into the page; its weight still counts them all
EVIDENCE_CHARACTERS = 700  # a longer sentence is cut, with an ellipsis
# the family of a document, from its symbol: the first pattern that matches
FAMILIES = (
    ("ga-resolution", "GA resolutions", r"A/RES/"),
    ("ga-draft", "GA drafts and committee documents", r"A/(C\.\d+/)?\d+/L\."),
    ("ecosoc", "ECOSOC", r"E/(RES|\d{4}/)|E/CN\."),
    ("sc", "Security Council", r"S/(RES/)?"),
    ("hrc", "Human Rights Council", r"A/HRC/"),
    ("report", "GA reports and other documents", r"A/"),
)


def document_family(identifier: str) -> tuple[str, str]:
    """(key, label) of a document's family, from its symbol: GA resolution, ECOSOC, Security Council ..."""
    for key, label, pattern in FAMILIES:
        if re.match(pattern, identifier):
            return key, label
    return "other", "Other documents"


FOLDED_RELATION = "asksThrough"
FOLDED_LABEL = "asks, in its resolutions,"


def folded_network(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The network the explorer shows first: without the resolutions, each folded into the body that adopted
    it, which then asks what the resolution asks ("General Assembly asks, in its resolutions, UNODC"), with the
    evidence of the requests; edges carry `resolutions`, how many resolutions they fold."""
    folded_nodes = {n for n, k in graph.nodes(data="kind") if k in FOLDED_KINDS}
    view = nx.MultiDiGraph(graph.subgraph(set(graph) - folded_nodes))
    evidence: dict[tuple[str, str], list[Evidence]] = defaultdict(list)
    through: dict[tuple[str, str], set[str]] = defaultdict(set)
    for r in sorted(folded_nodes):
        adopters = {u for u, _, key in graph.in_edges(r, keys=True) if key == "adopted" and u not in folded_nodes}
        for _, target, key, data in graph.out_edges(r, keys=True, data=True):
            if key != "asks" or target in folded_nodes:
                continue
            for adopter in adopters - {target}:
                evidence[(adopter, target)].extend(data.get("evidence", []))
                through[(adopter, target)].add(r)
    for (u, v), items in evidence.items():
        unique = sorted(set(items), key=lambda e: (e.year or 0, e.document, e.paragraph, e.assertion))
        view.add_edge(u, v, key=FOLDED_RELATION, relation=FOLDED_RELATION, label=FOLDED_LABEL, directed=True,
                      weight=len({(e.document, e.paragraph) for e in unique}), verbs="", evidence=unique,
                      resolutions=len(through[(u, v)]))
    return view


def _explorer_layout(graph: nx.MultiDiGraph, view: nx.MultiDiGraph) -> dict[str, tuple[float, float]]:
    """Positions laid out on the first view (without the resolutions, which would otherwise pull every body
    into one knot); each resolution is then set beside the nodes it links, a little apart."""
    if view.number_of_edges() == 0:
        return layout(graph)
    positions = dict(layout(view))
    for i, n in enumerate(sorted(set(graph) - set(view))):
        near = [positions[m] for m in nx.all_neighbors(graph, n) if m in positions]
        angle = (i * 2.399963) % (2 * math.pi)  # the golden angle: neighbours of one body do not stack
        if near:
            x, y = sum(p[0] for p in near) / len(near), sum(p[1] for p in near) / len(near)
            positions[n] = (x + 0.03 * math.cos(angle), y + 0.03 * math.sin(angle))
        else:
            positions[n] = (1.05 * math.cos(angle), 1.05 * math.sin(angle))
    return positions


def explorer_data(graph: nx.MultiDiGraph, title: str = TITLE) -> dict:
    """What the explorer page shows: nodes placed by the layout and ranked by centrality (the page shows the
    top ones first), edges with their years (within the documents' dates), families of documents and a few
    sentences of evidence each."""
    view = folded_network(graph)
    positions = _explorer_layout(graph, view)
    scale = 40 * math.sqrt(max(len(graph), 1)) + 200
    evidence_index: dict[Evidence, int] = {}
    evidence: list[dict] = []

    def index_of(e: Evidence) -> int:
        i = evidence_index.get(e)
        if i is None:
            i = evidence_index[e] = len(evidence)
            text = e.text if len(e.text) <= EVIDENCE_CHARACTERS else e.text[:EVIDENCE_CHARACTERS - 1].rstrip() + "…"
            evidence.append({"document": e.document, "paragraph": e.paragraph, "text": text, "rule": e.rule,
                             "year": e.year})
        return i

    # the year axis runs over the documents' own dates: a target year in a text ("by 2030") is not a date of
    # the graph; an assertion dated outside them counts at the nearest end
    first, last = graph.graph.get("first_document_year"), graph.graph.get("last_document_year")
    all_years = [e.year for _, _, ev in graph.edges(data="evidence", default=[]) for e in ev if e.year]
    lo = first if isinstance(first, int) else (min(all_years) if all_years else None)
    hi = last if isinstance(last, int) else (max(all_years) if all_years else None)

    def clamp(year: int) -> int:
        return min(max(year, lo), hi) if lo is not None and hi is not None else year

    # ranked by their centrality in the network the first view shows (without the folded kinds): a State that
    # only resolutions link to others would stand alone there
    core = simple_graph(view)
    sample = 300 if len(core) > 3000 else None
    core_betweenness = nx.betweenness_centrality(core, k=sample, seed=7) if len(core) > 2 else {}
    core_strength = dict(core.degree(weight="weight"))
    ranked = sorted(graph.nodes, key=lambda n: (n not in core, core_strength.get(n, 0) == 0,
                                                -core_betweenness.get(n, 0.0), -core_strength.get(n, 0),
                                                -graph.nodes[n].get("betweenness", 0.0), n))
    rank = {n: i for i, n in enumerate(ranked, 1)}
    nodes = []
    for n, data in graph.nodes(data=True):
        x, y = positions.get(n, (0.0, 0.0))
        nodes.append({"id": n, "label": data.get("label", n), "name": data.get("name", n), "kind": data["kind"],
                      "class": data.get("class", ""), "iri": data.get("iri", n), "rank": rank[n],
                      "x": round(x * scale, 1), "y": round(-y * scale, 1), "size": _node_size(data.get("degree", 1)),
                      **{k: data[k] for k in ("degree", "weighted_degree", "betweenness", "community",
                                              "linked_communities", "first_year", "last_year", "documents")
                         if k in data}})
    nodes.sort(key=lambda node: node["rank"])
    edges = []
    family_counts: dict[tuple[str, str], int] = {}
    folded = [(u, v, key, data) for u, v, key, data in view.edges(keys=True, data=True) if key == FOLDED_RELATION]
    for i, (u, v, key, data) in enumerate([*graph.edges(keys=True, data=True), *folded]):
        items = data.get("evidence", [])
        families = sorted({document_family(e.document) for e in items})
        for f in families:
            family_counts[f] = family_counts.get(f, 0) + 1
        kept = sorted(items, key=lambda e: (-(e.year or 0), e.document, e.paragraph))[:EVIDENCE_PER_EDGE]
        edges.append({"id": f"e{i}", "source": u, "target": v, "relation": key, "label": data.get("label", key),
                      "weight": data.get("weight", 1), "directed": data.get("directed", True),
                      "verbs": data.get("verbs", ""), "years": sorted({clamp(e.year) for e in items if e.year}),
                      "families": [f[0] for f in families], "evidence": [index_of(e) for e in kept],
                      "more": max(0, len(items) - len(kept)),
                      **({"folded": data["resolutions"]} if key == FOLDED_RELATION else {})})
    counts = {k.name: 0 for k in KINDS}
    for n in nodes:
        counts[n["kind"]] += 1
    members: dict[int, list[dict]] = {}
    for n in nodes:
        if "community" in n:
            members.setdefault(n["community"], []).append(n)
    communities = [{"number": c, "size": len(m), "label": ", ".join(str(x["label"]) for x in m[:3])}
                   for c, m in sorted(members.items())]
    return {
        "title": title, "selection": graph.graph.get("selection", ""), "generated": date.today().isoformat(),
        "version": __version__, "top": DEFAULT_TOP, "folded": list(FOLDED_KINDS),
        "kinds": [{"name": k.name, "label": k.label, "colour": k.colour, "count": counts[k.name]}
                  for k in KINDS if counts[k.name]],
        "relations": {**RELATION_LABELS, FOLDED_RELATION: FOLDED_LABEL}, "years": [lo, hi] if lo is not None and hi is not None else None,
        "families": [{"name": key, "label": label, "count": count}
                     for (key, label), count in sorted(family_counts.items(), key=lambda f: -f[1])],
        "communities": communities, "nodes": nodes, "edges": edges, "evidence": evidence,
        # each resolution's timeline, by node id (tipkg.linkeddata.timeline.explorer_timelines), when given
        "timelines": graph.graph.get("timelines", {}),
    }


def _script_json(data: dict) -> str:
    """JSON that is safe inside <script type="application/json">: no "</script", no HTML comment openers."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026").replace(
        "\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _asset(name: str) -> str:
    return resources.files(EXPLORER).joinpath(name).read_text(encoding="utf-8")


def explorer_html(graph: nx.MultiDiGraph, title: str = TITLE) -> str:
    """One self-contained page: the template with the stylesheet, graphology and sigma.js (WebGL), the data
    and the explorer's script inlined, so it opens offline from a file."""
    libraries = []
    for name, licence in LIBRARIES:
        library, notice = _asset(name), _asset(licence)
        if re.search(r"</script", library + notice, re.I) or "*/" in notice:  # a guard for upgrades
            raise ExportError(f"the bundled {name} or its licence cannot be inlined")
        libraries.append(f"/*! {name.rsplit('/', 1)[-1]}\n{notice}*/\n{library}")
    parts = {
        "TITLE": html.escape(title),
        "STYLE": _asset("explorer.css"),
        "LIBRARIES": "</script>\n<script>".join(libraries),
        "DATA": _script_json(explorer_data(graph, title)),
        "SCRIPT": _asset("explorer.js"),
    }
    template = _asset("explorer.html")
    # one pass over the template's markers, so that no inlined text is ever read as a marker
    return re.sub(r"/\*@(TITLE|STYLE|LIBRARIES|DATA|SCRIPT)@\*/", lambda m: parts[m[1]], template)


def write_html(graph: nx.MultiDiGraph, out: Path, title: str) -> list[Path]:
    out.write_text(explorer_html(graph, title), encoding="utf-8")
    return [out]


# --- the SVG picture ------------------------------------------------------------------------------

def _node_size(degree: int) -> float:
    return round(min(8 + 4 * math.sqrt(max(degree, 0)), 60), 1)


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[:width - 1].rstrip() + "…"


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def network_svg(graph: nx.MultiDiGraph, title: str = TITLE, labels: int = 30) -> str:
    """A static picture for a report: the layout drawn as SVG, nodes coloured by kind and sized by degree,
    edge width by supporting paragraphs, the most central nodes labelled, and a legend."""
    size, margin, legend_width = 1000, 40, 230
    positions = layout(graph)
    degree = {n: d for n, d in graph.nodes(data="degree", default=1)}
    betweenness = {n: b for n, b in graph.nodes(data="betweenness", default=0.0)}

    def xy(n):
        x, y = positions.get(n, (0.0, 0.0))
        return margin + (x + 1) / 2 * (size - 2 * margin), margin + 40 + (y + 1) / 2 * (size - 2 * margin)

    width, height = size + legend_width, size + 60
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}" font-family="Helvetica, Arial, sans-serif">',
           f"<title>{escape(title)}</title>",
           f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
           f'<text x="{margin}" y="30" font-size="20" fill="#222">{escape(title)}</text>',
           f'<text x="{margin}" y="50" font-size="12" fill="#555">{escape(graph.graph.get("selection", ""))} · '
           f'{graph.number_of_nodes()} nodes, {graph.number_of_edges()} relations</text>',
           '<g stroke="#8a8a8a" stroke-opacity="0.45" fill="none">']
    drawn = set()
    for u, v, w in graph.edges(data="weight", default=1):
        pair = (min(u, v), max(u, v))
        if pair in drawn:
            continue
        drawn.add(pair)
        (x1, y1), (x2, y2) = xy(u), xy(v)
        out.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
                   f'stroke-width="{0.5 + math.log(w + 1) * 0.6:.2f}"/>')
    out.append("</g>")
    scale = 0.45 if len(graph) < 300 else 0.25
    order = sorted(graph.nodes, key=lambda n: degree[n])  # big nodes on top
    out.append('<g stroke="#ffffff" stroke-width="0.8">')
    for n in order:
        data = graph.nodes[n]
        x, y = xy(n)
        out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{_node_size(degree[n]) * scale:.1f}" '
                   f'fill="{KIND[data["kind"]].colour}"><title>{escape(data.get("name", n))} '
                   f'({escape(data["kind"])})</title></circle>')
    out.append("</g>")
    named = sorted(graph.nodes, key=lambda n: (-betweenness[n], -degree[n], n))[:labels]
    out.append('<g font-size="12" fill="#111" stroke="#ffffff" stroke-width="3" paint-order="stroke">')
    for n in named:
        x, y = xy(n)
        r = _node_size(degree[n]) * scale
        label = _short(str(graph.nodes[n].get("label", n)), 28)
        out.append(f'<text x="{x + r + 2:.1f}" y="{y + 4:.1f}">{escape(label)}</text>')
    out.append("</g>")
    lx = size + 10
    out.append(f'<g font-size="13" fill="#222"><text x="{lx}" y="80" font-weight="bold">Kinds</text>')
    counts = {}
    for _, kind in graph.nodes(data="kind"):
        counts[kind] = counts.get(kind, 0) + 1
    y = 104
    for k in KINDS:
        if counts.get(k.name):
            out.append(f'<circle cx="{lx + 8}" cy="{y - 4}" r="7" fill="{k.colour}"/>'
                       f'<text x="{lx + 22}" y="{y}">{escape(k.label)} ({counts[k.name]})</text>')
            y += 22
    out.append(f'<text x="{lx}" y="{y + 16}" font-size="11" fill="#555">node size: degree</text>')
    out.append(f'<text x="{lx}" y="{y + 32}" font-size="11" fill="#555">labels: the {len(named)} most central</text>')
    out.append(f'<text x="{lx}" y="{y + 48}" font-size="11" fill="#555">(betweenness)</text></g>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def write_svg(graph: nx.MultiDiGraph, out: Path, title: str) -> list[Path]:
    out.write_text(network_svg(graph, title), encoding="utf-8")
    return [out]


WRITERS = {"graphml": write_graphml, "gexf": write_gexf, "cytoscape": write_cytoscape, "dot": write_dot,
           "csv": write_csv, "html": write_html, "svg": write_svg}

__all__ = ["FORMATS", "SUFFIXES", "Export", "ExportError", "export", "flat", "cytoscape_json", "explorer_data",
           "explorer_html", "network_svg", "dot_id", "csv_paths"]
