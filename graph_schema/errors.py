"""The schema's error messages, and the one convention every package's messages follow.

Why: an analyst, a lead editing a YAML file or a developer reading an ingest summary needs one
line that says what is wrong, where, and what to do, and a short code to grep for. Each package
keeps its messages as named constants in one module (``graph_schema.errors``, ``ingest.errors``,
``workbench.errors``, ``evaluation.errors``), the way spaCy keeps ``spacy/errors.py``; reading a
constant gives the text with its code in front, ``"[G101] ..."``, ready for ``str.format``. The
code is the constant's own name, so it can never drift from the text. Codes by package: ``G``
the schema (G1xx its declaration, G2xx records), ``E`` ingest, ``W`` and ``S`` the workbench,
``V`` the evaluation harness.

>>> Errors.G104.format(where="OWNS.yaml", label="Organisation")
"[G104] OWNS.yaml: unknown node label 'Organisation'"
"""
from __future__ import annotations

from typing import Any

__all__ = ["CodedMessages", "Errors", "code_of"]


class CodedMessages(type):
    """Metaclass of an ``Errors`` class: reading ``Errors.X123`` returns ``"[X123] <text>"``.

    Every upper-case attribute made of one letter and three digits is a message.
    """

    def __getattribute__(cls, name: str) -> Any:
        value = super().__getattribute__(name)
        if len(name) == 4 and name[0].isupper() and name[1:].isdigit() and isinstance(value, str):
            return f"[{name}] {value}"
        return value


def code_of(message: object) -> str | None:
    """The code a message (or an exception's text) starts with, or None.

    >>> code_of(Errors.G201), code_of("plain text")
    ('G201', None)
    """
    text = str(message)
    if text.startswith("[") and text.find("]") == 5 and text[1].isupper() and text[2:5].isdigit():
        return text[1:5]
    return None


class Errors(metaclass=CodedMessages):
    """Messages of the schema. G1xx: the YAML declaration (SchemaError); G2xx: a record that the
    schema refuses (RecordError); placeholders are filled with ``str.format``."""

    # The declaration (graph_schema/parse.py, model.py).
    G100 = "{name}: not valid YAML ({detail})"
    G101 = "{name}: expected a mapping at the top level"
    G102 = "{where}: property {name!r}: unknown keys {keys} (quote text with commas)"
    G103 = "{where}: property {name!r}: {detail}"
    G104 = "{where}: unknown node label {label!r}"
    G105 = "{where}: {what} {value!r} does not match the file name"
    G106 = "{where}: unknown keys {keys}"
    G107 = "{where}: key {key!r} is not a declared property"
    G108 = "{where}: source and target are required"
    G109 = "{where}: {what} {value!r} is not declared in meanings.yaml"
    G110 = "meanings.yaml: the order of {category!r} must list exactly its types {types}"
    G111 = "{where}: kind {kind!r} is not one of {kinds} (meanings.yaml)"
    G112 = "{where}: unknown relationship type {type!r}"
    G113 = "{where}: legs are two types (into the event, out of it) of an event"
    G114 = "{where}: legs {into} must end at {label} and {out} start from it"
    G115 = "{where}: shared_via {type} does not touch {label}"
    G116 = "{where}: only an identifier is masked (pseudonymize.mask)"
    G117 = "no node declarations under {directory}"
    G118 = "offices.yaml: {what}: {detail}"
    # Records (graph_schema/records.py).
    G200 = "{where}.{name}: not a declared property"
    G201 = "{where}.{name}: {raw!r} is not a valid {type}"
    G202 = "{where}.{name}: {value!r} is not one of {values}"
    G203 = "{where}.{name}: required but missing"
    G204 = "{label}: unknown node label"
    G205 = "{type}: unknown relationship type"
    G206 = "{type}.{end}: {label} is not one of {labels}"
    G207 = "{type}: source and target keys are required"
