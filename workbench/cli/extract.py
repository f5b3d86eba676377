"""``workbench extract`` and ``workbench eval``: run the extraction pipeline from the command line.

Thin on purpose: the work is in ``ingest`` (``build_nlp``, ``extract``, ``write_jsonl``,
``evaluate``); these commands add a progress bar, a summary table and an exit status
(1 when some files could not be read, so a script notices). Register with
``app.add_typer(extract.app)`` (no name) so both commands sit at the top level.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from ingest import build_nlp, evaluate, extract as run_extract, read_case, read_jsonl
from ingest.jsonl import write_jsonl
from ingest.read import iter_files
from ingest.results import Extraction, FileError

__all__ = ["app"]

app = typer.Typer(help="Extract mentions and relations from case files; score against a sample's truth.")
console = Console()


def _count(paths: list[Path]) -> int:
    return sum(sum(1 for _ in iter_files(p)) if p.is_dir() else 1 for p in paths)


def _items(paths: list[Path], case_id: str | None) -> Iterator:
    for path in paths:
        yield from read_case(path, case_id=case_id)


@app.command("extract")
def extract_command(
    paths: list[Path] = typer.Argument(..., help="Case folders or files."),
    out: Path = typer.Option(..., "--out", "-o", help="JSON Lines file to write."),
    processes: int = typer.Option(1, "--processes", "-p", help="Worker processes for spaCy."),
    batch_size: int = typer.Option(64, help="Notes per spaCy batch."),
    case_id: str = typer.Option(None, help="Case id to stamp on the notes."),
    model: str = typer.Option(None, help="spaCy model (default: WORKBENCH_SPACY_MODEL or en_core_web_sm)."),
) -> None:
    """Extract every note under PATHS into one JSONL file.

    Example: workbench extract cases/BZ-2024-017 --out extractions.jsonl --processes 2
    """
    nlp = build_nlp(model)
    labels, types, errors = Counter(), Counter(), []
    with Progress(console=console, transient=True) as progress:
        task = progress.add_task("extracting", total=_count(paths))

        def counted() -> Iterator[Extraction | FileError]:
            for item in run_extract(_items(paths, case_id), nlp, batch_size=batch_size, n_process=processes):
                progress.advance(task)
                if isinstance(item, FileError):
                    errors.append(item)
                else:
                    labels.update(m.label for m in item.mentions)
                    types.update(r.type for r in item.relations)
                    errors.extend(item.errors)
                yield item

        written = write_jsonl(counted(), out)
    _summary(written, labels, types, errors)
    if errors:
        raise typer.Exit(1)


def _summary(written: int, labels: Counter, types: Counter, errors: list[FileError]) -> None:
    table = Table(title=f"{written} files")
    table.add_column("what")
    table.add_column("count", justify="right")
    for name, count in sorted(labels.items()):
        table.add_row(f"mentions: {name}", str(count))
    for name, count in sorted(types.items()):
        table.add_row(f"relations: {name}", str(count))
    table.add_row("errors", str(len(errors)))
    console.print(table)
    for error in errors:
        console.print(f"[red]{error}[/red]", highlight=False)


@app.command("eval")
def eval_command(
    sample: Path = typer.Argument(..., help="A generated sample case folder (with ground_truth.json)."),
    extractions: Path = typer.Option(None, help="Score this JSONL instead of extracting again."),
    model: str = typer.Option(None, help="spaCy model."),
) -> None:
    """Precision, recall and F1 per entity and relation type against the sample's ground truth.

    Example: workbench eval .workbench/sample_case
    """
    if extractions is not None:
        items = read_jsonl(extractions)
    else:
        items = run_extract(_items([sample], None), build_nlp(model))
    result = evaluate(items, sample / "ground_truth.json")
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
