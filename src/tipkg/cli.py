"""The `tipkg` command: a thin shell over the stages of the flow. It parses arguments, calls one
function and prints what came back."""
from __future__ import annotations

import argparse
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
    from tipkg.build import BuildError, build
    from tipkg.validate import ValidationFailure

    interactive = sys.stderr.isatty()

    def progress(i: int, n: int, result) -> None:
        if result.status != "built":
            print(f"\r  skipped {result.path.name}: {result.reason}", file=sys.stderr)
        if interactive:
            print(f"\r[{i}/{n}] {result.path.name[:60]:60}", end="", file=sys.stderr, flush=True)
        elif n >= 20 and (i % max(1, n // 10) == 0 or i == n):
            print(f"[{i}/{n}] documents processed", file=sys.stderr, flush=True)

    try:
        report = build(Path(args.documents), Path(args.store) if args.store else None, base_iri=args.base_iri,
                       strict=args.strict, jobs=args.jobs, progress=progress)
    except (BuildError, ValidationFailure) as e:
        if interactive:
            print(file=sys.stderr)
        print(f"tipkg: build failed: {e}\nThe previous graph, if any, is unchanged.", file=sys.stderr)
        return 1
    if interactive:
        print("\r" + " " * 72 + "\r", end="", file=sys.stderr)
    built = report.built
    print(f"Built {len(built)} document{'s' if len(built) != 1 else ''} from {args.documents} "
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
    cached = sum(d.cached for d in built)
    if cached:
        print(f"{cached} document{'s' if cached != 1 else ''} unchanged since the last build were taken from the cache")
    print(f"{report.triples} triples; dumps in {report.data / 'dumps'}")
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


def cmd_query(args) -> int:
    from tipkg.queries import QueryError, catalogue, format_rows, get_query, run_on_store
    from tipkg.store import StoreError, open_store

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
            rows = run_on_store(open_store(Path(args.store)), query, params)
    except (QueryError, StoreError) as e:
        print(f"tipkg: {e}", file=sys.stderr)
        return 1
    out = format_rows(rows, query.columns, args.format)
    print(out, end="" if out.endswith("\n") else "\n")  # CSV ends its last record itself: no blank record after
    return 0


def parser() -> argparse.ArgumentParser:
    from tipkg.build import DEFAULT_DOCUMENTS
    from tipkg.store import DEFAULT_STORE

    ap = argparse.ArgumentParser(prog="tipkg", description="A knowledge graph of coordination against trafficking "
                                 "in persons, read from UN documents.")
    ap.add_argument("--version", action="version", version=f"tipkg {__version__}")
    sub = ap.add_subparsers(dest="command", required=True)

    b = sub.add_parser("build", help="read the documents, extract, validate and write the graph store")
    b.add_argument("--documents", default=str(DEFAULT_DOCUMENTS), help="folder of documents (default: %(default)s)")
    b.add_argument("--store", default=str(DEFAULT_STORE), help="store folder (default: %(default)s)")
    b.add_argument("--base-iri", help="base IRI of the data (default: $TIPKG_BASE_IRI or https://w3id.org/tipkg/)")
    b.add_argument("--strict", action="store_true", help="fail the build when any document cannot be read")
    b.add_argument("--jobs", type=int, help="worker processes (default: the number of cores)")
    b.set_defaults(func=cmd_build)

    s = sub.add_parser("stats", help="what the graph holds")
    s.add_argument("--store", default=str(DEFAULT_STORE))
    s.set_defaults(func=cmd_stats)

    q = sub.add_parser("query", help="run a canned query (`tipkg query list` shows them)")
    q.add_argument("name", help="the query's name, or `list`")
    q.add_argument("--store", default=str(DEFAULT_STORE))
    q.add_argument("--endpoint", help="run against a SPARQL 1.1 endpoint URL instead of the embedded store")
    q.add_argument("--param", action="append", metavar="KEY=VALUE", help="a query parameter (repeatable)")
    q.add_argument("--format", choices=FORMATS, default="table")
    q.set_defaults(func=cmd_query)
    return ap


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    raise SystemExit(main())
