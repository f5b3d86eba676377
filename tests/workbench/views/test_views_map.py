"""Places and moves for the map, known answers on a hand-built route (no browser)."""
from __future__ import annotations

import csv

import networkx as nx
import pytest

from graph_schema import load_schema
from workbench.views.geo import gazetteer_dir, load_places, movements, place_of
from workbench.views.map import EXTENT, map_data, map_html


@pytest.fixture
def route() -> nx.MultiDiGraph:
    """A victim recruited in San Pedro Sula, crossed at Benque Viejo, driven to a bar in Orange Walk."""
    G = nx.MultiDiGraph()
    G.add_node("Person:v", label="Person", name="Ana Cruz", role="victim")
    G.add_node("Person:d", label="Person", name="Luis Lopez", role="suspect")
    G.add_node("Location:sps", label="Location", name="San Pedro Sula")
    G.add_node("Location:bv", label="Location", name="Benque Viejo Border")
    G.add_node("Location:addr", label="Location", name="49 Church Street, Orange Walk Town")
    G.add_node("Organization:bar", label="Organization", name="Blue Parrot Bar")
    G.add_edge("Organization:bar", "Location:addr", type="LOCATED_IN")
    for target, day in (("Location:sps", "2024-01-10"), ("Location:bv", "2024-02-01"), ("Organization:bar", "2024-02-03")):
        G.add_edge("Person:v", target, type="SEEN_AT", first_seen=day, last_seen=day)
    G.add_edge("Person:d", "Person:v", type="TRANSPORTED", first_seen="2024-02-02")
    return G


def test_places_resolve_by_name_address_and_located_in(route):
    places = load_places()
    assert place_of(route, "Location:addr", places)["name"] == "Orange Walk Town"
    assert place_of(route, "Organization:bar", places)["district"] == "Orange Walk"
    assert place_of(route, "Location:bv", places)["kind"] == "border_crossing"


def test_moves_are_dated_and_typed(route):
    moves = movements(route, load_places())
    assert [(m["from"], m["to"], m["date"], m["kind"]) for m in moves] == [
        ("San Pedro Sula", "Benque Viejo Border", "2024-02-01", "crossing"),
        ("Benque Viejo Border", "Orange Walk Town", "2024-02-03", "crossing"),
    ]
    route.remove_node("Location:bv")
    (move,) = movements(route, load_places())
    assert move["kind"] == "crossing"  # Honduras to Belize, with no crossing named
    route.add_node("Location:sps", label="Location", name="Corozal Town")
    assert movements(route, load_places())[0]["kind"] == "transport"  # within Belize, a drive on 2 Feb


def test_map_data_marks_borders_and_keeps_names_protected(route):
    data = map_data(route, load_places(), load_schema())
    by_name = {p["name"]: p for p in data["places"]}
    assert {"Santa Elena Border", "Jalacte Border", "Blue Creek Border"} <= set(by_name)  # every crossing, always
    assert by_name["Benque Viejo Border"]["border"] and by_name["Orange Walk Town"]["nodes"]
    assert not by_name["San Pedro Sula"]["off"] and data["dates"] == ["2024-01-10", "2024-02-03"]
    page = map_html(route)
    assert "Ana Cruz" not in page and "Victim 1" in page and "Content-Security-Policy" in page
    assert len(page) < 100_000  # the map draws its own SVG: vis-network (690 KB) is not inlined


def test_every_gazetteer_name_has_coordinates():
    import json

    names = {json.loads(line)["name"] for line in (gazetteer_dir() / "places.jsonl").open(encoding="utf-8") if line.strip()}
    with (gazetteer_dir() / "place_coordinates.csv").open(encoding="utf-8", newline="") as fh:
        rows = {r["name"]: r for r in csv.DictReader(fh)}
    assert names == set(rows)
    belize = [r for r in rows.values() if r["country"] == "BZ"]
    assert all(EXTENT[0] < float(r["lon"]) < EXTENT[2] and EXTENT[1] < float(r["lat"]) < EXTENT[3] for r in belize)
    assert all(r["district"] for r in belize)
