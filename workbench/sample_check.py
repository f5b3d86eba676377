"""Check a projected case graph against the sample case's ground truth.

Why: the synthetic case is generated with a known network (``ground_truth.json``), so the whole
chain - extraction, resolution, loading, projection, flags - can be measured end to end: is
every true person exactly one node, every phone one node, is every true relation present with
evidence, do the complicit officials rank above the innocent ones? Used by the integration tests
and the notebooks; pure functions over a graph and the truth dict.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

import networkx as nx
import pandas as pd

from graph_schema import load_schema
from graph_schema.types import fold_name

__all__ = ["person_matches", "relation_coverage", "flag_quality", "person_level_relations"]


def _names(attrs: dict[str, Any]) -> set[str]:
    names = [attrs.get("name")] + list(attrs.get("aliases") or [])
    return {fold_name(n) for n in names if isinstance(n, str) and n.strip()}


def person_matches(G: nx.Graph, truth: dict[str, Any]) -> pd.DataFrame:
    """One row per true person: the nodes whose name is theirs (full name match, folded).

    ``duplicates`` > 0 means the person was split into several nodes; ``merged_with`` names
    other true people sharing one of those nodes (a wrong merge).
    """
    by_name: dict[str, list[str]] = defaultdict(list)
    for node, attrs in G.nodes(data=True):
        if attrs.get("label") == "Person":
            by_name[fold_name(str(attrs.get("name", "")))].append(node)
    owner: dict[str, list[str]] = defaultdict(list)
    rows = []
    for person in truth["people"]:
        nodes = sorted(set(by_name.get(fold_name(person["name"]), [])))
        for n in nodes:
            owner[n].append(person["name"])
        rows.append({"name": person["name"], "role": person["role"], "nodes": nodes, "found": bool(nodes),
                     "duplicates": max(len(nodes) - 1, 0)})
    frame = pd.DataFrame(rows)
    frame["merged_with"] = [sorted({o for n in nodes for o in owner[n]} - {name})
                            for name, nodes in zip(frame["name"], frame["nodes"])]
    return frame


def _users(G: nx.MultiDiGraph, node: str, uses: str) -> set[str]:
    """The person itself, or the people who use the phone by ``uses`` (its use relation)."""
    if G.nodes[node].get("label") == "Person":
        return {node}
    return {u for u, _, d in G.in_edges(node, data=True) if d.get("type") == uses
            and G.nodes[u].get("label") == "Person"}


def _truth_name(node: str, attrs: dict[str, Any]) -> str:
    """A node's name as the truth writes it: a handle as "platform:handle" (its caption is the bare
    handle, which two platforms can share), anything else by its name or id."""
    if attrs.get("label") == "Handle" and attrs.get("platform") and attrs.get("handle"):
        return f"{attrs['platform']}:{attrs['handle']}"
    return str(attrs.get("name", node))


def person_level_relations(G: nx.MultiDiGraph) -> set[tuple[str, str, str]]:
    """(type, folded source caption, folded target caption), payments and calls seen person to person."""
    found: set[tuple[str, str, str]] = set()
    name = {n: fold_name(_truth_name(n, d)) for n, d in G.nodes(data=True)}
    for u, v, d in G.edges(data=True):
        found.add((d.get("type", ""), name[u], name[v]))
    schema = load_schema()
    uses = schema.holder_types("Phone")[0]
    events = {label: schema.event_legs(label) for label in schema.party_events()}
    for event, attrs in G.nodes(data=True):
        kind = events.get(attrs.get("label"))
        if not kind:
            continue
        senders = [u for u, _, d in G.in_edges(event, data=True) if d.get("type") == kind[0]]
        receivers = [v for _, v, d in G.out_edges(event, data=True) if d.get("type") == kind[1]]
        for s in senders:
            for r in receivers:
                for a in _users(G, s, uses) | {s}:
                    for b in _users(G, r, uses) | {r}:
                        found.add((kind[0], name[a], name[b]))
    return found


def _truth_key(rel: dict[str, Any]) -> tuple[str, str, str]:
    return rel["type"], fold_name(str(rel["source"])), fold_name(str(rel["target"]))


def relation_coverage(G: nx.MultiDiGraph, truth: dict[str, Any], types: Iterable[str] | None = None) -> pd.DataFrame:
    """Recall of the true relations (per type) in the graph, matched by type and folded names."""
    found = person_level_relations(G)
    undirected = set(load_schema().undirected_types)
    rows: dict[str, dict[str, int]] = defaultdict(lambda: {"true": 0, "found": 0})
    wanted = set(types) if types else None
    for rel in truth["relations"]:
        if wanted and rel["type"] not in wanted:
            continue
        key = _truth_key(rel)
        hit = key in found or (rel["type"] in undirected and (key[0], key[2], key[1]) in found)
        rows[rel["type"]]["true"] += 1
        rows[rel["type"]]["found"] += int(hit)
    frame = pd.DataFrame([{"type": t, **c} for t, c in sorted(rows.items())])
    if not frame.empty:
        frame["recall"] = frame["found"] / frame["true"]
    return frame


def flag_quality(table: pd.DataFrame, G: nx.Graph, truth: dict[str, Any]) -> dict[str, Any]:
    """Precision and recall of the flags, and whether every complicit official outranks every innocent one."""
    complicit = {fold_name(p["name"]) for p in truth["people"] if p.get("complicit") is True}
    innocent = {fold_name(p["name"]) for p in truth["people"]
                if p["role"] in ("official", "investigator") and not p.get("complicit")}
    flagged = [fold_name(str(G.nodes[n].get("name", n))) if n in G else fold_name(str(n))
               for n in table.get("node", [])]
    hits = [f for f in flagged if f in complicit]
    ranks = {name: i for i, name in enumerate(flagged)}
    worst_complicit = max((ranks.get(c, len(flagged)) for c in complicit), default=-1)
    best_innocent = min((ranks[i] for i in innocent if i in ranks), default=len(flagged) + 1)
    return {"flagged": len(flagged), "true_positives": len(hits), "complicit": len(complicit),
            "precision": len(hits) / len(flagged) if flagged else 1.0,
            "recall": len(set(hits)) / len(complicit) if complicit else 1.0,
            "complicit_rank_above_innocent": worst_complicit < best_innocent,
            "flagged_innocent": sorted(i for i in innocent if i in ranks)}
