"""Named persons with their roles and organizations.

How documents say it:
  "The board of trustees for the 2017–2020 term is composed of Benita Ferrero-Waldner (Chair), Arnaud Kouassi,
   ... and Viktoria Avakova."
  "UNODC works with goodwill ambassadors ... Nobel laureate Nadia Murad Basee Taha (Iraq, human rights activist,
   human trafficking survivor), Mira Sorvino (United States, actress), and Ozark Henry (Belgium, singer ...)"
A person is only read from a list that a membership cue opens, or from a name followed by a bracket that
gives a State and a description: a capitalised name alone is not enough.
"""
from __future__ import annotations

import re

from tipkg.extract.context import ParagraphContext, _is_generic
from tipkg.extract.rules import rule
from tipkg.model import Entity

WORD = r"[A-Z][a-zà-ÿ'’]+(?:-[A-Z]?[a-zà-ÿ'’]+)*"
PARTICLE = r"(?:al|Al|bin|de|da|del|van|von|der|la|le|du|dos|ibn|El|el)"
NAME = rf"{WORD}(?:\s+(?:{PARTICLE}[\s-])?{WORD}){{1,4}}"
LIST_CUE = re.compile(r"\b(?:(?:is|are|was|were)\s+(?:composed|comprised)\s+of|(?:members|trustees) (?:are|were|include)|"
                      r"composed of|consists of)\s+")
ITEM = re.compile(rf"^\s*(?P<name>{NAME})(?:\s*\((?P<note>[^()]{{1,60}})\))?\s*$")
BRACKETED = re.compile(rf"(?P<name>{NAME})\s*\((?P<state>[^(),]{{3,40}}),\s*(?P<what>[^()]{{3,80}})\)")
# words of a group or a body, never of a person's name
COLLECTIVE_WORDS = {"Parties", "States", "Members", "Governments", "Branch", "Section", "Division", "Unit", "Office",
                    "Department", "Ministry", "Committee", "Council", "Commission", "Group", "Team", "Programme", "Agency",
                    "Centre", "Center", "Institute", "Network", "Forum", "Secretariat", "Mission", "Force", "Countries"}
TITLE_WORDS = {"Nobel", "Special", "Rapporteur", "Executive", "Director", "Secretary-General", "Ambassador"}


def _items(text: str) -> list[str]:
    return [i for i in re.split(r",\s*(?:and\s+)?|\s+and\s+", text.strip().rstrip(".;")) if i.strip()]


def _person(name: str) -> Entity:
    return Entity("person", name, name, ("Person",))


def _role(text: str) -> Entity:
    return Entity("role", text.lower(), text, ("Role",))


@rule("people.member-list", "role",
      "A sentence that opens a list of names with 'is composed of' (or 'members are'): every item that is a "
      "person's name holds a seat in the body the sentence names, with the role in brackets ('(Chair)').")
def member_list(ctx: ParagraphContext):
    if "ompos" not in ctx.text and "members" not in ctx.text and "trustees" not in ctx.text and "onsists" not in ctx.text:
        return
    for sentence in ctx.sentences:
        cue = LIST_CUE.search(ctx.text, sentence.start, sentence.end)
        if not cue:
            continue
        items = _items(ctx.text[cue.end():sentence.end])
        people = [ITEM.match(i) for i in items]
        if len(items) < 2 or not all(people) or any(ctx.within(sentence.start + cue.end() - sentence.start, sentence.end,
                                                                   {"organization", "state", "government"})):
            continue
        body = re.sub(r"^(?:The|the)\s+", "", ctx.text[sentence.start:cue.start()].strip())
        body = re.sub(r"\s+for the .*$|\s+of the .*$", "", body) or "body"
        context = ctx.actor or next((e for e in ctx.section_entities if e.kind in ("organization", "initiative")),
                                    ctx.document_actor)
        named = [m.entity for m in ctx.within(sentence.start, cue.start(), {"organization", "initiative"})]
        for p in people:
            role = f"{p['note']} of the {body}" if p["note"] else f"member of the {body}"
            yield ctx.assertion("role", sentence, "people.member-list",
                                {"holder": [_person(p["name"])], "role": [_role(role)],
                                 "context": (named or ([context] if context else []))[:1]},
                                {"roleLabel": role})


@rule("people.bracketed", "role",
      "A name followed by a bracket giving a State and a description ('Mira Sorvino (United States, actress)'): "
      "a person; in a paragraph about goodwill ambassadors the role is goodwill ambassador, else the description; "
      "the organization is the agent the sentence works 'with' or the paragraph's actor.")
def bracketed(ctx: ParagraphContext):
    if "(" not in ctx.text:
        return
    ambassadors = re.search(r"\b(goodwill ambassadors?|ambassadors?|champions?)\b", ctx.text, re.I)
    for sentence in ctx.sentences:
        for m in BRACKETED.finditer(ctx.text, sentence.start, sentence.end):
            states = [s for s in ctx.within(m.start("state"), m.end("state"), {"state"})]
            if not states:
                continue
            name = " ".join(w for w in m["name"].split() if w not in TITLE_WORDS)
            name = re.sub(r"^(?:laureate|and)\s+", "", name)
            if len(name.split()) < 2 or ctx.within(m.start("name"), m.end("name"), {"organization", "state", "place"}):
                continue
            if set(name.split()) & COLLECTIVE_WORDS or ctx.within(m.start("what"), m.end("what"), {"state"}):
                # "Contracting Parties (Belarus, EU, Switzerland and Turkey)", "Slum Upgrading Branch (Kenya and
                # Philippines)": a body or group with the States it covers, not a person and a description
                continue
            with_agent = re.search(r"\bwith\s+(?:the\s+)?(?P<agent>\S+)", ctx.text[m.end():sentence.end])
            agents = [a.entity for a in ctx.agents(m.end(), sentence.end)]
            organization = agents[:1] or ([ctx.actor_of(sentence)] if ctx.actor_of(sentence) else [])
            role = "goodwill ambassador" if ambassadors and "ambassador" in ambassadors.group(1).lower() else m["what"]
            yield ctx.assertion("role", sentence, "people.bracketed",
                                {"holder": [_person(name)], "role": [_role(role)], "context": organization,
                                 "nationality": [states[0].entity]},
                                {"roleLabel": role}, confidence=0.9 if with_agent else 0.7)


# --- Named persons read from the grammar around a name: a title before it, an apposition, a signature, a court
# case, a list that a person noun opens, a cited author. A name alone is never enough, and no name is listed here:
# only the cue words (titles, role nouns) are data.

# A word of a person's name: capitalised, with accents, hyphens and apostrophes ("Ferrero-Waldner", "Chérizier"),
# in capitals as signatures write surnames ("BAN Ki-moon"), or an initial ("David C. Adams").
NAME_WORD = r"(?:[A-ZÀ-ÖØ-Þ][a-z]?\.|[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ'’]+(?:-[A-Za-zß-öø-ÿ][a-zß-öø-ÿ'’]+)*|[A-ZÀ-ÖØ-Þ]{2,}(?:-[a-z]+)?)"
NAME_PARTICLE = r"(?:al|bin|ibn|de|da|del|della|di|dos|das|do|du|la|le|van|von|der|den|ter|y)"
PERSON_NAME = rf"{NAME_WORD}(?:[ \t]+(?:{NAME_PARTICLE}[ \t]+)?{NAME_WORD}){{0,5}}"
# Titles written before or beside a name; "former" may precede them.
TITLES = ["President", "Vice-President", "Vice President", "President-elect", "Prime Minister", "Deputy Prime Minister",
          "Minister", "Deputy Minister", "Vice-Minister", "Secretary of State", "Secretary-General",
          "Deputy Secretary-General", "Under-Secretary-General", "Assistant Secretary-General", "Secretary",
          "Attorney General", "Prosecutor General", "Prosecutor", "Chief Justice", "Judge", "Magistrate",
          "Ambassador", "Permanent Representative", "Deputy Permanent Representative", "Special Rapporteur",
          "Special Representative", "Special Envoy", "Special Adviser", "Special Coordinator", "High Commissioner",
          "Deputy High Commissioner", "Executive Director", "Deputy Executive Director", "Director-General",
          "Director General", "Director", "Administrator", "Chair", "Chairperson", "Chairman", "Chairwoman",
          "Co-Chair", "Vice-Chair", "Rapporteur", "Commissioner", "Ombudsman", "Ombudsperson", "Governor", "Mayor",
          "Senator", "Congressman", "Congresswoman", "Chancellor", "King", "Queen", "Prince", "Princess", "Emir",
          "Sheikh", "Sheikha", "Pope", "Cardinal", "Archbishop", "Bishop",
          "Chief of Staff", "Deputy Chief of Staff", "Chief of Defence Forces", "Chief of General Staff",
          "Deputy Chief",
          "Force Commander", "Deputy Force Commander", "Commander", "Deputy Commander", "Inspector General",
          "Spokesperson", "Head of State", "Head of Government",
          "Professor", "Dr.", "Mr.", "Ms.", "Mrs.", "Sir", "Dame", "H.E."]
# Titles of a person alone, after which one word is a name ("Secretary Noem", "President Abinader"); others
# ("the Ombudsperson Institution", "the Juvenile Justice Bill") name offices and laws too.
# Forms of address, not roles: the person is read, the role left empty.
HONORIFICS = {"Mr.", "Ms.", "Mrs.", "Dr.", "Sir", "Dame", "H.E.", "Sheikh", "Sheikha"}
# A surname alone after "Mr." repeats a person named in full before, so it is not read.
SINGLE_NAME_TITLES = {"President", "Vice-President", "Prime Minister", "Minister", "Secretary", "Judge", "Ambassador",
                      "Senator", "Governor", "Mayor", "Chancellor", "King", "Queen", "Prince", "Princess", "Emir",
                      "Sheikh", "Pope", "Professor"}
# Role nouns written in lower case before a name ("gang leader Joé Pascal Clergé", "former minister Aviol Fleurant").
ROLE_NOUNS = ["leader", "minister", "president", "judge", "prosecutor", "laureate", "activist", "journalist",
              "lawyer", "officer", "commander", "senator", "ambassador", "rapporteur", "director", "defendant",
              "suspect", "ombudsman", "survivor", "singer", "actress", "actor", "author", "artist", "trafficker"]
# Plural person nouns that open a list of names ("leaders of criminal groups, such as Jimmy Chérizier ...").
PERSON_PLURALS = ["leaders", "officials", "judges", "prosecutors", "journalists", "activists", "defenders",
                  "survivors", "figures", "personalities", "traffickers", "defendants",
                  "ambassadors", "champions", "laureates"]
LIST_OPENERS = r"(?:such as|including|namely|in particular|notably)"
# Words that are never part of a person's name (cue words the name patterns could swallow); the words of the
# gazetteer's organization names are added at load ("Office", "Council", "National", "Police").
NOT_NAME_WORDS = {w.lower() for t in TITLES for w in t.replace("-", " ").split()} | {
    # posts in a staffing table: "Deputy Chief Investment Officer D-1" names a post, not a person
    "officer", "officers", "assistant", "adviser", "advisor", "specialist", "analyst", "manager", "clerk", "associate",
    "the", "this", "that", "these", "see", "ibid", "source", "note", "annex", "report", "resolution", "decree",
    "law", "act", "case", "court", "tribunal", "district", "division", "state", "states", "republic", "government",
    "ministry", "department", "office", "agency", "service", "police", "house", "white", "news", "press", "times",
    "herald", "post", "journal", "libre", "daily", "gazette", "tribune", "review", "magazine", "radio", "television",
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "plenipotentiary",
    "extraordinary", "counsellor", "emeritus", "a.i.", "ad", "interim", "general", "assembly", "security",
    "excellency", "his", "her", "their", "our", "your", "my", "we", "they", "it", "i", "you", "he", "she", "us",
    "society", "summit", "world", "conference", "session", "declaration", "agenda", "le", "la", "les", "el", "los", "las", "il", "der",
    "die", "das", "de", "and", "or", "of", "in", "on", "for", "to", "by", "with", "at", "from", "international",
    "national", "united", "nations", "council", "committee", "group", "network", "foundation", "institute",
    "centre", "center", "university", "programme", "initiative", "fund", "bank", "union", "association",
    "organization", "commission", "forum", "alliance", "coalition", "mission", "affairs", "foreign", "justice",
    "interior", "planning", "cooperation", "external", "road", "street", "airport", "port", "island", "islands",
    "order", "executive", "fact", "sheet", "informant", "key", "map", "figure", "table", "box", "chapter", "part",
    "section", "article", "paragraph", "protocol", "convention", "declaration", "agenda", "goal", "target", "v",
    "v.", "et", "al", "al.", "said", "told", "says", "bill", "institution"}
# (the leading look-ahead for a capital lets the long alternation be tried at capitals only)
_TITLE_ALT = (rf"(?=[{''.join(sorted({t[0] for t in TITLES} | set('DAFS')))}])" r"(?<![\w-])(?<!Deputy )(?<!Acting )(?<!Assistant )(?<!First )(?<!Second )(?:(?:Deputy|Acting|Assistant|First|Second)\s+)?(?:"
              + "|".join(re.escape(t) for t in sorted(TITLES, key=len, reverse=True)) + ")")
_ROLE_ALT = "|".join(ROLE_NOUNS)
# Each pattern is anchored on a title or role noun found first (a plain alternation), then matched around it: a
# search for a name at every capitalised word would cost more than all the other rules together.
TITLE_AT = re.compile(_TITLE_ALT)
ROLE_NOUN_AT = re.compile(rf"\b(?=[{''.join(sorted({r[0] for r in ROLE_NOUNS}))}])(?:{_ROLE_ALT})\b")
# "President Donald J. Trump", "Judge Giovanni Falcone", "Secretary Noem", "Haitian gang leader Joé Pascal Clergé"
NAME_AFTER = re.compile(rf"[ \t]+(?P<name>{PERSON_NAME})")
FORMER = re.compile(r"\b[Ff]ormer\s+$")
ROLE_PREFIX = re.compile(r"(?:\b(?:[Ff]ormer|[Tt]hen|[Ll]ate)\s+)?$")
NOUN_MODIFIERS = re.compile(r"(?:\b(?:[Ff]ormer|[Tt]hen|[Ll]ate)\s+)?(?:\b(?!(?:the|a|an|of|by|to|and|or|for|in|on|with|as|from|its|his|her|their)\b)"
                            r"(?:[A-Z][a-z]+|[a-z]+)\s+){0,2}$")
# "the President of the Dominican Republic, Luis Abinader", "signed by the President, Luis Abinader,"
APPOSED_NAME = re.compile(rf"(?P<of>\s+(?:of|for|on|to)\s+[^;()“”]{{2,160}}?)?,\s+"
                          rf"(?:(?:H\.E\.|Mr\.|Ms\.|Mrs\.|Dr\.|Ambassador|Judge|Professor|Sheikh)\s+)*"
                          rf"(?P<name>{PERSON_NAME})(?=\s*[,.;:()]|\s+[a-z]|\s*$)")
# a title inside another's "of ..." part that is no possessor ("of the Secretary-General") is the nearer title
INNER_TITLE = re.compile(rf"(?<!of the )(?<!of )(?<!to the )\b(?:{_TITLE_ALT})\b")
# ... and a title right after "of the" inside another title names the possessor ("Special Representative of the
# Secretary-General for Libya, Abdoulaye Bathily" is no Secretary-General)
POSSESSOR_TITLE = re.compile(rf"(?:{_TITLE_ALT})[^,;.]*\b(?:of|to)(?: the)?\s*$")
# "Roberto Álvarez Gil, Minister for Foreign Affairs of the Dominican Republic"
NAME_BEFORE = re.compile(rf"(?P<name>{PERSON_NAME}),\s+(?:the\s+)?(?P<former>[Ff]ormer\s+)?$")
TITLE_OF = re.compile(r"(?:\s+(?:of|for|on|to)\s+[^,;()“”]{2,160})?")
# what follows a title and qualifies when it was held, not what it is ("Minister of Defence of the Russian Federation
# at the time of the alleged conduct")
ROLE_QUALIFIER = re.compile(r"\s+(?:at\s+the\s+time\b|at\s+that\s+time\b|since\s|until\s|from\s+\d|between\s+\d|"
                            r"who\s|when\s|during\s)")
SIGNED = re.compile(rf"^\s*\(Signed\)\s+(?P<name>{PERSON_NAME})\s*(?:\n\s*(?P<role>[^\n]{{3,160}}))?")
SENDER = re.compile(r"\bfrom the (?P<role>.{3,160}?) addressed to\b")
# "United States v. Samuel Pierre, Reginald Louis Chosson, and Joseph Jules Plancher"
CASE = re.compile(r"\b(?:[A-Z][\w’'.]*\s+){0,5}v\.\s+")
# "leaders of criminal groups, such as X and Y", "those led by X, Y and Z"
NAME_LIST_CUE = re.compile(rf"\b(?P<role>(?:{'|'.join(PERSON_PLURALS)})(?:\s+of\s+(?:[a-z-]+\s+){{0,3}}?[a-z-]+)?)"
                           rf",?\s+{LIST_OPENERS}\s+|\b(?P<led>led|headed|founded) by\s+")
# the titled work or body right before "led by" ("the Independent Review of Mechanisms ... of Neutrality, led by")
LED_TITLE = re.compile(r"\bthe\s+(?P<title>[A-Z][\w’'\-]*(?:\s+(?:(?:of|and|for|on|to|by|in|the|against)\s+)*"
                       r"[A-Z][\w’'\-]*)*),?\s+$")
LIST_GAP = re.compile(r"\s*(?:\((?:[^()]{1,40})\))?\s*(?:,\s*(?:and\s+)?|\s+and\s+)")
NICKNAME = re.compile(r"\s*\((?:alias\s+)?[“\"‘][^()]{1,40}[”\"’]\)|\s+alias\s+[“\"]?[A-Z][^\s,;()]*[”\"]?")
# A cited work: "Robert Muggah, “Haiti’s criminal markets ...”", "Jacqueline Charles “Gangs attack ...”"
CITED_AUTHORS = re.compile(rf"(?:^|;\s*(?:and\s+)?|\bSee\s+(?:also,?\s+)?)(?P<authors>{PERSON_NAME}"
                           rf"(?:(?:,\s*|,?\s+and\s+){PERSON_NAME}){{0,5}})(?:,\s*|\s+)[“\"«]")


def _institution_words() -> set[str]:
    from tipkg.reference import gazetteer

    words = set()
    for entry in gazetteer().of_kind("organization"):
        for name in entry.names:
            words.update(w.lower() for w in re.findall(r"[A-Za-zÀ-ÿ’'-]+", name) if w[:1].isupper())
    return words


_NOT_NAME: set[str] | None = None


def _not_name_words() -> set[str]:
    global _NOT_NAME
    if _NOT_NAME is None:
        _NOT_NAME = NOT_NAME_WORDS | _institution_words()
    return _NOT_NAME


def _clean_name(ctx: ParagraphContext, start: int, end: int, single: bool = False) -> str | None:
    """The person's name written at text[start:end], or None when it is not a name: fewer than two words (one
    after a title), a cue word or a word of an organization's name, all capitals, or a stretch a gazetteer
    entry names (a State, an organization, a place)."""
    name = re.sub(r"[’']s$", "", ctx.text[start:end].strip())
    words = name.split()
    if not words or len(words) < (1 if single else 2) or re.fullmatch(r"[A-Z]\.", words[-1]):
        return None
    if any(w.lower().rstrip("’'s") in _not_name_words() or w.lower() in _not_name_words() for w in words):
        return None
    if all(w.isupper() for w in words) or any(m.start < end and m.end > start for m in ctx.mentions):
        return None
    return " ".join(words)


def _role_without(ctx: ParagraphContext, start: int, end: int, organization: list[Entity]) -> str:
    """The title as written, less the State or organization that ends it ("Minister for Foreign Affairs" of
    "Minister for Foreign Affairs of Georgia" when Georgia is the organization)."""
    text = ctx.text[start:end]
    last = [m for m in ctx.within(start, end) if organization and m.entity == organization[0]]
    if last and not ctx.text[last[-1].end:end].strip():
        text = ctx.text[start:last[-1].start]
        text = re.sub(r"\s+(?:of|for|to|in)(?:\s+the)?\s*$", "", text)
    return text.strip()


def _named_in_full(ctx: ParagraphContext, surname: str) -> bool:
    """Whether the document writes this surname after a given name somewhere ("Salva Kiir" for "President Kiir")."""
    for m in re.finditer(rf"({NAME_WORD})\s+{re.escape(surname)}\b", ctx.document.text):
        if m.group(1).lower() not in _not_name_words():
            return True
    return False


def _organization(ctx: ParagraphContext, start: int, end: int) -> list[Entity]:
    """The State or organization a title names; a post ("of the Secretary-General") stays in the title."""
    named = [m for m in ctx.within(start, end, {"state", "organization", "government"})
             if "Post" not in m.entity.classes and not _is_generic(m)]  # "the United Nations Office for ..." is no UN
    return [named[0].entity] if named else []


def _holding(ctx: ParagraphContext, evidence: str, rule_name: str, name: str, role: str | None,
             organization: list[Entity], confidence: float = 0.8):
    roles = {"holder": [_person(name)], "context": organization}
    if role:
        roles["role"] = [_role(role)]
    return ctx.assertion("role", evidence, rule_name, roles, {"roleLabel": role}, confidence=confidence)


def _sentence_at(ctx: ParagraphContext, at: int) -> str:
    for s in ctx.sentences:
        if s.start <= at < s.end:
            return s.text
    return ctx.text


# "King Abdullah II of Jordan": the State or organization named right after the name
OF_AFTER_NAME = re.compile(r"\s+of\s+(?:the\s+)?")


def _of_after_name(ctx: ParagraphContext, end: int) -> list[Entity]:
    """The State or organization that "of" right after a titled name gives ("King Abdullah II of Jordan"): the
    whole mention must follow "of", else none."""
    of = OF_AFTER_NAME.match(ctx.text, end)
    if not of:
        return []
    named = [m for m in ctx.within(end, len(ctx.text), {"state", "organization", "government"})
             if m.start <= of.end() and "Post" not in m.entity.classes and not _is_generic(m)]
    return [named[0].entity] if named else []


@rule("people.titled", "role",
      "A title or role noun written right before a name ('President Donald J. Trump', 'Judge Giovanni Falcone', "
      "'Secretary Noem', 'gang leader Joé Pascal Clergé'): a person holding that role; a single word after a "
      "capitalised title is a name too.")
def titled(ctx: ParagraphContext):
    text = ctx.text
    cues = [(t, False) for t in TITLE_AT.finditer(text)] + [(t, True) for t in ROLE_NOUN_AT.finditer(text)]
    for t, lower in cues:
        m = NAME_AFTER.match(text, t.end())
        if not m:
            continue
        before = (NOUN_MODIFIERS if lower else ROLE_PREFIX).search(text, max(0, t.start() - 40), t.start())
        role = text[before.start() if before else t.start():t.end()].strip()
        single = not lower and t.group(0) in SINGLE_NAME_TITLES
        name = _clean_name(ctx, m.start("name"), m.end("name"), single=single)
        if name is None or " " not in name and _named_in_full(ctx, name):
            continue
        role = None if role in HONORIFICS else role
        yield _holding(ctx, _sentence_at(ctx, t.start()), "people.titled", name, role,
                       _of_after_name(ctx, m.end("name")))


@rule("people.apposition", "role",
      "A title and a name set side by side with a comma ('the President of the Dominican Republic, Luis Abinader', "
      "'Roberto Álvarez Gil, Minister for Foreign Affairs of the Dominican Republic'): the person holds the title; "
      "the State or organization named in the title is the organization.")
def apposition(ctx: ParagraphContext):
    if "," not in ctx.text:
        return
    text = ctx.text
    for t in TITLE_AT.finditer(text):
        m = APPOSED_NAME.match(text, t.end())
        if m and not (m["of"] and INNER_TITLE.search(m["of"])) \
                and not POSSESSOR_TITLE.search(text, max(0, t.start() - 160), t.start()):
            name = _clean_name(ctx, m.start("name"), m.end("name"))
            if name is not None:
                end = m.end("of") if m["of"] else t.end()
                organization = _organization(ctx, t.end(), end) if m["of"] else []
                former = FORMER.search(text, max(0, t.start() - 12), t.start())  # "the former President, X"
                yield _holding(ctx, _sentence_at(ctx, t.start()), "people.apposition", name,
                               _role_without(ctx, former.start() if former else t.start(), end, organization),
                               organization)
        b = NAME_BEFORE.search(text, max(0, t.start() - 80), t.start())
        if b:
            name = _clean_name(ctx, b.start("name"), b.end("name"))
            if name is None:
                continue
            start = b.start("former") if b["former"] else t.start()
            end = TITLE_OF.match(text, t.end()).end()
            qualifier = ROLE_QUALIFIER.search(text, t.end(), end)
            end = qualifier.start() if qualifier else end
            organization = _organization(ctx, t.start(), end)
            yield _holding(ctx, _sentence_at(ctx, t.start()), "people.apposition", name,
                           _role_without(ctx, start, end, organization), organization)


# a title run into the signatory's name on one line, and where that title ends (the next line of a letter's close, an
# annex, another signature)
SIGNED_TITLE = re.compile(rf"\s+(?P<title>(?:{_TITLE_ALT})\b|Chargé\b)")
SIGNED_ROLE_END = re.compile(r"\s+(?:Annex|Enclosure|Letter|\(Signed\))\b|\n|$")


@rule("people.signed", "role",
      "'(Signed) António Guterres' closing a letter: the signatory, in the title on the line below the name, "
      "else in the sender the letter's heading names ('Letter ... from the Secretary-General addressed to ...').")
def signed(ctx: ParagraphContext):
    m = SIGNED.match(ctx.text)
    if not m:
        return
    name_end, role_span = m.end("name"), (m.start("role"), m.end("role")) if m["role"] else None
    titled = SIGNED_TITLE.search(ctx.text, m.start("name"), m.end("name"))
    if titled:
        # "(Signed) Olof Skoog President of the Security Council", "(Signed) Yusra Khan Chargé d’affaires": the name,
        # then its title on the same line
        name_end = titled.start()
        stop = SIGNED_ROLE_END.search(ctx.text, titled.start("title"))
        role_span = (titled.start("title"), stop.start() if stop else len(ctx.text))
    name = _clean_name(ctx, m.start("name"), name_end)
    if name is None:
        return
    role, organization = (ctx.text[role_span[0]:role_span[1]].strip() if role_span else None), []
    if role and not re.match(rf"(?:{_TITLE_ALT})\b", role):
        role = None
    if role:
        organization = _organization(ctx, *role_span)
    else:
        heading = " ".join(p.text for p in ctx.document.paragraphs if p.kind == "header")
        sender = SENDER.search(f"{ctx.document.metadata.title or ''} {heading}")
        role = sender["role"] if sender else None
    yield _holding(ctx, m.group(0).strip(), "people.signed", name, role.strip() if role else None, organization, 0.9)


@rule("people.case-party", "role",
      "The persons named after 'v.' in a court case ('United States v. Samuel Pierre, Reginald Louis Chosson, and "
      "Joseph Jules Plancher'): defendants; a State or organization after 'v.' is not a person.")
def case_party(ctx: ParagraphContext):
    if " v. " not in ctx.text:
        return
    for m in CASE.finditer(ctx.text):
        for name in _name_list(ctx, m.end()):
            yield _holding(ctx, _sentence_at(ctx, m.start()), "people.case-party", name, "defendant", [])


@rule("people.named-list", "role",
      "A person noun that opens a list of names ('leaders of criminal groups, such as Jimmy Chérizier (“Barbecue”) "
      "and Wilson Joseph', 'those led by Chérizier, Wilson Joseph and Renel Destina'): each full name holds the "
      "role (the noun in the singular; 'leader' for 'led by'). A list holding a State or organization is no list "
      "of persons.")
def named_list(ctx: ParagraphContext):
    for m in NAME_LIST_CUE.finditer(ctx.text):
        if m["led"]:
            role = {"led": "leader", "headed": "head", "founded": "founder"}[m["led"]]
            led = LED_TITLE.search(ctx.text, max(0, m.start() - 240), m.start())
            role = f"{role} of the {led['title']}" if led else role  # what was led, when the text names it
        else:
            head, _, rest = m["role"].partition(" of ")
            role = head[:-1] + (f" of {rest}" if rest else "") if head != "persons" else None
            if head in ("individuals", "figures", "personalities"):
                role = None
        for name in _name_list(ctx, m.end(), single_items=bool(m["led"])):
            yield _holding(ctx, _sentence_at(ctx, m.start()), "people.named-list", name, role, [], 0.8)


def _name_list(ctx: ParagraphContext, at: int, single_items: bool = False) -> list[str]:
    """The full names listed from `at` ("A B, C D E, and F G"), each maybe with a nickname in brackets; empty when
    an item is a State, an organization or no name. A one-word item (a surname named before) is passed over
    when `single_items`."""
    names, pattern = [], re.compile(PERSON_NAME)
    while True:
        m = pattern.match(ctx.text, at)
        if not m:
            return [] if not names else names
        name = _clean_name(ctx, m.start(), m.end())
        if name is None:
            lone = single_items and _clean_name(ctx, m.start(), m.end(), single=True)
            if not lone:
                return names if any(mm.start < m.end() and mm.end > m.start() for mm in ctx.mentions) is False \
                    and names else []
        else:
            names.append(name)
        at = m.end()
        nick = NICKNAME.match(ctx.text, at)
        if nick:
            at = nick.end()
        gap = LIST_GAP.match(ctx.text, at)
        if not gap:
            return names
        at = gap.end()


@rule("people.cited-author", "role",
      "A footnote that cites a work by its authors: names before the quoted title at the start of a reference "
      "('Robert Muggah, “Haiti’s criminal markets ...”', 'David C. Adams and Frances Robles, “...”'): authors.")
def cited_author(ctx: ParagraphContext):
    if ctx.paragraph.kind != "footnote" or not re.search(r"[“\"«]", ctx.text):
        return
    for m in CITED_AUTHORS.finditer(ctx.text):
        names = []
        for part in re.finditer(PERSON_NAME, m["authors"]):
            name = _clean_name(ctx, m.start("authors") + part.start(), m.start("authors") + part.end())
            if name is None:
                names = []
                break
            names.append(name)
        for name in names:
            yield _holding(ctx, _sentence_at(ctx, m.start("authors")), "people.cited-author", name, "author", [], 0.8)
