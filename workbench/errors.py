"""The workbench's error messages: one line each, named constants with short codes.

Why: an investigator reads these at a terminal or in a notebook cell. Each message is one line
that says what is wrong and what to do, and names the file or address involved. Keeping them
here (the way spaCy keeps ``spacy/errors.py``) lets tests and documentation refer to a message
by its code, and stops ad-hoc wording from spreading through the code.

Accessing ``Errors.W101`` returns the text with its code in front: ``"[W101] ..."``; fill the
placeholders with ``str.format``.

>>> Errors.W101.format(found="11")
'[W101] Java 17 or newer is required to run the local Neo4j (found Java 11): install openjdk-17 (apt-get install openjdk-17-jre-headless) or set JAVA_HOME'
"""
from __future__ import annotations

from typing import Any

__all__ = ["Errors", "WorkbenchError"]


class WorkbenchError(Exception):
    """A problem the user can fix; ``str(error)`` is the one-line message to print."""


class _WithCodes(type):
    """Prefix every message constant with its code when it is read."""

    def __getattribute__(cls, name: str) -> Any:
        value = super().__getattribute__(name)
        if name[:1] in {"W", "S"} and name[1:].isdigit():
            return f"[{name}] {value}"
        return value


class Errors(metaclass=_WithCodes):
    """Message constants. W1xx: the local server; W2xx: connections; S3xx: settings."""

    # The local Neo4j server (workbench/store/local.py).
    W100 = "Java was not found: install openjdk-17 (apt-get install openjdk-17-jre-headless) or set JAVA_HOME"
    W101 = ("Java 17 or newer is required to run the local Neo4j (found Java {found}): install openjdk-17 "
            "(apt-get install openjdk-17-jre-headless) or set JAVA_HOME")
    W102 = "Maven (mvn) was not found: install maven (apt-get install maven) to fetch the Neo4j jars listed in {pom}"
    W103 = "Maven could not fetch the Neo4j jars listed in {pom}: {detail}"
    W104 = "port {port} on 127.0.0.1 is already in use by another program: set WORKBENCH_BOLT_PORT to a free port"
    W105 = "the local Neo4j exited while starting (exit code {code}): {reason}: see {log} and console.log beside it"
    W106 = "the local Neo4j did not accept Bolt connections on {address} within {timeout} s: see {log}"
    W107 = ("the local Neo4j has data under {data} but its password file {path} is missing: "
            "restore the file, or move the data folder away to start afresh")
    W108 = "setting the initial Neo4j password failed (exit code {code}): {detail}"
    W109 = "NEO4J_URI is set ({uri}): the workbench uses that server and starts or stops no local one"
    W110 = "the local Neo4j (pid {pid}) did not stop within {timeout} s, even after SIGKILL"

    # Connections (workbench/store/connection.py).
    W200 = "Neo4j refused the password for user '{user}' at {uri}: check NEO4J_PASSWORD or {path}"
    W201 = "Neo4j is not reachable at {uri}: run `workbench db start`, or check NEO4J_URI ({detail})"
    W202 = "no password for the local Neo4j at {path}: run `workbench db start` first"
    W203 = "NEO4J_URI is set but NEO4J_PASSWORD is not: set it in the environment or in .env"

    # Settings (workbench/settings.py).
    S300 = "{name}={value!r} is not valid: {reason}"
