"""Threats told in the speaker's own words: "X told Paloma: 'Yu run, mi wi find yu'" (THREATENED).

Why: notes quote a threat as it was said, in English, Kriol or Spanish, after an English
reporting clause ("held her by the neck and said: ..."). No verb of the sentence is "threaten",
so the verb rules miss it; a list of quoted phrases would only find the ones already seen. What
makes an utterance a threat is its shape, in any of the notes' languages: the speaker announces
a harm to the one addressed ("mi wah bruk yu foot", "I will kill you", "te voy a matar"), or
announces an act on them on a condition they set ("if yu run, mi wi find yu"). The doer is the
subject of the saying verb; the one threatened is who it was said to ("told Paloma"), else the
one the doer was holding ("held her ... and said"). A "her" the sentence does not resolve is the
one victim the note has named before, when there is exactly one; otherwise nobody is linked. The
one told is a person even when the model guessed a one-word name to be a place ("told Paloma").
"""
from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Doc, Span, Token

from ingest.components.base import add_relation, lemmas_of, text_of
from ingest.components.syntax import Arguments, told_person

__all__ = ["find_quoted_threats"]

METHOD = "workbench.threats.v1:quoted"
_SAYING = {"say", "tell", "warn", "shout", "yell", "scream", "text", "write", "message", "whisper", "threaten"}
_QUOTE = re.compile(r"[\"“](?P<said>[^\"”]{4,400})[\"”]")
_I = r"(?:i|mi|me|we|wi|ima|yo|nosotros)"
_WILL = r"(?:will|'ll|wi|wah|ago|a go|gonna|going to|goin|would|gwen|gwine|shall)"
_YOU = r"(?:you|yu|yuh|unu|your|yu\w*|ya)"
_HARM = (r"(?:kill|murder|hurt|beat|bruk|break|chop|cut|shoot|stab|burn|dun|finish|bury|lick|box|slap|rape|"
         r"mash|wreck|deport|disappear|sell|send .{0,30} back)")
# "mi wah bruk yu foot", "I'll kill you", "we will hurt your family"
_HARM_TO_YOU = re.compile(rf"\b{_I}\s+{_WILL}\s+(?:\w+\s+){{0,2}}?{_HARM}\b.{{0,12}}\b{_YOU}\b")
# "if yu run, mi wi find yu", "yu tell yu mada anything, mi wah dun yu": a condition, then an act on you
_IF_THEN = re.compile(rf"(?:\bif\s+|^\s*){_YOU}\s+\w+.{{0,60}}?[,;]\s*{_I}\s+{_WILL}\s+(?:\w+\s+){{0,2}}?\w+\s+{_YOU}\b")
# "te voy a matar", "la vamos a buscar", "te mato", "sé dónde vive tu familia"
_SPANISH = re.compile(r"\b(?:te|la|lo|los|las)\s+(?:voy|vamos|van)\s+a\s+(?:matar|buscar|encontrar|golpear|pegar|quemar)"
                      r"|\bte\s+(?:mato|matamos|busco|encuentro)\b|\bs[eé]\s+d[oó]nde\s+viv")


def threatening(said: str) -> bool:
    """The utterance announces a harm to the one addressed, or an act on them on a condition."""
    text = " ".join(said.lower().replace("’", "'").split())
    return bool(_HARM_TO_YOU.search(text) or _IF_THEN.search(text) or _SPANISH.search(text))


def find_quoted_threats(doc: Doc, args: Arguments, sent: Span) -> None:
    """Add the THREATENED relations of the quoted threats this sentence reports."""
    if _SAYING.isdisjoint(lemmas_of(doc)[sent.start:sent.end]):
        return  # no saying verb: most sentences
    for verb in sent:
        if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.lower() not in _SAYING:
            continue
        text = text_of(doc)
        quote = _QUOTE.search(text, verb.idx, min(len(text), sent.end_char + 400))
        if quote is None or quote.start() - (verb.idx + len(verb)) > 60 or not threatening(quote.group("said")):
            continue
        doers, targets = _doers_and_addressed(args, sent, verb)
        span = doc.char_span(sent.start_char, max(sent.end_char, quote.end()), alignment_mode="expand") or sent
        for doer in doers:
            for target in targets:
                add_relation(doc, "THREATENED", doer, target, span, METHOD, 0.75, relation="quoted threat")


def _doers_and_addressed(args: Arguments, sent: Span, verb: Token) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Who said it and to whom: the saying verb's subject and object ("he told Paloma"), else
    the subject and object of the act the sentence reports just before it ("the doorman Bigga
    held her by the neck and said"), however the parser hung the two verbs together."""
    before = [t for t in reversed(sent[:verb.i - sent.start]) if t.pos_ == "VERB"]
    doers: list[dict[str, Any]] = []
    for head in (verb, *before):
        doers = [m for m in args.subjects(head) if m["label"] == "Person"]
        if doers:
            break
    for head in (verb, *before):
        if not {id(m) for m in doers} <= {id(m) for m in args.subjects(head)} and head is not verb:
            continue
        found = [m for c in head.children if c.dep_ in {"dobj", "dative"} for m in args.resolve(c)]
        if head is verb:  # "he told Paloma": one tells things to a person, whatever the model guessed the name was
            found = [told_person(m) for m in found]
        found += [m for c in head.children if c.dep_ in {"dobj", "dative"} and not args.resolve(c)
                  for m in args.the_one_victim(c)]
        found = [m for m in found if m["label"] == "Person" and m not in doers]
        if found:
            return doers, found
    return doers, []

