"""Node positions a reader can use: a force layout, then no two discs (or top labels) overlapping.

Why: the person network of the sample case was a hairball at any zoom: core nodes on top of one
another, labels on labels, and one isolated node pushing the whole picture into a corner. So:

1. the connected components of four or more nodes are laid out with Fruchterman-Reingold
   (networkx below 300 nodes, igraph's grid variant above: networkx takes 12 s for 1,000) and
   packed side by side, largest first, each scaled to the room its discs and labels need;
2. every node is then put where the force layout wanted it or at the nearest free spot
   (``views.placement``), the top nodes (and their label boxes) first, the others by degree:
   no disc overlaps another or a top label, by construction, and the picture keeps its shape;
3. isolated nodes and components of up to three nodes are set aside in a strip under the main
   picture, in rows, instead of being scattered by the force layout around it.

Positions are canvas units with y pointing down (vis-network's). Deterministic for a given graph
and ``seed``.
"""
from __future__ import annotations

import math
from typing import Any, Mapping

import networkx as nx
import numpy as np

from workbench.views.placement import place, relax

__all__ = ["layout", "labelled_layout", "fitted_scale", "label_box", "SMALL_COMPONENT", "GAP", "SPREAD"]

SMALL_COMPONENT = 3  # components of at most this many nodes go to the strip
GAP = 6.0  # canvas units kept free between two discs
SPREAD = 2.0  # a component's side, in square roots of the room its discs and labels need
_CHAR_WIDTH = 0.62  # label width per character, in font sizes (measured in Chromium: 0.52-0.61)
_LINE_HEIGHT = 1.1  # measured: 1.0


def label_box(size: float, font: float, chars: int) -> tuple[float, float, float]:
    """(width, height, top offset from the node centre) of the label vis-network hangs under a node.

    Measured in headless Chromium (vis-network 9.1.2): the label's box starts ``size + 4 + font / 2``
    below the node's centre, is one font size high and about 0.6 font sizes wide per character.
    """
    return _CHAR_WIDTH * font * max(chars, 1), _LINE_HEIGHT * font, size + 4.0 + 0.5 * font


def _force(U: nx.Graph, nodes: list[Any], seed: int) -> np.ndarray:
    if len(nodes) > 300:
        import random

        import igraph as ig

        index = {v: i for i, v in enumerate(nodes)}
        g = ig.Graph(n=len(nodes), edges=[(index[u], index[v]) for u, v in U.edges() if u != v])
        state = random.getstate()  # python-igraph draws from Python's random: seed it, then restore
        try:
            random.seed(seed)
            coords = g.layout_fruchterman_reingold(niter=300, grid="grid").coords
        finally:
            random.setstate(state)
        return np.asarray(coords, dtype=float)
    pos = nx.spring_layout(U.subgraph(nodes), seed=seed)
    return np.asarray([pos[v] for v in nodes], dtype=float)


def _component(U: nx.Graph, nodes: list[Any], area: float, seed: int) -> np.ndarray:
    """Positions of one component, centred on 0, spread so its discs and labels have room."""
    xy = _force(U, nodes, seed)
    xy -= (xy.max(axis=0) + xy.min(axis=0)) / 2
    span = float(np.abs(xy).max()) or 1.0
    return xy / span * SPREAD * math.sqrt(area) / 2


def _pack(blocks: list[np.ndarray], radius: list[np.ndarray]) -> list[np.ndarray]:
    """Shelf packing: blocks left to right, a new row when the first block's width is exceeded."""
    out, x, y, row_h = [], 0.0, 0.0, 0.0
    limit = max(float(np.ptp(blocks[0][:, 0])) + 2 * float(radius[0].max()), 1.0) * 1.5 if blocks else 0.0
    for xy, r in zip(blocks, radius):
        lo, hi = (xy - r[:, None]).min(axis=0), (xy + r[:, None]).max(axis=0)
        w, h = hi - lo
        if x > 0 and x + w > limit:
            x, y, row_h = 0.0, y + row_h + 4 * GAP, 0.0
        out.append(xy - lo + (x, y))
        x, row_h = x + w + 4 * GAP, max(row_h, h)
    return out


def _strip(parts: list[list[Any]], radius: Mapping[Any, float], width: float, top: float) -> dict[Any, tuple[float, float]]:
    """Small components in rows under ``top``: each a short line of its members, left to right."""
    pos: dict[Any, tuple[float, float]] = {}
    x, y, row_h = 0.0, top, 0.0
    for members in parts:
        rs = [radius[n] for n in members]
        w = sum(2 * r for r in rs) + GAP * 2 * (len(rs) - 1)
        if x > 0 and x + w > width:
            x, y, row_h = 0.0, y + row_h + 6 * GAP, 0.0
        cx = x
        for n, r in zip(members, rs):
            pos[n] = (cx + r, y + max(rs))
            cx += 2 * r + 2 * GAP
        x, row_h = x + w + 8 * GAP, max(row_h, 2 * max(rs) + 3 * GAP)
    return pos


def _label_boxes(index: Mapping[Any, int], size: Mapping[Any, float], labels: Mapping[Any, tuple[float, str]]
                 ) -> dict[int, tuple[float, float, float, float]]:
    boxes = {}
    for node, (font, text) in labels.items():
        if node in index:
            w, h, top = label_box(float(size[node]), font, len(text))
            boxes[index[node]] = (-w / 2, top, w / 2, top + h)
    return boxes


def layout(G: nx.Graph, *, seed: int = 7, sizes: Mapping[Any, float] | None = None,
           labels: Mapping[Any, tuple[float, str]] | None = None,
           reach: Mapping[Any, float] | None = None,
           start: Mapping[Any, tuple[float, float]] | None = None) -> dict[Any, tuple[float, float]]:
    """Canvas positions for every node of ``G``, with no two discs overlapping.

    ``sizes`` are vis-network sizes (default 14); ``reach`` the radius of the circle around
    each drawn shape when it is larger than its size (a square's corners, a star's points);
    ``labels`` maps a node to ``(font size, text)`` of a label that must not be covered (the
    page draws it under the node, see ``label_box``). ``start``: positions from an earlier call
    to refine (the force layout is then skipped; only the placement and the strip run again).

    >>> G = nx.path_graph(6); G.add_node("alone")
    >>> pos = layout(G)
    >>> pos["alone"][1] > max(y for n, (x, y) in pos.items() if n != "alone")  # in the strip, below
    True
    """
    nodes = list(G)
    if not nodes:
        return {}
    size = {n: float((sizes or {}).get(n, 14.0)) for n in nodes}
    radius = {n: max(size[n], float((reach or {}).get(n, 0.0))) for n in nodes}
    U = nx.Graph()
    U.add_nodes_from(nodes)
    U.add_edges_from((u, v) for u, v in G.edges() if u != v)
    comps = sorted((sorted(c, key=str) for c in nx.connected_components(U)), key=lambda c: (-len(c), str(c[0])))
    main = [c for c in comps if len(c) > SMALL_COMPONENT] or ([comps[0]] if len(comps) == 1 else [])
    small = [c for c in comps if c not in main]
    order = [n for c in main for n in c]
    pos: dict[Any, tuple[float, float]] = {}
    if order:
        if start is not None:
            xy = np.array([start[n] for n in order], dtype=float)
        else:
            xy = np.concatenate(_forced(U, main, size, radius, labels or {}, seed))
        r = np.array([radius[n] for n in order])
        index = {n: i for i, n in enumerate(order)}
        boxes = _label_boxes(index, size, labels or {})
        degree = dict(U.degree())
        first = sorted(range(len(order)), key=lambda i: (i not in boxes, -degree[order[i]], str(order[i])))
        xy = place(relax(xy, r, gap=GAP) if start is None else xy, r, first, boxes=boxes, gap=GAP)
        pos = {n: (float(x), float(y)) for n, (x, y) in zip(order, xy)}
    if small:
        xs = [p[0] for p in pos.values()] or [0.0]
        ys = [p[1] + radius[n] for n, p in pos.items()] or [0.0]
        width = max(max(xs) - min(xs), 600.0)
        strip = _strip(small, radius, width, max(ys) + 10 * GAP if pos else 0.0)
        pos.update({n: (x + min(xs), y) for n, (x, y) in strip.items()})
    return _centred(pos)


def _forced(U: nx.Graph, main: list[list[Any]], size: Mapping[Any, float], radius: Mapping[Any, float],
            labels: Mapping[Any, tuple[float, str]], seed: int) -> list[np.ndarray]:
    """Force layout of each main component, spread for the room its discs and labels need, packed."""
    room = {n: (2 * r + GAP) ** 2 for n, r in radius.items()}
    for n, (font, text) in labels.items():
        if n in room:
            w, h, _ = label_box(size[n], font, len(text))
            room[n] += w * h
    blocks = [_component(U, c, sum(room[n] for n in c), seed) for c in main]
    return _pack(blocks, [np.array([radius[n] for n in c]) for c in main])


def fitted_scale(pos: Mapping[Any, tuple[float, float]], sizes: Mapping[Any, float],
                 labels: Mapping[Any, tuple[float, str]], screen: tuple[float, float]) -> float:
    """The zoom vis-network's ``fit`` will choose for ``pos`` on a pane of ``screen`` pixels.

    vis-network fits the bounding box of the nodes and their labels, with 10 % to spare, and
    never zooms in beyond 1.
    """
    if not pos:
        return 1.0
    boxes = []
    for n, (x, y) in pos.items():
        r = float(sizes.get(n, 14.0))
        boxes.append((x - r, y - r, x + r, y + r))
        if n in labels:
            w, h, top = label_box(r, *(labels[n][0], len(labels[n][1])))
            boxes.append((x - w / 2, y + top, x + w / 2, y + top + h))
    x0, y0 = min(b[0] for b in boxes), min(b[1] for b in boxes)
    x1, y1 = max(b[2] for b in boxes), max(b[3] for b in boxes)
    return min(1.0, screen[0] / (1.1 * max(x1 - x0, 1.0)), screen[1] / (1.1 * max(y1 - y0, 1.0)))


def labelled_layout(G: nx.Graph, labels: Mapping[Any, str], *, seed: int = 7, sizes: Mapping[Any, float] | None = None,
                    reach: Mapping[Any, float] | None = None, screen: tuple[float, float] = (939.0, 800.0),
                    px: float = 13.0) -> tuple[dict[Any, tuple[float, float]], float]:
    """``layout`` with room for ``labels`` (node -> text) drawn at about ``px`` pixels at the first zoom.

    Returns the positions and the font size (canvas units) to draw those labels with. The font
    depends on the zoom, and the zoom on the room the labels take, so the placement runs again
    (from the positions found, without a new force layout) until the font reads at ``px``:
    usually not at all, or once.

    >>> pos, font = labelled_layout(nx.star_graph(5), {0: "hub"})
    >>> len(pos), font >= 14
    (6, True)
    """
    sizes = sizes or {}
    room = sum((2 * max(float(sizes.get(n, 14.0)), float((reach or {}).get(n, 0.0))) + GAP) ** 2 for n in G)
    first_zoom = min(1.0, min(screen) / (1.15 * SPREAD * math.sqrt(room)))  # the side ``_component`` will give
    font = round(max(14.0, px / first_zoom), 1)
    pos = layout(G, seed=seed, sizes=sizes, labels={n: (font, t) for n, t in labels.items()}, reach=reach)
    for _ in range(3):
        scale = fitted_scale(pos, sizes, {n: (font, t) for n, t in labels.items()}, screen)
        wanted = max(14.0, px / scale)
        if wanted <= font * 1.1:
            break
        font = round(wanted * 1.08, 1)  # a little ahead: the extra room lowers the zoom again
        pos = layout(G, seed=seed, sizes=sizes, labels={n: (font, t) for n, t in labels.items()}, reach=reach, start=pos)
    return pos, font


def _centred(pos: dict[Any, tuple[float, float]]) -> dict[Any, tuple[float, float]]:
    xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    return {n: (round(x - cx, 1), round(y - cy, 1)) for n, (x, y) in pos.items()}
