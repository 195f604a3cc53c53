"""Namespaces and IRIs: the one place where IRIs are built.

Data IRIs live under a configurable base (TIPKG_BASE_IRI or --base-iri) and are derived only from
what a document says (symbols, gazetteer keys, names), so a rebuild gives the same IRIs.
"""
from __future__ import annotations

import hashlib
import os
import re
import unicodedata

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS, XSD

DEFAULT_BASE = "https://w3id.org/tipkg/"
TIP = Namespace("https://w3id.org/tipkg/ontology#")
ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")
UNDO = Namespace("https://w3id.org/un/ontology/undo/")
ALLOT = Namespace("https://w3id.org/akn/ontology/allot/")
OA = Namespace("http://www.w3.org/ns/oa#")
SDG_UN = Namespace("http://metadata.un.org/sdg/")

PREFIXES = {
    "tip": TIP, "rdf": RDF, "rdfs": RDFS, "xsd": XSD, "owl": OWL, "skos": SKOS, "dcterms": DCTERMS,
    "prov": PROV, "foaf": FOAF, "org": ORG, "schema": SCHEMA, "undo": UNDO, "allot": ALLOT, "oa": OA,
}


def slug(text: str, limit: int = 80) -> str:
    """A readable, stable IRI segment: lower case ASCII words joined by hyphens; long names keep a hash tail."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-").lower()
    if len(words) <= limit:
        return words or hashlib.sha1(text.encode()).hexdigest()[:10]
    return words[:limit].rstrip("-") + "-" + hashlib.sha1(words.encode()).hexdigest()[:8]


def symbol_segment(symbol: str) -> str:
    """"A/RES/72/195" -> "A-RES-72-195", "S/RES/2388 (2017)" -> "S-RES-2388-2017"."""
    return re.sub(r"[^A-Za-z0-9.]+", "-", symbol).strip("-")


class Iris:
    """Builds every data IRI from a base IRI."""

    def __init__(self, base: str | None = None):
        base = base or os.environ.get("TIPKG_BASE_IRI") or DEFAULT_BASE
        self.base = base if base.endswith(("/", "#")) else base + "/"

    def _iri(self, *segments: str) -> URIRef:
        return URIRef(self.base + "/".join(segments))

    # things from the gazetteers
    def state(self, key: str) -> URIRef:
        return self._iri("state", key)

    def organization(self, key: str) -> URIRef:
        return self._iri("org", key)

    def instrument(self, key: str) -> URIRef:
        return self._iri("instrument", key)

    def group(self, key: str) -> URIRef:
        return self._iri("group", key)

    def place(self, key: str) -> URIRef:
        return self._iri("place", key)

    def sdg(self, key: str) -> URIRef:
        return self._iri("sdg", key)

    def government(self, state_key: str) -> URIRef:
        return self._iri("government", state_key)

    # documents and their parts
    def resolution(self, symbol: str) -> URIRef:
        return self._iri("resolution", symbol_segment(symbol))

    def document(self, doc_id: str) -> URIRef:
        """A document by its identifier or symbol ("A/C.3/80/L.50" and "A-C.3-80-L.50" give one IRI)."""
        return self._iri("document", symbol_segment(doc_id))

    def section(self, doc_id: str, key: str) -> URIRef:
        return URIRef(f"{self.document(doc_id)}#sec-{symbol_segment(key)}")

    def paragraph(self, doc_id: str, key: str) -> URIRef:
        return URIRef(f"{self.document(doc_id)}#para-{symbol_segment(key)}")

    def graph(self, doc_id: str) -> URIRef:
        return self._iri("graph", doc_id)

    # things named in documents
    def named(self, kind: str, name: str) -> URIRef:
        """Initiatives, events, publications, people, roles: by kind and name."""
        return self._iri(kind, slug(name))

    def assertion(self, doc_id: str, kind: str, *parts: str) -> URIRef:
        """A qualified relation: stable from its document, kind and identifying parts."""
        digest = hashlib.sha1("\x1f".join(parts).encode()).hexdigest()[:12]
        return self._iri("assertion", doc_id, f"{kind}-{digest}")

    def rule(self, rule_id: str) -> URIRef:
        return self._iri("rule", rule_id)

    def dataset(self) -> URIRef:
        return self._iri("dataset")

    # the published site (tipkg.linkeddata): downloads, pages and services beside the resources
    def dump(self, filename: str) -> URIRef:
        """A download of the whole graph, as VoID and DCAT list it: dumps/tipkg.ttl."""
        return self._iri("dumps", filename)

    def site(self, *segments: str) -> URIRef:
        """A page, file or service of the site: "index.html", "sparql", ".well-known/void"."""
        return self._iri(*segments)


ENTITY_IRI = {
    "state": Iris.state, "organization": Iris.organization, "body": Iris.organization,
    "mechanism": Iris.organization, "instrument": Iris.instrument, "group": Iris.group,
    "place": Iris.place, "sdg-target": Iris.sdg, "sdg-goal": Iris.sdg, "government": Iris.government,
    "resolution": Iris.resolution, "document": Iris.document,
}


def entity_iri(iris: Iris, kind: str, key: str) -> URIRef:
    build = ENTITY_IRI.get(kind)
    return build(iris, key) if build else iris.named(kind, key)
