"""Infer a person's role from what the notes say they did, when no note states it.

Why: police prose rarely labels everyone ("the suspect Reyes"); it says who recruited, moved,
held, threatened or put whom to work. A person who does those things to others is a suspect; one
to whom they are done is a victim; one who does both (a victim turned recruiter) is a suspect.
Stated roles (a title, "the victim", the note's author) always win: inference only fills
``unknown``, and the node records ``role_basis = "inferred from relations"`` so an analyst can
tell a stated role from an inferred one.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import replace

from graph_schema.records import NodeRecord, RelRecord

__all__ = ["EXPLOITATION_TYPES", "infer_roles"]

#: Relationship types whose source exploits and whose target is exploited (person to person).
EXPLOITATION_TYPES = frozenset({"RECRUITED", "TRANSPORTED", "HARBORED", "THREATENED", "EMPLOYS"})


def infer_roles(nodes: list[NodeRecord], rels: list[RelRecord]) -> list[NodeRecord]:
    """Nodes with ``unknown`` people given an inferred role where their relations show one.

    >>> a = NodeRecord("Person", "a", {"name": "A", "role": "unknown"})
    >>> b = NodeRecord("Person", "b", {"name": "B", "role": "unknown"})
    >>> from graph_schema.records import RelRecord
    >>> r = RelRecord("RECRUITED", "Person", "a", "Person", "b")
    >>> [(n.key, n.props["role"]) for n in infer_roles([a, b], [r])]
    [('a', 'suspect'), ('b', 'victim')]
    """
    does, suffers = Counter(), Counter()  # type: Counter[str], Counter[str]
    for rel in rels:
        if rel.type in EXPLOITATION_TYPES and rel.target_label == "Person":
            if rel.source_label == "Person":
                does[rel.source_key] += 1
            suffers[rel.target_key] += 1
    out = []
    for node in nodes:
        if node.label == "Person" and node.props.get("role", "unknown") in ("unknown", None):
            role = "suspect" if does[node.key] else "victim" if suffers[node.key] else None
            if role:
                node = replace(node, props={**node.props, "role": role, "role_basis": "inferred from relations"})
        out.append(node)
    return out
