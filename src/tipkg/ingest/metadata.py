"""What a document says about itself in its header: issuing organ, symbol, distribution date, session,
agenda item, title and kind; and the sidecar file (same stem, .yaml or .json) that completes or overrides it."""
from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import yaml

from tipkg.dates import DateError, find_dates, normalize_date, parse_date
from tipkg.model import DocumentMetadata, Paragraph
from tipkg.reference import series_of

SYMBOL = re.compile(r"^(?:[A-Z]{1,8}(?:\.\d+)?)(?:/[A-Za-z0-9.\-]+){1,7}(?:\s?\(\d{4}\))?\*?$")
DISTRIBUTION = re.compile(r"^Distr\.:?\s*(?P<dist>General|Limited|Restricted)\b\s*(?P<rest>.*)$", re.I)
SESSION_WORDS = re.compile(r"^(?:[A-Z][a-z]+(?:-[a-z]+)?|\d{4}|[A-Z][a-z]+ special|Resumed [a-z-]+) session\b")
SESSION = re.compile(SESSION_WORDS.pattern + r".*$")  # a line that opens with them
AGENDA = re.compile(r"^(?:(?:Provisional )?[Aa]genda item|Item)s?\s+\d+.*$")
# "Resolution adopted by the Human Rights Council on 16 July 2020" (the date may stand on the next line, or be
# missing); "Adopted by the Security Council at its 7847th meeting, on 20 December 2016"
# (where the front matter's lines were not kept apart, it ends a longer line or a "[on the report ...]" follows)
ADOPTED = re.compile(r"(?:^|\s)(?P<what>Resolution|Decision) adopted by the (?P<body>[A-Z][^,\[\]]+?)"
                     r"(?:,? (?:at its \d+\w* (?:plenary )?meeting,? )?on (?P<date>\d{1,2} \w+ \d{4}))?\.?"
                     r"(?=\s*\[|$)")
ADOPTED_AT_MEETING = re.compile(r"^Adopted by the (?P<body>[A-Z][^,]+?)(?: at its \d+\w* (?:plenary )?meeting)?"
                                r",? (?:held )?on(?: (?P<date>\d{1,2} \w+ \d{4}))?$")
# "72/235.	Human resources development"; the full stop is sometimes lost ("26/9 Elaboration of ...")
NUMBERED_TITLE = re.compile(r"^(?P<number>(?:(?:ES|S)-\d{1,2}/)?\d{1,4}/\d{1,4}(?:\s?[A-Z])?|(?:ES|S)-\d{1,2}/\d{1,3}|"
                            r"\d{1,4}(?:\s?[A-Z])?\s\((?:S-)?[IVXL]+\))"  # "920 (XXXIV).", an old-style number
                            r"(?:\.|(?=\s+[A-Z]))(?:\s+(?P<title>\S.*))?$")
# where the front matter's lines were not kept apart, one line holds several of its parts: split before each
FRONT_MATTER_PART = re.compile(r"(?<=\S) (?=(?:Resolution|Decision) adopted by the |Adopted by the |\[on the |\[without )")
CHAPEAU = re.compile(r"^The [A-Z][\w ,'’-]+,$")
# the Security Council's title line: "Resolution 2331 (2016)"
COUNCIL_NUMBER = re.compile(r"^Resolution (?P<number>\d{1,4}) \((?P<year>\d{4})\)$")
REPORT = re.compile(r"^(?P<kind>Report|Note|Letter|Statement|Decision|Draft resolution|Draft decision)\b.*"
                    r"\b(?:of|by|from|dated|submitted)\b", re.I)
DRAFT = re.compile(r":\*?\s*(?:revised\s+)?draft (?P<what>resolution|decision)\b|^Draft (?P<what2>resolution|decision)\b", re.I)
AMENDMENT = re.compile(r":\*?\s*amendments? to (?:revised\s+)?draft (?:resolution|decision)", re.I)
RESOLUTION_SYMBOL_PREFIX = {
    "General Assembly": "A/RES/", "Economic and Social Council": "E/RES/", "Security Council": "S/RES/",
    "Human Rights Council": "A/HRC/RES/",
}
FIELDS = {f.name for f in dataclasses.fields(DocumentMetadata)}


class MetadataError(ValueError):
    """A sidecar file that cannot be read or holds unknown fields."""


COMMITTEE = re.compile(r"^(?:(?:First|Second|Third|Fourth|Fifth|Sixth) Committee|.*\((?:First|Second|Third|Fourth|Fifth|Sixth) Committee\))$")


def infer_metadata(header: list[Paragraph], is_resolution: bool) -> DocumentMetadata:
    meta = DocumentMetadata(kind="resolution" if is_resolution else "document")
    lines = [part for p in header for part in FRONT_MATTER_PART.split(p.text.strip())]
    # the organ and symbol stand above "Distr.:"; a text without that block (a resolution as typed
    # paragraphs) names its organ in the adoption line, or on its first line
    before_distribution = any(DISTRIBUTION.match(line) for line in lines)
    if not before_distribution and lines:
        meta.issuing_body = _organ_of_first_line(lines[0])
        if meta.issuing_body and lines[0] != meta.issuing_body:  # "Human Rights Council Forty-first session 24 June..."
            session = SESSION_WORDS.match(lines[0][len(meta.issuing_body) + 1:])
            meta.session = session.group(0) if session else None
    title_candidates: list[str] = []
    previous = ""  # what the line before was: "agenda", "draft", or ""
    for i, line in enumerate(lines):
        bare = line.rstrip("*").strip()
        was, previous = previous, ""
        if SYMBOL.match(line) and meta.symbol is None and before_distribution:
            meta.symbol = bare
            continue
        m = DISTRIBUTION.match(line)
        if m:
            before_distribution = False
            meta.distribution = m["dist"].capitalize()
            rest = m["rest"] or (lines[i + 1] if i + 1 < len(lines) else "")
            try:
                meta.date = parse_date(rest)
            except DateError:
                pass
            continue
        if before_distribution:
            if bare and bare != "United Nations" and meta.issuing_body is None and not find_dates(bare):
                meta.issuing_body = bare
            continue
        if meta.date and _is_date_line(line, meta.date):
            continue
        if SESSION.match(line) and meta.session is None:
            meta.session = SESSION_WORDS.match(line).group(0)  # not the agenda item and title a joined line goes on with
            continue
        if COMMITTEE.match(line):
            continue
        if AGENDA.match(line) and meta.agenda_item is None:
            meta.agenda_item = bare
            previous = "agenda"
            continue
        if was == "agenda":  # the agenda item's title, not the document's
            continue
        m = ADOPTED.search(line) or ADOPTED_AT_MEETING.match(line)
        if m:
            meta.kind = m["what"].lower() if "what" in m.groupdict() else "resolution"
            if meta.issuing_body is None or meta.issuing_body.startswith("["):
                meta.issuing_body = m["body"].strip().rstrip("*")  # "Human Rights Council*": a footnote mark
            if m["date"]:
                try:
                    meta.adoption_date = parse_date(m["date"])
                except DateError:
                    pass
            elif i + 1 < len(lines) and _is_date_line(lines[i + 1], None):  # "... meeting, on" / "30 March 2016"
                meta.adoption_date = parse_date(lines[i + 1])
            continue
        m = NUMBERED_TITLE.match(line)
        if m and meta.resolution_number is None:
            # "72/262 C" -> "72/262C"; an old-style number keeps its one space: "1145 (XII)"
            meta.resolution_number = re.sub(r"\s*\(", " (", m["number"].replace(" ", ""))
            if m["title"]:
                meta.title = m["title"].strip()
            else:  # "21/7." on a line of its own: the title is the next line
                previous = "draft"
            if meta.kind == "document":
                meta.kind = "resolution"
            continue
        m = COUNCIL_NUMBER.match(line)
        if m and meta.resolution_number is None:
            meta.resolution_number = f"{m['number']} ({m['year']})"
            if meta.kind == "document":
                meta.kind = "resolution"
            continue
        if AMENDMENT.search(line):
            meta.kind = "amendment"
            previous = "draft"
            continue
        m = DRAFT.search(line)
        if m:
            meta.kind = f"draft-{(m['what'] or m['what2']).lower()}"
            previous = "draft"
            continue
        if was == "draft" and meta.title is None:  # the title follows the sponsors' line
            meta.title = line
            continue
        m = REPORT.match(line)
        if m and len(line) < 160:
            if meta.kind == "document":
                word = m["kind"].lower()
                meta.kind = {"draft resolution": "draft-resolution", "draft decision": "draft-decision"}.get(word, word)
                if title_candidates and meta.title is None:
                    meta.title = title_candidates[-1]
            continue
        if CHAPEAU.match(line):  # "The Security Council," opens the text; no title of the header
            continue
        if line.startswith("[") or line.startswith("Original:") or line.startswith("Vienna,") and find_dates(line):
            continue
        title_candidates.append(line)
    if meta.title is None and title_candidates:
        meta.title = title_candidates[-1] if meta.kind.startswith("draft") else max(title_candidates, key=len)
    if meta.symbol is None and meta.resolution_number and meta.issuing_body in RESOLUTION_SYMBOL_PREFIX:
        meta.symbol = RESOLUTION_SYMBOL_PREFIX[meta.issuing_body] + meta.resolution_number
    if meta.date is None and meta.adoption_date:
        meta.date = meta.adoption_date  # no distribution date printed: the document is dated by its adoption
    if meta.symbol and "/L." in meta.symbol and meta.kind in ("document", "resolution"):
        meta.kind = "draft-resolution"
    return meta


# The file names the UN gives its documents are their symbols with "/" written "_" (A_RES_72_195.txt,
# S_PRST_2013_10.txt): read one only when the text names no symbol, and only in a series of the gazetteer.
FILE_SYMBOL = re.compile(r"^[A-Z]{1,8}(?:\.\d+)?(?:/[A-Za-z0-9.\-]+){1,6}$")
COUNCIL_FILE = re.compile(r"^S/RES/(?P<number>\d{1,4})/(?P<year>\d{4})$")
OLD_STYLE_FILE = re.compile(r"^(?P<series>A|E)/RES/(?P<number>\d{1,4}(?:/[A-H])?)/(?P<session>[IVXL]+|ES-\d+|S-\d+)$")


LETTERED_PART_FILE = re.compile(r"^(?P<symbol>[A-Z]/RES/\d+/\d+)/(?P<part>[A-Z])$")
# several parts in one file ("A_RES_77_128_A-B"): the resolution as a whole
PARTS_FILE = re.compile(r"^(?P<symbol>[A-Z]/RES/\d+/\d+)/[A-Z]-[A-Z]$")


def symbol_from_file_name(stem: str) -> str | None:
    """"S_PRST_2013_10" -> "S/PRST/2013/10", "S_RES_2277_2016" -> "S/RES/2277 (2016)", "A_RES_423_V" ->
    "A/RES/423 (V)", "A_RES_72_262_C" -> "A/RES/72/262 C", "A_RES_77_128_A-B" -> "A/RES/77/128"; None for a name that is not a UN symbol ("001_report", "notes")."""
    symbol = stem.replace("_", "/")
    if not FILE_SYMBOL.match(symbol) or series_of(symbol) is None:
        return None
    if m := COUNCIL_FILE.match(symbol):
        return f"S/RES/{m['number']} ({m['year']})"
    if m := OLD_STYLE_FILE.match(symbol):
        return f"{m['series']}/RES/{m['number'].replace('/', ' ')} ({m['session']})"
    if m := LETTERED_PART_FILE.match(symbol):  # "A_RES_72_262_C": part C of resolution 72/262, "A/RES/72/262 C"
        return f"{m['symbol']} {m['part']}"
    if m := PARTS_FILE.match(symbol):  # "A_RES_77_128_A-B": parts A and B of resolution 77/128, "A/RES/77/128"
        return m["symbol"]
    return symbol


def _organ_of_first_line(line: str) -> str | None:
    """The organ a first line names ("Human Rights Council", or "Human Rights Council Twenty-first session
    Agenda item 3 ..." where the front matter's lines were not apart), never a title, adoption line or date."""
    for organ in RESOLUTION_SYMBOL_PREFIX:  # older texts write the organ in capitals
        if line.casefold() == organ.casefold() or (line.casefold().startswith(organ.casefold() + " ")
                                                   and SESSION.match(line[len(organ) + 1:])):
            return organ
    return line if _is_organ_line(line) else None


def _is_organ_line(line: str) -> bool:
    return (len(line) < 80 and " " in line and not find_dates(line) and not ADOPTED.match(line) and not line.startswith("[")
             and not COUNCIL_NUMBER.match(line) and not NUMBERED_TITLE.match(line) and not SYMBOL.match(line)
             and re.fullmatch(r"(?:[A-Z][\w'’-]*|of|and|the|on|for|to|in)(?: (?:[A-Z][\w'’-]*|of|and|the|on|for|to|in))*", line) is not None)


def _is_date_line(line: str, date: str | None) -> bool:
    """A line that is only a date (the given one, or any date when None)."""
    try:
        found = parse_date(line)  # DateError when the line holds none
        return len(line) < 25 and (date is None or found == date)
    except DateError:
        return False


def read_sidecar(document_path: Path) -> tuple[Path | None, dict]:
    """The sidecar of a document: same stem, .yaml/.yml or .json. Unknown fields are an error."""
    for suffix in (".yaml", ".yml", ".json"):
        sidecar = document_path.with_suffix(suffix)
        if sidecar.exists():
            return sidecar, _load_sidecar(sidecar)
    return None, {}


def _load_sidecar(path: Path) -> dict:
    try:
        text = path.read_text(encoding="utf-8")
        data = json.loads(text) if path.suffix == ".json" else yaml.safe_load(text)
    except UnicodeDecodeError as e:
        raise MetadataError(f"{path.name}: not UTF-8 text ({e.reason} at byte {e.start})") from None
    except json.JSONDecodeError as e:
        raise MetadataError(f"{path.name}, line {e.lineno}: not valid JSON: {e.msg}") from None
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f", line {mark.line + 1}" if mark else ""
        raise MetadataError(f"{path.name}{where}: not valid YAML: {getattr(e, 'problem', e)}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise MetadataError(f"{path.name}: expected a mapping of metadata fields, got {type(data).__name__}")
    unknown = sorted(str(k) for k in set(data) - FIELDS)  # YAML keys may be numbers or dates: named as written
    if unknown:
        raise MetadataError(f"{path.name}: unknown field(s) {', '.join(unknown)}; known: {', '.join(sorted(FIELDS))}")
    for key, value in data.items():
        if isinstance(value, (list, dict)):
            raise MetadataError(f"{path.name}: field {key}: expected one value, got a {type(value).__name__}")
    for key in ("date", "adoption_date"):
        if data.get(key) is not None:
            try:
                data[key] = normalize_date(str(data[key]))
            except DateError:
                raise MetadataError(f"{path.name}: field {key}: not a date: {data[key]!r}") from None
    return {k: (str(v) if v is not None else None) for k, v in data.items()}


def apply_sidecar(meta: DocumentMetadata, values: dict) -> DocumentMetadata:
    return dataclasses.replace(meta, **{k: v for k, v in values.items() if v is not None})
