"""Headers in the forms the unit's notes take (issue 12): a title above the block, Spanish keys, a signed log."""
from ingest.read.header import normalize_date, parse_header, signature


def test_a_form_title_above_the_header_block():
    text = "BELIZE POLICE DEPARTMENT - ATIPU\nARREST REPORT\n\nCASE NO.: ATIPU/CY/0412/2024\nDATE: 22/03/2024\n" \
           "OFFICER: CPL 1187 CHUC, Ernesto\n\nOn Friday the team entered the bar."
    header = parse_header(text)
    assert (header.case, header.date, header.author) == ("ATIPU/CY/0412/2024", "2024-03-22", "CPL 1187 CHUC, Ernesto")


def test_spanish_header_keys():
    text = "DECLARACIÓN DE VÍCTIMA\n\nExpediente: ATIPU/CY/0412/2024\nTomada por: Sgta. Nidia Marroquín\n\nManifiesta:"
    header = parse_header(text)
    assert (header.case, header.author) == ("ATIPU/CY/0412/2024", "Sgta. Nidia Marroquín")


def test_a_narrative_that_opens_with_a_heading_has_no_header():
    assert parse_header("WITNESS INTERVIEW\n\nThe witness stated: she saw him.").case is None


def test_the_officer_who_signs_a_log():
    assert signature("20:02 in position.\n01:30 obs ended.\n\nS. Gentle #2290\n") == "S. Gentle"


def test_a_last_line_of_prose_is_no_signature():
    assert signature("20:02 in position.\nHe left at dawn.") is None


def test_a_log_dated_with_the_month_in_words_on_its_second_line():
    text = "SURVEILLANCE - La Herradura Bar, OW Town\nWed 10 Apr 2024 / PC 1650 K. Arzu / ATIPU/OW/0233/2024\n\n19:40 on post."
    assert parse_header(text).date == "2024-04-10"
    assert normalize_date("April 10, 2024") == normalize_date("10 April, 2024") == "2024-04-10"


def test_a_word_that_starts_like_a_month_is_no_date():
    assert normalize_date("Mayor 12 2024") is None
    assert parse_header("OBS LOG - Marchand Street\n19:40 on post. 12 2024 cars.").date is None
