"""A small case for walkthrough tests: recruiter -> victim, driver -> bar, bar -> official."""
from __future__ import annotations

import networkx as nx
import pytest

from workbench.views.headless import find_chromium

HOSTILE = "<img src=x onerror=\"document.title='pwned';document.body.setAttribute('data-pwned','1')\">"


@pytest.fixture
def story() -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    for node, name, role in (("Person:r", "Carlos Reyes", "suspect"), ("Person:v", "Maria Lopez", "victim"),
                             ("Person:d", "Luis Lopez", "suspect"), ("Person:o", "Daniel Pop", "official"),
                             ("Person:h", HOSTILE, "suspect")):
        G.add_node(node, label="Person", name=name, role=role)
    G.add_node("Organization:b", label="Organization", name="Blue Parrot Bar", kind="venue")
    G.add_node("Payment:p", label="Payment", name="BZD 500")
    ev = lambda s: [{"note_id": "n1", "sentence": s, "confidence": 0.9}]  # noqa: E731
    G.add_edge("Person:r", "Person:v", type="RECRUITED", evidence_count=2, evidence=ev("Carlos Reyes recruited Maria Lopez."))
    G.add_edge("Person:d", "Person:v", type="TRANSPORTED", evidence_count=1, evidence=ev("Luis drove Maria."))
    G.add_edge("Person:d", "Organization:b", type="OWNS", evidence_count=1)
    G.add_edge("Person:d", "Payment:p", type="PAID", evidence_count=1)
    G.add_edge("Payment:p", "Person:o", type="PAID_TO", evidence_count=1)
    G.add_edge("Person:h", "Organization:b", type="EMPLOYS", evidence_count=1)
    return G


@pytest.fixture
def story_yaml(tmp_path):
    path = tmp_path / "story.yaml"
    path.write_text("""\
title: How the ring worked
description: Training walkthrough.
steps:
  - title: The recruiter
    narrative: Carlos Reyes recruited Maria Lopez in Chetumal.
    entities: [Carlos Reyes, Maria Lopez]
    highlight: [Carlos Reyes]
  - title: The driver and the bar
    narrative: Luis Lopez drove Victim 1 to his bar.
    paths: [[Victim 1, Blue Parrot Bar]]
    entities: [Person:h]
    highlight: [Person:h]
  - title: The official
    paths: [[Luis Lopez, Daniel Pop]]
    highlight: [Daniel Pop]
""", encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def chromium() -> str:
    return find_chromium()
