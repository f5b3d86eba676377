"""A seized handset's calls get their own end from the exhibit list (``ingest.exhibit_calls``)."""
from __future__ import annotations

from ingest.resolve import resolve
from tests.factory import phone

CALL = {"key": "c1", "props": {"recorded_on": "HB-04"}}


def _call_legs(resolution):
    return sorted((r.type, r.source_key, r.target_key) for r in resolution.rels if r.type in ("CALLED", "CALL_TO"))


def test_an_incoming_call_on_the_exhibit_reaches_the_listed_phone(note):
    listed = note("n1", ("Phone", "627-4410", {"key": "+5016274410", "props": {"exhibit": "HB-04"}}))
    log = note("n2", phone("+5016382256"), ("Call", "row 3", CALL), relations=(("CALLED", 0, 1),))
    assert any(t == "CALL_TO" and d == "+5016274410" for t, _, d in _call_legs(resolve([listed, log])))


def test_an_outgoing_call_on_the_exhibit_comes_from_the_listed_phone(note):
    listed = note("n1", ("Phone", "627-4410", {"key": "+5016274410", "props": {"exhibit": "HB-04"}}))
    log = note("n2", ("Call", "row 4", CALL), phone("+5016382256"), relations=(("CALL_TO", 0, 1),))
    assert any(t == "CALLED" and s == "+5016274410" for t, s, _ in _call_legs(resolve([listed, log])))


def test_an_exhibit_no_note_numbers_leaves_the_call_with_one_end(note):
    log = note("n2", phone("+5016382256"), ("Call", "row 3", CALL), relations=(("CALLED", 0, 1),))
    assert [t for t, _, _ in _call_legs(resolve([log]))] == ["CALLED"]


def test_two_phones_listed_as_one_exhibit_give_no_end(note):
    listed = note("n1", ("Phone", "627-4410", {"key": "+5016274410", "props": {"exhibit": "HB-04"}}),
                  ("Phone", "627-9999", {"key": "+5016279999", "props": {"exhibit": "HB-04"}}))
    log = note("n2", phone("+5016382256"), ("Call", "row 3", CALL), relations=(("CALLED", 0, 1),))
    assert [t for t, _, _ in _call_legs(resolve([listed, log]))] == ["CALLED"]
