"""Law-enforcement operations a report describes without naming them, with who carried them out and their stated
results (named operations, "Operation Libertad", are read by tipkg.extract.relations.campaigns).

How reports say it:
  "The attack came shortly after a police raid in the border town of Belladère, which led to several arrests and
   confiscation of firearms."
  "The Haitian National Police conducted an operation on 6 April, recovering the vessel ..."
  "In Elías Piña, a key border zone, security forces raided a commercial establishment, ..."
  "... with the dismantling of a transnational network based in Baní, Peravia Province, on 22 March 2025. The
   operation, led by the Attorney General’s Office and the Specialized Prosecutor’s Office Against Illicit Arms
   Trafficking, uncovered a scheme ... The operation resulted in multiple arrests and the seizure of firearms ..."
  "A joint operation involving Dominican and Haitian law enforcement, with support from the International Criminal
   Police Organization (INTERPOL), led to an international arrest warrant, arrests and the release of the victims."
  "security forces raided a commercial establishment ... One employee was arrested, ..." (a passive result opening the
   next sentence); "Military patrols in Valverde detained six Haitians ..."; "the General Directorate of Migration conducted 266
   operations and deported 31,204 Haitians"
What does not count: operations in general or to come ("joint operations should be ..."), criminals' operations
("smuggling operations"), peace and field operations, operations a resolution asks for, footnotes.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from tipkg.extract.context import ParagraphContext
from tipkg.extract.initiatives import initiative_key
from tipkg.extract.institutions import Institution, institution_at, institution_ending, institutions_at
from tipkg.extract.relations.campaigns import _year, figures_in
from tipkg.extract.rules import rule
from tipkg.extract.text import Sentence
from tipkg.model import Entity

__all__ = ["Operation", "operations_in", "operation_entity"]

# --- cue words (data) -------------------------------------------------------------------------------------------
HEADS = ("operation", "raid", "patrol")  # not "crackdown": reports write it of repression ("crackdowns on civil society")
# what makes an operation a law-enforcement one when the sentence says nothing else
MODIFIERS = ("joint", "targeted", "separate", "police", "military", "law enforcement", "security", "border",
             "large-scale", "special", "undercover", "rescue", "counter-trafficking",
             "anti-trafficking", "anti-smuggling", "anti-gang", "anti-narcotics", "counter-narcotics", "multi-agency",
             "intelligence-led", "cross-border", "customs", "naval", "maritime", "follow-up", "international")
# modifiers that alone make it one: a military, naval or security operation may be a peace operation ("the European
# Union military operation in the Mediterranean"), so those need an agent or a result
LAW_ENFORCEMENT = ("police", "law enforcement", "joint", "targeted", "undercover", "rescue", "counter-trafficking",
                   "anti-trafficking", "anti-smuggling", "anti-gang", "anti-narcotics", "counter-narcotics", "customs",
                   "intelligence-led")
CONDUCT_VERBS = ("conducted", "carried out", "launched", "led", "mounted", "undertook", "staged", "executed",
                 "organized", "organised", "performed")
BY_CUES = ("led by", "conducted by", "carried out by", "coordinated by", "executed by", "undertaken by",
           "involving", "by", "with support from", "with the support of", "supported by")
# a phrase after the head that names who took part ("involving Dominican and Haitian law enforcement"): the agents
# (the conductedBy and partner columns), not what the operation was; its name leaves it out
AGENT_PREPOSITIONS = ("involving", "by")
# what an operation achieved, as reports write it
RESULT_VERBS = ("arrested", "detained", "deported", "rescued", "seized", "confiscated", "recovered", "freed",
                "intercepted", "dismantled", "uncovered", "released", "apprehended")
NETWORK_WORDS = ("network", "ring", "cell", "gang", "cartel", "group", "organization", "scheme")
# a request, plan or generality before the operation: not an operation that took place
NOT_FACT = re.compile(r"\b(?:should|must|would|could|will|may|recommend\w*|urg\w+|encourag\w+|calls?\s+(?:up)?on|"
                      r"plans?\s+to|aims?\s+to|intend\w*|need\w*\s+(?:to|for)|to\s+(?:conduct|carry\s+out|undertake|"
                      r"launch|mount)|such\s+as)\b", re.I)

_alt = lambda words: "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # noqa: E731
NOUN = re.compile(rf"\b(?:(?P<det>[Aa]n?|[Tt]he|[Oo]ne|[Aa]nother)\s+)?(?P<mods>(?:(?i:{_alt(MODIFIERS)})\s+){{0,3}})"
                  rf"(?P<head>{_alt(HEADS)})(?P<plural>s)?\b")
# after the head: a place, a date, a target ("in the border town of Belladère", "on 6 April", "in Bas Delmas")
POST = re.compile(r"(?:\s*,\s*(?:but|and)\s[^,]{1,40},)?\s+(?P<pp>(?:in|on|at|against|targeting|near|along|across|"
                  r"into|involving|between|by)\s+[^,;.()]{2,100})")
THAT_DID = re.compile(rf"\s+that\s+(?P<rel>(?:{_alt(RESULT_VERBS)})\s+[^,;.()]{{2,120}})")
CUT = re.compile(rf"\s+(?:which|that|who|when|where|while|after|before|following|led|resulted|leading|resulting|"
                 rf"{_alt(RESULT_VERBS)}|was|were|has|had|is|are)\b")
VERB_FORM = re.compile(r"\b(?P<verb>raided|dismantled)\s+(?P<obj>(?:a|an|the|one|two|three|several)\s+[^,;.()]{3,100})")
DISMANTLING = re.compile(r"\bdismantling\s+of\s+(?P<obj>(?:a|an)\s+[^,;.()]{3,100})")
COUNTED = re.compile(rf"\b(?P<verb>{_alt(CONDUCT_VERBS)})\s+(?P<n>\d[\d,]*)\s+(?:[a-z-]+\s+){{0,2}}operations\b")
RESULT = re.compile(r"\b(?:led\s+to|resulted\s+in|resulting\s+in|leading\s+to)\s+(?P<what>[^.;–—]{3,160}?)"
                    r"(?=\s*(?:[.;]|,\s*(?:with|while|bringing)\b|$))")
RESULT_CLAUSE = re.compile(rf"\b(?P<verb>{_alt(RESULT_VERBS)})\s+(?P<what>(?:more\s+than\s+|over\s+|some\s+|"
                           r"approximately\s+)?(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|several|"
                           r"dozens\s+of|hundreds\s+of)\s+[^,;.()]{2,60}?)(?=\s*[,;.(]|\s+(?:in|at|for|from|without|"
                           r"who|after|during|on|into|to)\b|$)")
# "The operation, led by ...", after a footnote number the PDF text leaves at the sentence's start ("33 The operation")
ANAPHOR = re.compile(rf"\s*(?:\d{{1,3}}\s+|[¹²³⁴⁵⁶⁷⁸⁹⁰]+\s*)?(?:The|This|That)\s+(?:{_alt(MODIFIERS)}\s+)?"
                     rf"(?:{_alt(HEADS)})\b")
ENFORCEMENT = re.compile(r"arrest|seiz|confiscat|rescu|releas|dismantl|detain|detention|recover|deport|intercept|"
                         r"apprehen|warrant")
LIST_GLUE = re.compile(r",\s*|\s+and\s+|\s*with\s+(?:the\s+)?support\s+(?:from|of)\s+")
SUPERSCRIPT = re.compile(r"[¹²³⁴⁵⁶⁷⁸⁹⁰]+")
REFERS_BACK = re.compile(rf"\b(?:in\s+connection\s+with|during|in|as\s+part\s+of|following)\s+the\s+(?:same\s+)?"
                         rf"(?:{_alt(HEADS)})\b")
# a result written as a passive that opens the next sentence: "One employee was arrested, and the owners ... were
# placed under preventive detention" (after "security forces raided a commercial establishment ...")
PASSIVE_RESULT = re.compile(rf"\s*(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]+\s*)?(?P<who>(?:[Aa]\s+total\s+of\s+)?(?:\d[\d,]*|[Oo]ne|[Tt]wo|[Tt]hree|"
                            rf"[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|[Ss]everal|[Dd]ozens\s+of)"
                            rf"(?:\s+[a-z-]+){{1,3}}?)\s+(?:was|were)\s+(?:also\s+)?(?P<verb>{_alt(RESULT_VERBS)})\b")
DURING = re.compile(r"\b(?:during|in\s+the\s+course\s+of|as\s+part\s+of)\s+$", re.I)


@dataclass
class Operation:
    """One operation a paragraph describes."""

    name: str
    start: int
    end: int
    sentence: Sentence
    agents: list[Entity] = field(default_factory=list)
    scope_end: int = 0  # the operation's sentence and the sentences after it that refer back to it


def operation_entity(ctx: ParagraphContext, op: Operation) -> Entity:
    """A described operation is known by its description in one report paragraph, not by a name of its own: "joint
    operation" or "operation on 6 April" in two reports are two operations, so its key carries the document and the
    paragraph (a named one, "Operation Libertad", is keyed by its name in tipkg.extract.relations.campaigns)."""
    key = initiative_key(f"{ctx.document.id} {ctx.paragraph.key} {op.name}")
    return Entity("initiative", key, op.name, ("Operation",))


def operations_in(ctx: ParagraphContext) -> list[Operation]:
    """The operations of a paragraph, read once (the partnership rules read their agents too)."""
    cached = ctx.__dict__.get("_operations")
    if cached is None:
        cached = ctx.__dict__["_operations"] = _read(ctx)
    return cached


def _reported(ctx: ParagraphContext) -> bool:
    """Operations are facts of reports: not of resolutions, decisions or footnotes."""
    kind = ctx.document.metadata.kind or ""
    return ctx.paragraph.kind not in ("preambular", "operative", "footnote", "header") \
        and "resolution" not in kind and "decision" not in kind


def _read(ctx: ParagraphContext) -> list[Operation]:
    text = ctx.text
    if not _reported(ctx) or not re.search(r"operation|raid|patrol|dismantl", text):
        return []
    found: list[Operation] = []
    for sentence in ctx.sentences:
        for op in _in_sentence(ctx, sentence):
            if not any(o.start <= op.start < o.end or op.start <= o.start < op.end for o in found):
                found.append(op)
    found.sort(key=lambda o: o.start)
    for i, op in enumerate(found):  # later sentences that say "The operation ..." speak of the last one named
        limit = found[i + 1].start if i + 1 < len(found) else len(text)
        op.scope_end = min(op.sentence.end, limit)
        for s in ctx.sentences:
            if op.sentence.end <= s.start < limit and s is _next(ctx, op.sentence) and PASSIVE_RESULT.match(text, s.start):
                op.scope_end = s.end  # "One employee was arrested": what the operation of the sentence before achieved
            elif op.sentence.end <= s.start < limit and ANAPHOR.match(text, s.start):
                op.scope_end = s.end
                op.agents = _agents_after(ctx, s.start, s.end) or op.agents  # "The operation, led by X"
            elif op.sentence.end <= s.start < limit and REFERS_BACK.search(text, s.start, s.end):
                # "The General Customs Administration reported seizing ... in connection with the operation"
                subject = institution_at(ctx, s.start, s.end)
                if subject is not None and re.match(r"\s+(?:also\s+)?[a-z]+(?:ed|s)\b", text[subject.end:s.end]) \
                        and subject.entity not in op.agents:
                    op.agents = [*op.agents, subject.entity]
    return found


def _next(ctx: ParagraphContext, sentence: Sentence) -> Sentence | None:
    return next((s for s in ctx.sentences if s.start >= sentence.end), None)


def _in_sentence(ctx: ParagraphContext, sentence: Sentence) -> list[Operation]:
    text = ctx.text
    out: list[Operation] = []
    for m in NOUN.finditer(text, sentence.start, sentence.end):
        op = _noun_operation(ctx, sentence, m)
        if op is not None:
            out.append(op)
    for m in VERB_FORM.finditer(text, sentence.start, sentence.end):
        obj = _trim(m["obj"])
        if m["verb"] == "dismantled" and not _names_network(obj) or _not_fact(text, sentence.start, m.start()):
            continue
        agent = _agent_before(ctx, sentence, m.start())
        if agent is None:
            continue  # "were raided": who did it is part of what makes it an operation
        name = f"raid on {obj}" if m["verb"] == "raided" else f"dismantling of {obj}"
        out.append(Operation(name, m.start(), m.start("obj") + len(obj), sentence, [agent.entity]))
    for m in DISMANTLING.finditer(text, sentence.start, sentence.end):
        obj = _trim(m["obj"])
        if _names_network(obj) and not _not_fact(text, sentence.start, m.start()):
            subject = _agent_before(ctx, sentence, sentence.start + len(text[sentence.start:m.start()].split(",")[0]),
                                    anywhere=True)
            out.append(Operation(f"dismantling of {obj}", m.start(), m.start("obj") + len(obj), sentence,
                                 [subject.entity] if subject else []))
    for m in COUNTED.finditer(text, sentence.start, sentence.end):
        agent = _agent_before(ctx, sentence, m.start())
        if agent is None or _not_fact(text, sentence.start, m.start()):
            continue
        out.append(Operation(f"{agent.entity.label} operations", m.start("n"), m.end(), sentence, [agent.entity]))
    return out


def _noun_operation(ctx: ParagraphContext, sentence: Sentence, m: re.Match) -> Operation | None:
    text = ctx.text
    mods = m["mods"].strip()
    det = m["det"]
    if det is None and not mods or m["plural"] and det is not None or _not_fact(text, sentence.start, m.start()):
        return None  # "operations" in general; "the operations of ..."
    post = POST.match(text, m.end(), sentence.end)
    pp = _trim(post["pp"]) if post else ""
    rel = THAT_DID.match(text, m.end(), sentence.end) if not pp else None
    if det and det.lower() == "the" and not pp and not rel:
        return None  # "the operation": one named before (read as its anaphor)
    before = text[sentence.start:m.start()]
    conducted = re.search(rf"\b(?:{_alt(CONDUCT_VERBS)})\s+$", before)
    agent = _agent_before(ctx, sentence, sentence.start + conducted.start()) if conducted else None
    after_agents = _agents_after(ctx, m.end(), sentence.end)
    during = DURING.search(before)
    if during and not agent:  # "during an operation in Bas Delmas, the Haitian National Police used drones"
        comma = text.find(",", m.end(), sentence.end)
        main = institution_at(ctx, comma + 1 + (len(text[comma + 1:]) - len(text[comma + 1:].lstrip())),
                              sentence.end) if comma > 0 else None
        agent = main if main and re.match(r"\s+(?:also\s+)?[a-z]+ed\b", text[main.end:]) else None
    result = RESULT.search(text, m.end(), sentence.end) or RESULT_CLAUSE.search(text, m.end(), sentence.end)
    if result and not ENFORCEMENT.search(result.group(0)):
        result = None  # "a raid ... that resulted in the deaths of": what law enforcement achieves, not any outcome
    # a law-enforcement operation: its modifier says so, or an agent carried it out, or it achieved something
    if not (set(mods.lower().split()) & set(LAW_ENFORCEMENT) or "law enforcement" in mods.lower() or agent or result):
        return None
    if m["plural"] and not (mods and (result or agent)):
        return None
    name = re.sub(r"\s+", " ", f"{mods} {m['head']}{m['plural'] or ''}").strip()
    end = m.end()
    agents_pp = bool(pp) and bool(after_agents) and pp.split()[0] in AGENT_PREPOSITIONS
    if pp and not agents_pp:  # "involving X and Y" names its agents, not the operation: the name leaves it out
        name, end = f"{name} {pp}", post.start("pp") + len(pp)
    elif rel:
        rel_text = _trim(rel["rel"], cut_results=False)
        name, end = f"{name} that {rel_text}", rel.start("rel") + len(rel_text)
    if not pp and not rel and not agent and not after_agents:
        return None  # "a joint operation" and nothing else: nothing to tell it by
    agents = [agent.entity] if agent else after_agents
    return Operation(name[0].lower() + name[1:] if not name[:2].isupper() else name, m.start("mods"), end, sentence,
                     agents)


def _trim(phrase: str, cut_results: bool = True) -> str:
    """A phrase up to where its clause goes on: before "which", "led to", a verb of result."""
    phrase = re.sub(r"\s+", " ", phrase).strip()
    if cut_results:
        cut = CUT.search(" " + phrase)
        if cut:
            phrase = phrase[:max(cut.start() - 1, 0)]
    return phrase.strip(" ,;:–-")


def _names_network(obj: str) -> bool:
    return any(re.search(rf"\b{w}s?\b", obj) for w in NETWORK_WORDS)


def _not_fact(text: str, start: int, end: int) -> bool:
    return bool(NOT_FACT.search(text, start, end))


def _agent_before(ctx: ParagraphContext, sentence: Sentence, at: int, anywhere: bool = False) -> Institution | None:
    """The agent whose verb starts at `at`: a name the gazetteer knows ending right before, else an institution
    named by its head noun; `anywhere`: the first agent of the stretch (the subject of the sentence)."""
    text = ctx.text
    clause_start = max(text.rfind(",", sentence.start, at), text.rfind(";", sentence.start, at), sentence.start - 1) + 1
    if anywhere:
        known = ctx.agents(sentence.start, at)
        if known:
            return Institution(known[0].entity, known[0].start, known[0].end)
        return None
    known = [k for k in ctx.agents(sentence.start, at)
             if re.fullmatch(r"\s*(?:\([^)]*\)\s*)?(?:(?:also|has|have|had|then|jointly)\s+)*", text[k.end:at])]
    if known:
        return Institution(known[-1].entity, known[-1].start, known[-1].end)
    found = institution_ending(ctx, clause_start, at)
    if found is None and clause_start > sentence.start:  # the subject before a parenthetical: "X, a unit of Y, raided"
        found = institution_ending(ctx, sentence.start, at)
    return found


def _agents_after(ctx: ParagraphContext, start: int, end: int) -> list[Entity]:
    """Who carried it out, named after it: "led by X and Y", "involving X and Y, with support from Z"."""
    text = ctx.text
    by = re.compile(rf",?\s*(?:{_alt(BY_CUES)})\s+").search(text, start, end)
    if not by or len(text[start:by.start()].split()) > 12:
        return []
    stop = re.compile(r"\s(?:led\s+to|resulted|uncovered|seized|arrested|detained|which|that)\b").search(
        text, by.end(), end)
    stretch_end = stop.start() if stop else end
    out: list[Entity] = []
    pos = by.end()
    while pos < stretch_end:
        found = institutions_at(ctx, pos, stretch_end)
        known = next((k for k in ctx.agents(pos, stretch_end) if k.start <= pos + 4), None)
        if known is not None and (not found or known.start <= found[0].start):
            found = [Institution(known.entity, known.start, known.end)]
        if not found:
            nxt = LIST_GLUE.search(text, pos, stretch_end)
            if nxt is None:
                break
            pos = nxt.end()
            continue
        out.extend(f.entity for f in found if f.entity not in out)
        pos = max(found[-1].end, pos + 1)
    return out


@rule("operations.described", "outcome",
      "A law-enforcement operation a report describes: 'a police raid in <place>', '<agent> conducted an operation "
      "on <date>', '<agent> raided <target>', 'the dismantling of a <network> based in <place>', '<agent> conducted "
      "<n> operations', 'Military patrols in <place> detained ...'; who carried it out ('led by', 'involving', the "
      "subject that conducted it, a later 'The operation, led by ...') and what it achieved ('led to several arrests "
      "and confiscation of firearms', 'detained six Haitians').")
def described_operation(ctx: ParagraphContext):
    text = ctx.text
    for op in operations_in(ctx):
        results = []
        for m in RESULT.finditer(text, op.start, op.scope_end):
            results.append(re.sub(r"\s+", " ", m["what"]).strip())
        for m in RESULT_CLAUSE.finditer(text, op.start, op.scope_end):
            what = re.sub(r"\s+", " ", m["what"]).strip()
            results.append(f"{m['verb']} {what}")
        for s in ctx.sentences:
            passive = PASSIVE_RESULT.match(text, s.start) if op.sentence.end <= s.start < op.scope_end else None
            if passive:
                results.append(f"{passive['who'][0].lower()}{passive['who'][1:]} {passive['verb']}")
        numbers = figures_in(text, op.start, op.scope_end)
        if numbers:
            results.extend(n for n in numbers.split("; ") if not any(n in r for r in results))
        figures = "; ".join(dict.fromkeys(SUPERSCRIPT.sub("", r).strip(" ,") for r in results)) or None
        yield ctx.assertion("outcome", op.sentence, "operations.described",
                            {"initiative": [operation_entity(ctx, op)], "conductedBy": op.agents, "country": []},
                            {"year": _year(ctx, op.sentence, op.sentence.start, op.sentence.end), "figures": figures})
