"""Match a case folder's expected persons, by every surface form, onto the resolved mentions.

Why not ``workbench.sample_check.person_matches``: that one matches true people to nodes by
folded full name, which fits the generated sample's ground truth (one name per person). A case
folder's expected file lists *every surface form* the notes use ("GUERRA, Marcos Antonio",
"Chino", "don Marcos"), so people are matched through the raw mentions: which node did each
form land on, and why did the others land nowhere?

Decisions:

- A form lands where a Person mention with exactly that text (case-sensitive) was resolved.
  A titled form ("Sgt. Hilberto Sosa", "IO Lester Cocom", "PC 2290 Gentle") also lands where
  a Person mention of its bare name sits at the end of an occurrence of the form: the
  extractor keeps the title as ``rank``, outside the span, and that is the form extracted.
  A title is what ``ingest.names.parse_name`` strips or a rank-shaped prefix (capitals,
  abbreviations, badge numbers; not initials). Such forms are counted apart
  (``PersonMatch.untitled``).
- Status, exclusive so the counts add up: ``missing`` (no form landed), ``merged`` (a node
  shared with another expected person), ``split`` (several nodes), else ``exact``. Forms
  that never landed do not change the status; they are listed with a reason.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from graph_schema.records import Mention
from ingest.names import parse_name
from workbench.project import node_id

__all__ = ["PersonMatch", "Resolved", "match_persons"]

Resolved = tuple[Mention, str, str]  # a mention and its entity's (label, key), as in Resolution.mentions
_RANK = re.compile(r"(?:(?:[A-Z]{2,4}|[A-Z][a-z]{1,4}\.|[A-Za-z]+/[A-Za-z]+\.?|\d+)\s+)+")


@dataclass
class PersonMatch:
    """One expected person: the nodes each surface form landed on, and why the others did not."""

    name: str
    forms: dict[str, frozenset[str]]
    untitled: frozenset[str] = frozenset()
    why_missed: dict[str, str] = field(default_factory=dict)
    merged_with: tuple[str, ...] = ()

    @property
    def nodes(self) -> frozenset[str]:
        return frozenset().union(*self.forms.values())

    @property
    def status(self) -> str:
        if not self.nodes:
            return "missing"
        if self.merged_with:
            return "merged"
        return "split" if len(self.nodes) > 1 else "exact"


def match_persons(persons: Mapping[str, Iterable[str]], mentions: Iterable[Resolved],
                  texts: Mapping[str, str]) -> list[PersonMatch]:
    """Where every expected person's surface forms landed (``texts``: note id -> note text).

    >>> from graph_schema.records import Mention
    >>> text = "Sgt. Ana Cruz came."
    >>> m = Mention("n1", "Person", "Ana Cruz", 5, 13, text, "test")
    >>> [(p.status, sorted(p.untitled)) for p in match_persons({"Ana Cruz": ["Sgt. Ana Cruz"]},
    ...                                                       [(m, "Person", "k1")], {"n1": text})]
    [('exact', ['Sgt. Ana Cruz'])]
    """
    by_text: dict[str, list[Resolved]] = defaultdict(list)
    by_note: dict[str, list[Mention]] = defaultdict(list)
    for item in mentions:
        by_text[item[0].text].append(item)
        by_note[item[0].note_id].append(item[0])
    matches = []
    for name, forms in persons.items():
        match = PersonMatch(name, {})
        untitled = set()
        for form in forms:
            nodes, bare = _landed(form, by_text, texts)
            match.forms[form] = frozenset(nodes)
            if bare:
                untitled.add(form)
            elif not nodes:
                match.why_missed[form] = _why_missed(form, by_text, by_note, texts)
        match.untitled = frozenset(untitled)
        matches.append(match)
    owners: dict[str, set[str]] = defaultdict(set)
    for match in matches:
        for node in match.nodes:
            owners[node].add(match.name)
    for match in matches:
        match.merged_with = tuple(sorted({o for n in match.nodes for o in owners[n]} - {match.name}))
    return matches


def _landed(form: str, by_text: Mapping[str, list[Resolved]], texts: Mapping[str, str]) -> tuple[set[str], bool]:
    """The Person nodes a form landed on, and whether only its bare (untitled) name did."""
    nodes = {node_id(label, key) for _, label, key in by_text.get(form, ()) if label == "Person"}
    if nodes:
        return nodes, False
    for cut in (i + 1 for i, ch in enumerate(form) if ch.isspace()):
        bare = form[cut:]
        if bare and _is_title(form[:cut], bare, form):
            nodes |= {node_id(label, key) for m, label, key in by_text.get(bare, ())
                      if label == "Person" and texts.get(m.note_id, "")[max(m.end - len(form), 0):m.end] == form}
    return nodes, bool(nodes)


def _is_title(prefix: str, bare: str, form: str) -> bool:
    """Whether ``prefix`` is a title or rank: one ``ingest.names`` strips, or rank-shaped
    ("IO", "L/Cpl.", "Sgta.", "PC 2290": capitals, abbreviations, badge numbers).

    >>> _is_title("IO ", "Lester Cocom", "IO Lester Cocom"), _is_title("M. A. ", "Guerra", "M. A. Guerra")
    (True, False)
    """
    return parse_name(form).name == bare or _RANK.fullmatch(prefix) is not None


def _why_missed(form: str, by_text: Mapping[str, list[Resolved]], by_note: Mapping[str, list[Mention]],
                texts: Mapping[str, str]) -> str:
    """One short reason: typed as another label, partly extracted, not extracted, only ever
    inside a longer mention (a first name inside the full name), or in no note read."""
    labels = sorted({label for _, label, _ in by_text.get(form, ())})
    if labels:
        return f"typed as {'/'.join(labels)}"
    pattern = re.compile(r"(?<!\w)" + re.escape(form) + r"(?!\w)")
    alone: list[list[Mention]] = []
    inside: set[str] = set()
    for note, text in texts.items():
        for hit in pattern.finditer(text):
            i, j = hit.span()
            over = [m for m in by_note.get(note, ()) if m.start < j and m.end > i]
            longer = [m for m in over if m.start <= i and m.end >= j and m.end - m.start > j - i]
            if longer:
                inside.update(m.text.strip() for m in longer)
            else:
                alone.append(over)
    if alone:
        parts = sorted({(m.label, m.text.strip()) for over in alone for m in over})
        if parts:
            return "partly: " + ", ".join(f"{label} {text!r}" for label, text in parts[:3])
        return "not extracted"
    if inside:
        return "only inside longer mentions: " + ", ".join(repr(t) for t in sorted(inside)[:3])
    return "not in any note read"
