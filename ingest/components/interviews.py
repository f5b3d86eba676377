"""Interview answers: the "who" of a question is whom the answer names.

Why: interviews are written as question and answer - "Q: Who run Bar Luna Maya?" / 'A: "Chino.
Marcos. Ih da di owner."', "Q: ¿Quién es el dueño de La Herradura?" / 'A: "Don Kenny y la socia,
doña Glenda."' - so the relation is stated by the question and its people by the answer; neither
line says it alone. A question's "who" / "quién" stands for the people the answer names first:
those of its first sentence, and of the sentences right after it that are only a name ("Chino.
Marcos."). An answer that declines ("Mi noh know", "No voy a contestar eso", "I don't know")
names no one, and neither does a question that asks who someone is ("Who is Sarge?"): its
answer identifies, it does not relate. Rules then read the question as they read any
sentence (``relations.py`` through ``syntax.Arguments``, ``staff.py`` for "the owner").
"""
from __future__ import annotations

import bisect
import re
from typing import Any

from spacy.tokens import Doc

from ingest.components.base import SENTENCE_END, mentions, text_of

__all__ = ["Answers", "WHO"]

WHO = frozenset({"who", "quién", "quien", "quiénes", "quienes", "huu", "hu"})
_QUESTION = re.compile(r"^[ \t]*(?:Q|P|Pregunta|Question)[ \t]*[:.][ \t]*(?P<text>[^\n]+)", re.MULTILINE | re.IGNORECASE)
_ANSWER = re.compile(r"\s*(?:A|R|Respuesta|Answer)[ \t]*[:.][ \t]*(?P<text>[^\n]+)", re.IGNORECASE)
_DECLINES = re.compile(r"\b(?:no\s+s[eé]|noh\s+know|don'?t\s+know|do\s+not\s+know|no\s+voy\s+a\s+contestar|"
                       r"no\s+contesto|no\s+comment|cyaan\s+seh|neva\s+seh|no\s+recuerdo|no\s+me\s+acuerdo)\b",
                       re.IGNORECASE)
# "Who is Sarge?", "¿Quién es Chino?": the answer says who someone is
_IDENTIFY = re.compile(r"^\W*(?:who|qui[eé]n(?:es)?)\s+(?:is|are|was|es|son|era|da)\s+(?!the\b|di\b|el\b|la\b|los\b|las\b)",
                       re.IGNORECASE)
_NAME_ONLY = re.compile(r"^[\W\s]*$")


class Answers:
    """The interview questions of one doc, each with the people its answer names."""

    def __init__(self, doc: Doc) -> None:
        text = text_of(doc)
        people = sorted((m for m in mentions(doc) if m["label"] == "Person" and not m["props"].get("first_person")),
                        key=lambda m: m["start"])
        self.spans: list[tuple[int, int, int, list[dict[str, Any]]]] = []
        for question in _QUESTION.finditer(text):
            answer = _ANSWER.match(text, question.end())
            named: list[dict[str, Any]] = []
            if answer is not None and not _IDENTIFY.match(question.group("text")):
                named = _named_first(text, people, answer.start("text"), answer.end("text"))
            end = answer.end("text") if answer is not None else question.end("text")
            self.spans.append((question.start(), question.end("text"), end, named))
        self.starts = [s[0] for s in self.spans]

    def _at(self, char: int) -> tuple[int, int, int, list[dict[str, Any]]] | None:
        n = bisect.bisect_right(self.starts, char) - 1
        return self.spans[n] if n >= 0 and self.spans[n][0] <= char < self.spans[n][1] else None

    def people_for(self, char: int) -> list[dict[str, Any]] | None:
        """The people a question's "who" at ``char`` stands for; None outside questions."""
        found = self._at(char)
        return found[3] if found is not None else None

    def answer_end(self, char: int) -> int | None:
        """Where the answer to the question at ``char`` ends (the evidence is both lines)."""
        found = self._at(char)
        return found[2] if found is not None and found[3] else None


def _named_first(text: str, people: list[dict[str, Any]], start: int, end: int) -> list[dict[str, Any]]:
    """The people of the answer's first sentence, and of the name-only sentences right after it."""
    said = text[start:end]
    if _DECLINES.search(said):
        return []
    cuts = [start, *(start + m.end() for m in SENTENCE_END.finditer(said + " ")), end]
    found: list[dict[str, Any]] = []
    for n, (a, b) in enumerate(zip(cuts, cuts[1:])):
        here = [m for m in people if a <= m["start"] < b]
        if n and (not here or not _NAME_ONLY.match(_without(text[a:b], here, a))):
            break
        found += here
        if not found:
            break
    return found


def _without(sentence: str, named: list[dict[str, Any]], offset: int) -> str:
    """The sentence with its names cut out ("Marcos." -> ".")."""
    for m in sorted(named, key=lambda m: m["start"], reverse=True):
        sentence = sentence[:m["start"] - offset] + sentence[m["end"] - offset:]
    return sentence
