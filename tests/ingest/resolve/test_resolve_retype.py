"""The model's guess of a type corrected by the case (``ingest.retype``): a first name read as a
company joins the one person of that name, a venue's short name read as a person becomes the venue,
and what the case states both ways, or never, stays as it was."""
from __future__ import annotations

from ingest.resolve import resolve

GUESS = {"method": "ner:ORG"}


def _by_label(resolution, label):
    return sorted(n.props["name"] for n in resolution.nodes if n.label == label)


def test_a_first_name_read_as_a_company_is_the_one_person_of_that_name(note):
    r = resolve([note("n1", ("Person", "Ruben Ku", {"method": "workbench.person_finder.v1:surname-first"})),
                 note("n2", ("Organization", "Ruben", GUESS), ("Person", "H.Z.M.", {"method": "initials"}),
                      relations=(("TRANSPORTED", 0, 1),))])
    assert _by_label(r, "Organization") == []
    transported = [rel for rel in r.rels if rel.type == "TRANSPORTED"]
    ruben = next(n for n in r.nodes if n.props.get("name") == "Ruben Ku")
    assert [(rel.source_label, rel.source_key) for rel in transported] == [("Person", ruben.key)]


def test_two_people_of_that_first_name_keep_the_guess_apart_from_both(note):
    r = resolve([note("n1", ("Person", "Ruben Ku", {"method": "rule"}), ("Person", "Ruben Pop", {"method": "rule"})),
                 note("n2", ("Organization", "Ruben", GUESS))])
    assert _by_label(r, "Person") == ["Ruben", "Ruben Ku", "Ruben Pop"]


def test_a_venue_short_name_read_as_a_person_is_the_venue(note):
    r = resolve([note("n1", ("Organization", "La Herradura Bar & Rooms", {"method": "venues.jsonl", "props": {"kind": "venue"}})),
                 note("n2", ("Person", "La Herradura", {"method": "ner:PERSON"}))])
    assert "La Herradura" not in _by_label(r, "Person")


def test_a_name_the_case_never_states_keeps_the_model_s_type(note):
    r = resolve([note("n1", ("Organization", "Belikin", GUESS)), note("n2", ("Person", "Carlos Reyes", {"method": "rule"}))])
    assert _by_label(r, "Organization") == ["Belikin"]


def test_a_guess_stated_only_by_other_guesses_stays(note):
    r = resolve([note("n1", ("Person", "Paloma", {"method": "ner:PERSON"})), note("n2", ("Location", "Paloma", {"method": "ner:GPE"}))])
    assert _by_label(r, "Location") == ["Paloma"]


def test_a_double_surname_alone_is_the_one_person_it_ends(note):
    r = resolve([note("n1", ("Person", "Kenneth Chen Wu", {"method": "rule"})),
                 note("n2", ("Person", "Chen Wu", {"method": "ner:PERSON"}), ("Person", "ZELAYA CACERES", {"method": "rule"})),
                 note("n3", ("Person", "Marleny Zelaya Cáceres", {"method": "rule"}))])
    assert _by_label(r, "Person") == ["Kenneth Chen Wu", "Marleny Zelaya Cáceres"]


def test_two_words_that_open_with_someone_s_first_name_are_a_person_of_their_own(note):
    r = resolve([note("n1", ("Person", "Kenneth Chen Wu", {"method": "rule"}), ("Person", "Chen Li", {"method": "rule"})),
                 note("n2", ("Person", "Chen Wu", {"method": "ner:PERSON"}))])
    assert "Chen Wu" in _by_label(r, "Person")


def test_a_signature_of_initial_and_surname_read_as_a_company_is_the_officer(note):
    r = resolve([note("n1", ("Person", "PC Kevin Arzu", {"method": "rule"})), note("n2", ("Organization", "K. Arzu", GUESS))])
    assert _by_label(r, "Organization") == [] and _by_label(r, "Person") == ["Kevin Arzu"]
