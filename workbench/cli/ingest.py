"""`workbench ingest` and the merge review: case files in, analyst decisions recorded."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer
from rich.markup import escape
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from workbench.cli._common import console, err_console, existing, workbench_session

merges = typer.Typer(help="Review unsure merges: list candidates, record decisions.", no_args_is_help=True)


def print_summary(summary: dict[str, object], errors: list[object] = ()) -> None:  # type: ignore[assignment]
    table = Table(title="Ingest summary")
    table.add_column("what")
    table.add_column("count", justify="right")
    for key, value in summary.items():
        table.add_row(key, str(value))
    console.print(table)
    for error in errors:
        err_console.print(f"[red]failed:[/red] {escape(str(error))}", highlight=False, markup=True)


def ingest(paths: list[Path] = typer.Argument(..., help="Files and folders: notes and CSV exports."),
        case: Optional[str] = typer.Option(None, "--case", help="Case id (default: each note's Case: header)."),
        batch_size: int = typer.Option(1000, "--batch-size", min=1, help="Rows per UNWIND batch."),
        processes: Optional[int] = typer.Option(None, "--processes", "-p", min=1,
                                                help="Extraction worker processes (default: the machine's cores).")) -> None:
    """Read, extract, resolve and load case files into Neo4j; re-running changes nothing.

    Example: workbench ingest cases/BZ-TIP-2026-118/notes cases/BZ-TIP-2026-118/exports --case BZ-TIP-2026-118
    """
    for path in paths:
        existing(path, "a file or folder to ingest")
    with workbench_session() as wb, Progress(SpinnerColumn(), TextColumn("{task.description}"),
                                             TimeElapsedColumn(), console=console, transient=True) as bar:
        task = bar.add_task("reading", total=None)
        report = wb.ingest(paths, case_id=case, batch_size=batch_size, processes=processes,
                           progress=lambda msg: bar.update(task, description=str(msg)[:80]))
    print_summary(report.summary(), report.failed + report.row_errors)
    if not report.ok:
        raise typer.Exit(1)


@merges.command("list")
def candidates(limit: int = typer.Option(30, "--limit", min=1, help="Rows to show."),
               reveal: bool = typer.Option(False, "--reveal", help="Show real names of victims and witnesses "
                                           "(recorded in the audit log).")) -> None:
    """List unsure matches from the last ingest that wait for an analyst's decision (victims and
    witnesses by pseudonym unless --reveal).

    Example: workbench merges list
    """
    with workbench_session() as wb:
        frame = wb.merge_candidates(reveal=reveal)
    table = Table(title=f"Merge candidates ({len(frame)})")
    for column in ["left", "left_name", "right", "right_name", "score", "reasons"]:
        table.add_column(column)
    for _, row in frame.head(limit).iterrows():
        table.add_row(*(escape(str(row[c])) for c in ["left", "left_name", "right", "right_name", "score", "reasons"]))
    console.print(table)


@merges.command("decide")
def decide(left: str = typer.Argument(..., help="One entity: its id (as merges list shows it) or its name."),
           right: str = typer.Argument(..., help="The other entity."),
           same: bool = typer.Option(..., "--same/--not-same", help="Same person (or thing), or not."),
           case: Optional[str] = typer.Option(None, "--case", help="Look names up in this case only."),
           user: Optional[str] = typer.Option(None, "--user", help="Analyst name (default: configured analyst).")) -> None:
    """Record that two entities are, or are not, the same; applied on every later ingest.

    Example: workbench merges decide "Wilmer Alvarado" "Carlos Alvarado" --not-same --case BZ-TIP-2026-118
    """
    with workbench_session() as wb:
        a, b = wb.decide(left, right, same=same, user=user, case_id=case)
    console.print(f"recorded: {a} and {b} are {'the same' if same else 'not the same'}; "
                  "run the ingest again to apply it", highlight=False, markup=False)
