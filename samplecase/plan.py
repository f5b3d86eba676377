"""The story of the sample case as a list of facts, before any note is written.

Why: notes, the CDR and money-transfer exports and the truth must tell one consistent story (a
complicit sergeant's phone calls the ring leader in the notes *and* in calls.csv), so the story
is decided once, here, and everything else only renders it. A fact is a typed edge between
references: a person key (``p07``), ``o:<venue>``, ``l:<place>``, ``v:<plate>``, a phone in
E.164, ``e:<email>``, ``h:<platform:handle>``, ``a:<account digits>`` or ``d:<kind:number>``.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

from samplecase.cast import Cast
from samplecase.places import STREETS

__all__ = ["Fact", "build_plan", "person_keys", "JOBS_SEX", "JOBS_LABOUR"]

JOBS_SEX = ("a job as a waitress", "work in a restaurant", "a cleaning job at a hotel", "work as a nanny",
            "a job in a shop", "a job as a cook", "work as a bartender", "a job at a beauty salon")
JOBS_LABOUR = ("work picking oranges", "work on a farm", "construction work", "a job cutting cane",
               "work in a packing house", "a job clearing land")
_SEX_VENUES = ("Sunset Bar", "El Rancho Cantina", "Hotel Casa Blanca", "La Frontera Club")
_LABOUR_VENUES = ("Green Valley Farm", "Las Palmas Citrus Plantation")


@dataclass
class Fact:
    """One edge of the story; ``data`` holds what a sentence may say about it."""

    type: str
    source: str
    target: str
    data: dict[str, Any] = field(default_factory=dict)
    weight: float = 1.0


def build_plan(rng: random.Random, cast: Cast) -> list[Fact]:
    """All facts of the case; complicity and family facts come first so that even a tiny case states them."""
    facts: list[Fact] = []
    facts += _complicity(rng, cast)
    # Family ties early too: a leader's brother who drives for the other leader is the broker,
    # and a tie the truth records must be stated in some note.
    facts += [Fact("RELATED_TO", a, b, {"relation": relation}) for a, b, relation in cast.family]
    facts += _exploitation(rng, cast)
    facts += _organisation(rng, cast)
    facts += _identifiers(cast)
    return facts


def _money(rng: random.Random, kind: str) -> tuple[float, str]:
    if kind == "bribe":
        return rng.choice(((rng.randrange(300, 2500, 50), "BZD"), (rng.randrange(200, 1200, 50), "USD")))
    if kind == "fee":
        return rng.choice(((rng.randrange(1500, 6000, 100), "GTQ"), (rng.randrange(5000, 15000, 500), "HNL"),
                           (rng.randrange(150, 800, 50), "USD"), (rng.randrange(3000, 9000, 500), "MXN")))
    return float(rng.randrange(100, 1500, 25)), "BZD"


def _date(rng: random.Random) -> str:
    return f"2026-{rng.randint(1, 10):02d}-{rng.randint(1, 28):02d}"


def _pay(rng: random.Random, payer: str, payee: str, kind: str, n: int, channels: tuple[str, ...]) -> list[Fact]:
    out = []
    for _ in range(n):
        amount, currency = _money(rng, kind)
        out.append(Fact("PAID", payer, payee, {"amount": float(amount), "currency": currency,
                                               "channel": rng.choice(channels), "date": _date(rng)}))
    return out


def _complicity(rng: random.Random, cast: Cast) -> list[Fact]:
    """Ties of each complicit official to suspects: payments, calls, venues, tip-offs."""
    lead = cast.by_part("leader")
    trans = cast.by_part("transporter")
    owner_farm = cast.by_part("owner")[1]
    facts: list[Fact] = []
    cash = ("cash", "cash", "E-Kyash", "DigiWallet", "bank transfer")
    for off in (p for p in cast.people if p.complicit):
        boss = {"tipoff": lead[0], "border": trans[1], "farm": owner_farm, "council": lead[0],
                "customs": lead[1]}[off.post or ""]
        facts += _pay(rng, boss.key, off.key, "bribe", rng.randint(2, 4), cash)
        facts.append(Fact("CALLED", off.key, boss.key, {"n": rng.randint(3, 30)}, 2.0))
        facts.append(Fact("CALLED", boss.key, off.key, {"n": rng.randint(2, 12)}))
        if off.post in ("tipoff", "council", "customs"):
            facts.append(Fact("TIPPED_OFF", off.key, boss.key, {}, 3.0))
        if off.post == "tipoff":
            facts.append(Fact("TIPPED_OFF", off.key, "o:Sunset Bar", {}))
        venue = {"farm": "o:Green Valley Farm", "border": "o:El Rancho Cantina"}.get(off.post or "", "o:Sunset Bar")
        facts.append(Fact("SEEN_AT", off.key, venue, {}))
        facts.append(Fact("ASSOCIATED_WITH", off.key, boss.key, {"venue": venue}))
        if off.post == "council":
            facts.append(Fact("OWNS", off.key, "o:Sunset Bar", {"share": True}))
    return facts


def _exploitation(rng: random.Random, cast: Cast) -> list[Fact]:
    """Each victim's path: recruited, moved across a border, harboured, exploited, threatened."""
    recruiters, trans = cast.by_part("recruiter"), cast.by_part("transporter")
    managers, enforcers, leaders = cast.by_part("manager"), cast.by_part("enforcer"), cast.by_part("leader")
    broker = next((t for t in trans if t.key_player), None)
    facts: list[Fact] = []
    for v in cast.by_part("victim"):
        labour = v.gender == "m" or rng.random() < 0.15
        venue = rng.choice(_LABOUR_VENUES if labour else _SEX_VENUES)
        org = next(o for o in cast.orgs if o.name == venue)
        job = rng.choice(JOBS_LABOUR if labour else JOBS_SEX)
        rec = rng.choice(recruiters)
        facts.append(Fact("RECRUITED", rec.key, v.key, {"place": v.home, "job": job}, 1.5))
        facts += _pay(rng, v.key, rec.key, "fee", 1, ("Western Union", "MoneyGram", "cash"))
        if v.nationality != "Belize" or rng.random() < 0.3:
            # The broker moves half of the victims: from one leader's recruiters to the other's venues.
            t = broker if broker is not None and rng.random() < 0.5 else rng.choice(trans)
            crossing = "Santa Elena border" if org.town in ("Corozal Town", "Santa Elena") else "Benque Viejo border"
            facts.append(Fact("TRANSPORTED", t.key, v.key, {"crossing": crossing, "dest": org.town,
                                                            "vehicle": t.vehicles[0]}, 1.5))
        harborer = cast.get(org.owners[0]) if rng.random() < 0.5 else rng.choice(managers)
        addr = f"{rng.randint(1, 120)} {rng.choice(STREETS)}, {org.town}"
        facts.append(Fact("HARBORED", harborer.key, v.key, {"addr": addr, "town": org.town}, 1.5))
        facts.append(Fact("LIVES_AT", v.key, "l:" + addr, {"town": org.town}))
        boss = cast.get(org.owners[0]) if rng.random() < 0.6 else rng.choice(managers + leaders)
        facts.append(Fact("EMPLOYS", boss.key, v.key, {"venue": venue}))
        facts.append(Fact("SEEN_AT", v.key, "o:" + venue, {}))
        if rng.random() < 0.6:
            facts.append(Fact("THREATENED", rng.choice(enforcers + leaders[:1]).key, v.key, {"venue": venue}))
        if v.phones and rng.random() < 0.6:
            facts.append(Fact("CALLED", rec.key, v.key, {"n": rng.randint(1, 8)}))
    return facts


def _organisation(rng: random.Random, cast: Cast) -> list[Fact]:
    """The ring's own structure: who owns, employs, pays, calls and threatens whom."""
    lead, rec, trans = cast.by_part("leader"), cast.by_part("recruiter"), cast.by_part("transporter")
    mgr, enf, own = cast.by_part("manager"), cast.by_part("enforcer"), cast.by_part("owner")
    facts: list[Fact] = []
    for org in cast.orgs:
        for o in org.owners:
            facts.append(Fact("OWNS", o, "o:" + org.name, {}, 1.5))
        facts.append(Fact("SEEN_AT", org.owners[0], "o:" + org.name, {}))
    for r in rec:
        facts.append(Fact("EMPLOYS", lead[0].key, r.key, {"venue": "Sunset Bar"}))
        facts += _pay(rng, lead[0].key, r.key, "wage", 2, ("cash", "Western Union", "E-Kyash"))
        facts.append(Fact("CALLED", lead[0].key, r.key, {"n": rng.randint(5, 40)}))
    for t in trans:
        facts.append(Fact("EMPLOYS", lead[1].key, t.key, {"venue": "El Rancho Cantina"}))
        facts += _pay(rng, lead[1].key, t.key, "wage", 1, ("cash", "MoneyGram", "bank transfer"))
        facts.append(Fact("CALLED", t.key, lead[1].key, {"n": rng.randint(5, 40)}))
    for m, venue in zip(mgr, ("Sunset Bar", "La Frontera Club")):
        facts.append(Fact("EMPLOYS", lead[0].key, m.key, {"venue": venue}))
        facts.append(Fact("CALLED", m.key, lead[0].key, {"n": rng.randint(5, 30)}))
    for e in enf:
        facts.append(Fact("EMPLOYS", rng.choice(mgr + lead).key, e.key, {"venue": "Sunset Bar"}))
        facts.append(Fact("SEEN_AT", e.key, "o:" + rng.choice(_SEX_VENUES), {}))
    for broker in (t for t in trans if t.key_player):  # works for one leader, reports to the other
        facts.append(Fact("CALLED", lead[0].key, broker.key, {"n": rng.randint(10, 30)}, 1.5))
        facts += _pay(rng, lead[0].key, broker.key, "wage", 1, ("cash", "E-Kyash"))
    facts.append(Fact("CALLED", lead[0].key, lead[1].key, {"n": rng.randint(20, 60)}, 2.0))
    facts.append(Fact("ASSOCIATED_WITH", lead[0].key, lead[1].key, {"venue": "o:El Rancho Cantina"}))
    facts += _pay(rng, own[0].key, lead[0].key, "wage", 2, ("bank transfer", "cash"))
    for w in cast.by_part("witness")[1:3]:
        facts.append(Fact("THREATENED", rng.choice(lead + enf).key, w.key, {"venue": "Sunset Bar"}))
    for p in lead + rec + trans + mgr + enf + own:
        facts.append(Fact("LIVES_AT", p.key, "l:" + p.home, {}, 0.5))
    return facts


def _identifiers(cast: Cast) -> list[Fact]:
    facts: list[Fact] = []
    for p in cast.people:
        facts += [Fact("USES_PHONE", p.key, ph, {}, 1.5) for ph in p.phones]
        facts += [Fact("USES_EMAIL", p.key, "e:" + e, {}) for e in p.emails]
        facts += [Fact("USES_HANDLE", p.key, f"h:{pl}:{h}", {"platform": pl, "handle": h}) for pl, h in p.handles]
        facts += [Fact("HOLDS_ACCOUNT", p.key, "a:" + n, {"bank": b}) for b, n in p.accounts]
        facts += [Fact("OWNS", p.key, "v:" + pl, {"desc": d}) for pl, d in p.vehicles]
        facts += [Fact("HAS_ID", p.key, "d:" + v, {"kind": k, "surface": s}) for k, v, s in p.id_docs]
    return facts


def person_keys(fact: Fact) -> list[str]:
    """The person keys a fact touches (used to pick facts about a note's subject)."""
    return [r for r in (fact.source, fact.target) if r.startswith("p") and r[1:].isdigit()]
