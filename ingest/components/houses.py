"""Keeping someone in a house, read from the house: the person whose house it is harbours them.

Why: victims' statements say where they were kept by whose house it was - "en la casa de Doña
Chepa conmigo estaban K.M.A., D.S.R. y Estrella", "nos dejó donde Doña Chepa", Kriol "By Doña
Chepa inna Bullet Tree" - with no verb of keeping for the relation finder to read. A sentence
with a word of being or staying somewhere and "casa de X" / "donde X" (Kriol "by X", only in a
Kriol sentence: in English "by" is an agent) makes X harbour the people named after X in it,
and the speaker when the sentence says "conmigo" / "nos". An official's house, or an
official kept there, is left out: an officer's home in a statement is no place of exploitation.
"""
from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Doc

from ingest.components.base import SENTENCE_END, add_relation, mentions, schema_allows, text_of
from ingest.components.clause_words import fold_word, person_name
from ingest.components.syntax import Arguments

__all__ = ["HOUSE_WORDS", "PRESENCE", "harbouring_houses"]

METHOD = "workbench.clause_frames.v1:house"
_HOUSE = re.compile(r"\b(?:(?:en\s+)?la\s+casa\s+de|donde)\s+(?:(?:la\s+|el\s+)?(?:senora|senor|dona|don)\s+)?$",
                    re.IGNORECASE)
# Kriol "by X" is "at X's place" ("di gyal dem sleep by Doña Chepa"); in English "by" is an agent
_KRIOL_HOUSE = re.compile(r"\bby\s+(?:(?:miss|mis|dona|don)\s+)?$", re.IGNORECASE)
HOUSE_WORDS = {"casa", "donde", "by"}
_KRIOL_WORDS = {"inna", "eena", "dem", "noh", "fi", "gyal", "deh", "di", "ih", "fram", "wid", "bwai"}
PRESENCE = {"estaban", "estabamos", "estamos", "estan", "vivian", "viviamos", "viven", "vive", "dormian",
             "dormiamos", "duermen", "quedamos", "quedaban", "dejo", "dejaron", "llevo", "llevaron", "sleep",
             "stay", "live", "tan", "deh"}
_FIRST_PLURAL = re.compile(r"\b(?:conmigo|nos|estabamos|viviamos|dormiamos|quedamos|estamos)\b")


def harbouring_houses(doc: Doc, args: Arguments, folded: list[str], schema: Any) -> None:
    """"En la casa de X ... estaban A, B y C", "nos dejó donde X": X harbours them."""
    text = text_of(doc)
    for sent in doc.sents:
        words = {folded[t.i] for t in sent}
        if not words & PRESENCE:
            continue
        stop = SENTENCE_END.search(text, max(sent.start_char, sent.end_char - 2))
        end = stop.start() + 1 if stop else len(text)  # to the full stop: the parser cuts at "(K.M.A.), ..."
        people = [m for m in mentions(doc) if m["label"] == "Person" and sent.start_char <= m["start"] < end
                  and not m["props"].get("first_person")]
        for holder in people:
            before = fold_word(text[max(sent.start_char, holder["start"] - 30):holder["start"]])
            if not (_HOUSE.search(before) or (_KRIOL_HOUSE.search(before) and words & _KRIOL_WORDS)):
                continue
            if holder["props"].get("role") in {"official", "investigator"}:
                continue
            kept = [m for m in people if person_name(m) != person_name(holder) and m["start"] > holder["start"]
                    and m["props"].get("role") not in {"official", "investigator"}]
            speaker = args.speaker_at(sent.start_char)  # the statement's, or the quotation's speaker
            if speaker is not None and _FIRST_PLURAL.search(fold_word(sent.text)):
                kept.append(speaker)
            for person in kept:
                if schema_allows(schema, "HARBORED", holder, person):
                    add_relation(doc, "HARBORED", holder, person, sent, METHOD, 0.7, relation="house of")
