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


def test_without_a_note_date_the_line_takes_the_year_the_transcription_names(nlp):
    """A transcription with no dated header says which period it copies ("the entries for May 2023")."""
    doc = nlp("I copied the entries for May 2023 as they are written.\n\n"
              "  No. 31   dom 07/05   Sarge .................... 200\n"
              "  No. 32   dom 14/05   Sarge .................... 200\n")
    dates = sorted(m["props"].get("date") for m in doc._.wb_mentions if m["method"] == "workbench.ledger_lines.v1")
    assert dates == ["2023-05-07", "2023-05-14"]


def test_no_year_anywhere_leaves_the_line_undated(nlp):
    dates = {m["props"].get("date") for m in nlp(BOOK)._.wb_mentions if m["method"] == "workbench.ledger_lines.v1"}
    assert dates == {None}
