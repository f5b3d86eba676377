"""`workbench flags` and `workbench audit`: possible-complicity flags and the audit trail.

Thin on purpose: the store gives the case graph and the note authors, :mod:`workbench.flags`
computes, and every run and export is recorded in the append-only audit log. The table printed
names each sentence's note by file, type, author and date, never by its hash (a file name that
holds a protected name is scrubbed like the sentences); ``--out`` writes HTML, or the ranked
table as CSV for a ``.csv`` file.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Optional

import pandas as pd
import typer

from workbench.audit import read_log, verify_log
from workbench.cli._common import console, err_console, existing, fail, one_line_errors, workbench_session
from workbench.errors import Errors
from workbench.flags import read_register, to_markdown
from workbench.report import cite_flags, note_sources


def _operations(texts: list[str]) -> list[dict[str, str]]:
    """``2024-03-22T22:15[=Op LUNA]`` -> the operation records the call-before-operation rule reads."""
    ops = []
    for text in texts:
        at, _, name = text.partition("=")
        try:
            dt.datetime.fromisoformat(at.strip())
        except ValueError:
            fail(f"--operation {text!r} is not valid: give a date and time such as 2024-03-22T22:15=LUNA")
        ops.append({"at": at.strip(), "name": name.strip() or f"operation at {at.strip()}", "kind": "operation"})
    return ops


def flags(case: Optional[str] = typer.Option(None, "--case", help="Case id (default: every case)."),
          register: Optional[Path] = typer.Option(None, "--register", help="Officials register CSV (name, agency, rank, ...)."),
          out: Optional[Path] = typer.Option(None, "--out", help="Also write the flags: an HTML report, or the "
                                             "ranked table for a .csv file."),
          k: int = typer.Option(2, "--k", min=1, max=6, help="Hops to the network's core."),
          operation: list[str] = typer.Option([], "--operation", help="When an operation began, for the "
                                              "call-before-operation rule: 2024-03-22T22:15[=Op LUNA]; repeatable."),
          analyst: Optional[str] = typer.Option(None, "--analyst", help="Analyst name for the audit log."),
          reveal: bool = typer.Option(False, "--reveal", help="Show real names and numbers of victims and "
                                      "witnesses in reasons and sentences (recorded in the audit log).")) -> None:
    """Flag officials whose non-investigative ties to the exploitation core need review; print the table.

    Example: workbench flags --case BZ-TIP-2026-118 --operation 2026-03-22T22:15=LUNA --out flags.html
    """
    ops = _operations(operation)
    existing(register, "--register")
    if out is not None:
        existing(out.parent, f"the folder to write {out.name} into")
    given_register = _register(register) if register else None
    with workbench_session() as wb:
        given = wb.register_officials(given_register, case) if given_register is not None else None
        report = wb.complicity_flags(case, analyst=analyst, params={"k": k, "operations": ops}, officials=given,
                                     reveal=reveal)
        redact = None if reveal else wb.protection(case).scrub
        cited = cite_flags(report, note_sources(wb.store.notes(case)), redact or (lambda s: s))
        console.print(to_markdown(cited), markup=False, highlight=False)
        if out:
            console.print(f"wrote {wb.write_flags(report, out, case_id=case, reveal=reveal)}")


def _register(path: Path) -> Any:
    try:
        return read_register(path)
    except (ValueError, UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as error:
        fail(Errors.W409.format(path=path, detail=str(error).splitlines()[0] if str(error) else type(error).__name__))


def audit() -> None:
    """Show the audit log (who ran which flag or export, when) and check its hash chain.

    Example: workbench audit
    """
    from workbench.api import audit_log_path
    from workbench.settings import load_settings

    with one_line_errors():
        log = audit_log_path(load_settings())
    problems = verify_log(log)  # also when the log is gone: its checkpoint may say it held entries
    if not log.exists() and not problems:
        console.print("the audit log is empty")
        return
    if not any("not valid JSON" in p for p in problems):  # a line that is no JSON: named below instead
        console.print(read_log(log).drop(columns=["params"], errors="ignore").to_string(index=False), markup=False)
    for problem in problems:
        err_console.print(f"error: {problem}", markup=False, highlight=False, soft_wrap=True)
    if problems:
        raise typer.Exit(1)
