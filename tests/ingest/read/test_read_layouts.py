"""CSV layouts the unit receives, recognised by the words of their headers (issue 13 item 3):
carrier CDRs, wallet and remittance exports, call logs from seized handsets, unknown layouts."""
from __future__ import annotations

from pathlib import Path

import pytest

from ingest.errors import IngestError, code_of
from ingest.read import detect_layout, mapping_from, read_export, read_file
from ingest.read.handset import CONTACT_METHOD
from ingest.results import Extraction


def _export(tmp_path: Path, name: str, text: str, **mapping: object) -> Extraction:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_export(read_file(path, tmp_path, mapping=mapping_from(mapping) if mapping else None))


def _facts(extraction: Extraction) -> set[tuple[str, str, str]]:
    """Relations as (type, source, target), each end its key, canonical name or label."""
    ends = {m.id: m.key if m.label in ("Phone", "Account") else m.canonical or m.label for m in extraction.mentions}
    return {(r.type, ends[r.source], ends[r.target]) for r in extraction.relations}


def _calls(extraction: Extraction) -> list[tuple[str | None, str | None]]:
    """Each Call as (caller phone, callee phone), None for an end the log does not give."""
    keys = {m.id: m.key for m in extraction.mentions}
    out = []
    for call in (m for m in extraction.mentions if m.label == "Call"):
        caller = next((keys[r.source] for r in extraction.relations if r.type == "CALLED" and r.target == call.id), None)
        callee = next((keys[r.target] for r in extraction.relations if r.type == "CALL_TO" and r.source == call.id), None)
        out.append((caller, callee))
    return out


@pytest.mark.parametrize("header, kind, shape, expect", [
    ("Originating,Terminating,Start (local),Seconds,Site", "calls", "pairs",
     {"caller": "Originating", "callee": "Terminating", "start": "Start (local)", "duration": "Seconds"}),
    ("Calling Party,Called Party,Call Start Time,Call Duration,Cell ID", "calls", "pairs",
     {"caller": "Calling Party", "callee": "Called Party", "start": "Call Start Time", "cell_site": "Cell ID"}),
    ("Número A,Número B,Fecha,Hora,Duración", "calls", "pairs",
     {"caller": "Número A", "callee": "Número B", "start": "Fecha", "time": "Hora"}),
    ("MSISDN,Other Party,Direction,Start Date,Start Time", "calls", "party",
     {"subscriber": "MSISDN", "other_party": "Other Party", "direction": "Direction", "time": "Start Time"}),
    ("Index,Direction,Party Number,Contact Name,Timestamp,Duration (hh:mm:ss),Status", "calls", "party",
     {"other_party": "Party Number", "contact_name": "Contact Name", "status": "Status"}),
    ("Number,Name,Type,Date,Duration", "calls", "party",
     {"other_party": "Number", "contact_name": "Name", "direction": "Type"}),
    ("Txn Ref,Date/Time,Payer Wallet,Payer Name,Payee Wallet,Payee Name,Amount (BZD),Channel,Status", "transfers",
     "pairs", {"receipt_id": "Txn Ref", "sender_wallet": "Payer Wallet", "sender_name": "Payer Name",
               "receiver_wallet": "Payee Wallet", "amount": "Amount (BZD)", "date": "Date/Time"}),
    ("Transaction Date,From Wallet,From Name,To Wallet,To Name,Amount,Fee,Balance,Reference", "transfers", "pairs",
     {"sender_wallet": "From Wallet", "receiver_name": "To Name", "amount": "Amount", "receipt_id": "Reference"}),
    ("Reference,Value Date,Debit Account,Credit Account,Beneficiary Name,Remitter Name,Amount", "transfers",
     "pairs", {"sender_account": "Debit Account", "sender_name": "Remitter Name", "date": "Value Date"}),
])
def test_layout_from_header_words(header: str, kind: str, shape: str, expect: dict[str, str]) -> None:
    columns = header.split(",")
    layout = detect_layout(columns)
    assert (layout.kind, layout.shape) == (kind, shape)
    assert {f: columns[layout.columns[f]] for f in expect} == expect


def test_a_type_column_is_a_direction_only_when_it_holds_directions() -> None:
    header = ["Subscriber", "B-Number", "Event Type", "Start"]
    assert detect_layout(header, sample=[["6129037", "6274410", "MT", "2024-04-10 15:10"]]).shape == "party"
    voice = detect_layout(["MSISDN", "Called Number", "Type", "Start"], sample=[["6129037", "6274410", "Voice", "x"]])
    assert voice.shape == "pairs" and voice.columns["caller"] == 0


def test_carrier_cdr_with_date_and_time_columns(tmp_path: Path) -> None:
    text = ("Calling Party,Called Party,Date,Time,Duration (min),Cell\n"
            '612-9037,00529831145520,09/04/2024,18:20:11,2,"CZL, SJQ-1"\n')
    extraction = _export(tmp_path, "cdr.csv", text)
    call = next(m for m in extraction.mentions if m.label == "Call")
    assert extraction.errors == ()
    assert (call.props["at"], call.props["duration_s"], call.props["cell_site"]) == ("2024-04-09T18:20:11", 120,
                                                                                     "CZL, SJQ-1")
    assert _calls(extraction) == [("+5016129037", "+529831145520")]


def test_wallet_export(tmp_path: Path) -> None:
    text = ("Txn Ref,Date/Time,Payer Wallet,Payer Name,Payee Wallet,Payee Name,Amount (BZD),Channel,Status\n"
            'DW-001,2024-04-03 10:12,6508812,"CHEN WU, KENNETH",0450-118827,GLENDA CRUZ,800.00,P2P,Completed\n'
            "DW-002,2024-04-05 20:05,6382256,JERMAINE LEWIS,6640719,L.A.C.,40.00,P2P,Failed\n")
    extraction = _export(tmp_path, "digiwallet_export.csv", text)
    assert extraction.errors == ()
    payments = {m.key: m.props for m in extraction.mentions if m.label == "Payment"}
    assert payments["DW001"]["currency"] == "BZD" and payments["DW001"]["channel"] == "DigiWallet P2P"
    assert payments["DW002"]["status"] == "Failed" and payments["DW002"]["caption"].endswith("(failed)")
    facts = _facts(extraction)
    assert ("USES_PHONE", "CHEN WU, KENNETH", "+5016508812") in facts  # a wallet id that is a phone number
    assert ("HOLDS_ACCOUNT", "GLENDA CRUZ", "0450118827") in facts     # one that is not: an account


def test_bad_rows_exactly_and_a_quoted_comma_is_no_bad_row(tmp_path: Path) -> None:
    text = ("Originating,Terminating,Start (local),Seconds,Site\n"
            '6129037,6274410,2024-04-10 15:10:02,35,"OWK, North"\n'   # 2 good: a quoted comma
            "6129037,6274410,2024-04-16 19:44:50,CZL-SJQ-1\n"         # 3 missing field
            "6274410,6129037,2024-04-31 13:40:00,88,CZL-SEL-1\n"      # 4 impossible date
            "6129037,6274410,2024-04-24 15:15:38,--,CZL-SEL-1\n"      # 5 text in a number column
            "6129037,6508812,2024-04-27 23:40:10,0,CZL-SJQ-1\n")      # 6 good
    extraction = _export(tmp_path, "cdr.csv", text)
    assert [(e.line, code_of(e.message)) for e in extraction.errors] == [(3, "E014"), (4, "E013"), (5, "E015")]
    assert all(str(e).startswith("cdr.csv:") and "\n" not in str(e) for e in extraction.errors)
    assert [m.props["record"] for m in extraction.mentions if m.label == "Call"] == ["cdr.csv:2", "cdr.csv:6"]


HANDSET = ("Index,Direction,Party Number,Contact Name,Timestamp,Duration (hh:mm:ss),Status\n"
           "1,Outgoing,+50498712043,Pastor HN,02/04/2024 09:14,00:06:21,Connected\n"
           "2,Incoming,+529831145520,Unknown,05/04/2024 20:41,00:02:10,Connected\n"
           "3,Incoming,+5016129037,Ruben chofer,31/04/2024 15:10,00:00:35,Connected\n"
           "4,Missed,+5016382256,Skinny,21/04/2024 21:47,00:00:00,Missed\n")


def test_handset_log_without_its_own_number(tmp_path: Path) -> None:
    extraction = _export(tmp_path, "handset_HB-04_calllog.csv", HANDSET)
    note, *rows = extraction.errors
    assert (note.line, code_of(note.message)) == (None, "E023") and "HB-04" in note.message
    assert [(e.line, code_of(e.message)) for e in rows] == [(4, "E013")]
    assert _calls(extraction) == [(None, "+50498712043"), ("+529831145520", None), ("+5016382256", None)]
    call = next(m for m in extraction.mentions if m.label == "Call")
    assert call.props["recorded_on"] == "HB-04" and "outgoing from HB-04 (its number unknown)" in call.props["caption"]


@pytest.mark.parametrize("name, preamble, mapping", [
    ("handset_HB-04_calllog.csv", "# Exhibit: HB-04\n# Phone number: 627-4410\n", {}),
    ("handset_HB-04_calllog.csv", "", {"options": {"own_number": {"HB-04": "+501 627 4410"}}}),
    ("handset_6274410_calllog.csv", "", {}),
])
def test_handset_direction_decides_who_called(tmp_path: Path, name: str, preamble: str,
                                              mapping: dict[str, object]) -> None:
    extraction = _export(tmp_path, name, preamble + HANDSET, **mapping)
    assert [code_of(e.message) for e in extraction.errors] == ["E013"]
    assert extraction.errors[0].line == 4 + preamble.count("\n")  # the file's line, preamble counted
    own = "+5016274410"
    assert _calls(extraction) == [(own, "+50498712043"), ("+529831145520", own), ("+5016382256", own)]


def test_contact_name_is_a_lead_not_an_identity(tmp_path: Path) -> None:
    extraction = _export(tmp_path, "handset_HB-04_calllog.csv", HANDSET)
    leads = [m for m in extraction.mentions if m.label == "Person"]
    assert [(m.text, m.method, m.confidence) for m in leads] == [("Pastor HN", CONTACT_METHOD, 0.5),
                                                                 ("Skinny", CONTACT_METHOD, 0.5)]  # not "Unknown"
    uses = [r for r in extraction.relations if r.type == "USES_PHONE"]
    assert [(r.evidence.method, r.evidence.confidence) for r in uses] == [(CONTACT_METHOD, 0.5)] * 2
    assert ("USES_PHONE", "Pastor HN", "+50498712043") in _facts(extraction)


def test_unknown_direction_skips_the_row(tmp_path: Path) -> None:
    text = "Direction,Party Number,Timestamp\nOutgoing,6129037,02/04/2024 09:14\nSideways,6129037,02/04/2024 09:15\n"
    extraction = _export(tmp_path, "log_6274410.csv", text)
    assert [(e.line, code_of(e.message)) for e in extraction.errors] == [(3, "E017")]


def test_unknown_layout_names_the_columns_and_suggests_a_mapping(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("A,B,C\n6129037,6274410,2024-04-10 15:10\n")
    with pytest.raises(IngestError) as info:
        read_file(path, tmp_path)
    assert str(info.value) == ("x.csv: [E020] CSV header not recognised as calls or transfers; columns: A, B, C; "
                               "try a mapping file with calls: {caller: A, callee: B, start: C}")
    path.write_text("Calling Party,Called Party,Col 3\n6129037,6274410,2024-04-10 15:10\n")
    with pytest.raises(IngestError) as info:
        read_file(path, tmp_path)
    assert info.value.code == "E021" and "lacks columns for calls: start" in str(info.value)
    assert "start: Col 3" in str(info.value) and "\n" not in str(info.value)


def test_a_suggested_mapping_reads_the_file(tmp_path: Path) -> None:
    extraction = _export(tmp_path, "x.csv", "A,B,C\n6129037,6274410,2024-04-10 15:10\n",
                         calls={"caller": "A", "callee": "B", "start": "C"})
    assert _calls(extraction) == [("+5016129037", "+5016274410")]


def test_split_names_are_joined(tmp_path: Path) -> None:
    text = ("Reference Number,Send Date,Sender First Name,Sender Last Name,Receiver First Name,Receiver Last Name,"
            "Send Amount,Send Currency\nMG-1,2024-04-12,Marleny,Zelaya Cáceres,Nelson,Bonilla Flores,450,USD\n")
    names = {m.canonical for m in _export(tmp_path, "moneygram.csv", text).mentions if m.label == "Person"}
    assert names == {"Marleny Zelaya Cáceres", "Nelson Bonilla Flores"}


def test_casefolder_b_exports_reject_exactly_the_expected_rows() -> None:
    import json

    from tests.shared_data import shared_data

    folder = shared_data("casefolders", "B")
    expected = json.loads((folder.parent / "B-expected.json").read_text(encoding="utf-8"))["csv_bad_rows"]
    for name, lines in expected.items():
        extraction = read_export(read_file(folder / name, folder))
        assert sorted(e.line for e in extraction.errors if e.line is not None) == sorted(lines), name
