"""Hidden ties and leads: who is probably connected though no note says so, and loose ends.

Why: traffickers keep separate phones, pay through intermediaries and meet at venues; two people
who share a phone, a payment or a place are likely tied even if never seen together. Link
prediction scores such pairs (Adamic-Adar: a shared rarely-used phone counts far more than a
shared city; common neighbours; Jaccard) and names the shared entities as the reason. Leads list
what the notes leave open: entities seen once, phones with no known user, people known only by
a number. These are suggestions to check, not findings.
"""
from __future__ import annotations

import re
from itertools import combinations
from typing import Any

import networkx as nx
import pandas as pd

from graph_schema import load_schema
from workbench.analysis.keyplayers import keep_labels
from workbench.analysis.simple import as_simple, node_info

__all__ = ["hidden_ties", "leads", "shared_phones"]

_PHONE_LIKE = re.compile(r"^\+?[\d\s\-().]{6,}$")


def _describe(H: nx.Graph, v: Any) -> str:
    info = node_info(H, v)
    return f"{info['label']}: {info['name']}" if info["label"] else info["name"]


def _candidate_pairs(H: nx.Graph, people: list[Any], max_shared_degree: int | None) -> set[tuple[Any, Any]]:
    order = {v: i for i, v in enumerate(people)}
    pairs: set[tuple[Any, Any]] = set()
    for w in H:
        if max_shared_degree is not None and H.degree(w) > max_shared_degree:
            continue
        near = sorted((v for v in H[w] if v in order), key=order.__getitem__)
        pairs.update((a, b) for a, b in combinations(near, 2) if not H.has_edge(a, b))
    return pairs


def hidden_ties(G: nx.Graph, *, top: int = 20, labels: tuple[str, ...] | None = ("Person",),
                max_shared_degree: int | None = 500) -> pd.DataFrame:
    """Pairs of people not directly linked who share neighbours, scored three ways.

    Parameters
    ----------
    G : networkx graph
    top : int
        Rows kept per method, best first.
    labels : tuple of str or None
        Which nodes form pairs (people by default; unlabelled nodes of plain graphs always do).
    max_shared_degree : int or None
        Shared neighbours with more ties than this (a whole city) are not used to form pairs.

    Returns
    -------
    pandas.DataFrame
        Columns u, name_u, v, name_v, method, score, shared (node ids), reasons
        (the shared entities named).

    Examples
    --------
    >>> G = nx.Graph([("ana", "phone"), ("ben", "phone"), ("ben", "bar"), ("cy", "bar")])
    >>> ties = hidden_ties(G)
    >>> ties[ties.method == "common_neighbours"][["u", "v", "score"]].to_dict("records")[0]
    {'u': 'ana', 'v': 'ben', 'score': 1.0}
    """
    H = as_simple(G)
    pairs = sorted(_candidate_pairs(H, keep_labels(H, labels), max_shared_degree), key=str)
    shared = {p: sorted(nx.common_neighbors(H, *p), key=str) for p in pairs}
    scores = {
        "adamic_adar": {(u, v): s for u, v, s in nx.adamic_adar_index(H, pairs)},
        "common_neighbours": {p: float(len(shared[p])) for p in pairs},
        "jaccard": {(u, v): s for u, v, s in nx.jaccard_coefficient(H, pairs)},
    }
    rows: list[dict[str, Any]] = []
    for method, by_pair in scores.items():
        best = sorted(by_pair, key=lambda p: (-by_pair[p], str(p)))[:top]
        rows.extend({"u": a, "name_u": node_info(H, a)["name"], "v": b,
                     "name_v": node_info(H, b)["name"], "method": method,
                     "score": float(by_pair[(a, b)]), "shared": shared[(a, b)],
                     "reasons": "shares " + "; ".join(_describe(H, w) for w in shared[(a, b)])}
                    for a, b in best)
    return pd.DataFrame(rows, columns=["u", "name_u", "v", "name_v", "method",
                                       "score", "shared", "reasons"])


def _users(G: nx.Graph, phone: Any) -> list[Any]:
    """People or organisations tied to ``phone`` by its use relation (USES_PHONE: the first of the
    schema's ``holder_types``; its sources are who may use one), or by an untyped edge."""
    schema = load_schema()
    uses = schema.holder_types("Phone")[0]
    holders = schema.rel(uses).source
    H = as_simple(G)
    return sorted((v for v in H[phone]
                   if G.nodes[v].get("label") in holders
                   and (not H[phone][v].get("types") or uses in H[phone][v]["types"])), key=str)


def shared_phones(G: nx.Graph) -> pd.DataFrame:
    """People who use the same phone, one row per pair, with the phone.

    Examples
    --------
    >>> M = nx.MultiDiGraph()
    >>> M.add_node("p1", label="Person", name="Ana"); M.add_node("p2", label="Person", name="Ben")
    >>> M.add_node("ph", label="Phone", name="+5016221234")
    >>> _ = M.add_edge("p1", "ph", type="USES_PHONE"); _ = M.add_edge("p2", "ph", type="USES_PHONE")
    >>> shared_phones(M)[["phone_name", "name_u", "name_v"]].to_dict("records")
    [{'phone_name': '+5016221234', 'name_u': 'Ana', 'name_v': 'Ben'}]
    """
    H = as_simple(G)
    rows: list[dict[str, Any]] = []
    for phone, data in H.nodes(data=True):
        if data.get("label") != "Phone":
            continue
        people = [v for v in _users(H, phone) if H.nodes[v].get("label") == "Person"]
        rows.extend({"phone": phone, "phone_name": node_info(H, phone)["name"],
                     "u": a, "name_u": node_info(H, a)["name"],
                     "v": b, "name_v": node_info(H, b)["name"]}
                    for a, b in combinations(people, 2))
    return pd.DataFrame(rows, columns=["phone", "phone_name", "u", "name_u", "v", "name_v"])


def leads(G: nx.Graph) -> pd.DataFrame:
    """Loose ends worth a follow-up: entities seen once, unattributed phones, nameless people.

    Columns node, name, label, role, reason, detail, evidence_count. Reasons: ``mentioned once`` (node ``evidence_count`` == 1: one source, needs corroboration),
    ``phone with no known user`` (a Phone no person or organisation is known to use: subscriber
    check), ``known only by a phone number`` (a Person whose name is missing or a number).

    Examples
    --------
    >>> M = nx.MultiDiGraph()
    >>> M.add_node("ph", label="Phone", name="+5016221234", evidence_count=1)
    >>> leads(M)[["node", "reason"]].to_dict("records")
    [{'node': 'ph', 'reason': 'mentioned once'}, {'node': 'ph', 'reason': 'phone with no known user'}]
    """
    H = as_simple(G)
    rows: list[dict[str, Any]] = []
    for v, data in H.nodes(data=True):
        info = {"node": v, **node_info(H, v), "evidence_count": data.get("evidence_count")}
        if data.get("evidence_count") == 1:
            rows.append({**info, "reason": "mentioned once", "detail": "one mention in the notes"})
        if data.get("label") == "Phone" and not _users(H, v):
            rows.append({**info, "reason": "phone with no known user",
                         "detail": f"{H.degree(v)} links, no USES_PHONE"})
        name = str(data.get("name") or "")
        if data.get("label") == "Person" and (not name or _PHONE_LIKE.match(name)):
            rows.append({**info, "reason": "known only by a phone number",
                         "detail": name or "no name"})
    return pd.DataFrame(rows, columns=["node", "name", "label", "role", "reason", "detail",
                                       "evidence_count"])
