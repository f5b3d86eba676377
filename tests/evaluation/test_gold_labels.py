"""The table from our relationship types to the real-text gold labels is one table, documented.

``GOLD_LABELS`` (and ``FAMILY_LABELS`` for the kinds of RELATED_TO) must name schema types, use
only the gold's vocabulary (the set's GUIDELINES.md), and be exactly what docs/evaluation.md says.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from evaluation.realtexts import FAMILY_LABELS, GOLD_LABELS, _gold_label
from graph_schema import load_schema

DOC = (Path(__file__).resolve().parents[2] / "docs" / "evaluation.md").read_text(encoding="utf-8")
VOCABULARY = {"associate_of", "spouse_of", "sibling_of", "resides_in", "native_of", "operates_in", "works_for",
              "sentenced_by", "ordered_to_pay", "arrested_by"}


@pytest.mark.parametrize("rel_type", sorted(GOLD_LABELS))
def test_every_mapped_type_is_a_schema_type(rel_type):
    assert rel_type in load_schema().relationships


def test_family_ties_are_one_schema_type():
    assert "RELATED_TO" in load_schema().relationships and "RELATED_TO" not in GOLD_LABELS


def test_the_labels_are_the_gold_vocabulary():
    assert set(GOLD_LABELS.values()) | set(FAMILY_LABELS.values()) == VOCABULARY


def test_the_documented_type_table_is_the_code_table():
    rows = dict(re.findall(r"^\| `([A-Z_]+)` \| `([a-z_]+)` \|", DOC, flags=re.MULTILINE))
    assert rows == GOLD_LABELS


def test_the_documented_family_table_is_the_code_table():
    rows = re.findall(r"^\| ((?:`[a-z-]+`(?:, )?)+) \| `([a-z_]+)` \|$", DOC, flags=re.MULTILINE)
    documented = {kind: label for kinds, label in rows for kind in re.findall(r"`([a-z-]+)`", kinds)}
    assert documented == FAMILY_LABELS


@pytest.mark.parametrize("rel_type, props, label", [
    ("RELATED_TO", {"relation": "brother"}, "sibling_of"),
    ("RELATED_TO", {"relation": "couple"}, "spouse_of"),
    ("RELATED_TO", {"relation": "cousin"}, None),
    ("ACTED_WITH", {}, "associate_of"),
    ("ASSOCIATED_WITH", {}, None),  # named together is no co-defendancy
])
def test_one_relation_in_gold_terms(rel_type, props, label):
    assert _gold_label(rel_type, props) == label
