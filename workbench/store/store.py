"""The store: one object that writes records to Neo4j and reads frames back.

Why: the rest of the workbench never sees a driver, a session or a Cypher string. Results leave
as pandas DataFrames or plain dicts (never live driver objects), errors propagate unchanged.
Entities leave as the case asked for states them (``workbench.store.facts``): a case's role,
rank and agency for a person, never another case's.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import neo4j
import pandas as pd

from graph_schema.facts import fact_names
from graph_schema.model import Schema, load_schema
from graph_schema.node_ids import node_id, split_node_id as _split
from graph_schema.records import Mention, NodeRecord, Note, RelRecord, validate_node
from workbench.errors import Errors
from workbench.store.cypher import read as q
from workbench.store.cypher import write as wq
from workbench.store.facts import case_view
from workbench.store.loader import PIPELINE_VERSION, Loader, LoadStats, load_records
from workbench.store.warmup import Warmup

__all__ = ["Store", "split_node_id"]

_EVERY = 2**62  # no limit: Cypher's LIMIT takes a number, and no relationship has this many sentences


def split_node_id(node_id: str, schema: Schema) -> tuple[str | None, str]:
    """``"Phone:+5016221234"`` -> ("Phone", "+5016221234"); a bare key gives (None, key).

    >>> split_node_id("Handle:facebook:flaco", load_schema())
    ('Handle', 'facebook:flaco')
    >>> split_node_id("facebook:flaco", load_schema())
    (None, 'facebook:flaco')
    """
    return _split(node_id, schema)


class Store:
    """Neo4j behind plain records and frames. ``database`` is passed on every call."""

    def __init__(self, driver: neo4j.Driver, database: str = "neo4j", schema: Schema | None = None) -> None:
        self.driver = driver
        self.database = database
        self.schema = schema or load_schema()

    def _frame(self, cypher: str, **params: Any) -> pd.DataFrame:
        return self.driver.execute_query(cypher, params, database_=self.database,
                                         routing_=neo4j.RoutingControl.READ,
                                         result_transformer_=neo4j.Result.to_df)

    def _rows(self, cypher: str, **params: Any) -> list[dict[str, Any]]:
        records, _, _ = self.driver.execute_query(cypher, params, database_=self.database,
                                                  routing_=neo4j.RoutingControl.READ)
        return [r.data() for r in records]

    def load(self, *, notes: Iterable[Note], nodes: Iterable[NodeRecord],
             mentions: Iterable[tuple[Mention, str, str]], rels: Iterable[RelRecord],
             case_id: str | None = None, batch_size: int = 1000, pipeline_version: str = PIPELINE_VERSION,
             facts: Iterable[RelRecord] = ()) -> LoadStats:
        """Write one ingest's records (idempotent; see ``workbench.store.loader``)."""
        return load_records(self.driver, self.schema, notes=notes, nodes=nodes, mentions=mentions, rels=rels,
                            case_id=case_id, database=self.database, batch_size=batch_size,
                            pipeline_version=pipeline_version, facts=facts)

    def loader(self, *, case_id: str | None = None, batch_size: int = 1000,
               pipeline_version: str = PIPELINE_VERSION) -> Loader:
        """A stage-by-stage writer for an ingest that streams its notes (see ``workbench.store.loader``)."""
        return Loader(self.driver, self.schema, case_id=case_id, database=self.database, batch_size=batch_size,
                      pipeline_version=pipeline_version)

    def warmup(self, *, batch_size: int = 1000, pipeline_version: str = PIPELINE_VERSION,
               start: bool = True) -> Warmup:
        """A rehearsal of a load that warms the server and commits nothing (``workbench.store.warmup``),
        started unless ``start`` is false; ``stop`` it before the real load begins."""
        warmup = Warmup(self.driver, self.schema, database=self.database, batch_size=batch_size,
                        pipeline_version=pipeline_version)
        return warmup.start() if start else warmup

    def write_scores(self, label: str, rows: Sequence[dict[str, Any]]) -> int:
        """Set analysis scores (declared properties of ``label``) on existing nodes; returns the count."""
        clean = []
        for row in rows:
            props = validate_node(NodeRecord(label, row["id"], {"name": "x", **row["props"]}), self.schema).props
            clean.append({"id": row["id"], "props": {k: props[k] for k in row["props"]}})
        self.driver.execute_query(wq.write_scores(self.schema, label), rows=clean, database_=self.database)
        return len(clean)

    def edge_rows(self, *, case_id: str | None = None, labels: Sequence[str] | None = None,
                  types: Sequence[str] | None = None, date_from: str | None = None, date_to: str | None = None,
                  min_evidence: int = 1, include_retired: bool = False, evidence_limit: int | None = 3,
                  around: str | None = None, hops: int = 2) -> list[dict[str, Any]]:
        """Relationship rows ``{source, target, rel, evidence}`` for a projection: one query for the
        relationships and their top evidence, one for the entities' mention counts.

        ``evidence_limit`` keeps a view light (its best three sentences per relationship);
        ``None`` returns every sentence, as anything that counts or cites evidence needs: a flag
        that counts sightings or cites its notes must see all of them, not the first three."""
        params = {
            "case_id": case_id, "labels": list(labels or self.schema.entity_labels),
            "types": list(types or self.schema.network_types), "date_from": date_from, "date_to": date_to,
            "min_evidence": min_evidence, "include_retired": include_retired,
            "evidence_limit": _EVERY if evidence_limit is None else evidence_limit,
        }
        if around is None:
            rows = self._rows(q.case_edges(), **params)
        else:
            label, key = split_node_id(around, self.schema)
            if label is None:
                raise ValueError(Errors.W424.format(key=key))
            rows = self._rows(q.neighbourhood_edges(self.schema, label, hops), key=key, **params)
        ids = sorted({row[end]["id"] for row in rows for end in ("source", "target")})
        counts = {r["id"]: r["n"] for r in self._rows(q.mention_counts(), ids=ids, case_id=case_id)} if ids else {}
        for row in rows:
            for end in ("source", "target"):
                row[end] = self._as_case(row[end], case_id)
                row[end]["mentions"] = counts.get(row[end]["id"], 0)
        return rows

    def _as_case(self, node: dict[str, Any], case_id: str | None) -> dict[str, Any]:
        label = node.get("label")
        names = fact_names(self.schema, label) if label in self.schema.nodes else frozenset()
        return case_view(node, case_id, names)

    def isolated(self, labels: Sequence[str] | None = None) -> list[dict[str, Any]]:
        rows = self._rows(q.isolated_entities(), labels=list(labels or self.schema.entity_labels))
        return [self._as_case(r["node"], None) for r in rows]

    def evidence(self, item_id: str, case_id: str | None = None) -> pd.DataFrame:
        """The notes and sentences behind a node (``Label:key`` or key) or a relationship id, in
        one case (a phone several cases name: that case's mentions) or every case."""
        _, key = split_node_id(item_id, self.schema)
        return self._frame(q.evidence_for(self.schema), id=key, case_id=case_id)

    def note_authors(self, case_id: str | None = None) -> dict[str, str]:
        """Note id -> node id of the person resolution gave as its author (``AUTHORED_BY``)."""
        return {r["note_id"]: node_id("Person", r["person"]) for r in self._rows(q.note_authors(), case_id=case_id)}

    def case_entities(self, labels: Sequence[str]) -> list[dict[str, Any]]:
        """Every entity of ``labels`` with each case that names it: label, id, name, aliases,
        case_id and that case's facts (``fact``)."""
        return self._rows(q.case_entities(), labels=list(labels))

    def shared_entities(self, labels: Sequence[str]) -> list[dict[str, Any]]:
        """Entities of ``labels`` that several cases name: label, id, cases, and ``holders``
        (people holding them by a live relationship of their holder types: id, type, cases)."""
        types = sorted({t for label in labels for t in self.schema.holder_types(label)})
        return self._rows(q.shared_entities(), labels=list(labels), types=types)

    def entity_facts(self, item_id: str) -> dict[str, dict[str, Any]]:
        """Case id -> an entity's facts in that case (``Label:key``), for each case that names it;
        ``merges`` holds why its mentions there are one entity (JSON rows)."""
        label, key = split_node_id(item_id, self.schema)
        if label is None:
            return {}
        return {r["case_id"]: r["fact"] for r in self._rows(q.entity_facts(self.schema, label), id=key)}

    def notes(self, case_id: str | None = None) -> pd.DataFrame:
        return self._frame(q.notes_frame(), case_id=case_id)

    def counts(self) -> pd.DataFrame:
        return self._frame(q.counts())

    def entity_count(self) -> int:
        """How many entities (nodes of the schema's entity labels) the database holds, from the
        count store: the sum ``counts`` gives over those labels, without a scan."""
        return int(self._rows(q.entity_count(self.schema))[0]["n"])
