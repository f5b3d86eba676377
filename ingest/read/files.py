"""Case files and folders -> ``Note`` records: read, decode, hash, parse the header.

Why: everything downstream cites a note by the sha256 of its bytes, so the id is taken from
the bytes as read, before any decoding; the same file read twice, from any folder, is the same
note. ``read_path`` is a generator: one file is in memory at a time, and a bad file becomes a
``FileError`` value while the batch goes on.

Decisions:
- Folders are walked recursively in sorted order (deterministic runs); hidden files and folders
  (``.name``) and Word lock files (``~$name.docx``) are skipped; symlinked folders are not
  followed (no cycles).
- ``Note.path`` is relative to the folder given, POSIX style; a single file's path is its name.
- ``Note.case_id`` is the ``case_id`` argument when given, else the header's ``Case:``.
- A ``.csv`` is read as text and typed ``calls_csv`` / ``transfers_csv`` from its header
  (``ingest.read.read_export`` turns it into records); other files get the header's type.
- ``metadata`` holds ``format``, ``size``, ``header_end`` (offset after the header block),
  ``page_offsets`` for PDFs, any unknown header keys, and for a CSV read with a column mapping
  the ``mapping`` itself.
"""
from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from graph_schema.records import Note
from ingest.errors import MAX_BYTES, Errors, IngestError
from ingest.read.decode import Unreadable, decode_bytes
from ingest.read.exports import EXPORT_TYPES, csv_layout
from ingest.read.formats import docx_text, pdf_text
from ingest.read.header import parse_header
from ingest.read.mapping import ColumnMapping
from ingest.results import FileError

__all__ = ["SUFFIXES", "iter_files", "read_file", "read_path"]

SUFFIXES = (".txt", ".md", ".docx", ".pdf", ".csv")


def iter_files(folder: str | Path) -> Iterator[Path]:
    """Files under ``folder`` in sorted, deterministic order, hidden and lock files skipped."""
    with os.scandir(folder) as scan:
        entries = sorted(scan, key=lambda e: e.name)
    for entry in entries:
        if entry.name.startswith((".", "~$")):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from iter_files(entry.path)
        elif entry.is_file():
            yield Path(entry.path)


def read_path(path: str | Path, case_id: str | None = None, mapping: ColumnMapping | None = None,
              max_bytes: int = MAX_BYTES) -> Iterator[Note | FileError]:
    """Stream a Note (or a FileError) for a file, or for every file under a folder.

    Example: ``for item in read_path("cases/BZ-2024-017", case_id="BZ-2024-017"): ...``
    """
    path = Path(path)
    if path.is_dir():
        root, files = path, iter_files(path)
    else:
        root, files = path.parent, iter([path])
    for file in files:
        try:
            yield read_file(file, root, case_id=case_id, mapping=mapping, max_bytes=max_bytes)
        except IngestError as exc:
            yield FileError(exc.path, exc.message, exc.line)


def read_file(path: str | Path, root: str | Path | None = None, case_id: str | None = None,
              mapping: ColumnMapping | None = None, max_bytes: int = MAX_BYTES) -> Note:
    """One file as a Note; ``IngestError`` (one line, naming the file) when it cannot be used."""
    path = Path(path)
    rel = path.relative_to(root).as_posix() if root is not None else path.name
    suffix = path.suffix.lower()
    try:
        if suffix not in SUFFIXES:
            raise Unreadable(Errors.E007.format(suffix=suffix or path.name))
        data = _read_bytes(path, max_bytes)
        text, encoding, extra = _text_of(data, suffix)
        if not text.strip():
            raise Unreadable(Errors.E001)
        note_type = EXPORT_TYPES[csv_layout(text, mapping).layout.kind] if suffix == ".csv" else None
    except Unreadable as exc:
        raise IngestError(rel, str(exc)) from None
    header = parse_header("" if suffix == ".csv" else text, skip_blank_lines=suffix == ".docx")
    metadata = {"format": suffix.lstrip("."), "size": len(data), "header_end": header.end, **extra,
                **header.metadata}
    if note_type and mapping is not None and mapping.spec:
        metadata["mapping"] = mapping.spec  # so read_export(note) reads the rows as the type was read
    return Note(id=hashlib.sha256(data).hexdigest(), path=rel, text=text, case_id=case_id or header.case,
                type=note_type or header.type, date=header.date, author=header.author, title=header.title,
                encoding=encoding, metadata=metadata)


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, refusing empty and oversized files before reading them."""
    try:
        size = path.stat().st_size
        if size == 0:
            raise Unreadable(Errors.E001)
        if size > max_bytes:
            raise Unreadable(Errors.E006.format(size=size, limit=max_bytes))
        return path.read_bytes()
    except OSError as exc:
        raise Unreadable(Errors.E009.format(detail=exc.strerror or type(exc).__name__)) from None


def _text_of(data: bytes, suffix: str) -> tuple[str, str | None, dict[str, Any]]:
    """Text, encoding (None for Word/PDF) and format-specific metadata."""
    if suffix == ".docx":
        return docx_text(data), None, {}
    if suffix == ".pdf":
        text, offsets = pdf_text(data)
        return text, None, {"page_offsets": offsets}
    text, encoding = decode_bytes(data)
    return text, encoding, {}
