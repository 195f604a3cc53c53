"""Checks on the gazetteers in data/reference/: the shape every reader of those tables relies on.

The tables hold names, aliases, acronyms, codes and types only; these tests guard their headers,
their keys and the unambiguity of the names the entity matcher looks up.
"""

import csv
import re
from collections import Counter, defaultdict
from pathlib import Path

import pytest

REFERENCE = Path(__file__).resolve().parent.parent / "data" / "reference"

HEADERS = {
    "states.csv": ["key", "m49", "name", "formal_name", "status", "aliases", "demonyms"],
    "organizations.csv": ["key", "name", "acronym", "class", "parent", "aliases", "short_forms", "established"],
    "instruments.csv": ["key", "name", "short_name", "class", "aliases", "short_forms"],
    "groups.csv": ["key", "name", "class", "aliases"],
    "initiatives.csv": ["key", "name", "acronym", "class", "aliases"],
    "places.csv": ["key", "name", "kind", "country", "aliases"],
    "sdg.csv": ["key", "kind", "goal", "label"],
}

# Columns holding several values separated by ";".
LIST_COLUMNS = {"aliases", "short_forms", "demonyms"}

# Columns whose values name one key only: a value shared by two keys would make the matcher guess.
# short_forms ("the Office", "the Council") are meant to be shared and resolved by context.
NAMING_COLUMNS = {
    "states.csv": ["name", "formal_name", "aliases", "demonyms"],
    "organizations.csv": ["name", "acronym", "aliases"],
    "instruments.csv": ["name", "short_name", "aliases"],
    "groups.csv": ["name", "aliases"],
    "places.csv": ["name", "aliases"],
    "initiatives.csv": ["name", "acronym", "aliases"],
}

ORGANIZATION_CLASSES = {
    "UNOffice", "UNProgramme", "UNFund", "SpecializedAgency", "UNDepartment", "RelatedOrganization",
    "UNEntity", "IntergovernmentalOrganization", "RegionalOrganization", "RegionalProcess",
    "NonGovernmentalOrganization", "PrivateSectorEntity", "AcademicInstitution", "PrincipalOrgan",
    "SubsidiaryBody", "FunctionalCommission", "TreatyBody", "ConferenceOfParties", "WorkingGroup",
    "SpecialProcedure", "CoordinationMechanism", "Court", "Post",
}
INSTRUMENT_CLASSES = {
    "Convention", "Protocol", "PlanOfAction", "Compact", "Declaration", "Agenda", "Charter", "Framework",
}
PLACE_KINDS = {"city", "region", "subregion", "area"}
STATE_STATUSES = {"member", "observer", "territory"}


def read_table(name):
    with open(REFERENCE / name, encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        rows = [dict(zip(header, values)) for values in reader]
    return header, rows


def values_of(row, column):
    raw = row[column]
    if column in LIST_COLUMNS:
        return raw.split(";") if raw else []
    return [raw] if raw else []


def naming_form(column, value):
    # The matcher strips a leading article, so "the Republic of Korea" names what "Republic of Korea" names.
    if column == "formal_name" and value.startswith("the "):
        value = value[4:]
    return value.casefold()


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_table_has_exactly_the_agreed_header(name):
    header, rows = read_table(name)
    assert header == HEADERS[name]
    assert rows, f"{name} has no rows"
    for number, row in enumerate(rows, start=2):
        assert None not in row and len(row) == len(header), f"{name} line {number} has the wrong number of fields"


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_keys_are_unique_and_present(name):
    _, rows = read_table(name)
    keys = [row["key"] for row in rows]
    assert all(keys), f"{name} has a row without a key"
    duplicates = [key for key, count in Counter(keys).items() if count > 1]
    assert not duplicates, f"{name} repeats keys {duplicates}"


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_no_value_has_surrounding_spaces(name):
    _, rows = read_table(name)
    for row in rows:
        for column, raw in row.items():
            assert raw == raw.strip(), f"{name} {row['key']} {column}: {raw!r}"
            assert "\n" not in raw, f"{name} {row['key']} {column} spans lines"


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_list_values_are_non_empty_and_unpadded(name):
    header, rows = read_table(name)
    for row in rows:
        for column in LIST_COLUMNS & set(header):
            for value in values_of(row, column):
                assert value, f"{name} {row['key']} {column} has an empty value: {row[column]!r}"
                assert value == value.strip(), f"{name} {row['key']} {column} pads {value!r} with spaces"


@pytest.mark.parametrize("name", sorted(NAMING_COLUMNS))
def test_no_name_or_alias_belongs_to_two_keys(name):
    _, rows = read_table(name)
    owners = defaultdict(set)
    for row in rows:
        for column in NAMING_COLUMNS[name]:
            for value in values_of(row, column):
                owners[naming_form(column, value)].add(row["key"])
    shared = {value: sorted(keys) for value, keys in owners.items() if len(keys) > 1}
    assert not shared, f"{name}: names shared by several keys {shared}"


def test_states_have_all_member_states_and_both_observers():
    _, rows = read_table("states.csv")
    statuses = Counter(row["status"] for row in rows)
    assert set(statuses) <= STATE_STATUSES
    assert statuses["member"] == 193
    assert statuses["observer"] == 2
    observers = {row["key"] for row in rows if row["status"] == "observer"}
    assert observers == {"VAT", "PSE"}


def test_states_have_wellformed_codes():
    _, rows = read_table("states.csv")
    for row in rows:
        assert re.fullmatch(r"[A-Z]{3}", row["key"]), row["key"]
        assert row["m49"] == "" or re.fullmatch(r"\d{3}", row["m49"]), (row["key"], row["m49"])
        if row["status"] in {"member", "observer"}:
            assert row["m49"], f"{row['key']} lacks its M49 code"
    m49 = [row["m49"] for row in rows if row["m49"]]
    assert len(m49) == len(set(m49)), "an M49 code is used twice"


def test_states_use_un_short_names():
    _, rows = read_table("states.csv")
    names = {row["key"]: row["name"] for row in rows}
    assert names["BOL"] == "Bolivia (Plurinational State of)"
    assert names["TUR"] == "Türkiye"
    assert names["NLD"] == "Netherlands (Kingdom of the)"
    assert names["GBR"] == "United Kingdom of Great Britain and Northern Ireland"
    assert names["CIV"] == "Côte d'Ivoire"
    assert names["PSE"] == "State of Palestine"


def test_ambiguous_forms_are_not_aliases_of_states():
    _, rows = read_table("states.csv")
    aliases = {value.casefold() for row in rows for value in values_of(row, "aliases")}
    for ambiguous in ("korea", "guinea", "congo", "georgia", "micronesia"):
        assert ambiguous not in aliases


def test_organization_classes_are_ontology_classes():
    _, rows = read_table("organizations.csv")
    unknown = {row["key"]: row["class"] for row in rows if row["class"] not in ORGANIZATION_CLASSES}
    assert not unknown


def test_organization_parents_exist_and_form_no_cycle():
    _, rows = read_table("organizations.csv")
    parents = {row["key"]: row["parent"] for row in rows}
    missing = {key: parent for key, parent in parents.items() if parent and parent not in parents}
    assert not missing
    for key in parents:
        seen, current = set(), key
        while parents.get(current):
            assert current not in seen, f"parent cycle through {key}"
            seen.add(current)
            current = parents[current]


def test_generic_phrases_are_short_forms_not_aliases():
    for name in ("organizations.csv", "instruments.csv"):
        _, rows = read_table(name)
        for row in rows:
            for value in values_of(row, "aliases"):
                assert not value.casefold().startswith("the "), f"{name} {row['key']} alias {value!r}"
            for value in values_of(row, "short_forms"):
                assert value.startswith("the "), f"{name} {row['key']} short form {value!r}"


def test_icat_is_kept_apart_from_other_coordination_groups():
    _, rows = read_table("organizations.csv")
    by_key = {row["key"]: row for row in rows}
    assert by_key["ICAT"]["name"] == "Inter-Agency Coordination Group against Trafficking in Persons"
    assert by_key["ICAT-WG"]["parent"] == "ICAT"
    assert by_key["WG-TIP"]["parent"] == "COP-UNTOC"
    assert "Inter-Agency Coordination Group" not in values_of(by_key["ICAT"], "aliases")
    assert "the Inter-Agency Coordination Group" in values_of(by_key["ICAT"], "short_forms")


def test_instrument_classes_are_ontology_classes():
    _, rows = read_table("instruments.csv")
    unknown = {row["key"]: row["class"] for row in rows if row["class"] not in INSTRUMENT_CLASSES}
    assert not unknown


def test_groups_are_stakeholder_groups():
    _, rows = read_table("groups.csv")
    assert {row["class"] for row in rows} == {"StakeholderGroup"}


def test_places_have_a_kind_and_a_known_country():
    _, places = read_table("places.csv")
    _, states = read_table("states.csv")
    state_keys = {row["key"] for row in states}
    for row in places:
        assert row["kind"] in PLACE_KINDS, (row["key"], row["kind"])
        assert row["country"] == "" or row["country"] in state_keys, (row["key"], row["country"])
        if row["kind"] in {"region", "subregion"}:
            assert row["country"] == "", f"{row['key']} is a region but names a country"


def test_sdg_has_17_goals_and_169_targets():
    _, rows = read_table("sdg.csv")
    goals = [row for row in rows if row["kind"] == "goal"]
    targets = [row for row in rows if row["kind"] == "target"]
    assert len(goals) + len(targets) == len(rows)
    assert sorted(int(row["key"]) for row in goals) == list(range(1, 18))
    assert all(row["goal"] == row["key"] and row["label"] for row in goals)
    assert len(targets) == 169
    for row in targets:
        match = re.fullmatch(r"(\d{1,2})\.(\d{1,2}|[a-z])", row["key"])
        assert match, row["key"]
        assert row["goal"] == match.group(1)
        assert 1 <= int(row["goal"]) <= 17


def test_sdg_target_8_7_has_its_official_text():
    _, rows = read_table("sdg.csv")
    label = {row["key"]: row["label"] for row in rows}["8.7"]
    assert label.startswith("Take immediate and effective measures to eradicate forced labour, end modern slavery")
    assert label.endswith("and by 2025 end child labour in all its forms")


def test_established_is_a_year_where_given():
    """The one date column: a four-digit year, read by validation only (a chair year before the body existed)."""
    _, rows = read_table("organizations.csv")
    given = [r for r in rows if r["established"]]
    assert given, "no organization has a year of establishment"
    assert all(re.fullmatch(r"1[89]\d\d|20\d\d", r["established"]) for r in given)
