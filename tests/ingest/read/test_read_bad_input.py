"""Bad input: each kind gets its one-line error naming the file, and the batch goes on."""
from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4  # type: ignore[import-untyped]
from reportlab.pdfgen import canvas  # type: ignore[import-untyped]

from ingest.errors import Errors, IngestError, code_of
from ingest.read import read_file, read_path
from ingest.results import FileError


def _code(path: Path, **options: object) -> str | None:
    with pytest.raises(IngestError) as info:
        read_file(path, path.parent, **options)  # type: ignore[arg-type]
    message = str(info.value)
    assert "\n" not in message and message.startswith(path.name + ": ")
    return info.value.code


def pdf_without_text() -> bytes:
    """A scanned-looking page: only a drawn rectangle, no text layer."""
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4)
    page.rect(100, 100, 300, 400, fill=1)
    page.showPage()
    page.save()
    return out.getvalue()


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert _code(path) == "E001"


def test_whitespace_only_file_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "blank.md"
    path.write_text("  \n\n \t\n")
    assert _code(path) == "E001"


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    assert _code(path) == "E002"


def test_control_characters_are_binary(tmp_path: Path) -> None:
    path = tmp_path / "dump.txt"
    path.write_bytes(bytes(range(1, 32)) * 20)
    assert _code(path) == "E002"


def test_undecodable_bytes(tmp_path: Path) -> None:
    rng = random.Random(1)
    path = tmp_path / "garbled.txt"
    path.write_bytes(bytes(rng.randrange(128, 256) for _ in range(300)))
    assert _code(path) == "E003"


def test_pdf_without_text_layer_needs_ocr(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(pdf_without_text())
    assert _code(path) == "E004"
    assert "needs OCR" in Errors.E004


def test_damaged_pdf(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\nthis is not a pdf body")
    assert _code(path) == "E008"


def test_docx_that_is_a_zip_of_something_else(tmp_path: Path) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("photos/IMG_0001.txt", "not a word document")
    path = tmp_path / "statement.docx"
    path.write_bytes(out.getvalue())
    assert _code(path) == "E005"


def test_docx_that_is_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "renamed.docx"
    path.write_text("plain text renamed to .docx")
    assert _code(path) == "E005"


def test_file_over_the_hard_limit(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_text("x" * 2000)
    assert _code(path, max_bytes=1000) == "E006"


def test_unsupported_type(tmp_path: Path) -> None:
    path = tmp_path / "evidence.jpg"
    path.write_bytes(b"\xff\xd8\xff")
    assert _code(path) == "E007"


def test_folder_keeps_going_after_bad_files(tmp_path: Path) -> None:
    (tmp_path / "a_good.txt").write_text("Carlos Reyes met Ana at the bar.")
    (tmp_path / "b_empty.txt").write_bytes(b"")
    (tmp_path / "c_scan.pdf").write_bytes(pdf_without_text())
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "e_good.md").write_text("# Tip\n\nA white pickup at Santa Elena.")
    items = list(read_path(tmp_path))
    assert [type(i).__name__ for i in items] == ["Note", "FileError", "FileError", "Note"]
    errors = [i for i in items if isinstance(i, FileError)]
    assert [(e.path, code_of(e.message)) for e in errors] == [("b_empty.txt", "E001"), ("c_scan.pdf", "E004")]
    assert str(errors[1]).startswith("c_scan.pdf: [E004]")


def test_every_message_is_one_line_with_its_code() -> None:
    codes = [name for name in vars(Errors) if name[:1] == "E" and name[1:].isdigit()]
    assert len(codes) >= 15
    for name in codes:
        message = getattr(Errors, name)
        assert message.startswith(f"[{name}] ") and "\n" not in message
