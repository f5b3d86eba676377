"""Paths: how two entities are connected, hop by hop, with the sentences behind each hop.

Why: "how is the immigration officer connected to the bar owner?" is asked in every case, and
the answer is only usable if each step can be shown to a prosecutor: the relationship, when it
was seen, and the note and sentence that say so. Paths are found on the undirected simple view
(a call links caller and callee either way) by hop count; the hop details come from the
original graph's edges in both directions.
"""
from __future__ import annotations

from itertools import islice
from typing import Any

import networkx as nx
import pandas as pd

from workbench.analysis.simple import as_simple, node_info

__all__ = ["shortest_path", "k_shortest_paths", "path_frame", "hop"]


def _edge_dicts(G: nx.Graph, u: Any, v: Any) -> list[dict[str, Any]]:
    pairs = [(u, v), (v, u)] if G.is_directed() else [(u, v)]
    out: list[dict[str, Any]] = []
    for a, b in pairs:
        if not G.has_edge(a, b):
            continue
        data = G.get_edge_data(a, b)
        out.extend(data.values() if G.is_multigraph() else [data])
    return out


def hop(G: nx.Graph, u: Any, v: Any) -> dict[str, Any]:
    """One step of a path: both ends, relationship types, dates and supporting evidence.

    Types come from each edge's ``type`` (entity graph) or ``reasons`` (person network).
    ``first_seen`` / ``last_seen`` span the edges' own dates and their evidence dates.

    Examples
    --------
    >>> M = nx.MultiDiGraph()
    >>> _ = M.add_edge("a", "b", type="CALLED", first_seen="2024-01-02",
    ...                evidence=[{"note_id": "n1", "sentence": "A called B.", "date": "2024-01-02"}])
    >>> h = hop(M, "b", "a")
    >>> h["types"], h["first_seen"], h["evidence"][0]["sentence"]
    (['CALLED'], '2024-01-02', 'A called B.')
    """
    edges = _edge_dicts(G, u, v)
    types: set[str] = set()
    dates: list[str] = []
    evidence: list[dict[str, Any]] = []
    for d in edges:
        types.update([d["type"]] if d.get("type") else list(d.get("reasons", {})))
        dates.extend(str(d[k]) for k in ("first_seen", "last_seen") if d.get(k))
        for ev in d.get("evidence") or []:
            evidence.append({"type": d.get("type"), **ev})
            if ev.get("date"):
                dates.append(str(ev["date"]))
    count = sum(int(d.get("evidence_count") or len(d.get("evidence") or [])) for d in edges)
    return {
        "source": u, "source_name": node_info(G, u)["name"],
        "target": v, "target_name": node_info(G, v)["name"],
        "types": sorted(types), "first_seen": min(dates, default=None),
        "last_seen": max(dates, default=None), "evidence_count": count, "evidence": evidence,
    }


def _check(H: nx.Graph, *nodes: Any) -> None:
    for n in nodes:
        if n not in H:
            raise nx.NodeNotFound(f"node {n!r} is not in the graph")


def k_shortest_paths(G: nx.Graph, source: Any, target: Any, *, k: int = 3) -> list[list[dict[str, Any]]]:
    """Up to ``k`` shortest simple paths, shortest first, each a list of hops (see ``hop``).

    Alternative routes matter: if the shortest chain rests on one weak tip, the second may rest
    on bank records. Returns ``[]`` when the two are not connected.

    Examples
    --------
    >>> G = nx.Graph([("a", "b"), ("b", "d"), ("a", "c"), ("c", "d")])
    >>> [[h["target"] for h in p] for p in k_shortest_paths(G, "a", "d", k=2)]
    [['b', 'd'], ['c', 'd']]
    """
    H = as_simple(G)
    _check(H, source, target)
    if source == target or not nx.has_path(H, source, target):
        return []
    paths = islice(nx.shortest_simple_paths(H, source, target), k)
    return [[hop(G, u, v) for u, v in zip(p, p[1:])] for p in paths]


def shortest_path(G: nx.Graph, source: Any, target: Any) -> list[dict[str, Any]]:
    """The shortest chain of hops from ``source`` to ``target`` (``[]`` if not connected).

    Examples
    --------
    >>> [h["target"] for h in shortest_path(nx.path_graph(3), 0, 2)]
    [1, 2]
    """
    found = k_shortest_paths(G, source, target, k=1)
    return found[0] if found else []


def path_frame(G: nx.Graph, source: Any, target: Any, *, k: int = 1) -> pd.DataFrame:
    """The ``k`` shortest paths as a table: one row per hop, with the supporting sentences.

    Columns: path, step, source, source_name, target, target_name, types, first_seen,
    last_seen, evidence_count, sentences, note_ids.

    Examples
    --------
    >>> path_frame(nx.path_graph(3), 0, 2)[["path", "step", "source", "target"]].to_dict("records")
    [{'path': 1, 'step': 1, 'source': 0, 'target': 1}, {'path': 1, 'step': 2, 'source': 1, 'target': 2}]
    """
    rows = []
    for i, path in enumerate(k_shortest_paths(G, source, target, k=k), start=1):
        for j, h in enumerate(path, start=1):
            ev = h.pop("evidence")
            rows.append({"path": i, "step": j, **h,
                         "sentences": [e.get("sentence") for e in ev],
                         "note_ids": sorted({e["note_id"] for e in ev if e.get("note_id")})})
    columns = ["path", "step", "source", "source_name", "target", "target_name", "types",
               "first_seen", "last_seen", "evidence_count", "sentences", "note_ids"]
    return pd.DataFrame(rows, columns=columns)
