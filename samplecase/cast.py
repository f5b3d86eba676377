"""The cast of the sample case: people with roles, identifiers and family ties, and the venues.

Why: the truth must know, for each person, the part they play (ring leader, recruiter, victim,
complicit or innocent official, investigator) so that tests can check what the workbench finds.
Parts are fixed by design; names, counts within ranges, phones and the rest come from the seed.
Surnames are unique except inside a family, so a bare surname in a note points at one person
(family members are referred to by first name or nickname instead).
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field

from samplecase import identifiers as ids
from samplecase.names import ACCENTED_FIRST, ACCENTED_LAST, FIRST, LAST, NICKNAMES
from samplecase.places import FOREIGN_TOWNS, VENUES, VILLAGES

__all__ = ["Person", "Org", "Cast", "build_cast"]


@dataclass
class Person:
    """One cast member; ``part`` is the finer story role behind the schema ``role``."""

    key: str
    first: str
    last: str
    gender: str
    role: str
    part: str
    nationality: str = "Belize"
    home: str = "Belize City"
    nickname: str | None = None
    agency: str | None = None
    rank: str | None = None
    post: str | None = None
    complicit: bool | None = None
    key_player: bool = False
    phones: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    handles: list[tuple[str, str]] = field(default_factory=list)
    accounts: list[tuple[str, str]] = field(default_factory=list)
    vehicles: list[tuple[str, str]] = field(default_factory=list)
    id_docs: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"


@dataclass
class Org:
    name: str
    venue_type: str
    town: str
    owners: list[str] = field(default_factory=list)


@dataclass
class Cast:
    people: list[Person]
    orgs: list[Org]
    family: list[tuple[str, str, str]]  # (key_a, key_b, "a is b's <relation>")
    _index: dict[str, Person] = field(default_factory=dict, repr=False)

    def by_part(self, part: str) -> list[Person]:
        return [p for p in self.people if p.part == part]

    def get(self, key: str) -> Person:
        return self.index()[key]

    def index(self) -> dict[str, Person]:
        """People by key, rebuilt when the cast grows (it only grows while being built)."""
        if len(self._index) != len(self.people):
            self._index = {p.key: p for p in self.people}
        return self._index


# (part, role, how many, name groups). Officials' posts are listed below.
_PARTS = (
    ("leader", "suspect", (2, 2), ("hispanic", "hispanic", "creole")),
    ("recruiter", "suspect", (3, 4), ("hispanic", "hispanic", "creole", "garifuna")),
    ("transporter", "suspect", (3, 3), ("hispanic", "creole", "maya")),
    ("owner", "suspect", (2, 2), ("mennonite", "hispanic", "creole")),
    ("manager", "suspect", (2, 2), ("hispanic", "creole")),
    ("enforcer", "suspect", (2, 3), ("hispanic", "creole", "garifuna")),
    ("victim", "victim", (12, 18), ("hispanic", "hispanic", "maya")),
    ("witness", "witness", (4, 6), ("hispanic", "creole", "maya", "garifuna", "mennonite")),
)
# (post, agency, rank); the first three complicit posts are always used.
COMPLICIT_POSTS = (
    ("tipoff", "Police", "Sgt."), ("border", "Immigration", "Immigration Officer"),
    ("farm", "Labour", "Labour Officer"), ("council", "Orange Walk Town Council", "Town Councillor"),
    ("customs", "Customs", "Customs Officer"),
)
INNOCENT_POSTS = (
    ("checkpoint", "BDF", "Cpl."), ("shelter", "Immigration", "Immigration Officer"),
    ("inspection", "Labour", "Labour Officer"), ("coast", "Coast Guard", "Petty Officer"),
)
INVESTIGATOR_RANKS = ("Insp.", "Sgt.", "Cpl.", "Cpl.", "PC", "WPC")
_NATIONALITY = {"victim": ("Guatemala", "Guatemala", "Honduras", "Honduras", "El Salvador", "Belize")}
_REGION = {"Guatemala": "GT", "Honduras": "HN", "El Salvador": "SV", "Belize": "BZ", "Mexico": "MX"}


class _Namer:
    """Draws unique names; a surname is reused only for a declared family member."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used_last: set[str] = set()

    def draw(self, group: str, gender: str, accented: bool = False, last: str | None = None) -> tuple[str, str]:
        rng = self.rng
        first = rng.choice(ACCENTED_FIRST[gender] if accented else FIRST[group][gender])
        while last is None:
            cand = rng.choice(ACCENTED_LAST if accented else LAST[group])
            if cand not in self.used_last:
                last = cand
        self.used_last.add(last)
        return first, last


def build_cast(rng: random.Random) -> Cast:
    """Draw the whole cast from ``rng``; see the module docstring for what is fixed."""
    namer = _Namer(rng)
    people: list[Person] = []
    accented_left = {"victim": 2, "witness": 1, "recruiter": 1}
    for part, role, (lo, hi), groups in _PARTS:
        for _ in range(rng.randint(lo, hi)):
            gender = _gender(rng, part)
            accented = accented_left.get(part, 0) > 0
            accented_left[part] = accented_left.get(part, 0) - 1
            first, last = namer.draw(rng.choice(groups), gender, accented)
            people.append(Person(f"p{len(people) + 1:02d}", first, last, gender, role, part))
    _add_officials(rng, namer, people)
    family = _add_family(rng, namer, people)
    cast = Cast(people, [Org(n, t, town) for n, t, town in VENUES], family)
    _assign(rng, cast)
    return cast


def _gender(rng: random.Random, part: str) -> str:
    share_f = {"victim": 0.75, "witness": 0.5, "manager": 0.5, "recruiter": 0.4, "leader": 0.3}.get(part, 0.1)
    return "f" if rng.random() < share_f else "m"


def _add_officials(rng: random.Random, namer: _Namer, people: list[Person]) -> None:
    groups = ("creole", "hispanic", "maya", "garifuna")
    posts = [(p, True) for p in COMPLICIT_POSTS[: rng.randint(3, 5)]]
    posts += [(p, False) for p in rng.sample(INNOCENT_POSTS, rng.randint(2, 3))]
    for (post, agency, rank), complicit in posts:
        gender = _gender(rng, "official")
        first, last = namer.draw(rng.choice(groups), gender)
        people.append(Person(f"p{len(people) + 1:02d}", first, last, gender, "official", "official",
                             agency=agency, rank=rank, post=post, complicit=complicit))
    for rank in rng.sample(INVESTIGATOR_RANKS, rng.randint(4, 5)):
        gender = "f" if rank == "WPC" or rng.random() < 0.4 else "m"
        first, last = namer.draw(rng.choice(groups), gender)
        people.append(Person(f"p{len(people) + 1:02d}", first, last, gender, "investigator", "investigator",
                             agency="Police", rank=rank, post="ATU", complicit=False))


def _add_family(rng: random.Random, namer: _Namer, people: list[Person]) -> list[tuple[str, str, str]]:
    """A leader's brother drives for him; two victims are sisters; a witness is a victim's mother."""
    leader, victims = people[0], [p for p in people if p.part == "victim"]
    transporter = next(p for p in people if p.part == "transporter")
    transporter.last, transporter.gender = leader.last, "m"
    transporter.first = namer.draw("hispanic", "m", last=leader.last)[0]
    sister, other = victims[-1], victims[-2]
    sister.last, sister.gender = other.last, "f"
    sister.first = namer.draw("hispanic", "f", last=other.last)[0]
    mother = next(p for p in people if p.part == "witness")
    mother.last, mother.gender = victims[0].last, "f"
    mother.first = rng.choice(FIRST["hispanic"]["f"])
    # Key players: the two ring leaders, and the brother who drives for the other leader (the broker).
    for p in (people[0], people[1], transporter):
        p.key_player = True
    return [(transporter.key, leader.key, "brother"), (sister.key, other.key, "sister"),
            (mother.key, victims[0].key, "mother")]


def _assign(rng: random.Random, cast: Cast) -> None:
    """Nationalities, homes, nicknames and identifiers, by part."""
    phones: set[str] = set()
    emails: set[str] = set()
    for p in cast.by_part("victim"):
        p.nationality = rng.choice(_NATIONALITY["victim"])
    for a, b, relation in cast.family[1:]:  # the sister and the mother share the victim's country
        cast.get(a).nationality = cast.get(b).nationality
    for p in cast.people:
        abroad = [t for t, c in FOREIGN_TOWNS.items() if c == p.nationality]
        p.home = rng.choice(abroad) if abroad else rng.choice(sorted(VILLAGES) + ["Orange Walk Town",
                                                                               "San Ignacio", "Belize City"])
        if p.role == "suspect" and rng.random() < 0.6 or p.part == "leader":
            p.nickname = rng.choice([n for n in NICKNAMES[p.gender]
                                     if n not in {q.nickname for q in cast.people}])
        _identifiers(rng, p, phones, emails)
    # Two recruiters share one "work phone": a shared identifier that links them in the graph.
    recruiters = cast.by_part("recruiter")
    recruiters[1].phones.append(recruiters[0].phones[0])
    for org, owner in zip(cast.orgs, _owners(cast)):
        org.owners.append(owner.key)


def _owners(cast: Cast) -> list[Person]:
    lead, own, mgr = cast.by_part("leader"), cast.by_part("owner"), cast.by_part("manager")
    # Sunset Bar, El Rancho Cantina, Green Valley Farm, Hotel Casa Blanca, Las Palmas, La Frontera
    return [own[0], lead[1], own[1], lead[0], own[1], mgr[1]]


def _identifiers(rng: random.Random, p: Person, phones: set[str], emails: set[str]) -> None:
    region = _REGION.get(p.nationality, "BZ")
    if p.part in ("leader", "recruiter", "transporter", "owner", "manager", "enforcer") or p.complicit:
        p.phones.append(ids.new_phone(rng, "BZ", phones))
    elif p.role in ("victim", "witness") and rng.random() < 0.5:
        p.phones.append(ids.new_phone(rng, region, phones))
    if p.part == "leader":
        p.phones.append(ids.new_phone(rng, rng.choice(("GT", "MX", "HN")), phones))
    if p.part == "recruiter" and rng.random() < 0.4:
        p.phones.append(ids.new_phone(rng, rng.choice(("US", "SV", "GT")), phones))
    if p.role == "suspect" and p.part != "enforcer" or p.post in ("council", "border"):
        p.emails.append(ids.new_email(rng, p.first, p.last, p.nickname, emails))
    if p.part in ("leader", "recruiter") or (p.role == "victim" and rng.random() < 0.3):
        p.handles.append(ids.new_handle(rng, p.first, p.last, p.nickname))
    if p.part in ("leader", "owner", "recruiter") or p.complicit:
        p.accounts.append(ids.new_account(rng))
    if p.part in ("transporter", "leader", "owner"):
        foreign = p.part == "transporter" and rng.random() < 0.3
        model = rng.choice(("Toyota Hilux", "Nissan Frontier", "Toyota Hiace minibus", "Ford Ranger",
                            "Honda CR-V", "Mitsubishi L200", "Chevrolet Silverado"))
        colour = rng.choice(("white", "silver", "black", "grey", "red", "blue"))
        p.vehicles.append((ids.new_plate(rng, foreign), f"{colour} {model}"))
    if p.role == "victim" or (p.role == "suspect" and rng.random() < 0.3):
        p.id_docs.append(ids.new_id_document(rng, p.nationality))
