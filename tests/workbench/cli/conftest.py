"""Fixtures of the command-line tests: the small case (see ``small_case.py``)."""
from tests.workbench.cli.small_case import cli_env, small_case, wb  # noqa: F401
