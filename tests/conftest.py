"""Session fixtures: a real Neo4j for the tests, never the user's own data and never a mock.

Why: the store's tests must run against the server the workbench really uses. The session
starts a separate local Neo4j (its own temporary WORKBENCH_HOME, a free port, the shared jar
folder) and stops it at the end even when tests fail. When Java, Maven or the jars are
missing, every test that needs it FAILS with the reason; nothing is skipped.

``WORKBENCH_TEST_EXTERNAL=1`` runs the suite against the server NEO4J_URI names instead (for a
cluster or Aura check). Without that flag NEO4J_URI is ignored here, so a developer's .env
pointing at real case data is never touched by a test.
"""
from __future__ import annotations

import os
import socket
from collections.abc import Callable, Iterator
from pathlib import Path

import neo4j
import pytest
from spacy.language import Language

from graph_schema import Schema, load_schema
from ingest.nlp import build_nlp
from workbench.errors import WorkbenchError
from workbench.settings import Settings, load_settings
from workbench.store import cypher, migrate, open_driver, start, stop

LocalSettingsFactory = Callable[[str], Settings]


def free_port() -> int:
    """A TCP port nobody listens on right now (the kernel's choice)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def schema() -> Schema:
    return load_schema()


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The real extraction pipeline, built once per session (never a stub model)."""
    return build_nlp()


@pytest.fixture(scope="session")
def local_settings_factory(tmp_path_factory: pytest.TempPathFactory) -> LocalSettingsFactory:
    """Build settings for a throw-away local server: fresh home, free port, shared jars, small memory."""
    shared_lib = load_settings({k: v for k, v in os.environ.items() if k == "WORKBENCH_NEO4J_LIB"},
                               env_files=()).lib_dir

    def make(name: str) -> Settings:
        home: Path = tmp_path_factory.mktemp(name)
        return load_settings({
            "WORKBENCH_HOME": str(home), "WORKBENCH_BOLT_PORT": str(free_port()),
            "WORKBENCH_NEO4J_LIB": str(shared_lib), "WORKBENCH_NEO4J_HEAP": "512m",
            "WORKBENCH_NEO4J_PAGECACHE": "128m", "WORKBENCH_ANALYST": "pytest",
        }, env_files=())
    return make


def start_or_fail(settings: Settings) -> int:
    try:
        return start(settings, timeout=120)
    except WorkbenchError as error:
        pytest.fail(f"the test Neo4j could not start: {error}", pytrace=False)


@pytest.fixture(scope="session")
def neo4j_settings(local_settings_factory: LocalSettingsFactory, schema: Schema) -> Iterator[Settings]:
    """Settings of the session's Neo4j, started (and migrated) on first use, stopped at the end."""
    if os.environ.get("WORKBENCH_TEST_EXTERNAL") == "1":
        settings = load_settings()
        if not settings.external:
            pytest.fail("WORKBENCH_TEST_EXTERNAL=1 but NEO4J_URI is not set", pytrace=False)
        yield settings
        return
    settings = local_settings_factory("neo4j-session")
    try:
        start_or_fail(settings)
        yield settings
    finally:
        stop(settings)


@pytest.fixture(scope="session")
def lifecycle_settings(local_settings_factory: LocalSettingsFactory) -> Iterator[Settings]:
    """A second local server that tests may start and stop; stopped at the end whatever happens.

    Always local (WORKBENCH_TEST_EXTERNAL does not apply) and never migrated unless a test does it.
    """
    settings = local_settings_factory("neo4j-lifecycle")
    try:
        yield settings
    finally:
        stop(settings)


@pytest.fixture(scope="session")
def neo4j_driver(neo4j_settings: Settings, schema: Schema) -> Iterator[neo4j.Driver]:
    """One driver for the session, with the schema's constraints and indexes applied."""
    try:
        driver = open_driver(neo4j_settings)
    except WorkbenchError as error:
        pytest.fail(f"cannot connect to the test Neo4j: {error}", pytrace=False)
    with driver:
        migrate(driver, schema, neo4j_settings.database)
        yield driver


@pytest.fixture
def clean_db(neo4j_driver: neo4j.Driver, neo4j_settings: Settings) -> Iterator[None]:
    """An empty database for the test (constraints and indexes stay)."""
    with neo4j_driver.session(database=neo4j_settings.database) as session:
        session.run(cypher.DELETE_ALL_NODES).consume()
    yield
