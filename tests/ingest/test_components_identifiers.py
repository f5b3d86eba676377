"""Emails, accounts, identity documents and vehicle plates: one sentence each."""
import json

import pytest
import spacy

from tests.ingest.conftest import found, linked


def test_email(nlp):
    (email,) = found(nlp, "His email is Flaco.Reyes@Gmail.com.", "Email")
    assert (email["key"], email["start"], email["end"], email["method"]) == (
        "flaco.reyes@gmail.com", 13, 34, "workbench.email_matcher.v1")


def test_account_near_cue_with_bank(nlp):
    (account,) = found(nlp, "The money went to acct 100-234-567 at Belize Bank.", "Account")
    assert (account["key"], account["text"], account["props"]["bank"], account["method"]) == (
        "100234567", "100-234-567", "Belize Bank", "workbench.account_matcher.v1")


def test_passport(nlp):
    (doc,) = found(nlp, "She showed passport number P1234567 at the border.", "IdDocument")
    assert (doc["key"], doc["start"], doc["props"]["kind"]) == ("passport:P1234567", 27, "passport")


@pytest.mark.parametrize("written, plate", [("OW C 12345", "OW-C-12345"), ("CZL-1234", "CZL-1234"),
                                            ("BZ-C-2231", "BZ-C-2231")])
def test_district_plates(nlp, written, plate):
    (vehicle,) = found(nlp, f"A white pickup, {written}, was parked outside.", "Vehicle")
    assert (vehicle["key"], vehicle["start"], vehicle["end"]) == (plate, 16, 16 + len(written))
    assert vehicle["method"].startswith("workbench.plate_matcher.v1")


def test_currency_code_is_not_a_plate(nlp):
    assert found(nlp, "He transferred BZD 175 to her.", "Vehicle") == []


@pytest.mark.parametrize("text, key", [
    ("Documents found: identity card 03322076-2 in the name of Ana Pop.", "id_card:033220762"),
    ("Keyla Salazar's national ID (0157-2004-56813) was taken from her on arrival.", "id_card:0157200456813"),
    ("Her social security number is 744427216.", "social_security:744427216"),
])
def test_id_document_cues_and_separators(nlp, text, key):
    """Hyphens only format an ID number: "03322076-2" and "033220762" are one card."""
    assert [d["key"] for d in found(nlp, text, "IdDocument")] == [key]


def test_account_at_a_bank_then_its_number(nlp):
    (account,) = found(nlp, "Carlos Reyes has an account at Belize Bank, number 343-174-9890.", "Account")
    assert (account["key"], account["text"]) == ("3431749890", "343-174-9890")


def test_id_cue_without_a_number_is_nothing(nlp):
    assert found(nlp, "She had no identity card and no passport when she arrived.", "IdDocument") == []


@pytest.mark.parametrize("text, types", [
    ("Carlos Reyes drives a white Toyota Hilux with licence plate CZ-C-12345, registered in his name.",
     {"OWNS", "DRIVES"}),
    ("Carlos Reyes was seen getting out of his own white Toyota Hilux, CZ-C-12345.", {"OWNS"}),
    ("Carlos Reyes drives a white Toyota Hilux with licence plate CZ-C-12345.", {"DRIVES"}),
    ("Carlos Reyes was seen getting out of a white Toyota Hilux, CZ-C-12345.", set()),
])
def test_a_plate_is_owned_only_where_the_sentence_says_whose_it_is(nlp, text, types):
    rels = {r[0] for r in linked(nlp, text) if r[1] == "Carlos Reyes" and r[2] == "CZ-C-12345"}
    assert rels == types


def test_subscriber_return_registers_a_number_to_a_person(nlp):
    """Issue 13: subscriber returns ("+501 667 2054 is registered to COCOM LESTER") tie a phone to its user."""
    rels = linked(nlp, "+501 667 2054 is registered to COCOM LESTER, Benque Viejo del Carmen.")
    assert ("USES_PHONE", "COCOM LESTER", "+501 667 2054", "workbench.identifier_linker.v1") in rels


def test_a_vehicle_licensed_to_an_official_is_theirs(nlp):
    rels = linked(nlp, "CZ-P-20417 is licensed to VARGAS, Dionisio, a Customs Officer at the border.")
    assert [r[:3] for r in rels if r[0] == "OWNS"] == [("OWNS", "VARGAS, Dionisio", "CZ-P-20417")]


# -- identifier types declared as rows (patterns/identifiers.jsonl, issue 17) ---------------------
WALLET = {"label": "Account", "id": "wallet-after-cue", "cues": ["wallet", "e-kyash"],
          "pattern": r"(?P<value>\d{4}-\d{4})(?![\d-])", "type": "digits"}


def _reader(tmp_path, *rows):
    """A blank pipeline with only the pattern reader, reading ``rows`` as its pattern file."""
    path = tmp_path / "rows.jsonl"
    path.write_text("// rows of the test\n" + "\n".join(json.dumps(row) for row in rows) + "\n", encoding="utf-8")
    nlp = spacy.blank("en")
    nlp.add_pipe("workbench_identifier_patterns_v1", config={"patterns": str(path)})
    return nlp


def test_a_declared_row_finds_its_identifier_after_a_cue(tmp_path):
    (account,) = found(_reader(tmp_path, WALLET), "She was paid into E-Kyash wallet no. 6021-4417 on Friday.", "Account")
    assert (account["key"], account["text"], account["start"], account["method"]) == (
        "60214417", "6021-4417", 37, "rows.jsonl:wallet-after-cue")


def test_a_declared_row_needs_its_cue(tmp_path):
    """Near miss: the same number with no cue before it (a receipt) is nothing."""
    assert found(_reader(tmp_path, WALLET), "Receipt 6021-4417 was found in her bag.") == []


def test_the_property_type_decides(tmp_path):
    """The regex proposes, the type cleans: a number ``clean_phone`` rejects is dropped."""
    row = {"label": "Phone", "id": "line-after-cue", "cues": ["landline"], "pattern": r"(?P<value>\d[\d-]{1,12}\d)"}
    nlp = _reader(tmp_path, row)
    assert [m["key"] for m in found(nlp, "Her landline is 822-2211.")] == ["+5018222211"]
    assert found(nlp, "Her landline is 12-3.") == []


@pytest.mark.parametrize("change, error", [
    ({"label": "Person"}, "label 'Person' is not an identifier"),
    ({"label": "IdDocument"}, "IdDocument requires properties besides its key"),
    ({"pattern": r"\d{4}-\d{4}"}, "no group 'value'"),
    ({"type": "digit"}, "unknown property type 'digit'"),
    ({"pattern": r"(?P<value>\d{4}"}, "not a regex"),
])
def test_a_wrong_row_stops_loading_with_its_file_and_id(tmp_path, change, error):
    with pytest.raises(ValueError, match=rf"\[E048\] rows.jsonl: row 'wallet-after-cue': .*{error}"):
        _reader(tmp_path, {**WALLET, **change})
