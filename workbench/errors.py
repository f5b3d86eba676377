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

from graph_schema.errors import CodedMessages

__all__ = ["AmbiguousName", "Errors", "UnknownCase", "UnknownNode", "WorkbenchError", "code_of"]


class WorkbenchError(Exception):
    """A problem the user can fix; ``str(error)`` is the one-line message to print."""


class UnknownCase(WorkbenchError):
    """A case id the store does not hold; ``known`` lists the ones it does."""

    def __init__(self, message: str, known: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.known = known


class UnknownNode(WorkbenchError):
    """Nothing in the graph has this id or name."""


class AmbiguousName(WorkbenchError):
    """A name that fits several entities; ``choices`` holds one dict per entity (name, label, role, case, id).

    The command line prints the choices and exits with code 2, like any other wrong argument.
    """

    def __init__(self, message: str, choices: tuple[dict[str, Any], ...] = ()) -> None:
        super().__init__(message)
        self.choices = choices


def code_of(error: BaseException) -> str | None:
    """The short code a workbench message starts with, e.g. ``"W201"`` (None for other errors).

    >>> code_of(WorkbenchError(Errors.W203)), code_of(ValueError("x"))
    ('W203', None)
    """
    text = str(error)
    if isinstance(error, WorkbenchError) and text.startswith("[") and "]" in text[:7]:
        return text[1:text.index("]")]
    return None


class Errors(metaclass=CodedMessages):
    """Message constants (the convention of :mod:`graph_schema.errors`). W1xx: the local server;
    W2xx: connections; S3xx: settings; W4xx: what a command or an API call was given (cases, names,
    ids, paths, option values) and the files the workbench reads back (audit log, walkthroughs)."""

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
    W120 = "port {port} on 127.0.0.1 is taken, so Neo4j Browser cannot listen there: choose another with --port"
    W121 = "Maven could not fetch Neo4j Browser ({artifact}): {detail}"

    # Connections (workbench/store/connection.py).
    W200 = "Neo4j refused the password for user '{user}' at {uri}: check NEO4J_PASSWORD or {path}"
    W201 = "Neo4j is not reachable at {uri}: start the local Neo4j with `workbench db start` ({detail})"
    W202 = "no password for the local Neo4j at {path}: run `workbench db start` first"
    W203 = "NEO4J_URI is set but NEO4J_PASSWORD is not: set it in the environment or in .env"
    W210 = ("the connection to Neo4j was lost during the {what} ({detail}): check it with `workbench db status` "
            "(start it with `workbench db start`), then run the same command again; an ingest resumes from its "
            "extraction cache and ends in the same graph")
    W204 = ("Neo4j is not reachable at {uri} (NEO4J_URI): check that the server is running and that NEO4J_URI "
            "names it, or unset NEO4J_URI to use the workbench's own local Neo4j")
    W205 = ("NEO4J_URI={uri} is an HTTP address, but the workbench talks to Neo4j over Bolt: use "
            "neo4j://HOST:7687 or bolt://HOST:7687 (neo4j+s://... for Aura)")

    # Settings (workbench/settings.py).
    S300 = "{name}={value!r} is not valid: {reason}"

    # Arguments (workbench/api.py and workbench/cli/).
    W400 = "unknown case {case!r}{hint}; the known cases are: {known}"
    W401 = "unknown case {case!r}: no case has been ingested yet (workbench ingest FOLDER --case CASE_ID)"
    W402 = "no entity or relationship has the id or name {ref!r}{where}{hint}"
    W403 = "{ref!r} matches {count} entities{where}: give one of their ids (listed below) or a fuller name"
    W404 = "{path}: not found{what}"
    W405 = "{option} {value!r} is not valid: {reason}"
    W406 = ("{left!r} ({left_label}) and {right!r} ({right_label}) have different labels: only entities of one "
            "label can be the same")
    W407 = "case {case!r} differs only in letter case from the known case {known!r}: use --case {known}"
    W408 = "{path} already holds a generated case: pass --overwrite to replace it, or choose another folder"
    W409 = "{path}: {detail}"
    W410 = "{left!r} and {right!r} are one and the same entity ({node}): give two different ones"
    W411 = "nothing to draw: the graph has no entities (check --case, --around and --hops)"
    W412 = "{path}: officials register lacks column(s) {missing}: add them to the header row"
    W413 = "{path}:{line}: audit entry is not valid JSON"
    W414 = "{path}:{line}: audit chain broken ({why})"
    W415 = "{path}: audit log does not match its checkpoint {checkpoint} ({why})"
    W416 = "{path}:{line}: audit checkpoint line is not valid ({why})"
    W417 = "{source}: {detail}"
    W418 = "{source}: step {step} ({title!r}): {detail}"
    W419 = "{source}: step {step} ({title!r}): no path between {a!r} and {b!r}"
    W420 = "unknown flag parameter {name!r}: see workbench.flags.default_params() for the names"
    W421 = "unknown complicity rule(s): {names}; the rules are: {known}"
    W422 = "unknown reduction method {method!r}: use 'top' or 'communities'"
    W423 = "unknown centralization measure {measure!r}: use 'degree' or 'betweenness'"
    W424 = "give the entity as 'Label:key', e.g. 'Person:{key}'"
    W425 = "{path}: its extraction left the cache during the ingest ({cache}): run the ingest again"
    W426 = ("interrupted (Ctrl-C): what was committed is kept; run the same command again to finish "
            "(an ingest resumes where it stopped)")
