"""Exports read back with networkx / csv, and are pseudonymized unless reveal=True."""
from __future__ import annotations

import csv
import json

import networkx as nx

from workbench.exports import ENTITY_COLUMNS, LINK_COLUMNS, to_gexf, to_graphml, to_i2_csv

REAL = ("Maria Lopez", "Ana Cruz", "Jose Pena", "Mari ")


def _text(path) -> str:
    return path.read_text(encoding="utf-8")


def test_graphml_round_trip_pseudonymized(case, tmp_path):
    path = to_graphml(case, tmp_path / "case.graphml")
    G = nx.read_graphml(path)
    assert G.number_of_nodes() == case.number_of_nodes() and G.number_of_edges() == case.number_of_edges()
    assert G.nodes["Person:v2"]["name"] == "Victim 2"
    rows = [json.loads(d["evidence"]) for _, _, d in G.edges(data=True)]
    assert any(r[0]["sentence"] == "Carlos Reyes recruited Victim 2 in Chetumal." for r in rows)
    assert not any(name in _text(path) for name in REAL)


def test_gexf_round_trip(case, tmp_path):
    path = to_gexf(case, tmp_path / "case.gexf")
    G = nx.read_gexf(path)
    assert G.number_of_edges() == case.number_of_edges()
    assert G.nodes["Person:w1"]["label"] == "Witness 1" and G.nodes["Person:w1"]["kind"] == "Person"
    assert {d["rel_type"] for _, _, d in G.edges(data=True)} >= {"RECRUITED", "TIPPED_OFF"}
    assert not any(name in _text(path) for name in REAL)


def test_i2_csv(case, tmp_path):
    entities, links = to_i2_csv(case, tmp_path / "i2")
    with entities.open(encoding="utf-8") as fh:
        ents = list(csv.DictReader(fh))
    with links.open(encoding="utf-8") as fh:
        lnks = list(csv.DictReader(fh))
    assert list(ents[0])[: len(ENTITY_COLUMNS)] == ENTITY_COLUMNS and list(lnks[0]) == LINK_COLUMNS
    by_id = {e["id"]: e for e in ents}
    assert by_id["Person:v1"]["label"] == "Victim 1" and by_id["Person:o1"]["agency"] == "Police"
    recruited = [l for l in lnks if l["type"] == "RECRUITED" and l["to"] == "Person:v2"][0]
    assert recruited["evidence_count"] == "4" and recruited["top_note_id"] == "n1"
    assert recruited["top_sentence"] == "Carlos Reyes recruited Victim 2 in Chetumal."
    assert not any(name in _text(entities) + _text(links) for name in REAL)


def test_reveal_is_explicit(case, tmp_path):
    path = to_graphml(case, tmp_path / "revealed.graphml", reveal=True)
    assert "Maria Lopez" in _text(path)


def test_person_network_exports(tmp_path):
    P = nx.Graph()
    P.add_node("Person:a", label="Person", name="A", role="suspect")
    P.add_node("Person:b", label="Person", name="B", role="victim")
    P.add_edge("Person:a", "Person:b", weight=3, reasons={"CALLED": 2, "shared Phone": 1}, via=["Phone:+501"])
    assert nx.read_graphml(to_graphml(P, tmp_path / "p.graphml")).number_of_edges() == 1
    assert nx.read_gexf(to_gexf(P, tmp_path / "p.gexf")).number_of_edges() == 1
    _, links = to_i2_csv(P, tmp_path)
    assert "CALLED, shared Phone" in _text(links)
