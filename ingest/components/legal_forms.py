"""Police forms that name a legal act in a heading or label, and the people it was done to.

Why: arrest reports and court notes are forms as much as prose. The act is a label and the
people follow it, one per line or separated by semicolons, with no verb the parser could read:
"Arrests (caution administered to each):" then "23:40 CHEN WU, Kenneth - trafficking in persons";
"Accused arraigned before the Magistrate, San Ignacio:" then "1. GUERRA, Marcos Antonio ...";
"Warrants requested: Nelson Bonilla Flores ...; the Mexican national known as "El Güero" ...";
"SUBJECT: ARREST - KU, Ruben". The label words are data (``legal.jsonl``, ``heading-acts``).
The first person named in each item is the one the act was done to (later names in the item are
victims or what they said); the people of one list went through the act together. A label that
negates the act ("not arrested") names no one.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from ingest.components.base import lexicon_regex, mentions, text_of

if TYPE_CHECKING:
    from ingest.components.legal import Case

__all__ = ["read_forms"]

_ITEM = re.compile(r"^\s*(?:[-•*·]|\d{1,2}[.)]|\d{1,2}:\d{2}(?:\s*hrs)?)\s+")
_SUBJECT = re.compile(r"^\s*(?:SUBJECT|Subject|RE|Re)\s*:\s*(?P<act>[^:\n]+?)\s+[-–]\s+")
_NOT = re.compile(r"\b(?:not|no|never)\b", re.IGNORECASE)


def read_forms(case: "Case") -> None:
    """Mark the people a form's act labels name, and link the people of one list."""
    doc, text = case.doc, text_of(case.doc)
    cue = lexicon_regex(case.words["heading-acts"])
    lines = _lines(text)
    i = 0
    while i < len(lines):
        start, end = lines[i]
        line = text[start:end]
        subject = _SUBJECT.match(line)
        label, colon, rest = line.partition(":")
        if subject and cue.search(subject.group("act")) and not _NOT.search(subject.group("act")):
            person = _first_person(doc, start + subject.end(), end)
            span = doc.char_span(start, end, alignment_mode="expand")
            if person is not None and span is not None:
                case.charge([person], span, "form-subject")
        elif colon and not subject and len(label.split()) <= 10 and cue.search(label) and not _NOT.search(label):
            items = _items(text, start + len(label) + 1, end) if rest.strip() else []
            j = i + 1
            while j < len(lines) and _ITEM.match(text[lines[j][0]:lines[j][1]]):
                items.append(lines[j])
                j += 1
            people = [p for s, e in items if (p := _first_person(doc, s, e)) is not None]
            span = doc.char_span(start, items[-1][1], alignment_mode="expand") if items else None
            if people and span is not None:
                case.charge(people, span, "form-list")
                case.together(people, span, "form-list", 0.75)
            i = max(j, i + 1)
            continue
        i += 1


def _lines(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for line in text.split("\n"):
        out.append((start, start + len(line.rstrip("\r"))))
        start += len(line) + 1
    return out


def _items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The semicolon-separated items after a label on its own line."""
    out = []
    for part in re.finditer(r"[^;]+", text[start:end]):
        if part.group().strip():
            out.append((start + part.start(), start + part.end()))
    return out


def _first_person(doc: Any, start: int, end: int) -> dict[str, Any] | None:
    named = sorted((m for m in mentions(doc) if m["label"] == "Person" and start <= m["start"] < end
                    and m["props"].get("role") not in {"official", "investigator"}
                    and not m["props"].get("first_person")), key=lambda m: m["start"])
    return named[0] if named else None
