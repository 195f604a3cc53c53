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

from tipkg.extract.context import ParagraphContext
from tipkg.extract.lexicon import ADVERBS, Verb, lexicon
from tipkg.extract.rules import rule
from tipkg.extract.text import Sentence
from tipkg.model import Entity, Mention

RESOLUTION_KINDS = {"resolution", "draft-resolution", "decision", "draft-decision"}
# "to" opening the action: not "to the", "to its", nor a number ("to 2030")
TO_ACTION = re.compile(r"\bto\s+(?!the\b|a\b|an\b|its\b|their\b|his\b|her\b|all\b|any\b|this\b|that\b|these\b|those\b"
                       r"|each\b|every\b|such\b|other\b|it\b|them\b|which\b|whom\b|what\b|[A-Z0-9“\"(])")
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
TOPIC = re.compile(r"(?:\b[Ii]n\s+(?:its\s+)?(?:\w+\s+){0,4}|\badopted\s+(?:its\s+)?)resolutions?\s*$")
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


@rule("requests.operative", "request",
      "An operative paragraph of a resolution: each verb that opens it or follows ', and' ('Urges ..., and also "
      "urges ...') is one request; its addressee runs to 'to <action>', its action to the next verb or the end.")
def operative(ctx: ParagraphContext):
    meta = ctx.document.metadata
    if ctx.paragraph.kind != "operative" or meta.kind not in RESOLUTION_KINDS:
        return
    lex = lexicon()
    text = ctx.text
    verbs = []
    first = re.match(ADVERBS, text, re.I)
    head = lex.third_person.match(text, first.end())
    if not head:
        return
    verbs.append(head)
    for m in lex.third_person.finditer(text, head.end()):
        if re.search(r"[,;]\s+(?:and\s+)?" + ADVERBS + r"$", text[max(0, m.start() - 40):m.start()], re.I):
            verbs.append(m)
    resolution = ctx.document_entity()
    proponent = _body_entity(resolution.detail("body")) or ([ctx.document_actor] if ctx.document_actor else [])
    pending: list[dict] = []  # requests whose action is the next verb's ("Urges X, and invites Y, to continue")
    for i, m in enumerate(verbs):
        verb = lex.verb(m["verb"])
        if verb is None:
            continue
        end = verbs[i + 1].start() if i + 1 < len(verbs) else len(text)
        written = text[m.start():m.end()] if i else text[:m.end()]
        addressee, action = "", _clean(text[m.end():end])
        includes: list[Entity] = []
        if verb.stance == "request":
            to_start, to_end = _split_action(ctx, m.end(), end)
            includes = _addressee_entities(ctx, m.end(), to_start or end)
            if to_start is not None:
                addressee, action = _clean(text[m.end():to_start]), _clean(text[to_end:end])
            elif _names_agent_first(ctx, m.end(), end):  # "Urges States, and invites ..., to": the action follows
                addressee, action = _clean(text[m.end():end]), ""
            else:
                includes = []
            # else "Calls for the full implementation of ...": no one is named, the object is what is asked
        values = {"verbText": _clean(written), "addressee": addressee, "action": action.rstrip(".;"),
                  "paragraphNumber": ctx.paragraph.number, "reported": "false"}
        request = {"roles": {"resolution": [resolution], "proponent": proponent, "verb": [_verb_entity(verb)],
                             "includes": includes}, "values": values}
        if verb.stance == "request" and not action:
            pending.append(request)
            continue
        for p in pending:
            p["values"]["action"] = values["action"]
            yield ctx.assertion("request", ctx.text, "requests.operative", p["roles"], p["values"])
        pending = []
        yield ctx.assertion("request", ctx.text, "requests.operative", request["roles"], values)
    for p in pending:
        yield ctx.assertion("request", ctx.text, "requests.operative", p["roles"], p["values"])


def _body_of_subject(subject: str) -> str | None:
    for word, key in SUBJECT_BODY:
        if word in subject:
            return key
    return None


def _resolution_for(ctx: ParagraphContext, sentence: Sentence, at: int, body: str | None) -> Entity | None:
    """The resolution a reported verb belongs to: the last one cited before it in the paragraph (by the same
    body), else the first one cited after it in the sentence."""
    resolutions = [m for m in ctx.mentions if m.entity.kind == "resolution"
                   and (body is None or m.entity.detail("body") in (None, body))]
    before = [m for m in resolutions if m.start < at]
    # the paragraph's topic: "In its resolution X, ...", "adopted resolution X", "In the resolution"
    topics = [m for m in before if TOPIC.search(ctx.text[max(0, m.start - 60):m.start])]
    if topics:
        return topics[-1].entity
    if before:
        return before[-1].entity
    after = [m for m in resolutions if at < m.start < sentence.end]
    return after[0].entity if after else None


def _names_agent_first(ctx: ParagraphContext, start: int, end: int) -> bool:
    """Whether the object of a verb is an agent ("Invites Member States ...") rather than what is asked
    ("Invites increased cooperation among the specialized agencies ..."): an agent within its first words."""
    agents = ctx.agents(start, end)
    return bool(agents) and len(ctx.text[start:agents[0].start].split()) <= 3


def _body_entity(key: str | None) -> list[Entity]:
    from tipkg.reference import gazetteer

    e = gazetteer().entity("organization", key) if key else None
    return [e] if e else []


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
            if not addressee or len(addressee) > 250:
                continue
            previous_addressee = addressee
            body = _body_of_subject(subject)
            resolution = _resolution_for(ctx, sentence, m.start(), body)
            if resolution is None:
                continue
            next_verb = next((n.start() for n in lex.past.finditer(text, to_end, sentence.end)
                              if re.search(CONTINUATION, text[max(0, n.start() - 12):n.start()])), sentence.end)
            action = _clean(text[to_end:next_verb]).rstrip(".;")
            body_key = body or resolution.detail("body")
            yield ctx.assertion("request", sentence, "requests.reported",
                                {"resolution": [resolution], "proponent": _body_entity(body_key),
                                 "verb": [_verb_entity(verb)],
                                 "includes": _addressee_entities(ctx, m.end(), to_start)},
                                {"verbText": m["verb"], "addressee": addressee, "action": action, "reported": "true"})


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
            addressee = _clean(head.rsplit(",", 1)[-1])
            if verb is None or not addressee or len(addressee) > 150:
                continue
            at = sentence.start + p.start()
            action = _clean(text[p.end():]).rstrip(".;")
            yield ctx.assertion("request", sentence, "requests.reported-passive",
                                {"resolution": [resolution], "proponent": _body_entity(resolution.detail("body")),
                                 "verb": [_verb_entity(verb)],
                                 "includes": _addressee_entities(ctx, at - len(addressee) - 1, at)},
                                {"verbText": p["verb"], "addressee": addressee, "action": action, "reported": "true"},
                                confidence=0.8)


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
            after = [c for c in cited if p.end() <= c.start <= p.end() + 12]
            verb = lex.verb("pursuant to")
            if after and verb:
                yield ctx.assertion("resolution-link", sentence, "requests.resolution-link",
                                    {"source": [source], "linkVerb": [_verb_entity(verb)], "target": [after[0].entity]},
                                    {"verbText": p["cue"]})
