"""The notebook widget for whole graphs gets a slim, pseudonymized, markup-free copy."""
from __future__ import annotations

from workbench.views import sigma_view
from workbench.views.sigma import sigma_graph


def test_sigma_graph_is_slim_and_safe(hostile):
    S = sigma_graph(hostile)
    assert S.number_of_nodes() == hostile.number_of_nodes()
    assert S.nodes["Person:v2"]["label"] == "Victim 2"
    assert "<" not in S.nodes["Person:h1"]["label"] and ">" not in S.nodes["Person:h1"]["label"]
    assert all("evidence" not in d for _, _, d in S.edges(data=True))


def test_sigma_widget_builds(case):
    widget = sigma_view(case, communities=[set(case)])
    assert type(widget).__name__ == "Sigma"
