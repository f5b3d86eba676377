"""Merging across notes: sure merges by key or by name with context, candidates otherwise."""
from __future__ import annotations

import random

from tests.factory import phone
from graph_schema.records import Mention, Note
from ingest.resolve import resolve
from ingest.results import Extraction


def names(resolution):
    return sorted(n.props["name"] for n in resolution.nodes if n.label == "Person")


def test_same_phone_in_two_notes_is_one_entity(note):
    r = resolve([note("n1", phone("622-1234")), note("n2", phone("+501 622 1234"))])
    assert [(n.label, n.key) for n in r.nodes] == [("Phone", "+5016221234")]
    assert r.stats["merged_by_key"] == 1


def test_brothers_with_a_shared_phone_are_never_merged(note):
    r = resolve([
        note("n1", ("Person", "Carlos Reyes"), phone("622-1234"), relations=(("USES_PHONE", 0, 1),)),
        note("n2", ("Person", "Miguel Reyes"), phone("622-1234"), relations=(("USES_PHONE", 0, 1),)),
    ])
    assert names(r) == ["Carlos Reyes", "Miguel Reyes"] and r.candidates == []


def test_misspelt_name_with_shared_phone_is_merged(note):
    r = resolve([
        note("n1", ("Person", "Carlos Reyes"), phone("622-1234"), relations=(("USES_PHONE", 0, 1),)),
        note("n2", ("Person", "Carlos Reyez"), phone("622-1234"), relations=(("USES_PHONE", 0, 1),)),
    ])
    assert len(names(r)) == 1 and r.stats["merged_by_context"] == 1
    assert len([rel for rel in r.rels if rel.type == "USES_PHONE"]) == 1


def test_misspelt_name_without_context_is_a_candidate_with_reasons(note):
    r = resolve([note("n1", ("Person", "Carlos Reyes")), note("n2", ("Person", "Carlos Reyez"))])
    (candidate,) = r.candidates
    assert names(r) == ["Carlos Reyes", "Carlos Reyez"]
    assert candidate.reasons[0].rule == "fuzzy" and candidate.score >= 0.85
    assert "token_sort_ratio" in candidate.reasons[0].detail


def test_fuller_name_with_shared_nickname_is_merged(note):
    r = resolve([note("n1", ("Person", 'Carlos "Flaco" Reyes')),
                 note("n2", ("Person", 'Carlos Alberto "Flaco" Reyes'))])
    assert names(r) == ["Carlos Alberto Reyes"]


def test_lone_nickname_links_to_unique_person_sharing_a_venue(note):
    bar = ("Organization", "Lucky Star Bar")
    r = resolve([note("n1", ("Person", 'Carlos "Flaco" Reyes'), bar, relations=(("SEEN_AT", 0, 1),)),
                 note("n2", ("Person", "Flaco"), bar, relations=(("SEEN_AT", 0, 1),))])
    assert names(r) == ["Carlos Reyes"] and r.stats["merged_single_token"] == 1


def test_lone_surname_of_the_one_person_of_the_case_is_that_person(note):
    """Issue 12: notes name a person once in full and then by surname ("Sgt Sosa", "Reyes")."""
    r = resolve([note("n1", ("Person", "Carlos Reyes")), note("n2", ("Person", "Reyes"))])
    assert names(r) == ["Carlos Reyes"] and r.stats["merged_single_token"] == 1


def test_lone_surname_of_two_people_stays_apart_as_a_candidate(note):
    r = resolve([note("n1", ("Person", "Carlos Reyes")), note("n2", ("Person", "Miguel Reyes")),
                 note("n3", ("Person", "Reyes"))])
    assert names(r) == ["Carlos Reyes", "Miguel Reyes", "Reyes"]
    assert {c.reasons[-1].rule for c in r.candidates} == {"ambiguous"}


def test_initials_of_the_one_fitting_person_merge_with_their_reason(note):
    r = resolve([note("n1", ("Person", "Arlene Bodden")), note("n2", ("Person", "A. Bodden"))])
    assert names(r) == ["Arlene Bodden"] and r.stats["merged_by_context"] == 1


def test_initials_fitting_two_people_stay_apart(note):
    r = resolve([note("n1", ("Person", "Marcos Guerra")), note("n2", ("Person", "Mario Guerra")),
                 note("n3", ("Person", "M. Guerra"))])
    assert names(r) == ["M. Guerra", "Marcos Guerra", "Mario Guerra"]


def test_conflicting_ranks_never_merge(note):
    r = resolve([note("n1", ("Person", "Sgt. Ana Chuc")), note("n2", ("Person", "Cpl. A. Chuc"))])
    assert len(names(r)) == 2


def test_relations_from_two_notes_merge_into_one_record_with_both_evidence_rows(note):
    r = resolve([note(f"n{i}", ("Person", "Carlos Reyes"), ("Person", "Ana Pop"), relations=(("RECRUITED", 0, 1),))
                 for i in (1, 2)])
    (rel,) = r.rels
    assert [e.note_id for e in rel.evidence] == ["n1", "n2"] and rel.props["evidence_count"] == 2


def test_resolution_is_deterministic_whatever_the_input_order(note):
    notes = [note(f"n{i}", ("Person", name), phone(f"622-12{i:02d}"), relations=(("USES_PHONE", 0, 1),))
             for i, name in enumerate(["Carlos Reyes", "Carlos Reyez", "Reyes, Carlos", "Ana Pop", "Reyes"])]
    first = resolve(notes)
    random.Random(7).shuffle(notes)
    again = resolve(notes)
    assert [(n.label, n.key, n.props) for n in first.nodes] == [(n.label, n.key, n.props) for n in again.nodes]
    assert [r.id for r in first.rels] == [r.id for r in again.rels]
    assert first.candidates == again.candidates


def test_an_officer_who_writes_the_case_notes_is_its_investigator(note):
    """Issue 12: the author of notes is an investigator, however often the notes give their rank."""
    author = Mention("n1", "Person", "Carla Westby", 0, 12, "Carla Westby", "test", props={"role": "investigator"})
    ranked = [Mention(f"n{i}", "Person", "Carla Westby", 0, 12, "Carla Westby", "test",
                      props={"role": "official", "rank": "Insp."}) for i in (2, 3, 4)]
    r = resolve([Extraction(Note(id=m.note_id, path=f"{m.note_id}.txt", text="Carla Westby"), (m,)) for m in [author, *ranked]])
    assert [n.props["role"] for n in r.nodes] == ["investigator"]


def test_a_contact_name_saved_on_a_handset_is_the_user_of_that_number(note):
    """Issue 13: "Ruben chofer" saved on a seized phone is Ruben Ku, who uses that number."""
    contact = ("Person", "Ruben chofer", {"method": "handset_contact", "confidence": 0.5})
    r = resolve([note("n1", ("Person", "Ruben Ku"), phone("612-9037"), relations=(("USES_PHONE", 0, 1),)),
                 note("n2", contact, phone("612-9037"), relations=(("USES_PHONE", 0, 1),))])
    assert names(r) == ["Ruben Ku"] and r.stats["merged_saved_contact"] == 1


def test_a_contact_name_sharing_no_word_with_the_user_stays_a_lead(note):
    contact = ("Person", "Mechanic Orange", {"method": "handset_contact", "confidence": 0.5})
    r = resolve([note("n1", ("Person", "Ruben Ku"), phone("612-9037"), relations=(("USES_PHONE", 0, 1),)),
                 note("n2", contact, phone("612-9037"), relations=(("USES_PHONE", 0, 1),))])
    assert names(r) == ["Mechanic Orange", "Ruben Ku"]
