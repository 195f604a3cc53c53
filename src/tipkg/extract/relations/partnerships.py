"""Partnerships: who works together on what. A partnership has at least two partners, at least one of them a
named organization or government, and, where the sentence says it, the initiative they work on.

How documents say it:
  "UNODC, in partnership with the European Union, launched the new four-year Global Action to ..."
  "UNODC cooperated closely with the relevant regional mechanisms ..., including OSCE, the Council of Europe, ..."
  "Cooperation has also been established with UNODC, OHCHR, ... and national Governments to support ..."
  "In 2018, UNODC and OSCE signed a joint plan of action to address and counter trafficking in persons ..."
  "The two entities, together with the World Health Organization, are currently working to develop a framework ..."
  "a set of guidelines for operators ... were jointly developed in 2018"
  "the European Union and the Council of Europe programmatic framework called “Horizontal facility for ...”"
  "a three-year investigation supported by INTERPOL and UNODC"
  "UNODC, through the Charidy fundraising platform, organized a fundraising campaign for ..."
  "IOM plays a key role in Alliance 8.7, a global partnership ..."
  "the Khartoum process ..., coordinated by the African Union, the Office of the United Nations High Commissioner for
   Refugees and the International Organization for Migration"; "the efforts undertaken by the Special Representative
   ... and the Team of Experts ... to strengthen monitoring and analysis ..."
  "The Legal Department of the General Directorate of Migration, working with the Public Prosecutor’s Office, secured
   ..." (institutions the gazetteer does not hold, read by their head noun: tipkg.extract.institutions)
  "The operation, led by the Attorney General’s Office and the Specialized Prosecutor’s Office ..."; "A joint operation
   involving Dominican and Haitian law enforcement, with support from ... (INTERPOL)" (the agents of an operation
   read by tipkg.extract.relations.operations are partners on it)
  "the Haiti Anti-Corruption Task Force, formed of the Anti-Corruption Unit, the Financial and Economic Affairs Bureau
   (...) and ...": the members a body is formed of
  "All the information ... was gathered by UNODC staff on the ground working on capacity-building with Haitian coast
   guard and Ports security operators" (a footnote in prose: footnotes that cite a source are not read)
  "ongoing UNODC engagement with justice actors ..., as part of efforts to strengthen judicial responses to ...";
  "Welcomes CTED’s cooperation with ICAO, UNODC, ..." (a noun of working together after its agent; what the work is
   part of)
What does not count: stakeholder groups alone ("in cooperation with the private sector, civil society and ..."),
groups beside an actor the sentence does not name or beside no concrete piece of work ("UN-Women works with Member
States to ..."), what a body asks of others ("called upon States to cooperate with ..."), wishes and plans, and, in
resolutions, everything but what a paragraph welcomes or notes; sub-items under a chapeau that plans ("The Office will
have the following core functions:"). Co-chairs of a mechanism are partners in its
co-chairing: the partnerships query reads them from the Chairing nodes, so sentences about chairing are left to
the coordination rules.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from tipkg.extract.context import ParagraphContext
from tipkg.extract.initiatives import (Named, anaphor_at, class_of, initiative_entity, named_initiatives, phrase_at,
                                      remember)
from tipkg.extract.institutions import Institution, acronymed_name_at, institution_at, institution_ending
from tipkg.extract.lexicon import lexicon
from tipkg.extract.relations.operations import (ANAPHOR as OPERATION_ANAPHOR, Operation, operation_entity,
                                                operations_in)
from tipkg.extract.rules import rule
from tipkg.extract.text import Sentence
from tipkg.iris import slug
from tipkg.model import Entity, Mention

__all__ = ["Reading", "partnerships_in", "partner_list", "factual", "in_resolution", "named_subject", "NOT_PARTNERS"]

PARTNER_KINDS = {"organization", "government", "group"}
SPECIFIC_KINDS = {"organization", "government", "state"}  # a State acting ("Ecuador and Peru signed") is specific
# bodies that adopt texts and ask things of others, and posts: the frame of a statement, not partners in it
NOT_PARTNERS = {"PrincipalOrgan", "FunctionalCommission", "ConferenceOfParties", "Post"}
MECHANISMS = {"CoordinationMechanism", "WorkingGroup"}
RESOLUTION_KINDS = {"resolution", "draft-resolution", "decision", "draft-decision"}

# --- cues -----------------------------------------------------------------------------------------------------------
SUPPORT = r"with\s+(?:the\s+)?(?:financial\s+|technical\s+)?(?:support|assistance)\s+(?:from|of|by)"
WITH = re.compile(
    r"\b(?:in\s+(?:close\s+|closer\s+|strategic\s+|joint\s+|direct\s+|active\s+)?(?:partnership|collaboration|"
    r"cooperation|co-operation|coordination|conjunction)\s+with"
    r"|(?P<explicit>partner(?:ed|ing|s)?|collaborat(?:e|es|ed|ing)|co-?operat(?:e|es|ed|ing))"
    r"\s+(?:closely\s+|actively\s+|directly\s+|also\s+|further\s+)*with"
    r"|work(?:s|ed|ing)?\s+(?:[a-z0-9-]+\s+){0,4}?with"
    r"|jointly\s+with|together\s+with|alongside"
    rf"|(?P<support>{SUPPORT})"
    r"|in\s+a\s+(?:coordinated|joint|concerted|collaborative)\s+effort\s+with"
    r"|(?:cooperation|collaboration|partnerships?)\s+(?:has|have)\s+(?:also\s+)?been\s+"
    r"(?:established|strengthened|built|developed|forged|reinforced)\s+with"
    r"|(?P<action>(?:jointly\s+)?(?:co-)?(?:hosting|hosted|organized|organizing|convened|convening)\s+with)"
    r"|signed\s+(?:a|an|the)\s+[^.;,]{3,60}?\s+with)\b", re.I)
# a noun of working together after its agent: "ongoing UNODC engagement with justice actors", "CTED’s cooperation
# with ICAO, UNODC, ...", "UN-HABITAT cooperation with UNEP"
NOMINAL_WITH = re.compile(r"\s*(?:’s|'s)?\s+(?:(?:ongoing|continued|continuing|close|closer|active|strong|sustained|"
                          r"strengthened|direct)\s+)?(?:engagement|co-?operation|collaboration|partnership)\s+with\s+")
# the same noun owned by the subject: "UN-Habitat continued its collaboration with the Office of ..."
OWN_WORK_WITH = re.compile(r"\b(?:its|their)\s+(?:(?:ongoing|continued|close|closer|active|strong|sustained|"
                           r"direct|existing)\s+)?(?:engagement|co-?operation|collaboration|partnership)\s+with\s+")
# where a clause with a verb of its own starts: "Welcomes CTED’s cooperation with ..., and urges CTED to ..."
NEXT_CLAUSE = re.compile(r"\s*;|,\s+and\s+(?:also\s+|further\s+)?[a-z]+(?:s|ed)\s+(?!with\b)")
# the work the partners' work is part of: "... with justice actors ..., as part of efforts to strengthen ..."
AS_PART_OF = re.compile(r"\bas\s+(?:a\s+)?part\s+of\s+")
JOINTLY_DONE = re.compile(r"\b(?:were|was|have been|has been)\s+jointly\s+(?:developed|organized|produced|published|"
                          r"launched|implemented|prepared|hosted|convened|designed|conducted|established)\b")
BY_AGENTS = re.compile(r"\b(?:jointly\s+|regionally\s+|co[-‑‐])?(?:supported|organized|led|implemented|funded|"
                       r"hosted|launched|developed|convened|run|managed|facilitated|sponsored|financed|conducted|coordinated|"
                       r"undertaken|carried\s+out)\s+"
                       r"(?:jointly\s+|regionally\s+)?by\s+(?:the\s+)?")
JOINT_FRAME = re.compile(r"\s+(?:joint\s+)?(?:programmatic\s+)?(?:framework|programme|project|initiative|partnership|"
                         r"platform|facility|campaign|action plan|plan of action)\b")
THROUGH = re.compile(r"\s*,\s*through\s+(?!its\b|their\b)(?:the\s+)?")
MEMBER_OF = re.compile(r"\b(?:(?:is|are|was|were|as|became|become)\s+(?:also\s+)?(?:a|an|the)?\s*"
                       r"(?:active\s+|founding\s+|full\s+|key\s+)?(?:member|partner)s?\s+of"
                       r"|plays?\s+an?\s+(?:key|leading|active|central|critical|important|major)\s+role\s+in"
                       r"|participat(?:es|ed|ing)\s+in|(?:is|are)\s+(?:also\s+)?part\s+of)\b")
PART_OF = re.compile(r"\b(?:part|members?)\s+of\s+(?:the\s+)?$")
ALLIANCE = re.compile(r"\b(?:Alliance|Partnership)\b")
NOT_ALLIANCE = re.compile(r"\b(?:Group|Network|Team)\b")
CHAIR = re.compile(r"\bco-?chair|\bchair(?:ed|ing|manship)?\b", re.I)
# a request, a wish or a plan is not a fact: "called upon States to cooperate with ...", "the desire of ..."
NOT_FACT = re.compile(r"(?i:\b(?:urg(?:es?|ed|ing)|call(?:s|ed|ing)?\s+(?:up)?on|call(?:s|ed|ing)?\s+for|requests?|"
                      r"requested|invit(?:es?|ed|ing)|encourag(?:es?|ed|ing)|recommend(?:s|ed|ing)?|importance\s+of|"
                      r"need(?:s|ed)?\s+(?:to|for)|plans?\s+to|seeks?\s+to|aims?\s+to|invitation|desire|wish(?:es)?|"
                      r"intention|willingness|readiness|to\s+be\s+[a-z]+ed|looking\s+forward|looks?\s+forward)\b)"
                      r"|\b(?:should|must|would|could|may|will)\b")
# the members a body is formed of: "the Haiti Anti-Corruption Task Force, formed of the Anti-Corruption Unit, ..."
# The cue may follow another attribute of the body, joined to it by "and": "the Joint Implementation Committee,
# responsible for monitoring the implementation of the Joint Action Plan and composed of ..."
COMPOSED_OF = re.compile(r"\s*(?:,\s*(?:responsible|charged|tasked|established|created|set\s+up|mandated)\b[^,;.]{1,160}?"
                         r"\s+and\s+|,?\s*(?:(?:which\s+is|that\s+is)\s+)?)"
                         r"(?:formed|composed|made\s+up|comprised|consisting)\s+of\s+"
                         r"|\s*,?\s*comprising\s+")
# a footnote that cites a source (a reference, a link, a quoted title) reports what others wrote, not what was done;
# a footnote in prose states facts like any paragraph ("... gathered by UNODC staff ... working on ... with ...")
CITATION = re.compile(r"^\s*(?:See|Ibid|Idem|Available|Source|Cited|Quoted|For\s+(?:more|further))\b|https?://|www\.|"
                      r"\bavailable\s+at\b|[“\"«]")
# between an organization and the participle of what its people do: "UNODC staff on the ground working on ..."
WORKERS = re.compile(r"\s+(?:staff|personnel|experts|officers|officials|teams?|specialists|advisers|advisors)"
                     r"(?:\s+(?:on\s+the\s+ground|in\s+the\s+field|in\s+the\s+country))?\s*,?\s*")
WORK_ON = re.compile(r"^work\w*\s+on\s+(?P<what>.+?)\s+with$", re.I)
RELATIVE = re.compile(r"\b(?:in which|which|whereby|where|who|that)\b")
# an acronym as an item of a list: capitals and digits, parts joined by "/" or "-" each opening with a letter (not
# "COVID-19"), followed by the list's next separator or its end
BARE_ACRONYM = re.compile(r"(?:the\s+)?(?P<acr>[A-Z][A-Z0-9]{1,9}(?:[/-][A-Z][A-Z0-9]{0,9}){0,3})"
                          r"(?=\s*(?:,|;|\)|\band\b|\.(?:\s|$)|$))")
ROMAN = {"II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII"}

# --- what partners did ----------------------------------------------------------------------------------------------
ACTION = re.compile(
    r"\b(?:(?:has|have|had)\s+(?:also\s+)?(?:been\s+)?|(?:is|are|was|were)\s+(?:also\s+|currently\s+|now\s+|"
    r"jointly\s+)*)?(?:also\s+|jointly\s+|further\s+|currently\s+)*"
    r"(?P<verb>launch(?:ed|es|ing)?|sign(?:ed|s|ing)?|organi[sz](?:ed|es|ing)|co-organi[sz](?:ed|es|ing)|"
    r"convene[sd]?|convening|co-convened|develop(?:ed|s|ing)?|publish(?:ed|es|ing)?|produc(?:ed|es|ing)|"
    r"implement(?:ed|s|ing)?|establish(?:ed|es|ing)|creat(?:ed|es|ing)|host(?:ed|s|ing)|co-host(?:ed|s|ing)|"
    r"conduct(?:ed|s|ing)|translat(?:ed|es|ing)|deliver(?:ed|s|ing)|design(?:ed|s|ing)|prepar(?:ed|es|ing)|"
    r"initiat(?:ed|es|ing)|set up|carri(?:ed|es) out|undert(?:ook|akes|aking)|secur(?:ed|es|ing)|"
    r"work(?:s|ed|ing)?\s+on|(?:took|take|taking) action to|"
    r"(?P<towards>(?:(?:work(?:s|ed|ing)?|cooperat(?:e|es|ed|ing)|collaborat(?:e|es|ed|ing))\s+)?to\s+"
    r"(?=develop|produce|prepare|design|launch|establish|create|organi[sz]e|implement|publish)))\b\s*", re.I)
PURPOSE = re.compile(r"\s*,?\s*\b(?:in order\s+)?to\s+(?P<verb>support|ensure|address|develop|produce|strengthen|promote|"
                     r"prevent|combat|counter|improve|assist|provide|enhance|build|identify|raise|map|protect|foster|"
                     r"facilitate|advance|increase|reduce|end|eliminate|eradicate|tackle|respond|establish|create|"
                     r"design|implement|harmoni[sz]e|share|exchange|train|mobilize|mobilise|collect|analyse|analyze|"
                     r"review|revise|update|draft|adopt|examine|explore|integrate|mainstream|coordinate|align|expand|"
                     r"empower|monitor|disrupt|dismantle|detect|investigate|prosecute|mitigate|reach)\b")
AUXILIARY_BEFORE = re.compile(r"\s+(?:is|are|was|were|has\s+been|have\s+been|had\s+been|being)(?:\s+\w+ly)?\s*$")
GENERIC_WORK = re.compile(r"(?i:(?:the\s+)?(?:\w+\s+)?(?:efforts?|work|activities|initiatives))")
GERUND = re.compile(r"\s*(?:,\s*)?on\s+(?P<verb>[a-z]+ing)\b")
# participles after which the thing done is named before them: "projects ..., carried out in collaboration with"
DONE = re.compile(r"\b(?:carried out|implemented|organi[sz]ed|co-organi[sz]ed|developed|conducted|undertaken|prepared|"
                  r"launched|held|convened|produced|published)\b(?P<by>\s+(?:jointly\s+)?by\s+(?:the\s+)?)?")
PARTICIPIAL = re.compile(r"\s*(?:and\s+)?(?:(?:jointly|co[-‑‐]?)\s*)?"
                         r"(?:[a-z]+ed|held|run|led|from|on|in|at|during|between|with|\d)\b")
FINITE_BEFORE = re.compile(r"\b(?:is|are|was|were|has|have|had|been|being)\s+(?:(?:\w+ly|also|being|been|currently|now|"
                           r"jointly)\s+)*$")
JOINT_VERB = re.compile(r"\s*(?:\([^)]*\)\s*)?(?:,[^,]{0,120},\s*)?(?:(?:have|has|had|are|were|is|was)\s+)?(?:also\s+|"
                        r"currently\s+|jointly\s+|further\s+|been\s+)*(?:launched|signed|organi[sz]ed|co-organi[sz]ed|"
                        r"convened|developed|published|produced|implemented|established|created|hosted|co-hosted|held|"
                        r"conducted|agreed|cooperat\w+|collaborat\w+|work\w*|partner\w*|initiated|started|set up|"
                        r"carried out|undertook|prepared|designed|delivered|translated|supported)\b")
OPENING_ADVERBIAL = re.compile(r"\s*(?:(?:In|On|By|During|Since|As a result|Subsequently|In addition|Additionally|Also|"
                               r"Furthermore|Moreover|Together)\b[^,.;]{0,40},\s*)?(?:the\s+)?")
LEADING_ADVERBIAL = re.compile(r"(?:To that end|To this end|In addition|Additionally|As a result|In this regard|"
                               r"Subsequently),\s*")

# --- partner lists --------------------------------------------------------------------------------------------------
ANAPHOR_AGENTS = re.compile(r"\s*(?:The|Both|These)\s+(?:(?P<n>two|three|four|five)\s+)?(?:entities|organizations|"
                            r"agencies|offices|partners|institutions|bodies)\b")
NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5}
# between partners: "A, B and the C", "A (ACR) or C", "..., and partners including D"
GLUE = re.compile(r"\s*\)?\s*,?\s*(?:\(\s*)?(?:(?:and|or|as well as|including|such as|namely|notably|in particular|"
                  r"particularly)\s+(?:with\s+)?)?(?:(?:and|or)\s+(?:other\s+)?(?:[a-z][\w-]*\s+){0,3}?"
                  r"(?:including|such as)\s+)?(?:the\s+)?(?:other\s+|relevant\s+)?")
# before the first partner: "with the", "with authorities in", "with the relevant regional mechanisms ..., including"
FIRST_GAP = re.compile(r"\s*(?:the\s+)?(?:other\s+|relevant\s+)?"
                       r"|\s*(?:the\s+)?(?:national\s+|relevant\s+|competent\s+|local\s+)?authorities\s+(?:in|of)\s+"
                       r"(?:the\s+)?"
                       r"|[^.;:]{0,180}?,?\s+(?:including|such as|namely|notably|in particular|particularly)\s+"
                       r"(?:with\s+)?(?:the\s+)?")
# a name the gazetteer missed, then its acronym: "the United Nations Children's Fund (UNICEF)"
NAME_THEN_ACRONYM = re.compile(r"\s*(?:,\s*|,?\s*and\s+)?(?:the\s+)?"
                               r"(?:[A-Z][\w’'-]*\s+(?:(?:of|for|and|the|on)\s+)*)*"
                               r"[A-Z][\w’'-]*\s*\(\s*|\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*\s*\(\s*")
LONGER_NAME = re.compile(r"\s+(?!(?:and|or|as|in|on|to|for|with|from|at|by|of)\b)[A-Z][a-z][\w’'-]*\s+(?:[A-Z]|of\b)")
HEADER_OF_LIST = re.compile(r"\s*,?\s*(?:including|such as|namely|notably|in particular)\b")
TARGET_GLUE = re.compile(r"\s*(?:\([^)]*\)\s*)?,?\s*(?:and\s+|or\s+|as well as\s+|including\s+)?(?:the\s+)?")
SUBJECT_JOIN = re.compile(r"\s*\)?\s*(?:,\s*|,?\s*and\s+)(?:the\s+|several\s+|other\s+|some\s+|various\s+)?")
# after the agents by whom a thing was done: "led by the Military Justice Directorate with the support of UNMISS"
SUPPORTED_BY = re.compile(rf"\s*,?\s*(?:and\s+)?{SUPPORT}\s+")


@dataclass
class Reading:
    """One partnership read from a sentence."""

    sentence: Sentence
    rule: str
    partners: list[Entity]
    initiative: Named | None
    strength: int  # how concretely the sentence names the work: 3 a name, 2 a thing done, 1 a purpose, 0 nothing
    cue_at: int  # where the sentence says they work together


@dataclass
class _Actor:
    """Who a sentence is about, and whether the sentence names it (else it is the section's or document's actor)."""

    entities: list[Entity]
    explicit: bool
    end: int | None = None  # where the named subject ends


def factual(ctx: ParagraphContext) -> bool:
    """Whether a paragraph states facts: every paragraph of a report; in a resolution, only what it welcomes or
    notes (not what it recognizes in general, asks, decides or recalls)."""
    if ctx.paragraph.kind == "footnote":
        return not CITATION.search(ctx.text)
    if not in_resolution(ctx):
        return not _planned_by_chapeau(ctx)
    lex = lexicon()
    head = ctx.text[:80]
    m = lex.participle.match(head) or lex.third_person.match(head) or lex.past.match(head)
    verb = lex.verb(m["verb"]) if m else None
    return bool(verb and verb.stance == "acknowledge" and verb.base not in ("recognize", "acknowledge"))


def _planned_by_chapeau(ctx: ParagraphContext) -> bool:
    """A sub-item whose chapeau plans or asks ("The Office will have the following core functions:") states no fact:
    "(a) Cooperating with ECCAS, the Central African Economic and Monetary Community (CAEMC), ..." is a function."""
    if ctx.paragraph.kind != "subitem" or not ctx.paragraph.parent:
        return False
    parent = next((p for p in ctx.document.paragraphs if p.key == ctx.paragraph.parent), None)
    if parent is None:
        return False
    chapeau = re.split(r"(?<=[.;])\s+(?=[A-Z])", parent.text.rstrip())[-1]
    return bool(NOT_FACT.search(chapeau))


def in_resolution(ctx: ParagraphContext) -> bool:
    return ctx.paragraph.kind in ("preambular", "operative") or ctx.document.metadata.kind in RESOLUTION_KINDS


def partnerships_in(ctx: ParagraphContext) -> list[Reading]:
    """Every partnership of the paragraph, read once and shared by the rules below (and by the implementation
    rules, which name the work of a sentence after the partnership read from it)."""
    cached = ctx.__dict__.get("_partnerships")
    if cached is None:
        cached = ctx.__dict__["_partnerships"] = _read(ctx)
    return cached


def _read(ctx: ParagraphContext) -> list[Reading]:
    partners = [m for m in ctx.mentions if _partner(m)]
    named = any(m.entity.kind in SPECIFIC_KINDS for m in partners) or any(m.entity.kind == "state" for m in ctx.mentions)
    if not named or not factual(ctx):  # a partnership has a named organization, government or State
        return []
    text = ctx.text
    readings: list[Reading] = []
    for sentence in ctx.sentences:
        s_text = text[sentence.start:sentence.end]
        if CHAIR.search(s_text):
            continue
        found = None
        if "with" in s_text or "alongside" in s_text:
            found = _with_partners(ctx, sentence)
        many = sum(1 for m in partners if sentence.start <= m.start < sentence.end) >= 2 \
            or bool(BY_AGENTS.search(text, sentence.start, sentence.end))  # agents the gazetteer may not hold
        if found is None and " and " in s_text:
            found = _joint_subject(ctx, sentence)
        if found is None and many:
            found = _by_agents(ctx, sentence)
        if found is None and "jointly" in s_text:
            found = _jointly_done(ctx, sentence, readings)
        if found is None and ", through " in s_text:
            found = _through_partner(ctx, sentence)
        if found is None and re.search(r"member|partner|role in|participat|part of", s_text):
            found = _alliance_member(ctx, sentence)
        if found is None or _not_fact(text, sentence.start, found.cue_at):
            continue
        found = _on_operation(ctx, found)
        if found.initiative is not None:
            remember(ctx, found.initiative)
        readings.append(found)
    for sentence in ctx.sentences:  # a body and the members it is formed of, said of it even in a recommendation
        found = _composition(ctx, sentence)
        if found is not None and not any(r.initiative and r.initiative.entity == found.initiative.entity
                                         for r in readings):
            readings.append(found)
    for op in operations_in(ctx):  # "a joint operation involving X and Y, with support from Z"
        if len(op.agents) >= 2 and not any(set(op.agents) <= set(r.partners) and r.initiative is not None
                                           and r.initiative.entity.label == op.name for r in readings):
            found = _reading(op.sentence, "partnerships.operation", op.agents, _operation_named(ctx, op), 3, op.start)
            if found is not None:
                readings.append(found)
    return _keep_most_concrete(readings)


def _composition(ctx: ParagraphContext, sentence: Sentence) -> Reading | None:
    """"the Haiti Anti-Corruption Task Force, formed of the Anti-Corruption Unit, the Financial and Economic Affairs
    Bureau (...) and ...": the members are partners in the body."""
    text = ctx.text
    for m in re.finditer(r"\b(?:formed|composed|made\s+up|comprised|consisting)\s+of\b|\bcomprising\b", text[
            sentence.start:sentence.end]):
        cue_start = sentence.start + m.start()
        body = institution_ending(ctx, sentence.start, cue_start) \
            or institution_ending(ctx, sentence.start, text.rfind(",", sentence.start, cue_start)) \
            if "," in text[sentence.start:cue_start] else institution_ending(ctx, sentence.start, cue_start)
        cue = COMPOSED_OF.match(text, body.end) if body else None
        if body is None or cue is None or not body.entity.label[:1].isupper():
            continue
        members, _ = partner_list(ctx, cue.end(), sentence.end)
        label = re.sub(r"^[Tt]he\s+", "", body.entity.label)
        named = Named(initiative_entity(label, class_of(label)), body.start, body.end, "name")
        found = _reading(sentence, "partnerships.composition", members, named, 3, cue_start)
        if found is not None:
            return found
    return None


def _operation_named(ctx: ParagraphContext, op: Operation) -> Named:
    return Named(operation_entity(ctx, op), op.start, op.end, "operation")


def _on_operation(ctx: ParagraphContext, found: Reading) -> Reading:
    """"The operation, led by X and Y, uncovered ...": the partners worked on the operation named before."""
    what = found.initiative
    if what is not None and what.how != "phrase":
        return found
    for op in operations_in(ctx):
        refers = what is None or OPERATION_ANAPHOR.fullmatch(ctx.text, what.start, what.end) \
            or op.start <= what.start < op.end
        if op.sentence.start <= found.sentence.start < op.scope_end and refers:
            return replace(found, initiative=_operation_named(ctx, op), strength=3)
    return found


def _not_fact(text: str, start: int, end: int) -> bool:
    """A request, wish or plan before the cue, outside a relative clause ("resolution 2388, in which it called
    upon")."""
    for m in NOT_FACT.finditer(text, start, end):
        clause = text[max(text.rfind(",", start, m.start()), start):m.start()]
        if not RELATIVE.search(clause):
            return True
    return False


def _keep_most_concrete(readings: list[Reading]) -> list[Reading]:
    """A purpose names a partnership only when the paragraph says nothing more concrete about what the same partners
    did together ("have been cooperating to produce material ... a set of guidelines ... were jointly developed")."""
    out = []
    for r in readings:
        keys = {(e.kind, e.key) for e in r.partners}
        if r.strength <= 1 and any(o is not r and o.strength >= 2 and keys <= {(e.kind, e.key) for e in o.partners}
                                   for o in readings):
            continue
        out.append(r)
    return out


# --- the partners -----------------------------------------------------------------------------------------------

def _partner(m: Mention) -> bool:
    e = m.entity
    if e.kind not in PARTNER_KINDS or e.kind == "organization" and e.key == "UN":
        return False
    return not set(e.classes) & NOT_PARTNERS


def _institution_at(ctx: ParagraphContext, start: int, end: int, acronym: bool = False) -> tuple[Entity, int, int] | None:
    """An institution the gazetteers do not hold, written with a capitalised head ("the Supreme Court of Thailand",
    "the Specialized Prosecutor’s Office Against Illicit Arms Trafficking"); read here only in partner lists. With
    `acronym` (an item after another), also a bare acronym the gazetteers do not hold ("..., SPLM/A-IO and ...")."""
    found = institution_at(ctx, start, end) or acronymed_name_at(ctx, start, end) \
        or (_bare_acronym(ctx, start, end) if acronym else None)
    if found is None or not found.entity.label[:1].isupper() or found.entity.kind != "organization":
        return None
    n_start, n_end = found.start, found.start + len(ctx.text[found.start:found.end].split(" (")[0].rstrip())
    if any(n_start <= k.start < n_end and k.entity.kind in PARTNER_KINDS for k in ctx.mentions):
        return None
    return found.entity, n_start, found.end  # past its bracket: "the ... Bureau (Bureau des ... – BAFE)"


def _bare_acronym(ctx: ParagraphContext, start: int, end: int) -> Institution | None:
    """An unknown acronym standing as an item of a list ("composed of the South Sudan People’s Defence Forces,
    SPLM/A-IO and the South Sudan Opposition Alliance"): an organization named by it."""
    m = BARE_ACRONYM.match(ctx.text, start, end)
    if m is None or m["acr"] in ROMAN:
        return None
    return Institution(Entity("organization", slug(m["acr"]), m["acr"], ("Organization",), acronym=m["acr"]),
                       m.start("acr"), m.end("acr"))


def _as_written(m: Mention) -> Entity:
    """A stakeholder group in a partner list as the sentence writes it ("national Governments", "leading academic
    institutions"): those partners, not the whole group the gazetteer names (kept in the entity's details)."""
    e = m.entity
    written = re.sub(r"^(?:the|other|all)\s+", "", m.surface.strip(), flags=re.I)
    if e.kind != "group" or written.lower() == e.label.lower():
        return e
    return Entity("group", slug(written), written, e.classes, details=(("group", e.key),))


def partner_list(ctx: ParagraphContext, start: int, end: int) -> tuple[list[Entity], int]:
    """The partners listed from `start` ("with the European Union, UNODC and UNICEF (...)") and where the list ends.
    A generic phrase heading an enumeration ("other United Nations agencies, including") is not itself a partner;
    "authorities in Jordan and Lebanon" and "the Governments of Ethiopia and Italy" are those States' Governments."""
    text = ctx.text
    governments = [m for m in ctx.mentions if m.entity.kind == "government"]
    candidates = [m for m in ctx.mentions if start <= m.start and m.end <= end
                  and not (m.entity.kind == "group" and any(g.start <= m.start < g.end for g in governments))]
    items: list[tuple[Entity, int, int]] = []
    pos, i = start, 0
    of_states = False  # after "authorities in", "Governments of": the States listed stand for their Governments
    while True:
        gap_re = GLUE if items else FIRST_GAP
        nxt = candidates[i] if i < len(candidates) else None
        lead = gap_re.match(text, pos, end) if pos < end else None
        joined = lead is not None and (not items or not re.fullmatch(r"\s*", lead.group(0)))
        institution = _institution_at(ctx, lead.end(), end, acronym=bool(items)) if joined else None
        if institution and (nxt is None or institution[1] <= nxt.start):
            items.append(institution)
            pos = institution[2]
            candidates, i = [m for m in candidates if m.start >= pos], 0
            continue
        if nxt is None:
            break
        gap = text[pos:nxt.start]
        if items and nxt.entity == items[-1][0] and re.fullmatch(r"\s*\(\s*", gap):  # "the ... Organization (IOM)"
            items[-1] = (items[-1][0], items[-1][1], nxt.end)
            pos, i = nxt.end, i + 1
            continue
        if items and re.fullmatch(r"\s+", gap) or LONGER_NAME.match(text, nxt.end):
            break  # "the African Union Department of ...", "the European Union Training Mission in the CAR": a name
            # inside another, not a partner of its own
        if not (gap_re.fullmatch(gap) or not items and nxt.start == pos
                or items and nxt.rule == "gazetteer:acronym" and NAME_THEN_ACRONYM.fullmatch(gap)):
            break
        of_states = of_states or bool(re.search(r"\bauthorities\s+(?:in|of)\s+(?:the\s+)?$", gap)) \
            or nxt.entity.kind == "government" and nxt.surface.startswith("Governments")
        if nxt.entity.kind == "state" and of_states:
            items.append((_government(nxt.entity), nxt.start, nxt.end))
        elif nxt.entity.kind == "government":
            items.append((nxt.entity, nxt.start, nxt.end))
        elif _partner(nxt):
            items.append((_as_written(nxt), nxt.start, nxt.end))
        elif not (nxt.entity.kind == "organization" and nxt.entity.key == "UN") and (nxt.entity.kind != "state"
                                                                                    or not items):
            break
        pos, i = nxt.end, i + 1
    out: list[Entity] = []
    for e, _, e_end in items:
        if e.kind == "group" and HEADER_OF_LIST.match(text, e_end):
            continue
        if e not in out:
            out.append(e)
    list_end = items[-1][2] if items else start
    close = re.match(r"\s*\)", text[list_end:end])
    return out, list_end + (close.end() if close else 0)


def _government(state: Entity) -> Entity:
    return Entity("government", state.key, f"Government of {state.label}", ("Government",))


def named_subject(ctx: ParagraphContext, sentence: Sentence) -> Mention | None:
    """ctx.subject, reading an acronym in brackets after a name ("the ... Fund (UNICEF)") as part of that name,
    so that it is not taken for the subject of what follows. (A fix that belongs in ParagraphContext.subject.)"""
    plain = ctx.__dict__.get("_without_bracketed")
    if plain is None:
        kept = [m for m in ctx.mentions if not re.search(r"\(\s*$", ctx.text[max(0, m.start - 3):m.start])]
        plain = ctx.__dict__["_without_bracketed"] = replace(ctx, mentions=kept, _sentences=ctx.sentences)
    return plain.subject(sentence)


def _subject(ctx: ParagraphContext, sentence: Sentence) -> Mention | None:
    m = named_subject(ctx, sentence)
    return m if m is not None and _partner(m) else None


def _actor(ctx: ParagraphContext, sentence: Sentence) -> _Actor:
    """Who the sentence is about: its subject with the agents joined to it by "and", the agents an anaphor ("The
    two entities") refers back to, else the actor of the section or of the document (not in resolutions)."""
    anaphor = ANAPHOR_AGENTS.match(ctx.text, sentence.start, sentence.end)
    if anaphor:
        n = NUMBERS.get(anaphor["n"] or "", 0)
        distinct: list[Entity] = []
        for m in reversed(ctx.mentions):
            if m.end <= sentence.start and _partner(m) and not set(m.entity.classes) & MECHANISMS \
                    and m.entity not in distinct:
                distinct.append(m.entity)
        if n and len(distinct) >= n:
            return _Actor(list(reversed(distinct[:n])), True, anaphor.end())
    subject = _subject(ctx, sentence)
    if subject is not None:
        joined, end = _joined(ctx, subject, sentence)
        return _Actor(joined, True, end)
    institution = _institution_subject(ctx, sentence)
    if institution is not None:
        return institution
    if in_resolution(ctx):
        return _Actor([], False)
    fallback = ctx.actor or ctx.document_actor
    if fallback is not None and fallback.kind in SPECIFIC_KINDS and not set(fallback.classes) & NOT_PARTNERS:
        return _Actor([fallback], False)
    return _Actor([], False)


INSTITUTION_THEN_VERB = re.compile(r"\s*(?:,|(?:also\s+|has\s+|have\s+)?[a-z]+(?:s|ed)\b)")


def _institution_subject(ctx: ParagraphContext, sentence: Sentence) -> _Actor | None:
    """A subject the gazetteer does not hold, named by its head noun: "The Legal Department of the General
    Directorate of Migration, working with the Public Prosecutor’s Office, secured ..."."""
    lead = OPENING_ADVERBIAL.match(ctx.text, sentence.start, sentence.end)
    found = institution_at(ctx, lead.end() if lead else sentence.start, sentence.end)
    if found is None or found.entity.kind != "organization" or not found.entity.label[:1].isupper() \
            or not INSTITUTION_THEN_VERB.match(ctx.text, found.end, sentence.end):
        return None
    return _Actor([found.entity], True, found.end)


def _joined(ctx: ParagraphContext, subject: Mention, sentence: Sentence) -> tuple[list[Entity], int]:
    """"UNODC and OSCE", "the Government of Mexico and UNODC": the subject and the agents joined to it by "and"."""
    out, pos = [subject.entity], subject.end
    for m in ctx.mentions:
        if m.start < pos or m.end > sentence.end:
            continue
        gap = ctx.text[pos:m.start]
        if m.entity == out[-1] and re.fullmatch(r"\s*\(\s*", gap):
            pos = m.end
            continue
        if not SUBJECT_JOIN.fullmatch(gap) or not _partner(m):
            break
        if m.entity not in out:
            out.append(m.entity)
        pos = m.end
        if not re.match(r"\s*\)?\s*(?:,|and)\s", ctx.text[pos:]):
            break
    if len(out) > 1 and not re.search(r"\band\b", ctx.text[subject.end:pos]):
        return out[:1], subject.end  # "UNODC, OSCE": an apposition, not two subjects
    return out, pos


def _enough(partners: list[Entity]) -> bool:
    return len(partners) >= 2 and any(e.kind in SPECIFIC_KINDS for e in partners)


def _reading(sentence: Sentence, rule_id: str, partners: list[Entity], initiative: Named | None, strength: int,
             cue_at: int) -> Reading | None:
    partners = [e for i, e in enumerate(partners) if e not in partners[:i]]
    return Reading(sentence, rule_id, partners, initiative, strength, cue_at) if _enough(partners) else None


# --- what they work on ------------------------------------------------------------------------------------------

def _initiative(ctx: ParagraphContext, sentence: Sentence, after: int, skip: tuple[int, int] | None = None,
                subject_end: int | None = None) -> tuple[Named | None, int]:
    """What the partners of a sentence work on, and how concretely the sentence names it (Reading.strength)."""
    text = ctx.text
    anaphor = anaphor_at(ctx, sentence.start, min(after, sentence.end))
    if anaphor is not None:  # "This initiative is being implemented in partnership with ..."
        return anaphor, 3
    found = _object(ctx, sentence, skip, subject_end)
    if found is not None:
        return found
    # the mechanism they are part of: "is part of the working group of ... together with UNODC"
    for m in ctx.mentions:
        if sentence.start <= m.start < sentence.end and set(m.entity.classes) & MECHANISMS \
                and PART_OF.search(text[max(sentence.start, m.start - 20):m.start]):
            return Named(m.entity, m.start, m.end, "mechanism"), 3
    # an initiative named in the sentence: "in the framework of Alliance 8.7", "as part of the Spotlight Initiative"
    for n in named_initiatives(ctx):
        if sentence.start <= n.start < sentence.end and not (skip and skip[0] <= n.start < skip[1]):
            return n, 3
    # what their work is part of: "..., as part of efforts to strengthen judicial responses to corruption ..."
    part = AS_PART_OF.search(text, after, sentence.end)
    if part is not None:
        whole = phrase_at(ctx, part.end(), sentence.end)
        if whole is not None and len(whole.entity.label.split()) >= 3 and not _is_partner_text(ctx, whole):
            return whole, 2
    # what for: "on finding synergies to better address ...", "to support the development of best practices ..."
    gerund = GERUND.match(text, after)
    purpose = PURPOSE.search(text, after, sentence.end)
    for at in (gerund.start("verb") if gerund else None, purpose.start("verb") if purpose else None):
        if at is not None:
            found_purpose = phrase_at(ctx, at, sentence.end, "purpose")
            if found_purpose is not None:
                return found_purpose, 1
    # what the subject does: "The Department ..., in line with ..., supports peacekeeping missions in addressing ..."
    if subject_end is not None and skip:
        predicate = _predicate(ctx, subject_end, skip[0])
        if predicate is not None:
            return predicate, 1
    return None, 0


def _object(ctx: ParagraphContext, sentence: Sentence, skip: tuple[int, int] | None,
            subject_end: int | None) -> tuple[Named, int] | None:
    """The object of what the partners did: "launched the new four-year Global Action ...", "works on the "Safe and
    Fair" programme", "signed a joint plan of action ...", "took action to map ..."; what they work towards
    ("cooperating to produce material ...") counts as a purpose."""
    text = ctx.text
    clause_end = _main_clause_end(text, sentence, skip[1] if skip else sentence.start)
    action = ACTION.search(text, subject_end if subject_end is not None else sentence.start, clause_end)
    while action and skip and skip[0] <= action.start() < skip[1]:
        action = ACTION.search(text, skip[1], clause_end)
    if not action:
        return None
    towards = bool(action["towards"]) or action["verb"].lower().startswith(("cooperat", "collaborat")) \
        or action["verb"].lower().startswith("work") and "on" not in action["verb"]
    start = action.end()
    if towards:
        inner = ACTION.match(text, action.end())
        start = inner.end() if inner else start
    obj = phrase_at(ctx, start, sentence.end)
    if obj is None or WITH.match(text, obj.start) or text.startswith("by ", obj.start) or _is_partner_text(ctx, obj):
        return None
    if towards:
        return (obj, 3) if obj.how != "phrase" else (obj, 1)
    return obj, 3 if obj.how != "phrase" else 2


def _main_clause_end(text: str, sentence: Sentence, after: int) -> int:
    """Where the clause that says what partners did ends: before a colon or semicolon that lists other things."""
    m = re.compile(r"[:;]").search(text, after, sentence.end)
    return m.start() if m else sentence.end


def _predicate(ctx: ParagraphContext, subject_end: int, cue_start: int) -> Named | None:
    stretch = re.sub(r"^\s*,[^,]*,", "", ctx.text[subject_end:cue_start])  # past a parenthetical after the subject
    m = re.match(r"\s*(?:also\s+|further\s+|currently\s+)*(?P<verb>[a-z]+s)\s+(?P<rest>\S.*)$", stretch, re.S)
    if not m or m["verb"] in ("is", "has", "was", "does", "continues") or len(m["rest"].split()) < 2:
        return None
    return phrase_at(ctx, ctx.text.find(m["verb"], subject_end, cue_start), cue_start, "purpose")


def _is_partner_text(ctx: ParagraphContext, named: Named) -> bool:
    """A phrase that is only the name of an agent is a partner, not an initiative."""
    inside = [m for m in ctx.mentions
              if named.start <= m.start and m.end <= named.end + 1 and m.entity.kind in PARTNER_KINDS]
    return bool(inside) and named.end - named.start <= max(len(m.surface) for m in inside) + 6


def _thing_before(ctx: ParagraphContext, sentence: Sentence, at: int) -> Named | None:
    """The noun phrase a participle is said of: the stretch before it back to a comma, passing over other
    participial stretches ("the Summit, convened by ... from 27 to 29 July, and co-hosted by") and quoted titles."""
    text = ctx.text
    end = start = at
    for _ in range(4):
        comma = max(text.rfind(",", sentence.start, start), text.rfind(";", sentence.start, start))
        seg_start = comma + 1 if comma >= sentence.start else sentence.start
        segment = text[seg_start:end]
        if segment.count("”") > segment.count("“") and "“" in text[sentence.start:seg_start]:
            start = text.rfind("“", sentence.start, seg_start)
            continue
        if (not segment.strip(" ,") or PARTICIPIAL.match(segment)) and comma >= sentence.start:
            end = start = comma
            continue
        quoted = re.search(r"(?:entitled|called|titled|named)\s*[“\"](?P<name>[^”\"]{3,160})[”\"]\s*,?\s*$",
                           text[seg_start:at])
        if quoted:
            label = quoted["name"].strip()
            return Named(initiative_entity(label), seg_start + quoted.start("name"), seg_start + quoted.end("name"),
                         "quoted")
        what = phrase_at(ctx, seg_start, end)
        return None if what is None or _is_partner_text(ctx, what) else what
    return None


def _done_before(ctx: ParagraphContext, sentence: Sentence,
                 cue_start: int) -> tuple[Named | None, Entity | None] | None:
    """A participle before a cooperation cue ("projects ..., carried out in collaboration with", "events organized by
    the Office ... in close partnership with"): the thing done and its agent."""
    text = ctx.text
    hits = list(DONE.finditer(text, sentence.start, cue_start))
    if not hits or FINITE_BEFORE.search(text, sentence.start, hits[-1].start()) \
            or anaphor_at(ctx, sentence.start, cue_start):
        return None  # "UNODC has organized ... with", "This initiative is being implemented ...": read otherwise
    hit = hits[-1]
    agent = next((m.entity for m in ctx.mentions if m.start == hit.end() and _partner(m)), None) if hit["by"] else None
    return _thing_before(ctx, sentence, hit.start()), agent


# --- the readings -----------------------------------------------------------------------------------------------

def _with_partners(ctx: ParagraphContext, sentence: Sentence) -> Reading | None:
    cue = WITH.search(ctx.text, sentence.start, sentence.end)
    if not cue:
        return _nominal(ctx, sentence)
    listed, list_end = partner_list(ctx, cue.end(), sentence.end)
    if not listed:
        return None
    actor = _actor(ctx, sentence)
    if not actor.explicit:
        actor = _worker_before(ctx, sentence, cue) or actor
    if cue["support"] and not actor.explicit:
        return None  # "Progress was made, with the support of UNMISS": support to whom the sentence does not say
    done = _done_before(ctx, sentence, cue.start())
    if done is not None and (not actor.explicit or in_resolution(ctx)):
        what, agent = done
        if agent is not None:
            actor = _Actor([agent], True)
        if what is not None:
            return _reading(sentence, "partnerships.with", [e for e in actor.entities if e not in listed] + listed,
                            what, 2 if what.how == "phrase" else 3, cue.start())
    initiative, strength = None, 0
    if cue["action"]:  # "jointly hosting with IOM a formal round table ..."
        initiative = phrase_at(ctx, list_end, sentence.end)
        strength = 3 if initiative and initiative.how != "phrase" else 2
    if initiative is None:
        initiative, strength = _initiative(ctx, sentence, list_end, (cue.start(), list_end), actor.end)
    work_on = WORK_ON.search(cue.group(0))
    if initiative is None and work_on:  # "working on capacity-building with ...": the work is what they work on
        initiative = phrase_at(ctx, cue.start() + work_on.start("what"), cue.start() + work_on.end("what"))
        strength = 2 if initiative else 0
    if initiative is not None and cue["support"] and cue.start() <= initiative.start < list_end:
        initiative, strength = None, 0  # the words of the cue and the partners are not what they work on
    if not any(e.kind in SPECIFIC_KINDS for e in listed):
        # groups alone beside the actor: a named actor, a partnership word, and a concrete piece of work
        worded = cue["explicit"] or cue.group(0).lower().startswith("in ")
        if not actor.explicit or not worded or strength < 2:
            return None
    return _reading(sentence, "partnerships.with", [e for e in actor.entities if e not in listed] + listed,
                    initiative, strength, cue.start())


def _nominal(ctx: ParagraphContext, sentence: Sentence) -> Reading | None:
    """"This analysis is informed by ongoing UNODC engagement with justice actors ..., as part of efforts to
    strengthen ...": the agent the noun of working together is said of, and those it works with; "UN-Habitat continued
    its collaboration with OHCHR": the subject, when the noun is its own."""
    text = ctx.text
    agents = [(m.entity, m.start, cue) for m in ctx.mentions if sentence.start <= m.start < sentence.end and _partner(m)
              for cue in [NOMINAL_WITH.match(text, m.end, sentence.end)] if cue]
    own = OWN_WORK_WITH.search(text, sentence.start, sentence.end)
    if own is not None:
        actor = _actor(ctx, sentence)
        if actor.explicit and len(actor.entities) == 1 and (actor.end or 0) <= own.start():
            agents.append((actor.entities[0], own.start(), own))
    for agent, at, cue in sorted(agents, key=lambda a: a[1]):
        listed, list_end = partner_list(ctx, cue.end(), sentence.end)
        listed = [e for e in listed if e != agent]
        if not listed:
            continue
        # what they work on is said in the same clause, not after "..., and urges CTED to continue to ensure ..."
        other = NEXT_CLAUSE.search(text, list_end, sentence.end)
        clause = replace(sentence, end=other.start()) if other else sentence
        # what they did is said after the noun ("its cooperation with ECE in implementing ..."), not before it ("had
        # started work on sustainable urbanization ... and had initiated its collaboration with UN-Habitat")
        initiative, strength = _initiative(ctx, clause, list_end, (at, list_end), list_end)
        if not any(e.kind in SPECIFIC_KINDS for e in listed) and strength < 2:
            continue  # groups alone beside the agent: only on a concrete piece of work
        return _reading(sentence, "partnerships.with", [agent, *listed], initiative, strength, at)
    return None


def _worker_before(ctx: ParagraphContext, sentence: Sentence, cue: re.Match) -> _Actor | None:
    """"gathered by UNODC staff on the ground working on ... with": the organization whose people do the work named
    by a participle ("working", "cooperating") is the actor, wherever it stands in the sentence."""
    if not re.match(r"(?:work|cooperat|co-operat|collaborat|partner)ing\b", cue.group(0), re.I):
        return None
    before = [m for m in ctx.mentions if sentence.start <= m.start and m.end <= cue.start() and _partner(m)]
    if before and WORKERS.fullmatch(ctx.text, before[-1].end, cue.start()):
        return _Actor([before[-1].entity], True, before[-1].end)
    return None


def _joint_subject(ctx: ParagraphContext, sentence: Sentence) -> Reading | None:
    actor = _actor(ctx, sentence) if _partner_mentions(ctx, sentence) >= 2 else _Actor([], False)
    if not actor.explicit or len(actor.entities) < 2:
        actor = _states_as_subject(ctx, sentence)
    if not actor.explicit or len(actor.entities) < 2 or not JOINT_VERB.match(ctx.text, actor.end, sentence.end):
        return None
    initiative, strength = _initiative(ctx, sentence, actor.end, None, actor.end)
    return _reading(sentence, "partnerships.joint-subject", actor.entities, initiative, strength, actor.end)


def _partner_mentions(ctx: ParagraphContext, sentence: Sentence) -> int:
    return sum(1 for m in ctx.mentions if sentence.start <= m.start < sentence.end and _partner(m))


def _states_as_subject(ctx: ParagraphContext, sentence: Sentence) -> _Actor:
    """"As a result, Ecuador and Peru signed an inter-institutional cooperation framework agreement": States that act
    together are partners too."""
    states = [m for m in ctx.mentions if sentence.start <= m.start < sentence.end and m.entity.kind == "state"]
    if len(states) < 2 or not OPENING_ADVERBIAL.fullmatch(ctx.text, sentence.start, states[0].start):
        return _Actor([], False)
    out, pos = [states[0].entity], states[0].end
    for m in states[1:]:
        if not SUBJECT_JOIN.fullmatch(ctx.text, pos, m.start):
            break
        out.append(m.entity)
        pos = m.end
    if len(out) < 2 or not re.search(r"\band\b", ctx.text[states[0].end:pos]):
        return _Actor([], False)
    return _Actor(out, True, pos)


# what is said or proposed: others who support it back a position, they do no work together
SAID = re.compile(r"(?:statements?|proposals?|positions?|views?|remarks|requests?|amendments?|draft|suggestions?)\b", re.I)
# the clause a sentence opens with before the work it speaks of: a body "was informed about", "took note of",
# "expressed its support for", a resolution's "Notes in particular in this regard", a bare "of"
CLAUSE_LEAD = re.compile(r"(?:(?:[Tt]he\s+)?(?:[A-Z][\w\-]*\s+){0,3}?)?(?:(?:was|were|has\s+been|have\s+been)\s+(?:informed|briefed|"
                         r"apprised)\s+(?:about|of|on)|(?:took|take|takes|taking)\s+note\s+(?:with\s+\w+\s+)?of|"
                         r"(?:expressed|expresses|express|reiterated)\s+(?:its|their|our)\s+(?:\w+\s+){0,2}?(?:for|of|with)|"
                         r"(?:Notes|Welcomes|Recalls|Acknowledges|Recognizes|Commends|Appreciates|noted|welcomed|recalled|"
                         r"acknowledged|commended|appreciated)(?:\s+(?:with\s+\w+|in\s+particular|also|further|in\s+this\s+"
                         r"regard))*)\s*:?\s*(?:the\s+)?(?:results\s+of\s+(?:the\s+)?)?|of\s+(?:the\s+)?")
PARTICIPLE_OPENING = re.compile(r"[a-z]+ing\s+(?:the|its|their)\s+")


def _by_agents(ctx: ParagraphContext, sentence: Sentence) -> Reading | None:
    """"a three-year investigation supported by INTERPOL and UNODC"; "the European Union and the Council of Europe
    programmatic framework called ..."."""
    text = ctx.text
    for cue in BY_AGENTS.finditer(text, sentence.start, sentence.end):
        agents, agents_end = partner_list(ctx, cue.end(), sentence.end)
        support = SUPPORTED_BY.match(text, agents_end, sentence.end) if agents else None
        if support:
            supporters, supporters_end = partner_list(ctx, support.end(), sentence.end)
            if supporters:
                agents, agents_end = agents + [e for e in supporters if e not in agents], supporters_end
        if len(agents) < 2:
            continue
        aux = AUXILIARY_BEFORE.search(text, sentence.start, cue.start())  # "The project is funded jointly by"
        what = _thing_before(ctx, sentence, aux.start() if aux else cue.start())
        if what is not None and what.how == "phrase" and len(what.entity.label.split()) == 1:
            what = anaphor_at(ctx, sentence.start, cue.start())  # "The project is funded by": the one named before
        if what is not None and PARTICIPLE_OPENING.match(what.entity.label):
            what = None  # "recognizing the efforts": the clause's opening verb, not the work's name
        lead = CLAUSE_LEAD.match(text, what.start, what.end) if what is not None and what.how == "phrase" else None
        if lead:
            # "The Committee was informed about ...", "It took note of the statement of Belgium, supported by":
            # the clause that speaks of the work is no part of its name
            what = phrase_at(ctx, lead.end(), what.end) if lead.end() < what.end else None
        if what is not None and SAID.match(what.entity.label):
            continue  # "the statement of Belgium, supported by the Governments of Germany and the Netherlands": a
            # position others back, no work done together
        if what is None or GENERIC_WORK.fullmatch(what.entity.label):
            # "the efforts undertaken by X and Y to strengthen monitoring ...": the work is what they do it for
            purpose = PURPOSE.match(text, agents_end)
            what = phrase_at(ctx, purpose.start("verb"), sentence.end, "purpose") if purpose else None
        if what is None and in_resolution(ctx) and not re.search(r"\bjoint(?:ly)?\b", text[
                max(sentence.start, cue.start() - 60):cue.end()]):
            # "the work undertaken by relevant bodies, including FAO, IFAD, WFP and WHO": each one's own work; not
            # "organized jointly by", "the joint activities carried out by"
            continue
        partners = list(agents)
        if re.search(r"\bparticipated in\b", text[sentence.start:what.start if what else cue.start()]):
            # "UNODC participated in the protection cluster ..., led by IOM and UNHCR"
            subject = _subject(ctx, sentence)
            if subject is not None:
                partners.insert(0, subject.entity)
        found = _reading(sentence, "partnerships.by-agents", partners, what, 2 if what else 0, cue.start())
        if found:
            return found
    for m in ctx.mentions:
        if not (sentence.start <= m.start < sentence.end) or not _partner(m):
            continue
        joined, end = _joined(ctx, m, sentence)
        if len(joined) >= 2 and JOINT_FRAME.match(text, end):
            named = [n for n in named_initiatives(ctx) if end <= n.start < sentence.end]
            what = named[0] if named else phrase_at(ctx, end, sentence.end)
            return _reading(sentence, "partnerships.by-agents", joined, what, 3 if named else 2, end)
    return None


def _jointly_done(ctx: ParagraphContext, sentence: Sentence, earlier: list[Reading]) -> Reading | None:
    """"... guidelines ... were jointly developed": the partners named just before did it together."""
    cue = JOINTLY_DONE.search(ctx.text, sentence.start, sentence.end)
    if not cue or ctx.agents(sentence.start, cue.start()):
        return None
    partners = earlier[-1].partners if earlier else [m.entity for m in ctx.mentions
                                                    if m.end <= sentence.start and _partner(m)][-2:]
    lead = LEADING_ADVERBIAL.match(ctx.text, sentence.start, cue.start())
    what = phrase_at(ctx, lead.end() if lead else sentence.start, cue.start())
    return _reading(sentence, "partnerships.jointly", list(partners), what, 2 if what else 0, cue.start())


def _through_partner(ctx: ParagraphContext, sentence: Sentence) -> Reading | None:
    """"UNODC, through the Charidy fundraising platform, organized ...": an organization of its own, not a unit."""
    subject = _subject(ctx, sentence)
    if subject is None:
        return None
    for m in ctx.mentions:
        if not (subject.end < m.start < sentence.end) or not THROUGH.fullmatch(ctx.text, subject.end, m.start):
            continue
        if m.entity.kind != "organization" or not _partner(m) or _part_of(m.entity, subject.entity):
            return None
        initiative, strength = _initiative(ctx, sentence, m.end, (subject.start, m.end), m.end)
        return _reading(sentence, "partnerships.through", [subject.entity, m.entity], initiative, strength, m.start)
    return None


def _part_of(unit: Entity, whole: Entity) -> bool:
    from tipkg.reference import gazetteer

    g = gazetteer()
    e: Entity | None = unit
    for _ in range(5):
        if e is None:
            return False
        if e == whole:
            return True
        e = g.parent_of(e)
    return False


def _alliance_member(ctx: ParagraphContext, sentence: Sentence) -> Reading | None:
    """"IOM plays a key role in Alliance 8.7, a global partnership": a member of an alliance or partnership is a
    partner in it, with the partners other sentences name. Members of networks, clusters, groups and teams are
    members (read by the coordination rules), not partners."""
    cue = MEMBER_OF.search(ctx.text, sentence.start, sentence.end)
    subject = _subject(ctx, sentence) if cue else None
    if subject is None or subject.start > cue.start():
        return None
    named = [n for n in named_initiatives(ctx) if cue.end() <= n.start < sentence.end]
    mechanisms = [Named(m.entity, m.start, m.end, "mechanism") for m in ctx.mentions
                  if cue.end() <= m.start < sentence.end and set(m.entity.classes) & MECHANISMS
                  and all(n.start != m.start for n in named)]
    pos, listed = cue.end(), []
    for target in sorted(named + mechanisms, key=lambda n: n.start):  # the first thing named after the cue, its list
        gap = ctx.text[pos:target.start]
        first = re.fullmatch(r"\s*(?:the\s+)?", gap) or FIRST_GAP.fullmatch(gap)
        if not (TARGET_GLUE.fullmatch(gap) if listed else first):
            break
        listed.append(target)
        pos = target.end
    for target in listed:
        if ALLIANCE.search(target.entity.label) and not NOT_ALLIANCE.search(target.entity.label):
            return Reading(sentence, "partnerships.alliance-member", [subject.entity], target, 3, cue.start())
    return None


# --- the rules --------------------------------------------------------------------------------------------------

def _emit(ctx: ParagraphContext, rule_id: str):
    for r in partnerships_in(ctx):
        if r.rule == rule_id:
            roles = {"partner": r.partners}
            if r.initiative is not None:
                roles["initiative"] = [r.initiative.entity]
            yield ctx.assertion("partnership", r.sentence, rule_id, roles)


@rule("partnerships.with", "partnership",
      "The actor of a sentence (its subject, else the section's or document's actor) and the agents listed after "
      "'in partnership/collaboration/cooperation with', 'partnered/cooperated/worked with', 'jointly/together with', "
      "'in a coordinated effort with', 'cooperation has been established with', and the agent of a noun of working "
      "together ('UNODC engagement with', 'CTED’s cooperation with', 'continued its collaboration with'): partners, on "
      "what the sentence says they did (its object, the initiative it names, what it is part of, its purpose).")
def with_partners(ctx: ParagraphContext):
    yield from _emit(ctx, "partnerships.with")


@rule("partnerships.joint-subject", "partnership",
      "Two or more agents as the subject of what they did ('UNODC and OSCE signed a joint plan of action ...', "
      "'The two entities ... are working to develop a framework ...'): partners, on its object.")
def joint_subject(ctx: ParagraphContext):
    yield from _emit(ctx, "partnerships.joint-subject")


@rule("partnerships.by-agents", "partnership",
      "Two or more agents by whom something was supported, organized or led ('an investigation supported by INTERPOL "
      "and UNODC'), or whose joint framework it is ('the European Union and the Council of Europe programmatic "
      "framework called ...'): partners on it.")
def by_agents(ctx: ParagraphContext):
    yield from _emit(ctx, "partnerships.by-agents")


@rule("partnerships.jointly", "partnership",
      "Something 'jointly developed' (organized, produced, ...) in a sentence naming no agent: the partners named just "
      "before in the paragraph did it together.")
def jointly(ctx: ParagraphContext):
    yield from _emit(ctx, "partnerships.jointly")


@rule("partnerships.composition", "partnership",
      "The members a body is formed of, composed of or made up of ('the Haiti Anti-Corruption Task Force, formed of "
      "the Anti-Corruption Unit, the Financial and Economic Affairs Bureau (...) and ...'): partners in that body.")
def composition(ctx: ParagraphContext):
    yield from _emit(ctx, "partnerships.composition")


@rule("partnerships.operation", "partnership",
      "The agents of an operation a report describes ('A joint operation involving Dominican and Haitian law "
      "enforcement, with support from INTERPOL', 'The operation, led by X and Y'): partners on it.")
def operation(ctx: ParagraphContext):
    yield from _emit(ctx, "partnerships.operation")


@rule("partnerships.through", "partnership",
      "'A, through B, organized ...' where B is an organization that is not a unit of A: A and B are partners.")
def through(ctx: ParagraphContext):
    yield from _emit(ctx, "partnerships.through")


@rule("partnerships.alliance-member", "partnership",
      "An agent that is a member of, plays a key role in or takes part in an alliance or partnership (named 'Alliance' "
      "or 'Partnership') is a partner in it.")
def alliance_member(ctx: ParagraphContext):
    yield from _emit(ctx, "partnerships.alliance-member")
