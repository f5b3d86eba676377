"""A chart of events over time for a case or one entity: calls, payments, sightings, notes.

Why: investigators brief with time lines ("the calls stop the day after the raid was planned").
The chart takes the frame shape ``date, node, kind, detail`` (kind: call, payment, sighting,
note) and draws one row per node, one marker per event, coloured from the schema
(``style.kind_color``: Call, Payment, SEEN_AT, Note), so it matches the network views.
``detail`` is deliberately not printed on the chart: free text about victims belongs in tables
that go through the pseudonymizer, not burnt into a PNG. Row names come from ``labels`` (pass
the pseudonymized names, e.g. from ``pseudonymize(G)[0]``); unlabelled rows show the node id.
It uses a bare ``matplotlib.figure.Figure`` (no pyplot state), so it is safe in servers and tests.
"""
from __future__ import annotations

import io
from pathlib import Path
from typing import Any, Mapping

import pandas as pd

from graph_schema import Schema, load_schema
from workbench.views.style import kind_color

__all__ = ["timeline_chart", "KINDS"]

KINDS = ("call", "payment", "sighting", "note")
_MARKERS = {"call": "o", "payment": "s", "sighting": "^", "note": "D"}


def timeline_chart(
    events: pd.DataFrame,
    *,
    labels: Mapping[Any, str] | None = None,
    title: str = "Events over time",
    path: str | Path | None = None,
    dpi: int = 120,
    schema: Schema | None = None,
) -> bytes:
    """PNG bytes of the chart (also written to ``path`` when given).

    >>> df = pd.DataFrame({"date": ["2024-01-03", "2024-01-05"], "node": ["Person:a", "Person:a"],
    ...                    "kind": ["call", "payment"], "detail": ["", ""]})
    >>> timeline_chart(df)[:4]
    b'\\x89PNG'
    """
    from matplotlib.figure import Figure

    missing = {"date", "node", "kind"} - set(events.columns)
    if missing:
        raise ValueError(f"timeline frame lacks column(s): {', '.join(sorted(missing))}")
    schema = schema or load_schema()
    df = events.assign(date=pd.to_datetime(events["date"], errors="coerce")).dropna(subset=["date"])
    labels = labels or {}
    rows = list(dict.fromkeys(df.sort_values("date")["node"]))
    index = {n: i for i, n in enumerate(rows)}
    fig = Figure(figsize=(10, max(2.2, 0.45 * len(rows) + 1.4)), dpi=dpi)
    ax = fig.add_subplot()
    kinds = list(KINDS) + sorted(set(df["kind"]) - set(KINDS))
    for kind in kinds:
        part = df[df["kind"] == kind]
        if part.empty:
            continue
        ax.scatter(part["date"], [index[n] for n in part["node"]], marker=_MARKERS.get(kind, "x"),
                   color=kind_color(kind, schema), edgecolors="#333333", linewidths=0.5, s=46, label=kind, zorder=3)
    ax.set_yticks(range(len(rows)), [str(labels.get(n, n)) for n in rows])
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.grid(axis="x", color="#eeeeee", zorder=0)
    ax.set_title(title)
    if not df.empty:
        ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
    fig.autofmt_xdate()
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    data = buf.getvalue()
    if path is not None:
        Path(path).write_bytes(data)
    return data
