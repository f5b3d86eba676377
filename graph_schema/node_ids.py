"""Node ids of the projections: ``"Label:key"``, formatted and parsed here and nowhere else.

Why one module: a projected node's id is its label and its key (``Phone:+5016221234``,
``Person:4edfb8925a4311ca59a6790d``), so a phone and a person never collide in one graph. Keys may
hold colons themselves (``Handle:facebook:flaco``, ``IdDocument:passport:P123``), so only a prefix
that is a declared label is a label; anything else is a bare key. Every layer (store, projection,
views, flags, the API) formats and reads ids through these functions.

>>> node_id("Phone", "+5016221234")
'Phone:+5016221234'
>>> split_node_id("Handle:facebook:flaco")
('Handle', 'facebook:flaco')
>>> split_node_id("facebook:flaco")
(None, 'facebook:flaco')
>>> node_key("Person:abc"), node_label("Person:abc"), node_label("abc")
('abc', 'Person', None)
"""
from __future__ import annotations

from graph_schema.model import Schema, load_schema

__all__ = ["node_id", "node_key", "node_label", "split_node_id"]


def node_id(label: str, key: str) -> str:
    """The projection's id of the entity ``key`` of ``label``."""
    return f"{label}:{key}"


def split_node_id(text: str, schema: Schema | None = None) -> tuple[str | None, str]:
    """(label, key) of ``Label:key``; a text whose prefix is no declared label is a bare key: (None, text)."""
    label, sep, key = str(text).partition(":")
    if sep and label in (schema or load_schema()).nodes:
        return label, key
    return None, str(text)


def node_key(text: str, schema: Schema | None = None) -> str:
    """The key of ``Label:key`` (a bare key as it is)."""
    return split_node_id(text, schema)[1]


def node_label(text: str, schema: Schema | None = None) -> str | None:
    """The label of ``Label:key``, or None for a bare key."""
    return split_node_id(text, schema)[0]
