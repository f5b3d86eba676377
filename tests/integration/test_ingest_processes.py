"""An ingest writes the same graph whatever the number of model processes (issue 16).

Why: ``run_ingest(processes=N)`` runs the model in N worker processes; the analyst must get the
same graph, to the last property, as with one. A small generated case (seed 4242), cold each
time (empty database, empty extraction cache), through the real model and the real local Neo4j.
"""
from __future__ import annotations

import pytest

from workbench.pipeline import run_ingest
from workbench.store.store import Store
from tests.integration.snapshots import graph_snapshot

pytestmark = pytest.mark.neo4j


def _cold_ingest(driver, folder, cache_dir, nlp, processes):
    driver.execute_query("MATCH (n) DETACH DELETE n", database_="neo4j")
    report, _ = run_ingest(Store(driver), [folder / "notes", folder / "exports"], case_id="BZ-SEED", cache_dir=cache_dir,
                           decisions=[], nlp_factory=lambda: nlp, processes=processes)
    assert report.extracted == report.files_read and not report.failed, report.failed
    return graph_snapshot(driver)


def test_one_and_two_processes_write_the_same_graph(tmp_path, nlp, neo4j_driver):
    from samplecase import generate_case

    folder = generate_case(tmp_path / "case", seed=4242, n_notes=160)
    one = _cold_ingest(neo4j_driver, folder, tmp_path / "cache-1", nlp, 1)
    two = _cold_ingest(neo4j_driver, folder, tmp_path / "cache-2", nlp, 2)
    assert len(one[1]) > 100
    assert two == one
