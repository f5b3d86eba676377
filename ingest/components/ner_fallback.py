"""The model's places and bodies the rules did not cover, kept as the model read them (model first).

Why a component of its own: it runs after the person finder and decides, for each GPE/LOC/ORG/FAC
entity nobody claimed, whether it is a place, a body or a person the model mistyped, with a lower
confidence than the rules' mentions. The decisions it makes against the model (re-typing a
place as a person, dropping a heading or a nationality) were each measured on real texts.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.attrs import IS_TITLE
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ingest.components.base import ORG_WORDS, add_mention, claimed, ensure_extensions, folded, mentions, text_of, titles
from ingest.components.places import _AGENCY, _NOT_ORG, _NOT_PLACE, _RECORD_NOUNS
from ingest.components.vehicle_words import vehicle_words
from ingest.components.region import text_region
from ingest.components.wordshapes import demonym, heading_line, heading_words, role_noun, sex_and_people

__all__ = ["NerFallback"]

_KIN_NOUNS = {"mother", "father", "wife", "husband", "son", "daughter", "brother", "sister", "cousin", "aunt",
              "uncle", "niece", "nephew", "partner", "girlfriend", "boyfriend", "friend", "employer", "boss"}


@Language.factory("workbench_ner_fallback_v1", assigns=["doc._.wb_mentions"], requires=["doc.ents", "doc._.wb_mentions"])
def make_ner_fallback(nlp: Language, name: str) -> "NerFallback":
    return NerFallback()


# A model entity re-typed by what follows it (", Yoro, Honduras"): the rule, not the model, states
# it is a place, so the case may correct other guesses of the same name by it (``ingest.retype``).
BEFORE_A_PLACE = "workbench.ner_fallback.v1:before-a-place"
_REGIONS = frozenset({"country", "district", "state", "department", "region", "province"})
# Words that put a person's name after them, never a place's or a company's
_HONORIFICS = frozenset({"senora", "senor", "sra", "sr", "dona", "don", "mr", "mrs", "ms", "miss", "hermana", "hermano",
                         "madam", "madame", "senorita", "srta"})
# Words of a name that name no one alone: "El" of "el sargento", "Doña" of "Doña Chepa" (and a
# letter: the "C" of "C. Westby" is not her wherever a "C" stands)
_NOT_NAME_WORDS = frozenset({"el", "la", "los", "las", "lo", "don", "dona", "the", "de", "del", "y", "mr", "mrs", "miss"})


class NerFallback:
    """The model's GPE/LOC/ORG entities the rules did not cover, at a lower confidence (and FAC
    ones that are a person's name: "moved Yesenia Cardona" is sometimes tagged a facility).

    Runs after the person finder: the small model often tags a surname or a nickname it has
    seen as a full name earlier ("Reyes", "Flaco") as ORG or GPE; such an entity whose words all
    belong to a person of the note becomes a Person mention instead, and so does such a word the
    model left untagged.
    """

    def __init__(self) -> None:
        ensure_extensions()

    def __call__(self, doc: Doc) -> Doc:
        self.person_words = {w for m in mentions(doc) if m["label"] == "Person"
                             for n in (m["canonical"] or m["text"], *m["props"].get("aliases", []))
                             for w in folded(n).split() if w not in _NOT_NAME_WORDS and len(w) > 1}
        self._from_ner(doc)
        self._known_name_words(doc)
        return doc

    def _known_name_words(self, doc: Doc) -> None:
        """A lone capitalized word that is a name or alias of a person of this note ("Flowers was
        interviewed", "Home address of Santa") and that nothing else claimed is that person."""
        titled = doc.to_array(IS_TITLE).tolist()
        for i in range(len(doc)):
            if not titled[i]:
                continue  # not capitalized: no Token made for it
            token = doc[i]
            if not (token.is_alpha and token.is_title and token.pos_ in {"PROPN", "NOUN"}) \
                    or folded(token.text) not in self.person_words or vehicle_words().describes(token.text) \
                    or claimed(doc, token.idx, token.idx + len(token)) \
                    or any(n.is_title and n.pos_ == "PROPN" and not claimed(doc, n.idx, n.idx + len(n))
                           for n in _neighbours(token)):
                continue
            add_mention(doc, "Person", token.idx, token.idx + len(token), "workbench.ner_fallback.v1:known-name-word",
                        confidence=0.7, canonical=token.text)

    def _from_ner(self, doc: Doc) -> None:
        for ent in map(_without_timestamp, _comma_parts(doc.ents)):
            if ent is None or vehicle_words().is_make(ent[0].text) or vehicle_words().describes(ent.text) or (
                    ent.start > 0 and vehicle_words().is_make(doc[ent.start - 1].text)):
                continue  # "Toyota" or "Hiace" in "a white Toyota Hiace" describes a vehicle, not a body
            text = ent.text.strip()
            if ent.label_ not in {"GPE", "LOC", "ORG", "FAC"} or claimed(doc, ent.start_char, ent.end_char) \
                    or any(t["start"] < ent.end_char and ent.start_char < t["end"] for t in titles(doc)):
                continue
            if not any(t.is_alpha and t.text[0].isupper() for t in ent if len(t) > 1) and not ent.text.isupper():
                continue  # "la", "casa", "el pasaje": a name has a capital; the model misreads Spanish
            if len(text.strip(".")) == 1 or _describes_someone(text):
                continue  # "dep N": a letter names no place or body; nor does a log's "Driver M/Mestizo"
            words = folded(text).split()
            if ent.label_ != "FAC" and len(ent) <= 3 and not text.isupper() and not any(t.lower_ in ORG_WORDS for t in ent) \
                    and not _AGENCY.search(text) and _before_a_place(doc, ent.end_char):
                add_mention(doc, "Location", ent.start_char, ent.end_char, f"{BEFORE_A_PLACE}({ent.label_})",
                            confidence=0.6, canonical=text, kind="other")  # "El Progreso, Yoro, Honduras"
            elif ent.start > 0 and folded(doc[ent.start - 1].text) in _HONORIFICS and len(ent) <= 3:
                add_mention(doc, "Person", ent.start_char, ent.end_char, f"ner:{ent.label_}->Person", confidence=0.7,
                            canonical=text)  # "la señora Yesenia", "Mrs. Flores": a place takes no honorific
                self.person_words.update(w for w in words if len(w) > 1)
            elif words and all(w in self.person_words for w in words):
                add_mention(doc, "Person", ent.start_char, ent.end_char, f"ner:{ent.label_}->Person", confidence=0.8,
                            canonical=text)
            elif _looks_like_name(ent):
                add_mention(doc, "Person", ent.start_char, ent.end_char, f"ner:{ent.label_}->Person", confidence=0.6,
                            canonical=text)
                self.person_words.update(w for w in words if len(w) > 1)  # "Santa Xix" makes a later "According to Santa" her
            elif ent.label_ == "FAC":
                continue  # a building the rules did not know is left out rather than guessed
            elif ent.label_ in {"GPE", "LOC"} and not _NOT_PLACE.match(text) and not role_noun(text) and not _AGENCY.search(text) \
                    and not (len(ent) == 1 and demonym(ent[0])) and not _home_country(doc, text):
                add_mention(doc, "Location", ent.start_char, ent.end_char, f"ner:{ent.label_}", confidence=0.6,
                            canonical=text, kind="other")
            elif ent.label_ == "ORG" and not _NOT_ORG.match(text) and not role_noun(text) and not _not_a_body(ent):
                start = ent.start_char + (4 if ent.text.lower().startswith("the ") else 0)
                kind = "agency" if _AGENCY.search(text) else "other"
                add_mention(doc, "Organization", start, ent.end_char, "ner:ORG", confidence=0.6,
                            canonical=text_of(doc)[start:ent.end_char], kind=kind)


def _describes_someone(text: str) -> bool:
    """A sex letter and a people inside the entity ("Driver M/Mestizo 30s"): a log's description."""
    words = re.split(r"[\s/]+", text)
    return any(sex_and_people(a, b) for a, b in zip(words, words[1:]))


def _comma_parts(ents: Sequence[Span]) -> list[Span]:
    """Entities cut at their commas and line breaks: the model runs "According to Crisanto, Marisol
    Cardona" into one ORG, or a heading into the next line's first words, and a name never holds
    a comma or a line break."""
    parts = []
    for ent in ents:
        start = ent.start
        for token in [*ent, None]:
            if token is None or token.text == "," or (token.is_space and "\n" in token.text):
                end = token.i if token is not None else ent.end
                if (start, end) == (ent.start, ent.end):
                    parts.append(ent)
                elif end > start:
                    parts.append(Span(ent.doc, start, end, label=ent.label_))
                start = end + 1
    return parts


def _neighbours(token: Token) -> list[Token]:
    doc = token.doc
    return [doc[i] for i in (token.i - 1, token.i + 1) if 0 <= i < len(doc) and doc[i].sent == token.sent]


def _without_timestamp(ent: Span) -> Span | None:
    """The entity without a log line's leading time or date ("19:10 - Carlos Alvarado"), a
    record's heading noun ("Statement of Keyla Salazar"), lower-case words before the name
    ("el dueño de La Herradura"), a trailing possessive ("Noe
    Matamoros's") or preposition ("Cleveland Palacio at"), which the model often takes into an
    ORG; None when nothing else is left."""
    start, end, doc = ent.start, ent.end, ent.doc
    while start < end and (doc[start].like_num or doc[start].is_punct or doc[start].lower_ == "hrs"
                           or doc[start].text[:1].isdigit()):
        start += 1
    if end - start > 2 and doc[start].lower_ in _RECORD_NOUNS and doc[start + 1].lower_ == "of":
        start += 2
    while ent.label_ == "ORG" and end - start > 1 and doc[start].is_lower \
            and any(t.is_title or t.is_upper for t in doc[start + 1:end]):
        start += 1  # "el dueño de La Herradura", "the owner of Sunset Bar": the name begins at its capital
    if end - start > 1 and doc[end - 1].lower_ in {"'s", "’s"}:
        end -= 1
    while end - start > 1 and doc[end - 1].is_lower and doc[end - 1].pos_ == "ADP":
        end -= 1  # "Cleveland Palacio at" (the model's span ran into the preposition)
    if start == end:
        return None
    return ent if (start, end) == (ent.start, ent.end) else Span(doc, start, end, label=ent.label_)


_HOME_COUNTRIES = {"BZ": "belize"}


def _home_country(doc: Doc, text: str) -> bool:
    """The country a case's notes are about is their frame, not a place in them: in a Belize note
    a "Belize" node would tie every person who "came to Belize" together. A text about another
    country (a U.S. release, a foreign report) names Belize as a place like any other."""
    return _HOME_COUNTRIES.get(text_region(doc)) == folded(text)


def _not_a_body(ent) -> bool:
    """An ORG the model found that is no body: a nationality ("Guatemalan"), or words of a heading
    line that hold no body word ("For Immediate Release", "Sex Trafficking Charges")."""
    if (len(ent) == 1 and (ent[0].tag_ == "JJ" or demonym(ent[0]))) or (len(ent) == 2 and demonym(ent[0])):
        return True  # "Guatemalan", "Mexican National": a nationality, no body
    return heading_line(ent[0]) and not any(t.lower_ in ORG_WORDS for t in ent)


def _before_a_place(doc: Doc, end: int) -> bool:
    """A name followed by a comma and a country or region the gazetteer knows (directly, or
    through another place that is) is a place in it, as a dateline writes it ("El Progreso,
    Yoro, Honduras"; "Poptún, Petén"). A town after a comma proves nothing: police write a
    person's residence so ("COCOM LESTER, Benque Viejo del Carmen")."""
    text = text_of(doc)
    gap = re.match(r",\s*", text[end:end + 3])
    if gap is None:
        return False
    at = end + gap.end()
    return any(m["start"] == at and m["label"] == "Location" and m["method"].startswith("places.jsonl")
               and m["props"].get("kind") in _REGIONS for m in mentions(doc)) \
        or any(e.start_char == at and e.label_ in {"GPE", "LOC"} and _before_a_place(doc, e.end_char) for e in doc.ents)


def _looks_like_name(ent) -> bool:
    """Two or three capitalized words, no organization word, in a person's place in the clause.

    The small model often tags unfamiliar (Mayan, Garifuna, Mennonite) names as ORG or GPE. A
    place is re-typed only where a place cannot stand: the subject of a verb of speech, or the
    agent after "by" / "with" ("from Central America", "to Puerto Rico" stay places; measured on
    real texts, where the looser rule turned a third of the foreign places into people).
    """
    words = [t for t in ent if t.text != "-"]
    if not 2 <= len(words) <= 3 or not all(t.is_alpha and (t.is_title or t.is_upper) for t in words):
        return False
    if any(t.lower_ in ORG_WORDS for t in ent) or _AGENCY.search(ent.text) or heading_words(ent) \
            or heading_line(ent[0]):
        return False
    role, head = ent.root.dep_, ent.root.head
    if ent.label_ in {"GPE", "LOC"}:
        return (role == "nsubj" and head.pos_ == "VERB" and head.lemma_ not in _STATE_VERBS) \
            or (role in {"dobj", "dative"} and head.pos_ == "VERB" and head.lemma_ not in _PLACE_OBJECT_VERBS) \
            or (role == "pobj" and head.lower_ in {"by", "with"}) \
            or (role == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in _RECORD_NOUNS | _KIN_NOUNS)
    return role in {"nsubj", "nsubjpass", "dobj", "dative", "appos", "conj", "poss"} or (
        role == "pobj" and head.lower_ in {"by", "with", "for", "of", "from", "to", "about"})


# Verbs a place is the object of ("entered Mexico", "left Guatemala", "crossed the Sarstoon")
_PLACE_OBJECT_VERBS = {"enter", "leave", "visit", "cross", "reach", "travel", "tour", "flee", "return", "exit",
                       "govern", "rule", "border", "traverse", "transit", "depart", "represent", "serve", "cover",
                       "include", "affect", "encourage", "urge", "list", "rank", "place", "name", "designate"}
# Verbs a country or a region is the subject of ("Belize remained", "Mexico has", "Guatemala made")
_STATE_VERBS = {"be", "have", "remain", "become", "make", "meet", "continue", "demonstrate", "increase",
                "decrease", "report", "identify", "prosecute", "convict", "investigate", "provide", "fund", "adopt",
                "pass", "sign", "border", "lie", "include", "receive", "achieve", "improve"}
