"""The report's timeline (issue 14 part 5): a lane per person or phone, a marker per kind of event,
bounded height, zoomable in the page, offline, names as text."""
from __future__ import annotations

import networkx as nx

from workbench.views import pseudonymize
from workbench.views.headless import render_in_browser
from workbench.views.lanes import KINDS, lane_data, lanes_html
from workbench.views.page import csp_meta


def _crowd(n: int) -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    G.add_node("Location:t", label="Location", name="Corozal Town")
    for i in range(n):
        G.add_node(f"Person:{i:03d}", label="Person", name=f"Suspect {i}", role="suspect")
        for day in range(1, 2 + i % 3):
            G.add_edge(f"Person:{i:03d}", "Location:t", type="SEEN_AT", first_seen=f"2024-{1 + i % 6:02d}-{day:02d}")
    return G


def test_each_kind_has_its_own_marker_and_colour():
    data = lane_data(nx.MultiDiGraph())
    assert [k["kind"] for k in data["kinds"]] == list(KINDS)
    assert len({k["shape"] for k in data["kinds"]}) == len(KINDS)
    assert len({k["color"].lower() for k in data["kinds"]}) == len(KINDS)


def test_lanes_are_people_and_phones_busiest_first_and_bounded(case):
    H, _ = pseudonymize(case)
    data = lane_data(H)
    labels = [lane["label"] for lane in data["lanes"]]
    assert "Maria Lopez" not in labels and "Victim 1" in labels or "Victim 2" in labels
    kinds = {data["kinds"][e[2]]["kind"] for e in data["events"]}
    assert {"recruitment", "transport", "sighting", "tip-off"} <= kinds
    crowded = lane_data(_crowd(100), max_lanes=24)
    assert len(crowded["lanes"]) == 24 and crowded["left_out"][0] == 76
    assert crowded["lanes"][0]["label"] in {f"Suspect {i}" for i in range(2, 100, 3)}  # three sightings each


def test_hostile_names_stay_data(hostile, payloads):
    name, _ = payloads
    text = lanes_html(hostile)
    assert name not in text and "<img" not in text and "<script>" in text  # our script, the name as JSON


def test_the_timeline_draws_and_zooms_offline(chromium, tmp_path):
    driver = ("<script>window.addEventListener('load', function () { var l = document.querySelector('.wb-lanes');"
              "var s = document.getElementById('wb-status'); s.dataset.lanes = l.dataset.lanes;"
              "s.dataset.markers = l.dataset.markers; var w = l.wbLanes.domain(); l.wbLanes.zoom(0.5);"
              "var z = l.wbLanes.domain(); s.dataset.ratio = (z[1] - z[0]) / (w[1] - w[0]);"
              "l.wbLanes.hide(2); s.dataset.hidden = l.dataset.markers;"
              "s.dataset.title = document.title; s.dataset.height = l.getBoundingClientRect().height;"
              "s.dataset.resources = performance.getEntriesByType('resource').length; });</script>")
    page = (f'<!DOCTYPE html><html><head><meta charset="utf-8">{csp_meta()}<title>t</title></head><body>'
            f'{lanes_html(_crowd(40))}<div id="wb-status"></div>{driver}</body></html>')
    path = tmp_path / "lanes.html"
    path.write_text(page, encoding="utf-8")
    st = render_in_browser(path, binary=chromium).status
    assert st["lanes"] == "24" and int(st["markers"]) >= 40, st
    assert abs(float(st["ratio"]) - 0.5) < 0.01 and int(st["hidden"]) == 0 and st["resources"] == "0", st
    assert 60 < float(st["height"]) < 700 and st["title"] == "t", st  # 24 lanes: bounded
