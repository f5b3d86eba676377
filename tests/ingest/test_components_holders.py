"""Whose phone the words say where the parse cannot (``ingest.components.holders``, issue 12): one
sentence each (a heading line where the rule needs the statement's subject), and a near miss per rule."""
import pytest


def uses(nlp, text):
    """(owner text, phone text, method, evidence text) of each USES_PHONE relation recorded for ``text``."""
    doc = nlp(text)
    return [(text[r["source"][1]:r["source"][2]], text[r["target"][1]:r["target"][2]], r["method"],
             text[r["start"]:r["end"]]) for r in doc._.wb_relations or [] if r["type"] == "USES_PHONE"]


def test_issue_12_the_declarant_hands_over_her_own_phone(nlp):
    sentence = ("La declarante entrega voluntariamente su teléfono celular (Samsung A03, número +502 5530 7814) "
                "para extraer los mensajes con La Flaca.")
    assert uses(nlp, "Declarante: Y.L.P., 19 años, guatemalteca.\n" + sentence) == [
        ("Y.L.P.", "+502 5530 7814", "holders.jsonl:es-hand-over", sentence)]


def test_the_declarant_gives_her_number(nlp):
    text = "Declarante: Y.L.P.\nLa declarante proporciona su número de celular +502 5530 7814."
    assert [u[:3] for u in uses(nlp, text)] == [("Y.L.P.", "+502 5530 7814", "holders.jsonl:es-hand-over")]


def test_a_named_giver_to_a_ranked_recipient_keeps_the_whole_sentence_as_evidence(nlp):
    """The parser cuts the sentence after "Sgta."; the evidence runs from its capital to its full stop."""
    text = "Maria Chan entregó a la Sgta. Pop su celular, número 622-1234."
    assert uses(nlp, text) == [("Maria Chan", "622-1234", "holders.jsonl:es-hand-over", text)]


def test_kriol_first_person_hand_over_is_the_speakers(nlp):
    text = "I am Ana Pop, 19 years old.\nAh gi di police mi fone, numba 622-1234."
    assert [u[:3] for u in uses(nlp, text)] == [("Ana Pop", "622-1234", "holders.jsonl:bzj-hand-over")]


def test_the_victim_who_hands_over_her_phone_is_the_one_victim_named(nlp):
    text = "The victim Ana Pop came to the station. The victim handed over her phone, number 622-1234."
    assert [u[:3] for u in uses(nlp, text)] == [("Ana Pop", "622-1234", "holders.jsonl:en-hand-over")]


@pytest.mark.parametrize("text", [
    "Cpl. Chuc entregó el teléfono incautado (número 622-1234) a la Sgta. Pop.",
    "Cpl. Chuc gave the seized phone, 622-1234, to Sgt. Pop.",
    "Declarante: Y.L.P.\nLa declarante entrega su teléfono con el número de La Flaca, +502 4718 2290, guardado.",
])
def test_handing_over_a_phone_not_said_to_be_ones_own_does_not_make_it_ones_own(nlp, text):
    """An officer who passes on a seized phone is not its owner; a number of someone else's is theirs."""
    assert [u[0] for u in uses(nlp, text) if u[0] in {"Chuc", "Cpl. Chuc", "Y.L.P."}] == []


def test_issue_12_the_owners_number_in_an_extraction_header(nlp):
    text = ("Handset Samsung A03 handed over by Y.L.P. with written consent. Chat exported in the presence "
            "of the owner. Owner's number +502 5530 7814.")
    assert uses(nlp, text) == [("Y.L.P.", "+502 5530 7814", "holders.jsonl:en-owners-number", text)]


def test_the_number_of_the_owner_in_spanish(nlp):
    text = "Teléfono entregado por Y.L.P. para la extracción.\nNúmero del dueño: +502 5530 7814."
    assert [u[:3] for u in uses(nlp, text)] == [("Y.L.P.", "+502 5530 7814", "holders.jsonl:es-numero-del-dueno")]


@pytest.mark.parametrize("text", [
    "Handset handed over by Ana Pop. The owner of the bar's number is 622-1234.",
    "Handset handed over by Ana Pop. The bar owner's number is 622-1234.",
    "Owner's number 622-1234.",  # no handset is said to come from anyone
    "Handset handed over by Ana Pop. Phone of Maria Lopez seized. Owner's number 622-1234.",  # two: which?
])
def test_an_owner_who_is_not_the_handsets_gives_nothing(nlp, text):
    assert uses(nlp, text) == []


def test_issue_12_a_second_phone_in_an_exhibit_line_is_the_same_persons(nlp):
    text = "HB-04 Samsung phone of ZELAYA CACERES, 627-4410, and a second phone with Honduran SIM +504 3320 9174"
    assert [u[:3] for u in uses(nlp, text)] == [
        ("ZELAYA CACERES", "627-4410", "workbench.identifier_linker.v1"),
        ("ZELAYA CACERES", "+504 3320 9174", "holders.jsonl:and-a-second-phone")]


def test_a_second_phone_said_to_belong_to_someone_else_is_theirs(nlp):
    text = "Ana Pop's phone, 622-1234, and a second phone, 633-4455, belonging to Maria Lopez."
    assert [u[:2] for u in uses(nlp, text)] == [("Ana Pop", "622-1234"), ("Maria Lopez", "633-4455")]
