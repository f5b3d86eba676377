"""Text out of Word and PDF files.

Why: officers write statements in Word and receive scanned or exported PDFs. Only text that is
really in the file counts as evidence: a PDF without a text layer is refused with E004 (it needs
OCR first, done on purpose by a person, not silently here), and a ".docx" that is not a Word
document is refused with E005 rather than read as garbage.

Word: body paragraphs and table rows in document order, paragraphs joined with a blank line
(``"\\n\\n"``) so the paragraph chunker and sentence splitter see the document's structure; a
table row becomes one paragraph with its cells joined by ``" | "``.
PDF: the text layer of each page, pages joined with a blank line; ``page_offsets`` records where
each page starts in the text, so evidence can cite a page.
"""
from __future__ import annotations

import io

import docx
import pypdf
from docx.table import Table

from ingest.errors import Errors
from ingest.read.decode import Unreadable

__all__ = ["docx_text", "pdf_text"]


def docx_text(data: bytes) -> str:
    """The text of a .docx file, or ``Unreadable`` (E005) when it is not one.

    python-docx raises many kinds of exception on a bad package (zip errors, missing parts, XML
    errors), so any failure while opening counts as "not a real .docx".
    """
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - see docstring
        raise Unreadable(Errors.E005.format(detail=_short(exc))) from None
    parts: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            parts.extend(" | ".join(c.text for c in row.cells) for row in block.rows)
        else:
            parts.append(block.text)
    return "\n\n".join(p for p in parts if p.strip())


def pdf_text(data: bytes) -> tuple[str, list[int]]:
    """The PDF's text layer and each page's start offset; E004 without text, E008 when unreadable."""
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise Unreadable(Errors.E008.format(detail="password-protected"))
        pages = [page.extract_text() or "" for page in reader.pages]
    except Unreadable:
        raise
    except Exception as exc:  # noqa: BLE001 - pypdf raises many types on damaged files
        raise Unreadable(Errors.E008.format(detail=_short(exc))) from None
    if not any(p.strip() for p in pages):
        raise Unreadable(Errors.E004)
    offsets, pos = [], 0
    for page in pages:
        offsets.append(pos)
        pos += len(page) + 2
    return "\n\n".join(pages), offsets


def _short(exc: Exception) -> str:
    """One line naming the exception, so the error message stays on one line."""
    detail = " ".join(str(exc).split())[:120]
    return f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__
