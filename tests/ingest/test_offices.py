"""Extraction reads the vocabulary of offices: the generated patterns are up to date (issue 17)."""
from ingest.components.base import PATTERNS_DIR
from ingest.names import parse_name
from ingest.offices import GENERATED, pattern_rows, pattern_text


def test_generated_pattern_files_are_up_to_date():
    for name, rows in pattern_rows().items():
        text = (PATTERNS_DIR / name).read_text(encoding="utf-8")
        assert text.startswith(GENERATED)
        assert text == pattern_text(rows), f"ingest/patterns/{name} is stale: run `make patterns`"


def test_name_titles_come_from_the_vocabulary():
    parsed = parse_name("Magistrate Ana Pop")
    assert (parsed.name, parsed.rank, parsed.agency, parsed.official) == ("Ana Pop", "Magistrate", "Judiciary", True)
