"""The complicity rules: small pure functions of ``(context, official)``, listed in one table.

Why this shape: each rule answers one question an investigator would ask ("was money exchanged
with the core?", "did their phones talk just before the raid?") and returns a :class:`Finding`:
how many distinct items it found, one reason per item with the edges it rests on, and the call
or payment records. It never scores and never reads evidence sentences: :mod:`workbench.flags.run`
weighs the count (weights and next steps live in :mod:`workbench.flags.config`) and reads the
sentences of exactly the edges the reasons name, so evidence cannot drift from reasons. Rules see
only non-investigative edges (the context filters them), so an investigator's arrests, interviews
and own notes never fire a rule. A *supporting* rule only adds to a flag another rule raised.

The rules live by topic: events (payments, relatives paid, calls, tip-offs) in
:mod:`workbench.flags.rules_events`, the call before an operation in
:mod:`workbench.flags.rules_operation`, venues and vehicles in :mod:`workbench.flags.rules_venues`,
ties in :mod:`workbench.flags.rules_ties`, alias candidates in :mod:`workbench.flags.aliases`.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from workbench.flags import rules_ties as t
from workbench.flags.aliases import alias_candidate
from workbench.flags.context import RuleContext
from workbench.flags.flag import Finding
from workbench.flags.rules_events import calls, payment, relative_paid, tip_off
from workbench.flags.rules_operation import call_before_operation
from workbench.flags.rules_venues import vehicle_at_venue, venue, venue_by_relative

__all__ = ["Finding", "Rule", "RULES", "payment", "relative_paid", "calls", "call_before_operation", "venue",
           "vehicle_at_venue", "venue_by_relative", "tip_off", "alias_candidate", "rule_names"]


@dataclass(frozen=True)
class Rule:
    name: str
    description: str
    fn: Callable[[RuleContext, str], Finding | None]
    supporting: bool = False  # adds to a flag another rule raised; never raises one alone


#: The rule table: every rule the flag run evaluates, in report order.
RULES: tuple[Rule, ...] = (
    Rule("payment", "Payments between the official (or an account or phone registered to them) and the "
                    "exploitation core, its accounts, businesses or venues.", payment),
    Rule("relative_paid", "Payments from the core or an exploited venue's account to the official's relative.",
         relative_paid),
    Rule("calls", "Calls or messages between the official's phone and a core member's phone.", calls),
    Rule("call_before_operation", "A call with the core shortly before a raid, search or checkpoint.",
         call_before_operation),
    Rule("venue", "Owns, runs or is regularly at a venue where exploitation is reported.", venue),
    Rule("vehicle_at_venue", "A vehicle registered to the official repeatedly seen at such a venue.",
         vehicle_at_venue),
    Rule("venue_by_relative", "A relative owns or runs such a venue (directly or by shares).", venue_by_relative),
    Rule("tip_off", "Tip-off or obstruction language tied to the official.", tip_off),
    Rule("alias_candidate", "Payments, calls or tip-offs of a nickname, rank word or initials that may be "
                            "the official (a candidate link, not a merge).", alias_candidate),
    Rule("shared_identifier", "Shares a phone, account, vehicle or address with a core member.", t.shared_identifier),
    Rule("family_tie", "Family tie (RELATED_TO) with a core member.", t.family_tie),
    Rule("near_core", "Within k non-investigative ties of the network's core (supporting only).", t.near_core,
         supporting=True),
)


def rule_names() -> tuple[str, ...]:
    """Names of the rules in the table, in report order.

    >>> rule_names()[:2]
    ('payment', 'relative_paid')
    """
    return tuple(r.name for r in RULES)
