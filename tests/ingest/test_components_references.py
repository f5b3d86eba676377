"""Within-note references: a later surname, first name or nickname gets the full name."""
from tests.ingest.conftest import found


def test_surname_and_nickname_refer_back(nlp):
    text = 'Carlos "Flaco" Reyes owns the bar. Reyes pays the girls. Later Flaco left for Chetumal.'
    people = found(nlp, text, "Person")
    assert [(p["text"], p["canonical"]) for p in people] == [
        ('Carlos "Flaco" Reyes', "Carlos Reyes"), ("Reyes", "Carlos Reyes"), ("Flaco", "Carlos Reyes")]


def test_a_nationality_after_a_quoted_alias_is_no_second_alias(nlp):
    text = 'Warrant applied for: RUANO PAIZ, Yessenia @ "La Flaca", Guatemalan, believed to live in Melchor de Mencos.'
    people = found(nlp, text, "Person")
    assert "Guatemalan" not in {p["text"] for p in people}
    assert not [p for p in people if "Guatemalan" in p["props"].get("aliases", [])]


def test_a_second_quoted_alias_after_a_comma_is_kept(nlp):
    text = 'Carlos Reyes @ "Flaco", "Beto" owns the bar.'
    aliases = {a for p in found(nlp, text, "Person") for a in p["props"].get("aliases", [])}
    assert {"Flaco", "Beto"} <= aliases
