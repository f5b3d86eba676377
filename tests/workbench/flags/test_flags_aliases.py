"""Alias candidates: "Sarge" in a receipt book may be a sergeant - a reviewable link, never a merge."""
from __future__ import annotations

import pytest

from workbench.flags import complicity_flags
from workbench.flags.aliases import lone_form


@pytest.mark.parametrize("text, kind", [
    ("Sarge", "rank"), ("el sargento", "rank"), ("the Customs man", "rank"), ("Sarge Sosa", "rank"),
    ("C. N.", "initials"), ("C.N.", "initials"),
    ("Cleveland Neal", None), ("Chino", None), ("Skinny", None), ("TP-3", None),
])
def test_lone_forms(text, kind):
    form = lone_form(text)
    assert (form[0] if form else None) == kind


@pytest.fixture
def book(builder):
    """La Jefa harbours a victim and pays "Sarge" 300 on three Sundays; two police sergeants."""
    b = builder
    jefa = b.person("jefa", "unknown", name="Marleny")
    b.edge(jefa, "HARBORED", b.person("v", "victim"))
    sarge = b.person("sarge", "unknown", name="Sarge")
    for day in ("07", "14", "21"):
        b.payment(jefa, sarge, f"r-{day}", amount=300.0, sentence=f"No. 22{day} dom {day}/04 Sarge ... 300")
    neal = b.person("neal", "official", name="Cleveland Neal", agency="Police", rank="Sgt.")
    pech = b.person("pech", "investigator", name="Ismael Pech", agency="Police", rank="Sgt.")
    return b, sarge, neal, pech


def test_a_rank_word_shared_by_two_sergeants_transfers_nothing(book):
    b, sarge, neal, pech = book
    report = complicity_flags(b.G)
    assert report.flags == []
    rows = report.candidates.set_index("official")
    assert set(rows["status"]) == {"ambiguous"} and set(rows.index) == {neal, pech}


def test_a_co_mention_outside_their_own_notes_makes_the_candidate(book):
    b, sarge, neal, pech = book
    line = "Sarge da Sergeant Neal fram OW station."
    b.edge(sarge, "ASSOCIATED_WITH", neal, note="interview", sentence=line)
    report = complicity_flags(b.G, authors={"interview": pech})
    flag = report.flag(neal)
    assert flag.rules == ("alias_candidate",) and report.flag(pech) is None
    result = flag.result("alias_candidate")
    assert result.count == 3
    assert all("via candidate alias 'Sarge'" in r.text and "not a merge" in r.text for r in result.reasons)
    assert line in {e.sentence for e in result.evidence}
    assert {r["via_candidate"] for r in result.records} == {sarge}
    assert sarge in b.G and neal in b.G  # never merged


def test_initials_of_a_signature_match_one_official(book):
    b, sarge, neal, _ = book
    b.G.nodes[sarge]["aliases"] = ["C. N."]
    rows = complicity_flags(b.G).candidates
    best = rows[rows["status"] == "candidate"]
    assert best[["official", "score"]].values.tolist() == [[neal, 3]]
    assert "initials match Cleveland Neal" in best["features"].iloc[0]


def test_a_lone_node_not_tied_to_the_core_is_no_candidate(builder):
    b = builder
    b.person("sarge", "unknown", name="Sarge")
    b.person("neal", "official", name="Cleveland Neal", agency="Police", rank="Sgt.")
    assert complicity_flags(b.G).candidates.empty


def test_a_victim_written_as_initials_is_never_a_candidate(builder):
    b = builder
    jefa = b.person("jefa", "unknown", name="Marleny")
    victim = b.person("v", "victim", name="C.N.")
    b.edge(jefa, "HARBORED", victim)
    b.payment(jefa, victim, "p", amount=20.0)
    b.person("neal", "official", name="Cleveland Neal", agency="Police", rank="Sgt.")
    assert complicity_flags(b.G).candidates.empty


def test_the_officer_who_took_down_the_note_is_not_the_alias_it_speaks_of(book):
    b, sarge, neal, pech = book
    for _, pay, key, data in list(b.G.in_edges(sarge, keys=True, data=True)):
        for ev in data["evidence"]:
            ev["note_id"] = "statement"
    rows = complicity_flags(b.G, authors={"statement": pech}).candidates
    assert pech not in set(rows["official"]) and set(rows["official"]) == {neal}


def test_one_payer_of_the_alias_and_of_the_official_makes_the_candidate(book):
    b, sarge, neal, pech = book
    jefa = next(n for n in b.G if b.G.nodes[n].get("name") == "Marleny")
    b.payment(jefa, neal, "handed", amount=None, form="envelope")
    rows = complicity_flags(b.G).candidates.set_index("official")
    assert rows.loc[neal, "status"] == "candidate" and rows.loc[pech, "status"] == "weak"
    assert "paid by the same person as them (Marleny)" in rows.loc[neal, "features"]
