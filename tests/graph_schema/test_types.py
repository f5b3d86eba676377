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


@pytest.mark.parametrize("raw,expected", [
    ("502 4718 2290", "+50247182290"),
    ("50247182290", "+50247182290"),
    ("504 9871 2043", "+50498712043"),
    ("52 983 114 5520", "+529831145520"),
    ("00 52 983 114 5520", "+529831145520"),
])
def test_neighbour_calling_code_without_plus(raw, expected):
    assert clean_phone(raw) == expected


@pytest.mark.parametrize("raw,expected", [
    ("(202) 514-2007", "+12025142007"),
    ("202-514-2007", "+12025142007"),
    ("202.514.2007", "+12025142007"),
    ("1-866-347-2423", "+18663472423"),
    ("1 (866) 347-2423", "+18663472423"),
    ("1-866-DHS-2-ICE", "+18663472423"),
])
def test_north_american_written_forms(raw, expected):
    assert clean_phone(raw) == expected


def test_the_region_decides_a_number_valid_in_two():
    assert (clean_phone("501-622-4187"), clean_phone("501-622-4187", "US")) == ("+5016224187", "+15016224187")


def test_a_named_region_is_read_before_the_north_american_form():
    assert clean_phone("983-114-5520", named=["MX"]) == "+529831145520"


@pytest.mark.parametrize("raw", ["12", "1234", "hello", "999-99999999999", "4410238817", "2024-03-23",
                                 "CY/0412/2024", "2025142007", "12025142007", "(555) 514-2007", "202 514 2007"])
def test_non_phones_are_rejected(raw):
    assert clean_phone(raw) is None


def test_a_calling_code_outside_the_neighbourhood_needs_a_plus():
    """Read with every calling code, about one 10-12 digit id in ten is a valid number somewhere."""
    assert clean_phone("4930123456") is None and clean_phone("+4930123456") == "+4930123456"


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
