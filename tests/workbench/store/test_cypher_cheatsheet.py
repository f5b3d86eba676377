"""docs/cypher-cheatsheet.md: every query runs on the real Neo4j with the sheet's own parameters."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from graph_schema import Mention, Note
from tests.factory import ev, r, rel
from workbench.store.store import Store

pytestmark = pytest.mark.neo4j

SHEET = (Path(__file__).resolve().parents[3] / "docs" / "cypher-cheatsheet.md").read_text(encoding="utf-8")
QUERIES = re.findall(r"```cypher\n(.*?)```", SHEET, flags=re.S)
PARAMS = {name: value for name, value in re.findall(r"^:param (\w+) => '([^']*)'$", SHEET, flags=re.M)}


def test_the_sheet_has_queries_and_their_parameters():
    assert len(QUERIES) >= 8 and set(PARAMS) == {"case", "name", "phone"}
    for query in QUERIES:
        assert set(re.findall(r"\$(\w+)", query)) <= set(PARAMS), query
        assert "'" + PARAMS["name"] + "'" not in query  # values come as parameters, never in the text


@pytest.fixture
def sheet_case(neo4j_driver, clean_db):
    """Carlos Reyes (the sheet's $name), using the sheet's $phone, recruits a victim in the sheet's $case."""
    sentence = "Carlos Reyes recruited Ana Lopez; he uses 622-1234."
    note = Note(id="sheet-note", path="interview.txt", text=sentence, case_id=PARAMS["case"], date="2026-03-14")
    carlos, ana = r("Person", name=PARAMS["name"], role="suspect"), r("Person", name="Ana Lopez", role="victim")
    phone = r("Phone", key=PARAMS["phone"])
    said = ev(note_id=note.id, sentence=sentence, date="2026-03-14", case_id=PARAMS["case"])
    mentions = [(Mention(note.id, "Person", PARAMS["name"], 0, 12, sentence, "ner"), "Person", carlos.key)]
    Store(neo4j_driver).load(notes=[note], nodes=[carlos, ana, phone], mentions=mentions,
                             rels=[rel("RECRUITED", carlos, ana, said), rel("USES_PHONE", carlos, phone, said)],
                             case_id=PARAMS["case"])


@pytest.mark.parametrize("query", QUERIES, ids=[f"query{i}" for i in range(len(QUERIES))])
def test_every_query_runs(neo4j_driver, neo4j_settings, sheet_case, query):
    records, _, _ = neo4j_driver.execute_query(query, PARAMS, database_=neo4j_settings.database)
    assert isinstance(records, list)


def test_the_evidence_query_finds_the_sentence(neo4j_driver, neo4j_settings, sheet_case):
    query = next(q for q in QUERIES if "e.sentence AS sentence" in q)
    records, _, _ = neo4j_driver.execute_query(query, PARAMS, database_=neo4j_settings.database)
    assert {(row["tie"], row["other"]) for row in records} == {("RECRUITED", "Ana Lopez"),
                                                             ("USES_PHONE", PARAMS["phone"])}
    assert {row["note"] for row in records} == {"interview.txt"}
