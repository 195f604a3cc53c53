"""What resolutions ask of whom, and how resolutions link to one another.

In a resolution itself, every operative paragraph opens with its verb ("1. *Urges* Member States that have
not yet done so to consider ratifying ..., and also urges States parties to make full ... use ..."): each
verb gives one request with its addressee (up to "to <action>") and its action. Preambular paragraphs that
recall, reaffirm or welcome a resolution link the two.

In a report, the same facts are told in the past tense, in a main clause whose subject is the adopting body
("In its resolution 72/195, the General Assembly urged Member States that had not yet done so to consider
ratifying ...", "The Assembly also called upon Member States to ..., invited them to ..."), or in the passive
("As requested by the General Assembly in its resolution 72/195, UNODC coordinated ...", "Member States and
other donors are, in line with resolution 72/195, encouraged to ..."). What a relative clause restates
("..., in which the Assembly encouraged the Council to ...") is left out: the main clauses carry the asks.
A report "prepared pursuant to resolution X" is linked to X.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from tipkg.extract.context import ParagraphContext
from tipkg.extract.lexicon import ADVERBS, Verb, lexicon
from tipkg.extract.relations.addressees import (ACTOR_HEADS, ASIDE, PRONOUNS, SUBORDINATE, Addressee, addressees,
                                                is_actor, resolve, split_addressees)
from tipkg.extract.rules import rule
from tipkg.extract.text import Sentence
from tipkg.model import Document, Entity, Mention

RESOLUTION_KINDS = {"resolution", "draft-resolution", "decision", "draft-decision"}
# "to" opening the action: not "to the", "to its", nor a number ("to 2030")
TO_ACTION = re.compile(r"\bto\s+(?!the\b|a\b|an\b|its\b|their\b|his\b|her\b|all\b|any\b|this\b|that\b|these\b|those\b"
                       r"|each\b|every\b|such\b|other\b|it\b|them\b|which\b|whom\b|what\b|in\b|on\b|at\b|by\b|for\b"
                       r"|from\b|with\b|within\b|under\b|paragraphs?\b|articles?\b|annex\b|sections?\b|[A-Z0-9“\"(]"
                       # "parties to armed conflict", "to enforced disappearance": a participle qualifies a noun; few
                       # verbs end in -ed ("to proceed", "to succeed", "to exceed", "to feed", "to heed", "to need")
                       r"|(?!(?:pro|suc|ex)ceed\b|feed\b|heed\b|need\b|embed\b|shed\b|speed\b)[a-z]+ed\b)")
BODY_SUBJECT = re.compile(
    r"(?P<subj>\b(?:[Tt]he\s+)?(?:General\s+Assembly|Assembly|Security\s+Council|Economic\s+and\s+Social\s+Council|"
    r"Human\s+Rights\s+Council|Council|Conference(?:\s+of\s+the\s+Parties)?|Commission)|\b[Ii]t)\s+")
SUBJECT_BODY = [("Security", "SC"), ("Economic", "ECOSOC"), ("Human Rights", "HRC"), ("Assembly", "GA"),
                ("Conference", "COP-UNTOC"), ("Commission", None), ("Council", None), ("it", None), ("It", None)]
RELATIVE = re.compile(r"\b(?:which|whereby|wherein|whom)\s*$|\bin\s+which\s*$|\bby\s+which\s*$|,\s*and\s+which\s*$")
AS_REQUESTED = re.compile(r"^(?:As|as)\s+(?P<verb>requested|mandated|invited|encouraged|called for)\s+by\s+the\s+[^,]{3,60}?"
                          r"\bresolution\s+[^,]{3,20},\s*")
PASSIVE = re.compile(r"\b(?:are|is|were|was)(?P<aside>,[^,]{3,80},)?\s+(?:also\s+)?(?P<verb>encouraged|invited|requested|urged|"
                     r"called upon|called on)\s+to\s+")
PURSUANT = re.compile(r"\b(?P<cue>pursuant to|in accordance with|as mandated by|in response to)\s+(?:General Assembly\s+|"
                      r"Economic and Social Council\s+|Security Council\s+)?resolution\b")
# the document itself is what is "pursuant to" the resolution: "The present report, submitted pursuant to", "This note
# is prepared in accordance with", "The report is submitted in response to"
OWN_MANDATE = re.compile(r"\b(?:present|this|the)\s+(?:report|note|document)\b[^.;]{0,80}?\b(?:is\s+|was\s+|has\s+been\s+|"
                         r"being\s+)?(?:submitted|prepared|presented|issued|transmitted)\s*,?\s*$", re.I)
# ("By paragraph 23 of its decision 26/3, the Governing Council urged ...")
TOPIC = re.compile(r"(?:(?:\b[Ii]n\s+(?:its\s+)?(?:\w+\s+){0,4}|\badopted\s+(?:its\s+)?)resolutions?|"
                   r"\bBy\s+paragraph\s+\d+\s+of\s+(?:its\s+)?(?:resolution|decision))\s*$")
CONTINUATION = r"(?:(?:,|;)\s+(?:and\s+)?|\s+and\s+)(?:also\s+)?$"


def _verb_entity(verb: Verb) -> Entity:
    return Entity("verb", verb.key, verb.base)


def _outside(mentions: list[Mention], at: int) -> bool:
    return not any(m.start < at < m.end for m in mentions)


def _split_action(ctx: ParagraphContext, start: int, end: int) -> tuple[int | None, int | None]:
    """Where the addressee ends and the action starts: at the first 'to <verb>' outside a name."""
    for m in TO_ACTION.finditer(ctx.text, start, end):
        if _outside(ctx.mentions, m.start()):
            return m.start(), m.end()
    return None, None


def _addressee_entities(ctx: ParagraphContext, start: int, end: int) -> list[Entity]:
    return [m.entity for m in ctx.within(start, end) if m.entity.kind in ("organization", "government", "group", "state")]


def _clean(text: str) -> str:
    return re.sub(r"^[\s,;]+|[\s,;]+$|\s+and$", "", text.strip()).strip()


def _clean_action(text: str) -> str:
    """An action or position without the connector that opens the next clause ("..., and in this regard")."""
    text = re.sub(r"(?:[\s,;]+(?:and|in this regard|in that regard|therefore|also|further|furthermore|to this end|"
                  r"to that end))+[\s,;]*$", "", text.strip())
    return _clean(text).rstrip(".;:")


# words that may stand between a clause's boundary and its verb: "..., and in this regard requests", "; and
# therefore encourages", "and, in this regard, further encourages"
CONNECTORS = (r"(?:and|also|further|furthermore|moreover|therefore|thus|accordingly|again|once again|strongly|"
              r"in this regard|in that regard|in this respect|in this context|to this end|to that end|equally|likewise)")
CLAUSE_START = re.compile(r"(?:[,;:]|\band)(?:\s*,?\s*" + CONNECTORS + r"\b\s*,?)*\s*$", re.I)
# "calls in this regard for", "calls also upon": the particle after an adverb
SPLIT_PARTICLE = re.compile(r"\b(?P<v>calls|calling)\s+(?:" + CONNECTORS + r"\s+)+(?P<p>for|upon|on)\b", re.I)
# an ask restated: "reaffirms its request to the Secretary-General to ...", "reiterates its call upon States to",
# "Reiterates, in this regard, its appeal to Member States ... to consider", "Reiterates its requests to"
RESTATED = re.compile(r"\b(?P<verb>(?:reaffirms|reiterates|renews)(?:\s*,\s*in\s+(?:this|that)\s+(?:regard|respect|context)\s*,)?"
                      r"\s+(?:also\s+)?(?:its|the)\s+(?P<noun>request|call|invitation|appeal)s?)\s+(?:to|upon|on)\s+", re.I)
RESTATED_VERB = {"request": "request", "call": "call upon", "invitation": "invite", "appeal": "appeal to"}
LEADING_ADVERBS = re.compile(r"(?:\b(?:also|further|again|once again|strongly|furthermore|moreover)\s+)+$", re.I)
LEADING_ASIDE = re.compile(r"\s*,?\s*(?:(?:in\s+(?:this|that)\s+(?:regard|respect|context|connection))\s*,?\s*|"
                          r"(?:in\s+particular|as\s+a\s+matter\s+of\s+(?:priority|urgency)|therefore|accordingly|"
                          r"once\s+again|(?:as|where|when|if)\s+(?:appropriate|necessary|applicable|needed)|inter\s+alia)"
                          r"\s*,\s*)")
DEMONSTRATIVE = re.compile(r"\s*that\s+(?:[A-Z][\w-]*\s+){1,5}to\s+[a-z]")
TRAILING_ADVERB = re.compile(r"\s+(?P<adverb>further|also|again|once again|strongly|furthermore)\b(?!\s+(?:to|that)\b)")
# a "to" inside a qualifier of the addressee: "those in a position to do so", "States wishing to do so"
# or a noun after it: "stakeholders active in areas related to sustainable development"
QUALIFIER_TO = re.compile(r"\b(?:position|able|willing|wishing|ready|intending|seeking|in order|so as|related|relating|"
                          r"pertaining|dedicated|devoted|linked|contributing)\s+$")
# "requests that he submit", "Resolves that the Secretary-General shall report", "urges that all countries provide"
# "that", or "that, in addition to the abovementioned priorities," (an aside before the clause's subject)
# (a prepositional aside only: "that, should the Secretary-General begin ..., it shall" is a condition)
THAT = re.compile(r"\s*,?\s*(?:further\s+|also\s+)?that(?:\s*,\s*(?:in|within|inter\s+alia|as|pending|upon|on|after|"
                  r"following|for|with|without|subject|consistent|pursuant|according|during|by)\s[^,;:]{3,120},)?\s+",
                  re.I)
MODAL = re.compile(r"\b(?:shall|should|will|must|may)\b")
RELATIVE_START = re.compile(r"\s*(?:that|who|which)\b")
PASSIVE_VERB = re.compile(r"(?:shall|should|will|would|must|may|can|could)?\s*(?:not\s+)?(?:be|is|are|was|were|been)\b")
FUNCTION_WORDS = frozenset("and or of the to in on for at with by from a an its their all other relevant as well "
                           "including within under between among and/or concerned ad hoc".split())  # "ad hoc" committee
# an ask made of a noun: "calls for the continued support of UNODC ...", "encourages cooperation between ..."
NOMINAL = re.compile(r"\s*(?:the\s+)?(?:[\w-]+\s+){0,8}?(?:support|assistance|cooperation|coordination|collaboration|"
                     r"engagement|involvement|participation|contributions?|commitment|efforts|action)\s+"
                     r"(?:of|between|among|from|by)\s+",
                     re.I)
# where the actors of a nominal ask end: "..., in providing technical assistance", "regarding", "within"
NOMINAL_END = re.compile(r",?\s+(?:in|by|for|with|through|when)\s+\w+ing\b|\s+regarding\b|,\s*within\b|;|\.$|"
                         r"\s+(?:in|to|for|towards|on|at)\s+(?=[a-z])")
# first person, in declarations: "We call upon all Member States to ..."
FIRST_PERSON_ASKS = r"(?P<verb>call\s+upon|call\s+on|call\s+for|urge|encourage|invite|request|appeal\s+to|recommend)\b"
WE = re.compile(r"\b[Ww]e\s+" + ADVERBS + FIRST_PERSON_ASKS)
# "We call upon ... and invite ...": the same subject goes on
WE_CONTINUED = re.compile(r"(?:,|\band)\s+" + ADVERBS + FIRST_PERSON_ASKS)


@dataclass
class Clause:
    """One verb of a paragraph and the words it governs: text[end:stop] is its object."""

    verb: Verb
    written: str
    start: int
    end: int
    stop: int = 0
    first_person: bool = False


def _clauses(text: str, head: re.Match | None) -> list[Clause]:
    """The paragraph's clauses: its opening verb, then each verb that opens a clause after ',', ';' or 'and'
    ("..., and in this regard requests the Secretary-General to ...", "and calling upon States to ...")."""
    lex = lexicon()
    found: dict[int, Clause] = {}

    def add(start: int, end: int, verb: Verb | None, written: str, first_person: bool = False) -> None:
        if verb is not None and start not in found:
            found[start] = Clause(verb, written, start, end, first_person=first_person)

    for m in RESTATED.finditer(text):
        add(m.start(), m.end(), lex.verb(RESTATED_VERB[m["noun"].lower()]), m["verb"])
    for m in SPLIT_PARTICLE.finditer(text):
        add(m.start(), m.end(), lex.verb(f"{m['v']} {m['p']}"), f"{m['v']} {m['p']}")
    if head is not None:
        add(head.start("verb"), head.end(), lex.verb(head["verb"]), text[:head.end()])
    first = head.end() if head is not None else 0
    for pattern in (lex.third_person, lex.participle):
        for m in pattern.finditer(text, first):
            verb = lex.verb(m["verb"])
            if verb is None or pattern is lex.participle and verb.stance != "request":
                continue
            if any(c.start <= m.start() < c.end for c in found.values()):
                continue
            if CLAUSE_START.search(text[max(0, m.start() - 60):m.start()]):
                adverbs = LEADING_ADVERBS.search(text, 0, m.start())  # "also notes", "further encourages"
                start = adverbs.start() if adverbs else m.start()
                add(start, m.end(), verb, text[start:m.end()])
    first_person = list(WE.finditer(text))
    if first_person:
        first_person += [m for m in WE_CONTINUED.finditer(text, first_person[0].end())]
    for m in first_person:
        found.pop(m.start("verb"), None)
        add(m.start("verb"), m.end(), lex.verb(re.sub(r"\s+", " ", m["verb"])), m["verb"], first_person=True)
    clauses = sorted(found.values(), key=lambda c: c.start)
    for c in clauses:  # "encourages further the above-mentioned entities": the adverb belongs to the verb
        after = TRAILING_ADVERB.match(text, c.end)
        if after:
            c.written, c.end = c.written + " " + after["adverb"], after.end()
    for c, nxt in zip(clauses, clauses[1:] + [None]):
        c.stop = nxt.start if nxt else len(text)
    return clauses


def _that_subject(ctx: ParagraphContext, start: int, stop: int) -> tuple[int, int] | None:
    """The subject of a "that" clause: the words up to the first verb after an actor ("that all refugee-receiving
    countries provide", "that he submit")."""
    m = THAT.match(ctx.text, start)
    if not m:
        return None
    words = list(re.finditer(r"[^\s]+", ctx.text[m.end():stop]))[:25]
    for w, nxt in zip(words, words[1:]):
        if re.search(r"[,;:]$", w.group(0)):
            return None
        word = nxt.group(0)
        end = m.end() + w.end()
        if word[0].islower() and word not in FUNCTION_WORDS and word.strip(",;:") not in ACTOR_HEADS and not any(
                x.start < m.end() + nxt.start() < x.end for x in ctx.mentions):
            last = w.group(0).strip("()").lower()
            if last in FUNCTION_WORDS:
                continue
            if last in PRONOUNS or is_actor(ctx, m.end(), end):
                # "that the contingency fund ... shall be set", "that Member States that have fulfilled their
                # obligations ... shall be credited": what is acted upon is not asked
                verb = m.end() + nxt.start()
                if RELATIVE_START.match(ctx.text[m.end() + w.end():verb + 1]) or word in ("that", "who", "which"):
                    modal = MODAL.search(ctx.text, verb, stop)
                    verb = modal.start() if modal else verb
                return None if PASSIVE_VERB.match(ctx.text, verb) else (m.end(), end)
    return None


def _ask(ctx: ParagraphContext, c: Clause, before: list[Addressee]) -> tuple[list[Addressee], str, bool] | None:
    """The addressees and action of a clause whose verb asks; None when it names no actor. The flag says that the
    action is still to come ("Urges States, and invites donors, to continue": the next clause's)."""
    text = ctx.text
    # an aside before the addressee is no part of it: "Requests, in this regard, the Secretary-General to submit"
    aside = LEADING_ASIDE.match(text, c.end, c.stop)
    start = aside.end() if aside else c.end
    # "encourages that Division to provide": a demonstrative, no clause
    if THAT.match(text, start) and not DEMONSTRATIVE.match(text, start):
        subject = _that_subject(ctx, start, c.stop)
        found = addressees(ctx, subject[0], subject[1], before, strict=True) if subject else []
        return (found, text[subject[1]:c.stop], False) if found else None
    to_start, to_end = _split_action(ctx, start, c.stop)
    while to_start is not None and _in_aside(text[start:to_start]):
        # "Member States, in order to effectively respond ..., to enhance", "the United Nations, when allegations
        # ... are determined ... to be unfounded, to take": the aside's "to" opens no action
        to_start, to_end = _split_action(ctx, to_end, c.stop)
    # the object opens with an actor ("Urges Member States ... to"), not with what is asked ("encourages
    # information exchange ... to curb", "the continued support of UNODC ... assistance to trafficking victims")
    if to_start is not None and _opens_with_actor(ctx, start, to_start, before):
        negated = re.search(r"[\s,]+not\s*$", text[start:to_start])  # "invites those countries ... not to develop"
        found = addressees(ctx, start, start + negated.start() if negated else to_start, before)
        if found:
            return found, ("not " if negated else "") + text[to_end:c.stop], False
    colon = re.search(r"(?:\s+to)?\s*:\s*$", text[start:c.stop])
    # a chapeau: "Calls upon Member States:", "Encourages Member States to:"; not "Decides to establish ..., a
    # Committee ..., to undertake the following tasks:", where the body acts itself
    if colon and _opens_with_actor(ctx, start, start + colon.start(), before):
        found = addressees(ctx, start, start + colon.start(), before)
        return (found, "", False) if found else None
    nominal = NOMINAL.match(text, start)
    if nominal:
        end = NOMINAL_END.search(text, nominal.end(), c.stop)
        found = addressees(ctx, nominal.end(), end.start() if end else c.stop, before)
        if found:
            return found, text[start:c.stop], False
    if to_start is None and _opens_with_actor(ctx, start, c.stop, before):
        found = addressees(ctx, start, c.stop, before, strict=True)
        if found:
            return found, "", True
    return None


def _in_aside(before: str) -> bool:
    """Whether a "to" stands inside an aside or qualifier of the addressee, not after it: the words since the
    last comma open an aside ("when allegations ... are determined ...") or end with "in a position"."""
    last = before.rsplit(",", 1)[-1].strip() if "," in before else ""
    return bool(last and ASIDE.match(last)) or bool(QUALIFIER_TO.search(before))


def _opens_with_actor(ctx: ParagraphContext, start: int, end: int, before: list[Addressee]) -> bool:
    spans = split_addressees(ctx, start, end)
    if not spans or spans[0][0] - start > 3:
        return False
    first = ctx.text[spans[0][0]:spans[0][1]].lower()
    return first in PRONOUNS or bool(resolve(ctx, spans[0][0], spans[0][1], before))


def _paragraph_number(ctx: ParagraphContext) -> str | None:
    """The number a reader cites: "2" for an operative paragraph, "2(c)" for its sub-item (c)."""
    p, parts = ctx.paragraph, []
    by_key = {q.key: q for q in ctx.document.paragraphs}
    while p is not None and p.kind == "subitem":
        parts.append(p.number or "")
        p = by_key.get(p.parent or "")
    if p is None or p.kind != "operative":
        return None
    return (p.number or "") + "".join(reversed(parts))


class _Chapeaus:
    """The asks that a paragraph ending with ":" opens, for its sub-items, in the document being read (rules read a
    document's paragraphs in order, one document at a time)."""

    def __init__(self) -> None:
        self.document: Document | None = None
        self.asks: dict[str, list[dict]] = {}

    def of(self, document: Document) -> dict[str, list[dict]]:
        if document is not self.document:
            self.document, self.asks = document, {}
        return self.asks


_chapeaus = _Chapeaus()


def _chapeau(ctx: ParagraphContext) -> list[dict]:
    """The asks of the operative paragraph (or sub-item) that the current sub-item continues."""
    by_key = {q.key: q for q in ctx.document.paragraphs}
    known = _chapeaus.of(ctx.document)
    parent = by_key.get(ctx.paragraph.parent or "")
    while parent is not None:
        asks = known.get(parent.key)
        if asks is not None or parent.kind != "subitem":
            return asks or []
        parent = by_key.get(parent.parent or "")
    return []


# a chapeau whose sub-items are what the asked report holds, not further asks: "Requests the Secretary-General to submit
# a report ..., which would include, inter alia: (a) Annexed lists of parties ...; (b) Information on ...", "a report
# containing:", "to report ... on:"
CONTENTS_CHAPEAU = re.compile(r"\b(?:include|includes|including|contain|contains|containing|cover|covers|covering|comprise|"
                              r"comprising|address|addressing|on|regarding|concerning)\b(?:,?\s*(?:inter\s+alia|among\s+"
                              r"other\s+things|in\s+particular),?)?\s*:$")


def _remember_chapeau(ctx: ParagraphContext, asks: list[dict]) -> None:
    known = _chapeaus.of(ctx.document)
    text = ctx.text.rstrip()
    if text.endswith(":") and asks and not CONTENTS_CHAPEAU.search(text):
        known[ctx.paragraph.key] = asks
    else:
        known.pop(ctx.paragraph.key, None)


@rule("requests.operative", "request",
      "A paragraph of a resolution: each verb that opens it or a clause of it (', and in this regard requests', "
      "'; and calling upon') is one clause. A clause whose verb asks and names actors (up to 'to <action>', in a "
      "'that' clause, before ':' or as 'the support of') gives one request per actor; a sub-item asks what its "
      "chapeau asks ('Calls upon Member States: (a) ...'). Every other clause, and the verb opening a preambular "
      "paragraph ('Recalling ...'), is a position of the body.")
def operative(ctx: ParagraphContext):
    meta = ctx.document.metadata
    kind = ctx.paragraph.kind
    if meta.kind not in RESOLUTION_KINDS or kind in ("footnote", "header", "summary"):
        return
    lex = lexicon()
    text = ctx.text
    if kind == "preambular":  # "Recalling ...", "Welcoming ...": the body's position, asking no one
        head = lex.participle.match(text, re.match(ADVERBS, text, re.I).end())
        verb = lex.verb(head["verb"]) if head else None
        if verb is not None:
            yield ctx.assertion("position", text, "requests.operative",
                                {"resolution": [ctx.document_entity()], "verb": [_verb_entity(verb)]},
                                {"verbText": _clean(text[:head.end()]), "positionText": _clean(text[head.end():])})
        return
    number = _paragraph_number(ctx) if kind in ("operative", "subitem") else ctx.paragraph.number
    resolution = ctx.document_entity()
    proponent = _body_entity(resolution.detail("body")) or ([ctx.document_actor] if ctx.document_actor else [])
    head = lex.third_person.match(text, re.match(ADVERBS, text, re.I).end()) if kind in ("operative", "subitem") else None
    clauses = _clauses(text, head)
    asks: list[dict] = []
    before: list[Addressee] = []

    def request(verb: Verb, written: str, addressee: Addressee, action: str) -> dict:
        return {"roles": {"resolution": [resolution], "proponent": proponent, "verb": [_verb_entity(verb)],
                          "includes": addressee.entities},
                "values": {"verbText": _clean(written), "addressee": addressee.label,
                           "action": _clean_action(action), "paragraphNumber": number, "reported": "false"}}

    if kind not in ("operative", "subitem") or number is None:  # an annex's paragraph: only what "We" ask
        clauses = [c for c in clauses if c.first_person]
    elif kind == "subitem" and head is None:
        inherited = _chapeau(ctx)
        upto = clauses[0].start if clauses else len(text)
        # "(a) That have not yet done so, to consider ...", "(c) In accordance with their national law, to provide"
        action = re.sub(r"^(?:(?:That|In|Within|Where|When|As|Consistent|Pursuant|Subject|With|Upon|Under|If)\b"
                        r"[^;:]{0,150}?,\s*(?=to\s))?(?:[Tt]o\s+)?", "", text[:upto])
        for a in inherited:
            asks.append(request(a["verb"], a["written"], a["addressee"], action))
        before = [a["addressee"] for a in inherited]
    pending: list[dict] = []
    chapeau: list[dict] = []
    for c in clauses:
        found = _ask(ctx, c, before) if c.verb.stance == "request" else None
        if found is None:
            yield ctx.assertion("position", text, "requests.operative",
                                {"resolution": [resolution], "verb": [_verb_entity(c.verb)]},
                                {"verbText": _clean(c.written), "positionText": _clean_action(text[c.end:c.stop]),
                                 "paragraphNumber": number})
            continue
        people, action, later = found
        made = [request(c.verb, c.written, a, action) for a in people]
        chapeau = [{"verb": c.verb, "written": c.written, "addressee": a} for a in people]
        before = people
        if later:
            pending.extend(made)
            continue
        for p in pending:
            p["values"]["action"] = _clean_action(action)
        asks.extend(pending + made)
        pending = []
    asks.extend(pending)
    _remember_chapeau(ctx, chapeau)
    for a in asks:
        yield ctx.assertion("request", text, "requests.operative", a["roles"],
                            {k: v for k, v in a["values"].items() if v})


def _body_of_subject(subject: str) -> str | None:
    for word, key in SUBJECT_BODY:
        if word in subject:
            return key
    return None


REPORTED_REACH = 1200  # characters: a few sentences of one paragraph
TOPIC_REACH = 2000  # a paragraph's topic ("By paragraph 23 of its decision 26/3, the Governing Council ...") reaches further


def _resolution_for(ctx: ParagraphContext, sentence: Sentence, at: int, body: str | None) -> Entity | None:
    """The resolution a reported verb belongs to: the last one cited before it in the paragraph (by the same
    body), else the first one cited after it in the sentence."""
    resolutions = [m for m in ctx.mentions if m.entity.kind == "resolution"
                   and (body is None or m.entity.detail("body") in (None, body))]
    before = [m for m in resolutions if m.start < at]
    # the paragraph's topic: "In its resolution X, ...", "adopted resolution X", "In the resolution"
    topics = [m for m in before if TOPIC.search(ctx.text[max(0, m.start - 60):m.start]) and m.start >= at - TOPIC_REACH]
    if topics:
        return topics[-1].entity
    # not one cited paragraphs of text before: "The Security Council urged States of the Region ..." 2,700 characters
    # after "Recalling its resolution 2017 (2011)" in a presidential statement read as one block asks in its own name
    before = [m for m in before if m.start >= at - REPORTED_REACH]
    if before:
        return before[-1].entity
    after = [m for m in resolutions if at < m.start < sentence.end]
    return after[0].entity if after else None


# "In paragraph 5 of resolution 2731 (2024), the Council requested ...": the operative paragraph a report cites
PARAGRAPH_OF = re.compile(r"\b[Pp]aragraphs?\s+(?P<n>\d{1,3}(?:\s*\([a-z]{1,4}\))?)\s+of\s+(?:its\s+|the\s+)?"
                          r"(?:(?:Security|Human\s+Rights|Economic\s+and\s+Social)\s+Council\s+|General\s+Assembly\s+)?"
                          r"(?:resolution\s+)?$")


def _reported_values(ctx: ParagraphContext, resolution: Entity, at: int, verb: str, addressee: str,
                     action: str) -> dict:
    """The values of an ask a report paraphrases, with the operative paragraph of `resolution` the report names where
    it cites it for the verb at `at` (the last citation before it, else the first after), as "5" or "2(c)"."""
    values = {"verbText": verb, "addressee": addressee, "action": action, "reported": "true"}
    cited = [m for m in ctx.mentions if m.entity == resolution]
    before = [m for m in cited if m.start < at]
    m = before[-1] if before else next(iter(cited), None)
    found = PARAGRAPH_OF.search(ctx.text, max(0, m.start - 120), m.start) if m else None
    if found:
        values["paragraphNumber"] = re.sub(r"\s+", "", found["n"])
    return values


def _body_entity(key: str | None) -> list[Entity]:
    from tipkg.reference import gazetteer

    e = gazetteer().entity("organization", key) if key else None
    return [e] if e else []


def _reported_actor(ctx: ParagraphContext, start: int, end: int) -> str | None:
    """The actor a report says was asked, from text[start:end]: past a relative opening ("in which the Executive
    Director"), without a list marker after it ("the Secretary-General: (a)"), or none when the words name no actor
    ("the preparation of annual reports", "in decision 2005/2")."""
    phrase = ctx.text[start:end]
    lead = re.match(r"\s*(?:,\s*)?(?:in|by|under|through)\s+which\s+", phrase)
    if lead:
        start += lead.end()
    tail = re.search(r"\s*[:;,]?\s*(?:\([a-z]{1,3}\)\s*)?$", ctx.text[start:end])
    end = start + tail.start() if tail else end
    aside = SUBORDINATE.search(ctx.text, start, end)  # "the ... Monitoring Team, when consulting with Member States"
    end = aside.start() if aside else end
    addressee = _clean(ctx.text[start:end]).strip("“”\"")
    if not addressee or not is_actor(ctx, start + ctx.text[start:end].find(addressee[:1]), end):
        return None
    return addressee


@rule("requests.reported", "request",
      "A report's main clause whose subject is the adopting body (or 'it') and whose verb asks ('urged', 'called "
      "upon', 'invited', 'requested', 'encouraged'), in a paragraph citing the resolution: the addressee runs to "
      "'to <action>' ('them' takes the addressee before it); relative clauses are left out.")
def reported(ctx: ParagraphContext):
    if ctx.document.metadata.kind in RESOLUTION_KINDS or not any(m.entity.kind == "resolution" for m in ctx.mentions):
        return
    lex = lexicon()
    for sentence in ctx.sentences:
        text = ctx.text
        subject = None
        previous_addressee = ""
        for m in lex.past.finditer(text, sentence.start, sentence.end):
            verb = lex.verb(m["verb"])
            if verb is None or verb.stance != "request":
                continue
            before = text[sentence.start:m.start()]
            s = re.search(BODY_SUBJECT.pattern + r"(?:also\s+|further\s+|again\s+|once again\s+)?$", before)
            continued = re.search(CONTINUATION, before) and subject is not None
            if s:
                if RELATIVE.search(before[:s.start()]):
                    subject = None
                    continue
                subject = s["subj"]
            elif not continued:
                continue
            to_start, to_end = _split_action(ctx, m.end(), sentence.end)
            if to_start is None:
                continue
            addressee = _clean(text[m.end():to_start])
            if addressee.lower() in ("them", "it", "they"):
                addressee = previous_addressee
            elif addressee:
                addressee = _reported_actor(ctx, m.end(), to_start)  # "called for the preparation of reports": none
            if not addressee or len(addressee) > 250:
                continue
            previous_addressee = addressee
            body = _body_of_subject(subject)
            resolution = _resolution_for(ctx, sentence, m.start(), body)
            if resolution is None:
                continue
            next_verb = next((n.start() for n in lex.past.finditer(text, to_end, sentence.end)
                              if re.search(CONTINUATION, text[max(0, n.start() - 12):n.start()])), sentence.end)
            action = _clean(text[to_end:next_verb]).rstrip(".;, ")
            body_key = body or resolution.detail("body")
            values = _reported_values(ctx, resolution, m.start(), m["verb"], addressee, action)
            yield ctx.assertion("request", sentence, "requests.reported",
                                {"resolution": [resolution], "proponent": _body_entity(body_key),
                                 "verb": [_verb_entity(verb)],
                                 "includes": _addressee_entities(ctx, m.end(), to_start)}, values)


@rule("requests.reported-passive", "request",
      "A report's passive sentence that cites a resolution: 'As requested by the General Assembly in its resolution "
      "X, UNODC coordinated ...' (the addressee is the clause's subject) and 'Member States ... are, in line with "
      "resolution X, encouraged to ...'.")
def reported_passive(ctx: ParagraphContext):
    if ctx.document.metadata.kind in RESOLUTION_KINDS or not any(m.entity.kind == "resolution" for m in ctx.mentions):
        return
    lex = lexicon()
    for sentence in ctx.sentences:
        resolutions = [m for m in ctx.mentions if m.entity.kind == "resolution" and sentence.start <= m.start < sentence.end]
        if not resolutions:
            continue
        text = ctx.text[sentence.start:sentence.end]
        resolution = resolutions[0].entity
        m = AS_REQUESTED.match(text)
        if m:
            subject = ctx.subject(sentence)
            verb = lex.verb(m["verb"])
            if subject is not None and verb is not None:
                action = _clean(ctx.text[subject.end:sentence.end]).rstrip(".;")
                yield ctx.assertion("request", sentence, "requests.reported-passive",
                                    {"resolution": [resolution], "proponent": _body_entity(resolution.detail("body")),
                                     "verb": [_verb_entity(verb)], "includes": [subject.entity]},
                                    {"verbText": m["verb"], "addressee": subject.surface, "action": action,
                                     "reported": "true"})
            continue
        p = PASSIVE.search(text)
        if p:
            verb = lex.verb(p["verb"])
            head = text[:p.start()]
            at = sentence.start + p.start()
            # "resolution 1/12, in which the Executive Director was requested": the actor after "in which"
            addressee = _reported_actor(ctx, at - len(head.rsplit(",", 1)[-1]), at)
            if verb is None or not addressee or len(addressee) > 150:
                continue
            action = _clean(text[p.end():]).rstrip(".;")
            values = _reported_values(ctx, resolution, at, p["verb"], addressee, action)
            yield ctx.assertion("request", sentence, "requests.reported-passive",
                                {"resolution": [resolution], "proponent": _body_entity(resolution.detail("body")),
                                 "verb": [_verb_entity(verb)],
                                 "includes": _addressee_entities(ctx, at - len(addressee) - 1, at)},
                                values, confidence=0.8)


@rule("requests.resolution-link", "resolution-link",
      "A preambular or operative paragraph of a resolution that opens with recall, reaffirm, welcome or take-note "
      "language links the resolution to every resolution it cites there; a report 'pursuant to resolution X' is "
      "linked to X.")
def resolution_link(ctx: ParagraphContext):
    cited = [m for m in ctx.mentions if m.entity.kind == "resolution"]
    if not cited:
        return
    meta = ctx.document.metadata
    source = ctx.document_entity()
    lex = lexicon()
    if meta.kind in RESOLUTION_KINDS and ctx.paragraph.kind in ("preambular", "operative"):
        first = re.match(ADVERBS, ctx.text, re.I)
        pattern = lex.participle if ctx.paragraph.kind == "preambular" else lex.third_person
        m = pattern.match(ctx.text, first.end())
        verb = lex.verb(m["verb"]) if m else None
        if verb is None or verb.stance not in ("recall", "acknowledge"):
            return
        for c in cited:
            if c.entity.key != source.key:
                yield ctx.assertion("resolution-link", ctx.text, "requests.resolution-link",
                                    {"source": [source], "linkVerb": [_verb_entity(verb)], "target": [c.entity]},
                                    {"verbText": m["verb"]})
        return
    for sentence in ctx.sentences:
        for p in PURSUANT.finditer(ctx.text, sentence.start, sentence.end):
            if not OWN_MANDATE.search(ctx.text, sentence.start, p.start()):
                continue  # "UNISFA should continue to implement that mandate in accordance with resolution 2609 (2021)",
                # "the Group held its first meeting in 2006 pursuant to ...": another thing's mandate, not the report's
            after = [c for c in cited if p.end() <= c.start <= p.end() + 12]
            verb = lex.verb("pursuant to")
            if after and verb:
                yield ctx.assertion("resolution-link", sentence, "requests.resolution-link",
                                    {"source": [source], "linkVerb": [_verb_entity(verb)], "target": [after[0].entity]},
                                    {"verbText": p["cue"]})
