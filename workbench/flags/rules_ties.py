"""Tie rules: shared identifiers, family ties and nearness to the network's core.

Why separate from :mod:`workbench.flags.rules`: these rules look at who the official is tied to,
not at events (payments, calls) or venues; they share the guards against generic objects (a town
is not an address, a switchboard shared by fifty people is not a personal tie) and the
person-level tie graph of :class:`workbench.flags.context.RuleContext`.
"""
from __future__ import annotations

from workbench.flags.context import RuleContext
from workbench.flags.flag import EdgeRef, Finding, Reason

__all__ = ["shared_identifier", "family_tie", "near_core"]

_SHARE_WORD = {"Phone": "a phone", "Account": "an account", "Vehicle": "a vehicle",
               "Location": "an address", "Email": "an email address"}


def _is_personal(ctx: RuleContext, node: str) -> bool:
    """Only specific objects count as shared: addresses (not towns) used by few people."""
    attrs = ctx.G.nodes[node]
    if attrs.get("label") == "Location" and attrs.get("kind") not in (None, "address", "other"):
        return False
    users = {u for u, _, _, _ in ctx.in_edges(node, *ctx.params["shared_types"])}
    return len(users) <= int(ctx.params.get("max_shared_users", 10))


def shared_identifier(ctx: RuleContext, official: str) -> Finding | None:
    """Shares a phone, account, vehicle, email or address (USES_PHONE, HOLDS_ACCOUNT, DRIVES,
    OWNS, LIVES_AT the same node) with a suspect."""
    types, labels = ctx.params["shared_types"], ctx.params["shared_labels"]
    reasons: list[Reason] = []
    objects: set[str] = set()
    for u, obj, k, _ in ctx.out_edges(official, *types):
        if ctx.label(obj) not in labels or not _is_personal(ctx, obj):
            continue
        for s, _, k2, _ in ctx.in_edges(obj, *types):
            if s in ctx.suspects and s != official:
                what = _SHARE_WORD.get(ctx.label(obj) or "", "an identifier")
                text = f"shares {what} ({ctx.name(obj)}) with suspect {ctx.name(s)}"
                reasons.append(Reason(text, ((u, obj, k), (s, obj, k2)), (s,)))
                objects.add(obj)
    return Finding(len(objects), tuple(reasons)) if reasons else None


def family_tie(ctx: RuleContext, official: str) -> Finding | None:
    """A RELATED_TO edge, in either direction, between the official and a suspect."""
    per_relative: dict[str, list[tuple[EdgeRef, str]]] = {}
    for u, v, k, d in ctx.out_edges(official, "RELATED_TO"):
        per_relative.setdefault(v, []).append(((u, v, k), str(d.get("relation") or "")))
    for u, v, k, d in ctx.in_edges(official, "RELATED_TO"):
        per_relative.setdefault(u, []).append(((u, v, k), str(d.get("relation") or "")))
    reasons = []
    for relative, ties in per_relative.items():
        if relative in ctx.suspects and relative != official:
            kinds = ", ".join(sorted({kind for _, kind in ties if kind})) or "family"
            text = f"family tie ({kinds}) with suspect {ctx.name(relative)}"
            reasons.append(Reason(text, tuple(e for e, _ in ties), (relative,)))
    return Finding(len(reasons), tuple(reasons)) if reasons else None


def _valid_routes(ctx: RuleContext, official: str, routes: list[tuple[EdgeRef, ...]]) -> list[tuple[EdgeRef, ...]]:
    """Routes of a tie that do not rest on the official's own co-mentions."""
    def own(ref: EdgeRef) -> bool:
        return ctx.self_authored(official, ctx.G.get_edge_data(*ref) or {})
    return [r for r in routes if not any(own(ref) for ref in r)]


def _bfs(ctx: RuleContext, official: str, k: int) -> dict[str, tuple[str, tuple[EdgeRef, ...]]]:
    """Breadth-first search on the tie graph up to ``k`` hops: node -> (parent, route used)."""
    T = ctx.ties
    parent: dict[str, tuple[str, tuple[EdgeRef, ...]]] = {}
    if official not in T:
        return parent
    visited, frontier = {official}, [official]
    for _ in range(k):
        nxt = []
        for node in frontier:
            for other, data in T[node].items():
                if other in visited:
                    continue
                routes = _valid_routes(ctx, official, data["routes"]) if node == official else data["routes"]
                if routes:
                    visited.add(other)
                    parent[other] = (node, routes[0])
                    nxt.append(other)
        frontier = nxt
    return parent


def near_core(ctx: RuleContext, official: str) -> Finding | None:
    """Within ``k`` hops (default 2) of a core suspect through non-investigative ties only; the
    reason names the path and the edges of one route per hop."""
    k = int(ctx.params["k"])
    parent = _bfs(ctx, official, k)
    reasons = []
    for core in sorted(ctx.core - {official}):
        if core not in parent:
            continue
        path, node = [core], core
        edges: list[EdgeRef] = []
        while node != official:
            node, route = parent[node]
            edges.extend(route)
            path.append(node)
        via = " via " + ", ".join(ctx.caption(n) for n in reversed(path[1:-1])) if len(path) > 2 else ""
        text = f"{len(path) - 1} non-investigative tie(s) from core suspect {ctx.name(core)}{via}"
        reasons.append(Reason(text, tuple(reversed(edges)), (core,)))
    return Finding(len(reasons), tuple(reasons)) if reasons else None
