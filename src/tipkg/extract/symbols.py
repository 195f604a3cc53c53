"""Resolution and document symbols in every form UN texts write them.

General Assembly "72/195" (A/RES/72/195), Security Council "2388 (2017)" (S/RES/2388 (2017)), Economic and
Social Council "2006/27" (E/RES/2006/27), Conference of the Parties "10/3", Human Rights Council "44/4"
(A/HRC/RES/44/4); document symbols such as "CTOC/COP/WG.4/2021/2", "A/CONF.234/11", "S/2022/63". The adopting
body is read from the words around the number; the form of the number decides when they say nothing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# the body a resolution number belongs to, by the words written before it ("General Assembly resolution 70/1")
BODY_WORDS = [
    (re.compile(r"General Assembly|the Assembly|Assembly"), "GA"),
    (re.compile(r"Security Council"), "SC"),
    (re.compile(r"Economic and Social Council"), "ECOSOC"),
    (re.compile(r"Human Rights Council"), "HRC"),
    (re.compile(r"Commission on Crime Prevention and Criminal Justice|Crime Commission"), "CCPCJ"),
    (re.compile(r"Commission on Narcotic Drugs"), "CND"),
    (re.compile(r"Commission on the Status of Women"), "CSW"),
    (re.compile(r"Conference of the Parties|the Conference|Conference"), "COP-UNTOC"),
]
SYMBOL_PREFIX = {"GA": "A/RES/", "SC": "S/RES/", "ECOSOC": "E/RES/", "HRC": "A/HRC/RES/",
                 "CCPCJ": "E/CN.15/RES/", "CND": "E/CN.7/RES/", "CSW": "E/CN.6/RES/", "COP-UNTOC": "CTOC/COP/RES/"}

# one resolution number: "72/195", "54/237 C", "2388 (2017)", "2006/27", "10/3", "217 A (III)"
NUMBER = r"(?:\d{1,4}/\d{1,4}(?:\s[A-H](?![\w-]))?|\d{3,4}\s?\(\d{4}\)|\d{1,3}\s[A-H]\s\([IVXL]+\))"
RESOLUTION_LIST = re.compile(
    rf"\b(?P<word>[Rr]esolutions?)\s+(?P<list>{NUMBER}(?:(?:,\s*|,?\s+and\s+|\s+and\s+){NUMBER})*)")
FULL_SYMBOL = re.compile(r"\b(?P<symbol>(?:A|E|S|A/HRC)/RES/(?:\d{1,4}/\d{1,4}(?:\s[A-H]\b)?|\d{3,4}\s?\(\d{4}\)))")
ONE_NUMBER = re.compile(NUMBER)
DOCUMENT_SYMBOL = re.compile(
    r"(?<![\w/])(?P<symbol>(?:A|S|E|CTOC|UNODC|ST|HRC|CRC|CEDAW|CCPR|CAT|CERD|CMW|TD|UNEP|FCCC|ICCD|DP|"
    r"UNW|ICEF|IDB|SG|JIU|CCPCJ|UNCAC|CAC)(?:/[A-Z0-9][A-Za-z0-9.\-]*){1,6})(?![\w/])")


@dataclass(frozen=True)
class ResolutionRef:
    """A resolution as a text cites it."""

    written: str  # "72/195", "2388 (2017)"
    symbol: str  # "A/RES/72/195"
    body: str | None  # gazetteer key of the adopting body: GA, SC, ECOSOC, HRC, COP-UNTOC, ...
    year: str | None  # year of adoption, when the symbol or the text gives it
    start: int  # offsets in the text searched
    end: int
    session: str | None = None  # the General Assembly session, from the symbol ("72" in 72/195)


SC_NUMBER = re.compile(r"(\d{3,4})\s?\((\d{4})\)")


def _default_body(number: str) -> str:
    if SC_NUMBER.fullmatch(number):
        return "SC"
    first = int(number.split("/")[0].split()[0]) if "/" in number else 0
    if first >= 1946:
        return "ECOSOC"
    return "GA"


# the forms of each body's resolution numbers: a General Assembly number is session/number, an Economic and
# Social Council one year/number, a Security Council one a plain number with its year
NUMBER_FORMS = {
    "GA": re.compile(r"\d{1,2}/\d{1,3}(?: [A-H])?|\d{1,4} [A-H] \([IVXL]+\)"),
    "SC": re.compile(r"\d{1,4}(?: \(\d{4}\))?"),
    "ECOSOC": re.compile(r"(?:19[4-9]\d|20\d\d)/\d{1,3}|\d{1,4} [A-H] \([IVXL]+\)"),
    "HRC": re.compile(r"(?:S-)?\d{1,2}/\d{1,3}"),
}
OTHER_BODY_FORM = re.compile(r"\d{1,2}/\d{1,3}")  # commissions and conferences: session/number


def body_of_symbol(symbol: str) -> str | None:
    """The adopting body a resolution symbol names: A/RES/ the General Assembly, S/RES/ the Security Council..."""
    for body, prefix in sorted(SYMBOL_PREFIX.items(), key=lambda kv: -len(kv[1])):
        if symbol.startswith(prefix):
            return body
    return None


def fits(number: str, body: str) -> bool:
    """Whether a number has the form of the body's resolutions: "53/199" cannot be an ECOSOC resolution."""
    number = re.sub(r"\s+", " ", number.strip())
    return bool(NUMBER_FORMS.get(body, OTHER_BODY_FORM).fullmatch(number))


def canonical(number: str, body: str | None) -> tuple[str, str, str | None]:
    """(written form, symbol, year) of a resolution number adopted by `body`."""
    number = re.sub(r"\s+", " ", number.strip())
    body = body or _default_body(number)
    sc = SC_NUMBER.fullmatch(number)
    if sc:
        return f"{sc[1]} ({sc[2]})", f"S/RES/{sc[1]} ({sc[2]})", sc[2]
    if body == "SC":  # a Council number written without its year
        return number, f"S/RES/{number}", None
    head = number.split("/")[0]
    year = head if head.isdigit() and int(head) >= 1946 else None  # ECOSOC: the year is the first part
    return number, SYMBOL_PREFIX.get(body, "") + number, year


DATED = re.compile(r"\s+of\s+(?P<date>\d{1,2}\s+[A-Z][a-z]+\s+\d{4})")


def body_before(text: str, start: int, window: int = 60) -> str | None:
    """The adopting body named just before a resolution number ("Security Council resolutions 2331 ...")."""
    before = text[max(0, start - window):start]
    best = None
    for pattern, key in BODY_WORDS:
        for m in pattern.finditer(before):
            if best is None or m.end() > best[0]:
                best = (m.end(), key)
    # only a body that is part of the same noun phrase: "General Assembly resolution", "Council in its resolution"
    if best and re.fullmatch(r"(?:’s|'s)?\s*(?:in\s+its\s+|its\s+|,\s*in\s+its\s+|adopted\s+|the\s+)?(?:\w+\s+){0,2}",
                             before[best[0]:]):
        return best[1]
    return None


AFTER_NUMBER = re.compile(
    r"\s*(?:\([^)]*\))?(?:\s+of\s+\d{1,2}\s+\w+\s+\d{4})?,?\s*(?:in which\s+|by which\s+)?(?:the|its)\s+")
IN_WHICH = re.compile(r",\s*in which\s+(?:the|its)\s+")


def body_after(text: str, end: int, window: int = 200) -> str | None:
    """"In its resolution 72/195, the General Assembly ...", "resolution 10/3, on ..., in which the Conference"."""
    after = text[end:end + window]
    sentence_end = re.search(r"[.;](?:\s|$)", after)
    after = after[:sentence_end.start()] if sentence_end else after
    m = AFTER_NUMBER.match(after) or IN_WHICH.search(after)
    if not m:
        return None
    rest = after[m.end():]
    for pattern, key in BODY_WORDS:
        if pattern.match(rest):
            return key
    return None


def find_resolutions(text: str, default_body: str | None = None) -> list[ResolutionRef]:
    """Every resolution cited in a stretch of text.

    `default_body` is the body the text speaks for when it says "its resolution" with no name near: the
    adopting body of the resolution or the subject of the sentence, decided by the caller.
    """
    refs: list[ResolutionRef] = []
    for m in FULL_SYMBOL.finditer(text):
        symbol = m["symbol"]
        prefix = symbol.split("/RES/")[0]
        body = {"A": "GA", "S": "SC", "E": "ECOSOC", "A/HRC": "HRC"}[prefix]
        written, symbol, year = canonical(symbol.split("/RES/")[1], body)
        refs.append(ResolutionRef(written, symbol, body, year, m.start(), m.end()))
    for m in RESOLUTION_LIST.finditer(text):
        list_start = m.start("list")
        body = body_before(text, m.start()) or _body_after_list(text, m.end()) or _its(text, m.start(), default_body)
        for n in ONE_NUMBER.finditer(m["list"]):
            start, end = list_start + n.start(), list_start + n.end()
            if any(r.start <= start < r.end for r in refs):
                continue
            number = n.group(0)
            if re.fullmatch(r"\d{3,4}", number):
                continue
            b = body or _default_body(number)
            if b == "GA" and SC_NUMBER.fullmatch(number):
                b = "SC"
            if not fits(number, b):  # the words named another body than the number's form allows
                b = _default_body(number)
                if not fits(number, b):
                    continue  # "resolution 7/2019" of some other organization: not a UN resolution
            written, symbol, year = canonical(number, b)
            dated = DATED.match(text, end)
            if dated and not year:
                year = dated["date"][-4:]
            session = number.split("/")[0] if b == "GA" and "/" in number else None
            refs.append(ResolutionRef(written, symbol, b, year, start, end, session))
    return sorted(refs, key=lambda r: r.start)


def _body_after_list(text: str, end: int) -> str | None:
    return body_after(text, end)


def _its(text: str, start: int, default_body: str | None) -> str | None:
    """"its resolution" refers back to the subject of the sentence; the caller knows it."""
    before = text[max(0, start - 12):start]
    return default_body if re.search(r"\bits\s*$", before) else None


def find_document_symbols(text: str) -> list[tuple[str, int, int]]:
    """Document symbols that are not resolution symbols: "CTOC/COP/WG.4/2021/2", "A/CONF.234/11"."""
    out = []
    for m in DOCUMENT_SYMBOL.finditer(text):
        symbol = m["symbol"].rstrip(".-")  # "A/77/69/Add.1-E/2022/..." joins two symbols with a dash
        if "/RES/" in symbol or symbol.count("/") < 1:
            continue
        if not re.search(r"\d", symbol):
            continue
        out.append((symbol, m.start(), m.start() + len(symbol)))
    return out
