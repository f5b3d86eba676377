"""Append-only audit log: who ran which flag run or export, when, with what, and what came out.

Why: complicity flags name public officials, and exports carry evidence out of the unit; a court
or an oversight body may ask who produced a given table and whether it was altered. Each entry
records the analyst (configured name, else the OS user), the UTC time, the action, its
parameters and the sha256 of the result bytes, in a JSONL file opened with ``O_APPEND`` and never
rewritten. Entries form a hash chain: each stores the previous entry's hash and its own hash over
its canonical JSON, so :func:`verify_log` detects an edited, removed or reordered line. The log
path is passed in; the caller decides where the workbench home is.
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

__all__ = ["record", "read_log", "verify_log", "sha256_bytes", "GENESIS"]

#: The "previous hash" of the first entry.
GENESIS = "0" * 64
E_BAD_LINE = "{path}:{line}: audit entry is not valid JSON"
E_CHAIN = "{path}:{line}: audit chain broken ({why})"


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


def record(log_path: str | Path, action: str, params: Mapping[str, Any] | None, result_bytes: bytes | str,
           analyst: str | None = None) -> dict[str, Any]:
    """Append one entry and return it; the file is locked while the chain's tail is read.

    Examples
    --------
    >>> import tempfile, os
    >>> path = os.path.join(tempfile.mkdtemp(), "audit.jsonl")
    >>> entry = record(path, "flags.run", {"k": 2}, b"node,score\\n", analyst="analyst1")
    >>> entry["seq"], entry["prev_hash"] == GENESIS, verify_log(path)
    (1, True, [])
    """
    path = Path(log_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        last = _last_line(fd)
        previous = json.loads(last) if last else None
        entry: dict[str, Any] = {
            "seq": (previous["seq"] + 1) if previous else 1,
            "at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
            "analyst": analyst or getpass.getuser(),
            "action": action,
            "params": json.loads(json.dumps(dict(params or {}), sort_keys=True, default=str)),
            "result_sha256": sha256_bytes(result_bytes),
            "prev_hash": previous["hash"] if previous else GENESIS,
        }
        entry["hash"] = sha256_bytes(_canonical(entry))
        line = json.dumps(entry, sort_keys=True, ensure_ascii=False) + "\n"
        os.write(fd, line.encode("utf-8"))
    finally:
        os.close(fd)  # closing releases the lock
    return entry


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
                    raise ValueError(E_BAD_LINE.format(path=path.name, line=number)) from None
    return pd.DataFrame(rows)


def verify_log(log_path: str | Path) -> list[str]:
    """Problems in the hash chain, one line each naming file and line; empty when intact."""
    path = Path(log_path)
    problems: list[str] = []
    prev = GENESIS
    if not path.exists():
        return problems
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            try:
                entry = json.loads(line)
            except json.JSONDecodeError:
                problems.append(E_BAD_LINE.format(path=path.name, line=number))
                continue
            if entry.get("prev_hash") != prev:
                problems.append(E_CHAIN.format(path=path.name, line=number, why="previous hash differs"))
            if sha256_bytes(_canonical(entry)) != entry.get("hash"):
                problems.append(E_CHAIN.format(path=path.name, line=number, why="entry altered"))
            prev = str(entry.get("hash"))
    return problems
