"""The vocabulary of public offices: canonical agencies, the words that name them, ranks and titles.

Why here: who is an official, and of which agency, is the heart of the complicity feature, and
both extraction (``ingest``: the official matcher's patterns, name parsing, note authors) and the
flags (``workbench.flags``: an official's agency group, public bodies) need the same answer.
Declared once in ``offices.yaml``, it is the one vocabulary they read, so the agency a title gives
a person ("Judiciary") is the agency the flags group officials by. ``load_offices()`` reads and
checks it (every agency a title names is declared; a title id keeps one rank and agency), frozen
and cached, never at import time.

>>> offices = load_offices()
>>> offices.read_agency("Belize Police Department"), offices.read_agency(None, "Sgt.")
('Police', 'Police')
>>> offices.read_agency("Judiciary", "Judge"), offices.read_agency("Blue Parrot Bar") is None
('Judiciary', True)
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

__all__ = ["Agency", "NameTitle", "Offices", "OFFICES_YAML", "Title", "load_offices"]

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
    by_name: dict[str, Agency] = field(default_factory=dict, hash=False, compare=False, repr=False)

    def read_agency(self, *texts: object) -> str | None:
        """The canonical agency an agency or rank text names (the first, in declaration order), or None."""
        text = " ".join(str(x) for x in texts if x)
        return next((a.name for a in self.agencies if a.pattern.search(text)), None)

    def agency(self, name: str) -> Agency:
        try:
            return self.by_name[name]
        except KeyError:
            raise KeyError(f"unknown agency {name!r}") from None


def _agencies(data: list[dict[str, Any]]) -> tuple[Agency, ...]:
    agencies = tuple(Agency(name=str(a["name"]), reads=str(a.get("reads") or r"(?!)"),
                            cues=tuple(a.get("cues") or ())) for a in data)
    for agency in agencies:
        try:
            agency.pattern
        except re.error as error:
            raise SchemaError(Errors.G118.format(what=f"agency {agency.name!r}", detail=error)) from None
    return agencies


def _titles(data: list[dict[str, Any]], names: set[str]) -> tuple[Title, ...]:
    titles = tuple(Title(id=str(t["id"]), rank=str(t["rank"]), agency=str(t["agency"]),
                         forms=tuple(t.get("forms") or ())) for t in data)
    seen: dict[str, tuple[str, str]] = {}
    for title in titles:
        if title.agency not in names:
            raise SchemaError(Errors.G118.format(what=f"title {title.id!r}", detail=f"unknown agency {title.agency!r}"))
        if seen.setdefault(title.id, (title.rank, title.agency)) != (title.rank, title.agency) or not title.forms:
            raise SchemaError(Errors.G118.format(what=f"title {title.id!r}", detail="one rank and agency, some forms"))
    return titles


def _name_titles(data: dict[str, Any], names: set[str]) -> tuple[NameTitle, ...]:
    courtesy = [NameTitle((str(w),), None, None, False) for w in data.get("courtesy") or ()]
    offices = [NameTitle(tuple(str(t["words"]).split()), t.get("rank"), t.get("agency"), True)
               for t in data.get("name_titles") or ()]
    for title in offices:
        if title.agency is not None and title.agency not in names:
            raise SchemaError(Errors.G118.format(what=f"name title {' '.join(title.words)!r}",
                                                 detail=f"unknown agency {title.agency!r}"))
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
                   by_name={a.name: a for a in agencies})
