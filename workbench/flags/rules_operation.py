"""A call with the core shortly before a raid, search or checkpoint: the pattern of a tip-off.

Why a rule of its own: a leak rarely shows as words ("he warned them"); it shows when three
records are read together - when the operation was to start, a call between the official's
phone and a core member's phone shortly before, and (often) the core member's calls to the rest
of the network right after. The rule reads operations as data the graph may carry:

- a node labelled ``Operation`` (``operation_labels``) with ``at``: the ISO date and time the
  operation began (H-hour, entry), and optionally ``name`` ("Op LUNA") and ``kind`` (raid,
  search, checkpoint, inspection); its usable edges (e.g. ``TARGETED`` towards the venue or
  person) carry the sentences that give the time, and are cited;
- or operations the analyst gives in ``params["operations"]``: ``[{"at": "2024-03-22T22:15",
  "name": "Op LUNA", "kind": "raid"}]`` (recorded in the run's parameters).

A call counts when its ``at`` falls within ``call_window_minutes`` before the operation's time
(a call after the start, or earlier than the window, does not). Calls and operations without a
time of day are ignored: the rule is a no-op when the graph carries no operation time. Being on
the operation's team is never evidence by itself; the reason only says so, since it means the
official knew the time. Calls the notes describe the core member taking just before warning
that the police were coming (``Call.warning``: no caller, no score of their own) are cited with it.
"""
from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from workbench.flags.context import RuleContext
from workbench.flags.flag import EdgeRef, Finding, Reason
from workbench.flags.rules_events import call_pairs, event_record

__all__ = ["call_before_operation", "operations", "parse_time"]


def parse_time(value: Any) -> datetime | None:
    """An ISO date and time (seconds optional, "T" or a space between), or None for a bare date.

    >>> parse_time("2024-03-22T21:38:12"), parse_time("2024-03-22")
    (datetime.datetime(2024, 3, 22, 21, 38, 12), None)
    """
    text = str(value or "").strip()
    if len(text) < 16 or text[10] not in "T ":
        return None
    try:
        return datetime.fromisoformat(text).replace(tzinfo=None)
    except ValueError:
        return None


def operations(ctx: RuleContext) -> list[dict[str, Any]]:
    """Every operation with a time of day: node (or None), name, kind, at, and its cited edges."""
    found = []
    for node, attrs in ctx.G.nodes(data=True):
        at = parse_time(attrs.get("at"))
        if attrs.get("label") in ctx.params["operation_labels"] and at is not None:
            edges = [(u, v, k) for u, v, k, d in (*ctx.out_edges(node), *ctx.in_edges(node))
                     if d.get("type") != "ON_OPERATION"]  # the time and target; a team list is cited per official
            found.append({"node": node, "name": attrs.get("name") or node, "kind": attrs.get("kind") or "operation",
                          "at": at, "edges": tuple(edges)})
    for i, given in enumerate(ctx.params.get("operations") or ()):
        at = parse_time(given.get("at"))
        if at is not None:
            found.append({"node": None, "name": given.get("name") or f"operation {i + 1}",
                          "kind": given.get("kind") or "operation", "at": at, "edges": ()})
    return found


def _cascade(ctx: RuleContext, party: str, official: str, after: datetime) -> tuple[list[str], list[EdgeRef]]:
    """The party's calls to other core members within ``cascade_minutes`` after ``after``."""
    until = after + timedelta(minutes=float(ctx.params["cascade_minutes"]))
    names: list[str] = []
    edges: list[EdgeRef] = []
    called, call_to = ctx.legs("Call")
    for side, via in ctx.own_sides(party, *ctx.holder_types("Phone")):
        for u, call, k, _ in ctx.out_edges(side, called):
            at = parse_time(ctx.G.nodes[call].get("at"))
            if at is None or not after < at <= until:
                continue
            for a, b, k2, _ in ctx.out_edges(call, call_to):
                for other, via2 in ctx.suspect_sides(b, official):
                    if other not in (party, official) and other in ctx.suspects:
                        names.append(ctx.name(other))
                        edges.extend((*via, (u, call, k), (a, b, k2), *via2))
    return list(dict.fromkeys(names)), edges


def _on_team(ctx: RuleContext, official: str, op: str | None) -> tuple[EdgeRef, ...]:
    """The edges that put the official on the operation (its team or briefing list), if any."""
    if op is None:
        return ()
    return tuple((u, v, k) for u, v, k in (*ctx.G.out_edges(official, keys=True), *ctx.G.in_edges(official, keys=True))
                 if op in (u, v))


def _warnings(ctx: RuleContext, party: str) -> tuple[EdgeRef, ...]:
    """Calls the notes describe the party (or their phone) receiving, after which they warned of
    the police (``Call.warning``, read by ``ingest.components.forewarnings``)."""
    _, call_to = ctx.legs("Call")
    return tuple((u, v, k) for side, _ in ctx.own_sides(party, *ctx.holder_types("Phone"))
                 for u, v, k, _ in ctx.in_edges(side, call_to) if ctx.G.nodes[u].get("warning"))


def call_before_operation(ctx: RuleContext, official: str) -> Finding | None:
    """A call between the official's phone and the core's side within ``call_window_minutes``
    before an operation's time (see the module docstring for what the graph must carry)."""
    ops = operations(ctx)
    if not ops:
        return None
    window = timedelta(minutes=float(ctx.params["call_window_minutes"]))
    reasons, records = [], []
    for call, direction, edges, party in call_pairs(ctx, official, exempt=False):
        at = parse_time(ctx.G.nodes[call].get("at"))
        if at is None:
            continue
        for op in ops:
            if not op["at"] - window <= at < op["at"]:
                continue
            minutes = int((op["at"] - at).total_seconds() // 60)
            names, more = _cascade(ctx, party, official, at)
            then = f"; then {ctx.name(party)} called {', '.join(names)} within " \
                   f"{ctx.params['cascade_minutes']} min" if names else ""
            team_edges = _on_team(ctx, official, op["node"])
            warned = _warnings(ctx, party)
            if warned:
                then += f"; the notes describe {ctx.name(party)} taking a call and then warning that the police " \
                        f"were coming"
            team = "; the official was on the operation's team or briefing (knew its target and time)" if team_edges else ""
            word = "to" if direction == "to" else "from"
            text = f"call {word} {ctx.who(party)} at {at:%Y-%m-%d %H:%M}, {minutes} min before {op['name']} " \
                   f"({op['kind']}, {op['at']:%Y-%m-%d %H:%M}){then}{team}"
            reasons.append(Reason(text, (*edges, *op["edges"], *team_edges, *warned, *more), (party,)))
            records.append(event_record(ctx, call, direction=direction, suspect=party, operation=op["name"],
                                        operation_at=op["at"].isoformat(), minutes_before=minutes))
    if not reasons:
        return None
    return Finding(len({r["event"] for r in records}), tuple(reasons), tuple(records))
