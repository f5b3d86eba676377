"""The output commands on the small case (issue 15 leftovers, issue 14 names): `map`, `view
--no-collapse`, `export --format sigma` and `--collapse`, the i2 specification audited, and the
`flags` table citing notes by file name, with its CSV through the spreadsheet-safe writer."""
from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from tests.workbench.cli.small_case import NOTE_ID, SOURCE
from tests.workbench.views.conftest import page_data
from workbench.api import audit_log_path
from workbench.audit import read_log
from workbench.cli import app
from workbench.settings import load_settings

pytestmark = pytest.mark.neo4j


def _run(env, *args: str) -> str:
    result = CliRunner().invoke(app, list(args), env=env)
    assert result.exit_code == 0, result.output
    return result.stdout


def _actions(env) -> list[tuple[str, dict]]:
    log = read_log(audit_log_path(load_settings(env, env_files=())))
    return [(a, json.loads(p) if isinstance(p, str) else p) for a, p in zip(log["action"], log["params"])]


def test_map_writes_the_offline_map_and_is_audited(cli_env, tmp_path):
    out = tmp_path / "map.html"
    assert "wrote" in _run(cli_env, "map", "--case", "BZ-1", "--out", str(out))
    page = out.read_text(encoding="utf-8")
    assert "Ana Lopez" not in page and "https://" not in page and "http://" not in page
    assert any(a == "view.map" and p.get("path") == "map.html" for a, p in _actions(cli_env))


def test_view_collapses_calls_and_payments_unless_told_not_to(cli_env, tmp_path):
    folded, unfolded = tmp_path / "v.html", tmp_path / "events.html"
    _run(cli_env, "view", "--case", "BZ-1", "--out", str(folded))
    _run(cli_env, "view", "--case", "BZ-1", "--no-collapse", "--out", str(unfolded))
    labels = {name: {n["kind"] for n in page_data(path.read_text(encoding="utf-8"))["nodes"]}
              for name, path in (("folded", folded), ("unfolded", unfolded))}
    assert {"Call", "Payment"} <= labels["unfolded"] and not {"Call", "Payment"} & labels["folded"]
    assert any(a == "view.network" and p.get("collapse") is False for a, p in _actions(cli_env))


def test_export_sigma_is_one_offline_page_and_i2_audits_its_specification(cli_env, tmp_path):
    page = tmp_path / "whole.html"
    _run(cli_env, "export", "--case", "BZ-1", "--format", "sigma", "--out", str(page))
    text = page.read_text(encoding="utf-8")
    assert "Ana Lopez" not in text and "Victim 1" in text and "https://" not in text
    out = _run(cli_env, "export", "--case", "BZ-1", "--format", "i2", "--out", str(tmp_path / "i2"))
    assert "i2_import_specification.json" in out and "i2_import_specification.txt" in out
    audited = {p.get("path") for a, p in _actions(cli_env) if a.startswith("export.")}
    assert {"whole.html", "entities.csv", "links.csv", "i2_import_specification.json",
            "i2_import_specification.txt"} <= audited


def test_export_collapse_folds_the_gexf(cli_env, tmp_path):
    folded, unfolded = tmp_path / "f.gexf", tmp_path / "u.gexf"
    _run(cli_env, "export", "--case", "BZ-1", "--format", "gexf", "--collapse", "--out", str(folded))
    _run(cli_env, "export", "--case", "BZ-1", "--format", "gexf", "--out", str(unfolded))
    assert "Call:" not in folded.read_text(encoding="utf-8") and "Call:" in unfolded.read_text(encoding="utf-8")


def test_flags_table_names_notes_by_file_and_its_csv_is_safe(cli_env, tmp_path):
    out = _run(cli_env, "flags", "--case", "BZ-1")
    assert "interview_0314.txt · interview" in out.replace("\\_", "_") and NOTE_ID not in out
    assert "Person:" not in out  # names, not ids
    table = tmp_path / "flags.csv"
    _run(cli_env, "flags", "--case", "BZ-1", "--out", str(table))
    rows = list(csv.DictReader(io.StringIO(table.read_text(encoding="utf-8"))))
    assert rows and rows[0]["official"] == "Mario Castillo" and rows[0]["wording"] == "possible complicity — needs review"
    assert any(a == "flags.export.csv" for a, _ in _actions(cli_env))
    html_out = tmp_path / "flags.html"
    _run(cli_env, "flags", "--case", "BZ-1", "--out", str(html_out))
    text = html_out.read_text(encoding="utf-8")
    assert text.startswith('<meta charset="utf-8">') and SOURCE in text
