"""Every output of the sample case and of a second case that shares people with it (issue 18.1).

Against the real Neo4j and the real spaCy model: the sample case is ingested and all its outputs
built (``every_output``: views, exports, report, flags); then a second case, BZ-2025-002, written
as the unit writes notes, is ingested beside it. The second case names the sample case's suspect
Carlos Alvarado (a suspect again) and its official Wilmer Funez (paid again), two of its victims
by full name (Keyla Salazar, who gives a statement, and Santa Xix, only seen at a bar), their
phones and identity documents, and victims and a witness of its own.

Who is protected where (the rule the outputs are held to):

- **A case protects its own victims and witnesses** (the schema's roles, and whoever the notes
  recruit, move or harbour), their names and every number the case ties to them.
- **Protection follows a person into another case.** Cases never merge people, so in the second
  case "Santa Xix" is a person of its own, whose role it does not state. A victim of the first
  case whose name the second case gives is still that victim: her name, or a number she is tied
  to, in the second case's outputs is the same leak as in the first case's. So a person a case
  gives no role (none stated, none inferred) whose full name another case protects is protected
  there too, as "Protected 1" (the protection travels, the other case's role does not). A role
  the second case gives of its own stands (suspect, official: a victim who later recruits is
  that case's suspect, and no role travels between cases; ``test_cases_apart`` holds that case).
  Before this rule Santa Xix's name, phone and ID card were in the second case's views, exports,
  walkthrough, report and flags.
- **Outputs of one case do not move when another is ingested**: the sample case's outputs after
  the second ingest equal those before it (timestamps and output paths blanked, nothing else).
  Protection comes first: were the second case to protect someone whom the first names with no
  role, the first case's outputs would change to protect her too. This second case does not.

So every output of both cases built without ``reveal`` (and the cross-case tables) is searched
for the protected people of both: the sample case's victims and witnesses (its ground truth) and
the second case's (its own, and the sample case's victims it names), by name (accents, letter
case and name order ignored) and by document, phone, account number, handle and email (whatever
the separators or country code). None may appear. With ``reveal`` the second case's outputs do
show them: the search finds what it looks for.
"""
from __future__ import annotations

import difflib
import json
import re
from pathlib import Path

import pytest

from tests.workbench.test_outputs_sample import Identifying, every_output
from workbench.api import Workbench
from workbench.demo import ensure_sample_case
from workbench.store.store import Store

pytestmark = pytest.mark.neo4j

SECOND = "BZ-2025-002"
NOTES = {
    "00001_2025-11-03_interview.txt": f"""Case: {SECOND}
Date: 2025-11-03
Author: Sgt. Noe Ortega
Type: interview

On 03/11/2025, I, Sgt. Noe Ortega, conducted an interview with Rosa Chable at Benque Viejo Police Station.

Rosa Chable stated that Carlos Alvarado, known as "Pelón", recruited her in Melchor de Mencos with the promise \
of a job as a waitress and transported her to the Paradise Bar in San Ignacio. Carlos Alvarado harboured Rosa \
Chable at 12 Church Street, San Ignacio. Rosa Chable uses phone +502 5512-3344. Rosa Chable's passport number is \
R7735120.

Santa Xix was seen at the Paradise Bar on 2 November. Santa Xix uses phone +504 9918-3595. Santa Xix's ID card \
number is 0222-1986-86770.
""",
    "00002_2025-11-05_statement.txt": f"""Case: {SECOND}
Date: 2025-11-05
Author: Cpl. Petrona Pech
Type: witness statement

I, Cpl. Petrona Pech, took the following statement from Keyla Salazar.

Keyla Salazar saw Carlos Alvarado at the Paradise Bar with Rosa Chable. Keyla Salazar uses phone +504 8259-8874. \
Keyla Salazar's ID card number is 0157-2004-56813. Carlos Alvarado recruited Maribel Coc in Benque Viejo.

Further action: follow up with WPC Petrona Tzib.
""",
    "00003_2025-11-06_surveillance.txt": f"""Case: {SECOND}
Date: 2025-11-06
Author: WPC Petrona Tzib
Type: surveillance

21:15 hrs - Carlos Alvarado arrived at the Paradise Bar in San Ignacio. Immigration Officer Wilmer Funez met \
Carlos Alvarado at the Paradise Bar. Carlos Alvarado paid Immigration Officer Wilmer Funez BZ$800 in cash at the \
Paradise Bar on 6 November 2025. Carlos Alvarado called +504 8259-8874 at 21:40 hrs. Witness Dario Canche saw \
Carlos Alvarado take Rosa Chable's passport.
""",
}
#: The second case's own protected people and their numbers, in the ground truth's shape.
SECOND_TRUTH = {
    "people": [{"name": "Rosa Chable", "role": "victim"}, {"name": "Maribel Coc", "role": "victim"},
               {"name": "Dario Canche", "role": "witness"}],
    "id_documents": [{"surface": "R7735120", "owner": "Rosa Chable"}],
    "phones": [{"e164": "+50255123344", "owner": "Rosa Chable"}],
    "accounts": [], "handles": [], "emails": [],
}
#: What the second case names of the sample case's victims (checked to be there with ``reveal``).
SHARED = {"Keyla Salazar", "Santa Xix", "+50482598874", "+50499183595", "0157-2004-56813", "0222-1986-86770"}
WALKTHROUGH = """title: The Paradise Bar
steps:
  - title: The recruiter and the bar
    narrative: Carlos Alvarado recruited Rosa Chable and held her at the Paradise Bar; Keyla Salazar saw them.
    entities: [Carlos Alvarado, Rosa Chable, Keyla Salazar, Santa Xix]
    paths: [[Carlos Alvarado, Paradise Bar]]
    highlight: [Carlos Alvarado]
"""
_TIME = re.compile(r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?( ?UTC|Z|[+-]\d{2}:\d{2})?")


class Both:
    """The protected people of both cases: a hit of either finder is a leak."""

    def __init__(self, *finders: Identifying) -> None:
        self.finders = finders

    def found(self, text: str) -> set[str]:
        return set().union(*(f.found(text) for f in self.finders))


def _normalised(texts: dict[str, str], out: Path) -> dict[str, str]:
    """What may differ between two builds of the same outputs blanked: the time, the folder."""
    return {name: _TIME.sub("<time>", text.replace(str(out), "<out>")) for name, text in texts.items()}


def _differences(a: dict[str, str], b: dict[str, str]) -> dict[str, str]:
    return {name: "\n".join(list(difflib.unified_diff(a[name].splitlines(), b.get(name, "").splitlines(),
                                                      lineterm="", n=0))[:20])
            for name in a if a[name] != b.get(name)} | {name: "(new output)" for name in b.keys() - a.keys()}


@pytest.fixture(scope="module")
def cases(neo4j_settings, neo4j_driver, tmp_path_factory):
    """The sample case's outputs before and after the second case's ingest, and the second case's."""
    with neo4j_driver.session(database=neo4j_settings.database) as session:
        session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()
    folder = ensure_sample_case(neo4j_settings.home)
    truth = json.loads((folder / "ground_truth.json").read_text(encoding="utf-8"))
    wb = Workbench(neo4j_settings, Store(neo4j_driver, database=neo4j_settings.database))
    assert not wb.ingest([folder / "notes", folder / "exports"], case_id=truth["case_id"]).failed
    root = tmp_path_factory.mktemp("second-case")
    before = _normalised(every_output(wb, truth["case_id"], root / "before", reveal=False), root / "before")
    second = root / SECOND
    second.mkdir()
    for name, text in NOTES.items():
        (second / name).write_text(text, encoding="utf-8")
    (root / "walk.yaml").write_text(WALKTHROUGH, encoding="utf-8")
    report = wb.ingest([second], case_id=SECOND)
    assert report.ok and not report.failed, report.failed
    after = _normalised(every_output(wb, truth["case_id"], root / "after", reveal=False), root / "after")
    texts = every_output(wb, SECOND, root / "second", reveal=False, walkthrough=root / "walk.yaml")
    texts["cross-case"] = wb.cross_case().to_csv(index=False)
    texts["cross-case links"] = wb.cross_case_links().to_csv(index=False)
    return {"wb": wb, "truth": truth, "before": before, "after": after, "second": texts, "root": root,
            "protected": Both(Identifying(truth), Identifying(SECOND_TRUTH))}


def test_the_second_case_is_there_and_shares_people_with_the_first(cases):
    wb = cases["wb"]
    assert set(wb.cases()) == {cases["truth"]["case_id"], SECOND}
    G = wb.case_graph(SECOND)
    people = {d["name"]: d.get("role") for _, d in G.nodes(data=True) if d.get("label") == "Person"}
    roles = people["Carlos Alvarado"], people["Keyla Salazar"], people["Rosa Chable"]
    assert roles == ("suspect", "witness", "victim"), people
    assert people["Santa Xix"] in (None, "unknown"), people  # a victim of the sample case, no role in this one
    protected = wb.protection(SECOND).mapping
    assert {G.nodes[n]["name"] for n in protected} >= {"Santa Xix", "Keyla Salazar", "Rosa Chable"}, protected
    shared = wb.cross_case(reveal=True)
    names = set(shared.loc[shared["label"] == "Person", "name"])
    assert {"Carlos Alvarado", "Keyla Salazar", "Santa Xix", "Wilmer Funez"} <= names, sorted(names)
    assert {"+50482598874", "+50499183595"} <= set(shared.loc[shared["label"] == "Phone", "name"])


@pytest.mark.parametrize("which", ["before", "after", "second"])
def test_no_output_of_either_case_names_a_protected_person_or_shows_their_numbers(cases, which):
    texts = cases[which]
    assert len(texts) >= 14 and all(len(t) > 100 for t in texts.values())
    leaks = {name: sorted(cases["protected"].found(text)) for name, text in texts.items()}
    assert not {name: found for name, found in leaks.items() if found}


def test_the_sample_case_s_outputs_do_not_change_when_the_second_is_ingested(cases):
    differences = _differences(cases["before"], cases["after"])
    assert not differences, "\n".join(f"{k}:\n{v}" for k, v in differences.items())


def test_with_reveal_the_second_case_s_outputs_show_them(cases):
    root = cases["root"]
    texts = every_output(cases["wb"], SECOND, root / "revealed", reveal=True, walkthrough=root / "walk.yaml")
    found = set().union(*(cases["protected"].found(text) for text in texts.values()))
    wanted = {"Rosa Chable", "Maribel Coc", "Dario Canche", "R7735120", "+50255123344"} | SHARED
    assert wanted <= found, sorted(wanted - found)
