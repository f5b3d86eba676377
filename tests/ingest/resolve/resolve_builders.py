"""Builders for resolution tests: a note from a few mentions and relations between them.

A module of its own (not conftest) so tests can import ``phone`` without name clashes.
"""
from __future__ import annotations

from typing import Any

from graph_schema.records import Evidence, Mention, Note, Relation
from graph_schema.types import clean_phone
from ingest.results import Extraction

Spec = tuple[str, str] | tuple[str, str, dict[str, Any]]


def build_note(note_id: str, *mentions: Spec, relations: tuple[tuple[str, int, int], ...] = (),
               case_id: str | None = "case-1", date: str | None = None) -> Extraction:
    """``build_note("n1", ("Person", "Carlos Reyes"), ("Phone", "622-1234", {"key": "+5016221234"}),
    relations=(("USES_PHONE", 0, 1),))``: mentions are laid out one per sentence."""
    text, built = "", []
    for spec in mentions:
        label, surface, *rest = spec
        extra = rest[0] if rest else {}
        start = len(text)
        sentence = f"{surface} was named."
        text += sentence + " "
        extra = {"method": "test", **extra}
        built.append(Mention(note_id, label, surface, start, start + len(surface), sentence, **extra))
    rels = tuple(
        Relation(rel_type, built[i].id, built[j].id,
                 Evidence(note_id, text.strip(), built[i].start, built[j].end, "test"))
        for rel_type, i, j in relations
    )
    note = Note(id=note_id, path=f"{note_id}.txt", text=text, case_id=case_id, date=date)
    return Extraction(note, tuple(built), rels)


def phone(number: str) -> tuple[str, str, dict[str, Any]]:
    return ("Phone", number, {"key": clean_phone(number)})
