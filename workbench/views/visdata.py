"""networkx graph -> vis-network node and edge records (positions, styles, plain-text tooltips).

Why: both the network view and the walkthrough draw the same records, so they are built once
here. Tooltips are plain text on purpose: vis-network 9 puts a string ``title`` into the popup
with ``innerText``, so a name like ``<script>`` is shown, never parsed. The layout is computed
here, once, with a seed (physics stays off in the browser: a 1,500-node graph with physics on
takes minutes to settle, see performance-anchors 2.4); igraph's grid Fruchterman-Reingold is
used above 300 nodes because networkx's spring layout is too slow there (12 s for 1,000 nodes).
"""
from __future__ import annotations

import math
from typing import Any, Iterable, Mapping

import networkx as nx

from graph_schema import Schema, load_schema
from workbench.views.pseudonyms import node_label_of
from workbench.views.style import community_colors, edge_style, node_style

__all__ = ["layout", "node_sizes", "community_map", "vis_nodes", "vis_edges", "top_sentences", "TOP_SENTENCES"]

TOP_SENTENCES = 3
_MAX_SENTENCE = 280


def layout(G: nx.Graph, *, seed: int = 7) -> dict[Any, tuple[float, float]]:
    """Pixel positions for every node (deterministic for a given graph and seed)."""
    n = G.number_of_nodes()
    if n == 0:
        return {}
    scale = 60.0 * math.sqrt(n) + 150.0
    nodes = list(G)
    if n > 300:
        pos = _igraph_layout(G, nodes, seed)
    else:
        pos = {v: (float(x), float(y)) for v, (x, y) in nx.spring_layout(nx.Graph(G), seed=seed).items()}
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    span = max(max(xs) - min(xs), max(ys) - min(ys), 1e-9)
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    return {v: (round((x - cx) / span * 2 * scale, 1), round((y - cy) / span * 2 * scale, 1)) for v, (x, y) in pos.items()}


def _igraph_layout(G: nx.Graph, nodes: list[Any], seed: int) -> dict[Any, tuple[float, float]]:
    """igraph's grid Fruchterman-Reingold: ~0.25 s for 1,000 nodes where networkx takes ~12 s.

    python-igraph draws from Python's ``random``; its state is saved and restored around the
    seeded call so the layout is reproducible and the caller's random stream is untouched.
    """
    import random

    import igraph as ig

    index = {v: i for i, v in enumerate(nodes)}
    g = ig.Graph(n=len(nodes), edges=[(index[u], index[v]) for u, v in G.edges() if u != v])
    state = random.getstate()
    try:
        random.seed(seed)
        coords = g.layout_fruchterman_reingold(niter=500, grid="grid").coords
    finally:
        random.setstate(state)
    return {v: (float(x), float(y)) for v, (x, y) in zip(nodes, coords)}


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
    schema: Schema | None = None,
) -> list[dict[str, Any]]:
    """vis-network node records. Names here are already pseudonymized by the caller."""
    schema = schema or load_schema()
    communities = communities or {}
    palette = community_colors(max(communities.values(), default=-1) + 1) if communities else []
    hl = set(highlight)
    rows = top_sentences(G)
    out = []
    for n, d in G.nodes(data=True):
        label = node_label_of(n, d)
        style = node_style(label, d.get("role"), schema)
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
        }
        if n in hl:
            rec.update(borderWidth=5, font={"size": 18, "bold": True}, color={**rec["color"], "border": "#000000"})
        out.append(rec)
    return out


def _edge_title(G: nx.Graph, u: Any, v: Any, d: dict[str, Any]) -> str:
    uname, vname = (str(G.nodes[x].get("name") or x) for x in (u, v))
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
        out.append(rec)
    return out
