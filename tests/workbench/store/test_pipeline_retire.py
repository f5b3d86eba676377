"""Re-ingesting an unchanged note after the extraction changed retires what it no longer reads.

Why: versioning retires facts when a file changes; an analyst who upgrades the workbench (new
rules, a fixed false positive) and re-ingests the same folder must not keep seeing a relationship
that only the old rules read. Against the real local Neo4j, through the real pipeline, with the
extraction cache standing in for two versions of the extraction rules.
"""
from __future__ import annotations

import pytest

from graph_schema import Evidence, Mention, Relation, load_schema
from ingest.read import read_file
from ingest.results import Extraction
from workbench.extraction_cache import ExtractionCache
from workbench.pipeline import run_ingest
from workbench.store.store import Store

pytestmark = pytest.mark.neo4j

TEXT = "Carlos Reyes recruited Ana Lopez. Carlos Reyes threatened Ana Lopez."


def _no_model():
    raise AssertionError("every note is cached: the language model must not load")


def _extraction(note, *, threatened: bool) -> Extraction:
    first, second = TEXT.split(". ")
    mentions = [Mention(note.id, "Person", "Carlos Reyes", 0, 12, first + ".", "ner"),
                Mention(note.id, "Person", "Ana Lopez", 23, 32, first + ".", "ner")]
    relations = [Relation("RECRUITED", mentions[0].id, mentions[1].id, Evidence(note.id, first + ".", 0, 33, "rule"))]
    if threatened:
        relations.append(Relation("THREATENED", mentions[0].id, mentions[1].id,
                                  Evidence(note.id, second, 34, len(TEXT), "rule")))
    return Extraction(note, tuple(mentions), tuple(relations))


def _ingest(store, folder, cache_dir, fingerprint):
    report, _ = run_ingest(store, [folder], case_id="BZ-1", cache_dir=cache_dir, decisions=[],
                           nlp_factory=_no_model, fingerprint=fingerprint)
    return report


def _threatened(driver):
    records, _, _ = driver.execute_query(
        "MATCH ()-[r:THREATENED]->() MATCH (e:Evidence {rel_id: r.id}) "
        "RETURN r.evidence_count AS n, r.retired AS retired, e.superseded AS superseded, e.retired_by AS by",
        database_="neo4j")
    return [record.data() for record in records]


def test_a_relationship_the_new_rules_no_longer_read_is_retired_and_comes_back_when_read_again(
        neo4j_driver, clean_db, tmp_path):
    store = Store(neo4j_driver, schema=load_schema())
    folder = tmp_path / "case"
    folder.mkdir()
    (folder / "note.txt").write_text(TEXT, encoding="utf-8")
    note = read_file(folder / "note.txt", root=folder, case_id="BZ-1")
    cache_dir = tmp_path / "extractions"
    ExtractionCache(cache_dir, "old-rules").put(_extraction(note, threatened=True))
    ExtractionCache(cache_dir, "new-rules").put(_extraction(note, threatened=False))

    _ingest(store, folder, cache_dir, "old-rules")
    assert _threatened(neo4j_driver) == [{"n": 1, "retired": False, "superseded": None, "by": None}]

    report = _ingest(store, folder, cache_dir, "new-rules")
    assert report.load.retired_evidence == 1
    (row,) = _threatened(neo4j_driver)
    assert row["n"] == 0 and row["retired"] is True and row["superseded"] is True and "new-rules" in row["by"]
    again = _ingest(store, folder, cache_dir, "new-rules")
    assert again.load.retired_evidence == 0  # idempotent: nothing more to retire

    _ingest(store, folder, cache_dir, "old-rules")
    assert _threatened(neo4j_driver) == [{"n": 1, "retired": False, "superseded": False, "by": None}]
