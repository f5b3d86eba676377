"""The warm-up rehearses a load and leaves nothing behind (issue 16).

Why: it runs the loader's own statements on a synthetic case while the model extracts, so a
cold server has planned and compiled them before the real load. It must never be seen: not in
an empty database, not in one holding a case (whatever the path it rehearses), and an ingest's
graph must not depend on it. Against the real local Neo4j.
"""
from __future__ import annotations

import threading
import time

import pytest

from graph_schema import load_schema
from tests.workbench.store.test_loader_paths import _load, _snapshot
from workbench.store.warmup import Warmup, rehearsal_case

pytestmark = pytest.mark.neo4j


def test_the_rehearsal_case_touches_every_label_and_relationship_type_the_resolver_writes():
    schema = load_schema()
    case = rehearsal_case(schema)
    assert {n.label for n in case.nodes} == set(schema.entity_labels)
    written = {r.type for r in case.rels}
    between_entities = {t for t, spec in schema.relationships.items() if t != "MENTIONS"
                        and set(spec.source) & set(schema.entity_labels) and set(spec.target) & set(schema.entity_labels)}
    assert written == between_entities
    assert {ev[1] for _, evidence in case.note_facts for ev in evidence} == written


@pytest.mark.parametrize("before", ["empty", "a case"])
def test_a_warmup_commits_nothing(neo4j_driver, clean_db, before):
    if before == "a case":
        _load(neo4j_driver, fresh=None, batch_size=1000)  # the rehearsal then takes the merge path
    snapshot = _snapshot(neo4j_driver)
    warmup = Warmup(neo4j_driver, load_schema(), pipeline_version="test", rounds=2).start()
    warmup._thread.join(timeout=300)
    assert warmup.error is None and warmup.done == 2
    assert _snapshot(neo4j_driver) == snapshot


def test_stop_ends_the_round_in_progress_and_commits_nothing(neo4j_driver, clean_db, monkeypatch):
    started = threading.Event()
    real_round = Warmup._round

    def slow_round(self, case, writer):  # signal once the round has written something
        writer.one("CREATE (:Case {id: 'warmup:probe'})")
        started.set()
        time.sleep(0.5)
        real_round(self, case, writer)

    monkeypatch.setattr(Warmup, "_round", slow_round)
    warmup = Warmup(neo4j_driver, load_schema(), pipeline_version="test", rounds=100).start()
    assert started.wait(timeout=120)
    warmup.stop()
    assert warmup.error is None and warmup.done == 0
    rows, _, _ = neo4j_driver.execute_query("MATCH (n) RETURN count(n) AS n", database_="neo4j")
    assert rows[0]["n"] == 0
