"""Every batched write plans to index seeks on an empty database (issue 16).

Why: the loader prefixes its statements with ``CYPHER replan=skip`` (``cypher.write.REUSE_PLAN``),
so a plan made when the database was empty is kept while an ingest fills it. That is only safe
if no plan depends on the counts: each statement must look its rows up by a constrained or
indexed key, never scan a label. Planned (``EXPLAIN``, nothing runs) against the real local
Neo4j, for every label and every relationship type and end the schema declares.
"""
from __future__ import annotations

import pytest

from graph_schema import load_schema
from workbench.store.cypher import write as q

pytestmark = pytest.mark.neo4j


def _statements() -> list[str]:
    schema = load_schema()
    found = [q.merge_notes(), q.supersede_old_versions(), q.retire_stale_facts(), q.merge_mentions(),
             q.merge_evidence(), q.retire_other_authors(), q.create_mentions(), q.create_evidence()]
    for label in sorted(schema.nodes):
        found += [q.merge_nodes(schema, label), q.merge_mentions_edges(schema, label),
                  q.create_mentions_edges(schema, label)]
    for rel_type, spec in sorted(schema.relationships.items()):
        found += [q.refresh_rel_stats(schema, rel_type), q.set_rels(schema, rel_type)]
        for source in spec.source:
            for target in spec.target:
                if source in schema.nodes and target in schema.nodes:
                    found += [q.merge_rels(schema, rel_type, source, target),
                              q.create_rels(schema, rel_type, source, target),
                              q.merge_facts(schema, rel_type, source, target)]
    return list(dict.fromkeys(found))


def _operators(plan: dict) -> list[str]:  # type: ignore[type-arg]
    return [plan["operatorType"].split("@")[0], *(op for child in plan.get("children", []) for op in _operators(child))]


def test_no_write_plan_scans_on_an_empty_database(neo4j_driver, neo4j_settings, clean_db):
    scans = {}
    with neo4j_driver.session(database=neo4j_settings.database) as session:
        for cypher in _statements():
            summary = session.run("EXPLAIN " + q.REUSE_PLAN + cypher, rows=[], ids=[], ingested_at="",
                                  pipeline_version="").consume()
            found = [op for op in _operators(summary.plan) if "Scan" in op]
            if found:
                scans[cypher] = found
    assert not scans, scans
