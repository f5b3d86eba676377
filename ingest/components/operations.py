"""Operations a note dates and times: "H-hour 22:15", "at 22:15 hrs the team entered Bar Luna Maya".

Why: a tip-off rarely shows as words; it shows when a call between an official's phone and a
trafficker's falls shortly before a raid, and only a note says when the raid was. This component
reads a sentence that names an operation (H-hour, entry, raid, search, checkpoint, inspection,
allanamiento, operativo) together with a time of day, and records an ``Operation`` event: ``at``
(the sentence's date, else the note's own date, with that time), ``kind`` and the code name the
note gives ("Op LUNA"). What the sentence names as its place (a venue, a place, a person) is its
target (``TARGETED``, an investigative tie that is never evidence against anyone); the people its
team section lists are on it (``ON_OPERATION``: casework, cited only beside a call made before
it). Without a
date the operation keeps only its time and no ``at``, so no rule can compare it with a call.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from graph_schema.types import get_type
from ingest.components.base import add_mention, add_relation, ensure_extensions, mentions, span_text, text_of

__all__ = ["OperationFinder"]

METHOD = "workbench.operation_finder.v1"
_CUES = [("raid", re.compile(r"\b(?:H[- ]?hour|entry|entered|enter|raid(?:ed)?|allanamiento|allanaron)\b", re.I)),
         ("search", re.compile(r"\b(?:search(?:ed)?|registro|cateo)\b", re.I)),
         ("checkpoint", re.compile(r"\b(?:checkpoint|road ?block|punto de control)\b", re.I)),
         ("inspection", re.compile(r"\b(?:inspection|inspecci[oó]n)\b", re.I)),
         ("operation", re.compile(r"\b(?:operation|operativo|Op\.?\s+[A-Z]{3,})\b"))]
_TIME = re.compile(r"(?<![\d:/.])([01]?\d|2[0-3])[:.h]([0-5]\d)(?![\d/])\s*(?:hrs|hours|h\b)?", re.I)
_NAME = re.compile(r"\b(?:Op|Operation|Operativo)\.?\s+([A-Z][A-Za-z]{2,}|[A-Z]{3,})\b")
_NEAR = 80  # characters between the cue and the time


@Language.factory("workbench_operation_finder_v1", assigns=["doc._.wb_mentions", "doc._.wb_relations"],
                  requires=["doc.sents", "doc.ents", "doc._.wb_mentions"])
def make_operation_finder(nlp: Language, name: str) -> "OperationFinder":
    return OperationFinder()


class OperationFinder:
    def __init__(self) -> None:
        ensure_extensions()
        self.clean_date = get_type("date").clean

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        if not _TIME.search(text):
            return doc
        named = _NAME.search(text)
        seen: set[str] = set()
        operations: list[dict] = []
        for sent in doc.sents:
            kind, time = self._operation(sent)
            if time is None:
                continue
            date = self._date(sent) or doc.user_data.get("wb_note_date")
            hhmm = f"{int(time.group(1)):02d}:{time.group(2)}"
            at = f"{date}T{hhmm}" if date else None
            if (at or hhmm) in seen:
                continue
            seen.add(at or hhmm)
            start, end = sent.start_char + time.start(), sent.start_char + time.end()
            operation = add_mention(doc, "Operation", start, end, f"{METHOD}:{kind}", confidence=0.8, kind=kind,
                                    at=at, date=date, name=f"Op {named.group(1)}" if named else None,
                                    caption=f"{kind} {at or hhmm}")
            for target in _targets(doc, sent):
                add_relation(doc, "TARGETED", operation, target, sent, METHOD, 0.8)
            operations.append(operation)
        if operations:
            _team(doc, next((o for o in operations if o["props"].get("kind") == "raid"), operations[0]))
        return doc

    @staticmethod
    def _operation(sent: Span) -> tuple[str, re.Match[str] | None]:
        said = span_text(sent)
        for kind, cue in _CUES:
            hit = cue.search(said)
            if hit is None:
                continue
            times = [t for t in _TIME.finditer(said) if abs(t.start() - hit.start()) <= _NEAR]
            if times:
                return kind, min(times, key=lambda t: abs(t.start() - hit.start()))
        return "", None

    def _date(self, sent: Span) -> str | None:
        for ent in sent.ents:
            if ent.label_ == "DATE":
                value = self.clean_date(re.sub(r"^(?:on|the)\s+|(?<=\d)(?:st|nd|rd|th)\b", "",
                                               re.sub(r"^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s+", "", ent.text)))
                if value:
                    return str(value)
        return None


def _team(doc: Doc, operation: dict) -> None:
    """The people a "TEAM" / "EQUIPO" / "Officers present" section of the note lists are on the
    operation (``ON_OPERATION``): they knew its target and time."""
    text = text_of(doc)
    for heading in _TEAM.finditer(text):
        end = _NEXT_SECTION.search(text, heading.end())
        stop = end.start() if end else len(text)
        for person in [m for m in mentions(doc) if m["label"] == "Person" and heading.end() <= m["start"] < stop]:
            span = doc.char_span(person["start"], person["end"], alignment_mode="expand")
            if span is not None:
                add_relation(doc, "ON_OPERATION", person, operation, span.sent, f"{METHOD}:team", 0.8)


_TEAM = re.compile(r"^[ \t]*(?:\d+[.)]?[ \t]*)?(?:TEAM|EQUIPO|PERSONNEL|PERSONAL|OFFICERS(?: PRESENT)?|"
                   r"BRIEFING(?: ATTENDANCE)?|Team|Equipo|Officers present|Personnel)\b[^\n]*\n", re.MULTILINE)
_NEXT_SECTION = re.compile(r"^[ \t]*(?:\d+[.)][ \t]*[A-Z]|[A-Z][A-Z /]{3,}$)", re.MULTILINE)


def _targets(doc: Doc, sent: Span) -> list[dict]:
    """The venues and places the sentence names (the team's own station excluded)."""
    return [m for m in mentions(doc) if sent.start_char <= m["start"] < sent.end_char
            and (m["label"] == "Organization" and m["props"].get("kind") == "venue"
                 and m["props"].get("venue_type") not in {"station", "office", "headquarters", "unit"})]
