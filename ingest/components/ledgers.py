"""Ledgers: the lines of a receipt book or an account sheet, each a payment to the name it lists.

Why: the money that buys protection is often written only in the venue's own book, transcribed
into a statement line by line ("No. 2211  dom 07/04  Sarge ........ 300"). No sentence says who
paid whom, but the form does: a date, the name of who received it, a dotted leader, an amount.
Each such line becomes a Payment (amount, date - in the note's year, else the year the
transcription names before its lines - and the line as its evidence) paid to the person
the line names first ("Sarge", "Skinny semana", "Ruben 3 chicas"); a line that names no one
first ("luz BEL", "multa Paloma") is an expense, not a payment to a person, and is left as money
only. The payer is the book's keeper when the note says whose it is ("taken from the handbag of
Marleny Zelaya Cáceres", "the ledger of X", "belonging to X"). A nickname such as "Sarge" is the
person a note says it is ("Sarge da Sergeant Neal", ``identities``); else it stays a lone Person
node, and who it is, is for the alias candidates of the complicity flags to propose.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ingest.components.base import SentenceIndex, add_mention, add_relation, claimed, ensure_extensions, mentions, text_of
from ingest.components.money import amount_of, currency_of
from ingest.components.region import text_region
from ingest.components.wordshapes import common_words

__all__ = ["LedgerLines"]

METHOD = "workbench.ledger_lines.v1"
_LINE = re.compile(r"^[ \t]*(?:(?:No\.?|N[º°o]\.?|#)[ \t]*\d+[ \t]+)?(?:[A-Za-zéáíóú]{2,4}\.?[ \t]+)?"
                   r"(?P<day>\d{1,2})/(?P<month>\d{1,2})(?:/(?P<year>\d{2,4}))?[ \t]+"
                   r"(?P<label>[^\n.]*?\S)[ \t]*\.{3,}[ \t]*"
                   r"(?P<pre>US\$?|BZ\$?|\$|Q|L)?[ \t]*(?P<amount>\d{1,3}(?:,\d{3})*(?:\.\d\d)?|\d+(?:\.\d\d)?)\b",
                   re.MULTILINE)
_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
_KEEPER = re.compile(r"\b(?:(?:taken|seized|recovered|found|removed)\b[^\n]{0,60}?\bfrom\s+(?:the\s+)?"
                     r"(?:\w+\s+)?(?:of|belonging to)|belonging to|(?:ledger|book|notebook|libro)\s+of|kept by)\s+$",
                     re.IGNORECASE)


@Language.factory("workbench_ledger_lines_v1", assigns=["doc._.wb_mentions", "doc._.wb_relations"],
                  requires=["doc._.wb_mentions"])
def make_ledger_lines(nlp: Language, name: str) -> "LedgerLines":
    return LedgerLines()


class LedgerLines:
    def __init__(self) -> None:
        ensure_extensions()

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        lines = list(_LINE.finditer(text))
        if len(lines) < 2:  # one dotted line is a form field, a ledger has several
            return doc
        index = SentenceIndex(doc)
        keeper = _keeper(doc)
        region = text_region(doc)
        common = common_words(doc)
        year = _year(doc, text[:lines[0].start()])
        for line in lines:
            payee = _payee(doc, line, common)
            if payee is None:
                continue
            start, end = line.start("amount"), line.end("amount")
            if claimed(doc, start, end, {"Payment"}):
                continue
            sent = doc.char_span(line.start(), line.end(), alignment_mode="expand") or index.at(start)
            payment = add_mention(doc, "Payment", start, end, METHOD, confidence=0.75,
                                  amount=amount_of(line.group("amount"), None),
                                  currency=currency_of(line.group("pre"), None, "", region), channel="cash",
                                  date=_date(line, year),
                                  form=f"ledger entry: {line.group('label').strip()}")
            add_relation(doc, "PAID_TO", payment, payee, sent, METHOD, 0.75)
            if keeper is not None and keeper is not payee:
                add_relation(doc, "PAID", keeper, payment, sent, f"{METHOD}:keeper", 0.65)
        return doc


def _payee(doc: Doc, line: re.Match[str], common: frozenset[str]) -> dict[str, Any] | None:
    """The person a ledger line names first: a Person found there, else its first word when that
    is a capitalized name-like word the text never writes in lower case ("Sarge", "Ruben")."""
    start = line.start("label")
    found = [m for m in mentions(doc) if m["label"] == "Person" and line.start("label") <= m["start"] < line.end("label")]
    word = re.match(r"[^\W\d_][\w'’-]*", line.group("label"))
    if word is None or not word.group()[0].isupper():
        return None
    if found and found[0]["start"] == start:
        return found[0]
    if word.group().lower() in common or claimed(doc, start, start + len(word.group())):
        return None
    return add_mention(doc, "Person", start, start + len(word.group()), f"{METHOD}:payee", confidence=0.6,
                       canonical=word.group())


def _keeper(doc: Doc) -> dict[str, Any] | None:
    """Whose book it is: the person named right after "taken from the handbag of", "belonging to"."""
    text = text_of(doc)
    for person in sorted((m for m in mentions(doc) if m["label"] == "Person"), key=lambda m: m["start"]):
        if _KEEPER.search(text[max(0, person["start"] - 90):person["start"]]) \
                and person["props"].get("role") not in {"investigator", "official"}:
            return person
    return None


def _year(doc: Doc, before: str) -> str | None:
    """The year of a line that writes none: the note's date's, else the last year the note writes
    before its first ledger line ("I copied the entries for April 2024"), as a transcription
    without a dated header says which book period it copies."""
    note_date = doc.user_data.get("wb_note_date")
    if note_date:
        return str(note_date)[:4]
    years = _YEAR.findall(before)
    return years[-1] if years else None


def _date(line: re.Match[str], note_year: str | None) -> str | None:
    """The line's day and month (written day first) in the year it gives, else the note's year."""
    year = line.group("year") or note_year
    if year is None:
        return None
    year_number = int(year) + (2000 if len(year) == 2 else 0)
    try:
        return date(year_number, int(line.group("month")), int(line.group("day"))).isoformat()
    except ValueError:
        return None
