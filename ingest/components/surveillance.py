"""Surveillance logs: what a timed entry sees is at the place the log's heading names.

Why: an observation log names the watched venue once, in its heading ("OBS LOG  Bar Luna Maya,
W. Hwy", "SURVEILLANCE 2 - La Herradura - Wed 17/04/24"), and then writes terse entries
("20:15 Tacoma CZ-P-20417 at the rear", "22:58 Sgt Sosa arr on foot") whose place is implicit.
Read alone, no entry says where; read with the heading, each says that vehicle or person was at
the venue that night: repeated sightings of an official's car behind a bar are evidence. An
entry counts when it holds a presence word (arrives, parks, enters, at the rear, leaves...);
the log's author (the observer) is never a sighting. The heading's place becomes a venue
mention when no other component found it (a bar's short name, "La Herradura").
"""
from __future__ import annotations

import re
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ingest.components.base import ORG_WORDS, add_mention, add_relation, ensure_extensions, mentions, text_of

__all__ = ["SurveillanceLog"]

METHOD = "workbench.surveillance_log.v1"
_HEADING = re.compile(r"\A\s*(?:OBS(?:ERVATION)?\s+LOG|SURVEILLANCE|SURV\.?|STAKEOUT|VIGILANCIA)(?:\s+\d+)?"
                      r"(?:\s*[-–:]\s*|\s{2,})(?P<place>[A-Z][^,\n]*?)(?=\s*(?:,|\s[-–]\s|\s{2,}|\n|$))")
_PRESENCE = re.compile(r"\b(?:arr(?:ives?|ived)?|enters?|entered|parks?|parked|present|in by|goes in|went in|"
                       r"inside|leaves?|left|exits?|dep(?:arts?)?|on foot|at the (?:rear|front|door|back)|"
                       r"to the rear|again)\b", re.IGNORECASE)

_CLAUSE_END = re.compile(r"[.;](?=\s+[A-Z0-9])")
_ABSENT = re.compile(r"\b(?:not|no|absent|missing|nowhere|n/s)\b", re.IGNORECASE)


@Language.factory("workbench_surveillance_log_v1", assigns=["doc._.wb_mentions", "doc._.wb_relations"],
                  requires=["doc._.wb_mentions"])
def make_surveillance_log(nlp: Language, name: str) -> "SurveillanceLog":
    return SurveillanceLog()


class SurveillanceLog:
    def __init__(self) -> None:
        ensure_extensions()

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        heading = _HEADING.match(text)
        if heading is None:
            return doc
        venue = _venue(doc, heading.start("place"), heading.end("place"))
        if venue is None:
            return doc
        position = text.find("\n", heading.end())
        while 0 <= position < len(text):
            end = text.find("\n", position + 1)
            end = len(text) if end < 0 else end
            self._entry(doc, position + 1, end, venue)
            position = end
        return doc

    @staticmethod
    def _entry(doc: Doc, start: int, end: int, venue: dict[str, Any]) -> None:
        line = text_of(doc)[start:end]
        if not line.strip() or not _PRESENCE.search(line):
            return
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return
        for seen in [m for m in mentions(doc) if start <= m["start"] and m["end"] <= end
                     and _seen_in_its_clause(line, m["start"] - start, m["end"] - start)]:
            if _surname_read_as_body(seen, line[seen["end"] - start:]):
                seen["label"], seen["method"], seen["props"] = "Person", f"{seen['method']}->Person", {}
            if seen["label"] == "Vehicle" or (seen["label"] == "Person" and seen["props"].get("role") != "investigator"
                                              and not seen["props"].get("first_person")):
                add_relation(doc, "SEEN_AT", seen, venue, span, METHOD, 0.75)


def _seen_in_its_clause(line: str, start: int, end: int) -> bool:
    """"Explorer present. Urvan not seen. Tacoma NOT present.": a clause of an entry that says
    something is absent (not, no, absent, missing) is no sighting of what it names; the entry's
    other clauses still are ("3 F exit side door. Taken in through side door by Bigga.")."""
    cuts = [0, *(m.end() for m in _CLAUSE_END.finditer(line)), len(line)]
    last = max(start, end - 1)  # the clause the mention ends in: "Sgt. Sosa arr" is one clause, not "Sgt." and the rest
    clause = next((line[a:b] for a, b in zip(cuts, cuts[1:]) if a <= last < b), line)
    return not _ABSENT.search(clause)


def _surname_read_as_body(seen: dict[str, Any], after: str) -> bool:
    """"VARGAS comes out the back", "(now known: VARGAS)": in an observation entry a surname in
    capitals, as police write it, that the model took for an organization, is the person watched."""
    text = seen["text"]
    return (seen["label"] == "Organization" and seen["method"] == "ner:ORG" and text.isalpha() and text.isupper()
            and len(text) >= 4 and any(c in "AEIOU" for c in text) and text.lower() not in ORG_WORDS
            and bool(re.match(r"\)|\s+[a-z]", after)))


def _venue(doc: Doc, start: int, end: int) -> dict[str, Any] | None:
    """The venue the heading names: a place or venue found there, else the heading words as one."""
    found = [m for m in mentions(doc) if m["label"] in {"Organization", "Location"} and start <= m["start"] < end]
    if found:
        return min(found, key=lambda m: m["start"])
    for other in [m for m in mentions(doc) if m["start"] < end and start < m["end"]]:
        mentions(doc).remove(other)  # "La Herradura" read as a person: in a log heading it is the place watched
    name = text_of(doc)[start:end].strip()
    if not name or any(ch.isdigit() for ch in name):
        return None
    return add_mention(doc, "Organization", start, start + len(name), f"{METHOD}:heading", confidence=0.7,
                       canonical=name, kind="venue")
