"""Within-note references: a later surname, first name or nickname gets the full name."""
from tests.ingest.conftest import found


def test_surname_and_nickname_refer_back(nlp):
    text = 'Carlos "Flaco" Reyes owns the bar. Reyes pays the girls. Later Flaco left for Chetumal.'
    people = found(nlp, text, "Person")
    assert [(p["text"], p["canonical"]) for p in people] == [
        ('Carlos "Flaco" Reyes', "Carlos Reyes"), ("Reyes", "Carlos Reyes"), ("Flaco", "Carlos Reyes")]
