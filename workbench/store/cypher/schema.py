"""Cypher of the schema setup (constraints and indexes derived from the schema), status and maintenance."""
from __future__ import annotations

import re
from dataclasses import dataclass

from graph_schema import Schema

__all__ = [
    "AWAIT_INDEXES", "COMPONENTS", "COUNT_CONSTRAINTS", "COUNT_NODES", "COUNT_RELATIONSHIPS",
    "DELETE_ALL_NODES", "EXTRA_INDEXES", "LIST_CONSTRAINTS", "LIST_PLAIN_INDEXES", "PING", "SchemaStatement",
    "drop_constraint", "drop_index", "node_key_constraint", "property_index", "quote",
    "rel_key_constraint", "schema_statements",
]

_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def quote(name: str) -> str:
    """A backtick-quoted Cypher name; refuses anything that is not a plain identifier.

    >>> quote("Person")
    '`Person`'
    """
    if not _NAME.match(name):
        raise ValueError(f"not a plain identifier, refusing to put it in Cypher: {name!r}")
    return f"`{name}`"


# --- Schema setup ------------------------------------------------------------------------------

#: Lookups the loader, the evidence query and name search make besides the keys:
#: (label, property). Each must be declared in the schema; schema_statements checks.
EXTRA_INDEXES: tuple[tuple[str, str], ...] = (
    ("Mention", "entity_id"),
    ("Mention", "note_id"),
    ("Evidence", "rel_id"),
    ("Evidence", "note_id"),
    ("Note", "path"),
    ("Person", "name"),
)


@dataclass(frozen=True)
class SchemaStatement:
    """One constraint or index: its name (as SHOW CONSTRAINTS/INDEXES lists it) and its DDL."""

    name: str
    cypher: str


def node_key_constraint(label: str, key: str) -> SchemaStatement:
    """Uniqueness of a node label's key, which MERGE relies on for speed and for no duplicates.

    >>> node_key_constraint("Person", "id").cypher
    'CREATE CONSTRAINT `wb_Person_id_unique` IF NOT EXISTS FOR (n:`Person`) REQUIRE n.`id` IS UNIQUE'
    """
    name = f"wb_{label}_{key}_unique"
    return SchemaStatement(
        name, f"CREATE CONSTRAINT {quote(name)} IF NOT EXISTS FOR (n:{quote(label)}) REQUIRE n.{quote(key)} IS UNIQUE"
    )


def rel_key_constraint(rel_type: str, key: str) -> SchemaStatement:
    """Uniqueness of a relationship type's id (Community 5.26 supports relationship uniqueness).

    >>> rel_key_constraint("PAID", "id").cypher
    'CREATE CONSTRAINT `wb_PAID_id_unique` IF NOT EXISTS FOR ()-[r:`PAID`]-() REQUIRE r.`id` IS UNIQUE'
    """
    name = f"wb_{rel_type}_{key}_unique"
    return SchemaStatement(
        name,
        f"CREATE CONSTRAINT {quote(name)} IF NOT EXISTS FOR ()-[r:{quote(rel_type)}]-() REQUIRE r.{quote(key)} IS UNIQUE",
    )


def property_index(label: str, prop: str) -> SchemaStatement:
    """A range index for lookups by a non-key property.

    >>> property_index("Mention", "note_id").cypher
    'CREATE INDEX `wb_Mention_note_id` IF NOT EXISTS FOR (n:`Mention`) ON (n.`note_id`)'
    """
    name = f"wb_{label}_{prop}"
    return SchemaStatement(name, f"CREATE INDEX {quote(name)} IF NOT EXISTS FOR (n:{quote(label)}) ON (n.{quote(prop)})")


def schema_statements(schema: Schema) -> list[SchemaStatement]:
    """Constraints and indexes for ``schema``: node keys, relationship ids, then EXTRA_INDEXES.

    >>> from graph_schema import load_schema
    >>> statements = schema_statements(load_schema())
    >>> [s.name for s in statements if s.name.startswith("wb_Person")]
    ['wb_Person_id_unique', 'wb_Person_name']
    """
    statements = [node_key_constraint(label, spec.key) for label, spec in sorted(schema.nodes.items())]
    for rel_type, rel in sorted(schema.relationships.items()):
        if rel.property("id") is None:
            raise ValueError(f"relationship type {rel_type} declares no id property")
        statements.append(rel_key_constraint(rel_type, "id"))
    for label, prop in EXTRA_INDEXES:
        if schema.node(label).property(prop) is None:
            raise ValueError(f"index on {label}.{prop}, which the schema does not declare")
        statements.append(property_index(label, prop))
    return statements


#: Wait until new indexes are online, so the first load after a migration uses them.
AWAIT_INDEXES = "CALL db.awaitIndexes($timeout_s)"


# --- Status ------------------------------------------------------------------------------------

#: Readiness probe: answers once the user database is online.
PING = "RETURN 1 AS ok"
COMPONENTS = (
    "CALL dbms.components() YIELD name, versions, edition "
    "RETURN name, versions[0] AS version, edition"
)
COUNT_NODES = "MATCH (n) RETURN count(n) AS count"
COUNT_RELATIONSHIPS = "MATCH ()-[r]->() RETURN count(r) AS count"
COUNT_CONSTRAINTS = "SHOW CONSTRAINTS YIELD name RETURN count(name) AS count"
LIST_CONSTRAINTS = (
    "SHOW CONSTRAINTS YIELD name, type, entityType, labelsOrTypes, properties "
    "RETURN name, type, entityType, labelsOrTypes, properties ORDER BY name"
)
#: Indexes that can be dropped on their own: not the token lookups, not those a constraint owns.
LIST_PLAIN_INDEXES = (
    "SHOW INDEXES YIELD name, type, owningConstraint "
    "WHERE owningConstraint IS NULL AND type <> 'LOOKUP' RETURN name ORDER BY name"
)


# --- Maintenance -------------------------------------------------------------------------------

#: Empties the database in batches. Run it with ``session.run`` (an auto-commit transaction):
#: CALL IN TRANSACTIONS fails inside execute_query / execute_write.
DELETE_ALL_NODES = "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS"


def drop_constraint(name: str) -> str:
    """DDL takes no parameters for names; ``name`` comes from SHOW CONSTRAINTS and is quoted.

    >>> drop_constraint("wb_Person_id_unique")
    'DROP CONSTRAINT `wb_Person_id_unique` IF EXISTS'
    """
    return f"DROP CONSTRAINT {quote(name)} IF EXISTS"


def drop_index(name: str) -> str:
    """
    >>> drop_index("wb_Person_name")
    'DROP INDEX `wb_Person_name` IF EXISTS'
    """
    return f"DROP INDEX {quote(name)} IF EXISTS"
