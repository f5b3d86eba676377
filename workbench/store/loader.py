"""Write resolved records to Neo4j: batched ``UNWIND $rows MERGE``, idempotent, resumable.

Why this shape: every id is deterministic (make_id of stable parts), every write is a MERGE on a
constrained key, and a note version's properties are set only when it is first created. So a
second ingest of the same folder changes nothing, and an ingest killed half-way and run again
ends in exactly the graph an uninterrupted run gives. Writes go in managed transactions
(``execute_write``), which the driver retries on transient errors. Order matters only for
speed and for MATCHes to succeed: case, notes, nodes, mentions, evidence, relationships, then
the relationship statistics that are derived from their Evidence nodes.

``Loader`` takes the stages one call at a time so the pipeline can stream each note's mentions
and evidence sentences (``Loader.note_facts``) in batches instead of holding a whole case;
``load_records`` is the same for records already in memory.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from neo4j import Driver

from graph_schema.model import Schema
from graph_schema.records import Evidence, Mention, NodeRecord, Note, RelRecord, make_id
from workbench.store.cypher import write as q

__all__ = ["LoadStats", "Loader", "PIPELINE_VERSION", "load_records"]

PIPELINE_VERSION = "workbench-0.1"


@dataclass
class LoadStats:
    notes: int = 0
    nodes: int = 0
    mentions: int = 0
    evidence: int = 0
    relationships: int = 0
    superseded_notes: int = 0
    retired_evidence: int = 0  # evidence of unchanged notes that the pipeline no longer reads
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


def _evidence_row(rel_id: str, rel_type: str, ev: Evidence, case_id: str | None,
                  date: str | None) -> dict[str, Any]:
    props = {"rel_id": rel_id, "rel_type": rel_type, "note_id": ev.note_id, "sentence": ev.sentence,
             "start": ev.start, "end": ev.end, "method": ev.method, "confidence": ev.confidence,
             "case_id": ev.case_id or case_id, "date": ev.date or date}
    return {"id": make_id(ev.id, rel_id), "props": {k: v for k, v in props.items() if v is not None}}


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


class Loader:
    """One ingest run's writes, stage by stage: ``notes``, ``nodes``, ``note_facts`` (any number
    of times), ``rels``, then ``finish``. Note facts are buffered and written a batch at a time;
    ``touched`` keeps only what must be refreshed at the end (the relationships resolution
    merged across notes and the types of superseded note versions)."""

    def __init__(self, driver: Driver, schema: Schema, *, case_id: str | None = None, database: str = "neo4j",
                 batch_size: int = 1000, pipeline_version: str = PIPELINE_VERSION) -> None:
        self.driver, self.schema, self.case_id, self.database = driver, schema, case_id, database
        self.pipeline_version = pipeline_version
        self.writer = _Writer(driver, database, batch_size)
        self.batch_size = batch_size
        self.stats = LoadStats()
        self.note_case: dict[str, str | None] = {}
        self.note_date: dict[str, str | None] = {}
        self.touched: dict[str, set[str]] = defaultdict(set)
        self._mentions: list[dict[str, Any]] = []
        self._edges: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
        self._evidence: dict[str, dict[str, Any]] = {}
        self._kept: dict[str, tuple[set[str], set[str]]] = defaultdict(lambda: (set(), set()))
        self._done: list[dict[str, Any]] = []
        self._nodes: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
        self._rels: dict[tuple[str, str, str], dict[str, dict[str, Any]]] = defaultdict(dict)

    def notes(self, notes: Iterable[Note]) -> None:
        """The case and the Note nodes, and older versions of the same files marked superseded."""
        now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        note_rows = [_note_row(n, self.case_id) for n in notes]
        for row in note_rows:
            self.note_case[row["id"]], self.note_date[row["id"]] = row["case_id"], row["props"].get("date")
        cases = {c for c in self.note_case.values() if c} | ({self.case_id} if self.case_id else set())
        for case in sorted(cases):
            self.driver.execute_query(q.merge_case(), case_id=case, name=case, database_=self.database)
        self.writer.write(q.merge_notes(), note_rows, ingested_at=now, pipeline_version=self.pipeline_version)
        self.stats.notes += len(note_rows)
        for row in self.writer.write(q.supersede_old_versions(), note_rows):
            self.touched[row["type"]].add(row["id"])

    def nodes(self, nodes: Iterable[NodeRecord]) -> None:
        by_label: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for node in nodes:
            by_label[node.label].append({"id": node.key, "props": node.props})
        self._write_nodes(by_label)

    def note_facts(self, mentions: Iterable[tuple[Mention, str, str]], evidence: Iterable[tuple[str, str, Evidence]],
                   *, nodes: Iterable[NodeRecord] = (), rels: Iterable[RelRecord] = ()) -> None:
        """A note's mentions (with their note-to-entity edges), relationship evidence, and the
        nodes and relationships only it holds (its payments and calls), buffered."""
        for node in nodes:
            self._nodes[node.label][node.key] = {"id": node.key, "props": node.props}
        for mention, label, key in mentions:
            case = self.note_case.get(mention.note_id, self.case_id)
            self._mentions.append(_mention_row(mention, label, key, case))
            self._kept[mention.note_id][0].add(mention.id)
            edge_id = make_id("MENTIONS", mention.note_id, label, key)
            self._edges[label][edge_id] = {"id": edge_id, "note_id": mention.note_id, "entity_id": key}
            self._flush_when_full()
        for rel_id, rel_type, ev in evidence:
            row = _evidence_row(rel_id, rel_type, ev, self.note_case.get(ev.note_id), self.note_date.get(ev.note_id))
            self._evidence[row["id"]] = row
            self._kept[ev.note_id][1].add(row["id"])
            self._flush_when_full()
        for rel in rels:  # after the evidence: a flush writes a relationship with all of its evidence
            self._rels[(rel.type, rel.source_label, rel.target_label)][rel.id] = {
                "id": rel.id, "source": rel.source_key, "target": rel.target_key, "props": rel.props}
        self._flush_when_full()

    def note_done(self, note_id: str) -> None:
        """Every fact of this note has been given: what it held before and no longer reads is
        retired at the next flush (after the note's facts are written)."""
        mentions, evidence = self._kept.pop(note_id, (set(), set()))
        self._done.append({"note_id": note_id, "mention_ids": sorted(mentions), "evidence_ids": sorted(evidence)})
        self._flush_when_full()

    def _flush_when_full(self) -> None:
        """Write the buffers once one holds a batch (a CSV export is one note of thousands of rows)."""
        buffers = [self._mentions, self._evidence, self._done, *self._edges.values(), *self._nodes.values(),
                   *self._rels.values()]
        if max(map(len, buffers)) >= self.batch_size:
            self._flush()

    def _flush(self) -> None:
        """Nodes first (mention edges and relationships MATCH them), relationships last; the
        relationships written here get their evidence statistics now, so no list of them grows."""
        self._write_nodes({label: list(rows.values()) for label, rows in self._nodes.items()})
        self.writer.write(q.merge_mentions(), self._mentions)
        self.stats.mentions += len(self._mentions)
        for label, rows_by_id in sorted(self._edges.items()):
            self.writer.write(q.merge_mentions_edges(self.schema, label), list(rows_by_id.values()))
        self.writer.write(q.merge_evidence(), list(self._evidence.values()))
        self.stats.evidence += len(self._evidence)
        written = self._write_rels({k: list(rows.values()) for k, rows in self._rels.items()})
        for row in self.writer.write(q.retire_stale_facts(), self._done, pipeline_version=self.pipeline_version):
            written[row["type"]].add(row["id"])
            self.stats.retired_evidence += 1
        self.writer.refresh(self.schema, written)
        self._mentions, self._edges, self._evidence, self._done = [], defaultdict(dict), {}, []
        self._nodes, self._rels = defaultdict(dict), defaultdict(dict)

    def _write_nodes(self, by_label: dict[str, list[dict[str, Any]]]) -> None:
        for label, rows in sorted(by_label.items()):
            self.writer.write(q.merge_nodes(self.schema, label), rows)
            self.stats.by_label[label] = self.stats.by_label.get(label, 0) + len(rows)
            self.stats.nodes += len(rows)

    def _write_rels(self, groups: dict[tuple[str, str, str], list[dict[str, Any]]]) -> dict[str, set[str]]:
        written: dict[str, set[str]] = defaultdict(set)
        for (rel_type, source, target), rows in sorted(groups.items()):
            self.writer.write(q.merge_rels(self.schema, rel_type, source, target), rows)
            self.stats.relationships += len(rows)
            written[rel_type].update(row["id"] for row in rows)
        return written

    def rels(self, rels: Iterable[RelRecord]) -> None:
        """The relationships themselves (after every note's facts, so their evidence exists)."""
        self._flush()
        groups: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
        for rel in rels:
            groups[(rel.type, rel.source_label, rel.target_label)].append(
                {"id": rel.id, "source": rel.source_key, "target": rel.target_key, "props": rel.props})
        for rel_type, ids in self._write_rels(groups).items():
            self.touched[rel_type] |= ids

    def finish(self) -> LoadStats:
        """Write what is buffered and derive every touched relationship's evidence statistics."""
        self._flush()
        self.writer.refresh(self.schema, self.touched)
        return self.stats


def load_records(driver: Driver, schema: Schema, *, notes: Iterable[Note], nodes: Iterable[NodeRecord],
                 mentions: Iterable[tuple[Mention, str, str]], rels: Iterable[RelRecord],
                 case_id: str | None = None, database: str = "neo4j", batch_size: int = 1000,
                 pipeline_version: str = PIPELINE_VERSION) -> LoadStats:
    """Write one ingest run's records; safe to repeat and to resume after a crash."""
    loader = Loader(driver, schema, case_id=case_id, database=database, batch_size=batch_size,
                    pipeline_version=pipeline_version)
    rels = list(rels)
    loader.notes(notes)
    loader.nodes(nodes)
    loader.note_facts(mentions, ((rel.id, rel.type, ev) for rel in rels for ev in rel.evidence))
    loader.rels(rels)
    return loader.finish()
