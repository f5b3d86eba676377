"""Who speaks the first-person words of a quotation: the person the note says said it.

Why: notes quote people inside other people's notes - 'La señora Tzib dijo: "Don Marcos me paga
cincuenta dólares ..."', 'She said: "Skinny ... carry mi da di bar"' - and a quotation's "me",
"mi", "nos" are its speaker's, not the writer's nor the declarant's of the note. The speaker is
the subject of the saying verb written right before the quotation ("X dijo:", "X said:", "He
stated: ..."): a name written in that clause, else for a pronoun the one victim the note names
(a victim's words reported by the officer who heard them) or the one person the note arrests.
A reply whose clause names no one ("KU, Ruben, 34, came out. Arrested ... Reply: "..."") is the
person its line names before it. A quotation no one is said to say (an interview's answer 'A:
"..."', a declaration's 'Manifiesta: "..."' on a line naming no one) is the statement's own
speaker's; a pronoun nothing resolves, or someone unnamed ("El vecino dijo:"), leaves the
quotation's first person unknown rather than guessed.
"""
from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING, Any

from ingest.components.base import mentions, text_of

if TYPE_CHECKING:
    from ingest.components.syntax import Arguments

__all__ = ["QuoteSpeakers"]

_QUOTE = re.compile(r"[\"“](?P<said>[^\"”]{2,4000})[\"”]")
_SAYS = re.compile(r"(?P<verb>\b(?:said|says|stated|states|reply|replied|replies|answered|explained|added|told\s+\w+|"
                   r"dijo|dice|dec[ií]a|manifest[oó]|manifiesta|declar[oó]|declara|contest[oó]|contesta|"
                   r"respondi[oó]|responde|explic[oó]|agreg[oó]|seh|sey))\s*:?\s*$", re.IGNORECASE)
_PRONOUN = re.compile(r"\b(?P<pronoun>he|she|él|ella)\s+(?:\w+\s+)?$", re.IGNORECASE)
_UNKNOWN = object()
_FIRST_PERSON = {"yo", "i", "mi", "me", "we", "nosotros", "nosotras"}


class QuoteSpeakers:
    """The quotations of one doc, each with the person it is attributed to (or none said)."""

    def __init__(self, args: "Arguments") -> None:
        self.args = args
        doc = args.doc
        text = text_of(doc)
        people = sorted((m for m in mentions(doc) if m["label"] == "Person" and not m["props"].get("first_person")),
                        key=lambda m: m["start"])
        self.spans: list[tuple[int, int, Any]] = []
        for quote in _QUOTE.finditer(text):
            clause_start = max(text.rfind("\n", 0, quote.start()) + 1, text.rfind(". ", 0, quote.start()) + 1)
            says = _SAYS.search(text, clause_start, quote.start())
            speaker = self._speaker(people, clause_start, says.start("verb"), text) if says else None
            if says and speaker is None:  # "KU, Ruben, 34, came out. Arrested ... Reply: "..."": the one the line is about
                line = [m for m in people if text.rfind("\n", 0, quote.start()) < m["start"] < says.start()
                        and m["props"].get("role") not in {"official", "investigator"}]
                speaker = line[-1] if line else None
            self.spans.append((quote.start(), quote.end(), speaker))
        self.starts = [s for s, _, _ in self.spans]

    def _speaker(self, people: list[dict[str, Any]], start: int, verb: int, text: str) -> Any:
        """The person the clause before the saying verb names; for "he"/"she" the one victim or
        the one arrested person of the note; ``_UNKNOWN`` for a pronoun nothing resolves or an
        unnamed someone ("El vecino dijo:"); None when the clause is the verb alone or "yo" (the
        statement's own speaker talks)."""
        named = [m for m in people if start <= m["start"] < verb]
        if named:
            return named[-1]
        pronoun = _PRONOUN.search(text, start, verb)
        if pronoun is None:  # "Manifiesta:", "Yo dije:" are the statement's own; "El vecino dijo:" is someone else's
            words = text[start:verb].strip(" \t\n,;:-\"'“”").split()
            return None if not words or words[-1].lower() in _FIRST_PERSON else _UNKNOWN
        token = next((t for t in self.args.doc if t.idx == pronoun.start("pronoun")), None)
        if token is None:
            return _UNKNOWN
        found = self.args.the_one_victim(token) if token.lower_ in {"she", "he"} else []
        one = found[0] if found else self.args.the_one_with_role(token, "suspect")
        return one if one is not None else _UNKNOWN

    def speaker_at(self, char: int, default: dict[str, Any] | None) -> dict[str, Any] | None:
        """Who says the first-person words at ``char``: the quotation's speaker, ``default`` (the
        statement's speaker) outside quotations or in one attributed to no one."""
        n = bisect.bisect_right(self.starts, char) - 1
        if n < 0 or not self.spans[n][0] <= char < self.spans[n][1]:
            return default
        speaker = self.spans[n][2]
        if speaker is None:
            return default
        return None if speaker is _UNKNOWN else speaker
