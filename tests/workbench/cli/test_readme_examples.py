"""The README's examples run as written, on the sample case (issue 14: "the README's examples all work").

Every line of the README's "Working on a real case" block that starts with ``workbench`` is run,
in order, from a folder laid out like the repository (its ``workbench/`` package is linked in,
so the bundled walkthrough is where the README says), against a throw-away local Neo4j that the
block's own ``workbench db start`` starts and ``workbench db stop`` stops. Each line must exit 0
without an exception; a few lines are also checked for what they print or write.
"""
from __future__ import annotations

import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from workbench.cli import app

pytestmark = pytest.mark.neo4j

REPO = Path(__file__).resolve().parents[3]


def readme_commands() -> list[list[str]]:
    """The argument lists of the README block's ``workbench`` lines (comments dropped)."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    block = text.split("## Working on a real case", 1)[1].split("```", 2)[1]
    lines = [line.strip() for line in block.splitlines() if line.strip().startswith("workbench ")]
    return [shlex.split(line, comments=True)[1:] for line in lines]


def test_the_readme_block_is_what_this_test_runs():
    commands = readme_commands()
    assert len(commands) >= 15
    assert commands[0] == ["db", "start"] and commands[-1] == ["db", "stop"]
    assert all(not any(a.isupper() and "_" in a for a in c) for c in commands), "placeholders such as LEFT_ID"


def test_the_readme_examples_run_as_written_on_the_sample_case(lifecycle_settings, tmp_path, monkeypatch):
    settings = lifecycle_settings
    env = {"WORKBENCH_HOME": str(settings.home), "WORKBENCH_BOLT_PORT": str(settings.bolt_port),
           "WORKBENCH_NEO4J_LIB": str(settings.lib_dir), "WORKBENCH_NEO4J_HEAP": "512m",
           "WORKBENCH_NEO4J_PAGECACHE": "128m", "NEO4J_URI": "", "NEO4J_PASSWORD": "",
           "WORKBENCH_ANALYST": "pytest", "COLUMNS": "200"}
    (tmp_path / "workbench").symlink_to(REPO / "workbench", target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    out = {}
    for args in readme_commands():
        result = CliRunner().invoke(app, args, env=env)
        assert result.exception is None or isinstance(result.exception, SystemExit), (args, result.exception)
        assert result.exit_code == 0, (args, result.output[-3000:])
        out[" ".join(args[:2])] = result.stdout
    assert "Carlos Alvarado" in out["find Alvarado"] and "Person:" in out["find Alvarado"]
    assert "not the same" in out["merges decide"]
    assert "needs review" in out["flags --case"]
    assert "Carlos Alvarado" in out["evidence Carlos Alvarado"]
    assert "Neo4j stopped." in out["db stop"]
    for written in ("flags.html", "report/case_report.html", "people.html", "carlos.html", "briefing.html",
                    "i2/entities.csv", "i2/links.csv"):
        assert (tmp_path / written).stat().st_size > 0, written
    audit = out["audit"]
    for action in ("flags.run", "report.html", "view.network", "view.walkthrough", "export.i2"):
        assert action in audit, action
