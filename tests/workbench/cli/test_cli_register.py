"""The officials register's matches are rows of the decision log, like merges (issue 17).

Real Neo4j, real command line: ``workbench flags --register`` appends what the matcher decided on
its own (once), and an analyst's later decision on the same pair wins over the score.
"""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from graph_schema import Note
from ingest.judgements import DecisionLog
from tests.factory import case_records
from workbench.cli import app
from workbench.flags.officials import REGISTER_MATCHER, register_id
from workbench.store.store import Store

pytestmark = pytest.mark.neo4j


@pytest.fixture
def env(neo4j_settings, neo4j_driver, clean_db):
    nodes, rels = case_records()
    note = Note(id="note-1", path="a.txt", text="", case_id="BZ-1", date="2026-03-14", author="Cpl. Andrea Pook")
    Store(neo4j_driver).load(notes=[note], nodes=nodes, mentions=[], rels=rels, case_id="BZ-1")
    (neo4j_settings.home / "decisions.jsonl").unlink(missing_ok=True)
    return {"WORKBENCH_HOME": str(neo4j_settings.home), "WORKBENCH_BOLT_PORT": str(neo4j_settings.bolt_port),
            "WORKBENCH_NEO4J_LIB": str(neo4j_settings.lib_dir), "NEO4J_URI": "", "WORKBENCH_ANALYST": "tester",
            "COLUMNS": "200"}


def _flags(env, register):
    result = CliRunner().invoke(app, ["flags", "--case", "BZ-1", "--register", str(register)], env=env)
    assert result.exit_code == 0, result.output
    return result.output


def test_register_matches_are_logged_once_and_analysts_overrule_them(env, neo4j_settings, tmp_path):
    register = tmp_path / "officials.csv"
    register.write_text("name,agency,rank\nCarlos Reyes,Police,Cpl.\n", encoding="utf-8")
    log = DecisionLog(neo4j_settings.home / "decisions.jsonl")
    _flags(env, register)
    _flags(env, register)
    rows = [json.loads(line) for line in log.path.read_text(encoding="utf-8").splitlines()]
    assert [(r["judgement"], r["user"]) for r in rows] == [("positive", REGISTER_MATCHER)]
    carlos = case_records()[0][0].key
    assert {rows[0]["left"], rows[0]["right"]} == {register_id("Carlos Reyes"), carlos}
    log.decide(register_id("Carlos Reyes"), carlos, same=False, user="ana")
    _flags(env, register)
    assert [(d.judgement.value, d.user) for d in log.current()] == [("negative", "ana")]
