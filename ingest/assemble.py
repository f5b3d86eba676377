"""Turn clustered groups into validated NodeRecords and merged RelRecords.

Why: once we know which mentions are one entity, its properties must be merged the same way on
every run, and every relationship must carry *all* the sentences that support it (a court asks
for each one), not one copy per note.

Decisions:

- ``name`` is the fullest form seen: most words, then not ALL CAPS, then with accents ("José"
  over "Jose"), then the most frequent, then alphabetical. ``aliases`` are the other full forms
  and every nickname.
- ``role``: an investigator role stated by extraction (the note's author) wins: an officer who
  writes the case's notes investigates it, however often the notes also give their rank (the
  flags still evaluate investigators; only their investigative acts never count); else an
  official role stated by extraction; else
  ``official`` when a public-office title was written before the name (a sergeant who takes
  money is still an official: that is what complicity review looks for); else the most frequent
  stated role (ties: suspect > victim > witness), a witness role counting only when neither
  suspect nor victim is stated (speaking in a statement makes no one less a suspect or a
  victim); else ``unknown``.
- Other properties: the most frequent value (ties: alphabetical). A value its declared type
  rejects, or a property the schema does not declare, is dropped with a one-line problem.
- Relationships of one type between one pair are one RelRecord; for undirected types the pair
  is unordered. A relationship whose two ends resolved to one entity (a self-loop) is dropped.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from graph_schema.model import Schema
from graph_schema.records import Evidence, NodeRecord, RecordError, RelRecord, validate_node, validate_rel
from graph_schema.types import get_type
from ingest.clustering import Group
from ingest.names import fold, name_tokens

__all__ = ["Link", "ROLE_PRIORITY", "build_node", "form_rank", "fullest", "link_key", "merge_links"]

ROLE_PRIORITY = ("official", "investigator", "suspect", "victim", "witness")
_PERSON_HINTS = frozenset({"role", "role_basis", "official", "rank", "agency", "nationality", "aliases"})
_COMPUTED = frozenset({"id", "evidence_ids", "evidence_count", "confidence", "methods", "first_seen",
                       "last_seen", "case_ids", "relation"})


@dataclass(frozen=True, slots=True)
class Link:
    """A relation whose ends are group bases (before the final keys are known)."""

    type: str
    source: str
    target: str
    evidence: Evidence
    props: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)


def form_rank(form: str, count: int) -> tuple[Any, ...]:
    """Sort key of a written name: smaller is fuller and better written (see module docstring)."""
    tokens = name_tokens(fold(form))
    spelled = sum(len(t) > 1 for t in tokens)  # "Arlene Bodden" is fuller than "A. Bodden"
    return (-spelled, -len(tokens), form.isupper(), -sum(not ch.isascii() for ch in form), -count, form)


def fullest(forms: Counter[str]) -> str:
    """The fullest, best-written form of a name.

    >>> fullest(Counter({"Reyes": 3, "Carlos Reyes": 1, "CARLOS REYES": 2}))
    'Carlos Reyes'
    """
    return min(forms.items(), key=lambda kv: form_rank(*kv))[0]


def _vote(values: Iterable[Any]) -> Any:
    counts = Counter(v for v in values if v not in (None, "", [], ()))
    if not counts:
        return None
    return min(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))[0]


def _role(hints: list[dict[str, Any]]) -> str:
    stated = Counter(str(h["role"]) for h in hints if h.get("role") in ROLE_PRIORITY)
    if stated["investigator"]:
        return "investigator"  # an officer who writes the case's notes investigates it (flags still apply)
    if stated["official"]:
        return "official"
    if any(h.get("official") for h in hints):
        return "official"
    if stated["suspect"] or stated["victim"]:
        del stated["witness"]  # someone who speaks in the notes ("La Jefa said ...") is still what was done or said of them
    if stated:
        return min(stated, key=lambda r: (-stated[r], ROLE_PRIORITY.index(r)))
    return "unknown"


def _person_props(groups: list[Group], where: str, problems: list[str]) -> dict[str, Any]:
    forms: Counter[str] = Counter()
    for g in groups:
        forms.update(g.forms)
    name = fullest(forms)
    written: dict[str, Counter[str]] = {}
    for form, count in forms.items():
        written.setdefault(fold(form), Counter())[form] += count
    for g in groups:
        for folded, shown in g.aliases.items():
            written.setdefault(folded, Counter())[shown] += 1
    written.pop(fold(name), None)
    hints = [h for g in groups for h in g.hint_list()]
    for role in sorted({str(h["role"]) for h in hints if h.get("role")} - {*ROLE_PRIORITY, "unknown"}):
        problems.append(f"{where}.role: {role!r} is not a valid role; ignored")
    extra = sorted({k for h in hints for k in h} - _PERSON_HINTS)
    return {
        **{k: None for k in extra},  # reported as undeclared by _clean
        "name": name,
        "aliases": sorted({fullest(c) for c in written.values()}) or None,
        "role": (role := _role(hints)),
        "role_basis": _vote(h.get("role_basis") for h in hints if h.get("role") == role),  # "stated: ..."
        "rank": _vote(h.get("rank") for h in hints),
        "agency": _vote(h.get("agency") for h in hints),
        "nationality": _vote(h.get("nationality") for h in hints),
    }


def _other_props(label: str, key: str, groups: list[Group], schema: Schema) -> dict[str, Any]:
    spec = schema.node(label)
    hints = [h for g in groups for h in g.hint_list()]
    props = {p.name: _vote(h.get(p.name) for h in hints) for p in spec.properties if p.name != spec.key}
    forms: Counter[str] = Counter()
    for g in groups:
        forms.update(g.forms)
    if forms and "name" in props:
        props["name"] = fullest(forms)
    written = Counter(str(h["description"]) for h in hints if h.get("description")) if label == "Vehicle" else None
    if written:  # the fullest way a plate's look was written: "grey Toyota Tacoma 2020" over "Tacoma"
        props["description"] = min(written.items(), key=lambda kv: (-len(kv[0].split()), -kv[1], kv[0]))[0]
    # an identifier keyed "platform:handle" or "kind:number": its two required properties, from the key
    parts = [p.name for p in spec.properties if p.required and p.name != spec.key] if spec.kind == "identifier" else []
    if len(parts) == 2 and ":" in key:
        kind, _, value = key.partition(":")
        first, second = parts
        props[first] = props.get(first) or kind
        props[second] = props.get(second) or value
    extra = sorted({k for h in hints for k in h} - {p.name for p in spec.properties} - {"official"})
    props.update({k: None for k in extra})  # reported as undeclared by _clean
    return props


def _clean(where: str, props: dict[str, Any], specs: Any, problems: list[str]) -> dict[str, Any]:
    """Keep the values their declared type accepts; report the rest in one line each."""
    declared = {p.name: p for p in specs}
    out: dict[str, Any] = {}
    for name, value in props.items():
        spec = declared.get(name)
        if spec is None:
            problems.append(f"{where}.{name}: not a declared property; dropped")
            continue
        if value is None:
            continue
        cleaned = get_type(spec.type).clean(value)
        if cleaned is None or (spec.values and cleaned not in spec.values):
            problems.append(f"{where}.{name}: {value!r} is not a valid {spec.type}; dropped")
            continue
        out[name] = value
    return out


def build_node(label: str, key: str, groups: list[Group], schema: Schema,
               problems: list[str]) -> NodeRecord | None:
    """The validated entity for the groups of one cluster, or None (with a problem) if invalid."""
    where = f"{label} {key}"
    raw = _person_props(groups, where, problems) if label == "Person" else _other_props(label, key, groups, schema)
    props = _clean(where, raw, schema.node(label).properties, problems)
    try:
        return validate_node(NodeRecord(label, key, props), schema)
    except RecordError as error:
        problems.append(f"{label} {key}: {error}; entity dropped")
        return None


def _rel_props(rel_type: str, links: list[Link], schema: Schema, problems: list[str]) -> dict[str, Any]:
    by_id: dict[str, Evidence] = {}
    for link in links:
        by_id.setdefault(link.evidence.id, link.evidence)
    ordered = sorted(by_id.items(), key=lambda kv: (kv[1].note_id, kv[1].start, kv[1].end, kv[1].method))
    evidence = [e for _, e in ordered]
    dates = sorted(d for d in (get_type("date").clean(e.date) for e in evidence if e.date) if d)
    details = sorted({str(l.props["relation"]) for l in links if l.props.get("relation")})
    own = {k: _vote(l.props.get(k) for l in links) for k in sorted({k for l in links for k in l.props})
           if k not in _COMPUTED}
    props = {
        **own,
        "evidence_ids": [eid for eid, _ in ordered],
        "evidence_count": len(evidence),
        "confidence": max(e.confidence for e in evidence),
        "methods": sorted({e.method for e in evidence}),
        "first_seen": dates[0] if dates else None,
        "last_seen": dates[-1] if dates else None,
        "case_ids": sorted({e.case_id for e in evidence if e.case_id}) or None,
        "relation": "; ".join(details) or None,
    }
    props = _clean(rel_type, props, schema.rel(rel_type).properties, problems)
    return {**props, "_evidence": tuple(evidence)}


def link_key(rel_type: str, source: tuple[str, str], target: tuple[str, str],
             schema: Schema) -> tuple[str, str, str, str]:
    """(source label, source key, target label, target key) of the relationship a link joins;
    the ends of an undirected type in a fixed order."""
    spec = schema.relationships.get(rel_type)
    if spec is not None and not spec.directed and target < source:
        source, target = target, source
    return (*source, *target)


def merge_links(links: Iterable[Link], ends: dict[str, tuple[str, str]], schema: Schema,
                problems: list[str]) -> tuple[list[RelRecord], int]:
    """One validated RelRecord per (type, source, target); returns them and the self-loops dropped."""
    merged: dict[tuple[str, ...], list[Link]] = {}
    loops = 0
    for link in links:
        if link.source not in ends or link.target not in ends:
            continue
        source, target = ends[link.source], ends[link.target]
        if source == target:
            loops += 1
            continue
        merged.setdefault((link.type, *link_key(link.type, source, target, schema)), []).append(link)
    records = []
    for (rel_type, sl, sk, tl, tk), group in sorted(merged.items()):
        if rel_type not in schema.relationships:
            problems.append(f"{rel_type}: unknown relationship type; {len(group)} relation(s) dropped")
            continue
        props = _rel_props(rel_type, group, schema, problems)
        evidence = props.pop("_evidence")
        try:  # validate_rel derives the id from the record itself (type and ends)
            records.append(validate_rel(RelRecord(rel_type, sl, sk, tl, tk, evidence, props), schema))
        except RecordError as error:
            problems.append(f"{error}; relation {sl} {sk} -> {tl} {tk} dropped")
    return records, loops
