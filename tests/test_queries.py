"""The canned queries (tipkg.queries): every file of queries/ has a header a user and the CLI can read and
SPARQL that Oxigraph accepts; parameters are bound safely; rows print as JSON, CSV or a table."""
from __future__ import annotations

import csv
import io
import json
import pyoxigraph as ox
import pytest

from conftest import QUERIES
from tipkg.queries import CannedQuery, QueryError, catalogue, format_rows, get_query, parse_query_file

QUERY_FILES = sorted(QUERIES.glob("*.rq"))

# the canned query contract of DESIGN.md: the scorer reads exactly these columns (more may follow them)
CONTRACT = {
    "icat-chairs": ["year", "chair", "chair_acronym", "document"],
    "icat-members": ["member", "member_acronym", "joined", "working_group", "document"],
    "ratifications": ["state", "instrument", "date", "document"],
    "reporting-states": ["state", "document"],
    "resolutions-cited": ["document", "resolution", "body", "year"],
    "resolution-asks": ["resolution", "paragraph", "verb", "addressee", "action"],
    "partnerships": ["initiative", "partner", "document"],
    "initiative-countries": ["initiative", "lead", "country", "document"],
    "events": ["event", "place", "start", "end", "organizer", "document"],
    "publications": ["title", "publisher", "year", "document"],
    "operations-campaigns": ["name", "kind", "entity", "year", "figures", "document"],
    "sdg-targets": ["target", "entity", "document"],
    "people": ["person", "role", "organization", "document"],
    "evidence": ["subject", "predicate", "object", "document", "paragraph", "text"],
    "document-lineage": ["document", "relation", "target", "evidence"],
    "mandate-followup": ["resolution", "paragraph", "addressee", "ask", "due", "answered_by", "taken_note_by", "status"],
}


def dummy_parameters(query: CannedQuery) -> dict[str, str]:
    return {p.name: "UNODC" for p in query.parameters if p.required}


@pytest.fixture(scope="module")
def empty_store() -> ox.Store:
    return ox.Store()


# --- every file of queries/ -----------------------------------------------------------------------

def test_queries_folder_holds_canned_queries():
    assert len(QUERY_FILES) >= 10


@pytest.mark.parametrize("path", QUERY_FILES, ids=lambda p: p.stem)
def test_query_file_header_gives_title_question_and_columns(path):
    query = parse_query_file(path)
    assert query.name == path.stem
    assert query.title and query.question.endswith("?")
    assert query.columns and all(c.isidentifier() for c in query.columns)
    assert len(set(query.columns)) == len(query.columns)


@pytest.mark.parametrize("path", QUERY_FILES, ids=lambda p: p.stem)
def test_query_sparql_runs_on_an_empty_store_and_selects_its_columns(path, empty_store):
    query = parse_query_file(path)
    solutions = empty_store.query(query.bind(dummy_parameters(query)), use_default_graph_as_union=True)
    assert [v.value for v in solutions.variables] == list(query.columns)
    assert list(solutions) == []


@pytest.mark.parametrize("name", sorted(set(CONTRACT) & {p.stem for p in QUERY_FILES}))
def test_contract_query_starts_with_the_contract_columns(name):
    columns = list(get_query(name).columns)
    assert columns[:len(CONTRACT[name])] == CONTRACT[name]


def test_catalogue_knows_every_file_by_its_name():
    assert sorted(catalogue()) == [p.stem for p in QUERY_FILES]


def test_unknown_query_name_is_a_query_error_pointing_to_the_list():
    with pytest.raises(QueryError, match="tipkg query list"):
        get_query("no-such-query")


# --- parameters -----------------------------------------------------------------------------------

def test_bind_rejects_an_unknown_parameter_and_names_the_known_ones():
    query = get_query("resolutions-cited")
    with pytest.raises(QueryError) as error:
        query.bind({"colour": "blue"})
    assert "colour" in str(error.value) and "document" in str(error.value)


def test_bind_rejects_a_missing_required_parameter_with_how_to_give_it():
    query = get_query("evidence")
    assert any(p.required for p in query.parameters)
    with pytest.raises(QueryError, match="--param subject="):
        query.bind({})


def test_bind_injects_a_values_block_with_the_value(empty_store):
    query = get_query("resolutions-cited")
    sparql = query.bind({"document": "E/RES/2021/25"})
    block = 'VALUES (?document_param ?document_key) { ("E/RES/2021/25" "e/res/2021/25") }'
    assert block in sparql
    assert sparql.replace(block, "").count("?document_param ?document_key") == 0
    empty_store.query(sparql, use_default_graph_as_union=True)


def test_bind_gives_the_parameters_to_every_sub_select(empty_store, tmp_path):
    path = tmp_path / "nested.rq"
    path.write_text("# title: t\n# question: q\n# parameters: name (required): a name\n# columns: e\n"
                    "SELECT ?e WHERE { { SELECT ?e WHERE { BIND(?name_key AS ?e) } } }\n")
    sparql = parse_query_file(path).bind({"name": "UNODC"})
    [row] = empty_store.query(sparql)
    assert row["e"].value == "unodc"


def test_bind_leaves_an_optional_parameter_undefined(empty_store):
    sparql = get_query("resolutions-cited").bind({})
    assert "VALUES (?document_param ?document_key) { (UNDEF UNDEF) }" in sparql
    empty_store.query(sparql, use_default_graph_as_union=True)


def conditional_query(tmp_path, line: str):
    path = tmp_path / "conditional.rq"
    path.write_text("# title: t\n# question: q?\n# parameters: name (optional): a name\n# columns: e\n"
                    "SELECT ?e WHERE {\n  BIND(\"all\" AS ?e)  # [unless name]\n" + line + "\n}\n")
    return parse_query_file(path)


def test_a_line_marked_if_is_kept_only_when_its_parameter_is_given(empty_store, tmp_path):
    query = conditional_query(tmp_path, "  BIND(?name_key AS ?e)  # [if name]")
    assert [row["e"].value for row in empty_store.query(query.bind({"name": "UNODC"}))] == ["unodc"]
    assert [row["e"].value for row in empty_store.query(query.bind({}))] == ["all"]
    assert [row["e"].value for row in empty_store.query(query.bind({"name": ""}))] == ["all"]


def test_a_condition_on_an_unknown_parameter_names_the_file_and_line(tmp_path):
    with pytest.raises(QueryError, match=r"conditional\.rq, line 7: \[if colour\] names no parameter.*name"):
        conditional_query(tmp_path, "  BIND(1 AS ?e)  # [if colour]")


@pytest.mark.parametrize("order", ["ORDER BY ?date ?label", "ORDER BY STR(?date) ?document", ""])
def test_a_listing_of_scope_document_must_be_ordered_by_variables_naming_document(tmp_path, order):
    """A rebuild merges the rows of the documents that changed into the previous rows by the ORDER BY's variables
    up to ?document: a listing that cannot be merged so is refused when it is read, not answered wrongly."""
    path = tmp_path / "dated.rq"

    def dated(order: str) -> Path:
        path.write_text("# title: Dated\n# question: What is dated?\n# columns: date, label, document\n"
                        "# scope: document\nSELECT ?date ?label ?document WHERE { GRAPH ?g { ?a ?p ?date } }\n"
                        + order + "\n")
        return path

    with pytest.raises(QueryError, match=r"dated\.rq: a listing of scope document is ordered by variables, "
                                         r"\?document among them"):
        parse_query_file(dated(order))
    assert parse_query_file(dated("ORDER BY ?date ?label ?document")).scope == "document"


def test_bound_value_with_quotes_cannot_break_out_of_its_literal(empty_store):
    value = 'x" } } DROP ALL #'
    sparql = get_query("evidence").bind({"subject": value})
    solutions = empty_store.query(sparql, use_default_graph_as_union=True)
    assert list(solutions) == []


# --- output formats -------------------------------------------------------------------------------

ROWS = [
    {"document": "2021/25", "resolution": "64/293", "body": "General Assembly", "year": "2010"},
    {"document": "2021/25", "resolution": "2388 (2017)", "body": "Security Council", "year": None},
]
COLUMNS = ("document", "resolution", "body", "year")


def test_json_rows_are_objects_keyed_by_the_columns():
    rows = json.loads(format_rows(ROWS, COLUMNS, "json"))
    assert [list(r) for r in rows] == [list(COLUMNS)] * 2
    assert rows[1]["year"] is None and rows[0]["resolution"] == "64/293"


def test_json_keeps_non_ascii_text_readable():
    out = format_rows([{"document": "Türkiye", "resolution": None, "body": None, "year": None}], COLUMNS, "json")
    assert "Türkiye" in out


def test_csv_has_a_header_row_and_empty_cells_for_missing_values():
    rows = list(csv.reader(io.StringIO(format_rows(ROWS, COLUMNS, "csv"))))
    assert rows == [list(COLUMNS), ["2021/25", "64/293", "General Assembly", "2010"],
                    ["2021/25", "2388 (2017)", "Security Council", ""]]


def test_csv_of_no_rows_is_the_header_alone():
    assert format_rows([], COLUMNS, "csv") == ",".join(COLUMNS) + "\n"


def test_table_has_aligned_columns_and_ends_with_the_row_count():
    lines = format_rows(ROWS, COLUMNS, "table").splitlines()
    assert lines[0].split() == list(COLUMNS)
    assert set(lines[1]) == {"-", " "}
    assert lines[2].index("64/293") == lines[0].index("resolution")
    assert lines[-1] == "(2 rows)"
    assert format_rows(ROWS[:1], COLUMNS, "table").splitlines()[-1] == "(1 row)"
    assert format_rows([], COLUMNS, "table").splitlines()[-1] == "(0 rows)"


def test_unknown_format_is_a_query_error():
    with pytest.raises(QueryError):
        format_rows(ROWS, COLUMNS, "xml")
