"""Identity owned by resolution: each case resolved on its own, and what it says of each entity.

Why here: a case is the unit of resolution (``../shared/DESIGN.md``). People, organizations and
places merge within a case only; the same name in another case is another entity until an
analyst links them (``workbench.cases`` lists the candidates). So ``cluster_cases`` runs the
clustering on each case's groups alone, with the decisions that apply in that case (a link an
analyst made across cases is no merge). Identifiers are the exception: a number is the same
number in every case, so its node is shared, and what a case's notes say of it (the bank, a
WhatsApp number) is a fact of that case, not of the node.

Resolution then hands the store, besides the nodes and relationships, what downstream code must
read rather than recompute:

- ``case_facts``: one ``IN_CASE`` record per entity and case, holding what that case's notes say
  of it (a person's role, rank, agency; a phone's WhatsApp; an account's bank: the properties
  ``IN_CASE.yaml`` declares) and why its mentions are one entity (``merges``). A second case
  never overwrites the first's facts: they are different records.
- ``authorship``: a ``Note -[AUTHORED_BY]-> Person`` record for every note whose author's name
  resolved to a person of the note's case, after every merge (so the "an official's own notes
  never count" safeguard points at the node that exists).
- ``merge_rows``: every join the clustering made, with its rule and reasons.

Notes without a case take the one case of the notes resolved with them, if there is exactly
one (a case folder whose unheaded notes belong to the case it was handed over as); with none or
several they resolve together as "no case".
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from graph_schema.facts import CASE_FACT as FACT
from graph_schema.facts import fact_names
from graph_schema.model import Schema
from graph_schema.records import NodeRecord, RecordError, RelRecord, validate_rel
from ingest.assemble import build_node, fullest
from ingest.clustering import Clustering, Group, cluster
from ingest.judgements import Decision, MergeRow
from ingest.matching import Reason, combined_score

__all__ = ["authorship", "case_facts", "cluster_cases", "merge_rows", "run_case", "scoped_decisions"]

AUTHORED = "AUTHORED_BY"


def run_case(cases: Iterable[str | None]) -> str | None:
    """The case notes without one resolve in: the one case of the others, if exactly one.

    >>> run_case(["BZ-1", None, "BZ-1"]), run_case(["BZ-1", "BZ-2", None]), run_case([None])
    ('BZ-1', None, None)
    """
    known = {c for c in cases if c}
    return known.pop() if len(known) == 1 else None


def scoped_decisions(decisions: Sequence[Decision], case: str | None,
                     values: Mapping[tuple[str | None, str], str]) -> list[Decision]:
    """The decisions that apply within ``case``: links across cases are no merges, and an
    identifier decided by its key (a phone number) names the case's group of that number."""
    out = []
    for d in decisions:
        if d.cross_case:
            continue
        left, right = values.get((case, d.left), d.left), values.get((case, d.right), d.right)
        out.append(d if (left, right) == (d.left, d.right) else replace(d, left=left, right=right))
    return out


def cluster_cases(groups: dict[str, Group], case_of: Mapping[str, str | None], decisions: Sequence[Decision],
                  values: Mapping[tuple[str | None, str], str]) -> Clustering:
    """``ingest.clustering.cluster`` on each case's groups alone, the outcomes put together."""
    by_case: dict[str | None, dict[str, Group]] = defaultdict(dict)
    for base, group in groups.items():
        by_case[case_of[base]][base] = group
    parts = [cluster(part, scoped_decisions(decisions, case, values))
             for case, part in sorted(by_case.items(), key=lambda kv: (kv[0] is not None, kv[0] or ""))]
    if len(parts) <= 1:
        return parts[0] if parts else cluster({}, decisions)
    out = Clustering(root={}, decided={}, candidates=[], stats=Counter(), problems=[])
    for part in parts:
        out.root.update(part.root)
        out.decided.update(part.decided)
        out.candidates += part.candidates
        out.stats.update(part.stats)
        out.problems += part.problems
        out.merges += part.merges
    out.candidates.sort(key=lambda c: (-c.score, c.left, c.right))
    out.stats["candidates"] = len(out.candidates)
    return out


def _name(group: Group, values: Mapping[str, str]) -> str:
    if group.parsed is not None:
        return group.parsed.name
    return fullest(group.forms) if group.forms else values.get(group.base, group.base)


def merge_rows(joins: Iterable[tuple[str, str, tuple[Reason, ...]]], groups: Mapping[str, Group],
               ends: Mapping[str, tuple[str, str]], case_of: Mapping[str, str | None],
               values: Mapping[str, str]) -> list[MergeRow]:
    """One row per join the clustering made, on the entity it made (joins of dropped entities left out)."""
    rows = []
    for left, right, reasons in joins:
        if left not in ends:
            continue
        label, key = ends[left]
        a, b = (left, right) if left <= right else (right, left)
        rule = next((r.rule for r in reasons if not r.rule.startswith("shared_") and r.rule != "unique_in_case"),
                    reasons[0].rule if reasons else "joined")
        rows.append(MergeRow(label, key, case_of.get(left), a, b, _name(groups[a], values), _name(groups[b], values),
                             rule, combined_score(reasons), tuple((r.rule, r.score, r.detail) for r in reasons)))
    return sorted(rows, key=lambda r: (r.label, r.key, r.left, r.right))


def _scoped_props(label: str, key: str, groups: list[Group], schema: Schema) -> dict[str, object]:
    """What one case's groups of an entity shared by several cases say of it."""
    node = build_node(label, key, groups, schema, [])
    return dict(node.props) if node is not None else {}


def case_facts(nodes: Iterable[NodeRecord], members: Mapping[tuple[str, str], list[Group]],
               case_of: Mapping[str, str | None], merges: Iterable[MergeRow], schema: Schema,
               problems: list[str]) -> list[RelRecord]:
    """One ``IN_CASE`` record per entity and case (see the module docstring); no case, no fact."""
    sources = set(schema.rel(FACT).source)
    merged: dict[tuple[str, str, str | None], list[str]] = defaultdict(list)
    for row in merges:
        merged[(row.label, row.key, row.case_id)].append(row.to_json())
    facts = []
    for node in nodes:
        if node.label not in sources:
            continue
        by_case: dict[str, list[Group]] = defaultdict(list)
        for group in members.get((node.label, node.key), ()):
            case = case_of.get(group.base)
            if case is not None:
                by_case[case].append(group)
        names = fact_names(schema, node.label)
        for case, groups in sorted(by_case.items()):
            said = node.props if len(by_case) == 1 else _scoped_props(node.label, node.key, groups, schema)
            props = {k: v for k, v in said.items() if k in names and v is not None}
            props.update(case_id=case, merges=merged.get((node.label, node.key, case)) or None)
            try:
                facts.append(validate_rel(RelRecord(FACT, node.label, node.key, "Case", case, props=props), schema))
            except RecordError as error:
                problems.append(f"{error}; fact of {node.label} {node.key} in case {case} dropped")
    return facts


def authorship(authors: Mapping[str, str], ends: Mapping[str, tuple[str, str]], schema: Schema) -> list[RelRecord]:
    """``Note -[AUTHORED_BY]-> Person`` for each note whose author's group resolved to a person."""
    out = []
    for note_id, base in sorted(authors.items()):
        label, key = ends.get(base, ("", ""))
        if label == "Person":
            out.append(validate_rel(RelRecord(AUTHORED, "Note", note_id, "Person", key), schema))
    return out
