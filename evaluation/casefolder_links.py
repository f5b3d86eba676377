"""Match a case folder's expected identifiers and relations between the nodes of their ends.

Why: once each expected person has its nodes (``evaluation.casefolder_persons``), a phone,
plate or account is right when it is tied to a node of its owner, and a relation is right when
an edge of its type joins a node of its subject to a node of its object. Pure functions over
the networkx graph of a resolution (``workbench.project.from_records``).

Decisions: payments and calls are events (Person -PAID-> Payment -PAID_TO-> Person, Phone
-CALLED-> Call -CALL_TO-> Phone); they are joined back into one fact per event, as
``evaluation.sample_truth`` does, and an end may be a phone or account our graph ties to the
person (the schema's ``shared_via``). Undirected types (the schema's ``directed``) match
either way round. A miss carries a short reason (an end not found, the other way round, linked
only by another type, or only between the phones the expected file assigns).
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import networkx as nx

from graph_schema.model import Schema, load_schema
from graph_schema.types import clean_phone, clean_plate, fold_name
from workbench.project import node_id

__all__ = ["IdentifierMatch", "RelationMatch", "identifier_node", "match_identifiers", "match_relations",
           "named_nodes"]


def _events() -> dict[str, tuple[str, str]]:
    """The events joined back into one fact (payments, calls): label -> (leg in, leg out)."""
    schema = load_schema()
    return {label: legs for label in schema.party_events() if (legs := schema.event_legs(label))}


def _joined() -> set[str]:
    """The types a joined event fact takes: the leg into the event (PAID, CALLED)."""
    return {into for into, _ in _events().values()}


def named_nodes(G: nx.MultiDiGraph, labels: Iterable[str] = ("Location", "Organization")) -> dict[str, set[str]]:
    """Folded name (and alias) -> node ids of those labels: places, venues and companies by name."""
    wanted, index = set(labels), defaultdict(set)
    for n, attrs in G.nodes(data=True):
        if attrs.get("label") in wanted:
            for name in [attrs.get("name"), *(attrs.get("aliases") or [])]:
                if isinstance(name, str) and name.strip():
                    index[fold_name(name)].add(n)
    return dict(index)


# ---------------------------------------------------------------- identifiers


@dataclass(frozen=True)
class IdentifierMatch:
    """An expected phone, vehicle or account: its node, who it is linked to, and the verdict.

    ``status``: ``linked`` (to a node of its owner), ``wrong`` (only to other people or
    organizations), ``unlinked`` (the node exists, tied to nobody) or ``missing`` (no node).
    """

    kind: str
    value: str
    owner: str
    node: str | None
    linked_to: tuple[str, ...]
    status: str


def identifier_node(kind: str, value: str) -> str | None:
    """Our node id for an expected identifier (E.164 phone, dashed plate, account digits).

    >>> identifier_node("vehicles", "CY C 18823"), identifier_node("accounts", "1020-44391-8")
    ('Vehicle:CY-C-18823', 'Account:1020443918')
    """
    if kind == "phones":
        key = clean_phone(value)
        return node_id("Phone", key) if key else None
    if kind == "vehicles":
        key = clean_plate(value)
        return node_id("Vehicle", key) if key else None
    digits = re.sub(r"\D", "", value)
    return node_id("Account", digits) if digits else None


def match_identifiers(expected: Mapping[str, Mapping[str, str]], G: nx.MultiDiGraph,
                      owner_nodes: Callable[[str], set[str]]) -> list[IdentifierMatch]:
    """Each expected identifier (``{"phones": {value: owner}, ...}``) against its owner's nodes."""
    out = []
    for kind, items in expected.items():
        for value, owner in items.items():
            node = identifier_node(kind, value)
            if node is None or node not in G:
                out.append(IdentifierMatch(kind, value, owner, None, (), "missing"))
                continue
            linked = {other for other in nx.all_neighbors(G, node)
                      if G.nodes[other].get("label") in ("Person", "Organization")}
            status = "linked" if linked & owner_nodes(owner) else "wrong" if linked else "unlinked"
            names = tuple(sorted(str(G.nodes[n].get("name")) for n in linked))
            out.append(IdentifierMatch(kind, value, owner, node, names, status))
    return out


# ---------------------------------------------------------------- relations


@dataclass(frozen=True)
class RelationMatch:
    """An expected ``[subject, TYPE, object]``: found or not, the evidence, and why not."""

    subject: str
    type: str
    object: str
    found: bool
    evidence: tuple[str, ...] = ()
    detail: str = ""


Fact = tuple[str, str, list[dict[str, Any]]]  # source node, target node, evidence dicts


def _facts(G: nx.MultiDiGraph) -> dict[str, list[Fact]]:
    """Every edge by type, with payments and calls joined into one (payer, payee) fact per event."""
    facts: dict[str, list[Fact]] = defaultdict(list)
    events = _events()
    legs = {leg for pair in events.values() for leg in pair}
    for u, v, d in G.edges(data=True):
        if d.get("type") not in legs:
            facts[d.get("type", "")].append((u, v, list(d.get("evidence") or [])))
    for event, attrs in G.nodes(data=True):
        kind = events.get(attrs.get("label", ""))
        if kind is None:
            continue
        senders = [(u, d) for u, _, d in G.in_edges(event, data=True) if d.get("type") == kind[0]]
        receivers = [(v, d) for _, v, d in G.out_edges(event, data=True) if d.get("type") == kind[1]]
        for s, ds in senders:
            for r, dr in receivers:
                facts[kind[0]].append((s, r, list(ds.get("evidence") or []) + list(dr.get("evidence") or [])))
    return facts


def _reach(G: nx.MultiDiGraph, nodes: set[str]) -> set[str]:
    """The nodes plus the phones and accounts our graph ties to them (ends of calls and payments)."""
    out = set(nodes)
    for n in nodes:
        for u, v, d in [*G.in_edges(n, data=True), *G.out_edges(n, data=True)]:
            other = v if u == n else u
            label = G.nodes[other].get("label")
            if label in load_schema().party_identifiers() and d.get("type") in load_schema().shared_via(label):
                out.add(other)
    return out


def match_relations(expected: Iterable[Iterable[str]], G: nx.MultiDiGraph, ends: Callable[[str], set[str]],
                    *, note_paths: Mapping[str, str] | None = None, phones_of: Mapping[str, set[str]] | None = None,
                    schema: Schema | None = None) -> list[RelationMatch]:
    """Each expected relation, found between the nodes ``ends(name)`` gives for its subject and object.

    ``phones_of`` (name -> phone node ids the expected file assigns) only explains a miss: a
    call or payment that exists between the expected phones but not between the people means
    the phone was not linked to its user. ``note_paths`` turns evidence note ids into paths.
    """
    schema, paths, phones_of = schema or load_schema(), note_paths or {}, phones_of or {}
    facts, out = _facts(G), []
    for subject, rel_type, obj in expected:
        sources, targets = ends(subject), ends(obj)
        spec = schema.relationships.get(rel_type)
        both_ways = spec is not None and not spec.directed
        if rel_type in _joined():
            sources, targets = _reach(G, sources), _reach(G, targets)
        hits = _between(facts.get(rel_type, []), sources, targets, both_ways)
        detail = "" if hits else _why_not(facts, (subject, rel_type, obj), sources, targets, phones_of)
        out.append(RelationMatch(subject, rel_type, obj, bool(hits), _evidence(hits, paths), detail))
    return out


def _between(facts: Iterable[Fact], sources: set[str], targets: set[str], both_ways: bool) -> list[Fact]:
    return [f for f in facts if (f[0] in sources and f[1] in targets)
            or (both_ways and f[0] in targets and f[1] in sources)]


def _evidence(hits: Iterable[Fact], paths: Mapping[str, str], limit: int = 3) -> tuple[str, ...]:
    """The first few distinct "note path: sentence" lines behind the facts found."""
    lines: dict[str, None] = {}
    for _, _, evidence in hits:
        for e in evidence:
            note = str(e.get("note_id"))
            lines.setdefault(f"{paths.get(note, note)}: {_short(e.get('sentence'))}")
    return tuple(lines)[:limit]


def _why_not(facts: Mapping[str, list[Fact]], triple: tuple[str, str, str],
             sources: set[str], targets: set[str], phones_of: Mapping[str, set[str]]) -> str:
    subject, rel_type, obj = triple
    if not sources:
        return "subject not found"
    if not targets:
        return "object not found"
    if rel_type in _joined() and _between(facts.get(rel_type, []), sources | phones_of.get(subject, set()),
                                                    targets | phones_of.get(obj, set()), False):
        return "only between their expected phones: a phone is not linked to its user"
    if _between(facts.get(rel_type, []), targets, sources, False):
        return "only the other way round"
    other = sorted({t for t, items in facts.items() if _between(items, sources, targets, True)})
    return f"linked only as {', '.join(other)}" if other else "no link"


def _short(sentence: Any, limit: int = 140) -> str:
    text = " ".join(str(sentence or "").split())
    return text if len(text) <= limit else text[:limit - 1] + "…"
