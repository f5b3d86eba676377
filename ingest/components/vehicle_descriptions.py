"""Vehicles told by their look: the description written next to a plate, and a described
vehicle with no plate ("a grey pickup", "di grey truck", "la Tacoma gris", "una van blanca").

Why: victims rarely read plates; they say "the bald man with the grey truck". A plate's own
description ("grey Toyota Tacoma CZ-P-20417", "CZ-P-20417 - grey Toyota Tacoma 2020") becomes
the Vehicle's ``description``; a described vehicle becomes a keyless Vehicle mention (method
``workbench.vehicle_description.v1``) that resolution ties to the one plated vehicle of its case
whose description is compatible (``ingest.resolve``, ``vehicle_words.compatible``), or to none.
Both use one regex over the words of ``patterns/vehicle_words.json``, so nothing loops over tokens.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from ingest.components.arrivals import find_arrivals
from ingest.components.base import add_mention, claimed, ensure_extensions, mentions, text_of
from ingest.components.vehicle_words import vehicle_words

__all__ = ["DESCRIBED", "VehicleDescriptions", "plate_description"]

DESCRIBED = "workbench.vehicle_description.v1"
#: What may stand between a plate and its description on one line: spaces, a dash, a comma, a colon, a bracket.
_BEFORE = re.compile(r"[ \t]*[(,:\-–]?[ \t]*\Z")
_AFTER = re.compile(r"\A[ \t]*[),:\-–]?[ \t]*")
_GAP = re.compile(r"[ \t]*[(),:\-–]?[ \t]*")
_WINDOW = 48


def _fields(text: str) -> int:
    d = vehicle_words().parse(text)
    return sum(v is not None for v in (d.colour, d.make, d.model, d.body))


def _phrase_before(text: str, start: int) -> re.Match[str] | None:
    line = text[max(0, start - _WINDOW):start].rsplit("\n", 1)[-1]
    last = None
    for match in vehicle_words().phrase.finditer(line):
        last = match
    return last if last is not None and _BEFORE.match(line[last.end():]) else None


def _phrase_after(text: str, end: int) -> re.Match[str] | None:
    line = text[end:end + _WINDOW].split("\n", 1)[0]
    gap = _AFTER.match(line)
    return vehicle_words().phrase.match(line, gap.end() if gap else 0)


def plate_description(text: str, start: int, end: int, plates: list[tuple[int, int]]) -> str | None:
    """The description written next to the plate at [start, end) on its line, or None.

    A phrase between two plates belongs to neither (``plates``: every plate span of the text),
    and the fuller of the phrases before and after wins (before, on a tie).

    >>> t = "CZ-P-20417 - grey Toyota Tacoma 2020 - VARGAS, Dionisio"
    >>> plate_description(t, 0, 10, [(0, 10)])
    'grey Toyota Tacoma 2020'
    >>> plate_description("a White Toyota Hiace CY C 18823 left", 21, 31, [(21, 31)])
    'White Toyota Hiace'
    """
    found = []
    before = _phrase_before(text, start)
    if before is not None:
        at = start - len(text[max(0, start - _WINDOW):start].rsplit("\n", 1)[-1]) + before.start()
        if not any(e <= at and _BEFORE.match(text[e:at]) for s, e in plates if e <= start - 1 and e > at - 6):
            found.append(before.group())
    after = _phrase_after(text, end)
    if after is not None:
        stop = end + after.end()
        if not any(s >= stop and _AFTER.fullmatch(text[stop:s]) for s, _ in plates if stop <= s < stop + 6):
            found.append(after.group())
    found = [f for f in found if _fields(f)]
    return max(found, key=_fields) if found else None


def _next_to_plate(text: str, start: int, end: int, plates: list[tuple[int, int]]) -> bool:
    """The phrase at [start, end) is written right before or right after a plate, on its line."""
    return any((end <= s < end + 6 and _GAP.fullmatch(text[end:s])) or (e <= start < e + 6 and _GAP.fullmatch(text[e:start]))
               for s, e in plates)


@Language.factory("workbench_vehicle_descriptions_v1", assigns=["doc._.wb_mentions"],
                  requires=["doc._.wb_mentions"])
def make_vehicle_descriptions(nlp: Language, name: str) -> "VehicleDescriptions":
    return VehicleDescriptions()


class VehicleDescriptions:
    """Adds each plate's description to its mention and a keyless mention for each described
    vehicle: a colour with a model or body ("grey pickup"), on no span taken already and not
    written next to a plate."""

    def __init__(self) -> None:
        ensure_extensions()

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        plated = [m for m in mentions(doc) if m["label"] == "Vehicle" and m.get("key")]
        spans = [(m["start"], m["end"]) for m in plated]
        for m in plated:
            description = plate_description(text, m["start"], m["end"], spans)
            if description and "description" not in m["props"]:
                m["props"]["description"] = " ".join(description.split())
        for match in vehicle_words().phrase.finditer(text):
            start, end = match.span()
            if not vehicle_words().parse(match.group()).identifying or claimed(doc, start, end):
                continue
            if _next_to_plate(text, start, end, spans):
                continue  # a plate's own description, or one between two plates: no vehicle of its own
            add_mention(doc, "Vehicle", start, end, DESCRIBED, confidence=0.6,
                        description=" ".join(match.group().split()))
        find_arrivals(doc)  # here, once every vehicle of the note is a mention
        return doc
