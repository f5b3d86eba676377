"""Write resolved records to Neo4j: batched ``UNWIND $rows MERGE``, idempotent, resumable.

Why this shape: every id is deterministic (make_id of stable parts), every write is a MERGE on a
constrained key, and a note version's properties are set only when it is first created. So a
second ingest of the same folder changes nothing, and an ingest killed half-way and run again
ends in exactly the graph an uninterrupted run gives. Writes go in managed transactions
(``execute_write``), which the driver retries on transient errors. Order matters only for
speed and for MATCHes to succeed: case, notes, nodes, mentions, evidence, relationships, then
the relationship statistics that are derived from their Evidence nodes.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from neo4j import Driver

from graph_schema.model import Schema
from graph_schema.records import Mention, NodeRecord, Note, RelRecord, make_id
from workbench.store.cypher import write as q

__all__ = ["LoadStats", "PIPELINE_VERSION", "load_records"]

PIPELINE_VERSION = "workbench-0.1"


@dataclass
class LoadStats:
    notes: int = 0
    nodes: int = 0
    mentions: int = 0
    evidence: int = 0
    relationships: int = 0
    superseded_notes: int = 0
    by_label: dict[str, int] = field(default_factory=dict)


def _batches(rows: Sequence[dict[str, Any]], size: int) -> Iterator[Sequence[dict[str, Any]]]:
    for start in range(0, len(rows), size):
        yield rows[start:start + size]


def _note_row(note: Note, case_id: str | None) -> dict[str, Any]:
    props = {"path": note.path, "case_id": note.case_id or case_id, "type": note.type, "date": note.date,
             "author": note.author, "title": note.title, "encoding": note.encoding}
    props = {k: v for k, v in props.items() if v is not None}
    return {"id": note.id, "path": note.path, "case_id": props.get("case_id"), "props": props,
            "part_of_id": make_id("PART_OF", note.id, props.get("case_id"))}


def _mention_row(mention: Mention, label: str, key: str, case_id: str | None) -> dict[str, Any]:
    props = {"note_id": mention.note_id, "text": mention.text, "start": mention.start, "end": mention.end,
             "sentence": mention.sentence, "method": mention.method, "confidence": mention.confidence}
    if case_id:
        props["case_id"] = case_id
    return {"id": mention.id, "entity_id": key, "entity_label": label, "props": props}


def _evidence_rows(rel: RelRecord, note_case: dict[str, str | None], note_date: dict[str, str | None]
                   ) -> list[dict[str, Any]]:
    rows = []
    for ev in rel.evidence:
        props = {"rel_id": rel.id, "rel_type": rel.type, "note_id": ev.note_id, "sentence": ev.sentence,
                 "start": ev.start, "end": ev.end, "method": ev.method, "confidence": ev.confidence,
                 "case_id": ev.case_id or note_case.get(ev.note_id),
                 "date": ev.date or note_date.get(ev.note_id)}
        rows.append({"id": make_id(ev.id, rel.id), "props": {k: v for k, v in props.items() if v is not None}})
    return rows


class _Writer:
    def __init__(self, driver: Driver, database: str, batch_size: int) -> None:
        self.driver, self.database, self.batch_size = driver, database, batch_size

    def write(self, cypher: str, rows: Sequence[dict[str, Any]], **params: Any) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []

        def work(tx: Any, batch: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
            return [record.data() for record in tx.run(cypher, rows=batch, **params)]

        with self.driver.session(database=self.database) as session:
            for batch in _batches(rows, self.batch_size):
                out.extend(session.execute_write(work, list(batch)))
        return out

    def refresh(self, schema: Schema, ids_by_type: dict[str, set[str]]) -> None:
        with self.driver.session(database=self.database) as session:
            for rel_type, ids in sorted(ids_by_type.items()):
                ordered = sorted(ids)
                for start in range(0, len(ordered), self.batch_size):
                    batch = ordered[start:start + self.batch_size]
                    session.execute_write(
                        lambda tx, b=batch, t=rel_type: tx.run(q.refresh_rel_stats(schema, t), ids=b).consume())


def load_records(driver: Driver, schema: Schema, *, notes: Iterable[Note], nodes: Iterable[NodeRecord],
                 mentions: Iterable[tuple[Mention, str, str]], rels: Iterable[RelRecord],
                 case_id: str | None = None, database: str = "neo4j", batch_size: int = 1000,
                 pipeline_version: str = PIPELINE_VERSION) -> LoadStats:
    """Write one ingest run's records; safe to repeat and to resume after a crash."""
    writer = _Writer(driver, database, batch_size)
    stats = LoadStats()
    now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    note_rows = [_note_row(n, case_id) for n in notes]
    note_case = {row["id"]: row["case_id"] for row in note_rows}
    note_date = {row["id"]: row["props"].get("date") for row in note_rows}
    for case in sorted({c for c in note_case.values() if c} | ({case_id} if case_id else set())):
        driver.execute_query(q.merge_case(), case_id=case, name=case, database_=database)
    writer.write(q.merge_notes(), note_rows, ingested_at=now, pipeline_version=pipeline_version)
    stats.notes = len(note_rows)
    touched: dict[str, set[str]] = defaultdict(set)
    for row in writer.write(q.supersede_old_versions(), note_rows):
        touched[row["type"]].add(row["id"])
    by_label: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for node in nodes:
        by_label[node.label].append({"id": node.key, "props": node.props})
    for label, rows in sorted(by_label.items()):
        writer.write(q.merge_nodes(schema, label), rows)
        stats.by_label[label] = len(rows)
        stats.nodes += len(rows)
    mention_rows, edge_rows = [], defaultdict(dict)  # type: ignore[var-annotated]
    for mention, label, key in mentions:
        mention_rows.append(_mention_row(mention, label, key, note_case.get(mention.note_id, case_id)))
        edge_id = make_id("MENTIONS", mention.note_id, label, key)
        edge_rows[label][edge_id] = {"id": edge_id, "note_id": mention.note_id, "entity_id": key}
    writer.write(q.merge_mentions(), mention_rows)
    for label, rows_by_id in sorted(edge_rows.items()):
        writer.write(q.merge_mentions_edges(schema, label), list(rows_by_id.values()))
    stats.mentions = len(mention_rows)
    rel_groups: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    evidence_rows: list[dict[str, Any]] = []
    for rel in rels:
        rel_groups[(rel.type, rel.source_label, rel.target_label)].append(
            {"id": rel.id, "source": rel.source_key, "target": rel.target_key, "props": rel.props})
        evidence_rows.extend(_evidence_rows(rel, note_case, note_date))
        touched[rel.type].add(rel.id)
    writer.write(q.merge_evidence(), evidence_rows)
    stats.evidence = len(evidence_rows)
    for (rel_type, source, target), rows in sorted(rel_groups.items()):
        writer.write(q.merge_rels(schema, rel_type, source, target), rows)
        stats.relationships += len(rows)
    writer.refresh(schema, touched)
    return stats
