"""Which name groups are one entity: analyst decisions first, then sure merges backed by context.

Why: resolution must never join two people on a hunch. A ``Group`` is every mention of one
folded name (or one identifier key); this module joins groups with a union-find, in a fixed
order so re-runs give the same result:

1. live POSITIVE decisions join their groups, whatever the names (the analyst has the last word);
2. full-name pairs found through blocking keys (never all pairs) are joined when a name rule
   matches *and* they share context (a phone, a nickname, a venue, a place); without context
   the pair becomes a ``Candidate``;
3. lone tokens ("Flaco", "Reyes", "Marcos") join the one full-name cluster with that nickname,
   surname or first name when it is unique and backed by context; otherwise they stay apart and
   emit candidates.

A name that fits exactly one person of the notes resolved together (one ingest: one case) is a
sure merge even without shared context, and so are a handset's saved contact name and a venue's
short name; those rules are in ``ingest.case_fit``.

An automatic join is refused when an analyst said NEGATIVE for any pair across the two clusters,
or when any two first names across them are incompatible (brothers), so transitivity cannot
smuggle in what a direct comparison would refuse. Refused pairs become candidates.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from networkx.utils import UnionFind

from ingest.case_fit import conflict, join_capital_surnames, join_saved_contacts, join_short_venue_names, only_one_fits, unique_fit
from ingest.judgements import Decision, clusters, negatives, pair
from ingest.matching import (
    Candidate, Reason, blocking_keys, combined_score, context_reasons, first_names_compatible,
    name_reasons, single_token_reasons,
)
from ingest.names import ParsedName
from ingest.retype import retype_model_guesses

__all__ = ["BLOCK_LIMIT", "Clustering", "Group", "cluster"]

BLOCK_LIMIT = 250  # a blocking key shared by more names than this is too common to compare within
MAX_SINGLE_CANDIDATES = 5


@dataclass(slots=True)
class Group:
    """Everything resolution keeps about one entity name (or identifier key) before clustering.

    Why no mention list: a case's mentions, with their sentences, are what makes memory grow
    with the number of notes; a group keeps counts, the written forms, aliases, context and
    its distinct property hints (``hints``: each distinct hint with how many mentions gave it).
    ``parsed`` and each alias's written form come from the earliest mention by (note id,
    offset), so the result does not depend on the order notes arrive in.
    """

    label: str
    base: str
    parsed: ParsedName | None = None
    mention_count: int = 0
    note_count: int = 0
    forms: Counter[str] = field(default_factory=Counter)
    aliases: dict[str, str] = field(default_factory=dict)  # folded nickname -> as written
    context: set[tuple[str, str, str]] = field(default_factory=set)  # (label, key, caption)
    leads: int = 0  # mentions that are only a lead to a name: a contact name saved on a seized handset
    guessed: int = 0  # mentions whose type is only the statistical model's guess (``ingest.retype``)
    hints: Counter[tuple[tuple[str, Any], ...]] = field(default_factory=Counter)
    _last_note: str | None = field(default=None, repr=False)
    _parsed_at: tuple[str, int] | None = field(default=None, repr=False)
    _alias_at: dict[str, tuple[str, int]] = field(default_factory=dict, repr=False)

    @property
    def single(self) -> bool:
        return self.parsed is not None and self.parsed.single

    def context_items(self) -> set[tuple[str, str, str]]:
        return self.context | {("alias", folded, shown) for folded, shown in self.aliases.items()}

    def see_mention(self, note_id: str) -> None:
        """Count a mention; notes arrive one at a time, so a new note id is a new note."""
        self.mention_count += 1
        if note_id != self._last_note:
            self.note_count += 1
            self._last_note = note_id

    def see_parse(self, parsed: ParsedName, at: tuple[str, int]) -> None:
        if self._parsed_at is None or at < self._parsed_at:
            self.parsed, self._parsed_at = parsed, at

    def see_alias(self, folded: str, shown: str, at: tuple[str, int]) -> None:
        if folded not in self._alias_at or at < self._alias_at[folded]:
            self.aliases[folded], self._alias_at[folded] = shown, at

    def add_hint(self, hint: dict[str, Any]) -> None:
        self.hints[tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in hint.items()))] += 1

    def hint_list(self) -> list[dict[str, Any]]:
        """One dict per mention (repeats share one object), as the property votes expect."""
        out: list[dict[str, Any]] = []
        for frozen, count in self.hints.items():
            out += [{k: list(v) if isinstance(v, tuple) else v for k, v in frozen}] * count
        return out


@dataclass
class Clustering:
    """The outcome: a root per group, the candidates left for analysts, and counts."""

    root: dict[str, str]
    decided: dict[str, str]  # group base -> canonical id from decisions
    candidates: list[Candidate]
    stats: Counter[str]
    problems: list[str]
    #: Every join made, as (group, group, reasons): why the entity's groups are one (``ingest.resolve``).
    merges: list[tuple[str, str, tuple[Reason, ...]]] = field(default_factory=list)


class _Sets:
    """Union-find over group bases (networkx's) that remembers members and first names per
    cluster; a cluster is named by its smallest base (``find``), whatever root networkx keeps."""

    def __init__(self, groups: dict[str, Group], negative: frozenset[tuple[str, str]]) -> None:
        self.sets = UnionFind(groups)
        self.least = {b: b for b in groups}  # union-find root -> the cluster's smallest base
        self.members = {b: [b] for b in groups}
        self.firsts = {b: {g.parsed.first} if g.parsed and not g.single else set() for b, g in groups.items()}
        self.words = {b: set(g.parsed.tokens) if g.parsed else set() for b, g in groups.items()}
        self.lasts = {b: {g.parsed.last} if g.parsed and not g.single else set() for b, g in groups.items()}
        self.neg: dict[str, set[str]] = defaultdict(set)
        self.joins: list[tuple[str, str, tuple[Reason, ...]]] = []  # every union, with its reasons
        for left, right in negative:
            self.neg[left].add(right)
            self.neg[right].add(left)

    def find(self, x: str) -> str:
        return self.least[self.sets[x]]

    def refusal(self, a: str, b: str) -> str | None:
        """Why an automatic join of a's and b's clusters is not allowed, or None."""
        ra, rb = self.find(a), self.find(b)
        if any(self.find(y) == rb for x in self.members[ra] for y in self.neg.get(x, ()) if y in self.least):
            return "an analyst decided these are not the same"
        firsts_a, firsts_b = self.firsts[ra] - self.lasts[ra], self.firsts[rb] - self.lasts[rb]  # surname-first forms
        if any(not first_names_compatible(x, y) and not (x in self.words[rb] and y in self.words[ra])
               for x in firsts_a for y in firsts_b):  # "Guerra Marcos" / "Marcos Guerra": reordered
            return "different first names in the two clusters"
        return None

    def union(self, a: str, b: str, *reasons: Reason) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        self.joins.append((a, b, reasons))
        ra, rb = min(ra, rb), max(ra, rb)
        self.sets.union(ra, rb)
        self.least[self.sets[ra]] = ra
        self.members[ra] += self.members.pop(rb)
        self.firsts[ra] |= self.firsts.pop(rb)
        self.words[ra] |= self.words.pop(rb)
        self.lasts[ra] |= self.lasts.pop(rb)


def _apply_decisions(groups: dict[str, Group], decisions: Sequence[Decision], sets: _Sets,
                     out: Clustering) -> None:
    by_canonical: dict[str, list[str]] = defaultdict(list)
    for member, canonical in out.decided.items():
        by_canonical[canonical].append(member)
    for canonical, members in sorted(by_canonical.items()):
        present = sorted(m for m in members if m in groups)
        for other in present[1:]:
            if groups[other].label != groups[present[0]].label:
                out.problems.append(f"decision on {canonical}: joins a {groups[other].label} and a "
                                    f"{groups[present[0]].label}; ignored")
            elif sets.find(other) != sets.find(present[0]):
                sets.union(present[0], other, Reason("decision", 1.0, "an analyst decided these are the same"))
                out.stats["merged_by_decision"] += 1


def _pairs(people: list[Group], stats: Counter[str]) -> Iterator[tuple[str, str]]:
    """Pairs of full names that share a blocking key; each pair once, in a fixed order."""
    blocks: dict[str, list[str]] = defaultdict(list)
    for group in people:
        assert group.parsed is not None
        for key in blocking_keys(group.parsed):
            blocks[key].append(group.base)
    seen: set[tuple[str, str]] = set()
    for key in sorted(blocks):
        members = sorted(blocks[key])
        if len(members) > BLOCK_LIMIT:
            stats["blocks_over_limit"] += 1
            continue
        for i, left in enumerate(members):
            for right in members[i + 1:]:
                if (left, right) not in seen:
                    seen.add((left, right))
                    stats["pairs_compared"] += 1
                    yield left, right


def _candidate(label: str, a: Group, b: Group, reasons: list[Reason]) -> Candidate:
    left, right = (a, b) if a.base <= b.base else (b, a)
    return Candidate(label, left.base, right.base, combined_score(reasons), tuple(reasons),
                     left.parsed.name if left.parsed else "", right.parsed.name if right.parsed else "")


def _join_full_names(groups: dict[str, Group], sets: _Sets, out: Clustering) -> None:
    people = [g for b, g in sorted(groups.items()) if g.label == "Person" and g.parsed and not g.single]
    scored = []
    partners: dict[str, set[str]] = defaultdict(set)
    for left, right in _pairs(people, out.stats):
        a, b = groups[left], groups[right]
        assert a.parsed is not None and b.parsed is not None
        reasons = name_reasons(a.parsed, b.parsed)
        if reasons:
            partners[left].add(right)
            partners[right].add(left)
            reasons += context_reasons(a.context_items(), b.context_items())
            scored.append((-combined_score(reasons), left, right, reasons))
    for _, left, right, reasons in sorted(scored, key=lambda s: s[:3]):
        refusal = sets.refusal(left, right) or conflict(groups[left], groups[right])
        unique = unique_fit(groups, left, right, reasons, partners)
        if unique and refusal is None:
            reasons = [*reasons, Reason("unique_in_case", 0.0, unique)]
        has_context = any(r.rule.startswith("shared_") or r.rule == "unique_in_case" for r in reasons)
        if has_context and refusal is None:
            if sets.find(left) != sets.find(right):
                sets.union(left, right, *reasons)
                out.stats["merged_by_context"] += 1
            continue
        if refusal:
            reasons = [*reasons, Reason("refused", 0.0, refusal)]
        out.candidates.append(_candidate("Person", groups[left], groups[right], reasons))


def _join_single_tokens(groups: dict[str, Group], sets: _Sets, out: Clustering) -> None:
    index: dict[str, set[str]] = defaultdict(set)
    for base, group in groups.items():
        if group.label == "Person" and group.parsed and not group.single:
            for key in {group.parsed.last, group.parsed.first, *group.aliases}:
                index[key].add(base)
    aliases = {a for g in groups.values() if g.label == "Person" and not g.single for a in g.aliases}
    for base, group in sorted(groups.items()):
        if group.label != "Person" or not group.parsed or not (group.single or group.parsed.folded in aliases):
            continue  # one word ("Flaco"), or a nickname of several words another name carries ("La Jefa")
        if len(sets.members[sets.find(base)]) > 1:
            continue  # already joined by an analyst's decision
        if not group.single:  # "La Jefa" is a nickname: its "La" is no first name to compare
            sets.firsts[sets.find(base)], sets.lasts[sets.find(base)] = set(), set()
        token = group.parsed.folded
        roots: dict[str, list[str]] = defaultdict(list)
        for other in sorted(index.get(token, ())):
            if groups[other].leads < groups[other].mention_count:  # a saved contact ("Ruben chofer") is a lead, no rival
                roots[sets.find(other)].append(other)
        found = []
        for root, members in sorted(roots.items()):
            target = groups[members[0]]
            assert target.parsed is not None
            context = set().union(*(groups[m].context_items() for m in sets.members[root]))
            reasons = single_token_reasons(token, target.parsed, target.aliases)
            found.append((root, target, reasons + context_reasons(group.context_items(), context)))
        found = _one_per_name(found, sets)
        if len(found) == 1 and found[0][2] and sets.refusal(base, found[0][0]) is None \
                and conflict(group, found[0][1]) is None and (
                any(r.rule.startswith("shared_") for r in found[0][2]) or only_one_fits(token, found[0][1], index)):
            sets.union(base, found[0][0], *found[0][2])
            out.stats["merged_single_token"] += 1
            continue
        for _, target, reasons in found[:MAX_SINGLE_CANDIDATES]:
            if len(found) > 1:
                reasons = [*reasons, Reason("ambiguous", 0.0, f"{len(found)} people match {token!r}")]
            out.candidates.append(_candidate("Person", group, target, reasons))


def _one_per_name(found: list[tuple[str, Group, list[Reason]]], sets: _Sets) -> list[tuple[str, Group, list[Reason]]]:
    """Targets written with the same full name are one person not joined yet (a name the model
    guessed as a place is re-typed and joined later): they count once, and are joined here."""
    names = {t.parsed.folded for _, t, _ in found if t.parsed is not None}
    if len(found) < 2 or len(names) != 1:
        return found
    first = found[0][0]
    for root, _, _ in found[1:]:
        if sets.refusal(first, root) is None and sets.find(first) != sets.find(root):
            sets.union(first, root, Reason("retyped", 1.0, "the same name, a model guess of it re-typed by the case"))
    return [(sets.find(first), found[0][1], [r for item in found for r in item[2]])]


def _join_retyped(groups: dict[str, Group], retyped: dict[str, set[str]], sets: _Sets, out: Clustering) -> None:
    """A re-typed guess ("Ruben" read as a company) joins the entity that states its name when
    all the groups stating it are that one entity by now; two people called Ruben leave it alone.
    A group of the very same name and type ("Pastor" in a ledger) is that entity in any case."""
    for base, stating in sorted(retyped.items()):
        twins = [b for b in sorted(stating) if (twin := groups[b].parsed) is not None
                 and (parsed := groups[base].parsed) is not None and twin.folded == parsed.folded]
        if twins and sets.refusal(base, twins[0]) is None:  # the same name of the same type: one entity
            sets.union(base, twins[0], Reason("retyped", 1.0, "a model guess of the same name as this entity"))
        roots = {sets.find(b) for b in stating}
        if len(roots) == 1 and sets.find(base) not in roots and sets.refusal(base, next(iter(roots))) is None:
            sets.union(base, roots.pop(), Reason("retyped", 1.0, "a model guess of a name only this entity has"))
            out.stats["merged_retyped"] += 1


def _live_candidates(candidates: list[Candidate], sets: _Sets,
                     negative: frozenset[tuple[str, str]]) -> list[Candidate]:
    """Drop candidates already joined or decided against; one per pair, the best; fixed order."""
    best: dict[tuple[str, str], Candidate] = {}
    for c in candidates:
        key = pair(c.left, c.right)
        if key in negative or sets.find(c.left) == sets.find(c.right):
            continue
        if key not in best or c.score > best[key].score:
            best[key] = c
    return sorted(best.values(), key=lambda c: (-c.score, c.left, c.right))


def cluster(groups: dict[str, Group], decisions: Sequence[Decision] = ()) -> Clustering:
    """Join groups into entities; see the module docstring for the order and the guards."""
    live = [d for d in decisions if d.superseded_at is None]
    negative = negatives(live)
    out = Clustering(root={}, decided=clusters(live), candidates=[], stats=Counter(), problems=[])
    retyped = retype_model_guesses(groups)
    out.stats["retyped_by_case"] += len(retyped)
    sets = _Sets(groups, negative)
    _apply_decisions(groups, live, sets, out)
    _join_full_names(groups, sets, out)
    _join_single_tokens(groups, sets, out)
    join_saved_contacts(groups, sets, out)
    join_capital_surnames(groups, sets, out)
    join_short_venue_names(groups, sets, out)
    _join_retyped(groups, retyped, sets, out)
    out.candidates = _live_candidates(out.candidates, sets, negative)
    out.root = {base: sets.find(base) for base in sorted(groups)}
    out.merges = list(sets.joins)
    out.stats["candidates"] = len(out.candidates)
    return out
