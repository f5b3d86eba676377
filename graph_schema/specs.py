"""The frozen records a schema is made of: properties, node labels, relationship types, meanings.

Why a module of its own: the records are shared by the parser (:mod:`graph_schema.parse`, which
builds them from YAML) and the :class:`~graph_schema.model.Schema` that answers questions about
them; neither needs the other's code to describe a label.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["CategorySpec", "Meanings", "NodeSpec", "PropertySpec", "RelSpec", "SchemaError"]


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
    """One node label. ``kind`` is one of the kinds of ``meanings.yaml``; an event with ``legs``
    links two parties (the type into the event, the type out of it); ``shared_via`` names the
    types, besides an identifier's holders, through which two people share this node;
    ``pseudonymize_mask`` is what a protected holder's identifier is masked as; ``i2_type`` the
    i2 Analyst's Notebook entity type it exports as (empty: the export's default)."""

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
    kind: str = ""
    legs: tuple[str, ...] = ()
    shared_via: tuple[str, ...] = ()
    pseudonymize_mask: str = ""
    i2_type: str = ""

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
    traits: tuple[str, ...] = ()

    def property(self, name: str) -> PropertySpec | None:
        return next((p for p in self.properties if p.name == name), None)


@dataclass(frozen=True)
class CategorySpec:
    """A relationship category: what it means; ``holds`` when its source holds its target (a
    phone's user, an account's owner); ``order`` when its types have a meaningful order."""

    name: str
    description: str
    holds: bool = False
    order: tuple[str, ...] = ()


@dataclass(frozen=True)
class Meanings:
    """The words of ``meanings.yaml``: node kinds and relationship traits with their description,
    relationship categories (in declaration order)."""

    kinds: dict[str, str] = field(hash=False, default_factory=dict)
    categories: dict[str, CategorySpec] = field(hash=False, default_factory=dict)
    traits: dict[str, str] = field(hash=False, default_factory=dict)
