"""`workbench flags` and `workbench audit`: possible-complicity flags and the audit trail.

Thin on purpose: the store gives the case graph and the note authors, :mod:`workbench.flags`
computes, and every run and export is recorded in the append-only audit log.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from workbench.audit import read_log, verify_log
from workbench.cli._common import console, err_console, workbench_session
from workbench.flags import officials, read_register, to_html, to_markdown


def flags(case: Optional[str] = typer.Option(None, "--case", help="Case id (default: every case)."),
          register: Optional[Path] = typer.Option(None, help="Officials register CSV (name, agency, rank, ...)."),
          out: Optional[Path] = typer.Option(None, "--out", help="Also write the flags as an HTML report."),
          k: int = typer.Option(2, help="Hops to the network's core."),
          operation: list[str] = typer.Option([], "--operation", help="When an operation began, for the "
                                              "call-before-operation rule: 2024-03-22T22:15[=Op LUNA]; repeatable."),
          analyst: Optional[str] = typer.Option(None, help="Analyst name for the audit log.")) -> None:
    """Flag officials whose non-investigative ties to the exploitation core need review; print the table.

    Example: workbench flags --case BZ-TIP-2026-118 --operation 2024-03-22T22:15=LUNA --out flags.html
    """
    ops = [{"at": at, "name": name or f"operation at {at}", "kind": "operation"}
           for at, _, name in (text.partition("=") for text in operation)]
    with workbench_session() as wb:
        given = officials(wb.case_graph(case), register=read_register(register)) if register else None
        report = wb.complicity_flags(case, analyst=analyst, params={"k": k, "operations": ops}, officials=given)
        console.print(to_markdown(report), markup=False, highlight=False)
        if out:
            text = to_html(report)
            out.write_text(text, encoding="utf-8")
            wb.record_export("flags.export.html", {"path": out.name, "case": case}, text)
            console.print(f"wrote {out}")


def audit() -> None:
    """Show the audit log (who ran which flag or export, when) and check its hash chain.

    Example: workbench audit
    """
    from workbench.api import audit_log_path
    from workbench.settings import load_settings

    log = audit_log_path(load_settings())
    if not log.exists():
        console.print("the audit log is empty")
        return
    console.print(read_log(log).drop(columns=["params"], errors="ignore").to_string(index=False), markup=False)
    problems = verify_log(log)
    for problem in problems:
        err_console.print(problem, markup=False)
    if problems:
        raise typer.Exit(1)
