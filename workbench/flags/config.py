"""Weights and parameters of the complicity rules, declared as data in one place.

Why a table here rather than constants spread through the rules: an analyst or the lead must be
able to read, in one screen, how much each kind of tie counts and which thresholds apply, and a
run must be able to record exactly which values it used (the audit log stores ``params``).

Scoring (see :func:`workbench.flags.run.rule_score`): a rule that finds ``n`` distinct items
(payments, calls, venues, ...) scores ``weight * (1 - decay**n) / (1 - decay)``: the first item
counts ``weight``, each further one half as much as the one before (with ``decay = 0.5``), so a
rule can never contribute more than ``weight / (1 - decay)`` (twice its weight). Many calls
therefore cannot outweigh a single payment plus a tip-off.
"""
from __future__ import annotations

from types import MappingProxyType
from typing import Any, Mapping

__all__ = ["WORDING", "RULE_WEIGHTS", "DEFAULT_PARAMS", "merged_params"]

#: The only wording a flag ever carries: a flag is a lead for review, never an accusation.
WORDING = "possible complicity — needs review"

#: Weight of each rule: the score of its first item of evidence.
RULE_WEIGHTS: Mapping[str, float] = MappingProxyType({
    "payment": 3.0,             # money between an official and a suspect's side
    "tip_off": 3.0,             # TIPPED_OFF from the official (raid warnings, obstruction)
    "venue": 2.5,               # owns, runs or frequents a venue where exploitation is reported
    "calls": 2.0,               # calls / messages between the official's and a suspect's phones
    "shared_identifier": 2.0,   # same phone, account, vehicle or address as a suspect
    "family_tie": 1.5,          # RELATED_TO a suspect
    "near_core": 1.0,           # within k non-investigative hops of the network's core
})

#: Parameters of the rules and the score; callers override any of them with ``params=``.
DEFAULT_PARAMS: Mapping[str, Any] = MappingProxyType({
    "decay": 0.5,               # diminishing returns per further item of one rule
    "min_seen": 2,              # SEEN_AT mentions that make presence at a venue "regular"
    "k": 2,                     # hops to the core for near_core
    "core_size": 5,             # how many top-degree suspects form the core
    "core": None,               # explicit core node ids (overrides core_size)
    "venue_labels": ("Organization",),
    "exploitation_types": ("HARBORED", "EMPLOYS"),     # venue -> victim
    "victim_presence_types": ("SEEN_AT", "LIVES_AT"),  # victim -> venue
    "shared_types": ("USES_PHONE", "HOLDS_ACCOUNT", "DRIVES", "OWNS", "LIVES_AT", "USES_EMAIL"),
    "shared_labels": ("Phone", "Account", "Vehicle", "Location", "Email"),
    "tie_via_labels": ("Phone", "Account", "Vehicle", "Email", "Handle", "IdDocument", "Payment", "Call"),
    "self_authored_types": ("ASSOCIATED_WITH",),       # co-mentions from own notes do not count
    "weak_types": ("ASSOCIATED_WITH",),                # co-mentions are no path to the core (near_core)
})


def merged_params(params: Mapping[str, Any] | None) -> dict[str, Any]:
    """Defaults overridden by ``params``; unknown names fail so that typos do not pass silently.

    A rule's weight is overridden as ``{"weight.payment": 4.0}``.

    >>> merged_params({"k": 3})["k"]
    3
    """
    merged = dict(DEFAULT_PARAMS)
    for name, value in (params or {}).items():
        is_weight = name.startswith("weight.") and name[len("weight."):] in RULE_WEIGHTS
        if name not in merged and not is_weight:
            raise KeyError(f"unknown flag parameter {name!r}")
        merged[name] = value
    return merged
