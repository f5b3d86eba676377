"""Cases side by side: the people, phones and accounts several cases share, and the links to review.

Why: cases are kept apart (``ingest.identity``): a name or a number in two cases never merges
anything, and no role, rank or flag travels from one case to the other. That two cases share a
phone, an account or a person's name is still an intelligence lead, so it is listed here, from
the store's facts (which case names which entity), with names and numbers rather than ids:

- :func:`shared_table`: one row per identifier several cases name (who holds it in each case)
  and one per person's name that several cases give (their role in each case), with the
  analysts' word on it (``linked``, ``not the same``, ``to review``);
- :func:`link_table`: the candidate pairs behind it (``ingest.cross_case``), with their reasons
  and the decision on each, for ``workbench merges decide`` (recorded as a link, never a merge);
- :func:`merge_rows`: why an entity of a case is one: the merges resolution made, with reasons.

Tables leave here with real names; :class:`workbench.api.Workbench` passes them through the
protection layer (victims and witnesses by pseudonym, their numbers masked) unless revealed.
"""
from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from graph_schema.node_ids import node_id
from ingest.cross_case import Link, Person, links
from ingest.judgements import Decision, Judgement, pair
from ingest.names import parse_name
from workbench.store.store import Store

__all__ = ["LINK_COLUMNS", "SHARED_COLUMNS", "candidate_rows", "link_table", "merge_rows", "shared_table"]

SHARED_COLUMNS = ["label", "name", "cases", "in each case", "status", "ids"]
LINK_COLUMNS = ["left_name", "left_case", "left_role", "right_name", "right_case", "right_role", "score", "reasons",
                "status", "left", "right"]
MERGE_COLUMNS = ["case", "left_name", "right_name", "rule", "score", "reasons", "left", "right"]


def _people(store: Store) -> list[dict[str, Any]]:
    return store.case_entities(["Person"])


def _holders(store: Store, people: Mapping[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Identifiers several cases name, each with its holders per case (names, as each case gives them)."""
    out = []
    for row in store.shared_entities(store.schema.labels_of_kind("identifier")):
        held: dict[str, set[str]] = defaultdict(set)
        for holder in row["holders"]:
            person = people.get(holder["id"])
            if person is not None:
                held[person["case_id"]].add(holder["id"])
        out.append({**row, "held": held})
    return out


def _shared_pairs(shared: Iterable[dict[str, Any]], people: Mapping[str, dict[str, Any]]
                  ) -> dict[tuple[str, str], list[tuple[str, str]]]:
    pairs: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for row in shared:
        holders = sorted(k for keys in row["held"].values() for k in keys)
        for i, a in enumerate(holders):
            for b in holders[i + 1:]:
                if people[a]["case_id"] != people[b]["case_id"]:
                    pairs[(a, b)].append((row["label"], row["id"]))
    return pairs


def _status(keys: list[str], decisions: Iterable[Decision]) -> str:
    """The analysts' word on a group of people of several cases: every pair linked, one said apart, or open."""
    live = {pair(d.left, d.right): d for d in decisions if d.superseded_at is None}
    found = [live.get(pair(a, b)) for i, a in enumerate(keys) for b in keys[i + 1:]]
    against = [d for d in found if d is not None and d.judgement is Judgement.NEGATIVE]
    if against:
        return f"not the same ({against[0].user}, {against[0].at[:10]})"
    if found and all(d is not None and d.judgement is Judgement.POSITIVE for d in found):
        last = max((d for d in found if d is not None), key=lambda d: d.at)
        return f"linked ({last.user}, {last.at[:10]})"
    return "to review"


def _cases_text(by_case: Mapping[str, Iterable[str]]) -> str:
    return "; ".join(f"{case}: {', '.join(sorted(set(items)))}" for case, items in sorted(by_case.items()))


def shared_table(store: Store, decisions: Iterable[Decision]) -> pd.DataFrame:
    """What several cases share: identifiers (who holds them in each case) and people's names
    (their role in each case), with the analysts' word on the people; see the module docstring."""
    decisions = list(decisions)
    people = {r["id"]: r for r in _people(store)}
    rows = []
    for row in _holders(store, people):
        held = {case: [str(people[k]["name"]) for k in keys] for case, keys in row["held"].items()}
        for case in row["cases"]:
            held.setdefault(case, ["(no holder named)"])
        rows.append({"label": row["label"], "name": row["id"], "cases": ", ".join(sorted(row["cases"])),
                     "in each case": _cases_text(held), "status": "", "ids": node_id(row["label"], row["id"])})
    by_name: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for person in people.values():
        folded = parse_name(str(person["name"] or "")).folded
        if folded:
            by_name[folded].append(person)
    for group in by_name.values():
        cases = sorted({p["case_id"] for p in group})
        if len(cases) < 2:
            continue
        roles = {case: [str((p["fact"] or {}).get("role") or "unknown") for p in group if p["case_id"] == case]
                 for case in cases}
        keys = sorted(p["id"] for p in group)
        rows.append({"label": "Person", "name": str(group[0]["name"]), "cases": ", ".join(cases),
                     "in each case": _cases_text(roles), "status": _status(keys, decisions),
                     "ids": ", ".join(node_id("Person", k) for k in keys)})
    frame = pd.DataFrame(rows, columns=SHARED_COLUMNS)
    return frame.sort_values(["label", "name"], kind="stable").reset_index(drop=True)


def _links(store: Store) -> tuple[list[Link], dict[str, dict[str, Any]]]:
    people = {r["id"]: r for r in _people(store)}
    shared = _shared_pairs(_holders(store, people), people)
    found = links((Person(k, p["case_id"], str(p["name"] or ""), tuple(p["aliases"] or ())) for k, p in people.items()),
                  shared)
    return found, people


def _reasons(link: Link) -> str:
    return "; ".join(f"{r.rule} ({r.score:.2f}): {r.detail}" for r in link.reasons)


def link_table(store: Store, decisions: Iterable[Decision]) -> pd.DataFrame:
    """People of two cases who may be one, best first, with reasons and the analysts' word on each."""
    decisions = list(decisions)
    found, people = _links(store)
    rows = [{"left_name": link.left_name, "left_case": link.left_case,
             "left_role": (people[link.left]["fact"] or {}).get("role") or "unknown",
             "right_name": link.right_name, "right_case": link.right_case,
             "right_role": (people[link.right]["fact"] or {}).get("role") or "unknown",
             "score": link.score, "reasons": _reasons(link), "status": _status([link.left, link.right], decisions),
             "left": node_id("Person", link.left), "right": node_id("Person", link.right)} for link in found]
    return pd.DataFrame(rows, columns=LINK_COLUMNS)


def candidate_rows(store: Store) -> pd.DataFrame:
    """The cross-case links as merge candidates (``Workbench.merge_candidates``' columns)."""
    found, _ = _links(store)
    rows = [{"label": "Person", "left": link.left, "right": link.right,
             "left_name": f"{link.left_name} ({link.left_case})", "right_name": f"{link.right_name} ({link.right_case})",
             "score": link.score, "reasons": f"cross-case link, never merged: {_reasons(link)}"} for link in found]
    return pd.DataFrame(rows, columns=["label", "left", "right", "left_name", "right_name", "score", "reasons"])


def merge_rows(store: Store, item_id: str) -> pd.DataFrame:
    """Why an entity is one, per case: each merge of its mentions' groups, its rule, score and reasons."""
    rows = []
    for case, fact in sorted(store.entity_facts(item_id).items()):
        for text in fact.get("merges") or ():
            row = json.loads(text)
            rows.append({"case": case, "left_name": row["left_name"], "right_name": row["right_name"],
                         "rule": row["rule"], "score": row["score"],
                         "reasons": "; ".join(f"{rule} ({score:.2f}): {detail}" for rule, score, detail in row["reasons"]),
                         "left": row["left"], "right": row["right"]})
    return pd.DataFrame(rows, columns=MERGE_COLUMNS)
