"""Load the graph schema from its YAML declaration: one file per label, one per relationship type.

Why: the schema is the one declaration everything else is derived from (Neo4j constraints,
record validation, SCHEMA.md, view styles). ``load_schema()`` reads it in two passes - parse
every file, then resolve references (relationship endpoints, property types) - and fails on any
unknown name, so a typo in a YAML file stops the program instead of silently dropping a label.
The result is frozen and cached: load it explicitly where needed, never at import time.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from graph_schema.types import get_type

__all__ = ["NodeSpec", "PropertySpec", "RelSpec", "Schema", "SchemaError", "load_schema", "SCHEMA_DIR"]

SCHEMA_DIR = Path(__file__).resolve().parent


class SchemaError(ValueError):
    """The YAML declaration is inconsistent; the message names the file and the problem."""


@dataclass(frozen=True)
class PropertySpec:
    name: str
    type: str
    required: bool = False
    description: str = ""
    values: tuple[str, ...] = ()


@dataclass(frozen=True)
class NodeSpec:
    label: str
    description: str
    key: str
    caption: str
    properties: tuple[PropertySpec, ...]
    style: dict[str, Any] = field(hash=False, compare=False, default_factory=dict)
    role_styles: dict[str, dict[str, Any]] = field(hash=False, compare=False, default_factory=dict)
    pseudonymize_roles: tuple[str, ...] = ()
    pseudonymize_fields: tuple[str, ...] = ()
    internal: bool = False

    def property(self, name: str) -> PropertySpec | None:
        return next((p for p in self.properties if p.name == name), None)


@dataclass(frozen=True)
class RelSpec:
    type: str
    description: str
    source: tuple[str, ...]
    target: tuple[str, ...]
    directed: bool
    properties: tuple[PropertySpec, ...]
    category: str = ""
    investigative: bool = False
    internal: bool = False
    style: dict[str, Any] = field(hash=False, compare=False, default_factory=dict)

    def property(self, name: str) -> PropertySpec | None:
        return next((p for p in self.properties if p.name == name), None)


@dataclass(frozen=True)
class Schema:
    nodes: dict[str, NodeSpec] = field(hash=False)
    relationships: dict[str, RelSpec] = field(hash=False)

    def node(self, label: str) -> NodeSpec:
        try:
            return self.nodes[label]
        except KeyError:
            raise KeyError(f"unknown node label {label!r}") from None

    def rel(self, rel_type: str) -> RelSpec:
        try:
            return self.relationships[rel_type]
        except KeyError:
            raise KeyError(f"unknown relationship type {rel_type!r}") from None

    @property
    def entity_labels(self) -> tuple[str, ...]:
        """Labels analysts see in the network (not the provenance bookkeeping)."""
        return tuple(label for label, spec in self.nodes.items() if not spec.internal)

    @property
    def network_types(self) -> tuple[str, ...]:
        """Relationship types between entities (not the provenance bookkeeping)."""
        return tuple(t for t, spec in self.relationships.items() if not spec.internal)

    @property
    def investigative_types(self) -> tuple[str, ...]:
        return tuple(t for t, spec in self.relationships.items() if spec.investigative)


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise SchemaError(f"{path.name}: not valid YAML ({error})") from None
    if not isinstance(data, dict):
        raise SchemaError(f"{path.name}: expected a mapping at the top level")
    return data


def _properties(raw: dict[str, Any], where: str) -> tuple[PropertySpec, ...]:
    specs = []
    for name, decl in (raw or {}).items():
        decl = decl or {}
        unknown = set(decl) - {"type", "required", "description", "values"}
        if unknown:
            raise SchemaError(f"{where}: property {name!r}: unknown keys {sorted(unknown)} (quote text with commas)")
        type_name = decl.get("type", "text")
        try:
            get_type(type_name)
        except KeyError as error:
            raise SchemaError(f"{where}: property {name!r}: {error.args[0]}") from None
        specs.append(
            PropertySpec(
                name=name,
                type=type_name,
                required=bool(decl.get("required", False)),
                description=str(decl.get("description", "")),
                values=tuple(decl.get("values", ())),
            )
        )
    return tuple(specs)


def _parse_node(path: Path) -> NodeSpec:
    data = _read_yaml(path)
    where = path.name
    label = data.get("label")
    if label != path.stem:
        raise SchemaError(f"{where}: label {label!r} does not match the file name")
    props = _properties(data.get("properties", {}), where)
    key = data.get("key", "id")
    if key not in {p.name for p in props}:
        raise SchemaError(f"{where}: key {key!r} is not a declared property")
    pseudo = data.get("pseudonymize") or {}
    return NodeSpec(
        label=label,
        description=str(data.get("description", "")),
        key=key,
        caption=data.get("caption", key),
        properties=props,
        style=dict(data.get("style") or {}),
        role_styles={k: dict(v) for k, v in (data.get("role_styles") or {}).items()},
        pseudonymize_roles=tuple(pseudo.get("roles", ())),
        pseudonymize_fields=tuple(pseudo.get("fields", ())),
        internal=bool(data.get("internal", False)),
    )


def _parse_rel(path: Path, common: tuple[PropertySpec, ...]) -> RelSpec:
    data = _read_yaml(path)
    where = path.name
    rel_type = data.get("type")
    if rel_type != path.stem:
        raise SchemaError(f"{where}: type {rel_type!r} does not match the file name")
    own = _properties(data.get("properties", {}), where)
    own_names = {p.name for p in own}
    return RelSpec(
        type=rel_type,
        description=str(data.get("description", "")),
        source=tuple(data.get("source") or ()),
        target=tuple(data.get("target") or ()),
        directed=bool(data.get("directed", True)),
        properties=tuple(p for p in common if p.name not in own_names) + own,
        category=str(data.get("category", "")),
        investigative=bool(data.get("investigative", False)),
        internal=bool(data.get("internal", False)),
        style=dict(data.get("style") or {}),
    )


def _resolve(nodes: dict[str, NodeSpec], rels: dict[str, RelSpec]) -> None:
    """Second pass: every reference must name something declared."""
    for spec in rels.values():
        if not spec.source or not spec.target:
            raise SchemaError(f"{spec.type}.yaml: source and target are required")
        for label in spec.source + spec.target:
            if label not in nodes:
                raise SchemaError(f"{spec.type}.yaml: unknown node label {label!r}")


@functools.cache
def load_schema(directory: Path = SCHEMA_DIR) -> Schema:
    """Read and check the declaration in ``directory`` (this package's own by default).

    >>> schema = load_schema()
    >>> schema.node("Phone").key
    'id'
    >>> schema.rel("USES_PHONE").target
    ('Phone',)
    """
    directory = Path(directory)
    nodes = {p.stem: _parse_node(p) for p in sorted((directory / "nodes").glob("*.yaml"))}
    defaults_path = directory / "relationships.defaults.yaml"
    common = _properties(_read_yaml(defaults_path).get("properties", {}), defaults_path.name)
    rels = {p.stem: _parse_rel(p, common) for p in sorted((directory / "relationships").glob("*.yaml"))}
    if not nodes:
        raise SchemaError(f"no node declarations under {directory / 'nodes'}")
    _resolve(nodes, rels)
    return Schema(nodes=nodes, relationships=rels)
