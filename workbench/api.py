"""The analyst's entry point: ``wb = workbench.connect()`` and everything a notebook needs.

Why one object: a notebook should hold one handle that knows the settings, the store and the
workbench home (decision log, audit log, extraction cache), and whose methods return plain
networkx graphs and pandas frames. Each method is a few lines over the public functions of the
packages below it; none of them keeps hidden state between calls.

Decisions:

- **Names everywhere.** A method that takes a node takes an id (``Person:<key>`` or the bare
  key), a name or alias (letter case, accents and titles ignored), a phone number as written, or
  a pseudonym ("Victim 3"): :meth:`Workbench.resolve`. A name that fits several entities raises
  :class:`~workbench.errors.AmbiguousName` with the choices; :meth:`Workbench.find` searches
  fuzzily. Pseudonyms are numbered per case, as that case's view and report number them.
- **Wrong arguments are one-line errors** (:mod:`workbench.errors`): an unknown case lists the
  known ones (a letter-case slip is offered), a missing path says "not found", an unknown id says
  so, an option value is checked before anything is written, so a report for an unknown case
  leaves no empty folder behind.
- **Everything that leaves the unit is audited here**, not in the command line: views
  (:meth:`view`, :meth:`show`), walkthroughs, exports, flag reports written out, case reports,
  and every flag run. ``record_export`` stays for callers that write something else.
- Views and reports cite a note by its file name, type, author and date, never by its hash
  (the hash stays in the graph and in exports: it is what links a row back to its note).
- **Victims and witnesses are pseudonyms in every table** a method returns (key players, cut
  points, communities, hidden ties, leads, shared phones, timelines, paths, evidence, flags, merge
  candidates), numbered as their case numbers them, their identifying numbers masked
  (:mod:`workbench.protect`). ``reveal=True`` shows them and is audited. The graphs
  :meth:`case_graph`, :meth:`neighbourhood`, :meth:`person_network` and :meth:`graph` return
  keep the real names (the analysis needs them) and carry the case's table, so any view of them,
  or of a part of them, numbers victims as the case does; :meth:`protect` protects whatever else
  a notebook computes from them.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx
import pandas as pd
from rapidfuzz import fuzz, process

from graph_schema.model import load_schema
from graph_schema.node_ids import node_id, node_key, node_label
from graph_schema.types import clean_phone, fold_name
from ingest.judgements import DecisionLog, Judgement
from ingest.resolve import Resolution
from workbench import analysis
from workbench.cases import candidate_rows, link_table, merge_rows, shared_table
from workbench.audit import read_log, record
from workbench.errors import AmbiguousName, Errors, UnknownCase, UnknownNode, WorkbenchError, code_of
from workbench.flags import to_html as flags_html
from workbench.flags.officials import match_register, officials, register_decisions
from workbench.flags.run import FlagReport, audited_flags
from workbench.pipeline import IngestReport, extraction_fingerprint, run_ingest
from workbench.project import person_network, to_networkx
from workbench.protect import attach, case_table, protect, protected_names, unroled_names
from workbench.report import build_report, cite_flags, cite_graph, note_sources
from workbench.settings import Settings, load_settings
from workbench.store.connection import open_driver
from workbench.store.store import Store
from workbench.views import Pseudonyms, network_html
from workbench.views.pseudonyms import GRAPH_KEY
from workbench.views.scrub import name_key
from workbench.views.network import iframe
from workbench.walkthrough import Walkthrough, WalkthroughError, load_walkthrough, render_walkthrough

__all__ = ["EXPORT_FORMATS", "SIZE_MEASURES", "ReportOutput", "Workbench", "audit_log_path", "check_uri",
           "connect", "decide", "decision_log"]

#: What ``size_by`` may name besides a numeric node attribute: measures computed on the graph shown.
SIZE_MEASURES = ("degree", "weighted_degree", "betweenness", "pagerank")
EXPORT_FORMATS = ("graphml", "gexf", "i2", "sigma")
_FIND_COLUMNS = ["name", "label", "role", "case", "id", "score"]


def decision_log(settings: Settings) -> DecisionLog:
    """The analysts' merge decisions: append-only, kept with the workbench home."""
    return DecisionLog(settings.home / "decisions.jsonl")


def audit_log_path(settings: Settings) -> Path:
    """Who ran which flag or export, when: append-only, hash-chained."""
    return settings.home / "audit.jsonl"


@dataclass(frozen=True)
class ReportOutput:
    """Where :meth:`Workbench.report` wrote the case report (and walkthrough), and how many were flagged."""

    report: Path
    walkthrough: Path | None
    flagged: int


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
               progress: Any = None, batch_size: int = 1000, processes: int | None = None) -> IngestReport:
        """Read, extract, resolve and load files and folders (idempotent; see workbench.pipeline).

        A path that does not exist, or a case id that differs from a known one only in letter
        case, is refused before anything is read.
        """
        from ingest.nlp import build_nlp

        given = [Path(p) for p in paths]
        for path in given:
            if not path.exists():
                raise WorkbenchError(Errors.W404.format(path=path, what=""))
        if case_id is not None:
            slips = [k for k in self.cases() if k != case_id and k.casefold() == case_id.casefold()]
            if slips:
                raise WorkbenchError(Errors.W407.format(case=case_id, known=slips[0]))
        report, resolution = run_ingest(
            self.store, given, case_id=case_id, cache_dir=self.settings.home / "extractions",
            decisions=self.decision_log.current(), nlp_factory=lambda: build_nlp(self.settings.spacy_model),
            progress=progress or (lambda _: None), batch_size=batch_size, processes=processes,
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

    def merge_candidates(self, *, reveal: bool = False) -> pd.DataFrame:
        """Unsure matches from the last ingest that no decision has settled yet, best first;
        victims and witnesses by pseudonym unless ``reveal`` (audited)."""
        return self._shown(self._merge_candidates(), None, reveal, "merges.list", {})

    def _merge_candidates(self) -> pd.DataFrame:
        columns = ["label", "left", "right", "left_name", "right_name", "score", "reasons"]
        saved = json.loads(self.candidates_file.read_text(encoding="utf-8")) if self.candidates_file.exists() else []
        parts = [f for f in (pd.DataFrame(saved, columns=columns), candidate_rows(self.store)) if len(f)]
        if not parts:
            return pd.DataFrame(columns=columns)
        frame = pd.concat(parts, ignore_index=True)
        decided = {tuple(sorted((d.left, d.right))) for d in self.decision_log.current()}
        keep = [tuple(sorted((a, b))) not in decided for a, b in zip(frame["left"], frame["right"])]
        return frame[keep].sort_values("score", ascending=False).reset_index(drop=True)

    def decide(self, left: str, right: str, *, same: bool, user: str | None = None,
               case_id: str | None = None) -> tuple[str, str]:
        """Record an analyst's decision on two entities (ids or names); applied on this and every
        later ingest. Both must exist and share a label. Returns the two node ids."""
        a, b = self.resolve(left, case_id=case_id), self.resolve(right, case_id=case_id)
        if a == b:
            raise WorkbenchError(Errors.W410.format(left=left, right=right, node=a))
        label_a, label_b = node_label(a), node_label(b)
        if label_a != label_b:
            raise WorkbenchError(Errors.W406.format(left=left, right=right, left_label=label_a, right_label=label_b))
        cases_a, cases_b = sorted(self.store.entity_facts(a)), sorted(self.store.entity_facts(b))
        across = (cases_a[0], cases_b[0]) if len(cases_a) == len(cases_b) == 1 and cases_a != cases_b else None
        decide(self.settings, a, b, same=same, user=user, cases=across)  # across cases: a link, never a merge
        return a, b

    # -- cases and names -------------------------------------------------------------------
    def cases(self) -> list[str]:
        """The ids of the cases the store holds (read from their notes), sorted."""
        notes = self.store.notes()
        return sorted({c for c in notes.get("case_id", ()) if isinstance(c, str) and c})

    def check_case(self, case_id: str | None) -> str | None:
        """``case_id`` when the store holds that case (None stands for every case); else
        :class:`UnknownCase`, whose message lists the known cases and offers a near match."""
        if case_id is None:
            return None
        known = self.cases()
        if case_id in known:
            return case_id
        raise _unknown_case(case_id, known)

    def resolve(self, ref: str, *, case_id: str | None = None, label: str | None = None,
                reveal: bool = False) -> str:
        """The node id ``ref`` names: an id (``Person:<key>`` or the bare key), a name or alias,
        a phone number as written, or a pseudonym ("Victim 3", numbered as the case's views are);
        failing these, the entities that have all the words given ("Alvarado").

        Raises :class:`UnknownNode` when nothing matches and :class:`AmbiguousName` (with the
        choices, victims and witnesses by pseudonym unless ``reveal``) when several do. When a
        name fits one person and other entities (a venue named after its owner), the person wins.
        """
        G = self._lookup_graph(case_id)
        cases = _node_cases(G)
        mapping = self._case_table(G, case_id).mapping
        hits = _exact_hits(G, str(ref), mapping, label)
        if not hits:  # all the words given, among one entity's words: "Alvarado" when one person has it
            hits = [r["id"] for r in _fuzzy(G, str(ref), cases, mapping, True, label=label, cutoff=95.0)]
        people = [n for n in hits if G.nodes[n].get("label") == "Person"]
        if len(hits) > 1 and len(people) == 1:
            hits = people
        where = f" in case {case_id!r}" if case_id else ""
        if len(hits) > 1:
            choices = tuple(_row(G, n, cases, mapping, reveal) for n in sorted(hits))
            raise AmbiguousName(Errors.W403.format(ref=ref, count=len(hits), where=where), choices)
        if not hits:
            near = _fuzzy(G, str(ref), cases, mapping, reveal, label=label, limit=3)
            hint = ("; did you mean " + " or ".join(f"{r['name']!r} ({r['id']})" for r in near) + "?") if near \
                else " (workbench find NAME searches by name)"
            raise UnknownNode(Errors.W402.format(ref=ref, where=where, hint=hint))
        return str(hits[0])

    def find(self, name: str, *, label: str | None = None, case_id: str | None = None, reveal: bool = False,
             limit: int = 20, cutoff: float = 80.0) -> pd.DataFrame:
        """Entities whose name, alias or pseudonym is like ``name``, best first.

        Columns: name, label, role, case, id, score (0-100: 100 the same name, 95 all the words
        given, 90 the starts of its words, below that rapidfuzz ratios for typos). Calls, payments
        and operations are left out unless ``label`` names them.
        Victims and witnesses are listed by pseudonym unless ``reveal=True`` (then audited).
        """
        G = self._lookup_graph(case_id)
        cases = _node_cases(G)
        table = self._case_table(G, case_id)
        rows = _fuzzy(G, name, cases, table.mapping, reveal, label=label, limit=limit, cutoff=cutoff)
        frame = pd.DataFrame(rows, columns=_FIND_COLUMNS)
        if reveal:
            self._audit("find", {"name": name, "label": label, "case_id": case_id, "reveal": True},
                        frame.to_csv(index=False))
            return frame
        return protect(frame, table)

    def _lookup_graph(self, case_id: str | None) -> nx.MultiDiGraph:
        """What a name or id may mean: the case's entities (or every case's, and unlinked ones)."""
        self.check_case(case_id)
        isolated = self.store.isolated() if case_id is None else ()
        return to_networkx(self.store.edge_rows(case_id=case_id), isolated=isolated, schema=self.schema)

    # -- projections -----------------------------------------------------------------------
    def case_graph(self, case_id: str | None = None, **filters: Any) -> nx.MultiDiGraph:
        """The entity graph of a case (or of everything); filters: labels, types, date_from,
        date_to, min_evidence, include_retired, evidence_limit (sentences per relationship, 3 unless
        None: all). An unknown case is an :class:`UnknownCase` error."""
        self.check_case(case_id)
        G = to_networkx(self.store.edge_rows(case_id=case_id, **filters), schema=self.schema)
        return attach(G, self.protection(case_id) if filters else self._case_table(G, case_id))

    def protection(self, case_id: str | None = None) -> Pseudonyms:
        """The protection table of a case (or of every case, each numbered as its own case):
        who is protected, their pseudonyms, the forms of their names and their numbers."""
        self.check_case(case_id)
        return self._case_table(to_networkx(self.store.edge_rows(case_id=case_id), schema=self.schema), case_id)

    def _case_table(self, G: nx.MultiDiGraph, case_id: str | None) -> Pseudonyms:
        """The table of ``G`` (one case, or every case): for one case, also the people it names
        with no role whose full name another case protects (:func:`workbench.protect.carried_over`).
        Only the other cases that give such a name are read."""
        unroled = set(unroled_names(G).values()) if case_id is not None else set()
        if not unroled:
            return case_table(G, case_id)
        others = sorted({row["case_id"] for row in self.store.case_entities(["Person"])
                         if row["case_id"] not in (case_id, None) and name_key(str(row["name"] or "")) in unroled})
        elsewhere: set[str] = set().union(*(
            protected_names(to_networkx(self.store.edge_rows(case_id=other), schema=self.schema)) for other in others))
        return case_table(G, case_id, elsewhere=elsewhere)

    def protect(self, value: Any, *, case_id: str | None = None, reveal: bool = False) -> Any:
        """``value`` (a table, a text, a flag run, a graph, ...) with victims and witnesses as their
        case numbers them and their numbers masked; ``reveal=True`` returns it as it is, audited."""
        table = value.graph.get(GRAPH_KEY) if isinstance(value, nx.Graph) else None
        return self._shown(value, case_id, reveal, "protect", {}, table if isinstance(table, Pseudonyms) else None)

    def _shown(self, value: Any, case_id: str | None, reveal: bool, action: str, params: Mapping[str, Any],
               table: Pseudonyms | None = None) -> Any:
        """What a table method returns: protected, or (``reveal``) as it is and audited."""
        if reveal:
            shown = value.to_csv(index=False) if isinstance(value, pd.DataFrame) else repr(value)
            self._audit(action, {**params, "case_id": case_id, "reveal": True}, shown)
            return value
        return protect(value, table or self.protection(case_id))

    def neighbourhood(self, node: str, hops: int = 2, **filters: Any) -> nx.MultiDiGraph:
        """Entities within ``hops`` (1 to 6) of one entity (an id or a name), with the ties among them."""
        if not 1 <= int(hops) <= 6:
            raise WorkbenchError(Errors.W405.format(option="hops", value=hops, reason="use 1 to 6"))
        around = self.resolve(node, case_id=filters.get("case_id"))
        G = to_networkx(self.store.edge_rows(around=around, hops=hops, **filters), schema=self.schema)
        return attach(G, self.protection(filters.get("case_id")))

    def person_network(self, case_id: str | None = None, *, include_investigative: bool = False,
                       **filters: Any) -> nx.Graph:
        """People linked through what they share, each tie with its reasons and counts."""
        G = self.case_graph(case_id, **filters)
        return attach(person_network(G, include_investigative=include_investigative, schema=self.schema),
                      G.graph[GRAPH_KEY])

    def graph(self, case_id: str | None = None, *, around: str | None = None, hops: int = 2,
              people: bool = False) -> nx.Graph:
        """The graph a view or an export draws: a case (or every case), optionally only the
        neighbourhood of one entity (id or name), optionally as the person network."""
        G = self.neighbourhood(around, hops, case_id=case_id) if around else self.case_graph(case_id)
        return attach(person_network(G, schema=self.schema), G.graph[GRAPH_KEY]) if people else G

    def evidence(self, item: str, *, case_id: str | None = None, reveal: bool = False) -> pd.DataFrame:
        """The notes and sentences behind a node or relationship: an id, or a name (see :meth:`resolve`).

        ``source`` names each note by file, type, author and date; ``note_id`` keeps its hash.
        Victims' and witnesses' names in the sentences are replaced by their pseudonyms (numbered
        over ``case_id``'s graph, or every case's) unless ``reveal=True``, which is audited. An id
        or name that matches nothing is an :class:`UnknownNode` error, never an empty table.
        """
        frame = self.store.evidence(item, case_id=case_id)
        if frame.empty:
            frame = self.store.evidence(self.resolve(item, case_id=case_id), case_id=case_id)
        frame.insert(0, "source", [_cite(r) for r in frame.to_dict("records")] if len(frame) else [])
        return self._shown(frame, case_id, reveal, "evidence", {"item": item})

    # -- analysis and flags ----------------------------------------------------------------
    def key_players(self, case_id: str | None = None, *, top: int | None = 20, seed: int = 0,
                    exclude_roles: Sequence[str] | None = None, reveal: bool = False) -> pd.DataFrame:
        """People ranked on every centrality at once, computed on the whole person network.

        Victims and witnesses (the schema's protected roles; ``exclude_roles=None``) are measured
        with everyone else but left out of the table by default: a victim moved between many
        offenders is central, not a player. A protected
        person whose role reads otherwise (a victim also arrested) is listed by pseudonym.
        """
        P = self.person_network(case_id)
        if P.number_of_edges() == 0:  # no ties between people yet: nothing to rank
            return pd.DataFrame(columns=["node", "name", "role", "rank", "degree", "betweenness", "pagerank"])
        table = analysis.key_players(P, seed=seed)
        excluded = load_schema().protected_roles() if exclude_roles is None else exclude_roles
        table = table[~table["role"].isin(excluded)].reset_index(drop=True)
        table = table.head(top) if top else table
        return self._shown(table, case_id, reveal, "key_players", {"top": top}, P.graph[GRAPH_KEY])

    def cut_points(self, case_id: str | None = None, *, reveal: bool = False) -> pd.DataFrame:
        """People whose removal splits the person network (articulation points): node, name, role."""
        P = self.person_network(case_id)
        rows = [{"node": n, "name": P.nodes[n].get("name"), "role": P.nodes[n].get("role")}
                for n in analysis.articulation_points(P)]
        return self._shown(pd.DataFrame(rows, columns=["node", "name", "role"]), case_id, reveal, "cut_points", {},
                           P.graph[GRAPH_KEY])

    def communities(self, case_id: str | None = None, *, seed: int = 0, reveal: bool = False) -> pd.DataFrame:
        """Louvain communities of the person network, largest first: community, size, names, nodes."""
        P = self.person_network(case_id)
        groups = analysis.louvain(P, seed=seed) if P.number_of_edges() else []
        rows = [{"community": i, "size": len(g), "names": sorted(str(P.nodes[n].get("name")) for n in g),
                 "nodes": sorted(g)} for i, g in enumerate(groups)]
        return self._shown(pd.DataFrame(rows, columns=["community", "size", "names", "nodes"]), case_id, reveal,
                           "communities", {"seed": seed}, P.graph[GRAPH_KEY])

    def hidden_ties(self, case_id: str | None = None, *, top: int = 10, reveal: bool = False) -> pd.DataFrame:
        """Likely unrecorded ties between people (investigators left out: they share every note)."""
        G = self.case_graph(case_id)
        H = G.subgraph(n for n, d in G.nodes(data=True) if d.get("role") != "investigator")
        return self._shown(analysis.hidden_ties(H, top=top), case_id, reveal, "hidden_ties", {"top": top},
                           G.graph[GRAPH_KEY])

    def leads(self, case_id: str | None = None, *, reveal: bool = False) -> pd.DataFrame:
        """Entities seen once, phones with no known user, people known only by a number."""
        G = self.case_graph(case_id)
        return self._shown(analysis.leads(G), case_id, reveal, "leads", {}, G.graph[GRAPH_KEY])

    def shared_phones(self, case_id: str | None = None, *, reveal: bool = False) -> pd.DataFrame:
        """Phones that several people use."""
        G = self.case_graph(case_id)
        return self._shown(analysis.shared_phones(G), case_id, reveal, "shared_phones", {}, G.graph[GRAPH_KEY])

    def timeline(self, case_id: str | None = None, *, node: str | None = None, reveal: bool = False) -> pd.DataFrame:
        """Dated events and ties of a case (or of one entity, an id or a name), oldest first."""
        G = self.case_graph(case_id, evidence_limit=None)  # every dated sentence is a row, not the best three
        around = self.resolve(node, case_id=case_id) if node is not None else None
        return self._shown(analysis.timeline(G, node=around), case_id, reveal, "timeline", {"node": node},
                           G.graph[GRAPH_KEY])

    def paths(self, source: str, target: str, *, case_id: str | None = None, k: int = 1,
              reveal: bool = False) -> pd.DataFrame:
        """The ``k`` shortest paths between two entities (ids or names), hop by hop with evidence."""
        G = self.case_graph(case_id)
        a, b = self.resolve(source, case_id=case_id), self.resolve(target, case_id=case_id)
        return self._shown(analysis.path_frame(G, a, b, k=k), case_id, reveal, "paths",
                           {"source": source, "target": target}, G.graph[GRAPH_KEY])

    def write_back(self, case_id: str | None = None, *, seed: int = 0) -> int:
        """Write key-player scores and community ids onto the Person nodes in Neo4j (optional step),
        so that Neo4j Browser and Bloom users see them too. Returns how many nodes were updated."""
        P = self.person_network(case_id)
        if P.number_of_edges() == 0:
            return 0
        table = analysis.key_players(P, seed=seed)
        communities = analysis.community_map(analysis.louvain(P, seed=seed))
        rows = [{"id": node_key(str(node)),
                 "props": {"score_degree": float(r.degree), "score_betweenness": float(r.betweenness),
                           "score_pagerank": float(r.pagerank), "score_rank": int(r.rank),
                           "community": int(communities.get(node, -1))}}
                for node, r in zip(table["node"], table.itertuples())]
        return self.store.write_scores("Person", rows)

    def note_authors(self, case_id: str | None = None) -> dict[str, str]:
        """Note id -> the Person node id of its author, so their own notes never count against them:
        the authorship resolution stated (``AUTHORED_BY``, after every merge), never re-derived."""
        return self.store.note_authors(case_id)

    # -- across cases ------------------------------------------------------------------------
    def cross_case(self, *, reveal: bool = False) -> pd.DataFrame:
        """The phones, accounts and other numbers, and the people's names, that several cases share:
        an intelligence lead, never a merge (:mod:`workbench.cases`). Columns: label, name, cases,
        in each case (holders, or roles), status (the analysts' word on a name), ids. Victims and
        witnesses by pseudonym, their numbers masked, unless ``reveal`` (audited)."""
        return self._shown(shared_table(self.store, self.decision_log.history()), None, reveal, "cross_case", {})

    def cross_case_links(self, *, reveal: bool = False) -> pd.DataFrame:
        """People of two cases who may be one person, best first, with their reasons and the
        analysts' word; decide one with :meth:`decide` (recorded as a link: nothing merges and
        nothing travels between the cases)."""
        return self._shown(link_table(self.store, self.decision_log.history()), None, reveal, "cross_case.links", {})

    def why_one(self, node: str, *, case_id: str | None = None, reveal: bool = False) -> pd.DataFrame:
        """Why an entity (an id or a name) is one: each merge resolution or an analyst made of its
        mentions in each case, with its rule, score and reasons (an empty table: never merged)."""
        item = self.resolve(node, case_id=case_id)
        return self._shown(merge_rows(self.store, item), case_id, reveal, "why_one", {"node": node})

    def complicity_flags(self, case_id: str | None = None, *, analyst: str | None = None, reveal: bool = False,
                         **kwargs: Any) -> FlagReport:
        """Officials whose non-investigative ties to suspects need review, ranked and explained.

        Every run is recorded in the audit log (who, when, parameters, hash of the result).
        Victims and witnesses in reasons and sentences are pseudonyms unless ``reveal``.
        """
        shown: FlagReport = self._shown(self._flags(case_id, analyst=analyst, **kwargs), case_id, reveal, "flags", {})
        return shown

    def register_officials(self, register: pd.DataFrame, case_id: str | None = None) -> pd.DataFrame:
        """The case's officials completed by the officials register (``flags.read_register``), for
        ``complicity_flags(officials=...)``. Register matches are decisions like merges: the
        analysts' live decisions on a register row win, and what the matcher decided on its own
        (applied: positive, unsure: unsure) is appended to the decision log."""
        G = self.case_graph(case_id)
        log = self.decision_log
        live = log.current()
        matches = match_register(G, register, decisions=live)
        for row in register_decisions(G, matches, live):
            log.record(row["left"], row["right"], Judgement(row["judgement"]), row["user"], score=row["score"])
        return officials(G, matches=matches)

    def _flags(self, case_id: str | None, *, analyst: str | None = None, **kwargs: Any) -> FlagReport:
        G = self.case_graph(case_id, include_retired=False, evidence_limit=None)  # rules count and cite every sentence
        return audited_flags(G, self.audit_log, analyst=analyst or self.settings.analyst,
                             authors=self.note_authors(case_id), **kwargs)

    # -- outputs, each recorded in the audit log ----------------------------------------------
    def size_measures(self, G: nx.Graph) -> list[str]:
        """What ``size_by`` may name for ``G``: a measure of :data:`SIZE_MEASURES` or a numeric node attribute."""
        numeric = {k for _, d in G.nodes(data=True) for k, v in d.items()
                   if isinstance(v, (int, float)) and not isinstance(v, bool)}
        return [*SIZE_MEASURES, *sorted(numeric - set(SIZE_MEASURES))]

    def view(self, G: nx.Graph, path: str | Path | None = None, *, title: str = "Network",
             size_by: str | Mapping[Any, float] | None = None, reveal: bool = False,
             audit_params: Mapping[str, Any] | None = None, **options: Any) -> str:
        """The offline page drawing ``G`` (victims and witnesses by pseudonym unless ``reveal``),
        written to ``path`` when given, and recorded in the audit log either way. Returns the HTML.

        ``size_by``: a measure name (``"pagerank"``), a numeric node attribute or a node -> value
        dict; ``options`` go to :func:`workbench.views.network_html`.
        """
        if G.number_of_nodes() == 0:
            raise WorkbenchError(Errors.W411)
        out = _out_file(path) if path is not None else None
        sizes = self._sizes(G, size_by)
        page = network_html(self._cited(G, reveal), size_by=sizes, reveal=reveal, title=title, **options)
        if out is not None:
            out.write_text(page, encoding="utf-8")
        self._audit("view.network", {"path": out.name if out else None, "title": title, "reveal": reveal,
                                     "size_by": size_by if isinstance(size_by, str) else None,
                                     "nodes": G.number_of_nodes(), **(audit_params or {})}, page)
        return page

    def show(self, G: nx.Graph, *, height: int = 650, **kwargs: Any) -> Any:
        """:meth:`view` shown inline in JupyterLab (audited like any view)."""
        return iframe(self.view(G, **kwargs), height=height)

    def map_view(self, G: nx.Graph, path: str | Path | None = None, *, title: str = "Map", reveal: bool = False,
                 audit_params: Mapping[str, Any] | None = None) -> str:
        """The offline map page of ``G`` (places at their coordinates, border crossings, dated
        moves; :func:`workbench.views.map_html`), written to ``path`` when given; audited."""
        from workbench.views import map_html

        out = _out_file(path) if path is not None else None
        page = map_html(self._cited(G, reveal), reveal=reveal, title=title)
        if out is not None:
            out.write_text(page, encoding="utf-8")
        self._audit("view.map", {"path": out.name if out else None, "title": title, "reveal": reveal,
                                 **(audit_params or {})}, page)
        return page

    def walkthrough(self, G: nx.Graph, walkthrough: Walkthrough | str | Path, path: str | Path, *,
                    reveal: bool = False, audit_params: Mapping[str, Any] | None = None) -> Path:
        """Render a walkthrough (a YAML file or a :class:`Walkthrough`) over ``G`` to ``path``; audited."""
        steps = walkthrough if isinstance(walkthrough, Walkthrough) else _load_walkthrough(Path(walkthrough))
        out = _out_file(path)
        try:
            render_walkthrough(self._cited(G, reveal), steps, out, reveal=reveal)
        except WalkthroughError as error:
            raise WorkbenchError(str(error)) from None
        name = Path(walkthrough).name if not isinstance(walkthrough, Walkthrough) else steps.title
        self._audit("view.walkthrough", {"path": out.name, "walkthrough": name, "reveal": reveal,
                                         **(audit_params or {})}, out.read_bytes())
        return out

    def export(self, G: nx.Graph, path: str | Path, fmt: str = "graphml", *, reveal: bool = False,
               audit_params: Mapping[str, Any] | None = None, **options: Any) -> list[Path]:
        """Write ``G`` for Gephi (graphml, gexf: a file), i2 Analyst's Notebook (i2: a folder with
        entities.csv, links.csv and the import specification) or as one offline sigma.js page
        (sigma: a file, for graphs too big for :meth:`view`); victims and witnesses pseudonymized
        unless ``reveal``. Every file written is audited. ``options`` go to the writer of
        :mod:`workbench.exports`."""
        from workbench import exports

        if fmt not in EXPORT_FORMATS:
            raise WorkbenchError(Errors.W405.format(option="format", value=fmt, reason="use graphml, gexf, i2 or sigma"))
        out = _out_file(path)
        if fmt == "i2":
            written = [Path(p) for p in exports.to_i2_csv(G, out, reveal=reveal, **options)]
            written += [out / name for name in exports.I2_SPEC_FILES]
        else:
            written = [Path(getattr(exports, f"to_{fmt}")(G, out, reveal=reveal, **options))]
        for item in written:
            self._audit(f"export.{fmt}", {"path": item.name, "reveal": reveal, **(audit_params or {})},
                        item.read_bytes())
        return written

    def write_flags(self, flags: FlagReport, path: str | Path, *, case_id: str | None = None,
                    reveal: bool = False) -> Path:
        """Write a flag run as an HTML fragment (notes cited by file, type, author, date), or, for a
        ``.csv`` path, its ranked table as CSV (no cell a spreadsheet runs); audited. Victims and
        witnesses (names, numbers, file names that hold them) by pseudonym unless ``reveal``."""
        from workbench.flags.report import to_csv as flags_csv

        out = _out_file(path)
        cited = cite_flags(flags, note_sources(self.store.notes(case_id)))
        shown = cited if reveal else protect(cited, self.protection(case_id))
        kind = "csv" if out.suffix.lower() == ".csv" else "html"
        text = flags_csv(shown) if kind == "csv" else flags_html(shown)
        out.write_text(text, encoding="utf-8")
        self._audit(f"flags.export.{kind}", {"path": out.name, "case": case_id, "reveal": reveal}, text)
        return out

    def report(self, case_id: str | None, out_dir: str | Path, *, walkthrough: Walkthrough | str | Path | None = None,
               reveal: bool = False) -> ReportOutput:
        """Flags (audited), the walkthrough (if given) and the case report in ``out_dir``; audited.

        The case and the walkthrough are checked before ``out_dir`` is created.
        """
        self.check_case(case_id)
        if walkthrough is not None and not isinstance(walkthrough, Walkthrough):
            walkthrough = _load_walkthrough(Path(walkthrough))
        out_dir = Path(out_dir)
        out_dir.mkdir(parents=True, exist_ok=True)
        G = self.case_graph(case_id)
        flags = self._flags(case_id)
        walk = None if walkthrough is None else self.walkthrough(
            G, walkthrough, out_dir / "walkthrough.html", reveal=reveal, audit_params={"case_id": case_id})
        page = build_report(G, flags, self.store.notes(case_id), case_id=case_id, reveal=reveal,
                            walkthrough_href=walk.name if walk else None)
        path = out_dir / "case_report.html"
        path.write_text(page.html, encoding="utf-8")
        self._audit("report.html", {"case_id": case_id, "reveal": reveal, "path": path.name}, page.html)
        return ReportOutput(report=path, walkthrough=walk, flagged=len(flags))

    def audit(self) -> pd.DataFrame:
        """The append-only log of flag runs and exports."""
        return read_log(self.audit_log)

    def record_export(self, action: str, params: dict[str, Any], result: bytes | str) -> None:
        """Record something written outside the methods above (they record themselves)."""
        self._audit(action, params, result)

    def _audit(self, action: str, params: Mapping[str, Any], result: bytes | str) -> None:
        record(self.audit_log, action, params, result, analyst=self.settings.analyst)

    def _sizes(self, G: nx.Graph, size_by: str | Mapping[Any, float] | None) -> str | Mapping[Any, float] | None:
        if not isinstance(size_by, str):
            return size_by
        if size_by in SIZE_MEASURES:
            measure: Callable[[nx.Graph], dict[Any, float]] = getattr(analysis, size_by)
            return measure(G)
        choices = self.size_measures(G)
        if size_by not in choices:
            raise WorkbenchError(Errors.W405.format(option="size_by", value=size_by,
                                                    reason=f"use one of {', '.join(choices)}"))
        return size_by

    def _cited(self, G: nx.Graph, reveal: bool) -> nx.Graph:
        """A copy of ``G`` whose evidence names each note by file, type, author and date (for views),
        carrying the case's protection table (every case's when ``G`` carries none)."""
        carried = G.graph.get(GRAPH_KEY)
        table = carried if isinstance(carried, Pseudonyms) else self.protection()
        return attach(cite_graph(G, note_sources(self.store.notes()), (lambda s: s) if reveal else table.scrub), table)

    def status(self) -> pd.DataFrame:
        return self.store.counts()


# -- names: pure functions over a projected graph ------------------------------------------
def _unknown_case(case_id: str, known: list[str]) -> UnknownCase:
    if not known:
        return UnknownCase(Errors.W401.format(case=case_id))
    near = [k for k in known if k.casefold() == case_id.casefold()]
    if not near:
        best = process.extractOne(case_id.casefold(), {k: k.casefold() for k in known}, scorer=fuzz.ratio,
                                  score_cutoff=80)
        near = [best[2]] if best else []
    hint = f" (did you mean {near[0]!r}?)" if near else ""
    shown = ", ".join(known[:12]) + (f" and {len(known) - 12} more" if len(known) > 12 else "")
    return UnknownCase(Errors.W400.format(case=case_id, hint=hint, known=shown), tuple(known))


def _node_cases(G: nx.Graph) -> dict[Any, list[str]]:
    """Node -> the cases its relationships come from."""
    found: dict[Any, set[str]] = defaultdict(set)
    for u, v, data in G.edges(data=True):
        for case in data.get("case_ids") or ():
            found[u].add(case)
            found[v].add(case)
    return {n: sorted(c) for n, c in found.items()}


def _names(node: Any, data: Mapping[str, Any], mapping: Mapping[Any, str]) -> list[str]:
    names = [data.get("name"), *(data.get("aliases") or ()), mapping.get(node)]
    return [n for n in names if isinstance(n, str) and n.strip()]


_PHONE_LIKE = re.compile(r"^\+?[\d\s().-]{7,}$")


def _exact_hits(G: nx.Graph, ref: str, mapping: Mapping[Any, str], label: str | None) -> list[Any]:
    """Nodes ``ref`` names exactly: id, bare key, phone number, then name/alias/pseudonym
    (letter case ignored, then accents and titles too)."""
    text = ref.strip()
    hits = [text] if text in G else [n for n, d in G.nodes(data=True) if d.get("key") == text]
    if not hits and _PHONE_LIKE.match(text):
        phone = clean_phone(text)
        hits = [node_id("Phone", phone)] if phone and node_id("Phone", phone) in G else []
    for fold in (str.casefold, fold_name):
        if hits:
            break
        target = fold(text)
        hits = [n for n, d in G.nodes(data=True) if target and any(fold(x) == target for x in _names(n, d, mapping))]
    return [n for n in hits if label is None or G.nodes[n].get("label") == label]


def _row(G: nx.Graph, node: Any, cases: Mapping[Any, list[str]], mapping: Mapping[Any, str], reveal: bool,
         score: float = 100.0) -> dict[str, Any]:
    data = G.nodes[node]
    name = data.get("name") if reveal or node not in mapping else mapping[node]
    return {"name": str(name), "label": data.get("label"), "role": data.get("role") or "",
            "case": ", ".join(cases.get(node, ())), "id": str(node), "score": round(float(score), 1)}


def _likeness(query: list[str], name: str) -> float:
    """How much ``name`` is like the folded query words, 0-100: 100 the same words, 95 all of them
    among its words, 90 each the start of one of its words, else the words' best rapidfuzz ratios
    (typos), averaged and scaled by 0.9 so that a typo never outranks a real word."""
    words = name.split()
    if not query or not words:
        return 0.0
    if query == words:
        return 100.0
    if all(q in words for q in query):
        return 95.0
    if all(any(w.startswith(q) for w in words) for q in query):
        return 90.0
    return 0.9 * sum(max(fuzz.ratio(q, w) for w in words) for q in query) / len(query)


def _fuzzy(G: nx.Graph, query: str, cases: Mapping[Any, list[str]], mapping: Mapping[Any, str], reveal: bool, *,
           label: str | None = None, limit: int = 20, cutoff: float = 80.0) -> list[dict[str, Any]]:
    """Rows for the entities whose names are most like ``query``, best first (people before the rest);
    four or more digits also find the numbers that contain them.

    Events (calls, payments, operations: labels captioned from their facts, not named) are left
    out unless ``label`` asks for them; a sentence-long caption would match every name in it.
    """
    schema = load_schema()
    events = {name for name, spec in schema.nodes.items() if spec.caption == "caption"}
    wanted, digits = fold_name(query).split(), re.sub(r"\D", "", query)
    scored = []
    for node, data in G.nodes(data=True):
        if data.get("label") != label if label is not None else data.get("label") in events:
            continue
        names = [*_names(node, data, mapping), str(node)]
        score = max((_likeness(wanted, fold_name(n)) for n in names), default=0.0)
        if len(digits) >= 4 and score < 90 and any(digits in re.sub(r"\D", "", n) for n in names):
            score = 90.0  # part of a number: "6625" finds +501 662-5xxx
        if score >= cutoff:
            scored.append((-score, data.get("label") != "Person", str(data.get("name")), node))
    return [_row(G, node, cases, mapping, reveal, -neg) for neg, _, _, node in sorted(scored)[:limit]]


def _cite(row: Mapping[str, Any]) -> str:
    """One evidence row's note as "file · type · author · date" (what is known of it)."""
    parts = [row.get("path"), row.get("note_type"), row.get("author"), row.get("note_date")]
    text = " · ".join(str(p) for p in parts if isinstance(p, str) and p.strip())
    return text or str(row.get("note_id") or "")


def _out_file(path: str | Path) -> Path:
    """An output path whose folder exists (a missing folder is "not found", not a traceback)."""
    out = Path(path)
    if not out.parent.is_dir():
        raise WorkbenchError(Errors.W404.format(path=out.parent, what=f" (the folder to write {out.name} into)"))
    return out


def _load_walkthrough(path: Path) -> Walkthrough:
    if not path.is_file():
        raise WorkbenchError(Errors.W404.format(path=path, what=" (walkthrough YAML)"))
    try:
        return load_walkthrough(path)
    except WalkthroughError as error:
        raise WorkbenchError(str(error)) from None


def decide(settings: Settings, left: str, right: str, *, same: bool, user: str | None = None,
           cases: tuple[str, str] | None = None) -> None:
    """Record a merge decision without checking the database (it is applied at the next ingest);
    ``cases``: the two entities' cases when they differ (a cross-case link, never a merge).

    :meth:`Workbench.decide` checks that both entities exist, accepts names and finds the cases.
    Decisions are about entity keys; the projection's ``Label:key`` is accepted too.
    """
    decision_log(settings).decide(node_key(left), node_key(right), same=same, user=user or settings.analyst,
                                  cases=cases)


def check_uri(settings: Settings) -> None:
    """Refuse an ``http://`` NEO4J_URI in one line (the driver would fail on a missing HTTP extra)."""
    uri = settings.neo4j_uri or ""
    if uri.split("://", 1)[0].lower() in {"http", "https"}:
        raise WorkbenchError(Errors.W205.format(uri=uri))


def connect(settings: Settings | None = None, *, start: bool = True,
            notify: Callable[[str], None] | None = None) -> Workbench:
    """Connect to the local Neo4j (started if needed) or to the one NEO4J_URI names.

    ``notify`` is told, in one line each, when the local server is being started and when it
    is up (the command line prints these on stderr; a first start takes about 15 s). The
    schema's constraints and indexes are applied on every connect (``IF NOT EXISTS``: a no-op
    once they exist); without them every MERGE would scan its whole label.
    """
    import time

    from workbench.store.migrate import migrate

    settings = settings or load_settings()
    check_uri(settings)
    if start and not settings.external:
        from workbench.store import local

        began, starting = time.monotonic(), local.running_pid(settings) is None
        if starting and notify:
            notify(f"starting the local Neo4j at {settings.bolt_uri} (about 15 s; `workbench db start` "
                   "starts it ahead of time) ...")
        pid = local.start(settings)
        if starting and notify:
            notify(f"the local Neo4j is running (pid {pid}, {time.monotonic() - began:.1f} s)")
    try:
        driver = open_driver(settings)
    except WorkbenchError as error:
        if settings.external and code_of(error) == "W201":
            raise WorkbenchError(Errors.W204.format(uri=settings.bolt_uri)) from None
        raise
    schema = load_schema()
    migrate(driver, schema, settings.database)
    return Workbench(settings, Store(driver, database=settings.database, schema=schema))
