"""Score extraction on real texts with external gold (the ``gold.jsonl`` format of realtexts).

Why: quality is measured on material nobody on the team wrote, side by side with the bare
statistical model measured in the same run, so a rule that makes real text worse shows at once.
The gold format is a folder of texts plus one JSON line per text (persons with aliases,
officials, organizations, locations, money, phones, relations, official complicity); its
annotation guidelines define what counts.

The scoring follows the set's published rules (not its code): strings are normalized (NFKC,
case-folded, straight quotes, collapsed whitespace, no leading "the " or trailing "'s", no outer
punctuation; money without a leading "over" / "about" / "approximately"); persons count once per
gold person whatever alias was predicted; a string the gold lists as optional is neither credited
nor penalized; relation arguments are mapped to canonical names (persons through aliases,
organizations and places through the acronyms the text defines in parentheses); the symmetric
labels are order-free; complicity is accuracy over the texts.

Our extraction becomes a prediction through one table, ``GOLD_LABELS``: our relationship type
and the gold label it means, with ``FAMILY_LABELS`` for the kinds of RELATED_TO (see
``docs/evaluation.md``).
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx

from evaluation.errors import Errors
from evaluation.scoring import Score
from ingest.results import Extraction

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["FAMILY_LABELS", "GOLD_LABELS", "RealTextReport", "bare_prediction", "evaluate_realtexts", "prediction",
           "read_gold", "score_predictions"]

ENTITY_TYPES = ("persons", "officials", "organizations", "locations", "money", "phones")
SYMMETRIC = {"associate_of", "spouse_of", "sibling_of"}
_PERSON_OBJECT = SYMMETRIC | {"sentenced_by"}

#: Our relationship type -> the gold label it means (subject and object kept in our direction).
GOLD_LABELS: dict[str, str] = {
    "ACTED_WITH": "associate_of",
    "LIVES_AT": "resides_in",
    "NATIVE_OF": "native_of",
    "OPERATES_IN": "operates_in",
    "WORKS_FOR": "works_for",
    "SENTENCED_BY": "sentenced_by",
    "ORDERED_TO_PAY": "ordered_to_pay",
    "ARRESTED_BY": "arrested_by",
}
#: Family ties are one type, RELATED_TO, with the kind in its ``relation`` property: kind -> gold label
#: (other kinds - cousin, son, ... - have no gold label).
FAMILY_LABELS: dict[str, str] = {
    "brother": "sibling_of", "brothers": "sibling_of", "sister": "sibling_of", "sisters": "sibling_of",
    "sibling": "sibling_of", "siblings": "sibling_of", "half-brother": "sibling_of", "half-sister": "sibling_of",
    "wife": "spouse_of", "husband": "spouse_of", "spouse": "spouse_of", "couple": "spouse_of",
    "common-law": "spouse_of",
}
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u00b4": "'",
                         "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"'})
_MONEY_PREFIX = re.compile(r"^(?:over|about|approximately)\s+")
_ACRONYM = re.compile(r"\(([A-Z][A-Za-z\-]{1,11})\)")


def norm(text: Any, money: bool = False) -> str:
    """The comparable form of a gold or predicted string.

    >>> norm("The Smith Ranch's.")
    'smith ranch'
    >>> norm("approximately $1,000", money=True)
    '$1,000'
    """
    if not isinstance(text, str):
        return ""
    s = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text).translate(_QUOTES)).strip().casefold()
    previous = None
    while previous != s:
        previous = s
        s = _strip_punctuation(s).strip()
        s = s[4:].strip() if s.startswith("the ") else s
        s = s[:-2].rstrip() if s.endswith("'s") else s
        s = _MONEY_PREFIX.sub("", s) if money else s
    return s


def _strip_punctuation(s: str) -> str:
    i, j = 0, len(s)
    while i < j and unicodedata.category(s[i]).startswith("P"):
        i += 1
    while j > i and unicodedata.category(s[j - 1]).startswith("P"):
        j -= 1
    return s[i:j]


def text_acronyms(text: str) -> list[tuple[str, str]]:
    """``(long form, acronym)`` for each "Long Form (LF)" whose capitalized initials spell LF."""
    pairs = []
    for match in _ACRONYM.finditer(text):
        letters = re.sub(r"[^A-Za-z]", "", match.group(1)).upper()
        words = text[:match.start()].split("\n")[-1].split()
        for k in range(1, min(12, len(words)) + 1):
            tail = [w.strip(",;:") for w in words[-k:]]
            tail[-1] = re.sub(r"['’]s$", "", tail[-1])
            initials = "".join(w[0] for w in tail if w[:1].isupper() and w.lower() not in {"u.s.", "us", "u.s"})
            if initials.upper() == letters and tail[0][:1].isupper():
                pairs.append((" ".join(tail), match.group(1)))
    return pairs


# ---------------------------------------------------------------- predictions


def prediction(extraction: Extraction) -> dict[str, Any]:
    """Our extraction of one text in the gold's terms (surface strings, gold relation labels)."""
    out: dict[str, Any] = {k: [] for k in ENTITY_TYPES}
    names: dict[str, str] = {}
    for m in extraction.mentions:
        if m.label == "Person":
            out["persons"].append(m.text)
            names[m.id] = m.canonical or m.text
            if m.props.get("role") == "official":
                out["officials"].append(m.text)
        elif m.label == "Organization":
            out["organizations"].append(m.text)
            names[m.id] = m.text
        elif m.label == "Location":
            out["locations"].append(m.text)
            names[m.id] = m.text
        elif m.label == "Payment" and m.props.get("amount") is not None:
            out["money"].append(m.text)
            names[m.id] = m.text
        elif m.label == "Phone":
            out["phones"].append(m.text)
    out["relations"] = sorted({(names[r.source], label, names[r.target]) for r in extraction.relations
                               if (label := _gold_label(r.type, r.props)) and r.source in names and r.target in names})
    out["official_complicity"] = any(r.type == "TIPPED_OFF" for r in extraction.relations)
    return out


def _gold_label(rel_type: str, props: dict[str, Any]) -> str | None:
    """The gold label of one of our relations: by type, and for a family tie by its kind.

    >>> _gold_label("RELATED_TO", {"relation": "brother"}), _gold_label("RELATED_TO", {"relation": "cousin"})
    ('sibling_of', None)
    """
    if rel_type == "RELATED_TO":
        return FAMILY_LABELS.get(str(props.get("relation", "")).lower())
    return GOLD_LABELS.get(rel_type)


_BARE = {"PERSON": "persons", "ORG": "organizations", "GPE": "locations", "LOC": "locations", "MONEY": "money"}


def bare_prediction(doc: Any) -> dict[str, Any]:
    """What the bare statistical model alone predicts: its entities by label, nothing else."""
    out: dict[str, Any] = {k: [] for k in ENTITY_TYPES}
    for ent in doc.ents:
        if ent.label_ in _BARE:
            out[_BARE[ent.label_]].append(ent.text)
    out["relations"], out["official_complicity"] = [], False
    return out


# ---------------------------------------------------------------- scoring


def read_gold(folder: str | Path) -> list[dict[str, Any]]:
    """The gold records of a folder (``gold.jsonl`` beside the texts)."""
    path = Path(folder) / "gold.jsonl"
    if not path.is_file():
        raise FileNotFoundError(Errors.V101.format(path=path))
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@dataclass
class RealTextReport:
    """Scores per type, complicity accuracy, and the errors per text when asked."""

    scores: dict[str, Score] = field(default_factory=dict)
    complicity_right: int = 0
    texts: int = 0

    @property
    def complicity(self) -> float:
        return self.complicity_right / self.texts if self.texts else 0.0


def _people(gold: dict[str, Any]) -> dict[str, str]:
    index: dict[str, str] = {}
    for canonical in gold["persons"]:
        index.setdefault(norm(canonical), norm(canonical))
        for alias in gold.get("aliases", {}).get(canonical, []):
            index.setdefault(norm(alias), norm(canonical))
    return index


def _score_people(score: Score, wanted: set[str], predicted: Iterable[str], index: dict[str, str],
                  optional: set[str], where: str) -> None:
    matched, wrong = set(), set()
    for s in {norm(x) for x in predicted} - {""}:
        if index.get(s) in wanted:
            matched.add(index[s])
        elif s not in optional:
            wrong.add(s)
    _count(score, matched, wrong, wanted - matched, where)


def _count(score: Score, right: set, wrong: set, missed: set, where: str) -> None:
    score.add(len(right), len(wrong), len(missed))
    score.false.extend(f"{where}: {x}" for x in sorted(map(str, wrong)))
    score.misses.extend(f"{where}: {x}" for x in sorted(map(str, missed)))


def _relations(triples: Iterable[Any], people: dict[str, str], acronyms: nx.utils.UnionFind) -> set[tuple]:
    out: set[tuple] = set()
    for triple in triples:
        subject, label, obj = triple
        s = people.get(norm(subject), norm(subject))
        if label in _PERSON_OBJECT:
            o = people.get(norm(obj), norm(obj))
        elif label == "ordered_to_pay":
            o = norm(obj, money=True)
        else:
            o = acronyms[norm(obj)]
        out.add((label, frozenset([s, o])) if label in SYMMETRIC else (label, s, o))
    return out


def score_predictions(predictions: dict[str, dict[str, Any]], gold: list[dict[str, Any]],
                      texts: str | Path) -> RealTextReport:
    """Micro scores over every gold text (a text without a prediction is an empty one)."""
    report = RealTextReport(scores={t: Score() for t in (*ENTITY_TYPES, "relations")})
    for g in gold:
        p, where = predictions.get(g["file"], {}), g["file"]
        optional = {norm(x) for x in g.get("optional", [])}
        people = _people(g)
        _score_people(report.scores["persons"], {norm(x) for x in g["persons"]}, p.get("persons", []), people,
                      optional, where)
        _score_people(report.scores["officials"], {norm(x) for x in g["officials"]}, p.get("officials", []),
                      people, optional, where)
        for kind in ("organizations", "locations", "phones", "money"):
            money = kind == "money"
            want = {norm(x, money) for x in g[kind]}
            got = {norm(x, money) for x in p.get(kind, [])} - {""}
            _count(report.scores[kind], got & want, got - want - {norm(x, money) for x in g.get("optional", [])},
                   want - got, where)
        acronyms = nx.utils.UnionFind()
        text_path = Path(texts) / g["file"]
        if text_path.is_file():
            for long_form, acronym in text_acronyms(text_path.read_text(encoding="utf-8")):
                acronyms.union(norm(long_form), norm(acronym))
        want_rel = _relations(g["relations"], people, acronyms)
        got_rel = _relations(p.get("relations", []), people, acronyms)
        _count(report.scores["relations"], got_rel & want_rel, got_rel - want_rel, want_rel - got_rel, where)
        report.texts += 1
        report.complicity_right += p.get("official_complicity") is g["official_complicity"]
    return report


# ---------------------------------------------------------------- one run, ours and the bare model


def _texts(folder: Path, gold: list[dict[str, Any]]) -> Iterator[tuple[str, str]]:
    for g in gold:
        path = folder / g["file"]
        if not path.is_file():
            raise FileNotFoundError(Errors.V102.format(path=path))
        yield g["file"], path.read_text(encoding="utf-8")


def evaluate_realtexts(folder: str | Path, nlp: "Language", bare: "Language") -> dict[str, RealTextReport]:
    """``{"workbench": report, "bare model": report}`` for one folder, both measured now."""
    from graph_schema.records import Note, make_id
    from ingest.extract import extract

    folder = Path(folder)
    gold = read_gold(folder)
    texts = dict(_texts(folder, gold))
    notes = [Note(id=make_id("realtext", name, text), path=name, text=text, metadata={"region": "US"})
             for name, text in texts.items()]
    ours = {x.note.path: prediction(x) for x in extract(notes, nlp) if isinstance(x, Extraction)}
    theirs = {name: bare_prediction(doc) for name, doc in zip(texts, bare.pipe(texts.values()))}
    return {"workbench": score_predictions(ours, gold, folder), "bare model": score_predictions(theirs, gold, folder)}
