"""The case report opens offline in headless Chromium and shows the flags and the network."""
from __future__ import annotations

import html
import re

import pandas as pd

from tests.factory import projected_case
from workbench.flags.run import complicity_flags
from workbench.project import person_network
from workbench.report import build_report
from workbench.views.headless import render_in_browser


def test_report_shows_flags_and_draws_the_network_offline(tmp_path):
    G, *_ = projected_case()
    notes = pd.DataFrame({"id": ["note-1"], "path": ["a.txt"], "superseded_by": [None]})
    page = tmp_path / "case_report.html"
    page.write_text(build_report(G, complicity_flags(G), notes, case_id="BZ-1").html, encoding="utf-8")
    shown = render_in_browser(page)
    assert "possible complicity — needs review" in shown.dom and "Mario Castillo" in shown.dom
    assert shown.title == "Case report BZ-1"
    srcdoc = re.search(r'<iframe title="network view"[^>]*srcdoc="([^"]*)"', shown.dom)
    assert srcdoc, "the network view is missing from the report"
    network = render_in_browser(html.unescape(srcdoc.group(1)))  # the embedded page, drawn on its own
    assert network.status["drawn"] == "1"
    assert network.status["nodes"] == str(person_network(G).number_of_nodes())
    assert network.status["resources"] == ""  # nothing was requested from any network
