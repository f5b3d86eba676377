"""The loader's two paths write the same graph (issue 16).

Why: a first load into an empty database CREATEs each fact and computes each relationship's
evidence statistics in Python from the batch; any other load MERGEs and derives them from the
stored Evidence. A resumed or repeated ingest takes the second path, so the two must agree to
the last property. Against the real local Neo4j, on records whose statistics are not trivial:
several evidence sentences per relationship (from two notes, out of id order), dates, methods,
two cases, a relationship given twice, a mention and an evidence sentence given twice.
"""
from __future__ import annotations

import pytest

from graph_schema import Mention, Note, load_schema
from tests.factory import ev, r, rel
from workbench.store.loader import Loader

pytestmark = pytest.mark.neo4j

S1 = "Carlos Reyes recruited Ana Lopez at the Sunset Bar."
S2 = "Ana Lopez said Carlos Reyes recruited her in March."


def _records():
    notes = [Note(id="n1", path="notes/a.txt", text=S1, case_id="BZ-1", date="2026-03-14"),
             Note(id="n2", path="notes/b.txt", text=S2, case_id="BZ-2", date="2026-02-01")]
    carlos, ana = r("Person", name="Carlos Reyes", role="suspect"), r("Person", name="Ana Lopez", role="victim")
    bar = r("Location", name="Sunset Bar")
    recruited = rel("RECRUITED", carlos, ana,
                    ev(note_id="n2", sentence=S2, start=0, end=len(S2), method="rule.b", confidence=0.7),
                    ev(note_id="n1", sentence=S1, start=0, end=len(S1), method="rule.a", confidence=0.9,
                       date="2026-03-14"),
                    ev(note_id="n1", sentence=S1, start=0, end=12, method="rule.b", confidence=0.4))
    bare = rel("ASSOCIATED_WITH", carlos, ana)  # its evidence (of a note not loaded) is never given
    mentions = [(Mention("n1", "Person", "Carlos Reyes", 0, 12, S1, "ner"), "Person", carlos.key),
                (Mention("n1", "Person", "Ana Lopez", 23, 32, S1, "ner"), "Person", ana.key),
                (Mention("n2", "Person", "Ana Lopez", 0, 9, S2, "ner"), "Person", ana.key)]
    return notes, [carlos, ana, bar], mentions, [recruited, bare]


def _load(driver, *, fresh: bool | None, batch_size: int) -> Loader:
    notes, nodes, mentions, rels = _records()
    loader = Loader(driver, load_schema(), batch_size=batch_size)
    loader.fresh = fresh  # None: decided by the database (empty here, so the first-load path)
    loader.notes(notes)
    loader.nodes(nodes)
    for note in notes:
        own = [m for m in mentions if m[0].note_id == note.id]
        evidence = [(x.id, x.type, e) for x in rels for e in x.evidence if e.note_id == note.id]
        loader.note_facts(own + own[:1], evidence + evidence[:1])  # the first of each given twice
        loader.note_done(note.id)
    loader.rels(rels + rels[:1])
    loader.finish()
    return loader


def _snapshot(driver):
    nodes, _, _ = driver.execute_query(
        "MATCH (n) RETURN labels(n) AS l, n.id AS id, properties(n) AS p ORDER BY id", database_="neo4j")
    rels, _, _ = driver.execute_query(
        "MATCH (a)-[r]->(b) RETURN type(r) AS t, r.id AS id, a.id AS a, b.id AS b, properties(r) AS p ORDER BY id",
        database_="neo4j")
    strip = lambda p: {k: v for k, v in p.items() if k != "ingested_at"}  # noqa: E731
    return [(x["l"], x["id"], strip(x["p"])) for x in nodes], [x.data() for x in rels]


def _wipe(driver):
    driver.execute_query("MATCH (n) DETACH DELETE n", database_="neo4j")


@pytest.mark.parametrize("batch_size", [1, 1000])
def test_a_first_load_writes_the_graph_the_merge_path_writes(neo4j_driver, clean_db, batch_size):
    assert _load(neo4j_driver, fresh=None, batch_size=batch_size).fresh is True
    first = _snapshot(neo4j_driver)
    _wipe(neo4j_driver)
    _load(neo4j_driver, fresh=False, batch_size=batch_size)
    assert _snapshot(neo4j_driver) == first
    recruited = next(x["p"] for x in first[1] if x["t"] == "RECRUITED")
    assert recruited["evidence_count"] == 3 and recruited["confidence"] == 0.9
    assert recruited["case_ids"] and recruited["first_seen"] == "2026-02-01" and recruited["last_seen"] == "2026-03-14"


def test_a_second_load_takes_the_merge_path_and_changes_nothing(neo4j_driver, clean_db):
    _load(neo4j_driver, fresh=None, batch_size=1000)
    first = _snapshot(neo4j_driver)
    assert _load(neo4j_driver, fresh=None, batch_size=1000).fresh is False
    assert _snapshot(neo4j_driver) == first
