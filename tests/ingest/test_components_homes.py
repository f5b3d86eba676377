"""Homes with no town of their own are in the note's scene; addresses given on records (issue 12)."""
from tests.ingest.conftest import linked

ARREST = "SUBJECT: ARREST - KU, Ruben (San Joaquin, Corozal)\n\nAt 06:15 hrs KU, Ruben, 34, came out.\n"


def _homes(nlp, text):
    return {(r[1], r[2]) for r in linked(nlp, text) if r[0] == "LIVES_AT"}


def test_the_home_of_someone_is_in_the_village_the_subject_line_names(nlp):
    text = ARREST + "The house next door is the home of PC 1177 CHI, Armando (Corozal Police Station)."
    assert ("CHI, Armando", "San Joaquin") in _homes(nlp, text)


def test_living_in_a_house_of_the_yard_is_living_in_the_scene(nlp):
    text = ARREST + "KU, Julio, 29, brother of the prisoner, mechanic, lives in the back house of the same yard."
    assert ("KU, Julio", "San Joaquin") in _homes(nlp, text)


def test_a_note_without_a_subject_line_has_no_scene(nlp):
    text = "At 06:15 hrs Ruben Ku came out. Julio Ku, mechanic, lives in the back house of the same yard."
    assert not [h for h in _homes(nlp, text) if h[0] == "Julio Ku"]


def test_a_subject_line_naming_two_towns_has_no_scene(nlp):
    text = ("SUBJECT: TRANSFER - Orange Walk Town and Corozal Town\n\n"
            "Julio Ku, mechanic, lives in the back house of the same yard.")
    assert not [h for h in _homes(nlp, text) if h[0] == "Julio Ku"]


RECORDS = ("Register of councillors: Cllr. Rafael Antonio Cruz, elected 2021. His Integrity Commission declaration "
           "(2023) names his spouse as Glenda Cruz. The home address on the declaration, 12 Naranjal Street, Orange "
           "Walk Town, is the same address given by Glenda Cruz on the company file.")


def test_an_address_given_by_someone_is_their_address_and_its_town_too(nlp):
    homes = _homes(nlp, RECORDS)
    assert ("Glenda Cruz", "12 Naranjal Street") in homes and ("Glenda Cruz", "Orange Walk Town") in homes


def test_the_address_on_the_declaration_is_its_holder_s(nlp):
    assert ("Rafael Antonio Cruz", "12 Naranjal Street") in _homes(nlp, RECORDS)


def test_an_address_seen_by_someone_is_not_theirs(nlp):
    text = "The address on the file, 12 Naranjal Street, Orange Walk Town, was checked by Glenda Cruz."
    assert not [h for h in _homes(nlp, text) if h[0] == "Glenda Cruz"]
