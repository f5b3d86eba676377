"""Interactive network views of any projected graph: one standalone, offline HTML page.

Why: analysts need to look at a case and hand the picture on (to a prosecutor, to a recruit in
training) as a single file that opens with the network unplugged. The view renders the graph it
is given (STYLE 29: it never decides what to show), colours and shapes come from the schema
(``views.style``), victims and witnesses are pseudonymized (``views.pseudonyms``) unless
``reveal=True``, and above ``max_nodes`` the graph is reduced with a note on the page
(``views.reduce``). Every string from the notes reaches the browser as JSON data shown with
``textContent`` or vis-network's text-only tooltips: it is never parsed as HTML.

Readable by default: calls and payments are folded into one weighted link per pair
(``views.events``; ``collapse=False`` keeps the event nodes), the layout leaves no two discs
overlapping and sets small components aside (``views.layout``), and only the top nodes'
labels show at the first zoom (the others appear as one zooms in). The page's controls
(``assets/network.js``, ``assets/controls.js``, ``assets/picture.js``) filter by label and
role, relationship type, evidence count and date range, search, expand a node or a folded
link in place, pin, and save the chart as PNG or SVG, all offline; ``window.wbView`` is the
same API for tests.
"""
from __future__ import annotations

import html
import warnings
from pathlib import Path
from typing import Any, Iterable, Mapping

import networkx as nx

from graph_schema import Schema, fold_name, load_schema
from workbench.views.controls import date_domain, legend_rows, top_nodes, type_rows
from workbench.views.layout import labelled_layout
from workbench.views.events import collapse_events
from workbench.views.page import esc, own_asset, page
from workbench.views.pseudonyms import node_label_of, protected_copy, pseudonym_table
from workbench.views.reduce import DEFAULT_MAX_NODES, measure_values, reduce_graph
from workbench.views.style import SHAPE_REACH, edge_style, legend, view_style
from workbench.views.visdata import community_map, node_sizes, vis_edges, vis_nodes

__all__ = ["network_html", "save_view", "show", "iframe", "resolve_node", "vis_options", "legend_html"]

BIG = 1000  # above this many nodes or edges: straight edges, edges hidden while dragging


def resolve_node(G: nx.Graph, ref: Any, mapping: Mapping[Any, str] | None = None) -> Any:
    """The node ``ref`` names: a node id, a name or alias, or a pseudonym.

    Names match case-insensitively, then (if nothing matched) by ``fold_name`` (accents and
    titles ignored: "Sofia Jimenez" finds "Sofía Jiménez").

    Raises ``KeyError`` when nothing matches and ``ValueError`` when a name is ambiguous.

    >>> G = nx.Graph(); G.add_node("Person:1", name="Ana Cruz", aliases=["La Flaca"])
    >>> resolve_node(G, "la flaca"), resolve_node(G, "Victim 1", {"Person:1": "Victim 1"})
    ('Person:1', 'Person:1')
    """
    if ref in G:
        return ref
    wanted = str(ref).strip().casefold()
    hits = [n for n, p in (mapping or {}).items() if p.casefold() == wanted and n in G]
    for fold in (lambda x: x.strip().casefold(), fold_name):  # exact first, then without accents/titles
        if hits:
            break
        target = fold(str(ref))
        for n, d in G.nodes(data=True):
            names = [d.get("name")] + list(d.get("aliases") or ())
            if target and any(isinstance(x, str) and fold(x) == target for x in names):
                hits.append(n)
    if not hits:
        raise KeyError(f"no node with id or name {ref!r}")
    people = [n for n in hits if G.nodes[n].get("label") == "Person"]
    if len(hits) > 1 and len(people) == 1:  # a walkthrough names people; an org of the same name is NER noise
        return people[0]
    if len(hits) > 1:
        raise ValueError(f"the name {ref!r} matches {len(hits)} nodes ({', '.join(map(str, hits[:4]))}); use a node id")
    return hits[0]


LABEL_THRESHOLD = 9  # px: a label smaller than this on screen is not drawn (so only top labels at low zoom)


def vis_options(n_nodes: int, n_edges: int) -> dict[str, Any]:
    """vis-network options: physics off (positions are precomputed), hover tooltips on."""
    big = n_nodes > BIG or n_edges > BIG
    return {
        "physics": False,
        "layout": {"improvedLayout": False},
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": big, "hideEdgesOnZoom": big,
                        "multiselect": True},
        "nodes": {"borderWidth": 2, "font": {"size": 14, "face": "system-ui, sans-serif"},
                  "scaling": {"label": {"enabled": False, "min": 14, "max": 30, "drawThreshold": LABEL_THRESHOLD,
                                        "maxVisible": 30}}},
        "edges": {"smooth": False, "selectionWidth": 2, "hoverWidth": 1.5},
    }


def legend_html(G: nx.Graph, schema: Schema) -> str:
    """Legend markup for the labels and roles present in ``G`` (colours from the schema)."""
    present = {(node_label_of(n, d) or "Person", d.get("role")) for n, d in G.nodes(data=True)}
    rows = legend(present, schema)
    return "".join(f'<span><i style="background:{esc(r["color"])}"></i>{esc(r["text"])}</span>' for r in rows)


def _side(title: str, notes: list[str], legend_markup: str = "") -> str:
    note_html = "".join(f'<div class="note">{esc(n)}</div>' for n in notes)
    return (
        f'<div id="side"><h1>{esc(title)}</h1>{note_html}'
        f'<div class="legend">{legend_markup}</div>'
        '<h2>Find</h2><input id="find" type="search" placeholder="name, then Enter" style="width:95%">'
        '<div id="find-count" class="muted"></div>'
        '<div id="tools"><button id="fit" type="button">Fit</button><button id="reset" type="button">Reset</button>'
        '<button id="png" type="button">PNG</button><button id="svg" type="button">SVG</button></div>'
        '<h2>Dates</h2><div id="dates"></div>'
        '<h2>Kinds</h2><div id="kinds" class="checks"></div>'
        '<h2>Links</h2><div id="types" class="checks"></div>'
        '<h2>Evidence</h2><div id="evidence"></div>'
        '<h2>Details</h2><div id="actions"></div>'
        '<div id="details">Click a node or a link to see who, why, and the sentences behind it. '
        'Double-click a node to expand its neighbourhood and its calls and payments.</div>'
        '<div id="wb-status" hidden></div></div>'
    )


_CONTROLS_CSS = """
.checks label{display:block;font-size:12.5px;margin:1px 0;cursor:pointer}
.checks svg{vertical-align:middle;margin-right:4px}
.checks .count{color:#777}
#tools{margin:8px 0}#tools button{font-size:12.5px;padding:3px 8px;margin:0 4px 4px 0}
#actions button{font-size:12.5px;padding:2px 8px;margin:2px 4px 4px 0}
.muted{color:#666;font-size:12px}
.range{display:flex;gap:6px;align-items:center;font-size:12px}.range input[type=range]{flex:1;min-width:0}
"""


def _event_styles(schema: Schema) -> dict[str, Any]:
    """Shapes and colours the page needs to draw expanded events and their links."""
    return {"nodes": {label: {"shape": view_style(label, None, schema)["shape"], "color": view_style(label, None, schema)["color"]}
                      for label in schema.party_events()},
            "edges": {t: edge_style(t, schema)["color"] for label in schema.party_events()
                      for t in schema.event_legs(label) or ()}}


def network_html(
    G: nx.Graph,
    *,
    size_by: Mapping[Any, float] | str | None = None,
    communities: Mapping[Any, int] | Iterable[Iterable[Any]] | None = None,
    reveal: bool = False,
    title: str = "Network",
    highlight: Iterable[Any] = (),
    max_nodes: int = DEFAULT_MAX_NODES,
    reduce: str = "top",
    seed: int = 7,
    collapse: bool = True,
    top_labels: int = 20,
    schema: Schema | None = None,
) -> str:
    """A complete standalone HTML page drawing ``G``.

    Parameters
    ----------
    G : entity ``MultiDiGraph`` or person-network ``Graph`` (docs/CONTRACTS.md).
    size_by : node -> value dict, or a node attribute name (e.g. ``"pagerank"``); radius ~ sqrt.
    communities : list of node sets or node -> community dict; colours nodes by community
        (the border keeps the schema colour).
    reveal : show real names of victims and witnesses (default: pseudonyms).
    highlight : node ids, names or pseudonyms drawn with a thick black border.
    max_nodes, reduce : above ``max_nodes`` reduce with ``"top"`` or ``"communities"``.
    collapse : fold calls and payments into one link per pair (expandable in the page).
    top_labels : how many nodes (by ``size_by``, else degree) are labelled at the first zoom.

    Examples
    --------
    >>> G = nx.Graph(); G.add_edge("Person:a", "Person:b", weight=2)
    >>> page = network_html(G, title="Two people")
    >>> "vis.Network" in page and "https://" not in page
    True
    """
    schema = schema or load_schema()
    table = None if reveal else pseudonym_table(G, schema)
    mapping = table.mapping if table is not None else {}
    hl = [resolve_node(G, r, mapping) for r in highlight]
    notes, H = [], G
    if collapse:
        H, folded = collapse_events(H)
        if folded:
            notes.append(f"{folded:,} calls and payments are folded into one link per pair; "
                         "double-click a node to expand them.")
    scores, score_name = measure_values(H, size_by) if size_by is not None else (None, "")
    cmap = community_map(communities)
    H, reduction = reduce_graph(H, max_nodes=max_nodes, measure=size_by, method=reduce,
                                communities=None if not cmap else _groups(cmap), seed=seed)
    if table is not None:  # protect only what is drawn, numbered as the whole graph is
        H, renamed = protected_copy(H, table, schema)
        hl = [renamed.get(n, n) for n in hl]
        cmap = {renamed.get(n, n): c for n, c in cmap.items()}
        scores = {renamed.get(n, n): v for n, v in scores.items()} if scores is not None else None
    if reduction:
        notes.insert(0, reduction.text)
    if reduction and reduction.method == "communities":
        cmap = {n: H.nodes[n]["community"] for n in H}
        sizes = node_sizes(H, "size")
    else:
        sizes = node_sizes(H, {n: scores[n] for n in H} if scores is not None else None)
    if not reveal and mapping:
        notes.append(f"{len(mapping)} victims/witnesses are shown by pseudonym.")
    data = _page_data(H, sizes, scores, score_name, cmap, hl, top_labels, seed, schema)
    body = f'<div id="wrap"><div id="graph"></div>{_side(title, notes)}</div>'
    script = own_asset("common.js") + own_asset("controls.js") + own_asset("picture.js") + own_asset("network.js")
    return page(title, body, script, data=data, extra_css=_CONTROLS_CSS)


def _page_data(H: nx.Graph, sizes: dict[Any, float], scores: Mapping[Any, float] | None, score_name: str,
               cmap: dict[Any, int], hl: list[Any], top_labels: int, seed: int, schema: Schema) -> dict[str, Any]:
    top = top_nodes(H, {n: scores[n] for n in H} if scores is not None else None, top_labels)
    reach = {n: sizes.get(n, 14.0) * SHAPE_REACH.get(str(view_style(node_label_of(n, d), d.get("role"), schema)["shape"]), 1.5)
             for n, d in H.nodes(data=True)}
    pos, font = labelled_layout(H, {n: _label_text(H, n) for n in top}, seed=seed, sizes=sizes, reach=reach)
    fonts = {n: font for n in top}
    domain = date_domain(H)
    # the minimum-evidence slider filters nodes and links: its range covers both
    evidence = [int(d.get("evidence_count") or 0) for *_, d in H.edges(data=True)]
    evidence += [int(d.get("evidence_count") or 0) for _, d in H.nodes(data=True)]
    return {
        "nodes": vis_nodes(H, pos, sizes=sizes, scores=scores, score_name=score_name, communities=cmap,
                           highlight=hl, fonts=fonts, schema=schema),
        "edges": vis_edges(H, schema=schema, curved=H.number_of_edges() <= BIG),
        "options": vis_options(H.number_of_nodes(), H.number_of_edges()),
        "highlight": [str(n) for n in hl if n in H],
        "top": [str(n) for n in top],
        "legend": legend_rows(H, schema),
        "types": type_rows(H, schema),
        "dates": list(domain) if domain else None,
        "evidence_max": max(evidence, default=0),
        "event_styles": _event_styles(schema),
        "label_threshold": LABEL_THRESHOLD,
    }


def _label_text(G: nx.Graph, n: Any) -> str:
    """The caption vis-network shows (``visdata`` cuts names at 40 characters)."""
    text = " ".join(str(G.nodes[n].get("name") or G.nodes[n].get("key") or n).split())
    return text if len(text) <= 40 else text[:39] + "…"


def _groups(cmap: Mapping[Any, int]) -> list[set[Any]]:
    groups: dict[int, set[Any]] = {}
    for n, c in cmap.items():
        groups.setdefault(c, set()).add(n)
    return [groups[c] for c in sorted(groups)]


def save_view(G: nx.Graph, path: str | Path, **kwargs: Any) -> Path:
    """Write ``network_html(G, **kwargs)`` to ``path`` (nothing else is written) and return it."""
    path = Path(path)
    path.write_text(network_html(G, **kwargs), encoding="utf-8")
    return path


def iframe(page_html: str, height: int = 650) -> Any:
    """An IPython HTML object showing ``page_html`` in a sandboxed iframe (JupyterLab 4 inline)."""
    from IPython.display import HTML

    doc = html.escape(page_html, quote=True)
    with warnings.catch_warnings():  # IPython suggests IFrame, which needs a URL; srcdoc needs none
        warnings.simplefilter("ignore", UserWarning)
        return HTML(f'<iframe srcdoc="{doc}" sandbox="allow-scripts" '
                    f'style="width:100%;height:{int(height)}px;border:1px solid #ddd"></iframe>')


def show(G: nx.Graph, *, height: int = 650, **kwargs: Any) -> Any:
    """Display the view inline in JupyterLab: ``show(G, size_by=pagerank, communities=comms)``."""
    return iframe(network_html(G, **kwargs), height=height)
