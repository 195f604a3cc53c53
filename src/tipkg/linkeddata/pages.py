"""The HTML pages of the linked data: one per resource (label, types, description, statements in and out,
provenance, alternate formats; a document's text with paragraph anchors and its mentions as links), the
ontology's documentation, and index pages to browse by kind.

Pages are Jinja2 templates with autoescaping on, so text from documents is always escaped; the text of a
paragraph is cut into plain and linked stretches in Python, and each stretch is escaped by the template.
All links between pages are relative (state/JPN.html -> ../org/UNODC.html), so the same pages work
served by `tipkg serve`, from a static web server at any path, or opened from disk.
"""
from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import quote

import jinja2
import pyoxigraph as ox
from markupsafe import Markup, escape

from tipkg import __version__
from tipkg.iris import PREFIXES, TIP, Iris
from tipkg.linkeddata.describe import LABEL_PROPERTIES, COMMENT_PROPERTIES, Description, Node, Passage, Statement
from tipkg.linkeddata.negotiate import FORMATS, Format, split_extension
from tipkg.store import ONTOLOGY_GRAPH

ONTOLOGY_PATH = "ontology"
DATASET_PATH = "dataset"
# a resource path is safe as a file name and as a URL path: no "." or ".." segment, no empty segment
SAFE_PATH = re.compile(r"[A-Za-z0-9][A-Za-z0-9._~()-]*(?:/[A-Za-z0-9][A-Za-z0-9._~()-]*)*")
# first segments that are files of the site rather than resources
SITE_FOLDERS = ("dumps", ".well-known")

CURIE_PREFIXES = {**{p: str(ns) for p, ns in PREFIXES.items()}, "void": "http://rdfs.org/ns/void#",
                  "dcat": "http://www.w3.org/ns/dcat#"}
FORMAT_NAMES = {"html": "HTML", "turtle": "Turtle", "json-ld": "JSON-LD", "n-triples": "N-Triples",
                "rdf-xml": "RDF/XML"}

_environment = jinja2.Environment(
    loader=jinja2.PackageLoader("tipkg.linkeddata", "templates"),
    autoescape=True,  # every page is HTML: escape every value, whatever the template's file name
    undefined=jinja2.StrictUndefined,
    trim_blocks=True, lstrip_blocks=True,
)


def curie(iri: str) -> str:
    """tip:State for https://w3id.org/tipkg/ontology#State; the IRI itself when no prefix fits."""
    for prefix, namespace in CURIE_PREFIXES.items():
        if iri.startswith(namespace) and re.fullmatch(r"[A-Za-z_][\w.-]*", iri[len(namespace):]):
            return f"{prefix}:{iri[len(namespace):]}"
    return iri


@dataclass
class Site:
    """Where the pages of a graph are: maps IRIs to page paths and to relative links between pages.

    A data IRI <base>state/JPN has its page at state/JPN.html and its data at state/JPN.ttl and so on;
    a hash IRI <base>document/X#para-4 is the anchor para-4 of document/X.html; ontology terms are anchors
    of ontology.html. `files` are IRIs under the base that are files or services of the site (dumps, the
    SPARQL endpoint): linked as they are."""
    base_iri: str | None = None
    formats: tuple[Format, ...] = FORMATS
    ontology_terms: frozenset[str] = frozenset()
    files: frozenset[str] = frozenset()
    sparql: str | None = None  # site path of the SPARQL endpoint, when there is one
    base: str = field(init=False)

    def __post_init__(self) -> None:
        self.base = Iris(self.base_iri).base

    def iri_of(self, path: str) -> str:
        return self.base + path

    def locate(self, iri: str) -> tuple[str, str] | None:
        """(page path, fragment) of an IRI the site has a page for, or None."""
        if iri == ONTOLOGY_GRAPH or iri.startswith(str(TIP)):
            local = iri[len(str(TIP)):] if iri.startswith(str(TIP)) else ""
            return ONTOLOGY_PATH, local if local in self.ontology_terms else ""
        if not iri.startswith(self.base):
            return None
        path, _, fragment = iri[len(self.base):].partition("#")
        if not page_path_ok(path):
            return None
        return path, fragment

    def href(self, iri: str, page: str) -> str | None:
        """The link from the page at `page` (a resource path) to an IRI: relative for the site's own
        resources and files, the IRI itself for the rest of the web, None when there is nowhere to go."""
        if iri in self.files:
            return self.relative(iri[len(self.base):], page)
        located = self.locate(iri)
        if located is None:  # the rest of the web is linked as it is; our own IRIs without a page are not
            return iri if iri.startswith(("http://", "https://")) and not iri.startswith(self.base) else None
        path, fragment = located
        href = self.relative(f"{path}.html", page)
        return f"{href}#{quote(fragment, safe='-._~()')}" if fragment else href

    def relative(self, target: str, page: str) -> str:
        """A link from the page of resource path `page` to a site path."""
        return _relative(target, posixpath.dirname(page) or ".")

    def root(self, page: str) -> str:
        """The site's root, relative to a page ("../" per folder level, or "./" at the root)."""
        depth = page.count("/")
        return "../" * depth if depth else "./"

    def alternates(self, page: str) -> list[dict]:
        name = posixpath.basename(page)
        return [{"name": FORMAT_NAMES.get(f.name, f.name), "media_type": f.media_type,
                 "href": quote(f"{name}.{f.extension}", safe="/-._~()"), "extension": f.extension}
                for f in self.formats]


@lru_cache(maxsize=65536)
def _relative(target: str, folder: str) -> str:
    return quote(posixpath.relpath(target, folder), safe="/-._~()")


def page_path_ok(path: str) -> bool:
    """Whether a resource path can be a page: safe, not a file of the site, not ending like a format."""
    if "/" not in path:  # at the root, besides these two, are the site's own files (index.html, void.ttl)
        return path in (DATASET_PATH, ONTOLOGY_PATH)
    return bool(SAFE_PATH.fullmatch(path)) and path.split("/", 1)[0] not in SITE_FOLDERS and \
        split_extension(path)[1] is None


class PageContext:
    """What templates call to show nodes: their link, their label, their CURIE."""

    def __init__(self, site: Site, page: str):
        self.site, self.page = site, page

    def href(self, node: Node | str) -> str | None:
        iri = node if isinstance(node, str) else (node.value if node.is_iri else None)
        return self.site.href(iri, self.page) if iri else None

    def node(self, node: Node) -> Markup:
        """One node as markup: a literal's text (with its language or datatype), a link to an IRI's page
        under its label, or the label alone when there is no page. Every value goes through escape()."""
        if node.is_literal:
            suffix = (f'<span class="lang">@{escape(node.language)}</span>' if node.language else
                      f'<span class="dt">{escape(curie(node.datatype))}</span>' if node.datatype else "")
            return Markup(f'<span class="literal">{escape(node.value)}</span>{suffix}')
        if node.is_blank:
            return Markup('<span class="blank">(blank node)</span>')
        href = self.href(node)
        if href:
            return Markup(f'<a href="{escape(href)}" title="{escape(node.value)}">{escape(self.label(node))}</a>')
        return Markup(f'<span title="{escape(node.value)}">{escape(self.label(node))}</span>')

    def label(self, node: Node) -> str:
        if node.is_iri:
            return node.label or curie(node.value)
        if node.is_blank:
            return "(blank node)"
        return node.value

    def curie(self, iri: str) -> str:
        return curie(iri)

    def segments(self, passage: Passage) -> list[tuple[str, str | None]]:
        return text_segments(passage, lambda iri: self.href(iri))


def text_segments(passage: Passage, href) -> list[tuple[str, str | None]]:
    """The text of a paragraph as (stretch, link or None): each name of an entity the paragraph mentions
    (label, acronym, alternative label) is linked to the entity's page; longest names first."""
    names: dict[str, str] = {}
    for iri, entity_names in passage.names.items():
        link = href(iri)
        if not link:
            continue
        for name in entity_names:
            if len(name) >= 2 and name not in names:
                names[name] = link
    if not names:
        return [(passage.text, None)]
    pattern = re.compile(r"(?<!\w)(" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")(?!\w)")
    out, at = [], 0
    for m in pattern.finditer(passage.text):
        if m.start() > at:
            out.append((passage.text[at:m.start()], None))
        out.append((m.group(0), names[m.group(0)]))
        at = m.end()
    if at < len(passage.text):
        out.append((passage.text[at:], None))
    return out


def _render(template: str, site: Site, page: str, **values) -> str:
    context = PageContext(site, page)
    return _environment.get_template(template).render(
        ctx=context, site=site, page=page, root=site.root(page), version=__version__,
        sparql=site.relative(site.sparql, page) if site.sparql else None, **values)


def render_resource(description: Description, site: Site, page: str) -> str:
    """The page of a resource; `page` is its path (state/JPN)."""
    return _render("resource.html", site, page, d=description, title=description.label or curie(description.iri),
                   alternates=site.alternates(page))


def render_index(site: Site, kinds: list[tuple[str, int]], documents: list[Node], dumps: list[tuple[str, str]],
                 triples: int) -> str:
    return _render("index.html", site, "index", title="tipkg knowledge graph", kinds=kinds, documents=documents,
                   dumps=dumps, triples=triples, alternates=[])


def render_kind(site: Site, kind: str, resources: list[Node]) -> str:
    return _render("kind.html", site, f"index-{kind}", title=f"{kind}: {len(resources)} resources", kind=kind,
                   resources=resources, alternates=[])


def render_error(site: Site, page: str, status: int, message: str) -> str:
    return _render("error.html", site, page, title=f"{status}", status=status, message=message, alternates=[])


# --- the ontology's documentation ------------------------------------------------------------------

OWL = "http://www.w3.org/2002/07/owl#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
SECTIONS = (("classes", "Classes", (f"{OWL}Class",)),
            ("object-properties", "Object properties", (f"{OWL}ObjectProperty",)),
            ("datatype-properties", "Datatype properties", (f"{OWL}DatatypeProperty",)),
            ("annotation-properties", "Annotation properties", (f"{OWL}AnnotationProperty",)),
            ("individuals", "Individuals and concept schemes", ()))


@dataclass
class TermDoc:
    """One term of the ontology as its documentation shows it."""
    anchor: str
    iri: str
    label: str
    comments: list[str]
    statements: list[Statement]
    used_by: list[Statement]


def ontology_terms(store: ox.Store) -> frozenset[str]:
    """The local names of the terms the ontology graph defines (anchors of ontology.html)."""
    tip = str(TIP)
    return frozenset(q.subject.value[len(tip):] for q in store.quads_for_pattern(None, None, None, ox.NamedNode(ONTOLOGY_GRAPH))
                     if isinstance(q.subject, ox.NamedNode) and q.subject.value.startswith(tip) and
                     len(q.subject.value) > len(tip))


def render_ontology(store: ox.Store, site: Site) -> str:
    """The documentation of the ontology, from the ontology graph of the store (ontology/*.ttl as built):
    its metadata, then every term with its label, comment, statements and the terms that refer to it.
    Each term's section has its local name as id, so ontology#State lands on it."""
    graph = ox.NamedNode(ONTOLOGY_GRAPH)
    quads = list(store.quads_for_pattern(None, None, None, graph))
    labels: dict[str, tuple] = {}
    for q in quads:
        if q.predicate.value in LABEL_PROPERTIES and isinstance(q.object, ox.Literal):
            rank = (LABEL_PROPERTIES.index(q.predicate.value), 0 if q.object.language in (None, "en") else 1)
            if q.subject.value not in labels or rank < labels[q.subject.value][:2]:
                labels[q.subject.value] = (*rank, q.object.value)

    def node(term) -> Node:
        return Node(term, labels[term.value][2] if isinstance(term, ox.NamedNode) and term.value in labels else None)

    tip = str(TIP)
    out: dict[str, list[Statement]] = {}
    into: dict[str, list[Statement]] = {}
    for q in quads:
        out.setdefault(q.subject.value, []).append(Statement(node(q.predicate), node(q.object)))
        if isinstance(q.object, ox.NamedNode) and q.object.value.startswith(tip) and q.predicate.value != RDF_TYPE:
            into.setdefault(q.object.value, []).append(Statement(node(q.predicate), node(q.subject)))
    skip = set(LABEL_PROPERTIES) | set(COMMENT_PROPERTIES) | {"http://www.w3.org/2000/01/rdf-schema#isDefinedBy"}

    def term_doc(iri: str) -> TermDoc:
        statements = out.get(iri, [])
        return TermDoc(iri[len(tip):] if iri.startswith(tip) else "", iri, labels.get(iri, (0, 0, curie(iri)))[2],
                       [st.node.value for st in statements if st.predicate.value in COMMENT_PROPERTIES],
                       sorted((st for st in statements if st.predicate.value not in skip),
                              key=lambda st: (st.predicate.value != RDF_TYPE, curie(st.predicate.value), st.node.value)),
                       sorted(into.get(iri, []), key=lambda st: (curie(st.predicate.value), st.node.value)))

    sections = []
    placed: set[str] = set()
    terms = sorted(iri for iri in out if iri.startswith(tip) and len(iri) > len(tip))
    for anchor, title, types in SECTIONS:
        members = [t for t in terms if t not in placed and (not types or any(
            st.predicate.value == RDF_TYPE and st.node.value in types for st in out[t]))]
        placed.update(members)
        if members:
            sections.append({"anchor": anchor, "title": title, "terms": [term_doc(t) for t in members]})
    ontology = term_doc(ONTOLOGY_GRAPH)
    return _render("ontology.html", site, ONTOLOGY_PATH, title=ontology.label, ontology=ontology, sections=sections,
                   alternates=site.alternates(ONTOLOGY_PATH))
