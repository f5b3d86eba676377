"""What every complicity rule reads: the graph, the exploitation core, and indexes built once per run.

Why one context object: the rules must stay small pure functions of ``(context, official)``, yet
some of what they need (the venues where exploitation is reported, when the case became overt,
each official's investigative acts; the tie graph and alias candidates kept in ``memo`` by their
modules) is costly and shared. The context computes each of these lazily, once, from the graph
alone: it is derived state, never stored, and never mutates ``G``.

Investigative ties are removed here, at the source: edges of a type the schema declares
``investigative: true`` (INVESTIGATED, ARRESTED_BY, ...) and provenance types (MENTIONS, PART_OF)
are invisible to every rule, and co-mentions (ASSOCIATED_WITH) whose every note was authored by
the official being evaluated do not count for that official. Investigative *presence* is
filtered too (:meth:`RuleContext.presence`): a sighting told in the official's own note, or in a
sentence that also records them arresting, searching or interviewing, is their work, not a visit.

``suspects`` is the exploitation core (:mod:`workbench.flags.core`) and ``members`` its bases;
reasons name a member with the basis that put them there (:meth:`RuleContext.who`).
"""
from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import networkx as nx

from graph_schema import load_schema
from workbench.flags.core import CoreMember, is_public_body, owned_through, victim_venues
from workbench.flags.flag import EdgeRef, EvidenceSentence
from workbench.flags.terms import SchemaTerms

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
class RuleContext(SchemaTerms):
    """The graph plus what the rules share; see the module docstring for what is left out.

    ``officials`` maps the officials under review to their row (name, agency, rank); ``memo``
    holds per-run indexes that rule modules build once (alias candidates, investigative acts).
    """

    G: nx.MultiDiGraph
    suspects: frozenset[str]
    params: dict[str, Any]
    authors: Mapping[str, str] = field(default_factory=dict)
    skip: frozenset[str] = field(default_factory=skipped_types)
    members: Mapping[str, CoreMember] = field(default_factory=dict)
    officials: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    memo: dict[str, Any] = field(default_factory=dict)

    # -- edge access -------------------------------------------------------------------------
    def out_edges(self, node: str, *types: str) -> Iterator[Edge]:
        """Usable out-edges of ``node`` of the given types (all usable types when none given)."""
        for u, v, key, data in self.G.out_edges(node, keys=True, data=True):
            if self.usable(data) and (not types or data.get("type") in types):
                yield u, v, key, data

    def in_edges(self, node: str, *types: str) -> Iterator[Edge]:
        if types:  # by type from an index: a phone has thousands of CALL_TO edges and few users
            for rel_type in types:
                yield from self._in_index.get((node, rel_type), ())
            return
        for u, v, key, data in self.G.in_edges(node, keys=True, data=True):
            if self.usable(data):
                yield u, v, key, data

    @cached_property
    def _in_index(self) -> dict[tuple[str, str], list[Edge]]:
        """Usable in-edges by (target node, type), built in one pass over the graph."""
        index: dict[tuple[str, str], list[Edge]] = {}
        for u, v, key, data in self.G.edges(keys=True, data=True):
            if self.usable(data):
                index.setdefault((v, str(data.get("type"))), []).append((u, v, key, data))
        return index

    def usable(self, data: Mapping[str, Any]) -> bool:
        """Neither investigative, internal nor retired."""
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
        if role in self.protected_roles:
            return f"a {role}"
        return f"{role} {self.name(node)}" if role and role != "unknown" else self.name(node)

    def who(self, node: str) -> str:
        """A core member or exploited venue as a reason names it: with the basis that puts it there.

        A member whose only basis is the role the graph gives is simply "suspect X"."""
        if node not in self.suspects and node in self.exploited_venues:
            if node in self.victim_venues:
                return f"venue {self.name(node)}, where exploitation is reported"
            return f"{self.name(node)}, a business of the exploitation core"
        member = self.members.get(node)
        if member is None or all(b.startswith("role suspect") for b in member.basis):
            return f"suspect {self.name(node)}"
        return f"{self.name(node)} (exploitation core: {member.text})"

    def self_authored(self, official: str, data: Mapping[str, Any]) -> bool:
        """True when the edge is a co-mention and every one of its notes was written by ``official``."""
        if data.get("type") not in self.params["self_authored_types"]:
            return False
        notes = [ev.get("note_id") for ev in data.get("evidence") or ()]
        return bool(notes) and all(self.authors.get(str(n)) == official for n in notes)

    # -- sides: whom an identifier, account or venue stands for -------------------------------
    def suspect_sides(self, node: str, official: str, depth: int = 2) -> list[tuple[str, tuple[EdgeRef, ...]]]:
        """Core members or exploited venues that ``node`` stands for (itself, a phone or account
        they use, a business they own, the company operating the venue), each with the edges
        that link it to them."""
        if node == official:
            return []
        if node in self.suspects:
            return [(node, ())]
        sides: list[tuple[str, tuple[EdgeRef, ...]]] = []
        if node in self.exploited_venues:
            sides.append((node, ()))
        for u, v, key, _ in self.in_edges(node, "USES_PHONE", "HOLDS_ACCOUNT", "OWNS"):
            if u in self.suspects and u != official:
                sides.append((u, ((u, v, key),)))
            elif self.label(u) == "Organization" and depth > 0:
                sides.extend((s, (*via, (u, v, key))) for s, via in self.suspect_sides(u, official, depth - 1))
        if self.label(node) == "Organization" and depth > 0 and node not in self.exploited_venues:
            for u, v, key, _ in self.out_edges(node, "OWNS"):  # the company that operates the venue
                if v in self.exploited_venues:
                    sides.append((v, ((u, v, key),)))
        first: dict[str, tuple[EdgeRef, ...]] = {}
        for party, via in sides:
            first.setdefault(party, via)
        return list(first.items())

    def own_sides(self, official: str, *types: str) -> list[tuple[str, tuple[EdgeRef, ...]]]:
        """The official and the phones / accounts they use (via ``types``; the schema's party
        identifiers), with the linking edge."""
        sides: list[tuple[str, tuple[EdgeRef, ...]]] = [(official, ())]
        stand_ins = self.party_identifiers
        sides.extend((v, ((u, v, key),)) for u, v, key, _ in self.out_edges(official, *types)
                     if self.label(v) in stand_ins)
        return sides

    def relatives(self, person: str) -> dict[str, list[tuple[EdgeRef, str]]]:
        """Relatives of ``person`` (``relative_types``, either direction): node -> [(edge, kind)]."""
        found: dict[str, list[tuple[EdgeRef, str]]] = {}
        types = self.params["relative_types"]
        for u, v, k, d in self.out_edges(person, *types):
            found.setdefault(v, []).append(((u, v, k), str(d.get("relation") or "")))
        for u, v, k, d in self.in_edges(person, *types):
            found.setdefault(u, []).append(((u, v, k), str(d.get("relation") or "")))
        found.pop(person, None)
        return found

    # -- investigative presence -----------------------------------------------------------------
    def _investigative(self, official: str) -> tuple[set[tuple[str, str]], dict[str, str]]:
        """Sentences (note, text) of the official's investigative edges, and per person the
        earliest date the official investigated or arrested them (memoized per official). The
        dates of operations the official is tied to are kept under the key ``"operation:"``."""
        cache: dict[str, tuple[set[tuple[str, str]], dict[str, str]]] = self.memo.setdefault("investigative", {})
        if official in cache:
            return cache[official]
        sentences: set[tuple[str, str]] = set()
        first: dict[str, str] = {}
        edges = [(v, d) for _, v, _, d in self.G.out_edges(official, keys=True, data=True)]
        edges += [(u, d) for u, _, _, d in self.G.in_edges(official, keys=True, data=True)]
        for other, d in edges:
            attrs = self.G.nodes[other]
            if attrs.get("label") in self.params["operation_labels"] and (attrs.get("at") or attrs.get("date")):
                first[f"operation:{str(attrs.get('at') or attrs.get('date'))[:10]}"] = "team"
            if d.get("type") not in self.investigative_types:
                continue
            for ev in d.get("evidence") or ():
                sentences.add((str(ev.get("note_id")), str(ev.get("sentence", ""))))
            dates = [x for x in (d.get("first_seen"), *(ev.get("date") for ev in d.get("evidence") or ())) if x]
            if dates:
                first[other] = min([str(x)[:10] for x in dates] + ([first[other]] if other in first else []))
        cache[official] = (sentences, first)
        return sentences, first

    def investigated_since(self, official: str) -> dict[str, str]:
        """Person -> earliest date (ISO) on which ``official`` investigated, arrested or interviewed them."""
        return {k: v for k, v in self._investigative(official)[1].items() if not k.startswith("operation:")}

    def presence(self, official: str, data: Mapping[str, Any]) -> list[Mapping[str, Any]]:
        """The evidence rows of a presence edge that are not investigative presence: not from the
        official's own notes, not a sentence that also records them investigating, not dated on
        the day of an operation they were part of, and - for an investigator - not dated once the
        case is overt (:attr:`overt_since`)."""
        if not data.get("evidence"):
            return [{}] * int(data.get("evidence_count") or 1)
        own, first = self._investigative(official)
        overt = self.overt_since.get("") if self.is_investigator(official) else None
        rows = []
        for ev in data.get("evidence") or ():
            note = str(ev.get("note_id"))
            day = str(ev.get("date"))[:10]
            if self.authors.get(note) == official or (note, str(ev.get("sentence", ""))) in own \
                    or f"operation:{day}" in first or (overt and ev.get("date") and day >= overt):
                continue
            rows.append(ev)
        return rows

    def is_investigator(self, official: str) -> bool:
        """Role investigator, or the author of a note of the case."""
        return self.role(official) == "investigator" or official in set(self.authors.values())

    @cached_property
    def overt_since(self) -> dict[str, str]:
        """Person -> the earliest date the case became overt for them (their arrest); under the key
        ``""`` the case's: its first operation or first arrest. After it, an investigator's calls
        with the core and presence at its venues are casework."""
        dates: dict[str, str] = {}
        for member in self.members.values():
            for ref in member.edges:
                d = self.G.get_edge_data(*ref) or {}
                if d.get("type") in self.investigative_types:
                    for x in (d.get("first_seen"), *(ev.get("date") for ev in d.get("evidence") or ())):
                        if x and (member.node not in dates or str(x)[:10] < dates[member.node]):
                            dates[member.node] = str(x)[:10]
        ops = [str(a.get("at") or a.get("date"))[:10] for _, a in self.G.nodes(data=True)
               if a.get("label") in self.params["operation_labels"] and (a.get("at") or a.get("date"))]
        ops += [str(o.get("at"))[:10] for o in self.params.get("operations") or () if o.get("at")]
        if ops or dates:
            dates[""] = min([*ops, *dates.values()])
        return dates

    # -- shared, derived indexes ----------------------------------------------------------------
    @cached_property
    def victim_venues(self) -> dict[str, tuple[EdgeRef, ...]]:
        """Venues where victims are reported harboured, employed, seen or living."""
        return victim_venues(self.G, self.params)

    @cached_property
    def exploited_venues(self) -> dict[str, tuple[EdgeRef, ...]]:
        """Venues where exploitation is reported (victims harboured, employed, seen or living
        there), or that a direct core member owns or runs (a body whose ``kind`` is business or
        agency aside), each with the edges that report it. Police stations, offices, hospitals
        and shelters are never such venues."""
        venues = {v: list(refs) for v, refs in self.victim_venues.items()}
        depth = int(self.params["ownership_depth"])
        for member in self.suspects:
            if member not in self.G or (member in self.members and not self.members[member].direct):
                continue
            for org, chain in owned_through(self.G, member, depth).items():
                attrs = self.G.nodes[org]
                if attrs.get("label") in self.params["venue_labels"] and not is_public_body(attrs, self.params) \
                        and attrs.get("kind") not in ("business", "agency"):
                    venues.setdefault(org, []).extend(e for e in chain if e not in venues.get(org, []))
        return {v: tuple(refs) for v, refs in venues.items()}
