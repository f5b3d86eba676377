"""The timeline chart, and the thin `view` command group."""
from __future__ import annotations

import json

import networkx as nx
import pandas as pd
from typer.testing import CliRunner

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
