"""The whole chain on the synthetic sample case, against the real Neo4j and the real spaCy model.

Generated with the demo's fixed seed; the ground truth written beside the notes says who is who.
These tests are the issue's "done when" lists: resolution against the truth, idempotency, a
SIGKILL half-way, key players, flags and their evidence.
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from graph_schema.types import clean_phone, fold_name
from workbench.api import Workbench
from workbench.demo import SAMPLE_SEED
from workbench.sample_check import flag_quality, person_matches, relation_coverage
from workbench.store.store import Store
from tests.integration.snapshots import graph_snapshot

pytestmark = pytest.mark.neo4j


@pytest.fixture(scope="module")
def case(tmp_path_factory):
    from samplecase import generate_case

    folder = generate_case(tmp_path_factory.mktemp("sample") / "case", seed=SAMPLE_SEED, n_notes=150)
    truth = json.loads((folder / "ground_truth.json").read_text(encoding="utf-8"))
    return folder, truth


def _wipe(driver):
    with driver.session(database="neo4j") as session:
        session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()


@pytest.fixture(scope="module")
def wb(case, neo4j_settings, neo4j_driver):
    folder, truth = case
    _wipe(neo4j_driver)
    bench = Workbench(neo4j_settings, Store(neo4j_driver))
    report = bench.ingest([folder / "notes", folder / "exports"], case_id=truth["case_id"])
    assert report.files_read == 152 and not report.failed, report.failed
    return bench


@pytest.fixture(scope="module")
def graph(wb, case):
    return wb.case_graph(case[1]["case_id"])


def test_every_true_person_is_one_node(graph, case):
    frame = person_matches(graph, case[1])
    assert frame["found"].all(), f"not found: {list(frame.loc[~frame['found'], 'name'])}"
    assert (frame["duplicates"] == 0).all(), frame.loc[frame["duplicates"] > 0, ["name", "nodes"]]
    assert not frame["merged_with"].map(bool).any(), frame.loc[frame["merged_with"].map(bool), ["name", "merged_with"]]


def test_every_true_phone_is_one_node(graph, case):
    phones = {n.split(":", 1)[1] for n, d in graph.nodes(data=True) if d.get("label") == "Phone"}
    truth = {clean_phone(p["e164"]) for p in case[1]["phones"]}
    assert truth <= phones, f"missing phones: {sorted(truth - phones)}"


def test_true_relations_are_present_with_evidence(graph, case):
    coverage = relation_coverage(graph, case[1])
    overall = coverage["found"].sum() / coverage["true"].sum()
    print(coverage.to_string())
    # measured 402/413 on the bundled case; what is left is held back by design (a nickname
    # alone merges only with shared context, "searched by X" needs X to be an official)
    assert overall >= 0.95, coverage
    assert (coverage["recall"] >= 0.9).all(), coverage[coverage["recall"] < 0.9]
    for _, _, data in graph.edges(data=True):
        assert data["evidence_count"] >= 1 and data["evidence"], data["id"]


def test_evidence_sentences_are_in_their_notes(wb, graph, case):
    folder, truth = case
    notes = wb.store.notes(truth["case_id"]).set_index("id")["path"].to_dict()
    texts = {}
    for _, _, data in list(graph.edges(data=True))[:400]:
        for ev in data["evidence"]:
            path = notes[ev["note_id"]]
            if path not in texts:
                from ingest.read import read_file
                base = folder / ("exports" if path.endswith(".csv") else "notes")
                texts[path] = read_file(base / path, root=base).text
            assert texts[path][ev["start"]:ev["end"]].strip() in ev["sentence"] or \
                ev["sentence"] in texts[path][ev["start"]:ev["end"]], (path, ev)


def test_ingesting_again_changes_nothing(wb, case, neo4j_driver):
    before = graph_snapshot(neo4j_driver)
    folder, truth = case
    wb.ingest([folder / "notes", folder / "exports"], case_id=truth["case_id"])
    assert graph_snapshot(neo4j_driver) == before


def test_ring_leaders_and_brokers_rank_in_the_top_five(wb, case):
    table = wb.key_players(case[1]["case_id"], top=5)
    top = {fold_name(n) for n in table["name"]}
    leaders = {fold_name(p["name"]) for p in case[1]["people"] if p.get("key_player")}
    assert leaders <= top, f"top 5: {sorted(top)}; key players: {sorted(leaders)}"


def test_complicit_officials_are_flagged_above_every_innocent_one(wb, graph, case):
    report = wb.complicity_flags(case[1]["case_id"])
    quality = flag_quality(report.table, graph, case[1])
    print(quality)
    assert quality["recall"] == 1.0, quality
    assert quality["complicit_rank_above_innocent"], report.table[["name", "score", "rules"]]
    assert set(report.table["wording"]) == {"possible complicity — needs review"}


def test_officials_with_only_investigative_ties_are_not_flagged(wb, graph, case):
    report = wb.complicity_flags(case[1]["case_id"])
    investigative_only = {fold_name(p["name"]) for p in case[1]["people"]
                          if p["role"] == "investigator" or (p["role"] == "official" and p.get("complicit") is False)}
    flagged = {fold_name(n) for n in report.table["name"]}
    assert not investigative_only & flagged, report.table[["name", "score", "rules"]]


def test_every_flag_sentence_is_in_the_note_it_cites(wb, case):
    folder, truth = case
    report = wb.complicity_flags(truth["case_id"], reveal=True)  # the notes hold the real names
    notes = wb.store.notes(truth["case_id"]).set_index("id")["path"].to_dict()
    from ingest.read import read_file
    checked = 0
    for flag in report.flags:
        for ev in flag.evidence:
            path = notes[ev.note_id]
            base = folder / ("exports" if path.endswith(".csv") else "notes")
            assert ev.sentence in read_file(base / path, root=base).text, (path, ev.sentence)
            checked += 1
    assert checked > 0


def test_a_run_killed_half_way_ends_in_the_same_graph(wb, case, neo4j_settings, neo4j_driver):
    folder, truth = case
    complete = graph_snapshot(neo4j_driver)
    _wipe(neo4j_driver)
    env = {**os.environ, "WORKBENCH_HOME": str(neo4j_settings.home), "WORKBENCH_BOLT_PORT": str(neo4j_settings.bolt_port)}
    env.pop("NEO4J_URI", None)
    cmd = [sys.executable, "-m", "workbench.cli", "ingest", str(folder / "notes"), str(folder / "exports"),
           "--case", truth["case_id"], "--batch-size", "50"]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and proc.poll() is None:
        records, _, _ = neo4j_driver.execute_query("MATCH (e:Evidence) RETURN count(e) AS n", database_="neo4j")
        if records[0]["n"] > 0:
            break
        time.sleep(0.05)
    assert proc.poll() is None, "the ingest finished before it could be killed"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    partial = graph_snapshot(neo4j_driver)
    assert partial != complete
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    assert graph_snapshot(neo4j_driver) == complete
