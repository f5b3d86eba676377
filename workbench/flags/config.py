"""Weights, parameters and next investigative steps of the complicity rules, declared as data.

Why a table here rather than constants spread through the rules: an analyst or the lead must be
able to read, in one screen, how much each kind of tie counts and which thresholds apply, and a
run must be able to record exactly which values it used (the audit log stores ``params``).

Scoring (see :func:`workbench.flags.run.rule_score`): a rule that finds ``n`` distinct items
(payments, calls, venues, ...) scores ``weight * (1 - decay**n) / (1 - decay)``: the first item
counts ``weight``, each further one half as much as the one before (with ``decay = 0.5``), so a
rule can never contribute more than ``weight / (1 - decay)`` (twice its weight). Many calls
therefore cannot outweigh a single payment plus a tip-off. A *supporting* rule (near_core) adds
to a flag that another rule raised but never raises one alone.
"""
from __future__ import annotations

from types import MappingProxyType
from typing import Any, Mapping

from graph_schema import Schema, load_schema
from workbench.errors import Errors

__all__ = ["WORDING", "RULE_WEIGHTS", "default_params", "NEXT_STEPS", "merged_params"]

#: The only wording a flag ever carries: a flag is a lead for review, never an accusation.
WORDING = "possible complicity — needs review"

#: Weight of each rule: the score of its first item of evidence.
RULE_WEIGHTS: Mapping[str, float] = MappingProxyType({
    "payment": 3.0,             # money between an official (or their account / phone) and the core
    "tip_off": 3.0,             # TIPPED_OFF from the official (raid warnings, obstruction)
    "call_before_operation": 2.5,  # a call with the core shortly before a raid, search or checkpoint
    "relative_paid": 2.5,       # the core or an exploited venue pays the official's relative
    "venue": 2.5,               # owns, runs or frequents a venue where exploitation is reported
    "vehicle_at_venue": 2.5,    # a vehicle registered to the official, repeatedly at such a venue
    "venue_by_relative": 2.0,   # a relative owns or runs such a venue (directly or by shares)
    "alias_candidate": 2.0,     # items tied to a nickname / rank word / initials that may be them
    "calls": 2.0,               # calls / messages between the official's and a core member's phones
    "shared_identifier": 2.0,   # same phone, account, vehicle or address as a core member
    "family_tie": 1.5,          # RELATED_TO a core member
    "near_core": 1.0,           # within k non-investigative hops of the network's core (supporting)
})

#: What would confirm or clear each rule's finding: one next investigative step per rule.
NEXT_STEPS: Mapping[str, str] = MappingProxyType({
    "payment": "Obtain the payer's and the official's bank, wallet and remittance records for those dates; "
               "ask the payer and the witnesses what the money was for.",
    "tip_off": "Re-interview the source of the tip-off account; establish what the official knew of the "
               "operation and when.",
    "call_before_operation": "Compare the call with the briefing roster (who knew the time); get cell-site "
                             "data and the official's account of the call.",
    "relative_paid": "Establish what the payments to the relative were for (contract, wage slips, company "
                     "records) and whether the official shares the account or address.",
    "venue": "Check the venue's licence, company and property records; ask staff and victims what the "
             "official does there.",
    "vehicle_at_venue": "Confirm who drove the vehicle on those dates (duty rosters, witnesses, cameras) and "
                        "that the registration is current.",
    "venue_by_relative": "Pull the company registry, licence file and the official's declarations of "
                         "interest; check whether they acted on the venue's licensing or inspection.",
    "alias_candidate": "Confirm or reject the identification (handwriting, photographs, an identification "
                       "by the witness) before relying on these items.",
    "calls": "Get the official's own call records and subscriber checks for the period; ask them to "
             "account for the contacts.",
    "shared_identifier": "Confirm who actually uses the shared phone, account, vehicle or address "
                         "(subscriber, bank and licensing records).",
    "family_tie": "Confirm the tie (civil registry, declarations) and look for contact or money between "
                  "them in the offence period.",
    "near_core": "Supporting context only: review each tie on the path; it never raises a flag alone.",
})

#: Parameters of the rules and the score that the schema does not decide; callers override any
#: of them with ``params=``. :func:`default_params` adds the types and labels the schema declares.
_FIXED_PARAMS: Mapping[str, Any] = MappingProxyType({
    "decay": 0.5,               # diminishing returns per further item of one rule
    "min_seen": 2,              # SEEN_AT mentions that make presence at a venue "regular"
    "k": 2,                     # hops to the core for near_core
    "core_size": 5,             # how many best-connected core members near_core aims at
    "core": None,               # explicit node ids near_core aims at (overrides core_size)
    # -- the exploitation core (workbench.flags.core) --
    "core_from_graph": True,    # also compute the core from what people do, not only role suspect
    "core_employs_types": ("EMPLOYS",),  # exploitation acts that count only towards a victim
    "arrest_relation": r"arrest|charg|remand|detain|apprehen|convict|sentenc|indict|caution|warrant",
    "max_network_users": 3,     # a phone used by more people than this is no personal tie
    # -- venues --
    "venue_labels": ("Organization",),
    "public_venue_types": ("station", "department", "hospital", "clinic", "shelter", "court", "office",
                           "unit", "school", "church", "embassy", "consulate", "prison", "ministry",
                           "council", "agency", "border"),
    "ownership_depth": 2,       # OWNS chains through companies (shares, operator, licensee)
    "vehicle_owner_types": ("OWNS",),                  # the official's vehicles: registered to them
    "min_vehicle_seen": 2,      # distinct days (or notes) the vehicle is seen at the venue
    # sightings told, not observed ("On Wednesdays a man came in a grey pickup"): the note's date is
    # when it was told, no day anyone was there, so each counts as an undated note
    "told_sighting_methods": ("workbench.arrivals.v1",),
    # -- identifiers and ties --
    "shared_location_kinds": ("address",),             # a town or village shared is no tie
    "self_authored_types": ("ASSOCIATED_WITH",),       # co-mentions from own notes do not count
    "weak_types": ("ASSOCIATED_WITH",),                # co-mentions are no path to the core (near_core)
    # -- calls and operations --
    "investigative_lead_days": 3,  # calls this close before (or after) investigating that person are investigative
    "call_window_minutes": 90,  # a call this long before an operation's time is suspect
    "cascade_minutes": 15,      # after it, the core member's calls to other core members
    "operation_labels": ("Operation",),
    "operations": (),           # analyst-given operations: [{"at": "2024-03-22T22:15", "name": ...}]
    # -- alias candidates --
    "alias_min_score": 2,       # initials 2; rank word, agency word, co-mention 1 each
    "alias_rules": ("payment", "calls", "tip_off", "call_before_operation"),
    # -- how evidence is described --
    "record_methods": ("calls_csv", "transfers_csv"),  # evidence from exported records, not prose
})


def _schema_params(schema: Schema) -> dict[str, Any]:
    """The parameters the schema declares: which types are exploitation acts, legal process,
    family, presence, holding; which labels are identifiers and events (see ``meanings.yaml``)."""
    employs = _FIXED_PARAMS["core_employs_types"]
    holding = tuple(t for c in schema.meanings.categories.values() if c.holds for t in schema.types_in(c.name))
    return {
        # the source of an act (towards anyone but an officer) is core; EMPLOYS only of a victim
        "core_act_types": tuple(t for t in schema.types_in("exploitation") if t not in employs),
        "arrest_types": schema.types_in("legal"),                      # the source was arrested
        "core_network_types": (*schema.types_in("family"), "ACTED_WITH"),  # family, co-defendants ...
        "core_network_via": schema.party_identifiers(),                # ... or sharing their phone / account
        "exploitation_types": schema.types_with("premises"),           # venue -> victim
        "victim_presence_types": schema.types_in("presence"),          # victim -> venue
        # the same identifier (held by use, then by ownership) or the same address (lived at)
        "shared_types": (*holding, "LIVES_AT"),
        "shared_labels": (*schema.labels_of_kind("identifier"), "Location"),
        "tie_via_labels": (*schema.labels_of_kind("identifier"), *schema.party_events()),
        "relative_types": schema.types_in("family"),
    }


def default_params(schema: Schema | None = None) -> Mapping[str, Any]:
    """Every parameter of the rules and the score, with its default (read-only).

    >>> default_params()["core_act_types"]
    ('RECRUITED', 'TRANSPORTED', 'HARBORED', 'THREATENED')
    """
    return MappingProxyType({**_FIXED_PARAMS, **_schema_params(schema or load_schema())})


def merged_params(params: Mapping[str, Any] | None) -> dict[str, Any]:
    """Defaults overridden by ``params``; unknown names fail so that typos do not pass silently.

    A rule's weight is overridden as ``{"weight.payment": 4.0}``.

    >>> merged_params({"k": 3})["k"]
    3
    """
    merged = dict(default_params())
    for name, value in (params or {}).items():
        is_weight = name.startswith("weight.") and name[len("weight."):] in RULE_WEIGHTS
        if name not in merged and not is_weight:
            raise KeyError(Errors.W420.format(name=name))
        merged[name] = value
    return merged
