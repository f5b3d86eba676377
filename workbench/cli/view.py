"""`workbench view`, `map`, `walkthrough` and `export`: network pages, the map and files for other tools.

Thin on purpose: each command asks :class:`workbench.api.Workbench` for the graph (a case, the
neighbourhood of an entity given by id or name, or the person network) and for the output,
which the library records in the audit log (``--reveal`` too). Option values are checked
before anything is written: ``--size-by`` against what the graph can be sized by, ``--format``
against the formats (``sigma`` is the whole graph as one offline sigma.js page), ``--collapse``
against the formats that fold calls and payments, the folder of ``--out`` must exist.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from workbench.api import EXPORT_FORMATS
from workbench.cli._common import console, existing, fail, workbench_session

CASE = typer.Option(None, "--case", help="Case id (default: every case).")
AROUND = typer.Option(None, "--around", help="Only the neighbourhood of this entity (an id or a name).")
HOPS = typer.Option(2, "--hops", min=1, max=6, help="Hops around --around (1 to 6).")
PEOPLE = typer.Option(False, "--people", help="The person network instead of the entity graph.")
REVEAL = typer.Option(False, "--reveal", help="Show real names of victims and witnesses (recorded in the audit log).")
FOLDABLE = ("graphml", "gexf")


def view(out: Path = typer.Option(Path("view.html"), "--out", help="HTML file to write."),
         case: Optional[str] = CASE, around: Optional[str] = AROUND, hops: int = HOPS, people: bool = PEOPLE,
         size_by: Optional[str] = typer.Option(None, "--size-by", help="Size nodes by a measure (degree, "
                                               "weighted_degree, betweenness, pagerank) or a numeric node attribute."),
         max_nodes: int = typer.Option(1500, "--max-nodes", min=10, help="Reduce the view above this many nodes."),
         collapse: bool = typer.Option(True, "--collapse/--no-collapse", help="Fold calls and payments into one "
                                       "link per pair (expandable in the page), or draw every event."),
         reveal: bool = REVEAL) -> None:
    """Write one offline HTML page drawing the case, a neighbourhood or the person network.

    Example: workbench view --case BZ-TIP-2026-118 --people --out people.html
    """
    with workbench_session() as wb:
        G = wb.graph(case, around=around, hops=hops, people=people)
        if size_by is not None and size_by not in wb.size_measures(G):
            fail(f"--size-by {size_by!r} is not valid: use one of {', '.join(wb.size_measures(G))}")
        wb.view(G, out, title=f"Case {case or 'all'}" + (f" around {around}" if around else ""), size_by=size_by,
                max_nodes=max_nodes, collapse=collapse, reveal=reveal,
                audit_params={"case": case, "around": around, "people": people, "collapse": collapse})
    console.print(f"wrote {out}")


def map_page(out: Path = typer.Option(Path("map.html"), "--out", help="HTML file to write."),
             case: Optional[str] = CASE, around: Optional[str] = AROUND, hops: int = HOPS,
             reveal: bool = REVEAL) -> None:
    """Write the offline map: the case's places, border crossings and dated moves between them.

    Example: workbench map --case BZ-TIP-2026-118 --out map.html
    """
    with workbench_session() as wb:
        G = wb.graph(case, around=around, hops=hops)
        wb.map_view(G, out, title=f"Case {case or 'all'}" + (f" around {around}" if around else ""), reveal=reveal,
                    audit_params={"case": case, "around": around})
    console.print(f"wrote {out}")


def walkthrough(file: Path = typer.Argument(..., help="Walkthrough YAML."), case: Optional[str] = CASE,
                out: Path = typer.Option(Path("walk.html"), "--out", help="HTML file to write."),
                reveal: bool = REVEAL) -> None:
    """Render a walkthrough YAML as one offline HTML page with Previous / Next.

    Example: workbench walkthrough workbench/walkthrough/sample_case.yaml --case BZ-TIP-2026-118 --out walk.html
    """
    existing(file, "walkthrough YAML")
    with workbench_session() as wb:
        wb.walkthrough(wb.case_graph(case), file, out, reveal=reveal, audit_params={"case": case})
    console.print(f"wrote {out}")


def export(out: Path = typer.Option(..., "--out", help="File (.graphml, .gexf) or folder (i2)."),
           fmt: str = typer.Option("graphml", "--format", help="graphml, gexf, i2 (entities.csv + links.csv + "
                                   "import specification) or sigma (the whole graph as one offline page)."),
           case: Optional[str] = CASE, around: Optional[str] = AROUND, hops: int = HOPS, people: bool = PEOPLE,
           collapse: Optional[bool] = typer.Option(None, "--collapse/--no-collapse", help="graphml, gexf: fold calls "
                                                   "and payments into one link per pair (default: every event)."),
           reveal: bool = REVEAL) -> None:
    """Export the graph for Gephi, i2 Analyst's Notebook or a sigma.js page; victims and witnesses
    pseudonymized unless --reveal.

    Example: workbench export --case BZ-TIP-2026-118 --format i2 --out i2/
    """
    if fmt not in EXPORT_FORMATS:
        fail(f"--format {fmt!r} is not valid: use {', '.join(EXPORT_FORMATS)}")
    if collapse is not None and fmt not in FOLDABLE:
        fail(f"--collapse/--no-collapse applies to {' and '.join(FOLDABLE)}, not to --format {fmt}")
    if fmt == "i2" and out.exists() and not out.is_dir():
        fail(f"--out {str(out)!r} is a file: i2 writes a folder (entities.csv and links.csv)")
    options = {"collapse": collapse} if collapse is not None else {}
    with workbench_session() as wb:
        G = wb.graph(case, around=around, hops=hops, people=people)
        for path in wb.export(G, out, fmt, reveal=reveal, audit_params={"case": case, "around": around, **options},
                              **options):
            console.print(f"wrote {path}")
