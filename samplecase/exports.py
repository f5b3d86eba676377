"""The sample case's CSV exports: call detail records and money-transfer receipts.

Why: exports are the hard evidence that corroborates the notes, so they are drawn from the same
plan: every CALLED fact becomes calls between the two people's phones, every non-cash PAID fact
becomes a receipt, and regular repeats of those ties fill the rest (no row involves anyone
outside the cast, so every row is explained by the truth).

``calls.csv``: ``CALLING_NBR,CALLED_NBR,START_TIME,DURATION_SEC,CELL_SITE``; numbers as a telco
writes them (``5016221234`` or ``6221234`` in Belize, ``00`` + country code abroad), START_TIME
``2026-03-14 21:05:33``. ``transfers.csv``: ``MTCN,SENDER_NAME,SENDER_PHONE,RECEIVER_NAME,
RECEIVER_PHONE,AMOUNT,CURRENCY,SEND_DATE,CHANNEL,AGENT_LOCATION``; names upper-case without
accents as receipts print them, AMOUNT ``500.00``, SEND_DATE ISO, an empty phone when the person
has none. ``broken_rows_example.csv`` (only on request) has the transfers columns and rows broken
on purpose (see ``write_broken_rows``).
"""
from __future__ import annotations

import csv
import random
import unicodedata
from pathlib import Path
from typing import Any

from samplecase import identifiers as ids
from samplecase.cast import Cast
from samplecase.plan import Fact

__all__ = ["write_calls", "write_transfers", "write_broken_rows", "CALL_COLUMNS", "TRANSFER_COLUMNS"]

CALL_COLUMNS = ("CALLING_NBR", "CALLED_NBR", "START_TIME", "DURATION_SEC", "CELL_SITE")
TRANSFER_COLUMNS = ("MTCN", "SENDER_NAME", "SENDER_PHONE", "RECEIVER_NAME", "RECEIVER_PHONE", "AMOUNT",
                    "CURRENCY", "SEND_DATE", "CHANNEL", "AGENT_LOCATION")
_SITES = ("OW-CENTRAL-2", "OW-TRINIDAD-1", "CY-SANIGNACIO-3", "CY-BENQUE-1", "CZ-SANTAELENA-1",
          "CZ-TOWN-2", "BZ-CITY-7", "BZ-LADYVILLE-1", "SC-DANGRIGA-1", "TO-PG-1")
_AGENTS = ("Orange Walk Town", "Corozal Town", "Benque Viejo del Carmen", "San Ignacio", "Belize City",
           "Chetumal", "Melchor de Mencos", "San Pedro Sula", "Guatemala City", "San Salvador")


def _stamp(rng: random.Random) -> str:
    return (f"2026-{rng.randint(1, 10):02d}-{rng.randint(1, 28):02d} "
            f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}")


def _is_person(ref: str) -> bool:
    return ref.startswith("p") and ref[1:].isdigit()


def write_calls(path: Path, rng: random.Random, cast: Cast, facts: list[Fact], extra: int) -> list[dict[str, Any]]:
    """Write calls.csv; return the CALLED ties it supports (source, target as names)."""
    pairs = [(f.source, f.target, int(f.data.get("n", 3))) for f in facts if f.type == "CALLED"
             if cast.get(f.source).phones and cast.get(f.target).phones]
    rows: list[tuple[str, ...]] = []
    for k in range(sum(n for *_, n in pairs) + extra):
        a, b, _ = pairs[k % len(pairs)] if k < len(pairs) else rng.choice(pairs)
        rows.append((_stamp(rng), ids.csv_number(rng, rng.choice(cast.get(a).phones)),
                     ids.csv_number(rng, rng.choice(cast.get(b).phones)),
                     str(rng.choice((rng.randint(5, 90), rng.randint(30, 900)))), rng.choice(_SITES)))
    rows.sort()
    with path.open("w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh, lineterminator="\n")
        out.writerow(CALL_COLUMNS)
        out.writerows((r[1], r[2], r[0], r[3], r[4]) for r in rows)
    seen = dict.fromkeys((a, b) for a, b, _ in pairs)
    return [{"type": "CALLED", "source": cast.get(a).name, "target": cast.get(b).name} for a, b in seen]


def _receipt_name(name: str) -> str:
    text = unicodedata.normalize("NFKD", name)
    return "".join(c for c in text if not unicodedata.combining(c)).upper()


def write_transfers(path: Path, rng: random.Random, cast: Cast, facts: list[Fact], extra: int) -> list[dict[str, Any]]:
    """Write transfers.csv; return one truth payment per row."""
    paid = [f for f in facts if f.type == "PAID" and f.data["channel"] != "cash"
            and _is_person(f.source) and _is_person(f.target)]
    payments: list[dict[str, Any]] = []
    for k in range(len(paid) + extra):
        f = paid[k] if k < len(paid) else rng.choice(paid)
        data = dict(f.data) if k < len(paid) else {
            "amount": float(round(f.data["amount"] * rng.uniform(0.5, 1.5), -1) or 50.0),
            "currency": f.data["currency"], "channel": f.data["channel"],
            "date": f"2026-{rng.randint(1, 10):02d}-{rng.randint(1, 28):02d}"}
        payments.append({"payer": cast.get(f.source).name, "payee": cast.get(f.target).name, **data,
                         "note": "exports/transfers.csv", "mtcn": f"{rng.randint(10**9, 10**10 - 1)}",
                         "_refs": (f.source, f.target)})
    payments.sort(key=lambda p: (p["date"], p["mtcn"]))
    with path.open("w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh, lineterminator="\n")
        out.writerow(TRANSFER_COLUMNS)
        for p in payments:
            s, r = (cast.get(x) for x in p.pop("_refs"))
            out.writerow((p["mtcn"], _receipt_name(s.name), _phone(rng, s.phones), _receipt_name(r.name),
                          _phone(rng, r.phones), f"{p['amount']:.2f}", p["currency"], p["date"], p["channel"],
                          rng.choice(_AGENTS)))
    return payments


def _phone(rng: random.Random, phones: list[str]) -> str:
    return ids.csv_number(rng, phones[0]) if phones else ""


def write_broken_rows(path: Path) -> None:
    """A transfers-shaped CSV for the readers' error tests: lines 2 and 8 are good, line 3 has too
    few columns, 4 a bad amount, 5 a bad date, 6 a bad phone and currency, 7 is blank, 9 has an
    extra column and 10 opens a quote it never closes."""
    rows = [
        ",".join(TRANSFER_COLUMNS),
        "4821937465,ANA LOPEZ,6221234,JUAN PEREZ,6101234,250.00,BZD,2026-03-14,Western Union,Orange Walk Town",
        "4821937466,ANA LOPEZ,6221234,JUAN PEREZ",
        "4821937467,ANA LOPEZ,6221234,JUAN PEREZ,6101234,two hundred,BZD,2026-03-15,MoneyGram,Corozal Town",
        "4821937468,ANA LOPEZ,6221234,JUAN PEREZ,6101234,300.00,BZD,2026-13-45,MoneyGram,Corozal Town",
        "4821937469,ANA LOPEZ,12,JUAN PEREZ,6101234,300.00,XYZ,2026-03-16,MoneyGram,Corozal Town",
        "",
        "4821937470,ANA LOPEZ,6221234,JUAN PEREZ,6101234,80.00,BZD,2026-03-19,E-Kyash,Belize City",
        "4821937471,ANA LOPEZ,6221234,JUAN PEREZ,6101234,120.00,BZD,2026-03-18,E-Kyash,Belize City,EXTRA",
        '4821937472,"ANA LOPEZ,6221234,JUAN PEREZ,6101234,300.00,BZD,2026-03-17,cash,Belize City',
    ]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
