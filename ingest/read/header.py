"""The optional header block at the top of a note: Case, Date, Author, Type, Title.

Why: the unit's notes often start with a few ``Key: value`` lines. They give the note its case,
date (the first/last-seen dates of every fact in it) and type. The header is parsed but never
cut from the text, so every character offset still refers to the whole file's text.

The block is the run of ``Key: value`` lines at the very top (an optional ``---`` line first,
markdown ``**bold**`` keys allowed), ending at the first blank or other line. It counts only when
at least one known key is in it, so a narrative opening with "Subject stated: ..." is not eaten.
Unknown keys in a real header are kept in ``metadata`` (lowercased); a date that cannot be
parsed stays in ``metadata["date_raw"]`` and the note's date is None.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from graph_schema.types import get_type

__all__ = ["Header", "parse_header", "normalize_note_type", "normalize_date"]

_LINE = re.compile(r"[ \t]*[*_]{0,2}([A-Za-zÀ-ÿ][A-Za-zÀ-ÿ .#/-]{0,30}?)[*_]{0,2}[ \t]*:[*_]{0,2}[ \t]*(.*?)[ \t]*\r?$")
_FIELDS = {
    "case": "case", "case no": "case", "case no.": "case", "case number": "case", "case id": "case",
    "case #": "case", "date": "date", "author": "author", "officer": "author", "prepared by": "author",
    "reporting officer": "author", "type": "type", "note type": "type", "report type": "type",
    "title": "title", "subject": "title",
    # who wrote or took it, in the forms statements and logs use (English and Spanish)
    "taken by": "author", "statement taken by": "author", "recorded by": "author", "interviewing officer": "author",
    "investigating officer": "author", "observer": "author", "written by": "author", "submitted by": "author",
    "tomada por": "author", "tomado por": "author", "elaborado por": "author", "elaborada por": "author",
    "redactado por": "author", "redactada por": "author", "oficial": "author", "autor": "author",
    "expediente": "case", "caso": "case", "no. de caso": "case", "fecha": "date", "lugar y fecha": "date",
    "fecha y hora": "date", "tipo": "type",
}
# A form's heading lines before its "Key: value" block ("BELIZE POLICE DEPARTMENT - ATIPU", "ARREST REPORT")
_HEADING = re.compile(r"[ \t]*[#*_]*[ \t]*[^\s:][^:]{0,80}\r?\n?")
_MAX_HEADINGS = 3
# The officer who signs a log or statement on its last line: "S. Gentle #2290", "Cpl. E. Chuc"
_SIGNATURE = re.compile(r"(?:(?:Sgt|Cpl|PC|WPC|Insp|Supt|Det|IO|Sgta)\.?\s+)?(?:#?\d{2,5}\s+)?"
                        r"(?P<name>(?:[A-Z]\.\s?)*[A-Z][a-zA-Z'’-]+(?:\s[A-Z][a-zA-Z'’-]+)?)(?:\s*#?\d{2,5})?")
_TYPES = (  # first match wins: "arrest report" before "report"-like words
    ("arrest", "arrest_report"), ("interview", "interview"), ("statement", "statement"),
    ("surveillance", "surveillance"), ("tip", "tip"), ("crime stoppers", "tip"),
)
_ORDINAL = re.compile(r"(\d{1,2})(st|nd|rd|th)\b", re.IGNORECASE)
_MAX_HEADER_LINES = 20
_HEAD_CHARS = 4096  # a header is short; never split a 50 MB note into lines to find it


@dataclass(frozen=True)
class Header:
    """What the header said, already normalized; ``end`` is the offset just after the block."""

    case: str | None = None
    date: str | None = None
    author: str | None = None
    type: str | None = None
    title: str | None = None
    end: int = 0
    metadata: dict[str, Any] = field(default_factory=dict)


def parse_header(text: str, skip_blank_lines: bool = False) -> Header:
    """Read the header block of ``text`` (an empty ``Header`` when there is none).

    ``skip_blank_lines`` is for Word files, whose paragraphs are joined by blank lines: there the
    block ends at the first line that is not ``Key: value``, not at the first blank one.

    >>> h = parse_header("Case: BZ-2024-017\\nDate: 3 March 2024\\nType: Witness Statement\\n\\nShe said...")
    >>> (h.case, h.date, h.type, h.end)
    ('BZ-2024-017', '2024-03-03', 'statement', 61)
    """
    pos, found = 0, {}
    lines = text[:_HEAD_CHARS].splitlines(keepends=True)[:2 * _MAX_HEADER_LINES + 1]
    if lines and lines[0].strip() == "---":
        pos += len(lines.pop(0))
    skipped = _headings(lines)
    pos += sum(len(line) for line in lines[:skipped])
    lines = lines[skipped:]
    end = pos
    for line in lines:
        if skip_blank_lines and not line.strip():
            pos += len(line)
            continue
        match = _LINE.fullmatch(line.rstrip("\n"))
        if not match or not match.group(2):
            break
        found[" ".join(match.group(1).lower().split())] = match.group(2)
        end = pos = pos + len(line)
    known = {_field(k): v for k, v in found.items() if _field(k)}
    if not known:
        return Header(author=signature(text), date=_heading_date(text))
    extra = {k: v for k, v in found.items() if not _field(k)}
    date = normalize_date(known["date"]) if "date" in known else None
    if "date" in known and date is None:
        extra["date_raw"] = known["date"]
    note_type = normalize_note_type(known["type"]) if "type" in known else None
    return Header(case=known.get("case"), date=date, author=known.get("author") or signature(text), type=note_type,
                  title=known.get("title"), end=end, metadata=extra)


def _field(key: str) -> str | None:
    """The header field a key names; an officer's title as the key ("Oficial de Trabajo:",
    "Labour Officer:", "Inspector:") names the author, as "Officer:" does."""
    if key in _FIELDS:
        return _FIELDS[key]
    words = key.split()
    if words and (words[0] in _OFFICER_KEYS or words[-1] in _OFFICER_KEYS):
        return "author"
    return None


_OFFICER_KEYS = {"oficial", "officer", "inspector", "inspectora", "investigador", "investigadora", "agente"}


def _headings(lines: list[str]) -> int:
    """How many heading lines (no "Key:" in them) and blank lines open the note before a header
    block; 0 when no header block follows them (then the note simply has no header)."""
    count = 0
    while count < len(lines) and count < 2 * _MAX_HEADINGS and (not lines[count].strip() or (
            _HEADING.fullmatch(lines[count]) and not _LINE.fullmatch(lines[count].rstrip("\n")))):
        count += 1
    if count and count < len(lines):
        match = _LINE.fullmatch(lines[count].rstrip("\n"))
        if match and _field(" ".join(match.group(1).lower().split())):
            return count
    return 0


def _heading_date(text: str) -> str | None:
    """A log with no header block dates itself on its first lines ("Wed 17/04/24", "Fri 08/03/24",
    "Wed 10 Apr 2024 / PC 1650 K. Arzu / ...", "10 de abril de 2024").

    >>> _heading_date("SURVEILLANCE - La Herradura\\nWed 10 Apr 2024 / PC 1650 K. Arzu / ATIPU/OW/0233/2024\\n")
    '2024-04-10'
    """
    for line in text[:400].splitlines()[:3]:
        if found := _DAY_FIRST.search(line) or _NAMED_MONTH.search(line) or _SPANISH_DATE.search(line.lower()):
            return normalize_date(found.group())
    return None


def signature(text: str) -> str | None:
    """The officer signing the last line of a log or statement, when it is only a name
    ("S. Gentle #2290"); None otherwise.

    >>> signature("20:02 in position.\\n01:30 obs ended.\\n\\nS. Gentle #2290\\n"), signature("He left.")
    ('S. Gentle', None)
    """
    tail = text[-300:].rstrip().rsplit("\n", 1)[-1].strip()
    match = _SIGNATURE.fullmatch(tail)
    if not match or len(tail.split()) > 5 or not re.search(r"[#\d]|^[A-Z]\.|\b(?:Sgt|Cpl|PC|Insp|IO)\b", tail):
        return None
    return match.group("name")


def normalize_note_type(raw: str) -> str:
    """Map what the header says to the schema's Note.type values.

    >>> normalize_note_type("Arrest Report"), normalize_note_type("Anonymous tip-off")
    ('arrest_report', 'tip')
    """
    text = " ".join(re.split(r"[\s_-]+", raw.lower()))
    for word, value in _TYPES:
        if re.search(rf"\b{word}", text):
            return value
    return "other"


def normalize_date(raw: str) -> str | None:
    """An ISO date from the common ways officers write one, or None.

    >>> normalize_date("March 3rd, 2024"), normalize_date("03/04/2024 14:30")
    ('2024-03-03', '2024-04-03')

    Spanish notes write "martes 12 de marzo de 2024", often after the place ("Lugar y fecha:
    Oficina ATIPU, Belmopan, martes 12 de marzo de 2024, 10:20 horas"):

    >>> normalize_date("Oficina ATIPU, Belmopan, martes 12 de marzo de 2024, 10:20 horas")
    '2024-03-12'
    >>> normalize_date("Fri 08/03/24"), parse_header("OBS LOG 2   Luna Maya   Fri 15/03/24\\n19:55 in pos.").date
    ('2024-03-08', '2024-03-15')
    """
    text = _ORDINAL.sub(r"\1", raw.strip().strip("."))
    date = get_type("date").clean(text) or get_type("datetime").clean(text)
    if not date:
        numeric = _DAY_FIRST.search(text)
        if numeric:  # the unit writes day first: "Fri 08/03/24", "17/04/24"
            day, month, year = (int(g) for g in numeric.groups())
            year = year + 2000 if year < 100 else year
            if 1 <= month <= 12 and 1 <= day <= 31:
                date = f"{year:04d}-{month:02d}-{day:02d}"
    if not date and (named := _NAMED_MONTH.search(text)):
        named_day = int(named.group("day") or named.group("day2"))
        number = _MONTHS.get((named.group("month") or named.group("month2"))[:3].lower())
        if number and 1 <= named_day <= 31:
            date = f"{named.group('year')}-{number:02d}-{named_day:02d}"
    if not date:
        spanish = _SPANISH_DATE.search(text.lower())
        if spanish and spanish.group(2) in _SPANISH_MONTHS:
            date = f"{spanish.group(3)}-{_SPANISH_MONTHS[spanish.group(2)]:02d}-{int(spanish.group(1)):02d}"
    return str(date)[:10] if date else None


_SPANISH_MONTHS = {m: i for i, m in enumerate(
    ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre",
     "diciembre"], start=1)} | {"setiembre": 9}
_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}
# "10 Apr 2024", "10 April, 2024", "April 10, 2024": the month written in English, day and year around it
_MONTH_NAME = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?" \
              r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b"
_NAMED_MONTH = re.compile(
    rf"\b(?:(?P<day>\d{{1,2}})\s+(?P<month>{_MONTH_NAME})\.?,?"
    rf"|(?P<month2>{_MONTH_NAME})\.?\s+(?P<day2>\d{{1,2}}),?)"
    r"\s+(?P<year>(?:19|20)\d{2})\b", re.IGNORECASE)
_DAY_FIRST = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})(?![\d/])")
_SPANISH_DATE = re.compile(r"\b(\d{1,2}) de ([a-záéíóú]+) (?:de|del) (\d{4})\b")
