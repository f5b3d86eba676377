"""Extractions to and from JSON Lines, one record per line.

Why: extraction runs without a database, and its output must be reviewable, diffable and
re-loadable (the store and the resolver read it back). Each line is a ``graph_schema.records``
record as ``to_dict`` gives it (tagged with its ``kind``); a note's mentions and relations
follow its note line, and file errors are lines of kind ``file_error``.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from graph_schema.records import from_dict, to_dict
from ingest.results import Extraction, FileError

__all__ = ["read_jsonl", "write_jsonl"]


def _lines(item: Extraction | FileError) -> Iterator[dict[str, Any]]:
    if isinstance(item, FileError):
        yield {"kind": "file_error", "path": item.path, "message": item.message, "line": item.line}
        return
    yield to_dict(item.note)
    for record in (*item.mentions, *item.relations):
        yield to_dict(record)
    for error in item.errors:
        yield {"kind": "row_error", "path": error.path, "message": error.message, "line": error.line}


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
        if kind == "file_error":
            yield FileError(data["path"], data["message"], data.get("line"))
        elif kind == "note":
            current = {"note": from_dict(data), "mentions": (), "relations": (), "errors": ()}
        elif current is None:
            raise ValueError(f"line {number}: a {kind} record before any note")
        elif kind == "row_error":
            current["errors"] += (FileError(data["path"], data["message"], data.get("line")),)
        else:
            field = {"mention": "mentions", "relation": "relations"}[kind]
            current[field] += (from_dict(data),)
    if current is not None:
        yield Extraction(**current)


