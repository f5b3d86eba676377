"""Analyst merge decisions as rows in an append-only JSONL log (the nomenklatura way).

Why: whether "Carlos Reyes" and "Carlos Reyez" are one man is an analyst's call, and a court may
ask who made it and when. So a decision is a row (left, right, judgement, score, user, at), and
changing one's mind appends a new row: the earlier decision is superseded by an appended
marker, never rewritten or deleted. The file is the whole history.

Derived state is a pure function of the stored decisions: the live decisions (``current()``),
the cluster map (``clusters()``: union-find over POSITIVE decisions, canonical id = the smallest
id in the cluster) and the blocked pairs (``negatives()``) are rebuilt from the rows every time
they are needed. Write first, then rebuild; nothing derived is cached or stored.

File format, one JSON object a line::

    {"kind": "decision", "left": "a", "right": "b", "judgement": "positive", "score": 0.9,
     "user": "analyst1", "at": "2024-05-01T10:00:00+00:00"}
    {"kind": "supersede", "left": "a", "right": "b", "user": "analyst2", "at": "..."}

A supersede marker applies to every decision on the pair that precedes it in the file. Pairs
are unordered (left is the smaller id), so (a, b) and (b, a) are one pair.

A decision on two entities of different cases may say so (``"cases": [left's, right's]``): it
is a cross-case link, an analyst's word that the two are one person, and resolution, which works
within a case (``ingest.resolve``), never merges on it; the cross-case table shows it
(``workbench.cases``). The merges resolution makes on its own are rows too (``MergeRow``): the
groups it joined, the rule and the reasons, so "why is this one person?" has an answer.
"""
from __future__ import annotations

import datetime as _dt
import enum
import json
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from networkx.utils import UnionFind

from ingest.errors import Errors

__all__ = [
    "Decision", "DecisionLog", "DecisionLogError", "Judgement", "MergeRow", "clusters", "negatives", "pair", "utc_now",
]


class DecisionLogError(ValueError):
    """The decision log cannot be read; the message names the file and line."""


class Judgement(str, enum.Enum):
    """An analyst's verdict on a pair of entities."""

    POSITIVE = "positive"
    NEGATIVE = "negative"
    UNSURE = "unsure"

    @property
    def meaning(self) -> str:
        return {"positive": "same", "negative": "not the same", "unsure": "unsure"}[self.value]


@dataclass(frozen=True)
class Decision:
    """One decision row. ``superseded_at`` is set when a later row on the same pair replaced it."""

    left: str
    right: str
    judgement: Judgement
    score: float | None
    user: str
    at: str
    superseded_at: str | None = None
    cases: tuple[str, str] | None = None  # the two entities' cases, for a link across cases

    @property
    def cross_case(self) -> bool:
        """A link between entities of two different cases (never a merge: see the module docstring)."""
        return self.cases is not None and self.cases[0] != self.cases[1]


@dataclass(frozen=True)
class MergeRow:
    """A merge resolution made: two groups of mentions (``left``, ``right``: their ids before the
    merge, with their names) joined into the entity ``key`` of ``case_id`` by ``rule``, with every
    reason as (rule, score, detail). ``rule`` is ``decision`` when an analyst decided it."""

    label: str
    key: str
    case_id: str | None
    left: str
    right: str
    left_name: str
    right_name: str
    rule: str
    score: float
    reasons: tuple[tuple[str, float, str], ...] = ()

    def to_json(self) -> str:
        """The row as one JSON object (what the graph keeps on the entity's fact of its case)."""
        data = {k: v for k, v in asdict(self).items() if k not in ("label", "key", "case_id")}
        return json.dumps({**data, "reasons": [list(r) for r in self.reasons]}, ensure_ascii=False, sort_keys=True)


def pair(left: str, right: str) -> tuple[str, str]:
    """The unordered pair in its stored order (smaller id first).

    >>> pair("b", "a")
    ('a', 'b')
    """
    return (left, right) if left <= right else (right, left)


def utc_now() -> str:
    """The current time, UTC, ISO 8601 to the second."""
    return _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")


class DecisionLog:
    """An append-only JSONL file of decisions; the caller chooses where it lives.

    >>> import tempfile, os
    >>> log = DecisionLog(os.path.join(tempfile.mkdtemp(), "decisions.jsonl"))
    >>> _ = log.decide("p1", "p2", same=True, user="ana")
    >>> _ = log.decide("p2", "p1", same=False, user="ben")
    >>> [(d.judgement.value, d.user) for d in log.current()]
    [('negative', 'ben')]
    >>> len(log.history())
    2
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)

    def decide(self, left: str, right: str, same: bool, user: str, *,
               score: float | None = None, at: str | None = None, cases: tuple[str, str] | None = None) -> Decision:
        """Record that two entities are (``same=True``) or are not the same person or thing;
        ``cases``: their cases (left's, right's), when the decision links two cases."""
        judgement = Judgement.POSITIVE if same else Judgement.NEGATIVE
        return self.record(left, right, judgement, user, score=score, at=at, cases=cases)

    def record(self, left: str, right: str, judgement: Judgement, user: str, *,
               score: float | None = None, at: str | None = None, cases: tuple[str, str] | None = None) -> Decision:
        """Append a decision (any judgement), superseding the live one on the pair if any."""
        if left == right:
            raise ValueError(Errors.E046.format(left=left))
        if cases is not None and (left, right) != pair(left, right):
            cases = (cases[1], cases[0])
        left, right = pair(left, right)
        at = at or utc_now()
        decision = Decision(left, right, Judgement(judgement), score, user, at, cases=cases)
        rows = []
        if any(pair(d.left, d.right) == (left, right) for d in self.current()):
            rows.append({"kind": "supersede", "left": left, "right": right, "user": user, "at": at})
        rows.append({"kind": "decision", **_row(decision)})
        self.path.parent.mkdir(parents=True, exist_ok=True)
        text = "".join(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n" for row in rows)
        with self.path.open("a", encoding="utf-8") as handle:  # one write: marker and row together
            handle.write(text)
        return decision

    def history(self) -> list[Decision]:
        """Every decision ever made, in file order, with ``superseded_at`` filled in."""
        decisions: list[Decision] = []
        live: dict[tuple[str, str], list[int]] = {}  # pair -> positions of its live decisions
        for kind, data in self._rows():
            key = pair(str(data["left"]), str(data["right"]))
            if kind == "decision":
                live.setdefault(key, []).append(len(decisions))
                cases = data.get("cases")
                decisions.append(Decision(**{**data, "judgement": Judgement(data["judgement"]),
                                             "cases": (str(cases[0]), str(cases[1])) if cases else None}))
                continue
            for index in live.pop(key, []):
                decisions[index] = replace(decisions[index], superseded_at=str(data["at"]))
        return decisions

    def current(self) -> list[Decision]:
        """The live decisions: at most one per pair, the latest."""
        return [d for d in self.history() if d.superseded_at is None]

    def _rows(self) -> Iterator[tuple[str, dict[str, Any]]]:
        if not self.path.exists():
            return
        with self.path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                yield _parse_row(line, self.path, number)


def _row(decision: Decision) -> dict[str, Any]:
    data = asdict(decision)
    data["judgement"] = decision.judgement.value
    data.pop("superseded_at")
    if decision.cases is None:
        data.pop("cases")  # rows of one case read as they always did
    else:
        data["cases"] = list(decision.cases)
    return data


def _parse_row(line: str, path: Path, number: int) -> tuple[str, dict[str, Any]]:
    try:
        data = json.loads(line)
        kind = data.pop("kind")
        if kind == "decision":
            Judgement(data["judgement"])
            fields = {"left", "right", "judgement", "score", "user", "at"}
        elif kind == "supersede":
            fields = {"left", "right", "user", "at"}
        else:
            raise ValueError(f"unknown kind {kind!r}")
        missing = fields - set(data)
        if missing:
            raise ValueError(f"missing {', '.join(sorted(missing))}")
        cases = data.get("cases") if kind == "decision" else None
        if cases is not None and (not isinstance(cases, list) or len(cases) != 2):
            raise ValueError("cases must be a list of two case ids")
        return kind, {k: data[k] for k in fields} | ({"cases": cases} if cases is not None else {})
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise DecisionLogError(Errors.E045.format(path=path.name, line=number, detail=error)) from None


def _live(decisions: Iterable[Decision]) -> list[Decision]:
    return [d for d in decisions if d.superseded_at is None]


def clusters(decisions: Iterable[Decision]) -> dict[str, str]:
    """Map each id named in a live POSITIVE decision to its cluster's canonical id (the smallest);
    the clusters are networkx's union-find over those decisions.

    >>> d = [Decision("b", "c", Judgement.POSITIVE, None, "u", "t"),
    ...      Decision("a", "c", Judgement.POSITIVE, None, "u", "t")]
    >>> clusters(d)
    {'a': 'a', 'b': 'a', 'c': 'a'}
    """
    sets = UnionFind()
    for d in _live(decisions):
        if d.judgement is Judgement.POSITIVE:
            sets.union(d.left, d.right)
    canonical = {x: min(cluster) for cluster in sets.to_sets() for x in cluster}
    return {x: canonical[x] for x in sorted(canonical)}


def negatives(decisions: Iterable[Decision]) -> frozenset[tuple[str, str]]:
    """The pairs an analyst said are not the same (live NEGATIVE decisions), as sorted pairs."""
    return frozenset(pair(d.left, d.right) for d in _live(decisions) if d.judgement is Judgement.NEGATIVE)
