"""Sentence starts at line breaks, set before the parser runs.

Why: case notes have headers ("Author: Cpl. Jane Smith") and paragraphs; the parser, trained
on running prose, happily glues a header line to the first sentence below it, and then the
evidence sentence of a relation starts with the header. A token that follows a line break
starts a sentence; the parser keeps preset boundaries and decides the rest.

The line breaks are found in the text, not token by token: a token "holds" a break when the
break falls in its text or the whitespace after it (``text_with_ws``), i.e. between its start and
the next token's, so the token after it is found by bisecting the token starts (a pass making a
Token per word cost more than the rest of the component).
"""
from __future__ import annotations

import bisect

from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc

from ingest.components.base import text_of


@Language.component("workbench_line_breaks_v1", assigns=["token.is_sent_start"])
def line_breaks(doc: Doc) -> Doc:
    text = text_of(doc)
    if len(doc) < 2 or "\n" not in text:
        return doc
    starts = doc.to_array(IDX).tolist()
    position = text.find("\n")
    while position >= 0:
        i = bisect.bisect_right(starts, position) - 1  # the token whose text_with_ws holds the break
        if i < len(doc) - 1:
            doc[i + 1].is_sent_start = True
        position = text.find("\n", position + 1)
    return doc
