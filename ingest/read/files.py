"""Case files and folders -> ``Note`` records: read, decode, hash, parse the header.

Why: everything downstream cites a note by the sha256 of its bytes, so the id is taken from
the bytes as read, before any decoding; the same file read twice, from any folder, is the same
note. ``read_path`` is a generator: one file is in memory at a time, and a bad file becomes a
``FileError`` value while the batch goes on.

Decisions:
- Folders are walked recursively in sorted order (deterministic runs); hidden files and folders
  (``.name``) and Word lock files (``~$name.docx``) are skipped; symlinked folders are not
  followed (no cycles). The walk never aborts: an unreadable folder, a FIFO, a dangling link, a
  link loop or a link out of the case folder is one ``FileError`` line and the walk goes on
  (``walk``).
- ``Note.path`` is relative to the folder given, POSIX style; a single file's path is its name.
- ``Note.case_id`` is the ``case_id`` argument when given, else the header's ``Case:``.
- A ``.csv`` is read as text and typed ``calls_csv`` / ``transfers_csv`` from its header
  (``ingest.read.read_export`` turns it into records); other files get the header's type.
- ``metadata`` holds ``format``, ``size``, ``header_end`` (offset after the header block),
  ``page_offsets`` for PDFs, any unknown header keys, and for a CSV read with a column mapping
  the ``mapping`` itself.
"""
from __future__ import annotations

import errno
import hashlib
import os
import stat
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

__all__ = ["SUFFIXES", "iter_files", "read_file", "read_path", "walk"]

SUFFIXES = (".txt", ".md", ".docx", ".pdf", ".csv")


def iter_files(folder: str | Path) -> Iterator[Path]:
    """Files under ``folder`` in sorted, deterministic order, hidden and lock files skipped.

    What cannot be read is left out here; ``walk`` says why, one line each.
    """
    return (item for item in walk(folder) if isinstance(item, Path))


def walk(folder: str | Path, root: str | Path | None = None) -> Iterator[Path | FileError]:
    """Files under ``folder`` (sorted, hidden and lock files skipped), and a ``FileError`` for
    each entry that cannot be used: the walk never stops on one.

    A folder that cannot be listed is E031; a FIFO, socket or device E032. A symbolic link is
    followed only to a regular file inside ``root`` (default ``folder``): a link that loops is
    E030, one to nothing E033, one leaving the case folder E034 (a case folder is what was
    handed over; a link to ``/home/...`` is not part of it). A linked folder inside the case is
    not followed (its files are read where they are), except that a link to one of its own
    ancestors is reported as the loop it is.
    """
    folder = Path(folder)
    base = Path(os.path.realpath(root if root is not None else folder))
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda e: e.name)
    except OSError as exc:
        yield FileError(_rel(folder, root or folder), Errors.E031.format(detail=_why(exc)))
        return
    for entry in entries:
        if entry.name.startswith((".", "~$")):
            continue
        path = Path(entry.path)
        if entry.is_symlink():
            yield from _link(path, base, root or folder)
        elif entry.is_dir(follow_symlinks=False):
            yield from walk(path, root or folder)
        elif entry.is_file(follow_symlinks=False):
            yield path
        else:
            yield FileError(_rel(path, root or folder), Errors.E032.format(kind=_kind(path)))


def _link(path: Path, base: Path, root: str | Path) -> Iterator[Path | FileError]:
    rel, shown = _rel(path, root), os.readlink(path)
    try:
        target = path.resolve(strict=True)
    except RuntimeError:  # Python 3.11 reports a loop this way
        yield FileError(rel, Errors.E030)
        return
    except OSError as exc:
        yield FileError(rel, Errors.E030 if exc.errno == errno.ELOOP else Errors.E033.format(target=shown))
        return
    if not target.is_relative_to(base):
        yield FileError(rel, Errors.E034.format(target=shown))
    elif target.is_dir():
        if Path(os.path.realpath(path.parent)).is_relative_to(target):
            yield FileError(rel, Errors.E030)
    elif target.is_file():
        yield path
    else:
        yield FileError(rel, Errors.E032.format(kind=_kind(target)))


def _rel(path: Path, root: str | Path) -> str:
    try:
        rel = path.relative_to(root).as_posix()
    except ValueError:
        return path.name
    return path.name if rel == "." else rel


def _why(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__


def _kind(path: Path) -> str:
    try:
        mode = path.lstat().st_mode
    except OSError:
        return "unknown"
    return ("FIFO" if stat.S_ISFIFO(mode) else "socket" if stat.S_ISSOCK(mode)
            else "device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "unknown")


def read_path(path: str | Path, case_id: str | None = None, mapping: ColumnMapping | None = None,
              max_bytes: int = MAX_BYTES) -> Iterator[Note | FileError]:
    """Stream a Note (or a FileError) for a file, or for every file under a folder.

    Example: ``for item in read_path("cases/BZ-2024-017", case_id="BZ-2024-017"): ...``
    """
    path = Path(path)
    if path.is_dir():
        root, files = path, walk(path)
    else:
        root, files = path.parent, iter([path])
    for file in files:
        if isinstance(file, FileError):
            yield file
            continue
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
        if path.exists() and not path.is_file():
            raise Unreadable(Errors.E032.format(kind=_kind(path)))
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
