"""Open a driver to the workbench's Neo4j: the local one, or the one NEO4J_URI names.

Why: every caller (CLI, notebooks, tests) connects the same way, and the two mistakes people
actually make - a wrong password and a server that is not running - come back as one-line
``WorkbenchError`` messages that say what to do, instead of a driver stack trace.

The local server's password is read from ``<home>/neo4j/password`` at the moment of connecting;
it is never logged, printed or kept in ``Settings``.
"""
from __future__ import annotations

from pathlib import Path

import neo4j
from neo4j.exceptions import AuthError, ServiceUnavailable

from workbench.errors import Errors, WorkbenchError
from workbench.settings import Settings

__all__ = ["open_driver", "read_password"]


def read_password(path: Path) -> str:
    """The local server's password (first line of its owner-only file)."""
    try:
        return path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        raise WorkbenchError(Errors.W202.format(path=path)) from None


def _auth(settings: Settings) -> tuple[str, str]:
    if settings.external:
        if settings.neo4j_password is None:
            raise WorkbenchError(Errors.W203)
        return settings.neo4j_user, settings.neo4j_password
    return "neo4j", read_password(settings.password_file)


def open_driver(settings: Settings, *, verify: bool = True) -> neo4j.Driver:
    """A driver for the configured server, checked with ``verify_connectivity`` unless told not to.

    The caller closes it (``with open_driver(settings) as driver: ...``). Queries should pass
    ``database_=settings.database``.
    """
    user, password = _auth(settings)
    driver = neo4j.GraphDatabase.driver(settings.bolt_uri, auth=(user, password),
                                        notifications_min_severity="OFF")
    if not verify:
        return driver
    try:
        driver.verify_connectivity()
    except AuthError:
        driver.close()
        raise WorkbenchError(Errors.W200.format(user=user, uri=settings.bolt_uri, path=settings.password_file)) from None
    except (ServiceUnavailable, OSError) as error:
        driver.close()
        detail = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise WorkbenchError(Errors.W201.format(uri=settings.bolt_uri, detail=detail)) from None
    return driver
