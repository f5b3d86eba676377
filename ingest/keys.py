"""The keys resolution gives entities and events: one formula each, and the case in every one.

Why: a case is the unit of resolution (``../shared/DESIGN.md``). "Carlos Reyes" in two cases is
two people until an analyst links them, so a named entity's key holds its case; a payment or a
call is an event of the case whose record it is. Only identifiers (a phone, an account, a plate)
are keyed by their value alone: a number is the same number in every case, and the node it
becomes is what links the cases that share it (``workbench.cases`` lists them).

``record_key`` is the id of a record a note holds when its reader gave it none (a sentence's
span); ``event_id`` is the one formula of a Payment, Call or Operation node's key.

>>> entity_key("Person", "carlos reyes", "BZ-1") != entity_key("Person", "carlos reyes", "BZ-2")
True
>>> event_id("Call", record_key("note-1", 10, 24), "BZ-1") == event_id("Call", record_key("note-1", 10, 24), "BZ-1")
True
"""
from __future__ import annotations

from graph_schema.records import make_id

__all__ = ["entity_key", "event_id", "record_key"]


def entity_key(label: str, name: str, case_id: str | None) -> str:
    """The key of a named entity (person, organization, place) of one case: its folded name there."""
    return make_id(label, name, case_id)


def event_id(label: str, record: str, case_id: str | None) -> str:
    """The key of an event node: its label, its record (a CSV row, a receipt, a span) and its case."""
    return make_id(label, record, case_id)


def record_key(note_id: str, *position: object) -> str:
    """The id of a record a note holds, by its position in the note (offsets, or a row's line)."""
    return make_id(note_id, *position)
