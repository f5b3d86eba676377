"""Who and what came to the place a statement's speaker was brought to.

Why: a victim's statement names the place once ("Ruben ... brought us to La Herradura") and then
tells who came there without naming it again: "On Wednesdays a bald man came in a grey pickup by
the kitchen door", "On Sundays a man came whom La Jefa called Sarge", "Once a lady came with him,
Doña Glenda". Read alone, no such sentence says where; read after the place the speaker was
brought to, each says that person or vehicle was there. A victim seldom knows more of an
official than his vehicle and the days he comes, so these are the sightings that tie a described
vehicle, and through it its owner, to the venue.

The scene is the place of the last sentence in which the speaker (I, we, me, us; Kriol "mi") was
brought, taken, carried, driven, kept or held somewhere, or went or arrived there. A move to a
place the note does not name ("kept us in his house", "drove us to the border", "carry mi da di
bar") ends the scene, and so does the speaker's rescue or escape ("police rescued us", "I
left"), so nothing is placed by guesswork. A name the model guessed to be a person, in the slot
of the place the speaker was brought to, is a place ("brought us to La Herradura"), as
``staff`` reads "el dueño de La Herradura".

An arrival counts in a later sentence that names no place of its own, with a verb of coming
(come, arrive, visit) that is not negated. Who came: the verb's subjects (with their appositions
and the names given to them, ``syntax.Arguments``), never the speaker or the officer taking the
statement; what came: the vehicles of the verb's clause ("came in a grey pickup"). Evidence is the
arrival's sentence; the relation's ``relation`` says the place is the one the speaker was brought
to, and the flags count such a told sighting as undated (``told_sighting_methods``).
Spanish statements are left out: the English model neither lemmatizes nor parses "llegaba un
señor en una camioneta gris".
"""
from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Doc, Span, Token

from graph_schema.model import load_schema
from ingest.components.base import add_relation, mentions, schema_allows, text_of
from ingest.components.syntax import PERSON_NOUNS, Arguments

__all__ = ["METHOD", "find_arrivals"]

METHOD = "workbench.arrivals.v1"

# The speaker moved by someone ("brought us", "we were taken", "carry mi") or going themselves
# ("we arrived", "I went"); then up to a few words, then the preposition before the place.
_SPEAKER_MOVED = re.compile(
    r"\b(?:(?:brought|took|carried|drove|moved|kept|held|locked|put|rescued|freed|released|removed)\s+(?:us|me)"
    r"|(?:carry|carri|bring|brought|tek|tuk|kip)\s+mi"
    r"|(?:we|I)\s+(?:were|was)\s+(?:brought|taken|carried|driven|moved|kept|held|locked|rescued|freed|released|removed)"
    r"|(?:we|I)\s+(?:went|arrived|walked|ran|escaped|returned|left|travell?ed)"
    r")\b", re.IGNORECASE)
_TO_PLACE = re.compile(r"[^.;:!?\n]{0,40}?\b(?:to|into|at|in|inside|da)\s+(?:the\s+|di\s+)?\Z", re.IGNORECASE)
_COMING = {"come", "arrive", "visit"}
_NEGATIONS = {"not", "never", "n't", "no", "neva", "neba"}
_PLACE_LABELS = {"Organization", "Location"}
_OTHER_CLAUSES = {"conj", "ccomp", "advcl", "parataxis"}


def find_arrivals(doc: Doc) -> None:
    """SEEN_AT from each person or vehicle that came to the statement's scene, while it lasts."""
    text = text_of(doc)
    moves = list(_SPEAKER_MOVED.finditer(text))
    if not moves:
        return
    scenes = [(move.start(), _destination(doc, text, move)) for move in moves]
    if not any(place is not None for _, place in scenes):
        return
    schema, args = load_schema(), Arguments(doc)
    for sent in doc.sents:
        place = _scene_at(scenes, sent)
        if place is None or _names_a_place(doc, sent) or any(sent.start_char <= at < sent.end_char for at, _ in scenes):
            continue
        for verb in (t for t in sent if t.lemma_.lower() in _COMING and t.pos_ in {"VERB", "AUX"}):
            if _negated(verb):
                continue
            for who in _arrivals(doc, args, verb):
                if schema_allows(schema, "SEEN_AT", who, place):
                    add_relation(doc, "SEEN_AT", who, place, sent, METHOD, 0.6,
                                 relation=f"came to {place['text']}, where the speaker was brought")


def _destination(doc: Doc, text: str, move: re.Match[str]) -> dict[str, Any] | None:
    """The named place the speaker's move goes to: the first place mention after the move whose
    words before it are the move and a preposition, on the same clause; else None."""
    for item in sorted(mentions(doc), key=lambda m: m["start"]):
        if item["start"] < move.end() or item["start"] > move.end() + 48:
            continue
        if not _TO_PLACE.fullmatch(text[move.end():item["start"]]):
            continue
        if item["label"] in _PLACE_LABELS:
            return item
        if item["label"] == "Person" and item["method"].startswith("ner:") and not _known_person(doc, item):
            item["label"], item["method"], item["props"] = "Organization", f"{item['method']}->Organization", {}
            return item
        return None
    return None


def _known_person(doc: Doc, item: dict[str, Any]) -> bool:
    """Another mention of the same words that a rule (not the model's guess) read as a person."""
    words = item["text"].lower()
    return any(m is not item and m["label"] == "Person" and not m["method"].startswith("ner:")
               and words in (m["canonical"] or m["text"]).lower() for m in mentions(doc))


def _scene_at(scenes: list[tuple[int, dict[str, Any] | None]], sent: Span) -> dict[str, Any] | None:
    """The place of the last move of the speaker before the sentence (None: no scene, or unnamed)."""
    before = [place for at, place in scenes if at < sent.start_char]
    return before[-1] if before else None


def _names_a_place(doc: Doc, sent: Span) -> bool:
    return any(m["label"] in _PLACE_LABELS and sent.start_char <= m["start"] < sent.end_char for m in mentions(doc))


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in _NEGATIONS for c in verb.children)


def _arrivals(doc: Doc, args: Arguments, verb: Token) -> list[dict[str, Any]]:
    """The people who came (never the speaker or the officer taking the statement) and the
    vehicles of the verb's clause."""
    came = args.subjects(verb) or _named_after(args, verb)
    came += [m for m in args.prep(verb, {"with"}) if m not in came]  # "a lady came with him": he came too
    people = [m for m in came if m["label"] == "Person" and m is not args.speaker
              and not m["props"].get("first_person") and m["props"].get("role") != "investigator"]
    clause = _clause(verb)
    vehicles = [m for m in mentions(doc) if m["label"] == "Vehicle"
                and any(t.i in clause for t in (doc.char_span(m["start"], m["end"], alignment_mode="expand") or ()))]
    return people + [v for v in vehicles if v not in people]


def _named_after(args: Arguments, verb: Token) -> list[dict[str, Any]]:
    """"Once a lady came with him, Doña Glenda": a subject that is only a noun for a person, named
    by a name set off with a comma after the verb's words."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ not in PERSON_NOUNS:
        return []
    return [m for c in verb.children if c.dep_ in {"npadvmod", "appos"} and c.i > verb.i
            and c.doc[c.left_edge.i - 1].text == "," for m in args.resolve(c) if m["label"] == "Person"]


def _clause(verb: Token) -> set[int]:
    """Token indices of the verb's own clause: its subtree without the clauses joined to it."""
    inside = {verb.i}
    stack = [c for c in verb.children if c.dep_ not in _OTHER_CLAUSES]
    while stack:
        token = stack.pop()
        inside.add(token.i)
        stack += [c for c in token.children if not (c.dep_ in _OTHER_CLAUSES and c.pos_ in {"VERB", "AUX"})]
    return inside
