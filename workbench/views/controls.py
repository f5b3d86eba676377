"""What the network page's controls need besides the drawing: legend, filters, dates, top labels.

Why here: the page filters by label and role, relationship type, evidence count and a date
range, and labels its most important nodes at the first zoom. All of that is decided from the
graph in Python (the page only applies it), so it is tested without a browser:

- ``legend_rows``: one row per (label, role) present, with the distinct colour and shape of
  ``style.view_style``; the page turns each row into a filter checkbox drawn with its shape;
- ``type_rows``: the relationship types present, with their schema colour and count;
- ``date_domain``: the first and last day any node or link was seen (the slider's ends);
- ``top_nodes``: the nodes whose labels show at the first zoom (20 by default, by the size
  measure or else by degree); ``layout.labelled_layout`` makes room for them and picks their font.
"""
from __future__ import annotations

from collections import Counter
from typing import Any, Iterable, Mapping

import networkx as nx

from graph_schema import Schema
from workbench.views.pseudonyms import node_label_of
from workbench.views.style import edge_style, view_style

__all__ = ["legend_rows", "type_rows", "date_domain", "top_nodes", "TOP_LABELS"]

TOP_LABELS = 20


def legend_rows(G: nx.Graph, schema: Schema) -> list[dict[str, Any]]:
    """Rows ``{key, label, role, text, color, shape, count}`` in schema order."""
    counts = Counter((node_label_of(n, d) or "Person", d.get("role") or None) for n, d in G.nodes(data=True))
    order = {label: i for i, label in enumerate(schema.nodes)}
    rows = []
    for (label, role), count in sorted(counts.items(), key=lambda kv: (order.get(kv[0][0], 99), kv[0][0], kv[0][1] or "")):
        spec = schema.nodes.get(label)
        shown_role = role if spec is not None and role in spec.role_styles else None
        style = view_style(label, role, schema)
        rows.append({"key": f"{label}|{role or ''}", "label": label, "role": role or "", "count": count,
                     "text": f"{label} ({shown_role})" if shown_role else label,
                     "color": str(style["color"]), "shape": str(style["shape"])})
    return rows


def type_rows(G: nx.Graph, schema: Schema) -> list[dict[str, Any]]:
    """Rows ``{type, color, count}`` for the relationship types present (untyped: ``""``)."""
    counts = Counter(str(d.get("type") or "") for *_, d in G.edges(data=True))
    return [{"type": t, "text": t or "linked", "color": str(edge_style(t or None, schema)["color"]), "count": c}
            for t, c in sorted(counts.items())]


def _days(values: Iterable[Any]) -> list[str]:
    return [str(v)[:10] for v in values if v and len(str(v)) >= 10 and str(v)[4] == "-"]


def date_domain(G: nx.Graph) -> tuple[str, str] | None:
    """(first, last) ISO day over the nodes' and links' dates, or None when nothing is dated.

    >>> G = nx.Graph(); G.add_edge("a", "b", first_seen="2024-03-01", last_seen="2024-05-02T10:00")
    >>> date_domain(G)
    ('2024-03-01', '2024-05-02')
    """
    days = _days(d.get(k) for _, d in G.nodes(data=True) for k in ("first_seen", "last_seen", "date"))
    days += _days(d.get(k) for *_, d in G.edges(data=True) for k in ("first_seen", "last_seen"))
    days += _days(e.get("date") for *_, d in G.edges(data=True) for e in d.get("events") or ())
    return (min(days), max(days)) if days else None


def top_nodes(G: nx.Graph, scores: Mapping[Any, float] | None, k: int = TOP_LABELS) -> list[Any]:
    """The ``k`` most important nodes: by ``scores`` when given, else by degree (ties: by id)."""
    values = scores if scores is not None else {n: float(d) for n, d in G.degree()}
    ranked = sorted(G, key=lambda n: (-float(values.get(n, 0.0) or 0.0), str(n)))
    return ranked[:k]
