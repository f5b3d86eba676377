"""Extractions to and from JSON Lines, one record per line: the one line format of extraction records.

Why: extraction runs without a database, and its output must be reviewable, diffable and
re-loadable (the store and the resolver read it back). Each line is a ``graph_schema.records``
record as ``to_dict`` gives it (tagged with its ``kind``: note, mention, relation); a note's
mentions and relations follow its note line; a file that could not be read is a line of kind
``file_error`` and a row of a note that could not be used one of kind ``row_error`` (path,
message, line). The workbench's extraction cache writes the same lines (:func:`record_line`,
:func:`error_line`, :func:`parse_line`), one note per file without its note line, with
``{"kind": "cut"}`` lines between blocks that can be read apart; a cut means nothing here.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from graph_schema.records import Mention, Note, Relation, from_dict, to_dict
from ingest.errors import Errors
from ingest.results import Extraction, FileError

__all__ = ["CUT", "error_line", "parse_line", "read_jsonl", "record_line", "write_jsonl"]

#: The line between two blocks of a cached extraction that can be read apart.
CUT = {"kind": "cut"}
_ERRORS = ("file_error", "row_error")


def record_line(record: Note | Mention | Relation) -> dict[str, Any]:
    """The line of a record: its ``to_dict``, tagged with its kind."""
    return to_dict(record)


def error_line(error: FileError, kind: str = "row_error") -> dict[str, Any]:
    """The line of a file (``file_error``) or row (``row_error``) that could not be used."""
    return {"kind": kind, "path": error.path, "message": error.message, "line": error.line}


def parse_line(data: dict[str, Any]) -> Note | Mention | Relation | FileError | None:
    """The record or error a line holds; None for a cut.

    >>> parse_line(error_line(FileError("a.csv", "[E010] missing value", 3)))
    FileError(path='a.csv', message='[E010] missing value', line=3)
    """
    kind = data.get("kind")
    if kind == "cut":
        return None
    if kind in _ERRORS:
        found = data.get("error") or data  # caches written before the one format nested the error
        return FileError(found["path"], found["message"], found.get("line"))
    record: Note | Mention | Relation = from_dict(data)
    return record


def _lines(item: Extraction | FileError) -> Iterator[dict[str, Any]]:
    if isinstance(item, FileError):
        yield error_line(item, "file_error")
        return
    yield record_line(item.note)
    records: tuple[Mention | Relation, ...] = (*item.mentions, *item.relations)
    for record in records:
        yield record_line(record)
    for error in item.errors:
        yield error_line(error)


def write_jsonl(items: Iterable[Extraction | FileError], out: str | Path | IO[str]) -> int:
    """Write extractions (and file errors) to ``out``; return how many items were written."""
    if isinstance(out, (str, Path)):
        with open(out, "w", encoding="utf-8") as handle:
            return write_jsonl(items, handle)
    count = 0
    for item in items:
        for line in _lines(item):
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
        count += 1
    return count


def read_jsonl(path: str | Path | IO[str]) -> Iterator[Extraction | FileError]:
    """The extractions and file errors ``write_jsonl`` wrote, in order."""
    if isinstance(path, (str, Path)):
        with open(path, encoding="utf-8") as handle:
            yield from read_jsonl(handle)
        return
    current: dict[str, Any] | None = None
    for number, line in enumerate(path, 1):
        if not line.strip():
            continue
        data = json.loads(line)
        kind = data.get("kind")
        if kind in {"note", "file_error"} and current is not None:
            yield Extraction(**current)
            current = None
        found = parse_line(data)
        if found is None:
            continue
        if kind == "file_error" and isinstance(found, FileError):
            yield found
        elif isinstance(found, Note):
            current = {"note": found, "mentions": (), "relations": (), "errors": ()}
        elif current is None:
            raise ValueError(Errors.E043.format(line=number, kind=kind))
        elif isinstance(found, FileError):
            current["errors"] += (found,)
        else:
            current["mentions" if isinstance(found, Mention) else "relations"] += (found,)
    if current is not None:
        yield Extraction(**current)
