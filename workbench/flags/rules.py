"""The complicity rules: small pure functions of ``(context, official)``, listed in one table.

Why this shape: each rule answers one question an investigator would ask ("was money exchanged
with a suspect?", "did their phones talk?") and returns a :class:`Finding`: how many distinct
items it found, one reason per item with the edges it rests on, and the call or payment records.
It never scores and never reads evidence sentences: :mod:`workbench.flags.run` weighs the count
(weights live in :mod:`workbench.flags.config`) and reads the sentences of exactly the edges the
reasons name, so evidence cannot drift from reasons. Rules see only non-investigative edges (the
context filters them), so an investigator's arrests, interviews and own notes never fire a rule.
The tie rules (shared identifiers, family, nearness to the core) live in
:mod:`workbench.flags.rules_ties`.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from workbench.flags import rules_ties as t
from workbench.flags.context import RuleContext
from workbench.flags.flag import EdgeRef, Finding, Reason

__all__ = ["Finding", "Rule", "RULES", "payment", "calls", "venue", "tip_off", "rule_names"]


@dataclass(frozen=True)
class Rule:
    name: str
    description: str
    fn: Callable[[RuleContext, str], Finding | None]


def _event_record(ctx: RuleContext, event: str, **extra: Any) -> dict[str, Any]:
    attrs = ctx.G.nodes[event]
    keep = ("amount", "currency", "channel", "date", "at", "duration_s", "kind", "record")
    return {"event": event, **{k: attrs[k] for k in keep if attrs.get(k) is not None}, **extra}


def _event_legs(ctx: RuleContext, side: str, sent: str, received: str, out_word: str,
                in_word: str) -> list[tuple[str, EdgeRef, Any, int]]:
    """The events (payments, calls) ``side`` took part in, each with the edges to its other party.

    A leg is (direction word, the edge between ``side`` and the event, the event's edges toward
    the other party, which end of those edges is the other party).
    """
    legs = [(out_word, (u, e, k), ctx.out_edges(e, received), 1) for u, e, k, _ in ctx.out_edges(side, sent)]
    legs += [(in_word, (e, v, k), ctx.in_edges(e, sent), 0) for e, v, k, _ in ctx.in_edges(side, received)]
    return legs


def payment(ctx: RuleContext, official: str) -> Finding | None:
    """Payments between the official (or an account they hold) and a suspect's side: the suspect,
    an account the suspect holds, or a business the suspect owns."""
    found: dict[tuple[str, str], Reason] = {}
    records: list[dict[str, Any]] = []
    for side, via in ctx.own_sides(official, "HOLDS_ACCOUNT"):
        for direction, leg, far_edges, far_end in _event_legs(ctx, side, "PAID", "PAID_TO", "paid", "received"):
            pay = leg[1] if direction == "paid" else leg[0]
            for a, b, k2, _ in far_edges:
                other = (a, b)[far_end]
                for suspect, via2 in ctx.suspect_sides(other, official):
                    if (pay, suspect) in found:
                        continue
                    rec = _event_record(ctx, pay, direction=direction, suspect=suspect)
                    amount = f"{rec.get('currency', '')} {rec.get('amount', '?')}".strip()
                    word = "to" if direction == "paid" else "from"
                    text = f"{direction} {amount} ({rec.get('channel', 'channel unknown')}, " \
                           f"{rec.get('date', 'date unknown')}) {word} suspect {ctx.name(suspect)}"
                    found[(pay, suspect)] = Reason(text, (*via, leg, (a, b, k2), *via2), (suspect,))
                    records.append(rec)
    if not found:
        return None
    return Finding(len({p for p, _ in found}), tuple(found.values()), tuple(records))


def calls(ctx: RuleContext, official: str) -> Finding | None:
    """Calls and messages between the official (or a phone they use) and a suspect or a phone a
    suspect uses, counted per suspect: one reason per suspect, one record per call."""
    per_suspect: dict[str, list[EdgeRef]] = {}
    records: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()
    for side, via in ctx.own_sides(official, "USES_PHONE"):
        for direction, leg, far_edges, far_end in _event_legs(ctx, side, "CALLED", "CALL_TO", "to", "from"):
            call = leg[1] if direction == "to" else leg[0]
            for a, b, k2, _ in far_edges:
                for suspect, via2 in ctx.suspect_sides((a, b)[far_end], official):
                    if (call, suspect) in seen:
                        continue
                    seen.add((call, suspect))
                    per_suspect.setdefault(suspect, []).extend((*via, leg, (a, b, k2), *via2))
                    records.append(_event_record(ctx, call, direction=direction, suspect=suspect))
    if not per_suspect:
        return None
    reasons = []
    for suspect, edges in per_suspect.items():
        mine = [r for r in records if r["suspect"] == suspect]
        out = sum(1 for r in mine if r["direction"] == "to")
        text = f"{len(mine)} call(s)/message(s) with suspect {ctx.name(suspect)} " \
               f"({out} made by the official, {len(mine) - out} received)"
        reasons.append(Reason(text, tuple(dict.fromkeys(edges)), (suspect,)))
    return Finding(len({r["event"] for r in records}), tuple(reasons), tuple(records))


def _presence(ctx: RuleContext, official: str, venue_node: str) -> tuple[list[str], list[EdgeRef]]:
    """How the official is tied to a venue: owns/runs it, works there, lives there, or is seen
    there at least ``min_seen`` times (summed evidence of SEEN_AT)."""
    how: list[str] = []
    edges: list[EdgeRef] = []
    seen_edges, seen_count = [], 0
    for u, v, k, d in ctx.out_edges(official, "OWNS", "LIVES_AT", "SEEN_AT"):
        if v != venue_node:
            continue
        if d["type"] == "SEEN_AT":
            seen_edges.append((u, v, k))
            seen_count += int(d.get("evidence_count") or len(d.get("evidence") or ()) or 1)
        else:
            how.append({"OWNS": "owns or runs", "LIVES_AT": "lives at"}[d["type"]])
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
    (victims harboured, employed, seen or living there, or a suspect owns it)."""
    venues = ctx.exploited_venues
    candidates = {v for _, v, _, _ in ctx.out_edges(official) if v in venues}
    candidates |= {u for u, _, _, _ in ctx.in_edges(official, "EMPLOYS") if u in venues}
    reasons = []
    for node in sorted(candidates):
        how, edges = _presence(ctx, official, node)
        if not how:
            continue
        report = venues[node]
        victims = {v for u, v, _ in report if u == node} | {u for u, v, _ in report if v == node and u not in ctx.suspects}
        owners = tuple(u for u, v, _ in report if u in ctx.suspects and v == node)
        text = f"{' and '.join(how)} venue {ctx.name(node)}, where exploitation is reported " \
               f"({len(victims)} victim(s); {len(owners)} suspect owner(s))"
        reasons.append(Reason(text, (*edges, *report), owners))
    return Finding(len(reasons), tuple(reasons)) if reasons else None


def tip_off(ctx: RuleContext, official: str) -> Finding | None:
    """Tip-off and obstruction language tied to the official: TIPPED_OFF edges from them."""
    reasons, count = [], 0
    for u, v, k, d in ctx.out_edges(official, "TIPPED_OFF"):
        suspects = tuple(s for s, _ in ctx.suspect_sides(v, official))
        who = f"suspect {ctx.name(v)}" if v in ctx.suspects else ctx.caption(v)
        detail = f" ({d['relation']})" if d.get("relation") else ""
        reasons.append(Reason(f"tip-off / obstruction language: warned or protected {who}{detail}",
                              ((u, v, k),), suspects))
        count += int(d.get("evidence_count") or len(d.get("evidence") or ()) or 1)
    return Finding(count, tuple(reasons)) if reasons else None


#: The rule table: every rule the flag run evaluates, in report order.
RULES: tuple[Rule, ...] = (
    Rule("payment", "Payments between the official and a suspect or a suspect's account or business.", payment),
    Rule("calls", "Calls or messages between the official's phone and a suspect's phone.", calls),
    Rule("venue", "Owns, runs or is regularly at a venue where exploitation is reported.", venue),
    Rule("tip_off", "Tip-off or obstruction language tied to the official.", tip_off),
    Rule("shared_identifier", "Shares a phone, account, vehicle or address with a suspect.", t.shared_identifier),
    Rule("family_tie", "Family tie (RELATED_TO) with a suspect.", t.family_tie),
    Rule("near_core", "Within k non-investigative ties of the network's core suspects.", t.near_core),
)


def rule_names() -> tuple[str, ...]:
    """Names of the rules in the table, in report order.

    >>> rule_names()[:2]
    ('payment', 'calls')
    """
    return tuple(r.name for r in RULES)
