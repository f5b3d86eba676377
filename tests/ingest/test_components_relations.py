"""Relations from the parse and the verb lexicons: one sentence each, type, ends and method."""
import pytest

from tests.ingest.conftest import found, linked


def test_recruited(nlp):
    assert ("RECRUITED", "Carlos Reyes", "Maria Lopez", "relations.jsonl:recruit") in linked(
        nlp, "Carlos Reyes recruited Maria Lopez in Melchor de Mencos.")


def test_passive_transported(nlp):
    assert ("TRANSPORTED", "Hector Salazar", "Iris Yam", "relations.jsonl:transport") in linked(
        nlp, "Iris Yam was moved to Corozal Town by Hector Salazar.")


def test_paid_is_an_event(nlp):
    text = "Carlos Reyes paid Sgt. Mario Castillo BZ$500 in cash."
    rels = linked(nlp, text)
    assert ("PAID", "Carlos Reyes", "BZ$500", "relations.jsonl:pay") in rels
    assert ("PAID_TO", "BZ$500", "Mario Castillo", "relations.jsonl:pay") in rels


def test_called_is_an_event(nlp):
    rels = linked(nlp, "Celestino Cus called Miguel Reyes on 22 January.")
    assert ("CALLED", "Celestino Cus", "called", "relations.jsonl:call") in rels
    assert ("CALL_TO", "called", "Miguel Reyes", "relations.jsonl:call") in rels
    (call,) = found(nlp, "Celestino Cus called Miguel Reyes on 22 January.", "Call")
    assert (call["start"], call["end"]) == (14, 20)


def test_tipped_off_before_raid(nlp):
    assert ("TIPPED_OFF", "Luis Chen", "Carlos Reyes", "obstruction.jsonl:warn") in linked(
        nlp, "Immigration Officer Luis Chen warned Carlos Reyes before the raid.")


def test_family_noun(nlp):
    rels = linked(nlp, "Juan Pop, the brother of Ana Pop, lives in Hopkins.")
    assert ("RELATED_TO", "Ana Pop", "Juan Pop", "relational_nouns.jsonl:family") in rels
    assert ("LIVES_AT", "Juan Pop", "Hopkins", "relations.jsonl:live-at") in rels


def test_first_person_investigated(nlp):
    assert ("INVESTIGATED", "I", "Ana Pop", "relations.jsonl:investigate") in linked(
        nlp, "I interviewed Ana Pop at the station.")


def test_uses_phone_by_possession(nlp):
    assert ("USES_PHONE", "Carlos Reyes", "622-1234", "workbench.identifier_linker.v1") in linked(
        nlp, "Carlos Reyes uses the number 622-1234.")


def test_co_mention_is_weak(nlp):
    rels = linked(nlp, "Carlos Reyes and Maria Lopez were both at the party.")
    assert ("ASSOCIATED_WITH", "Carlos Reyes", "Maria Lopez", "workbench.co_mention.v1") in rels


def test_passive_detention_by_officer_is_investigated_not_harbored(nlp):
    for text in ('Carlos "Pelón" Alvarado was detained by Petrona Tzib at Benque Viejo.',
                 "Wilmer Alvarado was detained by WPC Petrona Tzib at Santa Elena border station.",
                 "Carlos Reyes was held for questioning by Cpl. Pop at Belmopan."):
        rels = linked(nlp, text)
        assert not [r for r in rels if r[0] == "HARBORED"], rels
        assert [r for r in rels if r[0] == "INVESTIGATED" and "Tzib" in r[1] or r[1] == "Pop"], rels


def test_passive_harbouring_keeps_the_by_agent_as_source(nlp):
    assert ("HARBORED", "Carlos Reyes", "Ana Pop", "relations.jsonl:harbor") in linked(
        nlp, "Ana Pop was kept in a locked room by Carlos Reyes.")


def test_tipped_off_source_is_the_agent_not_the_reporting_officer(nlp):
    assert ("TIPPED_OFF", "Cleveland Cayetano", "Julio Quiroz", "obstruction.jsonl:call-from") in linked(
        nlp, "Julio Quiroz was released without charge after a call from Customs Officer Cleveland Cayetano.")
    assert ("TIPPED_OFF", "Dwayne Staine", "Sunset Bar", "obstruction.jsonl:warn") in linked(
        nlp, "Cristina stated that when we arrived, Sunset Bar was empty; Sgt. Dwayne Staine had tipped them off.")
    reported = linked(nlp, "PC Rosa Aguilar reported that the raid on the Sunset Bar was carried out and Carlos Reyes "
                           "was arrested.")
    assert not [r for r in reported if r[0] == "TIPPED_OFF"], reported


def test_warning_of_arrest_if_she_goes_to_police_is_a_threat_not_a_tip_off(nlp):
    rels = linked(nlp, "Lennox Lamb warned Mayra Ortega that she would be arrested if she went to the police.")
    assert ("THREATENED", "Lennox Lamb", "Mayra Ortega", "relations.jsonl:warn-threat") in rels
    assert not [r for r in rels if r[0] == "TIPPED_OFF"], rels


def test_identifier_belongs_to_or_in_the_name_of_a_person_is_theirs(nlp):
    assert ("HAS_ID", "Hector Salazar", "P8528344", "workbench.identifier_linker.v1") in linked(
        nlp, "Passport P8528344 belongs to Hector Salazar.")
    assert ("HAS_ID", "Amalia Yam", "00756943-6", "workbench.identifier_linker.v1") in linked(
        nlp, "Documents found: national ID 00756943-6 in the name of Amalia Yam.")


def test_having_a_house_somewhere_is_living_there(nlp):
    assert ("LIVES_AT", "Marvin Interiano", "Sarteneja", "relations.jsonl:has-home") in linked(
        nlp, "Marvin Interiano has a house in Sarteneja.")


@pytest.mark.parametrize("text, relation", [
    ("Carlos Reyes posts job offers on Instagram as @flaco_bz.", ("USES_HANDLE", "Carlos Reyes", "@flaco_bz")),
    ("On Instagram, Carlos Reyes goes by flaco_bz.", ("USES_HANDLE", "Carlos Reyes", "flaco_bz")),
    ("Wendy Carcamo contacted the girls from Instagram account @wendy_oficial88.",
     ("USES_HANDLE", "Wendy Carcamo", "@wendy_oficial88")),
    ("Carlos Reyes's passport (G4840437) was taken from him on arrival.", ("HAS_ID", "Carlos Reyes", "G4840437")),
    ("Lucía Pérez's SSN number is 744427216.", ("HAS_ID", "Lucía Pérez", "744427216")),
    ("Carlos Reyes has an account at Belize Bank, number 3431749890.",
     ("HOLDS_ACCOUNT", "Carlos Reyes", "3431749890")),
    ("Carlos Reyes receives money into account 3431749890 (Belize Bank).",
     ("HOLDS_ACCOUNT", "Carlos Reyes", "3431749890")),
    ("Messages were sent from flaco22@gmail.com, an address used by Carlos Reyes.",
     ("USES_EMAIL", "Carlos Reyes", "flaco22@gmail.com")),
])
def test_identifier_owner(nlp, text, relation):
    assert relation + ("workbench.identifier_linker.v1",) in linked(nlp, text)


def test_the_bank_of_an_account_is_not_its_holder(nlp):
    rels = linked(nlp, "The money went to an account at Belize Bank, number 3431749890.")
    assert not [r for r in rels if r[0] == "HOLDS_ACCOUNT"], rels


def test_the_phone_called_is_not_the_callers(nlp):
    rels = linked(nlp, "Carlos Reyes called 622-1234 twice.")
    assert not [r for r in rels if r[0] == "USES_PHONE"], rels


def test_a_wage_paid_is_employment(nlp):
    text = ("At 11:20 hrs I saw GUERRA, Elmer Rolando, 31, brother of GUERRA, Marcos Antonio, at the door. "
            "I arrested him for trafficking in persons. Under caution GUERRA, Elmer stated that his brother pays him BZ$150 a trip to bring girls from the border.")
    relations = {r[:3] for r in linked(nlp, text)}
    assert ("PAID", "GUERRA, Marcos Antonio", "BZ$150") in relations  # "his brother": the one the note named
    assert ("EMPLOYS", "GUERRA, Marcos Antonio", "GUERRA, Elmer") in relations


def test_a_single_payment_is_no_wage(nlp):
    text = "Carlos Reyes paid Juan Pop BZ$500 for the boat on 12 March."
    assert not [r for r in linked(nlp, text) if r[0] == "EMPLOYS"]


def test_a_bribe_by_the_week_to_an_officer_is_no_employment(nlp):
    text = "Carlos Reyes pays Sgt. Mario Castillo BZ$500 every Friday."
    assert not [r for r in linked(nlp, text) if r[0] == "EMPLOYS"]
