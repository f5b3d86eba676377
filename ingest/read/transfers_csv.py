"""Money-transfer receipts and wallet exports -> Person, Phone, Account, Payment and Location mentions.

Why: remittances (Western Union, MoneyGram) and mobile wallets (E-Kyash, DigiWallet) are how
debts are collected from victims and how officials are paid. Each receipt becomes a Payment
event ``(sender)-[:PAID]->(Payment)-[:PAID_TO]->(receiver)``, each party ``USES_PHONE`` its
number or ``HOLDS_ACCOUNT`` its account, and the sender is ``SEEN_AT`` the agent location.

Decisions: the Payment key is the receipt id (MTCN, Txn Ref) with spaces and hyphens removed,
so the same receipt cited in a note and in an export can meet; an export without one keys the
row like a call (file sha256 and line). Names are mentions without a key (``canonical`` = the
name as written), left to resolution like names read from notes. A wallet id is the phone
number when the phone type accepts it (Belize's wallets are keyed by the mobile number), else
an account (digits only); an account column is an account. The currency is the currency
column, else the amount's header ("Amount (BZD)"), else the provider's only currency. The
provider a file name names ("ekyash_export", "wu_export") is the channel, with the channel
column's value after it ("E-Kyash P2P"). A status ("Failed", "Reversed") is kept on the Payment
and shown in its caption; the row still loads, since it is no bad row. Phones, accounts,
currency, channel and agent location are optional; when present they must be valid, or the
row is skipped (E011, E016, E018). A name split over two columns ("Sender First Name",
"Sender Last Name") is joined, given name first, and the mention spans the first column.
"""
from __future__ import annotations

import re
from pathlib import PurePosixPath

from graph_schema.model import load_schema
from graph_schema.records import make_id
from graph_schema.types import clean_phone, get_type
from ingest.errors import Errors
from ingest.read.columns import DONE, PROVIDER_CURRENCY
from ingest.read.csv_rows import RowProblem, clean_amount, clean_phone_field, clean_when
from ingest.read.rowrecords import RowRecords
from ingest.read.vocabulary import value_class

__all__ = ["transfer_row", "METHOD"]

METHOD = "transfers_csv"


def transfer_row(rec: RowRecords, region: str = "BZ", date_format: str | None = None) -> None:
    """Fill ``rec`` with one receipt's mentions and relations, or raise ``RowProblem``."""
    receipt = re.sub(r"[\s-]", "", rec.value("receipt_id") or "") or make_id(rec.note.id, rec.row.line)
    sender, receiver = _name(rec, "sender"), _name(rec, "receiver")
    amount = clean_amount(rec.value("amount", required=True) or "", rec.column("amount"))
    rec.date = clean_when(rec.value("date", required=True) or "", rec.column("date"), date_format)[:10]
    provider = value_class(PurePosixPath(rec.note.path).stem, "providers")
    currency = _currency(rec) or rec.layout.hints.get("currency") or PROVIDER_CURRENCY.get(provider or "")
    ids = {side: _identifiers(rec, side, region) for side in ("sender", "receiver")}
    channel, place, status = _channel(rec, provider), rec.value("agent_location"), rec.value("status")
    caption = f"{amount:,.2f} {currency or ''} {channel or ''} {rec.date}"
    if status and set(re.findall(r"\w+", status.lower())).isdisjoint(DONE):
        caption += f" ({status.lower()})"
    payment = rec.event("Payment", receipt, {
        "amount": amount, "currency": currency, "channel": channel, "date": rec.date, "status": status,
        "record": f"{rec.note.path}:{rec.row.line}", "caption": " ".join(caption.split()),
    })
    people = {"sender": rec.mention("Person", "sender_name", canonical=sender),
              "receiver": rec.mention("Person", "receiver_name", canonical=receiver)}
    rec.relate("PAID", people["sender"], payment)
    rec.relate("PAID_TO", payment, people["receiver"])
    for side, found in ids.items():
        for label, name, key in found:  # a phone or an account: its use relation (USES_PHONE, HOLDS_ACCOUNT)
            rec.relate(load_schema().holder_types(label)[0], people[side], rec.mention(label, name, key=key))
    if place:
        location = rec.mention("Location", "agent_location", canonical=" ".join(place.split()))
        rec.relate("SEEN_AT", people["sender"], location)


def _name(rec: RowRecords, side: str) -> str:
    """A party's name as written, its last-name column after it when the export splits the name."""
    parts = [rec.value(f"{side}_name", required=True) or "", rec.value(f"{side}_last_name") or ""]
    return " ".join(" ".join(parts).split())


def _identifiers(rec: RowRecords, side: str, region: str) -> list[tuple[str, str, str]]:
    """(label, field, key) of a party's phone, wallet and account, each checked by its type."""
    out: list[tuple[str, str, str]] = []
    phone = rec.value(f"{side}_phone")
    if phone:
        out.append(("Phone", f"{side}_phone", clean_phone_field(phone, rec.column(f"{side}_phone"), region)))
    wallet = rec.value(f"{side}_wallet")
    number = clean_phone(wallet, region) if wallet else None
    if wallet and number:
        out.append(("Phone", f"{side}_wallet", number))
    elif wallet:
        out.append(("Account", f"{side}_wallet", _account(wallet, rec.column(f"{side}_wallet"))))
    account = rec.value(f"{side}_account")
    if account:
        out.append(("Account", f"{side}_account", _account(account, rec.column(f"{side}_account"))))
    return out


def _account(value: str, column: str) -> str:
    """An account number as its digits (the Account key); E018 when it has too few."""
    digits = re.sub(r"\D", "", value)
    if len(digits) < 4:
        raise RowProblem(Errors.E018.format(value=value, column=column))
    return digits


def _channel(rec: RowRecords, provider: str | None) -> str | None:
    value = rec.value("channel")
    if value and (provider is None or value_class(value, "providers")):
        return value
    return f"{provider} {value}" if provider and value else provider


def _currency(rec: RowRecords) -> str | None:
    value = rec.value("currency")
    if value is None:
        return None
    currency = get_type("currency").clean(value)
    if currency is None:
        raise RowProblem(Errors.E016.format(value=value, column=rec.column("currency")))
    return str(currency)
