"""GEXF 1.3, GraphML and i2 hand-offs open right: structure, drawing, time, links between entities.

The GEXF check is structural (the GEXF 1.3 schema's rules for what we write, spelled out below),
so it runs offline: namespaces and version, declared and typed attributes, unique ids, edges
between existing nodes, viz colour/size/position/shape in range, dated intervals and spells.
"""
from __future__ import annotations

import csv
import datetime as dt
import json
import xml.etree.ElementTree as ET

import networkx as nx
import pytest

from workbench.exports import (ENTITY_COLUMNS, GEXF_NS, LINK_COLUMNS, VIZ_NS, gexf_document, to_gexf, to_graphml,
                               to_i2_csv)
from workbench.views.style import view_style

G_ = f"{{{GEXF_NS}}}"
V_ = f"{{{VIZ_NS}}}"
GEXF_TYPES = {"integer": int, "long": int, "double": float, "float": float, "boolean": {"true", "false"}.__contains__,
              "string": str, "liststring": str, "anyURI": str, "date": dt.date.fromisoformat}
NODE_CHILDREN = {G_ + "attvalues", G_ + "spells", V_ + "color", V_ + "position", V_ + "size", V_ + "shape"}
EDGE_CHILDREN = {G_ + "attvalues", G_ + "spells", V_ + "color", V_ + "thickness", V_ + "shape"}


def ev(note: str, sentence: str, date: str = "2024-03-01") -> list[dict]:
    return [{"note_id": note, "sentence": sentence, "confidence": 0.9, "date": date}]


def call(G: nx.MultiDiGraph, cid: str, a: str, b: str, at: str, seconds: int) -> None:
    G.add_node(cid, label="Call", key=cid.split(":")[1], name=f"voice call {at}", date=at[:10], at=at, duration_s=seconds,
               first_seen=at[:10], last_seen=at[:10])
    G.add_edge(a, cid, type="CALLED", evidence=ev("calls.csv", f"{a},{b},{at},{seconds}", at[:10]), first_seen=at[:10])
    G.add_edge(cid, b, type="CALL_TO", evidence=ev("calls.csv", f"{a},{b},{at},{seconds}", at[:10]), first_seen=at[:10])


def pay(G: nx.MultiDiGraph, pid: str, a: str, b: str | None, day: str, amount: float) -> None:
    G.add_node(pid, label="Payment", key=pid.split(":")[1], name=f"BZD {amount}", amount=amount, currency="BZD",
               channel="Western Union", date=day, first_seen=day, last_seen=day)
    G.add_edge(a, pid, type="PAID", evidence=ev("transfers.csv", f"{a} paid {amount}", day), first_seen=day)
    if b:
        G.add_edge(pid, b, type="PAID_TO", evidence=ev("transfers.csv", f"to {b}", day), first_seen=day)


@pytest.fixture
def ring() -> nx.MultiDiGraph:
    """Two suspects, a victim, an official; their phones and an account; calls and payments."""
    G = nx.MultiDiGraph()
    for node, name, role in (("Person:s1", "Carlos Reyes", "suspect"), ("Person:s2", "Luis Lopez", "suspect"),
                             ("Person:v1", "Maria Lopez", "victim"), ("Person:o1", "Daniel Pop", "official")):
        G.add_node(node, label="Person", key=node[7:], name=name, role=role, evidence_count=3,
                   first_seen="2024-02-01", last_seen="2024-04-30")
    for node in ("Phone:+5016001111", "Phone:+5016002222"):
        G.add_node(node, label="Phone", key=node[6:], name=node[6:], evidence_count=5)
    G.add_node("Account:77", label="Account", key="77", name="77", evidence_count=1)
    G.add_edge("Person:s1", "Phone:+5016001111", type="USES_PHONE", evidence=ev("n1", "Reyes uses 6001111."),
               evidence_count=1, first_seen="2024-02-01", last_seen="2024-02-01")
    G.add_edge("Person:s2", "Phone:+5016002222", type="USES_PHONE", evidence=ev("n2", "Lopez uses 6002222."),
               evidence_count=1, first_seen="2024-02-03", last_seen="2024-02-03")
    G.add_edge("Person:s1", "Person:v1", type="RECRUITED", evidence=ev("n3", "Carlos Reyes recruited Maria Lopez."),
               evidence_count=2, first_seen="2024-02-10", last_seen="2024-02-12")
    G.add_edge("Person:s2", "Account:77", type="HOLDS_ACCOUNT", evidence=ev("n4", "Lopez holds account 77."),
               evidence_count=1)
    call(G, "Call:c1", "Phone:+5016001111", "Phone:+5016002222", "2024-03-01T21:15:00", 95)
    call(G, "Call:c2", "Phone:+5016002222", "Phone:+5016001111", "2024-03-04T08:02:10", 30)
    pay(G, "Payment:p1", "Account:77", "Person:o1", "2024-03-05", 500.0)
    pay(G, "Payment:p2", "Person:s1", None, "2024-03-06", 80.0)  # payee unknown: stays an entity
    return G


def check_gexf_13(root: ET.Element) -> dict[str, int]:
    """Assert the GEXF 1.3 structure of what we write; return counts of what was checked."""
    assert root.tag == G_ + "gexf" and root.get("version") == "1.3"
    graph = root.find(G_ + "graph")
    assert graph is not None and [c.tag for c in root] in ([G_ + "meta", G_ + "graph"], [G_ + "graph"])
    assert graph.get("defaultedgetype") in {"directed", "undirected", "mutual"}
    assert graph.get("mode") in {"static", "dynamic"} and graph.get("timeformat") in {None, "integer", "double", "date", "dateTime"}
    assert graph.get("timerepresentation") in {None, "interval", "timestamp"}
    declared: dict[str, dict[str, str]] = {"node": {}, "edge": {}}
    for block in graph.findall(G_ + "attributes"):
        assert block.get("class") in declared and block.get("mode") in {"static", "dynamic"}
        for a in block.findall(G_ + "attribute"):
            assert a.get("id") not in declared[block.get("class")] and a.get("type") in GEXF_TYPES and a.get("title")
            declared[block.get("class")][a.get("id")] = a.get("type")
    counts = {"nodes": 0, "edges": 0, "viz": 0, "intervals": 0, "spells": 0, "attvalues": 0}

    def check_time(el: ET.Element) -> None:
        if el.get("start") or el.get("end"):
            assert dt.date.fromisoformat(el.get("start")) <= dt.date.fromisoformat(el.get("end"))
            counts["intervals"] += 1
        for spell in el.iter(G_ + "spell"):
            assert dt.date.fromisoformat(spell.get("start")) <= dt.date.fromisoformat(spell.get("end"))
            counts["spells"] += 1

    def check_values(el: ET.Element, cls: str) -> None:
        for v in el.iter(G_ + "attvalue"):
            kind = declared[cls][v.get("for")]
            parse = GEXF_TYPES[kind]
            assert parse(v.get("value")) is not False, (kind, v.get("value"))
            counts["attvalues"] += 1

    ids = set()
    for node in graph.find(G_ + "nodes"):
        assert node.tag == G_ + "node" and node.get("id") not in ids and node.get("label") is not None
        ids.add(node.get("id"))
        assert {c.tag for c in node} <= NODE_CHILDREN
        check_time(node)
        check_values(node, "node")
        colour, pos, size = node.find(V_ + "color"), node.find(V_ + "position"), node.find(V_ + "size")
        assert all(0 <= int(colour.get(c)) <= 255 for c in "rgb") and 0 <= float(colour.get("a")) <= 1
        assert all(abs(float(pos.get(c))) < 1e6 for c in "xyz") and float(size.get("value")) > 0
        assert node.find(V_ + "shape").get("value") in {"disc", "square", "triangle", "diamond", "image"}
        counts["nodes"] += 1
        counts["viz"] += 1
    edge_ids = set()
    for edge in graph.find(G_ + "edges"):
        assert edge.tag == G_ + "edge" and edge.get("id") not in edge_ids
        edge_ids.add(edge.get("id"))
        assert edge.get("source") in ids and edge.get("target") in ids and float(edge.get("weight")) > 0
        assert {c.tag for c in edge} <= EDGE_CHILDREN
        check_time(edge)
        check_values(edge, "edge")
        counts["edges"] += 1
    return counts


def test_gexf_is_13_with_viz_and_time(ring, tmp_path):
    path = to_gexf(ring, tmp_path / "ring.gexf")
    root = ET.parse(path).getroot()
    counts = check_gexf_13(root)
    assert counts["nodes"] == ring.number_of_nodes() and counts["edges"] == ring.number_of_edges()
    assert counts["intervals"] >= 10  # people, calls, payments and dated links carry start/end
    node = {n.get("id"): n for n in root.iter(G_ + "node")}
    colour = node["Person:v1"].find(V_ + "color")
    expected = view_style("Person", "victim")["color"]
    assert "#%02x%02x%02x" % tuple(int(colour.get(c)) for c in "rgb") == expected
    assert node["Person:v1"].get("label") == "Victim 1" and node["Person:v1"].get("start") == "2024-02-01"
    assert "Maria Lopez" not in path.read_text(encoding="utf-8")
    back = nx.read_gexf(path, version="1.3")
    assert back.number_of_edges() == ring.number_of_edges()
    assert back.nodes["Call:c1"]["viz"]["position"]["x"] == float(node["Call:c1"].find(V_ + "position").get("x"))


def test_gexf_folded_links_play_on_the_timeline(ring):
    root = ET.fromstring(gexf_document(ring, collapse=True))
    counts = check_gexf_13(root)
    calls = [e for e in root.iter(G_ + "edge") if e.get("label") == "CALLED"]
    assert len(calls) == 1 and float(calls[0].get("weight")) == 2.0  # two calls, either way, one link
    assert sorted(s.get("start") for s in calls[0].iter(G_ + "spell")) == ["2024-03-01", "2024-03-04"]
    assert counts["spells"] == 3  # the two calls and the payment to the official
    assert not any(n.get("id") == "Call:c1" for n in root.iter(G_ + "node"))
    assert any(n.get("id") == "Payment:p2" for n in root.iter(G_ + "node"))  # payee unknown: kept as a node


def test_graphml_has_the_same_drawing_as_typed_keys(ring, tmp_path):
    path = to_graphml(ring, tmp_path / "ring.graphml")
    keys = {(k.get("for"), k.get("attr.name")): k.get("attr.type")
            for k in ET.parse(path).getroot().iter("{http://graphml.graphdrawing.org/xmlns}key")}
    for name, kind in (("r", "long"), ("g", "long"), ("b", "long"), ("size", "double"), ("x", "double"),
                       ("y", "double"), ("color", "string"), ("shape", "string"), ("start", "string"), ("end", "string")):
        assert keys[("node", name)] == kind, name
    assert keys[("edge", "color")] == "string" and keys[("node", "evidence_count")] == "long"
    G = nx.read_graphml(path)
    gexf = {n.get("id"): n for n in ET.fromstring(gexf_document(ring)).iter(G_ + "node")}
    pos = gexf["Person:s1"].find(V_ + "position")
    assert (G.nodes["Person:s1"]["x"], G.nodes["Person:s1"]["y"]) == (float(pos.get("x")), float(pos.get("y")))
    assert G.nodes["Person:v1"]["name"] == "Victim 1" and G.nodes["Person:v1"]["start"] == "2024-02-01"


def read_csv(path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_i2_calls_and_payments_are_links_between_entities(ring, tmp_path):
    entities_path, links_path = to_i2_csv(ring, tmp_path / "i2")
    spec = json.loads((tmp_path / "i2" / "i2_import_specification.json").read_text(encoding="utf-8"))
    assert (tmp_path / "i2" / "i2_import_specification.txt").read_text(encoding="utf-8").startswith("i2 Analyst")
    entities, links = read_csv(entities_path), read_csv(links_path)
    assert list(entities[0])[: len(ENTITY_COLUMNS)] == ENTITY_COLUMNS and list(links[0]) == LINK_COLUMNS
    ent_design, link_design = spec["designs"]
    assert {ent_design["identity"], ent_design["type"], ent_design["label"], *ent_design["attributes"]} <= set(entities[0])
    named = [link_design["end1"][k] for k in ("identity", "type", "label")] + [link_design["end2"][k] for k in ("identity", "type", "label")]
    named += [v for k, v in link_design["link"].items() if isinstance(v, str)] + link_design["link"]["attributes"]
    assert set(named) <= set(links[0])
    ids = {e["id"] for e in entities}
    assert all(link["from"] in ids and link["to"] in ids for link in links)  # every link row points at two entities
    assert not ids & {"Call:c1", "Call:c2", "Payment:p1"} and "Payment:p2" in ids
    by_id = {link["id"]: link for link in links}
    c1 = by_id["Call:c1"]
    assert (c1["from"], c1["to"], c1["type"], c1["date"], c1["time"], c1["duration_s"], c1["direction"]) == (
        "Phone:+5016001111", "Phone:+5016002222", "CALLED", "2024-03-01", "21:15:00", "95", "forward")
    p1 = by_id["Payment:p1"]
    assert (p1["from"], p1["to"], p1["amount"], p1["currency"], p1["date"]) == ("Account:77", "Person:o1", "500.0", "BZD", "2024-03-05")
    assert p1["to_label"] == "Daniel Pop" and p1["from_type"] == "Account"
    assert {e["id"]: e["i2_type"] for e in entities}["Phone:+5016001111"] == "Telephone"
    text = entities_path.read_text(encoding="utf-8") + links_path.read_text(encoding="utf-8")
    assert "Maria Lopez" not in text and "Victim 1" in text


def test_i2_person_network_links_point_at_entities(tmp_path):
    P = nx.Graph()
    P.add_node("Person:a", label="Person", name="A", role="suspect")
    P.add_node("Person:b", label="Person", name="B", role="victim")
    P.add_edge("Person:a", "Person:b", weight=3, reasons={"CALLED": 2, "shared Phone": 1}, via=["Phone:+501"])
    entities, links = (read_csv(p) for p in to_i2_csv(P, tmp_path))
    assert links[0]["type"] == "CALLED, shared Phone" and links[0]["direction"] == "none"
    assert {links[0]["from"], links[0]["to"]} == {e["id"] for e in entities}
