"""Victims and witnesses become "Victim 3", "Witness 1" in every view, export and walkthrough.

Why: a network view or an i2 export travels (to prosecutors, to trainees, into slide decks);
the people it must never expose are the victims and witnesses. Which roles and which fields are
protected is declared in the schema (``Person.yaml``: ``pseudonymize: roles, fields``), not here.

Decisions:

- Numbering is per role, in order of node id, so the same graph always gives the same
  pseudonyms (ids are deterministic ``make_id`` values, so re-ingesting does not renumber).
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
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

import networkx as nx

from graph_schema import Schema, load_schema

__all__ = ["Pseudonyms", "pseudonym_table", "pseudonymize", "node_label_of", "WITHHELD"]

WITHHELD = "[name withheld]"
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


def _key(name: str) -> str:
    """Names compare by their casefolded words: "Maria  LOPEZ" and "maria lopez" are one key."""
    return " ".join(_WORD.findall(name.casefold()))


@dataclass(frozen=True)
class Pseudonyms:
    """Who is protected and how to scrub text; built by ``pseudonym_table``.

    ``replacements`` maps a name key (casefolded words joined by one space) to its pseudonym.
    Scrubbing walks the words of a text and replaces the longest run of words that is a key:
    a dictionary lookup per word, where one regex alternation of hundreds of names was ~20x slower.
    """

    mapping: dict[Any, str] = field(default_factory=dict)
    replacements: dict[str, str] = field(default_factory=dict)

    @functools.cached_property
    def _longest(self) -> int:
        return max((k.count(" ") + 1 for k in self.replacements), default=0)

    @functools.cached_property
    def _first_words(self) -> frozenset[str]:
        return frozenset(k.split(" ", 1)[0] for k in self.replacements)

    def scrub(self, text: Any) -> Any:
        """Replace protected names inside ``text`` (non-strings are returned unchanged)."""
        if not isinstance(text, str) or not self.replacements:
            return text
        words = list(_WORD.finditer(text))
        folded = [w.group(0).casefold() for w in words]
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


def _protected(G: nx.Graph, schema: Schema) -> dict[Any, tuple[str, dict[str, Any]]]:
    found = {}
    for node, data in G.nodes(data=True):
        spec = schema.nodes.get(node_label_of(node, data) or "")
        if spec is not None and data.get("role") in spec.pseudonymize_roles:
            found[node] = (str(data["role"]), data)
    return found


def _names(data: dict[str, Any], fields: Iterable[str]) -> list[str]:
    out: list[str] = []
    for f in fields:
        value = data.get(f)
        values = value if isinstance(value, (list, tuple, set)) else [value]
        out.extend(str(v).strip() for v in values if v not in (None, "") and str(v).strip())
    return out


def pseudonym_table(G: nx.Graph, schema: Schema | None = None) -> Pseudonyms:
    """Pseudonyms for the protected people of ``G`` and the scrubber for text about them.

    >>> G = nx.Graph()
    >>> G.add_node("Person:b", label="Person", name="Ana Cruz", role="victim")
    >>> G.add_node("Person:a", label="Person", name="Rosa Diaz", role="victim")
    >>> G.add_node("Person:c", label="Person", name="Juan Cruz", role="suspect")
    >>> t = pseudonym_table(G)
    >>> t.mapping
    {'Person:a': 'Victim 1', 'Person:b': 'Victim 2'}
    >>> t.scrub("Juan Cruz drove Ana Cruz and Rosa to Orange Walk.")
    'Juan Cruz drove Victim 2 and Victim 1 to Orange Walk.'
    """
    schema = schema or load_schema()
    protected = _protected(G, schema)
    mapping: dict[Any, str] = {}
    counters: dict[str, int] = defaultdict(int)
    for node in sorted(protected, key=str):
        role = protected[node][0]
        counters[role] += 1
        mapping[node] = f"{role.capitalize()} {counters[role]}"
    replacements: dict[str, str] = {}
    part_owner: dict[str, set[Any]] = defaultdict(set)
    for node in sorted(protected, key=str):
        data = protected[node][1]
        spec = schema.nodes[node_label_of(node, data) or ""]
        for name in _names(data, spec.pseudonymize_fields):
            if _key(name):
                replacements.setdefault(_key(name), mapping[node])
            for part in _WORD.findall(name.casefold()):
                if len(part) >= 3:
                    part_owner[part].add(node)
    unprotected_parts = {
        part
        for node, data in G.nodes(data=True) if node not in protected
        for part in _WORD.findall(" ".join(_names(data, ("name", "aliases"))).casefold())
    }
    for part, owners in part_owner.items():
        if part in unprotected_parts or part in replacements:
            continue
        replacements[part] = mapping[next(iter(owners))] if len(owners) == 1 else WITHHELD
    return Pseudonyms(mapping=mapping, replacements=replacements)


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


def pseudonymize(G: nx.Graph, reveal: bool = False, schema: Schema | None = None) -> tuple[nx.Graph, dict[Any, str]]:
    """A copy of ``G`` with victims and witnesses pseudonymized, and the node -> pseudonym map.

    With ``reveal=True`` returns ``G`` itself (not copied) and an empty map: the caller asked
    for the real names, explicitly.

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
    table = pseudonym_table(G, schema)
    H = G.__class__()
    H.graph.update(G.graph)
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
