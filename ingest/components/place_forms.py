"""Places written in forms no gazetteer lists: datelines, "City, State", judicial districts.

Why: the Belize gazetteer cannot list every town a foreign release, a TIP narrative or a court
document names, and the small model cuts or mis-types these forms: "WASHINGTON - Raul Cortes-Meza"
becomes one organization, "the Northern District of Georgia" becomes "Northern District" and
"Georgia", "Norcross, Ga." loses its state. The forms themselves say they are places:

- a dateline: one or more words in capitals at the start of a line, optionally with ", State",
  then a dash and a capitalized word ("WASHINGTON -", "ATLANTA, Ga. –", "SAN JUAN, Puerto Rico —"),
  when the model tagged the words as a place or body, the text never writes them in lower case and
  prose follows on the line (a form's heading "OBSERVATION LOG - Bar Luna Maya, 08/03" is no place);
- a judicial district: "[Northern|Southern|Eastern|Western|Middle|Central] District of X [Y]"
  and "District of Columbia";
- a state or province after a place: "<place>, Ga." / "<place>, P.R." / "<place>, Texas", where the
  second part is an abbreviation or a place the model tagged.

Each becomes a Location (kind ``other``), claimed before the person finder runs, so a dateline
word is never the first name of the person after it.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from ingest.components.base import add_mention, claimed, ensure_extensions, mentions, text_of
from ingest.components.wordshapes import common_words

METHOD = "workbench.place_forms.v1"
_DATELINE = re.compile(r"^(?P<city>[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3})"
                       r"(?:, (?P<state>[A-Z][A-Za-z.]+(?: [A-Z][a-z.]+){0,2}))?\s*[-–—]{1,2}\s+(?=[A-Z\"“])",
                       re.MULTILINE)
_DISTRICT = re.compile(r"\b(?:(?:Northern|Southern|Eastern|Western|Middle|Central) )?District of "
                       r"(?:Columbia|[A-Z][a-z]+(?: [A-Z][a-z]+)?)\b")
_STATE_ABBREVIATION = re.compile(r",\s(?P<state>(?:[A-Z][a-z]{1,4}\.)|(?:[A-Z]\.){2})(?=[\s,;)]|$)")


@Language.factory("workbench_place_forms_v1", assigns=["doc._.wb_mentions"], requires=["doc.ents"])
def make_place_forms(nlp: Language, name: str) -> "PlaceForms":
    return PlaceForms()


class PlaceForms:
    def __init__(self) -> None:
        ensure_extensions()

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        for match in _DISTRICT.finditer(text):
            self._add(doc, match.start(), _one_place_end(doc, match), "judicial-district")
        for match in _DATELINE.finditer(text):
            if not _model_place(doc, match.start("city"), match.end("city")) or not _prose_follows(text, match.end()):
                continue
            self._add(doc, match.start("city"), match.end("city"), "dateline")
            if match.group("state"):
                self._add(doc, match.start("state"), match.end("state"), "dateline")
        self._states(doc, text)
        return doc

    def _states(self, doc: Doc, text: str) -> None:
        """"Norcross, Ga.": an abbreviated state or province right after a place."""
        places = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in {"GPE", "LOC"}]
        places += [(m["start"], m["end"]) for m in mentions(doc) if m["label"] == "Location"]
        for _, end in places:
            match = _STATE_ABBREVIATION.match(text, end)
            if match:
                self._add(doc, match.start("state"), match.end("state"), "state-after-place")

    @staticmethod
    def _add(doc: Doc, start: int, end: int, pattern: str) -> None:
        if not claimed(doc, start, end):
            add_mention(doc, "Location", start, end, f"{METHOD}:{pattern}", confidence=0.85,
                        canonical=text_of(doc)[start:end], kind="other")


def _model_place(doc: Doc, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or any(t.lower_ in common_words(doc) for t in span):
        return False
    return any(t.ent_type_ in {"GPE", "LOC", "ORG", "FAC"} for t in span)


def _one_place_end(doc: Doc, match: re.Match[str]) -> int:
    """The district's name ends with its place: a second word only where the model read it as the
    same place ("District of New York", not "District of Georgia Sally")."""
    words = match.group().split(" of ", 1)[-1].split()
    if len(words) < 2:
        return match.end()
    second = doc.char_span(match.end() - len(words[-1]), match.end(), alignment_mode="expand")
    if second is not None and second[0].ent_iob_ == "I":
        return match.end()
    return match.end() - len(words[-1]) - 1


def _prose_follows(text: str, start: int) -> bool:
    """A dateline opens a paragraph of prose: three lower-case words on the rest of its line."""
    end = text.find("\n", start)
    return len(re.findall(r"\b[a-z]{2,}\b", text[start:end if end >= 0 else len(text)])) >= 3
