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

from tipkg.extract.context import ParagraphContext
from tipkg.extract.rules import rule
from tipkg.model import Entity

WORD = r"[A-Z][a-zà-ÿ'’]+(?:-[A-Z]?[a-zà-ÿ'’]+)*"
PARTICLE = r"(?:al|Al|bin|de|da|del|van|von|der|la|le|du|dos|ibn|El|el)"
NAME = rf"{WORD}(?:\s+(?:{PARTICLE}[\s-])?{WORD}){{1,4}}"
LIST_CUE = re.compile(r"\b(?:(?:is|are|was|were)\s+(?:composed|comprised)\s+of|(?:members|trustees) (?:are|were|include)|"
                      r"composed of|consists of)\s+")
ITEM = re.compile(rf"^\s*(?P<name>{NAME})(?:\s*\((?P<note>[^()]{{1,60}})\))?\s*$")
BRACKETED = re.compile(rf"(?P<name>{NAME})\s*\((?P<state>[^(),]{{3,40}}),\s*(?P<what>[^()]{{3,80}})\)")
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
            with_agent = re.search(r"\bwith\s+(?:the\s+)?(?P<agent>\S+)", ctx.text[m.end():sentence.end])
            agents = [a.entity for a in ctx.agents(m.end(), sentence.end)]
            organization = agents[:1] or ([ctx.actor_of(sentence)] if ctx.actor_of(sentence) else [])
            role = "goodwill ambassador" if ambassadors and "ambassador" in ambassadors.group(1).lower() else m["what"]
            yield ctx.assertion("role", sentence, "people.bracketed",
                                {"holder": [_person(name)], "role": [_role(role)], "context": organization,
                                 "nationality": [states[0].entity]},
                                {"roleLabel": role}, confidence=0.9 if with_agent else 0.7)
