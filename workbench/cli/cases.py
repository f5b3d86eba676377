"""`workbench cross-case` and `workbench merges why`: cases side by side, and why an entity is one.

Thin on purpose: :mod:`workbench.cases` builds the tables, :class:`workbench.api.Workbench`
protects them (victims and witnesses by pseudonym, their numbers masked) unless ``--reveal``.
"""
from __future__ import annotations

from typing import Any, Optional

import typer
from rich.markup import escape
from rich.table import Table

from workbench.cli._common import console, workbench_session

__all__ = ["cross_case", "why"]

_REVEAL = "Show real names of victims and witnesses (recorded in the audit log)."


def _print(frame: Any, title: str, columns: list[str], limit: int) -> None:
    table = Table(title=title)
    for column in columns:
        table.add_column(column, no_wrap=column in ("left", "right", "ids"))
    for _, row in frame.head(limit).iterrows():
        table.add_row(*(f"{row[c]:.2f}" if isinstance(row[c], float) else escape(str(row[c])) for c in columns))
    console.print(table)


def cross_case(links: bool = typer.Option(False, "--links", help="Also list the pairs of people to review, "
                                          "with their reasons and ids (for `workbench merges decide`)."),
               limit: int = typer.Option(50, "--limit", min=1, help="Rows to show per table."),
               reveal: bool = typer.Option(False, "--reveal", help=_REVEAL)) -> None:
    """List the phones, accounts and people's names that several cases share: leads, never merges.

    Example: workbench cross-case --links
    """
    with workbench_session() as wb:
        shared = wb.cross_case(reveal=reveal)
        pairs = wb.cross_case_links(reveal=reveal) if links else None
    if shared.empty:
        console.print("no phone, account or name is shared by two cases", highlight=False, markup=False)
    else:
        _print(shared, f"Shared across cases ({len(shared)})", ["label", "name", "cases", "in each case", "status"],
               limit)
    if pairs is not None and not pairs.empty:
        _print(pairs, f"Cross-case links to review ({len(pairs)})",
               ["left_name", "left_case", "left_role", "right_name", "right_case", "right_role", "score", "reasons",
                "status", "left", "right"], limit)


def why(item: str = typer.Argument(..., help="An entity: its id, name or pseudonym."),
        case: Optional[str] = typer.Option(None, "--case", help="Look the name up in this case only."),
        reveal: bool = typer.Option(False, "--reveal", help=_REVEAL)) -> None:
    """Show why an entity is one: each merge of its mentions, with its rule, score and reasons.

    Example: workbench merges why "Carla Westby" --case BZ-TIP-2026-118
    """
    with workbench_session() as wb:
        frame = wb.why_one(item, case_id=case, reveal=reveal)
    if frame.empty:
        console.print(f"{item!r} was never merged: every mention of it has the same name or number",
                      highlight=False, markup=False)
        return
    _print(frame, f"Why {item} is one", ["case", "left_name", "right_name", "rule", "score", "reasons"], 100)
