"""Sums of money with their currency and channel, as Payment mentions.

Why: payments link traffickers to recruiters, drivers and officials, and the amount, currency
and channel (Western Union, cash, E-Kyash) are what an analyst follows. Amounts are normalized
to a float and an ISO code: ``BZ$``, ``BZD``, "Belize dollars" -> BZD; ``US$``, ``USD`` -> USD;
``MXN``/pesos; ``Q``/quetzales -> GTQ; lempiras -> HNL. A bare ``$`` or "dollars" is the dollar
of the country the text is about (``region.text_region``): BZD in a Belize note, USD in a U.S.
text (the caller says so, or the text carries cues such as "U.S. Attorney" or "federal
prison"), and USD when the sentence says US. An explicit code after the number wins
("$400 USD"), and the first end of a range takes the currency written after the second
("$10,000 to 12,000 USD": both USD). Each end of a range is its own Payment, and a mention's
text is the amount as written, currency sign and code included. The channel is the first channel
word of the sentence (``patterns/channels.jsonl``), the date the first DATE the model finds there
that parses.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from graph_schema.types import get_type
from ingest.components.base import (
    SentenceIndex, add_mention, claimed, ensure_extensions, lexicon_regex, load_jsonl, lowers_of, span_text, text_of,
)
from ingest.components.region import text_region

METHOD = "workbench.money_matcher.v1"
_PREFIX = r"(?P<pre>L\.|L(?=\s(?:\d{1,3}(?:,\d{3})+|\d+\.\d{2})\b)|BZ\s?\$|BZD|Bz\$|BDS?\$|US\s?\$|USD|U\.S\.\s?\$|MX\$|MXN|GTQ|HNL|Q\.?|\$)"
_AMOUNT = r"(?P<amount>\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d+(?:\.\d{1,2})?)"
_SCALE = r"(?:\s?(?P<scale>k|K|thousand|million|grand)\b)?"
_SUFFIX = (r"(?P<suf>BZD|USD|MXN|GTQ|HNL|Belize(?:an)?\s+dollars?|Bze\s+dollars?|US\s+dollars?|U\.S\.\s+dollars?|"
           r"American\s+dollars?|US\b|dollars?|bucks|Mexican\s+pesos?|pesos?|quetzal(?:es|s)?|lempiras?)")
_WITH_PREFIX = re.compile(r"(?<![\w$])" + _PREFIX + r"\s?" + _AMOUNT + r"(?!\d)" + _SCALE + r"(?:\s?" + _SUFFIX + r"\b)?")
_WITH_SUFFIX = re.compile(r"(?<![\w$.,])" + _AMOUNT + _SCALE + r"\s?" + _SUFFIX + r"(?!\w)")
_SCALES = {"k": 1e3, "thousand": 1e3, "grand": 1e3, "million": 1e6}
_US_SENTENCE = re.compile(r"\bUS\s?(?:dollars|currency)\b|\bU\.S\. dollars\b", re.IGNORECASE)
_RANGE_GAP = re.compile(r"\s*(?:to|-|–)\s*")


def currency_of(prefix: str | None, suffix: str | None, sentence: str = "", region: str = "BZ") -> str:
    """ISO code for the written currency; an explicit code or word after the number wins.

    >>> currency_of("$", None), currency_of("$", None, region="US"), currency_of("BZ$", None, region="US")
    ('BZD', 'USD', 'BZD')
    """
    for word in (suffix, prefix):
        if not word:
            continue
        w = word.upper().replace(" ", "")
        if w.startswith(("US", "U.S.", "AMERICAN")):
            return "USD"
        if w.startswith(("MX", "PESO", "MEXICAN")):
            return "MXN"
        if w.startswith(("Q", "GTQ")):
            return "GTQ"
        if w.startswith(("HNL", "LEMPIRA", "L.")) or w == "L":
            return "HNL"
        if w.startswith(("BZ", "BELIZE", "BDS", "BD$")):
            return "BZD"
    return "USD" if region == "US" or _US_SENTENCE.search(sentence) else "BZD"


def _explicit(groups: dict[str, str | None]) -> bool:
    return bool(groups.get("suf")) or groups.get("pre") not in (None, "$")


def _currency_words(found: list[tuple[int, int, re.Match[str]]], text: str) -> list[dict[str, str | None]]:
    """Per amount (in text order), the groups its currency is read from: its own, or, for the
    first end of a range with no currency of its own ("$10,000 to 12,000 USD"), the second's."""
    words = [m.groupdict() for _, _, m in found]
    for i in range(len(found) - 1):
        gap = text[found[i][1]:found[i + 1][0]]
        if not _explicit(words[i]) and _explicit(words[i + 1]) and _RANGE_GAP.fullmatch(gap):
            words[i] = words[i + 1]
    return words


# Things handed over in place of a counted sum, and the verbs of handing them over (English,
# Spanish, Kriol as the notes write them; the English model leaves unknown words' lemmas as written)
_IN_KIND = {"envelope", "envelopes", "bag", "bribe", "bribes", "kickback", "kickbacks", "payoff", "pay-off",
            "sobre", "sobres", "bolsa", "mordida", "cut"}
_HANDING = {"hand", "pass", "give", "slip", "pay", "deliver", "bring", "collect", "receive", "take", "accept", "get",
            "leave", "da", "dio", "daba", "entrega", "entregó", "pasa", "pasó", "recibe", "recibió", "collec"}


# A sum paid by the night, the trip or the week is a wage: "pays him BZ$150 a trip", "pay mi fifty
# dollar a night", "two-fifty every Monday", "mil quetzales al mes", "his salary"
_WAGE = re.compile(r"\b(?:a|an|per|each|every|al|por|cada)\s+(?:night|day|week|fortnight|month|trip|shift|run|hour|"
                   r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|noche|d[ií]a|semana|quincena|mes|viaje|"
                   r"turno|hora|lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bado|domingo)\b|"
                   r"\b(?:weekly|monthly|nightly|salary|wages?|sueldo|salario|pago semanal)\b", re.IGNORECASE)


def is_wage(sentence: str) -> bool:
    """The sentence pays by the period or names a wage: a payment that is employment, not a bribe
    (an envelope has no sum, so in-kind payments never count)."""
    return bool(_WAGE.search(sentence))


def amount_of(amount: str, scale: str | None) -> float:
    return float(amount.replace(",", "")) * _SCALES.get((scale or "").lower(), 1.0)


@Language.factory("workbench_money_matcher_v1", assigns=["doc._.wb_mentions"], requires=["doc.sents", "doc.ents"])
def make_money_matcher(nlp: Language, name: str) -> "MoneyMatcher":
    return MoneyMatcher()


class MoneyMatcher:
    def __init__(self) -> None:
        ensure_extensions()
        self.channels = [(row["channel"], lexicon_regex(row["cues"])) for row in load_jsonl("channels.jsonl")]
        self.clean_date = get_type("date").clean

    def __call__(self, doc: Doc) -> Doc:
        found: list[tuple[int, int, re.Match[str]]] = []
        for regex in (_WITH_PREFIX, _WITH_SUFFIX):
            for m in regex.finditer(text_of(doc)):
                if not any(s < m.end() and m.start() < e for s, e, _ in found):
                    found.append((m.start(), m.end(), m))
        self._in_kind(doc)
        if not found:
            return doc
        found.sort(key=lambda item: item[0])
        index, region = SentenceIndex(doc), text_region(doc)
        for (start, end, m), written in zip(found, _currency_words(found, text_of(doc))):
            if claimed(doc, start, end):
                continue
            groups, sent = m.groupdict(), index.at(start)
            add_mention(doc, "Payment", start, end, METHOD, amount=amount_of(groups["amount"], groups["scale"]),
                        currency=currency_of(written.get("pre"), written.get("suf"), span_text(sent), region),
                        channel=self._channel(span_text(sent)), date=self._date(sent))
        return doc

    def _in_kind(self, doc: Doc) -> None:
        """A payment no one counted: "hands Sosa a white envelope", "passes him a brown paper bag",
        "le da un sobre". Only a container or bribe word that a verb of handing over governs is
        a payment (an envelope of passports put in a safe is none); the sum stays unknown."""
        for i, word in enumerate(lowers_of(doc)):
            if word not in _IN_KIND:
                continue  # no Token made for the other words
            token = doc[i]
            if token.pos_ not in {"NOUN", "PROPN", "X"}:
                continue
            verb = token.head if token.dep_ in {"dobj", "obj", "attr", "nsubjpass"} else (
                token.head.head if token.dep_ == "pobj" else None)
            if verb is None or verb.lemma_.lower() not in _HANDING:
                continue
            first = min([token, *[c for c in token.lefts if c.dep_ in {"amod", "compound", "det"}]], key=lambda t: t.i)
            start = first.idx if first.dep_ != "det" else first.idx + len(first.text_with_ws)
            end = token.idx + len(token)
            if start < end and not claimed(doc, start, end):
                sent = SentenceIndex(doc).at(start)
                add_mention(doc, "Payment", start, end, f"{METHOD}:in-kind", confidence=0.7,
                            form=text_of(doc)[start:end].lower(), channel="cash", date=self._date(sent))

    def _channel(self, sentence: str) -> str | None:
        hits = [(h.start(), channel) for channel, cue in self.channels if (h := cue.search(sentence))]
        return min(hits)[1] if hits else None

    def _date(self, sent) -> str | None:
        for ent in sent.ents:
            if ent.label_ == "DATE":
                value = self.clean_date(re.sub(r"^(?:on|the)\s+|(?<=\d)(?:st|nd|rd|th)\b", "", ent.text))
                if value:
                    return value
        return None
