"""Who gave a statement: the people a note quotes or records as stating, interviewed or reporting.

Why: a witness is known by what they do in the notes - "The barman ORLANDO stated: ...", "KU,
Julio ... He said: ...", "was interviewed", "gave a statement", a form's "First reported by |
Mrs. Elsie Vasquez" - and the word "witness" is rarely written. Saying something is the weakest
sign of a role, so it only fills a gap: a mention that has a role keeps it; a defendant of the
same note (someone arrested, charged or interviewed "under caution", whose reply is a suspect's
answer, not a statement) is no witness - and speaking under caution is itself a legal act that
makes the speaker a suspect; someone the note's relations show recruiting, moving, holding,
threatening or putting someone to work, or suffering it, is a suspect or a victim, not a witness.
Said without a colon or a quote ("Chino said she owed him") is reported speech inside another
person's statement and counts for nothing; a quotation is what the writer recorded. The words
are data (``legal.jsonl``).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from spacy.attrs import POS
from spacy.symbols import AUX, VERB
from spacy.tokens import Span, Token

from graph_schema.model import load_schema
from ingest.components.base import lexicon_regex, mentions, relations, text_of
from ingest.components.legal_scheme import key, negated, subject_tokens

if TYPE_CHECKING:
    from ingest.components.legal import Case

__all__ = ["read_statements"]

METHOD = "workbench.legal_relations.v1"

_QUOTES = {":", '"', "“", "'", "‘"}
_SENTENCE_END = re.compile(r"[.!?](?=\s)")
_UNDER_CAUTION = re.compile(r"\bunder\s+caution\b", re.IGNORECASE)


def read_statements(case: "Case") -> None:
    """Mark as witnesses the speakers and interviewees of the doc that nothing else gives a role."""
    found: list[tuple[dict[str, Any], str]] = []
    previous: Span | None = None
    doc = case.doc
    verbs = [pos in (VERB, AUX) for pos in doc.to_array(POS).tolist()]  # only verbs make a Token
    for sent in doc.sents:
        for i in range(sent.start, sent.end):
            if verbs[i] and not negated(verb := doc[i]):
                found += [(m, act) for m, act in _speakers(case, sent, verb, previous)]
        previous = sent
    found += _reported_by(case)
    found += _alerted_police(case)
    exploitation = load_schema().types_in("exploitation")
    involved = {tuple(r[end]) for r in relations(case.doc) if r["type"] in exploitation
                for end in ("source", "target")}
    for person, act in found:
        if person["props"].get("role") or person["props"].get("first_person") or key(person) in case.defendants \
                or (person["label"], person["start"], person["end"]) in involved:
            continue
        person["props"]["role"] = "witness"
        person["props"]["role_basis"] = f"statement: {act} ({METHOD})"


def _speakers(case: "Case", sent: Span, verb: Token, previous: Span | None) -> list[tuple[dict[str, Any], str]]:
    lemma, words = verb.lemma_.lower(), case.words
    if lemma in words["statement-verbs"] and _speech(verb, lemma):
        tokens = subject_tokens(verb)
        people = [m for t in tokens for m in _speaker(case, t)]
        if not tokens and previous is not None and verb.i == sent.start:  # "CS-14 came to my vehicle. States ..."
            people = [m for m in case.mentions_in(previous) if m["label"] == "Person"][-1:]
        if _UNDER_CAUTION.search(sent.text):  # "Under caution GUERRA, Elmer stated that ..."
            case.charge(people, sent, "under-caution")
            return []
        return [(m, lemma) for m in people]
    passive = any(c.dep_ == "nsubjpass" for c in verb.children)
    if lemma in words["interview-verbs"] and passive:
        return [(m, "interviewed") for c in verb.children if c.dep_ == "nsubjpass" for m in case.people(c)]
    if lemma in {"give", "make", "provide"} and any(c.dep_ == "dobj" and c.lemma_.lower() in words["statement-nouns"]
                                                    for c in verb.children):
        return [(m, "gave a statement") for t in subject_tokens(verb) for m in _speaker(case, t)]
    return []


def _speech(verb: Token, lemma: str) -> bool:
    """Direct speech or a stated report: "said:" / "said "..."", "stated that ...", "reported ..."."""
    nxt = verb.nbor(1) if verb.i + 1 < len(verb.doc) else None
    if any(c.dep_ == "dobj" and c.lower_ in {"nothing", "little"} for c in verb.children):
        return False
    if lemma == "say":  # "said:", "said "...", "said the women "work for La Jefa"" - quoted, as recorded
        return (nxt is not None and nxt.text in _QUOTES) or any(t.text in _QUOTES - {":"} for t in verb.subtree
                                                                if t.i > verb.i)
    return (nxt is not None and nxt.text in _QUOTES) or any(c.dep_ == "ccomp" for c in verb.children)


def _speaker(case: "Case", token: Token) -> list[dict[str, Any]]:
    """The speaker a subject names; "he said" when one person is named before it in the sentence."""
    found = case.people(token)
    if not found and token.pos_ == "PRON" and token.lower_ in {"he", "she"}:
        before = {key(m): m for m in case.mentions_in(token.sent)
                  if m["label"] == "Person" and m["end"] <= token.idx and not m["props"].get("first_person")}
        found = list(before.values()) if len(before) == 1 else []
    return found


def _reported_by(case: "Case") -> list[tuple[dict[str, Any], str]]:
    """Form fields that name who reported or informed: "First reported by | Mrs. Elsie Vasquez"."""
    text, out = text_of(case.doc), []
    cue = lexicon_regex(case.words["witness-labels"])
    for line in re.finditer(r"[^\n]+", text):
        label = re.match(r"\s*([^:|\n]{2,40}?)\s*[:|]\s*", line.group())
        if label is None or not cue.fullmatch(label.group(1).strip()):
            continue
        start = line.start() + label.end()
        named = [m for m in within_span(case, start, line.end()) if m["label"] == "Person"]
        out += [(m, "reported") for m in named[:1]]
    return out


def _alerted_police(case: "Case") -> list[tuple[dict[str, Any], str]]:
    """Whoever called or alerted the police: the person named last before "called the police" /
    "llamó a la policía" / "kaal di police" in the same sentence, with no other person, no
    negation and no quotation between (inside a quote, the words are someone else's)."""
    text = text_of(case.doc)
    verbs = lexicon_regex(case.words["police-alert-verbs"])
    police = lexicon_regex(case.words["police-nouns"])
    found = []
    for verb in verbs.finditer(text):
        after = re.match(r"\s+(?:(?:a|to|at|al)\s+)?", text[verb.end():verb.end() + 8])
        start = verb.end() + (after.end() if after else 0)
        if not police.match(text, start) or re.search(r"(?i)\b(?:no|not|never|nunca|neva|noh)\s+$", text[:verb.start()][-12:]):
            continue
        # the written sentence, not the parse's: the English parser cuts Spanish sentences short
        ends = [m.end() for m in _SENTENCE_END.finditer(text, max(0, verb.start() - 300), verb.start())]
        bound = max([text.rfind("\n", 0, verb.start()) + 1, *ends])
        before = [m for m in within_span(case, bound, verb.start()) if m["label"] == "Person" and m["end"] <= verb.start()]
        if before and not any(q in text[before[-1]["end"]:verb.start()] for q in _QUOTES - {":"}) \
                and len(text[before[-1]["end"]:verb.start()].split()) <= 8:
            found.append((before[-1], "alerted the police"))
    return found


def within_span(case: "Case", start: int, end: int) -> list[dict[str, Any]]:
    return sorted((m for m in mentions(case.doc) if start <= m["start"] < end), key=lambda m: m["start"])
