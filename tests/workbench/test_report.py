"""The case report: every section, offline, escaped, victims pseudonymized unless revealed."""
from __future__ import annotations

import pandas as pd

from tests.factory import ev, projected_case, r, rel
from workbench.flags.run import complicity_flags
from workbench.project import from_records
from workbench.report import build_report

HOSTILE = "<img src=x onerror=alert(1)>"


def _report(reveal=False):
    G, carlos, ana, sgt, cpl = projected_case()
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


def test_the_summary_comes_first_and_every_other_section_opens_on_demand():
    report, _ = _report()
    page = report.html
    assert page.index('id="summary"') < page.index("<details")
    assert page.count('<details class="sec"') == len(report.sections) - 1  # all but the summary
    summary = page[page.index('id="summary"'):page.index("<details")]
    assert "Who matters" in summary and "Officials who need review" in summary and "What to do next" in summary
    assert 'href="#flag-1"' in summary and "Mario Castillo" in summary


def test_a_flags_evidence_is_shown_once_grouped_per_link_with_its_file():
    G, *_ = projected_case()
    flags = complicity_flags(G)
    notes = pd.DataFrame({"id": ["note-1"], "path": ["interview_0314.txt"], "date": ["2026-03-14"],
                          "author": ["Cpl. Pook"], "superseded_by": [None]})
    page = build_report(G, flags, notes, case_id="BZ-1").html
    block = page[page.index('id="flag-1"'):page.index("</details>", page.rindex('class="link"'))]
    distinct = {(e.note_id, e.sentence, e.start, e.end) for e in flags.flags[0].evidence}
    assert block.count("<q>") == len(distinct)  # each sentence once, however many rules used it
    assert "interview_0314.txt" in block and "Cpl. Pook" in block
    assert "note-1" not in block  # the file, not the note's id
    assert block.count('class="link"') >= 1


def test_the_timeline_is_lanes_not_a_picture():
    report, _ = _report()
    timeline = report.html[report.html.index('id="timeline"'):report.html.index('id="leads"')]
    assert 'class="wb-lanes"' in timeline and "data:image/png" not in timeline
