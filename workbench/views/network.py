"""Interactive network views of any projected graph: one standalone, offline HTML page.

Why: analysts need to look at a case and hand the picture on (to a prosecutor, to a recruit in
training) as a single file that opens with the network unplugged. The view renders the graph it
is given (STYLE 29: it never decides what to show), colours and shapes come from the schema
(``views.style``), victims and witnesses are pseudonymized (``views.pseudonyms``) unless
``reveal=True``, and above ``max_nodes`` the graph is reduced with a note on the page
(``views.reduce``). Every string from the notes reaches the browser as JSON data shown with
``textContent`` or vis-network's text-only tooltips: it is never parsed as HTML.
"""
from __future__ import annotations

import html
import warnings
from pathlib import Path
from typing import Any, Iterable, Mapping

import networkx as nx

from graph_schema import Schema, fold_name, load_schema
from workbench.views.page import esc, own_asset, page
from workbench.views.pseudonyms import node_label_of, pseudonymize
from workbench.views.reduce import DEFAULT_MAX_NODES, measure_values, reduce_graph
from workbench.views.style import legend
from workbench.views.visdata import community_map, layout, node_sizes, vis_edges, vis_nodes

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


def vis_options(n_nodes: int, n_edges: int) -> dict[str, Any]:
    """vis-network options: physics off (positions are precomputed), hover tooltips on."""
    big = n_nodes > BIG or n_edges > BIG
    return {
        "physics": False,
        "layout": {"improvedLayout": False},
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": big, "hideEdgesOnZoom": big,
                        "multiselect": True},
        "nodes": {"borderWidth": 2, "font": {"size": 14, "face": "system-ui, sans-serif"}},
        "edges": {"smooth": False, "selectionWidth": 2, "hoverWidth": 1.5},
    }


def legend_html(G: nx.Graph, schema: Schema) -> str:
    """Legend markup for the labels and roles present in ``G`` (colours from the schema)."""
    present = {(node_label_of(n, d) or "Person", d.get("role")) for n, d in G.nodes(data=True)}
    rows = legend(present, schema)
    return "".join(f'<span><i style="background:{esc(r["color"])}"></i>{esc(r["text"])}</span>' for r in rows)


def _side(title: str, notes: list[str], legend_markup: str) -> str:
    note_html = "".join(f'<div class="note">{esc(n)}</div>' for n in notes)
    return (
        f'<div id="side"><h1>{esc(title)}</h1>{note_html}'
        f'<div class="legend">{legend_markup}</div>'
        '<h2>Find</h2><input id="find" type="search" placeholder="name, then Enter" style="width:95%">'
        '<h2>Details</h2><div id="details">Click a node or a link to see who, why, and the sentences behind it.</div>'
        '<div id="wb-status" hidden></div></div>'
    )


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

    Examples
    --------
    >>> G = nx.Graph(); G.add_edge("Person:a", "Person:b", weight=2)
    >>> page = network_html(G, title="Two people")
    >>> "vis.Network" in page and "https://" not in page
    True
    """
    schema = schema or load_schema()
    refs = list(highlight)
    H, mapping = pseudonymize(G, reveal=reveal, schema=schema)
    hl = [resolve_node(G, r, mapping) for r in refs]
    scores, score_name = measure_values(H, size_by) if size_by is not None else (None, "")
    cmap = community_map(communities)
    H, reduction = reduce_graph(H, max_nodes=max_nodes, measure=size_by, method=reduce,
                                communities=None if not cmap else _groups(cmap), seed=seed)
    notes = [reduction.text] if reduction else []
    if reduction and reduction.method == "communities":
        cmap = {n: H.nodes[n]["community"] for n in H}
        sizes = node_sizes(H, "size")
    else:
        sizes = node_sizes(H, {n: scores[n] for n in H} if scores is not None else None)
    if not reveal and mapping:
        notes.append(f"{len(mapping)} victims/witnesses are shown by pseudonym.")
    pos = layout(H, seed=seed)
    data = {
        "nodes": vis_nodes(H, pos, sizes=sizes, scores=scores, score_name=score_name, communities=cmap,
                           highlight=hl, schema=schema),
        "edges": vis_edges(H, schema=schema, curved=H.number_of_edges() <= BIG),
        "options": vis_options(H.number_of_nodes(), H.number_of_edges()),
        "highlight": [str(n) for n in hl if n in H],
    }
    body = f'<div id="wrap"><div id="graph"></div>{_side(title, notes, legend_html(H, schema))}</div>'
    return page(title, body, own_asset("common.js") + own_asset("network.js"), data=data)


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
                    f'style="width:100%;height:{int(height)}px;border:1px solid #ddd"></iframe>')  # type: ignore[no-untyped-call]


def show(G: nx.Graph, *, height: int = 650, **kwargs: Any) -> Any:
    """Display the view inline in JupyterLab: ``show(G, size_by=pagerank, communities=comms)``."""
    return iframe(network_html(G, **kwargs), height=height)
