"""An entity as one case sees it: its node's properties with that case's facts in place of the node's.

Why: a phone or an account is one node in every case that names it, and a person belongs to the
case whose notes name them; either way what a case says of an entity (a person's role, rank and
agency, a phone's WhatsApp, an account's bank: the properties ``IN_CASE.yaml`` declares) is a
fact of that case, written once per case by that case's ingest (``ingest.identity``). A node's own
copy of those properties is the latest ingest's and is never read here: a case's projection shows
its own facts and none of another case's, so ingesting a second case changes nothing the first
case's views, flags, tables and exports show.

Decisions:

- A projection of one case reads that case's fact. An entity the case does not state (data
  written before facts existed) keeps its node's properties.
- A projection of every case reads the entity's one fact when it has one. An entity several cases
  state (a shared phone) takes, for each property, the first case's value that is set (cases in
  id order); a role takes the most protective of the cases' roles (a victim or a witness in any
  case stays protected wherever the entity is shown), then an official's or an investigator's,
  then a suspect's.

>>> node = {"id": "p1", "name": "Ana Cruz", "role": "unknown", "facts": [
...     {"case_id": "BZ-1", "role": "victim"}, {"case_id": "BZ-2", "role": "suspect"}]}
>>> names = frozenset({"role", "rank"})
>>> case_view(dict(node), "BZ-2", names)["role"], case_view(dict(node), None, names)["role"]
('suspect', 'victim')
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

__all__ = ["ROLE_ORDER", "case_view"]

#: Which role an entity shown over several cases takes (see the module docstring).
ROLE_ORDER = ("victim", "witness", "official", "investigator", "suspect", "unknown")


def _combined(facts: Sequence[Mapping[str, Any]], name: str) -> Any:
    values = [f[name] for f in sorted(facts, key=lambda f: str(f.get("case_id"))) if f.get(name) is not None]
    if name == "role" and values:
        return min(values, key=lambda r: ROLE_ORDER.index(r) if r in ROLE_ORDER else len(ROLE_ORDER))
    return values[0] if values else None


def case_view(node: dict[str, Any], case_id: str | None, names: frozenset[str]) -> dict[str, Any]:
    """``node`` (a store row's entity, with its ``facts``) as ``case_id`` (None: every case) states it.

    ``names``: the properties of the node's label that are facts of a case. The ``facts`` key is
    removed; the row is changed in place and returned.
    """
    facts = [f for f in node.pop("facts", None) or () if f]
    chosen = [f for f in facts if case_id is None or f.get("case_id") == case_id]
    if not chosen:
        return node
    for name in names:
        node.pop(name, None)
        value = chosen[0].get(name) if len(chosen) == 1 else _combined(chosen, name)
        if value is not None:
            node[name] = value
    return node
