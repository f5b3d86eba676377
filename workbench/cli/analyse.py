"""`workbench analyse`, `report` and `demo`: the analysis commands over the store."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer
from rich.table import Table

from workbench.cli._common import console, workbench_session



def _print_frame(frame, title: str, columns: list[str], limit: int = 20) -> None:  # type: ignore[no-untyped-def]
    table = Table(title=title)
    cols = [c for c in columns if c in frame.columns]
    for c in cols:
        table.add_column(c)
    for _, row in frame.head(limit).iterrows():
        table.add_row(*(f"{row[c]:.3f}" if isinstance(row[c], float) else str(row[c]) for c in cols))
    console.print(table)


def key_players(case: Optional[str] = typer.Option(None, "--case"), top: int = typer.Option(15),
                write_back: bool = typer.Option(False, "--write-back",
                                                help="Also set the scores and community ids on the Person nodes.")) -> None:
    """Rank people on degree, betweenness, PageRank and brokerage over the person network.

    Example: workbench key-players --case BZ-TIP-2026-014 --write-back
    """
    with workbench_session() as wb:
        frame = wb.key_players(case, top=top)
        if write_back:
            console.print(f"scores written to {wb.write_back(case)} Person nodes")
    _print_frame(frame, "Key players", ["name", "role", "rank", "degree", "betweenness", "pagerank", "constraint"])


def evidence(item: str = typer.Argument(..., help="A node (Label:key) or a relationship id.")) -> None:
    """Show the notes and sentences behind a node or relationship.

    Example: workbench evidence Phone:+5016221234
    """
    with workbench_session() as wb:
        frame = wb.evidence(item)
    _print_frame(frame, f"Evidence for {item}", ["path", "note_date", "sentence", "method", "superseded"], limit=50)


def report(case: str = typer.Option(..., "--case"), out: Path = typer.Option(Path("report"), "--out"),
           walkthrough: Optional[Path] = typer.Option(None, help="Walkthrough YAML to render beside it."),
           reveal: bool = typer.Option(False, help="Show victims' and witnesses' real names.")) -> None:
    """Write the case report (self-contained offline HTML) for any case.

    Example: workbench report --case BZ-TIP-2026-014 --out report/
    """
    from workbench.demo import write_case_outputs

    with workbench_session() as wb:
        path, walk, flagged = write_case_outputs(wb, case, out, walkthrough_yaml=walkthrough, reveal=reveal)
    console.print(f"report: {path}  ({flagged} officials flagged for review)")


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
