"""Who a resolution asks: the addressee phrase of an ask, split into the actors it lists.

"Urges States, the United Nations and other international, regional and subregional organizations, as well as
civil society, including non-governmental organizations, the private sector and the media, to ..." asks seven
actors; "international, regional and subregional" is one list of adjectives, not three actors. Asides between
commas ("in close cooperation with Member States", "within its mandate", "if they have not yet done so") and
relative clauses ("that have not yet done so") are no part of an addressee. Each actor is kept only if it names
one: a gazetteer entity, an acronym, or a phrase whose head noun is an actor ("Member States", "the
Secretary-General", "all relevant actors at the national ... level"). A pronoun takes the actor it stands for
("encourages them to": the addressees asked before; "requests him to": the post named before), and "the Office"
the office named before it in the paragraph; a clause ("that the decrease of 133,100 dollars ...") is no actor.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from tipkg.extract.context import ParagraphContext
from tipkg.model import Entity, Mention

AGENT_KINDS = ("organization", "government", "group", "state")
# head nouns of phrases that name who can act (lower case, as written in the plural and the singular)
ACTOR_HEADS = frozenset("""
states state governments government countries country parties party members member organizations organization
organisations organisation entities entity agencies agency bodies body institutions institution stakeholders
stakeholder actors actor partners partner donors donor society sector media community communities system
programmes programme funds fund offices office secretariat secretary-general commissioner rapporteur rapporteurs
representative representatives envoy expert experts president chair chairs chairperson director director-general
administrator prosecutor registrar team group groups committee committees council assembly commission conference
directorate mechanism mechanisms network networks forum union unions force bodies authorities authority officials
personnel leaders leadership nations department departments missions mission operations operation procedures
holders holder banks bank institutes institute centres centre centers center academia industry companies
enterprises businesses employers associations parliaments parliamentarians judiciary practitioners professionals
providers operators platforms alliance coalition board boards panel panels sides negotiators presidency bureau
secretariats units unit observers observer coordinator coordinators power powers territory territories section
sections division divisions branch branches service services parts general forces participants chair-rapporteur
regime commissions signatories jurisdictions corporations conferences
""".split())
# plural nouns in -ors/-ers that name no one who acts
NOT_AGENTS = frozenset("factors matters numbers borders orders papers others corridors vectors sectors indicators "
                       "layers barriers disasters letters chapters registers headquarters quarters markers "
                       "monitors computers waters powers transfers offers answers corners clusters".split())
# kinds of institutions that share their modifiers when joined by "and": "United Nations funds and programmes"
INSTITUTIONS = frozenset("entities bodies agencies organizations organisations programmes funds institutions "
                         "mechanisms offices departments procedures".split())
# a phrase made of these words only qualifies the next one: "international, regional and subregional organizations"
MODIFIERS = frozenset("""
other relevant all international regional subregional national local bilateral multilateral intergovernmental
governmental non-governmental interested concerned competent appropriate specialized specialised financial
humanitarian multinational private public global technical civil development developing developed
transnational multi-stakeholder law enforcement judicial criminal justice concerned key major
""".split())
DETERMINERS = re.compile(r"^(?:the|all|those|these|such|any|each|every|its|their|other|relevant|concerned|"
                         r"interested|appropriate|competent)\s+", re.I)
PRONOUNS = {"it": "one", "them": "many", "they": "many", "he": "post", "him": "post", "she": "post", "her": "post"}
# posts that "he", "she", "him" or "her" stand for
POST = re.compile(r"\bthe\s+(?:[A-Z][\w-]*\s+){0,6}?(?:Secretary-General|High Commissioner|Special Rapporteur|"
                  r"Special Representative|Executive Director|Director-General|Administrator|President|Chair|"
                  r"Chairperson|Special Envoy|Independent Expert|Prosecutor|Registrar|Commissioner|Coordinator)"
                  r"(?:\s+(?:of|on|for)\s+(?:the\s+)?(?:[A-Z][\w-]*(?:\s+(?:and|of|on|in|the|for)\s+)?)+)?")
# separators of a list of addressees
SEPARATOR = re.compile(r",?\s+as\s+well\s+as\s+|,\s*(?:and\s+|or\s+)?(?:including\s+)?|\s+and\s+|\s+including\s+|"
                       r"\s+and/or\s+")
# what opens an aside between commas: a preposition or subordinator, not a name
# "especially", "in particular": the actors named after it are addressees too, when they are actors
FOCUS = re.compile(r"(?:especially|particularly|notably|in\s+particular)\s+", re.I)
# "including through ...", "including by ...": the means of the actors before it, not actors
MEANS = re.compile(r"(?:through|by|via|in|with|at|under|within|from)\b", re.I)
ASIDE = re.compile(r"^(?:which|who|whose|whom|that|pending|whenever|once|in|within|when|where|while|if|as|especially|particularly|notably|in particular|through|"
                   r"with|upon|on|at|from|under|according|consistent|pursuant|inter alia|whenever|wherever|"
                   r"together|taking|bearing|acting|led|building|drawing|among|amongst|without|following|"
                   r"subject|based|for|by|via|respectively|also|further|moreover|furthermore|where\s+appropriate|"
                   r"as appropriate|to this end|to that end|regardless|"
                   # how the actors act: "States, individually or through regional fisheries management organizations,"
                   r"individually|collectively|jointly|severally|bilaterally|multilaterally|either|directly)\b", re.I)
# any word after the pronoun ("those parties ... that commit, in contravention of ..."), but "that" after a
# preposition is a determiner ("in that regard", "to that end")
RELATIVE = re.compile(r"\s+(?:(?:to|towards|in|at|for|by|on|with|from|under|through|against|among)\s+(?:which|whom)|"
                      r"(?<!\bin\s)(?<!\bto\s)(?<!\bat\s)(?<!\bof\s)(?<!\bfor\s)(?<!\bby\s)(?<!\bon\s)"
                      r"(?<!\bwith\s)(?<!\bfrom\s)"
                      r"(?:that|who|which|whose|whom))\s+[a-z]+\b.*$", re.S)
# what follows an actor without naming one: "the Secretary-General when doing so", "the entities, where appropriate"
SUBORDINATE = re.compile(r",?\s+(?:when|whenever|while|once|where appropriate|as appropriate|as necessary|as required|"
                         r"upon request|on request|pending|in a position to|of (?:its|their) (?:obligations?|commitments?|"
                         r"responsibilit(?:y|ies)))\b.*$", re.S)
PREPOSITION = re.compile(r"\s+(?:of|to|in|on|for|at|from|with|within|against|by|under|across|between|among|"
                         r"mentioned|established|operating|working|engaged|engaging|involved|concerned|participating|"
                         # "parties listed in the annexes", not "the newly designated Special Envoy"
                         r"(?:listed|named|designated|identified|referred|specified)(?=\s+(?:in|to|by|under|as|at)\b)|"
                         r"responsible|active|acting|dealing|based|located|present|comprising|composing|forming|"
                         r"constituting|making\s+up)\b")
ACRONYM = re.compile(r"^[A-Z][A-Za-z]*[A-Z]{1,9}(?:-[A-Z]+)?$")


@dataclass
class Addressee:
    """One actor an ask is addressed to: its words as written (or as resolved), the entities it names."""

    label: str
    entities: list[Entity] = field(default_factory=list)


def _mentions_in(ctx: ParagraphContext, start: int, end: int) -> list[Mention]:
    return [m for m in ctx.mentions if start <= m.start and m.end <= end and m.entity.kind in AGENT_KINDS]


def _inside_mention(ctx: ParagraphContext, at: int) -> bool:
    return any(m.start < at < m.end for m in ctx.mentions)


def _name_continues(text: str, start: int, end: int) -> bool:
    """" and " between two capitalised words of one name ("Rule of Law and Sexual Violence in Conflict")."""
    before = re.search(r"([A-Za-z][\w-]*)\W*$", text[:start])
    after = re.match(r"\W*([A-Za-z][\w-]*)", text[end:])
    return bool(before and after and before.group(1)[0].isupper() and after.group(1)[0].isupper()
                and text[start:end].strip() == "and" and not ACRONYM.match(before.group(1))
                and not ACRONYM.match(after.group(1)))


def _pieces(ctx: ParagraphContext, start: int, end: int) -> list[tuple[int, int, str]]:
    """The list's pieces (start, end, separator before) between separators outside names."""
    text = ctx.text
    pieces, at, sep = [], start, ""
    for m in SEPARATOR.finditer(text, start, end):
        ends_name = any(x.end == m.start() and x.entity.kind in AGENT_KINDS for x in ctx.mentions)
        if _inside_mention(ctx, m.start()) or _name_continues(text, m.start(), m.end()) and not ends_name:
            continue  # "and" inside one name, not after a whole one ("UN-Women and United Nations country teams")
        pieces.append((at, m.start(), sep))
        at, sep = m.end(), m.group(0)
    pieces.append((at, end, sep))
    return [(s, e, sep) for s, e, sep in pieces if text[s:e].strip()]


def _only_modifiers(words: str) -> bool:
    tokens = words.lower().split()
    return bool(tokens) and all(t in MODIFIERS or t.endswith(("al", "ic")) and t.isalpha() for t in tokens)


def _shares_modifiers(previous: str, piece: str, chain: bool) -> bool:
    """A bare institutional noun after another shares the modifiers before it ("the specialized agencies, funds
    and programmes"); so does a qualified one closing such a run ("funds, programmes and specialized agencies")."""
    words = piece.split()
    if previous.split()[-1].lower() not in INSTITUTIONS:
        return False
    if words[0].lower() in INSTITUTIONS:
        return True
    return chain and len(words) <= 3 and words[-1].lower() in INSTITUTIONS and _only_modifiers(" ".join(words[:-1]))


def head_of(phrase: str) -> str:
    """The head noun of an addressee phrase: its last word before a prepositional or participial tail."""
    core = re.sub(r"\s*\([^)]*\)", "", phrase).strip()
    cut = PREPOSITION.search(core)
    if cut:
        core = core[:cut.start()]
    words = core.split()
    return words[-1].strip(",;:.") if words else ""


def is_actor(ctx: ParagraphContext, start: int, end: int) -> bool:
    """Whether text[start:end] names an actor: it opens with an agent the gazetteer knows, or its head is an
    actor noun or an acronym."""
    phrase = ctx.text[start:end].strip()
    if not phrase or phrase.lower() in PRONOUNS or re.match(r"(?:that|whether|to)\b", phrase, re.I):
        return False
    lead = DETERMINERS.sub("", DETERMINERS.sub("", phrase))
    offset = start + (len(ctx.text[start:end]) - len(ctx.text[start:end].lstrip())) + len(phrase) - len(lead)
    if any(m.start <= offset + 1 and m.end > offset for m in _mentions_in(ctx, start, end)):
        return True
    head = head_of(lead)
    return head.lower() in ACTOR_HEADS or bool(ACRONYM.match(head)) or _agentive(head)


def _agentive(word: str) -> bool:
    """A noun of people who act: "facilitators", "defenders", "providers" (not "factors", "borders")."""
    w = word.lower()
    return w.endswith(("ors", "ers")) and w.isalpha() and len(w) > 5 and w not in NOT_AGENTS


def _trim(ctx: ParagraphContext, start: int, end: int) -> tuple[int, int]:
    """The piece without its relative clause ("States that have not yet done so") and outer spaces."""
    text = ctx.text
    for pattern in (RELATIVE, SUBORDINATE):
        r = pattern.search(text, start, end)
        if r and not _inside_mention(ctx, r.start()):
            end = r.start()
    while start < end and text[start] in " ,;":
        start += 1
    while end > start and text[end - 1] in " ,;:":
        end -= 1
    conjunction = re.search(r"\s+(?:and|or)$", text[start:end])  # "encourages the Office and, where appropriate, ..."
    if conjunction:
        end = start + conjunction.start()
    adverb = re.search(r"\s+(?:also|further|again|once\s+again|therefore)$", text[start:end])  # "invites Member States also to"
    if adverb:
        end = start + adverb.start()
    # "the Secretary-General in conjunction with the High Commissioner ... to": an aside without its commas
    company = re.search(r"\s+(?:in\s+(?:conjunction|cooperation|collaboration|consultation|coordination)\s+with|"
                        r"together\s+with|jointly\s+with)\s", text[start:end])
    if company and not _inside_mention(ctx, start + company.start() + 1):
        end = start + company.start()
    return start, end


# an aside that names who acts with the addressee: "in consultation with ...", "with the support of ..."
COMPANY = re.compile(r"(?:in\s+(?:conjunction|cooperation|collaboration|consultation|coordination|partnership|"
                     r"close\s+cooperation|close\s+collaboration|close\s+consultation)\s+with|together\s+with|jointly\s+with|"
                     r"with\s+the\s+(?:support|assistance|help|participation|involvement)\s+of)\b", re.I)


def split_addressees(ctx: ParagraphContext, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of the actors a list of addressees names, asides and relative clauses left out."""
    text = ctx.text
    spans: list[list[int]] = []
    pending: int | None = None  # where a run of modifiers started ("international, regional and ...")
    tail_open = False  # the last actor has a prepositional tail that a piece may continue
    shared = False  # the last actor is a run of institutions sharing modifiers ("funds, programmes and ...")
    # an aside runs to the next actor: "in cooperation with X and Y, ...", "in line with national policies,
    # priorities and needs"
    # company: the aside names who acts with the addressee ("in consultation with ..."); company_list: and the list
    # its "including" opens has begun
    in_aside = company = company_list = clause_open = False
    for s, e, sep in _pieces(ctx, start, end):
        words = text[s:e].strip()
        including = sep.strip(", ").startswith("including")
        if including and MEANS.match(words):
            in_aside = True  # "Member States, including through relevant central and competent authorities, to"
            continue
        focus = FOCUS.match(words)
        if focus and not in_aside:  # "United Nations entities, particularly the ... (UNOCT) and UNODC,": named
            # entities are addressees too; a group ("in particular developed countries") only qualifies the actor
            rest = s + len(text[s:e]) - len(text[s:e].lstrip()) + focus.end()
            if any(m.start <= rest + 4 and m.entity.kind in ("organization", "government", "state")
                   for m in _mentions_in(ctx, rest, e)):
                s, words, including = rest, text[rest:e].strip(), True
        # "..., in consultation with relevant entities of the United Nations system, including the United Nations
        # Office on Drugs and Crime, to inform": what an aside of company includes is the aside's, to the end of its
        # list ("with the support of relevant stakeholders, including the private sector, civil society and ...");
        # but "bodies ..., within their respective mandates, including the specialized agencies": the bodies'. An
        # actor after a comma ends an aside
        company_list = company_list or in_aside and company and including
        if in_aside and ("," not in sep or company_list or not including and not is_actor(ctx, s, e)):
            continue
        in_aside = bool(ASIDE.match(words)) and not including
        company = in_aside and bool(COMPANY.match(words))
        company_list = False
        if in_aside:
            continue
        if _only_modifiers(words):
            if pending is None:
                pending = s
            continue
        s0 = pending if pending is not None else s
        pending = None
        s1, e1 = _trim(ctx, s0, e)
        if s1 >= e1:
            continue
        piece = text[s1:e1]
        if spans and not including and (_shares_modifiers(text[spans[-1][0]:spans[-1][1]], piece, shared)):
            spans[-1][1] = e1  # "the United Nations funds and programmes", "the above-mentioned entities and bodies"
            shared = True
            continue
        if spans and tail_open and not including and not is_actor(ctx, s1, e1) and not clause_open:
            spans[-1][1] = e1  # "all relevant actors at the national, regional and international level"
            clause_open = bool(RELATIVE.search(text, s0, e))
            continue
        spans.append([s1, e1])
        tail_open, shared = bool(PREPOSITION.search(piece)), False
        # the piece ended in a relative clause ("parties ... that commit violations"): what follows is the clause's
        clause_open = bool(RELATIVE.search(text, s0, e))
    return [(s, e) for s, e in spans]


def resolve(ctx: ParagraphContext, start: int, end: int, before: list[Addressee]) -> list[Addressee]:
    """The actors text[start:end] stands for: itself if it names one, what a pronoun or "the Office" refers to
    earlier in the paragraph, else nothing."""
    text = ctx.text
    phrase = text[start:end].strip()
    lower = phrase.lower()
    if lower in PRONOUNS:
        if PRONOUNS[lower] == "many":
            return list(before)
        if PRONOUNS[lower] == "post":
            posts = list(POST.finditer(text, 0, start))
            return [Addressee(posts[-1].group(0).strip())] if posts else []
        agents = [m for m in _mentions_in(ctx, 0, start) if m.entity.kind == "organization"]
        if agents:
            return [Addressee(agents[-1].surface, [agents[-1].entity])]
        return list(before[-1:]) if len(before) == 1 else []
    short = re.fullmatch(r"the\s+([A-Z][\w-]+)", phrase)
    if short:
        covering = [m for m in _mentions_in(ctx, start, end)]
        if covering and covering[0].entity.kind == "organization" and covering[0].rule.startswith("coref"):
            return [Addressee(covering[0].entity.label, [covering[0].entity])]
        named = [m for m in _mentions_in(ctx, 0, start) if short.group(1).lower() in m.surface.lower()]
        if named and not covering:
            return [Addressee(named[-1].entity.label, [named[-1].entity])]
        # "the work of the Committee of Experts on International Cooperation in Tax Matters ..., and encourages the
        # Committee to": the longer name before it, which the gazetteer does not know
        longer = list(re.finditer(r"\bthe\s+" + short.group(1) + r"\s+(?:of|on|for)\s+(?:the\s+)?[A-Z][\w-]*"
                                  r"(?:\s+(?:(?:of|on|in|for|and|the)\s+)*[A-Z][\w-]*)*", text[:start]))
        if longer and not covering:
            return [Addressee(longer[-1].group(0)[4:])]
    short = re.fullmatch(r"the\s+([a-z][\w-]+)", phrase)
    if short and short.group(1) in ACTOR_HEADS:  # "requests the system to": "the United Nations development system"
        longer = list(re.finditer(r"\bthe\s+(?:[A-Z][\w-]*\s+)+(?:[a-z][\w-]*\s+){0,2}" + short.group(1) + r"\b",
                                  text[:start]))
        if longer:
            return [Addressee(longer[-1].group(0), [m.entity for m in _mentions_in(ctx, longer[-1].start(),
                                                                                    longer[-1].end())])]
    if not is_actor(ctx, start, end):
        return []
    return [Addressee(phrase, [m.entity for m in _mentions_in(ctx, start, end)])]


def addressees(ctx: ParagraphContext, start: int, end: int, before: list[Addressee],
               strict: bool = False) -> list[Addressee]:
    """Every actor named in text[start:end], in order, once each; with strict, none unless every piece of the
    list is an actor (the subject of a "that" clause is an actor or no addressee at all)."""
    out: list[Addressee] = []
    for s, e in split_addressees(ctx, start, end):
        found = resolve(ctx, s, e, before)
        if strict and not found:
            return []
        for a in found:
            if all(a.label.lower() != o.label.lower() for o in out):
                out.append(a)
    return out
