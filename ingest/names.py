"""Person-name normalization: titles and ranks out, nicknames split off, accents and case folded.

Why: the same person is written "Sgt. Mario Castillo", "Castillo, Mario" and "MARIO CASTILLO"
across a case file; unless these fold to one comparable form, one officer becomes three nodes and
the tie between him and a trafficker is lost. A title is not thrown away: it is what tells an
analyst that a person holds public office, so it is kept as ``rank`` and ``agency``.

Decisions (written down because the text does not decide them):

- Titles are stripped only from the front of the name (repeatedly: "Det. Sgt. X"), and never
  when nothing would be left ("Officer" alone stays a name). Trailing "Jr."/"Sr." are part of
  the name: a father and his son are different people.
- Titles are data: the vocabulary of public offices (``graph_schema/offices.yaml``, read through
  ``ingest.offices``). Courtesy titles (Mr, Mrs, Dr, Don, Doña...) give no rank. Public-office
  titles (police ranks, immigration/customs/labour officers, councillors, ministers, magistrates, JPs) set
  ``official=True``; the agency is filled only where the title names it ("Officer" alone does not).
- Nicknames are taken from quotes ('Carlos "Flaco" Reyes') and from "alias"/"aka"/"a.k.a."/
  "also known as" at the end; they become ``aliases``, never part of the name.
- Text that is not name-like (digits, brackets, braces, backticks, semicolons, slashes...) is
  kept literally, only whitespace-normalized: an odd string is evidence, not something to
  reinterpret. It is still folded for comparison.
- Case is kept as written in ``name`` (the display form); only ``folded`` is lowercased.

>>> p = parse_name('Sgt. Mario "Chino" Castillo')
>>> (p.name, p.rank, p.agency, p.aliases, p.official)
('Mario Castillo', 'Sgt.', 'Police', ('Chino',), True)
>>> parse_name("Reyes, Carlos").folded
'carlos reyes'
>>> parse_name("José Martínez").folded == parse_name("JOSE MARTINEZ").folded
True
"""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from graph_schema.types import fold_name
from ingest.offices import title_words

__all__ = ["ParsedName", "fold", "parse_name", "name_tokens"]

_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_QUOTED = re.compile(r"""(?<!\w)(?:"([^"]+)"|“([^”]+)”|'([^']+)'(?!\w)|‘([^’]+)’)""")
_ALIAS_TAIL = re.compile(r"\s*,?\s+(?:alias|aka|a\.k\.a\.?|also known as)\s+(.+)$", re.IGNORECASE)
_NAME_PUNCT = frozenset(" '’‘\"“”-.,")


@functools.lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """``graph_schema.types.fold_name``, cached: case files repeat the same names thousands of times."""
    return fold_name(text)


@dataclass(frozen=True)
class ParsedName:
    """A person's name taken apart. ``folded`` is what names are compared and keyed on."""

    raw: str
    name: str
    folded: str
    aliases: tuple[str, ...] = ()
    rank: str | None = None
    agency: str | None = None
    official: bool = False
    literal: bool = False

    @functools.cached_property
    def tokens(self) -> tuple[str, ...]:
        return name_tokens(self.folded)

    @property
    def first(self) -> str:
        return self.tokens[0] if self.tokens else ""

    @property
    def last(self) -> str:
        """The surname: the last token that is not a generational suffix."""
        core = [t for t in self.tokens if t not in _SUFFIXES] or list(self.tokens)
        return core[-1] if core else ""

    @functools.cached_property
    def single(self) -> bool:
        """One token only ("Flaco", "Reyes"): too little to identify anyone on its own."""
        return len([t for t in self.tokens if t not in _SUFFIXES]) <= 1


def name_tokens(folded: str) -> tuple[str, ...]:
    """Tokens of a folded name, apostrophes kept ("o'brien") but stray ones trimmed."""
    return tuple(t.strip("'-") for t in folded.split() if t.strip("'-"))


def _name_like(text: str) -> bool:
    """Letters, combining marks and the punctuation names use; anything else is kept literally."""
    return any(ch.isalpha() for ch in text) and all(
        ch.isalpha() or ch in _NAME_PUNCT or unicodedata.category(ch).startswith("M") or ch.isspace()
        for ch in text)


def _split_aliases(text: str) -> tuple[str, list[str]]:
    """Remove quoted nicknames and an "alias X" tail; return the rest and the nicknames."""
    aliases: list[str] = []
    tail = _ALIAS_TAIL.search(text)
    if tail:
        aliases.append(tail.group(1).strip(" .,\"'“”‘’"))
        text = text[: tail.start()]

    def take(match: re.Match[str]) -> str:
        aliases.append(next(g for g in match.groups() if g is not None).strip())
        return " "

    text = _QUOTED.sub(take, text)
    return " ".join(text.split()), [a for a in aliases if a]


@functools.cache
def _title_max() -> int:
    return max(len(k) for k in title_words())


_ARTICLES = frozenset({"el", "la", "los", "las", "the"})


def _strip_titles(words: list[str]) -> tuple[list[str], list[str], str | None, bool]:
    """Strip leading titles (the vocabulary's title words, ``graph_schema/offices.yaml``); keep at
    least one word. Returns words, ranks, agency, official."""
    titles = title_words()
    ranks: list[str] = []
    agency: str | None = None
    official = False
    folded = [fold(w) for w in words]
    at = 0
    if len(words) > 2 and folded[0] in _ARTICLES and tuple(folded[1:2]) in titles:
        at = 1  # "la hermana Gloria", "el señor Pop": Spanish puts an article before a title
    while len(words) - at > 1:
        for size in range(min(_title_max(), len(words) - at - 1), 0, -1):
            hit = titles.get(tuple(folded[at:at + size]))
            if hit is not None:
                break
        else:
            break
        rank, title_agency, office = hit
        if rank and len(words) - at > size + 2 and folded[at + size] == "of":  # "Commissioner of Police X"
            title_agency = words[at + size + 1].strip(".,").title()
            size += 2
        if rank and rank not in ranks:
            ranks.append(rank)
        agency = agency or title_agency
        official = official or office
        at += size
    words = words[at:]
    return words, ranks, agency, official


@functools.lru_cache(maxsize=1 << 16)
def parse_name(text: str) -> ParsedName:
    """Take a person's name apart: display name, folded key, nicknames, rank and agency.

    >>> parse_name("Reyes, Carlos").name
    'Carlos Reyes'
    >>> parse_name("Immigration Officer Ana Pop").agency
    'Immigration'
    >>> parse_name("Robert'); DROP TABLE x; --").name
    "Robert'); DROP TABLE x; --"

    Cached: the result is frozen and a pure function of ``text``.
    """
    raw = " ".join(str(text).split())
    if not _name_like(raw):
        return ParsedName(raw=raw, name=raw, folded=fold(raw) or raw.lower(), literal=True)
    rest, aliases = _split_aliases(raw)
    parts = [p.strip() for p in rest.split(",")]
    if len(parts) == 2 and all(parts) and fold(parts[1]) in _SUFFIXES:
        parts = [f"{parts[0]} {parts[1]}"]
    ranks: list[str] = []
    agency: str | None = None
    official = False
    stripped = []
    for part in parts if len(parts) == 2 and all(parts) else [" ".join(parts)]:
        words, part_ranks, part_agency, part_office = _strip_titles(part.split())
        stripped.append(" ".join(words))
        ranks += [r for r in part_ranks if r not in ranks]
        agency, official = agency or part_agency, official or part_office
    name = " ".join(reversed(stripped)) if len(stripped) == 2 else stripped[0]
    name = name.strip(" ,;:") or raw
    return ParsedName(
        raw=raw, name=name, folded=fold(name), aliases=tuple(dict.fromkeys(aliases)),
        rank=" ".join(ranks) or None, agency=agency, official=official,
    )
