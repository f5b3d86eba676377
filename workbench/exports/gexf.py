"""GEXF 1.3 for Gephi: ``viz`` colour, size, shape and position, and time so Gephi's timeline plays the case.

Written here, not by networkx, whose 1.3 writer declares a wrong XSI namespace. Nodes carry their
first/last dates as ``start``/``end``; a folded call or payment link carries one ``spell`` per
event. Every string passes ``views.text.xml_text`` (controls visible, nothing XML refuses).
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any, Iterable

import networkx as nx

from workbench.exports.files import write_file
from workbench.exports.flat import day, items, prepared
from workbench.views.pseudonyms import node_label_of
from workbench.views.style import edge_style
from workbench.views.text import xml_text

__all__ = ["gexf_document", "to_gexf", "GEXF_NS", "VIZ_NS"]

GEXF_NS, VIZ_NS = "http://gexf.net/1.3", "http://gexf.net/1.3/viz"
_XSI = "http://www.w3.org/2001/XMLSchema-instance"
_GEXF_TYPES = {bool: "boolean", int: "long", float: "double", str: "string"}
_NODE_RESERVED = {"label"}
_EDGE_RESERVED = {"type", "label", "id", "weight"}


def _declare(parent: ET.Element, cls: str, rows: Iterable[dict[str, Any]], reserved: set[str]) -> dict[str, tuple[str, str]]:
    """``<attributes class=...>``: attribute name -> (id, GEXF type)."""
    found: dict[str, str] = {}
    for row in rows:
        for k, v in row.items():
            if k not in reserved and k not in found:
                found[k] = _GEXF_TYPES.get(type(v), "string")
    block = ET.SubElement(parent, "attributes", {"class": cls, "mode": "static"})
    ids = {}
    for i, (name, kind) in enumerate(sorted(found.items())):
        ET.SubElement(block, "attribute", {"id": str(i), "title": xml_text(name), "type": kind})
        ids[name] = (str(i), kind)
    return ids


def _attvalues(el: ET.Element, row: dict[str, Any], ids: dict[str, tuple[str, str]]) -> None:
    values = ET.SubElement(el, "attvalues")
    for k, v in row.items():
        if k in ids:
            text = ("true" if v else "false") if isinstance(v, bool) else repr(v) if isinstance(v, float) else str(v)
            ET.SubElement(values, "attvalue", {"for": ids[k][0], "value": xml_text(text)})


def _viz(el: ET.Element, colour: str, *, size: float | None = None, thickness: float | None = None,
         position: tuple[float, float] | None = None, shape: str | None = None) -> None:
    ET.SubElement(el, f"{{{VIZ_NS}}}color", {"r": str(int(colour[1:3], 16)), "g": str(int(colour[3:5], 16)),
                                             "b": str(int(colour[5:7], 16)), "a": "1.0"})
    if position is not None:
        ET.SubElement(el, f"{{{VIZ_NS}}}position", {"x": f"{position[0]:.1f}", "y": f"{position[1]:.1f}", "z": "0.0"})
    if size is not None:
        ET.SubElement(el, f"{{{VIZ_NS}}}size", {"value": f"{size:.1f}"})
    if thickness is not None:
        ET.SubElement(el, f"{{{VIZ_NS}}}thickness", {"value": f"{thickness:.1f}"})
    if shape is not None:
        ET.SubElement(el, f"{{{VIZ_NS}}}shape", {"value": shape})


def _interval(el: ET.Element, first: Any, last: Any) -> None:
    a, b = day(first), day(last)
    if a or b:
        el.set("start", a or str(b))
        el.set("end", b or str(a))


def gexf_document(G: nx.Graph, *, reveal: bool = False, collapse: bool = False, seed: int = 7) -> bytes:
    """The GEXF 1.3 document as bytes (``to_gexf`` writes it)."""
    H, F, draw = prepared(G, reveal, collapse, seed)
    ET.register_namespace("", GEXF_NS)
    ET.register_namespace("viz", VIZ_NS)
    ET.register_namespace("xsi", _XSI)
    root = ET.Element(f"{{{GEXF_NS}}}gexf", {"version": "1.3", f"{{{_XSI}}}schemaLocation": f"{GEXF_NS} {GEXF_NS}/gexf.xsd"})
    meta = ET.SubElement(root, "meta")
    ET.SubElement(meta, "creator").text = "trafficking workbench"
    ET.SubElement(meta, "description").text = "victims and witnesses " + ("revealed" if reveal else "pseudonymized")
    graph = ET.SubElement(root, "graph", {"defaultedgetype": "directed" if F.is_directed() else "undirected",
                                          "mode": "dynamic", "timeformat": "date", "timerepresentation": "interval"})
    nodes = [(n, {**d, "kind": node_label_of(n, d) or ""}) for n, d in F.nodes(data=True)]
    node_ids = _declare(graph, "node", (d for _, d in nodes), _NODE_RESERVED)
    edge_rows = [(u, v, k, {**d, "rel_type": d.get("type") or ""}) for u, v, k, d in items(F)]
    edge_ids = _declare(graph, "edge", (d for *_, d in edge_rows), _EDGE_RESERVED)
    nodes_el = ET.SubElement(graph, "nodes")
    for n, d in nodes:
        el = ET.SubElement(nodes_el, "node", {"id": xml_text(n), "label": xml_text(d.get("name") or n)})
        _interval(el, d.get("first_seen") or d.get("date"), d.get("last_seen") or d.get("date"))
        _attvalues(el, d, node_ids)
        _viz(el, draw[n]["color"], size=draw[n]["size"], position=(draw[n]["x"], draw[n]["y"]), shape=draw[n]["shape"])
    edges_el = ET.SubElement(graph, "edges")
    events = {(u, v, k): d.get("events") or () for u, v, k, d in items(H)}
    for i, (u, v, k, d) in enumerate(edge_rows):
        weight = float(d.get("count") or d.get("evidence_count") or d.get("weight") or 1)
        el = ET.SubElement(edges_el, "edge", {"id": f"e{i}", "source": xml_text(u), "target": xml_text(v),
                                              "label": xml_text(d["rel_type"]), "weight": repr(weight)})
        if d["rel_type"]:
            el.set("kind", xml_text(d["rel_type"]))
        dates = sorted({when for e in events.get((u, v, k), ()) if (when := day(e.get("date")))})
        if dates:
            spells = ET.SubElement(el, "spells")
            for when in dates:
                ET.SubElement(spells, "spell", {"start": when, "end": when})
        else:
            _interval(el, d.get("first_seen"), d.get("last_seen"))
        _attvalues(el, d, edge_ids)
        _viz(el, str(edge_style(d.get("type") or None)["color"]), thickness=min(1.0 + weight ** 0.5, 10.0))
    ET.indent(root)
    body: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=False)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + body


def to_gexf(G: nx.Graph, path: str | Path, *, reveal: bool = False, collapse: bool = False, seed: int = 7) -> Path:
    """Write GEXF 1.3 for Gephi (colours, sizes, positions, timeline); read back with
    ``nx.read_gexf(path, version="1.3")``."""
    return write_file(Path(path), gexf_document(G, reveal=reveal, collapse=collapse, seed=seed))
