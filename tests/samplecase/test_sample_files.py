"""The sample case's files: byte-identical per seed, formats and encodings, exports, CLI."""
from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from graph_schema.types import clean_phone
from samplecase import generate_case
from samplecase.exports import CALL_COLUMNS, TRANSFER_COLUMNS
from workbench.cli import app


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def case(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate_case(tmp_path_factory.mktemp("files"), n_notes=60, broken_rows=True)


def test_same_seed_gives_identical_bytes(tmp_path: Path, case: Path) -> None:
    again = generate_case(tmp_path / "again", n_notes=60, broken_rows=True)
    assert snapshot(again) == snapshot(case)


def test_another_seed_gives_another_case(tmp_path: Path, case: Path) -> None:
    other = generate_case(tmp_path / "other", seed=7, n_notes=60)
    truth = [json.loads((d / "ground_truth.json").read_text(encoding="utf-8")) for d in (case, other)]
    assert {p["name"] for p in truth[0]["people"]} != {p["name"] for p in truth[1]["people"]}
    assert set(snapshot(case / "notes").values()).isdisjoint(snapshot(other / "notes").values())


def test_formats_and_encodings(case: Path) -> None:
    truth = json.loads((case / "ground_truth.json").read_text(encoding="utf-8"))
    formats = {rel: (e["format"], e["encoding"]) for rel, e in truth["notes"].items()}
    assert sum(f == ("docx", "docx") for f in formats.values()) >= 2
    assert any(f[0] == "md" for f in formats.values())
    legacy = [rel for rel, f in formats.items() if f == ("txt", "cp1252")]
    assert 1 <= len(legacy) <= 2
    for rel in legacy:
        raw = (case / rel).read_bytes()
        with pytest.raises(UnicodeDecodeError):
            raw.decode("utf-8")
        assert any(ch in raw.decode("cp1252") for ch in "áéíóúñÁÉÍÓÚÑ")
    for rel in formats:
        assert (case / rel).exists()


def test_most_notes_have_a_header_block(case: Path) -> None:
    texts = [p.read_bytes() for p in (case / "notes").glob("*.txt")]
    with_header = [t for t in texts if t.startswith(b"Case: BZ-TIP-2026-")]
    assert len(with_header) >= 0.75 * len(texts)
    assert all(b"\nType: " in t[:200] for t in with_header)


def test_exports_are_clean_and_numbers_normalize(case: Path) -> None:
    truth = json.loads((case / "ground_truth.json").read_text(encoding="utf-8"))
    known = {p["e164"] for p in truth["phones"]}
    with (case / "exports" / "calls.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert tuple(rows[0]) == CALL_COLUMNS and len(rows) >= 60
    for row in rows:
        assert clean_phone(row["CALLING_NBR"]) in known and clean_phone(row["CALLED_NBR"]) in known, row
    with (case / "exports" / "transfers.csv").open(encoding="utf-8", newline="") as fh:
        receipts = list(csv.DictReader(fh))
    assert tuple(receipts[0]) == TRANSFER_COLUMNS and receipts
    assert all(float(r["AMOUNT"]) > 0 and (not r["SENDER_PHONE"] or clean_phone(r["SENDER_PHONE"]) in known)
               for r in receipts)
    assert (case / "exports" / "broken_rows_example.csv").exists()


def test_refuses_to_overwrite_without_flag(case: Path) -> None:
    with pytest.raises(FileExistsError):
        generate_case(case, n_notes=3)


def test_cli_generate(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["sample", str(tmp_path / "c"), "--seed", "3", "--notes", "4"])
    assert result.exit_code == 0, result.output
    assert len(list((tmp_path / "c" / "notes").iterdir())) == 4
    again = CliRunner().invoke(app, ["sample", str(tmp_path / "c"), "--notes", "4"])
    assert again.exit_code == 1
