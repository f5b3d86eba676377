"""The words that describe a vehicle (``patterns/vehicle_words.json``), read once.

Why one place: the person finder, the model fallback and the venue matcher must all know that
"Silver Frontier", "Hiace" or "Toyota" in "a white Toyota Hiace" describe a vehicle. A model
name is a proper noun the statistical model tags PERSON or ORG ("Urvan dep N" in a surveillance
log), so without this list the case gains a Person node called "Urvan".
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from graph_schema.types import fold_name

__all__ = ["VehicleWords", "vehicle_words"]

_FILE = Path(__file__).resolve().parent.parent / "patterns" / "vehicle_words.json"


class VehicleWords:
    """Folded colours, makes and models, and the body each model or body word is."""

    def __init__(self, data: dict) -> None:
        self.colours = frozenset(fold_name(w) for w in data["colours"])
        self.makes = frozenset(fold_name(w) for w in data["makes"])
        self.body_of = {fold_name(w): body for body, words in data["models"].items() for w in words}
        self.models = frozenset(self.body_of)
        self.body_of.update({fold_name(w): body for body, words in data["bodies"].items() for w in words})

    def is_make(self, word: str) -> bool:
        return fold_name(word) in self.makes

    def describes(self, text: str) -> bool:
        """Every word is a colour, make or model, and one is a make or model ("Silver Frontier",
        "Toyota Hiace", "Urvan"); a colour alone ("White") or a body word ("Van") is not enough."""
        words = fold_name(text).split()
        return bool(words) and all(w in self.colours or w in self.makes or w in self.models for w in words) \
            and any(w in self.makes or w in self.models for w in words)


@lru_cache(maxsize=1)
def vehicle_words() -> VehicleWords:
    return VehicleWords(json.loads(_FILE.read_text(encoding="utf-8")))
