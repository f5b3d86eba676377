"""Colours and shapes come from the schema, for every label and role."""
from __future__ import annotations

import pytest

from graph_schema import load_schema
from workbench.views import edge_style, network_html, node_style

SCHEMA = load_schema()


@pytest.mark.parametrize("label", SCHEMA.entity_labels)
def test_node_style_is_the_schema_style(label):
    spec = SCHEMA.node(label)
    assert node_style(label)["color"] == spec.style["color"]
    for role, style in spec.role_styles.items():
        assert node_style(label, role) == {**spec.style, **style}


@pytest.mark.parametrize("rel", SCHEMA.network_types)
def test_edge_style_is_the_schema_style(rel):
    assert edge_style(rel)["color"] == SCHEMA.rel(rel).style["color"]


def test_page_uses_schema_colours_shapes_and_evidence_widths(case, data_of):
    data = data_of(network_html(case, reveal=True))
    nodes = {n["id"]: n for n in data["nodes"]}
    official = SCHEMA.node("Person").role_styles["official"]
    assert nodes["Person:o1"]["shape"] == official["shape"]
    assert nodes["Person:o1"]["color"]["background"] == official["color"]
    assert nodes["Organization:bar"]["color"]["background"] == SCHEMA.node("Organization").style["color"]
    widths = {(e["from"], e["to"]): e["width"] for e in data["edges"]}
    assert widths[("Person:s1", "Person:v2")] > widths[("Person:s2", "Organization:bar")]  # 4 vs 2 evidence rows
    titles = {(e["from"], e["to"]): e["title"] for e in data["edges"]}
    assert titles[("Person:o1", "Person:s2")].startswith("TIPPED_OFF: Daniel Pop → Luis Lopez")
    tip = nodes["Person:s1"]["title"]
    assert "suspect" in tip and "[n1] Carlos Reyes recruited Maria Lopez in Chetumal." in tip


def test_size_and_communities(case, data_of):
    measure = {n: float(i) for i, n in enumerate(case)}
    comms = [{"Person:s1", "Person:v1", "Person:v2"}, set(case) - {"Person:s1", "Person:v1", "Person:v2"}]
    data = data_of(network_html(case, size_by=measure, communities=comms, collapse=False))
    sizes = {n["id"]: n["size"] for n in data["nodes"]}
    assert sizes["Payment:p1"] == 40.0 and sizes["Person:s1"] == 10.0
    colours = {n["id"]: n["color"]["background"] for n in data["nodes"]}
    assert colours["Person:s1"] == colours["Person:v1"] != colours["Organization:bar"]


def test_no_two_kinds_share_a_colour_in_the_schema_itself():
    """Issue 15: the YAML's own colours are distinct per label and role (views drew reserve colours
    where they clashed); so the views' table is exactly the schema's."""
    from workbench.views.style import style_table

    schema = load_schema()
    colours = {}
    for label in schema.entity_labels:
        spec = schema.nodes[label]
        colours[(label, None)] = spec.style["color"].lower()
        colours.update({(label, role): style["color"].lower() for role, style in spec.role_styles.items()})
    shared = {c for c in colours.values() if list(colours.values()).count(c) > 1}
    assert not shared, {k: c for k, c in colours.items() if c in shared}
    assert {k: s["color"] for k, s in style_table(schema).items()} == colours
