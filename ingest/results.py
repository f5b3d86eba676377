"""What reading and extracting one file yields: a Note, its mentions and relations, or an error.

Why: notes and CSV exports go through the same resolution step, so both readers and the spaCy
pipeline produce this one shape. A failed file is a value in the run's summary, not an exception
that stops the batch.
"""
from __future__ import annotations

from dataclasses import dataclass

from graph_schema.records import Mention, Note, Relation

__all__ = ["Extraction", "FileError"]


@dataclass(frozen=True)
class FileError:
    """A file (or one row of it) that could not be used, with a one-line reason."""

    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class Extraction:
    """Everything read from one Note: mentions and relations carry their evidence spans.

    ``errors`` holds row-level problems of a file that was otherwise read (a broken CSV row).
    """

    note: Note
    mentions: tuple[Mention, ...] = ()
    relations: tuple[Relation, ...] = ()
    errors: tuple[FileError, ...] = ()
