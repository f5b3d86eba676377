"""The case report: every section, offline, escaped, victims pseudonymized unless revealed."""
from __future__ import annotations

import pandas as pd

from tests.factory import ev, r, rel
from tests.workbench.test_project import _case
from workbench.flags.run import complicity_flags
from workbench.project import from_records
from workbench.report import build_report

HOSTILE = "<img src=x onerror=alert(1)>"


def _report(reveal=False):
    G, carlos, ana, sgt, cpl = _case()
    notes = pd.DataFrame({"id": ["note-1"], "path": ["a.txt"], "superseded_by": [None]})
    return build_report(G, complicity_flags(G), notes, case_id="BZ-1", reveal=reveal), G


def test_report_has_every_section_and_loads_nothing_from_the_network():
    report, _ = _report()
    assert set(report.sections) >= {"summary", "key-players", "communities", "disruption", "leads", "flags",
                                    "timeline", "network"}
    assert "https://" not in report.html and "http://" not in report.html
    assert "possible complicity — needs review" in report.html


def test_victims_are_pseudonymized_unless_revealed():
    hidden, _ = _report()
    assert "Ana Lopez" not in hidden.html and "Victim 1" in hidden.html
    shown, _ = _report(reveal=True)
    assert "Ana Lopez" in shown.html


def test_hostile_names_are_escaped():
    bad = r("Person", name=HOSTILE, role="suspect")
    other = r("Person", name="Carlos Reyes", role="suspect")
    G = from_records([bad, other], [rel("RECRUITED", bad, other, ev(sentence=f"{HOSTILE} recruited Carlos."))])
    notes = pd.DataFrame({"id": ["note-1"], "path": ["a.txt"], "superseded_by": [None]})
    page = build_report(G, complicity_flags(G), notes, case_id="<script>x</script>").html
    assert HOSTILE not in page and "<script>x</script>" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
