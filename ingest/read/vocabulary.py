"""Which of our fields each CSV column probably is, read from the words of its header.

Why: the tables in ``ingest.read.columns`` say which words make a caller, a payee or a wallet;
this module applies them. A term proposes a field for a column, the layout (``mapping``) decides
whether the header as a whole is an export we can read, and the property types (phone, amount,
datetime) decide each value. Words are the header lowercased, accents stripped, split at
anything that is not a letter or digit and at camelCase (``CallingNumber`` -> calling, number).

Decisions: the term with the most slots wins a column ("Payer Wallet" is the sender's wallet
rather than the sender's name); among equal terms the header with fewest other words wins
("Start" over "Start (local)"); then the field listed first, then the column further left. A
column serves one field and a field takes one column. Names given in a mapping file win
outright.

>>> header_words("CallingNumber"), header_words("Duración (hh:mm:ss)")
(('calling', 'number'), ('duracion', 'hh', 'mm', 'ss'))
>>> match_columns(["Payer Wallet", "Payer Name", "Amount (BZD)", "Txn Ref"], "transfers")
{'receipt_id': 3, 'sender_name': 1, 'sender_wallet': 0, 'amount': 2}
"""
from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ingest.read.columns import NEVER, TERMS, VALUES, WORDS

__all__ = ["Vocabulary", "header_words", "load_vocabulary", "match_columns", "norm_name", "value_class"]

Slots = tuple[frozenset[str], ...]
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")


@dataclass(frozen=True)
class Vocabulary:
    """The column tables with their word classes resolved: per kind, per field, its terms as slots."""

    terms: dict[str, dict[str, tuple[Slots, ...]]]
    never: dict[str, dict[str, frozenset[str]]]


def _slots(term: str) -> Slots:
    out = []
    for slot in term.split():
        if slot.isupper():
            if slot not in WORDS:
                raise ValueError(f"ingest.read.columns: unknown word class {slot!r} in term {term!r}")
            out.append(frozenset(WORDS[slot]))
        else:
            out.append(frozenset({slot}))
    return tuple(out)


@functools.cache
def load_vocabulary() -> Vocabulary:
    """The tables of ``ingest.read.columns``, resolved once (a class that does not exist fails)."""
    terms = {kind: {name: tuple(_slots(t) for t in given) for name, given in fields.items()}
             for kind, fields in TERMS.items()}
    never = {kind: {name: frozenset(w for word in words for w in _slots(word)[0]) for name, words in fields.items()}
             for kind, fields in NEVER.items()}
    return Vocabulary(terms=terms, never=never)


def header_words(name: str) -> tuple[str, ...]:
    """A header's words: accents stripped, camelCase split, lowercase, letters and digits only."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return tuple(re.findall(r"[a-z0-9]+", _CAMEL.sub(" ", plain).lower()))


def norm_name(name: str) -> str:
    """A header name as a mapping file gives it: its words joined by underscores."""
    return "_".join(header_words(name))


def _fits(slots: Slots, words: Sequence[str], used: frozenset[int] = frozenset()) -> bool:
    """Each slot takes a different word of the header."""
    if not slots:
        return True
    return any(i not in used and w in slots[0] and _fits(slots[1:], words, used | {i}) for i, w in enumerate(words))


def match_columns(header: Sequence[str], kind: str, given: Mapping[str, Sequence[str]] | None = None,
                  vocabulary: Vocabulary | None = None) -> dict[str, int]:
    """Field -> column index for the columns of ``header`` that ``kind``'s terms (or ``given``
    names, already normalized) recognise."""
    vocab = vocabulary or load_vocabulary()
    words = [header_words(h) for h in header]
    names = [norm_name(h) for h in header]
    candidates = []
    for order, (field, terms) in enumerate(vocab.terms[kind].items()):
        never = vocab.never.get(kind, {}).get(field, frozenset())
        for col, ws in enumerate(words):
            if given and names[col] in (given.get(field) or ()):
                candidates.append((-1000, 0, order, col, field))
                continue
            if never & set(ws):
                continue
            best = max((len(slots) for slots in terms if _fits(slots, ws)), default=0)
            if best:
                candidates.append((-best, len(ws) - best, order, col, field))
    found: dict[str, int] = {}
    for *_, col, field in sorted(candidates):
        if field not in found and col not in found.values():
            found[field] = col
    return found


def value_class(value: str, table: str) -> str | None:
    """The class of ``VALUES[table]`` whose words (or phrase) a value has, first class first.

    >>> value_class("SMS-MO", "kind"), value_class("Missed call", "direction"), value_class("Fax", "kind")
    ('sms', 'in', None)
    >>> value_class("ekyash_export_0233.csv", "providers"), value_class("wu_export_cayo", "providers")
    ('E-Kyash', 'Western Union')
    """
    words = header_words(value)
    for name, phrases in VALUES[table].items():
        for phrase in phrases:
            parts = phrase.split()
            if any(list(words[i:i + len(parts)]) == parts for i in range(len(words) - len(parts) + 1)):
                return name
    return None
