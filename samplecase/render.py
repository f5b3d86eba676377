"""Turn one fact of the plan into one sentence of a note, recording its mentions and relation.

Why: the sentence and its truth are produced together, so the relation recorded in the truth is
exactly the one the sentence states, with the sentence's own offsets.
"""
from __future__ import annotations

import random
import re
from collections.abc import Callable

from samplecase.plan import Fact
from samplecase.refs import STATIONS, NoteRefs, channel_phrase, date_phrase, money_pieces, truth_name
from samplecase.templates import TEMPLATES
from samplecase.text import Builder, Piece, fill, lit, typo

__all__ = ["render_fact", "template_kind", "random_date", "clock"]

_SLOT = re.compile(r"\{(\w+)\}")
_DOC = {"passport": ("passport",), "social_security": ("social security number", "SSN"),
        "id_card": ("ID card", "identity card", "national ID")}
TYPO_RATE = 0.06


def template_kind(fact: Fact) -> str:
    """Which template family phrases this fact (vehicles, shares and venues have their own)."""
    if fact.type == "OWNS" and fact.target.startswith("v:"):
        return "OWNS_VEHICLE"
    if fact.type == "OWNS" and fact.data.get("share"):
        return "OWNS_SHARE"
    if fact.type in ("TIPPED_OFF", "INVESTIGATED") and fact.target.startswith("o:"):
        return fact.type + "_ORG"
    if fact.type == "INVESTIGATED" and fact.target.startswith("v:"):
        return "INVESTIGATED_VEHICLE"
    return fact.type


def random_date(rng: random.Random) -> str:
    return f"2026-{rng.randint(1, 10):02d}-{rng.randint(1, 28):02d}"


def clock(rng: random.Random) -> str:
    h, m = rng.choice((19, 20, 21, 22, 23, 0, 1, 2, 6, 10, 14, 17)), rng.randrange(0, 60, 5)
    return rng.choice((f"{h:02d}:{m:02d}", f"{h:02d}{m:02d}"))


def _phone_owner(fact: Fact, template: str) -> str:
    return fact.target if "{b}'s number {phone}" in template else fact.source


def _choose(rng: random.Random, refs: NoteRefs, fact: Fact) -> str:
    """A template whose slots this fact can fill (a call "from {phone}" needs a known phone)."""
    options = list(TEMPLATES[template_kind(fact)])
    rng.shuffle(options)
    for template in options:
        if fact.data.get("channel") == "cash" and any(w in template for w in ("transfer", "wired", "sent")):
            continue  # cash is handed over, not wired
        if "{phone}" not in template or refs.cast.get(_phone_owner(fact, template)).phones:
            return template
    raise ValueError(f"no template fits {fact.type}")


def _slot(rng: random.Random, refs: NoteRefs, fact: Fact, name: str, template: str) -> list[Piece]:
    d = fact.data
    if name in ("a", "b"):
        ref = fact.source if name == "a" else fact.target
        return refs.person(ref) if ref.startswith("p") and ref[1:].isdigit() else refs.entity(ref, d)
    if name in ("place", "crossing", "dest", "town"):
        place = d.get(name) or _org_town(refs, fact)
        return refs.entity("l:" + place)
    if name == "addr":
        return [Piece(d["addr"].rsplit(",", 1)[0], "Location", d["addr"])]
    if name == "plate":
        return refs.entity("v:" + d["vehicle"][0])
    if name == "vehicle":
        return lit(d["vehicle"][1] if "vehicle" in d else d.get("desc", "vehicle"))
    if name == "venue":
        venue = str(d.get("venue") or "o:Sunset Bar").removeprefix("o:")
        return refs.entity("o:" + venue)
    if name == "station":
        return refs.entity("o:" + rng.choice(STATIONS))
    if name == "money":
        return money_pieces(rng, d["amount"], d["currency"])
    if name == "phone":
        return refs.entity(rng.choice(refs.cast.get(_phone_owner(fact, template)).phones))
    return lit(_literal(rng, refs, fact, name, template))


def _literal(rng: random.Random, refs: NoteRefs, fact: Fact, name: str, template: str) -> str:
    d = fact.data
    pron = {"asub": (fact.source, 0), "apos": (fact.source, 1), "aobj": (fact.source, 2),
            "bsub": (fact.target, 0), "bpos": (fact.target, 1), "bobj": (fact.target, 2)}
    if name in pron:
        ref, i = pron[name]
        return refs.pronouns(ref)[i]
    if name == "doc":
        word = rng.choice(_DOC.get(d.get("kind", ""), ("document",)))
        return word[0].upper() + word[1:] if template.startswith("{doc}") else word
    simple: dict[str, Callable[[], str]] = {
        "job": lambda: d["job"], "rel": lambda: d["relation"], "bank": lambda: d["bank"],
        "chan": lambda: channel_phrase(rng, d["channel"]),
        "date": lambda: date_phrase(rng, d.get("date") or random_date(rng)),
        "time": lambda: clock(rng), "n": lambda: str(d.get("n") or rng.randint(2, 9)),
        "platform": lambda: {"tiktok": "TikTok"}.get(d["platform"], d["platform"].capitalize()),
    }
    return simple[name]()


def _org_town(refs: NoteRefs, fact: Fact) -> str:
    name = fact.target.removeprefix("o:")
    return next((o.town for o in refs.cast.orgs if o.name == name), "Belize City")


def render_fact(b: Builder, refs: NoteRefs, fact: Fact, prefix: str | None = None,
                subject: str | None = None) -> None:
    """Write one sentence stating ``fact`` (after an optional reported-speech prefix)."""
    rng = refs.rng
    template = _choose(rng, refs, fact)
    if rng.random() < TYPO_RATE:
        template = typo(rng, template)
    start = b.pos
    if prefix:
        fill(b, prefix, {"s": refs.person(subject) if subject else []})
    slots = {name: _slot(rng, refs, fact, name, template) for name in _SLOT.findall(template)}
    _, end = fill(b, template, slots, lower_first=bool(prefix))
    src, tgt = truth_name(refs.cast, fact.source), truth_name(refs.cast, fact.target)
    extra = {k: fact.data[k] for k in ("amount", "currency", "channel", "date")} if fact.type == "PAID" else {}
    b.relation(fact.type, src, tgt, start, end, **extra)
    if "{plate}" in template:  # "driven by {a} ... plate {plate}" also states who drives the vehicle
        b.relation("DRIVES", src, str(fact.data["vehicle"][0]), start, end)
    elif template_kind(fact) == "OWNS_VEHICLE" and " drives " in template:  # "{a} drives a ... registered in his name"
        b.relation("DRIVES", src, tgt, start, end)
