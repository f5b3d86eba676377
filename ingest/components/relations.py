"""Typed relations from the dependency parse and verb/noun lexicons (``patterns/relations.jsonl``).

Why: "who recruited, paid, moved, kept, threatened or protected whom" is the case. Rules are
data - a row names the lemmas that trigger it, the grammatical role of the source and of the
target ("subject", "object", "prep:to,from"), an optional context that must (or must not) be in
the sentence, and a confidence - so an analyst can review and extend them without code.
``syntax.Arguments`` maps roles to mentions for actives, passives, relatives and coordinations.
Relational nouns (``patterns/relational_nouns.jsonl``: "Reyes's brother Juan", "Pop, the owner
of the Sunset Bar") give RELATED_TO, OWNS and EMPLOYS. Payments and calls are events: a PAID
rule links payer -PAID-> Payment (the money in the sentence) -PAID_TO-> payee; a CALLED rule
creates a Call mention on the verb and links caller -CALLED-> Call -CALL_TO-> callee.
Tip-offs and obstruction (TIPPED_OFF) are read by ``obstruction.py``, which only ever takes the
agent of the obstruction as the source. An interview question is read with its answer ("Q: Who
run Bar Luna Maya?" / 'A: "Chino. Marcos."', ``interviews``); owners and staff said with a copula
("El dueño es don Marcos", "Bigga da di bouncer") and the owners' employment of that staff are
read by ``staff.py``; an owner's noun without "of" is said of the one business the note has just
named; homes, the note's scene town and the town of a street address by ``homes.py``; addresses
given on records ("the address given by X", "the address on his declaration") by
``addresses.py``. A negated relational noun ("no es la dueña") states nothing. Every relation is checked
against the schema's allowed endpoints and carries the sentence as its evidence.
"""
from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from graph_schema.model import load_schema
from ingest.components.addresses import address_apposed, address_people
from ingest.components.base import (add_mention, add_relation, ensure_extensions, lemmas_of, load_jsonl, lowers_of, mentions,
                                    schema_allows, text_of)
from ingest.components.homes import address_towns, house_place, house_town
from ingest.components.money import is_wage
from ingest.components.obstruction import find_obstruction
from ingest.components.staff import StaffReader, note_business
from ingest.components.syntax import Arguments, described_noun
from ingest.components.threats import find_quoted_threats

_EVENT_KIND = {"text": "sms", "message": "sms", "whatsapp": "whatsapp", "email": "other"}


@Language.factory("workbench_relation_finder_v1", assigns=["doc._.wb_relations", "doc._.wb_mentions"],
                  requires=["token.dep", "token.lemma", "doc._.wb_mentions"])
def make_relation_finder(nlp: Language, name: str) -> "RelationFinder":
    return RelationFinder()


class RelationFinder:
    def __init__(self) -> None:
        ensure_extensions()
        self.schema = load_schema()
        self.staff = StaffReader(load_jsonl("relational_nouns.jsonl"), self.schema)
        self.verbs: dict[str, list[dict[str, Any]]] = {}
        for row in load_jsonl("relations.jsonl"):
            for lemma in row["lemmas"]:
                self.verbs.setdefault(lemma, []).append(row)
        self.nouns: dict[str, list[dict[str, Any]]] = {}
        for row in load_jsonl("relational_nouns.jsonl"):
            for noun in row["nouns"]:
                self.nouns.setdefault(noun, []).append(row)

    def allowed(self, rel_type: str, source: dict[str, Any], target: dict[str, Any]) -> bool:
        return schema_allows(self.schema, rel_type, source, target)

    def __call__(self, doc: Doc) -> Doc:
        if not mentions(doc):
            return doc
        args = Arguments(doc)
        named = args.by_token  # token index -> mention: a sentence naming no one is skipped without its tokens
        lemmas, lowers = lemmas_of(doc), lowers_of(doc)
        for sent in doc.sents:
            if not any(i in named for i in range(sent.start, sent.end)):
                continue
            lower = text_of(doc)[sent.start_char:sent.end_char].lower()
            for i in range(sent.start, sent.end):
                if lemmas[i] not in self.verbs and lowers[i] not in self.nouns:
                    continue  # no rule starts from this word: no Token made for it
                token = doc[i]
                if token.pos_ in {"VERB", "AUX"}:
                    for row in self.verbs.get(token.lemma_.lower(), ()):
                        if self._applies(row, token, lower):
                            self._verb_rule(doc, args, sent, token, row)
                elif token.pos_ in {"NOUN", "PROPN"} and token.lower_ in self.nouns:
                    for row in self.nouns[token.lower_]:
                        self._noun_rule(doc, args, sent, token, row)
            self._of_place(doc, args, sent)
            house_place(doc, args, sent, self.schema)
            find_obstruction(doc, args, sent, self.role_of)
            find_quoted_threats(doc, args, sent)
        self.staff(doc, args)
        address_towns(doc)
        doc.user_data.pop("wb_scene", None)
        return doc

    @staticmethod
    def role_of(doc: Doc, mention: dict[str, Any]) -> str | None:
        """The mention's role, else the role another mention of the same person in the doc has
        ("WPC Petrona Tzib" earlier makes a later bare "Tzib" an official)."""
        if mention["props"].get("role") or mention["label"] != "Person":
            return mention["props"].get("role")
        name = (mention["canonical"] or mention["text"]).lower()
        return next((m["props"]["role"] for m in mentions(doc) if m["label"] == "Person" and m["props"].get("role")
                     and (m["canonical"] or m["text"]).lower() == name), None)

    def _of_place(self, doc: Doc, args: Arguments, sent: Span) -> None:
        """"Carlos Reyes, of 12 Baker Street, was present": a place set off after a name is where
        the person lives (police style for giving a residence)."""
        if "of" not in lowers_of(doc)[sent.start:sent.end]:
            return
        for of in sent:
            if of.lower_ != "of" or of.dep_ != "prep" or of.i == 0 or doc[of.i - 1].text != ",":
                continue
            named = args.mention(of.head)  # the name itself: not a conjunct or apposition the parser hung it on
            people = [named] if named is not None and named["label"] == "Person" else []
            places = [m for p in of.children if p.dep_ == "pobj" for m in args.resolve(p) if m["label"] == "Location"]
            for person in people:
                for place in places:
                    add_relation(doc, "LIVES_AT", person, place, sent, "workbench.relation_finder.v1:comma-of-place", 0.7)

    @staticmethod
    def _applies(row: dict[str, Any], verb: Token, sentence: str) -> bool:
        if "context" in row and not any(c in sentence for c in row["context"]):
            return False
        if any(c in sentence for c in row.get("not_context", ())):
            return False
        if "with_xcomp" in row and not any(_complement(c) and c.lemma_ in row["with_xcomp"] for c in verb.children):
            return False
        passive = any(c.dep_ in {"nsubjpass", "auxpass", "agent"} for c in verb.children)
        if row.get("active_only") and passive:
            return False  # "a house rented by Reyes": the agent lets the house, others live in it
        if row.get("intransitive") and (passive or any(c.dep_ in {"dobj", "dative"} for c in verb.children)):
            return False  # "Reyes moved to Corozal" is a move of home, "Reyes moved the girls to Corozal" is not
        if "particle" in row and not any(c.dep_ in {"prt", "advmod"} and c.lower_ in row["particle"] for c in verb.children):
            return False
        if "object_lemmas" in row and not _object_is(verb, row["object_lemmas"]):
            return False
        return True

    def _verb_rule(self, doc: Doc, args: Arguments, sent: Span, verb: Token, row: dict[str, Any]) -> None:
        sources, targets = args.role(verb, row["source"]), _without_address_towns(args.role(verb, row["target"]))
        confidence = row["confidence"]
        if "source_roles" in row:
            sources = [s for s in sources if self.role_of(doc, s) in row["source_roles"]]
        if "not_source_roles" in row:  # an officer who detains or holds someone is investigating
            sources = [s for s in sources if self.role_of(doc, s) not in row["not_source_roles"]]
        method = f"relations.jsonl:{row['id']}"
        if row["type"] == "PAID":
            self._payment(doc, args, sent, verb, sources, targets, method, confidence)
        elif row["type"] == "CALLED":
            self._call(doc, sent, verb, sources, targets, method, confidence)
        else:
            if not targets and row["type"] == "LIVES_AT":
                targets = house_town(doc, verb)  # "lives in the back house of the same yard", in the note's village
            if "target_labels" in row:
                targets = [t for t in targets if t["label"] in row["target_labels"]]
            evidence = args.with_answer(sent)
            for source in sources:
                for target in targets:
                    if self.allowed(row["type"], source, target):
                        add_relation(doc, row["type"], source, target, evidence, method, confidence,
                                     relation=row.get("relation", verb.lemma_.lower()))

    def _payment(self, doc: Doc, args: Arguments, sent: Span, verb: Token, payers: list, payees: list,
                 method: str, confidence: float) -> None:
        payments = [m for m in _in(sent, mentions(doc)) if m["label"] == "Payment"]
        if not payments:
            return
        payment = min(payments, key=lambda m: abs(m["start"] - verb.idx))
        payees = [p for p in payees if self.allowed("PAID_TO", payment, p)]
        if not payees:  # "paid Sgt. Castillo BZ$500": the parser often hangs the payee on the amount
            money = doc.char_span(payment["start"], payment["end"], alignment_mode="expand")
            payees = [m for t in money.root.children if t.dep_ in {"compound", "nmod", "dative"}
                      for m in args.resolve(t) if m not in payers] if money is not None else []
        for payer in payers:
            if self.allowed("PAID", payer, payment):
                add_relation(doc, "PAID", payer, payment, sent, method, confidence)
        for payee in payees:
            if self.allowed("PAID_TO", payment, payee):
                add_relation(doc, "PAID_TO", payment, payee, sent, method, confidence)
        if payment["props"].get("amount") is not None and is_wage(sent.text):
            for payer in payers:
                for payee in payees:
                    wage_employs(doc, self.schema, payer, payee, sent, method)

    def _call(self, doc: Doc, sent: Span, verb: Token, callers: list, callees: list, method: str,
              confidence: float) -> None:
        if any(c.get("method", "").endswith(":called") for c in callees) or _naming(verb):
            return  # "whom La Jefa called Sarge", "a man who calls himself a pastor": a name given, not a phone call
        callers = [c for c in callers if self.allowed("CALLED", c, {"label": "Call"})]
        callees = [c for c in callees if self.allowed("CALL_TO", {"label": "Call"}, c)]
        if not callers or not callees:
            return
        kind = "whatsapp" if "whatsapp" in sent.text.lower() else _EVENT_KIND.get(verb.lemma_.lower(), "voice")
        date = next((m["props"].get("date") for m in _in(sent, mentions(doc)) if m["props"].get("date")), None)
        call = add_mention(doc, "Call", verb.idx, verb.idx + len(verb), method, confidence=confidence,
                           kind=kind, date=date, caption=f"{verb.text} ({sent.text[:60]})")
        for caller in callers:
            add_relation(doc, "CALLED", caller, call, sent, method, confidence)
        for callee in callees:
            add_relation(doc, "CALL_TO", call, callee, sent, method, confidence)

    def _noun_rule(self, doc: Doc, args: Arguments, sent: Span, noun: Token, row: dict[str, Any]) -> None:
        """"X's brother Y", "Y, the brother of X", "Y is X's brother", "his brother Y", "the owner of
        V is X", "X is listed as proprietor of V", "Y is on X's payroll", "home address of X: 12 Baker Street".
        Negated ("X is not the owner", "no es la dueña") it states nothing."""
        if _negated(noun):
            return
        of = [m for c in noun.children if c.dep_ == "poss" for m in args.resolve(c)]
        holders = _noun_holders(args, noun)
        if not of and any(c.dep_ == "poss" and c.lower_ in {"his", "her", "their"} for c in noun.children):
            named = {(h["canonical"] or h["text"]).lower() for h in holders}  # "Pop, known as "Beto", is his boss"
            before = [m for m in _in(sent, mentions(doc)) if m["label"] == "Person" and m["end"] <= noun.idx
                      and m not in holders and (m["canonical"] or m["text"]).lower() not in named]
            of = before[-1:] or _last_person_before(doc, sent, holders)
        of += [m for c in noun.children if c.dep_ == "prep" and c.lower_ in {"of", "at", "for"} and _next_to(noun, c)
               for p in c.children if p.dep_ == "pobj" for m in args.resolve(p)]
        if row["id"] == "address-of":  # "the same address given by Glenda Cruz", "the home address on the declaration"
            holders += address_apposed(args, noun)
            of += address_people(args, noun, lambda s: _last_person_before(doc, s, holders))
        if not of and row["type"] == "OWNS" and not _has_of(noun) and (business := note_business(doc, noun.idx)):
            of = [business]  # "Mr. Kenny, the Chinese owner, came at night": of the bar the note is about
        holders, of = _without_address_towns(holders), _without_address_towns(of)
        evidence = args.with_answer(sent)
        for holder in holders:
            for other in of:
                source, target = (holder, other) if row["holder"] == "source" else (other, holder)
                if self.allowed(row["type"], source, target):
                    add_relation(doc, row["type"], source, target, evidence, f"relational_nouns.jsonl:{row['id']}",
                                 row["confidence"], relation=noun.lower_)


def wage_employs(doc: Doc, schema: Any, payer: dict[str, Any], payee: dict[str, Any], sent: Span, method: str) -> None:
    """A wage paid is employment (``EMPLOYS``, relation "wage"): the payee works for the payer.
    Not a sign of exploitation by itself (``ingest.roles`` reads no role from it), and never of
    an official, whose "wage" from a suspect is what the complicity flags weigh as a payment."""
    if any(RelationFinder.role_of(doc, p) in ("official", "investigator") for p in (payer, payee)):
        return
    if schema_allows(schema, "EMPLOYS", payer, payee):
        add_relation(doc, "EMPLOYS", payer, payee, sent, f"{method}:wage", 0.7, relation="wage")


def _naming(verb: Token) -> bool:
    """"calls himself a pastor", "calls him Pastor": the verb gives a name (a second object, a
    reflexive), it does not place a call."""
    return verb.lemma_.lower() == "call" and any(
        c.dep_ in {"oprd", "xcomp", "ccomp", "attr"} or c.lower_ in {"himself", "herself", "themselves", "myself"}
        for c in verb.children)


_NEGATIONS = {"not", "n't", "no", "never", "noh", "neva", "nunca", "ni"}


def _negated(noun: Token) -> bool:
    """"X is not the owner", "Glenda Cruz no es la dueña": a negation in the three words before the noun."""
    return any(t.lower_ in _NEGATIONS for t in noun.doc[max(noun.sent.start, noun.i - 3):noun.i])


def _has_of(noun: Token) -> bool:
    """The noun says whose or what it is of ("el dueño de la Toyota"), whether or not that was read."""
    return noun.i + 1 < len(noun.doc) and noun.doc[noun.i + 1].lower_ in {"of", "de", "del"}


def _next_to(noun: Token, prep: Token) -> bool:
    """The preposition belongs to the noun's own phrase: no comma between them. "Ms. Bautista,
    Social Worker, the child L.A.C., 15 years, of Trial Farm" hangs "of" on "Worker" by the
    parser's mistake; the village is the child's, not the worker's employer."""
    low, high = sorted((noun.i, prep.i))
    return not any(t.text == "," for t in noun.doc[low + 1:high])


def _in(sent: Span, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [m for m in items if sent.start_char <= m["start"] < sent.end_char]


def _noun_holders(args: Arguments, noun: Token) -> list[dict[str, Any]]:
    """Who or what a relational noun is said of: its apposition, the subject of "is <noun>", the
    complement of "<noun> is", the object of "listed as <noun>", the subject of "is on <noun>"."""
    holders = []
    if noun.dep_ in {"appos", "compound", "npadvmod"}:
        holders += args.resolve(noun.head)
    holders += [m for c in noun.children if c.dep_ in {"appos", "compound"} for m in args.resolve(c)]
    holders += [m for of in noun.children if of.dep_ == "prep" and of.lower_ == "of" for p in of.children
                for a in p.children if a.dep_ == "appos" and a.doc[a.left_edge.i - 1].text == ":"
                for m in args.resolve(a)]  # "Home address of Ana Pop: Santa Familia"
    head = noun.head
    if noun.dep_ == "attr" and head.lemma_ == "be":
        holders += args.subjects(head)
    elif noun.dep_ == "nsubj" and head.lemma_ == "be":
        holders += [m for c in head.children if c.dep_ == "attr" for m in args.resolve(c)]
    elif noun.dep_ == "pobj" and head.lower_ == "as" and head.head.pos_ in {"VERB", "AUX"}:
        holders += args.objects(head.head) or args.subjects(head.head)
    elif noun.dep_ == "pobj" and head.lower_ == "on" and head.head.lemma_ in {"be", "remain", "stay"}:
        holders += args.subjects(head.head)
    elif noun.dep_ == "dobj" and head.pos_ in {"VERB", "AUX"}:  # "names his spouse as Glenda Cruz"
        holders += [m for c in (*head.children, *noun.children) if c.dep_ == "prep" and c.lower_ == "as"
                    for p in c.children if p.dep_ == "pobj" for m in args.resolve(p)]
    return holders


def _last_person_before(doc: Doc, sent: Span, holders: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """"His declaration names his spouse as ...": a sentence that opens on "his" speaks of the
    person the sentence before ended on (the one just described), when that sentence names one."""
    if sent.start == 0:
        return []
    before = doc[sent.start - 1].sent
    people = [m for m in _in(before, mentions(doc)) if m["label"] == "Person" and m not in holders]
    return people[-1:]


def _without_address_towns(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Drop a town that only completes a street address in the same list ("12 Baker Street, San
    Ignacio"): the relation is to the address, which the town already contains."""
    completed = {m["canonical"].rsplit(", ", 1)[-1] for m in items
                 if m["props"].get("kind") == "address" and m["canonical"] and ", " in m["canonical"]}
    return [m for m in items if m["props"].get("kind") == "address" or m["canonical"] not in completed]


def _object_is(verb: Token, lemmas: list[str]) -> bool:
    """The verb's object is one of these things: its direct object, or the noun it describes as a
    participle ("the statement taken by Cpl. Pop" - the statement is what was taken)."""
    noun = described_noun(verb)
    return any(c.dep_ == "dobj" and c.lemma_ in lemmas for c in verb.children) or (
        noun is not None and noun.lemma_.lower() in lemmas)


def _complement(token: Token) -> bool:
    """A clause completing a verb: "made her work", "has her working", "put her to work"."""
    return token.dep_ in {"xcomp", "ccomp"} or (
        token.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children))
