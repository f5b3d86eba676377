"""The vocabulary of public offices as extraction reads it: title words, author ranks, rule patterns.

Why: the ranks, titles and agencies of officials are declared once, in
``graph_schema/offices.yaml`` (:func:`graph_schema.offices.load_offices`). Extraction needs them in
three shapes - the official matcher's JSONL patterns (``patterns/officials.jsonl``,
``patterns/agencies.jsonl``: data the matcher loads, each pattern id recorded as the extraction
method), the title words name parsing strips (:func:`title_words`, for ``ingest.names``) and the
ranks before a note author's name (:func:`author_rank_pattern`). The pattern files are generated
here (:func:`write_patterns`, ``make patterns``) and a test fails when they are stale, so
they never drift from the vocabulary.

>>> title_words()[("sgt",)]
('Sgt.', 'Police', True)
>>> author_rank_pattern().sub("", "Cpl. Petrona Pech")
'Petrona Pech'
"""
from __future__ import annotations

import functools
import json
import re
from pathlib import Path
from typing import Any

from graph_schema.offices import load_offices

__all__ = ["GENERATED", "PATTERN_FILES", "author_rank_pattern", "pattern_rows", "title_words", "write_patterns"]

PATTERNS_DIR = Path(__file__).resolve().parent / "patterns"
#: The first line of a generated pattern file (pattern files skip lines that start with //).
GENERATED = "// Generated from graph_schema/offices.yaml by `make patterns`: edit that file, not this one."
PATTERN_FILES = ("officials.jsonl", "agencies.jsonl")


@functools.cache
def title_words() -> dict[tuple[str, ...], tuple[str | None, str | None, bool]]:
    """Folded title words -> (rank to keep or None for courtesy titles, agency, public office?)."""
    return {t.words: (t.rank, t.agency, t.office) for t in load_offices().name_titles}


@functools.cache
def author_rank_pattern() -> re.Pattern[str]:
    """Leading ranks of an author's name: any abbreviation with a full stop, or a declared rank."""
    ranks = "|".join(re.escape(rank) for rank in load_offices().author_ranks)
    return re.compile(rf"^(?:(?:[A-Z][a-z]{{0,3}}\.|{ranks})\.?\s+)+", re.IGNORECASE)


def pattern_rows() -> dict[str, list[dict[str, Any]]]:
    """The rows of each generated pattern file, in the vocabulary's order."""
    offices = load_offices()
    titles = [{"label": "TITLE", "id": t.id, "pattern": form, "rank": t.rank, "agency": t.agency}
              for t in offices.titles for form in t.forms]
    agencies = [{"agency": a.name, "cues": list(a.cues)} for a in offices.agencies if a.cues]
    return {"officials.jsonl": titles, "agencies.jsonl": agencies}


def pattern_text(rows: list[dict[str, Any]]) -> str:
    return GENERATED + "\n" + "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)


def write_patterns(directory: Path = PATTERNS_DIR) -> list[Path]:
    """Rewrite the generated pattern files from the vocabulary; returns their paths."""
    written = []
    for name, rows in pattern_rows().items():
        path = directory / name
        path.write_text(pattern_text(rows), encoding="utf-8")
        written.append(path)
    return written
