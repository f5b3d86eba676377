"""The loader against the real local Neo4j: idempotent, versioned, literal, evidence in one call."""
from __future__ import annotations


import pytest

from graph_schema import Mention, Note, load_schema
from tests.factory import ev, r, rel
from workbench.project import to_networkx
from workbench.store.store import Store

pytestmark = pytest.mark.neo4j

HOSTILE = "Robert'); MATCH (n) DETACH DELETE n //`{}\"$x"


def _case(note_id: str = "n1", sentence: str = "Carlos Reyes recruited Ana Lopez at the Sunset Bar."):
    note = Note(id=note_id, path="notes/interview-1.txt", text=sentence, case_id="BZ-1", date="2026-03-14")
    carlos = r("Person", name="Carlos Reyes", role="suspect")
    ana = r("Person", name="Ana Lopez", role="victim")
    evidence = ev(note_id=note_id, sentence=sentence, start=0, end=len(sentence), method="test.recruit",
                  date="2026-03-14")
    recruit = rel("RECRUITED", carlos, ana, evidence)
    mentions = [(Mention(note_id, "Person", "Carlos Reyes", 0, 12, sentence, "ner"), "Person", carlos.key),
                (Mention(note_id, "Person", "Ana Lopez", 23, 32, sentence, "ner"), "Person", ana.key)]
    return note, [carlos, ana], mentions, [recruit]


def _load(store: Store, note, nodes, mentions, rels):
    return store.load(notes=[note], nodes=nodes, mentions=mentions, rels=rels, case_id="BZ-1")


def _snapshot(driver):
    records, _, _ = driver.execute_query(
        "MATCH (n) OPTIONAL MATCH (n)-[r]->(m) "
        "RETURN labels(n) AS l, properties(n) AS p, type(r) AS t, properties(r) AS rp, m.id AS m "
        "ORDER BY n.id, t, m", database_="neo4j")
    return [r.data() for r in records]


@pytest.fixture
def store(neo4j_driver, clean_db):
    return Store(neo4j_driver, schema=load_schema())


def test_loading_twice_changes_nothing(store, neo4j_driver):
    _load(store, *_case())
    first = _snapshot(neo4j_driver)
    _load(store, *_case())
    assert _snapshot(neo4j_driver) == first
    counts = store.counts().set_index("name")["n"].to_dict()
    assert counts["Person"] == 2 and counts["RECRUITED"] == 1 and counts["Evidence"] == 1


def test_relationship_evidence_is_one_call_away(store):
    note, nodes, mentions, rels = _case()
    _load(store, note, nodes, mentions, rels)
    frame = store.evidence(rels[0].id)
    assert list(frame["sentence"]) == [note.text]
    assert frame.loc[0, "path"] == "notes/interview-1.txt" and frame.loc[0, "start"] == 0
    person = store.evidence(f"Person:{nodes[0].key}")
    assert person.loc[0, "text"] == "Carlos Reyes" and person.loc[0, "note_id"] == "n1"


def test_hostile_names_are_stored_literally(store, neo4j_driver):
    note, nodes, mentions, rels = _case()
    nodes.append(r("Person", name=HOSTILE, role="unknown"))
    _load(store, note, nodes, mentions, rels)
    records, _, _ = neo4j_driver.execute_query("MATCH (p:Person) RETURN p.name AS name ORDER BY name",
                                               database_="neo4j")
    assert [x["name"] for x in records] == ["Ana Lopez", "Carlos Reyes", HOSTILE]


def test_a_changed_file_supersedes_its_old_version(store, neo4j_driver):
    _load(store, *_case())
    note, nodes, mentions, rels = _case("n2", "Carlos Reyes met Ana Lopez.")
    _load(store, note, nodes, [], [])
    records, _, _ = neo4j_driver.execute_query(
        "MATCH (n:Note) RETURN n.id AS id, n.superseded_by AS by ORDER BY id", database_="neo4j")
    assert [(x["id"], x["by"]) for x in records] == [("n1", "n2"), ("n2", None)]
    records, _, _ = neo4j_driver.execute_query(
        "MATCH ()-[r:RECRUITED]->() RETURN r.retired AS retired, r.evidence_count AS n", database_="neo4j")
    assert records[0]["retired"] is True and records[0]["n"] == 0
    assert store.evidence(rels[0].id).loc[0, "superseded"]
    assert list(store.edge_rows(case_id="BZ-1")) == []


def test_projection_carries_attributes_and_evidence(store):
    note, nodes, mentions, rels = _case()
    _load(store, note, nodes, mentions, rels)
    G = to_networkx(store.edge_rows(case_id="BZ-1"))
    u, v = f"Person:{nodes[0].key}", f"Person:{nodes[1].key}"
    assert G.nodes[u]["name"] == "Carlos Reyes" and G.nodes[u]["role"] == "suspect"
    assert G.nodes[u]["evidence_count"] == 1 and G.nodes[u]["first_seen"] == "2026-03-14"
    data = G.edges[u, v, rels[0].id]
    assert data["type"] == "RECRUITED" and data["evidence_count"] == 1
    assert data["evidence"][0]["sentence"] == note.text
    around = to_networkx(store.edge_rows(around=u, hops=1))
    assert set(around.nodes) == {u, v}
