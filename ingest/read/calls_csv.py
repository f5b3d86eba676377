"""Call detail records and handset call logs -> Phone and Call mentions with CALLED / CALL_TO.

Why: who called whom, when and from which cell site is often the first hard link between a
recruiter and a victim or an official. Each row becomes a Call event
``(caller phone)-[:CALLED]->(Call)-[:CALL_TO]->(callee phone)``, keyed by the file's sha256 and
the row's line so re-reading the same export yields the same ids.

Two shapes (``ingest.read.mapping``): a *pairs* export names caller and callee; a *party* export
(a seized handset's call log, a carrier's subscriber-centred CDR) names the other party and a
direction, and its own line comes from ``ingest.read.handset``, which also turns a saved contact
name into a lead.

Decisions: a row whose phones, start time, duration or direction do not parse is skipped whole
(E010-E017) so no half-row is stored. A record without a type column is a voice call; a type of
MO / MT / incoming is a voice call too. Durations may be seconds ("125"), clock time ("2:05",
"00:02:05") or minutes when the header says so ("Duration (min)"). A date and a time in two
columns ("CALL_DATE", "CALL_TIME") make one start. A status ("Missed", "Rejected") is kept on
the Call and shown in its caption.
"""
from __future__ import annotations

import re

from graph_schema.records import make_id
from ingest.errors import Errors
from ingest.read.columns import DONE
from ingest.read.csv_rows import RowProblem, clean_phone_field, clean_when
from ingest.read.handset import own_mention, party_ends, saved_contact
from ingest.read.rowrecords import RowRecords
from ingest.read.vocabulary import value_class

__all__ = ["call_row", "METHOD"]

METHOD = "calls_csv"
_CLOCK = re.compile(r"^(?:(\d+):)?(\d{1,2}):(\d{2})$")


def call_row(rec: RowRecords, region: str = "BZ", date_format: str | None = None) -> None:
    """Fill ``rec`` with one call's mentions and relations, or raise ``RowProblem``."""
    party, own, direction = rec.layout.shape == "party", None, None
    if party:
        own, other, direction = party_ends(rec, region)
        caller, callee = (own, other) if direction == "out" else (other, own)
    else:
        caller = clean_phone_field(rec.value("caller", required=True) or "", rec.column("caller"), region)
        callee = clean_phone_field(rec.value("callee", required=True) or "", rec.column("callee"), region)
    at = _start(rec, date_format)
    raw_duration = rec.value("duration")
    duration = _seconds(raw_duration, rec.column("duration"), rec.layout.hints) if raw_duration else None
    kind = _kind(rec.value("kind") or (rec.value("direction") if party else None))
    status = rec.value("status")
    rec.date = at[:10]
    caption = f"{kind} call {at.replace('T', ' ')}" + (f", {duration} s" if duration is not None else "")
    if status and set(re.findall(r"\w+", status.lower())).isdisjoint(DONE):
        caption += f", {status.lower()}"
    recorded_on = rec.own.label if party and rec.own else None
    if recorded_on:
        caption += f", {'outgoing from' if direction == 'out' else 'incoming to'} {recorded_on}"
        caption += "" if rec.own and rec.own.number else " (its number unknown)"
    call = rec.event("Call", make_id(rec.note.id, rec.row.line), {
        "date": rec.date, "at": at if "T" in at else None, "duration_s": duration,
        "cell_site": rec.value("cell_site"), "kind": kind, "status": status, "recorded_on": recorded_on,
        "record": f"{rec.note.path}:{rec.row.line}", "caption": caption,
    })
    if party:
        other_m = rec.mention("Phone", "other_party", key=other)
        own_m = own_mention(rec, own) if own else None
        caller_m, callee_m = (own_m, other_m) if direction == "out" else (other_m, own_m)
    else:
        caller_m = rec.mention("Phone", "caller", key=caller)
        callee_m = rec.mention("Phone", "callee", key=callee)
    if caller_m is not None:
        rec.relate("CALLED", caller_m, call)
    if callee_m is not None:
        rec.relate("CALL_TO", call, callee_m)
    if party:
        saved_contact(rec, other_m)


def _start(rec: RowRecords, date_format: str | None) -> str:
    """The ISO start, a separate time column joined to a date that has none."""
    value, column = rec.value("start", required=True) or "", rec.column("start")
    time = rec.value("time")
    if time and ":" not in value:
        value, column = f"{value} {time}", f"{column} + {rec.column('time')}"
    return clean_when(value, column, date_format)


def _seconds(value: str, column: str, hints: dict[str, str]) -> int:
    """Whole seconds from "125", "125.0" or "0:02:05" (minutes when the header says so); E015 otherwise."""
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
    return int(round(seconds * (60 if hints.get("duration_unit") == "minutes" else 1)))


def _kind(value: str | None) -> str:
    """The schema's Call.kind from a telco's type column ("MOC", "SMS-MO", "Voice", "Incoming")."""
    if not value:
        return "voice"
    return value_class(value, "kind") or "other"
