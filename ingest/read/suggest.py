"""The one-line error for a CSV header no layout fits: the columns found and a mapping to try.

Why: "add a mapping file" leaves an investigator with a blank page. The message lists the
columns as the file names them and proposes which of our fields each probably is, written as
a mapping file's line (``calls: {caller: Originating, callee: Terminating, start: Date}``) that
can be pasted into one and corrected. Fields come from the header's words where the vocabulary
recognised some (``ingest.read.vocabulary``), the rest from the first rows' values: a column of
phone numbers, of dates, of whole numbers, of directions (incoming/outgoing), of amounts, of
names. It is a suggestion, never applied by itself: the user checks it and passes the mapping. When
header and values give too little (no more than half of a layout's required fields), the
message names the fields a mapping must give instead of guessing.
"""
from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping, Sequence

from graph_schema.types import clean_phone, get_type
from ingest.errors import Errors
from ingest.read.columns import LAYOUTS, TERMS
from ingest.read.vocabulary import value_class

__all__ = ["column_classes", "unknown_layout"]

_MAX_COLUMNS = 30
_CLOCK = re.compile(r"\d{1,3}:\d{2}(:\d{2})?")
_MONEY = re.compile(r"[^\d]{0,4}\d[\d,]*[.,]\d{2}")
_TEXT = re.compile(r"[^\W\d_][\w .,'&()-]*", re.UNICODE)
# What each kind's fields are, in the order they are filled, by the class of their values.
_FILL = {
    "calls": (("caller", "phone"), ("callee", "phone"), ("start", "when"), ("duration", "count"),
              ("duration", "clock"), ("direction", "direction")),
    "transfers": (("sender_name", "text"), ("receiver_name", "text"), ("amount", "money"), ("amount", "count"),
                  ("date", "when"), ("currency", "currency"), ("sender_phone", "phone"),
                  ("receiver_phone", "phone")),
}
_CLASSES: tuple[tuple[str, Callable[[str], bool]], ...] = (
    ("phone", lambda v: len(re.sub(r"\D", "", v)) >= 7 and clean_phone(v) is not None),
    ("when", lambda v: bool(re.search(r"\d", v)) and get_type("datetime").clean(v) is not None),
    ("clock", lambda v: bool(_CLOCK.fullmatch(v))),
    ("direction", lambda v: value_class(v, "direction") is not None),
    ("currency", lambda v: len(v) == 3 and get_type("currency").clean(v) is not None),
    ("count", lambda v: v.isdigit()),
    ("money", lambda v: bool(_MONEY.fullmatch(v))),
    ("text", lambda v: bool(_TEXT.fullmatch(v))),
)


def column_classes(sample: Sequence[Sequence[str]], width: int) -> list[str | None]:
    """The class most of each column's sample values have (phone, when, clock, count, ...), or None.

    >>> column_classes([["6129037", "2024-04-09 18:20", "142", "Outgoing"]], 4)
    ['phone', 'when', 'count', 'direction']
    """
    out: list[str | None] = []
    for col in range(width):
        values = [row[col].strip() for row in sample if col < len(row) and row[col].strip()]
        best = None
        for name, test in _CLASSES if values else ():
            if sum(map(test, values)) * 10 >= len(values) * 6:
                best = name
                break
        out.append(best)
    return out


def _guess(kind: str, found: Mapping[str, int], classes: Sequence[str | None]) -> dict[str, int]:
    """The recognised columns, then unused columns of the right class for the fields still missing."""
    guess = dict(found)
    fills = list(_FILL[kind])
    if kind == "calls" and classes.count("phone") == 1 and "direction" in classes and "caller" not in guess:
        fills = [("other_party", "phone") if name in ("caller", "callee") else (name, c) for name, c in fills]
    for name, wanted in fills:
        if name in guess:
            continue
        col = next((i for i, c in enumerate(classes) if c == wanted and i not in guess.values()), None)
        if col is not None:
            guess[name] = col
    return guess


def _nearest(kind: str, columns: Mapping[str, int]) -> tuple[str, ...]:
    """The required fields of the kind's layout that ``columns`` comes closest to."""
    return min((rule.requires for rule in LAYOUTS[kind]), key=lambda need: sum(f not in columns for f in need))


def _yaml(name: str) -> str:
    """A column name as a YAML flow value (quoted when YAML would misread it)."""
    return json.dumps(name, ensure_ascii=False) if re.search(r"[,\[\]{}:#&*!|>'\"%@`]|^\s|\s$|^$", name) else name


def unknown_layout(header: Sequence[str], sample: Sequence[Sequence[str]],
                   found: Mapping[str, Mapping[str, int]]) -> str:
    """The E020 / E021 message for a header: columns found and a suggested mapping, one line.

    >>> print(unknown_layout(["A", "B", "C"], [["6129037", "6274410", "2024-04-10 15:10"]], {"calls": {}, "transfers": {}}))
    [E020] CSV header not recognised as calls or transfers; columns: A, B, C; try a mapping file with calls: {caller: A, callee: B, start: C}
    """
    names = [" ".join(h.split()) for h in header]
    classes = column_classes(sample, len(header))
    guesses = {kind: _guess(kind, found[kind], classes) for kind in found}

    def filled(kind: str) -> tuple[int, int, int]:
        need = _nearest(kind, guesses[kind])
        return sum(f in guesses[kind] for f in need) * 100 // len(need), len(found[kind]), -list(found).index(kind)

    kind = max(guesses, key=filled)
    guess, order = guesses[kind], list(TERMS[kind])
    if filled(kind)[0] > 50:
        fields = sorted(guess, key=order.index)
        suggestion = f"{kind}: {{{', '.join(f'{f}: {_yaml(names[guess[f]])}' for f in fields)}}}"
    else:  # too little to go on: the fields a mapping must name
        suggestion = " or ".join(f"{k}: {{{', '.join(f'{f}: <column>' for f in LAYOUTS[k][0].requires)}}}"
                                 for k in found)
    shown = ", ".join(names[:_MAX_COLUMNS]) + (f", ... (+{len(names) - _MAX_COLUMNS} more)"
                                               if len(names) > _MAX_COLUMNS else "")
    missing = [f for f in _nearest(kind, found[kind]) if f not in found[kind]]
    if len(found[kind]) >= 2:
        return Errors.E021.format(kind=kind, missing=", ".join(missing), columns=shown, suggestion=suggestion)
    return Errors.E020.format(columns=shown, suggestion=suggestion)
