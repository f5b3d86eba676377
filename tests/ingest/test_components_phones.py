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
