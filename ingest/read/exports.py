"""A CSV export (a Note of type calls_csv / transfers_csv) -> an ``Extraction``.

Why: exports skip spaCy and go straight to the records resolution expects. ``iter_export``
streams one result per row (its mentions and relations, or a ``FileError`` naming the line), so
a large export never needs all its rows at once; ``read_export`` collects them into the one
``Extraction`` per file that the rest of ingest handles. A broken row is reported and skipped;
the good rows still load.

Decisions: lines starting with ``#`` above the header are the export's preamble (extraction
tools write the device and its number there); they are not rows, but line numbers still count
them, so a reported line is the file's line. A note read with a mapping carries it
(``Note.metadata["mapping"]``), so a later ``read_export(note)`` reads its rows the same way.
A party-shaped log whose own number is nowhere to be found gets one note without a line
(E023) before its rows (``ingest.read.handset``). A row with a stray quote (E019) or a bad byte
(E025) is one error and the rows after it still load (``ingest.read.csv_rows.iter_rows``); a
header with no rows at all is one note too (E026), never silence.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice

from graph_schema.records import Mention, Note, Relation
from ingest.errors import Errors, IngestError
from ingest.read.calls_csv import call_row
from ingest.read.csv_rows import Row, RowProblem, iter_rows, sniff_delimiter
from ingest.read.decode import Unreadable
from ingest.read.handset import OwnLine, own_line
from ingest.read.mapping import ColumnMapping, Layout, default_mapping, detect_layout, mapping_from
from ingest.read.rowrecords import RowRecords
from ingest.read.transfers_csv import transfer_row
from ingest.results import Extraction, FileError

__all__ = ["EXPORT_TYPES", "Export", "csv_layout", "export_parts", "is_export", "iter_export", "read_export"]

EXPORT_TYPES = {"calls": "calls_csv", "transfers": "transfers_csv"}
_ROW_READERS = {"calls": call_row, "transfers": transfer_row}
_SAMPLE_ROWS = 20
RowResult = tuple[tuple[Mention, ...], tuple[Relation, ...]]


@dataclass(frozen=True)
class Export:
    """What the top of a CSV export says: its layout, delimiter, header row and preamble lines."""

    layout: Layout
    delimiter: str
    header: Row
    preamble: tuple[Row, ...] = ()


def _is_comment(line: str) -> bool:
    return line.lstrip().startswith("#")


def csv_layout(text: str, mapping: ColumnMapping | None = None) -> Export:
    """Detect the export in a CSV text: its layout, delimiter, header and preamble; ``Unreadable`` if not."""
    mapping = mapping or default_mapping()
    lines = (m.group() for m in re.finditer(r"[^\n]+", text))  # lazily: never split a large file whole
    first = next((line for line in lines if line.strip() and not _is_comment(line)), "")
    delimiter = mapping.delimiter or sniff_delimiter(first)
    rows = iter_rows(text, delimiter)
    preamble, header = [], None
    for row in rows:
        if not _is_comment(row.raw):
            header = row
            break
        preamble.append(row)
    if header is None:
        raise Unreadable(Errors.E001)
    sample = [r.values for r in islice(rows, _SAMPLE_ROWS)]
    layout = detect_layout(list(header.values), mapping, sample=sample)
    return Export(layout=layout, delimiter=delimiter, header=header, preamble=tuple(preamble))


def note_mapping(note: Note) -> ColumnMapping | None:
    """The mapping a note was read with (``read_file(..., mapping=...)``), if any."""
    spec = note.metadata.get("mapping")
    return mapping_from(spec) if isinstance(spec, dict) else None


def iter_export(note: Note, mapping: ColumnMapping | None = None) -> Iterator[RowResult | FileError]:
    """Stream each data row's records, or a ``FileError`` with its line; ``IngestError`` for the file."""
    try:
        mapping = mapping or note_mapping(note) or default_mapping()
        export = csv_layout(note.text, mapping)
    except Unreadable as exc:
        raise IngestError(note.path, str(exc)) from None
    layout = export.layout
    own: OwnLine | None = None
    if layout.shape == "party" and "subscriber" not in layout.columns:
        own = own_line(note, export.preamble, mapping)
        if own.number is None:
            yield FileError(note.path, Errors.E023.format(label=own.label))
    read_row = _ROW_READERS[layout.kind]
    rows = 0
    for row in iter_rows(note.text, export.delimiter, width=layout.width):
        if row.line <= export.header.line:
            continue
        rows += 1
        if row.problem:
            yield FileError(note.path, row.problem, line=row.line)
            continue
        if len(row.values) != layout.width:
            message = Errors.E014.format(found=len(row.values), expected=layout.width)
            yield FileError(note.path, message, line=row.line)
            continue
        rec = RowRecords(note=note, row=row, layout=layout, delimiter=export.delimiter, method=f"{layout.kind}_csv",
                         header=export.header.values, own=own)
        try:
            read_row(rec, mapping.region, mapping.date_format)
        except RowProblem as exc:
            yield FileError(note.path, str(exc), line=row.line)
            continue
        yield tuple(rec.mentions), tuple(rec.relations)
    if not rows:
        yield FileError(note.path, Errors.E026)


def read_export(note: Note, mapping: ColumnMapping | None = None) -> Extraction:
    """All rows of one export as one ``Extraction``: good rows' records, bad rows' errors.

    Raises ``IngestError`` when the file as a whole is not a recognisable export.
    """
    return next(export_parts(note, mapping, part_mentions=0))


def export_parts(note: Note, mapping: ColumnMapping | None = None, *,
                 part_mentions: int = 5000) -> Iterator[Extraction]:
    """The rows of one export as ``Extraction`` parts of about ``part_mentions`` mentions (0: one
    part), each row whole in one part, so a large export need not be held at once; bad rows'
    errors come in the part being filled. Raises ``IngestError`` like ``read_export``."""
    mentions: list[Mention] = []
    relations: list[Relation] = []
    errors: list[FileError] = []
    for result in iter_export(note, mapping):
        if isinstance(result, FileError):
            errors.append(result)
            continue
        mentions.extend(result[0])
        relations.extend(result[1])
        if part_mentions and len(mentions) >= part_mentions:
            yield Extraction(note=note, mentions=tuple(mentions), relations=tuple(relations), errors=tuple(errors))
            mentions, relations, errors = [], [], []
    yield Extraction(note=note, mentions=tuple(mentions), relations=tuple(relations), errors=tuple(errors))


def is_export(note: Note) -> bool:
    """True for a Note that ``read_export`` handles instead of the NLP stage."""
    return note.type in EXPORT_TYPES.values()
