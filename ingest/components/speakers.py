"""Who makes a first-person statement, and whom they say they were with.

Why: a victim's or witness's statement says "me", "us", "nos", "mi" for its declarant, named once
("I am H.Z.M.", "Yo soy Y.L.P.", "Declarante: Y.L.P.", "se identifica como TP-3", an interview's
"SUBJECT: INTERVIEW UNDER CAUTION - LEWIS, Jermaine"); its "we" and "nos" are the declarant and
the people the statement says they travelled or stayed with ("conmigo estaban K.M.A., D.S.R. y
Estrella", "viajé con Paloma"; the English "I travelled with ..." is read off the parse by
``syntax.Arguments.companions``). A sentence that speaks of a group of workers ("needed girls to
work") speaks of that same group.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc

from ingest.components.base import SENTENCE_END, mentions, text_of

__all__ = ["GROUP_WORDS", "listed_with_me", "statement_speaker"]

# "I am H.Z.M., 22 years old", "My name is Ana Pop", "Yo soy Y.L.P.", "Me llamo ...", "Declarante: Y.L.P.",
# "SUBJECT: INTERVIEW UNDER CAUTION - LEWIS, Jermaine": who speaks in a statement or answers an interview
_SPEAKER = re.compile(r"(?:(?:^|\n|[.!?]\s+|\")\s*(?:I am|I'm|My name is|Yo soy|Me llamo|Mi nombre es|Soy)"
                      r"|^\s*Declarante:|\bse identifica como"
                      r"|^\s*SUBJECT:[^\n]*\b(?:INTERVIEW|STATEMENT|ENTREVISTA|DECLARACI[OÓ]N)\b[^\n]*?-)\s+$",
                      re.MULTILINE | re.IGNORECASE)
# "conmigo estaban K.M.A., D.S.R. y Estrella", "viajé con Paloma": whom a Spanish statement's speaker was with
_WITH_ME = re.compile(r"\bconmigo\s+(?:estaban|estaba|ven[ií]an?|viajaban?|iban?|llegaron|vinieron|cruzaron)\b"
                      r"|\b(?:viaj[eé]|vine|cruc[eé]|llegu[eé]|sal[ií]|pas[eé]|fui|estuve|camin[eé])\b[^.;\n]{0,40}?"
                      r"\b(?:junto\s+)?con\s+", re.IGNORECASE)
#: Words of a group of people a sentence may speak of: the speaker's own group
GROUP_WORDS = frozenset({"girls", "women", "workers", "us", "we", "muchachas", "chicas", "mujeres", "gyal", "gyals"})


def statement_speaker(doc: Doc) -> dict[str, Any] | None:
    """The person a first-person statement is made by, when the statement names them ("I am
    H.Z.M."): then its "me" and "us" are that person, not the note's investigator."""
    text = text_of(doc)
    for item in sorted((m for m in mentions(doc) if m["label"] == "Person"), key=lambda m: m["start"]):
        if _introduces_speaker(text[max(0, item["start"] - 80):item["start"]]):
            return item
    return None


@lru_cache(maxsize=1 << 14)
def _introduces_speaker(before: str) -> bool:
    """The words before a name introduce a statement's speaker ("I am", "Declarante:").

    Remembered by the words: every reader of the parse (``syntax.Arguments``) asks again for the
    same names of a doc, and this search was most of building one (measured)."""
    return _SPEAKER.search(before) is not None


def listed_with_me(doc: Doc) -> list[dict[str, Any]]:
    """Spanish: "conmigo estaban A, B y C", "viajé con A y B": the people named from there to the
    sentence's full stop."""
    text, found = text_of(doc), []
    for match in _WITH_ME.finditer(text):
        stop = SENTENCE_END.search(text, match.end())
        end = stop.start() if stop else len(text)
        found += [m for m in mentions(doc) if m["label"] == "Person" and match.end() <= m["start"] < end
                  and not m["props"].get("first_person")]
    return sorted(found, key=lambda m: m["start"])
