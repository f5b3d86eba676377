"""Append-only audit log: who ran which flag run or export, when, with what, and what came out.

Why: complicity flags name public officials, and exports carry evidence out of the unit; a court
or an oversight body may ask who produced a given table and whether it was altered. Each entry
records the analyst (configured name, else the OS user), the UTC time, the action, its
parameters and the sha256 of the result bytes, in a JSONL file opened with ``O_APPEND`` and never
rewritten. Entries form a hash chain: each stores the previous entry's hash and its own hash over
its canonical JSON, so :func:`verify_log` detects an edited, removed or reordered line. The log
path is passed in; the caller decides where the workbench home is.

A chain alone cannot show what is missing at its end, nor a chain recomputed after an edit, so
the log is anchored (issue 18): each entry's ``seq`` is its line number and its hash covers it,
and after every entry the line count and head hash are appended to a second append-only file,
``<log>.checkpoint``. Verification then also fails when the log has fewer entries than the
checkpoint recorded (last lines cut, the file emptied or deleted), when an entry at a
checkpointed line is not the one recorded there (a line edited and the chain recomputed), or
when the checkpoint of a log written with one is gone. The checkpoint is read only when the
chain itself holds: one broken link is proof enough, and is the line to look at first.

Decisions: a log from before checkpoints (no entry has ``v: 2``) verifies on its chain alone,
and is anchored at its current state the first time an entry is added. Deleting both files, or
rewriting both consistently, is not detectable from this machine alone: copy the checkpoint's
last line (``anchor(log)``) somewhere else, a signed briefing or a paper register, when it matters.
"""
from __future__ import annotations

import datetime as dt
import fcntl
import getpass
import hashlib
import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from workbench.errors import Errors

__all__ = ["anchor", "checkpoint_path", "record", "read_log", "verify_log", "sha256_bytes", "GENESIS"]

#: The "previous hash" of the first entry.
GENESIS = "0" * 64


def sha256_bytes(data: bytes | str) -> str:
    """Hex sha256 of bytes (str is UTF-8 encoded).

    >>> sha256_bytes(b"")[:12]
    'e3b0c44298fc'
    """
    return hashlib.sha256(data.encode("utf-8") if isinstance(data, str) else data).hexdigest()


def _canonical(entry: Mapping[str, Any]) -> bytes:
    body = {k: v for k, v in entry.items() if k != "hash"}
    return json.dumps(body, sort_keys=True, ensure_ascii=False, default=str, separators=(",", ":")).encode("utf-8")


def _last_line(fd: int) -> bytes:
    """The last complete line of the open file (empty when the file is empty)."""
    size = os.fstat(fd).st_size
    chunk, data = 4096, b""
    pos = size
    while pos > 0:
        step = min(chunk, pos)
        pos -= step
        data = os.pread(fd, step, pos) + data
        if data.rstrip(b"\n").count(b"\n") >= 1:
            break
    lines = data.rstrip(b"\n").split(b"\n")
    return lines[-1] if lines and lines[-1] else b""


def checkpoint_path(log_path: str | Path) -> Path:
    """Where the log's anchor lives: ``audit.jsonl`` -> ``audit.jsonl.checkpoint``."""
    path = Path(log_path)
    return path.with_name(path.name + ".checkpoint")


def record(log_path: str | Path, action: str, params: Mapping[str, Any] | None, result_bytes: bytes | str,
           analyst: str | None = None) -> dict[str, Any]:
    """Append one entry (and its checkpoint) and return it; the log is locked meanwhile.

    Examples
    --------
    >>> import tempfile, os
    >>> path = os.path.join(tempfile.mkdtemp(), "audit.jsonl")
    >>> entry = record(path, "flags.run", {"k": 2}, b"node,score\\n", analyst="analyst1")
    >>> entry["seq"], entry["prev_hash"] == GENESIS, verify_log(path), anchor(path)["lines"]
    (1, True, [], 1)
    """
    path = Path(log_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        last = _last_line(fd)
        previous = json.loads(last) if last else None
        if previous and not checkpoint_path(path).exists():  # a log from before checkpoints: anchor it as it is
            _append_checkpoint(path, _count_lines(path), previous["hash"])
        entry: dict[str, Any] = {
            "seq": (previous["seq"] + 1) if previous else 1,
            "at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
            "analyst": analyst or getpass.getuser(),
            "action": action,
            "params": json.loads(json.dumps(dict(params or {}), sort_keys=True, default=str)),
            "result_sha256": sha256_bytes(result_bytes),
            "prev_hash": previous["hash"] if previous else GENESIS,
            "v": 2,
        }
        entry["hash"] = sha256_bytes(_canonical(entry))
        line = json.dumps(entry, sort_keys=True, ensure_ascii=False) + "\n"
        os.write(fd, line.encode("utf-8"))
        _append_checkpoint(path, entry["seq"], entry["hash"])
    finally:
        os.close(fd)  # closing releases the lock
    return entry


def _count_lines(path: Path) -> int:
    with path.open("rb") as handle:
        return sum(1 for line in handle if line.strip())


def _append_checkpoint(log: Path, lines: int, head: str) -> None:
    fd = os.open(checkpoint_path(log), os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.write(fd, (json.dumps({"lines": lines, "head": head}, sort_keys=True) + "\n").encode("utf-8"))
    finally:
        os.close(fd)


def anchor(log_path: str | Path) -> dict[str, Any] | None:
    """The last checkpoint (``{"lines": n, "head": hash}``), or None when there is none."""
    rows, _ = _checkpoints(Path(log_path))
    return rows[-1][1] if rows else None


def _checkpoints(log: Path) -> tuple[list[tuple[int, dict[str, Any]]], list[str]]:
    """Each checkpoint line as (line number, row), and the problems of the checkpoint file itself."""
    path = checkpoint_path(log)
    rows: list[tuple[int, dict[str, Any]]] = []
    problems: list[str] = []
    if not path.exists():
        return rows, problems
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            try:
                row = json.loads(line)
                ok = isinstance(row["lines"], int) and isinstance(row["head"], str)
            except (json.JSONDecodeError, KeyError, TypeError):
                ok = False
            if not ok:
                problems.append(Errors.W416.format(path=path.name, line=number, why="not a checkpoint"))
            elif rows and row["lines"] < rows[-1][1]["lines"]:
                problems.append(Errors.W416.format(path=path.name, line=number, why="count went down"))
            else:
                rows.append((number, row))
    return rows, problems


def read_log(log_path: str | Path) -> pd.DataFrame:
    """The log as a frame (one row per entry); a bad line fails naming the file and line."""
    rows = []
    path = Path(log_path)
    if not path.exists():
        return pd.DataFrame(columns=["seq", "at", "analyst", "action", "params", "result_sha256", "prev_hash", "hash"])
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                try:
                    rows.append(json.loads(line))
                except json.JSONDecodeError:
                    raise ValueError(Errors.W413.format(path=path.name, line=number)) from None
    return pd.DataFrame(rows)


def verify_log(log_path: str | Path) -> list[str]:
    """Problems in the hash chain, then against the checkpoint, one line each naming file and
    line; empty when intact (see the module docstring for what each check catches)."""
    path = Path(log_path)
    hashes, problems = _chain(path)
    if problems:
        return problems
    rows, problems = _checkpoints(path)
    checkpoint = checkpoint_path(path).name
    if not rows:
        if not problems and any(version == 2 for _, version in hashes):
            problems.append(Errors.W415.format(path=path.name, checkpoint=checkpoint, why="the checkpoint is missing"))
        return problems
    recorded = rows[-1][1]["lines"]
    if len(hashes) < recorded:
        found = "the log is missing" if not path.exists() else f"{len(hashes)} found"
        problems.append(Errors.W415.format(path=path.name, checkpoint=checkpoint,
                                        why=f"{recorded} entries recorded, {found}: entries were removed"))
    for _, row in rows:
        n = row["lines"]
        if 0 < n <= len(hashes) and hashes[n - 1][0] != row["head"]:
            problems.append(Errors.W415.format(path=f"{path.name}:{n}", checkpoint=checkpoint,
                                            why="this entry is not the one recorded: the log was rewritten"))
            break
    return problems


def _chain(path: Path) -> tuple[list[tuple[str, int | None]], list[str]]:
    """Each entry's (hash, version) in order, and the chain's problems."""
    hashes: list[tuple[str, int | None]] = []
    problems: list[str] = []
    prev = GENESIS
    if not path.exists():
        return hashes, problems
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            try:
                entry = json.loads(line)
            except json.JSONDecodeError:
                problems.append(Errors.W413.format(path=path.name, line=number))
                continue
            if entry.get("prev_hash") != prev:
                problems.append(Errors.W414.format(path=path.name, line=number, why="previous hash differs"))
            elif sha256_bytes(_canonical(entry)) != entry.get("hash"):
                problems.append(Errors.W414.format(path=path.name, line=number, why="entry altered"))
            elif entry.get("seq") != number:
                why = f"entry says it is line {entry.get('seq')}"
                problems.append(Errors.W414.format(path=path.name, line=number, why=why))
            prev = str(entry.get("hash"))
            hashes.append((prev, entry.get("v")))
    return hashes, problems
