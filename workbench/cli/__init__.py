"""The ``workbench`` command line: thin commands over the library, registered below.

Why a plain list: each command lives in a module by topic (``workbench/cli/<topic>.py``) and is
added here with one line, so the whole command surface is visible in one place. Every command
is a few lines over public functions, and its docstring carries an ``Example:``.
"""
import typer

from workbench.cli import analyse, db, evaluate, extract, flags, ingest, sample, view

__all__ = ["app"]

app = typer.Typer(help="Link-analysis workbench for trafficking investigations.", no_args_is_help=True)

app.command("demo")(analyse.demo)
app.add_typer(db.app, name="db")
app.command("ingest")(ingest.ingest)
app.add_typer(ingest.merges, name="merges")
app.command("key-players")(analyse.key_players)
app.command("evidence")(analyse.evidence)
app.command("flags")(flags.flags)
app.command("audit")(flags.audit)
app.command("report")(analyse.report)
app.command("view")(view.view)
app.command("walkthrough")(view.walkthrough)
app.command("export")(view.export)
app.add_typer(extract.app)
app.command("eval")(evaluate.eval_command)
app.command("sample")(sample.generate)
