"""Streaming resolution (``Resolver(keep_text=False)`` + ``place``) gives what ``resolve`` gives.

Why: the pipeline resolves a large case note by note without keeping sentences, then places each
note's mentions and evidence in a second pass. Any difference from whole-case resolution would
put a mention on the wrong entity or lose a sentence a court asks for.
"""
from __future__ import annotations

import random

from ingest.resolve import Resolver, resolve
from tests.ingest.resolve.resolve_builders import build_note, phone
from tests.ingest.resolve.resolve_synthetic import synthetic_case


def _streamed(extractions, order_seed=None):
    notes = list(extractions)
    if order_seed is not None:
        random.Random(order_seed).shuffle(notes)
    resolver = Resolver(keep_text=False)
    for ex in notes:
        resolver.add(ex)
    resolution = resolver.finish()
    mentions, evidence = [], []
    for ex in notes:
        placed, spans = resolver.place(ex, resolution)
        mentions += placed
        evidence += spans
    return resolver, resolution, mentions, evidence


def test_streamed_resolution_places_every_mention_and_sentence_as_whole_case_resolution_does():
    case = synthetic_case(3_000, seed=5)
    whole = resolve(case)
    resolver, streamed, mentions, evidence = _streamed(case, order_seed=11)

    assert [(n.label, n.key, n.props) for n in streamed.nodes] == [(n.label, n.key, n.props) for n in whole.nodes]
    assert [(r.id, r.props) for r in streamed.rels] == [(r.id, r.props) for r in whole.rels]
    assert streamed.candidates == whole.candidates and streamed.stats == whole.stats
    assert sorted((m.id, label, key) for m, label, key in mentions) == \
        sorted((m.id, label, key) for m, label, key in whole.mentions)
    assert sorted((rid, ev.id, ev.sentence) for rid, _, ev in evidence) == \
        sorted((r.id, ev.id, ev.sentence) for r in whole.rels for ev in r.evidence)
    assert all(ev.sentence for _, _, ev in evidence)


def test_streamed_resolution_keeps_no_sentence_text_between_notes():
    case = synthetic_case(500, seed=6)
    resolver, resolution, _, _ = _streamed(case)
    assert resolver.resolved == [] and resolution.mentions == []
    assert resolver.links and all(link.evidence.sentence == "" for link in resolver.links)
    assert all(rel.evidence == () for rel in resolution.rels)


def test_place_skips_relations_that_resolution_dropped():
    ex = build_note("n1", ("Person", "Carlos Reyes"), ("Person", "Reyes, Carlos"), phone("622-1234"),
                    relations=(("RECRUITED", 0, 1), ("USES_PHONE", 0, 2)))
    resolver, resolution, mentions, evidence = _streamed([ex])
    assert resolution.stats["self_loops_dropped"] == 1
    assert [t for _, t, _ in evidence] == ["USES_PHONE"]
    assert {key for _, _, key in mentions} == {n.key for n in resolution.nodes}
