"""Names the model tags as something else, or leaves untagged: one sentence each, and the nearest
sentence where the same words are not a person.

Police notes write surnames in capitals ("Ana BARDALES"), open a record with its heading noun
("Statement of Keyla Salazar"), call people by one word of a name given earlier ("Flowers was
interviewed") or by a nickname of a letter ("Miss P"); the small model reads many of these as a
place, an organization or a facility.
"""
import pytest

from tests.ingest.conftest import found


def people(nlp, text):
    return [(m["text"], m["canonical"]) for m in found(nlp, text, "Person")]


@pytest.mark.parametrize("text, name", [
    ("Ana BARDALES was interviewed by Petrona Pech at San Ignacio Police Station.", "Ana BARDALES"),
    ("Ana Urbina spent the night at Hotel Casa Blanca.", "Ana Urbina"),
    ("Statement of Keyla Salazar, taken by WPC Petrona Tzib at Benque Viejo Police Station on 25 March.",
     "Keyla Salazar"),
    ("Latoya Flowers was interviewed by Cleveland Palacio at Orange Walk Police Station.", "Cleveland Palacio"),
    ("According to Crisanto, Marisol Cardona spent the night at Las Palmas Citrus Plantation.", "Marisol Cardona"),
    ("The driver, Celestino Canul, moved Yesenia Cardona through Benque Viejo at night.", "Yesenia Cardona"),
    ("Case 12. 10:35 - Carlos Alvarado intimidated Glenda Espinal into staying at El Rancho Cantina.",
     "Carlos Alvarado"),
])
def test_a_name_the_model_took_for_something_else(nlp, text, name):
    assert name in [p[0] for p in people(nlp, text)]


def test_a_word_of_a_name_given_earlier_is_that_person(nlp):
    text = "Latoya Flowers was seen at La Frontera Club. Flowers was interviewed by Cpl. Petrona Pech."
    assert ("Flowers", "Latoya Flowers") in people(nlp, text)


def test_the_same_word_in_lower_case_is_no_one(nlp):
    text = "Latoya Flowers was seen at La Frontera Club. The flowers were left at the door."
    assert [p for p in people(nlp, text) if p[0] != "Latoya Flowers"] == []


def test_a_known_place_after_a_first_name_stays_a_place(nlp):
    text = "Ana went to Corozal Town on Friday."
    assert [m["text"] for m in found(nlp, text, "Location")] == ["Corozal Town"]
    assert "Ana Corozal" not in [p[0] for p in people(nlp, text)]


def test_a_letter_after_an_honorific_is_a_nickname(nlp):
    text = 'Latoya "Miss P" Flowers runs the club. Miss P contacted Belen Ramirez on Facebook.'
    assert ("Miss P", "Latoya Flowers") in people(nlp, text)


def test_an_honorific_before_a_surname_is_still_stripped(nlp):
    assert [p[0] for p in people(nlp, "Miss Lopez contacted Belen Ramirez on Facebook.")][:1] == ["Lopez"]


def test_a_vehicle_model_is_not_an_organization(nlp):
    text = "A white Toyota Hiace minibus, TO C-56747, belongs to Ernesto Espinal."
    assert found(nlp, text, "Organization") == []


def test_a_nickname_the_finder_took_first_is_still_the_named_person(nlp):
    text = 'Celestino Canul stated that Noe Matamoros, known as "Don Beto" is his boss.'
    assert ("Beto", "Noe Matamoros") in people(nlp, text)


def test_a_date_before_a_name_is_not_part_of_it(nlp):
    assert "Monday Carlos Reyes" not in [p[0] for p in people(nlp, "On Monday Carlos Reyes met Ana Pop.")]
