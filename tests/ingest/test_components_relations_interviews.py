"""Interview answers and quotations (issue 12): the "who" of a question is whom the answer names,
and a quotation's "me"/"mi" is the person the note says said it."""
from tests.ingest.conftest import linked

INTERVIEW = "SUBJECT: WITNESS INTERVIEW - ORLANDO (barman, Bar Luna Maya)\n\n"


def test_the_who_of_a_question_is_whom_the_answer_names(nlp):
    text = INTERVIEW + 'Q: Who run Bar Luna Maya?\nA: "Chino. Marcos. Ih pay mi fifty dollar a night."\n'
    owns = {r[1] for r in linked(nlp, text) if r[0] == "OWNS" and r[2] == "Bar Luna Maya"}
    assert owns == {"Chino", "Marcos"}


def test_the_evidence_of_an_answered_question_is_both_lines(nlp):
    text = INTERVIEW + 'Q: Who run Bar Luna Maya?\nA: "Marcos Guerra."\n'
    doc = nlp(text)
    owns = [r for r in doc._.wb_relations if r["type"] == "OWNS"]
    assert owns and "A: \"Marcos Guerra.\"" in doc.text[owns[0]["start"]:owns[0]["end"]]


def test_an_answer_that_declines_names_no_one(nlp):
    text = INTERVIEW + 'Q: Who run Bar Luna Maya?\nA: "Mi noh know. Marcos neva seh."\n'
    assert not [r for r in linked(nlp, text) if r[0] == "OWNS"]


def test_a_question_of_who_someone_is_relates_no_one(nlp):
    text = INTERVIEW + 'Q: Who is Sarge at Bar Luna Maya?\nA: "Sarge da Sergeant Neal fram OW station."\n'
    assert not [r for r in linked(nlp, text) if r[1] == "Neal" and r[0] != "ASSOCIATED_WITH"]


def test_a_quotation_s_me_is_the_one_the_note_says_said_it(nlp):
    text = ("Redacta: Sgta. Nidia Marroquín\n\nLa señora Josefa Tzib dijo: \"Yo solo les doy de comer a las muchachas. "
            "Don Marcos me paga cincuenta dólares por semana por cada una.\"")
    paid_to = {r[2] for r in linked(nlp, text) if r[0] == "PAID_TO"}
    assert paid_to == {"Josefa Tzib"}


def test_a_reply_is_the_person_its_line_names(nlp):
    text = ("SUBJECT: ARREST - KU, Ruben (San Joaquin, Corozal)\n\nAt 06:15 hrs KU, Ruben, 34, came out. "
            "Arrested and cautioned. Reply: \"Mi only drive. Kenny Chen pay mi fi carry dem from di border.\"\n")
    assert ("EMPLOYS", "Kenny Chen", "KU, Ruben", "workbench.clause_frames.v1:bzj-pay-to-work:wage") in linked(nlp, text)


def test_a_quotation_whose_pronoun_nothing_resolves_is_nobody_s(nlp):
    text = ("Declarante: Y.L.P., 19 años.\n\nEl vecino dijo: \"Don Marcos me paga cincuenta dólares por semana.\"")
    assert not [r for r in linked(nlp, text) if r[0] == "PAID_TO" and r[2] == "Y.L.P."]
