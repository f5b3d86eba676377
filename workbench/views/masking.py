"""The protected copy of a graph: free text scrubbed, protected people by pseudonym, their numbers in no id.

Why its own module: :mod:`workbench.views.pseudonyms` decides who is protected and builds the
table (names, numbers, pseudonyms); this applies a table to a graph, for every output at once
(``pseudonymize``), or to the part of a big graph a view draws (``views.network`` builds the
table on the whole graph, reduces, then protects only what it shows). What is structure and what
is free text is decided here, once (:data:`STRUCTURAL`).
"""
from __future__ import annotations

import functools
import gc
from collections.abc import Callable
from typing import Any

import networkx as nx

from graph_schema import Schema, load_schema
from graph_schema.node_ids import node_key, node_label
from workbench.views.scrub import Pseudonyms

__all__ = ["protected_copy", "masked_ids", "node_label_of", "GRAPH_KEY", "STRUCTURAL"]

#: Where the workbench's projections carry the case's table (see ``views.pseudonyms``).
GRAPH_KEY = "protection"
#: Attributes that are structure, not free text: never scrubbed (an ``id`` naming an entity,
#: ``"Phone:..."``, is masked all the same).
STRUCTURAL = frozenset({
    "label", "key", "id", "type", "role", "agency", "rank", "first_seen", "last_seen", "date",
    "at", "method", "currency", "channel", "kind", "venue_type", "case_ids", "methods",
    "evidence_ids", "reasons", "pseudonym",
})


#: An evidence row's fields: only its sentence and its note (a cited file name) are free text.
_EVIDENCE_FIELDS = frozenset({"note_id", "sentence", "start", "end", "method", "confidence", "date", "edge_id",
                              "record", "superseded"})


def node_label_of(node: Any, data: dict[str, Any]) -> str | None:
    """The schema label of a node: its ``label`` attribute, or the ``Label:`` prefix of its id."""
    label = data.get("label")
    if label:
        return str(label)
    return node_label(str(node))


def _scrubbed(data: dict[str, Any], scrub: Callable[[Any], Any]) -> dict[str, Any]:
    """``data`` with every free-text value scrubbed, and every entity id in it (``"Phone:..."``:
    a folded link's ``id``, its events' ``from`` and ``to``) masked as :func:`masked_ids` masks
    the node; lists of records (evidence, events) likewise. Structure is kept; a copy only where
    something changed."""
    out = data
    for key, value in data.items():
        if type(value) is str:
            if key in STRUCTURAL and not (key == "id" and ":" in value):
                continue
            new: Any = scrub(value)
            if new is value or new == value:
                continue
        elif key in STRUCTURAL:
            continue
        elif key == "evidence" and isinstance(value, list):  # the hot case: one record per sentence
            new = [{**e, "sentence": scrub(e.get("sentence")), "note_id": scrub(e.get("note_id"))}
                   if type(e) is dict and set(e) <= _EVIDENCE_FIELDS else
                   _scrubbed(e, scrub) if isinstance(e, dict) else scrub(e) for e in value]
        elif isinstance(value, list):
            new = [_scrubbed(e, scrub) if isinstance(e, dict) else scrub(e) for e in value]
        else:
            continue
        if out is data:
            out = dict(data)
        out[key] = new
    return out


@functools.cache
def _identifier_labels() -> frozenset[str]:
    """The labels whose nodes a protected holder's identifiers are (``views.pseudonyms.identifier_masks``)."""
    schema = load_schema()
    return frozenset(label for label in schema.labels_of_kind("identifier") if schema.node(label).pseudonymize_mask)


def masked_ids(G: nx.Graph, table: Pseudonyms) -> dict[Any, str]:
    """Identifier node -> the id it has in a protected copy: a protected person's phone, document,
    account, handle or email is ``"Phone:[phone of Victim 3]"``, its number in no id or key.

    The new id is the old one scrubbed (so an id quoted in text, or in a person-network tie's
    ``via``, reads the same); masks are one per identifier, and a clash, which only two nodes
    written as the same number could make, gets a ``#2``.
    """
    out: dict[Any, str] = {}
    if not table.numbers and not table.replacements:
        return out
    taken: set[str] = set()
    for node, data in G.nodes(data=True):
        if not isinstance(node, str) or node_label_of(node, data) not in _identifier_labels():
            continue
        new = table.scrub(node)
        if new == node:
            continue
        base, k = new, 1
        while new in taken or new in G:
            k += 1
            new = f"{base} #{k}"
        taken.add(new)
        out[node] = new
    return out


def protected_copy(G: nx.Graph, table: Pseudonyms, schema: Schema | None = None) -> tuple[nx.Graph, dict[Any, str]]:
    """``G`` protected with ``table`` as it is (``pseudonymize`` builds the table first), and the
    identifier ids it masked (:func:`masked_ids`).

    For a view of a part of a big graph: build the table on the whole graph once, cut the part,
    and protect only the part (``views.network`` does this after reducing).
    """
    schema = schema or load_schema()
    was_enabled = gc.isenabled()
    gc.disable()  # tens of thousands of fresh dicts and no cycle among them: no collection needed meanwhile
    try:
        return _copy(G, table, schema)
    finally:
        if was_enabled:
            gc.enable()


def _copy(G: nx.Graph, table: Pseudonyms, schema: Schema) -> tuple[nx.Graph, dict[Any, str]]:
    scrub, renamed = table.scrub, masked_ids(G, table)
    H = G.__class__()
    H.graph.update({k: v for k, v in G.graph.items() if k != GRAPH_KEY})
    nodes = []
    for node, data in G.nodes(data=True):
        new = _scrubbed(data, scrub)
        if node in table.mapping:
            spec = schema.nodes[node_label_of(node, data) or ""]
            new = {k: v for k, v in new.items() if k not in spec.pseudonymize_fields}
            new[spec.caption if spec.caption != spec.key else "name"] = table.mapping[node]
            new["name"] = table.mapping[node]
            new["pseudonym"] = True
        elif node in renamed:
            new = {**new, "key": node_key(renamed[node])}
        nodes.append((renamed.get(node, node), new))
    H.add_nodes_from(nodes)
    if G.is_multigraph():
        H.add_edges_from((renamed.get(u, u), renamed.get(v, v), scrub(k) if isinstance(k, str) and ":" in k else k,
                          _scrubbed(d, scrub)) for u, v, k, d in G.edges(keys=True, data=True))
    else:
        H.add_edges_from((renamed.get(u, u), renamed.get(v, v), _scrubbed(d, scrub)) for u, v, d in G.edges(data=True))
    return H, renamed
