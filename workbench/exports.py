"""Exports for other tools: GEXF 1.3 (Gephi), GraphML (yEd, Gephi, Cytoscape), i2 Analyst's Notebook CSVs.

Why: partner agencies and prosecutors use Gephi, yEd or i2 Analyst's Notebook, not our
notebooks, so each file must open right there. Every export goes through ``pseudonymize`` first
(victims and witnesses as "Victim 3", also inside evidence sentences) unless ``reveal=True``.

- GEXF 1.3 (written here, not by networkx, whose 1.3 writer declares a wrong XSI namespace):
  ``viz`` colour, size, shape and position from the same style and layout as the views, and the
  first/last dates as ``start``/``end`` so Gephi's timeline plays the case (a folded call or
  payment link carries one ``spell`` per event). GraphML carries the same values as typed keys
  (``color``, ``r``, ``g``, ``b``, ``size``, ``shape``, ``x``, ``y``, ``start``, ``end``).
  Positions have y pointing up, as Gephi draws. ``collapse=True`` folds calls and payments into
  one link per pair first (``views.events``).
- i2: ``entities.csv`` and ``links.csv``, plus ``i2_import_specification.json`` and ``.txt`` that
  say which column is identity, type, label, date, time and direction. Calls and payments are
  links between the phones, accounts and people at their two ends (one row per event: date,
  time, duration or amount, direction); an event with a side missing stays an entity. Each link
  row names both ends' type and label too, so ``links.csv`` alone also imports.
- Safe output for any input (``views.text``): control characters become visible or U+FFFD in
  XML, direction controls become ``[RLO]``, and no CSV cell can start a spreadsheet formula.
  Files are written whole or not at all (a temporary file, then a rename).

Flattening, because GraphML and GEXF hold only scalars and need one type per attribute: lists
of strings become ``"; "``-joined text, dicts become JSON, ``None`` is dropped, and an attribute
that is a number on one element and text on another becomes text everywhere (int and float
mixed: float). Evidence becomes ``evidence`` (JSON of the top rows) plus ``top_sentence`` and
``top_note_id``, so each link still leads back to its notes in one step.
"""
from __future__ import annotations

import csv
import io
import json
import os
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any, Iterable

import networkx as nx

from graph_schema import load_schema
from workbench.views.events import collapse_events, event_links
from workbench.views.layout import layout
from workbench.views.pseudonyms import node_label_of, pseudonymize
from workbench.views.style import SHAPE_REACH, edge_style, view_style
from workbench.views.text import csv_cell, xml_text
from workbench.views.visdata import node_sizes

__all__ = ["flat_graph", "to_graphml", "to_gexf", "to_i2_csv", "i2_specification", "csv_safe_rows",
           "ENTITY_COLUMNS", "LINK_COLUMNS", "TOP_EVIDENCE", "I2_TYPES", "GEXF_NS", "VIZ_NS"]

TOP_EVIDENCE = 3
ENTITY_COLUMNS = ["id", "type", "label", "role", "agency", "rank", "evidence_count", "first_seen", "last_seen", "i2_type"]
LINK_COLUMNS = ["from", "to", "type", "evidence_count", "first_seen", "last_seen", "confidence", "top_sentence",
                "top_note_id", "id", "date", "time", "duration_s", "amount", "currency", "channel", "direction",
                "from_type", "from_label", "to_type", "to_label"]
# Schema label -> the i2 Analyst's Notebook standard entity type to map it to.
I2_TYPES = {"Person": "Person", "Phone": "Telephone", "Account": "Account", "Email": "Email Address",
            "Handle": "Online Account", "Organization": "Organisation", "Location": "Location", "Vehicle": "Vehicle",
            "IdDocument": "Document", "Call": "Telephone Call", "Payment": "Financial Transaction",
            "Operation": "Event"}
GEXF_NS, VIZ_NS = "http://gexf.net/1.3", "http://gexf.net/1.3/viz"
_XSI = "http://www.w3.org/2001/XMLSchema-instance"
_GEXF_SHAPES = {"dot": "disc", "square": "square", "box": "square", "triangle": "triangle", "triangleDown": "triangle",
                "diamond": "diamond"}


# -- flattening --------------------------------------------------------------------------------
def _evidence_rows(value: Any) -> list[dict[str, Any]]:
    rows = [e for e in value or () if isinstance(e, dict) and e.get("sentence")]
    rows.sort(key=lambda e: (-float(e.get("confidence") or 0.0), str(e.get("date") or "")))
    return [{k: e.get(k) for k in ("note_id", "sentence", "date", "confidence")} for e in rows[:TOP_EVIDENCE]]


def _flatten(data: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in data.items():
        if key == "evidence":
            rows = _evidence_rows(value)
            if rows:
                out["evidence"] = json.dumps(rows, ensure_ascii=False)
                out["top_sentence"] = rows[0]["sentence"]
                out["top_note_id"] = str(rows[0]["note_id"] or "")
        elif key == "events":  # a folded link's events: their dates become spells, their count is ``count``
            continue
        elif value is None:
            continue
        elif isinstance(value, (bool, int, float, str)):
            out[key] = value
        elif isinstance(value, (list, tuple, set)) and all(isinstance(v, str) for v in value):
            out[key] = "; ".join(value)
        else:
            out[key] = json.dumps(value, ensure_ascii=False, default=str, sort_keys=True)
    return out


def _harmonize(rows: list[dict[str, Any]]) -> None:
    kinds: dict[str, set[type]] = {}
    for row in rows:
        for k, v in row.items():
            kinds.setdefault(k, set()).add(bool if isinstance(v, bool) else type(v))
    for k, types in kinds.items():
        if len(types) < 2:
            continue
        cast: Any = float if types <= {int, float} else str
        for row in rows:
            if k in row:
                row[k] = cast(row[k])


def _items(G: nx.Graph) -> Iterable[tuple[Any, Any, Any, dict[str, Any]]]:
    return G.edges(keys=True, data=True) if G.is_multigraph() else ((u, v, None, d) for u, v, d in G.edges(data=True))


def _flat(H: nx.Graph) -> nx.Graph:
    F = H.__class__()
    nodes = [(n, _flatten(d)) for n, d in H.nodes(data=True)]
    _harmonize([d for _, d in nodes])
    F.add_nodes_from(nodes)
    edges = [(u, v, k, _flatten(d)) for u, v, k, d in _items(H)]
    _harmonize([e[3] for e in edges])
    if H.is_multigraph():
        F.add_edges_from(edges)
    else:
        F.add_edges_from((u, v, d) for u, v, _, d in edges)
    return F


def flat_graph(G: nx.Graph, *, reveal: bool = False) -> nx.Graph:
    """A pseudonymized copy of ``G`` with only scalar attributes, one type per attribute.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("Person:v", label="Person", name="Ana", role="victim", aliases=["La Flaca"])
    >>> _ = G.add_edge("Person:v", "Person:v", type="SEEN_AT", evidence=[{"note_id": "n1", "sentence": "Ana was seen."}])
    >>> F = flat_graph(G)
    >>> F.nodes["Person:v"]["name"], next(iter(F.edges(data=True)))[2]["top_sentence"]
    ('Victim 1', 'Victim 1 was seen.')
    """
    return _flat(pseudonymize(G, reveal=reveal)[0])


# -- drawing attributes shared by GEXF and GraphML ---------------------------------------------
def _prepared(G: nx.Graph, reveal: bool, collapse: bool, seed: int) -> tuple[nx.Graph, nx.Graph, dict[Any, dict[str, Any]]]:
    """(pseudonymized graph, its flat copy, node -> drawing attributes: colour, size, shape, x, y)."""
    schema = load_schema()
    H, _ = pseudonymize(G, reveal=reveal, schema=schema)
    if collapse:
        H, _ = collapse_events(H)
    sizes = node_sizes(H, {n: float(d) for n, d in H.degree()})
    styles = {n: view_style(node_label_of(n, d), d.get("role"), schema) for n, d in H.nodes(data=True)}
    reach = {n: sizes[n] * SHAPE_REACH.get(str(styles[n]["shape"]), 1.5) for n in H}
    pos = layout(H, seed=seed, sizes=sizes, reach=reach)
    draw = {}
    for n in H:
        colour = str(styles[n]["color"])
        draw[n] = {"color": colour, "r": int(colour[1:3], 16), "g": int(colour[3:5], 16), "b": int(colour[5:7], 16),
                   "size": float(sizes[n]), "shape": _GEXF_SHAPES.get(str(styles[n]["shape"]), "disc"),
                   "x": float(pos[n][0]), "y": -float(pos[n][1])}
    return H, _flat(H), draw


def _day(value: Any) -> str | None:
    text = str(value or "")
    return text[:10] if len(text) >= 10 and text[4] == "-" else None


def _write(path: Path, data: bytes) -> Path:
    """Write the whole file or nothing: a temporary file in the same folder, then a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def _clean_values(d: dict[str, Any]) -> dict[str, Any]:
    return {xml_text(k): xml_text(v) if isinstance(v, str) else v for k, v in d.items()}


# -- GraphML ------------------------------------------------------------------------------------
def to_graphml(G: nx.Graph, path: str | Path, *, reveal: bool = False, collapse: bool = False, seed: int = 7) -> Path:
    """Write GraphML with typed keys (yEd, Gephi, Cytoscape); read back with ``nx.read_graphml``."""
    H, F, draw = _prepared(G, reveal, collapse, seed)
    out = F.__class__()
    for n, d in F.nodes(data=True):
        out.add_node(xml_text(n), **_clean_values({**d, "start": _day(d.get("first_seen")) or "",
                                                  "end": _day(d.get("last_seen")) or "", **draw[n]}))
    for u, v, k, d in _items(F):
        attrs = _clean_values({**d, "color": str(edge_style(d.get("type") or None)["color"])})
        if F.is_multigraph():
            out.add_edge(xml_text(u), xml_text(v), key=xml_text(k) if k is not None else None, **attrs)
        else:
            out.add_edge(xml_text(u), xml_text(v), **attrs)
    text = "\n".join(nx.generate_graphml(out, encoding="utf-8", prettyprint=True))
    return _write(Path(path), text.encode("utf-8"))


# -- GEXF 1.3 -----------------------------------------------------------------------------------
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
    a, b = _day(first), _day(last)
    if a or b:
        el.set("start", a or str(b))
        el.set("end", b or str(a))


def gexf_document(G: nx.Graph, *, reveal: bool = False, collapse: bool = False, seed: int = 7) -> bytes:
    """The GEXF 1.3 document as bytes (``to_gexf`` writes it)."""
    H, F, draw = _prepared(G, reveal, collapse, seed)
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
    edge_rows = [(u, v, k, {**d, "rel_type": d.get("type") or ""}) for u, v, k, d in _items(F)]
    edge_ids = _declare(graph, "edge", (d for *_, d in edge_rows), _EDGE_RESERVED)
    nodes_el = ET.SubElement(graph, "nodes")
    for n, d in nodes:
        el = ET.SubElement(nodes_el, "node", {"id": xml_text(n), "label": xml_text(d.get("name") or n)})
        _interval(el, d.get("first_seen") or d.get("date"), d.get("last_seen") or d.get("date"))
        _attvalues(el, d, node_ids)
        _viz(el, draw[n]["color"], size=draw[n]["size"], position=(draw[n]["x"], draw[n]["y"]), shape=draw[n]["shape"])
    edges_el = ET.SubElement(graph, "edges")
    events = {(u, v, k): d.get("events") or () for u, v, k, d in _items(H)}
    for i, (u, v, k, d) in enumerate(edge_rows):
        weight = float(d.get("count") or d.get("evidence_count") or d.get("weight") or 1)
        el = ET.SubElement(edges_el, "edge", {"id": f"e{i}", "source": xml_text(u), "target": xml_text(v),
                                              "label": xml_text(d["rel_type"]), "weight": repr(weight)})
        if d["rel_type"]:
            el.set("kind", xml_text(d["rel_type"]))
        dates = sorted({day for e in events.get((u, v, k), ()) if (day := _day(e.get("date")))})
        if dates:
            spells = ET.SubElement(el, "spells")
            for day in dates:
                ET.SubElement(spells, "spell", {"start": day, "end": day})
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
    return _write(Path(path), gexf_document(G, reveal=reveal, collapse=collapse, seed=seed))


# -- i2 Analyst's Notebook -----------------------------------------------------------------------
def csv_safe_rows(rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows with every cell passed through ``views.text.csv_cell`` (no formula, controls visible).

    >>> csv_safe_rows([{"label": "=HYPERLINK(1)", "n": 3}])
    [{'label': "'=HYPERLINK(1)", 'n': 3}]
    """
    return [{k: csv_cell(v) for k, v in row.items()} for row in rows]


def _entity_row(n: Any, d: dict[str, Any]) -> dict[str, Any]:
    row = {k: v for k, v in d.items() if k not in ("label", "name", "key")}
    kind = node_label_of(n, d) or ""
    row.update(id=n, type=kind, label=d.get("name") or n, i2_type=I2_TYPES.get(kind, kind or "Entity"))
    return row


def _link_row(F: nx.Graph, u: Any, v: Any, k: Any, d: dict[str, Any]) -> dict[str, Any]:
    reasons = d.get("reasons")
    kind = d.get("type") or (", ".join(json.loads(reasons)) if isinstance(reasons, str) and reasons.startswith("{") else "")
    return {"from": u, "to": v, "type": kind or "link",
            "evidence_count": d.get("evidence_count", d.get("weight", "")), "first_seen": d.get("first_seen", ""),
            "last_seen": d.get("last_seen", ""), "confidence": d.get("confidence", ""),
            "top_sentence": d.get("top_sentence", ""), "top_note_id": d.get("top_note_id", ""),
            "id": d.get("id") or (k if k is not None else ""), "date": _day(d.get("first_seen")) or "",
            "direction": "forward" if F.is_directed() else "none", **_ends(F, u, v)}


def _ends(F: nx.Graph, u: Any, v: Any) -> dict[str, Any]:
    return {"from_type": node_label_of(u, F.nodes[u]) or "", "from_label": F.nodes[u].get("name") or u,
            "to_type": node_label_of(v, F.nodes[v]) or "", "to_label": F.nodes[v].get("name") or v}


def _event_row(F: nx.Graph, sender: Any, receiver: Any, e: dict[str, Any]) -> dict[str, Any]:
    ev = _evidence_rows(e.get("evidence"))
    return {"from": sender, "to": receiver, "type": e["type"], "evidence_count": e.get("evidence_count") or 1,
            "first_seen": e.get("date") or "", "last_seen": e.get("date") or "", "confidence": "",
            "top_sentence": ev[0]["sentence"] if ev else "", "top_note_id": (ev[0]["note_id"] or "") if ev else "",
            "id": e["id"], "date": e.get("date") or "", "time": e.get("time") or "", "duration_s": e.get("duration_s", ""),
            "amount": e.get("amount", ""), "currency": e.get("currency", ""), "channel": e.get("channel", ""),
            "direction": "forward", **_ends(F, sender, receiver)}


def _write_csv(path: Path, columns: list[str], rows: list[dict[str, Any]]) -> Path:
    buf = io.StringIO(newline="")
    writer = csv.DictWriter(buf, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(csv_safe_rows(rows))
    return _write(path, buf.getvalue().encode("utf-8"))


def i2_specification(entity_columns: list[str]) -> dict[str, Any]:
    """The import specification shipped beside the CSVs: which column plays which part in i2.

    Analyst's Notebook's own ``.ximp`` files are an unpublished format, so the specification is
    this plain mapping (also written as step-by-step text), one import design per file.
    """
    return {
        "format": "trafficking-workbench i2 import specification", "version": 1,
        "encoding": "UTF-8", "delimiter": ",", "quote": '"', "header_rows": 1, "date_format": "yyyy-MM-dd",
        "time_format": "HH:mm:ss", "entity_types": I2_TYPES,
        "designs": [
            {"file": "entities.csv", "kind": "entity", "identity": "id", "type": "i2_type", "label": "label",
             "attributes": [c for c in entity_columns if c not in ("id", "i2_type", "label")]},
            {"file": "links.csv", "kind": "entity-link-entity",
             "end1": {"identity": "from", "type": "from_type", "label": "from_label"},
             "end2": {"identity": "to", "type": "to_type", "label": "to_label"},
             "link": {"identity": "id", "type": "type", "label": "type", "date": "date", "time": "time",
                      "direction": "direction", "directions": {"forward": "Arrow on head", "none": "No arrow"},
                      "attributes": ["duration_s", "amount", "currency", "channel", "evidence_count", "first_seen",
                                     "last_seen", "confidence", "top_sentence", "top_note_id"]}},
        ],
        "note": "Import entities.csv first, then links.csv; links match entities by identity (from/to = id). "
                "CALLED links are calls (duration_s in seconds), PAID links payments (amount, currency, channel). "
                "A cell that began with = + - @ starts with an apostrophe, as spreadsheets expect.",
    }


def _spec_text(spec: dict[str, Any]) -> str:
    ent, link = spec["designs"]
    lines = ["i2 Analyst's Notebook: importing this case", "",
             "File > Import Data > entities.csv (comma separated, UTF-8, first row is a header).",
             f"  Entity: identity = '{ent['identity']}', type = '{ent['type']}', label = '{ent['label']}';",
             f"  attributes: {', '.join(ent['attributes'])}.", "",
             "Then links.csv with an Entity - Link - Entity design:",
             f"  End 1: identity '{link['end1']['identity']}', type '{link['end1']['type']}', label '{link['end1']['label']}'.",
             f"  End 2: identity '{link['end2']['identity']}', type '{link['end2']['type']}', label '{link['end2']['label']}'.",
             f"  Link: type and label '{link['link']['type']}', date '{link['link']['date']}' ({spec['date_format']}), "
             f"time '{link['link']['time']}' ({spec['time_format']}),",
             "        direction 'direction' (forward = arrow on head, none = no arrow);",
             f"        attributes: {', '.join(link['link']['attributes'])}.", "",
             "Entity types: " + "; ".join(f"{k} -> {v}" for k, v in spec["entity_types"].items()) + ".", "",
             spec["note"], ""]
    return "\n".join(lines)


def to_i2_csv(G: nx.Graph, directory: str | Path, *, reveal: bool = False) -> tuple[Path, Path]:
    """Write ``entities.csv`` and ``links.csv`` for i2 Analyst's Notebook (UTF-8), with the import
    specification beside them (``i2_import_specification.json`` and ``.txt``).

    Entity columns start with ``ENTITY_COLUMNS`` (``label`` is the display name, ``type`` the
    schema label, ``i2_type`` the i2 entity type), then any other attribute; link columns are
    ``LINK_COLUMNS``. Calls and payments with both ends known are link rows, not entities.
    """
    directory = Path(directory)
    H, _ = pseudonymize(G, reveal=reveal)
    events = list(event_links(H))
    folded = {e["id"] for *_, e in events}
    F = _flat(H.subgraph([n for n in H if str(n) not in folded]).copy())
    entities = [_entity_row(n, d) for n, d in F.nodes(data=True)]
    extra = sorted({k for row in entities for k in row} - set(ENTITY_COLUMNS) - {"evidence"})
    links = [_link_row(F, u, v, k, d) for u, v, k, d in _items(F)]
    links += [_event_row(F, s, r, e) for s, r, e in events if s in F and r in F]
    entities_path = _write_csv(directory / "entities.csv", ENTITY_COLUMNS + extra, entities)
    links_path = _write_csv(directory / "links.csv", LINK_COLUMNS, links)
    spec = i2_specification(ENTITY_COLUMNS + extra)
    _write(directory / "i2_import_specification.json", json.dumps(spec, indent=2, ensure_ascii=False).encode("utf-8"))
    _write(directory / "i2_import_specification.txt", _spec_text(spec).encode("utf-8"))
    return entities_path, links_path
