"""Names instead of ids on the command line (issue 14, part 2): find, names as arguments, note sources.

Against the real Neo4j holding the small case of ``small_case.py``.
"""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from tests.workbench.cli.small_case import NOTE_ID, SOURCE
from workbench.cli import app

pytestmark = pytest.mark.neo4j


def _run(env, *args, code=0):
    result = CliRunner().invoke(app, list(args), env=env)
    assert result.exit_code == code, result.output
    return result


def test_find_lists_name_label_role_case_and_id(cli_env):
    out = _run(cli_env, "find", "Reyes").stdout
    carlos = next(line for line in out.splitlines() if "Carlos Reyes" in line)
    assert "Person" in carlos and "suspect" in carlos and "BZ-1" in carlos and "Person:" in carlos
    assert "Luis Reyes" in out


def test_find_forgives_a_typo_and_finds_a_number_by_its_digits(cli_env):
    assert "Carlos Reyes" in _run(cli_env, "find", "Carlos Reyse").stdout
    assert "Phone:+5016221234" in _run(cli_env, "find", "622 1234").stdout


def test_find_shows_victims_by_pseudonym_unless_revealed_and_audits_the_reveal(cli_env):
    hidden = _run(cli_env, "find", "Lopez", "--case", "BZ-1").stdout
    assert "Victim 1" in hidden and "Ana Lopez" not in hidden and "Jose Lopez" in hidden
    shown = _run(cli_env, "find", "Lopez", "--reveal").stdout
    assert "Ana Lopez" in shown
    assert "find" in _run(cli_env, "audit").stdout


def test_an_ambiguous_name_lists_the_choices_by_pseudonym_and_exits_2(cli_env):
    result = _run(cli_env, "evidence", "Lopez", code=2)
    lines = result.stderr.splitlines()
    assert lines[0].startswith("error: [W403] 'Lopez' matches 2 entities")
    assert any("Jose Lopez" in line and "Person:" in line for line in lines[1:])
    assert any("Victim 1" in line for line in lines[1:]) and "Ana Lopez" not in result.stderr


def test_evidence_takes_a_name_or_a_pseudonym_and_cites_the_note_by_file(cli_env):
    by_name = _run(cli_env, "evidence", "carlos reyes").stdout
    assert "Carlos Reyes recruited" in by_name and "interview_0314.txt" in by_name and NOTE_ID not in by_name
    victim = _run(cli_env, "evidence", "Victim 1", "--case", "BZ-1").stdout
    assert "Carlos Reyes recruited Victim 1 in Chetumal." in victim and "Ana Lopez" not in victim
    assert "Carlos Reyes recruited Ana Lopez" in _run(cli_env, "evidence", "Victim 1", "--reveal").stdout


def test_view_and_export_around_a_name(cli_env, tmp_path):
    _run(cli_env, "view", "--around", "Carlos Reyes", "--hops", "1", "--out", str(tmp_path / "v.html"))
    page = (tmp_path / "v.html").read_text(encoding="utf-8")
    assert "Sunset Bar" in page and "Mario Castillo" not in page  # one hop: the bar, not the sergeant
    _run(cli_env, "export", "--around", "Victim 1", "--hops", "1", "--format", "graphml",
         "--out", str(tmp_path / "g.graphml"))
    assert "Carlos Reyes" in (tmp_path / "g.graphml").read_text(encoding="utf-8")


def test_merges_decide_takes_names_and_records_the_keys(cli_env, neo4j_settings, small_case):
    from tests.workbench.cli.small_case import _records

    out = _run(cli_env, "merges", "decide", "Carlos Reyes", "Luis Reyes", "--not-same").stdout
    assert "not the same" in out
    carlos, luis = (n.key for n in _records()[0][:2])
    last = json.loads((neo4j_settings.home / "decisions.jsonl").read_text(encoding="utf-8").splitlines()[-1])
    assert {last["left"], last["right"]} == {carlos, luis}


def test_views_and_the_report_cite_notes_by_file_type_author_and_date(cli_env, tmp_path):
    _run(cli_env, "view", "--case", "BZ-1", "--out", str(tmp_path / "v.html"))
    _run(cli_env, "report", "--case", "BZ-1", "--out", str(tmp_path / "report"))
    for page in (tmp_path / "v.html", tmp_path / "report" / "case_report.html"):
        text = page.read_text(encoding="utf-8")
        assert SOURCE in text and NOTE_ID not in text, page.name


def test_report_prints_no_warnings(cli_env, tmp_path):
    result = _run(cli_env, "report", "--case", "BZ-1", "--out", str(tmp_path / "report"))
    assert "Warning" not in result.stderr and result.stderr.strip() == ""
