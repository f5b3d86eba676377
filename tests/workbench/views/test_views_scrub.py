"""The indexed scrubber and the protected copy: protected people's numbers in no id, no key, no text
(issue 18 part 1), matched as fast as before by index (issue 15: views + protection)."""
from __future__ import annotations

import networkx as nx
import pytest

from tests.workbench.views.conftest import page_data
from workbench.exports import to_graphml, to_i2_csv
from workbench.project import person_network
from workbench.views import network_html, pseudonym_table, pseudonymize
from workbench.views.masking import masked_ids
from workbench.views.scrub import Pseudonyms


def _victim_with_two_phones() -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    G.add_node("Person:v", label="Person", name="Belén Ramírez", role="victim")
    G.add_node("Person:s", label="Person", name="Carlos Reyes", role="suspect")
    for phone in ("+50370787668", "+5016221234"):
        G.add_node(f"Phone:{phone}", label="Phone", key=phone, name=phone)
        G.add_edge("Person:v", f"Phone:{phone}", type="USES_PHONE")
    G.add_node("Phone:+5016339876", label="Phone", key="+5016339876", name="+5016339876")
    G.add_edge("Person:s", "Phone:+5016339876", type="USES_PHONE")
    G.add_node("Call:c1", label="Call", date="2024-05-01", at="2024-05-01T10:30:00", duration_s=60)
    G.add_edge("Phone:+5016339876", "Call:c1", type="CALLED",
               evidence=[{"note_id": "n1", "sentence": "5016339876,0050370787668,2024-05-01 10:30:00,60"}])
    G.add_edge("Call:c1", "Phone:+50370787668", type="CALL_TO",
               evidence=[{"note_id": "n1", "sentence": "5016339876,0050370787668,2024-05-01 10:30:00,60"}])
    return G


def test_each_identifier_has_its_own_mask_and_every_written_form_is_masked():
    G = _victim_with_two_phones()
    t = pseudonym_table(G)
    masks = {t.scrub("+503 7078-7668"), t.scrub("622-1234"), t.scrub("0050370787668"), t.scrub("70787668")}
    assert masks == {"[phone of Victim 1]", "[phone 2 of Victim 1]"}
    assert t.scrub("633-9876") == "633-9876"  # the suspect's phone is no one's secret


def test_the_protected_copy_masks_identifier_ids_keys_and_sentences():
    G = _victim_with_two_phones()
    H, _ = pseudonymize(G)
    text = repr(list(H.nodes(data=True))) + repr(list(H.edges(keys=True, data=True)))
    assert "7078" not in text and "6221234" not in text and "Belén" not in text
    renamed = masked_ids(G, pseudonym_table(G))
    assert set(renamed.values()) <= set(H) and renamed["Phone:+50370787668"] == "Phone:[phone 2 of Victim 1]"
    assert H.nodes[renamed["Phone:+5016221234"]]["key"] == "[phone of Victim 1]"  # in order of the phones' ids
    assert "Phone:+5016339876" in H  # others keep their ids


def test_views_and_exports_carry_no_protected_number(tmp_path):
    G = _victim_with_two_phones()
    folded = page_data(network_html(G))
    unfolded = page_data(network_html(G, collapse=False))
    for data in (folded, unfolded):
        assert "7078" not in repr(data) and "6221234" not in repr(data)
    link = next(e for e in folded["edges"] if e.get("events"))
    assert link["events"][0]["to"] == "Phone:[phone 2 of Victim 1]"  # an expanded call ends at the masked node
    assert {n["id"] for n in folded["nodes"]} >= {link["events"][0]["to"]}
    to_graphml(G, tmp_path / "g.graphml")
    to_i2_csv(G, tmp_path / "i2")
    for path in (tmp_path / "g.graphml", tmp_path / "i2" / "entities.csv", tmp_path / "i2" / "links.csv"):
        assert "7078" not in path.read_text(encoding="utf-8"), path.name
    assert "7078" in network_html(G, reveal=True)


def test_a_person_network_tie_via_a_protected_phone_is_masked():
    """The person network has no phone nodes: it carries the case's table, as the workbench's do."""
    G = _victim_with_two_phones()
    G.add_node("Person:w", label="Person", name="Jose Pena", role="suspect")
    G.add_edge("Person:w", "Phone:+50370787668", type="USES_PHONE")
    P = person_network(G)
    P.graph["protection"] = pseudonym_table(G)
    H, _ = pseudonymize(P)
    assert "7078" not in repr(list(H.edges(data=True)))


@pytest.mark.parametrize("text,expected", [
    ("BELEN RAMIREZ paid 500", "Victim 1 paid 500"),
    ("Belén  Ramírez called", "Victim 1 called"),  # the words, whatever is between them
    ("Ramírez was seen", "Victim 1 was seen"),
    ("Carlos Reyes met belén ramírez.", "Carlos Reyes met Victim 1."),
    ("no one here", "no one here"),
])
def test_names_match_folded_words_ascii_or_not(text, expected):
    G = _victim_with_two_phones()
    assert pseudonym_table(G).scrub(text) == expected


def test_a_name_part_with_digits_is_no_name():
    G = nx.Graph()
    G.add_node("Person:1", label="Person", name="Person 103", role="victim")
    G.add_node("Person:2", label="Person", name="Person 104", role="suspect")
    t = pseudonym_table(G)
    assert t.scrub("Person 103 paid BZD 103") == "Victim 1 paid BZD 103"


def test_scrubbing_is_memoized_and_leaves_other_strings_alone():
    t = Pseudonyms(mapping={"Person:a": "Victim 1"}, replacements={"ana cruz": "Victim 1"},
                   numbers={"5016221234": "[phone of Victim 1]"})
    sentence = "Ana Cruz called +501 622-1234 on 2024-05-01."
    assert t.scrub(sentence) == "Victim 1 called [phone of Victim 1] on 2024-05-01."
    assert t.scrub(sentence) is t.scrub(sentence)
    assert t.scrub("2024-05-01 10:30:00, 60 s") == "2024-05-01 10:30:00, 60 s"


def test_a_walkthrough_step_on_a_protected_phone_shows_it_masked(tmp_path):
    from tests.workbench.views.conftest import page_data as data_of
    from workbench.walkthrough import load_walkthrough
    from workbench.walkthrough.render import walkthrough_html

    G = _victim_with_two_phones()
    path = tmp_path / "w.yaml"
    path.write_text("title: W\nsteps:\n  - title: Her phone\n    entities: ['Person:v', 'Phone:+50370787668']\n",
                    encoding="utf-8")
    page = walkthrough_html(G, load_walkthrough(path))
    data = data_of(page)
    assert "7078" not in page and "Phone:[phone 2 of Victim 1]" in data["steps"][0]["nodes"]
    assert {n["id"] for n in data["nodes"]} >= set(data["steps"][0]["nodes"])
