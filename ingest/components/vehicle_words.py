"""The words that describe a vehicle (``patterns/vehicle_words.json``), read once.

Why one place: the person finder, the model fallback and the venue matcher must all know that
"Silver Frontier", "Hiace" or "Toyota" in "a white Toyota Hiace" describe a vehicle. A model
name is a proper noun the statistical model tags PERSON or ORG ("Urvan dep N" in a surveillance
log), so without this list the case gains a Person node called "Urvan".
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ingest.components.base import folded

__all__ = ["Description", "VehicleWords", "compatible", "the_one_compatible", "vehicle_words"]

_FILE = Path(__file__).resolve().parent.parent / "patterns" / "vehicle_words.json"


class VehicleWords:
    """Folded colours, makes and models, and the body each model or body word is."""

    def __init__(self, data: dict) -> None:
        self.colours = frozenset(folded(w) for w in data["colours"])
        self.makes = frozenset(folded(w) for w in data["makes"])
        self.body_of = {folded(w): body for body, words in data["models"].items() for w in words}
        self.models = frozenset(self.body_of)
        self.body_of.update({folded(w): body for body, words in data["bodies"].items() for w in words})
        self.colour_of = {folded(w): name for name, words in data.get("colour_names", {}).items() for w in words}
        words = sorted({*data["colours"], *data["makes"], *(w for ws in data["models"].values() for w in ws),
                        *(w for ws in data["bodies"].values() for w in ws)}, key=len, reverse=True)
        word = "(?:" + "|".join(re.escape(w) for w in words) + ")"
        #: A run of one to four description words, with a model year after them ("Tacoma 2020").
        self.phrase = re.compile(rf"(?<![\w-]){word}(?:[ ]+{word}){{0,3}}(?:[ ]+(?:19|20)\d\d)?(?![\w-])",
                                 re.IGNORECASE)

    def is_make(self, word: str) -> bool:
        return folded(word) in self.makes

    def describes(self, text: str) -> bool:
        """Every word is a colour, make or model, and one is a make or model ("Silver Frontier",
        "Toyota Hiace", "Urvan"); a colour alone ("White") or a body word ("Van") is not enough."""
        words = folded(text).split()
        return bool(words) and all(w in self.colours or w in self.makes or w in self.models for w in words) \
            and any(w in self.makes or w in self.models for w in words)

    def parse(self, text: str) -> "Description":
        """The colour, make, model and body a description names (the last of each kind wins)."""
        colour = make = model = body = None
        for w in folded(text).split():
            if w in self.colours:
                colour = self.colour_of.get(w, w)
            if w in self.makes:
                make = w
            if w in self.models:
                model = w
            if w in self.body_of:
                body = self.body_of[w]
        return Description(colour, make, model, body)


@dataclass(frozen=True)
class Description:
    """What a written description says of a vehicle; None where it says nothing."""

    colour: str | None
    make: str | None
    model: str | None
    body: str | None

    @property
    def identifying(self) -> bool:
        """A colour and a model or body ("grey pickup", "Tacoma gris"): enough to look for a plate."""
        return self.colour is not None and (self.model is not None or self.body is not None)


def compatible(seen: Description, plated: Description) -> bool:
    """A described vehicle may be a plated one: the same colour, no other make, and the same model
    or (where one side names no model) the same body - "grey truck" ~ "grey Toyota Tacoma".

    >>> w = vehicle_words()
    >>> compatible(w.parse("di grey truck"), w.parse("grey Toyota Tacoma 2020"))
    True
    >>> compatible(w.parse("la Tacoma gris"), w.parse("grey Toyota Tacoma"))
    True
    >>> compatible(w.parse("a white pickup"), w.parse("grey Toyota Tacoma"))
    False
    >>> compatible(w.parse("grey Hilux"), w.parse("grey Toyota Tacoma"))
    False
    """
    if not seen.identifying or seen.colour != plated.colour:
        return False
    if seen.make and plated.make and seen.make != plated.make:
        return False
    if seen.model and plated.model:
        return seen.model == plated.model
    return seen.body is not None and seen.body == plated.body


def the_one_compatible(seen: str, plated: dict[str, list[str]]) -> str | None:
    """The one plated vehicle (key -> its written descriptions) a described one may be, or None
    when none or several may: two grey pickups in a case are never told apart by a guess.

    >>> the_one_compatible("the white van", {"A": ["white Toyota Hiace"], "B": ["grey Tacoma"]})
    'A'
    >>> the_one_compatible("the white van", {"A": ["white Toyota Hiace"], "B": ["White Urvan"]}) is None
    True
    """
    words = vehicle_words()
    described = words.parse(seen)
    fits = [key for key, texts in sorted(plated.items()) if any(compatible(described, words.parse(t)) for t in texts)]
    return fits[0] if len(fits) == 1 else None


@lru_cache(maxsize=1)
def vehicle_words() -> VehicleWords:
    return VehicleWords(json.loads(_FILE.read_text(encoding="utf-8")))
