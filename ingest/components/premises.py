"""Notes about premises: who runs a venue or a company, and who was found inside when it was searched.

Why: the ties that make a bar an exploitation venue, and its owners the people behind it, are
written as records, not as sentences with a verb: a SUBJECT line naming the premises ("SEARCH
AND ARRESTS - LA HERRADURA BAR & ROOMS"), "Premises operated by X LTD", a key-value line
("Razón social: X Ltd.", "Operator: X"), "licensee Glenda Cruz", a registry line
"Directors / shareholders: A (50 shares); B (50 shares)". Read alone, none says what it is about;
read with the note's subject (the venue its heading names) or with the company named on the
line above, each is an ownership. And a search report's "Found A in the office ...; seven women
in the bar and rooms, among them H.Z.M." puts every person found (never the search team) at
the venue searched: the presence of victims there is what the complicity flags reason from.
"""
from __future__ import annotations

import re
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ingest.components.base import (
    SENTENCE_END, SentenceIndex, add_mention, add_relation, claimed, ensure_extensions, mentions, text_of,
)

__all__ = ["Premises"]

METHOD = "workbench.premises.v1"
_SUBJECT_LINE = re.compile(r"^[ \t]*(?:SUBJECT|RE|ASUNTO|REF(?:ERENCE)?|PREMISES|VENUE|ESTABLECIMIENTO|LOCAL|"
                           r"SURVEILLANCE|OBS(?:ERVATION)? LOG|INSPECTION|INSPECCI[OÓ]N)\b[^\n]*$",
                           re.IGNORECASE | re.MULTILINE)
_SEARCH = re.compile(r"\b(?:search|raid|entry|arrests?|inspection|inspecci[oó]n|operativo|allanamiento|registro|"
                     r"warrant|rescue)\b", re.IGNORECASE)
_FOUND = re.compile(r"\b(?:found|find|located|rescued|present|among them|encontr\w*|hallad\w*|inside)\b"
                    r"|\b(?:in|at) the (?:bar|rooms?|office|kitchen|door|premises|back|yard|building)\b",
                    re.IGNORECASE)
_OPERATOR = re.compile(r"\b(?:operated|run|managed|owned)\s+by\s+$|\b(?:operator|owner|proprietor|licensee|"
                       r"raz[oó]n social|propietari[oa]|due[ñn][oa]|titular)\b\s*[:,-]?\s*[\"“']?$", re.IGNORECASE)
_OWNER_FIELD = re.compile(r"\b(?:owner|operator|proprietor|propietari[oa]|due[ñn][oa])\b\s*:", re.IGNORECASE)
_HOLDERS = re.compile(r"\b(?:directors?|shareholders?|owners?|partners?|proprietors?|members?|socios?|"
                      r"accionistas?|propietarios?)\b[^:\n]*:", re.IGNORECASE)
_NOTHING = re.compile(r"\b(?:nothing|no one|nobody|not found|none|nada|nadie|was searched|were searched)\b",
                      re.IGNORECASE)  # "X was searched by Tzib; nothing was found": a person searched, no one found
_TEAM = re.compile(r"\b(?:team|present|officers|equipo|acompañ\w*)\s*:", re.IGNORECASE)
_BODY_ROLES = {"investigator", "official"}
_ENTERED = re.compile(r"\b(?:entered|searched|raided|(?:search|raid|registro|allanamiento|inspecci[oó]n)\s+(?:of|on|at|de|del|en)|"
                      r"ingres(?:amos|aron|[oó])\s+(?:a|al|en)|entramos\s+(?:a|al|en))\s+(?:the\s+|el\s+|la\s+)?$",
                      re.IGNORECASE)
_WARRANT = re.compile(r"\b(?:warrant|orden\s+de\s+(?:registro|allanamiento|cateo))\b", re.IGNORECASE)
_EXHIBIT = re.compile(r"\s*(?:[A-Z]{1,4}-[A-Z0-9]{1,4}-\d{1,3}|Exhibit|Exhibits|Seized|Incautado)\b")
_WORKING = re.compile(r"\b(?:working|works|worked|employed|trabaja|trabajaba|trabajando)\s+"
                      r"(?:as\s+an?\s+\w+['’\"]?\s+)?(?:at|in|en)\s+(?:the\s+|el\s+|la\s+)?$", re.IGNORECASE)
_COMPANY = re.compile(r"\b(?:[A-Z][\w&'-]*[ \t]+){1,5}(?:LTD|Ltd|LIMITED|Limited|INC|Inc|LLC|CORP|Corp|S\.A)\b\.?")


@Language.factory("workbench_premises_v1", assigns=["doc._.wb_relations"], requires=["doc._.wb_mentions"])
def make_premises(nlp: Language, name: str) -> "Premises":
    return Premises()


class Premises:
    def __init__(self) -> None:
        ensure_extensions()

    def __call__(self, doc: Doc) -> Doc:
        index = SentenceIndex(doc)
        _companies(doc)
        venue = subject_venue(doc)
        self._operators(doc, index, venue)
        self._holders(doc, index)
        if venue is not None and _SEARCH.search(_subject_text(doc)):
            self._found(doc, index, venue, _subject_end(doc))
        elif (entered := _entered(doc)) is not None:
            self._found(doc, index, entered[0], entered[1])
        _working_at(doc, index)
        return doc

    @staticmethod
    def _operators(doc: Doc, index: SentenceIndex, venue: dict[str, Any] | None) -> None:
        """"operated by X", "licensee X", "Razón social: X": X owns or runs the venue the line (or
        the note's subject) names, else the company the sentence names after "for"."""
        text = text_of(doc)
        for holder in [m for m in mentions(doc) if m["label"] in {"Person", "Organization"}]:
            line_start = text.rfind("\n", 0, holder["start"]) + 1
            lead = text[max(line_start, holder["start"] - 40):holder["start"]]
            match = _OPERATOR.search(lead)
            if match is None or holder["props"].get("role") in _BODY_ROLES or holder["props"].get("kind") == "agency":
                continue
            sent = index.at(holder["start"])
            near = [m for m in mentions(doc) if m is not holder and m["label"] == "Organization"
                    and sent.start_char <= m["start"] < sent.end_char and m["props"].get("kind") != "agency"]
            owned = [m for m in near if m["props"].get("kind") == "venue"] or ([venue] if venue else []) or near[:1]
            if venue is not None and venue not in owned and _OWNER_FIELD.search(match.group()):
                owned.append(venue)  # "Person seen as the owner: X, also of Y": a record field is about the note's subject
            word = match.group().strip(" :,-\"“'").lower().split()[0]
            for target in owned:
                if target is not None and target is not holder:
                    add_relation(doc, "OWNS", holder, target, sent, f"{METHOD}:operator", 0.75, relation=word)
            if word == "licensee":  # "licensee Glenda Cruz, for Herradura Enterprises Ltd."
                for company in [m for m in near if m["start"] > holder["end"] and m["props"].get("kind") != "venue"]:
                    add_relation(doc, "OWNS", holder, company, sent, f"{METHOD}:operator", 0.7, relation=word)

    @staticmethod
    def _holders(doc: Doc, index: SentenceIndex) -> None:
        """"Directors / shareholders: A (50 shares); B (50 shares)" under the line naming the company."""
        text = text_of(doc)
        for match in _HOLDERS.finditer(text):
            line_end = text.find("\n", match.end())
            line_end = len(text) if line_end < 0 else line_end
            company = _company_above(doc, match.start())
            if company is None:
                continue
            word = re.sub(r"s$", "", match.group().split()[0].strip(" -:/").lower())
            for person in [m for m in mentions(doc) if m["label"] == "Person" and match.end() <= m["start"] < line_end]:
                add_relation(doc, "OWNS", person, company, index.at(person["start"]), f"{METHOD}:holder", 0.8,
                             relation=word)

    @staticmethod
    def _found(doc: Doc, index: SentenceIndex, venue: dict[str, Any], after: int) -> None:
        """Everyone a search report finds on the premises (not the team that searched) was there."""
        for sent in index.sents:
            if sent.start_char < after or _EXHIBIT.match(sent.text) or not _FOUND.search(sent.text) or _TEAM.search(sent.text) \
                    or _NOTHING.search(sent.text):
                continue
            for person in [m for m in mentions(doc) if m["label"] == "Person"
                           and sent.start_char <= m["start"] < sent.end_char]:
                if person["props"].get("role") not in _BODY_ROLES and not person["props"].get("first_person"):
                    add_relation(doc, "SEEN_AT", person, venue, sent, f"{METHOD}:found", 0.7, relation="found")


def _entered(doc: Doc) -> tuple[dict[str, Any], int] | None:
    """The venue a report's body says was entered or searched under a warrant ("the team ... entered
    Bar Luna Maya, Western Highway, under search warrant no. ..."), and where that sentence ends:
    the people found after it were found there. None when the note enters no venue, or several."""
    text = text_of(doc)
    found: dict[str, tuple[dict[str, Any], int]] = {}
    for venue in (m for m in mentions(doc) if m["label"] == "Organization" and m["props"].get("kind") == "venue"):
        lead = _ENTERED.search(text, max(0, venue["start"] - 40), venue["start"])
        stop = SENTENCE_END.search(text, venue["end"])
        end = stop.end() if stop else len(text)
        if lead is not None and _WARRANT.search(text, lead.start(), end):
            found.setdefault(venue["canonical"] or venue["text"], (venue, end))
    return next(iter(found.values())) if len(found) == 1 else None


def _working_at(doc: Doc, index: SentenceIndex) -> None:
    """"the child L.A.C., 15, of Trial Farm, believed to be working at LA HERRADURA BAR & ROOMS":
    someone working at a venue is there (SEEN_AT, relation "works there"); the worker is the
    person named just before, with only descriptors between (no one else, no full stop)."""
    text = text_of(doc)
    people = sorted((m for m in mentions(doc) if m["label"] == "Person" and not m["props"].get("first_person")
                     and m["props"].get("role") not in _BODY_ROLES), key=lambda m: m["start"])
    for venue in (m for m in mentions(doc) if m["label"] == "Organization" and m["props"].get("kind") == "venue"):
        work = _WORKING.search(text, max(0, venue["start"] - 60), venue["start"])
        if work is None:
            continue
        before = [p for p in people if work.start() - 80 <= p["end"] <= work.start()]
        if before and not SENTENCE_END.search(text, before[-1]["end"], work.start()):
            add_relation(doc, "SEEN_AT", before[-1], venue, index.at(work.start()), f"{METHOD}:works-at", 0.7,
                         relation="works there")


def _companies(doc: Doc) -> None:
    """Registered companies by their suffix ("HERRADURA ENTERPRISES LTD", "Herradura Enterprises
    Ltd."), which the model misses when written in capitals; a span it already took stays its."""
    for match in _COMPANY.finditer(text_of(doc)):
        if not claimed(doc, match.start(), match.end()):
            add_mention(doc, "Organization", match.start(), match.end(), f"{METHOD}:company", confidence=0.8,
                        canonical=match.group(), kind="business")


def subject_venue(doc: Doc) -> dict[str, Any] | None:
    """The venue the note is about: the first venue named on its subject line (or its first line)."""
    text = text_of(doc)
    head = text[:600]
    lines = [(m.start(), m.end()) for m in _SUBJECT_LINE.finditer(head)]
    first_end = head.find("\n")
    lines.append((0, first_end if first_end >= 0 else len(head)))
    for start, end in lines:
        venues = [m for m in mentions(doc) if m["label"] == "Organization" and m["props"].get("kind") == "venue"
                  and start <= m["start"] < end]
        if venues:
            return min(venues, key=lambda m: m["start"])
    return None


def _subject_text(doc: Doc) -> str:
    head = text_of(doc)[:600]
    return " ".join(m.group() for m in _SUBJECT_LINE.finditer(head)) + " " + head.split("\n", 1)[0]


def _subject_end(doc: Doc) -> int:
    ends = [m.end() for m in _SUBJECT_LINE.finditer(text_of(doc)[:600])]
    return max(ends) if ends else 0


def _company_above(doc: Doc, position: int) -> dict[str, Any] | None:
    """The company a registry entry is about: the last body (not an agency) named on the lines
    above, within the same section (up to a blank line or a heading)."""
    text = text_of(doc)
    section = max(text.rfind("\n\n", 0, position), text.rfind("\n#", 0, position))
    bodies = [m for m in mentions(doc) if m["label"] == "Organization" and section < m["start"] < position
              and m["props"].get("kind") not in {"agency", "venue"}]
    return max(bodies, key=lambda m: m["start"]) if bodies else None
