"""Institutions a gazetteer cannot hold, recognised by the head noun of their name: national police units,
customs administrations, prosecutors' offices, task forces ("the Haitian National Police Land Border Police Unit
(Police Frontalière d'Haïti – POLIFRONT)", "the Specialized Prosecutor's Office Against Illicit Arms Trafficking",
"security forces", "Bahamian police"). Reports describe law enforcement through them; a name the gazetteer knows
wins over this reading.

    institution_ending(ctx, start, end) -> Institution | None   the agent a stretch ends with ("..., X conducted")
    institution_at(ctx, start, end) -> Institution | None       the agent a stretch starts with ("led by X and Y")
    institutions_at(ctx, start, end) -> list[Institution]      the same, or the two of "Dominican and Haitian police"
    acronymed_name_at(ctx, start, end) -> Institution | None    a capitalised name with its acronym in brackets, whatever
                                                                its head ("the Central Financial Intelligence Unite
                                                                (Unité ... – UCREF)": a misspelt head); for lists only
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from tipkg.extract.context import ParagraphContext
from tipkg.iris import slug
from tipkg.model import Entity

# heads of a capitalised institution name (the last word of the name, before its "of/against ..." complement)
NAME_HEADS = ("Police", "Office", "Unit", "Ministry", "Administration", "Directorate", "Customs", "Brigade", "Bureau",
              "Commission", "Task Force", "Agency", "Service", "Department", "Guard", "Army", "Navy", "Gendarmerie",
              "Authority", "Inspectorate", "Court", "Prosecution", "Branch", "Forces", "Force", "Centre", "Center",
              "Council", "Committee", "Institute", "Board", "Alliance", "Movement", "Group")
# words that make no name of a head alone: "the Working Group", "the Steering Committee" are short forms
GENERIC_QUALIFIERS = ("Working", "Steering", "Executive", "Advisory", "Expert", "Technical", "Special", "Joint", "Main",
                      "Standing", "Governing", "Coordinating", "Coordination", "Management", "Organizing", "Drafting")
# heads of a described agent written in lower case ("security forces", "Bahamian police", "the Dominican army")
GENERIC_HEADS = ("police", "security forces", "armed forces", "forces", "army", "navy", "coast guard", "customs",
                 "law enforcement", "law enforcement agencies", "law enforcement officials", "border guards",
                 "security operators", "security officers",
                 "judicial police", "gendarmerie")
# what the described agent may say before its head: a nationality or a plain adjective, one or two words
GENERIC_MODIFIER = r"(?:[A-Z][\w’'-]+\s+|(?:national|local|border|federal|military|maritime|naval|joint)\s+){0,2}"
CONNECTOR = r"(?:of|for|on|against|and(?!\s+the\b)|the|in|de|des|du)"  # "... Studies and the British ...": two
CAP_WORD = r"[A-Z][\w’'-]*"

_heads = "|".join(re.escape(h) for h in sorted(NAME_HEADS, key=len, reverse=True))
# "Attorney General’s Office", "Central Directorate of the Judicial Criminal Investigation Police",
# "Specialized Prosecutor’s Office Against Illicit Arms Trafficking" (its complement ends before a lower-case word)
# single words listed before the rest of a name: "Disarmament, Demobilization and Reintegration Commission"
LISTED_WORDS = rf"(?:{CAP_WORD},\s+)+{CAP_WORD},?\s+and\s+"
NAME = (rf"(?:{LISTED_WORDS})?(?:{CAP_WORD}\s+(?:(?:and|of|for|on)\s+(?=[A-Z]))?){{0,6}}(?:{_heads})"
        rf"(?:\s+(?i:of|for|on|against)\s+(?:the\s+)?"
        rf"{CAP_WORD}(?:\s+(?:{CONNECTOR}\s+)*{CAP_WORD}){{0,7}})?")
GENERIC = rf"{GENERIC_MODIFIER}(?:{'|'.join(re.escape(h) for h in sorted(GENERIC_HEADS, key=len, reverse=True))})"
BRACKET = r"(?:\s*\((?P<inner>[^()]{1,120})\))?"
AT = re.compile(rf"(?:[Tt]he\s+)?(?P<name>{NAME}|{GENERIC})\b{BRACKET}")
ENDING = re.compile(rf"(?:^|(?<=[\s,;:]))(?:[Tt]he\s+)?(?P<name>{NAME}|{GENERIC}){BRACKET}"
                    rf"(?:\s*,[^,]{{1,80}},)?\s*(?:(?:also|has|have|had|then|jointly|subsequently|reportedly)\s+)*$")
# two nationalities sharing one described head: "Dominican and Haitian law enforcement" is two agents
SHARED = re.compile(rf"(?:the\s+)?(?P<a>{CAP_WORD})\s+and\s+(?P<b>{CAP_WORD})\s+"
                    rf"(?P<head>{'|'.join(re.escape(h) for h in sorted(GENERIC_HEADS, key=len, reverse=True))})\b")
# a capitalised name whose bracket gives its acronym, alone or after the name in the original language
ACRONYMED = re.compile(rf"(?:[Tt]he\s+)?(?P<name>{CAP_WORD}(?:\s+(?:{CONNECTOR}\s+)*{CAP_WORD}){{1,7}})"
                       r"\s*\((?P<inner>(?:[^()]{1,100}?\s(?:–|-|—)\s*)?[A-Z][A-Z0-9]{1,9})\)")
# heads of names of things that are not institutions: "the Global Plan of Action (GPA)", "... Protocol (TIP)", events
NOT_INSTITUTION_HEADS = ("Programme", "Program", "Plan", "Protocol", "Convention", "Strategy", "Initiative", "Project",
                         "Goals", "Goal", "Agenda", "Declaration", "Act", "Law", "Code", "Framework", "Campaign",
                         "Operation", "Report", "Index", "Fund", "Treaty", "Charter", "Principles", "Guidelines",
                         "Policy", "Status", "Decree", "Resolution", "Mission", "System", "Database", "Platform",
                         "Arena", "Forum", "Conference", "Summit", "Meeting", "Week", "Day", "Dialogue", "Process",
                         "Congress", "Session", "Award", "Prize")
ACRONYM = re.compile(r"(?:–|-|—)\s*(?P<acr>[A-Z][A-Z0-9]{1,9})\s*$|^(?P<only>[A-Z][A-Z0-9]{1,9})$")


@dataclass(frozen=True)
class Institution:
    entity: Entity
    start: int
    end: int  # past its bracket, if any


def institution_at(ctx: ParagraphContext, start: int, end: int) -> Institution | None:
    """The institution named from `start` (a leading "the" allowed)."""
    m = AT.match(ctx.text, start, end)
    return _institution(ctx, m) if m else None


def institutions_at(ctx: ParagraphContext, start: int, end: int) -> list[Institution]:
    """The institution named from `start`, or the two that share a head ("Dominican and Haitian law enforcement")."""
    shared = SHARED.match(ctx.text, start, end)
    if shared:
        head = re.sub(r"\s+", " ", shared["head"])
        return [Institution(Entity("organization", slug(f"{shared[k]} {head}"), f"{shared[k]} {head}",
                                   ("Organization",)), shared.start(k), shared.end()) for k in ("a", "b")]
    one = institution_at(ctx, start, end)
    return [one] if one else []


def acronymed_name_at(ctx: ParagraphContext, start: int, end: int) -> Institution | None:
    """A capitalised name with its acronym in brackets ("the General Inspectorate of Finance (Inspection générale des
    finances – IGF)"), read as an institution whatever its head, unless the gazetteer knows it as something else or
    its last word names a programme, plan or instrument. Meant for lists whose other items are institutions."""
    m = ACRONYMED.match(ctx.text, start, end)
    # its head: the last word before a complement ("Latin American Programme of Cooperation in Migration")
    if m is None or re.split(r"\s+(?:of|for|on|in|against|and)\s+", m["name"])[0].split()[-1] in NOT_INSTITUTION_HEADS:
        return None
    if any(m.start("name") <= k.start < m.end("name") and k.entity.kind != "organization" for k in ctx.mentions):
        return None  # a State ("the Democratic Republic of Congo (DRC)"), an instrument or initiative the gazetteer knows
    return _institution(ctx, m)


def institution_ending(ctx: ParagraphContext, start: int, end: int) -> Institution | None:
    """The institution a stretch ends with (the subject before a verb at `end`), within the clause that starts
    after the last comma or semicolon before it (a parenthetical between commas after the name is passed over)."""
    m = ENDING.search(ctx.text, start, end)
    return _institution(ctx, m) if m else None


def _institution(ctx: ParagraphContext, m: re.Match) -> Institution | None:
    name = re.sub(r"\s+", " ", m["name"]).strip()
    if len(name.split()) < 2 or name.split()[0] in ("the", "and", "of") or name in NAME_HEADS \
            or len(name.split()) == 2 and name.split()[0] in GENERIC_QUALIFIERS:
        return None  # "the Office", "police", "the Working Group": a short form of an agent named elsewhere
    known = [k for k in ctx.mentions if m.start("name") <= k.start < m.end("name") + 1
             and k.entity.kind in ("organization", "government", "state")]
    if known and known[0].entity.kind == "state":
        known = []  # "Haitian National Police": a State's adjective inside an institution's name
    if any(re.search(r"\band\b", name[:k.start - m.start("name")]) or
           re.search(r"\band\b", ctx.text[k.end:m.end("name")]) for k in known):
        return None  # "UNODC and the Ministry of ...": two agents, not one name
    if known and known[0].end >= m.end("name") - 1:
        return Institution(known[0].entity, m.start("name"), m.end())  # the gazetteer's name covers it
    if known and known[0].start == m.start("name") and not name[len(known[0].surface):].strip():
        return Institution(known[0].entity, m.start("name"), m.end())
    acronym = None
    if m["inner"]:
        a = ACRONYM.search(m["inner"].strip())
        acronym = (a["acr"] or a["only"]) if a else None
    return Institution(Entity("organization", slug(name), name, ("Organization",), acronym=acronym),
                       m.start("name"), m.end())
