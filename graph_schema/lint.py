"""Check the schema declaration for mistakes that loading alone does not catch.

Why: a missing style or an enum without values does not break loading, but it breaks a view or
lets bad data through. ``check(schema)`` lists every problem; a test requires the list be empty.
"""
from __future__ import annotations

from graph_schema.model import Schema

__all__ = ["check"]


def check(schema: Schema) -> list[str]:
    """Return human-readable problems; an empty list means the schema is sound.

    >>> from graph_schema.model import load_schema
    >>> check(load_schema())
    []
    """
    problems: list[str] = []
    for label, spec in schema.nodes.items():
        if "color" not in spec.style or "shape" not in spec.style:
            problems.append(f"{label}: style needs color and shape")
        if spec.key != "id":
            problems.append(f"{label}: key must be 'id' (one MERGE shape for every label)")
        if spec.caption not in {p.name for p in spec.properties}:
            problems.append(f"{label}: caption {spec.caption!r} is not a property")
        for prop in spec.properties:
            if prop.type == "enum" and not prop.values:
                problems.append(f"{label}.{prop.name}: enum without values")
        roles = spec.property("role")
        for role in spec.role_styles:
            if roles is None or role not in roles.values:
                problems.append(f"{label}: role style for unknown role {role!r}")
        for role in spec.pseudonymize_roles:
            if roles is None or role not in roles.values:
                problems.append(f"{label}: pseudonymized role {role!r} is not a declared role")
        for field in spec.pseudonymize_fields:
            if spec.property(field) is None:
                problems.append(f"{label}: pseudonymized field {field!r} is not a property")
    for rel_type, rel in schema.relationships.items():
        if not rel_type.isupper():
            problems.append(f"{rel_type}: relationship types are UPPER_CASE")
        if "color" not in rel.style:
            problems.append(f"{rel_type}: style needs a color")
        if not rel.description:
            problems.append(f"{rel_type}: description missing")
    return problems + _meaning_problems(schema)


def _meaning_problems(schema: Schema) -> list[str]:
    """What ``meanings.yaml`` promises: every identifier has one use relation (the first of its
    ``holder_types``), documents are exactly the internal labels, every declared word is used."""
    problems = []
    for label in schema.labels_of_kind("identifier"):
        uses = [t for t in schema.types_in("identifier") if label in schema.rel(t).target]
        if len(uses) != 1:
            problems.append(f"{label}: an identifier needs exactly one identifier relation to it, not {uses}")
    for label, spec in schema.nodes.items():
        if (spec.kind == "document") != spec.internal:
            problems.append(f"{label}: kind document and internal go together")
    used = {spec.kind for spec in schema.nodes.values()}
    problems += [f"meanings.yaml: kind {k!r} is not used" for k in schema.meanings.kinds if k not in used]
    used = {spec.category for spec in schema.relationships.values()}
    problems += [f"meanings.yaml: category {c!r} is not used" for c in schema.meanings.categories if c not in used]
    used = {t for spec in schema.relationships.values() for t in spec.traits}
    problems += [f"meanings.yaml: trait {t!r} is not used" for t in schema.meanings.traits if t not in used]
    return problems
