"""Transfers written as a record's fields: "sender Marleny Zelaya, receiver Nelson Bonilla, US$450".

Why: a money-transfer receipt or an FIU summary of one names its parties by their fields, not by
a verb - "Western Union receipt: 12/04/2024, sender A, receiver B, El Progreso, US$450.00, paid
out as L11,050.00" - and the parser hangs "paid out" on whichever name it likes, so the grammar
rules made the sender a payee. The fields say it outright: the one after "sender" (remitter,
remitente, ordenante) paid, the one after "receiver" (recipient, beneficiary, payee,
beneficiario, destinatario) was paid. In a sentence with both fields and an amount, the sender
PAID the payment and the payment was PAID_TO the receiver, and any relation the grammar read the
other way round (the sender paid, the receiver paying) is dropped. Sentences without both
fields are left as the grammar read them.
"""
from __future__ import annotations

import re
from spacy.language import Language
from spacy.tokens import Doc

from ingest.components.base import SENTENCE_END, add_relation, ensure_extensions, mentions, ref, relations, text_of

__all__ = ["Remittances"]

METHOD = "workbench.remittance_fields.v1"

_SENDER = re.compile(r"\b(?:sender|remitter|remitente|ordenante)\s*:?\s*\Z", re.IGNORECASE)
_RECEIVER = re.compile(r"\b(?:receiver|recipient|beneficiary|payee|beneficiari[oa]|destinatari[oa])\s*:?\s*\Z",
                       re.IGNORECASE)


@Language.factory("workbench_remittance_fields_v1", assigns=["doc._.wb_relations"],
                  requires=["doc._.wb_mentions", "doc._.wb_relations"])
def make_remittances(nlp: Language, name: str) -> "Remittances":
    return Remittances()


class Remittances:
    """Reads the sender and receiver fields of a transfer sentence into PAID and PAID_TO."""

    def __init__(self) -> None:
        ensure_extensions()

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        if not re.search(r"\b(?:sender|remitter|remitente|ordenante)\b", text, re.IGNORECASE):
            return doc
        cuts = sorted({0, len(text), *(m.end() for m in SENTENCE_END.finditer(text)),
                       *(m.end() for m in re.finditer(r"\n", text))})
        for start, end in zip(cuts, cuts[1:]):
            self._sentence(doc, text, start, end)
        return doc

    @staticmethod
    def _sentence(doc: Doc, text: str, start: int, end: int) -> None:
        """One written sentence (by its full stop or line, not by the parser's cut, which falls
        after "beneficiario:")."""
        inside = [m for m in mentions(doc) if start <= m["start"] < end]
        people = [m for m in inside if m["label"] == "Person"]
        senders = [p for p in people if _SENDER.search(text[max(start, p["start"] - 20):p["start"]])]
        receivers = [p for p in people if _RECEIVER.search(text[max(start, p["start"] - 20):p["start"]])]
        payments = [m for m in inside if m["label"] == "Payment"]
        sent = doc.char_span(start, end, alignment_mode="expand")
        if len(senders) != 1 or len(receivers) != 1 or not payments or sent is None:
            return
        sender, receiver, payment = senders[0], receivers[0], payments[0]
        wrong = {("PAID_TO", *ref(payment), *ref(sender)), ("PAID", *ref(receiver), *ref(payment))}
        relations(doc)[:] = [r for r in relations(doc) if (r["type"], *r["source"], *r["target"]) not in wrong]
        add_relation(doc, "PAID", sender, payment, sent, METHOD, 0.85, relation="sender")
        add_relation(doc, "PAID_TO", payment, receiver, sent, METHOD, 0.85, relation="receiver")

