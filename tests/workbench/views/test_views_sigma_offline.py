"""The sigma view's standalone export works offline: ipysigma's own bundle, no CDN, no kernel."""
from __future__ import annotations

import re

import networkx as nx

from workbench.views import save_sigma, sigma_view
from workbench.views.headless import render_in_browser


def test_saved_sigma_page_draws_with_the_network_blocked(case, chromium, tmp_path):
    path = save_sigma(case, tmp_path / "sigma.html", title="Case 7")
    text = path.read_text(encoding="utf-8")
    assert not re.search(r"<script[^>]+src=", text) and "cdn.jsdelivr" not in text and "unpkg.com" not in text
    assert "Maria Lopez" not in text and "Victim 2" in text
    result = render_in_browser(path, binary=chromium)
    assert "error" not in result.status, result.status.get("error")
    assert result.status["drawn"] == "1" and int(result.status["canvases"]) > 0
    assert result.status["nodes"] == str(case.number_of_nodes())
    assert result.status["resources"] == ""


def test_widget_to_html_is_the_offline_page(chromium, tmp_path):
    G = nx.relabel_nodes(nx.barabasi_albert_graph(300, 2, seed=2), lambda i: f"Person:{i}")
    widget = sigma_view(G)
    widget.to_html(tmp_path / "w.html")
    result = render_in_browser(tmp_path / "w.html", binary=chromium)
    assert result.status["drawn"] == "1" and result.status["nodes"] == "300" and result.status["resources"] == ""
