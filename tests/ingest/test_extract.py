"""extract(): streaming records in note coordinates, chunked notes, errors in the stream, JSONL."""
import io

from graph_schema.records import Note
from ingest import extract, read_jsonl, write_jsonl
from ingest.results import Extraction, FileError

TEXT = ('Author: Cpl. Jane Smith\n\nI interviewed Ana Pop at Dangriga.\n\n'
        'Carlos "Flaco" Reyes paid Ana Pop $300 BZD in cash on 12 March 2024.\n\n'
        'Later Reyes called Ana Pop on 622-1234. Flaco lives in Hopkins.')


def _note(note_id="n1", text=TEXT):
    return Note(id=note_id, path=f"{note_id}.txt", text=text, author="Cpl. Jane Smith", case_id="C1")


def test_records_carry_note_offsets_and_evidence(nlp):
    (result,) = extract([_note()], nlp)
    for m in result.mentions:
        assert TEXT[m.start:m.end] == m.text
        assert m.text in m.sentence
    paid = next(r for r in result.relations if r.type == "PAID")
    assert paid.evidence.sentence == TEXT[paid.evidence.start:paid.evidence.end].strip()
    assert paid.evidence.sentence.startswith('Carlos "Flaco" Reyes paid')
    assert paid.evidence.case_id == "C1"


def test_first_person_is_the_author(nlp):
    (result,) = extract([_note()], nlp)
    me = next(m for m in result.mentions if m.text == "I")
    assert (me.canonical, me.props["role"]) == ("Jane Smith", "investigator")
    assert any(r.type == "INVESTIGATED" and r.source == me.id for r in result.relations)


def test_chunked_note_keeps_note_offsets_and_references(nlp):
    """A chunk cannot see the others' words (so the nickname "Flaco" the model tags as a place is
    not recognised alone: the model's place is kept there), but every person found is where the
    whole note has it, and a later surname still gets the full name from an earlier chunk."""
    (whole,) = extract([_note()], nlp)
    (chunked,) = extract([_note()], nlp, chunk_chars=80)
    key = lambda m: (m.label, m.start, m.end, m.canonical)  # noqa: E731
    people = lambda x: {key(m) for m in x.mentions if m.label == "Person"}  # noqa: E731
    assert people(chunked) <= people(whole)
    assert ("Person", 137, 142, "Carlos Reyes") in set(map(key, chunked.mentions))


def test_errors_pass_through_in_order(nlp, tmp_path):
    good = tmp_path / "a.txt"
    good.write_text("Carlos Reyes recruited Maria Lopez in Orange Walk Town.", encoding="utf-8")
    items = list(extract([tmp_path / "missing.txt", good, _note()], nlp))
    assert [type(i) for i in items] == [FileError, Extraction, Extraction]


def test_jsonl_round_trip(nlp):
    items = list(extract([_note("n1"), _note("n2")], nlp)) + [FileError("x.pdf", "[E004] no text")]
    buffer = io.StringIO()
    assert write_jsonl(items, buffer) == 3
    buffer.seek(0)
    assert list(read_jsonl(buffer)) == items
