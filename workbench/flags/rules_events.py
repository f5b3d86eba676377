"""Event rules: money and calls between an official (or their relatives) and the exploitation core.

Why together: payments and calls are both event nodes between two sides
(``side -PAID-> Payment -PAID_TO-> side``, ``phone -CALLED-> Call -CALL_TO-> phone``), and a side
may be a person, a phone or account they use, or a business they own. The official's sides are
themselves and their phones and accounts (USES_PHONE, HOLDS_ACCOUNT, OWNS); the far side must
stand for a core member or an exploited venue (:meth:`RuleContext.suspect_sides`).

A payment without an amount (an envelope, a brown paper bag) counts like any other: the reason
says the amount was not stated and what changed hands (the Payment's ``form``). A wage paid to a
relative by an employer outside the core is no tie: only payers on the core's side count.
Calls with a person the official investigated, from ``investigative_lead_days`` before the first
investigative act on, are investigative contact (arranging an interview) and never count; so are
an investigator's calls once the case is overt for that person (after their arrest or the
case's first operation).
"""
from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from workbench.flags.context import RuleContext
from workbench.flags.flag import EdgeRef, Finding, Reason

__all__ = ["payment", "relative_paid", "calls", "tip_off", "event_record", "event_legs", "amount_text", "call_pairs"]


def event_record(ctx: RuleContext, event: str, **extra: Any) -> dict[str, Any]:
    """The properties of a Payment or Call node that a reviewer reads, plus ``extra``."""
    attrs = ctx.G.nodes[event]
    keep = ("amount", "currency", "form", "channel", "date", "at", "duration_s", "kind", "status", "record")
    return {"event": event, **{k: attrs[k] for k in keep if attrs.get(k) is not None}, **extra}


def event_legs(ctx: RuleContext, side: str, sent: str, received: str, out_word: str,
               in_word: str) -> list[tuple[str, EdgeRef, Any, int]]:
    """The events (payments, calls) ``side`` took part in, each with the edges to its other party.

    A leg is (direction word, the edge between ``side`` and the event, the event's edges toward
    the other party, which end of those edges is the other party).
    """
    legs = [(out_word, (u, e, k), ctx.out_edges(e, received), 1) for u, e, k, _ in ctx.out_edges(side, sent)]
    legs += [(in_word, (e, v, k), ctx.in_edges(e, sent), 0) for e, v, k, _ in ctx.in_edges(side, received)]
    return legs


def amount_text(rec: dict[str, Any]) -> str:
    """ "BZD 500.0 (cash, 2024-04-02)", or "an unstated amount (white envelope, cash, date unknown)".

    >>> amount_text({"form": "envelope", "channel": "cash"})
    'an unstated amount (envelope, cash, date unknown)'
    """
    if rec.get("amount") is None:
        head, details = "an unstated amount", [rec.get("form"), rec.get("channel", "channel unknown")]
    else:
        head, details = f"{rec.get('currency', '')} {rec['amount']}".strip(), [rec.get("channel", "channel unknown")]
    details.append(rec.get("date", "date unknown"))
    return f"{head} ({', '.join(str(d) for d in details if d)})"


def _payments(ctx: RuleContext, person: str, official: str, *, received_only: bool = False
              ) -> list[tuple[str, str, tuple[EdgeRef, ...], tuple[str, ...]]]:
    """Payments between ``person`` (or a phone / account they use) and the core's side, one per
    payment: (payment, direction, edges, parties)."""
    found: dict[tuple[str, str], tuple[str, str, tuple[EdgeRef, ...], str]] = {}
    for side, via in ctx.own_sides(person, *ctx.stand_in_types):
        for direction, leg, far_edges, far_end in event_legs(ctx, side, *ctx.legs("Payment"), "paid", "received"):
            if received_only and direction != "received":
                continue
            pay = leg[1] if direction == "paid" else leg[0]
            for a, b, k2, _ in far_edges:
                for party, via2 in ctx.suspect_sides((a, b)[far_end], official):
                    if party != person and (pay, party) not in found:
                        found[(pay, party)] = (pay, direction, (*via, leg, (a, b, k2), *via2), party)
    merged: dict[str, tuple[str, str, tuple[EdgeRef, ...], tuple[str, ...]]] = {}
    for pay, direction, edges, party in found.values():
        _, _, before, parties = merged.get(pay, (pay, direction, (), ()))
        merged[pay] = (pay, direction, tuple(dict.fromkeys((*before, *edges))), (*parties, party))
    return list(merged.values())


def _parties_text(ctx: RuleContext, parties: tuple[str, ...]) -> str:
    return " and ".join(ctx.who(p) for p in parties)


def payment(ctx: RuleContext, official: str) -> Finding | None:
    """Payments between the official (or an account or phone registered to them) and the core's
    side: a core member, their account, phone or business, or an exploited venue's account."""
    reasons, records = [], []
    for pay, direction, edges, parties in _payments(ctx, official, official):
        rec = event_record(ctx, pay, direction=direction, suspect=parties[0])
        word = "to" if direction == "paid" else "from"
        reasons.append(Reason(f"{direction} {amount_text(rec)} {word} {_parties_text(ctx, parties)}", edges, parties))
        records.append(rec)
    if not reasons:
        return None
    reasons += _unpaid_by_anyone(ctx, official)
    return Finding(len({r["event"] for r in records}), tuple(reasons), tuple(records))


def _unpaid_by_anyone(ctx: RuleContext, official: str) -> list[Reason]:
    """Money the notes say the official received from no one named ("ih collect ih envelope"):
    no score of its own, but a reviewer of a payment flag reads every receipt the notes record."""
    found = []
    for pay, _, key, _ in ctx.in_edges(official, "PAID_TO"):
        if not any(True for _ in ctx.in_edges(pay, "PAID")):
            rec = event_record(ctx, pay, direction="received")
            found.append(Reason(f"received {amount_text(rec)}; the notes do not say from whom",
                                ((pay, official, key),)))
    return found


def relative_paid(ctx: RuleContext, official: str) -> Finding | None:
    """Payments from the core's side (a core member, their account, or an exploited venue's or its
    operating company's account) to a relative of the official or to the relative's account."""
    reasons, records = [], []
    for relative, ties in ctx.relatives(official).items():
        kinds = ", ".join(sorted({kind for _, kind in ties if kind})) or "relative"
        for pay, _, edges, parties in _payments(ctx, relative, official, received_only=True):
            rec = event_record(ctx, pay, direction="received by relative", suspect=parties[0], relative=relative)
            text = f"the official's {kinds} {ctx.name(relative)} received {amount_text(rec)} " \
                   f"from {_parties_text(ctx, parties)}"
            reasons.append(Reason(text, (*(e for e, _ in ties), *edges), parties))
            records.append(rec)
    if not reasons:
        return None
    return Finding(len({r["event"] for r in records}), tuple(reasons), tuple(records))


def _day(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def investigative_contact(ctx: RuleContext, official: str, person: str, when: Any) -> bool:
    """True when a call at ``when`` is casework: from ``investigative_lead_days`` before the
    official first investigated ``person`` onwards, or - for an investigator (role, or author of
    a note) - once the case is overt for that person (their arrest, or the first operation)."""
    day = _day(when)
    first = _day(ctx.investigated_since(official).get(person))
    lead = timedelta(days=int(ctx.params["investigative_lead_days"]))
    if first is not None and (day is None or day >= first - lead):
        return True
    if not ctx.is_investigator(official):
        return False
    overt = [d for d in (_day(ctx.overt_since.get(person)), _day(ctx.overt_since.get(""))) if d]
    return bool(overt) and day is not None and day >= min(overt)


def call_pairs(ctx: RuleContext, official: str, *, exempt: bool = True
               ) -> list[tuple[str, str, tuple[EdgeRef, ...], str]]:
    """Calls between the official's phones and the core's side: (call, direction "to"/"from",
    edges, party); with ``exempt``, investigative contact is left out."""
    seen: dict[tuple[str, str], tuple[str, str, tuple[EdgeRef, ...], str]] = {}
    for side, via in ctx.own_sides(official, *ctx.holder_types("Phone")):
        for direction, leg, far_edges, far_end in event_legs(ctx, side, *ctx.legs("Call"), "to", "from"):
            call = leg[1] if direction == "to" else leg[0]
            attrs = ctx.G.nodes[call]
            for a, b, k2, _ in far_edges:
                for party, via2 in ctx.suspect_sides((a, b)[far_end], official):
                    when = attrs.get("at") or attrs.get("date")
                    if (call, party) in seen or (exempt and investigative_contact(ctx, official, party, when)):
                        continue
                    seen[(call, party)] = (call, direction, (*via, leg, (a, b, k2), *via2), party)
    return list(seen.values())


def calls(ctx: RuleContext, official: str) -> Finding | None:
    """Calls and messages between the official (or a phone they use) and a core member or a phone
    on the core's side, counted per call, one reason per core member."""
    per_party: dict[str, list[EdgeRef]] = {}
    records: list[dict[str, Any]] = []
    for call, direction, edges, party in call_pairs(ctx, official):
        per_party.setdefault(party, []).extend(edges)
        records.append(event_record(ctx, call, direction=direction, suspect=party))
    if not per_party:
        return None
    reasons = []
    for party, used in per_party.items():
        mine = [r for r in records if r["suspect"] == party]
        out = sum(1 for r in mine if r["direction"] == "to")
        text = f"{len(mine)} call(s)/message(s) with {ctx.who(party)} " \
               f"({out} made by the official, {len(mine) - out} received)"
        reasons.append(Reason(text, tuple(dict.fromkeys(used)), (party,)))
    return Finding(len({r["event"] for r in records}), tuple(reasons), tuple(records))


def tip_off(ctx: RuleContext, official: str) -> Finding | None:
    """Tip-off and obstruction language tied to the official: TIPPED_OFF edges from them."""
    reasons, count = [], 0
    for u, v, k, d in ctx.out_edges(official, "TIPPED_OFF"):
        suspects = tuple(s for s, _ in ctx.suspect_sides(v, official))
        who = ctx.who(v) if v in ctx.suspects else ctx.caption(v)
        detail = f" ({d['relation']})" if d.get("relation") else ""
        reasons.append(Reason(f"tip-off / obstruction language: warned or protected {who}{detail}",
                              ((u, v, k),), suspects))
        count += int(d.get("evidence_count") or len(d.get("evidence") or ()) or 1)
    return Finding(count, tuple(reasons)) if reasons else None
