"""Victims and witnesses become "Victim 3", "Witness 1" in every view, export and walkthrough.

Why: a network view or an i2 export travels (to prosecutors, to trainees, into slide decks);
the people it must never expose are the victims and witnesses. Which roles and which fields are
protected is declared in the schema (``Person.yaml``: ``pseudonymize: roles, fields``), not here.

Decisions:

- Who is protected: a person whose role is one the schema names (victims, witnesses); a person
  to whom exploitation is done (the target of RECRUITED, TRANSPORTED or HARBORED: a victim the
  notes also saw arrested, and so read as a suspect, is still a victim); and an ``unknown`` person
  the notes name only by initials or a code ("M.R.", "P. Source", "Witness W-3"), as a witness.
  Officials and investigators never are. A caller may protect more (``also``): a person another
  case protects, whom this one names with no role (:mod:`workbench.protect`).
- Numbering is per role, in order of node id, so the same graph always gives the same
  pseudonyms (ids are deterministic ``make_id`` values, so re-ingesting does not renumber).
  The case's numbering travels with the graphs the workbench projects (``G.graph["protection"]``,
  set by ``workbench.protect``): a neighbourhood or a flag's subgraph then shows the same
  "Victim 3" as the case, its report and ``find``; ``pseudonymize(G, protection=...)`` says so
  explicitly. The table never leaves in an output graph's attributes.
- Names compare folded: accents and letter case ignored ("BELEN RAMIREZ" in a transfer row is
  Belén Ramírez).
- Their identifying numbers (phones, identity documents, accounts; handles and emails, which
  often hold the name) are masked as "[phone of Victim 3]" ("[phone 2 of Victim 3]" for her
  second: one mask per identifier) wherever they are written: a number matches whatever its
  separators ("+503 7078-7668", "7078 7668", "0222-1986-86770"), with or without its country
  code, and as a call record dials it abroad ("0050370787668").
- The caption (``name``) becomes the pseudonym; the other protected fields (``aliases``) are
  dropped. A person's node id stays: it is an opaque hash and every evidence link hangs on it.
  An identifier's id is its number ("Phone:+50370787668"), so a protected person's phones,
  documents, accounts, handles and emails get a masked id and key in the copy
  ("Phone:[phone of Victim 3]", :func:`masked_ids`); every id written in an attribute (a folded
  link's id, its events' ends, a person-network tie's ``via``) is masked the same way.
- Every free-text attribute of every node and edge, and each evidence ``sentence`` and note, is
  scrubbed: the full name and each alias are replaced (case-insensitive, whole words). A single
  name part ("Maria", "Lopez") is replaced too when it belongs to protected people only; a part
  shared with someone unprotected (a suspect with the victim's surname, common in family-run
  trafficking) is left alone, or the suspect would be mislabelled as the victim. A part with
  digits ("103" of "Person 103") is no name and is never replaced alone.
- Fast enough for every output: the table is built once per graph, the matching is indexed
  (``views.scrub``), and a view of part of a big graph protects only the part it draws
  (:func:`protected_copy` with the whole graph's table).
- ``reveal=True`` is the only way to see real names, and it must be passed explicitly on each
  call; nothing reads a global switch.
"""
from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

import networkx as nx
import phonenumbers

from graph_schema import Schema, load_schema
from graph_schema.node_ids import node_key
from workbench.views.masking import GRAPH_KEY, masked_ids, node_label_of, protected_copy
from workbench.views.scrub import WORD, Pseudonyms, alnum, fold, name_key

__all__ = ["Pseudonyms", "pseudonym_table", "pseudonymize", "protected_copy", "masked_ids", "node_label_of", "protected_people",
           "WITHHELD"]

WITHHELD = "[name withheld]"
_NEVER = frozenset({"official", "investigator"})


@functools.cache
def identifier_masks() -> dict[str, str]:
    """A person's identifiers: label of the node -> what its mask calls it (the schema's
    ``pseudonymize.mask`` of each identifier: "[phone of V-3]")."""
    schema = load_schema()
    return {label: schema.node(label).pseudonymize_mask for label in schema.labels_of_kind("identifier")
            if schema.node(label).pseudonymize_mask}


_CODE_WORDS = frozenset({"witness", "source", "informant", "testigo", "ci", "cw", "cs", "protected"})
# The matching itself (folding, number forms, the indexed scrubber) lives in ``views.scrub``.
_WORD, _fold, _key, _alnum = WORD, fold, name_key, alnum


def _coded(name: Any) -> bool:
    """A name the notes give as initials or a code: "M.R.", "P. Source", "W-3", "Witness A"."""
    words = _WORD.findall(str(name or ""))
    if not words:
        return False
    if any(ch.isdigit() for w in words for ch in w) or all(len(w) == 1 for w in words):
        return True
    return len(words[0]) == 1 or words[0].casefold() in _CODE_WORDS


def _suffered(G: nx.Graph, node: Any) -> bool:
    """Exploitation done to ``node`` by a person or a place: the schema's ``victimizes`` types,
    whose target is a victim whatever else the notes say of them."""
    suffered = load_schema().types_with("victimizes")
    edges = G.in_edges(node, data=True) if G.is_directed() else G.edges(node, data=True)
    for u, v, data in edges:
        other = u if v == node else v
        if data.get("type") in suffered and node_label_of(other, G.nodes[other]) in ("Person", "Organization"):
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
    """(person, identifier's label, its attributes, its node) for each identifier a person is tied
    to, in order of the identifier's id."""
    masks = identifier_masks()
    for person in people:
        others = set(nx.all_neighbors(G, person)) if G.is_directed() else set(G.neighbors(person))
        found = [(str(o), o, node_label_of(o, G.nodes[o]) or "") for o in others]
        for _, other, label in sorted(f for f in found if f[2] in masks):
            yield person, label, G.nodes[other], other


def _number_forms(label: str, data: dict[str, Any], node: Any) -> set[str]:
    """The letters-and-digits forms an identifier may be written in (a phone: with and without
    its country code)."""
    raw = [data.get("number"), data.get("key"), data.get("name"), node_key(str(node))]
    forms = {_alnum(str(r).split(":", 1)[-1]) for r in raw if r not in (None, "")}
    if label == "Phone":
        for text in dict.fromkeys(str(r) for r in raw if r not in (None, "")):  # each written form parsed once
            try:
                parsed = phonenumbers.parse(text, None)
            except phonenumbers.NumberParseException:
                continue
            forms.add(str(parsed.national_number))
            forms.add(f"00{parsed.country_code}{parsed.national_number}")  # as a CDR dials it abroad
    return {f for f in forms if sum(ch.isdigit() for ch in f) >= 5}


def _words_of(G: nx.Graph, skip: Mapping[Any, Any]) -> set[str]:
    """The folded words of the names and aliases of ``G``'s nodes not in ``skip``: one string,
    folded and split in C (ASCII, nearly all of it), not one call per node."""
    texts: list[str] = []
    for node, data in G.nodes(data=True):
        if node not in skip:
            texts.extend(_names(data, ("name", "aliases")))
    text = " ".join(texts)
    return set(_WORD.findall(text.lower()) if text.isascii() else _key(text).split())


def _names(data: dict[str, Any], fields: Iterable[str]) -> list[str]:
    out: list[str] = []
    for f in fields:
        value = data.get(f)
        if value is None or value == "":
            continue
        for v in value if isinstance(value, (list, tuple, set)) else (value,):
            text = str(v).strip() if v is not None else ""
            if text:
                out.append(text)
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


def _numbered(G: nx.Graph, schema: Schema, base: Pseudonyms | None, also: Mapping[Any, str]
              ) -> tuple[dict[Any, tuple[str, dict[str, Any]]], dict[Any, str]]:
    """The protected nodes of ``G`` (with their role and attributes) and their pseudonyms: those
    of ``base`` kept, the others numbered after them, and ``also`` after the graph's own."""
    protected = _protected(G, schema)
    for node in (base.mapping if base is not None else ()):
        if node in G and node not in protected:
            protected[node] = ("", G.nodes[node])
    mapping = _numbering({n: r for n, (r, _) in protected.items()}, base)
    extra = {n: r for n, r in also.items() if n in G and n not in protected}
    if extra:
        mapping |= _numbering(extra, Pseudonyms(mapping=dict(mapping)))
        protected |= {n: (r, G.nodes[n]) for n, r in extra.items()}
    return protected, mapping


def pseudonym_table(G: nx.Graph, schema: Schema | None = None, base: Pseudonyms | None = None,
                    also: Mapping[Any, str] | None = None) -> Pseudonyms:
    """Pseudonyms for the protected people of ``G`` and the scrubber for text about them.

    ``base`` (by default the table ``G`` carries in ``G.graph["protection"]``) is the case's
    table: its pseudonyms, names and numbers are kept, so a part of the case is numbered as the
    whole case is. ``also`` (node -> the role its pseudonym is named after) protects more people
    than ``G`` itself would, numbered after its own: a person another case protects
    (:func:`workbench.protect.carried_over`).

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
    protected, mapping = _numbered(G, schema, base, also or {})
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
                if len(part) >= 3 and part.isalpha():  # a word of the name, not a code's number
                    part_owner[part].add(node)
    unprotected_parts = _words_of(G, protected) if part_owner else set()
    for part, owners in part_owner.items():
        if part in unprotected_parts or part in replacements:
            continue
        replacements[part] = mapping[next(iter(owners))] if len(owners) == 1 else WITHHELD
    numbers = dict(base.numbers) if base is not None else {}
    seen: dict[tuple[Any, str], int] = defaultdict(int)
    masked: set[Any] = set()
    for person, label, data, node in _identifiers(G, sorted(protected, key=str)):
        if node in masked:  # an identifier two protected people share: the first one's mask
            continue
        masked.add(node)
        seen[person, label] += 1
        nth = f" {seen[person, label]}" if seen[person, label] > 1 else ""
        mask = f"[{identifier_masks()[label]}{nth} of {mapping[person]}]"  # one mask per identifier
        for form in _number_forms(label, data, node):
            numbers.setdefault(form, mask)
        if label in ("Handle", "Email"):
            for text in (data.get("name"), node_key(str(node))):
                if text and _key(str(text)):
                    replacements.setdefault(_key(str(text)), mask)
    return Pseudonyms(mapping=mapping, replacements=replacements, numbers=numbers)


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
    return protected_copy(G, table, schema)[0], dict(table.mapping)
