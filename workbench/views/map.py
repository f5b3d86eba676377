"""The map page: the case's places at their coordinates and people's dated moves between them.

Why: investigators brief on routes (recruited in Honduras, crossed at Benque Viejo, held in
Orange Walk), and the network view cannot show geography. One standalone offline page, like the
network view: an SVG drawn by our own script (``assets/map.js``) on a coarse outline of Belize
with its districts labelled, no tiles and no network. Places come from ``views.geo`` (the
gazetteer's coordinates), every border crossing of the gazetteer is marked, and each move is a
dated arrow coloured by kind (crossing, transport, sighting); the same date-range slider as the
network view hides the moves outside the range. Places farther than the frame (Guatemala City,
Mexico City) are pinned to its edge and marked "off map". Victims and witnesses are
pseudonymized unless ``reveal=True``; every string is data shown with ``textContent``.
"""
from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any, Mapping

import networkx as nx

from graph_schema import Schema, load_schema
from workbench.views.geo import Place, load_places, movements, placed_nodes
from workbench.views.page import esc, own_asset, page
from workbench.views.pseudonyms import pseudonymize
from workbench.views.style import edge_style

__all__ = ["map_html", "save_map", "map_data", "EXTENT"]

EXTENT = (-90.3, 15.2, -87.2, 18.9)  # lon0, lat0, lon1, lat1: Belize, its borders and nearby towns


def _colours(schema: Schema) -> dict[str, str]:
    """Transport and sighting take their relationship's schema colour; a crossing has none, so purple."""
    return {"crossing": "#6a3d9a", "transport": str(edge_style("TRANSPORTED", schema)["color"]),
            "sighting": str(edge_style("SEEN_AT", schema)["color"])}


def _inside(place: Place) -> bool:
    return bool(EXTENT[0] <= float(place["lon"]) <= EXTENT[2] and EXTENT[1] <= float(place["lat"]) <= EXTENT[3])


def _place_row(place: Place, nodes: list[str], moves: int) -> dict[str, Any]:
    return {"name": place["name"], "lat": place["lat"], "lon": place["lon"], "district": place["district"],
            "country": place["country"], "kind": place["kind"], "border": place["kind"] == "border_crossing",
            "off": not _inside(place), "nodes": sorted(nodes)[:12], "count": len(nodes), "moves": moves}


def map_data(G: nx.Graph, places: Mapping[str, Place], schema: Schema) -> dict[str, Any]:
    """Everything the map page draws, as plain data (``G`` already pseudonymized)."""
    where = placed_nodes(G, places)
    moves = movements(G, places)
    named: dict[str, list[str]] = defaultdict(list)
    for n, place in where.items():
        named[place["name"]].append(str(G.nodes[n].get("name") or n))
    by_name = {p["name"]: p for p in places.values()}
    moved: dict[str, int] = defaultdict(int)
    for m in moves:
        moved[m["from"]] += 1
        moved[m["to"]] += 1
    shown = set(named) | set(moved)
    rows = [_place_row(by_name[name], named.get(name, []), moved[name]) for name in sorted(shown)]
    borders = [_place_row(p, named.get(p["name"], []), moved[p["name"]]) for p in by_name.values()
               if p["kind"] == "border_crossing" and p["name"] not in shown]
    districts = [{"name": p["name"].replace(" District", ""), "lat": p["lat"], "lon": p["lon"]}
                 for p in by_name.values() if p["kind"] == "district" and p["name"].endswith(" District")]
    days = [m["date"] for m in moves] + [m["since"] for m in moves]
    outline = json.loads(own_asset("belize_outline.json"))
    return {"places": rows + borders, "districts": districts, "moves": moves, "extent": list(EXTENT),
            "dates": [min(days), max(days)] if days else None, "outline": outline["outline"],
            "outline_note": outline["note"], "colours": _colours(schema)}


_MAP_CSS = """
#map{flex:1;min-width:0;height:100vh;background:#eaf2f8;border-right:1px solid #ddd}
#map text{font:12px system-ui,sans-serif;fill:#333;paint-order:stroke;stroke:#fff;stroke-width:3px}
#map text.district{font-size:15px;fill:#999;letter-spacing:2px;stroke-width:0}
#moves{padding-left:16px;font-size:12.5px}#moves li.out{display:none}
.range{display:flex;gap:6px;align-items:center;font-size:12px}.range input[type=range]{flex:1;min-width:0}
.muted{color:#666;font-size:12px}
"""


def map_html(G: nx.Graph, *, reveal: bool = False, title: str = "Map", places: Mapping[str, Place] | None = None,
             schema: Schema | None = None) -> str:
    """A complete standalone HTML page: places, border crossings and dated moves on a map.

    >>> G = nx.MultiDiGraph(); G.add_node("Person:p", label="Person", name="Ana", role="victim")
    >>> G.add_node("Location:c", label="Location", name="Corozal Town")
    >>> _ = G.add_edge("Person:p", "Location:c", type="SEEN_AT", first_seen="2024-01-05")
    >>> page = map_html(G)
    >>> "Corozal Town" in page and "Ana" not in page and "https://" not in page
    True
    """
    schema = schema or load_schema()
    H, mapping = pseudonymize(G, reveal=reveal, schema=schema)
    data = map_data(H, places if places is not None else load_places(), schema)
    notes = [f"{len(data['moves'])} dated moves between {sum(1 for p in data['places'] if p['count'] or p['moves'])} "
             "places; drag the dates to see when.", data["outline_note"]]
    if not reveal and mapping:
        notes.append(f"{len(mapping)} victims/witnesses are shown by pseudonym.")
    body = (
        '<div id="wrap"><svg id="map" role="img" aria-label="map of the case"></svg><div id="side">'
        f'<h1>{esc(title)}</h1>' + "".join(f'<div class="note">{esc(n)}</div>' for n in notes)
        + '<h2>Dates</h2><div id="dates"></div><h2>Moves</h2><div id="kinds" class="legend"></div>'
        '<ol id="moves"></ol><h2>Details</h2><div id="details">Click a place or an arrow.</div>'
        '<div id="wb-status" hidden></div></div></div>'
    )
    script = own_asset("common.js") + own_asset("controls.js") + own_asset("map.js")
    return page(title, body, script, data=data, extra_css=_MAP_CSS, vis=False)


def save_map(G: nx.Graph, path: str | Path, **kwargs: Any) -> Path:
    """Write ``map_html(G, **kwargs)`` to ``path`` and return it."""
    path = Path(path)
    path.write_text(map_html(G, **kwargs), encoding="utf-8")
    return path
