"""Every output of the sample case, against the real Neo4j and the real spaCy model (issues 14.5, 18.1).

- Protection: every view (network, person network, events unfolded, map, walkthrough), every
  export (GraphML, GEXF, the four i2 files, the sigma page), the case report and the flags (HTML
  and CSV) are built without ``reveal`` and searched for the ground truth's victims and
  witnesses: their names (accents and letter case ignored, either name order), their document,
  phone and account numbers (whatever the separators, with or without the country code or the
  international ``00``), their handles and emails. None may appear. With ``reveal`` they appear,
  and every reveal is in the audit log.
- The report an investigator reads: in headless Chromium (network blocked) the summary ends
  within the first 1,200 px and the whole page, sections closed, is under 10,000 px; the timeline
  draws its lanes and markers and zooms in the page.
"""
from __future__ import annotations

import html
import json
import re
from pathlib import Path

import phonenumbers
import pytest

from tests.workbench.test_protect_outputs import Protected, _digits, _fold
from workbench.api import Workbench
from workbench.demo import ensure_sample_case
from workbench.store.store import Store
from workbench.views.headless import render_in_browser

pytestmark = pytest.mark.neo4j

WALKTHROUGH = Path(__file__).resolve().parents[2] / "workbench" / "walkthrough" / "sample_case.yaml"


class Identifying(Protected):
    """Also the national forms of their phones, their accounts, handles and emails."""

    def __init__(self, truth: dict) -> None:
        super().__init__(truth)
        owners = self.names
        for p in truth["phones"]:
            if p["owner"] in owners:
                self._numbers[str(phonenumbers.parse(p["e164"]).national_number)] = p["e164"]
        self._numbers |= {_digits(a["number"]): a["number"] for a in truth["accounts"] if a["owner"] in owners}
        self._texts = {h["handle"].split(":", 1)[-1].casefold(): h["handle"] for h in truth["handles"]
                       if h["owner"] in owners}
        self._texts |= {e["email"].casefold(): e["email"] for e in truth["emails"] if e["owner"] in owners}

    def found(self, text: str) -> set[str]:
        text = html.unescape(text)
        folded, digits, low = f" {_fold(text)} ", _digits(text), text.casefold()
        hits = {name for words, name in self._words.items() if f" {words} " in folded}
        hits |= {n for key, n in self._numbers.items() if re.search(rf"(?<![0-9A-Z])(?:00)?{key}(?![0-9A-Z])", digits)}
        return hits | {t for key, t in self._texts.items() if key in low}


@pytest.fixture(scope="module")
def sample(neo4j_settings, neo4j_driver):
    """The sample case, ingested alone."""
    with neo4j_driver.session(database=neo4j_settings.database) as session:
        session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()
    folder = ensure_sample_case(neo4j_settings.home)
    truth = json.loads((folder / "ground_truth.json").read_text(encoding="utf-8"))
    wb = Workbench(neo4j_settings, Store(neo4j_driver, database=neo4j_settings.database))
    report = wb.ingest([folder / "notes", folder / "exports"], case_id=truth["case_id"])
    assert not report.failed, report.failed
    return wb, truth, Identifying(truth)


def every_output(wb: Workbench, case: str, out: Path, reveal: bool, walkthrough: Path = WALKTHROUGH) -> dict[str, str]:
    """Output name -> its text, for every page and file the workbench writes about a case (also
    used by ``tests/integration/test_outputs_second_case.py``; ``walkthrough``: a YAML naming the
    case's entities)."""
    out.mkdir()
    G, P = wb.case_graph(case), wb.person_network(case)
    texts = {"view": wb.view(G, out / "view.html", reveal=reveal),
             "view people": wb.view(P, out / "people.html", reveal=reveal),
             "view events": wb.view(G, out / "events.html", reveal=reveal, collapse=False),
             "map": wb.map_view(G, out / "map.html", reveal=reveal)}
    texts["walkthrough"] = wb.walkthrough(G, walkthrough, out / "walk.html", reveal=reveal).read_text(encoding="utf-8")
    (out / "i2").mkdir()
    for fmt, target in (("graphml", out / "g.graphml"), ("gexf", out / "g.gexf"), ("i2", out / "i2"),
                        ("sigma", out / "whole.html")):
        for path in wb.export(G, target, fmt, reveal=reveal):
            texts[f"{fmt} {path.name}"] = path.read_text(encoding="utf-8")
    texts["report"] = wb.report(case, out / "report", reveal=reveal).report.read_text(encoding="utf-8")
    flags = wb.complicity_flags(case, reveal=reveal)
    for name in ("flags.html", "flags.csv"):
        texts[name] = wb.write_flags(flags, out / name, case_id=case, reveal=reveal).read_text(encoding="utf-8")
    return texts


def test_no_output_names_a_protected_person_or_shows_their_numbers(sample, tmp_path):
    wb, truth, protected = sample
    texts = every_output(wb, truth["case_id"], tmp_path / "out", reveal=False)
    assert len(texts) >= 14 and all(len(t) > 100 for t in texts.values())
    leaks = {name: sorted(protected.found(text)) for name, text in texts.items()}
    assert not {name: found for name, found in leaks.items() if found}


def test_with_reveal_they_appear_and_every_reveal_is_audited(sample, tmp_path):
    wb, truth, protected = sample
    before = len(wb.audit())
    texts = every_output(wb, truth["case_id"], tmp_path / "out", reveal=True)
    found = {name: protected.found(text) for name, text in texts.items()}
    assert len(set().union(*found.values())) >= 15
    assert all(found[name] for name in ("view", "graphml g.graphml", "i2 entities.csv", "report", "flags.html"))
    log = wb.audit().iloc[before:]
    revealed = log[[bool(json.loads(p).get("reveal")) if isinstance(p, str) else bool(p.get("reveal"))
                    for p in log["params"]]]
    assert {"view.network", "view.map", "view.walkthrough", "export.graphml", "export.gexf", "export.i2",
            "export.sigma", "report.html", "flags", "flags.export.html", "flags.export.csv"} <= set(revealed["action"])


# Appended to the report by the test: measures the page, then opens the timeline and zooms it.
_MEASURE = """<script>
window.addEventListener('load', function () { setTimeout(function () {
  var s = document.createElement('div'); s.id = 'wb-status'; document.body.appendChild(s);
  var d = document.querySelectorAll('details'), sum = document.getElementById('summary');
  d.forEach(function (x) { x.open = false; });
  s.dataset.closed = document.documentElement.scrollHeight;
  s.dataset.summary = sum.getBoundingClientRect().bottom + window.scrollY;
  s.dataset.sections = document.querySelectorAll('details.sec').length;
  var t = document.getElementById('timeline'), lanes = t.querySelector('.wb-lanes');
  t.open = true;
  s.dataset.timeline = t.getBoundingClientRect().height;
  s.dataset.lanes = lanes.dataset.lanes; s.dataset.markers = lanes.dataset.markers;
  var width = lanes.wbLanes.domain()[1] - lanes.wbLanes.domain()[0];
  lanes.wbLanes.zoom(0.25);
  s.dataset.zoomed = (lanes.wbLanes.domain()[1] - lanes.wbLanes.domain()[0]) / width;
  s.dataset.zoomedMarkers = lanes.dataset.markers;
  d.forEach(function (x) { x.open = true; });
  s.dataset.open = document.documentElement.scrollHeight;
  s.dataset.resources = performance.getEntriesByType('resource').length;
}, 300); });
</script>"""


def test_the_report_reads_in_one_screen_then_opens_on_demand(sample, tmp_path):
    wb, truth, _ = sample
    path = wb.report(truth["case_id"], tmp_path / "report").report
    page = path.read_text(encoding="utf-8")
    assert "<details" in page and "https://" not in page and "http://" not in page
    measured = tmp_path / "measured.html"
    measured.write_text(page.replace("</body>", _MEASURE + "</body>"), encoding="utf-8")
    st = render_in_browser(measured, budget_ms=20000, timeout=300).status
    assert float(st["summary"]) <= 1200, st
    assert float(st["closed"]) < 10000, st
    assert int(st["sections"]) >= 8 and float(st["open"]) > float(st["closed"])
    assert 5 <= int(st["lanes"]) <= 24 and int(st["markers"]) > 100, st
    assert 60 < float(st["timeline"]) < 1000, st  # bounded, whatever the case
    assert float(st["zoomed"]) == pytest.approx(0.25) and int(st["zoomed-markers"]) < int(st["markers"]), st
    assert st["resources"] == "0"
