"""The baseline of validation: pySHACL over the whole graph in one call (the union of every document graph in
one rdflib Graph, with the ontology's rdfs:subClassOf triples beside it, as the project's own validation has
them; shacl_graph = ontology/shapes.ttl as it stands, SHACL-SPARQL constraints included), against the project's
strategy: each document's graph validated on its own, in the worker that built it (the sum of the per-document
`validate` seconds of the build). Only the pySHACL call is timed, not the parsing of the data.

As a child process (stopped by the harness at its time limit):
    python benchmarks/shacl_baseline.py STORE RESULT.json
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


if __name__ == "__main__":
    raise SystemExit(main(*sys.argv[1:3]))
