"""Money: amount as float, ISO currency, channel from the sentence."""
import pytest

from tests.ingest.conftest import found


@pytest.mark.parametrize("written, amount, currency", [
    ("BZ$400", 400.0, "BZD"), ("BZD 1,200", 1200.0, "BZD"), ("300 Belize dollars", 300.0, "BZD"),
    ("US$350", 350.0, "USD"), ("USD 300.00", 300.0, "USD"), ("5,000 MXN", 5000.0, "MXN"),
    ("Q1,800", 1800.0, "GTQ"), ("900 quetzales", 900.0, "GTQ"), ("$400 BZD", 400.0, "BZD"),
    ("400 dollars", 400.0, "BZD"), ("$250 USD", 250.0, "USD"), ("L.9,000.00", 9000.0, "HNL"),
])
def test_amount_and_currency(nlp, written, amount, currency):
    (money,) = found(nlp, f"Reyes paid her {written} last week.", "Payment")
    assert (money["start"], money["end"], money["props"]["amount"], money["props"]["currency"]) == (
        15, 15 + len(written), amount, currency)
    assert money["method"] == "workbench.money_matcher.v1"


@pytest.mark.parametrize("sentence, channel", [
    ("He sent BZ$500 by Western Union.", "Western Union"), ("She paid $200 in cash.", "cash"),
    ("The $900 went by E-Kyash.", "E-Kyash"), ("He wired US$1,000 to her account.", "bank transfer"),
])
def test_channel(nlp, sentence, channel):
    (money,) = found(nlp, sentence, "Payment")
    assert money["props"]["channel"] == channel


def test_date_from_sentence(nlp):
    (money,) = found(nlp, "On 12 March 2024 he paid her $300.", "Payment")
    assert money["props"]["date"] == "2024-03-12"



def test_mexican_pesos_written_out_are_mxn(nlp):
    """Regression (sample seed 2): "7,500 Mexican pesos" was read as Belize dollars."""
    (money,) = found(nlp, "She paid 7,500 Mexican pesos to the driver.", "Payment")
    assert (money["props"]["amount"], money["props"]["currency"]) == (7500.0, "MXN")


def test_lempiras_with_a_spaced_l_prefix(nlp):
    """Regression (sample seed 2): "L 5,000" (Honduran lempiras, a space after the L) was missed."""
    (money,) = found(nlp, "Her mother sent L 5,000 by Western Union.", "Payment")
    assert (money["props"]["amount"], money["props"]["currency"]) == (5000.0, "HNL")


def test_a_letter_l_before_a_plain_number_is_not_money(nlp):
    assert found(nlp, "The car was parked in row L 5 of the lot.", "Payment") == []


def test_a_bare_dollar_sign_is_belize_dollars_in_a_belize_note(nlp):
    (money,) = found(nlp, "ATIPU found that Reyes paid $300 for the room.", "Payment")
    assert (money["text"], money["props"]["currency"]) == ("$300", "BZD")


def test_a_bare_dollar_sign_is_us_dollars_in_a_us_text(nlp):
    (money,) = found(nlp, "The U.S. Attorney said he was ordered to pay $292,000 in restitution.", "Payment")
    assert (money["text"], money["props"]["amount"], money["props"]["currency"]) == ("$292,000", 292000.0, "USD")


def test_region_set_by_the_caller_decides_the_dollar(nlp):
    doc = nlp.make_doc("He paid $300 for the room.")
    doc.user_data["wb_region"] = "US"
    (money,) = [m for m in nlp(doc)._.wb_mentions if m["label"] == "Payment"]
    assert money["props"]["currency"] == "USD"


def test_an_explicit_belize_dollar_stays_in_a_us_text(nlp):
    (money,) = found(nlp, "A federal judge heard that she was paid BZ$500 a week.", "Payment")
    assert (money["text"], money["props"]["currency"]) == ("BZ$500", "BZD")


def test_cents_are_part_of_the_amount_as_written(nlp):
    (money,) = found(nlp, "He must pay $964,175.60 in restitution.", "Payment")
    assert (money["text"], money["props"]["amount"]) == ("$964,175.60", 964175.6)


def test_both_ends_of_a_range_are_amounts_in_the_written_currency(nlp):
    first, second = found(nlp, "Migrants paid $10,000 to 12,000 USD for the journey.", "Payment")
    assert (first["text"], first["props"]["currency"], second["text"], second["props"]["currency"]) == (
        "$10,000", "USD", "12,000 USD", "USD")


def test_a_second_amount_after_and_is_not_a_range(nlp):
    first, second = found(nlp, "Reyes paid $500 and she sent 300 USD.", "Payment")
    assert (first["props"]["currency"], second["props"]["currency"]) == ("BZD", "USD")


def test_an_envelope_handed_over_is_a_payment_without_an_amount(nlp):
    """Issue 13: payments without an amount ("an envelope") are payments."""
    (payment,) = [m for m in found(nlp, "At the rear door Chino hands Sosa a white envelope.") if m["label"] == "Payment"]
    assert (payment["text"], payment["props"].get("amount"), payment["props"]["form"]) == (
        "white envelope", None, "white envelope")


def test_an_envelope_of_documents_in_a_safe_is_no_payment(nlp):
    assert not [m for m in found(nlp, "The passports were kept in a sealed envelope in the safe.") if m["label"] == "Payment"]
