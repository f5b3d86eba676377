"""The case report: one self-contained, offline HTML page an investigator reads and hands on.

Why a pure function of graphs and frames: the report must show exactly what the analysis and the
flags computed, nothing re-derived differently. Victims and witnesses are pseudonymized
everywhere (tables, sentences, file names, the network, the timeline), their phones, documents,
accounts and handles masked, unless ``reveal=True``; every string is escaped; nothing loads from
the network (the page's policy forbids it).

How it reads (issue 14, part 5; the page was 85,000 px tall):

- **One screen first** (:mod:`workbench.report.summary`): the case at a glance, who matters,
  which officials need review and why (one line each, linking to their block), what to do next.
- **Then sections that open on demand** (``<details>``): key players, officials (one closed block
  each, evidence deduplicated and grouped per link with file name, date and author:
  :mod:`workbench.report.flag_section`), the timeline (one lane per person or phone, a marker
  shape per kind of event, bounded height, zoomable in the page: ``views.lanes``), leads,
  communities, disruption planning, the network (its own page in a sandboxed ``iframe
  srcdoc``, so its scripts stay inside it) and what the graph holds. A link to a section opens
  it; *Open all* opens every one (for printing).
- A sentence cites its note by file name, type, author and date
  (:func:`~workbench.report.citations.note_sources`), never by the note's hash.
"""
from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass
from typing import Any

import networkx as nx
import pandas as pd

from graph_schema import load_schema
from workbench import analysis
from workbench.flags.flag import FlagReport
from workbench.project import person_network
from workbench.report import sections
from workbench.report.citations import cite_flags, cite_graph, note_parts, note_sources
from workbench.report.flag_section import flags_section
from workbench.report.summary import glance, next_steps, summary_html, who_matters
from workbench.views import pseudonym_table, pseudonymize
from workbench.views.lanes import lanes_html
from workbench.views.page import csp_meta
from workbench.views.pseudonyms import node_label_of

__all__ = ["CaseReport", "build_report", "cite_flags", "cite_graph", "note_sources", "note_parts"]

_CSS = """
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;color:#222;background:#fafafa;font-size:15px}
header{background:#1f3b57;color:#fff;padding:12px 28px} header h1{margin:0;font-size:1.4em}
header a{color:#cfe} header nav{margin-top:4px;font-size:.9em} header button{font-size:.85em;margin-left:8px}
main{padding:6px 28px 40px;max-width:1200px} section,details.sec{background:#fff;border:1px solid #ddd;
border-radius:6px;padding:8px 16px;margin:10px 0} details.sec>summary{cursor:pointer;list-style-position:outside}
details.sec>summary h2{display:inline;font-size:1.1em;margin:0;color:#1f3b57} h2{font-size:1.15em;margin:2px 0 6px;color:#1f3b57}
h3{font-size:1em;margin:4px 0} h4{margin:10px 0 4px;font-size:.95em}
.glance{margin:4px 0 8px;font-weight:600} .boxes{display:grid;grid-template-columns:1fr;gap:6px}
.box ul{margin:2px 0 4px 0;padding-left:20px} .box li{margin:1px 0}
table{border-collapse:collapse;font-size:.88em;margin:6px 0} th,td{border:1px solid #ddd;padding:3px 7px;
text-align:left;vertical-align:top} th{background:#f0f3f6} .muted{color:#666;font-size:.9em}
.warn{background:#fff4e5;border-left:4px solid #f28e2b;padding:6px 10px} iframe{width:100%;height:620px;border:1px solid #ccc}
details.flag{border-top:1px solid #eee;padding:4px 0} details.flag>summary{cursor:pointer}
details.link{margin:2px 0 2px 12px} details.link>summary{cursor:pointer;font-size:.92em}
ul.ev{font-size:.9em;margin:2px 0 6px} ul.ev q{font-style:italic} ul.ev cite{color:#555;font-style:normal;margin-left:6px}
.next{color:#444;margin:2px 0} .rules>li{margin-bottom:6px}
.wb-lanes-tools button{margin-right:4px} .wb-lanes-kind{margin-left:10px;cursor:pointer;font-size:.88em;white-space:nowrap}
.wb-lanes-kind svg{vertical-align:middle}
@media print{header nav button{display:none}}
"""

# Opens the section (and the blocks) a link points at; "Open all" opens every one, for printing.
_SCRIPT = """(function () {
  function openTo(id) { for (var el = document.getElementById(id); el; el = el.parentElement) if (el.tagName === "DETAILS") el.open = true; }
  document.addEventListener("click", function (ev) {
    var a = ev.target.closest ? ev.target.closest("a[href^='#']") : null;
    if (a) openTo(a.getAttribute("href").slice(1));
  });
  if (location.hash) openTo(location.hash.slice(1));
  document.querySelectorAll("button[data-details]").forEach(function (b) {
    b.addEventListener("click", function () {
      var open = b.getAttribute("data-details") === "open";
      document.querySelectorAll("details").forEach(function (d) { d.open = open; });
    });
  });
})();"""


@dataclass(frozen=True)
class CaseReport:
    html: str
    sections: tuple[str, ...]


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _namer(G: nx.Graph, reveal: bool) -> Any:
    """Node -> the name a reader sees: a pseudonym, a masked number, a phone with its user."""
    table = pseudonym_table(G)

    def plain(node: Any) -> str:
        data = G.nodes[node] if node in G else {}
        name = data.get("name")
        if data.get("label") in load_schema().party_events() and name in (None, "", data.get("key")):
            name = _event_caption(data)
        return str(name or node) if reveal else table.display(node, name)

    def name(node: Any) -> str:
        if node in G and node_label_of(node, G.nodes[node]) == "Phone":
            users = [n for n in nx.all_neighbors(G, node) if G.nodes[n].get("label") == "Person"]
            return f"{plain(node)} ({plain(users[0])})" if len(set(users)) == 1 else plain(node)
        return plain(node)

    return name, (lambda s: s) if reveal else table.scrub, table


def _event_caption(data: dict[str, Any]) -> str:
    """"payment BZD 2,150.00 (bank transfer, 2026-01-09)" for an event known only by its key."""
    amount = f"{data.get('currency') or ''} {float(data['amount']):,.2f}".strip() if data.get("amount") is not None else ""
    facts = ", ".join(str(x) for x in (data.get("channel") or data.get("kind"), data.get("at") or data.get("date")
                                       or data.get("first_seen")) if x)
    return " ".join(x for x in (str(data.get("label")).lower(), amount, f"({facts})" if facts else "") if x)


def _details(key: str, title: str, body: str) -> str:
    return f'<details class="sec" id="{key}"><summary><h2>{_e(title)}</h2></summary>{body}</details>'


def build_report(G: nx.MultiDiGraph, flags: FlagReport, notes: pd.DataFrame, *, case_id: str | None = None,
                 reveal: bool = False, walkthrough_href: str | None = None, seed: int = 0,
                 disruption_k: int = 3) -> CaseReport:
    """Assemble the report page from the case graph, the flag run and the notes frame."""
    names, redact, table = _namer(G, reveal)
    shown, mapping = pseudonymize(G, reveal=reveal)
    P = person_network(shown)
    players = analysis.key_players(P, seed=seed) if P.number_of_edges() else pd.DataFrame(columns=["role"])
    players = players[~players["role"].isin(load_schema().protected_roles())]  # central, but not players
    players = players[~players["node"].isin(table.mapping)].head(15) if "node" in players else players  # nor victims read as suspects
    hidden = analysis.hidden_ties(sections.without_investigators(shown), top=10)
    leads = analysis.leads(shown)
    protected = len(table.mapping) if not reveal else 0
    summary = summary_html(glance(shown, notes, flags, protected, case_id), who_matters(players, P.number_of_nodes()),
                           flags, next_steps(flags, hidden, leads, redact), redact)
    parts = {
        "key-players": ("Key players and brokers", "<p>People ranked on degree, betweenness, PageRank and "
                        "brokerage (Burt's constraint) over the person network; victims and witnesses are "
                        "measured but not listed.</p>"
                        + sections.table(players, ["name", "role", "rank", "degree", "betweenness", "pagerank",
                                                   "constraint", "community", "articulation_point"])),
        "flags": (f"Officials: possible complicity — needs review ({len(flags.flags)})",
                  flags_section(flags, G, names, note_parts(notes), redact)),
        "timeline": ("Timeline", lanes_html(shown)),
        "leads": ("Leads to follow up", "<h3>Likely unrecorded ties</h3>"
                  + sections.table(hidden, ["name_u", "name_v", "score", "method", "reasons"])
                  + "<h3>Entities seen once or known only by a number</h3>"
                  + sections.leads(leads)),
        "communities": ("Communities", sections.communities(P, seed)),
        "disruption": ("Disruption planning", sections.disruption(P, disruption_k, seed)),
        "network": ("Network", sections.network(cite_graph(P, note_sources(notes), redact))),
        "contents": ("What the graph holds", sections.contents(shown)),
    }
    made = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    protection = "real names shown (revealed)" if reveal else "victims and witnesses pseudonymized"
    nav = " · ".join(f'<a href="#{k}">{_e(t.split(" (")[0])}</a>' for k, (t, _) in parts.items())
    walk = f' · <a href="{_e(walkthrough_href)}">guided walkthrough</a>' if walkthrough_href else ""
    body = (f'<section id="summary"><h2>Summary</h2>{summary}</section>'
            + "".join(_details(k, t, b) for k, (t, b) in parts.items()))
    title = f"Case report {case_id or ''}".strip()
    page = (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">{csp_meta()}<title>{_e(title)}</title>'
            f"<style>{_CSS}</style></head><body><header><h1>{_e(title)}</h1><div>{_e(made)} · {_e(protection)}"
            f'{walk}</div><nav>{nav}<button type="button" data-details="open">Open all</button>'
            f'<button type="button" data-details="close">Close all</button></nav></header><main>{body}</main>'
            f"<script>{_SCRIPT}</script></body></html>")
    keys = ("summary", *parts) + (("walkthrough",) if walkthrough_href else ())
    return CaseReport(html=page, sections=keys)
