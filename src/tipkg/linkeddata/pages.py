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
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import quote

import jinja2
import pyoxigraph as ox
from markupsafe import Markup, escape

from tipkg import __version__
from tipkg.iris import PREFIXES, TIP, Iris
from tipkg.linkeddata import describe as describing
from tipkg.linkeddata.describe import (LABEL_PROPERTIES, COMMENT_PROPERTIES, Description, Node, Passage, Statement,
                                       referrer_kind)
from tipkg.linkeddata.negotiate import FORMATS, Format, split_extension
from tipkg.linkeddata.timeline import Timeline
from tipkg.store import ONTOLOGY_GRAPH

ONTOLOGY_PATH = "ontology"
DATASET_PATH = "dataset"
ENTITIES_PATH = "entities"  # the entities graph (tipkg.store.ENTITIES_GRAPH), a subset of the dataset
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
    if "/" not in path:  # at the root, besides these three, are the site's own files (index.html, void.ttl)
        return path in (DATASET_PATH, ONTOLOGY_PATH, ENTITIES_PATH)
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

    def short(self, node: Node, own: str | None = None, width: int = 90) -> Markup:
        """A referrer as a row of another resource's page shows it: its label without the name of that
        resource (`own`) when the label lists the parties of an assertion ("Partnership: A, B, C" on B's
        page reads "Partnership: A, C"), cut to `width` characters; the whole label in the tooltip."""
        label = self.label(node)
        if not node.is_iri:
            return self.node(node)
        text = without_name(label, own) if own else label
        cut = text if len(text) <= width else text[:width - 1].rstrip() + "…"
        title = f' title="{escape(label)}"' if cut != label else ""
        href = self.href(node)
        if href:
            return Markup(f'<a href="{escape(href)}"{title}>{escape(cut)}</a>')
        return Markup(f'<span{title}>{escape(cut)}</span>')

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


def without_name(label: str, name: str) -> str:
    """"Kind: A, B, C" without the party `name` ("Kind: A, C"); any other label as it is."""
    head, colon, parties = label.partition(": ")
    if not colon:
        return label
    kept = [p for p in parties.split(", ") if p != name]
    return f"{head}: {', '.join(kept)}" if kept and len(kept) < len(parties.split(", ")) else label


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


# --- what a resource's page shows, at any size ---------------------------------------------------------
# A body such as the General Assembly is referred to by thousands of assertions and paragraphs: its page shows
# the statements grouped by the kind of resource that refers to it and the property, a few rows of each group
# with the group's count, and links to the full lists, cut into pages (org/GA.in-assertion-actor.html,
# org/GA.in-assertion-actor-2.html, ...; org/GA.provenance.html ...). The RDF forms keep every triple.

PREVIEW_ROWS = 8        # rows of each "Referred to by" group on the resource's own page
PREVIEW_EVIDENCE = 8    # assertions with their sentence on the resource's own page
LIST_ROWS = 300         # rows per page of a full list
LIST_EVIDENCE = 100     # assertions per page of the full provenance
KIND_PAGE_ROWS = 500    # resources per page of a kind's index
HIDDEN_LABEL = "http://www.w3.org/2004/02/skos/core#hiddenLabel"  # lookup keys of the gazetteers: not for people
LABEL_ROWS = (*LABEL_PROPERTIES, "http://www.w3.org/2004/02/skos/core#altLabel", "https://w3id.org/tipkg/ontology#acronym")
DOCUMENT_PARTS = ("https://w3id.org/tipkg/ontology#hasParagraph", "https://w3id.org/tipkg/ontology#hasSection")
IN_DOCUMENT = "https://w3id.org/tipkg/ontology#inDocument"
# the first segment of a resource path (org/GA) in words; other segments are spelt from themselves
KIND_TITLES = {
    "state": "States", "org": "Organizations", "government": "Governments", "instrument": "Instruments",
    "group": "Groups of States", "place": "Places", "sdg": "Sustainable Development Goals and targets",
    "resolution": "Resolutions", "document": "Documents", "paragraph": "Paragraphs", "section": "Sections",
    "assertion": "Assertions", "rule": "Extraction rules", "graph": "Named graphs", "initiative": "Initiatives",
    "event": "Events", "publication": "Publications", "person": "People", "role": "Roles",
    "mechanism": "Mechanisms", "dataset": "Dataset", "other": "Other resources",
}
LIST_PAGE = re.compile(r"(?P<stem>.+)\.(?P<section>(?:in|out)-[a-z]+(?:-[a-z]+)*|provenance)(?:-(?P<number>[1-9][0-9]*))?")
KIND_PAGE = re.compile(r"index-(?P<kind>[a-z0-9]+(?:-[a-z][a-z0-9]*)*?)(?:-(?P<number>[1-9][0-9]*))?")


def kind_title(kind: str) -> str:
    """"org" -> "Organizations"; an unknown segment ("sdg-target") -> "Sdg target"."""
    return KIND_TITLES.get(kind) or kind.replace("-", " ").replace("_", " ").capitalize()


def _slug(text: str) -> str:
    return re.sub(r"[^a-z]+", "-", text.lower()).strip("-") or "x"


@dataclass
class Group:
    """The statements of one kind of referrer through one property: "Assertions · actor (3,012)"."""
    key: str            # the section of its list pages: "in-assertion-actor"
    kind: str
    predicate: Node
    statements: list[Statement]  # all of them, or (read from the store) the first ones
    documents: int      # the documents whose graphs state them
    count: int = -1     # how many statements in all; -1: len(statements)

    def __post_init__(self) -> None:
        if self.count < 0:
            self.count = len(self.statements)

    @property
    def title(self) -> str:
        return kind_title(self.kind)


@dataclass
class Pages:
    """How a list of n rows is cut into pages of `size`."""
    number: int
    count: int
    size: int

    @property
    def total(self) -> int:
        return max(1, -(-self.count // self.size))

    @property
    def start(self) -> int:
        return (self.number - 1) * self.size


def shown_statements(d: Description) -> list[Statement]:
    """The outgoing statements a person reads: no lookup keys (skos:hiddenLabel), no label that repeats
    one already shown (the same name as rdfs:label, skos:prefLabel and altLabel), no paragraph list of a
    document whose text the page shows."""
    seen_names = {d.label.casefold()} if d.label else set()
    out = []
    first_label = True
    for st in d.outgoing:
        p = st.predicate.value
        if p == HIDDEN_LABEL or (d.passages and p in DOCUMENT_PARTS):
            continue
        if p in LABEL_ROWS and st.node.is_literal:
            name = st.node.value.casefold()
            if p in LABEL_PROPERTIES and first_label and st.node.value == d.label:
                first_label = False  # the label itself, shown once
            elif name in seen_names:
                continue
            seen_names.add(name)
        out.append(st)
    return out


def statement_groups(d: Description) -> list[Group]:
    """The outgoing statements a person reads, by property, in the order of `shown_statements`."""
    groups: dict[str, Group] = {}
    for st in shown_statements(d):
        p = st.predicate.value
        if p not in groups:
            groups[p] = Group("", "", st.predicate, [], 0)
        groups[p].statements.append(st)
    keys = Counter(_slug(g.predicate.label or curie(g.predicate.value).split(":")[-1]) for g in groups.values())
    for g in groups.values():
        slug = _slug(g.predicate.label or curie(g.predicate.value).split(":")[-1])
        g.key = f"out-{slug}" if keys[slug] == 1 else f"out-{_slug(curie(g.predicate.value).replace(':', '-'))}"
        g.documents = len({s.value for st in g.statements for s in st.sources})
        g.count = len(g.statements)
    return list(groups.values())


def referrer_groups(d: Description, base: str, store: ox.Store | None = None, rows: int = PREVIEW_ROWS
                    ) -> list[Group]:
    """The incoming statements by kind of referrer and property, biggest group first, each with its count and
    its first rows, ordered by the document that states them. Read from the store when there is one (every
    statement counted); else from the description (the statements it holds)."""
    groups = []
    if store is not None:
        for found in describing.referrer_groups(store, d.iri, base, rows):
            if d.passages and found.predicate.value == IN_DOCUMENT:
                continue  # a document's paragraphs: the text shows them
            groups.append(Group("", found.kind, found.predicate, found.statements, found.documents, found.count))
    else:
        grouped: dict[tuple[str, str], list[Statement]] = {}
        predicates: dict[str, Node] = {}
        for st in d.incoming:
            if d.passages and st.predicate.value == IN_DOCUMENT:
                continue
            kind = referrer_kind(st.node.value, base) if st.node.is_iri else "other"
            grouped.setdefault((kind, st.predicate.value), []).append(st)
            predicates[st.predicate.value] = st.predicate
        for (kind, p), statements in grouped.items():
            statements.sort(key=lambda st: ([s.label or s.value for s in st.sources],
                                            (st.node.label or st.node.value).lower()))
            documents = len({s.value for st in statements for s in st.sources})
            groups.append(Group("", kind, predicates[p], statements, documents))
    for g in groups:
        g.key = f"in-{_slug(g.kind)}-{_slug(g.predicate.label or curie(g.predicate.value).split(':')[-1])}"
    keys = Counter(g.key for g in groups)
    for g in groups:  # two properties of the same label: tell their lists apart
        if keys[g.key] > 1:
            g.key = f"{g.key}-{_slug(curie(g.predicate.value).replace(':', '-'))}"
    return sorted(groups, key=lambda g: (-g.count, g.title, g.predicate.label or g.predicate.value))


def list_path(page: str, section: str, number: int = 1) -> str:
    """The resource path of a page of a full list: org/GA.in-assertion-actor, org/GA.in-assertion-actor-2."""
    return f"{page}.{section}" + (f"-{number}" if number > 1 else "")


def list_pages(d: Description, base: str, store: ox.Store | None = None) -> dict[str, int]:
    """The full lists a resource's page links to, with their number of pages."""
    out = {g.key: Pages(1, g.count, LIST_ROWS).total
           for g in (*statement_groups(d), *referrer_groups(d, base, store)) if g.count > PREVIEW_ROWS}
    if len(d.evidence) > PREVIEW_EVIDENCE:
        out["provenance"] = Pages(1, len(d.evidence), LIST_EVIDENCE).total
    return out


def render_resource(description: Description, site: Site, page: str, store: ox.Store | None = None,
                    timeline: Timeline | None = None) -> str:
    """The page of a resource; `page` is its path (state/JPN). With the store, what refers to the resource
    is counted there in full rather than in the description. A resolution's page shows its timeline."""
    return _render("resource.html", site, page, d=description, title=description.label or curie(description.iri),
                   timeline=timeline,
                   alternates=site.alternates(page), statements=statement_groups(description),
                   groups=referrer_groups(description, site.base, store), preview=PREVIEW_ROWS,
                   preview_evidence=PREVIEW_EVIDENCE, list_path=list_path, kind_title=kind_title)


def render_list(description: Description, site: Site, page: str, section: str, number: int = 1,
                store: ox.Store | None = None) -> str | None:
    """One page of a full list of a resource ("Referred to by" group, values of a property, provenance), or
    None when the resource has no such list or page."""
    size = LIST_EVIDENCE if section == "provenance" else LIST_ROWS
    if section == "provenance":
        group, rows, count = None, description.evidence, len(description.evidence)
    else:
        groups = statement_groups(description) if section.startswith("out-") else \
            referrer_groups(description, site.base, store, rows=0 if store is not None else PREVIEW_ROWS)
        group = next((g for g in groups if g.key == section), None)
        if group is None:
            return None
        count, rows = group.count, group.statements
    pages = Pages(number, count, size)
    if number > pages.total or not count:
        return None
    if store is not None and section.startswith("in-"):  # this page of the group, read from the store
        shown = describing.referrer_groups(store, description.iri, site.base, size, pages.start,
                                           only=(group.kind, group.predicate.value))[0].statements
    else:
        shown = rows[pages.start:pages.start + size]
    here = list_path(page, section, number)
    name = description.label or curie(description.iri)
    prop = (group.predicate.label or curie(group.predicate.value)) if group else ""
    what = "Provenance" if not group else f"{prop}" if section.startswith("out-") else \
        f"{group.title} referring to it by {prop}"
    return _render("list.html", site, here, d=description, title=f"{name}: {what}", what=what, group=group,
                   rows=shown, pages=pages, resource=site.relative(f"{page}.html", here),
                   page_href=lambda n: site.relative(f"{list_path(page, section, n)}.html", here), alternates=[])


def render_index(site: Site, kinds: list[tuple[str, int]], documents: list[Node], dumps: list[tuple[str, str]],
                 triples: int) -> str:
    return _render("index.html", site, "index", title="tipkg knowledge graph", kinds=kinds, documents=documents,
                   dumps=dumps, triples=triples, alternates=[], kind_title=kind_title)


def kind_path(kind: str, number: int = 1) -> str:
    return f"index-{kind}" + (f"-{number}" if number > 1 else "")


def kind_page_count(resources: list[Node]) -> int:
    return Pages(1, len(resources), KIND_PAGE_ROWS).total


def render_kind(site: Site, kind: str, resources: list[Node], number: int = 1) -> str | None:
    """One page of the index of a kind (index-org.html, index-assertion-2.html), or None past the last."""
    pages = Pages(number, len(resources), KIND_PAGE_ROWS)
    if number > pages.total:
        return None
    here = kind_path(kind, number)
    title = kind_title(kind) + (f" (page {number} of {pages.total})" if pages.total > 1 else "")
    return _render("kind.html", site, here, title=title, kind=kind, count=len(resources),
                   resources=resources[pages.start:pages.start + KIND_PAGE_ROWS], pages=pages,
                   page_href=lambda n: f"{kind_path(kind, n)}.html", alternates=[])


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
