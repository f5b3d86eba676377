"""Open a driver to the workbench's Neo4j: the local one, or the one NEO4J_URI names.

Why: every caller (CLI, notebooks, tests) connects the same way, and the two mistakes people
actually make - a wrong password and a server that is not running - come back as one-line
``WorkbenchError`` messages that say what to do, instead of a driver stack trace.

The local server's password is read from ``<home>/neo4j/password`` at the moment of connecting;
it is never logged, printed or kept in ``Settings``.

A server that goes away in the middle of a run (stopped, killed, out of memory) surfaces as the
driver's ``ServiceUnavailable`` / ``SessionExpired`` after its retries; ``lost_connection_is_one_line``
turns that into W210 for whoever runs a long unit of work (the ingest), instead of a traceback
through the driver's internals (297 lines measured for a Neo4j killed mid-ingest).
"""
from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import ParamSpec, TypeVar

import neo4j
from neo4j.exceptions import AuthError, ServiceUnavailable, SessionExpired

from workbench.errors import Errors, WorkbenchError
from workbench.settings import Settings

__all__ = ["lost_connection_is_one_line", "open_driver", "read_password"]

_P = ParamSpec("_P")
_R = TypeVar("_R")


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


def lost_connection_is_one_line(what: str) -> Callable[[Callable[_P, _R]], Callable[_P, _R]]:
    """Decorate a unit of work (``what``: "ingest") so a server lost on the way is a W210 ``WorkbenchError``."""
    def decorate(work: Callable[_P, _R]) -> Callable[_P, _R]:
        @functools.wraps(work)
        def run(*args: _P.args, **kwargs: _P.kwargs) -> _R:
            try:
                return work(*args, **kwargs)
            except (ServiceUnavailable, SessionExpired) as error:
                detail = str(error).splitlines()[0][:200] if str(error) else type(error).__name__
                raise WorkbenchError(Errors.W210.format(what=what, detail=detail)) from None
        return run
    return decorate
