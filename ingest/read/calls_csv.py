"""Call detail records -> Phone and Call mentions with CALLED / CALL_TO relations.

Why: who called whom, when and from which cell site is often the first hard link between a
recruiter and a victim or an official. Each row becomes a Call event
``(caller phone)-[:CALLED]->(Call)-[:CALL_TO]->(callee phone)``, keyed by the file's sha256 and
the row's line so re-reading the same export yields the same ids.

Decisions: a row whose phones, start time or duration do not parse is skipped whole (E010-E015)
so no half-row is stored. A record without a type column is a voice call. Durations may be
seconds ("125") or clock time ("2:05", "0:02:05").
"""
from __future__ import annotations

import re

from graph_schema.records import make_id
from ingest.errors import Errors
from ingest.read.csv_rows import RowProblem, clean_phone_field, clean_when
from ingest.read.rowrecords import RowRecords

__all__ = ["call_row", "METHOD"]

METHOD = "calls_csv"
_KINDS = (("sms", "sms"), ("text", "sms"), ("whatsapp", "whatsapp"), ("voice", "voice"), ("call", "voice"),
          ("moc", "voice"), ("mtc", "voice"))
_CLOCK = re.compile(r"^(?:(\d+):)?(\d{1,2}):(\d{2})$")


def call_row(rec: RowRecords, region: str = "BZ", date_format: str | None = None) -> None:
    """Fill ``rec`` with one call's mentions and relations, or raise ``RowProblem``."""
    caller = clean_phone_field(rec.value("caller", required=True) or "", rec.column("caller"), region)
    callee = clean_phone_field(rec.value("callee", required=True) or "", rec.column("callee"), region)
    at = clean_when(rec.value("start", required=True) or "", rec.column("start"), date_format)
    raw_duration = rec.value("duration")
    duration = _seconds(raw_duration, rec.column("duration")) if raw_duration else None
    kind = _kind(rec.value("kind"))
    rec.date = at[:10]
    record = f"{rec.note.path}:{rec.row.line}"
    caption = f"{kind} call {at.replace('T', ' ')}" + (f", {duration} s" if duration is not None else "")
    call = rec.event("Call", make_id(rec.note.id, rec.row.line), {
        "date": rec.date, "at": at if "T" in at else None, "duration_s": duration,
        "cell_site": rec.value("cell_site"), "kind": kind, "record": record, "caption": caption,
    })
    caller_m = rec.mention("Phone", "caller", key=caller)
    callee_m = rec.mention("Phone", "callee", key=callee)
    rec.relate("CALLED", caller_m, call)
    rec.relate("CALL_TO", call, callee_m)


def _seconds(value: str, column: str) -> int:
    """Whole seconds from "125", "125.0" or "0:02:05"; E015 otherwise."""
    clock = _CLOCK.match(value)
    if clock:
        hours, minutes, secs = (int(g or 0) for g in clock.groups())
        return hours * 3600 + minutes * 60 + secs
    try:
        seconds = float(value.replace(",", ""))
    except ValueError:
        raise RowProblem(Errors.E015.format(value=value, column=column)) from None
    if seconds < 0 or seconds != seconds:
        raise RowProblem(Errors.E015.format(value=value, column=column))
    return int(round(seconds))


def _kind(value: str | None) -> str:
    """The schema's Call.kind from a telco's type column ("MOC", "SMS-MO", "Voice")."""
    if not value:
        return "voice"
    text = value.lower()
    return next((kind for word, kind in _KINDS if word in text), "other")
