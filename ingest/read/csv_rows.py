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
_BAD_BYTES = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd]")


class RowProblem(ValueError):
    """One row cannot be used; the message is one of ``Errors``' row messages."""


@dataclass(frozen=True)
class Row:
    """One CSV record: 1-based start ``line``, its ``raw`` text at ``text[start:end]``, its values,
    and the one-line ``problem`` (an ``Errors`` row message) that makes it unusable, if any."""

    line: int
    start: int
    end: int
    raw: str
    values: tuple[str, ...]
    problem: str | None = None

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
    """Lines of a text from ``pos`` (split on ``\\n`` only, endings kept), remembering how far it has read."""

    def __init__(self, text: str, pos: int = 0, count: int = 0) -> None:
        self._matches = _LINE.finditer(text, pos)
        self.pos = pos
        self.count = count

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        match = next(self._matches)
        self.pos, self.count = match.end(), self.count + 1
        return match.group()


def iter_rows(text: str, delimiter: str = ",", width: int | None = None) -> Iterator[Row]:
    """Stream the non-blank rows of a CSV text, header first.

    A row the csv module rejects comes back with no values, to be reported as E014. With the
    header's ``width``, a quoted field that runs over line ends is an unterminated quote (E019 in
    ``Row.problem``) when the record it closes has the wrong width or a line inside it would be a
    whole row by itself; reading then goes on at the next line, so one stray quote costs one row,
    not the rest of the file. A row holding a NUL, another control character or an undecodable
    byte (U+FFFD) gets E025.

    >>> [(r.line, r.values, r.raw) for r in iter_rows('a,b\\n\\n"x\\ny",2\\n')]
    [(1, ('a', 'b'), 'a,b'), (3, ('x\\ny', '2'), '"x\\ny",2')]
    >>> [(r.line, r.values, (r.problem or "")[:6]) for r in iter_rows('a,b\\n"x,1\\ny,2\\n', width=2)]
    [(1, ('a', 'b'), ''), (2, (), '[E019]'), (3, ('y', '2'), '')]
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
        if width is not None and lines.count > line and _unterminated(raw, values, width, delimiter):
            first = text[start:text.find("\n", start) + 1 or len(text)]
            yield Row(line=line, start=start, end=start + len(first.rstrip("\r\n")), raw=first.rstrip("\r\n"),
                      values=(), problem=Errors.E019.format(lines=lines.count - line))
            lines = _Lines(text, start + len(first), line)
            reader = csv.reader(lines, delimiter=delimiter)
            continue
        if values or raw.strip():
            bad = _BAD_BYTES.search(raw)
            problem = Errors.E025.format(what=_describe(bad.group())) if bad else None
            yield Row(line=line, start=start, end=start + len(raw), raw=raw, values=tuple(values), problem=problem)


def _unterminated(raw: str, values: list[str], width: int, delimiter: str) -> bool:
    """A record over several lines that is not a real multi-line field (see ``iter_rows``)."""
    if len(values) != width:
        return True
    inner = raw.split("\n")[1:-1]
    return any(len(next(csv.reader([ln], delimiter=delimiter), [])) == width for ln in inner)


def _describe(char: str) -> str:
    if char == "\ufffd":
        return "a byte that is not valid text in the file's encoding"
    return "NUL" if char == "\x00" else f"control character U+{ord(char):04X}"


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
