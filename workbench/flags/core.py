"""The exploitation core: who the complicity rules measure officials against, and why each is in it.

Why computed and not only read from ``role``: real notes never say "suspect". Roles come from
what people do, and complicity rules must stay sound when some roles are missing or wrong. A
Person is in the core when the notes give them the role ``suspect`` (or the analyst names them),
or when the graph shows them doing what the exploiters in a case do:

- the source of RECRUITED / TRANSPORTED / HARBORED / THREATENED (towards anyone but an officer),
  or of EMPLOYS towards a victim; the owner or driver of a vehicle that transported a victim;
- owning or running (directly, or through a company, up to ``ownership_depth`` OWNS hops) a venue
  where exploitation is reported (victims harboured, employed, seen or living there);
- collecting money from a victim (a Payment from the victim, their phone or account, to them);
- being arrested, charged, remanded or cautioned: ARRESTED_BY / SENTENCED_BY / ORDERED_TO_PAY
  from them, or an INVESTIGATED edge towards them whose ``relation`` says so (``arrest_relation``);
- and, one hop out, their close network: a relative (RELATED_TO) or co-defendant (ACTED_WITH) of
  a direct member, or someone sharing a direct member's phone or account (used by at most
  ``max_network_users`` people); never someone whose stated role is witness, official, ...

Victims are never core, and neither are officials or investigators (a rank, an agency or that
role) unless the notes call them suspects or the analyst names them: making an arrest, moving a
rescued victim to a shelter or being named beside the suspects is their work. Each member keeps
its basis ("harboured 2 victims", "owns Bar X, where exploitation is reported") and the edges it
rests on; the flags quote the basis. Victims are never named in a basis, only their role.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import networkx as nx

from graph_schema import load_schema
from workbench.flags.config import merged_params
from workbench.flags.flag import EdgeRef
from workbench.flags.officials import is_official, official_agency

__all__ = ["CoreMember", "exploitation_core", "victim_venues", "is_public_body", "owned_through", "stand_in_types"]

Edge = tuple[str, str, str, dict[str, Any]]
_VERBS = {"RECRUITED": "recruited", "TRANSPORTED": "transported", "HARBORED": "harboured",
          "THREATENED": "threatened", "EMPLOYS": "employs"}
_OFFICER_ROLES = ("official", "investigator")


@dataclass(frozen=True)
class CoreMember:
    """One member of the exploitation core: why they are in it, and the edges that show it."""

    node: str
    basis: tuple[str, ...]
    edges: tuple[EdgeRef, ...] = ()
    direct: bool = True

    @property
    def text(self) -> str:
        return "; ".join(self.basis)


def _edges(G: nx.MultiDiGraph, node: str, types: Iterable[str], *, out: bool) -> Iterator[Edge]:
    wanted = set(types)
    edges = G.out_edges(node, keys=True, data=True) if out else G.in_edges(node, keys=True, data=True)
    for u, v, k, d in edges:
        if d.get("type") in wanted and not d.get("retired"):
            yield u, v, k, d


def _role(G: nx.MultiDiGraph, node: str) -> str | None:
    role = G.nodes[node].get("role")
    return None if role is None else str(role)


def _caption(G: nx.MultiDiGraph, node: str) -> str:
    role = _role(G, node)
    return f"a {role}" if role in load_schema().protected_roles() else str(G.nodes[node].get("name") or node)


def _phrase(verb: str, captions: list[str]) -> str:
    """ "harboured 2 victims", "threatened 2 witnesses and Ana" (victims never by name).

    >>> _phrase("threatened", ["a witness", "a witness", "Ana"])
    'threatened 2 witnesses and Ana'
    """
    counts: dict[str, int] = {}
    for c in captions:
        counts[c] = counts.get(c, 0) + 1
    parts = [f"{n} {c[2:]}{'es' if c.endswith('s') else 's'}" if n > 1 and c.startswith("a ") else c
             for c, n in counts.items()]
    return f"{verb} {' and '.join(parts)}"


def is_public_body(attrs: Mapping[str, Any], params: Mapping[str, Any]) -> bool:
    """A police station, an office, a hospital or a shelter is no exploitation venue."""
    kind = str(attrs.get("venue_type") or "").lower()
    return attrs.get("kind") == "agency" or kind in params["public_venue_types"] or \
        official_agency(attrs.get("name")) is not None


def victim_venues(G: nx.MultiDiGraph, params: Mapping[str, Any]) -> dict[str, tuple[EdgeRef, ...]]:
    """Venues where victims are reported harboured, employed, seen or living, with those edges."""
    venues: dict[str, tuple[EdgeRef, ...]] = {}
    for node, attrs in G.nodes(data=True):
        if attrs.get("label") not in params["venue_labels"] or is_public_body(attrs, params):
            continue
        refs = [(u, v, k) for u, v, k, _ in _edges(G, node, params["exploitation_types"], out=True)
                if _role(G, v) == "victim"]
        refs += [(u, v, k) for u, v, k, _ in _edges(G, node, params["victim_presence_types"], out=False)
                 if _role(G, u) == "victim"]
        if refs:
            venues[node] = tuple(refs)
    return venues


def owned_through(G: nx.MultiDiGraph, owner: str, depth: int) -> dict[str, tuple[EdgeRef, ...]]:
    """Organizations ``owner`` owns or runs, directly or through companies (OWNS chains up to
    ``depth`` hops), each with the chain of OWNS edges."""
    found: dict[str, tuple[EdgeRef, ...]] = {}
    frontier: list[tuple[str, tuple[EdgeRef, ...]]] = [(owner, ())]
    for _ in range(depth):
        nxt = []
        for node, chain in frontier:
            for u, v, k, _ in _edges(G, node, ("OWNS",), out=True):
                if G.nodes[v].get("label") == "Organization" and v not in found and v != owner:
                    found[v] = (*chain, (u, v, k))
                    nxt.append((v, found[v]))
        frontier = nxt
    return found


def stand_in_types() -> tuple[str, ...]:
    """Types by which someone holds a phone or account - the identifiers that stand for them in
    payments and calls (the schema's party identifiers): USES_PHONE, HOLDS_ACCOUNT, OWNS."""
    schema = load_schema()
    return tuple(dict.fromkeys(t for label in schema.party_identifiers() for t in schema.holder_types(label)))


def _users(G: nx.MultiDiGraph, node: str) -> list[tuple[str, EdgeRef]]:
    """Persons using a phone or account (USES_PHONE, HOLDS_ACCOUNT, OWNS), with the edge."""
    return [(u, (u, v, k)) for u, v, k, _ in _edges(G, node, stand_in_types(), out=False)
            if G.nodes[u].get("label") == "Person"]


def _parties(G: nx.MultiDiGraph, node: str) -> list[tuple[str, tuple[EdgeRef, ...]]]:
    """The Persons a payer / payee node stands for: itself, or the users of a phone or account."""
    if G.nodes[node].get("label") == "Person":
        return [(node, ())]
    return [(p, (e,)) for p, e in _users(G, node)]


class _Core:
    """Collects bases per person; ``eligible`` keeps victims and officers out."""

    def __init__(self, G: nx.MultiDiGraph, params: Mapping[str, Any], given: set[str]) -> None:
        self.G, self.p, self.given = G, params, given
        self.basis: dict[str, list[tuple[str, tuple[EdgeRef, ...]]]] = {}

    def eligible(self, node: str) -> bool:
        attrs = self.G.nodes[node]
        if attrs.get("label") != "Person" or attrs.get("role") == "victim":
            return False
        if attrs.get("role") == "suspect" or node in self.given:
            return True
        return not is_official(attrs)

    def add(self, node: str, text: str, edges: tuple[EdgeRef, ...] = ()) -> None:
        if self.eligible(node):
            self.basis.setdefault(node, []).append((text, edges))

    def acts(self) -> None:
        """The sources of the acts: people, and vehicles (their drivers and owners); a venue's
        acts are :func:`victim_venues`."""
        G, p = self.G, self.p
        schema = load_schema()
        act_types = (*p["core_act_types"], *p["core_employs_types"])
        actors = {s for t in act_types if t in schema.relationships
                  for s in schema.rel(t).source} - set(p["venue_labels"])
        vehicle_holders = schema.holder_types("Vehicle")
        for node, attrs in G.nodes(data=True):
            if attrs.get("label") not in actors:
                continue
            for rel in act_types:
                hits = [(v, (u, v, k)) for u, v, k, _ in _edges(G, node, (rel,), out=True)
                        if G.nodes[v].get("label") == "Person" and v != node
                        and _role(G, v) not in _OFFICER_ROLES
                        and (rel not in p["core_employs_types"] or _role(G, v) == "victim")]
                if not hits:
                    continue
                text = _phrase(_VERBS.get(rel, rel.lower()), [_caption(G, v) for v, _ in hits])
                edges = tuple(e for _, e in hits)
                if attrs.get("label") == "Person":
                    self.add(node, text, edges)
                    continue
                for u, v, k, _ in _edges(G, node, vehicle_holders, out=False):  # the vehicle's people
                    self.add(u, f"{'drives' if G.edges[u, v, k]['type'] == 'DRIVES' else 'owns'} vehicle "
                                f"{attrs.get('name') or node}, which {text}", ((u, v, k), *edges))

    def venues(self) -> None:
        venues = victim_venues(self.G, self.p)
        for node, attrs in self.G.nodes(data=True):
            if attrs.get("label") != "Person":
                continue
            for org, chain in owned_through(self.G, node, int(self.p["ownership_depth"])).items():
                if org in venues:
                    via = f" (through {self.G.nodes[chain[0][1]].get('name')})" if len(chain) > 1 else ""
                    name = self.G.nodes[org].get("name") or org
                    self.add(node, f"owns or runs {name}{via}, where exploitation is reported",
                             (*chain, *venues[org][:2]))

    def collectors(self) -> None:
        G = self.G
        paid, paid_to = load_schema().event_legs("Payment") or ("", "")
        for pay, attrs in G.nodes(data=True):
            if attrs.get("label") != "Payment":
                continue
            payers = [(who, (*via, (u, v, k))) for u, v, k, _ in _edges(G, pay, (paid,), out=False)
                      for who, via in _parties(G, u) if _role(G, who) == "victim"]
            if not payers:
                continue
            for u, v, k, _ in _edges(G, pay, (paid_to,), out=True):
                for who, via in _parties(G, v):
                    if who not in {p for p, _ in payers}:
                        self.add(who, "collects money from a victim", (*payers[0][1], (u, v, k), *via))

    def arrests(self) -> None:
        """Arrested, charged, remanded, cautioned: one basis per person naming the acts."""
        G, p = self.G, self.p
        words = re.compile(rf"\w*(?:{p['arrest_relation']})\w*", re.IGNORECASE)
        found: dict[str, tuple[dict[str, None], list[EdgeRef]]] = {}
        for u, v, k, d in G.edges(keys=True, data=True):
            if d.get("retired"):
                continue
            if d.get("type") in p["arrest_types"] and G.nodes[u].get("label") == "Person":
                word = {"ARRESTED_BY": "arrested", "SENTENCED_BY": "sentenced"}.get(d["type"], "ordered to pay")
                acts, refs = found.setdefault(u, ({}, []))
                acts[word] = None
                refs.append((u, v, k))
            elif d.get("type") == "INVESTIGATED" and G.nodes[v].get("label") == "Person":
                hits = words.findall(str(d.get("relation") or ""))
                if hits:
                    acts, refs = found.setdefault(v, ({}, []))
                    acts.update(dict.fromkeys(h.lower() for h in hits))
                    refs.append((u, v, k))
        for node, (acts, refs) in found.items():
            self.add(node, f"{', '.join(acts)} ({len(refs)} investigative record(s))", tuple(refs))

    def network(self) -> dict[str, list[tuple[str, tuple[EdgeRef, ...]]]]:
        """One hop out from the direct members: relatives, and sharers of a phone or account."""
        G, p = self.G, self.p
        found: dict[str, list[tuple[str, tuple[EdgeRef, ...]]]] = {}
        for member in list(self.basis):
            name = G.nodes[member].get("name") or member
            ties = [(v, (u, v, k), d) for u, v, k, d in _edges(G, member, p["core_network_types"], out=True)]
            ties += [(u, (u, v, k), d) for u, v, k, d in _edges(G, member, p["core_network_types"], out=False)]
            for other, ref, d in ties:
                if d.get("type") == "RELATED_TO":
                    text = f"{d.get('relation') or 'relative'} of core member {name}"
                else:
                    text = f"{str(d.get('type')).lower().replace('_', ' ')} core member {name}"
                found.setdefault(other, []).append((text, (ref,)))
            for u, thing, k, _ in _edges(G, member, stand_in_types(), out=True):
                if G.nodes[thing].get("label") not in p["core_network_via"]:
                    continue
                users = _users(G, thing)
                if len({x for x, _ in users}) <= int(p["max_network_users"]):
                    for other, ref in users:
                        what = str(G.nodes[thing].get("label")).lower()
                        found.setdefault(other, []).append(
                            (f"shares {what} {G.nodes[thing].get('name') or thing} with core member {name}",
                             ((u, thing, k), ref)))
        return {n: b for n, b in found.items() if n not in self.basis and self.eligible(n)
                and _role(G, n) in (None, "unknown", "suspect")}


def exploitation_core(G: nx.MultiDiGraph, *, params: Mapping[str, Any] | None = None,
                      suspects: Iterable[str] = ()) -> dict[str, CoreMember]:
    """The exploitation core of ``G``: node -> :class:`CoreMember` (see the module docstring).

    ``params`` are the flag parameters (defaults: :func:`workbench.flags.config.default_params`);
    ``suspects`` are node ids the analyst names. ``G`` is not modified.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("Person:r", label="Person", name="Rita", role="unknown")
    >>> G.add_node("Person:b", label="Person", name="Beto", role="unknown")
    >>> G.add_node("Person:v", label="Person", name="Ana", role="victim")
    >>> G.add_edge("Person:r", "Person:v", key="e1", type="RECRUITED")
    'e1'
    >>> G.add_edge("Person:b", "Person:r", key="e2", type="RELATED_TO", relation="brother")
    'e2'
    >>> core = exploitation_core(G)
    >>> core["Person:r"].text, core["Person:b"].text, core["Person:b"].direct
    ('recruited a victim', 'brother of core member Rita', False)
    """
    params = merged_params(params) if params is None or "core_act_types" not in params else params
    build = _Core(G, params, set(suspects))
    for node, attrs in G.nodes(data=True):
        if attrs.get("label") == "Person" and attrs.get("role") == "suspect":
            how = attrs.get("role_basis")
            build.add(node, f"role suspect ({how})" if how else "role suspect in the graph")
    for node in suspects:
        if node in G:
            build.add(node, "role suspect (named by the analyst)")
    if params.get("core_from_graph", True):
        build.acts()
        build.venues()
        build.collectors()
        build.arrests()
    members = {n: CoreMember(n, tuple(dict.fromkeys(t for t, _ in b)), tuple(dict.fromkeys(e for _, es in b for e in es)))
               for n, b in build.basis.items()}
    if params.get("core_from_graph", True):
        for n, b in build.network().items():
            members[n] = CoreMember(n, tuple(dict.fromkeys(t for t, _ in b)),
                                    tuple(dict.fromkeys(e for _, es in b for e in es)), direct=False)
    return members
