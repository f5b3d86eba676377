"""Victims and witnesses are pseudonyms in every table, text and notebook output (issues 14.4, 18.1).

On the synthetic sample case, against the real Neo4j and the real spaCy model: every CLI table
command and every notebook is run, and their whole output is searched for the ground truth's
victim and witness names (accents and letter case ignored, either name order) and for their
identity-document and phone numbers (whatever the separators). None may appear without
``--reveal``; with it, they do (and the reveal is audited).
"""
from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient
from typer.testing import CliRunner

from workbench.api import Workbench
from workbench.cli import app
from workbench.demo import ensure_sample_case
from workbench.store.store import Store

pytestmark = pytest.mark.neo4j

NOTEBOOKS = sorted((Path(__file__).resolve().parents[2] / "notebooks").glob("*.ipynb"))


def _fold(text: str) -> str:
    text = "".join(ch for ch in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(ch))
    return " ".join(re.findall(r"\w+", text))


def _digits(text: str) -> str:
    return re.sub(r"[\s\-./()]", "", text).upper()


class Protected:
    """The ground truth's protected names and numbers, and a finder for them in any text."""

    def __init__(self, truth: dict) -> None:
        people = [p for p in truth["people"] if p["role"] in ("victim", "witness")]
        self.names = {p["name"] for p in people}
        owners = {p["name"] for p in people}
        self.numbers = {d["surface"]: d["owner"] for d in truth["id_documents"] if d["owner"] in owners}
        self.numbers |= {p["e164"]: p["owner"] for p in truth["phones"] if p["owner"] in owners}
        self._words = {}
        for name in self.names:
            words = _fold(name).split()
            self._words[" ".join(words)] = name
            self._words[" ".join(words[-1:] + words[:-1])] = name  # "RAMIREZ, Belén"
        self._numbers = {_digits(n).lstrip("+"): n for n in self.numbers}

    def found(self, text: str) -> set[str]:
        folded, digits = f" {_fold(text)} ", _digits(text)
        hits = {name for words, name in self._words.items() if f" {words} " in folded}
        hits |= {n for key, n in self._numbers.items() if re.search(rf"(?<![0-9A-Z]){key}(?![0-9A-Z])", digits)}
        return hits


@pytest.fixture(scope="module")
def sample(neo4j_settings, neo4j_driver):
    """The sample case, as the notebooks find it (under the session's home), ingested alone."""
    with neo4j_driver.session(database=neo4j_settings.database) as session:
        session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()
    folder = ensure_sample_case(neo4j_settings.home)
    truth = json.loads((folder / "ground_truth.json").read_text(encoding="utf-8"))
    wb = Workbench(neo4j_settings, Store(neo4j_driver, database=neo4j_settings.database))
    report = wb.ingest([folder / "notes", folder / "exports"], case_id=truth["case_id"])
    assert not report.failed, report.failed
    return wb, truth, Protected(truth)


@pytest.fixture(scope="module")
def env(neo4j_settings):
    return {"WORKBENCH_HOME": str(neo4j_settings.home), "WORKBENCH_BOLT_PORT": str(neo4j_settings.bolt_port),
            "WORKBENCH_NEO4J_LIB": str(neo4j_settings.lib_dir), "NEO4J_URI": "", "NEO4J_PASSWORD": "",
            "WORKBENCH_ANALYST": "tester", "COLUMNS": "3000"}


def _cli(env, *args: str) -> str:
    result = CliRunner().invoke(app, list(args), env=env)
    assert result.exit_code == 0, result.output
    return result.stdout


def _tables(env, case: str, out: Path, reveal: bool) -> dict[str, str]:
    """Every CLI table for the case: command -> what it printed (and wrote, for flags --out)."""
    flag = ["--reveal"] if reveal else []
    outputs = {
        "key-players": _cli(env, "key-players", "--case", case, "--top", "40", *flag),
        "flags": _cli(env, "flags", "--case", case, "--out", str(out), *flag) + out.read_text(encoding="utf-8"),
        "merges list": _cli(env, "merges", "list", "--limit", "500", *flag),
        "find": "".join(_cli(env, "find", word, "--case", case, "--limit", "100", *flag)
                        for word in ("Ramirez", "Cardona", "Victim", "Witness", "Belen", "Pelon")),
    }
    for who in ("Carlos Alvarado", "Noe Matamoros", "Byron Sosa", "Victim 1", "Victim 3", "Witness 1"):
        outputs[f"evidence {who}"] = _cli(env, "evidence", who, "--case", case, *flag)
    return outputs


def test_no_cli_table_names_a_victim_or_witness_or_their_numbers(sample, env, tmp_path):
    wb, truth, protected = sample
    leaks = {cmd: sorted(protected.found(text)) for cmd, text in
             _tables(env, truth["case_id"], tmp_path / "flags.html", reveal=False).items()}
    assert not {cmd: found for cmd, found in leaks.items() if found}


def test_with_reveal_the_names_appear_and_the_reveal_is_audited(sample, env, tmp_path):
    wb, truth, protected = sample
    outputs = _tables(env, truth["case_id"], tmp_path / "flags.html", reveal=True)
    found = set().union(*(protected.found(text) for text in outputs.values()))
    assert len(found) >= 10, sorted(found)
    assert protected.found(outputs["evidence Victim 1"]) and protected.found(outputs["flags"])
    actions = set(wb.audit()["action"])
    assert {"key_players", "evidence", "flags", "merges.list", "find"} <= actions


def test_the_api_tables_are_protected_and_numbered_as_the_case(sample):
    wb, truth, protected = sample
    case = truth["case_id"]
    tables = [wb.key_players(case, top=None, exclude_roles=()), wb.cut_points(case), wb.communities(case),
              wb.hidden_ties(case, top=50), wb.leads(case), wb.shared_phones(case), wb.timeline(case),
              wb.merge_candidates()]
    assert not [sorted(protected.found(t.to_csv(index=False))) for t in tables if protected.found(t.to_csv())]
    mapping = wb.protection(case).mapping
    victim = next(n for n, p in mapping.items() if p == "Victim 3")
    around = wb.neighbourhood(victim, 1, case_id=case)
    assert wb.protect(around).nodes[victim]["name"] == "Victim 3"  # not renumbered 1..n in a neighbourhood
    assert (wb.find("Victim 3", case_id=case)["id"] == victim).any()


def _outputs(notebook) -> str:
    texts = []
    for cell in notebook.cells:
        for out in cell.get("outputs", []):
            texts.append(out.get("text", ""))
            for kind, value in (out.get("data") or {}).items():
                if kind.startswith("text/") or kind.endswith("json"):
                    texts.append(value if isinstance(value, str) else json.dumps(value, ensure_ascii=False))
    return "\n".join(texts)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_no_notebook_output_names_a_victim_or_witness(path, sample, neo4j_settings, monkeypatch, tmp_path):
    monkeypatch.setenv("WORKBENCH_HOME", str(neo4j_settings.home))
    monkeypatch.setenv("WORKBENCH_BOLT_PORT", str(neo4j_settings.bolt_port))
    monkeypatch.setenv("WORKBENCH_NEO4J_LIB", str(neo4j_settings.lib_dir))
    for name in ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    notebook = nbformat.read(path, as_version=4)
    NotebookClient(notebook, timeout=900, kernel_name="python3",
                   resources={"metadata": {"path": str(tmp_path)}}).execute()
    text = _outputs(notebook)
    assert len(text) > 1000  # the outputs were read
    assert not sorted(sample[2].found(text))
