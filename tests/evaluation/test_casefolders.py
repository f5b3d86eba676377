"""Case-folder scoring: the matching rules on tiny hand-built records, then one real folder.

The real-folder test checks only that the report is sane (its counts add up, the unreadable
files are named); quality targets belong to the extraction work, not to the judge.
"""
from __future__ import annotations

import json
from typing import Any

import pytest

from evaluation import CaseFolderReport, evaluate_casefolder, score_casefolder, summary_rows
from evaluation.casefolder_persons import match_persons
from graph_schema.records import Evidence, Mention, Note, Relation
from ingest.results import Extraction, FileError
from tests.shared_data import shared_data


def build(note_id: str, text: str, *found: tuple[Any, ...],
          relations: tuple[tuple[str, int, int], ...] = ()) -> Extraction:
    """A note whose mentions are ``(label, surface[, fields])``, found left to right in ``text``."""
    mentions, pos = [], 0
    for label, surface, *extra in found:
        start = text.index(surface, pos)
        pos = start + len(surface)
        mentions.append(Mention(note_id, label, surface, start, pos, text, "test", **(extra[0] if extra else {})))
    rels = tuple(Relation(t, mentions[i].id, mentions[j].id, Evidence(note_id, text, 0, len(text), "test"))
                 for t, i, j in relations)
    return Extraction(Note(id=note_id, path=f"{note_id}.txt", text=text, case_id="T"), tuple(mentions), rels)


def resolved(extraction: Extraction, *keys: str) -> list[tuple[Mention, str, str]]:
    """The note's mentions as resolution pairs them with an entity: (mention, label, key)."""
    return [(m, m.label, key) for m, key in zip(extraction.mentions, keys)]


# ---------------------------------------------------------------- persons


def test_exact_form_and_titled_form_land_on_one_node():
    ex = build("n1", "Sgt. Ana Cruz came. Cruz left.", ("Person", "Ana Cruz"), ("Person", "Cruz"))
    [match] = match_persons({"Ana Cruz": ["Sgt. Ana Cruz", "Cruz"]}, resolved(ex, "k1", "k1"), {"n1": ex.note.text})
    assert match.status == "exact"
    assert match.nodes == {"Person:k1"}
    assert match.untitled == {"Sgt. Ana Cruz"}


def test_bare_name_elsewhere_does_not_land_a_titled_form():
    ex = build("n1", "Ana Cruz came. Sgt. Cruz left.", ("Person", "Ana Cruz"))
    [match] = match_persons({"Ana Cruz": ["Sgt. Ana Cruz"]}, resolved(ex, "k1"), {"n1": ex.note.text})
    assert match.status == "missing"
    assert match.why_missed == {"Sgt. Ana Cruz": "not in any note read"}


def test_split_merged_and_missing_are_exclusive():
    ex = build("n1", "Ana Cruz, ANA CRUZ, Luis Pot and Luisa Pot.", ("Person", "Ana Cruz"), ("Person", "ANA CRUZ"),
               ("Person", "Luis Pot"), ("Person", "Luisa Pot"))
    persons = {"Ana Cruz": ["Ana Cruz", "ANA CRUZ"], "Luis Pot": ["Luis Pot"], "Luisa Pot": ["Luisa Pot"],
               "Eva Ku": ["Eva Ku"]}
    found = {m.name: m for m in match_persons(persons, resolved(ex, "a", "b", "p", "p"), {"n1": ex.note.text})}
    assert {name: m.status for name, m in found.items()} == {
        "Ana Cruz": "split", "Luis Pot": "merged", "Luisa Pot": "merged", "Eva Ku": "missing"}
    assert found["Luis Pot"].merged_with == ("Luisa Pot",)


@pytest.mark.parametrize("text, found, reason", [
    ("TP-3 said so.", [("Organization", "TP-3")], "typed as Organization"),
    ("GUERRA, Marcos said so.", [("Person", "Marcos")], "partly: Person 'Marcos'"),
    ("GUERRA, Marcos said so.", [], "not extracted"),
    ("Marcos Guerra said so.", [("Person", "Marcos Guerra")], "only inside longer mentions: 'Marcos Guerra'"),
    ("Nobody said so.", [], "not in any note read"),
])
def test_why_a_form_was_missed(text, found, reason):
    ex = build("n1", text, *found)
    form = {"typed as Organization": "TP-3", "only inside longer mentions: 'Marcos Guerra'": "Marcos"}.get(
        reason, "GUERRA, Marcos")
    [match] = match_persons({"X": [form]}, resolved(ex, *["k"] * len(found)), {"n1": text})
    assert match.why_missed == {form: reason}


# ---------------------------------------------------------------- a whole tiny folder, resolved for real


@pytest.fixture
def tiny_report() -> CaseFolderReport:
    uses = build("n1", "Marco Diaz uses 622-1234.", ("Person", "Marco Diaz", {"props": {"role": "suspect"}}),
                 ("Phone", "622-1234", {"key": "+5016221234"}), relations=(("USES_PHONE", 0, 1),))
    paid = build("n2", "Marco Diaz paid BZ$500 to Luz Pena in Orange Walk.", ("Person", "Marco Diaz"),
                 ("Payment", "BZ$500", {"props": {"amount": 500.0, "currency": "BZD"}}), ("Person", "Luz Pena"),
                 ("Location", "Orange Walk"), relations=(("PAID", 0, 1), ("PAID_TO", 1, 2)))
    other = build("n3", "Luz Pena uses 633-9999.", ("Person", "Luz Pena"),
                  ("Phone", "633-9999", {"key": "+5016339999"}), relations=(("USES_PHONE", 0, 1),))
    export = Extraction(Note(id="n4", path="x.csv", text="a,b\n", case_id="T"),
                        errors=(FileError("x.csv", "[E014] wrong number of fields", 4),
                                FileError("x.csv", "[E011] bad phone number", 9)))
    expected = {
        "persons": {"Marco Diaz": ["Marco Diaz"], "Luz Pena": ["Luz Pena"], "Eva Ku": ["Eva Ku"]},
        "roles": {"Marco Diaz": "suspect", "Luz Pena": "victim"},
        "phones": {"+5016221234": "Marco Diaz", "+5016339999": "Marco Diaz", "+5016550000": "Luz Pena"},
        "money": [["500", "BZD"], ["80", "USD"]], "places": ["Orange Walk", "Chetumal"],
        "relations": [["Marco Diaz", "PAID", "Luz Pena"], ["Marco Diaz", "USES_PHONE", "+5016221234"],
                      ["Luz Pena", "PAID", "Marco Diaz"], ["Eva Ku", "SEEN_AT", "Orange Walk"]],
        "files_failing": ["empty.txt", "scan.pdf"], "csv_bad_rows": {"x.csv": [4, 6]},
    }
    items = [uses, paid, other, export, FileError("empty.txt", "[E001] empty file")]
    return score_casefolder(items, expected, folder="tiny")


def test_tiny_folder_persons_and_roles(tiny_report):
    assert tiny_report.exact == ["Marco Diaz", "Luz Pena"]
    assert tiny_report.missing == ["Eva Ku"]
    assert tiny_report.non_persons == []
    assert tiny_report.roles_right == ["Marco Diaz"]
    assert tiny_report.roles_wrong == [("Luz Pena", "victim", "unknown")]


def test_tiny_folder_identifiers(tiny_report):
    status = {i.value: (i.status, i.linked_to) for i in tiny_report.identifiers}
    assert status == {"+5016221234": ("linked", ("Marco Diaz",)), "+5016339999": ("wrong", ("Luz Pena",)),
                      "+5016550000": ("missing", ())}
    score = tiny_report.identifier_score("phones")
    assert (score.tp, score.fp, score.fn) == (1, 1, 2)


def test_tiny_folder_relations_join_payments_and_keep_evidence(tiny_report):
    found = {(r.subject, r.type, r.object): r for r in tiny_report.relations}
    paid = found["Marco Diaz", "PAID", "Luz Pena"]
    assert paid.found and paid.evidence == ("n2.txt: Marco Diaz paid BZ$500 to Luz Pena in Orange Walk.",)
    assert found["Marco Diaz", "USES_PHONE", "+5016221234"].found
    assert found["Luz Pena", "PAID", "Marco Diaz"].detail == "only the other way round"
    assert found["Eva Ku", "SEEN_AT", "Orange Walk"].detail == "subject not found"


def test_tiny_folder_files_rows_money_places(tiny_report):
    r = tiny_report
    assert (r.files_failing.tp, r.files_failing.misses) == (1, ["scan.pdf"])
    assert (r.csv_bad_rows.tp, r.csv_bad_rows.misses, r.csv_bad_rows.false) == (1, ["x.csv:6"], ["x.csv:9 (E011)"])
    assert (r.money.tp, r.money.misses) == (1, ["80 USD"])
    assert (r.places.tp, r.places.misses) == (1, ["Chetumal"])


def test_summary_rows_are_printable(tiny_report):
    rows = summary_rows(tiny_report)
    assert all(len(row) == 3 and all(isinstance(cell, str) for cell in row) for row in rows)
    assert ("persons exact", "2/3", "Marco Diaz; Luz Pena") in rows


def test_calls_join_through_the_phones_their_users_hold():
    call = build("n1", "5016221234 called 5016339999.", ("Phone", "5016221234", {"key": "+5016221234"}),
                 ("Call", "called"), ("Phone", "5016339999", {"key": "+5016339999"}),
                 relations=(("CALLED", 0, 1), ("CALL_TO", 1, 2)))
    users = build("n2", "Marco Diaz uses 622-1234. Luz Pena was there.", ("Person", "Marco Diaz"),
                  ("Phone", "622-1234", {"key": "+5016221234"}), ("Person", "Luz Pena"),
                  relations=(("USES_PHONE", 0, 1),))
    expected = {"persons": {"Marco Diaz": ["Marco Diaz"], "Luz Pena": ["Luz Pena"]},
                "phones": {"+5016221234": "Marco Diaz", "+5016339999": "Luz Pena"},
                "relations": [["Marco Diaz", "CALLED", "Luz Pena"]]}
    [rel] = score_casefolder([call, users], expected).relations
    assert not rel.found
    assert rel.detail == "only between their expected phones: a phone is not linked to its user"


# ---------------------------------------------------------------- the real folder A


def test_real_folder_a_report_is_sane(nlp):
    folder = shared_data("casefolders", "A")
    expected_path = shared_data("casefolders", "A-expected.json")
    report = evaluate_casefolder(folder, expected_path, nlp)
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    statuses = report.exact + report.split + report.merged + report.missing
    assert sorted(statuses) == sorted(expected["persons"])
    assert sum(len(p.forms) for p in report.persons) == sum(len(f) for f in expected["persons"].values())
    assert len(report.relations) == len(expected["relations"])
    assert len(report.identifiers) == sum(len(expected[k]) for k in ("phones", "vehicles", "accounts"))
    assert report.files_failing.misses == [] and report.files_failing.tp == len(expected["files_failing"])
    assert report.csv_bad_rows.tp + report.csv_bad_rows.fn == sum(map(len, expected["csv_bad_rows"].values()))
    assert all(len(row) == 3 for row in summary_rows(report))
