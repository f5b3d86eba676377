"""Roles from what is done to people and what they do: one sentence or form each, and a near miss.

The patient of a legal act is a suspect, the officer who acts is not; a form's act label names
its prisoners; a speaker or interviewee nothing else describes is a witness; a stated role (a
victim's initials, a title) is never replaced; "not arrested" and reported speech count for nothing.
"""
import pytest

from tests.ingest.conftest import found


def role(nlp, text, name):
    return next((m["props"].get("role") for m in found(nlp, text, "Person") if m["text"] == name), "absent")


@pytest.mark.parametrize("text, name, expected", [
    ("Cpl. Juan Pop arrested Carlos Reyes at the bar.", "Carlos Reyes", "suspect"),
    ("Cpl. Juan Pop arrested Carlos Reyes at the bar.", "Juan Pop", "official"),
    ("The officer who arrested Carlos Reyes was Cpl. Juan Pop.", "Juan Pop", "official"),
    ("Carlos Reyes was charged with trafficking in persons.", "Carlos Reyes", "suspect"),
    ("Carlos Reyes was remanded to the Belize Central Prison.", "Carlos Reyes", "suspect"),
    ("KU, Ruben, 34, came out. Arrested for trafficking in persons and cautioned.", "KU, Ruben", "suspect"),
    ("Under caution GUERRA, Elmer stated that his brother pays him.", "GUERRA, Elmer", "suspect"),
    ("Carlos Reyes was not arrested.", "Carlos Reyes", None),
    ("Carlos Reyes told the agents about the bar.", "Carlos Reyes", None),
])
def test_legal_acts_make_suspects(nlp, text, name, expected):
    assert role(nlp, text, name) == expected


@pytest.mark.parametrize("text, name", [
    ("SUBJECT: ARREST - KU, Ruben (San Joaquin, Corozal)", "KU, Ruben"),
    ("Arrests (caution administered to each):\n23:40 CHEN WU, Kenneth - trafficking in persons.", "CHEN WU, Kenneth"),
    ("Warrants requested: Nelson Bonilla Flores, Honduran - through INTERPOL.", "Nelson Bonilla Flores"),
])
def test_form_labels_name_suspects(nlp, text, name):
    assert role(nlp, text, name) == "suspect"


def test_a_label_that_negates_names_no_suspect(nlp):
    assert role(nlp, "Persons not arrested: Nelson Bonilla Flores.", "Nelson Bonilla Flores") != "suspect"


@pytest.mark.parametrize("text, name, expected", [
    ('The barman Orlando Pop stated: "Di van come fi di gyal dem."', "Orlando Pop", "witness"),
    ("Carlos Reyes was interviewed at Belmopan Police Station.", "Carlos Reyes", "witness"),
    ("First reported by | Mrs. Elsie Vasquez, Guidance Counsellor", "Elsie Vasquez", "witness"),
    ('The barman, Wilmer Pop, was not arrested; he said the women "work for La Jefa, not for me".', "Wilmer Pop",
     "witness"),
    ("K.M.A. stated that she was brought to the bar by Elmer.", "K.M.A.", "victim"),
    ("Chino Pop said she owed him money.", "Chino Pop", None),
])
def test_statements_make_witnesses_only_where_nothing_else_does(nlp, text, name, expected):
    assert role(nlp, text, name) == expected


def test_a_suspect_role_says_which_act(nlp):
    person = next(m for m in found(nlp, "Carlos Reyes was charged with trafficking in persons.", "Person"))
    assert person["props"]["role_basis"] == "legal act: charge (workbench.legal_relations.v1)"


@pytest.mark.parametrize("text, name", [
    ("En la iglesia la hermana Gloria me dio café y llamó a la policía.", "Gloria"),
    ("Mrs. Elsie Vasquez phoned the police at 22:10.", "Elsie Vasquez"),
])
def test_whoever_alerted_the_police_is_a_witness(nlp, text, name):
    people = {m["text"]: m["props"] for m in found(nlp, text, "Person")}
    assert people[name].get("role") == "witness", people
    assert "alerted the police" in people[name]["role_basis"]


@pytest.mark.parametrize("text", [
    "Rosa Pop did not call the police.",
    'Ana Lopez told Marta Ruiz: "yu noh call di police".',
])
def test_not_calling_the_police_or_a_quote_about_it_makes_no_witness(nlp, text):
    assert not [m for m in found(nlp, text, "Person") if m["props"].get("role") == "witness"]
