"""The audit log: append-only, attributable, and tamper-evident through its hash chain."""
from __future__ import annotations

import json

from workbench.audit import GENESIS, read_log, record, sha256_bytes, verify_log


def test_entries_record_who_when_what_and_result_hash(tmp_path):
    log = tmp_path / "home" / "audit.jsonl"
    entry = record(log, "flags.run", {"k": 2, "rules": ["payment"]}, b"node,score\n", analyst="analyst1")
    frame = read_log(log)
    assert frame.loc[0, "analyst"] == "analyst1"
    assert frame.loc[0, "action"] == "flags.run"
    assert frame.loc[0, "params"] == {"k": 2, "rules": ["payment"]}
    assert frame.loc[0, "result_sha256"] == sha256_bytes(b"node,score\n")
    assert frame.loc[0, "at"].endswith("+00:00")
    assert entry["prev_hash"] == GENESIS
    assert (log.stat().st_mode & 0o777) == 0o600


def test_default_analyst_is_the_os_user(tmp_path, monkeypatch):
    monkeypatch.setattr("getpass.getuser", lambda: "os-user")
    assert record(tmp_path / "a.jsonl", "export", {}, "x")["analyst"] == "os-user"


def test_appending_leaves_earlier_lines_untouched_and_chains(tmp_path):
    log = tmp_path / "audit.jsonl"
    record(log, "flags.run", {"k": 2}, b"a", analyst="x")
    before = log.read_bytes()
    second = record(log, "flags.export.html", {"path": "f.html"}, b"b", analyst="y")
    after = log.read_bytes()
    assert after.startswith(before)
    first = json.loads(before)
    assert second["prev_hash"] == first["hash"] and second["seq"] == 2
    assert verify_log(log) == []


def test_a_tampered_line_is_detected(tmp_path):
    log = tmp_path / "audit.jsonl"
    for i in range(3):
        record(log, "flags.run", {"i": i}, str(i), analyst="x")
    lines = log.read_text(encoding="utf-8").splitlines()
    entry = json.loads(lines[1])
    entry["analyst"] = "someone else"
    lines[1] = json.dumps(entry, sort_keys=True)
    log.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert verify_log(log) == ["audit.jsonl:2: audit chain broken (entry altered)"]


def test_a_removed_line_is_detected(tmp_path):
    log = tmp_path / "audit.jsonl"
    for i in range(3):
        record(log, "flags.run", {"i": i}, str(i), analyst="x")
    lines = log.read_text(encoding="utf-8").splitlines()
    log.write_text(lines[0] + "\n" + lines[2] + "\n", encoding="utf-8")
    assert verify_log(log) == ["audit.jsonl:2: audit chain broken (previous hash differs)"]


def test_flag_runs_are_recorded(tmp_path):
    import networkx as nx

    from workbench.flags import audited_flags

    G = nx.MultiDiGraph()
    G.add_node("Person:o", label="Person", name="O", role="official")
    report = audited_flags(G, tmp_path / "audit.jsonl", analyst="a")
    frame = read_log(tmp_path / "audit.jsonl")
    assert frame.loc[0, "result_sha256"] == sha256_bytes(report.to_csv_bytes())
    assert frame.loc[0, "params"]["k"] == 2 and frame.loc[0, "params"]["flagged"] == 0
