"""The main job on the bundled sample case: what `make demo` runs.

Steps (each reuses what exists, so a second run is quicker): generate the synthetic sample case
under the workbench home if it is missing; start the local Neo4j (or use NEO4J_URI) with the
schema applied; ingest the notes and the CSV exports (extractions are cached); rank the key
players; run the complicity flags (audited); write the walkthrough and the case report; return
where they are.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from workbench.api import Workbench

__all__ = ["DemoResult", "SAMPLE_SEED", "ensure_sample_case", "load_sample_case", "run_demo", "write_case_outputs"]

SAMPLE_SEED = 20261128


@dataclass(frozen=True)
class DemoResult:
    report: Path
    walkthrough: Path
    case_id: str
    summary: dict[str, object]
    flagged: int
    seconds: float


def ensure_sample_case(home: Path, *, seed: int = SAMPLE_SEED, n_notes: int = 150) -> Path:
    """The sample case folder, generated once (deterministic for a seed)."""
    from samplecase import generate_case

    folder = home / "sample_case"
    if not (folder / "ground_truth.json").exists():
        generate_case(folder, seed=seed, n_notes=n_notes, overwrite=True)
    return folder


def _case_id(folder: Path) -> str:
    import json

    return str(json.loads((folder / "ground_truth.json").read_text(encoding="utf-8"))["case_id"])


def write_case_outputs(wb: Workbench, case_id: str, out_dir: Path, *, walkthrough_yaml: Path | None = None,
                       reveal: bool = False) -> tuple[Path, Path | None, int]:
    """Flags, the walkthrough (if given) and the case report for one case, each audited.

    Kept for callers of the tuple form; :meth:`Workbench.report` does the work.
    """
    out = wb.report(case_id, out_dir, walkthrough=walkthrough_yaml, reveal=reveal)
    return out.report, out.walkthrough, out.flagged


def load_sample_case(wb: Workbench) -> str:
    """Generate (once) and ingest (idempotently; cached after the first time) the sample case.

    Returns its case id. Notebooks start with this so each one runs on its own.
    """
    folder = ensure_sample_case(wb.settings.home)
    case_id = _case_id(folder)
    wb.ingest([folder / "notes", folder / "exports"], case_id=case_id)
    return case_id


def run_demo(wb: Workbench, *, progress: Callable[[str], None] = lambda _: None) -> DemoResult:
    started = time.perf_counter()
    home = wb.settings.home
    progress("sample case")
    folder = ensure_sample_case(home)
    case_id = _case_id(folder)
    progress("ingest")
    ingest = wb.ingest([folder / "notes", folder / "exports"], case_id=case_id, progress=progress)
    progress("analysis, flags, report")
    yaml_path = Path(__file__).resolve().parent / "walkthrough" / "sample_case.yaml"
    report, walk, flagged = write_case_outputs(wb, case_id, home / "demo", walkthrough_yaml=yaml_path)
    return DemoResult(report=report, walkthrough=walk or report, case_id=case_id, summary=ingest.summary(),
                      flagged=flagged, seconds=time.perf_counter() - started)
