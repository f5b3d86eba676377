"""One very long note ingested end to end: peak memory and time, against reading it alone.

Why: a pasted surveillance log or an OCR dump can be one 10 MB note. Before issue 18 a 1 MB
note took 3.3 GB and a 10 MB note passed 15 GB, because its chunks went through spaCy in one
batch; the target is under 1.5 GB for 10 MB. Each size runs ``Workbench.ingest`` (read,
extract, resolve, load) in a child process against a throw-away local Neo4j (own home, free
port), so the peak RSS (``resource.getrusage``) is that ingest's own. The baseline measured in
the same child is reading the note alone (decode + hash); the ratio shows how far above the
least any ingest must do the whole chain is, and seconds per MB shows that time grows linearly.

The note is the sample case's notes (a fixed seed) joined until the size is reached, so it
reads like real notes: names, phones, payments in every paragraph.

Measured (issue 18, this 2-core machine shared with other runs): the 10 MB note ingested whole,
0 failed, 12,088 entities and 135,335 evidence rows, peak 1,062 MiB, 2,360 s (24 min of CPU);
reading it alone took 1/42,000 of that. Before, its chunks went through spaCy 64 at a time.

Usage: ``python -m bench long_note`` or ``python bench/bench_long_note.py [--sizes 1 10]`` (MB).
"""
from __future__ import annotations

import argparse
import json
import resource
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def write_note(path: Path, megabytes: float, seed: int = 4242) -> Path:
    """A note of ``megabytes`` (10^6 bytes) made of the sample case's notes, one after another."""
    from graph_schema.records import Note
    from ingest.read import read_path
    from samplecase import generate_case

    with tempfile.TemporaryDirectory() as tmp:
        folder = generate_case(Path(tmp) / "case", seed=seed, n_notes=150)
        body = "\n\n".join(n.text for n in read_path(folder / "notes") if isinstance(n, Note))
    size = int(megabytes * 1_000_000)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text((body * (size // len(body) + 1))[:size], encoding="utf-8")
    return path


def child(home: str, port: int, note: Path) -> dict[str, float]:
    from ingest.read import read_path
    from workbench.api import connect
    from workbench.settings import load_settings

    started = time.perf_counter()
    assert sum(1 for _ in read_path(note)) == 1
    read_s = time.perf_counter() - started
    settings = load_settings({"WORKBENCH_HOME": home, "WORKBENCH_BOLT_PORT": str(port)}, env_files=())
    with connect(settings, start=False) as wb:
        started = time.perf_counter()
        report = wb.ingest([note], case_id="BENCH-LONG")
        total = time.perf_counter() - started
    return {"read_s": read_s, "total_s": total, "failed": len(report.failed), "entities": report.entities_after,
            "evidence": report.load.evidence if report.load else 0,
            "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1.0, 10.0], help="note sizes in MB")
    parser.add_argument("--child", nargs=3, metavar=("HOME", "PORT", "NOTE"))
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child[0], int(args.child[1]), Path(args.child[2]))))
        return 0
    from workbench.settings import load_settings
    from workbench.store import local

    rows = []
    for size in args.sizes:
        home = tempfile.mkdtemp(prefix="wb-bench-long-")
        port = _free_port()
        note = write_note(Path(home) / "case" / "long_note.txt", size)
        settings = load_settings({"WORKBENCH_HOME": home, "WORKBENCH_BOLT_PORT": str(port)}, env_files=())
        local.start(settings)
        try:
            run = subprocess.run([sys.executable, str(Path(__file__)), "--child", home, str(port), str(note)],
                                 capture_output=True, text=True, check=True)
            rows.append((size, json.loads(run.stdout.strip().splitlines()[-1])))
        finally:
            local.stop(settings)
    print(f"{'MB':>5} {'total s':>8} {'s per MB':>8} {'x reading':>9} {'entities':>8} {'evidence':>8} "
          f"{'failed':>6} {'peak MiB':>8}")
    for size, r in rows:
        print(f"{size:>5.1f} {r['total_s']:>8.1f} {r['total_s'] / size:>8.1f} {r['total_s'] / r['read_s']:>9.0f} "
              f"{r['entities']:>8} {r['evidence']:>8} {r['failed']:>6} {r['peak_mib']:>8.0f}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main(sys.argv[1:]))
