"""The evaluation harness's error messages: one line each, named constants with short codes.

Why: ``workbench eval`` is run on folders an analyst points it at; a missing gold file or text
must say, in one line, which file and what the folder should hold. The convention is the one
of :mod:`graph_schema.errors` (``"[V101] ..."``; V for the evaluation harness).

>>> Errors.V100.format(path="A-expected.json")
'[V100] A-expected.json: expected-outcome file not found'
"""
from __future__ import annotations

from graph_schema.errors import CodedMessages

__all__ = ["Errors"]


class Errors(metaclass=CodedMessages):
    """Messages of the evaluation harness; placeholders are filled with ``str.format``."""

    V100 = "{path}: expected-outcome file not found"
    V101 = "{path}: not found (a real-text folder holds its texts and gold.jsonl)"
    V102 = "{path}: not found (listed in gold.jsonl)"
