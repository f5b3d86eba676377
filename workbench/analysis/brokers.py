"""Brokers: Burt's constraint and effective size, cut vertices and bridges.

Why: a broker spans structural holes, linking people who are not linked to each other: the
recruiter between villages and the bar, the official between the network and the checkpoint.
Low constraint and high effective size mark such a position; an articulation point or bridge is
the extreme case, a single person or tie whose removal splits the network.

Constraint and effective size follow networkx's definitions (Burt 1992; Borgatti 1997) but are
computed for all nodes at once with sparse matrices: with P the row-normalized weight matrix,
constraint_i = sum over neighbours j of (P + P^2)_ij^2 and effective size_i =
deg_i - sum over neighbours j of (P M^T)_ij, M the weights divided by each row's maximum.
This takes seconds on 50k nodes where networkx's per-ego loops take hours. Values equal
networkx's per-node path (``nodes=`` given); its vectorized weighted ``effective_size`` in 3.6.1
normalizes by the row maximum along the wrong axis (networkx pull request #8906), so ours differ
from that path on weighted graphs, by design.
"""
from __future__ import annotations

from typing import Any

import networkx as nx
import numpy as np
import scipy.sparse as sp

from workbench.analysis.simple import as_simple

__all__ = ["constraint", "effective_size", "articulation_points", "bridges"]


def _matrices(G: nx.Graph, weight: str | None) -> tuple[list[Any], sp.csr_array, sp.csr_array]:
    H = as_simple(G)
    nodes = list(H)
    A = nx.to_scipy_sparse_array(H, nodelist=nodes, weight=weight, format="csr", dtype=float)
    strength = np.asarray(A.sum(axis=1)).ravel()
    with np.errstate(divide="ignore"):
        inv = np.where(strength > 0, 1.0 / strength, 0.0)
    P = sp.diags_array(inv) @ A
    return nodes, sp.csr_array(A), sp.csr_array(P)


def _per_node(nodes: list[Any], A: sp.csr_array, values: np.ndarray) -> dict[Any, float]:
    deg = np.diff(A.indptr)
    return {n: (float(v) if d else float("nan")) for n, v, d in zip(nodes, values, deg)}


def constraint(G: nx.Graph, *, weight: str | None = "weight") -> dict[Any, float]:
    """Burt's constraint: how much a node's ties lead back into one closed group (0..~1).

    Low constraint = a broker whose contacts do not know each other, who can play them off and
    control what passes between them. High constraint = embedded in a tight clique. Isolated
    nodes get NaN, as in networkx.

    Examples
    --------
    >>> G = nx.star_graph(3)
    >>> c = constraint(G)
    >>> round(c[0], 3), round(c[1], 3)
    (0.333, 1.0)
    """
    nodes, A, P = _matrices(G, weight)
    C = (P + P @ P).multiply(A != 0)
    return _per_node(nodes, A, np.asarray(C.multiply(C).sum(axis=1)).ravel())


def effective_size(G: nx.Graph, *, weight: str | None = None) -> dict[Any, float]:
    """Effective size: the number of a node's contacts minus their redundancy.

    A node whose 8 contacts are all strangers to each other has effective size 8 (8 separate
    worlds reached); one whose 8 contacts all know each other has about 1. Unweighted by default
    (Borgatti's form: degree - 2 ties among contacts / degree). Isolated nodes get NaN.

    Examples
    --------
    >>> effective_size(nx.star_graph(3))[0]
    3.0
    >>> effective_size(nx.complete_graph(4))[0]
    1.0
    """
    nodes, A, P = _matrices(G, weight)
    rowmax = A.max(axis=1).toarray().ravel()
    with np.errstate(divide="ignore"):
        inv = np.where(rowmax > 0, 1.0 / rowmax, 0.0)
    M = sp.diags_array(inv) @ A
    redundancy = (P @ M.T).multiply(A != 0)
    deg = np.diff(A.indptr).astype(float)
    return _per_node(nodes, A, deg - np.asarray(redundancy.sum(axis=1)).ravel())


def articulation_points(G: nx.Graph) -> list[Any]:
    """Cut vertices: nodes whose removal splits their component (sorted by how much they cut off).

    Each one is a single point of failure: the only courier to a group, the one phone that links
    two cells. Sorted by the size of the smallest piece they would cut off, largest first.

    Examples
    --------
    >>> articulation_points(nx.path_graph(4))
    [1, 2]
    """
    H = as_simple(G)
    cuts = list(nx.articulation_points(H))

    def cut_off(v: Any) -> int:
        rest = H.subgraph(set(nx.node_connected_component(H, v)) - {v})
        sizes = [len(c) for c in nx.connected_components(rest)]
        return sum(sizes) - max(sizes)

    return sorted(cuts, key=lambda v: (-cut_off(v), str(v)))


def bridges(G: nx.Graph) -> list[tuple[Any, Any]]:
    """Bridges: ties whose removal splits their component; the only known link between two parts.

    Examples
    --------
    >>> bridges(nx.Graph([(0, 1), (1, 2), (2, 0), (2, 3)]))
    [(2, 3)]
    """
    return [tuple(e) for e in nx.bridges(as_simple(G))]
