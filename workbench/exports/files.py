"""Writing export files: whole or not at all, and CSV cells that no spreadsheet runs.

Why one place: a half-written file (a crash, a full disk) must never replace a good one, and a
cell from a note that starts with ``=`` must reach Excel as text. Every CSV the workbench writes
goes through ``views.text.safe_csv`` (i2's entities and links, the flags table), so the rule is
kept once.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any, Iterable

from workbench.views.text import csv_cell, safe_csv

__all__ = ["write_file", "write_csv", "csv_safe_rows"]


def write_file(path: Path, data: bytes) -> Path:
    """Write the whole file or nothing: a temporary file in the same folder, then a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def csv_safe_rows(rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows with every cell passed through ``views.text.csv_cell`` (no formula, controls visible).

    >>> csv_safe_rows([{"label": "=HYPERLINK(1)", "n": 3}])
    [{'label': "'=HYPERLINK(1)", 'n': 3}]
    """
    return [{k: csv_cell(v) for k, v in row.items()} for row in rows]


def write_csv(path: Path, columns: list[str], rows: list[dict[str, Any]]) -> Path:
    """``rows`` as a UTF-8 CSV with a header, each cell made safe (``views.text.safe_csv``)."""
    return write_file(path, safe_csv(columns, rows).encode("utf-8"))
