"""Which properties are facts of a case: declared on an entity's label and on ``IN_CASE``.

Why: what a case's notes say of an entity (a person's role, rank and agency; a phone's WhatsApp;
an account's bank) is written per case, on the entity's ``IN_CASE`` relationship to the case, so
a second case never overwrites the first's. ``IN_CASE.yaml`` declares those properties once;
resolution writes them and the store reads them through this one function.

>>> from graph_schema.model import load_schema
>>> sorted(fact_names(load_schema(), "Person"))
['agency', 'nationality', 'rank', 'role', 'role_basis']
>>> sorted(fact_names(load_schema(), "Phone"))
['whatsapp']
"""
from __future__ import annotations

from graph_schema.model import Schema

__all__ = ["CASE_FACT", "fact_names"]

#: The relationship type that carries an entity's facts of one case.
CASE_FACT = "IN_CASE"


def fact_names(schema: Schema, label: str) -> frozenset[str]:
    """The properties of ``label`` that are facts of a case (declared on both it and ``IN_CASE``)."""
    own = {p.name for p in schema.node(label).properties}
    return frozenset(p.name for p in schema.rel(CASE_FACT).properties if p.name in own and p.name != "id")
