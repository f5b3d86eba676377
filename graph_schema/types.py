"""Property types: each owns how a raw value is cleaned, validated and shown.

Why: a phone written ``622-1234`` in one note and ``+501 622 1234`` in another must become the
same key, or the same phone becomes two nodes and the link between two people is lost. Every
normalization therefore lives here, once, and extraction, resolution and validation all call it.
A matcher may *propose* a value; ``clean`` decides, and returns ``None`` for anything it rejects
(a rejected value is dropped, never stored raw).
"""
from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from collections.abc import Callable, Iterable
from typing import Any

import phonenumbers

__all__ = ["NEIGHBOURS", "PropertyType", "TYPES", "clean_phone", "clean_email", "clean_plate", "fold_name", "get_type"]

DEFAULT_REGION = "BZ"
#: Belize and the countries around it. Case notes write their calling codes without "+" or "00"
#: ("502 4718 2290", "5016224187"); only these are recognized so, because read with every calling
#: code about one random 10-12 digit string in ten (a receipt, an account) is a valid number.
NEIGHBOURS = ("BZ", "GT", "HN", "MX", "SV")
#: How U.S. texts write a North American number: (NXX) NXX-XXXX, NXX-NXX-XXXX, 1-NXX-NXX-XXXX,
#: with dashes or dots, and vanity forms (1-866-DHS-2-ICE). A Belize number has 7 digits, so
#: this shape (10 digits) is never a Belize national number.
_NORTH_AMERICAN = re.compile(r"^(?:\+?1[ .-]?)?(?:\(\d{3}\) ?|\d{3}[-.])"
                             r"(?:\d{3}[-.]\d{4}|(?=[\dA-Z-]*[A-Z])(?:[\dA-Z]-?){6}[\dA-Z])$")
_EMAIL = re.compile(r"^[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}$")
_CURRENCIES = {"BZD", "USD", "MXN", "GTQ", "HNL", "EUR", "CAD", "GBP"}


def clean_phone(raw: str, region: str = DEFAULT_REGION, named: Iterable[str] = ()) -> str | None:
    """Return the number in E.164 form, or None when phonenumbers says it is not a valid number.

    Readings are tried in order and the first valid one wins: as written (with "+" or "00") or
    as a national number of ``region``; a neighbour's calling code written without "+"; a
    national number of a region the context ``named`` ("a Mexican number"); the North American
    written form, read in the U.S. So ``501-622-4187`` is Belizean in a Belize note (region BZ)
    and in Arkansas in a U.S. text (region US).

    >>> clean_phone("622-1234")
    '+5016221234'
    >>> clean_phone("(501) 622-1234")
    '+5016221234'
    >>> clean_phone("502 4718 2290")
    '+50247182290'
    >>> clean_phone("(202) 514-2007"), clean_phone("1-866-DHS-2-ICE")
    ('+12025142007', '+18663472423')
    >>> clean_phone("9831145520", named=["MX"])
    '+529831145520'
    >>> clean_phone("12") is None, clean_phone("4410238817") is None
    (True, True)
    """
    text = str(raw).strip()
    number = _valid(text, region) or _bare_code(text, {region, *NEIGHBOURS, *named})
    for other in named:
        number = number or _valid(text, other)
    if number is None and _NORTH_AMERICAN.match(text):
        number = _valid(text, "US")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164) if number else None


def _valid(text: str, region: str) -> phonenumbers.PhoneNumber | None:
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None
    return number if phonenumbers.is_valid_number(number) else None


def _bare_code(text: str, regions: set[str]) -> phonenumbers.PhoneNumber | None:
    """``502 4718 2290``: a calling code without "+", kept when valid in one of ``regions``."""
    if not re.fullmatch(r"\(?[1-9][\d ().-]*", text):
        return None
    number = _valid("+" + re.sub(r"\D", "", text), "ZZ")
    return number if number and phonenumbers.region_code_for_number(number) in regions else None


def clean_email(raw: str) -> str | None:
    """Lowercase and check the shape of an email address.

    >>> clean_email(" Flaco.Reyes@Gmail.com ")
    'flaco.reyes@gmail.com'
    """
    text = str(raw).strip().strip(".,;:").lower()
    return text if _EMAIL.match(text) else None


def clean_plate(raw: str) -> str | None:
    """Uppercase a vehicle plate and fold its separators to single hyphens.

    >>> clean_plate("ow c 12345")
    'OW-C-12345'
    """
    parts = [p for p in re.split(r"[\s\-./]+", str(raw).strip().upper()) if p]
    if not parts or not any(ch.isdigit() for ch in "".join(parts)):
        return None
    return "-".join(parts)


def fold_name(raw: str) -> str:
    """Fold a name for comparison: accents stripped, lowercase, "Surname, Given" turned round.

    >>> fold_name("Reyes, Carlos")
    'carlos reyes'
    >>> fold_name("José  MARTÍNEZ")
    'jose martinez'
    """
    text = str(raw).strip()
    if text.count(",") == 1:
        last, first = (p.strip() for p in text.split(","))
        if last and first:
            text = f"{first} {last}"
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"[^\w\s'-]", " ", text.lower())
    return " ".join(text.split())


def _clean_text(raw: Any) -> str | None:
    text = " ".join(str(raw).split())
    return text or None


def _clean_name(raw: Any) -> str | None:
    text = _clean_text(raw)
    return text.strip(" ,.;:") or None if text else None


def _clean_id(raw: Any) -> str | None:
    text = str(raw).strip()
    return text or None


def _clean_digits(raw: Any) -> str | None:
    """An identifier number whose separators only format it ("744-42-7216" is "744427216").

    >>> _clean_digits("744-42-7216"), _clean_digits("n/a")
    ('744427216', None)
    """
    digits = re.sub(r"\D", "", str(raw))
    return digits or None


def _clean_int(raw: Any) -> int | None:
    if isinstance(raw, bool):
        return None
    try:
        return int(str(raw).strip().replace(",", ""))
    except ValueError:
        return None


def _clean_float(raw: Any) -> float | None:
    try:
        value = float(str(raw).strip().replace(",", ""))
    except ValueError:
        return None
    return value if value == value else None


def _clean_bool(raw: Any) -> bool | None:
    if isinstance(raw, bool):
        return raw
    text = str(raw).strip().lower()
    return {"true": True, "yes": True, "1": True, "false": False, "no": False, "0": False}.get(text)


def _clean_currency(raw: Any) -> str | None:
    text = str(raw).strip().upper()
    return text if text in _CURRENCIES else None


def _is_iso_date(text: str) -> bool:
    """Whether ``text`` has the shape YYYY-MM-DD (ASCII digits), the form most dates already have.

    Why: an ingest cleans tens of thousands of dates and ``strptime`` is slow; for this shape
    ``date.fromisoformat`` gives what ``strptime(text, "%Y-%m-%d")`` gives, much faster.
    """
    return (len(text) == 10 and text[4] == "-" and text[7] == "-"
            and text[:4].isdigit() and text[5:7].isdigit() and text[8:].isdigit() and text.isascii())


def _clean_date(raw: Any) -> str | None:
    if isinstance(raw, _dt.datetime):
        return raw.date().isoformat()
    if isinstance(raw, _dt.date):
        return raw.isoformat()
    text = str(raw).strip()
    if _is_iso_date(text):
        try:
            return _dt.date.fromisoformat(text).isoformat()
        except ValueError:  # 2026-02-30: what strptime says of it below (None)
            pass
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y"):
        try:
            return _dt.datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    try:
        return _dt.datetime.fromisoformat(text).date().isoformat()
    except ValueError:
        return None


def _clean_datetime(raw: Any) -> str | None:
    if isinstance(raw, _dt.datetime):
        return raw.isoformat(timespec="seconds")
    text = str(raw).strip()
    for fmt in ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%d/%m/%Y %H:%M", "%d/%m/%Y %H:%M:%S"):
        try:
            return _dt.datetime.strptime(text, fmt).isoformat(timespec="seconds")
        except ValueError:
            continue
    try:
        return _dt.datetime.fromisoformat(text).isoformat(timespec="seconds")
    except ValueError:
        return _clean_date(text)


def _clean_list(raw: Any) -> list[str] | None:
    if isinstance(raw, str):
        raw = [raw]
    try:
        items = [str(x) for x in raw if str(x).strip()]
    except TypeError:
        return None
    return sorted(set(items))


class PropertyType:
    """A named property type: ``clean(raw)`` returns the normalized value or ``None``."""

    def __init__(self, name: str, clean: Callable[[Any], Any], caption: Callable[[Any], str] = str) -> None:
        self.name = name
        self.clean = clean
        self.caption = caption

    def validate(self, value: Any) -> bool:
        """True when ``value`` is already in normalized form."""
        return value is not None and self.clean(value) == value

    def __repr__(self) -> str:
        return f"PropertyType({self.name!r})"


TYPES: dict[str, PropertyType] = {
    t.name: t
    for t in [
        PropertyType("id", _clean_id),
        PropertyType("digits", _clean_digits),
        PropertyType("text", _clean_text),
        PropertyType("name", _clean_name),
        PropertyType("phone", lambda raw: clean_phone(str(raw))),
        PropertyType("email", lambda raw: clean_email(str(raw))),
        PropertyType("plate", lambda raw: clean_plate(str(raw))),
        PropertyType("money", _clean_float, caption=lambda v: f"{v:,.2f}"),
        PropertyType("currency", _clean_currency),
        PropertyType("date", _clean_date),
        PropertyType("datetime", _clean_datetime),
        PropertyType("int", _clean_int),
        PropertyType("float", _clean_float),
        PropertyType("bool", _clean_bool),
        PropertyType("enum", _clean_text),
        PropertyType("list", _clean_list),
    ]
}


def get_type(name: str) -> PropertyType:
    """The property type called ``name``; KeyError names the unknown type."""
    try:
        return TYPES[name]
    except KeyError:
        raise KeyError(f"unknown property type {name!r}") from None
