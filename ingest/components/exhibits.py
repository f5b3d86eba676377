"""Which seized handset is which number: "HB-04 Samsung phone of ZELAYA CACERES, 627-4410".

Why: a call log extracted from a seized handset lists only the other party of each call; the
handset's own number is the implicit other end (``ingest.read.handset``), and the investigator
knows the handset by its exhibit id. The search or arrest report's exhibit list says which
number that exhibit is - on the line that opens with the id, or in a sentence that ends
"(exhibit JR-01)". The first phone number of such a line or sentence gets the exhibit id
(``Phone.exhibit``); resolution then gives every call recorded on that exhibit its own end
(``ingest.exhibit_calls``). A line that names the exhibit but no number gives nothing: a handset
whose number nobody wrote down stays an unknown end.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from ingest.components.base import ensure_extensions, mentions, text_of

__all__ = ["ExhibitNumbers"]

_LINE_ID = re.compile(r"^[ \t\-•*]*(?:(?:exhibit|exh\.?|item)\s+)?(?P<id>[A-Z]{1,5}-[A-Z0-9]{1,5}(?:-\d{1,3})?)\b",
                      re.MULTILINE | re.IGNORECASE)
_NAMED_ID = re.compile(r"\((?:exhibit|exh\.?|evidencia)\s+(?P<id>[A-Z]{1,5}-[A-Z0-9]{1,5}(?:-\d{1,3})?)\)", re.IGNORECASE)
_PHONE_WORDS = re.compile(r"\b(?:phone|handset|mobile|cell|samsung|iphone|nokia|motorola|huawei|tel[eé]fono|celular)\b",
                          re.IGNORECASE)


@Language.factory("workbench_exhibit_numbers_v1", assigns=["doc._.wb_mentions"], requires=["doc._.wb_mentions"])
def make_exhibit_numbers(nlp: Language, name: str) -> "ExhibitNumbers":
    return ExhibitNumbers()


class ExhibitNumbers:
    def __init__(self) -> None:
        ensure_extensions()

    def __call__(self, doc: Doc) -> Doc:
        phones = sorted((m for m in mentions(doc) if m["label"] == "Phone"), key=lambda m: m["start"])
        if not phones:
            return doc
        text = text_of(doc)
        for hit in _LINE_ID.finditer(text):
            end = text.find("\n", hit.end())
            self._mark(phones, text, hit.group("id").upper(), hit.end(), len(text) if end < 0 else end)
        for hit in _NAMED_ID.finditer(text):
            start = max(text.rfind(". ", 0, hit.start()), text.rfind("\n", 0, hit.start())) + 1
            self._mark(phones, text, hit.group("id").upper(), start, hit.start())
        return doc

    @staticmethod
    def _mark(phones: list[dict], text: str, exhibit: str, start: int, end: int) -> None:
        if not _PHONE_WORDS.search(text[start:end]):
            return  # "EX-EG-02 van CY-C-18823": an exhibit that is no phone
        first = next((p for p in phones if start <= p["start"] < end), None)
        if first is not None:
            first["props"].setdefault("exhibit", exhibit)
