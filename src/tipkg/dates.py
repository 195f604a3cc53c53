"""Dates as UN documents write them: "18 June 2019", "17–21 October 2022", "from 22 to 26 May 2017",
"on 2 and 3 July 2018", "10 and 11 December 2018", "May 2018", "2016". Parsers return ISO strings
(YYYY-MM-DD, YYYY-MM or YYYY) and reject what is not a real calendar date."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {m: i for i, m in enumerate(
    ["January", "February", "March", "April", "May", "June", "July", "August", "September",
     "October", "November", "December"], start=1)}
MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
YEAR = r"(?:19[4-9]\d|20\d\d)"
DAY = r"(?:[1-9]|[12]\d|3[01])"
DASH = r"\s*(?:-|–|—|to|and)\s*"

# "17–21 October 2022", "22 to 26 May 2017", "2 and 3 July 2018"
DAY_RANGE = re.compile(rf"\b(?P<d1>{DAY}){DASH}(?P<d2>{DAY})\s+(?P<m>{MONTH})\s+(?P<y>{YEAR})\b")
# "30 September and 1 October 2021", "19 to 31 November 2020" is a DAY_RANGE
CROSS_MONTH = re.compile(
    rf"\b(?P<d1>{DAY})\s+(?P<m1>{MONTH}){DASH}(?P<d2>{DAY})\s+(?P<m2>{MONTH})\s+(?P<y>{YEAR})\b")
FULL_DATE = re.compile(rf"\b(?P<d>{DAY})\s+(?P<m>{MONTH}),?\s+(?P<y>{YEAR})\b")
MONTH_YEAR = re.compile(rf"\b(?P<m>{MONTH})\s+(?P<y>{YEAR})\b")
YEAR_ONLY = re.compile(rf"\b(?P<y>{YEAR})\b")


class DateError(ValueError):
    """Raised for text that is not a date."""


def iso(year: int | str, month: int | str | None = None, day: int | str | None = None) -> str:
    """A checked ISO date string of the precision given."""
    y = int(year)
    if month is None:
        return f"{y:04d}"
    m = MONTHS[month] if isinstance(month, str) and not month.isdigit() else int(month)
    if day is None:
        if not 1 <= m <= 12:
            raise DateError(f"no month {m}")
        return f"{y:04d}-{m:02d}"
    try:
        return dt.date(y, m, int(day)).isoformat()
    except ValueError as e:
        raise DateError(f"{day} {month} {year}: {e}") from None


@dataclass(frozen=True)
class DateSpan:
    start: str  # ISO
    end: str | None  # ISO, when a range
    begin: int  # offsets of the match in the text
    finish: int


def parse_date(text: str) -> str:
    """The one date in `text` ("18 June 2019" -> "2019-06-18"); DateError if none."""
    found = find_dates(text)
    if not found:
        raise DateError(f"not a date: {text!r}")
    return found[0].start


def normalize_date(value: str) -> str:
    """An ISO date from ISO ("2019-06-18") or UN-style ("18 June 2019") text; DateError otherwise."""
    value = value.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return dt.date.fromisoformat(value).isoformat()
        except ValueError as e:
            raise DateError(f"{value}: {e}") from None
    return parse_date(value)


def find_dates(text: str) -> list[DateSpan]:
    """Every date or date range in the text, most precise reading first, in text order."""
    spans: list[DateSpan] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    def add(a: int, b: int, start: str, end: str | None) -> None:
        taken.append((a, b))
        spans.append(DateSpan(start, end, a, b))

    for m in CROSS_MONTH.finditer(text):
        try:
            add(m.start(), m.end(), iso(m["y"], m["m1"], m["d1"]), iso(m["y"], m["m2"], m["d2"]))
        except DateError:
            continue
    for m in DAY_RANGE.finditer(text):
        if free(m.start(), m.end()):
            try:
                add(m.start(), m.end(), iso(m["y"], m["m"], m["d1"]), iso(m["y"], m["m"], m["d2"]))
            except DateError:
                continue
    for m in FULL_DATE.finditer(text):
        if free(m.start(), m.end()):
            try:
                add(m.start(), m.end(), iso(m["y"], m["m"], m["d"]), None)
            except DateError:
                continue
    for m in MONTH_YEAR.finditer(text):
        if free(m.start(), m.end()):
            add(m.start(), m.end(), iso(m["y"], m["m"]), None)
    return sorted(spans, key=lambda s: s.begin)


def years_in(text: str) -> list[str]:
    return [m["y"] for m in YEAR_ONLY.finditer(text)]
