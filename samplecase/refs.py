"""How each entity is written in a note: names, aliases, ranks, places, identifiers, money.

Why: resolution is only tested if one person appears as 'Carlos "Flaco" Reyes', then "Flaco",
then "Reyes", and one phone as ``622-1234`` here and ``+501 622 1234`` there. ``NoteRefs``
remembers who was already named in the note, so first mentions are full and later ones short,
as in real notes. Every mention carries the truth value: canonical full name, E.164 phone,
lowercased email, ``platform:handle``, account digits, normalized plate, ``kind:NUMBER``,
``"500.00 BZD"`` for money, the gazetteer or venue name for places and organizations.
"""
from __future__ import annotations

import random
from collections import Counter

from samplecase import identifiers as ids
from samplecase.cast import Cast, Person
from samplecase.places import CROSSING_FORMS
from samplecase.text import Piece

__all__ = ["NoteRefs", "truth_name", "ref_label", "money_pieces", "channel_phrase", "STATIONS", "date_phrase", "MONTHS"]

STATIONS = ("Orange Walk Police Station", "San Ignacio Police Station", "Corozal Police Station",
            "Belize City Police Headquarters", "Benque Viejo Police Station", "Dangriga Police Station")
_PRONOUNS = {"m": ("he", "his", "him"), "f": ("she", "her", "her")}
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")


def truth_name(cast: Cast, ref: str) -> str:
    """The value the truth uses for a reference (see ``plan`` for the reference forms)."""
    if ref.startswith("p") and ref[1:].isdigit():
        return cast.get(ref).name
    if ref[:2] in ("o:", "l:", "v:", "e:", "h:", "a:", "d:"):
        return ref[2:]
    return ref  # a phone, already E.164


def ref_label(ref: str) -> str:
    """The mention label of a reference."""
    if ref.startswith("p") and ref[1:].isdigit():
        return "Person"
    return {"o:": "Organization", "l:": "Location", "v:": "Vehicle", "e:": "Email", "h:": "Handle",
            "a:": "Account", "d:": "IdDocument"}.get(ref[:2], "Phone")


class NoteRefs:
    """Surface forms for one note; tracks first and later mentions of each person."""

    def __init__(self, rng: random.Random, cast: Cast, note_type: str) -> None:
        self.rng, self.cast, self.note_type = rng, cast, note_type
        self.named: set[str] = set()
        self.short_last, self.short_first = _unique_names(cast)

    def person(self, key: str, rank: bool = True) -> list[Piece]:
        p = self.cast.get(key)
        if key not in self.named:
            self.named.add(key)
            return self._first(p, rank)
        return self._later(p, rank)

    def _first(self, p: Person, rank: bool) -> list[Piece]:
        rng, name = self.rng, p.name
        if p.rank and rank and rng.random() < 0.8:
            return [Piece(p.rank + " "), Piece(name, "Person", name)]
        roll = rng.random()
        if p.nickname and roll < 0.4:
            return [Piece(f'{p.first} "{p.nickname}" {p.last}', "Person", name)]
        if p.nickname and roll < 0.6:
            joiner = rng.choice((' alias "', ' a.k.a. "', ', known as "'))
            return [Piece(name, "Person", name), Piece(joiner), Piece(p.nickname, "Person", name), Piece('"')]
        if self.note_type == "arrest_report" and not p.rank and roll < 0.8:
            return [Piece(f"{p.first} {p.last.upper()}", "Person", name)]
        return [Piece(name, "Person", name)]

    def _later(self, p: Person, rank: bool) -> list[Piece]:
        rng, name = self.rng, p.name
        options = [name]
        if p.nickname:
            options += [p.nickname] * 3
        if p.key in self.short_last:
            options += [p.last] * (1 if p.role in ("victim", "witness") else 2)
        if p.key in self.short_first and p.role in ("victim", "witness", "suspect"):
            options += [p.first] * (3 if p.role in ("victim", "witness") else 1)
        text = rng.choice(options)
        if p.rank and rank and text in (p.last, name) and rng.random() < 0.7:
            return [Piece(p.rank + " "), Piece(text, "Person", name)]
        return [Piece(text, "Person", name)]

    def entity(self, ref: str, data: dict[str, str] | None = None) -> list[Piece]:
        """Pieces for any non-person reference."""
        rng, value, label = self.rng, truth_name(self.cast, ref), ref_label(ref)
        if label == "Phone":
            return [Piece(ids.phone_surface(rng, ref), label, ref)]
        if label == "Vehicle":
            return [Piece(ids.plate_surface(rng, value), label, value)]
        if label == "Email":
            return [Piece(ids.email_surface(rng, value), label, value)]
        if label == "Account":
            return [Piece(ids.account_surface(rng, value), label, value)]
        if label == "IdDocument":
            return [Piece((data or {}).get("surface") or value.split(":", 1)[1], label, value)]
        if label == "Handle":
            platform, handle = value.split(":", 1)
            surface = {"facebook": rng.choice((handle, "facebook.com/" + handle))}.get(
                platform, rng.choice((handle, "@" + handle)))
            return [Piece(surface, label, value)]
        if label == "Location" and value in CROSSING_FORMS:
            return [Piece(rng.choice(CROSSING_FORMS[value]), label, value)]
        return [Piece(value, label, value)]

    def pronouns(self, key: str) -> tuple[str, str, str]:
        return _PRONOUNS[self.cast.get(key).gender] if key.startswith("p") else ("it", "its", "it")


def _unique_names(cast: Cast) -> tuple[set[str], set[str]]:
    """Keys of people whose surname / first name alone is unambiguous in the cast (cached)."""
    cached = getattr(cast, "_unique", None)
    if cached is None or cached[0] != len(cast.people):
        last = Counter(p.last for p in cast.people)
        first = Counter(p.first for p in cast.people)
        cached = (len(cast.people), {p.key for p in cast.people if last[p.last] == 1},
                  {p.key for p in cast.people if first[p.first] == 1})
        setattr(cast, "_unique", cached)
    return cached[1], cached[2]


def money_pieces(rng: random.Random, amount: float, currency: str) -> list[Piece]:
    """An amount as police notes write it; the truth value is ``"500.00 BZD"``."""
    whole = int(amount)
    num = rng.choice((f"{whole:,}", str(whole), f"{whole:,}.00")) if whole >= 1000 else rng.choice(
        (str(whole), f"{whole}.00"))
    forms = {
        "BZD": (f"BZ${num}", f"${num} BZD", f"{num} Belize dollars", f"BZD {num}", f"BZ$ {num}",
                f"{num} dollars", f"${num}", f"{num} BZD"),
        "USD": (f"US${num}", f"USD {num}", f"{num} US dollars", f"${num} USD", f"US$ {num}", f"{num} USD"),
        "GTQ": (f"Q{num}", f"Q {num}", f"{num} quetzales", f"GTQ {num}", f"{num} quetzales"),
        "HNL": (f"L {num}", f"{num} lempiras", f"HNL {num}", f"L.{num}"),
        "MXN": (f"MXN {num}", f"{num} Mexican pesos", f"MX${num}", f"${num} MXN", f"{num} pesos"),
    }[currency]
    return [Piece(rng.choice(forms), "Money", f"{amount:.2f} {currency}")]


def channel_phrase(rng: random.Random, channel: str) -> str:
    """How a sentence says the payment channel."""
    options = {
        "Western Union": ("via Western Union", "through Western Union", "by Western Union"),
        "MoneyGram": ("via MoneyGram", "through MoneyGram", "by MoneyGram"),
        "bank transfer": ("by bank transfer", "through a bank transfer", "by transfer to the bank"),
        "cash": ("in cash", "cash in hand", "in cash"),
        "DigiWallet": ("through DigiWallet", "by DigiWallet", "via DigiWallet"),
        "E-Kyash": ("by E-Kyash", "via E-Kyash", "through E-Kyash"),
    }[channel]
    return rng.choice(options)


def date_phrase(rng: random.Random, iso: str) -> str:
    """A date the way a note's prose writes it (the truth keeps ISO)."""
    y, m, d = (int(x) for x in iso.split("-"))
    return rng.choice((f"{d} {MONTHS[m - 1]}", f"{MONTHS[m - 1]} {d}", f"{d:02d}/{m:02d}/{y}", iso,
                       f"the {d}{_suffix(d)} of {MONTHS[m - 1]}"))


def _suffix(d: int) -> str:
    return "th" if 11 <= d <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th")

