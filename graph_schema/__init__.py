"""The graph schema, declared once as YAML data; everything else is derived from it.

Public API: ``load_schema()`` (the labels, types and what they mean), ``load_offices()`` (the
vocabulary of public offices) and the record types. This package imports nothing from the rest
of the project.
"""
from graph_schema.model import NodeSpec, PropertySpec, RelSpec, Schema, SchemaError, load_schema
from graph_schema.offices import Offices, load_offices
from graph_schema.records import (
    Evidence, Mention, NodeRecord, Note, RecordError, Relation, RelRecord, from_dict, make_id, to_dict,
    validate_node, validate_rel,
)
from graph_schema.types import TYPES, clean_email, clean_phone, clean_plate, fold_name, get_type

__all__ = [
    "Evidence", "Mention", "NodeRecord", "NodeSpec", "Note", "Offices", "PropertySpec", "RecordError", "RelRecord",
    "RelSpec", "Relation", "Schema", "SchemaError", "TYPES", "clean_email", "clean_phone", "clean_plate",
    "fold_name", "from_dict", "get_type", "load_offices", "load_schema", "make_id", "to_dict", "validate_node",
    "validate_rel",
]
