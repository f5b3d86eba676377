"""Plain records that flow between the stages, and their validation against the schema.

Why: extraction, resolution, the store and the analysis talk through these frozen records only
(no shared state, no driver objects), so each stage runs and is tested on its own. Every fact
carries its ``Evidence``: the note, the sentence, the character offsets and the component that
produced it - a court will ask where each node and edge came from.

``validate`` cleans a record's properties with their declared types and raises ``RecordError``
naming the label and field, so a bad record never reaches Neo4j.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, fields, replace
from typing import Any

from graph_schema.errors import Errors
from graph_schema.model import Schema
from graph_schema.types import get_type

__all__ = [
    "Evidence", "Mention", "NodeRecord", "Note", "RecordError", "RelRecord", "Relation",
    "make_id", "to_dict", "from_dict", "validate_node", "validate_rel",
]


def make_id(*parts: Any) -> str:
    """A deterministic id from stable parts, so re-running ingest yields the same ids.

    >>> make_id("Person", "carlos reyes")
    '4edfb8925a4311ca59a6790d'
    """
    text = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


class RecordError(ValueError):
    """A record does not fit the schema; the message names the label or type and the field."""


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a fact was read: a span of a note (for a CSV export, the row's span in the file)."""

    note_id: str
    sentence: str
    start: int
    end: int
    method: str
    confidence: float = 1.0
    case_id: str | None = None
    date: str | None = None
    #: Derived from the span, computed once (``__post_init__``): the loader and the resolver
    #: read it several times per record, and a sha256 each time was a measurable part of a
    #: load (issue 16). Not an argument, not compared, not written by ``to_dict``.
    id: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "id", make_id("evidence", self.note_id, self.start, self.end, self.method))


@dataclass(frozen=True)
class Note:
    """One version of one source file. ``id`` is the sha256 of its bytes."""

    id: str
    path: str
    text: str
    case_id: str | None = None
    type: str | None = None
    date: str | None = None
    author: str | None = None
    title: str | None = None
    encoding: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True, slots=True)
class Mention:
    """A raw mention found by extraction, before resolution to an entity.

    ``key`` is the normalized identifier when the type owns one (an E.164 phone, an email); for
    names it is None and ``canonical`` holds the fullest form of the name in the same note
    ("Reyes" -> "Carlos Reyes"). ``props`` carries what the components read around it: role,
    agency, rank for officials; venue_type for venues; amount, currency, channel for money.
    """

    note_id: str
    label: str
    text: str
    start: int
    end: int
    sentence: str
    method: str
    confidence: float = 1.0
    key: str | None = None
    canonical: str | None = None
    props: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    #: Derived, computed once, as ``Evidence.id``.
    id: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "id", make_id("mention", self.note_id, self.start, self.end, self.label))


@dataclass(frozen=True, slots=True)
class Relation:
    """A typed relation between two mentions of one note, with the sentence that states it."""

    type: str
    source: str
    target: str
    evidence: Evidence
    props: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True)
class NodeRecord:
    """A resolved entity: its label, its key value and its properties."""

    label: str
    key: str
    props: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True)
class RelRecord:
    """A resolved relationship between two entities, with all the evidence that supports it.

    ``discriminator`` separates relationships of one type between one pair that must stay
    distinct (none do today; events such as payments are nodes of their own).
    """

    type: str
    source_label: str
    source_key: str
    target_label: str
    target_key: str
    evidence: tuple[Evidence, ...] = ()
    props: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    discriminator: str = ""
    #: Derived, computed once, as ``Evidence.id``.
    id: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "id", make_id(self.type, self.source_label, self.source_key, self.target_label,
                                               self.target_key, self.discriminator))


_KINDS: dict[str, type] = {
    "note": Note, "mention": Mention, "relation": Relation, "node": NodeRecord, "rel": RelRecord,
    "evidence": Evidence,
}


_INIT_FIELDS: dict[type, tuple[str, ...]] = {cls: tuple(f.name for f in fields(cls) if f.init)
                                             for cls in _KINDS.values()}
_KIND_OF = {cls: kind for kind, cls in _KINDS.items()}


def to_dict(record: Any) -> dict[str, Any]:
    """A JSON-ready dict of a record, tagged with its kind: its constructor's arguments.

    Why not ``dataclasses.asdict``: it deep-copies every value, and it was most of the time of
    writing the extraction cache (issue 16). Here the fields are plain values already, so they
    are copied one level (the ``props`` and ``metadata`` dicts too, so the dict can be changed
    without changing the record); only the nested ``Evidence`` records become dicts. Derived
    fields (``id``) are left out: ``from_dict`` computes them again.

    >>> to_dict(Evidence("n1", "A met B.", 0, 8, "m"))["kind"]
    'evidence'
    """
    cls = type(record)
    out: dict[str, Any] = {"kind": _KIND_OF[cls]}
    for name in _INIT_FIELDS[cls]:
        value = getattr(record, name)
        if isinstance(value, Evidence):
            value = _plain(value)
        elif isinstance(value, tuple) and value and isinstance(value[0], Evidence):
            value = tuple(_plain(e) for e in value)
        elif isinstance(value, dict):
            value = dict(value)
        out[name] = value
    return out


def _plain(evidence: Evidence) -> dict[str, Any]:
    return {name: getattr(evidence, name) for name in _INIT_FIELDS[Evidence]}


def from_dict(data: dict[str, Any]) -> Any:
    """The record a ``to_dict`` dict came from."""
    data = dict(data)
    cls = _KINDS[data.pop("kind")]
    if "id" not in _INIT_FIELDS[cls]:  # derived (written by no ``to_dict``): dropped should a caller add it
        data.pop("id", None)
    if cls is Relation:
        data["evidence"] = Evidence(**data["evidence"])
    if cls is RelRecord:
        data["evidence"] = tuple(Evidence(**e) for e in data.get("evidence", ()))
    return cls(**data)


def _clean_props(props: dict[str, Any], specs: Any, where: str) -> dict[str, Any]:
    declared = {p.name: p for p in specs}
    cleaned: dict[str, Any] = {}
    for name, raw in props.items():
        spec = declared.get(name)
        if spec is None:
            raise RecordError(Errors.G200.format(where=where, name=name))
        if raw is None:
            continue
        value = get_type(spec.type).clean(raw)
        if value is None:
            raise RecordError(Errors.G201.format(where=where, name=name, raw=raw, type=spec.type))
        if spec.values and value not in spec.values:
            raise RecordError(Errors.G202.format(where=where, name=name, value=value, values=", ".join(spec.values)))
        cleaned[name] = value
    for spec in specs:
        if spec.required and cleaned.get(spec.name) in (None, "", []):
            raise RecordError(Errors.G203.format(where=where, name=spec.name))
    return cleaned


def validate_node(record: NodeRecord, schema: Schema) -> NodeRecord:
    """The record with its properties cleaned, or RecordError naming the field.

    >>> from graph_schema.model import load_schema
    >>> validate_node(NodeRecord("Phone", "622-1234", {}), load_schema()).key
    '+5016221234'
    """
    if record.label not in schema.nodes:
        raise RecordError(Errors.G204.format(label=record.label))
    spec = schema.nodes[record.label]
    props = _clean_props({**record.props, spec.key: record.key}, spec.properties, record.label)
    return replace(record, key=props[spec.key], props=props)


def validate_rel(record: RelRecord, schema: Schema) -> RelRecord:
    """The relationship with its properties cleaned; endpoints must be allowed by the schema."""
    if record.type not in schema.relationships:
        raise RecordError(Errors.G205.format(type=record.type))
    spec = schema.relationships[record.type]
    if record.source_label not in spec.source:
        raise RecordError(Errors.G206.format(type=record.type, end="source", label=record.source_label,
                                              labels=", ".join(spec.source)))
    if record.target_label not in spec.target:
        raise RecordError(Errors.G206.format(type=record.type, end="target", label=record.target_label,
                                              labels=", ".join(spec.target)))
    if not record.source_key or not record.target_key:
        raise RecordError(Errors.G207.format(type=record.type))
    props = _clean_props({**record.props, "id": record.id}, spec.properties, record.type)
    props.pop("id")
    return replace(record, props=props)
