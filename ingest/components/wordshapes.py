"""Word shapes that tell a name from a heading, a nationality or an ordinary word.

Why: the small model and the capitalization rules both take headings ("Human Trafficking Ring
Sentenced"), nationalities ("Guatemalan migrants") and capitalized common words for names. The
text itself says otherwise: a word it also writes in lower case is an ordinary word, a line of
capitalized words is a heading, and a demonym before a lower-case noun is a nationality. So do the
words around a capitalized one: a regular past form opening a sentence is a verb ("Visited ..."),
a sex letter before a people is a log's description ("F/Mestiza 40s"), a unit of goods before
it makes it a brand ("1 caja Belikin"), a colour before it a thing ("green Collins receipt book"),
"& Parts" after it a firm; a lone word opening a Spanish sentence, a form's field label, a weekday
or a Kriol pronoun is no name. Shared by the person finder and the model fallback, so both read
the same signs.
"""
from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS as ENGLISH_STOP_WORDS
from spacy.lang.es.stop_words import STOP_WORDS as SPANISH_STOP_WORDS
from spacy.attrs import IS_ALPHA, IS_LOWER, ORTH
from spacy.tokens import Doc

from ingest.components.base import ORG_WORDS, expand_span, folded, text_of
from ingest.components.vehicle_words import vehicle_words

__all__ = ["common_words", "counted_goods", "demonym", "described_thing", "field_label", "firm_name_before",
           "heading_line", "heading_words", "kriol_pronoun", "past_form", "role_noun", "sex_and_people",
           "spanish_opener"]


def common_words(doc: Doc) -> frozenset[str]:
    """Words the doc itself writes in lower case somewhere ("human trafficking", "release").

    Why: a capitalized run of such words is a heading or a title ("Human Trafficking Ring
    Sentenced", "For Immediate Release"), not a person the model missed; real names are not
    written in lower case in the same text. Built once per doc.
    """
    words = doc.user_data.get("wb_common")
    if words is None:  # read off the token array: a Token per word cost more than the rest
        strings = doc.vocab.strings
        written = (strings[orth] for orth, alpha, lower in doc.to_array([ORTH, IS_ALPHA, IS_LOWER]).tolist()
                   if alpha and lower)
        words = doc.user_data["wb_common"] = frozenset(w for w in written if len(w) > 2)
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


def past_form(token, verbs: frozenset[str]) -> bool:
    """A regular English past form ("Visited", "Interviewed", "Stopped") of a verb the model's
    lemmatizer knows (``verbs``): at a sentence start it opens a clause, not a name ("Visited
    Friesen Auto & Parts"). A word the model read as a person ("Jared") is left to the model."""
    word = token.lower_
    if token.ent_type_ == "PERSON" or not word.endswith("ed") or len(word) < 5:
        return False
    stems = {word[:-2], word[:-1]} | ({word[:-3]} if word[-3] == word[-4] else set())  # stopp-ed -> stop
    return any(len(s) > 2 and s in verbs for s in stems)


# A man or a woman as a surveillance log writes them: "F/Mestiza 40s", "M Creole", "Driver M/Garifuna".
# Belize's peoples and the region's nationalities (not "Black", "Moreno", "Blanco", "Maya": surnames too)
_PEOPLES = frozenset({"mestizo", "mestiza", "creole", "kriol", "garifuna", "garinagu", "mayan", "mopan", "kekchi",
                      "ketchi", "q'eqchi", "qeqchi", "yucatec", "mennonite", "ladino", "ladina", "hispanic",
                      "latino", "latina", "indian", "chinese", "asian", "indigenous", "indigena", "indígena",
                      "caucasian", "mulatto", "mulata", "belizean", "honduran", "guatemalan", "salvadoran",
                      "mexican", "nicaraguan", "beliceño", "beliceña", "hondureño", "hondureña", "guatemalteco",
                      "guatemalteca", "salvadoreño", "salvadoreña", "mexicano", "mexicana", "nicaragüense"})
_SEX_LETTER = re.compile(r"^[MF]\s*/?\s*$")


def sex_and_people(first: str, second: str) -> bool:
    """"F Mestiza", "M/Creole": a sex letter and a people or nationality, how a log describes
    someone it cannot name. A real initial is followed by a name ("J. Smith", "F Chan").

    >>> sex_and_people("F", "Mestiza"), sex_and_people("F", "Chan")
    (True, False)
    """
    word = second.lower()
    return bool(_SEX_LETTER.match(first)) and (word in _PEOPLES or (word.endswith("s") and word[:-1] in _PEOPLES))


# What goods are counted in: "1 caja Belikin", "two cases of Belikin", "3 botellas de Presidente"
_UNITS = frozenset({"case", "cases", "caja", "cajas", "crate", "crates", "bottle", "bottles", "botella", "botellas",
                    "can", "cans", "lata", "latas", "pack", "packs", "six-pack", "box", "boxes", "bag", "bags",
                    "bolsa", "bolsas", "sack", "sacks", "saco", "sacos", "pound", "pounds", "lb", "lbs", "libra",
                    "libras", "kilo", "kilos", "kg", "gallon", "gallons", "galon", "galón", "galones", "litre",
                    "litres", "liter", "liters", "litro", "litros", "dozen", "docena", "docenas", "carton",
                    "cartons", "cartón", "paquete", "paquetes", "pint", "pints", "quart", "jar", "jars",
                    "bucket", "buckets", "cubeta", "cubetas", "round", "rounds", "ronda", "tray", "bundle"})


def counted_goods(token) -> bool:
    """The word names what a quantity counts: "1 caja Belikin", "two cases of Belikin", "una
    docena de Presidente" (a number or "a"/"un", a unit of goods, maybe "of"/"de", then the word):
    a brand, not a person. A counted person ("two girls Ana and Rosa") has no unit of goods."""
    doc, i = token.doc, token.i - 1
    if i >= 0 and doc[i].lower_ in {"of", "de", "del"}:
        i -= 1
    if i < 1 or doc[i].lower_ not in _UNITS:
        return False
    count = doc[i - 1]
    return count.like_num or count.lower_ in {"a", "an", "one", "un", "una", "uno"}


_WEEKDAYS = {"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"}
_NUMBER_WORDS = {"mil", "cien", "ciento", "doscientos", "trescientos", "quinientos", "hundred", "thousand"}
# "Lugar y fecha:", "Tomada por:", "Redacta:": a line opening on a word, at most two lower-case
# words and a colon is a form's field label
_LABEL_REST = re.compile(r"(?:\s+[a-záéíóúñ]+){0,2}\s*:")


def field_label(token) -> bool:
    """The word opens its line and the line goes on as a field label does; a word written
    elsewhere in the note the same way (a speaker "Skinny:" who is also named in the text) is
    left to the other rules."""
    doc, start = token.doc, token.idx
    text = text_of(doc)
    if start > 0 and text[start - 1] != "\n" or not _LABEL_REST.match(text, start + len(token.text)):
        return False
    return text.count(token.text) == 1


def described_thing(doc: Doc, start: int) -> bool:
    """A capitalized word after a colour is a vehicle or a handset ("white Toyota Hiace",
    "Silver Frontier", "black Samsung"), not a person; so is the label quoted after a thing a
    colour describes ('green receipt book "Collins 50 duplicates"'), unless the thing is a
    person ('a black man "Bigga"')."""
    span = expand_span(doc, start, start + 1)
    if span is None or span.start == 0:
        return False
    colours = vehicle_words().colours
    i = span.start - 1
    if folded(doc[i].text) in colours:
        return True
    if doc[i].text not in _OPEN_QUOTES:
        return False
    nouns = 0
    while i > 0 and nouns < 2 and doc[i - 1].is_lower and doc[i - 1].pos_ == "NOUN" \
            and doc[i - 1].lower_ not in _PERSON_NOUNS:
        i, nouns = i - 1, nouns + 1
    return nouns > 0 and i > 0 and folded(doc[i - 1].text) in colours


_OPEN_QUOTES = {'"', "“", "‘", "'"}
_PERSON_NOUNS = {"man", "men", "woman", "women", "girl", "girls", "boy", "boys", "guy", "lady", "male", "female",
                 "person", "driver", "hombre", "mujer", "muchacha", "muchacho", "chica", "chico", "señor", "señora"}
_SPANISH_ONLY = frozenset(SPANISH_STOP_WORDS - ENGLISH_STOP_WORDS)


def spanish_opener(span) -> bool:
    """One capitalized word opening a Spanish sentence ("Lugar", "Paga", "Acompañé"), a form's
    field label ("Tomada por: Sgta. ...", "Redacta: ..."), a weekday ("Sat 20/04") or a number
    word ("Mil quinientos dólares"): in Spanish text and in forms the model takes these for names."""
    if len(span) != 1:
        return False
    if span[0].lower_ in _WEEKDAYS or span[0].lower_ in _NUMBER_WORDS or field_label(span[0]):
        return True
    if not span[0].is_sent_start:
        return False
    words = [t.lower_ for t in span.sent if t.is_alpha]
    if len(words) >= 4 and sum(w in SPANISH_STOP_WORDS for w in words) / len(words) >= 0.3:
        return True
    # the sentence's language is in its lower-case words: the names and ranks of "Acompañé al
    # equipo de ATIPU (Sgt. Pech, Cpl. Ramclam, PC Arzu)" are no language
    lower = [t.lower_ for t in span.sent if t.is_alpha and t.is_lower]
    return len(lower) >= 3 and sum(w in _SPANISH_ONLY for w in lower) / len(lower) >= 0.5


_KRIOL_PRONOUNS = frozenset({"ih", "yu", "mi", "dem", "unu", "ahn"})


def kriol_pronoun(span) -> bool:
    """A Kriol pronoun the model took for a name: "Yu" alone, "Ih da di owner" (its next words in
    lower case). "Yu Wei", a name that goes on in capitals, stays."""
    return span[0].lower_ in _KRIOL_PRONOUNS and all(t.is_lower or not t.is_alpha for t in span[1:])


# "& Parts", "& Sons" after a name make it a firm's; "& Pedro", "& María López" add a second person
_FIRM_TAIL = re.compile(r"[ \t]*&[ \t]*(?P<word>[A-Z][\w'’-]*)(?![\w'’-]|[ \t]+[A-Z])")
# What a firm's name ends in after its "&" (besides the body words of ``ORG_WORDS``)
_FIRM_WORDS = frozenset({"parts", "spares", "sons", "daughters", "hijos", "hermanos", "rooms", "supplies", "hardware",
                         "associates", "partners", "motors", "repairs", "garage", "wholesale", "grocery", "groceries",
                         "electronics", "accessories", "distributors", "trading", "imports", "exports", "lumber",
                         "construction", "bakery", "liquors", "general", "variety", "cia", "cía"})


def firm_name_before(doc: Doc, end: int) -> bool:
    """The words ending at ``end`` open a firm's name: "Friesen Auto & Parts", "Pop & Sons" (one
    word after the "&" that names a trade, a body or a word the note writes in lower case).
    "Ana Pop & Pedro" are two people."""
    match = _FIRM_TAIL.match(text_of(doc), end)
    if match is None:
        return False
    word = match.group("word").lower()
    return word in _FIRM_WORDS or word in ORG_WORDS or word in common_words(doc)
