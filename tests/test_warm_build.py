"""A build in which nothing changed keeps the graph as it is (no dumps written again, no VoID, no answers);
one changed document is processed alone; a quarantined document is not processed again. Through `tipkg build`."""
from __future__ import annotations

import json

from conftest import copy_seeds, query_json, run_tipkg
from test_build_validation import JAPAN, QATAR, write_report


def _build(documents, store):
    result = run_tipkg("build", "--documents", documents, "--store", store)
    assert result.returncode == 0, result.stderr
    return result


def test_a_build_with_nothing_changed_keeps_the_data_folder_and_its_answers(tmp_path):
    documents, store = copy_seeds(tmp_path / "documents", "001", "004"), tmp_path / "store"
    _build(documents, store)
    data = (store / "current").resolve()
    stamps = {p.name: p.stat().st_mtime_ns for p in [data / "dumps" / "tipkg.nq", data / "dumps" / "void.ttl"]
              + sorted((data / "answers").iterdir())}
    chairs = query_json(store, "icat-chairs")

    again = _build(documents, store)
    assert "2 documents unchanged since the last build were taken from the cache" in again.stdout
    assert "No graph changed: the graph, its dumps, VoID and" in again.stdout
    assert (store / "current").resolve() == data
    assert {p.name: p.stat().st_mtime_ns for p in [data / "dumps" / "tipkg.nq", data / "dumps" / "void.ttl"]
            + sorted((data / "answers").iterdir())} == stamps
    assert query_json(store, "icat-chairs") == chairs
    report = json.loads((data / "reports" / "build.json").read_text())
    assert [d["status"] for d in report["documents"]] == ["built", "built"]

    # a new file that cannot be read changes the report, not the graph
    (documents / "broken.txt").write_bytes(b"")
    third = _build(documents, store)
    assert "broken.txt: is empty" in third.stdout and (store / "current").resolve() == data
    assert "broken.txt" in (data / "reports" / "build.json").read_text()


def test_one_changed_document_is_processed_alone_and_the_graph_follows(tmp_path):
    documents, store = copy_seeds(tmp_path / "documents", "001", "004"), tmp_path / "store"
    _build(documents, store)
    before = (store / "current").resolve()
    resolution = next(documents.glob("004_*.txt"))
    resolution.write_text(resolution.read_text().replace("Urges* Member States that", "Urges* all States that", 1))
    changed = _build(documents, store)
    assert "1 document unchanged since the last build were taken from the cache" in changed.stdout
    assert "No graph changed" not in changed.stdout
    assert (store / "current").resolve() != before
    assert any(r["addressee"] == "all States" for r in query_json(store, "resolution-asks"))


def test_a_quarantined_document_is_not_processed_again(tmp_path):
    documents, store = copy_seeds(tmp_path / "documents", "004"), tmp_path / "store"
    write_report(documents, QATAR, JAPAN)  # JAPAN dates a ratification after the report: the graph fails validation
    first = _build(documents, store)
    assert "Quarantined 1" in first.stdout
    second = _build(documents, store)
    assert "Quarantined 1" in second.stdout
    assert "1 document unchanged since the last build were taken from the cache" in second.stdout
    assert "No graph changed" in second.stdout
    report = json.loads((store / "current" / "reports" / "build.json").read_text())
    assert {d["path"].rsplit("/", 1)[-1]: (d["status"], d["cached"]) for d in report["documents"]}["A_74_999.txt"] \
        == ("invalid", True)
    assert (store / "current" / "reports" / "quarantine.json").exists()


def test_a_rebuild_updates_void_entities_and_listings_to_what_doing_them_again_gives(tmp_path):
    """A rebuild that changed a few documents updates from the previous build, instead of doing them again on the
    whole store: the VoID figures (triples, subjects, objects, entities, class and property partitions, subsets),
    the entities graph (from each line's count of documents), and the listings of scope document (from the rows of
    the documents that changed). Each must be, byte for byte, what doing it again gives, whatever the change (a
    document removed, added, replaced)."""
    import shutil

    import pyoxigraph as ox
    from conftest import SHARED
    from tipkg.linkeddata.void import serialize_void, void_triples
    from tipkg.queries import _evaluate, catalogue, stored_results
    from tipkg.store import ENTITIES_GRAPH, merge_descriptions, open_store

    # the listings whose rows each come from one document's graph (the timeline and the resolutions' lineage are in
    # the order of dates and resolutions, not of documents: the rows of the documents changed are merged into it)
    SCOPED = {"resolution-asks", "events", "publications", "timeline", "resolution-lineage"}

    def same_as_done_again():
        data, graph = (store / "current").resolve(), open_store(store)
        keys = json.loads((data / "reports" / "graphs.json").read_text()).values()
        merged = merge_descriptions([store / "cache" / f"{key}.entities.nq" for key in sorted(keys)])
        assert (data / "reports" / "entities.nq").read_bytes() == merged
        held = sorted(f"{q} .\n" for q in graph.quads_for_pattern(None, None, None, ox.NamedNode(ENTITIES_GRAPH)))
        assert "".join(held).encode() == merged
        listings = [q for q in catalogue().values() if q.scope == "document"]
        assert {q.name for q in listings} == SCOPED
        for q in listings:
            evaluated = _evaluate(graph, q, q.bind({})).serialize(format=ox.QueryResultsFormat.TSV)
            assert stored_results(data, q, q.bind({})) == evaluated, q.name
        report = json.loads((data / "reports" / "build.json").read_text())
        return {x["name"] for x in report["listings"] if x["updated"]}

    unga = SHARED / "corpus" / "unga"
    documents, store = copy_seeds(tmp_path / "documents", "001", "003", "004"), tmp_path / "store"
    # resolutions that cite each other and share nodes (the Assembly, UNODC, States), so that changes overlap
    for name in ("A_RES_78_170.txt", "A_RES_79_177.txt", "A_RES_80_186.txt", "A_C.3_80_L.16.txt"):
        shutil.copy(unga / name, documents)

    def figures():
        data = (store / "current").resolve()
        written = (data / "dumps" / "void.ttl").read_bytes()
        report = json.loads((data / "reports" / "build.json").read_text())
        return written, serialize_void(void_triples(open_store(store))), report["void_figures"]

    _build(documents, store)
    written, counted, how = figures()
    assert how == "counted" and written == counted
    assert same_as_done_again() == set()
    (documents / "A_RES_79_177.txt").unlink()  # removed
    _build(documents, store)
    assert figures()[2] == "updated" and figures()[0] == figures()[1] != written
    assert same_as_done_again() == SCOPED
    shutil.copy(unga / "A_RES_79_177.txt", documents)  # added back
    shutil.copy(unga / "A_RES_78_171.txt", documents / "A_C.3_80_L.16.txt")  # another text under the same name
    _build(documents, store)
    written_now, counted_now, how = figures()
    assert how == "updated" and written_now == counted_now
    assert same_as_done_again() == SCOPED


def test_a_listing_merged_by_a_value_the_store_orders_otherwise_is_evaluated_again(tmp_path):
    """The rows of the documents that changed are merged into the previous rows by the ORDER BY's values up to
    ?document, compared as the store compares plain strings; a number there (which the store orders as a number:
    9 before 10) cannot be merged so, and the listing is evaluated on the whole store instead. Either way the rows
    are the ones a full evaluation gives, in its order; so are they when a value it is ordered by is not returned."""
    import pyoxigraph as ox
    from tipkg.queries import ChangedDocuments, _evaluate, parse_query_file, stored_results, write_answers

    ex = "http://example.org/"
    identifier = ox.NamedNode("http://purl.org/dc/terms/identifier")
    store = ox.Store()

    def describe(doc: str, *dated: tuple[str, object]) -> None:
        graph = ox.NamedNode(ex + doc)
        store.add(ox.Quad(ox.NamedNode(ex + doc + "#doc"), identifier, ox.Literal(doc), graph))
        for name, value in dated:
            store.add(ox.Quad(ox.NamedNode(ex + name), ox.NamedNode(ex + "on"), ox.Literal(value), graph))

    folder = tmp_path / "queries"
    folder.mkdir()
    for name, value in (("by-day", "STR(?d)"), ("by-number", "?d")):
        (folder / f"{name}.rq").write_text(
            "# title: T\n# question: Q?\n# columns: day, what, document\n# scope: document\n"
            f"SELECT ?day ?what ?document WHERE {{ GRAPH ?g {{ ?w <{ex}on> ?d . ?x <http://purl.org/dc/terms/identifier> "
            f"?document }} BIND({value} AS ?day) BIND(STR(?w) AS ?what) }}\nORDER BY ?day ?document ?what\n")
    # ordered by a value it does not return: the merge cannot see it
    (folder / "by-hidden.rq").write_text(
        "# title: T\n# question: Q?\n# columns: what, document\n# scope: document\n"
        f"SELECT ?what ?document WHERE {{ GRAPH ?g {{ ?w <{ex}on> ?d . ?x <http://purl.org/dc/terms/identifier> "
        f"?document }} BIND(STR(?w) AS ?what) }}\nORDER BY ?d ?document ?what\n")
    describe("A", ("a1", 10), ("a2", 30))
    describe("B", ("b1", 20))
    before, after = tmp_path / "before", tmp_path / "after"
    write_answers(store, before, folder)
    describe("C", ("c1", 9), ("c2", 25))  # a document added, its rows between the others'
    changed = ChangedDocuments(frozenset({ex + "C"}), frozenset({"C"}), ())
    listings = {x.name: x.updated for x in write_answers(store, after, folder, previous=before, changed=changed)}
    assert listings == {"by-day": True, "by-number": False, "by-hidden": False}
    for name in listings:
        query = parse_query_file(folder / f"{name}.rq")
        evaluated = _evaluate(store, query, query.bind({})).serialize(format=ox.QueryResultsFormat.TSV)
        assert stored_results(after, query, query.bind({})) == evaluated
    days = stored_results(after, parse_query_file(folder / "by-day.rq"), parse_query_file(folder / "by-day.rq").bind({}))
    assert [line.split(b"\t")[2] for line in days.splitlines()[1:]] == [b'"A"', b'"B"', b'"C"', b'"A"', b'"C"']
