"""Money-transfer receipts -> Person, Phone, Payment and Location mentions and their relations.

Why: remittances (Western Union, MoneyGram, DigiWallet, E-Kyash) are how debts are collected
from victims and how officials are paid. Each receipt becomes a Payment event
``(sender)-[:PAID]->(Payment)-[:PAID_TO]->(receiver)``, each party ``USES_PHONE`` its number
and the sender is ``SEEN_AT`` the agent location where the money was sent.

Decisions: the Payment key is the receipt id (MTCN) with spaces and hyphens removed, so the
same receipt cited in a note and in an export can meet. Names are mentions without a key
(``canonical`` = the name as written), left to resolution like names read from notes. Phones,
currency, channel and agent location are optional; when present they must be valid, or the
row is skipped (E011, E016).
"""
from __future__ import annotations

import re

from graph_schema.types import get_type
from ingest.errors import Errors
from ingest.read.csv_rows import RowProblem, clean_amount, clean_phone_field, clean_when
from ingest.read.rowrecords import RowRecords

__all__ = ["transfer_row", "METHOD"]

METHOD = "transfers_csv"


def transfer_row(rec: RowRecords, region: str = "BZ", date_format: str | None = None) -> None:
    """Fill ``rec`` with one receipt's mentions and relations, or raise ``RowProblem``."""
    receipt = re.sub(r"[\s-]", "", rec.value("receipt_id", required=True) or "")
    sender = " ".join((rec.value("sender_name", required=True) or "").split())
    receiver = " ".join((rec.value("receiver_name", required=True) or "").split())
    amount = clean_amount(rec.value("amount", required=True) or "", rec.column("amount"))
    rec.date = clean_when(rec.value("date", required=True) or "", rec.column("date"), date_format)[:10]
    currency = _currency(rec)
    phones = {side: _phone(rec, f"{side}_phone", region) for side in ("sender", "receiver")}
    channel, place = rec.value("channel"), rec.value("agent_location")
    caption = f"{amount:,.2f} {currency or ''} {channel or ''} {rec.date}"
    payment = rec.event("Payment", receipt, {
        "amount": amount, "currency": currency, "channel": channel, "date": rec.date,
        "record": f"{rec.note.path}:{rec.row.line}", "caption": " ".join(caption.split()),
    })
    people = {"sender": rec.mention("Person", "sender_name", canonical=sender),
              "receiver": rec.mention("Person", "receiver_name", canonical=receiver)}
    rec.relate("PAID", people["sender"], payment)
    rec.relate("PAID_TO", payment, people["receiver"])
    for side, phone in phones.items():
        if phone:
            rec.relate("USES_PHONE", people[side], rec.mention("Phone", f"{side}_phone", key=phone))
    if place:
        location = rec.mention("Location", "agent_location", canonical=" ".join(place.split()))
        rec.relate("SEEN_AT", people["sender"], location)


def _phone(rec: RowRecords, name: str, region: str) -> str | None:
    value = rec.value(name)
    return clean_phone_field(value, rec.column(name), region) if value else None


def _currency(rec: RowRecords) -> str | None:
    value = rec.value("currency")
    if value is None:
        return None
    currency = get_type("currency").clean(value)
    if currency is None:
        raise RowProblem(Errors.E016.format(value=value, column=rec.column("currency")))
    return str(currency)
