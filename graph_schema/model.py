"""Load the graph schema from its YAML declaration and answer what its labels and types mean.

Why: the schema is the one declaration everything else is derived from (Neo4j constraints,
record validation, SCHEMA.md, view styles) and the only place that says what its words mean:
which labels are identifiers, events, named entities or documents (``kind``), which relationship
types fall in a category (``category``: exploitation, legal, presence, ...) or carry a trait,
which types link a holder to an identifier, which two types are an event's legs. Code asks the
:class:`Schema` (``holder_types``, ``event_legs``, ``types_in``, ``protected_roles``, ...) instead of
listing labels and types by hand, so adding an identifier type is its node file and the file of the
relationship by which a holder uses it (the bookkeeping types name ``kind:identifier``, see
:mod:`graph_schema.parse`), with its pattern row in ``ingest/patterns/identifiers.jsonl``.

``load_schema()`` reads the declaration in two passes (:mod:`graph_schema.parse`) and fails on any
unknown name, so a typo in a YAML file stops the program instead of silently dropping a label.
The result is frozen and cached: load it explicitly where needed, never at import time.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

from graph_schema.errors import Errors
from graph_schema.parse import parse_meanings, parse_node, parse_properties, parse_rel, read_yaml, resolve
from graph_schema.specs import CategorySpec, Meanings, NodeSpec, PropertySpec, RelSpec, SchemaError

__all__ = ["CategorySpec", "Meanings", "NodeSpec", "PropertySpec", "RelSpec", "Schema", "SchemaError", "load_schema",
           "SCHEMA_DIR"]

SCHEMA_DIR = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Schema:
    """The declaration, frozen. Labels and types come back in declaration order (file name order),
    a category's types in its declared ``order`` when it has one."""

    nodes: dict[str, NodeSpec] = field(hash=False)
    relationships: dict[str, RelSpec] = field(hash=False)
    meanings: Meanings = field(hash=False, compare=False, default_factory=Meanings)

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
    def internal_labels(self) -> tuple[str, ...]:
        """Labels of the provenance bookkeeping (notes, cases, mentions, evidence)."""
        return tuple(label for label, spec in self.nodes.items() if spec.internal)

    @property
    def network_types(self) -> tuple[str, ...]:
        """Relationship types between entities (not the provenance bookkeeping)."""
        return tuple(t for t, spec in self.relationships.items() if not spec.internal)

    @property
    def investigative_types(self) -> tuple[str, ...]:
        return tuple(t for t, spec in self.relationships.items() if spec.investigative)

    @property
    def undirected_types(self) -> tuple[str, ...]:
        """Types whose two ends are alike (ASSOCIATED_WITH, RELATED_TO, ...)."""
        return tuple(t for t, spec in self.relationships.items() if not spec.directed)

    # -- what the words mean ----------------------------------------------------------------------
    def labels_of_kind(self, kind: str) -> tuple[str, ...]:
        """Labels of one kind: ``identifier``, ``event``, ``named`` or ``document``.

        >>> load_schema().labels_of_kind("event")
        ('Call', 'Operation', 'Payment')
        """
        if kind not in self.meanings.kinds:
            raise KeyError(f"unknown node kind {kind!r}")
        return tuple(label for label, spec in self.nodes.items() if spec.kind == kind)

    def types_in(self, category: str) -> tuple[str, ...]:
        """Relationship types of one category, in the category's declared order if it has one.

        >>> load_schema().types_in("exploitation")
        ('RECRUITED', 'TRANSPORTED', 'HARBORED', 'THREATENED', 'EMPLOYS')
        """
        try:
            spec = self.meanings.categories[category]
        except KeyError:
            raise KeyError(f"unknown relationship category {category!r}") from None
        return spec.order or tuple(t for t, r in self.relationships.items() if r.category == category)

    def types_with(self, trait: str) -> tuple[str, ...]:
        """Relationship types that carry a trait of ``meanings.yaml`` (``premises``, ``victimizes``).

        >>> load_schema().types_with("premises")
        ('EMPLOYS', 'HARBORED')
        """
        if trait not in self.meanings.traits:
            raise KeyError(f"unknown relationship trait {trait!r}")
        return tuple(t for t, r in self.relationships.items() if trait in r.traits)

    def holder_types(self, label: str) -> tuple[str, ...]:
        """Types by which someone holds a node of ``label``: its use relation first (category
        identifier), then ownership (category control) - every category declared ``holds``.

        >>> load_schema().holder_types("Phone")
        ('USES_PHONE', 'OWNS')
        """
        self.node(label)
        return tuple(t for c in self.meanings.categories.values() if c.holds for t in self.types_in(c.name)
                     if label in self.relationships[t].target)

    def shared_via(self, label: str) -> tuple[str, ...]:
        """Types through which two people who reach one node of ``label`` share it: an identifier's
        holder types, then the types the node declares (``shared_via``: a vehicle's passengers, a
        venue's staff and guests).

        >>> load_schema().shared_via("Vehicle")
        ('DRIVES', 'OWNS', 'TRANSPORTED')
        """
        spec = self.node(label)
        held = self.holder_types(label) if spec.kind == "identifier" else ()
        return tuple(dict.fromkeys((*held, *spec.shared_via)))

    def event_legs(self, label: str) -> tuple[str, str] | None:
        """The (into, out of) types of an event that links two parties, or None.

        >>> load_schema().event_legs("Payment")
        ('PAID', 'PAID_TO')
        >>> load_schema().event_legs("Person") is None
        True
        """
        legs = self.node(label).legs
        return (legs[0], legs[1]) if legs else None

    def party_events(self) -> tuple[str, ...]:
        """Events that link two parties through their legs (a payer and a payee, a caller and a callee).

        >>> load_schema().party_events()
        ('Call', 'Payment')
        """
        return tuple(label for label, spec in self.nodes.items() if spec.legs)

    def party_identifiers(self) -> tuple[str, ...]:
        """Identifiers that stand for their holder at the far end of an event's leg (a call from a
        phone, a payment from an account).

        >>> load_schema().party_identifiers()
        ('Account', 'Phone')
        """
        ends = {label for event in self.party_events() for into, out in [self.event_legs(event) or ("", "")]
                for label in (*self.relationships[into].source, *self.relationships[out].target)}
        return tuple(label for label in self.labels_of_kind("identifier") if label in ends)

    def protected_roles(self) -> tuple[str, ...]:
        """Roles whose people are protected (pseudonymized unless revealed), as ``Person.yaml`` says.

        >>> load_schema().protected_roles()
        ('victim', 'witness')
        """
        return tuple(dict.fromkeys(role for spec in self.nodes.values() for role in spec.pseudonymize_roles))


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
    nodes = {p.stem: parse_node(p) for p in sorted((directory / "nodes").glob("*.yaml"))}
    defaults_path = directory / "relationships.defaults.yaml"
    common = parse_properties(read_yaml(defaults_path).get("properties", {}), defaults_path.name)
    rels = {p.stem: parse_rel(p, common) for p in sorted((directory / "relationships").glob("*.yaml"))}
    if not nodes:
        raise SchemaError(Errors.G117.format(directory=directory / 'nodes'))
    meanings = parse_meanings(directory / "meanings.yaml")
    return Schema(nodes=nodes, relationships=resolve(nodes, rels, meanings), meanings=meanings)
