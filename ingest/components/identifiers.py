"""Emails, bank/wallet accounts, identity documents and vehicle plates.

Why: shared identifiers are nodes, so two people who use one account or one car are linked
through it. Each rule is a regex that proposes and a property type that decides
(``clean_email``, ``clean_plate``; account numbers are kept as digits only). Accounts and
documents are only taken next to their cue words ("account", "acct", "A/C", "passport",
"social security"), because a bare digit string is as likely a receipt or a case number.
Plates are taken in the Belize district forms ("OW C 12345", "CZL-1234", "BZ-C-2231") or after
"plate"/"licence"; anything ``clean_plate`` rejects is dropped.

Any other identifier type is data: a row of ``patterns/identifiers.jsonl`` (its label, a regex
with a group ``value``, optional cue words, optional property type) read by
:class:`IdentifierPatterns`, so a new type is a node file, its holder relationship and a row.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from graph_schema.model import Schema, load_schema
from graph_schema.types import clean_email, clean_plate, get_type
from ingest.components.base import add_mention, claimed, ensure_extensions, lexicon_regex, load_jsonl, text_of
from ingest.errors import Errors

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_ACCOUNT = re.compile(
    r"(?:\baccount|\bacct\.?|\ba/c|\bcuenta|"
    r"\b(?:savings|current|checking|chequing|ahorros?|corriente)(?=\s+(?:account\s+)?\d))(?:\s+(?:at|with)\s+[A-Z][\w&.-]*(?:\s+(?:of\s+)?[A-Z][\w&.-]*){0,4},?)?"
    r"(?:\s+(?:number|no\.?|num\.?|#))?\s*(?:is|was|of|:|#)?\s*"
    r"(?P<number>\d[\d -]{3,22}\d)(?!\d)", re.IGNORECASE)
_IDDOC = re.compile(
    r"(?P<kind>passport|social\s+security(?:\s+(?:card|number))?|SSN|(?:national\s+)?ID(?:\s+card)?|"
    r"identi(?:ty|fication)\s+card)"
    r"(?:\s+(?:number|no\.?|num\.?|#))?\s*(?:is|was|:|#|\()?\s*(?P<number>(?=[A-Z0-9-]*\d)[A-Z]{0,3}[0-9][A-Z0-9-]{4,14})\b",
    re.IGNORECASE)
_DISTRICT_PLATE = re.compile(
    r"\b(?!BZD|USD|MXN|GTQ|HNL)(?:BZE?|BZ|CZL?|CZ|OWK?|OW|SCZ?|SC|TOL?|TO|CY|CAY|SI|PG|BMP|BP|ST|SE)(?:[ -]?[A-Z])?[ -]?\d{3,6}\b")
_PLATE_CUE = re.compile(
    r"(?:plates?|licen[cs]e(?:\s+plate)?|registration)(?:\s+(?:number|no\.?|#))?\s*(?:is|was|of|:|#)?\s*"
    r"(?P<plate>(?!BZD|USD|MXN|GTQ|HNL)[A-Z]{1,3}[ -]?(?:[A-Z][ -]?)?\d{2,6})\b", re.IGNORECASE)
_KINDS = {"passport": "passport", "social": "social_security", "ssn": "social_security"}
#: Between a cue and its number: "SSN 744...", "social security number is 744...", "SSN no. 744...",
#: "social security (744...": what the account and ID cues above allow.
_CUE_TO_VALUE = r"(?:\s+(?:number|no\.?|num\.?|#))?\s*(?:is|was|of|:|#|\()?\s*"


@Language.factory("workbench_email_matcher_v1", assigns=["doc._.wb_mentions"])
def make_email_matcher(nlp: Language, name: str) -> "EmailMatcher":
    return EmailMatcher()


class EmailMatcher:
    def __init__(self) -> None:
        ensure_extensions()

    def __call__(self, doc: Doc) -> Doc:
        for match in _EMAIL.finditer(text_of(doc)):
            raw = match.group().rstrip(".")
            email = clean_email(raw)
            if email and not claimed(doc, match.start(), match.start() + len(raw)):
                add_mention(doc, "Email", match.start(), match.start() + len(raw), "workbench.email_matcher.v1",
                            key=email)
        return doc


@Language.factory("workbench_account_matcher_v1", assigns=["doc._.wb_mentions"])
def make_account_matcher(nlp: Language, name: str) -> "AccountMatcher":
    return AccountMatcher()


class AccountMatcher:
    """Account numbers after a cue word; the bank or wallet named in the sentence goes in props."""

    def __init__(self) -> None:
        ensure_extensions()
        self.banks = [(row["name"], lexicon_regex(row["cues"])) for row in load_jsonl("banks.jsonl")]

    def __call__(self, doc: Doc) -> Doc:
        for match in _ACCOUNT.finditer(text_of(doc)):
            start, end = match.span("number")
            digits = re.sub(r"\D", "", match.group("number"))
            if len(digits) < 5 or claimed(doc, start, end):
                continue
            window = text_of(doc)[max(0, start - 120):end + 60]
            bank = next((name for name, cue in self.banks if cue.search(window)), None)
            add_mention(doc, "Account", start, end, "workbench.account_matcher.v1", key=digits, bank=bank)
        return doc


@Language.factory("workbench_id_matcher_v1", assigns=["doc._.wb_mentions"])
def make_id_matcher(nlp: Language, name: str) -> "IdMatcher":
    return IdMatcher()


class IdMatcher:
    def __init__(self) -> None:
        ensure_extensions()

    def __call__(self, doc: Doc) -> Doc:
        for match in _IDDOC.finditer(text_of(doc)):
            start, end = match.span("number")
            if claimed(doc, start, end):
                continue
            kind = _KINDS.get(match.group("kind").split()[0].lower(), "id_card")
            number = re.sub(r"-", "", match.group("number").upper())  # "03322076-2" and "033220762" are one card
            add_mention(doc, "IdDocument", start, end, "workbench.id_matcher.v1", key=f"{kind}:{number}",
                        kind=kind, number=number)
        return doc


@Language.factory("workbench_identifier_patterns_v1", assigns=["doc._.wb_mentions"],
                  default_config={"patterns": "identifiers.jsonl"})
def make_identifier_patterns(nlp: Language, name: str, patterns: str) -> "IdentifierPatterns":
    return IdentifierPatterns(patterns)


class IdentifierPatterns:
    """Identifiers declared as rows of a pattern file (``patterns/identifiers.jsonl``): one row
    per rule, ``{"label", "id", "pattern", "cues"?, "type"?}``.

    ``label`` is an identifier label of the schema; ``pattern`` a regex whose group ``value`` is
    the identifier; with ``cues`` (phrases), the value counts only right after one of them (see
    ``_CUE_TO_VALUE``). The regex proposes and the property type decides: ``type`` (a name of
    ``graph_schema.types``), by default the type of the label's key, cleans the value into the
    mention's key, and a value it rejects is dropped. The method is ``<file>:<id>``. Rows run in
    file order, before the coded matchers (``config.cfg``), and skip spans already taken.
    """

    def __init__(self, patterns: str = "identifiers.jsonl", schema: Schema | None = None) -> None:
        ensure_extensions()
        schema = schema or load_schema()
        self.name = Path(patterns).name
        self.rules = [self._rule(row, schema) for row in load_jsonl(patterns)]

    def _rule(self, row: dict[str, Any], schema: Schema) -> tuple[str, str, re.Pattern[str], Callable[[Any], Any]]:
        """One row checked and compiled: (label, method, regex, clean); a wrong row stops loading."""
        def refuse(detail: str) -> ValueError:
            return ValueError(Errors.E048.format(path=self.name, row=row.get("id"), detail=detail))

        label, cues = row.get("label"), row.get("cues") or ()
        if not row.get("id") or not row.get("pattern"):
            raise refuse("an id and a pattern are required")
        spec = schema.nodes.get(str(label))
        if spec is None or spec.kind != "identifier":
            raise refuse(f"label {label!r} is not an identifier of the schema")
        if [p.name for p in spec.properties if p.required] != [spec.key]:
            raise refuse(f"{label} requires properties besides its key, which a row cannot give")
        type_name = row.get("type") or next(p.type for p in spec.properties if p.name == spec.key)
        try:
            clean = get_type(type_name).clean
        except KeyError as error:
            raise refuse(error.args[0]) from None
        try:
            pattern = re.compile((lexicon_regex(cues).pattern + _CUE_TO_VALUE if cues else "") + row["pattern"],
                                 re.IGNORECASE)
        except re.error as error:
            raise refuse(f"not a regex ({error})") from None
        if "value" not in pattern.groupindex:
            raise refuse("the pattern has no group 'value'")
        return spec.label, f"{self.name}:{row['id']}", pattern, clean

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        for label, method, pattern, clean in self.rules:
            for match in pattern.finditer(text):
                start, end = match.span("value")
                key = clean(match.group("value"))
                if key is not None and not claimed(doc, start, end):
                    add_mention(doc, label, start, end, method, key=str(key))
        return doc


@Language.factory("workbench_plate_matcher_v1", assigns=["doc._.wb_mentions"])
def make_plate_matcher(nlp: Language, name: str) -> "PlateMatcher":
    return PlateMatcher()


class PlateMatcher:
    def __init__(self) -> None:
        ensure_extensions()

    def __call__(self, doc: Doc) -> Doc:
        spans = [(m.start(), m.end(), "district-form") for m in _DISTRICT_PLATE.finditer(text_of(doc))]
        spans += [(*m.span("plate"), "after-cue") for m in _PLATE_CUE.finditer(text_of(doc))]
        for start, end, how in sorted(spans):
            plate = clean_plate(text_of(doc)[start:end])
            if plate and not claimed(doc, start, end):
                add_mention(doc, "Vehicle", start, end, f"workbench.plate_matcher.v1:{how}", key=plate)
        return doc
