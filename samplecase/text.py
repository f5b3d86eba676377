"""Offset-exact text building: every mention's span is recorded as the text is written.

Why: the truth is only useful if ``text[start:end] == surface`` holds for every mention, so
offsets are never computed after the fact by searching - the builder knows where each piece
lands. A template is a string with ``{slot}`` placeholders; a slot is filled by a list of
``Piece`` (literal text, or a mention with its label and normalized value).
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Piece", "lit", "Builder", "fill", "typo"]

_SLOT = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class Piece:
    """A run of text; with ``label`` set it is a mention whose truth value is ``value``."""

    text: str
    label: str | None = None
    value: str | None = None


def lit(text: str) -> list[Piece]:
    """A slot filling of plain text (no mention)."""
    return [Piece(text)]


@dataclass
class Builder:
    """Appends text and records mentions and relations with exact character offsets."""

    parts: list[str] = field(default_factory=list)
    pos: int = 0
    mentions: list[dict[str, Any]] = field(default_factory=list)
    relations: list[dict[str, Any]] = field(default_factory=list)

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.pos += len(text)

    def piece(self, piece: Piece) -> None:
        if piece.label is not None:
            self.mentions.append({"label": piece.label, "value": piece.value, "text": piece.text,
                                  "start": self.pos, "end": self.pos + len(piece.text)})
        self.add(piece.text)

    def relation(self, rtype: str, source: str, target: str, start: int, end: int, **extra: Any) -> None:
        """Record a relation stated by the sentence at [start, end); ``extra`` holds payment details."""
        self.relations.append({"type": rtype, "source": source, "target": target, "start": start, "end": end}
                              | extra)

    def text(self) -> str:
        return "".join(self.parts)


def fill(b: Builder, template: str, slots: dict[str, list[Piece]], lower_first: bool = False) -> tuple[int, int]:
    """Write ``template`` with its slots into ``b``; return the (start, end) of the sentence.

    ``lower_first`` lowercases a leading literal word, for use after a reported-speech prefix
    ("She stated that the ..."); it leaves acronyms ("CDRs") alone.
    """
    start = b.pos
    cursor = 0
    first = True
    for m in _SLOT.finditer(template):
        literal = template[cursor:m.start()]
        if literal:
            b.add(_lower(literal) if first and lower_first else literal)
        first = False
        for piece in slots[m.group(1)]:
            b.piece(piece)
        cursor = m.end()
    tail = template[cursor:]
    if tail:
        b.add(_lower(tail) if first and lower_first else tail)
    return start, b.pos


def _lower(text: str) -> str:
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


_TYPOS = {
    "received": "recieved", "the": "teh", "because": "becuase", "which": "wich", "until": "untill",
    "believe": "belive", "their": "thier", "arrived": "arived", "with": "wiht", "house": "hosue",
    "said": "siad", "there": "ther", "about": "abuot", "night": "nite", "which,": "wich,", "around": "aroud",
    "before": "befor", "stated": "staed", "across": "accross", "people": "poeple",
}


def typo(rng: random.Random, template: str) -> str:
    """Misspell one common word in the literal parts of a template (never inside a slot)."""
    chunks = _SLOT.split(template)
    # split() alternates literal, slot name, literal, ...: literals are the even items.
    candidates = [(i, w) for i in range(0, len(chunks), 2) for w in chunks[i].split(" ") if w in _TYPOS]
    if not candidates:
        return template
    i, word = rng.choice(candidates)
    words = chunks[i].split(" ")
    words[words.index(word)] = _TYPOS[word]
    chunks[i] = " ".join(words)
    return "".join(c if k % 2 == 0 else "{" + c + "}" for k, c in enumerate(chunks))
