"""Which CSV column holds which field, for call records and money-transfer receipts.

Why: every telco and remittance company exports its own header names (``CALLING_NBR`` at one,
``A_PARTY`` at another). The readers work on *fields* (caller, callee, start, ...) and this
module maps header names to them: defaults recognise common names case-insensitively (spaces,
hyphens and underscores alike), and a small YAML file adds the names of a new export without
code. User names are tried before the defaults. The kind of export (calls or transfers) is
detected from the header: the kind whose required fields are all present wins.

A mapping file looks like::

    calls:
      caller: A_PARTY
      callee: [B_PARTY, B_NUMBER]
    options:
      delimiter: ";"
      date_format: "%m/%d/%Y %H:%M"
      region: BZ
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ingest.errors import Errors
from ingest.read.decode import Unreadable

__all__ = ["ColumnMapping", "Layout", "FIELDS", "default_mapping", "load_mapping", "mapping_from", "detect_layout"]

# field -> required? per kind; the order is the order of the defaults below.
FIELDS: dict[str, dict[str, bool]] = {
    "calls": {"caller": True, "callee": True, "start": True, "duration": False, "cell_site": False,
              "kind": False},
    "transfers": {"receipt_id": True, "sender_name": True, "sender_phone": False, "receiver_name": True,
                  "receiver_phone": False, "amount": True, "currency": False, "date": True, "channel": False,
                  "agent_location": False},
}
_DEFAULTS: dict[str, dict[str, tuple[str, ...]]] = {
    "calls": {
        "caller": ("calling_nbr", "caller", "calling_number", "a_number", "a_party", "from", "from_number",
                   "originating_number", "msisdn", "source_number"),
        "callee": ("called_nbr", "callee", "called_number", "b_number", "b_party", "to", "to_number",
                   "destination_number", "dialed_number"),
        "start": ("start_time", "start", "call_start", "start_date", "datetime", "date_time", "timestamp",
                  "call_date", "date"),
        "duration": ("duration_sec", "duration_s", "duration_seconds", "duration", "seconds", "secs"),
        "cell_site": ("cell_site", "cell_id", "cell", "cell_tower", "tower", "site"),
        "kind": ("call_type", "event_type", "kind", "type"),
    },
    "transfers": {
        "receipt_id": ("mtcn", "receipt_id", "receipt", "receipt_no", "reference", "reference_number", "ref",
                       "transaction_id", "txn_id", "control_number"),
        "sender_name": ("sender_name", "sender", "remitter", "from_name", "payer"),
        "sender_phone": ("sender_phone", "sender_tel", "sender_mobile", "remitter_phone", "from_phone"),
        "receiver_name": ("receiver_name", "receiver", "beneficiary", "beneficiary_name", "recipient",
                          "recipient_name", "to_name", "payee"),
        "receiver_phone": ("receiver_phone", "receiver_tel", "receiver_mobile", "beneficiary_phone",
                           "recipient_phone", "to_phone"),
        "amount": ("amount", "amount_sent", "send_amount", "principal", "value"),
        "currency": ("currency", "currency_code", "ccy"),
        "date": ("send_date", "date", "transaction_date", "txn_date", "paid_date", "date_sent"),
        "channel": ("channel", "service", "provider", "method"),
        "agent_location": ("agent_location", "agent_city", "location", "branch", "agent", "send_location"),
    },
}
_OPTIONS = {"delimiter", "date_format", "region"}


def _norm(name: str) -> str:
    """Header names compare case-insensitively, with spaces, hyphens and dots as underscores."""
    return "_".join(re.split(r"[^0-9a-z]+", name.strip().lower())).strip("_")


@dataclass(frozen=True)
class ColumnMapping:
    """Accepted header names per kind and field (normalized, tried in order), and read options."""

    names: dict[str, dict[str, tuple[str, ...]]]
    delimiter: str | None = None
    date_format: str | None = None
    region: str = "BZ"


@dataclass(frozen=True)
class Layout:
    """A detected export: its kind and the column index of each field found in its header."""

    kind: str
    columns: dict[str, int] = field(default_factory=dict)
    width: int = 0


def default_mapping() -> ColumnMapping:
    """The built-in names (the sample case's exports and common variants)."""
    return ColumnMapping(names={kind: dict(fields) for kind, fields in _DEFAULTS.items()})


def mapping_from(options: dict[str, Any]) -> ColumnMapping:
    """Defaults extended by ``options`` (the same shape as a mapping file); E022 when malformed.

    >>> m = mapping_from({"calls": {"caller": "A Party"}, "options": {"delimiter": ";"}})
    >>> m.names["calls"]["caller"][:2], m.delimiter
    (('a_party', 'calling_nbr'), ';')
    """
    names = default_mapping().names
    for kind, fields in options.items():
        if kind == "options":
            continue
        if kind not in FIELDS or not isinstance(fields, dict):
            raise Unreadable(Errors.E022.format(detail=f"unknown section {kind!r} (use calls, transfers, options)"))
        for name, given in fields.items():
            if name not in FIELDS[kind]:
                raise Unreadable(Errors.E022.format(detail=f"unknown {kind} field {name!r}"))
            extra = [given] if isinstance(given, str) else list(given or [])
            names[kind][name] = tuple(dict.fromkeys([_norm(str(n)) for n in extra] + list(names[kind][name])))
    opts = options.get("options") or {}
    if not isinstance(opts, dict) or set(opts) - _OPTIONS:
        raise Unreadable(Errors.E022.format(detail=f"options may only be {', '.join(sorted(_OPTIONS))}"))
    return ColumnMapping(names=names, delimiter=opts.get("delimiter"), date_format=opts.get("date_format"),
                         region=opts.get("region", "BZ"))


def load_mapping(path: str | Path) -> ColumnMapping:
    """Read a YAML mapping file; ``Unreadable`` (E022) names what is wrong with it."""
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError, UnicodeDecodeError) as exc:
        raise Unreadable(Errors.E022.format(detail=f"{Path(path).name}: {type(exc).__name__}")) from None
    if not isinstance(data, dict):
        raise Unreadable(Errors.E022.format(detail=f"{Path(path).name}: expected sections calls / transfers"))
    return mapping_from(data)


def _columns(header: list[str], names: dict[str, tuple[str, ...]]) -> dict[str, int]:
    normalized = [_norm(h) for h in header]
    found: dict[str, int] = {}
    for name, accepted in names.items():
        for candidate in accepted:
            if candidate in normalized and normalized.index(candidate) not in found.values():
                found[name] = normalized.index(candidate)
                break
    return found


def detect_layout(header: list[str], mapping: ColumnMapping | None = None) -> Layout:
    """The kind of export a header belongs to, with its columns; E020 / E021 otherwise.

    >>> detect_layout(["CALLING_NBR", "CALLED_NBR", "START_TIME", "DURATION_SEC"]).kind
    'calls'
    """
    mapping = mapping or default_mapping()
    scored = []
    for kind, required in FIELDS.items():
        columns = _columns(header, mapping.names[kind])
        missing = [f for f, need in required.items() if need and f not in columns]
        scored.append((not missing, len(columns), kind, columns, missing))
    complete, _, kind, columns, missing = max(scored)
    if complete:
        return Layout(kind=kind, columns=columns, width=len(header))
    if len(columns) >= 2:
        raise Unreadable(Errors.E021.format(kind=kind, missing=", ".join(missing)))
    raise Unreadable(Errors.E020.format(columns=", ".join(h.strip() for h in header)[:200]))
