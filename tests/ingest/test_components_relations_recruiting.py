"""Recruiting told in a statement, moving people, and what a sale was paid (issue 12), each with the
nearest sentence that must not be read so: an officer taking victims to safety traffics no one."""
from tests.ingest.conftest import linked

STATEMENT = "STATEMENT OF WITNESS (VICTIM)\n\nI am H.Z.M., 22 years old, from El Progreso, Honduras.\n\n"
TRAVEL = " In February I travelled with Paloma Reyes and another girl by bus to Chetumal."


def _recruited(nlp, text):
    return {(r[1], r[2]) for r in linked(nlp, text) if r[0] == "RECRUITED"}


def test_a_job_told_to_the_speaker_recruits_her_and_the_girls_she_travelled_with(nlp):
    text = STATEMENT + ("In January, at my church, a man who calls himself a pastor, Nelson Bonilla, said that a "
                        "businessman in Belize needed girls to work in a Chinese restaurant." + TRAVEL)
    assert {("Nelson Bonilla", "H.Z.M."), ("Nelson Bonilla", "Paloma Reyes")} <= _recruited(nlp, text)


def test_a_job_told_to_the_speaker_alone_recruits_her_alone(nlp):
    text = STATEMENT + "Nelson Bonilla told me there was a job in a restaurant in Belize." + TRAVEL
    assert _recruited(nlp, text) == {("Nelson Bonilla", "H.Z.M.")}


def test_saying_something_else_recruits_no_one(nlp):
    text = STATEMENT + "Nelson Bonilla said that the bus to Chetumal was late." + TRAVEL
    assert not _recruited(nlp, text)


def test_an_officer_s_statement_recruits_no_officer(nlp):
    text = ("STATEMENT OF POLICE OFFICER\n\nI am PC 1650 Kevin Arzu of ATIPU Orange Walk.\n\n"
            "Ruben Ku said that a businessman needed girls to work in a bar.")
    assert not [r for r in _recruited(nlp, text) if r[1] == "Kevin Arzu"]


def test_an_agent_s_object_before_the_verb_is_not_its_subject(nlp):
    text = "On 11 January Cpl. Felicia Sabal, assisted by Cpl. Rhonda Avila, executed a search warrant at the Sunset Bar."
    assert not [r for r in linked(nlp, text) if r[1] == "Rhonda Avila" and r[2] == "Felicia Sabal"]


def test_taken_to_meet_the_boss_is_recruited(nlp):
    assert ("RECRUITED", "Carlos Reyes", "Maria Lopez", "relations.jsonl:bring-to-meet") in linked(
        nlp, "Carlos Reyes took Maria Lopez to meet Marleny Zelaya at the bar.")


def test_taken_to_meet_the_social_worker_is_not(nlp):
    assert not [r for r in linked(nlp, "Carlos Reyes took Maria Lopez to meet the social worker, Ms. Ana Pop.")
                if r[0] == "RECRUITED"]


def test_an_investigator_driving_victims_to_the_shelter_transports_no_one(nlp):
    text = "Cpl. Jacinta Ramclam drove K.M.A. and D.S.R. to the shelter in Belmopan."
    assert not [r for r in linked(nlp, text) if r[0] == "TRANSPORTED"]


def test_an_official_driving_the_girls_to_the_bar_transports_them(nlp):
    text = "Sgt. Hilberto Sosa drove K.M.A. to Bar Luna Maya in his own car."
    assert ("TRANSPORTED", "Hilberto Sosa", "K.M.A.", "relations.jsonl:transport") in linked(nlp, text)


def test_the_buyer_of_a_sale_for_a_price_paid_the_seller(nlp):
    text = "Mr. Abram Friesen confirmed that he sold a white Toyota Hiace to GUERRA, Elmer Rolando for BZ$28,000."
    rels = linked(nlp, text)
    assert ("PAID", "GUERRA, Elmer Rolando", "BZ$28,000", "relations.jsonl:sold-to-for") in rels
    assert ("PAID_TO", "BZ$28,000", "Abram Friesen", "relations.jsonl:sold-to-for") in rels


def test_a_sale_without_a_price_is_no_payment(nlp):
    text = "Mr. Abram Friesen confirmed that he sold a white Toyota Hiace to GUERRA, Elmer Rolando for his tour business."
    assert not [r for r in linked(nlp, text) if r[0] in ("PAID", "PAID_TO")]
