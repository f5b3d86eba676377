"""Who "me" and "us" are in a statement that names its speaker (issue 12), and names given, not calls."""
from tests.ingest.conftest import linked

STATEMENT = ("I am H.Z.M., 22 years old, from El Progreso.\n\n"
             "In Chetumal a man they call El Güero kept us in his house for four days. Then El Güero drove us to the border.")


def test_us_in_a_statement_is_its_named_speaker(nlp):
    relations = linked(nlp, STATEMENT)
    assert ("HARBORED", "El Güero", "H.Z.M.", "relations.jsonl:harbor") in relations
    assert ("TRANSPORTED", "El Güero", "H.Z.M.", "relations.jsonl:transport") in relations


def test_without_a_named_speaker_us_stays_unresolved(nlp):
    text = "In Chetumal a man they call El Güero kept us in his house for four days."
    assert not [r for r in linked(nlp, text) if r[0] == "HARBORED"]


def test_calling_oneself_a_name_is_no_phone_call(nlp):
    text = "A man who calls himself a pastor, Nelson Bonilla, said there was work. Everybody calls him Pastor."
    assert not [r for r in linked(nlp, text) if r[0] in {"CALLED", "CALL_TO"}]


def test_those_the_speaker_travelled_with_are_of_us(nlp):
    text = ("I am H.Z.M., 22 years old, from El Progreso.\n\n"
            "In February I travelled with Paloma and another girl by bus to Chetumal. "
            "In Chetumal a man they call El Güero kept us in his house for four days.")
    harboured = {r[2] for r in linked(nlp, text) if r[0] == "HARBORED"}
    assert {"H.Z.M.", "Paloma"} <= harboured


def test_me_is_the_speaker_alone(nlp):
    text = ("I am H.Z.M., 22 years old, from El Progreso.\n\n"
            "In February I travelled with Paloma by bus to Chetumal. In Chetumal El Güero hit me.")
    assert "Paloma" not in {r[2] for r in linked(nlp, text)}


def test_the_declarant_of_a_spanish_statement_is_its_speaker(nlp):
    text = "Declarante: Y.L.P., 19 años.\n\nElmer nos llevó a una casa en Bullet Tree Falls."
    assert ("TRANSPORTED", "Elmer", "Y.L.P.") in {r[:3] for r in linked(nlp, text)}
