"""The validate stage: the SHACL shapes of ontology/shapes.ttl as the gate of every build.

Each document's graph is validated on its own (beside the ontology's class hierarchy), in the worker that
built it: validation costs grow with the documents that changed, not with the whole graph. SHACL Core runs
on pyshacl-turbo (a Rust engine, shapes compiled once, on the document's Oxigraph store: 2.5x less CPU per
document than pySHACL, benchmarks/SHACL.md); TIPKG_SHACL=pyshacl selects pySHACL on rdflib's in-memory
graph, which tests/test_validate.py uses to check that both give the same findings. Rules across documents
(tipsh:Union* shapes, SHACL-SPARQL) run on the union in the Oxigraph store. A finding names the document, the paragraph, the label of the node, the path
and the message, so that a reader goes straight to the text that produced it.
"""
from __future__ import annotations

import json
import os
import re
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox
import rdflib
from pyshacl import Validator as ShaclValidator
from pyshacl.constraints import CONSTRAINT_PARAMETERS_MAP
from pyshacl.constraints.core.shape_based_constraints import PropertyConstraintComponent
from pyshacl.errors import ReportableRuntimeError
from pyshacl.graph_abstraction import DataGraph
from pyshacl.shapes_graph import ShapesGraph
from rdflib.namespace import RDF, RDFS, SH, XSD

from tipkg.iris import PREFIXES, TIP
from tipkg.store import with_descriptions

ONTOLOGY_DIR = Path(__file__).resolve().parents[2] / "ontology"
SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"
UNION_SHAPES_FILE = ONTOLOGY_DIR / "shapes-union.ttl"
SHAPES_NS = rdflib.Namespace("https://w3id.org/tipkg/shapes#")
ENGINES = ("turbo", "pyshacl")
SEVERITIES = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}


@dataclass(frozen=True)
class Finding:
    """One result of validation, in the words of the data."""
    severity: str  # Violation (stops a build), Warning or Info
    message: str
    focus: str  # the IRI of the node that fails
    label: str | None = None  # its label
    path: str | None = None  # the property, as a prefixed name
    value: str | None = None
    shape: str | None = None
    document: str | None = None  # file name or identifier of the document whose graph holds the node
    paragraph: str | None = None  # the key of the paragraph that produced the node

    def line(self) -> str:
        where = self.document or "graph"
        if self.paragraph:
            where += f", paragraph {self.paragraph}"
        what = f"{self.label!r} <{self.focus}>" if self.label else f"<{self.focus}>"
        path = f" {self.path}" if self.path else ""
        value = f" (value {self.value!r})" if self.value is not None and self.value not in self.message else ""
        return f"{where}: {self.severity}: {what}{path}: {self.message}{value}"


@dataclass
class Outcome:
    """The findings of one graph; it conforms when none is a violation."""
    findings: list[Finding] = field(default_factory=list)
    report_graph: rdflib.Graph | None = None  # the SHACL validation report

    @property
    def report(self) -> bytes:
        """The report graph as Turtle (written only for a graph that fails: serializing costs)."""
        return self.report_graph.serialize(format="turtle").encode() if self.report_graph is not None else b""

    @property
    def conforms(self) -> bool:
        return not self.violations

    @property
    def violations(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "Violation"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity != "Violation"]


class ValidationFailure(RuntimeError):
    """A build stopped by SHACL violations; the previous store is untouched."""

    def __init__(self, findings: list[Finding], reports: Path | None = None):
        self.findings = findings
        self.reports = reports
        violations = [f for f in findings if f.severity == "Violation"]
        lines = [f.line() for f in violations[:50]]
        if len(violations) > 50:
            lines.append(f"... and {len(violations) - 50} more")
        saved = f"\nThe full report is in {reports}" if reports else ""
        super().__init__(f"{len(violations)} SHACL violation{'s' if len(violations) != 1 else ''}:\n  "
                         + "\n  ".join(lines) + saved)


@lru_cache(maxsize=1)
def _class_hierarchy() -> tuple[tuple, ...]:
    """rdfs:subClassOf triples of the ontology: SHACL's sh:class and sh:targetClass follow them in the data graph."""
    ontology = rdflib.Graph().parse(ONTOLOGY_DIR / "tipkg.ttl")
    return tuple((s, RDFS.subClassOf, o) for s, o in ontology.subject_objects(RDFS.subClassOf)
                 if isinstance(s, rdflib.URIRef) and isinstance(o, rdflib.URIRef))


@dataclass(frozen=True)
class SparqlRule:
    """A SHACL-SPARQL constraint (sh:sparql) of a node shape, as a query that Oxigraph runs for every target at once.

    SHACL pre-binds $this to each target node; joining the query with the target pattern gives the same
    solutions in one query. pySHACL would re-parse the query with rdflib for every focus node (0.1 s each)."""
    shape: str
    severity: str
    message: str
    query: str
    targets: frozenset = frozenset()  # the target classes and their subclasses, as pyoxigraph nodes

    def run(self, store: ox.Store) -> list[tuple[str, str]]:
        """(focus node, message) of every solution."""
        out = []
        for solution in store.query(self.query, use_default_graph_as_union=True):
            message = self.message
            for name in re.findall(r"\{[?$](\w+)\}", message):
                term = solution[name]
                message = message.replace("{?" + name + "}", term.value if term is not None else "?")
                message = message.replace("{$" + name + "}", term.value if term is not None else "?")
            out.append((solution["this"].value, message))
        return out


def sparql_rules(shapes: rdflib.Graph, join_targets: bool = True) -> tuple[SparqlRule, ...]:
    """The sh:sparql constraints of a shapes graph. Without `join_targets`, the query alone selects its focus
    nodes (the union rules match them inside GRAPH patterns: a class-path join over millions of triples is slow)."""
    prefixes = "".join(f"PREFIX {p}: <{n}>\n" for p, n in {**PREFIXES, "sh": SH}.items())
    rules = []
    for shape in sorted(shapes.subjects(SH.sparql, None)):
        targets = " ".join(f"<{t}>" for t in shapes.objects(shape, SH.targetClass))
        for constraint in shapes.objects(shape, SH.sparql):
            select = str(shapes.value(constraint, SH.select)).replace("$this", "?this")
            head, body = select.split("WHERE {", 1)
            target = f"VALUES ?targetClass {{ {targets} }} ?this a/rdfs:subClassOf* ?targetClass ." if join_targets else ""
            rules.append(SparqlRule(_name(shape), SEVERITIES.get(shapes.value(constraint, SH.severity), "Violation"),
                                    str(shapes.value(constraint, SH.message)),
                                    f"{prefixes}{head}WHERE {{ {target}{body}",
                                    _with_subclasses(shapes.objects(shape, SH.targetClass))))
    return tuple(rules)


TYPE = ox.NamedNode(str(RDF.type))
MENTIONS = ox.NamedNode(str(TIP.mentions))


def _with_subclasses(classes) -> frozenset:
    below: dict = {}
    for s, _, o in _class_hierarchy():
        below.setdefault(o, set()).add(s)
    found, todo = set(), list(classes)
    while todo:
        c = todo.pop()
        if c not in found:
            found.add(c)
            todo += below.get(c, ())
    return frozenset(ox.NamedNode(str(c)) for c in found)


def _to_rdflib(term):
    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return rdflib.Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        return rdflib.Literal(term.value, datatype=None if datatype == str(XSD.string) else rdflib.URIRef(datatype))
    return rdflib.BNode(term.value)


class BatchedPropertyConstraint(PropertyConstraintComponent):
    """sh:property checking all the value nodes of a shape in one evaluation of the property shape.

    pySHACL evaluates a node shape's property shapes once per focus node, and rebuilds every constraint of the
    property shape each time: two thirds of a document's validation. A property shape validates each focus
    node on its own, so one evaluation over all of them gives the same results (tests/test_validate.py
    compares the two on every case)."""

    def _evaluate_property_shape(self, executor, prop_shape, target_graph, focus_value_nodes, potentially_recursive,
                                 _evaluation_path):
        shape = self.shape.get_other_shape(prop_shape)
        if potentially_recursive and shape in potentially_recursive:
            return super()._evaluate_property_shape(executor, prop_shape, target_graph, focus_value_nodes,
                                                    potentially_recursive, _evaluation_path)
        if not shape or not shape.is_property_shape:
            raise ReportableRuntimeError(f"{prop_shape} is referenced by sh:property but is not a property shape")
        values = list(dict.fromkeys(v for nodes in focus_value_nodes.values() for v in nodes))
        conforms, reports = shape.validate(executor, target_graph, focus=values, _evaluation_path=_evaluation_path[:])
        return not conforms, reports


@contextmanager
def _batched_property_shapes():
    """pySHACL with BatchedPropertyConstraint for sh:property, for the length of one validation only."""
    stock = CONSTRAINT_PARAMETERS_MAP[SH.property]
    CONSTRAINT_PARAMETERS_MAP[SH.property] = BatchedPropertyConstraint
    try:
        yield
    finally:
        CONSTRAINT_PARAMETERS_MAP[SH.property] = stock


def engine_setting() -> str:
    """The SHACL Core engine: TIPKG_SHACL=turbo (the default) or pyshacl."""
    engine = os.environ.get("TIPKG_SHACL", "turbo").strip().lower() or "turbo"
    if engine not in ENGINES:
        raise ValueError(f"TIPKG_SHACL={engine!r}: use one of {', '.join(ENGINES)}")
    return engine


class DocumentValidator:
    """Validates one document graph after another with the same compiled shapes: SHACL Core with pyshacl-turbo
    (or pySHACL), the SHACL-SPARQL constraints with Oxigraph, both on the document's triples."""

    def __init__(self, shapes: Path = SHAPES_FILE, engine: str | None = None):
        self.engine = engine or engine_setting()
        graph = rdflib.Graph().parse(shapes)
        self.sparql = sparql_rules(graph)
        graph.remove((None, SH.sparql, None))
        if self.engine == "turbo":
            import pyshacl_turbo
            self.compiled = pyshacl_turbo.compile_shapes(graph)
        else:
            self.shapes = ShapesGraph(graph)
            self.shapes.shapes  # harvest the shapes once, not per document
        self.hierarchy = _class_hierarchy()
        self.hierarchy_quads = [ox.Quad(*(ox.NamedNode(str(t)) for t in triple)) for triple in self.hierarchy]

    def validate(self, triples, document: str | None = None) -> Outcome:
        """triples: pyoxigraph triples (a graph.Quads) of one document."""
        # no shape reads the mentions of a paragraph: a tenth of the triples
        triples = [t for t in triples if t[1] != MENTIONS]
        store = ox.Store()
        store.extend([ox.Quad(s, p, o) for s, p, o in triples] + self.hierarchy_quads)
        report = self._core_turbo(store) if self.engine == "turbo" else self._core_pyshacl(triples)
        types = {o for _, p, o in triples if p == TYPE}
        for rule in self.sparql:
            if types & rule.targets:  # most documents hold no chairing, ratification, event or resolution node
                for focus, message in rule.run(store):
                    _add_result(report, rule, rdflib.URIRef(focus), message)
        return Outcome(findings(report, store, document), report)

    def _core_turbo(self, store: ox.Store) -> rdflib.Graph:
        _, report, _ = self.compiled.validate(store, allow_warnings=True, allow_infos=True)
        return report

    def _core_pyshacl(self, triples) -> rdflib.Graph:
        terms: dict = {}
        data = rdflib.Graph()
        for triple in triples:
            data.add(tuple(terms.get(t) or terms.setdefault(t, _to_rdflib(t)) for t in triple))
        for triple in self.hierarchy:
            data.add(triple)
        # pySHACL parses the shapes graph it is given; hand it the parsed one instead (the costly part)
        validator = ShaclValidator(DataGraph.from_rdflib(data), shacl_graph=rdflib.Graph(),
                                   options={"inplace": True, "allow_warnings": True, "allow_infos": True})
        validator.shacl_graph = self.shapes
        with _batched_property_shapes():
            _, report, _ = validator.run()
        return report


def _add_result(report: rdflib.Graph, rule: SparqlRule, focus, message: str) -> None:
    """A SHACL-SPARQL result in the report graph, as pySHACL would have written it."""
    result = rdflib.BNode()
    for p, o in ((RDF.type, SH.ValidationResult), (SH.focusNode, focus), (SH.resultMessage, rdflib.Literal(message)),
                 (SH.resultSeverity, getattr(SH, rule.severity)), (SH.sourceConstraintComponent, SH.SPARQLConstraintComponent),
                 (SH.sourceShape, rdflib.URIRef(str(SHAPES_NS) + rule.shape.split(":", 1)[1]))):
        report.add((result, p, o))
    reports = list(report.subjects(RDF.type, SH.ValidationReport))
    for r in reports:
        report.add((r, SH.result, result))
        if rule.severity == "Violation":
            report.set((r, SH.conforms, rdflib.Literal(False)))


@lru_cache(maxsize=2)
def document_validator(engine: str) -> DocumentValidator:
    return DocumentValidator(engine=engine)


def validate_graph(triples, document: str | None = None) -> Outcome:
    """A document's graph (pyoxigraph triples) against ontology/shapes.ttl."""
    return document_validator(engine_setting()).validate(triples, document)


def findings(report: rdflib.Graph, data: ox.Store, document: str | None) -> list[Finding]:
    """The results of a SHACL report, each with the label of its focus node and the paragraph behind it."""
    out = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        focus = report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        value = report.value(result, SH.value)
        node = _to_oxigraph(focus)
        out.append(Finding(
            severity=SEVERITIES.get(report.value(result, SH.resultSeverity), "Violation"),
            message=str(report.value(result, SH.resultMessage) or "does not conform"),
            focus=str(focus), label=_label(data, node), path=_name(path) if path is not None else None,
            value=str(value) if value is not None else None, shape=_name(report.value(result, SH.sourceShape)),
            document=document, paragraph=_paragraph(data, node)))
    return sorted(out, key=lambda f: (f.severity != "Violation", f.paragraph or "", f.focus, f.path or "", f.message))


def _to_oxigraph(term):
    if isinstance(term, rdflib.URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, rdflib.BNode):
        return ox.BlankNode(str(term))
    return None  # a literal focus node (a value checked by a nested shape) has no label or paragraph


LABEL, EVIDENCE, PARAGRAPH_KEY, ADDRESSEE = (ox.NamedNode(str(p)) for p in (
    RDFS.label, TIP.evidence, TIP.paragraphKey, TIP.addressee))


def _value(data: ox.Store, subject, predicate):
    if subject is None or isinstance(subject, ox.Literal):
        return None
    quad = next(iter(data.quads_for_pattern(subject, predicate, None)), None)
    return quad.object if quad is not None else None


def _label(data: ox.Store, node) -> str | None:
    label = _value(data, node, LABEL)
    return label.value if label is not None else None


def _paragraph(data: ox.Store, node) -> str | None:
    """The paragraph an assertion was read from, or the paragraph itself, or the one an addressee is part of."""
    if node is None:
        return None
    holder = next(iter(data.quads_for_pattern(None, ADDRESSEE, node)), None)
    for candidate in (_value(data, node, EVIDENCE), node,
                      _value(data, holder.subject, EVIDENCE) if holder is not None else None):
        if candidate is not None:
            key = _value(data, candidate, PARAGRAPH_KEY)
            if key is not None:
                return key.value
    return None


def _name(term) -> str | None:
    if term is None:
        return None
    if isinstance(term, rdflib.BNode):
        return None
    text = str(term)
    for prefix, namespace in {**PREFIXES, "tipsh": SHAPES_NS, "sh": SH}.items():
        if text.startswith(str(namespace)):
            return f"{prefix}:{text[len(str(namespace)):]}"
    return text


# --- across documents ---------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def union_rules(path: Path = UNION_SHAPES_FILE) -> tuple[SparqlRule, ...]:
    return sparql_rules(rdflib.Graph().parse(path), join_targets=False) if path.exists() else ()


def validate_union(store: ox.Store) -> list[Finding]:
    """The cross-document rules of shapes-union.ttl on the union of every graph of the store."""
    out = []
    for rule in union_rules():
        for focus, message in rule.run(store):
            label = next(iter(store.quads_for_pattern(ox.NamedNode(focus), ox.NamedNode(str(RDFS.label)), None)), None)
            out.append(Finding(rule.severity, message, focus, label=label.object.value if label else None,
                               shape=rule.shape, document="union of all documents"))
    return sorted(out, key=lambda f: (f.severity != "Violation", f.focus, f.message))


def _validate_stored_graph(args: tuple[str, str]) -> tuple[list[Finding], bytes]:
    data_dir, graph = args
    store = ox.Store.read_only(data_dir)
    triples = [(t.subject, t.predicate, t.object) for t in with_descriptions(store, graph)]
    source = next(iter(store.quads_for_pattern(None, ox.NamedNode(str(TIP.sourceFile)), None, ox.NamedNode(graph))), None)
    outcome = validate_graph(triples, source.object.value if source else graph)
    return outcome.findings, outcome.report if not outcome.conforms else b""


def validate_store(data_dir: Path, jobs: int | None = None) -> tuple[list[Finding], list[bytes]]:
    """Every document graph of a built store against the shapes, then the union: what `tipkg validate` reports."""
    store = ox.Store.read_only(str(data_dir))
    graphs = sorted(g.value for g in store.named_graphs() if "/graph/" in g.value)
    found: list[Finding] = []
    reports: list[bytes] = []
    work = [(str(data_dir), g) for g in graphs]
    if len(work) < 8 or jobs == 1:
        results = map(_validate_stored_graph, work)
    else:
        from concurrent.futures import ProcessPoolExecutor
        pool = ProcessPoolExecutor(jobs or min(os.cpu_count() or 1, 8))
        results = pool.map(_validate_stored_graph, work, chunksize=8)
    for findings_, report in results:
        found += findings_
        if report:
            reports.append(report)
    return found + validate_union(store), reports


def write_reports(findings_: list[Finding], reports: list[bytes], folder: Path, name: str = "validation") -> Path:
    """The findings as JSON and the SHACL report graphs as one Turtle file, in folder."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.json").write_text(json.dumps(
        {"conforms": not any(f.severity == "Violation" for f in findings_),
         "violations": sum(f.severity == "Violation" for f in findings_),
         "warnings": sum(f.severity != "Violation" for f in findings_),
         "results": [asdict(f) for f in findings_]}, indent=1))
    if not reports:
        return folder / f"{name}.json"
    merged = rdflib.Graph()
    for data in reports:
        if data:
            merged.parse(data=data, format="turtle")
    for prefix, namespace in PREFIXES.items():
        merged.bind(prefix, namespace)
    merged.bind("sh", SH)
    (folder / f"{name}.ttl").write_text(merged.serialize(format="turtle"))
    return folder / f"{name}.json"


__all__ = ["Finding", "Outcome", "ValidationFailure", "validate_graph", "validate_store", "validate_union", "write_reports"]
