"""Notes read together with records (issue 13): a call the notes describe before a warning of police,
the people an operation order lists on its team, and money between accounts as an FIU summary writes it."""
from tests.ingest.conftest import found, linked


def test_a_call_taken_before_warning_of_police_is_a_call_to_its_receiver(nlp):
    text = ('The barman said the owner of the bar is Marcos "Chino" Guerra.\n'
            'A: "Bout quarter to ten Chino phone ring. Ih gaan outside fi talk. When ih come back ih tell mi '
            '\'police di come, move di gyal dem\'."')
    assert ("CALL_TO", "phone ring", "Chino", "workbench.forewarnings.v1") in linked(nlp, text)
    (call,) = [m for m in found(nlp, text, "Call") if m["method"] == "workbench.forewarnings.v1"]
    assert "police di come" in call["props"]["warning"]


def test_a_call_with_no_warning_after_it_is_no_forewarning(nlp):
    text = "At 21:40 Chino got a call from his mother. He went outside to talk and came back to the bar."
    assert not [m for m in found(nlp, text, "Call") if m["method"] == "workbench.forewarnings.v1"]


def test_the_team_an_operation_order_lists_is_on_the_operation(nlp):
    text = ("Type: Operation order - Op LUNA\n\n3. TIMINGS\nBriefing 20:30 hrs. H-hour 22:15.\n\n4. TEAM\n"
            "- Sgt. N. Marroquín - victims\n- IO Lester Cocom, Immigration Department - foreign nationals\n\n"
            "5. COMMS\nRadio channel 4.")
    team = {r[1] for r in linked(nlp, text) if r[0] == "ON_OPERATION"}
    assert team == {"N. Marroquín", "Lester Cocom"}


def test_people_named_outside_the_team_section_are_not_on_it(nlp):
    text = ("Type: Operation order - Op LUNA\n\n1. SITUATION\nPassports are kept by the licensee Marcos Antonio Guerra.\n\n"
            "3. TIMINGS\nH-hour 22:15.")
    assert not [r for r in linked(nlp, text) if r[0] == "ON_OPERATION"]


def test_a_standing_order_goes_from_the_account_before_the_amount_to_the_one_after(nlp):
    text = ("- Heritage Bank current account 21-0044173, Herradura Enterprises Ltd (signatories K. Chen Wu): standing "
            "order of BZ$2,000.00 on the 1st of every month to Atlantic Bank savings account 0450-118827 in the name "
            "of Glenda Cruz.")
    relations = {r[:3] for r in linked(nlp, text)}
    assert ("HOLDS_ACCOUNT", "Herradura Enterprises Ltd", "21-0044173") in relations
    assert ("PAID", "21-0044173", "BZ$2,000.00") in relations and ("PAID_TO", "BZ$2,000.00", "0450-118827") in relations


def test_an_account_balance_is_no_transfer(nlp):
    text = "- Heritage Bank current account 21-0044173: balance of BZ$2,000.00 on 01/04/2024; savings account 0450-118827 closed."
    assert not [r for r in linked(nlp, text) if r[0] in ("PAID", "PAID_TO")]


def test_the_exhibit_list_says_which_number_a_seized_handset_is(nlp):
    text = ("Exhibits seized:\nHB-04 Samsung phone of ZELAYA CACERES, 627-4410\nHB-07 van OW-C-11390 with key 633-1150\n"
            "She gave me her phone, a Samsung A14, number 664-0719, for the messages (exhibit JR-01).")
    exhibits = {m["text"]: m["props"].get("exhibit") for m in found(nlp, text, "Phone")}
    assert exhibits["627-4410"] == "HB-04" and exhibits["664-0719"] == "JR-01"
    assert exhibits.get("633-1150") is None  # a van is no handset


def test_a_savings_or_current_account_after_its_bank_and_its_signatories(nlp):
    from tests.ingest.conftest import linked as links
    text = ('- Atlantic Bank savings 1020-44391-8, Marcos Antonio Guerra: cash deposits every Saturday.\n'
            '- Heritage Bank current 0311-00-2271, "Luna Maya Bar & Grill", sole signatory M. A. Guerra: card sales.\n')
    held = {(s, o) for t, s, o, _ in links(nlp, text) if t == "HOLDS_ACCOUNT"}
    assert {("Marcos Antonio Guerra", "1020-44391-8"), ("Luna Maya Bar & Grill", "0311-00-2271"),
            ("M. A. Guerra", "0311-00-2271")} <= held
    near = "He saved 200 dollars in current 2024 prices, said Ana Pop."  # no account
    assert not [t for t, *_ in links(nlp, near) if t == "HOLDS_ACCOUNT"]


def test_each_signatory_holds_the_account_and_no_one_after_them(nlp):
    from tests.ingest.conftest import linked as links
    text = ("Heritage Bank current account 21-0044173, Herradura Enterprises Ltd (signatories K. Chen Wu and "
            "G. Cruz), opened by Ana Pop.")
    held = {s for t, s, o, _ in links(nlp, text) if t == "HOLDS_ACCOUNT"}
    assert {"Herradura Enterprises Ltd", "K. Chen Wu", "G. Cruz"} <= held and "Ana Pop" not in held
