"""Exports stay valid and inert for any input (issue 18, part 3): control characters, direction
overrides and spreadsheet formulas in names and sentences."""
from __future__ import annotations

import csv
import xml.etree.ElementTree as ET

import networkx as nx
import pytest

from workbench.exports import to_gexf, to_graphml, to_i2_csv
from workbench.views.text import csv_cell, visible_controls, xml_text

NASTY = {
    "Person:ff": "Ana\x0cCruz",  # form feed: crashed the GraphML writer, left a 0-byte file
    "Person:esc": "\x1b[31mRosa\x1b[0m Diaz",  # ESC: GEXF exited 0 with invalid XML
    "Person:nul": "Null\x00Byte\x07Bell",
    "Person:rlo": "Juan \u202egpj.exe",  # right-to-left override: reads "Juan exe.jpg"
    "Person:eq": '=HYPERLINK("http://evil.example","click")',
    "Person:plus": "+cmd|' /C calc'!A0",
    "Person:at": "@SUM(1+1)*cmd|' /C calc'!A0",
    "Person:minus": "-2+3+cmd|' /C calc'!A0",
    "Person:tab": "\t=1+1",
}
FORMULA = ("=", "+", "-", "@", "\t", "\r")


@pytest.fixture
def nasty() -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    for node, name in NASTY.items():
        G.add_node(node, label="Person", key=node[7:], name=name, role="suspect", aliases=[name + " alias"],
                   first_seen="2024-01-02", last_seen="2024-01-03")
    G.add_node("Phone:+5016221234", label="Phone", key="+5016221234", name="+5016221234")
    for i, node in enumerate(NASTY):
        G.add_edge(node, "Phone:+5016221234", key=f"r{i}", id=f"r{i}", type="USES_PHONE", evidence_count=1,
                   evidence=[{"note_id": f"n{i}", "sentence": f"{NASTY[node]} uses \x0b the phone \x1b.", "confidence": 1.0}],
                   first_seen="2024-01-02", last_seen="2024-01-02")
    return G


def test_graphml_is_written_whole_and_reads_back(nasty, tmp_path):
    path = to_graphml(nasty, tmp_path / "nasty.graphml")
    G = nx.read_graphml(path)
    assert G.number_of_nodes() == nasty.number_of_nodes() and G.number_of_edges() == nasty.number_of_edges()
    assert G.nodes["Person:ff"]["name"] == "Ana␌Cruz" and G.nodes["Person:esc"]["name"].startswith("␛[31mRosa")
    assert G.nodes["Person:rlo"]["name"] == "Juan [RLO]gpj.exe"
    assert "\u202e" not in path.read_text(encoding="utf-8")


def test_gexf_is_valid_xml_and_reads_back(nasty, tmp_path):
    path = to_gexf(nasty, tmp_path / "nasty.gexf")
    ET.parse(path)  # a strict XML parser accepts it
    G = nx.read_gexf(path, version="1.3")
    assert G.nodes["Person:nul"]["label"] == "Null␀Byte␇Bell"
    assert all("\x1b" not in str(d) for _, d in G.nodes(data=True))


def test_no_csv_cell_can_start_a_formula(nasty, tmp_path):
    cells = []
    for path in to_i2_csv(nasty, tmp_path / "i2"):
        with path.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.reader(fh))
        assert len({len(r) for r in rows}) == 1  # every row parses to the header's width
        cells += [c for r in rows[1:] for c in r]
    risky = [c for c in cells if c.startswith(FORMULA) and c not in ("+5016221234",)]
    assert not risky, risky
    assert "'=HYPERLINK(\"http://evil.example\",\"click\")" in cells and "+5016221234" in cells
    assert "Juan [RLO]gpj.exe" in cells and not any("\u202e" in c or "\x1b" in c for c in cells)


@pytest.mark.parametrize("text, expected", [
    ("a\u202eb\u2066c\u2069", "a[RLO]b[LRI]c[PDI]"),
    ("tab\tand\nnewline stay", "tab\tand\nnewline stay"),
    ("\x00\x1f\x7f", "␀␟␡"),
])
def test_visible_controls(text, expected):
    assert visible_controls(text) == expected


def test_xml_text_and_csv_cell_known_answers():
    assert xml_text("\ufffe\x08ok") == "\ufffd␈ok"
    assert [csv_cell(v) for v in ("-12.5", "1,234.50", "+501 622 1234", "@x", "\rx", 7)] == [
        "-12.5", "1,234.50", "'+501 622 1234", "'@x", "'\rx", 7]
