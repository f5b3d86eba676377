"""Issue 13: a vehicle described with no plate is tied to the one compatible plated vehicle of its case."""
from __future__ import annotations

from ingest.components.vehicle_descriptions import DESCRIBED
from ingest.resolve import resolve


def plated(plate, description):
    return ("Vehicle", plate, {"key": plate, "props": {"description": description}})


def described(text):
    return ("Vehicle", text, {"method": DESCRIBED, "props": {"description": text}})


def tied(r):
    return [(m.text, key) for m, label, key in r.mentions if m.method == DESCRIBED]


def test_a_described_vehicle_is_tied_to_the_one_compatible_plate(note):
    r = resolve([note("n1", plated("CZ-P-20417", "grey Toyota Tacoma 2020"), plated("CY-C-18823", "white Toyota Hiace")),
                 note("n2", described("grey pickup"))])
    assert tied(r) == [("grey pickup", "CZ-P-20417")]
    assert sorted(n.key for n in r.nodes if n.label == "Vehicle") == ["CY-C-18823", "CZ-P-20417"]
    assert r.stats["vehicles_tied_by_description"] == 1
    assert {n.key: n.props.get("description") for n in r.nodes}["CZ-P-20417"] == "grey Toyota Tacoma 2020"


def test_two_white_vans_are_never_told_apart_by_a_guess(note):
    r = resolve([note("n1", plated("CY-C-18823", "White Toyota Hiace"), plated("OW-C-12345", "white Urvan")),
                 note("n2", described("the white van"))])
    assert tied(r) == [] and r.stats["vehicles_tied_by_description"] == 0
    assert len([n for n in r.nodes if n.label == "Vehicle"]) == 2


def test_a_vehicle_of_another_colour_is_not_tied(note):
    r = resolve([note("n1", plated("CZ-P-20417", "grey Toyota Tacoma")), note("n2", described("white pickup"))])
    assert tied(r) == [] and [n.key for n in r.nodes] == ["CZ-P-20417"]


def test_a_plate_of_another_case_is_not_a_candidate(note):
    r = resolve([note("n1", plated("CZ-P-20417", "grey Toyota Tacoma"), case_id="case-1"),
                 note("n2", described("grey pickup"), case_id="case-2")])
    assert tied(r) == []


def test_an_untied_description_makes_no_node_and_no_problem(note):
    r = resolve([note("n1", described("una van blanca"))])
    assert r.nodes == [] and r.problems == []


def test_a_relation_of_a_tied_description_lands_on_the_plated_vehicle(note):
    """"A man came in a grey pickup" at the venue: the plated grey Tacoma was there, and the
    relation keeps the statement's own note as its evidence."""
    r = resolve([note("n1", plated("CZ-P-20417", "grey Toyota Tacoma 2020")),
                 note("n2", described("grey pickup"), ("Organization", "Blue Parrot Bar"), relations=(("SEEN_AT", 0, 1),))])
    [seen] = [rel for rel in r.rels if rel.type == "SEEN_AT"]
    assert (seen.source_key, seen.target_label) == ("CZ-P-20417", "Organization")
    assert r.stats["vehicles_tied_by_description"] == 1


def test_a_relation_of_an_untied_description_is_dropped_without_a_problem(note):
    r = resolve([note("n1", plated("CZ-P-20417", "grey Toyota Tacoma"), plated("OW-P-11111", "grey Ford Ranger")),
                 note("n2", described("grey pickup"), ("Organization", "Blue Parrot Bar"), relations=(("SEEN_AT", 0, 1),))])
    assert [rel for rel in r.rels if rel.type == "SEEN_AT"] == [] and r.problems == []
