"""Tip-offs and obstruction by a named person: who warned, shielded or freed whom (TIPPED_OFF).

Why: a TIPPED_OFF edge accuses someone - usually an official - of complicity, so it must be
precise. The source is only ever a person named in the sentence *as the agent* of the
obstruction: the subject (or passive by-agent) of a tip-off verb ("Sgt. X warned them before the
raid", "X told Reyes the police were coming", "Reyes was warned by X"), the one who had someone
freed ("X had him released without charge"), the one a warning, call or order came from ("the raid was
cancelled after a call from X", "on X's orders") or whose desk a file left ("the file went
missing from X's desk"). Never merely an official named nearby: the officer who reports the raid
is not its leak. The target is the person warned, freed or protected; failing that the other
(non-official) people of the sentence, else the organizations it names. Cues are data
(``patterns/obstruction.jsonl``): the sentence must hold an obstruction cue, and threats
("warned her she would be arrested if she went to the police") are left to THREATENED.
"""
from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span, Token

from ingest.components.base import add_relation, lemmas_of, lexicon_regex, load_jsonl, mentions, text_of
from ingest.components.syntax import Arguments

METHOD = "obstruction.jsonl"
_ROWS = {row["id"]: row for row in load_jsonl("obstruction.jsonl")}
_CUE = {key: lexicon_regex(row["cues"]) for key, row in _ROWS.items() if "cues" in row}
_NOT = lexicon_regex(_ROWS["threat"]["cues"])
_OFFICIAL_ROLES = {"official", "investigator"}
#: Every lemma a reading below starts from: the other words of a sentence are skipped at once
_LEMMAS = frozenset(lemma for key in ("tip-verbs", "free-verbs", "source-nouns", "warning-nouns", "place-nouns")
                    for lemma in _ROWS[key]["lemmas"])


def find_obstruction(doc: Doc, args: Arguments, sent: Span, role_of) -> None:
    """Add the TIPPED_OFF relations one sentence states (see the module docstring)."""
    if _LEMMAS.isdisjoint(lemmas_of(doc)[sent.start:sent.end]):
        return  # no word a reading starts from
    text = text_of(doc)[sent.start_char:sent.end_char]
    if _NOT.search(text):
        return
    warning, freeing, blocking = (bool(_CUE[k].search(text)) for k in ("warning", "freeing", "blocking"))
    for token in sent:
        lemma = token.lemma_.lower()
        if lemma not in _LEMMAS:
            continue
        found: tuple[list, list, str] | None = None
        if token.pos_ in {"VERB", "AUX"} and lemma in _ROWS["tip-verbs"]["lemmas"] and not _to_the_writer(token):
            agents = args.subjects(token)
            # "warned" alone is a tip-off when an official does it; anyone else needs a raid cue
            if warning or lemma in _ROWS["tip-verbs"]["always"] or (
                    lemma in _ROWS["tip-verbs"]["by_official"] and any(role_of(doc, a) == "official" for a in agents)
                    and not any(c.dep_ == "prep" and c.lower_ in {"about", "of", "against"} for c in token.children)):
                found = agents, args.role(token, "object|patient|prep:to,off"), "warn"
        elif token.pos_ == "VERB" and lemma in _ROWS["free-verbs"]["lemmas"] and freeing:
            found = _causer(args, token), args.role(token, "patient|object"), "release"
        elif token.pos_ in {"NOUN", "PROPN"} and lemma in _ROWS["source-nouns"]["lemmas"] and (blocking or freeing):
            found = _from_or_poss(args, token), [], "call-from"
        elif token.pos_ == "NOUN" and lemma in _ROWS["warning-nouns"]["lemmas"] and warning:
            found = _warned_by(args, token), [], "warning-from"
        elif token.pos_ in {"NOUN", "PROPN"} and lemma in _ROWS["place-nouns"]["lemmas"] and blocking:
            found = _from_or_poss(args, token), [], "missing-from"
        if found:
            _link(doc, sent, found, role_of)


def _to_the_writer(verb: Token) -> bool:
    """"Yesenia told me that ... after the raid": telling the note's writer is a statement to the
    police, not a warning."""
    return any(c.dep_ in {"dobj", "dative"} and c.lower_ in {"me", "us"} for c in verb.children)


def _causer(args: Arguments, verb: Token) -> list[dict[str, Any]]:
    """Who freed them: the releaser, or the one who "had/got" them released."""
    head = verb.head
    if verb.dep_ in {"ccomp", "xcomp", "conj"} and head.lemma_ in _ROWS["free-verbs"]["causers"]:
        return args.subjects(head)
    return args.subjects(verb)


def _from_or_poss(args: Arguments, noun: Token) -> list[dict[str, Any]]:
    """"a call from X", "X's orders", "X's desk"."""
    found = [m for c in noun.children if c.dep_ == "poss" and c.lower_ not in {"his", "her", "their"}
             for m in args.resolve(c)]
    found += [m for c in noun.children if c.dep_ == "prep" and c.lower_ in {"from", "by", "of"}
              for p in c.children if p.dep_ == "pobj" for m in args.resolve(p)]
    return found


def _warned_by(args: Arguments, noun: Token) -> list[dict[str, Any]]:
    """"received a warning from X before the raid": X, on the noun or on the verb it is the object of."""
    found = _from_or_poss(args, noun)
    if not found and noun.dep_ == "dobj":
        found = [m for c in noun.head.children if c.dep_ == "prep" and c.lower_ == "from"
                 for p in c.children if p.dep_ == "pobj" for m in args.resolve(p)]
    return found


def _link(doc: Doc, sent: Span, found: tuple[list, list, str], role_of) -> None:
    sources, targets, how = found
    sources = [s for s in sources if s["label"] == "Person" and not s["props"].get("first_person")
               and role_of(doc, s) != "investigator"]
    if not sources:
        return
    targets = [t for t in targets if t["label"] in {"Person", "Organization"} and t not in sources
               and role_of(doc, t) not in _OFFICIAL_ROLES]
    if not targets:
        here = [m for m in mentions(doc) if sent.start_char <= m["start"] < sent.end_char and m not in sources
                and not m["props"].get("first_person")]
        people = [m for m in here if m["label"] == "Person" and role_of(doc, m) not in _OFFICIAL_ROLES
                  and not _speaker(sent, m)]
        targets = people or [m for m in here if m["label"] == "Organization" and m["props"].get("kind") != "agency"]
    for source in sources:
        for target in targets:
            if (source["canonical"] or source["text"]) != (target["canonical"] or target["text"]):
                add_relation(doc, "TIPPED_OFF", source, target, sent, f"{METHOD}:{how}", 0.75, relation=how)


def _speaker(sent: Span, mention: dict[str, Any]) -> bool:
    """The witness who reports the tip-off ("Cristina stated that ...") is not its target."""
    span = sent.doc.char_span(mention["start"], mention["end"], alignment_mode="expand")
    return span is not None and span.root.dep_ == "nsubj" and span.root.head.lemma_ in _ROWS["speech"]["lemmas"]
