"""Colours and shapes of nodes and edges, derived from the schema's style declarations.

Why: the schema (``graph_schema/nodes/*.yaml``: ``style``, ``role_styles``;
``relationships/*.yaml``: ``style``) is the one place a colour is decided; views, walkthroughs,
the timeline chart and the legend all ask this module, so there is no second palette to drift.
The only colours not in the schema are the community colours, which come from matplotlib's
qualitative ``tab20`` map (communities are numbered, not named, so the schema cannot know them).
A node whose label the schema does not know (a graph built by hand) gets the schema's Person
default rather than an invented colour.
"""
from __future__ import annotations

from typing import Any

from graph_schema import Schema, load_schema

__all__ = ["node_style", "edge_style", "community_colors", "legend", "kind_color", "FALLBACK_LABEL"]

FALLBACK_LABEL = "Person"

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
    """Legend rows for the (label, role) pairs present in a view, in schema order.

    >>> [row["text"] for row in legend({("Person", "victim"), ("Phone", None)})]
    ['Person (victim)', 'Phone']
    """
    schema = schema or load_schema()
    order = {label: i for i, label in enumerate(schema.nodes)}
    rows = []
    for label, role in sorted(labels_roles, key=lambda lr: (order.get(lr[0], 99), lr[0], lr[1] or "")):
        style = node_style(label, role, schema)
        text = f"{label} ({role})" if role and role in schema.nodes.get(label, schema.nodes[FALLBACK_LABEL]).role_styles else label
        rows.append({"text": text, "color": str(style["color"]), "shape": str(style["shape"])})
    return rows
