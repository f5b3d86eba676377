"""Projections: store rows -> networkx graphs with the attributes the analysis expects.

Why here: this is the one module that knows both the store's row shape and networkx's (STYLE
point 27). Node ids are ``"Label:key"`` so a phone and a person can never collide; attributes
follow docs/CONTRACTS.md. ``person_network`` is derived in Python from an entity graph, so it
works on any projection (a case, a neighbourhood, a hand-built test graph).
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

import networkx as nx

from graph_schema.model import Schema, load_schema
from graph_schema.node_ids import node_id
from graph_schema.records import NodeRecord, RelRecord

__all__ = ["node_id", "to_networkx", "from_records", "person_network"]

_EDGE_KEEP = ("id", "type", "evidence_count", "confidence", "first_seen", "last_seen", "relation", "methods",
              "case_ids", "retired")


def _node_attrs(props: dict[str, Any], schema: Schema) -> dict[str, Any]:
    label = props.get("label")
    spec = schema.nodes.get(label) if label else None
    attrs = {k: v for k, v in props.items() if k not in {"label", "mentions", "id"}}
    caption = props.get(spec.caption) if spec else None
    attrs.update(label=label, key=props.get("id"), name=str(caption if caption is not None else props.get("id")),
                 evidence_count=int(props.get("mentions") or 0))
    attrs.setdefault("role", None)
    return attrs


def _stretch_dates(G: nx.MultiDiGraph) -> None:
    """A node's first and last seen are the earliest and latest dates of its relationships."""
    for n in G.nodes:
        dates = [d for _, _, data in G.in_edges(n, data=True) for d in (data.get("first_seen"), data.get("last_seen")) if d]
        dates += [d for _, _, data in G.out_edges(n, data=True) for d in (data.get("first_seen"), data.get("last_seen")) if d]
        G.nodes[n]["first_seen"] = min(dates) if dates else G.nodes[n].get("date")
        G.nodes[n]["last_seen"] = max(dates) if dates else G.nodes[n].get("date")


def to_networkx(rows: Iterable[dict[str, Any]], isolated: Iterable[dict[str, Any]] = (),
                schema: Schema | None = None) -> nx.MultiDiGraph:
    """Build the entity MultiDiGraph from ``Store.edge_rows`` rows (and optional isolated nodes)."""
    schema = schema or load_schema()
    G = nx.MultiDiGraph()
    for props in isolated:
        G.add_node(node_id(props["label"], props["id"]), **_node_attrs(props, schema))
    for row in rows:
        a, b, rel = row["source"], row["target"], row["rel"]
        u, v = node_id(a["label"], a["id"]), node_id(b["label"], b["id"])
        G.add_node(u, **_node_attrs(a, schema))
        G.add_node(v, **_node_attrs(b, schema))
        attrs = {k: rel.get(k) for k in _EDGE_KEEP}
        attrs["evidence"] = [dict(e) for e in row.get("evidence") or []]
        G.add_edge(u, v, key=rel["id"], **attrs)
    _stretch_dates(G)
    return G


def from_records(nodes: Iterable[NodeRecord], rels: Iterable[RelRecord], schema: Schema | None = None) -> nx.MultiDiGraph:
    """The same graph shape straight from records, without a database (tests, notebooks)."""
    schema = schema or load_schema()
    G = nx.MultiDiGraph()
    for rec in nodes:
        G.add_node(node_id(rec.label, rec.key), **_node_attrs({**rec.props, "label": rec.label, "id": rec.key}, schema))
    for rel in rels:
        u, v = node_id(rel.source_label, rel.source_key), node_id(rel.target_label, rel.target_key)
        dates = sorted(e.date for e in rel.evidence if e.date)
        evidence = [{"note_id": e.note_id, "sentence": e.sentence, "start": e.start, "end": e.end,
                     "method": e.method, "confidence": e.confidence, "date": e.date} for e in rel.evidence]
        G.add_edge(u, v, key=rel.id, id=rel.id, type=rel.type, evidence_count=len(rel.evidence),
                   confidence=max((e.confidence for e in rel.evidence), default=None),
                   first_seen=dates[0] if dates else None, last_seen=dates[-1] if dates else None,
                   relation=rel.props.get("relation"), evidence=evidence)
    _stretch_dates(G)
    return G


def _people_of(G: nx.MultiDiGraph, thing: str, types: tuple[str, ...]) -> set[str]:
    found = set()
    for u, v, data in list(G.in_edges(thing, data=True)) + list(G.out_edges(thing, data=True)):
        other = u if v == thing else v
        if data.get("type") in types and G.nodes[other].get("label") == "Person":
            found.add(other)
    return found


def _event_pairs(G: nx.MultiDiGraph, schema: Schema) -> Iterable[tuple[str, str, str, str]]:
    """(person, person, reason, event) for the events that link two parties (payments, calls),
    through the parties' phones where needed: a party that is no Person stands for the people
    who hold it as one holds a phone (``holder_types("Phone")``: USES_PHONE, OWNS). So an
    account that pays stands for its owner (OWNS) but not its holder (HOLDS_ACCOUNT): kept as
    measured, a candidate to widen to the party's own ``holder_types``."""
    phone_holders = schema.holder_types("Phone")
    events = {label: schema.event_legs(label) for label in schema.party_events()}
    for event, attrs in G.nodes(data=True):
        legs = events.get(attrs.get("label"))
        if not legs:
            continue
        senders = {u for u, _, d in G.in_edges(event, data=True) if d.get("type") == legs[0]}
        receivers = {v for _, v, d in G.out_edges(event, data=True) if d.get("type") == legs[1]}
        for s in senders:
            for r in receivers:
                for a in _holders(G, s, phone_holders):
                    for b in _holders(G, r, phone_holders):
                        if a != b:
                            yield a, b, legs[0], event


def _holders(G: nx.MultiDiGraph, node: str, types: tuple[str, ...]) -> set[str]:
    if G.nodes[node].get("label") == "Person":
        return {node}
    return _people_of(G, node, types)


def _add_reason(P: nx.Graph, a: str, b: str, reason: str, via: str | None) -> None:
    if a not in P or b not in P:  # someone left out of the network (an investigator)
        return
    if not P.has_edge(a, b):
        P.add_edge(a, b, weight=0, reasons=defaultdict(int), via=[])
    data = P.edges[a, b]
    data["weight"] += 1
    data["reasons"][reason] += 1
    if via and via not in data["via"]:
        data["via"].append(via)


def person_network(G: nx.MultiDiGraph, *, include_investigative: bool = False,
                   schema: Schema | None = None) -> nx.Graph:
    """People linked by what they share: a call, a payment, a phone, a venue, a vehicle, a direct tie.

    What is shared, and through which types, is the schema's ``shared_via`` (an identifier's
    holders, a venue's owners, staff and guests, ...): a new identifier type links its holders
    here with no change to this function.

    Investigative ties (an officer interviewing or arresting someone) and the investigators
    themselves are left out by default: they appear in every note they write, and would otherwise
    show as the network's hubs. ``include_investigative=True`` keeps both.
    """
    schema = schema or load_schema()
    investigative = set(schema.investigative_types)
    P = nx.Graph()
    P.add_nodes_from((n, d) for n, d in G.nodes(data=True) if d.get("label") == "Person"
                     and (include_investigative or d.get("role") != "investigator"))
    for u, v, data in G.edges(data=True):
        if u in P and v in P and u != v and (include_investigative or data.get("type") not in investigative):
            _add_reason(P, u, v, data.get("type", "linked"), None)
    for a, b, reason, event in _event_pairs(G, schema):
        _add_reason(P, a, b, reason, event)
    shared = {label: schema.shared_via(label) for label in schema.nodes}
    for thing, attrs in G.nodes(data=True):
        types = shared.get(attrs.get("label", ""))
        if not types:
            continue
        people = sorted(_people_of(G, thing, types))
        reason = "same venue" if attrs.get("label") == "Organization" else f"shared {attrs.get('label')}"
        for i, a in enumerate(people):
            for b in people[i + 1:]:
                _add_reason(P, a, b, reason, thing)
    for _, _, data in P.edges(data=True):
        data["reasons"] = dict(data["reasons"])
    return P
