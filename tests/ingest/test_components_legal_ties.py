"""Posts, origins and homes that titles and appositions state: one sentence each, and a near miss.

``ingest/components/appositions.py``: a title's "of"/"for" body is whom the official works for
(not "in Atlanta", not "at the bar"); "X, of <foreign country>" is where X comes from, "X, of
<town>" where X lives; "an Arizona woman" and "both of whom resided in" give a home.
"""
import pytest

from tests.ingest.conftest import linked

M = "workbench.legal_relations.v1"


@pytest.mark.parametrize("text, relation", [
    ("U.S. Attorney David E. Nahmias for the Northern District of Georgia announced the plea.",
     ("WORKS_FOR", "David E. Nahmias", "Northern District of Georgia", f"{M}:title-of")),
    ("Acting Assistant Attorney General Loretta King of the Civil Rights Division announced the plea.",
     ("WORKS_FOR", "Loretta King", "Civil Rights Division", f"{M}:title-of")),
    ("Vanita Gupta, head of the Justice Department's Civil Rights Division, announced the charges.",
     ("WORKS_FOR", "Vanita Gupta", "Justice Department", f"{M}:title-of")),
    ("Vanita Gupta, head of the Justice Department's Civil Rights Division, announced the charges.",
     ("WORKS_FOR", "Vanita Gupta", "Civil Rights Division", f"{M}:title-of")),
    ("Anthony V. Mangione, Special Agent in Charge, Federal Bureau of Investigation, announced the arrests.",
     ("WORKS_FOR", "Anthony V. Mangione", "Federal Bureau of Investigation", f"{M}:title-of")),
])
def test_works_for(nlp, text, relation):
    assert relation in linked(nlp, text)


@pytest.mark.parametrize("text", [
    "Special Agent in Charge Kenneth Smith spoke in Atlanta.",
    "Sgt. Hilberto Sosa was seen at Bar Luna Maya.",
    "U.S. District Judge Richard W. Story sentenced him.",
])
def test_not_works_for(nlp, text):
    assert not [r for r in linked(nlp, text) if r[0] == "WORKS_FOR"]


def test_of_a_foreign_country_is_origin_not_residence(nlp):
    rels = linked(nlp, "Amador Cortes-Meza, 36, of Tlaxcala, Mexico, was sentenced today.")
    assert ("NATIVE_OF", "Amador Cortes-Meza", "Tlaxcala", f"{M}:comma-of-country") in rels
    assert ("NATIVE_OF", "Amador Cortes-Meza", "Mexico", f"{M}:comma-of-country") in rels
    assert not [r for r in rels if r[0] == "LIVES_AT"], rels


def test_both_of_a_country_is_the_origin_of_the_two_before(nlp):
    rels = linked(nlp, "Aroldo Castillo-Serrano, 33, Ana Angelica Pedro Juan, 21, both of Guatemala, and Conrado "
                       "Salgado Soto, 52, of Mexico, are charged with labor trafficking conspiracy.")
    assert {(r[1], r[2]) for r in rels if r[0] == "NATIVE_OF"} == {
        ("Aroldo Castillo-Serrano", "Guatemala"), ("Ana Angelica Pedro Juan", "Guatemala"),
        ("Conrado Salgado Soto", "Mexico")}
    assert not [r for r in rels if r[0] == "LIVES_AT"], rels


def test_of_a_home_town_stays_residence(nlp):
    rels = linked(nlp, "Carlos Reyes, 45, of Aurora, Illinois, was sentenced today.")
    assert [r for r in rels if r[:3] == ("LIVES_AT", "Carlos Reyes", "Aurora") and r[3].endswith(":comma-of-place")]
    assert not [r for r in rels if r[0] == "NATIVE_OF"], rels


@pytest.mark.parametrize("text, relation", [
    ("Sylvia Munoz Rubio, an Arizona woman, remains at large.",
     ("LIVES_AT", "Sylvia Munoz Rubio", "Arizona", f"{M}:a-place-resident")),
])
def test_lives_at(nlp, text, relation):
    assert relation in linked(nlp, text)


def test_a_place_that_is_no_home_word_gives_no_home(nlp):
    assert not [r for r in linked(nlp, "Sylvia Munoz Rubio, an Arizona recruiter, remains at large.")
                if r[0] == "LIVES_AT"]
