"""Cases are the unit of resolution; resolution owns identity (issues 14.1, 18.1, 17.3).

The same name in two cases is two people, the same phone one node whose facts are per case; an
analyst's decision across cases is a link, never a merge; every merge has a row with its reasons;
each note's author is resolved after every merge.
"""
from __future__ import annotations

from dataclasses import replace

from ingest.judgements import DecisionLog
from ingest.resolve import resolve
from tests.factory import build_note, phone


def _people(resolution):
    return sorted((n.props["name"], n.props["role"], n.props.get("rank")) for n in resolution.nodes
                  if n.label == "Person")


def _two_cases():
    case_1 = build_note("n1", ("Person", "Carlos Reyes", {"props": {"role": "suspect"}}), phone("622-1234"),
                        relations=(("USES_PHONE", 0, 1),), case_id="BZ-1")
    case_2 = build_note("n2", ("Person", "Carlos Reyes", {"props": {"role": "official", "rank": "Cpl."}}),
                        ("Phone", "622-1234", {"key": "+5016221234", "props": {"whatsapp": True}}),
                        relations=(("USES_PHONE", 0, 1),), case_id="BZ-2")
    return case_1, case_2


def test_one_name_in_two_cases_is_two_people_and_one_phone_with_each_case_s_facts():
    r = resolve(_two_cases())
    assert _people(r) == [("Carlos Reyes", "official", "Cpl."), ("Carlos Reyes", "suspect", None)]
    assert [n.key for n in r.nodes if n.label == "Phone"] == ["+5016221234"]
    phone_facts = {f.target_key: f.props for f in r.facts if f.source_label == "Phone"}
    assert phone_facts == {"BZ-1": {"case_id": "BZ-1"}, "BZ-2": {"case_id": "BZ-2", "whatsapp": True}}
    roles = {f.target_key: f.props["role"] for f in r.facts if f.source_label == "Person"}
    assert roles == {"BZ-1": "suspect", "BZ-2": "official"}
    assert r.candidates == []  # across cases: a link for workbench.cases, not a merge candidate


def test_each_case_resolves_as_it_would_alone():
    case_1, case_2 = _two_cases()
    together = resolve([case_1, case_2])
    for alone in (resolve([case_1]), resolve([case_2])):
        people = [n for n in alone.nodes if n.label == "Person"]
        assert all(any(n.key == p.key and n.props == p.props for n in together.nodes) for p in people)
        assert {(f.id, tuple(sorted(f.props.items()))) for f in alone.facts} <= \
            {(f.id, tuple(sorted(f.props.items()))) for f in together.facts}
        assert {r.id for r in alone.rels} <= {r.id for r in together.rels}


def test_a_note_without_a_case_resolves_in_the_one_case_of_the_others():
    with_case = build_note("n1", ("Person", "Carlos Reyes"), case_id="BZ-1")
    without = build_note("n2", ("Person", "Carlos Reyes"), case_id=None)
    assert len([n for n in resolve([with_case, without]).nodes if n.label == "Person"]) == 1


def test_a_decision_across_cases_is_a_link_never_a_merge(tmp_path):
    extractions = _two_cases()
    keys = sorted(n.key for n in resolve(extractions).nodes if n.label == "Person")
    log = DecisionLog(tmp_path / "decisions.jsonl")
    decision = log.decide(keys[0], keys[1], same=True, user="ana", cases=("BZ-1", "BZ-2"))
    assert decision.cross_case and log.current()[0].cases is not None
    assert len([n for n in resolve(extractions, decisions=log.current()).nodes if n.label == "Person"]) == 2


def test_every_automatic_merge_has_a_row_with_its_reasons():
    notes = [build_note("n1", ("Person", "Carlos Reyes"), phone("622-1234"), relations=(("USES_PHONE", 0, 1),)),
             build_note("n2", ("Person", "Carlos Reyez"), phone("622-1234"), relations=(("USES_PHONE", 0, 1),))]
    r = resolve(notes)
    (row,) = r.merges
    assert {row.left_name, row.right_name} == {"Carlos Reyes", "Carlos Reyez"} and row.rule == "fuzzy"
    assert any(rule == "shared_identifier" for rule, _, _ in row.reasons)
    (person,) = [n for n in r.nodes if n.label == "Person"]
    (fact,) = [f for f in r.facts if f.source_key == person.key]
    assert '"rule": "fuzzy"' in fact.props["merges"][0]


def test_the_author_is_the_person_the_name_resolved_to_after_an_analyst_s_merge(tmp_path):
    own = build_note("n1", ("Person", "Nidia Marroquin", {"canonical": "Nidia Marroquin",
                                                         "props": {"role": "investigator"}}))
    other = build_note("n2", ("Person", "Nidia Chi"))
    own = replace(own, note=replace(own.note, author="Sgt. Nidia Marroquin"))
    first = resolve([own, other])
    assert [(a.source_key, a.target_key) for a in first.authorship] == [
        ("n1", next(n.key for n in first.nodes if n.props["name"] == "Nidia Marroquin"))]
    keys = sorted(n.key for n in first.nodes)
    log = DecisionLog(tmp_path / "decisions.jsonl")
    log.decide(keys[0], keys[1], same=True, user="ana")
    merged = resolve([own, other], decisions=log.current())
    (person,) = merged.nodes
    assert person.key == keys[0] and [a.target_key for a in merged.authorship] == [keys[0]]
    assert [row.rule for row in merged.merges] == ["decision"]
