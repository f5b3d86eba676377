"""Someone's house or home is where they live, in the town the sentence - or the note - places it.

Why: "In Chetumal a man they call El Güero kept us in his house", "at her home in Bullet Tree":
the house's owner lives in the town the sentence names. An arrest report written on the spot
names the town once, on its subject line ("ARREST - KU, Ruben (San Joaquin, Corozal)"), and then
speaks of houses there without it: "The house next door is the home of PC 1177 CHI, Armando",
"KU, Julio ... lives in the back house of the same yard". The scene of such a note is the one
town of its subject line (the village, not the district it is in); a house with no town of its
own is there. Notes without a subject line, and subject lines naming two towns, have no scene.
"""
from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Doc, Span, Token

from ingest.components.base import add_relation, lemmas_of, mentions, relations, schema_allows, text_of
from ingest.components.syntax import Arguments

__all__ = ["address_towns", "house_place", "house_town", "scene_town"]

METHOD = "workbench.relation_finder.v1:own-house"
_HOME_NOUNS = {"house", "home", "casa"}
_DWELLINGS = _HOME_NOUNS | {"yard", "apartment", "flat", "room", "hut", "shack", "cuarto", "vivienda", "cabin"}
_SUBJECT = re.compile(r"^[ \t]*(?:SUBJECT|ASUNTO|RE|Lugar)\s*:[^\n]*", re.MULTILINE | re.IGNORECASE)
_NOT_TOWNS = {"country", "district", "state", "region", "department", "address"}


def house_place(doc: Doc, args: Arguments, sent: Span, schema: Any) -> None:
    """The owner of a house or home the sentence names lives in the town it places it in, else in
    the one town the sentence opens in ("In Chetumal ..."), else in the note's scene."""
    if _HOME_NOUNS.isdisjoint(lemmas_of(doc)[sent.start:sent.end]):
        return  # no house or home: most sentences
    for house in sent:
        if house.lemma_.lower() not in _HOME_NOUNS or house.pos_ != "NOUN":
            continue
        owners = [m for c in house.children if c.dep_ == "poss" for m in args.resolve(c) if m["label"] == "Person"]
        owners += [m for p in house.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
                   if o.dep_ == "pobj" for m in args.resolve(o) if m["label"] == "Person"]  # "the home of PC Chi"
        if not owners and any(c.dep_ == "poss" and c.lower_ in {"his", "her"} for c in house.children):
            owners = _clause_subjects(args, house)  # "El Güero kept us in his house": his own
        if not owners:
            continue
        towns = [m for p in house.children if p.dep_ == "prep" and p.lower_ in {"in", "at"} for o in p.children
                 if o.dep_ == "pobj" for m in args.resolve(o) if _a_town(m)]
        if not towns:  # "In Chetumal ...": the one town the sentence opens in
            towns = [m for p in sent if p.dep_ == "prep" and p.lower_ == "in" and p.head.dep_ == "ROOT"
                     for o in p.children if o.dep_ == "pobj" for m in args.resolve(o) if _a_town(m)]
        if not towns and not any(_a_town(m) for m in _in(sent)):
            towns = [t for t in (scene_town(doc),) if t is not None]
        if len({(t["canonical"] or t["text"]) for t in towns}) != 1:
            continue
        for owner in owners:
            if schema_allows(schema, "LIVES_AT", owner, towns[0]):
                add_relation(doc, "LIVES_AT", owner, towns[0], sent, METHOD, 0.7)


def house_town(doc: Doc, verb: Token) -> list[dict[str, Any]]:
    """"lives in the back house of the same yard": a dwelling with no town of its own is in the
    note's scene (for a verb of living whose place is a dwelling, not a named place)."""
    dwelling = any(p.dep_ == "prep" and p.lower_ in {"in", "at"} and o.dep_ == "pobj" and o.lemma_.lower() in _DWELLINGS
                   for p in verb.children for o in p.children)
    town = scene_town(doc) if dwelling else None
    return [town] if town is not None and not any(_a_town(m) for m in _in(verb.sent)) else []


def scene_town(doc: Doc) -> dict[str, Any] | None:
    """The one town the note's subject line names (the innermost when one is in another)."""
    if "wb_scene" in doc.user_data:
        return _mention_at(doc, doc.user_data["wb_scene"])
    text, town = text_of(doc), None
    line = _SUBJECT.search(text, 0, 800)
    if line is not None:
        towns = {(m["start"], m["end"]): m for m in mentions(doc) if line.start() <= m["start"] < line.end() and _a_town(m)}
        inner = {r["target"][1] for r in relations(doc) if r["type"] == "LOCATED_IN"
                 and tuple(r["source"][1:]) in towns}  # "San Joaquin, Corozal": the village, not what it is in
        found = {(m["canonical"] or m["text"]): m for m in towns.values() if m["start"] not in inner}
        town = next(iter(found.values())) if len(found) == 1 else None
    doc.user_data["wb_scene"] = [town["start"], town["end"]] if town is not None else None
    return town


def _mention_at(doc: Doc, ref: list[int] | None) -> dict[str, Any] | None:
    if ref is None:
        return None
    return next((m for m in mentions(doc) if m["label"] == "Location" and [m["start"], m["end"]] == ref), None)


def _in(sent: Span) -> list[dict[str, Any]]:
    return [m for m in mentions(sent.doc) if sent.start_char <= m["start"] < sent.end_char]


def _clause_subjects(args: Arguments, token: Token) -> list[dict[str, Any]]:
    """The people who are the subject of the clause a noun is in: a possessive there is theirs."""
    verb = token.head
    while verb.pos_ not in {"VERB", "AUX"} and verb.head is not verb:
        verb = verb.head
    return [m for m in args.subjects(verb) if m["label"] == "Person"] if verb.pos_ in {"VERB", "AUX"} else []


def _a_town(item: dict[str, Any]) -> bool:
    """A place a person can live in: a town, village or city the gazetteer or the model names (not a country)."""
    return item["label"] == "Location" and item["props"].get("kind") not in _NOT_TOWNS


def address_towns(doc: Doc) -> None:
    """Someone living at "12 Naranjal Street, Orange Walk Town" lives in Orange Walk Town: the town
    the address is written with is a residence too (relation "town of the address"), so a person
    is found by town as well as by street, and two people at one address share both."""
    by_ref = {(m["label"], m["start"], m["end"]): m for m in mentions(doc) if m["label"] in {"Location", "Person"}}
    towns = {(m["canonical"] or m["text"]): m for m in mentions(doc) if _a_town(m)}
    for r in list(relations(doc)):
        address = by_ref.get(tuple(r["target"])) if r["type"] == "LIVES_AT" else None
        if address is None or address["props"].get("kind") != "address" or ", " not in (address["canonical"] or ""):
            continue
        town, person = towns.get(address["canonical"].rsplit(", ", 1)[-1]), by_ref.get(tuple(r["source"]))
        span = doc.char_span(r["start"], r["end"], alignment_mode="expand")
        if town is not None and person is not None and span is not None:
            add_relation(doc, "LIVES_AT", person, town, span, "workbench.relation_finder.v1:address-town", 0.7,
                         relation="town of the address")
