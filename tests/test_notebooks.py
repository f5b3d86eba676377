"""Every notebook runs top to bottom against the real local Neo4j (the test session's server)."""
from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("*.ipynb"))

pytestmark = pytest.mark.neo4j


def test_the_five_notebooks_exist():
    assert [p.stem[:2] for p in NOTEBOOKS] == ["01", "02", "03", "04", "05"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_is_committed_stripped(path):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    assert not any(c.get("outputs") or c.get("execution_count") for c in cells), f"{path.name}: strip outputs"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs_top_to_bottom(path, neo4j_settings, neo4j_driver, monkeypatch, tmp_path):
    monkeypatch.setenv("WORKBENCH_HOME", str(neo4j_settings.home))
    monkeypatch.setenv("WORKBENCH_BOLT_PORT", str(neo4j_settings.bolt_port))
    monkeypatch.setenv("WORKBENCH_NEO4J_LIB", str(neo4j_settings.lib_dir))
    for name in ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(notebook, timeout=900, kernel_name="python3",
                            resources={"metadata": {"path": str(tmp_path)}})
    client.execute()  # raises CellExecutionError, naming the cell, when any cell fails
    errors = [o for c in notebook.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors
