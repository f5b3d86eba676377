"""Shared plumbing for the extraction components: where they put what they find.

Why: each component does one job and later ones build on earlier ones (the person finder skips
spans a place already claimed; the relation finder links what the others found). They share
state only through the ``Doc``: ``doc._.wb_mentions`` (plain dicts: label, start, end, text,
method, confidence, key, canonical, props), ``doc._.wb_relations`` and ``doc._.wb_titles``.
Plain dicts of plain values survive ``nlp.pipe(n_process=N)``, which serializes ``user_data``
with msgpack; spaCy spans with Python objects would not. Offsets are characters in the doc's
text; ``ingest.extract`` turns the dicts into ``graph_schema`` records.
"""
from __future__ import annotations

import bisect
import json
import re
from functools import cache
from pathlib import Path
from typing import Any, Iterable

from spacy.tokens import Doc, Span

from ingest.errors import Errors

__all__ = [
    "PATTERNS_DIR", "SENTENCE_END", "add_mention", "add_relation", "claimed", "ensure_extensions", "load_jsonl",
    "mentions", "ref", "relations", "schema_allows", "SentenceIndex", "text_of", "titles", "lexicon_regex",
]

# Words that make a capitalized phrase a body, a place or a thing, not a person's name.
ORG_WORDS = frozenset({
    "bank", "banco", "union", "ltd", "limited", "company", "co", "inc", "corp", "corporation", "group", "association",
    "services", "enterprises", "store", "farm", "bar", "club", "hotel", "restaurant", "cantina", "school", "church",
    "station", "department", "ministry", "council", "gram", "wallet", "credit", "transport", "tours", "shipping",
    "agency", "valley", "ranch", "plantation", "market", "supermarket", "street", "road", "avenue", "lane", "village",
    "town", "city", "district", "caye", "border", "river", "passport", "card", "id", "police", "immigration", "customs",
    "toyota", "nissan", "honda", "ford", "chevrolet", "isuzu", "mitsubishi", "hyundai", "kia", "mazda", "suzuki",
    "jeep", "dodge", "pickup", "minibus", "van", "truck",
    # words of public bodies, programmes and documents in any jurisdiction ("Homeland Security
    # Investigations", "Office of Public Affairs", "Blue Heart Campaign", "TIP Act", "Tier 2")
    "investigations", "enforcement", "security", "affairs", "division", "office", "court", "bureau",
    "administration", "commission", "program", "programme", "campaign", "act", "report", "force", "unit",
    "institute", "foundation", "university", "hospital", "center", "centre", "government", "tier", "watch",
    "custody", "prison", "embassy", "consulate", "directorate", "secretariat", "attorney's", "task",
    "op", "operation", "operativo", "operación",  # operation code names: "Op LUNA"
    "hwy", "rd", "st", "ave", "qrt", "stn", "hq",  # abbreviations of roads and stations: "W. Hwy"
    # what a person is in a record, not their name: "Caller", "Prisoner", "Referral Form - Child"
    "caller", "prisoner", "handset", "counsellor", "counselor", "worker", "referral", "form", "log", "child",
    "minor", "declarant", "complainant", "interview", "statement", "stoppers", "oficina", "departamento", "unidad",
    "atipu", "ncb", "dhs", "fiu",
})

PATTERNS_DIR = Path(__file__).resolve().parent.parent / "patterns"


def ensure_extensions() -> None:
    """Register the Doc attributes once; safe to call from every factory."""
    for name in ("wb_mentions", "wb_relations", "wb_titles"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def text_of(doc: Doc) -> str:
    """The doc's text, built once per doc: ``Doc.text`` joins every token on each access.

    Kept in ``user_data`` while the components run; the last one (co_mention) drops it so it
    is not serialized with the doc.
    """
    text = doc.user_data.get("wb_text")
    if text is None:
        text = doc.user_data["wb_text"] = doc.text
    return text


def _store(doc: Doc, name: str) -> list[dict[str, Any]]:
    """The list behind ``doc._.<name>``, read straight from ``user_data`` where spaCy keeps an
    extension's value (``doc._`` builds an accessor object on every access: components look up
    their mentions some hundred times per note, measured as 5% of extraction)."""
    key = ("._.", name, None, None)
    data: dict[Any, Any] = doc.user_data  # spaCy keys an extension's value by a tuple
    value: list[dict[str, Any]] | None = data.get(key)
    if value is None:
        ensure_extensions()
        setattr(doc._, name, [])
        value = data[key]
    return value


def mentions(doc: Doc) -> list[dict[str, Any]]:
    return _store(doc, "wb_mentions")


def relations(doc: Doc) -> list[dict[str, Any]]:
    return _store(doc, "wb_relations")


def titles(doc: Doc) -> list[dict[str, Any]]:
    return _store(doc, "wb_titles")


def claimed(doc: Doc, start: int, end: int, labels: Iterable[str] | None = None) -> bool:
    """True when an earlier component already took a span overlapping [start, end)."""
    wanted = set(labels) if labels is not None else None
    return any(m["start"] < end and start < m["end"] and (wanted is None or m["label"] in wanted)
               for m in mentions(doc))


def add_mention(doc: Doc, label: str, start: int, end: int, method: str, *, confidence: float = 1.0,
                key: str | None = None, canonical: str | None = None, **props: Any) -> dict[str, Any]:
    """Record one mention (props with None values are left out, so records stay small)."""
    item = {"label": label, "start": start, "end": end, "text": text_of(doc)[start:end], "method": method,
            "confidence": confidence, "key": key, "canonical": canonical,
            "props": {k: v for k, v in props.items() if v is not None}}
    mentions(doc).append(item)
    return item


#: The end of a sentence by its full stop, not by the parser's cut (which falls at odd places in
#: Spanish and Kriol) and not at the stops of initials ("(D.S.R.) y otra").
SENTENCE_END = re.compile(r"(?<![A-Z])[.!?][\"”’')]*\s")


def schema_allows(schema: Any, rel_type: str, source: dict[str, Any], target: dict[str, Any]) -> bool:
    """The schema allows this relationship between these two mentions (and they are two)."""
    spec = schema.relationships[rel_type]
    return source["label"] in spec.source and target["label"] in spec.target and source is not target


def ref(mention: dict[str, Any]) -> list[Any]:
    """How a relation points at a mention of the same doc: [label, start, end]."""
    return [mention["label"], mention["start"], mention["end"]]


def add_relation(doc: Doc, rel_type: str, source: dict[str, Any], target: dict[str, Any], sent: Span,
                 method: str, confidence: float, **props: Any) -> None:
    """Record one relation; evidence is the whole sentence, as the court reads it."""
    if ref(source) == ref(target):
        return
    item = {"type": rel_type, "source": ref(source), "target": ref(target), "start": sent.start_char,
            "end": sent.end_char, "method": method, "confidence": confidence,
            "props": {k: v for k, v in props.items() if v is not None}}
    if not any(r["type"] == rel_type and r["source"] == item["source"] and r["target"] == item["target"]
               for r in relations(doc)):
        relations(doc).append(item)


class SentenceIndex:
    """The sentence holding a character offset, found by bisecting sentence starts."""

    def __init__(self, doc: Doc) -> None:
        self.sents = list(doc.sents)
        self.starts = [s.start_char for s in self.sents]

    def at(self, char: int) -> Span:
        return self.sents[max(bisect.bisect_right(self.starts, char) - 1, 0)]


@cache
def load_jsonl(name: str) -> tuple[dict[str, Any], ...]:
    """The rows of a pattern file under ``ingest/patterns`` (reviewed like code, loaded as data)."""
    path = PATTERNS_DIR / name
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip() and not line.lstrip().startswith("//"):
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as error:
                raise ValueError(Errors.E047.format(path=path.name, line=number, detail=error.msg)) from None
    return tuple(rows)


def lexicon_regex(phrases: Iterable[str]) -> re.Pattern[str]:
    """One case-insensitive regex over word-bounded phrases, longest first."""
    alternatives = sorted({re.escape(p).replace(r"\ ", r"\s+") for p in phrases}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)
