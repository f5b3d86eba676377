"""Streaming resolution (``Resolver`` + ``place``, note by note) gives what ``resolve`` gives.

Why: the pipeline resolves a large case note by note without keeping sentences or events, then
places each note in a second pass. Any difference from whole-case resolution would put a mention
on the wrong entity, lose a payment, or lose a sentence a court asks for.
"""
from __future__ import annotations

import random

from ingest.resolve import Resolver, resolve
from tests.factory import build_note, phone
from tests.ingest.resolve.resolve_synthetic import synthetic_case


def _streamed(extractions, order_seed=None):
    notes = list(extractions)
    if order_seed is not None:
        random.Random(order_seed).shuffle(notes)
    resolver = Resolver()
    for ex in notes:
        resolver.add(ex)
    resolution = resolver.finish()
    places = [resolver.place(ex, resolution) for ex in notes]
    return resolver, resolution, places


def test_streamed_resolution_places_every_mention_event_and_sentence_as_whole_case_resolution_does():
    case = synthetic_case(3_000, seed=5)
    whole = resolve(case)
    _, streamed, places = _streamed(case, order_seed=11)

    nodes = {(n.label, n.key): n.props for n in streamed.nodes} | {(n.label, n.key): n.props
                                                                     for p in places for n in p.nodes}
    assert nodes == {(n.label, n.key): n.props for n in whole.nodes}
    rel_ids = {r.id for r in streamed.rels} | {r.id for p in places for r in p.rels}
    assert rel_ids == {r.id for r in whole.rels}
    assert streamed.candidates == whole.candidates
    assert {k: v for k, v in streamed.stats.items() if "entities" not in k and k != "rels"} == \
        {k: v for k, v in whole.stats.items() if "entities" not in k and k != "rels"}
    assert sorted((m.id, label, key) for p in places for m, label, key in p.mentions) == \
        sorted((m.id, label, key) for m, label, key in whole.mentions)
    assert sorted((rid, ev.id, ev.sentence) for p in places for rid, _, ev in p.evidence) == \
        sorted((r.id, ev.id, ev.sentence) for r in whole.rels for ev in r.evidence)
    assert all(ev.sentence for p in places for _, _, ev in p.evidence)


def test_streamed_resolution_keeps_no_sentence_text_and_no_event_between_notes():
    case = synthetic_case(500, seed=6)
    resolver, resolution, _ = _streamed(case)
    assert resolution.mentions == [] and all(rel.evidence == () for rel in resolution.rels)
    assert len(resolver.links) and all(link.evidence.sentence == "" for link in resolver.links)
    assert not any(g.label in ("Payment", "Call") for g in resolver.groups.values())


def test_a_payment_is_placed_with_its_payer_and_payee_from_its_own_note():
    ex = build_note("n1", ("Person", "Carlos Reyes"), ("Payment", "BZ$500", {"props": {"amount": 500.0}}),
                    ("Person", "Ana Pop"), relations=(("PAID", 0, 1), ("PAID_TO", 1, 2)))
    resolver, resolution, (place,) = _streamed([ex])
    assert [n.label for n in resolution.nodes] == ["Person", "Person"]
    (payment,) = place.nodes
    assert payment.label == "Payment" and payment.props["amount"] == 500.0
    assert sorted(r.type for r in place.rels) == ["PAID", "PAID_TO"]
    assert {rid for rid, _, _ in place.evidence} == {r.id for r in place.rels}
    assert ("Payment", payment.key) in {(label, key) for _, label, key in place.mentions}


def test_place_skips_relations_that_resolution_dropped():
    ex = build_note("n1", ("Person", "Carlos Reyes"), ("Person", "Reyes, Carlos"), phone("622-1234"),
                    relations=(("RECRUITED", 0, 1), ("USES_PHONE", 0, 2)))
    _, resolution, (place,) = _streamed([ex])
    assert resolution.stats["self_loops_dropped"] == 1
    assert [t for _, t, _ in place.evidence] == ["USES_PHONE"]
    assert {key for _, _, key in place.mentions} == {n.key for n in resolution.nodes}

