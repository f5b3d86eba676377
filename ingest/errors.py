"""One-line error messages for ingest, as named constants with short codes.

Why: an investigator reading an ingest summary needs to know, in one line, which file (and
which row) could not be used and what to do about it; a developer needs a code to grep for.
Keeping every message here (as spaCy keeps its ``errors.py``) makes them consistent and lets
tests assert on the code rather than on wording.

Accessing ``Errors.E001`` returns the message prefixed with its code (``"[E001] empty file
..."``), ready for ``.format(**values)``. ``IngestError`` carries the file (and line) and its
``str`` is the whole one-line message, so a caller can print it as is or turn it into an
``ingest.results.FileError`` and go on with the batch.

Decisions: a note longer than spaCy's ``max_length`` is *not* an error; the NLP stage splits it
with ``ingest.read.paragraph_chunks``. Only files over a hard size limit (``MAX_BYTES``,
200 MB by default, configurable per call) are refused, so one stray disk image in a case folder
cannot exhaust memory. The NLP stage also caps one note's text (``MAX_NOTE_CHARS``, E024): a
long note is read chunk by chunk, but its mentions (about 30,000 per MB of prose) are kept until
the note is done, so the cap bounds an ingest's memory (``bench/bench_long_note.py``). CSV
exports are streamed row by row and have no such cap.

>>> Errors.E001
'[E001] empty file: nothing to read; check that the copy or export finished'
>>> str(IngestError("notes/a.txt", Errors.E001))
'notes/a.txt: [E001] empty file: nothing to read; check that the copy or export finished'
"""
from __future__ import annotations

from graph_schema.errors import CodedMessages

__all__ = ["Errors", "IngestError", "MAX_BYTES", "MAX_NOTE_CHARS", "code_of"]

MAX_BYTES = 200 * 1024 * 1024
MAX_NOTE_CHARS = 12_000_000  # a 10 MB note ingests in 1.06 GB peak (bench_long_note); 12 M stays under 1.5 GB


class Errors(metaclass=CodedMessages):
    """Every ingest message (the convention of :mod:`graph_schema.errors`). Placeholders are
    filled with ``str.format``."""

    # Whole files.
    E001 = "empty file: nothing to read; check that the copy or export finished"
    E002 = "binary file, not text: convert it to .txt, .docx or .pdf, or remove it from the case folder"
    E003 = "cannot decode the text: save it as UTF-8 and ingest it again"
    E004 = "PDF has no text layer, needs OCR: run OCR (e.g. ocrmypdf) and ingest the OCR'd copy"
    E005 = "not a real .docx ({detail}): open it in Word and save it again as .docx"
    E006 = "file too large ({size:,} bytes, limit {limit:,}): split it or raise the limit on purpose"
    E007 = "unsupported file type {suffix!r}: use .txt, .md, .docx, .pdf or a .csv export"
    E008 = "cannot read the PDF ({detail}): it is damaged or password-protected; export an unprotected copy"
    E009 = "cannot open the file ({detail}): check that it exists and is readable"
    E024 = ("note too long to extract ({chars:,} characters, limit {limit:,}): split it into several notes "
            "or raise the limit on purpose")
    # CSV exports: one row.
    E010 = "missing value in column {column!r}: the row was skipped; fill it in or correct the export"
    E011 = "bad phone number {value!r} in column {column!r}: the row was skipped; correct the number"
    E012 = "bad amount {value!r} in column {column!r}: the row was skipped; use a number like 1250.00"
    E013 = "bad date {value!r} in column {column!r}: the row was skipped; use YYYY-MM-DD (or set date_format in the mapping)"
    E014 = "wrong number of fields ({found}, header has {expected}): the row was skipped; check quoting and delimiters"
    E015 = "bad duration {value!r} in column {column!r}: the row was skipped; use whole seconds"
    E016 = "unknown currency {value!r} in column {column!r}: the row was skipped; use an ISO code such as BZD or USD"
    E017 = ("unknown call direction {value!r} in column {column!r}: the row was skipped; "
            "use incoming / outgoing (or IN / OUT, MT / MO)")
    E018 = "bad account or wallet {value!r} in column {column!r}: the row was skipped; correct the number"
    E019 = ("unterminated quote: the field opened on this line never closes (it would swallow {lines} lines); "
            "the row was skipped and the rows after it are read; close the quote in the export")
    E025 = ("bad byte in the row ({what}): the row was skipped; re-export the file or remove the character")
    # CSV exports: the whole file.
    E020 = ("CSV header not recognised as calls or transfers; columns: {columns}; "
            "try a mapping file with {suggestion}")
    E021 = ("CSV header lacks columns for {kind}: {missing}; columns: {columns}; "
            "try a mapping file with {suggestion}")
    E022 = "bad column mapping file: {detail}"
    E023 = ("call log of {label}: its own number is not in the file, so its calls are kept with the other party "
            "only; give it on a '# Number: ...' line above the header or as options: own_number in a mapping file")
    E026 = "CSV export has a header but no rows: nothing to load; check that the export finished"
    # Walking a case folder: one entry, the walk goes on.
    E030 = "symbolic link loop: not followed; remove the link"
    E031 = "cannot read the folder ({detail}): its files were skipped; check its permissions"
    E032 = "not a regular file ({kind}): skipped; copy the file itself into the case folder"
    E033 = "dangling symbolic link to {target}: skipped; restore the file or remove the link"
    E034 = ("symbolic link to {target}, outside the case folder: refused; copy the file into the case folder "
            "if it belongs to the case")
    # Extraction records refused by the schema (one mention or relation; the note goes on).
    E040 = "{label}: not an entity label (from {method})"
    E041 = "{label}.{name}: not a declared property (from {method})"
    E042 = "{type}: {source} -> {target} is not allowed (from {method})"
    # Files the workbench writes and reads back, and its own set-up.
    E043 = "line {line}: a {kind} record before any note; the file is not an extraction JSONL written by the workbench"
    E044 = "spaCy model {name!r} is not installed (set WORKBENCH_SPACY_MODEL or install it): {detail}"
    E045 = "{path}:{line}: not a decision log row ({detail}); fix or remove that line"
    E046 = "cannot decide an entity against itself ({left!r})"
    E047 = "{path}:{line}: not valid JSON ({detail}): fix the pattern file"
    E048 = "{path}: row {row!r}: {detail}: fix the pattern file"


def code_of(message: str) -> str | None:
    """The ``E0xx`` code a message starts with, so tests and summaries can group errors.

    >>> code_of(Errors.E004)
    'E004'
    """
    if message.startswith("[E") and "]" in message:
        return message[1:message.index("]")]
    return None


class IngestError(ValueError):
    """A file (or row) that cannot be used; ``str(error)`` is the one-line message naming it."""

    def __init__(self, path: str, message: str, line: int | None = None) -> None:
        self.path = path
        self.message = message
        self.line = line
        super().__init__(str(self))

    def __reduce__(self) -> tuple[type, tuple[str, str, int | None]]:
        """Rebuilt from its three parts: it crosses from an extraction worker to the caller."""
        return type(self), (self.path, self.message, self.line)

    @property
    def code(self) -> str | None:
        return code_of(self.message)

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.message}"
