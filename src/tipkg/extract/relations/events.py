"""Events: sessions, meetings, conferences, forums, workshops, briefings and observances, with their place,
dates and organizer.

How documents say it:
  "The twenty-sixth, twenty-seventh and twenty-eighth sessions of the Commission on Crime Prevention and
   Criminal Justice, held in Vienna from 22 to 26 May 2017, 14 to 18 May 2018 and 20 to 24 May 2019, respectively"
  "the Intergovernmental Conference for the adoption of the Global Compact ..., convened in Marrakech, Morocco,
   on 10 and 11 December 2018"
  "the Working Group on Trafficking in Persons at its eleventh meeting, held in Vienna on 12 and 13 October 2021"
  "five briefings and side events that were held in New York and Vienna in 2018"
  "round tables involving businesses and trade unions were organized in North Macedonia and Serbia in May 2018"
  "On 2 and 3 March 2022, UNODC convened a regional expert group meeting on financial investigations ..."
  "UNODC organized an inter-regional workshop on combating trafficking in persons by air on 1 and 2 September 2021"
  "... supported a bilateral meeting of focal points ... The meeting was held on 30 September and 1 October 2021"
  "On 15 December 2020, at the second principal-level meeting, ..."
  "to designate 30 July as the World Day against Trafficking in Persons, to be observed every year beginning in 2014"
  "the IOM Handbook: ..., which was soft launched in Marrakech in December 2018"
A meeting, workshop or forum is only read with a date: one that the text does not place in time is not an
occurrence. A numbered session of a body ("at its seventy-first session"), a conference or summit named in capitals
("the Millennium Summit") and an observance ("the International Year for the Elimination of Child Labour") are
events whether or not the text dates them.
The meetings a resolution names for itself are read from its closing line ("80th plenary meeting / 17 December
2015") and its header ("Adopted by the Security Council at its 7847th meeting, on 20 December 2016", "Forty-fourth
session / 30 June–17 July 2020").
A place is a place the gazetteer knows, or a capitalised name right after "held in" / "convened in".

The readers of places and dates near a cue at the top are shared with the campaign rules of this package; the
words of prose and the leading date, which publications need too, live in tipkg.extract.prose (publications
must not import events: events reads publication titles for launches).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from tipkg.dates import MONTH, YEAR, find_dates
from tipkg.extract.context import ParagraphContext
from tipkg.extract.prose import FUNCTION_WORDS, leading_date, once_per_paragraph
from tipkg.extract.relations.publications import SECOND_NAME, SUPERSCRIPTS, adopted_texts, title_run_end, titles_in
from tipkg.extract.rules import RULES, rule
from tipkg.extract.symbols import SERIES, body_of_symbol, session_of
from tipkg.extract.text import Sentence
from tipkg.model import Entity

# --- words of UN prose ------------------------------------------------------------------------------

ORDINAL_WORDS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
                 "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth thirtieth fortieth "
                 "fiftieth sixtieth seventieth eightieth ninetieth hundredth").split()
ORDINAL = re.compile(r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-)?(?:"
                     + "|".join(ORDINAL_WORDS) + r")|\d+(?:st|nd|rd|th)|first-ever", re.I)
NUMBER_WORDS = set("one two three four five six seven eight nine ten eleven twelve several".split())
DETERMINERS = {"the", "a", "an", "its", "their", "this", "these", "that", "those", "such", "each", "every",
               "various", "both", "all", "his", "her", "our", "any", "some", "many", "other", "further"}
INDEFINITE = {"a", "an"}
ANAPHORIC = {"this", "these", "that", "those", "such"}
POSSESSIVE = {"its", "their"}
EVENT_MODIFIERS = set("""regional subregional national international interregional expert group bilateral multilateral
annual general special informal formal plenary joint thematic virtual hybrid online consultative technical
ministerial interactive intergovernmental side round parallel global ordinary extraordinary resumed substantive
organizational preparatory closing opening inaugural final coordination stakeholder panel high level ad hoc donor
partner training review follow-up principal principals constructive public civil society briefing country political
biennial triennial quadrennial commemorative solemn experts peer exchange""".split())
DURATION = re.compile(r"^(?:(?:one|two|three|four|five|six|seven|half)-(?:day|week)|week-long|day-long|month-long)$", re.I)

EVENT_HEADS = {
    "session": "Session", "meeting": "Meeting", "round table": "Meeting", "roundtable": "Meeting",
    "briefing": "Meeting", "hearing": "Meeting", "dialogue": "Meeting", "consultation": "Meeting",
    "conference": "Conference", "congress": "Conference", "summit": "Conference",
    "forum": "Forum", "workshop": "Workshop", "seminar": "Workshop", "symposium": "Workshop",
    "side event": "Event", "event": "Event", "appraisal": "Meeting", "activity": "Event",
}
HEAD = re.compile(r"\b(?P<head>sessions?|meetings?|round[- ]tables?|roundtables?|briefings?|hearings?|dialogues?|"
                  r"consultations?|conferences?|congress(?:es)?|summits?|forums?|fora|workshops?|seminars?|"
                  r"symposi(?:um|a)|(?:side[- ])?events?|appraisals?|activit(?:y|ies))\b", re.I)
# cheap tests before any pattern runs: substrings of the lower-cased paragraph
HEAD_WORDS = ("session", "meeting", "table", "briefing", "hearing", "dialogue", "consultation", "conference",
              "congress", "summit", "forum", "fora", "workshop", "seminar", "symposi", "event", "appraisal", "activit")
HELD_WORDS = ("held", "convened", "organized", "organised", "hosted", "took place", "take place")
ORGANIZE_WORDS = ("organized", "organised", "convened", "hosted", "conducted", "held")


def _has(low: str, words: tuple[str, ...]) -> bool:
    return any(w in low for w in words)


# "held in", "convened in", "that were held in", "took place in", "to be held in"
HELD = re.compile(r"(?P<lead>,?\s*(?:(?:which|that)\s+(?:was|were|is|are|will be|would be|had been|has been)\s+|"
                  r"to be\s+|(?:was|were|is|are|had been|has been|will be)\s+)?(?:(?:jointly|successfully|"
                  r"virtually|also|subsequently|formally|officially)\s+)?)"
                  r"(?P<cue>held|convened|organi[sz]ed|co-organi[sz]ed|hosted|co-hosted|took place|take place|"
                  r"reconvened)\b")
CLAUSE_WORDS = {"which", "that", "who", "where", "whom", "whose", "was", "were", "is", "are", "be", "been", "has",
                "have", "had", "will", "would", "shall", "should", "could", "can", "may", "might", "did", "does",
                "do", "while", "whereas", "although", "because", "if", "when", "but"}
TAIL_BREAK = re.compile(rf"\b(?:held|convened|took place|hosted|looking forward|as well as)\b|,?\s+and\s+[a-z]+ing\b|"
                        rf"\b(?:in|during)\s+{YEAR}\b|,\s+and\s+(?:at|in|on|by|for|to|with|from)\b")
ED_ALLOWED = {"entitled", "related", "based", "dedicated", "devoted", "focused", "united", "mandated",
              "organized", "hosted", "convened", "co-organized", "advanced", "specialized", "concerned",
              "affected", "armed", "displaced", "trafficked", "forced", "organised", "selected"}

TOKEN = re.compile(r"[A-Za-zÀ-ÿ0-9][\w'’.\-+]*(?:\w|(?<=s)['’])|[A-Za-zÀ-ÿ0-9]|“[^”]{1,200}”|\"[^\"]{1,200}\"|[^\w\s]")

# a place as written: "Vienna", "Marrakech, Morocco", "New York and Vienna", "North Macedonia and Serbia"
PLACE_WORD = r"(?:[A-Z](?:[\w'’\-]|\.(?=[A-Z]))*(?:(?<=\b[A-Z])\.)?)"
PLACE_NAME = (rf"(?:(?:the\s+)?{PLACE_WORD}(?:\s+(?:(?:de|da|do|del|di|la|le|es|el|al|upon|sur|am|an|of)\s+)?{PLACE_WORD}"
              rf"|\s+(?:el|al|en|sur|upon)-{PLACE_WORD}|\s+d['’]{PLACE_WORD}){{0,4}})")
PLACE_RUN = re.compile(rf"{PLACE_NAME}(?:,\s+{PLACE_NAME}(?=\s*(?:,|$|\s+(?:and|on|in|from|at|between|during|to)\b)))?"
                       rf"(?:(?:,\s+|,?\s+and\s+){PLACE_NAME}(?:,\s+{PLACE_NAME}(?=\s*(?:,|$|\s+(?:on|in|from|at|between|during|to)\b)))?)*")
NOT_PLACE_WORDS = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                   "November", "December", "Member", "States", "State", "Government", "Governments", "Office",
                   "Assembly", "Council", "Commission", "Conference", "Group", "Committee", "Secretary-General",
                   "United", "Nations", "Protocol", "Convention", "Article", "Part", "Resolution", "Agenda",
                   "Goal", "Goals", "Plan", "Action", "Declaration", "English", "French", "Spanish", "Russian",
                   "Arabic", "Chinese", "Portuguese", "Italian", "Thai", "Internet", "Headquarters", "The", "This",
                   "Annex", "Chair", "Bureau", "Parties", "Party", "Working", "Session"}
IN_YEAR = re.compile(rf"\b(?:in|during|for|since)\s+(?P<y>{YEAR})\b(?!\s*(?:–|-|to)\s*\d)")
WINDOW_END = re.compile(rf";|(?<=\S)\.(?:\s|$)|\((?!\d)|,\s+(?!(?:from|on|in|at|and|or|respectively|between|by|during|"
                        rf"until|through)\b|\d{{1,2}}\s+(?:to|and|–|-|{MONTH})|[A-Z])|\s(?:which|where|who|as well as)\b")
RESPECTIVELY = re.compile(r"\brespectively\b")


def words_of(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(0), m.start(), m.end()) for m in TOKEN.finditer(text)]


def is_capitalised(token: str) -> bool:
    return token[:1].isupper() or token[:1].isdigit() and not token.isdigit() or token[:1] in "“\""


def clean_label(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip(" ,;:–-")
    text = re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.I)
    return text


# --- places and dates near a cue ----------------------------------------------------------------------

@dataclass
class Place:
    written: str  # as the text writes it: "Marrakech, Morocco"
    entities: list[Entity]
    start: int
    end: int


def place_at(ctx: ParagraphContext, start: int, strong: bool) -> Place | None:
    """The place written from `start` (after "in" or "at"): gazetteer places and States, or, after a strong
    cue ("held in"), capitalised names that are not months, bodies or documents."""
    text = ctx.text
    m = PLACE_RUN.match(text, start)
    if not m:
        return None
    written = m.group(0).rstrip(" ,")
    end = start + len(written)
    parts = [p for p in re.split(r",\s+|\s+and\s+", written) if p]
    entities: list[Entity] = []
    for part in parts:
        words = part.split()
        if any(w.strip(".") in NOT_PLACE_WORDS for w in words) and not _gazetteer_place(ctx, start, end, part):
            return None
        found = _gazetteer_place(ctx, start, end, part)
        if found is not None:
            entities.append(found)
        elif not strong or re.fullmatch(r"\d.*", part):
            return None
        elif any(m2.entity.kind in ("organization", "instrument", "initiative", "group")
                 for m2 in ctx.within(start, end) if m2.surface in part):
            return None
    if not entities and not strong:
        return None
    written = re.sub(r"^the\s+", "", written) if written.startswith("the ") and len(parts) == 1 else written
    return Place(written, entities, start, end)


def _gazetteer_place(ctx: ParagraphContext, start: int, end: int, part: str) -> Entity | None:
    bare = re.sub(r"^the\s+", "", part)
    for m in ctx.within(start, end, {"place", "state"}):
        if m.surface == bare or m.surface == part:
            return m.entity
    return None


# what may stand between an event and its place besides dates: the venue's building ("at the United Nations
# Headquarters in New York") and an aside set off by commas (", with a focus on strengthening the legal framework,")
VENUE_OR_ASIDE = re.compile(r"\bat\s+(?:the\s+)?(?:[A-Z][\w\-]*\s+){0,3}[Hh]eadquarters\b|"
                            r"^,\s+with\s+[^,;()]{1,120},")


def place_in(ctx: ParagraphContext, start: int, end: int, strong: bool, anchored: bool = False) -> Place | None:
    """The first place introduced by "in" or "at" between start and end; `anchored`: only right after the cue
    or after the dates that follow it ("held in Vienna", "held on 2 May 2018 in London"), maybe past a venue's
    building or an aside ("on 22 and 23 September 2024 at the United Nations Headquarters in New York")."""
    for m in re.finditer(r"\b(?:in|at)\s+(?=(?:the\s+)?[A-Z])", ctx.text[start:end]):
        at = start + m.end()
        if re.match(rf"(?:{MONTH}|{YEAR})\b", ctx.text[at:]):
            continue
        if anchored and not _only_dates(VENUE_OR_ASIDE.sub("", ctx.text[start:start + m.start()])):
            break
        place = place_at(ctx, at, strong)
        if place is not None and place.end <= end + 1:
            return place
    return None


def _only_dates(text: str) -> bool:
    for d in sorted(find_dates(text), key=lambda d: -d.begin):
        text = text[:d.begin] + text[d.finish:]
    text = re.sub(rf"\b(?:from|on|in|between|during|and|to|{YEAR})\b|[,\s–-]", "", text)
    return not text


def window_after(text: str, start: int, limit: int) -> int:
    """Where the complement of a cue ends: a new clause, a semicolon, the end of the sentence."""
    m = WINDOW_END.search(text, start, limit)
    return m.start() if m else limit


def dated_places(ctx: ParagraphContext, start: int, end: int, strong: bool) -> list[Place | None]:
    """For a list of dates, the place written with each: "in Punta del Este, Uruguay, from 28 November to
    2 December 2022, in Paris from 29 May to 2 June 2023, ..."."""
    out, previous = [], start
    for d in find_dates(ctx.text[start:end]):
        out.append(place_in(ctx, previous, start + d.begin, strong))
        previous = start + d.finish
    return out


# the date of a resolution or decision cited in the clause is not the event's ("the forum convened under the
# auspices of the General Assembly contained in the annex to its resolution 78/1 of 29 September 2023")
CITED_DATE = re.compile(r"\b(?:resolutions?|decisions?)\s+[\w/().\s]{1,30}?\s+of\s+$")


def dates_between(text: str, start: int, end: int) -> list[tuple[str, str | None]]:
    """Dates and ranges between start and end, then a bare year ("in 2018") if there is no other."""
    found = [(d.start, d.end) for d in find_dates(text[start:end])
             if not CITED_DATE.search(text, max(0, start + d.begin - 60), start + d.begin)]
    if found:
        return found
    y = IN_YEAR.search(text, start, end)
    return [(y["y"], None)] if y else []


# --- event noun phrases ---------------------------------------------------------------------------------

@dataclass
class EventPhrase:
    start: int  # of the label (after the determiner)
    end: int
    head: str  # "sessions"
    head_start: int
    determiner: str | None
    ordinals: list[str] = field(default_factory=list)  # "twenty-sixth", "twenty-seventh" ... of a list
    owner: Entity | None = None  # whose "its"
    owner_label: str | None = None  # the body as written when the gazetteer does not know it

    @property
    def plural(self) -> bool:
        return self.head.lower().endswith("s") and not self.head.lower().endswith(("ss", "us"))

    def event_class(self, text: str) -> str:
        head = singular(self.head).lower().replace("-", " ")
        if re.search(r"\btraining\b", text[self.start:self.head_start], re.I):
            return "Training"
        if re.search(r"\bexpert group\b", text[self.start:self.end], re.I):
            return "Workshop"
        return EVENT_HEADS.get(head, EVENT_HEADS.get(head.split()[-1], "Event"))


def singular(head: str) -> str:
    low = head.lower()
    if low in ("fora",):
        return head[:-1] + "um"
    if low == "symposia":
        return head[:-1] + "um"
    if low.endswith("sses") or low.endswith("esses"):
        return head[:-2]
    if low.endswith("s") and not low.endswith(("ss", "us")):
        return head[:-1]
    return head


def phrase_before(ctx: ParagraphContext, head: re.Match, limit_start: int) -> EventPhrase | None:
    """The noun phrase whose head is `head`, read backwards over modifiers, ordinals and capitalised names
    to its determiner."""
    text = ctx.text
    tokens = words_of(text[limit_start:head.start()])
    start = head.start()
    determiner = None
    ordinals: list[str] = []
    i = len(tokens) - 1
    last_accepted: str | None = head.group(0)
    while i >= 0:
        tok, a, _ = tokens[i]
        low = tok.lower()
        prev = tokens[i - 1][0] if i > 0 else None
        if low in DETERMINERS and not (low == "the" and prev and prev.lower() in FUNCTION_WORDS and i > 1
                                        and is_capitalised(tokens[i - 2][0]) and last_accepted
                                        and is_capitalised(last_accepted)):
            determiner = low
            break
        if ORDINAL.fullmatch(tok):
            ordinals.insert(0, tok)
        elif tok in (",",) or low in ("and", "or"):
            # "twenty-sixth, twenty-seventh and twenty-eighth", "briefings and side events"
            if not (prev and (ORDINAL.fullmatch(prev) or HEAD.fullmatch(prev)) and last_accepted
                    and (ORDINAL.fullmatch(last_accepted) or HEAD.fullmatch(last_accepted)
                         or last_accepted.lower() in EVENT_MODIFIERS)):
                break
        elif low in FUNCTION_WORDS:
            if not (prev and is_capitalised(prev) and last_accepted and is_capitalised(last_accepted)):
                break
        elif is_capitalised(tok) and tok[:1] not in "“\"":
            if i == 0 and limit_start == 0 and tok in ("In", "On", "During", "At", "For", "By"):
                break
        elif low in EVENT_MODIFIERS or low in NUMBER_WORDS or DURATION.match(tok) or HEAD.fullmatch(tok):
            pass
        elif "-" in tok and tok.islower() and not tok.endswith(("ed", "ing")):
            pass
        elif re.fullmatch(r"\d+", tok):
            pass
        else:
            break
        start = limit_start + a
        last_accepted = tok
        i -= 1
    return EventPhrase(start, head.end(), head.group(0), head.start(), determiner, ordinals)


def tail_is_attached(text: str) -> bool:
    """The words between a head and its cue belong to the noun phrase: no clause, no finite verb."""
    if len(text) > 260 or re.search(r"[;:()]", text) or TAIL_BREAK.search(text):
        return False
    for tok in re.findall(r"[A-Za-z][\w'’\-]*", text):
        low = tok.lower()
        if low in CLAUSE_WORDS:
            return False
        if tok.islower() and low.endswith("ed") and low not in ED_ALLOWED and len(low) > 4:
            return False
    for m in re.finditer(r",\s*(\S+)", text):
        nxt = m.group(1)
        if nxt[:1].islower() and nxt not in ("and", "or", "especially", "supplementing", "in", "on"):
            return False
    return True


def is_specific(ctx: ParagraphContext, p: EventPhrase, tail: str) -> bool:
    """A phrase that names an event, not one that refers back to it ("the meeting", "these events")."""
    if p.determiner in ANAPHORIC:
        return False
    inner = ctx.text[p.start:p.head_start]
    if p.ordinals or tail.strip() or re.search(r"[A-Z]", inner):
        return True
    return p.determiner in INDEFINITE and bool(inner.strip()) or bool(re.search(r"\b(?:\d+|"
                                                                               + "|".join(NUMBER_WORDS) + r")\b", inner))


def owner_of(ctx: ParagraphContext, p: EventPhrase, sentence: Sentence) -> tuple[Entity | None, str | None]:
    """Whose session "its eleventh meeting" is: the body named right before "at its" / "on its" ("the Working
    Group on Trafficking in Persons at its eleventh meeting", "The Commission ..., at its thirtieth session");
    a body the gazetteer does not know keeps its name as written ("the Subcommittee on Aquaculture of the Food
    and Agriculture Organization of the United Nations, at its twelfth session")."""
    text = ctx.text
    lead = text[sentence.start:p.start]
    cue = re.search(r"(?:,\s*)?\b(?:at|on|during|in|of)\s+(?:its|their)\s*$", lead)
    if not cue:
        return None, None
    before = sentence.start + cue.start()
    while before > sentence.start and text[before - 1] in " ,":
        before -= 1
    before_acronym = re.search(r"\s*\([A-Z][\w\-]{1,12}\)$", text[sentence.start:before])
    if before_acronym:
        before = sentence.start + before_acronym.start()
    run_start = _name_start(text, sentence.start, before)
    if run_start is None:
        return None, None
    mentions = [m for m in ctx.within(max(sentence.start, run_start - 4), before, {"organization"}) if m.entity.key != "UN"]
    whole = [m for m in mentions if m.end == before and m.start <= run_start + 4]
    if whole:
        return whole[0].entity, None
    name = re.sub(r"^(?:the|The)\s+", "", label_of(ctx, run_start, before))
    if len(name.split()) < 2 or not name[:1].isupper():
        return None, None
    return None, name


def _name_start(text: str, lower: int, end: int) -> int | None:
    """Where the name in capitals that ends at `end` begins ("Subcommittee on Aquaculture of the Food and
    Agriculture Organization of the United Nations")."""
    tokens = words_of(text[lower:end])
    start = None
    for tok, a, _ in reversed(tokens):
        if tok[:1].isupper():
            start = lower + a
        elif tok.lower() not in FUNCTION_WORDS or start is None:
            break
    return start


def label_of(ctx: ParagraphContext, start: int, end: int) -> str:
    """The phrase as written, with short forms ("the Commission") replaced by the names they stand for and
    durations ("two-day") left out."""
    text = ctx.text
    pieces, at = [], start
    for m in ctx.within(start, end):
        if m.rule.startswith("coref") and m.entity.kind in ("organization", "instrument"):
            pieces.append(text[at:m.start])
            pieces.append("the " + m.entity.label)
            at = m.end
    pieces.append(text[at:end])
    label = "".join(pieces)
    label = re.sub(r"\b(?:(?:one|two|three|four|five|six|seven|half)-(?:day|week)|week-long|day-long|month-long)\s+",
                   "", label, flags=re.I)
    label = re.sub(r"\bthe the\b", "the", label)
    label = re.sub(r"\s*[¹²³⁴⁵⁶⁷⁸⁹⁰]+", "", label)
    return clean_label(label)


def event_entity(label: str, cls: str, start: str | None) -> Entity:
    key = f"{label} {start[:4]}" if start else label
    return Entity("event", key, label, (cls,))


# who supports an event is not who organizes it ("by the Government of Barbados with the support of UNCTAD")
SUPPORT = re.compile(r"\b(?:with\s+(?:the\s+)?(?:support|assistance)\s+(?:of|from)|supported\s+by)\b")


def _organizers(ctx: ParagraphContext, start: int, end: int) -> list[Entity]:
    m = re.search(r"\bby\s+", ctx.text[start:end])
    if not m:
        return []
    support = SUPPORT.search(ctx.text, start + m.end(), end)
    return [a.entity for a in ctx.agents(start + m.end(), support.start() if support else end)][:3]


def _body_of(ctx: ParagraphContext, p: EventPhrase, cls: str) -> list[Entity]:
    """A session or meeting of a body is the body's own."""
    if cls not in ("Session", "Meeting", "Conference"):
        return []
    owners = [m.entity for m in ctx.within(p.head_start, p.end, {"organization"}) if m.entity.key != "UN" and (
              re.match(r"\s*of\s+(?:the\s+)?$", ctx.text[p.head_start + len(p.head):m.start])
              or re.search(r"\bof\s+(?:the\s+)?$", ctx.text[p.head_start:m.start]))]
    if p.owner is not None:
        owners.insert(0, p.owner)
    return owners[:1]


@dataclass
class Occurrence:
    label: str
    cls: str
    start: str | None
    end: str | None
    place: Place | None
    organizers: list[Entity]


SHORT_NAME = re.compile(rf"(?P<ordinal>{ORDINAL.pattern})\s+(?P<head>Congress|Conference|Summit|Forum)", re.I)


def _full_name(ctx: ParagraphContext, label: str) -> str:
    """"the Fifteenth Congress": the name the document gives it in full ("the Fifteenth United Nations Congress on
    Crime Prevention and Criminal Justice"), the one it writes most often."""
    short = SHORT_NAME.fullmatch(label)
    if not short or not short["ordinal"][:1].isupper():
        return label
    found: dict[str, int] = {}
    pattern = rf"\b{short['ordinal']}\s+(?:[A-Z][\w\-]*\s+){{1,4}}?{short['head']}\s+(?:on|of|for|against)\s+(?=[A-Z])"
    for paragraph in ctx.document.paragraphs:
        for m in re.finditer(pattern, paragraph.text):
            name = re.sub(r"\s+", " ", paragraph.text[m.start():title_run_end(paragraph.text, m.end())])
            found[name] = found.get(name, 0) + 1
    names = sorted(found, key=lambda n: -found[n])
    # the name written most often; two names as often: none to choose
    return names[0] if names and (len(names) == 1 or found[names[0]] > found[names[1]]) else label


def _emit(ctx: ParagraphContext, sentence: Sentence, rule_id: str, o: Occurrence):
    o = Occurrence(_full_name(ctx, o.label), o.cls, o.start, o.end, o.place, o.organizers)
    if o.start and o.end and o.end[:len(o.start)] < o.start[:len(o.end)]:
        # "held on 9 and 10 September and 8 September 2025, respectively": dates paired with several events,
        # which this rule does not untangle; no dates rather than a meeting that ends before it starts
        o = Occurrence(o.label, o.cls, None, None, o.place, o.organizers)
    roles = {"event": [event_entity(o.label, o.cls, o.start)],
             "place": o.place.entities if o.place else [],
             "organizer": o.organizers}
    values = {"startDate": o.start, "endDate": o.end, "placeName": o.place.written if o.place else None}
    return ctx.assertion("occurrence", sentence, rule_id, roles, values)


# --- the rules --------------------------------------------------------------------------------------------

def _held_phrases(ctx: ParagraphContext, sentence: Sentence, cue: re.Match) -> EventPhrase | None:
    """The event phrase that ends where a "held" cue begins: the head nearest the cue, or, when that head sits
    in a phrase attached to an earlier one ("meetings of the Working Group ... of the Conference of the
    Parties", "meeting of the Assembly on the appraisal"), the earlier head."""
    text = ctx.text
    before_end = cue.start()
    lower = max(sentence.start, before_end - 320)
    heads = [h for h in HEAD.finditer(text, lower, before_end)]
    phrases = []
    for h in heads:
        if text.count("“", sentence.start, h.start()) > text.count("”", sentence.start, h.start()):
            continue  # a word of a quoted title or theme ("... two decades of dialogue for humanity”)
        p = phrase_before(ctx, h, sentence.start)
        if p is not None and tail_is_attached(text[h.end():before_end]):
            phrases.append(p)
    if not phrases:
        return None
    chosen = phrases[-1]
    for earlier in reversed(phrases[:-1]):
        if chosen.determiner in POSSESSIVE:
            break  # "the Working Group ... at its eleventh meeting": the meeting, not the body
        if not re.search(r"\b(?:of|on|for|to|at|in)\s+(?:the\s+)?$", text[max(sentence.start, chosen.start - 12):chosen.start]):
            break
        if earlier.start <= chosen.start <= earlier.end or earlier.head_start < chosen.start:
            chosen = earlier
    chosen.end = before_end
    by = BY_AGENT.search(text, chosen.head_start + len(chosen.head), before_end)
    if by and any(a.start <= by.end() + 4 for a in ctx.agents(by.end(), before_end)):
        chosen.end = by.start()  # "the first Global Supply Chain Forum by the Government of Barbados": its organizer
        participle = re.search(r"\s+(?:jointly\s+)?(?:co-)?(?:organi[sz]ed|convened|hosted|sponsored)$",
                               text[chosen.start:chosen.end])
        if participle:  # "the interregional forum organized by ...": the verb is not the name's either
            chosen.end = chosen.start + participle.start()
    while chosen.end > chosen.start and text[chosen.end - 1] in " ,":
        chosen.end -= 1
    return chosen


# "by" and an actor after an event's name: who convenes it, not a word of its name
BY_AGENT = re.compile(r",?\s+by\s+(?:the\s+)?(?=[A-Z])")


@rule("events.held", "occurrence",
      "An event phrase (session, meeting, conference, forum, workshop, briefing, round table ...) followed by "
      "'held', 'convened', 'organized', 'hosted' or 'took place' and a place ('in Vienna', 'in Marrakech, "
      "Morocco') and dates ('from 22 to 26 May 2017'); a list of ordinals with 'respectively' gives one event per "
      "date; 'its eleventh meeting' is the meeting of the body named before; 'The meeting was held on ...' "
      "refers back to the meeting the paragraph introduced.")
def held(ctx: ParagraphContext):
    text = ctx.text
    low = text.lower()
    if not _has(low, HELD_WORDS) or not _has(low, HEAD_WORDS):
        return
    for sentence in ctx.sentences:
        for cue in HELD.finditer(text, sentence.start, sentence.end):
            if re.match(r"\s+(?:accountable|responsible|liable|hostage|captive)\b", text[cue.end():]):
                continue
            p = _held_phrases(ctx, sentence, cue)
            if p is None:
                continue
            w_start, w_end = cue.end(), window_after(text, cue.end(), sentence.end)
            dates = dates_between(text, w_start, w_end)
            strong = cue["cue"] in ("held", "convened", "took place", "take place", "reconvened")
            place = place_in(ctx, w_start, w_end, strong, anchored=True)
            if not place and re.match(r"\s+(?:in a virtual format|virtually|online)\b", text[w_start:]):
                place = Place("virtual", [], w_start, w_start)
            if not dates:
                lead = leading_date(ctx, sentence)
                own_year = re.search(rf"\b{YEAR}\b", text[p.start:p.head_start])
                dates = [lead] if lead else [(own_year.group(0), None)] if own_year else []
            if not dates:
                continue
            tail = text[p.head_start + len(p.head):p.end]
            named_by = _organizers(ctx, p.end, cue.start())  # "the interregional forum organized by X, held in"
            organizers = _organizers(ctx, w_start, w_end) or named_by
            if not is_specific(ctx, p, tail) and not named_by:
                antecedent = _antecedent(ctx, sentence, p)
                if antecedent is None:
                    continue
                label, cls, earlier_place = antecedent
                if cls == "Training":
                    continue
                yield _emit(ctx, sentence, "events.held",
                            Occurrence(label, cls, dates[0][0], dates[0][1], place or earlier_place, organizers))
                continue
            yield from _occurrences(ctx, sentence, "events.held", p, dates, place, organizers,
                                    respectively=bool(RESPECTIVELY.search(text, w_start, w_end)),
                                    places=dated_places(ctx, w_start, w_end, strong) if len(dates) > 1 else None)


def _occurrences(ctx: ParagraphContext, sentence: Sentence, rule_id: str, p: EventPhrase,
                 dates: list[tuple[str, str | None]], place: Place | None, organizers: list[Entity],
                 respectively: bool = False, title: str | None = None, places: list[Place | None] | None = None):
    text = ctx.text
    places = places if places and len(places) == len(dates) else [None] * len(dates)
    places = [own or place for own in places]
    if p.determiner in POSSESSIVE:
        p.owner, p.owner_label = owner_of(ctx, p, sentence)
        if p.owner is None and p.owner_label is None:
            return
    cls = p.event_class(text)
    if cls == "Training":
        return  # trainings are capacity-building the documents count, not events they place and date
    owner_suffix = f" of the {p.owner.label}" if p.owner is not None else \
        f" of the {p.owner_label}" if p.owner_label else ""
    organizers = organizers or _body_of(ctx, p, cls)
    head_singular = singular(p.head)
    tail_label = label_of(ctx, p.head_start + len(p.head), p.end) if p.end > p.head_start + len(p.head) else ""
    tail_label = (" " + tail_label) if tail_label else ""
    if re.search(rf"\b(?:its|their)\b(?!\s+(?:{ORDINAL.pattern})\s+(?:session|meeting))", tail_label, re.I):
        # "the first appraisal of the progress made in its implementation": say whose
        referent = [m for m in ctx.within(sentence.start, p.start, {"instrument", "organization"}) if m.entity.key != "UN"]
        if referent:
            tail_label += f" ({referent[0].entity.label})"
    title_part = f" “{title}”" if title else ""
    if len(p.ordinals) > 1 and p.plural:
        # "The twenty-sixth, twenty-seventh and twenty-eighth sessions of ...": one event per ordinal
        if len(dates) != len(p.ordinals) and not (respectively and len(dates) >= len(p.ordinals)):
            return
        mods = label_of(ctx, p.start, p.head_start)
        first = mods.lower().find(p.ordinals[0].lower())
        last = mods.lower().find(p.ordinals[-1].lower()) + len(p.ordinals[-1])
        before, after = mods[:max(first, 0)], mods[last:]
        for ordinal, (start, end), at in zip(p.ordinals, dates, places):
            label = clean_label(f"{before}{ordinal}{after} {head_singular}{owner_suffix}{tail_label}")
            yield _emit(ctx, sentence, rule_id, Occurrence(label, cls, start, end, at, organizers))
        return
    mods = label_of(ctx, p.start, p.head_start)
    if p.plural and len(dates) > 1:
        # "the first five sessions of ..., in Punta del Este, Uruguay, from ..., in Paris from ..., respectively"
        count = re.search(r"\bfirst\s+(?P<n>" + "|".join(sorted(NUMBER_WORDS)) + r")\b", mods)
        numbers = {w: i for i, w in enumerate("one two three four five six seven eight nine ten eleven twelve".split(), 1)}
        if count and numbers.get(count["n"]) == len(dates):
            ordinals = ORDINAL_WORDS[:len(dates)]
            before, after = mods[:count.start()], mods[count.end():]
        else:
            ordinals = [""] * len(dates)
            before = re.sub(r"\b(?:" + "|".join(sorted(NUMBER_WORDS)) + r"|\d+)\s+", "", mods)
            after = ""
        for ordinal, (start, end), at in zip(ordinals, dates, places):
            label = clean_label(f"{before}{ordinal}{after} {head_singular}{owner_suffix}{tail_label}{title_part}")
            yield _emit(ctx, sentence, rule_id, Occurrence(label, cls, start, end, at, organizers))
        return
    label = clean_label(f"{mods} {p.head}{owner_suffix}{tail_label}{title_part}")
    start, end = dates[0]
    yield _emit(ctx, sentence, rule_id, Occurrence(label, cls, start, end, place, organizers))


def _antecedent(ctx: ParagraphContext, sentence: Sentence, p: EventPhrase) -> tuple[str, str, Place | None] | None:
    """"The meeting was held on ...": the event an earlier sentence of the paragraph introduced with "a"."""
    text = ctx.text
    want = EVENT_HEADS.get(singular(p.head).lower().replace("-", " "), "Event")
    found = None
    for earlier in ctx.sentences:
        if earlier.start >= sentence.start:
            break
        for h in HEAD.finditer(text, earlier.start, earlier.end):
            q = phrase_before(ctx, h, earlier.start)
            if q is None or q.determiner not in INDEFINITE and not re.search(r"[A-Z]", text[q.start:h.start()]):
                continue
            cls = EVENT_HEADS.get(singular(h.group(0)).lower().replace("-", " "), "Event")
            if want != "Event" and cls != want:
                continue
            end = _complement_end(ctx, h.end(), earlier.end)
            q.end = end
            label = label_of(ctx, q.start, end)
            place = place_in(ctx, end, window_after(text, end, earlier.end), False)
            found = (label, q.event_class(text), place)
    return found


# ("to" and a word in lower case opens a purpose, "to strengthen ...", except after the words it completes: "dedicated to
# glaciers’ preservation", "devoted to")
COMPLEMENT_STOP = re.compile(rf",|;|\.(?:\s|$)|\(|\s(?:which|where|who|that|(?<!dedicated\s)(?<!devoted\s)(?<!related\s)"
                             rf"to\s+(?!the\b|a\b)[a-z]+)\b|"
                             rf"\s(?:on|from|between)\s+(?=\d)|\sduring\s+(?:its|the)\s|\s(?:in|during)\s+(?={MONTH}|{YEAR}|the first|the second)|"
                             rf"\s(?:in|at)\s+(?=[A-Z])|\s(?:entitled|titled|called)\b|\s(?:focusing|aimed|with a view)\b|"
                             rf"\s(?:virtually|online|in (?:a )?(?:virtual|hybrid) format)\b|"
                             rf"\s(?:held|convened|organi[sz]ed|hosted|took place|to be held|scheduled)\b")


def _complement_end(ctx: ParagraphContext, start: int, limit: int) -> int:
    """Where a forward-read event phrase ("a workshop on the legal and judicial requirements ...") ends."""
    text = ctx.text
    at = start
    while True:
        m = COMPLEMENT_STOP.search(text, at, limit)
        if not m:
            return limit
        if m.group(0).strip() in ("in", "at") and text[m.end():m.end() + 1].isupper():
            # "in Persons" inside a name is no place: go on when the capitalised words are not a place
            after = m.end()
            if place_at(ctx, after, False) is None and not _city_of_state(ctx, after):
                at = after
                continue
        return m.start()


def _city_of_state(ctx: ParagraphContext, at: int) -> bool:
    """"Atlanta, United States of America": a name in capitals followed by a State is a place."""
    place = place_at(ctx, at, True)
    return bool(place and "," in place.written and place.entities
                and any(e.kind == "state" for e in place.entities))


ORGANIZE = re.compile(r"\b(?P<verb>(?:co-)?(?:organi[sz]ed|convened|hosted|conducted)|held)\s+(?:and\s+\w+\s+)?"
                      r"(?=(?:an?|the|its|their|\w+)\s|[“\"])")


# 'organized "DataJam Against Exploitation", an online competition'
QUOTED_EVENT = re.compile(r"[“\"](?P<name>[A-Z][^”\"]{2,118})[”\"],?\s+(?:an?|the)\s+(?:[\w\-]+\s+){0,3}?"
                          r"(?P<kind>competition|event|conference|forum|workshop|seminar|dialogue|hackathon|exhibition|"
                          r"festival|challenge|meeting|summit)\b")


def phrase_after(ctx: ParagraphContext, start: int, limit: int) -> EventPhrase | None:
    """An event phrase read forwards from `start`: determiner, modifiers and names, then the head."""
    text = ctx.text
    tokens = words_of(text[start:min(limit, start + 200)])
    if not tokens:
        return None
    determiner = None
    i = 0
    if tokens[0][0].lower() in DETERMINERS:
        determiner = tokens[0][0].lower()
        i = 1
    phrase_start = start + (tokens[i][1] if i < len(tokens) else 0)
    ordinals: list[str] = []
    for j in range(i, min(len(tokens), i + 12)):
        tok, a, b = tokens[j]
        h = HEAD.fullmatch(tok) or (j + 1 < len(tokens) and HEAD.fullmatch(f"{tok} {tokens[j + 1][0]}"))
        if h and not (j + 1 < len(tokens) and HEAD.fullmatch(tokens[j + 1][0]) and tok.lower() in ("side",)):
            if HEAD.fullmatch(tok) and j + 1 < len(tokens) and tokens[j + 1][0].lower() in ("meeting", "meetings") \
                    and tok.lower() not in ("side",):
                continue  # "group meeting", "consultation meeting": the head is the last noun
            head_end = start + (tokens[j + 1][2] if not HEAD.fullmatch(tok) else b)
            head_start = start + a
            return EventPhrase(phrase_start, head_end, text[head_start:head_end], head_start, determiner, ordinals)
        low = tok.lower()
        if ORDINAL.fullmatch(tok):
            ordinals.append(tok)
        elif low in EVENT_MODIFIERS or low in NUMBER_WORDS or DURATION.match(tok):
            continue
        elif "-" in tok and tok.islower() and not tok.endswith(("ed", "ing")):
            continue
        elif is_capitalised(tok) and tok[:1] not in "“\"":
            continue
        elif low in ("of", "'s", "’s", "on") and j > i and is_capitalised(tokens[j - 1][0]):
            continue
        else:
            return None
    return None


@rule("events.organized", "occurrence",
      "An agent organized, convened, hosted or conducted an event ('UNODC convened a regional expert group "
      "meeting on ...'), dated in the same sentence ('on 1 and 2 September 2021', or a leading 'In June 2021,') and "
      "placed by 'in <a place the gazetteer knows>'; the agent is the organizer.")
def organized(ctx: ParagraphContext):
    text = ctx.text
    low = text.lower()
    if not _has(low, ORGANIZE_WORDS) or not _has(low, HEAD_WORDS):
        return
    for sentence in ctx.sentences:
        for verb in ORGANIZE.finditer(text, sentence.start, sentence.end):
            named = QUOTED_EVENT.match(text, verb.end(), sentence.end)
            if named:
                dates = dates_between(text, named.end(), _rest_end(text, named.end(), sentence.end))
                lead = leading_date(ctx, sentence)
                dates = dates or ([lead] if lead else [])
                subject = ctx.subject(sentence)
                if dates:
                    yield _emit(ctx, sentence, "events.organized", Occurrence(
                        named["name"], EVENT_HEADS.get(named["kind"].lower(), "Event"), dates[0][0], dates[0][1],
                        None, [subject.entity] if subject is not None and subject.start < verb.start() else []))
                continue
            p = phrase_after(ctx, verb.end(), sentence.end)
            if p is None or p.determiner in ANAPHORIC or p.determiner in POSSESSIVE and verb["verb"] == "held":
                continue
            if p.determiner not in INDEFINITE and verb["verb"] == "held" or p.determiner in ("several", "various",
                                                                                              "many", "some"):
                continue
            end = _complement_end(ctx, p.end, sentence.end)
            p.end = end
            rest_end = _rest_end(text, end, sentence.end)
            title = None
            entitled = re.search(r"\b(?:entitled|titled|called)\s+[“\"](?P<t>[^”\"]{3,200})[”\"]", text[end:rest_end])
            if entitled:
                title = entitled["t"]
            dates = dates_between(text, end, rest_end)
            if not dates:
                lead = leading_date(ctx, sentence)
                dates = [lead] if lead else []
            if not dates:
                continue
            tail = text[p.head_start + len(p.head):p.end]
            if not (tail.strip() or title or re.search(r"[A-Z]", text[p.start:p.head_start])
                    or (p.ordinals and p.determiner)
                    or len(text[p.start:p.head_start].split()) >= 2):
                continue  # "a workshop", "a meeting": no name to tell it by
            place = place_in(ctx, end, rest_end, False)
            subject = ctx.subject(sentence)
            organizers = [subject.entity] if subject is not None and subject.start < verb.start() else []
            yield from _occurrences(ctx, sentence, "events.organized", p, dates, place, organizers, title=title)


def _rest_end(text: str, start: int, limit: int) -> int:
    m = re.search(r",\s+(?:which|where|who|thereby|and\s+(?=[a-z]+ed\b))|;|\s+which\b", text[start:limit])
    return start + m.start() if m else limit


DATED_APPOSITION = re.compile(rf",\s+in\s+(?P<date>{MONTH}\s+{YEAR})(?=\s*[,.;)]|$)")


@rule("events.dated-session", "occurrence",
      "An ordinal session or meeting of a body dated in apposition: 'since the tenth session of the Conference, in "
      "October 2020'.")
def dated_session(ctx: ParagraphContext):
    text = ctx.text
    low = text.lower()
    if ("session" not in low and "meeting" not in low) or not DATED_APPOSITION.search(text):
        return
    for sentence in ctx.sentences:
        for h in HEAD.finditer(text, sentence.start, sentence.end):
            if not h.group(0).lower().startswith(("session", "meeting")):
                continue
            p = phrase_before(ctx, h, sentence.start)
            if p is None or not p.ordinals or p.determiner in ANAPHORIC or p.determiner in POSSESSIVE:
                continue
            if re.search(r"\b(?:conclusion|end|margins?|close|eve|outcome)\s+of\s+(?:the\s+)?$|\b(?:following|after|before)\s+(?:the\s+)?$",
                         text[max(sentence.start, p.start - 30):p.start]):
                continue  # the date is of what followed or surrounded the session
            end = _complement_end(ctx, h.end(), sentence.end)
            dated = DATED_APPOSITION.match(text, end, sentence.end)
            if not dated:
                continue
            p.end = end
            found = find_dates(dated["date"])
            if found:
                yield from _occurrences(ctx, sentence, "events.dated-session", p, [(found[0].start, found[0].end)],
                                        None, [])


PLANNED = re.compile(r"\b(?:called\s+for|calls\s+for|call\s+for|decide[sd]?\s+to\s+(?:convene|hold|organize)|"
                     r"to\s+convene|(?:will|would)\s+convene)(?:,\s+(?:within|from\s+within|in)\s+existing\s+resources,)?"
                     r"\s+(?=(?:the|a|an)\s)")


@rule("events.planned", "occurrence",
      "An event called for or decided with its date: 'The Global Plan of Action called for the first appraisal of "
      "the progress made in its implementation in 2013', 'Decides to convene a high-level meeting on ... in 2026'.")
def planned(ctx: ParagraphContext):
    text = ctx.text
    if not re.search(r"call(?:ed|s)? for|to convene|decide[sd]? to hold|will convene|would convene", text) \
            or not _has(text.lower(), HEAD_WORDS):
        return
    for sentence in ctx.sentences:
        for cue in PLANNED.finditer(text, sentence.start, sentence.end):
            p = phrase_after(ctx, cue.end(), sentence.end)
            if p is None or p.determiner in ANAPHORIC:
                continue
            p.end = _complement_end(ctx, p.end, sentence.end)
            tail = text[p.head_start + len(p.head):p.end]
            if not is_specific(ctx, p, tail):
                continue
            w_end = window_after(text, p.end, sentence.end)
            dates = dates_between(text, p.end, w_end)
            if not dates:
                continue
            place = place_in(ctx, p.end, w_end, True, anchored=True)
            yield from _occurrences(ctx, sentence, "events.planned", p, dates[:1], place, [])


AT_EVENT = re.compile(r"^(?:On|In)\s+(?P<date>[^,]{4,50}),\s+at\s+(?=the\b|its\b)")


@rule("events.dated-at", "occurrence",
      "A sentence that opens with a date and 'at the <event>' ('On 15 December 2020, at the second "
      "principal-level meeting, ...'): the event took place on that date.")
def dated_at(ctx: ParagraphContext):
    text = ctx.text
    if ", at " not in text or not _has(text.lower(), HEAD_WORDS):
        return
    for sentence in ctx.sentences:
        m = AT_EVENT.match(sentence.text)
        if not m:
            continue
        found = find_dates(m["date"])
        if not found:
            continue
        start = sentence.start + m.end()
        p = phrase_after(ctx, start, sentence.end)
        if p is None or p.determiner in ANAPHORIC:
            continue
        p.end = _complement_end(ctx, p.end, sentence.end)
        tail = text[p.head_start + len(p.head):p.end]
        if not is_specific(ctx, p, tail):
            continue
        yield from _occurrences(ctx, sentence, "events.dated-at", p, [(found[0].start, found[0].end)], None, [])


HOLDING = re.compile(r"\b(?:the\s+)?(?:holding|convening)\s+of\s+(?=the\b|a\b|an\b)")


@rule("events.holding-of", "occurrence",
      "'the holding of the high-level meetings of the General Assembly during its sixty-seventh session, from 13 "
      "to 15 May 2013, and during its seventy-second session, on 27 and 28 September 2017': one event per date.")
def holding_of(ctx: ParagraphContext):
    text = ctx.text
    if "holding of" not in text and "convening of" not in text:
        return
    for sentence in ctx.sentences:
        for cue in HOLDING.finditer(text, sentence.start, sentence.end):
            p = phrase_after(ctx, cue.end(), sentence.end)
            if p is None:
                continue
            end = _complement_end(ctx, p.end, sentence.end)
            p.end = end
            tail = text[p.head_start + len(p.head):end]
            if not is_specific(ctx, p, tail):
                continue
            stop = re.search(r",\s+to\s+[a-z]+|;|,\s+(?:at|in)\s+which\b", text[end:sentence.end])
            w_end = end + stop.start() if stop else sentence.end
            dates = dates_between(text, end, w_end)
            if not dates:
                continue
            place = place_in(ctx, end, w_end, True, anchored=True)
            if place is None and re.match(r",?\s+(?:virtually|online|in (?:a )?(?:virtual|hybrid) format)\b", text[end:]):
                place = Place("virtual", [], end, end)
            yield from _occurrences(ctx, sentence, "events.holding-of", p, dates, place, [],
                                    places=dated_places(ctx, end, w_end, True) if len(dates) > 1 else None)


OBSERVANCE = re.compile(
    rf"\b(?:designat(?:e|es|ed|ing)|proclaim(?:s|ed|ing)?|declar(?:e|es|ed|ing))\s+(?P<when>\d{{1,2}}\s+{MONTH}|{YEAR}|"
    rf"the\s+(?:year|period)\s+(?:(?P<y1>{YEAR})(?:\s*[–-]\s*(?P<y2>{YEAR}))?|\S+))"
    rf"\s+(?:as\s+)?(?:the\s+)?(?P<name>(?:(?i:{ORDINAL.pattern})\s+)?(?:World|International|United Nations)\s+(?:[A-Z][\w'’-]*\s+)*?"
    rf"(?:Day|Year|Decade|Week)\b(?:\s+(?:of|for|against|on|to)\s+[^,;.(]{{3,120}})?)")
BEGINNING = re.compile(rf"\b(?:beginning|starting|commencing|as from|from)\s+(?:in\s+)?(?P<y>{YEAR})\b")


@rule("events.observance", "occurrence",
      "A day, year or decade designated, proclaimed or declared ('to designate 30 July as the World Day against "
      "Trafficking in Persons, to be observed every year beginning in 2014'; 'to declare 2021 the International "
      "Year for the Elimination of Child Labour'): an observance starting in the year the text gives.")
def observance(ctx: ParagraphContext):
    text = ctx.text
    if not re.search(r"designat|proclaim|declar", text):
        return
    for sentence in ctx.sentences:
        for m in OBSERVANCE.finditer(text, sentence.start, sentence.end):
            # the name as a run of capitals reads it: on past "Illegal, Unreported and Unregulated Fishing", not into
            # "... of African Descent and recognized the significant contribution of ..."
            named = _observance_name(text, m.start("name"))
            name = clean_label(named[0] if named else m["name"])
            when = m["when"]
            year = re.fullmatch(YEAR, when)
            start = when if year else m["y1"]  # "proclaiming the period 2024– 2034 the International Decade ..."
            if start is None:
                b = BEGINNING.search(text, m.end(), sentence.end)
                start = b["y"] if b else None
            # no year to begin from ("to designate 30 July as the World Day ..., to be observed annually"): the
            # observance all the same, undated
            yield ctx.assertion("occurrence", sentence, "events.observance",
                                {"event": [event_entity(name, "Observance", None)]},
                                {"startDate": start, "endDate": m["y2"] if start == m["y1"] else None})


LAUNCHED_IN = re.compile(r",?\s+(?:which|that)\s+(?:was|were)\s+(?P<soft>soft[- ])?launched\s+(?=in\s+(?:the\s+)?[A-Z])")


@rule("events.launch", "occurrence",
      "A publication or initiative 'which was (soft) launched in <place> in <date>': the launch is an event at "
      "that place (a launch with no place is an issuance, not an event).")
def launch(ctx: ParagraphContext):
    text = ctx.text
    if "launched in" not in text:
        return
    for sentence in ctx.sentences:
        for m in LAUNCHED_IN.finditer(text, sentence.start, sentence.end):
            launched = [t for t in titles_in(ctx, sentence.start, m.start() + 1) if t.end >= m.start() - 1]
            if not launched:
                continue
            w_start = m.end()
            w_end = window_after(text, w_start, sentence.end)
            place = place_in(ctx, w_start, w_end, True)
            dates = dates_between(text, w_start, w_end)
            if place is None or not dates:
                continue
            what = "soft launch" if m["soft"] else "launch"
            label = f"{what} of the {launched[-1].title}"
            yield _emit(ctx, sentence, "events.launch",
                        Occurrence(label, "Launch", dates[0][0], dates[0][1], place, []))


__all__ = ["place_in", "place_at", "dates_between", "leading_date", "window_after", "clean_label", "words_of",
           "is_capitalised", "FUNCTION_WORDS", "DETERMINERS"]


# --- the document's own meetings: where and when a resolution was adopted ---------------------------------------

# "80th plenary meeting\n17 December 2015" closing a GA or ECOSOC resolution, "27th meeting\n16 July 2020" an HRC one
CLOSING_MEETING = re.compile(rf"^(?P<n>\d+(?:st|nd|rd|th))\s+(?P<plenary>plenary\s+)?meeting\.?\s+"
                             rf"(?P<date>\d{{1,2}}\s+{MONTH}\s+{YEAR})\b")
# "Adopted by the Security Council at its 7847th meeting, on 20 December 2016"
HEADER_MEETING = re.compile(rf"^Adopted\s+by\s+the\s+(?P<body>[A-Z][\w\s\-]+?)\s+at\s+its\s+(?P<n>\d+(?:st|nd|rd|th))\s+"
                            rf"(?P<plenary>plenary\s+)?meeting,?\s+(?:held\s+)?on\s+(?P<date>\d{{1,2}}\s+{MONTH}\s+{YEAR})")
# "Forty-fourth session" (then "30 June–17 July 2020"), "Seventy-eighth session", "2017 session"
HEADER_SESSION = re.compile(rf"^(?P<s>(?:{ORDINAL.pattern})|{YEAR})\s+(?P<kind>(?:regular\s+|special\s+|resumed\s+)?session)$",
                            re.I)


NEXT_HEADER_LINE = re.compile(r"\s+(?=Agenda items?\b|Resolution adopted\b|Adopted\b|Decision adopted\b)")


def _first_paragraph(ctx: ParagraphContext) -> bool:
    """The first paragraph after the header block: the one that reads the header's events (headers are not read)."""
    for p in ctx.document.paragraphs:
        if p.kind != "header":
            return p is ctx.paragraph
    return False


def _header_occurrences(ctx: ParagraphContext):
    body = ctx.document.metadata.issuing_body
    headers = [p for p in ctx.document.paragraphs if p.kind == "header"]
    for i, p in enumerate(headers):
        text = p.text.strip()
        nxt = headers[i + 1].text.strip() if i + 1 < len(headers) else ""
        # the adoption line may break before its date ("... at its 3927th meeting," / "on 16 September 1998")
        m = HEADER_MEETING.match(text) or HEADER_MEETING.match(f"{text} {nxt}") if text.startswith("Adopted") else None
        if m:
            found = find_dates(m["date"])
            label = f"{m['n']} {'plenary ' if m['plenary'] else ''}meeting of the {m['body']}"
            yield p, Occurrence(label, "Meeting", found[0].start if found else None, None, None, [])
            continue
        m = HEADER_SESSION.match(text)
        session = ctx.document.metadata.session
        if not m and i == 0 and body and session and text.startswith(f"{body} {session} "):
            # the front matter's lines joined in one ("Human Rights Council Forty-first session 24 June–12 July 2019
            # Agenda item 3 ..."): the session, and its dates up to the next line's words
            m = HEADER_SESSION.match(session)
            nxt = NEXT_HEADER_LINE.split(text[len(body) + len(session) + 2:], 1)[0]
        if m and body and ctx.document.metadata.kind in ("resolution", "decision"):
            # a resolution's session is the one that adopted it; a report's is only the one it is submitted to
            # the session's dates, when the header gives them on the next line ("30 June–17 July 2020")
            dates = find_dates(nxt) if len(nxt) < 40 and _only_dates(nxt) else []
            start, end = (dates[0].start, dates[0].end) if dates else (None, None)
            label = f"{m['s'].lower()} {m['kind'].lower()} of the {body}"
            yield p, Occurrence(label, "Session", start, end, None, [])


def _header_session(ctx: ParagraphContext) -> str | None:
    """The session the header names ("Seventy-eighth session", "2021 session"), as the metadata or a header line
    gives it; else the one the resolution's symbol numbers (A/RES/68/99, A/HRC/RES/41/4: a text typed without its
    front matter)."""
    meta = ctx.document.metadata
    for line in [meta.session or ""] + [p.text for p in ctx.document.paragraphs if p.kind == "header"]:
        if HEADER_SESSION.match(line.strip()):
            return line.strip()
    body = body_of_symbol(meta.symbol or "")
    number = session_of(meta.symbol[len(SERIES[(body, "resolution")]):], body) if body in ("GA", "HRC") and \
        meta.symbol.startswith(SERIES[(body, "resolution")]) else None
    return f"{ordinal_words(number).capitalize()} session" if number else None


TENS = {2: "twenty", 3: "thirty", 4: "forty", 5: "fifty", 6: "sixty", 7: "seventy", 8: "eighty", 9: "ninety"}


def ordinal_words(n: int) -> str:
    """An ordinal in words, as UN headers write sessions: 41 -> "forty-first", 70 -> "seventieth" (1 to 99)."""
    if n < 20:
        return ORDINAL_WORDS[n - 1]
    tens, units = divmod(n, 10)
    return f"{TENS[tens]}-{ORDINAL_WORDS[units - 1]}" if units else ORDINAL_WORDS[17 + tens]  # 20 -> "twentieth"


@rule("events.adoption-meeting", "occurrence",
      "The meetings a resolution names for itself: the closing line of the meeting that adopted it ('80th plenary "
      "meeting / 17 December 2015', '27th meeting / 16 July 2020'), the adoption line of the header ('Adopted by the "
      "Security Council at its 7847th meeting, on 20 December 2016') and the session of the header ('Forty-fourth "
      "session / 30 June–17 July 2020'), each of the issuing body.")
@once_per_paragraph
def adoption_meeting(ctx: ParagraphContext):
    if _first_paragraph(ctx):
        for header, o in _header_occurrences(ctx):
            yield replace(_emit(ctx, header.text, "events.adoption-meeting", o), paragraph=header.key)
    body = ctx.document.metadata.issuing_body
    m = CLOSING_MEETING.match(ctx.text.strip())
    if m and body and ctx.paragraph.kind == "unnumbered" and len(ctx.text) < 120:
        found = find_dates(m["date"])
        # a body that numbers its meetings anew each session (the Assembly's "62nd plenary meeting" of March and of
        # December 2025 are two meetings) names the session too, when the header gives it
        session = _header_session(ctx)
        of_session = f"the {session.lower()} of " if session else ""
        label = f"{m['n']} {'plenary ' if m['plenary'] else ''}meeting of {of_session}the {body}"
        yield _emit(ctx, ctx.text.strip(), "events.adoption-meeting",
                    Occurrence(label, "Meeting", found[0].start if found else None, None, None, []))


# --- sessions of a body, dated or not ------------------------------------------------------------------------

# bodies that hold numbered sessions (classes of the organization gazetteer)
SESSION_BODIES = {"PrincipalOrgan", "FunctionalCommission", "ConferenceOfParties", "Committee", "TreatyBody",
                  "SubsidiaryBody", "WorkingGroup", "Body"}


# a body named in capitals that the gazetteer does not know, acting ("to postpone", "at its"): "its" session is its own
UNKNOWN_BODY = re.compile(r"\bthe\s+(?:[A-Z][\w\-]*\s+){0,5}(?:Committee|Commission|Council|Board|Conference|Forum|"
                          r"Group|Meeting|Tribunal|Court|Authority|Organization|Agency)\b"
                          r"(?=\s+to\s+[a-z]+\b|,?\s+(?:at|in|during)\s+its\b)")
CITATION_AFTER = re.compile(r"\s+(?:resolutions?|decisions?)\s+\d")


def _its_body(ctx: ParagraphContext, sentence: Sentence, at: int, meta) -> str | None:
    """Whose "its" session: the body named last before it in the sentence ("the decision of the General Assembly,
    in its resolution 68/192 ..., starting at its seventy-second session"), else, in a resolution, the body
    adopting it ("Also recalls its decision ... starting at its seventy-second session"). Another agent named
    last (an office, a State) makes "its" no session of a body: nothing."""
    # an agent after "by" ("noting also the inputs by the Secretariat") is no owner of what follows
    # nor is the body of a cited resolution ("in accordance with Economic and Social Council resolution 1989/84")
    named = [m for m in ctx.agents(sentence.start, at) if m.entity.kind in ("organization", "state", "government")
             and not re.search(r"\bby\s+(?:the\s+)?$", ctx.text[max(sentence.start, m.start - 8):m.start])
             and not CITATION_AFTER.match(ctx.text, m.end)]
    if named:
        last = named[-1].entity
        return last.label if last.kind == "organization" and SESSION_BODIES & set(last.classes) else None
    if UNKNOWN_BODY.search(ctx.text, sentence.start, at):
        return None  # "the intention of the Scientific Committee to postpone to its seventy-third session": not ours
    if meta.kind in ("resolution", "draft-resolution", "decision"):
        return meta.issuing_body
    return None


# "at its seventy-second session", "the twenty-sixth session of the Commission on ..."
SESSION_OF = re.compile(rf"\b(?P<det>its|the)\s+(?P<ord>(?:{ORDINAL.pattern}))\s+(?P<kind>(?:regular\s+|special\s+|"
                        rf"resumed\s+)?session)\b(?!s)", re.I)
DATED_AFTER = re.compile(rf",?\s+(?:(?:which|that)\s+(?:was|were|will\s+be)\s+)?(?:held|convened|to\s+be\s+held|"
                         rf"took\s+place)\b|,?\s+(?:in|on|from|between)\s+(?:\d|{MONTH}|{YEAR})")


@rule("events.session", "occurrence",
      "A numbered session of a body, dated or not: 'the General Assembly at its seventy-first session' (the body "
      "named before 'at its'), 'starting at its seventy-second session' (a resolution's 'its' is the adopting body), "
      "'the twenty-sixth session of the Commission on Crime Prevention and Criminal Justice' (a body the gazetteer "
      "knows). A session followed by its own dates or 'held' is left to the rules that read them.")
@once_per_paragraph
def session(ctx: ParagraphContext):
    text = ctx.text
    if "session" not in text:
        return
    meta = ctx.document.metadata
    for sentence in ctx.sentences:
        for m in SESSION_OF.finditer(text, sentence.start, sentence.end):
            if m["ord"].lower() == "first-ever":
                continue
            after = text[m.end():sentence.end]
            attached = bool(HEAD.search(text, max(sentence.start, m.start() - 90), m.start()))
            body = None
            if m["det"].lower() == "its":
                p = EventPhrase(m.start("ord"), m.end(), m["kind"], m.start("kind"), "its", [m["ord"]])
                owner, owner_label = owner_of(ctx, p, sentence)
                if owner is None and owner_label and len(owner_label.split()) < 3 \
                        and not re.search(r"\b(?:on|of|for|against)\b", owner_label):
                    continue  # "the Working Group at its nineteenth session": a short form, no name to tell it by
                body = owner.label if owner is not None else owner_label
                if body is None:
                    body = _its_body(ctx, sentence, m.start(), meta)
            else:
                of = re.match(r"\s+of\s+the\s+", after)
                if not of:
                    continue
                at = m.end() + of.end()
                owners = [o for o in ctx.within(at, sentence.end, {"organization"}) if o.start in (at, at - 4) and o.entity.key != "UN"]
                if not owners:
                    continue
                body = owners[0].entity.label
                after = text[owners[0].end:sentence.end]
            if not body:
                continue
            if DATED_AFTER.match(after) and not attached:
                continue  # "the tenth session of the Conference, in October 2020", "... session, held in Vienna"
            label = f"{m['ord'].lower()} {m['kind'].lower()} of the {body}"
            yield _emit(ctx, sentence, "events.session", Occurrence(label, "Session", None, None, None, []))


# --- observances named: International Days, Years, Weeks and Decades ------------------------------------------

# ("the second International Year of Small Island Developing States": its ordinal is part of its name)
OBSERVANCE_HEAD = re.compile(rf"\b(?:(?i:{ORDINAL.pattern})\s+)?(?:World|International|United Nations)\s+(?:[A-Z][\w'’\-]*\s+){{0,4}}?"
                             r"(?P<head>Day|Year|Week|Decade)\b(?!s)")
OBSERVANCE_COMPLEMENT = re.compile(r"\s+(?:of|for|against|on|to)\s+(?:the\s+)?(?=[A-Z“\"])")
OBSERVANCE_CLASS = "Observance"


def _observance_name(text: str, start: int) -> tuple[str, int] | None:
    """"International Year for the Elimination of Child Labour", "World Day against Trafficking in Persons": the
    name in capitals with its complement; a bare "the World Day" (a back-reference) is no name."""
    head = OBSERVANCE_HEAD.match(text, start)
    if not head:
        return None
    end = head.end()
    comp = OBSERVANCE_COMPLEMENT.match(text, end)
    if comp:
        end = max(end, title_run_end(text, comp.end()))
    subtitle = re.match(r",\s+“[^”]{3,80}”", text[end:])  # 'International Decade for Action, “Water for ...”'
    if subtitle:
        end += subtitle.end()
    name = re.sub(r"(?:\s+(?:in|of|the|and|against|for|to|on|with|from))+$", "", text[start:end])
    name = re.sub(r"[¹²³⁴⁵⁶⁷⁸⁹⁰]+", "", name).strip(" ,;:–-")
    name = re.sub(r"(?<=[a-z])\d{1,3}$", "", name)  # "... Indigenous People3": a note number run in
    name = re.sub(rf"\s+in\s+{YEAR}$", "", name)  # "the International Day of ... in 2024": that year's, same day
    if not comp and len(name.split()) < 3:
        return None
    return name, start + len(name)


def _designated(document) -> dict[str, str]:
    """The observances a document designates with the year they begin ('to designate 30 July as the World Day
    against Trafficking in Persons, to be observed every year beginning in 2014'), read once per document."""
    if _DESIGNATED.get("document") is not document:
        out: dict[str, str] = {}
        for m in OBSERVANCE.finditer(document.text):
            year = m["when"] if re.fullmatch(YEAR, m["when"]) else None
            if year is None:
                b = BEGINNING.search(document.text, m.end(), m.end() + 200)
                year = b["y"] if b else None
            name = _observance_name(document.text, m.start("name"))
            if year and name:
                out.setdefault(name[0], year)
        _DESIGNATED.update(document=document, names=out)
    return _DESIGNATED["names"]


_DESIGNATED: dict = {}


@rule("events.observance-named", "occurrence",
      "An International or World Day, Year, Week or Decade named in full is an observance (an event, not a "
      "campaign), dated as the text dates it: 'recalling that 2020 is the International Year for the Elimination "
      "of Child Labour', 'the International Decade for Action, ..., 2018–2028', or by the year the document "
      "designates it from; undated otherwise. Designations themselves are read by events.observance.")
@once_per_paragraph
def observance_named(ctx: ParagraphContext):
    text = ctx.text
    if not re.search(r"\b(?:World|International|United Nations)\b", text) or not re.search(r"\b(?:Day|Year|Week|Decade)\b", text):
        return
    designated = _designated(ctx.document)
    for sentence in ctx.sentences:
        done = [(m.start("name"), m.end()) for m in OBSERVANCE.finditer(text, sentence.start, sentence.end)]
        for h in OBSERVANCE_HEAD.finditer(text, sentence.start, sentence.end):
            if any(a <= h.start() < b for a, b in done):
                continue  # a designation: events.observance reads it
            found = _observance_name(text, h.start())
            if found is None:
                continue
            name, end = found
            at = h.start()
            ordinal = re.search(rf"\b(?P<o>(?:{ORDINAL.pattern}))\s+$", text[max(sentence.start, at - 20):at], re.I)
            if ordinal and ordinal["o"][:1].isupper():
                name, at = f"{ordinal['o']} {name}", at - len(ordinal.group(0))  # "the Fourth International Decade ..."
            if any(m.entity.kind in ("organization", "initiative", "instrument") and m.start <= h.start() < m.end
                   for m in ctx.within(sentence.start, sentence.end)):
                continue  # "International Organization for Migration", a fund or programme named so
            start, finish = None, None
            said = re.search(rf"\b(?P<y>{YEAR})(?:\s*[–-]\s*(?P<y2>{YEAR}))?\s+(?:is|was|as|will\s+be|being)\s+(?:the\s+)?$",
                             text[sentence.start:at])
            span = re.match(rf",?\s+\(?(?P<y>{YEAR})(?:\s*[–-]\s*(?P<y2>{YEAR}))?\)?(?=[\s,;.)]|$)", text[end:sentence.end])
            if said:
                start, finish = said["y"], said["y2"]  # "the period 2021–2030 as the Fourth International Decade ..."
            elif span and h["head"] in ("Year", "Decade"):
                start, finish = span["y"], span["y2"]
            else:
                start = designated.get(name)
            yield _emit(ctx, sentence, "events.observance-named",
                        Occurrence(name, OBSERVANCE_CLASS, start, finish, None, []))


# --- conferences and summits named in capitals ----------------------------------------------------------------

NAMED_HEAD = re.compile(r"\b(?:Summit|Conference|Congress)\b(?!\s+(?:of\s+(?:the\s+)?(?:States\s+)?Parties|Room|Centre|"
                        r"Center|Services|Hall|Building|Secretariat|Outcome|Declaration|Document|Report|Plan|Programme|Agenda|Commitments?)\b)")
EVENT_COMPLEMENT = re.compile(r"\s+(?:on|of|for|against|to)\s+(?:the\s+)?(?=[A-Z“\"])")
# "its Declaration adopted in Khartoum on 16 October 2014 during the ..."
ADOPTED_DURING = re.compile(r"\badopted\s+(?:in\s+(?P<place>[A-Z][^,;]{1,40}?)\s+)?(?:on|in)\s+(?P<date>[^,;]{4,30}?)\s+"
                            r"(?:during|at)\s+(?:the\s+)?$")


def _without_note_marks(name: str) -> str:
    """A meeting's name without its note marks: superscript ones, and a number run in ("... on Women1")."""
    return re.sub(r"(?<=[a-z])\d{1,3}$", "", clean_label(SUPERSCRIPTS.sub("", name)))


# where a meeting's name ends inside a run of capitals: before its dates or place ("the Summit of the Future on 22–23
# September 2024", "... on the Least Developed Countries in Brussels on 20 May 2001", "..., Cairo, 5–13 September
# 1994"), a note mark ("... on Women⁴ and Security Council resolution 1325"), "and" before a number ("... for
# Development and 69/313 of 27 July 2015") or before another text's name ("... on Women and the Programme of Action of")
NAME_STOP = re.compile(rf"\s+(?:on|from|in|at)\s+(?=\d|{MONTH})|\s+at\s+the\s|,\s+(?=\d)|[¹²³⁴⁵⁶⁷⁸⁹⁰]|\s+and\s+\d|"
                       rf"\s+in\s+[A-Z][\w\-]+(?:,?\s+[A-Z][\w\-]+)?(?=,?\s+(?:on|from)\s+\d)")


def name_end(text: str, head_end: int, end: int) -> int:
    stop = NAME_STOP.search(text, head_end, end)
    if stop:
        end = stop.start()
    for second in re.finditer(r",?\s+and\s+the\s+|(?<=[a-z])and\s+the\s+", text[head_end:end]):  # ("Womenand the")
        if SECOND_NAME.search(text, head_end + second.end(), end):
            return head_end + second.start()
    return end


@rule("events.named-conference", "occurrence",
      "A summit, conference or congress named in capitals ('the Millennium Summit, the 2005 World Summit', 'the "
      "Regional Ministerial Conference on Human Trafficking and Smuggling in the Horn of Africa'), dated by a year "
      "in its name or by 'adopted in <place> on <date> during the ...'; bodies named so (the Conference of the "
      "Parties) are not events, and one followed by 'held' or its own dates is left to the rules that read those.")
@once_per_paragraph
def named_conference(ctx: ParagraphContext):
    text = ctx.text
    if not NAMED_HEAD.search(text):
        return
    for sentence in ctx.sentences:
        for h in NAMED_HEAD.finditer(text, sentence.start, sentence.end):
            if any(m.start <= h.start() < m.end for m in ctx.within(sentence.start, sentence.end,
                                                                   {"organization", "instrument", "initiative"})):
                continue
            p = phrase_before(ctx, HEAD.match(text, h.start()), sentence.start)
            if p is None or p.determiner not in (None, "the"):
                continue
            end = h.end()
            comp = EVENT_COMPLEMENT.match(text, end)
            if comp:
                end = max(end, title_run_end(text, comp.end()))
            # the name ends before its dates or place: "the Summit of the Future on 22–23 September 2024 at the ...",
            # "the International Conference on Population and Development, Cairo, 5–13 September 1994"
            end = name_end(text, h.end(), end)
            place_after = None
            for comma in re.finditer(r",\s+", text[h.end():end]):
                at = h.end() + comma.end()
                # "Rio de Janeiro, 3-14 June 1992", "Monterrey, Mexico, 18– 22 March 2002"
                dated = re.match(r"[A-Z][\w'’\- ]{1,40}?(?:,\s+[A-Z][\w'’\- ]{1,40}?)?,\s+\d{1,2}\b", text[at:])
                if any(m.start == at for m in ctx.within(at, len(text), {"place", "state"})) or dated:
                    place_after = place_at(ctx, at, bool(dated))
                    end = h.end() + comma.start()
                    break
            name = re.sub(r"(?:\s+(?:in|of|the|and|against|for|to|on|with|from|as|by|at))+$", "", text[p.start:end])
            name = _without_note_marks(name)
            name = re.sub(r":\s+[A-Z][\w\-]*$", "", name)  # "... Goal 6: Ensure availability ...": a sentence, cut
            if len(name.split()) < 2 or not all(w[:1].isupper() or w[:1].isdigit() or w.lower() in FUNCTION_WORDS
                                                 or "-" in w for w in name.split()):
                continue
            if p.determiner is None and p.start == sentence.start:
                continue  # a sentence opening with the name: a heading or a subject, read by other rules
            after = text[p.start + len(name):sentence.end]
            numbered = re.search(rf"\b(?:{ORDINAL.pattern}|{YEAR})\b", name, re.I)
            dated_here = place_after is not None or re.match(r",?\s+(?:on|from)\s+\d", after) \
                or ADOPTED_DURING.search(text, max(sentence.start, p.start - 100), p.start)
            if h.group(0) != "Summit" and not numbered and not dated_here \
                    and not re.match(r",?\s+(?:held|convened)\b", after):
                continue  # "the Conference on Disarmament", "the General Conference of the Agency": standing bodies
            if place_after is not None or re.match(r",?\s+(?:on|from)\s+\d", after):
                # its own dates right after the name or its place: "..., Cairo, 5–13 September 1994"
                rest = text[(place_after.end if place_after else p.start + len(name)):sentence.end]
                lead = re.match(rf",?\s*(?:(?:on|from)\s+)?(?P<d>\d{{1,2}}(?:\s*(?:[–-]|and|to)\s*\d{{1,2}})?\s+{MONTH}"
                                rf"(?:\s*[–-]\s*\d{{1,2}}\s+{MONTH})?\s+{YEAR})", rest)
                found = find_dates(lead["d"]) if lead else []
                if found:
                    start, stop = found[0].start, found[0].end
                    if re.search(r"\badopted\s+(?:at|by)\s+(?:the\s+)?$", text[max(0, p.start - 30):p.start]) \
                            and re.match(r",?\s*on\s", rest) and not stop:
                        # "the Vienna Declaration ... adopted by the World Conference on Human Rights on 25 June 1993":
                        # the day of the adoption, the conference's last perhaps, not its first; its year is its own
                        start, stop = start[:4], None
                    yield _emit(ctx, sentence, "events.named-conference",
                                Occurrence(name, "Conference", start, stop, place_after, []))
                    continue
            if DATED_AFTER.match(after) or re.match(r",?\s+(?:which|that)\s+(?:was|were)\s+(?:held|convened)", after):
                continue
            if re.match(r"\s+(?:on|of|for|against|to)\s+(?:the\s+)?[a-z]", after):
                continue  # "the Intergovernmental Conference for the adoption of ...": the name goes on in lower case
            core = re.escape(re.sub(rf"^{YEAR}\s+", "", text[h.start() - len(text[p.start:h.start()].split()[-1]) - 1:h.end()]
                                    if text[p.start:h.start()].strip() else h.group(0)).strip())
            if any(not HEAD.search(g["gap"]) for g in re.finditer(rf"{core}(?P<gap>[^.;]{{0,200}}?)\b(?:held|convened)\b",
                                                                 ctx.document.text)):
                continue  # the document places and dates it where it says "held" or "convened": read there
            start, place = None, place_after
            year = re.match(rf"(?P<y>{YEAR})\s", name)
            adopted = ADOPTED_DURING.search(text, max(sentence.start, p.start - 100), p.start)
            later = HELD_LATER.search(text, p.start + len(name), sentence.end)
            if later and not HEAD.search(text, p.start + len(name), later.start()):
                # "the 2026 United Nations Water Conference ..., to be co-hosted by Senegal and the United Arab
                # Emirates and held in the United Arab Emirates from 2 to 4 December 2026": its own place and dates
                w_end = window_after(text, later.end(), sentence.end)
                dates = dates_between(text, later.end(), w_end)
                if dates and (not year or dates[0][0].startswith(year["y"])):
                    yield _emit(ctx, sentence, "events.named-conference",
                                Occurrence(name, "Conference", dates[0][0], dates[0][1],
                                           place_in(ctx, later.end(), w_end, True, anchored=True), []))
                    continue
            if year:
                start = year["y"]
            elif adopted:
                found = find_dates(adopted["date"])
                start = found[0].start if found else None
                if adopted["place"]:
                    place = place_at(ctx, adopted.start("place"), True)
            yield _emit(ctx, sentence, "events.named-conference",
                        Occurrence(name, "Conference", start, None, place, []))


# "held" later in the sentence of a named conference, past who hosts it ("..., to be co-hosted by X and held in")
HELD_LATER = re.compile(r"\b(?:to\s+be\s+)?held\b(?=\s+(?:in|at|on|from)\s)")


# --- which meeting adopted which text -----------------------------------------------------------------------------

# what joins a text's name to the meeting that adopted it (past a subtitle in lower case: "...: Education 2030 –
# towards inclusive ... for all"): "..., adopted at the", "..., which was adopted by the",
# "... adopted in Doha on 12 April 2015 at the", "... adopted by the Conference of the Parties at its"
ADOPTED_AT = re.compile(r"(?:\s+[–—-]\s+[a-z][^,;()“”]{3,150}?)?[)”\"]?[¹²³⁴⁵⁶⁷⁸⁹⁰]*\d{0,3},?\s*(?:(?:which|that)\s+(?:was|were|had\s+been|has\s+been)\s+)?"
                        r"(?:adopted|agreed\s+upon|agreed)\s+(?:(?:in|on)\s+[^,;]{3,40}?\s+)?(?:at|by|during)\s+"
                        r"(?:the\s+)?")
# a text's name inside the description of another adopted thing, with no comma between ("resolution 8/9 of 20
# December 2019 on strengthening asset recovery to support the", "the new strategy for ... in the implementation of the")
NESTED = re.compile(r"\b(?:resolutions?|decisions?|strateg(?:y|ies)|recommendations?|conclusions|outcome\s+document|"
                    r"guidelines|principles|rules)\b[^,;]{0,160}$")
# a body named before the meeting that is its own: "by the Conference of the States Parties ... at its eighth session"
AT_ITS = re.compile(r"(?:(?!\b(?:which|held|convened|endorsed|welcomed|reaffirmed|noted|adopted)\b)[^;]){3,160}?,?\s+"
                    r"(?:at|during)\s+its\s+")
# where the meeting's name ends: before its place, dates or the next clause
PHRASE_END = re.compile(rf",|;|\(|\s+(?:held|convened|in\s+(?=[A-Z])|on\s+(?=\d)|from\s+(?=\d)|and\s+(?:endorsed|welcomed|"
                        rf"reaffirmed|the)\b|at\s+(?:its|the)\b)|\s+(?={MONTH}\b)")


def _plain(text: str) -> str:
    return re.sub(r"^the\s+", "", re.sub(r"\s+", " ", SUPERSCRIPTS.sub("", text)).strip().lower())


def _names_event(phrase: str, label: str) -> bool:
    """The meeting's name as written after "adopted at" and an event's label read elsewhere in the paragraph are the
    same meeting: one opens the other ("the Third United Nations World Conference on Disaster Risk Reduction"), or
    a short name and the full one share ordinal and head ("the Fourteenth Congress")."""
    phrase, label = _plain(phrase), _plain(label)
    if len(phrase.split()) < 2:
        return False
    if label.startswith(phrase) or phrase.startswith(label):
        return True
    short = SHORT_NAME.fullmatch(phrase)
    return bool(short) and label.startswith(short["ordinal"].lower() + " ") and short["head"].lower() in label.split()


@rule("events.adopted-at", "occurrence",
      "A text adopted at a meeting: a declaration, plan of action, agenda or commitment the paragraph names (as "
      "publications.adopted reads it), followed by 'adopted at the <meeting>', 'which was adopted by the <conference>' "
      "or 'adopted by <a body> at its <session>'; the meeting is the event another rule of this module reads in the "
      "same sentence, with its place and dates, now with the text it adopted. A body that adopts a text outside a "
      "meeting ('adopted by the General Assembly') is the text's publisher, not an event.")
def adopted_at(ctx: ParagraphContext):
    low = ctx.text.lower()
    if "adopted" not in low and "agreed" not in low or not _has(low, HEAD_WORDS):
        return
    texts = adopted_texts(ctx)
    if not texts:
        return
    text = ctx.text
    occurrences = None
    for publication, start, end in texts:
        # only the text named right before "adopted at": in "the Declaration on the Elimination of Violence against Women
        # and the Beijing Declaration and Platform for Action adopted at the Fourth World Conference on Women" the first
        # was adopted elsewhere, and a list gives no way to tell
        sentence = next(s for s in ctx.sentences if s.start <= start < s.end)
        if NESTED.search(text[sentence.start:start]):
            continue  # "resolution 8/9 ... on strengthening asset recovery to support the 2030 Agenda, adopted by ...":
            # what was adopted there is the resolution or strategy the text's name is part of
        cue = ADOPTED_AT.match(text, end, sentence.end)
        if not cue:
            continue
        at = cue.end()
        its = AT_ITS.match(text, at, sentence.end)
        if its:
            at = its.end()  # "by the United Nations Conference on Trade and Development at its eighth session": the session
        stop = PHRASE_END.search(text, at, sentence.end)
        phrase = text[at:stop.start() if stop else sentence.end]
        own = HEAD.search(phrase) if its and at == its.end() else None
        if own:
            phrase = phrase[:own.end()]  # "its forty-second session in its resolution 16": the session
        if STANDING_ORGAN.match(phrase) and not ORDINAL.match(phrase):  # ("the First Meeting of States Parties": one)
            continue  # "adopted by the General Conference of UNESCO in 2001": a standing organ, not one meeting of it
        full = _full_name_before(text, phrase, at)
        if full is not None:
            # "the World Conference against Racism, ... and the Durban Declaration ... adopted by the World Conference":
            # the meeting named in full earlier in the paragraph
            read = _meeting_named_at(ctx, sentence, full)
        else:
            if occurrences is None:  # the other rules of this module, read once for the paragraph
                occurrences = [a for r in RULES.values() if r.kind == "occurrence" and r.id != "events.adopted-at"
                               and r.apply.__module__ == __name__ for a in r.apply(ctx) if a.kind == "occurrence"]
            read = next((a for a in occurrences if a.evidence == sentence.text
                         and _names_event(phrase, a.entity("event").label)), None)
            if read is None and not (its and at == its.end()):
                read = _meeting_named_at(ctx, sentence, at)  # a meeting no other rule reads (not dated, or dated after)
        if read is not None:
            yield replace(read, rule="events.adopted-at", roles={**read.roles, "adopted": [publication]})


def _full_name_before(text: str, phrase: str, at: int) -> int | None:
    """Where a short name ("the World Conference") was written in full earlier in the paragraph, if it was."""
    words = phrase.split()
    if not 1 < len(words) <= 2 or not MEETING_HEAD.fullmatch(words[-1]):
        return None
    found = [m for m in re.finditer(rf"{re.escape(phrase)}(?=\s+(?:on|of|for|against)\s+(?:the\s+)?[A-Z])", text[:at])]
    return found[-1].start() if found else None


# organs that meet in sessions, named like meetings: the session is the meeting, the organ is none
STANDING_ORGAN = re.compile(r"(?:General\s+(?:Conference|Assembly)|(?:[A-Z][\w\-]*\s+)*(?:Conference|Meeting|Assembly)\s+of\s+"
                            r"(?:the\s+)?(?:States\s+)?Parties)\b")


# the head of a meeting's name after "adopted at the" (a "Meeting of States Parties", the "World Education Forum")
MEETING_HEAD = re.compile(r"\b(?P<head>Summit|Conference|Congress|Forum|Meeting|Dialogue|Assembly)s?\b")
# its place and dates right after its name: ", held in Quito, Ecuador, from 17 to 20 October 2016", "in Kazan in July
# 2017" (not "on 22 June 2022" after "adopted at ...": the day of the adoption, which need not be the meeting's first)
MEETING_DATED = re.compile(rf"(?:\s*\([^()]{{1,40}}\))?[¹²³⁴⁵⁶⁷⁸⁹⁰]*,?\s+(?:(?:which|that)\s+(?:was|were)\s+)?"
                           rf"(?P<cue>held|convened|took\s+place|in\s+(?=[A-Z])|from\s+(?=\d))")


def _meeting_named_at(ctx: ParagraphContext, sentence: Sentence, at: int):
    """The meeting named in capitals right after "adopted at the" ("the United Nations Conference on Housing and
    Sustainable Urban Development (Habitat III), held in Quito, Ecuador, from 17 to 20 October 2016", "the First Meeting
    of States Parties to the Treaty ... on 22 June 2022"), with its place and dates where they follow its name. Being
    where a text was adopted makes it a meeting, not a standing body; a name in capitals with no such head is none."""
    text = ctx.text
    head = MEETING_HEAD.search(text, at, min(sentence.end, at + 120))
    if head is None or head["head"] == "Assembly" and not re.search(r"\b(?:World|Summit|Session)\b", text[at:head.start()]):
        return None  # "adopted by the General Assembly": a body, the publisher of the text
    if "," in text[at:head.start()] or find_dates(text[at:head.start()]) or not all(
            w[:1].isupper() or w[:1].isdigit() or w.lower() in FUNCTION_WORDS or "-" in w for w in text[at:head.start()].split()):
        return None  # "adopted by Heads of State and Government on 8 September 2000, the 2005 World Summit ..."
    if any(m.start <= head.start() < m.end for m in ctx.within(at, head.end(), {"organization", "instrument"})):
        return None  # a body the gazetteer knows ("the Conference of the Parties"), not a meeting
    end = head.end()
    comp = EVENT_COMPLEMENT.match(text, end)
    if comp:
        end = max(end, title_run_end(text, comp.end(), sentence.end))
    end = name_end(text, head.end(), end)  # ("... the Treaty on the Prohibition of Nuclear Weapons on 22 June 2022")
    year = re.match(rf"\s+(?P<y>{YEAR})\b", text[end:sentence.end])  # "the World Education Forum 2015"
    if year:
        end += year.end()
    name = _without_note_marks(text[at:end])
    name = re.sub(r"(?:\s+(?:in|of|the|and|against|for|to|on|with|from|as|by|at))+$", "", name)
    if len(name.split()) < 2:
        return None
    cls = EVENT_HEADS.get(head["head"].lower(), "Conference") if head["head"] != "Assembly" else "Conference"
    start = stop = place = None
    dated = MEETING_DATED.match(text, end, sentence.end)
    if dated:
        w_start = dated.start("cue") if dated["cue"][:2] in ("in", "fr") else dated.end()
        w_end = window_after(text, w_start, sentence.end)
        dates = dates_between(text, w_start, w_end)
        if dates:
            start, stop = dates[0]
            place = place_in(ctx, w_start, w_end, True, anchored=dated["cue"] in ("held", "convened"))
    if start is None and year:
        start = year["y"]
    return _emit(ctx, sentence, "events.adopted-at", Occurrence(name, cls, start, stop, place, []))
