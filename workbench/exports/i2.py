"""i2 Analyst's Notebook: entity and link CSVs, with the import specification beside them.

Calls and payments are links between the phones, accounts and people at their two ends (one row
per event: date, time, duration or amount, direction); an event with a side missing stays an
entity. Each link row names both ends' type and label too, so ``links.csv`` alone also imports.
``i2_import_specification.json`` and ``.txt`` say which column is identity, type, label, date,
time and direction (Analyst's Notebook's own ``.ximp`` format is unpublished). Every cell passes
``views.text.csv_cell``: no cell can start a spreadsheet formula. Which i2 entity type a label
exports as is the node file's ``i2_type`` (:func:`i2_types`), so a new label needs no edit here.
"""
from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import networkx as nx

from graph_schema import NodeSpec, Schema, load_schema
from workbench.exports.files import write_csv, write_file
from workbench.exports.flat import day, evidence_rows, flat, items
from workbench.views.events import event_links
from workbench.views.pseudonyms import node_label_of, pseudonymize

__all__ = ["to_i2_csv", "i2_specification", "i2_types", "ENTITY_COLUMNS", "LINK_COLUMNS", "I2_TYPES",
           "I2_SPEC_FILES", "IDENTIFIER_I2_TYPE"]

ENTITY_COLUMNS = ["id", "type", "label", "role", "agency", "rank", "evidence_count", "first_seen", "last_seen", "i2_type"]
LINK_COLUMNS = ["from", "to", "type", "evidence_count", "first_seen", "last_seen", "confidence", "top_sentence",
                "top_note_id", "id", "date", "time", "duration_s", "amount", "currency", "channel", "direction",
                "from_type", "from_label", "to_type", "to_label"]
#: Written beside the CSVs by :func:`to_i2_csv`.
I2_SPEC_FILES = ("i2_import_specification.json", "i2_import_specification.txt")
#: What an identifier whose node file names no ``i2_type`` exports as: i2's standard Document
#: type (as an identity document does), so the import needs no custom type.
IDENTIFIER_I2_TYPE = "Document"


def i2_types(schema: Schema | None = None) -> dict[str, str]:
    """Schema label -> i2 Analyst's Notebook entity type, for the labels analysts see: the node
    file's ``i2_type``; else ``IDENTIFIER_I2_TYPE`` for an identifier, the label itself otherwise.

    >>> types = i2_types()
    >>> types["Phone"], types["Organization"]
    ('Telephone', 'Organisation')
    """
    schema = schema or load_schema()
    return {label: _i2_type(schema.node(label)) for label in schema.entity_labels}


def _i2_type(spec: NodeSpec) -> str:
    return spec.i2_type or (IDENTIFIER_I2_TYPE if spec.kind == "identifier" else spec.label)


class _SchemaI2Types(Mapping[str, str]):
    """:func:`i2_types` as a read-only mapping, read from the schema when asked (never at import):
    ``I2_TYPES`` stays a name because ``workbench.exports`` re-exports it."""

    def __getitem__(self, label: str) -> str:
        return i2_types()[label]

    def __iter__(self) -> Iterator[str]:
        return iter(i2_types())

    def __len__(self) -> int:
        return len(i2_types())


#: Schema label -> i2 entity type (:func:`i2_types` of the package's schema).
I2_TYPES: Mapping[str, str] = _SchemaI2Types()


def _entity_row(n: Any, d: dict[str, Any], types: Mapping[str, str]) -> dict[str, Any]:
    row = {k: v for k, v in d.items() if k not in ("label", "name", "key")}
    kind = node_label_of(n, d) or ""
    row.update(id=n, type=kind, label=d.get("name") or n, i2_type=types.get(kind, kind or "Entity"))
    return row


def _link_row(F: nx.Graph, u: Any, v: Any, k: Any, d: dict[str, Any]) -> dict[str, Any]:
    reasons = d.get("reasons")
    kind = d.get("type") or (", ".join(json.loads(reasons)) if isinstance(reasons, str) and reasons.startswith("{") else "")
    return {"from": u, "to": v, "type": kind or "link",
            "evidence_count": d.get("evidence_count", d.get("weight", "")), "first_seen": d.get("first_seen", ""),
            "last_seen": d.get("last_seen", ""), "confidence": d.get("confidence", ""),
            "top_sentence": d.get("top_sentence", ""), "top_note_id": d.get("top_note_id", ""),
            "id": d.get("id") or (k if k is not None else ""), "date": day(d.get("first_seen")) or "",
            "direction": "forward" if F.is_directed() else "none", **_ends(F, u, v)}


def _ends(F: nx.Graph, u: Any, v: Any) -> dict[str, Any]:
    return {"from_type": node_label_of(u, F.nodes[u]) or "", "from_label": F.nodes[u].get("name") or u,
            "to_type": node_label_of(v, F.nodes[v]) or "", "to_label": F.nodes[v].get("name") or v}


def _event_row(F: nx.Graph, sender: Any, receiver: Any, e: dict[str, Any]) -> dict[str, Any]:
    ev = evidence_rows(e.get("evidence"))
    return {"from": sender, "to": receiver, "type": e["type"], "evidence_count": e.get("evidence_count") or 1,
            "first_seen": e.get("date") or "", "last_seen": e.get("date") or "", "confidence": "",
            "top_sentence": ev[0]["sentence"] if ev else "", "top_note_id": (ev[0]["note_id"] or "") if ev else "",
            "id": e["id"], "date": e.get("date") or "", "time": e.get("time") or "", "duration_s": e.get("duration_s", ""),
            "amount": e.get("amount", ""), "currency": e.get("currency", ""), "channel": e.get("channel", ""),
            "direction": "forward", **_ends(F, sender, receiver)}


def i2_specification(entity_columns: list[str]) -> dict[str, Any]:
    """The import specification shipped beside the CSVs: which column plays which part in i2.

    Analyst's Notebook's own ``.ximp`` files are an unpublished format, so the specification is
    this plain mapping (also written as step-by-step text), one import design per file.
    """
    return {
        "format": "trafficking-workbench i2 import specification", "version": 1,
        "encoding": "UTF-8", "delimiter": ",", "quote": '"', "header_rows": 1, "date_format": "yyyy-MM-dd",
        "time_format": "HH:mm:ss", "entity_types": i2_types(),
        "designs": [
            {"file": "entities.csv", "kind": "entity", "identity": "id", "type": "i2_type", "label": "label",
             "attributes": [c for c in entity_columns if c not in ("id", "i2_type", "label")]},
            {"file": "links.csv", "kind": "entity-link-entity",
             "end1": {"identity": "from", "type": "from_type", "label": "from_label"},
             "end2": {"identity": "to", "type": "to_type", "label": "to_label"},
             "link": {"identity": "id", "type": "type", "label": "type", "date": "date", "time": "time",
                      "direction": "direction", "directions": {"forward": "Arrow on head", "none": "No arrow"},
                      "attributes": ["duration_s", "amount", "currency", "channel", "evidence_count", "first_seen",
                                     "last_seen", "confidence", "top_sentence", "top_note_id"]}},
        ],
        "note": "Import entities.csv first, then links.csv; links match entities by identity (from/to = id). "
                "CALLED links are calls (duration_s in seconds), PAID links payments (amount, currency, channel). "
                "A cell that began with = + - @ starts with an apostrophe, as spreadsheets expect.",
    }


def _spec_text(spec: dict[str, Any]) -> str:
    ent, link = spec["designs"]
    lines = ["i2 Analyst's Notebook: importing this case", "",
             "File > Import Data > entities.csv (comma separated, UTF-8, first row is a header).",
             f"  Entity: identity = '{ent['identity']}', type = '{ent['type']}', label = '{ent['label']}';",
             f"  attributes: {', '.join(ent['attributes'])}.", "",
             "Then links.csv with an Entity - Link - Entity design:",
             f"  End 1: identity '{link['end1']['identity']}', type '{link['end1']['type']}', label '{link['end1']['label']}'.",
             f"  End 2: identity '{link['end2']['identity']}', type '{link['end2']['type']}', label '{link['end2']['label']}'.",
             f"  Link: type and label '{link['link']['type']}', date '{link['link']['date']}' ({spec['date_format']}), "
             f"time '{link['link']['time']}' ({spec['time_format']}),",
             "        direction 'direction' (forward = arrow on head, none = no arrow);",
             f"        attributes: {', '.join(link['link']['attributes'])}.", "",
             "Entity types: " + "; ".join(f"{k} -> {v}" for k, v in spec["entity_types"].items()) + ".", "",
             spec["note"], ""]
    return "\n".join(lines)


def to_i2_csv(G: nx.Graph, directory: str | Path, *, reveal: bool = False) -> tuple[Path, Path]:
    """Write ``entities.csv`` and ``links.csv`` for i2 Analyst's Notebook (UTF-8), with the import
    specification beside them (``i2_import_specification.json`` and ``.txt``).

    Entity columns start with ``ENTITY_COLUMNS`` (``label`` is the display name, ``type`` the
    schema label, ``i2_type`` the i2 entity type), then any other attribute; link columns are
    ``LINK_COLUMNS``. Calls and payments with both ends known are link rows, not entities.
    """
    directory = Path(directory)
    H, _ = pseudonymize(G, reveal=reveal)
    events = list(event_links(H))
    folded = {e["id"] for *_, e in events}
    F = flat(H.subgraph([n for n in H if str(n) not in folded]).copy())
    types = i2_types()
    entities = [_entity_row(n, d, types) for n, d in F.nodes(data=True)]
    extra = sorted({k for row in entities for k in row} - set(ENTITY_COLUMNS) - {"evidence"})
    links = [_link_row(F, u, v, k, d) for u, v, k, d in items(F)]
    links += [_event_row(F, s, r, e) for s, r, e in events if s in F and r in F]
    entities_path = write_csv(directory / "entities.csv", ENTITY_COLUMNS + extra, entities)
    links_path = write_csv(directory / "links.csv", LINK_COLUMNS, links)
    spec = i2_specification(ENTITY_COLUMNS + extra)
    json_spec, text_spec = (directory / name for name in I2_SPEC_FILES)
    write_file(json_spec, json.dumps(spec, indent=2, ensure_ascii=False).encode("utf-8"))
    write_file(text_spec, _spec_text(spec).encode("utf-8"))
    return entities_path, links_path
