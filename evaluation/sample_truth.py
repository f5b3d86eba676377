"""Score extraction against a sample case's ``ground_truth.json``: precision, recall, F1 per type.

Why: the rules are tuned by reading notes, so they must be scored on notes they were not tuned
on (a sample generated with another seed; later, hand-annotated real texts in the same format).
Scoring is per note, on normalized values, so a mention counts once per note whatever its
surface: Person, Location, Organization by ``fold_name`` of the canonical name; Phone by E.164;
Email lowercased; Handle, Account, Vehicle, IdDocument by their keys; Money by "amount
currency" ("500.00 BZD"). Relations count as (type, folded source value, folded target value),
unordered for undirected types; payments and calls, which extraction splits into an event
with two edges (payer -PAID-> Payment -PAID_TO-> payee), are joined back into one
(PAID, payer, payee) / (CALLED, caller, callee) before comparing.
"""
from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from graph_schema.model import load_schema
from graph_schema.records import Mention
from graph_schema.types import fold_name
from evaluation.scoring import Score
from ingest.results import Extraction, FileError

__all__ = ["Score", "evaluate", "mention_value"]


def mention_value(m: Mention) -> tuple[str, str] | None:
    """The (label, comparable value) of an extracted mention, in ground-truth terms."""
    if m.label == "Payment":
        if m.props.get("amount") is None:
            return None
        return "Money", f"{float(m.props['amount']):.2f} {m.props.get('currency') or 'BZD'}".lower()
    if m.label in load_schema().labels_of_kind("named"):
        return m.label, _truth_value(m.label, m.canonical or m.text)
    if m.label == "Call":
        return None
    return m.label, (m.key or m.text).lower()


def _truth_value(label: str, value: str) -> str:
    """Names folded; a street address by its number and street only ("63 Baker Street"), since
    a note often gives the town once and the bare street later."""
    if label == "Location" and value[:1].isdigit():
        value = value.split(",")[0]
    return fold_name(value) if label in load_schema().labels_of_kind("named") else str(value).lower()


def _relations(extraction: Extraction) -> set[tuple[str, str, str]]:
    by_id = {m.id: m for m in extraction.mentions}

    def value(mention_id: str) -> str | None:
        m = by_id.get(mention_id)
        found = mention_value(m) if m is not None else None
        return found[1] if found else None

    found, into, out_of = set(), defaultdict(set), defaultdict(set)
    schema = load_schema()
    legs = [pair for label in schema.party_events() if (pair := schema.event_legs(label))]
    for r in extraction.relations:
        if r.type in {into_event for into_event, _ in legs}:
            into[r.target].add((r.type, value(r.source)))
        elif r.type in {out_of_event for _, out_of_event in legs}:
            out_of[r.source].add(value(r.target))
        else:
            found.add(_key(r.type, value(r.source), value(r.target)))
    for event, sources in into.items():
        found |= {_key(t, s, target) for t, s in sources for target in out_of.get(event, ())}
    return {k for k in found if k[1] and k[2]}


def _end(value: object) -> str:
    """A true relation's end as extraction values are compared: a street address by its street."""
    text = str(value)
    return _truth_value("Location", text) if text[:1].isdigit() and "," in text else text


def _key(rel_type: str, source: str | None, target: str | None) -> tuple[str, str, str]:
    source, target = (fold_name(source) if source else source), (fold_name(target) if target else target)
    if rel_type in load_schema().undirected_types and source and target and target < source:
        source, target = target, source
    return rel_type, source or "", target or ""


def _score(scores: dict[str, Score], got: set[tuple], want: set[tuple]) -> None:
    for item in got | want:
        score = scores[item[0]]
        if item in got and item in want:
            score.tp += 1
        elif item in got:
            score.fp += 1
        else:
            score.fn += 1


def evaluate(extractions: Iterable[Extraction | FileError], truth: dict[str, Any] | str | Path) -> dict[str, Any]:
    """Per-type scores of ``extractions`` against a ground truth (a dict or its file's path).

    Returns ``{"entities": {label: Score}, "relations": {type: Score}, "typed_relations": Score,
    "notes": n}``; notes absent from the truth (CSV exports, other files) are ignored.
    ``typed_relations`` sums the types the truth annotates, except ASSOCIATED_WITH: a sample
    generator annotates the typed facts it wrote, not every co-mention (nor LOCATED_IN), so
    those are reported per type but left out of the overall relation precision.
    """
    data: dict[str, Any] = truth if isinstance(truth, dict) else json.loads(Path(truth).read_text(encoding="utf-8"))
    notes = data["notes"]
    entities: dict[str, Score] = defaultdict(Score)
    relations: dict[str, Score] = defaultdict(Score)
    seen = 0
    for item in extractions:
        if not isinstance(item, Extraction):  # a file that could not be read
            continue
        gold = notes.get(item.note.path)
        if gold is None:  # a note the truth does not know (a CSV export, another file)
            continue
        seen += 1
        got = {v for v in map(mention_value, item.mentions) if v}
        want = {(m["label"], _truth_value(m["label"], m["value"])) for m in gold["mentions"]}
        _score(entities, got, want)
        want_rel = {_key(r["type"], _end(r["source"]), _end(r["target"])) for r in gold["relations"]}
        _score(relations, _relations(item), want_rel)
    annotated = {r["type"] for gold in notes.values() for r in gold["relations"]} - {"ASSOCIATED_WITH"}
    typed = Score()
    for rel_type in annotated & set(relations):
        typed.tp, typed.fp, typed.fn = (typed.tp + relations[rel_type].tp, typed.fp + relations[rel_type].fp,
                                        typed.fn + relations[rel_type].fn)
    return {"entities": dict(entities), "relations": dict(relations), "typed_relations": typed, "notes": seen}
