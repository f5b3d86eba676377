"""Sentence starts at line breaks, set before the parser runs.

Why: case notes have headers ("Author: Cpl. Jane Smith") and paragraphs; the parser, trained
on running prose, happily glues a header line to the first sentence below it, and then the
evidence sentence of a relation starts with the header. A token that follows a line break
starts a sentence; the parser keeps preset boundaries and decides the rest.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("workbench_line_breaks_v1", assigns=["token.is_sent_start"])
def line_breaks(doc: Doc) -> Doc:
    for token in doc[:-1]:
        if "\n" in token.text_with_ws and not token.is_space or token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc
