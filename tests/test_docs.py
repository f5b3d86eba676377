"""Every command of the CLI has help with an example, and the README documents it."""
from __future__ import annotations

from pathlib import Path

import pytest
from typer.main import get_command

from workbench.cli import app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _commands():
    def walk(command, prefix):
        subs = getattr(command, "commands", None)
        if subs:
            for name, sub in sorted(subs.items()):
                yield from walk(sub, prefix + [name])
        else:
            yield " ".join(prefix), command

    return list(walk(get_command(app), ["workbench"]))


def test_there_are_commands():
    assert len(_commands()) >= 15


@pytest.mark.parametrize("name,command", _commands(), ids=[n for n, _ in _commands()])
def test_command_has_help_with_an_example(name, command):
    assert command.help and "Example:" in command.help, f"{name}: docstring needs an 'Example:' line"


@pytest.mark.parametrize("name", [n for n, _ in _commands()])
def test_command_is_in_the_readme(name):
    import re

    assert re.search(re.escape(name) + r"[\s`]", README), f"README.md does not document `{name}`"


def test_readme_starts_with_the_two_commands():
    head = README.split("\n## ", 1)[0]
    assert "make demo" in head and "make test" in head
