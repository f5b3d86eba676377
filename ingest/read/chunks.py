"""Split a long note into pieces small enough for spaCy, without losing a character's place.

Why: spaCy refuses texts over ``nlp.max_length`` (1,000,000 characters by default) and its
memory grows with length, yet a 50 MB surveillance log is a note like any other, not an error.
Chunks end on paragraph boundaries (after a blank line) when one is in reach, else at a line
end, else at whitespace, else hard at ``max_len``, so sentences are rarely cut. Chunks are
contiguous: their concatenation is the text, and ``text[offset:offset + len(chunk)] == chunk``,
so an entity's offset in a chunk plus the chunk's offset is its offset in the note.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

__all__ = ["paragraph_chunks"]

_PARAGRAPH = re.compile(r"\n[ \t\r\f\v]*\n")
_WHITESPACE = re.compile(r"\s")


def paragraph_chunks(text: str, max_len: int) -> Iterator[tuple[int, str]]:
    """Yield ``(offset, chunk)`` pieces of ``text``, each at most ``max_len`` characters.

    >>> list(paragraph_chunks("one two.\\n\\nthree four.\\n\\nfive.", 16))
    [(0, 'one two.\\n\\n'), (10, 'three four.\\n\\n'), (23, 'five.')]
    >>> list(paragraph_chunks("abcdef", 4))
    [(0, 'abcd'), (4, 'ef')]
    """
    if max_len < 1:
        raise ValueError(f"max_len must be at least 1, got {max_len}")
    pos, size = 0, len(text)
    while pos < size:
        stop = size if size - pos <= max_len else _cut(text, pos, pos + max_len)
        yield pos, text[pos:stop]
        pos = stop


def _cut(text: str, start: int, limit: int) -> int:
    """The best end for a chunk starting at ``start``: after a paragraph, a line, a space, or hard."""
    last = None
    for last in _PARAGRAPH.finditer(text, start, limit):
        pass
    if last is not None and last.end() > start:
        return last.end()
    newline = text.rfind("\n", start, limit)
    if newline >= start:
        return newline + 1
    space = _last_whitespace(text, start, limit)
    return space + 1 if space >= start else limit


def _last_whitespace(text: str, start: int, limit: int) -> int:
    """Index of the last whitespace in the final 1,000 characters of the window, or -1.

    Looking further back would cost a Python loop per character on text with no spaces (a
    base64 blob pasted into a note); a hard split is good enough there.
    """
    for offset in range(limit - 1, max(start, limit - 1000) - 1, -1):
        if _WHITESPACE.match(text, offset):
            return offset
    return -1
