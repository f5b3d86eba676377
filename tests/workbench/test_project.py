"""Projections: records -> graph with the contract's attributes; the person network's reasons."""
from __future__ import annotations

from tests.factory import projected_case
from workbench.project import node_id, person_network


def test_graph_follows_the_contract():
    G, carlos, ana, *_ = projected_case()
    u = node_id("Person", carlos.key)
    assert G.nodes[u]["label"] == "Person" and G.nodes[u]["name"] == "Carlos Reyes"
    assert G.nodes[u]["first_seen"] == "2026-03-01"
    (_, _, data), = [e for e in G.out_edges(u, data=True) if e[2]["type"] == "RECRUITED"]
    assert data["evidence_count"] == 1 and data["evidence"][0]["sentence"] == "A sentence."


def test_person_network_keeps_the_reasons():
    G, carlos, ana, sgt, cpl = projected_case()
    P = person_network(G)
    c, s = node_id("Person", carlos.key), node_id("Person", sgt.key)
    assert P.edges[c, s]["reasons"] == {"CALLED": 1, "PAID": 1, "same venue": 1}
    assert P.edges[c, s]["weight"] == 3 and "Payment:pay-1" in P.edges[c, s]["via"]
    assert P.edges[c, node_id("Person", ana.key)]["reasons"] == {"RECRUITED": 1}


def test_investigators_and_investigative_ties_are_left_out_unless_asked():
    G, carlos, ana, sgt, cpl = projected_case()
    i = node_id("Person", cpl.key)
    assert i not in person_network(G)
    P = person_network(G, include_investigative=True)
    assert P.edges[i, node_id("Person", carlos.key)]["reasons"] == {"INVESTIGATED": 1}


def test_projection_does_not_touch_its_input():
    G, *_ = projected_case()
    before = (G.number_of_nodes(), G.number_of_edges())
    person_network(G)
    assert (G.number_of_nodes(), G.number_of_edges()) == before
