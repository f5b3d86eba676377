"""Every view, export, report and flag run made through the library is audited (issue 14, part 7).

No caller calls ``record_export``: each test takes the audit log's new entries after one call and
checks the action and that the recorded hash is that of what was written.
"""
from __future__ import annotations

import hashlib

import pytest

from tests.workbench.cli.small_case import CASE, small_case, wb  # noqa: F401

pytestmark = pytest.mark.neo4j


def _sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def new_entries(wb):
    """A function returning the audit entries written since the test began."""
    before = len(wb.audit())

    def since():
        return wb.audit().iloc[before:].to_dict("records")
    return since


def test_a_view_and_an_inline_view_are_audited(wb, new_entries, tmp_path):
    G = wb.case_graph(CASE)
    page = wb.view(G, tmp_path / "v.html", size_by="pagerank", audit_params={"case": CASE})
    wb.show(G)
    first, second = new_entries()
    assert first["action"] == second["action"] == "view.network"
    assert first["result_sha256"] == _sha(tmp_path / "v.html") == hashlib.sha256(page.encode()).hexdigest()
    assert first["params"]["case"] == CASE and first["params"]["reveal"] is False and first["analyst"] == "pytest"


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "i2"])
def test_exports_are_audited_file_by_file(wb, new_entries, tmp_path, fmt):
    written = wb.export(wb.case_graph(CASE), tmp_path / ("i2" if fmt == "i2" else f"g.{fmt}"), fmt)
    entries = new_entries()
    assert [e["action"] for e in entries] == [f"export.{fmt}"] * len(written) and written
    assert [e["result_sha256"] for e in entries] == [_sha(p) for p in written]


def test_a_walkthrough_is_audited(wb, new_entries, tmp_path):
    walk = tmp_path / "walk.yaml"
    walk.write_text("title: W\nsteps:\n  - title: One\n    entities: [Carlos Reyes]\n", encoding="utf-8")
    out = wb.walkthrough(wb.case_graph(CASE), walk, tmp_path / "w.html")
    (entry,) = new_entries()
    assert entry["action"] == "view.walkthrough" and entry["result_sha256"] == _sha(out)


def test_a_report_audits_its_flag_run_walkthrough_and_page(wb, new_entries, tmp_path):
    walk = tmp_path / "walk.yaml"
    walk.write_text("title: W\nsteps:\n  - title: One\n    entities: [Carlos Reyes]\n", encoding="utf-8")
    out = wb.report(CASE, tmp_path / "report", walkthrough=walk)
    actions = [e["action"] for e in new_entries()]
    assert actions == ["flags.run", "view.walkthrough", "report.html"]
    assert new_entries()[-1]["result_sha256"] == _sha(out.report) and out.flagged >= 1


def test_flags_written_out_are_audited(wb, new_entries, tmp_path):
    flags = wb.complicity_flags(CASE)
    out = wb.write_flags(flags, tmp_path / "flags.html", case_id=CASE)
    assert [e["action"] for e in new_entries()] == ["flags.run", "flags.export.html"]
    assert new_entries()[-1]["result_sha256"] == _sha(out)


def test_record_export_still_works_for_other_outputs(wb, new_entries):
    wb.record_export("notebook.table", {"rows": 3}, b"a,b\n")
    (entry,) = new_entries()
    assert entry["action"] == "notebook.table" and entry["result_sha256"] == hashlib.sha256(b"a,b\n").hexdigest()
