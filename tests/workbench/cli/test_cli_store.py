"""The analysis commands end to end: a small case in the real Neo4j, the real command line."""
from __future__ import annotations

import pytest
from typer.testing import CliRunner

from graph_schema import Note
from tests.factory import case_records
from workbench.cli import app
from workbench.project import node_id
from workbench.store.store import Store

pytestmark = pytest.mark.neo4j


@pytest.fixture
def env(neo4j_settings, neo4j_driver, clean_db):
    nodes, rels = case_records()
    note = Note(id="note-1", path="a.txt", text="", case_id="BZ-1", date="2026-03-14", author="Cpl. Andrea Pook")
    Store(neo4j_driver).load(notes=[note], nodes=nodes, mentions=[], rels=rels, case_id="BZ-1")
    return {"WORKBENCH_HOME": str(neo4j_settings.home), "WORKBENCH_BOLT_PORT": str(neo4j_settings.bolt_port),
            "WORKBENCH_NEO4J_LIB": str(neo4j_settings.lib_dir), "NEO4J_URI": "", "WORKBENCH_ANALYST": "tester", "COLUMNS": "200"}


def _run(env, *args):
    result = CliRunner().invoke(app, list(args), env=env)
    assert result.exit_code == 0, result.output
    return result.output


def test_views_walkthroughs_and_exports_are_written_and_audited(env, tmp_path):
    carlos = node_id("Person", case_records()[0][0].key)
    walk = tmp_path / "walk.yaml"
    walk.write_text("title: W\nsteps:\n  - title: One\n    entities: [Carlos Reyes]\n", encoding="utf-8")
    _run(env, "view", "--case", "BZ-1", "--out", str(tmp_path / "v.html"))
    _run(env, "view", "--around", carlos, "--hops", "1", "--people", "--out", str(tmp_path / "p.html"))
    _run(env, "walkthrough", str(walk), "--case", "BZ-1", "--out", str(tmp_path / "w.html"))
    _run(env, "export", "--case", "BZ-1", "--format", "i2", "--out", str(tmp_path / "i2"))
    _run(env, "export", "--case", "BZ-1", "--format", "graphml", "--out", str(tmp_path / "g.graphml"))
    page = (tmp_path / "v.html").read_text(encoding="utf-8")
    assert "Ana Lopez" not in page and "Victim 1" in page
    assert "Ana Lopez" not in (tmp_path / "i2" / "entities.csv").read_text(encoding="utf-8")
    audit = _run(env, "audit")
    for action in ("view.network", "view.walkthrough", "export.i2", "export.graphml"):
        assert action in audit


def test_flags_key_players_evidence_and_report(env, tmp_path):
    flags = _run(env, "flags", "--case", "BZ-1", "--out", str(tmp_path / "flags.html"))
    rows = [line for line in flags.splitlines() if line.startswith("| ") and not line.startswith("| #")]
    assert "Mario Castillo" in flags and "needs review" in flags
    assert not [row for row in rows if "Andrea Pook" in row]  # the note's author is cited, never flagged
    assert "Carlos Reyes" in _run(env, "key-players", "--case", "BZ-1")
    carlos_recruited = case_records()[1][0].id
    assert "A sentence." in _run(env, "evidence", carlos_recruited)
    _run(env, "report", "--case", "BZ-1", "--out", str(tmp_path / "report"))
    assert (tmp_path / "report" / "case_report.html").stat().st_size > 10_000


def test_write_back_puts_scores_on_the_person_nodes(env, neo4j_settings, neo4j_driver):
    from workbench.api import Workbench

    wb = Workbench(neo4j_settings, Store(neo4j_driver))
    assert wb.write_back("BZ-1") == 3  # the investigator is not part of the person network
    records, _, _ = neo4j_driver.execute_query(
        "MATCH (p:Person) WHERE p.score_rank IS NOT NULL RETURN p.name AS name, p.score_rank AS rank, "
        "p.community AS community ORDER BY rank", database_="neo4j")
    assert records[0]["name"] == "Carlos Reyes" and all(r["community"] >= 0 for r in records)
