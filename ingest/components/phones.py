"""Phone numbers in every form seen in Belizean case files and U.S. texts, decided by ``clean_phone``.

Why: the same phone written ``622-1234``, ``+501 622 1234`` or ``(501) 622-1234`` must become one
key, and a digit string that is not a valid number must not become a Phone node. A loose regex
proposes digit groups (and North American vanity numbers, ``1-866-DHS-2-ICE``);
``graph_schema.types.clean_phone`` (phonenumbers) decides, in the region the text is about.
Numbers of neighbouring countries written without their country code are tried in the regions
the sentence names (``patterns/phone_regions.jsonl``: "a Mexican number", "in Chetumal").
A greedy candidate that swallowed a trailing number ("622-1234 3 times") is shortened group by
group until it cleans, so the phone is not lost. The mention's text is the number as written,
less a stray closing bracket or brackets around all of it ("(650-8812)" -> "650-8812"); its key
is E.164.

The region of the text (``ingest.components.region.text_region``): ``doc.user_data["wb_region"]`` when the caller set
it (a Note's ``metadata["region"]``, once the caller passes it on), else the one region whose
``text_cues`` the text carries ("U.S. Attorney", "Southern District of", "Tier 2" for the U.S.;
"ATIPU", "BZ$" for Belize), else Belize. National numbers are read in that region: ``622-4187``
only in a Belize text, a bare 10-digit run (``2025142007``) only in a U.S. one, and
``501-622-4187`` is Belizean in a Belize note but in Arkansas in a U.S. text. North American
forms with brackets, dashes or dots ((202) 514-2007, 202-514-2007, 1-866-347-2423,
1-866-DHS-2-ICE) are accepted in every text: that shape has 10 digits and a Belize number 7,
so it is never a Belize national number, and a cue-less U.S. text still keeps its numbers.
Calling codes written without "+" are accepted for Belize and its neighbours only
(``graph_schema.types.NEIGHBOURS``).
"""
from __future__ import annotations

import re
from functools import cache, lru_cache

import phonenumbers
from spacy.language import Language
from spacy.tokens import Doc

from graph_schema.types import clean_phone
from ingest.components.base import (
    SentenceIndex, add_mention, claimed, ensure_extensions, lexicon_regex, load_jsonl, span_text, text_of,
)
from ingest.components.region import text_region

__all__ = ["METHOD", "PhoneMatcher"]

METHOD = "workbench.phone_matcher.v1"
_CANDIDATE = re.compile(r"(?<![\w$.,/-])(?:\+|00)?\(?\d{1,4}\)?(?:[ .-]{0,2}\(?\d{1,5}\)?){1,5}(?![\w/$]|[.,]\d)")
_VANITY = re.compile(r"(?<![\w$.,/-])(?:\+?1[ .-])?(?:\(\d{3}\) ?|\d{3}[-.])(?=[\dA-Z-]*[A-Z])(?:[\dA-Z]-?){6}[\dA-Z]"
                     r"(?![\w-])")
_GROUPS = re.compile(r"\+?\(?\d+\)?")
_WHATSAPP = re.compile(r"whats\s?app|\bwa\b", re.IGNORECASE)


@cache
def _region_cues() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((row["region"], lexicon_regex(row["cues"])) for row in load_jsonl("phone_regions.jsonl")
                 if row.get("cues"))


def _clean(raw: str, region: str, named: list[str]) -> str | None:
    if not 7 <= sum(ch.isalnum() for ch in raw) <= 15:
        return None
    return _cleaned(raw, region, tuple(named))


@lru_cache(maxsize=1 << 12)
def _cleaned(raw: str, region: str, named: tuple[str, ...]) -> str | None:
    """``clean_phone``, remembered: a case's numbers recur from note to note, and each reading
    is several ``phonenumbers`` parses (a pure function of the written form and regions)."""
    return clean_phone(raw, region, list(named))


@lru_cache(maxsize=1 << 12)
def _region_of(e164: str) -> str | None:
    """The region of an E.164 number (remembered, as ``_cleaned``)."""
    return phonenumbers.region_code_for_number(phonenumbers.parse(e164))


def _best_prefix(text: str, region: str, named: list[str]) -> tuple[int, str] | None:
    """The longest leading run of digit groups that is a valid number: (length, E.164)."""
    groups = list(_GROUPS.finditer(text))
    for count in range(len(groups), 0, -1):
        end = groups[count - 1].end()
        found = _clean(text[:end], region, named)
        if found:
            return end, found
    return None


def _whole(text: str, region: str, named: list[str]) -> tuple[int, str] | None:
    """A vanity number is decided whole (its letters are no digit groups): (length, E.164)."""
    found = _clean(text, region, named)
    return (len(text), found) if found else None


def _unbracketed(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without a bracket the number does not close, or brackets around all of it."""
    surface = text[start:end]
    if surface.endswith(")") and surface.count(")") > surface.count("("):
        end -= 1
    elif surface.startswith("(") and surface.count("(") > surface.count(")"):
        start += 1
    elif surface.startswith("(") and surface.endswith(")") and ")" not in surface[1:-1]:
        start, end = start + 1, end - 1
    return start, end


@Language.factory("workbench_phone_matcher_v1", assigns=["doc._.wb_mentions"],
                  requires=["doc.sents"])
def make_phone_matcher(nlp: Language, name: str) -> "PhoneMatcher":
    return PhoneMatcher()


class PhoneMatcher:
    """Propose digit groups, keep what ``clean_phone`` accepts, mark WhatsApp numbers."""

    def __init__(self) -> None:
        ensure_extensions()
        self.cues = _region_cues()

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        index, region = None, None
        named_in: dict[int, list[str]] = {}  # sentence start -> the regions its words name, read once per sentence
        for match in (*_VANITY.finditer(text), *_CANDIDATE.finditer(text)):
            if claimed(doc, match.start(), match.end()):
                continue
            index = index or SentenceIndex(doc)
            region = region or text_region(doc)
            sent = index.at(match.start())
            named = named_in.get(sent.start_char)
            if named is None:
                said = span_text(sent)
                named = named_in[sent.start_char] = [name for name, cue in self.cues if cue.search(said)]
            best = _best_prefix(match.group(), region, named) if match.re is _CANDIDATE else \
                _whole(match.group(), region, named)
            if best is None:
                continue
            length, e164 = best
            start, end = _unbracketed(text, match.start(), match.start() + length)
            before = text[max(sent.start_char, start - 60):start]
            after = text[end:end + 14]
            whatsapp = bool(_WHATSAPP.search(before) or _WHATSAPP.search(after)) or None
            found_region = _region_of(e164)
            add_mention(doc, "Phone", start, end, METHOD, key=e164, region=found_region, whatsapp=whatsapp)
        return doc
