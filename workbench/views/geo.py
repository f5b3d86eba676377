"""Where things happened: gazetteer places with coordinates, and people's dated moves between them.

Why: movements across districts and border crossings are the heart of these cases, and a list
of sightings does not show them. The coordinates are data kept beside the gazetteer
(``ingest/patterns/place_coordinates.csv``: name, lat, lon, country, district, approx_km; the
names are the gazetteer's canonical names in ``places.jsonl``, which adds kind and border). Both
files are read as files; no ingest code is imported (views never import ingest), and their
folder is found without running the package.

A Location node is placed by its name, or for an address ("76 Hill Street, Benque Viejo del
Carmen") by its last part, or through ``LOCATED_IN``; an Organization by its ``LOCATED_IN``.
A person's moves are derived, not extracted: their dated ``SEEN_AT`` / ``LIVES_AT`` ties to
placed nodes, in date order; each change of place is one move, dated by its arrival, and of kind

- ``crossing`` when the two places lie in different countries or one is a border crossing,
- ``transport`` when a ``TRANSPORTED`` tie of the person is dated within the move,
- ``sighting`` otherwise.
"""
from __future__ import annotations

import csv
import functools
import importlib.util
import json
from collections import defaultdict
from pathlib import Path
from typing import Any, Mapping

import networkx as nx

from graph_schema import fold_name, load_schema
from workbench.views.pseudonyms import node_label_of

__all__ = ["Place", "gazetteer_dir", "load_places", "place_of", "placed_nodes", "movements"]

Place = dict[str, Any]


def gazetteer_dir() -> Path:
    """The folder of the gazetteer (``ingest/patterns``), found without importing ``ingest``."""
    spec = importlib.util.find_spec("ingest")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("the gazetteer (ingest/patterns) is not installed")
    return Path(list(spec.submodule_search_locations)[0]) / "patterns"


@functools.cache
def _load(folder: Path) -> dict[str, Place]:
    extra: dict[str, dict[str, Any]] = {}
    with (folder / "places.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                row = json.loads(line)
                extra.setdefault(row["name"], {k: row.get(k) for k in ("kind", "country", "border")})
    places: dict[str, Place] = {}
    with (folder / "place_coordinates.csv").open(encoding="utf-8", newline="") as fh:
        for number, row in enumerate(csv.DictReader(fh), start=2):
            try:
                lat, lon = float(row["lat"]), float(row["lon"])
            except (TypeError, ValueError):
                raise ValueError(f"place_coordinates.csv:{number}: lat/lon must be numbers") from None
            facts = extra.get(row["name"], {})
            places[fold_name(row["name"])] = {"name": row["name"], "lat": lat, "lon": lon,
                                              "district": row.get("district") or "", "approx_km": row.get("approx_km"),
                                              "kind": facts.get("kind") or "",
                                              "country": row.get("country") or facts.get("country") or "",
                                              "border": facts.get("border") or ""}
    return places


def load_places(folder: str | Path | None = None) -> dict[str, Place]:
    """Folded name -> place (name, lat, lon, district, kind, country, border), cached per folder."""
    return dict(_load(Path(folder) if folder else gazetteer_dir()))


def _by_name(name: Any, places: Mapping[str, Place]) -> Place | None:
    text = str(name or "").strip()
    for candidate in (text, text.rsplit(",", 1)[-1] if "," in text else None):
        if candidate and (found := places.get(fold_name(candidate))):
            return found
    return None


def place_of(G: nx.Graph, node: Any, places: Mapping[str, Place], _seen: frozenset[Any] = frozenset()) -> Place | None:
    """The gazetteer place of a Location or Organization node, or None.

    >>> G = nx.MultiDiGraph(); G.add_node("Location:a", label="Location", name="5 Riverside Road, Corozal Town")
    >>> place_of(G, "Location:a", load_places())["district"]
    'Corozal'
    """
    data = G.nodes[node]
    label = node_label_of(node, data)
    if label == "Location" and (found := _by_name(data.get("name"), places)):
        return found
    if label not in ("Location", "Organization") or node in _seen:
        return None
    outs = G.out_edges(node, data=True) if G.is_directed() else G.edges(node, data=True)
    for _, target, d in outs:
        if d.get("type") == "LOCATED_IN" and (found := place_of(G, target, places, _seen | {node})):
            return found
    return None


def placed_nodes(G: nx.Graph, places: Mapping[str, Place]) -> dict[Any, Place]:
    """Every Location / Organization node of ``G`` that has a place."""
    out = {}
    for n, d in G.nodes(data=True):
        if node_label_of(n, d) in ("Location", "Organization") and (found := place_of(G, n, places)):
            out[n] = found
    return out


def _day(value: Any) -> str | None:
    text = str(value or "")
    return text[:10] if len(text) >= 10 and text[4] == "-" else None


def _visits(G: nx.Graph, where: Mapping[Any, Place]) -> dict[Any, list[tuple[str, Place, str, Any]]]:
    visits: dict[Any, list[tuple[str, Place, str, Any]]] = defaultdict(list)
    edges = G.edges(keys=True, data=True) if G.is_multigraph() else ((u, v, None, d) for u, v, d in G.edges(data=True))
    presence = load_schema().types_in("presence")  # seen at, living at: a visit; not a region of activity
    for u, v, k, d in edges:
        if d.get("type") in presence and v in where and node_label_of(u, G.nodes[u]) == "Person":
            for day in sorted({x for x in (_day(d.get("first_seen")), _day(d.get("last_seen"))) if x}):
                visits[u].append((day, where[v], str(d.get("type")), d.get("id") or k))
    return visits


def _transports(G: nx.Graph) -> dict[Any, list[str]]:
    found: dict[Any, list[str]] = defaultdict(list)
    for u, v, d in G.edges(data=True):
        if d.get("type") == "TRANSPORTED" and (day := _day(d.get("first_seen"))):
            found[u].append(day)
            found[v].append(day)
    return found


def _kind(a: Place, b: Place, start: str, end: str, moved: list[str]) -> str:
    if "border_crossing" in (a["kind"], b["kind"]) or a["country"] != b["country"]:
        return "crossing"
    if any(start <= day <= end for day in moved):
        return "transport"
    return "sighting"


def movements(G: nx.Graph, places: Mapping[str, Place]) -> list[dict[str, Any]]:
    """Dated moves of people between places, oldest first (see the module docstring).

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("Person:p", label="Person", name="Victim 1")
    >>> for key, town, day in (("a", "Corozal Town", "2024-01-05"), ("b", "Chetumal", "2024-01-09")):
    ...     G.add_node(f"Location:{key}", label="Location", name=town)
    ...     _ = G.add_edge("Person:p", f"Location:{key}", type="SEEN_AT", first_seen=day, last_seen=day)
    >>> [(m["from"], m["to"], m["date"], m["kind"]) for m in movements(G, load_places())]
    [('Corozal Town', 'Chetumal', '2024-01-09', 'crossing')]
    """
    where = placed_nodes(G, places)
    moved = _transports(G)
    out = []
    for person, visits in _visits(G, where).items():
        visits.sort(key=lambda v: (v[0], v[1]["name"]))
        for (d0, p0, _, _), (d1, p1, how, edge) in zip(visits, visits[1:]):
            if p0["name"] == p1["name"]:
                continue
            out.append({"person": str(person), "who": str(G.nodes[person].get("name") or person), "from": p0["name"],
                        "to": p1["name"], "since": d0, "date": d1, "kind": _kind(p0, p1, d0, d1, moved.get(person, [])),
                        "via": how, "edge": str(edge) if edge is not None else ""})
    out.sort(key=lambda m: (m["date"], m["who"], m["from"], m["to"]))
    return out
