"""Publications and tools: reports, toolkits, issue papers and briefs, case digests, handbooks, guidelines,
databases, model laws, statements, with who issued them and when.

How documents say it:
  italics (UN texts set publication titles in italics): "In 2017, UNODC published: the *Human Trafficking Toolkit
   for Journalists* and the *Evidential Issues in Trafficking in Persons Cases: Case Digest*"
  a quoted title after a publication word or verb: "an issue paper entitled “The international legal definition
   of trafficking in persons: ...”", "IOM launched the “Remediation guidelines for victims of exploitation ...”",
   "two such papers have been published, both in 2016, “Providing effective remedies ...” and “Pivoting ...”"
  a title in capitals with a publication head word, as text extracted from PDFs writes it (no italics there):
   "the Recommended Principles and Guidelines on Human Rights and Human Trafficking, published in 2002",
   "the Human Trafficking Case Law Database"
  a described publication: "published two issue briefs in 2018: one on trafficking in children, and one on ...",
   "a set of guidelines for operators and regulators to train cabin crew ... were jointly developed in 2018 and
   published", "recent issues briefs on the gender dimensions of human trafficking", "issued a joint statement"
Not publications: resolution titles ("resolution 72/195, entitled “...”"), event titles, campaign names and
themes in quotes; italic verbs of resolutions ("Urges"), Latin ("inter alia"), record series ("Official
Records", "Treaty Series"), operation names ("Operation Libertad"), one-word back-references ("the Handbook").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from tipkg.dates import MONTH, YEAR, find_dates
from tipkg.extract.context import ParagraphContext
from tipkg.extract.lexicon import lexicon
from tipkg.extract.prose import FUNCTION_WORDS, leading_date, once_per_paragraph
from tipkg.extract.rules import rule
from tipkg.extract.symbols import DOCUMENT_SYMBOL
from tipkg.reference import gazetteer
from tipkg.extract.text import Sentence
from tipkg.model import Entity

LATIN = {"inter alia", "mutatis mutandis", "ad hoc", "per se", "de facto", "de jure", "bona fide", "a fortiori",
         "sui generis", "vis-à-vis", "prima facie", "ibid", "ibid.", "et al", "et al.", "ex officio", "in situ",
         "ad interim", "ex post facto", "status quo", "modus operandi", "inter se", "erga omnes", "jus cogens",
         "non-refoulement", "raison d'être", "mutatis", "a priori", "post facto"}
RECORD_SERIES = re.compile(r"^(?:Official Records|Treaty Series|Supplement No|United Nations Juridical Yearbook|"
                           r"Yearbook of the International Law Commission|Journal of the United Nations)\b")
NOT_TITLE_START = re.compile(r"^(?:Operation|Declaration|Convention|Protocol|Charter|Covenant|Agreement|Statute|"
                             r"Plan|Agenda|Resolution|Decision|Report of the|Report of|Note by|Letter)\b")

# class by the words of a title or of the phrase that introduces it, most specific first
CLASS_WORDS = [
    (re.compile(r"\bissues?\s+papers?\b", re.I), "IssuePaper"),
    (re.compile(r"\b(?:issues?|policy|research)\s+briefs?\b", re.I), "IssueBrief"),
    (re.compile(r"\b(?:policy|thematic|discussion|position|background)\s+papers?\b", re.I), "PolicyPaper"),
    (re.compile(r"\bcase\s+digest|\bdigest\b", re.I), "CaseDigest"),
    (re.compile(r"\bmodel\s+laws?\b", re.I), "ModelLaw"),
    (re.compile(r"\blegislative\s+guides?\b", re.I), "LegislativeGuide"),
    (re.compile(r"\btool\s?kits?\b", re.I), "Toolkit"),
    (re.compile(r"\b(?:handbooks?|manuals?|guides?|booklets?)\b", re.I), "Handbook"),
    (re.compile(r"\b(?:guidelines|principles|guidance\s+notes?)\b", re.I), "Guidelines"),
    (re.compile(r"\b(?:database|knowledge\s+portal|portal)\b", re.I), "Database"),
    (re.compile(r"\b(?:statements?|press\s+releases?)\b", re.I), "Statement"),
    (re.compile(r"\b(?:global\s+report|reports?|review|survey|atlas|yearbook)\b", re.I), "ResearchReport"),
    (re.compile(r"\b(?:study|studies|analysis|analyses|compendium|compendia)\b", re.I), "Study"),
]

PUBLISH = re.compile(r"\b(?:published|publishes|publish|issued|issues|produced|released|launched|developed|prepared|drafted|"
                     r"finalized|finalised|updated|revised|expanded|translated|compiled)\b")
PUBLISHED_BY = re.compile(r"^,?\s*(?:(?:which|that)\s+(?:was|were)\s+)?(?:published|issued|produced|prepared|developed|"
                          r"launched|released)\s+(?:(?:in|on)\s+[^,;]{4,20}?\s+)?by\s+")
PUBLISHED_IN = re.compile(rf"^,?\s*(?:(?:which|that)\s+(?:was|were)\s+)?(?:first\s+)?(?:published|issued|produced|"
                          rf"launched|released|adopted)\s+in\s+(?:\w+\s+)?(?P<y>{YEAR})\b")

# the nouns that say "publication"
PUB_NOUN = (r"(?:(?:issues?|policy|thematic|research|discussion|position|background|occasional|technical|"
            r"information|analytical|guidance)\s+(?:briefs?|papers?|notes?|reviews?)|"
            r"(?:joint\s+)?(?:press\s+)?statements?|press\s+releases?|guidelines|handbooks?|tool\s?kits?|manuals?|guides?|"
            r"booklets?|(?:case\s+)?digests?|compendium|compendia|stud(?:y|ies)|reports?|case\s+law\s+analys[ie]s|"
            r"publications?|papers?|briefs?|leaflets?|brochures?|surveys?)")
ENTITLED = re.compile(rf"\b{PUB_NOUN}\s*,?\s*(?:entitled|titled|called|named)\s*,?\s*$", re.I)
NOT_PUBLICATION_BEFORE = re.compile(r"\b(?:resolution|decision|theme|campaign|event|events|workshop|seminar|meeting|"
                                    r"session|programme|project|initiative|those|platform|competition|conference|"
                                    r"hashtags?|slogan|motto|forum|day|network|report\s+of)\b[^“\"”]{0,40}$", re.I)
NOT_PUBLICATION_AFTER = re.compile(r"^[”\"]?\s*(?:campaign|programme|project|initiative|event|app|platform|network|"
                                   r"competition|approach|model|hashtag|movement|series\s+of\s+events)\b", re.I)
QUOTED = re.compile(r"[“\"](?P<t>[^”\"]{3,300})[”\"]")

# a title in capitals ending with or governed by a publication head word
TITLE_HEAD = re.compile(r"\b(?:Global Report|Report|Toolkit|Tool Kit|Handbook|Manual|Guide|Guidelines|Digest|"
                        r"Database|Knowledge Portal|Model Law|Study|Compendium|(?:Guiding|Recommended)\s+Principles|"
                        r"Principles\s+and\s+Guidelines|Survey|Yearbook|Atlas)\b")
SUPERSCRIPTS = re.compile(r"[¹²³⁴⁵⁶⁷⁸⁹⁰]+")
TITLE_TOKEN = re.compile(r"[A-Za-zÀ-ÿ0-9][\w'’\-]*|[:–—,]|“[^”]{1,120}”|\"[^\"]{1,120}\"")
TITLE_INNER = FUNCTION_WORDS | {"especially", "supplementing", "a", "an", "its", "their", "her", "his", "vs"}

# publications described, not titled
STRONG_DESCRIBED = re.compile(r"\b(?P<head>(?:issues?|policy|thematic|research|discussion|position|background)\s+"
                              r"(?:briefs?|papers?)|joint\s+(?:press\s+)?statements?|case\s+law\s+analys[ie]s|"
                              r"analytical\s+reviews?)\b", re.I)
WEAK_DESCRIBED = re.compile(r"\b(?P<head>guidelines|handbooks?|tool\s?kits?|manuals?|guides?|booklets?|compendium|"
                            r"(?:(?!the\b|a\b|an\b|its\b|their\b|this\b|that\b)\w+\s+)?(?:situational\s+)?reports?|stud(?:y|ies)|guidance\s+notes?|"
                            r"press\s+releases?|statements?|publications?|analysis)\b", re.I)
COMPLEMENT = re.compile(r"\s+(?:(?:of\s+the\s+[A-Z][\w\s\-]{2,80}?\s+)?(?:that|which)\s+(?:pertain(?:ed|s)?|relate[sd]?)\s+to|"
                        r"pertaining\s+to|concerning|regarding|about|on|for|of|addressing|covering)\s+")
COMPLEMENT_END = re.compile(r"[,;:()]|\.(?:\s|$)|\s(?:which|that|who|was|were|is|are|has|have|had|and\s+(?:one|a|an|the)\s|"
                            r"delivered|made|presented|submitted|issued|adopted|signed|"
                            r"as\s+well\s+as|in\s+(?:19|20)\d\d|in\s+(?:January|February|March|April|May|June|July|"
                            r"August|September|October|November|December)|to\s+(?:the\s+)?(?:authorities|States|"
                            r"Member|Governments))\b")
NON_SPECIFIC = re.compile(r"\b(?:various|several|many|some|such|other|these|those|relevant|series\s+of|number\s+of|"
                          r"range\s+of|variety\s+of|the\s+following|all|any|further|its|their|practical)\s+(?:\w+\s+){0,2}$",
                          re.I)
PUBLISH_BEFORE = re.compile(r"\b(?:published|issued|produced|released|launched|developed|prepared|drafted|"
                            r"finalized|finalised|compiled)\s+(?:(?:both\s+)?(?:a|an|the|two|three|four|five|six|seven|"
                            r"eight|nine|ten|\d+)\s+)?(?:set\s+of\s+|new\s+|joint\s+|first\s+)?(?:[\w\-]+\s+){0,3}$")
PUBLISH_AFTER = re.compile(r"[^.;]{0,160}?\b(?:was|were|has\s+been|have\s+been)\s+(?:\w+ly\s+)?(?:published|issued|"
                           r"produced|released|launched|developed|prepared|drafted)\b")
ONE_ON = re.compile(r"\bone\s+(?P<c>on|about|concerning)\s+(?P<topic>[^,;.]+)")


@dataclass(frozen=True)
class Title:
    title: str
    start: int
    end: int
    cls: str
    how: str  # italic | quoted | capitals | described


def publication_class(*texts: str) -> str:
    for text in texts:
        for pattern, cls in CLASS_WORDS:
            if text and pattern.search(text):
                return cls
    return "Publication"


def title_run_end(text: str, start: int, limit: int | None = None) -> int:
    """The end of a run of capitalised words (with the small words inside titles) that starts at `start`:
    "Trafficking in Persons in Conflict Situations", ": Protection and Assistance for Migrants ..."."""
    limit = len(text) if limit is None else limit
    end = start
    pending = start
    for m in TITLE_TOKEN.finditer(text, start, limit):
        gap = text[pending:m.start()]
        if gap.strip():
            break
        tok = m.group(0)
        if tok in (",",):
            nxt = TITLE_TOKEN.match(text, m.end() + (1 if text[m.end():m.end() + 1] == " " else 0))
            if not nxt or not (nxt.group(0)[:1].isupper() or nxt.group(0) in ("especially", "supplementing")):
                break
            after = TITLE_TOKEN.match(text, nxt.end() + (1 if text[nxt.end():nxt.end() + 1] == " " else 0))
            if after and after.group(0)[:1].islower() and after.group(0) not in TITLE_INNER:
                break  # "..., Solemnly proclaiming": a clause that opens with a capital, no word of the title
            pending = m.end()
            continue
        if tok in (":", "–", "—"):
            pending = m.end()
            continue
        if tok[:1].isupper() or tok[:1].isdigit() or tok[:1] in "“\"":
            end = m.end()
        elif tok.lower() not in TITLE_INNER or tok == "or" and re.match(r"\s+the\s+[A-Z]", text[m.end():]):
            break  # (" ... Planning or the New European Bauhaus": another name, an alternative to the first)
        pending = m.end()
    return end


def _merge_spans(ctx: ParagraphContext) -> list[tuple[int, int]]:
    """Italic stretches, joined where a title was broken around its small words ('The Concept of “Harbouring”'
    + ' in the ' + 'Trafficking in Persons Protocol'), and read on where a stretch was cut at a block end."""
    text = ctx.text
    spans = sorted((s.start, s.end) for s in ctx.paragraph.emphasis)
    merged: list[list[int]] = []
    for a, b in spans:
        if merged and re.fullmatch(r"\s+(?:in|of|on|for)(?:\s+the)?\s+", text[merged[-1][1]:a]):
            merged[-1][1] = b
        else:
            merged.append([a, b])
    out = []
    for a, b in merged:
        words = text[a:b].split()
        if re.match(r" [A-Z]", text[b:b + 2]) and (len(words) <= 2 or words[-1].lower() in TITLE_INNER):
            b = max(b, title_run_end(text, b + 1))
        out.append((a, b))
    return out


def _italic_titles(ctx: ParagraphContext) -> list[Title]:
    text = ctx.text
    out = []
    lex = lexicon()
    for a, b in _merge_spans(ctx):
        span = text[a:b].strip().rstrip(",;.")
        if not span or len(span.split()) < 2:
            continue
        first = span.lstrip("“\"‘'")[:1]
        if not (first.isupper() or first.isdigit()):
            continue
        if span.lower() in LATIN or RECORD_SERIES.match(span) or NOT_TITLE_START.match(span):
            continue
        if lex.verb(span) is not None or (a == 0 and ctx.paragraph.kind in ("operative", "preambular")
                                          and len(span.split()) <= 3):
            continue
        if find_dates(span) and re.search(r"\d{1,2}\s+[A-Z][a-z]+\s+\d{4}", span):
            continue
        if span == text.strip() or span.startswith("["):
            continue
        covered = [m for m in ctx.within(a, b) if m.start <= a + 1 and m.end >= b - 1]
        if any(m.entity.kind in ("state", "organization", "group", "place") for m in covered):
            continue
        if any(m.entity.kind == "instrument" and not TITLE_HEAD.search(span) for m in covered):
            continue
        before = text[max(0, a - 60):a]
        out.append(Title(span, a, a + len(span), publication_class(span, before[-30:]), "italic"))
    return out


def _quoted_titles(ctx: ParagraphContext, sentences: list[Sentence]) -> list[Title]:
    text = ctx.text
    out: list[Title] = []
    for sentence in sentences:
        accepted_end = None
        for m in QUOTED.finditer(text, sentence.start, sentence.end):
            title = m["t"].strip().rstrip(",;")
            words = title.split()
            if len(words) < 3 or not (title[:1].isupper() or title[:1].isdigit()) or title.startswith("#"):
                continue
            before = text[max(sentence.start, m.start() - 200):m.start()]
            after = text[m.end():m.end() + 40]
            if NOT_PUBLICATION_AFTER.match(after):
                continue
            entitled = ENTITLED.search(before[-80:])
            listed = accepted_end is not None and re.fullmatch(r"\s*(?:,\s*)?(?:and\s+)?", text[accepted_end:m.start()])
            published = PUBLISH.search(before) and re.search(PUB_NOUN, before, re.I) \
                and not NOT_PUBLICATION_BEFORE.search(before[-60:])
            direct = re.search(r"\b(?:published|launched|issued|released|produced)\s+(?:(?:the|a|an|its|their)\s+)?$",
                               before)
            if not (entitled or listed or published or direct):
                continue
            if NOT_PUBLICATION_BEFORE.search(before[-60:]) and not entitled and not listed:
                continue
            out.append(Title(title, m.start() + 1, m.start() + 1 + len(title),
                             publication_class(title, before[-40:]), "quoted"))
            accepted_end = m.end()
    return out


# the last word of a body's name, not of a publication's ("... Risk Database Consortium", "... Case Law Network")
ORGANIZATION_NOUNS = {"Consortium", "Network", "Alliance", "Partnership", "Coalition", "Council", "Committee", "Centre",
                      "Center", "Institute", "Foundation", "Association", "Secretariat", "Facility", "Fund", "Group",
                      "Commission", "Office", "Unit", "Task Force", "Agency", "Organization", "Board", "Forum"}


def _capital_titles(ctx: ParagraphContext) -> list[Title]:
    """Titles in capitals with a publication head word: the way text extracted from PDFs keeps them. A title
    ends before the agent that issued it ("... of the Food and Agriculture Organization of the United Nations",
    "... by the Special Rapporteur") and before a second title ("... and the Guidelines to Prevent ...")."""
    text = ctx.text
    out = []
    agent_ends = {m.end for m in ctx.mentions if m.entity.kind in ("organization", "government") and m.entity.key != "UN"}
    for h in TITLE_HEAD.finditer(text):
        # read back over capitalised words and the small words inside a title
        start = cursor = h.start()
        for m in reversed(list(re.finditer(r"[A-Za-zÀ-ÿ0-9][\w'’\-]*", text[max(0, h.start() - 120):h.start()]))):
            tok = m.group(0)
            absolute = max(0, h.start() - 120) + m.start()
            gap = text[absolute + len(tok):cursor]  # from the word read last, small words included
            if gap.strip() not in ("", ":") or absolute + len(tok) in agent_ends:
                break
            cursor = absolute
            if tok[:1].isupper() or tok[:1].isdigit() and not re.fullmatch(YEAR, tok):
                start = absolute
            elif tok.lower() in ("of", "on", "and", "for", "against", "in") and start != h.start():
                # inner small word: only between capitalised words ("Financing for Sustainable Development Report")
                continue
            else:
                break
        while text[start:h.start()].split() and text[start:h.start()].split()[0].lower() in TITLE_INNER:
            start += len(text[start:h.start()].split()[0]) + 1
        end = _title_end(ctx, h.end(), title_run_end(text, h.start()))
        title = text[start:end].strip(" ,:–")
        title = re.sub(r"\s+(?:of|on|and|for|in|the|against)$", "", title)
        if start == 0 and title.split()[0] in ("The",):
            title = title[4:]
        words = title.split()
        capitals = [w for w in words if w[:1].isupper()]
        if len(words) < 3 or len(capitals) < 2 or NOT_TITLE_START.match(title):
            continue
        if re.match(r"(?:Report|Study|Survey|Review)\s+(?:of|by)\b", title) or re.search(r"\bReport\s+of\s+the\b", title):
            continue
        if re.fullmatch(r"(?:[A-Z][\w\-]*\s+)*Principles", title) and not re.search(r"Guiding|Recommended", title):
            continue
        if re.search(r"[A-Z][\w\-]*,\s*$", text[max(0, start - 40):start]):
            continue  # "the Teaching, Study, Dissemination and ...": a list of capitalised words, not a title
        if title.split()[-1] in ORGANIZATION_NOUNS:
            continue  # "the Global Emerging Markets Risk Database Consortium": a body that holds a database
        title_start = text.find(title, start)
        out.append(Title(title, title_start, title_start + len(title), publication_class(title), "capitals"))
    return out


def _title_end(ctx: ParagraphContext, head_end: int, end: int) -> int:
    text = ctx.text
    for cut in re.finditer(r"\s+(?:by|of|and)\s+the\s+", text[head_end:end]):
        after = head_end + cut.end()
        word = cut.group(0).split()[0]
        if word == "by":
            return head_end + cut.start()
        if word == "of" and any(m.start == after or m.start == after - 4 for m in ctx.agents(after - 4, end)):
            return head_end + cut.start()
        if word == "and" and (TITLE_HEAD.search(text, after, end) or SECOND_NAME.search(text, after, end)
                              or re.match(rf"[\w\-]+[’']s\b|{YEAR}\b", text[after:end])):
            # "... Report and the Secretary-General’s ...", "... Fishing Operations and the International Plan of
            # Action ...", "... Report and the 2023 special report of ...": another's, not the title
            return head_end + cut.start()
    return end


def _described(ctx: ParagraphContext, sentences: list[Sentence]) -> list[Title]:
    """Publications named by what they are: "two issue briefs in 2018: one on X, and one on Y", "a set of
    guidelines for operators ... were jointly developed in 2018 and published", "issued a joint statement"."""
    text = ctx.text
    out = []
    for sentence in sentences:
        for pattern, strong in ((STRONG_DESCRIBED, True), (WEAK_DESCRIBED, False)):
            for h in pattern.finditer(text, sentence.start, sentence.end):
                head = h["head"]
                before = text[max(sentence.start, h.start() - 120):h.start()]
                if NON_SPECIFIC.search(before) or re.search(r"[A-Z]\w*\s+$", before) and not strong:
                    continue
                if head[:1].isupper():
                    continue  # a title in capitals: read as such
                complement = COMPLEMENT.match(text, h.end(), sentence.end)
                if complement and re.search(r"reports?$", head) and complement.group(0).strip() == "of":
                    continue  # "the report of the commission of inquiry": a document of a body
                published_before = PUBLISH_BEFORE.search(before)
                published_after = PUBLISH_AFTER.match(text, h.end(), sentence.end)
                if not strong and not (published_before or published_after):
                    continue
                cls = publication_class(head)
                items = ONE_ON.finditer(text, h.end(), sentence.end) if re.match(r"[^:;.]{0,30}:\s+one\s+(?:on|about)",
                                                                                  text[h.end():sentence.end]) else None
                mods = _modifiers(before)
                if items is not None:
                    for item in items:
                        topic = item["topic"].strip()
                        topic = re.sub(r",?\s+and$", "", topic)
                        label = f"{_singular(head)} on {topic}"
                        out.append(Title(label, item.start(), item.end(), cls, "described"))
                    continue
                if complement:
                    c_start = complement.end()
                    stop = COMPLEMENT_END.search(text, c_start, sentence.end)
                    c_end = stop.start() if stop else sentence.end
                    topic = text[c_start:c_end].strip()
                    if len(topic.split()) < 2 and not strong:
                        continue
                    word = complement.group(0).strip()
                    preposition = word if word in ("on", "for", "of", "about", "addressing", "covering") else "on"
                    label = f"{mods}{head} {preposition} {topic}"
                    out.append(Title(label.strip(), h.start(), c_end, cls, "described"))
                elif published_before and re.search(r"\b(?:statement|press release)", head, re.I):
                    out.append(Title(f"{mods}{head}".strip(), h.start(), h.end(), cls, "described"))
    return out


def _modifiers(before: str) -> str:
    """"recent", "new", "country situational" before the head, without the determiner."""
    m = re.search(r"(?:\b(?:a|an|the|two|three|four|five|six|seven|eight|nine|ten|\d+|set of)\s+)?"
                  r"((?:(?:new|recent|latest|regional|national|global|country|first|joint)\s+)*)$", before, re.I)
    return m.group(1) if m else ""


def _singular(head: str) -> str:
    return re.sub(r"(brief|paper|statement|report|guide|handbook|manual|review)s\b", r"\1", head)


_CACHE: dict = {"context": None, "titles": []}  # the titles of the paragraph read last (rules share them)


def titles_in(ctx: ParagraphContext, start: int = 0, end: int | None = None) -> list[Title]:
    """Every publication title or description of the paragraph between start and end, in text order, one per
    stretch of text (italics first, then quotes, capitals and descriptions)."""
    if _CACHE["context"] is not ctx:
        _CACHE["context"], _CACHE["titles"] = ctx, _all_titles(ctx)
    end = len(ctx.text) if end is None else end
    return [t for t in _CACHE["titles"] if start <= t.start and t.end <= end]


# words without which a paragraph names no publication: tested with `in` on the lower-cased text, cheaper than a
# case-insensitive alternation on every paragraph of a corpus
CHEAP_WORDS = ("“", "\"", "report", "toolkit", "tool kit", "handbook", "manual", "guide", "digest", "database",
               "model law", "stud", "compendium", "principles", "survey", "yearbook", "atlas", "brief", "paper",
               "statement", "booklet", "press release", "analys", "portal", "review", "publication")


def _may_name_publication(text: str) -> bool:
    low = text.lower()
    return any(w in low for w in CHEAP_WORDS)


def _tidy(t: Title) -> Title | None:
    title = BROKEN_RANGE.sub("", SUPERSCRIPTS.sub("", t.title).strip())
    title = re.sub(r"^(?:See|see|Cf\.|cf\.)\s+", "", title)
    if t.how == "capitals":
        title = re.sub(r"^\d{1,3}\s+(?=[A-Z])", "", title)  # a footnote number run into the title
        title = re.sub(r",\s+No\.?$", "", title)
    if RECORD_SERIES.match(title) or len(title.split()) < 2:
        return None
    if t.how in ("capitals", "described") and re.search(rf"\b\d{{1,2}}\s+(?:to\s+\d{{1,2}}\s+)?{MONTH}\b", title):
        return None  # a date run into a title: a table or a list, not a title
    return Title(title, t.start, t.end, t.cls, t.how)


def _all_titles(ctx: ParagraphContext) -> list[Title]:
    found: list[Title] = []
    if ctx.paragraph.emphasis:
        found.extend(_italic_titles(ctx))
    if _may_name_publication(ctx.text):
        sentences = ctx.sentences
        found.extend(_quoted_titles(ctx, sentences))
        found.extend(_capital_titles(ctx))
        found.extend(_described(ctx, sentences))
    out: list[Title] = []
    for t in found:
        if any(t.start < o.end and o.start < t.end for o in out):
            continue
        tidy = _tidy(t)
        if tidy is not None:
            out.append(tidy)
    return sorted(out, key=lambda t: t.start)


def _sentence_of(ctx: ParagraphContext, at: int) -> Sentence:
    for s in ctx.sentences:
        if s.start <= at < s.end + 1:
            return s
    return ctx.sentences[-1]


# a reference's imprint in brackets after the title: "Financing for Sustainable Development Report 2024 (United Nations
# publication, 2024)"; "(United Nations publication, Sales No. E.19.IV.4)"
IMPRINT = re.compile(rf"^\s*\((?P<who>[A-Z][^(),]{{2,80}}?)\s+publication(?:,\s+(?:Sales\s+No\.\s+[^(),]+,\s+)?"
                     rf"(?P<y>{YEAR})(?=\)))?")


def _imprint(ctx: ParagraphContext, t: Title) -> tuple[list[Entity], str | None]:
    """The publisher (an organization the gazetteer knows, the United Nations included) and year of an imprint."""
    m = IMPRINT.match(ctx.text[t.end:])
    if not m:
        return [], None
    at = t.end + m.start("who")
    who = [e.entity for e in ctx.within(at, t.end + m.end("who"), {"organization"}) if e.start == at]
    return who[:1], m["y"]


def _publisher(ctx: ParagraphContext, sentence: Sentence, t: Title) -> list[Entity]:
    text = ctx.text
    imprint, _ = _imprint(ctx, t)
    if imprint:
        return imprint
    by = PUBLISHED_BY.match(text[t.end:])
    if by:
        agents = ctx.agents(t.end + by.end(), min(sentence.end, t.end + by.end() + 120))
        if agents:
            return [agents[0].entity]
    own = [m for m in ctx.agents(t.start, t.end) if m.start == t.start or m.start <= t.start + 1]
    if own:
        return [own[0].entity]  # "IOM Handbook: ...", "UNODC Toolkit for ..."
    before = text[max(sentence.start, t.start - 12):t.start]
    preceding = [m for m in ctx.agents(max(sentence.start, t.start - 12), t.start)]
    if preceding and re.fullmatch(r"\s*(?:the\s+)?\S+\s*", before[before.rfind(preceding[-1].surface):] if preceding else ""):
        return [preceding[-1].entity]
    of = re.match(r"\s+of\s+(?:the\s+)?", text[t.end:])
    if of:
        agents = [m for m in ctx.agents(t.end, t.end + of.end() + 90) if m.start == t.end + of.end()]
        if agents:
            return [agents[0].entity]
    if _is_published(ctx, sentence, t):
        return _subject_before(ctx, sentence, t.start)
    return []


def _subject_before(ctx: ParagraphContext, sentence: Sentence, at: int) -> list[Entity]:
    """Who published: the first agent or State of the clause that holds the publishing verb ("Brazil produced a
    booklet ...; Peru developed a manual ..."), else the sentence's or the section's actor."""
    text = ctx.text
    clause_start = max(sentence.start, text.rfind(";", sentence.start, at) + 1)
    clause = Sentence(text[clause_start:sentence.end], clause_start, sentence.end)
    for stretch in (clause, sentence):
        subject = ctx.subject(stretch)
        if subject is not None and subject.start < at:
            return [subject.entity]
    states = [m for m in ctx.within(clause_start, at, {"state"})
              if PUBLISH.match(text, m.end + 1) or re.match(r"\s+(?:also\s+)?" + PUBLISH.pattern, text[m.end:])]
    if states:
        return [states[0].entity]
    # the agent a section is about; never the body adopting a resolution, which publishes nothing it cites
    return [ctx.actor] if ctx.actor is not None else []


def _is_published(ctx: ParagraphContext, sentence: Sentence, t: Title) -> bool:
    """The title is what the sentence says was published: the verb comes before it ("UNODC published: the X
    and the Y"), or right after it ("the X was published", "the X, published in 2002")."""
    text = ctx.text
    return bool(PUBLISH.search(text, sentence.start, t.start)
                or re.match(r",?\s*(?:which|that)?\s*(?:was|were|has been|have been)?\s*(?:\w+ly\s+)?"
                            + PUBLISH.pattern, text[t.end:sentence.end]))


# the year of an edition named before the title: "the 2023 special report of the Global Assessment Report on ..."
EDITION_BEFORE = re.compile(rf"\b(?P<y>{YEAR})\s+(?:[a-z\-]+\s+)?(?:report|edition|issue|update)\s+of\s+(?:the\s+)?$")


# "the 2004 Guidelines to Reduce Sea Turtle Mortality ...", "the 2015 Addis Ababa Action Agenda": a past year before
# the name is the text's (a year after the citing document's is a target: "the 2030 Agenda" is a name)
YEAR_BEFORE = re.compile(rf"\bthe\s+(?P<y>{YEAR})\s+$")


def _year_before(ctx: ParagraphContext, start: int) -> str | None:
    m = YEAR_BEFORE.search(ctx.text, max(0, start - 12), start)
    meta = ctx.document.metadata
    dated = (meta.adoption_date or meta.date or "")[:4]
    return m["y"] if m and dated.isdigit() and m["y"] <= dated else None


def _year(ctx: ParagraphContext, sentence: Sentence, t: Title) -> str | None:
    text = ctx.text
    m = PUBLISHED_IN.match(text[t.end:])
    if m:
        return m["y"]
    _, imprint_year = _imprint(ctx, t)
    edition = EDITION_BEFORE.search(text, max(sentence.start, t.start - 40), t.start)
    if imprint_year or edition:
        return imprint_year or edition["y"]
    before = _year_before(ctx, t.start)
    if before:
        return before
    if _is_published(ctx, sentence, t):
        near = re.search(rf"\b(?:in|both in|since)\s+(?:\w+\s+)?(?P<y>{YEAR})\b", text[sentence.start:sentence.end])
        lead = leading_date(ctx, sentence)
        if lead:
            return lead[0][:4]
        if near:
            return near["y"]
    own = re.search(rf"\b(?P<y>{YEAR})$", t.title)
    return own["y"] if own else None


def publication_entity(t: Title) -> Entity:
    return Entity("publication", t.title, t.title, (t.cls,))


@rule("publications.issued", "issuance",
      "A publication named in the paragraph — an italic title (joined where the italics were broken, read on "
      "where cut at a block end), a quoted title after a publication word or a publishing verb, a title in "
      "capitals with a publication head word (Report, Toolkit, Handbook, Guide, Digest, Database, Model Law, "
      "Guidelines), or a described publication (issue briefs on X, guidelines for Y ... published) — with its "
      "publisher (the subject of 'published', 'published by X', the agent in the title) and year.")
def issued(ctx: ParagraphContext):
    if not ctx.paragraph.emphasis and not _may_name_publication(ctx.text):
        return
    adopted_spans = None
    for t in titles_in(ctx):
        if adopted_spans is None:
            low = ctx.text.lower()
            adopted_spans = [(s, e) for _, s, e in _adopted_titles(ctx)] if any(w in low for w in ADOPTED_CHEAP) else []
        if any(s <= t.start and t.end <= e + 2 for s, e in adopted_spans):  # (+2: a note number cut from the end)
            continue  # a part of a text's name publications.adopted reads ("the Lima Declaration of Guidelines on ...")
        sentence = _sentence_of(ctx, t.start)
        yield ctx.assertion("issuance", sentence, "publications.issued",
                            {"publication": [publication_entity(t)], "publisher": _publisher(ctx, sentence, t)},
                            {"year": _year(ctx, sentence, t)})


# --- texts adopted: named declarations, plans, agendas, memoranda, commitments, recommendations ----------------

# the instrument classes of the gazetteer that are texts a meeting or body adopts, not treaties States join
ADOPTED_CLASSES = {"Declaration", "PlanOfAction", "Agenda"}
# head words of such texts named in capitals ("Second Work Plan to Combat ...", "Domestic Workers Recommendation,
# 2011 (No. 201)", "the Algiers Memorandum on Good Practices", "the Sevilla Commitment")
ADOPTED_HEAD = re.compile(r"\b(?:Declaration|Plan\s+of\s+Action|Action\s+Plan|Work\s+Plan|Programme\s+of\s+Action|"
                          r"Platform\s+for\s+Action|Agenda|Memorandum|Commitments?|Recommendation|Consensus|Road\s?[Mm]ap)"
                          r"\b(?!\s+(?:item|No\.\s+\d|of\s+Understanding\s+between))")
ITS_TEXT = re.compile(r"\bthe\s+(?P<owner>(?:[A-Z][\w\-]*\s+){1,6}(?:[Pp]rocess|[Ii]nitiative|Conference|Summit|Forum|"
                      r"Meeting|Dialogue))\s+and\s+its\s+(?P<head>Declaration|Plan\s+of\s+Action|Action\s+Plan|"
                      r"Work\s+Plan|Programme\s+of\s+Action|Agenda|Memorandum|Commitments?)\b")
ILO_NUMBER = re.compile(rf"^,\s+(?P<y>{YEAR})\s+\(No\.\s*\d+\)")
# "..., adopted by the General Assembly", "the adoption of the ... by the General Assembly"
# (a body that endorses a text adopted elsewhere, "the Sevilla Commitment, endorsed by the General Assembly", did not
# issue it; a closing quote and "as" may stand between: "“Transforming our world: ...”, as adopted by the ...")
ADOPTED_BY = re.compile(r"^[”\"]?,?\s*(?:as\s+)?(?:(?:which|that)\s+(?:was|were|had\s+been|has\s+been)\s+)?(?:adopted|agreed)?\s*"
                        r"(?:(?:in|on|at)\s+[^,;]{3,40}?\s+)?by\s+(?:the\s+)?")
ADOPTION_BY_BEFORE = re.compile(r"\badoption\s+by\s+(?:the\s+)?(?P<agent>[^,;]{3,120}?)\s+of\s+(?:the\s+)?$")
ADOPTED_WHEN = re.compile(rf"^[”\"]?,?\s*(?:as\s+)?(?:(?:which|that)\s+(?:was|were)\s+)?(?P<verb>adopted|endorsed|signed|held)\b[^;]{{0,160}}?\b(?:on|in|from)\s+"
                          rf"(?P<date>(?:\d{{1,2}}(?:\s+(?:and|to|–|-)\s+\d{{1,2}})?\s+)?(?:{MONTH}\s+)?{YEAR})")
RESOLUTION_DATE = re.compile(rf"^[”\"]?,?\s*(?:as\s+)?(?:adopted\s+)?(?:by\s+(?:the\s+)?[A-Z][^,;]{{2,60}}?\s+)?(?:in|by)\s+(?:its\s+)?"
                             rf"resolutions?\s+\d{{1,4}}/\d{{1,4}}\s+of\s+\d{{1,2}}\s+{MONTH}\s+(?P<y>{YEAR})")
ADOPTED_CHEAP = ("declaration", "plan", "agenda", "memorandum", "commitment", "recommendation", "programme of action",
                 "platform for action", "consensus", "road")


def _adopted_titles(ctx: ParagraphContext) -> list[tuple[str, int, int]]:
    """Texts adopted, named: the gazetteer's declarations, plans and agendas (by their full names), and names in
    capitals around a head word ("Declaration of the High-level Dialogue on International Migration and
    Development", "Second Work Plan to Combat Trafficking in Persons in the Western Hemisphere 2015–2018")."""
    text = ctx.text
    out: list[tuple[str, int, int]] = []
    # by name, not by a short form resolved in context ("the Declaration" may be another declaration's)
    named = [m for m in ctx.within(0, len(text)) if not m.rule.startswith("coref")]
    # a resolution recalls the texts it builds on as its sources; a report names the same frameworks as what States
    # implement, not as texts it cites: there only names in capitals the gazetteer does not hold are read
    recalls = ctx.document.metadata.kind in ("resolution", "draft-resolution", "decision")
    # a name that goes on in capitals is another text's ("the New York Declaration on the Peaceful Settlement of ...")
    named = [m for m in named if not (m.entity.kind == "instrument"
                                      and re.match(r"\s+(?:on|of)\s+(?:the\s+)?[A-Z]", text[m.end:]))]
    for m in named if recalls else []:
        if m.entity.kind == "instrument" and ADOPTED_CLASSES & set(m.entity.classes):
            out.append((_official_name(m.entity), m.start, m.end))
    covered = [(m.start, m.end) for m in named if m.entity.kind in ("instrument", "organization", "initiative")]
    for h in ADOPTED_HEAD.finditer(text):
        if any(a <= h.start() < b for a, b in covered) or text.count("“", 0, h.start()) > text.count("”", 0, h.start()):
            continue
        start = cursor = h.start()
        right = None
        for w in reversed(list(re.finditer(r"[A-Za-zÀ-ÿ0-9][\w'’\-]*", text[max(0, h.start() - 100):h.start()]))):
            absolute = max(0, h.start() - 100) + w.start()
            if text[absolute + len(w.group(0)):cursor].strip() not in ("", ":") or \
                    text[absolute + len(w.group(0)):cursor].strip() == ":" and not w.group(0)[:1].isupper():
                break  # a colon only inside a name in capitals ("Securing Our Common Future: An Agenda for ...")
            cursor = absolute
            if any(a <= absolute < b for a, b in covered):
                owner = next((m for m in named if m.entity.kind == "organization" and m.start <= absolute < m.end
                              and not text[m.end:start].strip()), None)
                if owner is not None and start < h.start():
                    start = owner.start  # "the African Union Green Recovery Action Plan": the body's name is the text's
                break  # "the Khartoum process and its Declaration": the name before is another thing's
            tok = w.group(0)
            if lexicon().verb(tok) is not None:
                break  # the paragraph's opening verb: "Recalling the Sendai Declaration"
            if tok == "and" and right == "the":
                break  # "the Monterrey Consensus ... and the Doha Declaration": another name before
            right = tok
            if tok[:1].isupper() or tok[:1].isdigit():
                start = absolute
            elif tok.lower() not in ("on", "and", "for", "against", "in", "to", "the", "from") or start == h.start():
                # small words only inside a name ("Transition from the Informal to the Formal Economy ..."); "of"
                # ends it ("... to Review the Implementation of the Monterrey Consensus" is a conference's name)
                break
        while re.match(r"[a-z]+\s", text[start:h.start()]):
            start += text[start:h.start()].index(" ") + 1
        dated = re.match(rf"\d{{1,2}}\s+{MONTH}\s+{YEAR}\s+(?:on|in|for|and)\s+(?:the\s+)?", text[start:h.start()])
        if dated:
            start += dated.end()  # "resolution 79/323 of 25 August 2025 on the Sevilla Commitment": the date is the resolution's
        end = _title_end(ctx, h.end(), title_run_end(text, h.start()))  # not "... of the <agent>" that issued it
        # (a text, body or initiative the gazetteer names right after "and the" is another: "... and the Paris
        # Agreement", "... and the World Health Organization")
        end = _adopted_name_end(text, h.end(), end, frozenset(m.start for m in named))
        ilo = ILO_NUMBER.match(text[end:])
        if ilo:
            end += ilo.end()
        title = re.sub(r"(?:\s+(?:of|on|and|for|in|the|against|to))+$", "", text[start:end].strip(" ,:–"))
        title = BROKEN_RANGE.sub("", SUPERSCRIPTS.sub("", title).strip())
        title = re.sub(r"(?<=[–-])((?:19|20)\d\d)\d{1,3}$", r"\1", title)  # "2024–203420": a note number run in
        title = re.sub(r"(?<=[a-z])\d{1,3}$", "", title)  # "... Peoples3": a note number run in
        title = re.sub(rf"\s+in\s+{YEAR}$", "", title)  # "the anniversary of the Declaration ... in 2011"
        verb = re.search(r",\s+(?P<w>[A-Z][a-z]+)\b", title)
        if verb and lexicon().verb(verb["w"]) is not None:
            title = title[:verb.start()]  # "..., Recalling": the next paragraph's opening verb, run in
        if AGENT_WORDS & set(title[:title.find(h.group(0))].split()):
            continue
        if start == 0 and title.split()[0] in ("The",):
            title = title[4:]
        words = title.split()
        own = re.sub(r"\s+", " ", title.replace(re.sub(r"\s+", " ", h.group(0)), " ")).split()
        if len(words) < 2 or not any((w[:1].isupper() or w[:1].isdigit()) and w not in GENERIC_MODIFIERS for w in own):
            continue  # "the Declaration", "the Political Declaration", "the Programme of Action": back-references
        if lexicon().verb(title) is not None:
            continue  # a resolution's opening verb ("Recommendation" does not open one, "Welcoming ..." does)
        out.append((title, start, start + len(title)))
    for m in ITS_TEXT.finditer(text):
        # "the Khartoum process and its Declaration": the declaration of the process
        owner = re.sub(r"\s+", " ", m["owner"])
        out.append((f"{re.sub(r'[ ]+', ' ', m['head'])} of the {owner}", m.start("head"), m.end("head")))
    out.sort(key=lambda t: (t[1], -(t[2] - t[1])))
    kept: list[tuple[str, int, int]] = []
    for t in out:
        if not any(t[1] < k[2] and k[1] < t[2] for k in kept):
            kept.append(t)
    return kept


# a second text named after "and the" ("the Sendai Declaration and the Sendai Framework for ...")
SECOND_NAME = re.compile(r"\b(?:Declaration|Plan|Programme|Agenda|Framework|Convention|Protocol|Memorandum|Commitments?|Instruments?|"
                         r"Goals|Agreement|Treaty|Code|Dialogue|Decade|"
                         r"Recommendation|Consensus|Strategy|Charter|Compact|Principles|Guidelines|Rules|Partnership|Pact|Pathway|"
                         r"Modalities)\b")
# words that make no name of a head word ("the Political Declaration", "the Ministerial Declaration": back-references)
GENERIC_MODIFIERS = {"Political", "Ministerial", "Final", "Joint", "Global", "Regional", "National", "Outcome", "New",
                     "Action", "Work", "Plan", "Programme", "Platform", "Strategic", "Common", "Revised", "Draft", "The",
                     "This", "That", "Such", "Its", "Their", "Leaders’", "Leaders'", "Summit", "Conference", "Meeting"}
ADOPTED_INNER = {"of", "on", "for", "and", "or", "against", "to", "in", "the", "from", "at", "a", "an"}
# who a name in capitals belongs to when it is a post or an office, not a text ("Secretary General for Urban Agenda")
AGENT_WORDS = {"Secretary", "Minister", "Ministry", "Director", "Directorate", "Department", "Office", "Commissioner",
               "Rapporteur", "President", "Chair", "Committee", "Council", "Commission"}


def _adopted_name_end(text: str, head_end: int, end: int, named_at: frozenset[int] = frozenset()) -> int:
    """A name ends at a small word that belongs to the sentence ("the Programme of Action into the ...", "the Agenda
    by 2030") and before a second name ("the Sendai Declaration and the Sendai Framework ...")."""
    for w in re.finditer(r"[A-Za-zÀ-ÿ][\w'’\-]*", text[head_end:end]):
        word = w.group(0)
        if word == "by" and re.match(r"\s+[A-Z]", text[head_end + w.end():]):
            continue  # "... Kidnapping for Ransom by Terrorists"
        if word[:1].islower() and word not in ADOPTED_INNER:
            end = head_end + w.start()
            break
    dated = re.search(rf"\s+(?:in\s+(?:[A-Z][\w\-]*\s+){{1,3}})?(?:on|of|from)\s+\d{{1,2}}(?:\s*(?:to|and|–|-)\s*\d{{1,2}})?"
                      rf"\s+{MONTH}", text[head_end:end])
    if dated:
        # "the Declaration of Principles ... on 13 September 1993", "... in All Its Aspects in New York from 17 to 28
        # June 2024": the place and date are not the name's
        end = head_end + dated.start()
    for second in re.finditer(r",?\s+and\s+the\s+|,\s+the\s+", text[head_end:end]):
        # "the Programme of Action and the International Tracing Instrument" (a name's own "and the Implementation of
        # the Two-State Solution", "and the Issue of Impunity" holds no head word of a text)
        if SECOND_NAME.search(text, head_end + second.end(), end) or head_end + second.end() in named_at:
            end = head_end + second.start()
            break
    return len(text[:end].rstrip())


def _official_name(entity: Entity) -> str:
    """"United Nations Global Plan of Action to Combat Trafficking in Persons", not the short label."""
    entry = gazetteer().get(entity.kind, entity.key)
    return entry.names[0] if entry and entry.names else entity.label


def _adopter(ctx: ParagraphContext, sentence: Sentence, start: int, end: int, after: bool = True) -> list[Entity]:
    """Who adopted the text: "adopted by the General Assembly", "the adoption by the General Assembly of the ...",
    "the adoption of the ... by the General Assembly", a body named in the title ("... of the International Labour
    Organization"); never a guess. after=False: not the clause after the name (it is another text's)."""
    text = ctx.text
    by = ADOPTED_BY.match(text[end:sentence.end]) if after else None
    if by and "by" in by.group(0):
        at = end + by.end()
        agents = [m for m in ctx.agents(end, sentence.end) if at - 4 <= m.start <= at]
        if agents:
            return [agents[0].entity]
    before = ADOPTION_BY_BEFORE.search(text, max(sentence.start, start - 140), start)
    if before:
        agents = ctx.agents(before.start("agent") - 4, before.end("agent"))
        if agents:
            return [agents[0].entity]
    of = re.match(r",?\s+of\s+(?:the\s+)?", text[end:])
    if of:
        agents = [m for m in ctx.agents(end, end + of.end() + 90) if m.start in (end + of.end(), end + of.end() - 4)]
        if agents:
            return [agents[0].entity]
    return []


# what may stand between a name and the words that date it: a closing bracket or quote and a note number
AFTER_NAME = re.compile(r"^[)”\"]?[¹²³⁴⁵⁶⁷⁸⁹⁰]*")
# "the Declaration on Principles of International Law ..., of 1970"
OF_YEAR_AFTER = re.compile(rf"^,?\s+of\s+(?P<y>{YEAR})\b")


def _adopted_year(ctx: ParagraphContext, sentence: Sentence, title: str, end: int) -> str | None:
    text = ctx.text
    ilo = re.search(rf",\s+(?P<y>{YEAR})\s+\(No\.\s*\d+\)$", title)
    if ilo:
        return ilo["y"]
    end += AFTER_NAME.match(text[end:sentence.end]).end()
    rest = text[end:sentence.end]
    of_year = OF_YEAR_AFTER.match(rest)
    if of_year:
        return of_year["y"]
    m = RESOLUTION_DATE.match(rest) or ADOPTED_WHEN.match(rest)
    if m and m.groupdict().get("verb") == "held" and not HELD_IN_TITLE.search(title):
        # a text is not held: "the implementation of the 2030 Agenda, held on 11 May 2023", "... the Implementation
        # of the Monterrey Consensus, held in Doha" date the meeting whose name holds the text's, unless the text's
        # own name holds the meeting ("the Political Declaration of the High-level Meeting on ..., held on ...")
        return None
    if m:
        found = m["y"] if "y" in m.groupdict() and m.groupdict().get("y") else None
        if found:
            return found
        # "the Declaration of ... and the Universal Declaration on Cultural Diversity, adopted by ... in 1966 and 2001,
        # respectively": the last text named is dated by the last date
        respectively = RESPECTIVE_DATES.match(rest, m.end("date"))
        y = re.findall(YEAR, respectively.group(0))[-1:] if respectively else re.findall(YEAR, m["date"])[:1]
        return y[0] if y else None
    return None


# the dates after the first one of a clause that ends "respectively"
RESPECTIVE_DATES = re.compile(rf"(?:,?\s+(?:and\s+)?(?:in\s+|on\s+)?(?:\d{{1,2}}\s+)?(?:{MONTH}\s+)?{YEAR})+,?\s+respectively\b")


OF_YEAR = re.compile(rf"\s+of\s+(?P<y>{YEAR})$")
HELD_IN_TITLE = re.compile(r"\b(?:Meeting|Summit|Conference|Forum|Session|Dialogue|Congress|Symposium|Assembly)\b")
# a range of years broken after its dash at a line end ("the Decade 2024– 2034"): one range
BROKEN_RANGE = re.compile(r"(?<=\d[–-])\s+(?=\d)")

# a text attached to the one named after it: "the Additional Protocol to the Memorandum ..."
PART_OF = re.compile(r"\b(?:Protocols?|Amendments?|Annex(?:es)?|Addend(?:um|a)|Appendix|Supplement)\s+(?:to|of|amending)\s+"
                     r"(?:the\s+)?$")


def _adopted_title(title: str, start: int, end: int) -> Title:
    of_year = OF_YEAR.search(title)  # "the Mexico Declaration on ... Independence of 2007": its year
    return Title(title[:of_year.start()] if of_year else title, start, end, "Publication", "adopted")


def adopted_texts(ctx: ParagraphContext) -> list[tuple[Entity, int, int]]:
    """The texts adopted that the paragraph names (publications.adopted reads them), each as the publication node that
    rule makes and the span of its name: for the rule that says which meeting adopted them (events.adopted-at)."""
    low = ctx.text.lower()
    if not any(w in low for w in ADOPTED_CHEAP):
        return []
    return [(publication_entity(_adopted_title(title, start, end)), start, end)
            for title, start, end in _adopted_titles(ctx)]


@rule("publications.adopted", "issuance",
      "A text adopted, named: a declaration, plan of action, agenda the gazetteer knows, or a name in capitals with "
      "such a head word (Declaration, Plan of Action, Work Plan, Agenda, Memorandum, Commitment, Recommendation "
      "'..., 2011 (No. 201)'), with who adopted it ('adopted by the General Assembly', 'the adoption by the "
      "General Assembly of ...', '... of the International Labour Organization') and the year ('in its resolution "
      "64/293 of 30 July 2010', 'adopted in Khartoum on 16 October 2014', the year in an ILO title).")
@once_per_paragraph
def adopted(ctx: ParagraphContext):
    low = ctx.text.lower()
    if not any(w in low for w in ADOPTED_CHEAP):
        return
    for title, start, end in _adopted_titles(ctx):
        sentence = _sentence_of(ctx, start)
        of_year = OF_YEAR.search(title)  # "the Mexico Declaration on ... Independence of 2007": its year
        t = _adopted_title(title, start, end)
        title = t.title
        # "the Additional Protocol to the Memorandum ..., signed by ... on 5 March 2020": who signed and when is
        # the Protocol's, not the Memorandum's
        part_of = PART_OF.search(ctx.text, max(0, start - 40), start)
        # the body whose name opens the text's or stands right before it ("the African Union Green Recovery Action
        # Plan", "the World Trade Organization Doha Declaration on ...") issued it
        own = [m.entity for m in ctx.agents(max(sentence.start, start - 120), end) if m.entity.kind == "organization"
               and (m.start == start or m.end < start and not ctx.text[m.end:start].strip())]
        by_resolution, resolution_year = _adopting_resolution(ctx, sentence, start, end)
        # "the 2001 World Trade Organization Doha Declaration on ...": the year before the body that issued it
        own_year = next((_year_before(ctx, m.start) for m in ctx.agents(max(sentence.start, start - 120), start)
                         if own and m.entity == own[0] and m.end < start), None)
        after_year = _adopted_year(ctx, sentence, title, end)
        # the clause after the name adopted the resolution in whose subject the text is named, when it gives that
        # resolution's year: neither who nor when is the text's
        clause_of_cited = after_year is not None and after_year == _year_of_cited_subject(ctx, sentence, start)
        yield ctx.assertion("issuance", sentence, "publications.adopted",
                            {"publication": [publication_entity(t)],
                             "publisher": [] if part_of else _adopter(ctx, sentence, start, end, not clause_of_cited)
                             or own[:1] or by_resolution},
                            {"year": None if part_of and not ILO_NUMBER.search(title) else
                             of_year["y"] if of_year else (None if clause_of_cited else after_year)
                             or _year_before(ctx, start) or own_year or resolution_year})


# a text named in the subject of a resolution cited right before it, after other words: "resolution 8/9 of 20 December
# 2019 on strengthening asset recovery to support the 2030 Agenda for Sustainable Development, adopted by the Conference
# of the States Parties ... at its eighth session, held in Abu Dhabi from 16 to 20 December 2019" (the clause adopted
# the resolution); not the resolution's subject itself ("resolution 69/313 of 27 July 2015 on the Addis Ababa Action
# Agenda of ..., adopted by ...")
SUBJECT_OF_CITED = re.compile(rf"^(?:\s+of\s+\d{{1,2}}\s+{MONTH}\s+{YEAR})?\s+on\s+(?P<topic>[^,;]{{0,200}}?)\s*(?:\bthe\s*)?$")


def _year_of_cited_subject(ctx: ParagraphContext, sentence: Sentence, start: int) -> str | None:
    """The year of the resolution cited right before the text, when the text is named in its subject after other
    words; else None."""
    cited = ctx.within(sentence.start, start, {"resolution"})
    if not cited:
        return None
    m = SUBJECT_OF_CITED.match(ctx.text[cited[-1].end:start])
    if not m or not m["topic"].strip():
        return None
    return dict(cited[-1].entity.details).get("year")


# the resolution that adopted the text, named right before it: "its resolution 70/1 of 25 September 2015, entitled
# “Transforming our world: ...”", "its resolution 2625 (XXV) of 24 October 1970, in which it approved the Declaration"
ADOPTING_RESOLUTION = re.compile(rf"^(?:\s+of\s+\d{{1,2}}\s+{MONTH}\s+{YEAR})?,?\s+(?:(?:entitled|titled)\s+[“\"]?|"
                                 rf"(?:in|by)\s+which\s+(?:it|the\s+(?:General\s+)?Assembly)\s+(?:approved|adopted)\s+"
                                 rf"(?:the\s+)?)$")


# ... or right after it: "the United Nations Global Counter-Terrorism Strategy ..., as adopted in its resolution 60/288"
ADOPTED_IN_RESOLUTION = re.compile(r"^[”\"]?[¹²³⁴⁵⁶⁷⁸⁹⁰]*(?:,?\s+and\s+[^,;]{1,80}?)?,?\s+(?:as\s+)?adopted\s+"
                                   r"(?:by\s+the\s+General\s+Assembly\s+)?(?:in|by)\s+(?:its\s+)?resolution\s+$")


def _adopting_resolution(ctx: ParagraphContext, sentence: Sentence, start: int,
                         end: int | None = None) -> tuple[list[Entity], str | None]:
    """The body and year of the resolution that adopted the text named right after (or before) it, else nothing."""
    cited = ctx.within(sentence.start, start, {"resolution"})
    after = [m for m in ctx.within(end, sentence.end, {"resolution"})
             if ADOPTED_IN_RESOLUTION.match(ctx.text[end:m.start])][:1] if end is not None else []
    if after:
        cited = after
    elif not cited or not ADOPTING_RESOLUTION.match(ctx.text[cited[-1].end:start]):
        return [], None
    details = dict(cited[-1].entity.details)
    body = gazetteer().entity("organization", details["body"]) if details.get("body") else None
    return ([body] if body else []), details.get("year")


# --- reports cited by symbol --------------------------------------------------------------------------------------

SYMBOL_LIST = rf"{DOCUMENT_SYMBOL.pattern}(?:(?:,\s*(?:as\s+well\s+as\s+|and\s+)?|\s+and\s+)" \
              rf"{DOCUMENT_SYMBOL.pattern.replace('?P<symbol>', '?:')})*"
# "the Secretary-General’s reports S/2016/949, as well as S/2015/203 and S/2016/361"
POSSESSIVE_REPORTS = re.compile(r"(?P<agent>[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,6})[’']s?\s+(?:\w+\s+)?reports?\s+"
                                rf"\(?(?P<syms>{SYMBOL_LIST.replace('?P<symbol>', '?:')})")
# "the report of the Secretary-General (A/70/123)", "the reports of the Special Rapporteur (A/HRC/41/46, A/74/189)"
REPORTS_OF = re.compile(r"\breports?\s+of\s+(?:the\s+)?(?P<agent>[A-Z][^()]{2,120}?)\s*"
                        rf"\((?P<syms>{SYMBOL_LIST.replace('?P<symbol>', '?:')}(?:[;,]\s*{SYMBOL_LIST.replace('?P<symbol>', '?:')})*)\)")


# a report's date: "the report of the Secretary-General of 24 November 2010 (S/2010/604)", "..., dated 19 January 2015"
DATED = re.compile(rf"\b(?:of|dated)\s+\d{{1,2}}\s+{MONTH}\s+(?P<y>{YEAR})")
DATED_AFTER = re.compile(rf"\)?\s*,?\s*{DATED.pattern}\b")  # after the bracket: "(S/2023/677), dated 15 September 2023"
YEAR_SERIES = re.compile(r"(?:S|E)(?:/[A-Z]+\.\d+)?/(?P<y>(?:19|20)\d\d)/\d")


@rule("publications.report-symbol", "issuance",
      "Reports cited by their symbols with who wrote them: 'the Secretary-General’s reports S/2016/949, as well "
      "as S/2015/203 and S/2016/361', 'the report of the Secretary-General (A/70/123)': each symbol is a "
      "publication of that agent.")
@once_per_paragraph
def report_symbol(ctx: ParagraphContext):
    text = ctx.text
    if "report" not in text or "/" not in text:
        return
    for pattern in (POSSESSIVE_REPORTS, REPORTS_OF):
        for m in pattern.finditer(text):
            agents = [a for a in ctx.agents(m.start("agent") - 4, m.end("agent") + 1)]
            if not agents:
                continue
            sentence = _sentence_of(ctx, m.start())
            dated = DATED.search(m.group(0)) or DATED_AFTER.match(text, m.end())
            for sym in DOCUMENT_SYMBOL.finditer(m["syms"]):
                symbol = sym["symbol"].rstrip(".")
                if "/RES/" in symbol:
                    continue
                t = Title(symbol, m.start("syms") + sym.start(), m.start("syms") + sym.end(), "ResearchReport", "symbol")
                of_symbol = YEAR_SERIES.match(symbol)  # a report of the Council's or the Economic and Social Council's
                # series is numbered in the year it was issued: S/2023/677
                yield ctx.assertion("issuance", sentence, "publications.report-symbol",
                                    {"publication": [publication_entity(t)], "publisher": [agents[-1].entity]},
                                    {"year": dated["y"] if dated else of_symbol["y"] if of_symbol else None})



# --- sources cited in a note: “Title” (Publisher, 2023) ------------------------------------------------------------

CITED = re.compile(rf"[“\"](?P<t>[^”\"]{{8,200}})[”\"]\s*\((?P<pub>[A-Z][^(),;]{{1,80}}),\s*(?P<y>{YEAR})\)")


@rule("publications.cited", "issuance",
      "A source cited with its publisher and year in parentheses, as notes cite them: 'Robert Muggah, “Haiti’s "
      "criminal markets: mapping trends in firearms and drug trafficking” (UNODC, 2023)'.")
@once_per_paragraph
def cited(ctx: ParagraphContext):
    text = ctx.text
    if "(" not in text or not ("“" in text or '"' in text):
        return
    for m in CITED.finditer(text):
        sentence = _sentence_of(ctx, m.start())
        title = m["t"].strip().rstrip(",;")
        t = Title(title, m.start("t"), m.end("t"), publication_class(title), "quoted")
        publisher = [a.entity for a in ctx.agents(m.start("pub") - 4, m.end("pub") + 1)][:1]
        yield ctx.assertion("issuance", sentence, "publications.cited",
                            {"publication": [publication_entity(t)], "publisher": publisher}, {"year": m["y"]})


# --- the report a document is: "Report of the United Nations Office on Drugs and Crime pursuant to ..." ----------

OWN_REPORT = re.compile(r"^Report\s+of\s+the\s+(?P<agent>[A-Z].{3,200})$")


def _own_report_titles(document) -> list[tuple[str, Entity | None]]:
    """The title of the report a document is or transmits: its title, or a heading of its first sections (the
    annex a letter transmits), when it reads "Report of the <agent> ..."; with the agent the gazetteer knows."""
    candidates = [document.metadata.title or ""] + [s.heading for s in document.sections[:4] if s.level <= 2]
    out = []
    for heading in candidates:
        m = OWN_REPORT.match(heading.strip())
        if not m:
            continue
        # the longest name the title opens with: "United Nations Office on Drugs and Crime", not "United Nations"
        named = [(len(name), entry.entity) for entry in gazetteer().of_kind("organization") for name in entry.names
                 if m["agent"] == name or m["agent"].startswith(name + " ")]
        agent = max(named, key=lambda n: n[0])[1] if named else None
        out.append((heading.strip(), agent))
    return out[:1]


@rule("publications.own-report", "issuance",
      "The report a document is or transmits, titled in its header or in the heading of its annex ('Report of the "
      "United Nations Office on Drugs and Crime pursuant to paragraph 9 of Security Council resolution 2692 "
      "(2023)'): published by the agent the title names, in the year of the document.")
def own_report(ctx: ParagraphContext):
    first = next((p for p in ctx.document.paragraphs if p.kind != "header"), None)
    if first is not ctx.paragraph or ctx.document.metadata.kind == "resolution":
        return
    year = (ctx.document.metadata.date or "")[:4] or None
    for title, agent in _own_report_titles(ctx.document):
        t = Title(title, 0, 0, "ResearchReport", "header")
        yield ctx.assertion("issuance", title, "publications.own-report",
                            {"publication": [publication_entity(t)], "publisher": [agent] if agent else []},
                            {"year": year})


__all__ = ["Title", "titles_in", "title_run_end", "publication_class"]

