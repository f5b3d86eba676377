"""Entity resolution across notes: mentions -> entities, sure merges by key, unsure ones queued.

Why: the same phone, the same trafficker or the same bar appears in dozens of notes; the network
only means something once each is one node. But a wrong merge invents a link between two people,
so only *sure* merges are automatic:

- a case is the unit of resolution: each case's groups are clustered on their own
  (``ingest.identity``), so nothing merges across cases; the same name in two cases is two
  entities, which ``workbench.cases`` offers an analyst as a cross-case link;
- identifiers merge by their normalized key (E.164 phone, lowercased email, plate, account
  digits, ``kind:number`` documents, ``platform:handle``) - the key is the entity id, the same in
  every case, so a number two cases share is one node; what each case says of it is a fact of
  that case (``Resolution.facts``);
- people, organizations and places with the same folded name in one case are one entity
  (``ingest.keys.entity_key(label, folded name, case)``); a person's partial references ("Reyes",
  "Mr. Reyes") were already tied to the full name within their note by extraction
  (``Mention.canonical``);
- near names (subset, initials, typos) merge only with shared context, lone tokens ("Flaco")
  only when unambiguous and backed by context; everything else becomes a ``Candidate`` with its
  reasons (``ingest.clustering``, ``ingest.matching``);
- analyst decisions (``ingest.judgements``) are re-applied on every run: POSITIVE joins,
  NEGATIVE blocks. Clusters touched by a decision take the decision cluster's canonical id.

Resolution is fed one note at a time (``Resolver``) and keeps no sentence text: a case of ten
thousand notes is resolved from compact name/identifier groups and links, and the pipeline
streams each note's mentions, evidence sentences and events (payments, calls) to the store
afterwards (``Resolver.place``), so memory follows the number of people, identifiers and places
and their relationships, not the number of notes or export rows.

Resolution also emits what downstream code must read instead of recomputing (``ingest.identity``):
each entity's facts per case, each note's author (``AUTHORED_BY``) and a row with its reasons for
every merge. Payments and calls are events of their case: one node per mention
(or per ``Mention.key`` when the CSV reader gave the record id, ``ingest.keys.event_id``; notes are placed in note id order,
so a record seen in two notes takes the properties of the later one, and its relationships keep
the evidence of both). Everything is sorted, so the same input gives the same ids and the same
order, whatever order the notes arrive in.

>>> from graph_schema.records import Mention, Note
>>> from ingest.results import Extraction
>>> note = Note(id="n1", path="a.txt", text="Sgt. Mario Castillo")
>>> m = Mention("n1", "Person", "Sgt. Mario Castillo", 0, 19, "Sgt. Mario Castillo", "test")
>>> r = resolve([Extraction(note, (m,))])
>>> [(n.props["name"], n.props["rank"], n.props["agency"], n.props["role"]) for n in r.nodes]
[('Mario Castillo', 'Sgt.', 'Police', 'official')]
"""
from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from graph_schema.model import Schema, load_schema
from graph_schema.records import Evidence, Mention, NodeRecord, Note, RelRecord
from graph_schema.types import get_type
from ingest.assemble import Link, build_node, form_rank, fullest, link_key, merge_links
from ingest.exhibit_calls import exhibit_phones, own_end_links
from ingest.clustering import Clustering, Group
from ingest.components.vehicle_descriptions import DESCRIBED
from ingest.components.vehicle_words import the_one_compatible
from ingest.extract import author_name
from ingest.identity import authorship, case_facts, cluster_cases, merge_rows, run_case
from ingest.judgements import Decision, MergeRow
from ingest.keys import entity_key, event_id, record_key
from ingest.link_table import LinkTable
from ingest.matching import Candidate
from ingest.names import fold, parse_name
from ingest.read.handset import CONTACT_METHOD
from ingest.results import Extraction
from ingest.roles import infer_roles

__all__ = ["Placement", "Resolution", "Resolver", "resolve"]

@functools.cache
def _labels(kind: str) -> frozenset[str]:
    """Labels of one kind in the schema: ``named`` ones merge by folded name, ``event`` ones are
    one node per record, the rest (identifiers) merge by their normalized key."""
    return frozenset(load_schema().labels_of_kind(kind))


@functools.cache
def _cleaner(label: str) -> Callable[[Any], Any] | None:
    """How an identifier's key is normalized when a mention brings no key: its key property's own
    type (phone: E.164, email, plate); None for a plain id (an account, a handle, a document)."""
    spec = load_schema().nodes.get(label)
    key = spec.property(spec.key) if spec is not None and spec.kind == "identifier" else None
    return get_type(key.type).clean if key is not None and key.type != "id" else None


@dataclass(frozen=True)
class Resolution:
    """What resolution hands to the store, plus what it leaves for an analyst.

    ``mentions`` pairs every kept raw mention with the (label, key) of its entity. From
    ``resolve`` the result is whole; from ``Resolver.finish`` (streaming) ``mentions`` is empty,
    the rels carry no evidence and events are missing: ``Resolver.place`` gives them note by
    note. ``ends`` maps each group base to its entity's (label, key); ``rel_ids`` are the ids of
    the relationships kept. ``problems`` are one-line reasons for what was
    dropped (a mention with no usable key, an undeclared property, a relation the schema does
    not allow); the rest of the batch goes on. ``stats``: mentions, entities (and
    ``entities_<Label>``), merged_by_key (identifier mentions that joined an existing entity),
    merged_by_name (notes beyond the first naming one entity), merged_by_context,
    merged_single_token, merged_by_decision, candidates, pairs_compared, blocks_over_limit,
    relations, rels, self_loops_dropped, problems.
    """

    nodes: list[NodeRecord]
    rels: list[RelRecord]
    mentions: list[tuple[Mention, str, str]]
    candidates: list[Candidate]
    stats: dict[str, int]
    problems: list[str]
    ends: dict[str, tuple[str, str]] = field(default_factory=dict, repr=False)
    rel_ids: frozenset[str] = field(default_factory=frozenset, repr=False)
    #: ``IN_CASE`` records: what each case says of each entity (``ingest.identity.case_facts``).
    facts: list[RelRecord] = field(default_factory=list, repr=False)
    #: ``AUTHORED_BY`` records: note -> the person its author's name resolved to.
    authorship: list[RelRecord] = field(default_factory=list, repr=False)
    #: Every merge resolution made, with its rule and reasons.
    merges: list[MergeRow] = field(default_factory=list, repr=False)


def _value(m: Mention) -> str | None:
    """An identifier's key (its normalized value), or None when it has none."""
    cleaner = _cleaner(m.label)
    return m.key or (cleaner(m.text) if cleaner else None)


def _base(m: Mention, case: str | None) -> str | None:
    """The group a mention belongs to before clustering, within its case, or None when it has no usable key."""
    if m.label == "Person":
        folded = parse_name(m.canonical or m.text).folded
        return entity_key("Person", folded, case) if folded else None
    if m.label in _labels("named"):
        folded = fold(m.canonical or m.text) or " ".join((m.canonical or m.text).lower().split())
        return entity_key(m.label, folded, case) if folded else None
    if m.label in _labels("event"):
        return event_id(m.label, m.key or record_key(m.note_id, m.start, m.end), case)
    value = _value(m)
    return entity_key(m.label, value, case) if value else None


def _add_person(group: Group, m: Mention) -> None:
    full = parse_name(m.canonical or m.text)
    seen = parse_name(m.text) if m.canonical and m.canonical != m.text else full
    group.see_parse(full, (m.note_id, m.start))
    group.forms[full.name] += 1
    nicknames = [*full.aliases, *seen.aliases, *_as_list(m.props.get("aliases"))]
    if not seen.literal and not set(seen.tokens) <= set(full.tokens):
        nicknames.append(seen.name)  # a partial reference that is not part of the name: a nickname
    for nick in nicknames:
        group.see_alias(fold(nick), nick, (m.note_id, m.start))
    group.add_hint({
        **m.props, "official": full.official or seen.official,
        "rank": m.props.get("rank") or seen.rank or full.rank,
        "agency": m.props.get("agency") or seen.agency or full.agency,
    })


def _as_list(value: object) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else [str(v) for v in value]  # type: ignore[attr-defined]


@dataclass
class Placement:
    """One note's share of the graph, once the case is resolved: its mentions with their
    entity (label, key), the evidence of its relationships as (relationship id, type, evidence
    with its sentence), and its payments and calls (events) with their relationships."""

    mentions: list[tuple[Mention, str, str]]
    evidence: list[tuple[str, str, Evidence]]
    nodes: list[NodeRecord]
    rels: list[RelRecord]
    problems: list[str]


class Resolver:
    """Resolution fed one note at a time; ``finish`` clusters, ``place`` maps each note onto the result.

    Why a class: the pipeline streams notes from the extraction cache and must not hold their
    mentions and sentences (hundreds of megabytes for a large case). Each note leaves only its
    contribution to the name and identifier groups and compact links (``LinkTable``: evidence
    spans without sentences). Payments and calls are never merged by resolution (one node per
    mention or record id), so they are not held at all: ``place`` builds a note's events and
    their relationships when the note is read again. The result does not depend on the order
    notes arrive in.
    """

    def __init__(self, *, schema: Schema | None = None, default_case: str | None = None) -> None:
        self.schema = schema or load_schema()
        self.default_case = default_case  # the case of notes that name none (``ingest.identity.run_case``)
        self.groups: dict[str, Group] = {}
        self.links = LinkTable()
        self.problems: list[str] = []
        self.counts: Counter[str] = Counter()
        self.case_of: dict[str, str | None] = {}  # group base -> the case it resolves in
        self.values: dict[str, str] = {}  # identifier group base -> the identifier's key
        self.authors: dict[str, str] = {}  # note id -> the group base of its author's name
        # Vehicles told by their look, no plate: (note id, start, end) -> (case, description), and,
        # once ``finish`` has run, the group base of the one plated vehicle each is tied to.
        self.described: dict[tuple[str, int, int], tuple[str | None, str]] = {}
        self.tied: dict[tuple[str, int, int], str] = {}
        # Relations of a described vehicle, waiting for ``finish`` to tie it: (type, source, target,
        # evidence, props), an end being a group base or the described vehicle's (note id, start, end).
        self.waiting: list[tuple[str, Any, Any, Evidence, dict[str, Any]]] = []

    def _case(self, note: Note) -> str | None:
        return note.case_id or self.default_case

    def _bases(self, ex: Extraction, report: bool) -> dict[str, tuple[Mention, str]]:
        """Each usable mention of a note by id, with its group base (problems once, when asked)."""
        out: dict[str, tuple[Mention, str]] = {}
        for m in sorted(ex.mentions, key=lambda m: (m.start, m.end, m.label, m.text)):
            if m.label not in self.schema.nodes or self.schema.nodes[m.label].internal:
                if report:
                    self.problems.append(f"{ex.note.path}: mention {m.text!r}: unknown label {m.label!r}; dropped")
                continue
            case = self._case(ex.note)
            if m.method == DESCRIBED and not m.key:  # tied by ``finish`` to a plated vehicle, or to nothing
                at = (ex.note.id, m.start, m.end)
                self.described.setdefault(at, (case, str(m.props.get("description") or m.text)))
                if at in self.tied:
                    out[m.id] = (m, self.tied[at])
                continue
            base = _base(m, case)
            if base is None:
                if report:
                    self.problems.append(f"{ex.note.path}: {m.label} {m.text!r}: no usable key; dropped")
                continue
            self.case_of[base] = case
            if m.label not in _labels("named") and m.label not in _labels("event"):
                self.values[base] = _value(m) or base
            out[m.id] = (m, base)
        return out

    def add(self, ex: Extraction) -> None:
        """Take one note's mentions into the groups and its relations as links (events wait for ``place``)."""
        note = ex.note
        bases = self._bases(ex, report=True)
        author = parse_name(author_name(note.author)).folded if note.author else ""
        if author:
            self.authors[note.id] = entity_key("Person", author, self._case(note))
        for m, base in bases.values():
            self.counts["mentions"] += 1
            if m.label in _labels("event"):
                continue
            group = self.groups.get(base) or self.groups.setdefault(base, Group(m.label, base))
            _add_mention(group, m)
        described = {m.id: (note.id, m.start, m.end) for m in ex.mentions if m.method == DESCRIBED and not m.key}
        for rel in ex.relations:
            if rel.source in bases and rel.target in bases:
                self.counts["relations"] += 1
                (source, base_s), (target, base_t) = bases[rel.source], bases[rel.target]
                if source.label in _labels("event") or target.label in _labels("event"):
                    continue
                evidence = _evidence(rel.evidence, note, keep_sentence=False)
                self.links.append(Link(rel.type, self.groups[base_s].base, self.groups[base_t].base, evidence,
                                       rel.props))
            elif {rel.source, rel.target} & described.keys() and {rel.source, rel.target} <= described.keys() | bases.keys():
                source_end, target_end = (bases[r][1] if r in bases else described[r] for r in (rel.source, rel.target))
                self.waiting.append((rel.type, source_end, target_end, _evidence(rel.evidence, note, keep_sentence=False),
                                     dict(rel.props)))

    def finish(self, decisions: Sequence[Decision] = ()) -> Resolution:
        """Cluster the groups, apply the decisions, build the nodes and merged relationships.

        The rels carry their properties but not their evidence (``place`` gives it, note by
        note); ``mentions`` is empty for the same reason. Events are not included.
        """
        groups, schema, problems = self.groups, self.schema, list(self.problems)
        self.tied = _tie_described(self.described, groups, self.case_of)
        self._link_tied()
        _add_context(groups, self.links, self.values)
        by_value = {(self.case_of[b], value): b for b, value in self.values.items()}
        result = cluster_cases(groups, self.case_of, decisions, by_value)
        problems += result.problems
        ends = _final_keys(groups, result, self.values)
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
        rels, loops = merge_links(self.links, ends, schema, problems)
        nodes = infer_roles(nodes, rels)
        rels = [replace(rel, evidence=()) for rel in rels]
        merges = merge_rows(result.merges, groups, ends, self.case_of, self.values)
        facts = case_facts(nodes, by_key, self.case_of, merges, schema, problems)
        stats = _stats(groups, nodes, rels, self.counts, result, loops, problems)
        stats.update(vehicles_described=len(self.described), vehicles_tied_by_description=len(self.tied))
        return Resolution(nodes, rels, [], result.candidates, stats, problems, ends, frozenset(r.id for r in rels),
                          facts=facts, authorship=authorship(self.authors, ends, schema), merges=merges)

    def _link_tied(self) -> None:
        """The waiting relations of each described vehicle tied to a plated one become its links
        ("a bald man came in a grey pickup" at the venue: the plated grey Tacoma was there)."""
        for rel_type, source, target, evidence, props in self.waiting:
            source, target = (self.tied.get(end) if isinstance(end, tuple) else end for end in (source, target))
            if source is not None and target is not None:
                self.counts["relations"] += 1
                self.links.append(Link(rel_type, self.groups[source].base, self.groups[target].base, evidence, props))
        self.waiting = []

    def _exhibit_phones(self, resolution: Resolution) -> dict[str, str]:
        """Exhibit id -> a group base of its phone, read once per resolution (``ingest.exhibit_calls``)."""
        if getattr(self, "_exhibits_of", None) is not resolution:
            base_of = {end: base for base, end in sorted(resolution.ends.items(), reverse=True)}
            self._exhibits_of = resolution
            self._exhibits = {exhibit: base_of[("Phone", key)] for exhibit, key in exhibit_phones(resolution.nodes).items()
                              if ("Phone", key) in base_of}
        return self._exhibits

    def place(self, ex: Extraction, resolution: Resolution) -> Placement:
        """One note's mentions, relationship evidence and events, mapped onto the resolved case."""
        ends, schema = dict(resolution.ends), self.schema
        bases = self._bases(ex, report=False)
        events: dict[str, Group] = {}
        for m, base in bases.values():
            if m.label in _labels("event"):
                _add_mention(events.setdefault(base, Group(m.label, base)), m)
        problems: list[str] = []
        nodes = [node for base, group in sorted(events.items())
                 if (node := build_node(group.label, base, [group], schema, problems)) is not None]
        ends.update({node.key: (node.label, node.key) for node in nodes})
        mentions = [(m, *ends[base]) for m, base in bases.values() if base in ends]
        evidence: dict[tuple[str, str], tuple[str, str, Evidence]] = {}
        event_links = []
        for rel in ex.relations:
            if rel.source not in bases or rel.target not in bases:
                continue
            (source_m, base_s), (target_m, base_t) = bases[rel.source], bases[rel.target]
            source, target = ends.get(base_s), ends.get(base_t)
            if source is None or target is None or source == target:
                continue
            ev = _evidence(rel.evidence, ex.note, keep_sentence=True)
            if source_m.label in _labels("event") or target_m.label in _labels("event"):
                event_links.append(Link(rel.type, base_s, base_t, ev, rel.props))
                continue
            rel_id = RelRecord(rel.type, *link_key(rel.type, source, target, schema)).id
            if rel_id in resolution.rel_ids:
                evidence.setdefault((rel_id, ev.id), (rel_id, rel.type, ev))
        phones = self._exhibit_phones(resolution)
        if phones and (legs := schema.event_legs("Call")):  # a seized handset's calls get their own end
            event_links += [link for link in own_end_links(event_links, bases, phones, legs)
                            if link.source in ends and link.target in ends]
        event_rels, _ = merge_links(event_links, ends, schema, problems)
        for record in event_rels:
            for span in record.evidence:
                evidence.setdefault((record.id, span.id), (record.id, record.type, span))
        return Placement(mentions, list(evidence.values()), nodes, event_rels, problems)


# Methods that guess a type from the look of a name, as the model does: the model's own entities
# and runs of capitalized words ("de El Progreso"). The case may correct them (``ingest.retype``).
_GUESSES = ("ner:", "workbench.person_finder.v1:proper-nouns")


def _guess(method: str) -> bool:
    return method.startswith(_GUESSES)


def _add_mention(group: Group, m: Mention) -> None:
    group.see_mention(m.note_id)
    group.leads += m.method == CONTACT_METHOD
    group.guessed += _guess(m.method)
    if m.label == "Person":
        _add_person(group, m)
        return
    if m.label in _labels("named"):
        group.forms[" ".join((m.canonical or m.text).split())] += 1
    group.add_hint(dict(m.props))


def _evidence(evidence: Evidence, note: Note, *, keep_sentence: bool) -> Evidence:
    """The evidence with the note's case and date; without its sentence when only its span is needed."""
    return replace(evidence, note_id=note.id, case_id=evidence.case_id or note.case_id,
                   date=evidence.date or note.date, sentence=evidence.sentence if keep_sentence else "")


def _tie_described(described: dict[tuple[str, int, int], tuple[str | None, str]], groups: dict[str, Group],
                   case_of: dict[str, str | None]) -> dict[tuple[str, int, int], str]:
    """Each described vehicle tied to the one plated vehicle of its case whose written description
    is compatible (``vehicle_words.the_one_compatible``); none or several: not tied at all."""
    plated: dict[str | None, dict[str, list[str]]] = {}
    for base, group in groups.items():
        texts = [str(v) for hint in group.hints for k, v in hint if k == "description" and v]
        if group.label == "Vehicle" and texts:
            plated.setdefault(case_of.get(base), {})[base] = texts
    tied = {}
    for at, (case, description) in sorted(described.items()):
        if (one := the_one_compatible(description, plated.get(case, {}))) is not None:
            tied[at] = one
    return tied


def _add_context(groups: dict[str, Group], links: Iterable[Link], values: dict[str, str]) -> None:
    """A person's context: the identifiers, venues and places their relations point at."""
    for link in links:
        for person, other in ((link.source, link.target), (link.target, link.source)):
            a, b = groups[person], groups[other]
            if a.label == "Person" and b.label not in _labels("event") and b.label != "Person":
                caption = fullest(b.forms) if b.forms else values.get(b.base, b.base)
                a.context.add((b.label, b.base, caption))


def _final_keys(groups: dict[str, Group], result: Clustering,
                values: dict[str, str]) -> dict[str, tuple[str, str]]:
    """(label, key) of every group: decision canonical id, else the base of the fullest name;
    an identifier's key is its value (the same in every case)."""
    members: dict[str, list[str]] = {}
    for base, root in result.root.items():
        members.setdefault(root, []).append(base)
    ends: dict[str, tuple[str, str]] = {}
    for bases in members.values():
        decided = sorted(result.decided[b] for b in bases if b in result.decided)
        named = [b for b in bases if groups[b].forms]
        if decided:
            key = decided[0]
        elif named and groups[bases[0]].label in _labels("named"):
            key = min(named, key=lambda b: (groups[b].single, *_rank(groups[b])))
        else:
            key = min(bases)
        for b in bases:
            ends[b] = (groups[b].label, values.get(key, key))
    return ends


def _rank(group: Group) -> tuple[object, ...]:
    best = fullest(group.forms)  # the same order that picks the displayed name
    return (*form_rank(best, group.forms[best]), group.base)


def resolve(extractions: Iterable[Extraction], *, decisions: Sequence[Decision] = (),
            schema: Schema | None = None) -> Resolution:
    """Resolve the mentions of many notes to entities and merged, evidence-carrying relationships.

    The whole case in memory at once (tests, notebooks, small folders); the pipeline streams
    the same steps (``Resolver``) instead.
    """
    extractions = list(extractions)
    resolver = Resolver(schema=schema, default_case=run_case(e.note.case_id for e in extractions))
    for extraction in extractions:
        resolver.add(extraction)
    resolution = resolver.finish(decisions)
    places = [resolver.place(extraction, resolution) for extraction in sorted(extractions, key=lambda e: e.note.id)]
    evidence: dict[str, list[Evidence]] = {}
    for place in places:
        for rel_id, _, ev in place.evidence:
            evidence.setdefault(rel_id, []).append(ev)
    events = {(n.label, n.key): n for place in places for n in place.nodes}
    event_rels = {r.id: r for place in places for r in place.rels}
    nodes = sorted([*resolution.nodes, *events.values()], key=lambda n: (n.label, n.key))
    rels = [replace(r, evidence=tuple(sorted({ev.id: ev for ev in evidence.get(r.id, ())}.values(), key=_order)))
            for r in [*resolution.rels, *event_rels.values()]]
    rels.sort(key=lambda r: (r.type, r.source_label, r.source_key, r.target_label, r.target_key))
    mentions = sorted((m for place in places for m in place.mentions),
                      key=lambda t: (t[0].note_id, t[0].start, t[0].end, t[0].label, t[0].text))
    problems = resolution.problems + [p for place in places for p in place.problems]
    stats = {**resolution.stats, "entities": len(nodes), "rels": len(rels), "problems": len(problems),
             **Counter(f"entities_{n.label}" for n in nodes)}
    return replace(resolution, nodes=nodes, rels=rels, mentions=mentions, problems=problems,
                   stats=dict(sorted(stats.items())), rel_ids=frozenset(r.id for r in rels))


def _order(ev: Evidence) -> tuple[str, int, int, str]:
    return ev.note_id, ev.start, ev.end, ev.method


def _stats(groups: dict[str, Group], nodes: list[NodeRecord], rels: list[RelRecord], counts: Counter[str],
           result: Clustering, loops: int, problems: list[str]) -> dict[str, int]:
    by_name_or_record = _labels("named") | _labels("event")
    by_key = sum(g.mention_count - 1 for g in groups.values() if g.label not in by_name_or_record)
    by_name = sum(g.note_count - 1 for g in groups.values() if g.label in _labels("named"))
    stats: Counter[str] = Counter({
        "mentions": counts["mentions"], "entities": len(nodes), "merged_by_key": by_key,
        "merged_by_name": by_name, "relations": counts["relations"], "rels": len(rels), "self_loops_dropped": loops,
        "problems": len(problems),
    })
    stats.update(result.stats)
    stats.update(Counter(f"entities_{n.label}" for n in nodes))
    return dict(sorted(stats.items()))
