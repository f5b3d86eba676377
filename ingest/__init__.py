"""Ingest: case files -> notes -> mentions and relations (-> resolved entities).

Public API (imported lazily, so ``import ingest.read`` does not load spaCy)::

    read_case(path, case_id=None)            # ingest.read.read_path: Note | FileError
    build_nlp(model=None, config_path=None)  # the spaCy pipeline with our components
    extract(notes_or_paths, nlp, *, batch_size=64, n_process=1, workers=None) -> Extraction | FileError
    start_workers(nlp, processes)            # forked extraction workers, for several extract calls
    write_jsonl(items, out) / read_jsonl(path)
"""
from __future__ import annotations

import importlib
from typing import Any

# Bound eagerly: the submodule ingest.extract would otherwise shadow the function of that name.
from ingest.extract import extract, start_workers

__all__ = ["build_nlp", "extract", "read_case", "read_jsonl", "start_workers", "write_jsonl"]

_EXPORTS = {
    "read_case": ("ingest.read", "read_path"),
    "build_nlp": ("ingest.nlp", "build_nlp"),
    "write_jsonl": ("ingest.jsonl", "write_jsonl"),
    "read_jsonl": ("ingest.jsonl", "read_jsonl"),
}


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'ingest' has no attribute {name!r}")
    module, attr = _EXPORTS[name]
    return getattr(importlib.import_module(module), attr)
