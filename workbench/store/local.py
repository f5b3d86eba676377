"""Run the workbench's own Neo4j Community 5.26 from the jars Maven fetches.

Why this way: the server entry point ``org.neo4j.server.CommunityEntryPoint`` runs straight
from the Maven closure of ``neo4j/pom.xml`` (verified with 5.26.25: 214 jars, no tarball, no
Neo4j launcher script). The alternative, an embedded ``DatabaseManagementServiceBuilder``
launcher, would need Java code compiled in the repo and would silently drop the server
defaults (auth, Bolt), so the real server with a generated ``neo4j.conf`` is both less code and
closer to what a production Neo4j does.

Layout under ``<WORKBENCH_HOME>/neo4j`` (mode 0700): ``conf/neo4j.conf`` (regenerated from
``neo4j/neo4j.conf`` on every start), ``data/``, ``logs/`` (``neo4j.log``, ``debug.log`` and
``console.log`` for the JVM's own output), ``run/workbench.pid`` and ``password``. The jars live
in ``WORKBENCH_NEO4J_LIB``, shared by every home, so test servers reuse them.

Authentication is on from the very first start: before it, a random password is written to
``password`` (created 0600, never chmod-ed afterwards) and handed to Neo4j's own
``AdminTool dbms set-initial-password`` as a picocli ``@file`` argument, so it never appears
on a command line. ``neo4j/neo4j`` is never a valid login.

Java, the jars and the class-data-sharing archive that speeds up every start are handled in
``workbench.store.runtime``.

The server process is detached (its own session) and outlives the Python process that started
it; ``stop`` finds it again through the pid file and checks ``/proc`` that the pid still is
this home's Neo4j before signalling it.

``start`` and ``stop`` hold an exclusive ``fcntl.flock`` on ``<WORKBENCH_HOME>/neo4j.lock`` from
the pid check to a server that answers (or is gone), so concurrent ``workbench db start``s on one
home share one server: before the lock, two starts on a fresh home both launched a JVM and one
was orphaned (4 of 4 trials). The kernel drops the lock when its holder dies, and the JVM never
inherits it (``Popen`` closes other descriptors).

Neo4j Browser (``browser``): off by default. Turned on, the HTTP connector listens on 127.0.0.1
only, at the port kept in ``<home>/neo4j/browser``, and the Browser jar
(``workbench.store.runtime.ensure_browser``) is appended to the class path; the Browser asks for
the password itself, so it is never put in a URL, a command line or a log.
"""
from __future__ import annotations

import fcntl
import os
import secrets
import signal
import socket
import string
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import neo4j
from neo4j.exceptions import AuthError, DriverError, TransientError

from workbench.errors import Errors, WorkbenchError
from workbench.settings import Settings
from workbench.store import cypher
from workbench.store.connection import open_driver, read_password
from workbench.store.runtime import (
    CDS_ARCHIVE, JVM_FLAGS, checked_java, class_archive_flag, ensure_browser, ensure_jars, java_major_version,
    publish_class_archive,
)

__all__ = ["ENTRY_POINT", "JVM_FLAGS", "browser", "browser_port", "ensure_jars", "java_major_version", "running_pid",
           "start", "status", "stop"]

ENTRY_POINT = "org.neo4j.server.CommunityEntryPoint"
ADMIN_TOOL = "org.neo4j.cli.AdminTool"


# --- Process bookkeeping -----------------------------------------------------------------------

def _pid_file(settings: Settings) -> Path:
    return settings.neo4j_home / "run" / "workbench.pid"


def _alive(pid: int) -> bool:
    try:
        if os.waitpid(pid, os.WNOHANG)[0]:
            return False  # our own child, now reaped
    except ChildProcessError:
        pass
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _is_this_server(pid: int, settings: Settings) -> bool:
    """Guard against a recycled pid: the process must be this home's Neo4j (where /proc exists)."""
    cmdline = Path(f"/proc/{pid}/cmdline")
    if not Path("/proc/self").exists():
        return True
    try:
        args = cmdline.read_bytes().split(b"\0")
    except OSError:
        return False
    return ENTRY_POINT.encode() in args and f"--home-dir={settings.neo4j_home}".encode() in args


def running_pid(settings: Settings) -> int | None:
    """The pid of this home's running server, or None (a stale pid file is removed)."""
    path = _pid_file(settings)
    try:
        pid = int(path.read_text(encoding="utf-8").strip())
    except (FileNotFoundError, ValueError):
        return None
    if _alive(pid) and _is_this_server(pid, settings):
        return pid
    path.unlink(missing_ok=True)
    return None


@contextmanager
def _server_lock(settings: Settings) -> Iterator[None]:
    """One start or stop of this home's server at a time, across processes (see the module doc)."""
    settings.home.mkdir(parents=True, exist_ok=True)
    fd = os.open(settings.home / "neo4j.lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _port_open(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


# --- Start -------------------------------------------------------------------------------------

def _prepare_home(settings: Settings) -> None:
    home = settings.neo4j_home
    home.mkdir(parents=True, exist_ok=True)
    home.chmod(0o700)  # data, logs and auth.ini are the owner's only
    for sub in ("conf", "data", "logs", "run", "plugins", "import"):
        (home / sub).mkdir(exist_ok=True)
    template = string.Template((settings.repo / "neo4j" / "neo4j.conf").read_text(encoding="utf-8"))
    conf = template.substitute(bolt_port=settings.bolt_port, pagecache=settings.pagecache)
    http = browser_port(settings)
    if http is not None:
        if _HTTP_OFF not in conf:  # a bug, not a user error: the template must keep HTTP off by default
            raise RuntimeError(f"neo4j/neo4j.conf no longer has the line {_HTTP_OFF!r} that the Browser replaces")
        conf = conf.replace(_HTTP_OFF, f"server.http.enabled=true\nserver.http.listen_address=127.0.0.1:{http}\n"
                                       f"server.http.advertised_address=127.0.0.1:{http}", 1)
    (home / "conf" / "neo4j.conf").write_text(conf, encoding="utf-8")


def _neo4j_env(settings: Settings) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    return env | {"NEO4J_HOME": str(settings.neo4j_home), "NEO4J_CONF": str(settings.neo4j_home / "conf")}


def _ensure_password(settings: Settings, java: str, lib: Path) -> None:
    """Before the first start only: create the password file and make it Neo4j's initial password."""
    path = settings.password_file
    if (settings.neo4j_home / "data" / "databases" / "system").exists():
        if not path.is_file():
            raise WorkbenchError(Errors.W107.format(data=settings.neo4j_home / "data", path=path))
        return
    if not path.is_file():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(secrets.token_hex(24) + "\n")  # hex: never read as an option or a comment
    command = [java, "-cp", f"{lib}/*", ADMIN_TOOL, "dbms", "set-initial-password", f"@{path}",
               "--require-password-change=false"]
    done = subprocess.run(command, cwd=settings.neo4j_home, env=_neo4j_env(settings),
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        lines = [ln for ln in (done.stderr + done.stdout).splitlines() if ln.strip()]
        raise WorkbenchError(Errors.W108.format(code=done.returncode, detail=lines[-1] if lines else ""))


def _launch(settings: Settings, java: str, lib: Path) -> subprocess.Popen[bytes]:
    home = settings.neo4j_home
    # The Browser jar goes last: a class archive stays valid for a class path that only grows at its end.
    classpath = f"{lib}/*" + (f":{ensure_browser(settings)}/*" if browser_port(settings) is not None else "")
    command = [java, f"-Xms{settings.heap}", f"-Xmx{settings.heap}", *JVM_FLAGS, class_archive_flag(settings),
               "-Xshare:auto", "-cp", classpath,
               ENTRY_POINT, f"--home-dir={home}", f"--config-dir={home / 'conf'}"]
    with open(home / "logs" / "console.log", "ab") as console:
        process = subprocess.Popen(command, cwd=home, env=_neo4j_env(settings), stdin=subprocess.DEVNULL,
                                   stdout=console, stderr=console, start_new_session=True)
    _pid_file(settings).write_text(f"{process.pid}\n", encoding="utf-8")
    return process


def _last_error(log: Path) -> str:
    """The last ERROR line of neo4j.log without its timestamp (why the server refused to run)."""
    try:
        lines = log.read_text(encoding="utf-8", errors="replace").splitlines()[-200:]
    except OSError:
        return "no log written"
    errors = [ln.split(" ERROR ", 1)[1].strip() for ln in lines if " ERROR " in ln]
    return errors[-1] if errors else "no ERROR line in the log"


def _wait_ready(settings: Settings, pid: int, timeout: float, process: subprocess.Popen[bytes] | None = None) -> None:
    log = settings.neo4j_home / "logs" / "neo4j.log"
    auth = ("neo4j", read_password(settings.password_file))
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        code = process.poll() if process else (None if _alive(pid) else "unknown")
        if code is not None:
            _pid_file(settings).unlink(missing_ok=True)
            raise WorkbenchError(Errors.W105.format(code=code, reason=_last_error(log), log=log))
        if _port_open(settings.bolt_port):
            try:
                with neo4j.GraphDatabase.driver(settings.bolt_uri, auth=auth) as driver:
                    driver.execute_query(cypher.PING, database_=settings.database)
                return
            except AuthError:
                raise WorkbenchError(Errors.W200.format(user="neo4j", uri=settings.bolt_uri,
                                                        path=settings.password_file)) from None
            except (DriverError, TransientError, OSError):
                pass  # Bolt is up but the databases are still starting
        time.sleep(0.25)
    raise WorkbenchError(Errors.W106.format(address=f"127.0.0.1:{settings.bolt_port}", timeout=timeout, log=log))


def start(settings: Settings, timeout: float = 90.0) -> int:
    """Start the local server if it is not running; return its pid once Bolt answers queries.

    Idempotent, also when called by several processes at once: a running server of this home is
    reused (same pid), and a start under way is waited for (``_server_lock``).
    """
    if settings.external:
        raise WorkbenchError(Errors.W109.format(uri=settings.neo4j_uri))
    with _server_lock(settings):
        return _start_locked(settings, timeout)


def _start_locked(settings: Settings, timeout: float) -> int:
    pid = running_pid(settings)
    if pid is not None:
        _wait_ready(settings, pid, timeout)
        return pid
    if _port_open(settings.bolt_port):
        raise WorkbenchError(Errors.W104.format(port=settings.bolt_port))
    java = checked_java()
    lib = ensure_jars(settings)
    _prepare_home(settings)
    _ensure_password(settings, java, lib)
    process = _launch(settings, java, lib)
    _wait_ready(settings, process.pid, timeout, process)
    return process.pid


# --- Neo4j Browser -----------------------------------------------------------------------------

_HTTP_OFF = "server.http.enabled=false"


def browser_port(settings: Settings) -> int | None:
    """The loopback port of the HTTP connector when Neo4j Browser is on, else None."""
    try:
        return int((settings.neo4j_home / "browser").read_text(encoding="utf-8").strip())
    except (FileNotFoundError, ValueError):
        return None


def browser(settings: Settings, port: int | None = 7474, timeout: float = 90.0) -> str | None:
    """Turn Neo4j Browser on at ``http://127.0.0.1:port/browser/`` (``port=None``: off) and return
    its address; a running server is restarted with the new setting, a stopped one starts so.

    Example: ``browser(settings)`` -> ``'http://127.0.0.1:7474/browser/'``
    """
    if settings.external:
        raise WorkbenchError(Errors.W109.format(uri=settings.neo4j_uri))
    if port is not None and (port == settings.bolt_port or _port_open(port) and port != browser_port(settings)):
        raise WorkbenchError(Errors.W120.format(port=port))
    if port is not None:
        ensure_browser(settings)  # fetch before stopping anything: no Maven, no change
    stop(settings, timeout)
    settings.neo4j_home.mkdir(parents=True, exist_ok=True)
    choice = settings.neo4j_home / "browser"
    if port is None:
        choice.unlink(missing_ok=True)
    else:
        choice.write_text(f"{port}\n", encoding="utf-8")
    start(settings, timeout)
    return None if port is None else f"http://127.0.0.1:{port}/browser/"


# --- Stop and status ---------------------------------------------------------------------------

def stop(settings: Settings, timeout: float = 60.0) -> bool:
    """Stop the local server (SIGTERM, then SIGKILL after ``timeout``); False if none was running."""
    if settings.external:
        raise WorkbenchError(Errors.W109.format(uri=settings.neo4j_uri))
    with _server_lock(settings):
        return _stop_locked(settings, timeout)


def _stop_locked(settings: Settings, timeout: float) -> bool:
    pid = running_pid(settings)
    if pid is None:
        return False
    for sig, wait in ((signal.SIGTERM, timeout), (signal.SIGKILL, 10.0)):
        try:
            os.kill(pid, sig)
        except ProcessLookupError:
            break
        deadline = time.monotonic() + wait
        while _alive(pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        if not _alive(pid):
            break
    else:
        raise WorkbenchError(Errors.W110.format(pid=pid, timeout=timeout))
    _pid_file(settings).unlink(missing_ok=True)
    if sig == signal.SIGTERM:
        publish_class_archive(settings)  # a killed JVM may have left half an archive: never adopt that
    else:
        (settings.neo4j_home / "run" / CDS_ARCHIVE).unlink(missing_ok=True)
    return True


def status(settings: Settings) -> dict[str, Any]:
    """What an analyst asks first: is it running, which version, how much is in it."""
    facts: dict[str, Any] = {
        "mode": "external" if settings.external else "local", "bolt": settings.bolt_uri,
        "database": settings.database, "running": False, "pid": None, "version": None, "edition": None,
        "nodes": None, "relationships": None, "constraints": None,
        "home": None if settings.external else str(settings.neo4j_home),
    }
    if not settings.external:
        facts["pid"] = running_pid(settings)
        if facts["pid"] is None:
            return facts
    with open_driver(settings) as driver:
        db = settings.database
        component = driver.execute_query(cypher.COMPONENTS, database_=db).records[0]
        facts.update(
            running=True, version=component["version"], edition=component["edition"],
            nodes=driver.execute_query(cypher.COUNT_NODES, database_=db).records[0]["count"],
            relationships=driver.execute_query(cypher.COUNT_RELATIONSHIPS, database_=db).records[0]["count"],
            constraints=driver.execute_query(cypher.COUNT_CONSTRAINTS, database_=db).records[0]["count"],
        )
    return facts
