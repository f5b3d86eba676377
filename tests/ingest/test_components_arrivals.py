"""Issue 13: who and what came to the place a statement's speaker was brought to (``arrivals``)."""
from __future__ import annotations

from tests.ingest.conftest import linked

METHOD = "workbench.arrivals.v1"


def arrivals(nlp, text):
    return [(source, target) for rel_type, source, target, method in linked(nlp, text)
            if method == METHOD and rel_type == "SEEN_AT"]


def test_a_vehicle_and_a_named_man_that_came_are_seen_at_the_place_the_speaker_was_brought_to(nlp):
    text = ("I am R.T.M., 19 years old. The driver brought us to the Blue Parrot Bar in the night. "
            "The owner took our documents. Every Friday a tall man came in a white pickup by the side gate. "
            "On Mondays a man came whom the girls called Capi.")
    assert arrivals(nlp, text) == [("white pickup", "Blue Parrot Bar"), ("Capi", "Blue Parrot Bar")]


def test_a_person_noun_named_after_a_comma_is_the_one_who_came(nlp):
    text = ("I am R.T.M. The driver brought us to the Blue Parrot Bar. "
            "Once a woman came in the morning, Doña Estela; the owner said she was his partner.")
    assert arrivals(nlp, text) == [("Estela", "Blue Parrot Bar")]


def test_an_unnamed_place_ends_the_scene(nlp):
    text = ("I am R.T.M. The driver brought us to the Blue Parrot Bar. Later a man kept us in his house for a week. "
            "Every day a tall man came in a white pickup.")
    assert arrivals(nlp, text) == []


def test_no_scene_no_arrival(nlp):
    assert arrivals(nlp, "Every Friday a tall man came in a white pickup by the side gate.") == []


def test_a_negated_coming_and_a_sentence_naming_its_own_place_are_not_arrivals(nlp):
    text = ("I am R.T.M. The driver brought us to the Blue Parrot Bar. The man with the white pickup never came on Sundays. "
            "Mr. Tun came to Orange Walk Town on Friday.")
    assert arrivals(nlp, text) == []


def test_the_officer_taking_the_statement_is_no_arrival(nlp):
    text = ("I am R.T.M. The driver brought us to the Blue Parrot Bar. "
            "On the 3rd of May Cpl. Andrea Pook came with other police and took us out.")
    assert [source for source, _ in arrivals(nlp, text)] == []


def test_a_rescue_ends_the_scene(nlp):
    text = ("I am R.T.M. The driver brought us to the Blue Parrot Bar. The police rescued us on the 3rd of May. "
            "On the 4th of May Mr. Tun came with my documents.")
    assert arrivals(nlp, text) == []
