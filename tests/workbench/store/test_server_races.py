"""The local server under stress (issue 18), on its own fresh home: concurrent starts, Browser, a kill.

Module order matters only for speed: each test starts the server if the one before left it down.
"""
from __future__ import annotations

import base64
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import free_port
from workbench.settings import Settings
from workbench.store import browser, running_pid, start, stop
from workbench.store.local import ENTRY_POINT

pytestmark = pytest.mark.neo4j

LOOPBACK = {"0100007F", "0000000000000000FFFF00000100007F"}  # 127.0.0.1 and ::ffff:127.0.0.1, as /proc writes them
START = ("from workbench.settings import load_settings; from workbench.store import start; "
         "print(start(load_settings(), timeout=240))")


@pytest.fixture(scope="module")
def fresh(local_settings_factory) -> Settings:
    settings = local_settings_factory("server-races")
    try:
        yield settings
    finally:
        stop(settings)


def _env(settings: Settings, **extra: str) -> dict[str, str]:
    return os.environ | {"WORKBENCH_HOME": str(settings.home), "WORKBENCH_BOLT_PORT": str(settings.bolt_port),
                         "WORKBENCH_NEO4J_LIB": str(settings.lib_dir), "WORKBENCH_NEO4J_HEAP": settings.heap,
                         "WORKBENCH_NEO4J_PAGECACHE": settings.pagecache, "NEO4J_URI": "", "NEO4J_PASSWORD": ""} | extra


def _servers(settings: Settings) -> list[int]:
    """Pids of every Neo4j whose --home-dir is this home (scans /proc)."""
    wanted, pids = f"--home-dir={settings.neo4j_home}".encode(), []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            args = cmdline.read_bytes().split(b"\0")
        except OSError:
            continue
        if ENTRY_POINT.encode() in args and wanted in args:
            pids.append(int(cmdline.parent.name))
    return pids


def _listening(port: int) -> set[str]:
    """Local addresses (hex, as /proc/net/tcp{,6} write them) of the sockets listening on ``port``."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.split(":")
            if state == "0A" and int(hex_port, 16) == port:
                found.add(address)
    return found


def _other_addresses() -> list[str]:
    """This machine's IPv4 addresses other than loopback (``hostname -I``), to knock on from outside."""
    found = subprocess.run(["hostname", "-I"], capture_output=True, text=True, check=False).stdout.split()
    return [a for a in found if "." in a and not a.startswith("127.")]


def test_four_concurrent_starts_on_a_fresh_home_leave_one_server(fresh):
    assert not fresh.password_file.exists()  # a fresh home: the first start also sets the password
    starts = [subprocess.Popen([sys.executable, "-c", START], env=_env(fresh), stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True) for _ in range(4)]
    results = [(p.wait(timeout=400), *p.communicate()) for p in starts]
    assert [code for code, _, _ in results] == [0, 0, 0, 0], [err[-500:] for _, _, err in results]
    pids = {int(out.split()[-1]) for _, out, _ in results}
    assert len(pids) == 1 and _servers(fresh) == list(pids) == [running_pid(fresh)]
    assert stop(fresh) is True
    assert _servers(fresh) == [] and _listening(fresh.bolt_port) == set()  # no orphan holds the port


def _get(url: str, password: str | None = None) -> tuple[int, str]:
    request = urllib.request.Request(url)
    if password is not None:
        request.add_header("Authorization", "Basic " + base64.b64encode(f"neo4j:{password}".encode()).decode())
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, ""


def test_browser_listens_on_loopback_only_and_never_logs_the_password(fresh):
    port = free_port()
    address = browser(fresh, port)
    assert address == f"http://127.0.0.1:{port}/browser/"
    status, page = _get(address)
    assert status == 200 and "<title>Neo4j Browser</title>" in page
    assert _listening(port) and _listening(port) <= LOOPBACK  # 127.0.0.1 only (Java binds it IPv4-mapped)
    for other in _other_addresses():
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            sock.settimeout(2)
            assert sock.connect_ex((other, port)) != 0, other
    password = fresh.password_file.read_text().strip()
    query = f"http://127.0.0.1:{port}/db/neo4j/query/v2"
    assert _get(query)[0] == 401 and _get(query, "neo4j")[0] == 401
    for path in [*(fresh.neo4j_home / "logs").iterdir(), fresh.neo4j_home / "conf" / "neo4j.conf"]:
        assert password not in path.read_text(errors="replace"), path
    assert browser(fresh, None) is None
    assert _listening(port) == set() and running_pid(fresh) is not None


@pytest.mark.timeout(600)
def test_a_server_killed_mid_ingest_is_one_line_with_a_hint(fresh, tmp_path):
    from samplecase import generate_case

    start(fresh, timeout=240)
    case = generate_case(tmp_path / "case", seed=7, n_notes=70)
    ingest = subprocess.Popen([sys.executable, "-m", "workbench.cli", "ingest", str(case / "notes"), "--case", "K-1"],
                              env=_env(fresh, COLUMNS="40"), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 400
    while not any((fresh.home / "extractions").glob("*/*.jsonl")):  # the first notes are extracted, more to come
        assert ingest.poll() is None and time.monotonic() < deadline, ingest.stderr.read() if ingest.stderr else ""
        time.sleep(0.05)
    os.kill(running_pid(fresh), signal.SIGKILL)
    out, err = ingest.communicate(timeout=400)
    assert ingest.returncode == 1 and "Traceback" not in out + err, err[-3000:]
    errors = [line for line in err.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and errors[0].startswith("error: [W210] the connection to Neo4j was lost during the ingest")
    assert errors[0].endswith("ends in the same graph"), err  # the whole hint on the one line, at 40 columns
    assert err.strip().splitlines() == errors, err  # and nothing else: no driver retry warnings either
