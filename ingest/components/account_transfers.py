"""Money between accounts as a financial analysis writes it, and whose account each is.

Why: the FIU's summary says it in one line - "current account 21-0044173, Herradura Enterprises
Ltd (signatories ...): standing order of BZ$2,000.00 ... to savings account 0450-118827 in the name
of Glenda Cruz" - and no verb has a person for a subject, so the relation finder's grammatical
roles find nothing. Two readings of such sentences:

- an account number followed by a comma and a company or person ("account 21-0044173, Herradura
  Enterprises Ltd") is that holder's account (``HOLDS_ACCOUNT``), as "in the name of" already is;
- a sentence with a word of transferring (standing order, transfer, deposit, wire, remittance,
  transferencia, depósito) and an amount is a payment from the account written before the amount
  to the account written after it behind "to"/"into"/"a la cuenta" (``PAID`` from the first
  account, ``PAID_TO`` the second): accounts stand for their holders in the complicity rules.
"""
from __future__ import annotations

import re
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ingest.components.base import add_relation, ensure_extensions, mentions, span_text, text_of

__all__ = ["AccountTransfers"]

METHOD = "workbench.account_transfers.v1"
_TRANSFER = re.compile(r"\b(?:standing\s+order|transfer(?:s|red)?|deposit(?:s|ed)?|wire[sd]?|remittance|"
                       r"transferencia|dep[oó]sito|giro)\b", re.IGNORECASE)
_TO = re.compile(r"\b(?:to|into|a\s+la\s+cuenta|al?|hacia|en\s+la\s+cuenta)\b[^.;:]{0,60}$", re.IGNORECASE)
_HOLDER_GAP = re.compile(r"^\s*,\s*[\"“]?\s*$")
# "(signatories K. Chen Wu and G. Cruz)", "sole signatory M. A. Guerra", "firmante: ..."
_SIGNATORY = re.compile(r"\b(?:signator(?:y|ies)|firmantes?|titular(?:es)?)\b\s*:?\s*$", re.IGNORECASE)


@Language.factory("workbench_account_transfers_v1", assigns=["doc._.wb_relations"], requires=["doc._.wb_mentions"])
def make_account_transfers(nlp: Language, name: str) -> "AccountTransfers":
    return AccountTransfers()


class AccountTransfers:
    def __init__(self) -> None:
        ensure_extensions()

    def __call__(self, doc: Doc) -> Doc:
        accounts = [m for m in mentions(doc) if m["label"] == "Account"]
        if not accounts:
            return doc
        text = text_of(doc)
        for sent in doc.sents:
            here = sorted((m for m in mentions(doc) if sent.start_char <= m["start"] < sent.end_char),
                          key=lambda m: m["start"])
            held = [m for m in here if m["label"] == "Account"]
            if not held:
                continue
            self._holders(doc, sent, here, held, text)
            if _TRANSFER.search(span_text(sent)):
                self._transfer(doc, sent, here, held, text)
        return doc

    @staticmethod
    def _holders(doc: Doc, sent: Any, here: list[dict[str, Any]], held: list[dict[str, Any]], text: str) -> None:
        for account in held:
            after = next((m for m in here if m["start"] >= account["end"]), None)
            if after is not None and after["label"] in ("Organization", "Person") \
                    and _HOLDER_GAP.match(text[account["end"]:after["start"]]):
                add_relation(doc, "HOLDS_ACCOUNT", after, account, sent, f"{METHOD}:holder", 0.75)
            line_end = text.find("\n", account["end"])
            line = [m for m in mentions(doc) if account["end"] <= m["start"] < (line_end if line_end >= 0 else len(text))]
            for person in _signatories(sorted(line, key=lambda m: m["start"]), account, text):
                add_relation(doc, "HOLDS_ACCOUNT", person, account, sent, f"{METHOD}:signatory", 0.75,
                             relation="signatory")

    @staticmethod
    def _transfer(doc: Doc, sent: Any, here: list[dict[str, Any]], held: list[dict[str, Any]], text: str) -> None:
        payments = [m for m in here if m["label"] == "Payment" and m["props"].get("amount") is not None]
        if not payments:
            return
        payment = payments[0]
        source = [a for a in held if a["end"] <= payment["start"]]
        target = [a for a in held if a["start"] >= payment["end"] and _TO.search(text[payment["end"]:a["start"]])]
        if source and target:
            add_relation(doc, "PAID", source[-1], payment, sent, METHOD, 0.75)
            add_relation(doc, "PAID_TO", payment, target[0], sent, METHOD, 0.75)


def _signatories(here: list[dict[str, Any]], account: dict[str, Any], text: str) -> list[dict[str, Any]]:
    """The people named as the account's signatories after it, before the next account."""
    later = [m for m in here if m["start"] >= account["end"]]
    stop = next((m["start"] for m in later if m["label"] == "Account"), len(text))
    people = [m for m in later if m["label"] == "Person" and m["start"] < stop]
    found: list[dict[str, Any]] = []
    for person in people:
        before = text[account["end"]:person["start"]]
        cue = _SIGNATORY.search(re.split(r"\band\b|\by\b|,", before)[-1] if found else before)
        if cue or (found and re.fullmatch(r"\s*(?:,|and|y)\s*", text[found[-1]["end"]:person["start"]])):
            found.append(person)
        elif found:
            break
    return found
