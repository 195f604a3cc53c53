"""Writing a resource's triples in each RDF format of the negotiation table.

Turtle, N-Triples and RDF/XML come from pyoxigraph's serializers. JSON-LD is compacted by rdflib with the
project's context (ontology/context.jsonld), cut down to the terms the triples use, so each file is small,
readable ("label", "memberOf", "State") and stands on its own (no remote context to fetch).
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox
import rdflib

import tipkg
from tipkg.linkeddata.negotiate import Format
from tipkg.linkeddata.pages import CURIE_PREFIXES

# the ontology folder beside the package, as tipkg.build finds it
ONTOLOGY_DIR = Path(tipkg.__file__).resolve().parents[2] / "ontology"
CONTEXT_FILE = ONTOLOGY_DIR / "context.jsonld"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


@lru_cache(maxsize=1)
def jsonld_context() -> dict:
    """The project's JSON-LD context (its "@context" object), with the prefixes pages use added."""
    context = dict(json.loads(CONTEXT_FILE.read_text())["@context"]) if CONTEXT_FILE.exists() else {}
    for prefix, namespace in CURIE_PREFIXES.items():
        context.setdefault(prefix, namespace)
    return context


def _expand(value: str, context: dict) -> str:
    prefix, colon, local = value.partition(":")
    namespace = context.get(prefix) if colon else None
    return namespace + local if isinstance(namespace, str) and not local.startswith("//") else value


def context_for(triples: list[ox.Triple]) -> dict:
    """The context entries the triples need: every prefix, and the terms for the properties and classes used."""
    used = {t.predicate.value for t in triples} | {t.object.value for t in triples if t.predicate.value == RDF_TYPE}
    full = jsonld_context()
    out = {}
    for term, definition in full.items():
        if term.startswith("@"):
            out[term] = definition
            continue
        iri = definition if isinstance(definition, str) else definition.get("@id", "")
        if isinstance(definition, str) and definition.endswith(("#", "/")):
            out[term] = definition  # a prefix
        elif _expand(iri, full) in used:
            out[term] = definition
    return out


def _rdflib(term):
    """A pyoxigraph term as rdflib's (xsd:string literals as plain ones, as rdflib's parsers make them)."""
    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return rdflib.BNode(term.value)
    if term.language:
        return rdflib.Literal(term.value, lang=term.language)
    datatype = term.datatype.value
    return rdflib.Literal(term.value, datatype=None if datatype == XSD_STRING else rdflib.URIRef(datatype))


def rdf_bytes(triples: list[ox.Triple], fmt: Format) -> bytes:
    """The triples in an RDF format of the table (not HTML)."""
    if fmt.rdf_format == ox.RdfFormat.JSON_LD:
        graph = rdflib.Graph()
        for t in triples:
            graph.add((_rdflib(t.subject), _rdflib(t.predicate), _rdflib(t.object)))
        return graph.serialize(format="json-ld", context=context_for(triples), auto_compact=True).encode()
    if fmt.rdf_format is None:
        raise ValueError(f"{fmt.name} is not an RDF format")
    return ox.serialize(triples, format=fmt.rdf_format, prefixes=CURIE_PREFIXES)
