"""Who uses which identifier, and who is merely named together.

Why: a phone, email, handle, account, ID or plate matters through the person it belongs to.
The identifier linker walks up the parse from the identifier to its owner: a possessor ("Reyes's
number 622-1234"), a person it is in apposition to ("Carlos Reyes (622-1234)"), or the clause
it sits in - its subject for possession verbs ("Reyes uses 622-1234"), the callee for "called
Ana on 622-1234", the caller for "called from 622-1234". A number that is only the object of
a call ("I called 622-1234") is left unattached: the caller does not own it, and neither does
one who hands it over unless the sentence says it is theirs ("gave his number", not "gave the
seized phone, 622-1234, to Sgt. Pop"). A phone the parse leaves without an owner is given one
by the words around it where they say whose it is (``holders``: "la declarante entrega su
teléfono", "Owner's number", "and a second phone"). A plate is driven
(DRIVES) unless the sentence says whose it is ("registered in his name", "his own pickup"),
which is OWNS.
The co-mention component adds ASSOCIATED_WITH, at a low confidence, for people named in one
sentence with no typed relation between them - weak ties the analysis weighs by count.
"""
from __future__ import annotations

import re
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from graph_schema.model import load_schema
from ingest.components.base import add_relation, ensure_extensions, expand_span, folded, mentions, relations, text_of
from ingest.components.holders import Holders
from ingest.components.syntax import Arguments

_CALL_VERBS = {"call", "phone", "ring", "text", "message", "contact", "reach", "dial", "whatsapp", "send"}
# "registered / licensed / issued / subscribed to X": the record names whose the identifier is
_REGISTERED = {"belong", "register", "issue", "list", "license", "licence", "subscribe", "assign"}
_POSSESSION = {"use", "have", "own", "give", "provide", "list", "register", "change", "buy", "carry", "drive",
               "keep", "hold", "open", "be", "answer", "save", "share", "post", "operate", "rent", "borrow"}
# Handing something over: the giver holds it only where the sentence says it is theirs ("gave his number")
_HAND_OVER = {"give", "hand", "surrender", "deliver", "pass", "submit", "provide", "turn", "return", "forward",
              "entrust"}
_OWN_WORDS = {"his", "her", "their", "my", "our", "its", "own"}
_OWNER_LABELS = {"Person", "Organization"}
# "a pickup, CZ-C-1234, registered in his name", "his own pickup": the sentence says the car is theirs
_OWNERSHIP = re.compile(r"\b(?:registered|listed)\s+(?:in|under)\s+(?:his|her|their)\s+(?:own\s+)?name\b|"
                        r"\b(?:his|her|their)\s+own\b", re.IGNORECASE)
_NOMINAL = {"dobj", "pobj", "nsubj", "nsubjpass", "attr", "appos", "compound"}


@Language.factory("workbench_identifier_linker_v1", assigns=["doc._.wb_relations"],
                  requires=["token.dep", "doc._.wb_mentions"])
def make_identifier_linker(nlp: Language, name: str) -> "IdentifierLinker":
    return IdentifierLinker(nlp)


class IdentifierLinker:
    """Links each identifier to its holder by the identifier's use relation: the first of the
    schema's ``holder_types`` (USES_PHONE, HOLDS_ACCOUNT, DRIVES, ...), if the holder's label
    may be its source."""

    def __init__(self, nlp: Language) -> None:
        ensure_extensions()
        self.holders = Holders(nlp.vocab)
        schema = load_schema()
        self.uses = {label: schema.holder_types(label)[0] for label in schema.labels_of_kind("identifier")}
        self.sources = {label: set(schema.rel(t).source) for label, t in self.uses.items()}

    def __call__(self, doc: Doc) -> Doc:
        items = [m for m in mentions(doc) if m["label"] in self.uses]
        if not items:
            return doc
        args = Arguments(doc)
        known: dict[tuple[int, int], dict[str, Any]] = {}  # phone (start, end) -> its owner
        unlinked: list[tuple[dict[str, Any], Span]] = []
        for item in items:
            span = expand_span(doc, item["start"], item["end"])
            if span is None:
                continue
            issuer = item["props"].get("bank")  # "an account at Belize Bank": the bank is not the holder
            owner = _listed_with(doc, item) or self._owner(args, span.root, issuer)
            if owner is not None and item["label"] == "Vehicle" and owner["label"] == "Person" \
                    and _OWNERSHIP.search(span.sent.text) and not _owns(doc, owner, item):
                add_relation(doc, "OWNS", owner, item, span.sent,
                             "workbench.identifier_linker.v1:stated-ownership", 0.75)
                if not any(t.lemma_ == "drive" for t in span.sent):
                    continue  # "getting out of his own pickup": owning it, driving is not stated
            elif owner is not None and item["label"] == "Vehicle" and _owns(doc, owner, item):
                continue  # "registered to / belongs to Reyes" was read as OWNS: driving is not stated
            if owner is not None and owner["label"] in self.sources[item["label"]]:
                add_relation(doc, self.uses[item["label"]], owner, item, span.sent,
                             "workbench.identifier_linker.v1", 0.75)
                known[(item["start"], item["end"])] = owner
            elif item["label"] == "Phone":
                unlinked.append((item, span))
        if unlinked:
            self._by_words(doc, args, unlinked, known)
        return doc

    def _by_words(self, doc: Doc, args: Arguments, unlinked: list[tuple[dict[str, Any], Span]],
                  known: dict[tuple[int, int], dict[str, Any]]) -> None:
        """Phones the parse left without an owner, given one by the rules of ``holders`` (in text order,
        so a second phone follows a first one these rules linked)."""
        state = self.holders.state(args)
        for item, span in sorted(unlinked, key=lambda pair: pair[0]["start"]):
            found = self.holders.owner(state, span, known)
            if found is not None and found[0]["label"] in self.sources["Phone"]:
                owner, method, evidence = found
                add_relation(doc, self.uses["Phone"], owner, item, evidence, method, 0.7)
                known[(item["start"], item["end"])] = owner

    def _owner(self, args: Arguments, token: Token, issuer: str | None = None) -> dict[str, Any] | None:
        child, current = token, token
        for _ in range(6):
            for c in current.children:
                owners = (args.resolve(c) or args.the_one_victim(c)) if c.dep_ == "poss" else []
                if owners:
                    return owners[0]  # "She gave me her phone, ..., number X": the one victim when nothing nearer
            named = _in_the_name_of(args, current)  # "ID 0075 in the name of Amalia Yam"
            if named is not None:
                return named
            found = args.mention(current)
            if current is not token and found is not None and found["label"] in _OWNER_LABELS \
                    and (found["canonical"] or found["text"]) != issuer:
                return found
            described = [current, *(c for c in current.children if c.dep_ == "appos")]
            for c in (c for d in described for c in d.children):
                # "a Nissan, plate CZ-C-75647, driven by Celestino Cus"; "x@y.com, an address used by Ana Pop"
                if c.dep_ == "acl" and c.lemma_ in _POSSESSION | {"drive", "own", "register", "rent"}:
                    agents = [m for a in c.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"
                              for m in args.resolve(p)]
                    if agents:
                        return agents[0]
                if c.dep_ == "acl" and c.lemma_ in _REGISTERED:  # "a second phone, 633-4455, belonging to Pop"
                    holders = [m for m in args.prep(c, {"to"}) if m["label"] in _OWNER_LABELS]
                    if holders:
                        return holders[0]
            if current.pos_ in {"VERB", "AUX"} and current.dep_ not in _NOMINAL:  # not "job offers" tagged a verb
                return self._clause_owner(args, current, child)
            if current.head is current:
                return None
            child, current = current, current.head
        return None

    @staticmethod
    def _clause_owner(args: Arguments, verb: Token, child: Token) -> dict[str, Any] | None:
        lemma = verb.lemma_.lower()
        prep = child.lower_ if child.dep_ == "prep" else None
        candidates: list[dict[str, Any]] = []
        if lemma in _CALL_VERBS and prep in {"on", "at", "to"}:
            candidates = args.objects(verb)
        elif lemma in _CALL_VERBS and child.dep_ in {"dobj", "dative"}:
            return None
        elif lemma in _CALL_VERBS and child.dep_ == "npadvmod":  # "contacted the girls from Instagram account @x"
            candidates = args.subjects(verb)
        elif prep == "into" and lemma in {"receive", "get", "collect"}:  # "receives money into account 1234"
            candidates = args.subjects(verb)
        elif prep in {"to", "by"} and lemma in _REGISTERED:
            candidates = args.prep(verb, {prep})
        elif child.dep_ in {"nsubj", "nsubjpass", "dep"} and lemma in _REGISTERED:  # "dep": a number the parser split
            candidates = args.prep(verb, {"to", "in"})  # "Passport P123 belongs to / is registered to X"
        elif lemma in _HAND_OVER and not _said_to_be_theirs(verb):
            return None  # "gave the seized phone, 622-1234, to Sgt. Pop": handing it over says not whose it is
        elif prep in {"from", "with", "on", "at", "under", "in", "as"} or lemma in _POSSESSION or (
                prep == "by" and lemma == "go"):  # "on Instagram she goes by keyla_22"
            candidates = args.subjects(verb)
            for c in verb.children:
                if c.dep_ in {"nsubj", "nsubjpass"}:
                    candidates += [m for p in c.children if p.dep_ == "poss" for m in args.resolve(p)]
        people = [m for m in candidates if m["label"] in _OWNER_LABELS and not m["props"].get("first_person")]
        return people[0] if people else None


@Language.factory("workbench_co_mention_v1", assigns=["doc._.wb_relations"], requires=["doc._.wb_relations"])
def make_co_mention(nlp: Language, name: str, max_people: int = 6, confidence: float = 0.4) -> "CoMention":
    return CoMention(max_people, confidence)


class CoMention:
    def __init__(self, max_people: int, confidence: float) -> None:
        ensure_extensions()
        self.max_people = max_people
        self.confidence = confidence
        self.events = frozenset(load_schema().party_events())

    def __call__(self, doc: Doc) -> Doc:
        self._link(doc)
        doc.user_data.pop("wb_text", None)  # the last component: see base.text_of
        doc.user_data.pop("wb_common", None)
        doc.user_data.pop("wb_text_region", None)  # see region.text_region
        doc.user_data.pop("wb_lemmas", None)  # see base.lemmas_of
        doc.user_data.pop("wb_lowers", None)
        doc.user_data.pop("wb_offsets", None)  # see base.token_range
        return doc

    def _link(self, doc: Doc) -> None:
        people = [m for m in mentions(doc) if m["label"] == "Person" and not m["props"].get("first_person")]
        if len(people) < 2:
            return
        linked = _linked_pairs(relations(doc), self.events)
        for sent in doc.sents:
            here = [m for m in people if sent.start_char <= m["start"] < sent.end_char]
            names: dict[str, dict[str, Any]] = {}
            for m in here:
                names.setdefault(folded(m["canonical"] or m["text"]), m)
            if not 2 <= len(names) <= self.max_people:
                continue
            unique = list(names.values())
            for i, a in enumerate(unique):
                for b in unique[i + 1:]:
                    key = frozenset(((a["label"], a["start"], a["end"]), (b["label"], b["start"], b["end"])))
                    if key not in linked:
                        add_relation(doc, "ASSOCIATED_WITH", a, b, sent, "workbench.co_mention.v1", self.confidence)


def _linked_pairs(items: list[dict[str, Any]], events: frozenset[str]) -> set[frozenset]:
    """Pairs joined by a typed relation, directly or through an event between them (``events``:
    the schema's party events, a payment or a call)."""
    pairs = {frozenset((tuple(r["source"]), tuple(r["target"]))) for r in items}
    into: dict[tuple, list[tuple]] = {}
    out_of: dict[tuple, list[tuple]] = {}
    for r in items:
        if r["target"][0] in events:
            into.setdefault(tuple(r["target"]), []).append(tuple(r["source"]))
        if r["source"][0] in events:
            out_of.setdefault(tuple(r["source"]), []).append(tuple(r["target"]))
    for event, sources in into.items():
        pairs |= {frozenset((s, t)) for s in sources for t in out_of.get(event, ())}
    return pairs


def _listed_with(doc: Doc, item: dict[str, Any]) -> dict[str, Any] | None:
    """The name a notebook or phone list writes the number with ('"Güero +52 983 114 5520"')."""
    text = text_of(doc)  # not doc.text, which joins every token again for each identifier
    for m in mentions(doc):
        if m["label"] == "Person" and m["method"].endswith(":directory-entry") and m["end"] <= item["start"] \
                and re.fullmatch(r"\s*:?\s*", text[m["end"]:item["start"]]):
            return m
    return None


def _owns(doc: Doc, owner: dict[str, Any], item: dict[str, Any]) -> bool:
    source, target = [owner["label"], owner["start"], owner["end"]], [item["label"], item["start"], item["end"]]
    return any(r["type"] == "OWNS" and r["source"] == source and r["target"] == target for r in relations(doc))


def _said_to_be_theirs(verb: Token) -> bool:
    """What is handed over is marked as the giver's own: "gave his number", "gave 622-1234 as his number"."""
    things = [c for c in verb.children if c.dep_ in {"dobj", "attr"}]
    things += [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"
               for p in c.children if p.dep_ == "pobj"]
    return any(c.lower_ in _OWN_WORDS and c.dep_ in {"poss", "amod"} for t in things for c in t.children)


def _in_the_name_of(args: Arguments, token: Token) -> dict[str, Any] | None:
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in {"in", "under"}:
            for name in prep.children:
                if name.dep_ == "pobj" and name.lower_ == "name":
                    found = [m for of in name.children if of.dep_ == "prep" and of.lower_ == "of"
                             for p in of.children if p.dep_ == "pobj" for m in args.resolve(p)]
                    if found and found[0]["label"] in _OWNER_LABELS:
                        return found[0]
    return None
