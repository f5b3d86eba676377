"""Mentions and relations from one CSV row, in the same shape the NLP stage produces.

Why: resolution must treat "Carlos Reyes" from a transfer receipt exactly like "Carlos Reyes"
from an interview, so a row yields ``Mention`` and ``Relation`` records whose evidence is the row:
``Evidence.sentence`` is the row's raw text, ``start``/``end`` its offsets in the file, the method
names the reader (``calls_csv`` / ``transfers_csv``), confidence 1.0 (an export is a record,
not a reading), and ``date`` the row's date. Each mention spans its field; event mentions (Call,
Payment) span the whole row. A lead that the row only suggests (a contact name saved on a
handset) gives its own method and a lower confidence to its mention and relation.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from graph_schema.records import Evidence, Mention, Note, Relation
from ingest.errors import Errors
from ingest.read.csv_rows import Row, RowProblem
from ingest.read.mapping import Layout

if TYPE_CHECKING:
    from ingest.read.handset import OwnLine

__all__ = ["RowRecords"]


@dataclass
class RowRecords:
    """Collects the records of one row; ``value`` reads and checks a field first."""

    note: Note
    row: Row
    layout: Layout
    delimiter: str
    method: str
    header: tuple[str, ...] = ()
    own: OwnLine | None = None
    date: str | None = None
    mentions: list[Mention] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)

    def column(self, name: str) -> str:
        """The header name of a field's column, for error messages."""
        index = self.layout.columns.get(name)
        return self.header[index].strip() if index is not None and index < len(self.header) else name

    def value(self, name: str, required: bool = False) -> str | None:
        """The stripped value of a field, None when absent; E010 when a required one is empty."""
        index = self.layout.columns.get(name)
        text = self.row.values[index].strip() if index is not None else ""
        if not text and required:
            raise RowProblem(Errors.E010.format(column=self.column(name)))
        return text or None

    @property
    def evidence(self) -> Evidence:
        return self._evidence(None, None)

    def _evidence(self, method: str | None, confidence: float | None) -> Evidence:
        return Evidence(note_id=self.note.id, sentence=self.row.raw, start=self.row.start, end=self.row.end,
                        method=method or self.method, confidence=1.0 if confidence is None else confidence,
                        case_id=self.note.case_id, date=self.date)

    def mention(self, label: str, name: str, key: str | None = None, canonical: str | None = None,
                props: dict[str, Any] | None = None, method: str | None = None,
                confidence: float | None = None) -> Mention:
        """A mention spanning field ``name`` of the row."""
        start, end = self.row.span(self.layout.columns[name], self.delimiter)
        return self._add(label, start, end, key, canonical, props, method, confidence)

    def event(self, label: str, key: str, props: dict[str, Any]) -> Mention:
        """A mention of the row itself (a Call or a Payment event, or a log's own phone)."""
        return self._add(label, self.row.start, self.row.end, key, None, props)

    def relate(self, rel_type: str, source: Mention, target: Mention, method: str | None = None,
               confidence: float | None = None) -> None:
        self.relations.append(Relation(type=rel_type, source=source.id, target=target.id,
                                       evidence=self._evidence(method, confidence)))

    def _add(self, label: str, start: int, end: int, key: str | None, canonical: str | None,
             props: dict[str, Any] | None, method: str | None = None, confidence: float | None = None) -> Mention:
        mention = Mention(note_id=self.note.id, label=label, text=self.note.text[start:end], start=start, end=end,
                          sentence=self.row.raw, method=method or self.method,
                          confidence=1.0 if confidence is None else confidence, key=key,
                          canonical=canonical, props={k: v for k, v in (props or {}).items() if v is not None})
        self.mentions.append(mention)
        return mention
