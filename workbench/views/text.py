"""Text that is safe to hand on: visible direction controls, valid XML, inert spreadsheet cells.

Why: names and sentences come from case notes and exports written by anyone. Three things go
wrong when that text leaves the workbench, and each has one function here, used by every view
and every export:

- ``visible_controls``: Unicode direction controls (U+202E RIGHT-TO-LEFT OVERRIDE and friends)
  reorder what a reader sees ("Ana" + RLO + "gpj.exe" reads as "Anaexe.jpg"), so they are
  replaced by a visible tag such as ``[RLO]``; C0 control characters (a form feed, an ESC) become
  their visible Control Pictures (``␌``, ``␛``). Tab and line breaks stay.
- ``xml_text``: XML 1.0 cannot carry most C0 controls at all (a form feed made the GraphML
  writer crash and leave an empty file, and GEXF invalid), so every string written to XML goes
  through ``visible_controls``, and anything XML still refuses becomes U+FFFD.
- ``csv_cell``: a cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is a
  formula to Excel and LibreOffice (``=HYPERLINK(...)``, DDE), so it gets a leading apostrophe,
  the spreadsheets' own "this is text" mark (OWASP's advice). A plain number or an E.164 phone
  number (``+5016221234``, ``-12.5``) is left alone: it cannot run anything, and an apostrophe
  there would spoil every phone in an i2 chart. ``safe_csv`` writes a whole CSV that way: every
  CSV the workbench writes (i2's entities and links, the flags table) is made by it.
"""
from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping
from typing import Any

__all__ = ["visible_controls", "xml_text", "csv_cell", "safe_csv", "BIDI_TAGS"]

BIDI_TAGS = {
    "\u202a": "[LRE]", "\u202b": "[RLE]", "\u202c": "[PDF]", "\u202d": "[LRO]", "\u202e": "[RLO]",
    "\u2066": "[LRI]", "\u2067": "[RLI]", "\u2068": "[FSI]", "\u2069": "[PDI]",
    "\u200e": "[LRM]", "\u200f": "[RLM]", "\u061c": "[ALM]",
}
_C0 = {chr(c): chr(0x2400 + c) for c in range(0x20) if chr(c) not in "\t\n\r"}
_VISIBLE = str.maketrans({**BIDI_TAGS, **_C0, "\x7f": "\u2421"})
_ANY_CONTROL = re.compile("[" + "".join(BIDI_TAGS) + "".join(_C0) + "\x7f]")
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(\d+(\.\d+)?|\d{1,3}(,\d{3})+(\.\d+)?)")


def visible_controls(text: str) -> str:
    """``text`` with direction controls tagged and C0 controls shown as Control Pictures.

    >>> visible_controls("Ana\\u202egpj.exe")
    'Ana[RLO]gpj.exe'
    >>> visible_controls("page\\x0cbreak \\x1b[31m")
    'page␌break ␛[31m'
    """
    if not _ANY_CONTROL.search(text):  # the common case, and a C-speed scan: a page's data is megabytes
        return text
    return text.translate(_VISIBLE)


def xml_text(value: Any) -> str:
    """A string any XML 1.0 writer accepts, with the controls made visible.

    >>> xml_text("Maria\\x0cLopez\\x00")
    'Maria␌Lopez␀'
    >>> xml_text("\\ud800 lone surrogate")
    '\\ufffd lone surrogate'
    """
    return _NOT_XML.sub("\ufffd", visible_controls(str(value)))


def csv_cell(value: Any) -> Any:
    """A value safe in a spreadsheet cell; non-strings are returned unchanged.

    >>> csv_cell("=HYPERLINK(\\"http://x\\",\\"click\\")")
    '\\'=HYPERLINK("http://x","click")'
    >>> csv_cell("@SUM(A1)"), csv_cell("+5016221234"), csv_cell("-12.5"), csv_cell(-3)
    ("'@SUM(A1)", '+5016221234', '-12.5', -3)
    >>> csv_cell("+cmd|' /C calc'!A0")
    "'+cmd|' /C calc'!A0"
    """
    if not isinstance(value, str):
        return value
    text = visible_controls(value)
    if value.startswith(_FORMULA_START) and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + text
    return text


def safe_csv(columns: list[str], rows: Iterable[Mapping[str, Any]]) -> str:
    """A CSV text with a header (RFC 4180: CRLF line ends): ``columns`` of ``rows`` (other keys
    ignored), each cell through :func:`csv_cell`.

    >>> safe_csv(["name", "n"], [{"name": "=1+1", "n": 2, "extra": "x"}])
    "name,n\\r\\n'=1+1,2\\r\\n"
    """
    buf = io.StringIO(newline="")
    writer = csv.DictWriter(buf, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    writer.writerows({k: csv_cell(v) for k, v in row.items()} for row in rows)
    return buf.getvalue()
