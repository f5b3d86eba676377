"""A careless case folder through ``workbench ingest`` into the real Neo4j (issue 18): one line per
problem at any terminal width, every good note and row loaded, exit code 1."""
from __future__ import annotations

import os
import re

import pytest
from typer.testing import CliRunner

from workbench.cli import app

pytestmark = pytest.mark.neo4j

CALLS_HEADER = "CALLING_NBR,CALLED_NBR,START_TIME,DURATION_SEC,CELL_SITE\n"
NOTE = "Interview, 12 March 2024.\n\nCarlos Reyes recruited Ana Pop at the Blue Moon bar in Benque Viejo.\n"


def _calls() -> bytes:
    rows = [f"622-{1000 + i},610-5555,2024-03-05 14:{i:02d}:05,{10 + i},BZE-OW-03\n".encode() for i in range(50)]
    rows[9] = b'622-1234,"610-5555,2024-03-05 14:22:05,125,BZE-OW-03\n'  # a quote that never closes
    rows[20] = b"622-1234,610-5555,2024-03-05 14:22:05,1\x0025,BZE-OW-03\n"  # a NUL byte
    return CALLS_HEADER.encode() + b"".join(rows)


@pytest.fixture
def bad_folder(tmp_path):
    folder = tmp_path / "case"
    (folder / "notes").mkdir(parents=True)
    (folder / "notes" / "a_good.txt").write_text(NOTE, encoding="utf-8")
    (folder / "notes" / "b_utf16.txt").write_bytes(NOTE.replace("Carlos", "Luis").encode("utf-16-le"))
    (folder / "notes" / "c_loop").symlink_to(folder / "notes")
    os.mkfifo(folder / "notes" / "d_pipe.txt")
    (tmp_path / "diary.txt").write_text("Not part of the case.", encoding="utf-8")
    (folder / "notes" / "e_outside.txt").symlink_to(tmp_path / "diary.txt")
    (folder / "exports").mkdir()
    (folder / "exports" / "calls.csv").write_bytes(_calls())
    (folder / "exports" / "header_only.csv").write_text(CALLS_HEADER, encoding="utf-8")
    return folder


@pytest.mark.timeout(600)
def test_every_problem_is_one_line_and_the_rest_loads(bad_folder, neo4j_settings, neo4j_driver, clean_db):
    env = {"WORKBENCH_HOME": str(neo4j_settings.home), "WORKBENCH_BOLT_PORT": str(neo4j_settings.bolt_port),
           "WORKBENCH_NEO4J_LIB": str(neo4j_settings.lib_dir), "NEO4J_URI": "", "NEO4J_PASSWORD": "", "COLUMNS": "40"}
    result = CliRunner().invoke(app, ["ingest", str(bad_folder), "--case", "BAD-1"], env=env)
    assert result.exit_code == 1, result.output
    failed = [line for line in result.output.splitlines() if line.startswith("failed: ")]
    found = sorted(re.match(r"failed: ([^:]+)(?::(\d+))?: \[(E\d+)\]", line).groups() for line in failed)
    assert found == [("exports/calls.csv", "11", "E019"), ("exports/calls.csv", "22", "E025"),
                     ("exports/header_only.csv", None, "E026"), ("notes/c_loop", None, "E030"),
                     ("notes/d_pipe.txt", None, "E032"), ("notes/e_outside.txt", None, "E034")]
    endings = ("in the export", "the character", "export finished", "remove the link", "the case folder",
               "belongs to the case")
    assert all(line.endswith(endings) for line in failed), failed  # each whole message on its line, at 40 columns
    records, _, _ = neo4j_driver.execute_query(
        "MATCH (n:Note {case_id: $case}) OPTIONAL MATCH (c:Call) WHERE c.record STARTS WITH n.path "
        "RETURN n.path AS path, count(c) AS calls ORDER BY path", case="BAD-1", database_=neo4j_settings.database)
    assert [(r["path"], r["calls"]) for r in records] == [
        ("exports/calls.csv", 48), ("exports/header_only.csv", 0), ("notes/a_good.txt", 0), ("notes/b_utf16.txt", 0)]
    names, _, _ = neo4j_driver.execute_query("MATCH (p:Person) RETURN collect(p.name) AS names",
                                             database_=neo4j_settings.database)
    assert {"Carlos Reyes", "Luis Reyes"} <= set(names[0]["names"])  # the UTF-16 note was read as text
