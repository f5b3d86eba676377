"""Run the pipeline over notes and turn what the components found into ``Extraction`` records.

Why: extraction must stream (10k notes in flat memory), run without a database, and give every
mention and relation its evidence in the *note's* coordinates. Notes go through
``nlp.pipe(as_tuples=True)``; a note longer than ``chunk_chars`` is cut by
``ingest.read.paragraph_chunks`` and its chunks' offsets are shifted back, then within-note
references are linked again across chunks. CSV exports skip the NLP (``read_export``) and
unreadable files come out as ``FileError`` values in the same stream, in input order, so one bad
file never stops the batch.

Decisions: first-person mentions ("I interviewed ...") are the note's author (role
investigator) and are dropped with their relations when the note names no author; Person
mentions whose name is the author's get role investigator. Payment and Call mentions are events:
their key is ``make_id(note id, start, end)``. Every record is checked against the schema.
"""
from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from graph_schema.model import Schema, load_schema
from graph_schema.records import Evidence, Mention, Note, RecordError, Relation, make_id
from graph_schema.types import fold_name
from ingest.components.name_forms import initials_of
from ingest.errors import MAX_NOTE_CHARS, Errors, IngestError
from ingest.offices import author_rank_pattern
from ingest.read import is_export, paragraph_chunks, read_export, read_path
from ingest.results import Extraction, FileError
from ingest.workers import Workers

if TYPE_CHECKING:  # spaCy is imported by the caller's build_nlp, not by importing ingest
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["extract", "extraction_of", "start_workers"]

_BADGE = re.compile(r"^#?\d{2,6}\s+")


def _notes(items: Iterable[Note | FileError | Extraction | str | Path]) -> Iterator[Note | FileError | Extraction]:
    for item in items:
        if isinstance(item, (str, Path)):
            yield from read_path(item)
        else:
            yield item


def extract(notes_or_paths: Iterable[Note | FileError | Extraction | str | Path], nlp: "Language", *, batch_size: int = 64, n_process: int = 1,
            chunk_chars: int = 20_000, batch_chars: int = 250_000, max_chars: int = MAX_NOTE_CHARS,
            workers: Workers | None = None) -> Iterator[Extraction | FileError]:
    """Stream one ``Extraction`` per note (or a ``FileError`` per unreadable file), in input order.

    Items may be Notes, paths (read with ``ingest.read.read_path``) or what a reader already
    yielded (``FileError``, ``Extraction``), which pass through in their place.

    Memory follows the characters the model sees at once, not the size of a note: spaCy's
    tok2vec and NER take about 15 KB per token of a batch (measured: 334 MB for one 100,000
    character Doc), so 64 chunks of one 10 MB note in one batch passed 15 GB. A note longer than
    ``chunk_chars`` is therefore read on its own, chunk by chunk (``_chunk_readings``), and a
    batch of shorter notes is cut before it passes ``batch_chars`` characters. A note over
    ``max_chars`` is refused (E024, naming it): its mentions would be held until it is done.

    ``n_process`` > 1 runs the batches on that many worker processes (``start_workers``) for
    this call; a caller that extracts in several calls passes its own ``workers`` instead, so
    they start once.
    """
    own = start_workers(nlp, n_process, batch_size) if workers is None and n_process > 1 else None
    workers = workers or own
    try:
        limit = min(chunk_chars, nlp.max_length)
        items, held = iter(_notes(notes_or_paths)), deque[Note]()
        while True:
            stop: list[Note] = []
            run = _run(held, items, stop, limit, (batch_size, batch_chars), max_chars)
            if workers is not None:
                yield from _extract_on(workers, run, batch_size)
            else:
                yield from _extract_run(run, nlp, batch_size, n_process)
            if not stop:
                return
            if len(stop[0].text) > limit:
                yield extraction_of(stop[0], _chunk_readings(nlp, stop[0], limit))
            else:
                held.append(stop[0])  # the first note of the next batch
    finally:
        if own is not None:
            own.close()


def start_workers(nlp: "Language", processes: int, batch_size: int = 64) -> Workers | None:
    """``processes`` forked workers that each extract a batch as one process would (the model
    shared, not copied), or None where the platform does not fork: ``extract`` then passes
    ``n_process`` to spaCy."""
    return Workers.start(functools.partial(extract_batch, nlp=nlp, batch_size=batch_size), processes)


def extract_batch(items: Sequence[Note | FileError | Extraction], nlp: "Language", batch_size: int = 64
                  ) -> list[Extraction | FileError]:
    """One batch of a run in this process, as ``extract`` does it: what a worker runs."""
    return list(_extract_run(items, nlp, batch_size, 1))


def _extract_on(workers: Workers, run: Iterable[Note | FileError | Extraction], batch_size: int
                ) -> Iterator[Extraction | FileError]:
    """A run on the workers, cut into the batches one process would pipe (``batch_size`` notes
    each, from the run's start: the same Docs batched together), results in input order."""
    def batches() -> Iterator[list[Note | FileError | Extraction]]:
        batch: list[Note | FileError | Extraction] = []
        notes = 0
        for item in run:
            batch.append(item)
            notes += isinstance(item, Note) and not is_export(item)
            if notes == batch_size:
                yield batch
                batch, notes = [], 0
        if batch:
            yield batch

    for results in workers.map_in_order(batches()):
        yield from results


def _run(held: deque[Note], items: Iterator[Note | FileError | Extraction], stop: list[Note], limit: int,
         batch: tuple[int, int], max_chars: int) -> Iterator[Note | FileError | Extraction]:
    """The items for one ``nlp.pipe`` run: up to a note longer than ``limit``, or one that would
    take the current batch (``batch``: notes, characters) past its characters (that note is left
    in ``stop``); a note over ``max_chars`` becomes its E024 ``FileError`` in its place."""
    (batch_size, batch_chars), count, chars = batch, 0, 0
    for item in itertools.chain(_drain(held), items):
        if isinstance(item, Note) and not is_export(item) and len(item.text) > max_chars:
            yield FileError(item.path, Errors.E024.format(chars=len(item.text), limit=max_chars))
            continue
        if isinstance(item, Note) and not is_export(item):
            size = len(item.text)
            if size > limit or (count % batch_size and chars + size > batch_chars):
                stop.append(item)
                return
            chars = size if count % batch_size == 0 else chars + size
            count += 1
        yield item


def _drain(held: deque[Note]) -> Iterator[Note]:
    while held:
        yield held.popleft()


def _extract_run(items: Iterable[Note | FileError | Extraction], nlp: "Language", batch_size: int,
                 n_process: int) -> Iterator[Extraction | FileError]:
    """Notes of at most one chunk each through one ``nlp.pipe``, results in input order."""
    waiting: deque[tuple[int, Any]] = deque()
    readings: dict[int, _Reading] = {}
    notes: dict[int, Note] = {}

    def texts() -> Iterator[tuple["str | Doc", int]]:
        for seq, item in enumerate(items):
            if isinstance(item, Note) and is_export(item):
                item = _export(item)
            waiting.append((seq, None if isinstance(item, Note) else item))
            if isinstance(item, Note):
                notes[seq] = item
                yield _with_context(nlp, item.text, item), seq

    for doc, seq in nlp.pipe(texts(), as_tuples=True, batch_size=batch_size, n_process=n_process):
        readings[seq] = _reading(doc)
        while waiting and (waiting[0][1] is not None or waiting[0][0] in readings):
            done, item = waiting.popleft()
            yield item if item is not None else extraction_of(notes.pop(done), [(0, readings.pop(done))])
    for _, item in waiting:
        yield item


class _Reading(NamedTuple):
    """What ``extraction_of`` needs of a processed chunk, so its Doc (tensors, tokens) can go."""

    sentences: list[tuple[int, int]]
    mentions: list[dict[str, Any]]
    relations: list[dict[str, Any]]


def _reading(doc: "Doc") -> _Reading:
    return _Reading([(s.start_char, s.end_char) for s in doc.sents], list(doc._.wb_mentions or ()),
                    list(doc._.wb_relations or ()))


def _chunk_readings(nlp: "Language", note: Note, limit: int) -> list[tuple[int, _Reading]]:
    """A long note's chunks (``ingest.read.paragraph_chunks``: paragraph, line or word ends, note
    offsets kept) through the model one at a time, each kept only as its ``_Reading``."""
    docs = ((_with_context(nlp, chunk, note), offset) for offset, chunk in paragraph_chunks(note.text, limit))
    return [(offset, _reading(doc)) for doc, offset in nlp.pipe(docs, as_tuples=True, batch_size=1)]


def _with_context(nlp: "Language", text: str, note: Note) -> "str | Doc":
    """The text, or a Doc that tells the components what the note says of itself: which country
    it is about (``metadata["region"]``: phones, "$" and the home country depend on it; Belize by
    default) and its date (an operation timed "H-hour 22:15" happens on the note's day)."""
    region = note.metadata.get("region")
    if not region and not note.date:
        return text
    doc = nlp.make_doc(text)
    if region:
        doc.user_data["wb_region"] = region
    if note.date:
        doc.user_data["wb_note_date"] = note.date
    return doc


def _export(note: Note) -> Extraction | FileError:
    try:
        return read_export(note)
    except IngestError as exc:
        return FileError(exc.path, exc.message, exc.line)


def extraction_of(note: Note, chunks: Sequence[tuple[int, "Doc | _Reading"]],
                  schema: Schema | None = None) -> Extraction:
    """The records for one note from its processed chunks (``(offset, doc or reading)`` pairs)."""
    schema = schema or load_schema()
    found, rels, sentences = [], [], {}
    for offset, doc in chunks:
        read = doc if isinstance(doc, _Reading) else _reading(doc)
        for start, end in read.sentences:
            sentences[start + offset] = end + offset
        for m in read.mentions:
            found.append({**m, "props": dict(m["props"]), "start": m["start"] + offset, "end": m["end"] + offset})
        for r in read.relations:
            rels.append({**r, "start": r["start"] + offset, "end": r["end"] + offset,
                         "source": [r["source"][0], r["source"][1] + offset, r["source"][2] + offset],
                         "target": [r["target"][0], r["target"][1] + offset, r["target"][2] + offset]})
    if len(chunks) > 1:
        from ingest.components.references import link_references
        link_references(found)
    dropped = _author(note, found)
    starts = sorted(sentences)
    mentions = {(m["label"], m["start"], m["end"]): _mention(note, m, starts, sentences, schema) for m in found
                if (m["label"], m["start"], m["end"]) not in dropped}
    relations = []
    for r in rels:
        source, target = mentions.get(tuple(r["source"])), mentions.get(tuple(r["target"]))
        if source is not None and target is not None:
            relations.append(_relation(note, r, source, target, schema))
    return Extraction(note=note, mentions=tuple(mentions.values()), relations=tuple(relations))


def author_name(written: str | None) -> str:
    """The author's name as a header writes it, without rank or badge, in reading order.

    >>> author_name("CPL 1187 CHUC, Ernesto"), author_name("Sgt. Nidia Marroquín"), author_name("PC 2290 Gentle")
    ('Ernesto Chuc', 'Nidia Marroquín', 'Gentle')
    >>> author_name("CPL 1187 CHUC, E. (court liaison)"), author_name("Insp. Carla Westby, OC ATIPU (Western)")
    ('E. Chuc', 'Carla Westby')
    """
    name = _BADGE.sub("", author_rank_pattern().sub("", re.sub(r"\s*\([^)]*\)", "", written or "").strip())).strip()
    surname, comma, given = name.partition(",")
    if comma and given.strip() and surname.strip().isupper():
        return f"{given.strip()} {surname.strip().title()}"
    return surname.strip()  # "Carla Westby, OC ATIPU (Western)": what follows the comma is the post


def _author(note: Note, found: list[dict[str, Any]]) -> set[tuple[str, int, int]]:
    """Tie first-person mentions and the author's own name (or initials, as a note is signed:
    "C.W.") to the author; return what to drop."""
    author = author_name(note.author)
    folded = fold_name(author) if author else ""
    signed = initials_of(author) if len(author.split()) >= 2 else None
    dropped = set()
    for m in found:
        first_person = m["props"].pop("first_person", False)
        if first_person and not author:
            dropped.add((m["label"], m["start"], m["end"]))
        elif first_person:
            m["canonical"] = author
        elif folded and m["label"] == "Person" and (_same_person(fold_name(m["canonical"] or m["text"]), folded)
                                                    or m["text"] == signed):
            m["canonical"] = author
            m["props"]["role"] = "investigator"
    return dropped


def _same_person(name: str, author: str) -> bool:
    """The author's name, surname or initialled name ("N. Marroquín" for "Nidia Marroquín")."""
    words, mine = name.split(), author.split()
    if name in {author, *mine[-1:]}:
        return True
    return len(words) >= 2 and len(mine) >= 2 and words[-1] == mine[-1] and len(words[0]) == 1 \
        and words[0] == mine[0][:1]


def _sentence(note: Note, start: int, starts: list[int], sentences: dict[int, int]) -> tuple[int, int]:
    i = bisect.bisect_right(starts, start) - 1
    if i < 0:
        return 0, len(note.text)
    return starts[i], sentences[starts[i]]


def _mention(note: Note, m: dict[str, Any], starts: list[int], sentences: dict[int, int], schema: Schema) -> Mention:
    spec = schema.nodes.get(m["label"])
    if spec is None or spec.internal:
        raise RecordError(Errors.E040.format(label=m["label"], method=m["method"]))
    unknown = set(m["props"]) - {p.name for p in spec.properties}
    if unknown:
        raise RecordError(Errors.E041.format(label=m["label"], name=sorted(unknown)[0], method=m["method"]))
    s, e = _sentence(note, m["start"], starts, sentences)
    key = make_id(note.id, m["start"], m["end"]) if spec.kind == "event" else m["key"]
    return Mention(note_id=note.id, label=m["label"], text=note.text[m["start"]:m["end"]], start=m["start"],
                   end=m["end"], sentence=note.text[s:e].strip(), method=m["method"], confidence=m["confidence"],
                   key=key, canonical=m["canonical"], props=m["props"])


def _relation(note: Note, r: dict[str, Any], source: Mention, target: Mention, schema: Schema) -> Relation:
    spec = schema.relationships.get(r["type"])
    if spec is None or source.label not in spec.source or target.label not in spec.target:
        raise RecordError(Errors.E042.format(type=r["type"], source=source.label, target=target.label,
                                             method=r["method"]))
    evidence = Evidence(note_id=note.id, sentence=note.text[r["start"]:r["end"]].strip(), start=r["start"],
                        end=r["end"], method=r["method"], confidence=r["confidence"], case_id=note.case_id,
                        date=note.date)
    return Relation(type=r["type"], source=source.id, target=target.id, evidence=evidence, props=r["props"])
