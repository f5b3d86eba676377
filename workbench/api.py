"""The analyst's entry point: ``wb = workbench.connect()`` and everything a notebook needs.

Why one object: a notebook should hold one handle that knows the settings, the store and the
workbench home (decision log, audit log, extraction cache), and whose methods return plain
networkx graphs and pandas frames. Each method is a few lines over the public functions of the
packages below it; none of them keeps hidden state between calls.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import networkx as nx
import pandas as pd

from graph_schema.model import load_schema
from ingest.judgements import DecisionLog
from ingest.names import parse_name
from ingest.resolve import Resolution
from graph_schema.records import make_id
from workbench import analysis
from workbench.audit import read_log, record
from workbench.flags.run import FlagReport, audited_flags
from workbench.pipeline import IngestReport, extraction_fingerprint, run_ingest
from workbench.project import person_network, to_networkx
from workbench.settings import Settings, load_settings
from workbench.store.connection import open_driver
from workbench.store.store import Store

__all__ = ["Workbench", "audit_log_path", "connect", "decide", "decision_log"]


def decision_log(settings: Settings) -> DecisionLog:
    """The analysts' merge decisions: append-only, kept with the workbench home."""
    return DecisionLog(settings.home / "decisions.jsonl")


def audit_log_path(settings: Settings) -> Path:
    """Who ran which flag or export, when: append-only, hash-chained."""
    return settings.home / "audit.jsonl"


class Workbench:
    """A connected workbench. Build it with :func:`connect`."""

    def __init__(self, settings: Settings, store: Store) -> None:
        self.settings = settings
        self.store = store
        self.schema = store.schema

    # -- paths under the workbench home ---------------------------------------------------
    @property
    def decision_log(self) -> DecisionLog:
        return decision_log(self.settings)

    @property
    def audit_log(self) -> Path:
        return audit_log_path(self.settings)

    @property
    def candidates_file(self) -> Path:
        return self.settings.home / "merge_candidates.json"

    def close(self) -> None:
        self.store.driver.close()

    def __enter__(self) -> Workbench:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- ingest and review -----------------------------------------------------------------
    def ingest(self, paths: Iterable[str | Path], *, case_id: str | None = None,
               progress: Any = None, batch_size: int = 1000) -> IngestReport:
        """Read, extract, resolve and load files and folders (idempotent; see workbench.pipeline)."""
        from ingest.nlp import build_nlp

        report, resolution = run_ingest(
            self.store, paths, case_id=case_id, cache_dir=self.settings.home / "extractions",
            decisions=self.decision_log.current(), nlp_factory=lambda: build_nlp(self.settings.spacy_model),
            progress=progress or (lambda _: None), batch_size=batch_size,
            fingerprint=extraction_fingerprint(self.settings.spacy_model))
        self._save_candidates(resolution)
        return report

    def _save_candidates(self, resolution: Resolution) -> None:
        rows = [{"label": c.label, "left": c.left, "right": c.right, "left_name": c.left_name,
                 "right_name": c.right_name, "score": round(c.score, 3),
                 "reasons": "; ".join(f"{r.rule} ({r.score:.2f}): {r.detail}" for r in c.reasons)}
                for c in resolution.candidates]
        self.settings.home.mkdir(parents=True, exist_ok=True)
        self.candidates_file.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")

    def merge_candidates(self) -> pd.DataFrame:
        """Unsure matches from the last ingest that no decision has settled yet, best first."""
        columns = ["label", "left", "right", "left_name", "right_name", "score", "reasons"]
        if not self.candidates_file.exists():
            return pd.DataFrame(columns=columns)
        frame = pd.DataFrame(json.loads(self.candidates_file.read_text(encoding="utf-8")), columns=columns)
        decided = {tuple(sorted((d.left, d.right))) for d in self.decision_log.current()}
        keep = [tuple(sorted((a, b))) not in decided for a, b in zip(frame["left"], frame["right"])]
        return frame[keep].sort_values("score", ascending=False).reset_index(drop=True)

    def decide(self, left: str, right: str, *, same: bool, user: str | None = None) -> None:
        """Record an analyst's decision; it is applied on this and every later ingest."""
        decide(self.settings, left, right, same=same, user=user)

    # -- projections -----------------------------------------------------------------------
    def case_graph(self, case_id: str | None = None, **filters: Any) -> nx.MultiDiGraph:
        """The entity graph of a case (or of everything); filters: labels, types, date_from,
        date_to, min_evidence, include_retired."""
        return to_networkx(self.store.edge_rows(case_id=case_id, **filters), schema=self.schema)

    def neighbourhood(self, node: str, hops: int = 2, **filters: Any) -> nx.MultiDiGraph:
        """Entities within ``hops`` of one entity (``"Person:<id>"``), with the ties among them."""
        return to_networkx(self.store.edge_rows(around=node, hops=hops, **filters), schema=self.schema)

    def person_network(self, case_id: str | None = None, *, include_investigative: bool = False,
                       **filters: Any) -> nx.Graph:
        """People linked through what they share, each tie with its reasons and counts."""
        return person_network(self.case_graph(case_id, **filters), include_investigative=include_investigative,
                              schema=self.schema)

    def evidence(self, item: str) -> pd.DataFrame:
        """The notes and sentences behind any node (``Label:key``) or relationship id."""
        return self.store.evidence(item)

    def find(self, name: str, label: str = "Person") -> list[str]:
        """Node ids whose name contains ``name`` (case-insensitive), for notebooks."""
        G = self.case_graph(labels=[label])
        needle = name.lower()
        return sorted(n for n, d in G.nodes(data=True) if needle in str(d.get("name", "")).lower())

    # -- analysis and flags ----------------------------------------------------------------
    def key_players(self, case_id: str | None = None, *, top: int | None = 20, seed: int = 0,
                    exclude_roles: Sequence[str] = ("victim", "witness")) -> pd.DataFrame:
        """People ranked on every centrality at once, computed on the whole person network.

        Victims and witnesses are measured with everyone else but left out of the table by
        default: a victim moved between many offenders is central, not a player.
        """
        table = analysis.key_players(self.person_network(case_id), seed=seed)
        table = table[~table["role"].isin(exclude_roles)].reset_index(drop=True)
        return table.head(top) if top else table

    def write_back(self, case_id: str | None = None, *, seed: int = 0) -> int:
        """Write key-player scores and community ids onto the Person nodes in Neo4j (optional step),
        so that Neo4j Browser and Bloom users see them too. Returns how many nodes were updated."""
        P = self.person_network(case_id)
        table = analysis.key_players(P, seed=seed)
        communities = analysis.community_map(analysis.louvain(P, seed=seed))
        rows = [{"id": str(node).split(":", 1)[1],
                 "props": {"score_degree": float(r.degree), "score_betweenness": float(r.betweenness),
                           "score_pagerank": float(r.pagerank), "score_rank": int(r.rank),
                           "community": int(communities.get(node, -1))}}
                for node, r in zip(table["node"], table.itertuples())]
        return self.store.write_scores("Person", rows)

    def note_authors(self, case_id: str | None = None) -> dict[str, str]:
        """Note id -> the Person node id of its author, so their own notes never count against them."""
        notes = self.store.notes(case_id)
        authors = {}
        for note_id, author in zip(notes.get("id", []), notes.get("author", [])):
            if isinstance(author, str) and author.strip():
                parsed = parse_name(author)
                authors[note_id] = f"Person:{make_id('Person', parsed.folded)}"
        return authors

    def complicity_flags(self, case_id: str | None = None, *, analyst: str | None = None,
                         **kwargs: Any) -> FlagReport:
        """Officials whose non-investigative ties to suspects need review, ranked and explained.

        Every run is recorded in the audit log (who, when, parameters, hash of the result).
        """
        G = self.case_graph(case_id, include_retired=False)
        return audited_flags(G, self.audit_log, analyst=analyst or self.settings.analyst,
                             authors=self.note_authors(case_id), **kwargs)

    def audit(self) -> pd.DataFrame:
        """The append-only log of flag runs and exports."""
        return read_log(self.audit_log)

    def record_export(self, action: str, params: dict[str, Any], result: bytes | str) -> None:
        record(self.audit_log, action, params, result, analyst=self.settings.analyst)

    def status(self) -> pd.DataFrame:
        return self.store.counts()


def decide(settings: Settings, left: str, right: str, *, same: bool, user: str | None = None) -> None:
    """Record a merge decision without needing the database (it is applied at the next ingest)."""
    decision_log(settings).decide(_key(left), _key(right), same=same, user=user or settings.analyst)


def _key(node: str) -> str:
    """Decisions are about entity keys; accept the projection's ``Label:key`` too."""
    label, sep, key = node.partition(":")
    return key if sep and label in load_schema().nodes else node


def connect(settings: Settings | None = None, *, start: bool = True) -> Workbench:
    """Connect to the local Neo4j (started if needed) or to the one NEO4J_URI names.

    The schema's constraints and indexes are applied on every connect (``IF NOT EXISTS``: a
    no-op once they exist); without them every MERGE would scan its whole label.
    """
    from workbench.store.migrate import migrate

    settings = settings or load_settings()
    if start and not settings.external:
        from workbench.store import local

        local.start(settings)
    driver = open_driver(settings)
    schema = load_schema()
    migrate(driver, schema, settings.database)
    return Workbench(settings, Store(driver, database=settings.database, schema=schema))
