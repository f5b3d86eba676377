"""Bytes -> text: UTF-8 first, then the Western encodings Belizean offices use, then detection.

Why: case notes arrive from old Windows machines (Windows-1252), Latin-1 exports and modern
UTF-8 editors. A wrong guess silently turns "Peña" into "Peńa" and breaks name matching, so the
order is deliberate:

1. a byte-order mark decides (UTF-8, UTF-32, UTF-16; Notepad's "Unicode" is UTF-16);
2. UTF-16 without a BOM (exports from some Windows tools): a NUL in most odd (or even) bytes,
   as Latin text has, and almost none in the others, and the bytes decode as UTF-16;
3. strict UTF-8, where a few stray NUL bytes (at most 1 % of the file) stay in the text and only
   the CSV row holding one is refused (E025); NUL bytes in more, or in bytes that are not
   UTF-8, mean a binary file (E002);
4. UTF-8 with a few broken bytes (at most one in a thousand, fewer than its valid non-ASCII
   characters): decoded with U+FFFD for each, so one bad byte fails its CSV row, not the file;
5. Windows-1252, then Latin-1, when the result looks like English or Spanish text: only Latin
   letters and common punctuation outside ASCII, never three accented letters in a row.
   charset-normalizer alone guesses Central-European cp1250 for short Spanish notes
   (measured with charset-normalizer 3.5: "Peña" -> "Peńa");
6. ASCII with a few broken bytes that no Western code page reads: as in 4;
7. charset-normalizer for anything else (Cyrillic, Asian encodings);
8. nothing fits: E003.

Decoded text with many control characters is binary after all (E002).
"""
from __future__ import annotations

import codecs
import re

import charset_normalizer

from ingest.errors import Errors

__all__ = ["decode_bytes", "Unreadable"]

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Outside ASCII, English and Spanish notes hold Latin-1 letters, typographic punctuation and a
# few symbols. A Cyrillic or Greek file decoded as cp1252 becomes runs of accented letters
# ("Ïðèâåò"), which Spanish never has.
_NOT_WESTERN = re.compile("[^\t\n\r\f\x20-\x7e\u00a0-\u00ff\u2013\u2014\u2018\u2019\u201a\u201c\u201d"
                          "\u201e\u2020\u2021\u2022\u2026\u2030\u2039\u203a\u20ac\u2122\u0152\u0153"
                          "\u0160\u0161\u017d\u017e\u0178\u0192\u02c6\u02dc]")
_FOREIGN_RUN = re.compile("[\u00c0-\u00ff]{3}")
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_SAMPLE = 65536


class Unreadable(ValueError):
    """The bytes are not a usable note; the message is one of ``Errors``' messages (no file name yet)."""


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Return ``(text, encoding)`` or raise ``Unreadable`` with E002 / E003.

    >>> decode_bytes("Peña".encode("cp1252"))
    ('Peña', 'cp1252')
    >>> decode_bytes(codecs.BOM_UTF8 + "José".encode())
    ('José', 'utf-8-sig')
    """
    text, encoding = _decode(data)
    sample = text[:_SAMPLE]
    if sample and len(_CONTROL.findall(sample)) > 0.05 * len(sample):
        raise Unreadable(Errors.E002)
    return text, encoding


def _decode(data: bytes) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                raise Unreadable(Errors.E003) from None
    utf16 = _utf16_without_bom(data)
    if utf16:
        return utf16
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        if b"\x00" in data:
            raise Unreadable(Errors.E002) from None
    else:
        if data.count(b"\x00") > len(data) / 100:
            raise Unreadable(Errors.E002)
        return text, "utf-8"
    fixed = _mostly_utf8(data, needs_valid=True)
    if fixed is not None:
        return fixed, "utf-8"
    for encoding in ("cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_western(text):
            return text, encoding
    fixed = _mostly_utf8(data, needs_valid=False)
    if fixed is not None:
        return fixed, "utf-8"
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise Unreadable(Errors.E003)
    return str(best), best.encoding


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """``(text, "utf-16-le" | "utf-16-be")`` when the bytes are UTF-16 of mostly Latin text.

    >>> _utf16_without_bom("Peña, 622-1234".encode("utf-16-le"))
    ('Peña, 622-1234', 'utf-16-le')
    >>> _utf16_without_bom(b"plain ASCII") is None
    True
    """
    sample = data[:_SAMPLE]
    half = len(sample) // 2
    if half < 2 or len(data) % 2:
        return None
    even, odd = sample[0::2].count(0) / half, sample[1::2].count(0) / half
    encoding = "utf-16-le" if odd > 0.7 and even < 0.01 else "utf-16-be" if even > 0.7 and odd < 0.01 else None
    if encoding is None:
        return None
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError:
        return None


def _mostly_utf8(data: bytes, needs_valid: bool) -> str | None:
    """The text with U+FFFD for each broken byte, when broken bytes are few (see the module doc)."""
    text = data.decode("utf-8", errors="replace")
    broken = text.count("\ufffd") - data.count("\ufffd".encode())
    if broken > max(1, len(data) // 1000):
        return None
    valid = len(text) - len(text.encode("ascii", "ignore")) - broken  # non-ASCII characters, in C
    return None if needs_valid and valid <= broken else text


def _looks_western(text: str) -> bool:
    """English or Spanish text: no foreign scripts, and accented letters never three in a row."""
    return not _NOT_WESTERN.search(text) and not _FOREIGN_RUN.search(text)
