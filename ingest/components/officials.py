"""Titles, ranks and agencies of public officials ("Sgt.", "Immigration Officer", "Area Representative").

Why: possible official complicity is what the unit must surface, so an official's rank and
agency must be kept - but as the person's properties, never as part of the name: "Sgt. Mario
Castillo" and "Castillo" are one person, Mario Castillo, rank "Sgt.", agency "Police". This
component only finds the titles (``patterns/officials.jsonl``, generated from the vocabulary of
offices ``graph_schema/offices.yaml`` with ``patterns/agencies.jsonl``; matched on exact text, longest
first) and records them in ``doc._.wb_titles``; the person finder attaches them to the name
they precede ("Cpl. Pop", "a customs officer named Ana Chen") or follow as an apposition
("Ana Chen, an immigration officer"). An agency named right after the title or the name
("Insp. Pop of the Immigration Department") overrides the title's default agency.

Titles of other jurisdictions are in the same file ("U.S. Attorney", "Magistrate Judge",
"Special Agent"), and the modifiers any jurisdiction puts before a title ("Acting", "Principal
Deputy", "Assistant", "Senior") join it, so "Acting Assistant Attorney General Loretta King" is
Loretta King with that rank. A title word that is part of an organization's name is not a title:
"Department of Justice", "Justice Department", "Office of the Director" name bodies, not people.
"""
from __future__ import annotations

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import filter_spans

from ingest.components.base import ensure_extensions, lexicon_regex, load_jsonl, text_of, titles

_MODIFIERS = {"Acting", "Principal", "Deputy", "Assistant", "Associate", "Senior", "Chief", "First", "Interim",
              "Former", "Executive", "Supervisory", "Special", "Regional", "Federal"}
#: Head nouns of a body's name: a title right before one, or in "<head> of <title>", names the body.
BODY_HEADS = {"department", "division", "office", "court", "ministry", "unit", "bureau", "agency", "service",
              "services", "council", "section", "task", "commission", "directorate", "department's", "office's"}


@Language.factory("workbench_official_matcher_v1", assigns=["doc._.wb_titles"])
def make_official_matcher(nlp: Language, name: str) -> "OfficialMatcher":
    return OfficialMatcher(nlp)


class OfficialMatcher:
    def __init__(self, nlp: Language) -> None:
        ensure_extensions()
        self.rows = {}
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        tokenizer = nlp.tokenizer
        for row in load_jsonl("officials.jsonl"):
            # "Sgt." must stay one token, or the parser ends a sentence after "Sgt" and the
            # name is cut off from its clause ("Reyes paid Sgt. | Mario Castillo BZ$500").
            if row["pattern"].endswith(".") and " " not in row["pattern"] and isinstance(tokenizer, Tokenizer):
                tokenizer.add_special_case(row["pattern"], [{ORTH: row["pattern"]}])
        for number, row in enumerate(load_jsonl("officials.jsonl")):
            key = f"{row['id']}#{number}"
            self.rows[key] = row
            written = {row["pattern"], row["pattern"].upper()}  # forms write ranks in capitals: "CPL", "SGT."
            self.matcher.add(key, [nlp.make_doc(form) for form in sorted(written)])
        self.agencies = [(row["agency"], lexicon_regex(row["cues"])) for row in load_jsonl("agencies.jsonl")]

    def __call__(self, doc: Doc) -> Doc:
        found = {doc[s:e]: doc.vocab.strings[m] for m, s, e in self.matcher(doc)}
        for span in filter_spans(list(found)):
            row = self.rows[found[span]]
            if _names_a_body(span):
                continue
            span = _with_modifiers(span)
            titles(doc).append({"start": span.start_char, "end": span.end_char, "rank": row["rank"],
                                "agency": self.agency_near(doc, span.start_char, span.end_char) or row["agency"],
                                "method": f"officials.jsonl:{row['id']}"})
        return doc

    def agency_near(self, doc: Doc, start: int, end: int) -> str | None:
        """An agency named just before the title ("BDF Lieutenant") or in "of the X" after it."""
        before = text_of(doc)[max(0, start - 25):start]
        after = text_of(doc)[end:end + 70]
        for agency, cue in self.agencies:
            hit = cue.search(after)
            if hit and after[:hit.start()].rstrip().endswith(("of the", "from the", "with the", "of", "at the")):
                return agency
            if cue.search(before) and before.rstrip().endswith(tuple(m.group() for m in cue.finditer(before))):
                return agency
        return None


def _with_modifiers(span):
    """The title with the capitalized modifiers written before it ("Acting Assistant" + title)."""
    start = span.start
    while start > 0 and span.doc[start - 1].text in _MODIFIERS:
        start -= 1
    return span.doc[start:span.end]


def _names_a_body(span) -> bool:
    """The title is a word of an organization's name: "Justice Department", "Department of
    Justice", "Office of the Attorney General", or sits inside an ORG entity that begins earlier."""
    doc = span.doc
    if span.end < len(doc) and doc[span.end].lower_ in BODY_HEADS and doc[span.end].is_title:
        return True
    before = [t for t in doc[max(0, span.start - 3):span.start] if t.lower_ not in {"the"}]
    if len(before) >= 2 and before[-1].lower_ == "of" and before[-2].lower_ in BODY_HEADS and before[-2].is_title:
        return True
    # only a title inside an entity (IOB "I") can be in one that begins earlier: doc.ents, which
    # builds every entity's Span, is read only then
    ent = next((e for e in doc.ents if e.start < span.start < e.end), None) if doc[span.start].ent_iob_ == "I" else None
    return ent is not None and ent.label_ == "ORG" and span.end >= ent.end and not (
        span.end < len(doc) and doc[span.end].is_title)
