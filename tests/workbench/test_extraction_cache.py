"""The extraction cache gives back exactly what was put, whole or in parts that never split a relation."""
from __future__ import annotations

from graph_schema.records import Evidence, Mention, Note, Relation
from ingest.results import Extraction, FileError
from workbench.extraction_cache import ExtractionCache


def _export(rows: int) -> Extraction:
    """A call-record export: per row a call between two phones, as the CSV reader gives it."""
    note = Note(id="calls", path="calls.csv", text="")
    mentions, relations = [], []
    for row in range(rows):
        line = f"row {row}: +501622{row:04d} called +501633{row:04d}"
        start = row * 100
        caller = Mention("calls", "Phone", f"+501622{row:04d}", start, start + 12, line, "csv")
        call = Mention("calls", "Call", "called", start + 13, start + 19, line, "csv", key=f"call-{row}")
        callee = Mention("calls", "Phone", f"+501633{row:04d}", start + 20, start + 32, line, "csv")
        mentions += [caller, call, callee]
        evidence = Evidence("calls", line, start, start + 32, "csv")
        relations += [Relation("CALLED", caller.id, call.id, evidence), Relation("CALL_TO", call.id, callee.id, evidence)]
    return Extraction(note, tuple(mentions), tuple(relations), (FileError("calls.csv", "bad date", 7),))


def test_a_cached_extraction_comes_back_whole(tmp_path):
    cache, extraction = ExtractionCache(tmp_path, "fp"), _export(20)
    assert extraction.note not in cache and cache.get(extraction.note) is None
    cache.put(extraction)
    back = cache.get(extraction.note)
    assert sorted(back.mentions, key=lambda m: m.id) == sorted(extraction.mentions, key=lambda m: m.id)
    assert sorted(back.relations, key=lambda r: (r.source, r.type)) == \
        sorted(extraction.relations, key=lambda r: (r.source, r.type))
    assert back.errors == extraction.errors


def test_a_large_extraction_comes_in_parts_that_each_hold_the_mentions_of_their_relations(tmp_path):
    cache, extraction = ExtractionCache(tmp_path, "fp"), _export(100)
    cache.put(extraction)
    parts = list(cache.parts(extraction.note, size=48))
    assert len(parts) == 10  # 5 records a row: a part is cut after the row that brings it to 48 or more
    for part in parts:
        ids = {m.id for m in part.mentions}
        assert all(r.source in ids and r.target in ids for r in part.relations)
    assert sum(len(p.mentions) for p in parts) == 300 and sum(len(p.relations) for p in parts) == 200
    assert [len(p.errors) for p in parts] == [0] * 9 + [1]


def test_an_empty_note_is_one_empty_part(tmp_path):
    cache, note = ExtractionCache(tmp_path, "fp"), Note(id="empty", path="empty.txt", text="")
    cache.put(Extraction(note))
    assert [(p.mentions, p.relations, p.errors) for p in cache.parts(note)] == [((), (), ())]
