"""Whose address it is when a record says where the address was given: "given by X", "on his declaration".

Why: registry and integrity records state residence through the documents that give it - "The
home address on the declaration, 12 Naranjal Street, Orange Walk Town, is the same address given
by Glenda Cruz on the company file" - not with "X lives at". The relational noun "address"
(``patterns/relational_nouns.jsonl``, read by ``relations.py``) finds whose address it is in its
possessive or its "of"; these readers add the two record forms:

- the agent of a participle on the noun: "the address given / listed / declared by X";
- the holder of the document the address is on: "the address on the declaration" is the address
  of the person whose declaration the note named before ("His Integrity Commission declaration
  (2023) names his spouse as ..." after a sentence ending on Cllr. Rafael Antonio Cruz);

and the address itself when the parser reads its apposition as a second subject ("The home
address ..., 12 Naranjal Street, ..., is ...").
"""
from __future__ import annotations

from typing import Any, Callable

from spacy.tokens import Span, Token

from ingest.components.syntax import Arguments

__all__ = ["address_apposed", "address_people"]

_GIVING = {"give", "list", "state", "declare", "record", "register", "provide", "show", "enter", "write"}
_DOCUMENTS = {"declaration", "file", "form", "record", "licence", "license", "application", "register", "registration",
              "statement", "passport", "certificate", "return", "declaración", "formulario", "expediente"}
_POSSESSIVE_PRONOUNS = {"his", "her", "their"}


def address_people(args: Arguments, noun: Token,
                   last_person_before: Callable[[Span], list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """The people an address noun is the address of, by the record forms above."""
    found = [m for acl in noun.children if acl.dep_ == "acl" and acl.lemma_.lower() in _GIVING
             for by in Arguments.agents(acl) for p in by.children if p.dep_ == "pobj" for m in args.resolve(p)]
    for on in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in {"on", "in"}):
        for document in (p for p in on.children if p.dep_ == "pobj" and p.lemma_.lower() in _DOCUMENTS):
            found += _document_holder(args, document, last_person_before)
    return [m for m in found if m["label"] == "Person"]


def address_apposed(args: Arguments, noun: Token) -> list[dict[str, Any]]:
    """"The home address ..., 12 Naranjal Street, ..., is": the address the parser made a second subject."""
    if noun.dep_ != "nsubj":
        return []
    return [m for c in noun.head.children if c.dep_ == "nsubj" and c is not noun for m in args.resolve(c)
            if m["label"] == "Location" and m["props"].get("kind") == "address"]


def _document_holder(args: Arguments, document: Token,
                     last_person_before: Callable[[Span], list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """Whose "the declaration" is: the possessor of the same document named before in the note."""
    if document.i == 0 or not any(c.lower_ in {"the", "that", "this"} for c in document.children):
        return []
    for earlier in reversed(document.doc[:document.i]):
        if earlier.lemma_.lower() != document.lemma_.lower():
            continue
        poss = [c for c in earlier.children if c.dep_ == "poss"]
        if not poss:
            continue
        if poss[0].lower_ in _POSSESSIVE_PRONOUNS:  # "His declaration names ...": the person just described
            return last_person_before(earlier.sent)
        return args.resolve(poss[0])
    return []
