"""Careless CSV exports (issue 18): one broken row is one line naming file and line, the rest load."""
from __future__ import annotations

from pathlib import Path

from ingest.errors import code_of
from ingest.read import read_export, read_file
from ingest.results import Extraction

HEADER = "CALLING_NBR,CALLED_NBR,START_TIME,DURATION_SEC,CELL_SITE\n"


def _rows(n: int) -> list[str]:
    return [f"622-{1000 + i},610-5555,2024-03-05 14:{i % 60:02d}:05,{10 + i},BZE-OW-03\n" for i in range(n)]


def _read(tmp_path: Path, data: bytes, name: str = "calls.csv") -> Extraction:
    path = tmp_path / name
    path.write_bytes(data)
    return read_export(read_file(path, tmp_path))


def _calls(extraction: Extraction) -> int:
    return sum(1 for m in extraction.mentions if m.label == "Call")


def _errors(extraction: Extraction) -> list[tuple[str, int | None, str | None]]:
    for error in extraction.errors:
        assert "\n" not in str(error) and str(error).startswith(f"{error.path}:")
    return [(e.path, e.line, code_of(e.message)) for e in extraction.errors]


def test_an_unterminated_quote_costs_its_row_only(tmp_path):
    rows = _rows(50)
    rows[9] = '622-1234,"610-5555,2024-03-05 14:22:05,125,BZE-OW-03\n'  # the quote never closes
    extraction = _read(tmp_path, (HEADER + "".join(rows)).encode())
    assert _errors(extraction) == [("calls.csv", 11, "E019")]
    assert _calls(extraction) == 49


def test_a_quote_closed_rows_later_is_still_unterminated(tmp_path):
    rows = _rows(50)
    rows[9] = '622-1234,"610-5555,2024-03-05 14:22:05,125,BZE-OW-03\n'
    rows[40] = '622-1234,610-5555,2024-03-05 14:22:05,125,"BZE-OW-03"\n'  # its quotes pair with the stray one
    extraction = _read(tmp_path, (HEADER + "".join(rows)).encode())
    assert _errors(extraction) == [("calls.csv", 11, "E019")]
    assert _calls(extraction) == 49


def test_a_real_multi_line_field_still_loads(tmp_path):
    text = HEADER + '622-1234,610-5555,2024-03-05 14:22:05,125,"BZE-OW-03\nnorth mast"\n' + "".join(_rows(3))
    extraction = _read(tmp_path, text.encode())
    assert extraction.errors == () and _calls(extraction) == 4


def test_a_nul_byte_fails_its_row_not_the_file(tmp_path):
    rows = [r.encode() for r in _rows(50)]
    rows[20] = b"622-1234,610-5555,2024-03-05 14:22:05,1\x0025,BZE-OW-03\n"
    extraction = _read(tmp_path, HEADER.encode() + b"".join(rows))
    assert _errors(extraction) == [("calls.csv", 22, "E025")]
    assert "NUL" in extraction.errors[0].message
    assert _calls(extraction) == 49


def test_a_broken_utf8_byte_fails_its_row_and_keeps_the_accents(tmp_path):
    header = "CALLING_NBR,CALLED_NBR,START_TIME,DURATION_SEC,CELL_SITE\n"
    rows = [f"622-{1000 + i},610-5555,2024-03-05 14:00:05,10,Peña Site\n".encode() for i in range(30)]
    rows[5] = b"622-1234,610-5555,2024-03-05 14:00:05,10,Pe\xf1a\n"  # a Latin-1 byte in a UTF-8 file
    extraction = _read(tmp_path, header.encode() + b"".join(rows))
    assert _errors(extraction) == [("calls.csv", 7, "E025")]
    assert _calls(extraction) == 29 and "Peña Site" in extraction.note.text


def test_a_header_only_export_says_so(tmp_path):
    extraction = _read(tmp_path, HEADER.encode(), name="empty_calls.csv")
    assert _errors(extraction) == [("empty_calls.csv", None, "E026")]
    assert extraction.mentions == ()
