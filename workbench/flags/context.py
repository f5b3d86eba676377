"""What every complicity rule reads: the graph, the suspects, and indexes built once per run.

Why one context object: the rules must stay small pure functions of ``(context, official)``, yet
some of what they need (the venues where exploitation is reported, the person-level tie graph,
the network's core) is costly and shared. The context computes each of these lazily, once, from
the graph alone: it is derived state, never stored, and never mutates ``G``.

Investigative ties are removed here, at the source: edges of a type the schema declares
``investigative: true`` (INVESTIGATED) and provenance types (MENTIONS, PART_OF) are invisible to
every rule, and co-mentions (ASSOCIATED_WITH) whose every note was authored by the official
being evaluated do not count for that official.
"""
from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from itertools import combinations
from typing import Any

import networkx as nx

from graph_schema import load_schema
from workbench.flags.flag import EdgeRef, EvidenceSentence

__all__ = ["RuleContext", "skipped_types", "evidence_of"]

Edge = tuple[str, str, str, dict[str, Any]]


def skipped_types() -> frozenset[str]:
    """Relationship types that are never evidence: investigative and internal (provenance) ones."""
    schema = load_schema()
    return frozenset(t for t, spec in schema.relationships.items() if spec.investigative or spec.internal)


def evidence_of(G: nx.MultiDiGraph, edges: tuple[EdgeRef, ...]) -> tuple[EvidenceSentence, ...]:
    """The evidence sentences stored on exactly these edges, in edge order, without repeats."""
    found: dict[EvidenceSentence, None] = {}
    for u, v, key in edges:
        data = G.get_edge_data(u, v, key) or {}
        edge_id = str(data.get("id", key))
        for ev in data.get("evidence") or ():
            found[EvidenceSentence(
                edge_id=edge_id, note_id=str(ev.get("note_id")), sentence=str(ev.get("sentence", "")),
                start=ev.get("start"), end=ev.get("end"), method=ev.get("method"), date=ev.get("date"),
            )] = None
    return tuple(found)


@dataclass
class RuleContext:
    """The graph plus what the rules share; see the module docstring for what is left out."""

    G: nx.MultiDiGraph
    suspects: frozenset[str]
    params: dict[str, Any]
    authors: Mapping[str, str] = field(default_factory=dict)
    skip: frozenset[str] = field(default_factory=skipped_types)

    # -- edge access -------------------------------------------------------------------------
    def out_edges(self, node: str, *types: str) -> Iterator[Edge]:
        """Usable out-edges of ``node`` of the given types (all usable types when none given)."""
        for u, v, key, data in self.G.out_edges(node, keys=True, data=True):
            if self._usable(data) and (not types or data.get("type") in types):
                yield u, v, key, data

    def in_edges(self, node: str, *types: str) -> Iterator[Edge]:
        if types:  # by type from an index: a phone has thousands of CALL_TO edges and few users
            for rel_type in types:
                yield from self._in_index.get((node, rel_type), ())
            return
        for u, v, key, data in self.G.in_edges(node, keys=True, data=True):
            if self._usable(data):
                yield u, v, key, data

    @cached_property
    def _in_index(self) -> dict[tuple[str, str], list[Edge]]:
        """Usable in-edges by (target node, type), built in one pass over the graph."""
        index: dict[tuple[str, str], list[Edge]] = {}
        for u, v, key, data in self.G.edges(keys=True, data=True):
            if self._usable(data):
                index.setdefault((v, str(data.get("type"))), []).append((u, v, key, data))
        return index

    def _usable(self, data: Mapping[str, Any]) -> bool:
        return data.get("type") not in self.skip and not data.get("retired")

    def label(self, node: str) -> str | None:
        value = self.G.nodes[node].get("label")
        return str(value) if value is not None else None

    def role(self, node: str) -> str | None:
        value = self.G.nodes[node].get("role")
        return str(value) if value is not None else None

    def name(self, node: str) -> str:
        return str(self.G.nodes[node].get("name") or node)

    def caption(self, node: str) -> str:
        """Name for reasons; victims and witnesses are never named in a reason, only their role
        (pseudonyms are the views' business, and reasons travel into exports)."""
        role = self.role(node)
        if role in ("victim", "witness"):
            return f"a {role}"
        return f"{role} {self.name(node)}" if role and role != "unknown" else self.name(node)

    def self_authored(self, official: str, data: Mapping[str, Any]) -> bool:
        """True when the edge is a co-mention and every one of its notes was written by ``official``."""
        if data.get("type") not in self.params["self_authored_types"]:
            return False
        notes = [ev.get("note_id") for ev in data.get("evidence") or ()]
        return bool(notes) and all(self.authors.get(str(n)) == official for n in notes)

    # -- sides: whom an identifier, account or venue stands for -------------------------------
    def suspect_sides(self, node: str, official: str) -> list[tuple[str, tuple[EdgeRef, ...]]]:
        """Suspects that ``node`` stands for (itself, their phone, account or owned business),
        each with the edges that link it to them."""
        if node in self.suspects and node != official:
            return [(node, ())]
        sides: list[tuple[str, tuple[EdgeRef, ...]]] = []
        for u, v, key, _ in self.in_edges(node, "USES_PHONE", "HOLDS_ACCOUNT", "OWNS"):
            if u in self.suspects and u != official:
                sides.append((u, ((u, v, key),)))
            elif self.label(u) == "Organization" and self.label(node) != "Organization":
                sides.extend((s, (*via, (u, v, key))) for s, via in self.suspect_sides(u, official))
        return sides

    def own_sides(self, official: str, *types: str) -> list[tuple[str, tuple[EdgeRef, ...]]]:
        """The official and the phones / accounts they use (via ``types``), with the linking edge."""
        sides: list[tuple[str, tuple[EdgeRef, ...]]] = [(official, ())]
        sides.extend((v, ((u, v, key),)) for u, v, key, _ in self.out_edges(official, *types))
        return sides

    # -- shared, derived indexes ----------------------------------------------------------------
    @cached_property
    def exploited_venues(self) -> dict[str, tuple[EdgeRef, ...]]:
        """Venues where exploitation is reported, each with the edges that report it."""
        p, G = self.params, self.G
        venues: dict[str, list[EdgeRef]] = {}
        for node, attrs in G.nodes(data=True):
            if attrs.get("label") not in p["venue_labels"]:
                continue
            refs = [(u, v, k) for u, v, k, _ in self.out_edges(node, *p["exploitation_types"])
                    if self.role(v) == "victim"]
            refs += [(u, v, k) for u, v, k, _ in self.in_edges(node, *p["victim_presence_types"])
                     if self.role(u) == "victim"]
            refs += [(u, v, k) for u, v, k, _ in self.in_edges(node, "OWNS") if u in self.suspects]
            if refs:
                venues[node] = refs
        return {v: tuple(refs) for v, refs in venues.items()}

    @cached_property
    def ties(self) -> nx.Graph:
        """Person-level graph of non-investigative ties; each link keeps its routes (edge chains)."""
        T = nx.Graph()
        weak = set(self.params.get("weak_types", ()))
        for u, v, key, data in self.G.edges(keys=True, data=True):
            if data.get("type") in weak:
                continue
            if self._usable(data) and self.label(u) == "Person" and self.label(v) == "Person" and u != v:
                _add_route(T, u, v, ((u, v, key),))
        via = set(self.params["tie_via_labels"])
        limit = int(self.params.get("max_via_persons", 50))
        for node, attrs in self.G.nodes(data=True):
            if attrs.get("label") in via:
                people = self._people_at(node)
                if len(people) <= limit:
                    for (a, ra), (b, rb) in combinations(people.items(), 2):
                        _add_route(T, a, b, ra + rb)
        return T

    def _people_at(self, node: str) -> dict[str, tuple[EdgeRef, ...]]:
        """Persons attached to an identifier or event node, through their phone or account."""
        people: dict[str, tuple[EdgeRef, ...]] = {}
        edges = [(u, v, k, u) for u, v, k, _ in self.in_edges(node)]
        edges += [(u, v, k, v) for u, v, k, _ in self.out_edges(node)]
        for u, v, k, other in edges:
            if self.label(other) == "Person":
                people.setdefault(other, ((u, v, k),))
            elif self.label(node) in ("Payment", "Call"):
                for a, b, k2, _ in self.in_edges(other, "USES_PHONE", "HOLDS_ACCOUNT"):
                    if self.label(a) == "Person":
                        people.setdefault(a, ((u, v, k), (a, b, k2)))
        return people

    @cached_property
    def core(self) -> frozenset[str]:
        """The network's core: given explicitly, or the suspects with the most distinct ties."""
        if self.params.get("core"):
            return frozenset(self.params["core"])
        T = self.ties
        ranked = sorted(self.suspects, key=lambda s: (-(T.degree(s) if s in T else 0), s))
        return frozenset(ranked[: int(self.params["core_size"])])


def _add_route(T: nx.Graph, a: str, b: str, route: tuple[EdgeRef, ...]) -> None:
    if T.has_edge(a, b):
        T[a][b]["routes"].append(route)
    else:
        T.add_edge(a, b, routes=[route])
