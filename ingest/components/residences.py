"""Residences given the way records give them: "GUERRA, Elmer Rolando, 31, Benque Viejo del Carmen".

Why: remand lists, arrest forms, registry returns and statements' openings put a person's home
right after the name, set off by commas with the age, nationality or nickname between ("Ruben
Ku, 34, San Joaquin, Corozal", "L/Cpl. Omar Salazar, Belize Defence Force, 29 years, of Bullet
Tree Falls", 'known only as "Skinny", Creole, from Belize City', "KU, Ruben, San Joaquin
Village"). The parser rarely attaches such a place to the name, so the relation finder's
``comma-of-place`` reading misses most of them. Read on the surface: after a Person mention,
only short descriptors (an age, a nationality or people word, a street, a nickname, a body or a title
found by the other components), then a comma and optionally "of"/"from", then a place mention
that begins right there. A bare "Name, Place" with no descriptor between counts only on a
list line (a numbered, bulleted or dashed record), where it is the record's form, not prose.
A markdown table whose header names an address column ("Address on file") gives the residence of
the people of each row in that column.
"""
from __future__ import annotations

import re
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ingest.components.base import SentenceIndex, add_relation, ensure_extensions, mentions, text_of, titles

__all__ = ["Residences"]

METHOD = "workbench.residences.v1:comma-of-place"
_AGE = r"\d{1,3}(?:\s*(?:yrs?\.?|years(?:\s+old)?|años))?"
_PEOPLE = r"(?:[A-Z][a-z]+(?:an|ian|ese|eño|eña|ish|i)|Creole|Mestizo|Mestiza|Garifuna|Maya|Mennonite|Hispanic)"
_STREET = r"\d{1,4}(?:st|nd|rd|th)?\s+(?:[A-Z][a-z]+\s+){0,2}(?:Street|St\.|Avenue|Ave\.|Road|Rd\.|Lane|Drive)"
_NICK = r"@\s*[\"“][^\"”\n]{1,25}[\"”]|\(\s*[\"“][^\"”\n]{1,25}[\"”]\s*\)"
_ITEM = re.compile(rf"\s*,\s*(?:{_AGE}|{_STREET}|{_PEOPLE}(?:\s+(?:national|female|male|woman|man))?)(?=\s*,)|\s*(?:{_NICK})")
_LEAD = re.compile(r"\s*,\s*(?:(?:of|from|de)\s+(?:the\s+)?)?")
_LIST_LINE = re.compile(r"^\s*(?:\d{1,3}[.)]|[-*•–]|[a-z][.)])\s")
_HOME_KINDS = {"town", "village", "city", "address", "other", "caye"}
_TABLE_METHOD = "workbench.residences.v1:address-column"
_TABLE_ROW = re.compile(r"^[ \t]*\|(.+)\|[ \t]*$", re.MULTILINE)
_TABLE_RULE = re.compile(r"^[\s|:-]+$")
_ADDRESS_HEADER = re.compile(r"\b(?:address|residence|domicile|home|direcci[oó]n|domicilio|residencia)\b", re.IGNORECASE)


@Language.factory("workbench_residences_v1", assigns=["doc._.wb_relations"], requires=["doc._.wb_mentions"])
def make_residences(nlp: Language, name: str) -> "Residences":
    return Residences()


class Residences:
    def __init__(self) -> None:
        ensure_extensions()

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        places = {m["start"]: m for m in mentions(doc) if m["label"] == "Location"
                  and m["props"].get("kind", "other") in _HOME_KINDS}
        if not places:
            return doc
        if "|" in text:
            _table_homes(doc, text, places)
        bodies = sorted((m["start"], m["end"]) for m in mentions(doc) if m["label"] == "Organization")
        spans = sorted([*bodies, *((t["start"], t["end"]) for t in titles(doc))])
        index = None
        for person in [m for m in mentions(doc) if m["label"] == "Person"]:
            position, described = _described_to(text, person["end"], spans)
            lead = _LEAD.match(text, position)
            if lead is None or lead.end() == position:
                continue
            place = places.get(lead.end())
            if place is None or "\n" in text[person["end"]:place["start"]]:
                continue
            line = text[text.rfind("\n", 0, person["start"]) + 1:person["start"]]
            if not (described or lead.group().strip(" ,") or _LIST_LINE.match(line + " ")):
                continue
            index = index or SentenceIndex(doc)
            add_relation(doc, "LIVES_AT", person, place, index.at(person["start"]), METHOD, 0.75)
        return doc


def _described_to(text: str, position: int, spans: list[tuple[int, int]]) -> tuple[int, bool]:
    """Where the descriptors after a name end, and whether there were any: ages, nationalities,
    nicknames, and bodies or titles the other components found (", Belize Defence Force,")."""
    described = False
    while True:
        if text[position:position + 1] in "\"”’'":
            position += 1  # the closing quote of a nickname: known only as "Skinny", Creole
        item = _ITEM.match(text, position)
        if item is not None:
            position, described = item.end(), True
            continue
        comma = re.match(r"\s*,\s*", text[position:])
        start = position + comma.end() if comma else None
        body = next((end for s, end in spans if s == start), None) if start is not None else None
        if body is not None and re.match(r"\s*,", text[body:]):
            position, described = body, True
            continue
        return position, described


def _table_homes(doc: Doc, text: str, places: dict[int, dict[str, Any]]) -> None:
    """"| Number | Carrier | Registered subscriber | Address on file |": in a markdown table whose
    header names an address column, the people of a row live at the first town or address of
    that column's cell ("| +501 667 2054 | Smart | COCOM LESTER | Benque Viejo del Carmen |")."""
    column: int | None = None
    rows = list(_TABLE_ROW.finditer(text))
    for n, row in enumerate(rows):
        cells = _cells(row)
        if n + 1 < len(rows) and _TABLE_RULE.match(rows[n + 1].group(1)) and rows[n + 1].start() == row.end() + 1:
            column = next((i for i, (_, _, cell) in enumerate(cells) if _ADDRESS_HEADER.search(cell)), None)
            continue
        if column is None or column >= len(cells) or _TABLE_RULE.match(row.group(1)):
            continue
        start, end, _ = cells[column]
        home = next((places[p] for p in sorted(places) if start <= p < end), None)
        people = [m for m in mentions(doc) if m["label"] == "Person" and row.start() <= m["start"] < row.end()
                  and not (start <= m["start"] < end)]
        span = doc.char_span(row.start(), row.end(), alignment_mode="expand")
        if home is None or span is None:
            continue
        for person in people:
            add_relation(doc, "LIVES_AT", person, home, span, _TABLE_METHOD, 0.7)


def _cells(row: re.Match[str]) -> list[tuple[int, int, str]]:
    """The cells of a table row with their offsets in the text."""
    cells, position = [], row.start(1)
    for cell in row.group(1).split("|"):
        cells.append((position, position + len(cell), cell))
        position += len(cell) + 1
    return cells
