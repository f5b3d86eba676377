"""Write the sample case to disk: notes in several formats and encodings, exports, the truth.

Why: the readers must meet what a unit's folder really holds - mostly UTF-8 .txt, some .md, a
few .docx and one or two Windows-1252 files with accented names - and the output must be
byte-identical for one seed, so that a benchmark or an evaluation can be re-run exactly. .docx
files are re-zipped with fixed timestamps and fixed core properties for that reason.
"""
from __future__ import annotations

import datetime as _dt
import functools
import io
import random
import shutil
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import docx

from samplecase.cast import Person, build_cast
from samplecase.compose import NOTE_TYPES, Story, compose_note
from samplecase.exports import write_broken_rows, write_calls, write_transfers
from samplecase.plan import build_plan
from samplecase.truth import TruthWriter

__all__ = ["generate_case", "DEFAULT_SEED"]

DEFAULT_SEED = 20261128
_FIXED = _dt.datetime(2026, 1, 1, 0, 0, 0)
_OUTPUTS = ("notes", "exports", "ground_truth.json")


def generate_case(out_dir: str | Path, *, seed: int = DEFAULT_SEED, n_notes: int = 150,
                  broken_rows: bool = False, overwrite: bool = False) -> Path:
    """Write a synthetic case under ``out_dir`` and return ``out_dir`` as a Path.

    Refuses to write into a folder that already holds a case unless ``overwrite`` is set, and
    then removes only its own outputs (notes/, exports/, ground_truth.json).

    Examples
    --------
    >>> import json, tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     out = generate_case(tmp, n_notes=5)
    ...     truth = json.loads((out / "ground_truth.json").read_text(encoding="utf-8"))
    >>> len(truth["notes"]), truth["seed"]
    (5, 20261128)
    """
    if n_notes < 1:
        raise ValueError(f"n_notes must be at least 1, got {n_notes}")
    out = _prepare(Path(out_dir), overwrite)
    rng = random.Random(seed)
    case_id = f"BZ-TIP-2026-{rng.randint(1, 199):03d}"
    cast = build_cast(rng)
    facts = build_plan(rng, cast)
    story = Story(rng, cast, facts, case_id)
    with TruthWriter(out / "ground_truth.json", seed, case_id) as truth:
        _write_notes(out, story, truth, n_notes)
        for rel in write_calls(out / "exports" / "calls.csv", rng, cast, facts, extra=n_notes):
            truth.add_relation(rel["type"], rel["source"], rel["target"], "exports/calls.csv")
        for payment in write_transfers(out / "exports" / "transfers.csv", rng, cast, facts, extra=n_notes // 5):
            truth.add_export_payment(payment)
        if broken_rows:
            write_broken_rows(out / "exports" / "broken_rows_example.csv")
        truth.finish(cast)
    return out


def _write_notes(out: Path, story: Story, truth: TruthWriter, n_notes: int) -> None:
    """Compose and write each note, one at a time, and stream its truth entry."""
    rng, cast = story.rng, story.cast
    accented = [p for p in cast.people if p.role in ("victim", "witness") and not p.name.isascii()]
    for i, fmt in enumerate(_formats(rng, n_notes)):
        note_type = rng.choices(list(NOTE_TYPES), [w for w, _ in NOTE_TYPES.values()])[0]
        subject: Person | None = None
        if fmt == "cp1252":  # an interview of someone with an accented name
            note_type, subject = "interview", accented[i % len(accented)]
        date = (_dt.date(2026, 1, 5) + _dt.timedelta(days=i * 300 // n_notes + rng.randint(0, 3))).isoformat()
        ext = "txt" if fmt == "cp1252" else fmt
        text, entry = compose_note(story, note_type, date, ext, subject)
        relpath = f"notes/{i + 1:05d}_{date}_{note_type}.{ext}"
        _write_note(out / relpath, text, fmt, entry["author"])
        encoding = {"cp1252": "cp1252", "docx": "docx"}.get(fmt, "utf-8")
        truth.add_note(relpath, entry | {"case_id": story.case_id, "format": ext, "encoding": encoding})


def _prepare(out: Path, overwrite: bool) -> Path:
    existing = [out / name for name in _OUTPUTS if (out / name).exists()]
    if existing and not overwrite:
        raise FileExistsError(f"{out}: already holds a generated case; pass overwrite=True to replace it")
    for path in existing:
        shutil.rmtree(path) if path.is_dir() else path.unlink()
    (out / "notes").mkdir(parents=True)
    (out / "exports").mkdir()
    return out


def _formats(rng: random.Random, n: int) -> list[str]:
    """Mostly txt; ~10% md; ~3% docx (at least two); two Windows-1252 files (one if n < 4)."""
    out = [rng.choices(("txt", "md", "docx"), (87, 10, 3))[0] for _ in range(n)]
    for i in (1, 3):
        if i < n:
            out[i] = "docx"
    for i in (2, 6) if n > 6 else (min(2, n - 1),):
        out[i] = "cp1252"
    return out


def _write_note(path: Path, text: str, fmt: str, author: str) -> None:
    if fmt == "docx":
        path.write_bytes(_docx_bytes(text, author))
    elif fmt == "cp1252":
        path.write_bytes(text.encode("cp1252"))
    else:
        path.write_bytes(text.encode("utf-8"))


def _docx_bytes(text: str, author: str) -> bytes:
    """One paragraph per line, so the reader's ``"\\n".join(paragraphs)`` gives back ``text``.

    The static parts (styles, theme, ...) are compressed once into a template archive; each note
    only appends its own document.xml and core.xml - python-docx per note was the slowest step.
    """
    template, head, tail, core = _docx_template()
    body = "".join(f'<w:p><w:r><w:t xml:space="preserve">{escape(line)}</w:t></w:r></w:p>' if line else "<w:p/>"
                   for line in text.split("\n"))
    buf = io.BytesIO(template)
    with zipfile.ZipFile(buf, "a", zipfile.ZIP_DEFLATED) as zout:
        zout.writestr(_zinfo("word/document.xml"), head + body + tail)
        zout.writestr(_zinfo("docProps/core.xml"), core.replace(_AUTHOR, escape(author)))
    return buf.getvalue()


_AUTHOR = "AUTHORPLACEHOLDER"
_DYNAMIC = ("word/document.xml", "docProps/core.xml")


def _zinfo(name: str) -> zipfile.ZipInfo:
    item = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
    item.compress_type = zipfile.ZIP_DEFLATED
    return item


@functools.lru_cache(maxsize=1)
def _docx_template() -> tuple[bytes, str, str, str]:
    """(archive of the static parts, document.xml before and after the body, core.xml)."""
    document = docx.Document()
    props = document.core_properties
    props.author = props.last_modified_by = _AUTHOR
    props.created = props.modified = props.last_printed = _FIXED
    props.revision = 1
    raw, fixed = io.BytesIO(), io.BytesIO()
    document.save(raw)
    with zipfile.ZipFile(raw) as zin, zipfile.ZipFile(fixed, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename not in _DYNAMIC:
                zout.writestr(_zinfo(info.filename), zin.read(info.filename))
        xml = zin.read("word/document.xml").decode("utf-8")
        core = zin.read("docProps/core.xml").decode("utf-8")
    cut = xml.index("<w:sectPr")
    return fixed.getvalue(), xml[:cut], xml[cut:], core
