"""A call the notes describe, after which its receiver warned that the police were coming.

Why: a leaked raid shows in the records as a call to the trafficker shortly before it (the
complicity rule ``call_before_operation`` reads carrier records), and in the notes as what the
people around him saw: "Bout quarter to ten Chino phone ring ... ih tell mi 'police di come, move
di gyal dem'", "a don Marcos le entró una llamada ... regresó gritando '¡Sáquenlas, viene la
policía!'". Neither names the caller. Such a sentence becomes a ``Call`` event received by the
person named just before the words of the call (no caller: the notes do not know it), with the
warning quoted in ``warning``; the flag that finds the official's call to that person cites it.
A call with no police warning within the next three sentences is no forewarning, and a warning
without a call received is left to the obstruction rules.
"""
from __future__ import annotations

import re
import unicodedata

from spacy.language import Language
from spacy.tokens import Doc

from ingest.components.base import SENTENCE_END, add_mention, add_relation, ensure_extensions, mentions, text_of

__all__ = ["Forewarnings"]

METHOD = "workbench.forewarnings.v1"
_RECEIVED = re.compile(r"\b(?:phone\s+ring|phone\s+rang|(?:got|received|took|get|gets)\s+a\s+(?:phone\s+)?call|"
                       r"le\s+entro\s+una\s+llamada|recibio\s+una\s+llamada|le\s+llamaron|sono\s+(?:el\s+|su\s+)?telefono)")
_POLICE_COMING = re.compile(r"\b(?:police|policia|polis|cops)\s+(?:(?:is|are|was|were|di|deh|a)\s+)?(?:com\w*|viene\w*)|"
                            r"\bvienen?\s+(?:la\s+|los\s+)?polic\w*|\braid\s+(?:is\s+)?coming")
_SENTENCE_END = SENTENCE_END
_CUE = re.compile(r"ring|rang|call|llamad|llamaron|tel[eé]fono", re.IGNORECASE)  # a cheap look before folding
_LOOK_AHEAD = 3  # sentences after the call in which the warning may come


def _folded(text: str) -> str:
    """Lower case without accents, one character for one (offsets stay those of the text).

    By a translation table of the characters met so far, not character by character in Python:
    an ASCII character is its own fold, and the few others are folded once each.
    """
    lower = text.lower()
    return lower if lower.isascii() else lower.translate(_FOLDS)


class _Folds(dict[int, str]):
    """``str.translate`` table: each character's first NFD character (its letter without accent)."""

    def __missing__(self, code: int) -> str:
        c = chr(code)
        d = unicodedata.normalize("NFD", c)
        folded = self[code] = c if len(d) == 1 else d[0]
        return folded


_FOLDS = _Folds()


@Language.factory("workbench_forewarnings_v1", assigns=["doc._.wb_mentions", "doc._.wb_relations"],
                  requires=["doc._.wb_mentions"])
def make_forewarnings(nlp: Language, name: str) -> "Forewarnings":
    return Forewarnings()


class Forewarnings:
    def __init__(self) -> None:
        ensure_extensions()

    def __call__(self, doc: Doc) -> Doc:
        if not _CUE.search(text_of(doc)):
            return doc
        text = _folded(text_of(doc))
        for call in _RECEIVED.finditer(text):
            ends = [m.end() for m in _SENTENCE_END.finditer(text, call.end())][:_LOOK_AHEAD + 1]
            until = ends[_LOOK_AHEAD] if len(ends) > _LOOK_AHEAD else len(text)
            warning = _POLICE_COMING.search(text, call.start(), until)
            receiver = self._receiver(doc, call.start())
            if warning is None or receiver is None:
                continue
            start = max([m.end() for m in _SENTENCE_END.finditer(text, 0, call.start())], default=0)
            end = next((e for e in ends if e >= warning.end()), until)
            quoted = text_of(doc)[warning.start():min(end, warning.end() + 40)].strip()
            event = add_mention(doc, "Call", call.start(), call.end(), METHOD, confidence=0.6, kind="voice",
                                warning=quoted, caption=f"call received before a warning: {quoted[:40]}")
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                add_relation(doc, "CALL_TO", event, receiver, span, METHOD, 0.6)
        return doc

    @staticmethod
    def _receiver(doc: Doc, at: int) -> dict | None:
        """The person named last before the words of the call, in the same sentence."""
        text = text_of(doc)
        start = max([m.end() for m in _SENTENCE_END.finditer(text, 0, at)], default=0)
        people = [m for m in mentions(doc) if m["label"] == "Person" and start <= m["start"] < at]
        return max(people, key=lambda m: m["start"]) if people else None
