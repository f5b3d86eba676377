"""Person-name matching rules: small pure functions whose every score carries its explanation.

Why: a merge of two people is a claim a prosecutor may have to defend, so a match is never a
bare number. Each rule returns ``Reason(rule, score, detail)``; a pair's score is the best name
rule plus the context bonuses, and the reasons travel with the candidate to the analyst.

Decisions:

- Gating comes first, and it is what keeps brothers apart: two full names are compared only
  when their first names are *compatible* (equal, an initial of the other, or one typo of at
  least four letters that keeps the last letter - so "Jhon"/"John" pass but "Mario"/"Maria",
  "Daniel"/"Daniela" and "Carlos"/"Miguel" do not) and their surnames are compatible (equal or
  one typo) or one name's tokens are a subset of the other's ("Carlos Reyes" / "Carlos Reyes
  Mendez"). Incompatible pairs produce no candidate at all: same-surname relatives are common
  and their real ties (a shared phone) show in the graph anyway.
- Name rules (weights in ``NAME_RULES``) say how alike the names are; context rules (bonuses in
  ``CONTEXT_BONUS``) say what the two share in their relations: an identifier (phone, email,
  handle, account, id document, vehicle), a nickname, a venue, a place. A name match is a sure
  merge only with context; without it, it is a candidate for an analyst.
- Blocking keys keep comparison near-linear: a name is compared only with names sharing a
  (token, first initial) or (first name, token initial) key, or the same sorted tokens.

>>> a, b = parse_name("Carlos Reyes"), parse_name("Carlos Reyez")
>>> [(r.rule, r.score) for r in name_reasons(a, b)]
[('fuzzy', 0.967)]
>>> name_reasons(parse_name("Carlos Reyes"), parse_name("Miguel Reyes"))
[]
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA, JaroWinkler

from graph_schema.model import load_schema
from ingest.names import ParsedName, parse_name  # parse_name: used by the doctests

__all__ = [
    "CONTEXT_BONUS", "Candidate", "NAME_RULES", "Reason", "blocking_keys", "combined_score",
    "context_reasons", "first_names_compatible", "name_reasons", "single_token_reasons", "surnames_compatible",
]

# Weights are data: the score a name rule gives, and the bonus each kind of shared context adds.
NAME_RULES = {
    "reordered": 0.95, "token_subset": 0.9, "initial": 0.8, "fuzzy_min": 0.85, "alias_only": 0.7, "surname_only": 0.5,
    "first_name_only": 0.4,
}
CONTEXT_BONUS = {"identifier": 0.1, "alias": 0.08, "venue": 0.05, "location": 0.03}


@dataclass(frozen=True)
class Reason:
    """Why a score: the rule, what it scored, and the values it looked at."""

    rule: str
    score: float
    detail: str


@dataclass(frozen=True)
class Candidate:
    """An unsure match queued for an analyst; never merged without a decision."""

    label: str
    left: str
    right: str
    score: float
    reasons: tuple[Reason, ...]
    left_name: str = ""
    right_name: str = ""


def _one_typo(a: str, b: str, min_len: int) -> bool:
    return min(len(a), len(b)) >= min_len and OSA.distance(a, b) <= 1


def first_names_compatible(a: str, b: str) -> bool:
    """Could these two first names be one person's? Strict on purpose (see module docstring).

    >>> first_names_compatible("c", "carlos"), first_names_compatible("mario", "maria")
    (True, False)
    """
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[:1] == b[:1]
    return a[-1] == b[-1] and _one_typo(a, b, 4)


def surnames_compatible(a: str, b: str) -> bool:
    """Equal, or one typo apart in a surname of four letters or more ("Reyes"/"Reyez")."""
    return a == b or _one_typo(a, b, 4)


def _token_match(short: str, long: str) -> bool:
    return short == long or (len(short) == 1 and long.startswith(short))


def _subset(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Every token of ``a`` matches, in order, a token of ``b`` (initials allowed)."""
    position = 0
    for token in a:
        while position < len(b) and not _token_match(token, b[position]):
            position += 1
        if position == len(b):
            return False
        position += 1
    return True


def _same_words_with_initials(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Each word of one name is a word of the other, in any order, one of them at most an
    initial of the other's word, and at least two written out in both."""
    rest, spelled = list(b), 0
    for token in sorted(a, key=len, reverse=True):
        match = next((t for t in rest if t == token), None) or next(
            (t for t in rest if _token_match(token, t) or _token_match(t, token)), None)
        if match is None:
            return False
        spelled += match == token and len(token) > 1
        rest.remove(match)
    return spelled >= 2


def name_reasons(a: ParsedName, b: ParsedName) -> list[Reason]:
    """How alike two full names are, as reasons; empty when they must not be matched at all."""
    ta, tb = a.tokens, b.tokens
    if not ta or not tb or a.folded == b.folded:
        return []
    if sorted(ta) == sorted(tb):
        return [Reason("reordered", NAME_RULES["reordered"], f"{a.name!r} / {b.name!r}: same words")]
    if len(ta) == len(tb) >= 3 and _same_words_with_initials(ta, tb):  # "GILLETT SHANE R", as a carrier lists a subscriber
        return [Reason("reordered_initials", NAME_RULES["initial"], f"{a.name!r} / {b.name!r}: same words in another order, "
                       "initials agree")]
    short, long = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    if not first_names_compatible(a.first, b.first):
        return []
    subset = len(short) >= 2 and (_subset(short, long) or (len(short) == len(long) and _subset(long, short)))
    if not subset and not surnames_compatible(a.last, b.last):
        return []
    if subset and len(short) < len(long):
        return [Reason("token_subset", NAME_RULES["token_subset"], f"{' '.join(short)!r} within {' '.join(long)!r}")]
    if subset:
        return [Reason("initial", NAME_RULES["initial"], f"{a.name!r} / {b.name!r}: initials agree")]
    if len(ta) == len(tb) and not all(_token_match(x, y) or _token_match(y, x) or _one_typo(x, y, 4)
                                      for x, y in zip(ta, tb)):
        return []  # "Carlos Alberto Reyes" / "Carlos Antonio Reyes": a father and son, maybe
    ratio = fuzz.token_sort_ratio(a.folded, b.folded) / 100
    jaro = JaroWinkler.normalized_similarity(a.folded, b.folded)
    score = round(max(ratio, jaro) if len(ta) == len(tb) else ratio, 3)
    if score < NAME_RULES["fuzzy_min"]:
        return []
    detail = f"{a.name!r} / {b.name!r}: token_sort_ratio={ratio:.3f} jaro_winkler={jaro:.3f}"
    return [Reason("fuzzy", score, detail)]


def context_reasons(left: Iterable[tuple[str, str, str]], right: Iterable[tuple[str, str, str]]) -> list[Reason]:
    """What two people share: ``(kind, key, caption)`` items in both context sets.

    Kinds are the labels of what a person's relations point at (Phone, Organization, Location,
    ...) plus ``alias`` for nicknames.
    """
    shared = sorted({(k, key) for k, key, _ in left} & {(k, key) for k, key, _ in right})
    captions = {(k, key): caption for k, key, caption in [*left, *right]}
    reasons = []
    identifiers = load_schema().labels_of_kind("identifier")
    for kind, key in shared:
        group = ("identifier" if kind in identifiers else "alias" if kind == "alias"
                 else "venue" if kind == "Organization" else "location")
        reasons.append(Reason(f"shared_{group}", CONTEXT_BONUS[group], f"{kind} {captions[(kind, key)]}"))
    return reasons


def combined_score(reasons: Iterable[Reason]) -> float:
    """Best name rule plus the context bonuses, capped at 1.0."""
    reasons = list(reasons)
    name = max((r.score for r in reasons if not r.rule.startswith("shared_")), default=0.0)
    bonus = sum(r.score for r in reasons if r.rule.startswith("shared_"))
    return round(min(1.0, name + bonus), 3)


def blocking_keys(name: ParsedName) -> set[str]:
    """Keys that any plausible match shares with ``name``; names are compared within a key only.

    >>> sorted(blocking_keys(parse_name("Carlos Reyes")))
    ['f:carlos|r', 's:carlos reyes', 't:reyes|c']
    """
    tokens = name.tokens
    if len(tokens) < 2:
        return set()
    first, rest = tokens[0], tokens[1:]
    keys = {f"s:{' '.join(sorted(tokens))}"}
    spelled = sorted(t for t in tokens if len(t) > 1)
    if len(tokens) >= 3:  # "GILLETT SHANE R" and "Shane Ricardo Gillett": two words in any order
        keys.update(f"w:{x}|{y}" for i, x in enumerate(spelled) for y in spelled[i + 1:])
    keys.update(f"t:{token}|{first[0]}" for token in rest)
    keys.update(f"f:{first}|{token[0]}" for token in rest)
    return keys

def single_token_reasons(token: str, target: ParsedName, aliases: Iterable[str]) -> list[Reason]:
    """Why a lone "Flaco" or "Reyes" might be ``target``: one of its nicknames, or its surname."""
    if token in set(aliases):
        return [Reason("single_token_alias", NAME_RULES["alias_only"], f"{token!r} is a nickname of {target.name!r}")]
    if token == target.last:
        return [Reason("single_token_surname", NAME_RULES["surname_only"], f"{token!r} is the surname of {target.name!r}")]
    if token == target.first:
        return [Reason("single_token_first_name", NAME_RULES["first_name_only"],
                       f"{token!r} is the first name of {target.name!r}")]
    return []
