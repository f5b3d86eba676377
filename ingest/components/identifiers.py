"""Emails, bank/wallet accounts, identity documents and vehicle plates.

Why: shared identifiers are nodes, so two people who use one account or one car are linked
through it. Each rule is a regex that proposes and a property type that decides
(``clean_email``, ``clean_plate``; account numbers are kept as digits only). Accounts and
documents are only taken next to their cue words ("account", "acct", "A/C", "passport",
"social security"), because a bare digit string is as likely a receipt or a case number.
Plates are taken in the Belize district forms ("OW C 12345", "CZL-1234", "BZ-C-2231") or after
"plate"/"licence"; anything ``clean_plate`` rejects is dropped.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from graph_schema.types import clean_email, clean_plate
from ingest.components.base import add_mention, claimed, ensure_extensions, lexicon_regex, load_jsonl, text_of

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
