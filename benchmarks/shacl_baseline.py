"""The baseline of validation: pySHACL over the whole graph in one call (the union of every document graph in
one rdflib Graph, with the ontology's rdfs:subClassOf triples beside it, as the project's own validation has
them; shacl_graph = ontology/shapes.ttl as it stands, SHACL-SPARQL constraints included), against the project's
strategy: each document's graph validated on its own, in the worker that built it (the sum of the per-document
`validate` seconds of the build). Only the pySHACL call is timed, not the parsing of the data.

As a child process (stopped by the harness at its time limit):
    python benchmarks/shacl_baseline.py STORE RESULT.json

The engines of the per-document gate side by side (issue 20; figures in benchmarks/SHACL.md):
    python benchmarks/shacl_baseline.py --engines [--documents 100] [--rounds 2]
builds the graphs of every 11th General Assembly text of ../shared/corpus/unga (not timed), then validates each
with pySHACL, pyshacl-turbo (both as the build runs them: SHACL Core, the SHACL-SPARQL rules by Oxigraph, the
findings) and SHACL Core compiled to SPARQL (one query per constraint, run by Oxigraph: no report, no
messages, so a lower bound of that option), back to back, in rounds; the CPU seconds of this process per document.
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from processes import run_measured

HERE = Path(__file__).resolve().parent
ONTOLOGY = HERE.parent / "ontology"


def project_validation(tipkg: Path, store: Path, limit_s: float) -> dict:
    """The project's strategy on the same store, as `tipkg validate` runs it (each document graph on its own,
    then the cross-document rules on the union): in one process (--jobs 1, comparable with the one pySHACL
    call) and over the cores."""
    out = {}
    for name, jobs in (("jobs_1", ["--jobs", "1"]), ("parallel", [])):
        run = run_measured([str(tipkg), "validate", "--store", str(store), *jobs], timeout_s=limit_s)
        out[name] = run.summary() | {"ok": run.ok}
    return out


def whole_graph_validation(store: Path, scratch: Path, limit_s: float) -> dict:
    """Runs the baseline in a child process, stopped after limit_s."""
    result_file = scratch / "shacl-result.json"
    result_file.unlink(missing_ok=True)
    run = run_measured([sys.executable, str(Path(__file__).resolve()), str(store), str(result_file)],
                       timeout_s=limit_s)
    result = json.loads(result_file.read_text()) if result_file.exists() else {}
    result.update(process=run.summary(), limit_s=limit_s, timed_out=run.timed_out)
    if not run.ok and not run.timed_out:
        result["error"] = (run.stderr.strip().splitlines() or ["failed"])[-1][:300]
    return result


def main(store: str, result_file: str) -> int:
    import pyshacl
    import rdflib
    from rdflib.namespace import RDFS, SH

    from tipkg.store import current_data

    out: dict = {"pyshacl": pyshacl.__version__}

    def save() -> None:  # written at each step, so that a run stopped at its limit still says how far it got
        Path(result_file).write_text(json.dumps(out, indent=1))

    started = time.perf_counter()
    dataset = rdflib.Dataset()
    dataset.parse(current_data(Path(store)) / "dumps" / "tipkg.nq", format="nquads")
    data = rdflib.Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        data.add((s, p, o))
    del dataset
    ontology = rdflib.Graph().parse(ONTOLOGY / "tipkg.ttl")
    for s, o in ontology.subject_objects(RDFS.subClassOf):
        if isinstance(s, rdflib.URIRef) and isinstance(o, rdflib.URIRef):
            data.add((s, RDFS.subClassOf, o))
    shapes = rdflib.Graph().parse(ONTOLOGY / "shapes.ttl")
    out.update(parse_s=time.perf_counter() - started, triples=len(data),
               sparql_constraints=len(set(shapes.objects(None, SH.sparql))), started=True)
    save()
    started = time.perf_counter()
    conforms, report, _ = pyshacl.validate(data, shacl_graph=shapes, inplace=True, allow_warnings=True,
                                           allow_infos=True)
    out.update(validate_s=time.perf_counter() - started, conforms=bool(conforms),
               results=len(set(report.subjects(rdflib.RDF.type, SH.ValidationResult))))
    save()
    return 0


def compiled_sparql_queries(shapes_file: Path) -> list[str]:
    """SHACL Core of shapes_file compiled to SPARQL SELECTs of the focus nodes (and values) that fail, one per
    constraint, covering the components shapes.ttl uses; for timing only (no messages, no nested results)."""
    import rdflib
    from rdflib.collection import Collection
    from rdflib.namespace import SH

    from tipkg.validate import _with_subclasses

    shapes = rdflib.Graph().parse(shapes_file)

    def classes(cs) -> str:
        return " ".join(f"<{c.value}>" for c in _with_subclasses(cs))

    def fails(c) -> str | None:  # a FILTER on ?v true when ?v breaks the value constraints of c
        conds = [f"(!isLiteral(?v) || datatype(?v) != {d.n3()})" for d in shapes.objects(c, SH.datatype)]
        conds += ["!isIRI(?v)" for _ in shapes.objects(c, SH.nodeKind)]
        conds += [f"(isBlank(?v) || STRLEN(STR(?v)) < {n})" for n in shapes.objects(c, SH.minLength)]
        conds += ["(isBlank(?v) || !REGEX(STR(?v), {}))".format(rdflib.Literal(str(p)).n3())
                  for p in shapes.objects(c, SH.pattern)]
        conds += [f"!(?v >= {n.n3()})" for n in shapes.objects(c, SH.minInclusive)]
        conds += [f"!(?v <= {n.n3()})" for n in shapes.objects(c, SH.maxInclusive)]
        conds += [f"NOT EXISTS {{ VALUES ?k {{ {classes([k])} }} ?v a ?k }}" for k in shapes.objects(c, SH["class"])]
        for members in shapes.objects(c, SH["or"]):
            conds.append("(" + " && ".join(f"({f})" for f in map(fails, Collection(shapes, members)) if f) + ")")
        conds += [f"({f})" for f in map(fails, shapes.objects(c, SH.node)) if f]
        return " || ".join(conds) or None

    queries = []
    for shape in set(shapes.subjects(SH.targetClass, None)):
        target = f"VALUES ?class {{ {classes(shapes.objects(shape, SH.targetClass))} }} ?this a ?class ."
        if f := fails(shape):
            queries.append(f"SELECT ?this WHERE {{ {target} BIND(?this AS ?v) FILTER({f}) }}")
        for prop in shapes.objects(shape, SH.property):
            path = shapes.value(prop, SH.path).n3()
            queries += [f"SELECT ?this WHERE {{ {target} OPTIONAL {{ ?this {path} ?x }} }} GROUP BY ?this "
                        f"HAVING (COUNT(DISTINCT ?x) < {n})" for n in shapes.objects(prop, SH.minCount)]
            queries += [f"SELECT ?this WHERE {{ {target} ?this {path} ?x }} GROUP BY ?this HAVING (COUNT(DISTINCT ?x) > {n})"
                        for n in shapes.objects(prop, SH.maxCount)]
            if f := fails(prop):
                queries.append(f"SELECT ?this ?v WHERE {{ {target} ?this {path} ?v FILTER({f}) }}")
            queries += [f"SELECT ?this ?v WHERE {{ {target} ?this {path} ?v . ?this {q.n3()} ?w FILTER(!(?v <= ?w)) }}"
                        for q in shapes.objects(prop, SH.lessThanOrEquals)]
    return queries


def engines(documents: int = 100, rounds: int = 2) -> dict:
    import os
    import pyoxigraph as ox

    from tipkg.build import _init_worker
    from tipkg.ingest import ingest, read_document
    from tipkg.validate import MENTIONS, DocumentValidator, SHAPES_FILE

    corpus = sorted((HERE.parents[1] / "shared" / "corpus" / "unga").glob("*.txt"))[::11][:documents]
    extractor, builder = _init_worker(None)
    graphs = [(path.name, list(builder.build(extractor(ingest(path, read_document(path)))))) for path in corpus]
    validators = {name: DocumentValidator(engine=name) for name in ("pyshacl", "turbo")}
    queries = compiled_sparql_queries(SHAPES_FILE)
    hierarchy = validators["turbo"].hierarchy_quads

    def compiled_sparql(triples, _name):
        store = ox.Store()
        store.extend([ox.Quad(*t) for t in triples if t[1] != MENTIONS] + hierarchy)
        return [list(store.query(q)) for q in queries]

    arms = {"pyshacl": validators["pyshacl"].validate, "turbo": validators["turbo"].validate,
            "sparql": compiled_sparql}
    for arm in arms.values():  # warm up: imports, caches
        arm(*reversed(graphs[0]))
    cpu: dict[str, list[float]] = {name: [] for name in arms}
    wall: dict[str, list[float]] = {name: [] for name in arms}
    for _ in range(rounds):
        for name, arm in arms.items():
            c, w = time.process_time(), time.perf_counter()
            for doc, triples in graphs:
                arm(triples, doc)
            cpu[name].append((time.process_time() - c) / len(graphs))
            wall[name].append((time.perf_counter() - w) / len(graphs))
    best = {name: min(v) for name, v in cpu.items()}
    return {"documents": len(graphs), "triples": sum(len(t) for _, t in graphs), "rounds": rounds,
            "sparql_queries": len(queries), "load_average": os.getloadavg(),
            "cpu_ms_per_document": {n: [round(x * 1000, 1) for x in v] for n, v in cpu.items()},
            "wall_ms_per_document": {n: [round(x * 1000, 1) for x in v] for n, v in wall.items()},
            "cpu_ratio_to_pyshacl": {n: round(best["pyshacl"] / b, 2) for n, b in best.items()}}


if __name__ == "__main__":
    if sys.argv[1:2] == ["--engines"]:
        import argparse
        parser = argparse.ArgumentParser()
        parser.add_argument("--engines", action="store_true")
        parser.add_argument("--documents", type=int, default=100)
        parser.add_argument("--rounds", type=int, default=2)
        args = parser.parse_args()
        print(json.dumps(engines(args.documents, args.rounds), indent=1))
        raise SystemExit(0)
    raise SystemExit(main(*sys.argv[1:3]))
