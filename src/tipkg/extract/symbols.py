"""Resolution and document symbols in every form UN texts write them.

General Assembly "72/195" (A/RES/72/195), Security Council "2388 (2017)" (S/RES/2388 (2017)), Economic and
Social Council "2006/27" (E/RES/2006/27), Conference of the Parties "10/3", Human Rights Council "44/4"
(A/HRC/RES/44/4), old-style "1514 (XV)" (A/RES/1514 (XV)), decisions and presidential statements (S/PRST/2015/25);
document symbols such as "CTOC/COP/WG.4/2021/2", "A/CONF.234/11", "S/2022/63". The adopting body is the one the
words around the number name; "its resolution" is the citing organ's own; when the words say nothing, the citing
organ's if the number can be its, else the one body whose numbers have that form ("2331 (2016)"); otherwise the
body is left empty, never guessed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# The symbol series of each body (ST/LIB/SER.B/5/Rev.5, the UN's guide to document symbols), by the word a text
# cites with: "resolution", "decision", "statement" (a presidential statement). A body outside this table keeps
# the number qualified by its key ("UNEA resolution 5/5"); a body the text does not let us tell, the bare words.
SERIES = {
    ("GA", "resolution"): "A/RES/", ("GA", "decision"): "A/DEC/",
    ("SC", "resolution"): "S/RES/", ("SC", "statement"): "S/PRST/",
    ("ECOSOC", "resolution"): "E/RES/", ("ECOSOC", "decision"): "E/DEC/",
    ("HRC", "resolution"): "A/HRC/RES/", ("HRC", "decision"): "A/HRC/DEC/",
    ("CHR", "resolution"): "E/CN.4/RES/",
    ("CCPCJ", "resolution"): "E/CN.15/RES/", ("CND", "resolution"): "E/CN.7/RES/", ("CSW", "resolution"): "E/CN.6/RES/",
    ("COP-UNTOC", "resolution"): "CTOC/COP/RES/",
}

# how each body numbers what it adopts. Session numbers: the General Assembly numbers session/number from its
# 31st session (1976) and "1514 (XV)" before; the Human Rights Council from 2006, about three sessions a year.
ROMAN = r"\((?:S-)?[IVXL]+\)"  # a session, regular or special: "(XV)", "(S-IV)"
OLD_STYLE = rf"\d{{1,4}}(?: [A-H])? {ROMAN}"  # "1514 (XV)", "2200 A (XXI)", "217 A (III)"
SESSION_NUMBER = r"\d{1,2}/\d{1,3}(?: [A-Z])?"  # "72/195", "54/237 C", "55/33 V"
NUMBER_FORMS = {
    ("GA", "resolution"): re.compile(rf"(?:E?S-\d{{1,2}}/\d{{1,3}}|{SESSION_NUMBER}|{OLD_STYLE})"),
    ("GA", "decision"): re.compile(rf"(?:E?S-\d{{1,2}}/\d{{1,3}}|{SESSION_NUMBER})"),
    ("SC", "resolution"): re.compile(r"\d{1,4}(?: \(\d{4}\))?"),
    ("SC", "statement"): re.compile(r"(?:19|20)\d\d/\d{1,3}"),
    ("ECOSOC", "resolution"): re.compile(rf"(?:19[4-9]\d|20\d\d)/\d{{1,3}}(?: [A-H])?|{OLD_STYLE}"),
    ("ECOSOC", "decision"): re.compile(r"(?:19[4-9]\d|20\d\d)/\d{1,3}(?: [A-H])?"),
    ("HRC", "resolution"): re.compile(r"(?:S-)?\d{1,2}/\d{1,3}"),
    ("HRC", "decision"): re.compile(r"(?:S-)?\d{1,2}/\d{1,3}"),
    ("CHR", "resolution"): re.compile(r"(?:19[4-9]\d|200[0-6])/\d{1,3}"),
}
OTHER_BODY_FORM = re.compile(r"\d{1,2}/\d{1,3}")  # commissions and conferences: session/number

# one number as texts write it: "72/195", "54/237 C", "ES-10/2", "2388 (2017)", "2006/27", "1514 (XV)"; a bare
# "1960" only where the body's numbers are plain (the Security Council's, checked in plausible())
NUMBER = (rf"(?:(?:E?S-)?\d{{1,4}}/\d{{1,4}}(?:\s[A-Z](?![\w/-]))?|\d{{3,4}}\s?\(\d{{4}}\)|\d{{1,4}}(?:\s[A-H])?\s?{ROMAN}|"
          r"\d{3,4}(?![\d/.,]\d|\s?\())")
DATE = r"\d{1,2}\s+[A-Z][a-z]+\s+\d{4}"
ITEM = rf"{NUMBER}(?:\s+of\s+{DATE})?[⁰¹²³⁴⁵⁶⁷⁸⁹]*"  # "61/180 of 20 December 2006", a footnote mark after
CITING_WORDS = {"resolution": "resolution", "decision": "decision", "presidential statement": "statement"}
CITING_WORD = r"(?P<word>[Rr]esolutions?|[Dd]ecisions?|[Pp]residential\s+[Ss]tatements?)"
RESOLUTION_LIST = re.compile(
    rf"\b{CITING_WORD}\s+(?P<list>{ITEM}(?:(?:,\s*|,?\s+and\s+|\s+and\s+){ITEM})*)")
# a list taken up again after a relative clause: "resolutions 2195 (2014) and 2253 (2015), which ..., as well as
# 2242 (2015), which ..."
LIST_GOES_ON = re.compile(rf",?\s+(?:as\s+well\s+as|and)\s+(?P<list>{ITEM}(?:(?:,\s*|,?\s+and\s+){ITEM})*)(?=[\s,;.)])")
FULL_SYMBOL = re.compile(
    r"\b(?P<symbol>(?:A|E|S|A/HRC)/(?:RES|DEC)/(?:(?:E?S-)?\d{1,4}/\d{1,4}(?:\s[A-Z]\b(?!/))?|\d{3,4}\s?\(\d{4}\)|"
    rf"\d{{1,4}}(?:\s[A-H])?\s?{ROMAN})|S/PRST/\d{{4}}/\d{{1,3}})")
ONE_NUMBER = re.compile(NUMBER)
ONE_ITEM = re.compile(rf"(?P<number>{NUMBER})(?:\s+of\s+{DATE})?")
DOCUMENT_SYMBOL = re.compile(
    r"(?<![\w/])(?P<symbol>(?:A|S|E|CTOC|UNODC|ST|HRC|CRC|CEDAW|CCPR|CAT|CERD|CMW|TD|UNEP|FCCC|ICCD|DP|"
    r"UNW|ICEF|IDB|SG|JIU|CCPCJ|UNCAC|CAC)(?:/[A-Z0-9][A-Za-z0-9.\-]*){1,6})(?![\w/])")
ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50}


@dataclass(frozen=True)
class ResolutionRef:
    """A resolution (or decision, or presidential statement) as a text cites it."""

    written: str  # "72/195", "2388 (2017)"
    symbol: str | None  # "A/RES/72/195"; None for a body without a symbol series, or one the text does not tell
    body: str | None  # gazetteer key of the adopting body: GA, SC, ECOSOC, HRC, COP-UNTOC, ...
    year: str | None  # year of adoption, when the symbol or the text gives it
    start: int  # offsets in the text searched
    end: int
    session: str | None = None  # the General Assembly session, from the number ("72" in 72/195, "15" in 1514 (XV))
    key: str = ""  # what names it in the graph: the symbol, else "UNEA resolution 5/5", "resolution 5/5"

    def __post_init__(self):
        if not self.key:
            object.__setattr__(self, "key", self.symbol or self.written)


@dataclass(frozen=True)
class NamedBody:
    """Where a text names an organization (from the gazetteer), and which."""

    start: int
    end: int
    key: str
    short_forms: tuple[str, ...] = ()  # "Council", "Assembly": how the body's own texts name it


SC_NUMBER = re.compile(r"(\d{3,4})\s?\((\d{4})\)")


def _roman(numeral: str) -> int:
    values = [ROMAN_VALUES[c] for c in numeral]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def body_of_symbol(symbol: str) -> str | None:
    """The adopting body a resolution symbol names: A/RES/ the General Assembly, S/RES/ the Security Council..."""
    for (body, _), prefix in sorted(SERIES.items(), key=lambda kv: -len(kv[1])):
        if symbol.startswith(prefix):
            return body
    return None


def session_of(number: str, body: str | None) -> int | None:
    """The session a number names: "72" of GA 72/195, 15 of GA 1514 (XV), 44 of HRC 44/4."""
    if body not in ("GA", "HRC"):
        return None
    old = re.search(r"\(([IVXL]+)\)$", number)
    if old:
        return _roman(old[1])
    m = re.match(r"(\d{1,2})/", number)
    return int(m[1]) if m else None


def plausible(number: str, body: str, word: str = "resolution", citing_year: int | None = None) -> bool:
    """Whether `body` can have adopted `number` by the citing year: the General Assembly numbers session/number
    from its 31st session (1976); the Human Rights Council met first in 2006, about three sessions a year; years
    written in the number are not after the citing year."""
    if not NUMBER_FORMS.get((body, word), OTHER_BODY_FORM).fullmatch(number):
        return False
    session = session_of(number, body)
    if body == "GA" and session is not None and "/" in number:
        if session < 31 or (citing_year and 1945 + session > citing_year):
            return False
    if body == "HRC" and session is not None and citing_year and 2006 + (session - 1) // 3 > citing_year:
        return False
    year = re.search(r"(?:^|\()((?:19|20|21)\d\d)(?:/|\))", number)
    if year and not 1946 <= int(year[1]) <= 2099:
        return False  # "resolution 2118 (2113)": a misprint, no year a body has adopted anything in
    # the Economic and Social Council's session of a year opens in July of the year before ("2026/2" of September 2025)
    if year and citing_year and int(year[1]) > citing_year + (1 if number.startswith(year[1] + "/") else 0):
        return False
    return True


# the date written after a number: "73/244 of 20 December 2018"
DATED_AFTER = re.compile(rf"\s+of\s+(?P<date>{DATE})")


def fits_date(number: str, body: str | None, year: int | None) -> bool:
    """Whether a number can be `body`'s if it was adopted in `year` (the date written after it): the General
    Assembly's session N sits in the years 1945+N and 1946+N, the Human Rights Council's about (N-1)/3 years after
    2006. "resolutions 56/1 of 10 July 2024" of the Council is no Assembly resolution of its fifty-sixth session,
    and "72/256 of 24 December 2107" no Assembly resolution of 2107 (a misprint)."""
    if year is None or body not in ("GA", "HRC") or "/" not in number:
        return True
    session = session_of(number, body)
    if session is None:
        return True
    if body == "GA":
        return 1945 + session <= year <= 1946 + session
    return abs(2006 + (session - 1) // 3 - year) <= 1


def canonical(number: str, body: str | None, word: str = "resolution") -> tuple[str, str | None, str | None, str]:
    """(written form, symbol, year, key) of a number adopted by `body` (None: a body the text does not let us
    tell). Only a body with a symbol series gives a symbol; the key names the citation in the graph either way."""
    number = re.sub(r"\s+", " ", number.strip())
    sc = SC_NUMBER.fullmatch(number)
    if sc:
        number = f"{sc[1]} ({sc[2]})"
    year = sc[2] if sc else None
    head = number.split("/")[0] if "/" in number else ""
    if head.isdigit() and 1946 <= int(head) <= 2099:  # ECOSOC, presidential statements: the year comes first
        year = head
    prefix = SERIES.get((body, word)) if body else None
    if prefix:
        return number, prefix + number, year, prefix + number
    return number, None, year, " ".join(p for p in (body, word, number) if p)


# what may stand between a body's name and the word that cites: nothing ("General Assembly resolution"), a
# possessive ("the Council’s resolution"), "in its" ("the Assembly, in its resolution", "the General Assembly at its
# sixth special session in its resolution", "the Council in its
# relevant resolutions", "the Economic and Social Council, in resolution") or the word itself, taken up again ("Security Council resolutions, in particular
# resolutions"). Anything else ("the Secretary-General on the implementation of resolution", "the Office under
# resolution", "the African Union, in particular resolutions") leaves the name out of it.
NAME_TO_WORD = re.compile(
    rf"(?:’s|'s)?\s*(?:,?\s*(?:at\s+its\s+(?:[a-z-]+\s+){{1,3}}(?:session|meeting),?\s+)?(?:in|by|through|under)\s+(?:its|their)"
    rf"(?:\s+[a-z]+){{0,2}}\s+|,?\s*(?:in|by)\s+|"
    rf"\s+(?:also\s+|subsequently\s+)?(?:adopted|approved)\s+(?:its\s+)?|"  # "the General Assembly adopted resolution"
    rf"\s+{CITING_WORD.replace('?P<word>', '')},?\s+(?:including|in\s+particular|notably|especially)\s+(?:its\s+)?)?")
# a capitalized word right before the citing word that is not a name: the first word of a sentence or a note
SENTENCE_START = re.compile(r"(?:^|[.;:(\[]\s*|\d\s+|\n\s*)$")


def _named_before(text: str, at: int, bodies: list[NamedBody], own: NamedBody | None,
                  short_forms: dict[str, tuple[str, ...]]) -> tuple[bool, tuple[str, ...]]:
    """(whether the words before the citing word name an adopting body, the bodies they can be): one for a name,
    those sharing a short form for "Council resolution 2331 (2016)", none for a name we do not know."""
    for body in reversed(bodies):  # the nearest body whose name only lower-case words part from the word
        if body.end <= at:
            if NAME_TO_WORD.fullmatch(text, body.end, at):
                return True, (body.key,)
            break
    # the capitalized name that ends right before the word ("United Nations Environment Assembly resolution");
    # "by Member States of resolution" names nobody as its adopter
    run = re.search(r"[A-Z][\w’'.-]*(?:\s+(?:(?:of|the|on|for|and)\s+)*[A-Z][\w’'.-]*)*\s+$", text[max(0, at - 120):at])
    if run is None:
        return False, ()
    start = at - len(run.group(0))
    words = run.group(0).split()
    if len(words) == 1 and SENTENCE_START.search(text[:start]):
        return False, ()  # "Recalling resolution 70/1", "See resolution 60/251": the first word, not a name
    phrase = " ".join(words).lower()
    if own is not None and phrase in {s.lower() for s in own.short_forms}:
        return True, (own.key,)  # "Council resolution 5/1" in the Council's own text
    shared = short_forms.get(phrase, ())  # "Council resolution" elsewhere; "Environment Assembly": unknown
    named_here = tuple(k for k in shared if any(b.key == k for b in bodies))
    return True, named_here or tuple(f"~{k}" for k in shared)  # ~: may be it, if its number's form says so


AFTER_NUMBER = re.compile(
    r"\s*(?:\([^)]*\))?(?:\s+of\s+\d{1,2}\s+\w+\s+\d{4})?,?\s*(?:(?:in which|by which|whereby)\s+|of\s+)?(?:the|its)\s+")


def _named_after(text: str, end: int, bodies: list[NamedBody], window: int = 200) -> str | None:
    """"In its resolution 72/195, the General Assembly ...", "resolution 10/3, ..., in which the Conference",
    "resolution 5/1 of the Human Rights Council"."""
    after = text[end:end + window]
    sentence_end = re.search(r"[.;](?:\s|$)", after)
    after = after[:sentence_end.start()] if sentence_end else after
    m = AFTER_NUMBER.match(after) or re.search(r",\s*in which\s+(?:the|its)\s+", after)
    if not m:
        return None
    at = end + m.end()
    for body in bodies:
        if body.start == at:
            return body.key
    return None


def _its(text: str, start: int) -> bool:
    return bool(re.search(r"\b(?:its|their)\s+$", text[max(0, start - 12):start]))


def _who_else(number: str, word: str, citing_year: int | None) -> str | None:
    """The one body whose numbers have this form, when only one has ("2331 (2016)", "Presidential Statement
    2015/25"), else None."""
    bodies = {b for (b, w) in SERIES if w == word and plausible(number, b, word, citing_year)}
    if OTHER_BODY_FORM.fullmatch(number):
        return None  # a plain session/number fits every commission, conference and assembly too: it tells nobody
    return bodies.pop() if len(bodies) == 1 else None


def find_resolutions(text: str, default_body: str | None = None, bodies: list[NamedBody] | None = None,
                     own_body: NamedBody | None = None, citing_year: int | None = None,
                     its_is_own: bool = False, short_forms: dict[str, tuple[str, ...]] | None = None
                     ) -> list[ResolutionRef]:
    """Every resolution, decision and presidential statement cited in a stretch of text, with its adopting body.

    The body is the one the words name ("Human Rights Council resolution 44/4", "the Council, in its resolution",
    "resolution 5/1 of the Human Rights Council"); "its resolution" with no name near is the body the text speaks
    for: `own_body` in a resolution's own text (`its_is_own`), else `default_body` (the caller's reading of the
    sentence). Unnamed, the number is `own_body`'s when it can be, else the one body whose numbers have its form
    ("2331 (2016)"); when the words name a body we do not know, or nothing tells, the body is left empty.
    `bodies` are the organizations the text names and `short_forms` the bodies each short form ("council") may
    be (both from the gazetteer); `citing_year` rules out numbers not yet adopted then (a Human Rights Council
    session that had not met).
    """
    bodies = sorted(bodies if bodies is not None else named_bodies(text), key=lambda b: b.start)
    short_forms = short_forms if short_forms is not None else body_short_forms()
    refs: list[ResolutionRef] = []
    for m in FULL_SYMBOL.finditer(text):
        symbol = re.sub(r"\s+", " ", m["symbol"])
        body = body_of_symbol(symbol)
        word = "statement" if "/PRST/" in symbol else "decision" if "/DEC/" in symbol else "resolution"
        number = symbol[len(SERIES[(body, word)]):]
        written, symbol, year, key = canonical(number, body, word)
        refs.append(ResolutionRef(written, symbol, body, year, m.start(), m.end(), _session(written, body), key))
    named_its: tuple[int, str] | None = None  # where a body was last named as the "its" of a citation, and which
    for m in RESOLUTION_LIST.finditer(text):
        word = _word(m["word"])
        named, candidates = _named_before(text, m.start(), bodies, own_body, short_forms)
        if named and len(candidates) == 1 and _its(text, m.start()):
            named_its = (m.end(), candidates[0])
        elif not named and _its(text, m.start()):
            its = own_body.key if (its_is_own and own_body) else default_body
            if named_its and not re.search(r"[.;](?:\s|$)", text[named_its[0]:m.start()]):
                # "adopted by the General Assembly ... in its resolution 3201 (S-VI) ..., set forth in its resolution
                # 3202 (S-VI)": the same sentence's "its" is still the body named for the first
                its = named_its[1]
            named, candidates = its is not None, (its,) if its else ()
        if not named:
            after = _named_after(text, m.end(), bodies)
            named, candidates = after is not None, (after,) if after else ()
        lists = [(m.start("list"), m["list"])]
        # the list goes on until the sentence ends or another citing word starts a list of its own
        stop = re.compile(rf"[.;](?:\s|$)|\b{CITING_WORD}").search(text, m.end())
        limit = stop.start() if stop else len(text)
        lists += [(later.start("list"), later["list"]) for later in LIST_GOES_ON.finditer(text, m.end(), limit)]
        for list_start, items in lists:
            for n in ONE_ITEM.finditer(items):
                start, end = list_start + n.start("number"), list_start + n.end("number")
                if any(r.start <= start < r.end for r in refs):
                    continue
                number = re.sub(r"\s+", " ", n["number"])
                if list_start != m.start("list") and (re.fullmatch(r"\d+", number) or not _same_shape(number, m["list"])):
                    continue  # "..., as well as 25 States": the list went on with numbers of its kind only
                dated = DATED_AFTER.match(text, end)
                dated_year = int(dated["date"][-4:]) if dated else None
                b = _body_of(number, word, candidates, named, own_body, citing_year, dated_year)
                if b is False:
                    continue
                written, symbol, year, key = canonical(number, b, word)
                if dated and not year and fits_date(number, b, dated_year):
                    year = dated["date"][-4:]
                refs.append(ResolutionRef(written, symbol, b, year, start, end, _session(written, b), key))
    return sorted(refs, key=lambda r: r.start)


def _word(written: str) -> str:
    written = re.sub(r"\s+", " ", written.lower()).rstrip("s")
    return CITING_WORDS.get(written, "resolution")


def _same_shape(number: str, first_list: str) -> bool:
    shape = re.sub(r"\d+", "9", re.sub(r"\s+", " ", number))
    return any(re.sub(r"\d+", "9", re.sub(r"\s+", " ", n.group(0))) == shape for n in ONE_NUMBER.finditer(first_list))


def _session(number: str, body: str | None) -> str | None:
    if body != "GA":
        return None
    session = session_of(number, body)
    return str(session) if session is not None else None


def _body_of(number: str, word: str, candidates: tuple[str, ...], named: bool, own: NamedBody | None,
             citing_year: int | None, dated_year: int | None = None) -> str | None | bool:
    """The adopting body of one number; None when it cannot be told; False when it is no citation at all. A body
    the words name keeps the number whatever its date says (a misprinted year is dropped instead); the body the
    text speaks for takes it only if the date fits its sessions."""
    bare = re.fullmatch(r"\d{1,4}", number) is not None  # "resolutions 1960 and 2106": only plain-numbered bodies
    if named and any(c.startswith("~") for c in candidates):  # a short form of bodies not named near
        other = _who_else(number, word, citing_year)
        return other if other is not None and f"~{other}" in candidates else (False if bare else None)
    if named:
        fitting = [b for b in candidates if plausible(number, b, word, citing_year)]
        if len(fitting) == 1:
            return fitting[0]
        other = _who_else(number, word, citing_year)  # a form only one body uses: "its resolution 1894 (2009)"
        if other is not None and not bare:
            return other
        return False if bare else None  # a body we do not know, or several: its number tells us nothing more
    if own is not None and plausible(number, own.key, word, citing_year) and fits_date(number, own.key, dated_year):
        return own.key
    other = _who_else(number, word, citing_year)
    if other is not None and not bare:
        return other
    return False if bare else None


def _default_index():
    from tipkg.extract.mentions import NameIndex
    from tipkg.reference import gazetteer
    return NameIndex(gazetteer())


_INDEX = []


def named_bodies(text: str) -> list[NamedBody]:
    """The organizations a text names, from the default gazetteer (for callers without their own mentions)."""
    from tipkg.extract.mentions import tokenize
    if not _INDEX:
        _INDEX.append(_default_index())
    out = []
    tokens = tokenize(text)
    for i, j, candidates in _INDEX[0].matches(tokens):
        named = [e for e, how in candidates if how != "short" and e.entity.kind == "organization"]
        if named and named[0].entity.key != "UN":
            out.append(NamedBody(tokens[i][1], tokens[j - 1][2], named[0].entity.key,
                                 tuple(re.sub(r"^the\s+", "", f) for f in named[0].short_forms)))
    return out


def body_short_forms(entries=None) -> dict[str, tuple[str, ...]]:
    """Each short form of a body that has a symbol series ("council") and the bodies it may be."""
    if entries is None:
        from tipkg.reference import gazetteer
        entries = gazetteer().of_kind("organization")
    series = {b for b, _ in SERIES}
    out: dict[str, list[str]] = {}
    for entry in entries:
        if entry.entity.key in series:
            for form in entry.short_forms:
                out.setdefault(re.sub(r"^the\s+", "", form).lower(), []).append(entry.entity.key)
    return {form: tuple(keys) for form, keys in out.items()}


def find_document_symbols(text: str) -> list[tuple[str, int, int]]:
    """Document symbols that are not resolution symbols: "CTOC/COP/WG.4/2021/2", "A/CONF.234/11"."""
    out = []
    for m in DOCUMENT_SYMBOL.finditer(text):
        symbol = m["symbol"].rstrip(".-")  # "A/77/69/Add.1-E/2022/..." joins two symbols with a dash
        if "/RES/" in symbol or "/DEC/" in symbol or "/PRST/" in symbol or symbol.count("/") < 1:
            continue
        if not re.search(r"\d", symbol):
            continue
        out.append((symbol, m.start(), m.start() + len(symbol)))
    return out
