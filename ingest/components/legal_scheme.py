"""What the legal component reads around an act: the sums it imposes, its date, where the
defendants operated, and what the text says of its defendants as one case.

Why a module of its own: ``legal.py`` finds the acts and who they were done to; these are the
readings that hang on an act once found (the ordered sum, the date) or on the whole text once
read (every pair of one case's defendants acted together; "the defendants ... operated in
Mexico" names all of them; a text about two defendants that calls them a couple). Shared helpers
of the legal modules (a mention's person key, the mentions of a sentence) live here too.
"""
from __future__ import annotations

import re
from itertools import combinations
from typing import TYPE_CHECKING, Any

from spacy.tokens import Span, Token

from ingest.components import appositions
from ingest.components.base import add_relation, lemmas_of, span_text, text_of

if TYPE_CHECKING:
    from ingest.components.legal import Case

__all__ = ["act_date", "key", "link_case", "negated", "offence_places", "scheme_places", "subject_tokens", "sums"]

METHOD = "workbench.legal_relations.v1"


def key(mention: dict[str, Any]) -> str:
    """The person a mention names, as one doc writes it (its canonical name, folded)."""
    return str(mention["canonical"] or mention["text"]).lower()


def subject_tokens(verb: Token) -> list[Token]:
    """The verb's subject tokens, or those of the verb it is coordinated with."""
    found = [c for c in verb.children if c.dep_ == "nsubj"]
    if not found and verb.dep_ == "conj" and verb.head.pos_ in {"VERB", "AUX"}:
        return subject_tokens(verb.head)
    return found


def negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


# -- on an act ------------------------------------------------------------------------------
def sums(case: "Case", sent: Span, verb: Token, row: dict[str, Any]) -> list[tuple[dict[str, Any], str]]:
    """Money the act itself imposes, with its kind: a sum whose way up the parse reaches the act
    verb only through paying or imposing verbs ("ordered ... to pay $98,364 in restitution",
    "sentenced to ... a special assessment of $200"), with a sum word on the way unless the verb
    orders a payment. "faces a maximum fine of $250,000" never reaches a sentencing verb."""
    found = []
    for payment in case.mentions_in(sent):
        span = case.doc.char_span(payment["start"], payment["end"], alignment_mode="expand")
        if payment["label"] != "Payment" or payment["props"].get("amount") is None or span is None:
            continue
        path = _path_up(span.root, verb)
        if not path or any(t.pos_ in {"VERB", "AUX"} and t.lemma_ not in case.words["sum-verbs"] for t in path[:-1]):
            continue
        if row["sums"] == "xcomp" and not any(t.dep_ == "xcomp" and t.head.i == verb.i for t in path):
            continue
        near = [w for t in path for c in t.children for w in (c, *(c.children if c.dep_ == "prep" else ()))]
        kinds = [w.lemma_.lower() for w in path + near if w.lemma_.lower() in case.words["sum-words"]]
        if kinds or row["sums"] == "xcomp":
            found.append((payment, (kinds or ["payment order"])[0]))
    return found


def act_date(case: "Case", sent: Span, token: Token) -> str | None:
    """The date of the act: a date of the act's own clause, else the sentence's first one that
    the date type accepts ("Nov. 21, 2010", "22nd March 2024"; "today" is none)."""
    dates = [e for e in sent.ents if e.label_ == "DATE"]
    own = [e for e in dates if next((a.i for a in e.root.ancestors if a.pos_ in {"VERB", "AUX"}), None) == token.i]
    for ent in own + dates:
        text = re.sub(r"^(?:on|the)\s+|(?<=\d)(?:st|nd|rd|th)\b", "", ent.text)
        value = case.clean_date(re.sub(r"\b(Sep)t\b", r"\1", re.sub(r"(?<=[A-Za-z]{3})\.", "", text)))
        if value:
            return str(value)
    return None


def _path_up(token: Token, stop: Token) -> list[Token]:
    """Tokens above ``token`` up to ``stop`` (included), or [] when ``stop`` is not an ancestor."""
    path = [token]
    while path[-1].i != stop.i:
        if path[-1].head.i == path[-1].i:
            return []
        path.append(path[-1].head)
    return path[1:]


# -- where --------------------------------------------------------------------------------
def offence_places(case: "Case", patients: list[dict[str, Any]], verb: Token, sent: Span, method: str) -> None:
    """"arrested for sex trafficking of women in several brothels across South Florida": the place
    of the offence the act is for is where the patients operated (the place of the arrest is not)."""
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in {"for", "with", "of"}):
        for noun in prep.subtree:
            if noun.lemma_.lower() in case.words["scheme-nouns"]:
                case.link("OPERATES_IN", patients, _places(case, noun), sent, method, 0.7, None)


def scheme_places(case: "Case", sent: Span) -> None:
    """"the defendants are members of an organization which operated in Mexico and the United
    States", "X ran the scheme in Atlanta", "to Atlanta, where he and his brothers profited from her
    exploitation", "Florida, where the exploitation took place": the operators are the subject, the
    members of the organization the clause is about, or for a plural ("they", "the defendants",
    "his brothers") or the scheme itself all the defendants of the text."""
    if case.rules.scheme_lemmas.isdisjoint(lemmas_of(case.doc)[sent.start:sent.end]):
        return  # no verb a reading below starts from: most sentences
    for verb in sent:
        if verb.pos_ != "VERB":
            continue
        lemma = verb.lemma_.lower()
        if lemma not in case.words["scheme-verbs"] and lemma not in case.words["operate-verbs"] \
                and lemma not in {"occur", "happen", "take"} or negated(verb):
            continue  # a verb neither reading below starts from
        where = verb.dep_ == "relcl" and any(c.lower_ == "where" for c in verb.children)
        if where and (lemma in case.words["scheme-verbs"] or lemma in {"occur", "happen"} or (
                lemma == "take" and any(c.lower_ == "place" for c in verb.children))):
            place = case.args.mention(verb.head)
            if place is None or place["label"] != "Location" or any(c.dep_ == "nsubjpass" for c in verb.children):
                continue  # "Corozal, where the girls were kept": the passive subject is the victims
            places = [place] + [m for c in verb.head.children if c.dep_ == "appos"
                                for m in [case.args.mention(c)] if m is not None and m["label"] == "Location"]
            _operators(case, subject_tokens(verb), places, sent, "where-scheme")
        elif lemma in case.words["operate-verbs"]:
            places = _places(case, verb) + [m for o in verb.children if o.dep_ == "dobj" for m in _places(case, o)]
            subjects = (_members_of(verb.head) or [verb.head]) if verb.dep_ == "relcl" else subject_tokens(verb)
            if places:
                _operators(case, subjects, places, sent, "operated-in")


def _operators(case: "Case", subjects: list[Token], places: list[dict[str, Any]], sent: Span, pattern: str) -> None:
    for subject in subjects:
        group = [t for t in (subject, *subject.conjuncts) if t.lower_ in {"they", "them"} or (
            t.tag_ in {"NNS", "NNPS"} and t.lemma_.lower() in case.words["defendant-nouns"])
            or t.lemma_.lower() in case.words["scheme-nouns"]]
        if group:
            case.group_places += [(place, sent) for place in places]
        else:
            case.link("OPERATES_IN", case.people(subject), places, sent, f"{METHOD}:{pattern}", 0.75, None)


def _places(case: "Case", head: Token) -> list[dict[str, Any]]:
    return [m for p in head.children if p.dep_ == "prep" and p.lower_ in case.words["operate-preps"]
            for o in p.children if o.dep_ == "pobj" for m in case.args.resolve(o) if m["label"] == "Location"]


def _members_of(noun: Token) -> list[Token]:
    """"the defendants are members of an organization": the subject whose organization it is."""
    of = noun.head
    if noun.dep_ == "pobj" and of.lower_ == "of" and of.head.lemma_ in {"member", "part", "leader", "head"}:
        member = of.head
        if member.dep_ == "attr":
            return subject_tokens(member.head)
        if member.dep_ == "appos":
            return [member.head]
    return []


# -- the case as a whole ------------------------------------------------------------------
def link_case(case: "Case") -> None:
    """Once the whole text is read: when it speaks of its defendants as one case ("the
    defendants", "co-defendants", "conspired") and reports no separate case, every pair acted
    together, with the sentence that says so (one naming either of the two, else the first) as
    evidence; plural "operated in"
    places are every defendant's; two defendants the text calls a couple are a couple."""
    people = _distinct(case.defendants)
    cues = [s for s in case.doc.sents if case.rules.joint.search(span_text(s))] if len(people) >= 2 else []
    if len(people) >= 2 and cues and not case.rules.separate.search(text_of(case.doc)):
        for (a, sa), (b, sb) in combinations(people, 2):
            sent = next((s for s in cues if s.start <= sa.start < s.end or s.start <= sb.start < s.end), cues[0])
            add_relation(case.doc, "ACTED_WITH", a, b, sent, f"{METHOD}:same-case", 0.6, relation="co-defendants")
    for place, sent in case.group_places:
        case.link("OPERATES_IN", [p for p, _ in people], [place], sent, f"{METHOD}:defendants-operated", 0.7, None)
    couple = next((s for s in case.doc.sents for t in s if t.lower_ == "couple" and t.pos_ == "NOUN"
                   and (t.i + 1 == len(case.doc) or t.nbor(1).lower_ != "of")), None) \
        if len(people) == 2 else None  # not "a couple of weeks"; looked for only when it can link
    if len(people) == 2 and couple is not None:
        (a, _), (b, _) = people
        add_relation(case.doc, "RELATED_TO", a, b, couple, f"{METHOD}:couple", 0.7, relation="couple")
        appositions.couple_home(case.doc, case.args, couple, [a, b])


def _distinct(defendants: dict[str, tuple[dict[str, Any], Span]]) -> list[tuple[dict[str, Any], Span]]:
    """One entry per defendant: a bare surname ("Reyes Rojas") that ends the name of another
    defendant is a second reference to someone already listed, never a person of its own."""
    return [value for name, value in defendants.items()
            if not any(other != name and other.endswith(" " + name) for other in defendants)]
