"""Who works for, lives at, owns and is seen at what: one sentence each, and one it must not read.

Each phrasing is common police prose ("answers to", "is on X's payroll", "home address of X:",
"X, of 12 Baker Street,", "comes back to" for a registration check); the negatives are the
nearest sentences that state something else.
"""
import pytest

from tests.ingest.conftest import linked


@pytest.mark.parametrize("text, relation", [
    ("Wendy Carcamo was made to work at Green Valley Farm for Kirk Lamb.",
     ("EMPLOYS", "Kirk Lamb", "Wendy Carcamo", "relations.jsonl:work-for")),
    ("Carlos Reyes put Maria Lopez to work at Sunset Bar.",
     ("EMPLOYS", "Carlos Reyes", "Maria Lopez", "relations.jsonl:force-to-work")),
    ("Carlos Reyes has Maria Lopez working at Sunset Bar six nights a week.",
     ("EMPLOYS", "Carlos Reyes", "Maria Lopez", "relations.jsonl:force-to-work")),
    ("At Sunset Bar, Maria Lopez answers to Carlos Reyes.",
     ("EMPLOYS", "Carlos Reyes", "Maria Lopez", "relations.jsonl:answer-to")),
    ("Maria Lopez takes orders from Carlos Reyes.",
     ("EMPLOYS", "Carlos Reyes", "Maria Lopez", "relations.jsonl:take-orders")),
    ("Maria Lopez collects money at Sunset Bar on behalf of Carlos Reyes.",
     ("EMPLOYS", "Carlos Reyes", "Maria Lopez", "relations.jsonl:on-behalf-of")),
    ("Maria Lopez is on Carlos Reyes's payroll.",
     ("EMPLOYS", "Carlos Reyes", "Maria Lopez", "relational_nouns.jsonl:payroll")),
    ("Maria Lopez stated that Carlos Reyes is her boss at Sunset Bar.",
     ("EMPLOYS", "Carlos Reyes", "Maria Lopez", "relational_nouns.jsonl:employer-of")),
])
def test_employs(nlp, text, relation):
    assert relation in linked(nlp, text)


@pytest.mark.parametrize("text", [
    "Maria Lopez takes the bus from Carlos Reyes's house.",
    "Maria Lopez answered Carlos Reyes's questions.",
    "Maria Lopez stated that Carlos Reyes is her brother.",
])
def test_not_employs(nlp, text):
    assert not [r for r in linked(nlp, text) if r[0] == "EMPLOYS"]


def test_boss_at_a_venue_is_not_its_owner(nlp):
    rels = linked(nlp, "Maria Lopez stated that Carlos Reyes is her boss at Sunset Bar.")
    assert not [r for r in rels if r[0] == "OWNS"], rels


@pytest.mark.parametrize("text, relation", [
    ("Carlos Reyes is a resident of 12 Baker Street, San Ignacio.",
     ("LIVES_AT", "Carlos Reyes", "12 Baker Street", "relational_nouns.jsonl:resident-of")),
    ("Home address of Carlos Reyes: 12 Baker Street, San Ignacio.",
     ("LIVES_AT", "Carlos Reyes", "12 Baker Street", "relational_nouns.jsonl:address-of")),
    ("Carlos Reyes moved to 12 Baker Street, San Ignacio last year.",
     ("LIVES_AT", "Carlos Reyes", "12 Baker Street", "relations.jsonl:move-to")),
    ("Carlos Reyes, of 12 Baker Street, San Ignacio, was present.",
     ("LIVES_AT", "Carlos Reyes", "12 Baker Street", "workbench.residences.v1:comma-of-place")),
    ("Carlos Reyes gave his address as 12 Baker Street, San Ignacio.",
     ("LIVES_AT", "Carlos Reyes", "12 Baker Street", "relations.jsonl:gave-address")),
])
def test_lives_at(nlp, text, relation):
    rels = linked(nlp, text)
    assert relation in rels
    town = [r for r in rels if r[0] == "LIVES_AT" and r[2] == "San Ignacio"]  # only as the address's own town
    assert town == [("LIVES_AT", "Carlos Reyes", "San Ignacio", "workbench.relation_finder.v1:address-town")], rels


@pytest.mark.parametrize("text", [
    "Carlos Reyes moved Maria Lopez to 12 Baker Street, San Ignacio.",
    "Maria Lopez was moved to Orange Walk Town by Carlos Reyes.",
    "Maria Lopez stated that she lived with other workers in a house rented by Carlos Reyes at 12 Baker Street.",
    "Carlos Reyes of the Sunset Bar was present.",
])
def test_not_lives_at(nlp, text):
    rels = linked(nlp, text)
    assert not [r for r in rels if r[0] == "LIVES_AT" and r[1] == "Carlos Reyes"], rels


@pytest.mark.parametrize("text, relation", [
    ("Sunset Bar, in San Ignacio, belongs to Carlos Reyes.",
     ("OWNS", "Carlos Reyes", "Sunset Bar", "relations.jsonl:belongs-to")),
    ("Records show Sunset Bar is registered to Carlos Reyes.",
     ("OWNS", "Carlos Reyes", "Sunset Bar", "relations.jsonl:registered-to")),
    ("The owner of Sunset Bar is Carlos Reyes.",
     ("OWNS", "Carlos Reyes", "Sunset Bar", "relational_nouns.jsonl:owner-of")),
    ("Carlos Reyes is listed as proprietor of Sunset Bar on the trade licence.",
     ("OWNS", "Carlos Reyes", "Sunset Bar", "relational_nouns.jsonl:owner-of")),
    ("Carlos Reyes bought Sunset Bar two years ago.",
     ("OWNS", "Carlos Reyes", "Sunset Bar", "relations.jsonl:buy")),
    ("Carlos Reyes holds a share in Sunset Bar, according to the informant.",
     ("OWNS", "Carlos Reyes", "Sunset Bar", "relations.jsonl:share-in")),
    ("Carlos Reyes put money into Sunset Bar and takes a cut every month.",
     ("OWNS", "Carlos Reyes", "Sunset Bar", "relations.jsonl:money-into")),
    ("Vehicle CZ-C-12345 (white Toyota Hilux) comes back to Carlos Reyes.",
     ("OWNS", "Carlos Reyes", "CZ-C-12345", "relations.jsonl:comes-back-to")),
])
def test_owns(nlp, text, relation):
    assert relation in linked(nlp, text)


def test_registered_vehicle_is_owned_not_a_make_and_not_driven(nlp):
    rels = linked(nlp, "The grey Chevrolet Silverado (CZ-P-94618) is registered to Carlos Reyes.")
    assert ("OWNS", "Carlos Reyes", "CZ-P-94618", "relations.jsonl:registered-to") in rels
    assert [r for r in rels if r[0] in {"OWNS", "DRIVES"}] == [r for r in rels if r[2] == "CZ-P-94618"
                                                                and r[0] == "OWNS"], rels


@pytest.mark.parametrize("text", [
    "Carlos Reyes came back to Sunset Bar at midnight.",
    "Carlos Reyes put money into Maria Lopez's account 3431749890.",
    "Carlos Reyes bought drinks for the girls.",
])
def test_not_owns(nlp, text):
    assert not [r for r in linked(nlp, text) if r[0] == "OWNS"]


@pytest.mark.parametrize("text, relation", [
    ("Carlos Reyes frequents Sunset Bar.", ("SEEN_AT", "Carlos Reyes", "Sunset Bar", "relations.jsonl:seen-at-object")),
    ("Observers saw Carlos Reyes enter Sunset Bar.",
     ("SEEN_AT", "Carlos Reyes", "Sunset Bar", "relations.jsonl:seen-at-object")),
    ("Carlos Reyes spent the night at Sunset Bar.",
     ("SEEN_AT", "Carlos Reyes", "Sunset Bar", "relations.jsonl:spend-time-at")),
    ("Carlos Reyes was sighted at Sunset Bar around 2210 hrs.",
     ("SEEN_AT", "Carlos Reyes", "Sunset Bar", "relations.jsonl:seen-at")),
])
def test_seen_at(nlp, text, relation):
    assert relation in linked(nlp, text)


def test_investigator_visiting_a_venue_is_not_a_sighting(nlp):
    rels = linked(nlp, "I visited Sunset Bar with PC Ramos.")
    assert not [r for r in rels if r[0] == "SEEN_AT" and r[1] == "I"], rels


def test_belize_itself_is_not_a_place_seen(nlp):
    rels = linked(nlp, "Maria Lopez came to Belize because Carlos Reyes promised her work.")
    assert not [r for r in rels if r[0] == "SEEN_AT"], rels
