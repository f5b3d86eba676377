"""``workbench db``: start, stop, inspect and migrate the workbench's Neo4j.

Thin on purpose: each command calls ``workbench.store`` and prints; a ``WorkbenchError``
becomes one line on stderr and exit code 1.
"""
from __future__ import annotations

import time
from collections.abc import Callable

import typer
from rich.console import Console
from rich.table import Table

from graph_schema import load_schema
from workbench import store
from workbench.cli._common import one_line_errors as _one_line_errors
from workbench.settings import Settings, load_settings

app = typer.Typer(help="Run and inspect the workbench's Neo4j.", no_args_is_help=True)
out = Console()


def _migrate(settings: Settings) -> int:
    with store.open_driver(settings) as driver:
        return store.migrate(driver, load_schema(), settings.database)


def _run(action: Callable[[Settings], None]) -> None:
    with _one_line_errors():
        action(load_settings())


@app.command()
def start(timeout: float = typer.Option(90.0, help="Seconds to wait for Bolt.")) -> None:
    """Start the local Neo4j (fetching its jars on first use), then apply the schema's constraints.

    Example: workbench db start
    """
    def action(settings: Settings) -> None:
        if settings.external:
            out.print(f"Using the external Neo4j at {settings.bolt_uri}; no local server started.")
        else:
            began = time.monotonic()
            pid = store.start(settings, timeout=timeout)
            out.print(f"Neo4j is running at {settings.bolt_uri} (pid {pid}, {time.monotonic() - began:.1f} s).")
        out.print(f"Schema: {_migrate(settings)} constraints/indexes created.")
    _run(action)


@app.command()
def jars() -> None:
    """Fetch the Neo4j jars with Maven into WORKBENCH_NEO4J_LIB (once; later runs are instant).

    Example: workbench db jars
    """
    def action(settings: Settings) -> None:
        lib = store.ensure_jars(settings)
        found = list(lib.glob("*.jar"))
        size = sum(jar.stat().st_size for jar in found) / 1e6
        out.print(f"{len(found)} Neo4j jars ({size:.0f} MB) in {lib}")
    _run(action)


@app.command()
def browser(port: int = typer.Option(7474, "--port", min=1, max=65535, help="Loopback port of the HTTP connector."),
            off: bool = typer.Option(False, "--off", help="Turn Neo4j Browser (and the HTTP connector) off again.")
            ) -> None:
    """Serve Neo4j Browser on 127.0.0.1 only (restarting the local Neo4j); log in with the password file.

    Example: workbench db browser --port 7474
    """
    def action(settings: Settings) -> None:
        address = store.browser(settings, None if off else port)
        if address is None:
            out.print("Neo4j Browser is off; the HTTP connector is closed.")
            return
        out.print(f"Neo4j Browser: {address} (127.0.0.1 only). Connect to {settings.bolt_uri} as user neo4j "
                  f"with the password in {settings.password_file} (it is not printed).", highlight=False)
    _run(action)


@app.command()
def stop() -> None:
    """Stop the local Neo4j.

    Example: workbench db stop
    """
    def action(settings: Settings) -> None:
        out.print("Neo4j stopped." if store.stop(settings) else "Neo4j was not running.")
    _run(action)


@app.command()
def migrate() -> None:
    """Create the constraints and indexes the schema declares (idempotent).

    Example: workbench db migrate
    """
    _run(lambda settings: out.print(f"Schema: {_migrate(settings)} constraints/indexes created."))


@app.command()
def status() -> None:
    """Show the server's version, address, mode and what it holds.

    Example: workbench db status
    """
    def action(settings: Settings) -> None:
        facts = store.status(settings)
        table = Table(title="Neo4j", show_header=False)
        table.add_column("", style="bold")
        table.add_column("")
        rows = [("running", facts["running"]), ("mode", facts["mode"]), ("bolt", facts["bolt"]),
                ("version", f"{facts['version']} {facts['edition']}" if facts["version"] else None),
                ("pid", facts["pid"]), ("database", facts["database"]), ("nodes", facts["nodes"]),
                ("relationships", facts["relationships"]), ("constraints", facts["constraints"]),
                ("home", facts["home"])]
        for name, value in rows:
            table.add_row(name, "-" if value is None else str(value))
        out.print(table)
    _run(action)
