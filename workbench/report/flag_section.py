"""The report's officials section: one closed block per flagged official, its evidence grouped per link.

Why: the old section was 42,000 px tall, 590 evidence lines of which 292 were distinct, repeated
under every rule that used them and shown as raw CSV rows. Here each official is one line that
opens (``<details>``) on the rules that fired (what each means, the next step, the reasons), then
the evidence **once**, grouped per link: the two people (a phone shown with its user; a call or
a payment as the pair it joins) and the kind of tie, each sentence once, oldest first, with its
note's file name, date and author. Names and sentences pass ``redact`` (victims and witnesses as
their pseudonyms unless revealed) and every string is escaped.
"""
from __future__ import annotations

import html
from collections import defaultdict
from collections.abc import Callable, Mapping
from typing import Any

import networkx as nx

from graph_schema import load_schema
from workbench.flags.config import WORDING
from workbench.flags.flag import EvidenceSentence, Flag, FlagReport
from workbench.flags.report import distinct

__all__ = ["flags_section", "flag_line", "why", "Names"]

Names = Callable[[Any], str]
#: Rule -> how one line says what it found (``{n}``: the rule's count).
_SAID = {
    "payment": "{n} payment(s) with the core", "relative_paid": "{n} payment(s) from the core to a relative",
    "calls": "{n} call(s) with core phones", "call_before_operation": "{n} call(s) just before an operation",
    "venue": "tied to {n} exploitation venue(s)", "vehicle_at_venue": "vehicle seen {n} time(s) at such a venue",
    "venue_by_relative": "a relative runs {n} such venue(s)", "tip_off": "{n} tip-off or obstruction account(s)",
    "alias_candidate": "{n} alias candidate(s) to confirm", "shared_identifier": "{n} identifier(s) shared with the core",
    "family_tie": "{n} family tie(s) with the core",
}


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def why(flag: Flag) -> str:
    """What the rules found, in one line (supporting rules left out).

    >>> from workbench.flags.flag import RuleResult
    >>> r = RuleResult("payment", "", 1.0, 3, 2.0, (), ())
    >>> why(Flag("Person:x", "Sgt. Pop", "Police", "Sgt.", "official", 2.0, (r,)))
    '3 payment(s) with the core'
    """
    said = [_SAID.get(r.rule, r.rule.replace("_", " ") + " ({n})").format(n=r.count)
            for r in flag.results if not r.supporting]
    return "; ".join(said) or "close to the network's core"


def flag_line(flag: Flag, redact: Callable[[str], str]) -> str:
    """"Name (agency, rank) — score S: why", as plain text."""
    who = ", ".join(x for x in (flag.agency or "agency unknown", flag.rank) if x)
    return f"{redact(flag.name)} ({who}) — score {flag.score:.1f}: {why(flag)}"


def _event_pair(G: nx.Graph, node: Any) -> tuple[Any, Any, str] | None:
    """(sender, receiver, "calls" or "payments") for an event node that links two parties (the
    schema's ``event_legs``) with both sides known."""
    label = str(G.nodes[node].get("label")) if node in G else ""
    legs = load_schema().event_legs(label) if label in load_schema().nodes else None
    if legs is None or not G.is_directed():
        return None
    senders = [u for u, _, t in G.in_edges(node, data="type") if t == legs[0]]
    receivers = [v for _, v, t in G.out_edges(node, data="type") if t == legs[1]]
    return (senders[0], receivers[0], f"{label.lower()}s") if len(senders) == 1 and len(receivers) == 1 else None


def _links(G: nx.Graph, flag: Flag) -> dict[str, tuple[Any, Any, str]]:
    """Edge id -> the link it belongs to: (one end, other end, kind of tie)."""
    out = {}
    for u, v, key in flag.edges:
        kind = str(G.edges[u, v, key].get("type") or "tie") if G.is_multigraph() and G.has_edge(u, v, key) else "tie"
        pair = _event_pair(G, v) or _event_pair(G, u)
        out[str(key)] = pair if pair is not None else (u, v, kind.lower().replace("_", " "))
    return out


def _cite(e: EvidenceSentence, notes: Mapping[str, Mapping[str, str]], redact: Callable[[str], str]) -> str:
    parts = notes.get(e.note_id, {})
    when = e.date or parts.get("date")
    cited = (parts.get("file") or e.note_id, parts.get("type"), parts.get("author"), when)  # as note_sources cites
    return " · ".join(redact(str(x)) for x in cited if x)


def _evidence(G: nx.Graph, flag: Flag, names: Names, notes: Mapping[str, Mapping[str, str]],
              redact: Callable[[str], str]) -> str:
    links = _links(G, flag)
    grouped: dict[tuple[Any, Any, str], list[EvidenceSentence]] = defaultdict(list)
    for e in distinct(flag.evidence):
        grouped[links.get(e.edge_id, (flag.official, None, "tie"))].append(e)
    rows = distinct(flag.evidence)
    blocks = [f'<p class="muted">{len(rows)} distinct sentence(s) and record(s) from '
              f"{len({e.note_id for e in rows})} note(s), grouped by the link they support.</p>"]
    for (a, b, kind), items in sorted(grouped.items(), key=lambda kv: -len(kv[1])):
        items.sort(key=lambda e: (str(e.date or notes.get(e.note_id, {}).get("date") or ""), e.note_id, e.start or 0))
        ends = " → ".join(_e(names(x)) for x in (a, b) if x is not None)
        body = "".join(f"<li><q>{_e(redact(e.sentence))}</q> <cite>{_e(_cite(e, notes, redact))}</cite></li>"
                       for e in items)
        blocks.append(f"<details class=\"link\"><summary>{ends} · {_e(kind)} · {len(items)} sentence(s)</summary>"
                      f"<ul class=\"ev\">{body}</ul></details>")
    return "".join(blocks)


def _rules(flag: Flag, redact: Callable[[str], str]) -> str:
    items = []
    for r in flag.results:
        reasons = "".join(f"<li>{_e(redact(x.text))}</li>" for x in r.reasons)
        more = (f"<details><summary>{len(r.reasons)} reason(s)</summary><ul>{reasons}</ul></details>"
                if reasons else "")
        step = f'<div class="next">Next step: {_e(r.next_step)}</div>' if r.next_step else ""
        items.append(f"<li><b>{_e(r.rule)}</b> (count {r.count}, score {r.score:.2f}"
                     f"{', supporting' if r.supporting else ''}): {_e(r.description)}{step}{more}</li>")
    return f"<ul class=\"rules\">{''.join(items)}</ul>"


def flags_section(flags: FlagReport, G: nx.Graph, names: Names, notes: Mapping[str, Mapping[str, str]],
                  redact: Callable[[str], str]) -> str:
    """The section's HTML: a warning, then one closed block per official (``id="flag-N"``)."""
    head = ('<p class="warn">These are leads for review by a supervisor, not findings. Each official below lists '
            "the rules that fired and the sentences and records they rest on; investigative acts (interviews, "
            "arrests, searches) never count.</p>")
    if not flags.flags:
        return head + "<p>No official has ties to suspects that need review.</p>"
    blocks = []
    for i, f in enumerate(flags.flags, start=1):
        support = f'<p class="muted">Support: {_e(f.support.text)}.</p>' if f.support is not None else ""
        blocks.append(f'<details class="flag" id="flag-{i}"><summary><b>{i}. {_e(flag_line(f, redact))}</b> '
                      f'— {_e(WORDING)}</summary>{support}{_rules(f, redact)}<h4>Evidence by link</h4>'
                      f"{_evidence(G, f, names, notes, redact)}</details>")
    return head + "".join(blocks)
