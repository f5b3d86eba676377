"""Owners and staff said with "is", in Spanish, Kriol and English (issue 12): "El dueño es don Marcos",
"Bigga da di bouncer", "Yo solo soy la encargada"; the owners employ the staff the note names."""
from tests.ingest.conftest import linked

STAFF = "workbench.relation_finder.v1:staff"
TP3 = ("ATIPU - Declaración de testigo protegida\nPor razones de seguridad la declarante se identifica como TP-3. "
       "Mujer guatemalteca, cocinera en el Bar Luna Maya.\n\n")


def _owns(rels):
    return {(r[1], r[2]) for r in rels if r[0] == "OWNS"}


def test_the_owner_said_with_es_owns_the_bar_the_statement_names(nlp):
    rels = linked(nlp, TP3 + '"El dueño es Marcos Guerra. Él manda todo."')
    assert ("Marcos Guerra", "Bar Luna Maya") in _owns(rels)


def test_a_question_s_quien_es_el_dueno_de_x_is_answered_by_the_answer(nlp):
    text = ('SUBJECT: INTERVIEW UNDER CAUTION - ZELAYA CACERES, Marleny\n\nQ: ¿Quién es el dueño de Bar La Herradura?\n'
            'A: "Kenneth Chen y la socia, Glenda Cruz. Yo solo soy la encargada."\n')
    rels = linked(nlp, text)
    assert {("Kenneth Chen", "Bar La Herradura"), ("Glenda Cruz", "Bar La Herradura")} <= _owns(rels)
    employs = {(r[1], r[2]) for r in rels if r[0] == "EMPLOYS" and r[3] == f"{STAFF}:owner-employs"}
    assert ("Kenneth Chen", "ZELAYA CACERES, Marleny") in employs


def test_the_owner_employs_the_staff_the_note_names(nlp):
    text = ('SUBJECT: WITNESS INTERVIEW - ORLANDO (barman, Bar Luna Maya)\n\nQ: Who run Bar Luna Maya?\n'
            'A: "Marcos Guerra."\nQ: What Bigga do there?\nA: "Bigga da di bouncer."\n')
    assert ("EMPLOYS", "Marcos Guerra", "Bigga", f"{STAFF}:owner-employs") in linked(nlp, text)


def test_i_work_in_the_kitchen_makes_the_speaker_staff(nlp):
    rels = linked(nlp, TP3 + '"Yo trabajo en la cocina del bar. El dueño es Marcos Guerra."')
    assert ("EMPLOYS", "Marcos Guerra", "TP-3", f"{STAFF}:owner-employs") in rels


def test_the_owner_of_the_car_does_not_own_the_bar(nlp):
    rels = linked(nlp, TP3 + '"Marcos Guerra es el dueño de la Toyota Hiace CY-C-18823."')
    assert ("Marcos Guerra", "Bar Luna Maya") not in _owns(rels)


def test_no_is_no_owner(nlp):
    rels = linked(nlp, TP3 + '"Yo no soy la dueña. Glenda Cruz no es la dueña."')
    assert not [r for r in rels if r[0] in ("OWNS", "EMPLOYS")]


def test_a_proprietor_of_another_place_does_not_own_the_bar_named_later(nlp):
    text = ("SUBJECT: WITNESS - FRIESEN, Abram\n\nSpoke to FRIESEN, Abram, 46, proprietor. He has never been to "
            "Bar Luna Maya.")
    assert not _owns(linked(nlp, text))


def test_an_officer_at_the_bar_is_no_staff(nlp):
    text = ('SUBJECT: WITNESS INTERVIEW - ORLANDO (barman, Bar Luna Maya)\n\nQ: Who run Bar Luna Maya?\n'
            'A: "Marcos Guerra."\nQ: Who was at the door?\nA: "Sgt. Hilberto Sosa da di security."\n')
    assert not [r for r in linked(nlp, text) if r[0] == "EMPLOYS" and r[2] == "Hilberto Sosa"]
