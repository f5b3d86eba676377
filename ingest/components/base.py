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
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, Iterable

from spacy.attrs import IDX, LEMMA, LENGTH, LOWER, ORTH, SENT_START, SPACY
from spacy.tokens import Doc, Span

from graph_schema.types import fold_name
from ingest.errors import Errors

__all__ = [
    "PATTERNS_DIR", "SENTENCE_END", "add_mention", "add_relation", "claimed", "ensure_extensions", "folded",
    "lemmas_of", "lexicon_regex", "load_jsonl", "lowers_of", "mentions", "ref", "relations", "schema_allows",
    "SentenceIndex", "expand_span", "span_text", "text_of", "titles", "token_range",
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
    is not serialized with the doc. Joined from the token array (each token's text, and a space
    where it has one - what ``Token.text_with_ws`` gives) rather than from a Token per word.
    """
    text = doc.user_data.get("wb_text")
    if text is None:
        strings = doc.vocab.strings
        text = doc.user_data["wb_text"] = "".join(
            strings[orth] + " " if space else strings[orth] for orth, space in doc.to_array([ORTH, SPACY]).tolist())
    return text


@lru_cache(maxsize=1 << 16)
def folded(raw: str) -> str:
    """``graph_schema.types.fold_name``, remembered: the components fold the same names and words
    again and again (measured: 75,000 calls for the bench's 300 notes, 2% of extraction), and a
    fold is a pure function of its string.

    >>> folded("Reyes, Carlos")
    'carlos reyes'
    """
    return fold_name(raw)


def lemmas_of(doc: Doc) -> list[str]:
    """Every token's ``lemma_.lower()``, by token index, read once per doc from the token array.

    Readers that start from a few lemmas (a tip-off verb, "house", a saying verb) skip a
    sentence that holds none of them without making a Token per word. Kept in ``user_data``
    while the components run (the lemmatizer has run before them; co_mention drops it, as
    ``wb_text``).
    """
    found: list[str] | None = doc.user_data.get("wb_lemmas")
    if found is None:
        strings = doc.vocab.strings
        found = doc.user_data["wb_lemmas"] = [strings[h].lower() for h in doc.to_array(LEMMA).tolist()]
    return found


def lowers_of(doc: Doc) -> list[str]:
    """Every token's ``lower_``, by token index (as ``lemmas_of``)."""
    found: list[str] | None = doc.user_data.get("wb_lowers")
    if found is None:
        strings = doc.vocab.strings
        found = doc.user_data["wb_lowers"] = [strings[h] for h in doc.to_array(LOWER).tolist()]
    return found


def token_range(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """The token indices of ``doc.char_span(start, end, alignment_mode="expand")`` (None where it
    gives None), found by bisecting the tokens' offsets: ``char_span`` makes some five Tokens a
    call, and the components ask it for every mention (measured: 26,000 calls for the bench's
    300 notes, most of them ``syntax.Arguments`` mapping mentions to tokens).

    As spaCy's ``token_by_char``, a character belongs to the token whose text or trailing space
    holds it; a start in a token's trailing space begins at the next token.
    """
    starts, ends = _token_offsets(doc)
    size = len(text_of(doc))
    if not starts or not 0 <= start < size or not 0 <= end - 1 < size:
        return None
    first = bisect.bisect_right(starts, start) - 1
    last = bisect.bisect_right(starts, end - 1) - 1
    if start == ends[first]:
        first += 1
    return first, last + 1


def expand_span(doc: Doc, start: int, end: int) -> Span | None:
    """``doc.char_span(start, end, alignment_mode="expand")``, from ``token_range``."""
    found = token_range(doc, start, end)
    return Span(doc, found[0], found[1]) if found is not None else None


def _token_offsets(doc: Doc) -> tuple[list[int], list[int]]:
    """Every token's start and end character (without its trailing space), read once per doc;
    kept in ``user_data`` while the components run (co_mention drops it, as ``wb_text``)."""
    found: tuple[list[int], list[int]] | None = doc.user_data.get("wb_offsets")
    if found is None:
        rows = doc.to_array([IDX, LENGTH]).tolist()
        found = doc.user_data["wb_offsets"] = ([i for i, _ in rows], [i + n for i, n in rows])
    return found


def span_text(span: Span) -> str:
    """``span.text``, cut from the doc's text (``text_of``) instead of joined from its tokens:
    the same string (a span's text ends at its last token's end, before its whitespace), without
    building a Token per word - for sentences scanned by regexes many times per doc."""
    return text_of(span.doc)[span.start_char:span.end_char]


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
    """The sentence holding a character offset, found by bisecting sentence starts.

    The boundaries are read from the doc's token arrays in one call each, and a sentence's Span
    is made only when asked for (``doc[start:end]``, the Span ``doc.sents`` would give): several
    components build an index per doc, and making every sentence's Span each time was 2% of
    extraction (measured on the bench's notes). Sentence boundaries are fixed once the parser has
    run; no component after it changes them.
    """

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self._sents: list[Span] | None = None
        self._made: dict[int, Span] = {}  # sentence number -> its Span, made once
        if "sents" in doc.user_hooks or not len(doc):
            self._sents = list(doc.sents)
            self.starts = [s.start_char for s in self._sents]
            return
        if not doc.has_annotation("SENT_START"):
            list(doc.sents)  # raises spaCy's own error for a doc without sentences
        tokens = [0, *((doc.to_array(SENT_START)[1:] == 1).nonzero()[0] + 1).tolist()]
        self.starts = doc.to_array(IDX)[tokens].tolist()
        self._bounds = [*tokens, len(doc)]

    @property
    def sents(self) -> list[Span]:
        """Every sentence of the doc, in order."""
        if self._sents is None:
            self._sents = [self._sentence(n) for n in range(len(self.starts))]
        return self._sents

    def at(self, char: int) -> Span:
        n = max(bisect.bisect_right(self.starts, char) - 1, 0)
        if self._sents is not None:
            return self._sents[n]
        return self._sentence(n)

    def _sentence(self, n: int) -> Span:
        span = self._made.get(n)
        if span is None:
            span = self._made[n] = self.doc[self._bounds[n]:self._bounds[n + 1]]
        return span


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
    """One case-insensitive regex over word-bounded phrases, longest first.

    Built once per phrase set: some readers ask for theirs on every doc (``statements``,
    ``legal_forms``, ``appositions``), and joining and escaping a lexicon is most of the cost.
    """
    return _lexicon_regex(frozenset(phrases))


@cache
def _lexicon_regex(phrases: frozenset[str]) -> re.Pattern[str]:
    alternatives = sorted({re.escape(p).replace(r"\ ", r"\s+") for p in phrases}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)
