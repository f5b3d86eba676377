"""One ingest run: case files -> notes -> extraction (cached) -> resolution -> Neo4j.

Why here: this is the one place that wires ``ingest`` to ``workbench.store`` (the CLI and the
notebooks call it through ``Workbench.ingest``). Extraction is the slow step, so each note's
extraction is cached on disk under ``WORKBENCH_HOME/extractions/<fingerprint>/<sha256>.jsonl``
(the fingerprint hashes the ingest code and patterns, the graph schema and the model name, see
``extraction_fingerprint``; the file layout is ``workbench.extraction_cache``): a second run, or a
run after a crash, only extracts what is new, and a large note (a call-record export) is read back
in parts.

Resolution then sees every note of the run (one at a time, keeping names, keys and relation
spans but no sentences and no payments or calls) and applies the analyst's stored decisions.
A case is the unit of resolution (``ingest.identity``): notes that name no case resolve in the
run's case (``--case``, else the one case the other notes name), so without ``--case`` the
resolver is fed from the cache once every note is read and that case is known.
Each note's mentions, evidence sentences, payments and calls are streamed to the store in a
second pass over the cache, so the ingest's memory follows the number of people, identifiers
and places, not the number of notes or export rows. The store writes idempotently, so a run
killed at any point and run again ends in the same graph. The spaCy model is loaded only when
some note is not cached yet.
"""
from __future__ import annotations

import dataclasses
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph_schema.records import Note
from ingest.errors import IngestError
from ingest.judgements import Decision
from ingest.read import read_path
from ingest.identity import run_case
from ingest.read.exports import export_parts, is_export
from ingest.resolve import Resolution, Resolver
from ingest.results import Extraction, FileError
from ingest.workers import Workers
from workbench.errors import Errors
from workbench.extraction_cache import ExtractionCache
from workbench.store.connection import lost_connection_is_one_line
from workbench.store.loader import PIPELINE_VERSION, LoadStats
from workbench.store.store import Store

__all__ = ["IngestReport", "ExtractionCache", "extraction_fingerprint", "extraction_sources", "run_ingest"]


@dataclass
class IngestReport:
    """What an ingest did, for the summary table and the notebooks."""

    files_read: int = 0
    failed: list[FileError] = field(default_factory=list)
    row_errors: list[FileError] = field(default_factory=list)
    extracted: int = 0
    cached: int = 0
    entities_before: int = 0
    entities_after: int = 0
    resolution: dict[str, int] = field(default_factory=dict)
    candidates: int = 0
    load: LoadStats | None = None
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.failed and not self.row_errors

    def summary(self) -> dict[str, Any]:
        load = self.load or LoadStats()
        return {
            "files read": self.files_read, "files failed": len(self.failed), "bad CSV rows": len(self.row_errors),
            "notes extracted": self.extracted, "notes from cache": self.cached,
            "entities": self.entities_after, "entities new": self.entities_after - self.entities_before,
            "mentions merged by key": self.resolution.get("merged_by_key", 0),
            "mentions merged by name": self.resolution.get("merged_by_name", 0),
            "merge candidates waiting": self.candidates, "relationships": load.relationships,
            "evidence rows": load.evidence, "evidence no longer read (retired)": load.retired_evidence,
            "seconds": round(self.seconds, 1),
        }


def extraction_fingerprint(model: str) -> str:
    """A short hash of everything that shapes an extraction: the ingest code, its patterns and
    config, the graph schema it reads as it runs (labels and relationship types, meanings, the
    vocabulary of offices, the property types that clean every key) and the model's name. A
    change to any of them starts a fresh cache, so a cached extraction is never one an older
    pipeline made."""
    import hashlib

    digest = hashlib.sha256(model.encode())
    for name, path in extraction_sources():
        digest.update(name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def extraction_sources() -> list[tuple[str, Path]]:
    """(name, path) of each file :func:`extraction_fingerprint` hashes: the code, config and data
    of ``ingest`` (not its sample data) and ``graph_schema`` (not the generated ``SCHEMA.md``)."""
    import graph_schema
    import ingest

    sources = []
    for package in (ingest, graph_schema):
        root = Path(str(package.__file__)).resolve().parent
        for path in sorted(p for p in root.rglob("*") if p.suffix in {".py", ".cfg", ".jsonl", ".yaml", ".csv", ".json"}
                           and "sample" not in p.relative_to(root).parts and "__pycache__" not in p.parts):
            sources.append((f"{root.name}/{path.relative_to(root).as_posix()}", path))
    return sources


def _light(note: Note) -> Note:
    """The note without its text: the store keeps sentences, not whole files, and memory stays small."""
    return dataclasses.replace(note, text="")


#: Notes a model process is worth: fewer stay in this process (forking would cost more than it gives).
NOTES_PER_PROCESS = 64


class _LazyModel:
    """The spaCy pipeline, built the first time a note is not in the cache (a warm run never
    loads it), and its worker processes, started the first time a batch is worth them."""

    def __init__(self, factory: Callable[[], Any], processes: int = 1) -> None:
        self.factory, self.nlp, self.processes = factory, None, processes
        self.pool: Workers | None = None

    def get(self) -> Any:
        if self.nlp is None:
            self.nlp = self.factory()
        return self.nlp

    def workers(self, notes: int) -> Workers | None:
        """The workers for ``notes`` notes: none for one process or fewer than
        ``NOTES_PER_PROCESS`` notes, else started once and kept."""
        from ingest import start_workers

        if self.processes > 1 and notes >= NOTES_PER_PROCESS and self.pool is None:
            self.pool = start_workers(self.get(), self.processes)
        return self.pool

    def close(self) -> None:
        if self.pool is not None:
            self.pool.close()
            self.pool = None


def _extractions(paths: Sequence[Path], case_id: str | None, cache: ExtractionCache, report: IngestReport,
                 model: _LazyModel, progress: Callable[[str], None], processes: int = 1,
                 window: int = 256) -> Iterator[Extraction]:
    """Every readable note's extraction, from the cache or extracted now, one at a time, in input order.

    Notes to extract are gathered ``window`` at a time per process (spaCy batches them), so at
    most that many note texts are held, whatever the size of the case. With ``processes`` > 1
    the extraction runs in that many worker processes (``ingest.workers``, started once per
    ingest): they take batches of notes and return their records while this process reads the
    files, writes the cache and feeds the resolver; results come back in input order, so the
    graph does not depend on the number of processes.
    """
    window *= processes
    pending: list[Note] = []
    for path in paths:
        for item in read_path(path, case_id=case_id):
            if isinstance(item, FileError):
                report.failed.append(item)
                progress(str(item))
                continue
            report.files_read += 1
            if item in cache:
                report.cached += 1
                yield from cache.parts(_light(item))
                continue
            if is_export(item):
                yield from _read_export(item, cache, report, progress)
                continue
            pending.append(item)
            if len(pending) >= window:
                yield from _extract_now(pending, cache, report, model, progress)
                pending = []
    yield from _extract_now(pending, cache, report, model, progress)


def _read_export(note: Note, cache: ExtractionCache, report: IngestReport,
                 progress: Callable[[str], None]) -> Iterator[Extraction]:
    """A call or money-transfer export straight into the cache, a chunk of rows at a time (it
    needs no language model), then back in parts: a hundred-thousand-row export is never whole
    in memory."""
    try:
        with cache.writer(note) as write:
            for part in export_parts(note):
                write(part)
    except IngestError as exc:
        error = FileError(exc.path, exc.message, exc.line)
        report.failed.append(error)
        progress(str(error))
        return
    report.extracted += 1
    progress(note.path)
    yield from cache.parts(_light(note))


def _extract_now(notes: list[Note], cache: ExtractionCache, report: IngestReport, model: _LazyModel,
                 progress: Callable[[str], None]) -> Iterator[Extraction]:
    from ingest import extract

    if not notes:
        return
    workers = model.workers(len(notes))
    # where nothing forks, spaCy's own processes: one per NOTES_PER_PROCESS notes, at most model.processes
    spacy_processes = 1 if workers else max(1, min(model.processes, len(notes) // NOTES_PER_PROCESS))
    for result in extract(notes, model.get(), workers=workers, n_process=spacy_processes):
        if isinstance(result, FileError):
            report.failed.append(result)
            progress(str(result))
            continue
        cache.put(result)
        report.extracted += 1
        progress(result.note.path)
        yield dataclasses.replace(result, note=_light(result.note))


def _read_and_resolve(store: Store, paths: Sequence[Path], case_id: str | None, cache: ExtractionCache,
                      report: IngestReport, model: _LazyModel, progress: Callable[[str], None],
                      processes: int) -> tuple[list[Note], Resolver]:
    """Every note read (without its text) and a resolver fed every extraction: while extracting
    when the run's case is known, else from the cache once the notes name it."""
    resolver = Resolver(schema=store.schema, default_case=case_id)
    notes: list[Note] = []
    for extraction in _extractions(paths, case_id, cache, report, model, progress, processes):
        report.row_errors.extend(extraction.errors)
        if case_id is not None:  # the run's case is known: resolve while extracting
            resolver.add(extraction)
        if not notes or notes[-1] is not extraction.note:  # a large cached note comes in parts
            notes.append(extraction.note)
    if case_id is None:  # notes without a case resolve in the one case the others name, known only now
        resolver = Resolver(schema=store.schema, default_case=run_case(n.case_id for n in notes))
        for note in notes:
            for part in cache.parts(note):
                resolver.add(part)
    return notes, resolver


@lost_connection_is_one_line("ingest")
def run_ingest(store: Store, paths: Iterable[str | Path], *, case_id: str | None, cache_dir: Path,
               decisions: Sequence[Decision], nlp_factory: Callable[[], Any], fingerprint: str = PIPELINE_VERSION,
               progress: Callable[[str], None] = lambda _: None, batch_size: int = 1000,
               processes: int | None = None) -> tuple[IngestReport, Resolution]:
    """Ingest files and folders into the store; see the module docstring for the guarantees.

    ``processes``: worker processes for the model (default: the machine's cores).
    """
    processes = max(1, processes or os.cpu_count() or 1)
    started = time.perf_counter()
    report = IngestReport()
    report.entities_before = store.entity_count()  # from Neo4j's count store, no scan
    cache = ExtractionCache(cache_dir, fingerprint)
    pipeline_version = f"{PIPELINE_VERSION}+{fingerprint}"
    # Warm a cold server while the model works, when the model leaves a core to it (measured on a
    # 1,000-note case, two cores: with one process the load fell from 15 to 10 s at no cost to
    # the model; with two the rehearsal slowed the model more than it sped the load).
    warmup = store.warmup(batch_size=batch_size, pipeline_version=pipeline_version,
                          start=processes < (os.cpu_count() or 1))
    try:
        model = _LazyModel(nlp_factory, processes)
        try:
            notes, resolver = _read_and_resolve(store, [Path(p) for p in paths], case_id, cache, report,
                                                model, progress, processes)
        finally:
            model.close()
        resolution = resolver.finish(decisions)
    finally:
        warmup.stop()
    report.resolution, report.candidates = resolution.stats, len(resolution.candidates)
    report.problems = list(resolution.problems)
    progress(f"writing {len(resolution.nodes)} entities and {len(resolution.rels)} relationships, then each note's"
             " mentions, evidence, payments and calls")
    loader = store.loader(case_id=case_id, batch_size=batch_size, pipeline_version=pipeline_version)
    loader.notes(notes)
    loader.nodes(resolution.nodes)
    unique = {note.id: note for note in notes}  # two files with the same bytes are one note version
    loader.facts([*resolution.facts, *resolution.authorship], unique)
    for note in sorted(unique.values(), key=lambda n: n.id):  # second pass: mentions, sentences, events
        if note not in cache:
            raise FileNotFoundError(Errors.W425.format(path=note.path, cache=cache.root))
        for part in cache.parts(note):
            place = resolver.place(part, resolution)
            loader.note_facts(place.mentions, place.evidence, nodes=place.nodes, rels=place.rels)
            report.problems.extend(place.problems)
        loader.note_done(note.id)
    loader.rels(resolution.rels)
    report.load = loader.finish()
    report.entities_after = store.entity_count()
    report.seconds = time.perf_counter() - started
    return report, resolution
