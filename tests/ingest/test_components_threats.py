"""Threats quoted in the speaker's words (ingest.components.threats), with near misses."""
from __future__ import annotations

import pytest

from ingest.components.threats import threatening
from tests.ingest.conftest import linked


@pytest.mark.parametrize("said", [
    "If you talk to the police I will kill you.",
    "Yu run, mi wi find yu an yu wah wish yu did dead.",
    "If yu open yu mout to anybody, mi wah bruk yu foot an sen yu back to Honduras inna box.",
    "Yu tell yu mada anything, mi wah dun yu an yu likkle bredda.",
    "Si te vas, te voy a matar.",
    "Ya sé dónde vive tu familia.",
])
def test_a_harm_or_a_conditional_act_announced_to_the_one_addressed_is_a_threat(said):
    assert threatening(said)


@pytest.mark.parametrize("said", [
    "I will call you tomorrow.",
    "Mi wi come back fi yu tomorrow wid di money.",  # an act for you, no condition, no harm
    "If you want work I can help.",
    "The police will kill us all if we stay.",  # a fear, not the speaker's own act
])
def test_a_promise_an_offer_or_a_fear_is_no_threat(said):
    assert not threatening(said)


def test_the_doer_threatens_the_one_told_or_held(nlp):
    told = 'Jorge Pop told Ana Lopez: "If you talk to the police I will kill you."'
    assert ("THREATENED", "Jorge Pop", "Ana Lopez") in {(t, s, o) for t, s, o, _ in linked(nlp, told)}
    held = ('K.M.A. said that she came from Honduras. She cried. When she cried, the doorman Bigga held her by the '
            'neck and said: "If yu open yu mout to anybody, mi wah bruk yu foot an sen yu back inna box."')
    assert ("THREATENED", "Bigga", "K.M.A.") in {(t, s, o) for t, s, o, _ in linked(nlp, held)}
    call = 'Jorge Pop told Ana Lopez: "I will call you tomorrow."'  # near miss
    assert not any(t == "THREATENED" for t, *_ in linked(nlp, call))


def test_an_unresolved_her_with_two_victims_named_links_nobody(nlp):
    text = ('K.M.A. and Y.L.P. came from Honduras. The doorman Bigga held her by the neck and said: '
            '"If yu open yu mout, mi wah bruk yu foot."')
    assert not any(t == "THREATENED" for t, *_ in linked(nlp, text))


def test_the_one_told_is_a_person_whatever_the_model_guessed(nlp):
    text = ('Skinny, the tall black man, watched the stairs. One time he told Paloma in English: '
            '"Yu run, mi wi find yu an yu wah wish yu did dead."')
    assert ("THREATENED", "Skinny", "Paloma") in [r[:3] for r in linked(nlp, text)]
