"""No module restates the schema's meaning by hand (issue 17): the lint for hand-written type lists.

Why: which relationship links a holder to an identifier, an event's legs, the exploitation acts,
the protected roles were once written out in six to nine modules each, and the copies drifted. The
schema now says what its words mean (``graph_schema/meanings.yaml``, each node's ``kind``, each
relationship's ``category`` and ``traits``) and the code asks it (``Schema.holder_types``,
``event_legs``, ``types_in``, ``types_with``, ``labels_of_kind``, ``protected_roles``, ...).

What counts as a hand list, precisely: a tuple, list or set literal, or the keys of a dict
literal, of two or more string constants that are all declared node labels or relationship types
- in the packages of the flow and its judge (``graph_schema``, ``ingest``, ``workbench``,
``evaluation``). Left out on purpose:

- collections of *named* labels only (Person, Organization, Location): they are the vocabulary of
  the language model's entity types, which extraction rules pick from one sentence at a time;
- tests, and the sample-case generator (``samplecase``), which write types as data, like the
  rule patterns (JSONL), checked when their records are validated against the schema;
- the entries of ``tests/schema_hand_lists.yaml``, each with its reason (wording, an outside
  vocabulary). An entry that no longer matches fails as well, so the list only shrinks.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest
import yaml

from graph_schema import load_schema

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("graph_schema", "ingest", "workbench", "evaluation")
ALLOWED = Path(__file__).with_name("schema_hand_lists.yaml")


def hand_lists(source: str, names: set[str], exempt: set[str]) -> list[tuple[int, tuple[str, ...]]]:
    """(line, sorted names) of every hand list of schema ``names`` in ``source``.

    >>> hand_lists('A = ("PAID", "CALLED")\\nB = ("Person", "Location")\\nC = {"Phone": 1, "x": 2}',
    ...            {"PAID", "CALLED", "Person", "Location", "Phone"}, {"Person", "Location"})
    [(1, ('CALLED', 'PAID'))]
    """
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
            items: list[ast.expr | None] = list(node.elts)
        elif isinstance(node, ast.Dict):
            items = list(node.keys)
        else:
            continue
        values = [i.value for i in items if isinstance(i, ast.Constant) and isinstance(i.value, str)]
        if len(values) == len(items) >= 2 and set(values) <= names and not set(values) <= exempt:
            found.append((node.lineno, tuple(sorted(set(values)))))
    return found


@pytest.fixture(scope="module")
def found() -> dict[tuple[str, tuple[str, ...]], list[int]]:
    schema = load_schema()
    names = set(schema.nodes) | set(schema.relationships)
    named = set(schema.labels_of_kind("named"))
    out: dict[tuple[str, tuple[str, ...]], list[int]] = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            for line, listed in hand_lists(path.read_text(encoding="utf-8"), names, named):
                out.setdefault((path.relative_to(ROOT).as_posix(), listed), []).append(line)
    return out


def _allowed() -> set[tuple[str, tuple[str, ...]]]:
    entries = yaml.safe_load(ALLOWED.read_text(encoding="utf-8"))
    assert all(e.get("reason") for e in entries), "every allowed hand list needs its reason"
    return {(e["file"], tuple(sorted(e["names"]))) for e in entries}


def test_no_module_lists_schema_types_by_hand(found):
    allowed = _allowed()
    rogue = [f"{path}:{lines[0]}: {', '.join(names)}" for (path, names), lines in sorted(found.items())
             if (path, names) not in allowed]
    assert not rogue, ("ask the schema (labels_of_kind, types_in, types_with, holder_types, event_legs, "
                       "shared_via, party_events, party_identifiers, protected_roles) instead of:\n"
                       + "\n".join(rogue))


def test_every_allowed_hand_list_still_exists(found):
    stale = sorted(entry for entry in _allowed() if entry not in found)
    assert not stale, f"remove from {ALLOWED.name}: {stale}"
