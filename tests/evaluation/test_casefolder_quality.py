"""Case folders nobody here wrote (issues 12 and 13): regression guards at the levels measured now.

The issues' targets (every expected person exactly one node, 90% of roles and relations, every
complicit official flagged in both folders) are not all reached yet; these floors are what the
current rules reach on ``../shared/data/casefolders`` (closing notes of issues 12 and 13), so a
rule change that loses ground fails the suite. Raise them as the rules improve; never lower them
to make a change pass. Innocent officials are never flagged: that holds already and must stay.
"""
from __future__ import annotations

import pytest

from evaluation.casefolders import evaluate_casefolder
from tests.shared_data import shared_data

FLOORS = {  # folder: (persons exactly one node, roles right, relations found, complicit flagged)
    "A": (22, 21, 60, 2),
    "B": (27, 27, 67, 3),
}
EXTRA_PERSONS = {"A": 1, "B": 0}  # at most this many Person nodes that are no expected person
CITING = {"A": 2, "B": 3}  # complicit officials whose flag cites >= 80% of their evidence lines


@pytest.fixture(scope="module", params=sorted(FLOORS))
def report(request, nlp):
    folder = shared_data("casefolders", request.param)
    return request.param, evaluate_casefolder(folder, folder.parent / f"{request.param}-expected.json", nlp)


def test_people_roles_and_relations_hold_their_ground(report):
    name, r = report
    persons, roles, relations, _ = FLOORS[name]
    assert len(r.status("exact")) >= persons, r.status("split") + r.status("missing")
    assert len(r.roles_right) >= roles, r.roles_wrong
    assert r.relation_score.tp >= relations, r.relation_score.misses[:10]
    assert len(r.non_persons) <= EXTRA_PERSONS[name], r.non_persons


def test_every_phone_vehicle_and_account_is_linked_to_its_owner(report):
    _, r = report
    assert not [(i.kind, i.value, i.owner, i.status) for i in r.identifiers if i.status != "linked"]


def test_no_innocent_official_is_flagged(report):
    _, r = report
    assert not [c.name for c in r.flags if not c.complicit and c.flagged]


def test_complicit_officials_are_flagged_and_rank_above_every_innocent(report):
    name, r = report
    flagged = [c for c in r.flags if c.complicit and c.flagged]
    assert len(flagged) >= FLOORS[name][3], [(c.name, c.rank) for c in r.flags if c.complicit]
    innocent = [c.rank for c in r.flags if not c.complicit and c.rank is not None]
    assert all(c.rank < min(innocent, default=10**6) for c in flagged)


def test_flags_cite_the_evidence_lines_of_the_expected_file(report):
    name, r = report
    citing = [c.name for c in r.flags if c.complicit and c.flagged and c.cited_share >= 0.8]
    assert len(citing) >= CITING[name], [(c.name, len(c.cited), len(c.uncited)) for c in r.flags if c.complicit]


def test_unreadable_files_and_bad_rows_are_named(report):
    _, r = report
    assert r.files_failing.fn == r.files_failing.fp == 0
    assert r.csv_bad_rows.fn == r.csv_bad_rows.fp == 0
