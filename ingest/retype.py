"""A statistical model's guess of a name's type, corrected by what the rest of the case says.

Why: the small English model reads a lone Spanish first name as a company or a town ("Ruben was
waiting with a red van": ORG; "I travelled with Paloma": GPE) and a venue's short name as a
person ("brought us to La Herradura": PERSON). Within one note nothing tells it otherwise, but
the case does: when other notes name "Ruben Ku" and "Paloma" as people, or "La Herradura Bar &
Rooms" as a venue, through rules that read titles, records, initials or the gazetteer (not the
model's guess), the guessed group takes that type, so its relations ("Ruben ... brought us")
land on the person and the venue is not a Person node.

Only groups whose every mention is the model's guess (``Group.guessed``) are re-typed, and only
to a name the case states with something better than a guess: as a full name, a given name, a
surname or a nickname of one person, or as the name (or the first or last words) of one venue or place.
A name the case knows both ways (a person "Paloma" and a venue "Paloma Bar") is left alone.
"""
from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from ingest.names import fold, parse_name

if TYPE_CHECKING:
    from ingest.clustering import Group

__all__ = ["retype_model_guesses"]

_PLACES = ("Organization", "Location")
# Words a nickname or a Spanish name opens with ("La Flaca", "El Güero", "Don Marcos"): never a given name.
_LEAD_WORDS = frozenset({"la", "el", "las", "los", "lo", "don", "dona", "doña", "de", "del", "mr", "mrs", "miss", "ms"})


def _guessed(group: "Group") -> bool:
    return group.mention_count > 0 and group.guessed >= group.mention_count


def _shown(group: "Group") -> str:
    return max(group.forms, key=lambda f: (group.forms[f], len(f), f)) if group.forms else ""


def _stated_names(groups: dict[str, "Group"]) -> dict[str, dict[str, set[str]]]:
    """Folded name -> label -> the groups that state it under that label with more than a guess."""
    stated: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for base, group in groups.items():
        if _guessed(group) or not group.forms:
            continue
        if group.label == "Person" and group.parsed is not None:
            parsed = group.parsed
            names = {parsed.folded, *group.aliases}
            if not parsed.single and len(parsed.first) > 2 and parsed.first not in _LEAD_WORDS:
                names.add(parsed.first)
            if not parsed.single and len(parsed.last) > 2:
                names.add(parsed.last)  # "VARGAS" alone, as police write a surname
                names.add(f"{parsed.first[:1]} {parsed.last}")  # "K. Arzu", as an officer signs
            for name in names:
                stated[name]["Person"].add(base)
        elif group.label in _PLACES:
            words = fold(_shown(group)).split()
            for n in range(2, len(words) + 1):  # "La Herradura" of "La Herradura Bar & Rooms"
                stated[" ".join(words[:n])][group.label].add(base)
                stated[" ".join(words[-n:])][group.label].add(base)
            stated[" ".join(words)][group.label].add(base)
    return stated


def retype_model_guesses(groups: dict[str, "Group"]) -> dict[str, set[str]]:
    """Give model-guessed Person, Organization and Location groups the one type the case states
    for their name. Returns, per re-typed group, the groups that state its name: the caller
    joins it to them when they are one entity (``ingest.clustering``)."""
    stated = _stated_names(groups)
    retyped: dict[str, set[str]] = {}
    for base, group in sorted(groups.items()):
        if group.label not in ("Person", *_PLACES) or not _guessed(group) or not group.forms:
            continue
        labels = stated.get(fold(_shown(group)), {})
        if len(labels) != 1 or group.label in labels:
            continue
        label, stating = next(iter(labels.items()))
        group.label = label
        group.hints.clear()  # what the model's type implied says nothing of the stated one
        if label == "Person":
            group.see_parse(parse_name(_shown(group)), ("", 0))
        else:
            group.parsed = None
        retyped[base] = set(stating)
    return retyped
