"""Tables in notes: a row that gives an identifier and the name it is registered to is a tie.

Why: subscriber returns, vehicle-licensing checks and bank replies come back as tables
("| +501 667 2054 | Smart | COCOM LESTER | Benque Viejo |"), and the parser reads no clause in a
table row, so the most direct evidence of whose phone or plate it is was lost. A markdown table
with a header row is read row by row: the column whose header names a holder ("registered
subscriber", "owner", "licensed to", "account holder", "titular", "a nombre de") gives the
person, and every phone, plate or account found in the row is theirs (USES_PHONE, OWNS for a
vehicle, HOLDS_ACCOUNT). The row is the evidence. A registry reply written as a numbered list
in a note about licensing or subscriber checks is read the same way: the person named after the
identifier on its line holds it. A holder cell that says no one ("prepaid,
unregistered", "not available", "-") ties nothing. Names in capitals are taken as written; the
resolver matches "COCOM LESTER" with "Lester Cocom" (same words, reordered).

A column whose header names a thing ("Carrier", "Network", "Bank", "Make", "Model", "Colour",
"Type") holds no person: the model reads a carrier like "Smart" as a name, so a Person mention of
one of its values, in the table or anywhere else in the note ("returns from Digi and Smart"), is
dropped, and where the model had read it as a body, the body is what stays. A form's field of the
same kind ("Carrier: Smart", "Make/Model: Toyota Hiace") says the same of its value.
"""
from __future__ import annotations

import re
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ingest.components.base import add_mention, add_relation, ensure_extensions, mentions, relations, text_of

__all__ = ["TableReader"]

METHOD = "workbench.table_reader.v1"
_ROW = re.compile(r"^[ \t]*\|(.+)\|[ \t]*$", re.MULTILINE)
_SEPARATOR = re.compile(r"^[\s|:-]+$")
_HOLDER = re.compile(r"subscriber|owner|holder|registered|licen[cs]ed|licensee|titular|a nombre|propietari|"
                     r"registrad|name", re.IGNORECASE)
_NOBODY = re.compile(r"^(?:-+|n/?a|none|unknown|unregistered|prepaid.*|not available.*|pending.*|no record.*|"
                     r"sin registro.*|desconocido.*)$", re.IGNORECASE)
_NAME = re.compile(r"^[A-ZÁÉÍÓÚÑÜ][A-Za-zÁÉÍÓÚÑÜáéíóúñü.'’ -]{2,60}$")
_TIES = {"Phone": "USES_PHONE", "Vehicle": "OWNS", "Account": "HOLDS_ACCOUNT"}
# Headers of columns that name things: carriers, banks, vehicles' makes and models, kinds
_THING = re.compile(r"^(?:carrier|network|provider|operator|company|compa[ñn][íi]a|empresa|bank|banco|make|marca|"
                    r"model|modelo|brand|colou?r|type|tipo|kind|service|servicio|plan|status|estado)\b", re.IGNORECASE)
# The same as a form's field: "Carrier: Smart", "Network - Digi", "Make/Model: Toyota Hiace"
_THING_FIELD = re.compile(r"^[ \t]*(?:[-*•][ \t]*)?(?:carrier|network|provider|operator|bank|banco|make|marca|"
                          r"model|modelo|brand|company|compa[ñn][íi]a|empresa)(?:/\w+)?[ \t]*[:–—-][ \t]*"
                          r"(?P<value>[^\n,;(|]+)", re.IGNORECASE | re.MULTILINE)
# A note that reports registry checks (licensing, subscriber returns, registrations) in its opening
_CHECKS = re.compile(r"licen[cs]ing|registration|registry|subscriber|returns|registered owner|vehicle checks",
                     re.IGNORECASE)
_LIST_ITEM = re.compile(r"^[ \t]*(?:\d{1,3}[.)]|[-*•])[ \t]+[^\n]+", re.MULTILINE)


@Language.factory("workbench_table_reader_v1", assigns=["doc._.wb_mentions", "doc._.wb_relations"],
                  requires=["doc._.wb_mentions"])
def make_table_reader(nlp: Language, name: str) -> "TableReader":
    return TableReader()


class TableReader:
    def __init__(self) -> None:
        ensure_extensions()

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        if _CHECKS.search(text[:600]):
            _record_list(doc, text)
        fields = {m.group("value").strip(" .") for m in _THING_FIELD.finditer(text)}
        if "|" not in text:
            if fields:
                _no_persons(doc, fields)
            return doc
        holder: int | None = None
        things: set[int] = set()
        thing_values: set[str] = set()
        for match in _ROW.finditer(text):
            cells = _cells(text, match)
            if all(_SEPARATOR.fullmatch(c) or not c.strip() for c, _, _ in cells):
                continue
            header = [c for c, _, _ in cells]
            if holder is None or not _has_identifier(doc, match.start(), match.end()):
                found = next((i for i, c in enumerate(header) if _HOLDER.search(c)), None)
                holder = found if found is not None else holder
                things = {i for i, c in enumerate(header) if _THING.match(c) and i != holder} or things
                continue
            thing_values |= {cells[i][0] for i in things if i < len(cells) and cells[i][0]}
            if holder < len(cells):
                self._row(doc, match.start(), match.end(), cells[holder])
        if thing_values | fields:
            _no_persons(doc, thing_values | fields)
        return doc

    @staticmethod
    def _row(doc: Doc, start: int, end: int, cell: tuple[str, int, int]) -> None:
        value, cell_start, cell_end = cell
        if _NOBODY.match(value) or not _NAME.match(value):
            return
        person = _person_in(doc, cell_start, cell_end) or _added_person(doc, cell_start, cell_end, value)
        row = doc.char_span(start, end, alignment_mode="expand")
        if row is None:
            return
        for item in [m for m in mentions(doc) if m["label"] in _TIES and start <= m["start"] and m["end"] <= end]:
            add_relation(doc, _TIES[item["label"]], person, item, row, METHOD, 0.9)


def _record_list(doc: Doc, text: str) -> None:
    """A registry reply written as a list ("3. CZ-P-20417 - grey Toyota Tacoma 2020 - VARGAS,
    Dionisio, 4th Avenue"): the person named after the identifier on its line holds it."""
    for line in _LIST_ITEM.finditer(text):
        start, end = line.start(), line.end()
        items = sorted((m for m in mentions(doc) if start <= m["start"] and m["end"] <= end), key=lambda m: m["start"])
        held = next((m for m in items if m["label"] in _TIES), None)
        holder = next((m for m in items if m["label"] == "Person" and held is not None and m["start"] > held["end"]), None)
        row = doc.char_span(start, end, alignment_mode="expand")
        if held is not None and holder is not None and row is not None:
            add_relation(doc, _TIES[held["label"]], holder, held, row, f"{METHOD}:record-list", 0.85)


def _no_persons(doc: Doc, values: set[str]) -> None:
    """The values of a thing column are no one: their Person mentions go, and one the model read as
    a body ("ner:ORG->Person") is that body again. A mention a relation already uses stays."""
    used = {tuple(r[end]) for r in relations(doc) for end in ("source", "target")}
    for m in [m for m in mentions(doc) if m["label"] == "Person" and m["text"] in values]:
        if ("Person", m["start"], m["end"]) in used:
            continue
        mentions(doc).remove(m)
        if m["method"] == "ner:ORG->Person":
            add_mention(doc, "Organization", m["start"], m["end"], "ner:ORG", confidence=0.6,
                        canonical=m["text"], kind="other")


def _cells(text: str, match: re.Match[str]) -> list[tuple[str, int, int]]:
    """``(value, start, end)`` of each cell of a table row, in text offsets."""
    out, position = [], match.start(1)
    for raw in match.group(1).split("|"):
        lead = len(raw) - len(raw.lstrip())
        value = raw.strip()
        out.append((value, position + lead, position + lead + len(value)))
        position += len(raw) + 1
    return out


def _has_identifier(doc: Doc, start: int, end: int) -> bool:
    return any(m["label"] in _TIES and start <= m["start"] and m["end"] <= end for m in mentions(doc))


def _person_in(doc: Doc, start: int, end: int) -> dict[str, Any] | None:
    return next((m for m in mentions(doc) if m["label"] == "Person" and start <= m["start"] and m["end"] <= end), None)


def _added_person(doc: Doc, start: int, end: int, value: str) -> dict[str, Any]:
    for other in [m for m in mentions(doc) if m["start"] < end and start < m["end"] and m["label"] != "Person"]:
        mentions(doc).remove(other)  # the model's ORG or place over a name in a holder column
    canonical = " ".join(w.title() if w.isupper() and len(w) > 1 else w for w in value.split())
    return add_mention(doc, "Person", start, end, f"{METHOD}:holder", confidence=0.85, canonical=canonical)
