"""The store: one object that writes records to Neo4j and reads frames back.

Why: the rest of the workbench never sees a driver, a session or a Cypher string. Results leave
as pandas DataFrames or plain dicts (never live driver objects), errors propagate unchanged.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import neo4j
import pandas as pd

from graph_schema.model import Schema, load_schema
from graph_schema.records import Mention, NodeRecord, Note, RelRecord, validate_node
from workbench.store.cypher import read as q
from workbench.store.cypher import write as wq
from workbench.store.loader import PIPELINE_VERSION, Loader, LoadStats, load_records

__all__ = ["Store", "split_node_id"]


def split_node_id(node_id: str, schema: Schema) -> tuple[str | None, str]:
    """``"Phone:+5016221234"`` -> ("Phone", "+5016221234"); a bare key gives (None, key).

    >>> split_node_id("Handle:facebook:flaco", load_schema())
    ('Handle', 'facebook:flaco')
    >>> split_node_id("facebook:flaco", load_schema())
    (None, 'facebook:flaco')
    """
    label, sep, key = node_id.partition(":")
    if sep and label in schema.nodes:
        return label, key
    return None, node_id


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
             case_id: str | None = None, batch_size: int = 1000, pipeline_version: str = PIPELINE_VERSION
             ) -> LoadStats:
        """Write one ingest's records (idempotent; see ``workbench.store.loader``)."""
        return load_records(self.driver, self.schema, notes=notes, nodes=nodes, mentions=mentions, rels=rels,
                            case_id=case_id, database=self.database, batch_size=batch_size,
                            pipeline_version=pipeline_version)

    def loader(self, *, case_id: str | None = None, batch_size: int = 1000,
               pipeline_version: str = PIPELINE_VERSION) -> Loader:
        """A stage-by-stage writer for an ingest that streams its notes (see ``workbench.store.loader``)."""
        return Loader(self.driver, self.schema, case_id=case_id, database=self.database, batch_size=batch_size,
                      pipeline_version=pipeline_version)

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
                  min_evidence: int = 1, include_retired: bool = False, evidence_limit: int = 3,
                  around: str | None = None, hops: int = 2) -> list[dict[str, Any]]:
        """Relationship rows ``{source, target, rel, evidence}`` for a projection: one query for the
        relationships and their top evidence, one for the entities' mention counts."""
        params = {
            "case_id": case_id, "labels": list(labels or self.schema.entity_labels),
            "types": list(types or self.schema.network_types), "date_from": date_from, "date_to": date_to,
            "min_evidence": min_evidence, "include_retired": include_retired, "evidence_limit": evidence_limit,
        }
        if around is None:
            rows = self._rows(q.case_edges(), **params)
        else:
            label, key = split_node_id(around, self.schema)
            if label is None:
                raise ValueError(f"give the entity as 'Label:key', e.g. 'Person:{key}'")
            rows = self._rows(q.neighbourhood_edges(self.schema, label, hops), key=key, **params)
        ids = sorted({row[end]["id"] for row in rows for end in ("source", "target")})
        counts = {r["id"]: r["n"] for r in self._rows(q.mention_counts(), ids=ids)} if ids else {}
        for row in rows:
            for end in ("source", "target"):
                row[end]["mentions"] = counts.get(row[end]["id"], 0)
        return rows

    def isolated(self, labels: Sequence[str] | None = None) -> list[dict[str, Any]]:
        rows = self._rows(q.isolated_entities(), labels=list(labels or self.schema.entity_labels))
        return [r["node"] for r in rows]

    def evidence(self, item_id: str) -> pd.DataFrame:
        """The notes and sentences behind a node (``Label:key`` or key) or a relationship id."""
        _, key = split_node_id(item_id, self.schema)
        return self._frame(q.evidence_for(self.schema), id=key)

    def notes(self, case_id: str | None = None) -> pd.DataFrame:
        return self._frame(q.notes_frame(), case_id=case_id)

    def counts(self) -> pd.DataFrame:
        return self._frame(q.counts())
