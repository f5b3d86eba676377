"""Cross-case links: the same name or identifier in two cases, as a lead for an analyst, never a merge.

Why: resolution works within a case (``ingest.identity``), so "Carlos Reyes" of case BZ-1 and
"Carlos Reyes" of case BZ-2 are two people. They may be one man, and that is worth knowing; they
may be two, and merging them would carry a role, a rank or a complicity flag from one case into
the other. So each pair is a ``Link``: both people, their cases and the reasons, scored like a
merge candidate (``ingest.matching``), decided by an analyst like any merge (a decision across
cases is recorded as a link and never merges: ``ingest.judgements``).

Reasons, each small and explained:

- ``same_name``: the same name once titles, accents and letter case are set aside;
- the name rules of ``ingest.matching`` (``reordered``, ``token_subset``, ``initial``, ``fuzzy``)
  for full names that share a blocking key;
- ``shared_alias``: a nickname one case gives is a name or nickname the other gives;
- ``shared_identifier``: each phone, account, email, handle, plate or document both use.

A pair needs a reason; a pair sharing only identifiers is a link too (the identifier table of
``workbench.cases`` shows the number itself).

>>> people = [Person("a", "BZ-1", "Carlos Reyes", ()), Person("b", "BZ-2", "CARLOS REYES", ("Flaco",)),
...           Person("c", "BZ-2", "Ana Cruz", ())]
>>> [(l.left, l.right, [r.rule for r in l.reasons]) for l in links(people, {})]
[('a', 'b', ['same_name'])]
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from ingest.clustering import BLOCK_LIMIT
from ingest.matching import CONTEXT_BONUS, Reason, blocking_keys, combined_score, name_reasons
from ingest.names import fold, parse_name

__all__ = ["SAME_NAME", "Link", "Person", "links"]

#: The score of two cases' people with the same name (a name rule, as ``ingest.matching.NAME_RULES``).
SAME_NAME = 0.9
ALIAS = 0.7


@dataclass(frozen=True)
class Person:
    """A person of one case: node key, case, name and aliases."""

    key: str
    case_id: str
    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Link:
    """Two people of different cases who may be one: ``left`` < ``right``, reasons and score."""

    left: str
    right: str
    left_case: str
    right_case: str
    left_name: str
    right_name: str
    score: float
    reasons: tuple[Reason, ...]


def _keys(person: Person) -> set[str]:
    parsed = parse_name(person.name)
    keys = {f"n:{parsed.folded}"} | {f"n:{fold(a)}" for a in person.aliases if fold(a)}
    return keys | blocking_keys(parsed)


def _reasons(a: Person, b: Person, shared: Sequence[tuple[str, str]]) -> list[Reason]:
    pa, pb = parse_name(a.name), parse_name(b.name)
    reasons = [Reason("same_name", SAME_NAME, f"{a.name!r} / {b.name!r}")] if pa.folded == pb.folded \
        else name_reasons(pa, pb)
    names_a = {fold(x) for x in (a.name, *a.aliases)} - {""}
    names_b = {fold(x) for x in (b.name, *b.aliases)} - {""}
    aliases = (names_a & {fold(x) for x in b.aliases}) | ({fold(x) for x in a.aliases} & names_b)
    reasons += [Reason("shared_alias", CONTEXT_BONUS["alias"], f"nickname {alias!r}") for alias in sorted(aliases - {""})]
    if not reasons and not shared:
        return []
    reasons += [Reason("shared_identifier", CONTEXT_BONUS["identifier"], f"{label} {value}") for label, value in shared]
    return reasons


def links(people: Iterable[Person], shared: Mapping[tuple[str, str], Sequence[tuple[str, str]]]) -> list[Link]:
    """Every pair of people of two different cases with a reason to be one, best first.

    ``shared``: (key, key) in sorted order -> the (label, value) identifiers both hold.
    """
    people = sorted(people, key=lambda p: p.key)
    by_key = {p.key: p for p in people}
    blocks: dict[str, list[Person]] = defaultdict(list)
    for person in people:
        for key in _keys(person):
            blocks[key].append(person)
    pairs = {tuple(sorted((a.key, b.key))) for group in blocks.values() if len(group) <= BLOCK_LIMIT
             for i, a in enumerate(group) for b in group[i + 1:] if a.case_id != b.case_id}
    pairs |= {pair for pair in shared if pair[0] in by_key and pair[1] in by_key
              and by_key[pair[0]].case_id != by_key[pair[1]].case_id}
    out = []
    for left, right in sorted(pairs):
        a, b = by_key[left], by_key[right]
        reasons = _reasons(a, b, shared.get((left, right), ()))
        if reasons:
            out.append(Link(left, right, a.case_id, b.case_id, a.name, b.name, combined_score(reasons), tuple(reasons)))
    return sorted(out, key=lambda link: (-link.score, link.left, link.right))
