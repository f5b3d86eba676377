"""Identifiers of the sample case (phones, emails, handles, accounts, plates, ID documents).

Why: shared identifiers are what link people in the graph, and each one is written many ways in
real notes. Every generator here returns the *normalized* value the truth records (checked with
``graph_schema.types``), and every ``*_surface`` function returns one of the ways a note or an
export writes it. A surface form that would not normalize back to its value is never emitted.

Plate format (documented for the extractors): ``<DISTRICT> <CLASS> <NUMBER>`` with district codes
BZ, CY, OW, CZ, SC, TO, class C (commercial), P (private) or T (taxi) and 4-5 digits, written
``OW C 12345``, ``OW-C-12345`` or ``OW C-12345``; the value is ``clean_plate`` of it
(``OW-C-12345``). A Guatemalan minibus carries ``P 512DKF`` (value ``P-512DKF``).
ID documents: value ``kind:NUMBER`` with separators removed (``id_card:2456789010101``).
"""
from __future__ import annotations

import functools
import random
import re
import unicodedata

from graph_schema.types import clean_email, clean_phone, clean_plate

__all__ = [
    "new_phone", "phone_surface", "csv_number", "new_email", "email_surface", "new_handle",
    "new_account", "account_surface", "new_plate", "plate_surface", "new_id_document", "ascii_fold",
]

_CC = {"BZ": "501", "GT": "502", "SV": "503", "HN": "504", "MX": "52", "US": "1"}


def ascii_fold(text: str) -> str:
    """Strip accents and keep letters, for building emails and handles from names."""
    text = unicodedata.normalize("NFKD", text)
    return re.sub(r"[^a-z]", "", "".join(c for c in text if not unicodedata.combining(c)).lower())


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


def _national(rng: random.Random, region: str) -> str:
    if region == "BZ":
        return "6" + rng.choice("0123567") + _digits(rng, 5)
    if region == "GT":
        return rng.choice("345") + _digits(rng, 7)
    if region == "HN":
        return rng.choice("389") + _digits(rng, 7)
    if region == "SV":
        return "7" + _digits(rng, 7)
    if region == "MX":
        return rng.choice(("998", "983", "999", "984")) + _digits(rng, 7)
    return rng.choice(("713", "956", "305", "213", "832")) + rng.choice("23456789") + _digits(rng, 6)


def new_phone(rng: random.Random, region: str, taken: set[str]) -> str:
    """A fresh valid mobile number of ``region`` in E.164, never one already in ``taken``."""
    while True:
        e164 = "+" + _CC[region] + _national(rng, region)
        if e164 not in taken and clean_phone(e164) == e164:
            taken.add(e164)
            return e164


def _forms(e164: str) -> list[str]:
    for region, cc in _CC.items():
        if e164.startswith("+" + cc) and (region != "US" or len(e164) == 12):
            d = e164[len(cc) + 1:]
            break
    if region == "BZ":
        a, b = d[:3], d[3:]
        return [f"{a}-{b}", d, f"+501 {a} {b}", f"(501) {a}-{b}", f"501-{a}-{b}", f"+501-{a}-{b}",
                f"{a} {b}", f"+501{d}"]
    if region in ("GT", "HN", "SV"):
        a, b = d[:4], d[4:]
        return [f"+{cc} {a} {b}", f"+{cc}-{a}-{b}", f"+{cc}{d}", f"+{cc} {a}-{b}"]
    a, b, c = d[:3], d[3:6], d[6:]
    return [f"+{cc} {a} {b} {c}", f"+{cc} ({a}) {b}-{c}", f"+{cc}-{a}-{b}-{c}", f"+{cc}{d}"]


def phone_surface(rng: random.Random, e164: str) -> str:
    """One of the ways a police note writes this number (local forms only for Belize)."""
    return rng.choice(_valid_forms(e164))


@functools.lru_cache(maxsize=4096)
def _valid_forms(e164: str) -> tuple[str, ...]:
    return tuple(f for f in _forms(e164) if clean_phone(f) == e164)


def csv_number(rng: random.Random, e164: str) -> str:
    """The number as a telco's CDR export writes it: 5016221234 or 6221234 locally, 00 + country
    code abroad."""
    if e164.startswith("+501"):
        return rng.choice((e164[1:], e164[4:]))
    return "00" + e164[1:]


_DOMAINS = ("gmail.com", "yahoo.com", "hotmail.com", "outlook.com", "yahoo.com.mx", "gmail.com")


def new_email(rng: random.Random, first: str, last: str, nick: str | None, taken: set[str]) -> str:
    """A lowercase email built from the person's name or nickname."""
    while True:
        base = rng.choice([f"{ascii_fold(first)}.{ascii_fold(last)}", f"{ascii_fold(first)}{ascii_fold(last)}",
                           f"{ascii_fold(nick or first)}{ascii_fold(last)[:3]}"])
        email = f"{base}{rng.randint(1, 99)}@{rng.choice(_DOMAINS)}"
        if email not in taken and clean_email(email) == email:
            taken.add(email)
            return email


def email_surface(rng: random.Random, email: str) -> str:
    """Mostly as is; sometimes with capitalized parts, as typed from a business card."""
    if rng.random() < 0.2:
        local, domain = email.split("@")
        return ".".join(p.capitalize() for p in local.split(".")) + "@" + domain.capitalize()
    return email


def new_handle(rng: random.Random, first: str, last: str, nick: str | None) -> tuple[str, str]:
    """(platform, handle) for a Facebook or Instagram account; the truth value is platform:handle."""
    platform = rng.choice(("facebook", "instagram", "instagram", "tiktok"))
    stem = ascii_fold(nick or first)
    if platform == "facebook":
        return platform, f"{stem}.{ascii_fold(last)}.{rng.randint(10, 999)}"
    return platform, f"{stem}_{rng.choice(('bz', 'belize', 'oficial', '501', ascii_fold(last)))}{rng.randint(1, 99)}"


_BANKS = ("Belize Bank", "Heritage Bank", "Atlantic Bank", "National Bank of Belize", "Banrural",
          "Banco Atlantida", "DigiWallet", "E-Kyash")


def new_account(rng: random.Random) -> tuple[str, str]:
    """(bank, digits) of a bank or mobile-wallet account."""
    bank = rng.choice(_BANKS)
    return bank, str(rng.randint(1, 9)) + _digits(rng, rng.choice((9, 10, 11)))


def account_surface(rng: random.Random, number: str) -> str:
    """Digits as written: plain, or grouped with hyphens as on a deposit slip."""
    if rng.random() < 0.4:
        return f"{number[:3]}-{number[3:7]}-{number[7:]}"
    return number


_DISTRICT_CODES = ("BZ", "CY", "OW", "CZ", "SC", "TO")


def new_plate(rng: random.Random, foreign: bool = False) -> str:
    """A normalized plate (see the module docstring for the format)."""
    if foreign:
        raw = f"P {rng.randint(100, 999)}{''.join(rng.choice('BCDFGHJKLMNPRSTVWXYZ') for _ in range(3))}"
    else:
        raw = f"{rng.choice(_DISTRICT_CODES)} {rng.choice('CPT')} {rng.randint(1000, 99999)}"
    plate = clean_plate(raw)
    assert plate is not None
    return plate


def plate_surface(rng: random.Random, plate: str) -> str:
    """``OW-C-12345`` written as ``OW C 12345``, ``OW-C-12345`` or ``OW C-12345``."""
    parts = plate.split("-")
    forms = [" ".join(parts), plate]
    if len(parts) == 3:
        forms.append(f"{parts[0]} {parts[1]}-{parts[2]}")
    return rng.choice(forms)


def new_id_document(rng: random.Random, nationality: str) -> tuple[str, str, str]:
    """(kind, value, surface): value is ``kind:NUMBER`` with separators removed."""
    if nationality == "Guatemala" and rng.random() < 0.7:
        d = _digits(rng, 13)
        kind, surface = "id_card", f"{d[:4]} {d[4:9]} {d[9:]}"
    elif nationality == "Honduras" and rng.random() < 0.7:
        kind, surface = "id_card", f"0{rng.randint(101, 999)}-{rng.randint(1985, 2006)}-{_digits(rng, 5)}"
    elif nationality == "El Salvador" and rng.random() < 0.7:
        kind, surface = "id_card", f"0{_digits(rng, 7)}-{rng.randint(0, 9)}"
    elif nationality == "Belize" and rng.random() < 0.5:
        kind, surface = "social_security", _digits(rng, 9)
    else:
        kind, surface = "passport", rng.choice("ABCEFGP") + _digits(rng, 7)
    return kind, f"{kind}:{re.sub(r'[^0-9A-Z]', '', surface.upper())}", surface
