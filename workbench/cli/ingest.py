"""`workbench ingest` and the merge review: case files in, analyst decisions recorded."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from workbench.cli._common import console, err_console, workbench_session

merges = typer.Typer(help="Review unsure merges: list candidates, record decisions.", no_args_is_help=True)


def print_summary(summary: dict[str, object], errors: list[object] = ()) -> None:  # type: ignore[assignment]
    table = Table(title="Ingest summary")
    table.add_column("what")
    table.add_column("count", justify="right")
    for key, value in summary.items():
        table.add_row(key, str(value))
    console.print(table)
    for error in errors:
        err_console.print(f"[red]failed:[/red] {error}", highlight=False, markup=True)


def ingest(paths: list[Path] = typer.Argument(..., help="Files and folders: notes and CSV exports."),
        case: Optional[str] = typer.Option(None, "--case", help="Case id (default: each note's Case: header)."),
        batch_size: int = typer.Option(1000, help="Rows per UNWIND batch.")) -> None:
    """Read, extract, resolve and load case files into Neo4j; re-running changes nothing.

    Example: workbench ingest cases/BZ-2026-014 --case BZ-2026-014
    """
    with workbench_session() as wb, Progress(SpinnerColumn(), TextColumn("{task.description}"),
                                             TimeElapsedColumn(), console=console, transient=True) as bar:
        task = bar.add_task("reading", total=None)
        report = wb.ingest(paths, case_id=case, batch_size=batch_size,
                           progress=lambda msg: bar.update(task, description=str(msg)[:80]))
    print_summary(report.summary(), report.failed + report.row_errors)
    if not report.ok:
        raise typer.Exit(1)


@merges.command("list")
def candidates(limit: int = typer.Option(30, help="Rows to show.")) -> None:
    """List unsure matches from the last ingest that wait for an analyst's decision.

    Example: workbench merges list
    """
    with workbench_session() as wb:
        frame = wb.merge_candidates()
    table = Table(title=f"Merge candidates ({len(frame)})")
    for column in ["left", "left_name", "right", "right_name", "score", "reasons"]:
        table.add_column(column)
    for _, row in frame.head(limit).iterrows():
        table.add_row(*(str(row[c]) for c in ["left", "left_name", "right", "right_name", "score", "reasons"]))
    console.print(table)


@merges.command("decide")
def decide(left: str, right: str,
           same: bool = typer.Option(..., "--same/--not-same", help="Same person (or thing), or not."),
           user: Optional[str] = typer.Option(None, help="Analyst name (default: configured analyst).")) -> None:
    """Record that two entities are, or are not, the same; applied on every later ingest.

    Example: workbench merges decide 4edfb8925a4311ca59a6790d 9a1c0e77d2b1c3d4e5f60718 --same
    """
    from workbench.api import decide as record_decision
    from workbench.settings import load_settings

    record_decision(load_settings(), left, right, same=same, user=user)
    console.print("recorded; run the ingest again to apply it")
