"""Calls before an operation: one CDR row and one operation each, with the near misses."""
from __future__ import annotations

import pytest

from workbench.flags import complicity_flags


@pytest.fixture
def raid(builder):
    """A bar owner who harbours a victim, an immigration officer, their phones, and Op LUNA at 22:15."""
    b = builder
    owner = b.person("chino", "unknown", name="Chino")
    b.edge(owner, "HARBORED", b.person("v", "victim"))
    official = b.person("io", "official", name="IO Cocom", agency="Immigration")
    p_owner, p_official = b.node("Phone", "+5016224187"), b.node("Phone", "+5016672054")
    b.edge(owner, "USES_PHONE", p_owner)
    b.edge(official, "OWNS", p_official, sentence="+501 667 2054 is registered to COCOM LESTER.")
    op = b.node("Operation", "luna", name="Op LUNA", kind="raid", at="2024-03-22T22:15")
    bar = b.node("Organization", "bar", name="Bar Luna Maya", kind="venue")
    b.edge(op, "TARGETED", bar, sentence="Briefing 20:30 hrs. Move 21:30. H-hour 22:15.")
    return b, owner, official, p_owner, p_official, op


def test_a_call_37_minutes_before_the_raid_is_flagged(raid):
    b, owner, official, p_owner, p_official, _ = raid
    b.call(p_official, p_owner, "c1", at="2024-03-22T21:38:12")
    result = complicity_flags(b.G).flag(official).result("call_before_operation")
    assert result.count == 1 and result.records[0]["minutes_before"] == 36
    assert result.reasons[0].text.startswith("call to Chino (exploitation core: harboured a victim) at "
                                             "2024-03-22 21:38, 36 min before Op LUNA (raid, 2024-03-22 22:15)")
    assert "Briefing 20:30 hrs. Move 21:30. H-hour 22:15." in {e.sentence for e in result.evidence}
    assert "+501 667 2054 is registered to COCOM LESTER." in {e.sentence for e in result.evidence}


def test_the_calls_that_follow_to_the_rest_of_the_core_are_told(raid):
    b, owner, official, p_owner, p_official, _ = raid
    harbourer = b.person("chepa", "unknown", name="Dona Chepa")
    b.edge(harbourer, "HARBORED", b.person("v2", "victim"))
    p_chepa = b.node("Phone", "+5016603318")
    b.edge(harbourer, "USES_PHONE", p_chepa)
    b.call(p_official, p_owner, "c1", at="2024-03-22T21:38:12")
    b.call(p_owner, p_chepa, "c2", at="2024-03-22T21:39:40")
    text = complicity_flags(b.G).flag(official).result("call_before_operation").reasons[0].text
    assert "then Chino called Dona Chepa within 15 min" in text


@pytest.mark.parametrize("at", ["2024-03-22T22:40:00", "2024-03-22T19:30:00", "2024-03-21T21:38:00", "2024-03-22"])
def test_a_call_after_the_operation_or_outside_the_window_is_no_tip_off(raid, at):
    b, _, official, p_owner, p_official, _ = raid
    b.call(p_official, p_owner, "c1", at=at)
    flag = complicity_flags(b.G).flag(official)
    assert flag is not None and flag.rules[0] == "calls"  # contact with the core, but no tip-off pattern
    assert flag.result("call_before_operation") is None


def test_the_window_is_a_parameter(raid):
    b, _, official, p_owner, p_official, _ = raid
    b.call(p_official, p_owner, "c1", at="2024-03-22T21:38:12")
    narrow = complicity_flags(b.G, params={"call_window_minutes": 30}).flag(official)
    assert narrow.result("call_before_operation") is None


def test_without_an_operation_time_the_rule_is_a_no_op(builder):
    b = builder
    owner, official = b.person("chino", "unknown", name="Chino"), b.person("io", "official", agency="Immigration")
    b.edge(owner, "HARBORED", b.person("v", "victim"))
    p_owner, p_official = b.node("Phone", "+5016224187"), b.node("Phone", "+5016672054")
    b.edge(owner, "USES_PHONE", p_owner)
    b.edge(official, "USES_PHONE", p_official)
    b.call(p_official, p_owner, "c1", at="2024-03-22T21:38:12")
    b.node("Operation", "undated", name="Op X", kind="raid", date="2024-03-22")  # no time of day
    assert complicity_flags(b.G).flag(official).result("call_before_operation") is None
    given = {"operations": [{"at": "2024-03-22T22:15", "name": "Op LUNA", "kind": "raid"}]}
    result = complicity_flags(b.G, params=given).flag(official).result("call_before_operation")
    assert result.records[0]["operation"] == "Op LUNA" and result.records[0]["minutes_before"] == 36


def test_an_investigator_calling_a_suspect_to_arrange_an_interview_is_not_flagged(raid):
    """Near miss: the ATIPU corporal arrested the owner, then calls him to arrange an interview,
    and calls his brother after the raid; neither is a tie, and neither is a tip-off."""
    b, owner, _, p_owner, _, _ = raid
    cpl = b.person("chuc", "investigator", name="Cpl. Chuc", agency="Police", rank="Cpl.")
    p_cpl = b.node("Phone", "+5016000001")
    b.edge(cpl, "USES_PHONE", p_cpl)
    b.edge(cpl, "INVESTIGATED", owner, relation="arrested", date="2024-03-22", first_seen="2024-03-22")
    b.call(p_cpl, p_owner, "c1", at="2024-03-24T09:00:00")
    brother = b.person("elmer", "unknown", name="Elmer")
    b.edge(brother, "TRANSPORTED", b.person("v3", "victim"))
    p_brother = b.node("Phone", "+5016157702")
    b.edge(brother, "USES_PHONE", p_brother)
    b.call(p_cpl, p_brother, "c2", at="2024-03-27T10:00:00")
    assert complicity_flags(b.G).flag(cpl) is None


def test_the_briefing_list_that_puts_the_official_on_the_raid_is_cited(raid):
    b, owner, official, p_owner, p_official, op = raid
    line = "IO Lester Cocom, Immigration Department, Benque Viejo - status of foreign nationals"
    b.edge(official, "ON_OPERATION", op, sentence=line)
    b.edge(b.person("westby", "investigator", name="Insp. Westby"), "ON_OPERATION", op, sentence="Insp. C. Westby - command")
    b.call(p_official, p_owner, "c1", at="2024-03-22T21:38:12")
    result = complicity_flags(b.G).flag(official).result("call_before_operation")
    assert "on the operation's team or briefing (knew its target and time)" in result.reasons[0].text
    cited = {e.sentence for e in result.evidence}
    assert line in cited and "Insp. C. Westby - command" not in cited  # only the official's own line


def test_being_on_the_team_alone_is_no_evidence(raid):
    b, _, official, _, _, op = raid
    b.edge(official, "ON_OPERATION", op, sentence="IO Lester Cocom - status of foreign nationals")
    assert complicity_flags(b.G).flag(official) is None


def test_the_warning_the_notes_describe_after_a_call_is_cited_with_it(raid):
    b, owner, official, p_owner, p_official, _ = raid
    described = b.node("Call", "described", kind="voice", warning="police di come, move di gyal dem")
    b.edge(described, "CALL_TO", owner, sentence="Bout quarter to ten Chino phone ring ... 'police di come'")
    b.call(p_official, p_owner, "c1", at="2024-03-22T21:38:12")
    result = complicity_flags(b.G).flag(official).result("call_before_operation")
    assert result.count == 1 and "warning that the police were coming" in result.reasons[0].text
    assert "Bout quarter to ten Chino phone ring ... 'police di come'" in {e.sentence for e in result.evidence}
