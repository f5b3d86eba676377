"""Every command, given a wrong argument, says so in one line on stderr and exits non-zero (issue 14).

The table runs each command with an unknown case, a missing path, an unknown id or name, a bad
option value, or a server that is down (NEO4J_URI pointing at a port nobody listens on), against
the real Neo4j holding a small case. Each row asserts: a non-zero exit code (2 for a wrong
argument, 1 for the setting or the server), exactly one line on stderr that starts with
``error:`` and holds the row's words, and no exception escaping the command (no traceback).
"""
from __future__ import annotations

import subprocess
import sys

import pytest
from typer.testing import CliRunner

from tests.conftest import free_port
from workbench.cli import app

pytestmark = pytest.mark.neo4j

NOBODY = "Person:000000000000000000000000"
DOWN = {"NEO4J_URI": "bolt://127.0.0.1:{down}", "NEO4J_PASSWORD": "x"}

# (id, arguments, extra environment, exit code, words the message holds)
ROWS = [
    # an unknown case lists the known ones; a letter-case slip is offered
    ("key-players/case", ["key-players", "--case", "NOPE"], {}, 2, "unknown case 'NOPE'; the known cases are: BZ-1"),
    ("key-players/case-lower", ["key-players", "--case", "bz-1"], {}, 2, "did you mean 'BZ-1'?"),
    ("flags/case", ["flags", "--case", "NOPE"], {}, 2, "unknown case 'NOPE'"),
    ("report/case", ["report", "--case", "bz-1", "--out", "{tmp}/r"], {}, 2, "did you mean 'BZ-1'?"),
    ("view/case", ["view", "--case", "NOPE", "--out", "{tmp}/v.html"], {}, 2, "unknown case"),
    ("walkthrough/case", ["walkthrough", "{walk}", "--case", "NOPE", "--out", "{tmp}/w.html"], {}, 2, "unknown case"),
    ("export/case", ["export", "--case", "NOPE", "--out", "{tmp}/g.graphml"], {}, 2, "unknown case"),
    ("map/case", ["map", "--case", "NOPE", "--out", "{tmp}/m.html"], {}, 2, "unknown case"),
    ("find/case", ["find", "Carlos", "--case", "NOPE"], {}, 2, "unknown case"),
    ("evidence/case", ["evidence", "Carlos Reyes", "--case", "NOPE"], {}, 2, "unknown case"),
    ("merges-decide/case", ["merges", "decide", "Carlos Reyes", "Luis Reyes", "--same", "--case", "NOPE"], {}, 2,
     "unknown case"),
    ("ingest/case-lower", ["ingest", "{note}", "--case", "bz-1"], {}, 2, "differs only in letter case from the known case 'BZ-1'"),
    # a missing path says "not found"
    ("ingest/path", ["ingest", "{tmp}/missing"], {}, 2, "missing: not found"),
    ("extract/path", ["extract", "{tmp}/missing", "--out", "{tmp}/x.jsonl"], {}, 2, "missing: not found"),
    ("extract/out", ["extract", "{note}", "--out", "{tmp}/missing/x.jsonl"], {}, 2, "missing: not found"),
    ("eval/path", ["eval", "{tmp}/missing"], {}, 2, "missing: not found"),
    ("eval/extractions", ["eval", "{tmp}", "--extractions", "{tmp}/missing.jsonl"], {}, 2, "not found (--extractions)"),
    ("eval/expected", ["eval", "{tmp}", "--expected", "{tmp}/missing.json"], {}, 2, "not found (--expected)"),
    ("walkthrough/path", ["walkthrough", "{tmp}/missing.yaml"], {}, 2, "missing.yaml: not found (walkthrough YAML)"),
    ("report/walkthrough", ["report", "--case", "BZ-1", "--walkthrough", "{tmp}/missing.yaml", "--out", "{tmp}/r"], {}, 2,
     "not found (walkthrough YAML)"),
    ("flags/register", ["flags", "--register", "{tmp}/missing.csv"], {}, 2, "missing.csv: not found (--register)"),
    ("flags/out", ["flags", "--case", "BZ-1", "--out", "{tmp}/missing/flags.html"], {}, 2, "missing: not found"),
    ("view/out", ["view", "--out", "{tmp}/missing/v.html"], {}, 2, "missing: not found"),
    ("export/out", ["export", "--out", "{tmp}/missing/g.graphml"], {}, 2, "missing: not found"),
    ("map/out", ["map", "--out", "{tmp}/missing/m.html"], {}, 2, "missing: not found"),
    ("sample/out-file", ["sample", "{note}", "--notes", "2"], {}, 2, "is a file: give a folder"),
    ("sample/existing", ["sample", "{sample}", "--notes", "2"], {}, 1, "already holds a generated case: pass --overwrite"),
    # an unknown id or name says so
    ("evidence/id", ["evidence", NOBODY], {}, 2, f"no entity or relationship has the id or name '{NOBODY}'"),
    ("evidence/name", ["evidence", "Nobody Here"], {}, 2, "no entity or relationship has the id or name 'Nobody Here'"),
    ("view/around", ["view", "--around", NOBODY, "--out", "{tmp}/v.html"], {}, 2, "no entity or relationship"),
    ("export/around", ["export", "--around", "Nobody Here", "--out", "{tmp}/g.graphml"], {}, 2, "no entity or relationship"),
    ("merges-decide/ids", ["merges", "decide", "aaa", "bbb", "--same"], {}, 2, "id or name 'aaa'"),
    ("merges-decide/labels", ["merges", "decide", "Carlos Reyes", "Sunset Bar", "--same"], {}, 2, "have different labels"),
    ("merges-why/name", ["merges", "why", "Nobody Here"], {}, 2, "no entity or relationship has the id or name 'Nobody Here'"),
    ("merges-why/case", ["merges", "why", "Carlos Reyes", "--case", "NOPE"], {}, 2, "unknown case 'NOPE'"),
    ("cross-case/limit", ["cross-case", "--limit", "0"], {}, 2, "'--limit'"),
    ("find/nothing", ["find", "xyzzy"], {}, 1, "nothing is named like 'xyzzy'"),
    # option values are checked, named by their flags
    ("view/size-by", ["view", "--size-by", "bogus", "--out", "{tmp}/v.html"], {}, 2, "--size-by 'bogus' is not valid"),
    ("view/hops", ["view", "--around", "Carlos Reyes", "--hops", "9"], {}, 2, "'--hops'"),
    ("export/format", ["export", "--format", "bogus", "--out", "{tmp}/g"], {}, 2, "--format 'bogus' is not valid"),
    ("export/collapse", ["export", "--format", "i2", "--collapse", "--out", "{tmp}/i2"], {}, 2,
     "--collapse/--no-collapse applies to graphml and gexf"),
    ("key-players/top", ["key-players", "--top", "0"], {}, 2, "'--top'"),
    ("key-players/top-text", ["key-players", "--top", "many"], {}, 2, "'--top'"),
    ("flags/operation", ["flags", "--operation", "yesterday"], {}, 2, "--operation 'yesterday' is not valid"),
    ("flags/k", ["flags", "--k", "0"], {}, 2, "'--k'"),
    ("find/label", ["find", "Carlos", "--label", "Bogus"], {}, 2, "--label 'Bogus' is not a label"),
    ("report/out-file", ["report", "--case", "BZ-1", "--out", "{note}"], {}, 2, "is a file"),
    ("report/no-case", ["report"], {}, 2, "Missing option '--case'"),
    ("extract/model", ["extract", "{note}", "--out", "{tmp}/x.jsonl", "--model", "no_such_model"], {}, 2,
     "--model 'no_such_model': spaCy cannot load it"),
    ("merges-list/limit", ["merges", "list", "--limit", "0"], {}, 2, "'--limit'"),
    ("db-start/timeout", ["db", "start", "--timeout", "soon"], {}, 2, "'--timeout'"),
    ("command", ["bogus"], {}, 2, "No such command 'bogus'"),
    ("audit/broken", ["audit"], {"WORKBENCH_HOME": "{broken_home}"}, 1, "audit.jsonl:1: audit entry is not valid JSON"),
    # the server is down: the advice fits NEO4J_URI being set
    *[(f"{args[0]}{'-' + args[1] if args[0] in ('db', 'merges') else ''}/server-down", args, DOWN, 1, "(NEO4J_URI): check that the server is running")
      for args in (["key-players"], ["flags"], ["report", "--case", "BZ-1", "--out", "{tmp}/r"],
                   ["view", "--out", "{tmp}/v.html"], ["map", "--out", "{tmp}/m.html"],
                   ["walkthrough", "{walk}", "--out", "{tmp}/w.html"],
                   ["export", "--out", "{tmp}/g.graphml"], ["evidence", "Carlos Reyes"], ["find", "Carlos"],
                   ["ingest", "{note}"], ["merges", "list"], ["merges", "decide", "a", "b", "--same"], ["demo"],
                   ["merges", "why", "a"], ["cross-case"],
                   ["db", "migrate"], ["db", "start"])],
    ("key-players/http-uri", ["key-players"], {"NEO4J_URI": "http://127.0.0.1:7474", "NEO4J_PASSWORD": "x"}, 1,
     "is an HTTP address"),
    ("db-status/http-uri", ["db", "status"], {"NEO4J_URI": "http://127.0.0.1:7474", "NEO4J_PASSWORD": "x"}, 1,
     "is an HTTP address"),
    ("key-players/no-password", ["key-players"], {"NEO4J_URI": "bolt://127.0.0.1:{down}"}, 1, "NEO4J_PASSWORD is not"),
    ("key-players/bad-port", ["key-players"], {"WORKBENCH_BOLT_PORT": "seventy"}, 1, "WORKBENCH_BOLT_PORT='seventy'"),
]


@pytest.fixture
def places(tmp_path):
    """The files the rows name: a note, a walkthrough, a generated sample, a broken audit log."""
    from samplecase import generate_case

    note = tmp_path / "note.txt"
    note.write_text("Carlos Reyes met Sgt. Mario Castillo at the Sunset Bar.\n", encoding="utf-8")
    walk = tmp_path / "walk.yaml"
    walk.write_text("title: W\nsteps:\n  - title: One\n    entities: [Carlos Reyes]\n", encoding="utf-8")
    broken = tmp_path / "broken_home"
    broken.mkdir()
    (broken / "audit.jsonl").write_text("this is not JSON\n", encoding="utf-8")
    sample = generate_case(tmp_path / "sample", n_notes=2)
    return {"tmp": str(tmp_path), "note": str(note), "walk": str(walk), "sample": str(sample),
            "broken_home": str(broken), "down": str(free_port())}


def _fill(value: str, places: dict[str, str]) -> str:
    return value.format(**places) if "{" in value else value


@pytest.mark.parametrize("args,extra,code,words", [row[1:] for row in ROWS], ids=[row[0] for row in ROWS])
def test_a_wrong_argument_is_one_line_on_stderr_and_a_non_zero_exit(cli_env, places, tmp_path, args, extra, code,
                                                                     words):
    env = {**cli_env, **{k: _fill(v, places) for k, v in extra.items()}}
    result = CliRunner().invoke(app, [_fill(a, places) for a in args], env=env)
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        f"{type(result.exception).__name__}: {result.exception}")
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert words in lines[0], lines[0]
    if env.get("NEO4J_URI"):  # advice that fits the setting: no local server to start
        assert "workbench db start" not in lines[0], lines[0]
    assert result.exit_code == code, (result.exit_code, lines[0])


def test_a_report_for_an_unknown_case_leaves_no_folder(cli_env, tmp_path):
    result = CliRunner().invoke(app, ["report", "--case", "NOPE", "--out", str(tmp_path / "report")], env=cli_env)
    assert result.exit_code == 2 and not (tmp_path / "report").exists()


def test_a_real_process_prints_one_line_and_no_traceback(cli_env, tmp_path):
    """The installed entry point behaves as the in-process runner does (no rich traceback panel)."""
    done = subprocess.run([sys.executable, "-m", "workbench.cli", "key-players", "--case", "bz-1"],
                          env={**cli_env, "PATH": "/usr/bin:/bin"}, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "error: [W400] unknown case 'bz-1' (did you mean 'BZ-1'?); the known cases are: BZ-1"]


def test_version_is_printed(cli_env):
    from importlib import metadata

    result = CliRunner().invoke(app, ["--version"], env=cli_env)
    assert result.exit_code == 0 and result.stdout.strip() == f"workbench {metadata.version('trafficking-workbench')}"


def test_starting_the_local_server_says_so_on_stderr(lifecycle_settings):
    """A command that needs the local Neo4j starts it when it is down, in two lines on stderr."""
    from workbench.store import stop

    settings = lifecycle_settings
    env = {"WORKBENCH_HOME": str(settings.home), "WORKBENCH_BOLT_PORT": str(settings.bolt_port),
           "WORKBENCH_NEO4J_LIB": str(settings.lib_dir), "WORKBENCH_NEO4J_HEAP": "512m",
           "WORKBENCH_NEO4J_PAGECACHE": "128m", "NEO4J_URI": "", "NEO4J_PASSWORD": ""}
    stop(settings)
    try:
        result = CliRunner().invoke(app, ["merges", "list"], env=env)
        assert result.exit_code == 0, result.output
        lines = result.stderr.strip().splitlines()
        assert lines[0].startswith(f"starting the local Neo4j at bolt://127.0.0.1:{settings.bolt_port}")
        assert lines[1].startswith("the local Neo4j is running (pid ") and len(lines) == 2
        again = CliRunner().invoke(app, ["merges", "list"], env=env)
        assert again.exit_code == 0 and again.stderr.strip() == ""  # already running: nothing to say
    finally:
        stop(settings)


def test_ctrl_c_in_a_command_is_one_line_and_exit_130(tmp_path, monkeypatch):
    """Ctrl-C while a command runs: typer turns the KeyboardInterrupt into exit code 130 and
    prints nothing, so the analyst could not tell an interrupted ingest from one that ended."""
    import workbench.cli.ingest as ingest_command

    def interrupted(*_):
        raise KeyboardInterrupt

    monkeypatch.setattr(ingest_command, "existing", interrupted)  # as if Ctrl-C came as the command starts
    result = CliRunner().invoke(app, ["ingest", str(tmp_path)])
    assert result.exit_code == 130
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("[W426] interrupted (Ctrl-C)"), result.stderr
    assert "run the same command again" in lines[0] and "Traceback" not in result.output
