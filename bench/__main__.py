"""`make bench`: run every benchmark, or the ones named (`python -m bench extract load`).

Each benchmark measures ratios against a baseline taken in the same run, plus peak memory, and
prints its own table. Speed is never asserted by a unit test; the figures go into the closing
notes of the issues.
"""
from __future__ import annotations

import importlib
import sys
import time

BENCHMARKS = ["extract", "resolve", "load", "ingest", "long_note", "analysis", "flags", "views"]


def main(argv: list[str]) -> int:
    names = argv or BENCHMARKS
    for name in names:
        if name not in BENCHMARKS:
            print(f"unknown benchmark {name!r}; choose from {', '.join(BENCHMARKS)}", file=sys.stderr)
            return 2
    for name in names:
        print(f"\n=== bench {name} ===", flush=True)
        started = time.perf_counter()
        module = importlib.import_module(f"bench.bench_{name}")
        module.main([])
        print(f"(bench {name} took {time.perf_counter() - started:.1f} s)", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
