"""The sample-case walkthrough resolves against the generated case's ground truth and renders."""
from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest

import workbench.walkthrough
from workbench.walkthrough import load_walkthrough, resolve_walkthrough, walkthrough_html

SAMPLE = Path(workbench.walkthrough.__file__).with_name("sample_case.yaml")


@pytest.fixture(scope="module")
def truth_graph(tmp_path_factory) -> nx.MultiDiGraph:
    """The sample case's true entity graph (people, organizations, relations), built from ground_truth.json."""
    from samplecase import generate_case

    out = tmp_path_factory.mktemp("sample")
    generate_case(out)
    truth = json.loads((out / "ground_truth.json").read_text(encoding="utf-8"))
    G = nx.MultiDiGraph()
    for i, p in enumerate(truth["people"]):  # opaque ids, as make_id gives in real projections
        G.add_node(f"Person:p{i}", label="Person", name=p["name"], aliases=p["aliases"], role=p["role"])
    for i, o in enumerate(truth["organizations"]):
        G.add_node(f"Organization:o{i}", label="Organization", name=o["name"], kind=o["kind"])
    ids = {d["name"]: n for n, d in G.nodes(data=True)}
    for r in truth["relations"]:
        if r["source"] in ids and r["target"] in ids and r["type"] != "INVESTIGATED":
            G.add_edge(ids[r["source"]], ids[r["target"]], type=r["type"], evidence_count=len(r["notes"]))
    return G


def test_sample_walkthrough_resolves_and_renders(truth_graph):
    w = load_walkthrough(SAMPLE)
    assert 6 <= len(w.steps) <= 10
    steps = resolve_walkthrough(truth_graph, w)
    assert all(s.new_nodes for s in steps[:-1])
    page = walkthrough_html(truth_graph, w)
    for victim in ("Belén Ramírez", "Marisol Cardona", "Keyla Salazar"):
        assert victim not in page
    assert "Eduardo Herrera" in page
