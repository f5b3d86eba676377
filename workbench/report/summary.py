"""The report's first screen: the case at a glance, who matters, which officials need review, what next.

Why: a supervisor reads the top of the page and decides. Everything here is one line per item,
taken from what the sections below computed (key players, the flag run, hidden ties, leads), so
the summary never says something the sections do not show. The lines are plain text; the page
escapes them.
"""
from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

import networkx as nx
import pandas as pd

from workbench.flags.config import WORDING
from workbench.flags.flag import FlagReport
from workbench.report.flag_section import flag_line

__all__ = ["glance", "who_matters", "next_steps", "summary_html", "MAX_LINES"]

MAX_LINES = 5


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def glance(G: nx.Graph, notes: pd.DataFrame, flags: FlagReport, protected: int, case_id: str | None) -> str:
    """One line: notes, period, people by role, officials flagged."""
    live = notes[notes["superseded_by"].isna()] if "superseded_by" in notes else notes
    dates = sorted(str(d)[:10] for _, _, e in G.edges(data=True) for d in (e.get("first_seen"), e.get("last_seen")) if d)
    roles = pd.Series([d.get("role") or "unknown" for _, d in G.nodes(data=True) if d.get("label") == "Person"])
    counts = roles.value_counts()
    people = ", ".join(f"{counts[r]} {r}{'s' if counts[r] != 1 else ''}" for r in ("suspect", "official")
                       if r in counts)
    span = f"from {dates[0]} to {dates[-1]}" if dates else "with no dated facts"
    return (f"Case {case_id or 'all cases'}: {len(live)} notes and exports {span}; {len(roles)} people "
            f"({people}{'; ' if people else ''}{protected} victims and witnesses protected); "
            f"{len(flags.flags)} official(s) flagged: {WORDING}.")


def who_matters(players: pd.DataFrame, n_people: int, limit: int = MAX_LINES) -> list[str]:
    """One line per key player: role, direct ties, where they rank as a broker, cut point."""
    if players.empty:
        return []
    by_betweenness = players["betweenness"].rank(ascending=False, method="min") if "betweenness" in players else None
    lines = []
    for i, row in players.head(limit).iterrows():
        ties = round(float(row.get("degree") or 0.0) * max(n_people - 1, 1))
        parts = [f"{row.get('role') or 'unknown'}", f"ties to {ties} people"]
        if by_betweenness is not None and by_betweenness[i] <= 3:
            parts.append(f"{_ordinal(int(by_betweenness[i]))} broker between the others")
        if bool(row.get("articulation_point")):
            parts.append("a cut point: without them the network splits")
        lines.append(f"{row.get('name')} — {', '.join(parts)}")
    return lines


def next_steps(flags: FlagReport, hidden: pd.DataFrame, leads: pd.DataFrame, redact: Callable[[str], str],
               limit: int = MAX_LINES) -> list[str]:
    """The next steps of the rules that fired, strongest first, each once with the officials it is
    for; then the top leads."""
    who: dict[str, dict[str, None]] = {}
    for f in flags.flags:
        for r in sorted((r for r in f.results if r.next_step and not r.supporting), key=lambda r: -r.score):
            who.setdefault(r.next_step, {})[redact(f.name)] = None
    lines = [f"{', '.join(names)}: {step}" for step, names in who.items()][: limit - 1]
    if not hidden.empty:
        top = hidden.iloc[0]
        lines.append(f"Check the likely unrecorded ties between people (Leads), first {top.get('name_u')} and "
                     f"{top.get('name_v')} ({top.get('method')}).")
    unknown = leads[leads["reason"].astype(str).str.contains("no known user")] if "reason" in leads else leads[:0]
    if len(unknown):
        lines.append(f"Identify the users of {len(unknown)} phone(s) with no known user.")
    return lines[: limit + 1]


def _block(title: str, lines: list[str], empty: str, more: str = "") -> str:
    items = "".join(f"<li>{_e(line)}</li>" for line in lines) or f'<li class="muted">{_e(empty)}</li>'
    return f'<div class="box"><h3>{_e(title)}</h3><ul>{items}</ul>{more}</div>'


def summary_html(glance_line: str, players: list[str], flags: FlagReport, steps: list[str],
                 redact: Callable[[str], str], limit: int = MAX_LINES) -> str:
    """The first screen (escaped): the glance line and three short lists, each line linking on where it can."""
    officials = [f'<li><a href="#flag-{i}">{_e(flag_line(f, redact))}</a></li>'
                 for i, f in enumerate(flags.flags[:limit], start=1)]
    extra = len(flags.flags) - limit
    flagged = ('<div class="box"><h3>Officials who need review</h3><ul>'
               + ("".join(officials) or '<li class="muted">No official has ties to suspects that need review.</li>')
               + (f'<li class="muted">and {extra} more in the section below</li>' if extra > 0 else "")
               + "</ul></div>")
    return (f'<p class="glance">{_e(glance_line)}</p><div class="boxes">'
            + _block("Who matters", players, "No ties between people yet.")
            + flagged + _block("What to do next", steps, "Nothing to follow up yet.") + "</div>")
