"""Apply the schema's constraints and indexes to Neo4j, idempotently.

Why: MERGE without a uniqueness constraint scans the whole label for every row and lets two
concurrent loads create the same entity twice. The constraints are derived from the schema
(``cypher.schema_statements``), so a new label in ``graph_schema/nodes`` gets its constraint
on the next ``workbench db migrate`` (``workbench db start`` runs it too) with no code change.

Each statement is ``CREATE ... IF NOT EXISTS``, so re-running is safe; the count returned comes
from the server's own summary counters, so a second run reports 0. Nothing is ever dropped
here: a constraint that the schema no longer declares stays until someone drops it by hand.
"""
from __future__ import annotations

import neo4j

from graph_schema import Schema
from workbench.store import cypher

__all__ = ["migrate", "reset_schema"]


def migrate(driver: neo4j.Driver, schema: Schema, database: str = "neo4j", *, await_timeout_s: int = 300) -> int:
    """Create the constraints and indexes ``schema`` needs; return how many were created.

    Waits for the new indexes to come online, so the first load after it is fast.
    """
    created = 0
    for statement in cypher.schema_statements(schema):
        summary = driver.execute_query(statement.cypher, database_=database).summary
        created += summary.counters.constraints_added + summary.counters.indexes_added
    if created:
        driver.execute_query(cypher.AWAIT_INDEXES, timeout_s=await_timeout_s, database_=database)
    return created


def reset_schema(driver: neo4j.Driver, database: str = "neo4j") -> int:
    """Drop every constraint and every plain index (not the token lookups); return how many.

    For tests and for starting a database afresh; data is left alone.
    """
    dropped = 0
    names = driver.execute_query(cypher.LIST_CONSTRAINTS, database_=database).records
    for record in names:
        driver.execute_query(cypher.drop_constraint(record["name"]), database_=database)
        dropped += 1
    for record in driver.execute_query(cypher.LIST_PLAIN_INDEXES, database_=database).records:
        driver.execute_query(cypher.drop_index(record["name"]), database_=database)
        dropped += 1
    return dropped
