"""Flags and timelines through the store read every evidence sentence, not a view's best three.

A view keeps each relationship light (its three best sentences); a rule that counts sightings or a
flag that cites its notes must see all of them. Before, a registered vehicle logged at a bar on
four evenings was "seen on 3 distinct day(s)" through Neo4j and on four in memory, and a flag cited
only the notes that happened to be among the three. Real spaCy model, real Neo4j.
"""
from __future__ import annotations

import dataclasses

import pytest

from workbench.api import Workbench
from workbench.store.store import Store

pytestmark = pytest.mark.neo4j

EVENINGS = ("03", "10", "17", "24")
LOG = """SURVEILLANCE - Blue Parrot Bar, Orange Walk Town
Wed {day} Apr 2024 / PC 1650 K. Arzu / BZ-EV4

19:40 on post.
20:05 grey Toyota Tacoma CZ-P-20417 enters, parks at REAR. M/Mestizo 40s exits and goes in by the back door.
23:58 Tacoma dep N.
"""
NOTES = {
    "checks.txt": "Case: BZ-EV4\nDate: 2024-04-25\nAuthor: PC Kevin Arzu\nType: report\n\n"
                  "Vehicle checks: CZ-P-20417 is licensed to VARGAS, Dionisio, a Customs Officer II at the "
                  "Santa Elena Border Station.\n",
    "statement.txt": "Case: BZ-EV4\nDate: 2024-04-26\nAuthor: Cpl. Jacinta Ramclam\nType: statement\n\n"
                     "I interviewed the victim M.R.T., 16 years. She said that Marta Ruiz recruited her in Chetumal. "
                     "M.R.T. lived upstairs at the Blue Parrot Bar and could not go out.\n",
    **{f"obs_{day}.txt": LOG.format(day=day) for day in EVENINGS},
}


@pytest.fixture(scope="module")
def wb(neo4j_settings, neo4j_driver, tmp_path_factory):
    with neo4j_driver.session(database="neo4j") as session:
        session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()
    folder = tmp_path_factory.mktemp("every-sentence") / "BZ-EV4"
    folder.mkdir()
    for name, text in NOTES.items():
        (folder / name).write_text(text, encoding="utf-8")
    settings = dataclasses.replace(neo4j_settings, home=tmp_path_factory.mktemp("every-sentence-home"))
    workbench = Workbench(settings, Store(neo4j_driver))
    workbench.ingest([folder], case_id="BZ-EV4")
    return workbench


def test_a_flag_counts_and_cites_every_sighting(wb):
    report = wb.complicity_flags("BZ-EV4")
    flag = next(f for f in report.flags if f.result("vehicle_at_venue"))
    text = flag.result("vehicle_at_venue").reasons[0].text
    assert "on 4 distinct day(s) (2024-04-03, 2024-04-10, 2024-04-17, 2024-04-24)" in text, text
    cited = {e.note_id for e in flag.evidence if "Tacoma" in e.sentence}
    assert len(cited) == 4, cited


def test_a_view_still_keeps_three_sentences_and_the_timeline_all(wb):
    G = wb.case_graph("BZ-EV4")
    seen = [d for _, _, d in G.edges(data=True) if d.get("type") == "SEEN_AT"]
    assert seen and max(len(d["evidence"]) for d in seen) == 3
    timeline = wb.timeline("BZ-EV4")
    assert {"2024-04-03", "2024-04-10", "2024-04-17", "2024-04-24"} <= {str(d)[:10] for d in timeline["date"]}, \
        timeline.columns.tolist()
