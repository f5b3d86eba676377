"""Projections: records -> graph with the contract's attributes; the person network's reasons."""
from __future__ import annotations

from graph_schema import NodeRecord
from tests.factory import ev, r, rel
from workbench.project import from_records, node_id, person_network


def case_records():
    """A small case: a recruiter, his victim, a complicit sergeant, an investigating corporal."""
    carlos = r("Person", name="Carlos Reyes", role="suspect")
    ana = r("Person", name="Ana Lopez", role="victim")
    sgt = r("Person", name="Mario Castillo", role="official")
    cpl = r("Person", name="Andrea Pook", role="investigator")
    phone_c, phone_s = NodeRecord("Phone", "+5016221234", {}), NodeRecord("Phone", "+5016339876", {})
    call = NodeRecord("Call", "call-1", {"date": "2026-03-14"})
    pay = NodeRecord("Payment", "pay-1", {"amount": 500.0, "currency": "BZD"})
    bar = r("Organization", name="Sunset Bar", kind="venue")
    rels = [
        rel("RECRUITED", carlos, ana, ev(date="2026-03-01")),
        rel("USES_PHONE", carlos, phone_c), rel("USES_PHONE", sgt, phone_s),
        rel("CALLED", phone_c, call), rel("CALL_TO", call, phone_s),
        rel("PAID", carlos, pay), rel("PAID_TO", pay, sgt),
        rel("SEEN_AT", sgt, bar), rel("OWNS", carlos, bar),
        rel("INVESTIGATED", cpl, carlos), rel("ASSOCIATED_WITH", cpl, ana),
    ]
    return [carlos, ana, sgt, cpl, phone_c, phone_s, call, pay, bar], rels


def _case():
    nodes, rels = case_records()
    return (from_records(nodes, rels), *nodes[:4])


def test_graph_follows_the_contract():
    G, carlos, ana, *_ = _case()
    u = node_id("Person", carlos.key)
    assert G.nodes[u]["label"] == "Person" and G.nodes[u]["name"] == "Carlos Reyes"
    assert G.nodes[u]["first_seen"] == "2026-03-01"
    (_, _, data), = [e for e in G.out_edges(u, data=True) if e[2]["type"] == "RECRUITED"]
    assert data["evidence_count"] == 1 and data["evidence"][0]["sentence"] == "A sentence."


def test_person_network_keeps_the_reasons():
    G, carlos, ana, sgt, cpl = _case()
    P = person_network(G)
    c, s = node_id("Person", carlos.key), node_id("Person", sgt.key)
    assert P.edges[c, s]["reasons"] == {"CALLED": 1, "PAID": 1, "same venue": 1}
    assert P.edges[c, s]["weight"] == 3 and "Payment:pay-1" in P.edges[c, s]["via"]
    assert P.edges[c, node_id("Person", ana.key)]["reasons"] == {"RECRUITED": 1}


def test_investigators_and_investigative_ties_are_left_out_unless_asked():
    G, carlos, ana, sgt, cpl = _case()
    i = node_id("Person", cpl.key)
    assert i not in person_network(G)
    P = person_network(G, include_investigative=True)
    assert P.edges[i, node_id("Person", carlos.key)]["reasons"] == {"INVESTIGATED": 1}


def test_projection_does_not_touch_its_input():
    G, *_ = _case()
    before = (G.number_of_nodes(), G.number_of_edges())
    person_network(G)
    assert (G.number_of_nodes(), G.number_of_edges()) == before
