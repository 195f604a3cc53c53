"""Implementation: where initiatives and activities operate, and who leads them (initiative, lead, country).

How documents say it:
  "This initiative is being implemented in partnership with IOM in five countries: Afghanistan, Bangladesh, ..."
  "implementing activities at field level in the Central African Republic, Libya, Mali and Myanmar"
  "IOM continues to train and deploy its anti-trafficking experts to crises such as those in Cox’s Bazar, Bangladesh;
   the Democratic Republic of the Congo; Libya; and north-east Nigeria"
  "Engagement with Member States is under way, in particular with Albania, Chile, ..." (the initiative named in the
   sentence before: Alliance 8.7)
  "anti-trafficking projects have been proposed for Bosnia and Herzegovina, North Macedonia and Serbia"
  "UNODC continued to provide assistance to the Dominican Republic to revise its law on trafficking in persons"
  "In Pakistan, UNODC, under its Global Action ... initiative, began work ..."
  "Under Global Action against Trafficking in Persons and the Smuggling of Migrants – Bangladesh, UNODC provided ..."
  "the United Nations Integrated Office in Haiti (BINUH)", "the Haiti Anti-Corruption Task Force" (a State in the name)
The lead is the organization the sentence is about: the agent by whom the work is implemented, the subject, else the
actor of the section or of the document. The country is a State, or a place within one as the text writes it
("Cox’s Bazar, Bangladesh", "north-east Nigeria"); a city alone counts only where the paragraph names no country.
What does not count: regions ("in Asia", "in South-Eastern Europe"), venues ("round tables ... were organized in",
"adopted in Jakarta"), law enforcement operations (the operations rules report them with their results), States that
act themselves (subjects), nationalities in brackets, places inside quoted titles, "the situation in X", and in
resolutions everything but what a paragraph welcomes or notes.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from tipkg.extract.context import PREPOSITIONS, ParagraphContext
from tipkg.extract.initiatives import (QUOTED, Named, activity_phrase, anaphor_at, describe, initiative_entity,
                                       initiative_key, named_initiatives, phrase_at, remember)
from tipkg.extract.relations.partnerships import NOT_PARTNERS, factual, in_resolution, named_subject, partnerships_in
from tipkg.extract.rules import rule
from tipkg.extract.text import Sentence
from tipkg.iris import slug
from tipkg.model import Entity, Mention

__all__ = ["Work", "implementations_in"]

PLACE_KINDS = {"state", "place", "government"}
# what is done somewhere (nouns first: "training activity" is one noun), and the meetings that are only held there
ACTIVITY = re.compile(
    r"\b(?P<noun>activit(?:y|ies)|programmes?|projects?|workshops?|training(?:\s+(?:activit(?:y|ies)|sessions?|"
    r"series|courses?|events?))?|mentoring(?:\s+(?:and\s+training\s+)?(?:sessions?|events?))?|facility|campaigns?|"
    r"visits?|engagement|(?:technical|legislative|legal|capacity-building)\s+assistance|"
    r"capacity-building|peer\s+exchange\s+activit(?:y|ies)|exchange\s+programmes?|participation)\b"
    r"|\b(?P<verb>implement(?:ed|ing|s)?|deploy(?:ed|ing|s)?|proposed\s+for|pilot(?:ed|ing)|operat(?:es|ing)|"
    r"provid(?:e|ed|es|ing)\s+(?:technical\s+|legislative\s+|legal\s+|expert\s+)?(?:assistance|support)|"
    r"continued\s+(?:its\s+)?work|began\s+work|work(?:s|ed|ing)?\s+in|partner(?:ed|ing|ship)|train(?:ed|s|ing)?|"
    r"coach(?:ed|ing)|mentor(?:ed|ing))\b"
    r"|\b(?P<meeting>meetings?|sessions?|conferences?|round\s+tables?|forums?|summits?|side\s+events?|briefings?|"
    r"dialogues?|consultations?|congress(?:es)?|symposi(?:um|a)|launch(?:ed)?|held|convened|hosted)\b", re.I)
WEAK_NOUNS = {"engagement", "activities", "activity", "work", "support", "assistance"}
# the words that put a State where the work is done
LOCATIVE = re.compile(
    r"(?:\b(?i:in|for|across|covering|throughout)\s+(?:the\s+)?(?:countries\s+of\s+(?:the\s+)?)?"
    r"|\b(?:assistance|support|advice|aid|training)\s+to\s+(?:the\s+)?"
    r"|\b(?:judges|prosecutors|officials|officers|agents|practitioners|participants|representatives|delegates|experts|"
    r"investigators|police|staff|members)\s+from\s+(?:the\s+)?"
    r"|\b(?:countries|States)\s*:\s*(?:the\s+)?"
    r"|\bin\s+particular\s+with\s+(?:the\s+)?"
    r"|\b(?:Court|Office|Ministry|Agency|Police|Commission|Committee|Council|Authority|Directorate|Parliament)\s+of\s+"
    r"(?:the\s+)?)$")
LIST_GLUE = re.compile(r"\s*[,;]?\s*(?:and\s+|as\s+well\s+as\s+)?(?:in\s+)?(?:the\s+)?")
NOT_PLACE_OF_WORK = re.compile(r"\b(?:(?:situation|conflict|war|occupation|invasion|impact|exploitation|crisis|"
                               r"crises)s?|adopted|signed|held|launched|convened|hosted|concluded|opened|headquartered|"
                               r"based|located|seated)\s+in\s+(?:the\s+)?$|"
                               # a State in the name of a mission or body: "the United Nations Stabilization Mission in
                               # Haiti", "the United Nations Operation in Côte d’Ivoire", "the Committee on Missing Persons
                               # in Cyprus"
                               r"(?-i:\b(?:Mission|Operation|Force|Persons))\s+in\s+(?:the\s+)?$", re.I)
# "Palestine refugees", "the Bangladesh office": a State's name before a noun qualifies the noun
MODIFIER_USE = re.compile(r"\s+(?![a-z]+ing\b)(?!(?:and|or|in|on|to|for|with|from|at|by|as|of|which|where|the|a|an|is|"
                          r"are|was|were|has|have|had|during|since|until|through|between|under|while|who|that|its|"
                          r"their|also|respectively)\b)[a-z]")
DIRECTION = re.compile(r"\b(?P<dir>(?:north|south|east|west|north-east|north-west|south-east|south-west|northern|"
                       r"southern|eastern|western|central|north-eastern|north-western|south-eastern|south-western)"
                       r"\s+)$")
PLACE_BEFORE_STATE = re.compile(r"(?P<place>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3}),\s*$")
OPENING = re.compile(r"\s*(?i:in)\s+(?:the\s+)?|\s*")
ONE_ON = re.compile(r"\b(?P<head>programmes|projects|initiatives|activities)\b[^.;]{0,80}?\binclude[sd]?\s+one\s+"
                    r"(?P<rest>(?:on|to|for|aimed)\b[^.;]*)")
BY_LEAD = re.compile(r"\b(?:implemented|led|run|managed|carried out|coordinated)\s+by\s+(?:the\s+)?$")
ACTING = re.compile(r"\s+(?:has\s+|have\s+|had\s+|also\s+)*[a-z]+(?:ed|s)\b")
PASSIVE = re.compile(r"\s+(?:are|is|were|was|have been|has been|had been|being)\s+(?:\w+ly\s+|also\s+|now\s+)*"
                     r"(?:drafted|endorsed|adopted|developed|established|launched|implemented|created|set up|prepared|"
                     r"produced|organized|conducted|deployed|proposed|piloted|introduced|delivered|provided)\b")
# a finite verb: the words run past a name into a clause
CLAUSE_WORDS = re.compile(r"\b(?:was|were|is|are|will|would|shall|has|have|had)\b")
UNDER = re.compile(r"\s*(?:Under|Through|Within the framework of|In the framework of|As part of)\s+(?:the\s+|its\s+)?")
TITLED = re.compile(r"\b(?:entitled|called|titled)\s*,?\s*(?=[“\"])")


@dataclass
class Work:
    """Country work read from a sentence: what, led by whom, where."""

    rule: str
    sentence: Sentence
    initiative: Named | None
    lead: Entity
    countries: list[Entity]


def implementations_in(ctx: ParagraphContext) -> list[Work]:
    """Every country work of the paragraph, read once and shared by the rules below."""
    cached = ctx.__dict__.get("_implementations")
    if cached is None:
        cached = ctx.__dict__["_implementations"] = _read(ctx)
    return cached


def _read(ctx: ParagraphContext) -> list[Work]:
    if not any(m.entity.kind in PLACE_KINDS for m in ctx.mentions) or not factual(ctx) \
            or ctx.paragraph.kind == "footnote":  # partnerships read prose footnotes; country work is left to the body
        return []
    partnerships_in(ctx)  # the partnership rules name the work of their sentences; read them first
    found: list[Work] = []
    for sentence in ctx.sentences:
        initiatives = [n for n in named_initiatives(ctx) if sentence.start <= n.start < sentence.end]
        if any("Operation" in n.entity.classes for n in initiatives):
            continue  # operations are reported with their results, not as country work
        component = next((n for n in initiatives if n.country is not None), None)
        places = _places(ctx, sentence)
        if not places and component is None and not UNDER.match(ctx.text, sentence.start, sentence.end):
            continue
        lead = _lead(ctx, sentence)
        if lead is None:
            continue
        if component is not None:
            found.append(Work("implementation.named-component", sentence, component, lead, [component.country]))
        countries = [e for e, _ in places if component is None or e != component.country]
        framed = _states_under(ctx, sentence, initiatives)
        if framed:
            found.append(Work("implementation.states-under", sentence, initiatives[0], lead, framed))
        work = _initiative(ctx, sentence, initiatives, places[0][1]) if countries else None
        if work is not None and work.how == "phrase" and CLAUSE_WORDS.search(work.entity.label):
            continue  # "sexual activities with a child, was recorded in connection with 59 allegations": a clause, not
            # a work's name; its places are not where anything is implemented
        if countries:
            found.append(Work("implementation.places", sentence, work, lead, countries))
    return _cities_only_where_no_country(found)


def _states_under(ctx: ParagraphContext, sentence: Sentence, initiatives: list[Named]) -> list[Entity]:
    """"Under the Transforming Alerts ... initiative, five countries took action ...: Brazil produced ...; Colombia
    launched ...": the States that act in a sentence framed by an initiative are where it operates."""
    frame = UNDER.match(ctx.text, sentence.start, sentence.end)
    if not frame or not initiatives or initiatives[0].start != frame.end():
        return []
    out = []
    for m in ctx.mentions:
        if sentence.start <= m.start < sentence.end and m.entity.kind == "state" \
                and re.search(r"[:;]\s*(?:and\s+)?$", ctx.text[max(sentence.start, m.start - 8):m.start]) \
                and ACTING.match(ctx.text, m.end, sentence.end) and m.entity not in out:
            out.append(m.entity)
    return out


def _cities_only_where_no_country(found: list[Work]) -> list[Work]:
    """A city alone ("a workshop ... in Cairo") is the place of the work only where the paragraph names no country."""
    states = {e.key for w in found for e in w.countries if e.kind == "state"}
    out = []
    for w in found:
        w.countries = [e for e in w.countries if not (e.kind == "place" and _country_of(e) in states)]
        if w.countries:
            out.append(w)
    return out


# --- who leads ------------------------------------------------------------------------------------------------------

def _lead(ctx: ParagraphContext, sentence: Sentence) -> Entity | None:
    """The agent by whom the work is implemented, the subject, else the section's or document's actor."""
    for m in ctx.mentions:
        if sentence.start <= m.start < sentence.end and m.entity.kind == "organization" \
                and BY_LEAD.search(ctx.text, max(sentence.start, m.start - 40), m.start):
            return m.entity if _can_lead(m.entity) else None
    if in_resolution(ctx):
        return None  # a resolution's sentences have the adopting body as subject: the first name is an object
        # ("further welcoming the Caribbean Community's (CARICOM) regional roadmap"), not who leads the work
    subject = named_subject(ctx, sentence)
    if subject is not None and _after_preposition(ctx.text, sentence.start, subject.start):
        subject = None  # "endorsed by the Government of Cabo Verde as a result of ...": an agent, not the subject
    if subject is not None:
        if subject.entity.kind in ("state", "government", "group"):
            return None  # a State or group doing something itself is not an initiative working there
        if _can_lead(subject.entity):
            return subject.entity
        if set(subject.entity.classes) & NOT_PARTNERS:
            return None
    return next((a for a in (ctx.actor, ctx.document_actor) if a is not None and _can_lead(a)), None)


def _after_preposition(text: str, start: int, at: int) -> bool:
    word = re.search(r"([A-Za-z]+)\W*(?:the\s+)?$", text[start:at])
    return bool(word and word.group(1).lower() in PREPOSITIONS)


def _can_lead(e: Entity) -> bool:
    return e.kind == "organization" and e.key != "UN" and not set(e.classes) & (NOT_PARTNERS | {"SubsidiaryBody"})


# --- where ----------------------------------------------------------------------------------------------------------

def _places(ctx: ParagraphContext, sentence: Sentence) -> list[tuple[Entity, int]]:
    """The States and local places of the sentence where work is done, each with where it is written."""
    text = ctx.text
    cues = [c for c in ACTIVITY.finditer(text, sentence.start, sentence.end)
            if not c.group(0)[0].isupper() or c.start() == sentence.start]  # not "Programme Office", "Training Centre"
    if not any(c["verb"] or c["noun"] for c in cues):
        return []
    quoted = [(q.start(), q.end()) for q in QUOTED.finditer(text, sentence.start, sentence.end)]
    acting = _acting_states(ctx, sentence)
    mentions = _with_possessive_names(ctx, sentence)
    out: list[tuple[Entity, int, int]] = []  # (entity, where it is written, where it ends)
    in_list, previous_end = False, None
    for m in mentions:
        continuing = in_list and previous_end is not None and bool(LIST_GLUE.fullmatch(text, previous_end, m.start))
        if m.entity.kind not in PLACE_KINDS:
            in_list = continuing
            continue
        previous_end, in_list = m.end, False
        if any(s <= m.start < e for s, e in quoted) or _bracketed(text, m.start) or m.entity in acting \
                or m.entity.kind == "state" and MODIFIER_USE.match(text, m.end):
            continue
        if out and m.entity.kind == "state" and _country_of(out[-1][0]) == m.entity.key \
                and re.fullmatch(r"\s*,\s*", text[out[-1][2]:m.start]):
            # "Cox’s Bazar, Bangladesh": the city as written with its State
            at = out[-1][1]
            out[-1] = (_place(text[at:m.end], "City", m.entity.key), at, m.end)
            in_list = True
            continue
        entity, at = _as_written(text, sentence, m, mentions)
        before = text[max(sentence.start, at - 60):at]
        if m.entity.kind == "government":
            at_work = True  # "endorsed by the Government of Cabo Verde as a result of a training activity"
        else:
            at_work = (bool(LOCATIVE.search(before)) or continuing or _engaged_with(text, sentence, before)) \
                and not NOT_PLACE_OF_WORK.search(before)
        cue = _cue_before(cues, at) or _cue_after(cues, m.end, sentence.end,
                                                  bool(OPENING.fullmatch(text, sentence.start, at)))
        if not at_work or cue is None or cue["meeting"] and not continuing:
            continue
        in_list = True
        if entity.kind == "place" and not _local(entity):
            continue  # a region: the list goes on, but a region is not a country
        if entity.kind == "government":
            entity = _state(entity.key) or entity
        if all(entity != e for e, _, _ in out):
            out.append((entity, at, m.end))
    return [(e, at) for e, at, _ in out]


def _as_written(text: str, sentence: Sentence, m: Mention, mentions: list[Mention]) -> tuple[Entity, int]:
    """A State written with a place before it ("Cox’s Bazar, Bangladesh") or a direction ("north-east Nigeria") is
    that place within the State, labelled as written."""
    if m.entity.kind != "state":
        return m.entity, m.start
    before = text[max(sentence.start, m.start - 60):m.start]
    named = PLACE_BEFORE_STATE.search(before)
    at = m.start - len(before) + named.start() if named else None
    if named and not any(o.start < m.start and o.end > at for o in mentions if o is not m) \
            and LOCATIVE.search(before[:named.start()]):
        return _place(f"{named['place']}, {m.surface}", "City", m.entity.key), at
    direction = DIRECTION.search(before)
    if direction:
        return _place(f"{direction['dir']}{m.surface}", "Region", m.entity.key), m.start - len(direction["dir"])
    return m.entity, m.start


def _state(key: str) -> Entity | None:
    from tipkg.reference import gazetteer

    return gazetteer().entity("state", key)


def _country_of(place: Entity) -> str | None:
    if place.kind != "place":
        return None
    if place.detail("country"):
        return place.detail("country")
    from tipkg.reference import gazetteer

    entry = gazetteer().get("place", place.key)
    return entry.codes.get("country") if entry else None


def _place(label: str, cls: str, country: str) -> Entity:
    return Entity("place", slug(label), label, (cls,), details=(("country", country),))


def _local(e: Entity) -> bool:
    """A place within one State: a city or area of the gazetteer, or one written with its State."""
    return _country_of(e) is not None


def _bracketed(text: str, at: int) -> bool:
    """"Mira Sorvino (United States, actress)": a nationality in brackets."""
    opened = text.rfind("(", max(0, at - 40), at)
    return opened >= 0 and text.find(")", opened, at) < 0 and not re.match(r"\(\s*$", text[opened:at])


def _engaged_with(text: str, sentence: Sentence, before: str) -> bool:
    """"Engagement with Member States is under way, in particular with Albania, ...": the States engaged with."""
    return bool(re.search(r"\bwith\s+(?:the\s+)?$", before)) and bool(
        re.search(r"\bengag\w*\s+with\b", text[sentence.start:sentence.end], re.I))


def _acting_states(ctx: ParagraphContext, sentence: Sentence) -> list[Entity]:
    """States and Governments the sentence is about ("the Government of Mexico and UNODC launched ...", "Ecuador and
    Peru signed ..."): they act; they are not where an initiative works."""
    out = []
    plain = [m for m in ctx.mentions if sentence.start <= m.start < sentence.end]
    first = next((m for m in plain if m.entity.kind in ("state", "government", "organization")), None)
    for m in (named_subject(ctx, sentence), first):
        if m is None or m is first and not re.fullmatch(
                r"\s*(?:(?:In|By|During|Since|As of)\s+[^,]{0,30},\s*)?(?:the\s+"
                r"|The\s+)?", ctx.text[sentence.start:m.start]):
            continue
        run = [m]
        for n in plain:
            if n.start > run[-1].end and re.fullmatch(r"\s*(?:,|and"
                                                      r"|,\s*and)\s+(?:the\s+)?", ctx.text[run[-1].end:n.start]):
                run.append(n)
        if ACTING.match(ctx.text, run[-1].end, sentence.end):
            out.extend(n.entity for n in run if n.entity.kind in ("state", "government"))
    return out


def _cue_before(cues: list[re.Match], at: int) -> re.Match | None:
    before = [c for c in cues if c.end() <= at]
    return before[-1] if before else None


def _cue_after(cues: list[re.Match], at: int, end: int, opening: bool) -> re.Match | None:
    """A cue written just after a place ("shown in Colombia, for example, where a training series ..."), or anywhere
    after a place that opens the sentence ("In Pakistan, UNODC, ..., began work ...")."""
    after = [c for c in cues if at <= c.start() < end and not c["meeting"]]
    if not after or not opening and len(after[0].string[at:after[0].start()].split()) > 8:
        return None
    return after[0]


@lru_cache(maxsize=1)
def _possessive_names() -> tuple[tuple[re.Pattern, Entity], ...]:
    """States and places whose names hold an apostrophe ("Lao People's Democratic Republic", "Cox's Bazar")."""
    from tipkg.reference import gazetteer

    out = []
    for entry in gazetteer().entries:
        if entry.entity.kind in ("state", "place"):
            for name in entry.names:
                if "'" in name or "’" in name:
                    words = [re.escape(w) for w in re.split(r"['’]", name)]
                    out.append((re.compile(r"\b" + "['’]".join(words) + r"\b"), entry.entity))
    return tuple(out)


def _with_possessive_names(ctx: ParagraphContext, sentence: Sentence) -> list[Mention]:
    """The sentence's mentions, with the names the mention finder misses because of their apostrophe.
    (The finder splits "People's" into "People" + "'s"; the fix belongs in tipkg.extract.mentions.)"""
    found = [m for m in ctx.mentions if sentence.start <= m.start < sentence.end]
    if "'" in ctx.text[sentence.start:sentence.end] or "’" in ctx.text[sentence.start:sentence.end]:
        for pattern, entity in _possessive_names():
            for hit in pattern.finditer(ctx.text, sentence.start, sentence.end):
                if not any(m.start < hit.end() and hit.start() < m.end and m.entity == entity for m in found):
                    found = [m for m in found if not (hit.start() <= m.start and m.end <= hit.end())]
                    found.append(Mention(entity, ctx.paragraph.key, hit.start(), hit.end(), hit.group(0),
                                         "pattern:possessive-name"))
    return sorted(found, key=lambda m: m.start)


# --- what -----------------------------------------------------------------------------------------------------------

def _initiative(ctx: ParagraphContext, sentence: Sentence, named: list[Named], first_place: int) -> Named | None:
    """What works there: an initiative named in the sentence, the one "this initiative" refers to, what the sentence's
    partnership is about, the activity its cue names ("a legislative drafting workshop ..."), else the initiative the
    paragraph named before."""
    text = ctx.text
    if named:
        return named[0]
    anaphor = anaphor_at(ctx, sentence.start, sentence.end)
    if anaphor is not None:
        return anaphor
    partnered = next((r.initiative for r in partnerships_in(ctx) if r.sentence == sentence and r.initiative), None)
    if partnered is not None:  # "UNODC, in partnership with the Supreme Court of Thailand, translated the ..."
        return partnered
    one = ONE_ON.search(text, sentence.start, first_place)
    if one:  # "The programmes ... include one on preventing ...": a programme on preventing ...
        head = one["head"][:-3] + "y" if one["head"].endswith("ies") else one["head"][:-1]
        label = describe(f"{head} {text[one.start('rest'):first_place]}")
        return _remembered(ctx, Named(initiative_entity(label, "Programme" if head == "programme" else "Initiative"),
                                      one.start(), first_place, "phrase"))
    carried = [n for n in named_initiatives(ctx) + ctx.__dict__.get("_read_initiatives", []) if n.end <= sentence.start]
    cues = [c for c in ACTIVITY.finditer(text, sentence.start, first_place) if c["noun"] or c["verb"]]
    if not cues:
        return _passive_subject(ctx, sentence, first_place) or (carried[-1] if carried else None)
    cue = cues[-1]
    word = (cue["noun"] or cue["verb"]).lower()
    weak = word in WEAK_NOUNS or word.startswith(("continued", "began", "work"))
    if weak and carried:  # "Engagement with Member States is under way": the initiative named before
        return carried[-1]
    if weak and cue["verb"]:
        on = re.match(r"\s+on\s", text[cue.end():cue.end() + 4])
        if on:  # "continued work on a regional study ..."
            return phrase_at(ctx, cue.end() + on.end(), _place_marker_start(text, first_place))
        including = re.search(r",\s*including\s+(?=[a-z]+ing\b)", text[first_place:sentence.end])
        return phrase_at(ctx, first_place + including.end(), sentence.end) if including else None
    titled = TITLED.search(text, cue.end(), sentence.end)
    quoted = QUOTED.match(text, titled.end()) if titled and cue["noun"] else None
    if quoted:  # "a workshop ... entitled “Access to justice ...”"
        label = quoted["name"].strip()
        return _remembered(ctx, Named(initiative_entity(label), quoted.start(), quoted.end(), "quoted"))
    if cue["noun"] or re.search(r"assistance|support", cue.group(0)):
        found = _activity(ctx, sentence, cue, first_place)
    else:
        found = _verb_phrase(ctx, sentence, cue, first_place)
    return _remembered(ctx, found) if found is not None else (carried[-1] if carried else None)


def _remembered(ctx: ParagraphContext, named: Named) -> Named:
    remember(ctx, named)
    return named


def _activity(ctx: ParagraphContext, sentence: Sentence, cue: re.Match, first_place: int) -> Named | None:
    """"a highly specialized training activity in Tunisia to assist the ...": the activity and what it is for."""
    text = ctx.text
    noun = re.search(r"(?:\w+\s+)?(?:assistance|support)$", cue.group(0)) if cue["verb"] else None
    found = activity_phrase(ctx, cue.start() + noun.start() if noun else cue.start(), cue.end(),
                            _place_marker_start(text, first_place))
    purpose = re.match(r"[^,;.]{0,60}?\s(?=to\s+[a-z]+\b)", text[first_place:sentence.end])
    if found is not None and found.how == "phrase" and purpose \
            and _place_list_end(ctx, first_place) <= first_place + purpose.end():
        label = f"{found.entity.label} {describe(text[first_place + purpose.end():sentence.end])}"
        found = Named(initiative_entity(label), found.start, found.end, "phrase")
    return found


def _place_list_end(ctx: ParagraphContext, first_place: int) -> int:
    """Where the list of places that starts at `first_place` ends."""
    end = first_place
    for m in ctx.mentions:
        if m.start < end:
            continue
        if m.start == first_place or m.entity.kind in PLACE_KINDS and LIST_GLUE.fullmatch(ctx.text, end, m.start):
            end = m.end
        else:
            break
    return end


def _place_marker_start(text: str, first_place: int) -> int:
    """Where the words that introduce the places begin ("in", "assistance to the", "agents from")."""
    window = max(0, first_place - 60)
    m = LOCATIVE.search(text, window, first_place)
    if m and re.match(r"\w+\s+from\b", m.group(0)):  # "law enforcement agents from": the agents are the activity's
        return m.start() + m.group(0).index("from")
    return m.start() if m else first_place


def _verb_phrase(ctx: ParagraphContext, sentence: Sentence, cue: re.Match, first_place: int) -> Named | None:
    """"implemented a granting facility ... in", "specialized police teams are currently deployed in",
    "deploy its anti-trafficking experts to crises such as those in": what the verb moves or makes."""
    text = ctx.text
    stop = _place_marker_start(text, first_place)
    after = text[cue.end():stop]
    if re.search(r"[A-Za-z]{3,}", after) and not re.match(r"\s*(?:in|to|for|at)\b", after):
        obj = phrase_at(ctx, cue.end(), stop)
        if obj is not None:
            if obj.how == "phrase" and cue.group(0).lower().startswith(("deploy", "train", "coach", "mentor")):
                label = describe(re.sub(r"\s(?:its|their)\s", " ", f"{cue.group(0)} {text[obj.start:stop]}"))
                return Named(initiative_entity(label), cue.start(), stop, "phrase")
            return obj
    return _passive_subject(ctx, sentence, cue.end())


def _passive_subject(ctx: ParagraphContext, sentence: Sentence, at: int | None = None) -> Named | None:
    """The noun phrase a passive verb is said of: "specialized police teams are currently deployed in ...", "a national
    plan of action ... was drafted and endorsed by ..."."""
    text = ctx.text
    verb = PASSIVE.search(text[sentence.start:at or sentence.end])
    if not verb:
        return None
    stop = sentence.start + verb.start()
    start = max(text.rfind(",", sentence.start, stop) + 1, sentence.start)
    if not text[start:stop].strip() or len(text[start:stop].split()) > 12:
        return None
    return phrase_at(ctx, start, stop)


# --- the rules ------------------------------------------------------------------------------------------------------

def _emit(ctx: ParagraphContext, rule_id: str):
    for work in implementations_in(ctx):
        if work.rule == rule_id and work.initiative is not None:  # work the sentence does not name: no row
            roles = {"lead": [work.lead], "country": work.countries, "initiative": [work.initiative.entity]}
            yield ctx.assertion("implementation", work.sentence, rule_id, roles)


@rule("implementation.places", "implementation",
      "A sentence with country work (implemented, deployed, trained, workshop, programme, project, activities, "
      "assistance, engagement with ...) and the States or local places it is done in ('in', 'for', 'across', "
      "'covering', 'assistance to', 'officials from', 'countries:'): the initiative named there (else the activity, "
      "else the paragraph's initiative) operates in each, led by the sentence's organization.")
def places(ctx: ParagraphContext):
    yield from _emit(ctx, "implementation.places")


@rule("implementation.states-under", "implementation",
      "A sentence opening with 'Under <initiative>,' (through, as part of, within the framework of) whose clauses "
      "have States as subjects ('...: Brazil produced ...; Colombia launched ...'): the initiative operates in each.")
def states_under(ctx: ParagraphContext):
    yield from _emit(ctx, "implementation.states-under")


@rule("implementation.named-component", "implementation",
      "An initiative written with a country after a dash ('Global Action ... – Bangladesh'): the initiative operates "
      "in that country, led by the sentence's organization.")
def named_component(ctx: ParagraphContext):
    yield from _emit(ctx, "implementation.named-component")


# --- a country in the initiative's own name -------------------------------------------------------------------------
# "the United Nations Integrated Office in Haiti (BINUH)", "the Temporary Protected Status for Haiti programme", "the
# Haiti Anti-Corruption Task Force": a mission, office, programme or task force named after the country it works in
NAMED_HEADS = ("Mission", "Office", "Programme", "Program", "Task Force", "Initiative", "Project", "Operation",
               "Force", "Team", "Plan", "Facility")
LOWER_HEADS = ("programme", "program", "project", "initiative", "mission", "plan")
_named_heads = "|".join(re.escape(h) for h in NAMED_HEADS)
HEAD_THEN_STATE = re.compile(rf"(?:the\s+)?(?P<name>(?:[A-Z][\w’'-]*\s+(?:(?:of|for|and(?!\s+the\b)|on)\s+)*){{1,8}}?"
                             rf"(?:{_named_heads})\s+(?:in|for)\s+(?:the\s+)?)$")
WORDS_THEN_STATE = re.compile(r"(?:the\s+)?(?P<name>(?:[A-Z][\w’'-]*\s+){1,6}(?:in|for)\s+(?:the\s+)?)$")
LOWER_HEAD_AFTER = re.compile(rf"\s+(?P<head>{'|'.join(LOWER_HEADS)})\b")
STATE_THEN_HEAD = re.compile(rf"(?P<rest>(?:\s+[A-Z][\w’'-]*){{1,5}}?\s+(?:{_named_heads}))\b")
NAME_PLACES = re.compile(rf"\b(?:{_named_heads})\s+(?:in|for)\s+(?:the\s+)?(?P<state>[A-Z][\w’' -]+)$")
NOT_INITIATIVE_CLASSES = {"Post", "PrincipalOrgan", "FunctionalCommission", "ConferenceOfParties", "State"}


_NAMED_SEEN: dict = {}  # the pairs the document read so far has given (the rules read one document at a time)


@lru_cache(maxsize=1)
def _states_by_name() -> dict[str, Entity]:
    from tipkg.reference import gazetteer

    return {name.lower(): entry.entity for entry in gazetteer().of_kind("state") for name in entry.names}


def _named_country(ctx: ParagraphContext) -> list[tuple[Sentence, Entity, Entity, Entity | None]]:
    """(sentence, initiative, State, lead) for every initiative the paragraph names after a State; an office the
    gazetteer holds is itself the initiative, and leads it (one node for one real thing)."""
    text = ctx.text
    out: list[tuple[Sentence, Entity, Entity, Entity | None]] = []

    def sentence_at(at: int) -> Sentence:
        return next((s for s in ctx.sentences if s.start <= at < s.end + 1), ctx.sentences[-1])

    for m in ctx.mentions:
        e = m.entity
        if e.kind in ("organization", "initiative") and not set(e.classes) & NOT_INITIATIVE_CLASSES:
            place = NAME_PLACES.search(e.label)  # a name the gazetteer holds: "United Nations Integrated Office in Haiti"
            state = _states_by_name().get(place["state"].lower()) if place else None
            if state is not None:  # an office is its own work: one node, leading it
                out.append((sentence_at(m.start), e, state, None if e.kind == "initiative" else e))
        if e.kind != "state":
            continue
        before, name = text[max(0, m.start - 160):m.start], None
        head_first = HEAD_THEN_STATE.search(before)
        lower = LOWER_HEAD_AFTER.match(text, m.end)
        words_first = WORDS_THEN_STATE.search(before) if lower else None
        after = STATE_THEN_HEAD.match(text, m.end)
        if head_first:  # "the United Nations Assistance Mission for Iraq"
            name = before[head_first.start("name"):] + m.surface
        elif words_first:  # "the Temporary Protected Status for Haiti programme"
            name = before[words_first.start("name"):] + m.surface + " " + lower["head"]
        elif after and re.search(r"\bthe\s+$", before):  # "the Haiti Anti-Corruption Task Force"
            name = m.surface + after["rest"]
        if name and not any(o.start < m.start < o.end and o.entity.kind in ("organization", "initiative")
                            for o in ctx.mentions):
            name = re.sub(r"^The\s+", "", re.sub(r"\s+", " ", name).strip())
            # "the Ukraine Monitoring Initiative of the Office for Democratic Institutions and Human Rights": its owner
            owner = None
            if after and not head_first and not words_first:
                of = re.compile(r"\s+of\s+(?:the\s+)?").match(text, m.end + len(after["rest"]))
                owner = next((o.entity for o in ctx.mentions if of and o.start == of.end()
                              and o.entity.kind == "organization" and _can_lead(o.entity)), None)
            out.append((sentence_at(m.start), initiative_entity(name, "Initiative"), m.entity, owner))
    return out


@rule("implementation.named-country", "implementation",
      "A mission, office, programme or task force named after the State it works in ('the United Nations Integrated "
      "Office in Haiti', 'the Temporary Protected Status for Haiti programme', 'the Haiti Anti-Corruption Task "
      "Force'): the initiative operates in that State. No lead (the name does not say who runs it), but for an office "
      "the gazetteer holds, which leads its own work.")
def named_country(ctx: ParagraphContext):
    if ctx.paragraph.kind == "footnote":
        return
    if _NAMED_SEEN.get("document") is not ctx.document:  # the first paragraph of a document that names it is evidence
        _NAMED_SEEN.update(document=ctx.document, first={})
    first = _NAMED_SEEN["first"]  # (initiative, State) -> the paragraph that gives it (the same on a second reading)
    seen = set()
    for sentence, initiative, state, lead in _named_country(ctx):
        pair = (initiative_key(initiative.label), state.key)  # an office and its name written again are one
        if first.setdefault(pair, ctx.paragraph.key) == ctx.paragraph.key and pair not in seen:
            seen.add(pair)
            roles = {"initiative": [initiative], "country": [state]}
            if lead is not None:
                roles["lead"] = [lead]
            yield ctx.assertion("implementation", sentence, "implementation.named-country", roles)


# "the partial deployment of the Multinational Security Support Mission": a mission, force or operation deployed
DEPLOYMENT = re.compile(r"\b(?:the\s+)?(?:(?:initial|partial|full|rapid|continued|further|successful)\s+)?deployment\s+of\s+"
                        r"(?:the\s+)?(?P<name>(?:[A-Z][\w’'-]*\s+(?:(?:of|for|and|on)\s+)?){1,7}?"
                        r"(?:Mission|Force|Forces|Operation))\b")


@rule("implementation.deployment", "implementation",
      "A mission or force a sentence says is deployed ('intensifying violence in Haiti despite the partial deployment "
      "of the Multinational Security Support Mission'): it operates in the State the sentence places it in, 'in' or "
      "'to' after its name, else the one State the sentence names after 'in'. No lead (the sentence does not say).")
def deployment(ctx: ParagraphContext):
    text = ctx.text
    if "eployment of" not in text or ctx.paragraph.kind == "footnote" or not factual(ctx):
        return
    for sentence in ctx.sentences:
        for m in DEPLOYMENT.finditer(text, sentence.start, sentence.end):
            states = [s for s in ctx.within(sentence.start, sentence.end, {"state"})
                      if re.search(r"\b(?:in|to)\s+(?:the\s+)?$", text[max(sentence.start, s.start - 8):s.start])]
            after = [s for s in states if re.fullmatch(r"\s+(?:in|to)\s+(?:the\s+)?", text[m.end():s.start])]
            placed = after or (states if len({s.entity.key for s in states}) == 1 else [])
            if not placed:
                continue
            name = re.sub(r"\s+", " ", m["name"]).strip()
            known = next((k.entity for k in ctx.mentions if k.start == m.start("name") and k.end >= m.end("name") - 1
                          and k.entity.kind in ("organization", "initiative")), None)
            mission = known or initiative_entity(name, "Initiative")
            yield ctx.assertion("implementation", sentence, "implementation.deployment",
                                {"initiative": [mission], "country": [placed[0].entity]})
