"""Relations from the parse and the verb lexicons: one sentence each, type, ends and method."""
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
    assert ("TIPPED_OFF", "Luis Chen", "Carlos Reyes", "relations.jsonl:warn-raid") in linked(
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
