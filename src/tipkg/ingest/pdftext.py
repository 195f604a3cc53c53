"""Turn text extracted from an official UN PDF into the normalized block text that the structure
parser reads: page furniture removed, one block per logical unit, footnotes gathered at the end.

The input is what PyMuPDF gives page by page (``page.get_text()`` joined with "\\n"): lines end with a
space, blank lines are " ", and the empty line "" is the seam between two pages. The output follows
the seeds' convention: blocks separated by one blank line, a paragraph's number on the same line as its
text ("1. Reaffirms ..."), inline footnote references as superscript digits ("Development¹ and"), and
footnotes as blocks "¹ text" (star footnotes "* text") after the body, in their numeric order.

Rules worth knowing (measured on the 1,155-file corpus, see tests/test_pdftext.py):

- Page seams. The running header (symbol, title, job number, page counter "2/56") is dropped. The page
  continues the paragraph of the page before unless that page ended with a blank line or two or more
  blank lines follow the header. The first page keeps its header lines (symbol, body, "Distr.:", date,
  "Original:", session, committee, agenda item and its title) as blocks of their own; the "United
  Nations" logo line, job numbers and barcodes are dropped wherever they are.
- Blocks. Blank lines separate blocks. A line "12." or "(a)" or "III." standing alone opens a block and
  takes the next line as its text. A line "12. Text" opens a block when 12 follows the last paragraph
  number or the line before ends a sentence, but not when the line before is a table cell ("278 735
  200"), so numbered table rows stay inside their table. "(a) Text", "Action 3. Text" and "B. Heading"
  open a block after a sentence end; a preambular opening ("Recalling", "Welcoming", ...) after a line
  ending with a comma opens one even where the document left out the blank line.
- Hyphenation. UN documents are set without automatic word division: every line-final hyphen in the
  corpus belongs to a real compound ("capacity-\nbuilding", "high-\nlevel", "Two-\nState"), so a line
  that ends with a hyphen after a letter or digit is joined *keeping* the hyphen and without a space.
  The only exception is the document's own evidence: when the joined word without the hyphen occurs
  elsewhere in the same document and the hyphenated spelling never does, the hyphen is dropped. A soft
  hyphen (U+00AD) at a line end is always dropped.
- Footnotes. A footnote area starts at a separator line of underscores (or, on page one of drafts, at
  trailing "* ..." notes printed without a separator). A line opens footnote n only when n is the
  number after the last footnote seen, so text that merely starts with a number continues a footnote;
  the first lines of a page's footnote area that open no footnote continue the last footnote of the
  previous page.
- Inline references. Only numbers that are footnotes of the document are converted, in reading order:
  a reference must be one of the next unreferenced footnote numbers (up to six ahead when glued to a
  word of two letters or more or to punctuation, "Development1", "Goals,2", "Agreement.3"; at most two
  ahead for the looser forms PyMuPDF also produces: set off by a space after punctuation or after a
  capitalized name, "Peoples, 3 there", "Saint Helena 2 and", opening the next line "\n1  and", glued
  to a year or a resolution number, "March 20082", "78/22127"). Symbols, decimals, counts, dates and
  lists are recognized and left alone ("Rev.1", "G20", "COVID-19", "0.7", "from 6 to 12 March",
  "paragraphs 4, 5 and 6").
"""
from __future__ import annotations

import re

__all__ = ["is_pdf_text", "normalize_pdf_text"]

_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_SUPERSCRIPT_CHARS = "⁰¹²³⁴⁵⁶⁷⁸⁹"

# --- page furniture -------------------------------------------------------------------------------
_PAGE_COUNTER = re.compile(r"\d{1,4}/\d{1,4}")
_JOB_NUMBER = re.compile(r"\d{2}-\d{5}\*{0,2}(?: ?\([A-Z]\))?(?:\s+\d{6})?")  # "23-20103 (E)    271023"
_BARCODE = re.compile(r"\*\d{5,9}\*")
_SEPARATOR = re.compile(r"_{10,}")
_HEADER_SCAN = 14  # the running header always ends within the first lines of a page

# --- footnotes ------------------------------------------------------------------------------------
_FOOTNOTE_NUMBERED = re.compile(r"(\d{1,3})(?:\s+(\S.*))?")
_FOOTNOTE_STAR = re.compile(r"(\*{1,3})\s*([^*\s].*)")

# --- first-page header lines that are blocks of their own ------------------------------------------
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_HEADER_LINE = re.compile(
    r"(?:[A-Z][A-Za-z]{0,6}(?:/[A-Za-z0-9.\-]+)+\*{0,2}"  # symbol: A/RES/78/2, A/C.1/80/L.1, A/RES/78/68*
    r"|General Assembly|Security Council|Economic and Social Council|Human Rights Council"
    r"|Distr\.:.*|Original:.*|\d{1,2} (?:" + _MONTHS + r") \d{4}"
    r"|[A-Z][\w\-]*(?: [\w\-]+){0,3} session"
    r"|(?:First|Second|Third|Fourth|Fifth|Sixth) Committee"
    r"|Arabic|Chinese|English|French|Russian|Spanish)"
)
_AGENDA_LINE = re.compile(r"(?:Agenda items?|Items?) \S.*")
_STRAY_DIGITS = re.compile(r"\d{1,2}")

# --- block starts ---------------------------------------------------------------------------------
_NUMBER_ALONE = re.compile(r"(\d{1,3})\.")
_NUMBER_TEXT = re.compile(r"(\d{1,3})\.\s+\S")
_ITEM_ALONE = re.compile(r"\((?:[a-z]{1,2}|[ivxlc]{1,6}|\d{1,2})\)")
_ITEM_TEXT = re.compile(r"\((?:[a-z]{1,2}|[ivxlc]{1,6})\)\s+\S")
_HEADING_ALONE = re.compile(r"(?:[IVXLC]{1,6}|[A-Z])\.?")  # "III.", "B.", and "II" or "B" of a part
# Words that open a preambular paragraph; after a line ending with a comma they start a new one even
# when the document forgot the blank line ("... solidarity, \nWelcoming the convening ...").
_PREAMBLE_OPENING = re.compile(
    r"(?:Recalling|Reaffirming|Noting|Welcoming|Recognizing|Stressing|Emphasizing|Expressing|Taking note"
    r"|Bearing in mind|Acknowledging|Underlining|Underscoring|Reiterating|Considering|Affirming|Having"
    r"|Encouraging|Highlighting|Commending|Appreciating|Determined|Mindful|Convinced|Concerned|Aware"
    r"|Deeply|Gravely|Seriously|Guided|Alarmed|Observing|Realizing|Believing|Desiring|Conscious"
    r"|Cognizant|Deploring|Condemning|Regretting)\b"
)
_TABLE_CELL = re.compile(r"[\d\s.,()%\u2013\u2014-]+")  # "278 735 200", "(1.5)"
_ACTION_TEXT = re.compile(r"Action \d{1,3}\.\s")
_HEADING_TEXT = re.compile(r"(?:[IVXLC]{1,6}|[A-Z])\.\s+[A-Z]")
_ANNEX_LINE = re.compile(r"Annex(?: [IVXLC]{1,5}| \d{1,2})?")
_DIVIDER = re.compile(r"\*(?:\s*\*){2,}")  # "* * *" between parts; it would read as a star footnote
_SENTENCE_END = ".;:!?"
_CLOSERS = "”’\"')]»" + _SUPERSCRIPT_CHARS

_SPACES = re.compile(r"[ \t\u00a0\f\v]+")

# --- inline footnote references -------------------------------------------------------------------
_DIGITS = re.compile(r"[0-9]+")
_GLUE_AFTER = frozenset(" \t\n,.;:)]”’\"")  # what may follow a reference
_SPACED_AFTER = frozenset(" \t\n,;")
_PUNCTUATION = frozenset(",.;:)]”’\"")
_QUOTES_AND_BRACKETS = frozenset("\"”’)]")
_WORD_BEFORE = re.compile(r"([^\W\d_]+)$")
_SYMBOL_BEFORE = re.compile(r"(?:\d{4}|\d/\d{1,4}|\d\))$")
_NEXT_WORD = re.compile(r"\s*([^\W\d_]+)")
# Abbreviations after which a glued number is part of a symbol or reference ("Rev.1", "L.1").
_ABBREVIATIONS = frozenset(
    "rev add corr amend res dec no nos para paras vol chap sect art arts p pp l sub supp ser misc inf crp wp"
    .split()
)
# Words after which a number set off by a space counts or numbers something else.
_NOT_BEFORE_SPACED_REFERENCE = _ABBREVIATIONS | frozenset(
    """resolution resolutions paragraph paragraphs article articles goal goals target targets
    decision decisions annex annexes chapter chapters section sections item items protocol rule rules
    principle principles part parts volume phase level session sessions page pages table tables figure
    step steps option options recommendation recommendations grade group groups appendix schedule tier
    category stage round line lines between under over aged about least most than some nearly almost
    around approximately only every each those these within after before from with into until since
    during through among total additional another first last next other plus minus""".split()
) | frozenset(_MONTHS.lower().split("|"))
# Words after a number that show it counts or dates something ("2015, 3 million", ", 5 December").
_COUNTED = frozenset(
    ("per million billion thousand percent years days hours weeks months " + _MONTHS.replace("|", " ")).lower().split()
)
# After a lowercase word, only these words may follow a reference set off by a space.
_AFTER_LOWERCASE_REFERENCE = frozenset(
    "and in as which the to for of is on with that adopted were was has have at by or including where".split()
)
# How far ahead of the next unreferenced footnote a reference may jump (past references that were
# missed): glued references are safe, references set off by a space are not.
_STRONG_WINDOW = 6
_WEAK_WINDOW = 2


def is_pdf_text(raw: str) -> bool:
    """Tell text extracted from a UN PDF (job numbers, barcodes, page counters, lines ending with a
    space) from the seeds' Markdown-like text. Looks at the first 20,000 characters only."""
    head = raw[:20000]
    lines = head.split("\n")
    furniture = 0
    trailing = 0
    content = 0
    for line in lines:
        stripped = line.strip()
        if not stripped:
            continue
        content += 1
        if line.endswith(" "):
            trailing += 1
        if _BARCODE.fullmatch(stripped) or _JOB_NUMBER.fullmatch(stripped):
            furniture += 2
        elif _PAGE_COUNTER.fullmatch(stripped):
            furniture += 1
    if furniture >= 2:
        return True
    return content >= 10 and trailing / content > 0.5 and furniture >= 1


def normalize_pdf_text(raw: str) -> str:
    """Normalize PDF-extracted text into blocks separated by blank lines, footnotes at the end."""
    pages = _split_pages(raw)
    body: list[str] = []  # "" marks a block break
    notes = _Footnotes()
    for index, page in enumerate(pages):
        lines = [line.strip() for line in page]
        if index == 0:
            lines = _strip_first_page_furniture(lines)
            starts_block = True
        else:
            lines, starts_block = _strip_running_header(lines)
        lines, note_lines = _split_footnote_area(lines)
        notes.add_page(note_lines)
        # A blank line that ends a page (kept in `lines`) also ends the block.
        if starts_block and body and body[-1]:
            body.append("")
        body.extend(lines)

    header_blocks, rest = _header_blocks(body)
    numbers = notes.numbers()
    if numbers:
        rest = _mark_references("\n".join(rest), numbers).split("\n")
    evidence = _HyphenEvidence(raw)
    blocks = header_blocks + _body_blocks(rest, evidence)
    blocks.extend(notes.blocks(evidence))
    return "\n\n".join(blocks) + "\n" if blocks else ""


# --- pages ----------------------------------------------------------------------------------------

def _split_pages(raw: str) -> list[list[str]]:
    """Pages are joined with "\\n" after a page text that ends with "\\n": the seam is an empty line
    (blank lines inside a page hold a space)."""
    pages: list[list[str]] = [[]]
    for line in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if line == "":
            if pages[-1]:
                pages.append([])
        else:
            pages[-1].append(line)
    if not pages[-1]:
        pages.pop()
    return pages


def _strip_first_page_furniture(lines: list[str]) -> list[str]:
    out: list[str] = []
    seen_content = False
    for line in lines:
        if not seen_content and line:
            seen_content = True
            if line == "United Nations":  # the logo line
                continue
        if _JOB_NUMBER.fullmatch(line) or _BARCODE.fullmatch(line):
            continue
        out.append(line)
    return out


def _strip_running_header(lines: list[str]) -> tuple[list[str], bool]:
    """Drop the header through its page counter and job number; tell whether the page starts a new
    block (two or more blank lines after the header) or continues the previous one."""
    counter = -1
    for i, line in enumerate(lines[:_HEADER_SCAN]):
        if _PAGE_COUNTER.fullmatch(line):
            counter = i
            break
    if counter < 0:
        return [line for line in lines if not (_JOB_NUMBER.fullmatch(line) or _BARCODE.fullmatch(line))], True
    end = counter
    for i in range(max(0, counter - 2), min(len(lines), counter + 3)):
        if _JOB_NUMBER.fullmatch(lines[i]) or _PAGE_COUNTER.fullmatch(lines[i]):
            end = max(end, i)
    rest = lines[end + 1:]
    blanks = 0
    while blanks < len(rest) and not rest[blanks]:
        blanks += 1
    rest = [line for line in rest[blanks:] if not (_JOB_NUMBER.fullmatch(line) or _BARCODE.fullmatch(line))]
    return rest, blanks >= 2


def _split_footnote_area(lines: list[str]) -> tuple[list[str], list[str]]:
    for i, line in enumerate(lines):
        if _SEPARATOR.fullmatch(line):
            return lines[:i], lines[i + 1:]
    # Page one of a draft: "* Any changes to the list of sponsors ..." with no separator line.
    end = len(lines)
    while end and not lines[end - 1]:
        end -= 1
    start = end
    i = end
    while i > 0:
        j = i
        while j > 0 and lines[j - 1]:
            j -= 1
        if j == 0 or not _FOOTNOTE_STAR.fullmatch(lines[j]) or lines[j].startswith("* *"):
            break
        start = j
        i = j
        while i > 0 and not lines[i - 1]:
            i -= 1
    if start < end:
        return lines[:start], lines[start:]
    return lines, []


class _Footnotes:
    """Footnotes in the order met, numbered ones opened only in sequence."""

    def __init__(self) -> None:
        self.stars: list[tuple[str, list[str]]] = []
        self.numbered: list[tuple[int, list[str]]] = []
        self._current: list[str] | None = None

    def add_page(self, lines: list[str]) -> None:
        for line in lines:
            if not line:
                continue
            last = self.numbered[-1][0] if self.numbered else 0
            match = _FOOTNOTE_NUMBERED.fullmatch(line)
            if match and (int(match.group(1)) == last + 1 or (not self.numbered and self._current is None)):
                body: list[str] = [match.group(2)] if match.group(2) else []
                self.numbered.append((int(match.group(1)), body))
                self._current = body
                continue
            star = _FOOTNOTE_STAR.fullmatch(line)
            if star and not _BARCODE.fullmatch(line):
                body = [star.group(2)]
                self.stars.append((star.group(1), body))
                self._current = body
                continue
            if self._current is None:
                self._current = []
                self.stars.append(("", self._current))
            self._current.append(line)

    def numbers(self) -> list[int]:
        return [number for number, _ in self.numbered]

    def blocks(self, evidence: "_HyphenEvidence") -> list[str]:
        out: list[str] = []
        for marker, lines in sorted(self.stars, key=lambda star: len(star[0])):
            text = _join_lines(lines, evidence)
            if text:
                out.append(f"{marker} {text}" if marker else text)
        for number, lines in sorted(self.numbered, key=lambda note: note[0]):
            text = _join_lines(lines, evidence)
            out.append(f"{str(number).translate(_SUPERSCRIPT)} {text}".rstrip())
        return out


# --- header and body blocks -----------------------------------------------------------------------

def _header_blocks(body: list[str]) -> tuple[list[str], list[str]]:
    """Split the first-page header into its lines (symbol, body, distribution, date, session, agenda
    item with its title); the header ends at the first line that is none of these."""
    blocks: list[str] = []
    i = 0
    while i < len(body):
        line = body[i]
        if not line or (not blocks and _STRAY_DIGITS.fullmatch(line)):
            i += 1
            continue
        if _AGENDA_LINE.fullmatch(line):
            blocks.append(_SPACES.sub(" ", line))
            i += 1
            title: list[str] = []
            while i < len(body) and body[i] and not _HEADER_LINE.fullmatch(body[i]):
                title.append(body[i])
                i += 1
            if title:
                blocks.append(_join_lines(title, None))
            continue
        if _HEADER_LINE.fullmatch(line):
            blocks.append(_SPACES.sub(" ", line))
            i += 1
            continue
        if _STRAY_DIGITS.fullmatch(line):
            i += 1
            continue
        break
    return blocks, body[i:]


def _ends_sentence(line: str) -> bool:
    stripped = line.rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in _SENTENCE_END


def _body_blocks(lines: list[str], evidence: "_HyphenEvidence") -> list[str]:
    blocks: list[str] = []
    current: list[str] = []
    last_number = 0  # of the latest numbered paragraph, the current block included

    def flush() -> None:
        if current:
            text = _join_lines(current, evidence)
            if text:
                blocks.append(text)
            current.clear()

    for line in lines:
        if not line or _DIVIDER.fullmatch(line):
            flush()
            continue
        number = _NUMBER_TEXT.match(line) or _NUMBER_ALONE.fullmatch(line)
        if _NUMBER_ALONE.fullmatch(line) or _ITEM_ALONE.fullmatch(line) or _HEADING_ALONE.fullmatch(line):
            flush()
        elif _ANNEX_LINE.fullmatch(line):
            flush()
            current.append(line)
            flush()
            continue
        elif len(current) == 1 and (
            _NUMBER_ALONE.fullmatch(current[0]) or _ITEM_ALONE.fullmatch(current[0])
            or _HEADING_ALONE.fullmatch(current[0])
        ):
            number = None  # the text of a number standing alone on its line
        elif current:
            if number:
                if _TABLE_CELL.fullmatch(current[-1]):
                    number = None  # a numbered row of a table: "2. General income \n32 815 100"
                elif int(number.group(1)) == last_number + 1 or _ends_sentence(current[-1]):
                    flush()
                else:
                    number = None  # "5. " inside a sentence
            elif (_ITEM_TEXT.match(line) or _ACTION_TEXT.match(line) or _HEADING_TEXT.match(line)) and _ends_sentence(
                current[-1]
            ):
                flush()
            elif _PREAMBLE_OPENING.match(line) and current[-1].rstrip(_CLOSERS)[-1:] in ",;":
                flush()
        if number:
            last_number = int(number.group(1))
        current.append(line)
    flush()
    return blocks


# --- joining lines --------------------------------------------------------------------------------

class _HyphenEvidence:
    """Answers whether the document spells a word split at a line-end hyphen without the hyphen."""

    def __init__(self, raw: str) -> None:
        self._raw = raw
        self._lower: str | None = None

    def drop_hyphen(self, before: str, after: str) -> bool:
        if not (before.isalpha() and after.isalpha() and after[:1].islower()):
            return False
        if self._lower is None:
            self._lower = self._raw.lower()
        joined = (before + after).lower()
        hyphenated = (before + "-" + after).lower()
        if joined not in self._lower or hyphenated in self._lower:
            return False
        return re.search(r"(?<![^\W\d_])" + re.escape(joined) + r"(?![^\W\d_])", self._lower) is not None


_LAST_WORD = re.compile(r"([^\W\d_]+)[-\u2011]$")
_FIRST_WORD = re.compile(r"[^\W\d_]+")


def _join_lines(lines: list[str], evidence: _HyphenEvidence | None) -> str:
    parts: list[str] = []
    previous = ""
    for line in lines:
        if not line:
            continue
        if not parts:
            parts.append(line)
        elif previous.endswith("\u00ad"):
            parts[-1] = parts[-1][:-1]
            parts.append(line)
        elif previous[-1:] in "-\u2011" and len(previous) >= 2 and previous[-2].isalnum() and line[:1].isalnum():
            if evidence is not None:
                before = _LAST_WORD.search(previous)
                after = _FIRST_WORD.match(line)
                if before and after and evidence.drop_hyphen(before.group(1), after.group(0)):
                    parts[-1] = parts[-1][:-1]
            parts.append(line)
        else:
            parts.append(" ")
            parts.append(line)
        previous = line
    return _SPACES.sub(" ", "".join(parts)).strip()


# --- inline footnote references -------------------------------------------------------------------

def _mark_references(text: str, numbers: list[int]) -> str:
    """Turn the digits of inline footnote references into superscripts, in one pass in reading order."""
    pending = sorted(set(numbers))
    position = 0  # index in `pending` of the next footnote whose reference is expected
    pieces: list[str] = []
    done = 0  # text[:done] is in `pieces`
    for match in _DIGITS.finditer(text):
        if position >= len(pending):
            break
        found = _reference_at(text, match.start(), match.end(), pending[position:position + _WEAK_WINDOW])
        if found is None:
            continue
        number, start, end, strong, after_mark = found
        window = _STRONG_WINDOW if strong else _WEAK_WINDOW
        upcoming = pending[position:position + window]
        if number not in upcoming or start < done:
            continue
        position += upcoming.index(number) + 1
        pieces.append(text[done:start])
        pieces.append(str(number).translate(_SUPERSCRIPT) + after_mark)
        done = end
    pieces.append(text[done:])
    return "".join(pieces)


def _reference_at(
    text: str, start: int, end: int, expected: list[int]
) -> tuple[int, int, int, bool, str] | None:
    """Read the digit run text[start:end] as a footnote reference if its surroundings allow it: the
    footnote number, the span to replace, whether the form is a strong (glued) one, and the text to
    put after the mark. None when it cannot be a reference."""
    length = end - start
    after = text[end] if end < len(text) else "\n"
    before = text[start - 1] if start else "\n"
    if length > 3:
        # "7 March 20082 and", "for 20223 and": a reference glued to a year.
        if 5 <= length <= 6 and text.startswith(("19", "20"), start) and after in _GLUE_AFTER and before == " ":
            if int(text[start + 4:end]) in expected:
                return int(text[start + 4:end]), start + 4, end, False, ""
        # "78/22127 and": a reference glued to a resolution number (at most three digits).
        if length <= 6 and start >= 2 and before == "/" and text[start - 2].isdigit() and after in _GLUE_AFTER:
            for size in (1, 2, 3):
                if length - size <= 3 and int(text[end - size:end]) in expected:
                    return int(text[end - size:end]), end - size, end, False, ""
        return None
    number = int(text[start:end])
    if before.isalpha():
        if start < 2 or not text[start - 2].isalpha():
            return None
        if after not in _GLUE_AFTER:
            # "the Paris Agreement4and its": glued on both sides, to a short function word.
            following = _FIRST_WORD.match(text, end)
            if not following or following.group(0) not in _AFTER_LOWERCASE_REFERENCE:
                return None
            return number, start, end, False, " "
        word = _WORD_BEFORE.search(text, max(0, start - 40), start)
        name = word.group(1) if word else ""
        if name.lower() in _ABBREVIATIONS or (name.isupper() and len(name) < 3):  # "G20", "G77"
            return None
        return number, start, end, True, ""
    if before in _PUNCTUATION:
        if after not in _GLUE_AFTER or start < 2:
            return None
        if not _glued_to_punctuation_ok(text, start - 1):
            return None
        return number, start, end, True, ""
    if before == "\n":
        # "Development\n1  and ...": the reference opens the next line, set off by two spaces.
        if not text.startswith("  ", end) or start < 2 or not text[start - 2].isalpha():
            return None
        return number, start - 1, end + 2, False, "\n"
    if before != " " or after not in _SPACED_AFTER:
        return None
    gap = start - 1
    if gap and text[gap - 1] == " ":
        gap -= 1
    if not gap:
        return None
    previous = text[gap - 1]
    following = _NEXT_WORD.match(text, end)
    next_word = following.group(1) if following and following.start(1) - end <= 2 else ""
    if next_word.lower() in _COUNTED:
        return None
    if previous in _PUNCTUATION and previous not in "]\"":
        # "Peoples, 3 there": set off after punctuation.
        if gap < 2:
            return None
        ahead = text[gap - 2]
        if ahead.isdigit():
            list_number = re.search(r"([0-9]+)$", text[max(0, gap - 5):gap - 1])
            if previous == "." or (list_number and int(list_number.group(1)) == number - 1):
                return None  # "paragraphs 4, 5 and 6"
        elif not (ahead.isalpha() or ahead in _QUOTES_AND_BRACKETS):
            return None
        return number, gap, end, False, ""
    if previous.isdigit() or previous == ")":
        # "Geneva Conventions of 12 August 1949 12 and", "resolutions 71/205 18 and"
        if _SYMBOL_BEFORE.search(text, max(0, gap - 12), gap):
            return number, gap, end, False, ""
        return None
    if not previous.isalpha():
        return None
    word = _WORD_BEFORE.search(text, max(0, gap - 40), gap)
    if word is None or len(word.group(1)) < 2 or word.group(1).lower() in _NOT_BEFORE_SPACED_REFERENCE:
        return None
    if not word.group(1)[0].isupper():
        # After a lowercase word only a short list of words may follow ("human rights 9 and").
        if len(word.group(1)) < 4 or next_word not in _AFTER_LOWERCASE_REFERENCE:
            return None
    return number, gap, end, False, ""


def _glued_to_punctuation_ok(text: str, punct: int) -> bool:
    """"Goals,2" and "Agreement.3" are references; "0.25", "Rev.1", "L.1" and "E.96.IV.13" are not."""
    mark = text[punct]
    ahead = text[punct - 1]
    if ahead.isdigit():
        # "no later than February 2025.14": a reference after a year that ends a sentence.
        return mark != "." or (
            punct >= 5 and text.startswith(("19", "20"), punct - 4) and not text[punct - 5].isalnum()
        )
    if not (ahead.isalpha() or ahead in _QUOTES_AND_BRACKETS):
        return False
    if mark != "." or not ahead.isalpha():
        return True
    word = _WORD_BEFORE.search(text, max(0, punct - 40), punct)
    return word is not None and len(word.group(1)) >= 3 and word.group(1).lower() not in _ABBREVIATIONS
