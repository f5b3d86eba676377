"""A note too long for one pass of the model (issue 18): read chunk by chunk, offsets in the note's own
coordinates, and the notes around it extracted as if it were not there."""
from __future__ import annotations

from graph_schema.records import Note
from ingest import extract
from ingest.errors import code_of
from ingest.results import FileError

PARAGRAPH = ("Carlos Reyes paid Ana Pop $300 BZD at the Blue Moon bar in Benque Viejo on 12 March 2024.\n\n"
             "Later Reyes called Ana Pop on 622-1234.\n\n")


def _note(note_id: str, text: str) -> Note:
    return Note(id=note_id, path=f"{note_id}.txt", text=text, case_id="C1")


def _records(extraction):
    return ({(m.label, m.start, m.end, m.text, m.key) for m in extraction.mentions},
            {(r.type, r.evidence.start, r.evidence.end) for r in extraction.relations})


def test_chunks_keep_offsets_in_the_whole_note(nlp):
    text = PARAGRAPH * 12
    (result,) = extract([_note("long", text)], nlp, chunk_chars=400)
    phones = [m for m in result.mentions if m.label == "Phone"]
    assert len(phones) == 12 and phones[-1].start > len(text) - len(PARAGRAPH)
    for m in result.mentions:
        assert text[m.start:m.end] == m.text and m.sentence in text
    for r in result.relations:
        assert r.evidence.sentence == text[r.evidence.start:r.evidence.end].strip()


def test_notes_around_a_long_note_are_unchanged_and_in_order(nlp):
    before, after = _note("a", PARAGRAPH), _note("c", "Ana Pop was moved to Orange Walk Town by Reyes.")
    alone = [_records(x) for x in extract([before, after], nlp)]
    results = list(extract([before, _note("b", PARAGRAPH * 6), after], nlp, chunk_chars=400))
    assert [r.note.id for r in results] == ["a", "b", "c"]
    assert [_records(results[0]), _records(results[2])] == alone


def test_a_batch_cut_by_characters_reads_the_same(nlp):
    notes = [_note(f"n{i}", PARAGRAPH * (1 + i % 3)) for i in range(6)]
    whole = [_records(x) for x in extract(notes, nlp)]
    assert [_records(x) for x in extract(notes, nlp, batch_size=4, batch_chars=500)] == whole


def test_a_note_over_the_ceiling_is_refused_naming_it_and_the_rest_goes_on(nlp):
    results = list(extract([_note("huge", PARAGRAPH * 20), _note("small", PARAGRAPH)], nlp, max_chars=1000))
    error, small = results
    assert isinstance(error, FileError) and code_of(error.message) == "E024"
    assert str(error).startswith("huge.txt: [E024] note too long to extract (2,") and "\n" not in str(error)
    assert small.note.id == "small" and small.mentions
