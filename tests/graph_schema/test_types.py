import pytest

from graph_schema.types import clean_email, clean_phone, clean_plate, fold_name, get_type


@pytest.mark.parametrize("raw", ["622-1234", "6221234", "+501 622 1234", "(501) 622-1234", "501-622-1234",
                                 "501 6221234", "+5016221234"])
def test_belize_phone_forms_normalize_to_one_key(raw):
    assert clean_phone(raw) == "+5016221234"


@pytest.mark.parametrize("raw,expected", [
    ("+52 983 123 4567", "+529831234567"),
    ("+502 5123 4567", "+50251234567"),
    ("+504 9123-4567", "+50491234567"),
    ("+1 (305) 555-0143", "+13055550143"),
    ("+1 305 418 2290", "+13054182290"),
])
def test_regional_phones(raw, expected):
    assert clean_phone(raw) == expected


@pytest.mark.parametrize("raw", ["12", "1234", "hello", "999-99999999999"])
def test_non_phones_are_rejected(raw):
    assert clean_phone(raw) is None


def test_email_lowercased_and_rejected_when_malformed():
    assert clean_email("Flaco.Reyes@GMAIL.com") == "flaco.reyes@gmail.com"
    assert clean_email("not-an-email@") is None


def test_plate_separators_fold():
    assert clean_plate("CZL 1234") == clean_plate("czl-1234") == "CZL-1234"
    assert clean_plate("no digits") is None


def test_name_folding():
    assert fold_name("Reyes, Carlos") == fold_name("CARLOS  REYES") == "carlos reyes"
    assert fold_name("José Martínez") == "jose martinez"


@pytest.mark.parametrize("type_name,raw,expected", [
    ("money", "1,200.50", 1200.5),
    ("currency", "bzd", "BZD"),
    ("currency", "DOGE", None),
    ("date", "14/03/2026", "2026-03-14"),
    ("date", "March 14, 2026", "2026-03-14"),
    ("datetime", "2026-03-14 21:05:33", "2026-03-14T21:05:33"),
    ("int", "45", 45),
    ("bool", "yes", True),
    ("list", ["b", "a", "a"], ["a", "b"]),
])
def test_property_type_clean(type_name, raw, expected):
    assert get_type(type_name).clean(raw) == expected
