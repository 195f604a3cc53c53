"""Lineage: where a document comes from and what answers it; and the mandates a resolution gives.

A resolution's header names the text it was adopted from: "[without reference to a Main Committee
(A/80/L.2/Rev.1)]" names its draft, "[on the report of the Third Committee (A/77/464, para. 31)]" the Main
Committee's report that recommended it. An amendment's header names the draft it amends ("Russian Federation:*
amendment to draft resolution A/80/L.18"); a symbol ending in /Rev.1 revises the symbol without it. A report
says which resolution it answers ("The present report has been prepared pursuant to General Assembly resolution
72/195"); a resolution says which reports it takes note of ("Taking note of the report of the Secretary-General,¹"
with the report's symbol in footnote 1, or "(A/74/127)" in the text), and which earlier resolution of its own
series it recalls (the one "entitled" with its own title). Each becomes a LineageLink from one document to
another with the paragraph or header line as evidence; the relation is a property of the ontology
(tip:adoptedAs, tip:amends, ...), written as a shortcut triple beside the link.

A mandate is a request (read by the request rules) that asks for a report, a study or a meeting: it gets its
deliverable, its due session or year where the action states one ("at its seventy-fourth session", "in 2026")
and whether it recurs ("annually", "to continue to report"). What answers it is found across documents, in
the canned query mandate-followup.

These rules read whole documents (tipkg.extract.rules.document_rule): header lines are no paragraph rule's input,
and a mandate is read from the document's request assertions.
"""
from __future__ import annotations

import re

from tipkg.extract.context import ParagraphContext
from tipkg.extract.lexicon import lexicon
from tipkg.extract.rules import document_rule
from tipkg.extract.symbols import NUMBER, ONE_NUMBER, body_of_symbol, canonical, find_document_symbols, plausible
from tipkg.model import Assertion, Document, Entity, Mention, Paragraph

RESOLUTION_KINDS = {"resolution", "decision"}
REQUEST_STANCE_KINDS = {"resolution", "decision", "draft-resolution", "draft-decision"}

# --- header lines -------------------------------------------------------------------------------------------
# a bracketed line of a resolution's header and the relation it states, from the symbols it names to the resolution
HEADER_BRACKET = re.compile(r"\[(?P<inside>[^\[\]]{5,400})\]")
HEADER_LINKS = [
    (re.compile(r"\s*without\s+reference\s+to\s+a\s+Main\s+Committee\b", re.I), "adoptedAs"),
    (re.compile(r"\s*on\s+the\s+(?:report|recommendation)s?\s+of\s+the\b", re.I), "recommendsAdoptionOf"),
]
AMENDMENT = re.compile(r"\bamendments?\s+to\s+(?:the\s+)?(?:revised\s+)?draft\s+(?:resolution|decision)\s+", re.I)
REVISION = re.compile(r"^(?P<original>.+?)/Rev\.\s?\d+$", re.I)
# parts of a symbol that name no text of their own for lineage: an addendum lists sponsors, a corrigendum fixes
NOT_A_TEXT = re.compile(r"/(?:Add|Corr)\.\d+$", re.I)
MEETING_RECORD = re.compile(r"/(?:SR|PV)\.\d+", re.I)  # the record of a meeting ("an oral report"), not a report

# --- paragraphs ---------------------------------------------------------------------------------------------
ADVERBS = r"(?:(?:also|further|again|once again|and|furthermore|moreover)\s+)*"
# a resolution's words for the reports it has before it
TAKE_NOTE = re.compile(
    r"^" + ADVERBS + r"(?:(?:Taking|Takes|Took)\s+(?:\w+\s+){0,3}?note|Having\s+taken\s+note|(?:Welcoming|Welcomes)"
    r"|(?:Noting|Notes)\s+with\s+(?:appreciation|interest|satisfaction))\b"
    r"(?:\s+(?:with\s+)?(?:\w+\s+){0,2}?(?:of|also))?\s+(?:also\s+)?(?:the\s+)?(?:\w+[\s-]+){0,3}?reports?\b", re.I)
# the reports a resolution has before it ("Having considered the report of the Commission,¹"): considering is not
# taking note, but the footnote gives the symbol of the report a later paragraph takes note of by its name alone
# ("Takes note with appreciation of the report of the United Nations Commission on International Trade Law;")
CONSIDERED = re.compile(r"^" + ADVERBS + r"Having\s+(?:considered|examined|received)\s+(?:\w+\s+){0,3}?reports?\b", re.I)
REPORT_WORD = re.compile(r"\breports?\b", re.I)
NAME_FILLER = {"the", "of", "on", "and", "a", "an", "its", "his", "her", "their", "related", "also", "in", "to", "report",
               "reports", "with", "appreciation", "interest", "satisfaction"}
# the next clause of a preambular paragraph ("..., and welcoming the fact that ...") is no longer about the report
# (", and welcoming the fact that ...", ", recalling the report of ... (S/2015/716)")
NEXT_CLAUSE = re.compile(r";|,\s*(?:and\s*,?\s*)?(?:also\s+)?(?!including\b|concerning\b|containing\b|regarding\b|"
                         r"following\b|during\b|according\b)[a-z]+ing\b")
FOOTNOTE_MARK = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
FOLLOWING_MARK = re.compile(r"\s?,?\s?(?P<mark>[⁰¹²³⁴⁵⁶⁷⁸⁹]+)")  # a footnote mark right after a resolution number
SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
# a footnote that gives a document's symbol and little else: "A/78/164.", "See A/79/127 and A/79/127/Add.1."
FOOTNOTE_WORDS = {"see", "and", "also", "document", "documents", "annex", "sect", "chap", "para", "paras"}
OFFICIAL_RECORDS = re.compile(r"^Official Records of\b.*\((?P<symbol>[^()]+)\)\.?$")
# a report's words for the resolution it answers ("pursuant to", "in accordance with", "in response to")
PURSUANT = re.compile(
    r"\b(?:submitted|prepared|presented|issued|transmitted)\s+(?:\w+\s+){0,3}?(?:pursuant\s+to|in\s+accordance\s+with|"
    r"in\s+response\s+to|in\s+compliance\s+with|as\s+requested\s+(?:by|in)|at\s+the\s+request\s+of)\b", re.I)
SELF_REFERENCE = re.compile(r"\b(?:present|this)\s+(?:report|note|document)\b", re.I)
# paragraphs where a report states its mandate: the summary, the first numbered paragraphs, the title's footnote
MANDATE_PARAGRAPH_KINDS = {"summary", "numbered", "unnumbered", "footnote"}
MANDATE_WITHIN = 6  # numbered paragraphs from the start of the report
NUMBER_ENTITLED = re.compile(r"\b(?P<number>" + NUMBER + r")(?:\s+of\s+(?P<date>\d{1,2}\s+\w+\s+\d{4}))?,?\s+entitled\s+"
                             r"[“\"](?P<title>[^”\"]{5,400})[”\"]")

# --- mandates -----------------------------------------------------------------------------------------------
# what a request asks to be delivered, by the verb that heads the action or one of its coordinated infinitives
# ("to seek the views of Member States ... and to submit a report thereon"); a report named in passing ("mechanisms
# to report on violence", "bearing in mind the report on ...") is no deliverable
ASK_HEAD = re.compile(r"\b(?:and|or|then)\s+(?:also\s+|further\s+)?(?:to\s+)?|\bcontinu(?:e|ing)\s+to\s+")
DELIVERABLES = [
    # lower case: "for use in the Global Report on Trafficking in Persons" names a publication
    # "submit to the Council at its 2023 session, under a sub-item entitled “...”, a progress report": a long reach
    ("report", re.compile(r"(?:submit|present|transmit)\w*\b[^;]{0,300}?\breports?\b"
                          # a few words with no punctuation: not "provide stakeholder submissions, in view of the
                          # adoption of the outcome report"
                          r"|(?:prepar|issu|provid|includ)\w*(?:\s+[\w’'-]+){0,8}?\s+reports?\b"
                          r"|report(?:\s+(?:\w+\s+)?(?:to|on|back|annually|biennially|regularly|periodically|thereon|at|in|by"
                          r"|through|every|each|as)\b|\s*[,;.]|\s*$)")),
    ("study", re.compile(r"(?:conduct|undertak|prepar|carry|carri|submit|updat|commission)\w*\b(?:\W+\w+){0,8}?\W+"
                         r"(?:study|studies|survey|assessment|analysis|compilation)\b")),
    ("meeting", re.compile(r"(?:convene|convening|organiz|organis|hold|holding|host)\w*\b(?:\W+\w+){0,8}?\W+"
                           r"(?:meeting|conference|dialogue|panel|forum|consultations?|summit|workshop|debate)s?\b")),
]
# the session an ask is due at ("at its seventy-fourth session", "by its fifty-seventh session", "during the
# eighty-first session", "at the eightieth session of the General Assembly"), not a session a meeting was "held at";
# "the annual report" is one report, not a recurrence
DUE_SESSION = re.compile(r"\b(?:at|by|to|before|during)\s+(?:the\s+(?:main|first|second|resumed)\s+part\s+of\s+)?"
                         r"(?:its|the)\s+(?:resumed\s+)?(?P<ordinal>[a-z]+(?:-[a-z]+)?)\s+session\b", re.I)
OF_ASSEMBLY = re.compile(r"\s+of\s+the\s+(?:General\s+)?Assembly\b")
PAST_SESSION = re.compile(r"\b(?:held|adopted|convened|organi[sz]ed|took\s+place|launched|hosted)\s+$", re.I)
DUE_YEAR = re.compile(r"\b(?:by|in|before|during|no\s+later\s+than|not\s+later\s+than|at\s+its\s+(?:\w+\s+)?session\s+of)"
                      r"\s+(?:(?:the\s+end\s+of|\d{1,2}\s+[A-Z][a-z]+|\w+)\s+)?(?P<year>(?:19|20)\d\d)\b"
                      r"|\bat\s+its\s+(?P<session_year>(?:19|20)\d\d)\s+(?:\w+\s+)?session\b", re.I)
RECURRING = re.compile(r"\b(?:(?<!the\s)(?<!its\s)(?<!his\s)(?<!her\s)annual(?:ly)?|(?<!the\s)(?<!its\s)biennial(?:ly)?"
                       r"|every\s+(?:year|two\s+years|\w+\s+years)|each\s+year"
                       r"|at\s+each\s+(?:of\s+its\s+)?session|on\s+an?\s+(?:annual|biennial|regular)\s+basis|regularly"
                       r"|continue\s+to\s+(?:report|submit|provide|include|present)|periodically"
                       # "at its future sessions": every session from now on, not "at a future session" (one of them)
                       r"|at\s+(?:its|their|the)\s+(?:future|subsequent|forthcoming)\s+sessions)\b", re.I)
# the body named before "at its ... session" in the same clause ("to the Human Rights Council at its sixtieth session
# and the General Assembly at its eightieth session"): the last one named is the session's
CAPITAL = r"[A-Z][\w’'-]*"
BODY = re.compile(rf"(?:{CAPITAL}\s+(?:and\s+)?){{0,6}}?(?:Assembly|Commission|Council|Conference|Committee|Board|Forum)"
                  rf"(?:\s+(?:on|of|for|and|against|to)(?:\s+the)?(?:\s+{CAPITAL})+)*")
GENERAL_ASSEMBLY = re.compile(r"(?:General\s+)?Assembly")
GA_SESSION_ONE = 1946  # the General Assembly's first session opened in January 1946; session N opens in 1945 + N
UNITS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
         "ninth": 9}
TEENS = {"tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
         "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
TENS_ORDINAL = {"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70,
                "eightieth": 80, "ninetieth": 90}


def ordinal(word: str) -> int | None:
    """"seventy-fourth" -> 74, "eightieth" -> 80, "first" -> 1; None for anything else ("special", "next")."""
    word = word.lower()
    simple = UNITS.get(word) or TEENS.get(word) or TENS_ORDINAL.get(word)
    if simple:
        return simple
    tens, _, unit = word.partition("-")
    if tens in TENS and unit in UNITS:
        return TENS[tens] + UNITS[unit]
    return None


def document_entity(symbol: str) -> Entity:
    """A document named by its symbol, as mentions name it (one node with the document's own)."""
    return Entity("document", symbol, symbol, ("Document",))


def _link(ctx: ParagraphContext, evidence: str, rule: str, relation: str, source: Entity, target: Entity) -> Assertion:
    return ctx.assertion("lineage", evidence, rule, {"linkFrom": [source], "linkTo": [target]}, {"relation": relation})


def _context(document: Document, paragraph: Paragraph, mentions: list[Mention] = ()) -> ParagraphContext:
    return ParagraphContext(document, paragraph, [m for m in mentions if m.paragraph == paragraph.key])


def _texts(symbols: list[str]) -> list[str]:
    return [s for s in dict.fromkeys(symbols) if not NOT_A_TEXT.search(s) and "/RES/" not in s]


@document_rule("lineage.header", "lineage",
               "A resolution's header line '[without reference to a Main Committee (A/80/L.2/Rev.1)]' names the draft "
               "adopted as the resolution; '[on the report of the Third Committee (A/77/464, para. 31)]' the Main "
               "Committee's report that recommended its adoption.")
def header_links(document: Document, mentions: list[Mention], assertions: list[Assertion]):
    if document.metadata.kind not in RESOLUTION_KINDS or not document.metadata.symbol:
        return
    for p in document.paragraphs:
        if p.kind != "header":
            continue
        for bracket in HEADER_BRACKET.finditer(p.text):
            inside = bracket["inside"]
            for opening, relation in HEADER_LINKS:
                if not opening.match(inside):
                    continue
                ctx = _context(document, p)
                resolution = ctx.document_entity()
                for symbol in _texts([s for s, _, _ in find_document_symbols(inside)]):
                    yield _link(ctx, bracket.group(0), "lineage.header", relation, document_entity(symbol), resolution)
                    original = REVISION.match(symbol)
                    if original:
                        yield _link(ctx, bracket.group(0), "lineage.header", "revisionOf", document_entity(symbol),
                                    document_entity(original["original"]))


@document_rule("lineage.amendment", "lineage",
               "An amendment's header 'Brazil:* amendment to draft resolution A/80/L.22' names the draft it amends.")
def amendment_links(document: Document, mentions: list[Mention], assertions: list[Assertion]):
    for p in document.paragraphs:
        if p.kind != "header":
            continue
        for m in AMENDMENT.finditer(p.text):
            symbols = [s for s, start, _ in find_document_symbols(p.text[m.end():m.end() + 60]) if start == 0]
            if symbols and symbols[0] != document.metadata.symbol:
                ctx = _context(document, p)
                yield _link(ctx, p.text, "lineage.amendment", "amends", ctx.document_entity(),
                            document_entity(symbols[0]))
                return  # the first header line naming the draft is the amendment's own


@document_rule("lineage.revision", "lineage",
               "A document whose symbol ends in /Rev.1 (A/C.3/80/L.5/Rev.1) is a revision of the document without it.")
def revision_link(document: Document, mentions: list[Mention], assertions: list[Assertion]):
    symbol = document.metadata.symbol
    original = REVISION.match(symbol or "")
    if not original:
        return
    # the evidence is the line that prints the symbol; a symbol read from the file name is said to be so
    lines = [p for p in document.paragraphs if symbol.lower() in " ".join(p.text.split()).lower()]
    first = lines[0] if lines else (document.paragraphs[0] if document.paragraphs else None)
    if first is None:
        return
    evidence = first.text if lines else f"{symbol} (the document's symbol, read from its file name {document.path.name})"
    ctx = _context(document, first)
    yield _link(ctx, evidence, "lineage.revision", "revisionOf", ctx.document_entity(),
                document_entity(original["original"]))


def footnote_symbols(document: Document, marks: list[str]) -> list[str]:
    """The symbols of the footnotes these marks call, when a footnote gives a document's symbol and little else."""
    out: list[str] = []
    notes = {p.number or p.key[2:]: p for p in document.paragraphs if p.kind == "footnote"}
    for mark in marks:
        note = notes.get(mark.translate(SUPERSCRIPT))
        if note is None:
            continue
        text = note.text.strip()
        symbols = [s for s, _, _ in find_document_symbols(text)]
        if OFFICIAL_RECORDS.match(text):
            # every volume the footnote lists: "Official Records of the Economic and Social Council, 2011, Supplement
            # No. 11 (E/2011/31); ibid., 2012, Supplement No. 11 and corrigendum (E/2012/31 and E/2012/31/Corr.1); ..."
            out += [s for group in re.findall(r"\(([^()]+)\)", text) for s, _, _ in find_document_symbols(group)]
            continue
        rest = text
        for s in symbols:
            rest = rest.replace(s, " ")
        words = {w.lower() for w in re.findall(r"[A-Za-z]+", rest)} - {"add", "corr", "rev"}
        if symbols and words <= FOOTNOTE_WORDS:
            out += symbols
    return out


@document_rule("lineage.takes-note", "lineage",
               "A resolution paragraph 'Taking note of the report of the Secretary-General,¹' links the resolution "
               "to the report, by the symbol in the text or in the footnote the report's name calls, or else by the "
               "symbol a paragraph 'Having considered the report of the Commission,¹' gives for the report of that "
               "name (considering alone is no taking note); '... submitted pursuant to resolution 79/45' links the "
               "report to that resolution, in a paragraph of either kind.")
def takes_note(document: Document, mentions: list[Mention], assertions: list[Assertion]):
    if document.metadata.kind not in RESOLUTION_KINDS or not document.metadata.symbol:
        return
    considered = considered_reports(document)
    for p in document.paragraphs:
        if p.kind not in ("preambular", "operative"):
            continue
        taking = TAKE_NOTE.match(p.text)
        m = taking or CONSIDERED.match(p.text)
        if not m:
            continue
        end = NEXT_CLAUSE.search(p.text, m.end())
        clause = p.text[:end.start() if end else len(p.text)]
        symbols = [s for s, _, _ in find_document_symbols(clause)]
        symbols += footnote_symbols(document, FOOTNOTE_MARK.findall(clause))
        reports = [s for s in _texts(symbols) if not MEETING_RECORD.search(s)]
        if taking and not reports and not symbols:
            reports = _considered_by_name(considered, clause[m.end():], section_of(p.key))
        if not reports:
            continue
        ctx = _context(document, p, mentions)
        resolution = ctx.document_entity()
        # a report considered is not taken note of; what the paragraph says the report answers stands
        for symbol in reports if taking else []:
            yield _link(ctx, p.text, "lineage.takes-note", "takesNoteOf", resolution, document_entity(symbol))
        pursuant = PURSUANT.search(clause)
        if not pursuant:
            continue
        # "submitted pursuant to resolutions 71/205¹⁹ and 72/190,²⁰": each report's footnote follows its resolution
        paired = [(symbol, resolution) for resolution, mark in _numbers_with_marks(ctx, clause, pursuant.end())
                  for symbol in footnote_symbols(document, [mark])]
        if not paired:
            mandates = _resolutions_after(ctx, pursuant.end(), len(clause))
            # several reports and several resolutions with nothing to pair them: which answers which is not said
            if len(mandates) == 1 or len(reports) == 1:
                paired = [(symbol, mandate) for mandate in mandates for symbol in reports]
        for symbol, mandate in paired:
            yield _link(ctx, p.text, "lineage.takes-note", "submittedPursuantTo", document_entity(symbol), mandate)


def name_words(text: str) -> frozenset[str]:
    """The words that name a report ("of the Secretary-General on the final performance of ..."), fillers aside."""
    return frozenset(w for w in re.findall(r"[a-z][\w’'-]*", text.lower()) if w not in NAME_FILLER)


def section_of(key: str) -> str:
    """The section of a paragraph key: "h22" of "h22.OP1", "" of "OP1" (an omnibus resolution's parts each have
    their own preamble and operative paragraphs)."""
    return key.rpartition(".")[0]


def considered_reports(document: Document) -> list[tuple[str, frozenset[str], list[str]]]:
    """The reports a resolution says it has considered ("Having considered the report of the Secretary-General on
    ...¹ and the related report of the Advisory Committee ...,²"), each with the section of its paragraph, the words
    of its name (from "report" to the footnote mark or symbol that identifies it) and its symbols."""
    out = []
    for p in document.paragraphs:
        m = CONSIDERED.match(p.text) if p.kind == "preambular" else None
        if not m:
            continue
        end = NEXT_CLAUSE.search(p.text, m.end())
        clause = p.text[:end.start() if end else len(p.text)]
        anchors = [(mark.start(), mark.end(), footnote_symbols(document, [mark.group(0)]))
                   for mark in FOOTNOTE_MARK.finditer(clause)]
        anchors += [(start, stop, [symbol]) for symbol, start, stop in find_document_symbols(clause)]
        previous = 0
        for start, stop, symbols in sorted(anchors, key=lambda a: a[0]):
            named = REPORT_WORD.split(clause[previous:start])
            previous = stop
            reports = [s for s in _texts(symbols) if not MEETING_RECORD.search(s)]
            if reports and len(named) > 1:
                out.append((section_of(p.key), name_words(named[-1]), reports))
    return out


def _considered_by_name(considered: list[tuple[str, frozenset[str], list[str]]], name: str, section: str) -> list[str]:
    """The symbols of the one report considered in the same section that a report taken note of by name alone is:
    one name holds the other's words ("the report of the Commission" and "the report of the United Nations
    Commission on ...")."""
    words = name_words(name)
    found = [symbols for where, named, symbols in considered
             if where == section and (named <= words or words <= named)]
    return found[0] if len(found) == 1 else []


def _numbers_with_marks(ctx: ParagraphContext, clause: str, start: int) -> list[tuple[Entity, str]]:
    """The resolution numbers of a clause that a footnote mark follows, with the mark: the resolution as the mention
    finder read it, else as the resolution's own body numbers them (a list broken by marks is no list to it)."""
    found = {m.start: m.entity for m in ctx.mentions if m.entity.kind == "resolution"}
    own = ctx.document_entity()
    body = own.detail("body")
    out = []
    for m in ONE_NUMBER.finditer(clause, start):
        mark = FOLLOWING_MARK.match(clause, m.end())
        if not mark:
            continue
        entity = found.get(m.start())
        if entity is None and body and plausible(m.group(0), body):
            entity = _resolution(m.group(0), body)
        if entity is not None:
            out.append((entity, mark["mark"]))
    return out


def _resolutions_after(ctx: ParagraphContext, start: int, end: int) -> list[Entity]:
    """The resolutions cited right after a cue ("pursuant to General Assembly resolutions 72/195 and 73/1")."""
    cited = [m for m in ctx.mentions if m.entity.kind == "resolution" and start <= m.start < end]
    if not cited or not re.fullmatch(r"[\w\s’'-]{0,60}?resolutions?\s*", ctx.text[start:cited[0].start]):
        return []
    out = [cited[0].entity]
    for previous, m in zip(cited, cited[1:]):
        if not re.fullmatch(r"\s*(?:,|and|,\s*and)\s*", ctx.text[previous.end:m.start]):
            break
        out.append(m.entity)
    return out


@document_rule("lineage.pursuant", "lineage",
               "A report that says it was submitted or prepared pursuant to (in accordance with, in response to) "
               "a resolution, in its summary, its first paragraphs or its title's footnote, answers that resolution.")
def report_mandate(document: Document, mentions: list[Mention], assertions: list[Assertion]):
    if document.metadata.kind in REQUEST_STANCE_KINDS | {"amendment"}:
        return
    numbered = 0
    for p in document.paragraphs:
        if p.kind == "numbered":
            numbered += 1
            if numbered > MANDATE_WITHIN:
                continue
        if p.kind not in MANDATE_PARAGRAPH_KINDS:
            continue
        ctx = None
        for m in PURSUANT.finditer(p.text):
            # the report speaks of itself: "The present report is submitted pursuant to ..."
            sentence_start = max(p.text.rfind(". ", 0, m.start()) + 1, 0)
            if not SELF_REFERENCE.search(p.text, sentence_start, m.start()) and p.kind != "footnote":
                continue
            ctx = ctx or _context(document, p, mentions)
            sentence_end = p.text.find(". ", m.end())
            for mandate in _resolutions_after(ctx, m.end(), sentence_end if sentence_end > 0 else len(p.text)):
                yield _link(ctx, p.text[sentence_start:sentence_end + 1 if sentence_end > 0 else None].strip(),
                            "lineage.pursuant", "submittedPursuantTo", ctx.document_entity(), mandate)


@document_rule("lineage.series", "lineage",
               "A resolution that recalls an earlier resolution 'entitled “<its own title>”' continues that "
               "resolution's series.")
def series(document: Document, mentions: list[Mention], assertions: list[Assertion]):
    meta = document.metadata
    if meta.kind not in RESOLUTION_KINDS or not meta.title or not meta.symbol:
        return
    own, body = normal_title(meta.title), body_of_symbol(meta.symbol)
    for p in document.paragraphs:
        if p.kind not in ("preambular", "operative"):
            continue
        ctx = None
        # the number written right before "entitled" ("73/189 of 17 December 2018, entitled “...”"): read here, as a
        # list of resolutions each with its title is not one list of numbers for the mention finder
        for m in NUMBER_ENTITLED.finditer(p.text):
            if normal_title(m["title"]) != own or not body:
                continue
            for number, date in [*_listed_before(p.text, m.start("number")), (m["number"], m["date"])]:
                if not plausible(number, body):
                    continue
                earlier = _resolution(number, body, (date or "")[-4:])
                if earlier.detail("symbol") == meta.symbol:
                    continue
                ctx = ctx or _context(document, p, mentions)
                yield _link(ctx, p.text, "lineage.series", "continuesSeries", ctx.document_entity(), earlier)


# one number of a list that goes on to the number before "entitled": "73/244 of 20 December 2018, " or "74/237 of 19
# December 2019 and "
LISTED_BEFORE = re.compile(r"(?P<number>" + NUMBER + r")(?:\s+of\s+(?P<date>\d{1,2}\s+\w+\s+\d{4}))?(?:,\s+and\s+|,\s+|\s+and\s+)$")


def _listed_before(text: str, end: int) -> list[tuple[str, str | None]]:
    """The numbers of the list that ends at `end` with the number before "entitled" ("Recalling its resolutions
    73/244 of 20 December 2018, 74/237 of 19 December 2019 and 75/232 of 21 December 2020, entitled “...”": each
    has that title), first to last."""
    found = []
    while (m := LISTED_BEFORE.search(text, max(0, end - 80), end)) is not None and m.end() == end:
        found.append((m["number"], m["date"]))
        end = m.start()
    return found[::-1]


def _resolution(number: str, body: str, year: str = "") -> Entity:
    """A resolution of `body` by its number, named as the mention finder names cited resolutions."""
    written, symbol, own_year, key = canonical(number, body)
    details = tuple((k, v) for k, v in (("body", body), ("year", own_year or year), ("symbol", symbol)) if v)
    return Entity("resolution", key, written, ("Resolution",), details=details)


def normal_title(title: str) -> str:
    """A title compared across sessions: case, spacing, dashes and quotes aside."""
    title = re.sub(r"[‐‑‒–—-]", "-", title.lower())
    return " ".join(re.sub(r"[“”\"'’.,]", " ", title).split())


@document_rule("lineage.mandate", "mandate",
               "A request of a resolution whose action asks for a report, a study or a meeting is a mandate: with its "
               "due session ('at its seventy-fourth session') or year ('in 2026') where stated, and whether it "
               "recurs ('annually', 'to continue to report').")
def mandates(document: Document, mentions: list[Mention], assertions: list[Assertion]):
    meta = document.metadata
    if meta.kind in REQUEST_STANCE_KINDS - RESOLUTION_KINDS or meta.kind == "amendment":
        return  # a draft's asks are not yet anyone's mandate
    paragraphs = {p.key: p for p in document.paragraphs}
    lex = lexicon()
    for a in assertions:
        if a.kind != "request" or not a.values.get("addressee") or not a.roles.get("resolution"):
            continue
        reported = a.values.get("reported") == "true"  # a report telling what a resolution asked
        if reported != (meta.kind not in RESOLUTION_KINDS):
            continue
        verb = lex.verb(re.sub(ADVERBS, "", a.values.get("verbText", ""), flags=re.I))
        if verb is None or verb.stance != "request":  # "Notes the holding of ...", "Recalls": no ask
            continue
        action = a.values.get("action") or ""
        asked = deliverable_of(action)
        if asked is None or a.paragraph not in paragraphs:
            continue
        deliverable, head, end = asked
        values = {"deliverable": deliverable, "addressedTo": a.values.get("addressee"), "ask": action,
                  "verbText": a.values.get("verbText"), "paragraphNumber": a.values.get("paragraphNumber")}
        if reported:
            values["reported"] = "true"
        values.update(due(action[head:], a.roles["resolution"][0].key, end - head))
        recurring = recurrence(action, head, end)
        if recurring:
            values["recurrence"] = recurring
        ctx = _context(document, paragraphs[a.paragraph])
        roles = {"resolution": a.roles.get("resolution", []), "verb": a.roles.get("verb", [])}
        yield ctx.assertion("mandate", a.evidence, "lineage.mandate", roles, values, a.confidence)


def deliverable_of(action: str) -> tuple[str, int, int] | None:
    """What the action asks to be delivered, where its verb starts and where the deliverable's words end."""
    heads = [0] + [m.end() for m in ASK_HEAD.finditer(action)]
    for name, cue in DELIVERABLES:
        for head in heads:
            m = cue.match(action, head)
            if m:
                return name, head, m.end()
    return None


def recurrence(action: str, head: int, end: int) -> str | None:
    """The words that make an ask recur, said of its deliverable (from its verb at head to the deliverable's words
    ending at end, and a little after): "to continue to report annually", not "regularly monitored" elsewhere."""
    recurring = RECURRING.search(action, max(0, head - 20), end + 120)
    return recurring.group(0) if recurring else None


# deliverables asked before the one an ask is read for, each with its own session
OTHER_DELIVERABLE = re.compile(r"\b(?:update|briefing|presentation|statement)\b", re.I)


def due(action: str, symbol: str, after: int = 0) -> dict[str, str]:
    """When an action is due: the session as written, and its year when it is the General Assembly's session
    (a General Assembly resolution's "at its seventy-fourth session" -> 2019); else a year the action names.
    Of a General Assembly resolution's sessions, its own is preferred to another body's named beside it; another
    body's session is named with the body ("sixtieth session of the Human Rights Council"). `after`: where the
    deliverable's words end in the action."""
    out: dict[str, str] = {}
    sessions = [m for m in DUE_SESSION.finditer(action) if ordinal(m["ordinal"])
                and not PAST_SESSION.search(action[max(0, m.start() - 30):m.start()])]
    # after other deliverables, the session named after the deliverable's words is its own: "to present an oral update
    # ... at its forty-eighth session, and a written update at its forty-ninth session and a comprehensive report ... at
    # its fifty-first session" (a report due at the fifty-first); otherwise a session before them is the verb's ("to
    # submit to the General Assembly at its seventy-eighth session ... an action-oriented report")
    if OTHER_DELIVERABLE.search(action, 0, after):
        sessions = [m for m in sessions if m.start() >= after] or sessions
    bodies = [_session_body(action, m) for m in sessions]
    own_assembly = symbol.startswith("A/RES/")
    general_assembly = [body == "General Assembly" or body is None and own_assembly for body in bodies]
    chosen = general_assembly.index(True) if own_assembly and True in general_assembly else 0
    if sessions:
        session, body = sessions[chosen], bodies[chosen]
        out["dueSession"] = f"{session['ordinal'].lower()} session"
        if general_assembly[chosen]:
            out["due"] = str(GA_SESSION_ONE - 1 + ordinal(session["ordinal"]))
            return out
        if body:
            out["dueSession"] += f" of the {body}"
    year = DUE_YEAR.search(action)
    if year:
        out["due"] = year["year"] or year["session_year"]
    return out


def _session_body(action: str, session: re.Match) -> str | None:
    """The body whose session this is: "the General Assembly" after it ("at the eightieth session of the General
    Assembly"), else the last body named shortly before it in the same ask (none: the resolution's own organ)."""
    if OF_ASSEMBLY.match(action, session.end()):
        return "General Assembly"
    before = action[:session.start()]
    # a comma does not end the body's reach ("to the Conference of the Parties, for consideration at its eleventh
    # session"); a semicolon ends the ask
    named = [m for m in BODY.finditer(before, before.rfind(";") + 1) if len(before) - m.end() <= 60]
    if not named:
        return None
    body = " ".join(named[-1].group(0).split())
    return "General Assembly" if GENERAL_ASSEMBLY.fullmatch(body) else body
