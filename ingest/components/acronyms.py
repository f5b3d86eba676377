"""Acronyms a text defines in parentheses, linked to their long form: "… Enforcement (ICE)".

Why: official texts name a body once in full and then only by its acronym ("ICE", "HSI", "PNC",
"WDTX"); the small model cuts long names at "and" ("U.S. Immigration" | "and Customs
Enforcement") and rarely tags a bare acronym. The definition itself is the evidence: the
capitalized words right before "(ACR)" whose initials spell it (function words such as "and",
"of", "for", "the" may sit between them; a leading "U.S." / "United States" is kept with the
name) are the long form. The long form becomes one mention (a Location when the model read its
words as a place, else an Organization), replacing the model's partial entities inside it, and
every later use of the acronym is a mention with the long form as its canonical name.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from ingest.components.base import add_mention, claimed, ensure_extensions, mentions, text_of

METHOD = "workbench.acronym_linker.v1"
_DEFINED = re.compile(r"\(([A-Z][A-Za-z&-]{1,11})\)")
_FUNCTION = {"and", "of", "for", "the", "on", "in", "to", "&", "de", "del", "la", "y"}
_COUNTRY_PREFIX = {"U.S.", "US", "United", "States"}


@Language.factory("workbench_acronym_linker_v1", assigns=["doc._.wb_mentions"],
                  requires=["doc.ents", "doc._.wb_mentions"])
def make_acronym_linker(nlp: Language, name: str) -> "AcronymLinker":
    return AcronymLinker()


class AcronymLinker:
    def __init__(self) -> None:
        ensure_extensions()

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        for match in _DEFINED.finditer(text):
            long_form = long_form_before(doc, match.start(), match.group(1))
            if long_form is None:
                continue
            start, end = long_form
            label = self._label(doc, start, end)
            if label is None:
                continue
            canonical = text[start:end]
            self._claim(doc, label, start, end, "long-form", canonical)
            for use in re.finditer(rf"(?<![\w-]){re.escape(match.group(1))}(?![\w-])", text):
                self._claim(doc, label, use.start(), use.end(), "acronym", canonical)
        return doc

    @staticmethod
    def _label(doc: Doc, start: int, end: int) -> str | None:
        """Location when the model read the long form as a place, None when a person holds it."""
        if claimed(doc, start, end, {"Person"}):
            return None
        kinds = [t.ent_type_ for t in doc.char_span(start, end, alignment_mode="expand") or () if t.ent_type_]
        places = sum(k in {"GPE", "LOC"} for k in kinds)
        return "Location" if kinds and places == len(kinds) else "Organization"

    @staticmethod
    def _claim(doc: Doc, label: str, start: int, end: int, how: str, canonical: str) -> None:
        """Add the mention, dropping the model-derived partial entities it covers."""
        found = mentions(doc)
        inside = [m for m in found if start <= m["start"] and m["end"] <= end and m["label"] in {"Organization", "Location"}]
        for m in inside:
            found.remove(m)
        if not claimed(doc, start, end):
            add_mention(doc, label, start, end, f"{METHOD}:{how}", confidence=0.9, canonical=canonical,
                        kind="other")


def long_form_before(doc: Doc, paren: int, acronym: str) -> tuple[int, int] | None:
    """Character span of the words before ``paren`` whose capitalized initials spell ``acronym``.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> doc = nlp("agents of U.S. Immigration and Customs Enforcement (ICE) said")
    >>> start, end = long_form_before(doc, doc.text.index("("), "ICE")
    >>> doc.text[start:end]
    'U.S. Immigration and Customs Enforcement'
    """
    letters = re.sub(r"[^A-Za-z]", "", acronym).upper()
    span = doc.char_span(max(0, paren - 200), paren, alignment_mode="contract")
    if span is None or not letters:
        return None
    words = [t for t in span if not t.is_space]
    initials, first = "", None
    for token in reversed(words):
        if token.text in {"'s", "’s"} or (token.lower_ in _FUNCTION and initials):
            continue
        if not token.text[:1].isupper() or token.text in _COUNTRY_PREFIX:
            break
        initials = token.text[0] + initials
        first = token
        if initials.upper() == letters:
            break
        if len(initials) > len(letters) or not letters.endswith(initials.upper()):
            return None
    if first is None or initials.upper() != letters:
        return None
    start = first.i
    while start > 0 and doc[start - 1].text in _COUNTRY_PREFIX:
        start -= 1
    end_token = words[-1]
    return doc[start].idx, end_token.idx + len(end_token)
