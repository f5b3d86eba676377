"""A CSV export (a Note of type calls_csv / transfers_csv) -> an ``Extraction``.

Why: exports skip spaCy and go straight to the records resolution expects. ``iter_export``
streams one result per row (its mentions and relations, or a ``FileError`` naming the line), so
a large export never needs all its rows at once; ``read_export`` collects them into the one
``Extraction`` per file that the rest of ingest handles. A broken row is reported and skipped;
the good rows still load.
"""
from __future__ import annotations

from collections.abc import Iterator

from graph_schema.records import Mention, Note, Relation
from ingest.errors import Errors, IngestError
from ingest.read.calls_csv import call_row
from ingest.read.csv_rows import Row, RowProblem, iter_rows, sniff_delimiter
from ingest.read.decode import Unreadable
from ingest.read.mapping import ColumnMapping, Layout, default_mapping, detect_layout
from ingest.read.rowrecords import RowRecords
from ingest.read.transfers_csv import transfer_row
from ingest.results import Extraction, FileError

__all__ = ["EXPORT_TYPES", "csv_layout", "export_parts", "is_export", "iter_export", "read_export"]

EXPORT_TYPES = {"calls": "calls_csv", "transfers": "transfers_csv"}
_ROW_READERS = {"calls": call_row, "transfers": transfer_row}
RowResult = tuple[tuple[Mention, ...], tuple[Relation, ...]]


def csv_layout(text: str, mapping: ColumnMapping | None = None) -> tuple[Layout, str, Row]:
    """Detect the export in a CSV text: its layout, delimiter and header row; ``Unreadable`` if not."""
    mapping = mapping or default_mapping()
    delimiter = mapping.delimiter or sniff_delimiter(text[:text.find("\n") if "\n" in text else len(text)])
    header = next(iter_rows(text, delimiter), None)
    if header is None:
        raise Unreadable(Errors.E001)
    return detect_layout(list(header.values), mapping), delimiter, header


def iter_export(note: Note, mapping: ColumnMapping | None = None) -> Iterator[RowResult | FileError]:
    """Stream each data row's records, or a ``FileError`` with its line; ``IngestError`` for the file."""
    mapping = mapping or default_mapping()
    try:
        layout, delimiter, header = csv_layout(note.text, mapping)
    except Unreadable as exc:
        raise IngestError(note.path, str(exc)) from None
    read_row = _ROW_READERS[layout.kind]
    rows = iter_rows(note.text, delimiter)
    next(rows)  # the header
    for row in rows:
        if len(row.values) != layout.width:
            message = Errors.E014.format(found=len(row.values), expected=layout.width)
            yield FileError(note.path, message, line=row.line)
            continue
        rec = RowRecords(note=note, row=row, layout=layout, delimiter=delimiter, method=f"{layout.kind}_csv",
                         header=header.values)
        try:
            read_row(rec, mapping.region, mapping.date_format)
        except RowProblem as exc:
            yield FileError(note.path, str(exc), line=row.line)
            continue
        yield tuple(rec.mentions), tuple(rec.relations)


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
