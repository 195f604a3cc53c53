"""Reading a UN PDF: its text layer, page by page, exactly as the corpus text files were extracted
(PyMuPDF's ``page.get_text()`` of each page, joined with "\\n"). pdftext.normalize_pdf_text takes it
from there.
"""
from __future__ import annotations

from pathlib import Path

import pymupdf

__all__ = ["PdfError", "read_pdf"]


class PdfError(ValueError):
    """A file that cannot be read as a PDF with text; the message names the file and says why
    (empty, not a PDF or damaged, encrypted, no text layer)."""

    def __init__(self, path: str | Path, reason: str):
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{self.path.name}: {reason}")


def read_pdf(path: str | Path) -> str:
    """The text of every page of the PDF at `path`, joined with "\\n"."""
    path = Path(path)
    try:
        # filetype="pdf": PyMuPDF would otherwise open a .txt or an image by its extension.
        document = pymupdf.open(str(path), filetype="pdf")
    except pymupdf.EmptyFileError:
        raise PdfError(path, "is empty, not a PDF") from None
    except pymupdf.FileNotFoundError:
        raise PdfError(path, "does not exist") from None
    except (pymupdf.FileDataError, RuntimeError) as error:
        raise PdfError(path, f"is not a readable PDF (corrupt or another kind of file): {error}") from None
    except OSError as error:
        raise PdfError(path, f"cannot be read: {error.strerror or error}") from None
    with document:
        if document.needs_pass:
            raise PdfError(path, "is encrypted: it needs a password to open")
        if document.page_count == 0:
            raise PdfError(path, "is a corrupt PDF: it has no pages")
        try:
            pages = [page.get_text() for page in document]
        except (RuntimeError, ValueError) as error:
            raise PdfError(path, f"is a corrupt PDF: a page cannot be read ({error})") from None
    text = "\n".join(pages)
    if not text.strip():
        raise PdfError(path, f"has no text layer: none of its {len(pages)} page(s) holds text (a scan?)")
    return text
