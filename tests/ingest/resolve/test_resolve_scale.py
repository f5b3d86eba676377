"""Resolution stays near-linear: comparisons are blocked, never all pairs (counts, not timings)."""
from __future__ import annotations

from ingest.resolve import resolve
from tests.ingest.resolve.resolve_synthetic import synthetic_case


def test_comparisons_are_blocked_far_below_all_pairs():
    stats = resolve(synthetic_case(10_000, seed=1)).stats
    people = stats["entities_Person"]
    assert stats["mentions"] >= 10_000
    assert stats["pairs_compared"] < people * 10 < people * (people - 1) // 2


def test_synthetic_case_resolves_without_problems():
    r = resolve(synthetic_case(2_000, seed=2))
    assert r.problems == [] and r.stats["merged_by_key"] > 0 and r.stats["merged_by_context"] > 0
