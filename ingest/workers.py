"""Model worker processes for extraction: notes go out, finished extractions come back.

Why not ``nlp.pipe(n_process=N)``: spaCy sends every processed Doc back to the caller as bytes
(tokens, tensors, user data) and the caller rebuilds it, and a new set of workers starts with every
``pipe`` call. Measured on the 1,000-note generated case, two cores: two spaCy workers spent
58-63 CPU-s and the caller 13-15 where one process spent 42 in all, so two processes extracted
no faster than one. A worker here runs the whole extraction of a batch of notes (the model, our
components, then ``extraction_of``) and returns only the records, a few hundred bytes a mention.

Decisions: workers are forked from the process that loaded the model, so it is shared
copy-on-write and never pickled; where the platform does not fork by default (macOS, Windows)
``Workers.start`` returns None and the caller uses spaCy's ``n_process``. A batch is the same
run of consecutive notes one process would pipe together, and results are read in input order,
so the records do not depend on the number of workers. At most ``depth`` batches per worker are
out at once, so memory stays flat however many notes are queued.
"""
from __future__ import annotations

import multiprocessing
import pickle
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Callable

__all__ = ["Workers"]

_work: Callable[[Sequence[Any]], list[Any]] | None = None  # set in each worker by _adopt


def _adopt(work: Callable[[Sequence[Any]], list[Any]]) -> None:
    global _work
    _work = work


def _run(items: Sequence[Any]) -> list[Any]:
    assert _work is not None, "worker started without its work"
    try:
        return _work(items)
    except Exception as exc:
        raise _portable(exc) from None


def _portable(exc: Exception) -> Exception:
    """The error itself if it survives the trip back; else a RuntimeError naming it (an error
    the caller cannot rebuild would leave the pool's reader waiting for ever)."""
    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:
        return RuntimeError(f"{type(exc).__name__}: {exc}")


class Workers:
    """A pool of forked processes that each turn a batch of items into a list of results."""

    def __init__(self, pool: ProcessPoolExecutor, processes: int, depth: int = 2) -> None:
        self.pool, self.processes, self.depth = pool, processes, depth

    @classmethod
    def start(cls, work: Callable[[Sequence[Any]], list[Any]], processes: int) -> "Workers | None":
        """``processes`` workers running ``work`` (a closure over the loaded model: the fork gives
        it to them), or None where processes are not forked by default."""
        if multiprocessing.get_start_method(allow_none=False) != "fork":
            return None
        pool = ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context("fork"), initializer=_adopt,
                                   initargs=(work,))
        return cls(pool, processes)

    def map_in_order(self, batches: Iterable[Sequence[Any]]) -> Iterator[list[Any]]:
        """Each batch's results, in the batches' order; ``depth`` batches per worker are sent
        ahead of the one being read. A worker that dies (killed, out of memory) is an error
        saying so, not a wait for a result that will never come."""
        ahead: deque[Future[list[Any]]] = deque()
        try:
            for batch in batches:
                ahead.append(self.pool.submit(_run, batch))
                if len(ahead) > self.processes * self.depth:
                    yield ahead.popleft().result()
            while ahead:
                yield ahead.popleft().result()
        except BrokenProcessPool:
            raise RuntimeError("an extraction worker process died (killed, or out of memory?); "
                               "run again with fewer --processes") from None
        finally:
            for future in ahead:
                future.cancel()

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> "Workers":
        return self

    def __exit__(self, *_: object) -> None:
        self.close()
