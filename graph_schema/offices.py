"""The vocabulary of public offices: canonical agencies, the words that name them, ranks and titles.

Why here: who is an official, and of which agency, is the heart of the complicity feature, and
both extraction (``ingest``: the official matcher's patterns, name parsing, note authors) and the
flags (``workbench.flags``: an official's agency group, public bodies) need the same answer.
Declared once in ``offices.yaml``, it is the one vocabulary they read, so the agency a title gives
a person ("Judiciary") is the agency the flags group officials by. ``load_offices()`` reads and
checks it (every agency a title names is declared; a title id keeps one rank and agency; a form,
in any case, belongs to one title, so the rank kept is the one the written title states; every
pattern compiles), frozen and cached, never at import time. The rank words a lone "Sarge" or
"el sargento" is read by (``rank_words``) are declared here too, for the flags' alias matching.

>>> offices = load_offices()
>>> offices.read_agency("Belize Police Department"), offices.read_agency(None, "Sgt.")
('Police', 'Police')
>>> offices.read_agency("Judiciary", "Judge"), offices.read_agency("Blue Parrot Bar") is None
('Judiciary', True)
>>> offices.read_ranks("el sargento"), offices.read_ranks("customs man")
({'sergeant'}, {'customs officer'})
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from graph_schema.errors import Errors
from graph_schema.specs import SchemaError

__all__ = ["Agency", "NameTitle", "Offices", "OFFICES_YAML", "RankWords", "Title", "load_offices"]

OFFICES_YAML = Path(__file__).resolve().parent / "offices.yaml"


@dataclass(frozen=True)
class Agency:
    """A canonical agency: ``reads`` is a pattern over an agency or rank text (the name itself
    also reads as the agency); ``cues`` are the words that name it in a note."""

    name: str
    reads: str
    cues: tuple[str, ...] = ()

    @functools.cached_property
    def pattern(self) -> re.Pattern[str]:
        return re.compile(rf"\b{re.escape(self.name)}\b|{self.reads}", re.IGNORECASE)


@dataclass(frozen=True)
class RankWords:
    """The words that name a rank on their own: ``reads`` is a pattern over a folded name, alias
    or rank text ("sarge", "el sargento", "sgt"), matched regardless of case."""

    rank: str
    reads: str

    @functools.cached_property
    def pattern(self) -> re.Pattern[str]:
        return re.compile(self.reads, re.IGNORECASE)


@dataclass(frozen=True)
class Title:
    """A title the official matcher finds (``forms``, exact text), with the rank and agency it gives."""

    id: str
    rank: str
    agency: str
    forms: tuple[str, ...]


@dataclass(frozen=True)
class NameTitle:
    """Folded title words written before a name: the rank kept (None for a courtesy title), the
    agency, and whether they say the person holds public office."""

    words: tuple[str, ...]
    rank: str | None
    agency: str | None
    office: bool


@dataclass(frozen=True)
class Offices:
    agencies: tuple[Agency, ...]
    titles: tuple[Title, ...]
    name_titles: tuple[NameTitle, ...]
    author_ranks: tuple[str, ...]
    rank_words: tuple[RankWords, ...] = ()
    by_name: dict[str, Agency] = field(default_factory=dict, hash=False, compare=False, repr=False)

    def read_agency(self, *texts: object) -> str | None:
        """The canonical agency an agency or rank text names (the first, in declaration order), or None."""
        text = " ".join(str(x) for x in texts if x)
        return next((a.name for a in self.agencies if a.pattern.search(text)), None)

    def read_ranks(self, text: str) -> set[str]:
        """The ranks whose rank words a folded text contains (any number of them)."""
        return {r.rank for r in self.rank_words if r.pattern.search(text)}

    def agency(self, name: str) -> Agency:
        try:
            return self.by_name[name]
        except KeyError:
            raise KeyError(f"unknown agency {name!r}") from None


def _compiled(item: "Agency | RankWords", what: str) -> None:
    """Compile a declared ``reads`` pattern now, so a bad one stops loading with its name."""
    try:
        item.pattern
    except re.error as error:
        raise SchemaError(Errors.G118.format(what=what, detail=error)) from None


def _agencies(data: list[dict[str, Any]]) -> tuple[Agency, ...]:
    agencies = tuple(Agency(name=str(a["name"]), reads=str(a.get("reads") or r"(?!)"),
                            cues=tuple(a.get("cues") or ())) for a in data)
    for agency in agencies:
        _compiled(agency, f"agency {agency.name!r}")
    return agencies


def _rank_words(data: list[dict[str, Any]]) -> tuple[RankWords, ...]:
    ranks = tuple(RankWords(rank=str(r["rank"]), reads=str(r["reads"])) for r in data)
    if len({r.rank for r in ranks}) != len(ranks):
        raise SchemaError(Errors.G118.format(what="rank_words", detail="a rank is declared twice"))
    for rank in ranks:
        _compiled(rank, f"rank words {rank.rank!r}")
    return ranks


def _titles(data: list[dict[str, Any]], names: set[str]) -> tuple[Title, ...]:
    titles = tuple(Title(id=str(t["id"]), rank=str(t["rank"]), agency=str(t["agency"]),
                         forms=tuple(t.get("forms") or ())) for t in data)
    seen: dict[str, tuple[str, str]] = {}
    owner: dict[str, Title] = {}
    for title in titles:
        if title.agency not in names:
            raise SchemaError(Errors.G118.format(what=f"title {title.id!r}", detail=f"unknown agency {title.agency!r}"))
        if seen.setdefault(title.id, (title.rank, title.agency)) != (title.rank, title.agency) or not title.forms:
            raise SchemaError(Errors.G118.format(what=f"title {title.id!r}", detail="one rank and agency, some forms"))
        for form in title.forms:
            # the matcher also finds each form in capitals: a form of two titles would give a
            # written "OFFICER" whichever rank was listed last, not the one it states
            other = owner.setdefault(form.upper(), title)
            if other.id != title.id:
                raise SchemaError(Errors.G118.format(
                    what=f"title {title.id!r}", detail=f"form {form!r} is also a form of title {other.id!r}"))
    return titles


def _name_titles(data: dict[str, Any], names: set[str]) -> tuple[NameTitle, ...]:
    courtesy = [NameTitle((str(w),), None, None, False) for w in data.get("courtesy") or ()]
    offices = [NameTitle(tuple(str(t["words"]).split()), t.get("rank"), t.get("agency"), True)
               for t in data.get("name_titles") or ()]
    for title in offices:
        if title.agency is not None and title.agency not in names:
            raise SchemaError(Errors.G118.format(what=f"name title {' '.join(title.words)!r}",
                                                 detail=f"unknown agency {title.agency!r}"))
    words = [t.words for t in courtesy + offices]
    if len(set(words)) != len(words):  # name parsing looks words up: one rank per title words
        raise SchemaError(Errors.G118.format(what="name titles", detail="title words are declared twice"))
    return tuple(courtesy + offices)


@functools.cache
def load_offices(path: Path = OFFICES_YAML) -> Offices:
    """Read and check the vocabulary (this package's ``offices.yaml`` by default)."""
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise SchemaError(Errors.G100.format(name=Path(path).name, detail=error)) from None
    agencies = _agencies(data.get("agencies") or [])
    names = {a.name for a in agencies}
    if len(names) != len(agencies):
        raise SchemaError(Errors.G118.format(what="agencies", detail="a name is declared twice"))
    return Offices(agencies=agencies, titles=_titles(data.get("titles") or [], names),
                   name_titles=_name_titles(data, names), author_ranks=tuple(data.get("author_ranks") or ()),
                   rank_words=_rank_words(data.get("rank_words") or []), by_name={a.name: a for a in agencies})
