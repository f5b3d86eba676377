"""Spanish and Kriol clause frames (issues 12, 13): doer before the verb, the one done to as a pronoun
next to it, the speaker of a statement as "me"/"nos"/"mi", and a house as the place people are kept."""
from tests.ingest.conftest import found, linked

METHOD = "workbench.clause_frames.v1"
STATEMENT = "DECLARACIÓN DE VÍCTIMA\nDeclarante: Y.L.P., 19 años, guatemalteca.\n\n"


def _frames(nlp, text):
    return [r[:3] for r in linked(nlp, text) if r[3].startswith(METHOD)]


def test_a_clitic_before_the_verb_is_the_speaker_of_the_statement(nlp):
    text = STATEMENT + "Del lado de Belice nos esperaba un muchacho que se llama Elmer. Elmer nos llevó a una casa en Bullet Tree Falls."
    assert ("TRANSPORTED", "Elmer", "Y.L.P.") in _frames(nlp, text)


def test_a_thing_taken_is_no_person_moved(nlp):
    text = STATEMENT + "Elmer me llevó el pasaporte a la casa."
    assert not [r for r in _frames(nlp, text) if r[0] == "TRANSPORTED"]


def test_an_envelope_handed_to_him_is_a_payment_to_the_person_named_before(nlp):
    text = ("Los viernes llega al bar un policía; las muchachas le dicen 'el sargento'. "
            "Chino le da un sobre en la puerta de atrás.")
    frames = _frames(nlp, text)
    assert ("PAID", "Chino", "sobre") in frames and ("PAID_TO", "sobre", "el sargento") in frames


def test_a_hug_is_no_payment(nlp):
    text = "Los viernes llega al bar un policía; las muchachas le dicen 'el sargento'. Chino le da un abrazo."
    assert not [r for r in _frames(nlp, text) if r[0] in ("PAID", "PAID_TO")]


def test_kriol_gives_the_money_to_the_one_just_named(nlp):
    text = 'A: "Sarge da Sergeant Neal fram OW station. Jefa gi ih di money inna envelope an ih sign di book."'
    frames = _frames(nlp, text)
    assert ("PAID", "Jefa", "money") in frames and ("PAID_TO", "money", "Neal") in frames


def test_a_threat_is_what_the_saying_verb_says(nlp):
    text = STATEMENT + "Tengo miedo por mi mamá en Poptún, porque La Flaca me dijo que sabe dónde vive."
    assert ("THREATENED", "La Flaca", "Y.L.P.") in _frames(nlp, text)


def test_saying_something_harmless_threatens_no_one(nlp):
    text = STATEMENT + "La Flaca me dijo que había comida en la casa."
    assert not [r for r in _frames(nlp, text) if r[0] == "THREATENED"]


def test_her_of_someone_unnamed_is_not_the_last_man_named(nlp):
    text = "El dueño es don Marcos. Bigga cobra a las muchachas al final de la noche; si alguna se quiere ir, la amenaza."
    assert not [r for r in _frames(nlp, text) if r[0] == "THREATENED" and r[2] == "Marcos"]


def test_the_person_whose_house_it_is_harbours_those_it_places_there(nlp):
    text = STATEMENT + ("En la casa de Doña Chepa conmigo estaban una hondureña de 16 años (K.M.A.), "
                        "una guatemalteca de 17 (D.S.R.) y otra que le decimos Estrella.")
    harboured = {r[2] for r in _frames(nlp, text) if r[0] == "HARBORED"}
    assert {"K.M.A.", "D.S.R.", "Estrella", "Y.L.P."} <= harboured


def test_a_house_that_is_only_described_harbours_no_one(nlp):
    text = STATEMENT + "La casa de Doña Chepa es grande y queda cerca del río, junto a la de K.M.A."
    assert not [r for r in _frames(nlp, text) if r[0] == "HARBORED"]


def test_money_collected_from_no_one_named_is_a_payment_to_the_collector_only(nlp):
    text = 'A: "Sarge Sosa fram San Ignacio station come every Friday. Ih drink free an ih collect ih envelope."'
    frames = _frames(nlp, text)
    assert [r for r in frames if r[0] == "PAID_TO" and r[2] in ("Sarge Sosa", "Sosa")]
    assert not [r for r in frames if r[0] == "PAID"]


def test_english_prose_is_left_to_the_parser(nlp):
    text = "Dan Pop paid the driver and collected his things. The agents recovered cash from the vehicle."
    assert _frames(nlp, text) == []


def test_a_rank_word_in_quotes_is_what_someone_is_called(nlp):
    people = [m["text"] for m in found(nlp, "Las muchachas le dicen 'el sargento'.", "Person")]
    assert "el sargento" in people


COMPANIONS = STATEMENT + "Conmigo estaban K.M.A. y D.S.R. en la casa. Del lado de Belice esperaba un muchacho que se llama Elmer. "


def test_nos_is_the_speaker_and_the_companions_the_statement_lists(nlp):
    moved = {r[2] for r in _frames(nlp, COMPANIONS + "Elmer nos llevó al bar.") if r[0] == "TRANSPORTED" and r[1] == "Elmer"}
    assert moved == {"Y.L.P.", "K.M.A.", "D.S.R."}


def test_me_is_the_speaker_alone(nlp):
    assert {r[2] for r in _frames(nlp, COMPANIONS + "Elmer me llevó al bar.") if r[0] == "TRANSPORTED"} == {"Y.L.P."}


def test_a_name_read_as_a_body_is_no_girl_named_before(nlp):
    text = STATEMENT + "Conmigo estaban K.M.A. y D.S.R. en la casa. Esa misma noche Elmer Guerra nos llevó al bar."
    assert not [r for r in _frames(nlp, text) if r[0] == "TRANSPORTED" and r[1] in ("K.M.A.", "D.S.R.")]


def test_an_investigator_taking_victims_to_the_shelter_moves_no_one(nlp):
    text = STATEMENT + ("Conmigo estaban K.M.A. y D.S.R. Después la Sgta. Nidia Marroquín nos llevó al albergue.")
    assert not [r for r in _frames(nlp, text) if r[0] == "TRANSPORTED"]


def test_a_kriol_pronoun_before_a_thing_is_a_possessive(nlp):
    text = 'She said: "Skinny tek mi phone an carry mi passport."'
    assert not [r for r in _frames(nlp, text) if r[0] == "TRANSPORTED"]


def test_paid_to_do_a_job_is_a_wage(nlp):
    text = 'KU, Ruben said: "Mi only drive. Kenny Chen pay mi fi carry dem from di border."'
    assert ("EMPLOYS", "Kenny Chen", "KU, Ruben") in _frames(nlp, text)


def test_a_sum_paid_by_the_week_is_no_job_said(nlp):
    text = STATEMENT + "Don Marcos me paga cincuenta dólares por semana."
    assert not [r for r in linked(nlp, text) if r[3].endswith("es-pay-to-work:wage")]


def test_brought_to_meet_the_boss_is_recruited(nlp):
    text = 'She said: "Skinny seh ih love mi. Ih buy mi clothes, den ih carry mi da di bar fi meet Marleny Zelaya."'
    assert ("RECRUITED", "Skinny", "She") not in _frames(nlp, text)  # "She" is no one named
    text = "L.A.C. said: \"Skinny seh ih love mi. Den ih carry mi da di bar fi meet Marleny Zelaya.\""
    assert ("RECRUITED", "Skinny", "L.A.C.") in _frames(nlp, text)


def test_brought_to_meet_a_social_worker_is_no_recruiting(nlp):
    text = "L.A.C. said: \"Skinny carry mi fi meet Ms. Yolanda Bautista, Social Worker.\""
    assert not [r for r in _frames(nlp, text) if r[0] == "RECRUITED"]


def test_working_for_someone_is_employment(nlp):
    text = STATEMENT + '"Yo trabajo para Marcos Guerra en el bar."'
    assert ("EMPLOYS", "Marcos Guerra", "Y.L.P.") in _frames(nlp, text)
