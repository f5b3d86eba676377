"""Victims and witnesses become "Victim 3", "Witness 1" in every view, export and walkthrough.

Why: a network view or an i2 export travels (to prosecutors, to trainees, into slide decks);
the people it must never expose are the victims and witnesses. Which roles and which fields are
protected is declared in the schema (``Person.yaml``: ``pseudonymize: roles, fields``), not here.

Decisions:

- Who is protected: a person whose role is one the schema names (victims, witnesses); a person
  to whom exploitation is done (the target of RECRUITED, TRANSPORTED or HARBORED: a victim the
  notes also saw arrested, and so read as a suspect, is still a victim); and an ``unknown`` person
  the notes name only by initials or a code ("M.R.", "P. Source", "Witness W-3"), as a witness.
  Officials and investigators never are.
- Numbering is per role, in order of node id, so the same graph always gives the same
  pseudonyms (ids are deterministic ``make_id`` values, so re-ingesting does not renumber).
  The case's numbering travels with the graphs the workbench projects (``G.graph["protection"]``,
  set by ``workbench.protect``): a neighbourhood or a flag's subgraph then shows the same
  "Victim 3" as the case, its report and ``find``; ``pseudonymize(G, protection=...)`` says so
  explicitly. The table never leaves in an output graph's attributes.
- Names compare folded: accents and letter case ignored ("BELEN RAMIREZ" in a transfer row is
  Belén Ramírez).
- Their identifying numbers (phones, identity documents, accounts; handles and emails, which
  often hold the name) are masked as "[phone of Victim 3]" wherever they are written: a number
  matches whatever its separators ("+503 7078-7668", "7078 7668", "0222-1986-86770").
- The caption (``name``) becomes the pseudonym; the other protected fields (``aliases``) are
  dropped. The node id stays: it is an opaque hash and every evidence link hangs on it.
- Every free-text attribute of every node and edge, and each evidence ``sentence``, is scrubbed:
  the full name and each alias are replaced (case-insensitive, whole words). A single name part
  ("Maria", "Lopez") is replaced too when it belongs to protected people only; a part shared
  with someone unprotected (a suspect with the victim's surname, common in family-run
  trafficking) is left alone, or the suspect would be mislabelled as the victim.
- ``reveal=True`` is the only way to see real names, and it must be passed explicitly on each
  call; nothing reads a global switch.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
import phonenumbers

from graph_schema import Schema, load_schema

__all__ = ["Pseudonyms", "pseudonym_table", "pseudonymize", "node_label_of", "protected_people", "WITHHELD"]

WITHHELD = "[name withheld]"
#: Where the workbench's projections carry the case's table (see the module docstring).
GRAPH_KEY = "protection"
#: Exploitation done to a person: its target is a victim whatever else the notes say of them.
SUFFERED = frozenset({"RECRUITED", "TRANSPORTED", "HARBORED"})
_NEVER = frozenset({"official", "investigator"})
#: A person's identifiers: label of the node -> what its mask calls it.
IDENTIFIERS = {"Phone": "phone", "IdDocument": "document", "Account": "account", "Handle": "handle",
               "Email": "email"}
_CODE_WORDS = frozenset({"witness", "source", "informant", "testigo", "ci", "cw", "cs", "protected"})
# Attributes that are structure, not free text: never scrubbed.
_STRUCTURAL = frozenset({
    "label", "key", "id", "type", "role", "agency", "rank", "first_seen", "last_seen", "date",
    "at", "method", "note_id", "currency", "channel", "kind", "venue_type", "case_ids", "methods",
    "evidence_ids", "via", "reasons", "pseudonym",
})


def node_label_of(node: Any, data: dict[str, Any]) -> str | None:
    """The schema label of a node: its ``label`` attribute, or the ``Label:`` prefix of its id."""
    label = data.get("label")
    if label:
        return str(label)
    text = str(node)
    return text.split(":", 1)[0] if ":" in text else None


_WORD = re.compile(r"\w+")
# A number as written: digits (a letter or two before, one after) with spaces, dashes, dots,
# slashes or brackets between them; "+" allowed in front. Matched spans are then compared by
# their letters and digits only.
_NUMBER = re.compile(r"(?<![\w+])\+?(?:[A-Za-z]{1,3}[\s-]?)?\d(?:[\s\-./()]{0,2}\d)*[A-Za-z]?(?![\w])")


def _fold(text: str) -> str:
    """Accents stripped and casefolded: "Belén" and "BELEN" are one word."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _key(name: str) -> str:
    """Names compare by their folded words: "Belén  RAMÍREZ" and "belen ramirez" are one key."""
    return " ".join(_fold(w) for w in _WORD.findall(name))


def _alnum(text: str) -> str:
    return "".join(ch for ch in text if ch.isalnum()).upper()


@dataclass(frozen=True)
class Pseudonyms:
    """Who is protected and how to scrub text; built by ``pseudonym_table``.

    ``replacements`` maps a name key (casefolded words joined by one space) to its pseudonym.
    Scrubbing walks the words of a text and replaces the longest run of words that is a key:
    a dictionary lookup per word, where one regex alternation of hundreds of names was ~20x slower.
    """

    mapping: dict[Any, str] = field(default_factory=dict)
    replacements: dict[str, str] = field(default_factory=dict)
    #: An identifier's letters and digits (``"50370787668"``, ``"P8382225"``) -> its mask.
    numbers: dict[str, str] = field(default_factory=dict)

    @functools.cached_property
    def _longest(self) -> int:
        return max((k.count(" ") + 1 for k in self.replacements), default=0)

    @functools.cached_property
    def _first_words(self) -> frozenset[str]:
        return frozenset(k.split(" ", 1)[0] for k in self.replacements)

    def scrub(self, text: Any) -> Any:
        """Replace protected names and mask their numbers inside ``text`` (non-strings unchanged)."""
        if not isinstance(text, str):
            return text
        return self._names(self._numbers(text))

    def _numbers(self, text: str) -> str:
        if not self.numbers or not any(ch.isdigit() for ch in text):
            return text
        return _NUMBER.sub(lambda m: self._mask(m.group(0)), text)

    def _mask(self, span: str) -> str:
        """``span`` masked whole, or the longest runs of its space-separated groups that are a number."""
        whole = self.numbers.get(_alnum(span))
        if whole is not None:
            return whole
        tokens = re.split(r"(\s+)", span)  # groups at even positions, the spaces between at odd ones
        out, i = [], 0
        while i < len(tokens):
            mask = None
            for j in range(len(tokens) - 1, i - 1, -2) if i % 2 == 0 else ():
                mask = self.numbers.get(_alnum("".join(tokens[i:j + 1])))
                if mask is not None:
                    out.append(mask)
                    i = j + 1
                    break
            if mask is None:
                out.append(tokens[i])
                i += 1
        return "".join(out)

    def _names(self, text: str) -> str:
        if not self.replacements:
            return text
        words = list(_WORD.finditer(text))
        folded = [_fold(w.group(0)) for w in words]
        if not self._first_words.intersection(folded):
            return text
        out, last, i = [], 0, 0
        while i < len(words):
            for size in range(min(self._longest, len(words) - i), 0, -1):
                pseudonym = self.replacements.get(" ".join(folded[i:i + size]))
                if pseudonym is not None:
                    out.append(text[last:words[i].start()] + pseudonym)
                    last, i = words[i + size - 1].end(), i + size
                    break
            else:
                i += 1
        return "".join(out) + text[last:]

    def display(self, node: Any, name: Any) -> str:
        """The caption to show for ``node``."""
        return self.mapping.get(node) or self.scrub(str(name if name not in (None, "") else node))


def _coded(name: Any) -> bool:
    """A name the notes give as initials or a code: "M.R.", "P. Source", "W-3", "Witness A"."""
    words = _WORD.findall(str(name or ""))
    if not words:
        return False
    if any(ch.isdigit() for w in words for ch in w) or all(len(w) == 1 for w in words):
        return True
    return len(words[0]) == 1 or words[0].casefold() in _CODE_WORDS


def _suffered(G: nx.Graph, node: Any) -> bool:
    """Exploitation done to ``node`` by a person or a place (see :data:`SUFFERED`)."""
    edges = G.in_edges(node, data=True) if G.is_directed() else G.edges(node, data=True)
    for u, v, data in edges:
        other = u if v == node else v
        if data.get("type") in SUFFERED and node_label_of(other, G.nodes[other]) in ("Person", "Organization"):
            return True
    return False


def protected_people(G: nx.Graph, schema: Schema | None = None) -> dict[Any, str]:
    """Node -> the role its pseudonym is named after, for every protected node of ``G``.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("Person:s", label="Person", name="Carlos Reyes", role="suspect")
    >>> G.add_node("Person:v", label="Person", name="Ana Cruz", role="suspect")  # arrested, yet recruited
    >>> G.add_node("Person:c", label="Person", name="M.R.", role="unknown")
    >>> _ = G.add_edge("Person:s", "Person:v", type="RECRUITED")
    >>> protected_people(G)
    {'Person:v': 'victim', 'Person:c': 'witness'}
    """
    schema = schema or load_schema()
    found: dict[Any, str] = {}
    for node, data in G.nodes(data=True):
        label = node_label_of(node, data) or ""
        spec, role = schema.nodes.get(label), data.get("role")
        if spec is None or not spec.pseudonymize_roles or role in _NEVER:
            continue
        if role in spec.pseudonymize_roles:
            found[node] = str(role)
        elif _suffered(G, node):
            found[node] = "victim"
        elif role in (None, "", "unknown") and _coded(data.get("name")):
            found[node] = "witness"
    return found


def _protected(G: nx.Graph, schema: Schema) -> dict[Any, tuple[str, dict[str, Any]]]:
    return {node: (role, G.nodes[node]) for node, role in protected_people(G, schema).items()}


def _identifiers(G: nx.Graph, people: Iterable[Any]) -> Iterator[tuple[Any, str, dict[str, Any], Any]]:
    """(person, identifier's label, its attributes, its node) for each identifier a person is tied to."""
    for person in people:
        for u, v in (list(G.out_edges(person)) + list(G.in_edges(person))) if G.is_directed() else G.edges(person):
            other = v if u == person else u
            label = node_label_of(other, G.nodes[other]) or ""
            if label in IDENTIFIERS:
                yield person, label, G.nodes[other], other


def _number_forms(label: str, data: dict[str, Any], node: Any) -> set[str]:
    """The letters-and-digits forms an identifier may be written in (a phone: with and without
    its country code)."""
    raw = [data.get("number"), data.get("key"), data.get("name"), str(node).split(":", 1)[-1]]
    forms = {_alnum(str(r).split(":", 1)[-1]) for r in raw if r not in (None, "")}
    if label == "Phone":
        for text in list(raw):
            try:
                parsed = phonenumbers.parse(str(text), None)
            except phonenumbers.NumberParseException:
                continue
            forms.add(str(parsed.national_number))
    return {f for f in forms if sum(ch.isdigit() for ch in f) >= 5}


def _names(data: dict[str, Any], fields: Iterable[str]) -> list[str]:
    out: list[str] = []
    for f in fields:
        value = data.get(f)
        values = value if isinstance(value, (list, tuple, set)) else [value]
        out.extend(str(v).strip() for v in values if v not in (None, "") and str(v).strip())
    return out


def _numbering(protected: Mapping[Any, str], base: Pseudonyms | None) -> dict[Any, str]:
    """Node -> pseudonym: the base table's where it has one, the others numbered after it."""
    mapping = {n: base.mapping[n] for n in protected if base is not None and n in base.mapping}
    counters: dict[str, int] = defaultdict(int)
    for pseudonym in (base.mapping.values() if base is not None else ()):
        role, _, number = pseudonym.rpartition(" ")
        if number.isdigit():
            counters[role.casefold()] = max(counters[role.casefold()], int(number))
    for node in sorted(protected, key=str):
        if node not in mapping:
            role = protected[node]
            counters[role] += 1
            mapping[node] = f"{role.capitalize()} {counters[role]}"
    return mapping


def pseudonym_table(G: nx.Graph, schema: Schema | None = None, base: Pseudonyms | None = None) -> Pseudonyms:
    """Pseudonyms for the protected people of ``G`` and the scrubber for text about them.

    ``base`` (by default the table ``G`` carries in ``G.graph["protection"]``) is the case's
    table: its pseudonyms, names and numbers are kept, so a part of the case is numbered as the
    whole case is.

    >>> G = nx.Graph()
    >>> G.add_node("Person:b", label="Person", name="Ana Cruz", role="victim")
    >>> G.add_node("Person:a", label="Person", name="Rosa Díaz", role="victim")
    >>> G.add_node("Person:c", label="Person", name="Juan Cruz", role="suspect")
    >>> G.add_node("Phone:+5016221234", label="Phone", name="+5016221234")
    >>> G.add_edge("Person:a", "Phone:+5016221234", type="USES_PHONE")
    >>> t = pseudonym_table(G)
    >>> t.mapping
    {'Person:a': 'Victim 1', 'Person:b': 'Victim 2'}
    >>> t.scrub("Juan Cruz drove Ana Cruz and ROSA DIAZ (622-1234) to Orange Walk.")
    'Juan Cruz drove Victim 2 and Victim 1 ([phone of Victim 1]) to Orange Walk.'
    >>> pseudonym_table(G.subgraph(["Person:b"]), base=t).mapping
    {'Person:b': 'Victim 2'}
    """
    schema = schema or load_schema()
    carried = G.graph.get(GRAPH_KEY)
    base = base if base is not None else carried if isinstance(carried, Pseudonyms) else None
    protected = _protected(G, schema)
    for node in (base.mapping if base is not None else ()):
        if node in G and node not in protected:
            protected[node] = ("", G.nodes[node])
    mapping = _numbering({n: r for n, (r, _) in protected.items()}, base)
    replacements = dict(base.replacements) if base is not None else {}
    part_owner: dict[str, set[Any]] = defaultdict(set)
    for node in sorted(protected, key=str):
        if base is not None and node in base.mapping:  # the case's table already says how to scrub it
            continue
        data = protected[node][1]
        spec = schema.nodes[node_label_of(node, data) or ""]
        for name in _names(data, spec.pseudonymize_fields):
            if _key(name):
                replacements.setdefault(_key(name), mapping[node])
            for part in _key(name).split():
                if len(part) >= 3:
                    part_owner[part].add(node)
    unprotected_parts = {
        part
        for node, data in G.nodes(data=True) if node not in protected
        for part in _key(" ".join(_names(data, ("name", "aliases")))).split()
    }
    for part, owners in part_owner.items():
        if part in unprotected_parts or part in replacements:
            continue
        replacements[part] = mapping[next(iter(owners))] if len(owners) == 1 else WITHHELD
    numbers = dict(base.numbers) if base is not None else {}
    for person, label, data, node in _identifiers(G, sorted(protected, key=str)):
        mask = f"[{IDENTIFIERS[label]} of {mapping[person]}]"
        for form in _number_forms(label, data, node):
            numbers.setdefault(form, mask)
        if label in ("Handle", "Email"):
            for text in (data.get("name"), str(node).split(":", 1)[-1]):
                if text and _key(str(text)):
                    replacements.setdefault(_key(str(text)), mask)
    return Pseudonyms(mapping=mapping, replacements=replacements, numbers=numbers)


def _scrub_value(key: str, value: Any, scrub: Callable[[Any], Any]) -> Any:
    if key in _STRUCTURAL:
        return value
    if isinstance(value, str):
        return scrub(value)
    if key == "evidence" and isinstance(value, list):
        return [{**e, "sentence": scrub(e.get("sentence"))} if isinstance(e, dict) else scrub(e) for e in value]
    if isinstance(value, list):
        return [scrub(v) for v in value]
    return value


def pseudonymize(G: nx.Graph, reveal: bool = False, schema: Schema | None = None,
                 protection: Pseudonyms | None = None) -> tuple[nx.Graph, dict[Any, str]]:
    """A copy of ``G`` with victims and witnesses pseudonymized, and the node -> pseudonym map.

    With ``reveal=True`` returns ``G`` itself (not copied) and an empty map: the caller asked
    for the real names, explicitly. ``protection`` is the case's table (see
    :func:`pseudonym_table`'s ``base``); by default the one ``G`` carries, if any. The copy
    carries no table: its attributes hold no real name.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("Person:v", label="Person", name="Maria Lopez", aliases=["Mari"], role="victim")
    >>> G.add_node("Person:s", label="Person", name="Carlos Reyes", role="suspect")
    >>> _ = G.add_edge("Person:s", "Person:v", type="RECRUITED", evidence=[
    ...     {"note_id": "n1", "sentence": "Carlos Reyes recruited Mari in Corozal."}])
    >>> H, mapping = pseudonymize(G)
    >>> H.nodes["Person:v"]["name"], "aliases" in H.nodes["Person:v"], mapping
    ('Victim 1', False, {'Person:v': 'Victim 1'})
    >>> next(iter(H.edges(data=True)))[2]["evidence"][0]["sentence"]
    'Carlos Reyes recruited Victim 1 in Corozal.'
    >>> G.nodes["Person:v"]["name"]
    'Maria Lopez'
    """
    if reveal:
        return G, {}
    schema = schema or load_schema()
    table = pseudonym_table(G, schema, base=protection)
    H = G.__class__()
    H.graph.update({k: v for k, v in G.graph.items() if k != GRAPH_KEY})
    for node, data in G.nodes(data=True):
        new = {k: _scrub_value(k, v, table.scrub) for k, v in data.items()}
        if node in table.mapping:
            spec = schema.nodes[node_label_of(node, data) or ""]
            for f in spec.pseudonymize_fields:
                new.pop(f, None)
            new[spec.caption if spec.caption != spec.key else "name"] = table.mapping[node]
            new["name"] = table.mapping[node]
            new["pseudonym"] = True
        H.add_node(node, **new)
    if G.is_multigraph():
        for u, v, k, data in G.edges(keys=True, data=True):
            H.add_edge(u, v, key=k, **{a: _scrub_value(a, b, table.scrub) for a, b in data.items()})
    else:
        for u, v, data in G.edges(data=True):
            H.add_edge(u, v, **{a: _scrub_value(a, b, table.scrub) for a, b in data.items()})
    return H, dict(table.mapping)
