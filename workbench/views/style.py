"""Colours and shapes of nodes and edges, derived from the schema's style declarations.

Why: the schema (``graph_schema/nodes/*.yaml``: ``style``, ``role_styles``;
``relationships/*.yaml``: ``style``) is the one place a colour is decided; views, walkthroughs,
the timeline chart and the legend all ask this module, so there is no second palette to drift.
The only colours not in the schema are the community colours, which come from matplotlib's
qualitative ``tab20`` map (communities are numbered, not named, so the schema cannot know them).
A node whose label the schema does not know (a graph built by hand) gets the schema's Person
default rather than an invented colour.

Views draw with ``view_style``, which makes every (label, role) of the schema distinct: the
schema's hints are kept where they are unique, and should two kinds share a colour (none do
today: a test checks the YAML) the later one, in schema order with labels before roles, gets the
reserve colour farthest from every colour already taken. It is still derived from the schema
alone: the same YAML always gives the same table, and a schema without clashes gives exactly its
own colours.
"""
from __future__ import annotations

import functools
from typing import Any

from graph_schema import Schema, load_schema

__all__ = ["node_style", "edge_style", "community_colors", "legend", "kind_color", "view_style", "style_table",
           "FALLBACK_LABEL", "SHAPE_REACH"]

FALLBACK_LABEL = "Person"
# Colours used when two kinds of the schema share one (Tableau 10 and ColorBrewer Dark2/Paired).
RESERVE = ("#1b9e77", "#7570b3", "#e7298a", "#17becf", "#a6761d", "#6a3d9a", "#bcbd22", "#1f78b4", "#b15928",
           "#fb9a99", "#66a61e", "#8c564b")

def node_style(label: str | None, role: str | None = None, schema: Schema | None = None) -> dict[str, Any]:
    """Colour and shape for a node of ``label`` (and ``role``), from the schema.

    >>> node_style("Person", "official")["shape"]
    'star'
    >>> node_style("Phone")["color"] == load_schema().node("Phone").style["color"]
    True
    """
    schema = schema or load_schema()
    spec = schema.nodes.get(label or "") or schema.nodes[FALLBACK_LABEL]
    style = dict(spec.style)
    if role and role in spec.role_styles:
        style.update(spec.role_styles[role])
    style.setdefault("shape", "dot")
    style.setdefault("color", schema.nodes[FALLBACK_LABEL].style.get("color"))
    return style


# How far each vis-network shape reaches from its centre, in node sizes (a square's corner is at
# size * sqrt(2), a star's points at 1.3 * size, a triangle's corners at 2 / sqrt(3) * size).
SHAPE_REACH = {"dot": 1.0, "diamond": 1.0, "hexagon": 1.0, "square": 1.415, "triangle": 1.155,
               "triangleDown": 1.155, "star": 1.3}


def _rgb(colour: str) -> tuple[int, int, int]:
    text = colour.lstrip("#")
    return int(text[0:2], 16), int(text[2:4], 16), int(text[4:6], 16)


def _distance(a: str, b: str) -> float:
    """'Redmean' colour distance: cheap, and close enough to perceived difference for a palette."""
    (r1, g1, b1), (r2, g2, b2) = _rgb(a), _rgb(b)
    mean = (r1 + r2) / 2
    return float(((2 + mean / 256) * (r1 - r2) ** 2 + 4 * (g1 - g2) ** 2 + (2 + (255 - mean) / 256) * (b1 - b2) ** 2) ** 0.5)


@functools.cache
def _table(schema: Schema) -> dict[tuple[str, str | None], dict[str, Any]]:
    kinds: list[tuple[str, str | None]] = [(label, None) for label in schema.entity_labels]
    kinds += [(label, role) for label in schema.entity_labels for role in schema.nodes[label].role_styles]
    table: dict[tuple[str, str | None], dict[str, Any]] = {}
    used: set[str] = set()
    for label, role in kinds:
        style = node_style(label, role, schema)
        colour = str(style["color"]).lower()
        if colour in used:
            free = [c for c in RESERVE if c not in used] or list(RESERVE)
            colour = max(free, key=lambda c: min((_distance(c, u) for u in used), default=0.0))
        used.add(colour)
        table[(label, role)] = {**style, "color": colour}
    return table


def style_table(schema: Schema | None = None) -> dict[tuple[str, str | None], dict[str, Any]]:
    """(label, role) -> distinct colour and shape, for every entity label and role of the schema.

    >>> table = style_table()
    >>> len({s["color"] for s in table.values()}) == len(table)
    True
    """
    return dict(_table(schema or load_schema()))


def view_style(label: str | None, role: str | None = None, schema: Schema | None = None) -> dict[str, Any]:
    """The colour and shape a view draws a node with: distinct per label and role (see module doc).

    >>> view_style("Organization")["color"] == node_style("Organization")["color"]
    True
    >>> view_style("Payment")["color"] != view_style("Account")["color"]
    True
    """
    schema = schema or load_schema()
    table = _table(schema)
    known = label if label in schema.nodes else FALLBACK_LABEL
    if role and (known, role) in table:
        return dict(table[(known, role)])
    if (known, None) in table:
        return dict(table[(known, None)])
    return node_style(label, role, schema)


def edge_style(rel_type: str | None, schema: Schema | None = None) -> dict[str, Any]:
    """Colour (and dashes) of a relationship type; person-network edges (no type) are grey.

    >>> edge_style("TIPPED_OFF")["color"] == load_schema().rel("TIPPED_OFF").style["color"]
    True
    """
    schema = schema or load_schema()
    spec = schema.relationships.get(rel_type or "")
    if spec is None:
        spec = schema.relationships.get("ASSOCIATED_WITH")
    style = dict(spec.style) if spec else {}
    style.setdefault("color", "#999999")
    return style


def kind_color(kind: str, schema: Schema | None = None) -> str:
    """Colour of a timeline event kind: call, payment, sighting, note (see timeline_chart).

    >>> kind_color("payment") == load_schema().node("Payment").style["color"]
    True
    """
    schema = schema or load_schema()
    by_node = {"call": "Call", "payment": "Payment", "note": "Note"}
    by_rel = {"sighting": "SEEN_AT"}
    if kind in by_node:
        return str(node_style(by_node[kind], schema=schema)["color"])
    if kind in by_rel:
        return str(edge_style(by_rel[kind], schema=schema)["color"])
    return str(node_style("Case", schema=schema)["color"])


def community_colors(n: int) -> list[str]:
    """``n`` distinct hex colours from matplotlib's tab20 (cycled beyond 20).

    >>> community_colors(2)
    ['#1f77b4', '#aec7e8']
    """
    from matplotlib import colormaps
    from matplotlib.colors import to_hex

    cmap = colormaps["tab20"]
    return [to_hex(cmap(i % 20)) for i in range(n)]


def legend(labels_roles: set[tuple[str, str | None]], schema: Schema | None = None) -> list[dict[str, str]]:
    """Legend rows for the (label, role) pairs present in a view, in schema order (``view_style``).

    >>> [row["text"] for row in legend({("Person", "victim"), ("Phone", None)})]
    ['Person (victim)', 'Phone']
    """
    schema = schema or load_schema()
    order = {label: i for i, label in enumerate(schema.nodes)}
    rows = []
    for label, role in sorted(labels_roles, key=lambda lr: (order.get(lr[0], 99), lr[0], lr[1] or "")):
        style = view_style(label, role, schema)
        text = f"{label} ({role})" if role and role in schema.nodes.get(label, schema.nodes[FALLBACK_LABEL]).role_styles else label
        rows.append({"text": text, "color": str(style["color"]), "shape": str(style["shape"])})
    return rows
