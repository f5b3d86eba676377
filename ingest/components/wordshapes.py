"""Word shapes that tell a name from a heading, a nationality or an ordinary word.

Why: the small model and the capitalization rules both take headings ("Human Trafficking Ring
Sentenced"), nationalities ("Guatemalan migrants") and capitalized common words for names. The
text itself says otherwise: a word it also writes in lower case is an ordinary word, a line of
capitalized words is a heading, and a demonym before a lower-case noun is a nationality. Shared by
the person finder and the model fallback, so both read the same signs.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc

from ingest.components.base import text_of

__all__ = ["common_words", "demonym", "heading_line", "heading_words"]

def common_words(doc: Doc) -> frozenset[str]:
    """Words the doc itself writes in lower case somewhere ("human trafficking", "release").

    Why: a capitalized run of such words is a heading or a title ("Human Trafficking Ring
    Sentenced", "For Immediate Release"), not a person the model missed; real names are not
    written in lower case in the same text. Built once per doc.
    """
    words = doc.user_data.get("wb_common")
    if words is None:
        words = doc.user_data["wb_common"] = frozenset(t.text for t in doc if t.is_alpha and t.is_lower and len(t) > 2)
    return words


def heading_line(token) -> bool:
    """The token's line is a heading: three or more words, every word of four letters or more
    capitalized ("Member of Human Trafficking Ring Pleads Guilty", "For Immediate Release")."""
    text = text_of(token.doc)
    start = text.rfind("\n", 0, token.idx) + 1
    end = text.find("\n", token.idx)
    line = text[start:end if end >= 0 else len(text)]
    words = [w for w in re.findall(r"[^\W\d_]+", line) if len(w) >= 4]
    return len(words) >= 2 and len(line.split()) >= 3 and all(w[0].isupper() for w in words)


def heading_words(tokens) -> bool:
    """Capitalized words that are not a name: one the text also writes in lower case ("Human
    Trafficking Ring"), or a nationality ("Mexican National")."""
    common = common_words(tokens[0].doc)
    return any(t.lower_ in common or demonym(t) for t in tokens)


_DEMONYM = re.compile(r"^[A-Z][a-z]+(?:an|ian|ean|ese|ish|i)s?$")


def demonym(token) -> bool:
    """"Guatemalan migrants", "two Belizeans": a nationality word the model took for a place or a
    body (the word before a lower-case noun, or a plural, or tagged as an adjective)."""
    if not _DEMONYM.match(token.text) or token.ent_type_ == "PERSON":
        return False
    nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return token.tag_ in {"JJ", "NNPS"} or token.text.endswith("s") or (
        nxt is not None and ((nxt.is_lower and nxt.pos_ == "NOUN") or nxt.lower_ in _PEOPLE_NOUNS))


# Nouns a nationality qualifies in titles and headlines: "Mexican National", "Guatemalan Migrants"
_PEOPLE_NOUNS = {"national", "nationals", "citizen", "citizens", "migrant", "migrants", "woman", "women", "man", "men",
                 "girl", "girls", "boy", "boys", "worker", "workers", "minor", "minors", "victim", "victims"}


# One word for the part a person plays in a case, written capitalized at a sentence's start or in
# a form ("Owner's number +502 ...", "Victim: Y.L.P."): never the name of a person, body or place
_ROLE_NOUN = re.compile(r"^(?:Owner|Subscriber|Holder|Sender|Receiver|Caller|Complainant|Accused|Prisoner|Defendant|"
                        r"Interviewee|Deponent|Victim|Witness|Suspect|Informant)(?:['’]s)?$", re.IGNORECASE)


def role_noun(text: str) -> bool:
    """"Owner", "Victim's": a role word alone, not a name."""
    return bool(_ROLE_NOUN.match(text.strip()))
