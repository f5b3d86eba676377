"""Warm a cold Neo4j while the model extracts: rehearse a small load, then roll it back.

Why: on a server whose JVM has just started, the loader's first statements are planned and its
write paths compiled while the ingest waits. A cold 1,000-note ingest spent 19 s writing where
the same load on a warmed server took 7 s (issue 16). The model, which runs first, needs one
core and the database none, so this runs the loader itself (the same statements, the same
plans, the path the real load will take: first load or merge) on a synthetic case in a
transaction that is never committed, in a background thread, until the real load begins.

Nothing of it is ever visible: every round is rolled back, its ids are its own ("warmup:"),
and only one ingest writes to a database at a time, so it holds no lock another writer waits
for. A failure only means a cold start: it is kept in ``Warmup.error`` for the tests, never
raised into the ingest, which writes and reports the same as without it.
"""
from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from neo4j import Driver

from graph_schema.model import Schema
from graph_schema.records import Evidence, Mention, NodeRecord, Note, RelRecord, make_id
from workbench.store.loader import Loader, Statement, Writer

__all__ = ["Warmup", "rehearsal_case"]

#: The synthetic case's id: what its rows say if one is ever seen half-written in a transaction.
CASE = "warmup:case"
#: Rounds after which the server is as warm as a rehearsal makes it (measured: see ``Warmup``).
ROUNDS = 1


class _Stopped(Exception):
    """The real load is about to begin: leave the round (it is rolled back)."""


class _NeverCommits(Writer):
    """A ``Writer`` whose every statement runs in one open transaction, which its caller rolls
    back; it stops between statements once ``stop`` is set."""

    def __init__(self, driver: Driver, database: str, batch_size: int, tx: Any, stop: threading.Event) -> None:
        super().__init__(driver, database, batch_size)
        self.tx, self.stop = tx, stop

    def _check(self) -> None:
        if self.stop.is_set():
            raise _Stopped

    def submit(self, statements: Sequence[Statement], alongside: Sequence[Statement] = ()) -> None:
        self._unit(statements)
        self._unit(alongside)

    def drain(self) -> None:
        self._check()

    def close(self) -> None:
        pass

    def _unit(self, statements: Sequence[Statement]) -> list[list[dict[str, Any]]]:
        self._check()
        return self._run(self.tx, statements)

    def one(self, cypher: str, **params: Any) -> None:
        self._check()
        self.tx.run(cypher, **params).consume()

    def refresh(self, schema: Schema, ids_by_type: dict[str, set[str]]) -> None:
        self._check()
        self._refresh(self.tx, schema, ids_by_type)


@dataclass(frozen=True)
class _Case:
    """A synthetic case in the loader's stages: what ``rehearsal_case`` gives."""

    notes: list[Note]
    nodes: list[NodeRecord]
    facts: list[RelRecord]
    note_facts: list[tuple[list[tuple[Mention, str, str]], list[tuple[str, str, Evidence]]]]
    rels: list[RelRecord]


def rehearsal_case(schema: Schema, n_notes: int = 200) -> _Case:
    """A synthetic case that touches every kind of write the loader has: a node of every entity
    label, a relationship of every type the resolver writes between every pair of end labels
    the schema allows, each with evidence in a note, a mention of every node, and the facts.
    Derived from the schema, so a new label or type is rehearsed without a change here."""
    def key(label: str, i: int) -> str:
        return f"warmup:{label}:{i}"

    per_label = 4
    nodes = [NodeRecord(label, key(label, i), {"name": f"warmup {label} {i}"})
             for label in sorted(schema.entity_labels) for i in range(per_label)]
    notes = [Note(id=f"warmup:note:{i}", path=f"warmup/{i:03d}.txt", text="", case_id=CASE, date="2026-01-01")
             for i in range(n_notes)]
    ends = [(rel_type, source, target) for rel_type, spec in sorted(schema.relationships.items())
            for source in spec.source for target in spec.target
            if source in schema.entity_labels and target in schema.entity_labels and rel_type != "MENTIONS"]
    rels: dict[str, RelRecord] = {}
    facts_by_note: list[tuple[list[tuple[Mention, str, str]], list[tuple[str, str, Evidence]]]] = []
    for n, note in enumerate(notes):
        mentions = [(Mention(note.id, node.label, node.props["name"], i * 20, i * 20 + 12, "warmup.", "warmup"),
                     node.label, node.key) for i, node in enumerate(nodes)]
        evidence = []
        for i, (rel_type, source, target) in enumerate(ends):
            a, b = key(source, n % per_label), key(target, (n + 1) % per_label)
            rel = RelRecord(rel_type, source, a, target, b)
            rels[rel.id] = rel
            evidence.append((rel.id, rel_type, Evidence(note.id, "warmup.", i * 20, i * 20 + 12, "warmup",
                                                         date="2026-01-01")))
        facts_by_note.append((mentions, evidence))
    facts = [RelRecord("IN_CASE", node.label, node.key, "Case", CASE, props={"role": "unknown"})
             for node in nodes if "IN_CASE" in schema.relationships
             and node.label in schema.relationships["IN_CASE"].source]
    facts += [RelRecord("AUTHORED_BY", "Note", note.id, "Person", key("Person", 0)) for note in notes[:2]
              if "AUTHORED_BY" in schema.relationships]
    return _Case(notes, nodes, facts, facts_by_note, list(rels.values()))


class Warmup:
    """``start`` rehearses loads on the server in a background thread; ``stop`` ends the round in
    progress (rolled back) and waits for the thread. Up to ``rounds`` rounds: a 1,000-note cold
    ingest's load took 19 s with none and about 7 s on a server warmed by a whole ingest."""

    def __init__(self, driver: Driver, schema: Schema, *, database: str = "neo4j", batch_size: int = 1000,
                 pipeline_version: str, rounds: int = ROUNDS) -> None:
        self.driver, self.schema, self.database, self.batch_size = driver, schema, database, batch_size
        self.pipeline_version, self.rounds = pipeline_version, rounds
        self.done = 0
        self.error: BaseException | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> Warmup:
        self._thread = threading.Thread(target=self._rehearse, name="neo4j-warmup", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
            self._thread = None

    def _rehearse(self) -> None:
        try:
            case = rehearsal_case(self.schema)
            with self.driver.session(database=self.database) as session:
                while self.done < self.rounds and not self._stop.is_set():
                    tx = session.begin_transaction()
                    try:
                        self._round(case, _NeverCommits(self.driver, self.database, self.batch_size, tx,
                                                        self._stop))
                    finally:  # never committed (a ``with`` block would commit it)
                        if not tx.closed():
                            tx.rollback()
                    self.done += 1
        except _Stopped:
            pass
        except Exception as exc:  # noqa: BLE001 - a failed warm-up is a cold start, never an ingest error
            self.error = exc

    def _round(self, case: _Case, writer: _NeverCommits) -> None:
        loader = Loader(self.driver, self.schema, case_id=CASE, database=self.database, batch_size=self.batch_size,
                        pipeline_version=self.pipeline_version, writer=writer)
        loader.notes(case.notes)
        loader.nodes(case.nodes)
        loader.facts(case.facts, [n.id for n in case.notes])
        for note, (mentions, evidence) in zip(case.notes, case.note_facts):
            loader.note_facts(mentions, evidence)
            loader.note_done(note.id)
        loader.rels(case.rels)
        loader.finish()
