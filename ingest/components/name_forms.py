"""Names in the forms police paperwork writes them, which the statistical model does not read.

Why: arrest reports and forms write "GUERRA, Marcos Antonio" (surname in capitals, a comma, the
given names), officers as "CPL 1187 CHUC, Ernesto" or "PC 2290 GENTLE", and protected people
only by their initials ("K.M.A.") or a witness code ("TP-3", "CS-14"), and people known only by
what they are called ("a man they call El Güero", "whom La Jefa called Sarge", "Who is Sarge?",
"le dicen El Flaco"). The model splits the
first into an organization and a first name and skips the others, so the person is lost or
split. The person finder takes these candidates first (``PersonFinder``); each carries the
name in reading order as its canonical form ("Marcos Antonio Guerra") and the method that
found it.

Guards, because capitals, commas and letters with dots are everywhere in police text: the
surname is not a word the text writes in lower case, a body word or a place; the given names
are not a place, a title or a word the text writes in lower case; initials are not a known
abbreviation ("U.S.", "P.M."); a witness code needs a witness or source word in its sentence.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from spacy.tokens import Doc

from ingest.components.base import ORG_WORDS, claimed, mentions, text_of, titles
from ingest.components.wordshapes import common_words

__all__ = ["form_candidates", "initials_of", "maiden_names"]

METHOD = "workbench.person_finder.v1"
_UPPER = "A-ZÁÉÍÓÚÑÜ"
_LOWER = "a-záéíóúñü"
_SURNAME_FIRST = re.compile(
    rf"(?<![\w.])(?P<sur>[{_UPPER}][{_UPPER}'’-]+(?: [{_UPPER}][{_UPPER}'’-]+)?), "
    rf"(?P<given>[{_UPPER}][{_LOWER}]+(?: [{_UPPER}][{_LOWER}]+){{0,2}}(?: [{_UPPER}]\.)?|[{_UPPER}]\.(?: ?[{_UPPER}]\.)?)"
    rf"(?![\w-])")
_INITIALS = re.compile(rf"(?<![\w.])(?:[{_UPPER}]\.){{2,4}}(?![\w])")
_ABBREVIATIONS = {"U.S.", "U.K.", "D.C.", "P.R.", "A.M.", "P.M.", "N.B.", "U.N.", "E.U.", "I.D.", "B.Z.", "S.A.",
                  "C.A.", "N.Y.", "L.A.", "R.I.P.", "U.S.A.", "E.G.", "I.E."}
# A name and a number quoted as one entry of a notebook or phone list: '"Marcos 501-622-4187"'
_DIRECTORY_ENTRY = re.compile(rf"[\"“](?P<name>[{_UPPER}][{_LOWER}]{{2,}}(?:\s+[{_UPPER}][{_LOWER}]{{2,}})?)\s*:?\s*"
                              rf"(?P<number>\+?\d[\d\s-]{{5,}}\d)[\"”]")
_CODE = re.compile(r"(?<![\w-])[A-Z]{2,3}-\d{1,3}(?![\w-])")
# A name given, not a phone call: "a man they call El Güero", "whom La Jefa called Sarge", "the one
# called Paloma", "everybody calls him Pastor", "known as Pelón", "Who is Sarge?" ("Pedro called
# Maria" is a call: the relation finder reads it)
_CALLED = re.compile(rf"(?:\b(?:(?:they|people|everybody|everyone|everyone else)\s+call(?:s|ed)?|"
                     rf"(?:whom|who|that)\s+(?:[\w.]+\s+){{0,3}}?call(?:s|ed)?|"
                     rf"(?:a|an|the|one)\s+(?:\w+\s+)?(?:called|named)|"
                     rf"call(?:s|ed)?\s+(?:him|her|them|me|us)|"
                     rf"known as|nicknamed|alias|a\.k\.a\.?|aka|[Ll]es? dicen|[Ll]e decimos|apodad[oa]|conocid[oa] como)"
                     rf"\s+[\"“‘']?|(?:\bWho is|¿Quién es)\s+[\"“‘']?)"
                     rf"(?P<name>(?:(?:El|La|Don|Doña)\s+)?[{_UPPER}][{_LOWER}]{{2,}}(?:\s+[{_UPPER}][{_LOWER}]{{2,}})?)"
                     rf"(?=[\"”’']?(?:[\s.,;:?!)]|$))")
# A rank word in quotes is what the speaker calls someone whose name they do not know: "las
# muchachas le dicen 'el sargento'", "they call him 'the sergeant'" - a person, a lead to an official
_CALLED_RANK = re.compile(r"\b(?:le|les)\s+dicen|\b(?:they|people|everybody|the girls)\s+call(?:s|ed)?(?:\s+(?:him|her))?"
                          r"|\bknown as|\bapodad[oa]")
_QUOTED_RANK = re.compile(r"\s+[\"“‘'](?P<name>(?:(?:el|la|the)\s+)?(?:sargento|sargenta|sarge|sergeant|cabo|corporal|"
                          r"comandante|commander|capit[aá]n|captain|inspector|inspectora|teniente|lieutenant|"
                          r"oficial|officer|chief|jefe))[\"”’']", re.IGNORECASE)
# A name stated as such, in capitals as police write it: "would only give his first name, ORLANDO",
# "gave her name as MARTA", "nombre: ROSA"
# The one an interview is with, as its subject line names them in capitals: "SUBJECT: WITNESS INTERVIEW - ORLANDO (barman)"
_INTERVIEWEE = re.compile(rf"^[ \t]*SUBJECT:[^\n]*\bINTERVIEW\b[^\n]*?-[ \t]+(?P<name>[{_UPPER}]{{3,}})(?=[ \t]*(?:\(|$))",
                          re.MULTILINE)
_GIVEN_NAME = re.compile(rf"\b(?:(?:his|her|first|given|only)\s+name(?:\s+(?:is|as|was))?|name\s+as|nombre(?:\s+es)?)"
                         rf"[,:]?\s+(?P<name>[{_UPPER}]{{3,}}|[{_UPPER}][{_LOWER}]{{2,}})(?![\w-])")
_AFTER_NAME = re.compile(rf"[{_UPPER}][\w'’-]+(?:\s*,\s*\d{{1,3}})?\s*,?\s*$")
# Codes whose letters say what they stand for: a confidential source or informant, a protected witness
_SOURCE_PREFIXES = frozenset({"CS", "CI", "CHS", "TP", "PW", "CW"})
_CODE_CUES = re.compile(r"\b(?:witness|testig[oa]|informant|informante|source|fuente|declarante|deponent|"
                        r"confidential|protected|protegid[oa]|CS|TP)\b", re.IGNORECASE)


def form_candidates(doc: Doc) -> Iterator[tuple[int, int, str, str, dict[str, Any]]]:
    """``(start, end, canonical, method, props)`` for each name written in a paperwork form."""
    text = text_of(doc)
    common = common_words(doc)
    for match in _SURNAME_FIRST.finditer(text):
        if _plausible(doc, match, common):
            start, sur = _after_title(doc, match)
            given, surname = match.group("given"), " ".join(w.title() for w in sur.split())
            yield start, match.end(), f"{given} {surname}", f"{METHOD}:surname-first", {}
    for match in _INITIALS.finditer(text):
        if match.group() not in _ABBREVIATIONS and not claimed(doc, match.start(), match.end()):
            yield match.start(), match.end(), match.group(), f"{METHOD}:initials", {}
    for match in _DIRECTORY_ENTRY.finditer(text):  # '"Güero +52 983 114 5520"', a notebook's list of numbers
        start, end = match.span("name")
        if any(m["label"] == "Phone" and m["start"] == match.start("number") for m in mentions(doc)) \
                and not claimed(doc, start, end) and match.group("name").lower() not in common:
            yield start, end, match.group("name"), f"{METHOD}:directory-entry", {}
    for match in _CODE.finditer(text):
        sentence = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if sentence is not None and (match.group().split("-")[0] in _SOURCE_PREFIXES
                                     or _CODE_CUES.search(sentence.sent.text.replace(match.group(), ""))) \
                and not claimed(doc, match.start(), match.end()):
            yield match.start(), match.end(), match.group(), f"{METHOD}:witness-code", {"role": "witness", "role_basis": "stated: a protected witness's code"}
    for match in (*_INTERVIEWEE.finditer(text), *_GIVEN_NAME.finditer(text)):  # "his first name, ORLANDO"
        if not claimed(doc, match.start("name"), match.end("name")):
            yield match.start("name"), match.end("name"), match.group("name").title(), f"{METHOD}:given-name", {}
    for match in _CALLED_RANK.finditer(text):
        rank = _QUOTED_RANK.match(text, match.end())
        if rank and not claimed(doc, rank.start("name"), rank.end("name")):
            yield rank.start("name"), rank.end("name"), rank.group("name"), f"{METHOD}:called-rank", {}
    for match in _CALLED.finditer(text):
        name = match.group("name")
        if _AFTER_NAME.search(text[max(0, match.start() - 40):match.start()]):
            continue  # 'Raul Cortes-Meza, 21, aka "Oscar"': a nickname of the name before it, not a person of its own
        if not any(w.lower() in common or w.lower() in ORG_WORDS for w in name.split()[-1:]) \
                and not claimed(doc, match.start("name"), match.end("name"), {"Location", "Organization"}):
            yield match.start("name"), match.end("name"), name, f"{METHOD}:called", {}


# A woman's maiden name after her married one: "Glenda Cruz (née Novelo)", "Ana Pop, born Chi,",
# "María Chi (nacida López)", "(de soltera López)": her name too, never a person of its own
_MAIDEN = re.compile(rf"\s*(?:\(|,)\s*(?i:n[ée]e|born|nacida|de soltera|maiden name|apellido de soltera)\s+"
                     rf"(?P<name>[{_UPPER}][\w'’-]+(?:\s+[{_UPPER}][\w'’-]+){{0,2}})(?=\s*[),;.]|\s*$)")


def maiden_names(doc: Doc) -> Iterator[tuple[dict[str, Any], int, int]]:
    """``(person mention, start, end)`` of each maiden name written right after a person's name."""
    text = text_of(doc)
    if not re.search(r"(?i)n[ée]e|born|nacida|soltera|maiden", text):
        return
    ends = {m["end"]: m for m in mentions(doc) if m["label"] == "Person"}
    for end, person in sorted(ends.items()):
        match = _MAIDEN.match(text, end)
        if match:
            yield person, match.start("name"), match.end("name")


def _after_title(doc: Doc, match: re.Match[str]) -> tuple[int, str]:
    """The surname without a rank written before it in capitals ("IO COCOM, Lester")."""
    start, sur = match.start("sur"), match.group("sur")
    words = sur.split()
    if len(words) == 2 and any(t["start"] <= start < t["end"] for t in titles(doc)):
        return start + len(words[0]) + 1, words[1]
    return start, sur


def _plausible(doc: Doc, match: re.Match[str], common: frozenset[str]) -> bool:
    surname, given = match.group("sur"), match.group("given")
    if any(w.lower() in common or w.lower() in ORG_WORDS for w in surname.split()):
        return False
    if any(w.lower() in common or w.lower() in ORG_WORDS for w in given.split() if len(w) > 2):
        return False
    start, end = match.start("given"), match.end("given")
    if any(t["start"] < end and start < t["end"] for t in titles(doc)):
        return False  # "PECH, Cpl." is a list of a name and a rank
    return not any(m["label"] in {"Location", "Organization"} and m["start"] < end and start < m["end"]
                   for m in mentions(doc))


def initials_of(name: str) -> str:
    """The initials a note would sign or write for a name: "Carla Westby" -> "C.W."

    >>> initials_of("Carla Westby"), initials_of("Kevin Arzu")
    ('C.W.', 'K.A.')
    """
    return "".join(f"{w[0].upper()}." for w in name.split() if w[:1].isalpha())
