"""Scrubbing text: protected people's names and identifying numbers out of any string, fast.

Why its own module: every output (views, exports, the report, tables) passes every string it
shows through :meth:`Pseudonyms.scrub`, so this is the hot path of the protection layer; the
tables it works from are built in :mod:`workbench.views.pseudonyms`.

How it stays fast (a 5,000-node view scrubs ~25,000 strings), matching by index, never by a
scan of every protected name per string:

- **Names**: ``replacements`` maps a name key (folded words joined by one space) to its mask.
  An index from each key's first word to the word counts of the keys it starts is built once;
  a text is split into folded words in C (``str.lower`` and one regex for ASCII text, which is
  nearly all of it), rejected when none of its words starts a key (a set test), and otherwise
  walked only at the words that do, longest key first. A regex alternation of hundreds of names
  was ~20x slower.
- **Numbers**: a protected number written in a text has its digits, in order, among the text's
  digits, so the text's digits (one ``re.sub``) must hold the last four digits of one of the
  numbers (a set of 4-digit tails, tested per window): nearly every text is rejected there, and
  only the rest is matched number by number (:data:`NUMBER`), whatever the separators.
- **Memo**: one table scrubs the same names and sentences many times over (a sentence supports
  several links, a name is in a node and in its links' tooltips), so results are memoized per
  table (up to :data:`MEMO_MAX` strings, then started afresh).
"""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Pseudonyms", "fold", "name_key", "alnum", "NUMBER", "WORD", "MEMO_MAX"]

WORD = re.compile(r"\w+")
# A number as written: digits (a letter or two before, one after) with spaces, dashes, dots,
# slashes or brackets between them; "+" allowed in front. Matched spans are then compared by
# their letters and digits only.
NUMBER = re.compile(r"(?<![\w+])\+?(?:[A-Za-z]{1,3}[\s-]?)?\d(?:[\s\-./()]{0,2}\d)*[A-Za-z]?(?![\w])")
_NON_DIGIT = re.compile(r"\D+")
_NOT_DIGIT_BYTES = bytes(b for b in range(128) if not 48 <= b <= 57)  # ASCII text: digits kept in C
_SPACES = re.compile(r"(\s+)")
_TAIL = 4  # digits of a number's end that its every written form keeps together
MEMO_MAX = 200_000


@functools.lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Accents stripped and casefolded: "Belén" and "BELEN" are one word.

    >>> fold("Belén"), fold("BELEN"), fold("Straße")
    ('belen', 'belen', 'strasse')
    """
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def name_key(name: str) -> str:
    """Names compare by their folded words: "Belén  RAMÍREZ" and "belen ramirez" are one key."""
    return " ".join(fold(w) for w in WORD.findall(name))


def alnum(text: str) -> str:
    """Letters and digits only, upper case: how numbers compare ("+503 7078-7668" -> "50370787668")."""
    return "".join(ch for ch in text if ch.isalnum()).upper()


def _digits(form: str) -> str:
    return "".join(ch for ch in form if ch.isdigit())


@dataclass(frozen=True)
class Pseudonyms:
    """Who is protected and how to scrub text; built by ``pseudonym_table``.

    ``replacements`` maps a name key (casefolded words joined by one space) to its pseudonym;
    scrubbing replaces the longest run of words that is a key (see the module docstring).
    """

    mapping: dict[Any, str] = field(default_factory=dict)
    replacements: dict[str, str] = field(default_factory=dict)
    #: An identifier's letters and digits (``"50370787668"``, ``"P8382225"``) -> its mask.
    numbers: dict[str, str] = field(default_factory=dict)

    @functools.cached_property
    def _index(self) -> dict[str, tuple[int, ...]]:
        """First word of a key -> the word counts of the keys it starts, longest first."""
        sizes: dict[str, set[int]] = {}
        for key in self.replacements:
            words = key.split(" ")
            sizes.setdefault(words[0], set()).add(len(words))
        return {word: tuple(sorted(s, reverse=True)) for word, s in sizes.items()}

    @functools.cached_property
    def _tails(self) -> dict[str, tuple[str, ...]]:
        """The last four digits of each number -> the digits of the numbers ending so."""
        tails: dict[str, set[str]] = {}
        for form in self.numbers:
            digits = _digits(form)
            tails.setdefault(digits[-_TAIL:], set()).add(digits)
        return {tail: tuple(sorted(full)) for tail, full in tails.items()}

    @functools.cached_property
    def _tails_ascii(self) -> dict[bytes, tuple[bytes, ...]]:
        return {tail.encode(): tuple(f.encode() for f in full) for tail, full in self._tails.items() if tail.isascii()}

    @functools.cached_property
    def _memo(self) -> dict[str, str]:
        return {}

    def scrub(self, text: Any) -> Any:
        """Replace protected names and mask their numbers inside ``text`` (non-strings unchanged)."""
        if not isinstance(text, str):
            return text
        memo = self._memo
        done = memo.get(text)
        if done is None:
            done = self._names(self._numbers(text))
            if len(memo) >= MEMO_MAX:
                memo.clear()
            memo[text] = done
        return done

    def _numbers(self, text: str) -> str:
        if not self.numbers:
            return text
        if text.isascii():
            found: Any = text.encode("ascii").translate(None, _NOT_DIGIT_BYTES)
            tails: Any = self._tails_ascii
        else:
            found, tails = _NON_DIGIT.sub("", text), self._tails
        if len(found) < 5:  # every protected number has five digits or more
            return text
        for i in range(len(found) - _TAIL + 1):
            for full in tails.get(found[i:i + _TAIL], ()):
                if full in found:  # its digits, in order, among the text's: worth matching number by number
                    return NUMBER.sub(lambda m: self._mask(m.group(0)), text)
        return text

    def _mask(self, span: str) -> str:
        """``span`` masked whole, or the longest runs of its space-separated groups that are a number."""
        whole = self.numbers.get(alnum(span))
        if whole is not None:
            return whole
        tokens = _SPACES.split(span)  # groups at even positions, the spaces between at odd ones
        if len(tokens) == 1:
            return span
        out, i = [], 0
        while i < len(tokens):
            mask = None
            for j in range(len(tokens) - 1, i - 1, -2) if i % 2 == 0 else ():
                mask = self.numbers.get(alnum("".join(tokens[i:j + 1])))
                if mask is not None:
                    out.append(mask)
                    i = j + 1
                    break
            if mask is None:
                out.append(tokens[i])
                i += 1
        return "".join(out)

    def _names(self, text: str) -> str:
        if not self.replacements:
            return text
        index, plain = self._index, text.isascii()
        if plain:  # lower-casing is folding for ASCII, and keeps every offset
            folded = WORD.findall(text.lower())
        else:
            found = list(WORD.finditer(text))
            folded = [fold(m.group(0)) for m in found]
        if index.keys().isdisjoint(folded):
            return text
        hits, free, n = [], 0, len(folded)
        for i, word in enumerate(folded):
            if i < free or word not in index:
                continue
            for size in index[word]:
                if i + size <= n:
                    pseudonym = self.replacements.get(word if size == 1 else " ".join(folded[i:i + size]))
                    if pseudonym is not None:
                        hits.append((i, size, pseudonym))
                        free = i + size
                        break
        if not hits:
            return text
        spans = [m.span() for m in (WORD.finditer(text) if plain else found)]
        out: list[str] = []
        last = 0
        for i, size, pseudonym in hits:
            out += (text[last:spans[i][0]], pseudonym)
            last = spans[i + size - 1][1]
        return "".join(out) + text[last:]

    def display(self, node: Any, name: Any) -> str:
        """The caption to show for ``node``."""
        return self.mapping.get(node) or self.scrub(str(name if name not in (None, "") else node))
