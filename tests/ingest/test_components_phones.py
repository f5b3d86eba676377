"""Phones: every regional form proposed by the regex and decided by clean_phone."""
import pytest

from tests.ingest.conftest import found

METHOD = "workbench.phone_matcher.v1"


@pytest.mark.parametrize("written, e164", [
    ("622-1234", "+5016221234"),
    ("6221234", "+5016221234"),
    ("+501 622 1234", "+5016221234"),
    ("(501) 622-1234", "+5016221234"),
    ("501-622-1234", "+5016221234"),
    ("+52 983 123 4567", "+529831234567"),
    ("+502 5123 4567", "+50251234567"),
    ("+504 9123 4567", "+50491234567"),
    ("+1 956 712 3456", "+19567123456"),
])
def test_phone_forms(nlp, written, e164):
    text = f"Reyes gave his number as {written} to the witness."
    (phone,) = found(nlp, text, "Phone")
    assert (phone["key"], phone["start"], phone["end"], phone["method"]) == (e164, 25, 25 + len(written), METHOD)


def test_whatsapp_number_is_marked(nlp):
    (phone,) = found(nlp, "She messaged him on WhatsApp at 633-4567.", "Phone")
    assert phone["props"]["whatsapp"] is True and phone["key"] == "+5016334567"


def test_rejected_candidate_is_dropped(nlp):
    assert found(nlp, "Case BZ-TIP-2026-035 was opened on 12 03 2024.", "Phone") == []


@pytest.mark.parametrize("written, e164", [
    ("502 4718 2290", "+50247182290"),
    ("50247182290", "+50247182290"),
    ("504 9871 2043", "+50498712043"),
    ("52 983 114 5520", "+529831145520"),
    ("00529831145520", "+529831145520"),
    ("00 52 983 114 5520", "+529831145520"),
])
def test_neighbour_calling_code_without_plus(nlp, written, e164):
    text = f"Reyes gave his number as {written} to the witness."
    (phone,) = found(nlp, text, "Phone")
    assert (phone["key"], phone["text"], phone["start"], phone["method"]) == (e164, written, 25, METHOD)


@pytest.mark.parametrize("written, e164", [
    ("(202) 514-2007", "+12025142007"),
    ("202-514-2007", "+12025142007"),
    ("1-866-347-2423", "+18663472423"),
    ("1-866-DHS-2-ICE", "+18663472423"),
])
def test_north_american_written_forms(nlp, written, e164):
    text = f"Reyes gave his number as {written} to the witness."
    (phone,) = found(nlp, text, "Phone")
    assert (phone["key"], phone["text"], phone["start"], phone["method"]) == (e164, written, 25, METHOD)


def test_a_named_neighbour_wins_over_the_north_american_reading(nlp):
    (phone,) = found(nlp, "The Chetumal number 983-114-5520 rang twice.", "Phone")
    assert (phone["key"], phone["text"]) == ("+529831145520", "983-114-5520")


def test_belize_code_with_dashes_is_belizean_in_a_belize_note(nlp):
    (phone,) = found(nlp, "ATIPU recorded 501-622-4187 as the bar's number.", "Phone")
    assert phone["key"] == "+5016224187"


def test_belize_code_with_dashes_is_arkansas_in_a_us_text(nlp):
    (phone,) = found(nlp, "The U.S. Attorney's Office in Little Rock is at 501-622-4187.", "Phone")
    assert (phone["key"], phone["text"]) == ("+15016224187", "501-622-4187")


def test_region_set_by_the_caller_decides(nlp):
    doc = nlp.make_doc("He gave 501-622-4187 as his number.")
    doc.user_data["wb_region"] = "US"
    (phone,) = [m for m in nlp(doc)._.wb_mentions if m["label"] == "Phone"]
    assert phone["key"] == "+15016224187"


def test_ten_bare_digits_are_a_us_number_in_a_us_text(nlp):
    (phone,) = found(nlp, "A federal judge heard that he called 2025142007 daily.", "Phone")
    assert (phone["key"], phone["text"]) == ("+12025142007", "2025142007")


def test_seven_digits_are_not_a_belize_number_in_a_us_text(nlp):
    assert found(nlp, "A federal judge heard that he called 514-2007 daily.", "Phone") == []


def test_belize_number_named_in_a_us_text(nlp):
    (phone,) = found(nlp, "A federal judge heard that he called a Belize number, 622-4187.", "Phone")
    assert phone["key"] == "+5016224187"


def test_brackets_around_the_whole_number_are_not_its_text(nlp):
    (phone,) = found(nlp, "Her phone (650-8812) was seized.", "Phone")
    assert (phone["text"], phone["start"], phone["end"]) == ("650-8812", 11, 19)


def test_a_closing_bracket_after_the_number_is_not_its_text(nlp):
    (phone,) = found(nlp, "The owner (Ku, 663-1984) paid.", "Phone")
    assert (phone["text"], phone["key"]) == ("663-1984", "+5016631984")


@pytest.mark.parametrize("sentence", [
    "Case CY/0412/2024 was opened at San Ignacio.",
    "The raid took place on 2024-03-23 at night.",
    "Western Union receipt 4410238817 was found in her bag.",
    "He paid BZ$ 5,000 for the room.",
    "The tip line 1-800-for-help is not a number.",
])
def test_near_misses_are_not_phones(nlp, sentence):
    assert found(nlp, sentence, "Phone") == []


def test_an_opening_bracket_before_the_number_is_not_its_text(nlp):
    (first, second) = found(nlp, "Her phones (650-8812 and 612-9037) were seized.", "Phone")
    assert (first["text"], first["start"], second["text"]) == ("650-8812", 12, "612-9037")
