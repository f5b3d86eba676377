"""In a real headless Chromium with the network blocked: the graph draws and hostile text stays text."""
from __future__ import annotations

import re

import networkx as nx

from workbench.views import network_html, save_view
from workbench.views.headless import render_in_browser



def test_graph_draws_offline(case, chromium, tmp_path):
    result = render_in_browser(save_view(case, tmp_path / "case.html", title="Case 7", collapse=False), binary=chromium)
    assert result.status["drawn"] == "1"
    assert result.status["nodes"] == str(case.number_of_nodes())
    assert result.status["edges"] == str(case.number_of_edges())
    assert result.status["resources"] == ""  # no resource of any kind was requested
    assert result.title == "Case 7"


def test_hostile_names_show_as_text_and_run_nothing(hostile, chromium, payloads):
    result = render_in_browser(network_html(hostile, reveal=True, highlight=["Person:h1"], title="T"),
                               fragment="autotest", binary=chromium)
    assert result.status["autotest"] == "1" and result.status["drawn"] == "1"
    assert result.title == "T"  # the payloads would have set it to 'pwned'
    assert not re.search(r"<body[^>]*data-pwned", result.dom)
    assert not re.search(r"<img\b", result.dom)
    details = re.search(r'<div id="details">(.*?)</div>', result.dom, re.S).group(1)
    assert details.startswith(payloads[0].replace("<", "&lt;").replace(">", "&gt;"))
    assert "&lt;script&gt;document.title='pwned'" in details


def test_reduced_view_draws_threshold_nodes(chromium):
    G = nx.relabel_nodes(nx.barabasi_albert_graph(1800, 2, seed=1), lambda i: f"Person:{i}")
    result = render_in_browser(network_html(G, max_nodes=1500), binary=chromium, budget_ms=30000)
    assert result.status["nodes"] == "1500"
    assert "Reduced view" in result.dom
