"""Emails, accounts, identity documents and vehicle plates: one sentence each."""
import pytest

from tests.ingest.conftest import found


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
