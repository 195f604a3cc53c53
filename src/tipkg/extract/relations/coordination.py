"""Chairing and membership of coordination mechanisms (the Inter-Agency Coordination Group against
Trafficking in Persons, its working group, and the like).

How documents say it:
  "the Group was chaired by UNODC in 2016, OHCHR in 2017, UNICEF in 2018 and jointly by OSCE and UN-Women in 2019"
  "In 2019, UN-Women, together with OSCE, is co-chairing the Inter-Agency Coordination Group ..."
  "OSCE became a fully fledged member of the Group and was appointed as its 2019 co-Chair, together with UN-Women"
  "acting as co-chair in 2021 and 2022 (respectively with UNHCR and the International Centre ...)"
  "welcoming the holding of the co-chairmanship of the Group by UNODC and UNHCR in 2021"
  "The 10 entities that ... form its decision-making body, referred to as the 'working group', are OHCHR, ..."
  "In 2017, the Council of Europe joined the Group as a partner"
  "four new entities joined the Coordination Group, namely, the Office of ... (2021), ... and the United Nations University (2022)"
  "the admission of the Organization of American States and the Council of the Baltic Sea States as the newest members"
  "the role of the Inter-Agency Coordination Group against Trafficking in Persons in fostering coordination ...,
   in particular the United Nations Office on Drugs and Crime, the Office of ... and other intergovernmental
   organizations" (the group's members enumerated after it)
"""
from __future__ import annotations

import re

from tipkg.extract.context import ParagraphContext
from tipkg.extract.rules import rule
from tipkg.extract.text import Sentence
from tipkg.model import Entity, Mention

MECHANISM_CLASSES = {"CoordinationMechanism", "WorkingGroup"}
NOT_MEMBERS = {"PrincipalOrgan", "FunctionalCommission", "SubsidiaryBody", "ConferenceOfParties", "Court"}
CHAIR = re.compile(r"\b(?P<co>co-?|jointly\b.{0,12})?chair(?:s|ed|ing|manship|person|ship)?\b", re.I)
YEAR = r"(?:19[5-9]\d|20\d\d)"
IN_YEAR = re.compile(rf"^[^.;]{{0,12}}?\bin\s+(?P<y>{YEAR})\b(?!\s*(?:–|-|to)\s*\d)")
YEAR_BEFORE_CHAIR = re.compile(rf"\b(?P<y>{YEAR})\s+(?:co-?)?[Cc]hair")
LEADING_YEAR = re.compile(rf"^(?:In|As of|Since|During|From)\s+(?P<y>{YEAR})\b")
PAREN_YEAR = re.compile(rf"^\s*\((?P<y>{YEAR})\)")
# clauses that restate other relations: cut the sentence there
CLAUSE_CUT = re.compile(r",\s*(?:in line with|which|pursuant to|as well as|in accordance with|led by|chaired by)\b"
                        r"|;\s|,\s+and\s+(?=[a-z]+ing\b)")
MEMBER_CUES = [
    ("joined", re.compile(r"\bjoin(?:ed|s|ing)?\b")),
    ("became-member", re.compile(r"\bbec(?:ame|omes|ome)\s+(?:a\s+)?(?:fully[ -]fledged\s+|full\s+|new\s+)?members?\s+of\b")),
    ("is-member", re.compile(r"\b(?:is|are|was|were|as)\s+(?:a\s+|the\s+)?(?:\w+\s+)?members?\s+of\b")),
    ("admission", re.compile(r"\badmission of\b.*\bas\s+(?:the\s+)?(?:newest\s+|new\s+)?members\b")),
    ("part-of", re.compile(r"\b(?:is|are)\s+(?:also\s+)?part\s+of\s+the\s+working\s+group\b")),
    ("active-role", re.compile(r"\b(?:takes?|taking|plays?|playing)\s+an?\s+(?:active|key|leading)\s+role\s+in\b")),
    ("coordinator", re.compile(r"\b(?:as|acts as|its capacity as)\s+(?:the\s+)?(?:permanent\s+)?coordinator\s+of\b")),
    ("list", re.compile(r"\b(?:are|include|includes|comprise|comprises|namely)\b")),
]


def _mechanisms(ctx: ParagraphContext, start: int, end: int) -> list[Mention]:
    return [m for m in ctx.within(start, end, {"organization"}) if set(m.entity.classes) & MECHANISM_CLASSES]


def _candidates(ctx: ParagraphContext, start: int, end: int, context: Entity) -> list[Mention]:
    """Agents that could chair or join, each once: not the mechanism itself or its parts, not organs or posts."""
    out, seen = [], set()
    for m in ctx.agents(start, end):
        e = m.entity
        if (e.kind, e.key) == (context.kind, context.key) or set(e.classes) & (MECHANISM_CLASSES | NOT_MEMBERS):
            continue
        if "Post" in e.classes or (e.kind, e.key) in seen:
            continue
        seen.add((e.kind, e.key))
        out.append(m)
    return out


def _clause(ctx: ParagraphContext, sentence: Sentence, around: int) -> tuple[int, int]:
    """The stretch of the sentence around `around` that no restating clause interrupts."""
    start, end = sentence.start, sentence.end
    for cut in CLAUSE_CUT.finditer(ctx.text, sentence.start, sentence.end):
        if cut.start() < around:
            start = cut.end()
        elif cut.start() >= around:
            end = min(end, cut.start())
            break
    return start, end


def _context(ctx: ParagraphContext, start: int, end: int, cue_at: int) -> Entity | None:
    """The mechanism a cue is about: the one named in the clause, the working group when the cue says so."""
    mechanisms = _mechanisms(ctx, start, end)
    if not mechanisms:
        return None
    wg = [m for m in mechanisms if "WorkingGroup" in m.entity.classes]
    says_working_group = re.search(r"working group", ctx.text[start:end], re.I)
    if wg and says_working_group:
        return wg[0].entity
    # "its 2019 co-Chair": the mechanism named before the cue
    before = [m for m in mechanisms if m.start < cue_at]
    context = (before[-1] if before else mechanisms[0]).entity
    if says_working_group:  # 'referred to as the "working group"': the mechanism's own working group
        return _working_group_of(context) or context
    return context


def _working_group_of(mechanism: Entity) -> Entity | None:
    from tipkg.reference import gazetteer

    g = gazetteer()
    return next((e.entity for e in g.of_kind("organization")
                 if e.parent == mechanism.key and "WorkingGroup" in e.entity.classes
                 and e.entity.label.lower().startswith("working group")), None)


@rule("coordination.chairing", "chairing",
      "A sentence with a chair/co-chair cue and a coordination mechanism: the agents named in the same clause "
      "chaired it, each in the year written after it ('UNODC in 2016'), before the cue ('its 2019 co-Chair'), "
      "at the head of the sentence ('In 2019,'), or paired by 'respectively'.")
def chairing(ctx: ParagraphContext):
    for sentence in ctx.sentences:
        for cue in CHAIR.finditer(ctx.text, sentence.start, sentence.end):
            start, end = _clause(ctx, sentence, cue.start())
            context = _context(ctx, start, end, cue.start())
            if context is None or re.match(r"\s*of the working group", ctx.text[cue.end():]) and "WorkingGroup" not in context.classes:
                continue
            holders = _candidates(ctx, start, end, context)
            if not holders:
                continue
            years = _years_for(ctx, sentence, start, end, holders)
            per_year: dict[str, int] = {}
            for ys in years.values():
                for y in ys:
                    per_year[y] = per_year.get(y, 0) + 1
            written = (ctx.document.metadata.adoption_date or ctx.document.metadata.date or "")[:4]
            for m in holders:
                for year in years.get(id(m), []):
                    if written and year > written:
                        continue  # "requests the chair of the Group to present ... in 2022" in a 2021 text: an ask
                        # for the future, no chair the text reports
                    role = "CoChairRole" if cue["co"] or per_year[year] > 1 else "ChairRole"
                    yield ctx.assertion("chairing", sentence, "coordination.chairing",
                                        {"holder": [m.entity], "context": [context],
                                         "role": [Entity("role", role, role)]}, {"year": year})
            break  # one reading per sentence


def _years_for(ctx: ParagraphContext, sentence: Sentence, start: int, end: int,
               holders: list[Mention]) -> dict[int, list[str]]:
    text = ctx.text
    clause = text[start:end]
    years = re.findall(rf"\b{YEAR}\b", clause)
    out: dict[int, list[str]] = {}
    respectively = re.search(r"respectively\s+with\b", clause)
    if respectively:
        partners = [m for m in holders if m.start >= start + respectively.start()]
        before = [m for m in holders if m.start < start + respectively.start()]
        listed = [y for y in years if clause.find(y) < respectively.start()]
        for m, y in zip(partners, listed):
            out[id(m)] = [y]
        for m in before:
            out[id(m)] = listed
        return out
    pending: list[Mention] = []
    for i, m in enumerate(holders):
        following = text[m.end:holders[i + 1].start if i + 1 < len(holders) else end]
        y = IN_YEAR.match(following)
        pending.append(m)
        if y:
            for p in pending:
                out[id(p)] = [y["y"]]
            pending = []
    if pending:
        near = YEAR_BEFORE_CHAIR.search(clause)
        lead = LEADING_YEAR.match(text[sentence.start:end])
        distinct = sorted(set(years))
        year = near["y"] if near else (lead["y"] if lead else (distinct[0] if len(distinct) == 1 else None))
        if year:
            for p in pending:
                out[id(p)] = [year]
    return out


@rule("coordination.membership", "membership",
      "A sentence that names a coordination mechanism with a membership cue (joined, became a member of, "
      "is part of the working group, admission ... as members, takes an active role in, as coordinator of, "
      "'the working group ... are X, Y'): the agents named with it are members; a year at the head of the "
      "sentence or in brackets after a name is when they joined.")
def membership(ctx: ParagraphContext):
    for sentence in ctx.sentences:
        text = ctx.text[sentence.start:sentence.end]
        mechanisms = _mechanisms(ctx, sentence.start, sentence.end)
        if not mechanisms:
            continue
        for cue_name, cue in MEMBER_CUES:
            hit = cue.search(text)
            if not hit:
                continue
            if cue_name == "list" and not re.search(r"working group|members?\b|member agencies", text, re.I):
                continue
            at = sentence.start + hit.start()
            start, end = _clause(ctx, sentence, at)
            context = _context(ctx, start, end, at)
            if context is None:
                continue
            members = _candidates(ctx, start, end, context)
            if cue_name == "list":
                members = [m for m in members if m.start > at]
            if cue_name in ("joined", "became-member"):
                # the joiners are the subject, or the names the cue lists: an agent after a second verb of the
                # sentence ("... became a member of the Group and was appointed its co-Chair, together with X")
                # did something else
                members = [m for m in members if m.start < at or not NEXT_VERB.search(ctx.text[at:m.start])]
            if not members:
                continue
            lead = LEADING_YEAR.match(text)
            role = "CoordinatorRole" if cue_name == "coordinator" else None
            for m in members:
                own = PAREN_YEAR.match(ctx.text[m.end:])
                since = own["y"] if own else (lead["y"] if lead and cue_name in ("joined", "became-member", "admission") else None)
                roles = {"member": [m.entity], "organization": [context]}
                if role and m is _first_subject(ctx, sentence, members):
                    roles["role"] = [Entity("role", role, role)]
                yield ctx.assertion("membership", sentence, "coordination.membership", roles, {"since": since})
                parent = _parent_mechanism(ctx, context)
                if parent is not None:
                    yield ctx.assertion("membership", sentence, "coordination.membership",
                                        {"member": [m.entity], "organization": [parent]})
            break


def _first_subject(ctx: ParagraphContext, sentence: Sentence, members: list[Mention]) -> Mention | None:
    subject = ctx.subject(sentence)
    return next((m for m in members if subject is not None and m.entity == subject.entity), None)


def _parent_mechanism(ctx: ParagraphContext, context: Entity) -> Entity | None:
    """A member of a mechanism's working group is a member of the mechanism."""
    if "WorkingGroup" not in context.classes:
        return None
    from tipkg.reference import gazetteer

    return gazetteer().parent_of(context)


# a second verb phrase of the same subject: "... and was appointed", "... and has since contributed"
NEXT_VERB = re.compile(r"\b(?:and|but)\s+(?:was|were|has|have|is|are|had)\b")


# "<group> ..., in particular the A, the B and C": an enumeration opened right after the group's name
ENUMERATION_CUE = re.compile(r",\s*(?:in particular|including|notably|namely|such as|especially)\s+")
# words between the group and the cue that hand the enumeration to another noun ("members of the Group and other
# relevant organizations, in particular the World Health Organization")
OTHER_HEAD = re.compile(r"\b(?:and|or)\s+(?:other|relevant|all|its|their|the|any)\b|[;:]")
# what may stand between two items of the enumeration: a bracketed acronym, a comma, "and", an article
ITEM_GAP = re.compile(r"\s*(?:\([^()]{1,25}\))?\s*(?:,\s*(?:and\s+)?|\s+and\s+|)(?:the\s+)?")
NOT_GROUP_KINDS = {"organization", "government", "state", "group"}


@rule("coordination.enumeration", "membership",
      "A coordination mechanism named, then, in the same clause, an enumeration it opens (', in particular the A, "
      "the B, ... and C', 'including', 'namely'): every agent of that unbroken list is a member of the mechanism. "
      "Words between the mechanism and the cue that name another head ('and other organizations') break the tie.")
def enumeration(ctx: ParagraphContext):
    if not ENUMERATION_CUE.search(ctx.text):
        return
    for sentence in ctx.sentences:
        for mechanism in _mechanisms(ctx, sentence.start, sentence.end):
            cue = ENUMERATION_CUE.search(ctx.text, mechanism.end, sentence.end)
            if cue is None:
                continue
            gap = ctx.text[mechanism.end:cue.start()]
            if OTHER_HEAD.search(gap) or ctx.within(mechanism.end, cue.start(), NOT_GROUP_KINDS):
                continue
            members = _enumerated(ctx, cue.end(), sentence.end, mechanism.entity)
            for m in members:
                yield ctx.assertion("membership", sentence, "coordination.enumeration",
                                    {"member": [m.entity], "organization": [mechanism.entity]})
            if members:
                break


def _enumerated(ctx: ParagraphContext, start: int, end: int, mechanism: Entity) -> list[Mention]:
    """The agents listed one after another from `start`, each separated from the last by a comma, 'and', an
    article or a bracketed acronym only: the list ends at the first other word ('and other organizations')."""
    out, at = [], start
    for m in _candidates(ctx, start, end, mechanism):
        if m.start < at:  # an acronym or alias inside an item already taken
            continue
        if not ITEM_GAP.fullmatch(ctx.text[at:m.start]):
            break
        out.append(m)
        at = m.end
    return out
