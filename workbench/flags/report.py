"""Render a flag run for people: an escaped HTML fragment, Markdown for the CLI, a CSV table.

Why here and escaped everywhere: note sentences are untrusted text (a name can contain ``<``,
a CDR export can carry anything), so every string that reaches HTML goes through
``html.escape`` and every string in a Markdown table has its pipes and markup neutralised. The
wording is always "possible complicity — needs review". Sentences may name victims and witnesses:
pass ``redact`` (e.g. the views' pseudonymizer) to rewrite each sentence before it is shown.
The Markdown names notes as the run gives them: the command line first cites them by file name,
type, author and date (``report.cite_flags``), and leaves node and edge ids to the HTML and the
API. The CSV goes through ``views.text.safe_csv``, as every CSV the workbench writes.
"""
from __future__ import annotations

import html
import re
from collections.abc import Callable

from workbench.flags.config import WORDING
from workbench.flags.flag import EvidenceSentence, Flag, FlagReport
from workbench.views.page import csp_meta
from workbench.views.text import safe_csv

__all__ = ["to_markdown", "to_html", "to_csv", "md_escape", "distinct", "CSV_COLUMNS"]

CSV_COLUMNS = ["rank", "official", "agency", "official_rank", "score", "rules", "wording", "support", "next_step",
               "node"]

Redact = Callable[[str], str]
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")


def md_escape(text: object) -> str:
    """Neutralise Markdown markup and table pipes in untrusted text.

    >>> md_escape("a|b *c*")
    'a\\\\|b \\\\*c\\\\*'
    """
    return _MD_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def _same(text: str) -> str:
    return text


def distinct(evidence: tuple[EvidenceSentence, ...]) -> list[EvidenceSentence]:
    """Each sentence once: a payment's row backs both its PAID and its PAID_TO edge."""
    seen: dict[tuple[object, ...], EvidenceSentence] = {}
    for e in evidence:
        seen.setdefault((e.note_id, e.sentence, e.start, e.end), e)
    return list(seen.values())


def to_markdown(report: FlagReport, *, max_sentences: int | None = 5, redact: Redact | None = None) -> str:
    """The ranked table, then per flag: rules, reasons and evidence sentences with note ids."""
    redact = redact or _same
    lines = [f"# Officials: {WORDING}", ""]
    if not report.flags:
        return "\n".join([*lines, "No official has ties to suspects that need review.", ""])
    lines += ["| # | Official | Agency | Rank | Score | Rules |", "|---|---|---|---|---|---|"]
    for i, f in enumerate(report.flags, start=1):
        cells = [md_escape(x or "") for x in (f.name, f.agency, f.rank)]
        lines.append(f"| {i} | {' | '.join(cells)} | {f.score:g} | {md_escape(', '.join(f.rules))} |")
    for i, f in enumerate(report.flags, start=1):
        lines += ["", f"## {i}. {md_escape(f.name)} ({md_escape(f.agency or 'agency unknown')}) — "
                  f"{WORDING}", "", f"Score {f.score:g} · rank {md_escape(f.rank or 'unknown')}", ""]
        if f.support is not None:
            lines += [f"Support: {md_escape(f.support.text)}.", ""]
        for res in f.results:
            lines.append(f"- **{md_escape(res.rule)}** (count {res.count}, score {res.score:g}): "
                         f"{md_escape(res.description)}")
            if res.next_step:
                lines.append(f"  - next step: {md_escape(res.next_step)}")
            lines += [f"  - {md_escape(redact(r.text))}" for r in res.reasons]
            rows = distinct(res.evidence)
            shown = rows if max_sentences is None else rows[:max_sentences]
            lines += [f"  - > {md_escape(redact(e.sentence))} — note {md_escape(e.note_id)} "
                      f"[{e.start}:{e.end}]" for e in shown]
            if len(shown) < len(rows):
                lines.append(f"  - … {len(rows) - len(shown)} more sentence(s)")
    return "\n".join(lines) + "\n"


def _h(text: object) -> str:
    return html.escape(str(text if text is not None else ""), quote=True)


def _flag_html(i: int, f: Flag, redact: Redact, max_sentences: int | None) -> list[str]:
    out = [f'<section class="flag" data-node="{_h(f.official)}">',
           f"<h3>{i}. {_h(f.name)} ({_h(f.agency or 'agency unknown')}) — {_h(WORDING)}</h3>",
           f"<p>Score {_h(f'{f.score:g}')}; rank {_h(f.rank or 'unknown')}.</p>"]
    if f.support is not None:
        out.append(f'<p class="support">Support: {_h(f.support.text)}.</p>')
    out.append("<ul>")
    for res in f.results:
        out.append(f"<li><strong>{_h(res.rule)}</strong> (count {_h(res.count)}, score "
                   f"{_h(f'{res.score:g}')}): {_h(res.description)}<ul>")
        if res.next_step:
            out.append(f'<li class="next-step">Next step: {_h(res.next_step)}</li>')
        out += [f'<li>{_h(redact(r.text))} <small>edges: {_h(", ".join(r.edge_ids))}</small></li>'
                for r in res.reasons]
        rows = distinct(res.evidence)
        shown = rows if max_sentences is None else rows[:max_sentences]
        out += [f'<li><blockquote>{_h(redact(e.sentence))}</blockquote><small>note {_h(e.note_id)} '
                f'[{_h(e.start)}:{_h(e.end)}], edge {_h(e.edge_id)}</small></li>' for e in shown]
        out.append("</ul></li>")
    return [*out, "</ul>", "</section>"]


def to_html(report: FlagReport, *, max_sentences: int | None = None, redact: Redact | None = None) -> str:
    """An HTML fragment (no scripts, no external assets): the table, then one section per flag.

    It starts with the Content-Security-Policy ``<meta>``: saved as a file on its own, the
    browser puts it in the head and the page can load nothing (inside the case report, whose own
    head carries the policy, a browser ignores it).

    >>> from workbench.flags.flag import FlagReport
    >>> import pandas as pd
    >>> "needs review" in to_html(FlagReport(pd.DataFrame(), []))
    True
    """
    redact = redact or _same
    out = ['<meta charset="utf-8">', csp_meta(), '<div class="complicity-flags">',  # CSP: see views.page
           f"<h2>Officials: {_h(WORDING)}</h2>"]
    if not report.flags:
        return "\n".join([*out, "<p>No official has ties to suspects that need review.</p>", "</div>"])
    out += ["<table>", "<thead><tr><th>#</th><th>Official</th><th>Agency</th><th>Rank</th>"
            "<th>Score</th><th>Rules</th><th>Wording</th></tr></thead>", "<tbody>"]
    for i, f in enumerate(report.flags, start=1):
        cells = [i, f.name, f.agency or "", f.rank or "", f"{f.score:g}", ", ".join(f.rules), WORDING]
        out.append("<tr>" + "".join(f"<td>{_h(c)}</td>" for c in cells) + "</tr>")
    out += ["</tbody>", "</table>"]
    for i, f in enumerate(report.flags, start=1):
        out += _flag_html(i, f, redact, max_sentences)
    return "\n".join([*out, "</div>"])


def to_csv(report: FlagReport, *, redact: Redact | None = None) -> str:
    """The ranked table as CSV (UTF-8 text, one row per flagged official): rank, official, agency,
    rank of the official, score, rules, the wording, what the flag rests on and the first next step.

    >>> from workbench.flags.flag import FlagReport
    >>> import pandas as pd
    >>> to_csv(FlagReport(pd.DataFrame(), [])).splitlines()[0].startswith("rank,official")
    True
    """
    redact = redact or _same
    rows = [{"rank": i, "official": redact(f.name), "agency": f.agency or "", "official_rank": f.rank or "",
             "score": f"{f.score:g}", "rules": ", ".join(f.rules), "wording": WORDING,
             "support": f.support.text if f.support is not None else "",
             "next_step": next((r.next_step for r in f.results if r.next_step), ""), "node": f.official}
            for i, f in enumerate(report.flags, start=1)]
    return safe_csv(CSV_COLUMNS, rows)
