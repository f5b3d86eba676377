"""Decoding careless files (issue 18): UTF-16 without a BOM is text, a stray NUL is not a binary file."""
from __future__ import annotations

import pytest

from ingest.read import read_export, read_file

NOTE = "Interview, 12 March 2024.\n\nJosé Peña paid Ana Pop $300 BZD at the Blue Moon bar in Benque Viejo.\n"
CALLS = ("CALLING_NBR,CALLED_NBR,START_TIME,DURATION_SEC\n"
         "622-1234,610-5555,2024-03-05 14:22:05,125\n622-1234,610-5555,2024-03-06 09:01:00,40\n")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_note_without_bom(tmp_path, encoding):
    path = tmp_path / "statement.txt"
    path.write_bytes(NOTE.encode(encoding))
    note = read_file(path, tmp_path)
    assert (note.text, note.encoding) == (NOTE, encoding)


def test_utf16_export_without_bom_loads_its_rows(tmp_path):
    path = tmp_path / "calls.csv"
    path.write_bytes(CALLS.encode("utf-16-le"))
    extraction = read_export(read_file(path, tmp_path))
    assert extraction.errors == () and sum(m.label == "Call" for m in extraction.mentions) == 2


def test_a_stray_nul_in_a_note_is_kept_not_called_binary(tmp_path):
    path = tmp_path / "tip.txt"
    path.write_bytes(NOTE.encode() + b"\x00" + NOTE.encode())
    assert read_file(path, tmp_path).text == NOTE + "\x00" + NOTE
