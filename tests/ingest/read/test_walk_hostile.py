"""Walking a careless case folder (issue 18): each bad entry is one line, the walk never aborts."""
from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from ingest.errors import code_of
from ingest.read import iter_files, read_path
from ingest.results import FileError


def _summary(folder: Path) -> list[tuple[str, str]]:
    """(path, "note" or the error code) for each item, every error checked to be one line naming its path."""
    out = []
    for item in read_path(folder):
        if isinstance(item, FileError):
            assert "\n" not in str(item) and str(item).startswith(item.path + ": ")
            out.append((item.path, code_of(item.message) or "?"))
        else:
            out.append((item.path, "note"))
    return out


@pytest.fixture
def case() -> Iterator[Path]:
    """A case folder that an unprivileged user can reach (pytest's own tmp folders are 0700)."""
    folder = Path(tempfile.mkdtemp(prefix="wb-walk-"))
    folder.chmod(0o755)
    (folder / "a_good.txt").write_text("Carlos Reyes met Ana Pop at the Blue Moon bar.")
    (folder / "sub").mkdir()
    (folder / "sub" / "z_good.md").write_text("# Tip\n\nA white pickup at Santa Elena.")
    yield folder
    folder.chmod(0o700)
    for path in folder.rglob("*"):
        if not path.is_symlink() and path.is_dir():
            path.chmod(0o700)
    shutil.rmtree(folder)


@pytest.mark.timeout(60)  # a FIFO that is opened would block forever: fail instead of hanging
def test_loops_fifos_and_links_are_one_line_each(case, tmp_path):
    outside = tmp_path / "someone_elses.txt"
    outside.write_text("Private diary of an officer's neighbour.")
    (case / "b_loop").symlink_to(case)
    (case / "c_self.txt").symlink_to(case / "c_self.txt")
    os.mkfifo(case / "d_pipe.txt")
    (case / "e_dangling.txt").symlink_to(case / "gone.txt")
    (case / "f_outside.txt").symlink_to(outside)
    (case / "g_inside.txt").symlink_to(case / "a_good.txt")
    (case / "sub" / "up").symlink_to(case / "sub")
    assert _summary(case) == [
        ("a_good.txt", "note"), ("b_loop", "E030"), ("c_self.txt", "E030"), ("d_pipe.txt", "E032"),
        ("e_dangling.txt", "E033"), ("f_outside.txt", "E034"), ("g_inside.txt", "note"),
        ("sub/up", "E030"), ("sub/z_good.md", "note"),
    ]
    refused = next(i for i in read_path(case) if isinstance(i, FileError) and i.path == "f_outside.txt")
    assert str(outside) in refused.message and "outside the case folder" in refused.message
    assert [p.name for p in iter_files(case)] == ["a_good.txt", "g_inside.txt", "z_good.md"]


def _as_unprivileged(folder: Path) -> list[tuple[str, str]]:
    """``_summary`` in a child that has dropped root (root reads everything), else in this process."""
    if os.geteuid() != 0:
        return _summary(folder)
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: become nobody, walk, report as JSON, never return into pytest
        try:
            os.close(read)
            os.setgid(65534)
            os.setuid(65534)
            os.write(write, json.dumps(_summary(folder)).encode())
        except BaseException as error:  # noqa: BLE001 - reported to the parent as the test's failure
            os.write(write, json.dumps({"error": repr(error)}).encode())
        finally:
            os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        data = json.loads(pipe.read())
    os.waitpid(pid, 0)
    assert not isinstance(data, dict), data
    return [tuple(row) for row in data]


def test_unreadable_folders_and_files_are_one_line_each(case):
    (case / "b_locked").mkdir()
    (case / "b_locked" / "statement.txt").write_text("Ana Pop was recruited in Benque.")
    (case / "b_locked").chmod(0)
    (case / "c_locked.txt").write_text("Reyes paid the officer $500.")
    (case / "c_locked.txt").chmod(0)
    assert _as_unprivileged(case) == [
        ("a_good.txt", "note"), ("b_locked", "E031"), ("c_locked.txt", "E009"), ("sub/z_good.md", "note"),
    ]


def test_an_unreadable_case_folder_is_one_line(case):
    case.chmod(0)
    assert _as_unprivileged(case) == [(case.name, "E031")]
