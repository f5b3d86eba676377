"""The model's attribute_ruler matched by looking its rules up, not by a Matcher.

Why: the English model's attribute_ruler holds some 180 rules, nearly all of one token ("TAG
NN", "TAG VBZ and LOWER gets", "IS_SPACE") and the rest of two ("gon na", "let 's"), and spaCy's
``Matcher`` tries every rule at every token (and makes a Token per word): measured, it cost as
much as the parser (1.0 s of 9.5 for the bench's 300 notes). Here each rule is filed under an
exact value its first token asks for (a lower form, a tag, a dependency, the space flag), so a
token is checked only against the few rules that can start at it, and what those rules ask of
a token is answered once per distinct token (its lower form, tag, dependency and space flag).
The matches are the same set and come out in the ruler's own order (sorted by rule number, as
``AttributeRuler.match`` sorts them), so ``set_annotations`` does exactly what it did.

Decision: only ``AttributeRuler.match`` is replaced, on the one ruler instance ``build_nlp``
made; the ruler's patterns, serialization and error handling are spaCy's. Rules this index does
not read (an operator such as "OP", another attribute, a target index outside the rule) stay in
a ``Matcher`` of their own, which runs only when there are any. The index is built again when
the ruler's rules change (``add``, ``clear``).
"""
from __future__ import annotations

import re
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc

__all__ = ["IndexedRules", "index_attribute_ruler"]

_COLUMNS = {"LOWER": 0, "TAG": 1, "DEP": 2, "IS_SPACE": 3}  # columns of the token array read per doc
_ANCHORS = ("LOWER", "TAG", "DEP")  # the value a rule is filed under, the most telling first
#: Tokens' (lower, tag, dep, space) values remembered with the rules that can start at them:
#: words repeat from note to note, and that depends on these four values alone. Emptied when full.
_MAX_ROWS = 20_000

Row = tuple[int, int, int, int]
Check = tuple[int, str, Any]  # (column, "==" / "IN" / "NOT_IN" / "REGEX", value)


def index_attribute_ruler(nlp: Language) -> None:
    """Give the pipeline's attribute_ruler (if any) the indexed ``match``."""
    if "attribute_ruler" in nlp.pipe_names:
        ruler: Any = nlp.get_pipe("attribute_ruler")
        if hasattr(ruler, "matcher") and hasattr(ruler, "attrs") and hasattr(ruler, "indices"):
            ruler.match = IndexedRules(ruler)


class IndexedRules:
    """``AttributeRuler.match`` for one ruler: the same sorted (rule, key, start, end) list."""

    def __init__(self, ruler: Any) -> None:
        self.ruler = ruler
        self.strings = ruler.vocab.strings
        self._built_for: tuple[int, int] | None = None
        self._rows: dict[Row, tuple[tuple[int, int, tuple[tuple[Check, ...], ...]], ...]] = {}

    def __call__(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        self._index()
        found: set[tuple[int, int, int, int]] = set()
        rows: list[Row] = list(map(tuple, doc.to_array([LOWER, TAG, DEP, IS_SPACE]).tolist()))
        length, known = len(rows), self._rows
        for i, row in enumerate(rows):
            starts = known.get(row)
            if starts is None:
                if len(known) >= _MAX_ROWS:
                    known.clear()
                starts = known[row] = self._starting_at(row)
            for number, key, after in starts:
                end = i + 1 + len(after)
                if end <= length and all(self._fits(rows[i + 1 + k], checks) for k, checks in enumerate(after)):
                    found.add((number, key, i, end))
        if self.rest is not None:
            found.update((int(self.strings[key]), key, start, end)
                         for key, start, end in self.rest(doc, allow_missing=True))
        return sorted(found)

    def _starting_at(self, row: Row) -> tuple[tuple[int, int, tuple[tuple[Check, ...], ...]], ...]:
        """The rules whose first token a token of these values fits, each with its later tokens' checks."""
        lower, tag, dep, space = row
        candidates = [item for anchor, table in zip((lower, tag, dep), self.filed) for item in table.get(anchor, ())]
        candidates += [*(self.spaces if space else ()), *self.unfiled]
        return tuple((number, key, checks[1:]) for number, key, checks in candidates if self._fits(row, checks[0]))

    def _fits(self, row: Row, checks: tuple[Check, ...]) -> bool:
        for column, test, value in checks:
            got = row[column]
            if test == "==":
                if got != value:
                    return False
            elif test == "IN":
                if got not in value:
                    return False
            elif test == "NOT_IN":
                if got in value:
                    return False
            elif not value.search(self.strings[got]):  # REGEX, on the attribute's string as the Matcher reads it
                return False
        return True

    def _index(self) -> None:
        """File each rule under an exact value its first token asks for; the others go to ``rest``."""
        ruler = self.ruler
        built_for = (id(ruler.matcher), len(ruler.attrs))
        if built_for == self._built_for:
            return
        self._rows.clear()
        self.filed: tuple[dict[int, list], ...] = ({}, {}, {})
        self.spaces: list[tuple[int, int, tuple]] = []
        self.unfiled: list[tuple[int, int, tuple]] = []
        rest = Matcher(ruler.vocab)
        for number in range(len(ruler.attrs)):
            key = self.strings.add(str(number))
            patterns = ruler.matcher.get(key)[1] if key in ruler.matcher else []
            checks = [_checks(pattern, self.strings) for pattern in patterns]
            if patterns and all(c is not None and -len(c) <= ruler.indices[number] < len(c) for c in checks):
                for pattern, check in zip(patterns, checks):
                    self._file((number, key, check or ()), pattern[0])
            elif patterns:
                rest.add(key, patterns)
        self.rest = rest if len(rest) else None
        self._built_for = built_for

    def _file(self, item: tuple[int, int, tuple], first: dict[str, Any]) -> None:
        for slot, attr in enumerate(_ANCHORS):
            value = first.get(attr)
            if isinstance(value, str):
                self.filed[slot].setdefault(self.strings.add(value), []).append(item)
                return
            if isinstance(value, dict) and set(value) == {"IN"}:
                for one in {self.strings.add(v) for v in value["IN"]}:
                    self.filed[slot].setdefault(one, []).append(item)
                return
        (self.spaces if first.get("IS_SPACE") is True else self.unfiled).append(item)


def _checks(pattern: list[dict[str, Any]], strings: Any) -> tuple[tuple[Check, ...], ...] | None:
    """A rule as one tuple of (column, test, value) checks per token, or None when it is not one
    this index reads (an operator, another attribute or predicate): such rules stay in a Matcher."""
    if not pattern or not all(pattern):
        return None
    tokens = []
    for token in pattern:
        checks = []
        for attr, value in token.items():
            check = _check(_COLUMNS.get(attr), attr, value, strings)
            if check is None:
                return None
            checks.append(check)
        tokens.append(tuple(checks))
    return tuple(tokens)


def _check(column: int | None, attr: str, value: Any, strings: Any) -> Check | None:
    if column is None:
        return None
    if attr == "IS_SPACE":
        return (column, "==", int(value)) if isinstance(value, bool) else None
    if isinstance(value, str):
        return column, "==", strings.add(value)
    if not (isinstance(value, dict) and len(value) == 1):
        return None
    test, values = next(iter(value.items()))
    if test in {"IN", "NOT_IN"} and isinstance(values, (list, tuple)) and all(isinstance(v, str) for v in values):
        return column, test, frozenset(strings.add(v) for v in values)
    if test == "REGEX" and isinstance(values, str):
        return column, "REGEX", re.compile(values)
    return None
