"""Operations a note dates and times (issue 13: calls before an operation need its time)."""
from graph_schema.records import Note
from ingest import extract
from tests.ingest.conftest import found, linked


def test_an_entry_with_its_date_and_time_is_an_operation_on_its_target(nlp):
    text = "On Friday 22nd March 2024 at 22:15 hrs the Op LUNA team entered Bar Luna Maya, Santa Elena."
    (op,) = found(nlp, text, "Operation")
    assert (op["props"]["at"], op["props"]["kind"], op["props"]["name"]) == ("2024-03-22T22:15", "raid", "Op LUNA")
    assert ("TARGETED", "22:15 hrs", "Bar Luna Maya", "workbench.operation_finder.v1") in linked(nlp, text)


def test_an_h_hour_takes_the_note_date(nlp):
    note = Note(id="n1", path="order.md", text="Briefing 20:30 hrs. Move 21:30. H-hour 22:15.", date="2024-03-22")
    (result,) = extract([note], nlp)
    assert [m.props["at"] for m in result.mentions if m.label == "Operation"] == ["2024-03-22T22:15"]


def test_a_time_without_an_operation_word_is_no_operation(nlp):
    assert not found(nlp, "22:47 M/Mestizo 50s stocky arrived on foot from the bridge.", "Operation")
