"""The whole graph in a notebook, however big: an ipysigma (sigma.js, WebGL) widget.

Why: vis-network stalls beyond a few thousand nodes (performance-anchors 2.4), so the network
page reduces big graphs; when an analyst needs every node, ipysigma draws tens of thousands in
WebGL inside JupyterLab. Its JavaScript ships with the installed JupyterLab extension, so this
too works offline.

Only a slim copy of the graph reaches the widget: caption, label, role, schema colour and
shape, size, and the relationship type. Evidence sentences stay out (the widget's info panel is
not ours to escape). ipysigma's search box is a third-party component that may insert text as
HTML, so ``< > & " '`` in captions are swapped for look-alike characters; the caption is still
readable, and no markup from a note can be parsed; direction controls show as ``[RLO]``.
Victims and witnesses are pseudonymized unless ``reveal=True``. Colours are the views'
(``style.view_style``: one per label and role).

The widget ``sigma_view`` returns is ipysigma's own, except that its ``to_html`` (and
``write_html``) write the offline page of ``views.sigma_page`` instead of ipywidgets' CDN
page, which is blank without the internet; ``save_sigma`` writes the same page straight from a
graph, laid out in Python (``views.layout``) so it opens readable without waiting for
ForceAtlas2.
"""
from __future__ import annotations

from typing import Any, Iterable, Mapping

import functools
from pathlib import Path

import networkx as nx

from graph_schema import Schema, load_schema
from workbench.views.layout import layout
from workbench.views.pseudonyms import node_label_of, pseudonymize
from workbench.views.sigma_page import save_widget
from workbench.views.style import edge_style, view_style
from workbench.views.text import visible_controls
from workbench.views.visdata import community_map

__all__ = ["sigma_graph", "sigma_view", "safe_label", "save_sigma", "OFFLINE_LAYOUT_MAX"]

OFFLINE_LAYOUT_MAX = 5000  # above this many nodes the saved page lays itself out (ForceAtlas2 in the browser)

_LOOKALIKE = str.maketrans({"<": "‹", ">": "›", "&": "＆", '"': "”", "'": "’"})


def safe_label(text: Any) -> str:
    """A caption with no HTML-significant characters.

    >>> safe_label("<img src=x onerror=alert(1)>")
    '‹img src=x onerror=alert(1)›'
    """
    return visible_controls(str(text)).translate(_LOOKALIKE)


def sigma_graph(
    G: nx.Graph,
    *,
    reveal: bool = False,
    size_by: Mapping[Any, float] | str | None = None,
    communities: Mapping[Any, int] | Iterable[Iterable[Any]] | None = None,
    schema: Schema | None = None,
) -> nx.Graph:
    """The slim, pseudonymized copy of ``G`` handed to the widget (also handy for tests).

    >>> G = nx.Graph(); G.add_node("Person:1", label="Person", name="Ana", role="victim")
    >>> sigma_graph(G).nodes["Person:1"]["label"]
    'Victim 1'
    """
    schema = schema or load_schema()
    H, _ = pseudonymize(G, reveal=reveal, schema=schema)
    cmap = community_map(communities)
    S = nx.DiGraph() if H.is_directed() else nx.Graph()
    for n, d in H.nodes(data=True):
        kind = node_label_of(n, d) or "Node"
        style = view_style(kind, d.get("role"), schema)
        size = size_by.get(n) if isinstance(size_by, Mapping) else d.get(size_by) if size_by else d.get("evidence_count")
        attrs = {"label": safe_label(d.get("name") or n), "kind": kind, "role": d.get("role") or "",
                 "color": style["color"], "size": float(size or 1.0)}
        if n in cmap:
            attrs["community"] = cmap[n]
        S.add_node(str(n), **attrs)
    for u, v, d in H.edges(data=True):
        rel = d.get("type") or "link"
        count = float(d.get("evidence_count") or d.get("weight") or 1)
        if S.has_edge(str(u), str(v)):
            S[str(u)][str(v)]["size"] += count
            continue
        S.add_edge(str(u), str(v), type=safe_label(rel), color=edge_style(d.get("type"), schema)["color"], size=count)
    return S


def sigma_view(
    G: nx.Graph,
    *,
    reveal: bool = False,
    size_by: Mapping[Any, float] | str | None = None,
    communities: Mapping[Any, int] | Iterable[Iterable[Any]] | None = None,
    height: int = 650,
    **sigma_kwargs: Any,
) -> Any:
    """An ``ipysigma.Sigma`` widget of the whole graph; colours from the schema (or communities).

    ForceAtlas2 runs for 10 s when shown (``start_layout``); extra keyword arguments go to
    ``ipysigma.Sigma``. ``widget.to_html(path)`` writes a standalone page that works offline.
    """
    Sigma = _offline_sigma()
    S = sigma_graph(G, reveal=reveal, size_by=size_by, communities=communities)
    kwargs: dict[str, Any] = {"raw_node_color": "color", "node_size": "size", "raw_edge_color": "color",
                              "edge_size": "size", "edge_label": "type", "height": height,
                              "start_layout": 10}
    if communities is not None:
        kwargs.pop("raw_node_color")
        kwargs["node_color"] = "community"
    kwargs.update(sigma_kwargs)
    return Sigma(S, **kwargs)


@functools.cache
def _offline_sigma() -> Any:
    """ipysigma's ``Sigma`` with an offline ``to_html`` (imported on first use: it is heavy)."""
    import ipysigma

    class Sigma(ipysigma.Sigma):  # same name: notebooks and widget state see ipysigma's
        """``ipysigma.Sigma`` whose standalone HTML needs no network (see ``views.sigma_page``)."""

        def to_html(self, path: Any, *, title: str = "Graph") -> Path:
            return save_widget(self, path, title=title)

    return Sigma


def save_sigma(G: nx.Graph, path: str | Path, *, title: str = "Graph", reveal: bool = False, seed: int = 7,
               **kwargs: Any) -> Path:
    """Write the sigma view of ``G`` as one offline HTML file (laid out in Python up to
    ``OFFLINE_LAYOUT_MAX`` nodes); keyword arguments go to ``sigma_view``.

    The graph is protected first and laid out after, so the layout's keys are the protected
    ids (a victim's phone is ``Phone:[phone of Victim 3]`` there too)."""
    H, _ = pseudonymize(G, reveal=reveal)
    if H.number_of_nodes() <= OFFLINE_LAYOUT_MAX and "layout" not in kwargs:
        pos = layout(H, seed=seed)
        kwargs = {"layout": {str(n): {"x": x, "y": -y} for n, (x, y) in pos.items()}, "start_layout": False, **kwargs}
    widget = sigma_view(H, reveal=True, **kwargs)  # H is already protected (or revealed, as asked)
    return Path(widget.to_html(path, title=title))
