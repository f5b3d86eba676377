"""Long notes are read, not refused, and their chunks put every character back in its place."""
from __future__ import annotations

from pathlib import Path

import pytest

from ingest.read import paragraph_chunks, read_file

PARAGRAPH = ("Surveillance 14:05: white Toyota Hilux PL-2345 arrived at the Blue Parrot bar, "
             "driver met Cpl. Pop; two young women carried bags inside.\n")


def _check(text: str, max_len: int) -> list[tuple[int, str]]:
    chunks = list(paragraph_chunks(text, max_len))
    assert "".join(c for _, c in chunks) == text
    for offset, chunk in chunks:
        assert text[offset:offset + len(chunk)] == chunk
        assert 0 < len(chunk) <= max_len
    return chunks


def test_fifty_megabyte_note_is_read_and_chunks_reassemble(tmp_path: Path) -> None:
    block = "Case: BZ-2024-017\nType: surveillance log\n\n"
    body = "".join(PARAGRAPH * 3 + "\n" for _ in range(50 * 1024 * 1024 // (len(PARAGRAPH) * 3 + 1)))
    path = tmp_path / "log.txt"
    path.write_text(block + body + "End of log.", encoding="utf-8")
    assert path.stat().st_size > 50 * 1024 * 1024 * 0.99
    note = read_file(path, tmp_path)
    assert note.type == "surveillance" and len(note.text) == path.stat().st_size
    chunks = _check(note.text, 1_000_000)
    assert len(chunks) >= 50
    # every cut but the last falls just after a blank line: paragraphs are never split
    assert all(note.text[o + len(c) - 2:o + len(c)] == "\n\n" for o, c in chunks[:-1])


@pytest.mark.parametrize("text, max_len", [
    ("", 10),
    ("short", 10),
    ("para one.\n\npara two is longer.\n\nthree", 20),
    ("line one\nline two\nline three\nline four", 12),
    ("words only without any newline at all here", 10),
    ("nospacesatallinthistextsoitmustbecuthard", 7),
    ("a\r\n\r\nb\r\n\r\nc" * 50, 9),
    ("x", 1),
])
def test_chunks_reassemble(text: str, max_len: int) -> None:
    _check(text, max_len)


def test_prefers_paragraph_then_line_then_space() -> None:
    assert [c for _, c in paragraph_chunks("aa aa\nbb\n\ncc", 11)] == ["aa aa\nbb\n\n", "cc"]
    assert [c for _, c in paragraph_chunks("aa aa\nbb cc dd", 11)] == ["aa aa\n", "bb cc dd"]
    assert [c for _, c in paragraph_chunks("aa aa bb cc", 7)] == ["aa aa ", "bb cc"]


def test_max_len_must_be_positive() -> None:
    with pytest.raises(ValueError):
        list(paragraph_chunks("text", 0))
