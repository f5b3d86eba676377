"""Which CSV column holds which field, for call records and money-transfer receipts.

Why: every telco, remittance company, wallet and extraction tool exports its own header names
(``CALLING_NBR`` at one, ``Originating`` at another, ``Party Number`` in a handset's call log).
The readers work on *fields* (caller, callee, start, ...). ``ingest.read.vocabulary`` proposes a
field for each column from the words of its header (the word tables are data, in
``ingest.read.columns``), and this module decides the *layout*: the kind of export (calls or
transfers) and its shape, the first of the kind's ``LAYOUTS`` whose required fields are all
found. A *pairs* export has caller and callee (sender and receiver) in columns; a *party*
export has the other party and a direction, its own line being implicit (``ingest.read.handset``).

A small YAML file names the columns of an export the vocabulary misses; its names win. When no
layout fits, the error lists the columns found and a mapping to try (``ingest.read.suggest``).
A mapping file looks like::

    calls:
      caller: A_PARTY
      callee: [B_PARTY, B_NUMBER]
    options:
      delimiter: ";"
      date_format: "%m/%d/%Y %H:%M"
      region: BZ
      own_number: {HB-04: "+501 627 4410"}   # a call log's own line, by exhibit id or file name
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from graph_schema.types import clean_phone, get_type
from ingest.errors import Errors
from ingest.read.columns import LAYOUTS, STAND_INS, TERMS
from ingest.read.decode import Unreadable
from ingest.read.suggest import unknown_layout
from ingest.read.vocabulary import header_words, match_columns, norm_name, value_class

__all__ = ["ColumnMapping", "Layout", "FIELDS", "default_mapping", "load_mapping", "mapping_from", "detect_layout"]

FIELDS: dict[str, tuple[str, ...]] = {kind: tuple(fields) for kind, fields in TERMS.items()}
_OPTIONS = {"delimiter", "date_format", "region", "own_number"}
_MINUTES = {"min", "mins", "minute", "minutes", "minutos"}


@dataclass(frozen=True)
class ColumnMapping:
    """Header names a mapping file gives per kind and field (normalized), and read options.

    ``own_number``: the number of the line a party-shaped log belongs to, one for every file or
    by exhibit id / file name. ``spec`` is what the mapping was made from, so a Note can carry it.
    """

    names: dict[str, dict[str, tuple[str, ...]]]
    delimiter: str | None = None
    date_format: str | None = None
    region: str = "BZ"
    own_number: str | dict[str, str] | None = None
    spec: dict[str, Any] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class Layout:
    """A detected export: its kind, shape, the column index of each field, and header hints.

    ``hints``: what a header says about its values ("Amount (BZD)": currency BZD; "Duration
    (min)": duration_unit minutes).
    """

    kind: str
    columns: dict[str, int] = field(default_factory=dict)
    width: int = 0
    shape: str = "pairs"
    hints: dict[str, str] = field(default_factory=dict)


def default_mapping() -> ColumnMapping:
    """No names of our own: the vocabulary alone."""
    return ColumnMapping(names={kind: {} for kind in FIELDS})


def mapping_from(options: dict[str, Any]) -> ColumnMapping:
    """A mapping from a dict shaped like a mapping file; E022 when malformed.

    >>> m = mapping_from({"calls": {"caller": "A Party"}, "options": {"delimiter": ";"}})
    >>> m.names["calls"]["caller"], m.delimiter
    (('a_party',), ';')
    """
    names: dict[str, dict[str, tuple[str, ...]]] = {kind: {} for kind in FIELDS}
    for kind, fields in options.items():
        if kind == "options":
            continue
        if kind not in FIELDS or not isinstance(fields, dict):
            raise Unreadable(Errors.E022.format(detail=f"unknown section {kind!r} (use calls, transfers, options)"))
        for name, given in fields.items():
            if name not in FIELDS[kind]:
                raise Unreadable(Errors.E022.format(
                    detail=f"unknown {kind} field {name!r} (use {', '.join(FIELDS[kind])})"))
            extra = [given] if isinstance(given, str) else list(given or [])
            names[kind][name] = tuple(dict.fromkeys(norm_name(str(n)) for n in extra))
    opts = options.get("options") or {}
    if not isinstance(opts, dict) or set(opts) - _OPTIONS:
        raise Unreadable(Errors.E022.format(detail=f"options may only be {', '.join(sorted(_OPTIONS))}"))
    region = opts.get("region", "BZ")
    return ColumnMapping(names=names, delimiter=opts.get("delimiter"), date_format=opts.get("date_format"),
                         region=region, own_number=_own_number(opts.get("own_number"), region), spec=dict(options))


def _own_number(given: Any, region: str) -> str | dict[str, str] | None:
    """The ``own_number`` option, each number checked by the phone type (E022 when it rejects one)."""
    if given is None:
        return None
    if not isinstance(given, (str, int, dict)):
        raise Unreadable(Errors.E022.format(detail="own_number is a number, or exhibit id / file name: number"))
    numbers = {str(k): str(v) for k, v in given.items()} if isinstance(given, dict) else {"": str(given)}
    for number in numbers.values():
        if clean_phone(number, region) is None:
            raise Unreadable(Errors.E022.format(detail=f"own_number {number!r} is not a phone number"))
    return numbers if isinstance(given, dict) else numbers[""]


def load_mapping(path: str | Path) -> ColumnMapping:
    """Read a YAML mapping file; ``Unreadable`` (E022) names what is wrong with it."""
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError, UnicodeDecodeError) as exc:
        raise Unreadable(Errors.E022.format(detail=f"{Path(path).name}: {type(exc).__name__}")) from None
    if not isinstance(data, dict):
        raise Unreadable(Errors.E022.format(detail=f"{Path(path).name}: expected sections calls / transfers"))
    return mapping_from(data)


def _fit(kind: str, found: dict[str, int], sample: Sequence[Sequence[str]]) -> tuple[str, dict[str, int]] | None:
    """The first layout of ``kind`` whose required fields are found (stand-ins allowed, their
    sample values checked): its shape and columns, a stand-in's column moved to its field."""
    for rule in LAYOUTS[kind]:
        stand_ins = {**STAND_INS[kind], **rule.stand_ins}
        columns = dict(found)
        for name in rule.requires:
            for other in stand_ins.get(name, ()) if name not in columns else ():
                if other in columns:
                    columns[name] = columns.pop(other)
                    break
        if all(name in columns for name in rule.requires) and all(
                found.get(name) == columns[name] or _mostly(sample, columns[name], table)
                for name, table in rule.values.items()):
            return rule.shape, columns
    return None


def _mostly(sample: Sequence[Sequence[str]], col: int, table: str) -> bool:
    """Most of the column's sample values are of a ``VALUES`` table (True without a sample)."""
    values = [row[col] for row in sample if col < len(row) and row[col].strip()]
    return not values or sum(value_class(v, table) is not None for v in values) * 10 >= len(values) * 6


def _hints(header: Sequence[str], columns: dict[str, int]) -> dict[str, str]:
    hints: dict[str, str] = {}
    if "amount" in columns:
        for word in header_words(header[columns["amount"]]):
            code = get_type("currency").clean(word) if len(word) == 3 else None
            if code:
                hints["currency"] = str(code)
    if "duration" in columns and _MINUTES & set(header_words(header[columns["duration"]])):
        hints["duration_unit"] = "minutes"
    return hints


def detect_layout(header: list[str], mapping: ColumnMapping | None = None,
                  sample: Sequence[Sequence[str]] = ()) -> Layout:
    """The kind and shape of export a header belongs to, with its columns; E020 / E021 otherwise.

    ``sample`` (the first data rows) lets a type column stand in for a direction only when it
    holds directions, and helps the error suggest a mapping.

    >>> detect_layout(["CALLING_NBR", "CALLED_NBR", "START_TIME", "DURATION_SEC"]).kind
    'calls'
    >>> detect_layout(["Direction", "Party Number", "Contact Name", "Timestamp"]).shape
    'party'
    """
    mapping = mapping or default_mapping()
    found = {kind: match_columns(header, kind, mapping.names.get(kind)) for kind in FIELDS}
    fits = []
    for kind in FIELDS:
        fitted = _fit(kind, found[kind], sample)
        if fitted:
            fits.append((len(found[kind]), -list(FIELDS).index(kind), kind, fitted))
    if not fits:
        raise Unreadable(unknown_layout(header, sample, found))
    *_, kind, (shape, columns) = max(fits)
    return Layout(kind=kind, columns=columns, width=len(header), shape=shape, hints=_hints(header, columns))
