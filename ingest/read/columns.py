"""The words CSV exports use for their columns and values, as data (reviewed like code).

Why: every carrier, remittance company, wallet and phone-extraction tool names its columns its
own way (``CALLING_NBR``, ``A_PARTY``, ``Originating``, ``Party Number``; ``MTCN``, ``Txn Ref``,
``Payer Wallet``). Listing every exact header name misses the next export, so a column is read
by its *words*: ``Payer Wallet`` is a sender word plus a wallet word, whatever the export.
``ingest.read.vocabulary`` applies these tables; nothing here is code but the small ``Shape``
record that names a layout's parts.

- ``WORDS``: classes of interchangeable header words (an UPPERCASE slot in a term).
- ``TERMS[kind][field]``: each term is the words a header must contain, one slot per word, a
  class or a literal lowercase word ("CALLER NUMBER" = a caller word and a number word). The
  term with the most slots wins a column; each column serves one field.
- ``NEVER[kind][field]``: words (or classes) that rule a column out ("End Time" is no start,
  "Fee Amount" no amount, "Receiver City" no agent location).
- ``LAYOUTS[kind]``: the shapes an export can have, tried in order; ``requires`` must all be
  found, ``stand_ins`` lets a missing field use another field's column. A *pairs* call export
  has both numbers in columns; a *party* export (a handset's call log, or a carrier's
  subscriber-centred CDR) has the other party and a direction, the log's own line being a
  column (``subscriber``), a line above the header, the mapping or the file name.
- ``VALUES``: words of the values: call directions, kinds of call, and the money-transfer
  providers a file name may name; ``DONE``: statuses of a row that went through.

Words are compared after lowercasing and stripping accents, so Spanish headers (``Duración``,
``Número``) match too.
"""
from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["DONE", "LAYOUTS", "NEVER", "PROVIDER_CURRENCY", "STAND_INS", "TERMS", "VALUES", "WORDS", "Shape"]


@dataclass(frozen=True)
class Shape:
    """One way an export can be laid out: the fields it must have, who may stand in for whom, and
    the ``VALUES`` class a stand-in's first values must mostly have (a type column stands in for
    a direction only when it holds directions: MO / MT, not Voice / SMS)."""

    shape: str
    requires: tuple[str, ...]
    stand_ins: dict[str, tuple[str, ...]] = field(default_factory=dict)
    values: dict[str, str] = field(default_factory=dict)


WORDS: dict[str, tuple[str, ...]] = {
    "NUMBER": ("number", "nbr", "num", "no", "nr", "msisdn", "phone", "tel", "telephone", "mobile", "party", "line",
               "side", "numero", "telefono"),
    "CALLER": ("calling", "caller", "originating", "originator", "origin", "orig", "from", "source", "src", "origen",
               "llamante"),
    "CALLEE": ("called", "callee", "terminating", "terminated", "destination", "dest", "dst", "to", "dialed",
               "dialled", "recipient", "receiving", "destino", "llamado"),
    "OWN": ("subscriber", "served", "own", "target", "device", "handset", "owner", "local", "home", "abonado"),
    "OTHER": ("other", "remote", "counterpart", "counterparty", "correspondent", "peer", "third"),
    "START": ("start", "begin", "started", "beginning", "setup", "inicio"),
    "DATE": ("date", "day", "fecha", "dia"),
    "TIME": ("time", "hour", "hora"),
    "SENDER": ("sender", "payer", "remitter", "originator", "ordering", "ordered", "debtor", "sending", "remitente",
               "ordenante", "pagador", "emisor"),
    "RECEIVER": ("receiver", "payee", "beneficiary", "recipient", "creditor", "receiving", "benef",
                 "beneficiario", "receptor", "destinatario"),
    "PHONE": ("phone", "tel", "telephone", "mobile", "msisdn", "cell", "cellphone", "number", "nbr", "no", "celular",
              "telefono", "movil"),
    "WALLET": ("wallet", "billetera"),
    "ACCOUNT": ("account", "acct", "acc", "iban", "card", "cuenta"),
    "NAME": ("name", "fullname", "names", "customer", "client", "holder", "nombre", "cliente"),
    "LAST": ("last", "surname", "surnames", "family", "apellido", "apellidos", "lastname"),
    "TXN": ("txn", "transaction", "trans", "tx", "trx", "transfer", "payment", "receipt", "operation", "transaccion",
            "operacion", "envio"),
    "ID": ("id", "ref", "reference", "no", "number", "nbr", "num", "code", "numero", "codigo"),
}

TERMS: dict[str, dict[str, tuple[str, ...]]] = {
    "calls": {
        "caller": ("CALLER NUMBER", "CALLER", "a NUMBER", "aparty", "anumber", "anum", "anr"),
        "callee": ("CALLEE NUMBER", "CALLEE", "b NUMBER", "bparty", "bnumber", "bnum", "bnr"),
        "subscriber": ("OWN NUMBER", "msisdn", "subscriber"),
        "other_party": ("OTHER NUMBER", "OTHER", "contact NUMBER", "party number", "party", "number", "phone",
                        "phone number", "numero", "telefono"),
        "direction": ("direction", "dir", "in out", "inout", "io", "mo mt", "direccion", "sentido"),
        "start": ("START DATE", "START TIME", "START", "DATE TIME", "timestamp", "datetime", "time stamp", "DATE",
                  "event DATE", "call START"),
        "time": ("TIME",),
        "duration": ("duration", "dur", "seconds", "secs", "sec", "length", "minutes", "mins", "billsec", "talk TIME",
                     "air TIME", "airtime", "duracion", "segundos", "segs"),
        "cell_site": ("cell id", "cell site", "cell tower", "cell", "site", "tower", "bts", "cgi", "lac", "sector",
                      "antenna", "location", "celda", "antena", "radiobase"),
        "kind": ("call type", "event type", "record type", "service type", "type", "service", "kind", "event",
                 "tipo"),
        "status": ("call status", "call result", "status", "result", "outcome", "state", "estado"),
        "contact_name": ("contact name", "saved as", "saved name", "display name", "contact", "name", "alias",
                         "nombre", "contacto"),
    },
    "transfers": {
        "receipt_id": ("TXN ID", "mtcn", "receipt", "reference", "ref", "control ID", "confirmation", "folio",
                       "referencia"),
        "sender_name": ("SENDER NAME", "SENDER", "from NAME"),
        "sender_last_name": ("SENDER LAST NAME", "from LAST NAME", "SENDER LAST"),
        "sender_wallet": ("SENDER WALLET", "from WALLET"),
        "sender_phone": ("SENDER PHONE", "from PHONE"),
        "sender_account": ("SENDER ACCOUNT", "from ACCOUNT", "debit ACCOUNT"),
        "receiver_name": ("RECEIVER NAME", "RECEIVER", "to NAME"),
        "receiver_last_name": ("RECEIVER LAST NAME", "to LAST NAME", "RECEIVER LAST"),
        "receiver_wallet": ("RECEIVER WALLET", "to WALLET"),
        "receiver_phone": ("RECEIVER PHONE", "to PHONE"),
        "receiver_account": ("RECEIVER ACCOUNT", "to ACCOUNT", "credit ACCOUNT"),
        "amount": ("amount sent", "send amount", "amount", "amt", "principal", "value", "sum", "monto", "importe"),
        "currency": ("currency code", "currency", "ccy", "cur", "curr", "moneda", "divisa"),
        "date": ("TXN DATE", "send DATE", "DATE TIME", "DATE", "timestamp", "datetime", "created", "posted"),
        "channel": ("payment method", "channel", "service", "provider", "method", "product", "network", "canal"),
        "agent_location": ("agent location", "send location", "agent city", "agent", "location", "branch", "outlet",
                           "city", "store", "sucursal", "agencia"),
        "status": ("TXN status", "status", "state", "result", "outcome", "estado"),
    },
}

_NO_SIDE = ("SENDER", "RECEIVER", "from", "to")
NEVER: dict[str, dict[str, tuple[str, ...]]] = {
    "calls": {
        "start": ("end", "stop", "finish", "released", "release", "birth"),
        "time": ("end", "stop", "finish", "released", "release", "zone", "tz", "talk", "air"),
        "contact_name": ("cell", "site", "tower", "location", "sector"),
        "other_party": ("name", "cell", "site", "tower"),
    },
    "transfers": {
        "sender_name": ("PHONE", "WALLET", "ACCOUNT", "LAST", "id", "country", "city", "location", "address", "bank"),
        "receiver_name": ("PHONE", "WALLET", "ACCOUNT", "LAST", "id", "country", "city", "location", "address",
                          "bank"),
        "amount": ("fee", "fees", "charge", "charges", "commission", "tax", "rate", "balance", "exchange", "comision",
                   "DATE", "TIME"),
        "date": ("birth", "dob", "expiry", "expiration", "expires", "issue", "issued"),
        "agent_location": _NO_SIDE,
        "receipt_id": _NO_SIDE,
        "currency": ("rate", "exchange"),
    },
}

# A missing field may use another field's column, in every layout of the kind.
STAND_INS: dict[str, dict[str, tuple[str, ...]]] = {
    "calls": {"start": ("time",)},
    "transfers": {},
}

LAYOUTS: dict[str, tuple[Shape, ...]] = {
    "calls": (
        Shape("pairs", ("caller", "callee", "start")),
        Shape("party", ("other_party", "direction", "start")),
        # "MSISDN, B_NUMBER, Direction": the lone number column is the other party.
        Shape("party", ("other_party", "direction", "start"), {"other_party": ("callee", "caller")}),
        # "Number, Type, Date" (a phone's own log): the type column gives the direction.
        Shape("party", ("other_party", "direction", "start"), {"direction": ("kind",)}, {"direction": "direction"}),
        # "Subscriber, B-Number, Event Type (MO/MT)": both at once.
        Shape("party", ("other_party", "direction", "start"), {"other_party": ("callee", "caller"),
                                                               "direction": ("kind",)}, {"direction": "direction"}),
        # "MSISDN, Called Number, Start" without a direction: the subscriber called.
        Shape("pairs", ("caller", "callee", "start"), {"caller": ("subscriber",)}),
    ),
    "transfers": (
        Shape("pairs", ("sender_name", "receiver_name", "amount", "date")),
    ),
}

VALUES: dict[str, dict[str, tuple[str, ...]]] = {
    # words of a direction or type value -> the direction seen from the log's own line
    "direction": {
        "out": ("outgoing", "out", "o", "mo", "moc", "originating", "orig", "dialed", "dialled", "made", "sent",
                "outbound", "saliente", "enviado", "enviada", "realizada"),
        "in": ("incoming", "in", "i", "mt", "mtc", "terminating", "received", "missed", "rejected", "declined",
               "blocked", "inbound", "entrante", "recibida", "recibido", "perdida"),
    },
    # words of a type value -> the schema's Call.kind (first class that matches wins)
    "kind": {
        "sms": ("sms", "text", "mms", "message", "mensaje"),
        "whatsapp": ("whatsapp", "wa"),
        "voice": ("voice", "call", "moc", "mtc", "mo", "mt", "incoming", "outgoing", "missed", "rejected", "in",
                  "out", "llamada", "voz"),
    },
    # money-transfer providers a file name may name: name -> words
    "providers": {
        "E-Kyash": ("ekyash", "e kyash"),
        "DigiWallet": ("digiwallet", "digi wallet"),
        "Western Union": ("western union", "westernunion", "wu"),
        "MoneyGram": ("moneygram", "money gram", "mgram"),
        "Ria": ("ria",),
        "Remitly": ("remitly",),
    },
}
# The only currency of a provider's accounts, when it has one (Belize's mobile wallets).
PROVIDER_CURRENCY: dict[str, str] = {"E-Kyash": "BZD", "DigiWallet": "BZD"}
# Status words of a row that did go through; any other status is shown in the caption.
DONE: tuple[str, ...] = ("completed", "complete", "success", "successful", "succeeded", "paid", "ok", "approved",
                         "settled", "done", "connected", "answered", "completado", "pagado", "exitoso")
