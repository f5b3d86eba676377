"""The schema says what its labels and types mean (issue 17): kinds, categories, traits, legs.

Why: every module that needs "the identifiers", "an event's legs" or "the exploitation acts" asks
the schema; these tests pin what it answers and that a wrong word in the YAML stops loading.
"""
from pathlib import Path

import pytest

from graph_schema import SchemaError, load_schema
from graph_schema.model import SCHEMA_DIR


@pytest.fixture(scope="module")
def schema():
    return load_schema()


def test_every_label_has_a_kind(schema):
    assert {"Account", "Email", "Handle", "IdDocument", "Phone", "Vehicle"} <= set(schema.labels_of_kind("identifier"))
    assert sorted(label for kind in schema.meanings.kinds for label in schema.labels_of_kind(kind)) == sorted(schema.nodes)
    assert schema.labels_of_kind("named") == ("Location", "Organization", "Person")
    assert schema.labels_of_kind("event") == ("Call", "Operation", "Payment")
    assert set(schema.labels_of_kind("document")) == set(schema.internal_labels)


@pytest.mark.parametrize("label, holders", [
    ("Phone", ("USES_PHONE", "OWNS")), ("Email", ("USES_EMAIL",)), ("Handle", ("USES_HANDLE",)),
    ("Account", ("HOLDS_ACCOUNT", "OWNS")), ("IdDocument", ("HAS_ID",)), ("Vehicle", ("DRIVES", "OWNS")),
])
def test_holder_types_put_the_use_relation_first(schema, label, holders):
    assert schema.holder_types(label) == holders


def test_every_identifier_is_held_and_kept_per_case(schema):
    """What makes a label an identifier, whichever the labels are: a holder uses it (its first holder
    type is of category identifier), people share it through that, and the bookkeeping reaches it
    (``kind:identifier`` in IN_CASE and MENTIONS)."""
    for label in schema.labels_of_kind("identifier"):
        holders = schema.holder_types(label)
        assert holders and schema.rel(holders[0]).category == "identifier", label
        assert set(holders) <= set(schema.shared_via(label)), label
        assert label in schema.rel("IN_CASE").source and label in schema.rel("MENTIONS").target, label


@pytest.mark.parametrize("label, legs", [("Payment", ("PAID", "PAID_TO")), ("Call", ("CALLED", "CALL_TO")),
                                         ("Operation", None), ("Phone", None)])
def test_event_legs(schema, label, legs):
    assert schema.event_legs(label) == legs


def test_categories_traits_and_roles(schema):
    assert schema.types_in("exploitation") == ("RECRUITED", "TRANSPORTED", "HARBORED", "THREATENED", "EMPLOYS")
    assert set(schema.types_in("legal")) == {"ARRESTED_BY", "SENTENCED_BY", "ORDERED_TO_PAY"}
    assert set(schema.types_in("presence")) == {"SEEN_AT", "LIVES_AT"}
    assert set(schema.types_with("premises")) == {"EMPLOYS", "HARBORED"}
    assert set(schema.types_with("victimizes")) == {"RECRUITED", "TRANSPORTED", "HARBORED"}
    assert schema.protected_roles() == ("victim", "witness")
    assert schema.party_events() == ("Call", "Payment")
    assert schema.party_identifiers() == ("Account", "Phone")


def test_what_people_share_a_node_through(schema):
    assert schema.shared_via("Phone") == ("USES_PHONE", "OWNS")
    assert schema.shared_via("Vehicle") == ("DRIVES", "OWNS", "TRANSPORTED")
    assert schema.shared_via("Location") == ("LIVES_AT",)
    assert schema.shared_via("Person") == ()


def test_unknown_words_are_refused(schema):
    for ask, word in [(schema.labels_of_kind, "identifer"), (schema.types_in, "exploitaton"),
                      (schema.types_with, "premise")]:
        with pytest.raises(KeyError):
            ask(word)


def _copy(tmp_path: Path) -> Path:
    for sub in ["nodes", "relationships"]:
        (tmp_path / sub).mkdir()
        for f in (SCHEMA_DIR / sub).glob("*.yaml"):
            (tmp_path / sub / f.name).write_text(f.read_text())
    for name in ["relationships.defaults.yaml", "meanings.yaml"]:
        (tmp_path / name).write_text((SCHEMA_DIR / name).read_text())
    return tmp_path


@pytest.mark.parametrize("path, old, new, error", [
    ("nodes/Phone.yaml", "kind: identifier", "kind: identifer", "Phone.yaml: kind 'identifer'"),
    ("relationships/OWNS.yaml", "category: control", "category: controll", "OWNS.yaml: category 'controll'"),
    ("relationships/EMPLOYS.yaml", "traits: [premises]", "traits: [premise]", "EMPLOYS.yaml: trait 'premise'"),
    ("nodes/Payment.yaml", "legs: [PAID, PAID_TO]", "legs: [PAID_TO, PAID]", "Payment.yaml: legs PAID_TO"),
    ("nodes/Vehicle.yaml", "shared_via: [TRANSPORTED]", "shared_via: [PAID]", "Vehicle.yaml: shared_via PAID"),
    ("relationships/IN_CASE.yaml", "kind:identifier", "kind:identifer", "IN_CASE.yaml: kind 'identifer'"),
    ("relationships/MENTIONS.yaml", "kind:identifier", "Identifier", "MENTIONS.yaml: unknown node label 'Identifier'"),
    ("meanings.yaml", "order: [RECRUITED, TRANSPORTED, HARBORED, THREATENED, EMPLOYS]",
     "order: [RECRUITED, TRANSPORTED, HARBORED, THREATENED]", "the order of 'exploitation'"),
])
def test_a_wrong_word_stops_loading(tmp_path, path, old, new, error):
    directory = _copy(tmp_path)
    target = directory / path
    assert old in target.read_text()
    target.write_text(target.read_text().replace(old, new))
    with pytest.raises(SchemaError, match=error):
        load_schema(directory)
