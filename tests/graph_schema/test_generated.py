"""Artefacts derived from the schema must be regenerated when the YAML changes."""
from graph_schema import load_schema
from graph_schema.docs import SCHEMA_MD, schema_markdown
from graph_schema.lint import check


def test_schema_md_is_up_to_date():
    assert SCHEMA_MD.read_text(encoding="utf-8") == schema_markdown(load_schema()), (
        "graph_schema/SCHEMA.md is stale: run `make schema-docs`")


def test_schema_lint_is_clean():
    assert check(load_schema()) == []
