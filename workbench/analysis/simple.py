"""The one conversion every measure uses: any projected graph to an undirected simple Graph.

Why: the entity graph is a ``MultiDiGraph`` (one edge per relationship, several per pair), the
person network a weighted ``Graph``, and test networks plain graphs with no attributes. Hop-based
measures (betweenness, closeness, paths, fragmentation) ask "are these two connected", and
strength-based ones (weighted degree, PageRank) ask "how much evidence ties them". One undirected
simple graph with summed weights answers both, so every measure in this package starts here.
``to_igraph`` is the matching edge function for the igraph backend; nothing else converts.
"""
from __future__ import annotations

from typing import Any

import networkx as nx

from graph_schema import load_schema

__all__ = ["internal_labels", "as_simple", "to_simple", "to_igraph", "node_info"]


def internal_labels() -> tuple[str, ...]:
    """Labels of provenance nodes (declared ``internal`` in the schema). They are bookkeeping, not
    actors: a Note mentions everyone in it and would otherwise become the biggest "hub"."""
    return load_schema().internal_labels


def _edge_weight(data: dict[str, Any], weight: str) -> float:
    value = data.get(weight)
    if value is None:
        value = data.get("evidence_count")
    return float(value) if value is not None else 1.0


def to_simple(
    G: nx.Graph, *, weight: str = "weight", exclude_labels: tuple[str, ...] | None = None
) -> nx.Graph:
    """Collapse ``G`` to an undirected simple graph with summed weights.

    Each edge of ``G`` adds its ``weight`` attribute, else its ``evidence_count``, else 1, to
    the one undirected edge between its endpoints; ``count`` keeps the number of relationships
    and ``types`` their sorted type names. Self-loops are dropped (a person does not broker for
    themself) and nodes whose ``label`` is in ``exclude_labels`` are left out. Node attributes
    are copied, so names, labels and roles travel with the node. ``G`` is not modified.

    An investigator reads the result's edge weight as "how much evidence ties these two".

    Parameters
    ----------
    G : networkx graph
        Entity graph (``MultiDiGraph``), person network (``Graph``) or any plain graph.
    weight : str
        Edge attribute read first for the strength of a tie; the output stores it under the
        same name.
    exclude_labels : tuple of str or None
        Node labels to leave out (None: the provenance nodes, :func:`internal_labels`).

    Returns
    -------
    networkx.Graph

    Examples
    --------
    >>> M = nx.MultiDiGraph()
    >>> M.add_edge("a", "b", type="CALLED", evidence_count=2)
    0
    >>> M.add_edge("b", "a", type="PAID")
    0
    >>> H = to_simple(M)
    >>> H["a"]["b"]["weight"], H["a"]["b"]["types"]
    (3.0, ['CALLED', 'PAID'])
    """
    H = nx.Graph()
    excluded = internal_labels() if exclude_labels is None else exclude_labels
    keep = [n for n, d in G.nodes(data=True) if d.get("label") not in excluded]
    H.add_nodes_from((n, dict(G.nodes[n])) for n in keep)
    for u, v, data in G.edges(data=True):
        if u == v or u not in H or v not in H:
            continue
        w = _edge_weight(data, weight)
        if H.has_edge(u, v):
            e = H[u][v]
            e[weight] += w
            e["count"] += 1
            if data.get("type") and data["type"] not in e["types"]:
                e["types"] = sorted([*e["types"], data["type"]])
        else:
            H.add_edge(u, v, **{weight: w, "count": 1,
                                "types": [data["type"]] if data.get("type") else []})
    return H


def as_simple(G: nx.Graph, *, weight: str = "weight") -> nx.Graph:
    """``G`` itself when it already is an undirected simple graph of actors, else ``to_simple(G)``.

    Measures call this so that a large plain ``Graph`` is not copied once per measure. The
    result must be treated as read-only (it may be ``G``).

    Examples
    --------
    >>> P = nx.path_graph(3)
    >>> as_simple(P) is P, as_simple(nx.MultiGraph(P)) is P
    (True, False)
    """
    internal = internal_labels()
    if (type(G) is nx.Graph and nx.number_of_selfloops(G) == 0
            and not any(d.get("label") in internal for _, d in G.nodes(data=True))):
        return G
    return to_simple(G, weight=weight)


def to_igraph(H: nx.Graph, *, weight: str | None = None) -> tuple[Any, list[Any]]:
    """Convert a simple undirected graph to ``igraph.Graph``; return it with the node order.

    Vertex ``i`` of the igraph graph is ``nodes[i]``; with ``weight`` the edge attribute
    ``"weight"`` holds the networkx weights (1 where missing).

    Examples
    --------
    >>> g, nodes = to_igraph(nx.path_graph(["a", "b", "c"]))
    >>> g.vcount(), g.ecount(), nodes
    (3, 2, ['a', 'b', 'c'])
    """
    import igraph as ig

    nodes = list(H)
    index = {n: i for i, n in enumerate(nodes)}
    edges = [(index[u], index[v]) for u, v in H.edges()]
    g = ig.Graph(n=len(nodes), edges=edges, directed=False)
    if weight is not None:
        g.es["weight"] = [float(d.get(weight, 1.0)) for _, _, d in H.edges(data=True)]
    return g, nodes


def node_info(G: nx.Graph, node: Any) -> dict[str, Any]:
    """The caption fields an investigator sees for a node: name, label and role.

    Plain graphs have no attributes, so the name falls back to the node id itself.

    Examples
    --------
    >>> node_info(nx.Graph([(1, 2)]), 1)
    {'name': '1', 'label': None, 'role': None}
    """
    data = G.nodes[node]
    return {"name": str(data.get("name") or node), "label": data.get("label"),
            "role": data.get("role")}
