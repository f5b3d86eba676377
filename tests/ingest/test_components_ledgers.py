"""Ledger lines (issue 13): each line a payment to the person it names first, paid by the book's keeper."""
from tests.ingest.conftest import linked

BOOK = ("I examined exhibit HB-03, a receipt book, taken by Sgt. Pech from the handbag of Marleny Zelaya Cáceres.\n\n"
        "  No. 2211   dom 07/04   Sarge ..................... 300\n"
        "  No. 2212   lun 08/04   Skinny semana ............. 250\n"
        "  No. 2222   jue 25/04   luz BEL ................... 380\n")


def test_a_ledger_line_is_a_payment_to_the_name_it_lists(nlp):
    relations = linked(nlp, BOOK)
    assert ("PAID_TO", "300", "Sarge", "workbench.ledger_lines.v1") in relations
    assert ("PAID_TO", "250", "Skinny", "workbench.ledger_lines.v1") in relations


def test_the_keeper_of_the_book_is_the_payer(nlp):
    assert ("PAID", "Marleny Zelaya Cáceres", "300", "workbench.ledger_lines.v1:keeper") in linked(nlp, BOOK)


def test_an_expense_line_pays_no_person(nlp):
    assert not [r for r in linked(nlp, BOOK) if r[0] == "PAID_TO" and r[1] == "380"]


def test_the_line_date_takes_the_note_year(nlp):
    doc = nlp.make_doc(BOOK)
    doc.user_data["wb_note_date"] = "2024-04-28"
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    dates = {m["props"].get("date") for m in doc._.wb_mentions if m["method"] == "workbench.ledger_lines.v1"}
    assert "2024-04-07" in dates


def test_one_dotted_form_field_is_no_ledger(nlp):
    text = "Received by: 12/04 Carlos Pop ............ 300\nSigned."
    assert not [r for r in linked(nlp, text) if r[3].startswith("workbench.ledger_lines")]
