"""Fuzzing (issue 9): arbitrary bytes and text never crash ingestion or the per-document build (only a clean
IngestError or a skipped result naming the reason), and the symbol and date parsers reject garbage cleanly
while reading back every valid form they are given.

The inputs mix random text with lines of real UN documents (header lines, headings, numbered paragraphs,
sub-items, footnotes, PDF page furniture, Markdown), so that the structure parser is reached, not only the
decoder. Runs are derandomized (the same examples on every run: CI-friendly) and modest in size; set
TIPKG_FUZZ_EXAMPLES to a larger number for a deeper run.
"""
from __future__ import annotations

import calendar
import datetime as dt
import os
import re
import string
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st

from tipkg.build import process_document
from tipkg.dates import DateError, find_dates, normalize_date, parse_date
from tipkg.extract.symbols import SERIES, find_document_symbols, find_resolutions
from tipkg.ingest import IngestError, ingest

EXAMPLES = int(os.environ.get("TIPKG_FUZZ_EXAMPLES", "0")) or None
FUZZ = settings(derandomize=True, deadline=None, database=None, max_examples=EXAMPLES or 200,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
BUILD_FUZZ = settings(FUZZ, max_examples=EXAMPLES or 100)  # examples that go through extraction and the graph

# lines as UN documents write them (seeds 001 and 004, and PDF text of the corpus)
FRAGMENTS = [
    "United Nations", "A/74/189", "General Assembly", "Distr.: General", "18 June 2019", "Original: English",
    "Seventy-fourth session", "Item 108 of the preliminary list*", "Economic and Social Council", "E/RES/2021/25",
    "Improving the coordination of efforts against trafficking in persons", "Report of the Secretary-General",
    "Summary", "I. Introduction", "II.", "B. Office of the United Nations High Commissioner for Human Rights",
    "2. Office of the United Nations High Commissioner for Human Rights", "Annex", "Annex II",
    "1. The present report is submitted pursuant to General Assembly resolution 72/195.",
    "43. UNODC, in partnership with the European Union, launched the Global Action (GLO.ACT).",
    "(a) Strengthening national capacities;", "(ii) *Operation Intercops*, which was conducted in 2018;",
    "¹ See Security Council resolution 2388 (2017).", "* Reissued for technical reasons on 3 July 2019.",
    "* * *", "The General Assembly,", "The Economic and Social Council,",
    "*Recalling* its resolution 72/195 of 19 December 2017,", "*Deeply concerned* by the persistence of trafficking,",
    "1. *Urges* Member States to ratify the Protocol;", "25 Condemns all forms of trafficking",
    "14. *Decides* to remain seized of the matter.",
    "Resolution adopted by the General Assembly on 17 December 2019",
    "74/176. Improving the coordination of efforts against trafficking in persons",
    "A/C.3/74/L.11/Rev.1", "Draft resolution", ":* draft resolution", "Agenda item 106", "19-10361 (E)    180719",
    "*1910361*", "2/20", "__________________", "[Protocol](https://treaties.un.org/x)", "\\(a\\)", "<i>italic</i>",
    "**bold**", "***", "- (a) a list item", "• (b) another", "Action 12. Promote", "17–21 October 2022",
    "from 22 to 26 May 2017", "2016", "\t12", "\f", "\u00a0", "\u2011", "UNODC", "IOM", "OHCHR", "the Office",
    "the Inter-Agency Coordination Group against Trafficking in Persons (ICAT)", "Blue Heart Campaign",
]
UN_ALPHABET = string.ascii_letters + string.digits + " .,;:()[]*/-–’“”¹²³\t"
separators = st.sampled_from(["\n", "\n\n", " \n", "\r\n", "\n\n\n", " ", "\n \n"])
lines = st.one_of(st.sampled_from(FRAGMENTS), st.text(alphabet=UN_ALPHABET, max_size=60), st.text(max_size=30))
document_texts = st.lists(st.tuples(lines, separators), max_size=25).map(lambda parts: "".join(a + b for a, b in parts))
document_bytes = st.one_of(
    document_texts.map(lambda t: t.encode("utf-8")),
    document_texts.map(lambda t: t.encode("utf-8")[:-1]),  # cut inside a character
    document_texts.map(lambda t: t.encode("utf-16")),  # with its byte-order mark
    document_texts.map(lambda t: t.encode("utf-16")[:-1]),
    document_texts.map(lambda t: t.encode("cp1252", errors="replace")),
    st.binary(max_size=600),
    st.binary(max_size=200).map(lambda b: b"%PDF-1.7\n" + b),
)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


# --- ingestion and the per-document build ----------------------------------------------------------------

@FUZZ
@given(raw=document_bytes)
def test_arbitrary_bytes_ingest_or_raise_a_clean_ingest_error(scratch, raw):
    path = scratch / "fuzzed.txt"
    path.write_bytes(raw)
    try:
        document = ingest(path)
    except IngestError as e:
        assert str(e).startswith("fuzzed.txt: ") and e.reason
        return
    for p in document.paragraphs:
        assert document.text[p.start:p.end] == p.text, p.key
    assert len({p.key for p in document.paragraphs}) == len(document.paragraphs)


@BUILD_FUZZ
@given(raw=document_bytes)
def test_arbitrary_bytes_through_extraction_and_graph_are_built_or_skipped_with_a_reason(scratch, raw):
    path = scratch / "fuzzed-document.txt"
    path.write_bytes(raw)
    result = process_document(path, scratch)
    event(f"{result.status}{' from the cache' if result.cached else ''}")
    assert result.status in ("built", "skipped")
    if result.status == "skipped":
        assert result.reason
    else:
        assert result.graph_file.exists() and result.triples > 0


# --- symbols ---------------------------------------------------------------------------------------------

garbage = st.one_of(st.text(max_size=80), st.text(alphabet=string.digits + " /()ARESCO.,and", max_size=60),
                    st.lists(lines, max_size=6).map(" ".join))
RESOLUTION_PREFIXES = tuple(SERIES.values())


@FUZZ
@given(text=garbage)
def test_resolution_finder_on_garbage_returns_only_well_formed_references(text):
    for ref in find_resolutions(text):
        assert 0 <= ref.start < ref.end <= len(text)
        # a symbol only where the body is told and has a symbol series; the key names the citation either way
        assert ref.symbol is None or ref.symbol.startswith(RESOLUTION_PREFIXES), ref
        assert ref.key.endswith(ref.written) and (ref.symbol is None or ref.symbol.endswith(ref.written))
        assert ref.year is None or re.fullmatch(r"\d{4}", ref.year)


@FUZZ
@given(text=garbage)
def test_document_symbol_finder_on_garbage_returns_symbols_found_where_it_says(text):
    for symbol, start, end in find_document_symbols(text):
        assert text[start:end] == symbol
        assert "/" in symbol and "/RES/" not in symbol and re.search(r"\d", symbol)


@FUZZ
@given(session=st.integers(31, 80), number=st.integers(1, 350))  # session/number from the 31st session (1976)
def test_general_assembly_resolution_number_reads_back_as_its_symbol(session, number):
    written = f"{session}/{number}"
    [ref] = find_resolutions(f"Recalling General Assembly resolution {written} on trafficking in persons,")
    assert (ref.written, ref.symbol, ref.body, ref.session) == (written, f"A/RES/{written}", "GA", str(session))
    [again] = find_resolutions(f"see {ref.symbol}.")
    assert (again.written, again.symbol, again.body) == (written, ref.symbol, "GA")


@FUZZ
@given(number=st.integers(100, 2800), year=st.integers(1946, 2030))
def test_security_council_resolution_number_reads_back_as_its_symbol(number, year):
    written = f"{number} ({year})"
    [ref] = find_resolutions(f"Security Council resolution {written} and")
    assert (ref.written, ref.symbol, ref.body, ref.year) == (written, f"S/RES/{written}", "SC", str(year))
    [again] = find_resolutions(f"({ref.symbol})")
    assert (again.written, again.symbol, again.year) == (written, ref.symbol, str(year))


@FUZZ
@given(year=st.integers(1946, 2030), number=st.integers(1, 60))
def test_economic_and_social_council_resolution_number_reads_back_as_its_symbol(year, number):
    written = f"{year}/{number}"
    [ref] = find_resolutions(f"Economic and Social Council resolution {written},")
    assert (ref.written, ref.symbol, ref.body, ref.year) == (written, f"E/RES/{written}", "ECOSOC", str(year))


segments = st.from_regex(r"[A-Z0-9][A-Za-z0-9]{0,4}(?:\.[0-9]{1,3})?", fullmatch=True)
document_symbols = st.tuples(
    st.sampled_from(["A", "S", "E", "CTOC", "UNODC", "A/HRC", "CEDAW/C", "A/CONF.234"]),
    st.lists(segments, max_size=3), st.integers(1, 2030),
).map(lambda t: "/".join([t[0], *t[1], str(t[2])])).filter(lambda s: "/RES/" not in s and not s.endswith("/RES"))


@FUZZ
@given(symbol=document_symbols)
def test_document_symbol_reads_back_as_written(symbol):
    text = f"See the report of the Working Group ({symbol}), paragraph 12."
    assert find_document_symbols(text) == [(symbol, text.index(symbol), text.index(symbol) + len(symbol))]


# --- dates -----------------------------------------------------------------------------------------------

ISO = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


def assert_real_iso(value: str) -> None:
    assert ISO.fullmatch(value), value
    if len(value) == 10:
        dt.date.fromisoformat(value)
    elif len(value) == 7:
        assert 1 <= int(value[5:]) <= 12


month_names = st.sampled_from(list(calendar.month_name)[1:])
dates_garbage = st.one_of(garbage, st.text(alphabet=string.digits + " -–/,", max_size=30),
                          st.builds("{} {} {}".format, st.integers(-5, 40), month_names, st.integers(1900, 2100)))


@FUZZ
@given(text=dates_garbage)
def test_date_parsers_on_garbage_return_a_real_date_or_raise_date_error(text):
    for parse in (parse_date, normalize_date):
        try:
            value = parse(text)
        except DateError:
            continue
        assert_real_iso(value)
    for span in find_dates(text):
        assert 0 <= span.begin < span.finish <= len(text)
        assert_real_iso(span.start)
        if span.end is not None:
            assert_real_iso(span.end)
            assert span.start <= span.end


days = st.dates(min_value=dt.date(1946, 1, 1), max_value=dt.date(2099, 12, 31))


@FUZZ
@given(day=days)
def test_date_as_un_documents_write_it_reads_back_as_iso(day):
    month = calendar.month_name[day.month]
    assert parse_date(f"{day.day} {month} {day.year}") == day.isoformat()
    assert parse_date(f"on {day.day} {month}, {day.year}, the Assembly") == day.isoformat()
    assert normalize_date(day.isoformat()) == day.isoformat()
    assert normalize_date(f"{day.day} {month} {day.year}") == day.isoformat()
    assert parse_date(f"{month} {day.year}") == day.isoformat()[:7]


@FUZZ
@given(first=days, length=st.integers(1, 27))
def test_day_range_reads_back_as_its_first_and_last_day(first, length):
    last = first + dt.timedelta(days=length)
    assume(last.month == first.month)
    month = calendar.month_name[first.month]
    for written in (f"{first.day}–{last.day} {month} {first.year}",
                    f"from {first.day} to {last.day} {month} {first.year}"):
        [span] = find_dates(written)
        assert (span.start, span.end) == (first.isoformat(), last.isoformat()), written


# (year, month, a day the month does not have): 29-31 February, 31 April, June, September, November
impossible_days = st.tuples(st.integers(1946, 2099), st.sampled_from([2, 4, 6, 9, 11])).flatmap(
    lambda ym: st.tuples(st.just(ym[0]), st.just(ym[1]), st.integers(calendar.monthrange(*ym)[1] + 1, 31)))


@FUZZ
@given(impossible=impossible_days)
def test_day_that_is_not_in_its_month_is_never_read_as_a_day(impossible):
    """Text keeps what is certain, the month ("between 19 and 31 November 2020" in seed 003 is November 2020);
    an ISO date, which has no slack, is refused."""
    year, month, day = impossible
    name = calendar.month_name[month]
    assert parse_date(f"{day} {name} {year}") == f"{year}-{month:02d}"
    assert parse_date(f"between 19 and {day} {name} {year}") == f"{year}-{month:02d}"
    with pytest.raises(DateError):
        normalize_date(f"{year}-{month:02d}-{day:02d}")
