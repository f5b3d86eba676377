"""Extraction on worker processes (issue 16): the same records as one process, in the same order.

Why: ``extract(n_process=N)`` and ``run_ingest(processes=N)`` hand batches of notes to forked
workers (``ingest.workers``); an analyst must get what one process gives, to the last offset,
with unreadable files and exports in their places, and an error in a worker must come back as
an error, never as a run that waits for ever.
"""
from __future__ import annotations

import multiprocessing
import os

import pytest

from graph_schema.records import Note
from ingest import extract
from ingest.errors import IngestError
from ingest.results import FileError
from ingest.workers import Workers


def _case_items(tmp_path):
    from samplecase import generate_case

    folder = generate_case(tmp_path / "case", seed=4242, n_notes=14)
    long_text = "Carlos Reyes paid Ana Pop $300 BZD in Dangriga.\n\n" * 40  # over chunk_chars: read alone
    return [tmp_path / "missing.txt", folder / "notes", folder / "exports",
            Note(id="long", path="long.txt", text=long_text, case_id="C1")]


def test_two_workers_give_what_one_process_gives(nlp, tmp_path):
    items = _case_items(tmp_path)
    one = list(extract(items, nlp, batch_size=3, chunk_chars=1500))
    two = list(extract(items, nlp, batch_size=3, chunk_chars=1500, n_process=2))
    assert isinstance(one[0], FileError) and sum(hasattr(x, "mentions") for x in one) >= 15
    assert [getattr(x, "note", x) for x in two] == [getattr(x, "note", x) for x in one]
    assert two == one
    assert not multiprocessing.active_children()  # the call's own workers are gone


def test_workers_kept_across_calls_give_the_same_records(nlp, tmp_path):
    from ingest import start_workers

    items = _case_items(tmp_path)[1:3]
    workers = start_workers(nlp, 2, batch_size=4)
    assert workers is not None
    with workers:
        first = list(extract(items, nlp, batch_size=4, workers=workers))
        again = list(extract(items, nlp, batch_size=4, workers=workers))
    assert first == again == list(extract(items, nlp, batch_size=4))


class _TwoPartError(Exception):
    def __init__(self, where, why):  # two arguments the plain pickle of an exception does not keep
        super().__init__(f"{where}: {why}")


def _fails_plainly(items):
    raise _TwoPartError(items[0], "[E999] cannot be read")


def _fails_to_read(items):
    raise IngestError(items[0], "[E999] cannot be read", 3)


def _dies(items):
    os._exit(9)  # what the kernel's out-of-memory killer leaves: no result, no exception


def test_an_error_in_a_worker_comes_back_as_an_error():
    with Workers.start(_fails_plainly, 2) as workers, pytest.raises(RuntimeError, match=r"_TwoPartError: a.txt: \[E999\]"):
        list(workers.map_in_order([["a.txt"], ["b.txt"]]))
    with Workers.start(_fails_to_read, 2) as workers, pytest.raises(IngestError) as error:
        list(workers.map_in_order([["a.txt"]]))
    assert (error.value.path, error.value.line, str(error.value)) == ("a.txt", 3, "a.txt:3: [E999] cannot be read")


def test_a_worker_that_dies_is_an_error_not_a_wait():
    with Workers.start(_dies, 2) as workers, pytest.raises(RuntimeError, match="extraction worker process died"):
        list(workers.map_in_order([["a.txt"], ["b.txt"], ["c.txt"]]))
