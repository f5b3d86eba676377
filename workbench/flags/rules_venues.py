"""Venue rules: an official who owns, runs or frequents a venue where exploitation is reported,
whose registered vehicle is parked there again and again, or whose relative owns it.

Why together: all three ask the same question of :attr:`RuleContext.exploited_venues` (victims
harboured, employed, seen or living there, or a core member owns it; police stations, offices,
hospitals and shelters never count) and share its report edges, which every reason cites.
Ownership follows OWNS chains through companies (``ownership_depth``): holding shares in the
company that operates a bar is owning the bar. Presence is counted without investigative
presence (:meth:`RuleContext.presence`): a raid, a search or the official's own log is their work.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from workbench.flags.context import RuleContext
from workbench.flags.core import owned_through
from workbench.flags.flag import EdgeRef, Finding, Reason

__all__ = ["venue", "vehicle_at_venue", "venue_by_relative"]

_UNDATED = "undated:"  # a sighting whose note gives no date counts as its own day, by its note


def _report(ctx: RuleContext, node: str) -> tuple[str, tuple[EdgeRef, ...], tuple[str, ...]]:
    """How exploitation is reported at a venue: a phrase, the edges, the core owners."""
    report = ctx.exploited_venues[node]
    victims = {v for u, v, _ in report if u == node and ctx.role(v) == "victim"}
    victims |= {u for u, v, _ in report if v == node and ctx.role(u) == "victim"}
    owners = tuple(dict.fromkeys(u for u, _, _ in report if u in ctx.suspects))
    return f"({len(victims)} victim(s); {len(owners)} suspect owner(s))", report, owners


def _chain_phrase(ctx: RuleContext, chain: tuple[EdgeRef, ...]) -> str:
    return f" (through {ctx.name(chain[0][1])})" if len(chain) > 1 else ""


def _presence(ctx: RuleContext, official: str, venue_node: str) -> tuple[list[str], list[EdgeRef]]:
    """How the official is tied to a venue: owns/runs it (directly or through a company), works
    there, lives there, or is seen there at least ``min_seen`` times outside investigative work."""
    how: list[str] = []
    edges: list[EdgeRef] = []
    chain = owned_through(ctx.G, official, int(ctx.params["ownership_depth"])).get(venue_node)
    if chain and all(ctx.usable(ctx.G.edges[e]) for e in chain):
        how.append("owns or runs" + _chain_phrase(ctx, chain))
        edges.extend(chain)
    seen_edges, seen_count = [], 0
    for u, v, k, d in ctx.out_edges(official, "LIVES_AT", "SEEN_AT"):
        if v != venue_node:
            continue
        if d["type"] == "SEEN_AT":
            rows = ctx.presence(official, d)
            if rows:
                seen_edges.append((u, v, k))
                seen_count += len(rows)
        else:
            how.append("lives at")
            edges.append((u, v, k))
    for u, v, k, _ in ctx.in_edges(official, "EMPLOYS"):
        if u == venue_node:
            how.append("works at")
            edges.append((u, v, k))
    if seen_count >= int(ctx.params["min_seen"]):
        how.append(f"seen at ({seen_count} times)")
        edges.extend(seen_edges)
    return how, edges


def venue(ctx: RuleContext, official: str) -> Finding | None:
    """Owning, running, working at or regularly being at a venue where exploitation is reported
    (victims harboured, employed, seen or living there, or a core member owns it)."""
    venues = ctx.exploited_venues
    candidates = {v for _, v, _, _ in ctx.out_edges(official) if v in venues}
    candidates |= {u for u, _, _, _ in ctx.in_edges(official, "EMPLOYS") if u in venues}
    candidates |= set(owned_through(ctx.G, official, int(ctx.params["ownership_depth"]))) & set(venues)
    reasons = []
    for node in sorted(candidates):
        how, edges = _presence(ctx, official, node)
        if not how:
            continue
        phrase, report, owners = _report(ctx, node)
        text = f"{' and '.join(how)} venue {ctx.name(node)}, where exploitation is reported {phrase}"
        reasons.append(Reason(text, tuple(dict.fromkeys((*edges, *report))), owners))
    return Finding(len(reasons), tuple(reasons)) if reasons else None


def vehicle_at_venue(ctx: RuleContext, official: str) -> Finding | None:
    """A vehicle registered to the official (``vehicle_owner_types``, default OWNS) seen at a venue
    where exploitation is reported on at least ``min_vehicle_seen`` distinct days (or notes,
    where a sighting has no date)."""
    reasons = []
    for u, vehicle, k, d in ctx.out_edges(official, *ctx.params["vehicle_owner_types"]):
        if ctx.label(vehicle) != "Vehicle":
            continue
        sightings: dict[str, tuple[list[EdgeRef], set[str]]] = {}
        told = tuple(ctx.params["told_sighting_methods"])
        for a, place, k2, d2 in ctx.out_edges(vehicle, "SEEN_AT"):
            if place in ctx.exploited_venues:
                rows = ctx.presence(official, d2)
                days = {_day(ev, told) for ev in rows}
                edges, seen = sightings.setdefault(place, ([], set()))
                edges.extend([(a, place, k2)] if rows else [])
                seen.update(days)
        for place, (edges, seen) in sightings.items():
            if len(seen) < int(ctx.params["min_vehicle_seen"]):
                continue
            phrase, report, owners = _report(ctx, place)
            how = "registered to" if d["type"] == "OWNS" else f"{d['type'].lower()} by"
            dated = sorted(day for day in seen if not day.startswith(_UNDATED))
            listed = dated + ([f"{len(seen) - len(dated)} undated note(s)"] if len(dated) < len(seen) else [])
            text = f"vehicle {ctx.name(vehicle)} {how} the official seen at {ctx.name(place)} on " \
                   f"{len(seen)} distinct day(s) ({', '.join(listed)}), where exploitation is reported {phrase}"
            reasons.append(Reason(text, tuple(dict.fromkeys(((u, vehicle, k), *edges, *report))), owners))
    return Finding(len(reasons), tuple(reasons)) if reasons else None


def _day(evidence: Mapping[str, Any], told: tuple[str, ...]) -> str:
    """The day a sighting was on: its note's date, unless the note only tells of it (or has none)."""
    date = evidence.get("date") if str(evidence.get("method") or "") not in told else None
    return str(date or _UNDATED + str(evidence.get("note_id") or ""))


def venue_by_relative(ctx: RuleContext, official: str) -> Finding | None:
    """A relative of the official (RELATED_TO) owns or runs a venue where exploitation is
    reported, directly or through a company (shares, licensee, operator)."""
    venues, depth = ctx.exploited_venues, int(ctx.params["ownership_depth"])
    reasons = []
    for relative, ties in ctx.relatives(official).items():
        kinds = ", ".join(sorted({kind for _, kind in ties if kind})) or "relative"
        for org, chain in owned_through(ctx.G, relative, depth).items():
            if org not in venues or not all(ctx.usable(ctx.G.edges[e]) for e in chain):
                continue
            phrase, report, owners = _report(ctx, org)
            relation = ctx.G.edges[chain[0]].get("relation")
            held = f" ({relation})" if relation else ""
            text = f"the official's {kinds} {ctx.name(relative)} owns or runs{held} {ctx.name(org)}" \
                   f"{_chain_phrase(ctx, chain)}, where exploitation is reported {phrase}"
            edges = (*(e for e, _ in ties), *chain, *report)
            reasons.append(Reason(text, tuple(dict.fromkeys(edges)), tuple(dict.fromkeys((relative, *owners)))))
    return Finding(len(reasons), tuple(reasons)) if reasons else None
