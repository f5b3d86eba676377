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
    ("Ministry of Human Development", None, "Government"),
    ("Department of Human Services", "Social Worker", "Human Services"),
    ("Financial Intelligence Unit", "Analyst", "FIU"),
    ("Magistrate's Court", None, "Judiciary"),
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


# -- one vocabulary of offices (issue 17) ----------------------------------------------------------

def test_every_agency_extraction_gives_is_the_agency_the_flags_read():
    """The drift of issue 17: extraction wrote "Judiciary" and "Government", the flags knew "Courts"
    and "Ministry". Every agency a title or a title word gives reads back as itself."""
    from graph_schema.offices import load_offices

    offices = load_offices()
    given = {t.agency for t in offices.titles} | {t.agency for t in offices.name_titles if t.agency}
    assert given <= {a.name for a in offices.agencies}
    for title in offices.titles:
        assert official_agency(title.agency, title.rank) == title.agency, title


class _Row:
    def __init__(self, left, right, judgement, user):
        self.left, self.right, self.judgement, self.user = (*sorted((left, right)), judgement, user)


def test_register_matches_become_decision_rows_and_analysts_decide(register_graph):
    from workbench.flags.officials import REGISTER_MATCHER, register_decisions, register_id

    register = pd.DataFrame([{"name": "Jose Martinez", "agency": "Immigration"},
                             {"name": "Celestin Boll", "agency": "Customs"}])
    matches = match_register(register_graph, register)
    rows = register_decisions(register_graph, matches)
    assert [(r["left"], r["right"], r["judgement"], r["user"]) for r in rows] == [
        ("register:jose martinez", "jose", "positive", REGISTER_MATCHER),
        ("register:celestin boll", "tino", "unsure", REGISTER_MATCHER)]
    # the matcher's own live rows are not written twice
    live = [_Row(r["left"], r["right"], r["judgement"], r["user"]) for r in rows]
    assert register_decisions(register_graph, matches, live) == []
    # an analyst's negative keeps the person out, a positive applies the match whatever the score
    decided = [_Row(register_id("Jose Martinez"), "jose", "negative", "ana"),
               _Row(register_id("Celestin Boll"), "tino", "positive", "ben")]
    again = match_register(register_graph, register, decisions=decided).set_index("name")
    assert again.loc["Jose Martinez", "status"] == "unmatched"
    assert again.loc["Celestin Boll", ["node", "status", "decided_by"]].tolist() == ["Person:tino", "applied", "ben"]
    assert register_decisions(register_graph, again.reset_index(), decided) == []
