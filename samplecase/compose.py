"""Compose one note: header block, an opening in the note type's voice, fact sentences, filler.

Why: the five note types read differently (an interview is reported speech, a surveillance log is
timestamped lines, an arrest report names who searched and arrested whom), and the extractor
must cope with all of them. The investigators who write the notes appear as Author and in the
prose ("I, Cpl. ... interviewed ..."), and every such tie is recorded as INVESTIGATED, never as
anything else, so the truth can check that they stay innocent.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

from samplecase.cast import Cast, Person
from samplecase.plan import Fact, person_keys
from samplecase.refs import MONTHS, STATIONS, NoteRefs, date_phrase
from samplecase.render import clock, render_fact
from samplecase.phrases import FILLER, KRIOL, PREFIXES, SPANISH
from samplecase.text import Builder, Piece, fill, lit

__all__ = ["Story", "NOTE_TYPES", "compose_note"]

# schema type -> (weight, header label)
NOTE_TYPES = {"interview": (30, "interview"), "statement": (20, "witness statement"),
              "surveillance": (18, "surveillance log"), "tip": (14, "tip"), "arrest_report": (18, "arrest report")}
_OPENERS = {
    "interview": ("I, {auth}, interviewed {s} at {station} on {date}.",
                  "On {date}, I, {auth}, conducted an interview with {s} at {station}.",
                  "Interview of {s} conducted by {auth} at {station}.",
                  "{auth} interviewed {s} at {station}; {other} was present."),
    "statement": ("Statement of {s}, taken by {auth} at {station} on {date}.",
                  "I, {auth}, took the following statement from {s}.",
                  "{s} gave the following statement to {auth} at {station}."),
    "arrest_report": ("At {time} hrs on {date}, {auth} and {other} searched {venue} under warrant.",
                      "On {date}, {auth}, assisted by {other}, executed a search warrant at {venue}."),
    "surveillance": ("Surveillance of {venue} by {auth} and {other}.",
                     "Observation post opposite {venue}. Observers: {auth}, {other}."),
    "tip": ("Anonymous tip received by {auth} at {station} at {time} hrs.",
            "Information received by telephone from a confidential source; recorded by {auth}."),
}
_CLOSINGS = ("Interview concluded at {time} hrs.", "Report submitted to {boss}.", "Signed: {auth}",
             "Copy to {boss} for review.", "End of entry.", "Further action: follow up with {boss}.")
_SURVEIL_KINDS = ("SEEN_AT", "ASSOCIATED_WITH", "OWNS", "TRANSPORTED", "USES_PHONE", "CALLED")


@dataclass
class Story:
    """The facts and what notes have stated so far; draws the next fact for a note."""

    rng: random.Random
    cast: Cast
    facts: list[Fact]
    case_id: str
    queue: list[int] = field(default_factory=list)
    pos: int = 0
    by_person: dict[str, list[int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        complicit = {p.key for p in self.cast.people if p.complicit}
        front = [i for i, f in enumerate(self.facts) if complicit & set(person_keys(f))]
        rest = [i for i in range(len(self.facts)) if i not in set(front)]
        self.rng.shuffle(rest)
        self.queue = front + rest
        self.weights = [f.weight for f in self.facts]
        for i, f in enumerate(self.facts):
            for k in person_keys(f):
                self.by_person.setdefault(k, []).append(i)

    def next_fact(self, subject: str | None, kinds: tuple[str, ...] = ()) -> Fact:
        rng = self.rng
        if subject and subject in self.by_person and rng.random() < 0.5:
            return self.facts[rng.choice(self.by_person[subject])]
        if self.pos < len(self.queue) and rng.random() < 0.6:
            self.pos += 1
            return self.facts[self.queue[self.pos - 1]]
        for _ in range(3 if kinds else 1):
            fact = rng.choices(self.facts, self.weights)[0]
            if not kinds or fact.type in kinds:
                break
        return fact


def _subject(rng: random.Random, cast: Cast, note_type: str) -> Person | None:
    pools = {"interview": ("victim",) * 11 + ("witness",) * 6 + ("suspect",) * 3,
             "statement": ("witness",) * 3 + ("victim",) * 2, "arrest_report": ("suspect",)}
    if note_type not in pools:
        return None
    role = rng.choice(pools[note_type])
    return rng.choice([p for p in cast.people if p.role == role])


def compose_note(story: Story, note_type: str, date: str, fmt: str,
                 subject: Person | None = None) -> tuple[str, dict[str, Any]]:
    """Write one note; return its text and its truth entry (mentions and relations)."""
    rng, cast = story.rng, story.cast
    subject = subject or _subject(rng, cast, note_type)
    investigators = [p for p in cast.people if p.role == "investigator"]
    author, other, boss = rng.sample(investigators, 3)
    refs, b = NoteRefs(rng, cast, note_type), Builder()
    if rng.random() < 0.9:
        _header(b, story, note_type, date, author)
    if fmt == "md":
        b.add(f"## {NOTE_TYPES[note_type][1].capitalize()} - {story.case_id}\n\n")
    venue = rng.choice(cast.orgs)
    slots = _opener_slots(rng, refs, date, author, other, subject, venue.name)
    template = rng.choice(_OPENERS[note_type])
    start, end = fill(b, template, {k: v() for k, v in slots.items() if "{" + k + "}" in template})
    _opening_relations(b, template, start, end, author, other, subject, venue.name)
    _body(b, story, refs, note_type, fmt, author, subject)
    if rng.random() < 0.7:
        b.add("\n\n")
        closing = rng.choice(_CLOSINGS)
        fill(b, closing, {k: v() for k, v in slots.items() if "{" + k + "}" in closing}
             | ({"boss": refs.person(boss.key)} if "{boss}" in closing else {}))
    b.add("\n")
    truth = {"type": note_type, "date": date, "author": author.name, "format": fmt,
             "subject": subject.name if subject else None,
             "mentions": b.mentions, "relations": b.relations}
    return b.text(), truth


def _header(b: Builder, story: Story, note_type: str, date: str, author: Person) -> None:
    rng = story.rng
    b.add(f"Case: {story.case_id}\n")
    b.add(f"Date: {rng.choice((date, date, date, _dmy(date), _long(date)))}\n")
    b.add(f"Author: {author.rank} ")
    b.piece(Piece(author.name, "Person", author.name))
    b.add(f"\nType: {NOTE_TYPES[note_type][1]}\n\n")


def _dmy(iso: str) -> str:
    y, m, d = iso.split("-")
    return f"{d}/{m}/{y}"


def _long(iso: str) -> str:
    y, m, d = iso.split("-")
    return f"{int(d)} {MONTHS[int(m) - 1]} {y}"


def _opener_slots(rng: random.Random, refs: NoteRefs, date: str, author: Person, other: Person,
                  subject: Person | None, venue: str) -> dict[str, Any]:
    """Lazy slot makers: only the slots a template names are drawn (names are first mentions)."""
    return {
        "auth": lambda: refs.person(author.key), "other": lambda: refs.person(other.key),
        "s": lambda: refs.person(subject.key) if subject else lit("the informant"),
        "station": lambda: refs.entity("o:" + rng.choice(STATIONS)),
        "venue": lambda: refs.entity("o:" + venue),
        "date": lambda: lit(date_phrase(rng, date)), "time": lambda: lit(clock(rng)),
    }


def _opening_relations(b: Builder, template: str, start: int, end: int, author: Person, other: Person,
                       subject: Person | None, venue: str) -> None:
    """Interviews and statements investigate their subject; searches investigate the venue."""
    if subject and "{s}" in template:
        b.relation("INVESTIGATED", author.name, subject.name, start, end)
    if "search" in template:
        b.relation("INVESTIGATED", author.name, venue, start, end)
        b.relation("INVESTIGATED", other.name, venue, start, end)


def _body(b: Builder, story: Story, refs: NoteRefs, note_type: str, fmt: str, author: Person,
          subject: Person | None) -> None:
    rng, cast = story.rng, story.cast
    surveil = note_type == "surveillance"
    n = rng.randint(3, 9)
    for i in range(n):
        if surveil:
            b.add("\n" + ("- " if fmt == "md" else "") + clock(rng) + rng.choice((" hrs - ", " - ", ": ")))
        elif i % rng.choice((2, 3, 4)) == 0:
            b.add("\n\n")
        else:
            b.add(" ")
        roll = rng.random()
        if roll < 0.1:
            b.add(rng.choice(FILLER))
        elif roll < 0.17 and subject and note_type in ("interview", "statement"):
            _quote(b, refs, subject)
        elif roll < 0.25:
            render_fact(b, refs, _innocent_fact(rng, cast))
        elif note_type == "arrest_report" and i == 0 and subject:
            render_fact(b, refs, Fact("INVESTIGATED", author.key, subject.key, _inv_data(rng, cast)))
        else:
            fact = story.next_fact(subject.key if subject else None, _SURVEIL_KINDS if surveil else ())
            prefix = None
            about_subject = subject is not None and subject.key in person_keys(fact)
            if note_type in PREFIXES and not about_subject and rng.random() < 0.35:
                prefix = rng.choice(PREFIXES[note_type])
            render_fact(b, refs, fact, prefix, subject.key if subject and prefix else None)


def _quote(b: Builder, refs: NoteRefs, subject: Person) -> None:
    rng = refs.rng
    pool = KRIOL if subject.nationality == "Belize" and rng.random() < 0.6 else SPANISH
    fill(b, rng.choice(("{s} said: ", "In {s}'s words: ", "{s} repeated: ")), {"s": refs.person(subject.key)})
    b.add(rng.choice(pool) + ".")


def _inv_data(rng: random.Random, cast: Cast) -> dict[str, Any]:
    return {"venue": rng.choice(cast.orgs).name, "crossing": rng.choice(("Benque Viejo border",
                                                                        "Santa Elena border"))}


def _innocent_fact(rng: random.Random, cast: Cast) -> Fact:
    """An innocent official (or an investigator) acting in an investigative capacity near suspects."""
    officials = [p for p in cast.people if p.role == "official" and p.complicit is False]
    off = rng.choice(officials + [p for p in cast.people if p.role == "investigator"])
    data = _inv_data(rng, cast)
    if off.post == "checkpoint":
        plate, desc = rng.choice([v for p in cast.people for v in p.vehicles])
        return Fact("INVESTIGATED", off.key, "v:" + plate, data | {"desc": desc})
    if off.post == "inspection":
        return Fact("INVESTIGATED", off.key, "o:" + rng.choice(("Green Valley Farm", "Las Palmas Citrus Plantation")), data)
    role = "victim" if off.post == "shelter" else "suspect"
    return Fact("INVESTIGATED", off.key, rng.choice([p for p in cast.people if p.role == role]).key, data)
