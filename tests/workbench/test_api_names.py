"""The library takes names where it takes a node, and fails in one line on a wrong argument (issue 14)."""
from __future__ import annotations

import pytest

from tests.workbench.cli.small_case import CASE, SOURCE, small_case, wb  # noqa: F401
from workbench.errors import AmbiguousName, UnknownCase, UnknownNode, WorkbenchError

pytestmark = pytest.mark.neo4j


def test_resolve_takes_ids_keys_names_numbers_and_pseudonyms(wb):
    carlos = wb.resolve("Carlos Reyes")
    assert carlos.startswith("Person:")
    assert wb.resolve(carlos) == carlos == wb.resolve(carlos.split(":", 1)[1]) == wb.resolve("CARLOS  reyes")
    assert wb.resolve("622-1234") == "Phone:+5016221234"
    assert wb.resolve("Victim 1", case_id=CASE) == wb.resolve("Ana Lopez")
    assert wb.resolve("Castillo") == wb.resolve("Mario Castillo")  # the one entity with that word


def test_an_ambiguous_name_carries_its_choices_by_pseudonym(wb):
    with pytest.raises(AmbiguousName) as caught:
        wb.resolve("Lopez")
    names = sorted(c["name"] for c in caught.value.choices)
    assert names == ["Jose Lopez", "Victim 1"] and all(c["id"].startswith("Person:") for c in caught.value.choices)
    assert "\n" not in str(caught.value)


def test_an_unknown_name_suggests_the_nearest(wb):
    with pytest.raises(UnknownNode, match=r"^\[W402\] .*'Carlos Reyse'.*did you mean 'Carlos Reyes'"):
        wb.resolve("Carlos Reyse")


def test_neighbourhood_evidence_and_decide_take_names(wb, neo4j_settings):
    H = wb.neighbourhood("Carlos Reyes", hops=1, case_id=CASE)
    assert wb.resolve("Sunset Bar") in H and wb.resolve("Mario Castillo") not in H
    frame = wb.evidence("Carlos Reyes")
    assert set(frame["source"]) == {SOURCE} and "note_id" in frame and "path" in frame
    a, b = wb.decide("Carlos Reyes", "Luis Reyes", same=False)
    assert {d.left for d in wb.decision_log.current()} | {d.right for d in wb.decision_log.current()} >= {
        a.split(":", 1)[1], b.split(":", 1)[1]}


def test_find_ranks_and_protects(wb):
    frame = wb.find("reyes")
    assert list(frame.columns) == ["name", "label", "role", "case", "id", "score"]
    assert set(frame["name"]) == {"Carlos Reyes", "Luis Reyes"} and set(frame["case"]) == {CASE}
    assert wb.find("Ana Lopez")["name"].tolist() == ["Victim 1"]
    assert wb.find("Ana Lopez", reveal=True)["name"].tolist() == ["Ana Lopez"]
    assert wb.find("call", label="Call")["label"].tolist() == ["Call"]  # events only when asked for


def test_unknown_cases_and_paths_are_refused_before_anything_happens(wb, tmp_path):
    with pytest.raises(UnknownCase, match=r"unknown case 'bz-1' \(did you mean 'BZ-1'\?\)") as caught:
        wb.case_graph("bz-1")
    assert caught.value.known == (CASE,)
    with pytest.raises(UnknownCase):
        wb.report("nope", tmp_path / "report")
    assert not (tmp_path / "report").exists()
    with pytest.raises(WorkbenchError, match="missing: not found"):
        wb.ingest([tmp_path / "missing"])
    with pytest.raises(WorkbenchError, match="size_by 'bogus' is not valid"):
        wb.view(wb.case_graph(CASE), tmp_path / "v.html", size_by="bogus")
    assert not (tmp_path / "v.html").exists()
