"""Merges a case's own notes justify: a name that fits one person, a saved contact, a venue's short name.

Why a module of its own: these rules reason about everything the notes resolved together hold
(one ingest: one case), where ``ingest.clustering`` compares pairs. "C. Westby", "Sgt. Sosa" and
"M. A. Guerra" are how notes refer to the one Carla Westby, Hilberto Sosa and Marcos Antonio
Guerra of the case, so a name that fits exactly one person is a sure merge and says so in its
reasons (``unique_in_case``); "Guerra" alone, with two Guerra brothers, fits two and stays a
candidate. A strong name rule is needed (not a loose fuzzy score), the two may not carry
conflicting ranks or roles, and a spelling difference counts only in a given name.
"""
from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any

from ingest.matching import Reason, name_reasons
from ingest.names import fold

if TYPE_CHECKING:
    from ingest.clustering import Clustering, Group, _Sets

__all__ = ["UNIQUE_RULES", "conflict", "join_capital_surnames", "join_saved_contacts", "join_short_venue_names", "only_one_fits",
           "unique_fit"]

UNIQUE_RULES = frozenset({"reordered", "reordered_initials", "token_subset", "initial"})
UNIQUE_FUZZY = 0.9


def unique_fit(groups: dict[str, Group], left: str, right: str, reasons: list[Reason],
                partners: dict[str, set[str]]) -> str | None:
    """Why the less specific of two matching names can only be the other one, or None.

    Unique means every other name the short one fits is itself a form of the long one ("MARCOS A
    GUERRA" fits "M. A. Guerra" and "Marcos Antonio Guerra", one man); a short name that fits two
    people who cannot be one ("M. Guerra": Marcos and Mario) is not unique."""
    a, b = groups[left], groups[right]
    assert a.parsed is not None and b.parsed is not None
    same_surname = a.parsed.last == b.parsed.last  # a typo in a given name ("Yessenia"), never in the surname
    strong = any(r.rule in UNIQUE_RULES or (r.rule == "fuzzy" and r.score >= UNIQUE_FUZZY and same_surname)
                 for r in reasons)
    if not strong:
        return None
    if any(r.rule == "reordered" for r in reasons):  # "GUERRA MARCOS ANTONIO": the same words, surname first
        return f"{a.parsed.name!r} and {b.parsed.name!r} are the same words"
    spelled_a, spelled_b = _spelled(a), _spelled(b)
    sides = [(left, right)] if spelled_a < spelled_b else [(right, left)] if spelled_b < spelled_a \
        else [(left, right), (right, left)]
    for short, long in sides:
        target = groups[long].parsed
        for other in partners[short] - {long}:
            other_parsed = groups[other].parsed
            assert target is not None and other_parsed is not None
            if not name_reasons(other_parsed, target):
                return None
    named = groups[sides[0][0]].parsed
    assert named is not None
    return f"{named.name!r} fits no other person named in these notes"


def _spelled(group: Group) -> int:
    """How specific a name is: its words written out, initials not counted ("M. A. Guerra": 1)."""
    assert group.parsed is not None
    return sum(len(token) > 1 for token in group.parsed.tokens)


def _values(group: Group, key: str) -> set[Any]:
    return {value for frozen in group.hints for k, value in frozen if k == key and value not in (None, "", "unknown")}


def conflict(a: Group, b: Group) -> str | None:
    """Ranks or roles that cannot be one person's ("Cpl." and "Sgt.", a victim and an official)."""
    ranks_a, ranks_b = _values(a, "rank"), _values(b, "rank")
    if ranks_a and ranks_b and not ranks_a & ranks_b:
        return f"different ranks ({', '.join(sorted(map(str, ranks_a | ranks_b)))})"
    roles = _values(a, "role") | _values(b, "role")
    if "victim" in roles and roles & {"official", "investigator"}:
        return "a victim and an official"
    return None


def only_one_fits(token: str, target: Group, index: dict[str, set[str]]) -> bool:
    """The token names one person of these notes only: by nickname, surname or first name."""
    return len(index.get(token, ())) >= 1 and target.parsed is not None and (
        token in target.aliases or token in {target.parsed.last, target.parsed.first})


def join_saved_contacts(groups: dict[str, Group], sets: "_Sets", out: "Clustering") -> None:
    """A name saved on a seized handset ("Ruben chofer", "Guero Chetumal") is the one person who
    uses that number and shares a word of it (first name, surname or nickname); otherwise it
    stays a lead of its own. The handset's owner wrote it, so its other words (a trade, a town)
    are no surname and the usual first-name guard does not apply."""
    users: dict[str, set[str]] = defaultdict(set)
    for base, group in groups.items():
        if group.label == "Person" and group.parsed and group.leads < group.mention_count:
            for kind, key, _ in group.context:
                if kind == "Phone":
                    users[key].add(base)
    for base, group in sorted(groups.items()):
        if group.label != "Person" or not group.parsed or not group.leads or group.leads < group.mention_count:
            continue
        words = set(group.parsed.tokens)
        fits = {sets.find(u) for kind, key, _ in group.context if kind == "Phone" for u in users.get(key, ())
                if words & _name_words(groups[u])}
        if len(fits) == 1 and sets.find(base) not in fits:
            sets.union(base, fits.pop(), Reason("saved_contact", 1.0, f"{group.parsed.name!r} is a contact saved for "
                                                "the number of the one person with that name"))
            out.stats["merged_saved_contact"] += 1


def join_short_venue_names(groups: dict[str, Group], sets: "_Sets", out: "Clustering") -> None:
    """A venue's short name ("La Herradura", "Luna Maya") is the one venue of these notes whose
    name begins or ends with those words ("La Herradura Bar & Rooms", "Bar Luna Maya")."""
    venues = {b: fold(max(g.forms, key=lambda f: (len(f.split()), g.forms[f], f))).split() for b, g in sorted(groups.items())
              if g.label == "Organization" and g.forms and any(dict(h).get("kind") == "venue" for h in g.hints)}
    # Longest first: "La Herradura Bar" joins "La Herradura Bar & Rooms" before "La Herradura" looks.
    for base, words in sorted(venues.items(), key=lambda item: -len(item[1])):
        n = len(words)
        longer = {sets.find(b) for b, other in venues.items() if b != base and len(other) > n
                  and (other[:n] == words or other[-n:] == words)}
        if n >= 2 and len(longer) == 1 and sets.find(base) not in longer:
            sets.union(base, longer.pop(), Reason("venue_short_name", 1.0, f"{' '.join(words)!r} begins or ends the "
                                                  "name of one venue only"))
            out.stats["merged_venue_short_name"] += 1


def join_capital_surnames(groups: dict[str, Group], sets: "_Sets", out: "Clustering") -> None:
    """A double surname written alone in capitals ("ZELAYA CACERES", "CHEN WU"), the way police
    write a surname, is the one person of these notes whose name ends with those words
    ("Marleny Zelaya Cáceres", "CHEN WU, Kenneth"); two such people ("REYES ROJAS": three
    brothers) leave it alone. In ordinary case ("Chen Wu and Ku remanded") two words count as a
    double surname only when no person of the notes has the first of them as a first name."""
    people = {b: g.parsed.tokens for b, g in groups.items()
              if g.label == "Person" and g.parsed is not None and not g.single and g.leads < g.mention_count}
    for base, group in sorted(groups.items()):
        if group.label != "Person" or group.parsed is None or len(group.parsed.tokens) < 2 or not group.forms:
            continue
        in_capitals = all(form.isupper() for form in group.forms)
        if not in_capitals and (len(group.parsed.tokens) != 2 or any(
                tokens[0] == group.parsed.tokens[0] for b, tokens in people.items() if b != base)):
            continue  # "Chen Wu and Ku remanded": two words no one's first name opens are a double surname
        words, n = group.parsed.tokens, len(group.parsed.tokens)
        fits = {sets.find(b) for b, tokens in people.items() if b != base and len(tokens) > n and tokens[-n:] == words}
        if len(fits) == 1 and sets.find(base) not in fits and conflict(group, groups[next(iter(fits))]) is None:
            sets.union(base, fits.pop(), Reason("capital_surname", 1.0, f"{group.parsed.name!r} ends the name of one "
                                                "person only"))
            out.stats["merged_capital_surname"] += 1


def _name_words(group: "Group") -> set[str]:
    """Every word of a person's name and nicknames, folded."""
    return {*(group.parsed.tokens if group.parsed is not None else ()), *group.aliases}
