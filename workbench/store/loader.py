"""Write resolved records to Neo4j: batched ``UNWIND $rows``, idempotent, resumable, each fact once.

Why this shape: every id is deterministic (make_id of stable parts), every write is keyed on a
constrained id, and a note version's properties are set only when it is first created. So a
second ingest of the same folder changes nothing, and an ingest killed half-way and run again
ends in exactly the graph an uninterrupted run gives. Order matters only for MATCHes to
succeed: case, notes, nodes, facts, mentions, evidence, relationships. Facts are what resolution
states without evidence rows of their own (``Loader.facts``): what each case says of each entity
(``IN_CASE``) and each note's author (``AUTHORED_BY``).

Two paths, one graph. A run that begins on a database with no Mention, no Evidence and no
relationship (a first load: ``FRESH_DATABASE``) knows every fact id is new, so it ``CREATE``s
each one the first time the run gives it, and it computes each relationship's evidence
statistics in Python from the run's own evidence (nothing else can support it) and writes them
in the statement that writes the relationship; there is nothing to retire. Any other run (a
second ingest, a resumed crash, a new folder for a known case) ``MERGE``s, retires what it no
longer reads and derives the statistics of what it touched from the stored Evidence nodes
(``refresh_rel_stats``), as before. Both give the same properties: the integration tests compare
a resumed run's graph with a fresh one's. Each flush of the buffers is one managed transaction
(``execute_write``, retried on transient errors) of up to ``TX_BATCHES`` batches: a round trip
and a commit are the costly part of a small write. On the first-load path a flush is written in
background threads while the next is built (``Writer.submit``): its relationships and edges in
one transaction and, at the same time, its Mention and Evidence nodes in another (they link to
nothing, so neither waits for the other's locks); each kind commits in the order given.
Only one ingest writes to a database at a time.

``Loader`` takes the stages one call at a time so the pipeline can stream each note's mentions
and evidence sentences (``Loader.note_facts``) in batches instead of holding a whole case;
``load_records`` is the same for records already in memory.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from neo4j import Driver

from graph_schema.model import Schema
from graph_schema.records import Evidence, Mention, NodeRecord, Note, RelRecord, make_id
from workbench.store.cypher import write as q

__all__ = ["LoadStats", "Loader", "PIPELINE_VERSION", "Writer", "load_records", "rel_stats"]

PIPELINE_VERSION = "workbench-0.1"

Statement = tuple[str, Sequence[dict[str, Any]], dict[str, Any]]

#: Batches of rows per transaction of buffered facts (``Loader._flush``): see ``Writer``.
TX_BATCHES = 10

#: Transactions the first-load path has in flight at once (``Writer.submit``): the relationships
#: and edges, and beside them the Mention and Evidence nodes, which nothing else in the run links.
LANES = 2


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


def _batches(rows: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
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


def support_of(evidence_row: dict[str, Any]) -> dict[str, Any]:
    """The properties of an Evidence row that its relationship's statistics are derived from."""
    return {k: evidence_row["props"].get(k) for k in ("confidence", "date", "method", "case_id")}


def rel_stats(support: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """A relationship's evidence statistics from its live Evidence properties by id: what
    ``refresh_rel_stats`` derives in Cypher, value for value (same order, same types).

    >>> rel_stats({"b": {"confidence": 0.5, "date": "2026-02-01", "method": "m1", "case_id": "C"},
    ...            "a": {"confidence": 0.9, "method": "m2", "case_id": "C"}})["methods"]
    ['m2', 'm1']
    """
    confidence, first, last, methods, cases = 0.0, None, None, [], []
    for ev_id in sorted(support):
        ev = support[ev_id]
        conf, date, method, case = ev.get("confidence"), ev.get("date"), ev.get("method"), ev.get("case_id")
        confidence = conf if conf is not None and conf > confidence else confidence
        first = date if date is not None and (first is None or date < first) else first
        last = date if date is not None and (last is None or date > last) else last
        methods += [] if method in methods else [method]
        cases += [] if case is None or case in cases else [case]
    return {"evidence_ids": sorted(support), "evidence_count": len(support), "retired": not support,
            "confidence": confidence, "first_seen": first, "last_seen": last, "methods": methods,
            "case_ids": cases}


class Writer:
    """Statements to Neo4j, a transaction per call: ``unit`` runs statements in one transaction, each
    statement's rows in ``UNWIND`` batches of ``batch_size``; ``write`` is one statement, a
    transaction per batch; ``submit`` is ``unit`` in a background thread.

    Why a transaction holds several batches: on this server a statement costs a round trip and a
    commit another, whatever its rows (about 10 ms each on a loaded two-core machine, measured),
    and a flush writes some forty statements (one per label and relationship type), most of a
    few rows. Committing ``TX_BATCHES`` batches at a time instead of one cut the statements of a
    cold 1,000-note ingest from 528 to 241 and its transactions from 83 to 11 (issue 16).

    Why ``submit``: a flush whose results are not needed (the first-load path's) is written while
    the caller builds the next one (resolving the next notes' mentions, reading them from the
    cache), so Python and Neo4j work at the same time instead of in turn. Each of its ``LANES``
    has one transaction in flight and commits in the order given; every other call waits for
    both first (``drain``), and raises what went wrong in them.

    Why two lanes: one transaction at a time kept one server thread busy, and the Mention and
    Evidence nodes are about half a first load's rows. Written beside the relationships, in a
    second transaction, they took the whole loader from 0.43-0.53x to 0.58-0.62x of the raw
    ``UNWIND`` rate on 50,000 relationships (``bench/bench_load.py``, issue 16); a third lane
    has nothing independent left to write.
    """

    def __init__(self, driver: Driver, database: str, batch_size: int) -> None:
        self.driver, self.database, self.batch_size = driver, database, batch_size
        self._lanes: list[ThreadPoolExecutor | None] = [None] * LANES
        self._pending: list[Future[Any] | None] = [None] * LANES

    def submit(self, statements: Sequence[Statement], alongside: Sequence[Statement] = ()) -> None:
        """``unit`` in the background, once the transaction submitted before it has committed; and
        ``alongside`` in a second transaction at the same time (after the one submitted
        alongside before it): statements that share no node with ``statements`` or with any
        statement of the run still to commit, so neither waits for the other's locks."""
        self._submit(0, statements)
        self._submit(1, alongside)

    def _submit(self, lane: int, statements: Sequence[Statement]) -> None:
        if not any(rows for _, rows, _ in statements):
            return
        self._wait(lane)
        pool = self._lanes[lane]
        if pool is None:
            pool = self._lanes[lane] = ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"loader-writer-{lane}")
        self._pending[lane] = pool.submit(self._unit, statements)

    def _wait(self, lane: int) -> None:
        pending, self._pending[lane] = self._pending[lane], None
        if pending is not None:
            pending.result()

    def drain(self) -> None:
        """Wait for the transactions in flight; raise the error of one that failed."""
        for lane in range(LANES):
            self._wait(lane)

    def close(self) -> None:
        try:
            self.drain()
        finally:
            for pool in self._lanes:
                if pool is not None:
                    pool.shutdown()
            self._lanes = [None] * LANES

    def unit(self, statements: Sequence[Statement]) -> list[list[dict[str, Any]]]:
        """The statements' result rows, one list per statement given (empty for one without rows)."""
        self.drain()
        return self._unit(statements)

    def _unit(self, statements: Sequence[Statement]) -> list[list[dict[str, Any]]]:
        if not any(rows for _, rows, _ in statements):
            return [[] for _ in statements]
        with self.driver.session(database=self.database) as session:
            return session.execute_write(self._run, statements)

    def _run(self, tx: Any, statements: Sequence[Statement]) -> list[list[dict[str, Any]]]:
        """The statements in the transaction ``tx``, each in ``UNWIND`` batches; their result rows."""
        out: list[list[dict[str, Any]]] = []
        for cypher, rows, params in statements:
            found: list[dict[str, Any]] = []
            for batch in _batches(rows, self.batch_size):
                result = tx.run(q.REUSE_PLAN + cypher, rows=list(batch), **params)
                found.extend(record.data() for record in result)
            out.append(found)
        return out

    def one(self, cypher: str, **params: Any) -> None:
        """One statement without rows (``params`` only), in a transaction of its own."""
        self.drain()
        self.driver.execute_query(cypher, database_=self.database, **params)

    def write(self, cypher: str, rows: Sequence[dict[str, Any]], **params: Any) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for batch in _batches(rows, self.batch_size):
            for result in self.unit([(cypher, batch, params)]):
                out.extend(result)
        return out

    def packed(self, statements: Sequence[Statement], size: int, *, background: bool = False) -> None:
        """Run the statements in order, as few transactions of about ``size`` rows each as hold them
        (a statement of more rows is cut into pieces of ``size``); their results are not needed.
        ``background``: each transaction is ``submit``ted (what runs alongside goes on)."""
        run = self.submit if background else self.unit
        unit: list[Statement] = []
        count = 0
        for cypher, rows, params in statements:
            for piece in _batches(rows, size):
                if unit and count + len(piece) > size:
                    run(unit)
                    unit, count = [], 0
                unit.append((cypher, piece, params))
                count += len(piece)
        run(unit)

    def refresh(self, schema: Schema, ids_by_type: dict[str, set[str]]) -> None:
        """Derive the statistics of these relationships from their Evidence, in one transaction."""
        self.drain()

        if any(ids_by_type.values()):
            with self.driver.session(database=self.database) as session:
                session.execute_write(self._refresh, schema, ids_by_type)

    def _refresh(self, tx: Any, schema: Schema, ids_by_type: dict[str, set[str]]) -> None:
        for rel_type, ids in sorted(ids_by_type.items()):
            for batch in _batches(sorted(ids), self.batch_size):
                tx.run(q.REUSE_PLAN + q.refresh_rel_stats(schema, rel_type), ids=list(batch)).consume()


class Loader:
    """One ingest run's writes, stage by stage: ``notes``, ``nodes``, ``note_facts`` (any number
    of times), ``note_done`` per note, ``rels``, then ``finish``. Note facts are buffered and
    written a batch at a time. On the merge path ``touched`` keeps what must be refreshed at the
    end; on the fresh path ``_support`` keeps each relationship's evidence properties (a few
    values per sentence, not the sentence) and ``_stale`` what gained some after it was written.
    ``writer``: where the statements go (``workbench.store.warmup`` rehearses a load with one that
    never commits)."""

    def __init__(self, driver: Driver, schema: Schema, *, case_id: str | None = None, database: str = "neo4j",
                 batch_size: int = 1000, pipeline_version: str = PIPELINE_VERSION,
                 writer: Writer | None = None) -> None:
        self.driver, self.schema, self.case_id, self.database = driver, schema, case_id, database
        self.pipeline_version = pipeline_version
        self.writer = writer or Writer(driver, database, batch_size)
        self.batch_size = batch_size
        self.stats = LoadStats()
        self.note_case: dict[str, str | None] = {}
        self.note_date: dict[str, str | None] = {}
        self.touched: dict[str, set[str]] = defaultdict(set)
        self.fresh: bool | None = None  # decided by the first stage (``_begin``)
        self._kept: dict[str, tuple[set[str], set[str], set[str]]] = defaultdict(lambda: (set(), set(), set()))
        self._done_notes: set[str] = set()
        self._support: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
        self._rel_types: dict[str, str] = {}  # relationships written in this run: id -> type
        self._stale: set[str] = set()
        self._clear()

    def _clear(self) -> None:
        self._mentions: list[dict[str, Any]] = []
        self._new_mentions: dict[str, dict[str, Any]] = {}
        self._edges: dict[tuple[bool, str], dict[str, dict[str, Any]]] = defaultdict(dict)
        self._evidence: dict[str, dict[str, Any]] = {}
        self._new_evidence: dict[str, dict[str, Any]] = {}
        self._done: list[dict[str, Any]] = []
        self._nodes: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
        self._rels: dict[tuple[str, str, str], dict[str, dict[str, Any]]] = defaultdict(dict)

    def _begin(self) -> bool:
        if self.fresh is None:
            records, _, _ = self.driver.execute_query(q.FRESH_DATABASE, database_=self.database)
            self.fresh = bool(records[0]["fresh"])
        return self.fresh

    def notes(self, notes: Iterable[Note]) -> None:
        """The case and the Note nodes, and older versions of the same files marked superseded."""
        self._begin()
        now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        note_rows = [_note_row(n, self.case_id) for n in notes]
        for row in note_rows:
            self.note_case[row["id"]], self.note_date[row["id"]] = row["case_id"], row["props"].get("date")
        cases = {c for c in self.note_case.values() if c} | ({self.case_id} if self.case_id else set())
        for case in sorted(cases):
            self.writer.one(q.merge_case(), case_id=case, name=case)
        for batch in _batches(note_rows, self.batch_size):
            _, superseded = self.writer.unit([
                (q.merge_notes(), batch, {"ingested_at": now, "pipeline_version": self.pipeline_version}),
                (q.supersede_old_versions(), batch, {})])
            for row in superseded:
                self.touched[row["type"]].add(row["id"])
        self.stats.notes += len(note_rows)

    def nodes(self, nodes: Iterable[NodeRecord]) -> None:
        self._begin()
        by_label: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for node in nodes:
            by_label[node.label].append({"id": node.key, "props": node.props})
        for label, rows in sorted(by_label.items()):
            self._count_nodes(label, len(rows))
        self.writer.packed([(q.merge_nodes(self.schema, label), rows, {}) for label, rows in sorted(by_label.items())],
                           self.batch_size * TX_BATCHES)

    def facts(self, records: Iterable[RelRecord], notes: Iterable[str] = ()) -> None:
        """Each entity's facts per case (``IN_CASE``) and each note's author (``AUTHORED_BY``), after
        ``nodes``; ``notes``: the run's note ids, whose authorship other than the run's is retired."""
        self._begin()
        groups: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
        for rec in records:
            groups[(rec.type, rec.source_label, rec.target_label)].append(
                {"id": rec.id, "source": rec.source_key, "target": rec.target_key, "props": rec.props})
        statements: list[Statement] = [(q.merge_facts(self.schema, rel_type, source, target), rows, {})
                                       for (rel_type, source, target), rows in sorted(groups.items())]
        authored = {row["source"]: row["id"] for (rel_type, _, _), rows in groups.items() if rel_type == "AUTHORED_BY"
                    for row in rows}
        statements.append((q.retire_other_authors(),
                           [{"note_id": n, "id": authored.get(n, "")} for n in sorted(set(notes))], {}))
        self.writer.packed(statements, self.batch_size * TX_BATCHES)

    def _count_nodes(self, label: str, n: int) -> None:
        self.stats.by_label[label] = self.stats.by_label.get(label, 0) + n
        self.stats.nodes += n

    def note_facts(self, mentions: Iterable[tuple[Mention, str, str]], evidence: Iterable[tuple[str, str, Evidence]],
                   *, nodes: Iterable[NodeRecord] = (), rels: Iterable[RelRecord] = ()) -> None:
        """A note's mentions (with their note-to-entity edges), relationship evidence, and the
        nodes and relationships only it holds (its payments and calls), buffered."""
        self._begin()
        for node in nodes:
            self._nodes[node.label][node.key] = {"id": node.key, "props": node.props}
        for mention, label, key in mentions:
            self._mention(_mention_row(mention, label, key, self.note_case.get(mention.note_id, self.case_id)),
                          mention.note_id)
            self._flush_when_full()
        for rel_id, rel_type, ev in evidence:
            row = _evidence_row(rel_id, rel_type, ev, self.note_case.get(ev.note_id), self.note_date.get(ev.note_id))
            self._add_evidence(row, ev.note_id, rel_id)
            self._flush_when_full()
        for rel in rels:  # after the evidence: a flush writes a relationship with all of its evidence
            self._rels[(rel.type, rel.source_label, rel.target_label)][rel.id] = {
                "id": rel.id, "source": rel.source_key, "target": rel.target_key, "props": rel.props}
        self._flush_when_full()

    def _new(self, note_id: str) -> bool:
        """Whether a fact of this note not yet given in this run is new to the database."""
        return bool(self.fresh) and note_id not in self._done_notes

    def _mention(self, row: dict[str, Any], note_id: str) -> None:
        kept = self._kept[note_id]
        if row["id"] in self._new_mentions:  # given twice before a flush: the last entity wins
            self._new_mentions[row["id"]].update(entity_id=row["entity_id"], entity_label=row["entity_label"])
        elif self._new(note_id) and row["id"] not in kept[0]:
            self._new_mentions[row["id"]] = row
        else:
            self._mentions.append(row)
        kept[0].add(row["id"])
        label, key = row["entity_label"], row["entity_id"]
        edge_id = make_id("MENTIONS", note_id, label, key)
        new_edge = self._new(note_id) and edge_id not in kept[2]
        if edge_id not in self._edges.get((True, label), {}):  # else: buffered to be created already
            self._edges[(new_edge, label)][edge_id] = {"id": edge_id, "note_id": note_id, "entity_id": key}
        kept[2].add(edge_id)

    def _add_evidence(self, row: dict[str, Any], note_id: str, rel_id: str) -> None:
        kept = self._kept[note_id][1]
        seen, ev_id = row["id"] in kept, row["id"]
        kept.add(ev_id)
        if not self.fresh:
            self._evidence[ev_id] = row
            return
        if ev_id in self._new_evidence or (self._new(note_id) and not seen):
            self._new_evidence[ev_id] = row  # given twice before a flush: the last wins, as with MERGE
        elif not seen:  # a note given again after its note_done: its evidence may be written
            self._evidence[ev_id] = row
        else:  # written already in this run: evidence is set only when it is created
            return
        self._support[rel_id][ev_id] = support_of(row)
        if rel_id in self._rel_types:
            self._stale.add(rel_id)

    def note_done(self, note_id: str) -> None:
        """Every fact of this note has been given: what it held before and no longer reads is
        retired at the next flush (after the note's facts are written)."""
        mentions, evidence, _ = self._kept.pop(note_id, (set(), set(), set()))
        self._done_notes.add(note_id)
        if not self.fresh:  # a fresh run wrote every fact its notes hold: nothing to retire
            self._done.append({"note_id": note_id, "mention_ids": sorted(mentions), "evidence_ids": sorted(evidence)})
        self._flush_when_full()

    def _flush_when_full(self) -> None:
        """Write the buffers once they hold ``TX_BATCHES`` batches of rows in all (a CSV export is
        one note of thousands of rows, so this is checked within a note too)."""
        buffers = [self._mentions, self._new_mentions, self._evidence, self._new_evidence, self._done,
                   *self._edges.values(), *self._nodes.values(), *self._rels.values()]
        if sum(map(len, buffers)) >= self.batch_size * TX_BATCHES:
            self._flush()

    def _flush(self) -> None:
        """Nodes first (mention edges and relationships MATCH them), then edges and relationships,
        in one transaction; the Mention and Evidence nodes in it too on the merge path, which then
        retires the stale facts and refreshes the statistics of the relationships written or
        retired, and in a second transaction alongside on the first-load path."""
        nodes: list[Statement] = []
        for label, rows in sorted(self._nodes.items()):
            nodes.append((q.merge_nodes(self.schema, label), list(rows.values()), {}))
            self._count_nodes(label, len(rows))
        standalone: list[Statement] = [  # nodes that link to nothing: their ids are properties
            (q.create_mentions(), list(self._new_mentions.values()), {}),
            (q.merge_mentions(), self._mentions, {}),
            (q.create_evidence(), list(self._new_evidence.values()), {}),
            (q.merge_evidence(), list(self._evidence.values()), {})]
        linked: list[Statement] = []
        for (new, label), edges in sorted(self._edges.items()):
            build = q.create_mentions_edges if new else q.merge_mentions_edges
            linked.append((build(self.schema, label), list(edges.values()), {}))
        written = self._rel_statements({k: list(rows.values()) for k, rows in self._rels.items()}, linked)
        if self.fresh:  # nothing to read back: written while the next batch is built
            self.writer.submit([*nodes, *linked], alongside=standalone)
            results: list[list[dict[str, Any]]] = []
        else:
            retire = (q.retire_stale_facts(), self._done, {"pipeline_version": self.pipeline_version})
            results = self.writer.unit([*nodes, *standalone, *linked, retire])
        if self._done:
            for row in results[-1]:
                written[row["type"]].add(row["id"])
                self.stats.retired_evidence += 1
        self.stats.mentions += len(self._mentions) + len(self._new_mentions)
        self.stats.evidence += len(self._evidence) + len(self._new_evidence)
        if not self.fresh:
            self.writer.refresh(self.schema, written)
        self._clear()

    def _rel_statements(self, groups: dict[tuple[str, str, str], list[dict[str, Any]]],
                        statements: list[Statement]) -> dict[str, set[str]]:
        """Add the statements that write ``groups``; return the ids whose statistics are still to
        be derived from the database (the merge path's)."""
        written: dict[str, set[str]] = defaultdict(set)
        for (rel_type, source, target), rows in sorted(groups.items()):
            self.stats.relationships += len(rows)
            if not self.fresh:
                statements.append((q.merge_rels(self.schema, rel_type, source, target), rows, {}))
                written[rel_type].update(row["id"] for row in rows)
                continue
            new: list[dict[str, Any]] = []
            again: list[dict[str, Any]] = []
            for row in rows:  # a relationship given twice is created once, then set again
                (again if row["id"] in self._rel_types else new).append(
                    {**row, "stats": rel_stats(self._support.get(row["id"], {}))})
                self._rel_types[row["id"]] = rel_type
                self._stale.discard(row["id"])
            statements += [(q.create_rels(self.schema, rel_type, source, target), new, {}),
                           (q.set_rels(self.schema, rel_type), again, {})]
        return written

    def rels(self, rels: Iterable[RelRecord]) -> None:
        """The relationships themselves (after every note's facts, so their evidence exists)."""
        self._begin()
        self._flush()
        groups: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
        for rel in rels:
            groups[(rel.type, rel.source_label, rel.target_label)].append(
                {"id": rel.id, "source": rel.source_key, "target": rel.target_key, "props": rel.props})
        statements: list[Statement] = []
        for rel_type, ids in self._rel_statements(dict(sorted(groups.items())), statements).items():
            self.touched[rel_type] |= ids
        self.writer.packed(statements, self.batch_size * TX_BATCHES, background=bool(self.fresh))

    def finish(self) -> LoadStats:
        """Write what is buffered, then the statistics still to write: on the merge path every
        touched relationship's, derived from its Evidence; on the fresh path those of the
        relationships that gained evidence after they were written."""
        self._begin()
        self._flush()
        stale: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for rel_id in sorted(self._stale):
            stale[self._rel_types[rel_id]].append({"id": rel_id, "props": {}, "stats": rel_stats(self._support[rel_id])})
        for rel_type, rows in sorted(stale.items()):
            self.writer.write(q.set_rels(self.schema, rel_type), rows)
        self._stale.clear()
        self.writer.refresh(self.schema, self.touched)
        self.writer.close()
        return self.stats


def load_records(driver: Driver, schema: Schema, *, notes: Iterable[Note], nodes: Iterable[NodeRecord],
                 mentions: Iterable[tuple[Mention, str, str]], rels: Iterable[RelRecord],
                 case_id: str | None = None, database: str = "neo4j", batch_size: int = 1000,
                 pipeline_version: str = PIPELINE_VERSION, facts: Iterable[RelRecord] = ()) -> LoadStats:
    """Write one ingest run's records; safe to repeat and to resume after a crash. ``facts``:
    ``IN_CASE`` and ``AUTHORED_BY`` records (``Resolution.facts``, ``Resolution.authorship``)."""
    loader = Loader(driver, schema, case_id=case_id, database=database, batch_size=batch_size,
                    pipeline_version=pipeline_version)
    rels, notes = list(rels), list(notes)
    loader.notes(notes)
    loader.nodes(nodes)
    loader.facts(facts, [n.id for n in notes])
    loader.note_facts(mentions, ())
    for some in _batches(rels, batch_size):  # each relationship with its evidence, a batch at a time
        loader.note_facts((), ((rel.id, rel.type, ev) for rel in some for ev in rel.evidence), rels=some)
    return loader.finish()
