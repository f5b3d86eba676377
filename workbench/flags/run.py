"""Run the complicity rules over every official and rank the results.

Why a ranked table plus full records: the table is what a reviewer scans; each row's flag record
carries the rules that fired, the reasons, the sentences and the call/payment records, so every
number on the table can be traced back to notes in one step. Officials whose score is 0 are not
flagged at all, and neither are officials whom only a supporting rule (near_core) reaches. Each
flag says what it rests on (sentences vs exported records, distinct notes and authors, kinds of
tie: :class:`workbench.flags.flag.Support`) and, per rule, the next step that would confirm or
clear it. The wording is always "possible complicity — needs review".

The rules measure officials against the exploitation core (:mod:`workbench.flags.core`): people
with role ``suspect``, those the caller names, and those the graph shows recruiting, moving,
holding, threatening or employing victims, running an exploited venue, collecting money from
victims or being arrested, plus their close network. The report lists the core with each basis.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import networkx as nx
import pandas as pd

from workbench.audit import record
from workbench.errors import Errors
from workbench.flags.aliases import candidate_frame
from workbench.flags.config import NEXT_STEPS, RULE_WEIGHTS, WORDING, merged_params
from workbench.flags.context import RuleContext, evidence_of
from workbench.flags.core import CoreMember, exploitation_core
from workbench.flags.flag import EvidenceSentence, Flag, FlagReport, RuleResult, Support
from workbench.flags.officials import officials as find_officials
from workbench.flags.rules import RULES, Rule

__all__ = ["FlagReport", "audited_flags", "complicity_flags", "rule_score"]


def rule_score(weight: float, count: int, decay: float = 0.5) -> float:
    """Score of one rule with diminishing returns: ``weight * (1 - decay**count) / (1 - decay)``.

    The first item counts ``weight``, each further one ``decay`` times the one before, so one rule
    is bounded by ``weight / (1 - decay)`` and many calls cannot outweigh a payment plus a tip-off.

    >>> rule_score(2.0, 1), rule_score(2.0, 2), rule_score(2.0, 0)
    (2.0, 3.0, 0.0)
    """
    if count <= 0:
        return 0.0
    if decay >= 1:
        return weight * count
    return weight * (1 - decay ** count) / (1 - decay)


def complicity_flags(G: nx.MultiDiGraph, *, rules: Sequence[Rule | str] | None = None,
                     params: Mapping[str, Any] | None = None, authors: Mapping[str, str] | None = None,
                     suspects: Iterable[str] | None = None,
                     officials: pd.DataFrame | Iterable[str] | None = None) -> FlagReport:
    """Flag officials whose non-investigative ties to suspects need review, ranked by score.

    Score = sum over the rules that fired of ``rule_score(weight, count, decay)`` (see
    :func:`rule_score`; weights in :data:`workbench.flags.config.RULE_WEIGHTS`, overridable as
    ``params={"weight.calls": 1.0}``). ``count`` is the number of distinct items a rule found
    (payments, calls, venues, tip-offs, shared objects, relatives, core suspects reached).

    Parameters
    ----------
    rules : rules or rule names to run (default: all of :data:`workbench.flags.rules.RULES`).
    params : overrides of :func:`workbench.flags.config.default_params`.
    authors : note id -> Person node id of its author; co-mentions from an official's own notes
        never count for that official.
    suspects : extra suspect node ids, added to the exploitation core (Persons with role
        ``suspect`` and those the graph shows exploiting; see :mod:`workbench.flags.core`).
    officials : node ids, or a frame with a ``node`` column (e.g. from ``officials(G,
        register=...)``); default: :func:`workbench.flags.officials.officials` on ``G``.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("Person:o", label="Person", name="Cpl. Cal", role="official", agency="Police")
    >>> G.add_node("Person:s", label="Person", name="Flaco", role="suspect")
    >>> ev = [{"note_id": "n1", "sentence": "Cal warned Flaco of the raid.", "start": 0, "end": 29}]
    >>> G.add_edge("Person:o", "Person:s", key="r1", type="TIPPED_OFF", id="r1", evidence=ev)
    'r1'
    >>> report = complicity_flags(G)
    >>> report.table[["node", "score", "rules"]].values.tolist()
    [['Person:o', 4.0, 'tip_off, near_core']]
    >>> report.flags[0].wording
    'possible complicity — needs review'
    """
    p = merged_params(params)
    chosen = _choose(rules)
    people = _official_frame(G, officials)
    rows = {str(r["node"]): r for r in people.to_dict("records") if r["node"] in G}
    members = exploitation_core(G, params=p, suspects=list(suspects or ()))
    ctx = RuleContext(G, frozenset(members), p, dict(authors or {}), members=members, officials=rows)
    flags = [f for row in rows.values() if (f := _flag(ctx, row, chosen)) is not None]
    flags.sort(key=lambda f: (-f.score, f.name, f.official))
    used = {**p, "rules": [r.name for r in chosen], "suspects": sorted(suspects or ())}
    return FlagReport(_table(flags, chosen), flags, used, core=_core_frame(G, members),
                      candidates=candidate_frame(ctx))


def _choose(rules: Sequence[Rule | str] | None) -> list[Rule]:
    if rules is None:
        return list(RULES)
    by_name = {r.name: r for r in RULES}
    unknown = [r for r in rules if isinstance(r, str) and r not in by_name]
    if unknown:
        raise KeyError(Errors.W421.format(names=", ".join(map(str, unknown)), known=", ".join(by_name)))
    return [by_name[r] if isinstance(r, str) else r for r in rules]


def _official_frame(G: nx.MultiDiGraph, given: pd.DataFrame | Iterable[str] | None) -> pd.DataFrame:
    if given is None:
        return find_officials(G)
    if isinstance(given, pd.DataFrame):
        return given
    rows = [{"node": n, "name": G.nodes[n].get("name") or n, "role": G.nodes[n].get("role"),
             "agency": G.nodes[n].get("agency"), "rank": G.nodes[n].get("rank")} for n in given if n in G]
    return pd.DataFrame(rows, columns=["node", "name", "role", "agency", "rank"])


def _flag(ctx: RuleContext, row: Mapping[str, Any], rules: list[Rule]) -> Flag | None:
    """Evaluate every rule for one official; None when nothing fired."""
    node = row["node"]
    if node not in ctx.G:
        return None
    results = []
    for rule in rules:
        finding = rule.fn(ctx, node)
        if finding is None or finding.count <= 0:
            continue
        weight = float(ctx.params.get(f"weight.{rule.name}", RULE_WEIGHTS.get(rule.name, 1.0)))
        edges = tuple(dict.fromkeys(e for r in finding.reasons for e in r.edges))
        results.append(RuleResult(
            rule=rule.name, description=rule.description, weight=weight, count=finding.count,
            score=round(rule_score(weight, finding.count, float(ctx.params["decay"])), 4),
            reasons=finding.reasons, evidence=evidence_of(ctx.G, edges), records=finding.records,
            next_step=NEXT_STEPS.get(rule.name, ""), supporting=rule.supporting,
        ))
    if all(r.supporting for r in results):
        return None
    return Flag(official=node, name=str(row.get("name") or node), agency=_text(row.get("agency")),
                rank=_text(row.get("rank")), role=_text(row.get("role")),
                score=round(sum(r.score for r in results), 4), results=tuple(results),
                support=_support(ctx, results))


def _support(ctx: RuleContext, results: list[RuleResult]) -> Support:
    """What the flag rests on: prose sentences vs exported records, distinct notes and authors,
    kinds of tie, and the evidence rules that fired (supporting rules count for none of these)."""
    evidence: dict[EvidenceSentence, None] = {}
    kinds: dict[str, None] = {}
    for res in (r for r in results if not r.supporting):
        evidence.update(dict.fromkeys(res.evidence))
        kinds.update(dict.fromkeys(str(ctx.G.edges[e].get("type")) for e in res.edges if ctx.G.has_edge(*e)))
    methods = tuple(ctx.params["record_methods"])
    records = sum(1 for e in evidence if str(e.method or "").startswith(methods))
    notes = {e.note_id for e in evidence}
    authors = {ctx.authors[n] for n in notes if n in ctx.authors}
    return Support(sentences=len(evidence) - records, records=records, notes=len(notes), authors=len(authors),
                   kinds=tuple(kinds), rules=tuple(r.rule for r in results if not r.supporting))


def _core_frame(G: nx.MultiDiGraph, members: Mapping[str, CoreMember]) -> pd.DataFrame:
    rows = [{"node": m.node, "name": G.nodes[m.node].get("name") or m.node, "role": G.nodes[m.node].get("role"),
             "basis": m.text, "direct": m.direct, "edges": len(m.edges)} for m in members.values()]
    frame = pd.DataFrame(rows, columns=["node", "name", "role", "basis", "direct", "edges"])
    return frame.sort_values(["direct", "name"], ascending=[False, True], ignore_index=True)


def _text(value: Any) -> str | None:
    return None if value is None or (isinstance(value, float) and value != value) else str(value)


def _table(flags: list[Flag], rules: list[Rule]) -> pd.DataFrame:
    """The ranked table: one row per flagged official, one count column per rule."""
    rows = []
    for position, f in enumerate(flags, start=1):
        counts = {f"n_{r.name}": (res.count if (res := f.result(r.name)) else 0) for r in rules}
        support = f.support or Support(0, 0, 0, 0, (), ())
        rows.append({"position": position, "node": f.official, "name": f.name, "agency": f.agency,
                     "rank": f.rank, "role": f.role, "score": f.score,
                     "rules": ", ".join(f.rules), **counts, "n_sentences": len(f.evidence),
                     "n_records": support.records, "n_notes": support.notes, "n_authors": support.authors,
                     "suspects": len(f.suspects), "wording": WORDING})
    columns = ["position", "node", "name", "agency", "rank", "role", "score", "rules",
               *(f"n_{r.name}" for r in rules), "n_sentences", "n_records", "n_notes", "n_authors",
               "suspects", "wording"]
    return pd.DataFrame(rows, columns=columns)


def audited_flags(G: nx.MultiDiGraph, log_path: str | Path, *, analyst: str | None = None,
                  action: str = "flags.run", **kwargs: Any) -> FlagReport:
    """Run :func:`complicity_flags` and record the run (who, when, params, sha256 of the table's
    CSV) in the append-only audit log: every flag run must be attributable.
    """
    report = complicity_flags(G, **kwargs)
    params = {**report.params, "officials_given": kwargs.get("officials") is not None,
              "authors": len(kwargs.get("authors") or {}), "nodes": G.number_of_nodes(),
              "edges": G.number_of_edges(), "flagged": len(report.flags)}
    record(log_path, action, params, report.to_csv_bytes(), analyst=analyst)
    return report
