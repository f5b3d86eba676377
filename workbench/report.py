"""The case report: one self-contained, offline HTML page an analyst can hand to a supervisor.

Why a pure function of graphs and frames: the report must show exactly what the analysis and the
flags computed, nothing re-derived differently. Victims and witnesses are pseudonymized
everywhere (tables, sentences, the network) unless ``reveal=True``; every string is escaped; the
network view is embedded as an ``iframe srcdoc`` so its scripts stay inside their own page; the
timeline is an inline PNG. Nothing loads from the network. A sentence cites its note by file
name, type, author and date (:func:`note_sources`), not by the note's 64-character hash.
"""
from __future__ import annotations

import base64
import datetime as dt
import html
import warnings
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

import networkx as nx
import pandas as pd

from workbench import analysis
from workbench.flags.flag import FlagReport
from workbench.flags.report import to_html as flags_html
from workbench.project import person_network
from workbench.views import network_html, pseudonym_table, pseudonymize, timeline_chart
from workbench.views.page import csp_meta

__all__ = ["CaseReport", "build_report", "cite_flags", "cite_graph", "note_sources"]

_CSS = """
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;color:#222;background:#fafafa}
header{background:#1f3b57;color:#fff;padding:16px 28px} header h1{margin:0;font-size:1.5em}
main{padding:8px 28px 40px;max-width:1200px} section{background:#fff;border:1px solid #ddd;border-radius:6px;
padding:12px 18px;margin:16px 0} h2{font-size:1.15em;margin:4px 0 10px;color:#1f3b57}
table{border-collapse:collapse;font-size:.88em;margin:6px 0} th,td{border:1px solid #ddd;padding:3px 7px;
text-align:left;vertical-align:top} th{background:#f0f3f6} .muted{color:#666;font-size:.9em}
.warn{background:#fff4e5;border-left:4px solid #f28e2b;padding:6px 10px} iframe{width:100%;height:620px;border:1px solid #ccc}
.flag{border-top:1px solid #eee;padding-top:6px}
"""


_NOT_TARGETS = ("victim", "witness", "investigator")


@dataclass(frozen=True)
class CaseReport:
    html: str
    sections: tuple[str, ...]


def _e(value: Any) -> str:
    return html.escape("" if value is None or (isinstance(value, float) and value != value) else str(value))


def _table(frame: pd.DataFrame, columns: Iterable[str], limit: int = 15) -> str:
    cols = [c for c in columns if c in frame.columns]
    if frame.empty or not cols:
        return '<p class="muted">Nothing to show.</p>'
    head = "".join(f"<th>{_e(c)}</th>" for c in cols)
    body = "".join("<tr>" + "".join(f"<td>{_e(_fmt(row[c]))}</td>" for c in cols) + "</tr>"
                   for _, row in frame.head(limit).iterrows())
    more = f'<p class="muted">{len(frame) - limit} more rows not shown.</p>' if len(frame) > limit else ""
    return f"<table><tr>{head}</tr>{body}</table>{more}"


def _fmt(value: Any) -> Any:
    if isinstance(value, float):
        return f"{value:.3f}"
    if isinstance(value, (set, frozenset, list, tuple)):
        return ", ".join(str(v) for v in value)
    return value


def note_sources(notes: pd.DataFrame) -> dict[str, str]:
    """Note id -> "file · type · author · date", with whatever of these the notes frame holds.

    >>> frame = pd.DataFrame([{"id": "ab12", "path": "tip.txt", "type": "tip", "author": None, "date": "2026-01-05"}])
    >>> note_sources(frame)
    {'ab12': 'tip.txt · tip · 2026-01-05'}
    """
    out = {}
    for row in notes.to_dict("records"):
        if isinstance(row.get("id"), str):
            parts = [row.get(k) for k in ("path", "type", "author", "date")]
            out[row["id"]] = " · ".join(str(p) for p in parts if isinstance(p, str) and p.strip()) or row["id"]
    return out


def cite_graph(G: nx.Graph, sources: Mapping[str, str], redact: Callable[[str], str] = lambda s: s) -> nx.Graph:
    """A copy of ``G`` whose evidence rows give their note by its source, for views (``G`` is untouched).

    >>> G = nx.Graph(); G.add_edge("a", "b", evidence=[{"note_id": "ab12", "sentence": "A met B."}])
    >>> cite_graph(G, {"ab12": "tip.txt · tip"}).edges["a", "b"]["evidence"][0]["note_id"]
    'tip.txt · tip'
    """
    H = G.copy()
    for data in [d for _, d in H.nodes(data=True)] + [d for *_, d in H.edges(data=True)]:
        if isinstance(data.get("evidence"), list):
            data["evidence"] = [{**e, "note_id": redact(sources.get(str(e.get("note_id")), str(e.get("note_id"))))}
                                if isinstance(e, dict) else e for e in data["evidence"]]
    return H


def cite_flags(flags: FlagReport, sources: Mapping[str, str],
               redact: Callable[[str], str] = lambda s: s) -> FlagReport:
    """The same flags with each sentence's note given by its source (see :func:`note_sources`).

    Why a copy: the flag records keep the note ids (the audit log hashes them); only what is
    shown to a reader names the file. ``redact`` scrubs protected names out of file names too.
    """
    def cited(result: Any) -> Any:
        evidence = tuple(replace(e, note_id=redact(sources.get(e.note_id, e.note_id))) for e in result.evidence)
        return replace(result, evidence=evidence)

    return replace(flags, flags=[replace(f, results=tuple(cited(r) for r in f.results)) for f in flags.flags])


def _section(key: str, title: str, body: str) -> str:
    return f'<section id="{key}"><h2>{_e(title)}</h2>{body}</section>'


def _summary(G: nx.MultiDiGraph, notes: pd.DataFrame, case_id: str | None) -> str:
    labels = pd.Series([d.get("label") for _, d in G.nodes(data=True)]).value_counts()
    types = pd.Series([d.get("type") for _, _, d in G.edges(data=True)]).value_counts()
    dates = [d for _, _, e in G.edges(data=True) for d in (e.get("first_seen"), e.get("last_seen")) if d]
    span = f"{min(dates)} to {max(dates)}" if dates else "no dated facts"
    live = notes[notes["superseded_by"].isna()] if "superseded_by" in notes else notes
    rows = [("Case", case_id or "all cases"), ("Notes and exports", len(live)), ("Period", span),
            ("Entities", G.number_of_nodes()), ("Relationships", G.number_of_edges())]
    head = "".join(f"<tr><th>{_e(k)}</th><td>{_e(v)}</td></tr>" for k, v in rows)
    return (f"<table>{head}</table><p>Entities by label: {_e(', '.join(f'{k} {v}' for k, v in labels.items()))}.</p>"
            f"<p>Relationships by type: {_e(', '.join(f'{k} {v}' for k, v in types.items()))}.</p>")


def _communities(P: nx.Graph, seed: int) -> str:
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


def _disruption(P: nx.Graph, k: int, seed: int) -> str:
    targets = [n for n, d in P.nodes(data=True) if d.get("role") not in _NOT_TARGETS]
    if len(targets) <= k:
        return '<p class="muted">Too few people to plan a disruption.</p>'
    plan = analysis.disruption_plan(P, k, candidates=targets, seed=seed)
    return ("<p>Which people, if arrested or turned, would most break the network apart "
            f"(key player problem, k={k}), against simply taking the top-{k} by degree or betweenness. "
            "Victims, witnesses and investigators are never candidates.</p>"
            + _table(plan, ["strategy", "names", "fragmentation", "largest_component", "components"], limit=10))


def _without_investigators(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Investigators share every suspect's notes; as "hidden ties" they would only be noise."""
    return G.subgraph(n for n, d in G.nodes(data=True) if d.get("role") != "investigator")


def _timeline(G: nx.MultiDiGraph) -> str:
    events = analysis.timeline(G)
    if events.empty:
        return '<p class="muted">No dated events.</p>'
    with warnings.catch_warnings():  # matplotlib's note on unfilled markers, once per kind of event
        warnings.filterwarnings("ignore", message="You passed a edgecolor|You passed an edgecolor", category=UserWarning)
        chart = timeline_chart(events, title="Calls, payments, sightings and notes over time")
    png = base64.b64encode(chart).decode()
    return f'<img alt="timeline of the case" style="max-width:100%" src="data:image/png;base64,{png}">'


def _network(P: nx.Graph) -> str:
    if P.number_of_nodes() == 0:
        return '<p class="muted">No people to draw.</p>'
    page = network_html(P, size_by="pagerank", reveal=True, title="Person network")
    return ("<p>The person network; size by PageRank. Hover a node or tie for its evidence.</p>"
            '<iframe title="network view" sandbox="allow-scripts" srcdoc="' + html.escape(page, quote=True)
            + '"></iframe>')


def build_report(G: nx.MultiDiGraph, flags: FlagReport, notes: pd.DataFrame, *, case_id: str | None = None,
                 reveal: bool = False, walkthrough_href: str | None = None, seed: int = 0,
                 disruption_k: int = 3) -> CaseReport:
    """Assemble the report page from the case graph, the flag run and the notes frame."""
    shown, _ = pseudonymize(G, reveal=reveal)
    P = person_network(shown)
    redact = (lambda s: s) if reveal else pseudonym_table(G).scrub
    sources = note_sources(notes)
    players = analysis.key_players(P, seed=seed) if P.number_of_edges() else pd.DataFrame(columns=["role"])
    players = players[~players["role"].isin(("victim", "witness"))].head(15)  # central, but not players
    parts = {
        "summary": ("Case summary", _summary(shown, notes, case_id)),
        "key-players": ("Key players and brokers", "<p>People ranked on degree, betweenness, PageRank and "
                        "brokerage (Burt's constraint) over the person network; victims and witnesses are "
                        "measured but not listed.</p>"
                        + _table(players, ["name", "role", "rank", "degree", "betweenness", "pagerank",
                                           "constraint", "community", "articulation_point"])),
        "communities": ("Communities", _communities(P, seed)),
        "disruption": ("Disruption planning", _disruption(P, disruption_k, seed)),
        "leads": ("Leads to follow up", "<h3>Likely unrecorded ties</h3>"
                  + _table(analysis.hidden_ties(_without_investigators(shown), top=10),
                           ["name_u", "name_v", "score", "method", "reasons"])
                  + "<h3>Entities seen once or known only by a number</h3>"
                  + _table(analysis.leads(shown), ["node", "name", "label", "reason", "evidence_count"])),
        "flags": ("Possible official complicity — needs review",
                  '<p class="warn">These are leads for review by a supervisor, not findings. Each flag lists '
                  "the sentences and records it rests on; investigative acts (interviews, arrests, searches) "
                  "never count.</p>" + flags_html(cite_flags(flags, sources, redact), redact=redact)),
        "timeline": ("Timeline", _timeline(shown)),
        "network": ("Network", _network(cite_graph(P, sources, redact))),
    }
    if walkthrough_href:
        parts["walkthrough"] = ("Walkthrough", f'<p><a href="{_e(walkthrough_href)}">Open the guided walkthrough '
                                "of this case</a>.</p>")
    made = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    protected = "real names shown (revealed)" if reveal else "victims and witnesses pseudonymized"
    nav = " · ".join(f'<a style="color:#cfe" href="#{k}">{_e(t)}</a>' for k, (t, _) in parts.items())
    body = "".join(_section(k, t, b) for k, (t, b) in parts.items())
    page = (f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">{csp_meta()}<title>Case report {_e(case_id or '')}"
            f"</title><style>{_CSS}</style></head><body><header><h1>Case report {_e(case_id or '')}</h1>"
            f"<div>{_e(made)} · {_e(protected)}</div><div>{nav}</div></header><main>{body}</main></body></html>")
    return CaseReport(html=page, sections=tuple(parts))
