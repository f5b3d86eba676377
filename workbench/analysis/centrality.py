"""Who matters: degree, betweenness, closeness, eigenvector, PageRank and k-core.

Why: each measure answers a different investigative question (who has most contacts, who sits
between groups, who can reach everyone fast, who is tied to the powerful, who is in the dense
heart). All are computed on the undirected simple view (``as_simple``) and returned as
``{node: value}`` in networkx's normalization, whichever backend ran. Hop-based measures
(betweenness, closeness, core) ignore weights: a tie is a tie however often it was noted;
weighted degree, eigenvector and PageRank use the summed evidence weight.

Backends: networkx below ``igraph_threshold`` nodes; python-igraph above it (~30x faster
betweenness, ~10-50x PageRank on 2 cores, see shared notes 2.3). ``k`` turns betweenness and
closeness into estimates from ``k`` random sources drawn with ``seed``.
"""
from __future__ import annotations

import math
import random
import warnings
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from typing import Any

import networkx as nx
import numpy as np

from workbench.analysis.simple import as_simple, to_igraph

__all__ = ["IGRAPH_THRESHOLD", "degree", "weighted_degree", "betweenness", "closeness",
           "eigenvector", "pagerank", "core_number"]

#: Node count above which the igraph backend is used.
IGRAPH_THRESHOLD = 1000


def degree(G: nx.Graph) -> dict[Any, float]:
    """Degree centrality: share of the other nodes a node is directly tied to.

    An investigator reads it as "how many distinct contacts, phones, places and payments".

    Examples
    --------
    >>> degree(nx.star_graph(2))
    {0: 1.0, 1: 0.5, 2: 0.5}
    """
    return dict(nx.degree_centrality(as_simple(G)))


def weighted_degree(G: nx.Graph, *, weight: str = "weight") -> dict[Any, float]:
    """Strength: the summed evidence on all of a node's ties (how much the notes say about it).

    Examples
    --------
    >>> weighted_degree(nx.Graph([("a", "b", {"weight": 3}), ("a", "c", {"weight": 1})]))
    {'a': 4.0, 'b': 3.0, 'c': 1.0}
    """
    H = as_simple(G, weight=weight)
    return {n: float(d) for n, d in H.degree(weight=weight)}


def _bc_chunk(args: tuple[Any, list[int]]) -> list[float]:
    g, sources = args
    return list(g.betweenness(directed=False, sources=sources))


def ig_betweenness(g: Any, sources: list[int] | None, n_jobs: int = 1) -> np.ndarray:
    """Raw undirected igraph betweenness from ``sources`` (all when None), over ``n_jobs`` processes."""
    if sources is None:
        if n_jobs <= 1:
            return np.asarray(g.betweenness(directed=False))
        sources = list(range(g.vcount()))
    if n_jobs <= 1:
        return np.asarray(g.betweenness(directed=False, sources=sources))
    chunks = [(g, sources[i::n_jobs]) for i in range(n_jobs)]
    with ProcessPoolExecutor(n_jobs, mp_context=get_context("fork")) as pool:
        total: np.ndarray = np.sum([np.asarray(r) for r in pool.map(_bc_chunk, chunks)], axis=0)
        return total


def betweenness(G: nx.Graph, *, k: int | None = None, seed: int = 0,
                igraph_threshold: int = IGRAPH_THRESHOLD, n_jobs: int = 1) -> dict[Any, float]:
    """Betweenness: share of shortest paths between others that run through a node.

    A broker, courier or corrupt official who links otherwise separate parts scores high:
    remove them and messages, money and people must take longer routes.

    Parameters
    ----------
    G : networkx graph
    k : int, optional
        Estimate from ``k`` random source nodes (scaled by n/k) instead of all of them.
    seed : int
        Seed for the choice of the ``k`` sources.
    igraph_threshold : int
        Above this many nodes igraph computes it; values stay in networkx's normalization
        (divided by (n-1)(n-2)/2).
    n_jobs : int
        Processes for the igraph backend (sources split between them).

    Examples
    --------
    >>> bc = betweenness(nx.path_graph(3))
    >>> bc[1], bc[0]
    (1.0, 0.0)
    """
    H = as_simple(G)
    n = H.number_of_nodes()
    if k is not None and k >= n:
        k = None
    if n <= igraph_threshold:
        return dict(nx.betweenness_centrality(H, k=k, seed=seed))
    g, nodes = to_igraph(H)
    sources = None if k is None else sorted(random.Random(seed).sample(range(n), k))
    raw = ig_betweenness(g, sources, n_jobs) * (1.0 if k is None else n / k)
    return dict(zip(nodes, (raw * 2.0 / ((n - 1) * (n - 2))).tolist()))


def ig_closeness(g: Any, *, k: int | None, seed: int, chunk: int = 64) -> np.ndarray:
    """Closeness (networkx's ``wf_improved`` form) from igraph, exact or from sampled sources.

    Within each component of size c, the mean distance from (sampled) sources estimates the
    node's mean distance d; closeness = (c-1)/(n-1) / d.
    """
    n = g.vcount()
    out = np.zeros(n)
    rng = random.Random(seed)
    for comp in g.connected_components():
        c = len(comp)
        if c < 2:
            continue
        kc = c if k is None else min(c, max(2, math.ceil(k * c / n)))
        src = comp if kc == c else sorted(rng.sample(list(comp), kc))
        total = np.zeros(c)
        for i in range(0, kc, chunk):
            total += np.asarray(g.distances(source=src[i:i + chunk], target=comp)).sum(axis=0)
        in_src = np.isin(np.asarray(comp), src)
        mean = total / (kc - in_src)
        out[comp] = (c - 1) / (n - 1) / mean
    return out


def closeness(G: nx.Graph, *, k: int | None = None, seed: int = 0,
              igraph_threshold: int = IGRAPH_THRESHOLD) -> dict[Any, float]:
    """Closeness: how few steps a node needs to reach everyone in its component.

    Scaled by the component's share of the network (networkx ``wf_improved``), so a node at the
    centre of a small isolated cell does not outrank the centre of the main network. With ``k``,
    distances are averaged from ``k`` random sources (spread over components).

    Examples
    --------
    >>> closeness(nx.star_graph(2))[0]
    1.0
    """
    H = as_simple(G)
    if H.number_of_nodes() <= igraph_threshold and k is None:
        return dict(nx.closeness_centrality(H))
    g, nodes = to_igraph(H)
    return dict(zip(nodes, ig_closeness(g, k=k, seed=seed).tolist()))


def eigenvector(G: nx.Graph, *, weight: str | None = "weight",
                igraph_threshold: int = IGRAPH_THRESHOLD) -> dict[Any, float]:
    """Eigenvector centrality: tied to people who are themselves well tied (unit Euclidean norm).

    Reads as "close to the organisers" rather than "has many contacts". Most meaningful on a
    connected network. On several components (networkx refuses them) igraph takes the leading
    eigenvector of the whole graph: values concentrate on the densest component and the others
    get about 0, so compare people within the main component only.

    Examples
    --------
    >>> ev = eigenvector(nx.star_graph(3))
    >>> round(ev[0], 3), round(ev[1], 3)
    (0.707, 0.408)
    """
    H = as_simple(G)
    if H.number_of_edges() == 0:
        return {n: 0.0 for n in H}
    if 2 < H.number_of_nodes() <= igraph_threshold and nx.is_connected(H):  # ARPACK needs n > 2
        return {n: abs(float(v)) for n, v in nx.eigenvector_centrality_numpy(H, weight=weight).items()}
    g, nodes = to_igraph(H, weight=weight)
    with warnings.catch_warnings():  # igraph warns on disconnected graphs; the docstring says so
        warnings.simplefilter("ignore", RuntimeWarning)
        vals = np.abs(np.asarray(g.eigenvector_centrality(weights="weight" if weight else None)))
    norm = float(np.linalg.norm(vals)) or 1.0
    return dict(zip(nodes, (vals / norm).tolist()))


def pagerank(G: nx.Graph, *, alpha: float = 0.85, weight: str | None = "weight",
             igraph_threshold: int = IGRAPH_THRESHOLD) -> dict[Any, float]:
    """PageRank: where a random walk along the evidence ties spends its time (sums to 1).

    Examples
    --------
    >>> pr = pagerank(nx.star_graph(3))
    >>> max(pr, key=pr.get), round(sum(pr.values()), 6)
    (0, 1.0)
    """
    H = as_simple(G)
    if H.number_of_nodes() <= igraph_threshold:
        return dict(nx.pagerank(H, alpha=alpha, weight=weight))
    g, nodes = to_igraph(H, weight=weight)
    vals = g.pagerank(directed=False, damping=alpha, weights="weight" if weight else None)
    return dict(zip(nodes, vals))


def core_number(G: nx.Graph, *, igraph_threshold: int = IGRAPH_THRESHOLD) -> dict[Any, int]:
    """k-core number: the largest k such that the node sits in a group where all have >= k ties.

    The innermost core is the cell's dense heart; peripheral helpers have core number 1.

    Examples
    --------
    >>> G = nx.complete_graph(3); G.add_edge(2, 3)
    >>> core_number(G)
    {0: 2, 1: 2, 2: 2, 3: 1}
    """
    H = as_simple(G)
    if H.number_of_nodes() <= igraph_threshold:
        return dict(nx.core_number(H))
    g, nodes = to_igraph(H)
    return dict(zip(nodes, g.coreness()))
