"""Score the complicity flags of a case folder against its expected complicit and innocent officials.

Why: on a generated case the flags are perfect, and on a hand-written folder they flagged
nobody; the only honest figure comes from folders nobody here wrote. The expected file lists
``officials_complicit``, ``officials_innocent`` (every official or investigator is in one) and,
per complicit official, ``complicity_evidence``: one line per piece of evidence, starting with
the file (or files, "a.txt / b.txt") it is in. What counts (issue 13):

- exactly the complicit officials are flagged (score above zero);
- each ranks above every innocent official (an innocent one not flagged ranks last);
- each flag cites at least 80% of its evidence lines: a line is cited when the flag's evidence
  (sentences or records) comes from one of the files the line names.

The flags run on the same resolved graph the case-folder report builds (no database), with the
note authors read from resolution: the Person a note's own name for its author resolved to.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

import networkx as nx

from workbench.flags import FlagReport, complicity_flags

__all__ = ["FlagCheck", "check_flags", "note_authors"]

CITED_SHARE = 0.8


@dataclass
class FlagCheck:
    """One expected official: flagged or not, rank, score, and the evidence lines cited."""

    name: str
    complicit: bool
    node: str | None
    score: float = 0.0
    rank: int | None = None
    cited: list[str] = field(default_factory=list)
    uncited: list[str] = field(default_factory=list)

    @property
    def flagged(self) -> bool:
        return self.score > 0

    @property
    def cited_share(self) -> float:
        total = len(self.cited) + len(self.uncited)
        return len(self.cited) / total if total else 1.0


def note_authors(resolved_mentions: Iterable[tuple[Any, str, str]], node_of: Mapping[tuple[str, str], str]) -> dict[str, str]:
    """Note id -> node of its author: the entity of the note's mentions that extraction tied to
    the author (role ``investigator`` given by the note's own header)."""
    authors: dict[str, str] = {}
    for mention, label, key in resolved_mentions:
        if label == "Person" and mention.props.get("role") == "investigator" and (label, key) in node_of:
            authors.setdefault(mention.note_id, node_of[(label, key)])
    return authors


def check_flags(G: nx.MultiDiGraph, expected: Mapping[str, Any], nodes_of: Mapping[str, frozenset[str]],
                note_paths: Mapping[str, str], authors: Mapping[str, str]) -> tuple[FlagReport, list[FlagCheck]]:
    """Run the flags on ``G`` and check them for every expected official (``nodes_of``: name -> nodes)."""
    report = complicity_flags(G, authors=authors)
    by_node = {f.official: (i + 1, f) for i, f in enumerate(report.flags)}
    checks = []
    evidence = expected.get("complicity_evidence", {})
    for complicit, names in ((True, expected.get("officials_complicit", [])),
                             (False, expected.get("officials_innocent", []))):
        for name in names:
            nodes = sorted(nodes_of.get(name, frozenset()))
            hit = next((by_node[n] for n in nodes if n in by_node), None)
            check = FlagCheck(name, complicit, nodes[0] if nodes else None)
            if hit is not None:
                check.rank, flag = hit
                check.score = flag.score
                files = {PurePath(note_paths.get(e.note_id, e.note_id)).name for e in flag.evidence}
                files |= {PurePath(str(r.get("path") or r.get("source") or "")).name
                          for result in flag.results for r in result.records}
                for line in evidence.get(name, []):
                    (check.cited if _named_files(line) & files else check.uncited).append(line)
            else:
                check.uncited = list(evidence.get(name, []))
            checks.append(check)
    return report, checks


def _named_files(line: str) -> set[str]:
    """The files an evidence line starts with: "a.txt: ..." or "a.txt / b.txt: ..."."""
    head = line.split(": ", 1)[0]
    return {part.strip() for part in head.split(" / ")}


def summary(checks: list[FlagCheck]) -> list[tuple[str, str, str]]:
    """(check, value, detail) rows for the case-folder table."""
    complicit = [c for c in checks if c.complicit]
    innocent = [c for c in checks if not c.complicit]
    worst_innocent = min((c.rank for c in innocent if c.rank is not None), default=None)
    above = [c for c in complicit if c.rank is not None and (worst_innocent is None or c.rank < worst_innocent)]
    cited = [c for c in complicit if c.flagged and c.cited_share >= CITED_SHARE]
    return [
        ("complicit officials flagged", f"{sum(c.flagged for c in complicit)}/{len(complicit)}",
         "; ".join(f"{c.name}: {'rank ' + str(c.rank) if c.rank else 'not flagged'}" for c in complicit)),
        ("innocent officials flagged", f"{sum(c.flagged for c in innocent)}/{len(innocent)}",
         "; ".join(f"{c.name}: rank {c.rank}" for c in innocent if c.flagged)),
        ("complicit above every innocent", f"{len(above)}/{len(complicit)}", ""),
        ("flags citing >= 80% of evidence", f"{len(cited)}/{len(complicit)}",
         "; ".join(f"{c.name}: {len(c.cited)}/{len(c.cited) + len(c.uncited)}" for c in complicit)),
    ]
