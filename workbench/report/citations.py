"""Citing notes by what a reader knows them by: file name, type, author and date, never the hash.

Why a copy of the graph or the flags: the records keep their note ids (the audit log hashes them,
exports link rows back by them); only what is shown to a reader names the file. ``redact``
scrubs protected names out of file names too.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import Any

import networkx as nx
import pandas as pd

from workbench.flags.flag import FlagReport

__all__ = ["note_sources", "note_parts", "cite_graph", "cite_flags"]


def note_parts(notes: pd.DataFrame) -> dict[str, dict[str, str]]:
    """Note id -> its ``file``, ``type``, ``author`` and ``date`` (those the notes frame holds).

    >>> frame = pd.DataFrame([{"id": "ab12", "path": "notes/tip.txt", "type": "tip", "author": None}])
    >>> note_parts(frame)
    {'ab12': {'file': 'notes/tip.txt', 'type': 'tip'}}
    """
    out: dict[str, dict[str, str]] = {}
    for row in notes.to_dict("records"):
        if isinstance(row.get("id"), str):
            parts = {"file": row.get("path"), "type": row.get("type"), "author": row.get("author"),
                     "date": row.get("date")}
            out[row["id"]] = {k: str(v) for k, v in parts.items() if isinstance(v, str) and v.strip()}
    return out


def note_sources(notes: pd.DataFrame) -> dict[str, str]:
    """Note id -> "file · type · author · date", with whatever of these the notes frame holds.

    >>> frame = pd.DataFrame([{"id": "ab12", "path": "tip.txt", "type": "tip", "author": None, "date": "2026-01-05"}])
    >>> note_sources(frame)
    {'ab12': 'tip.txt · tip · 2026-01-05'}
    """
    return {note: " · ".join(parts.values()) or note for note, parts in note_parts(notes).items()}


def cite_graph(G: nx.Graph, sources: Mapping[str, str], redact: Callable[[str], str] = lambda s: s) -> nx.Graph:
    """A copy of ``G`` whose evidence rows give their note by its source, for views (``G`` is untouched).

    >>> G = nx.Graph(); G.add_edge("a", "b", evidence=[{"note_id": "ab12", "sentence": "A met B."}])
    >>> cite_graph(G, {"ab12": "tip.txt · tip"}).edges["a", "b"]["evidence"][0]["note_id"]
    'tip.txt · tip'
    """
    H = G.copy()
    for data in [d for _, d in H.nodes(data=True)] + [d for *_, d in H.edges(data=True)]:
        if isinstance(data.get("evidence"), list):
            data["evidence"] = [{**e, "note_id": redact(sources.get(str(e.get("note_id")), str(e.get("note_id"))))}
                                if isinstance(e, dict) else e for e in data["evidence"]]
    return H


def cite_flags(flags: FlagReport, sources: Mapping[str, str],
               redact: Callable[[str], str] = lambda s: s) -> FlagReport:
    """The same flags with each sentence's note given by its source (see :func:`note_sources`).

    ``redact`` scrubs protected names out of file names too.
    """
    def cited(result: Any) -> Any:
        evidence = tuple(replace(e, note_id=redact(sources.get(e.note_id, e.note_id))) for e in result.evidence)
        return replace(result, evidence=evidence)

    return replace(flags, flags=[replace(f, results=tuple(cited(r) for r in f.results)) for f in flags.flags])
