"""Benchmark of workbench.analysis on a generated 50k-node / 250k-edge network with communities.

Why: the key-player table must stay interactive (< 60 s) on a case graph far larger than today's,
and sampled betweenness must agree with the exact one (top-20 overlap >= 0.8). Times are printed
as ratios against a baseline measured in the same run (networkx degree of the same graph), so the
figures compare across machines; peak memory is the process's maximum resident set.

The graph is LFR-like: community sizes and node weights drawn from power laws, each edge kept
inside its community with probability 1 - mu (degree-corrected planted partition), seeded.

Usage (from the repository root)::

    python -m bench analysis                      # via the bench runner (defaults)
    python bench/bench_analysis.py                # table + sampled betweenness (about a minute)
    python bench/bench_analysis.py --exact        # also exact betweenness via igraph (minutes)
    python bench/bench_analysis.py --nodes 5000 --edges 25000 --exact   # quick check
"""
from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path
from typing import Any, Callable

import networkx as nx
import numpy as np
from scipy.stats import spearmanr

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from workbench.analysis import (betweenness, closeness, constraint, key_players,  # noqa: E402
                                louvain, modularity, pagerank)


def planted_graph(n: int, m: int, *, mu: float = 0.2, seed: int = 42) -> tuple[nx.Graph, np.ndarray]:
    """LFR-like graph: power-law community sizes (20..1000) and node weights, mixing ``mu``."""
    rng = np.random.default_rng(seed)
    sizes: list[int] = []
    while sum(sizes) < n:
        sizes.append(int(min(1000, 20 * (1 - rng.random()) ** (-1 / 1.5))))
    sizes[-1] -= sum(sizes) - n
    member = np.repeat(np.arange(len(sizes)), sizes)
    weight = (1 - rng.random(n)) ** (-1 / 1.5)
    by_comm = [np.flatnonzero(member == c) for c in range(len(sizes))]
    p_all = weight / weight.sum()
    p_in = [weight[idx] / weight[idx].sum() for idx in by_comm]
    edges: set[tuple[int, int]] = set()
    while len(edges) < m:
        batch = m - len(edges)
        src = rng.choice(n, size=batch, p=p_all)
        inside = rng.random(batch) >= mu
        dst = rng.choice(n, size=batch, p=p_all)
        for i in np.flatnonzero(inside):
            comm = member[src[i]]
            dst[i] = rng.choice(by_comm[comm], p=p_in[comm])
        edges.update((min(a, b), max(a, b)) for a, b in zip(src.tolist(), dst.tolist()) if a != b)
    G = nx.Graph()
    G.add_nodes_from(range(n))
    G.add_edges_from(list(edges)[:m])
    return G, member


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    out = fn()
    return time.perf_counter() - start, out


def agreement(exact: dict[Any, float], approx: dict[Any, float], top: int = 20) -> tuple[float, float]:
    """Top-``top`` overlap and Spearman rank correlation of two betweenness dictionaries."""
    first = set(sorted(exact, key=lambda v: exact[v], reverse=True)[:top])
    second = set(sorted(approx, key=lambda v: approx[v], reverse=True)[:top])
    nodes = list(exact)
    rho = spearmanr([exact[v] for v in nodes], [approx[v] for v in nodes]).statistic
    return len(first & second) / top, float(rho)


def _steps(G: nx.Graph, args: argparse.Namespace) -> list[tuple[str, Callable[[], Any]]]:
    k, seed, jobs = args.sample, args.seed, args.jobs
    steps: list[tuple[str, Callable[[], Any]]] = [
        ("key_players table", lambda: key_players(G, seed=seed, sample=k, n_jobs=jobs,
                                                  exact_threshold=min(5000, args.nodes - 1))),
        ("pagerank (igraph)", lambda: pagerank(G)),
        (f"betweenness k={k} (igraph, {jobs} jobs)",
         lambda: betweenness(G, k=k, seed=seed, n_jobs=jobs)),
        (f"closeness k={k} (igraph)", lambda: closeness(G, k=k, seed=seed)),
        ("louvain (igraph multilevel)", lambda: louvain(G, seed=seed)),
        ("constraint (sparse)", lambda: constraint(G)),
    ]
    if args.exact:
        steps.append((f"betweenness exact (igraph, {jobs} jobs)",
                      lambda: betweenness(G, n_jobs=jobs)))
    return steps


def _report(G: nx.Graph, steps: list[tuple[str, Any]], results: dict[str, tuple[float, Any]],
            exact: bool) -> None:
    comms = results["louvain (igraph multilevel)"][1]
    print(f"\nlouvain: {len(comms)} communities, modularity {modularity(G, comms):.3f}")
    table_s = results["key_players table"][0]
    print(f"key-player table: {table_s:.1f} s (target < 60 s): {'PASS' if table_s < 60 else 'FAIL'}")
    if exact:
        overlap, rho = agreement(results[steps[-1][0]][1], results[steps[2][0]][1])
        print(f"sampled vs exact betweenness: top-20 overlap {overlap:.2f} (target >= 0.8: "
              f"{'PASS' if overlap >= 0.8 else 'FAIL'}), Spearman {rho:.3f}")
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak memory: {me:.0f} MiB (main process), {kids:.0f} MiB (largest worker)")


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark (``argv`` as on the command line; ``python -m bench analysis`` passes [])."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--nodes", type=int, default=50_000)
    ap.add_argument("--edges", type=int, default=250_000)
    ap.add_argument("--sample", type=int, default=1000, help="betweenness/closeness sources")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--exact", action="store_true", help="also run exact betweenness (igraph)")
    args = ap.parse_args(argv)

    t_gen, (G, member) = timed(lambda: planted_graph(args.nodes, args.edges))
    print(f"graph: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges, "
          f"{member.max() + 1} planted groups, generated in {t_gen:.1f} s")
    base = min(timed(lambda: nx.degree_centrality(G))[0] for _ in range(5))
    steps = _steps(G, args)
    results: dict[str, tuple[float, Any]] = {}
    print(f"\n{'step':<40}{'seconds':>10}{'x baseline':>12}")
    print(f"{'baseline: networkx degree_centrality':<40}{base:>10.3f}{1.0:>12.1f}")
    for name, fn in steps:
        results[name] = timed(fn)
        print(f"{name:<40}{results[name][0]:>10.2f}{results[name][0] / base:>12.0f}", flush=True)
    _report(G, steps, results, args.exact)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
