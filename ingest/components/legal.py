"""Legal-process relations, and the suspects they show, read from what the text says.

Why: press releases and police notes tell a case through its legal acts - who was arrested (by
whom), charged, convicted, sentenced (by which judge), ordered to pay what - and the people those
acts are done to are the defendants, who acted together. Rules are stated over grammatical roles
(``syntax.Arguments``) and the verb and noun lexicons of ``patterns/legal.jsonl`` (reviewed like
code; a row's ``id`` is the method), never over the strings of one text:

- a verb or noun act ("X was arrested by ICE agents", "HSI special agents arrested X", "their
  arrest by HSI special agents") gives ARRESTED_BY to the agency or officer, "was sentenced by
  U.S. District Judge Y" SENTENCED_BY, "ordered to pay $N in restitution" ORDERED_TO_PAY (a sum the
  act itself imposes: the maximum fine a defendant "faces" is not one), each with the date the
  sentence gives; an act that may still come ("could be sentenced", "if convicted") gives no typed
  relation, though its patient is a defendant all the same, and a negated one ("was not
  arrested") gives nothing;
- people who go through an act together are ACTED_WITH (co-defendants); when the text speaks of
  its defendants as one case ("the defendants", "co-defendants", "the same indictment",
  "conspired"), every pair of its defendants is, with the sentence that says so as evidence;
- "the defendants are members of an organization which operated in Mexico", "arrested for sex
  trafficking in brothels across South Florida" give OPERATES_IN; a text about two defendants
  that calls them a couple gives the family tie (RELATED_TO, relation "couple");
- police forms name acts in headings ("Arrests (caution administered to each):", "SUBJECT:
  ARREST - KU, Ruben"), see ``legal_forms``; titles and appositions give WORKS_FOR, NATIVE_OF and
  LIVES_AT, see ``appositions``; sums, dates, places and the case-wide links are in
  ``legal_scheme``.

Roles: the patient of an act becomes a suspect when its mention has no role yet (a stated victim,
witness, investigator or official keeps theirs; the arresting officer is the agent, never the
patient), with ``role_basis`` naming the act; speakers and interviewees nothing else describes
become witnesses (``statements``). ``ingest.roles`` adds the same evidence after resolution, from
the relationships, for people no mention gave a role.
"""
from __future__ import annotations

from itertools import combinations
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from graph_schema.model import load_schema
from graph_schema.types import get_type
from ingest.components import appositions, legal_forms, statements
from ingest.components.base import (
    SentenceIndex, add_relation, ensure_extensions, lemmas_of, lexicon_regex, load_jsonl, lowers_of, mentions,
)
from ingest.components.legal_scheme import (act_date, key, link_case, negated, offence_places, scheme_places,
                                            subject_tokens, sums)
from ingest.components.syntax import Arguments

METHOD = "workbench.legal_relations.v1"
_PRONOUNS = {"he", "him", "she", "her", "they", "them"}
_NOT_DEFENDANTS = {"victim", "witness", "investigator"}


@Language.factory("workbench_legal_relations_v1", assigns=["doc._.wb_relations", "doc._.wb_mentions"],
                  requires=["token.dep", "token.lemma", "doc._.wb_mentions", "doc._.wb_titles"])
def make_legal_relations(nlp: Language, name: str) -> "LegalRelations":
    return LegalRelations()


class LegalRelations:
    def __init__(self) -> None:
        ensure_extensions()
        self.schema = load_schema()
        rows = load_jsonl("legal.jsonl")
        self.verbs: dict[str, list[dict[str, Any]]] = {}
        self.nouns: dict[str, dict[str, Any]] = {}
        for row in rows:
            for lemma in row.get("lemmas", ()):
                self.verbs.setdefault(lemma, []).append(row)
            for noun in row.get("nouns", ()):
                self.nouns[noun] = row
        self.words = {row["id"]: frozenset(row["words"]) for row in rows if row["kind"] == "words"}
        self.joint = lexicon_regex(self.words["joint-cues"])
        self.separate = lexicon_regex(self.words["separate-cases"])
        #: the lemmas ``legal_scheme.scheme_places`` starts from (a sentence without one is skipped)
        self.scheme_lemmas = self.words["scheme-verbs"] | self.words["operate-verbs"] | {"occur", "happen", "take"}

    def __call__(self, doc: Doc) -> Doc:
        if not any(m["label"] == "Person" for m in mentions(doc)):
            return doc
        case = Case(doc, self)
        case.stated_defendants()
        legal_forms.read_forms(case)  # first: a form's "ARREST - KU, Ruben" tells who "him" is below it
        previous: Span | None = None
        lemmas, lowers = lemmas_of(doc), lowers_of(doc)
        for sent in doc.sents:
            for i in range(sent.start, sent.end):
                if lemmas[i] not in self.verbs and lowers[i] not in self.nouns:
                    continue  # no rule starts from this word: no Token made for it
                token = doc[i]
                if token.pos_ in {"VERB", "AUX"}:
                    for row in self.verbs.get(token.lemma_.lower(), ()):
                        case.act(sent, token, row, previous)
                elif token.pos_ == "NOUN" and token.lower_ in self.nouns:
                    case.noun_act(sent, token, self.nouns[token.lower_])
            scheme_places(case, sent)
            previous = sent
        statements.read_statements(case)
        appositions.read_appositions(doc, case.args, self.words)
        link_case(case)
        return doc


class Case:
    """What one doc says about its defendants, gathered sentence by sentence, linked at the end."""

    def __init__(self, doc: Doc, rules: LegalRelations) -> None:
        self.doc, self.rules, self.words, self.args = doc, rules, rules.words, Arguments(doc)
        self.defendants: dict[str, tuple[dict[str, Any], Span]] = {}
        self.group_places: list[tuple[dict[str, Any], Span]] = []  # "the defendants ... operated in P"
        self.clean_date = get_type("date").clean
        self._by_sentence: dict[int, list[dict[str, Any]]] = {}
        index = SentenceIndex(doc)
        for item in sorted(mentions(doc), key=lambda m: m["start"]):
            self._by_sentence.setdefault(index.at(item["start"]).start_char, []).append(item)

    def mentions_in(self, sent: Span) -> list[dict[str, Any]]:
        """The mentions of one sentence in text order (indexed once per doc: notes are long)."""
        return self._by_sentence.get(sent.start_char, [])

    # -- one act ------------------------------------------------------------------------------
    def act(self, sent: Span, verb: Token, row: dict[str, Any], previous: Span | None) -> None:
        if not _applies(verb, row, self.mentions_in(sent)) or negated(verb):
            return
        patients = self.patients(verb, row, previous)
        if not patients:
            return
        method, confidence = f"{METHOD}:{row['id']}", row["confidence"]
        factual = not _hypothetical(verb, self.words["hypothetical"])
        date = act_date(self, sent, verb)
        self.charge(patients, sent, row["id"])
        if factual and row.get("type"):
            agents = self.agents(verb, row)
            self.link(row["type"], patients, agents, sent, method, confidence, date)
        if factual and row.get("sums"):
            for payment, kind in sums(self, sent, verb, row):
                self.link("ORDERED_TO_PAY", patients, [payment], sent, method, confidence, date, relation=kind)
        others = [m for m in self.args.role(verb, row["co"]) if m["label"] == "Person"] if row.get("co") else []
        self.charge(others, sent, row["id"])  # "X conspired with Y": Y is a co-conspirator
        self.together(patients + others, sent, row["id"], 0.8)
        offence_places(self, patients, verb, sent, method)

    def noun_act(self, sent: Span, noun: Token, row: dict[str, Any]) -> None:
        """"their arrest by HSI special agents", "Cortes-Meza's conviction", "charges against X"."""
        patients: list[dict[str, Any]] = []
        for child in noun.children:
            if child.dep_ == "poss":
                if child.lower_ in {"his", "her", "their"}:  # "X and Y were arraigned following their arrest"
                    clause = next((a for a in noun.ancestors if a.pos_ in {"VERB", "AUX"} and a.dep_ != "prep"), None)
                    subjects = [c for c in clause.children if c.dep_ == "nsubjpass"] + subject_tokens(clause) \
                        if clause is not None else []
                    patients += [m for t in subjects for m in self.people(t)]
                else:
                    patients += self.people(child)
            elif child.dep_ == "prep" and child.lower_ in {"of", "against"}:
                patients += [m for p in child.children if p.dep_ == "pobj" for m in self.people(p)]
        patients = [m for m in patients if m["label"] == "Person"]
        if not patients:
            return
        self.charge(patients, sent, row["id"])
        if row.get("type"):
            agents = [m for by in noun.children if by.dep_ == "prep" and by.lower_ == "by"
                      for p in by.children if p.dep_ == "pobj" for m in self.agent_mentions(p)]
            self.link(row["type"], patients, agents, sent, f"{METHOD}:{row['id']}", row["confidence"],
                      act_date(self, sent, noun))

    # -- who --------------------------------------------------------------------------------
    def people(self, token: Token) -> list[dict[str, Any]]:
        """Person mentions a noun phrase names: itself (pronouns and relatives resolved), and its
        appositions and conjuncts at any depth ("Maria Garcia, ..., as well as family members,
        Jose J. Garcia and Jose I. Garcia")."""
        found = [m for m in self.args.resolve(token) if m["label"] == "Person"]
        if not found and token.lower_ in _PRONOUNS and token.pos_ == "PRON":
            found = self.recent_defendant(token)
        stack = [c for c in token.children if c.dep_ in {"appos", "conj"}]
        while stack:
            tok = stack.pop()
            item = self.args.mention(tok)
            if item is not None and item["label"] == "Person" and item not in found:
                found.append(item)
            stack += [c for c in tok.children if c.dep_ in {"appos", "conj"}]
        return sorted((m for m in found if not m["props"].get("first_person")), key=lambda m: m["start"])

    def patients(self, verb: Token, row: dict[str, Any], previous: Span | None) -> list[dict[str, Any]]:
        spec = row["patient"]
        if spec.startswith("prep:"):
            return [m for m in self.args.role(verb, spec) if m["label"] == "Person"]
        if spec == "subject":
            tokens = subject_tokens(verb)
        else:
            tokens = [c for c in verb.children if c.dep_ in {"nsubjpass", "dobj"}]
            if not tokens and verb.dep_ == "acl":  # "the defendants arrested in Mexico"
                tokens = [verb.head]
        found = [m for t in tokens for m in self.people(t)]
        if not tokens and previous is not None and verb.i == verb.sent.start and verb.tag_ == "VBN":
            # "KU, Ruben, 34, came out. Arrested for trafficking in persons and cautioned."
            named = [m for m in self.mentions_in(previous) if m["label"] == "Person"
                     and m["props"].get("role") not in {"official", "investigator"}]
            found = named[-1:]
        return found

    def agents(self, verb: Token, row: dict[str, Any]) -> list[dict[str, Any]]:
        passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children)
        if row["agent"] == "agent" and passive:
            tokens = [p for by in Arguments.agents(verb) for p in by.children if p.dep_ == "pobj"]
        else:
            tokens = subject_tokens(verb)
        found = [m for t in tokens for m in self.agent_mentions(t)]
        if row["type"] == "SENTENCED_BY":  # "sentenced to 15 years ... and a fine of $200 by Judge Y"
            found = [m for m in found if m["label"] == "Person"] or [
                m for by in verb.subtree if by.lower_ == "by" for p in by.children if p.dep_ == "pobj"
                for m in self.people(p)]
            return [m for m in found if self.rules_role(m) == "official"]
        if not found and row["type"] == "ARRESTED_BY":  # "arrested ... following an investigation led by ICE"
            found = [m for p in verb.children if p.lower_ in {"following", "after"} for inv in p.children
                     if inv.lemma_ in {"investigation", "probe", "operation", "raid"} for by in inv.subtree
                     if by.lower_ == "by" for o in by.children if o.dep_ == "pobj" for m in self.agent_mentions(o)]
        return found

    def agent_mentions(self, token: Token) -> list[dict[str, Any]]:
        """The agency or officer a phrase stands for: the named one, or for "HSI special agents",
        "Agents of the INS" the agency the agents belong to."""
        found = [m for m in self.args.resolve(token) if m["label"] in {"Organization", "Person"}]
        if found or token.lemma_.lower() not in self.words["agent-nouns"]:
            return found
        parts = [c for c in token.children if c.dep_ in {"compound", "nmod", "amod", "poss"}]
        parts += [p for of in token.children if of.dep_ == "prep" and of.lower_ in {"of", "from", "with"}
                  for p in of.children if p.dep_ == "pobj"]
        return [m for p in parts for m in self.args.resolve(p) if m["label"] == "Organization"]

    def recent_defendant(self, pronoun: Token) -> list[dict[str, Any]]:
        """"He was further ordered to pay ...": a pronoun the parse leaves ambiguous is the one
        defendant named in this sentence or the one before (a judge or prosecutor is no defendant)."""
        sent = pronoun.sent
        start = self.doc[sent.start - 1].sent.start_char if sent.start > 0 else sent.start_char
        named = {name for name in self.defendants if any(
            start <= o["start"] < pronoun.idx and key(o) == name for o in mentions(self.doc))}
        return [self.defendants[named.pop()][0]] if len(named) == 1 else []

    def rules_role(self, mention: dict[str, Any]) -> str | None:
        """The mention's role, else the role another mention of the same name has in the doc."""
        if mention["props"].get("role"):
            return str(mention["props"]["role"])
        return next((str(m["props"]["role"]) for m in mentions(self.doc) if m["label"] == "Person"
                     and m["props"].get("role") and key(m) == key(mention)), None)

    # -- what -------------------------------------------------------------------------------
    def charge(self, patients: list[dict[str, Any]], sent: Span, act: str) -> None:
        """Record the patients as defendants; a mention without a role becomes a suspect."""
        for person in patients:
            if person["props"].get("role") in _NOT_DEFENDANTS:
                continue
            if not person["props"].get("role"):
                person["props"]["role"] = "suspect"
                person["props"]["role_basis"] = f"legal act: {act} ({METHOD})"
            self.defendants.setdefault(key(person), (person, sent))

    def link(self, rel_type: str, sources: list[dict[str, Any]], targets: list[dict[str, Any]], sent: Span,
             method: str, confidence: float, date: str | None, **props: Any) -> None:
        spec = self.rules.schema.relationships[rel_type]
        for source in sources:
            for target in targets:
                if source["label"] in spec.source and target["label"] in spec.target and key(source) != key(target):
                    add_relation(self.doc, rel_type, source, target, sent, method, confidence, date=date, **props)

    def together(self, people: list[dict[str, Any]], sent: Span, pattern: str, confidence: float) -> None:
        """People who went through one act together (or conspired with each other) acted together."""
        people = [p for p in people if p["props"].get("role") not in _NOT_DEFENDANTS]
        for a, b in combinations(people, 2):
            if key(a) != key(b):
                add_relation(self.doc, "ACTED_WITH", a, b, sent, f"{METHOD}:{pattern}", confidence,
                             relation="co-defendants")

    # -- the case as a whole ----------------------------------------------------------------
    def stated_defendants(self) -> None:
        """People the text calls defendants, co-defendants or accused (``persons`` read the role
        word next to the name) belong to the case as much as those an act was done to."""
        index = SentenceIndex(self.doc)
        for person in sorted(mentions(self.doc), key=lambda m: m["start"]):
            if person["label"] == "Person" and person["props"].get("role") == "suspect":
                self.defendants.setdefault(key(person), (person, index.at(person["start"])))


def _applies(verb: Token, row: dict[str, Any], nearby: list[dict[str, Any]]) -> bool:
    if "with_word" in row and not any(t.lower_ in row["with_word"] for c in verb.children for t in (c, *c.children)):
        return False  # (the words near the verb are walked only for the rows that name some)
    if "with_xcomp" in row and not any(c.dep_ in {"xcomp", "ccomp"} and c.lemma_ in row["with_xcomp"]
                                       for c in verb.children):
        return False
    if "object_lemmas" in row and not any(c.dep_ in {"dobj", "nsubjpass"} and c.lemma_ in row["object_lemmas"]
                                          for c in verb.children):
        return False
    if "passive_or_with" in row and not any(
            c.dep_ in {"nsubjpass", "auxpass"} or (c.dep_ == "prep" and c.lower_ in row["passive_or_with"])
            for c in verb.children):
        return False
    if row.get("no_money") and any(m["label"] == "Payment" and verb.left_edge.idx <= m["start"] <= verb.right_edge.idx
                                   for m in nearby):
        return False  # "charged each girl BZ$50 a night" is a fee, not a criminal charge
    return True


def _hypothetical(verb: Token, words: frozenset[str]) -> bool:
    """"could be sentenced", "faces ... if convicted": modal auxiliaries or a conditional marker."""
    return any(c.dep_ in {"aux", "auxpass", "mark"} and c.lower_ in words for c in verb.children)
