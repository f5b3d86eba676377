"""Issue 12/13: a nickname a note says outright who it is becomes that person's alias (``identities``)."""
from __future__ import annotations

import pytest

from tests.ingest.conftest import found


def aliases(nlp, text):
    return {m["canonical"] or m["text"]: m["props"]["aliases"] for m in found(nlp, text, "Person") if m["props"].get("aliases")}


@pytest.mark.parametrize("text, person, alias", [
    ('Q: Who is Capi?\nA: "Capi da Corporal Tillett from the Belmopan station. Ih come every Friday."', "Tillett", "Capi"),
    ("REMARKS: \"Flaca\" = PANTI CHOC, Aurelia.", "Aurelia Panti Choc", "Flaca"),
    ("The witness said that Chino is Marcos Bautista Pop, the owner.", "Marcos Bautista Pop", "Chino"),
])
def test_a_stated_identity_makes_the_nickname_an_alias(nlp, text, person, alias):
    found_aliases = aliases(nlp, text)
    assert any(person in name and alias in names for name, names in found_aliases.items()), found_aliases


@pytest.mark.parametrize("text", [
    "The witness said that Chino is not Marcos Bautista Pop.",
    "The witness said that Chino is with Marcos Bautista Pop.",
    "Q: Chino is Marcos Bautista Pop?",
    "The witness said that Chino met Marcos Bautista Pop.",
    "The witness said that Chino is Marcos Bautista Pop's brother.",
    "Chino da Marcos Pop bredda.",
])
def test_a_negation_another_word_or_a_question_states_no_identity(nlp, text):
    assert not any("Chino" in names for names in aliases(nlp, text).values()), aliases(nlp, text)
