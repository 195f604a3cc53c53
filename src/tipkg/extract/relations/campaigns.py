"""Operations and campaigns, with who conducted them, when, where and their stated results.

How documents say it:
  "Operation Libertad. A total of 347 potential victims were rescued, and 22 suspected traffickers arrested, ...
   The operation was carried out in 13 Caribbean countries in April 2018;"
  "the INTERPOL White Sand Operation in the Caribbean"
  "the Blue Heart Campaign against Human Trafficking ... has so far been adopted by 18 countries"
  "the Government of Mexico and UNODC launched the #AQUIESTOY contra la trata de personas (#HereIAm against human
   trafficking) campaign"; "its multi-year social media campaign entitled “#IGiveHope”"; "the hashtags ...,
   #EndHumanTrafficking and #HumanTrafficking"; "UNODC launched the "Women Can" campaign"
  "organized a fundraising campaign for the United Nations Voluntary Trust Fund ..., which ... raised $50,000"
  "UNODC developed a social media package"; "The social media campaign ... also included a Thunderclap – ..."
  the yearly campaign of an observance: "The first theme for the World Day in 2016 was “...”" (the World Day's
   2016 campaign); the observance itself ("the World Day against Trafficking in Persons, to be observed every
   year") is an event, not a campaign
Generic campaigns ("national awareness-raising campaigns", "disinformation campaigns") are no initiative.
"""
from __future__ import annotations

import re

from tipkg.dates import YEAR, find_dates
from tipkg.extract.context import ParagraphContext
from tipkg.extract.relations.events import leading_date
from tipkg.extract.rules import rule
from tipkg.extract.text import Sentence
from tipkg.model import Document, Entity

NAME_WORD = r"[A-Z][\w'’\-]*"
OPERATION = re.compile(rf"\bOperation\s+(?P<name>{NAME_WORD}(?:\s+{NAME_WORD}){{0,3}})")
NAMED_OPERATION = re.compile(rf"\b(?P<name>(?:{NAME_WORD}\s+){{1,3}})Operation\b(?!s)")
NOT_OPERATION_NAME = {"Peace", "Peacekeeping", "Hybrid", "Military", "Support", "Joint", "Relief", "Emergency",
                      "Humanitarian", "Security", "Stabilization", "Assistance", "Naval", "Maritime", "Special",
                      "The", "This", "Each", "An", "A", "Field", "Police", "Air", "Logistics", "United", "Nations",
                      "Integrated", "Multidimensional", "Mission", "Union", "African", "Chapter", "Technical",
                      "Economic", "Regional", "International", "In", "For", "Of", "European"}
HASHTAGS = re.compile(r"#[A-Za-z][\w]{2,}(?:(?:,\s*|,?\s+and\s+)#[A-Za-z][\w]{2,})*")
HASHTAG_CAMPAIGN = re.compile(r"(?P<name>#[A-Za-z][\w]{2,}[^,;.]{0,100}?)\s+campaign\b")
TITLED_CAMPAIGN = re.compile(rf"\b(?P<name>(?:{NAME_WORD}\s+(?:(?:and|of|for|the|against|to)\s+(?=[A-Z]))?){{1,6}})Campaign\b(?P<rest>(?:\s+(?:against|for|to|on|of)"
                             rf"(?:\s+(?:{NAME_WORD}|in|of|the|and|against|for|to)){{1,8}})?)")
QUOTED_CAMPAIGN = re.compile(r"[“\"](?P<name>[^”\"]{2,80})[”\"]\s+campaign\b")
CAMPAIGN_ENTITLED = re.compile(r"\bcampaign,?\s+(?:(?:entitled|called|named|known\s+as|titled)\s+)?[“\"](?P<name>[^”\"]{2,80})[”\"]")
NAMED_LOWER_CAMPAIGN = re.compile(rf"\bthe\s+(?P<name>(?:{NAME_WORD}\s+){{1,4}})campaign\b")
DESCRIBED = re.compile(r"\b(?P<verb>organized|organised|launched|conducted|ran|developed|initiated|carried\s+out)\s+"
                       r"(?:a|an)\s+(?P<mods>(?:[\w\-]+\s+){0,3}?)(?P<head>campaign|social\s+media\s+package|"
                       r"social\s+media\s+kit|media\s+package)\b(?P<rest>\s+(?:for|on|against|to\s+(?:raise|promote|end)|"
                       r"aimed\s+at)\s+[^,;.–—]{3,120})?")
CAMPAIGN_MODIFIERS = {"fundraising", "awareness-raising", "awareness", "social", "media", "multi-year", "global",
                      "information", "advocacy", "public", "digital", "online", "regional", "new", "joint"}
COMPONENT = re.compile(rf"\bincluded\s+(?:a|an)\s+(?P<name>{NAME_WORD}(?:\s+{NAME_WORD}){{0,2}})\s*(?:–|—|-|,|\()")
OBSERVANCE_NAME = re.compile(r"\b(?P<name>(?:World|International)\s+Day\s+(?:against|for|of|on|to)\s+"
                             r"(?:[A-Z][\w'’\-]*|in|of|the|and|against|for|to|on)(?:\s+(?:[A-Z][\w'’\-]*|in|of|the|and|"
                             r"against|for|to|on|with|from))*)")
THEME = re.compile(rf"\btheme\s+(?:for|of)\s+the\s+(?P<short>(?:World|International)\s+Day)(?:\s+in\s+(?P<y>{YEAR}))?"
                   rf"|\b(?:campaign|package|messag\w*)\s+(?:\w+\s+)?for\s+the\s+(?P<y2>{YEAR})\s+(?P<short2>(?:World|"
                   rf"International)\s+Day)"
                   rf"|\btheme\s+that\s+\w+\s+chose\s+for\s+the\s+(?P<short3>(?:World|International)\s+Day)")

# results as documents state them
NUMBER = r"(?:US\s?)?\$?(?:\d[\d,.]*\d|\d)(?:\s+(?:million|billion|thousand))?"
FIGURE = re.compile(
    rf"\b(?:a\s+total\s+of\s+|over\s+|more\s+than\s+|some\s+|at\s+least\s+)?(?P<n>{NUMBER})\s+(?P<what>(?:[A-Za-z\-]+\s+){{0,2}}?"
    r"(?:victims|traffickers|suspects|persons|people|individuals|children|women|girls|boys|men|officers|countries|"
    r"arrests|cases|investigations|migrants|survivors|participants|impressions|officials|practitioners|"
    r"prosecutions|convictions|operations|States|nationals|workers))\b"
    r"(?:\s+(?:were|was|have\s+been|had\s+been))?(?:\s+(?P<verb>rescued|arrested|identified|assisted|detained|"
    r"trained|freed|released|seized|referred|prosecuted|convicted|reached|saved|repatriated|initiated))?")
MONEY = re.compile(rf"\b(?:raised|seized|totalling|totaling|worth|mobilized)\s+(?P<n>{NUMBER})|(?P<what>[a-z ]{{3,30}}?)"
                   rf"\s+totalling\s+(?P<n2>{NUMBER})\s+was\s+(?P<verb>seized|raised)")
ADOPTED_BY = re.compile(r"\b(?:been\s+)?(?P<verb>adopted|joined|endorsed|supported)\s+by\s+(?P<n>\d[\d,]*)\s+(?P<what>countries|States|"
                        r"Member States|partners|organizations)")
REACH = re.compile(rf"\breach\s+of\s+(?P<n>{NUMBER})\s+(?P<what>impressions|people|users|views)")


def initiative(name: str, cls: str) -> Entity:
    return Entity("initiative", name, name, (cls,))


def figures_in(text: str, start: int, end: int) -> str | None:
    """The stated results of a stretch as one short text: "347 potential victims rescued; 22 suspected
    traffickers arrested; 13 countries"."""
    found: list[tuple[int, str]] = []
    stretch = text[start:end]
    for m in FIGURE.finditer(stretch):
        what = re.sub(r"\s+", " ", m["what"]).strip()
        verb = m["verb"]
        if not verb:
            after = re.match(r"\s*(?:were\s+|was\s+)?(?P<v>rescued|arrested|identified|assisted|detained|trained)\b",
                             stretch[m.end():])
            verb = after["v"] if after else None
        if re.fullmatch(YEAR, m["n"]) and not verb:
            continue
        found.append((m.start(), f"{m['n']} {what}" + (f" {verb}" if verb else "")))
    for m in MONEY.finditer(stretch):
        if m["n"]:
            verb = re.match(r"\b(\w+)", m.group(0)).group(1)
            found.append((m.start(), f"{m['n']} {verb}"))
        else:
            found.append((m.start(), f"{m['what'].strip()} totalling {m['n2']} {m['verb']}"))
    for m in ADOPTED_BY.finditer(stretch):
        found.append((m.start(), f"{m['verb']} by {m['n']} {m['what']}"))
    for m in REACH.finditer(stretch):
        found.append((m.start(), f"reach of {m['n']} {m['what']}"))
    parts, seen = [], set()
    for _, f in sorted(found):
        if f not in seen and not any(f in p for p in parts):
            seen.add(f)
            parts.append(f)
    return "; ".join(parts) or None


def _year(ctx: ParagraphContext, sentence: Sentence, start: int, end: int) -> str | None:
    found = find_dates(ctx.text[start:end])
    if found:
        return found[0].start[:4]
    y = re.search(rf"\b(?:in|since|from)\s+(?P<y>{YEAR})\b", ctx.text[start:end])
    if y:
        return y["y"]
    lead = leading_date(ctx, sentence)
    return lead[0][:4] if lead else None


def _sentence_of(ctx: ParagraphContext, at: int) -> Sentence:
    for s in ctx.sentences:
        if s.start <= at < s.end + 1:
            return s
    return ctx.sentences[-1]


def _conducted_by(ctx: ParagraphContext, sentence: Sentence, start: int, end: int) -> list[Entity]:
    """Who ran it: 'coordinated by X', 'led by X', the agent named in the name ("the INTERPOL White Sand
    Operation"), else the sentence's subject or the section's agent."""
    text = ctx.text
    # "the “HeforShe” campaign of UN-Women": the owner named right after the name
    of = re.match(r"[\s”\"’]*(?:campaign|initiative|operation|programme)?\s*of\s+(?:the\s+)?", text[end:sentence.end])
    if of:
        agents = [m for m in ctx.agents(end + of.end(), min(sentence.end, end + of.end() + 120))
                  if m.start == end + of.end()]
        if agents:
            return [agents[0].entity]
    by = re.search(r"\b(?:coordinated|led|conducted|organized|launched|run|implemented)\s+by\s+", text[end:sentence.end])
    if by:
        agents = ctx.agents(end + by.end(), sentence.end)
        if agents:
            return [agents[0].entity]
    own = ctx.agents(max(sentence.start, start - 12), end)
    if own:
        return [own[0].entity]
    subject = ctx.subject(sentence)
    if subject is not None:
        named = [m.entity for m in ctx.agents(subject.start, sentence.end)
                 if m.start < start and re.fullmatch(r"\s*(?:and|,)\s*(?:the\s+)?", text[subject.end:m.start]) or m is subject]
        return named or [subject.entity]
    # the agent the section is about; never the body adopting a resolution, which runs none of what it cites
    return [ctx.actor] if ctx.actor is not None else []



def _outcome(ctx: ParagraphContext, rule_id: str, sentence: Sentence, entity: Entity, start: int, end: int,
             scope_end: int, agents: list[Entity] | None = None):
    text = ctx.text
    operation = entity.classes[:1] == ("Operation",)  # its item tells where and when, sentence after sentence
    where = re.match(r"[^.;]{0,60}?\b(?:carried out|conducted|implemented|launched|held)?\s*in\s+", text[end:scope_end]) \
        if entity.classes[:1] != ("Operation",) else None
    countries = [m.entity for m in ctx.within(end, scope_end, {"state"})] if entity.classes[:1] == ("Operation",) else \
        [m.entity for m in ctx.within(end + where.end(), min(scope_end, end + where.end() + 60), {"state"})] if where else []
    return ctx.assertion("outcome", sentence, rule_id,
                         {"initiative": [entity],
                          "conductedBy": agents if agents is not None else _conducted_by(ctx, sentence, start, end),
                          "country": countries},
                         {"year": _year(ctx, sentence, end, scope_end) or _year(ctx, sentence, sentence.start, start)
                          if operation else
                          # a campaign named in a list of others: its year is in its own clause
                          _year(ctx, sentence, end, _clause_end(text, end, scope_end))
                          or _year(ctx, sentence, _clause_start(text, sentence.start, start), start),
                          "figures": figures_in(text, end, scope_end)})


def _clause_end(text: str, end: int, limit: int) -> int:
    """Where the clause of a name ends: a year after it belongs to the name only up to the next ";" or
    "; both held in October 2019" of another event ("..., as well as", "and the ...")."""
    stop = re.search(r";|,\s+(?:as well as|and|both|which|while)\b", text[end:limit])
    return end + stop.start() if stop else limit


def _clause_start(text: str, lo: int, start: int) -> int:
    cut = max(text.rfind(";", lo, start), text.rfind(":", lo, start))
    return cut + 1 if cut >= 0 else lo


@rule("campaigns.operation", "outcome",
      "A named operation ('Operation Libertad', 'the INTERPOL White Sand Operation'): the results stated after "
      "it up to the next operation or the end of the paragraph ('A total of 347 potential victims were rescued'), "
      "the countries and the year it was carried out in, and who conducted it.")
def operation(ctx: ParagraphContext):
    text = ctx.text
    if "Operation" not in text:
        return
    found = []
    for m in OPERATION.finditer(text):
        name = f"Operation {m['name']}"
        if m["name"].split()[0] in NOT_OPERATION_NAME or ctx.within(m.start("name"), m.end(), {"organization", "state"}):
            continue
        found.append((m.start(), m.end(), name))
    for m in NAMED_OPERATION.finditer(text):
        words = m["name"].split()
        if any(w in NOT_OPERATION_NAME for w in words) or re.match(r"\s+(?:in|for|of)\s+[A-Z]", text[m.end():]) \
                and not ctx.agents(max(0, m.start() - 12), m.start("name") + len(words[0]) + 1):
            continue
        if any(a <= m.start() < b for a, b, _ in found):
            continue
        agents = [a for a in ctx.agents(m.start(), m.end())]
        start = agents[-1].end + 1 if agents and agents[0].start == m.start() else m.start()
        name = text[start:m.end()].strip()
        if len(name.split()) < 2:
            continue
        found.append((m.start(), m.end(), name))
    found.sort()
    for i, (start, end, name) in enumerate(found):
        scope_end = found[i + 1][0] if i + 1 < len(found) else len(text)
        sentence = _sentence_of(ctx, start)
        if ctx.paragraph.kind == "subitem" or sentence.text.startswith(name):
            scope = scope_end
        else:
            scope = min(scope_end, sentence.end)
        yield _outcome(ctx, "campaigns.operation", sentence, initiative(name, "Operation"), start, end, scope)


def _document_campaigns(document: Document) -> dict[str, str]:
    """Long names of hashtag campaigns in the document, by their first hashtag: a later "the #AQUIESTOY
    campaign" is the campaign named in full before."""
    if _DOC_CACHE.get("document") is document:
        return _DOC_CACHE["campaigns"]
    out: dict[str, str] = {}
    for m in HASHTAG_CAMPAIGN.finditer(document.text):
        name = _clean(m["name"])
        tag = name.split()[0]
        if len(name) > len(out.get(tag, "")):
            out[tag] = name
    _DOC_CACHE.update(document=document, campaigns=out, observances=_observances(document.text))
    return out


def _observances(text: str) -> list[str]:
    names = {re.sub(r"(?:\s+(?:in|of|the|and|against|for|to|on|with|from))+$", "", _clean(m["name"]))
             for m in OBSERVANCE_NAME.finditer(text)}
    return sorted(names, key=len, reverse=True)


_DOC_CACHE: dict = {}  # what the last document read names in full (the rules read one document at a time)


def _clean(name: str) -> str:
    name = re.sub(r"[¹²³⁴⁵⁶⁷⁸⁹⁰]+", "", name)
    name = re.sub(r"^\S+[’']s\s+", "", name.strip())  # "the African Union’s Pan African ... Campaign"
    return re.sub(r"\s+", " ", name).strip(" ,;:–-")


# what a hashtag names when a noun of another kind follows it
NOT_CAMPAIGN_AFTER = re.compile(r"\s+(?:online\s+|global\s+|digital\s+)?(?:[Ii]nitiative|[Pp]latform|[Rr]eport|[Pp]roject|"
                                r"[Pp]rogramme|[Nn]etwork|[Hh]ub|[Pp]artnership|[Aa]lliance|[Cc]oalition)s?\b")


@rule("campaigns.hashtag", "outcome",
      "A hashtag campaign: '#IGiveHope', '#EndHumanTrafficking and #HumanTrafficking' (hashtags written "
      "together are one), '#AQUIESTOY contra la trata de personas (#HereIAm against human trafficking) campaign' "
      "(the words up to 'campaign' belong to the name; a later '#AQUIESTOY' is the same campaign).")
def hashtag(ctx: ParagraphContext):
    text = ctx.text
    if "#" not in text:
        return
    long_names = _document_campaigns(ctx.document)
    taken: list[tuple[int, int]] = []
    for m in HASHTAG_CAMPAIGN.finditer(text):
        name = _clean(m["name"])
        tag = name.split()[0]
        name = long_names.get(tag, name) if len(name.split()) == 1 else name
        taken.append((m.start(), m.end("name")))
        sentence = _sentence_of(ctx, m.start())
        yield _outcome(ctx, "campaigns.hashtag", sentence, initiative(name, "Campaign"), m.start(), m.end(),
                       sentence.end)
    for m in HASHTAGS.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        if NOT_CAMPAIGN_AFTER.match(text, m.end()) or re.search(r"[“\"]\s*$", text[:m.start()]) \
                and re.match(r":", text[m.end():]):
            continue  # "the #UN4Kharkiv Initiative", "the #Housing2030 online platform", the report "#Housing2030: ..."
            # (a hashtag names initiatives, platforms and titles too; a campaign is said to be one, or is a bare tag)
        tags = re.findall(r"#\w+", m.group(0))
        name = long_names.get(tags[0]) if len(tags) == 1 else None
        name = name or re.sub(r"\s+", " ", m.group(0))
        sentence = _sentence_of(ctx, m.start())
        yield _outcome(ctx, "campaigns.hashtag", sentence, initiative(name, "Campaign"), m.start(), m.end(),
                       sentence.end)


@rule("campaigns.named", "outcome",
      "A campaign by name: one the gazetteer knows (the Blue Heart Campaign), a name in capitals before "
      "'Campaign' ('... Campaign against Human Trafficking'), a quoted name before 'campaign' ('the \"Women Can\" "
      "campaign') or after 'campaign entitled'; with its year and stated reach ('adopted by 18 countries').")
def named(ctx: ParagraphContext):
    text = ctx.text
    if "ampaign" not in text:
        return
    spans: list[tuple[int, int, Entity]] = []
    for m in ctx.mentions:
        if m.entity.kind == "initiative" and "Campaign" in m.entity.classes:
            spans.append((m.start, m.end, m.entity))
    for pattern in (TITLED_CAMPAIGN, QUOTED_CAMPAIGN, CAMPAIGN_ENTITLED, NAMED_LOWER_CAMPAIGN):
        for m in pattern.finditer(text):
            start, end = m.start("name"), m.end()
            if any(a <= start < b or start <= a < end for a, b, _ in spans):
                continue
            name = _clean(m["name"])
            if pattern is TITLED_CAMPAIGN:
                name = f"{_clean(m['name'])} Campaign{m['rest'] or ''}".strip()
                words = m["name"].split()
                if words[0] in ("The", "A", "This", "Its", "In") and len(words) == 1:
                    continue
                name = re.sub(r"^(?:The|A|This|Its)\s+", "", name)
            if pattern is NAMED_LOWER_CAMPAIGN:
                covered = ctx.within(start, m.end("name"))
                if covered or m["name"].split()[0] in ("United", "Secretary-General", "The"):
                    continue  # "the UNODC campaign": an organization's campaign, no name
                name = f"{name} campaign"
            if name.startswith("#") or len(name) < 3:
                continue  # the hashtag rule reads those
            spans.append((start, end, initiative(name, "Campaign")))
    for start, end, entity in sorted(spans, key=lambda s: s[0]):
        sentence = _sentence_of(ctx, start)
        yield _outcome(ctx, "campaigns.named", sentence, entity, start, end, sentence.end)


@rule("campaigns.described", "outcome",
      "A campaign described, not named, that an agent organized, launched or developed: 'a fundraising campaign "
      "for the United Nations Voluntary Trust Fund ...', 'a social media package'; and what a campaign "
      "'included': 'a Thunderclap – a coordinated message ...'. Generic plurals ('awareness-raising campaigns') "
      "are left out.")
def described(ctx: ParagraphContext):
    text = ctx.text
    if "campaign" not in text and "package" not in text:
        return
    for m in DESCRIBED.finditer(text):
        mods = m["mods"].split()
        rest = (m["rest"] or "").strip()
        if re.search(r"[“\"#]", text[m.end():m.end() + 20]) and not rest:
            continue  # a named campaign follows: read by the other rules
        if m["head"] == "campaign" and not rest and not (set(w.lower() for w in mods) & CAMPAIGN_MODIFIERS):
            continue
        if m["head"] == "campaign" and not rest and len(mods) < 2:
            continue
        name = _clean(f"{m['mods']}{m['head']} {rest}")
        if re.search(rf"\bfor\s+the\s+{YEAR}\s+(?:World|International)\s+Day", name):
            continue  # the World Day's campaign of that year: read by campaigns.observance
        sentence = _sentence_of(ctx, m.start())
        scope = sentence.end
        subject = ctx.subject(sentence)
        agents = [subject.entity] if subject is not None and subject.start < m.start() else []
        yield _outcome(ctx, "campaigns.described", sentence, initiative(name, "Campaign"), m.start("mods"),
                       m.end(), scope, agents)
    if "included" in text and "campaign" in text:
        for m in COMPONENT.finditer(text):
            sentence = _sentence_of(ctx, m.start())
            if "campaign" not in text[sentence.start:m.start()] or ctx.within(m.start("name"), m.end("name")):
                continue
            yield _outcome(ctx, "campaigns.described", sentence, initiative(m["name"], "Campaign"), m.start("name"),
                           m.end("name"), sentence.end)


@rule("campaigns.observance", "outcome",
      "The campaign of an observance in a year, with its theme: 'the theme for the World Day in 2016', 'the theme "
      "that UNODC chose for the World Day' in a sentence of 2017, 'the social media campaign developed for the 2017 "
      "World Day'. The observance itself (an International Day, Year, Decade or Week) is no campaign: the events "
      "rules read it.")
def observance(ctx: ParagraphContext):
    text = ctx.text
    if " Day" not in text:
        return
    _document_campaigns(ctx.document)
    full_names: list[str] = _DOC_CACHE["observances"]
    for m in THEME.finditer(text):
        short = m["short"] or m["short2"] or m["short3"]
        sentence = _sentence_of(ctx, m.start())
        year = m["y"] or m["y2"]
        if year is None:
            lead = leading_date(ctx, sentence)
            year = lead[0][:4] if lead else None
        if year is None:
            continue
        full = next((n for n in full_names if n.startswith(short)), None)
        if full is None:
            continue  # "the theme for the International Day" of a day the document does not name
        theme = re.search(r"[“\"](?P<t>[^”\"]{3,120})[”\"]", sentence.text)
        values = {"year": year, "figures": f"theme: {theme['t']}" if theme else None}
        yield ctx.assertion("outcome", sentence, "campaigns.observance",
                            {"initiative": [initiative(f"{full} {year}", "Campaign")],
                             "conductedBy": _conducted_by(ctx, sentence, m.start(), m.end())}, values)


__all__ = ["figures_in", "initiative"]
