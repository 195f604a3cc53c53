"""Ingestion: a file (plain text or Markdown converted from a UN PDF, text extracted from a UN PDF, or the
PDF itself) becomes a Document with metadata, sections and paragraphs.

    ingest(path) -> Document
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

from tipkg.ingest.markup import clean_block, split_blocks
from tipkg.ingest.metadata import MetadataError, apply_sidecar, infer_metadata, read_sidecar
from tipkg.ingest.structure import parse_structure
from tipkg.iris import symbol_segment
from tipkg.model import Document

__all__ = ["IngestError", "ingest", "document_files", "DOCUMENT_SUFFIXES"]

DOCUMENT_SUFFIXES = (".txt", ".md", ".text", ".pdf")
MAX_BYTES = 50 * 1024 * 1024  # far above any UN document; guards memory against stray files


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


def ingest(path: Path, raw: bytes | None = None) -> Document:
    path = Path(path)
    if raw is None:
        try:
            raw = path.read_bytes()
        except OSError as e:
            raise IngestError(path, f"cannot be read: {e.strerror}") from None
    if len(raw) > MAX_BYTES:
        raise IngestError(path, f"{len(raw) // (1024 * 1024)} MB is larger than the {MAX_BYTES // (1024 * 1024)} MB limit")
    text, source_format, warnings = _read_text(path, raw)
    blocks = [clean_block(b) for b in split_blocks(text)]
    if not blocks:
        raise IngestError(path, "holds no text")
    structure = parse_structure(blocks)
    meta = infer_metadata(structure.header, structure.is_resolution)
    meta.source_format = source_format
    try:
        sidecar, values = read_sidecar(path)
    except MetadataError as e:
        raise IngestError(path, f"sidecar {e}") from None
    if values:
        meta = apply_sidecar(meta, values)
    paragraphs = structure.paragraphs
    if not any(p.kind in ("numbered", "operative", "preambular") for p in paragraphs):
        warnings.append("no numbered paragraphs: its blocks are kept as unnumbered paragraphs")
    return Document(id=document_id(path, meta.symbol), path=path, text=structure.text, metadata=meta,
                    sections=structure.sections, paragraphs=paragraphs,
                    sha256=hashlib.sha256(raw).hexdigest(), warnings=warnings)


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
        return raw.decode("utf-16")
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
