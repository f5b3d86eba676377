"""Entity resolution across notes: mentions -> entities, sure merges by key, unsure ones queued.

Why: the same phone, the same trafficker or the same bar appears in dozens of notes; the network
only means something once each is one node. But a wrong merge invents a link between two people,
so only *sure* merges are automatic:

- identifiers merge by their normalized key (E.164 phone, lowercased email, plate, account
  digits, ``kind:number`` documents, ``platform:handle``) - the key is the entity id;
- people, organizations and places with the same folded name are one entity
  (``make_id(label, folded name)``); a person's partial references ("Reyes", "Mr. Reyes") were
  already tied to the full name within their note by extraction (``Mention.canonical``);
- near names (subset, initials, typos) merge only with shared context, lone tokens ("Flaco")
  only when unambiguous and backed by context; everything else becomes a ``Candidate`` with its
  reasons (``ingest.clustering``, ``ingest.matching``);
- analyst decisions (``ingest.judgements``) are re-applied on every run: POSITIVE joins,
  NEGATIVE blocks. Clusters touched by a decision take the decision cluster's canonical id.

Lone tokens that stay on their own are keyed per case (``make_id("Person", token, case_id)``):
"Flaco" in two cases need not be one man. Payments and calls are events: one node per mention
(or per ``Mention.key`` when the CSV reader gave the record id). Everything is sorted, so the
same input gives the same ids and the same order, whatever order the notes arrive in.

>>> from graph_schema.records import Mention, Note
>>> from ingest.results import Extraction
>>> note = Note(id="n1", path="a.txt", text="Sgt. Mario Castillo")
>>> m = Mention("n1", "Person", "Sgt. Mario Castillo", 0, 19, "Sgt. Mario Castillo", "test")
>>> r = resolve([Extraction(note, (m,))])
>>> [(n.props["name"], n.props["rank"], n.props["agency"], n.props["role"]) for n in r.nodes]
[('Mario Castillo', 'Sgt.', 'Police', 'official')]
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from graph_schema.model import Schema, load_schema
from graph_schema.records import Mention, NodeRecord, Note, RelRecord, make_id
from ingest.roles import infer_roles
from graph_schema.types import clean_email, clean_phone, clean_plate
from ingest.assemble import Link, build_node, form_rank, fullest, merge_links
from ingest.clustering import Clustering, Group, cluster
from ingest.judgements import Decision
from ingest.matching import Candidate
from ingest.names import fold, parse_name
from ingest.results import Extraction

__all__ = ["Resolution", "resolve"]

NAMED = frozenset({"Person", "Organization", "Location"})
EVENTS = frozenset({"Payment", "Call"})
_CLEANERS = {"Phone": clean_phone, "Email": clean_email, "Vehicle": clean_plate}


@dataclass(frozen=True)
class Resolution:
    """What resolution hands to the store, plus what it leaves for an analyst.

    ``mentions`` pairs every kept raw mention with the (label, key) of its entity. ``problems``
    are one-line reasons for what was dropped (a mention with no usable key, an undeclared
    property, a relation the schema does not allow); the rest of the batch goes on. ``stats``:
    mentions, entities (and ``entities_<Label>``), merged_by_key (identifier mentions that
    joined an existing entity), merged_by_name (notes beyond the first naming one entity),
    merged_by_context, merged_single_token, merged_by_decision, candidates, pairs_compared,
    blocks_over_limit, relations, rels, self_loops_dropped, problems.
    """

    nodes: list[NodeRecord]
    rels: list[RelRecord]
    mentions: list[tuple[Mention, str, str]]
    candidates: list[Candidate]
    stats: dict[str, int]
    problems: list[str]


def _base(m: Mention, note: Note, schema: Schema) -> str | None:
    """The group a mention belongs to before clustering, or None when it has no usable key."""
    if m.label == "Person":
        parsed = parse_name(m.canonical or m.text)
        if not parsed.folded:
            return None
        return make_id("Person", parsed.folded, note.case_id) if parsed.single else make_id("Person", parsed.folded)
    if m.label in NAMED:
        folded = fold(m.canonical or m.text) or " ".join((m.canonical or m.text).lower().split())
        return make_id(m.label, folded) if folded else None
    if m.label in EVENTS:
        return m.key or make_id(m.label, m.note_id, m.start, m.end)
    cleaner = _CLEANERS.get(m.label)
    return m.key or (cleaner(m.text) if cleaner else None)


def _add_person(group: Group, m: Mention) -> None:
    full = parse_name(m.canonical or m.text)
    seen = parse_name(m.text) if m.canonical and m.canonical != m.text else full
    group.parsed = group.parsed or full
    group.forms[full.name] += 1
    nicknames = [*full.aliases, *seen.aliases, *_as_list(m.props.get("aliases"))]
    if not seen.literal and not set(seen.tokens) <= set(full.tokens):
        nicknames.append(seen.name)  # a partial reference that is not part of the name: a nickname
    for nick in nicknames:
        group.aliases.setdefault(fold(nick), nick)
    group.hints.append({
        **m.props, "official": full.official or seen.official,
        "rank": m.props.get("rank") or seen.rank or full.rank,
        "agency": m.props.get("agency") or seen.agency or full.agency,
    })


def _as_list(value: object) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else [str(v) for v in value]  # type: ignore[attr-defined]


def _collect(extractions: Iterable[Extraction], schema: Schema, problems: list[str]
             ) -> tuple[dict[str, Group], list[tuple[Mention, str]], list[Link]]:
    """Group mentions by base, pair each kept mention with its base, turn relations into links."""
    groups: dict[str, Group] = {}
    of_mention: dict[str, str] = {}
    resolved: list[tuple[Mention, str]] = []
    links: list[Link] = []
    for ex in sorted(extractions, key=lambda e: e.note.id):
        note = ex.note
        for m in sorted(ex.mentions, key=lambda m: (m.start, m.end, m.label, m.text)):
            if m.label not in schema.nodes or schema.nodes[m.label].internal:
                problems.append(f"{note.path}: mention {m.text!r}: unknown label {m.label!r}; dropped")
                continue
            base = _base(m, note, schema)
            if base is None:
                problems.append(f"{note.path}: {m.label} {m.text!r}: no usable key; dropped")
                continue
            group = groups.setdefault(base, Group(m.label, base))
            group.mentions.append(m)
            if m.label == "Person":
                _add_person(group, m)
            else:
                if m.label in NAMED:
                    group.forms[" ".join((m.canonical or m.text).split())] += 1
                group.hints.append(dict(m.props))
            of_mention[m.id] = base
            resolved.append((m, base))
        for rel in ex.relations:
            if rel.source in of_mention and rel.target in of_mention:
                evidence = replace(rel.evidence, case_id=rel.evidence.case_id or note.case_id,
                                   date=rel.evidence.date or note.date)
                links.append(Link(rel.type, of_mention[rel.source], of_mention[rel.target], evidence, rel.props))
    return groups, resolved, links


def _add_context(groups: dict[str, Group], links: list[Link]) -> None:
    """A person's context: the identifiers, venues and places their relations point at."""
    for link in links:
        for person, other in ((link.source, link.target), (link.target, link.source)):
            a, b = groups[person], groups[other]
            if a.label == "Person" and b.label not in EVENTS and b.label != "Person":
                caption = fullest(b.forms) if b.forms else b.base
                a.context.add((b.label, b.base, caption))


def _final_keys(groups: dict[str, Group], result: Clustering) -> dict[str, tuple[str, str]]:
    """(label, key) of every group: decision canonical id, else the base of the fullest name."""
    members: dict[str, list[str]] = {}
    for base, root in result.root.items():
        members.setdefault(root, []).append(base)
    ends: dict[str, tuple[str, str]] = {}
    for bases in members.values():
        decided = sorted(result.decided[b] for b in bases if b in result.decided)
        named = [b for b in bases if groups[b].forms]
        if decided:
            key = decided[0]
        elif named and groups[bases[0]].label in NAMED:
            key = min(named, key=lambda b: (groups[b].single, *_rank(groups[b])))
        else:
            key = min(bases)
        for b in bases:
            ends[b] = (groups[b].label, key)
    return ends


def _rank(group: Group) -> tuple[object, ...]:
    best = fullest(group.forms)  # the same order that picks the displayed name
    return (*form_rank(best, group.forms[best]), group.base)


def resolve(extractions: Iterable[Extraction], *, decisions: Sequence[Decision] = (),
            schema: Schema | None = None) -> Resolution:
    """Resolve the mentions of many notes to entities and merged, evidence-carrying relationships."""
    schema = schema or load_schema()
    problems: list[str] = []
    groups, resolved, links = _collect(extractions, schema, problems)
    _add_context(groups, links)
    result = cluster(groups, decisions)
    problems += result.problems
    ends = _final_keys(groups, result)
    by_key: dict[tuple[str, str], list[Group]] = {}
    for base in sorted(groups):
        by_key.setdefault(ends[base], []).append(groups[base])
    nodes = []
    for (label, key), members in sorted(by_key.items()):
        node = build_node(label, key, members, schema, problems)
        if node is None:
            ends = {b: end for b, end in ends.items() if end != (label, key)}
        else:
            nodes.append(node)
    rels, loops = merge_links(links, ends, schema, problems)
    nodes = infer_roles(nodes, rels)
    mentions = [(m, *ends[base]) for m, base in resolved if base in ends]
    stats = _stats(groups, nodes, rels, resolved, links, result, loops, problems)
    return Resolution(nodes, rels, mentions, result.candidates, stats, problems)


def _stats(groups: dict[str, Group], nodes: list[NodeRecord], rels: list[RelRecord], resolved: Sequence[object],
           links: list[Link], result: Clustering, loops: int, problems: list[str]) -> dict[str, int]:
    by_key = sum(len(g.mentions) - 1 for g in groups.values() if g.label not in NAMED | EVENTS)
    by_name = sum(len({m.note_id for m in g.mentions}) - 1 for g in groups.values() if g.label in NAMED)
    counts: Counter[str] = Counter({
        "mentions": len(resolved), "entities": len(nodes), "merged_by_key": by_key,
        "merged_by_name": by_name, "relations": len(links), "rels": len(rels), "self_loops_dropped": loops,
        "problems": len(problems),
    })
    counts.update(result.stats)
    counts.update(Counter(f"entities_{n.label}" for n in nodes))
    return dict(sorted(counts.items()))
