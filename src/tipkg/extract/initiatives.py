"""Naming initiatives: the programmes, projects, campaigns, funds, networks, platforms, facilities, plans
and activities a sentence says entities carry out, each as an Entity(kind="initiative") keyed by a
normalized form of its name, so that the same initiative written twice is one node.

How documents name them:
  a gazetteer name        "the Global Action to Prevent and Address Trafficking in Persons ..."
  a capitalised name      "the Spotlight Initiative", "the Alliance 8.7 Action Group on Migration"
  a quoted name           'the "Safe and Fair" programme', 'a framework called “Horizontal facility for ...”'
  a noun phrase           "a joint plan of action to address and counter trafficking in persons ..."
  a purpose or activity   "to support the development of best practices at the regional and national levels"
The partnership and implementation rules read the sentence around them; this module only names.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from tipkg.extract.context import ParagraphContext
from tipkg.model import Entity, Mention

__all__ = ["Named", "named_initiatives", "initiative_entity", "initiative_key", "describe", "phrase_at",
           "activity_phrase", "anaphor_at", "HEAD_CLASSES"]

# head nouns of initiative names, by the ontology class they make
HEAD_CLASSES = {
    "programme": "Programme", "program": "Programme", "programmes": "Programme", "project": "Project",
    "projects": "Project", "campaign": "Campaign", "campaigns": "Campaign", "fund": "Fund", "network": "Network",
    "platform": "Platform", "facility": "Programme", "initiative": "Initiative", "initiatives": "Initiative",
    "partnership": "Initiative", "alliance": "Network", "action group": "Network", "operation": "Operation",
    "plan of action": "Agreement", "action plan": "Agreement", "agreement": "Agreement",
    "memorandum of understanding": "Agreement", "framework": "Programme", "portal": "Platform",
}
CAPITAL_HEADS = re.compile(r"\b(?:Programmes?|Program|Projects?|Initiatives?|Campaigns?|Fund|Network|Platform|Facility|"
                           r"Partnership|Alliance|Action Group|Operation|Portal)\b")
HEADS = r"(?:programme|project|initiative|campaign|facility|platform|network|fund|partnership|framework)"
LOWER_HEAD = re.compile(rf"\s*(?:regional\s+|global\s+|joint\s+)?(?P<head>{HEADS})\b")
NAME_WORD = r"(?:[A-Z][\w’'.\-]*[\w’']|[A-Z]|\d+(?:\.\d+)?|#\w+)"
FIRST_WORD = r"(?:[A-Z][\w’'.\-]*[\w’']|#\w+)"
NAME_LINK = r"(?:of|for|to|and|the|against|in|on|de|la|del|des|du|et)"
CAPITALISED = re.compile(rf"(?<![\w.]){FIRST_WORD}(?:\s+(?:{NAME_LINK}\s+)*{NAME_WORD})*")
LEADING_WORDS = {"The", "In", "This", "These", "That", "Those", "During", "As", "Under", "Within", "Through", "On",
                 "At", "For", "By", "With", "From", "Since", "Following", "Also", "Additionally", "Furthermore",
                 "Moreover", "Its", "Their", "A", "An", "Between", "Among", "To", "Of", "And", "Both", "Such",
                 "Each", "All", "New"}
QUOTED = re.compile(r"[“\"](?P<name>[^”\"]{3,140})[”\"]")
CALLED = re.compile(rf"\b(?P<head>{HEADS})(?:\s+[a-z]+){{0,2}}?\s*,?\s+(?:called|entitled|named|known as|titled)\s*$")
DASH_COUNTRY = re.compile(r"^\s*[–—-]\s*$")
# where a descriptive phrase ends: a semicolon, colon or dash; a bracket that is not an acronym or part of the name
# ('the #AQUIESTOY ... (#HereIAm ...) campaign'); "in five countries"; a comma that opens another clause (not one in
# a list: "the criminal, health and human rights implications"); a relative or purpose clause; a partnership cue
CLAUSE_END = re.compile(
    rf"\s*[;:]|\s[–—]\s|\s+\((?!\s*[A-Z#][\w#-]*\s*\))(?![^()]*\)\s*{HEADS}\b)"
    r"|\s+in\s+(?:the\s+following\s+|several\s+|some\s+|many\s+|[\w-]+\s+)?(?:countries|States|regions|locations)\b"
    r"|,\s*(?=(?:which|who|whose|where|while|when|as|in|with|through|by|including|such|thereby|thus|both|to|for|from|"
    r"at|on|under|within|following|after|before|during|among|between|particularly|notably|especially|namely|"
    r"respectively|and\s+(?:to|is|are|was|were|has|have|it|its|the|a|an|also))\b|[A-Z0-9(“\"‘])"
    r"|\s+that\s+(?=[a-z]+(?:ed|es)\b)|\s+to\s+ensure\s+that\b"
    r"|\s+(?:which|who|whose|while|whereby|so that|in order to|in line with|as part of|in the framework of|"
    r"within the framework of|under the framework of|under the umbrella of|with a view to|with a particular|"
    r"with the aim|with the support of|by (?:partnering|working|providing|means of)|"
    r"in (?:partnership|collaboration|cooperation|close cooperation|coordination) with|jointly with|together with|"
    r"in a coordinated effort)\b")
# a count distributed over places or times, the noun written once: "three suspects in Baní, three in Azua and one in
# Pedernales", "one job network in 2016 and one in 2017"; the thing done is to "suspects", the split is a figure
_COUNT = r"(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several)"
_WHERE = r"(?:the\s+)?(?:[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*|\d{4})"
_NOUN_WORD = r"(?!(?:and|or|in|at|from|of|to|the|a|an)\b)[a-z][a-z-]*(?<!ed)\b"  # not a function word or a participle
DISTRIBUTED = re.compile(rf"\b{_COUNT}\s+(?P<noun>{_NOUN_WORD}(?:\s+{_NOUN_WORD}){{0,2}}?)\s+(?P<prep>in|at|from)\s+"
                         rf"{_WHERE}(?:,\s+{_COUNT}\s+(?P=prep)\s+{_WHERE})*,?\s+and\s+{_COUNT}\s+(?P=prep)\s+{_WHERE}")
# a scope written after the topic of a phrase ("... trafficking in persons in conflict situations") is not its name
TOPIC_SCOPE = re.compile(r"(?:trafficking in (?:persons|human beings|organs|women and (?:girls|children))|"
                         r"human trafficking|smuggling of migrants|migrant smuggling|forced labour|child labour|"
                         r"modern slavery)(?P<scope>\s+(?:in|at|within|across|among|during|throughout)\s)", re.I)
# how a resolution paragraph opens onto what it notes: "Taking note with appreciation of the holding of the ..."
LEAD_IN = re.compile(r"^(?:(?:[A-Z][a-z]+(?:ing|s|es)|[Tt]akes?|[Tt]aking)\s+(?:also\s+|further\s+)?(?:note\s+)?"
                     r"(?:with\s+(?:appreciation|satisfaction|approval|concern)\s+)?(?:of\s+)?)?(?:the\s+)?"
                     r"(?:(?:holding|convening|realization|launch|establishment|organization|adoption|signing)"
                     r"\s+of\s+)?"
                     r"(?=the\s|a\s|an\s|[A-Z0-9“\"])|^(?:with|both|by|and)\s+")
DETERMINERS = re.compile(r"^(?:(?:the|a|an|its|their|his|her|this|these|that|those|several|some|such|our)\s+)+", re.I)
TRAILING = re.compile(r"\s+such\s+as\s+(?:those|these)$"
                      r"|(?:\s+(?:of|for|to|and|or|the|a|an|in|on|at|by|with|from|its|their|as|such|that|which|both|"
                      r"also|currently|being))+$|[\s,.;:–—-]+$", re.I)
MAX_WORDS = 26
ANAPHOR = re.compile(r"\b(?:[Tt]his|[Tt]he|[Tt]hat|[Tt]he same|[Ii]ts)\s+(?P<head>initiative|programme|project|"
                     r"facility|campaign|platform|network|fund|partnership|plan of action|framework)\b")
KEY_DROP = re.compile(r"\b(?:the|a|an)\b|[“”\"'‘’()\[\],.:;]")


@dataclass(frozen=True)
class Named:
    """An initiative named in a paragraph, where, and how it was read."""

    entity: Entity
    start: int
    end: int
    how: str  # gazetteer | mechanism | name | quoted | phrase
    country: Entity | None = None  # "Global Action ... – Bangladesh": the country the component works in


def initiative_key(label: str) -> str:
    """One key for the ways one initiative is written: case, quotes, articles and spacing do not count."""
    text = KEY_DROP.sub(" ", label.replace("–", " ").replace("—", " ").lower())
    text = text.replace("programme", "program")
    return "-".join(re.findall(r"[#\w.]+", text))


def initiative_entity(label: str, cls: str = "Initiative") -> Entity:
    return Entity("initiative", initiative_key(label), label, (cls,))


def class_of(label: str, default: str = "Initiative") -> str:
    """The ontology class a name's head noun gives ("... campaign" is a Campaign)."""
    low = label.lower()
    best, at = default, -1
    for head, cls in HEAD_CLASSES.items():
        i = low.rfind(head)
        if i > at and re.search(rf"\b{re.escape(head)}\b", low[i:i + len(head) + 1]):
            best, at = cls, i
    return best


def describe(text: str, max_words: int = MAX_WORDS) -> str:
    """A phrase trimmed to a name: a distributed count reduced to its noun, to the end of its clause, before a scope
    written after its topic, without leading determiners and trailing function words."""
    text = DISTRIBUTED.sub(lambda m: m["noun"], text)
    end = CLAUSE_END.search(text)
    if end:
        text = text[:end.start()]
    scope = TOPIC_SCOPE.search(text)
    if scope:
        text = text[:scope.start("scope")]
    words = text.split()
    if len(words) > max_words:
        text = " ".join(words[:max_words])
    text = LEAD_IN.sub("", text.strip())
    text = DETERMINERS.sub("", text.strip())
    for _ in range(3):
        text = TRAILING.sub("", text)
    if text.count("(") > text.count(")"):
        text = text[:text.rfind("(")].rstrip()
    return text.strip()


def phrase_at(ctx: ParagraphContext, start: int, end: int, how: str = "phrase",
              max_words: int = MAX_WORDS) -> Named | None:
    """The phrase written from `start` as an initiative: a named initiative it opens with, else its words."""
    head = ctx.text[start:end]
    lead = len(head) - len(head.lstrip())
    lead += len(DETERMINERS.match(head[lead:]).group(0)) if DETERMINERS.match(head[lead:]) else 0
    for named in named_initiatives(ctx):
        # "the new four-year Global Action ...": a name within the first words of the phrase
        if start + lead <= named.start < end and len(ctx.text[start + lead:named.start].split()) <= 3:
            return named
    body = start + lead
    quoted = QUOTED.match(ctx.text, body, end)
    if quoted:  # '"DataJam Against Exploitation", an online competition': the quoted name
        label = quoted["name"].strip()
        return Named(initiative_entity(label, class_of(label)), quoted.start(), quoted.end(), "quoted")
    title = next((s for s in ctx.paragraph.emphasis if body <= s.start <= body + 2 and s.end <= end), None)
    if title is not None:  # an italic title: the publication the partners worked on
        label = ctx.text[title.start:title.end].strip()
        return Named(initiative_entity(label, "Initiative"), title.start, title.end, "title")
    label = describe(head, max_words)
    if len(re.findall(r"[A-Za-z]{2,}", label)) < 1 or len(label) < 4:
        return None
    at = ctx.text.find(label, start, end)
    at = at if at >= 0 else start
    return Named(initiative_entity(label, class_of(label)), at, at + len(label), how)


def activity_phrase(ctx: ParagraphContext, cue_start: int, cue_end: int, stop: int) -> Named | None:
    """An activity named by a cue word and its modifiers ("a legislative drafting workshop organized in view of ...",
    "activities at field level"), up to `stop` (where its place is written)."""
    text = ctx.text
    left = cue_start
    for _ in range(3):  # up to three modifiers before the cue word ("highly specialized training activity")
        m = MODIFIER_BEFORE.search(text, max(0, left - 40), left)
        if not m or m.group(1).lower() in NOT_MODIFIERS:
            break
        if m.group(1)[0].isupper() and text[:m.start(1)].strip() and not text[:m.start(1)].rstrip().endswith("."):
            break  # a capital inside a sentence starts a name, not a modifier
        left = m.start(1)
    label = describe(text[left:max(stop, cue_end)])
    if not label:
        return None
    return Named(initiative_entity(label, class_of(label)), left, left + len(label), "phrase")


MODIFIER_BEFORE = re.compile(r"(?<![\w’'])([A-Za-z][a-z-]*)\s+$")
NOT_MODIFIERS = {"the", "a", "an", "of", "and", "or", "in", "on", "for", "to", "its", "their", "with", "by", "at",
                 "from", "implementing", "implemented", "organized", "organizing", "provided", "providing",
                 "delivered", "conducted", "included", "including", "continued", "supported", "also", "has", "have",
                 "had", "is", "are", "was", "were", "been", "be", "through", "under", "within", "as", "such", "that",
                 "which", "other", "several", "began", "started", "launched", "carried"}


def named_initiatives(ctx: ParagraphContext) -> list[Named]:
    """Every initiative named in the paragraph, in text order (read once per paragraph)."""
    cached = ctx.__dict__.get("_named_initiatives")
    if cached is None:
        cached = ctx.__dict__["_named_initiatives"] = _find(ctx)
    return cached


def anaphor_at(ctx: ParagraphContext, start: int, end: int) -> Named | None:
    """"This initiative", "the programme", "the same initiative": the last initiative named before, in the paragraph."""
    m = ANAPHOR.search(ctx.text, start, end)
    if not m:
        return None
    before = [n for n in _all_before(ctx, m.start()) if n.start < m.start()]
    return before[-1] if before else None


def _all_before(ctx: ParagraphContext, at: int) -> list[Named]:
    found = [n for n in named_initiatives(ctx) if n.end <= at]
    return found + [n for n in ctx.__dict__.get("_read_initiatives", []) if n.end <= at and n not in found]


def remember(ctx: ParagraphContext, named: Named) -> None:
    """A phrase a rule read as an initiative, for later sentences that refer back to it."""
    ctx.__dict__.setdefault("_read_initiatives", []).append(named)
    ctx.__dict__["_read_initiatives"].sort(key=lambda n: n.start)


def _find(ctx: ParagraphContext) -> list[Named]:
    text = ctx.text
    if not text:
        return []
    out: list[Named] = []
    taken: list[tuple[int, int]] = []
    others = [m for m in ctx.mentions if m.entity.kind not in ("initiative",)]
    for m in ctx.mentions:
        if m.entity.kind == "initiative":
            end = m.end
            country = None
            nxt = _next_mention(ctx, m.end)
            if nxt is not None and nxt.entity.kind == "state" and DASH_COUNTRY.match(text[m.end:nxt.start]):
                country, end = nxt.entity, nxt.end
            out.append(Named(m.entity, m.start, end, "gazetteer", country))
            taken.append((m.start, end))
        elif m.entity.kind == "organization" and _is_partnership_name(m.entity):
            # a mechanism that is itself a partnership ("Alliance 8.7"), or what is named after it
            ext = re.match(rf"\s+((?:{NAME_WORD}\s+(?:{NAME_LINK}\s+)*)*(?:Action Group|Group|Network|Initiative"
                           rf"|Platform)"
                           rf"(?:\s+(?:{NAME_LINK}\s+)+{NAME_WORD})*)", text[m.end:])
            if ext:
                label = text[m.start:m.end + ext.end()]
                out.append(Named(initiative_entity(label, class_of(label)), m.start, m.end + ext.end(), "name"))
                taken.append((m.start, m.end + ext.end()))
            else:
                out.append(Named(m.entity, m.start, m.end, "mechanism"))
                taken.append((m.start, m.end))
    for q in QUOTED.finditer(text):
        if _overlaps(taken, q.start(), q.end()):
            continue
        after = LOWER_HEAD.match(text, q.end())
        before = CALLED.search(text[max(0, q.start() - 60):q.start()])
        if after:
            label = text[q.start():after.end()]
            cls = HEAD_CLASSES.get(after["head"], "Initiative")
            out.append(Named(initiative_entity(label, cls), q.start(), after.end(), "quoted"))
            taken.append((q.start(), after.end()))
        elif before:
            label = q["name"].strip()
            cls = HEAD_CLASSES.get(before["head"], "Initiative")
            out.append(Named(initiative_entity(label, cls), q.start(), q.end(), "quoted"))
            taken.append((q.start(), q.end()))
    if CAPITAL_HEADS.search(text):
        for c in CAPITALISED.finditer(text):
            start, end = c.start(), c.end()
            words = c.group(0).split()
            while words and words[0] in LEADING_WORDS:
                start = text.index(words[0], start) + len(words[0])
                start += len(text[start:]) - len(text[start:].lstrip())
                words = words[1:]
            if len(words) < 2 or not _headed(words):
                continue
            if _overlaps(taken, start, end) or _inside_other(others, start, end) or _emphasized(ctx, start, end):
                continue
            head = CAPITAL_HEADS.search(text, start, end)
            cut = next((m.start for m in others if start < m.start < end and m.start > head.end()
                        and m.entity.kind in ("organization", "instrument", "resolution", "document")), None)
            if cut is not None:  # "... Programmes of the Inter-agency Coordination Group": the name ends before
                end = len(text[:cut].rstrip()) - len(re.search(r"(?:\s+(?:of|for|the|and|by"
                                                               r"|in))*$", text[:cut].rstrip()).group(0))
            if any(s.start <= head.start() < s.end for s in ctx.paragraph.emphasis):
                continue
            if text[end - 2:end] in ("'s", "’s"):
                end -= 2
            label = text[start:end]
            lower = LOWER_HEAD.match(text, end)
            if lower:
                label, end = text[start:lower.end()], lower.end()
            out.append(Named(initiative_entity(label, class_of(label)), start, end, "name"))
            taken.append((start, end))
    return sorted(out, key=lambda n: n.start)


def _headed(words: list[str]) -> bool:
    """A name whose head is an initiative noun: the last word before its complements ("Global Programme against ...",
    "Alliance 8.7 Action Group on Migration"), or a leading "Operation" or "Project" ("Operation Libertad");
    "Programme Office for ..." is an office."""
    core = []
    for w in words:
        if w in ("of", "for", "to", "and", "the", "against", "in", "on", "de", "la", "del", "des", "du", "et"):
            break
        core.append(w)
    if not core:
        return False
    last = " ".join(core[-2:])
    return bool(re.search(r"(?:^|\s)(?:Programmes?|Program|Projects?|Initiatives?|Campaigns?|Fund|Network|Platform"
                          r"|Facility|"
                          r"Partnership|Alliance|Action Group|Operation"
                          r"|Portal)$", last)) or core[0] in ("Operation", "Project")


def _is_partnership_name(entity: Entity) -> bool:
    """A coordination mechanism whose name says it is a partnership or an alliance."""
    return "CoordinationMechanism" in entity.classes and bool(re.search(r"\b(?:Alliance|Partnership)\b", entity.label))


def _next_mention(ctx: ParagraphContext, at: int) -> Mention | None:
    return next((m for m in ctx.mentions if m.start >= at), None)


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def _inside_other(mentions: list[Mention], start: int, end: int) -> bool:
    """A capitalised run that is (mostly) the name of an organization, instrument or document is not an initiative."""
    for m in mentions:
        if m.start < end and start < m.end and m.entity.kind in ("organization", "instrument", "resolution", "document",
                                                                  "group"):
            if (m.end - m.start) * 2 >= end - start or m.start <= start:
                return True
    return False


def _emphasized(ctx: ParagraphContext, start: int, end: int) -> bool:
    """Italic titles are publications, not initiatives."""
    return any(s.start <= start and end <= s.end for s in ctx.paragraph.emphasis)
