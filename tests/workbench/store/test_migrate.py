"""Constraints and indexes derived from the schema, applied to the real server."""
from __future__ import annotations

import pytest
from neo4j.exceptions import ConstraintError

from workbench.store import cypher, migrate, reset_schema

pytestmark = pytest.mark.neo4j


def test_migrate_creates_everything_once(neo4j_driver, neo4j_settings, schema):
    reset_schema(neo4j_driver, neo4j_settings.database)
    try:
        assert migrate(neo4j_driver, schema, neo4j_settings.database) == len(cypher.schema_statements(schema))
    finally:
        second = migrate(neo4j_driver, schema, neo4j_settings.database)
    assert second == 0
    names = {r["name"] for r in neo4j_driver.execute_query(cypher.LIST_CONSTRAINTS, database_="neo4j").records}
    assert {f"wb_{label}_id_unique" for label in schema.nodes} <= names
    assert {f"wb_{t}_id_unique" for t in schema.relationships} <= names


def test_duplicate_person_id_is_rejected(neo4j_driver, clean_db):
    neo4j_driver.execute_query("CREATE (:Person {id: $id})", id="p1", database_="neo4j")
    with pytest.raises(ConstraintError):
        neo4j_driver.execute_query("CREATE (:Person {id: $id})", id="p1", database_="neo4j")


def test_duplicate_relationship_id_is_rejected(neo4j_driver, clean_db):
    create = ("MERGE (a:Person {id: $a}) MERGE (b:Person {id: $b}) "
              "CREATE (a)-[:RECRUITED {id: $rel}]->(b)")
    neo4j_driver.execute_query(create, a="p1", b="p2", rel="r1", database_="neo4j")
    with pytest.raises(ConstraintError):
        neo4j_driver.execute_query(create, a="p3", b="p4", rel="r1", database_="neo4j")


def test_lookups_use_the_indexes(neo4j_driver, clean_db):
    plan = neo4j_driver.execute_query("EXPLAIN MATCH (m:Mention {note_id: $n}) RETURN m", n="x",
                                      database_="neo4j").summary.plan
    assert "NodeIndexSeek" in str(plan)
