"""Good input in every format: text decoded right, ids from bytes, headers parsed, offsets kept."""
from __future__ import annotations

import codecs
import hashlib
import io
from pathlib import Path

import docx
import pytest
from reportlab.lib.pagesizes import A4  # type: ignore[import-untyped]
from reportlab.pdfgen import canvas  # type: ignore[import-untyped]

from ingest.read import parse_header, read_file, read_path
from ingest.results import FileError

NOTE = "Case: BZ-2024-017\nDate: 05/03/2024\nAuthor: Cpl. Juan Pop\nType: Arrest Report\nTitle: Raid\n\nBody.\n"


def test_windows_1252_name_decoded_right(tmp_path: Path) -> None:
    path = tmp_path / "statement.txt"
    path.write_bytes("Witness José Martínez said Peña paid “Flaco”.\n".encode("cp1252"))
    note = read_file(path, tmp_path)
    assert "José Martínez" in note.text and "Peña" in note.text and "“Flaco”" in note.text
    assert note.encoding == "cp1252"


@pytest.mark.parametrize("encoded, encoding", [
    (codecs.BOM_UTF8 + "José Martínez".encode("utf-8"), "utf-8-sig"),
    ("José Martínez".encode("utf-8"), "utf-8"),
    ("José Martínez".encode("utf-16"), "utf-16"),
    ("José Martínez".encode("latin-1"), "cp1252"),
])
def test_encodings(tmp_path: Path, encoded: bytes, encoding: str) -> None:
    path = tmp_path / "n.txt"
    path.write_bytes(encoded)
    note = read_file(path, tmp_path)
    assert (note.text, note.encoding) == ("José Martínez", encoding)


def test_id_is_sha256_of_the_bytes_and_path_is_relative(tmp_path: Path) -> None:
    (tmp_path / "interviews").mkdir()
    path = tmp_path / "interviews" / "v1.txt"
    path.write_bytes(b"Victim 1 was recruited in Benque Viejo.")
    note = read_file(path, tmp_path)
    assert note.id == hashlib.sha256(path.read_bytes()).hexdigest()
    assert note.path == "interviews/v1.txt"
    [single] = list(read_path(path))
    assert not isinstance(single, FileError) and single.path == "v1.txt" and single.id == note.id


def test_header_parsed_and_kept_in_the_text(tmp_path: Path) -> None:
    path = tmp_path / "arrest.txt"
    path.write_text(NOTE)
    note = read_file(path, tmp_path)
    assert (note.case_id, note.date, note.author, note.type, note.title) == (
        "BZ-2024-017", "2024-03-05", "Cpl. Juan Pop", "arrest_report", "Raid")
    assert note.text == NOTE
    assert note.text[note.metadata["header_end"]:].lstrip() == "Body.\n"
    assert read_file(path, tmp_path, case_id="OTHER").case_id == "OTHER"


@pytest.mark.parametrize("raw, expected", [
    ("interview", "interview"), ("Witness Statement", "statement"), ("surveillance log", "surveillance"),
    ("Anonymous TIP", "tip"), ("arrest report", "arrest_report"), ("memo", "other"),
])
def test_note_types_normalized(raw: str, expected: str) -> None:
    assert parse_header(f"Type: {raw}\n\ntext").type == expected


def test_no_header_when_no_known_key() -> None:
    header = parse_header("Subject stated: she was brought from Honduras.\nMore.")
    assert header.end == 0 and header.type is None


def test_markdown_header_and_unparsed_date(tmp_path: Path) -> None:
    header = parse_header("---\n**Case:** BZ-9\n**Date:** sometime in May\nLocation: Dangriga\n---\n")
    assert header.case == "BZ-9" and header.date is None
    assert header.metadata == {"date_raw": "sometime in May", "location": "Dangriga"}


def test_real_docx(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Case: BZ-2024-017")
    document.add_paragraph("Type: witness statement")
    document.add_paragraph("José Martínez was paid by Carlos Reyes.")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Phone", "622-1234"
    path = tmp_path / "statement.docx"
    document.save(str(path))
    note = read_file(path, tmp_path)
    assert note.text == ("Case: BZ-2024-017\n\nType: witness statement\n\n"
                         "José Martínez was paid by Carlos Reyes.\n\nPhone | 622-1234")
    assert note.type == "statement" and note.case_id == "BZ-2024-017"


def test_real_pdf_with_text(tmp_path: Path) -> None:
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4)
    page.drawString(72, 760, "Surveillance log: white pickup at Orange Walk.")
    page.showPage()
    page.drawString(72, 760, "Second page: Cpl. Pop met the driver.")
    page.save()
    path = tmp_path / "log.pdf"
    path.write_bytes(out.getvalue())
    note = read_file(path, tmp_path)
    assert "white pickup at Orange Walk" in note.text
    second = note.metadata["page_offsets"][1]
    assert note.text[second:].startswith("Second page")


def test_offsets_refer_to_the_whole_text(tmp_path: Path) -> None:
    path = tmp_path / "n.txt"
    path.write_bytes(codecs.BOM_UTF8 + NOTE.encode("utf-8"))
    note = read_file(path, tmp_path)
    start = note.text.index("Body")
    assert note.text[start:start + 4] == "Body" and start == NOTE.index("Body")


def test_folder_order_hidden_and_lock_files(tmp_path: Path) -> None:
    for name in ["b.txt", "a/z.md", "a/b.txt", ".git/config.txt", ".hidden.txt", "~$draft.docx", "c.txt"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(f"note {name}")
    paths = [item.path for item in read_path(tmp_path)]
    assert paths == ["a/b.txt", "a/z.md", "b.txt", "c.txt"]


def test_read_path_is_a_generator(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("one")
    items = read_path(tmp_path)
    assert iter(items) is items
