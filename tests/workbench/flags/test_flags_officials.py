"""Who counts as an official, and how the unit's register resolves against the graph."""
from __future__ import annotations

import pandas as pd
import pytest

from workbench.flags import match_register, official_agency, officials, read_register


@pytest.mark.parametrize("agency, rank, expected", [
    ("Belize Police Department", None, "Police"),
    (None, "Sgt.", "Police"),
    ("Immigration and Nationality Department", "Immigration Officer", "Immigration"),
    ("Customs and Excise", None, "Customs"),
    ("Department of Labour", "Labour Inspector", "Labour"),
    ("Belize Defence Force", None, "BDF"),
    ("Belize Coast Guard", None, "Coast Guard"),
    ("Belize City Council", "Councillor", "Municipal"),
    ("Ministry of Human Development", None, "Ministry"),
    ("Department of Human Services", "Social Worker", "Human Services"),
    ("Financial Intelligence Unit", "Analyst", "FIU"),
    ("Magistrate's Court", None, "Courts"),
    ("Blue Parrot Bar", "manager", None),
    (None, None, None),
])
def test_official_agency(agency, rank, expected):
    assert official_agency(agency, rank) == expected


def test_officials_from_roles_and_agencies(builder):
    b = builder
    b.person("a", "official", name="Ana")
    b.person("i", "investigator", name="Ian")
    b.person("s", "suspect", name="Sam", agency="Belize Police Department")  # a suspect who is police
    b.person("v", "victim", name="Vic")
    b.person("w", "witness", name="Will", rank="bartender")
    frame = officials(b.G)
    assert set(frame["node"]) == {"Person:a", "Person:i", "Person:s"}
    assert frame.set_index("node").loc["Person:s", "agency_group"] == "Police"


@pytest.fixture
def register_graph(builder):
    b = builder
    b.person("jose", "unknown", name="José Martínez")
    b.person("carl1", "unknown", name="Carlos Reyes")
    b.person("carl2", "unknown", name="Carlos Reyes")
    b.person("tino", "unknown", name="Celestino Bol", aliases=["Tino Bol"])
    return b.G


def test_register_matches_are_applied_listed_or_unmatched(register_graph, tmp_path):
    path = tmp_path / "officials.csv"
    path.write_text("Name,Agency,Rank,Posting,From,To\n"
                    "\"Martinez, Jose\",Immigration,Officer,Benque Viejo,2022-01-01,\n"
                    "Carlos Reyes,Police,Cpl.,Orange Walk,,\n"
                    "Tino Bol,Customs,,Santa Elena,,\n"
                    "Celestin Boll,Customs,,,,\n"
                    "Nobody Here,BDF,,,,\n", encoding="utf-8")
    register = read_register(path)
    matches = match_register(register_graph, register).set_index("name")
    assert matches.loc["Martinez, Jose", ["node", "status", "score"]].tolist() == ["Person:jose", "applied", 100.0]
    assert matches.loc["Carlos Reyes", "status"] == "unsure"  # two people bear the name
    assert matches.loc["Tino Bol", "node"] == "Person:tino"  # through an alias
    assert matches.loc["Celestin Boll", "status"] == "unsure" and matches.loc["Celestin Boll", "score"] < 95
    assert matches.loc["Nobody Here", "status"] == "unmatched"
    frame = officials(register_graph, register=register).set_index("node")
    assert set(frame.index) == {"Person:jose", "Person:tino"}
    assert frame.loc["Person:jose", ["agency", "posting", "source"]].tolist() == ["Immigration", "Benque Viejo", "register"]


def test_register_without_name_column_fails_naming_the_file(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("who,agency\nx,Police\n", encoding="utf-8")
    with pytest.raises(ValueError, match="bad.csv: officials register lacks column"):
        read_register(path)


def test_register_officials_are_flagged_like_graph_officials(register_graph, builder):
    from workbench.flags import complicity_flags

    b = builder
    suspect = b.person("s", "suspect", name="Flaco")
    b.edge("Person:jose", "TIPPED_OFF", suspect)
    register = pd.DataFrame([{"name": "Jose Martinez", "agency": "Immigration"}])
    assert complicity_flags(b.G).flags == []
    report = complicity_flags(b.G, officials=officials(b.G, register=register))
    assert report.flags[0].official == "Person:jose" and report.flags[0].agency == "Immigration"
