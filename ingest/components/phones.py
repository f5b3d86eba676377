"""Phone numbers in every form seen in Belizean case files, decided by ``clean_phone``.

Why: the same phone written ``622-1234``, ``+501 622 1234`` or ``(501) 622-1234`` must become one
key, and a digit string that is not a valid number must not become a Phone node. A loose regex
proposes digit groups; ``graph_schema.types.clean_phone`` (phonenumbers, region BZ) decides.
Numbers of neighbouring countries written without their country code are tried in the regions
the sentence names (``patterns/phone_regions.jsonl``: "a Mexican number", "in Chetumal").
A greedy candidate that swallowed a trailing number ("622-1234 3 times") is shortened group by
group until it cleans, so the phone is not lost.
"""
from __future__ import annotations

import re

import phonenumbers
from spacy.language import Language
from spacy.tokens import Doc

from graph_schema.types import clean_phone
from ingest.components.base import (
    SentenceIndex, add_mention, claimed, ensure_extensions, lexicon_regex, load_jsonl, text_of,
)

METHOD = "workbench.phone_matcher.v1"
_CANDIDATE = re.compile(r"(?<![\w$.,/-])(?:\+|00)?\(?\d{1,4}\)?(?:[ .-]{0,2}\(?\d{1,5}\)?){1,5}(?![\w/$]|[.,]\d)")
_GROUPS = re.compile(r"\+?\(?\d+\)?")
_WHATSAPP = re.compile(r"whats\s?app|\bwa\b", re.IGNORECASE)


def _region_cues() -> list[tuple[str, re.Pattern[str]]]:
    return [(row["region"], lexicon_regex(row["cues"])) for row in load_jsonl("phone_regions.jsonl")]


def _clean(raw: str, regions: list[str]) -> str | None:
    digits = sum(ch.isdigit() for ch in raw)
    if not 7 <= digits <= 15:
        return None
    found = clean_phone(raw)
    for region in regions:
        if found:
            break
        found = clean_phone(raw, region)
    return found


def _best_prefix(text: str, regions: list[str]) -> tuple[int, str] | None:
    """The longest leading run of digit groups that is a valid number: (length, E.164)."""
    groups = list(_GROUPS.finditer(text))
    for count in range(len(groups), 0, -1):
        end = groups[count - 1].end()
        found = _clean(text[:end], regions)
        if found:
            return end, found
    return None


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
        index = None
        for match in _CANDIDATE.finditer(text_of(doc)):
            if claimed(doc, match.start(), match.end()):
                continue
            index = index or SentenceIndex(doc)
            sent = index.at(match.start())
            regions = [region for region, cue in self.cues if cue.search(sent.text)]
            best = _best_prefix(match.group(), regions)
            if best is None:
                continue
            length, e164 = best
            start = match.start()
            before = text_of(doc)[max(sent.start_char, start - 60):start]
            after = text_of(doc)[start + length:start + length + 14]
            whatsapp = bool(_WHATSAPP.search(before) or _WHATSAPP.search(after)) or None
            region = phonenumbers.region_code_for_number(phonenumbers.parse(e164))
            add_mention(doc, "Phone", start, start + length, METHOD, key=e164, region=region, whatsapp=whatsapp)
        return doc
