"""Who is a public official: from the graph's people, and from the unit's officials register.

Why both: extraction tags people as officials when a note gives their rank or agency ("Cpl.",
"the Immigration officer"), but many officials appear in notes by name only. The unit keeps a
register (name, agency, rank, posting, from, to) that resolves against the graph by folded name.
Exact folded matches and fuzzy matches at or above ``sure`` are applied; matches between
``review`` and ``sure`` (or ambiguous ones) are listed for an analyst, never applied - a wrong
merge here would put an innocent person's name on a complicity flag.

Investigators (role ``investigator``) are police officers and are evaluated by the same rules;
their investigative ties simply never count (see :mod:`workbench.flags.context`).
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import networkx as nx
import pandas as pd
from rapidfuzz import fuzz, process

from graph_schema import fold_name

__all__ = ["AGENCIES", "official_agency", "is_official", "officials", "read_register", "match_register"]

#: Public offices, as data: canonical agency -> patterns over the agency / rank text.
AGENCIES: dict[str, str] = {
    # Order matters: the first match wins ("Labour Inspector" is Labour, not Police).
    "Immigration": r"immigration|nationality",
    "Customs": r"customs",
    "Labour": r"\blabou?r\b",
    "Coast Guard": r"coast ?guard",
    "BDF": r"\bbdf\b|defen[cs]e force|\bsoldier\b",
    "Municipal": r"municipal|town council|city council|\bcouncil(l)?or\b|\bmayor\b",
    "Human Services": r"human services|social work|\bdhs\b",
    "FIU": r"financial intelligence|\bfiu\b",
    "Ministry": r"ministry|\bminister\b|permanent secretary|\bcabinet\b",
    "Courts": r"\bcourt\b|magistrate|\bjudge\b|\bjustice\b|prosecut|\bdpp\b",
    "Prisons": r"\bprison|kolbe",
    "Police": r"\bpolice\b|\bconstable\b|\bcorporal\b|\bcpl\b|\bsergeant\b|\bsgt\b|\binspector\b|"
              r"superintendent|\bpc\b|\bcid\b|\bostu\b|\bofficer\b",
}
_PATTERNS = {agency: re.compile(p, re.IGNORECASE) for agency, p in AGENCIES.items()}
OFFICIAL_ROLES = ("official", "investigator")
REGISTER_COLUMNS = ("name", "agency", "rank", "posting", "from", "to")
E_REGISTER_COLUMNS = "{path}: officials register lacks column(s) {missing}"


def official_agency(agency: object = None, rank: object = None) -> str | None:
    """The canonical public agency named by an agency or rank text, or None.

    >>> official_agency("Belize Police Department")
    'Police'
    >>> official_agency(None, "Sgt.")
    'Police'
    >>> official_agency("Blue Parrot Bar") is None
    True
    """
    text = " ".join(str(x) for x in (agency, rank) if x)
    return next((name for name, pat in _PATTERNS.items() if pat.search(text)), None)


def is_official(attrs: dict[str, object]) -> bool:
    """A Person with role official/investigator, or whose agency or rank names a public office."""
    if attrs.get("label") != "Person":
        return False
    return attrs.get("role") in OFFICIAL_ROLES or official_agency(attrs.get("agency"), attrs.get("rank")) is not None


def officials(G: nx.MultiDiGraph, *, register: pd.DataFrame | None = None) -> pd.DataFrame:
    """Officials among the graph's people, optionally completed by the applied register matches.

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
    if register is not None:
        for match in match_register(G, register).itertuples(index=False):
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
        raise ValueError(E_REGISTER_COLUMNS.format(path=Path(path).name, missing=", ".join(missing)))
    for column in REGISTER_COLUMNS:
        if column not in frame.columns:
            frame[column] = ""
    return frame.replace({"": None})


def match_register(G: nx.MultiDiGraph, register: pd.DataFrame, *, sure: float = 95.0,
                   review: float = 80.0) -> pd.DataFrame:
    """Resolve each register row to a graph Person by folded name (and aliases) with rapidfuzz.

    ``status`` is ``applied`` (exact fold, or one candidate >= ``sure``), ``unsure`` (best score
    in ``[review, sure)``, or several candidates >= ``sure``: listed for an analyst, not applied)
    or ``unmatched``. ``score`` is rapidfuzz's token_sort_ratio (100 for an exact fold).
    """
    names = _person_names(G)
    choices = list(names)
    rows = []
    for rec in register.to_dict("records"):
        folded = fold_name(rec.get("name") or "")
        hits = process.extract(folded, choices, scorer=fuzz.token_sort_ratio, limit=3, score_cutoff=review)
        best = [(choices[i], s) for _, s, i in hits]
        exact = [n for n in names.get(folded, ())] if folded in names else []
        node, score, status = None, (best[0][1] if best else None), "unmatched"
        if len(exact) == 1:
            node, score, status = exact[0], 100.0, "applied"
        elif best:
            sure_nodes = {n for name, s in best if s >= sure for n in names[name]}
            node = names[best[0][0]][0]
            status = "applied" if len(sure_nodes) == 1 and len(names[best[0][0]]) == 1 else "unsure"
        rows.append({**{c: rec.get(c) for c in REGISTER_COLUMNS}, "node": node,
                     "graph_name": G.nodes[node].get("name") if node else None,
                     "score": score, "status": status})
    return pd.DataFrame(rows, columns=[*REGISTER_COLUMNS, "node", "graph_name", "score", "status"])


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
