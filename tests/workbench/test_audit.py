"""The audit log: append-only, attributable, and tamper-evident through its hash chain."""
from __future__ import annotations

import json

import pytest

from workbench.audit import GENESIS, anchor, checkpoint_path, read_log, record, sha256_bytes, verify_log


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
    assert verify_log(log) == ["[W414] audit.jsonl:2: audit chain broken (entry altered)"]


def test_a_removed_line_is_detected(tmp_path):
    log = tmp_path / "audit.jsonl"
    for i in range(3):
        record(log, "flags.run", {"i": i}, str(i), analyst="x")
    lines = log.read_text(encoding="utf-8").splitlines()
    log.write_text(lines[0] + "\n" + lines[2] + "\n", encoding="utf-8")
    assert verify_log(log) == ["[W414] audit.jsonl:2: audit chain broken (previous hash differs)"]


def test_flag_runs_are_recorded(tmp_path):
    import networkx as nx

    from workbench.flags import audited_flags

    G = nx.MultiDiGraph()
    G.add_node("Person:o", label="Person", name="O", role="official")
    report = audited_flags(G, tmp_path / "audit.jsonl", analyst="a")
    frame = read_log(tmp_path / "audit.jsonl")
    assert frame.loc[0, "result_sha256"] == sha256_bytes(report.to_csv_bytes())
    assert frame.loc[0, "params"]["k"] == 2 and frame.loc[0, "params"]["flagged"] == 0


# --- Anchoring (issue 18): what a chain alone cannot show -----------------------------------------

def _three(log):
    for i in range(3):
        record(log, "flags.run", {"i": i}, str(i), analyst="x")
    return log.read_text(encoding="utf-8").splitlines()


def _recomputed(lines, index, **changes):
    """The log with entry ``index`` changed and every hash after it recomputed, as a careful forger would."""
    from workbench.audit import _canonical

    entries, prev = [json.loads(line) for line in lines], GENESIS
    entries[index].update(changes)
    for entry in entries:
        entry["prev_hash"] = prev
        entry["hash"] = prev = sha256_bytes(_canonical(entry))
    return "".join(json.dumps(e, sort_keys=True) + "\n" for e in entries)


def _tamper(log, how):
    lines = _three(log)
    if how == "truncated":
        log.write_text("\n".join(lines[:2]) + "\n", encoding="utf-8")
    elif how == "emptied":
        log.write_text("", encoding="utf-8")
    elif how == "deleted":
        log.unlink()
    elif how == "recomputed":
        log.write_text(_recomputed(lines, 1, analyst="someone else"), encoding="utf-8")


TAMPERING = ["truncated", "emptied", "deleted", "recomputed"]


def test_the_untouched_log_matches_its_checkpoint(tmp_path):
    log = tmp_path / "audit.jsonl"
    _three(log)
    assert verify_log(log) == [] and checkpoint_path(log).is_file()
    assert anchor(log) == {"lines": 3, "head": json.loads(log.read_text().splitlines()[-1])["hash"]}


@pytest.mark.parametrize("how, why", [
    ("truncated", "3 entries recorded, 2 found"), ("emptied", "3 entries recorded, 0 found"),
    ("deleted", "3 entries recorded, the log is missing"), ("recomputed", "the log was rewritten"),
])
def test_tampering_the_chain_cannot_show_is_detected(tmp_path, how, why):
    log = tmp_path / "audit.jsonl"
    _tamper(log, how)
    problems = verify_log(log)
    assert len(problems) == 1 and why in problems[0] and problems[0].split("] ", 1)[-1].startswith("audit.jsonl")


def test_each_entry_hash_covers_its_line_number(tmp_path):
    log = tmp_path / "audit.jsonl"
    lines = _three(log)
    log.write_text(_recomputed(lines, 2, seq=7), encoding="utf-8")  # hashes fine, line number wrong
    assert verify_log(log) == ["[W414] audit.jsonl:3: audit chain broken (entry says it is line 7)"]


def test_a_missing_checkpoint_of_an_anchored_log_is_detected(tmp_path):
    log = tmp_path / "audit.jsonl"
    _three(log)
    checkpoint_path(log).unlink()
    assert verify_log(log) == ["[W415] audit.jsonl: audit log does not match its checkpoint audit.jsonl.checkpoint "
                               "(the checkpoint is missing)"]


def test_a_log_from_before_checkpoints_verifies_and_is_anchored_on_the_next_entry(tmp_path):
    from workbench.audit import _canonical

    log, prev, lines = tmp_path / "audit.jsonl", GENESIS, []
    for seq in (1, 2):  # entries as the workbench wrote them before issue 18: no "v", no checkpoint
        entry = {"seq": seq, "at": "2026-01-01T00:00:00+00:00", "analyst": "x", "action": "flags.run",
                 "params": {}, "result_sha256": sha256_bytes(str(seq)), "prev_hash": prev}
        entry["hash"] = prev = sha256_bytes(_canonical(entry))
        lines.append(json.dumps(entry, sort_keys=True))
    log.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert verify_log(log) == [] and anchor(log) is None
    record(log, "flags.run", {}, "3", analyst="x")
    assert verify_log(log) == [] and anchor(log)["lines"] == 3
    log.write_text("\n".join(lines[:1]) + "\n", encoding="utf-8")
    assert "3 entries recorded, 1 found" in verify_log(log)[0]


@pytest.mark.parametrize("how", TAMPERING)
def test_workbench_audit_exits_1_when_tampered(tmp_path, how):
    from typer.testing import CliRunner

    from workbench.cli import app

    _tamper(tmp_path / "audit.jsonl", how)
    result = CliRunner().invoke(app, ["audit"], env={"WORKBENCH_HOME": str(tmp_path), "NEO4J_URI": ""})
    assert result.exit_code == 1, result.output
    assert "audit log does not match its checkpoint" in result.output
