"""CSV rows with their line numbers and character offsets, and the field checks rows share.

Why: a CSV row is evidence like a sentence of a note. Its ``Evidence`` points at the row's
exact span of the file's text, and each mention at its field's span, so "show me where this
call came from" lands on the row. ``csv.reader`` does not report offsets, so rows are read from
a line iterator that counts what it hands out. Rows are streamed: nothing holds the whole file's
rows at once.

Field offsets are absolute (into the note's text) so that mention ids, which are made from
offsets, never collide between rows. For a quoted field the span is the text between the quotes.
"""
from __future__ import annotations

import csv
import datetime as _dt
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass

from graph_schema.types import clean_phone, get_type
from ingest.errors import Errors

__all__ = ["Row", "RowProblem", "iter_rows", "sniff_delimiter", "clean_amount", "clean_phone_field", "clean_when"]

_LINE = re.compile(r"[^\n]*\n|[^\n]+$")
_AMOUNT_JUNK = re.compile(r"[^\d.,\-]")


class RowProblem(ValueError):
    """One row cannot be used; the message is one of ``Errors``' row messages."""


@dataclass(frozen=True)
class Row:
    """One CSV record: 1-based start ``line``, its ``raw`` text at ``text[start:end]``, its values."""

    line: int
    start: int
    end: int
    raw: str
    values: tuple[str, ...]

    def span(self, index: int, delimiter: str) -> tuple[int, int]:
        """Absolute offsets of field ``index``'s value (stripped); the whole row if unsure."""
        pos = 0
        for i in range(index + 1):
            if self.raw[pos:pos + 1] == '"':
                close = _closing_quote(self.raw, pos + 1)
                begin, stop, pos = pos + 1, close, self.raw.find(delimiter, close) + 1
            else:
                comma = self.raw.find(delimiter, pos)
                begin, stop = pos, (comma if comma >= 0 else len(self.raw))
                pos = comma + 1 if comma >= 0 else len(self.raw)
            if i < index and pos == 0:
                return self.start, self.end
        piece = self.raw[begin:stop]
        begin += len(piece) - len(piece.lstrip())
        stop -= len(piece) - len(piece.rstrip())
        return self.start + begin, self.start + max(begin, stop)


def _closing_quote(raw: str, pos: int) -> int:
    while pos < len(raw):
        if raw[pos] == '"':
            if raw[pos + 1:pos + 2] != '"':
                return pos
            pos += 1
        pos += 1
    return len(raw)


class _Lines:
    """Lines of a text (split on ``\\n`` only, endings kept), remembering how far it has read."""

    def __init__(self, text: str) -> None:
        self._matches = _LINE.finditer(text)
        self.pos = 0
        self.count = 0

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        match = next(self._matches)
        self.pos, self.count = match.end(), self.count + 1
        return match.group()


def iter_rows(text: str, delimiter: str = ",") -> Iterator[Row]:
    """Stream the non-blank rows of a CSV text, header first.

    A row the csv module rejects comes back with no values, to be reported as E014.

    >>> [(r.line, r.values, r.raw) for r in iter_rows('a,b\\n\\n"x\\ny",2\\n')]
    [(1, ('a', 'b'), 'a,b'), (3, ('x\\ny', '2'), '"x\\ny",2')]
    """
    lines = _Lines(text)
    reader = csv.reader(lines, delimiter=delimiter)
    while True:
        start, line = lines.pos, lines.count + 1
        try:
            values: list[str] = next(reader)
        except StopIteration:
            return
        except csv.Error:
            values = []
        raw = text[start:lines.pos].rstrip("\r\n")
        if values or raw.strip():
            yield Row(line=line, start=start, end=start + len(raw), raw=raw, values=tuple(values))


def sniff_delimiter(first_line: str) -> str:
    """The delimiter of a header line: the most frequent of comma, semicolon, tab and pipe.

    >>> sniff_delimiter("MTCN;SENDER_NAME;AMOUNT")
    ';'
    """
    counts = {d: first_line.count(d) for d in (",", ";", "\t", "|")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def clean_phone_field(value: str, column: str, region: str) -> str:
    """E.164 or ``RowProblem`` E011: a rejected phone is never stored raw."""
    phone = clean_phone(value, region)
    if phone is None:
        raise RowProblem(Errors.E011.format(value=value, column=column))
    return phone


def clean_amount(value: str, column: str) -> float:
    """A positive amount from "1,250.00", "$500" or "BZ$ 75.5"; ``RowProblem`` E012 otherwise.

    >>> clean_amount("BZ$ 1,250.00", "AMOUNT")
    1250.0
    """
    try:
        amount = float(_AMOUNT_JUNK.sub("", value).replace(",", ""))
    except ValueError:
        raise RowProblem(Errors.E012.format(value=value, column=column)) from None
    if not math.isfinite(amount) or amount <= 0:
        raise RowProblem(Errors.E012.format(value=value, column=column))
    return amount


def clean_when(value: str, column: str, date_format: str | None = None) -> str:
    """An ISO datetime (or date) from an export's time stamp; ``RowProblem`` E013 otherwise.

    ``date_format`` (from the mapping) wins: US exports write month first, Belize day first.

    >>> clean_when("2024-03-05 14:22:05", "START_TIME"), clean_when("05/03/2024", "SEND_DATE")
    ('2024-03-05T14:22:05', '2024-03-05')
    """
    if date_format:
        try:
            parsed = _dt.datetime.strptime(value.strip(), date_format)
        except ValueError:
            raise RowProblem(Errors.E013.format(value=value, column=column)) from None
        has_time = any(c in date_format for c in "HIMS")
        return parsed.isoformat(timespec="seconds") if has_time else parsed.date().isoformat()
    when = get_type("datetime").clean(value)
    if not when:
        raise RowProblem(Errors.E013.format(value=value, column=column))
    return str(when)
