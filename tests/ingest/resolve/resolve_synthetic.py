"""A seeded synthetic case for measuring resolution at scale (tens of thousands of mentions).

Why: real case files are small today; resolution must stay near-linear when a unit loads years
of notes. People here share surnames (brothers), are written with titles, commas, missing
accents and typos, carry nicknames and phones, and are seen at venues, so every rule runs.
"""
from __future__ import annotations

import random

from graph_schema.records import Evidence, Mention, Note, Relation
from ingest.results import Extraction

FIRST = ("Carlos Miguel José Juan Luis Jorge Pedro Mario Ana María Rosa Carmen Elena Sofía Lucía Marta "
         "Andrés Felipe Raúl Óscar Diego Pablo Tomás Hugo Iván Julio César Rubén Sergio Víctor Alba "
         "Irma Nora Olga Paula Teresa Wendy Yolanda Zoila Kevin Brian Dwayne Marlon Shane Trevor Keisha "
         "Tanya Denise Sharon Lorna Glenn Errol Dalton Elvis Ruperto Ismael Lázaro Efraín Nicolás").split()
LAST = ("Reyes Castillo Martínez Pop Chan Coc Cal Choc Bol Tzib Usher Young Gentle Flowers Arzu Nuñez "
        "Garcia Gómez Hernández López Pérez Sánchez Ramírez Torres Flores Rivera Morales Ortiz Cruz "
        "Ramos Vargas Castro Romero Herrera Medina Aguilar Mendoza Guzmán Salazar Rojas Marín Sosa "
        "Tillett Neal Lewis Palacio Cayetano Martinez Moreno Cano Ayuso Bautista Cocom Ical Sho Xix").split()
NICKS = "Flaco Gordo Chino Negro Guero Pelón Chapo Tigre Gato Zorro Pollo Chuy Memo Beto Paco".split()
TITLES = ["", "", "", "", "Mr. ", "Sgt. ", "PC ", "Immigration Officer ", "Councillor ", "Don "]
VENUES = [f"{w} {k}" for w in "Lucky Golden Blue Red Palm Jungle Reef Sunset".split()
          for k in ("Bar", "Club", "Cantina", "Farm", "Hotel")]


def _typo(name: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(name) - 1)
    return name[:i] + name[i + 1] + name[i] + name[i + 2:] if name[i + 1:i + 2].isalpha() else name


def _people(count: int, rng: random.Random) -> list[dict[str, object]]:
    people = []
    for i in range(count):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        middle = rng.choice(FIRST) + " " if rng.random() < 0.2 else ""
        people.append({"first": first, "middle": middle, "last": last,
                       "nick": rng.choice(NICKS) if rng.random() < 0.3 else None,
                       "title": rng.choice(TITLES), "phone": f"+501{6000000 + i * 7 % 999999:07d}",
                       "venue": rng.choice(VENUES)})
    return people


def _written(p: dict[str, object], rng: random.Random) -> str:
    first, last = str(p["first"]), str(p["last"])
    roll = rng.random()
    if roll < 0.05:
        last = _typo(last, rng)
    elif roll < 0.15:
        first, last = first.encode("ascii", "ignore").decode(), last.upper()
    if rng.random() < 0.15:
        return f"{last}, {first}"
    nick = f' "{p["nick"]}"' if p["nick"] and rng.random() < 0.5 else ""
    return f"{p['title']}{first}{nick} {p['middle']}{last}"


def synthetic_case(n_mentions: int, seed: int = 0) -> list[Extraction]:
    """About ``n_mentions`` mentions over notes of ~10 mentions, seeded (same seed, same case)."""
    rng = random.Random(seed)
    people = _people(max(10, n_mentions // 15), rng)
    extractions, total = [], 0
    while total < n_mentions:
        note_id = f"note-{len(extractions):06d}"
        mentions: list[Mention] = []
        relations: list[Relation] = []

        def add(label: str, text: str, **extra: object) -> Mention:
            start = 1000 * len(mentions)
            m = Mention(note_id, label, text, start, start + len(text), text, "synthetic", **extra)  # type: ignore[arg-type]
            mentions.append(m)
            return m

        def link(rel_type: str, a: Mention, b: Mention) -> None:
            relations.append(Relation(rel_type, a.id, b.id, Evidence(note_id, a.text, a.start, b.end, "synthetic")))

        cast = rng.sample(people, 3)
        persons = []
        for p in cast:
            full = _written(p, rng)
            person = add("Person", full, props={"role": rng.choice(["suspect", "victim", "witness", None])})
            add("Person", str(p["last"]), canonical=full)
            link("USES_PHONE", person, add("Phone", str(p["phone"]), key=str(p["phone"])))
            link("SEEN_AT", person, add("Organization", str(p["venue"])))
            persons.append(person)
        if cast[0]["nick"] and rng.random() < 0.3:
            link("SEEN_AT", add("Person", str(cast[0]["nick"])), add("Organization", str(cast[0]["venue"])))
        link("ASSOCIATED_WITH", persons[0], persons[1])
        extractions.append(Extraction(Note(note_id, f"{note_id}.txt", "", case_id="case-1"),
                                      tuple(mentions), tuple(relations)))
        total += len(mentions)
    return extractions
