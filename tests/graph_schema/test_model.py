from pathlib import Path

import pytest

from graph_schema import SchemaError, load_schema
from graph_schema.model import SCHEMA_DIR


def test_design_labels_and_types_are_declared():
    schema = load_schema()
    for label in ["Person", "Phone", "Email", "Account", "Vehicle", "Organization", "Location",
                  "Payment", "Call", "Note", "Case"]:
        assert label in schema.nodes
    for rel_type in ["CALLED", "PAID", "RECRUITED", "TRANSPORTED", "HARBORED", "EMPLOYS", "OWNS",
                     "THREATENED", "USES_PHONE", "SEEN_AT", "LIVES_AT", "ASSOCIATED_WITH"]:
        assert rel_type in schema.relationships


def test_person_roles_follow_the_design():
    role = load_schema().node("Person").property("role")
    assert set(role.values) == {"suspect", "victim", "witness", "official", "investigator", "unknown"}


def test_investigative_ties_are_declared_as_such():
    # legal-process acts (an arrest, a sentence, a court order) tie a defendant to the officer,
    # judge or sum, never to a complicit side
    assert load_schema().investigative_types == ("ARRESTED_BY", "INVESTIGATED", "ORDERED_TO_PAY", "SENTENCED_BY")


def test_schema_objects_are_frozen():
    spec = load_schema().node("Person")
    with pytest.raises(AttributeError):
        spec.key = "name"  # type: ignore[misc]


def _copy_schema(tmp_path: Path) -> Path:
    for sub in ["nodes", "relationships"]:
        (tmp_path / sub).mkdir()
        for f in (SCHEMA_DIR / sub).glob("*.yaml"):
            (tmp_path / sub / f.name).write_text(f.read_text())
    for name in ["relationships.defaults.yaml", "meanings.yaml"]:
        (tmp_path / name).write_text((SCHEMA_DIR / name).read_text())
    return tmp_path


def test_unknown_endpoint_label_fails_loading(tmp_path):
    directory = _copy_schema(tmp_path)
    path = directory / "relationships" / "OWNS.yaml"
    path.write_text(path.read_text().replace("target: [Organization", "target: [Organisation"))
    with pytest.raises(SchemaError, match="OWNS.yaml: unknown node label 'Organisation'"):
        load_schema(directory)


def test_unknown_property_type_fails_loading(tmp_path):
    directory = _copy_schema(tmp_path)
    path = directory / "nodes" / "Phone.yaml"
    path.write_text(path.read_text().replace("type: phone", "type: fone"))
    with pytest.raises(SchemaError, match="Phone.yaml: property 'id': unknown property type 'fone'"):
        load_schema(directory)


def test_unquoted_comma_in_a_description_is_caught(tmp_path):
    directory = _copy_schema(tmp_path)
    path = directory / "nodes" / "Email.yaml"
    path.write_text(path.read_text().replace("required: true}", "required: true, description: a, b}"))
    with pytest.raises(SchemaError, match="unknown keys"):
        load_schema(directory)
