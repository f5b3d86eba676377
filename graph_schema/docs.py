"""Generate SCHEMA.md, the human-readable schema document, from the YAML declaration.

Why: analysts and prosecutors read the schema; it must never drift from what the code enforces.
``python -m graph_schema.docs`` rewrites the file and a test fails when it is stale.
"""
from __future__ import annotations

import sys
from pathlib import Path

from graph_schema.model import SCHEMA_DIR, NodeSpec, RelSpec, Schema, load_schema

__all__ = ["schema_markdown", "SCHEMA_MD", "write_schema_markdown"]

SCHEMA_MD = SCHEMA_DIR / "SCHEMA.md"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _node_section(spec: NodeSpec, schema: Schema) -> list[str]:
    lines = [f"### {spec.label}", "", spec.description, ""]
    lines.append(f"Kind: {spec.kind}. Key: `{spec.key}`. Caption: `{spec.caption}`."
                 + (" Internal (provenance)." if spec.internal else ""))
    legs = schema.event_legs(spec.label)
    if legs:
        lines.append(f"Links two parties: `{legs[0]}` into the event, `{legs[1]}` out of it.")
    if schema.shared_via(spec.label):
        lines.append("People who reach one such node share it (`person_network`) through "
                     + ", ".join(f"`{t}`" for t in schema.shared_via(spec.label)) + ".")
    if spec.pseudonymize_mask:
        lines.append(f"Masked as \"[{spec.pseudonymize_mask} of <pseudonym>]\" when its holder is protected.")
    if spec.pseudonymize_roles:
        lines.append(f"Pseudonymized in views and exports when role is {', '.join(spec.pseudonymize_roles)}: "
                     f"{', '.join(spec.pseudonymize_fields)}.")
    lines += ["", "| property | type | required | description |", "|---|---|---|---|"]
    for p in spec.properties:
        kind = p.type + (f" ({', '.join(p.values)})" if p.values else "")
        lines.append(f"| `{p.name}` | {_cell(kind)} | {'yes' if p.required else ''} | {_cell(p.description)} |")
    return lines + [""]


def schema_markdown(schema: Schema) -> str:
    """The whole schema document as Markdown text."""
    lines = [
        "# Graph schema",
        "",
        "Generated from `graph_schema/nodes/*.yaml` and `graph_schema/relationships/*.yaml` by",
        "`python -m graph_schema.docs`. Do not edit by hand: a test fails when this file is stale.",
        "",
        "## Node labels",
        "",
    ]
    for spec in schema.nodes.values():
        lines += _node_section(spec, schema)
    lines += ["## Relationship types", "",
              "A relationship file may name a node kind among its ends: `kind:identifier` stands for every",
              "label of that kind (the table lists them). So a new identifier type - its node file, the",
              "relationship by which a holder uses it and a row of `ingest/patterns/identifiers.jsonl` - is",
              "also an end of the bookkeeping types (`IN_CASE`, `MENTIONS`) with no edit to them.", "",
              "Every relationship also carries the common properties of `relationships.defaults.yaml`:",
              ", ".join(f"`{p.name}`" for p in next(iter(schema.relationships.values())).properties[:10]) + ".",
              "",
              "| type | from | to | directed | category | meaning |", "|---|---|---|---|---|---|"]
    for rel in schema.relationships.values():
        lines.append(_rel_row(rel))
    return "\n".join(lines + [""] + _meanings_section(schema)) + "\n"


def _rel_row(spec: RelSpec) -> str:
    category = spec.category + (" (investigative: never evidence of complicity)" if spec.investigative else "")
    category += "".join(f"; {trait}" for trait in spec.traits)
    return (f"| `{spec.type}` | {', '.join(spec.source)} | {', '.join(spec.target)} | "
            f"{'yes' if spec.directed else 'no'} | {_cell(category)} | {_cell(spec.description)} |")


def _meanings_section(schema: Schema) -> list[str]:
    """What the kinds, categories and traits mean (``meanings.yaml``)."""
    lines = ["## What the words mean", "", "Declared in `graph_schema/meanings.yaml`.", "",
             "| kind | labels | meaning |", "|---|---|---|"]
    for kind, text in schema.meanings.kinds.items():
        lines.append(f"| {kind} | {', '.join(schema.labels_of_kind(kind))} | {_cell(text)} |")
    lines += ["", "| category | types | meaning |", "|---|---|---|"]
    for category in schema.meanings.categories.values():
        held = " A holder holds its target." if category.holds else ""
        lines.append(f"| {category.name} | {', '.join(schema.types_in(category.name))} | "
                     f"{_cell(category.description + held)} |")
    lines += ["", "| trait | types | meaning |", "|---|---|---|"]
    for trait, text in schema.meanings.traits.items():
        lines.append(f"| {trait} | {', '.join(schema.types_with(trait))} | {_cell(text)} |")
    return lines


def write_schema_markdown(path: Path = SCHEMA_MD) -> Path:
    path.write_text(schema_markdown(load_schema()), encoding="utf-8")
    return path


if __name__ == "__main__":
    print(write_schema_markdown(Path(sys.argv[1]) if len(sys.argv) > 1 else SCHEMA_MD))
