"""Benchmark the extraction pipeline: speed against the bare model, memory at 1k and 10k notes.

Why: speed is judged as a ratio against a baseline measured in the same run on the same
texts, not as absolute seconds (machines differ; see ../shared/notes/performance-anchors.md
2.2). The baseline is the same spaCy model's full default pipeline over ``nlp.pipe``; ours is
the whole ``ingest.extract`` (model + rule components + record building). Target ratio: 0.75.
Memory is the process's peak RSS (``resource.getrusage``) after streaming N notes through
``extract`` into a null sink: with streaming it stays flat from 1k to 10k notes.

Run: ``python -m bench.bench_extract [--notes 300] [--sizes 1000,10000] [--processes 2]``.
Texts come from ``samplecase.generate_case`` (a fixed seed), repeated with fresh ids.
"""
from __future__ import annotations

import argparse
import gc
import itertools
import resource
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import spacy

from graph_schema.records import Note
from ingest.extract import extract
from ingest.jsonl import write_jsonl
from ingest.nlp import build_nlp, default_model
from ingest.read import is_export, read_path
from samplecase import generate_case


class _Null:
    def write(self, _: str) -> int:
        return 0


def sample_notes(n_notes: int, seed: int = 4242) -> list[Note]:
    with tempfile.TemporaryDirectory() as tmp:
        generate_case(tmp, seed=seed, n_notes=n_notes)
        return [n for n in read_path(Path(tmp) / "notes") if isinstance(n, Note) and not is_export(n)]


def stream(notes: list[Note], count: int) -> Iterator[Note]:
    for i, note in zip(range(count), itertools.cycle(notes)):
        yield Note(id=f"{note.id}-{i}", path=note.path, text=note.text, author=note.author, date=note.date)


def words(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)


def time_baseline(base, texts: list[str], batch_size: int) -> float:
    start = time.perf_counter()
    for _ in base.pipe(texts, batch_size=batch_size):
        pass
    return words(texts) / (time.perf_counter() - start)


def time_ours(nlp, notes: list[Note], batch_size: int, processes: int = 1) -> float:
    start = time.perf_counter()
    write_jsonl(extract(notes, nlp, batch_size=batch_size, n_process=processes), _Null())
    return words([n.text for n in notes]) / (time.perf_counter() - start)


def speeds(model: str, nlp, notes: list[Note], batch_size: int, rounds: int) -> tuple[float, float]:
    """Best of ``rounds`` alternating runs of each, so a busy machine slows both alike."""
    base = spacy.load(model)
    texts = [n.text for n in notes]
    list(base.pipe(texts[:20]))
    list(extract(notes[:20], nlp))
    best_base = best_ours = 0.0
    for _ in range(rounds):
        best_base = max(best_base, time_baseline(base, texts, batch_size))
        best_ours = max(best_ours, time_ours(nlp, notes, batch_size))
    return best_base, best_ours


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def memory(nlp, notes: list[Note], sizes: list[int], batch_size: int) -> list[tuple[int, float, float]]:
    rows = []
    for size in sizes:
        gc.collect()
        start = time.perf_counter()
        write_jsonl(extract(stream(notes, size), nlp, batch_size=batch_size), _Null())
        rows.append((size, peak_rss_mb(), time.perf_counter() - start))
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=300, help="distinct notes for the speed runs")
    parser.add_argument("--sizes", default="1000,10000", help="note counts for the memory runs")
    parser.add_argument("--processes", type=int, default=1, help="also time extract with n_process=N")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--model", default=None)
    parser.add_argument("--rounds", type=int, default=3, help="alternating speed runs; the best of each counts")
    args = parser.parse_args(argv)
    model = args.model or default_model()
    notes = sample_notes(args.notes)
    texts = [n.text for n in notes]
    print(f"model {model}; {len(notes)} notes, {words(texts):,} words")
    nlp = build_nlp(model)
    base, ours = speeds(model, nlp, notes, args.batch_size, args.rounds)
    print(f"{'run':<34}{'words/s':>10}{'ratio':>8}")
    print(f"{'baseline: full model, nlp.pipe':<34}{base:>10,.0f}{1.0:>8.2f}")
    print(f"{'extract (model + rules + records)':<34}{ours:>10,.0f}{ours / base:>8.2f}")
    if args.processes > 1:
        multi = time_ours(nlp, notes, args.batch_size, args.processes)
        print(f"{f'extract, {args.processes} processes':<34}{multi:>10,.0f}{multi / base:>8.2f}")
    print(f"\n{'notes streamed':<16}{'peak RSS MB':>12}{'seconds':>10}")
    for size, rss, seconds in memory(nlp, notes, [int(s) for s in args.sizes.split(",")], args.batch_size):
        print(f"{size:<16}{rss:>12,.0f}{seconds:>10,.1f}")


if __name__ == "__main__":
    main()
