"""Whose phone the words around it say where the parse cannot: hand-overs, "the owner's number", a second phone.

Why: a phone matters through its owner, and the notes often say whose it is in ways the English
parse cannot read - a Spanish or Kriol statement, a list line, an extraction header. The
identifier linker (``links``) asks these rules only about a phone its parse left without an
owner; each rule is a row of ``patterns/holders.jsonl`` (spaCy Matcher patterns run on the
words of the phone's sentence before it), and its ``id`` is the relation's method:

- **hand-over** ("La declarante entrega voluntariamente su teléfono celular (..., número N)",
  "Ah gi di police mi fone", "The deponent surrendered her cell phone, number N"): whoever hands
  over *their own* phone - a possessive of the giver's person on the phone noun - owns it. The
  giver is the person named right before the verb; "la declarante", "the deponent" is the person
  the statement is taken from (the speaker ``syntax`` finds, or the name after a heading such as
  "Declarante:" or "Statement of"); "la víctima" the one victim the note names before; a
  first-person possessive ("mi teléfono") the statement's speaker. An officer who hands over "the
  seized phone" says nothing of whose it is, so nothing is linked.
- **owner-number** ("Owner's number +502 5530 7814", "número del dueño"): in a handset
  extraction, "the owner" is the one person the note says the handset came from ("Handset
  Samsung A03 handed over by Y.L.P.", "HANDSET OF Y.L.P."); two such people, or none, link
  nothing. "The owner" must stand alone: "the bar owner's number" and "the owner of the bar's
  number" are someone else's. The evidence is the span from the hand-over sentence to the number's.
- **second-phone** ("HB-04 Samsung phone of ZELAYA CACERES, 627-4410, and a second phone with
  Honduran SIM +504 3320 9174"): a phone coordinated right after a phone with an owner, as "and a
  second / another phone", with nothing but its description between, is the same owner's - unless
  a person is named after it in the same sentence or line ("..., belonging to Pop").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from ingest.components.base import folded, lexicon_regex, load_jsonl, mentions, text_of
from ingest.components.clause_words import fold_word
from ingest.components.syntax import Arguments

__all__ = ["Holders", "PATTERNS"]

PATTERNS = "holders.jsonl"
_SPAN = 12  # tokens at most between a rule's phone noun and the number
_WINDOW = 32  # tokens before the number that the rules are matched on


@dataclass
class _DocState:
    """What one doc's rules share: its arguments and the handset's holder, looked for once."""

    args: Arguments
    looked: bool = False
    holder: tuple[dict[str, Any], Span] | None = None


class Holders:
    """The rules of ``patterns/holders.jsonl`` (see the module docstring)."""

    def __init__(self, vocab: Vocab) -> None:
        rows = load_jsonl(PATTERNS)
        self.words = {row["id"]: _forms(row["words"]) for row in rows if row["kind"] == "words"}
        self.sentence_rules = Matcher(vocab)
        self.handsets = Matcher(vocab)
        for row in rows:
            if row["kind"] == "hand-over":
                self.sentence_rules.add(f"hand-over:{row['id']}", self._hand_over(row))
            elif row["kind"] in {"owner-number", "second-phone"}:
                self.sentence_rules.add(f"{row['kind']}:{row['id']}", [self._expand(row["pattern"])])
            elif row["kind"] == "handset-from":
                self.handsets.add(row["id"], [self._expand(row["pattern"])])
        self.triggers = self.words["phone-nouns"] | self.words["number-nouns"] | self.words["owner-nouns"]
        self.headings = re.compile(r"(?:^|\n)[ \t]*(?:" + lexicon_regex(self.words["statement-headings"]).pattern
                                   + r")[ \t]*(?:[A-Z][\w/]*\.[ \t]*){0,2}$", re.IGNORECASE)

    def state(self, args: Arguments) -> _DocState:
        return _DocState(args)

    def owner(self, state: _DocState, span: Span,
              known: dict[tuple[int, int], dict[str, Any]]) -> tuple[dict[str, Any], str, Span] | None:
        """(owner, method, evidence) for the phone at ``span`` that the parse left unattached, or None;
        ``known``: the owners of the doc's phones linked so far, by (start, end)."""
        window = span.doc[_clause_start(span.doc, span.start):span.start]
        matches = []  # every rule names a phone or its owner: words without one are not matched
        if any(t.lower_ in self.triggers for t in window):
            matches = [(span.doc.vocab.strings[k], s + window.start, e + window.start)
                       for k, s, e in self.sentence_rules(window)]
        for rule, start, end in sorted(matches, key=lambda m: -m[2]):
            kind, _, row = rule.partition(":")
            found = None
            if kind == "hand-over" and span.start - end <= _SPAN and not _named_between(span.doc, end, span.start):
                found = self._giver(state, span.doc[window.start:span.sent.end], start, end)
            elif kind == "owner-number" and self._leads(span.doc[end:span.start]) \
                    and _alone(span.doc, window.start, start):
                found = self._holder(state, span)
            elif kind == "second-phone":
                found = self._second(span, window.start, start, end, known)
            if found is not None:
                owner, evidence = found
                return owner, f"{PATTERNS}:{row}", evidence
        return None

    def _giver(self, state: _DocState, evidence: Span, start: int, end: int) -> tuple[dict[str, Any], Span] | None:
        """The one who hands over the phone of a hand-over match, if the possessive is theirs, with
        ``evidence``: the sentence from its full stop to the number's."""
        doc, lo = evidence.doc, evidence.start
        possessive = next(t for t in reversed(doc[start:end - 1])
                          if t.lower_ in self.words["possessives-3"] | self.words["possessives-1"])
        first = possessive.lower_ in self.words["possessives-1"]
        i = start - 1
        while i >= lo and doc[i].lower_ in self.words["fillers"] and i > start - 4:
            i -= 1
        if i < lo:
            giver = self._statement_subject(state, doc) if first else None
            return (giver, evidence) if giver else None
        token = doc[i]
        named = state.args.mention(token)
        word = fold_word(token.text)
        if named is not None and named["label"] == "Person" and not named["props"].get("first_person"):
            giver = None if first else named
        elif first and (word in self.words["first-person"] or (named or {}).get("props", {}).get("first_person")):
            giver = self._statement_subject(state, doc)
        elif not first and word in self.words["statement-subjects"]:
            giver = self._statement_subject(state, doc)
        elif not first and word in self.words["victim-nouns"]:
            giver = _one(doc, lambda m: m["props"].get("role") == "victim" and m["end"] <= token.idx)
        else:
            giver = None
        return (giver, evidence) if giver else None

    def _statement_subject(self, state: _DocState, doc: Doc) -> dict[str, Any] | None:
        """The person a statement is taken from: its speaker, else the name after a heading."""
        if state.args.speaker is not None:
            return state.args.speaker
        text = text_of(doc)
        return _one(doc, lambda m: bool(self.headings.search(text[max(0, m["start"] - 60):m["start"]])))

    def _leads(self, tokens: Span) -> bool:
        return len(tokens) <= 3 and all(t.lower_ in self.words["number-lead"] for t in tokens)

    def _holder(self, state: _DocState, span: Span) -> tuple[dict[str, Any], Span] | None:
        """The one person the doc says the handset came from, with evidence from there to the number."""
        doc = span.doc
        if not state.looked:
            state.looked = True
            people: dict[str, tuple[dict[str, Any], Span]] = {}
            for _, _, end in self.handsets(doc):
                named = state.args.mention(doc[end]) if end < len(doc) else None
                if named is not None and named["label"] == "Person" and not named["props"].get("first_person"):
                    people.setdefault(folded(named["canonical"] or named["text"]), (named, doc[end].sent))
            state.holder = next(iter(people.values())) if len(people) == 1 else None
        if state.holder is None:
            return None
        owner, where = state.holder
        sent = span.sent
        return owner, doc[min(where.start, sent.start):max(where.end, sent.end)]

    def _second(self, span: Span, lo: int, start: int, end: int,
                known: dict[tuple[int, int], dict[str, Any]]) -> tuple[dict[str, Any], Span] | None:
        """The owner of the phone a "and a second phone" match follows, if nothing else is said."""
        doc, sent = span.doc, span.sent
        first = next((m for m in mentions(doc) if m["label"] == "Phone" and m["end"] <= doc[start].idx
                      and m["start"] >= doc[lo].idx and not text_of(doc)[m["end"]:doc[start].idx].strip(" ,;)")),
                     None)
        owner = known.get((first["start"], first["end"])) if first else None
        if owner is None or not all(t.lower_ in self.words["second-phone-words"] for t in doc[end:span.start]):
            return None
        line_end = text_of(doc).find("\n", span.end_char, sent.end_char)
        after = (span.end_char, sent.end_char if line_end < 0 else line_end)
        if any(m["label"] == "Person" and after[0] <= m["start"] < after[1] for m in mentions(doc)):
            return None  # "and a second phone, 633-4455, belonging to Pop"
        return owner, doc[lo:sent.end]

    def _hand_over(self, row: dict[str, Any]) -> list[list[dict[str, Any]]]:
        """<verb> [fillers] [recipient head + 1-3 words] <possessive> [own] [1-2 words] <phone noun>."""
        possessives = sorted(self.words["possessives-3"] | self.words["possessives-1"])
        tail: list[dict[str, Any]] = [{"LOWER": {"IN": possessives}},
                                      {"LOWER": {"IN": sorted(self.words["own"])}, "OP": "?"},
                                      {"IS_PUNCT": False, "OP": "{0,2}"},
                                      {"LOWER": {"IN": sorted(self.words["phone-nouns"] | self.words["number-nouns"])}}]
        fillers: dict[str, Any] = {"LOWER": {"IN": sorted(self.words["fillers"])}, "OP": "*"}
        recipient: list[dict[str, Any]] = [{"LOWER": {"IN": sorted(_forms(row.get("recipient", [])))}},
                                           {"IS_PUNCT": False, "OP": "{1,3}"}]
        single = sorted(_forms([verb for verb in row["verbs"] if " " not in verb]))
        heads: list[list[dict[str, Any]]] = [[{"LOWER": {"IN": single}}]] if single else []
        heads += [[{"LOWER": {"IN": sorted(_forms([word]))}} for word in verb.split()]
                  for verb in row["verbs"] if " " in verb]
        return [head + [fillers] + middle + tail for head in heads for middle in ([], recipient)]

    def _expand(self, pattern: Any) -> Any:
        """A pattern with each ``"$name"`` replaced by the words of that row (as written and folded)."""
        if isinstance(pattern, str) and pattern.startswith("$"):
            return sorted(self.words[pattern[1:]])
        if isinstance(pattern, list):
            return [self._expand(p) for p in pattern]
        if isinstance(pattern, dict):
            return {k: self._expand(v) for k, v in pattern.items()}
        return pattern


def _clause_start(doc: Doc, end: int) -> int:
    """Where the sentence holding token ``end`` starts, by its full stop or line break rather than by
    the parser's cut, which falls after "Sgta." or "Insp." ("entregó a la Sgta. | Pop su celular");
    at most ``_WINDOW`` tokens back."""
    i = end
    while i > max(0, end - _WINDOW):
        previous = doc[i - 1]
        if previous.text in {".", "!", "?"} or "\n" in previous.whitespace_ or (
                previous.is_space and "\n" in previous.text):
            break
        i -= 1
    return i


def _forms(words: list[str]) -> frozenset[str]:
    """Each word lowercased as written and without accents ("entregó", "entrego")."""
    return frozenset({w.lower() for w in words} | {fold_word(w) for w in words})


def _alone(doc: Doc, lo: int, start: int) -> bool:
    """"the owner's number" at a sentence's start (``lo``) or after a determiner or phone noun - not
    "the bar owner's"."""
    if start == lo:
        return True
    previous = doc[start - 1]
    return previous.is_punct or previous.lower_ in {"the", "el", "la", "di", "handset", "phone", "device"}


def _named_between(doc: Doc, start: int, end: int) -> bool:
    """Another phone or a person between tokens ``start`` and ``end``: the phone noun is that phone,
    or the number that person's ("entrega su teléfono con el número de La Flaca, +502 ...")."""
    first, last = doc[start].idx, doc[end].idx
    return any(m["label"] in {"Phone", "Person"} and first <= m["start"] < last for m in mentions(doc))


def _one(doc: Doc, where: Any) -> dict[str, Any] | None:
    """The one person (by name, once each) among the doc's Person mentions ``where`` accepts."""
    named = {folded(m["canonical"] or m["text"]): m for m in mentions(doc)
             if m["label"] == "Person" and not m["props"].get("first_person") and where(m)}
    return next(iter(named.values())) if len(named) == 1 else None
