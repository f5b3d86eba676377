"""Regression: measures on the tiniest graphs (two people, one tie) must not crash."""
import networkx as nx

from workbench.analysis import eigenvector, key_players


def test_eigenvector_on_two_nodes():
    assert eigenvector(nx.path_graph(2)) == {0: 0.7071067811865475, 1: 0.7071067811865475} or \
        all(abs(v - 0.7071) < 1e-3 for v in eigenvector(nx.path_graph(2)).values())


def test_key_players_on_two_nodes():
    assert len(key_players(nx.path_graph(2))) == 2
