"""The timeline chart, and the thin `view` command group."""
from __future__ import annotations

import json

import networkx as nx
import pandas as pd
from typer.testing import CliRunner

from workbench.cli.view import app
from workbench.views import timeline_chart


def test_timeline_png(tmp_path):
    events = pd.DataFrame({
        "date": ["2024-03-01", "2024-03-02", "2024-03-05", "2024-03-09", "not a date"],
        "node": ["Person:s2", "Person:o1", "Person:s2", "Person:o1", "Person:s2"],
        "kind": ["call", "payment", "sighting", "note", "call"],
        "detail": ["", "BZD 500", "", "", ""],
    })
    png = timeline_chart(events, labels={"Person:s2": "Luis Lopez"}, path=tmp_path / "t.png")
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and (tmp_path / "t.png").read_bytes() == png


def test_cli_view_walkthrough_export(case, tmp_path):
    graph = tmp_path / "case.json"
    graph.write_text(json.dumps(nx.node_link_data(case, edges="edges")), encoding="utf-8")
    walk = tmp_path / "walk.yaml"
    walk.write_text("title: W\nsteps:\n  - title: One\n    entities: [Carlos Reyes]\n", encoding="utf-8")
    log = tmp_path / "audit.jsonl"
    runner = CliRunner()
    for args in (["view", "--graph", str(graph), "--out", str(tmp_path / "v.html")],
                 ["walkthrough", str(walk), "--graph", str(graph), "--out", str(tmp_path / "w.html")],
                 ["export", "--graph", str(graph), "--format", "i2", "--out", str(tmp_path / "i2")]):
        result = runner.invoke(app, args + ["--audit-log", str(log), "--analyst", "t"])
        assert result.exit_code == 0, result.output
    assert "Maria Lopez" not in (tmp_path / "v.html").read_text(encoding="utf-8")
    actions = [json.loads(line)["action"] for line in log.read_text(encoding="utf-8").splitlines()]
    assert actions == ["view.network", "view.walkthrough", "export.i2", "export.i2"]
