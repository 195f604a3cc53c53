"""The `tipkg` command: a thin shell over the stages of the flow. It parses arguments, calls one
function and prints what came back."""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from tipkg import __version__

FORMATS = ("table", "csv", "json")


def _params(pairs: list[str]) -> dict[str, str]:
    out = {}
    for pair in pairs or []:
        if "=" not in pair:
            raise SystemExit(f"tipkg: error: --param takes key=value, got {pair!r}")
        key, value = pair.split("=", 1)
        out[key.strip()] = value.strip()
    return out


def cmd_build(args) -> int:
    from tipkg.build import DEFAULT_DOCUMENTS

    args.documents = args.documents or [str(DEFAULT_DOCUMENTS)]
    from concurrent.futures.process import BrokenProcessPool

    from tipkg.build import BuildError, build
    from tipkg.validate import ValidationFailure

    interactive = sys.stderr.isatty()

    def progress(i: int, n: int, result) -> None:
        if result.status != "built":
            print(f"\r  {'not valid' if result.status == 'invalid' else 'skipped'} {result.path.name}: {result.reason}",
                  file=sys.stderr)
        if interactive:
            print(f"\r[{i}/{n}] {result.path.name[:60]:60}", end="", file=sys.stderr, flush=True)
        elif n >= 20 and (i % max(1, n // 10) == 0 or i == n):
            print(f"[{i}/{n}] documents processed", file=sys.stderr, flush=True)

    try:
        report = build([Path(d) for d in args.documents], Path(args.store) if args.store else None, base_iri=args.base_iri,
                       strict=args.strict, jobs=args.jobs, cluster=args.cluster,
                       cache=Path(args.cache) if args.cache else None, progress=progress)
    except (BuildError, ValidationFailure, OSError, BrokenProcessPool) as e:
        if interactive:
            print(file=sys.stderr)
        message = str(e)
        if isinstance(e, OSError) and e.filename:  # the store cannot be written: a file in its place, no permission
            message = f"{e.strerror}: {e.filename}"
        elif isinstance(e, BrokenProcessPool):
            message = "a worker process died (killed, or out of memory)"
        print(f"tipkg: build failed: {message}\nThe previous graph, if any, is unchanged.", file=sys.stderr)
        return 1
    if interactive:
        print("\r" + " " * 72 + "\r", end="", file=sys.stderr)
    built = report.built
    print(f"Built {len(built)} document{'s' if len(built) != 1 else ''} from {', '.join(args.documents)} "
          f"in {report.seconds['total']:.1f} s into {report.store}")
    for d in built[:20]:
        print(f"  {d.document_id:28} {d.kind or '':16} {d.paragraphs:5} paragraphs {d.mentions:5} mentions "
              f"{d.assertions:4} assertions")
    if len(built) > 20:
        print(f"  ... and {len(built) - 20} more")
    for d in built:
        for w in d.warnings:
            print(f"  warning: {d.path.name}: {w}")
    if report.skipped:
        print(f"Skipped {len(report.skipped)}:")
        for d in report.skipped:
            print(f"  {d.path.name}: {d.reason}")
    by_name = [d for d in built if d.symbol_source == "file name"]
    unnamed = [d for d in built if not d.symbol]
    if by_name:
        print(f"{len(by_name)} document{'s' if len(by_name) != 1 else ''} print no symbol: named by their file "
              f"(e.g. {by_name[0].path.name} as {by_name[0].symbol})")
    if unnamed:
        print(f"Not identified (no symbol in the text or the file name; named by the file): {len(unnamed)}")
        for d in unnamed[:10]:
            print(f"  {d.path.name}: {d.kind}, {d.title or 'no title'}")
        if len(unnamed) > 10:
            print(f"  ... and {len(unnamed) - 10} more (reports/build.json lists them)")
    if report.quarantined:
        print(f"Quarantined {len(report.quarantined)} (failed validation, left out of the graph; "
              f"violations in {report.quarantine}):")
        for d in report.quarantined:
            first = d.violations[0] if d.violations else {}
            where = f", paragraph {first['paragraph']}" if first.get("paragraph") else ""
            print(f"  {d.path.name}: {d.reason}{where}: {first.get('message', '')}")
    cached = sum(d.cached for d in built)
    if cached:
        print(f"{cached} document{'s' if cached != 1 else ''} unchanged since the last build were taken from the cache")
    print(f"{report.triples} triples; dumps in {report.data / 'dumps'}")
    if report.warnings:
        print(f"SHACL: conforms, with {len(report.warnings)} warning{'s' if len(report.warnings) != 1 else ''} "
              f"(see {report.data / 'reports' / 'validation.json'})")
    else:
        print("SHACL: conforms")
    answered = [x for x in report.listings if x.error is None]
    if report.kept:
        print(f"No graph changed: the graph, its dumps, VoID and {len(answered)} answered listings were kept as they were")
    elif answered:
        print(f"Answered {len(answered)} canned listings ({sum(x.rows for x in answered)} rows) in "
              f"{report.seconds.get('answers', 0):.1f} s: `tipkg query NAME` reads them back")
    for x in report.listings:
        if x.error:
            print(f"  warning: canned query {x.name} was not answered: {x.error}")
    return 0


def cmd_stats(args) -> int:
    from tipkg.stats import graph_stats
    from tipkg.store import StoreError, open_store

    try:
        s = graph_stats(open_store(Path(args.store)))
    except StoreError as e:
        print(f"tipkg: {e}", file=sys.stderr)
        return 1
    print(f"documents   {s.documents}\nparagraphs  {s.paragraphs}\ntriples     {s.triples}\nnamed graphs {s.graphs}")
    print("entities by class:")
    for cls, n in s.entities.items():
        print(f"  {cls:24} {n}")
    if s.assertions:
        print("assertions by kind:")
        for cls, n in s.assertions.items():
            print(f"  {cls:24} {n}")
    return 0


def cmd_validate(args) -> int:
    from tipkg.store import StoreError, current_data
    from tipkg.validate import validate_store, write_reports

    try:
        data = current_data(Path(args.store))
    except StoreError as e:
        print(f"tipkg: {e}", file=sys.stderr)
        return 1
    findings, reports = validate_store(data / "oxigraph", jobs=args.jobs)
    saved = write_reports(findings, reports, Path(args.store) / "reports")
    violations = [f for f in findings if f.severity == "Violation"]
    for f in violations + [f for f in findings if f.severity != "Violation"][:args.show]:
        print(f.line())
    hidden = len(findings) - len(violations) - min(args.show, len(findings) - len(violations))
    if hidden > 0:
        print(f"... and {hidden} more warnings")
    quarantined = _quarantined(data)
    if quarantined:
        print(f"{len(quarantined)} document{'s' if len(quarantined) != 1 else ''} left out of the graph by the "
              f"build (failed validation; {data / 'reports' / 'quarantine.json'}):")
        for document, lines in quarantined.items():
            print(f"  {document}: {len(lines)} violation{'s' if len(lines) != 1 else ''}, first: {lines[0]}")
    verdict = "conforms" if not violations else "does not conform"
    print(f"The graph in {args.store} {verdict}: {len(violations)} violations, "
          f"{len(findings) - len(violations)} warnings. Report: {saved}" + (" and validation.ttl" if reports else ""))
    return 1 if violations else 0


def cmd_audit(args) -> int:
    from tipkg.audit import precision_table, score_sheet, write_sheet
    from tipkg.store import StoreError

    if args.score:
        sheet = Path(args.score)
        if not sheet.is_file():
            print(f"tipkg: no audit sheet {sheet}", file=sys.stderr)
            return 1
        verdicts = score_sheet(sheet)
        print(precision_table(verdicts))
        unjudged = sum(v.unjudged for v in verdicts)
        if unjudged:
            print(f"\n{unjudged} rows have no verdict yet (correct, partly or wrong)")
        for v in verdicts:
            for note in v.notes:
                print(f"  {v.listing}: {note}")
        return 0
    out = Path(args.out or f"benchmarks/audit/sheet-seed{args.seed}.md")
    try:
        write_sheet(Path(args.store), out, per_listing=args.rows, seed=args.seed)
    except StoreError as e:
        print(f"tipkg: {e}", file=sys.stderr)
        return 1
    print(f"Wrote the audit sheet {out}: fill in each verdict, then `tipkg audit --score {out}`")
    return 0


def _quarantined(data: Path) -> dict[str, list[str]]:
    """The documents the build of data quarantined, each with its violations as lines."""
    from tipkg.validate import Finding

    path = data / "reports" / "quarantine.json"
    if not path.exists():
        return {}
    out: dict[str, list[str]] = {}
    for result in json.loads(path.read_text()).get("results", []):
        finding = Finding(**result)
        if finding.severity == "Violation":
            out.setdefault(finding.document or "graph", []).append(finding.line())
    return out


def cmd_query(args) -> int:
    from tipkg.queries import QueryError, answer, catalogue, format_rows, get_query
    from tipkg.store import StoreError

    if args.name == "list":
        for q in catalogue().values():
            params = ", ".join(p.name + ("" if p.required else "?") for p in q.parameters)
            print(f"{q.name:24} {q.question}" + (f"  [params: {params}]" if params else ""))
        return 0
    try:
        query = get_query(args.name)
        params = _params(args.param)
        if args.endpoint:
            from tipkg.remote import run_on_endpoint

            rows = run_on_endpoint(args.endpoint, query, params)
        else:
            rows = answer(Path(args.store), query, params)
    except (QueryError, StoreError) as e:
        print(f"tipkg: {e}", file=sys.stderr)
        return 1
    if not rows and params and not args.endpoint:
        unknown = _unknown_names(Path(args.store), query, params)
        if unknown:
            print(f"tipkg: {unknown}", file=sys.stderr)
            return 1
    out = format_rows(rows, query.columns, args.format)
    print(out, end="" if out.endswith("\n") else "\n")  # CSV ends its last record itself: no blank record after
    return 0


def _unknown_names(store: Path, query, params: dict[str, str]) -> str | None:
    """Why a query with parameters found nothing, when a parameter names nothing in the graph: the names that
    come closest, so that "UNDOC" leads to UNODC instead of an empty table."""
    import difflib

    import pyoxigraph as ox

    from tipkg.graph import lookup_key
    from tipkg.store import ENTITIES_GRAPH, CurrentGraph

    db = CurrentGraph(store).store()
    names = None
    for name, value in params.items():
        if not value or _is_named(db, ENTITIES_GRAPH, lookup_key(value)):
            continue
        if names is None:  # the labels and lookup keys of the entities graph
            names = sorted({str(q.object.value) for p in ("http://www.w3.org/2000/01/rdf-schema#label",
                                                          "http://www.w3.org/2004/02/skos/core#hiddenLabel")
                            for q in db.quads_for_pattern(None, ox.NamedNode(p), None, ox.NamedNode(ENTITIES_GRAPH))})
        close = difflib.get_close_matches(lookup_key(value), names, n=5, cutoff=0.6)
        hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
        return f"query {query.name}: nothing in the graph is named {value!r} ({name}){hint}"
    return None


def _is_named(db, graph: str, key: str) -> bool:
    import pyoxigraph as ox

    return any(True for _ in db.quads_for_pattern(None, ox.NamedNode("http://www.w3.org/2004/02/skos/core#hiddenLabel"),
                                                  ox.Literal(key), ox.NamedNode(graph)))


def cmd_serve(args) -> int:
    from tipkg.serve import ServerConfig, serve
    from tipkg.store import StoreError

    config = ServerConfig(store=Path(args.store), host=args.host, port=args.port, timeout_s=args.timeout,
                          max_results=args.max_results, max_body_bytes=args.max_body,
                          max_query_bytes=args.max_query, max_memory_mb=args.max_memory, per_client=args.per_client,
                          **({"base_iri": args.base_iri} if args.base_iri else {}),
                          **({"workers": args.workers} if args.workers else {}))
    try:
        serve(config)
    except StoreError as e:
        print(f"tipkg: {e}", file=sys.stderr)
        return 1
    return 0


def cmd_push(args) -> int:
    import os

    from tipkg.engines import PushError, push
    from tipkg.store import StoreError

    password = os.environ.get(args.password_env) if args.user else None
    if args.user and password is None:
        print(f"tipkg: --user {args.user} needs the password in ${args.password_env}", file=sys.stderr)
        return 1
    try:
        report = push(Path(args.store), args.endpoint, engine=args.engine, graph_store=args.graph_store,
                      user=args.user, password=password)
    except (PushError, StoreError) as e:
        print(f"tipkg: push failed: {e}", file=sys.stderr)
        return 1
    print(f"Pushed {len(report.graphs)} graph{'s' if len(report.graphs) != 1 else ''} ({report.triples} triples) "
          f"to {report.engine} at {report.graph_store} in {report.seconds:.1f} s")
    if report.removed:
        print(f"Removed {len(report.removed)} graph{'s' if len(report.removed) != 1 else ''} of documents no longer "
              f"built: {', '.join(report.removed[:5])}{' ...' if len(report.removed) > 5 else ''}")
    print(f"Query it with: tipkg query NAME --endpoint {args.endpoint}")
    return 0


def cmd_publish(args) -> int:
    from tipkg.linkeddata.publish import PublishError, publish
    from tipkg.store import StoreError

    try:
        report = publish(Path(args.store), Path(args.out), base_iri=args.base_iri, sparql_endpoint=args.sparql_endpoint)
    except (PublishError, StoreError, OSError) as e:
        print(f"tipkg: publish failed: {e}", file=sys.stderr)
        return 1
    print(f"Published {report.resources} resources ({report.files} files) under {report.base} "
          f"into {report.out} in {report.seconds:.1f} s")
    print("Dumps: " + ", ".join(f"dumps/{d.filename}" for d in report.dumps) + "; dataset description: void.ttl")
    print(f"Serve it with content negotiation: {report.out / 'nginx.conf'} (nginx) or {report.out / '.htaccess'} "
          "(Apache); see docs/linked-data.md")
    return 0


EXPORT_FORMATS = ("graphml", "gexf", "cytoscape", "dot", "csv", "html", "svg")
NETWORK_KINDS = ("state", "organization", "body", "initiative", "resolution", "event", "publication", "instrument",
                 "document", "group", "person", "place", "sdg")
NETWORK_RELATIONS = ("chairs", "holdsRoleIn", "memberOf", "ratified", "adopted", "asks", "recalls", "partnerOf",
                     "partnerIn", "ledBy", "operatesIn", "organizedBy", "heldIn", "publishedBy", "conductedBy",
                     "worksOn")


def _network_selection(args):
    from tipkg.network import Selection

    return Selection.from_options(kinds=args.kinds, documents=args.document, years=args.years, entity=args.entity,
                                  depth=args.depth, relations=args.relations, min_weight=args.min_weight)


def cmd_export(args) -> int:
    from tipkg.export import ExportError, export
    from tipkg.network import NetworkError, project
    from tipkg.store import StoreError, open_store

    try:
        store = open_store(Path(args.store))
        graph = project(store, _network_selection(args))
        if args.format == "html":  # the explorer shows each resolution's timeline (asks -> answers) in its details
            from tipkg.linkeddata.timeline import explorer_timelines
            from tipkg.store import current_data
            graph.graph["timelines"] = explorer_timelines(
                store, current_data(Path(args.store)),
                {n: d.get("iri", n) for n, d in graph.nodes(data=True) if d.get("kind") == "resolution"})
        result = export(graph, args.format, Path(args.out), **({"title": args.title} if args.title else {}))
    except (NetworkError, ExportError, StoreError, OSError) as e:
        print(f"tipkg: {e}", file=sys.stderr)
        return 1
    print(f"Wrote {result.nodes} nodes and {result.edges} relations as {args.format} to "
          f"{', '.join(str(p) for p in result.paths)}")
    return 0


def cmd_network(args) -> int:
    import json

    from tipkg.network import NetworkError, analyse, project, report_json, report_tables
    from tipkg.store import StoreError, open_store

    try:
        graph = project(open_store(Path(args.store)), _network_selection(args))
    except (NetworkError, StoreError) as e:
        print(f"tipkg: {e}", file=sys.stderr)
        return 1
    report = analyse(graph)
    if args.format == "json":
        print(json.dumps(report_json(graph, report, args.top), ensure_ascii=False, indent=1))
    else:
        print(report_tables(graph, report, args.top), end="")
    return 0


def _network_filters(p: argparse.ArgumentParser) -> None:
    """The options that select a part of the network, shared by `export` and `network`. The names are spelled
    out rather than imported, so that every command starts without loading networkx (a test keeps them equal)."""
    from tipkg.store import DEFAULT_STORE

    p.add_argument("--store", default=str(DEFAULT_STORE))
    p.add_argument("--kinds", help="node kinds, comma-separated, or `all` (default: state, organization, body, "
                   f"initiative, resolution, event, publication; all: {', '.join(NETWORK_KINDS)})")
    p.add_argument("--document", action="append", metavar="SYMBOL",
                   help="only what these documents say: symbol, identifier or file name (repeatable)")
    p.add_argument("--years", metavar="FROM-TO", help="only relations with evidence from these years: 2015-2020, "
                   "2018, 2015- or -2020")
    p.add_argument("--entity", help="only the neighbourhood of this node: label, acronym or IRI")
    p.add_argument("--depth", type=int, default=1, help="steps from --entity (default: %(default)s)")
    p.add_argument("--relations", help=f"relation types, comma-separated (of: {', '.join(NETWORK_RELATIONS)})")
    p.add_argument("--min-weight", type=int, default=1, metavar="N",
                   help="only relations supported by at least N paragraphs (default: %(default)s)")


def parser() -> argparse.ArgumentParser:
    from tipkg.build import DEFAULT_DOCUMENTS
    from tipkg.store import DEFAULT_STORE

    ap = argparse.ArgumentParser(prog="tipkg", description="A knowledge graph of coordination against trafficking "
                                 "in persons, read from UN documents.")
    ap.add_argument("--version", action="version", version=f"tipkg {__version__}")
    sub = ap.add_subparsers(dest="command", required=True)

    b = sub.add_parser("build", help="read the documents, extract, validate and write the graph store")
    b.add_argument("--documents", action="append", metavar="DIR",
                   help=f"a folder of documents, read with the folders below it; repeat it to build several corpora "
                        f"into one graph (default: {DEFAULT_DOCUMENTS})")
    b.add_argument("--store", default=str(DEFAULT_STORE), help="store folder (default: %(default)s)")
    b.add_argument("--base-iri", help="base IRI of the data (default: $TIPKG_BASE_IRI or https://w3id.org/tipkg/)")
    b.add_argument("--strict", action="store_true",
                   help="fail the build when any document cannot be read or fails validation (by default such a "
                        "document is skipped or quarantined, named in the report, and the rest is built)")
    b.add_argument("--jobs", type=int, help="worker processes (default: the number of cores)")
    b.add_argument("--cluster", metavar="ADDRESS", default=os.environ.get("TIPKG_CLUSTER") or None,
                   help="run the per-document stages on the Dask cluster whose scheduler is at ADDRESS "
                        "(tcp://HOST:PORT; default: $TIPKG_CLUSTER; needs pip install 'tipkg[cluster]'); "
                        "the documents and the cache must be on a filesystem its workers share")
    b.add_argument("--cache", metavar="DIR",
                   help="folder of the per-document graphs (default: STORE/cache); with --cluster, a folder "
                        "every worker sees at the same path")
    b.set_defaults(func=cmd_build)

    s = sub.add_parser("stats", help="what the graph holds")
    s.add_argument("--store", default=str(DEFAULT_STORE))
    s.set_defaults(func=cmd_stats)

    v = sub.add_parser("validate", help="check the built graph against the SHACL shapes (ontology/shapes.ttl)")
    v.add_argument("--store", default=str(DEFAULT_STORE))
    v.add_argument("--jobs", type=int, help="worker processes (default: the number of cores)")
    v.add_argument("--show", type=int, default=20, help="how many warnings to print (default: %(default)s)")
    v.set_defaults(func=cmd_validate)

    a = sub.add_parser("audit", help="draw a seeded sample of every listing's rows with their paragraphs, to judge "
                                     "by reading; or score a judged sheet (--score)")
    a.add_argument("--store", default=str(DEFAULT_STORE))
    a.add_argument("--rows", type=int, default=25, help="rows drawn per listing (default: %(default)s)")
    a.add_argument("--seed", type=int, default=20261207, help="seed of the draw, written in the sheet (default: %(default)s)")
    a.add_argument("--out", help="the sheet to write (default: benchmarks/audit/sheet-seedSEED.md)")
    a.add_argument("--score", metavar="SHEET", help="read a judged sheet and print precision per listing")
    a.set_defaults(func=cmd_audit)

    q = sub.add_parser("query", help="run a canned query (`tipkg query list` shows them)")
    q.add_argument("name", help="the query's name, or `list`")
    q.add_argument("--store", default=str(DEFAULT_STORE))
    q.add_argument("--endpoint", help="run against a SPARQL 1.1 endpoint URL instead of the embedded store")
    q.add_argument("--param", action="append", metavar="KEY=VALUE", help="a query parameter (repeatable)")
    q.add_argument("--format", choices=FORMATS, default="table")
    q.set_defaults(func=cmd_query)

    v = sub.add_parser("serve", help="serve the graph: SPARQL endpoint, canned queries and a query page")
    v.add_argument("--store", default=str(DEFAULT_STORE))
    v.add_argument("--host", default="127.0.0.1", help="address to listen on (default: %(default)s)")
    v.add_argument("--port", type=int, default=7878, help="port (default: %(default)s)")
    v.add_argument("--timeout", type=float, default=30.0, help="seconds a query may run (default: %(default)s)")
    v.add_argument("--max-results", type=int, default=100_000,
                   help="most solutions or triples a query may return (default: %(default)s)")
    v.add_argument("--max-body", type=int, default=1_000_000, help="largest request body in bytes (default: %(default)s)")
    v.add_argument("--workers", type=int, help="query worker processes (default: the number of cores, at most 4)")
    v.add_argument("--max-query", type=int, default=100_000,
                   help="longest query text in bytes, checked before it is read (default: %(default)s)")
    v.add_argument("--max-memory", type=int, metavar="MB",
                   help="memory (RSS) a query's worker may reach before the query is ended with 503 (default: four "
                        "times the store, at least 1024, at most the worker's share of 60%% of the host's memory)")
    v.add_argument("--per-client", type=int,
                   help="queries one client address may run at once; the rest wait (default: half the workers)")
    v.add_argument("--base-iri", help="base IRI of the data (default: $TIPKG_BASE_IRI or https://w3id.org/tipkg/)")
    v.set_defaults(func=cmd_serve)

    p = sub.add_parser("push", help="load the built graph into a SPARQL store (Graph Store Protocol), "
                       "one named graph per document")
    p.add_argument("--endpoint", required=True, help="the store's SPARQL query endpoint URL")
    p.add_argument("--store", default=str(DEFAULT_STORE))
    p.add_argument("--engine", choices=("auto", "generic", "oxigraph", "virtuoso"), default="auto",
                   help="the store's engine (default: recognised from the endpoint's answer)")
    p.add_argument("--graph-store", help="the Graph Store Protocol URL, when it is not the engine's usual one")
    p.add_argument("--user", help="user name for the store (the password is read from --password-env)")
    p.add_argument("--password-env", default="TIPKG_ENDPOINT_PASSWORD", metavar="VAR",
                   help="environment variable holding the password (default: %(default)s)")
    p.set_defaults(func=cmd_push)

    pb = sub.add_parser("publish", help="write the graph as a static linked-data site (pages, Turtle, JSON-LD, "
                        "dumps, VoID, sitemap, server configuration)")
    pb.add_argument("--out", required=True, help="folder to write the site into (replaced whole if tipkg wrote it)")
    pb.add_argument("--store", default=str(DEFAULT_STORE))
    pb.add_argument("--base-iri", help="base IRI the graph was built with (default: $TIPKG_BASE_IRI or "
                    "https://w3id.org/tipkg/)")
    pb.add_argument("--sparql-endpoint", metavar="URL", help="a SPARQL endpoint serving the graph, for VoID and DCAT")
    pb.set_defaults(func=cmd_publish)

    x = sub.add_parser("export", help="write the coordination network for Gephi, yEd, Cytoscape, Graphviz, a "
                       "spreadsheet, a browser (an offline HTML explorer) or a report (SVG)")
    x.add_argument("--format", choices=EXPORT_FORMATS, required=True)
    x.add_argument("--out", required=True, help="the file to write (csv: NAME.csv gives NAME-nodes.csv and "
                   "NAME-edges.csv; a folder gives nodes.csv and edges.csv in it)")
    x.add_argument("--title", help="title of the HTML explorer and the picture")
    _network_filters(x)
    x.set_defaults(func=cmd_export)

    n = sub.add_parser("network", help="who sits at the centre of the coordination, the communities and the "
                       "bridges between them")
    n.add_argument("--top", type=int, default=10, help="rows per table (default: %(default)s)")
    n.add_argument("--format", choices=("table", "json"), default="table")
    _network_filters(n)
    n.set_defaults(func=cmd_network)
    return ap


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        code = args.func(args)
        sys.stdout.flush()  # here, where a closed pipe can be caught, not at the interpreter's exit
        return code
    except KeyboardInterrupt:
        # a build swaps its graph in only at its very end, so an interrupted one leaves the previous graph whole
        print("\ntipkg: interrupted" + ("; the previous graph, if any, is unchanged." if args.func is cmd_build else "."),
              file=sys.stderr)
        return 130
    except BrokenPipeError:
        # the reader of our output went away (`tipkg build | head`): nothing more to say, and nothing to flush
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141


if __name__ == "__main__":
    raise SystemExit(main())
