"""Calls and payments as links: one weighted link per pair instead of one node per event.

Why: in the projection a call is a ``Call`` node between a caller (``CALLED``) and a callee
(``CALL_TO``), and a payment a ``Payment`` node between payer (``PAID``) and payee (``PAID_TO``).
That is right for the store and the evidence, but the sample case's 544 calls then drown its 48
people. ``collapse_events`` replaces every event whose two sides are known by one link per pair
of endpoints and kind: ``type`` ``CALLED`` or ``PAID`` (so the schema's colour applies),
``count``, ``total`` (per currency), ``first_seen`` / ``last_seen``, the directions seen, and
``events``: the events themselves (date, time, duration or amount, direction, evidence), so a
view can expand the link back into its events and an export can write one row per event. An
event with a side missing stays a node, untouched, as does everything else.

``event_links`` gives the same events one per row (for the i2 link table: a call is a link
between two phones with its date, time and duration).
"""
from __future__ import annotations

from typing import Any, Iterator

import networkx as nx

from graph_schema import load_schema

__all__ = ["collapse_events", "event_links", "event_kinds", "Event"]


def event_kinds() -> dict[str, tuple[str, str]]:
    """Event label -> (type of the edge into the event, type of the edge out of it, which is also
    the collapsed link's type): the schema's party events and their legs."""
    schema = load_schema()
    return {label: legs for label in schema.party_events() if (legs := schema.event_legs(label))}
_FACTS = ("date", "at", "duration_s", "kind", "amount", "currency", "channel", "status", "form", "cell_site")

Event = dict[str, Any]


def _sides(G: nx.Graph, event: Any, inbound: str, outbound: str) -> tuple[list[Any], list[Any], list[dict[str, Any]]]:
    senders: list[Any] = []
    receivers: list[Any] = []
    evidence: list[dict[str, Any]] = []
    for u, _, d in G.in_edges(event, data=True):
        if d.get("type") == inbound:
            senders.append(u)
            evidence.extend(d.get("evidence") or ())
    for _, v, d in G.out_edges(event, data=True):
        if d.get("type") == outbound:
            receivers.append(v)
            evidence.extend(d.get("evidence") or ())
    return senders, receivers, evidence


def event_links(G: nx.Graph) -> Iterator[tuple[Any, Any, Event]]:
    """``(sender, receiver, event)`` for every call and payment with both sides known.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("Call:c1", label="Call", date="2024-05-01", at="2024-05-01T10:30:00", duration_s=60)
    >>> _ = G.add_edge("Phone:a", "Call:c1", type="CALLED"); _ = G.add_edge("Call:c1", "Phone:b", type="CALL_TO")
    >>> [(a, b, e["type"], e["time"], e["duration_s"]) for a, b, e in event_links(G)]
    [('Phone:a', 'Phone:b', 'CALLED', '10:30:00', 60)]
    """
    if not G.is_directed():  # a person network has no event nodes
        return
    events = event_kinds()
    for event, attrs in G.nodes(data=True):
        kinds = events.get(str(attrs.get("label") or ""))
        if kinds is None:
            continue
        senders, receivers, evidence = _sides(G, event, *kinds)
        if len(senders) != 1 or len(receivers) != 1 or senders[0] == receivers[0]:
            continue
        at = str(attrs.get("at") or "")
        facts = {k: attrs[k] for k in _FACTS if attrs.get(k) not in (None, "")}
        facts.setdefault("date", at[:10] or attrs.get("first_seen") or None)
        yield senders[0], receivers[0], {
            "id": str(event), "type": kinds[0], "label": attrs.get("label"), "name": attrs.get("name"),
            "time": at[11:19] if len(at) >= 19 else "", **facts,
            "evidence": [e for e in evidence if isinstance(e, dict)][:3], "evidence_count": attrs.get("evidence_count"),
        }


def _merge(link: dict[str, Any], sender: Any, event: Event) -> None:
    link["count"] += 1
    link["directions"].add("forward" if sender == link["source"] else "backward")
    if event.get("amount") is not None:
        currency = str(event.get("currency") or "")
        link["totals"][currency] = round(link["totals"].get(currency, 0.0) + float(event["amount"]), 2)
    date = event.get("date")
    if date:
        link["first_seen"] = min(filter(None, (link["first_seen"], date)))
        link["last_seen"] = max(filter(None, (link["last_seen"], date)))
    link["events"].append({**event, "from": str(sender), "to": str(event["_to"])})
    link["events"][-1].pop("_to")


def collapse_events(G: nx.Graph) -> tuple[nx.Graph, int]:
    """A copy of ``G`` with calls and payments folded into pair links, and the number folded
    (``G`` itself, untouched, when there is nothing to fold).

    The result is a ``MultiDiGraph`` when ``G`` is directed (a ``MultiGraph`` otherwise); each
    collapsed link has ``collapsed=True``, ``count``, ``totals`` (currency -> sum),
    ``total`` (a caption such as ``"BZD 1,540.00"``), ``first_seen``, ``last_seen``,
    ``directions`` and ``events``.

    >>> G = nx.MultiDiGraph()
    >>> for i, (a, b, amount) in enumerate([("Person:x", "Person:y", 100), ("Person:y", "Person:x", 50)]):
    ...     G.add_node(f"Payment:{i}", label="Payment", amount=amount, currency="BZD", date=f"2024-0{i + 1}-01")
    ...     _ = G.add_edge(a, f"Payment:{i}", type="PAID"); _ = G.add_edge(f"Payment:{i}", b, type="PAID_TO")
    >>> H, folded = collapse_events(G)
    >>> folded, sorted(H), [(d["count"], d["total"], d["first_seen"], d["last_seen"]) for *_, d in H.edges(data=True)]
    (2, ['Person:x', 'Person:y'], [(2, 'BZD 150.00', '2024-01-01', '2024-02-01')])
    """
    links: dict[tuple[frozenset[Any], str], dict[str, Any]] = {}
    folded: set[Any] = set()
    found = list(event_links(G))
    if not found:  # nothing to fold: the graph itself (not copied), as the docstring's contract allows
        return G, 0
    for sender, receiver, event in found:
        key = (frozenset((sender, receiver)), event["type"])
        link = links.setdefault(key, {"source": sender, "target": receiver, "type": event["type"], "count": 0,
                                      "totals": {}, "first_seen": None, "last_seen": None, "directions": set(),
                                      "events": []})
        _merge(link, sender, {**event, "_to": receiver})
        folded.add(event["id"])
    H: nx.Graph = nx.MultiDiGraph() if G.is_directed() else nx.MultiGraph()
    H.graph.update(G.graph)
    H.add_nodes_from((n, d) for n, d in G.nodes(data=True) if str(n) not in folded)
    edges = G.edges(keys=True, data=True) if G.is_multigraph() else ((u, v, None, d) for u, v, d in G.edges(data=True))
    for u, v, k, d in edges:
        if str(u) not in folded and str(v) not in folded:
            H.add_edge(u, v, key=k, **d)
    for link in links.values():
        link["events"].sort(key=lambda e: (str(e.get("date") or ""), str(e.get("time") or "")))
        total = ", ".join(f"{c} {t:,.2f}".strip() for c, t in sorted(link["totals"].items()))
        H.add_edge(link["source"], link["target"], key=f"{link['type']}:{link['source']}:{link['target']}",
                   type=link["type"], collapsed=True, count=link["count"], evidence_count=link["count"],
                   totals=link["totals"], total=total, first_seen=link["first_seen"], last_seen=link["last_seen"],
                   directions=sorted(link["directions"]), events=link["events"],
                   id=f"{link['type']}:{link['source']}:{link['target']}")
    return H, len(folded)
