"""Tie rules: shared identifiers, family ties and nearness to the network's core.

Why separate from the event and venue rules: these rules look at who the official is tied to,
not at events (payments, calls) or venues; they share the guards against generic objects (a town
or a village is not an address - living in the same village as a suspect is no tie; a
switchboard shared by fifty people is not a personal tie) and the person-level tie graph of
:class:`workbench.flags.context.RuleContext`.

``near_core`` is a supporting rule (see :mod:`workbench.flags.rules`): it adds to a flag that an
evidence rule raised but never raises one alone, and it never walks over co-mentions
(``weak_types``): the officers who arrest, interview and write are named beside the suspects in
almost every note, so nearness by co-mention would rank the investigators first.
"""
from __future__ import annotations

from itertools import combinations

import networkx as nx

from workbench.flags.context import RuleContext
from workbench.flags.flag import EdgeRef, Finding, Reason

__all__ = ["shared_identifier", "family_tie", "near_core", "tie_graph", "network_core"]

_SHARE_WORD = {"Phone": "a phone", "Account": "an account", "Vehicle": "a vehicle",
               "Location": "an address", "Email": "an email address"}


def _is_personal(ctx: RuleContext, node: str) -> bool:
    """Only specific objects count as shared: addresses (not towns) used by few people."""
    attrs = ctx.G.nodes[node]
    if attrs.get("label") == "Location" and attrs.get("kind") not in ctx.params["shared_location_kinds"]:
        return False
    users = {u for u, _, _, _ in ctx.in_edges(node, *ctx.params["shared_types"])}
    return len(users) <= int(ctx.params.get("max_shared_users", 10))


def shared_identifier(ctx: RuleContext, official: str) -> Finding | None:
    """Shares a phone, account, vehicle, email or address (USES_PHONE, HOLDS_ACCOUNT, DRIVES,
    OWNS, LIVES_AT the same node) with a core member; a shared Location counts only when it is
    an address (``shared_location_kinds``), never a town or village."""
    types, labels = ctx.params["shared_types"], ctx.params["shared_labels"]
    reasons: list[Reason] = []
    objects: set[str] = set()
    for u, obj, k, _ in ctx.out_edges(official, *types):
        if ctx.label(obj) not in labels or not _is_personal(ctx, obj):
            continue
        for s, _, k2, _ in ctx.in_edges(obj, *types):
            if s in ctx.suspects and s != official:
                what = _SHARE_WORD.get(ctx.label(obj) or "", "an identifier")
                text = f"shares {what} ({ctx.name(obj)}) with {ctx.who(s)}"
                reasons.append(Reason(text, ((u, obj, k), (s, obj, k2)), (s,)))
                objects.add(obj)
    return Finding(len(objects), tuple(reasons)) if reasons else None


def family_tie(ctx: RuleContext, official: str) -> Finding | None:
    """A RELATED_TO edge, in either direction, between the official and a core member."""
    reasons = []
    for relative, ties in ctx.relatives(official).items():
        if relative in ctx.suspects and relative != official:
            kinds = ", ".join(sorted({kind for _, kind in ties if kind})) or "family"
            text = f"family tie ({kinds}) with {ctx.who(relative)}"
            reasons.append(Reason(text, tuple(e for e, _ in ties), (relative,)))
    return Finding(len(reasons), tuple(reasons)) if reasons else None


def _valid_routes(ctx: RuleContext, official: str, routes: list[tuple[EdgeRef, ...]]) -> list[tuple[EdgeRef, ...]]:
    """Routes of a tie that do not rest on the official's own co-mentions."""
    def own(ref: EdgeRef) -> bool:
        return ctx.self_authored(official, ctx.G.get_edge_data(*ref) or {})
    return [r for r in routes if not any(own(ref) for ref in r)]


def _bfs(ctx: RuleContext, official: str, k: int) -> dict[str, tuple[str, tuple[EdgeRef, ...]]]:
    """Breadth-first search on the tie graph up to ``k`` hops: node -> (parent, route used).

    A node reached from two nodes of the same level keeps the parent whose tie rests on more
    kinds of evidence, then more routes, then the smaller id: the path a reason names must not
    depend on the order in which the graph was built (the store returns edges in another order
    than resolution made them), and the better-evidenced tie is the one a reviewer should see."""
    T = tie_graph(ctx)
    parent: dict[str, tuple[str, tuple[EdgeRef, ...]]] = {}
    if official not in T:
        return parent
    visited, frontier = {official}, [official]
    for _ in range(k):
        best: dict[str, tuple[tuple[int, int, str], str, tuple[EdgeRef, ...]]] = {}
        for node in frontier:
            for other, data in T[node].items():
                if other in visited:
                    continue
                routes = _valid_routes(ctx, official, data["routes"]) if node == official else data["routes"]
                if not routes:
                    continue
                chosen = _kinds_of_tie(ctx, routes)
                rank = (-len(_kinds(ctx, routes)), -len(routes), node)
                if other not in best or rank < best[other][0]:
                    best[other] = (rank, node, chosen)
        for other, (_, node, chosen) in best.items():
            visited.add(other)
            parent[other] = (node, chosen)
        frontier = sorted(best)
    return parent


def _kinds(ctx: RuleContext, routes: list[tuple[EdgeRef, ...]]) -> set[tuple[str, ...]]:
    """The kinds of tie among ``routes``: each route's chain of relationship types."""
    return {_kind(ctx, route) for route in routes}


def _route_ids(ctx: RuleContext, route: tuple[EdgeRef, ...]) -> tuple[str, ...]:
    """The stored ids of a route's edges: an order that is the same in memory and in the store."""
    return tuple(str((ctx.G.get_edge_data(*ref) or {}).get("id", ref[2])) for ref in route)


def _kind(ctx: RuleContext, route: tuple[EdgeRef, ...]) -> tuple[str, ...]:
    return tuple(str((ctx.G.get_edge_data(*ref) or {}).get("type")) for ref in route)


def _kinds_of_tie(ctx: RuleContext, routes: list[tuple[EdgeRef, ...]], most: int = 3) -> tuple[EdgeRef, ...]:
    """The edges of the first route (by stored id) of each kind (its chain of relationship types), up to
    ``most`` kinds: two people who call each other *and* move money between them are tied by two
    independent records, and the reason should cite both, not whichever the graph listed first."""
    chosen: dict[tuple[str, ...], tuple[EdgeRef, ...]] = {}
    for route in sorted(routes, key=lambda r: _route_ids(ctx, r)):
        kind = _kind(ctx, route)
        if kind not in chosen and len(chosen) < most:
            chosen[kind] = route
    return tuple(ref for route in chosen.values() for ref in route)


def near_core(ctx: RuleContext, official: str) -> Finding | None:
    """Within ``k`` hops (default 2) of one of the best-connected core members through
    non-investigative ties only (no co-mentions); the reason names the path and, per hop, the
    edges of one route of each kind of tie (calls, payments, ...). Supporting: it never raises a flag alone."""
    k = int(ctx.params["k"])
    parent = _bfs(ctx, official, k)
    reasons = []
    for core in sorted(network_core(ctx) - {official}):
        if core not in parent:
            continue
        path, node = [core], core
        edges: list[EdgeRef] = []
        while node != official:
            node, route = parent[node]
            edges.extend(route)
            path.append(node)
        via = " via " + ", ".join(ctx.caption(n) for n in reversed(path[1:-1])) if len(path) > 2 else ""
        text = f"{len(path) - 1} non-investigative tie(s) from {ctx.who(core)}{via}"
        reasons.append(Reason(text, tuple(reversed(edges)), (core,)))
    return Finding(len(reasons), tuple(reasons)) if reasons else None


def tie_graph(ctx: RuleContext) -> nx.Graph:
    """Person-level graph of non-investigative ties, built once per run; each link keeps its
    routes (edge chains). Co-mentions (``weak_types``) are no tie."""
    if "ties" in ctx.memo:
        return ctx.memo["ties"]
    T = nx.Graph()
    weak = set(ctx.params.get("weak_types", ()))
    for u, v, key, data in ctx.G.edges(keys=True, data=True):
        if data.get("type") in weak:
            continue
        if ctx.usable(data) and ctx.label(u) == "Person" and ctx.label(v) == "Person" and u != v:
            _add_route(T, u, v, ((u, v, key),))
    via = set(ctx.params["tie_via_labels"])
    limit = int(ctx.params.get("max_via_persons", 50))
    for node, attrs in ctx.G.nodes(data=True):
        if attrs.get("label") in via:
            people = _people_at(ctx, node)
            if len(people) <= limit:
                for (a, ra), (b, rb) in combinations(people.items(), 2):
                    _add_route(T, a, b, ra + rb)
    ctx.memo["ties"] = T
    return T


def _people_at(ctx: RuleContext, node: str) -> dict[str, tuple[EdgeRef, ...]]:
    """Persons attached to an identifier or event node, through their phone or account."""
    people: dict[str, tuple[EdgeRef, ...]] = {}
    edges = [(u, v, k, u) for u, v, k, _ in ctx.in_edges(node)]
    edges += [(u, v, k, v) for u, v, k, _ in ctx.out_edges(node)]
    for u, v, k, other in edges:
        if ctx.label(other) == "Person":
            people.setdefault(other, ((u, v, k),))
        elif ctx.label(node) in ctx.party_events:
            for a, b, k2, _ in ctx.in_edges(other, *ctx.party_uses):
                if ctx.label(a) == "Person":
                    people.setdefault(a, ((u, v, k), (a, b, k2)))
    return people


def _add_route(T: nx.Graph, a: str, b: str, route: tuple[EdgeRef, ...]) -> None:
    if T.has_edge(a, b):
        T[a][b]["routes"].append(route)
    else:
        T.add_edge(a, b, routes=[route])


def network_core(ctx: RuleContext) -> frozenset[str]:
    """The members near_core aims at: ``params["core"]``, or the ``core_size`` core members
    with the most distinct ties."""
    if ctx.params.get("core"):
        return frozenset(ctx.params["core"])
    T = tie_graph(ctx)
    ranked = sorted(ctx.suspects, key=lambda s: (-(T.degree(s) if s in T else 0), s))
    return frozenset(ranked[: int(ctx.params["core_size"])])
