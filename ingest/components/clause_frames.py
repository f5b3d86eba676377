"""Who did what to whom in Spanish and Kriol sentences, read from word order and pronouns.

Why: victims' and witnesses' statements are taken in Spanish and Kriol ("Elmer nos llevó a una
casa", "Chino le da un sobre", "Jefa gi ih di money"), and the English model's parse of them is
noise: the relation finder's grammatical roles (``relations.py``) find nothing there. These
languages put the doer first and the one done to as a pronoun before the verb (Spanish "me",
"nos", "le", "la") or right after it (Kriol "ih", "mi", "dem"), and drop the subject when the
sentence before named it. So a verb of the lexicon (``patterns/clause_frames.jsonl``: surface
forms folded without accents, the context words a row needs, the threat cues a saying verb
needs) takes as its doer the nearest person named before it in the sentence, else the last
person named in the two sentences before (never across a subject the model read as a place or
body); as the one done to, the pronoun next to it - "me", "conmigo", Kriol "mi" are the speaker
of the quotation they are in, else of the statement (``quotes``, ``speakers``), "nos" and "unu"
that speaker with the companions the statement lists ("conmigo estaban K.M.A., D.S.R. y
Estrella"), "le", "la", "lo", "ih", "ahn" the last other person named - or the person named
right after it. A Kriol pronoun before a thing ("carry mi phone") is a possessive. Plural
pronouns ("las", "dem": "the girls") name no one and give nothing. Paid to do something ("Kenny
pay mi fi carry dem") is a wage; brought to meet someone named ("ih carry mi da di bar fi meet
Jefa") is recruiting; "Yo trabajo para X", "Mi wok fi X" is employment. An investigator moving
the speaker ("la Sgta. Marroquín nos llevó al albergue") moves no victim. A payment ("le da un sobre") becomes
a Payment on the money or envelope word of the sentence, without an amount when none is said.

Keeping someone in a house is read from the house: "en la casa de Doña Chepa conmigo estaban
K.M.A., D.S.R. y Estrella", "nos dejó donde Doña Chepa", "By Doña Chepa inna Bullet Tree": the
person whose house it is harbours the people the sentence places there. Rows fire only on their
language's own words, so English sentences are left to the parser.
"""
from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from graph_schema.model import load_schema
from ingest.components.base import (
    add_mention, add_relation, ensure_extensions, load_jsonl, lowers_of, mentions, schema_allows, span_text, text_of,
)
from ingest.components.money import is_wage
from ingest.components.relations import RelationFinder, wage_employs
from ingest.components.clause_words import (
    CLITIC_WORDS, FEMININE, FUNCTION, MASCULINE, UNNAMED, fold_word, folded_is_number, for_a_job, person_name, possessive,
    to_meet, two_sentences_back, unknown_name,
)
from ingest.components.houses import HOUSE_WORDS, PRESENCE, harbouring_houses
from ingest.components.syntax import Arguments
from ingest.components.threats import threatening

__all__ = ["ClauseFrames", "fold_word"]

METHOD = "workbench.clause_frames.v1"
_SPEAKER_CLITICS = {"es": {"me", "nos", "conmigo", "mi"}, "bzj": {"mi", "unu"}}
_OTHER_CLITICS = {"es": {"le", "la", "lo"}, "bzj": {"ih", "ahn", "she", "im"}}
_WE = {"nos", "unu"}
_I = {"yo", "mi", "nosotras", "nosotros", "wi"}
_SKIPPABLE = {"no", "se", "ya", "nunca", "siempre", "tambien", "solo", "a", "noh", "neva", "mi", "di", "wan", "wahn"}



@Language.factory("workbench_clause_frames_v1", assigns=["doc._.wb_relations", "doc._.wb_mentions"],
                  requires=["doc._.wb_mentions"])
def make_clause_frames(nlp: Language, name: str) -> "ClauseFrames":
    return ClauseFrames()


class ClauseFrames:
    def __init__(self) -> None:
        ensure_extensions()
        self.schema = load_schema()
        self.rows: dict[str, list[dict[str, Any]]] = {}
        for row in load_jsonl("clause_frames.jsonl"):
            for form in row["forms"]:
                self.rows.setdefault(form, []).append(row)
        self.forms = frozenset(self.rows)

    def __call__(self, doc: Doc) -> Doc:
        if not any(m["label"] == "Person" for m in mentions(doc)):
            return doc
        words = {fold_word(w) for w in set(lowers_of(doc))}  # each distinct word once: most docs stop here
        framed = any(self._possible(row, words) for form in words & self.forms for row in self.rows[form])
        housed = bool(words & HOUSE_WORDS and words & PRESENCE)
        if not framed and not housed:
            return doc
        folded = [fold_word(t.text) for t in doc]
        args = Arguments(doc)
        if framed:
            sents = list(doc.sents)
            for n, sent in enumerate(sents):
                lower = fold_word(span_text(sent))
                for token in sent:
                    if token.text[:1].isupper() or args.mention(token) is not None:
                        continue  # a verb is written in lower case and names no one ("Dan")
                    for row in self.rows.get(folded[token.i], ()):
                        if self._possible(row, words):
                            self._frame(doc, args, sents, n, token, row, lower, folded)
        if housed:
            harbouring_houses(doc, args, folded, self.schema)
        doc.user_data.pop("wb_frame_names", None)
        return doc

    @staticmethod
    def _possible(row: dict[str, Any], words: set[str]) -> bool:
        """Whether the doc's words leave the row a chance: a Kriol row needs a Kriol pronoun, a
        row about money a word of money (English notes say "pay" and "get" all the time)."""
        if row["lang"] == "bzj" and not words & set(row.get("objects", ())):
            return False
        return not ("money" in row and not words & set(row["money"]))

    # ------------------------------------------------------------------ one verb

    def _frame(self, doc: Doc, args: Arguments, sents: list[Span], n: int, verb: Token, row: dict[str, Any],
               lower: str, folded: list[str]) -> None:
        sent = sents[n]
        if "context" in row and not any(c in lower for c in row["context"]):
            return
        if any(c in lower for c in row.get("not_context", ())):
            return
        if "cues" in row and not self._cue(sents, n, verb, row["cues"]):
            return
        if "purpose" in row and not for_a_job(folded, verb, sent, row["purpose"]):
            return
        if "to_meet" in row and not to_meet(args, folded, verb, sent, row["to_meet"]):
            return
        if row["type"] == "RECEIVED":
            self._receipt(doc, args, sents, n, verb, row, folded)
            return
        if "for" in row:
            self._works_for(doc, args, sent, verb, row, folded)
            return
        targets = self._done_to(doc, args, sents, n, verb, row, folded)
        if not targets:
            return
        doer = self._doer(doc, args, sents, n, verb, targets[0], folded)
        if doer is not None and RelationFinder.role_of(doc, doer) in row.get("not_doer_roles", ()):
            return  # "la Sgta. Marroquín nos llevó": an investigator moving victims is taking them to safety
        for target in targets:
            if doer is None or person_name(doer) == person_name(target):
                continue
            if row["type"] == "PAID":
                self._payment(doc, sent, verb, doer, target, row, folded)
            elif "purpose" in row:  # "Kenny pay mi fi carry dem": paid to do a job is a wage
                wage_employs(doc, self.schema, doer, target, sent, f"{METHOD}:{row['id']}")
            elif self._allowed(row["type"], doer, target):
                add_relation(doc, row["type"], doer, target, sent, f"{METHOD}:{row['id']}", row["confidence"],
                             relation=verb.text.lower())

    def _works_for(self, doc: Doc, args: Arguments, sent: Span, verb: Token, row: dict[str, Any],
                   folded: list[str]) -> None:
        """"Yo trabajo para don Marcos", "Mi wok fi Miss Glenda", "Marleny trabaja para Kenny": the
        one named after "para"/"fi" employs the speaker ("yo", "mi") or the person named just
        before the verb - never someone carried over from another sentence, nor an officer."""
        if verb.i + 1 >= sent.end or folded[verb.i + 1] not in row["for"]:
            return
        employer = next((m for t in doc[verb.i + 2:min(sent.end, verb.i + 5)] if (m := args.mention(t)) is not None), None)
        before = doc[verb.i - 1] if verb.i > sent.start else None
        if before is None or employer is None or employer["label"] != "Person":
            return
        worker = args.speaker_at(verb.idx) if folded[before.i] in _I else args.mention(before)
        if worker is None or worker["label"] != "Person" or person_name(worker) == person_name(employer):
            return
        if {worker["props"].get("role"), employer["props"].get("role")} & {"official", "investigator"}:
            return
        if self._allowed("EMPLOYS", employer, worker):
            add_relation(doc, "EMPLOYS", employer, worker, sent, f"{METHOD}:{row['id']}", row["confidence"],
                         relation="works for")

    def _allowed(self, rel_type: str, source: dict[str, Any], target: dict[str, Any]) -> bool:
        return schema_allows(self.schema, rel_type, source, target)

    @staticmethod
    def _cue(sents: list[Span], n: int, verb: Token, cues: list[str]) -> bool:
        """A saying verb threatens when what is said, up to the end of the next sentence (a
        quotation the parser cut), has a threat's shape (``ingest.components.threats``) or a cue."""
        end = sents[n + 1].end_char if n + 1 < len(sents) else sents[n].end_char
        text = text_of(verb.doc)
        said = fold_word(text[verb.idx:end])
        return any(c in said for c in cues) or threatening(text[verb.idx:end])

    def _done_to(self, doc: Doc, args: Arguments, sents: list[Span], n: int, verb: Token, row: dict[str, Any],
                 folded: list[str]) -> list[dict[str, Any]]:
        """The one (or ones) done to: the speaker for "me"/"mi" (of the quotation they are in),
        the speaker and those the statement says they were with for "nos"/"unu", the person a
        "le"/"ih" stands for, or the person named right after the verb. A Kriol pronoun before a
        thing ("carry mi phone") is a possessive and names no one done to."""
        lang = row["lang"]
        near = [verb.i - 1, verb.i - 2] if lang == "es" else [verb.i + 1, verb.i + 2]
        for i in near:
            if not sents[n].start <= i < sents[n].end:
                continue
            word = folded[i]
            pronoun = lang == "es" or (word in row.get("objects", ()) and not possessive(doc, folded, i, row.get("things", [])))
            if word in _SPEAKER_CLITICS[lang] and pronoun:
                speaker = args.speaker_at(verb.idx)
                group = args.companions() if word in _WE and speaker is args.speaker else []
                return [m for m in (speaker, *group) if m is not None]
            if word in _OTHER_CLITICS[lang] and pronoun:
                found = self._antecedent(doc, sents, n, verb, word, folded)
                return [found] if found is not None else []
            if word not in _SKIPPABLE:
                break
        for token in doc[verb.i + 1:min(sents[n].end, verb.i + 5)]:  # "trae a K.M.A.", "pay Skinny"
            item = args.mention(token)
            if item is not None:
                return [item] if item["label"] == "Person" else []
            if folded[token.i] not in _SKIPPABLE and not token.is_punct and token.pos_ not in {"DET", "ADP"}:
                break
        return []

    def _people_before(self, doc: Doc, sents: list[Span], n: int, before: int) -> list[dict[str, Any]]:
        """Person mentions from two sentences back up to ``before`` (a character offset), in order,
        with the one-word names the note gives a person elsewhere where the model missed them
        ("Elmer llegó rápido con la van": Elmer is a person three lines up)."""
        start = two_sentences_back(text_of(doc), sents[n].start_char)
        found = [m for m in mentions(doc) if m["label"] == "Person" and start <= m["start"] < before
                 and not m["props"].get("first_person") and fold_word(m["text"]) not in FUNCTION]
        known = self._known_names(doc)
        taken = {(m["start"], m["end"]) for m in mentions(doc)}
        for token in doc[:sents[n].end]:
            if token.idx >= before:
                break
            if token.idx < start:
                continue
            person = known.get(token.text)
            if person is not None and not any(s <= token.idx < e for s, e in taken):
                found.append({**person, "start": token.idx, "end": token.idx + len(token), "_as": person})
        found.sort(key=lambda m: m["start"])
        return [m.get("_as", m) for m in found]

    @staticmethod
    def _known_names(doc: Doc) -> dict[str, dict[str, Any]]:
        """One-word names of the note's people, as written, each to one of its mentions."""
        known = doc.user_data.get("wb_frame_names")
        if known is None:
            known = {}
            for m in mentions(doc):
                if m["label"] == "Person" and len(m["text"].split()) == 1 and m["text"][:1].isupper() and len(m["text"]) > 2:
                    known.setdefault(m["text"], m)
            doc.user_data["wb_frame_names"] = known
        return known

    def _antecedent(self, doc: Doc, sents: list[Span], n: int, verb: Token, pronoun: str,
                    folded: list[str]) -> dict[str, Any] | None:
        """"le", "ih": the last person named before the verb other than its doer (the nearest
        person before the verb is taken as the doer when the sentence names one). Nobody, when
        someone unnamed comes between ("si alguna se quiere ir, la amenaza") or when "la"/"lo"
        would stand for a "don"/"doña" of the other gender."""
        people = self._people_before(doc, sents, n, verb.idx)
        in_sentence = [m for m in people if m["start"] >= sents[n].start_char]
        if in_sentence:
            doer = in_sentence[-1]
            people = [m for m in people if person_name(m) != person_name(doer)]
        if not people:
            return None
        last = people[-1]
        between = doc.char_span(last["end"], verb.idx, alignment_mode="expand")
        if between is not None and any(folded[t.i] in UNNAMED for t in between):
            return None
        before = fold_word(text_of(doc)[max(0, last["start"] - 8):last["start"]]).split()[-1:]
        if (pronoun == "la" and before and before[0] in MASCULINE) or (pronoun == "lo" and before and before[0] in FEMININE):
            return None
        return last

    def _receipt(self, doc: Doc, args: Arguments, sents: list[Span], n: int, verb: Token, row: dict[str, Any],
                 folded: list[str]) -> None:
        """"ih collect ih envelope", "cobra el dinero": the doer received money from someone the
        sentence does not name - a Payment to them without a payer."""
        near = doc[verb.i + 1:min(sents[n].end, verb.i + 4)]
        payment = next((m for m in mentions(doc) if m["label"] == "Payment" and near.start_char <= m["start"] < near.end_char),
                       None) if len(near) else None
        word = next((t for t in near if folded[t.i] in row["money"]), None)
        if payment is None and word is None:
            return
        receiver = self._doer(doc, args, sents, n, verb, None, folded, create=False)
        if receiver is None:
            return
        if payment is None:
            assert word is not None
            payment = add_mention(doc, "Payment", word.idx, word.idx + len(word), f"{METHOD}:in-kind",
                                  confidence=0.6, form=word.text.lower(), channel="cash")
        if self._allowed("PAID_TO", payment, receiver):
            add_relation(doc, "PAID_TO", payment, receiver, sents[n], f"{METHOD}:{row['id']}", row["confidence"])

    def _doer(self, doc: Doc, args: Arguments, sents: list[Span], n: int, verb: Token, target: dict[str, Any] | None,
              folded: list[str], create: bool = True) -> dict[str, Any] | None:
        """The nearest person named before the verb; a name written right before it (and its
        pronoun) that nothing took is its subject ("Jefa gi ih di money"); a sentence whose own
        subject is an unknown capitalized word, or a name the model read as a place or body,
        carries no doer over from the sentences before."""
        sent = sents[n]
        i = verb.i - 1
        while i > sent.start and folded[i] in CLITIC_WORDS:
            i -= 1
        subject = doc[i] if i >= sent.start else None
        named = args.mention(subject) if subject is not None else None
        if named is not None and named["label"] != "Person":
            return None  # "Esa misma noche Elmer Guerra nos llevó" with the name read as a body: not the girl named before
        people = [m for m in self._people_before(doc, sents, n, verb.idx) if target is None or person_name(m) != person_name(target)]
        in_sentence = [m for m in people if m["start"] >= sent.start_char]
        if in_sentence:
            return in_sentence[-1]
        if create and subject is not None and unknown_name(subject, folded) and args.mention(subject) is None:
            return add_mention(doc, "Person", subject.idx, subject.idx + len(subject), f"{METHOD}:subject",
                               confidence=0.6)
        unknown = [t for t in doc[sent.start:verb.i] if unknown_name(t, folded) and args.mention(t) is None]
        if create and len(unknown) == 1 and unknown[0].i == sent.start and any(folded[t.i] in {"y", "e", "an", "and"}
                                                                     for t in doc[sent.start:verb.i]):
            first = unknown[0]  # "Elmer llegó rápido con la van y nos sacó": the subject of both verbs
            return add_mention(doc, "Person", first.idx, first.idx + len(first), f"{METHOD}:subject", confidence=0.6)
        if unknown:
            return None
        return people[-1] if people else None

    def _payment(self, doc: Doc, sent: Span, verb: Token, payer: dict[str, Any], payee: dict[str, Any],
                 row: dict[str, Any], folded: list[str]) -> None:
        after = [m for m in mentions(doc) if m["label"] == "Payment" and verb.idx <= m["start"] < sent.end_char]
        payment = after[0] if after else None
        if payment is None:
            word = next((t for t in doc[verb.i + 1:sent.end] if folded[t.i] in row["money"]), None)
            if word is None:
                return
            payment = add_mention(doc, "Payment", word.idx, word.idx + len(word), f"{METHOD}:in-kind",
                                  confidence=0.6, form=word.text.lower(), channel="cash")
        method = f"{METHOD}:{row['id']}"
        if self._allowed("PAID", payer, payment):
            add_relation(doc, "PAID", payer, payment, sent, method, row["confidence"])
        if self._allowed("PAID_TO", payment, payee):
            add_relation(doc, "PAID_TO", payment, payee, sent, method, row["confidence"])
        summed = payment["props"].get("amount") is not None or folded_is_number(payment["text"])
        if summed and is_wage(sent.text):  # "pay mi fifty dollar a night"
            wage_employs(doc, self.schema, payer, payee, sent, method)

