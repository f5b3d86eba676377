"""`workbench analyse`, `report` and `demo`: the analysis commands over the store.

Every table printed here comes from a :class:`workbench.api.Workbench` method, which shows victims
and witnesses by pseudonym and masks their numbers unless ``--reveal`` (audited there).
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Optional

import typer
from rich.markup import escape
from rich.table import Table

from workbench.cli._common import console, fail, workbench_session

if TYPE_CHECKING:
    import pandas as pd


def _print_frame(frame: "pd.DataFrame", title: str, columns: list[str], limit: int = 20) -> None:
    table = Table(title=title)
    cols = [c for c in columns if c in frame.columns]
    for c in cols:
        table.add_column(c)
    for _, row in frame.head(limit).iterrows():
        table.add_row(*(f"{row[c]:.3f}" if isinstance(row[c], float) else escape(str(row[c])) for c in cols))
    console.print(table)


def key_players(case: Optional[str] = typer.Option(None, "--case", help="Case id (default: every case)."),
                top: int = typer.Option(15, "--top", min=1, help="Rows to show."),
                write_back: bool = typer.Option(False, "--write-back",
                                                help="Also set the scores and community ids on the Person nodes."),
                reveal: bool = typer.Option(False, "--reveal", help="Show real names of victims and witnesses "
                                            "(recorded in the audit log).")) -> None:
    """Rank people on degree, betweenness, PageRank and brokerage over the person network.

    Example: workbench key-players --case BZ-TIP-2026-118 --write-back
    """
    with workbench_session() as wb:
        frame = wb.key_players(case, top=top, reveal=reveal)
        if write_back:
            console.print(f"scores written to {wb.write_back(case)} Person nodes")
    if frame.empty:
        console.print(f"no ties between people in {'case ' + repr(case) if case else 'the store'} yet: nothing to rank",
                      highlight=False, markup=False)
        return
    _print_frame(frame, "Key players", ["name", "role", "rank", "degree", "betweenness", "pagerank", "constraint"])


def evidence(item: str = typer.Argument(..., help="An entity (its id, name or pseudonym) or a relationship id."),
             case: Optional[str] = typer.Option(None, "--case", help="Look the name up in this case only."),
             reveal: bool = typer.Option(False, "--reveal", help="Show real names of victims and witnesses "
                                         "(recorded in the audit log).")) -> None:
    """Show the notes (file, type, author, date) and sentences behind an entity or relationship.

    Example: workbench evidence "Carlos Alvarado" --case BZ-TIP-2026-118
    """
    with workbench_session() as wb:
        frame = wb.evidence(item, case_id=case, reveal=reveal)
    if frame.empty:
        console.print(f"no sentence or record is stored for {item!r}", highlight=False, markup=False)
        return
    _print_frame(frame, f"Evidence for {item}", ["source", "sentence", "method", "superseded"], limit=50)


def report(case: str = typer.Option(..., "--case", help="Case id."),
           out: Path = typer.Option(Path("report"), "--out", help="Folder to write case_report.html into."),
           walkthrough: Optional[Path] = typer.Option(None, "--walkthrough", help="Walkthrough YAML to render beside it."),
           reveal: bool = typer.Option(False, "--reveal", help="Show victims' and witnesses' real names.")) -> None:
    """Write the case report (self-contained offline HTML) for any case.

    Example: workbench report --case BZ-TIP-2026-118 --out report/
    """
    if out.exists() and not out.is_dir():
        fail(f"--out {str(out)!r} is a file: give a folder to write case_report.html into")
    with workbench_session() as wb:
        written = wb.report(case, out, walkthrough=walkthrough, reveal=reveal)
    console.print(f"report: {written.report}  ({written.flagged} officials flagged for review)")
    if written.walkthrough:
        console.print(f"walkthrough: {written.walkthrough}")


def demo() -> None:
    """Run the main job on the bundled sample case and print where the report is.

    Example: workbench demo
    """
    from workbench.cli.ingest import print_summary
    from workbench.demo import run_demo

    with workbench_session() as wb:
        result = run_demo(wb, progress=lambda step: console.print(f"[dim]… {step}[/dim]", highlight=False))
        console.print(wb.status().to_string(index=False))
    print_summary(result.summary)
    console.print(f"{result.flagged} officials flagged: possible complicity — needs review")
    console.print(f"walkthrough: {result.walkthrough}")
    console.print(f"case report: {result.report}")
    console.print(f"demo took {result.seconds:.1f} s")
