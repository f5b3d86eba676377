"""Legal-process relations: one sentence (or a short release) each, and a near miss that must not fire.

The phrasings are those of U.S. press releases and Belize police notes (``legal.jsonl``,
``ingest/components/legal.py``); the near misses are the closest sentences that state something
else: a fine the defendant only faces, an arrest that did not happen, an officer who arrests.
"""
import pytest

from tests.ingest.conftest import found, linked

M = "workbench.legal_relations.v1"


def _of(nlp, text, rel_type):
    return [r for r in linked(nlp, text) if r[0] == rel_type]


@pytest.mark.parametrize("text, relation", [
    ("Agents of the Immigration and Naturalization Service arrested Maria Garcia in Fancher.",
     ("ARRESTED_BY", "Maria Garcia", "Immigration and Naturalization Service", f"{M}:arrest")),
    ("Carlos Reyes was arrested by Belize Police Department officers in Orange Walk.",
     ("ARRESTED_BY", "Carlos Reyes", "Belize Police Department", f"{M}:arrest")),
    ("Firas Majeed and Shatha Abbas were arraigned Friday following their arrest by HSI special agents.",
     ("ARRESTED_BY", "Shatha Abbas", "HSI", f"{M}:arrest-noun")),
    ("At 22:31 hrs PC 2290 GENTLE arrested GILLETT, Shane Ricardo after caution.",
     ("ARRESTED_BY", "GILLETT, Shane Ricardo", "GENTLE", f"{M}:arrest")),
])
def test_arrested_by(nlp, text, relation):
    assert relation in linked(nlp, text)


def test_the_officer_who_arrests_is_not_the_one_arrested(nlp):
    rels = _of(nlp, "The officer who arrested Carlos Reyes was Cpl. Juan Pop.", "ARRESTED_BY")
    assert not [r for r in rels if r[1] == "Juan Pop"], rels


def test_an_arrest_that_did_not_happen_is_none(nlp):
    assert not _of(nlp, "Carlos Reyes was not arrested by the Belize Police Department.", "ARRESTED_BY")


def test_an_arrest_carries_its_date(nlp):
    doc = nlp("Carlos Reyes was arrested by Belize Police Department officers on Nov. 21, 2010.")
    assert [r["props"].get("date") for r in doc._.wb_relations if r["type"] == "ARRESTED_BY"] == ["2010-11-21"]


@pytest.mark.parametrize("text, relation", [
    ("Carlos Reyes was sentenced today by U.S. District Judge Richard W. Story to serve 40 years in prison.",
     ("SENTENCED_BY", "Carlos Reyes", "Richard W. Story", f"{M}:sentence")),
    ("U.S. District Judge Sara L. Ellis imposed the sentence on Carlos Reyes in April.",
     ("SENTENCED_BY", "Carlos Reyes", "Sara L. Ellis", f"{M}:impose-sentence")),
])
def test_sentenced_by(nlp, text, relation):
    assert relation in linked(nlp, text)


def test_a_sentence_that_may_come_is_none(nlp):
    assert not _of(nlp, "Carlos Reyes could be sentenced by U.S. District Judge Richard W. Story.", "SENTENCED_BY")


@pytest.mark.parametrize("text, relation", [
    ("Carlos Reyes was also ordered to pay restitution to the victims in the amount of $292,000.",
     ("ORDERED_TO_PAY", "Carlos Reyes", "$292,000", f"{M}:order-to-pay")),
    ("The court ordered Carlos Reyes and Maria Lopez to pay $98,364 in restitution.",
     ("ORDERED_TO_PAY", "Maria Lopez", "$98,364", f"{M}:order-to-pay")),
    ("Carlos Reyes was sentenced to 15 years in prison followed by a special assessment of $200.",
     ("ORDERED_TO_PAY", "Carlos Reyes", "$200", f"{M}:sentence")),
])
def test_ordered_to_pay(nlp, text, relation):
    assert relation in linked(nlp, text)


@pytest.mark.parametrize("text", [
    "Carlos Reyes faces a maximum fine of $250,000.",
    "Carlos Reyes was sentenced to 15 years and faces a fine of $250,000.",
])
def test_a_fine_the_defendant_faces_is_no_order(nlp, text):
    assert not _of(nlp, text, "ORDERED_TO_PAY")


def test_an_order_keeps_the_kind_of_sum(nlp):
    doc = nlp("The court ordered Carlos Reyes to pay $98,364 in restitution.")
    assert [r["props"]["relation"] for r in doc._.wb_relations if r["type"] == "ORDERED_TO_PAY"] == ["restitution"]


@pytest.mark.parametrize("text, pair", [
    ("Carlos Reyes, Maria Lopez and Juan Pop were charged with sex trafficking.", ("Carlos Reyes", "Juan Pop")),
    ("Carlos Reyes conspired with Maria Lopez to smuggle women into Belize.", ("Carlos Reyes", "Maria Lopez")),
    ("Carlos Reyes was arrested in Miami. Maria Lopez was arrested in Atlanta. The defendants are members of a ring.",
     ("Carlos Reyes", "Maria Lopez")),
])
def test_acted_with(nlp, text, pair):
    pairs = {frozenset(r[1:3]) for r in _of(nlp, text, "ACTED_WITH")}
    assert frozenset(pair) in pairs, pairs


@pytest.mark.parametrize("text", [
    "Carlos Reyes told the agents about Maria Lopez.",
    "Carlos Reyes was arrested in Miami. Maria Lopez was arrested in Atlanta.",
])
def test_not_acted_with(nlp, text):
    assert not _of(nlp, text, "ACTED_WITH")


@pytest.mark.parametrize("text, relation", [
    ("Carlos Reyes and Juan Pop were indicted. The defendants are members of an international sex trafficking "
     "organization which operated in Mexico and the United States.",
     ("OPERATES_IN", "Juan Pop", "Mexico", f"{M}:defendants-operated")),
    ("Carlos Reyes was charged with running brothels across South Florida.",
     ("OPERATES_IN", "Carlos Reyes", "South Florida", f"{M}:charge")),
    ("Carlos Reyes ran the scheme in Atlanta.", ("OPERATES_IN", "Carlos Reyes", "Atlanta", f"{M}:operated-in")),
])
def test_operates_in(nlp, text, relation):
    assert relation in linked(nlp, text)


def test_the_place_of_an_arrest_is_not_where_one_operates(nlp):
    assert not _of(nlp, "Carlos Reyes was arrested in Atlanta for sex trafficking.", "OPERATES_IN")


def test_a_couple_of_two_defendants_is_a_family_tie_with_its_home(nlp):
    text = ("An El Cajon couple were arrested Friday. "
            "Firas Majeed and Shatha Abbas were arraigned following their arrest.")
    rels = linked(nlp, text)
    assert ("RELATED_TO", "Firas Majeed", "Shatha Abbas", f"{M}:couple") in rels
    assert ("LIVES_AT", "Shatha Abbas", "El Cajon", f"{M}:couple-home") in rels


def test_a_couple_of_weeks_is_no_couple(nlp):
    assert not _of(nlp, "Carlos Reyes and Juan Pop were arrested a couple of weeks ago.", "RELATED_TO")


def test_separate_cases_are_not_one_case(nlp):
    text = ("Carlos Reyes was sentenced in Miami. In a separate case, Maria Lopez was sentenced in Atlanta. "
            "The defendants are members of different rings.")
    assert not _of(nlp, text, "ACTED_WITH")


def test_a_charge_for_a_room_is_no_criminal_charge(nlp):
    assert not [m for m in found(nlp, "Carlos Reyes charged Maria Lopez for the room.", "Person")
                if m["props"].get("role") == "suspect"]


def test_a_court_ordered_sum_is_no_payment(nlp):
    rels = linked(nlp, "The court ordered Carlos Reyes and Maria Lopez to pay $98,364 in restitution.")
    assert not [r for r in rels if r[0] == "PAID"], rels
