"""Ratifications of and accessions to instruments, and the figures stated about them.

How documents say it:
  "three States ratified the Trafficking in Persons Protocol: Fiji (19 September 2017), Japan (11 July 2017) ..."
  "The Protocol was also ratified by one non-Member observer State: State of Palestine (29 December 2017)."
  "Japan acceded to the Convention on 5 May 2020."
  "The Trafficking in Persons Protocol has a total of 178 parties"
  "Welcoming the accession of Vanuatu to the Convention on Cluster Munitions on 5 September 2025, ..." (a fact a
   resolution welcomes or notes); "Togo had acceded to the Convention"; "the accession of Pakistan to the TIR Convention"
  "As at 31 December 2018, the Database included 1,518 cases from 106 countries"
"""
from __future__ import annotations

import re

from tipkg.dates import DateError, find_dates, parse_date
from tipkg.extract.context import ParagraphContext
from tipkg.extract.rules import rule
from tipkg.iris import slug
from tipkg.model import Entity

CUE = re.compile(r"\b(?P<word>ratif\w*|acce(?:ded|des|de|ding|ssion|ssions)|succe(?:eded|ssion) to|approv(?:ed|al of))\b", re.I)
DATE_IN_BRACKETS = re.compile(r"^\s*\((?P<date>[^()]{6,40})\)")
DATE_AFTER = re.compile(r"^\s+(?:ratified|acceded to|became a party to)\b[^.;]{0,200}?\b(?:on|in)\s+(?P<date>\d{1,2}\s+\w+\s+\d{4}|\w+\s+\d{4})")
# how many parties an instrument has: "has a total of 178 parties", "with 189 States parties", "there are 150
# parties", "ratified by 175 parties" (not "112 Parties have successfully completed this voluntary process": a count of
# the parties that did something)
PARTIES = re.compile(r"\b(?:has|had|have|having|with|reached|totals|totalled|numbered|there\s+(?:are|were)|ratified\s+by|"
                     r"acceded\s+to\s+by)\s+(?:now\s+)?(?:a\s+total\s+of\s+)?(?P<n>\d{1,3})\s+(?:States\s+)?[Pp]arties\b")
AS_AT = re.compile(r"\b[Aa]s (?:at|of) (?P<date>\d{1,2} \w+ \d{4}|\w+ \d{4})")
# a State joining an instrument, said as a fact: "the accession of Vanuatu to", "the ratification by Chile of"
JOINING = re.compile(r"\b(?P<word>accession|ratification|succession)\s+(?:of|by)\s+(?:the\s+)?$")
JOINED = re.compile(r"\s+(?:has|had|have)\s+(?:also\s+|now\s+|recently\s+)?(?P<word>acceded\s+to|ratified|succeeded\s+to|"
                    r"become\s+(?:a\s+)?(?:State\s+)?part(?:y|ies)\s+to)\s+(?:the\s+)?")
WISHED = re.compile(r"\b(?:calls?\s+for|call\s+for|urg\w+|encourag\w+|looks?\s+forward\s+to|hop\w+|await\w*|"
                    r"importance\s+of|need\s+for|request\w*|seek\w*|promot\w+|facilitat\w+)\b[^;]*$", re.I)
TO_INSTRUMENT = re.compile(r"\s+(?:to|of)\s+(?:the\s+)?")
# an instrument the gazetteer does not hold, read by its title: "the Convention on Cluster Munitions", "the TIR
# Convention", "the Arms Trade Treaty" (capitalised words around the head, joined by "on", "of", "relating to" ...)
# (letters only in a word: a footnote mark the PDF text keeps, "Central Asia¹¹", ends the title)
TITLED = re.compile(r"(?P<title>(?:[A-Z][A-Za-zÀ-ÿ'’-]*\s+){0,5}(?:Convention|Treaty|Protocol|Covenant|Agreement|Statute)"
                    r"(?:\s+(?:on|for|of|against|relating\s+to|to|concerning|in|and|the|a|an|[A-Z][A-Za-zÀ-ÿ'’-]*"
                    r"(?![\w¹²³⁴⁵⁶⁷⁸⁹⁰])|[A-Z][A-Za-zÀ-ÿ'’-]*(?=[¹²³⁴⁵⁶⁷⁸⁹⁰])))*)")
CONNECTORS = re.compile(r"(?:\s+(?:on|for|of|against|relating\s+to|to|concerning|in|and|the|a|an))+$")
GENERIC_TITLE_WORDS = {"Optional", "Additional", "First", "Second", "Third", "New", "International", "Framework"}
NEXT_INSTRUMENT = re.compile(r",?\s+(?:and\s+)?(?:the\s+)?(?=[A-Z])")
TITLE_CLASSES = {"Convention": "Convention", "Covenant": "Convention", "Protocol": "Protocol"}
DATE_NEXT = re.compile(r"\s*,?\s+(?:on|in)\s+(?P<date>\d{1,2}\s+[A-Z][a-z]+\s+\d{4}|[A-Z][a-z]+\s+\d{4})\b")
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


@rule("treaties.joined", "ratification",
      "A State joining an instrument, stated as a fact in any paragraph: 'the accession of <State> to <instrument>', "
      "'the ratification by <State> of <instrument>', '<State> has/had acceded to|ratified <instrument>', with the "
      "date that follows the instrument ('on 5 September 2025'). The instrument is one the gazetteer holds or a "
      "title ('the Convention on Cluster Munitions'); a vague one ('several human rights treaties') gives no row.")
def joined(ctx: ParagraphContext):
    text = ctx.text
    if not re.search(r"accession|ratif|acceded|succe|became|become", text):
        return
    states = ctx.within(0, len(text), {"state"})
    for i, m in enumerate(states):
        sentence = next((s for s in ctx.sentences if s.start <= m.start < s.end), None)
        if sentence is None:
            continue
        nominal = JOINING.search(text, max(sentence.start, m.start - 40), m.start)
        if nominal and WISHED.search(text, max(sentence.start, nominal.start() - 60), nominal.start()):
            continue  # "calls for the accession of X to": asked for, not done
        verbal = JOINED.match(text, m.end) if not nominal else None
        joiners = [m]
        if nominal:  # "the ratification by China, France, the Russian Federation and the United Kingdom ... of"
            for other in states[i + 1:]:
                if not re.fullmatch(r"(?:,\s*|\s+and\s+|,\s*and\s+)(?:the\s+)?", text[joiners[-1].end:other.start]):
                    break
                joiners.append(other)
            to = TO_INSTRUMENT.match(text, joiners[-1].end)
            at, word = (to.end() if to else None), nominal["word"]
        elif verbal and not re.search(r"\b(?:not|yet|whether|if)\s*$", text[sentence.start:m.start]):
            at, word = verbal.end(), verbal["word"]
        else:
            continue
        found = _instrument_at(ctx, at, sentence.end) if at is not None else None
        while found is not None:  # "to the International Covenant on ..., the Convention on ... and the Protocol ..."
            instrument, end = found
            dated = DATE_NEXT.match(text, end)
            values = {"actionType": _action(word), "date": _date(dated["date"]) if dated else None}
            for state in joiners:
                yield ctx.assertion("ratification", sentence, "treaties.joined",
                                    {"state": [state.entity], "instrument": [instrument]}, values)
            more = NEXT_INSTRUMENT.match(text, end) if not dated else None
            found = _instrument_at(ctx, more.end(), sentence.end) if more else None


def _instrument_at(ctx: ParagraphContext, at: int, end: int) -> tuple[Entity, int] | None:
    """The instrument named at `at`: a gazetteer mention starting there, else a title."""
    known = next((m for m in ctx.within(at, end, {"instrument"}) if m.start <= at + 4), None)
    if known is not None:
        return known.entity, known.end
    titled = TITLED.match(ctx.text, at, end)
    if titled is None:
        return None
    title = CONNECTORS.sub("", titled["title"])
    head = re.search(r"(Convention|Treaty|Protocol|Covenant|Agreement|Statute)", title)
    if not set(re.findall(r"[A-Z][\w'’-]*", title)) - GENERIC_TITLE_WORDS - {head[1]}:
        return None  # "the Optional Protocol thereto", "the Convention": which one, the title does not say
    return Entity("instrument", slug(title), title, (TITLE_CLASSES.get(head[1], "Instrument"),)), at + len(title)


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
            if DID_SOMETHING.match(ctx.text, f.end()) or ctx.text.count("(", as_at.end(), f.start()) > \
                    ctx.text.count(")", as_at.end(), f.start()):
                continue  # "168 parties (167 countries ...) had communicated their first contributions": the count of
                # those that did something, and its breakdown in brackets, are no figure of the subject
            yield ctx.assertion("figure", sentence, "figures.as-at", {"subject": [subjects[0].entity]},
                                {"measure": f["what"], "count": f["n"].replace(",", ""), "asAt": date},
                                confidence=0.8)


# a count followed by what those counted did ("... had communicated", "have completed")
DID_SOMETHING = re.compile(r"\s*(?:\([^()]*\)\s*)?(?:had|have|has)\s+(?:\w+ly\s+)?(?!been\b|\d)\w+ed\b")


def _date(text: str) -> str | None:
    try:
        return parse_date(text)
    except DateError:
        return None
