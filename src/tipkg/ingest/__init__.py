"""Ingestion: a file (plain text or Markdown converted from a UN PDF, text extracted from a UN PDF, or the
PDF itself) becomes a Document with metadata, sections and paragraphs.

    ingest(path) -> Document
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

from tipkg.ingest.markup import Block, clean_block, split_blocks
from tipkg.ingest.metadata import MetadataError, apply_sidecar, infer_metadata, read_sidecar, symbol_from_file_name
from tipkg.ingest.structure import parse_structure
from tipkg.iris import symbol_segment
from tipkg.model import Document
from tipkg.reference import series_of

__all__ = ["IngestError", "ingest", "read_document", "document_files", "unsupported_files", "DOCUMENT_SUFFIXES"]

DOCUMENT_SUFFIXES = (".txt", ".md", ".text", ".pdf")
MAX_BYTES = 50 * 1024 * 1024  # a PDF with pictures may be large; guards memory against stray files
# the longest document of the corpus holds 0.2 MB of text; extraction time grows with the text, so a file of
# many MB is refused rather than left to hold up the build for minutes
MAX_TEXT = 5 * 1024 * 1024


class IngestError(ValueError):
    """A document that cannot be read; the message names the file and what is wrong with it."""

    def __init__(self, path: Path, message: str):
        self.path = Path(path)
        self.reason = message
        super().__init__(f"{self.path.name}: {message}")


def document_files(folder: Path) -> list[Path]:
    """The documents of a folder (sidecars and hidden files left out), in a stable order."""
    return sorted(p for p in Path(folder).iterdir()
                  if p.suffix.lower() in DOCUMENT_SUFFIXES and not p.name.startswith("."))


SIDECAR_SUFFIXES = (".yaml", ".yml", ".json")


def unsupported_files(folder: Path) -> list[Path]:
    """Files of a folder that are neither documents nor sidecars (a .docx, a .html): the build names them rather
    than pass over them in silence."""
    return sorted(p for p in Path(folder).iterdir()
                  if p.is_file() and not p.name.startswith(".")
                  and p.suffix.lower() not in DOCUMENT_SUFFIXES + SIDECAR_SUFFIXES)


def read_document(path: Path) -> bytes:
    """The bytes of a document file; a file too large to be a document is refused before it is read."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise _too_large(path, size, MAX_BYTES)
        return path.read_bytes()
    except OSError as e:
        raise IngestError(path, f"cannot be read: {e.strerror}") from None


def ingest(path: Path, raw: bytes | None = None) -> Document:
    path = Path(path)
    if raw is None:
        raw = read_document(path)
    is_pdf = raw.startswith(b"%PDF")
    if path.suffix.lower() == ".pdf" and not is_pdf:
        raise IngestError(path, "is named .pdf but is not a PDF (it does not start with %PDF): if it holds the "
                                "document's text, name it .txt")
    if len(raw) > (MAX_BYTES if is_pdf else MAX_TEXT):
        raise _too_large(path, len(raw), MAX_BYTES if is_pdf else MAX_TEXT)
    text, source_format, warnings = _read_text(path, raw)
    if is_pdf and len(text) > MAX_TEXT:
        raise _too_large(path, len(text), MAX_TEXT, "of text")
    blocks = [clean_block(b) for b in split_blocks(text)]
    if not blocks:
        raise IngestError(path, "holds no text")
    blocks = _from_own_title(path, blocks, warnings)
    structure = parse_structure(blocks)
    meta = infer_metadata(structure.header, structure.is_resolution)
    meta.source_format = source_format
    try:
        sidecar, values = read_sidecar(path)
    except MetadataError as e:
        raise IngestError(path, f"sidecar {e}") from None
    meta.symbol_source = "header" if meta.symbol else None
    if values:
        meta = apply_sidecar(meta, values)
        if values.get("symbol"):
            meta.symbol_source = "sidecar"
    from_name = symbol_from_file_name(path.stem)
    if meta.symbol and from_name and re.fullmatch(rf"{re.escape(meta.symbol)} [A-Z]", from_name) \
            and meta.symbol_source == "header":
        # "66/253. The situation in the Syrian Arab Republic B*" in A_RES_66_253_B.txt: the text reads the number,
        # the file names the part, A/RES/66/253 B (part A is A/RES/66/253's own file)
        meta.symbol, meta.resolution_number = from_name, from_name.split("/RES/", 1)[1]
    if meta.symbol is None and from_name:
        meta.symbol, meta.symbol_source = from_name, "file name"
        if "/RES/" in from_name and meta.resolution_number is None:  # the number a reader cites: "72/262 C"
            meta.resolution_number = from_name.split("/RES/", 1)[1]
    if meta.symbol and meta.issuing_body is None and (series := series_of(meta.symbol)):
        meta.issuing_body = series[1]  # the organ whose series the symbol belongs to
    if meta.kind == "resolution" and not meta.symbol:
        # an adoption line without a number or symbol (a fragment, a clipping): nothing to name it by as a resolution
        meta.kind = "document"
        warnings.append("reads as a resolution but names no number or symbol: kept as a document")
    paragraphs = structure.paragraphs
    if not any(p.kind in ("numbered", "operative", "preambular") for p in paragraphs):
        warnings.append("no numbered paragraphs: its blocks are kept as unnumbered paragraphs")
    return Document(id=document_id(path, meta.symbol), path=path, text=structure.text, metadata=meta,
                    sections=structure.sections, paragraphs=paragraphs,
                    sha256=hashlib.sha256(raw).hexdigest(), warnings=warnings)


# the closing line of a resolution ("13th plenary meeting / 4 May 1981", "1235th plenary meeting, / 2 August 1962."):
# at the end of a block, or anywhere in it (a page's lines may run on without a blank line)
_CLOSING = r"\b\d+(?:st|nd|rd|th)\s+(?:plenary\s+)?meeting,?\s+\d{1,2}\s+[A-Z][a-z]+,?\s+\d{4}\.?"
CLOSING_LINE = re.compile(_CLOSING + r"\s*$")
CLOSING_LINE_WITHIN = re.compile(_CLOSING + r"(?=\s|$)")


# the numbered title of a resolution, as a volume prints it: "47/197. International cooperation ...", "920 (XXXIV). ..."
VOLUME_TITLE = re.compile(r"(?:^|\s)(?P<number>\d{1,4}/\d{1,4}|\d{1,4}\s\([IVXL]+\))\.\s+[A-Z]")


def _from_own_title(path: Path, blocks: list, warnings: list[str]) -> list:
    """A page cut from a volume of resolutions begins with the end of the resolution before (its last paragraphs
    and its closing line, "13th plenary meeting / 4 May 1981") and then the file's own, "1981/7. Implementation of
    ...": the text starts at its own numbered title, which the file's name gives; and it ends at its own closing line
    when the next resolution's title follows ("93rd plenary meeting 22 December 1992 47/197. International ...")."""
    symbol = symbol_from_file_name(path.stem) or ""
    number = symbol.split("/RES/", 1)[1] if "/RES/" in symbol else None
    if not number:
        return blocks
    title = re.compile(rf"^{re.escape(number)}\.\s+\S")
    start = next((i for i, block in enumerate(blocks[:60]) if title.match(block.text)), None)
    if start is None:
        return blocks
    own = start
    if start and any(CLOSING_LINE_WITHIN.search(b.text) for b in blocks[:start]):
        warnings.append(f"begins with the end of another text (up to its closing line): read from its own title, "
                        f"{blocks[start].text[:60]}")
    else:
        start = 0
    for j in range(own + 1, len(blocks)):
        text = blocks[j].text
        for m in VOLUME_TITLE.finditer(text):
            # the closing line just before the title, in its block or in the blocks before ("93rd plenary meeting" /
            # "22 December 1992" / "47/197. ...")
            before = text[:m.start()] if m.start() else " ".join(b.text for b in blocks[max(own, j - 2):j])
            closing = CLOSING_LINE.search(before)
            if m["number"] != number and closing:
                warnings.append(f"ends with the beginning of another text, {text[m.start():m.start() + 60].strip()}: "
                                "left out")
                if not m.start():
                    return blocks[start:j]
                return blocks[start:j] + [Block(text[:m.start()].rstrip(),
                                                [e for e in blocks[j].emphasis if e.end <= m.start()])]
    return blocks[start:]


def _too_large(path: Path, size: int, limit: int, what: str = "") -> IngestError:
    mb = 1024 * 1024
    return IngestError(path, f"{size / mb:.0f} MB{' ' + what if what else ''} is more than a document may hold "
                             f"({limit // mb} MB; the longest UN documents hold well under 1 MB of text): not read")


def document_id(path: Path, symbol: str | None) -> str:
    if symbol:
        return symbol_segment(symbol)
    return re.sub(r"[^A-Za-z0-9._-]+", "-", path.stem).strip("-") or "document"


def _read_text(path: Path, raw: bytes) -> tuple[str, str, list[str]]:
    """The text of a file and the form it came in; PDF and PDF-extracted text are normalized here."""
    from tipkg.ingest import pdftext

    warnings: list[str] = []
    if not raw.strip():
        raise IngestError(path, "is empty")
    if raw.startswith(b"%PDF"):
        from tipkg.ingest.pdf import PdfError, read_pdf

        try:
            extracted = read_pdf(path)
        except PdfError as e:
            raise IngestError(path, e.reason) from None
        return pdftext.normalize_pdf_text(extracted), "pdf", warnings
    text = _decode(path, raw, warnings)
    if pdftext.is_pdf_text(text):
        return pdftext.normalize_pdf_text(text), "pdf-text", warnings
    return text, "markdown" if ("](" in text or "*" in text) else "text", warnings


def _decode(path: Path, raw: bytes, warnings: list[str]) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as e:
            raise IngestError(path, f"starts as UTF-16 text but is not valid UTF-16 ({e.reason} at byte {e.start}): "
                                    "refused") from None
    head = raw[:8192]
    if b"\x00" in head or sum(b < 9 or 13 < b < 32 for b in head) > len(head) // 100 + 2:
        raise IngestError(path, "is a binary file, not text or PDF")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[:e.start].count(b"\n") + 1
        for encoding in ("cp1252", "latin-1"):
            try:
                text = raw.decode(encoding)
            except UnicodeDecodeError:
                continue
            warnings.append(f"not UTF-8 (first bad byte on line {line}); decoded as {encoding}")
            return text
    raise IngestError(path, "is not text in a known encoding")
