"""Shared bits of the command line: one-line errors and a connected workbench."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import typer
from rich.console import Console

from workbench.errors import WorkbenchError

console = Console()
err_console = Console(stderr=True)


@contextmanager
def one_line_errors() -> Iterator[None]:
    """Print a workbench error as one line and exit non-zero (tracebacks are for bugs only)."""
    try:
        yield
    except WorkbenchError as error:
        err_console.print(f"[red]error:[/red] {error}", markup=True, highlight=False, soft_wrap=True)
        raise typer.Exit(1) from None


@contextmanager
def workbench_session(start: bool = True) -> Iterator[object]:
    from workbench.api import connect

    with one_line_errors():
        wb = connect(start=start)
        try:
            yield wb
        finally:
            wb.close()
