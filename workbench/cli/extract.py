"""``workbench extract``: run the extraction pipeline from the command line (no database).

Thin on purpose: the work is in ``ingest`` (``build_nlp``, ``extract``, ``write_jsonl``); this
command adds a progress bar, a summary table and an exit status (1 when some files could not be
read, so a script notices). Register with ``app.add_typer(extract.app)`` (no name) so it sits at
the top level. Scoring is ``workbench eval`` (``workbench/cli/evaluate.py``).
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from ingest import extract as run_extract, read_case
from ingest.jsonl import write_jsonl
from ingest.read import iter_files
from ingest.results import Extraction, FileError
from workbench.cli._common import existing, fail, load_nlp
from workbench.errors import Errors

__all__ = ["app"]

app = typer.Typer(help="Extract mentions and relations from case files.")
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
    processes: int = typer.Option(1, "--processes", "-p", min=1, help="Worker processes for spaCy."),
    batch_size: int = typer.Option(64, "--batch-size", min=1, help="Notes per spaCy batch."),
    case_id: str = typer.Option(None, "--case-id", help="Case id to stamp on the notes."),
    model: str = typer.Option(None, "--model", help="spaCy model (default: WORKBENCH_SPACY_MODEL or en_core_web_sm)."),
) -> None:
    """Extract every note under PATHS into one JSONL file.

    Example: workbench extract cases/BZ-2024-017 --out extractions.jsonl --processes 2
    """
    for path in paths:
        existing(path, "a file or folder to extract")
    if out.is_dir():
        fail(f"--out {str(out)!r} is a folder: give the JSON Lines file to write")
    if not out.parent.is_dir():
        fail(Errors.W404.format(path=out.parent, what=f" (the folder to write {out.name} into)"))
    nlp = load_nlp(model)
    labels: Counter[str] = Counter()
    types: Counter[str] = Counter()
    errors: list[FileError] = []
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
