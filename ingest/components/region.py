"""Which country a text is about: the region phones, currency and the home country are read in.

Why one module: the phone matcher, the money matcher, the place fallback and the appositions all
depend on it, and must agree. ``doc.user_data["wb_region"]`` when the caller set it (a Note's
``metadata["region"]``, passed on by ``ingest.extract``), else the one region whose
``text_cues`` (``patterns/phone_regions.jsonl``) the text carries ("U.S. Attorney", "Tier 2";
"ATIPU", "BZ$"), else Belize.
"""
from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc

from graph_schema.types import DEFAULT_REGION
from ingest.components.base import lexicon_regex, load_jsonl, text_of

__all__ = ["text_region"]


@cache
def _text_cues() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((row["region"], lexicon_regex(row["text_cues"])) for row in load_jsonl("phone_regions.jsonl")
                 if row.get("text_cues"))


def text_region(doc: Doc) -> str:
    """The region the text is about: set by the caller, else told by its text cues, else BZ."""
    explicit = doc.user_data.get("wb_region")
    if explicit:
        return str(explicit)
    told = doc.user_data.get("wb_text_region")  # read once per doc: four components ask (dropped by co_mention)
    if told is None:
        text = text_of(doc)
        found = {region for region, cue in _text_cues() if cue.search(text)}
        told = doc.user_data["wb_text_region"] = found.pop() if len(found) == 1 else DEFAULT_REGION
    return str(told)
