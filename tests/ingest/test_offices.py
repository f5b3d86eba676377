"""Extraction reads the vocabulary of offices: the generated patterns are up to date (issue 17)."""
from ingest.components.base import PATTERNS_DIR
from ingest.names import parse_name
from ingest.offices import GENERATED, pattern_rows, pattern_text
from tests.ingest.conftest import found


def test_generated_pattern_files_are_up_to_date():
    for name, rows in pattern_rows().items():
        text = (PATTERNS_DIR / name).read_text(encoding="utf-8")
        assert text.startswith(GENERATED)
        assert text == pattern_text(rows), f"ingest/patterns/{name} is stale: run `make patterns`"


def test_name_titles_come_from_the_vocabulary():
    parsed = parse_name("Magistrate Ana Pop")
    assert (parsed.name, parsed.rank, parsed.agency, parsed.official) == ("Ana Pop", "Magistrate", "Judiciary", True)


def test_officer_keeps_the_rank_its_title_states_not_the_last_listed(nlp):
    """Issue 17: "Officer" was also a form of the sheriff title, listed later, so it ranked "Sheriff"."""
    (officer,) = found(nlp, "Officer Juan Pop stopped the van at the checkpoint.", "Person")
    assert (officer["text"], officer["props"]["rank"], officer["method"]) == (
        "Juan Pop", "Police Officer", "ner:PERSON+officials.jsonl:police-officer")


def test_a_near_miss_deputy_sheriff_is_still_a_sheriff(nlp):
    (sheriff,) = found(nlp, "Deputy Sheriff Juan Pop stopped the van at the checkpoint.", "Person")
    assert (sheriff["text"], sheriff["props"]["rank"], sheriff["method"]) == (
        "Juan Pop", "Sheriff", "ner:PERSON+officials.jsonl:sheriff")
