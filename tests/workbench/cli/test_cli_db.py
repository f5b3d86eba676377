"""``workbench db`` end to end on its own server: start (with migrate), status, stop, errors."""
from __future__ import annotations

import pytest
from typer.testing import CliRunner

from workbench.cli import app
from workbench.cli import db as db_cli
from workbench.settings import Settings
from workbench.store import stop

runner = CliRunner()


def _env(settings: Settings) -> dict[str, str]:
    """The CLI reads the environment; blank NEO4J_* so a developer's .env cannot redirect it."""
    return {"WORKBENCH_HOME": str(settings.home), "WORKBENCH_BOLT_PORT": str(settings.bolt_port),
            "WORKBENCH_NEO4J_LIB": str(settings.lib_dir), "WORKBENCH_NEO4J_HEAP": settings.heap,
            "WORKBENCH_NEO4J_PAGECACHE": settings.pagecache, "NEO4J_URI": "", "NEO4J_PASSWORD": ""}


def test_every_command_has_an_example():
    for command in db_cli.app.registered_commands:
        assert "Example: workbench db " in (command.callback.__doc__ or ""), command.callback.__name__


def _pid(output: str) -> str:
    """The server's pid as the start message prints it: "(pid 1234, 12.3 s)"."""
    return output.split("(pid ", 1)[1].split(",", 1)[0]


@pytest.mark.neo4j
def test_start_status_stop(lifecycle_settings):
    settings = lifecycle_settings
    env = _env(settings)
    try:
        started = runner.invoke(app, ["db", "start"], env=env)
        assert started.exit_code == 0, started.output
        assert "Neo4j is running at" in started.output and "constraints/indexes created" in started.output
        again = runner.invoke(app, ["db", "start"], env=env)
        assert again.exit_code == 0 and _pid(started.output) == _pid(again.output)
        assert "Schema: 0 constraints/indexes created." in again.output
        shown = runner.invoke(app, ["db", "status"], env=env)
        assert shown.exit_code == 0 and "5.26." in shown.output and "community" in shown.output
        stopped = runner.invoke(app, ["db", "stop"], env=env)
        assert stopped.exit_code == 0 and "Neo4j stopped." in stopped.output
        after = runner.invoke(app, ["db", "status"], env=env)
        assert after.exit_code == 0 and "False" in after.output
    finally:
        stop(settings)


def test_errors_are_one_line_and_exit_non_zero(tmp_path):
    env = {"WORKBENCH_HOME": str(tmp_path), "NEO4J_URI": "bolt://127.0.0.1:9", "NEO4J_PASSWORD": "x"}
    result = runner.invoke(app, ["db", "stop"], env=env)
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        "error: [W109] NEO4J_URI is set (bolt://127.0.0.1:9): the workbench uses that server and starts or stops "
        "no local one"]
