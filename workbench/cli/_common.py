"""Shared bits of the command line: one-line errors, a connected workbench, the app's group.

Why here: every command fails the same way. A ``WorkbenchError`` is one line on stderr, exit
code 2 for a wrong argument (its code is W4xx: an unknown case, name, id, path or option value)
and 1 for anything else (a server that is down, a bad setting). A name that fits several
entities also lists them. Click's own usage errors (a missing option, a value that is no
number) are shortened to one line as well, naming the flag and pointing at ``--help``.
Tracebacks are for bugs only, and they never show local variables (those hold case data).
"""
from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from typer.core import TyperGroup

from workbench.errors import AmbiguousName, Errors, WorkbenchError, code_of

__all__ = ["OneLineGroup", "console", "err_console", "existing", "fail", "load_nlp", "one_line_errors",
           "version_option", "workbench_session"]

console = Console()
err_console = Console(stderr=True, soft_wrap=True)  # one-line messages stay one line at any width
# The driver logs each retry on a dead connection as a WARNING, which Python prints on stderr when
# nothing configures logging: a lost server is one W210 line instead (workbench.store.connection).
logging.getLogger("neo4j").addHandler(logging.NullHandler())
# Click's error base class, whether typer uses the click package or its own copy of it (typer >= 0.25).
_CLICK_ERROR: type[Exception] = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException")
#: The exit code of a command stopped by Ctrl-C (SIGINT), as a shell reports it.
INTERRUPTED = 130


def fail(message: str, code: int = 2) -> None:
    """Print ``error: message`` on one line of stderr and exit with ``code`` (2: a wrong argument)."""
    err_console.print(f"[red]error:[/red] {escape(message)}", markup=True, highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def existing(path: Path | None, what: str) -> None:
    """Fail with "PATH: not found (WHAT)" unless ``path`` is None or exists."""
    if path is not None and not path.exists():
        fail(Errors.W404.format(path=path, what=f" ({what})"))


def load_nlp(model: str | None) -> Any:
    """The extraction pipeline; a model spaCy cannot load is a one-line error naming ``--model``."""
    from ingest import build_nlp

    try:
        return build_nlp(model)
    except OSError as error:
        fail(f"--model {model!r}: spaCy cannot load it ({str(error).splitlines()[0][:160]})")


def _choices(error: AmbiguousName) -> None:
    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
    for column in ("name", "label", "role", "case", "id"):
        table.add_column(column, no_wrap=column == "id")
    for row in error.choices:
        table.add_row(*(escape(str(row.get(c, ""))) for c in ("name", "label", "role", "case", "id")))
    err_console.print(table, soft_wrap=True)


def _fitted(error: WorkbenchError) -> str:
    """The message, with the advice for an unreachable server fitted to NEO4J_URI being set."""
    if code_of(error) == "W201":
        from workbench.settings import load_settings

        try:
            settings = load_settings()
        except WorkbenchError:
            return str(error)
        if settings.external:
            return Errors.W204.format(uri=settings.bolt_uri)
    return str(error)


@contextmanager
def one_line_errors() -> Iterator[None]:
    """Print a workbench error as one line and exit non-zero (tracebacks are for bugs only).

    An ``http://`` NEO4J_URI is refused here, before any command (``db`` ones too) hands it to
    the driver, which would fail on a missing optional module instead.
    """
    try:
        _check_uri()
        yield
    except AmbiguousName as error:
        err_console.print(f"[red]error:[/red] {escape(str(error))}", markup=True, highlight=False, soft_wrap=True)
        _choices(error)
        raise typer.Exit(2) from None
    except WorkbenchError as error:
        code = code_of(error) or ""
        fail(_fitted(error), code=2 if code.startswith("W4") else 1)


def _check_uri() -> None:
    from workbench.api import check_uri
    from workbench.settings import load_settings

    check_uri(load_settings())


def _notice(message: str) -> None:
    err_console.print(escape(message), style="dim", highlight=False, soft_wrap=True)


@contextmanager
def workbench_session(start: bool = True) -> Iterator[Any]:
    """A connected workbench (the local Neo4j started if needed, said on stderr), closed at the end."""
    from workbench.api import connect

    with one_line_errors():
        wb = connect(start=start, notify=_notice)
        try:
            yield wb
        finally:
            wb.close()


class OneLineGroup(TyperGroup):
    """The top-level group: click's usage errors as one line, e.g.
    ``error: Missing option '--case'. (see workbench report --help)``."""

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None,  # type: ignore[override]
             complete_var: str | None = None, standalone_mode: bool = True, **extra: Any) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except _CLICK_ERROR as error:
            if type(error).__name__ != "NoArgsIsHelpError":  # the help was printed: nothing to add
                ctx = getattr(error, "ctx", None)
                where = f" (see {ctx.command_path} --help)" if ctx is not None else ""
                message = error.format_message()  # type: ignore[attr-defined]
                err_console.print(f"[red]error:[/red] {escape(message)}{escape(where)}",
                                  markup=True, highlight=False, soft_wrap=True)
            sys.exit(getattr(error, "exit_code", 2))
        except typer.Abort:
            err_console.print("aborted", highlight=False)
            sys.exit(1)
        if code == INTERRUPTED:  # typer turns Ctrl-C into this code and says nothing
            err_console.print(escape(Errors.W426), highlight=False, soft_wrap=True)
        sys.exit(code if isinstance(code, int) else 0)


def version_option(version: Callable[[], str]) -> Any:
    """``--version``: print ``workbench VERSION`` and exit."""
    def show(value: bool) -> None:
        if value:
            console.print(f"workbench {version()}", highlight=False)
            raise typer.Exit()

    return typer.Option(False, "--version", callback=show, is_eager=True, help="Print the version and exit.")
