"""The report's tables and the embedded network: key players, communities, disruption, leads, contents.

Each function returns escaped HTML for one section's body, from graphs that are already
protected (victims and witnesses by pseudonym unless the report reveals them).
"""
from __future__ import annotations

import html
from collections.abc import Iterable
from typing import Any

import networkx as nx
import pandas as pd

from graph_schema import load_schema
from workbench import analysis
from workbench.views import network_html

__all__ = ["table", "communities", "disruption", "contents", "network", "without_investigators", "leads",
           "NOT_TARGETS"]

NOT_TARGETS = ("victim", "witness", "investigator")



def _e(value: Any) -> str:
    return html.escape("" if value is None or (isinstance(value, float) and value != value) else str(value))


def _fmt(value: Any) -> Any:
    if isinstance(value, float):
        return f"{value:.3f}"
    if isinstance(value, (set, frozenset, list, tuple)):
        return ", ".join(str(v) for v in value)
    return value


def table(frame: pd.DataFrame, columns: Iterable[str], limit: int = 15) -> str:
    """An HTML table of ``columns`` of the first ``limit`` rows (floats to three places)."""
    cols = [c for c in columns if c in frame.columns]
    if frame.empty or not cols:
        return '<p class="muted">Nothing to show.</p>'
    head = "".join(f"<th>{_e(c)}</th>" for c in cols)
    body = "".join("<tr>" + "".join(f"<td>{_e(_fmt(row[c]))}</td>" for c in cols) + "</tr>"
                   for _, row in frame.head(limit).iterrows())
    more = f'<p class="muted">{len(frame) - limit} more rows not shown.</p>' if len(frame) > limit else ""
    return f"<table><tr>{head}</tr>{body}</table>{more}"


def communities(P: nx.Graph, seed: int) -> str:
    if P.number_of_edges() == 0:
        return '<p class="muted">No ties between people.</p>'
    groups = sorted(analysis.louvain(P, seed=seed), key=len, reverse=True)
    items = []
    for i, group in enumerate(groups[:12], start=1):
        names = sorted(str(P.nodes[n].get("name", n)) for n in group)
        items.append(f"<li><b>Community {i}</b> ({len(group)}): {_e(', '.join(names[:25]))}"
                     + (" ..." if len(names) > 25 else "") + "</li>")
    return (f'<p class="muted">Louvain communities of the person network (seed {seed}).</p><ul>'
            + "".join(items) + "</ul>")


def disruption(P: nx.Graph, k: int, seed: int) -> str:
    targets = [n for n, d in P.nodes(data=True) if d.get("role") not in NOT_TARGETS]
    if len(targets) <= k:
        return '<p class="muted">Too few people to plan a disruption.</p>'
    plan = analysis.disruption_plan(P, k, candidates=targets, seed=seed)
    return ("<p>Which people, if arrested or turned, would most break the network apart "
            f"(key player problem, k={k}), against simply taking the top-{k} by degree or betweenness. "
            "Victims, witnesses and investigators are never candidates.</p>"
            + table(plan, ["strategy", "names", "fragmentation", "largest_component", "components"], limit=10))


def leads(frame: pd.DataFrame) -> str:
    """Entities seen once or known only by a number; records (the schema's events: a call, a
    payment) are left out, as every call is one row of its CDR."""
    events = load_schema().labels_of_kind("event")
    return table(frame[~frame["label"].isin(events)], ["name", "label", "reason", "evidence_count"])


def without_investigators(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Investigators share every suspect's notes; as "hidden ties" they would only be noise."""
    return G.subgraph(n for n, d in G.nodes(data=True) if d.get("role") != "investigator")


def contents(G: nx.MultiDiGraph) -> str:
    """Entities by label and relationships by type: what the graph holds."""
    labels = pd.Series([d.get("label") for _, d in G.nodes(data=True)]).value_counts()
    types = pd.Series([d.get("type") for _, _, d in G.edges(data=True)]).value_counts()
    return (f"<p>{G.number_of_nodes()} entities: {_e(', '.join(f'{k} {v}' for k, v in labels.items()))}.</p>"
            f"<p>{G.number_of_edges()} relationships: {_e(', '.join(f'{k} {v}' for k, v in types.items()))}.</p>")


def network(P: nx.Graph) -> str:
    """The person network's own offline page, embedded as a sandboxed ``iframe srcdoc``."""
    if P.number_of_nodes() == 0:
        return '<p class="muted">No people to draw.</p>'
    page = network_html(P, size_by="pagerank", reveal=True, title="Person network")  # P is protected already
    return ("<p>The person network; size by PageRank. Hover a node or tie for its evidence.</p>"
            '<iframe title="network view" sandbox="allow-scripts" srcdoc="' + html.escape(page, quote=True)
            + '"></iframe>')
