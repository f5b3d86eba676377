"""The local server's lifecycle, on the ``lifecycle_settings`` server (the session server is never stopped).

That server is shared with the CLI test: one cold start, then warm starts after each stop.
"""
from __future__ import annotations

import dataclasses
import socket
import stat
import subprocess
import time
from pathlib import Path

import neo4j
import pytest

from workbench.errors import WorkbenchError
from workbench.settings import Settings
from workbench.store import ensure_jars, open_driver, running_pid, start, status, stop
from workbench.store.local import ENTRY_POINT
from workbench.store.runtime import checked_java

pytestmark = pytest.mark.neo4j


@pytest.fixture
def server(lifecycle_settings) -> Settings:
    """The lifecycle server, running (started here if a previous test stopped it)."""
    from tests.conftest import start_or_fail

    began = time.monotonic()
    start_or_fail(lifecycle_settings)
    print(f"\nstart: {time.monotonic() - began:.1f} s")
    return lifecycle_settings


def _processes_of(settings: Settings) -> list[int]:
    """Pids of every Neo4j whose --home-dir is this home (scans /proc)."""
    wanted = f"--home-dir={settings.neo4j_home}".encode()
    pids = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            args = cmdline.read_bytes().split(b"\0")
        except OSError:
            continue
        if ENTRY_POINT.encode() in args and wanted in args:
            pids.append(int(cmdline.parent.name))
    return pids


def _non_loopback_addresses() -> list[str]:
    try:
        found = subprocess.run(["hostname", "-I"], capture_output=True, text=True, check=False).stdout.split()
    except FileNotFoundError:
        found = []
    if not found:  # no hostname -I: ask the kernel which source address it would route from
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
            sock.connect(("192.0.2.1", 9))
            found = [sock.getsockname()[0]]
    return [a for a in found if not a.startswith("127.") and a != "::1"]


def test_start_twice_leaves_one_server(server):
    first = running_pid(server)
    assert start(server) == first
    assert _processes_of(server) == [first]


def test_password_file_and_home_are_owner_only(server):
    assert stat.S_IMODE(server.password_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(server.neo4j_home.stat().st_mode) == 0o700
    assert len(server.password_file.read_text().strip()) >= 32


def test_status_reports_the_running_server(server):
    facts = status(server)
    assert facts["running"] is True and facts["mode"] == "local"
    assert facts["pid"] == running_pid(server)
    assert facts["version"].startswith("5.26.") and facts["edition"] == "community"
    assert facts["bolt"] == f"bolt://127.0.0.1:{server.bolt_port}"
    assert isinstance(facts["nodes"], int) and isinstance(facts["relationships"], int)
    assert isinstance(facts["constraints"], int)


def test_default_password_is_never_accepted(server):
    with neo4j.GraphDatabase.driver(server.bolt_uri, auth=("neo4j", "neo4j")) as driver:
        with pytest.raises(neo4j.exceptions.AuthError):
            driver.verify_connectivity()


@pytest.mark.parametrize("address", _non_loopback_addresses() or ["no-address"])
def test_not_reachable_from_other_addresses(server, address):
    if address == "no-address":
        pytest.skip("this machine has no non-loopback address to try")
    family = socket.AF_INET6 if ":" in address else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.settimeout(2)
        assert sock.connect_ex((address, server.bolt_port)) != 0


def test_data_persists_across_stop_and_start(server):
    with open_driver(server) as driver:
        driver.execute_query("CREATE (:Person {id: $id, name: $name})", id="p-persist", name="Ana Lopez",
                             database_=server.database)
    pid = running_pid(server)
    assert stop(server) is True
    assert running_pid(server) is None and pid not in _processes_of(server)
    assert stop(server) is False
    began = time.monotonic()
    start(server)
    print(f"\nwarm start: {time.monotonic() - began:.1f} s")
    with open_driver(server) as driver:
        records = driver.execute_query("MATCH (p:Person {id: $id}) RETURN p.name AS name", id="p-persist",
                                       database_=server.database).records
    assert [r["name"] for r in records] == ["Ana Lopez"]
    hwm = Path(f"/proc/{running_pid(server)}/status").read_text().split("VmHWM:")[1].split()[0]
    print(f"server peak RSS (VmHWM): {int(hwm) / 1024:.0f} MB")


def test_a_port_in_use_gives_one_line(local_settings_factory):
    settings = local_settings_factory("port-in-use")
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as squatter:
        squatter.bind(("127.0.0.1", settings.bolt_port))
        squatter.listen()
        with pytest.raises(WorkbenchError, match=rf"^\[W104\] port {settings.bolt_port} on 127.0.0.1 is already in use"):
            start(settings)


def test_old_java_gives_one_line(tmp_path, monkeypatch):
    fake = tmp_path / "bin" / "java"
    fake.parent.mkdir()
    fake.write_text("#!/bin/sh\necho 'openjdk version \"11.0.2\" 2019-01-15' >&2\n")
    fake.chmod(0o755)
    monkeypatch.setenv("JAVA_HOME", str(tmp_path))
    with pytest.raises(WorkbenchError, match=r"^\[W101\] Java 17 or newer is required .* \(found Java 11\): install openjdk-17"):
        checked_java()


def test_missing_maven_gives_one_line(local_settings_factory, monkeypatch, tmp_path):
    settings = dataclasses.replace(local_settings_factory("no-maven"), lib_dir=tmp_path / "lib")
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(WorkbenchError, match=r"^\[W102\] Maven \(mvn\) was not found: install maven"):
        ensure_jars(settings)


def test_a_server_that_cannot_start_says_why(local_settings_factory):
    settings = dataclasses.replace(local_settings_factory("too-big"), pagecache="90000g")
    with pytest.raises(WorkbenchError, match=r"^\[W105\] the local Neo4j exited while starting .*exceeds physical memory"):
        start(settings, timeout=60)
    assert running_pid(settings) is None
