"""The network page's controls, driven through its JavaScript in headless Chromium, network blocked.

``page_driver.js`` (beside this file) is appended to the page; it clicks, slides and types as a
user would and reports what the page then shows. Shared with the sample-case test.
"""
from __future__ import annotations

import base64
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx

from workbench.views import network_html
from workbench.views.headless import render_in_browser

from .test_views_readable import with_calls

DRIVER = Path(__file__).with_name("page_driver.js").read_text(encoding="utf-8")


def drive(page: str, chromium: str, budget_ms: int = 20000) -> tuple[dict, str]:
    """Run the driver on ``page``; (its report, the final DOM)."""
    result = render_in_browser(page.replace("</body>", f"<script>\n{DRIVER}\n</script></body>"),
                               binary=chromium, budget_ms=budget_ms)
    assert "report" in result.status, f"the driver did not finish: {result.status}"
    report = json.loads(result.status["report"])
    assert "error" not in report, report.get("error")
    return report, result.dom


def check_first_view(first: dict, n_nodes: int) -> None:
    assert first["nodes"] == n_nodes
    assert first["overlaps"] == 0, first["worst"]
    assert first["labelProblems"] == [], first["labelProblems"]
    assert all(label["drawn"] for label in first["labels"])
    assert first["otherLabelsDrawn"] == 0  # only the top nodes are labelled at the first zoom


def check_controls(c: dict, *, spread_dates: bool = True) -> None:
    assert c["kind"]["before"] > 0 and c["kind"]["after"] == 0 and c["kind"]["restored"] == c["kind"]["before"]
    assert c["type"]["before"] > 0 and c["type"]["after"] == 0
    assert c["evidence"]["below"] == 0 and c["evidence"]["nodesBelow"] == 0
    if "dates" in c:
        assert c["dates"]["outside"] == 0 and (c["dates"]["after"] < c["dates"]["all"] or not spread_dates)
        assert c["dates"]["restored"] == c["dates"]["all"] and c["dates"]["text"].startswith(c["dates"]["from"])
    assert c["search"]["selected"] and c["search"]["count"].startswith(str(len(c["search"]["selected"])))
    if "expand" in c:
        e = c["expand"]
        assert e["added"] >= e["events"] > 0 and e["nodesAfter"] == e["added"] and e["eventsShown"] == e["added"]
        assert e["linkHidden"] is True and e["afterCollapse"] == 0
    assert c["pin"]["fixed"] and c["pin"]["shownWhileFiltered"]
    png = base64.b64decode(c["png"].split(",", 1)[1])
    assert c["png"].startswith("data:image/png;base64,") and png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 5000
    svg = ET.fromstring(c["svg"]["text"])
    shapes = [el for el in svg.iter() if el.tag.endswith(("}circle", "}polygon"))]
    assert len(shapes) == c["svg"]["nodes"] > 0 and c["svg"]["labels"] > 0
    assert [b[0] for b in c["buttons"]] == ["network.png", "network.svg"] and c["buttons"][0][1] == "data:image/png;base64,"
    assert c["resources"] == []  # nothing was fetched, even by the exports


def test_controls_work_offline_on_a_small_case(case, chromium):
    G = with_calls(case)
    report, dom = drive(network_html(G, title="Case 7"), chromium)
    check_first_view(report["first"], G.number_of_nodes() - 4)  # three calls and the payment are links
    check_controls(report["controls"])
    assert report["controls"]["expand"]["events"] in (1, 3)


def test_controls_keep_hostile_text_as_text(hostile, chromium, payloads):
    page = network_html(hostile, reveal=True, title="T")
    report, dom = drive(page.replace("</body>", "<script>wbView.search('img src');</script></body>"), chromium)
    check_controls(report["controls"], spread_dates=False)  # every link of this case spans the same days
    assert "<title>T</title>" in dom and not re.search(r"<body[^>]*data-pwned", dom) and not re.search(r"<img\b", dom)


def test_a_large_graph_draws_without_overlaps(chromium):
    G = nx.relabel_nodes(nx.barabasi_albert_graph(600, 2, seed=5), lambda i: f"Person:{i}")
    nx.set_node_attributes(G, "suspect", "role")
    report, _ = drive(network_html(G, size_by={n: float(d) for n, d in G.degree()}), chromium, budget_ms=40000)
    check_first_view(report["first"], 600)
