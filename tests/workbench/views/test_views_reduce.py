"""Above the threshold a view reduces itself and says what it left out."""
from __future__ import annotations

import networkx as nx

from workbench.views import network_html, reduce_graph


def big_graph(n: int = 2000) -> nx.Graph:
    G = nx.barabasi_albert_graph(n, 2, seed=3)
    return nx.relabel_nodes(G, {i: f"Person:{i}" for i in G})


def test_small_graph_is_drawn_whole(case, data_of):
    page = network_html(case, collapse=False)  # the payment stays a node
    assert "Reduced view" not in page
    assert len(data_of(page)["nodes"]) == case.number_of_nodes()


def test_top_reduction_keeps_the_hubs_and_notes_it(data_of):
    G = big_graph()
    page = network_html(G, max_nodes=1500)
    data = data_of(page)
    ids = {n["id"] for n in data["nodes"]}
    assert len(ids) == 1500
    hub = max(G.degree, key=lambda t: t[1])[0]
    assert hub in ids
    assert "Reduced view: showing 1,500 of 2,000 nodes" in page and "500 nodes left out" in page


def test_community_reduction_collapses(data_of):
    G = big_graph(600)
    H, note = reduce_graph(G, max_nodes=100, method="communities")
    assert note.method == "communities" and H.number_of_nodes() == note.nodes_shown <= 100
    assert sum(d["size"] for _, d in H.nodes(data=True)) == 600
    page = network_html(G, max_nodes=100, reduce="communities")
    assert "collapsed into" in page
