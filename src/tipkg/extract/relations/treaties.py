"""Ratifications of and accessions to instruments, and the figures stated about them.

How documents say it:
  "three States ratified the Trafficking in Persons Protocol: Fiji (19 September 2017), Japan (11 July 2017) ..."
  "The Protocol was also ratified by one non-Member observer State: State of Palestine (29 December 2017)."
  "Japan acceded to the Convention on 5 May 2020."
  "The Trafficking in Persons Protocol has a total of 178 parties"
  "As at 31 December 2018, the Database included 1,518 cases from 106 countries"
"""
from __future__ import annotations

import re

from tipkg.dates import DateError, find_dates, parse_date
from tipkg.extract.context import ParagraphContext
from tipkg.extract.rules import rule

CUE = re.compile(r"\b(?P<word>ratif\w*|acce(?:ded|des|de|ding|ssion|ssions)|succe(?:eded|ssion) to|approv(?:ed|al of))\b", re.I)
DATE_IN_BRACKETS = re.compile(r"^\s*\((?P<date>[^()]{6,40})\)")
DATE_AFTER = re.compile(r"^\s+(?:ratified|acceded to|became a party to)\b[^.;]{0,200}?\b(?:on|in)\s+(?P<date>\d{1,2}\s+\w+\s+\d{4}|\w+\s+\d{4})")
PARTIES = re.compile(r"\b(?:a total of\s+)?(?P<n>\d{1,3})\s+(?:States\s+)?[Pp]arties\b")
AS_AT = re.compile(r"\b[Aa]s (?:at|of) (?P<date>\d{1,2} \w+ \d{4}|\w+ \d{4})")
FIGURE = re.compile(r"\b(?P<n>\d{1,3}(?:,\d{3})*|\d+)\s+(?P<what>(?:[a-z-]+\s+){0,2}(?:cases|countries|victims|parties|pieces of legislation|entries|jurisdictions|States|members|entities))\b")


def _action(word: str) -> str:
    w = word.lower()
    if w.startswith("acce"):
        return "accession"
    if w.startswith("succe"):
        return "succession"
    if w.startswith("approv"):
        return "approval"
    return "ratification"


@rule("treaties.ratification", "ratification",
      "A sentence with a ratification or accession cue and an instrument: each State named with a date in "
      "brackets after it ('Fiji (19 September 2017)') or followed by 'ratified/acceded to ... on <date>' "
      "ratified or acceded to that instrument on that date.")
def ratification(ctx: ParagraphContext):
    if not CUE.search(ctx.text):
        return
    for sentence in ctx.sentences:
        cue = CUE.search(ctx.text, sentence.start, sentence.end)
        if not cue:
            continue
        instruments = ctx.within(sentence.start, sentence.end, {"instrument"})
        if not instruments:
            continue
        instrument = instruments[0].entity
        for m in ctx.within(sentence.start, sentence.end, {"state"}):
            after = ctx.text[m.end:sentence.end]
            found = DATE_IN_BRACKETS.match(after) or DATE_AFTER.match(after)
            if not found:
                continue
            try:
                date = parse_date(found["date"]) if len(find_dates(found["date"])) == 1 else None
            except DateError:
                date = None
            if not date:
                continue
            yield ctx.assertion("ratification", sentence, "treaties.ratification",
                                {"state": [m.entity], "instrument": [instrument]},
                                {"date": date, "actionType": _action(cue["word"])})


@rule("treaties.parties-count", "figure",
      "A sentence naming an instrument and a number of parties ('has a total of 178 parties'): a key figure of the "
      "instrument, as at the date the sentence states or the document's date.")
def parties_count(ctx: ParagraphContext):
    if "arties" not in ctx.text:
        return
    for sentence in ctx.sentences:
        m = PARTIES.search(ctx.text, sentence.start, sentence.end)
        if not m:
            continue
        instruments = ctx.within(sentence.start, sentence.end, {"instrument"})
        if not instruments:
            continue
        as_at = AS_AT.search(ctx.text, sentence.start, sentence.end)
        date = _date(as_at["date"]) if as_at else ctx.document.metadata.date
        yield ctx.assertion("figure", sentence, "treaties.parties-count", {"subject": [instruments[0].entity]},
                            {"measure": "parties", "count": str(int(m["n"])), "asAt": date})


@rule("figures.as-at", "figure",
      "A sentence that states figures 'as at' or 'as of' a date ('As at 31 December 2018, the Database included "
      "1,518 cases from 106 countries'): each number with its noun is a key figure of the first entity named.")
def as_at_figures(ctx: ParagraphContext):
    if "s at " not in ctx.text and "s of " not in ctx.text:
        return
    for sentence in ctx.sentences:
        as_at = AS_AT.search(ctx.text, sentence.start, sentence.end)
        if not as_at:
            continue
        date = _date(as_at["date"])
        # the clause's subject opens right after "As at <date>,": "the Protocol had 178 parties"
        subjects = [m for m in ctx.within(sentence.start, sentence.end)
                    if m.entity.kind in ("initiative", "instrument", "organization")
                    and m.start >= as_at.end() and re.fullmatch(r",?\s*(?:the\s+)?", ctx.text[as_at.end():m.start])]
        if not date or not subjects:
            continue
        for f in FIGURE.finditer(ctx.text, as_at.end(), sentence.end):
            yield ctx.assertion("figure", sentence, "figures.as-at", {"subject": [subjects[0].entity]},
                                {"measure": f["what"], "count": f["n"].replace(",", ""), "asAt": date},
                                confidence=0.8)


def _date(text: str) -> str | None:
    try:
        return parse_date(text)
    except DateError:
        return None
