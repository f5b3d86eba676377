"""Who is a public official: from the graph's people, and from the unit's officials register.

Why both: extraction tags people as officials when a note gives their rank or agency ("Cpl.",
"the Immigration officer"), but many officials appear in notes by name only. The unit keeps a
register (name, agency, rank, posting, from, to) that resolves against the graph by folded name.
Exact folded matches and fuzzy matches at or above ``sure`` are applied; matches between
``review`` and ``sure`` (or ambiguous ones) are listed for an analyst, never applied - a wrong
merge here would put an innocent person's name on a complicity flag.

Agencies are the one vocabulary of offices (``graph_schema/offices.yaml``): the agency a title
gives a person in extraction ("Judiciary") is the group the flags put them in.

Register matches are decisions like merges: rows of the decision log (``ingest.judgements``,
``decisions.jsonl``), between the register row (:func:`register_id`) and the person's entity key.
This module cannot import ``ingest`` (the import layering), so it takes the live decisions as
plain rows and returns the rows it decided (:func:`register_decisions`); :mod:`workbench.api`
writes them to the log. An analyst's decision on a pair wins over the matcher's score: positive
applies the match, negative blocks it; the matcher's own earlier rows are never its input, so a
run is a pure function of the graph, the register and the analysts' decisions.

Investigators (role ``investigator``) are police officers and are evaluated by the same rules;
their investigative ties simply never count (see :mod:`workbench.flags.context`).
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import networkx as nx
import pandas as pd
from rapidfuzz import fuzz, process

from graph_schema import fold_name
from graph_schema.offices import load_offices
from workbench.errors import Errors

__all__ = ["REGISTER_MATCHER", "official_agency", "is_official", "officials", "read_register", "match_register",
           "register_decisions", "register_id"]

OFFICIAL_ROLES = ("official", "investigator")
REGISTER_COLUMNS = ("name", "agency", "rank", "posting", "from", "to")
#: The ``user`` of the decisions the register matcher makes on its own.
REGISTER_MATCHER = "workbench.flags.register-match"
_MATCH_COLUMNS = [*REGISTER_COLUMNS, "node", "graph_name", "score", "status", "register_id", "decided_by"]


def official_agency(agency: object = None, rank: object = None) -> str | None:
    """The canonical public agency named by an agency or rank text, or None.

    >>> official_agency("Belize Police Department")
    'Police'
    >>> official_agency(None, "Sgt.")
    'Police'
    >>> official_agency("Blue Parrot Bar") is None
    True
    """
    return load_offices().read_agency(agency, rank)


def is_official(attrs: dict[str, object]) -> bool:
    """A Person with role official/investigator, or whose agency or rank names a public office."""
    if attrs.get("label") != "Person":
        return False
    return attrs.get("role") in OFFICIAL_ROLES or official_agency(attrs.get("agency"), attrs.get("rank")) is not None


def officials(G: nx.MultiDiGraph, *, register: pd.DataFrame | None = None,
              matches: pd.DataFrame | None = None) -> pd.DataFrame:
    """Officials among the graph's people, optionally completed by the applied register matches
    (``matches``: :func:`match_register`'s, when the caller ran it with the analysts' decisions).

    Columns: node, name, role, agency, rank, agency_group, posting, source, match_score.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("Person:a", label="Person", name="Juan Cal", role="official", agency="Immigration")
    >>> G.add_node("Person:b", label="Person", name="Flaco", role="suspect")
    >>> officials(G)[["node", "agency_group"]].values.tolist()
    [['Person:a', 'Immigration']]
    """
    rows: dict[str, dict[str, object]] = {}
    for node, attrs in G.nodes(data=True):
        if is_official(attrs):
            rows[node] = _row(node, attrs, source="graph")
    if matches is None and register is not None:
        matches = match_register(G, register)
    for match in (matches.itertuples(index=False) if matches is not None else ()):
        if match.status != "applied":
            continue
        row = rows.get(match.node) or _row(match.node, G.nodes[match.node], source="register")
        if row["source"] == "graph" and row.get("match_score") is None:
            row["source"] = "graph+register"
        row.update(agency=row["agency"] or match.agency, rank=row["rank"] or match.rank,
                   posting=match.posting, match_score=match.score)
        row["agency_group"] = official_agency(row["agency"], row["rank"])
        rows[match.node] = row
    columns = ["node", "name", "role", "agency", "rank", "agency_group", "posting", "source", "match_score"]
    return pd.DataFrame(list(rows.values()), columns=columns)


def _row(node: str, attrs: dict[str, object], *, source: str) -> dict[str, object]:
    return {"node": node, "name": attrs.get("name") or node, "role": attrs.get("role"),
            "agency": attrs.get("agency"), "rank": attrs.get("rank"),
            "agency_group": official_agency(attrs.get("agency"), attrs.get("rank")),
            "posting": None, "source": source, "match_score": None}


def read_register(path: str | Path) -> pd.DataFrame:
    """Read the officials register CSV; fails in one line naming the file when columns lack."""
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame.columns = [c.strip().lower() for c in frame.columns]
    missing = [c for c in ("name", "agency") if c not in frame.columns]
    if missing:
        raise ValueError(Errors.W412.format(path=Path(path).name, missing=", ".join(missing)))
    for column in REGISTER_COLUMNS:
        if column not in frame.columns:
            frame[column] = ""
    return frame.replace({"": None})


def register_id(name: object) -> str:
    """The id of a register row in the decision log: its folded name.

    >>> register_id("Martínez, José")
    'register:jose martinez'
    """
    return f"register:{fold_name(str(name or ''))}"


def match_register(G: nx.MultiDiGraph, register: pd.DataFrame, *, sure: float = 95.0, review: float = 80.0,
                   decisions: Iterable[Any] = ()) -> pd.DataFrame:
    """Resolve each register row to a graph Person by folded name (and aliases) with rapidfuzz.

    ``status`` is ``applied`` (exact fold, or one candidate >= ``sure``), ``unsure`` (best score
    in ``[review, sure)``, or several candidates >= ``sure``: listed for an analyst, not applied)
    or ``unmatched``. ``score`` is rapidfuzz's token_sort_ratio (100 for an exact fold).
    ``decisions`` are the live decision-log rows (``left``, ``right``, ``judgement``, ``user``):
    an analyst's positive decision between a row's ``register_id`` and a person's key applies that
    match (``decided_by`` names the analyst), a negative one keeps the person out of the row's
    candidates.
    """
    names = _person_names(G)
    decided = _analyst_decisions(decisions)
    keys = {str(attrs.get("key")): node for node, attrs in G.nodes(data=True) if attrs.get("label") == "Person"}
    rows = []
    for rec in register.to_dict("records"):
        rid = register_id(rec.get("name"))
        verdicts = decided.get(rid, {})
        blocked = {keys[k] for k, (same, _) in verdicts.items() if not same and k in keys}
        chosen = [(keys[k], user) for k, (same, user) in _positives(verdicts) if k in keys]
        node, score, status = _match(names, fold_name(rec.get("name") or ""), blocked, sure, review)
        by = REGISTER_MATCHER if status != "unmatched" else None
        if chosen:
            (node, by), score, status = chosen[0], 100.0, "applied"
        rows.append({**{c: rec.get(c) for c in REGISTER_COLUMNS}, "node": node,
                     "graph_name": G.nodes[node].get("name") if node else None,
                     "score": score, "status": status, "register_id": rid, "decided_by": by})
    return pd.DataFrame(rows, columns=_MATCH_COLUMNS)


def _match(names: dict[str, list[str]], folded: str, blocked: set[str], sure: float,
           review: float) -> tuple[str | None, float | None, str]:
    """(node, score, status) of one folded register name against the graph's names."""
    names = {n: [x for x in nodes if x not in blocked] for n, nodes in names.items()}
    choices = [n for n, nodes in names.items() if nodes]
    hits = process.extract(folded, choices, scorer=fuzz.token_sort_ratio, limit=3, score_cutoff=review)
    best = [(choices[i], s) for _, s, i in hits]
    exact = names.get(folded, [])
    if len(exact) == 1:
        return exact[0], 100.0, "applied"
    if best:
        sure_nodes = {n for name, s in best if s >= sure for n in names[name]}
        status = "applied" if len(sure_nodes) == 1 and len(names[best[0][0]]) == 1 else "unsure"
        return names[best[0][0]][0], best[0][1], status
    return None, None, "unmatched"


def _analyst_decisions(decisions: Iterable[Any]) -> dict[str, dict[str, Any]]:
    """register id -> {entity key: (same?, user)} from the live decisions an analyst made."""
    found: dict[str, dict[str, Any]] = {}
    for d in decisions:
        judgement = _judgement(d)
        if str(d.user) == REGISTER_MATCHER or judgement not in ("positive", "negative"):
            continue
        same = judgement == "positive"
        for rid, key in ((d.left, d.right), (d.right, d.left)):
            if str(rid).startswith("register:"):
                found.setdefault(str(rid), {})[str(key)] = (same, str(d.user))
    return found


def _judgement(decision: Any) -> str:
    """A decision's judgement as text (``ingest.judgements.Judgement`` is a str enum)."""
    return str(getattr(decision.judgement, "value", decision.judgement))


def _positives(verdicts: dict[str, Any]) -> list[tuple[str, tuple[bool, str]]]:
    return sorted((k, v) for k, v in verdicts.items() if v[0])


def register_decisions(G: nx.MultiDiGraph, matches: pd.DataFrame, live: Iterable[Any] = ()) -> list[dict[str, Any]]:
    """The decision-log rows the matcher made in ``matches``: applied -> positive, unsure ->
    unsure, each with its score (0-1); none where an analyst decided the pair, nor where the
    matcher's own live row already says the same."""
    current = {(str(d.left), str(d.right)): (str(d.user), _judgement(d)) for d in live}
    rows = []
    for m in matches.itertuples(index=False):
        if m.decided_by != REGISTER_MATCHER or m.node is None:
            continue
        key = str(G.nodes[m.node].get("key"))
        judgement = "positive" if m.status == "applied" else "unsure"
        pair = tuple(sorted((m.register_id, key)))
        before = current.get((pair[0], pair[1]))
        if before is not None and (before[0] != REGISTER_MATCHER or before[1] == judgement):
            continue
        rows.append({"left": m.register_id, "right": key, "judgement": judgement, "user": REGISTER_MATCHER,
                     "score": round(float(m.score) / 100, 4)})
    return rows


def _person_names(G: nx.MultiDiGraph) -> dict[str, list[str]]:
    """Folded name (and alias) -> Person nodes bearing it."""
    names: dict[str, list[str]] = {}
    for node, attrs in G.nodes(data=True):
        if attrs.get("label") != "Person":
            continue
        aliases = attrs.get("aliases") or []
        if isinstance(aliases, str) or not isinstance(aliases, Iterable):
            aliases = [aliases]
        for raw in [attrs.get("name"), *aliases]:
            bucket = names.setdefault(fold_name(str(raw)), []) if raw else None
            if bucket is not None and node not in bucket:
                bucket.append(node)
    return names
