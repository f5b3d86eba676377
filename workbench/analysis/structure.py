"""Whole-network shape: density, Freeman centralization and a one-row summary.

Why: before asking who matters, an analyst asks what kind of network this is. A dense,
centralized network leans on a few people (arrest them and it stalls); a sparse, decentralized
one has re-ordered itself around the pressure (Morselli & Petit's CAVIAR finding). Definitions
follow networkx and Freeman (1979) so published figures reproduce.
"""
from __future__ import annotations

from typing import Any

import networkx as nx

from workbench.analysis.simple import to_simple
from workbench.errors import Errors

__all__ = ["density", "centralization", "summary"]


def density(G: nx.Graph) -> float:
    """Share of possible ties that exist, on the undirected simple view of ``G``.

    An investigator reads 0.4 as "four in ten possible pairs are known to be in contact".

    Examples
    --------
    >>> density(nx.path_graph(3))
    0.6666666666666666
    """
    return float(nx.density(to_simple(G)))


def centralization(G: nx.Graph, *, measure: str = "degree") -> float:
    """Freeman centralization: how far the network is from a star (1) versus everyone equal (0).

    ``degree``: sum(max degree - degree) / ((n-1)(n-2)), the published definition for the
    Mexico trafficking network (0.4432) and CAVIAR. ``betweenness``: sum(max - b) / (n-1) on
    networkx-normalized betweenness. High values mean one person holds the network together.

    Parameters
    ----------
    G : networkx graph
    measure : {"degree", "betweenness"}

    Returns
    -------
    float

    Examples
    --------
    >>> centralization(nx.star_graph(4))
    1.0
    >>> centralization(nx.cycle_graph(5))
    0.0
    """
    H = to_simple(G)
    n = H.number_of_nodes()
    if n < 3:
        return 0.0
    if measure == "degree":
        values = [d for _, d in H.degree()]
        top = max(values)
        return float(sum(top - d for d in values) / ((n - 1) * (n - 2)))
    if measure == "betweenness":
        bc = list(nx.betweenness_centrality(H).values())
        top = max(bc)
        return float(sum(top - b for b in bc) / (n - 1))
    raise ValueError(Errors.W423.format(measure=measure))


def summary(G: nx.Graph) -> dict[str, Any]:
    """One dictionary that describes the network's size and shape.

    Examples
    --------
    >>> s = summary(nx.star_graph(3))
    >>> s["nodes"], s["edges"], s["components"], s["degree_centralization"]
    (4, 3, 1, 1.0)
    """
    H = to_simple(G)
    comps = [len(c) for c in nx.connected_components(H)]
    return {
        "nodes": H.number_of_nodes(),
        "edges": H.number_of_edges(),
        "density": float(nx.density(H)),
        "components": len(comps),
        "largest_component": max(comps, default=0),
        "degree_centralization": centralization(H),
    }
