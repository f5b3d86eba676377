"""Reading case folders: files -> ``Note`` records, CSV exports -> ``Extraction`` records.

Public API::

    read_path(path, case_id=None, mapping=None, max_bytes=MAX_BYTES) -> Iterator[Note | FileError]
    read_file(path, root=None, case_id=None, mapping=None, max_bytes=MAX_BYTES) -> Note  # IngestError
    walk(folder) -> Iterator[Path | FileError]             # never aborts: loops, FIFOs, unreadable folders are lines
    read_export(note, mapping=None) -> Extraction          # notes of type calls_csv / transfers_csv
    iter_export(note, mapping=None) -> Iterator[(mentions, relations) | FileError]
    is_export(note) -> bool
    paragraph_chunks(text, max_len) -> Iterator[(offset, chunk)]
    load_mapping(path) / mapping_from(dict) / default_mapping() -> ColumnMapping
    detect_layout(header, mapping=None, sample=()) -> Layout   # kind, shape, columns; E020 / E021 suggest a mapping
    parse_header(text) -> Header

Typical use by the extraction stage::

    for item in read_path(folder, case_id="BZ-2024-017"):
        if isinstance(item, FileError): report(item)
        elif is_export(item): yield read_export(item)
        else: ... spaCy over paragraph_chunks(item.text, nlp.max_length) ...
"""
from ingest.read.chunks import paragraph_chunks
from ingest.read.decode import Unreadable, decode_bytes
from ingest.read.exports import EXPORT_TYPES, is_export, iter_export, read_export
from ingest.read.files import SUFFIXES, iter_files, read_file, read_path, walk
from ingest.read.header import Header, normalize_date, normalize_note_type, parse_header
from ingest.read.mapping import ColumnMapping, Layout, default_mapping, detect_layout, load_mapping, mapping_from

__all__ = [
    "EXPORT_TYPES", "SUFFIXES", "ColumnMapping", "Header", "Layout", "Unreadable", "decode_bytes",
    "default_mapping", "detect_layout", "is_export", "iter_export", "iter_files", "load_mapping",
    "mapping_from", "normalize_date", "normalize_note_type", "paragraph_chunks", "parse_header",
    "read_export", "read_file", "read_path", "walk",
]
