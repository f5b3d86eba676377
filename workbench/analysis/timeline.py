"""Timeline: what happened when, per entity and per case, from dated events and evidence.

Why: trafficking cases are told in time (recruitment, transport, payments, a tip-off the day
before a raid), and activity that starts, peaks or stops around an operation is itself a lead.
Rows come from three places: Payment and Call nodes (their ``date`` or ``at``, with payer or
caller as ``node`` and payee or callee as ``other``), the dated ``evidence`` sentences on edges,
and an edge's ``first_seen`` / ``last_seen`` when its evidence carries no date.
"""
from __future__ import annotations

from typing import Any

import networkx as nx
import pandas as pd

from graph_schema import load_schema
from workbench.analysis.simple import node_info

__all__ = ["timeline", "activity", "first_last_seen"]

_COLUMNS = ["date", "node", "name", "other", "other_name", "kind", "detail", "event",
            "note_id", "case_id"]


def _event_rows(G: nx.Graph) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    events = load_schema().party_events()
    for v, d in G.nodes(data=True):
        when = d.get("date") or d.get("at")
        if not when or d.get("label") not in events:
            continue
        before = list(G.predecessors(v)) if G.is_directed() else list(G[v])
        after = list(G.successors(v)) if G.is_directed() else []
        if d["label"] == "Payment":
            detail = " ".join(str(x) for x in (d.get("currency"), d.get("amount")) if x is not None)
            detail += f" via {d['channel']}" if d.get("channel") else ""
        else:
            detail = f"{d.get('kind') or 'call'}" + (f", {d['duration_s']} s" if d.get("duration_s") else "")
        rows.append({"date": when, "node": before[0] if before else v,
                     "other": after[0] if after else None, "kind": d["label"].lower(),
                     "detail": detail or d.get("name"), "event": v})
    return rows


def _edge_rows(G: nx.Graph) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for u, v, d in G.edges(data=True):
        base = {"node": u, "other": v, "kind": d.get("type") or "tie", "event": None}
        dated = [e for e in d.get("evidence") or [] if e.get("date")]
        rows.extend({**base, "date": e["date"], "detail": e.get("sentence"),
                     "note_id": e.get("note_id"), "case_id": e.get("case_id")} for e in dated)
        if not dated:
            seen = dict.fromkeys(d.get(k) for k in ("first_seen", "last_seen") if d.get(k))
            rows.extend({**base, "date": s, "detail": "seen"} for s in seen)
    return rows


def timeline(G: nx.Graph, *, node: Any = None, case: str | None = None) -> pd.DataFrame:
    """All dated rows, oldest first; ``node`` keeps rows involving that node, ``case`` one case.

    Returns
    -------
    pandas.DataFrame
        Columns date (datetime64), node, name, other, other_name, kind (payment, call or the
        relationship type), detail (amount or sentence), event, note_id, case_id.

    Examples
    --------
    >>> M = nx.MultiDiGraph()
    >>> M.add_node("pay1", label="Payment", amount=500, currency="BZD", date="2024-03-01")
    >>> _ = M.add_edge("ana", "pay1", type="PAID"); _ = M.add_edge("pay1", "ben", type="PAID_TO")
    >>> _ = M.add_edge("ana", "ben", type="CALLED", evidence=[
    ...     {"note_id": "n1", "sentence": "Ana called Ben.", "date": "2024-02-27"}])
    >>> timeline(M, node="ben")[["date", "node", "kind", "detail"]].to_dict("records")[1]
    {'date': Timestamp('2024-03-01 00:00:00'), 'node': 'ana', 'kind': 'payment', 'detail': 'BZD 500'}
    """
    frame = pd.DataFrame(_event_rows(G) + _edge_rows(G), columns=_COLUMNS)
    frame["date"] = pd.to_datetime(frame["date"], errors="coerce", format="mixed")
    frame = frame.dropna(subset=["date"])
    if node is not None:
        frame = frame[(frame["node"] == node) | (frame["other"] == node) | (frame["event"] == node)]
    if case is not None:
        frame = frame[frame["case_id"] == case]
    frame = frame.assign(
        name=[node_info(G, v)["name"] for v in frame["node"]],
        other_name=[node_info(G, v)["name"] if v in G else None for v in frame["other"]])
    return frame.sort_values(["date", "kind"], kind="stable").reset_index(drop=True)


def activity(G: nx.Graph, freq: str = "W", *, node: Any = None) -> pd.DataFrame:
    """Counts of rows per period and kind, one column per kind, ready for ``.plot()``.

    ``freq`` is a pandas offset alias ("D", "W", "MS" for months). Periods with no activity are
    kept as zeros so gaps show.

    Examples
    --------
    >>> M = nx.MultiDiGraph()
    >>> _ = M.add_edge("a", "b", type="CALLED", first_seen="2024-01-01")
    >>> _ = M.add_edge("a", "b", type="CALLED", first_seen="2024-01-15")
    >>> activity(M, "W")["CALLED"].tolist()
    [1, 0, 1]
    """
    frame = timeline(G, node=node)
    if frame.empty:
        return pd.DataFrame()
    counts = frame.groupby([pd.Grouper(key="date", freq=freq), "kind"]).size().unstack(fill_value=0)
    return counts.asfreq(freq, fill_value=0)


def first_last_seen(G: nx.Graph) -> pd.DataFrame:
    """First and last date each entity appears (node attributes and timeline rows), and how often.

    Examples
    --------
    >>> M = nx.MultiDiGraph()
    >>> _ = M.add_edge("a", "b", type="CALLED", first_seen="2024-01-01", last_seen="2024-02-01")
    >>> first_last_seen(M)[["node", "first_seen", "last_seen", "rows"]].astype(str).values.tolist()
    [['a', '2024-01-01', '2024-02-01', '2'], ['b', '2024-01-01', '2024-02-01', '2']]
    """
    t = timeline(G)
    long = pd.concat([t[["node", "date"]], t[["other", "date"]].rename(columns={"other": "node"}),
                      t[["event", "date"]].rename(columns={"event": "node"})]).dropna()
    attrs = [{"node": v, "date": d.get(k)} for v, d in G.nodes(data=True)
             for k in ("first_seen", "last_seen") if d.get(k)]
    extra = pd.DataFrame(attrs, columns=["node", "date"])
    extra["date"] = pd.to_datetime(extra["date"], errors="coerce", format="mixed")
    long = pd.concat([long, extra.dropna()]) if not extra.empty else long
    out = long.groupby("node", sort=False)["date"].agg(["min", "max", "size"]).reset_index()
    out.columns = ["node", "first_seen", "last_seen", "rows"]
    out.insert(1, "name", [node_info(G, v)["name"] for v in out["node"]])
    return out.sort_values(["first_seen", "name"], kind="stable").reset_index(drop=True)
