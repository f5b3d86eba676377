"""``workbench find``: look an entity up by name, to get the id other commands also accept.

Thin on purpose: :meth:`workbench.api.Workbench.find` does the fuzzy matching; victims and
witnesses are listed by pseudonym (as the case's views show them) unless ``--reveal``.
"""
from __future__ import annotations

from typing import Optional

import typer
from rich.markup import escape
from rich.table import Table

from workbench.cli._common import console, fail, workbench_session

__all__ = ["find"]


def find(name: str = typer.Argument(..., help="A name, part of one, an alias, a number or a pseudonym."),
         case: Optional[str] = typer.Option(None, "--case", help="Only this case (default: every case)."),
         label: Optional[str] = typer.Option(None, "--label", help="Only this label (Person, Phone, ...)."),
         limit: int = typer.Option(20, "--limit", min=1, help="Rows to show."),
         reveal: bool = typer.Option(False, "--reveal", help="Show real names of victims and witnesses "
                                     "(recorded in the audit log).")) -> None:
    """Find entities by name (fuzzy): name, label, role, case and the id that every command accepts.

    Example: workbench find "Carlos Alvarado" --case BZ-TIP-2026-118
    """
    with workbench_session() as wb:
        if label is not None and label not in wb.schema.nodes:
            fail(f"--label {label!r} is not a label: use one of {', '.join(sorted(wb.schema.entity_labels))}")
        frame = wb.find(name, label=label, case_id=case, reveal=reveal, limit=limit)
    if frame.empty:
        fail(f"nothing is named like {name!r}" + (f" in case {case!r}" if case else ""), code=1)
    table = Table(title=f"Entities named like {name!r}")
    for column in ("name", "label", "role", "case", "id", "score"):
        table.add_column(column, no_wrap=column == "id")
    for row in frame.itertuples(index=False):
        table.add_row(*(escape(str(v)) for v in (row.name, row.label, row.role, row.case, row.id, f"{row.score:.0f}")))
    console.print(table)
