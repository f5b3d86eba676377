"""One small factory for records in tests: ``r("Person", name="Carlos Reyes", role="suspect")``."""
from __future__ import annotations

from typing import Any

from graph_schema.records import Evidence, NodeRecord, RelRecord, make_id


def r(label: str, key: str | None = None, **props: Any) -> NodeRecord:
    """A NodeRecord; the key defaults to make_id(label, name)."""
    key = key or make_id(label, props.get("name", ""))
    return NodeRecord(label=label, key=key, props=props)


def ev(note_id: str = "note-1", sentence: str = "A sentence.", start: int = 0, end: int | None = None,
       method: str = "test", **extra: Any) -> Evidence:
    return Evidence(note_id=note_id, sentence=sentence, start=start,
                    end=len(sentence) if end is None else end, method=method, **extra)


def rel(rel_type: str, source: NodeRecord, target: NodeRecord, *evidence: Evidence, **props: Any) -> RelRecord:
    return RelRecord(type=rel_type, source_label=source.label, source_key=source.key,
                     target_label=target.label, target_key=target.key,
                     evidence=tuple(evidence) or (ev(),), props=props)
