"""Many relation links held as columns of numbers, for resolving a large case note by note.

Why: a ten-thousand-note case has a hundred thousand relation mentions. As objects (a ``Link``,
its ``Evidence``, their ints and floats) each costs a few hundred bytes, allocated between the
short-lived objects of every note read, so the process grows and fragments with the number of
notes. Here a link is one row of typed arrays (about 50 bytes) whose strings (types, group
bases, notes, methods, dates) are stored once in tables; ``Link`` objects are made again only
when resolution merges them, after every note has been read. No sentence is kept: the pipeline
reads sentences back from the extraction cache when it writes evidence.

>>> from graph_schema.records import Evidence
>>> table = LinkTable()
>>> table.append(Link("PAID", "a", "b", Evidence("n1", "", 3, 9, "money", 0.8, "C1", "2026-01-02"), {}))
>>> [(link.type, link.source, link.evidence.start, link.evidence.confidence) for link in table]
[('PAID', 'a', 3, 0.8)]
"""
from __future__ import annotations

from array import array
from collections.abc import Iterator
from typing import Any

from graph_schema.records import Evidence
from ingest.assemble import Link

__all__ = ["LinkTable"]


class _Strings:
    """Each distinct value once; rows refer to it by position (None is position 0)."""

    def __init__(self) -> None:
        self.values: list[Any] = [None]
        self.index: dict[Any, int] = {None: 0}

    def code(self, value: Any) -> int:
        found = self.index.get(value)
        if found is None:
            found = self.index[value] = len(self.values)
            self.values.append(value)
        return found


class LinkTable:
    """An append-only table of links; iterating gives ``Link`` objects with sentence-less evidence."""

    _COLUMNS = {"type": "I", "source": "I", "target": "I", "note": "I", "start": "q", "end": "q",
                "method": "I", "confidence": "d", "case": "I", "date": "I", "props": "I"}

    def __init__(self) -> None:
        self.strings = _Strings()
        self.props: list[dict[str, Any]] = [{}]
        self._props_index: dict[tuple[tuple[str, Any], ...], int] = {(): 0}
        self.columns: dict[str, array[Any]] = {name: array(code) for name, code in self._COLUMNS.items()}

    def __len__(self) -> int:
        return len(self.columns["type"])

    def _props_code(self, props: dict[str, Any]) -> int:
        try:
            key = tuple(sorted(props.items()))
        except TypeError:  # an unhashable value: its own entry
            self.props.append(props)
            return len(self.props) - 1
        found = self._props_index.get(key)
        if found is None:
            found = self._props_index[key] = len(self.props)
            self.props.append(props)
        return found

    def append(self, link: Link) -> None:
        ev, code, col = link.evidence, self.strings.code, self.columns
        col["type"].append(code(link.type))
        col["source"].append(code(link.source))
        col["target"].append(code(link.target))
        col["note"].append(code(ev.note_id))
        col["start"].append(ev.start)
        col["end"].append(ev.end)
        col["method"].append(code(ev.method))
        col["confidence"].append(ev.confidence)
        col["case"].append(code(ev.case_id))
        col["date"].append(code(ev.date))
        col["props"].append(self._props_code(link.props))

    def __iter__(self) -> Iterator[Link]:
        value, col = self.strings.values, self.columns
        rows = zip(col["type"], col["source"], col["target"], col["note"], col["start"], col["end"], col["method"],
                   col["confidence"], col["case"], col["date"], col["props"])
        for type_, source, target, note, start, end, method, confidence, case, date, props in rows:
            evidence = Evidence(value[note], "", start, end, value[method], confidence, value[case], value[date])
            yield Link(value[type_], value[source], value[target], evidence, self.props[props])
