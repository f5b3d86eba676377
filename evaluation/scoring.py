"""Micro precision / recall / F1 over sets of comparable values.

Why: every evaluation mode (sample truth, real texts with gold, case folders) reduces to counting
true positives, false positives and misses; one small record keeps the arithmetic in one place.
"""
from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Score"]


@dataclass
class Score:
    """Counts for one type; ``misses`` and ``false`` keep what was wrong for ``--errors``.

    >>> s = Score(tp=3, fp=1, fn=1)
    >>> round(s.f1, 3)
    0.75
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list, repr=False)
    false: list[str] = field(default_factory=list, repr=False)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, tp: int, fp: int, fn: int) -> None:
        self.tp, self.fp, self.fn = self.tp + tp, self.fp + fp, self.fn + fn

    def as_dict(self) -> dict[str, float]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 3),
                "recall": round(self.recall, 3), "f1": round(self.f1, 3)}
