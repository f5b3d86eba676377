"""The sample case's truth: exact offsets, valid identifiers, counts in range, innocent stays innocent."""
from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import docx
import pytest

from graph_schema.types import clean_email, clean_phone, clean_plate
from samplecase import generate_case

INVESTIGATIVE = {"INVESTIGATED"}
TIES = {"PAID", "CALLED", "TIPPED_OFF", "SEEN_AT", "OWNS", "ASSOCIATED_WITH"}


@pytest.fixture(scope="module")
def case(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    out = generate_case(tmp_path_factory.mktemp("sample"), n_notes=150)
    return out, json.loads((out / "ground_truth.json").read_text(encoding="utf-8"))


def note_text(out: Path, rel: str, entry: dict[str, Any]) -> str:
    path = out / rel
    if entry["format"] == "docx":
        return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    return path.read_bytes().decode(entry["encoding"])


def test_every_mention_offset_is_exact(case: tuple[Path, dict[str, Any]]) -> None:
    out, truth = case
    for rel, entry in truth["notes"].items():
        text = note_text(out, rel, entry)
        last_end = 0
        for m in sorted(entry["mentions"], key=lambda m: m["start"]):
            assert text[m["start"]:m["end"]] == m["text"], (rel, m)
            assert m["start"] >= last_end, f"overlapping mentions in {rel}: {m}"
            last_end = m["end"]
        for r in entry["relations"]:
            assert 0 <= r["start"] < r["end"] <= len(text), (rel, r)


def test_identifier_mentions_normalize_to_their_value(case: tuple[Path, dict[str, Any]]) -> None:
    cleaners = {"Phone": clean_phone, "Email": clean_email, "Vehicle": clean_plate,
                "Account": lambda s: re.sub(r"\D", "", s)}
    seen = Counter()
    for entry in case[1]["notes"].values():
        for m in entry["mentions"]:
            if m["label"] in cleaners:
                assert cleaners[m["label"]](m["text"]) == m["value"], m
                seen[m["label"]] += 1
            if m["label"] == "Money":
                assert re.fullmatch(r"\d+\.\d\d (BZD|USD|GTQ|HNL|MXN)", m["value"]), m
    assert min(seen.values()) >= 10, seen


def test_phones_are_valid_and_owned(case: tuple[Path, dict[str, Any]]) -> None:
    truth = case[1]
    assert all(clean_phone(p["e164"]) == p["e164"] for p in truth["phones"])
    regions = {p["e164"][:4] for p in truth["phones"]}
    assert {"+501", "+502", "+504"} <= regions
    assert all(p["e164"].startswith("+5016") for p in truth["phones"] if p["e164"].startswith("+501"))


def test_counts_within_ranges(case: tuple[Path, dict[str, Any]]) -> None:
    truth = case[1]
    roles = Counter(p["role"] for p in truth["people"])
    assert 35 <= len(truth["people"]) <= 60
    assert 12 <= roles["victim"] <= 18 and 12 <= roles["suspect"] <= 20 and 4 <= roles["investigator"] <= 5
    assert 3 <= sum(p["complicit"] is True for p in truth["people"]) <= 5
    assert sum(p["role"] == "official" and p["complicit"] is False for p in truth["people"]) >= 2
    assert sum(p["key_player"] for p in truth["people"]) == 3
    labels = Counter(m["label"] for e in truth["notes"].values() for m in e["mentions"])
    minimum = {"Person": 1500, "Phone": 50, "Money": 50, "Organization": 100, "Location": 100,
               "Vehicle": 20, "Email": 10, "Handle": 10, "Account": 10, "IdDocument": 10}
    for label, low in minimum.items():
        assert labels[label] >= low, (label, labels[label])
    types = {r["type"] for r in truth["relations"]}
    assert {"RECRUITED", "TRANSPORTED", "HARBORED", "EMPLOYS", "OWNS", "THREATENED", "USES_PHONE", "SEEN_AT",
            "LIVES_AT", "CALLED", "PAID", "TIPPED_OFF", "RELATED_TO", "INVESTIGATED", "ASSOCIATED_WITH"} <= types


def test_every_complicit_official_has_a_non_investigative_tie_to_a_suspect(case: tuple[Path, dict[str, Any]]) -> None:
    truth = case[1]
    suspects = {p["name"] for p in truth["people"] if p["role"] == "suspect"}
    for official in (p for p in truth["people"] if p["complicit"] is True):
        ties = [r for r in truth["relations"] if r["type"] in TIES
                and official["name"] in (r["source"], r["target"])
                and ({r["source"], r["target"]} - {official["name"]}) & suspects
                and any(n.startswith("notes/") for n in r["notes"])]
        assert ties, official["name"]


def test_investigators_and_innocent_officials_only_investigate(case: tuple[Path, dict[str, Any]]) -> None:
    truth = case[1]
    innocent = {p["name"] for p in truth["people"] if p["complicit"] is False}
    assert innocent
    for r in truth["relations"]:
        if innocent & {r["source"], r["target"]}:
            assert r["type"] in INVESTIGATIVE, r
    authors = {e["author"] for e in truth["notes"].values()}
    assert authors <= innocent
    investigated = {r["source"] for r in truth["relations"] if r["type"] == "INVESTIGATED"}
    assert {p["name"] for p in truth["people"] if p["role"] == "investigator"} <= investigated


def test_payments_match_relations(case: tuple[Path, dict[str, Any]]) -> None:
    truth = case[1]
    paid = {(r["source"], r["target"]) for r in truth["relations"] if r["type"] == "PAID"}
    assert truth["payments"]
    for p in truth["payments"]:
        assert (p["payer"], p["payee"]) in paid
        assert p["currency"] in {"BZD", "USD", "GTQ", "HNL", "MXN"} and p["amount"] > 0
    assert any(p["note"] == "exports/transfers.csv" for p in truth["payments"])


def test_a_vehicle_is_owned_only_where_its_sentence_says_so(case: tuple[Path, dict[str, Any]]) -> None:
    """Truth is what the sentence states: "X drives a pickup, plate P" alone is no ownership, so
    OWNS needs words of ownership (a truth problem found while measuring extraction recall)."""
    out, truth = case
    plates = {v["plate"] for v in truth["vehicles"]}
    ownership = re.compile(r"\b(?:owns?|registered|belongs|comes back to)\b")
    for rel, entry in truth["notes"].items():
        text = note_text(out, rel, entry)
        for r in entry["relations"]:
            if r["type"] == "OWNS" and r["target"] in plates:
                assert ownership.search(text[r["start"]:r["end"]]), (rel, text[r["start"]:r["end"]])
