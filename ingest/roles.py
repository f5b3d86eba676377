"""Infer a person's role from what the notes say they did, or what was done to them.

Why: police prose rarely labels everyone ("the suspect Reyes"); it says who recruited, moved,
held, threatened or put whom to work, who was arrested, sentenced or interviewed. The evidence,
strongest first:

1. exploiting: a person who recruits, moves, holds, threatens or puts others to work is a suspect
   (a victim turned recruiter too);
2. being exploited: a person to whom that is done is a victim - even when also detained or
   interviewed (a trafficked woman held by Immigration, or heard as a witness, is still a victim);
3. the legal process: a person arrested, sentenced or ordered to pay (ARRESTED_BY, SENTENCED_BY,
   ORDERED_TO_PAY from them) or arrested, charged, cautioned or remanded by an officer
   (INVESTIGATED from an official or investigator) is a suspect - the officer never is;
4. running the place: a person who owns or runs premises (OWNS, directly or through a company
   that owns them) where victims are held, put to work, found or living is a suspect;
5. being interviewed or giving a statement to an officer (INVESTIGATED of that kind) makes a
   witness.

Stated roles (a title, "the victim", the note's author, and the roles ``ingest.components.legal``
and ``statements`` read from legal acts and statements) always win: inference only fills
``unknown``, and the node records ``role_basis`` = "inferred from relations (TYPE, ...)" so an
analyst can tell a stated role from an inferred one and see which ties it rests on.

One exception refines a stated role: an official - a rank or agency, no note of the case written
by them - who does the case's casework on a person (arrests, charges or cautions them, interviews
them, takes their statement: ``CASEWORK_ACTS``) is one of its investigators, as the author of a
note is ("Labour Officer Ek interviewed the workers"), unless they exploit anyone themselves.
"""
from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import replace

from graph_schema.model import load_schema
from graph_schema.records import NodeRecord, RelRecord

__all__ = ["CASEWORK_ACTS", "SUSPECT_ACTS", "WITNESS_ACTS", "infer_roles"]
#: Kinds of INVESTIGATED (its ``relation`` verbs or the ``relations.jsonl`` pattern ids among its
#: ``methods``) that treat the target as a suspect, and those that hear the target as a witness.
SUSPECT_ACTS = frozenset({"arrest", "apprehend", "detain", "handcuff", "charge", "caution", "remand", "fingerprint",
                          "held-for-questioning"})
WITNESS_ACTS = frozenset({"interview", "question", "statement-from", "interview-with", "interview-of-by",
                          "statement-to"})
#: Casework on a person - arresting, charging or cautioning them, interviewing them or taking their
#: statement - makes the official who does it one of the case's investigators. Detaining, stopping,
#: visiting or searching do not: a complicit officer stops a van or detains a girl who ran away too.
CASEWORK_ACTS = frozenset({"arrest", "charge", "caution", "remand", "fingerprint"}) | WITNESS_ACTS
_OFFICERS = frozenset({"official", "investigator"})
#: A witness role read from "X was interviewed" or "X stated" is an inference too: what the person
#: did to others or what was done to them ("recruited", "was recruited") outweighs it - unless the
#: notes state it (``role_basis`` "stated: ...", such as a protected witness's code "TP-3").
_WEAK = frozenset({"witness"})
_STRONGER = frozenset({"does", "suffers"})

#: Kind of evidence -> the role it gives, strongest first (see the module docstring).
_ROLE = {"does": "suspect", "suffers": "victim", "legal": "suspect", "runs": "suspect", "heard": "witness"}


@functools.cache
def _types(meaning: str) -> frozenset[str]:
    """The relationship types role inference reads, as the schema declares them: ``exploitation``
    (the source exploits, the target is exploited), ``legal`` (the source is a defendant), and the
    ties that make premises a place of exploitation - ``premises`` (premises -> victim) and
    ``presence`` (victim -> premises)."""
    schema = load_schema()
    return frozenset(schema.types_with(meaning) if meaning in schema.meanings.traits else schema.types_in(meaning))


def infer_roles(nodes: list[NodeRecord], rels: list[RelRecord]) -> list[NodeRecord]:
    """Nodes with ``unknown`` people given an inferred role where their relations show one.

    >>> a = NodeRecord("Person", "a", {"name": "A", "role": "unknown"})
    >>> b = NodeRecord("Person", "b", {"name": "B", "role": "unknown"})
    >>> r = RelRecord("RECRUITED", "Person", "a", "Person", "b")
    >>> [(n.key, n.props["role"]) for n in infer_roles([a, b], [r])]
    [('a', 'suspect'), ('b', 'victim')]

    The officer who arrests is no suspect; the person arrested is:

    >>> o = NodeRecord("Person", "o", {"name": "O", "role": "investigator"})
    >>> arrest = RelRecord("INVESTIGATED", "Person", "o", "Person", "a", props={"relation": "arrest"})
    >>> [(n.key, n.props["role"], n.props.get("role_basis")) for n in infer_roles([o, a], [arrest])]
    [('o', 'investigator', None), ('a', 'suspect', 'inferred from relations (INVESTIGATED)')]
    """
    roles = {n.key: n.props.get("role") for n in nodes if n.label == "Person"}
    evidence: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for rel in rels:
        for role, key in _evidence(rel, roles):
            evidence[key][role].add(rel.type)
    for key in _running_exploited_premises(rels, roles):
        evidence[key]["runs"].add("OWNS")
    investigating = {r.source_key for r in rels if r.type == "INVESTIGATED" and r.source_label == "Person"
                     and r.target_label == "Person" and roles.get(r.source_key) == "official"
                     and _acts(r) & CASEWORK_ACTS}
    out = []
    for node in nodes:
        stated = node.props.get("role", "unknown")
        found = evidence.get(node.key, {})
        weak = stated in _WEAK and not str(node.props.get("role_basis") or "").startswith("stated")
        if node.label == "Person" and (stated in ("unknown", None) or (weak and _STRONGER & set(found))) \
                and found:
            kind = next(k for k in _ROLE if k in found)
            node = replace(node, props={**node.props, "role": _ROLE[kind], "role_basis":
                                        f"inferred from relations ({', '.join(sorted(evidence[node.key][kind]))})"})
        elif node.label == "Person" and stated == "official" and node.key in investigating and "does" not in found:
            node = replace(node, props={**node.props, "role": "investigator",
                                        "role_basis": "inferred from relations (INVESTIGATED)"})
        out.append(node)
    return out


def _running_exploited_premises(rels: list[RelRecord], roles: dict[str, object]) -> set[str]:
    """People who own or run premises where a stated victim is held, employed, found or living,
    directly or through a company that owns the premises ("licensee", "shareholder")."""
    exploited = {r.source_key for r in rels if r.type in _types("premises") and r.source_label == "Organization"
                 and r.target_label == "Person" and roles.get(r.target_key) == "victim"}
    exploited |= {r.target_key for r in rels if r.type in _types("presence") and r.target_label == "Organization"
                  and r.source_label == "Person" and roles.get(r.source_key) == "victim"}
    owned_by = defaultdict(set)  # organization -> its owners (people and companies)
    for r in rels:
        if r.type == "OWNS" and r.target_label == "Organization":
            owned_by[r.target_key].add((r.source_label, r.source_key))
    people = set()
    for premises in exploited:
        for label, owner in owned_by.get(premises, ()):
            if label == "Person":
                people.add(owner)
            else:
                people |= {k for lab, k in owned_by.get(owner, ()) if lab == "Person"}
    return {p for p in people if roles.get(p) not in _OFFICERS}


def _evidence(rel: RelRecord, roles: dict[str, object]) -> list[tuple[str, str]]:
    """(kind of evidence, person key) pairs one relationship gives. Employment known only from a
    wage ("pays him BZ$150 a trip": relation "wage") gives none: a barman paid by the night is
    no victim, and his employer no trafficker, for that alone."""
    if rel.type in _types("exploitation") and {a.strip() for a in str(rel.props.get("relation") or "").split(";")} == {"wage"}:
        return []
    if rel.type in _types("exploitation") and rel.target_label == "Person":
        return ([("does", rel.source_key)] if rel.source_label == "Person" else []) + [("suffers", rel.target_key)]
    if rel.type in _types("legal") and rel.source_label == "Person":
        return [("legal", rel.source_key)]
    if rel.type == "INVESTIGATED" and rel.target_label == "Person" and roles.get(rel.source_key) in _OFFICERS:
        acts = _acts(rel)
        if acts & SUSPECT_ACTS:
            return [("legal", rel.target_key)]
        if acts & WITNESS_ACTS:
            return [("heard", rel.target_key)]
    return []


def _acts(rel: RelRecord) -> set[str]:
    """The kinds of an INVESTIGATED tie: its ``relation`` verbs and the pattern ids among its ``methods``."""
    acts = {a.strip() for a in str(rel.props.get("relation") or "").split(";")}
    return acts | {str(m).rsplit(":", 1)[-1] for m in rel.props.get("methods") or ()}
