"""networkx graph -> vis-network node and edge records (positions, styles, plain-text tooltips).

Why: both the network view and the walkthrough draw the same records, so they are built once
here. Tooltips are plain text on purpose: vis-network 9 puts a string ``title`` into the popup
with ``innerText``, so a name like ``<script>`` is shown, never parsed. The layout is computed
once, in Python, with a seed (``views.layout``: force layout, no overlapping discs, small
components in a strip); physics stays off in the browser: a 1,500-node graph with physics on
takes minutes to settle, see performance-anchors 2.4. Besides what vis-network draws, each record
carries what the page's filters read: ``kind`` and ``role`` (nodes), ``type`` (edges), ``ev``
(evidence count), ``first`` / ``last`` (dates), and for a collapsed call or payment link its
``events`` (``views.events``), so the page can expand it.
"""
from __future__ import annotations

import math
from typing import Any, Iterable, Mapping

import networkx as nx

from graph_schema import Schema, load_schema
from workbench.views import layout as _layout
from workbench.views.pseudonyms import node_label_of
from workbench.views.style import community_colors, edge_style, view_style

__all__ = ["layout", "node_sizes", "community_map", "vis_nodes", "vis_edges", "top_sentences", "TOP_SENTENCES",
           "event_records"]

TOP_SENTENCES = 3
_MAX_SENTENCE = 280


def layout(G: nx.Graph, *, seed: int = 7, sizes: Mapping[Any, float] | None = None,
           labels: Mapping[Any, tuple[float, str]] | None = None,
           reach: Mapping[Any, float] | None = None) -> dict[Any, tuple[float, float]]:
    """Pixel positions for every node (deterministic for a given graph and seed): ``views.layout``."""
    return _layout.layout(G, seed=seed, sizes=sizes, labels=labels, reach=reach)


def node_sizes(G: nx.Graph, size_by: Mapping[Any, float] | str | None) -> dict[Any, float]:
    """Node radius 10-40, by the square root of ``size_by`` (a dict or a node attribute name)."""
    if size_by is None:
        return {n: 14.0 for n in G}
    values = {n: float((size_by.get(n) if isinstance(size_by, Mapping) else G.nodes[n].get(size_by)) or 0.0) for n in G}
    top = max(values.values(), default=0.0) or 1.0
    return {n: round(10.0 + 30.0 * math.sqrt(max(v, 0.0) / top), 1) for n, v in values.items()}


def community_map(communities: Mapping[Any, int] | Iterable[Iterable[Any]] | None) -> dict[Any, int]:
    """node -> community number, from a dict or from a list of node sets."""
    if communities is None:
        return {}
    if isinstance(communities, Mapping):
        return {n: int(c) for n, c in communities.items()}
    return {n: i for i, members in enumerate(communities) for n in members}


def _short(text: Any, limit: int = _MAX_SENTENCE) -> str:
    s = " ".join(str(text).split())
    return s if len(s) <= limit else s[: limit - 1] + "…"


def _evidence_key(e: dict[str, Any]) -> tuple[float, str]:
    return (-float(e.get("confidence") or 0.0), str(e.get("date") or ""))


def top_sentences(G: nx.Graph, k: int = TOP_SENTENCES) -> dict[Any, list[dict[str, Any]]]:
    """Per node, its ``k`` best evidence rows (highest confidence first, then earliest): its own
    ``evidence`` attribute if it has one, then the evidence of its edges."""
    pool: dict[Any, list[dict[str, Any]]] = {n: [] for n in G}
    for u, v, data in G.edges(data=True):
        rows = [e for e in data.get("evidence") or () if isinstance(e, dict) and e.get("sentence")]
        for n in {u, v}:
            pool[n].extend(rows)
    out = {}
    for n, rows in pool.items():
        own = [e for e in (G.nodes[n].get("evidence") or ()) if isinstance(e, dict) and e.get("sentence")]
        seen: set[str] = set()
        chosen = []
        for e in own + sorted(rows, key=_evidence_key):
            if e["sentence"] not in seen:
                seen.add(e["sentence"])
                chosen.append(e)
            if len(chosen) == k:
                break
        out[n] = chosen
    return out


def _sentence_lines(rows: list[dict[str, Any]]) -> list[str]:
    return [f"• [{e.get('note_id', '?')}] {_short(e.get('sentence', ''))}" for e in rows]


def _node_title(n: Any, d: dict[str, Any], name: str, extra: list[str], rows: list[dict[str, Any]]) -> str:
    label = node_label_of(n, d) or "Node"
    head = " · ".join(str(x) for x in (label, d.get("role"), d.get("agency"), d.get("rank")) if x)
    lines = [name, head]
    facts = []
    if d.get("evidence_count") is not None:
        facts.append(f"mentions: {d['evidence_count']}")
    if d.get("first_seen") or d.get("last_seen"):
        facts.append(f"seen {d.get('first_seen') or '?'} … {d.get('last_seen') or '?'}")
    for attr in ("amount", "currency", "channel", "date", "venue_type", "kind"):
        if d.get(attr) not in (None, ""):
            facts.append(f"{attr}: {d[attr]}")
    if facts:
        lines.append(" · ".join(facts))
    lines.extend(extra)
    lines.append(f"id: {n}")
    if rows:
        lines.append("Evidence:")
        lines.extend(_sentence_lines(rows))
    return "\n".join(lines)


def vis_nodes(
    G: nx.Graph,
    pos: Mapping[Any, tuple[float, float]],
    *,
    sizes: Mapping[Any, float] | None = None,
    scores: Mapping[Any, float] | None = None,
    score_name: str = "score",
    communities: Mapping[Any, int] | None = None,
    highlight: Iterable[Any] = (),
    fonts: Mapping[Any, float] | None = None,
    schema: Schema | None = None,
) -> list[dict[str, Any]]:
    """vis-network node records. Names here are already pseudonymized by the caller.

    ``fonts`` gives the label size of the nodes whose labels must read at the first zoom.
    """
    schema = schema or load_schema()
    communities = communities or {}
    palette = community_colors(max(communities.values(), default=-1) + 1) if communities else []
    hl = set(highlight)
    rows = top_sentences(G)
    out = []
    for n, d in G.nodes(data=True):
        label = node_label_of(n, d)
        style = view_style(label, d.get("role"), schema)
        name = str(d.get("name") or d.get("key") or n)
        extra = []
        if scores is not None and n in scores:
            extra.append(f"{score_name}: {scores[n]:.4g}")
        colour = str(style["color"])
        if n in communities:
            extra.append(f"community: {communities[n] + 1}")
            colour = palette[communities[n]]
        x, y = pos.get(n, (0.0, 0.0))
        rec: dict[str, Any] = {
            "id": str(n), "label": _short(name, 40), "x": x, "y": y, "shape": style["shape"],
            "size": (sizes or {}).get(n, 14.0),
            "color": {"background": colour, "border": str(style["color"]) if n in communities else colour},
            "title": _node_title(n, d, name, extra, rows[n]), "group_label": label, "role": d.get("role"),
            "kind": label or "",
        }
        _facts(rec, d.get("evidence_count"), d.get("first_seen") or d.get("date"), d.get("last_seen") or d.get("date"))
        if fonts and n in fonts:
            rec["font"] = {"size": fonts[n]}
            rec["top"] = True
        if n in hl:
            rec.update(borderWidth=5, font={**rec.get("font", {}), "size": max(18, (fonts or {}).get(n, 0)), "bold": True},
                       color={**rec["color"], "border": "#000000"})
        out.append(rec)
    return out


def _facts(rec: dict[str, Any], evidence: Any, first: Any, last: Any) -> None:
    """What the page's filters read (``ev``, ``first``, ``last``), left out when unknown: smaller pages."""
    for key, value in (("ev", evidence), ("first", _day(first)), ("last", _day(last))):
        if value is not None:
            rec[key] = value


def _day(value: Any) -> str | None:
    text = str(value or "")
    return text[:10] if len(text) >= 10 and text[4] == "-" else None


def _events_title(uname: str, vname: str, d: dict[str, Any]) -> list[str]:
    word = {"CALLED": "calls", "PAID": "payments"}.get(str(d.get("type")), "events")
    arrow = "↔" if len(d.get("directions") or ()) > 1 else "→"
    lines = [f"{d['count']} {word}: {uname} {arrow} {vname}"]
    if d.get("total"):
        lines.append(f"total {d['total']}")
    lines.append(f"first {d.get('first_seen') or '?'} · last {d.get('last_seen') or '?'}")
    lines.append("Double-click either end, or Expand in the details, to see each event.")
    return lines


def _edge_title(G: nx.Graph, u: Any, v: Any, d: dict[str, Any]) -> str:
    uname, vname = (str(G.nodes[x].get("name") or x) for x in (u, v))
    if d.get("collapsed"):
        lines = _events_title(uname, vname, d)
        ev = [e for event in d.get("events") or () for e in event.get("evidence") or ()]
        if ev:
            lines.append("Evidence:")
            lines.extend(_sentence_lines(ev[:TOP_SENTENCES]))
        return "\n".join(lines)
    if d.get("type"):
        lines = [f"{d['type']}: {uname} → {vname}"]
    else:
        reasons = ", ".join(f"{k} ×{c}" for k, c in sorted((d.get("reasons") or {}).items()))
        lines = [f"{uname} — {vname}", f"weight {d.get('weight', 1)}" + (f": {reasons}" if reasons else "")]
    facts = []
    for attr, name in (("evidence_count", "evidence"), ("confidence", "confidence"), ("relation", "relation")):
        if d.get(attr) not in (None, ""):
            facts.append(f"{name}: {d[attr]}")
    if d.get("first_seen") or d.get("last_seen"):
        facts.append(f"{d.get('first_seen') or '?'} … {d.get('last_seen') or '?'}")
    if facts:
        lines.append(" · ".join(facts))
    ev = sorted((e for e in d.get("evidence") or () if isinstance(e, dict) and e.get("sentence")), key=_evidence_key)
    if ev:
        lines.append("Evidence:")
        lines.extend(_sentence_lines(ev[:TOP_SENTENCES]))
    return "\n".join(lines)


def vis_edges(G: nx.Graph, *, schema: Schema | None = None, curved: bool = True) -> list[dict[str, Any]]:
    """vis-network edge records: colour by type, width by evidence_count (or weight)."""
    schema = schema or load_schema()
    seen_pairs: dict[frozenset[Any], int] = {}
    items = G.edges(keys=True, data=True) if G.is_multigraph() else ((u, v, None, d) for u, v, d in G.edges(data=True))
    out = []
    for i, (u, v, k, d) in enumerate(items):
        rel = d.get("type")
        style = edge_style(rel, schema)
        count = float(d.get("evidence_count") or d.get("weight") or 1)
        spec = schema.relationships.get(rel or "")
        rec: dict[str, Any] = {
            "id": f"e{i}", "from": str(u), "to": str(v), "title": _edge_title(G, u, v, d),
            "color": {"color": style["color"], "highlight": style["color"]},
            "width": round(min(1.0 + 2.0 * math.log2(max(count, 1.0)), 10.0), 2),
            "dashes": bool(style.get("dashes", False)),
        }
        if G.is_directed() and (spec is None or spec.directed):
            rec["arrows"] = "to"
        pair = frozenset((u, v))
        nth = seen_pairs.get(pair, 0)
        seen_pairs[pair] = nth + 1
        if curved and nth:
            rec["smooth"] = {"enabled": True, "type": "curvedCW" if nth % 2 else "curvedCCW",
                             "roundness": 0.15 * ((nth + 1) // 2)}
        rec["type"] = rel or ""
        _facts(rec, d.get("evidence_count"), d.get("first_seen"), d.get("last_seen"))
        if d.get("collapsed"):
            rec.update(count=d["count"], events=event_records(d.get("events") or ()))
            if len(d.get("directions") or ()) > 1:
                rec["arrows"] = "to;from"
        out.append(rec)
    return out


def event_records(events: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """The events behind a collapsed link, as the page needs them to expand it (no evidence text
    beyond the first sentence: the link's tooltip carries the rest)."""
    out = []
    for e in events:
        facts = " · ".join(str(x) for x in (e.get("date"), e.get("time"),
                                            f"{e['duration_s']} s" if e.get("duration_s") is not None else None,
                                            f"{e.get('currency') or ''} {e['amount']:,.2f}".strip()
                                            if isinstance(e.get("amount"), (int, float)) else None,
                                            e.get("channel"), e.get("kind")) if x)
        sentence = next((x.get("sentence") for x in e.get("evidence") or () if x.get("sentence")), "")
        out.append({"id": str(e["id"]), "label": str(e.get("label") or "Event"), "from": str(e["from"]), "to": str(e["to"]),
                    "date": _day(e.get("date")), "name": _short(e.get("name") or facts, 60),
                    "title": "\n".join(x for x in (str(e.get("name") or e.get("label")), facts,
                                                   f"• {_short(sentence)}" if sentence else "", f"id: {e['id']}") if x)})
    return out
