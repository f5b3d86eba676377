"""Loader Cypher (to be merged into cypher.py): every value a $param, labels/types from the schema."""
from __future__ import annotations

from graph_schema.model import Schema


def _q(name: str) -> str:
    """Backtick-quote a label or type that the caller has checked against the schema."""
    return "`" + name.replace("`", "``") + "`"


def _label(schema: Schema, label: str) -> str:
    schema.node(label)
    return _q(label)


def _rel_type(schema: Schema, rel_type: str) -> str:
    schema.rel(rel_type)
    return _q(rel_type)


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


# --- read side: projections -------------------------------------------------------------------

_EDGE_FILTER = (
    "type(r) IN $types AND (NOT coalesce(r.retired, false) OR $include_retired) "
    "AND coalesce(r.evidence_count, 0) >= $min_evidence "
    "AND ($case_id IS NULL OR $case_id IN coalesce(r.case_ids, [])) "
    "AND ($date_from IS NULL OR r.last_seen >= $date_from) "
    "AND ($date_to IS NULL OR r.first_seen <= $date_to) "
    "AND any(l IN labels(a) WHERE l IN $labels) AND any(l IN labels(b) WHERE l IN $labels) "
)

_EDGE_RETURN = (
    "CALL (r) { "
    "  OPTIONAL MATCH (e:Evidence {rel_id: r.id}) WHERE NOT coalesce(e.superseded, false) "
    "  WITH e ORDER BY e.confidence DESC, e.date, e.id LIMIT $evidence_limit "
    "  RETURN collect(e {.note_id, .sentence, .start, .end, .method, .confidence, .date}) AS evidence "
    "} "
    "RETURN a {.*, label: labels(a)[0], mentions: COUNT { (m:Mention {entity_id: a.id}) "
    "WHERE NOT coalesce(m.superseded, false) }} AS source, "
    "b {.*, label: labels(b)[0], mentions: COUNT { (m:Mention {entity_id: b.id}) "
    "WHERE NOT coalesce(m.superseded, false) }} AS target, "
    "r {.*, type: type(r)} AS rel, evidence "
    "ORDER BY rel.id"
)


def case_edges() -> str:
    """Every relationship of the case (or of every case) passing the filters, with its evidence."""
    return "MATCH (a)-[r]->(b) WHERE " + _EDGE_FILTER + _EDGE_RETURN


def neighbourhood_edges(schema: Schema, label: str, hops: int) -> str:
    """Relationships among the entities within ``hops`` of one entity (hops is an int, not text)."""
    hops = int(hops)
    if not 1 <= hops <= 6:
        raise ValueError("hops must be between 1 and 6")
    return (
        f"MATCH (s:{_label(schema, label)} {{id: $key}}) "
        f"CALL (s) {{ MATCH (s)-[path*0..{hops}]-(x) "
        "  WHERE all(rel IN path WHERE type(rel) IN $types AND NOT coalesce(rel.retired, false)) "
        "  RETURN collect(DISTINCT x) AS near } "
        "UNWIND near AS a MATCH (a)-[r]->(b) WHERE b IN near AND " + _EDGE_FILTER + _EDGE_RETURN
    )


def isolated_entities() -> str:
    """Entities with mentions but no relationship in the projection (leads to follow up)."""
    return (
        "MATCH (a) WHERE any(l IN labels(a) WHERE l IN $labels) AND NOT (a)--() "
        "RETURN a {.*, label: labels(a)[0], mentions: COUNT { (m:Mention {entity_id: a.id}) }} AS node"
    )


def evidence_for(schema: Schema) -> str:
    """The notes and sentences behind one node (its mentions) or one relationship (its evidence)."""
    return (
        "CALL () { "
        "  MATCH (m:Mention {entity_id: $id}) "
        "  RETURN 'mention' AS kind, m.note_id AS note_id, m.sentence AS sentence, m.start AS start, "
        "  m.end AS end, m.method AS method, m.confidence AS confidence, m.text AS text, "
        "  coalesce(m.superseded, false) AS superseded "
        "  UNION ALL "
        "  MATCH (e:Evidence {rel_id: $id}) "
        "  RETURN 'evidence' AS kind, e.note_id AS note_id, e.sentence AS sentence, e.start AS start, "
        "  e.end AS end, e.method AS method, e.confidence AS confidence, e.rel_type AS text, "
        "  coalesce(e.superseded, false) AS superseded "
        "} "
        "OPTIONAL MATCH (n:Note {id: note_id}) "
        "RETURN kind, note_id, n.path AS path, n.date AS note_date, n.author AS author, n.type AS note_type, "
        "sentence, start, end, method, confidence, text, superseded "
        "ORDER BY path, start"
    )


def notes_frame() -> str:
    return (
        "MATCH (n:Note) WHERE $case_id IS NULL OR n.case_id = $case_id "
        "RETURN n.id AS id, n.path AS path, n.type AS type, n.date AS date, n.author AS author, "
        "n.case_id AS case_id, n.superseded_by AS superseded_by, n.ingested_at AS ingested_at "
        "ORDER BY n.path, n.id"
    )


def counts() -> str:
    return (
        "CALL () { MATCH (n) UNWIND labels(n) AS label RETURN label AS name, count(*) AS n, 'node' AS kind "
        "UNION ALL MATCH ()-[r]->() RETURN type(r) AS name, count(*) AS n, 'relationship' AS kind } "
        "RETURN kind, name, n ORDER BY kind, name"
    )
