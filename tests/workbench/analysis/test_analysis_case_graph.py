"""The entity-graph shape of docs/CONTRACTS.md: summed weights, paths with evidence, ties, time."""
from __future__ import annotations

import copy

import networkx as nx
import pandas as pd
import pytest

import workbench.analysis as wa


def test_to_simple_sums_evidence_and_drops_notes(case_graph):
    H = wa.to_simple(case_graph)
    assert "Note:n1" not in H and isinstance(H, nx.Graph) and not H.is_directed()
    assert H.nodes["Person:carlos"]["role"] == "suspect"
    assert H["Person:carlos"]["Person:maria"] == {"weight": 1.0, "count": 1,
                                                  "types": ["RECRUITED"]}


def test_key_players_restricted_to_people(case_graph):
    table = wa.key_players(case_graph, labels=("Person",))
    assert set(table["label"]) == {"Person"} and len(table) == 5
    assert table.loc[0, "name"] in {"Carlos Reyes", "Maria L.", "Rosa Diaz"}
    everyone = wa.key_players(case_graph)
    assert len(everyone) == case_graph.number_of_nodes() - 1  # the Note is not an actor
    assert everyone["rank"].min() == 1


def test_path_from_recruiter_to_official_carries_evidence(case_graph):
    hops = wa.shortest_path(case_graph, "Person:maria", "Person:cpl")
    assert [h["target"] for h in hops] == ["Person:carlos", "Payment:p1", "Person:cpl"]
    assert hops[0]["types"] == ["RECRUITED"] and hops[0]["first_seen"] == "2024-02-10"
    assert hops[2]["evidence"][0]["sentence"] == "Carlos paid the corporal 500 dollars."
    frame = wa.path_frame(case_graph, "Person:maria", "Person:cpl", k=3)
    assert frame["path"].max() >= 2 and frame.loc[0, "note_ids"] == ["note-0"]
    assert wa.shortest_path(case_graph, "Person:maria", "Person:maria") == []


def test_unknown_node_is_a_clear_error(case_graph):
    with pytest.raises(nx.NodeNotFound, match="Person:nobody"):
        wa.shortest_path(case_graph, "Person:nobody", "Person:cpl")


def test_person_network_measures_and_path_reasons(case_graph):
    P = person_network(case_graph)
    assert wa.key_players(P).loc[0, "node"] == "Person:carlos"
    assert wa.weighted_degree(P)["Person:carlos"] == 4.0
    hops = wa.shortest_path(P, "Person:maria", "Person:cpl")
    assert [h["types"] for h in hops] == [["RECRUITED"], ["PAID"]]


def test_shared_phone_and_hidden_ties(case_graph):
    pairs = wa.shared_phones(case_graph)
    assert pairs[["u", "v", "phone"]].values.tolist() == [
        ["Person:carlos", "Person:rosa", "Phone:+5016221234"]]
    ties = wa.hidden_ties(case_graph)
    aa = ties[ties.method == "adamic_adar"]
    carlos_rosa = aa[(aa.u == "Person:carlos") & (aa.v == "Person:rosa")]
    assert "Phone: +5016221234" in carlos_rosa["reasons"].iloc[0]
    assert set(ties["method"]) == {"adamic_adar", "common_neighbours", "jaccard"}


def test_leads(case_graph):
    found = wa.leads(case_graph)
    kinds = dict(zip(found["reason"] + "|" + found["node"], found["detail"]))
    assert "phone with no known user|Phone:+5016000000" in kinds
    assert "known only by a phone number|Person:5016339999" in kinds
    assert "mentioned once|Person:5016339999" in kinds
    assert "phone with no known user|Phone:+5016221234" not in kinds


def test_timeline_and_activity(case_graph):
    t = wa.timeline(case_graph, node="Person:cpl")
    assert t["date"].is_monotonic_increasing
    assert {"payment", "call", "PAID_TO"} <= set(t["kind"])
    pay = t[t.kind == "payment"].iloc[0]
    assert (pay["node"], pay["other"], pay["detail"]) == ("Person:carlos", "Person:cpl",
                                                          "BZD 500 via cash")
    act = wa.activity(case_graph, "MS")
    assert act.index[0] == pd.Timestamp("2024-01-01") and act.sum().sum() == len(wa.timeline(case_graph))
    seen = wa.first_last_seen(case_graph).set_index("node")
    assert seen.loc["Person:maria", "first_seen"] == pd.Timestamp("2024-02-10")


PUBLIC = [
    lambda G: wa.key_players(G, labels=("Person",)), wa.degree, wa.weighted_degree,
    wa.betweenness, wa.closeness, wa.eigenvector, wa.pagerank, wa.core_number, wa.constraint,
    wa.effective_size, wa.articulation_points, wa.bridges, wa.louvain, wa.summary, wa.density,
    wa.centralization, lambda G: wa.disruption_plan(G, 2), wa.hidden_ties, wa.leads,
    wa.shared_phones, wa.timeline, wa.activity, wa.first_last_seen, wa.to_simple,
    lambda G: wa.path_frame(G, "Person:maria", "Person:cpl", k=2),
    lambda G: wa.betweenness(G, igraph_threshold=0, k=4),
    lambda G: wa.louvain(G, igraph_threshold=0),
]


def _snapshot(G: nx.Graph) -> tuple:
    edges = G.edges(keys=True, data=True) if G.is_multigraph() else G.edges(data=True)
    return copy.deepcopy(dict(G.nodes(data=True))), copy.deepcopy(list(edges))


def person_network(case: nx.MultiDiGraph) -> nx.Graph:
    """The person-network shape of docs/CONTRACTS.md (weight, reasons, via) built from the case."""
    P = nx.Graph()
    P.add_nodes_from((n, d) for n, d in case.nodes(data=True) if d["label"] == "Person")
    P.add_edge("Person:carlos", "Person:maria", weight=1, reasons={"RECRUITED": 1}, via=[])
    P.add_edge("Person:carlos", "Person:rosa", weight=1, reasons={"shared Phone": 1},
               via=["Phone:+5016221234"])
    P.add_edge("Person:carlos", "Person:cpl", weight=2, reasons={"PAID": 2}, via=["Payment:p1"])
    P.add_edge("Person:rosa", "Person:maria", weight=1, reasons={"HARBORED": 1}, via=[])
    return P


@pytest.mark.parametrize("fn", PUBLIC)
@pytest.mark.parametrize("shape", ["entity", "person network"])
def test_functions_do_not_mutate_the_graph(case_graph, fn, shape):
    G = case_graph if shape == "entity" else person_network(case_graph)
    before = _snapshot(G)
    fn(G)
    assert _snapshot(G) == before
