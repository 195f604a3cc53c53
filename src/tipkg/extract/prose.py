"""Words of UN prose and the date a sentence opens with, shared by the relation rules (events, publications,
campaigns) so that no rule module has to import another for them."""
from __future__ import annotations

import re

from tipkg.dates import YEAR, find_dates
from tipkg.extract.context import ParagraphContext
from tipkg.extract.text import Sentence

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
