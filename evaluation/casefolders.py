"""Score a hand-written case folder against its expected-outcome file, without a database.

Why: the case folders (``A/`` with ``A-expected.json``, ...) were written by someone who never
saw the workbench, and their expected file says what a correct ingest must do: every file but
the listed ones read, exactly the listed CSV rows rejected, one node per person whatever form
the notes use, phones, plates and accounts tied to their owner, the money, places and relations
found. This module runs the real reading, extraction and resolution (``ingest``) on the folder
and checks each of those, so one report shows where the chain breaks. The expected keys are
documented in the folders' README; the matching rules are in ``evaluation.casefolder_persons`` and
``evaluation.casefolder_links``.

Decisions: a failing file is any ``FileError`` of the run, by its path relative to the folder;
a bad row is a row error (``Extraction.errors``) by file and line. Money compares
``(amount without trailing zeros, currency)`` with BZD where the currency is unknown, as
``evaluation.sample_truth`` does; amounts we found that the file does not list are counted as
false positives but the file leaves out promised wages and seized cash, so read its precision
loosely. Places count only as found or missed (the file is not a full gazetteer).
"""
from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from evaluation.casefolder_links import (IdentifierMatch, RelationMatch, identifier_node, match_identifiers,
                                         match_relations, named_nodes)
from evaluation.casefolder_flags import FlagCheck, check_flags
from evaluation.casefolder_flags import summary as flag_rows
from evaluation.casefolder_persons import PersonMatch, match_persons
from evaluation.errors import Errors
from evaluation.scoring import Score
from graph_schema.types import fold_name
from ingest.resolve import resolve
from ingest.results import Extraction, FileError
from workbench.project import from_records, node_id

if TYPE_CHECKING:
    import networkx as nx
    from spacy.language import Language

__all__ = ["CaseFolderReport", "evaluate_casefolder", "score_casefolder", "summary_rows"]

IDENTIFIER_KINDS = ("phones", "vehicles", "accounts")


@dataclass
class CaseFolderReport:
    """Everything checked for one folder; ``summary_rows`` turns it into a printable table."""

    folder: str
    persons: list[PersonMatch]
    non_persons: list[str]
    roles_right: list[str]
    roles_wrong: list[tuple[str, str, str]]
    identifiers: list[IdentifierMatch]
    relations: list[RelationMatch]
    files_failing: Score
    csv_bad_rows: Score
    money: Score
    places: Score
    stats: dict[str, int] = field(default_factory=dict)
    flags: list[FlagCheck] = field(default_factory=list)

    def status(self, status: str) -> list[str]:
        """Names of the expected persons with this status (exact, split, merged, missing)."""
        return [p.name for p in self.persons if p.status == status]

    @property
    def exact(self) -> list[str]:
        return self.status("exact")

    @property
    def split(self) -> list[str]:
        return self.status("split")

    @property
    def merged(self) -> list[str]:
        return self.status("merged")

    @property
    def missing(self) -> list[str]:
        return self.status("missing")

    def identifier_score(self, kind: str) -> Score:
        """Linked to their owner (tp), tied to someone else (fp), not linked (fn, with the reason)."""
        score = Score()
        for item in (i for i in self.identifiers if i.kind == kind):
            score.add(item.status == "linked", item.status == "wrong", item.status != "linked")
            if item.status != "linked":
                score.misses.append(f"{item.value} ({item.owner}): {item.status}"
                                    + (f" to {', '.join(item.linked_to)}" if item.linked_to else ""))
        return score

    @property
    def relation_score(self) -> Score:
        score = Score()
        for r in self.relations:
            score.add(r.found, 0, not r.found)
            if not r.found:
                score.misses.append(f"{r.subject} {r.type} {r.object}: {r.detail}")
        return score


def read_expected(path: str | Path) -> dict[str, Any]:
    """The expected-outcome file as a dict (one line of error naming the file when it is absent)."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(Errors.V100.format(path=path))
    return dict(json.loads(path.read_text(encoding="utf-8")))


def evaluate_casefolder(folder: str | Path, expected_path: str | Path, nlp: "Language") -> CaseFolderReport:
    """Read, extract and resolve ``folder`` now and score it against ``expected_path``.

    Example: ``summary_rows(evaluate_casefolder("casefolders/A", "casefolders/A-expected.json", build_nlp()))``
    """
    from ingest.extract import extract
    from ingest.read import read_path

    expected = read_expected(expected_path)
    items = list(extract(read_path(folder, case_id=expected.get("case")), nlp))
    return score_casefolder(items, expected, folder=str(folder))


def score_casefolder(items: Iterable[Extraction | FileError], expected: dict[str, Any],
                     folder: str = "") -> CaseFolderReport:
    """Resolve what was read and extracted (``Extraction`` or ``FileError`` items) and score it."""
    items = list(items)
    extractions = [x for x in items if isinstance(x, Extraction)]
    resolution = resolve(extractions)
    G = from_records(resolution.nodes, resolution.rels)
    texts = {x.note.id: x.note.text for x in extractions}
    persons = match_persons(expected.get("persons", {}), resolution.mentions, texts)
    by_name = {p.name: p for p in persons}
    places = named_nodes(G)

    def ends(name: str) -> set[str]:
        if name in by_name:
            return set(by_name[name].nodes)
        phone = identifier_node("phones", name) if name.startswith("+") else None
        if phone:
            return {phone} & set(G)
        return places.get(fold_name(name), set())

    identifiers = match_identifiers({k: expected.get(k, {}) for k in IDENTIFIER_KINDS}, G, ends)
    phones_of: dict[str, set[str]] = {}
    for number, owner in expected.get("phones", {}).items():
        phones_of.setdefault(owner, set()).add(identifier_node("phones", number) or number)
    relations = match_relations(expected.get("relations", []), G, ends, phones_of=phones_of,
                                note_paths={x.note.id: x.note.path for x in extractions})
    right, wrong = _roles(persons, expected.get("roles", {}), G)
    landed = {n for p in persons for n in p.nodes}
    paths = {x.note.id: x.note.path for x in extractions}
    authors = {a.source_key: node_id("Person", a.target_key) for a in resolution.authorship}  # resolution's, after merges
    _, flags = check_flags(G, expected, {p.name: p.nodes for p in persons}, paths, authors)
    return CaseFolderReport(
        folder=folder, persons=persons,
        non_persons=sorted(str(d.get("name")) for n, d in G.nodes(data=True)
                           if d.get("label") == "Person" and n not in landed),
        roles_right=right, roles_wrong=wrong, identifiers=identifiers, relations=relations,
        files_failing=_files(items, expected.get("files_failing", [])),
        csv_bad_rows=_rows(items, expected.get("csv_bad_rows", {})),
        money=_money(G, expected.get("money", [])), places=_places(G, expected.get("places", [])),
        stats=dict(resolution.stats), flags=flags)


def _roles(persons: Sequence[PersonMatch], roles: dict[str, str],
           G: "nx.MultiDiGraph") -> tuple[list[str], list[tuple[str, str, str]]]:
    """Expected persons found as exactly one node: role right, or (name, expected, ours)."""
    right, wrong = [], []
    for p in persons:
        if len(p.nodes) == 1 and p.name in roles:
            got = str(G.nodes[next(iter(p.nodes))].get("role") or "unknown")
            if got == roles[p.name]:
                right.append(p.name)
            else:
                wrong.append((p.name, roles[p.name], got))
    return right, wrong


def _tally(want: set[Any], got: set[Any], show: Any = str) -> Score:
    score = Score(tp=len(want & got), fp=len(got - want), fn=len(want - got))
    score.misses.extend(map(show, sorted(want - got)))
    score.false.extend(map(show, sorted(got - want)))
    return score


def _files(items: Sequence[Extraction | FileError], expected: Iterable[str]) -> Score:
    failed = {x.path: x.message.split("]")[0].lstrip("[") for x in items if isinstance(x, FileError)}
    return _tally(set(expected), set(failed), lambda path: f"{path} ({failed[path]})" if path in failed else path)


def _rows(items: Sequence[Extraction | FileError], expected: dict[str, list[int]]) -> Score:
    ours = {(e.path, e.line): e.message.split("]")[0].lstrip("[") for x in items if isinstance(x, Extraction)
            for e in x.errors if e.line is not None}
    unread = {x.path for x in items if isinstance(x, FileError)}
    want = {(path, line) for path, lines in expected.items() for line in lines}

    def show(row: tuple[str, int]) -> str:
        why = ours.get(row) or ("file not read" if row[0] in unread else "")
        return f"{row[0]}:{row[1]}" + (f" ({why})" if why else "")
    return _tally(want, set(ours), show)


def _amount(value: Any) -> str:
    return (f"{float(value):f}".rstrip("0").rstrip(".")) if value is not None else ""


def _money(G: "nx.MultiDiGraph", expected: Iterable[Sequence[str]]) -> Score:
    got = {(_amount(d.get("amount")), str(d.get("currency") or "BZD")) for _, d in G.nodes(data=True)
           if d.get("label") == "Payment" and d.get("amount") is not None}
    want = {(_amount(amount), str(currency)) for amount, currency in expected}
    return _tally(want, got, " ".join)


def _places(G: "nx.MultiDiGraph", expected: Iterable[str]) -> Score:
    found = named_nodes(G)
    people = named_nodes(G, ("Person",))
    score = Score()
    for place in expected:
        hit = fold_name(place) in found
        score.add(hit, 0, not hit)
        if not hit:
            score.misses.append(place + (" (typed as Person)" if fold_name(place) in people else ""))
    return score


# ---------------------------------------------------------------- printing


def _listing(items: Iterable[Any], limit: int = 10) -> str:
    items = [str(i) for i in items]
    more = f" … (+{len(items) - limit} more)" if len(items) > limit else ""
    return "; ".join(items[:limit]) + more


def _found(score: Score) -> str:
    return f"{score.tp}/{score.tp + score.fn}"


def summary_rows(report: CaseFolderReport) -> list[tuple[str, str, str]]:
    """``(check, value, detail)`` rows for a table: persons, forms, roles, identifiers, relations, files."""
    persons, total = report.persons, len(report.persons)
    forms = [(p, f) for p in persons for f in p.forms]
    landed = sum(bool(p.forms[f]) for p, f in forms)
    reasons = Counter(why.split(":")[0] for p in persons for why in p.why_missed.values())
    rows = [
        ("persons exact", f"{len(report.exact)}/{total}", _listing(report.exact)),
        ("persons split", str(len(report.split)), _listing(f"{p.name} ({len(p.nodes)} nodes)" for p in persons
                                                           if p.status == "split")),
        ("persons merged", str(len(report.merged)), _listing(f"{p.name} + {', '.join(p.merged_with)}"
                                                             for p in persons if p.status == "merged")),
        ("persons missing", str(len(report.missing)), _listing(report.missing)),
        ("surface forms landed", f"{landed}/{len(forms)}",
         f"{sum(len(p.untitled) for p in persons)} only by their bare name (title outside the span)"),
        ("surface forms missed", str(len(forms) - landed), _listing(f"{r}: {n}" for r, n in reasons.most_common())),
        ("extra Person nodes", str(len(report.non_persons)), _listing(report.non_persons, 15)),
        ("roles right", f"{len(report.roles_right)}/{len(report.roles_right) + len(report.roles_wrong)}",
         _listing(f"{n}: {want} -> {got}" for n, want, got in report.roles_wrong)),
    ]
    for kind in IDENTIFIER_KINDS:
        score = report.identifier_score(kind)
        rows.append((f"{kind} linked to owner", _found(score), _listing(score.misses)))
    rel = report.relation_score
    per_type = Counter((r.type, r.found) for r in report.relations)
    types = sorted({r.type for r in report.relations})
    rows += [
        ("relations found", _found(rel), ", ".join(f"{t} {per_type[t, True]}/{per_type[t, True] + per_type[t, False]}"
                                                   for t in types)),
        ("relations missing", str(rel.fn), _listing(rel.misses, 8)),
    ]
    for check, score in (("files failing named", report.files_failing), ("CSV bad rows rejected", report.csv_bad_rows),
                         ("money found", report.money)):
        rows.append((check, _found(score), "; ".join(filter(None, [
            f"missed: {_listing(score.misses)}" if score.misses else "",
            f"extra: {_listing(score.false)}" if score.false else ""]))))
    rows.append(("places found", _found(report.places), _listing(report.places.misses)))
    return rows + flag_rows(report.flags)
