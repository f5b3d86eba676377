"""Who owns the place and who works there, said with "is": "El dueño es don Marcos", "Bigga da di bouncer".

Why: statements and answers name the owner and the staff of the place they are about with a
copula, in Spanish, Kriol or English - "El dueño es don Marcos, el Chino", "Ih da di owner",
"Yo solo soy la encargada", "Bigga da di bouncer", "Mi da security", and in a question "¿Quién
es el dueño de La Herradura?" whose "quién" the answer names (``interviews``). The parse of
these sentences is noise, so they are read on the surface around a role noun of
``patterns/relational_nouns.jsonl`` (found by one regex over the text): holder, copula, article, noun (or
article, noun, copula, holder), then an optional "of/de X". A negation between them ("Yo no soy
la dueña") says nothing.

- An owner's noun (owner, dueño, licensee, socia) gives OWNS to the "of" object, else to the one
  business the note names, when it is named just before (the bar the statement is about); what a person owns is no person, so
  a name the model guessed as a person there ("el dueño de La Herradura") is the place.
- A staff noun (bouncer, cocinera, encargada, security) and a first-person "Yo trabajo en ...",
  "I work at the ..." make the holder staff of the place; the people the note makes its owners
  (by this reader or any earlier rule) or its employers (empleador, patrón) employ them
  (EMPLOYS, relation the noun). Officials and investigators are never staff or employers: a
  labour officer at the bar is inspecting it.
"""
from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Doc, Span, Token


from ingest.components.base import (
    add_relation, folded, lexicon_regex, lowers_of, mentions, relations, schema_allows, text_of,
)
from ingest.components.clause_words import two_sentences_back
from ingest.components.interviews import WHO
from ingest.components.syntax import Arguments

__all__ = ["StaffReader", "note_business"]

METHOD = "workbench.relation_finder.v1:staff"
_COPULAS = {"is", "was", "'s", "da", "es", "era", "fue", "soy", "eres", "am", "are", "son"}
_ARTICLES = {"the", "di", "el", "la", "los", "las", "a", "an", "un", "una", "wan", "wahn"}
_ADVERBS = {"solo", "only", "just", "jus", "also", "tambien", "también", "really", "still", "now", "ahora"}
_NEGATIONS = {"no", "not", "n't", "noh", "neva", "never", "nunca"}
_TITLES = {"don", "doña", "dona", "mr", "mr.", "miss", "mrs", "mrs.", "ms", "señor", "señora", "sr", "sra", "mister"}
_OF = {"of", "de", "del", "for"}
_I = {"yo", "i", "mi", "me"}
_HE = {"ih", "he", "she", "él", "ella"}
_BODIES = {"agency", "authority"}
_OFFICERS = {"official", "investigator"}
# Premises of public bodies are no one's business: the owner of "the station" is not asked about
_PUBLIC = {"station", "office", "court", "prison", "hospital", "clinic", "school", "church", "department",
           "headquarters", "unit", "embassy", "consulate", "terminal", "port"}
_SUBJECT = re.compile(r"^[ \t]*(?:SUBJECT|ASUNTO|RE|OBS LOG|SURVEILLANCE)\b[^\n]*", re.MULTILINE | re.IGNORECASE)
_I_WORK = re.compile(r"\b(?:[Yy]o\s+(?:solo\s+)?(?:trabajo|trabajaba|trabajé)\s+(?:en|para)\b"
                     r"|\bI\s+(?:only\s+|just\s+)?(?:work|worked|was\s+working)\s+(?:at|for|in)\s+(?:the|a)\b"
                     r"|\b[Mm]i\s+(?:di\s+|mi\s+)?(?:work|wok)\s+(?:fi|fa|da|at|inna)\b)")


def note_business(doc: Doc, before: int) -> dict[str, Any] | None:
    """The business an owner's noun without "of" is said of: the one business (bar, farm, shop ...)
    the note names, when it is named just before (in the two sentences before ``before``, or on
    the note's subject line) - "Spoke to FRIESEN, Abram, proprietor. ... He has never been to Bar
    Luna Maya" makes him no owner of the bar. None for none or several."""
    found = {folded(m["canonical"] or m["text"]): m for m in mentions(doc) if m["label"] == "Organization"
             and m["props"].get("kind") == "venue" and m["props"].get("venue_type") not in _PUBLIC}
    if len(found) != 1:
        return None
    name, text = next(iter(found)), text_of(doc)
    start, subject = two_sentences_back(text, before), _SUBJECT.search(text, 0, 800)
    near = [m for m in mentions(doc) if m["label"] == "Organization" and folded(m["canonical"] or m["text"]) == name
            and (start <= m["start"] < before or (subject is not None and subject.start() <= m["start"] < subject.end()))]
    return near[0] if near else None


class StaffReader:
    """The copular owner and staff statements of a doc, from role nouns of the relational noun rows."""

    def __init__(self, rows: tuple[dict[str, Any], ...], schema: Any) -> None:
        self.schema = schema
        self.rows: dict[str, dict[str, Any]] = {}
        for row in rows:
            if row["type"] in {"OWNS", "EMPLOYS"}:
                for noun in (*row["nouns"], *row.get("copula_nouns", ())):
                    self.rows.setdefault(noun, row)
        self.nouns = lexicon_regex(self.rows)

    def __call__(self, doc: Doc, args: Arguments) -> None:
        owners: list[tuple[dict[str, Any], Span]] = []
        staff: list[tuple[dict[str, Any], Span, str]] = []
        # only a one-token noun of the rows is read, so a doc with no such word needs no search
        found = self.nouns.finditer(text_of(doc)) if not self.rows.keys().isdisjoint(lowers_of(doc)) else ()
        for match in found:
            span = doc.char_span(match.start(), match.end())
            if span is None or len(span) != 1 or span[0].lower_ not in self.rows:
                continue
            noun = span[0]
            row = self.rows[noun.lower_]
            holders, of = _copular(args, noun)
            if not holders or (of is None and noun.i + 1 < len(doc) and doc[noun.i + 1].lower_ in _OF):
                continue  # "el dueño de la Toyota": the owner of something the note did not find, not of the bar
            evidence = args.with_answer(noun.sent)
            if row["type"] == "OWNS" or row["holder"] == "source":
                owners += [(h, evidence) for h in holders]
            if row["type"] == "OWNS":
                self._owns(doc, holders, of, evidence, noun)
            elif row["holder"] == "target" and of is not None and of["label"] in {"Person", "Organization"}:
                for holder in holders:
                    if schema_allows(self.schema, "EMPLOYS", of, holder):
                        add_relation(doc, "EMPLOYS", of, holder, evidence, METHOD, 0.7, relation=noun.lower_)
            elif row["holder"] == "target":
                staff += [(h, evidence, noun.lower_) for h in holders]
        for match in _I_WORK.finditer(text_of(doc)):
            speaker = args.speaker_at(match.start())
            span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if speaker is not None and span is not None:
                staff.append((speaker, span.sent, "works there"))
        if staff:
            self._employ(doc, owners + _owners_by_relation(doc), staff)

    def _owns(self, doc: Doc, holders: list[dict[str, Any]], of: dict[str, Any] | None, evidence: Span,
              noun: Token) -> None:
        target = of if of is not None else note_business(doc, noun.idx)
        if target is None:
            return
        if target["label"] == "Person" and target["method"].startswith("ner:"):  # "el dueño de La Herradura"
            target["label"], target["method"], target["props"] = "Organization", f"{target['method']}->Organization", {}
        for holder in holders:
            if _private(holder) and schema_allows(self.schema, "OWNS", holder, target):
                add_relation(doc, "OWNS", holder, target, evidence, METHOD, 0.75, relation=noun.lower_)

    def _employ(self, doc: Doc, owners: list[tuple[dict[str, Any], Span]],
                staff: list[tuple[dict[str, Any], Span, str]]) -> None:
        """The note's owners and employers employ the staff it names."""
        for worker, said, noun in staff:
            for owner, owned in owners:
                if not (_private(owner) and _private(worker)) or _name(owner) == _name(worker):
                    continue
                if schema_allows(self.schema, "EMPLOYS", owner, worker):
                    add_relation(doc, "EMPLOYS", owner, worker, _joined(doc, owned, said), f"{METHOD}:owner-employs",
                                 0.65, relation=noun)


def _copular(args: Arguments, noun: Token) -> tuple[list[dict[str, Any]], dict[str, Any] | None]:
    """Holders and "of" object of "<holder> <copula> [article] <noun> [of X]" or "<article> <noun> <copula> <holder>"."""
    doc, sent = noun.doc, noun.sent
    of = _of(args, noun)
    i = noun.i - 1
    if i >= sent.start and doc[i].lower_ in _ARTICLES:
        i -= 1
    if i >= sent.start and doc[i].lower_ in _COPULAS:
        j = i - 1
        while j >= sent.start and doc[j].lower_ in _ADVERBS:
            j -= 1
        if j < sent.start or doc[j].lower_ in _NEGATIONS:
            return [], None
        return _holder(args, doc[j]), of
    before, after = doc[noun.i - 1] if noun.i > sent.start else None, noun.i + 1
    if before is not None and before.lower_ in _ARTICLES and after < sent.end and doc[after].lower_ in _COPULAS:
        k = after + 1
        while k < sent.end and (doc[k].lower_ in _ADVERBS or doc[k].lower_.rstrip(".") in _TITLES):
            k += 1
        if k < sent.end and doc[k].lower_ not in _NEGATIONS:
            item = args.mention(doc[k])
            return ([item] if item is not None and item["label"] == "Person" else []), of
    return [], None


def _holder(args: Arguments, token: Token) -> list[dict[str, Any]]:
    word = token.lower_
    if word in WHO:
        return args.answered(token) or []
    item = args.mention(token)
    if item is not None:
        return [item] if item["label"] == "Person" else []
    if word in _I:
        speaker = args.speaker_at(token.idx)
        return [speaker] if speaker is not None else []
    if word in _HE:
        found = args.antecedent(token)
        return [found] if found is not None else []
    return []


def _of(args: Arguments, noun: Token) -> dict[str, Any] | None:
    """The mention right after "of"/"de" ("el dueño de La Herradura", "owner of the Sunset Bar")."""
    doc = noun.doc
    k = noun.i + 1
    if k >= noun.sent.end or doc[k].lower_ not in _OF:
        return None
    for token in doc[k + 1:min(k + 3, noun.sent.end)]:
        item = args.mention(token)
        if item is not None:
            return item
        if token.lower_ not in _ARTICLES:
            return None
    return None


def _owners_by_relation(doc: Doc) -> list[tuple[dict[str, Any], Span]]:
    """People the doc's relations make owners of a business (licensee, "operated by", "owns")."""
    by_ref = {(m["label"], m["start"], m["end"]): m for m in mentions(doc)}
    found = []
    for r in relations(doc):
        owner = by_ref.get(tuple(r["source"]))
        if r["type"] == "OWNS" and r["target"][0] == "Organization" and owner is not None and owner["label"] == "Person":
            span = doc.char_span(r["start"], r["end"], alignment_mode="expand")
            if span is not None:
                found.append((owner, span))
    return found


def _joined(doc: Doc, first: Span, second: Span) -> Span:
    """One evidence span over two nearby sentences (the owner named, the staff named)."""
    start, end = min(first.start_char, second.start_char), max(first.end_char, second.end_char)
    if end - start > 600:
        return second
    return doc.char_span(start, end, alignment_mode="expand") or second


def _private(person: dict[str, Any]) -> bool:
    return person["props"].get("role") not in _OFFICERS and not person["props"].get("first_person") \
        and person["props"].get("kind") not in _BODIES


def _name(mention: dict[str, Any]) -> str:
    return folded(mention["canonical"] or mention["text"])
