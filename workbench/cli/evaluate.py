"""``workbench eval``: score extraction on a generated sample, on real texts with gold, or on a case folder.

Thin on purpose: the scoring is in ``evaluation``. The folder says which mode applies: a
``ground_truth.json`` is a generated sample, a ``gold.jsonl`` a set of real texts (scored beside
the bare model, both measured in this run), and a folder with ``--expected`` (or a sibling
``<folder>-expected.json``) a hand-written case folder.
"""
from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from evaluation import evaluate_casefolder, evaluate_realtexts, evaluate_sample, summary_rows
from ingest import extract as run_extract, read_case, read_jsonl
from ingest.nlp import default_model
from workbench.cli._common import fail, load_nlp

__all__ = ["eval_command"]

console = Console(width=160)  # tables of figures are read whole, also when piped


def eval_command(
    folder: Path = typer.Argument(..., help="A generated sample, a real-text folder with gold.jsonl, or a case folder."),
    expected: Path = typer.Option(None, "--expected", help="A case folder's expected-outcome JSON (default: FOLDER-expected.json)."),
    errors: bool = typer.Option(False, "--errors", help="Also list the misses and false positives per type."),
    extractions: Path = typer.Option(None, "--extractions", help="Score this JSONL instead of extracting again (sample mode)."),
    model: str = typer.Option(None, "--model", help="spaCy model."),
) -> None:
    """Precision, recall and F1 per type (real texts: beside the bare model), or a case folder's checks.

    Example: workbench eval ../shared/data/realtexts --errors
    """
    if not folder.is_dir():
        fail(f"{folder}: not found (give a sample, a real-text folder or a case folder)")
    if extractions is not None and not extractions.is_file():
        fail(f"{extractions}: not found (--extractions)")
    sibling = folder.parent / f"{folder.name}-expected.json"
    if (folder / "gold.jsonl").is_file():
        _realtexts(folder, model, errors)
    elif (folder / "ground_truth.json").is_file():
        _sample(folder, model, extractions)
    elif expected is not None or sibling.is_file():
        if expected is not None and not expected.is_file():
            fail(f"{expected}: not found (--expected)")
        _casefolder(folder, expected or sibling, model)
    else:
        fail(f"{folder}: no gold.jsonl, ground_truth.json or {sibling.name} to score against (see --expected)")


def _realtexts(folder: Path, model: str | None, errors: bool) -> None:
    import spacy

    nlp = load_nlp(model)
    reports = evaluate_realtexts(folder, nlp, spacy.load(model or default_model()))
    ours, bare = reports["workbench"], reports["bare model"]
    table = Table(title=f"{folder} ({ours.texts} texts): workbench beside the bare model, same run")
    for column in ("type", "P", "R", "F1", "tp", "fp", "fn", "bare P", "bare R", "bare F1"):
        table.add_column(column, justify="left" if column == "type" else "right", no_wrap=True)
    for name, score in ours.scores.items():
        other = bare.scores[name]
        table.add_row(name, f"{score.precision:.3f}", f"{score.recall:.3f}", f"{score.f1:.3f}", str(score.tp),
                      str(score.fp), str(score.fn), f"{other.precision:.3f}", f"{other.recall:.3f}", f"{other.f1:.3f}")
    table.add_row("complicity", "", "", f"{ours.complicity:.3f}", "", "", "", "", "", f"{bare.complicity:.3f}")
    console.print(table)
    if errors:
        for name, score in ours.scores.items():
            for kind, rows in (("missed", score.misses), ("false", score.false)):
                for row in rows:
                    console.print(f"{name} {kind}: {row}", highlight=False, markup=False)


def _sample(folder: Path, model: str | None, extractions: Path | None) -> None:
    items = read_jsonl(extractions) if extractions is not None else run_extract(read_case(folder), load_nlp(model))
    result = evaluate_sample(items, folder / "ground_truth.json")
    for part in ("entities", "relations"):
        table = Table(title=f"{part} ({result['notes']} notes)")
        for column in ("type", "precision", "recall", "F1", "tp", "fp", "fn"):
            table.add_column(column, justify="left" if column == "type" else "right")
        for name, score in sorted(result[part].items()):
            table.add_row(name, f"{score.precision:.3f}", f"{score.recall:.3f}", f"{score.f1:.3f}",
                          str(score.tp), str(score.fp), str(score.fn))
        console.print(table)
    typed = result["typed_relations"]
    console.print(f"typed relations: precision {typed.precision:.3f}, recall {typed.recall:.3f}, F1 {typed.f1:.3f}")


def _casefolder(folder: Path, expected: Path, model: str | None) -> None:
    report = evaluate_casefolder(folder, expected, load_nlp(model))
    table = Table(title=f"{folder} against {expected.name}")
    for column in ("check", "value", "detail"):
        table.add_column(column)
    for row in summary_rows(report):
        table.add_row(*row)
    console.print(table)
