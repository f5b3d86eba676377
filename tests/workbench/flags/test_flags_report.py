"""Rendering: every string escaped, the wording fixed, sentences shown with their note ids."""
from __future__ import annotations

from workbench.flags import WORDING, complicity_flags, to_html, to_markdown


def _hostile(builder):
    b = builder
    official = b.person("o", "official", name="<script>alert(1)</script>", agency="Police & <b>Co</b>")
    suspect = b.person("s", "suspect", name="Flaco | *Boss*")
    b.edge(official, "TIPPED_OFF", suspect, note="note<1>", sentence='He said "<img src=x onerror=alert(1)>" | run')
    return complicity_flags(b.G)


def test_html_escapes_every_string(builder):
    text = to_html(_hostile(builder))
    assert "<script>" not in text and "<img" not in text and "<b>Co" not in text
    assert "&lt;script&gt;" in text and "&lt;img src=x onerror=alert(1)&gt;" in text
    assert "note&lt;1&gt;" in text
    assert WORDING in text


def test_markdown_neutralises_markup_and_pipes(builder):
    text = to_markdown(_hostile(builder))
    assert "Flaco \\| \\*Boss\\*" in text
    assert "note note\\<1\\>" in text
    assert text.count(WORDING) == 2  # the title and the one flag


def test_redact_rewrites_sentences_and_reasons(builder):
    report = _hostile(builder)
    text = to_html(report, redact=lambda s: s.replace("run", "[redacted]"))
    assert "[redacted]" in text


def test_empty_report_says_nothing_needs_review(builder):
    report = complicity_flags(builder.G)
    assert "No official" in to_markdown(report) and "No official" in to_html(report)


def test_csv_cells_cannot_start_a_formula_and_html_declares_its_charset(builder):
    from workbench.flags.report import to_csv

    b = builder
    official = b.person("o", "official", name='=HYPERLINK("http://x","Sgt")', agency="@Police")
    suspect = b.person("s", "suspect", name="Flaco")
    b.edge(official, "TIPPED_OFF", suspect, note="n1", sentence="He warned Flaco about the raid.")
    report = complicity_flags(b.G)
    text = to_csv(report)
    assert "'=HYPERLINK" in text and "'@Police" in text and "\n=" not in text and ",=" not in text
    assert to_html(report).startswith('<meta charset="utf-8">')


def test_markdown_shows_names_not_node_or_edge_ids(builder):
    text = to_markdown(_hostile(builder))
    assert "Node `" not in text and "[edges:" not in text
