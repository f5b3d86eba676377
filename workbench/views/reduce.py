"""Shrink a graph that is too big to draw, and say what was left out.

Why: vis-network is smooth up to a few thousand nodes with physics off and a precomputed layout
(see ``shared/notes/performance-anchors.md`` 2.4); above that a browser tab stalls. Rather than
refuse, a view above ``max_nodes`` (1,500 by default) shows either

- ``"top"``: the top nodes by a measure (degree unless given) and then their neighbours, up to
  the threshold, so the people who matter keep their context; or
- ``"communities"``: one node per community (the members' top names in its caption), with edges
  weighted by the links between communities;

and returns a ``Reduction`` whose ``text`` the page shows, so nobody mistakes the picture for
the whole case. For the whole graph in a notebook use ``workbench.views.sigma``.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Mapping

import networkx as nx

from workbench.errors import Errors

__all__ = ["Reduction", "reduce_graph", "measure_values", "DEFAULT_MAX_NODES"]

DEFAULT_MAX_NODES = 1500


@dataclass(frozen=True)
class Reduction:
    """What a reduced view kept and left out."""

    method: str
    nodes_total: int
    edges_total: int
    nodes_shown: int
    edges_shown: int
    measure: str

    @property
    def text(self) -> str:
        left = self.nodes_total - self.nodes_shown
        if self.method == "communities":
            return (f"Reduced view: {self.nodes_total:,} nodes and {self.edges_total:,} links collapsed into "
                    f"{self.nodes_shown:,} communities. Open the graph in a notebook (sigma view) to see every node.")
        return (f"Reduced view: showing {self.nodes_shown:,} of {self.nodes_total:,} nodes (top by {self.measure} and "
                f"their neighbours) and {self.edges_shown:,} of {self.edges_total:,} links; {left:,} nodes left out.")


def measure_values(G: nx.Graph, measure: Mapping[Any, float] | str | None) -> tuple[dict[Any, float], str]:
    """Per-node values of ``measure`` (a dict, a node attribute name, or None for degree) and its name."""
    if measure is None:
        return {n: float(d) for n, d in G.degree()}, "degree"
    if isinstance(measure, str):
        return {n: float(G.nodes[n].get(measure) or 0.0) for n in G}, measure
    return {n: float(measure.get(n, 0.0) or 0.0) for n in G}, "the chosen measure"


def _top(G: nx.Graph, values: dict[Any, float], max_nodes: int) -> set[Any]:
    ranked = sorted(G, key=lambda n: (-values.get(n, 0.0), str(n)))
    kept: dict[Any, None] = dict.fromkeys(ranked[: max(1, max_nodes // 4)])
    for seed in list(kept):
        for nb in sorted(nx.all_neighbors(G, seed) if G.is_directed() else G.neighbors(seed),
                         key=lambda n: (-values.get(n, 0.0), str(n))):
            if len(kept) >= max_nodes:
                return set(kept)
            kept.setdefault(nb)
    for n in ranked:
        if len(kept) >= max_nodes:
            break
        kept.setdefault(n)
    return set(kept)


def _collapse(G: nx.Graph, communities: list[set[Any]], values: dict[Any, float]) -> nx.Graph:
    where = {n: i for i, members in enumerate(communities) for n in members}
    H = nx.Graph()
    for i, members in enumerate(communities):
        top = sorted(members, key=lambda n: (-values.get(n, 0.0), str(n)))[:3]
        names = ", ".join(str(G.nodes[n].get("name") or n) for n in top)
        H.add_node(f"Community:{i}", label="Community", name=f"Community {i + 1} ({len(members)}): {names}",
                   size=len(members), community=i, evidence_count=len(members))
    for u, v in G.edges():
        a, b = where.get(u), where.get(v)
        if a is None or b is None or a == b:
            continue
        ca, cb = f"Community:{a}", f"Community:{b}"
        if H.has_edge(ca, cb):
            H[ca][cb]["weight"] += 1
        else:
            H.add_edge(ca, cb, weight=1, reasons={"links": 1})
    for u, v, d in H.edges(data=True):
        d["reasons"] = {"links": d["weight"]}
    return H


def reduce_graph(
    G: nx.Graph,
    *,
    max_nodes: int = DEFAULT_MAX_NODES,
    measure: Mapping[Any, float] | str | None = None,
    method: str = "top",
    communities: Iterable[Iterable[Any]] | None = None,
    seed: int = 7,
) -> tuple[nx.Graph, Reduction | None]:
    """``G`` itself when it has at most ``max_nodes`` nodes, else a reduced graph and its note.

    >>> G = nx.star_graph(30)
    >>> H, note = reduce_graph(G, max_nodes=10)
    >>> H.number_of_nodes(), 0 in H, note.nodes_total
    (10, True, 31)
    >>> reduce_graph(G, max_nodes=100)[1] is None
    True
    """
    if G.number_of_nodes() <= max_nodes:
        return G, None
    values, measure_name = measure_values(G, measure)
    if method == "communities":
        groups = [set(c) for c in communities] if communities is not None else None
        if groups is None:
            groups = nx.community.louvain_communities(nx.Graph(G), seed=seed)
        groups = sorted(groups, key=lambda c: (-len(c), sorted(map(str, c))[:1]))
        if len(groups) <= max_nodes:
            H = _collapse(G, groups, values)
            return H, Reduction("communities", G.number_of_nodes(), G.number_of_edges(),
                                H.number_of_nodes(), H.number_of_edges(), measure_name)
    elif method != "top":
        raise ValueError(Errors.W422.format(method=method))
    H = G.subgraph(_top(G, values, max_nodes)).copy()
    return H, Reduction("top", G.number_of_nodes(), G.number_of_edges(),
                        H.number_of_nodes(), H.number_of_edges(), measure_name)
