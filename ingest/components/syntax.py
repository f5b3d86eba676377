"""Who did what to whom: reading a verb's arguments off the dependency parse.

Why: relation rules must hold for real police prose, not for one template, so they are stated
over grammatical roles - logical subject, object, a preposition's object - that the parser finds
whatever the word order: active ("Reyes recruited Ana"), passive ("Ana was recruited by Reyes"),
relative ("Reyes, who recruited Ana"), participle ("the women recruited by Reyes"), coordinated
("Reyes met Ana and paid her") and controlled ("agreed to drive them") clauses all yield the
same roles. A role token becomes mentions through the token's own mention, its conjuncts and
its appositions; "I"/"we" become a first-person mention that ``ingest.extract`` ties to the
note's author, unless an apposition names the writer ("I, Sgt. Pop, interviewed ..."), or the
statement names its speaker (``speakers``). An interview question's "who" is whom its answer
names (``interviews``), a quotation's first person whom the note says said it (``quotes``), and
a verb the parser left without a subject takes the name set off by a comma right before it ("a
man who calls himself a pastor, Nelson Bonilla, said").
"""
from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from spacy.tokens import Doc, Span, Token

from ingest.components.base import add_mention, expand_span, mentions, relations, text_of
from ingest.components.interviews import WHO, Answers
from ingest.components.quotes import QuoteSpeakers
from ingest.components.speakers import GROUP_WORDS, listed_with_me, statement_speaker

_RELATIVE = {"who", "that", "which", "whom"}
_FIRST_PERSON = {"i", "we"}
_NAMING_VERBS = {"call", "name", "nickname", "know"}
_SPEAKER_WORDS = {"i", "we", "me", "us", "my", "our"}
_WE = {"we", "us", "our"}
_PRONOUNS = {"he", "him", "his", "she", "her", "hers"}
_OBJECTS = {"pobj", "dobj", "dative", "attr", "oprd", "agent"}
_KIN = {"brother", "sister", "husband", "wife", "son", "daughter", "father", "mother", "cousin", "uncle", "aunt",
        "nephew", "niece", "spouse", "partner", "boyfriend", "girlfriend"}
_PRIORITY = {"Person": 0, "Organization": 1, "Location": 2}
# "the prisoner", "the accused": the one person the note has arrested or charged
_ARREST_SUBJECT = re.compile(r"^[ \t]*SUBJECT:[^\n]*\b(?:ARREST|CAUTION|CHARGE|DETENCI[OÓ]N)\b[^\n]*", re.MULTILINE)
_ROLE_REFERENCES = {"prisoner", "accused", "detainee", "arrestee", "defendant"}
# Nouns for a person: what "a woman whom everybody calls La Flaca" names is a person, whatever
# type the model guessed for the name
_PERSON_NOUNS = {"man", "woman", "girl", "boy", "guy", "lady", "gentleman", "person", "fellow", "youth", "teenager",
                 "child", "señor", "señora", "muchacho", "muchacha", "hombre", "mujer"}
PERSON_NOUNS = frozenset(_PERSON_NOUNS)  # for the components that read "a man ..., Name" too (``arrivals``)
# "offered her work", "promised her a job": the small parser reads "her" as the job's possessor;
# with these verbs and nouns it is the one the work is offered to
_OFFER_VERBS = {"offer", "promise", "give", "find", "get"}
_WORK_NOUNS = {"work", "job", "jobs", "employment", "position", "place"}


class Arguments:
    """Token-to-mention lookups and role finders for one doc."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.by_token: dict[int, dict[str, Any]] = {}
        for item in sorted(mentions(doc), key=lambda m: _PRIORITY.get(m["label"], 3)):
            span = expand_span(doc, item["start"], item["end"])  # char_span's, without its Tokens
            for i in range(span.start, span.end) if span is not None else ():  # indices: no Token per word
                self.by_token.setdefault(i, item)
        self.speaker = statement_speaker(doc)
        self._companions: list[dict[str, Any]] | None = None
        self._quotes: QuoteSpeakers | None = None
        self._answers: Answers | None = None

    def answered(self, token: Token) -> list[dict[str, Any]] | None:
        """The people an interview's answer names for the question's "who" (``interviews``)."""
        if self._answers is None:
            self._answers = Answers(self.doc)
        return self._answers.people_for(token.idx)

    def with_answer(self, sent: Span) -> Span:
        """A question's sentence with its answer, when the answer names the people it relates:
        the evidence of "Q: Who run Bar Luna Maya?" is both lines."""
        if self._answers is None:
            self._answers = Answers(self.doc)
        end = self._answers.answer_end(sent.start_char)
        return (self.doc.char_span(sent.start_char, end, alignment_mode="expand") or sent) if end else sent

    def speaker_at(self, char: int) -> dict[str, Any] | None:
        """Who says the first-person words at ``char``: the speaker of the quotation they are in
        ('La señora Tzib dijo: "... me paga ..."'), else the statement's speaker (``quotes``)."""
        if self._quotes is None:
            self._quotes = QuoteSpeakers(self)
        return self._quotes.speaker_at(char, self.speaker)

    def mention(self, token: Token) -> dict[str, Any] | None:
        return self.by_token.get(token.i)

    def resolve(self, token: Token, depth: int = 0) -> list[dict[str, Any]]:
        """Mentions a noun-phrase head stands for (itself, its conjuncts, its appositions)."""
        found = []
        for tok in (token, *token.conjuncts):
            item = self.by_token.get(tok.i)
            if item is None and self.speaker is not None and tok.lower_ in _SPEAKER_WORDS and tok.pos_ == "PRON":
                item = self.speaker  # "I am H.Z.M. ... he kept us in his house": the one who makes the statement
                if tok.lower_ in _WE:  # "I travelled with Paloma ... he kept us": she is of "us" too
                    found += [c for c in self.companions() if c not in found]
            if item is None and tok.lower_ in _FIRST_PERSON and (tok.pos_ == "PRON" or tok.dep_ == "nsubj"):
                item = self._named_writer(tok) or self._first_person(tok)
            if item is None and tok.lower_ in _PRONOUNS and tok.pos_ == "PRON":
                item = self.antecedent(tok)
            if item is None and tok.lower_ in _ROLE_REFERENCES and any(c.lower_ == "the" for c in tok.children):
                item = self.the_one_with_role(tok, "suspect")  # "brother of the prisoner"
            if item is None and tok.lower_ in _KIN and depth < 2:
                item = self.relative(tok)
            if item is None and tok.lower_ in WHO and (answered := self.answered(tok)) is not None:
                found += [m for m in answered if m not in found]  # "Q: Who run Bar Luna Maya?" A: "Chino."
                continue
            if item is None and tok.lower_ in _RELATIVE and tok.head.dep_ == "relcl" and depth < 2:
                found += self.resolve(tok.head.head, depth + 1)
                continue
            if item is None and depth < 2:
                for child in tok.children:
                    if child.dep_ in {"appos", "compound"}:
                        found += self.resolve(child, depth + 1)
                    elif child.dep_ in {"relcl", "acl"} and child.lemma_.lower() in _NAMING_VERBS:
                        named = [m for g in child.children if g.dep_ in {"dobj", "oprd", "attr", "xcomp", "ccomp"}
                                 for m in self.resolve(g, depth + 1)]  # "a man they call El Güero"
                        if tok.lemma_.lower() in _PERSON_NOUNS:
                            named = [_as_person(m) for m in named]
                        found += [m for m in named if m["label"] == "Person"]
            if item is not None and item not in found:
                found.append(item)
        return found

    def speaker_group(self, verb: Token) -> list[dict[str, Any]]:
        """The statement's speaker, with those they travelled with when the sentence speaks of a group
        ("said that a businessman needed girls to work"); never an officer taking the statement."""
        speaker = self.speaker_at(verb.idx)
        if speaker is None or speaker["props"].get("role") in {"official", "investigator"}:
            return []
        group = self.companions() if speaker is self.speaker and any(t.lower_ in GROUP_WORDS for t in verb.sent) else []
        return [speaker, *group]

    def companions(self) -> list[dict[str, Any]]:
        """The people the speaker says they were with ("I travelled with Paloma and another girl"):
        with the speaker, they are the statement's "we" and "us"."""
        if self._companions is None:
            found = [m for tok in self.doc if tok.lower_ == "with" and tok.dep_ == "prep"
                     and any(c.dep_ == "nsubj" and c.lower_ == "i" for c in tok.head.children)
                     for p in tok.children if p.dep_ == "pobj" for m in self.resolve(p, 2) if m is not self.speaker]
            for m in found:  # one travels with people: a one-word "place" the model guessed there is a name
                if m["label"] == "Location" and m["method"].startswith("ner:") and len(m["text"].split()) == 1:
                    m["label"], m["method"], m["props"] = "Person", f"{m['method']}->Person", {}
            found += [m for m in listed_with_me(self.doc) if m not in found and m is not self.speaker]
            self._companions = [m for m in found if m["label"] == "Person"]
        return self._companions

    def relative(self, noun: Token) -> dict[str, Any] | None:
        """"his brother" when the note has already said who his brother is ("GUERRA, Elmer, brother
        of GUERRA, Marcos Antonio ... his brother pays him"): the one person the doc's relations
        tie to the possessor by that noun."""
        owner = next((self.resolve(c, 2) for c in noun.children if c.dep_ == "poss"), [])
        if len(owner) != 1:
            return None
        words = _words(owner[0])
        found = {_key(m): m for r in relations(self.doc) if r["type"] == "RELATED_TO"
                 and noun.lower_ in str(r["props"].get("relation", "")).lower()
                 for a, b in ((r["source"], r["target"]), (r["target"], r["source"]))
                 if (m := self._at(a)) is not None and (o := self._at(b)) is not None
                 and words <= _words(o) and not words <= _words(m)}  # "GUERRA, Elmer" of "Elmer Rolando Guerra"
        return next(iter(found.values())) if len(found) == 1 else None

    def _at(self, ref: list[Any]) -> dict[str, Any] | None:
        return next((m for m in mentions(self.doc) if [m["label"], m["start"], m["end"]] == ref), None)

    def antecedent(self, pronoun: Token) -> dict[str, Any] | None:
        """The person a he/she/his/her stands for, only when one person is named in this sentence
        (before it) and the previous one: without gender or coreference models, anything more
        ambiguous is left unresolved rather than guessed. An object pronoun is never its own
        clause's subject, so "Pop said that Cruz offered her a job" leaves Pop alone."""
        sent = pronoun.sent
        window_start = self.doc[sent.start - 1].sent.start_char if sent.start > 0 else sent.start_char
        people: dict[str, dict[str, Any]] = {}
        for item in mentions(self.doc):
            if item["label"] == "Person" and window_start <= item["start"] < pronoun.idx \
                    and not item["props"].get("first_person"):
                people.setdefault((item["canonical"] or item["text"]).lower(), item)
        verb = pronoun.head.head if offered_to(pronoun) else pronoun.head
        if pronoun.dep_ in {"dobj", "dative"} or offered_to(pronoun):  # "Cruz offered her a job": her is not Cruz
            for subject in self.subjects(verb):
                people.pop((subject["canonical"] or subject["text"]).lower(), None)
        return next(iter(people.values())) if len(people) == 1 else None

    def _one_person(self, where: Callable[[dict[str, Any]], bool]) -> dict[str, Any] | None:
        """The one person (by name, once each) among the doc's Person mentions ``where`` accepts."""
        named = {(m["canonical"] or m["text"]).casefold(): m for m in mentions(self.doc)
                 if m["label"] == "Person" and where(m)}
        return next(iter(named.values())) if len(named) == 1 else None

    def the_one_with_role(self, token: Token, role: str) -> dict[str, Any] | None:
        """The one person of ``role`` the note names before ``token``."""
        found = self._one_person(lambda m: m["props"].get("role") == role and m["end"] <= token.idx)
        heading = _ARREST_SUBJECT.search(text_of(self.doc))
        if found is None and heading is not None:  # roles from legal acts come later in the pipeline
            found = self._one_person(lambda m: heading.start() <= m["start"] < heading.end())  # the arrest it names
        return found

    def the_one_victim(self, pronoun: Token) -> list[dict[str, Any]]:
        """The one victim the note names before a "her"/"him" that nothing nearer resolves: a
        statement taken from a victim goes on about "she" long after her name ("She gave me her
        phone"). None when the note names two or more."""
        if pronoun.lower_ not in _PRONOUNS:
            return []
        found = self._one_person(lambda m: m["props"].get("role") == "victim" and m["end"] <= pronoun.idx)
        return [found] if found is not None else []

    def _named_writer(self, token: Token) -> dict[str, Any] | None:
        """"I, Noe Ortega, took ...": the writer names themself, and like any first-person writer of
        a note is its investigator."""
        named = [m for c in token.children if c.dep_ == "appos" for m in self.resolve(c, 2) if m["label"] == "Person"]
        if not named:
            return None
        named[0]["props"].setdefault("role", "investigator")
        return named[0]

    def _first_person(self, token: Token) -> dict[str, Any]:
        item = add_mention(self.doc, "Person", token.idx, token.idx + len(token), "workbench.relation_finder.v1:first-person",
                           confidence=0.8, role="investigator")
        item["props"]["first_person"] = True
        self.by_token[token.i] = item
        return item

    def subjects(self, verb: Token) -> list[dict[str, Any]]:
        """The logical subject: nsubj, the agent of a passive, or inherited from the governing clause."""
        found = [m for c in verb.children if c.dep_ == "nsubj" for m in self.resolve(c)]
        found += [m for by in self.agents(verb) for p in by.children if p.dep_ == "pobj" for m in self.resolve(p)]
        if found:
            return found
        if verb.dep_ == "conj" and verb.head.pos_ in {"VERB", "AUX"}:
            return self.subjects(verb.head)
        if verb.dep_ == "xcomp" or (verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to"
                                                                  for c in verb.children)):
            # "made Ana work", "Ana was made to work", "put Ana to work": the object (or the
            # passive subject) of the governing verb does the work, else its subject
            controller = [c for c in verb.head.children if c.dep_ in {"dobj", "nsubjpass"}]
            return self.resolve(controller[0]) if controller else self.subjects(verb.head)
        if verb.dep_ == "relcl":
            return self.resolve(verb.head)
        if verb.dep_ == "ROOT" and verb.i >= 2 and self.doc[verb.i - 1].text == "," \
                and not any(c.dep_ in {"nsubjpass", "expl", "csubj"} for c in verb.children):
            before = self.doc[verb.i - 2]  # "a man who calls himself a pastor, Nelson Bonilla, said"
            named = self.mention(before)   # (not "X, assisted by Cpl. Y, executed": Y is an agent's object)
            if named is not None and named["label"] == "Person" and before.dep_ not in _OBJECTS:
                return [named]
            return []
        return []

    @staticmethod
    def agents(verb: Token) -> list[Token]:
        """The by-phrase of a passive: "agent", or a "by" the parser hung on a prepositional
        object ("was held for questioning by Cpl. Pop")."""
        found = [c for c in verb.children if c.dep_ == "agent"]
        if not found and any(c.dep_ == "auxpass" for c in verb.children):
            found = [b for p in verb.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"
                     for b in o.children if b.dep_ == "prep" and b.lower_ == "by"]
        return found

    def objects(self, verb: Token) -> list[dict[str, Any]]:
        """The logical object: dobj/dative, the subject of a passive, the noun a participle
        modifies, or the one work is offered to ("offered her work")."""
        found = [m for c in verb.children if c.dep_ in {"dobj", "dative", "nsubjpass", "oprd"} for m in self.resolve(c)]
        found += [m for c in verb.children if c.dep_ == "dobj" for g in c.children if offered_to(g)
                  for m in self.resolve(g) if m not in found]
        if not found and verb.dep_ == "acl":
            found = self.resolve(verb.head)
        return found

    def prep(self, verb: Token, words: set[str]) -> list[dict[str, Any]]:
        """Objects of the given prepositions, on the verb or on its direct object ("a statement from X"),
        or hung by the parser on a place after the verb ("worked at the Sunset Bar for Reyes")."""
        heads = [verb] + [c for c in verb.children if c.dep_ in {"dobj", "prt", "advmod"}]
        heads += [p for c in verb.children if c.dep_ == "prep" and c.lower_ not in words for p in c.children
                  if p.dep_ == "pobj" and (self.mention(p) or {}).get("label") in {"Organization", "Location"}]
        found = []
        for head in heads:
            for child in head.children:
                if child.dep_ in {"prep", "dative"} and child.lower_ in words:
                    found += [m for p in child.children if p.dep_ == "pobj" for m in self.resolve(p)]
        return found

    def head_of(self, verb: Token) -> list[dict[str, Any]]:
        """The "of" object of the noun a participle modifies ("Statement of Ana Pop, taken by ...")."""
        noun = described_noun(verb)
        if noun is None:
            return []
        return [m for of in noun.children if of.dep_ == "prep" and of.lower_ == "of"
                for p in of.children if p.dep_ == "pobj" for m in self.resolve(p)]

    def object_holders(self, verb: Token) -> list[dict[str, Any]]:
        """Whose thing the direct object is: its possessor or its "of" object ("the home of Ana Pop")."""
        found = []
        for obj in (c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}):
            found += [m for c in obj.children if c.dep_ == "poss" for m in self.resolve(c)]
            found += [m for of in obj.children if of.dep_ == "prep" and of.lower_ == "of"
                      for p in of.children if p.dep_ == "pobj" for m in self.resolve(p)]
        return found

    def role(self, verb: Token, spec: str) -> list[dict[str, Any]]:
        """Mentions for a role spec from the pattern file: "subject", "object", "patient" (passive subject),
        "complement-subject" (of a clause completing the verb), "on-behalf-of", "head-of", "object-holder",
        "speaker-group" (the statement's speaker, and those they travelled with when a group is spoken of),
        "prep:to|from",
        joined by "|"; the first part that finds anything wins."""
        found: list[dict[str, Any]] = []
        for part in spec.split("|"):
            if part == "subject":
                found += self.subjects(verb)
            elif part == "object":
                found += self.objects(verb)
            elif part == "patient":  # the subject of a passive: "Ana was seen/detained (by X)"
                found += [m for c in verb.children if c.dep_ == "nsubjpass" for m in self.resolve(c)]
            elif part == "complement-subject":  # "Reyes has Ana working at the bar"
                found += [m for c in verb.children if c.dep_ in {"ccomp", "xcomp"}
                          for s in c.children if s.dep_ == "nsubj" for m in self.resolve(s)]
            elif part == "on-behalf-of":  # "collects money on behalf of Reyes"
                found += [m for on in verb.children if on.dep_ == "prep" and on.lower_ == "on"
                          for behalf in on.children if behalf.lower_ == "behalf"
                          for of in behalf.children if of.lower_ == "of"
                          for p in of.children if p.dep_ == "pobj" for m in self.resolve(p)]
            elif part == "head-of":  # "Interview of Ana Pop conducted by Cpl. Reyes"
                found += self.head_of(verb)
            elif part == "object-holder":  # "searched the home of Ana Pop", "searched Ana Pop's car"
                found += self.object_holders(verb)
            elif part == "speaker-group":  # told to no one named in a statement: to its speaker (and group)
                found += self.speaker_group(verb)
            elif part.startswith("prep:"):
                found += self.prep(verb, set(part[5:].split(",")))
            if found:
                break
        return found


def _key(mention: dict[str, Any]) -> str:
    return (mention["canonical"] or mention["text"]).lower()


def _words(mention: dict[str, Any]) -> set[str]:
    return set(re.findall(r"\w+", _key(mention)))


def described_noun(verb: Token) -> Token | None:
    """The noun a participle describes: "the statement taken by ...", and in "Interview of Ana Pop
    conducted by ..." the interview, though the parser hangs the participle on Ana Pop."""
    if verb.dep_ not in {"acl", "relcl"}:
        return None
    noun = verb.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
        return noun.head.head
    return noun


def offered_to(token: Token) -> bool:
    """"her" in "offered her work": a possessive pronoun on the work noun an offering verb takes."""
    work = token.head
    return token.dep_ == "poss" and token.lower_ == "her" and work.dep_ == "dobj" and work.lower_ in _WORK_NOUNS \
        and work.head.lemma_.lower() in _OFFER_VERBS


def _as_person(item: dict[str, Any]) -> dict[str, Any]:
    """A name a person noun is called by is a person: the model's guess of a place or body is re-typed."""
    if item["label"] in {"Organization", "Location"} and item["method"].startswith("ner:"):
        item["label"], item["method"], item["props"] = "Person", f"{item['method']}->Person", {}
    return item


def told_person(item: dict[str, Any]) -> dict[str, Any]:
    """Someone spoken to is a person: a one-word name the model guessed as a place or body is re-typed."""
    if len(item["text"].split()) == 1:
        return _as_person(item)
    return item
