"""Issue 13: a transfer written as a record's fields - the sender paid, the receiver was paid (``remittances``)."""
from __future__ import annotations

import pytest

from tests.ingest.conftest import linked


def money(nlp, text):
    return sorted((rel_type, source, target) for rel_type, source, target, _ in linked(nlp, text)
                  if rel_type in {"PAID", "PAID_TO"})


@pytest.mark.parametrize("text, sender, receiver, amount", [
    ("Western Union receipt found in the office: 02/05/2024, sender Ana Pop Choc, receiver Luis Mejia Soto, "
     "San Pedro Sula, Honduras, US$300.00, paid out as L7,400.00.", "Ana Pop Choc", "Luis Mejia Soto", "US$300.00"),
    ("MoneyGram slip of 03/05/2024: remitente: Ana Pop Choc, beneficiario: Luis Mejia Soto, Tegucigalpa, US$300.00.",
     "Ana Pop Choc", "Luis Mejia Soto", "US$300.00"),
])
def test_the_sender_paid_and_the_receiver_was_paid(nlp, text, sender, receiver, amount):
    assert money(nlp, text) == [("PAID", sender, amount), ("PAID_TO", amount, receiver)]


def test_a_sentence_without_both_fields_is_left_to_the_grammar(nlp):
    assert money(nlp, "Carlos Reyes sent BZ$500 to Ana Pop on Friday.") == [
        ("PAID", "Carlos Reyes", "BZ$500"), ("PAID_TO", "BZ$500", "Ana Pop")]
