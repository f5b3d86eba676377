"""Extractions on disk: one JSONL file per note version (its sha256), per pipeline fingerprint.

Why: extraction is the slow step of an ingest, so a second run, or a run after a crash, reads
what it already extracted (files are written atomically: temp file, then rename). And an ingest
reads every note twice (resolve, then write), so the file is laid out to be read in parts: a
call-record export of a hundred thousand rows is one note, and holding all its mentions and
sentences at once would make the ingest's memory follow the size of the largest export.

Layout: the records are grouped into blocks - the mentions joined by relations, with those
relations - ordered by where the block starts in the note, and a ``{"kind": "cut"}`` line
separates blocks. A relation never refers to a mention outside its block, so ``parts`` can
split the note at any cut. Files without cuts (older caches) read as one part. The lines are
those of :mod:`ingest.jsonl` (the one format of extraction records), without the note's own line.
"""
from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from networkx.utils import UnionFind

from graph_schema.records import Mention, Note, Relation
from ingest.jsonl import CUT, error_line, parse_line, record_line
from ingest.results import Extraction, FileError

__all__ = ["ExtractionCache", "PART_RECORDS"]

PART_RECORDS = 5000  # mentions and relations per part: large enough that notes are one part
_CUT = json.dumps(CUT)


class ExtractionCache:
    """Read and write extractions; ``parts`` streams a large one in pieces."""

    def __init__(self, root: Path, fingerprint: str) -> None:
        self.root = root / fingerprint

    def _path(self, note_id: str) -> Path:
        return self.root / f"{note_id}.jsonl"

    def __contains__(self, note: Note) -> bool:
        return self._path(note.id).exists()

    def get(self, note: Note) -> Extraction | None:
        """The whole extraction of a note, or None when it is not cached."""
        if note not in self:
            return None
        parts = list(self.parts(note, size=0))
        return Extraction(note=note, mentions=tuple(m for p in parts for m in p.mentions),
                          relations=tuple(r for p in parts for r in p.relations),
                          errors=tuple(e for p in parts for e in p.errors))

    def parts(self, note: Note, size: int = PART_RECORDS) -> Iterator[Extraction]:
        """The cached extraction in parts of about ``size`` records (0: one part), split only at
        cuts; the file errors come with the last part. At least one part, even for an empty note."""
        mentions: list[Mention] = []
        relations: list[Relation] = []
        errors: list[FileError] = []
        with self._path(note.id).open(encoding="utf-8") as lines:
            for line in lines:
                found = parse_line(json.loads(line))
                if found is None:  # a cut
                    if size and len(mentions) + len(relations) >= size:
                        yield Extraction(note=note, mentions=tuple(mentions), relations=tuple(relations))
                        mentions, relations = [], []
                elif isinstance(found, FileError):
                    errors.append(found)
                elif isinstance(found, Mention):
                    mentions.append(found)
                elif isinstance(found, Relation):
                    relations.append(found)
        yield Extraction(note=note, mentions=tuple(mentions), relations=tuple(relations), errors=tuple(errors))

    def put(self, extraction: Extraction) -> None:
        with self.writer(extraction.note) as write:
            write(extraction)

    @contextmanager
    def writer(self, note: Note) -> Iterator[Callable[[Extraction], None]]:
        """Write a note's extraction piece by piece (a large export row chunk by row chunk); the
        file appears, whole, only when the block ends without an error."""
        self.root.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.root, suffix=".tmp")
        errors: list[FileError] = []
        first = True
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                def write(part: Extraction) -> None:
                    nonlocal first
                    for block in _blocks(part):
                        if not first:
                            handle.write(_CUT + "\n")
                        first = False
                        for record in block:
                            handle.write(json.dumps(record_line(record), ensure_ascii=False) + "\n")
                    errors.extend(part.errors)

                yield write
                for error in errors:
                    handle.write(json.dumps(error_line(error), ensure_ascii=False) + "\n")
            os.replace(tmp, self._path(note.id))
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)


def _blocks(extraction: Extraction) -> list[list[Any]]:
    """Mentions joined by relations (networkx's union-find), each block's mentions then its
    relations, blocks in the order of their first mention in the note."""
    sets = UnionFind(m.id for m in extraction.mentions)
    known = {m.id for m in extraction.mentions}
    for rel in extraction.relations:
        if rel.source in known and rel.target in known:
            sets.union(rel.source, rel.target)
    blocks: dict[str, list[Any]] = {}
    for m in sorted(extraction.mentions, key=lambda m: (m.start, m.end, m.label, m.text)):
        blocks.setdefault(sets[m.id], []).append(m)
    for rel in extraction.relations:
        end = rel.source if rel.source in known else rel.target if rel.target in known else None
        blocks.setdefault(sets[end] if end else f"~{rel.source}", []).append(rel)  # a dangling one alone
    return list(blocks.values())
