"""People: the model's PERSON entities, cleaned, plus titles, nicknames and roles.

Why: a person must be one node whatever the note calls them, so the name kept is the bare name:
titles and ranks become props (role "official", rank, agency; see ``officials.py``), honorifics
and possessives are stripped, 'Carlos "Flaco" Reyes' is Carlos Reyes with the alias Flaco, and
"Carlos Reyes, alias Flaco" adds the alias too. Obvious non-persons are rejected (digits, all
lower case, platform and channel words, spans another component already claimed as a place,
venue, phone ...), and so are words the words around them show to be something else (a letter
alone, "F Mestiza", "1 caja Belikin", "Friesen Auto & Parts": ``wordshapes``); a past form
opening the sentence ("Visited Ana Pop") is cut off the name. Role words next to the name ("the
victim Ana", "Pop, a witness") set role from ``patterns/roles.jsonl``; everyone else stays
without a role for the resolver to decide. Names the model misses after a title ("Cpl. Pop")
are taken from the title. A maiden name after a woman's name ("Glenda Cruz (née Novelo)") is a
mention of her, with the maiden name as an alias.
"""
from __future__ import annotations

import re
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS as ENGLISH_STOP_WORDS
from spacy.lang.es.stop_words import STOP_WORDS as SPANISH_STOP_WORDS
from spacy.attrs import POS
from spacy.language import Language
from spacy.tokens import Doc

from ingest.components.name_forms import form_candidates, maiden_names
from ingest.components.vehicle_words import vehicle_words
from ingest.components.wordshapes import (
    counted_goods, described_thing, firm_name_before, heading_line, heading_words, kriol_pronoun, past_form, role_noun,
    sex_and_people, spanish_opener,
)
from ingest.components.base import (
    ORG_WORDS, add_mention, claimed, ensure_extensions, expand_span, lexicon_regex, load_jsonl, mentions, text_of,
    titles,
)

METHOD = "workbench.person_finder.v1"
_STOP_WORDS = frozenset(SPANISH_STOP_WORDS | ENGLISH_STOP_WORDS) - {"will"}
_NAME = r"[A-Z][\w-]*(?:['’][A-Z][\w-]+)?"
_NICKNAME = re.compile(rf"(?P<first>{_NAME}(?:\s+{_NAME})?)\s+[\"“‘'](?P<nick>[A-Z][\w'’ -]{{1,20}}?)[\"”’']"
                       rf"\s+(?P<last>{_NAME}(?:\s+{_NAME})?)")
# Honorifics written before a name; a religious one also in lower case, as Spanish writes it ("la hermana Gloria")
_HONORIFIC = re.compile(r"^(?:(?:Mr|Mrs|Ms|Miss|Mister|Dr|Don|Doña|Dona|Señor|Senor|Señora|Senora|Sr|Sra|Srta|"
                        r"[Hh]ermana|[Hh]ermano|Hna|Hno|Sister)\.?\s+)+")
_BETWEEN_TITLE = re.compile(r"^\.?\s*(?:,\s*)?(?:#?\d{2,5}\s+)?(?:(?:named|called|by the name of)\s+)?$")  # "PC 2290 Gentle"
# "Ana Chen, an immigration officer", "BAUTISTA, Yolanda, Social Worker", "Vargas is a Customs Officer"
_APPOSITION = re.compile(r"^\s*(?:,\s*(?:who is\s+|who was\s+)?(?:an?|the)\s+(?:\w+\s+){0,2}|,\s*|"
                         r"\s(?:is|was|works as|serves as)\s+(?:an?|the)\s+(?:\w+\s+){0,2})$")
# An agency or its unit written just before a name in parentheses: "Customs HR (GARBUTT, Iris)"
_AGENCY_BEFORE = re.compile(r"(?<![\w(])(?P<unit>[A-Z][\w&.-]*(?:[ \t]+[A-Z&][\w&.-]*){0,3})[ \t]*\([ \t]*$")
_INITIAL = re.compile(r"^[A-Z]\.$")
# Surnames with an internal capital: McGiverin, MacDonald, DeLeon, LaRue, DiNapoli, VanHorn
_INNER_CAPITAL = re.compile(r"^(?:Mc|Mac|De|Di|Du|La|Le|Van|Von|St)[A-Z][a-z]+$")
_TRAILING_INITIAL = re.compile(r"(?<=\w)\s+[A-Z]\.?$")
_JOINERS = {"-", ".", "'", "’", "\"", "“", "”"}
_PARTICLES = {"de", "del", "la", "las", "los", "van", "von", "da", "di", "y", "st.", "mc", "mac"}
_NOT_NAMES = {"USD", "BZD", "MXN", "GTQ", "HNL", "ATM", "CCTV", "DNA", "WPC", "ASP", "ACP", "BDF", "QAPU", "GSU", "ID"}
# Entity types a name word may carry by the model's mistake ("10:35 - Carlos Alvarado" is one QUANTITY)
_NOT_PLACE_TYPES = {"", "PERSON", "NORP", "PRODUCT", "WORK_OF_ART", "LANGUAGE", "EVENT", "LAW",
                    "QUANTITY", "CARDINAL", "TIME", "MONEY"}
_STOP = re.compile(r"^(?:WhatsApp|Facebook|Instagram|TikTok|Messenger|Western Union|MoneyGram|God|Jesus|Christ|"
                   r"Author|Subject|Re|Ref|Copy|Signed|Arrest|Interview|E-Kyash|DigiWallet|Police|Immigration|Customs|Officer|Mr|Mrs|Ms)$",
                   re.IGNORECASE)


@Language.factory("workbench_person_finder_v1", assigns=["doc._.wb_mentions"],
                  requires=["doc.ents", "doc._.wb_titles"])
def make_person_finder(nlp: Language, name: str) -> "PersonFinder":
    return PersonFinder(_verbs(nlp))


def _verbs(nlp: Language) -> frozenset[str]:
    """The verbs the model's lemmatizer knows (its ``lemma_index`` table), or none without one."""
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return frozenset()
    return frozenset(lookups.get_table("lemma_index").get("verb", ()))


class PersonFinder:
    def __init__(self, verbs: frozenset[str] = frozenset()) -> None:
        ensure_extensions()
        self.verbs = verbs
        self.roles = [(row["role"], lexicon_regex(row["cues"])) for row in load_jsonl("roles.jsonl")]
        # any role's cue: most names have none around them, and then no row needs asking
        self.any_role = lexicon_regex([cue for row in load_jsonl("roles.jsonl") for cue in row["cues"]])
        self.agencies = [(row["agency"], lexicon_regex(row["cues"])) for row in load_jsonl("agencies.jsonl")]

    def __call__(self, doc: Doc) -> Doc:
        for start, end, canonical, method, props in list(form_candidates(doc)):
            if not claimed(doc, start, end):
                role = props.pop("role", None) or (
                    "victim" if method.endswith(":initials") and not _signature(doc, start, end) else None)
                self._add(doc, start, end, method, canonical, **({"role": role} if role else {}), **props)
        for match in _NICKNAME.finditer(text_of(doc)):
            if not claimed(doc, match.start(), match.end()):
                canonical = f"{match.group('first')} {match.group('last')}"
                self._add(doc, match.start(), match.end(), f"{METHOD}:nickname", canonical, aliases=[match.group("nick")])
        for ent in doc.ents:
            if ent.label_ == "PERSON":
                span = _widen(doc, ent.start, ent.end)
                self._candidate(doc, span.start_char, span.end_char, "ner:PERSON")
        for title in titles(doc):
            self._after_title(doc, title)
        self._proper_nouns(doc)
        self._maiden_names(doc)
        return doc

    @staticmethod
    def _maiden_names(doc: Doc) -> None:
        """"Glenda Cruz (née Novelo)": the maiden name is hers, a mention of her with it as an
        alias (and her given names with it: "Glenda Novelo"), never a person of its own."""
        for person, start, end in list(maiden_names(doc)):
            over = [m for m in mentions(doc) if m["start"] < end and start < m["end"]]
            if any(m["label"] != "Person" for m in over):
                continue  # "born Belize City": a place, not a name
            for other in over:
                mentions(doc).remove(other)
            maiden = _title_case(text_of(doc)[start:end])
            given = (person["canonical"] or person["text"]).split()[:-1]
            aliases = [maiden, " ".join([*given, maiden])] if given else [maiden]
            add_mention(doc, "Person", start, end, f"{METHOD}:maiden-name", confidence=0.9,
                        canonical=person["canonical"] or person["text"], aliases=aliases)

    def _proper_nouns(self, doc: Doc) -> None:
        """Runs of two or three capitalized proper nouns the model left untagged ("Ana Pop"); a
        surname in capitals after one counts whatever its tag ("Ana BARDALES", often tagged NOUN),
        and so does a surname the model alone took for a one-word place ("Ana Urbina")."""
        run: list = []
        after_dateline = _after_dateline(doc)
        propn = doc.vocab.strings["PROPN"]  # the part-of-speech symbol's id
        proper = [pos == propn for pos in doc.to_array(POS).tolist()]
        for i in range(len(doc) + 1):
            if not run and i < len(doc) and not proper[i]:
                continue  # no run to close and none to open: most words, passed without a Token
            token = doc[i] if i < len(doc) else None
            if run and token is not None and _joins(run[-1], token):
                run.append(token)
                continue
            if token is not None and (token.pos_ == "PROPN" or (run and token.is_upper)) and _namelike(token) \
                    and (token.ent_type_ in _NOT_PLACE_TYPES or (run and _lone_place_tag(token)) or token.i in after_dateline) \
                    and not (run and token.is_sent_start):
                run.append(token)
                continue
            words = [t for t in run if t.text != "-"]
            if run and run[-1].text == "-":
                run = run[:-1]
            if 2 <= len(words) <= 3 and not claimed(doc, run[0].idx, run[-1].idx + len(run[-1])) \
                    and not heading_words(words) and not heading_line(run[0]):
                self._candidate(doc, run[0].idx, run[-1].idx + len(run[-1]), f"{METHOD}:proper-nouns")
            run = []

    def _candidate(self, doc: Doc, start: int, end: int, method: str) -> None:
        for title in titles(doc):
            if title["start"] <= start < title["end"] < end:
                start = title["end"]
        span = expand_span(doc, start, end)
        if span is not None and len(span) > 1 and span[0].is_sent_start and past_form(span[0], self.verbs):
            start = span[1].idx  # "Visited Friesen Auto": a clause's verb, then what it did
            span = span[1:]
        if span is not None:  # cut at a possessive or a word that cannot be part of a name
            cut = next((t for t in span if t.text in {"'s", "’s"} or not (_namelike(t) or t.text in _JOINERS
                                                                         or t.lower_ in _PARTICLES or _INITIAL.match(t.text))), None)
            if cut is not None and cut.idx > start:
                end = min(end, cut.idx)
        text = text_of(doc)[start:end]
        stripped = _HONORIFIC.sub("", text.lstrip(". "))
        lettered = bool(re.fullmatch(r"[A-Z]\W*", stripped.strip()))
        if lettered:
            stripped = text.lstrip(". ")  # "Miss P": a letter after an honorific is a nickname, not a name
        start += len(text) - len(stripped)
        stripped = re.sub(r"(?:\s+(?:a\.k\.a|aka|alias)\.?)$", "", stripped.rstrip())
        stripped = re.sub(r"(?:['’]s?|[.,;:\"”]|\s+[-–—])+$", "", stripped.rstrip())
        stripped = re.sub(r"(?:\s+(?:de|del|la|las|los|y|da|van|von))+$", "", stripped)  # "Sosa de la [casa]"
        if not lettered:
            stripped = _TRAILING_INITIAL.sub("", stripped)  # "Sofía Jiménez L": an initial ends no name
        end = start + len(stripped)
        if self._reject(doc, start, end):
            return
        self._add(doc, start, end, method, _title_case(text_of(doc)[start:end]))

    def _reject(self, doc: Doc, start: int, end: int) -> bool:
        text = text_of(doc)[start:end]
        if not text or not text[0].isupper() or any(ch.isdigit() for ch in text) or _STOP.match(text) or role_noun(text) \
                or _SUFFIX.match(text) or text.split()[0].lower() in _QUANTIFIERS:
            return True
        span = expand_span(doc, start, end)
        if span is not None and len(span) == 1 and (span[0].pos_ not in {"PROPN", "X"} or _function_word(span[0])
                                                    or counted_goods(span[0])):
            return True
        words = re.split(r"[\s/]+", text)
        if len(words[0].strip(".")) == 1 and (len(words) == 1 or sex_and_people(words[0], words[1])):
            return True  # a letter alone ("dep N", "3 F exit"), or a log's "F Mestiza 40s"
        if any(t["start"] <= start and end <= t["end"] for t in titles(doc)):
            return True
        if any(w in ORG_WORDS for w in re.split(r"[\s/-]+", text.lower())):
            return True
        if firm_name_before(doc, end):
            return True  # "Friesen Auto & Parts", "Pop & Sons": a firm's name
        if described_thing(doc, start) or vehicle_words().describes(text) or (span is not None and (spanish_opener(span) or kriol_pronoun(span))):
            return True
        for other in list(mentions(doc)):
            if other["start"] < end and start < other["end"]:
                inside = start <= other["start"] and other["end"] <= end and (start, end) != (other["start"], other["end"])
                if other["label"] == "Location" and inside and other["props"].get("kind") in {"village", "town", "other"}:
                    mentions(doc).remove(other)
                    continue
                return True
        return False

    def _after_title(self, doc: Doc, title: dict[str, Any]) -> None:
        """A name right after a title the model did not tag ("Cpl. Pop reported ...")."""
        tail = expand_span(doc, title["end"], len(text_of(doc)))
        if tail is None:
            return
        tokens = [t for t in tail[:8]]
        while tokens and (tokens[0].text in {".", ",", "#"} or tokens[0].lower_ in {"named", "called"}
                          or (tokens[0].is_digit and len(tokens[0]) <= 5)):  # a badge number: "PC 2290 Gentle"
            tokens.pop(0)
        if not tokens or not _namelike(tokens[0]) or tokens[0].is_sent_start:
            return
        name = _widen(doc, tokens[0].i, tokens[0].i + 1, left=False)
        if not claimed(doc, name.start_char, name.end_char):
            self._candidate(doc, name.start_char, name.end_char, f"{METHOD}:after-title")

    def _add(self, doc: Doc, start: int, end: int, method: str, canonical: str, **props: Any) -> None:
        official = self._official(doc, start, end)
        if official:
            method = f"{method}+{official.pop('method')}"
            props.update(official)
        role = props.get("role") or self._role(doc, start, end)
        add_mention(doc, "Person", start, end, method, confidence=0.9 if method.startswith("ner") else 0.95,
                    canonical=canonical, role=role, **{k: v for k, v in props.items() if k != "role"})

    def _official(self, doc: Doc, start: int, end: int) -> dict[str, Any] | None:
        for title in titles(doc):
            before = title["end"] <= start and _BETWEEN_TITLE.match(text_of(doc)[title["end"]:start])
            after = end <= title["start"] and _APPOSITION.match(text_of(doc)[end:title["start"]])
            if before or after:
                return {"role": "official", "rank": title["rank"], "agency": title["agency"],
                        "method": title["method"]}
        unit = _AGENCY_BEFORE.search(text_of(doc)[max(0, start - 50):start])
        if unit is not None:
            for agency, cue in self.agencies:
                if cue.search(unit.group("unit")):  # "Customs HR (GARBUTT, Iris)": the agency's officer
                    return {"role": "official", "agency": agency, "method": "agencies.jsonl:unit-before"}
        return None

    def _role(self, doc: Doc, start: int, end: int) -> str | None:
        before = text_of(doc)[max(0, start - 30):start]
        after = text_of(doc)[end:end + 40]
        if not (self.any_role.search(before) or self.any_role.search(after)):
            return None
        for role, cue in self.roles:
            hit_before = [m for m in cue.finditer(before) if re.match(r"^\W{0,3}(?:named\s+|called\s+)?$", before[m.end():])]
            hit_after = cue.search(after)
            if hit_before or (hit_after and re.match(r"^\s*(?:,|\()\s*(?:(?:an?|the|who is|who was)\s+)*(?:alleged\s+)?$",
                                                      after[:hit_after.start()])):
                return role
        return None


def _joins(previous, token) -> bool:
    """A hyphen glued between two name parts ("Cortes-Meza"), or the part after it."""
    if token.text == "-":
        nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        return not previous.whitespace_ and not token.whitespace_ and nxt is not None and _namelike(nxt)
    return previous.text == "-" and _namelike(token)


_SUFFIX = re.compile(r"^(?:Jr|Sr|Jnr|Snr|II|III|IV)\.?$")  # "Ralph F. Boyd, Jr.": the suffix is no one
_QUANTIFIERS = {"several", "many", "numerous", "various", "other", "two", "three", "four", "five", "some", "all"}


def _signature(doc: Doc, start: int, end: int) -> bool:
    """Initials alone on a line near the end of a note sign it ("C.W."): an officer, not a victim."""
    text = text_of(doc)
    line_start, line_end = text.rfind("\n", 0, start) + 1, text.find("\n", end)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    return re.sub(r"^(?:signed|sgd|firma)\W*", "", line.strip(), flags=re.IGNORECASE) == text[start:end] \
        and len(text) - end < 400


def _after_dateline(doc: Doc) -> set[int]:
    """Tokens of a model entity that ran on from a dateline ("WASHINGTON - Raul Cortes-Meza" as
    one ORG): they are read afresh, as if untagged."""
    starts = {m["start"] for m in mentions(doc) if m["method"].endswith(":dateline")}
    return {t.i for ent in doc.ents if ent.start_char in starts for t in ent} if starts else set()


def _function_word(token) -> bool:
    """An English or Spanish function word or common verb form capitalized at a sentence start
    ("La", "Yo", "Tengo", "Ahí"): the model's PERSON on one such word is no name."""
    return token.lower_ in _STOP_WORDS


def _lone_place_tag(token) -> bool:
    """A one-word GPE/LOC entity: after a first name it is a surname the model took for a place
    (a real place is in the gazetteer and already claimed, or tagged with its first word)."""
    doc = token.doc
    return token.ent_type_ in {"GPE", "LOC"} and token.ent_iob_ == "B" \
        and (token.i + 1 == len(doc) or doc[token.i + 1].ent_iob_ != "I")


def _namelike(token) -> bool:
    """A capitalized or all-caps word that can be part of a name ("Flowers", "SALAZAR")."""
    text = token.text
    return token.is_alpha and (token.is_title or _INNER_CAPITAL.match(text) is not None
                               or (text.isupper() and len(text) > 2 and text not in _NOT_NAMES)) \
        and not token.like_num


def _widen(doc: Doc, start: int, end: int, left: bool = True):
    """Grow a name over adjacent name-like words and hyphen joins ("Jodi-Ann Flowers", "Glenford TILLETT")."""
    while left and start > 0 and not doc[start].is_sent_start \
            and not any(t["start"] <= doc[start - 1].idx < t["end"] for t in titles(doc)):  # a title ends a name
        before = doc[start - 1]
        if before.text == "-" and not before.whitespace_ and start > 1 and _namelike(doc[start - 2]) \
                and not doc[start - 2].whitespace_:
            start -= 2
        elif _namelike(before) and before.whitespace_ and before.pos_ == "PROPN" \
                and before.ent_type_ not in {"DATE", "TIME"}:  # "On Monday Carlos Reyes"
            start -= 1
        else:
            break
    while end < len(doc) and not doc[end].is_sent_start and end - start < 5:
        token = doc[end]
        if token.text == "-" and not doc[end - 1].whitespace_ and end + 1 < len(doc) and _namelike(doc[end + 1]):
            end += 2
        elif _INITIAL.match(token.text) and end + 1 < len(doc) and _namelike(doc[end + 1]) \
                and not doc[end + 1].is_sent_start:  # a middle initial: "Maria J. Lopez"
            end += 2
        elif _namelike(token) and doc[end - 1].whitespace_ and (token.pos_ == "PROPN" or token.is_upper):
            end += 1
        else:
            break
    return doc[start:end]


def _title_case(name: str) -> str:
    """Surnames written in capitals in reports ("Glenford TILLETT") are shown as names."""
    return " ".join(w.title() if w.isupper() and len(w) > 1 else w for w in name.split())
