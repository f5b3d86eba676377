"""`workbench view`, `walkthrough` and `export`: network pages and files for other tools.

Thin on purpose: each command projects the graph from the store, calls one public function of
:mod:`workbench.views`, :mod:`workbench.walkthrough` or :mod:`workbench.exports`, and records
the output in the audit log (views and exports leave the unit; ``--reveal`` is recorded too).
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Optional

import typer

from workbench.cli._common import console, workbench_session
from workbench.exports import to_gexf, to_graphml, to_i2_csv
from workbench.views import save_view
from workbench.walkthrough import load_walkthrough, render_walkthrough

CASE = typer.Option(None, "--case", help="Case id (default: every case).")
AROUND = typer.Option(None, "--around", help="Only the neighbourhood of this node (Label:key).")
HOPS = typer.Option(2, "--hops", help="Hops around --around.")
PEOPLE = typer.Option(False, "--people", help="The person network instead of the entity graph.")
REVEAL = typer.Option(False, "--reveal", help="Show real names of victims and witnesses (recorded in the audit log).")


def _graph(wb: Any, case: Optional[str], around: Optional[str], hops: int, people: bool) -> Any:
    from workbench.project import person_network

    G = wb.neighbourhood(around, hops, case_id=case) if around else wb.case_graph(case)
    return person_network(G) if people else G


def view(out: Path = typer.Option(Path("view.html"), "--out", help="HTML file to write."),
         case: Optional[str] = CASE, around: Optional[str] = AROUND, hops: int = HOPS, people: bool = PEOPLE,
         size_by: Optional[str] = typer.Option(None, "--size-by", help="Node attribute that sizes nodes."),
         max_nodes: int = typer.Option(1500, "--max-nodes", help="Reduce the view above this many nodes."),
         reveal: bool = REVEAL) -> None:
    """Write one offline HTML page drawing the case, a neighbourhood or the person network.

    Example: workbench view --case BZ-TIP-2026-118 --people --out people.html
    """
    with workbench_session() as wb:
        G = _graph(wb, case, around, hops, people)
        save_view(G, out, title=f"Case {case or 'all'}", size_by=size_by, max_nodes=max_nodes, reveal=reveal)
        wb.record_export("view.network", {"path": out.name, "case": case, "around": around, "reveal": reveal},
                         out.read_bytes())
    console.print(f"wrote {out}")


def walkthrough(file: Path = typer.Argument(..., help="Walkthrough YAML."), case: Optional[str] = CASE,
                out: Path = typer.Option(Path("walk.html"), "--out", help="HTML file to write."),
                reveal: bool = REVEAL) -> None:
    """Render a walkthrough YAML as one offline HTML page with Previous / Next.

    Example: workbench walkthrough workbench/walkthrough/sample_case.yaml --case BZ-TIP-2026-118 --out walk.html
    """
    with workbench_session() as wb:
        render_walkthrough(wb.case_graph(case), load_walkthrough(file), out, reveal=reveal)
        wb.record_export("view.walkthrough", {"path": out.name, "walkthrough": file.name, "reveal": reveal},
                         out.read_bytes())
    console.print(f"wrote {out}")


def export(out: Path = typer.Option(..., "--out", help="File (.graphml, .gexf) or folder (i2)."),
           fmt: str = typer.Option("graphml", "--format", help="graphml, gexf or i2 (entities.csv + links.csv)."),
           case: Optional[str] = CASE, around: Optional[str] = AROUND, hops: int = HOPS, people: bool = PEOPLE,
           reveal: bool = REVEAL) -> None:
    """Export the graph for Gephi or i2 Analyst's Notebook; victims and witnesses pseudonymized unless --reveal.

    Example: workbench export --case BZ-TIP-2026-118 --format i2 --out i2/
    """
    writers = {"graphml": lambda G: [to_graphml(G, out, reveal=reveal)],
               "gexf": lambda G: [to_gexf(G, out, reveal=reveal)],
               "i2": lambda G: list(to_i2_csv(G, out, reveal=reveal))}
    if fmt not in writers:
        raise typer.BadParameter(f"unknown format {fmt!r}: use graphml, gexf or i2", param_hint="--format")
    with workbench_session() as wb:
        for path in writers[fmt](_graph(wb, case, around, hops, people)):
            wb.record_export(f"export.{fmt}", {"path": Path(path).name, "case": case, "reveal": reveal},
                             Path(path).read_bytes())
            console.print(f"wrote {path}")
