"""Words of Spanish and Kriol statements that clause readers need: function words, clitics, gender.

Why a module of its own: the clause frames (``clause_frames``) and the house reader (``houses``)
read the same sentences by the same words - what opens a sentence without naming anyone, which
pronoun stands for someone unnamed, which titles give a person's gender, where a sentence ends
by its full stop - and the lists are data a reviewer extends in one place.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from ingest.components.base import SENTENCE_END

if TYPE_CHECKING:
    from ingest.components.syntax import Arguments

__all__ = ["CLITIC_WORDS", "FEMININE", "FUNCTION", "MASCULINE", "UNNAMED", "fold_word", "folded_is_number",
           "for_a_job", "person_name", "possessive", "to_meet", "two_sentences_back", "unknown_name"]

CLITIC_WORDS = {"me", "nos", "le", "les", "la", "las", "lo", "los", "se", "no", "ya", "te"}
# Words that open a Spanish, Kriol or English sentence without naming anyone
FUNCTION = frozenset("""
el la los las un una unos unas lo al del de en con por para a y e o u pero que si no ni ya cuando como donde
ese esa esos esas este esta estos estas eso esto ella el ellos ellas yo tu usted ustedes nosotros nosotras me nos
le les se mi mis su sus otra otro otras otros todo toda todos todas cada hoy ayer luego despues entonces ahi alli
asi tambien siempre nunca desde hasta durante antes mientras porque pues bueno una vez
di wan ih mi dehn dem wen afta den bout an ah fi noh neva
the a an he she they we i it his her their this that then when after before one some there on at in of and but
""".split())
# Someone unnamed a pronoun may stand for; titles that give a person's gender
UNNAMED = {"alguna", "alguno", "otra", "otro", "cualquiera", "muchacha", "chica", "nina", "mujer", "cliente"}
MASCULINE = {"don", "senor", "sr", "el", "mr", "sgt", "sargento", "cabo"}
FEMININE = {"dona", "senora", "sra", "la", "mrs", "miss", "ms", "sgta"}

@lru_cache(maxsize=1 << 14)
def fold_word(text: str) -> str:
    """Lower case without accents: the lexicon's forms are written so ("llevó" -> "llevo").

    Remembered (a pure function of its string): clause readers fold every word of a doc, and
    the same words recur across notes.
    """
    return "".join(c for c in unicodedata.normalize("NFD", text.lower()) if unicodedata.category(c) != "Mn")


def two_sentences_back(text: str, start: int) -> int:
    """Where the sentence two before ``start`` begins, by its full stops: the parser cuts Spanish
    sentences at odd places ("Una noche que | no quise ir al cuarto me agarró del brazo")."""
    ends = [m.end() for m in SENTENCE_END.finditer(text, max(0, start - 600), start)]
    if len(ends) >= 3:
        return ends[-3]
    return max(0, start - 600)


_NUMBER_WORDS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twenty", "thirty",
                 "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand", "cien", "mil",
                 "quinientos", "doscientos", "trescientos", "cuatrocientos"}


def folded_is_number(text: str) -> bool:
    """A sum written in words ("fifty", "two-fifty", "quinientos")."""
    words = re.split(r"[\s-]+", fold_word(text))
    return bool(words) and all(w in _NUMBER_WORDS or w.isdigit() for w in words if w)


def unknown_name(token: Token, folded: list[str]) -> bool:
    """A capitalized word that is no function word: somebody's name the model did not take."""
    return token.is_alpha and len(token) > 2 and token.text[:1].isupper() and folded[token.i] not in FUNCTION


def person_name(mention: dict[str, Any]) -> str:
    return (mention["canonical"] or mention["text"]).lower()


# ------------------------------------------------------------------ checks on the words around a verb

def possessive(doc: Doc, folded: list[str], i: int, things: list[str]) -> bool:
    """"tek ih money", "carry mi phone": a Kriol pronoun right before a thing is its owner's
    possessive, not the one the verb is done to."""
    return i + 1 < len(doc) and folded[i + 1] in things


_PERIODS = {"week", "month", "night", "day", "trip", "semana", "mes", "dia", "noche", "viaje", "cada", "each", "every"}


def for_a_job(folded: list[str], verb: Token, sent: Span, purpose: list[str]) -> bool:
    """"pay mi fi carry dem", "me paga para cuidar": the one paid, then a word of purpose and a
    verb - paid to do something; "me paga cincuenta dólares por semana" is a sum, not a job."""
    words = folded[verb.i + 1:min(sent.end, verb.i + 4)]
    for n, word in enumerate(words[:2]):
        if word in purpose and n + 1 < len(words) and words[n + 1].isalpha():
            return words[n + 1] not in _PERIODS
    return False


def to_meet(args: "Arguments", folded: list[str], verb: Token, sent: Span, words: list[str]) -> bool:
    """"ih carry mi da di bar fi meet Jefa", "me llevó a conocer a don Marcos": brought to meet
    someone named - the boss she will work for, not an officer or a social worker."""
    for i in range(verb.i + 1, min(sent.end, verb.i + 9)):
        if folded[i] in words:
            for token in verb.doc[i + 1:min(sent.end, i + 4)]:
                item = args.mention(token)
                if item is not None:
                    return item["label"] == "Person" and item["props"].get("role") not in {"official", "investigator"}
            return False
    return False
