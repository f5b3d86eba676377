"""Helpers of the component tests: run one sentence through the session's real pipeline (the
``nlp`` fixture of ``tests/conftest.py``) and look at what one component recorded.
"""
from __future__ import annotations

from typing import Any

from spacy.language import Language


def found(nlp: Language, text: str, label: str | None = None) -> list[dict[str, Any]]:
    """The mentions recorded for ``text`` (of one label), in text order."""
    doc = nlp(text)
    items = sorted(doc._.wb_mentions or [], key=lambda m: m["start"])
    return [m for m in items if label is None or m["label"] == label]


def linked(nlp: Language, text: str) -> list[tuple[str, str, str, str]]:
    """(type, source text, target text, method) for each relation recorded for ``text``."""
    doc = nlp(text)
    return [(r["type"], doc.text[r["source"][1]:r["source"][2]], doc.text[r["target"][1]:r["target"][2]], r["method"])
            for r in doc._.wb_relations or []]
