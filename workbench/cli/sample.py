"""``workbench sample``: write the synthetic Belize case (notes, exports, ground truth) from a seed.

Thin on purpose: one command calling ``samplecase.generate_case``; an existing case in the
folder is one line on stderr (exit code 1) unless ``--overwrite`` is given.
"""
from __future__ import annotations

import time
from pathlib import Path

import typer
from rich.console import Console

from samplecase import DEFAULT_SEED, generate_case
from workbench.cli._common import fail
from workbench.errors import Errors

__all__ = ["generate"]

out = Console()


def generate(
    out_dir: Path = typer.Argument(..., help="Folder to write notes/, exports/ and ground_truth.json into."),
    seed: int = typer.Option(DEFAULT_SEED, help="Random seed; the same seed gives byte-identical files."),
    notes: int = typer.Option(150, "--notes", min=1, help="Number of case notes to write."),
    broken_rows: bool = typer.Option(False, "--broken-rows", help="Also write exports/broken_rows_example.csv."),
    overwrite: bool = typer.Option(False, "--overwrite", help="Replace a case already generated in OUT_DIR."),
) -> None:
    """Write a synthetic trafficking case with known answers, for demos, tests and benchmarks.

    Example: workbench sample data/sample --seed 20261128 --notes 150
    """
    if out_dir.exists() and not out_dir.is_dir():
        fail(f"{out_dir} is a file: give a folder to write the case into")
    began = time.monotonic()
    try:
        path = generate_case(out_dir, seed=seed, n_notes=notes, broken_rows=broken_rows, overwrite=overwrite)
    except FileExistsError:
        fail(Errors.W408.format(path=out_dir), code=1)
    out.print(f"Wrote {notes} notes, exports and ground_truth.json to {path} "
              f"(seed {seed}, {time.monotonic() - began:.1f} s).", highlight=False)
