"""`workbench view`: network pages, walkthroughs and exports, written as files.

Thin on purpose: each command reads the graph, calls one public function of
:mod:`workbench.views`, :mod:`workbench.walkthrough` or :mod:`workbench.exports`, and records
the output in the audit log (views and exports leave the unit; ``--reveal`` is recorded too).
The graph comes from a node-link JSON file (``--graph``) until the lead wires the store's
projection in.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import networkx as nx
import typer

from workbench.audit import record
from workbench.exports import to_gexf, to_graphml, to_i2_csv
from workbench.views import save_view
from workbench.walkthrough import render_walkthrough

app = typer.Typer(help="Offline network views, guided walkthroughs and exports.", no_args_is_help=True)

GRAPH = typer.Option(..., "--graph", help="Graph as node-link JSON (networkx).")
REVEAL = typer.Option(False, "--reveal", help="Show real names of victims and witnesses (recorded in the audit log).")
AUDIT = typer.Option(Path(".workbench/audit.jsonl"), "--audit-log", help="Append-only audit log (JSONL).")
ANALYST = typer.Option(None, "--analyst", help="Analyst name for the audit log (default: OS user).")


def _read_graph(path: Path) -> nx.Graph:
    data = json.loads(path.read_text(encoding="utf-8"))
    edges = "edges" if "edges" in data else "links"
    return nx.node_link_graph(data, edges=edges)


def _audit(log: Path, action: str, out: Path, reveal: bool, analyst: Optional[str], **params: object) -> None:
    record(log, action, {"path": out.name, "reveal": reveal, **params}, out.read_bytes(), analyst=analyst)


@app.command("view")
def view(graph: Path = GRAPH, out: Path = typer.Option(Path("view.html"), "--out", help="HTML file to write."),
         title: str = typer.Option("Network", help="Page title."),
         size_by: Optional[str] = typer.Option(None, "--size-by", help="Node attribute that sizes nodes."),
         max_nodes: int = typer.Option(1500, "--max-nodes", help="Reduce the view above this many nodes."),
         reduce: str = typer.Option("top", help="Reduction: 'top' or 'communities'."),
         reveal: bool = REVEAL, audit_log: Path = AUDIT, analyst: Optional[str] = ANALYST) -> None:
    """Write one offline HTML page drawing the graph.

    Example: workbench view view --graph case.json --out case.html --size-by evidence_count
    """
    save_view(_read_graph(graph), out, title=title, size_by=size_by, max_nodes=max_nodes, reduce=reduce, reveal=reveal)
    _audit(audit_log, "view.network", out, reveal, analyst, graph=graph.name)
    typer.echo(f"wrote {out}")


@app.command("walkthrough")
def walkthrough(file: Path = typer.Argument(..., help="Walkthrough YAML."), graph: Path = GRAPH,
                out: Path = typer.Option(Path("walk.html"), "--out", help="HTML file to write."),
                reveal: bool = REVEAL, audit_log: Path = AUDIT, analyst: Optional[str] = ANALYST) -> None:
    """Render a walkthrough YAML as one offline HTML page with Previous / Next.

    Example: workbench view walkthrough workbench/walkthrough/sample_case.yaml --graph case.json --out walk.html
    """
    render_walkthrough(_read_graph(graph), file, out, reveal=reveal)
    _audit(audit_log, "view.walkthrough", out, reveal, analyst, graph=graph.name, walkthrough=file.name)
    typer.echo(f"wrote {out}")


@app.command("export")
def export(graph: Path = GRAPH, out: Path = typer.Option(..., "--out", help="File (.graphml, .gexf) or folder (i2)."),
           fmt: str = typer.Option("graphml", "--format", help="graphml, gexf or i2 (entities.csv + links.csv)."),
           reveal: bool = REVEAL, audit_log: Path = AUDIT, analyst: Optional[str] = ANALYST) -> None:
    """Export the graph, victims and witnesses pseudonymized unless --reveal.

    Example: workbench view export --graph case.json --format i2 --out i2/
    """
    G = _read_graph(graph)
    if fmt == "graphml":
        paths = [to_graphml(G, out, reveal=reveal)]
    elif fmt == "gexf":
        paths = [to_gexf(G, out, reveal=reveal)]
    elif fmt == "i2":
        paths = list(to_i2_csv(G, out, reveal=reveal))
    else:
        raise typer.BadParameter(f"unknown format {fmt!r}: use graphml, gexf or i2", param_hint="--format")
    for path in paths:
        _audit(audit_log, f"export.{fmt}", path, reveal, analyst, graph=graph.name)
        typer.echo(f"wrote {path}")
