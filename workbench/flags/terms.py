"""What the complicity rules ask the schema, once per run: roles, events, identifiers, holders.

Why a module of its own: the rules must not restate the schema's meaning (which roles are
protected, which events link two parties, which identifiers stand for a person in them, by which
types a person holds a phone or an account), and :class:`workbench.flags.context.RuleContext`
should stay about the graph. :class:`SchemaTerms` answers from ``graph_schema`` and keeps each
answer for the run.
"""
from __future__ import annotations

from functools import cached_property

from graph_schema import load_schema
from workbench.flags.core import stand_in_types

__all__ = ["SchemaTerms"]


class SchemaTerms:
    """The schema's answers a rule context keeps for its run (a mixin of ``RuleContext``)."""

    @cached_property
    def investigative_types(self) -> frozenset[str]:
        return frozenset(load_schema().investigative_types)

    @cached_property
    def protected_roles(self) -> frozenset[str]:
        """Roles never named in a reason (victims, witnesses: the schema's protected roles)."""
        return frozenset(load_schema().protected_roles())

    @cached_property
    def party_identifiers(self) -> frozenset[str]:
        """Identifiers that stand for a person in payments and calls (their phones, accounts)."""
        return frozenset(load_schema().party_identifiers())

    @cached_property
    def party_events(self) -> frozenset[str]:
        """Events between two parties (payments, calls)."""
        return frozenset(load_schema().party_events())

    @cached_property
    def party_uses(self) -> tuple[str, ...]:
        """The use relation of each party identifier: a phone's users (USES_PHONE), an account's
        holders (HOLDS_ACCOUNT)."""
        schema = load_schema()
        return tuple(schema.holder_types(label)[0] for label in schema.party_identifiers())

    @cached_property
    def stand_in_types(self) -> tuple[str, ...]:
        """Types by which someone holds a party identifier (USES_PHONE, HOLDS_ACCOUNT, OWNS)."""
        return stand_in_types()

    @staticmethod
    def holder_types(label: str) -> tuple[str, ...]:
        """Types by which someone holds a node of ``label`` (a phone: USES_PHONE, OWNS)."""
        return load_schema().holder_types(label)

    @staticmethod
    def legs(event: str) -> tuple[str, str]:
        """The two legs of a party event: into it (PAID, CALLED) and out of it (PAID_TO, CALL_TO)."""
        legs = load_schema().event_legs(event)
        if legs is None:
            raise KeyError(f"{event} is no event between two parties")
        return legs
