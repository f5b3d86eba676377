"""Read the YAML declaration into frozen specs: first parse every file, then resolve references.

Why two passes: a relationship names labels, a node names relationship types (an event's legs,
what two people share it through), and both name the words of ``meanings.yaml``; only once every
file is read can each reference be checked, so a typo in one file stops loading with the file's
name instead of silently dropping a label or a link.

A relationship's ``source`` or ``target`` may name a node kind instead of a label: ``kind:identifier``
(written without a space after the colon) stands for every label of that kind, expanded in place
in the second pass. So the bookkeeping types that reach every identifier (``IN_CASE``,
``MENTIONS``) reach a new identifier type with no edit, while a holder type (``USES_PHONE``) still
names its one label.
"""
from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import yaml

from graph_schema.errors import Errors
from graph_schema.specs import CategorySpec, Meanings, NodeSpec, PropertySpec, RelSpec, SchemaError
from graph_schema.types import get_type

__all__ = ["KIND_PREFIX", "read_yaml", "parse_meanings", "parse_node", "parse_properties", "parse_rel", "resolve"]

#: How a relationship end names every label of a node kind: ``kind:identifier``.
KIND_PREFIX = "kind:"

_NODE_KEYS = {"label", "description", "key", "caption", "properties", "style", "role_styles", "pseudonymize",
              "internal", "kind", "legs", "shared_via", "i2_type"}


def read_yaml(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise SchemaError(Errors.G100.format(name=path.name, detail=error)) from None
    if not isinstance(data, dict):
        raise SchemaError(Errors.G101.format(name=path.name))
    return data


def parse_properties(raw: dict[str, Any], where: str) -> tuple[PropertySpec, ...]:
    specs = []
    for name, decl in (raw or {}).items():
        decl = decl or {}
        unknown = set(decl) - {"type", "required", "description", "values"}
        if unknown:
            raise SchemaError(Errors.G102.format(where=where, name=name, keys=sorted(unknown)))
        type_name = decl.get("type", "text")
        try:
            get_type(type_name)
        except KeyError as error:
            raise SchemaError(Errors.G103.format(where=where, name=name, detail=error.args[0])) from None
        specs.append(PropertySpec(name=name, type=type_name, required=bool(decl.get("required", False)),
                                  description=str(decl.get("description", "")), values=tuple(decl.get("values", ()))))
    return tuple(specs)


def parse_meanings(path: Path) -> Meanings:
    data = read_yaml(path)
    categories = {}
    for name, decl in (data.get("categories") or {}).items():
        decl = decl or {}
        unknown = set(decl) - {"description", "holds", "order"}
        if unknown:
            raise SchemaError(Errors.G106.format(where=f"{path.name}: category {name!r}", keys=sorted(unknown)))
        categories[name] = CategorySpec(name=name, description=str(decl.get("description", "")),
                                        holds=bool(decl.get("holds", False)), order=tuple(decl.get("order") or ()))
    return Meanings(kinds={k: str(v) for k, v in (data.get("kinds") or {}).items()}, categories=categories,
                    traits={k: str(v) for k, v in (data.get("traits") or {}).items()})


def parse_node(path: Path) -> NodeSpec:
    data = read_yaml(path)
    where = path.name
    label = data.get("label")
    if label != path.stem:
        raise SchemaError(Errors.G105.format(where=where, what="label", value=label))
    unknown = set(data) - _NODE_KEYS
    if unknown:
        raise SchemaError(Errors.G106.format(where=where, keys=sorted(unknown)))
    props = parse_properties(data.get("properties", {}), where)
    key = data.get("key", "id")
    if key not in {p.name for p in props}:
        raise SchemaError(Errors.G107.format(where=where, key=key))
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
        kind=str(data.get("kind", "")),
        legs=tuple(data.get("legs") or ()),
        shared_via=tuple(data.get("shared_via") or ()),
        pseudonymize_mask=str(pseudo.get("mask", "")),
        i2_type=str(data.get("i2_type", "")),
    )


def parse_rel(path: Path, common: tuple[PropertySpec, ...]) -> RelSpec:
    data = read_yaml(path)
    where = path.name
    rel_type = data.get("type")
    if rel_type != path.stem:
        raise SchemaError(Errors.G105.format(where=where, what="type", value=rel_type))
    own = parse_properties(data.get("properties", {}), where)
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
        traits=tuple(data.get("traits") or ()),
    )


def resolve(nodes: dict[str, NodeSpec], rels: dict[str, RelSpec], meanings: Meanings) -> dict[str, RelSpec]:
    """Second pass: every reference must name something declared. Returns the relationship types
    with their ``kind:`` ends expanded to the labels of that kind."""
    rels = {t: _expand_ends(spec, nodes, meanings) for t, spec in rels.items()}
    for spec in rels.values():
        if spec.category not in meanings.categories:
            raise SchemaError(Errors.G109.format(where=f"{spec.type}.yaml", what="category", value=spec.category))
        for trait in spec.traits:
            if trait not in meanings.traits:
                raise SchemaError(Errors.G109.format(where=f"{spec.type}.yaml", what="trait", value=trait))
    for node in nodes.values():
        _resolve_node(node, rels, meanings)
    for category in meanings.categories.values():
        members = {t for t, r in rels.items() if r.category == category.name}
        if category.order and (set(category.order) != members or len(category.order) != len(members)):
            raise SchemaError(Errors.G110.format(category=category.name, types=sorted(members)))
    return rels


def _expand_ends(spec: RelSpec, nodes: dict[str, NodeSpec], meanings: Meanings) -> RelSpec:
    """The type with ``source`` and ``target`` checked and each ``kind:<kind>`` expanded."""
    where = f"{spec.type}.yaml"
    source, target = (_labels(ends, nodes, meanings, where) for ends in (spec.source, spec.target))
    if not source or not target:
        raise SchemaError(Errors.G108.format(where=where))
    return dataclasses.replace(spec, source=source, target=target)


def _labels(ends: tuple[str, ...], nodes: dict[str, NodeSpec], meanings: Meanings, where: str) -> tuple[str, ...]:
    """One end's labels: each ``kind:<kind>`` replaced, where it stands, by that kind's labels in
    file name order; each label once; an unknown label or kind stops loading."""
    out: list[str] = []
    for end in ends:
        if end.startswith(KIND_PREFIX):
            kind = end[len(KIND_PREFIX):]
            if kind not in meanings.kinds:
                raise SchemaError(Errors.G109.format(where=where, what="kind", value=kind))
            out += [label for label, node in nodes.items() if node.kind == kind]
        elif end in nodes:
            out.append(end)
        else:
            raise SchemaError(Errors.G104.format(where=where, label=end))
    return tuple(dict.fromkeys(out))


def _resolve_node(spec: NodeSpec, rels: dict[str, RelSpec], meanings: Meanings) -> None:
    where = f"{spec.label}.yaml"
    if spec.kind not in meanings.kinds:
        raise SchemaError(Errors.G111.format(where=where, kind=spec.kind, kinds=sorted(meanings.kinds)))
    for rel_type in (*spec.legs, *spec.shared_via):
        if rel_type not in rels:
            raise SchemaError(Errors.G112.format(where=where, type=rel_type))
    if spec.legs:
        into, out = (spec.legs + ("", ""))[:2]
        if spec.kind != "event" or len(spec.legs) != 2:
            raise SchemaError(Errors.G113.format(where=where))
        if spec.label not in rels[into].target or spec.label not in rels[out].source:
            raise SchemaError(Errors.G114.format(where=where, into=into, label=spec.label, out=out))
    for rel_type in spec.shared_via:
        if spec.label not in rels[rel_type].source + rels[rel_type].target:
            raise SchemaError(Errors.G115.format(where=where, type=rel_type, label=spec.label))
    if spec.pseudonymize_mask and spec.kind != "identifier":
        raise SchemaError(Errors.G116.format(where=where))
