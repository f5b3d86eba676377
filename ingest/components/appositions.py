"""Ties that titles and appositions state: who holds a post where, who comes from or lives where.

Why: official prose gives a person's post and origin in appositions, not in verbs the relation
lexicons could match: "Michael A. Battle, United States Attorney for the Western District of New
York", "Acting Assistant Attorney General Loretta King of the Civil Rights Division", "U.S.
Attorney for the Northern District of Georgia Sally Quillian Yates", "Vanita Gupta, head of the
Justice Department's Civil Rights Division", "Amador Cortes-Meza, 36, of Tlaxcala, Mexico",
"Sylvia Munoz Rubio, an Arizona woman". Read on the text next to the mentions the other
components found (titles from ``officials.py``, posts without a rank from ``legal.jsonl``):

- WORKS_FOR: the bodies named with "of"/"for" after a title (before or after the name), chained
  by possessives and commas ("for Justice Department's Civil Rights Division" gives both), and a
  body written right before the title ("HSI Special Agent X"); "in Atlanta" is where the office
  is, not whom the person works for, and "at the bar" is no post;
- NATIVE_OF: "X, [age,] of <place>" where a place named is a foreign country (each place named),
  and "X, a <country> native"; the relation finder's residence reading of the same words
  (``comma-of-place``) is withdrawn then: a foreign country after the comma is where a person comes
  from, "of San Ignacio" stays a residence;
- LIVES_AT: "X, an Arizona woman", "X and Y, both of whom resided in Aurora", "an El Cajon couple".
"""
from __future__ import annotations

import bisect
import re
from typing import Any

from spacy.tokens import Doc, Span

from ingest.components.base import SentenceIndex, add_relation, lexicon_regex, mentions, relations, text_of, titles
from ingest.components.region import text_region
from ingest.components.syntax import Arguments
from ingest.components.wordshapes import heading_line

__all__ = ["couple_home", "read_appositions"]

METHOD = "workbench.legal_relations.v1"
_LINK = re.compile(r"\s*,?\s*(?:of|for)\s+(?:the\s+)?(?:(?:[A-Z][\w.]*\s+){0,3}(?:office|field office|bureau|branch|"
                   r"section|headquarters)\s+of\s+(?:the\s+)?)?")
_CHAIN = re.compile(r"(?:\s*\([A-Z][\w-]{1,11}\))?(?:\s*['’]s?\s+|\s*,\s*(?:the\s+)?|\s+)")
_BETWEEN = re.compile(r"[\s,]*")
# ", the Secretary", and after a suffix: "John R. Lausch, Jr., United States Attorney"
_AFTER = re.compile(r"\s*,\s*(?:(?:Jr|Sr|II|III|IV)\.?\s*,\s*)?(?:the\s+|an?\s+)?")
_COMMA = re.compile(r"\s*,\s*(?:the\s+)?")
_AGE_ALIAS = re.compile(r'(?:[\s,"“”]|\d{1,3}\b|(?:a/k/a|aka|a\.k\.a\.|alias)\s+"?[^,"]{1,30}"?|"[^"]{1,30}")*')
_PLACE_COMMA = re.compile(r"\s*,\s*")
_ARTICLE = re.compile(r"\s*,\s*an?\s+")
_NOUN = re.compile(r"\s+([a-z]+)\b")
_BOTH = re.compile(r",\s*both\s+of\s+(?:whom\s+(?:\w+\s+){0,2}?(?:resided|reside|resides|lived|live|lives)\s+in\s+)?$")


def read_appositions(doc: Doc, args: Arguments, words: dict[str, frozenset[str]]) -> None:
    works_for(doc, words)
    origins(doc, words)


def works_for(doc: Doc, words: dict[str, frozenset[str]]) -> None:
    text = text_of(doc)
    posts = [(t["start"], t["end"]) for t in titles(doc)]
    posts += [(m.start(), m.end()) for m in lexicon_regex(words["post-nouns"]).finditer(text)
              if not any(s <= m.start() < e for s, e in posts)]
    posts.sort()
    bodies = {m["start"]: m for m in mentions(doc) if m["label"] in {"Organization", "Location"}}
    ends = {m["end"]: m for m in mentions(doc)
            if m["label"] == "Organization" and m["props"].get("venue_type") != "court"}
    index = SentenceIndex(doc)
    for person in [m for m in mentions(doc) if m["label"] == "Person" and not m["props"].get("first_person")]:
        found: list[dict[str, Any]] = []
        near = bisect.bisect_left(posts, (person["start"] - 150, 0))
        for start, end in posts[near:]:
            if start > person["end"] + 12:
                break
            if end <= person["start"] and _BETWEEN.fullmatch(text, end, person["start"]):
                found += _chain(text, bodies, end)[0] + _chain(text, bodies, person["end"])[0]
                before = len(text[max(0, start - 3):start].rstrip())  # "HSI Special Agent X"; not "U.S. District
                body = ends.get(max(0, start - 3) + before)            # Court Judge": that court is the title
                found += [body] if body is not None else []
            elif end <= person["start"]:
                chained, stop = _chain(text, bodies, end)
                if chained and stop <= person["start"] and _BETWEEN.fullmatch(text, stop, person["start"]):
                    found += chained
            elif start >= person["end"] and _AFTER.fullmatch(text, person["end"], start):
                found += _chain(text, bodies, end, comma=True)[0]
        seen: set[int] = set()
        for body in found:
            if body["start"] not in seen:
                seen.add(body["start"])
                add_relation(doc, "WORKS_FOR", person, body, index.at(person["start"]), f"{METHOD}:title-of", 0.8)


def _chain(text: str, bodies: dict[int, dict[str, Any]], pos: int,
           comma: bool = False) -> tuple[list[dict[str, Any]], int]:
    """The bodies named from ``pos`` on: "of/for [the] <body>" then "'s <body>", ", <body>"; with
    ``comma`` a title after the name may give its agency after a bare comma ("X, Special Agent in
    Charge, U.S. Immigration and Customs Enforcement")."""
    link = _LINK.match(text, pos)
    if link is None and comma and (step := _COMMA.match(text, pos)) and \
            (bodies.get(step.end()) or {}).get("label") == "Organization":
        link = step
    if link is None:
        return [], pos
    found: list[dict[str, Any]] = []
    pos = link.end()
    while True:
        body = bodies.get(pos) or bodies.get(pos - 4 if text[pos - 4:pos].lower() == "the " else -1)
        if body is None or (found and body["label"] != "Organization"):
            return found, pos if not found else found[-1]["end"]
        found.append(body)
        step = _CHAIN.match(text, body["end"])
        if step is None:
            return found, body["end"]
        pos = step.end()


def origins(doc: Doc, words: dict[str, frozenset[str]]) -> None:
    """"X, 36, of Tlaxcala, Mexico" and "X, a Guatemalan native" for origin; "X, an Arizona
    woman" and "both of whom resided in Aurora" for residence (see the module docstring)."""
    text, region = text_of(doc), text_region(doc)
    places = {m["start"]: m for m in mentions(doc) if m["label"] == "Location"}
    index = SentenceIndex(doc)
    people: dict[int, list[dict[str, Any]]] = {}
    for m in sorted(mentions(doc), key=lambda m: m["start"]):
        if m["label"] == "Person" and not m["props"].get("first_person"):
            people.setdefault(index.at(m["start"]).start_char, []).append(m)
    for place in sorted(places.values(), key=lambda m: m["start"]):
        sent = index.at(place["start"])
        before = text[sent.start_char:place["start"]]
        holders = _holders(text, people.get(sent.start_char, []), sent, before)
        if not holders:
            continue
        named = _place_chain(text, places, place)
        residence = bool(re.search(r"whom\s+(?:\w+\s+){0,2}?\w+\s+in\s+$", before))
        if not residence and any(p["props"].get("kind") == "country" and p["props"].get("country") not in (None, region)
                                 for p in named):
            _withdraw_residence(doc, named)
            for person in holders:
                for p in named:
                    add_relation(doc, "NATIVE_OF", person, p, sent, f"{METHOD}:comma-of-country", 0.75)
        elif residence:
            for person in holders:
                add_relation(doc, "LIVES_AT", person, place, sent, f"{METHOD}:both-of-whom-resided", 0.75)
    for person in (m for group in people.values() for m in group):
        after = _ARTICLE.match(text, person["end"])
        home = places.get(after.end()) if after else None
        noun = _NOUN.match(text, home["end"]) if home else None
        if home is not None and noun is not None:
            sent = index.at(person["start"])
            if noun.group(1) in words["native-nouns"]:
                add_relation(doc, "NATIVE_OF", person, home, sent, f"{METHOD}:a-place-native", 0.75)
            elif noun.group(1) in words["resident-nouns"]:
                add_relation(doc, "LIVES_AT", person, home, sent, f"{METHOD}:a-place-resident", 0.75)


def _holders(text: str, people: list[dict[str, Any]], sent: Span, before: str) -> list[dict[str, Any]]:
    """Who an "of <place>" after a comma is said of (``people``: those of the sentence): the
    person just before (ages and aliases between), or for "both of" the two people named before it."""
    both = _BOTH.search(before)
    if both is not None:
        prior = [p for p in people if p["end"] <= sent.start_char + both.start()]
        distinct = list({str(p["canonical"] or p["text"]).lower(): p for p in prior}.values())
        return distinct[-2:] if len(distinct) >= 2 else []
    of = re.search(r"\bof\s+(?:the\s+)?$", before)
    if of is None:
        return []
    cut = sent.start_char + of.start()
    prior = [p for p in people if p["end"] <= cut]
    gap = text[prior[-1]["end"]:cut] if prior else ""
    return [prior[-1]] if "," in gap and len(gap) <= 60 and _AGE_ALIAS.fullmatch(gap) else []


def _place_chain(text: str, places: dict[int, dict[str, Any]], first: dict[str, Any]) -> list[dict[str, Any]]:
    """The place and those that complete it after commas ("Tlaxcala, Mexico")."""
    chain = [first]
    while (comma := _PLACE_COMMA.match(text, chain[-1]["end"])) and comma.end() in places:
        chain.append(places[comma.end()])
    return chain


def _withdraw_residence(doc: Doc, places: list[dict[str, Any]]) -> None:
    refs = [[p["label"], p["start"], p["end"]] for p in places]
    relations(doc)[:] = [r for r in relations(doc) if not (
        r["type"] == "LIVES_AT" and r["method"].endswith(":comma-of-place") and r["target"] in refs)]


def couple_home(doc: Doc, args: Arguments, sent: Span, people: list[dict[str, Any]]) -> None:
    """"An El Cajon couple were arrested": the place written before "couple" is the couple's home
    (not in a heading, where "Suburban Chicago Couple" names an area)."""
    for token in sent:
        if token.lower_ != "couple" or heading_line(token):
            continue
        for part in token.children:
            place = args.mention(part)
            if part.dep_ in {"compound", "nmod", "amod"} and place is not None and place["label"] == "Location":
                for person in people:
                    add_relation(doc, "LIVES_AT", person, place, sent, f"{METHOD}:couple-home", 0.7)
