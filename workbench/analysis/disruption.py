"""Disruption: which k people to remove (arrest, relocate, turn) to break the network apart most.

Why: the most connected person is not always the best target. Two hubs in the same cell are
redundant; a quiet go-between joining two cells is not. This is Borgatti's key player problem
(KPP-Neg, 2006): maximise fragmentation F = 1 - sum_c s_c (s_c - 1) / (n (n - 1)) over the
components c left after removal (n = nodes left), F = 0 for a connected network and 1 when no
one can reach anyone. Solved by greedy selection then pairwise swaps until no swap helps, and
compared with simply taking the top k by degree or by betweenness.

Each evaluation is one connected-components pass, so cost grows with candidates x k x edges:
meant for case networks (hundreds to a few thousand nodes); restrict ``candidates`` beyond that.
"""
from __future__ import annotations

import random
from collections.abc import Iterable
from typing import Any

import networkx as nx
import pandas as pd

from workbench.analysis.centrality import betweenness, degree
from workbench.analysis.keyplayers import keep_labels
from workbench.analysis.simple import as_simple, node_info

__all__ = ["fragmentation", "key_player_set", "disruption_plan"]


def fragmentation(G: nx.Graph, removed: Iterable[Any] = ()) -> dict[str, float | int]:
    """Fragmentation, largest component and component count after removing ``removed``.

    Examples
    --------
    >>> fragmentation(nx.path_graph(3), [1])
    {'fragmentation': 1.0, 'largest_component': 1, 'components': 2}
    """
    H = as_simple(G)
    gone = set(removed)
    sizes = [len(c) for c in nx.connected_components(nx.restricted_view(H, gone, []))]
    n = sum(sizes)
    frag = 1.0 if n < 2 else 1.0 - sum(s * (s - 1) for s in sizes) / (n * (n - 1))
    return {"fragmentation": frag, "largest_component": max(sizes, default=0),
            "components": len(sizes)}


def _score(H: nx.Graph, removed: set[Any]) -> float:
    return float(fragmentation(H, removed)["fragmentation"])


def key_player_set(G: nx.Graph, k: int, *, candidates: Iterable[Any] | None = None,
                   seed: int = 0, max_passes: int = 20) -> list[Any]:
    """The ``k`` candidates whose joint removal maximises fragmentation (greedy + swaps).

    Greedy adds the candidate that raises F most; then every (chosen, not chosen) swap that
    raises F is taken until a full pass finds none. ``seed`` orders the candidates, which only
    breaks ties. A local optimum, as in Borgatti's KPP-Neg heuristic.

    Examples
    --------
    >>> G = nx.barbell_graph(4, 1)   # two cliques joined through node 4
    >>> key_player_set(G, 1)
    [4]
    """
    H = as_simple(G)
    pool = list(H if candidates is None else candidates)
    random.Random(seed).shuffle(pool)
    chosen: list[Any] = []
    for _ in range(min(k, len(pool))):
        best = max((v for v in pool if v not in chosen),
                   key=lambda v: _score(H, {*chosen, v}))
        chosen.append(best)
    current = _score(H, set(chosen))
    for _ in range(max_passes):
        improved = False
        for i in range(len(chosen)):
            for v in pool:
                if v in chosen:
                    continue
                trial = [*chosen[:i], v, *chosen[i + 1:]]
                score = _score(H, set(trial))
                if score > current + 1e-12:
                    chosen, current, improved = trial, score, True
        if not improved:
            break
    return chosen


def disruption_plan(G: nx.Graph, k: int, *, labels: tuple[str, ...] | None = ("Person",),
                    candidates: Iterable[Any] | None = None, seed: int = 0) -> pd.DataFrame:
    """Compare removal strategies for ``k`` targets: key-player set, top degree, top betweenness.

    Parameters
    ----------
    G : networkx graph
    k : int
        How many people can be removed.
    labels : tuple of str or None
        Only nodes with these labels are candidates (people by default; unlabelled nodes of
        plain graphs always are). Ignored when ``candidates`` is given.
    candidates : iterable, optional
        Explicit candidate nodes.
    seed : int
        Tie-breaking order for the key-player search.

    Returns
    -------
    pandas.DataFrame
        One row per strategy (plus "none" for the network as it is): strategy, set, names,
        fragmentation, largest_component, components. Higher fragmentation, smaller largest
        component = more disruption.

    Examples
    --------
    >>> plan = disruption_plan(nx.barbell_graph(4, 1), 1)
    >>> plan[["strategy", "set", "fragmentation"]].round(3).to_dict("list")["fragmentation"]
    [0.0, 0.571, 0.536, 0.571]
    """
    H = as_simple(G)
    pool = list(candidates) if candidates is not None else keep_labels(H, labels)
    allowed = set(pool)
    deg = {v: s for v, s in degree(H).items() if v in allowed}
    btw = {v: s for v, s in betweenness(H, seed=seed).items() if v in allowed}
    strategies = [
        ("none", []),
        ("key players (greedy + swap)", key_player_set(H, k, candidates=pool, seed=seed)),
        ("top degree", sorted(deg, key=lambda v: (-deg[v], str(v)))[:k]),
        ("top betweenness", sorted(btw, key=lambda v: (-btw[v], str(v)))[:k]),
    ]
    rows = [{"strategy": name, "set": nodes,
             "names": [node_info(H, v)["name"] for v in nodes], **fragmentation(H, nodes)}
            for name, nodes in strategies]
    return pd.DataFrame(rows)
