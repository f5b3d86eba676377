"""Every HTML page we write carries a Content-Security-Policy that allows no network (issue 18, part 4),
and in Chromium a page whose data tries to load something gets nothing."""
from __future__ import annotations

import re

import pandas as pd

from tests.factory import projected_case
from workbench.flags import to_html
from workbench.flags.run import complicity_flags
from workbench.report import build_report
from workbench.views import map_html, network_html
from workbench.views.headless import render_in_browser
from workbench.views.page import CSP
from workbench.walkthrough import walkthrough_html

NETWORK = ("connect-src", "http:", "https:", "*", "'self'")


def policy(page: str) -> str:
    """The policy of the first <meta http-equiv=Content-Security-Policy>; it must come before any content."""
    match = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', page)
    assert match, "no Content-Security-Policy"
    assert not re.search(r"<(script|link|img|style|iframe)\b", page[: match.start()]), "the policy comes too late"
    return match.group(1)


def test_every_page_has_a_policy_that_allows_no_network(case, tmp_path):
    G, *_ = projected_case()
    flags = complicity_flags(G)
    notes = pd.DataFrame({"id": ["note-1"], "path": ["a.txt"], "superseded_by": [None]})
    steps = tmp_path / "walk.yaml"
    steps.write_text("title: T\nsteps:\n  - title: One\n    entities: [Carlos Reyes]\n", encoding="utf-8")
    pages = {"network": network_html(case), "map": map_html(case), "walkthrough": walkthrough_html(case, steps),
             "report": build_report(G, flags, notes, case_id="BZ-1").html, "flags": to_html(flags)}
    for name, page in pages.items():
        rules = policy(page)
        assert rules.startswith("default-src 'none'"), name
        assert not any(word in rules for word in NETWORK), (name, rules)
    assert policy(pages["network"]) == CSP


def test_the_policy_blocks_a_load_the_page_did_not_mean(case, chromium):
    spy = ('<script>var seen = []; document.addEventListener("securitypolicyviolation", function (e) {'
           ' seen.push(e.effectiveDirective); WB.status.dataset.blocked = seen.sort().join(" "); });</script>')
    probe = ('<img src="http://127.0.0.1:9/x.png"><script>fetch("http://127.0.0.1:9/y").catch(function () {});'
             '</script></body>')
    page = network_html(case).replace("<body>", "<body>" + spy, 1).replace("</body>", probe)
    result = render_in_browser(page, binary=chromium)
    assert result.status["drawn"] == "1" and result.status["resources"] == ""
    assert result.status["blocked"] == "connect-src img-src"  # both refused by the policy, not by luck
