"""Identities a note states: "Sarge da Sergeant Neal", '"Jefa" = ZELAYA CACERES, Marleny'.

Why: an interview or an investigator's remark often says outright who a nickname is - the answer
to "Who is Sarge?" is "Sarge da Sergeant Neal fram OW station"; a WhatsApp export's remarks read
'"Kenny" = CHEN WU, Kenneth'. Co-mention alone makes the two names a weak tie, so the nickname
stays a person of its own and what was paid to "Sarge" in the receipt book never reaches the
sergeant. Stated this way, the nickname is an alias of the named person, as 'Carlos "Flaco"
Reyes' makes Flaco one (``persons``): resolution then joins the notes' other "Sarge"s to him by
that alias, the reason naming the note and offset it was written at (``ingest.clustering``).

A statement counts when a one-word name (the nickname, quotes allowed) is followed by a copula
of identity - English "is"/"was", Kriol "da", Spanish "es"/"era", or "=" - and then, with only a
title or rank between, a fuller name (of more words, or with a title) that ends the clause or is
followed by where the person is from. A possessive or a noun after it ("Maria is Juan Pop's
wife", "Skinny da Jermaine bredda") makes it someone else; a negation or any other word between
("Sarge is not Neal", "Sarge is with Neal") states nothing, and neither does a question. A
remark's quoted nickname glossed with "=" is a mention of that person even when no other rule
read it as a name. Matching by rank or context alone is left to the complicity flags' alias
candidates, which are reviewed, never merged (issue 13).
"""
from __future__ import annotations

import re
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ingest.components.base import add_mention, claimed, ensure_extensions, mentions, text_of

__all__ = ["StatedIdentities"]

METHOD = "workbench.stated_identity.v1"

# Between the nickname and the fuller name: its closing quote, the copula, an optional article
# and up to two capitalized title words ("Sergeant", "Sgt.", "Cpl"), nothing else.
_IDENTITY = re.compile(r"[\"”’']?\s*(?:is|was|da|es|era|=)\s+(?:(?:the|di|el|la)\s+)?(?P<title>(?:[A-Z][\w.]*\s+){0,2})\Z")
# A remark's gloss of a quoted nickname, right before the name it is glossed with
_GLOSSED = re.compile(r"[\"“](?P<nick>[A-Z][\w'’-]{1,20})[\"”]\s*=\s*\Z")
# What may follow the fuller name: the sentence's end or a pause, or where the person is from or
# works ("fram OW station", "of Orange Walk"); not a possessive or a noun ("Juan Pop's wife",
# Kriol "Jermaine bredda": kin of the named person, not the person)
_FOLLOWED = re.compile(r"[\"”’']?\s*(?:[.,;:)!?\n]|\Z|(?:from|fram|of|at|in|de|del)\s)", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.?!\n]")


@Language.factory("workbench_stated_identities_v1", assigns=["doc._.wb_mentions"], requires=["doc._.wb_mentions"])
def make_stated_identities(nlp: Language, name: str) -> "StatedIdentities":
    return StatedIdentities()


class StatedIdentities:
    """Adds each stated nickname to the ``aliases`` of the person it is said to be."""

    def __init__(self) -> None:
        ensure_extensions()

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        people = sorted((m for m in mentions(doc) if m["label"] == "Person" and not m["props"].get("first_person")),
                        key=lambda m: m["start"])
        for nick, named in zip(people, people[1:]):
            gap = text[nick["end"]:named["start"]]
            stated = _IDENTITY.match(gap)
            if stated is None or not _nickname(nick) or not _fuller(named, bool(stated.group("title"))):
                continue
            if not _FOLLOWED.match(text, named["end"]) or _asked(text, named["end"]) or _same_person(nick, named):
                continue
            _add_alias(named, nick["text"])
        for named in people:  # '"Flaca" = PANTI CHOC, Aurelia': the quoted nickname no rule took for a name
            glossed = _GLOSSED.search(text, max(0, named["start"] - 40), named["start"])
            if glossed is not None and not claimed(doc, glossed.start("nick"), glossed.end("nick")):
                add_mention(doc, "Person", glossed.start("nick"), glossed.end("nick"), METHOD, confidence=0.8,
                            canonical=named["canonical"] or named["text"])
                _add_alias(named, glossed.group("nick"))
        return doc


def _add_alias(named: dict[str, Any], nick: str) -> None:
    aliases = named["props"].setdefault("aliases", [])
    if nick not in aliases:
        aliases.append(nick)


def _nickname(item: dict[str, Any]) -> bool:
    """A one-word name, a rank word used as one included: "Sarge", "Jefa", "Kenny"."""
    return len((item["canonical"] or item["text"]).split()) == 1 and len(item["text"].split()) == 1


def _asked(text: str, end: int) -> bool:
    """The sentence the statement is in is a question ("Sarge is Sergeant Neal?")."""
    stop = _SENTENCE_END.search(text, end)
    return stop is not None and stop.group() == "?"


def _fuller(item: dict[str, Any], titled: bool) -> bool:
    return titled or bool(item["props"].get("rank")) or len((item["canonical"] or item["text"]).split()) >= 2


def _same_person(a: dict[str, Any], b: dict[str, Any]) -> bool:
    words = {w.lower() for w in (b["canonical"] or b["text"]).replace(",", " ").split()}
    return (a["canonical"] or a["text"]).lower() in words
