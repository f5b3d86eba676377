"""Fixtures for the view tests: a small case graph (``tests.factory`` builders), a hostile one, real Chromium."""
from __future__ import annotations

import json
import re

import networkx as nx
import pytest

from tests.factory import edge, node
from tests.factory import evidence_row as ev
from workbench.views.headless import find_chromium

# Each payload would change the page title and mark <body> if it ever ran.
HOSTILE_NAME = "<img src=x onerror=\"document.title='pwned';document.body.setAttribute('data-pwned','1')\">"
HOSTILE_SENTENCE = ("Tip: <script>document.title='pwned';document.body.setAttribute('data-pwned','2')</script> "
                    "met </script><!-- at https://evil.example/x.js")


def build_case() -> nx.MultiDiGraph:
    """Recruiter, driver, bar owner, official; two victims and a witness (protected)."""
    G = nx.MultiDiGraph()
    people = {
        "s1": ("Carlos Reyes", "suspect", {}), "s2": ("Luis Lopez", "suspect", {}),
        "v2": ("Maria Lopez", "victim", {"aliases": ["Mari"]}), "v1": ("Ana Cruz", "victim", {}),
        "w1": ("Jose Pena", "witness", {}),
        "o1": ("Daniel Pop", "official", {"agency": "Police", "rank": "Sgt."}),
    }
    for key, (name, role, extra) in people.items():
        node(G, "Person", key, name=name, role=role, evidence_count=2, **extra)
    node(G, "Organization", "bar", name="Blue Parrot Bar", kind="venue")
    node(G, "Phone", "+5016221234")
    node(G, "Payment", "p1", name="BZD 500", amount=500.0, currency="BZD")
    edges = [
        ("Person:s1", "Person:v2", "RECRUITED", [ev("n1", "Carlos Reyes recruited Maria Lopez in Chetumal."),
                                                 ev("n2", "Mari said Carlos promised her a job.", confidence=0.7)]),
        ("Person:s1", "Person:v1", "RECRUITED", [ev("n1", "Reyes also approached Ana Cruz.")]),
        ("Person:s2", "Person:v2", "TRANSPORTED", [ev("n3", "Luis Lopez drove Maria to the Blue Parrot Bar.")]),
        ("Person:s2", "Organization:bar", "OWNS", [ev("n3", "Luis Lopez owns the Blue Parrot Bar.")]),
        ("Person:w1", "Organization:bar", "SEEN_AT", [ev("n4", "Jose Pena saw Ana Cruz at the bar.")]),
        ("Person:s2", "Phone:+5016221234", "USES_PHONE", [ev("n5", "Luis uses +5016221234.")]),
        ("Person:s2", "Payment:p1", "PAID", [ev("n6", "Luis Lopez paid BZD 500.")]),
        ("Payment:p1", "Person:o1", "PAID_TO", [ev("n6", "The money went to Sgt. Daniel Pop.")]),
        ("Person:o1", "Person:s2", "TIPPED_OFF", [ev("n7", "Pop warned Luis Lopez about the raid.")]),
    ]
    for i, (u, v, t, rows) in enumerate(edges):
        edge(G, u, t, v, rows, key=f"r{i}", evidence_count=len(rows) * 2, first_seen="2024-03-01",
             last_seen="2024-03-09")
    return G


def build_hostile() -> nx.MultiDiGraph:
    G = build_case()
    node(G, "Person", "h1", name=HOSTILE_NAME, role="suspect")
    edge(G, "Person:h1", "EMPLOYS", "Organization:bar", [ev("n9", HOSTILE_SENTENCE)], key="rh")
    return G


@pytest.fixture
def case() -> nx.MultiDiGraph:
    return build_case()


@pytest.fixture
def hostile() -> nx.MultiDiGraph:
    return build_hostile()


@pytest.fixture(scope="session")
def chromium() -> str:
    """The real browser; missing Chromium is a failure (run scripts/ensure-chromium.sh), not a skip."""
    return find_chromium()


def page_data(page: str) -> dict:
    """The JSON data block of a generated page."""
    match = re.search(r'<script type="application/json" id="wb-data">(.*?)</script>', page, re.S)
    assert match, "no data block"
    return json.loads(match.group(1))


@pytest.fixture
def data_of():
    return page_data


@pytest.fixture
def payloads() -> tuple[str, str]:
    """(hostile name, hostile sentence): tests take them from here, never by importing conftest."""
    return HOSTILE_NAME, HOSTILE_SENTENCE
