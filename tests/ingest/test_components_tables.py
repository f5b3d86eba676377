"""Tables in notes (issue 13): a subscriber return's row ties its number to the name it is registered to."""
from tests.ingest.conftest import linked

RETURNS = ("| Number | Carrier | Registered subscriber | Address on file |\n|---|---|---|---|\n"
           "| +501 667 2054 | Smart | COCOM LESTER | Benque Viejo del Carmen |\n"
           "| +501 633 1150 | Digi | prepaid, unregistered | - |\n")


def test_a_subscriber_row_ties_the_number_to_its_subscriber(nlp):
    assert ("USES_PHONE", "COCOM LESTER", "+501 667 2054", "workbench.table_reader.v1") in linked(nlp, RETURNS)


def test_an_unregistered_number_is_tied_to_no_one(nlp):
    assert not [r for r in linked(nlp, RETURNS) if r[2] == "+501 633 1150"]


def test_a_table_without_a_holder_column_ties_nothing(nlp):
    text = "| Number | Calls | Minutes |\n|---|---|---|\n| +501 667 2054 | 12 | 40 |\n"
    assert not [r for r in linked(nlp, text) if r[0] == "USES_PHONE"]
