"""Graphs flattened for XML and CSV: scalar attributes, one type per attribute, evidence kept in one step.

Why: GraphML and GEXF hold only scalars and need one type per attribute, and i2's CSVs one cell
per value. Lists of strings become ``"; "``-joined text, dicts become JSON, ``None`` is dropped,
and an attribute that is a number on one element and text on another becomes text everywhere
(int and float mixed: float). Evidence becomes ``evidence`` (JSON of the top rows) plus
``top_sentence`` and ``top_note_id``, so each link still leads back to its notes in one step.
The drawing attributes GEXF and GraphML share (colour, size, shape, position) come from the same
style and layout as the views (:func:`prepared`).
"""
from __future__ import annotations

import json
from typing import Any, Iterable

import networkx as nx

from graph_schema import load_schema
from workbench.views.events import collapse_events
from workbench.views.layout import layout
from workbench.views.pseudonyms import node_label_of, pseudonymize
from workbench.views.style import SHAPE_REACH, view_style
from workbench.views.text import xml_text
from workbench.views.visdata import node_sizes

__all__ = ["flat_graph", "flat", "items", "prepared", "day", "evidence_rows", "clean_values", "TOP_EVIDENCE"]

TOP_EVIDENCE = 3
_GEXF_SHAPES = {"dot": "disc", "square": "square", "box": "square", "triangle": "triangle", "triangleDown": "triangle",
                "diamond": "diamond"}


def evidence_rows(value: Any) -> list[dict[str, Any]]:
    """The top ``TOP_EVIDENCE`` evidence rows (most confident, then oldest), their note, sentence, date."""
    rows = [e for e in value or () if isinstance(e, dict) and e.get("sentence")]
    rows.sort(key=lambda e: (-float(e.get("confidence") or 0.0), str(e.get("date") or "")))
    return [{k: e.get(k) for k in ("note_id", "sentence", "date", "confidence")} for e in rows[:TOP_EVIDENCE]]


def _flatten(data: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in data.items():
        if key == "evidence":
            rows = evidence_rows(value)
            if rows:
                out["evidence"] = json.dumps(rows, ensure_ascii=False)
                out["top_sentence"] = rows[0]["sentence"]
                out["top_note_id"] = str(rows[0]["note_id"] or "")
        elif key == "events":  # a folded link's events: their dates become spells, their count is ``count``
            continue
        elif value is None:
            continue
        elif isinstance(value, (bool, int, float, str)):
            out[key] = value
        elif isinstance(value, (list, tuple, set)) and all(isinstance(v, str) for v in value):
            out[key] = "; ".join(value)
        else:
            out[key] = json.dumps(value, ensure_ascii=False, default=str, sort_keys=True)
    return out


def _harmonize(rows: list[dict[str, Any]]) -> None:
    kinds: dict[str, set[type]] = {}
    for row in rows:
        for k, v in row.items():
            kinds.setdefault(k, set()).add(bool if isinstance(v, bool) else type(v))
    for k, types in kinds.items():
        if len(types) < 2:
            continue
        cast: Any = float if types <= {int, float} else str
        for row in rows:
            if k in row:
                row[k] = cast(row[k])


def items(G: nx.Graph) -> Iterable[tuple[Any, Any, Any, dict[str, Any]]]:
    """``(u, v, key, data)`` for every edge (key ``None`` in a simple graph)."""
    return G.edges(keys=True, data=True) if G.is_multigraph() else ((u, v, None, d) for u, v, d in G.edges(data=True))


def flat(H: nx.Graph) -> nx.Graph:
    """``H`` (already protected) with only scalar attributes, one type per attribute."""
    F = H.__class__()
    nodes = [(n, _flatten(d)) for n, d in H.nodes(data=True)]
    _harmonize([d for _, d in nodes])
    F.add_nodes_from(nodes)
    edges = [(u, v, k, _flatten(d)) for u, v, k, d in items(H)]
    _harmonize([e[3] for e in edges])
    if H.is_multigraph():
        F.add_edges_from(edges)
    else:
        F.add_edges_from((u, v, d) for u, v, _, d in edges)
    return F


def flat_graph(G: nx.Graph, *, reveal: bool = False) -> nx.Graph:
    """A pseudonymized copy of ``G`` with only scalar attributes, one type per attribute.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("Person:v", label="Person", name="Ana", role="victim", aliases=["La Flaca"])
    >>> _ = G.add_edge("Person:v", "Person:v", type="SEEN_AT", evidence=[{"note_id": "n1", "sentence": "Ana was seen."}])
    >>> F = flat_graph(G)
    >>> F.nodes["Person:v"]["name"], next(iter(F.edges(data=True)))[2]["top_sentence"]
    ('Victim 1', 'Victim 1 was seen.')
    """
    return flat(pseudonymize(G, reveal=reveal)[0])


def prepared(G: nx.Graph, reveal: bool, collapse: bool, seed: int) -> tuple[nx.Graph, nx.Graph, dict[Any, dict[str, Any]]]:
    """(pseudonymized graph, its flat copy, node -> drawing attributes: colour, size, shape, x, y)."""
    schema = load_schema()
    H, _ = pseudonymize(G, reveal=reveal, schema=schema)
    if collapse:
        H, _ = collapse_events(H)
    sizes = node_sizes(H, {n: float(d) for n, d in H.degree()})
    styles = {n: view_style(node_label_of(n, d), d.get("role"), schema) for n, d in H.nodes(data=True)}
    reach = {n: sizes[n] * SHAPE_REACH.get(str(styles[n]["shape"]), 1.5) for n in H}
    pos = layout(H, seed=seed, sizes=sizes, reach=reach)
    draw = {}
    for n in H:
        colour = str(styles[n]["color"])
        draw[n] = {"color": colour, "r": int(colour[1:3], 16), "g": int(colour[3:5], 16), "b": int(colour[5:7], 16),
                   "size": float(sizes[n]), "shape": _GEXF_SHAPES.get(str(styles[n]["shape"]), "disc"),
                   "x": float(pos[n][0]), "y": -float(pos[n][1])}
    return H, flat(H), draw


def day(value: Any) -> str | None:
    """``YYYY-MM-DD`` of a date or timestamp, else None."""
    text = str(value or "")
    return text[:10] if len(text) >= 10 and text[4] == "-" else None


def clean_values(d: dict[str, Any]) -> dict[str, Any]:
    """Keys and string values any XML 1.0 writer accepts (``views.text.xml_text``)."""
    return {xml_text(k): xml_text(v) if isinstance(v, str) else v for k, v in d.items()}
