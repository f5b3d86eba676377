"""Within-note references: "Reyes", "Carlos" or "Flaco" later in a note is the full name seen before.

Why: a note names a person fully once ("Carlos Reyes") and then by surname, first name or
nickname. Without this link each short form becomes a person of its own and the network splits.
Only the same note is searched (across notes is the resolver's job, where a surname alone is
never enough): the nearest earlier full name that contains the word, or has it as an alias,
wins; failing that, the only full name in the note that does. The short mention keeps its own
text and offsets; only ``canonical`` changes.
"""
from __future__ import annotations

import re
from typing import Any, Iterable

from spacy.language import Language
from spacy.tokens import Doc


from ingest.components.base import add_mention, claimed, ensure_extensions, folded, mentions, text_of
from ingest.components.syntax import Arguments

_NAME = r"[A-Z][\w-]*(?:['’][A-Z][\w-]+)?"
_ALIAS = re.compile(r"^\s*,?\s*\(?(?:alias|a\.k\.a\.?|aka|also known as|known as|nicknamed|@|alias de|conocid[oa] como)\s*[\"“‘']?"
                    rf"(?P<nick>{_NAME}(?:\s+{_NAME})?)[\"”’']?"
                    rf"|^\s*\(\s*[\"“‘'](?P<quoted>{_NAME}(?:\s+{_NAME})?)[\"”’']\s*\)")  # 'Nelson Bonilla Flores ("Pastor")'
# "Everybody calls him Pastor", "they call her La Flaca": the name another person goes by
_CALLS_PRONOUN = re.compile(rf"\b(?:[Tt]hey|[Pp]eople|[Ee]verybody|[Ee]veryone|[Aa]ll)\s+call(?:s|ed)?\s+(?P<pronoun>him|her)\s+"
                            rf"[\"“‘']?(?P<nick>(?:(?:El|La|Don|Doña)\s+)?{_NAME})(?=[\"”’']?[\s.,;:!?)])")


# A further alias is joined by "and"/"or", or set off by a comma *and* quotes: '@ "La Flaca",
# Guatemalan, believed to live in ...' goes on to her nationality, not to a second nickname.
_MORE_ALIASES = re.compile(rf"^[\"”’']?\s*(?:,?\s*(?:and|or)\s+[\"“‘']?|,\s*[\"“‘'])(?P<nick>{_NAME}(?:\s+{_NAME})?)"
                           r"[\"”’']?(?=[\s,;.)])")


def _words(item: dict[str, Any]) -> set[str]:
    names = [item.get("canonical") or item["text"], *item["props"].get("aliases", [])]
    return {w for name in names for w in folded(name).split()}


def _refers_to(name: str, item: dict[str, Any]) -> bool:
    """A one-word name is one of the item's words; a longer one is one of its aliases."""
    if len(name.split()) == 1:
        return name in _words(item)
    return name in {folded(a) for a in item["props"].get("aliases", [])}


def link_references(items: Iterable[dict[str, Any]]) -> None:
    """Set ``canonical`` of one-word Person mentions to the full name they refer to (in place)."""
    people = sorted((m for m in items if m["label"] == "Person" and m["text"] not in {"I", "we", "We"}),
                    key=lambda m: m["start"])
    full = [m for m in people if len(folded(m.get("canonical") or m["text"]).split()) >= 2]
    aliases = {folded(a) for m in full for a in m["props"].get("aliases", [])}
    for item in people:
        name = folded(item.get("canonical") or item["text"])
        if len(name.split()) != 1 and name not in aliases:
            continue  # a full name stands for itself; a two-word nickname ("Miss P") is looked up
        earlier = [m for m in full if m["start"] < item["start"] and _refers_to(name, m) and m is not item]
        anywhere = {folded(m["canonical"] or m["text"]): m for m in full if _refers_to(name, m) and m is not item}
        target = earlier[-1] if earlier else (next(iter(anywhere.values())) if len(anywhere) == 1 else None)
        if target is not None:
            item["canonical"] = target.get("canonical") or target["text"]
            for prop in ("role", "rank", "agency"):
                if prop in target["props"] and prop not in item["props"]:
                    item["props"][prop] = target["props"][prop]


@Language.factory("workbench_reference_linker_v1", assigns=["doc._.wb_mentions"], requires=["doc._.wb_mentions"])
def make_reference_linker(nlp: Language, name: str) -> "ReferenceLinker":
    return ReferenceLinker()


class ReferenceLinker:
    def __init__(self) -> None:
        ensure_extensions()

    def __call__(self, doc: Doc) -> Doc:
        add_aliases(doc)
        link_references(mentions(doc))
        return doc


def add_aliases(doc: Doc) -> None:
    """'Carlos Reyes, alias "Flaco"' / 'a.k.a. Flaco' / 'aka Chavito and Cepillo': each alias joins
    the name and is a mention. The "aka" is the evidence, so a span the model had read as a place
    or a body ("El Flaco" as GPE) becomes the alias."""
    for item in [m for m in mentions(doc) if m["label"] == "Person"]:
        after = _ALIAS.match(text_of(doc)[item["end"]:item["end"] + 60])
        if not after:
            continue
        group = "nick" if after.group("nick") else "quoted"
        spans = [(item["end"] + after.start(group), item["end"] + after.end(group))]
        while more := _MORE_ALIASES.match(text_of(doc)[spans[-1][1]:spans[-1][1] + 40]):
            spans.append((spans[-1][1] + more.start("nick"), spans[-1][1] + more.end("nick")))
            if len(spans) == 4:
                break
        for start, end in spans:
            _add_alias(doc, item, start, end)
    for match in _CALLS_PRONOUN.finditer(text_of(doc)):
        token = next((t for t in doc if t.idx == match.start("pronoun")), None)
        person = Arguments(doc).antecedent(token) if token is not None else None
        if person is not None and person["start"] < match.start():
            _add_alias(doc, person, match.start("nick"), match.end("nick"))


def _add_alias(doc: Doc, item: dict[str, Any], start: int, end: int) -> None:
    nick = text_of(doc)[start:end]
    same = [m for m in mentions(doc) if m["label"] == "Person" and start <= m["start"] and m["end"] <= end]
    if same:  # the person finder already took the nickname ("Don Beto" as "Beto"): it is this person
        item["props"]["aliases"] = sorted({*item["props"].get("aliases", []), nick})
        for other in same:
            other["canonical"] = item["canonical"] or item["text"]
        return
    for other in [m for m in mentions(doc) if m["start"] < end and start < m["end"] and m["method"].startswith("ner:")
                  and m["label"] in {"Location", "Organization"}]:
        mentions(doc).remove(other)
    if claimed(doc, start, end, {"Person", "Location", "Organization"}):
        return
    item["props"]["aliases"] = sorted({*item["props"].get("aliases", []), nick})
    props = {k: v for k, v in item["props"].items() if k != "aliases"}
    add_mention(doc, "Person", start, end, "workbench.person_finder.v1:alias", confidence=0.9,
                canonical=item["canonical"] or item["text"], aliases=[nick], **props)