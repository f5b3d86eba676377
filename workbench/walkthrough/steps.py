"""A walkthrough is a case told step by step over the network: the steps, as data.

Why: the advisor trains recruits and briefs prosecutors by walking through a case ("first the
recruiter, then the driver, then the bar, then the officer who tipped them off"). A walkthrough
is written as YAML (or built in Python) and names entities by node id, by name or alias, or by
pseudonym ("Victim 1"), so the same file works on a re-ingested case whose ids are stable anyway.

A step shows its ``entities``, every node on a shortest path between each pair in ``paths``
(the graph taken as undirected: a payment runs payer -> Payment -> payee), optionally the
``neighbours`` of its entities, and all links among what is shown. Steps are cumulative by
default (each adds to the picture); ``new`` per step is computed, never written by hand.
Errors are one line naming the file and the step; message texts are the ``E_*`` constants
(to move into ``workbench/errors.py`` once that module exists).

YAML shape::

    title: How the Corozal ring worked
    cumulative: true
    steps:
      - title: The recruiter
        narrative: Carlos Reyes approached young women in Chetumal ...
        entities: [Carlos Reyes]
        paths: [[Carlos Reyes, Victim 1]]
        highlight: [Carlos Reyes]
        neighbours: false
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

import networkx as nx
import yaml

from workbench.errors import Errors
from workbench.views.network import resolve_node

__all__ = ["Step", "Walkthrough", "ResolvedStep", "load_walkthrough", "resolve_walkthrough",
           "WalkthroughError"]


class WalkthroughError(ValueError):
    """A walkthrough file or step is wrong; the message is one line naming file and step."""


@dataclass(frozen=True)
class Step:
    title: str
    narrative: str = ""
    entities: tuple[str, ...] = ()
    paths: tuple[tuple[str, str], ...] = ()
    highlight: tuple[str, ...] = ()
    neighbours: bool = False

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], where: str = "<python>") -> "Step":
        if not isinstance(data, Mapping) or not data.get("title"):
            raise WalkthroughError(Errors.W417.format(source=where, detail="every step needs a title"))
        paths = []
        for pair in data.get("paths") or ():
            if not isinstance(pair, (list, tuple)) or len(pair) != 2:
                raise WalkthroughError(Errors.W417.format(source=where, detail=f"path {pair!r} is not a pair"))
            paths.append((str(pair[0]), str(pair[1])))
        return cls(title=str(data["title"]), narrative=str(data.get("narrative") or "").strip(),
                   entities=tuple(str(e) for e in data.get("entities") or ()), paths=tuple(paths),
                   highlight=tuple(str(h) for h in data.get("highlight") or ()),
                   neighbours=bool(data.get("neighbours", False)))


@dataclass(frozen=True)
class Walkthrough:
    title: str
    steps: tuple[Step, ...]
    description: str = ""
    cumulative: bool = True
    source: str = "<python>"

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], source: str = "<python>") -> "Walkthrough":
        """Build from the YAML mapping; ``source`` names the file in error messages."""
        if not isinstance(data, Mapping) or not data.get("steps"):
            raise WalkthroughError(Errors.W417.format(source=source, detail="expected a mapping with a list of steps"))
        steps = tuple(Step.from_dict(s, f"{source}: step {i}") for i, s in enumerate(data["steps"], 1))
        return cls(title=str(data.get("title") or "Walkthrough"), steps=steps,
                   description=str(data.get("description") or "").strip(),
                   cumulative=bool(data.get("cumulative", True)), source=source)


def load_walkthrough(path: str | Path) -> Walkthrough:
    """Read a walkthrough YAML file."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        line = getattr(getattr(error, "problem_mark", None), "line", None)
        where = f"{path.name}:{line + 1}" if line is not None else path.name
        raise WalkthroughError(Errors.W417.format(source=where, detail=str(error).splitlines()[0])) from None
    return Walkthrough.from_dict(data, source=path.name)


@dataclass(frozen=True)
class ResolvedStep:
    """A step as node ids: what is shown, what is highlighted, what is new since the last step."""

    index: int
    title: str
    narrative: str
    nodes: tuple[Any, ...]
    highlight: tuple[Any, ...]
    new_nodes: tuple[Any, ...]
    edges: int = 0
    new_edges: int = 0
    extra: dict[str, Any] = field(default_factory=dict)


def _step_nodes(G: nx.Graph, U: nx.Graph, step: Step, ctx: dict[str, Any]) -> tuple[list[Any], list[Any]]:
    def ref(r: str) -> Any:
        try:
            return resolve_node(G, r, ctx["mapping"])
        except (KeyError, ValueError) as error:
            raise WalkthroughError(Errors.W418.format(detail=error.args[0], **ctx)) from None

    nodes = [ref(e) for e in step.entities]
    for a, b in step.paths:
        try:
            nodes.extend(nx.shortest_path(U, ref(a), ref(b)))
        except nx.NetworkXNoPath:
            raise WalkthroughError(Errors.W419.format(a=a, b=b, **ctx)) from None
    if step.neighbours:
        nodes.extend(nb for n in list(nodes) for nb in U.neighbors(n))
    return list(dict.fromkeys(nodes)), [ref(h) for h in step.highlight]


def _edge_set(H: nx.Graph) -> set[Any]:
    if H.is_multigraph():
        return {(u, v, k) if H.is_directed() else (frozenset((u, v)), k) for u, v, k in H.edges(keys=True)}
    return {(u, v) if H.is_directed() else frozenset((u, v)) for u, v in H.edges()}


def resolve_walkthrough(G: nx.Graph, walkthrough: Walkthrough,
                        mapping: Mapping[Any, str] | None = None) -> list[ResolvedStep]:
    """Resolve every step's references against ``G`` (its real names; ``mapping`` adds pseudonyms).

    >>> G = nx.path_graph(["Person:a", "Org:b", "Person:c"])
    >>> w = Walkthrough("t", (Step("one", entities=("Person:a",)), Step("two", paths=(("Person:a", "Person:c"),))))
    >>> [s.new_nodes for s in resolve_walkthrough(G, w)]
    [('Person:a',), ('Org:b', 'Person:c')]
    """
    U = G.to_undirected(as_view=True) if G.is_directed() else G
    out: list[ResolvedStep] = []
    shown: list[Any] = []
    prev_edges: set[Any] = set()
    for i, step in enumerate(walkthrough.steps, 1):
        ctx = {"source": walkthrough.source, "step": i, "title": step.title, "mapping": mapping or {}}
        nodes, highlight = _step_nodes(G, U, step, ctx)
        before = set(shown)
        visible = list(dict.fromkeys(shown + nodes)) if walkthrough.cumulative else nodes
        new = tuple(n for n in visible if n not in before)
        edges = _edge_set(G.subgraph(visible))
        out.append(ResolvedStep(index=i, title=step.title, narrative=step.narrative, nodes=tuple(visible),
                                highlight=tuple(highlight), new_nodes=new, edges=len(edges),
                                new_edges=len(edges - prev_edges)))
        shown, prev_edges = visible, edges
    return out
