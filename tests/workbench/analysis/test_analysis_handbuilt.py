"""Small hand-built graphs with answers known by construction."""
from __future__ import annotations

import networkx as nx
import pytest

from workbench.analysis import (articulation_points, betweenness, bridges, closeness, constraint,
                                disruption_plan, effective_size, fragmentation, key_player_set,
                                key_players, louvain, modularity, summary, to_simple)


def test_six_cell_broker_tops_every_broker_measure(six_cell):
    bc, cons, eff = betweenness(six_cell), constraint(six_cell), effective_size(six_cell)
    assert max(bc, key=bc.get) == "Rico"
    assert min(cons, key=cons.get) == "Rico"
    assert max(eff, key=eff.get) == "Rico"
    assert articulation_points(six_cell)[0] == "Rico"
    table = key_players(six_cell)
    assert table.loc[0, "node"] == "Rico" and bool(table.loc[0, "articulation_point"])
    assert key_player_set(six_cell, 1) == ["Rico"]


def test_cut_vertex_and_bridge():
    G = nx.Graph([("a", "b"), ("b", "c"), ("c", "a"), ("c", "d"), ("d", "e"), ("e", "f"),
                  ("f", "d")])
    assert sorted(articulation_points(G)) == ["c", "d"]
    assert [tuple(sorted(e)) for e in bridges(G)] == [("c", "d")]


@pytest.fixture
def two_cliques_one_go_between() -> nx.Graph:
    """Two 6-cliques; the go-between 'gb' (degree 4) is their only link; hubs have degree 6."""
    G = nx.disjoint_union(nx.complete_graph(6), nx.complete_graph(6))
    G = nx.relabel_nodes(G, {i: f"a{i}" if i < 6 else f"b{i - 6}" for i in G})
    G.add_edges_from([("gb", "a0"), ("gb", "a1"), ("gb", "b0"), ("gb", "b1")])
    G.add_edges_from([("a5", "x1"), ("x1", "x2"), ("x2", "a4"), ("b5", "y1"), ("y1", "y2"),
                      ("y2", "b4")])
    return G


def test_kpp_beats_top_degree(two_cliques_one_go_between):
    plan = disruption_plan(two_cliques_one_go_between, 1, seed=3).set_index("strategy")
    kpp = plan.loc["key players (greedy + swap)"]
    assert kpp["set"] == ["gb"]
    assert kpp["fragmentation"] > plan.loc["top degree", "fragmentation"]
    assert kpp["fragmentation"] >= plan.loc["top betweenness", "fragmentation"]
    assert kpp["largest_component"] < plan.loc["top degree", "largest_component"]
    assert plan.loc["none", "fragmentation"] == 0.0


@pytest.mark.parametrize("removed, expected", [([], 0.0), (["b"], 1.0), (["a"], 0.0)])
def test_fragmentation_formula(removed, expected):
    assert fragmentation(nx.path_graph(["a", "b", "c"]), removed)["fragmentation"] == expected


@pytest.mark.parametrize("weight", [None, "weight"])
def test_structural_holes_match_networkx_definitions(weight):
    G = nx.karate_club_graph()
    G.add_node("isolate")
    ours_c, ours_e = constraint(G, weight=weight), effective_size(G, weight=weight)
    nodes = [n for n in G if n != "isolate"]
    # networkx's per-node path: its vectorized weighted effective_size divides by the row maximum
    # along the wrong axis in 3.6.1 (networkx/networkx pull request #8906, open)
    theirs_c = nx.constraint(G, nodes=nodes, weight=weight)
    theirs_e = nx.effective_size(G, nodes=nodes, weight=weight)
    assert {n: ours_c[n] for n in nodes} == pytest.approx(theirs_c)
    assert {n: ours_e[n] for n in nodes} == pytest.approx(theirs_e)
    assert ours_c["isolate"] != ours_c["isolate"]  # NaN, as networkx


def test_igraph_subset_betweenness_is_linear_in_sources():
    import igraph as ig
    import numpy as np

    G = nx.karate_club_graph()
    g = ig.Graph(n=34, edges=list(G.edges()))
    whole = np.asarray(g.betweenness(directed=False, sources=[0, 5, 9]))
    parts = sum(np.asarray(g.betweenness(directed=False, sources=[s])) for s in (0, 5, 9))
    assert whole == pytest.approx(parts)


@pytest.mark.parametrize("threshold", [0, 10_000])
def test_sampling_every_source_is_exact(threshold):
    G = nx.karate_club_graph()
    exact = betweenness(G)
    assert betweenness(G, k=33, seed=1, igraph_threshold=threshold) == pytest.approx(
        exact, abs=0.08)
    assert betweenness(G, k=34, igraph_threshold=threshold) == pytest.approx(exact)
    assert closeness(G, k=34, igraph_threshold=0) == pytest.approx(closeness(G))


def test_parallel_sampled_betweenness_equals_serial():
    G = nx.karate_club_graph()
    one = betweenness(G, k=12, seed=4, igraph_threshold=0)
    assert betweenness(G, k=12, seed=4, igraph_threshold=0, n_jobs=2) == pytest.approx(one)


def test_closeness_on_disconnected_graph_matches_networkx():
    G = nx.disjoint_union(nx.karate_club_graph(), nx.path_graph(5))
    G.add_node("alone")
    assert closeness(G, igraph_threshold=0) == pytest.approx(nx.closeness_centrality(G))


@pytest.mark.parametrize("threshold", [0, 10_000])
def test_louvain_is_seeded_and_finds_planted_groups(threshold):
    G = nx.planted_partition_graph(4, 12, 0.9, 0.02, seed=7)
    first = louvain(G, seed=5, igraph_threshold=threshold)
    assert first == louvain(G, seed=5, igraph_threshold=threshold)
    assert sorted(len(c) for c in first) == [12, 12, 12, 12]
    assert modularity(G, first) > 0.6


def test_key_players_sampled_path_on_a_larger_plain_graph():
    G = nx.barabasi_albert_graph(600, 3, seed=2)
    table = key_players(G, exact_threshold=100, sample=300, seed=1)
    assert table.attrs["betweenness_sources"] == 300
    assert len(table) == 600 and table["rank"].is_monotonic_increasing
    assert set(table.head(3)["node"]) <= set(sorted(G, key=G.degree, reverse=True)[:6])


def test_plain_graph_without_attributes():
    G = nx.path_graph(4)
    table = key_players(G)
    assert list(table.columns[:4]) == ["node", "name", "label", "role"]
    assert table["name"].tolist()[:2] in (["1", "2"], ["2", "1"])
    assert summary(G)["edges"] == 3
    assert to_simple(G).edges[0, 1]["weight"] == 1.0
