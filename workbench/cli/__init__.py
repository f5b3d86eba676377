"""The ``workbench`` command line: thin commands over the library, registered below.

Why a plain list: each command lives in a module by topic (``workbench/cli/<topic>.py``) and is
added here with one line, so the whole command surface is visible in one place. Every command
is a few lines over public functions, and its docstring carries an ``Example:``. Errors are
one line each (``workbench/cli/_common.py``): the group shortens click's usage errors too.
"""
from importlib import metadata

import typer

from workbench.cli import analyse, cases, db, evaluate, extract, find, flags, ingest, sample, view
from workbench.cli._common import OneLineGroup, version_option

__all__ = ["app"]

app = typer.Typer(help="Link-analysis workbench for trafficking investigations.", no_args_is_help=True,
                  cls=OneLineGroup, pretty_exceptions_show_locals=False)


@app.callback()
def main(version: bool = version_option(lambda: metadata.version("trafficking-workbench"))) -> None:
    """Link-analysis workbench for trafficking investigations."""


app.command("demo")(analyse.demo)
app.add_typer(db.app, name="db")
app.command("ingest")(ingest.ingest)
ingest.merges.command("why")(cases.why)
app.add_typer(ingest.merges, name="merges")
app.command("cross-case")(cases.cross_case)
app.command("key-players")(analyse.key_players)
app.command("evidence")(analyse.evidence)
app.command("find")(find.find)
app.command("flags")(flags.flags)
app.command("audit")(flags.audit)
app.command("report")(analyse.report)
app.command("view")(view.view)
app.command("map")(view.map_page)
app.command("walkthrough")(view.walkthrough)
app.command("export")(view.export)
app.add_typer(extract.app)
app.command("eval")(evaluate.eval_command)
app.command("sample")(sample.generate)
