"""Official alias candidates: a lone nickname, rank word or initials that may be an official.

Why: the money often goes to "Sarge", "el sargento" or a receipt signed "C. N.", never to a full
name, and resolution rightly refuses to merge such a node into anybody. The flags may still ask:
is this lone node, tied to the core (paid by it, calling it), plausibly one of the officials?
A candidate is a reviewable link with its reasons, never a silent merge; a flag that rests on
one says so in every reason it carries.

A node is *lone* when its name (or an alias) is only initials ("C. N."), only rank or agency words
("Sarge", "the Customs man"), or such words plus one name ("Sarge Sosa"); victims and witnesses
(often written as initials) are never candidates. A lone node may itself look like an official
(a "Sarge" whose rank was read as Sgt.); it is still a candidate, and only officials with a full
name are matched against. Features against an official: initials of the
official's name (2), a remaining name word found in the official's name (2), a rank word of the
same rank (1, the ``rank_words`` of ``graph_schema/offices.yaml``), an agency word of the same agency (1),
paid by a person who also pays the official (1),
a co-mention with the official outside the official's own notes (1). An official who wrote or
took down a note that names the alias is never matched to it: the sergeant taking a statement
is not the "sargento" the statement speaks of. The best official must be
unique and score at least ``alias_min_score``; otherwise the match is listed as ``ambiguous`` or
``weak`` and transfers nothing. The candidate's findings under ``alias_rules`` then count for
the official under the rule ``alias_candidate``.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pandas as pd

from graph_schema import fold_name, load_offices
from workbench.flags.context import RuleContext
from workbench.flags.flag import EdgeRef, Finding, Reason
from workbench.flags.officials import official_agency
from workbench.flags.rules_events import calls, payment, tip_off
from workbench.flags.rules_operation import call_before_operation

__all__ = ["AliasCandidate", "alias_candidates", "alias_candidate", "candidate_frame", "lone_form"]

_FILLER = {"el", "la", "the", "don", "dona", "mr", "ms", "miss", "mrs", "man", "woman", "lady", "officer",
           "de", "del", "from", "fram", "of"}
_BASE: dict[str, Callable[[RuleContext, str], Finding | None]] = {
    "payment": payment, "calls": calls, "tip_off": tip_off, "call_before_operation": call_before_operation}


def _ranks() -> dict[str, re.Pattern[str]]:
    """Rank -> the pattern of its rank words, from the vocabulary of offices (read when first used)."""
    return {r.rank: r.pattern for r in load_offices().rank_words}


@dataclass(frozen=True)
class AliasCandidate:
    """A lone node and the official it may be: score, the features that match, and the status."""

    node: str
    official: str
    score: int
    features: tuple[str, ...]
    status: str                      # candidate | ambiguous | weak
    edges: tuple[EdgeRef, ...] = ()  # edges behind a feature (a co-mention)


def lone_form(text: str) -> tuple[str, set[str], str | None, str] | None:
    """(kind, ranks, agency, rest) when ``text`` is a lone form, else None.

    >>> lone_form("C. N.")
    ('initials', set(), None, 'cn')
    >>> lone_form("Sarge")[:2], lone_form("Cleveland Neal")
    (('rank', {'sergeant'}), None)
    """
    folded = fold_name(text)
    ranks, patterns = load_offices().read_ranks(folded), _ranks()
    agency = official_agency(text)
    words = [w for w in re.split(r"[\s.'-]+", folded) if w]
    if words and all(len(w) == 1 for w in words) and 2 <= len(words) <= 3:
        return "initials", ranks, agency, "".join(words)
    rest = [w for w in words if w not in _FILLER and not any(p.fullmatch(w) for p in patterns.values())
            and official_agency(w) is None]
    if (ranks or agency) and len(rest) <= 1:
        return "rank", ranks, agency, " ".join(rest)
    return None


def _official_features(ctx: RuleContext, node: str, forms: list[tuple[str, set[str], str | None, str]],
                       official: str, row: Any) -> tuple[int, list[str], list[EdgeRef]]:
    """Score and features of one official against all lone forms of a node, each feature once."""
    words = [w for w in fold_name(str(row.get("name") or ctx.name(official))).split() if w]
    initials = {"".join(w[0] for w in words), words[0][0] + words[-1][0]} if words else set()
    rank_text = fold_name(str(row.get("rank") or ""))
    patterns = _ranks()
    their_agency = official_agency(row.get("agency"), row.get("rank"))
    found: dict[str, int] = {}
    for kind, ranks, agency, rest in forms:
        if kind == "initials" and rest in initials:
            found[f"initials match {ctx.name(official)}"] = 2
        if kind == "rank" and rest and rest in words:
            found[f"name '{rest}' matches"] = 2
        if any(patterns[r].search(rank_text) for r in ranks):
            found[f"rank word matches rank {row.get('rank')}"] = 1
        if agency and agency == their_agency:
            found[f"agency word matches {agency}"] = 1
    shared = _payers(ctx, node) & _payers(ctx, official)
    if shared:
        found[f"paid by the same person as them ({', '.join(sorted(ctx.name(p) for p in shared))})"] = 1
    edges: list[EdgeRef] = []
    for u, v, k, d in [*ctx.out_edges(node, "ASSOCIATED_WITH"), *ctx.in_edges(node, "ASSOCIATED_WITH")]:
        if official in (u, v) and not ctx.self_authored(official, d):
            found["named with them in a note they did not write"] = 1
            edges = [(u, v, k)]
            break
    return sum(found.values()), list(found), edges


def alias_candidates(ctx: RuleContext) -> list[AliasCandidate]:
    """Every lone node tied to the core by an ``alias_rules`` rule, with its best official(s)."""
    if "aliases" in ctx.memo:
        return list(ctx.memo["aliases"])
    found: list[AliasCandidate] = []
    targets = {o: row for o, row in ctx.officials.items() if lone_form(str(row.get("name") or ctx.name(o))) is None}
    for node, attrs in ctx.G.nodes(data=True):
        if attrs.get("label") != "Person" or attrs.get("role") in ctx.protected_roles or node in targets:
            continue
        forms = [f for f in (lone_form(str(t)) for t in (attrs.get("name"), *(attrs.get("aliases") or ())) if t) if f]
        if not forms or not any(_BASE[r](ctx, node) for r in ctx.params["alias_rules"] if r in _BASE):
            continue
        scored = []
        writers = _writers_of(ctx, node)
        for official, row in targets.items():
            if official in writers:
                continue  # who wrote or took down a note naming "Sarge" is not the Sarge it speaks of
            score, features, edges = _official_features(ctx, node, forms, official, row)
            if score > 0:
                scored.append((official, score, features, edges))
        if not scored:
            continue
        top = max(s for _, s, _, _ in scored)
        leaders = [x for x in scored if x[1] == top]
        status = "candidate" if len(leaders) == 1 and top >= int(ctx.params["alias_min_score"]) else \
            ("ambiguous" if len(leaders) > 1 else "weak")
        found.extend(AliasCandidate(node, o, s, tuple(f), status if s == top else "weak", tuple(e))
                     for o, s, f, e in scored)
    ctx.memo["aliases"] = tuple(found)
    return found


def _payers(ctx: RuleContext, node: str) -> set[str]:
    """Who pays ``node``: the payers of the payments made to it."""
    return {payer for pay, _, _, _ in ctx.in_edges(node, "PAID_TO") for payer, _, _, _ in ctx.in_edges(pay, "PAID")}


def _writers_of(ctx: RuleContext, node: str) -> set[str]:
    """The authors of the notes a node is mentioned in (the evidence of its relationships)."""
    notes = {str(ev.get("note_id")) for _, _, _, d in (*ctx.out_edges(node), *ctx.in_edges(node))
             for ev in d.get("evidence") or ()}
    for event in {v for _, v, _, _ in ctx.out_edges(node)} | {u for u, _, _, _ in ctx.in_edges(node)}:
        if ctx.G.nodes[event].get("label") in ctx.party_events:  # "Chino le da un sobre": the payment's notes
            notes |= {str(ev.get("note_id")) for _, _, _, d in (*ctx.out_edges(event), *ctx.in_edges(event))
                      for ev in d.get("evidence") or ()}
    return {ctx.authors[n] for n in notes if n in ctx.authors}


def alias_candidate(ctx: RuleContext, official: str) -> Finding | None:
    """What a lone nickname / rank word / initials node tied to the core did, counted for the one
    official it uniquely matches; every reason says it rests on a candidate link, not a merge."""
    reasons, records, count = [], [], 0
    for cand in alias_candidates(ctx):
        if cand.official != official or cand.status != "candidate":
            continue
        head = f"via candidate alias '{ctx.name(cand.node)}' ({'; '.join(cand.features)}) - " \
               f"a reviewable candidate link, not a merge"
        for rule in ctx.params["alias_rules"]:
            finding = _BASE[rule](ctx, cand.node) if rule in _BASE else None
            if finding is None:
                continue
            count += finding.count
            reasons += [Reason(f"{head}: {r.text}", (*cand.edges, *r.edges), r.suspects) for r in finding.reasons]
            records += [{**rec, "via_candidate": cand.node, "rule": rule} for rec in finding.records]
        if reasons:
            reasons += _named_with_core(ctx, cand, head)
    return Finding(count, tuple(reasons), tuple(records)) if reasons else None


def _named_with_core(ctx: RuleContext, cand: AliasCandidate, head: str) -> list[Reason]:
    """The other sentences that name the alias beside a core member ("the man called Sarge gets an
    envelope from La Jefa"): no score of their own, but the reviewer reads every place the alias
    is spoken of, which is where the candidate link is confirmed or cleared."""
    weak = ctx.params["weak_types"]
    ties: dict[str, list[EdgeRef]] = {}
    for u, v, k, _ in (*ctx.out_edges(cand.node, *weak), *ctx.in_edges(cand.node, *weak)):
        other = v if u == cand.node else u
        if other in ctx.suspects:
            ties.setdefault(other, []).append((u, v, k))
    return [Reason(f"{head}: named together with {ctx.who(other)}", tuple(edges), (other,))
            for other, edges in sorted(ties.items())]


def candidate_frame(ctx: RuleContext) -> pd.DataFrame:
    """The alias candidates for review: one row per (lone node, official) with a feature."""
    rows = [{"node": c.node, "name": ctx.name(c.node), "official": c.official, "official_name": ctx.name(c.official),
             "score": c.score, "features": "; ".join(c.features), "status": c.status} for c in alias_candidates(ctx)]
    return pd.DataFrame(rows, columns=["node", "name", "official", "official_name", "score", "features", "status"])
