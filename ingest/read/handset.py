"""The implicit end of a party-shaped call log (a seized handset's log), and its contact names.

Why: a call log extracted from a seized handset lists the *other* party of each call, a
direction and the name the owner saved for that number; the handset's own number is in no row.
An investigator knows the handset by its exhibit id (HB-04), and a note (the search or arrest
report) says whose phone that is. So each call needs its own end from somewhere else, and the
saved name must stay what it is: how the owner knew the caller, a lead, not a name on record.

Decisions:

- The own number, first found: a subscriber column (per row, ``calls_csv``); the mapping's
  ``options: own_number`` (one for every file, or by exhibit id or file name: the investigator's
  word wins); a line above the header such as ``# Number: +501 627 4410`` (a key naming a
  number, phone, line, MSISDN, SIM, handset, device, owner or subscriber); one phone number in
  the file name (``handset_6274410_calllog.csv``). The phone type decides: a value it rejects
  is no number.
- Otherwise the number stays unknown. The file gets one note (E023, no line) and every call
  keeps only its other party's leg: an incoming call is ``(other phone)-[:CALLED]->(Call)``,
  an outgoing one ``(Call)-[:CALL_TO]->(other phone)``. No stand-in Phone is invented: a Phone
  is keyed by its E.164 number, and a made-up "HB-04's number" node would have to be unmerged
  from the real one once known. The call's ``recorded_on`` (the exhibit id from the file name or
  a ``# Exhibit:`` line, else the file name) keeps the tie to the exhibit, so the exhibit list
  in the notes, or a mapping, can give the owner on a later run.
- The direction column (or a type column standing in for it) decides who called: out
  (outgoing, OUT, MO, dialled) -> the own line called; in (incoming, IN, MT, missed, rejected)
  -> the other party called. A value that is neither skips the row (E017).
- A saved contact name becomes a Person mention (method ``handset_contact``, confidence 0.5)
  linked ``USES_PHONE`` to the other party's phone with the same method and confidence.
  Resolution weighs it like a nickname in a note: "Skinny" on the handset meets the "Skinny" of
  the interviews only as resolution decides. It is not a Phone property: a mention keeps who
  saved the name (the note) and where (the row). A value with no letter, or "Unknown", is no
  saved name.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath

from graph_schema.records import Mention, Note
from graph_schema.types import clean_phone
from ingest.errors import Errors
from ingest.read.csv_rows import Row, RowProblem, clean_phone_field
from ingest.read.mapping import ColumnMapping
from ingest.read.rowrecords import RowRecords
from ingest.read.vocabulary import header_words, value_class

__all__ = ["CONTACT_METHOD", "OwnLine", "exhibit_id", "own_line", "own_mention", "party_ends", "saved_contact"]

CONTACT_METHOD = "handset_contact"
CONTACT_CONFIDENCE = 0.5
_EXHIBIT = re.compile(r"(?<![A-Za-z0-9])([A-Z]{1,5}-\d{1,5}[A-Z]?)(?![A-Za-z0-9])")
_KEY_VALUE = re.compile(r"#+\s*([^:=]{1,40}?)\s*[:=]\s*(\S.*?)\s*$")
_NUMBER_KEYS = {"number", "phone", "line", "msisdn", "sim", "handset", "device", "owner", "subscriber", "mobile",
                "numero", "telefono", "own", "target"}
_EXHIBIT_KEYS = {"exhibit", "exhibits", "item", "evidencia", "exhibito"}
_NO_NAME = {"unknown", "private", "withheld", "no name", "desconocido", "privado", "n a", "na"}


@dataclass(frozen=True)
class OwnLine:
    """The line a log belongs to: its label (exhibit id or file name), its number when known, and
    where that came from (``line 2``, ``mapping``, ``file name``)."""

    label: str
    number: str | None = None
    source: str | None = None


def exhibit_id(name: str) -> str | None:
    """An exhibit id such as HB-04 in a file name or label.

    >>> exhibit_id("handset_HB-04_calllog.csv"), exhibit_id("calls.csv")
    ('HB-04', None)
    """
    match = _EXHIBIT.search(name)
    return match.group(1) if match else None


def own_line(note: Note, preamble: Sequence[Row], mapping: ColumnMapping) -> OwnLine:
    """The own line of a party-shaped log without a subscriber column (see the module docstring)."""
    name = PurePosixPath(note.path).name
    lines = [(set(header_words(m.group(1))), m.group(2), row.line) for row in preamble
             if (m := _KEY_VALUE.match(row.raw.strip()))]
    label = next((value for words, value, _ in lines if words & _EXHIBIT_KEYS), None) or exhibit_id(name) or name
    given = mapping.own_number or {}
    by_file = {"": given} if isinstance(given, str) else given
    candidates = [(next((by_file[k] for k in ("", label, name, note.path) if k in by_file), None), "mapping")]
    candidates += [(value, f"line {line}") for words, value, line in lines
                   if words & _NUMBER_KEYS and not words & _EXHIBIT_KEYS]
    in_name = {clean_phone(t, mapping.region) for t in re.split(r"[_\s]+", PurePosixPath(name).stem)
               if len(re.sub(r"\D", "", t)) >= 7} - {None}
    candidates += [(in_name.pop(), "file name")] if len(in_name) == 1 else []
    for value, source in candidates:
        number = clean_phone(value, mapping.region) if value else None
        if number:
            return OwnLine(label=label, number=number, source=source)
    return OwnLine(label=label)


def party_ends(rec: RowRecords, region: str) -> tuple[str | None, str, str]:
    """(own number or None, other number, "in" / "out") of one row; ``RowProblem`` when unusable."""
    other = clean_phone_field(rec.value("other_party", required=True) or "", rec.column("other_party"), region)
    raw = rec.value("direction", required=True) or ""
    direction = value_class(raw, "direction")
    if direction is None:
        raise RowProblem(Errors.E017.format(value=raw, column=rec.column("direction")))
    if "subscriber" in rec.layout.columns:
        mine = clean_phone_field(rec.value("subscriber", required=True) or "", rec.column("subscriber"), region)
        return mine, other, direction
    return (rec.own.number if rec.own else None), other, direction


def own_mention(rec: RowRecords, number: str) -> Mention:
    """The own line's Phone: its column, or else the row (whose call it is; the number itself is
    written above the header, in the mapping or the file name, once for every row)."""
    if "subscriber" in rec.layout.columns:
        return rec.mention("Phone", "subscriber", key=number)
    return rec.event("Phone", number, {})


def saved_contact(rec: RowRecords, other: Mention) -> None:
    """The name the owner saved for the other party, as a lead (see the module docstring)."""
    name = " ".join((rec.value("contact_name") or "").split())
    if not re.search(r"[^\W\d_]", name) or " ".join(header_words(name)) in _NO_NAME:
        return
    person = rec.mention("Person", "contact_name", canonical=name, method=CONTACT_METHOD,
                         confidence=CONTACT_CONFIDENCE)
    rec.relate("USES_PHONE", person, other, method=CONTACT_METHOD, confidence=CONTACT_CONFIDENCE)
