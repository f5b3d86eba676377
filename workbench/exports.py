"""Exports for other tools: GraphML, GEXF (Gephi) and i2 Analyst's Notebook entity/link CSVs.

Why: partner agencies and prosecutors use Gephi, yEd or i2 Analyst's Notebook, not our
notebooks. Every export goes through ``pseudonymize`` first (victims and witnesses as
"Victim 3", also inside evidence sentences) unless ``reveal=True`` is passed explicitly.

Flattening, because GraphML and GEXF hold only scalars and need one type per attribute:
lists of strings become ``"; "``-joined text, dicts become JSON, ``None`` is dropped, and an
attribute that is a number on one element and text on another becomes text everywhere (int and
float mixed: float). Evidence becomes ``evidence`` (JSON of the top rows: note id, sentence,
date, confidence) plus ``top_sentence`` and ``top_note_id``, so each link still leads back to
its notes in one step. GEXF reserves ``label``, ``type``, ``id`` and ``weight``: there the node
label is the display name (schema label in ``kind``) and the edge label is the relationship type.
"""
from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import networkx as nx

from workbench.views.pseudonyms import node_label_of, pseudonymize

__all__ = ["flat_graph", "to_graphml", "to_gexf", "to_i2_csv", "ENTITY_COLUMNS", "LINK_COLUMNS", "TOP_EVIDENCE"]

TOP_EVIDENCE = 3
ENTITY_COLUMNS = ["id", "type", "label", "role", "agency", "rank", "evidence_count", "first_seen", "last_seen"]
LINK_COLUMNS = ["from", "to", "type", "evidence_count", "first_seen", "last_seen", "confidence",
                "top_sentence", "top_note_id", "id"]


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


def flat_graph(G: nx.Graph, *, reveal: bool = False) -> nx.Graph:
    """A pseudonymized copy of ``G`` with only scalar attributes, one type per attribute.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("Person:v", label="Person", name="Ana", role="victim", aliases=["La Flaca"])
    >>> _ = G.add_edge("Person:v", "Person:v", type="SEEN_AT", evidence=[{"note_id": "n1", "sentence": "Ana was seen."}])
    >>> F = flat_graph(G)
    >>> F.nodes["Person:v"]["name"], next(iter(F.edges(data=True)))[2]["top_sentence"]
    ('Victim 1', 'Victim 1 was seen.')
    """
    H, _ = pseudonymize(G, reveal=reveal)
    F = H.__class__()
    nodes = [(n, _flatten(d)) for n, d in H.nodes(data=True)]
    _harmonize([d for _, d in nodes])
    F.add_nodes_from(nodes)
    if H.is_multigraph():
        edges = [(u, v, k, _flatten(d)) for u, v, k, d in H.edges(keys=True, data=True)]
        _harmonize([e[3] for e in edges])
        F.add_edges_from(edges)
    else:
        plain = [(u, v, _flatten(d)) for u, v, d in H.edges(data=True)]
        _harmonize([e[2] for e in plain])
        F.add_edges_from(plain)
    return F


def to_graphml(G: nx.Graph, path: str | Path, *, reveal: bool = False) -> Path:
    """Write GraphML (yEd, Gephi, Cytoscape); read back with ``nx.read_graphml``."""
    path = Path(path)
    nx.write_graphml(flat_graph(G, reveal=reveal), path, encoding="utf-8")
    return path


def to_gexf(G: nx.Graph, path: str | Path, *, reveal: bool = False) -> Path:
    """Write GEXF for Gephi; read back with ``nx.read_gexf``."""
    path = Path(path)
    F = flat_graph(G, reveal=reveal)
    for n, d in F.nodes(data=True):
        d["kind"] = node_label_of(n, d) or ""
        d["label"] = str(d.get("name") or n)
    edges = F.edges(keys=True, data=True) if F.is_multigraph() else ((u, v, None, d) for u, v, d in F.edges(data=True))
    for i, (u, v, k, d) in enumerate(edges):
        if "type" in d:
            d["rel_type"] = d.pop("type")
            d["label"] = d["rel_type"]
        if "weight" in d and not isinstance(d["weight"], (int, float)):
            d["weight_text"] = str(d.pop("weight"))
        d["id"] = str(d.get("id") or k or f"e{i}")
    nx.write_gexf(F, path, encoding="utf-8")
    return path


def _entity_row(n: Any, d: dict[str, Any]) -> dict[str, Any]:
    row = {k: v for k, v in d.items() if k not in ("label", "name", "key")}
    row.update(id=n, type=node_label_of(n, d) or "", label=d.get("name") or n)
    return row


def _link_row(u: Any, v: Any, k: Any, d: dict[str, Any]) -> dict[str, Any]:
    reasons = d.get("reasons")
    kind = d.get("type") or (", ".join(json.loads(reasons)) if isinstance(reasons, str) and reasons.startswith("{") else "")
    return {"from": u, "to": v, "type": kind or "link",
            "evidence_count": d.get("evidence_count", d.get("weight", "")), "first_seen": d.get("first_seen", ""),
            "last_seen": d.get("last_seen", ""), "confidence": d.get("confidence", ""),
            "top_sentence": d.get("top_sentence", ""), "top_note_id": d.get("top_note_id", ""),
            "id": d.get("id") or (k if k is not None else "")}


def to_i2_csv(G: nx.Graph, directory: str | Path, *, reveal: bool = False) -> tuple[Path, Path]:
    """Write ``entities.csv`` and ``links.csv`` for i2 Analyst's Notebook import (UTF-8).

    Entity columns start with ``ENTITY_COLUMNS`` (``label`` is the display name, ``type`` the
    schema label), then any other attribute; link columns are ``LINK_COLUMNS``.
    """
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    F = flat_graph(G, reveal=reveal)
    entities = [_entity_row(n, d) for n, d in F.nodes(data=True)]
    extra = sorted({k for row in entities for k in row} - set(ENTITY_COLUMNS) - {"evidence"})
    items = F.edges(keys=True, data=True) if F.is_multigraph() else ((u, v, None, d) for u, v, d in F.edges(data=True))
    links = [_link_row(u, v, k, d) for u, v, k, d in items]
    entities_path, links_path = directory / "entities.csv", directory / "links.csv"
    for path, columns, rows in ((entities_path, ENTITY_COLUMNS + extra, entities), (links_path, LINK_COLUMNS, links)):
        with path.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=columns, extrasaction="ignore")
            writer.writeheader()
            writer.writerows(rows)
    return entities_path, links_path
