"""The schema-setup Cypher is text derived from the schema: checked without a database."""
from __future__ import annotations

import pytest

from workbench.store import cypher


def test_every_label_and_type_gets_a_key_constraint(schema):
    statements = cypher.schema_statements(schema)
    names = [s.name for s in statements]
    assert len(names) == len(set(names))
    assert len(statements) == len(schema.nodes) + len(schema.relationships) + len(cypher.EXTRA_INDEXES)
    for label in schema.nodes:
        assert (f"CREATE CONSTRAINT `wb_{label}_id_unique` IF NOT EXISTS FOR (n:`{label}`) "
                f"REQUIRE n.`id` IS UNIQUE") in [s.cypher for s in statements]


def test_relationship_constraint_text():
    assert cypher.rel_key_constraint("TIPPED_OFF", "id").cypher == (
        "CREATE CONSTRAINT `wb_TIPPED_OFF_id_unique` IF NOT EXISTS FOR ()-[r:`TIPPED_OFF`]-() REQUIRE r.`id` IS UNIQUE")


@pytest.mark.parametrize("label, prop", cypher.EXTRA_INDEXES)
def test_extra_indexes_name_declared_properties(schema, label, prop):
    assert schema.node(label).property(prop) is not None
    assert cypher.property_index(label, prop).cypher.endswith(f"FOR (n:`{label}`) ON (n.`{prop}`)")


@pytest.mark.parametrize("name", ["Person`) DETACH DELETE n //", "a b", "", "1abc", "Pers`on"])
def test_quote_refuses_anything_but_identifiers(name):
    with pytest.raises(ValueError, match="not a plain identifier"):
        cypher.quote(name)


def test_status_and_maintenance_queries_take_no_interpolated_values():
    for text in (cypher.COMPONENTS, cypher.COUNT_NODES, cypher.COUNT_RELATIONSHIPS, cypher.COUNT_CONSTRAINTS,
                 cypher.LIST_CONSTRAINTS, cypher.LIST_PLAIN_INDEXES, cypher.DELETE_ALL_NODES, cypher.AWAIT_INDEXES):
        assert "{}" not in text and "%" not in text
