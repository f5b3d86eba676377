"""Connecting: the right password works, a wrong one gives one clear line, no auth is refused."""
from __future__ import annotations

import dataclasses

import neo4j
import pytest

from workbench.errors import WorkbenchError
from workbench.store import open_driver

pytestmark = pytest.mark.neo4j


def test_wrong_password_gives_one_line(neo4j_settings, neo4j_driver):
    wrong = dataclasses.replace(neo4j_settings, neo4j_uri=neo4j_settings.bolt_uri, neo4j_password="not-the-password")
    with pytest.raises(WorkbenchError) as caught:
        open_driver(wrong)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"[W200] Neo4j refused the password for user 'neo4j' at {neo4j_settings.bolt_uri}: ")
    assert "check NEO4J_PASSWORD or " in message and "not-the-password" not in message


def test_connection_without_auth_is_refused(neo4j_settings, neo4j_driver):
    with neo4j.GraphDatabase.driver(neo4j_settings.bolt_uri, auth=None) as driver:
        with pytest.raises(neo4j.exceptions.AuthError):
            driver.verify_connectivity()


def test_missing_password_file_names_it(local_settings_factory):
    elsewhere = local_settings_factory("no-password")
    with pytest.raises(WorkbenchError, match=r"^\[W202\] no password for the local Neo4j at .*password"):
        open_driver(elsewhere)


def test_server_not_running_gives_one_line(local_settings_factory):
    nowhere = local_settings_factory("not-running")
    nowhere.neo4j_home.mkdir()
    nowhere.password_file.write_text("x" * 48)
    with pytest.raises(WorkbenchError, match=r"^\[W201\] Neo4j is not reachable at bolt://127.0.0.1:\d+: ") as caught:
        open_driver(nowhere)
    assert "\n" not in str(caught.value)
