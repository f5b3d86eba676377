"""`python -m workbench.cli` runs the command line (used by tests that need a real process)."""
from workbench.cli import app

app()
