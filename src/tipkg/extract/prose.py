"""Words of UN prose and the date a sentence opens with, shared by the relation rules (events, publications,
campaigns) so that no rule module has to import another for them; and the filter that drops, in a paragraph, an
event or publication row that says less than another of the same thing."""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from functools import wraps

from tipkg.dates import YEAR, find_dates
from tipkg.extract.context import ParagraphContext
from tipkg.extract.text import Sentence
from tipkg.model import Assertion

FUNCTION_WORDS = {"of", "on", "in", "for", "and", "against", "to", "the", "with", "by", "at", "from", "into",
                  "through", "towards", "between", "among", "de", "la", "del", "des", "du", "et", "a", "an", "or",
                  "within", "under", "as", "upon"}

LEADING_DATE = re.compile(rf"^(?:(?:Also|Then|Later|Subsequently|Further|Finally|Moreover|Furthermore),?\s+)?"
                          rf"(?:In|On|From|During|By|Between|Since|As of|In early|In late|At the end of|"
                          rf"In the first half of|In the second half of)\s+(?P<date>[^,]{{4,60}}?),")


def leading_date(ctx: ParagraphContext, sentence: Sentence) -> tuple[str, str | None] | None:
    """The date a sentence opens with: "In June 2021,", "On 2 and 3 March 2022,", "In 2018,"."""
    m = LEADING_DATE.match(sentence.text)
    if not m:
        return None
    found = find_dates(m["date"])
    if found:
        return found[0].start, found[0].end
    y = re.fullmatch(rf"(?:the\s+(?:year\s+)?)?(?P<y>{YEAR})", m["date"].strip())
    return (y["y"], None) if y else None


def once_per_paragraph(fn: Callable[[ParagraphContext], Iterable[Assertion]]):
    """A rule that may read the same fact in two sentences of a paragraph ("the Global Plan of Action" twice)
    states it once, from the first sentence: the graph keys an assertion by paragraph, rule, roles and values, and
    gives it one evidence sentence."""
    @wraps(fn)
    def first_of_each(ctx: ParagraphContext) -> Iterator[Assertion]:
        seen = set()
        for a in fn(ctx):
            key = (tuple((r, tuple(e.key for e in es)) for r, es in sorted(a.roles.items())),
                   tuple(sorted(a.values.items())))
            if key not in seen:
                seen.add(key)
                yield a
    return first_of_each


# the role that names the thing an assertion of a kind is about: two assertions of one paragraph about the same thing
# may say more or less of it
SUBJECT_ROLES = {"occurrence": "event", "issuance": "publication"}


def without_subsumed(assertions: list[Assertion]) -> list[Assertion]:
    """A paragraph's assertions less those that say less than another about the same event or publication in it:
    "Recalls the holding of the sixteenth session of ... in Geneva from 20 to 23 October 2025" is read with its place
    and dates by one rule and as a bare session by another; "its resolution 70/1 of 25 September 2015, entitled
    “Transforming our world: ...”" gives the publisher and year that a later "the 2030 Agenda" does not. The bare row
    adds nothing and hides what the text says."""
    def said(a: Assertion) -> dict:
        subject = SUBJECT_ROLES[a.kind]
        return {k: v for k, v in a.values.items() if v} | {r: [e.key for e in es] for r, es in a.roles.items()
                                                          if es and r != subject}

    def about(a: Assertion) -> str:
        return a.roles[SUBJECT_ROLES[a.kind]][0].label

    kept = [a for a in assertions if a.kind in SUBJECT_ROLES]
    out = []
    for a in assertions:
        if a.kind in SUBJECT_ROLES:
            mine = said(a)
            if any(b is not a and b.kind == a.kind and about(b) == about(a) and said(b) != mine
                   and all(said(b).get(k) == v for k, v in mine.items()) for b in kept):
                continue
        out.append(a)
    return out

