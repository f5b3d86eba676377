"""Places (a Belize gazetteer), venues, and which venue lies in which town.

Why: an investigator asks "who was seen at the Sunset Bar" and "what happens in Orange Walk";
the small English model knows neither Belizean villages nor local bars. Places come from a
gazetteer in EntityRuler JSONL form (``patterns/places.jsonl``: districts, towns, villages,
cayes, border crossings, neighbouring border towns, countries but Belize itself - every note
is about Belize, so a "Belize" node would tie everything together; each with ``kind`` and the
canonical ``name``), matched case-sensitively so "independence" the word is not the village.
Venues come from Matcher patterns (``patterns/venues.jsonl``): a capitalized name ending in a
venue word ("Sunset Bar", "Rancho Alegre Farm") or starting with one ("Cantina El Gallo").
Places the gazetteer lacks fall back to the model's GPE/LOC, and bodies to its ORG, with a
lower confidence (``ner_fallback.py``). "The Sunset Bar in Orange Walk Town" yields LOCATED_IN venue -> town.
"""
from __future__ import annotations

import re
from typing import Any

from spacy.attrs import IS_TITLE, IS_UPPER, LOWER
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc
from spacy.util import filter_spans

from ingest.components.base import (
    SentenceIndex, add_mention, add_relation, claimed, ensure_extensions, load_jsonl, mentions, text_of,
)

METHOD = "workbench.place_matcher.v1"
_BETWEEN = re.compile(r"^\s*,?\s*(?:(?:just\s+)?(?:in|at|of|near|outside|on the outskirts of)\s+)?(?:the\s+)?"
                      r"(?:(?:village|town|city|district) of\s+)?$", re.IGNORECASE)
_ADDRESS = re.compile(r"\b\d{1,4}\s+(?:[A-Z][a-z]+\s+){1,3}(?:Street|St\.|Avenue|Ave\.|Road|Rd\.|Lane|Drive|Boulevard|"
                      r"Highway|Alley|Crescent|Close|Extension)(?!\w)")
_BORDER_BEFORE = re.compile(r"\b(?:border|crossing|frontier)\s+(?:at|in|near|of)\s+(?:the\s+)?$", re.IGNORECASE)
_CONTAINERS = {"district", "country", "town"}
_NOT_ORG = re.compile(r"^(?:WhatsApp|Facebook|Instagram|TikTok|Western Union|MoneyGram|DigiWallet|E-Kyash|"
                      r"BZD|USD|MXN|Author|Case|Note|Ref|Re|Belize|SSN|ID|Passport)$", re.IGNORECASE)
# The model's places kept as they are (model first), but for words that are never places in notes
_NOT_PLACE = re.compile(r"^(?:WhatsApp|Facebook|Instagram|TikTok|Western Union|MoneyGram|DigiWallet|E-Kyash|"
                        r"BZD|USD|MXN|Author|Case|Note|Ref|Re|SSN|ID|Passport)$", re.IGNORECASE)
_AGENCY = re.compile(r"police|immigration|customs|labour|labor|department|ministry|BDF|coast guard|court|"
                     r"council|embassy|unit|force|prison|FIU", re.IGNORECASE)


@Language.factory("workbench_place_matcher_v1", assigns=["doc._.wb_mentions", "doc._.wb_relations"],
                  requires=["doc.sents", "doc.ents"])
def make_place_matcher(nlp: Language, name: str) -> "PlaceMatcher":
    return PlaceMatcher(nlp)


class PlaceMatcher:
    def __init__(self, nlp: Language) -> None:
        ensure_extensions()
        self.places: dict[str, dict[str, Any]] = {}
        self.gazetteer = PhraseMatcher(nlp.vocab, attr="ORTH")
        for row in load_jsonl("places.jsonl"):
            self.places[row["id"]] = row
            self.gazetteer.add(row["id"], [nlp.make_doc(row["pattern"])])
        self.venues = Matcher(nlp.vocab)
        self.venue_words: set[str] = set()
        for row in load_jsonl("venues.jsonl"):
            self.venues.add(row["id"], [row["pattern"]], greedy="LONGEST")
            if row["id"] in {"name-then-venue-word", "venue-word-then-name"}:
                for end in (row["pattern"][0], row["pattern"][-1]):
                    self.venue_words.update(end.get("LOWER", {}).get("IN", []))
        self.windows = _VenueWindows(nlp, [row["pattern"] for row in load_jsonl("venues.jsonl")])

    def __call__(self, doc: Doc) -> Doc:
        self._addresses(doc)
        places = self.gazetteer(doc)  # matched once: the venues skip these spans, then they are read
        self._venues(doc, places)
        self._gazetteer(doc, places)
        self._address_towns(doc)
        self._located_in(doc)
        return doc

    def _addresses(self, doc: Doc) -> None:
        """Street addresses ("36 Santa Ana Street"), named with their town when the note gives it."""
        for match in _ADDRESS.finditer(text_of(doc)):
            if not claimed(doc, match.start(), match.end()):
                add_mention(doc, "Location", match.start(), match.end(), f"{METHOD}:address",
                            canonical=match.group(), kind="address")

    def _address_towns(self, doc: Doc) -> None:
        places = sorted((m for m in mentions(doc) if m["label"] == "Location"), key=lambda m: m["start"])
        for address, town in zip(places, places[1:]):
            if address["props"].get("kind") == "address" and town["props"].get("kind") in {"town", "village"} \
                    and re.match(r"^(?:,\s*|\s+in\s+)$", text_of(doc)[address["end"]:town["start"]]):
                address["canonical"] = f"{address['text']}, {town['canonical']}"
        full = {m["text"]: m["canonical"] for m in places if m["props"].get("kind") == "address"
                and m["canonical"] != m["text"]}
        for m in places:  # "63 Baker Street" later in the note is the one named with its town before
            if m["props"].get("kind") == "address" and m["canonical"] == m["text"] and m["text"] in full:
                m["canonical"] = full[m["text"]]

    def _venues(self, doc: Doc, places: list[tuple[int, int, int]]) -> None:
        found = {doc[s:e]: doc.vocab.strings[m] for m, s, e in self.windows.matches(self.venues, doc)}
        known = {(s, e) for _, s, e in places}  # "Trial Farm" is a village, not a farm
        for span in filter_spans(list(found)):
            pattern = found[span]
            if span[0].lower_ == "the":
                span = span[1:]
            while len(span) > 2 and span[0].lower_ in _RECORD_NOUNS | _ACTIVITY_NOUNS and span[1].lower_ == "of":
                span = span[2:]  # "Surveillance of El Rancho Cantina": the venue is El Rancho Cantina
            if span and span[0].lower_ == "the":
                span = span[1:]
            if span.end + 1 < len(doc) and doc[span.end].lower_ == "of" and doc[span.end + 1].is_title:
                continue  # "U.S. Department of Labor", "Office of Public Affairs": a body's longer name
            if len(span) < 2 or (span.start, span.end) in known or claimed(doc, span.start_char, span.end_char):
                continue
            word = _venue_word(span, self.venue_words)
            add_mention(doc, "Organization", span.start_char, span.end_char, f"venues.jsonl:{pattern}",
                        canonical=span.text, kind="venue", venue_type=word.lower_)

    def _gazetteer(self, doc: Doc, places: list[tuple[int, int, int]]) -> None:
        matches = {doc[s:e]: self.nlp_id(doc, m) for m, s, e in places}
        for span in filter_spans(list(matches)):
            row = self.places[matches[span]]
            follower = doc[span.end] if span.end < len(doc) else None
            if follower is not None and follower.is_title and follower.pos_ in {"PROPN", "NOUN"} \
                    and follower.lower_ not in _PLACE_WORDS:
                continue  # part of a longer name: "Belize Bank", "Corozal Free Zone"
            if claimed(doc, span.start_char, span.end_char):
                continue
            name, kind = row["name"], row["kind"]
            if row.get("border") and _BORDER_BEFORE.search(text_of(doc)[max(0, span.start_char - 30):span.start_char]):
                name, kind = row["border"], "border_crossing"  # "over the border at Benque Viejo"
            add_mention(doc, "Location", span.start_char, span.end_char, f"places.jsonl:{row['id']}",
                        canonical=name, kind=kind, country=row.get("country") or None)

    @staticmethod
    def nlp_id(doc: Doc, match_id: int) -> str:
        return doc.vocab.strings[match_id]

    def _located_in(self, doc: Doc) -> None:
        places = sorted((m for m in mentions(doc) if m["label"] in {"Location", "Organization"}),
                        key=lambda m: m["start"])
        index = None
        for inner, outer in zip(places, places[1:]):
            if outer["label"] != "Location" or outer["props"].get("kind") not in _CONTAINERS | {"other"}:
                continue
            if inner["label"] == "Organization" and inner["props"].get("kind") != "venue":
                continue
            if inner["label"] == "Location" and inner["props"].get("kind") in {"district", "country"}:
                continue
            if _BETWEEN.match(text_of(doc)[inner["end"]:outer["start"]]):
                index = index or SentenceIndex(doc)
                add_relation(doc, "LOCATED_IN", inner, outer, index.at(inner["start"]), f"{METHOD}:located-in", 0.9)


class _VenueWindows:
    """The venue Matcher run only over the stretches of capitalized words that hold a venue word.

    Why: the Matcher tries its patterns at every token (a Token each, and "*" runs from every
    capitalized word): 0.12 s for the bench's 300 notes, though venues are rare. Every word of
    a venue pattern is capitalized or one of the pattern's few listed words ("de", "&", "'s"),
    and every pattern needs a capitalized venue word ("Bar", "FARM"); so a match lies inside
    one run of such words that holds a venue word, and nothing outside those runs can match.
    Each such run is matched alone (with the word after it, so a match ends as it does in the
    whole doc), and the matches are put in the order the Matcher gives for the whole doc: by
    pattern in the order its first match was found, then longest first (``greedy="LONGEST"``);
    it decides which pattern names a span two patterns found. Patterns of any other shape turn
    this off: the whole doc is matched.
    """

    def __init__(self, nlp: Language, patterns: list[list[dict[str, Any]]]) -> None:
        strings = nlp.vocab.strings
        listed = {word for pattern in patterns for token in pattern for word in _lower_forms(token)}
        self.listed = {strings.add(w) for w in listed}
        triggers = [_trigger(pattern) for pattern in patterns]
        self.triggers = {strings.add(w) for t in triggers if t for w in t}
        self.exact = all(triggers) and all(token.get("OP", "?") in {"?", "*", "+"} and (_capitalized(token) or _lower_forms(token))
                                           for pattern in patterns for token in pattern)

    def matches(self, matcher: Matcher, doc: Doc) -> list[tuple[int, int, int]]:
        if not self.exact:
            return matcher(doc)
        by_key: dict[int, list[tuple[int, int, int]]] = {}
        for start, end in self._runs(doc):
            window = doc[start:min(end + 1, len(doc))]
            for key, s, e in matcher(window):
                by_key.setdefault(key, []).append((key, s + start, e + start))
        return [m for found in by_key.values() for m in sorted(found, key=lambda m: (m[2] - m[1], -m[1]), reverse=True)]

    def _runs(self, doc: Doc) -> list[tuple[int, int]]:
        """The runs of capitalized or listed words that hold a capitalized venue word."""
        runs, start, hit = [], None, False
        for i, (title, upper, lower) in enumerate(doc.to_array([IS_TITLE, IS_UPPER, LOWER]).tolist()):
            if title or upper or lower in self.listed:
                start = i if start is None else start
                hit = hit or ((title or upper) and lower in self.triggers)
                continue
            if start is not None and hit:
                runs.append((start, i))
            start, hit = None, False
        if start is not None and hit:
            runs.append((start, len(doc)))
        return runs


def _capitalized(token: dict[str, Any]) -> bool:
    return token.get("IS_TITLE") is True or token.get("IS_UPPER") is True


def _lower_forms(token: dict[str, Any]) -> list[str]:
    """The lower forms a pattern word must have (its LOWER or LOWER IN), none when it names none."""
    lower = token.get("LOWER")
    if isinstance(lower, str):
        return [lower]
    return list(lower["IN"]) if isinstance(lower, dict) and set(lower) == {"IN"} else []


def _trigger(pattern: list[dict[str, Any]]) -> list[str] | None:
    """The venue words one word of every match of the pattern is (a required, capitalized word
    of a listed lower form), or None when the pattern has no such word."""
    return next((_lower_forms(token) for token in pattern if "OP" not in token and _capitalized(token)
                 and _lower_forms(token)), None)


def _venue_word(span, venue_words: set[str]):
    """The word that says what the venue is: "bar" in "La Herradura Bar & Rooms" (the first venue
    word from the end before an "& Rooms"), "cantina" in "Cantina El Gallo"."""
    tokens = list(span)
    if len(tokens) > 2 and tokens[-2].lower_ in {"&", "and"}:
        tokens = tokens[:-2]
    return next((t for t in (tokens[-1], span[-1]) if t.lower_ in venue_words), tokens[0])  # "Tun's Hardware & Supermarket"


_ACTIVITY_NOUNS = {"surveillance", "observation", "search", "raid", "inspection", "visit", "check", "checks",
                   "owner", "manager", "staff", "employees", "workers", "front", "rear", "back", "outside"}
_RECORD_NOUNS = {"statement", "interview", "interrogation", "arrest", "search", "testimony", "declaration",
                 "deposition"}
_PLACE_WORDS = {"village", "town", "city", "district", "caye", "border", "area", "road", "street", "highway"}
