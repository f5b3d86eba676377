"""Readable by default, decided in Python: folded events, no overlapping discs, a strip for small
components, top labels with room, one distinct colour per kind, controls data, visible RTL, CSP."""
from __future__ import annotations

import math
import re

import networkx as nx
import numpy as np
import pytest

from graph_schema import load_schema
from workbench.views import network_html
from workbench.views.events import collapse_events
from workbench.views.layout import label_box, labelled_layout, layout
from workbench.views.placement import place
from workbench.views.page import CSP
from workbench.views.style import SHAPE_REACH, style_table

SCHEMA = load_schema()


def with_calls(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The case plus a second phone and three calls between the two phones."""
    G.add_node("Phone:+5016339999", label="Phone", key="+5016339999", name="+5016339999")
    G.add_edge("Person:s1", "Phone:+5016339999", type="USES_PHONE", evidence_count=1)
    for i, (a, b, day) in enumerate([("Phone:+5016221234", "Phone:+5016339999", "2024-03-02"),
                                     ("Phone:+5016339999", "Phone:+5016221234", "2024-03-05"),
                                     ("Phone:+5016221234", "Phone:+5016339999", "2024-04-20")]):
        G.add_node(f"Call:c{i}", label="Call", key=f"c{i}", name=f"voice call {day}", date=day, at=f"{day}T10:0{i}:00",
                   duration_s=30 + i, first_seen=day, last_seen=day)
        G.add_edge(a, f"Call:c{i}", type="CALLED", first_seen=day, last_seen=day, evidence=[
            {"note_id": "calls.csv", "sentence": f"{a},{b},{day}", "confidence": 1.0, "date": day}])
        G.add_edge(f"Call:c{i}", b, type="CALL_TO", first_seen=day, last_seen=day)
    return G


def test_calls_and_payments_fold_into_weighted_pair_links(case):
    H, folded = collapse_events(with_calls(case))
    assert folded == 4 and not any(str(n).startswith(("Call:", "Payment:")) for n in H)
    calls = [d for u, v, d in H.edges(data=True) if d.get("type") == "CALLED"]
    assert len(calls) == 1 and calls[0]["count"] == 3 and calls[0]["directions"] == ["backward", "forward"]
    assert (calls[0]["first_seen"], calls[0]["last_seen"]) == ("2024-03-02", "2024-04-20")
    assert [e["duration_s"] for e in calls[0]["events"]] == [30, 31, 32]
    paid = [(u, v, d) for u, v, d in H.edges(data=True) if d.get("type") == "PAID"]
    assert [(u, v, d["total"]) for u, v, d in paid] == [("Person:s2", "Person:o1", "BZD 500.00")]


def overlaps(pos, radius) -> int:
    ids = list(pos)
    xy = np.array([pos[n] for n in ids])
    r = np.array([radius[n] for n in ids])
    d = np.hypot(*(xy[:, None, :] - xy[None, :, :]).transpose(2, 0, 1))
    iu = np.triu_indices(len(ids), 1)
    return int((d[iu] < (r[:, None] + r[None, :])[iu]).sum())


@pytest.mark.parametrize("G", [nx.complete_graph(12), nx.star_graph(60), nx.barabasi_albert_graph(400, 2, seed=1),
                               nx.disjoint_union(nx.path_graph(30), nx.empty_graph(7))], ids=["clique", "star", "ba400", "isolates"])
def test_layout_leaves_no_two_discs_overlapping(G):
    sizes = {n: 10.0 + (n % 5) * 6 for n in G}
    assert overlaps(layout(G, sizes=sizes), sizes) == 0


def test_placement_known_answer():
    xy = place(np.array([[0.0, 0.0], [1.0, 0.0], [300.0, 0.0]]), np.array([10.0, 10.0, 10.0]), [0, 1, 2], gap=0.0)
    assert xy[0].tolist() == [0.0, 0.0] and xy[2].tolist() == [300.0, 0.0]  # free targets are kept
    assert 20.0 <= math.dist(xy[0], xy[1]) <= 21.0  # the second goes to the nearest free spot


def test_small_components_go_to_a_strip_below():
    G = nx.Graph(nx.path_graph(12))
    G.add_edges_from([("a", "b"), ("c", "d")])
    G.add_node("alone")
    pos = layout(G)
    main_bottom = max(pos[n][1] for n in range(12))
    assert all(pos[n][1] > main_bottom for n in ("a", "b", "c", "d", "alone"))


def test_top_labels_get_room_no_disc_sits_on_them():
    G = nx.barabasi_albert_graph(150, 2, seed=4)
    top = sorted(G, key=lambda n: -G.degree(n))[:20]
    pos, font = labelled_layout(G, {n: f"Person number {n}" for n in top})
    for n in top:
        w, h, off = label_box(14.0, font, len(f"Person number {n}"))
        x, y = pos[n]
        for m, (px, py) in pos.items():
            if m == n:
                continue
            cx, cy = min(max(px, x - w / 2), x + w / 2), min(max(py, y + off), y + off + h)
            assert math.hypot(cx - px, cy - py) >= 14.0, (n, m)


def test_every_kind_of_the_schema_has_its_own_colour():
    table = style_table(SCHEMA)
    assert len({s["color"] for s in table.values()}) == len(table)
    assert all(s["shape"] in SHAPE_REACH for s in table.values())
    assert table[("Person", "official")]["color"] == SCHEMA.node("Person").role_styles["official"]["color"]


def test_page_data_for_controls(case, data_of):
    data = data_of(network_html(with_calls(case)))
    keys = {row["key"] for row in data["legend"]}
    assert {"Person|victim", "Person|suspect", "Phone|", "Organization|"} <= keys
    assert len({row["color"] for row in data["legend"]}) == len(data["legend"])
    assert {t["type"] for t in data["types"]} >= {"CALLED", "RECRUITED", "PAID"}
    assert data["dates"] == ["2024-03-01", "2024-04-20"]
    link = next(e for e in data["edges"] if e["type"] == "CALLED")
    assert link["count"] == 3 and [x["date"] for x in link["events"]] == ["2024-03-02", "2024-03-05", "2024-04-20"]
    assert link["arrows"] == "to;from" and link["title"].startswith("3 calls: +5016221234 ↔ +5016339999")
    tops = [n for n in data["nodes"] if n.get("top")]
    assert len(tops) == len(data["top"]) == min(20, len(data["nodes"])) and all(n["font"]["size"] >= 14 for n in tops)


def test_direction_overrides_show_and_every_page_has_the_policy(case):
    case.nodes["Person:s1"]["name"] = "Carlos \u202esoleraC"
    page = network_html(case, title="Case \u202e7")
    assert "\u202e" not in page and "Carlos [RLO]soleraC" in page and "<title>Case [RLO]7</title>" in page
    meta = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', page)
    assert meta and meta.group(1) == CSP and "default-src 'none'" in CSP and "connect-src" not in CSP
