"""The vocabulary of public offices is declared once and checked when it loads (issue 17)."""
import pytest

from graph_schema import SchemaError
from graph_schema.offices import OFFICES_YAML, load_offices


def test_agencies_are_one_canonical_set():
    names = [a.name for a in load_offices().agencies]
    assert len(names) == len(set(names))
    assert {"Police", "Immigration", "Customs", "Labour", "BDF", "Coast Guard", "Municipal", "Judiciary",
            "Government"} <= set(names)
    assert names[-1] == "Police"  # its generic words (officer, inspector) must come last


@pytest.mark.parametrize("texts, agency", [
    (("Labour Department", "Labour Inspector"), "Labour"),
    (("Port Authority", "Port Officer"), "Port Authority"),
    (("Law Enforcement", "Special Agent"), "Law Enforcement"),
    (("Government", "Area Representative"), "Government"),
    ((None, "Magistrate"), "Judiciary"),
    (("Blue Parrot Bar",), None),
])
def test_reading_an_agency_text(texts, agency):
    assert load_offices().read_agency(*texts) == agency


def test_a_title_of_an_undeclared_agency_stops_loading(tmp_path):
    path = tmp_path / "offices.yaml"
    path.write_text(OFFICES_YAML.read_text(encoding="utf-8").replace('agency: "Judiciary"', 'agency: "Courts"', 1),
                    encoding="utf-8")
    with pytest.raises(SchemaError, match=r"\[G118\] offices.yaml: title .*unknown agency 'Courts'"):
        load_offices(path)


def test_a_form_of_two_titles_stops_loading(tmp_path):
    """Issue 17: a form under two titles gave "OFFICER" the rank listed last, not the one it states."""
    path = tmp_path / "offices.yaml"
    path.write_text(OFFICES_YAML.read_text(encoding="utf-8").replace(
        'forms: ["Sheriff", "Deputy Sheriff"', 'forms: ["Sheriff", "OFFICER", "Deputy Sheriff"', 1), encoding="utf-8")
    with pytest.raises(SchemaError, match=r"\[G118\] offices.yaml: title 'sheriff'.*'OFFICER' is also a form of "
                                          r"title 'police-officer'"):
        load_offices(path)
