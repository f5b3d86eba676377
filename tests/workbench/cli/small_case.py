"""A small case in the session's real Neo4j, and the environment that points the command line at it.

Fixtures for the command-line tests here (through ``conftest.py``) and for the library's tests
(``tests/workbench/test_api_*.py`` import them).

The case: a recruiter (Carlos Reyes) and his brother Luis, their victim Ana Lopez, a suspect of
the same surname as the victim (Jose Lopez), a complicit sergeant, the investigating corporal
who wrote the note, a bar, two phones, a call and a payment. Its one note has a real sha256 id,
so a test can tell a note's file name from its hash.
"""
from __future__ import annotations

import hashlib

import pytest

from graph_schema import Mention, Note
from tests.factory import ev, r, rel
from workbench.store.store import Store

CASE = "BZ-1"
NOTE_ID = hashlib.sha256(b"the corporal's interview note").hexdigest()
SOURCE = "interview_0314.txt · interview · Cpl. Andrea Pook · 2026-03-14"


def _records():
    from graph_schema import NodeRecord

    people = {name: r("Person", name=name, role=role) for name, role in [
        ("Carlos Reyes", "suspect"), ("Luis Reyes", "suspect"), ("Ana Lopez", "victim"),
        ("Jose Lopez", "suspect"), ("Mario Castillo", "official"), ("Andrea Pook", "investigator")]}
    carlos, luis, ana, jose, sgt, cpl = people.values()
    phone_c, phone_s = NodeRecord("Phone", "+5016221234", {}), NodeRecord("Phone", "+5016339876", {})
    call = NodeRecord("Call", "call-1", {"date": "2026-03-14"})
    pay = NodeRecord("Payment", "pay-1", {"amount": 500.0, "currency": "BZD"})
    bar = r("Organization", name="Sunset Bar", kind="venue")

    def said(sentence: str):
        return ev(note_id=NOTE_ID, sentence=sentence, date="2026-03-14")

    rels = [
        rel("RECRUITED", carlos, ana, said("Carlos Reyes recruited Ana Lopez in Chetumal.")),
        rel("ASSOCIATED_WITH", carlos, luis, said("Carlos Reyes and his brother Luis Reyes run the bar.")),
        rel("ASSOCIATED_WITH", jose, carlos, said("Jose Lopez drives for Carlos Reyes.")),
        rel("USES_PHONE", carlos, phone_c, said("Carlos Reyes uses 622-1234.")),
        rel("USES_PHONE", sgt, phone_s, said("Sgt. Mario Castillo uses 633-9876.")),
        rel("CALLED", phone_c, call, said("622-1234 called 633-9876.")),
        rel("CALL_TO", call, phone_s, said("622-1234 called 633-9876.")),
        rel("PAID", carlos, pay, said("Carlos Reyes paid Sgt. Castillo $500.")),
        rel("PAID_TO", pay, sgt, said("Carlos Reyes paid Sgt. Castillo $500.")),
        rel("SEEN_AT", sgt, bar, said("Sgt. Castillo was seen at the Sunset Bar.")),
        rel("OWNS", carlos, bar, said("Carlos Reyes owns the Sunset Bar.")),
        rel("INVESTIGATED", cpl, carlos, said("Cpl. Pook interviewed Carlos Reyes.")),
    ]
    return list(people.values()) + [phone_c, phone_s, call, pay, bar], rels


@pytest.fixture
def small_case(neo4j_settings, neo4j_driver, clean_db):
    """The small case, loaded fresh for the test; returns the store."""
    nodes, rels = _records()
    note = Note(id=NOTE_ID, path="interview_0314.txt", text="", case_id=CASE, date="2026-03-14",
                author="Cpl. Andrea Pook", type="interview")
    sentence = "Carlos Reyes recruited Ana Lopez in Chetumal."
    mentions = [(Mention(NOTE_ID, "Person", name, sentence.index(name), sentence.index(name) + len(name), sentence,
                         "test"), "Person", node.key)
                for node in nodes[:3] for name in [node.props["name"]] if name in sentence]
    store = Store(neo4j_driver)
    store.load(notes=[note], nodes=nodes, mentions=mentions, rels=rels, case_id=CASE)
    return store


@pytest.fixture
def cli_env(neo4j_settings, small_case):
    """Environment for the command line: the session's Neo4j, never a developer's NEO4J_URI."""
    return {"WORKBENCH_HOME": str(neo4j_settings.home), "WORKBENCH_BOLT_PORT": str(neo4j_settings.bolt_port),
            "WORKBENCH_NEO4J_LIB": str(neo4j_settings.lib_dir), "NEO4J_URI": "", "NEO4J_PASSWORD": "",
            "WORKBENCH_ANALYST": "tester", "COLUMNS": "200"}


@pytest.fixture
def wb(neo4j_settings, small_case):
    """The library's handle on the small case."""
    from workbench.api import Workbench

    return Workbench(neo4j_settings, small_case)
