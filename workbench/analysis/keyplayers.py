"""Key players: every centrality side by side, with one combined rank, in one table.

Why: no single measure says who matters. The organiser has high eigenvector and PageRank, the
courier high betweenness and low constraint, the recruiter a high degree. An analyst wants them
in one sortable table with names, labels and roles, to pick the next interview or warrant and to
explain the choice to a prosecutor.

The combined ``rank`` is the rank of the mean of the per-measure ranks (1 = first) over degree,
betweenness, closeness, eigenvector and PageRank; constraint, effective size, core number,
community and cut-vertex status are context columns, not part of the rank. Above
``exact_threshold`` nodes, betweenness and closeness are estimated from ``sample`` random
sources (seeded) with igraph; ``frame.attrs`` records what was sampled.
"""
from __future__ import annotations

from typing import Any

import networkx as nx
import pandas as pd

from workbench.analysis.brokers import constraint, effective_size
from workbench.analysis.centrality import (betweenness, closeness, core_number, degree,
                                           eigenvector, pagerank, weighted_degree)
from workbench.analysis.communities import community_map, louvain
from workbench.analysis.simple import as_simple, node_info

__all__ = ["RANKED_MEASURES", "key_players", "keep_labels"]

#: The measures whose ranks are averaged into ``rank``.
RANKED_MEASURES: tuple[str, ...] = ("degree", "betweenness", "closeness", "eigenvector", "pagerank")


def keep_labels(G: nx.Graph, labels: tuple[str, ...] | None) -> list[Any]:
    """Nodes whose ``label`` is in ``labels`` (all when None; unlabelled nodes are always kept).

    Examples
    --------
    >>> G = nx.Graph([("p", "x")]); G.nodes["p"]["label"] = "Person"; G.nodes["x"]["label"] = "Phone"
    >>> keep_labels(G, ("Person",))
    ['p']
    """
    return [n for n, d in G.nodes(data=True)
            if labels is None or d.get("label") is None or d.get("label") in labels]


def _measures(H: nx.Graph, *, seed: int, k: int | None, threshold: int,
              n_jobs: int) -> dict[str, dict[Any, Any]]:
    igt = min(threshold, 1000)
    cuts = set(nx.articulation_points(H))
    return {
        "degree": degree(H),
        "weighted_degree": weighted_degree(H),
        "betweenness": betweenness(H, k=k, seed=seed, igraph_threshold=igt, n_jobs=n_jobs),
        "closeness": closeness(H, k=k, seed=seed, igraph_threshold=igt),
        "pagerank": pagerank(H, igraph_threshold=igt),
        "eigenvector": eigenvector(H, igraph_threshold=igt),
        "core_number": core_number(H, igraph_threshold=igt),
        "constraint": constraint(H),
        "effective_size": effective_size(H),
        "community": community_map(louvain(H, seed=seed, igraph_threshold=threshold)),
        "articulation_point": {n: n in cuts for n in H},
    }


def key_players(G: nx.Graph, *, top: int | None = None, seed: int = 0,
                exact_threshold: int = 5000, sample: int = 1000,
                labels: tuple[str, ...] | None = None, n_jobs: int = 1) -> pd.DataFrame:
    """Rank the network's nodes on all centralities at once.

    Parameters
    ----------
    G : networkx graph
        Entity graph, person network or plain graph; measured on its undirected simple view.
    top : int, optional
        Keep only the first ``top`` rows.
    seed : int
        Seed for Louvain and for the sampled sources on large graphs.
    exact_threshold : int
        Above this many nodes, betweenness and closeness are sampled from ``sample`` sources.
    sample : int
        Number of sources for the estimates on large graphs.
    labels : tuple of str, optional
        Show only nodes with these labels, e.g. ``("Person",)``; measures still use the whole
        graph, so a person's betweenness counts the phones and payments they bridge.
    n_jobs : int
        Processes for sampled betweenness on large graphs.

    Returns
    -------
    pandas.DataFrame
        One row per node: node, name, label, role, the measures, community,
        articulation_point and rank (1 = most central), sorted by rank.

    Examples
    --------
    >>> G = nx.Graph([("boss", "a"), ("boss", "b"), ("boss", "c"), ("c", "d")])
    >>> kp = key_players(G)
    >>> kp[["node", "degree", "articulation_point", "rank"]].head(2).to_string(index=False)
    'node  degree  articulation_point  rank\\nboss    0.75                True     1\\n   c    0.50                True     2'
    """
    H = as_simple(G)
    n = H.number_of_nodes()
    k = sample if n > exact_threshold and sample < n else None
    values = _measures(H, seed=seed, k=k, threshold=exact_threshold, n_jobs=n_jobs)
    rows = keep_labels(H, labels)
    frame = pd.DataFrame([{"node": v, **node_info(H, v)} for v in rows],
                         columns=["node", "name", "label", "role"])
    for col, vals in values.items():
        frame[col] = [vals.get(v) for v in rows]
    everyone = list(H)
    # ranked on values rounded to 12 digits: eigenvector's ARPACK start is random, so two runs on one
    # graph differ in the 16th digit, and equally central people must tie, not swap ranks
    ranks = pd.DataFrame({m: [round(values[m][v], 12) for v in everyone] for m in RANKED_MEASURES})
    mean_rank = ranks.rank(ascending=False, method="min").mean(axis=1)
    combined = dict(zip(everyone, mean_rank.rank(method="min").astype(int).tolist()))
    frame["rank"] = [combined[v] for v in rows]
    frame = frame.sort_values(["rank", "name"], kind="stable").reset_index(drop=True)
    frame.attrs.update({"betweenness_sources": k or n, "closeness_sources": k or n, "seed": seed})
    return frame.head(top) if top is not None else frame
