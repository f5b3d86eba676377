"""A readable timeline: one lane per person or phone, one marker shape per kind of event, zoomable.

Why: the case report's timeline was one PNG 38,544 px tall with the same grey marker for every
kind of event. Investigators brief in time ("the calls stop the day after the raid was planned"),
so this draws, as an HTML fragment with an inline SVG and our own script (``assets/lanes.js``):

- a lane per person or phone, the busiest first, at most ``max_lanes`` of them (a note says how
  many lanes and events are left out): the height is bounded whatever the case;
- a marker per event in the lanes of both its ends (a call in the caller's and the callee's
  lane), with a distinct shape and colour per kind: call, payment, sighting, transport,
  recruitment, harbouring, threat, tip-off, arrest. Colours are the schema's (the Call and Payment
  labels', the relationships'), a reserve colour where two kinds would share one;
- zoom in the page: the mouse wheel zooms the time axis around the pointer, dragging pans, the
  buttons zoom and reset, and each kind in the legend can be switched off. Hovering a marker
  shows its date, kind and the other end.

Offline and safe like every view: the data is a JSON block, every name is put in the page with
``textContent``, nothing is fetched. The graph given is drawn as it is: pass a protected graph
(``pseudonymize``) unless the reader may see the real names.
"""
from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from typing import Any

import networkx as nx

from graph_schema import Schema, load_schema
from workbench.views.page import esc, own_asset, script_json
from workbench.views.pseudonyms import node_label_of
from workbench.views.style import RESERVE, edge_style, view_style

__all__ = ["lane_data", "lanes_html", "KINDS"]

#: Kind of event -> (where its colour comes from: a node label or a relationship type, its marker).
KINDS: dict[str, tuple[str, str]] = {
    "call": ("Call", "circle"), "payment": ("Payment", "square"), "sighting": ("SEEN_AT", "triangle"),
    "transport": ("TRANSPORTED", "arrow"), "recruitment": ("RECRUITED", "diamond"),
    "harbouring": ("HARBORED", "house"), "threat": ("THREATENED", "cross"), "tip-off": ("TIPPED_OFF", "star"),
    "arrest": ("ARRESTED_BY", "bar"),
}
_EDGE_KINDS = {source: kind for kind, (source, _) in KINDS.items() if source.isupper()}


def _kind_styles(schema: Schema) -> list[dict[str, str]]:
    used: set[str] = set()
    rows = []
    for kind, (source, shape) in KINDS.items():
        colour = str((edge_style(source, schema) if source.isupper() else view_style(source, None, schema))["color"])
        if colour.lower() in used:
            colour = next(c for c in itertools.chain(RESERVE, ["#333333"]) if c not in used)
        used.add(colour.lower())
        rows.append({"kind": kind, "color": colour, "shape": shape})
    return rows


def _day(value: Any) -> str | None:
    text = str(value or "")
    return text[:10] if len(text) >= 10 and text[4] == "-" and text[:4].isdigit() else None


def _events(G: nx.Graph, schema: Schema) -> list[tuple[str, str, Any, Any]]:
    """(day, kind, one end, other end) for every dated event and dated tie of a kind we draw; an
    event's ends are its legs' (the schema's ``event_legs``: payer and payee, caller and callee)."""
    out: list[tuple[str, str, Any, Any]] = []
    directed = G.is_directed()
    for n, d in G.nodes(data=True):
        label = str(node_label_of(n, d) or "")
        legs = schema.event_legs(label) if label in schema.nodes else None
        day = _day(d.get("at") or d.get("date") or d.get("first_seen"))
        if legs is None or day is None or not directed or label.lower() not in KINDS:
            continue
        kind, (inbound, outbound) = label.lower(), legs
        senders = [u for u, _, t in G.in_edges(n, data="type") if t == inbound]
        receivers = [v for _, v, t in G.out_edges(n, data="type") if t == outbound]
        for s in senders or [None]:
            for r in receivers or [None]:
                if s is not None or r is not None:
                    out.append((day, kind, s, r))
    for u, v, d in G.edges(data=True):
        edge_kind = _EDGE_KINDS.get(str(d.get("type")))
        if edge_kind is None:
            continue
        days = {day for e in d.get("evidence") or () if isinstance(e, dict) and (day := _day(e.get("date")))}
        days = days or {day for k in ("first_seen", "last_seen") if (day := _day(d.get(k)))}
        out.extend((day, edge_kind, u, v) for day in sorted(days))
    return out


def _phone_owner(G: nx.Graph, phone: Any) -> str | None:
    users = {n for n in nx.all_neighbors(G, phone) if node_label_of(n, G.nodes[n]) == "Person"} if G.is_directed() \
        else {n for n in G.neighbors(phone) if node_label_of(n, G.nodes[n]) == "Person"}
    return str(G.nodes[next(iter(users))].get("name")) if len(users) == 1 else None


def _lane_label(G: nx.Graph, node: Any) -> dict[str, str]:
    d = G.nodes[node]
    name = " ".join(str(d.get("name") or d.get("key") or node).split())
    label = str(node_label_of(node, d) or "")
    if label != "Person":  # a phone or an account: with its holder when it has one
        owner = _phone_owner(G, node)
        return {"label": f"{name} ({owner})" if owner else name, "kind": label.lower()}
    return {"label": name, "kind": str(d.get("role") or "person")}


def lane_data(G: nx.Graph, *, max_lanes: int = 24, schema: Schema | None = None) -> dict[str, Any]:
    """Everything the timeline draws, as plain data.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("Person:a", label="Person", name="Ana", role="suspect")
    >>> G.add_node("Location:b", label="Location", name="Corozal")
    >>> _ = G.add_edge("Person:a", "Location:b", type="SEEN_AT", first_seen="2024-01-05")
    >>> data = lane_data(G)
    >>> [lane["label"] for lane in data["lanes"]], data["events"], data["start"]
    (['Ana'], [[0, 0, 2, 'Corozal']], '2024-01-05')
    """
    schema = schema or load_schema()
    kinds = _kind_styles(schema)
    kind_index = {k["kind"]: i for i, k in enumerate(kinds)}
    lane_labels = {"Person", *schema.party_identifiers()}  # people, and the phones and accounts they act through
    per_lane: dict[Any, list[tuple[str, str, Any]]] = defaultdict(list)
    for day, kind, a, b in _events(G, schema):
        for lane, other in ((a, b), (b, a)):
            if lane is not None and lane in G and node_label_of(lane, G.nodes[lane]) in lane_labels:
                per_lane[lane].append((day, kind, other))
    counts = Counter({lane: len(rows) for lane, rows in per_lane.items()})
    chosen = [lane for lane, _ in sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))[:max_lanes]]
    days = sorted({day for lane in chosen for day, _, _ in per_lane[lane]})
    if not days:
        return {"lanes": [], "events": [], "kinds": kinds, "start": None, "end": None, "left_out": [0, 0]}
    import datetime as dt

    start = dt.date.fromisoformat(days[0])
    events = []
    for i, lane in enumerate(chosen):
        for day, kind, other in sorted(set(per_lane[lane]), key=lambda r: (r[0], r[1], str(r[2]))):
            tip = " ".join(str(G.nodes[other].get("name") or other).split()) if other in G else ""
            events.append([i, (dt.date.fromisoformat(day) - start).days, kind_index[kind], tip])
    left = [len(per_lane) - len(chosen), sum(counts.values()) - sum(counts[lane] for lane in chosen)]
    return {"lanes": [_lane_label(G, lane) for lane in chosen], "events": events, "kinds": kinds,
            "start": days[0], "end": days[-1], "left_out": left}


def lanes_html(G: nx.Graph, *, element_id: str = "wb-lanes", max_lanes: int = 24,
               schema: Schema | None = None) -> str:
    """The timeline as an HTML fragment (its data, an SVG, the script that draws and zooms it)."""
    data = lane_data(G, max_lanes=max_lanes, schema=schema)
    if not data["events"]:
        return '<p class="muted">No dated events.</p>'
    lanes, events = len(data["lanes"]), len(data["events"])
    left = (f" {data['left_out'][0]} quieter lanes ({data['left_out'][1]} markers) are left out."
            if data["left_out"][0] else "")
    ident = esc(element_id)
    return (
        f'<div class="wb-lanes" id="{ident}"><p class="muted">{esc(lanes)} lanes (people and phones, busiest first), '
        f'{esc(events)} markers from {esc(data["start"])} to {esc(data["end"])}.{esc(left)} Wheel or the buttons '
        'zoom the time axis, drag to pan; click a kind to hide it.</p>'
        '<div class="wb-lanes-tools"><button type="button" data-zoom="in">+</button>'
        '<button type="button" data-zoom="out">&#8722;</button><button type="button" data-zoom="reset">Reset</button>'
        '<span class="wb-lanes-legend"></span></div><div class="wb-lanes-chart"></div>'
        f'<script type="application/json" class="wb-lanes-data">{script_json(data)}</script>'
        f"<script>\n{own_asset('lanes.js')}\n</script></div>"
    )
