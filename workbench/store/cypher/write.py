"""Cypher of the write path: batched, idempotent ``UNWIND $rows MERGE`` statements."""
from __future__ import annotations

from graph_schema.model import Schema
from workbench.store.cypher.schema import quote


#: Prefix of every statement the loader runs in batches (``workbench.store.loader.Writer``):
#: keep the plan cached for the query text, whatever the database's statistics say since.
#: Why: an ingest grows the graph from nothing, and Neo4j replans a cached query once the
#: counts it was planned with have changed enough, so each of the loader's eighty-odd query
#: shapes was planned again and again during one ingest (about 100 ms a plan on a busy
#: two-core machine: the write statements of a 1,000-note case took 13-28 s with replanning
#: and 6-10 s without, on the same warm server, issue 16). Every one of these statements
#: looks its rows up by a constrained or indexed key, so its plan is the same on an empty
#: database and a full one (measured: all but one of the 312 plans have the same operators
#: on both, and that one differs by where an Eager sits; ``tests/workbench/store/
#: test_write_plans.py`` checks that none scans on an empty database).
REUSE_PLAN = "CYPHER replan=skip "


def _label(schema: Schema, label: str) -> str:
    """A label checked against the schema (KeyError otherwise), backtick-quoted."""
    schema.node(label)
    return quote(label)


def _rel_type(schema: Schema, rel_type: str) -> str:
    schema.rel(rel_type)
    return quote(rel_type)


def merge_case() -> str:
    return "MERGE (c:Case {id: $case_id}) ON CREATE SET c.name = $name"


def merge_notes() -> str:
    """Notes are immutable versions: properties are set once, when the version is first seen."""
    return (
        "UNWIND $rows AS row "
        "MERGE (n:Note {id: row.id}) "
        "ON CREATE SET n += row.props, n.ingested_at = $ingested_at, n.pipeline_version = $pipeline_version "
        "WITH n, row WHERE row.props.case_id IS NOT NULL "
        "MATCH (c:Case {id: row.props.case_id}) "
        "MERGE (n)-[p:PART_OF {id: row.part_of_id}]->(c)"
    )


def supersede_old_versions() -> str:
    """Mark earlier versions of the same path as superseded, and their mentions and evidence too.

    Returns the relationships whose support changed so their statistics can be refreshed. Older
    versions already pointing at this one are matched again, so a run killed after this step and
    repeated still refreshes those relationships.
    """
    return (
        "UNWIND $rows AS row "
        "MATCH (old:Note {path: row.path}) "
        "WHERE old.id <> row.id AND (old.superseded_by IS NULL OR old.superseded_by = row.id) "
        "AND coalesce(old.case_id, '') = coalesce(row.case_id, '') "
        "SET old.superseded_by = row.id "
        "WITH old "
        "CALL (old) { MATCH (m:Mention {note_id: old.id}) SET m.superseded = true } "
        "WITH old "
        "MATCH (e:Evidence {note_id: old.id}) SET e.superseded = true "
        "RETURN DISTINCT e.rel_type AS type, e.rel_id AS id"
    )


def retire_stale_facts() -> str:
    """Mark a note's mentions and evidence that this pipeline no longer reads as superseded.

    Why: versioning retires facts when a file changes; this retires them when the extraction
    changes (new rules, a fixed false positive) and the note did not. A fact the pipeline reads
    again is made live again. Returns the relationships whose support changed.
    """
    return (
        "UNWIND $rows AS row "
        "CALL (row) { "
        "  MATCH (m:Mention {note_id: row.note_id}) "
        "  WITH m, m.id IN row.mention_ids AS kept "
        "  WHERE (NOT kept AND NOT coalesce(m.superseded, false)) OR (kept AND m.retired_by IS NOT NULL) "
        "  SET m.superseded = NOT kept, m.retired_by = CASE WHEN kept THEN null ELSE $pipeline_version END "
        "} "
        "WITH row "
        "MATCH (e:Evidence {note_id: row.note_id}) "
        "WITH e, e.id IN row.evidence_ids AS kept "
        "WHERE (NOT kept AND NOT coalesce(e.superseded, false)) OR (kept AND e.retired_by IS NOT NULL) "
        "SET e.superseded = NOT kept, e.retired_by = CASE WHEN kept THEN null ELSE $pipeline_version END "
        "RETURN DISTINCT e.rel_type AS type, e.rel_id AS id"
    )


def merge_nodes(schema: Schema, label: str) -> str:
    return f"UNWIND $rows AS row MERGE (n:{_label(schema, label)} {{id: row.id}}) SET n += row.props"


def merge_mentions() -> str:
    return (
        "UNWIND $rows AS row "
        "MERGE (m:Mention {id: row.id}) "
        "ON CREATE SET m += row.props "
        "SET m.entity_id = row.entity_id, m.entity_label = row.entity_label"
    )


def merge_mentions_edges(schema: Schema, label: str) -> str:
    """(Note)-[:MENTIONS]->(entity), so Neo4j Browser users reach the notes in one hop."""
    return (
        "UNWIND $rows AS row "
        "MATCH (note:Note {id: row.note_id}) "
        f"MATCH (n:{_label(schema, label)} {{id: row.entity_id}}) "
        "MERGE (note)-[r:MENTIONS {id: row.id}]->(n)"
    )


def merge_evidence() -> str:
    return "UNWIND $rows AS row MERGE (e:Evidence {id: row.id}) ON CREATE SET e += row.props"


def merge_rels(schema: Schema, rel_type: str, source: str, target: str) -> str:
    return (
        "UNWIND $rows AS row "
        f"MATCH (a:{_label(schema, source)} {{id: row.source}}) "
        f"MATCH (b:{_label(schema, target)} {{id: row.target}}) "
        f"MERGE (a)-[r:{_rel_type(schema, rel_type)} {{id: row.id}}]->(b) "
        "SET r += row.props"
    )


def merge_facts(schema: Schema, rel_type: str, source: str, target: str) -> str:
    """Facts resolution states with no evidence rows of their own (an entity's ``IN_CASE`` facts,
    a note's ``AUTHORED_BY``): written as the run gives them, no statistics."""
    return (
        "UNWIND $rows AS row "
        f"MATCH (a:{_label(schema, source)} {{id: row.source}}) "
        f"MATCH (b:{_label(schema, target)} {{id: row.target}}) "
        f"MERGE (a)-[r:{_rel_type(schema, rel_type)} {{id: row.id}}]->(b) "
        "SET r += row.props"
    )


def retire_other_authors() -> str:
    """A note has one author: an ``AUTHORED_BY`` of it other than the run's (an author merged into
    another person since, or no longer read) is retired, and the run's is live."""
    return (
        "UNWIND $rows AS row "
        "MATCH (:Note {id: row.note_id})-[r:AUTHORED_BY]->() "
        "WITH r, row, r.id = row.id AS kept "
        "WHERE kept = coalesce(r.retired, false) "
        "SET r.retired = NOT kept"
    )


def refresh_rel_stats(schema: Schema, rel_type: str) -> str:
    """Derive a relationship's evidence statistics from its Evidence nodes (live ones count)."""
    return (
        "UNWIND $ids AS rid "
        f"MATCH ()-[r:{_rel_type(schema, rel_type)} {{id: rid}}]->() "
        "CALL (r) { "
        "  MATCH (e:Evidence {rel_id: r.id}) WITH e ORDER BY e.id "
        "  WITH collect(e) AS evs "
        "  WITH evs, [e IN evs WHERE NOT coalesce(e.superseded, false)] AS live "
        "  RETURN [e IN evs | e.id] AS ids, live "
        "} "
        "SET r.evidence_ids = ids, r.evidence_count = size(live), r.retired = size(live) = 0, "
        "r.confidence = reduce(c = 0.0, e IN live | CASE WHEN e.confidence > c THEN e.confidence ELSE c END), "
        "r.first_seen = reduce(d = null, e IN live | CASE WHEN e.date IS NOT NULL AND (d IS NULL OR e.date < d) "
        "THEN e.date ELSE d END), "
        "r.last_seen = reduce(d = null, e IN live | CASE WHEN e.date IS NOT NULL AND (d IS NULL OR e.date > d) "
        "THEN e.date ELSE d END), "
        "r.methods = reduce(ms = [], e IN live | CASE WHEN e.method IN ms THEN ms ELSE ms + e.method END), "
        "r.case_ids = reduce(cs = [], e IN live | CASE WHEN e.case_id IS NULL OR e.case_id IN cs "
        "THEN cs ELSE cs + e.case_id END)"
    )


def write_scores(schema: Schema, label: str) -> str:
    """Analysis results onto existing nodes (never creates one), for Neo4j Browser and Bloom users."""
    return f"UNWIND $rows AS row MATCH (n:{_label(schema, label)} {{id: row.id}}) SET n += row.props"


# --- First-load fast path: ids known new in this run ----------------------------------------
# Used only when the run began on a database with no Mention, no Evidence and no relationship
# (``FRESH_DATABASE``), and only for ids not yet written in the run: nothing else can hold them.

#: One row: true when the database holds no Mention, no Evidence and no relationship at all.
FRESH_DATABASE = (
    "OPTIONAL MATCH (m:Mention) WITH m LIMIT 1 "
    "OPTIONAL MATCH (e:Evidence) WITH m, e LIMIT 1 "
    "OPTIONAL MATCH ()-[r]->() WITH m, e, r LIMIT 1 "
    "RETURN m IS NULL AND e IS NULL AND r IS NULL AS fresh"
)


def create_mentions() -> str:
    """The fast path's ``merge_mentions``: same properties, no lookup first."""
    return (
        "UNWIND $rows AS row "
        "CREATE (m:Mention {id: row.id}) "
        "SET m += row.props, m.entity_id = row.entity_id, m.entity_label = row.entity_label"
    )


def create_mentions_edges(schema: Schema, label: str) -> str:
    return (
        "UNWIND $rows AS row "
        "MATCH (note:Note {id: row.note_id}) "
        f"MATCH (n:{_label(schema, label)} {{id: row.entity_id}}) "
        "CREATE (note)-[r:MENTIONS {id: row.id}]->(n)"
    )


def create_evidence() -> str:
    return "UNWIND $rows AS row CREATE (e:Evidence {id: row.id}) SET e += row.props"


def create_rels(schema: Schema, rel_type: str, source: str, target: str) -> str:
    """A relationship and its evidence statistics (computed from the run's evidence in Python)."""
    return (
        "UNWIND $rows AS row "
        f"MATCH (a:{_label(schema, source)} {{id: row.source}}) "
        f"MATCH (b:{_label(schema, target)} {{id: row.target}}) "
        f"CREATE (a)-[r:{_rel_type(schema, rel_type)} {{id: row.id}}]->(b) "
        "SET r += row.props, r += row.stats"
    )


def set_rels(schema: Schema, rel_type: str) -> str:
    """A relationship already written in this run: its properties again and its new statistics."""
    return (
        "UNWIND $rows AS row "
        f"MATCH ()-[r:{_rel_type(schema, rel_type)} {{id: row.id}}]->() "
        "SET r += row.props, r += row.stats"
    )
