"""Analyst decisions: appended, superseded, re-applied on every run."""
from __future__ import annotations

import json

import pytest

from ingest.judgements import DecisionLog, DecisionLogError, Judgement
from ingest.resolve import resolve


@pytest.fixture
def log(tmp_path):
    return DecisionLog(tmp_path / "decisions.jsonl")


@pytest.fixture
def two_spellings(note):
    return [note("n1", ("Person", "Carlos Reyes")), note("n2", ("Person", "Carlos Reyez"))]


def test_positive_decision_merges_and_survives_a_rerun(two_spellings, log):
    (candidate,) = resolve(two_spellings).candidates
    log.decide(candidate.left, candidate.right, same=True, user="ana")
    runs = [resolve(two_spellings, decisions=log.current()) for _ in range(2)]
    assert [len(r.nodes) for r in runs] == [1, 1] and runs[0].nodes == runs[1].nodes
    assert runs[0].nodes[0].key == min(candidate.left, candidate.right) and runs[0].candidates == []


def test_positive_decision_merges_even_different_names(note, log):
    extractions = [note("n1", ("Person", "Carlos Reyes")), note("n2", ("Person", "Juan Pop"))]
    ids = sorted(n.key for n in resolve(extractions).nodes)
    log.decide(ids[0], ids[1], same=True, user="ana")
    assert len(resolve(extractions, decisions=log.current()).nodes) == 1


def test_negative_decision_blocks_the_merge_and_removes_the_candidate(note, log):
    from tests.factory import phone
    extractions = [note(f"n{i}", ("Person", name), phone("622-1234"), relations=(("USES_PHONE", 0, 1),))
                   for i, name in enumerate(["Carlos Reyes", "Carlos Reyez"])]
    assert len([n for n in resolve(extractions).nodes if n.label == "Person"]) == 1
    people = [p for p in resolve([note("x", ("Person", "Carlos Reyes"), ("Person", "Carlos Reyez"))]).nodes]
    log.decide(people[0].key, people[1].key, same=False, user="ben")
    r = resolve(extractions, decisions=log.current())
    assert len([n for n in r.nodes if n.label == "Person"]) == 2 and r.candidates == []


def test_superseded_decision_no_longer_applies(two_spellings, log):
    (candidate,) = resolve(two_spellings).candidates
    log.decide(candidate.left, candidate.right, same=True, user="ana")
    log.decide(candidate.right, candidate.left, same=False, user="ben")
    assert len(resolve(two_spellings, decisions=log.history()).nodes) == 2
    assert [d.judgement for d in log.current()] == [Judgement.NEGATIVE]


def test_log_is_append_only(two_spellings, log):
    log.decide("a", "b", same=True, user="ana")
    first = log.path.read_text(encoding="utf-8")
    log.decide("b", "a", same=False, user="ben")
    text = log.path.read_text(encoding="utf-8")
    assert text.startswith(first)
    assert [json.loads(line)["kind"] for line in text.splitlines()] == ["decision", "supersede", "decision"]
    (old, new) = log.history()
    assert old.superseded_at is not None and new.superseded_at is None


def test_broken_log_line_names_file_and_line(log):
    log.path.write_text('{"kind": "decision"}\n', encoding="utf-8")
    with pytest.raises(DecisionLogError, match=r"decisions.jsonl:1:"):
        log.current()
