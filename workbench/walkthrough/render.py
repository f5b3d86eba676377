"""Render a walkthrough as ONE self-contained offline HTML page, or step through it in a notebook.

Why: the advisor opens the file in a classroom or a prosecutor's office, often with no network.
One layout is computed for the union of all steps, so a person stays where the audience first
saw them; each step only shows, hides and marks nodes (black border: highlighted, red border:
new in this step). The narrative panel, the "new in this step" list and every tooltip are
filled with ``textContent`` from JSON data, and names are pseudonymized (narratives and titles
included) unless ``reveal=True``.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

import networkx as nx

from graph_schema import Schema, load_schema
from workbench.views.network import iframe, legend_html, vis_options
from workbench.views.page import esc, own_asset, page
from workbench.views.masking import masked_ids
from workbench.views.pseudonyms import pseudonym_table, pseudonymize
from workbench.views.visdata import layout, vis_edges, vis_nodes
from workbench.walkthrough.steps import ResolvedStep, Walkthrough, load_walkthrough, resolve_walkthrough

__all__ = ["walkthrough_html", "render_walkthrough", "step_through", "Stepper"]

_EXTRA_CSS = "#narrative{white-space:pre-wrap;line-height:1.45}#nav{margin:8px 0}#new-list{margin:4px 0 0 18px;padding:0}"


def _as_walkthrough(walkthrough: Walkthrough | str | Path) -> Walkthrough:
    return walkthrough if isinstance(walkthrough, Walkthrough) else load_walkthrough(walkthrough)


def _body(w: Walkthrough, title: str, legend: str, note: str) -> str:
    return (
        '<div id="wrap"><div id="graph"></div><div id="side">'
        f'<h1>{esc(title)}</h1>'
        + (f'<p>{esc(w.description)}</p>' if w.description else "")
        + (f'<div class="note">{esc(note)}</div>' if note else "")
        + '<div id="nav"><button id="prev" type="button">&#8592; Previous</button>'
        '<button id="next" type="button">Next &#8594;</button> <span id="step-count"></span></div>'
        '<h2 id="step-title"></h2><div id="narrative"></div>'
        '<p id="new-summary" class="new"></p><ul id="new-list"></ul>'
        f'<div class="legend">{legend}</div>'
        '<h2>Details</h2><div id="details">Click a node or a link for the sentences behind it.</div>'
        '<div id="wb-status" hidden></div></div></div>'
    )


def walkthrough_html(
    G: nx.Graph,
    walkthrough: Walkthrough | str | Path,
    *,
    reveal: bool = False,
    seed: int = 7,
    start: int = 0,
    schema: Schema | None = None,
) -> str:
    """The walkthrough page as a string (``render_walkthrough`` writes it to a file)."""
    schema = schema or load_schema()
    w = _as_walkthrough(walkthrough)
    H, mapping = pseudonymize(G, reveal=reveal, schema=schema)
    scrub: Callable[[Any], Any] = (lambda s: s) if reveal else pseudonym_table(G, schema).scrub
    steps = resolve_walkthrough(G, w, mapping)
    if not reveal:  # a protected person's phone has a masked id in H ("Phone:[phone of Victim 3]")
        renamed = masked_ids(G, pseudonym_table(G, schema))
        steps = [_renamed(s, renamed) for s in steps]
    union = list(dict.fromkeys(n for s in steps for n in s.nodes))
    U = H.subgraph(union).copy()
    highlighted = {n for s in steps for n in s.highlight}
    data = {
        "nodes": vis_nodes(U, layout(U, seed=seed), schema=schema),
        "edges": vis_edges(U, schema=schema),
        "options": vis_options(U.number_of_nodes(), U.number_of_edges()),
        "steps": [_step_data(s, U, scrub) for s in steps],
        "highlight": sorted(str(n) for n in highlighted if n in U),
        "start": max(0, min(start, len(steps) - 1)),
    }
    note = f"{len(mapping)} victims/witnesses are shown by pseudonym." if mapping else ""
    title = scrub(w.title)
    return page(title, _body(w, title, legend_html(U, schema), note),
                own_asset("common.js") + own_asset("walkthrough.js"), data=data, extra_css=_EXTRA_CSS)


def _renamed(s: ResolvedStep, renamed: dict[Any, str]) -> ResolvedStep:
    from dataclasses import replace

    def rename(nodes: tuple[Any, ...]) -> tuple[Any, ...]:
        return tuple(renamed.get(n, n) for n in nodes)

    return replace(s, nodes=rename(s.nodes), highlight=rename(s.highlight), new_nodes=rename(s.new_nodes))


def _step_data(s: ResolvedStep, U: nx.Graph, scrub: Callable[[Any], Any]) -> dict[str, Any]:
    return {
        "title": scrub(s.title), "narrative": scrub(s.narrative),
        "nodes": [str(n) for n in s.nodes], "highlight": [str(n) for n in s.highlight],
        "new_nodes": [str(n) for n in s.new_nodes],
        "new_names": [str(U.nodes[n].get("name") or n) for n in s.new_nodes],
        "new_edges": s.new_edges,
    }


def render_walkthrough(G: nx.Graph, walkthrough: Walkthrough | str | Path, path: str | Path, **kwargs: Any) -> Path:
    """Write the walkthrough page to ``path`` (one file, nothing else) and return the path."""
    path = Path(path)
    path.write_text(walkthrough_html(G, walkthrough, **kwargs), encoding="utf-8")
    return path


class Stepper:
    """Step through a walkthrough in a notebook: ``s = step_through(G, w); s`` then ``s.next()``.

    Each display is the full interactive page opened at the current step (its own Previous /
    Next buttons work too); ``steps`` holds the resolved steps for inspection.
    """

    def __init__(self, G: nx.Graph, walkthrough: Walkthrough | str | Path, *, reveal: bool = False,
                 height: int = 650, seed: int = 7) -> None:
        self.G, self.walkthrough = G, _as_walkthrough(walkthrough)
        self.reveal, self.height, self.seed, self.index = reveal, height, seed, 0
        _, mapping = pseudonymize(G, reveal=reveal)
        self.steps = resolve_walkthrough(G, self.walkthrough, mapping)

    def html(self) -> str:
        return walkthrough_html(self.G, self.walkthrough, reveal=self.reveal, seed=self.seed, start=self.index)

    def display(self) -> Any:
        return iframe(self.html(), height=self.height)

    def goto(self, index: int) -> Any:
        self.index = max(0, min(index, len(self.steps) - 1))
        return self.display()

    def next(self) -> Any:
        return self.goto(self.index + 1)

    def prev(self) -> Any:
        return self.goto(self.index - 1)

    def _repr_html_(self) -> str:
        return str(self.display().data)

    def __len__(self) -> int:
        return len(self.steps)


def step_through(G: nx.Graph, walkthrough: Walkthrough | str | Path, *, reveal: bool = False,
                 height: int = 650) -> Stepper:
    """A ``Stepper`` for notebooks (JupyterLab 4: shown inline in a sandboxed iframe)."""
    return Stepper(G, walkthrough, reveal=reveal, height=height)
