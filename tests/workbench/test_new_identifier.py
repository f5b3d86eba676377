"""Adding an identifier type is one YAML file per node and relationship (issue 17, "done when").

Why: a shared identifier links the people who hold it. The schema says which labels are
identifiers (``kind``) and which relationship holds each (category ``identifier``), so a new
type - here a social-security number - links its holders in ``person_network`` with no change to
``workbench/project.py``, the flags or the analysis; the bookkeeping types (IN_CASE, MENTIONS)
reach it by its kind and the i2 export types it, with no edit to either.
"""
from pathlib import Path

from graph_schema import NodeRecord, RelRecord, load_schema
from graph_schema.model import SCHEMA_DIR
from graph_schema.lint import check
from workbench.exports.i2 import IDENTIFIER_I2_TYPE, i2_types
from workbench.project import from_records, person_network

SSN = """label: SocialSecurityNumber
description: A social-security number.
key: id
caption: id
kind: identifier
pseudonymize: {mask: social security number}
properties:
  id: {type: id, required: true}
style: {color: "#000000", shape: diamond}
"""
HAS_SSN = """type: HAS_SSN
description: Holds a social-security number.
source: [Person]
target: [SocialSecurityNumber]
directed: true
category: identifier
style: {color: "#000000", dashes: true}
"""


def _schema_with_a_new_identifier(tmp_path: Path):
    for sub in ["nodes", "relationships"]:
        (tmp_path / sub).mkdir()
        for f in (SCHEMA_DIR / sub).glob("*.yaml"):
            (tmp_path / sub / f.name).write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
    for name in ["relationships.defaults.yaml", "meanings.yaml"]:
        (tmp_path / name).write_text((SCHEMA_DIR / name).read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "nodes" / "SocialSecurityNumber.yaml").write_text(SSN, encoding="utf-8")
    (tmp_path / "relationships" / "HAS_SSN.yaml").write_text(HAS_SSN, encoding="utf-8")
    return load_schema(tmp_path)


def test_holders_of_a_new_identifier_share_a_link(tmp_path):
    schema = _schema_with_a_new_identifier(tmp_path)
    assert check(schema) == []
    assert schema.holder_types("SocialSecurityNumber") == ("HAS_SSN",)
    nodes = [NodeRecord("Person", "ana", {"name": "Ana Pop", "role": "suspect"}),
             NodeRecord("Person", "ben", {"name": "Ben Cal", "role": "unknown"}),
             NodeRecord("SocialSecurityNumber", "000-123", {})]
    rels = [RelRecord("HAS_SSN", "Person", "ana", "SocialSecurityNumber", "000-123"),
            RelRecord("HAS_SSN", "Person", "ben", "SocialSecurityNumber", "000-123")]
    P = person_network(from_records(nodes, rels, schema), schema=schema)
    link = P.edges["Person:ana", "Person:ben"]
    assert link["reasons"] == {"shared SocialSecurityNumber": 1}
    assert link["via"] == ["SocialSecurityNumber:000-123"]


def test_a_new_identifier_is_kept_per_case_mentioned_and_exported(tmp_path):
    schema = _schema_with_a_new_identifier(tmp_path)
    assert "SocialSecurityNumber" in schema.rel("IN_CASE").source
    assert "SocialSecurityNumber" in schema.rel("MENTIONS").target
    assert i2_types(schema)["SocialSecurityNumber"] == IDENTIFIER_I2_TYPE
    assert {label: i2_types(schema)[label] for label in ("Phone", "Person")} == {"Phone": "Telephone", "Person": "Person"}
