import pytest

from graph_schema import (Evidence, NodeRecord, RecordError, RelRecord, from_dict, load_schema, to_dict,
                          validate_node, validate_rel)
from tests.factory import ev, r, rel


def test_a_bad_enum_is_named_by_field():
    with pytest.raises(RecordError, match=r"Person.role: 'boss' is not one of"):
        validate_node(r("Person", name="Carlos Reyes", role="boss"), load_schema())


def test_a_missing_required_field_is_named():
    with pytest.raises(RecordError, match=r"Person.name: required but missing"):
        validate_node(NodeRecord("Person", "p1", {}), load_schema())


def test_an_undeclared_property_is_refused():
    with pytest.raises(RecordError, match=r"Person.shoe_size: not a declared property"):
        validate_node(r("Person", name="Carlos Reyes", shoe_size=42), load_schema())


def test_phone_key_is_normalized_on_validation():
    assert validate_node(NodeRecord("Phone", "(501) 622-1234", {}), load_schema()).key == "+5016221234"


def test_relationship_endpoints_must_be_allowed():
    phone = NodeRecord("Phone", "+5016221234", {})
    person = r("Person", name="Carlos Reyes")
    validate_rel(rel("USES_PHONE", person, phone), load_schema())
    with pytest.raises(RecordError, match=r"USES_PHONE.source: Phone is not one of Person, Organization"):
        validate_rel(rel("USES_PHONE", phone, person), load_schema())


def test_hostile_strings_are_kept_literally():
    name = "Robert'); MATCH (n) DETACH DELETE n //`{}\""
    assert validate_node(r("Person", name=name), load_schema()).props["name"] == name


def test_records_round_trip_through_dicts():
    record = rel("RECRUITED", r("Person", name="A B"), r("Person", name="C D"), ev(sentence="A recruited C."))
    back = from_dict(to_dict(record))
    assert isinstance(back, RelRecord) and back == record and back.id == record.id
    assert isinstance(back.evidence[0], Evidence)
