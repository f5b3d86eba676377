"""CSV exports of calls and transfers: detection, mappings, records with evidence, bad rows."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from graph_schema.records import make_id
from ingest.errors import IngestError, code_of
from ingest.read import ColumnMapping, detect_layout, load_mapping, mapping_from, read_export, read_file, read_path
from ingest.results import Extraction, FileError

CALLS = ("CALLING_NBR,CALLED_NBR,START_TIME,DURATION_SEC,CELL_SITE\n"
         "622-1234,+501 610 5555,2024-03-05 14:22:05,125,BZE-OW-03\n"
         "622-1234,610-5555,2024-03-06 09:01:00,40,BZE-OW-03\n")
TRANSFERS = ("MTCN,SENDER_NAME,SENDER_PHONE,RECEIVER_NAME,RECEIVER_PHONE,AMOUNT,CURRENCY,SEND_DATE,CHANNEL,"
             "AGENT_LOCATION\n"
             '123-456-7890,Carlos Reyes,622-1234,"Pop, Juan",610-5555,"1,250.00",BZD,2024-03-05,Western Union,'
             "Orange Walk Town\n")


def _export(tmp_path: Path, name: str, text: str, mapping: ColumnMapping | None = None) -> Extraction:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_export(read_file(path, tmp_path, mapping=mapping), mapping)


@pytest.mark.parametrize("header, kind", [
    (CALLS.splitlines()[0], "calls"),
    (TRANSFERS.splitlines()[0], "transfers"),
    ("Caller, Callee, Date Time, Duration", "calls"),
    ("a-party,b-party,timestamp", "calls"),
    ("Reference Number,Sender,Beneficiary,Amount Sent,Transaction Date", "transfers"),
])
def test_kind_detected_from_header(header: str, kind: str) -> None:
    assert detect_layout(header.split(",")).kind == kind


def test_calls_become_phones_and_call_events(tmp_path: Path) -> None:
    extraction = _export(tmp_path, "calls.csv", CALLS)
    note = extraction.note
    assert note.type == "calls_csv" and note.id == hashlib.sha256(CALLS.encode()).hexdigest()
    assert extraction.errors == ()
    phones = [m for m in extraction.mentions if m.label == "Phone"]
    assert [m.key for m in phones] == ["+5016221234", "+5016105555"] * 2
    call = next(m for m in extraction.mentions if m.label == "Call")
    assert call.key == make_id(note.id, 2)
    assert call.props == {"date": "2024-03-05", "at": "2024-03-05T14:22:05", "duration_s": 125,
                          "cell_site": "BZE-OW-03", "kind": "voice", "record": "calls.csv:2",
                          "caption": "voice call 2024-03-05 14:22:05, 125 s"}
    called, call_to = extraction.relations[:2]
    assert (called.type, called.source, called.target) == ("CALLED", phones[0].id, call.id)
    assert (call_to.type, call_to.source, call_to.target) == ("CALL_TO", call.id, phones[1].id)
    evidence = called.evidence
    assert note.text[evidence.start:evidence.end] == evidence.sentence == CALLS.splitlines()[1]
    assert (evidence.note_id, evidence.method, evidence.confidence, evidence.date) == (
        note.id, "calls_csv", 1.0, "2024-03-05")


def test_mention_spans_are_their_fields(tmp_path: Path) -> None:
    extraction = _export(tmp_path, "t.csv", TRANSFERS)
    text = extraction.note.text
    for mention in extraction.mentions:
        assert text[mention.start:mention.end] == mention.text
    assert len({m.id for m in extraction.mentions}) == len(extraction.mentions)
    by_label = {(m.label, m.text) for m in extraction.mentions if m.label != "Payment"}
    assert ("Person", "Pop, Juan") in by_label and ("Location", "Orange Walk Town") in by_label


def test_transfers_become_people_payment_phones_and_place(tmp_path: Path) -> None:
    extraction = _export(tmp_path, "transfers.csv", TRANSFERS)
    assert extraction.note.type == "transfers_csv" and extraction.errors == ()
    payment = next(m for m in extraction.mentions if m.label == "Payment")
    assert payment.key == "1234567890"
    assert payment.props["amount"] == 1250.0 and payment.props["currency"] == "BZD"
    assert payment.props["channel"] == "Western Union" and payment.props["date"] == "2024-03-05"
    people = {m.canonical: m.id for m in extraction.mentions if m.label == "Person"}
    ids = {m.id: (m.label, m.key or m.canonical) for m in extraction.mentions}
    relations = {(r.type, ids[r.source], ids[r.target]) for r in extraction.relations}
    assert relations == {
        ("PAID", ("Person", "Carlos Reyes"), ("Payment", "1234567890")),
        ("PAID_TO", ("Payment", "1234567890"), ("Person", "Pop, Juan")),
        ("USES_PHONE", ("Person", "Carlos Reyes"), ("Phone", "+5016221234")),
        ("USES_PHONE", ("Person", "Pop, Juan"), ("Phone", "+5016105555")),
        ("SEEN_AT", ("Person", "Carlos Reyes"), ("Location", "Orange Walk Town")),
    }
    assert set(people) == {"Carlos Reyes", "Pop, Juan"}
    assert all(r.evidence.method == "transfers_csv" for r in extraction.relations)


def test_broken_rows_reported_with_line_numbers_good_rows_load(tmp_path: Path) -> None:
    text = TRANSFERS + (
        "223,Ana Cal,,Maria Choc,,500,BZD,2024-03-07,E-Kyash,\n"        # 3 good (optional fields empty)
        "224,,622-1234,Maria Choc,,500,BZD,2024-03-07,,\n"             # 4 missing sender name
        "225,Ana Cal,12,Maria Choc,,500,BZD,2024-03-07,,\n"            # 5 bad phone
        "226,Ana Cal,,Maria Choc,,five hundred,BZD,2024-03-07,,\n"     # 6 bad amount
        "227,Ana Cal,,Maria Choc,,500,BZD,31/31/2024,,\n"              # 7 bad date
        "228,Ana Cal,,Maria Choc,,500,BZD\n"                           # 8 wrong number of fields
        "\n"                                                           # 9 blank: ignored
        "229,Ana Cal,,Maria Choc,,500,XYZ,2024-03-07,,\n"              # 10 unknown currency
        '230,"Ana\nCal",,Maria Choc,,75,USD,2024-03-08,,\n'            # 11-12 good, quoted newline
    )
    extraction = _export(tmp_path, "transfers.csv", text)
    assert [(e.line, code_of(e.message)) for e in extraction.errors] == [
        (4, "E010"), (5, "E011"), (6, "E012"), (7, "E013"), (8, "E014"), (10, "E016")]
    assert str(extraction.errors[0]) == ("transfers.csv:4: [E010] missing value in column 'SENDER_NAME': "
                                         "the row was skipped; fill it in or correct the export")
    payments = [m for m in extraction.mentions if m.label == "Payment"]
    assert [p.key for p in payments] == ["1234567890", "223", "230"]
    assert payments[-1].props["record"] == "transfers.csv:11"


def test_custom_mapping_file(tmp_path: Path) -> None:
    mapping_file = tmp_path / "digicell.yaml"
    mapping_file.write_text(
        "calls:\n  caller: Linea Uno\n  callee: [Linea Dos]\n  start: Cuando\n  duration: Cuanto\n"
        "options:\n  delimiter: ';'\n  date_format: '%m/%d/%Y %H:%M'\n")
    mapping = load_mapping(mapping_file)
    text = "Linea Uno;Linea Dos;Cuando;Cuanto\n622-1234;610-5555;03/05/2024 14:22;2:05\n"
    with pytest.raises(IngestError) as info:
        _export(tmp_path, "digicell.csv", text)
    assert info.value.code == "E020"
    extraction = _export(tmp_path, "digicell.csv", text, mapping=mapping)
    call = next(m for m in extraction.mentions if m.label == "Call")
    assert call.props["at"] == "2024-03-05T14:22:00" and call.props["duration_s"] == 125


def test_mapping_options_and_bad_mapping(tmp_path: Path) -> None:
    assert mapping_from({"transfers": {"receipt_id": "Folio"}}).names["transfers"]["receipt_id"][0] == "folio"
    with pytest.raises(ValueError, match="E022"):
        mapping_from({"calls": {"callr": "A"}})
    with pytest.raises(ValueError, match="E022.*not a phone number"):
        mapping_from({"options": {"own_number": {"HB-04": "ERR"}}})
    bad = tmp_path / "bad.yaml"
    bad.write_text("calls: [unclosed")
    with pytest.raises(ValueError, match="E022"):
        load_mapping(bad)


def test_unrecognised_csv_is_a_file_error_in_a_folder(tmp_path: Path) -> None:
    (tmp_path / "contacts.csv").write_text("Name,Nickname\nCarlos Reyes,Flaco\n")
    (tmp_path / "half.csv").write_text("CALLING_NBR,CALLED_NBR\n622-1234,610-5555\n")
    (tmp_path / "z_calls.csv").write_text(CALLS)
    items = list(read_path(tmp_path))
    assert [code_of(i.message) if isinstance(i, FileError) else i.type for i in items] == [
        "E020", "E021", "calls_csv"]


def test_rereading_gives_the_same_ids(tmp_path: Path) -> None:
    first = _export(tmp_path, "calls.csv", CALLS)
    second = _export(tmp_path, "calls.csv", CALLS)
    assert [m.id for m in first.mentions] == [m.id for m in second.mentions]
    assert [m.key for m in first.mentions] == [m.key for m in second.mentions]


def test_an_export_in_parts_keeps_each_row_whole_and_loses_nothing(tmp_path: Path) -> None:
    from ingest.read.exports import export_parts

    rows = "".join(f"622-{1000 + i},610-5555,2024-03-05 14:22:05,{i},BZE-OW-03\n" for i in range(10))
    text = CALLS.splitlines()[0] + "\n" + rows + "622-1234,610-5555,not a date,5,BZE\n"
    path = tmp_path / "calls.csv"
    path.write_text(text, encoding="utf-8")
    note = read_file(path, tmp_path)
    whole = read_export(note)
    parts = list(export_parts(note, part_mentions=6))
    assert len(parts) > 1
    for part in parts:
        ids = {m.id for m in part.mentions}
        assert all(r.source in ids and r.target in ids for r in part.relations)
    assert [m for p in parts for m in p.mentions] == list(whole.mentions)
    assert [r for p in parts for r in p.relations] == list(whole.relations)
    assert [e for p in parts for e in p.errors] == list(whole.errors) and len(whole.errors) == 1
