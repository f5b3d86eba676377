"""Flag records: what a rule found, why, and the sentences and records that support it.

Why records and not a bare score: a court, a prosecutor and the unit's own review will ask why an
official was flagged. Every score therefore carries its explanation (rule, weight, count, reasons
with the edge ids used, the evidence sentences of exactly those edges, and the call or payment
records involved), and the wording is fixed to "possible complicity — needs review".
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import networkx as nx
import pandas as pd

from workbench.flags.config import WORDING

__all__ = ["EdgeRef", "EvidenceSentence", "Reason", "Finding", "RuleResult", "Support", "Flag", "FlagReport"]

#: One edge of the entity MultiDiGraph: (source node, target node, edge key = relationship id).
EdgeRef = tuple[str, str, str]


@dataclass(frozen=True)
class EvidenceSentence:
    """One sentence (or CSV row) behind an edge that a rule used."""

    edge_id: str
    note_id: str
    sentence: str
    start: int | None
    end: int | None
    method: str | None = None
    date: str | None = None


@dataclass(frozen=True)
class Reason:
    """One human-readable reason, with the edges it rests on and the suspects it involves."""

    text: str
    edges: tuple[EdgeRef, ...]
    suspects: tuple[str, ...] = ()

    @property
    def edge_ids(self) -> tuple[str, ...]:
        return tuple(key for _, _, key in self.edges)


@dataclass(frozen=True)
class Finding:
    """What a rule found: distinct items counted, reasons (with edges), records (calls, payments)."""

    count: int
    reasons: tuple[Reason, ...]
    records: tuple[dict[str, Any], ...] = ()


@dataclass(frozen=True)
class RuleResult:
    """What one rule found for one official: count of distinct items, score, reasons, evidence."""

    rule: str
    description: str
    weight: float
    count: int
    score: float
    reasons: tuple[Reason, ...]
    evidence: tuple[EvidenceSentence, ...]
    records: tuple[dict[str, Any], ...] = ()
    next_step: str = ""
    supporting: bool = False

    @property
    def edges(self) -> tuple[EdgeRef, ...]:
        seen: dict[EdgeRef, None] = {}
        for reason in self.reasons:
            seen.update(dict.fromkeys(reason.edges))
        return tuple(seen)

    @property
    def suspects(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s for r in self.reasons for s in r.suspects))


@dataclass(frozen=True)
class Support:
    """What a flag rests on and how independent its pieces are.

    ``sentences`` are evidence rows from prose notes, ``records`` rows of exported records (call
    detail records, transfer exports); ``notes`` and ``authors`` count distinct sources (authors
    only where the note's author is known); ``kinds`` are the distinct relationship types used;
    ``rules`` the evidence rules that fired (supporting ones aside).
    """

    sentences: int
    records: int
    notes: int
    authors: int
    kinds: tuple[str, ...]
    rules: tuple[str, ...]

    @property
    def text(self) -> str:
        """One line for a reviewer.

        >>> Support(3, 2, 4, 2, ("PAID", "PAID_TO", "CALLED"), ("payment", "calls")).text
        'rests on 3 sentence(s) and 2 record(s) from 4 note(s) by 2 known author(s); 3 kind(s) of tie (PAID, PAID_TO, CALLED); 2 independent rule(s) (payment, calls)'
        """
        return (f"rests on {self.sentences} sentence(s) and {self.records} record(s) from {self.notes} note(s) "
                f"by {self.authors} known author(s); {len(self.kinds)} kind(s) of tie ({', '.join(self.kinds)}); "
                f"{len(self.rules)} independent rule(s) ({', '.join(self.rules)})")


@dataclass(frozen=True)
class Flag:
    """A possible-complicity flag on one official: the rules that fired and their evidence."""

    official: str
    name: str
    agency: str | None
    rank: str | None
    role: str | None
    score: float
    results: tuple[RuleResult, ...]
    wording: str = WORDING
    support: Support | None = None

    @property
    def rules(self) -> tuple[str, ...]:
        return tuple(r.rule for r in self.results)

    @property
    def edges(self) -> tuple[EdgeRef, ...]:
        return tuple(dict.fromkeys(e for r in self.results for e in r.edges))

    @property
    def edge_ids(self) -> tuple[str, ...]:
        return tuple(key for _, _, key in self.edges)

    @property
    def evidence(self) -> tuple[EvidenceSentence, ...]:
        return tuple(dict.fromkeys(e for r in self.results for e in r.evidence))

    @property
    def note_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(e.note_id for e in self.evidence))

    @property
    def suspects(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s for r in self.results for s in r.suspects))

    def result(self, rule: str) -> RuleResult | None:
        return next((r for r in self.results if r.rule == rule), None)

    def subgraph(self, G: nx.MultiDiGraph) -> nx.MultiDiGraph:
        """The official, the suspects involved and the edges the rules used (a copy, for views)."""
        present = [e for e in self.edges if G.has_edge(*e)]
        sub = nx.MultiDiGraph(G.edge_subgraph(present))
        for node in (self.official, *self.suspects):
            if node in G and node not in sub:
                sub.add_node(node, **G.nodes[node])
        return sub


@dataclass(frozen=True)
class FlagReport:
    """The ranked table plus the full flag records, and the parameters that produced them.

    ``core`` lists the exploitation core the rules measured against (node, name, role, basis,
    direct); ``candidates`` the alias candidates (a nickname, rank word or initials that may be
    an official): reviewable links, never merges."""

    table: pd.DataFrame
    flags: list[Flag]
    params: dict[str, Any] = field(default_factory=dict)
    core: pd.DataFrame = field(default_factory=pd.DataFrame)
    candidates: pd.DataFrame = field(default_factory=pd.DataFrame)

    def flag(self, official: str) -> Flag | None:
        return next((f for f in self.flags if f.official == official), None)

    def to_csv_bytes(self) -> bytes:
        """The table as CSV, UTF-8: what the audit log hashes."""
        text: str = self.table.to_csv(index=False)
        return text.encode("utf-8")

    def __len__(self) -> int:
        return len(self.flags)
